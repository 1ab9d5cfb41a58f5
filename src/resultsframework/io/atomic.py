"""Atomic writes: a failed write never leaves a half-written file, or folder, behind."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["folder_atomic", "write_atomic"]


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _new_file_mode() -> int:
    return 0o666 & ~_umask()


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """
    Write *data* to *path* through a temporary file in the same folder.

    The temporary file is flushed to disk and then renamed over *path*, so a
    reader sees either the old file or the new one, never a part.  An existing
    file keeps its permissions.

    .. versionadded:: 0.1.0
    """
    target = Path(path)
    folder = target.parent
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _new_file_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def folder_atomic(path: str | os.PathLike[str]) -> Iterator[Path]:
    """
    A temporary folder beside *path* to write a dataset in, put in *path*'s place when the block
    ends, removed if it fails: a reader, or a second attempt, finds the whole dataset or none.

    *path* must not exist, or be an empty folder (which the new one replaces; for a link to one,
    the folder it links to).
    """
    target = Path(path)
    if target.is_symlink() and target.is_dir():
        target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        os.chmod(work, 0o777 & ~_umask())  # as mkdir makes a folder (mkdtemp's is private)
        yield work
        if target.is_dir():
            target.rmdir()  # empty, as asked: anything else in it stops the write here
        os.replace(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise

"""
What the command prints, and how it fails: one place for both.

Everything the command prints goes through :class:`Console`, which shows text from the
user's files (paths, titles, messages quoting a value) with its control characters escaped,
so that a file name or a title cannot move the cursor, recolour or clear the terminal.
Everything a user can get wrong ends in a :class:`CommandError`, which :func:`~.main.main`
prints as one line with its exit code.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator, Sequence
from typing import TextIO

__all__ = [
    "INPUT",
    "USAGE",
    "CommandError",
    "Console",
    "json_line",
    "lookup",
    "printable",
    "reading",
    "reason",
    "writing",
]

INPUT = 1
"""The exit code for invalid input, errors found, or a file that cannot be read or written."""
USAGE = 2
"""The exit code for a usage error: a bad argument, or one naming something that is not there."""

_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""C0 controls except tab and new line, DEL, the C1 controls, the bidirectional embeddings,
overrides and isolates (which reorder the rest of a terminal's line), and the lone surrogates
standing for the bytes of a file name that is not UTF-8."""
_UNPRINTABLE_IN_DOCUMENTS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\ud800-\udfff]")
"""The same but the bidirectional isolates, which a rendered document needs (an Arabic table
isolates each English text) and which cannot reorder anything outside themselves."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name, as os.fsdecode gives it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, document: bool = False) -> str:
    """
    *text* with its control characters shown as escapes: ESC as ``\\x1b``, BEL as ``\\x07``.

    Tabs and new lines stay; every other C0 control, DEL and every C1 control (which a terminal
    would obey: move the cursor, change colours, set the window title) is written out instead,
    and so are the bidirectional controls (``\\u202e``) and a byte of a file name that is not
    UTF-8 (``\\xff``).
    """
    pattern = _UNPRINTABLE_IN_DOCUMENTS if document else _UNPRINTABLE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


def one_line(text: str) -> str:
    """*text* on one line: a line break in it (in a code a user wrote) shown as ``\\n``."""
    return text.replace("\r", "\\r").replace("\n", "\\n") if ("\n" in text or "\r" in text) else text


def json_line(record: object) -> str:
    """
    *record* as one line of JSON with no raw control character: JSON escapes C0 itself; DEL, C1
    and the lone surrogates of a file name that is not UTF-8 become ``\\u`` escapes too.
    """
    text = json.dumps(record, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class CommandError(Exception):
    """
    What went wrong, as the line to print, and the exit code.

    Raised anywhere below :func:`~.main.main` (argument parsing included), which prints
    *message* on standard error and returns *code*.
    """

    def __init__(self, message: str, code: int = INPUT) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def reason(error: OSError) -> str:
    """Why a file could not be read or written, without the file's name: ``No such file or directory``."""
    return error.strerror or str(error)


@contextlib.contextmanager
def reading(path: str) -> Iterator[None]:
    """A file that cannot be read, as ``PATH: cannot read: reason`` (exit 1)."""
    try:
        yield
    except OSError as e:
        raise CommandError(f"{path}: cannot read: {reason(e)}", INPUT) from None


@contextlib.contextmanager
def writing(path: str) -> Iterator[None]:
    """
    A file that cannot be written, as ``PATH: cannot write: reason`` (exit 1).

    The message names the file asked for, never the temporary file an atomic write goes through.
    """
    try:
        yield
    except OSError as e:
        raise CommandError(f"{path}: cannot write: {reason(e)}", INPUT) from None


@contextlib.contextmanager
def lookup() -> Iterator[None]:
    """A ``KeyError`` from looking up what an argument names (a framework, an indicator): exit 2."""
    try:
        yield
    except KeyError as e:
        message = e.args[0] if e.args and isinstance(e.args[0], str) else f"not found: {e}"
        raise CommandError(f"resultsframework: {message}", USAGE) from None


class Console:
    """
    Standard output and standard error, as the command writes to them.

    Messages and listings are always shown through :func:`printable`.  A document (a Markdown
    table, CSV, JSON) is written as it is when standard output is a file or a pipe, so that
    ``> table.csv`` gives the same bytes as ``-o table.csv``, and through :func:`printable`
    when it is shown on a terminal.
    """

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out = out
        self.err = err
        self._progress = 0  # the width of the progress line shown on standard error, if any

    def print(self, text: str = "") -> None:
        """A line on standard output."""
        self._write(self.out, printable(text) + "\n")

    def write(self, text: str) -> None:
        """Text on standard output, as it is apart from its control characters."""
        self._write(self.out, printable(text))

    def error(self, text: str) -> None:
        """A line (or several) on standard error."""
        self._write(self.err, printable(text) + "\n", errors="backslashreplace")

    def document(self, text: str) -> None:
        """A document on standard output."""
        if _isatty(self.out):
            text = printable(text.replace("\r\n", "\n"), document=True)
        self._write(self.out, text)

    def _write(self, stream: TextIO, text: str, errors: str | None = None) -> None:
        self._clear_progress()
        try:
            stream.write(text)
        except UnicodeEncodeError as e:
            if errors is not None:  # a message is shown whatever the terminal's encoding
                stream.write(text.encode(e.encoding, errors).decode(e.encoding))
                return
            raise CommandError(
                f"resultsframework: standard output cannot show {e.object[e.start : e.end]!r} (its "
                f"encoding is {e.encoding}); write to a file with -o, or set PYTHONIOENCODING=utf-8",
                INPUT,
            ) from None

    def progress(self, paths: Sequence[str]) -> Iterator[str]:
        """The paths, with a progress line on standard error when it is a terminal and there are several."""
        show = len(paths) > 1 and _isatty(self.err)
        try:
            for number, path in enumerate(paths, start=1):
                if show:
                    line = f"[{number}/{len(paths)}] {printable(path)[-60:]}"
                    self._clear_progress()
                    self.err.write(line)
                    self.err.flush()
                    self._progress = len(line)
                yield path
        finally:
            self._clear_progress()

    def _clear_progress(self) -> None:
        """Take the progress line away, so that what is printed next starts a clean line."""
        if self._progress:
            self.err.write("\r" + " " * self._progress + "\r")
            self.err.flush()
            self._progress = 0


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed stream, or one that is no file at all
        return False

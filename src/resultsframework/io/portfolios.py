"""
Portfolios: many programmes in one JSON Lines file (``.jsonl``), one compact canonical document a
line, read one programme at a time so that a portfolio of any size fits in the memory of one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..core.errors import LoadError, Problem
from ..core.memory import collector_paused
from ..core.model import Programme
from .atomic import write_atomic
from .converter import FORMAT, unstructure_document
from .documents import format_for, load, load_document
from .json import emit_json

__all__ = ["dump_portfolio", "each_programme", "iter_portfolio", "load_portfolio"]


def iter_portfolio(path: str | os.PathLike[str]) -> Iterator[Programme]:
    """
    Read a portfolio file one programme at a time.

    A portfolio file is JSON Lines (``.jsonl``): one programme document per line, in the
    canonical JSON form.  Programmes are read as they are needed, so a portfolio of any
    size is assessed in the memory of one programme.  To keep them all, :func:`load_portfolio`
    is faster than a list of these (it keeps the garbage collector paused while it reads,
    which this cannot do between the programmes it hands over).

    Raises:
        LoadError: for the first line that is not a valid programme, as
            ``FILE: line N: PATH: message``.

    .. versionadded:: 0.1.0
    """
    for number, raw in _portfolio_lines(path):
        try:
            yield load_document(raw, "json", None, Programme, FORMAT)
        except LoadError as e:
            raise LoadError(_on_line(e, number), str(path)) from None


def load_portfolio(path: str | os.PathLike[str]) -> list[Programme]:
    """
    Read every programme of a portfolio file (JSON Lines), or of one programme file.

    Raises:
        LoadError: listing the problems of every line that is not a valid programme.

    .. versionadded:: 0.1.0
    """
    if format_for_portfolio(path) != "jsonl":
        return [load(path)]
    problems: list[Problem] = []
    # Paused over the whole file, not only each line as iter_portfolio can: no code of the
    # caller's runs in between, and a collection between lines would walk every programme kept.
    with collector_paused():
        programmes = list(each_programme(path, problems))
    if problems:
        raise LoadError(problems, str(path))
    return programmes


def each_programme(path: str | os.PathLike[str], problems: list[Problem]) -> Iterator[Programme]:
    """
    Every valid programme of a portfolio file (JSON Lines), one at a time; each other line's
    problems added to *problems*, with its line, and the reading goes on: a portfolio streamed
    into a dataset (``portfolio ... --to parquet``) is checked whole in the same pass.
    """
    for number, raw in _portfolio_lines(path):
        try:
            programme = load_document(raw, "json", None, Programme, FORMAT)
        except LoadError as e:
            problems += _on_line(e, number)
            continue
        yield programme


def _portfolio_lines(path: str | os.PathLike[str]) -> Iterator[tuple[int, bytes]]:
    """The non-empty lines of a JSON Lines file, with their numbers."""
    with Path(path).open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield number, raw


def _on_line(error: LoadError, number: int) -> list[Problem]:
    return [Problem(p.path, p.message, number) for p in error.problems]


def format_for_portfolio(path: str | os.PathLike[str]) -> str:
    return "jsonl" if Path(path).suffix.lower() in (".jsonl", ".ndjson") else str(format_for(path))


def dump_portfolio(programmes: Iterable[Programme], path: str | os.PathLike[str]) -> None:
    """
    Write programmes as a portfolio file (JSON Lines: one compact canonical document a line), atomically.

    .. versionadded:: 0.1.0
    """
    lines = []
    for programme in programmes:
        lines.append(emit_json(unstructure_document(programme, FORMAT), indent=False))
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))

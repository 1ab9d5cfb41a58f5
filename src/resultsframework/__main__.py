"""
The ``resultsframework`` command.

Every command is a function of its arguments: :func:`main` takes ``argv`` and
returns the exit code (0 success, 1 invalid input, 2 usage error), so tests and
other tools call it directly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__
from ._errors import LoadError
from ._io import load
from ._model import Programme

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resultsframework",
        description="Results frameworks of migration and displacement programmes as data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    validate = commands.add_parser(
        "validate",
        help="check programme files; exit 1 if any has errors",
        description="Load each file and check it. Prints 'FILE: PATH: message' per problem; "
        "errors make the exit code 1, warnings do not.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("-q", "--quiet", action="store_true", help="print errors only, not warnings")

    summary = commands.add_parser(
        "summary",
        help="print a short summary of a programme file",
        description="Print the programme's cover data and where each indicator stands.",
    )
    summary.add_argument("file", metavar="FILE")

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the file format", description="Print the JSON Schema."
    )
    schema.set_defaults(files=[])
    return parser


def _load_or_report(path: str, err: TextIO) -> Programme | None:
    try:
        return load(path)
    except LoadError as e:
        for line in e.lines():
            print(line, file=err)
        return None
    except OSError as e:
        print(f"{path}: cannot read: {e.strerror or e}", file=err)
        return None


def _validate(files: Sequence[str], quiet: bool, out: TextIO, err: TextIO) -> int:
    from ._validate import Severity, validate  # noqa: PLC0415  (only this command needs it)

    failed = False
    for path in files:
        programme = _load_or_report(path, err)
        if programme is None:
            failed = True
            continue
        diagnostics = validate(programme)
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        for diagnostic in diagnostics:
            if quiet and diagnostic.severity is not Severity.ERROR:
                continue
            print(f"{path}: {diagnostic}", file=err if diagnostic.severity is Severity.ERROR else out)
        if errors:
            failed = True
        else:
            warnings = len(diagnostics)
            note = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
            print(f"{path}: valid{note}", file=out)
    return 1 if failed else 0


def _summary(path: str, out: TextIO, err: TextIO) -> int:
    from ._summary import summary  # noqa: PLC0415

    programme = _load_or_report(path, err)
    if programme is None:
        return 1
    out.write(summary(programme))
    return 0


def _schema(out: TextIO) -> int:
    import json  # noqa: PLC0415

    from ._schema import json_schema  # noqa: PLC0415

    out.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """
    Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code.

    .. versionadded:: 0.1.0
    """
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    if args.command == "validate":
        return _validate(args.files, args.quiet, out, err)
    if args.command == "summary":
        return _summary(args.file, out, err)
    if args.command == "schema":
        return _schema(out)
    parser.error(f"unknown command {args.command!r}")  # pragma: no cover  (argparse refuses first)
    return 2  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())

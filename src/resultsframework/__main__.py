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
from datetime import date
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

    render = commands.add_parser(
        "render",
        help="render the MPTF indicator table of a programme file",
        description="Render the MPTF 'Indicator Based Performance Assessment' table. Text formats "
        "go to standard output unless -o is given; docx and xlsx need -o.",
    )
    render.add_argument("file", metavar="FILE")
    render.add_argument(
        "-f",
        "--format",
        choices=["md", "html", "docx", "xlsx", "csv"],
        help="output format (default: from the -o suffix, else md)",
    )
    _output_options(render)
    render.add_argument("--activities", action="store_true", help="add a row per activity with its status")
    render.add_argument("--periods", action="store_true", help="add a column per reporting period")
    render.add_argument("--status", action="store_true", help="add the computed status and achievement rate")
    render.add_argument("--organisation", metavar="ID", help="only what this organisation is responsible for")
    render.add_argument("--standalone", action="store_true", help="HTML: a whole page, not a fragment")
    render.add_argument("--portrait", action="store_true", help="Word: portrait pages (default landscape)")

    report = commands.add_parser(
        "report",
        help="write the MPTF final narrative report of a programme file",
        description="Write the MPTF Generic Final Programme Narrative Report as Word (.docx) or Markdown "
        "(.md), from the -o suffix; Markdown goes to standard output without -o.",
    )
    report.add_argument("file", metavar="FILE")
    _output_options(report)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the file format", description="Print the JSON Schema."
    )
    schema.set_defaults(files=[])
    return parser


def _output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", metavar="OUT", help="file to write (atomically)")
    command.add_argument(
        "-l", "--locale", default="en", help="language of labels, numbers and dates: en, fr, ar, ..."
    )
    command.add_argument(
        "--digits", choices=["latn", "arab"], help="digits to write numbers with (arab: ٠١٢٣)"
    )
    command.add_argument(
        "--as-of", metavar="DATE", type=_date, help="assess as of this date (default: final)"
    )


def _date(text: str) -> date:
    from ._periods import PeriodError, parse_date  # noqa: PLC0415

    try:
        return parse_date(text)
    except PeriodError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _write(output: str | bytes, target: str | None, out: TextIO, err: TextIO) -> int:
    from ._atomic import write_atomic  # noqa: PLC0415

    if target is None:
        if isinstance(output, bytes):
            print("resultsframework: this format is binary; give -o FILE", file=err)
            return 2
        out.write(output)
        return 0
    try:
        write_atomic(target, output.encode("utf-8") if isinstance(output, str) else output)
    except OSError as e:
        print(f"{target}: cannot write: {e.strerror or e}", file=err)
        return 1
    return 0


def _suffix_format(target: str | None, default: str, allowed: tuple[str, ...], err: TextIO) -> str | None:
    from pathlib import Path  # noqa: PLC0415

    from ._render import FORMATS  # noqa: PLC0415

    if target is None:
        return default
    fmt = FORMATS.get(Path(target).suffix.lower().lstrip("."))
    if fmt not in allowed:
        print(f"resultsframework: cannot tell the format of {target!r}; use {', '.join(allowed)}", file=err)
        return None
    return fmt


def _render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._extras import MissingExtraError  # noqa: PLC0415
    from ._render import render  # noqa: PLC0415

    fmt = args.format or _suffix_format(args.output, "md", ("md", "html", "docx", "xlsx", "csv"), err)
    if fmt is None:
        return 2
    programme = _load_or_report(args.file, err)
    if programme is None:
        return 1
    try:
        output = render(
            programme, fmt, args.locale, digits=args.digits, as_of=args.as_of,
            include_activities=args.activities, per_period=args.periods, show_status=args.status,
            organisation=args.organisation, standalone=args.standalone, landscape=not args.portrait,
        )  # fmt: skip
    except MissingExtraError as e:
        print(f"resultsframework: {e}", file=err)
        return 1
    return _write(output, args.output, out, err)


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._extras import MissingExtraError  # noqa: PLC0415
    from ._render import report  # noqa: PLC0415

    fmt = _suffix_format(args.output, "md", ("docx", "md"), err)
    if fmt is None:
        return 2
    programme = _load_or_report(args.file, err)
    if programme is None:
        return 1
    try:
        output = report(programme, fmt, args.locale, digits=args.digits, as_of=args.as_of)  # type: ignore[arg-type]
    except MissingExtraError as e:
        print(f"resultsframework: {e}", file=err)
        return 1
    return _write(output, args.output, out, err)


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
    if args.command == "render":
        return _render(args, out, err)
    if args.command == "report":
        return _report(args, out, err)
    parser.error(f"unknown command {args.command!r}")  # pragma: no cover  (argparse refuses first)
    return 2  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())

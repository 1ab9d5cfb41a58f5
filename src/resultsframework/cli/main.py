"""
The ``resultsframework`` command.

Every command is a function of its arguments: :func:`main` takes ``argv`` and
returns the exit code (0 success, 1 invalid input, 2 usage error), so tests and
other tools call it directly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, TextIO

from .. import __version__
from ..core.errors import LoadError
from ..core.model import Programme
from ..io.documents import load

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
    validate.add_argument(
        "--as-of",
        metavar="DATE",
        type=_date,
        help="judge indicators as of this date (default: the end of the last reporting period)",
    )
    validate.add_argument(
        "--disaggregation",
        choices=["error", "warning", "off"],
        default="error",
        help="what a breakdown that does not add up to its total is (default: error)",
    )
    validate.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per problem (file, severity, code, path, line, message) "
        "on standard output, for other tools",
    )

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
    report.add_argument("--charts", action="store_true", help="Word: add a chart after the indicator table")
    _output_options(report)

    listing = commands.add_parser(
        "frameworks",
        help="list the frameworks known, or search their elements",
        description="List the shipped frameworks (and any given with --load); with --search, "
        "print the elements whose code or title contains the text.",
    )
    listing.add_argument("--search", metavar="TEXT", help="print elements containing TEXT")
    listing.add_argument("--framework", metavar="ID", help="search one framework only")
    listing.add_argument(
        "--load", metavar="FILE", action="append", default=[], help="a framework file to add"
    )
    listing.add_argument("-l", "--locale", default="en", help="language of titles (SDGs: en, fr, ar)")

    pillars = commands.add_parser(
        "pillars",
        help="map programmes onto a framework (IOM pillars, SDGs, GCM) and roll them up",
        description="Place every indicator of the programmes under the framework's elements (links "
        "are inherited downwards: an indicator without a link of its own counts where its output, "
        "outcome or programme links) and render the mapping, the counts by element or the "
        "programmes x elements matrix.",
    )
    pillars.add_argument("files", nargs="+", metavar="FILE")
    pillars.add_argument("--framework", default="iom-iraq-2022", metavar="ID", help="default: iom-iraq-2022")
    pillars.add_argument(
        "--load", metavar="FILE", action="append", default=[], help="a framework file to add"
    )
    pillars.add_argument("--table", choices=["mapping", "summary", "matrix"], default="mapping")
    pillars.add_argument("--level", help="the framework level to count by (summary, matrix)")
    pillars.add_argument("-f", "--format", choices=["md", "html", "docx", "xlsx", "csv"])
    _output_options(pillars)

    dstwg = commands.add_parser(
        "dstwg",
        help="check and export a partner's Durable Solutions values for one quarter",
        description="Check the values of indicators linked to the DSTWG catalogue for one calendar "
        "quarter (period, unit, required disaggregations) and export them keyed by catalogue code. "
        "Errors are printed and nothing is written.",
    )
    dstwg.add_argument("file", metavar="FILE")
    dstwg.add_argument("--quarter", required=True, metavar="QUARTER", help="e.g. 2025Q2")
    dstwg.add_argument("-f", "--format", choices=["csv", "xlsx", "md", "html"])
    _output_options(dstwg)

    _add_interop_commands(commands)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the file format", description="Print the JSON Schema."
    )
    schema.set_defaults(files=[])
    return parser


def _add_interop_commands(commands: Any) -> None:
    convert = commands.add_parser(
        "convert",
        help="convert between programme files, the Excel tracker, IATI XML and HXL CSV",
        description="Convert by the suffixes: .json/.yaml to .json/.yaml (canonical), .xlsx (the "
        "tracking workbook), .xml (IATI 2.03, export only) or .csv (HXL); a filled-in .xlsx tracker "
        "back to .json/.yaml with --programme, the programme file it was made from.",
    )
    convert.add_argument("source", metavar="IN")
    convert.add_argument("target", metavar="OUT")
    convert.add_argument("--programme", metavar="FILE", help="for a tracker IN: the programme it belongs to")
    convert.add_argument(
        "--reporting-org", metavar="REF", help="IATI: the reporting organisation's identifier"
    )

    chart = commands.add_parser(
        "chart",
        help="draw a chart of a programme (PNG or SVG)",
        description="With --indicator, one indicator period by period; else achieved against target for "
        "every indicator, or with --by, indicators by status per output, outcome or organisation.",
    )
    chart.add_argument("file", metavar="FILE")
    chart.add_argument("-o", "--output", required=True, metavar="OUT", help="a .png or .svg file")
    chart.add_argument("--indicator", metavar="CODE")
    chart.add_argument("--by", choices=["output", "outcome", "organisation"])
    chart.add_argument("-l", "--locale", default="en")
    chart.add_argument(
        "--as-of",
        metavar="DATE",
        type=_date,
        help="assess as of this date (default: the end of the last reporting period)",
    )


def _output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", metavar="OUT", help="file to write (atomically)")
    command.add_argument(
        "-l", "--locale", default="en", help="language of labels, numbers and dates: en, fr, ar, ..."
    )
    command.add_argument(
        "--digits", choices=["latn", "arab"], help="digits to write numbers with (arab: ٠١٢٣)"
    )
    command.add_argument(
        "--as-of",
        metavar="DATE",
        type=_date,
        help="assess as of this date (default: the end of the last reporting period)",
    )


def _date(text: str) -> date:
    from ..core.periods import PeriodError, parse_date  # noqa: PLC0415

    try:
        return parse_date(text)
    except PeriodError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _write(output: str | bytes, target: str | None, out: TextIO, err: TextIO) -> int:
    from ..io.atomic import write_atomic  # noqa: PLC0415

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

    from ..rendering import FORMATS  # noqa: PLC0415

    if target is None:
        return default
    fmt = FORMATS.get(Path(target).suffix.lower().lstrip("."))
    if fmt not in allowed:
        print(f"resultsframework: cannot tell the format of {target!r}; use {', '.join(allowed)}", file=err)
        return None
    return fmt


def _render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..core.extras import MissingExtraError  # noqa: PLC0415
    from ..rendering import render  # noqa: PLC0415

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
    from ..core.extras import MissingExtraError  # noqa: PLC0415
    from ..rendering import report  # noqa: PLC0415

    fmt = _suffix_format(args.output, "md", ("docx", "md"), err)
    if fmt is None:
        return 2
    programme = _load_or_report(args.file, err)
    if programme is None:
        return 1
    try:
        output = report(programme, fmt, args.locale, digits=args.digits, as_of=args.as_of, charts=args.charts)  # type: ignore[arg-type]
    except MissingExtraError as e:
        print(f"resultsframework: {e}", file=err)
        return 1
    return _write(output, args.output, out, err)


def _load_frameworks(paths: Sequence[str], err: TextIO) -> bool:
    from ..io import frameworks  # noqa: PLC0415

    for path in paths:
        try:
            frameworks.load(path, register_it=True)
        except LoadError as e:
            for line in e.lines():
                print(line, file=err)
            return False
        except OSError as e:
            print(f"{path}: cannot read: {e.strerror or e}", file=err)
            return False
    return True


def _frameworks(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..io import frameworks  # noqa: PLC0415

    if not _load_frameworks(args.load, err):
        return 1
    if args.search is None:
        for framework in frameworks.list():
            print(f"{framework.id}\t{len(framework.elements)} elements\t{framework.title}", file=out)
        return 0
    try:
        found = frameworks.search(args.search, framework=args.framework, language=args.locale)
    except KeyError as e:
        print(f"resultsframework: {e.args[0]}", file=err)
        return 2
    for element in found:
        print(f"{element.code}\t{element.level}\t{element.title_in(args.locale)}", file=out)
    return 0


def _pillars(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..assessment.alignment import align  # noqa: PLC0415
    from ..rendering import render_table  # noqa: PLC0415
    from ..tables.alignment import alignment_table, matrix_table, summary_table  # noqa: PLC0415
    from ..text.l10n import Localizer  # noqa: PLC0415

    fmt = args.format or _suffix_format(args.output, "md", ("md", "html", "docx", "xlsx", "csv"), err)
    if fmt is None or not _load_frameworks(args.load, err):
        return 2 if fmt is None else 1
    programmes = [_load_or_report(path, err) for path in _progress(args.files, err)]
    if any(p is None for p in programmes):
        return 1
    try:
        alignment = align([p for p in programmes if p is not None], args.framework, as_of=args.as_of)
    except KeyError as e:
        print(f"resultsframework: {e.args[0]}", file=err)
        return 2
    loc = Localizer(args.locale, digits=args.digits)
    if args.table == "mapping":
        table = alignment_table(alignment, locale=loc)
    elif args.table == "summary":
        table = summary_table(alignment, args.level, locale=loc)
    else:
        table = matrix_table(alignment, args.level, locale=loc)
    return _write(render_table(table, fmt), args.output, out, err)


def _dstwg(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..assessment.dstwg import check_quarter, quarter  # noqa: PLC0415
    from ..core.diagnostics import Severity  # noqa: PLC0415
    from ..core.periods import PeriodError  # noqa: PLC0415
    from ..rendering import render_table  # noqa: PLC0415
    from ..tables.dstwg import quarter_table  # noqa: PLC0415
    from ..text.l10n import Localizer  # noqa: PLC0415

    try:
        period = quarter(args.quarter)
    except PeriodError as e:
        print(f"resultsframework: --quarter: {e}", file=err)
        return 2
    fmt = args.format or _suffix_format(args.output, "csv", ("csv", "xlsx", "md", "html"), err)
    if fmt is None:
        return 2
    programme = _load_or_report(args.file, err)
    if programme is None:
        return 1
    diagnostics = check_quarter(programme, period)
    for diagnostic in diagnostics:
        print(f"{args.file}: {diagnostic}", file=err)
    if any(d.severity is Severity.ERROR for d in diagnostics):
        return 1
    table = quarter_table(programme, period, locale=Localizer(args.locale, digits=args.digits))
    return _write(render_table(table, fmt), args.output, out, err)


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


def _progress(paths: Sequence[str], err: TextIO) -> Iterator[str]:
    """The paths, with a progress line on standard error when it is a terminal and there are several."""
    show = len(paths) > 1 and err.isatty()
    for number, path in enumerate(paths, start=1):
        if show:
            err.write(f"\r[{number}/{len(paths)}] {path[-60:]:<60}")
            err.flush()
        yield path
    if show:
        err.write("\r" + " " * 72 + "\r")


def _convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pathlib import Path  # noqa: PLC0415

    from ..core.extras import MissingExtraError  # noqa: PLC0415
    from ..io.atomic import write_atomic  # noqa: PLC0415

    source, target = Path(args.source).suffix.lower(), Path(args.target).suffix.lower()
    documents = (".json", ".yaml", ".yml", ".toml")
    try:
        if source == ".xlsx":
            from ..interop.tracker import read_tracker  # noqa: PLC0415

            if args.programme is None or target not in (".json", ".yaml", ".yml"):
                print(
                    "resultsframework: a tracker converts to .json or .yaml, with --programme FILE", file=err
                )
                return 2
            programme = _load_or_report(args.programme, err)
            if programme is None:
                return 1
            try:
                programme = read_tracker(programme, args.source)
            except LoadError as e:
                for line in e.lines():
                    print(line, file=err)
                return 1
            return _dump_to(programme, args.target, err)
        if source not in documents:
            print(
                f"resultsframework: cannot read {args.source!r}; use .json, .yaml, .toml or a .xlsx tracker",
                file=err,
            )
            return 2
        programme = _load_or_report(args.source, err)
        if programme is None:
            return 1
        if target in (".json", ".yaml", ".yml"):
            return _dump_to(programme, args.target, err)
        if target == ".xlsx":
            from ..interop.tracker import tracker_workbook  # noqa: PLC0415

            data = tracker_workbook(programme)
        elif target == ".xml":
            from ..interop.iati import to_iati  # noqa: PLC0415

            data = to_iati(programme, reporting_org=args.reporting_org)
        elif target == ".csv":
            from ..interop.hxl import to_hxl  # noqa: PLC0415

            data = to_hxl(programme).encode("utf-8")
        else:
            print(
                f"resultsframework: cannot write {args.target!r}; use .json, .yaml, .xlsx, .xml or .csv",
                file=err,
            )
            return 2
    except MissingExtraError as e:
        print(f"resultsframework: {e}", file=err)
        return 1
    write_atomic(args.target, data)
    return 0


def _dump_to(programme: Programme, target: str, err: TextIO) -> int:
    from ..io.documents import dump  # noqa: PLC0415

    try:
        dump(programme, target)
    except OSError as e:
        print(f"{target}: cannot write: {e.strerror or e}", file=err)
        return 1
    return 0


def _chart(args: argparse.Namespace, err: TextIO) -> int:
    from pathlib import Path  # noqa: PLC0415

    from ..assessment.progress import assess  # noqa: PLC0415
    from ..core.extras import MissingExtraError  # noqa: PLC0415
    from ..formats.charts import progress_chart, status_chart, trend_chart  # noqa: PLC0415
    from ..io.atomic import write_atomic  # noqa: PLC0415

    fmt = Path(args.output).suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        print("resultsframework: a chart is written as .png or .svg", file=err)
        return 2
    programme = _load_or_report(args.file, err)
    if programme is None:
        return 1
    assessment = assess(programme, args.as_of)
    try:
        if args.indicator is not None:
            if args.indicator not in assessment:
                print(f"resultsframework: no indicator {args.indicator!r}", file=err)
                return 2
            data = trend_chart(assessment, args.indicator, format=fmt, locale=args.locale)  # type: ignore[arg-type]
        elif args.by is not None:
            data = status_chart(assessment, by=args.by, format=fmt, locale=args.locale)  # type: ignore[arg-type]
        else:
            data = progress_chart(assessment, format=fmt, locale=args.locale)  # type: ignore[arg-type]
    except MissingExtraError as e:
        print(f"resultsframework: {e}", file=err)
        return 1
    write_atomic(args.output, data)
    return 0


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json  # noqa: PLC0415

    from ..assessment.validation import validate  # noqa: PLC0415
    from ..core.diagnostics import Severity  # noqa: PLC0415
    from ..core.errors import Problem, format_path  # noqa: PLC0415
    from ..io.documents import load_located  # noqa: PLC0415

    def emit(path: str, severity: str, code: str, problem: Problem) -> None:
        record = {"file": path, "severity": severity, "code": code, "path": format_path(problem.path),
                  "line": problem.line, "message": problem.message}  # fmt: skip
        print(json.dumps(record, ensure_ascii=False), file=out)

    failed = False
    for path in _progress(args.files, err):
        try:
            programme, line_of = load_located(path)
        except LoadError as e:
            failed = True
            for problem, line in zip(e.problems, e.lines(), strict=True):
                if args.json:
                    emit(path, "error", "load-error", problem)
                else:
                    print(line, file=err)
            continue
        except OSError as e:
            failed = True
            if args.json:
                emit(path, "error", "cannot-read", Problem((), str(e.strerror or e)))
            else:
                print(f"{path}: cannot read: {e.strerror or e}", file=err)
            continue
        diagnostics = validate(programme, as_of=args.as_of, disaggregation=args.disaggregation)
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        failed = failed or bool(errors)
        for diagnostic in diagnostics:
            if args.quiet and diagnostic.severity is not Severity.ERROR:
                continue
            where = Problem(diagnostic.path, diagnostic.message, line_of(diagnostic.path))
            if args.json:
                emit(path, diagnostic.severity.value, diagnostic.code, where)
            else:
                finding = f"{diagnostic.severity} [{diagnostic.code}] {diagnostic.message}"
                stream = err if diagnostic.severity is Severity.ERROR else out
                print(f"{path}: {where.location()}: {finding}", file=stream)
        if not errors and not args.json:
            warnings = len(diagnostics)
            note = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
            print(f"{path}: valid{note}", file=out)
    return 1 if failed else 0


def _summary(path: str, out: TextIO, err: TextIO) -> int:
    from ..formats.summary import summary  # noqa: PLC0415

    programme = _load_or_report(path, err)
    if programme is None:
        return 1
    out.write(summary(programme))
    return 0


def _schema(out: TextIO) -> int:
    import json  # noqa: PLC0415

    from ..io.schema import json_schema  # noqa: PLC0415

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
        return _validate(args, out, err)
    if args.command == "summary":
        return _summary(args.file, out, err)
    if args.command == "schema":
        return _schema(out)
    if args.command == "render":
        return _render(args, out, err)
    if args.command == "report":
        return _report(args, out, err)
    if args.command == "frameworks":
        return _frameworks(args, out, err)
    if args.command == "pillars":
        return _pillars(args, out, err)
    if args.command == "dstwg":
        return _dstwg(args, out, err)
    if args.command == "convert":
        return _convert(args, out, err)
    if args.command == "chart":
        return _chart(args, err)
    parser.error(f"unknown command {args.command!r}")  # pragma: no cover  (argparse refuses first)
    return 2  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())

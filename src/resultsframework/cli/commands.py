"""
The commands: each a function of the parsed arguments and the console, returning the exit code.

They use the public API (``import resultsframework as rf``), which imports each part on first
use, so that ``--help`` stays fast.  What a user can get wrong is raised (a
:class:`~.console.CommandError`, a :class:`~resultsframework.LoadError`, an ``OSError`` ...)
and printed by :func:`~.main.main`, never here.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

import resultsframework as rf

if TYPE_CHECKING:
    from collections import Counter

from .console import USAGE, CommandError, Console, json_line, lookup, one_line, reading, reason, writing

if TYPE_CHECKING:
    from ..assessment.validation import Policy

__all__ = [
    "chart",
    "convert",
    "dstwg",
    "frameworks",
    "pillars",
    "portfolio",
    "render",
    "report",
    "schema",
    "summary",
    "validate",
]

TABLE_FORMATS = ("md", "html", "docx", "xlsx", "csv")
BINARY_FORMATS = frozenset({"docx", "xlsx"})
DOCUMENT_SUFFIXES = (".json", ".yaml", ".yml")


# -- shared steps ---------------------------------------------------------------------------


def load(path: str) -> rf.Programme:
    """The programme file at *path*; a file that cannot be read is a :class:`CommandError`."""
    with reading(path):
        return rf.load(path)


def load_all(
    paths: Sequence[str],
    console: Console,
    read: Callable[[str], Iterable[rf.Programme]] = lambda path: [rf.load(path)],
) -> list[rf.Programme]:
    """Every programme of the files (one each, or as *read* finds them), reporting the problems
    of all of them before failing."""
    return list(each_of(paths, console, read))


def each_of(
    paths: Sequence[str], console: Console, read: Callable[[str], Iterable[rf.Programme]]
) -> Iterator[rf.Programme]:
    """The programmes of the files, one at a time, as *read* finds them; at the end, if any file
    or line was not a valid programme, every problem of every file."""
    problems: list[str] = []
    for path in console.progress(paths):
        try:
            with reading(path):
                yield from read(path)
        except rf.LoadError as e:
            problems += e.lines()
        except CommandError as e:
            problems.append(e.message)
    if problems:
        raise CommandError("\n".join(problems))


@contextlib.contextmanager
def registered(paths: Sequence[str]) -> Iterator[None]:
    """
    The framework files given with ``--load``, known while the command runs.

    The registry is left as it was afterwards, so that :func:`~.main.main` called from a
    program does not change what the program sees.
    """
    replaced: list[tuple[str, rf.Framework | None]] = []
    try:
        for path in paths:
            with reading(path):
                framework = rf.frameworks.load(path)
            replaced.append((framework.id, rf.frameworks.find(framework.id)))
            rf.frameworks.register(framework, replace=True)
        yield
    finally:
        for framework_id, before in reversed(replaced):
            rf.frameworks.unregister(framework_id)
            if before is not None and rf.frameworks.find(framework_id) is not before:
                rf.frameworks.register(before, replace=True)


def output_format(args: argparse.Namespace, default: str, allowed: Sequence[str]) -> str:
    """The format to write: ``--format``, else the ``-o`` file's suffix, else *default*."""
    from ..rendering import FORMATS  # noqa: PLC0415

    fmt: str | None = getattr(args, "format", None)
    if fmt is None and args.output is not None:
        fmt = FORMATS.get(Path(args.output).suffix.lower().lstrip("."))
        if fmt not in allowed:
            raise CommandError(
                f"resultsframework: cannot tell the format of {args.output!r}; use {', '.join(allowed)}",
                USAGE,
            )
    fmt = fmt or default
    if fmt in BINARY_FORMATS and args.output is None:
        raise CommandError(f"resultsframework: {fmt} is a binary format; give -o FILE", USAGE)
    return fmt


def emit(console: Console, data: str | bytes, target: str | None) -> int:
    """*data* into the file *target* (atomically), or on standard output without one."""
    if target is None:
        if isinstance(data, bytes):  # output_format refuses this first
            raise CommandError("resultsframework: this format is binary; give -o FILE", USAGE)
        console.document(data)
        return 0
    write(target, data.encode("utf-8") if isinstance(data, str) else data)
    return 0


def write(target: str, data: bytes) -> None:
    """*data* into the file *target*, atomically."""
    from ..io.atomic import write_atomic  # noqa: PLC0415

    with writing(target):
        write_atomic(target, data)


# -- the commands -----------------------------------------------------------------------------


def validate(args: argparse.Namespace, console: Console) -> int:
    """
    ``validate FILE...``: load and check each file; exit 1 if any has errors.

    Every finding of a file, and its summary line (``FILE: valid (2 warnings)``, ``FILE: invalid
    (3 errors, 2 warnings)``), goes to standard output, in the order found; so does ``--json``.
    Codes left out by ``--select`` or ``--ignore`` are neither printed nor counted.
    """
    from ..core.errors import format_path  # noqa: PLC0415

    wanted = selection(args.select, args.ignore)

    def emit_json(path: str, severity: str, code: str, problem: rf.Problem, indicator: str | None) -> None:
        record = {"file": path, "severity": severity, "code": code, "path": format_path(problem.path),
                  "line": problem.line, "indicator": indicator, "message": problem.message}  # fmt: skip
        console.print(json_line(record))

    def unloadable(path: str, code: str, problems: Sequence[rf.Problem], lines: Sequence[str]) -> None:
        if not wanted(code):
            return
        for problem, line in zip(problems, lines, strict=True):
            if args.json:
                emit_json(path, "error", code, problem, None)
            else:
                console.print(line)
        if not args.json:
            console.print(f"{path}: invalid ({counted(len(problems), 'error')})")

    trackers = [path for path in args.files if Path(path).suffix.lower() == ".xlsx"]
    if trackers and args.programme is None:
        raise CommandError(
            f"resultsframework: {trackers[0]} is a tracker: give --programme FILE, the programme file "
            "it was made from",
            USAGE,
        )
    programme_of_trackers = load(args.programme) if trackers else None
    failed = False
    for path in console.progress(args.files):
        try:
            if programme_of_trackers is not None and path in trackers:
                findings = tracker_findings(path, programme_of_trackers, args)
            else:
                findings = file_findings(path, args)
        except rf.LoadError as e:
            failed = failed or wanted("load-error")
            unloadable(path, "load-error", e.problems, e.lines())
            continue
        except OSError as e:  # reported with the file's other problems, and the next file checked
            failed = failed or wanted("cannot-read")
            problem = rf.Problem((), reason(e))
            unloadable(path, "cannot-read", [problem], [f"{path}: cannot read: {reason(e)}"])
            continue
        findings = [f for f in findings if wanted(f[0].code)]
        errors = sum(f[0].severity is rf.Severity.ERROR for f in findings)
        failed = failed or bool(errors)
        for diagnostic, where, indicator in findings:
            if args.quiet and diagnostic.severity is not rf.Severity.ERROR:
                continue
            if args.json:
                emit_json(path, diagnostic.severity.value, diagnostic.code, where, indicator)
            else:
                console.print(finding_line(path, (diagnostic, where, indicator)))
        if not args.json:
            warnings = len(findings) - errors
            counts = [counted(n, word) for n, word in ((errors, "error"), (warnings, "warning")) if n]
            note = f" ({', '.join(counts)})" if counts else ""
            console.print(f"{path}: {'invalid' if errors else 'valid'}{note}")
    return 1 if failed else 0


Finding = tuple[rf.Diagnostic, rf.Problem, str | None]
"""A diagnostic, where it is (as a problem at a path, with its line), and its indicator's code."""


def file_findings(path: str, args: argparse.Namespace) -> list[Finding]:
    """The findings of validate on the programme file at *path*, each at its line."""
    from ..io.documents import load_located  # noqa: PLC0415

    programme, line_of = load_located(path)
    codes = indicator_codes(programme)
    return [
        (d, rf.Problem(d.path, d.message, line_of(d.path)), indicator_of(d.path, codes))
        for d in rf.validate(
            programme, as_of=args.as_of, disaggregation=args.disaggregation, for_iati="iati" in args.for_
        )
    ]


def finding_line(path: str, finding: Finding) -> str:
    """A finding as validate prints it: ``tracker.xlsx: Tracker!K7 (Achieved value): error [...] ...``."""
    diagnostic, where, indicator = finding
    about = f"indicator {one_line(indicator)}: " if indicator is not None else ""
    return (
        f"{path}: {where.location()}: {diagnostic.severity} [{diagnostic.code}] {about}{diagnostic.message}"
    )


def tracker_findings(path: str, programme: rf.Programme, args: argparse.Namespace) -> list[Finding]:
    """The findings of validate on the tracker at *path*, each at its cell where it has one."""
    from ..interop.tracker import tracker_findings as findings  # noqa: PLC0415

    as_of, policy = getattr(args, "as_of", None), cast("Policy", getattr(args, "disaggregation", "error"))
    found = findings(programme, path, as_of=as_of, disaggregation=policy)
    return [(d, rf.Problem((cell,) if cell else d.path, d.message), code) for d, cell, code in found]


LOAD_CODES = ("load-error", "cannot-read")
"""The codes of a file that cannot be loaded or read: not rules of validation, but selectable."""


def counted(number: int, word: str) -> str:
    """``1 error``, ``1,234 warnings``."""
    return f"{number:,} {word}{'s' if number != 1 else ''}"


def selection(select: Sequence[str], ignore: Sequence[str]) -> Callable[[str], bool]:
    """
    Whether a finding's code is wanted: in ``--select`` (if given) and not in ``--ignore``.

    Each option is a comma-separated list of codes, and may be given several times; a code
    that is no rule is a usage error, with the nearest code.
    """
    from ..core.errors import did_you_mean  # noqa: PLC0415

    known = [*rf.RULES, *LOAD_CODES]

    def codes(values: Sequence[str], option: str) -> frozenset[str]:
        found = {code.strip() for value in values for code in value.split(",") if code.strip()}
        for code in sorted(found):
            if code not in known:
                hint = did_you_mean(code, known) or "; see docs/validation.md for the codes"
                raise CommandError(f"resultsframework validate: {option}: no rule {code!r}{hint}", USAGE)
        return frozenset(found)

    selected = codes(select, "--select") if select else None
    ignored = codes(ignore, "--ignore")
    return lambda code: (selected is None or code in selected) and code not in ignored


def indicator_codes(programme: rf.Programme) -> dict[tuple[object, ...], str]:
    """The code of every indicator that has one, by the field path of the indicator."""
    found: dict[tuple[object, ...], str] = {}
    for node in programme.walk("indicator"):
        code = getattr(node.item, "code", None)
        if code:
            found[tuple(node.path)] = code
    return found


def indicator_of(path: Sequence[object], codes: dict[tuple[object, ...], str]) -> str | None:
    """The code of the indicator a finding's *path* lies under, if it lies under one."""
    for end in range(len(path), 0, -1):
        code = codes.get(tuple(path[:end]))
        if code is not None:
            return code
    return None


def portfolio_files(paths: Sequence[str]) -> list[str]:
    """The files of a portfolio: each path, or a directory's portfolios and programme files, sorted."""
    suffixes = (*DOCUMENT_SUFFIXES, ".toml", ".jsonl", ".ndjson")
    files: list[str] = []
    for path in paths:
        folder = Path(path)
        if folder.is_dir():
            found = sorted(str(f) for f in folder.iterdir() if f.is_file() and f.suffix.lower() in suffixes)
            if not found:
                raise CommandError(f"{path}: no portfolio (.jsonl) or programme file in this directory")
            files += found
        else:
            files.append(path)
    return files


def stream_portfolio(paths: Sequence[str], console: Console) -> Iterator[rf.Programme]:
    """Every programme of the portfolio files, one at a time; every problem said at the end."""
    return each_of(paths, console, _programmes_of)


def _programmes_of(path: str) -> Iterator[rf.Programme]:
    """A file's programmes, one at a time; a portfolio's bad lines, all of them, raised at its end."""
    from ..io.portfolios import each_programme, format_for_portfolio  # noqa: PLC0415

    if format_for_portfolio(path) != "jsonl":
        yield rf.load(path)
        return
    found: list[rf.Problem] = []
    yield from each_programme(path, found)
    if found:
        raise rf.LoadError(found, path)


def portfolio(args: argparse.Namespace, console: Console) -> int:
    """``portfolio FILE|DIR... --to parquet OUT`` or ``portfolio FILE|DIR... assess``: the columnar path."""
    import tempfile  # noqa: PLC0415

    from ..interop.columnar import summarise_parquet  # noqa: PLC0415

    files = list(args.files)
    assessing = files[-1] == "assess"
    if assessing:
        files.pop()
    if not files:
        raise CommandError("resultsframework portfolio: give the portfolio's files or directories", USAGE)
    if assessing == (args.to is not None):
        raise CommandError(
            "resultsframework portfolio: give either --to parquet OUT or the word assess last", USAGE
        )
    if args.to is not None and args.to[0] != "parquet":
        raise CommandError(f"resultsframework portfolio: --to takes parquet, not {args.to[0]!r}", USAGE)
    paths = portfolio_files(files)
    # Streamed, one programme in memory at a time: the portfolio is checked whole as it is
    # written, and a problem anywhere leaves no dataset (to_parquet writes it atomically).
    if not assessing:
        with writing(args.to[1]):
            rf.to_parquet(stream_portfolio(paths, console), args.to[1])
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = rf.to_parquet(stream_portfolio(paths, console), Path(tmp) / "portfolio")
        session: Any = None  # DuckDB, in this process
        started = False
        if args.engine == "spark":
            session, started = _spark_session()
        try:
            # The programmes read again, as far as the indicators the query leaves to Python need.
            again = stream_portfolio(paths, console)
            summary = summarise_parquet(out, programmes=again, connection=session)
        finally:
            if started:
                session.stop()
    for title, counts, fallback in summary.programmes:
        by_object = f" ({fallback} assessed object by object)" if fallback else ""
        console.write(f"{one_line(title) or '(untitled)'}: {_counted(counts)}{by_object}\n")
    if summary.elements:
        console.write("\nBy framework element:\n")
    for element, counts in summary.elements.items():
        console.write(f"{element}: {_counted(counts)}\n")
    return 0


def _spark_session() -> tuple[Any, bool]:
    """
    The active Spark session (a notebook's, say), else one started in local mode on every core,
    overflow an error (ANSI mode), quiet; and whether it was started here (to be stopped).
    """
    from ..core.extras import require  # noqa: PLC0415

    require("pyspark", "spark")
    from pyspark.sql import SparkSession  # noqa: PLC0415

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    try:
        session = (
            SparkSession.builder.master("local[*]").appName("resultsframework")
            .config("spark.sql.ansi.enabled", "true").config("spark.ui.enabled", "false")
            .getOrCreate()
        )  # fmt: skip
    except Exception as e:  # noqa: BLE001  # pyspark's errors when Java is missing or fails
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise CommandError(f"Spark did not start ({first}); it needs Java 17 or later (JAVA_HOME)") from None
    session.sparkContext.setLogLevel("ERROR")
    return session, True


def _counted(counts: Counter[rf.Status]) -> str:
    """``3 indicators: 2 not_achieved, 1 achieved``: the most frequent status first."""
    shown = ", ".join(f"{n} {status.value}" for status, n in sorted(counts.items(), key=lambda c: -c[1]))
    return f"{sum(counts.values())} indicators: {shown}"


def summary(args: argparse.Namespace, console: Console) -> int:
    """``summary FILE``: the cover data and where each indicator stands."""
    from ..formats.summary import summary as summarise  # noqa: PLC0415

    console.write(summarise(load(args.file)))
    return 0


def render(args: argparse.Namespace, console: Console) -> int:
    """``render FILE``: the MPTF indicator table."""
    fmt = output_format(args, "md", TABLE_FORMATS)
    programme = load(args.file)
    if args.table == "results" and args.template != "mptf":
        message = f"resultsframework: --template {args.template} is a table of its own; leave out --table"
        raise CommandError(message, USAGE)
    if args.table == "results":
        with registered(args.load):
            table = results_table([programme], args, console)
        output = rf.render_table(table, fmt, standalone=args.standalone, landscape=not args.portrait,
                                 paper=args.paper, bom=args.bom)  # fmt: skip
        return emit(console, output, args.output)
    output = rf.render(
        programme, fmt, args.locale, digits=args.digits, as_of=args.as_of,
        include_activities=args.activities, per_period=args.periods, show_status=args.status,
        from_baseline=args.from_baseline, organisation=args.organisation, breakdowns=args.breakdowns,
        standalone=args.standalone,
        landscape=not args.portrait, paper=args.paper, bom=args.bom, template=args.template,
    )  # fmt: skip
    return emit(console, output, args.output)


def report(args: argparse.Namespace, console: Console) -> int:
    """``report FILE``: the MPTF final narrative report, as Word or Markdown."""
    fmt = output_format(args, "md", ("docx", "md"))
    programme = load(args.file)
    with registered(args.load):
        framework = framework_of(args) if args.results else None
        output = rf.report(
            programme, "docx" if fmt == "docx" else "md", args.locale, digits=args.digits, as_of=args.as_of,
            charts=args.charts, results=framework, level=args.level, paper=args.paper,
            kind=args.kind, empty_sections=args.empty_sections,
        )  # fmt: skip
    return emit(console, output, args.output)


def frameworks(args: argparse.Namespace, console: Console) -> int:
    """``frameworks``: list the frameworks, or search their elements."""
    with registered(args.load):
        if args.search is None:
            for framework in rf.frameworks.list():
                console.print(f"{framework.id}\t{len(framework.elements)} elements\t{framework.title}")
            return 0
        if args.framework is not None:
            with lookup():
                rf.frameworks.get(args.framework)
        found = rf.frameworks.search(args.search, framework=args.framework, language=args.locale)
        for element in found:
            console.print(f"{element.code}\t{element.level}\t{element.title_in(args.locale)}")
    return 0


def pillars(args: argparse.Namespace, console: Console) -> int:
    """``pillars FILE...``: map programmes onto a framework and roll them up."""
    fmt = output_format(args, "md", TABLE_FORMATS)
    with registered(args.load):
        programmes = load_all(args.files, console)
        if args.table == "results":
            return emit(console, rf.render_table(results_table(programmes, args, console), fmt), args.output)
        framework = framework_of(args)
        alignment = rf.align(programmes, framework, as_of=args.as_of)
        loc = rf.Localizer(args.locale, digits=args.digits)
        if args.table == "mapping":
            table = rf.alignment_table(alignment, locale=loc)
        elif args.table == "summary":
            table = rf.summary_table(alignment, args.level, locale=loc)
        else:
            table = rf.matrix_table(alignment, args.level, locale=loc)
    return emit(console, rf.render_table(table, fmt), args.output)


def framework_of(args: argparse.Namespace) -> rf.Framework:
    """The framework of ``--framework``, with ``--level`` one of its levels."""
    with lookup():
        framework = rf.frameworks.get(args.framework)
    if args.level is not None and args.level not in framework.levels:
        raise CommandError(
            f"resultsframework: the framework {framework.id!r} has no level {args.level!r}; "
            f"its levels: {', '.join(framework.levels)}",
            USAGE,
        )
    return framework


def results_table(programmes: Sequence[rf.Programme], args: argparse.Namespace, console: Console) -> rf.Table:
    """
    The figures of *programmes* by element of ``--framework`` (at ``--level``), with their totals;
    what does not add up (a unit that is not the element's) is said on standard error.
    """
    rollup = rf.roll_up(programmes, framework_of(args), level=args.level, as_of=args.as_of)
    for diagnostic in rollup.diagnostics:
        console.error(f"resultsframework: {diagnostic.severity} [{diagnostic.code}] {diagnostic.message}")
    return rf.results_table(rollup, locale=rf.Localizer(args.locale, digits=args.digits))


def dstwg(args: argparse.Namespace, console: Console) -> int:
    """
    ``dstwg FILE... --quarter Q [--sum]``: check and export one quarter's Durable Solutions values,
    each partner's or (``--sum``) summed across the partners; nothing is written if any has an error.
    """
    fmt = output_format(args, "csv", ("csv", "xlsx", "md", "html"))
    programmes = load_all(args.files, console)
    failed = False
    for path, programme in zip(args.files, programmes, strict=True):
        diagnostics = rf.check_quarter(programme, args.quarter)
        for diagnostic in diagnostics:
            console.error(f"{path}: {diagnostic}")
        failed = failed or any(d.severity is rf.Severity.ERROR for d in diagnostics)
    if failed:
        return 1
    loc = rf.Localizer(args.locale, digits=args.digits)
    table = rf.quarter_table(programmes, args.quarter, locale=loc, summed=args.sum)
    return emit(console, rf.render_table(table, fmt), args.output)


def convert(args: argparse.Namespace, console: Console) -> int:
    """``convert IN OUT``: between programme files, the tracker, IATI XML and HXL CSV."""
    source, target = Path(args.source).suffix.lower(), Path(args.target).suffix.lower()
    if source == ".xlsx":
        if args.programme is None or target not in DOCUMENT_SUFFIXES:
            raise CommandError(
                "resultsframework: a tracker converts to .json or .yaml, with --programme FILE", USAGE
            )
        original = load(args.programme)
        with reading(args.source):
            # What validate says of the filled tracker, at its cells: an error is not written in.
            findings = tracker_findings(args.source, original, args)
            programme = rf.read_tracker(original, args.source)
        # The errors the values typed in bring, not those the programme file had already (and
        # warnings are validate's to say).
        before = set(rf.validate(original))
        errors = [f for f in findings if f[0].severity is rf.Severity.ERROR and f[0] not in before]
        for finding in errors:
            console.error(finding_line(args.source, finding))
        if errors:
            console.error(
                f"{args.source}: not converted ({counted(len(errors), 'error')}); correct the tracker and "
                "convert it again"
            )
            return 1
        with writing(args.target):
            rf.dump(programme, args.target)
        return 0
    if source == ".xml":
        return _convert_iati(args, console, target)
    if source not in (*DOCUMENT_SUFFIXES, ".toml"):
        raise CommandError(
            f"resultsframework: cannot read {args.source!r}; use .json, .yaml, .toml or a .xlsx tracker",
            USAGE,
        )
    if target not in (*DOCUMENT_SUFFIXES, ".xlsx", ".xml", ".csv"):
        raise CommandError(
            f"resultsframework: cannot write {args.target!r}; use .json, .yaml, .xlsx, .xml or .csv", USAGE
        )
    programme = load(args.source)
    if target in DOCUMENT_SUFFIXES:
        with writing(args.target):
            rf.dump(programme, args.target)
        return 0
    if target == ".xlsx":
        data = rf.tracker_workbook(programme)
    elif target == ".xml":
        data = rf.to_iati(
            programme,
            reporting_org=args.reporting_org,
            default_sector=args.default_sector,
            language=args.language,
            indicator_uri=args.indicator_uri,
        )
    else:
        data = rf.to_hxl(programme).encode("utf-8")
    write(args.target, data)
    return 0


def _convert_iati(args: argparse.Namespace, console: Console, target: str) -> int:
    """``convert activity.xml programme.yaml``: IATI results read back, what could not be mapped printed."""
    if target not in DOCUMENT_SUFFIXES:
        raise CommandError("resultsframework: IATI XML converts to .json or .yaml", USAGE)
    with reading(args.source):
        data = Path(args.source).read_bytes()
    from ..interop.iati_read import is_iati  # noqa: PLC0415

    if not is_iati(data):
        raise CommandError(f"{args.source}: not an IATI document (its root is not iati-activities)")
    try:
        read = rf.from_iati(data)
    except rf.ResultsFrameworkError as e:
        raise CommandError(f"{args.source}: {e}") from None
    for found in read.diagnostics:
        console.print(f"{args.source}: {found}")
    if len(read.programmes) != 1:
        raise CommandError(
            f"{args.source}: holds {len(read.programmes)} activities; a programme file holds one"
        )
    with writing(args.target):
        rf.dump(read.programmes[0], args.target)
    errors = sum(d.severity is rf.Severity.ERROR for d in read.diagnostics)
    return 1 if errors else 0


def chart(args: argparse.Namespace, console: Console) -> int:
    """``chart FILE -o OUT``: a progress, status or trend chart, as PNG or SVG."""
    suffix = Path(args.output).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise CommandError("resultsframework: a chart is written as .png or .svg", USAGE)
    image: Literal["png", "svg"] = "png" if suffix == ".png" else "svg"
    assessment = rf.assess(load(args.file), args.as_of)
    loc = rf.Localizer(args.locale, digits=args.digits)
    if args.indicator is not None:
        with lookup():
            assessment[args.indicator]
        data = rf.trend_chart(assessment, args.indicator, format=image, locale=loc)
    elif args.by is not None:
        data = rf.status_chart(assessment, by=args.by, format=image, locale=loc)
    else:
        data = rf.progress_chart(assessment, format=image, locale=loc)
    write(args.output, data)
    return 0


def schema(args: argparse.Namespace, console: Console) -> int:
    """``schema``: the JSON Schema of the file format."""
    import json  # noqa: PLC0415

    console.document(json.dumps(rf.json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0

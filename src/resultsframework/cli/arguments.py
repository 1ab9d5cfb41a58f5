"""
The command line's arguments: the parser of every command, and the types of their values.

:func:`parser` is public: the documentation's command reference is generated from it, and a
tool can read the commands and options from it.  Each command's parser carries the function
that runs it (``run``, set with ``set_defaults``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NoReturn

import resultsframework as rf

from . import commands
from .console import USAGE, CommandError, Console

__all__ = ["EXIT_CODES", "ArgumentParser", "Command", "date_type", "locale_type", "parser", "quarter_type"]

Command = Callable[[argparse.Namespace, Console], int]
"""What runs a command: the parsed arguments and the console in, the exit code out."""

EXIT_CODES = (
    "exit codes: 0 success; 1 invalid input, errors found, or a file that cannot be read or "
    "written; 2 usage error (a bad argument, or one naming a framework, level or indicator that "
    "is not there); 130 interrupted"
)


class ArgumentParser(argparse.ArgumentParser):
    """
    An argument parser whose usage errors raise :class:`~.console.CommandError` (exit code 2).

    :func:`~.main.main` prints the error as one line; argparse itself would print the usage
    and exit the interpreter.
    """

    commands: dict[str, ArgumentParser]
    """The parser of each command, by name (set on the command's own parser)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = {}

    def error(self, message: str) -> NoReturn:
        raise CommandError(f"{self.prog}: {message} (see '{self.prog} --help')", USAGE)

    def parse(self, argv: Sequence[str] | None = None) -> argparse.Namespace:
        """
        The parsed arguments; like ``parse_args``, but an argument no command knows is
        reported by the command it was given to (``resultsframework render: unrecognized
        arguments: --frob``), not by the top parser.
        """
        args, extras = self.parse_known_args(argv)
        if extras:
            command = self.commands.get(getattr(args, "command", None) or "", self)
            command.error(f"unrecognized arguments: {' '.join(extras)}")
        return args


# -- the types of values --------------------------------------------------------------------


def date_type(text: str) -> date:
    """A date: ``2021-12-31``, ``31 December 2021``."""
    try:
        return rf.parse_date(text)
    except rf.PeriodError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def quarter_type(text: str) -> rf.Period:
    """A calendar quarter: ``2025Q2``, ``Q2 2025``."""
    from ..assessment.dstwg import quarter  # noqa: PLC0415

    try:
        return quarter(text)
    except rf.PeriodError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def locale_type(text: str) -> str:
    """A locale whose language has a shipped catalogue: ``en``, ``fr``, ``ar``, ``ar_IQ``, ``fr-CH``."""
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415

    available = rf.available_locales()
    try:
        language = Locale.parse(text.replace("-", "_")).language
    except (ValueError, TypeError, UnknownLocaleError):
        from ..text.l10n import unknown_locale  # noqa: PLC0415

        raise argparse.ArgumentTypeError(unknown_locale(text)) from None
    if language not in available:
        raise argparse.ArgumentTypeError(
            f"no translation into {text!r}; use one of {', '.join(available)}"
        ) from None
    return text


# -- the parser -----------------------------------------------------------------------------


def parser() -> ArgumentParser:
    """
    The parser of the ``resultsframework`` command, with every command and option.

    Each command's namespace holds ``run``, the :data:`Command` that carries it out; each
    command's parser is in ``commands``, by name.  Usage errors raise
    :class:`~resultsframework.cli.console.CommandError` (its ``code`` is 2) rather than exiting.

    .. versionadded:: 0.1.0
    """
    top = ArgumentParser(
        prog="resultsframework",
        description="Results frameworks of migration and displacement programmes as data.",
        epilog=EXIT_CODES,
    )
    top.add_argument(
        "--version", action="version", version=f"%(prog)s {rf.__version__}", help="print the version and exit"
    )
    subparsers = top.add_subparsers(dest="command", metavar="COMMAND", required=True, title="commands")
    for add in (_validate, _summary, _render, _report, _frameworks, _pillars, _dstwg, _convert, _chart,
                _schema, _portfolio):  # fmt: skip
        add(subparsers)
    top.commands = dict(subparsers.choices)
    return top


def _command(subparsers: Any, name: str, run: Command, *, help: str, description: str) -> ArgumentParser:
    command: ArgumentParser = subparsers.add_parser(name, help=help, description=description)
    command.set_defaults(run=run)
    return command


def _validate(subparsers: Any) -> None:
    command = _command(
        subparsers, "validate", commands.validate,
        help="check programme files; exit 1 if any has errors",
        description="Load each file and check it. Prints 'FILE: PATH (line N): SEVERITY [CODE] "
        "message' per finding (the line for YAML files; 'indicator CODE:' before the message of a "
        "finding under an indicator), then 'FILE: valid (N warnings)' or 'FILE: invalid (N errors, "
        "N warnings)', all on standard output; errors make the exit code 1, warnings do not.",
    )  # fmt: skip
    command.add_argument(
        "files", nargs="+", metavar="FILE",
        help="a programme file (.yaml, .json, .toml), or a filled-in tracker (.xlsx) with --programme",
    )  # fmt: skip
    command.add_argument(
        "--programme", metavar="FILE",
        help="for a tracker FILE: the programme file it was made from; its findings are then given "
        "at the tracker's cells (Tracker!K7)",
    )  # fmt: skip
    command.add_argument("-q", "--quiet", action="store_true", help="print errors only, not warnings")
    command.add_argument(
        "--select", metavar="CODE,...", action="append", default=[],
        help="report only these codes (comma-separated; may be given several times), such as "
        "breakdown-total,variance-missing; the codes are in docs/validation.md",
    )  # fmt: skip
    command.add_argument(
        "--ignore", metavar="CODE,...", action="append", default=[],
        help="do not report these codes (comma-separated; may be given several times), such as "
        "target-missing,future-period; an ignored error does not make the exit code 1",
    )  # fmt: skip
    _as_of(command, "judge indicators as of this date")
    command.add_argument(
        "--disaggregation",
        choices=["error", "warning", "off"],
        default="error",
        help="what a breakdown that does not add up to its total is (default: error)",
    )
    command.add_argument(
        "--for", dest="for_", choices=["iati"], action="append", default=[],
        help="also warn of what publishing the programme there needs and it does not state: for "
        "iati, a sector (sector-missing)",
    )  # fmt: skip
    command.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per problem (file, severity, code, path, line, indicator, "
        "message) on "
        "standard output, for other tools; a file that cannot be loaded gives the code load-error, "
        "one that cannot be read cannot-read",
    )


def _summary(subparsers: Any) -> None:
    command = _command(
        subparsers, "summary", commands.summary,
        help="print a short summary of a programme file",
        description="Print the programme's cover data and where each indicator stands.",
    )  # fmt: skip
    command.add_argument("file", metavar="FILE", help="a programme file")


def _render(subparsers: Any) -> None:
    command = _command(
        subparsers, "render", commands.render,
        help="render the MPTF indicator table of a programme file",
        description="Render the MPTF 'Indicator Based Performance Assessment' table. Text formats "
        "go to standard output unless -o is given; docx and xlsx need -o.",
    )  # fmt: skip
    command.add_argument("file", metavar="FILE", help="a programme file")
    command.add_argument(
        "-f", "--format", choices=commands.TABLE_FORMATS,
        help="output format (default: from the -o suffix, else md)",
    )  # fmt: skip
    _output_options(command)
    command.add_argument(
        "--table", choices=["mptf", "results"], default="mptf",
        help="mptf: the MPTF indicator table; results: the programme's figures by element of a "
        "framework (--framework, --level), with their totals (default: mptf)",
    )  # fmt: skip
    command.add_argument(
        "--template", choices=["mptf", "results-matrix", "logframe", "iptt", "learning"], default="mptf",
        help="with --table mptf: mptf, the MPTF indicator table; results-matrix, the IOM results "
        "matrix; logframe, the logical framework; iptt, the indicator performance tracking table; "
        "learning, the lessons learned and recommendations (default: mptf)",
    )  # fmt: skip
    _framework_options(command, "for --table results: ")
    command.add_argument("--activities", action="store_true", help="add a row per activity with its status")
    command.add_argument("--periods", action="store_true", help="add a column per reporting period")
    command.add_argument("--status", action="store_true", help="add the computed status and achievement rate")
    command.add_argument(
        "--from-baseline",
        action="store_true",
        help="add the progress from the baseline towards the target: (achieved - baseline) / "
        "(target - baseline)",
    )
    command.add_argument(
        "--organisation", metavar="ID", help="only what this organisation is responsible for"
    )
    command.add_argument(
        "--breakdowns", action=argparse.BooleanOptionalAction, default=None,
        help="write each achieved figure's breakdown in words below it (default: for the indicators "
        "that require a disaggregation)",
    )  # fmt: skip
    command.add_argument("--standalone", action="store_true", help="HTML: a whole page, not a fragment")
    command.add_argument("--portrait", action="store_true", help="Word: portrait pages (default landscape)")
    command.add_argument(
        "--bom", action="store_true", help="CSV: start with a byte-order mark, for Excel on Windows"
    )
    _paper_option(command)


def _report(subparsers: Any) -> None:
    command = _command(
        subparsers, "report", commands.report,
        help="write the MPTF final narrative report of a programme file",
        description="Write the MPTF Generic Final Programme Narrative Report as Word (.docx) or "
        "Markdown (.md), from the -o suffix; Markdown goes to standard output without -o.",
    )  # fmt: skip
    command.add_argument("file", metavar="FILE", help="a programme file")
    command.add_argument(
        "--charts", action="store_true", help="Word: add a chart after the indicator table (needs matplotlib)"
    )
    command.add_argument(
        "--results", action="store_true",
        help="add the programme's figures by element of --framework (at --level) after the indicator table",
    )  # fmt: skip
    _framework_options(command, "for --results: ")
    command.add_argument(
        "--kind", choices=("final", "annual", "interim"), default="final",
        help="the kind of report, which its title states (default: final)",
    )  # fmt: skip
    command.add_argument(
        "--empty-sections", choices=("omit", "say"), default="omit",
        help="the template's narrative sections the file does not hold: leave them out (the "
        "default) or keep them, saying nothing was reported",
    )  # fmt: skip
    _paper_option(command)
    _output_options(command)


def _frameworks(subparsers: Any) -> None:
    command = _command(
        subparsers, "frameworks", commands.frameworks,
        help="list the frameworks known, or search their elements",
        description="List the shipped frameworks (and any given with --load): id, number of "
        "elements and title, tab-separated; with --search, print the elements whose code or title "
        "contains the text: code, level and title.",
    )  # fmt: skip
    command.add_argument("--search", metavar="TEXT", help="print the elements containing TEXT")
    command.add_argument("--framework", metavar="ID", help="search this framework only")
    _load_option(command)
    command.add_argument(
        "-l", "--locale", default="en", type=locale_type,
        help="language of the titles (the SDGs have en, fr, ar; default: en)",
    )  # fmt: skip


def _pillars(subparsers: Any) -> None:
    command = _command(
        subparsers, "pillars", commands.pillars,
        help="map programmes onto a framework (IOM pillars, SDGs, GCM) and roll them up",
        description="Place every indicator of the programmes under the framework's elements (links "
        "are inherited downwards: an indicator without a link of its own counts where its output, "
        "outcome or programme links) and render the mapping, the counts by element or the "
        "programmes x elements matrix.",
    )  # fmt: skip
    command.add_argument("files", nargs="+", metavar="FILE", help="a programme file")
    command.add_argument(
        "--table", choices=["mapping", "summary", "matrix", "results"], default="mapping",
        help="mapping: each indicator under its elements; summary: the indicators by status per "
        "element; matrix: programmes x elements; results: the figures under each element, with "
        "their totals per unit (default: mapping)",
    )  # fmt: skip
    _framework_options(command)
    command.add_argument(
        "-f", "--format", choices=commands.TABLE_FORMATS,
        help="output format (default: from the -o suffix, else md)",
    )  # fmt: skip
    _output_options(command)


def _paper_option(command: Any) -> None:
    command.add_argument(
        "--paper", choices=["a4", "letter"], default="a4", type=str.lower,
        help="Word and Excel: the paper size (default: a4, the UN's outside the United States)",
    )  # fmt: skip


def _framework_options(command: Any, purpose: str = "") -> None:
    """``--framework ID``, ``--load FILE`` and ``--level LEVEL``."""
    command.add_argument(
        "--framework", default="iom-iraq-2022", metavar="ID",
        help=f"{purpose}the framework to map onto (default: iom-iraq-2022; see the frameworks command)",
    )  # fmt: skip
    _load_option(command)
    command.add_argument(
        "--level", metavar="LEVEL",
        help=f"{purpose}the framework level to count by (summary and matrix: default the highest level "
        "anything links at; results: default every element with figures, top down)",
    )  # fmt: skip


def _dstwg(subparsers: Any) -> None:
    command = _command(
        subparsers, "dstwg", commands.dstwg,
        help="check and export partners' Durable Solutions values for one quarter, or their sums",
        description="Check the values of indicators linked to the DSTWG catalogue for one calendar "
        "quarter (period, unit, required disaggregations) in each file and export them keyed by "
        "catalogue code: a row per partner's indicator, or with --sum a row per catalogue indicator "
        "and unit with the partners' values summed. Problems are printed on standard error, each "
        "after its file's name; if any is an error, nothing is written.",
    )  # fmt: skip
    command.add_argument(
        "files", nargs="+", metavar="FILE",
        help="a partner's programme file (several: the working group's partners, for the same quarter)",
    )  # fmt: skip
    command.add_argument(
        "--sum", action="store_true",
        help="one row per catalogue indicator and unit: the partners' values for the quarter summed, "
        "and each breakdown's categories summed (a unit that is not the catalogue's is summed apart)",
    )  # fmt: skip
    command.add_argument(
        "--quarter", required=True, metavar="QUARTER", type=quarter_type,
        help="the calendar quarter: 2025Q2 or Q2 2025",
    )  # fmt: skip
    command.add_argument(
        "-f", "--format", choices=["csv", "xlsx", "md", "html"],
        help="output format (default: from the -o suffix, else csv)",
    )  # fmt: skip
    _output_options(command)


def _convert(subparsers: Any) -> None:
    command = _command(
        subparsers, "convert", commands.convert,
        help="convert between programme files, the Excel tracker, IATI XML and HXL CSV",
        description="Convert by the suffixes: .json/.yaml/.toml to .json/.yaml (canonical), .xlsx "
        "(the tracking workbook), .xml (IATI 2.03) or .csv (HXL); a filled-in .xlsx "
        "tracker back to .json/.yaml with --programme, the programme file it was made from; an IATI "
        ".xml of one activity to .json/.yaml, printing 'IN: PATH: warning [iati-read-*] line N: ...' "
        "for what it could not map.",
    )  # fmt: skip
    command.add_argument("source", metavar="IN", help="the file to read")
    command.add_argument("target", metavar="OUT", help="the file to write (atomically)")
    command.add_argument(
        "--programme", metavar="FILE", help="for a tracker IN: the programme file it was made from"
    )
    command.add_argument(
        "--reporting-org", metavar="REF", help="IATI: the reporting organisation's identifier"
    )
    command.add_argument(
        "--default-sector", metavar="CODE",
        help="IATI: the OECD DAC 5-digit sector of a programme that states no sectors (15190: migration)",
    )  # fmt: skip
    command.add_argument(
        "--language", metavar="CODE", default="en",
        help="IATI: the document's language (ISO 639-1) for a programme that states none (default: en)",
    )  # fmt: skip
    command.add_argument(
        "--indicator-uri", metavar="URL",
        help="IATI: where the programme's indicator codes are defined (its published results framework); "
        "{code} in it is each indicator's code",
    )  # fmt: skip


def _portfolio(subparsers: Any) -> None:
    command = _command(
        subparsers, "portfolio", commands.portfolio,
        help="a portfolio through the columnar path: to Parquet, or assessed in SQL (DuckDB or Spark)",
        description="Read a portfolio (JSON Lines files, programme files, or directories of "
        "them) and either write its tidy long form as a hive-partitioned Parquet dataset "
        "('--to parquet OUT', a new or empty directory; needs the parquet extra) or, with the "
        "word 'assess' last, assess it on DuckDB and print each programme's status counts "
        "(needs the parquet and duckdb extras), or with '--engine spark' on Spark in local mode "
        "(the spark extra, and Java). Write a file named assess as ./assess.",
    )  # fmt: skip
    command.add_argument(
        "files", nargs="+", metavar="FILE|DIR",
        help="a portfolio (.jsonl), a programme file, or a directory of them; 'assess' last to assess",
    )  # fmt: skip
    command.add_argument(
        "--to", nargs=2, metavar=("FORMAT", "OUT"), help="'parquet' and the directory to write"
    )
    command.add_argument(
        "--engine", choices=("duckdb", "spark"), default="duckdb",
        help="where 'assess' runs the query: DuckDB in this process (the default), or Spark in local mode",
    )  # fmt: skip


def _chart(subparsers: Any) -> None:
    command = _command(
        subparsers, "chart", commands.chart,
        help="draw a chart of a programme (PNG or SVG)",
        description="With --indicator, one indicator period by period (its milestones and target); "
        "else achieved against target for every indicator (yes/no, not conducted and not reported "
        "ones marked as such), or with --by, indicators by status per output, outcome or "
        "organisation. Needs matplotlib (the charts extra).",
    )  # fmt: skip
    command.add_argument("file", metavar="FILE", help="a programme file")
    command.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the .png or .svg file to write (atomically)"
    )
    command.add_argument("--indicator", metavar="CODE", help="chart this indicator period by period")
    command.add_argument(
        "--by",
        choices=["output", "outcome", "organisation"],
        help="count the indicators by status per output, outcome or organisation",
    )
    command.add_argument(
        "-l", "--locale", default="en", type=locale_type, help="language of the labels (default: en)"
    )
    command.add_argument(
        "--digits", choices=["latn", "arab"], help="digits to write numbers with (arab: ٠١٢٣)"
    )
    _as_of(command, "assess as of this date")


def _schema(subparsers: Any) -> None:
    _command(
        subparsers, "schema", commands.schema,
        help="print the JSON Schema of the file format",
        description="Print the JSON Schema (draft 2020-12) of the programme file format.",
    )  # fmt: skip


def _output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", metavar="OUT", help="the file to write (atomically)")
    command.add_argument(
        "-l", "--locale", default="en", type=locale_type,
        help="language of labels, numbers and dates: en, fr, ar, or a region of one such as ar_IQ "
        "(default: en)",
    )  # fmt: skip
    command.add_argument(
        "--digits", choices=["latn", "arab"], help="digits to write numbers with (arab: ٠١٢٣)"
    )
    _as_of(command, "assess as of this date")


def _as_of(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument(
        "--as-of", metavar="DATE", type=date_type,
        help=f"{what}: 2021-12-31 or 31 December 2021 (default: the end of the last reporting period)",
    )  # fmt: skip


def _load_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--load", metavar="FILE", action="append", default=[],
        help="a framework file to add (may be given several times)",
    )  # fmt: skip

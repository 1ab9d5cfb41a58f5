"""
Every hostile file of the corpus (tests/corpus.py), through every command and output.

Whatever the file, each command ends in exit 0, 1 or 2, never a traceback; a failure says what
is wrong and names the file; nothing the user wrote reaches the terminal raw; each output is
safe for its format (no markup, formula or broken row the user's text could make) and holds
the user's text, escaped as the format needs; JSON and YAML hold the same programme; a
command that fails leaves no file behind.
"""

from __future__ import annotations

import csv
import html.parser
import io
import itertools
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

import resultsframework as rf
from resultsframework.cli.main import main
from resultsframework.text.escape import (
    display_text,
    formula_safe,
    is_formula_like,
    markdown_text,
    xml_safe,
)

from .conftest import MISSING_EXTRAS
from .corpus import CASES, Case, Scope


class Terminal(io.StringIO):
    """Standard output or error as a terminal: what the command shows a person."""

    def isatty(self) -> bool:
        return True


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(argv: list[str], *, apart: bool = False) -> Run:
    """The command, in this process, or *apart*, in its own (for a file that makes the reader recurse deeply)."""
    if apart:
        result = subprocess.run(
            [sys.executable, "-m", "resultsframework", *argv], capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip
        return Run(result.returncode, result.stdout, result.stderr)
    out, err = Terminal(), Terminal()
    code = main(argv, out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


# -- what reaches the terminal ------------------------------------------------------------------

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""What a terminal would obey or cannot show: C0 controls but tab and new line (a lone CR
included), DEL, C1, lone surrogates."""
BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Embeddings, overrides and isolates: shown raw, they reorder what the terminal shows."""


def assert_terminal_safe(result: Run) -> None:
    shown = result.out + result.err
    found = RAW_CONTROL.search(shown)
    assert found is None, f"raw {found.group()!r} reaches the terminal: {shown[max(0, found.start() - 80):found.end() + 80]!r}"  # fmt: skip


def assert_no_raw_bidi(result: Run) -> None:
    shown = result.out + result.err
    found = BIDI_CONTROL.search(shown)
    assert found is None, f"raw {found.group()!r} reaches the terminal: {shown[max(0, found.start() - 80):found.end() + 80]!r}"  # fmt: skip


# -- what each format must be -------------------------------------------------------------------

_LINE_BREAK = re.compile("\r\n?|\n")


def markdown_cells(row: str) -> list[str]:
    """The cells of a Markdown table row, read as GitHub reads it: ``\\|`` is no separator."""
    cells, cell, escaped = [], "", False
    for char in row.strip()[1:-1]:
        if escaped:
            cell += char
            escaped = False
        elif char == "\\":
            cell += char
            escaped = True
        elif char == "|":
            cells.append(cell)
            cell = ""
        else:
            cell += char
    cells.append(cell)
    return cells


_ALLOWED_MARKDOWN_TAGS = re.compile(r"<(?:br|/?div(?: dir=\"rtl\" lang=\"[a-z]+\" markdown=\"1\")?)>")
_UNESCAPED = re.compile(r"(?<!\\)(?:\\\\)*([`\[\]])")


def check_markdown(text: str, shown: list[str] | None = None) -> None:
    """Every row of a table has as many cells as the header; no markup but line breaks."""
    lines = text.split("\n")
    width = None
    for line in lines:
        if not line.startswith("|"):
            width = None  # the next table, if any, has its own columns
        else:
            assert line.endswith("|"), line[-200:]
            cells = len(markdown_cells(line))
            width = width or cells
            assert cells == width, f"a row of {cells} cells, not {width}: {line[:300]!r}"
        assert "\r" not in line
        assert "<" not in _ALLOWED_MARKDOWN_TAGS.sub("", line), line[:300]
        found = _UNESCAPED.search(line.replace("**", ""))
        assert found is None, f"unescaped {found.group(1)!r}: {line[:300]!r}"
    for text_shown in shown or []:
        assert markdown_text(text_shown) in text, text_shown[:200]


class _HTML(html.parser.HTMLParser):
    ALLOWED: ClassVar[set[str]] = {"html", "head", "meta", "title", "style", "body", "table", "caption", "thead", "tbody",
               "tr", "th", "td", "p", "strong", "bdi", "br"}  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.ALLOWED:
            self.problems.append(f"<{tag}>")
        for name, _ in attrs:
            if name not in ("class", "lang", "dir", "scope", "colspan", "charset"):
                self.problems.append(f"<{tag} {name}=...>")
        if tag == "br":
            self.text += "\n"

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.ALLOWED:
            self.problems.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.text += data


def check_html(text: str, shown: list[str] | None = None) -> None:
    """Only the renderer's own tags and attributes; every text there, as it is."""
    parser = _HTML()
    parser.feed(text)
    parser.close()
    assert parser.problems == []
    assert "<script" not in text.lower()
    for text_shown in shown or []:
        assert _LINE_BREAK.sub("\n", display_text(text_shown)) in parser.text, text_shown[:200]


def csv_cells(data: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data, newline="")) for cell in row]


def check_csv(data: str, shown: list[str] | None = None) -> None:
    """No cell a spreadsheet would run; every text there, as it is."""
    cells = csv_cells(data)
    formulas = [cell for cell in cells if is_formula_like(cell)]
    assert formulas == []
    for text_shown in shown or []:
        assert formula_safe(text_shown) in cells, text_shown[:200]


def check_xlsx(path: Path, shown: list[str] | None = None) -> None:
    """No formula cell; a text that looks like one is a text cell Excel keeps as text when edited."""
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    texts = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if isinstance(cell.value, str):
                    texts.add(cell.value)
                    if is_formula_like(cell.value):
                        where = f"{sheet.title}!{cell.coordinate}"
                        assert cell.quotePrefix, f"{where}: {cell.value[:100]!r} is text without quotePrefix"
    for text_shown in shown or []:
        assert any(display_text(text_shown) in text for text in texts), text_shown[:200]


def check_docx(path: Path, shown: list[str] | None = None) -> None:
    import docx

    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    whole = "\n".join(texts)
    for text_shown in shown or []:
        first = _LINE_BREAK.split(display_text(text_shown))[0]
        assert first in whole, text_shown[:200]


def check_iati(path: Path, programme: rf.Programme, texts: bool) -> None:
    """The XML parses, and holds the title of each result and indicator as it is (XML-safe)."""
    from lxml import etree

    root = etree.parse(str(path)).getroot()
    narratives = {element.text or "" for element in root.iter("narrative")}
    if texts:
        outcome = programme.outcomes[0]
        indicator = outcome.outputs[0].indicators[0]
        for item in (outcome, indicator):
            # XML reads every line end as LF (a lone CR included): the line breaks stay line breaks
            written = _LINE_BREAK.sub("\n", xml_safe(f"{item.code}: {item.statement}"))
            assert written in narratives, item.statement[:200]


def check_svg(path: Path) -> None:
    """An XML document, whose texts stay texts: no script, no event handler, no embedded HTML."""
    from lxml import etree

    for element in etree.parse(str(path)).getroot().iter():
        if not isinstance(element.tag, str):
            continue
        assert etree.QName(element).localname not in ("script", "foreignObject"), element.tag
        assert not any(etree.QName(name).localname.startswith("on") for name in element.attrib), (
            element.attrib
        )


# -- the commands and their outputs --------------------------------------------------------------

ALL: frozenset[Scope] = frozenset({"all"})
VALUES: frozenset[Scope] = frozenset({"all", "values"})
FILE: frozenset[Scope] = frozenset({"all", "values", "file"})
EVERY: frozenset[Scope] = frozenset({"all", "values", "file", "big"})
SYNTAX: frozenset[Scope] = frozenset({"file"})
BIG: frozenset[Scope] = frozenset({"big"})


@dataclass(frozen=True)
class Output:
    """One command, its output file (if any), and the cases it runs for."""

    name: str
    argv: Callable[[str, str], list[str]]
    """The arguments, from the source file and the output file."""
    target: str | None = None
    extras: tuple[str, ...] = ()
    scopes: frozenset[Scope] = VALUES
    """The scopes of the cases that load it runs for (see :attr:`Case.scope`)."""
    errors: bool = False
    """Whether it runs for the cases that do not load (one output of each command does)."""


# fmt: off
OUTPUTS = [
    Output("validate", lambda s, o: ["validate", s], scopes=EVERY, errors=True),
    Output("validate-json", lambda s, o: ["validate", "--json", s], errors=True),
    Output("summary", lambda s, o: ["summary", s], scopes=EVERY, errors=True),
    Output("render-md", lambda s, o: ["render", s, "--status", "--activities", "--periods", "-o", o],
           "table.md", scopes=FILE),
    Output("render-big", lambda s, o: ["render", s, "-o", o], "table.md", scopes=BIG),
    Output("render-md-ar", lambda s, o: ["render", s, "--locale", "ar", "--digits", "arab"], scopes=ALL),
    Output("render-html", lambda s, o: ["render", s, "--standalone", "--status", "-o", o], "table.html", scopes=ALL | SYNTAX),
    Output("render-html-ar", lambda s, o: ["render", s, "--locale", "ar", "-f", "html"], scopes=ALL),
    Output("render-csv", lambda s, o: ["render", s, "--periods", "-o", o], "table.csv"),
    Output("render-docx", lambda s, o: ["render", s, "-o", o], "table.docx", ("docx",), scopes=SYNTAX),
    Output("render-xlsx", lambda s, o: ["render", s, "--activities", "-o", o], "table.xlsx", ("openpyxl",),
           errors=True),
    Output("report-md", lambda s, o: ["report", s]),
    Output("report-docx", lambda s, o: ["report", s, "--locale", "fr", "-o", o], "report.docx", ("docx",),
           scopes=ALL),
    Output("convert-json", lambda s, o: ["convert", s, o], "programme.json", scopes=FILE),
    Output("convert-yaml", lambda s, o: ["convert", s, o], "programme.yaml", scopes=ALL | SYNTAX),
    Output("tracker", lambda s, o: ["convert", s, o], "tracker.xlsx", ("openpyxl",)),
    Output("iati", lambda s, o: ["convert", s, "--reporting-org", "XM-DAC-47066", o], "iati.xml", ("lxml",)),
    Output("hxl", lambda s, o: ["convert", s, o], "hxl.csv"),
    Output("chart", lambda s, o: ["chart", s, "-o", o], "chart.svg", ("matplotlib", "lxml")),
    Output("pillars", lambda s, o: ["pillars", s], errors=True),
    Output("dstwg", lambda s, o: ["dstwg", s, "--quarter", "2025Q2", "-o", o], "dstwg.csv"),
]
# fmt: on

KNOWN_BUGS: dict[tuple[str, str], tuple[str, str]] = {
}  # fmt: skip
"""
Bugs the corpus found in modules others are changing, reported to them: for each case and
output, what the failure says, and the bug.  Strict: a bug fixed, or failing otherwise, fails.
"""


def outputs_of(case: Case) -> list[Output]:
    """The outputs *case* goes through: those of its scope, or for a file that does not load, one of each command."""
    chosen = [o for o in OUTPUTS if (o.errors if case.expect == "error" else case.scope in o.scopes)]
    chosen = [o for o in chosen if case.chart or not o.name.startswith("chart")]
    return [o for o in chosen if o.name in ("validate", "render-xlsx")] if case.apart else chosen


_FOLDERS = itertools.count()


@pytest.fixture
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new folder: tmp_path, made quicker."""
    path = tmp_path_factory.getbasetemp() / f"corpus-{next(_FOLDERS)}"
    path.mkdir()
    return path


@pytest.fixture(autouse=True, scope="module")
def _svg_text_as_text() -> Iterator[None]:
    """Charts' SVG keeps its texts as texts (quicker to draw; and what the user wrote is then in the XML)."""
    try:
        import matplotlib
    except ImportError:
        yield
        return
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        yield


def shown_texts(programme: rf.Programme, case: Case) -> list[str]:
    """Texts of the programme every table shows whole: the first outcome and indicator statements."""
    if not case.texts:
        return []
    outcome = programme.outcomes[0]
    return [outcome.statement, outcome.outputs[0].indicators[0].statement]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_command(folder: Path, case: Case) -> None:
    """
    The case through each of its outputs; every output is run, and each failing one named.

    A bug the corpus found in a module others are changing is listed in :data:`KNOWN_BUGS`: the
    case is then an expected failure, strictly (once the bug is fixed, the test says so).
    """
    failures: dict[str, str] = {}
    ran = []
    for output in outputs_of(case):
        if any(module in MISSING_EXTRAS for module in output.extras):
            continue
        ran.append(output.name)
        place = folder / output.name
        place.mkdir()
        try:
            check_command(place, case, output)
        except Exception as e:  # noqa: BLE001  (every output is tried; each failure is reported)
            failures[output.name] = f"{type(e).__name__}: {e}"[:3000]
    known = {name: bug for (of, name), bug in KNOWN_BUGS.items() if of == case.name and name in ran}
    unexpected = {
        name: failure
        for name, failure in failures.items()
        if name not in known or known[name][0] not in failure
    }
    assert not unexpected, "\n\n".join(f"{name}: {failure}" for name, failure in unexpected.items())
    fixed = [name for name in known if name not in failures]
    assert not fixed, f"no longer failing, remove from KNOWN_BUGS: {fixed}"
    if known:
        pytest.xfail("; ".join(f"{name}: {bug}" for name, (_symptom, bug) in known.items()))


def check_command(folder: Path, case: Case, output: Output) -> None:
    """One command on the case's file: how it ends, what it says, and what it writes."""
    source = case.write(folder)
    target = folder / output.target if output.target else None
    result = run(output.argv(str(source), str(target)), apart=case.apart)
    assert result.code in (0, 1, 2), result
    assert "Traceback" not in result.err, result.err[-3000:]
    assert_terminal_safe(result)
    leftovers = sorted(p.name for p in folder.iterdir() if p not in (source, target))
    assert leftovers == [], "a temporary file is left behind"
    said = result.out if output.name.startswith("validate") else result.err
    if case.expect == "error":
        assert result.code == 1, result
        assert case.message in said, said[-2000:]
        lines = said.splitlines()
        if output.name == "validate-json":
            assert all(json.loads(line)["file"] == str(source) for line in lines)
        else:
            located = [line for line in lines if line.startswith(f"{source}: ")]
            assert located, said[-2000:]
        assert target is None or not target.exists()
        return
    refused = case.refused.get(output.name)
    if refused is not None:
        assert result.code == 1, result
        assert refused in result.err
        assert result.err.startswith((f"{source}: ", "resultsframework: ")), result.err
        assert target is None or not target.exists()
        return
    if output.name == "iati" and result.code == 1:  # IATI requires what the programme may not state
        assert result.err.startswith("resultsframework: cannot write IATI 2.03: "), result.err
        assert target is None or not target.exists()
        return
    if output.name.startswith(("validate", "dstwg")) and result.code == 1:  # findings, each naming the file
        assert said.strip(), "a failure that says nothing"
        if output.name == "validate-json":
            assert all(json.loads(line)["file"] == str(source) for line in said.splitlines())
        else:
            assert all(line.startswith(f"{source}: ") for line in said.split("\n")[:-1] if line[:1] != " "), (
                said
            )
        assert target is None or not target.exists()
        return
    assert result.code == 0, result.err[-3000:]
    if target is not None:
        assert target.exists()
    check_output(case, output, source, target, result)


def check_output(case: Case, output: Output, source: Path, target: Path | None, result: Run) -> None:
    name = output.name
    text = result.out
    if target is not None and target.suffix in (".md", ".html", ".csv"):
        text = target.read_bytes().decode("utf-8")  # as written: a CR in a CSV cell stays a CR
    if name in ("validate", "summary", "report-md", "render-md-ar", "pillars"):  # on the terminal
        if name in ("report-md", "render-md-ar", "pillars"):
            check_markdown(text)
        return
    if name == "validate-json":
        for line in result.out.splitlines():
            assert json.loads(line)["file"] == str(source)
        return
    assert target is not None or name == "render-html-ar"
    programme = rf.load(source)
    shown = shown_texts(programme, case)
    if name in ("render-md", "render-big"):
        check_markdown(text, shown)
    elif name in ("render-html", "render-html-ar"):
        check_html(text, shown if name == "render-html" else None)
    elif name == "render-csv":
        check_csv(text, shown)
    elif name == "hxl":
        check_csv(text, shown[1:])
    elif name == "dstwg":
        check_csv(text)
    elif name == "render-xlsx" and target is not None:
        check_xlsx(target, shown)
    elif name == "tracker" and target is not None:
        check_xlsx(target, shown[1:])
        back = target.with_name("back.yaml")
        again = run(["convert", str(target), str(back), "--programme", str(source)])
        assert again.code == 0, again.err
        assert rf.load(back) == programme, "the tracker read back is not the programme"
        back.unlink()
    elif name in ("render-docx", "report-docx") and target is not None:
        check_docx(target, shown)
    elif name == "iati" and target is not None:
        check_iati(target, programme, bool(case.texts))
    elif name.startswith("chart") and target is not None:
        check_svg(target)
    elif name in ("convert-json", "convert-yaml") and target is not None:
        assert rf.load(target) == programme, "the file written is not the programme read"
        assert rf.dumps(rf.load(target)) == rf.dumps(programme)
    else:
        raise AssertionError(f"no check for {name}")


# -- the corpus itself ----------------------------------------------------------------------------


def test_the_corpus_is_large_and_named_once() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))
    assert len(CASES) >= 100
    assert {".yaml", ".json", ".toml"} == {case.suffix for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_load(folder: Path, case: Case) -> None:
    """Loading gives the programme, or a LoadError each line of which names the file."""
    source = case.write(folder)
    if case.apart:  # a reader recursing deeply can leave this process's interpreter unwell: read apart
        code = "import sys, resultsframework as rf\ntry:\n rf.load(sys.argv[1])\nexcept rf.LoadError as e:\n print(*e.lines(), sep='\\n')\n"
        result = subprocess.run([sys.executable, "-c", code, str(source)], capture_output=True, text=True,
                                timeout=120, check=True)  # fmt: skip
        lines = result.stdout.splitlines()
        assert lines
        assert all(line.startswith(f"{source}: ") and case.message in line for line in lines), lines
        return
    if case.expect == "loads":
        rf.load(source)
        return
    with pytest.raises(rf.LoadError) as info:
        rf.load(source)
    lines = info.value.lines()
    assert lines
    assert all(line.startswith(f"{source}: ") for line in lines), lines
    assert case.message in str(info.value)


BIDI = [
    (case, command)
    for case in ("bidi-override", "bidi-isolate", "bidi-closed-early")
    for command in ("summary", "render-md", "report-md")
] + [("narrative-names-hostile", "report-md")]
"""Commands that show a text of the user's holding bidirectional controls on the terminal."""


@pytest.mark.parametrize(("name", "command"), BIDI, ids=[f"{n}:{c}" for n, c in BIDI])
def test_bidi_controls_reach_no_terminal_raw(folder: Path, name: str, command: str) -> None:
    (case,) = [case for case in CASES if case.name == name]
    source = str(case.write(folder))
    argv = {"summary": ["summary", source], "render-md": ["render", source], "report-md": ["report", source]}
    result = run(argv[command])
    if command == "summary":
        assert_no_raw_bidi(result)
    else:  # a document keeps its isolates (an Arabic table's), which reorder nothing outside them
        found = re.search("[\u202a-\u202e]", result.out + result.err)
        assert found is None, f"raw {found.group()!r} reaches the terminal"

"""Rendering the MPTF table and report: content, formats, languages, escaping."""

from __future__ import annotations

import csv
import io
import os
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resultsframework as rf
from resultsframework.core.errors import format_path

from .strategies import programmes

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("RF_UPDATE_GOLDEN") == "1"

# What seed 000's table states for each indicator: the start of the achieved text,
# the reason for variance and the source of verification.
SEED_TABLE = {
    "1.1.1": (
        "6 Network meetings held. Network meetings #2 – 5 (total 4)",
        "None",
        "Meeting agenda, minutes",
    ),
    "1.1.2": (
        "51 members/20 partners (including IOM)",
        "The focal point list contains 51 members",
        "Network member focal point list",
    ),
    "1.1.3": (
        "Yes. A Network strategy was developed",
        "None. Strategy was seen as more appropriate",
        "Availability of strategy",
    ),
    "1.1.4": (
        "Yes. A Migration policy mandate was established in the UNDSCF",
        "None",
        "Priority Working Group ToR",
    ),
    "1.2.1": (
        "4 thematic migration governance training sessions in the Baghdad",
        "None",
        "List of participants, agenda and photographs",
    ),
    "1.2.2": (
        "Yes, the final target has been achieved with a final report produced",
        "None",
        "Report available",
    ),
    "1.2.3": (
        "4 consultation sessions were held with 187 participants",
        "None",
        "List of participants, agenda and photographs",
    ),
    "1.2.4": (
        "5 consultation sessions with the GoI on GCM implementation were conducted",
        "None",
        "Meeting minutes",
    ),
    "1.3.1": ("Yes. A first draft of the research", "None", "Research available"),
    "1.3.2": (
        "Yes. A report titled 'Migrants in Vulnerable Situations Entering and Exiting Iraq'",
        "None",
        "Research available",
    ),
    "1.4.1": ("These activities were not conducted", "Due to challenges posed by the context", ""),
    "1.4.2": ("These activities were not conducted", "Due to challenges posed by the context", ""),
    "1.4.3": ("Yes. UNDP Iraq has supported the development of a 'Guideline", "None", "Guidelines available"),
    "1.4.4": (
        "5 trainings for 20 youth on skills to boost labour market supply",
        "None",
        "Agenda, list of participants, photographs",
    ),
}


def golden(name: str, text: str) -> None:
    """Compare *text* with the reviewed file tests/golden/NAME (RF_UPDATE_GOLDEN=1 rewrites it)."""
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(text.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == text, (
        f"{name} differs; review with RF_UPDATE_GOLDEN=1 and git diff"
    )


class TestSeedTable:
    def test_every_indicator_as_the_seed_states_it(self, example: rf.Programme) -> None:
        """Rendering seed 000 reproduces its table's content for indicators 1.1.1 to 1.4.4."""
        headings, rows = rf.indicator_table(example).flat()
        by_code = {row[headings.index("Code")]: dict(zip(headings, row, strict=True)) for row in rows}
        assert list(SEED_TABLE) == list(by_code)
        for code, (achieved, reason, source) in SEED_TABLE.items():
            row = by_code[code]
            assert row["Achieved Indicator Targets"].startswith(achieved), code
            assert row["Reasons for Variance with Planned Target (if any)"].startswith(reason), code
            assert row["Source of Verification"].startswith(source), code

    def test_baseline_and_planned_target_as_written(self, example: rf.Programme) -> None:
        headings, rows = rf.indicator_table(example).flat()
        first = dict(zip(headings, rows[0], strict=True))
        assert ("0", "4 Network meetings held") == (first["Baseline"], first["Planned Target"])

    @pytest.mark.parametrize(
        ("name", "fmt", "locale", "options"),
        [
            ("mptf-en.md", "md", "en", {}),
            ("mptf-en.html", "html", "en", {"standalone": True}),
            ("mptf-en.csv", "csv", "en", {}),
            ("mptf-fr.md", "md", "fr", {"show_status": True}),
            ("mptf-ar.html", "html", "ar", {"show_status": True, "include_activities": True}),
            ("mptf-undp-periods.md", "md", "en", {"organisation": "UNDP", "per_period": True}),
        ],
    )
    def test_golden(
        self, example: rf.Programme, name: str, fmt: str, locale: str, options: dict[str, Any]
    ) -> None:
        output = rf.render(example, fmt, locale, **options)
        assert isinstance(output, str)
        golden(name, output)

    def test_report_markdown_golden(self, example: rf.Programme) -> None:
        output = rf.report(example, "md")
        assert isinstance(output, str)
        golden("report-en.md", output)


class TestSeveralPeriods:
    """A table over several quarters: the whole, every quarter's words, nothing from the future."""

    @pytest.fixture
    def quarters(self) -> rf.Programme:
        q = [rf.Period.quarter(2025, n) for n in (1, 2, 3)]
        records = (
            rf.Achieved(q[0], 10, narrative="10 officials trained in Baghdad.", source="Attendance sheets"),
            rf.Achieved(q[1], 15, narrative="15 officials trained in Erbil.", source="Attendance sheets"),
            rf.Achieved(q[2], 99, narrative="Not yet reported.", source="Draft list",
                        variance=rf.Variance("Q3 is not over")),
        )  # fmt: skip
        indicator = rf.Indicator(
            "1.1", "Officials trained", rf.Measure.COUNT, target=rf.Target(40), achieved=records
        )
        return rf.Programme(
            "P",
            dates=rf.Dates(rf.parse_date("2025-01-01"), rf.parse_date("2025-12-31")),
            reporting_periods=tuple(q[:2]),
            outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),),
        )

    def row(self, programme: rf.Programme) -> dict[str, str]:
        headings, rows = rf.indicator_table(programme).flat()
        return dict(zip(headings, rows[0], strict=True))

    def test_the_whole_then_each_quarters_words(self, quarters: rf.Programme) -> None:
        row = self.row(quarters)
        assert (
            "25\nQ1 2025: 10 officials trained in Baghdad.\nQ2 2025: 15 officials trained in Erbil."
            == (row["Achieved Indicator Targets"])
        )

    def test_a_quarter_not_reported_on_shows_nowhere(self, quarters: rf.Programme) -> None:
        """Q3 is after the last reporting period: neither its value, words, reason nor source show."""
        row = self.row(quarters)
        assert ("25", "", "Attendance sheets") == (
            row["Achieved value"],
            row["Reasons for Variance with Planned Target (if any)"],
            row["Source of Verification"],
        )

    def test_one_value_shows_its_words_alone(self, example: rf.Programme) -> None:
        assert "6 Network meetings held." == self.row(example)["Achieved Indicator Targets"][:24]


class TestFormatsAgree:
    def test_text_formats_show_the_same_texts(self, example: rf.Programme) -> None:
        """Every achieved text appears in every format, from the one table."""
        table = rf.indicator_table(example)
        md, html, text_csv = (rf.render_table(table, f) for f in ("md", "html", "csv"))
        for achieved, _, _ in SEED_TABLE.values():
            words = achieved.split("'")[0][:30]
            for output in (md, html, text_csv):
                assert isinstance(output, str)
                assert words in output

    def test_csv_has_one_row_per_indicator(self, example: rf.Programme) -> None:
        output = rf.render(example, "csv")
        assert isinstance(output, str)
        rows = list(csv.reader(io.StringIO(output)))
        assert 1 + 14 == len(rows)
        assert ["Outcome code", "Outcome", "Output code", "Output", "Code", "Indicator"] == rows[0][:6]


class TestWord:
    def test_columns_are_wide_enough_for_their_longest_words(self, illustrative_q: rf.Programme) -> None:
        """With status and a column per quarter, no heading word ("Verification") is broken."""
        from resultsframework.formats.docx import column_widths

        table = rf.indicator_table(illustrative_q, show_status=True, per_period=True)
        usable = 9 * 914400  # a landscape page's width inside its margins, in EMU
        widths = column_widths(table, usable)
        assert abs(usable - sum(widths)) <= len(widths)
        by_heading = dict(zip([c.label for c in table.columns], widths, strict=True))
        point = 12700
        assert by_heading["Source of Verification"] >= len("Verification") * 6 * point
        assert by_heading["Achievement rate"] >= len("Achievement") * 6 * point
        assert by_heading[""] > by_heading["Status"]  # the text columns still get most of the page

    def test_reopened_cell_by_cell(self, example: rf.Programme) -> None:
        import docx

        document = docx.Document(io.BytesIO(rf.render(example, "docx")))
        (table,) = document.tables
        header = [c.text for c in table.rows[0].cells]
        assert ["", "Achieved Indicator Targets", "Reasons for Variance with Planned Target (if any)",
                "Source of Verification"] == header  # fmt: skip
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")  # repeated on every page
        row = table.rows[3]
        assert row.cells[0].text.startswith("Indicator 1.1.1: Number of Network meetings held\nBaseline: 0")
        assert row.cells[1].text.startswith("6 Network meetings held.")
        assert "None" == row.cells[2].text
        outcome = table.rows[1]._tr.xpath(".//w:shd/@w:fill")
        assert ["D9E2F3"] == outcome
        section = document.sections[0]
        assert int(section.page_width or 0) > int(section.page_height or 0)  # landscape by default

    def test_arabic_is_right_to_left(self, example: rf.Programme) -> None:
        import docx

        document = docx.Document(io.BytesIO(rf.render(example, "docx", "ar")))
        (table,) = document.tables
        assert table._tbl.tblPr.xpath("./w:bidiVisual")
        assert "أهداف المؤشرات المحققة" == table.rows[0].cells[1].text
        paragraph = table.rows[3].cells[0].paragraphs[0]
        assert paragraph._p.xpath("./w:pPr/w:bidi")

    def test_report_file_writes_atomically_by_its_suffix(self, example: rf.Programme, tmp_path: Path) -> None:
        rf.report_file(example, tmp_path / "report.md", locale="fr")
        assert (tmp_path / "report.md").read_text(encoding="utf-8") == rf.report(example, "md", "fr")
        pytest.importorskip("docx")
        rf.report_file(example, tmp_path / "report.docx")
        assert (tmp_path / "report.docx").read_bytes()[:2] == b"PK"
        with pytest.raises(ValueError, match="expected one of docx, md"):
            rf.report_file(example, tmp_path / "report.xlsx")
        with pytest.raises(FileNotFoundError):
            rf.report_file(example, tmp_path / "missing" / "report.md")
        assert ["report.docx", "report.md"] == sorted(p.name for p in tmp_path.iterdir())

    def test_text_formats_are_str_and_binary_ones_bytes(self, example: rf.Programme) -> None:
        assert isinstance(rf.render(example, "csv"), str)
        assert isinstance(rf.report(example, "md"), str)
        pytest.importorskip("openpyxl")
        assert isinstance(rf.render(example, "xlsx"), bytes)

    def test_report(self, example: rf.Programme) -> None:
        import docx

        document = docx.Document(io.BytesIO(rf.report(example, "docx")))
        headings = [
            p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")
        ]
        assert [
            "MPTF Office Generic Final Programme Narrative Report",
            "Acronyms",
            "List of Annexes",
            "Executive Summary",
            "I. Purpose",
            "Relevant National Goal(s)",
            "Relevant UNDAF Strategic Result & Outcome",
            "II. Assessment of Programme Results",
            "i) Narrative reporting on results",
            "Outcomes",
            "Outputs",
            "Qualitative assessment",
            "ii) Indicator Based Performance Assessment",
            "iii) Evaluation, Best Practices and Lessons Learned",
            "Assessments, evaluations and studies",
            "Challenges",
            "Lessons learned and best practices",
            "Recommendations",
            "iv) A Specific Story (Optional)",
        ] == headings
        left, right, acronyms, indicators = document.tables  # the cover's two columns, ...
        assert ("GoI", "Government of Iraq") == tuple(c.text for c in acronyms.rows[2].cells)
        assert 21 == len(acronyms.rows)
        fields = {row.cells[0].text: row.cells[1].text for row in (*left.rows, *right.rows)}
        assert "" == fields["Government Contribution"]  # the template's rows kept, empty
        assert "3" == fields["Extension (months)"]
        assert "00127216" == fields["MPTF Office Project Reference Number"]
        assert "600,000 USD" == fields["Total approved budget as per project document"]
        assert "8" == fields["Overall Duration (months)"]
        assert "30 December 2021" == fields["Actual End date"]
        assert 1 + 1 + 4 + 14 == len(indicators.rows)


class TestExcel:
    def test_reopened_cell_by_cell(self, example: rf.Programme) -> None:
        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(rf.render(example, "xlsx"))).active
        assert "Indicator Based Performance Assessment" == sheet["A1"].value
        assert "Achieved Indicator Targets" == sheet["B2"].value
        assert "B3" == sheet.freeze_panes
        assert sheet["A5"].value.startswith("Indicator 1.1.1: Number of Network meetings held")
        assert sheet["B5"].alignment.wrap_text
        assert "A3:D3" in {str(r) for r in sheet.merged_cells.ranges}

    def test_printed_and_opened_outside_excel_it_shows_everything(self, example: rf.Programme) -> None:
        """LibreOffice and printing do not fit rows to wrapped text: heights are set."""
        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(rf.render(example, "xlsx"))).active
        line = 15 * 10 / 11  # a line of 10-point text
        assert sheet.row_dimensions[5].height >= 6 * line  # 1.1.1's achievement runs to six lines or more
        assert sheet.row_dimensions[5].height > sheet.row_dimensions[7].height
        assert sheet.row_dimensions[2].height >= 2 * line - 0.01  # the wrapped headings
        setup = sheet.page_setup
        assert ("landscape", 1, 0) == (setup.orientation, setup.fitToWidth, setup.fitToHeight)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert "$1:$2" in str(sheet.print_title_rows)

    def test_arabic_sheet_is_right_to_left(self, example: rf.Programme) -> None:
        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(rf.render(example, "xlsx", "ar"))).active
        assert sheet.sheet_view.rightToLeft


HOSTILE = '<script>alert(1)</script> =HYPERLINK("http://x") | pipes | ]]> \u202eevil'


@pytest.fixture
def illustrative_q() -> rf.Programme:
    """The illustrative programme, reporting three quarters."""
    programme = rf.load(GOLDEN.parent.parent / "examples" / "iom-iraq-reintegration-illustrative.yaml")
    q3 = rf.Period.quarter(2025, 3)
    programme = programme.with_achieved("1.1.1", rf.Achieved(q3, 160, reported_by="IOM"))
    return attrs.evolve(programme, reporting_periods=(*programme.reporting_periods, q3))


@pytest.fixture
def hostile() -> rf.Programme:
    indicator = rf.Indicator(
        "1.1", HOSTILE, rf.Measure.COUNT, target=rf.Target(3, text="=1+1"),
        achieved=(rf.Achieved(rf.Period.year(2025), 2, narrative="@SUM(A1)", variance=rf.Variance("-2+3"),
                              source=HOSTILE),),
    )  # fmt: skip
    return rf.Programme("P", outcomes=(rf.Outcome("1", HOSTILE, indicators=(indicator,)),))


class TestHostileText:
    """Text from a file is always text: escaped for its format, never markup or a formula."""

    def test_html(self, hostile: rf.Programme) -> None:
        output = rf.render(hostile, "html", standalone=True)
        assert isinstance(output, str)
        assert "<script>" not in output
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
        assert "\u202eevil\u202c" in output  # the override is closed where the field ends

    def test_markdown(self, hostile: rf.Programme) -> None:
        output = rf.render(hostile, "md")
        assert isinstance(output, str)
        assert "<script>" not in output
        assert r"\| pipes \|" in output
        (row,) = [line for line in output.splitlines() if line.startswith("| **Indicator")]
        assert 4 + 2 == len(re.split(r"(?<!\\)\|", row))  # four cells between unescaped pipes, no more

    def test_csv(self, hostile: rf.Programme) -> None:
        output = rf.render(hostile, "csv")
        assert isinstance(output, str)
        cells = [c for row in csv.reader(io.StringIO(output)) for c in row]
        assert all(not c.startswith(("=", "+", "-", "@")) for c in cells)
        assert "'=1+1" in cells
        assert "'@SUM(A1)" in cells

    def test_excel_never_writes_a_formula(self, hostile: rf.Programme) -> None:
        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(rf.render(hostile, "xlsx"))).active
        values = [c for row in sheet.iter_rows() for c in row if c.value is not None]
        assert all(c.data_type == "s" for c in values)
        assert any(c.value == "@SUM(A1)" for c in values)

    def test_excel_closes_each_parts_overrides(self, example: rf.Programme) -> None:
        """A right-to-left override in a code reorders the code, not the statement after it."""
        import json

        import openpyxl

        data = json.loads(rf.dumps(example))
        data["outcomes"][0]["outputs"][0]["indicators"][0]["code"] = "\u202e1.1.1"
        programme = rf.loads(json.dumps(data), "json")
        sheet = openpyxl.load_workbook(io.BytesIO(rf.render(programme, "xlsx"))).active
        texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
        assert any(text.startswith("Indicator \u202e1.1.1:\u202c ") for text in texts)

    def test_word(self, hostile: rf.Programme) -> None:
        import docx

        document = docx.Document(io.BytesIO(rf.render(hostile, "docx")))
        assert HOSTILE + "\u202c" in document.tables[0].rows[1].cells[0].text


PASTED = "Line one\x0bline two\x07 (pasted from Word)"


class TestControlCharacters:
    """Text pasted from Word carries control characters that Word and Excel files cannot hold."""

    @pytest.fixture
    def pasted(self, example: rf.Programme) -> rf.Programme:
        record = attrs.evolve(example.indicator("1.1.1").achieved[0], narrative=PASTED, source="A\x00B")
        return attrs.evolve(example.with_achieved("1.1.1", record), title="Title\x1f")

    def test_every_format_renders_them_visibly(self, pasted: rf.Programme) -> None:
        import docx
        import openpyxl

        shown = "Line one\nline two\ufffd (pasted from Word)"
        document = docx.Document(io.BytesIO(rf.render(pasted, "docx")))
        assert any(shown == cell.text for row in document.tables[0].rows for cell in row.cells)
        sheet = openpyxl.load_workbook(io.BytesIO(rf.render(pasted, "xlsx"))).active
        assert any(c.value == shown for row in sheet.iter_rows() for c in row)
        assert "Line one<br>line two\ufffd (pasted from Word)" in rf.render(pasted, "html")
        assert PASTED in rf.render(pasted, "csv")  # data: kept as written
        assert rf.report(pasted, "docx")[:2] == b"PK"
        assert b"Title\xef\xbf\xbd" in rf.to_iati(pasted)

    def test_the_tracker_gives_back_what_was_written(self, pasted: rf.Programme) -> None:
        assert pasted == rf.read_tracker(pasted, rf.tracker_workbook(pasted))

    def test_validate_says_where_they_are(self, pasted: rf.Programme) -> None:
        found = [(d.code, format_path(d.path)) for d in rf.validate(pasted) if d.code == "control-character"]
        assert [
            ("control-character", "title"),
            ("control-character", "outcomes[0].outputs[0].indicators[0].achieved[0].narrative"),
            ("control-character", "outcomes[0].outputs[0].indicators[0].achieved[0].source"),
        ] == found


class TestAnyProgramme:
    """Whatever a file holds, every output is made: odd values are shown, never a crash."""

    @given(programmes, st.sampled_from(["en", "fr", "ar"]), st.booleans())
    def test_text_formats_and_checks(self, programme: rf.Programme, locale: str, options: bool) -> None:
        for fmt in ("md", "html", "csv"):
            output = rf.render(
                programme, fmt, locale, show_status=options, include_activities=options, per_period=options
            )
            assert isinstance(output, str)
        assert rf.report(programme, "md", locale)
        rf.validate(programme)
        assert rf.to_hxl(programme)

    @pytest.mark.extras("docx", "openpyxl")
    @settings(max_examples=10)
    @given(programmes)
    def test_word_excel_and_the_tracker(self, programme: rf.Programme) -> None:
        for fmt in ("docx", "xlsx"):
            assert rf.render(programme, fmt, show_status=True)[:2] == b"PK"
        refused, tracker = None, b""
        try:
            tracker = rf.tracker_workbook(programme)
        except rf.ResultsFrameworkError as e:  # what it could not read back is refused, and said
            refused = str(e)
        if refused is not None:
            assert "could not read back" in refused or "share the code" in refused
        else:
            assert tracker[:2] == b"PK"

    def test_two_indicators_with_one_code_each_show_their_own_values(self) -> None:
        """A file that numbers two indicators alike: validate says so, and nothing is mixed up."""
        first = rf.Indicator(
            "1",
            "Trained",
            rf.Measure.COUNT,
            target=rf.Target(10),
            achieved=(rf.Achieved(rf.Period.year(2025), 4, narrative="four"),),
        )
        second = attrs.evolve(first, statement="Housed", achieved=(rf.Achieved(rf.Period.year(2025), 9),))
        outputs = (rf.Output("1", "A", indicators=(first,)), rf.Output("2", "B", indicators=(second,)))
        programme = rf.Programme("P", outcomes=(rf.Outcome("1", "O", outputs=outputs),))
        codes = [(d.code, d.path[-1]) for d in rf.validate(programme)]
        assert ("duplicate-code", "code") in codes
        headings, rows = rf.indicator_table(programme).flat()
        achieved = [row[headings.index("Achieved value")] for row in rows]
        assert ["4", "9"] == achieved
        aligned = rf.align(programme, "gcm").items
        assert [4, 9] == [item.assessment.overall.achieved for item in aligned]

    def test_a_percentage_broken_down_into_nothing(self) -> None:
        """A breakdown with no cells of a total known as numerator and denominator."""
        empty = rf.Breakdown(("sex",), ())
        assert [] == rf.check_breakdown(rf.Ratio(1, 2), empty)


class TestLocalisation:
    def test_numbers_and_dates(self) -> None:
        from datetime import date
        from decimal import Decimal

        en, fr, ar = rf.Localizer("en"), rf.Localizer("fr"), rf.Localizer("ar", digits="arab")
        assert ("600,000", "600\u202f000", "٦٠٠٬٠٠٠") == (
            en.number(600000),
            fr.number(600000),
            ar.number(600000),
        )
        assert ("30 December 2021", "30 décembre 2021") == (
            en.date(date(2021, 12, 30)),
            fr.date(date(2021, 12, 30)),
        )
        assert "33.3%" == en.percent(Decimal(1) / 3)

    def test_unknown_locale_falls_back_to_english(self, example: rf.Programme) -> None:
        output = rf.render(example, "md", "xx")
        assert isinstance(output, str)
        assert "Achieved Indicator Targets" in output

    def test_catalogues_are_complete(self) -> None:
        """Every label marked N_() in the source is translated in French and Arabic."""
        import ast

        from resultsframework.text import l10n as _l10n

        package = Path(rf.__file__).parent
        labels = set()
        for path in package.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_":
                    labels.add(node.args[0].value)  # type: ignore[attr-defined]
        assert len(labels) > 90
        for language in ("fr", "ar"):
            missing = labels - set(_l10n._catalog(language))
            assert set() == missing, language

    def test_available_locales(self) -> None:
        assert {"en", "fr", "ar"} <= set(rf.available_locales())


class TestExtras:
    def test_missing_extra_names_the_install_command(self, example: rf.Programme, monkeypatch) -> None:
        monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
        with pytest.raises(rf.MissingExtraError, match=r"pip install 'resultsframework\[docx\]'"):
            rf.render(example, "docx")


class TestWriting:
    def test_render_file_is_atomic_and_picks_the_suffix(self, example: rf.Programme, tmp_path: Path) -> None:
        path = tmp_path / "table.html"
        rf.render_file(example, path)
        assert path.read_text(encoding="utf-8").startswith('<table class="rf-table"')


class TestTypography:
    def test_french_sets_a_narrow_no_break_space_before_colons_and_percent_signs(
        self, example: rf.Programme
    ) -> None:
        from resultsframework.text.l10n import Localizer

        french = Localizer("fr")
        assert french.percent(Decimal("0.84")) == "84,0\u202f%"
        assert french.colon("Effet 1") == "Effet 1\u202f:"
        report = rf.report(example, "md", "fr")
        assert "**Effet 1\u202f: Enhanced institutional capacity" in report
        assert "Période couverte par le rapport\u202f: de mai 2021" in report
        table = rf.render(example, "md", "fr", show_status=True)
        assert "150,0\u202f%" in table
        assert " :" not in table.replace("\u202f:", "")  # no plain or wide space before a colon

    def test_arabic_digits_take_the_arabic_percent_sign(self) -> None:
        from resultsframework.text.l10n import Localizer

        assert Localizer("ar", digits="arab").percent(Decimal("0.5")) == "٥٠٫٠٪"
        assert Localizer("en").colon("Outcome 1") == "Outcome 1:"


class TestBreakdownsInWords:
    def test_shown_by_default_where_the_indicator_requires_a_disaggregation(self) -> None:
        from .conftest import ROOT

        illustrative = rf.load(ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml")
        table = rf.render(illustrative, "md")
        assert (
            "311 persons<br>Sex: 142 female and 169 male<br>Age: 121 aged 18-24 and 190 aged 25-59" in table
        )
        assert "Sex:" not in rf.render(illustrative, "md", breakdowns=False)

    def test_on_request_for_every_indicator(self, example: rf.Programme) -> None:
        assert "Location:" not in rf.render(example, "md")
        table = rf.render(example, "md", breakdowns=True)
        assert "Location: 1 Baghdad, 1 Al-Muthanna, 1 Al-Najaf and 1 Maysan" in table

    def test_in_french_and_in_the_flat_layout(self, example: rf.Programme) -> None:
        table = rf.indicator_table(example, locale="fr", breakdowns=True)
        headings, rows = table.flat()
        column = headings.index("Ventilation")
        assert any(row[column].startswith("Lieu\u202f: 1 Baghdad") for row in rows)


class TestReceivers:
    def test_csv_can_start_with_a_byte_order_mark_for_excel_on_windows(self, example: rf.Programme) -> None:
        assert not rf.render(example, "csv").startswith("\ufeff")
        text = rf.render(example, "csv", "ar", bom=True)
        assert text.startswith("\ufeff")
        assert next(csv.reader(io.StringIO(text[1:])))[0] == rf.render(example, "csv", "ar").split(",")[0]

    def test_csv_columns_do_not_depend_on_the_data(self, example: rf.Programme) -> None:
        import attrs

        def bare(indicator: rf.Indicator) -> rf.Indicator:
            return attrs.evolve(
                indicator, achieved=(), baseline=None, target=None, means_of_verification=None
            )

        outcome = example.outcomes[0]
        outputs = tuple(attrs.evolve(o, indicators=tuple(map(bare, o.indicators))) for o in outcome.outputs)
        empty = attrs.evolve(example, outcomes=(attrs.evolve(outcome, outputs=outputs),))
        headings = next(csv.reader(io.StringIO(rf.render(example, "csv"))))
        assert next(csv.reader(io.StringIO(rf.render(empty, "csv")))) == headings
        assert "Breakdown" in headings

    def test_html_pages_print_landscape_without_splitting_rows(self, example: rf.Programme) -> None:
        page = rf.render(example, "html", standalone=True)
        assert "@page { size: A4 landscape" in page
        assert "tr { break-inside: avoid" in page
        assert "thead { display: table-header-group; }" in page


def test_units_beside_numbers_and_the_baseline_year() -> None:
    from .conftest import ROOT

    illustrative = rf.load(ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml")
    table = rf.render(illustrative, "md")
    assert "**Baseline:** 40 incidents (2024)<br>**Planned Target:** 20 incidents | 26 incidents |" in table
    assert "**Planned Target:** 600 persons | 311 persons<br>" in table  # "# of persons" beside a number
    assert "**Planned Target:** 60.0% | 69/130 (53.1%) |" in table  # a percentage takes no unit


def test_arabic_tells_outcomes_from_results() -> None:
    from resultsframework.text.l10n import Localizer

    arabic = Localizer("ar")
    assert arabic.gettext("Outcome") != arabic.gettext("Result")


class TestProgressFromBaseline:
    """Beside the achievement rate, how far the programme has come from where it started."""

    def test_the_column_and_its_footnote(self, illustrative_q: rf.Programme) -> None:
        table = rf.indicator_table(illustrative_q, show_status=True, from_baseline=True)
        assert ["Status", "Achievement rate", "Progress from baseline"] == [c.label for c in table.columns][
            -3:
        ]
        cells = {
            row.cells[0].lines[0].prefix: (row.cells[-2].parts[0].text, row.cells[-1].parts[0].text)
            for row in table.rows
            if not row.is_group
        }
        assert ("84.0%", "46.7%") == cells["Indicator 1.1:"]  # 35% → 42% of a 50% target
        assert ("76.9%", "70.0%") == cells["Indicator 1.2:"]  # 40 → 26 incidents of a target of 20
        assert ("78.5%", "") == cells["Indicator 1.1.1:"]  # no baseline, no progress from it
        assert "Progress from baseline: (achieved − baseline) / (target − baseline)." in table.footnotes

    def test_on_the_command_line_in_french(self, tmp_path: Path) -> None:
        from resultsframework.cli.main import main

        out = tmp_path / "table.md"
        illustrative = GOLDEN.parent.parent / "examples" / "iom-iraq-reintegration-illustrative.yaml"
        assert 0 == main(["render", str(illustrative), "--from-baseline", "-l", "fr", "-o", str(out)])
        text = out.read_text(encoding="utf-8")
        assert "Progrès depuis la situation de référence |" in text
        assert "46,7\u202f%" in text
        assert "Progrès depuis la situation de référence\u202f: (réalisé" in text  # French spacing


def test_an_arabic_breakdown_of_english_categories_reads_right_to_left() -> None:
    """ "24 minor و13 medium": each category a run of its own, the sentence led right to left."""
    programme = rf.load(GOLDEN.parent.parent / "examples" / "iom-iraq-reintegration-illustrative.yaml")
    table = rf.indicator_table(programme, locale="ar")
    (line,) = [
        part.text
        for row in table.rows
        for cell in row.cells
        for part in cell.parts
        if "24 minor" in part.text
    ]
    assert line.startswith("\u200f\u2068Damage category\u2069:")  # a right-to-left mark leads it
    assert "\u206824 minor\u2069 و\u206813 medium\u2069 و\u20682 major\u2069" in line
    assert "\u200f" not in rf.render(programme, "md")  # nothing of the kind in English

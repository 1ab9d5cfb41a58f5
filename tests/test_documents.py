"""What a reviewer checks in the Word files themselves: rows that cannot split, page numbers, properties."""

from __future__ import annotations

import io
import textwrap
import zipfile
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultsframework as rf

docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def document_xml(data: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(part).decode("utf-8")


def parts(data: bytes, prefix: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith(prefix))


@pytest.fixture(scope="module", params=["en", "fr", "ar"])
def report(example: rf.Programme, request: pytest.FixtureRequest) -> tuple[str, bytes]:
    return request.param, rf.report(example, "docx", request.param)


class TestEveryRowWhole:
    def test_no_table_row_breaks_across_pages(self, report: tuple[str, bytes]) -> None:
        document = docx.Document(io.BytesIO(report[1]))
        rows = [row for table in document.tables for row in table.rows]
        assert rows
        assert all(
            row._tr.trPr is not None and row._tr.trPr.find(f"{W}cantSplit") is not None for row in rows
        )

    def test_a_band_stays_with_the_row_after_it(self, example: rf.Programme) -> None:
        document = docx.Document(io.BytesIO(rf.render(example, "docx")))
        bands = [row for row in document.tables[0].rows if len(row._tr.tc_lst) == 1]
        assert len(bands) == 5  # the outcome and its four outputs
        assert all(p.paragraph_format.keep_with_next for row in bands for p in row.cells[0].paragraphs)

    def test_the_header_row_repeats(self, example: rf.Programme) -> None:
        first = docx.Document(io.BytesIO(rf.render(example, "docx"))).tables[0].rows[0]
        assert first._tr.trPr.find(f"{W}tblHeader") is not None

    def test_cells_have_padding(self, example: rf.Programme) -> None:
        assert "<w:tblCellMar>" in document_xml(rf.render(example, "docx"))


class TestPages:
    def test_a4_by_default_letter_on_request(self, example: rf.Programme) -> None:
        section = docx.Document(io.BytesIO(rf.report(example, "docx"))).sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert round(section.left_margin.mm) == 20
        letter = docx.Document(io.BytesIO(rf.report(example, "docx", paper="letter"))).sections[0]
        assert round(letter.page_width.inches, 1) == 8.5
        with pytest.raises(ValueError, match="paper is 'a4' or 'letter'"):
            rf.render(example, "docx", paper="A3")

    def test_page_numbers_and_a_running_header(self, report: tuple[str, bytes]) -> None:
        language, data = report
        footers, headers = parts(data, "word/footer"), parts(data, "word/header")
        assert " PAGE " in footers
        assert " NUMPAGES " in footers
        assert {"en": "Page ", "fr": "Page ", "ar": "الصفحة "}[language] in footers
        assert "Supporting the United Nations Network on Migration in Iraq \u2014 MPTF 00127216" in headers

    def test_the_cover_is_a_page_of_its_own_in_two_columns(self, report: tuple[str, bytes]) -> None:
        from docx.enum.section import WD_SECTION

        language, data = report
        document = docx.Document(io.BytesIO(data))
        _title, cover, after = document.sections[:3]
        columns = cover._sectPr.find(docx.oxml.ns.qn("w:cols"))
        assert columns.get(docx.oxml.ns.qn("w:num")) == "2"  # the template's two columns
        assert (cover._sectPr.find(docx.oxml.ns.qn("w:bidi")) is not None) == (language == "ar")
        assert cover.start_type == WD_SECTION.CONTINUOUS  # below the title, on its page
        assert after.start_type == WD_SECTION.NEW_PAGE  # and what follows on the next
        body = document_xml(data)
        first, second = body.split("</w:tbl>")[:2]
        assert 'w:type="column"' in second[:600]  # the column break between the two tables
        if language == "en":
            assert "Programme Title" in first
            assert "Participating Organization" in first
            assert "Programme Duration" in second
            assert "Report Submitted By" in second


class TestProperties:
    def test_title_author_dates_and_language(
        self, example: rf.Programme, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01, for a reproducible file
        properties = docx.Document(io.BytesIO(rf.report(example, "docx", "fr"))).core_properties
        assert properties.title == example.title
        assert properties.author == "International Organization for Migration"
        assert properties.created.year == 2026
        assert properties.created == properties.modified
        assert properties.language == "fr-FR"
        assert properties.last_printed is None

    def test_the_text_is_tagged_with_its_language(self, report: tuple[str, bytes]) -> None:
        language, data = report
        styles = document_xml(data, "word/styles.xml")
        tag = {"en": "en-GB", "fr": "fr-FR", "ar": "ar-SA"}[language]
        assert f'w:val="{tag}"' in styles

    def test_arabic_sets_the_complex_script_size_and_marks_only_arabic_runs(
        self, example: rf.Programme
    ) -> None:
        document = docx.Document(io.BytesIO(rf.report(example, "docx", "ar")))
        from resultsframework.formats.docx import complex_script_size

        assert complex_script_size(document.styles["Normal"]) == document.styles["Normal"].font.size.pt == 10
        runs = [run for p in document.paragraphs for run in p.runs if run.text.strip()]
        english = [r for r in runs if "Supporting the United Nations" in r.text]
        arabic = [r for r in runs if "التقرير" in r.text]
        assert english
        assert arabic
        assert not any(r.font.rtl for r in english)
        assert all(r.font.rtl for r in arabic)

    def test_arabic_cover_uses_the_arabic_comma(self, example: rf.Programme) -> None:
        text = rf.report(example, "md", "ar")
        assert "International Organization for Migration (IOM)\u060c " in text


def test_a_single_line_break_in_a_narrative_is_a_space(example: rf.Programme) -> None:
    import attrs

    narrative = {
        **example.narrative,
        "purpose": "The programme supports\nthe Network.\n\n- one item\n- another",
    }
    text = rf.report(attrs.evolve(example, narrative=narrative), "md")
    assert "The programme supports the Network.\n\n- one item\n\n- another" in text


@pytest.fixture(scope="module")
def sheet(example: rf.Programme) -> Any:
    openpyxl = pytest.importorskip("openpyxl")
    return openpyxl.load_workbook(io.BytesIO(rf.render(example, "xlsx", "ar")), rich_text=True).active


class TestExcel:
    def test_borders_a_named_font_and_bold_labels(self, sheet: Any) -> None:
        from openpyxl.cell.rich_text import CellRichText

        cell = sheet["A5"]  # the first indicator
        assert cell.border.left.style == "thin"
        assert isinstance(cell.value, CellRichText)
        label = cell.value[0]
        assert label.font.b
        assert label.text.startswith("المؤشر 1.1.1")
        assert sheet["B5"].font.name == "Calibri"

    def test_arabic_reads_right_to_left(self, sheet: Any) -> None:
        assert sheet.sheet_view.rightToLeft
        assert sheet["B5"].alignment.readingOrder == 2

    def test_printed_numbered_on_a4(self, sheet: Any) -> None:
        assert sheet.page_setup.paperSize == 9
        # a right-to-left mark after each number: LibreOffice would run "الصفحة" into it
        assert sheet.oddFooter.center.text == "\u200fالصفحة &P\u200f من &N\u200f"
        assert sheet.oddHeader.center.text.endswith("MPTF 00127216")


class TestExcelPages:
    """Excel keeps no row with the next: the table ends each page itself, never after a band."""

    @pytest.mark.parametrize("language", ["en", "fr", "ar"])
    def test_no_band_is_left_at_a_page_foot(self, example: rf.Programme, language: str) -> None:
        openpyxl = pytest.importorskip("openpyxl")
        sheet = openpyxl.load_workbook(io.BytesIO(rf.render(example, "xlsx", language))).active
        ends = [brk.id for brk in sheet.row_breaks.brk]
        assert ends  # the MPTF table of the example takes several pages
        bands = {range_.min_row for range_ in sheet.merged_cells.ranges}
        assert bands
        assert not bands & set(ends)  # a page never ends on an outcome's or output's band
        assert all(brk.man for brk in sheet.row_breaks.brk)

    def test_pages_end_before_the_bands_above_a_row_that_no_longer_fits(self) -> None:
        from resultsframework.formats.xlsx import page_ends

        heights = [18, 27, 14, 14, 100, 100, 100, 14, 100, 130, 14, 100]
        kept = [False, False, True, True, False, False, False, True, False, False, True, False]
        # rows 1-2 atop every page: 355 points a page for the others
        ends = page_ends(heights, kept, room=400, repeated=2)
        assert [7, 10] == ends  # row 8 (a band) goes with row 9, row 11 with row 12
        pages = [(3, 7), (8, 10), (11, 12)]
        assert all(sum(heights[a - 1 : b]) <= 355 for a, b in pages)

    def test_a_row_taller_than_a_page_has_a_page_of_its_own(self) -> None:
        from resultsframework.formats.xlsx import page_ends

        assert [1, 2] == page_ends([10, 500, 20], [False] * 3, room=100, repeated=0)
        assert [] == page_ends([10, 20], [True, False], room=100, repeated=1)

    def test_the_notes_are_never_alone_on_the_last_page(self) -> None:
        from resultsframework.formats.xlsx import page_ends

        heights = [20, 100, 100, 100, 15, 15]  # three rows, a blank row, a note
        kept = [False, False, False, True, True, False]  # the last row goes with the notes
        assert [3] == page_ends(heights, kept, room=320, repeated=1)


def test_sheet_names_are_cut_at_a_word() -> None:
    from resultsframework.formats.xlsx import sheet_name

    assert sheet_name("Indicator Based Performance Assessment") == "Indicator Based Performance"
    assert (
        sheet_name("IOM Strategy for Iraq 2022–2024: results by framework element")
        == "IOM Strategy for Iraq 2022–2024"
    )
    assert sheet_name("a/b [c]: d?") == "a b c d"
    # never ending on a word that leads into what was cut off
    assert sheet_name("Lessons learned and recommendations") == "Lessons learned"
    assert sheet_name("Tableau de suivi de la performance des indicateurs") == "Tableau de suivi"
    assert sheet_name("تقييم الأداء القائم على المؤشرات") == "تقييم الأداء"
    assert len(sheet_name("x" * 40)) == 31


def test_arabic_word_text_keeps_its_direction_in_runs_not_isolates() -> None:
    """LibreOffice loses the spaces beside U+2068/U+2069: Word text holds runs of one direction each."""
    programme = rf.load("examples/iom-iraq-annual-report-illustrative.yaml")
    document = docx.Document(io.BytesIO(rf.render(programme, "docx", "ar")))
    body = document_xml(rf.render(programme, "docx", "ar"))
    assert not any(mark in body for mark in "\u2066\u2067\u2068\u2069")
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
    (part,) = {c.paragraphs[0] for c in cells if c.text.startswith("\u200f\u200e1,148 persons")}
    assert part._p.pPr.find(docx.oxml.ns.qn("w:bidi")) is not None  # an Arabic sentence: right to left
    figure, words = part.runs[1], part.runs[2]
    assert ("\u200e1,148 persons\u200e", False) == (figure.text, figure.font.rtl)  # English, kept whole
    assert words.font.rtl
    assert words.text.startswith(" من أصل")
    (english,) = {c.paragraphs[0] for c in cells if c.text.startswith("\u200eCash distribution lists")}
    assert english._p.pPr is None or english._p.pPr.find(docx.oxml.ns.qn("w:bidi")) is None  # left to right,
    assert english.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT  # on the document's side


class TestRowHeights:
    """Rows are as high as their wrapped lines: counted as textwrap wraps, however the text is spaced."""

    @given(
        st.text(alphabet="ab c-é\u00a0\u202f\t\u2028", min_size=1, max_size=60).filter(
            lambda t: not t.splitlines() or len(t.splitlines()) == 1
        ),
        st.integers(1, 14),
    )
    def test_a_paragraph_takes_the_lines_textwrap_makes(self, paragraph: str, per_line: int) -> None:
        from resultsframework.text.layout import _wrapped_lines

        expected = len(textwrap.wrap(paragraph, per_line, break_on_hyphens=False)) or 1
        assert expected == _wrapped_lines(paragraph, per_line)

    def test_a_long_statement_takes_as_many_lines_as_its_words_need(self) -> None:
        from resultsframework.text.layout import lines_needed

        statement = "Number of returnees supported with livelihood grants in Ninewa"  # 62 characters
        assert 1 == lines_needed(statement, 80)
        # 14 characters a line, at words: "Number of", "returnees", "supported with", ...
        assert 6 == lines_needed(statement, 15)
        assert 3 + 1 == lines_needed(statement + "\nSecond paragraph", 30)  # 28 a line

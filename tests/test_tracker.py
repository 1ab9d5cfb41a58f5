"""The indicator tracking workbook: written, filled in by an M&E officer, read back."""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resultsframework as rf
from resultsframework.text.escape import display_text

from .conftest import ROOT
from .strategies import reported_programmes

openpyxl = pytest.importorskip("openpyxl")

ILLUSTRATIVE = ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml"


@pytest.fixture(scope="module")
def illustrative() -> rf.Programme:
    return rf.load(ILLUSTRATIVE)


def workbook(programme: rf.Programme):
    return openpyxl.load_workbook(io.BytesIO(rf.tracker_workbook(programme)))


def save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def find(sheet, code: str, period: str) -> int:
    headers = [c.value for c in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, headers.index("Indicator code") + 1).value == code and rf.Period.parse(
            sheet.cell(row, headers.index("Period") + 1).value
        ) == rf.Period.parse(period):
            return row
    raise AssertionError(f"no row for {code} {period}")


def column(sheet, header: str) -> int:
    return [c.value for c in sheet[1]].index(header) + 1


class TestWorkbook:
    def test_round_trip_without_loss(self, example: rf.Programme, illustrative: rf.Programme) -> None:
        for programme in (example, illustrative):
            assert programme == rf.read_tracker(programme, rf.tracker_workbook(programme))

    @settings(max_examples=25)
    @given(reported_programmes())
    def test_any_programme_comes_back_unchanged(self, programme: rf.Programme) -> None:
        assert programme == rf.read_tracker(programme, rf.tracker_workbook(programme))

    def test_layout(self, illustrative: rf.Programme) -> None:
        sheet = workbook(illustrative)["Tracker"]
        headers = [c.value for c in sheet[1]]
        assert ["Outcome", "Output", "Indicator code", "Indicator"] == headers[:4]
        assert {"sex: female", "sex: male", "damage_category: major"} <= set(headers)
        assert sheet.protection.sheet
        row = find(sheet, "1.1.1", "2025Q2")
        assert sheet.cell(row, column(sheet, "Indicator code")).protection.locked
        assert not sheet.cell(row, column(sheet, "Achieved value")).protection.locked
        assert 171 == sheet.cell(row, column(sheet, "Achieved value")).value
        lists = [dv.formula1 for dv in sheet.data_validations.dataValidation]
        assert any("context_security" in f for f in lists)

    def test_dropdowns_cover_exactly_their_cells(self, example: rf.Programme) -> None:
        """Yes/No on the value of yes/no indicators only; the variance category on every row."""
        sheet = workbook(example)["Tracker"]
        by_list = {dv.formula1: dv.sqref for dv in sheet.data_validations.dataValidation}
        value = openpyxl.utils.get_column_letter(column(sheet, "Achieved value"))
        yes_no = {f"{value}{find(sheet, c, '2021-05-01/2021-12-30')}" for c in ("1.1.3", "1.1.4", "1.2.2")}
        assert all(cell in by_list['"Yes,No"'] for cell in yes_no)
        assert f"{value}{find(sheet, '1.1.1', '2021-05-01/2021-12-30')}" not in by_list['"Yes,No"']
        category = openpyxl.utils.get_column_letter(column(sheet, "Variance category"))
        (categories,) = [sqref for formula, sqref in by_list.items() if "context_security" in formula]
        assert f"{category}2:{category}{sheet.max_row}" == str(categories)

    def test_no_formula_anywhere(self) -> None:
        indicator = rf.Indicator("1.1", "=SUM(A1:A9)", rf.Measure.COUNT, achieved=(
            rf.Achieved(rf.Period.year(2025), 3, narrative="@cmd", source="+1"),))  # fmt: skip
        sheet = workbook(rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),)))[
            "Tracker"
        ]
        texts = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
        assert all(c.data_type == "s" for c in texts)


CELL_VALUES = st.one_of(
    st.none(),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=12).map(display_text),
    st.sampled_from(["=SUM(A1:A9)", " padded ", "a & b < c > d", "line\r\nnext", "العراق"]),
    st.integers(-(10**17), 10**17),
    st.floats(allow_nan=False, allow_infinity=False),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(CELL_VALUES, st.booleans()), min_size=1, max_size=4), max_size=5))
def test_rows_written_as_xml_read_as_openpyxl_writes_them(rows: list[list[tuple[object, bool]]]) -> None:
    """
    The tracker's rows are written as the sheet's XML directly: each cell reads back as the same
    cell written through openpyxl does (its value, its type, its style), and the rows as high.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, Protection

    from resultsframework.formats.xlsx import SheetRows

    def book_of(direct: bool) -> Any:
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Tracker")
        styles = []
        for locked in (False, True):
            prototype = WriteOnlyCell(sheet)
            prototype.font, prototype.protection = (
                Font(name="Calibri", bold=locked),
                Protection(locked=locked),
            )
            styles.append(prototype)
        sheet.append([WriteOnlyCell(sheet, "heading")])
        body = SheetRows(sheet, first=2)
        for number, row in enumerate(rows, start=2):
            if direct:
                body.append([(value, styles[locked].style_id) for value, locked in row], height=10.5 * number)
                continue
            sheet.row_dimensions[number].height = 10.5 * number
            cells = []
            for value, locked in row:
                cell = WriteOnlyCell(sheet, value)
                if isinstance(value, str):
                    cell.data_type = "s"
                cell._style = copy.copy(styles[locked]._style)
                cells.append(cell)
            sheet.append(cells)
        buffer = io.BytesIO()
        book.save(buffer)
        data = body.into(buffer.getvalue())
        if direct:  # Excel trims a text's outer spaces unless told to keep them, as openpyxl does
            xml = ElementTree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml"))
            for text in xml.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}t"):
                kept = text.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
                assert kept == (text.text is not None and text.text != text.text.strip())
        return openpyxl.load_workbook(io.BytesIO(data))["Tracker"]

    ours, openpyxls = book_of(direct=True), book_of(direct=False)
    assert ours.max_row == openpyxls.max_row
    for number in range(1, ours.max_row + 1):
        assert ours.row_dimensions[number].height == openpyxls.row_dimensions[number].height
        for mine, theirs in zip(ours[number], openpyxls[number], strict=True):
            assert (mine.value, mine.data_type) == (theirs.value, theirs.data_type)
            assert mine._style == theirs._style  # the same style in the workbook's list
            assert (mine.font.b, mine.protection.locked) == (theirs.font.b, theirs.protection.locked)


@pytest.mark.parametrize("saved_first", [False, True])
def test_cells_merged_with_the_rows_read_back_merged_beside_the_sheets_other_parts(saved_first: bool) -> None:
    """
    Merges written with the rows go where the schema puts them: after the sheet's protection,
    before its validations and page setup, which read back unchanged (by ``save``, and by
    ``into`` on a workbook openpyxl saved).
    """
    from openpyxl.worksheet.datavalidation import DataValidation

    from resultsframework.formats.xlsx import SheetRows

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Table")
    sheet.protection.sheet = True
    validation = DataValidation(type="list", formula1='"Yes,No"')
    validation.add("B2:B4")
    sheet.data_validations.append(validation)
    sheet.print_options.gridLines = True
    rows = SheetRows(sheet, first=1)
    for number in range(1, 5):
        rows.append([(f"band {number}", 0), (None, 0), (None, 0)])
        if number % 2:
            rows.merge(f"A{number}:C{number}")
    if saved_first:
        buffer = io.BytesIO()
        book.save(buffer)
        data = rows.into(buffer.getvalue())
    else:
        data = rows.save(book)
    read = openpyxl.load_workbook(io.BytesIO(data))["Table"]
    assert {"A1:C1", "A3:C3"} == {str(merged) for merged in read.merged_cells.ranges}
    assert ["B2:B4"] == [str(v.sqref) for v in read.data_validations.dataValidation]
    assert read.protection.sheet
    assert read.print_options.gridLines
    assert ["band 1", "band 2", "band 3", "band 4"] == [read.cell(n, 1).value for n in range(1, 5)]


class TestFillingIn:
    def test_a_quarter_typed_in(self, illustrative: rf.Programme) -> None:
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row = find(sheet, "1.2.2", "2025Q1")
        sheet.cell(row, column(sheet, "Achieved value")).value = 14
        sheet.cell(row, column(sheet, "Reason for variance")).value = "Heavy rain in February"
        sheet.cell(row, column(sheet, "Variance category")).value = "other"
        sheet.cell(row, column(sheet, "Source of verification")).value = "Debris removal logs"
        updated = rf.read_tracker(illustrative, save(book))
        q1 = updated.indicator("1.2.2").achieved[0]
        assert q1.variance is not None
        assert (rf.Period.quarter(2025, 1), 14) == (q1.period, q1.value)
        assert ("Heavy rain in February", rf.VarianceCategory.OTHER) == (
            q1.variance.reason,
            q1.variance.category,
        )

    def test_errors_name_sheet_cell_and_column(self, illustrative: rf.Programme) -> None:
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row = find(sheet, "1.2.2", "2025Q1")
        sheet.cell(row, column(sheet, "Achieved value")).value = "about twenty"
        sheet.cell(row, column(sheet, "Variance category")).value = "weather"
        sheet.cell(1, sheet.max_column + 1).value = "My notes"
        sheet.cell(row, sheet.max_column).value = "call the partner"
        with pytest.raises(rf.LoadError) as info:
            rf.read_tracker(illustrative, save(book))
        lines = info.value.lines()
        letter = openpyxl.utils.get_column_letter
        assert (
            f"tracker: Tracker!{letter(sheet.max_column)}1 (My notes): a column the tracker does not know; its values would be lost"
            in lines
        )
        assert (
            f"tracker: Tracker!{letter(column(sheet, 'Achieved value'))}{row} (Achieved value): expected a number, found 'about twenty'"
            in lines
        )
        assert any("(Variance category): expected one of" in line for line in lines)

    def test_a_formula_without_its_result_is_not_read_as_empty(self, illustrative: rf.Programme) -> None:
        """Excel saves a formula's result; a workbook written by a program may hold none."""
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row = find(sheet, "1.2.2", "2025Q1")
        sheet.cell(row, column(sheet, "Achieved value")).value = "=10+4"
        with pytest.raises(rf.LoadError, match=r"\(Achieved value\): the formula =10\+4 has no saved result"):
            rf.read_tracker(illustrative, save(book))

    def test_formulas_are_looked_for_only_where_the_sheet_has_some(self, illustrative: rf.Programme) -> None:
        from resultsframework.interop.tracker import _has_formulas

        book = workbook(illustrative)
        assert not _has_formulas(save(book))  # the tracker's own: read once, no second pass
        sheet = book["Tracker"]
        sheet.cell(find(sheet, "1.2.2", "2025Q1"), column(sheet, "Comment")).value = "<f> is not a formula"
        assert not _has_formulas(save(book))
        sheet.cell(find(sheet, "1.2.2", "2025Q1"), column(sheet, "Achieved value")).value = "=SUM(1,2)"
        assert _has_formulas(save(book))
        assert _has_formulas(b"not a workbook")  # in doubt, the full look

    def test_a_percentage_and_its_counts_cannot_both_be_typed(self, illustrative: rf.Programme) -> None:
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row = find(sheet, "1.1.2", "2025Q1")  # 21/50, written as numerator and denominator
        sheet.cell(row, column(sheet, "Achieved value")).value = 55
        with pytest.raises(rf.LoadError, match=r"both a percentage \(55\) and a numerator and denominator"):
            rf.read_tracker(illustrative, save(book))

    def test_a_column_whose_heading_is_gone_is_an_error_not_a_loss(self, illustrative: rf.Programme) -> None:
        """Without its heading a column is not read: its narratives would be emptied."""
        book = workbook(illustrative)
        sheet = book["Tracker"]
        sheet.cell(1, column(sheet, "Narrative")).value = None
        sheet.cell(1, column(sheet, "sex: female")).value = "Women"
        with pytest.raises(rf.LoadError) as info:
            rf.read_tracker(illustrative, save(book))
        assert [
            "tracker: Tracker!1: the column 'sex: female' is missing; put its heading back",
            "tracker: Tracker!1: the column 'Narrative' is missing; put its heading back",
        ] == info.value.lines()

    def test_yes_no_dropdown_values(self, example: rf.Programme) -> None:
        book = workbook(example)
        sheet = book["Tracker"]
        row = find(sheet, "1.1.3", "2021-05-01/2021-12-30")
        sheet.cell(row, column(sheet, "Achieved value")).value = "No"
        sheet.cell(row, column(sheet, "Reason for variance")).value = "Strategy instead of a plan"
        assert rf.read_tracker(example, save(book)).indicator("1.1.3").achieved[0].value is False

    def test_not_a_workbook(self, illustrative: rf.Programme) -> None:
        with pytest.raises(rf.LoadError, match="not an Excel workbook"):
            rf.read_tracker(illustrative, b"not a zip")

    def test_counts_are_never_dropped(self) -> None:
        """A numerator and denominator come back whatever the measure (validation flags the mismatch)."""
        record = rf.Achieved(rf.Period.year(2025), rf.Ratio(3, 4))
        indicator = rf.Indicator("1", "People", rf.Measure.COUNT, achieved=(record,))
        programme = rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),))
        assert programme == rf.read_tracker(programme, rf.tracker_workbook(programme))

    def test_a_count_without_the_other_names_the_empty_cell(self, illustrative: rf.Programme) -> None:
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row = find(sheet, "1.1.2", "2025Q1")
        sheet.cell(row, column(sheet, "Numerator")).value = None
        with pytest.raises(rf.LoadError) as info:
            rf.read_tracker(illustrative, save(book))
        letter = openpyxl.utils.get_column_letter(column(sheet, "Numerator"))
        assert [
            f"tracker: Tracker!{letter}{row} (Numerator): a percentage needs both numerator and denominator"
        ] == info.value.lines()


HEADERS = {"value": "Achieved value", "numerator": "Numerator", "denominator": "Denominator"}
SAME = [
    (rf.Measure.COUNT, {"value": 12}),
    (rf.Measure.COUNT, {"value": 12.0}),
    (rf.Measure.COUNT, {"value": " 12 "}),
    (rf.Measure.NUMBER, {"value": 2.5}),
    (rf.Measure.NUMBER, {"value": "2.50"}),
    (rf.Measure.NUMBER, {"value": "1e3"}),
    (rf.Measure.PERCENTAGE, {"value": "42.5"}),
    (rf.Measure.PERCENTAGE, {"numerator": "21", "denominator": 50}),
    (rf.Measure.YES_NO, {"value": True}),
    (rf.Measure.YES_NO, {"value": "Yes"}),
    (rf.Measure.YES_NO, {"value": " no "}),
    (rf.Measure.YES_NO, {"value": "FALSE"}),
    (rf.Measure.QUALITATIVE, {"value": "Drafted, not yet adopted"}),
    (rf.Measure.QUALITATIVE, {"value": 7}),
    (rf.Measure.COUNT, {"value": "many"}),
    (rf.Measure.NUMBER, {"value": "NaN"}),
    (rf.Measure.NUMBER, {"value": "Infinity"}),
    (rf.Measure.YES_NO, {"value": "maybe"}),
    (rf.Measure.PERCENTAGE, {"numerator": "half", "denominator": 50}),
    (rf.Measure.PERCENTAGE, {"numerator": 21}),
]


@pytest.mark.parametrize(
    ("measure", "cells"), SAME, ids=lambda v: str(v.value if isinstance(v, rf.Measure) else v)
)
def test_the_tracker_and_a_frame_read_a_cell_alike(measure: rf.Measure, cells: dict[str, object]) -> None:
    """What is typed in the tracker and what an analyst puts in a frame's cell mean the same."""
    import pandas as pd

    indicator = rf.Indicator("1", "Indicator", measure)
    programme = rf.Programme(
        "P",
        reporting_periods=(rf.Period.year(2025),),
        outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),),
    )
    book = workbook(programme)
    sheet = book["Tracker"]
    row = find(sheet, "1", "2025")
    for field, typed in cells.items():
        sheet.cell(row, column(sheet, HEADERS[field])).value = typed
    frame = pd.DataFrame([{"indicator": "1", "period": "2025", "value": None, **cells}])

    def read(reader: Callable[[], rf.Programme]) -> object:
        try:
            return reader().indicator("1").achieved[0].value
        except rf.LoadError as e:
            return [(p.path[-1], p.message) for p in e.problems]

    in_tracker = read(lambda: rf.read_tracker(programme, save(book)))
    in_frame = read(lambda: rf.from_dataframe(programme, frame))
    if isinstance(in_tracker, list) or isinstance(in_frame, list):
        # The same message; the tracker names the cell, the frame its column.
        assert isinstance(in_tracker, list)
        assert isinstance(in_frame, list)
        assert [message for _, message in in_tracker] == [message for _, message in in_frame]
        for (cell, _), (field, _) in zip(in_tracker, in_frame, strict=True):
            assert str(cell).endswith(f"({HEADERS[str(field)]})")
    else:
        assert (in_tracker, type(in_tracker)) == (in_frame, type(in_frame))


JUNK = st.one_of(
    st.none(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20).filter(lambda s: not any(ord(c) < 32 for c in s)),
    st.booleans(),
    st.datetimes(),
    st.just("=1+1"),
)


@settings(max_examples=30)
@given(st.lists(st.tuples(st.integers(1, 40), st.integers(1, 40), JUNK), max_size=5))
def test_whatever_is_typed_in_ends_in_a_programme_or_our_error(edits: list[tuple[int, int, object]]) -> None:
    """Anything typed anywhere in the workbook: read back, or refused with the cell named."""
    programme = rf.load(ILLUSTRATIVE)
    book = workbook(programme)
    for row, col, value in edits:
        book["Tracker"].cell(row=row, column=col).value = value
    try:
        lines = (
            [] if isinstance(rf.read_tracker(programme, save(book)), rf.Programme) else ["not a programme"]
        )
    except rf.LoadError as e:
        lines = e.lines()
    assert all(line.startswith("tracker: ") for line in lines)


def quarters_programme(*indicators: rf.Indicator) -> rf.Programme:
    return rf.Programme(
        "P",
        reporting_periods=tuple(rf.Period.quarter(2025, q) for q in (1, 2, 3)),
        outcomes=(rf.Outcome("1", "O", indicators=indicators),),
    )


def running(code: str, *records: rf.Achieved) -> rf.Indicator:
    return rf.Indicator(
        code, "People reached (Y/N)", rf.Measure.COUNT, accumulation=rf.Accumulation.RUNNING_TOTAL,
        target=rf.Target(500), achieved=records,
    )  # fmt: skip


def rows_of(sheet, code: str, period: str) -> list[int]:
    headers = [c.value for c in sheet[1]]
    return [
        row
        for row in range(2, sheet.max_row + 1)
        if sheet.cell(row, headers.index("Indicator code") + 1).value == code
        and rf.Period.parse(sheet.cell(row, headers.index("Period") + 1).value) == rf.Period.parse(period)
    ]


class TestNeverLoseNorDoubleCount:
    def test_a_running_total_in_a_new_quarter_stays_the_reporters(self) -> None:
        q1, q2, q3 = (rf.Period.quarter(2025, q) for q in (1, 2, 3))
        programme = quarters_programme(
            running("1", rf.Achieved(q1, 90, reported_by="IOM"), rf.Achieved(q2, 110, reported_by="IOM"))
        )
        book = workbook(programme)
        sheet = book["Tracker"]
        (row,) = rows_of(sheet, "1", "2025Q3")
        assert "IOM" == sheet.cell(row, column(sheet, "Reported by")).value
        sheet.cell(row, column(sheet, "Achieved value")).value = 230
        updated = rf.read_tracker(programme, save(book))
        assert [("IOM", 90), ("IOM", 110), ("IOM", 230)] == [
            (r.reported_by, r.value) for r in updated.indicator("1").achieved
        ]
        assert 230 == rf.assess(updated)["1"].overall.achieved  # not 110 + 230 = 340
        assert q3 == updated.indicator("1").achieved[-1].period

    def test_several_reporters_each_get_a_row_in_a_new_quarter(self) -> None:
        q1 = rf.Period.quarter(2025, 1)
        programme = quarters_programme(
            running("1", rf.Achieved(q1, 40, reported_by="IOM"), rf.Achieved(q1, 50, reported_by="UNDP"))
        )
        book = workbook(programme)
        sheet = book["Tracker"]
        rows = rows_of(sheet, "1", "2025Q2")
        assert ["IOM", "UNDP"] == [sheet.cell(r, column(sheet, "Reported by")).value for r in rows]
        for row, value in zip(rows, (60, 70), strict=True):
            sheet.cell(row, column(sheet, "Achieved value")).value = value
        updated = rf.read_tracker(programme, save(book))
        assert 130 == rf.assess(updated)["1"].overall.achieved
        # Without any reporter the row has none, as before.
        plain = quarters_programme(running("2"))
        assert [None] == [
            workbook(plain)["Tracker"].cell(r, column(sheet, "Reported by")).value
            for r in rows_of(workbook(plain)["Tracker"], "2", "2025Q2")
        ]

    def test_a_duplicated_row_is_an_error_naming_both(self, illustrative: rf.Programme) -> None:
        book = workbook(illustrative)
        sheet = book["Tracker"]
        first, second = find(sheet, "1.2.2", "2025Q1"), find(sheet, "1.2.2", "2025Q2")
        sheet.cell(second, column(sheet, "Period")).value = "2025Q1"
        sheet.cell(second, column(sheet, "Achieved value")).value = 99
        with pytest.raises(rf.LoadError) as info:
            rf.read_tracker(illustrative, save(book))
        (line,) = [line for line in info.value.lines() if "second row" in line]
        assert line.startswith(f"tracker: Tracker!A{second}: a second row for indicator '1.2.2' in Q1 2025")
        assert f"Tracker!A{first} is the first" in line

    @pytest.mark.parametrize("header", ["Target", "Baseline", "Indicator", "Unit", "Outcome"])
    def test_a_changed_locked_cell_is_an_error(self, illustrative: rf.Programme, header: str) -> None:
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row = find(sheet, "1.1.1", "2025Q2")
        sheet.cell(row, column(sheet, header)).value = 12345
        with pytest.raises(rf.LoadError) as info:
            rf.read_tracker(illustrative, save(book))
        letter = openpyxl.utils.get_column_letter(column(sheet, header))
        assert [f"tracker: Tracker!{letter}{row} ({header}): a locked cell, changed"] == [
            line[: line.index("changed") + len("changed")] for line in info.value.lines()
        ]

    def test_a_changed_code_is_an_error(self, illustrative: rf.Programme) -> None:
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row = find(sheet, "1.1.1", "2025Q2")
        assert 7 == row
        sheet.cell(row, column(sheet, "Indicator code")).value = "1.2.2"
        with pytest.raises(rf.LoadError, match=r"Tracker!A7: the tracker has no row for '1.2.2' in 2025Q2"):
            rf.read_tracker(illustrative, save(book))

    def test_y_and_n_are_yes_and_no(self, example: rf.Programme) -> None:
        book = workbook(example)
        sheet = book["Tracker"]
        row = find(sheet, "1.1.3", "2021-05-01/2021-12-30")
        sheet.cell(row, column(sheet, "Achieved value")).value = "y"
        assert rf.read_tracker(example, save(book)).indicator("1.1.3").achieved[0].value is True
        sheet.cell(row, column(sheet, "Achieved value")).value = "N"
        sheet.cell(row, column(sheet, "Reason for variance")).value = "Strategy instead of a plan"
        assert rf.read_tracker(example, save(book)).indicator("1.1.3").achieved[0].value is False

    def test_a_number_typed_as_text_and_a_category_misspelt_get_a_hint(
        self, illustrative: rf.Programme
    ) -> None:
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row = find(sheet, "1.2.2", "2025Q1")
        sheet.cell(row, column(sheet, "Achieved value")).value = "1,234"
        sheet.cell(row, column(sheet, "Reason for variance")).value = "Rain"
        sheet.cell(row, column(sheet, "Variance category")).value = "othr"
        with pytest.raises(rf.LoadError) as info:
            rf.read_tracker(illustrative, save(book))
        lines = info.value.lines()
        assert any(
            line.endswith(
                "(Achieved value): expected a number, found '1,234'; write the number 1234, "
                "without quotes or separators"
            )
            for line in lines
        )
        assert any(
            "(Variance category): expected one of" in line and line.endswith("did you mean 'other'?")
            for line in lines
        )


class TestQualifiers:
    """ "More than 1,600": a figure as the report states it, kept through the tracker."""

    def qualified(self, illustrative: rf.Programme) -> rf.Programme:
        (first, *_) = next(i for i in illustrative.indicators() if i.code == "1.1.1").achieved
        return illustrative.with_achieved("1.1.1", attrs.evolve(first, qualifier=rf.Qualifier.MORE_THAN))

    def test_written_in_words_with_a_list_and_read_back(self, illustrative: rf.Programme) -> None:
        programme = self.qualified(illustrative)
        book = workbook(programme)
        sheet = book["Tracker"]
        where = column(sheet, "Qualifier")
        assert "more than" == sheet.cell(find(sheet, "1.1.1", "2025Q1"), where).value
        by_list = {dv.formula1: str(dv.sqref) for dv in sheet.data_validations.dataValidation}
        letter = openpyxl.utils.get_column_letter(where)
        assert f"{letter}2:{letter}{sheet.max_row}" == by_list['"more than,at least,around,up to"']
        assert programme == rf.read_tracker(programme, save(book))

    def test_an_officer_chooses_one_or_misspells_it(self, illustrative: rf.Programme) -> None:
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row, where = find(sheet, "1.1.1", "2025Q2"), column(sheet, "Qualifier")
        sheet.cell(row, where).value = "Around"
        record = next(i for i in rf.read_tracker(illustrative, save(book)).indicators() if i.code == "1.1.1")
        assert rf.Qualifier.AROUND == record.achieved[1].qualifier
        sheet.cell(row, where).value = "arond"
        letter = openpyxl.utils.get_column_letter(where)
        with pytest.raises(
            rf.LoadError,
            match=rf"Tracker!{letter}{row} \(Qualifier\): expected one of more than, "
            r"at least, around, up to, or empty for an exact figure; found 'arond'.*around",
        ):
            rf.read_tracker(illustrative, save(book))

    def test_a_qualifier_without_its_figure_is_refused(self, illustrative: rf.Programme) -> None:
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row = find(sheet, "1.2.2", "2025Q1")
        for header in ("Achieved value", "Numerator", "Denominator"):
            sheet.cell(row, column(sheet, header)).value = None
        sheet.cell(row, column(sheet, "Qualifier")).value = "at least"
        with pytest.raises(rf.LoadError, match="'at least' needs the figure it qualifies"):
            rf.read_tracker(illustrative, save(book))

    def test_a_tracker_from_before_the_column_keeps_the_qualifiers(self, illustrative: rf.Programme) -> None:
        programme = self.qualified(illustrative)
        book = workbook(programme)
        book["Tracker"].delete_cols(column(book["Tracker"], "Qualifier"))
        assert programme == rf.read_tracker(programme, save(book))


class TestSecondUnit:
    """ "5,168 households (25,521 individuals)": the figure in the second unit is filled in too."""

    @pytest.fixture
    def annual(self) -> rf.Programme:
        return rf.load(ROOT / "examples" / "iom-iraq-annual-report-illustrative.yaml")

    def test_it_is_shown_beside_the_value_and_open_only_where_the_indicator_has_one(
        self, annual: rf.Programme
    ) -> None:
        sheet = workbook(annual)["Tracker"]
        row, other = find(sheet, "2.1.1", "2024"), find(sheet, "2.1.2", "2024")
        assert ("individuals", 25521) == (
            sheet.cell(row, column(sheet, "Second unit")).value,
            sheet.cell(row, column(sheet, "Figure in second unit")).value,
        )
        assert not sheet.cell(row, column(sheet, "Figure in second unit")).protection.locked
        assert sheet.cell(other, column(sheet, "Figure in second unit")).protection.locked
        assert sheet.cell(row, column(sheet, "Second unit")).protection.locked

    def test_a_corrected_figure_is_read_in_both_units(self, annual: rf.Programme) -> None:
        book = workbook(annual)
        sheet = book["Tracker"]
        row = find(sheet, "2.1.1", "2024")
        sheet.cell(row, column(sheet, "Achieved value")).value = 5200
        sheet.cell(row, column(sheet, "Figure in second unit")).value = 25700
        (record,) = rf.read_tracker(annual, save(book)).indicator("2.1.1").achieved
        assert (5200, 25700) == (record.value, record.second_value)
        item = rf.assess(rf.read_tracker(annual, save(book)))["2.1.1"]
        assert (5200, 25700) == (item.overall.achieved, item.overall.second)

    def test_clearing_it_removes_it(self, annual: rf.Programme) -> None:
        book = workbook(annual)
        sheet = book["Tracker"]
        sheet.cell(find(sheet, "2.1.1", "2024"), column(sheet, "Figure in second unit")).value = None
        (record,) = rf.read_tracker(annual, save(book)).indicator("2.1.1").achieved
        assert (5168, None) == (record.value, record.second_value)

    def test_mistakes_are_named_at_their_cells(self, annual: rf.Programme) -> None:
        book = workbook(annual)
        sheet = book["Tracker"]
        row, other = find(sheet, "2.1.1", "2024"), find(sheet, "2.1.2", "2024")
        sheet.cell(row, column(sheet, "Figure in second unit")).value = "about 25k"
        sheet.cell(other, column(sheet, "Figure in second unit")).value = 30000
        with pytest.raises(rf.LoadError) as info:
            rf.read_tracker(annual, save(book))
        letter = openpyxl.utils.get_column_letter(column(sheet, "Figure in second unit"))
        lines = info.value.lines()
        assert any(f"Tracker!{letter}{row} (Figure in second unit): " in line for line in lines)
        assert any(
            f"Tracker!{letter}{other} (Figure in second unit): a locked cell" in line for line in lines
        )

    def test_it_needs_the_value_beside_it(self, annual: rf.Programme) -> None:
        book = workbook(annual)
        sheet = book["Tracker"]
        sheet.cell(find(sheet, "2.1.1", "2024"), column(sheet, "Achieved value")).value = None
        with pytest.raises(rf.LoadError, match="a figure in the second unit needs the value beside it"):
            rf.read_tracker(annual, save(book))

    def test_a_tracker_from_before_the_column_keeps_the_figures(self, annual: rf.Programme) -> None:
        book = workbook(annual)
        for header in ("Figure in second unit", "Second unit"):
            book["Tracker"].delete_cols(column(book["Tracker"], header))
        assert annual == rf.read_tracker(annual, save(book))


class TestClearing:
    """Clearing a cell removes its field; clearing every cell of a row removes the row's value."""

    def clear(self, sheet, row: int, headers: list[str]) -> None:
        for header in headers:
            sheet.cell(row, column(sheet, header)).value = None

    def open_headers(self, sheet) -> list[str]:
        fixed = {"Outcome", "Output", "Indicator code", "Indicator", "Measure", "Unit", "Baseline", "Target",
                 "Period", "Reported by", "Numerator", "Denominator"}  # fmt: skip
        return [c.value for c in sheet[1] if c.value not in fixed]

    def test_a_cleared_cell_removes_its_field(self, illustrative: rf.Programme) -> None:
        before = illustrative.indicator("1.1.1").achieved
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row = find(sheet, "1.1.1", "2025Q2")
        self.clear(sheet, row, ["Source of verification"])
        updated = rf.read_tracker(illustrative, save(book)).indicator("1.1.1").achieved
        q2 = rf.Period.quarter(2025, 2)
        (old,) = [r for r in before if r.period == q2]
        (new,) = [r for r in updated if r.period == q2]
        assert old.source is not None
        assert (None, old.value, old.narrative) == (new.source, new.value, new.narrative)

    def test_an_emptied_row_removes_the_value_as_clearing_each_cell_does(
        self, illustrative: rf.Programme
    ) -> None:
        q2 = rf.Period.quarter(2025, 2)
        assert any(r.period == q2 for r in illustrative.indicator("1.1.1").achieved)
        results = []
        for one_by_one in (False, True):
            book = workbook(illustrative)
            sheet = book["Tracker"]
            row = find(sheet, "1.1.1", "2025Q2")
            headers = self.open_headers(sheet)
            if one_by_one:
                for header in headers:
                    self.clear(sheet, row, [header])
            else:
                for cell in sheet[row]:
                    if cell.column_letter and not cell.protection.locked:
                        cell.value = None
            results.append(rf.read_tracker(illustrative, save(book)))
        assert results[0] == results[1]
        updated = results[0].indicator("1.1.1").achieved
        assert not any(r.period == q2 for r in updated)
        assert len(updated) == len(illustrative.indicator("1.1.1").achieved) - 1

    def test_a_row_written_empty_and_left_empty_changes_nothing(self) -> None:
        record = rf.Achieved(rf.Period.quarter(2025, 1), None, status=rf.Status.ON_TRACK)
        programme = quarters_programme(running("1", record))
        assert programme == rf.read_tracker(programme, rf.tracker_workbook(programme))


class TestWhatATrackerCannotHold:
    def test_a_text_longer_than_a_cell_is_refused_naming_where(self, example: rf.Programme) -> None:
        """Excel cuts a text over 32,767 characters when it opens the file: never without a word."""
        record = example.indicator("1.1.1").achieved[0]
        long = attrs.evolve(record, narrative="x" * 40_000)
        programme = example.with_achieved("1.1.1", long)
        with pytest.raises(
            rf.ResultsFrameworkError, match=r"indicator 1\.1\.1, .*Narrative: the text has 40,000 characters"
        ):
            rf.tracker_workbook(programme)
        with pytest.raises(
            rf.ResultsFrameworkError, match=r"indicator 1\.1\.1, column .*: the text has 40,0\d\d characters"
        ):
            rf.render(programme, "xlsx")

    def test_a_text_a_cell_can_hold_is_written_whole(self, example: rf.Programme) -> None:
        record = example.indicator("1.1.1").achieved[0]
        programme = example.with_achieved("1.1.1", attrs.evolve(record, narrative="x" * 32_767))
        back = rf.read_tracker(programme, rf.tracker_workbook(programme))
        assert "x" * 32_767 == back.indicator("1.1.1").achieved[0].narrative

    def test_two_indicators_sharing_a_code_are_refused(self, example: rf.Programme) -> None:
        """Rows are matched to indicators by code: a shared code would swap their values."""
        outcome = example.outcomes[0]
        output = outcome.outputs[0]
        twin = attrs.evolve(output.indicators[1], code=output.indicators[0].code)
        output = attrs.evolve(output, indicators=(output.indicators[0], twin, *output.indicators[2:]))
        programme = attrs.evolve(
            example, outcomes=(attrs.evolve(outcome, outputs=(output, *outcome.outputs[1:])),)
        )
        with pytest.raises(rf.ResultsFrameworkError, match="share the code"):
            rf.tracker_workbook(programme)
        with pytest.raises(rf.ResultsFrameworkError, match="share the code"):
            rf.read_tracker(programme, rf.tracker_workbook(example))


def test_a_code_holding_bidirectional_controls_reads_back(example: rf.Programme) -> None:
    """The cell shows the code with its right-to-left override closed; it is still that indicator."""
    outcome = example.outcomes[0]
    output = outcome.outputs[0]
    first = attrs.evolve(output.indicators[0], code="\u202e1.1.1")
    output = attrs.evolve(output, indicators=(first, *output.indicators[1:]))
    programme = attrs.evolve(
        example, outcomes=(attrs.evolve(outcome, outputs=(output, *outcome.outputs[1:])),)
    )
    assert programme == rf.read_tracker(programme, rf.tracker_workbook(programme))


class TestOnPaperAndInstructions:
    def test_the_first_sheet_says_how_to_fill_it_in(self, example: rf.Programme) -> None:
        book = workbook(example)
        assert book.sheetnames == ["Instructions", "Tracker"]
        assert book.active.title == "Instructions"
        text = "\n".join(str(row[0]) for row in book["Instructions"].iter_rows(values_only=True) if row[0])
        assert text.startswith(
            "Indicator tracker: Supporting the United Nations Network on Migration in Iraq"
        )
        assert "Reporting periods: May–December 2021." in text
        # which figure to write, by the indicator's accumulation
        assert (
            "The level at the end of the period (how many exist or function then): indicators 1.1.2, 1.4.1."
            in text
        )
        assert "validate tracker.xlsx --programme programme.yaml" in text

    def test_a_running_total_is_named_as_the_total_to_date(self) -> None:
        programme = quarters_programme(running("R.1"))
        lines = [r[0] for r in workbook(programme)["Instructions"].iter_rows(values_only=True)]
        assert any(str(line).startswith("The total to date") and "R.1" in str(line) for line in lines)

    def test_printed_on_a4_landscape_with_titles_and_page_numbers(self, example: rf.Programme) -> None:
        sheet = workbook(example)["Tracker"]
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.paperSize == 9  # A4
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.print_title_cols == "$A:$D"
        assert sheet.oddFooter.right.text == "Page &P of &N"
        assert sheet.oddFooter.left.text == example.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToHeight == 0
        assert sheet.page_setup.fitToWidth == 3  # never shrunk below three quarters

    def test_a_long_title_is_cut_at_a_word_and_an_ampersand_is_not_a_code(
        self, example: rf.Programme
    ) -> None:
        programme = attrs.evolve(example, title="Peace & Return " + "programme for durable solutions " * 8)
        footer = workbook(programme)["Tracker"].oddFooter.left.text
        assert footer.startswith("Peace && Return programme")
        assert footer.endswith(" for\u2026")  # cut at a word
        assert len(footer) < 110

    def test_each_row_is_as_high_as_its_longest_text(self, example: rf.Programme) -> None:
        sheet = workbook(example)["Tracker"]
        row = find(sheet, "1.2.1", "2021-05-01/2021-12-31")  # a statement of about 190 characters
        assert sheet.row_dimensions[row].height >= 5 * 15
        short = find(sheet, "1.1.3", "2021-05-01/2021-12-31")  # 'Detailed activity plan ...' in two lines
        assert sheet.row_dimensions[short].height == 2 * 15
        assert sheet.column_dimensions["I"].width >= len("2021-05-01/2021-12-31")  # a period on one line


class TestFindingsAtTheirCells:
    def filled(self, illustrative: rf.Programme) -> bytes:
        book = workbook(illustrative)
        sheet = book["Tracker"]
        row = find(sheet, "1.1.1", "2025Q1")
        sheet.cell(row, column(sheet, "Achieved value")).value = 500
        sheet.cell(row, column(sheet, "sex: female")).value = 100
        return save(book)

    def test_a_finding_names_the_cell_to_correct(self, illustrative: rf.Programme) -> None:
        data = self.filled(illustrative)
        row = find(workbook(illustrative)["Tracker"], "1.1.1", "2025Q1")
        findings = [d for d in rf.validate_tracker(illustrative, data) if d.code == "breakdown-total"]
        female = column(workbook(illustrative)["Tracker"], "sex: female")
        letter = openpyxl.utils.get_column_letter(female)
        assert findings[0].path == (f"Tracker!{letter}{row} (sex: female)",)
        assert findings[0].location() == f"Tracker!{letter}{row} (sex: female)"
        assert "not the reported total 500" in findings[0].message

    def test_findings_about_what_the_tracker_does_not_show_keep_their_path(
        self, example: rf.Programme
    ) -> None:
        findings = rf.validate_tracker(example, rf.tracker_workbook(example))
        assert {d.code: d.path for d in findings}["extension-reason-missing"] == ("dates", "extension_reason")

    def test_the_command_line_gives_the_cells(self, illustrative: rf.Programme, tmp_path: Path) -> None:
        from .test_cli import run

        tracker = tmp_path / "tracker.xlsx"
        tracker.write_bytes(self.filled(illustrative))
        code, out, err = run("validate", str(tracker), "--programme", str(ILLUSTRATIVE))
        assert code == 1, err
        assert f"{tracker}: Tracker!Q" in out
        assert "(sex: female): error [breakdown-total] indicator 1.1.1:" in out
        assert out.strip().endswith(f"{tracker}: invalid (3 errors)")

    def test_converting_a_tracker_with_errors_writes_nothing(
        self, illustrative: rf.Programme, tmp_path: Path
    ) -> None:
        """A negative count and 50 of 40 are validate's errors: convert says so and leaves the file alone."""
        from .test_cli import run

        book = workbook(illustrative)
        sheet = book["Tracker"]
        sheet.cell(find(sheet, "1.2", "2025Q1"), column(sheet, "Achieved value")).value = -5
        row = find(sheet, "1.1.2", "2025Q1")
        sheet.cell(row, column(sheet, "Numerator")).value = 50
        sheet.cell(row, column(sheet, "Denominator")).value = 40
        tracker, back = tmp_path / "tracker.xlsx", tmp_path / "back.yaml"
        tracker.write_bytes(save(book))
        code, out, err = run("convert", str(tracker), str(back), "--programme", str(ILLUSTRATIVE))
        assert (1, "") == (code, out)
        assert "error [negative-count]" in err
        numerator = openpyxl.utils.get_column_letter(column(sheet, "Numerator"))
        assert f"Tracker!{numerator}{row} (Numerator): error [numerator-exceeds-denominator]" in err
        assert err.strip().endswith(
            f"{tracker}: not converted (2 errors); correct the tracker and convert it again"
        )
        assert not back.exists()
        sheet.cell(find(sheet, "1.2", "2025Q1"), column(sheet, "Achieved value")).value = 5
        sheet.cell(row, column(sheet, "Numerator")).value = 30
        tracker.write_bytes(save(book))
        assert 0 == run("convert", str(tracker), str(back), "--programme", str(ILLUSTRATIVE))[0]
        assert 5 == rf.load(back).indicator("1.2").achieved[0].value

    def test_a_cell_that_cannot_be_read_is_reported_as_the_file_s(self, illustrative: rf.Programme,
                                                                   tmp_path: Path) -> None:  # fmt: skip
        from .test_cli import run

        book = workbook(illustrative)
        sheet = book["Tracker"]
        sheet.cell(find(sheet, "1.2", "2025Q1"), column(sheet, "Achieved value")).value = "1,234"
        tracker = tmp_path / "tracker.xlsx"
        tracker.write_bytes(save(book))
        code, out, _ = run("validate", str(tracker), "--programme", str(ILLUSTRATIVE))
        assert code == 1
        assert f"{tracker}: Tracker!K" in out
        assert "write the number 1234" in out

    def test_a_tracker_without_its_programme_is_a_usage_error(self, tmp_path: Path) -> None:
        from .test_cli import run

        tracker = tmp_path / "tracker.xlsx"
        tracker.write_bytes(b"")
        code, out, err = run("validate", str(tracker))
        assert code == 2
        assert out == ""
        assert "is a tracker: give --programme FILE" in err

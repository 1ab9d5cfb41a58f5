"""Analysts' tools: notebook display, pandas frames, HXL."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resultsframework as rf

from .conftest import ROOT
from .strategies import reported_programmes

ILLUSTRATIVE = ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml"


@pytest.fixture(scope="module")
def illustrative() -> rf.Programme:
    return rf.load(ILLUSTRATIVE)


class TestNotebook:
    def test_plain_reprs_are_short(self, example: rf.Programme) -> None:
        assessment = rf.assess(example)
        assert (
            "Programme('Supporting the United Nations Network on Migration in Iraq', 1 outcomes, 14 indicators)"
            == repr(example)
        )
        assert "IndicatorAssessment('1.1.2', not_achieved, 33.3%)" == repr(assessment["1.1.2"])
        assert repr(assessment).startswith("Assessment(14 indicators: ")
        assert len(repr(example.indicator("1.2.1"))) < 120

    def test_a_programme_shows_what_it_states_and_computes_nothing(
        self, example: rf.Programme, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from resultsframework.assessment import progress

        def refuse(*args: object, **kwargs: object) -> None:
            raise AssertionError("displaying a programme assessed it")

        # Every assessment builds its Assessment: a class attribute, found however assess is reached.
        monkeypatch.setattr(progress.Assessment, "__attrs_post_init__", refuse)
        html = example._repr_html_()
        assert "1 outcome(s), 4 output(s), 14 indicator(s)" in html
        assert "Number of Network meetings held" in html
        assert "<script" not in rf.Programme("<script>x</script>")._repr_html_()

    def test_an_assessment_shows_a_compact_table_with_statuses(self, example: rf.Programme) -> None:
        from resultsframework.formats.html import table_html

        assessment = rf.assess(example)
        html = assessment._repr_html_()
        assert "Not achieved" in html
        assert "As of 2021-12-31" in html
        assert "Indicator Based Performance Assessment" not in html  # the MPTF table is rf.indicator_table
        header = "".join(
            f"<th scope='col'>{h}</th>"
            for h in ("Code", "Indicator", "Status", "Achieved", "Target", "Achievement rate")
        )
        assert header in html
        assert len(assessment.indicators) == html.count("<th scope='row'>")
        assert (
            "<tr><th scope='row'>1.1.1</th><td>Number of Network meetings held</td><td>Exceeded</td>" in html
        )
        assert "150.0%" in html
        full = table_html(rf.indicator_table(example, assessment=assessment, show_status=True))
        assert len(html) < len(full) / 2 < 10354 / 2  # 10,354 characters before: the whole MPTF table

    def test_every_display_has_its_scoped_style(self, example: rf.Programme) -> None:
        from resultsframework.formats.notebook import STYLE, table_notebook_html

        assessment = rf.assess(example)
        table = rf.indicator_table(example, assessment=assessment, show_status=True)
        for html in (
            example._repr_html_(),
            assessment._repr_html_(),
            assessment["1.1.1"]._repr_html_(),
            example.indicator("1.1.1")._repr_html_(),
            table_notebook_html(table),
        ):
            assert html.startswith(f'<div class="rf-notebook">{STYLE}')
            assert html.endswith("</div>")
        rules = STYLE.removeprefix("<style>").removesuffix("</style>").split("}")
        selectors = [s for rule in rules if rule for s in rule.split("{")[0].split(",")]
        assert all(s.strip().startswith("div.rf-notebook") for s in selectors), selectors
        assert "text-align:left" in STYLE
        assert "vertical-align:top" in STYLE
        assert "border:" in STYLE
        assert "font-size:0.85em" in STYLE

    def test_the_assessment_display_escapes_and_shortens(self) -> None:
        long = "<b>Number</b> of & " + "x" * 120
        programme = rf.Programme(
            "<script>alert(1)</script>",
            outcomes=[
                rf.Outcome("1", "O", indicators=[rf.Indicator("1.<i>", long, "count", target=rf.Target(5))])
            ],
        )
        html = rf.assess(programme)._repr_html_()
        assert "<script" not in html
        assert "<b>" not in html
        assert "<i>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "1.&lt;i&gt;" in html
        assert "&lt;b&gt;Number&lt;/b&gt; of &amp; xxx" in html
        assert f"title='{'&lt;b&gt;Number&lt;/b&gt; of &amp; ' + 'x' * 120}'" in html  # the whole, on hover
        assert "x" * 120 + "<" not in html.split("title=")[1].split("'>")[1]  # shown shortened

    def test_indicator_card(self, example: rf.Programme) -> None:
        html = rf.assess(example)["1.1.1"]._repr_html_()
        assert "150.0%" in html
        assert "Exceeded" in html


class TestFilter:
    def test_by_status_word_label_or_several(self, illustrative: rf.Programme) -> None:
        assessment = rf.assess(illustrative)
        behind = assessment.filter(status="behind")
        assert isinstance(behind, rf.Assessment)
        assert ["1.2.1"] == [i.code for i in behind.indicators] == list(behind)
        assert behind.filter(status=rf.Status.BEHIND).indicators == behind.indicators
        assert assessment.filter(status="Behind").indicators == behind.indicators
        on_track = [i for i in assessment.indicators if i.status is rf.Status.ON_TRACK]
        assert list(assessment.filter(status="on track").indicators) == on_track
        both = assessment.filter(status=["behind", rf.Status.ON_TRACK, "not-achieved"])
        assert [i.code for i in assessment.indicators] == [i.code for i in both.indicators]  # file order
        assert (assessment.programme, assessment.as_of, assessment.band) == (
            behind.programme,
            behind.as_of,
            behind.band,
        )
        assert behind["1.2.1"] is assessment["1.2.1"]
        assert {rf.Status.BEHIND: 1} == behind.counts()
        assert 0 == len(assessment.filter(status="exceeded"))
        assert "Assessment(1 indicators: 1 behind)" == repr(behind)

    def test_a_filtered_assessment_exports_its_indicators(self, illustrative: rf.Programme) -> None:
        behind = rf.assess(illustrative).filter(status="behind")
        assert {"1.2.1"} == set(rf.to_dataframe(behind)["indicator"])

    def test_a_word_that_is_no_status(self, illustrative: rf.Programme) -> None:
        with pytest.raises(ValueError, match="no status 'behnd'; did you mean 'behind'"):
            rf.assess(illustrative).filter(status="behnd")
        with pytest.raises(TypeError, match="not int"):
            rf.assess(illustrative).filter(status=[3])  # type: ignore[list-item]

    def test_indicators_is_documented_as_every_indicator_in_file_order(self) -> None:
        doc = (
            pytest.importorskip("sphinx.pycode")
            .ModuleAnalyzer.for_module("resultsframework.assessment.progress")
            .find_attr_docs()[("Assessment", "indicators")]
        )
        text = " ".join(doc)
        assert "IndicatorAssessment" in text
        assert "file order" in text
        assert "filter" in text


class TestDataFrames:
    def test_tidy_rows(self, illustrative: rf.Programme) -> None:
        frame = rf.to_dataframe(illustrative)
        labour_q2 = frame[(frame["indicator"] == "1.1.1") & (frame["period"] == "2025Q2")]
        assert 1 + 2 + 2 + 3 == len(labour_q2)  # the total, then the sex, age and support cells
        total = labour_q2[
            labour_q2["sex"].isna() & labour_q2["age"].isna() & labour_q2["type_of_support"].isna()
        ]
        assert [171] == list(total["value"])
        women = labour_q2[labour_q2["sex"] == "female"]
        assert [80] == list(women["value"])

    def test_numbers_stay_exact_and_missing_stays_missing(
        self, example: rf.Programme, illustrative: rf.Programme
    ) -> None:
        import pandas as pd

        frame = rf.to_dataframe(illustrative)
        income = frame[frame["indicator"] == "1.1"].iloc[0]
        assert (Decimal(42), 168, 400) == (income["value"], income["numerator"], income["denominator"])
        seed = rf.to_dataframe(example)
        not_conducted = seed[seed["indicator"] == "1.4.2"].iloc[0]
        assert not_conducted["value"] is pd.NA  # not 0
        assert "not_conducted" == not_conducted["status"]

    def test_one_missing_marker_per_kind_of_column(self, illustrative: rf.Programme) -> None:
        """pandas.NA in text and exact-number columns, NaT in dates: never None beside NaN."""
        import pandas as pd

        for programme in (
            illustrative,
            rf.load(ROOT / "examples" / "mptf-00127216-un-migration-network.yaml"),
        ):
            frame = rf.to_dataframe(programme)
            for column in frame.columns:
                missing = {type(v) for v in frame[column] if v is None or pd.isna(v)}
                expected = (
                    {type(pd.NaT)} if column in ("period_start", "period_end", "collected") else {type(pd.NA)}
                )
                assert missing <= expected, column
            assert frame["baseline"].isna().any()
            assert frame["reported_by"].isna().any()
            floats = rf.to_dataframe(programme, numbers="float")
            assert (floats["value"].isna() | frame["value"].notna()).all()  # missing stays missing

    def test_the_row_column_tells_totals_from_cells(self, illustrative: rf.Programme) -> None:
        frame = rf.to_dataframe(illustrative)
        assert list(frame.columns).index("row") < list(frame.columns).index("sex")
        assert {"total", "cell"} == set(frame["row"])
        dimensions = ["sex", "age", "type_of_support", "damage_category"]
        assert (frame["row"] == "cell").tolist() == frame[dimensions].notna().any(axis=1).tolist()
        labour = frame[(frame["indicator"] == "1.1.1") & (frame["period"] == "2025Q2")]
        assert ["total", "cell", "cell", "cell", "cell", "cell", "cell", "cell"] == list(labour["row"])
        totals = frame[frame["row"] == "total"].groupby("indicator")["value"].sum()
        assert 171 + 140 == totals["1.1.1"]  # every row summed counts each value once per breakdown
        assert 4 * totals["1.1.1"] == frame.groupby("indicator")["value"].sum()["1.1.1"]
        nothing = rf.to_dataframe(rf.Programme("P", outcomes=[rf.Outcome("1", "O", indicators=[
            rf.Indicator("1.1", "I", "count")])]))  # fmt: skip
        assert ["total"] == list(nothing["row"])

    def test_frames_are_read_with_or_without_the_row_column(self, illustrative: rf.Programme) -> None:
        frame = rf.to_dataframe(illustrative)
        assert illustrative == rf.from_dataframe(illustrative, frame.drop(columns="row"))
        assert illustrative == rf.from_dataframe(illustrative, frame.astype({"row": object}))

    def test_a_row_column_that_disagrees_is_an_error(self, illustrative: rf.Programme) -> None:
        frame = rf.to_dataframe(illustrative)
        labour = frame.index[(frame["indicator"] == "1.1.1") & (frame["period"] == "2025Q2")]
        frame.loc[labour[0], "row"] = "cell"
        frame.loc[labour[1], "row"] = "total"
        frame.loc[labour[2], "row"] = "sum"
        with pytest.raises(rf.LoadError) as info:
            rf.from_dataframe(illustrative, frame)
        first = labour[0] + 1
        assert [
            f"data frame: row[{first}].row: the row says it is a breakdown cell with no dimension filled",
            f"data frame: row[{first + 1}].row: the row says it is a total with a dimension filled (sex: female)",
            f"data frame: row[{first + 2}].row: expected total or cell; found 'sum'",
        ] == info.value.lines()[:3]

    def test_errors_name_the_index_label_of_a_labelled_frame(self, illustrative: rf.Programme) -> None:
        import pandas as pd

        frame = pd.DataFrame(
            [
                {"indicator": "9.9.9", "period": "2025Q3", "value": 1},
                {"indicator": "1.2.2", "period": "2025Q3", "value": "many"},
            ],
            index=["debris", "rubble"],
        )
        with pytest.raises(rf.LoadError) as info:
            rf.from_dataframe(illustrative, frame)
        assert [
            "data frame: row 'debris'.indicator: no indicator '9.9.9' in the programme",
            "data frame: row 'rubble'.value: expected a number, found 'many'",
        ] == info.value.lines()
        filtered = pd.concat([frame.reset_index(drop=True)] * 2, ignore_index=True).iloc[[1, 3]]
        with pytest.raises(rf.LoadError) as info:
            rf.from_dataframe(illustrative, filtered)
        assert ["data frame: row 1.value: expected a number, found 'many'"] == info.value.lines()[:1]

    def test_float_columns_on_request(self, illustrative: rf.Programme) -> None:
        frame = rf.to_dataframe(illustrative, numbers="float")
        assert "float64" == str(frame["value"].dtype)

    def test_portfolio(self, example: rf.Programme, illustrative: rf.Programme) -> None:
        frame = rf.to_dataframe([example, illustrative])
        assert {example.title, illustrative.title} == set(frame["programme"])

    def test_round_trip(self, example: rf.Programme, illustrative: rf.Programme) -> None:
        for programme in (example, illustrative):
            assert programme == rf.from_dataframe(programme, rf.to_dataframe(programme))

    @pytest.mark.extras("pandas")
    @settings(max_examples=40)
    @given(reported_programmes())
    def test_any_programme_comes_back_unchanged(self, programme: rf.Programme) -> None:
        assert programme == rf.from_dataframe(programme, rf.to_dataframe(programme))

    def test_new_values_from_a_frame(self, illustrative: rf.Programme) -> None:
        import pandas as pd

        frame = pd.DataFrame([
            {"indicator": "1.2.2", "period": "2025Q3", "value": 12.0, "source": "Logs"},
            {"indicator": "1.1.2", "period": "2025Q3", "numerator": 30.0, "denominator": 40.0},
        ])  # fmt: skip
        updated = rf.from_dataframe(illustrative, frame)
        debris = updated.indicator("1.2.2").achieved[-1]
        assert (rf.Period.quarter(2025, 3), 12, "Logs") == (debris.period, debris.value, debris.source)
        assert rf.Ratio(30, 40) == updated.indicator("1.1.2").achieved[-1].value

    def test_a_frame_of_values_only_keeps_everything_else(self, illustrative: rf.Programme) -> None:
        """A corrected figure, typed as indicator, period, value: its reporter, source, breakdowns stay."""
        import pandas as pd

        frame = pd.DataFrame([{"indicator": "1.1.1", "period": "2025Q1", "value": 150}])
        updated = rf.from_dataframe(illustrative, frame)
        before, after = illustrative.indicator("1.1.1").achieved[0], updated.indicator("1.1.1").achieved[0]
        assert attrs.evolve(before, value=150) == after
        assert len(illustrative.indicator("1.1.1").achieved) == len(updated.indicator("1.1.1").achieved)
        assert {"breakdown-total"} == {d.code for d in rf.validate(updated)}  # 62 + 78 is not 150

    def test_a_qualified_figure_keeps_its_qualifier(self, illustrative: rf.Programme) -> None:
        """ "More than 140": the frame's qualifier column, read back as written or refused."""
        import pandas as pd

        first = illustrative.indicator("1.1.1").achieved[0]
        programme = illustrative.with_achieved("1.1.1", attrs.evolve(first, qualifier=rf.Qualifier.MORE_THAN))
        frame = rf.to_dataframe(programme)
        assert ["more_than"] == list(frame.loc[frame["qualifier"].notna(), "qualifier"])
        assert programme == rf.from_dataframe(programme, frame)
        assert programme == rf.from_dataframe(programme, frame.drop(columns="qualifier"))  # not shown: kept
        typed = pd.DataFrame([{"indicator": "1.2.2", "period": "2025Q3", "value": 12, "qualifier": "about"}])
        with pytest.raises(
            rf.LoadError,
            match=r"row\[1\]\.qualifier: expected one of more_than, at_least, around, "
            "up_to; found 'about'",
        ):
            rf.from_dataframe(programme, typed)

    def test_without_reported_by_several_reporters_are_an_error(self) -> None:
        import pandas as pd

        records = (rf.Achieved(rf.Period.year(2025), 3, reported_by="IOM"),
                   rf.Achieved(rf.Period.year(2025), 4, reported_by="UNDP"))  # fmt: skip
        indicator = rf.Indicator("1", "People", rf.Measure.COUNT, achieved=records)
        programme = rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),))
        with pytest.raises(rf.LoadError, match="several organisations report 1 in 2025: add reported_by"):
            rf.from_dataframe(programme, pd.DataFrame([{"indicator": "1", "period": "2025", "value": 9}]))

    def test_a_percent_changed_without_its_counts_is_an_error(self, illustrative: rf.Programme) -> None:
        frame = rf.to_dataframe(illustrative)
        row = frame.index[(frame["indicator"] == "1.1.2") & (frame["period"] == "2025Q1")][0]
        frame.loc[row, "value"] = 55
        with pytest.raises(rf.LoadError, match=r"the value 55 is not 21/50"):
            rf.from_dataframe(illustrative, frame)

    def test_errors_name_the_row(self, illustrative: rf.Programme) -> None:
        import pandas as pd

        frame = pd.DataFrame([
            {"indicator": "9.9.9", "period": "2025Q3", "value": 1},
            {"indicator": "1.2.2", "period": "someday", "value": 1},
            {"indicator": "1.2.2", "period": "2025Q3", "value": "many"},
        ])  # fmt: skip
        with pytest.raises(rf.LoadError) as info:
            rf.from_dataframe(illustrative, frame)
        assert [
            "data frame: row[1].indicator: no indicator '9.9.9' in the programme",
            "data frame: row[2].period: expected a period such as '2021Q3', 'Q3 2021', '2021', '2021-05', "
            "'May 2021', '2021S1', '2021W3', '2021-05-01', '2021-05-01/2021-12-30' or 'May 2021 to December 2021'; "
            "found 'someday'",
            "data frame: row[3].value: expected a number, found 'many'",
        ] == info.value.lines()

    def test_a_reporter_named_like_a_sentinel_is_just_a_reporter(self) -> None:
        """No text stands for "several reporters": a reporter called "\\0several" is one reporter."""
        import pandas as pd

        odd = "\0several"
        records = (rf.Achieved(rf.Period.year(2025), 3, reported_by=odd),
                   rf.Achieved(rf.Period.year(2025), 4, reported_by="UNDP"))  # fmt: skip
        programme = one_indicator(rf.Indicator("1", "People", rf.Measure.COUNT, achieved=records))
        assert programme == rf.from_dataframe(programme, rf.to_dataframe(programme))
        row = {"indicator": "1", "period": "2025", "value": 9}
        updated = rf.from_dataframe(programme, pd.DataFrame([{**row, "reported_by": odd}]))
        assert [(9, odd), (4, "UNDP")] == [(r.value, r.reported_by) for r in updated.indicator("1").achieved]
        alone = one_indicator(rf.Indicator("1", "People", rf.Measure.COUNT, achieved=records[:1]))
        assert 9 == rf.from_dataframe(alone, pd.DataFrame([row])).indicator("1").achieved[0].value

    @pytest.mark.parametrize(
        "nothing",
        [None, "", float("nan"), "numpy.nan", "numpy.float32(nan)", "pandas.NA", "pandas.NaT"],
        ids=["None", "empty", "nan", "numpy.nan", "float32-nan", "NA", "NaT"],
    )
    def test_missing_values_of_every_kind_are_missing(
        self, illustrative: rf.Programme, nothing: object
    ) -> None:
        """pandas.NA, NaT, NaN of any kind, None or an empty text: in any column, nothing."""
        import numpy
        import pandas

        if isinstance(nothing, str) and nothing:
            nothing = eval(nothing, {"numpy": numpy, "pandas": pandas, "nan": float("nan")})
        optional = ("numerator", "denominator", "reported_by", "narrative", "variance", "variance_category",
                    "source", "reported_status", "collected", "comment", "sex")  # fmt: skip
        frame = pandas.DataFrame([
            {"indicator": "1.2.2", "period": "2025Q3", "value": 12, **dict.fromkeys(optional, nothing)},
            {"indicator": "1.2.2", "period": "2025Q4", "value": nothing, "narrative": "Not measured"},
            {"indicator": "1.2.2", "period": nothing, "value": nothing},  # as to_dataframe writes none
        ])  # fmt: skip
        updated = rf.from_dataframe(illustrative, frame).indicator("1.2.2").achieved
        assert [
            rf.Achieved(rf.Period.quarter(2025, 3), 12),
            rf.Achieved(rf.Period.quarter(2025, 4), None, narrative="Not measured"),
        ] == list(updated[-2:])

    def test_numpy_scalars_are_their_values(self) -> None:
        import numpy
        import pandas as pd

        indicators = (rf.Indicator("1", "People", rf.Measure.COUNT), rf.Indicator("2", "Km", rf.Measure.NUMBER),
                      rf.Indicator("3", "Plan", rf.Measure.YES_NO))  # fmt: skip
        programme = rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=indicators),))
        frame = pd.DataFrame({
            "indicator": ["1", "2", "3"], "period": ["2025"] * 3,
            "value": pd.Series([numpy.int64(12), numpy.float32(2.5), numpy.bool_(True)], dtype=object),
        })  # fmt: skip
        updated = rf.from_dataframe(programme, frame)
        values = [updated.indicator(code).achieved[0].value for code in ("1", "2", "3")]
        assert [12, Decimal("2.5"), True] == values
        assert [int, Decimal, bool] == [type(v) for v in values]

    def test_a_long_cell_is_quoted_short(self, illustrative: rf.Programme) -> None:
        import pandas as pd

        frame = pd.DataFrame([
            {"indicator": "9" * 10_000, "period": "2025Q3", "value": 1},
            {"indicator": "1.2.2", "period": "2025Q3", "value": "many " * 2_000},
        ])  # fmt: skip
        with pytest.raises(rf.LoadError) as info:
            rf.from_dataframe(illustrative, frame)
        assert 2 == len(info.value.lines())
        assert all(len(line) < 150 for line in info.value.lines())
        assert info.value.lines()[1].startswith(
            "data frame: row[2].value: expected a number, found 'many many"
        )

    def test_an_unreadable_count_names_its_column(self, illustrative: rf.Programme) -> None:
        import pandas as pd

        frame = pd.DataFrame([{"indicator": "1.1.2", "period": "2025Q3", "numerator": "half", "denominator": 9},
                              {"indicator": "1.1.2", "period": "2025Q4", "numerator": 3}])  # fmt: skip
        with pytest.raises(rf.LoadError) as info:
            rf.from_dataframe(illustrative, frame)
        assert [
            "data frame: row[1].numerator: expected a number, found 'half'",
            "data frame: row[2].denominator: a percentage needs both numerator and denominator",
        ] == info.value.lines()


def one_indicator(indicator: rf.Indicator) -> rf.Programme:
    return rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),))


class TestHXL:
    def test_header_and_hashtag_rows(self, illustrative: rf.Programme) -> None:
        rows = list(csv.reader(io.StringIO(rf.to_hxl(illustrative))))
        headings, tags, *data = rows
        assert "#indicator +num +achieved" == tags[headings.index("Achieved")]
        assert "#indicator +num +achieved +f" == tags[headings.index("Achieved: sex female")]
        assert "#indicator +num +achieved +age_18_24" == tags[headings.index("Achieved: age 18-24")]
        assert all(tag.startswith("#") for tag in tags)
        labour = next(
            r
            for r in data
            if r[headings.index("Indicator code")] == "1.1.1" and r[headings.index("Start")] == "2025-04-01"
        )
        assert ("171", "80") == (
            labour[headings.index("Achieved")],
            labour[headings.index("Achieved: sex female")],
        )

    def test_population_groups_and_hostile_text(self) -> None:
        cells = (rf.Cell((("population_group", "idp"),), 3), rf.Cell((("population_group", "returnee"),), 2))
        indicator = rf.Indicator("1.1", "=cmd|' /C calc'!A0", rf.Measure.COUNT, achieved=(
            rf.Achieved(rf.Period.year(2025), 5, breakdowns=(rf.Breakdown(("population_group",), cells),)),))  # fmt: skip
        text = rf.to_hxl(rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),)))
        headings, tags, row = list(csv.reader(io.StringIO(text)))
        assert {"#indicator +num +achieved +idps", "#indicator +num +achieved +returnees"} <= set(tags)
        assert row[headings.index("Indicator")].startswith("'=")


@pytest.mark.extras("pandas")
@settings(max_examples=40)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 30),
            st.sampled_from(["indicator", "period", "value", "numerator", "denominator", "reported_by",
                             "narrative", "variance", "variance_category", "collected", "sex"]),
            st.one_of(st.none(), st.integers(-(10**20), 10**20), st.floats(), st.text(max_size=20),
                      st.booleans(), st.dates()),
        ),
        max_size=5,
    )
)  # fmt: skip
def test_any_edited_frame_ends_in_a_programme_or_our_error(edits: list[tuple[int, str, object]]) -> None:
    """Whatever an analyst puts in a frame's cells: read back, or refused with the row named."""
    programme = rf.load(ILLUSTRATIVE)
    frame = rf.to_dataframe(programme)
    for row, column, value in edits:
        frame[column] = frame[column].astype(object)
        frame.at[frame.index[row % len(frame)], column] = value
    try:
        lines = [] if isinstance(rf.from_dataframe(programme, frame), rf.Programme) else ["not a programme"]
    except rf.LoadError as e:
        lines = e.lines()
    assert all(line.startswith("data frame: ") for line in lines)


def test_a_cross_tabulation_keeps_the_order_of_its_dimensions() -> None:
    """A breakdown by ("sex", "age") comes back as one, whatever the order of the frame's columns."""
    period = rf.Period.year(2025)
    by_age = rf.Breakdown(("age",), (rf.Cell((("age", "18_59"),), 3),))
    cross = rf.Breakdown(
        ("sex", "age"),
        (
            rf.Cell((("sex", "female"), ("age", "18_59")), 4),
            rf.Cell((("sex", "male"), ("age", "18_59")), 6),
        ),
    )
    first = rf.Indicator("1", "By age", rf.Measure.COUNT, disaggregation=("age",),
                         achieved=(rf.Achieved(period, 3, breakdowns=(by_age,)),))  # fmt: skip
    second = rf.Indicator("2", "By sex and age", rf.Measure.COUNT, disaggregation=("sex", "age"),
                          achieved=(rf.Achieved(period, 10, breakdowns=(cross,)),))  # fmt: skip
    programme = rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(first, second)),))
    frame = rf.to_dataframe(programme)
    assert list(frame.columns).index("age") < list(frame.columns).index("sex")
    back = rf.from_dataframe(programme, frame)
    assert programme == back
    assert ("sex", "age") == back.indicator("2").achieved[0].breakdowns[0].dimensions
    # A new value, with no breakdown before it, follows the indicator's disaggregation.
    empty = attrs.evolve(second, achieved=())
    fresh = rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(first, empty)),))
    (breakdown,) = rf.from_dataframe(fresh, frame).indicator("2").achieved[0].breakdowns
    assert (("sex", "female"), ("age", "18_59")) == breakdown.cells[0].categories
    assert ("sex", "age") == breakdown.dimensions


def test_a_table_shows_itself_in_the_notebook_style(example: rf.Programme) -> None:
    html = rf.indicator_table(example)._repr_html_()
    assert html.startswith("<div class")
    assert "div.rf-notebook" in html
    assert "Indicator Based Performance Assessment" in html

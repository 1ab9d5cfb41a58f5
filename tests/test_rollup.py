"""Results by framework element: the figures of a portfolio summed up to pillars and outcomes."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resultsframework as rf
from resultsframework import Achieved, Period

from .test_cli import run

IOM = "iom-iraq-2022"


def indicator(
    code: str,
    *values: tuple[str, rf.Value] | Achieved,
    unit: str | None = "individuals",
    measure: rf.Measure = rf.Measure.COUNT,
    accumulation: rf.Accumulation = rf.Accumulation.SUM,
    link: str | None = "1.1",
    currency: str | None = None,
) -> rf.Indicator:
    records = tuple(v if isinstance(v, Achieved) else Achieved(Period.parse(v[0]), v[1]) for v in values)
    return rf.Indicator(
        code, f"Indicator {code}", measure, unit=unit, accumulation=accumulation, achieved=records,
        links=(rf.FrameworkLink(IOM, link),) if link else (), currency=currency,
    )  # fmt: skip


def programme(title: str, *indicators: rf.Indicator, link: str | None = None) -> rf.Programme:
    links = (rf.FrameworkLink(IOM, link),) if link else ()
    return rf.Programme(title, outcomes=(rf.Outcome("1", "O", indicators=indicators, links=links),))


def by_sex(female: int, male: int) -> rf.Breakdown:
    return rf.Breakdown.by("sex", {"female": female, "male": male})


class TestTotals:
    def test_one_unit_sums_across_programmes_and_up_the_framework(self) -> None:
        a = programme("A", indicator("1", ("2025Q1", 100), ("2025Q2", 50)))
        b = programme("B", indicator("1", ("2025Q1", 25), link="1.2"))
        rollup = rf.roll_up([a, b], IOM)
        assert rollup["1.1"].total("individuals").value == 150  # increments summed over quarters
        assert rollup["1.2"].total("individuals").value == 25
        pillar = rollup["1"].total("individuals")  # Resilience holds 1.1 and 1.2
        assert pillar.value == 175
        assert [(c.programme.title, c.value) for c in pillar.contributions] == [("A", 150), ("B", 25)]
        assert "1" in rollup
        assert rollup["2"].totals == ()  # Mobility: nothing under it

    def test_a_running_total_gives_its_latest_value_never_a_sum(self) -> None:
        running = indicator("1", ("2025Q1", 90), ("2025Q2", 110), ("2025Q3", 230),
                            accumulation=rf.Accumulation.RUNNING_TOTAL)  # fmt: skip
        other = indicator("2", ("2025Q1", 10))
        rollup = rf.roll_up(programme("A", running, other), IOM)
        assert rollup["1.1"].total("individuals").value == 240  # 230 + 10, not 430 + 10

    def test_units_never_mix(self) -> None:
        people = indicator("1", ("2025Q1", 25_521), unit="individuals")
        households = indicator("2", ("2025Q1", 5_168), unit="households")
        spelled = indicator("3", ("2025Q1", 9), unit="# of Individuals ")
        totals = rf.roll_up(programme("A", people, households, spelled), IOM)["1.1"]
        assert [(t.unit, t.value) for t in totals] == [("individuals", 25_530), ("households", 5_168)]
        with pytest.raises(KeyError, match="its totals' units: 'individuals', 'households'"):
            totals.total("persons")

    def test_percentages_pool_numerators_and_denominators(self) -> None:
        a = indicator("1", ("2025Q1", rf.Ratio(15, 50)), measure=rf.Measure.PERCENTAGE, unit="households")
        b = indicator("2", ("2025Q1", rf.Ratio(45, 50)), measure=rf.Measure.PERCENTAGE, unit="households")
        total = rf.roll_up(programme("A", a, b), IOM)["1.1"][0]
        assert total.value == rf.Ratio(60, 100)  # 60%, not the mean of 30% and 90% by chance

    def test_percentages_known_only_as_percents_are_not_aggregatable(self) -> None:
        a = indicator("1", ("2025Q1", Decimal(30)), measure=rf.Measure.PERCENTAGE, unit="households")
        b = indicator("2", ("2025Q1", rf.Ratio(45, 50)), measure=rf.Measure.PERCENTAGE, unit="households")
        total = rf.roll_up(programme("A", a, b), IOM)["1.1"][0]
        assert total.value is None
        assert not total.aggregatable
        assert "known only as a percent" in total.notes[0]
        assert total.breakdown("sex") == {}

    def test_yes_no_counts_how_many_are_achieved(self) -> None:
        yes = [indicator(str(n), ("2025Q1", v), measure=rf.Measure.YES_NO, unit=None)
               for n, v in enumerate([True, True, False])]  # fmt: skip
        unreported = indicator("9", measure=rf.Measure.YES_NO, unit=None)
        total = rf.roll_up(programme("A", *yes, unreported), IOM)["1.1"][0]
        assert (total.value, total.count, len(total.contributions)) == (2, 3, 4)

    def test_money_only_in_one_currency(self) -> None:
        usd = indicator("1", ("2025Q1", 1000), measure=rf.Measure.MONEY, unit="grants", currency="USD")
        iqd = indicator("2", ("2025Q1", 5000), measure=rf.Measure.MONEY, unit="grants", currency="IQD")
        more = indicator("3", ("2025Q1", 500), measure=rf.Measure.MONEY, unit="grants", currency="USD")
        rollup = rf.roll_up(programme("A", usd, iqd, more), IOM)
        assert [(t.currency, t.value) for t in rollup["1.1"]] == [("USD", 1500), ("IQD", 5000)]
        assert [d.code for d in rollup.diagnostics if d.message.startswith("1.1:")] == ["rollup-currencies"]

    def test_nothing_reported_is_not_zero(self) -> None:
        total = rf.roll_up(programme("A", indicator("1")), IOM)["1.1"][0]
        assert total.value is None
        assert total.count == 0
        assert total.aggregatable


class TestBreakdowns:
    def test_breakdowns_merge_by_category(self) -> None:
        a = indicator("1", Achieved(Period.parse("2025Q1"), 100, breakdowns=(by_sex(60, 40),)))
        b = indicator("2", Achieved(Period.parse("2025Q1"), 50, breakdowns=(by_sex(20, 30),)))
        total = rf.roll_up(programme("A", a, b), IOM)["1.1"][0]
        assert total.breakdown("sex") == {"female": 80, "male": 70}
        assert not total.partial("sex")

    def test_a_breakdown_only_some_have_stays_partial(self) -> None:
        a = indicator("1", Achieved(Period.parse("2025Q1"), 100, breakdowns=(by_sex(60, 40),)))
        b = indicator("2", ("2025Q1", 50))
        total = rf.roll_up(programme("A", a, b), IOM)["1.1"][0]
        assert total.value == 150
        assert total.breakdown("sex") == {"female": 60, "male": 40}  # never scaled up to 150
        assert total.broken_down("sex") == 100
        assert total.partial("sex")

    def test_a_cross_tabulation_gives_its_margins(self) -> None:
        cells = rf.Breakdown(("sex", "age"), (
            rf.Cell((("sex", "female"), ("age", "18-24")), 3), rf.Cell((("sex", "female"), ("age", "25-59")), 4),
            rf.Cell((("sex", "male"), ("age", "18-24")), 5),
        ))  # fmt: skip
        a = indicator("1", Achieved(Period.parse("2025Q1"), 12, breakdowns=(cells,)))
        total = rf.roll_up(programme("A", a), IOM)["1.1"][0]
        assert total.breakdown("sex") == {"female": 7, "male": 5}
        assert total.breakdown("age") == {"18-24": 8, "25-59": 4}

    def test_a_running_total_s_breakdown_is_its_latest(self) -> None:
        records = (
            Achieved(Period.parse("2025Q1"), 10, breakdowns=(by_sex(6, 4),)),
            Achieved(Period.parse("2025Q2"), 30, breakdowns=(by_sex(16, 14),)),
        )
        a = indicator("1", *records, accumulation=rf.Accumulation.RUNNING_TOTAL)
        assert rf.roll_up(programme("A", a), IOM)["1.1"][0].breakdown("sex") == {"female": 16, "male": 14}


class TestLinks:
    def test_an_indicator_counts_once_under_an_element_however_many_codes_below_it(self) -> None:
        both = rf.Indicator("1", "Both", "count", unit="individuals",
                            achieved=(Achieved(Period.parse("2025Q1"), 10),),
                            links=(rf.FrameworkLink(IOM, "1.1"), rf.FrameworkLink(IOM, "1.2")))  # fmt: skip
        rollup = rf.roll_up(programme("A", both), IOM)
        assert rollup["1.1"][0].value == rollup["1.2"][0].value == 10
        assert rollup["1"][0].value == 10  # not 20

    def test_links_are_inherited_from_the_outcome(self) -> None:
        rollup = rf.roll_up(programme("A", indicator("1", ("2025Q1", 7), link=None), link="2.2"), IOM)
        (contribution,) = rollup["2.2"].contributions
        assert contribution.inherited
        assert contribution.codes == ("2.2",)
        assert rollup["2"][0].value == 7

    def test_the_level_chooses_the_elements_shown(self) -> None:
        rollup = rf.roll_up(programme("A", indicator("1", ("2025Q1", 7))), IOM, level="pillar")
        assert list(rollup) == ["1", "2", "3"]
        assert rollup["1.1"][0].value == 7  # any element can still be looked up
        with pytest.raises(KeyError, match="no level 'pilar'"):
            rf.roll_up([], IOM, level="pilar")
        with pytest.raises(KeyError, match="did you mean"):
            rollup["1.4"]

    def test_as_of_and_period_choose_the_values(self) -> None:
        a = programme("A", indicator("1", ("2025Q1", 100), ("2025Q2", 50)))
        assert rf.roll_up(a, IOM, as_of="2025-03-31")["1.1"][0].value == 100
        assert rf.roll_up(a, IOM, period="2025Q2")["1.1"][0].value == 50

    def test_a_unit_that_is_not_the_element_s_is_reported(self) -> None:
        element = rf.Element("A.1", "People supported", "indicator", unit="individuals")
        framework = rf.Framework("cat", "Catalogue", ("indicator",), (element,))
        own = rf.Indicator("1", "People", "count", unit="households",
                           achieved=(Achieved(Period.parse("2025Q1"), 10),),
                           links=(rf.FrameworkLink("cat", "A.1"),))  # fmt: skip
        rollup = rf.roll_up(rf.Programme("A", outcomes=(rf.Outcome("1", "O", indicators=(own,)),)), framework)
        (found,) = rollup.diagnostics
        assert found.code == "rollup-unit"
        assert found.path == ("outcomes", 0, "indicators", 0, "unit")
        assert "the unit is 'households', A.1's is 'individuals'" in found.message

    def test_programmes_sharing_a_title_stay_apart(self) -> None:
        a = programme("Same", indicator("1", ("2025Q1", 1)))
        b = programme("Same", indicator("1", ("2025Q1", 2)))
        assert rf.roll_up([a, b], IOM)["1.1"][0].value == 3


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["1.1", "1.2", "2.2", "3.1"]), st.integers(0, 10**6),
                          st.sampled_from(["individuals", "households"])), min_size=1, max_size=12))  # fmt: skip
def test_a_pillar_is_the_sum_of_its_outcomes_per_unit(items: list[tuple[str, int, str]]) -> None:
    indicators = [indicator(str(n), ("2025Q1", v), unit=u, link=code) for n, (code, v, u) in enumerate(items)]
    rollup = rf.roll_up(programme("A", *indicators), IOM)
    for pillar in ("1", "2", "3"):
        for unit in ("individuals", "households"):
            expected = sum(v for code, v, u in items if code.startswith(pillar + ".") and u == unit)
            found = [t.value for t in rollup[pillar] if t.unit == unit]
            assert found == (
                [expected] if any(c.startswith(pillar + ".") and u == unit for c, _, u in items) else []
            )


class TestResultsTable:
    def table(self, locale: str = "en") -> rf.Table:
        a = programme("A", indicator("1", Achieved(Period.parse("2025Q1"), 25_521, breakdowns=(by_sex(13_271, 12_250),),
                                                   narrative="Reached", source="Lists")))  # fmt: skip
        b = programme("B", indicator("7", ("2025Q1", 479)), indicator("8", ("2025Q1", 12), unit="households"))
        return rf.results_table(rf.roll_up([a, b], IOM, level="pillar"), locale=locale)

    def test_each_figure_with_its_unit_breakdown_narrative_and_source(self) -> None:
        headings, rows = self.table().flat()
        assert headings[:4] == ["Pillar code", "Pillar", "Row", "Code"]
        first = dict(zip(headings, rows[0], strict=True))
        assert first["Figure"] == "25,521"
        assert first["Unit"] == "individuals"
        assert first["Breakdown"] == "Sex: 13,271 female and 12,250 male"
        assert (first["Narrative"], first["Source"]) == ("Reached", "Lists")

    def test_then_the_totals_per_unit_labelled_as_sums(self) -> None:
        headings, rows = self.table().flat()
        totals = [dict(zip(headings, r, strict=True)) for r in rows if r[headings.index("Row")] == "total"]
        assert [(t["Figure"], t["Unit"]) for t in totals] == [("26,000", "individuals")]
        assert totals[0]["Indicator"] == "sum of reported figures"
        assert totals[0]["Breakdown"] == "Sex: 13,271 female and 12,250 male (of 25,521)"  # partial
        assert totals[0]["Programme"] == "Indicators: 2 (reported: 2); programmes: 2"

    def test_every_format_and_language(self) -> None:
        markdown = rf.render_table(self.table(), "md")
        assert "| **Total:** sum of reported figures |" in markdown
        assert "counts a person more than once" in markdown
        french = rf.render_table(self.table("fr"), "md")
        assert "25\u202f521" in french
        assert "Sexe\u202f: 13\u202f271 femmes et 12\u202f250 hommes" in french
        arabic = rf.results_table(rf.roll_up([], IOM, level="pillar"), locale="ar")
        assert arabic.rtl
        pytest.importorskip("docx")
        assert rf.render_table(self.table(), "docx")[:2] == b"PK"


class TestTwoUnits:
    """ "5,168 households (25,521 individuals)": summed in households, the individuals beside."""

    def households(self, code: str, households: int, individuals: int | None) -> rf.Indicator:
        record = Achieved(Period.parse("2024"), households, second_value=individuals)
        return attrs.evolve(indicator(code, record, unit="households"), second_unit="individuals")

    def test_the_total_states_the_second_figure_when_every_contribution_does(self) -> None:
        a = programme("A", self.households("1", 5168, 25521))
        b = programme("B", self.households("1", 1000, 4800))
        total = rf.roll_up([a, b], IOM)["1.1"].total("households")
        assert (total.value, total.second, total.second_unit) == (6168, 30321, "individuals")
        assert [c.second for c in total.contributions] == [25521, 4800]

    def test_never_from_some_contributions_only(self) -> None:
        a = programme("A", self.households("1", 5168, 25521))
        b = programme("B", self.households("1", 1000, None))
        total = rf.roll_up([a, b], IOM)["1.1"].total("households")
        assert (total.value, total.second, total.second_unit) == (6168, None, None)

    def test_the_results_table_shows_both_units(self) -> None:
        a = programme("A", self.households("1", 5168, 25521))
        b = programme("B", self.households("1", 1000, 4800))
        table = rf.results_table(rf.roll_up([a, b], IOM, level="pillar"))
        headings, rows = table.flat()
        figures = [
            (r[headings.index("Row")], r[headings.index("Figure")], r[headings.index("Unit")]) for r in rows
        ]
        assert figures == [
            ("contribution", "5,168 (25,521 individuals)", "households"),
            ("contribution", "1,000 (4,800 individuals)", "households"),
            ("total", "6,168 (30,321 individuals)", "households"),
        ]
        french = rf.render_table(
            rf.results_table(rf.roll_up([a, b], IOM, level="pillar"), locale="fr"), "csv"
        )
        assert "6\u202f168 (30\u202f321 individuals)" in french


class TestCommandLine:
    def test_pillars_results(self) -> None:
        from .conftest import ROOT

        files = [str(p) for p in sorted((ROOT / "examples").glob("*.yaml"))]
        code, out, err = run("pillars", *files, "--table", "results", "--level", "pillar", "-f", "csv")
        assert code == 0, err
        assert out.splitlines()[0].startswith(
            "Pillar code,Pillar,Row,Code,Indicator,Programme,Counts under,Figure"
        )
        assert "2.2 (inherited link)" in out

    def test_render_results_for_one_programme(self) -> None:
        from .conftest import EXAMPLE

        code, out, err = run("render", str(EXAMPLE), "--table", "results", "--level", "pillar")
        assert code == 0, err
        assert "**3:** Governance" in out
        assert (
            "| **Total:** sum of reported figures | Indicators: 5 (reported: 5); programmes: 1 | 5 of 5 achieved |"
            in out
        )

    def test_an_unknown_level_is_a_usage_error(self) -> None:
        from .conftest import EXAMPLE

        code, _, err = run("render", str(EXAMPLE), "--table", "results", "--level", "pilar")
        assert code == 2
        assert "has no level 'pilar'" in err


def test_a_contribution_shows_itself() -> None:
    rollup = rf.roll_up(programme("A", indicator("1", ("2025Q1", 5))), IOM)
    assert repr(rollup["1.1"][0]) == "Total(5 individuals, count, 1 reported)"
    assert repr(rollup["1.1"].contributions[0]) == "ContributingIndicator('A', '1', 5)"
    assert repr(rollup).startswith("RollUp('iom-iraq-2022', 1 programmes")


def test_the_report_can_give_the_figures_by_framework_element(example: rf.Programme) -> None:
    text = rf.report(example, "md", results="iom-iraq-2022", level="pillar")
    indicators = text.index("## ii) Indicator Based Performance Assessment")
    by_element = text.index("### IOM Strategy for Iraq 2022–2024: results by framework element")
    assert indicators < by_element < text.index("## iii) Evaluation")
    assert "| **3:** Governance |" in text
    assert "results by framework element" not in rf.report(example, "md")


def test_report_results_on_the_command_line() -> None:
    from .conftest import EXAMPLE

    code, out, err = run(
        "report", str(EXAMPLE), "--results", "--framework", "iom-iraq-2022", "--level", "outcome"
    )
    assert code == 0, err
    assert "| **3.2:** The government has increased capacity" in out


def test_an_indicator_not_conducted_says_so_in_the_results_table(example: rf.Programme) -> None:
    """Not "not reported" with nothing beside it: the table says it was not conducted, and why."""
    table = rf.results_table(rf.roll_up(example, "iom-iraq-2022"))
    rows = [row for row in table.rows if row.code == "1.4.1"]
    assert rows
    for row in rows:
        texts = [cell.parts[0].text for cell in row.cells[2:]]
        assert "Not conducted" == texts[0]
        assert "These activities were not conducted" in texts
    assert any("(an inherited link)" in note for note in table.footnotes)


_cells_of = st.lists(
    st.tuples(
        st.sampled_from([("sex",), ("age",), ("sex", "age"), ("age", "sex"), ("place",)]),
        st.sampled_from(["female", "male", "0-17", "18+", "camp"]),
        st.integers(-5, 50) | st.just(Decimal("2.5")),
    ),
    max_size=6,
)


def _record(cells: list[tuple[tuple[str, ...], str, int | Decimal]], split: bool) -> Achieved:
    """A value whose breakdown holds *cells* (one breakdown, or two when *split*)."""
    made = [rf.Cell(tuple((d, category) for d in dims), v) for dims, category, v in cells]
    groups: dict[tuple[str, ...], list[rf.Cell]] = {}
    for cell in made:
        key = tuple(d for d, _ in cell.categories)
        groups.setdefault(key if split else ("sex", "age", "place"), []).append(cell)
    kept = tuple(rf.Breakdown(dims, tuple(group)) for dims, group in groups.items())
    total = sum(v for _, _, v in cells)
    return Achieved(Period.parse("2025Q1"), total, breakdowns=kept)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_cells_of, st.booleans()), max_size=5), st.sampled_from(["sex", "age", "place"]))
def test_whole_numbers_merge_as_the_margins_do(
    drawn: list[tuple[list[tuple[tuple[str, ...], str, int | Decimal]], bool]], dimension: str
) -> None:
    from resultsframework.assessment.rollup import _margins, _merge, _whole_numbers_by

    records = [_record(cells, split) for cells, split in drawn]
    margins = [_margins(r, dimension) for r in records]
    fast = _whole_numbers_by(records, dimension)
    whole = all(type(c.value) is int for r in records for b in r.breakdowns for c in b.cells)
    if fast is None:
        assert not whole
        return
    merged, covered = fast
    assert merged == _merge(margins)
    assert list(merged) == list(_merge(margins))  # the same order of categories
    assert covered == tuple(bool(m) for m in margins)

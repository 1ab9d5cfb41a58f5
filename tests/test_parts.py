"""
Values as reports state them: parts of other figures ("of whom 1,148"), one figure in two units
("5,168 households (25,521 individuals)"), a share of a whole known only as a percent ("83.67% of
the 7,309 families"), and activities with their dates and lead.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import resultsframework as rf
from resultsframework.assessment.parts import Share, exceeds, part_chain

from .conftest import ROOT
from .test_render import golden

ANNUAL = ROOT / "examples" / "iom-iraq-annual-report-illustrative.yaml"
Q = rf.Qualifier


def count(code: str, value: int | None, target: int | None = None, **fields: Any) -> rf.Indicator:
    achieved = [] if value is None else [rf.Achieved("2024", value)]
    return rf.Indicator(
        code,
        f"Indicator {code}",
        fields.pop("measure", "count"),
        unit=fields.pop("unit", "persons"),
        target=None if target is None else rf.Target(target),
        achieved=achieved,
        **fields,
    )


def programme(*indicators: rf.Indicator, activities: tuple[rf.Activity, ...] = ()) -> rf.Programme:
    output = rf.Output("1.1", "Output", indicators=indicators, activities=activities)
    return rf.Programme(
        "P",
        organisations=[rf.Organisation("IOM", "lead")],
        reporting_periods=["2024"],
        outcomes=[rf.Outcome("1", "Outcome", outputs=[output])],
    )


def found(p: rf.Programme, *codes: str) -> list[rf.Diagnostic]:
    return [d for d in rf.validate(p) if d.code in codes]


# -- the bundled example --------------------------------------------------------------------


class TestAnnualExample:
    def test_it_is_valid_and_says_its_figures_are_illustrative(self) -> None:
        p = rf.load(ANNUAL)
        assert [] == rf.validate(p)
        assert "illustrative" in p.title
        assert "Its figures are illustrative" in p.narrative["executive_summary"]

    def test_the_chain_of_referrals(self) -> None:
        p = rf.load(ANNUAL)
        assert ["1.1.4", "1.1.3"] == [i.code for i in part_chain(p, p.indicator("1.1.5"))]

    @pytest.mark.parametrize("locale", ["en", "fr", "ar"])
    def test_the_indicator_table(self, locale: str) -> None:
        golden(f"mptf-annual-{locale}.md", rf.render(rf.load(ANNUAL), "md", locale))

    def test_the_report(self) -> None:
        golden("report-annual-en.md", rf.report(rf.load(ANNUAL), "md"))


# -- parts of other figures -----------------------------------------------------------------


class TestParts:
    def test_a_part_within_its_whole_is_valid_and_shown_with_it(self) -> None:
        p = programme(count("1.1.1", 11729, 10000), count("1.1.2", 1148, 1000, part_of="1.1.1"))
        assert [] == found(p, "part-exceeds-whole")
        cells = {row.code: row for row in rf.indicator_table(p).rows}
        assert "1,148 persons of the 11,729 (indicator 1.1.1)" == cells["1.1.2"].cells[1].parts[0].text
        fr = {row.code: row for row in rf.indicator_table(p, locale="fr").rows}
        assert (
            "1\u202f148 persons sur les 11\u202f729 (indicateur 1.1.1)" == fr["1.1.2"].cells[1].parts[0].text
        )

    def test_a_part_larger_than_its_whole_names_the_period(self) -> None:
        p = programme(count("1.1.1", 1000, 900), count("1.1.2", 1148, 1000, part_of="1.1.1"))
        messages = {d.location(): d.message for d in found(p, "part-exceeds-whole")}
        assert {
            "outcomes[0].outputs[0].indicators[1].target.value": (
                "the target 1,000 is larger than 900, that of indicator 1.1.1, which it is part of"
            ),
            "outcomes[0].outputs[0].indicators[1].achieved[0].value": (
                "in 2024, 1,148 is larger than 1,000, that of indicator 1.1.1, which it is part of"
            ),
        } == messages
        assert all(d.severity is rf.Severity.ERROR for d in found(p, "part-exceeds-whole"))

    def test_milestones_are_compared_period_by_period(self) -> None:
        whole = rf.Indicator("1", "w", "count", milestones=[rf.Target(10, period="2024Q1")])
        part = rf.Indicator("2", "p", "count", part_of="1", milestones=[rf.Target(12, period="2024Q1")])
        (diagnostic,) = found(programme(whole, part), "part-exceeds-whole")
        assert ("milestones", 0, "value") == diagnostic.path[-3:]
        assert "2024Q1" in diagnostic.message

    def test_bounds_prove_only_what_they_bound(self) -> None:
        assert exceeds(300, 300, Q.MORE_THAN, Q.UP_TO)
        assert exceeds(301, 300)
        assert not exceeds(300, 300)
        assert not exceeds(300, 200, Q.AT_LEAST, Q.MORE_THAN)  # the whole may be far more
        assert not exceeds(900, 100, Q.AROUND)
        assert not exceeds(900, 100, None, Q.AROUND)
        assert not exceeds(300, None)

    def test_periods_of_differently_accumulated_figures_are_not_compared(self) -> None:
        whole = rf.Indicator(
            "1", "w", "count", achieved=[rf.Achieved("2024Q1", 10), rf.Achieved("2024Q2", 10)]
        )
        part = rf.Indicator(
            "2",
            "p",
            "count",
            part_of="1",
            accumulation="running_total",
            achieved=[rf.Achieved("2024Q1", 5), rf.Achieved("2024Q2", 15)],
        )
        assert [] == found(programme(whole, part), "part-exceeds-whole")  # 15 of 20 over the programme

    def test_unknown_codes_cycles_and_measures_are_refused(self) -> None:
        p = programme(
            count("1.1.1", None),
            count("1.1.2", None, part_of="1.1.11"),
            count("1.1.3", None, part_of="1.1.4"),
            count("1.1.4", None, part_of="1.1.3"),
            count("1.1.5", None, part_of="1.1.5"),
            count("1.1.6", None, part_of="1.1.7"),
            rf.Indicator("1.1.7", "share", "percentage"),
        )
        codes = {
            d.path[-2]: (d.code, d.message)
            for d in found(p, "part-of-unknown", "part-of-cycle", "part-of-measure")
        }
        assert codes[1] == (
            "part-of-unknown",
            "'1.1.11' is the code of no indicator of the programme; did you mean '1.1.1'?",
        )
        assert codes[2][0] == codes[3][0] == codes[4][0] == "part-of-cycle"
        assert "1.1.3 is part of 1.1.4, which is part of 1.1.3" in codes[2][1]
        assert codes[5] == (
            "part-of-measure",
            "it cannot be part of indicator 1.1.7: a count is part of a count, not of a percentage "
            "(a percentage may be a share of a count)",
        )

    def test_money_is_part_of_money_in_the_same_currency(self) -> None:
        whole = rf.Indicator("1", "w", "money", currency="USD")
        part = rf.Indicator("2", "p", "money", currency="EUR", part_of="1")
        (diagnostic,) = found(programme(whole, part), "part-of-measure")
        assert "an amount in EUR is not part of an amount in USD" in diagnostic.message


# -- one figure in two units ----------------------------------------------------------------


class TestTwoUnits:
    def households(self, *achieved: rf.Achieved) -> rf.Indicator:
        return rf.Indicator(
            "1.1.1",
            "Households sheltered",
            "count",
            unit="households",
            second_unit="individuals",
            target=rf.Target(5000, second_value=25000),
            achieved=achieved,
        )

    def test_the_assessment_stays_on_the_first_unit_and_sums_the_second(self) -> None:
        indicator = self.households(
            rf.Achieved("2024Q1", 2000, second_value=9000), rf.Achieved("2024Q2", 3168, second_value=16521)
        )
        item = rf.assess(programme(indicator))["1.1.1"]
        assert (5168, 25521) == (item.overall.achieved, item.overall.second)
        assert rf.Status.EXCEEDED == item.status
        assert Decimal("1.0336") == item.achievement_rate
        assert [9000, 16521] == [p.second for p in item.periods]

    def test_a_whole_is_not_made_of_some_values_second_figures(self) -> None:
        indicator = self.households(
            rf.Achieved("2024Q1", 2000, second_value=9000), rf.Achieved("2024Q2", 3168)
        )
        assert rf.assess(programme(indicator))["1.1.1"].overall.second is None

    @pytest.mark.parametrize(
        ("locale", "shown"),
        [
            ("en", "5,168 households (25,521 individuals)"),
            ("fr", "5\u202f168 households (25\u202f521 individuals)"),
            ("ar", "5,168 households (25,521 individuals)"),
        ],
    )
    def test_it_is_shown_in_both_units(self, locale: str, shown: str) -> None:
        p = programme(self.households(rf.Achieved("2024", 5168, second_value=25521)))
        (row,) = [r for r in rf.indicator_table(p, locale=locale).rows if r.kind == "indicator"]
        assert shown in row.cells[1].parts[0].text
        target = {part.key: part.text for part in row.cells[0].parts}["target"]
        thousands = {"en": ",", "fr": "\u202f", "ar": ","}[locale]
        assert f"5{thousands}000 households (25{thousands}000 individuals)" in target

    def test_a_second_figure_needs_its_unit_and_a_whole_number(self) -> None:
        p = programme(
            rf.Indicator("1", "a", "count", achieved=[rf.Achieved("2024", 5, second_value=20)]),
            rf.Indicator(
                "2",
                "b",
                "count",
                second_unit="individuals",
                achieved=[rf.Achieved("2024", 5, second_value=Decimal("20.5"))],
            ),
            rf.Indicator("3", "c", "yes_no", second_unit="individuals"),
        )
        assert [
            ("second-unit-missing", "second_value"),
            ("second-value-invalid", "second_value"),
            ("second-value-invalid", "second_unit"),
        ] == [(d.code, d.path[-1]) for d in found(p, "second-unit-missing", "second-value-invalid")]


# -- a share of a whole known only as a percent ---------------------------------------------


class TestShares:
    def test_no_whole_number_of_families_gives_83_67_percent_of_7309(self) -> None:
        share = Share(Decimal("83.67"), 7309)
        assert (Decimal("6115.4403"), Decimal("6115.07485"), Decimal("6115.80575")) == (
            share.part,
            share.low,
            share.high,
        )
        assert range(6116, 6116) == share.counts()
        assert [(6115, Decimal("83.66")), (6116, Decimal("83.68"))] == [
            (n, share.percent_of(n)) for n in share.neighbours()
        ]

    def test_the_warning_says_what_it_computed(self) -> None:
        indicator = rf.Indicator(
            "1", "Families better off", "percentage", unit="families",
            achieved=[rf.Achieved("2024", Decimal("83.67"), denominator=7309)],
        )  # fmt: skip
        (diagnostic,) = found(programme(indicator), "share-not-whole")
        assert rf.Severity.WARNING is diagnostic.severity
        assert (
            "83.67% of 7,309 is 6,115.44; no whole number of families gives 83.67% as stated "
            "(83.665% to 83.675%, 6,115.07 to 6,115.81): 6,115 is 83.66%, 6,116 is 83.68%"
        ) == diagnostic.message

    def test_a_share_that_a_whole_number_gives_is_valid(self) -> None:
        indicator = rf.Indicator(
            "1", "f", "percentage", achieved=[rf.Achieved("2024", Decimal("83.66"), denominator=7309)]
        )
        assert [] == found(programme(indicator), "share-not-whole", "denominator-invalid")

    def test_the_whole_comes_from_the_count_it_is_part_of(self) -> None:
        families = count("1", 7309, unit="families")
        share = rf.Indicator(
            "2", "f", "percentage", part_of="1", achieved=[rf.Achieved("2024", Decimal("83.67"))]
        )
        (diagnostic,) = found(programme(families, share), "share-not-whole")
        assert "no whole number of families" in diagnostic.message
        rows = {r.code: r for r in rf.indicator_table(programme(families, share)).rows}
        assert "83.67% of 7,309 families" == rows["2"].cells[1].parts[0].text

    @pytest.mark.parametrize(
        ("locale", "shown"),
        [
            ("en", "83.67% of 7,309 families"),
            ("fr", "83,67\u202f% des 7\u202f309 families"),
            ("ar", "83.67% من 7,309 families"),
        ],
    )
    def test_it_is_shown_with_its_whole_as_stated(self, locale: str, shown: str) -> None:
        indicator = rf.Indicator(
            "1", "f", "percentage", unit="families",
            achieved=[rf.Achieved("2024", Decimal("83.67"), denominator=7309)],
        )  # fmt: skip
        (row,) = [
            r for r in rf.indicator_table(programme(indicator), locale=locale).rows if r.kind == "indicator"
        ]
        assert shown in row.cells[1].parts[0].text

    def test_a_denominator_belongs_on_a_percent(self) -> None:
        p = programme(
            rf.Indicator("1", "a", "count", achieved=[rf.Achieved("2024", 5, denominator=10)]),
            rf.Indicator(
                "2", "b", "percentage", achieved=[rf.Achieved("2024", rf.Ratio(1, 2), denominator=2)]
            ),
            rf.Indicator("3", "c", "percentage", target=rf.Target(50, denominator=0)),
        )
        assert ["denominator-not-share", "denominator-not-share", "denominator-invalid"] == [
            d.code for d in found(p, "denominator-not-share", "denominator-invalid")
        ]


# -- activities -------------------------------------------------------------------------------


class TestActivities:
    def test_dates_and_lead_are_checked(self) -> None:
        activity = rf.Activity("1.1.1", "Train", start="2024-05-01", end="2024-03-01", lead="IMO")
        diagnostics = found(programme(activities=(activity,)), "end-before-start", "unknown-organisation")
        assert {("end-before-start", "end"), ("unknown-organisation", "lead")} == {
            (d.code, d.path[-1]) for d in diagnostics
        }
        assert "did you mean 'IOM'?" in next(
            d.message for d in diagnostics if d.code == "unknown-organisation"
        )

    def test_the_report_says_who_leads_it_and_when(self) -> None:
        activity = rf.Activity(
            "1.1.1", "Train", ["IOM"], start=date(2024, 3, 1), end=date(2024, 6, 30), lead="IOM"
        )
        p = programme(activities=(activity,))
        assert "Led by IOM, March–June 2024." in rf.report(p, "md")
        assert "Dirigée par IOM, mars–juin 2024." in rf.report(p, "md", locale="fr")
        table = rf.render(p, "md", include_activities=True)
        assert "Train (IOM) \u2014 led by IOM, March–June 2024" in table


# -- the file format ------------------------------------------------------------------------


class TestFormat:
    def test_the_new_fields_load_and_are_written_back(self) -> None:
        p = rf.load(ANNUAL)
        assert rf.loads(rf.dumps(p)) == p
        sheltered = p.indicator("2.1.1")
        assert ("individuals", 25521, 25000) == (
            sheltered.second_unit,
            sheltered.achieved[0].second_value,
            sheltered.target.second_value,  # type: ignore[union-attr]
        )

    def test_a_bad_figure_is_named_where_it_is(self) -> None:
        text = rf.dumps(
            programme(rf.Indicator("1", "a", "count", achieved=[rf.Achieved("2024", 5, second_value=6)])),
            "yaml",
        )
        with pytest.raises(rf.LoadError) as error:
            rf.loads(text.replace("second_value: 6", "second_value: six"), "yaml")
        assert "achieved[0].second_value" in str(error.value)
        assert "expected a number, found text 'six'" in str(error.value)


# -- frames and the tracker -------------------------------------------------------------------


class TestInterop:
    @pytest.mark.extras("pandas")
    def test_the_frame_carries_them_and_reads_back_as_it_was(self) -> None:
        p = rf.load(ANNUAL)
        frame = rf.to_dataframe(p)
        rows = frame[frame["row"] == "total"].set_index("indicator")
        assert ("1.1.1", "individuals", 25521) == (
            rows.loc["1.1.2", "part_of"],
            rows.loc["2.1.1", "second_unit"],
            rows.loc["2.1.1", "second_value"],
        )
        assert p == rf.from_dataframe(p, frame)

    @pytest.mark.extras("pandas")
    def test_a_value_changed_in_a_frame_loses_what_was_stated_of_the_old_one(self) -> None:
        p = rf.load(ANNUAL)
        frame = rf.to_dataframe(p)
        frame.loc[(frame["indicator"] == "2.1.1") & (frame["row"] == "total"), "value"] = 5200
        frame.loc[(frame["indicator"] == "2.1.4") & (frame["row"] == "total"), "value"] = 1600
        back = rf.from_dataframe(p, frame)
        assert (5200, None) == (
            back.indicator("2.1.1").achieved[0].value,
            back.indicator("2.1.1").achieved[0].second_value,
        )
        assert Q.MORE_THAN is back.indicator("2.1.4").achieved[0].qualifier  # unchanged: kept

    @pytest.mark.extras("openpyxl")
    def test_the_tracker_reads_the_annual_report_back_unchanged(self) -> None:
        p = rf.load(ANNUAL)
        assert p == rf.read_tracker(p, rf.tracker_workbook(p))


def test_the_iptt_shows_a_part_with_its_whole_as_the_indicator_table_does() -> None:
    text = rf.render(rf.load(ANNUAL), "md", template="iptt")
    assert "**Actual:** 1,148 persons of the 11,729 (indicator 1.1.1)" in text
    assert "**Actual:** 83.66% of 7,309 families" in text

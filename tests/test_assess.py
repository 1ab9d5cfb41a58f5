"""Assessment: achievement, variance, status and aggregation, as M&E officers compute them by hand."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultsframework as rf
from resultsframework import Accumulation, Achieved, Direction, Measure, Period, Ratio, Status
from resultsframework.core.numbers import total


def indicator(
    measure: Measure = Measure.COUNT,
    *,
    target: rf.Value | None = None,
    baseline: rf.Value | None = None,
    values: Mapping[str, rf.Value | None] | None = None,
    accumulation: Accumulation = Accumulation.SUM,
    direction: Direction = Direction.INCREASE,
    milestones: Mapping[str, rf.Value] | None = None,
    records: tuple[Achieved, ...] = (),
) -> rf.Indicator:
    achieved = records or tuple(Achieved(Period.parse(p), v) for p, v in (values or {}).items())
    return rf.Indicator(
        "1.1.1",
        "People trained",
        measure,
        direction=direction,
        accumulation=accumulation,
        baseline=rf.Baseline(baseline) if baseline is not None else None,
        target=rf.Target(target) if target is not None else None,
        milestones=tuple(rf.Target(v, period=Period.parse(p)) for p, v in (milestones or {}).items()),
        achieved=achieved,
    )


def programme(*indicators: rf.Indicator, start: str = "2025-01-01", end: str = "2025-12-31") -> rf.Programme:
    return rf.Programme(
        "P",
        dates=rf.Dates(start=rf.parse_date(start), actual_end=rf.parse_date(end)),
        outcomes=(rf.Outcome("1", "O", outputs=(rf.Output("1", "Out", indicators=indicators),)),),
    )


def overall(ind: rf.Indicator, as_of: date | None = None) -> rf.Progress:
    return rf.assess(programme(ind), as_of)["1.1.1"].overall


class TestSeedExample:
    """The figures issue #3 asks for, from seed 000's final report."""

    def test_exceeded_at_150_percent(self, example: rf.Programme) -> None:
        """1.1.1: 6 meetings held of 4 planned."""
        item = rf.assess(example)["1.1.1"]
        assert (Status.EXCEEDED, Decimal("1.5"), Decimal(2)) == (
            item.status,
            item.achievement_rate,
            item.overall.variance,
        )

    def test_not_achieved_at_a_third_with_its_reason(self, example: rf.Programme) -> None:
        """1.1.2: 20 partners of 60."""
        item = rf.assess(example)["1.1.2"]
        assert Status.NOT_ACHIEVED == item.status
        assert "33.3" == f"{item.overall.percent:.1f}"
        assert "60 members as a target is extremely high" in item.indicator.achieved[0].variance.reason  # type: ignore[union-attr]

    def test_yes_no_indicators_achieved(self, example: rf.Programme) -> None:
        assessment = rf.assess(example)
        yes_no = [i.code for i in example.indicators() if i.measure is Measure.YES_NO]
        assert 6 == len(yes_no)
        assert all(assessment[c].status is Status.ACHIEVED for c in yes_no)

    def test_not_conducted_with_their_reason(self, example: rf.Programme) -> None:
        assessment = rf.assess(example)
        for code in ("1.4.1", "1.4.2"):
            assert Status.NOT_CONDUCTED == assessment[code].status
            assert assessment[code].overall.achieved is None

    def test_no_validation_errors(self, example: rf.Programme) -> None:
        errors = [d for d in rf.validate(example) if d.severity is rf.Severity.ERROR]
        assert [] == errors

    def test_rollups(self, example: rf.Programme) -> None:
        assessment = rf.assess(example)
        assert {
            Status.EXCEEDED: 3,
            Status.ACHIEVED: 8,
            Status.NOT_ACHIEVED: 1,
            Status.NOT_CONDUCTED: 2,
        } == dict(assessment.counts())
        assert {Status.ACHIEVED: 5, Status.EXCEEDED: 1} == dict(assessment.counts_by("organisation")["UNDP"])
        assert {Status.ACHIEVED: 2, Status.NOT_CONDUCTED: 2} == dict(assessment.counts_by("output")["1/4"])
        assert 14 == sum(rf.status_counts([assessment]).values())


class TestDirection:
    def test_decrease_below_target_is_success_and_the_rate_agrees(self) -> None:
        """A decreasing indicator that goes below its target is exceeded, with a rate above 100 %."""
        progress = overall(
            indicator(
                target=10,
                baseline=20,
                values={"2025": 8},
                direction=Direction.DECREASE,
                accumulation=Accumulation.LEVEL,
            )
        )
        assert (Status.EXCEEDED, Decimal("1.25")) == (progress.status, progress.achievement_rate)
        assert Decimal("1.2") == progress.progress  # (8 - 20) / (10 - 20)

    def test_decrease_above_target_is_not_achieved_and_the_rate_agrees(self) -> None:
        progress = overall(
            indicator(
                target=10, values={"2025": 20}, direction=Direction.DECREASE, accumulation=Accumulation.LEVEL
            )
        )
        assert (Status.NOT_ACHIEVED, Decimal("0.5")) == (progress.status, progress.achievement_rate)

    def test_maintain_within_the_band(self) -> None:
        progress = overall(
            indicator(
                target=100, values={"2025": 90}, direction=Direction.MAINTAIN, accumulation=Accumulation.LEVEL
            )
        )
        assert Status.ACHIEVED == progress.status

    def test_progress_from_baseline(self) -> None:
        progress = overall(indicator(target=60, baseline=20, values={"2025": 40}))
        assert Decimal("0.5") == progress.progress


class TestStatus:
    def test_missing_is_never_zero(self) -> None:
        """No value reported is 'no data', not 0 % achieved."""
        progress = overall(indicator(target=10, values={"2025Q1": None}))
        assert (Status.NO_DATA, None, None) == (progress.status, progress.achieved, progress.achievement_rate)

    def test_zero_is_a_value(self) -> None:
        progress = overall(indicator(target=10, values={"2025Q1": 0}))
        assert (Status.NOT_ACHIEVED, 0, Decimal(0)) == (
            progress.status,
            progress.achieved,
            progress.achievement_rate,
        )

    def test_not_started_before_the_programme(self) -> None:
        assert Status.NOT_STARTED == overall(indicator(target=10), as_of=date(2024, 12, 1)).status

    def test_on_track_against_the_milestone_due(self) -> None:
        """Mid-programme, an indicator within 15 % of the milestone due is on track."""
        ind = indicator(target=100, values={"2025Q1": 22}, milestones={"2025Q1": 25, "2025Q2": 25})
        assert Status.ON_TRACK == overall(ind, as_of=date(2025, 4, 15)).status

    def test_behind_the_milestone_due(self) -> None:
        ind = indicator(target=100, values={"2025Q1": 20}, milestones={"2025Q1": 25})
        assert Status.BEHIND == overall(ind, as_of=date(2025, 4, 15)).status

    def test_band_is_configurable(self) -> None:
        ind = indicator(target=100, values={"2025Q1": 20}, milestones={"2025Q1": 25})
        assert Status.ON_TRACK == rf.assess(programme(ind), date(2025, 4, 15), band="0.25")["1.1.1"].status

    def test_without_milestones_the_due_target_is_pro_rata(self) -> None:
        """Half-way through the year, half the target is due."""
        ind = indicator(target=100, values={"2025Q1": 48})
        progress = overall(ind, as_of=date(2025, 7, 2))
        assert 50 == round(progress.due)  # type: ignore[arg-type]
        assert Status.ON_TRACK == progress.status

    def test_reaching_the_end_target_early_is_achieved(self) -> None:
        assert (
            Status.EXCEEDED
            == overall(indicator(target=10, values={"2025Q1": 12}), as_of=date(2025, 4, 1)).status
        )

    def test_yes_no_achieved_iff_equal_to_target(self) -> None:
        assert (
            Status.ACHIEVED == overall(indicator(Measure.YES_NO, target=True, values={"2025": True})).status
        )
        assert (
            Status.NOT_ACHIEVED
            == overall(indicator(Measure.YES_NO, target=True, values={"2025": False})).status
        )

    def test_qualitative_takes_the_stated_status(self) -> None:
        record = Achieved(Period.year(2025), "Policy drafted", status=Status.ON_TRACK)
        assert (
            Status.ON_TRACK
            == overall(indicator(Measure.QUALITATIVE, target="Policy adopted", records=(record,))).status
        )

    def test_a_value_without_a_target_is_not_assessed_rather_than_no_data(self) -> None:
        """Reported figures are never shown as 'no data' because nothing says what they should reach."""
        assert Status.NOT_ASSESSED == overall(indicator(values={"2025": 5})).status
        record = Achieved(Period.year(2025), "Policy drafted")
        no_status = indicator(Measure.QUALITATIVE, target="Policy adopted", records=(record,))
        assert Status.NOT_ASSESSED == overall(no_status).status
        per_period = rf.assess(
            programme(indicator(target=100, values={"2025Q1": 5}, milestones={"2025Q2": 50}))
        )
        assert [("2025Q1", Status.NOT_ASSESSED), ("2025Q2", Status.NO_DATA)] == [
            (str(p.period), p.status) for p in per_period["1.1.1"].periods
        ]

    def test_the_rate_is_capped_with_min_not_max(self) -> None:
        """Akvo's percent_accomplishment_100 used max(x, 100); the cap must be min."""
        assert Decimal(1) == overall(indicator(target=4, values={"2025": 6})).capped_rate
        assert Decimal("0.5") == overall(indicator(target=4, values={"2025": 2})).capped_rate

    def test_band_is_a_fraction_not_percent_points(self) -> None:
        """A 0–1 ratio is never compared with 85–115 (Tola's band is 0.85–1.15 of the target)."""
        ind = indicator(target=100, values={"2025Q1": 86}, milestones={"2025Q1": 100})
        assert Status.ON_TRACK == overall(ind, as_of=date(2025, 4, 1)).status
        ind = indicator(target=100, values={"2025Q1": 84}, milestones={"2025Q1": 100})
        assert Status.BEHIND == overall(ind, as_of=date(2025, 4, 1)).status


class TestAggregation:
    def test_summed_increments(self) -> None:
        progress = overall(indicator(target=100, values={"2025Q1": 10, "2025Q2": 15}))
        assert 25 == progress.achieved

    def test_running_totals_are_never_summed(self) -> None:
        """Akvo #5239: a cumulative indicator's actual is the latest value, not the sum."""
        ind = indicator(
            target=100, values={"2025Q1": 10, "2025Q2": 25}, accumulation=Accumulation.RUNNING_TOTAL
        )
        assert 25 == overall(ind).achieved

    def test_running_totals_take_the_latest_per_reporter_then_add(self) -> None:
        records = (
            Achieved(Period.quarter(2025, 1), 10, reported_by="IOM"),
            Achieved(Period.quarter(2025, 2), 25, reported_by="IOM"),
            Achieved(Period.quarter(2025, 1), 7, reported_by="UNDP"),
        )
        ind = indicator(target=100, records=records, accumulation=Accumulation.RUNNING_TOTAL)
        assert 32 == overall(ind).achieved

    def test_percentages_are_pooled_never_averaged(self) -> None:
        """Akvo #2446/#2181: 15/50 and 15/50 pool to 30/100, and 1/10 with 30/50 to 31/60, not 35 %."""
        ind = indicator(
            Measure.PERCENTAGE, target=50, values={"2025Q1": Ratio(1, 10), "2025Q2": Ratio(30, 50)}
        )
        progress = overall(ind)
        assert Ratio(31, 60) == progress.achieved
        assert Decimal(31) * 100 / Decimal(60) == progress.achieved.percent  # type: ignore[union-attr]

    def test_percentages_known_only_as_percent_are_not_aggregated(self) -> None:
        ind = indicator(Measure.PERCENTAGE, target=50, values={"2025Q1": 10, "2025Q2": 60})
        progress = overall(ind)
        assert (None, False) == (progress.achieved, progress.aggregatable)
        assert "numerator and denominator" in progress.notes[0]

    def test_a_later_edit_of_an_earlier_period_is_not_carried_forward(self) -> None:
        """Akvo #5241: correcting Q1 after Q2 was reported must not change the Q2 running total."""
        records = (
            Achieved(Period.quarter(2025, 1), 10, collected=date(2025, 4, 5)),
            Achieved(Period.quarter(2025, 2), 25, collected=date(2025, 7, 5)),
            Achieved(Period.quarter(2025, 1), 12, collected=date(2025, 8, 1)),
        )
        item = rf.assess(
            programme(indicator(target=100, records=records, accumulation=Accumulation.RUNNING_TOTAL))
        )
        assessment = item["1.1.1"]
        assert 25 == assessment.overall.achieved
        assert [12, 25] == [p.achieved for p in assessment.periods]

    def test_values_of_future_periods_are_not_shown(self) -> None:
        """Akvo #5212: nothing appears for periods that have not started."""
        ind = indicator(target=100, values={"2025Q1": 10, "2025Q3": 15})
        item = rf.assess(programme(ind), date(2025, 5, 1))["1.1.1"]
        assert 10 == item.overall.achieved
        assert [Period.quarter(2025, 1)] == [p.period for p in item.periods]

    def test_a_period_without_its_own_value_shows_none(self) -> None:
        """A cumulative period with no result of its own shows empty, not the earlier value."""
        ind = indicator(
            target=100,
            values={"2025Q1": 10},
            milestones={"2025Q2": 20},
            accumulation=Accumulation.RUNNING_TOTAL,
        )
        periods = rf.assess(programme(ind))["1.1.1"].periods
        assert [(Period.quarter(2025, 1), 10), (Period.quarter(2025, 2), None)] == [
            (p.period, p.achieved) for p in periods
        ]

    def test_nothing_is_rounded_before_aggregating(self) -> None:
        """Three thirds pool exactly to one whole; rounding each to 33 % first would give 99 %."""
        thirds = {f"2025Q{q}": Ratio(1, 3) for q in (1, 2, 3)}
        progress = overall(indicator(Measure.PERCENTAGE, target=100, values=thirds))
        assert Ratio(3, 9) == progress.achieved

    def test_end_target_is_not_the_sum_of_milestones_when_given(self) -> None:
        ind = indicator(target=50, values={"2025Q1": 40}, milestones={"2025Q1": 20, "2025Q2": 20})
        assert 50 == overall(ind).target

    @given(
        st.lists(
            st.tuples(st.integers(1, 4), st.integers(0, 1000)),
            min_size=1,
            max_size=4,
            unique_by=lambda t: t[0],
        ),
        st.randoms(),
    )
    def test_order_of_periods_does_not_matter(self, values, random) -> None:
        records = [Achieved(Period.quarter(2025, q), v) for q, v in values]
        shuffled = list(records)
        random.shuffle(shuffled)
        for accumulation in Accumulation:
            a = overall(indicator(target=100, records=tuple(records), accumulation=accumulation))
            b = overall(indicator(target=100, records=tuple(shuffled), accumulation=accumulation))
            assert a == b

    @given(
        st.lists(
            st.tuples(st.integers(0, 500), st.integers(1, 500)).filter(lambda t: t[0] <= t[1]),
            min_size=1,
            max_size=4,
        )
    )
    def test_pooling_equals_recomputing_from_raw_counts(self, counts) -> None:
        values = {f"2025Q{i + 1}": Ratio(n, d) for i, (n, d) in enumerate(counts)}
        pooled = overall(indicator(Measure.PERCENTAGE, target=50, values=values)).achieved
        assert isinstance(pooled, Ratio)
        assert sum(n for n, _ in counts) * 100 / Decimal(sum(d for _, d in counts)) == pooled.percent


class TestLookUp:
    def test_an_unknown_code_names_the_nearest(self, example: rf.Programme) -> None:
        with pytest.raises(KeyError, match=r"no indicator '1\.1\.9'; did you mean '1\.1\.4', '1\.1\.3'"):
            example.indicator("1.1.9")
        assessment = rf.assess(example)
        with pytest.raises(KeyError, match=r"did you mean '1\.4\.1'"):
            assessment["1.5.1"]
        assert ("1.1.1" in assessment, "1.5.1" in assessment, assessment.get("1.5.1")) == (True, False, None)


class TestRecording:
    """Recording a quarter's values in code: a new programme, the old one unchanged."""

    def test_a_new_quarter_is_added_in_period_order(self) -> None:
        before = programme(indicator(target=100, values={"2025Q1": 10, "2025Q3": 30}))
        after = before.with_achieved("1.1.1", Achieved(Period.quarter(2025, 2), 20))
        assert ["2025Q1", "2025Q2", "2025Q3"] == [r.period.id for r in after.indicator("1.1.1").achieved]
        assert 2 == len(before.indicator("1.1.1").achieved)
        assert 60 == rf.assess(after)["1.1.1"].overall.achieved

    def test_a_value_for_the_same_period_and_reporter_is_a_correction(self) -> None:
        records = (
            Achieved(Period.quarter(2025, 1), 10, reported_by="IOM"),
            Achieved(Period.quarter(2025, 1), 7, reported_by="UNDP"),
        )
        before = programme(indicator(target=100, records=records))
        after = before.with_achieved("1.1.1", Achieved(Period.quarter(2025, 1), 12, reported_by="IOM"))
        assert [(12, "IOM"), (7, "UNDP")] == [
            (r.value, r.reported_by) for r in after.indicator("1.1.1").achieved
        ]

    def test_every_other_part_of_the_programme_is_kept(self, example: rf.Programme) -> None:
        record = Achieved(Period.parse("2021-05-01/2021-12-30"), 7, narrative="7 Network meetings held.")
        after = example.with_achieved("1.1.1", record)
        assert record == after.indicator("1.1.1").achieved[0]
        assert [i.code for i in example.indicators()] == [i.code for i in after.indicators()]
        unchanged = [(a, b) for a, b in zip(example.indicators(), after.indicators(), strict=True)]
        assert 1 == sum(a != b for a, b in unchanged)
        assert attrs.evolve(after, outcomes=example.outcomes) == example

    def test_an_unknown_indicator_is_an_error_not_a_silent_no_op(self) -> None:
        with pytest.raises(KeyError, match=r"no indicator '9\.9\.9'"):
            programme(indicator(target=1)).with_achieved("9.9.9", Achieved(Period.year(2025), 1))


class TestDisaggregation:
    def breakdown(self, **cells: int) -> rf.Breakdown:
        return rf.Breakdown.by("sex", cells)

    def test_a_breakdown_from_its_values_by_category(self) -> None:
        assert rf.Breakdown(("sex",), (rf.Cell((("sex", "female"),), 80),)) == rf.Breakdown.by(
            "sex", {"female": 80}
        )
        cross = rf.Breakdown.by(("sex", "age"), {("female", "18-24"): 40, ("male", "60+"): 3}, complete=False)
        assert [(("sex", "female"), ("age", "18-24")), (("sex", "male"), ("age", "60+"))] == [
            c.categories for c in cross.cells
        ]
        assert not cross.complete
        with pytest.raises(ValueError, match="one category for each of the dimensions sex, age"):
            rf.Breakdown.by(("sex", "age"), {"female": 40})  # type: ignore[dict-item]

    def test_totals_and_shares(self) -> None:
        """13,271 women + 12,250 men = 25,521 individuals; women are 52 %."""
        b = self.breakdown(female=13271, male=12250)
        assert 25521 == rf.breakdown_total(b)
        assert "52.0" == f"{rf.shares(b, 'sex')['female'] * 100:.1f}"  # type: ignore[operator]

    def test_consistent_breakdown(self) -> None:
        assert [] == rf.check_breakdown(25521, self.breakdown(female=13271, male=12250))

    def test_inconsistent_breakdown(self) -> None:
        (found,) = rf.check_breakdown(25521, self.breakdown(female=13271, male=12249))
        assert (rf.Severity.ERROR, "breakdown-total", ()) == (found.severity, found.code, found.path)
        assert "the breakdown adds up to 25520 (13271 + 12249), not the reported total 25521" == found.message

    def test_partial_breakdown_may_not_exceed_the_total(self) -> None:
        """ "More than 868 women participated, around 32 %": a partial breakdown."""
        partial = rf.Breakdown(("sex",), (rf.Cell((("sex", "female"),), 868),), complete=False)
        assert [] == rf.check_breakdown(2700, partial)
        assert rf.check_breakdown(800, partial)

    def test_cross_tab_margins(self) -> None:
        b = rf.Breakdown(
            ("sex", "age"),
            (
                rf.Cell((("sex", "female"), ("age", "18-30")), 3),
                rf.Cell((("sex", "female"), ("age", "31-59")), 4),
                rf.Cell((("sex", "male"), ("age", "18-30")), 5),
            ),
        )
        assert {"female": 7, "male": 5} == rf.category_totals(b, "sex")
        assert {"18-30": 8, "31-59": 4} == rf.category_totals(b, "age")

    @pytest.mark.parametrize(
        ("text", "expected"), [("18-30", (18, 30)), ("60+", (60, None)), ("0 - 17", (0, 17))]
    )
    def test_age_ranges(self, text: str, expected: tuple[int, int | None]) -> None:
        age = rf.AgeRange.parse(text)
        assert expected == (age.minimum, age.maximum)


@pytest.mark.parametrize(
    ("measure", "value", "target"), [("yes_no", 1, True), ("count", True, 1), ("yes_no", True, 1)]
)
def test_a_number_never_meets_a_yes_no(measure: str, value: rf.Value, target: rf.Value) -> None:
    """1 == True in Python; in a results framework a count of 1 is not a "yes"."""
    indicator = rf.Indicator(
        "1.1", "x", measure, target=rf.Target(target), achieved=[rf.Achieved("2021Q1", value)]
    )
    programme = rf.Programme("p", outcomes=[rf.Outcome("1", "o", indicators=[indicator])])
    assert rf.Status.NOT_ASSESSED == rf.assess(programme)["1.1"].status


def _combined_by_key(ind: rf.Indicator, records: list[Achieved]) -> list[Achieved]:
    """The values that make the whole, chosen as the documentation says, by reporter and period."""
    latest: dict[tuple[str | None, Period], Achieved] = {}
    for record in records:
        if record.value is None:
            continue
        current = latest.get((record.reported_by, record.period))
        newer = current is None or (
            current.collected is None
            if record.collected is None
            else current.collected is None or record.collected >= current.collected
        )
        if newer:
            latest[record.reported_by, record.period] = record
    chosen = sorted(latest.values(), key=lambda r: (r.period.end, r.period.start))
    if ind.measure in (Measure.YES_NO, Measure.QUALITATIVE):
        return chosen[-1:]
    if ind.accumulation is not Accumulation.SUM:
        return list({r.reported_by: r for r in chosen}.values())
    return chosen


_records = st.lists(
    st.builds(
        Achieved,
        st.sampled_from(
            [Period.quarter(2025, q) for q in (1, 2, 3, 4)] + [Period.year(2025), Period.year(2024)]
        ),
        st.none() | st.integers(0, 50),
        reported_by=st.sampled_from([None, "IOM", "UNDP"]),
        collected=st.none() | st.sampled_from([date(2025, 3, 1), date(2025, 6, 1)]),
    ),
    max_size=6,
)


class TestCombinedRecords:
    """The usual case (one reporter, each period once, in order) is taken without keying and sorting."""

    @given(_records, st.booleans(), st.sampled_from(Accumulation), st.sampled_from(Measure))
    def test_the_same_values_as_choosing_by_reporter_and_period(
        self, records: list[Achieved], in_order: bool, accumulation: Accumulation, measure: Measure
    ) -> None:
        from resultsframework.assessment.progress import combined_records

        if in_order:  # one reporter, each period once, in order: the case the short way takes
            by_period = {(r.period.end, r.period.start): attrs.evolve(r, reported_by="IOM") for r in records}
            records = [by_period[key] for key in sorted(by_period)]
        ind = attrs.evolve(indicator(measure), accumulation=accumulation, achieved=tuple(records))
        assert _combined_by_key(ind, records) == combined_records(ind, records)

    def test_a_correction_in_order_still_replaces_the_value_it_corrects(self) -> None:
        first = Achieved(Period.quarter(2025, 1), 10, collected=date(2025, 4, 1))
        corrected = Achieved(Period.quarter(2025, 1), 12, collected=date(2025, 5, 1))
        later = Achieved(Period.quarter(2025, 2), 5)
        ind = indicator(records=(first, corrected, later))
        assert 17 == overall(ind).achieved


def _category_totals_cell_by_cell(b: rf.Breakdown, dimension: str) -> dict[str, rf.Value | None]:
    groups: dict[str, list[rf.Value]] = {}
    for cell in b.cells:
        category = cell.category(dimension)
        if category is not None:
            groups.setdefault(category, []).append(cell.value)
    return {category: total(values) for category, values in groups.items()}


class TestCategoryTotals:
    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["female", "male"]),
                st.sampled_from(["0-17", "18-59"]),
                st.integers(0, 100)
                | st.builds(Ratio, st.integers(0, 9), st.integers(1, 9))
                | st.just(Decimal("1.5")),
            ),
            max_size=6,
        ),
        st.sampled_from(["sex", "age", "disability"]),
    )
    def test_whole_numbers_added_as_they_come_give_the_same_margins(self, cells, dimension) -> None:
        b = rf.Breakdown(("sex", "age"), tuple(rf.Cell((("sex", s), ("age", a)), v) for s, a, v in cells))
        found = rf.category_totals(b, dimension)
        expected = _category_totals_cell_by_cell(b, dimension)
        assert expected == found
        assert list(expected) == list(found)  # in the order the categories are met

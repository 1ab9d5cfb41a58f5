"""
Building a programme in code is as safe as loading a file.

Constructors convert what users naturally pass (a list for a tuple, ``"count"`` for
``Measure.COUNT``, ``"2021Q3"`` for a period, ``"2021-05-01"`` for a date) and refuse at once,
naming the class and the field, what they cannot hold: a float, a value of the wrong type, a
word that is not one of an enumeration's.
"""

from __future__ import annotations

import datetime
import enum
import re
import types
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultsframework as rf

from .strategies import programmes

untyped: Any = rf
"""The package as code without a type checker sees it: mypy refuses most of what these tests pass."""
untyped_evolve: Any = attrs.evolve


def programme(*indicators: rf.Indicator) -> rf.Programme:
    output = rf.Output("1.1", "Output", indicators=list(indicators))
    return rf.Programme("A programme", outcomes=[rf.Outcome("1", "Outcome", outputs=[output])])


def error(build: Callable[[], object]) -> BaseException:
    with pytest.raises((TypeError, ValueError)) as info:
        build()
    return info.value


# -- conversions ----------------------------------------------------------------------------


class TestSequences:
    def test_a_list_becomes_a_tuple(self) -> None:
        indicator = rf.Indicator("1.1.1", "People trained", "count", disaggregation=["sex", "age"])
        assert ("sex", "age") == indicator.disaggregation
        assert tuple is type(indicator.disaggregation)

    def test_any_iterable_becomes_a_tuple(self) -> None:
        output = rf.Output("1.1", "Output", responsible=(org for org in ["IOM", "UNDP"]))
        assert ("IOM", "UNDP") == output.responsible
        assert ("IOM",) == rf.Output("1.1", "Output", responsible={"IOM": "lead"}.keys()).responsible

    def test_a_programme_built_with_lists_is_hashable_and_survives_a_round_trip(self) -> None:
        """Before: lists made a programme unhashable, and loads(dumps(p)) != p."""
        built = programme(
            rf.Indicator(
                "1.1.1",
                "People trained",
                "count",
                achieved=[rf.Achieved("2021Q3", 12, breakdowns=[rf.Breakdown.by("sex", {"female": 12})])],
            )
        )
        assert isinstance(hash(built), int)
        assert built == rf.loads(rf.dumps(built))
        assert hash(built) == hash(rf.loads(rf.dumps(built)))

    def test_a_text_is_not_a_list_of_texts(self) -> None:
        e = error(lambda: rf.Indicator("1.1.1", "x", "count", disaggregation="sex"))
        assert isinstance(e, TypeError)
        assert str(e) == (
            "Indicator.disaggregation: expected a list or tuple, each item a text (str), "
            "found str 'sex'; write ['sex'] for one"
        )

    def test_a_set_is_refused_for_it_has_no_order(self) -> None:
        e = error(lambda: rf.Output("1.1", "Output", responsible={"IOM", "UNDP"}))
        assert isinstance(e, TypeError)
        assert "a set has no order: use a list" in str(e)

    def test_a_mapping_is_refused(self) -> None:
        e = error(lambda: rf.Output("1.1", "Output", responsible={"IOM": "lead"}))
        assert isinstance(e, TypeError)
        assert str(e).startswith("Output.responsible: expected a list or tuple")

    def test_each_item_is_checked_and_named_by_its_index(self) -> None:
        e = error(lambda: untyped.Indicator("1.1.1", "x", "count", responsible=("IOM", 3)))
        assert isinstance(e, TypeError)
        assert "Indicator.responsible[1]: expected a text (str), found int 3" == str(e)
        e = error(lambda: untyped.Programme("P", outcomes=[untyped.Output("1.1", "An output")]))
        assert isinstance(e, TypeError)
        assert str(e).startswith("Programme.outcomes[0]: expected an Outcome, found Output Output(")


class TestEnumerations:
    def test_a_word_becomes_the_member(self) -> None:
        indicator = rf.Indicator("1.1.1", "x", "count", direction="decrease", accumulation="level")
        assert rf.Measure.COUNT is indicator.measure
        assert rf.Direction.DECREASE is indicator.direction
        assert rf.Accumulation.LEVEL is indicator.accumulation
        assert "Indicator('1.1.1', 'x', count, 0 values)" == repr(indicator)  # failed before
        assert rf.OrganisationRole.LEAD is rf.Organisation("IOM", "lead").role
        assert rf.Status.ON_TRACK is rf.Achieved("2021Q3", status="on_track").status
        assert rf.ActivityStatus.PLANNED is rf.Activity("1", "x", status="planned").status
        assert rf.VarianceCategory.BUDGET is rf.Variance("x", "budget").category
        money = rf.Money(Decimal(1), "USD")
        assert rf.ContributionSource.FUND is rf.Contribution("fund", money).source

    def test_an_unknown_word_names_the_choices_and_the_nearest(self) -> None:
        e = error(lambda: rf.Indicator("1.1.1", "x", "cont"))
        assert isinstance(e, rf.ResultsFrameworkError)
        assert isinstance(e, ValueError)
        assert str(e) == (
            "Indicator.measure: expected one of 'count', 'number', 'percentage', 'yes_no', "
            "'qualitative', 'money', 'ordinal'; found 'cont'; did you mean 'count'?"
        )

    def test_the_nearest_word_ignores_case_and_spaces(self) -> None:
        assert str(error(lambda: rf.Variance("x", "COVID19"))).endswith("did you mean 'covid19'?")
        assert str(error(lambda: rf.Achieved("2021Q3", status="On track"))).endswith(
            "did you mean 'on_track'?"
        )

    def test_another_type_is_refused(self) -> None:
        e = error(lambda: untyped.Indicator("1.1.1", "x", 1))
        assert isinstance(e, TypeError)
        assert "Indicator.measure: expected a Measure or one of its words (str), found int 1" == str(e)


class TestDates:
    def test_an_iso_text_becomes_a_date(self) -> None:
        dates = rf.Dates("2021-05-01", original_end="2021-12-30")
        assert datetime.date(2021, 5, 1) == dates.start
        assert datetime.date(2021, 12, 30) == dates.original_end
        assert datetime.date(2021, 6, 30) == rf.Evaluation(date="2021-06-30").date
        assert datetime.date(2021, 6, 30) == rf.Baseline(date="2021-06-30").date
        assert datetime.date(2021, 6, 30) == rf.Achieved("2021Q2", collected="2021-06-30").collected

    def test_a_date_as_reports_write_it_is_read_as_files_read_it(self) -> None:
        assert datetime.date(2021, 12, 30) == rf.Dates(start="30 December 2021").start

    def test_a_datetime_is_refused_not_cut_to_its_day(self) -> None:
        e = error(lambda: rf.Dates(datetime.datetime(2021, 5, 1, 10, 30)))
        assert isinstance(e, TypeError)
        assert str(e).startswith("Dates.start: expected a date, found datetime datetime.datetime(2021, 5, 1")
        assert str(e).endswith("pass its .date() (a datetime is refused, not cut to its day)")

    def test_a_date_of_a_subclass_becomes_a_plain_date(self) -> None:
        class Day(datetime.date):
            pass

        start = rf.Dates(Day(2021, 5, 1)).start
        assert datetime.date is type(start)
        assert datetime.date(2021, 5, 1) == start

    def test_a_text_that_is_no_date(self) -> None:
        e = error(lambda: rf.Dates("2021-13-01"))
        assert isinstance(e, rf.PeriodError)
        assert "Dates.start: not a real date: '2021-13-01' (month must be in 1..12)" == str(e)
        e = error(lambda: rf.Dates("01/05/2021"))
        assert isinstance(e, rf.PeriodError)
        assert str(e).startswith("Dates.start: expected a date such as '2021-12-30'")

    def test_another_type_is_refused(self) -> None:
        e = error(lambda: untyped.Evaluation(date=20210630))
        assert isinstance(e, TypeError)
        assert str(e).startswith("Evaluation.date: expected a date (datetime.date or a text such as")

    def test_a_period_of_texts(self) -> None:
        assert rf.Period.quarter(2021, 1) == rf.Period("2021-01-01", "2021-03-31")


class TestPeriods:
    @pytest.mark.parametrize(
        ("written", "period"),
        [
            ("2021Q3", rf.Period.quarter(2021, 3)),
            ("2021-05-01/2021-12-30", rf.Period(datetime.date(2021, 5, 1), datetime.date(2021, 12, 30))),
            ("May 2021", rf.Period.month(2021, 5)),
            (2021, rf.Period.year(2021)),
        ],
    )
    def test_a_text_or_a_year_becomes_a_period(self, written: str | int, period: rf.Period) -> None:
        assert period == rf.Achieved(written).period
        assert period == rf.Target(1, period=written).period
        assert (period,) == rf.Programme("P", reporting_periods=[written]).reporting_periods

    def test_a_text_that_is_no_period_names_the_field(self) -> None:
        e = error(lambda: rf.Achieved("2021Q5"))
        assert isinstance(e, rf.PeriodError)
        assert str(e).startswith("Achieved.period: expected a period such as '2021Q3'")
        e = error(lambda: rf.Programme("P", reporting_periods=["2021Q1", "FY2024"]))
        assert isinstance(e, rf.PeriodError)
        assert str(e).startswith("Programme.reporting_periods[1]: expected a period such as")
        assert str(e).endswith("write the dates, 2023-07-01/2024-06-30)")

    def test_a_year_out_of_range(self) -> None:
        e = error(lambda: rf.Achieved(0))
        assert isinstance(e, rf.PeriodError)
        assert "Achieved.period: a year is between 1 and 9999, not 0" == str(e)

    def test_another_type_is_refused(self) -> None:
        e = error(lambda: untyped.Achieved(datetime.date(2021, 5, 1)))
        assert isinstance(e, TypeError)
        assert str(e).startswith("Achieved.period: expected a Period, a text such as '2021Q3' or a year")
        assert isinstance(error(lambda: rf.Achieved(True)), TypeError)


class TestNumbers:
    def test_a_float_is_refused_everywhere_a_number_is(self) -> None:
        for build, where in [
            (lambda: untyped.Ratio(Decimal(15), 0.5), "Ratio.denominator"),
            (lambda: untyped.Money(0.1, "USD"), "Money.amount"),
            (lambda: untyped.Achieved("2021Q3", 1.5), "Achieved.value"),
            (lambda: untyped.Target(0.1), "Target.value"),
            (lambda: untyped.Baseline(2.0), "Baseline.value"),
            (lambda: untyped.Breakdown.by("sex", {"female": 1.5}), "Breakdown.cells[0].value"),
            (lambda: untyped.Baseline(year=2021.0), "Baseline.year"),
        ]:
            e = error(build)
            assert isinstance(e, TypeError)
            assert str(e).startswith(
                f"{where}: expected an exact number (int or decimal.Decimal), found float"
            )
            assert re.search(r"never holds floats: write Decimal\('[0-9.]+'\) or an int$", str(e))

    def test_the_float_message_says_what_to_write(self) -> None:
        assert str(error(lambda: untyped.Ratio(1, 0.1))).endswith("write Decimal('0.1') or an int")

    def test_a_bool_is_not_a_number(self) -> None:
        e = error(lambda: rf.Ratio(True, 2))
        assert isinstance(e, TypeError)
        assert str(e) == (
            "Ratio.numerator: expected an exact number (int or decimal.Decimal), found bool True; "
            "True and False are yes/no values, not numbers"
        )
        assert isinstance(error(lambda: rf.Money(False, "USD")), TypeError)

    def test_a_bool_is_a_yes_no_value(self) -> None:
        assert rf.Achieved("2021Q3", True).value is True

    def test_an_amount_of_money_is_a_decimal(self) -> None:
        assert Decimal("600000") == rf.Money("600000", "USD").amount
        assert Decimal is type(rf.Money(600000, "USD").amount)
        assert Decimal("1250.50") == rf.Money("1250.50", "USD").amount

    def test_a_text_that_is_no_amount(self) -> None:
        e = error(lambda: rf.Money("600,000", "USD"))
        assert isinstance(e, rf.ResultsFrameworkError)
        assert "Money.amount: expected an amount such as '600000' or '1250.50', found '600,000'" == str(e)

    def test_no_number_that_is_not_finite_or_too_long(self) -> None:
        e = error(lambda: rf.Achieved("2021Q3", Decimal("NaN")))
        assert isinstance(e, rf.ResultsFrameworkError)
        assert "Achieved.value: expected a finite number, found NaN" == str(e)
        assert isinstance(error(lambda: rf.Money(Decimal("Infinity"), "USD")), rf.ResultsFrameworkError)
        e = error(lambda: rf.Ratio(10**41, 1))
        assert "Ratio.numerator: number too large (more than 40 digits)" == str(e)

    def test_numbers_of_other_libraries_become_ints(self) -> None:
        numpy = pytest.importorskip("numpy")
        ratio = rf.Ratio(numpy.int64(15), numpy.int64(50))
        assert int is type(ratio.numerator)
        assert rf.Ratio(15, 50) == ratio
        assert isinstance(error(lambda: rf.Ratio(numpy.float64(0.5), 1)), TypeError)

    def test_a_value_of_another_type_is_refused(self) -> None:
        e = error(lambda: untyped.Achieved("2021Q3", [15, 50]))
        assert isinstance(e, TypeError)
        assert str(e) == (
            "Achieved.value: expected a value (bool, int, decimal.Decimal, Ratio or str), found list [15, 50]"
        )


class TestBreakdowns:
    def test_cells_from_pairs_and_mappings(self) -> None:
        breakdown = rf.Breakdown(
            ["sex"], [([["sex", "female"]], 80), ({"sex": "male"}, 91), rf.Cell((("sex", "other"),), 2)]
        )
        assert rf.Breakdown.by("sex", {"female": 80, "male": 91, "other": 2}) == breakdown
        assert all(type(cell) is rf.Cell for cell in breakdown.cells)
        assert (("sex", "female"),) == breakdown.cells[0].categories

    def test_a_cell_of_the_wrong_shape(self) -> None:
        e = error(lambda: untyped.Breakdown(["sex"], [80]))
        assert isinstance(e, TypeError)
        assert "Breakdown.cells[0]: expected a Cell(categories, value), found int 80" in str(e)
        assert str(e).endswith("Breakdown.by() builds cells from a mapping")
        e = error(lambda: untyped.Breakdown(["sex"], [untyped.Cell((("sex", 1),), 80)]))
        assert str(e) == (
            "Breakdown.cells[0].categories[0]: expected a pair of texts (dimension, category), found tuple ('sex', 1)"
        )


class TestWrongTypes:
    @pytest.mark.parametrize(
        ("build", "message"),
        [
            (
                lambda: untyped.Indicator("1.1.1", 3, "count"),
                "Indicator.statement: expected a text (str), found int 3",
            ),
            (
                lambda: untyped.Indicator("1.1.1", "x", "count", unit=5),
                "Indicator.unit: expected a text (str) or None, found int 5",
            ),
            (
                lambda: untyped.Indicator("1.1.1", "x", "count", target=5),
                "Indicator.target: expected a Target or None, found int 5",
            ),
            (
                lambda: untyped.Dimension("sex", summable="yes"),
                "Dimension.summable: expected True or False, found str 'yes'",
            ),
            (
                lambda: untyped.Dates(operationally_closed=1),
                "Dates.operationally_closed: expected True, False or None, found int 1",
            ),
            (
                lambda: untyped.Contribution("fund", 100),
                "Contribution.amount: expected a Money, found int 100",
            ),
            (
                lambda: untyped.Programme("P", narrative={"summary": 3}),
                "Programme.narrative['summary']: expected a text (str), found int 3",
            ),
            (
                lambda: untyped.Programme("P", narrative=["summary"]),
                "Programme.narrative: expected a mapping of names to texts (dict[str, str]), found list ['summary']",
            ),
            (lambda: untyped.Baseline(year="2021"), "Baseline.year: expected a year (int), found str '2021'"),
        ],
    )
    def test_a_wrong_type_names_the_class_the_field_and_what_was_expected(
        self, build: Callable[[], object], message: str
    ) -> None:
        e = error(build)
        assert isinstance(e, TypeError)
        assert message == str(e)

    def test_a_copy_made_with_evolve_is_checked_too(self) -> None:
        indicator = rf.Indicator("1.1.1", "x", "count")
        assert rf.Measure.MONEY is attrs.evolve(indicator, measure="money").measure
        assert isinstance(error(lambda: untyped_evolve(indicator, statement=None)), TypeError)

    def test_the_narrative_is_a_copy(self) -> None:
        sections = {"summary": "Done."}
        built = rf.Programme("P", narrative=types.MappingProxyType(sections))
        sections["summary"] = "Changed."
        assert {"summary": "Done."} == built.narrative


class TestErrors:
    def test_one_base_catches_every_error_on_bad_input(self) -> None:
        assert issubclass(rf.PeriodError, rf.ResultsFrameworkError)
        assert issubclass(rf.PeriodError, ValueError)
        with pytest.raises(rf.ResultsFrameworkError):
            rf.Period.parse("not a period")
        with pytest.raises(rf.ResultsFrameworkError):
            rf.parse_date("not a date")


# -- assess() --------------------------------------------------------------------------------


class TestAssess:
    def indicators(self) -> rf.Programme:
        return rf.Programme(
            "P",
            dates=rf.Dates("2025-01-01", "2025-12-31"),
            impact=rf.Impact(
                "Impact", indicators=[rf.Indicator("0.1", "Impact", "count", target=rf.Target(4))]
            ),
            outcomes=[
                rf.Outcome(
                    "1",
                    "Outcome",
                    indicators=[rf.Indicator("1.a", "Outcome", "count", target=rf.Target(10))],
                    outputs=[
                        rf.Output(
                            "1.1",
                            "Output",
                            indicators=[
                                rf.Indicator(
                                    "1.1.1",
                                    "Trained",
                                    "count",
                                    target=rf.Target(100),
                                    achieved=[rf.Achieved("2025Q1", 20), rf.Achieved("2025Q3", 30)],
                                )
                            ],
                        )
                    ],
                )
            ],
        )

    def test_as_of_takes_an_iso_date_text(self) -> None:
        built = self.indicators()
        assessment = rf.assess(built, as_of="2025-06-30")
        assert datetime.date(2025, 6, 30) == assessment.as_of
        assert rf.assess(built, datetime.date(2025, 6, 30)) == assessment
        assert [rf.Achieved("2025Q1", 20)] == list(assessment["1.1.1"].records)

    def test_every_indicator_in_the_order_of_walk(self) -> None:
        built = self.indicators()
        assessment = rf.assess(built)
        assert [n.item.code for n in built.walk("indicator")] == [a.code for a in assessment.indicators]
        assert [None, "1", "1"] == [a.outcome for a in assessment.indicators]
        assert [None, None, "1.1"] == [a.output for a in assessment.indicators]

    def test_band_takes_a_decimal_an_int_or_a_text(self) -> None:
        built = self.indicators()
        for band in (Decimal("0.25"), "0.25", 0):
            assert Decimal(band) == rf.assess(built, band=band).band

    def test_wrong_arguments_are_refused_at_once(self) -> None:
        built = self.indicators()
        e = error(lambda: rf.assess(built, as_of="30/06/2025"))
        assert isinstance(e, rf.PeriodError)
        assert str(e).startswith("assess(as_of=...): expected a date such as '2021-12-30'")
        e = error(lambda: rf.assess(built, as_of=datetime.datetime(2025, 6, 30, 12)))
        assert isinstance(e, TypeError)
        assert str(e).endswith("pass its .date()")
        e = error(lambda: untyped.assess(built, as_of=20250630))
        assert isinstance(e, TypeError)
        assert "assess(as_of=...) takes a date or a text such as '2025-06-30', not int 20250630" == str(e)
        e = error(lambda: untyped.assess(built, band=0.2))
        assert isinstance(e, TypeError)
        assert "never a float" in str(e)
        assert isinstance(error(lambda: rf.assess(built, band="wide")), rf.ResultsFrameworkError)
        assert isinstance(error(lambda: rf.assess(built, band="-0.1")), rf.ResultsFrameworkError)
        assert isinstance(error(lambda: untyped.assess("file.yaml")), TypeError)


# -- files stay as strict as they were ----------------------------------------------------------


def test_a_file_still_writes_what_the_format_asks() -> None:
    """What code may pass loosely (an amount as a text), a file must still write as a number."""
    text = '{"format": "resultsframework/1", "title": "P", "budget": {"total_approved": {"amount": "600000", "currency": "USD"}}}'
    with pytest.raises(
        rf.LoadError, match=r"budget\.total_approved\.amount: expected a number, found text '600000'"
    ):
        rf.loads(text)


def test_what_a_file_loads_equals_what_code_builds() -> None:
    text = rf.dumps(programme(rf.Indicator("1.1.1", "x", "count", achieved=[rf.Achieved("2021Q3", 5)])))
    loaded = rf.loads(text)
    assert programme(rf.Indicator("1.1.1", "x", "count", achieved=[rf.Achieved("2021Q3", 5)])) == loaded
    assert rf.Measure.COUNT is loaded.indicator("1.1.1").measure
    assert tuple is type(loaded.outcomes)


# -- the property: any programme, built loosely, is the programme -----------------------------------


@st.composite
def loosely(draw: st.DrawFn, value: Any) -> Any:
    """*value* rebuilt through the constructors, as a user may write it: lists, words, texts."""
    if isinstance(value, rf.Cell):
        pairs: list[Any] = [list(pair) if draw(st.booleans()) else pair for pair in value.categories]
        written = pairs if draw(st.booleans()) else dict(value.categories)
        return [written, draw(loosely(value.value))]
    if isinstance(value, rf.Period):
        if value.id.isdigit() and draw(st.booleans()):
            return int(value.id)
        return value.id if draw(st.booleans()) else value
    if isinstance(value, datetime.date):
        return value.isoformat() if draw(st.booleans()) else value
    if isinstance(value, enum.Enum):
        return value.value if draw(st.booleans()) else value
    if isinstance(value, rf.Money) and draw(st.booleans()):
        return rf.Money(str(value.amount), value.currency)
    if attrs.has(type(value)):
        fields = {f.name: draw(loosely(getattr(value, f.name))) for f in attrs.fields(type(value)) if f.init}
        return type(value)(**fields)
    if isinstance(value, tuple):
        items = [draw(loosely(item)) for item in value]
        return draw(st.sampled_from([items, tuple(items), iter(items)]))
    return value


@given(st.data())
def test_a_programme_built_with_lists_words_and_texts_is_the_programme(data: st.DataObject) -> None:
    """Built from the strategies with lists for tuples (and words, texts), it equals its round trip."""
    original = data.draw(programmes)
    built = data.draw(loosely(original))
    assert original == built
    assert hash(original) == hash(built)
    assert built == rf.loads(rf.dumps(built))
    assert built == rf.loads(rf.dumps(built, "yaml"), "yaml")


@pytest.mark.parametrize(
    "build",
    [
        lambda: rf.Programme("a\ud800"),
        lambda: rf.Indicator("1.1.1", "x", "count", disaggregation=["s\udc00"]),
        lambda: rf.Programme("t", narrative={"purpose": "v\ud800"}),
        lambda: rf.Achieved("2021Q3", 6, narrative="\udfff"),
    ],
)
def test_a_lone_surrogate_is_refused_in_code_as_in_files(build: Any) -> None:
    """Half of a JSON escape is no character: a YAML written from it could not be read back."""
    with pytest.raises(rf.ResultsFrameworkError, match=r"lone surrogate U\+D[89A-F][0-9A-F]{2}"):
        build()


# -- objects built by the million ---------------------------------------------------------

from resultsframework.core.building import unchecked_constructor  # noqa: E402
from resultsframework.tables.table import Part, new_part  # noqa: E402


@given(
    key=st.text(max_size=8),
    heading=st.text(max_size=8),
    text=st.text(max_size=20),
    prefix=st.none() | st.text(max_size=8),
    flat_only=st.booleans(),
    number=st.none() | st.integers() | st.decimals(allow_nan=False, allow_infinity=False),
    percent=st.booleans(),
)
def test_a_part_built_fast_is_the_part(
    key: str, heading: str, text: str, prefix: str | None, flat_only: bool, number: Any, percent: bool
) -> None:
    fields = {"prefix": prefix, "flat_only": flat_only, "number": number, "percent": percent}
    built = new_part(key, heading, text, **fields)
    assert type(built) is Part
    assert built == Part(key, heading, text, **fields)
    assert hash(built) == hash(Part(key, heading, text, **fields))
    assert new_part(key, heading, text) == Part(key, heading, text)  # the defaults
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.text = "changed"  # type: ignore[misc]


def _ints(values: list[int] | tuple[int, ...]) -> tuple[int, ...]:
    return tuple(values)


def test_an_unchecked_constructor_keeps_defaults_factories_and_cached_hashes() -> None:
    @attrs.frozen(cache_hash=True)
    class Sample:
        a: int
        b: tuple[int, ...] = attrs.field(default=(), converter=_ints)
        c: list[int] = attrs.field(factory=list, hash=False)
        d: str = attrs.field(init=False, default="fixed")

    build = unchecked_constructor(Sample)
    assert build(1) == Sample(1)
    assert build(1).c is not build(1).c  # a new list each time, as the class makes
    assert build(1, b=(2,)).d == "fixed"
    assert hash(build(1, (2,), [3])) == hash(Sample(1, (2,), [3]))
    assert build(1, [2]).b == [2]  # as given: the converter is what it skips


def test_checks_that_must_run_are_never_skipped() -> None:
    @attrs.frozen
    class Checked:
        a: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.define
    class Hooked:
        a: int

        def __attrs_post_init__(self) -> None:
            self.a += 1

    for cls in (Checked, Hooked):
        with pytest.raises(TypeError, match="must not be skipped"):
            unchecked_constructor(cls)

"""Hypothesis strategies for the model: any programme the format can hold."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

import attrs
from hypothesis import strategies as st

import resultsframework as rf

texts = st.text(max_size=30)
short_texts = st.text(min_size=1, max_size=12)
codes = st.from_regex(r"\A[0-9A-Za-z]([0-9A-Za-z.\- ]{0,6}[0-9A-Za-z])?\Z")
dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))
ints = st.integers(min_value=-(10**15), max_value=10**15)
decimals = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, allow_infinity=False, places=4
)
numbers = st.one_of(ints, decimals)


@st.composite
def periods(draw: st.DrawFn) -> rf.Period:
    start = draw(dates)
    end = draw(dates)
    return rf.Period(start, end)


ratios = st.builds(rf.Ratio, numbers, numbers)
values = st.one_of(st.booleans(), ints, decimals, ratios, texts)
links = st.builds(rf.FrameworkLink, st.from_regex(r"\A[a-z][a-z0-9\-]{0,10}\Z"), codes)


def tuples(strategy: st.SearchStrategy[object], max_size: int = 3) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


dimension_names = short_texts.filter(lambda s: s != "value")


@st.composite
def breakdowns(draw: st.DrawFn) -> rf.Breakdown:
    dims = tuple(draw(st.lists(dimension_names, min_size=1, max_size=2, unique=True)))
    cells = draw(
        st.lists(
            st.builds(
                rf.Cell,
                st.tuples(*(st.tuples(st.just(d), short_texts) for d in dims)),
                values,
            ),
            max_size=3,
        )
    )
    return rf.Breakdown(dims, tuple(cells), draw(st.booleans()), draw(st.none() | texts))


def optional(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


variances = st.builds(rf.Variance, texts, optional(st.sampled_from(rf.VarianceCategory)))
qualifiers = optional(st.sampled_from(rf.Qualifier))
baselines = st.builds(
    rf.Baseline,
    optional(values),
    optional(texts),
    optional(dates),
    optional(ints),
    qualifiers,
    second_value=optional(numbers),
    denominator=optional(numbers),
)
targets = st.builds(
    rf.Target,
    optional(values),
    optional(texts),
    optional(periods()),
    tuples(breakdowns(), 2),
    qualifiers,
    second_value=optional(numbers),
    denominator=optional(numbers),
)
achieved = st.builds(
    rf.Achieved,
    periods(),
    optional(values),
    optional(texts),
    optional(variances),
    optional(texts),
    tuples(breakdowns(), 2),
    optional(st.sampled_from(rf.Status)),
    optional(short_texts),
    optional(dates),
    optional(texts),
    qualifiers,
    second_value=optional(numbers),
    denominator=optional(numbers),
)
scale_options = st.builds(rf.ScaleOption, short_texts, optional(texts), optional(numbers))
scales = st.builds(
    rf.Scale, tuples(scale_options, 5), st.integers(0, 6), st.sampled_from(rf.ScaleSummary), short_texts
)
indicators = st.builds(
    rf.Indicator,
    codes,
    texts,
    st.sampled_from(rf.Measure),
    optional(texts),
    st.sampled_from(rf.Direction),
    st.sampled_from(rf.Accumulation),
    optional(st.sampled_from(["USD", "EUR", "IQD"])),
    tuples(short_texts),
    optional(texts),
    tuples(short_texts),
    optional(baselines),
    optional(targets),
    tuples(targets, 2),
    tuples(achieved, 3),
    tuples(links),
    collection_method=optional(texts),
    frequency=optional(st.sampled_from(rf.Frequency)),
    collected_by=tuples(short_texts),
    scale=optional(scales),
    population=optional(codes),
    part_of=optional(codes),
    second_unit=optional(texts),
)
risks = st.builds(
    rf.Risk,
    texts,
    st.sampled_from(rf.RiskKind),
    optional(st.sampled_from(rf.RiskLevel)),
    optional(st.sampled_from(rf.RiskLevel)),
    optional(texts),
    optional(short_texts),
    optional(st.sampled_from(rf.RiskStatus)),
)
lessons = st.builds(rf.Lesson, texts, tuples(codes))
recommendations = st.builds(rf.Recommendation, texts, tuples(short_texts), tuples(codes))
activities = st.builds(
    rf.Activity,
    codes,
    texts,
    tuples(short_texts),
    optional(st.sampled_from(rf.ActivityStatus)),
    optional(texts),
    optional(texts),
    tuples(links),
    start=optional(dates),
    end=optional(dates),
    lead=optional(short_texts),
)
outputs = st.builds(
    rf.Output,
    codes,
    texts,
    tuples(short_texts),
    optional(texts),
    tuples(indicators, 2),
    tuples(activities, 2),
    tuples(links),
    risks=tuples(risks, 2),
)
outcomes = st.builds(
    rf.Outcome,
    codes,
    texts,
    tuples(short_texts),
    optional(texts),
    tuples(indicators, 2),
    tuples(outputs, 2),
    tuples(links),
    risks=tuples(risks, 2),
)
money = st.builds(rf.Money, decimals, st.sampled_from(["USD", "EUR", "IQD"]))
sectors = st.builds(rf.Sector, short_texts, short_texts, optional(decimals), optional(texts))
programmes = st.builds(
    rf.Programme,
    texts,
    language=optional(short_texts),
    identifiers=tuples(st.builds(rf.Identifier, short_texts, short_texts)),
    organisations=tuples(
        st.builds(
            rf.Organisation,
            short_texts,
            st.sampled_from(rf.OrganisationRole),
            optional(texts),
            optional(short_texts),
        )
    ),
    country=optional(texts),
    localities=tuples(st.builds(rf.Location, texts, optional(short_texts))),
    sectors=tuples(sectors),
    priority_area=optional(texts),
    budget=optional(
        st.builds(
            rf.Budget,
            optional(money),
            tuples(
                st.builds(rf.Contribution, st.sampled_from(rf.ContributionSource), money, optional(texts))
            ),
        )
    ),
    dates=optional(
        st.builds(
            rf.Dates,
            optional(dates),
            optional(dates),
            optional(dates),
            optional(texts),
            optional(dates),
            optional(st.booleans()),
        )
    ),
    reporting_periods=tuples(periods()),
    evaluation=optional(
        st.builds(
            rf.Evaluation, optional(st.booleans()), optional(dates), optional(st.booleans()), optional(dates)
        )
    ),
    submitted_by=optional(st.builds(rf.Contact, texts, optional(texts), optional(texts), optional(texts))),
    narrative=st.dictionaries(short_texts, texts, max_size=3),
    dimensions=tuples(
        st.builds(rf.Dimension, dimension_names, optional(texts), tuples(short_texts), st.booleans())
    ),
    links=tuples(links),
    impact=optional(
        st.builds(
            rf.Impact,
            texts,
            optional(codes),
            optional(texts),
            tuples(indicators, 1),
            tuples(links),
            risks=tuples(risks, 1),
        )
    ),
    outcomes=tuples(outcomes, 2),
    risks=tuples(risks, 2),
    lessons=tuples(lessons, 2),
    recommendations=tuples(recommendations, 2),
)


# -- programmes as reports hold them: every value fits its indicator's measure ----------------

safe_names = st.from_regex(r"\A[a-z][a-z0-9_\-]{0,8}\Z")
"""Dimension and category names as programmes write them (``sex``, ``18-24``, ``business_grant``)."""
quarters = st.builds(rf.Period.quarter, st.integers(2020, 2030), st.integers(1, 4))
_VALUES: dict[rf.Measure, st.SearchStrategy[rf.Value]] = {
    rf.Measure.COUNT: st.integers(0, 10**9),
    rf.Measure.NUMBER: numbers,
    rf.Measure.MONEY: st.decimals(min_value=0, max_value=Decimal("1e9"), places=2),
    rf.Measure.PERCENTAGE: st.one_of(
        st.builds(rf.Ratio, st.integers(0, 1000), st.integers(1, 1000)),
        st.decimals(min_value=0, max_value=100, places=2),
    ),
    rf.Measure.YES_NO: st.booleans(),
    rf.Measure.QUALITATIVE: st.text(min_size=1, max_size=30),
    rf.Measure.ORDINAL: st.decimals(min_value=0, max_value=100, places=1),
}
"""Values that fit each measure; an ordinal indicator's, its target (a share in percent)."""
AGREEMENT = rf.Scale(
    tuple(
        rf.ScaleOption(word, score=n)
        for n, word in enumerate(("strongly_disagree", "disagree", "neutral", "agree", "strongly_agree"), 1)
    )
)


@st.composite
def reported_indicators(draw: st.DrawFn, code: str) -> rf.Indicator:
    measure = draw(st.sampled_from(rf.Measure))
    value = _VALUES[measure]
    numeric = measure in (rf.Measure.COUNT, rf.Measure.NUMBER, rf.Measure.MONEY)
    keys = draw(
        st.lists(st.tuples(quarters, st.none() | st.sampled_from(["IOM", "UNDP"])), max_size=3, unique=True)
    )
    records = []
    for period, reporter in keys:
        breakdowns: tuple[rf.Breakdown, ...] = ()
        answered: int | None = None
        if measure is rf.Measure.ORDINAL and draw(st.booleans()):  # respondents per answer
            ids = [option.id for option in AGREEMENT.options]
            chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=5, unique=True))
            counts = {answer: draw(st.integers(0, 50)) for answer in sorted(chosen, key=ids.index)}
            breakdowns = (rf.Breakdown.by("response", counts),)
            answered = sum(counts.values())
        elif numeric and draw(st.booleans()):
            dimension = draw(safe_names | st.sampled_from(["sex", "status", "source", "period"]))
            categories = draw(st.lists(safe_names, min_size=1, max_size=3, unique=True))
            cells = {category: draw(st.integers(0, 1000)) for category in categories}
            breakdowns = (rf.Breakdown.by(dimension, cells, complete=draw(st.booleans())),)
        variance = draw(
            optional(
                st.builds(
                    rf.Variance,
                    st.text(min_size=1, max_size=30),
                    optional(st.sampled_from(rf.VarianceCategory)),
                )
            )
        )
        stated = answered if measure is rf.Measure.ORDINAL else draw(st.none() | value)
        figure = (
            stated is not None and not isinstance(stated, bool | str) and measure is not rf.Measure.ORDINAL
        )
        records.append(
            rf.Achieved(
                period,
                stated,
                qualifier=draw(st.none() | st.sampled_from(rf.Qualifier))
                if figure
                else None,  # "more than 1,600"
                narrative=draw(st.none() | texts),
                variance=variance,  # type: ignore[arg-type]
                source=draw(st.none() | texts),
                breakdowns=breakdowns,
                reported_by=reporter,
                comment=draw(st.none() | texts),
            )
        )
    return rf.Indicator(
        code,
        draw(st.text(min_size=1, max_size=30)),
        measure,
        target=rf.Target(draw(value)),
        achieved=tuple(sorted(records, key=lambda r: (r.period.start, r.reported_by or ""))),
        scale=AGREEMENT if measure is rf.Measure.ORDINAL else None,
    )


@st.composite
def reported_programmes(draw: st.DrawFn) -> rf.Programme:
    """A programme with one outcome and output, and indicators whose values fit their measure."""
    count = draw(st.integers(1, 4))
    indicators = tuple(draw(reported_indicators(f"1.1.{n}")) for n in range(1, count + 1))
    output = rf.Output("1", "Output", indicators=indicators)
    return rf.Programme(
        draw(st.text(min_size=1, max_size=30)),
        organisations=(
            rf.Organisation("IOM", rf.OrganisationRole.LEAD),
            rf.Organisation("UNDP", rf.OrganisationRole.PARTICIPATING),
        ),
        outcomes=(rf.Outcome("1", "Outcome", outputs=(output,)),),
    )


# -- programmes that state what IATI requires: any of them exports with no error by IATI's rules --

IATI_COUNTRIES = (
    "Iraq",
    "IQ",
    "UK",
    "Türkiye",
    "Turkey",
    "Palestine",
    "Middle East",
    "libya",
    "Côte d’Ivoire",
)
"""Countries (and a region) as programmes write them, each one IATI's codelists know."""
IATI_SECTORS = (
    (rf.Sector("15190"),),
    (rf.Sector("15190", percentage=Decimal(60)), rf.Sector("16010", percentage=Decimal(40))),
    (rf.Sector("15190"), rf.Sector("151", "2"), rf.Sector("M-1", "99", name="Migration governance")),
    (rf.Sector("10", "7"), rf.Sector("10.7", "8"), rf.Sector("72010")),
)
"""Sectors as IATI takes them: DAC 5-digit codes, several with their shares, other vocabularies."""


@st.composite
def iati_programmes(draw: st.DrawFn) -> rf.Programme:
    """Any programme, with what IATI requires stated: a title, lead identifier, number, country,
    sectors, a start, dates in order, a language of the codelist."""
    programme = draw(programmes)
    start = draw(dates)
    ends = [
        cast("date | None", draw(optional(st.dates(min_value=start, max_value=date(2100, 12, 31)))))
        for _ in range(2)
    ]
    stated = programme.dates or rf.Dates()
    lead = rf.Organisation(
        "IOM", rf.OrganisationRole.LEAD, cast("str | None", draw(optional(texts))), "XM-DAC-47066"
    )
    impact = programme.impact
    if impact is not None and not (impact.statement.strip() or (impact.code or "").strip()):
        impact = attrs.evolve(impact, statement="Impact")
    return attrs.evolve(
        programme,
        impact=impact,
        title=draw(st.from_regex(r"\A\w.{0,20}\Z")),
        language=cast("str | None", draw(optional(st.sampled_from(["en", "fr", "ar", "EN"])))),
        identifiers=(
            *programme.identifiers,
            rf.Identifier("mptf_project", draw(st.from_regex(r"\A[0-9A-Za-z][0-9A-Za-z /&?-]{0,10}\Z"))),
        ),
        organisations=(lead, *programme.organisations),
        country=draw(st.sampled_from(IATI_COUNTRIES)),
        sectors=draw(st.sampled_from(IATI_SECTORS)),
        dates=attrs.evolve(stated, start=start, original_end=ends[0], actual_end=ends[1]),
    )

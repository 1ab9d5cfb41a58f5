"""Hypothesis strategies for the model: any programme the format can hold."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

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
baselines = st.builds(rf.Baseline, optional(values), optional(texts), optional(dates), optional(ints))
targets = st.builds(
    rf.Target, optional(values), optional(texts), optional(periods()), tuples(breakdowns(), 2)
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
)
activities = st.builds(
    rf.Activity,
    codes,
    texts,
    tuples(short_texts),
    optional(st.sampled_from(rf.ActivityStatus)),
    optional(texts),
    optional(texts),
    tuples(links),
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
)
money = st.builds(rf.Money, decimals, st.sampled_from(["USD", "EUR", "IQD"]))
programmes = st.builds(
    rf.Programme,
    texts,
    identifiers=tuples(st.builds(rf.Identifier, short_texts, short_texts)),
    organisations=tuples(
        st.builds(rf.Organisation, short_texts, st.sampled_from(rf.OrganisationRole), optional(texts))
    ),
    country=optional(texts),
    localities=tuples(st.builds(rf.Location, texts, optional(short_texts))),
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
        st.builds(rf.Impact, texts, optional(codes), optional(texts), tuples(indicators, 1), tuples(links))
    ),
    outcomes=tuples(outcomes, 2),
)

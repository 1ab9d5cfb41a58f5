"""
The benchmark portfolio's documents as msgspec Structs: the anchor of loading, msgspec decoding
the same lines into typed objects of the same shape (needs the ``bench`` extra, msgspec).

The shape is what portfolio.py writes, each object refusing unknown fields as the loader does;
msgspec checks the types as it decodes.  It does not check what the loader checks beyond that
(duplicate keys, which msgspec keeps the last of; periods, dates' ranges, codes, links,
categories): it is the floor of decoding into typed objects, not a loader.
"""

import datetime

import msgspec


class Ratio(msgspec.Struct, forbid_unknown_fields=True):
    numerator: int
    denominator: int


class Breakdown(msgspec.Struct, forbid_unknown_fields=True):
    dimensions: list[str]
    cells: list[dict[str, str | int]]
    complete: bool = True
    explanation: str | None = None


class Variance(msgspec.Struct, forbid_unknown_fields=True):
    reason: str
    category: str | None = None


class Achieved(msgspec.Struct, forbid_unknown_fields=True):
    period: str
    value: int | Ratio | None = None
    breakdowns: list[Breakdown] = []
    variance: Variance | None = None


class Stated(msgspec.Struct, forbid_unknown_fields=True):
    value: int | None = None


class Indicator(msgspec.Struct, forbid_unknown_fields=True):
    code: str
    statement: str
    measure: str
    unit: str | None = None
    accumulation: str = "sum"
    responsible: list[str] = []
    baseline: Stated | None = None
    target: Stated | None = None
    achieved: list[Achieved] = []
    links: list[str] = []


class Output(msgspec.Struct, forbid_unknown_fields=True):
    code: str
    statement: str
    indicators: list[Indicator] = []


class Outcome(msgspec.Struct, forbid_unknown_fields=True):
    code: str
    statement: str
    outputs: list[Output] = []


class Identifier(msgspec.Struct, forbid_unknown_fields=True):
    scheme: str
    id: str


class Organisation(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    role: str


class Dates(msgspec.Struct, forbid_unknown_fields=True):
    start: datetime.date
    original_end: datetime.date


class Programme(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    title: str
    identifiers: list[Identifier]
    organisations: list[Organisation]
    dates: Dates
    reporting_periods: list[str]
    outcomes: list[Outcome]


decoder = msgspec.json.Decoder(Programme)
"""Decodes one line of the portfolio."""

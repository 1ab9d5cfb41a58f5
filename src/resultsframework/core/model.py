"""
The typed core: a programme's results framework as frozen attrs classes.

The classes hold what a programme document and its reports state, in the field's
own words: outcomes, outputs, activities, indicators, baselines, targets,
achieved values, variance explanations and sources of verification.  They do not
compute (see :mod:`resultsframework._assess`) and do not judge (see
:mod:`resultsframework._validate`): a file that states something odd still loads,
so that it can be reported on.

Numbers are ``int`` or :class:`decimal.Decimal`, never ``float``.

Building in code is as safe as loading a file: the constructors convert what users naturally
write (a list for a tuple, ``"count"`` for :attr:`Measure.COUNT`, ``"2021Q3"`` for a
:class:`Period`, ``"2021-05-01"`` for a date) and refuse at once, naming the class and the
field, what the model cannot hold (a float, a value of the wrong type, an unknown word).
"""

from __future__ import annotations

import datetime
import enum
import numbers
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Literal, NamedTuple, TypeAlias, TypeVar, overload

import attrs

from .errors import did_you_mean, lone_surrogate, no_such, shorten, surrogate_message, wrong_type, wrong_value
from .periods import Period, to_date, to_period

__all__ = [
    "Accumulation",
    "Achieved",
    "Activity",
    "ActivityStatus",
    "Annex",
    "Baseline",
    "Breakdown",
    "Budget",
    "Cell",
    "Contact",
    "Contribution",
    "ContributionSource",
    "Dates",
    "Dimension",
    "Direction",
    "Evaluation",
    "FrameworkLink",
    "Frequency",
    "Identifier",
    "Impact",
    "Indicator",
    "Lesson",
    "Location",
    "Measure",
    "Money",
    "Node",
    "NodeKind",
    "Number",
    "Organisation",
    "OrganisationRole",
    "Outcome",
    "Output",
    "Programme",
    "Qualifier",
    "Ratio",
    "Recommendation",
    "Risk",
    "RiskKind",
    "RiskLevel",
    "RiskStatus",
    "Scale",
    "ScaleOption",
    "ScaleSummary",
    "Sector",
    "Status",
    "Target",
    "Value",
    "Variance",
    "VarianceCategory",
]


class _Choice(enum.StrEnum):
    """An enumeration whose values are the words written in files."""


class OrganisationRole(_Choice):
    """The part an organisation plays in a programme."""

    LEAD = "lead"
    """Lead or coordinating organisation (the MPTF's "Coordinating organization")."""
    PARTICIPATING = "participating"
    """Participating UN organisation receiving funds directly."""
    IMPLEMENTING_PARTNER = "implementing_partner"
    DONOR = "donor"
    GOVERNMENT_COUNTERPART = "government_counterpart"


class ContributionSource(_Choice):
    """Where a contribution to the programme budget comes from."""

    FUND = "fund"
    """The pooled fund itself (MPTF / joint programme contribution)."""
    AGENCY = "agency"
    DONOR = "donor"
    GOVERNMENT = "government"
    OTHER = "other"


class Measure(_Choice):
    """What kind of value an indicator takes."""

    COUNT = "count"
    """A whole number of things or people (meetings, participants, households)."""
    NUMBER = "number"
    """Any other quantity (an average, a score, a rate that is not a share)."""
    PERCENTAGE = "percentage"
    """A share in percent, best kept as numerator and denominator, a :class:`Ratio`."""
    YES_NO = "yes_no"
    """A yes/no statement, ``true`` or ``false``."""
    QUALITATIVE = "qualitative"
    """A text; its status is the one the report states."""
    MONEY = "money"
    """An amount in the indicator's currency."""
    ORDINAL = "ordinal"
    """Answers on an ordered scale (a Likert-type question): the value is the number of
    respondents, broken down by the options of the indicator's :attr:`~Indicator.scale`."""


class Direction(_Choice):
    """Which way of change is success."""

    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class Accumulation(_Choice):
    """How an indicator's values over several periods make a whole."""

    SUM = "sum"
    """Each period reports an increment; the whole is their sum (people trained per quarter)."""
    RUNNING_TOTAL = "running_total"
    """Each period reports the total to date; the latest counts and is never summed."""
    LEVEL = "level"
    """Each period reports a level or stock; the latest counts (functioning committees)."""


class ActivityStatus(_Choice):
    """Where an activity stands."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    NOT_CONDUCTED = "not_conducted"


class Status(_Choice):
    """Where an indicator stands against its target."""

    EXCEEDED = "exceeded"
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_ACHIEVED = "not_achieved"
    NOT_STARTED = "not_started"
    NOT_CONDUCTED = "not_conducted"
    NOT_ASSESSED = "not_assessed"
    """Values were reported but cannot be judged, for want of a target in numbers to judge them
    against, or of the status the report states for a qualitative value."""
    NO_DATA = "no_data"


class Qualifier(_Choice):
    """
    How a value is stated, when not exactly: "more than 1,600", "around 87,000".

    No qualifier (``None``) is an exact value, the default.

    .. versionadded:: 0.1.0
    """

    MORE_THAN = "more_than"
    """A lower bound, not reached: "more than 1,600", "over 1,600"."""
    AT_LEAST = "at_least"
    """A lower bound that may be the value itself: "at least 1,600"."""
    AROUND = "around"
    """An approximation: "around 87,000", "approximately", "some"."""
    UP_TO = "up_to"
    """An upper bound: "up to 500"."""

    @property
    def lower_bound(self) -> bool:
        """Whether the value is a lower bound ("more than", "at least")."""
        return self in (Qualifier.MORE_THAN, Qualifier.AT_LEAST)


class VarianceCategory(_Choice):
    """A reason category for a variance from the planned target."""

    CONTEXT_SECURITY = "context_security"
    POLITICAL = "political"
    COVID19 = "covid19"
    BUDGET = "budget"
    DESIGN = "design"
    OTHER = "other"


class Frequency(_Choice):
    """How often an indicator's data are collected, as a results matrix plans it."""

    CONTINUOUS = "continuous"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    ANNUAL = "annual"
    PER_EVENT = "per_event"
    """At each event (each training, each meeting)."""
    BASELINE_ENDLINE = "baseline_endline"
    """Once at the start and once at the end."""
    ONCE = "once"


class RiskKind(_Choice):
    """Whether a statement is an assumption (a condition the result needs) or a risk (a threat to it)."""

    ASSUMPTION = "assumption"
    RISK = "risk"


class RiskLevel(_Choice):
    """A risk's likelihood or impact."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class RiskStatus(_Choice):
    """Where a risk or assumption stands."""

    OPEN = "open"
    """Watched; neither happened nor gone."""
    MATERIALISED = "materialised"
    """The risk happened, or the assumption did not hold."""
    CLOSED = "closed"
    """No longer relevant."""


class ScaleSummary(_Choice):
    """
    The figure an ordinal indicator is measured by, and its targets stated in.

    .. versionadded:: 0.1.0
    """

    TOP_BOX = "top_box"
    """The share of respondents in the top options ("80% agree or strongly agree"), a :class:`Ratio`."""
    MEAN = "mean"
    """The mean score of the answers ("mean score at least 4.0"), a ``Decimal``."""


# -- converters: building in code is as safe as loading a file -----------------------------
#
# Every field has one converter, which takes the field's type as it is (checked by its exact
# type first: this is the common case) and converts what users naturally write instead (a list
# for a tuple, "count" for Measure.COUNT, "2021Q3" for a Period, "2021-05-01" for a date), or
# raises a TypeError (wrong type) or ValueError (ResultsFrameworkError: a word or text it cannot
# read) naming the class and field.  The loader (io/converter.py) checks every value against
# the file format with its own hooks and builds objects without running these again.

_T = TypeVar("_T")
_C = TypeVar("_C", bound="_Choice")

MAX_DIGITS = 40
"""Numbers with more digits than this are refused, in code as in files: no real count or amount
needs them, and formatting or comparing them could take unbounded time."""

_INT_LIMIT = 10**MAX_DIGITS


def _no_float(value: float, at: str = "") -> TypeError:
    return wrong_type(
        "an exact number (int or decimal.Decimal)",
        value,
        at=at,
        hint=f"; resultsframework never holds floats: write Decimal({str(value)!r}) or an int",
    )


def _checked_int(value: int, at: str = "") -> int:
    if -_INT_LIMIT < value < _INT_LIMIT:
        return value
    raise wrong_value(f"number too large (more than {MAX_DIGITS} digits)", at)


def _checked_decimal(value: Decimal, at: str = "") -> Decimal:
    if not value.is_finite():
        raise wrong_value(f"expected a finite number, found {value}", at)
    if len(value.as_tuple().digits) > MAX_DIGITS or abs(value.adjusted()) > MAX_DIGITS:
        raise wrong_value(f"number too large or too precise (more than {MAX_DIGITS} digits)", at)
    return value


def _exact(value: object, expected: str, at: str = "") -> int | Decimal:
    """*value* as an exact number (numbers of other libraries too), or the error of what it is."""
    if isinstance(value, bool):
        raise wrong_type(expected, value, at=at, hint="; True and False are yes/no values, not numbers")
    if isinstance(value, int):
        return _checked_int(int(value), at)
    if isinstance(value, Decimal):
        return _checked_decimal(value, at)
    if isinstance(value, float):
        raise _no_float(value, at)
    if isinstance(value, numbers.Integral):  # numpy and pandas integers
        return _checked_int(int(value), at)
    raise wrong_type(expected, value, at=at)


def _number(value: int | Decimal) -> int | Decimal:
    """An exact number, ``int`` or ``Decimal``: Ratio's numerator and denominator."""
    if type(value) is int:
        return _checked_int(value)
    return _exact(value, "an exact number (int or decimal.Decimal)")


def _optional_year(value: int | None) -> int | None:
    if value is None or type(value) is int:
        return value
    number = _exact(value, "a year (int)")
    if isinstance(number, Decimal):
        raise wrong_type("a year (int)", value)
    return number


def _amount(value: Decimal | int | str) -> Decimal:
    """An amount of money: a ``Decimal``, or an ``int`` or a text such as ``'600000'`` as one."""
    if type(value) is Decimal:
        return _checked_decimal(value)
    if isinstance(value, str):
        try:
            number = Decimal(value)
        except ArithmeticError:
            raise wrong_value(f"expected an amount such as '600000' or '1250.50', found {value!r}") from None
        return _checked_decimal(number)
    return _checked_decimal(Decimal(_exact(value, "an amount (decimal.Decimal, int or a text)")))


def _optional_number(value: int | Decimal | None) -> int | Decimal | None:
    """An exact number, ``int`` or ``Decimal``, or ``None``: a figure in a second unit, a denominator."""
    if value is None or type(value) is int:
        return value if value is None else _checked_int(value)
    return _exact(value, "an exact number (int or decimal.Decimal) or None")


def _optional_percentage(value: Decimal | int | None) -> Decimal | None:
    """A share in percent, as a ``Decimal`` (an ``int`` is read as one)."""
    if value is None or type(value) is Decimal:
        return value if value is None else _checked_decimal(value)
    return _checked_decimal(Decimal(_exact(value, "a percentage (decimal.Decimal or int) or None")))


_VALUE = "a value (bool, int, decimal.Decimal, Ratio or str)"


def _value(value: Value, at: str = "") -> Value:
    """A baseline, target or achieved value: yes/no, an exact number, a Ratio or a text."""
    kind = type(value)
    if kind is int:
        return _checked_int(value, at)  # type: ignore[arg-type]
    if kind is str or kind is bool or kind is Ratio:
        return value
    if kind is Decimal:
        return _checked_decimal(value, at)  # type: ignore[arg-type]
    if isinstance(value, bool | str | Ratio):
        return value
    if isinstance(value, int | Decimal | float | numbers.Integral):
        return _exact(value, _VALUE, at)
    raise wrong_type(_VALUE, value, at=at)


def _optional_value(value: Value | None) -> Value | None:
    return None if value is None else _value(value)


def _character_text(value: str, at: str = "") -> str:
    """A text that holds only characters: a lone surrogate (half of a JSON escape) is refused."""
    char = lone_surrogate(value)
    if char is not None:
        raise wrong_value(surrogate_message(char), at)
    return value


def _text(value: str) -> str:
    if isinstance(value, str):
        return _character_text(value)
    raise wrong_type("a text (str)", value)


def _optional_text(value: str | None) -> str | None:
    if value is None:
        return value
    if isinstance(value, str):
        return _character_text(value)
    raise wrong_type("a text (str) or None", value)


def _bool(value: bool) -> bool:
    if value is True or value is False:
        return value
    raise wrong_type("True or False", value)


def _optional_bool(value: bool | None) -> bool | None:
    if value is None or value is True or value is False:
        return value
    raise wrong_type("True, False or None", value)


def _optional_date(value: datetime.date | str | None) -> datetime.date | None:
    if value is None or type(value) is datetime.date:
        return value
    return to_date(value)


def _optional_period(value: Period | str | int | None) -> Period | None:
    if value is None or type(value) is Period:
        return value
    return to_period(value)


def _sequence(value: object, item: str, at: str = "") -> tuple[object, ...]:
    """The items of a list, tuple or other iterable, in order; texts, mappings and sets refused."""
    if isinstance(value, tuple):
        return value
    expected = f"a list or tuple, each item {item}"
    if isinstance(value, str | bytes):
        raise wrong_type(expected, value, at=at, hint=f"; write [{value!r}] for one")
    if isinstance(value, set | frozenset):
        raise wrong_type(expected, value, at=at, hint="; a set has no order: use a list")
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise wrong_type(expected, value, at=at)
    return tuple(value)


def _items(kind: type[_T], value: Iterable[_T], expected: str) -> tuple[_T, ...]:
    """A tuple of *kind* from any iterable of them, each item checked."""
    if type(value) is tuple:
        for item in value:
            if type(item) is not kind:
                break
        else:
            return value
    items = _sequence(value, expected)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise wrong_type(expected, item, at=f"[{index}]")
    return items  # type: ignore[return-value]  # every item checked


def _optional(kind: type[_T], value: _T | None, expected: str) -> _T | None:
    if value is None or isinstance(value, kind):
        return value
    raise wrong_type(f"{expected} or None", value)


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    items = _items(str, value, "a text (str)")
    for index, item in enumerate(items):
        _character_text(item, at=f"[{index}]")
    return items


def _periods(value: Iterable[Period | str | int]) -> tuple[Period, ...]:
    if type(value) is tuple:
        for item in value:
            if type(item) is not Period:
                break
        else:
            return value
    items = _sequence(value, "a Period or a text such as '2021Q3'")
    return tuple([to_period(item, at=f"[{index}]") for index, item in enumerate(items)])  # type: ignore[arg-type]


def _choice(kind: type[_C], value: object) -> _C:
    """The member of an enumeration *value* is or names, or the error naming the choices."""
    if isinstance(value, kind):
        return value
    if not isinstance(value, str):
        raise wrong_type(f"a {kind.__name__} or one of its words (str)", value)
    try:
        return kind(value)
    except ValueError:
        words = [member.value for member in kind]
        choices = ", ".join(repr(word) for word in words)
        close = did_you_mean("_".join(value.lower().split()), words)
        raise wrong_value(f"expected one of {choices}; found {shorten(value)!r}{close}") from None


def _role(value: OrganisationRole | str) -> OrganisationRole:
    return value if type(value) is OrganisationRole else _choice(OrganisationRole, value)


def _contribution_source(value: ContributionSource | str) -> ContributionSource:
    return value if type(value) is ContributionSource else _choice(ContributionSource, value)


def _measure(value: Measure | str) -> Measure:
    return value if type(value) is Measure else _choice(Measure, value)


def _direction(value: Direction | str) -> Direction:
    return value if type(value) is Direction else _choice(Direction, value)


def _accumulation(value: Accumulation | str) -> Accumulation:
    return value if type(value) is Accumulation else _choice(Accumulation, value)


def _activity_status(value: ActivityStatus | str | None) -> ActivityStatus | None:
    return value if value is None or type(value) is ActivityStatus else _choice(ActivityStatus, value)


def _status(value: Status | str | None) -> Status | None:
    return value if value is None or type(value) is Status else _choice(Status, value)


def _qualifier(value: Qualifier | str | None) -> Qualifier | None:
    return value if value is None or type(value) is Qualifier else _choice(Qualifier, value)


def _variance_category(value: VarianceCategory | str | None) -> VarianceCategory | None:
    return value if value is None or type(value) is VarianceCategory else _choice(VarianceCategory, value)


def _frequency(value: Frequency | str | None) -> Frequency | None:
    return value if value is None or type(value) is Frequency else _choice(Frequency, value)


def _risk_kind(value: RiskKind | str) -> RiskKind:
    return value if type(value) is RiskKind else _choice(RiskKind, value)


def _risk_level(value: RiskLevel | str | None) -> RiskLevel | None:
    return value if value is None or type(value) is RiskLevel else _choice(RiskLevel, value)


def _risk_status(value: RiskStatus | str | None) -> RiskStatus | None:
    return value if value is None or type(value) is RiskStatus else _choice(RiskStatus, value)


def _risks(value: Iterable[Risk]) -> tuple[Risk, ...]:
    return _items(Risk, value, "a Risk")


def _lessons(value: Iterable[Lesson]) -> tuple[Lesson, ...]:
    return _items(Lesson, value, "a Lesson")


def _recommendations(value: Iterable[Recommendation]) -> tuple[Recommendation, ...]:
    return _items(Recommendation, value, "a Recommendation")


def _one(kind: type[_T], value: _T, expected: str) -> _T:
    if isinstance(value, kind):
        return value
    raise wrong_type(expected, value)


def _money(value: Money) -> Money:
    return _one(Money, value, "a Money")


def _optional_money(value: Money | None) -> Money | None:
    return _optional(Money, value, "a Money")


def _contributions(value: Iterable[Contribution]) -> tuple[Contribution, ...]:
    return _items(Contribution, value, "a Contribution")


def _optional_budget(value: Budget | None) -> Budget | None:
    return _optional(Budget, value, "a Budget")


def _optional_dates(value: Dates | None) -> Dates | None:
    return _optional(Dates, value, "a Dates")


def _optional_evaluation(value: Evaluation | None) -> Evaluation | None:
    return _optional(Evaluation, value, "an Evaluation")


def _optional_contact(value: Contact | None) -> Contact | None:
    return _optional(Contact, value, "a Contact")


def _identifiers(value: Iterable[Identifier]) -> tuple[Identifier, ...]:
    return _items(Identifier, value, "an Identifier")


def _organisations(value: Iterable[Organisation]) -> tuple[Organisation, ...]:
    return _items(Organisation, value, "an Organisation")


def _sectors(value: Iterable[Sector]) -> tuple[Sector, ...]:
    return _items(Sector, value, "a Sector")


def _annexes(value: Iterable[Annex]) -> tuple[Annex, ...]:
    return _items(Annex, value, "an Annex")


def _locations(value: Iterable[Location]) -> tuple[Location, ...]:
    return _items(Location, value, "a Location")


def _dimensions(value: Iterable[Dimension]) -> tuple[Dimension, ...]:
    return _items(Dimension, value, "a Dimension")


def _links(value: Iterable[FrameworkLink]) -> tuple[FrameworkLink, ...]:
    return _items(FrameworkLink, value, "a FrameworkLink")


def _breakdowns(value: Iterable[Breakdown]) -> tuple[Breakdown, ...]:
    return _items(Breakdown, value, "a Breakdown")


def _optional_baseline(value: Baseline | None) -> Baseline | None:
    return _optional(Baseline, value, "a Baseline")


def _optional_target(value: Target | None) -> Target | None:
    return _optional(Target, value, "a Target")


def _targets(value: Iterable[Target]) -> tuple[Target, ...]:
    return _items(Target, value, "a Target")


def _optional_variance(value: Variance | None) -> Variance | None:
    return _optional(Variance, value, "a Variance")


def _achieved(value: Iterable[Achieved]) -> tuple[Achieved, ...]:
    return _items(Achieved, value, "an Achieved")


def _indicators(value: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return _items(Indicator, value, "an Indicator")


def _activities(value: Iterable[Activity]) -> tuple[Activity, ...]:
    return _items(Activity, value, "an Activity")


def _outputs(value: Iterable[Output]) -> tuple[Output, ...]:
    return _items(Output, value, "an Output")


def _outcomes(value: Iterable[Outcome]) -> tuple[Outcome, ...]:
    return _items(Outcome, value, "an Outcome")


def _optional_impact(value: Impact | None) -> Impact | None:
    return _optional(Impact, value, "an Impact")


def _scale_summary(value: ScaleSummary | str) -> ScaleSummary:
    return value if type(value) is ScaleSummary else _choice(ScaleSummary, value)


def _optional_score(value: int | Decimal | None) -> int | Decimal | None:
    return None if value is None else _exact(value, "a score (int or decimal.Decimal) or None")


def _top_box(value: int) -> int:
    if type(value) is int:
        return value
    number = _exact(value, "a number of options (int)")
    if isinstance(number, Decimal):
        raise wrong_type("a number of options (int)", value)
    return number


def _scale_options(value: Iterable[ScaleOption]) -> tuple[ScaleOption, ...]:
    return _items(ScaleOption, value, "a ScaleOption")


def _optional_scale(value: Scale | None) -> Scale | None:
    return _optional(Scale, value, "a Scale")


def _narrative(value: Mapping[str, str]) -> dict[str, str]:
    """Narrative sections: a copy of the mapping given, every name and text checked."""
    if not isinstance(value, Mapping):
        raise wrong_type("a mapping of names to texts (dict[str, str])", value)
    sections = dict(value)
    for name, text in sections.items():
        if not isinstance(name, str):
            raise wrong_type("a name (str)", name, at=f"[{shorten(name)!r}]")
        if not isinstance(text, str):
            raise wrong_type("a text (str)", text, at=f"[{shorten(name)!r}]")
        _character_text(name, at="")
        _character_text(text, at=f"[{shorten(name)!r}]")
    return sections


_CELL = "a Cell(categories, value)"


def _cells(value: Iterable[Cell | tuple[object, object]]) -> tuple[Cell, ...]:
    """Cells: each a Cell, or a pair (categories, value) made one; categories and values checked."""
    items = _sequence(value, _CELL)
    cells = [_cell(item, index) for index, item in enumerate(items)]
    if type(value) is tuple and all(new is old for new, old in zip(cells, value, strict=True)):
        return value  # every item a Cell, checked
    return tuple(cells)


_CHECKED_CATEGORIES: dict[tuple[tuple[str, str], ...], None] = {}
"""
Combinations of categories already checked (female/18-59, ...), for the cells of copies: a value
changed with ``attrs.evolve`` checks its breakdowns' cells again.  Only pairs of texts equal
pairs of texts, so a hit needs no check.
"""


def _cell(item: object, position: int) -> Cell:
    if type(item) is Cell and type(item.categories) is tuple and item.categories in _CHECKED_CATEGORIES:
        try:
            if _value(item.value) is item.value:
                return item
        except (TypeError, ValueError):
            pass  # said below, with where
    at = f"[{position}]"
    if not isinstance(item, tuple | list) or len(item) != 2:
        raise wrong_type(_CELL, item, at=at, hint="; Breakdown.by() builds cells from a mapping")
    categories, value = item
    if isinstance(categories, Mapping):
        categories = tuple(categories.items())
    pairs = []
    for index, pair in enumerate(
        _sequence(categories, "a pair of texts (dimension, category)", f"{at}.categories")
    ):
        if (
            not isinstance(pair, tuple | list)
            or len(pair) != 2
            or not isinstance(pair[0], str)
            or not isinstance(pair[1], str)
        ):
            raise wrong_type("a pair of texts (dimension, category)", pair, at=f"{at}.categories[{index}]")
        pairs.append(pair if type(pair) is tuple else (pair[0], pair[1]))
    checked = _value(value, at=f"{at}.value")
    if len(_CHECKED_CATEGORIES) >= 4096:
        _CHECKED_CATEGORIES.clear()
    _CHECKED_CATEGORIES[tuple(pairs)] = None
    if (
        type(item) is Cell
        and type(item.categories) is tuple
        and checked is value
        and all(a is b for a, b in zip(pairs, item.categories, strict=True))
    ):
        return item
    return Cell(tuple(pairs), checked)


@attrs.frozen
class Ratio:
    """
    A share kept as numerator and denominator, so that it can be pooled.

    ``Ratio(15, 50).percent == Decimal(30)``.
    """

    numerator: int | Decimal = attrs.field(converter=_number)
    """The part counted (``15`` of 50 trainees employed)."""
    denominator: int | Decimal = attrs.field(converter=_number)
    """The whole it is a share of (15 of ``50`` trainees); a denominator of 0 gives no percent."""

    @property
    def percent(self) -> Decimal | None:
        """The share in percent, exact to 28 digits, or ``None`` if the denominator is 0."""
        if self.denominator == 0:
            return None
        return Decimal(self.numerator) * 100 / Decimal(self.denominator)


Number: TypeAlias = int | Decimal
"""An exact number: ``int`` or :class:`decimal.Decimal`."""

Value: TypeAlias = bool | int | Decimal | Ratio | str
"""
A baseline, target or achieved value.

``bool`` for yes/no indicators, ``int``/``Decimal`` for counts, numbers, money
and percentages known only as a percent, :class:`Ratio` for percentages with
numerator and denominator, ``str`` for qualitative indicators.
"""


@attrs.frozen
class Money:
    """An exact amount in an ISO 4217 currency."""

    amount: Decimal = attrs.field(converter=_amount)
    """The exact amount (``600000``); an ``int`` or a text such as ``'1250.50'`` is read as one."""
    currency: str = attrs.field(converter=_text)
    """The ISO 4217 currency code (``USD``)."""


@attrs.frozen
class Identifier:
    """An identifier of the programme in one scheme (``mptf_project``: ``00127216``)."""

    scheme: str = attrs.field(converter=_text)
    """The scheme the identifier belongs to (``mptf_project``, ``programme_number``)."""
    id: str = attrs.field(converter=_text)
    """The programme's identifier in that scheme, as a text (``'00127216'``)."""


@attrs.frozen
class Organisation:
    """An organisation taking part in the programme, referred to elsewhere by *id*."""

    id: str = attrs.field(converter=_text)
    """The short name results refer to it by, in ``responsible`` and ``reported_by`` (``IOM``)."""
    role: OrganisationRole = attrs.field(converter=_role)
    """The part it plays: lead, participating, implementing partner, donor or government counterpart."""
    name: str | None = attrs.field(default=None, converter=_optional_text)
    """The organisation's full name ("International Organization for Migration")."""
    identifier: str | None = attrs.field(default=None, converter=_optional_text)
    """Its organisation identifier as IATI and org-id.guide write it, a registration agency's prefix
    and the number it gives (``XM-DAC-47066`` IOM, ``XM-DAC-41114`` UNDP, ``GB-COH-01234567``):
    the IATI export's ``participating-org/@ref``, and the lead's the reporting organisation's."""


@attrs.frozen
class Contribution:
    """A contribution to the programme budget."""

    source: ContributionSource = attrs.field(converter=_contribution_source)
    """Where the contribution comes from: the fund, an agency, a donor, a government or other."""
    amount: Money = attrs.field(converter=_money)
    """The amount contributed, with its currency."""
    contributor: str | None = attrs.field(default=None, converter=_optional_text)
    """Who contributes it, by name ("UNDP", "Government of Iraq")."""


@attrs.frozen
class Budget:
    """The approved budget and the contributions to it."""

    total_approved: Money | None = attrs.field(default=None, converter=_optional_money)
    """The total approved budget as per the programme document."""
    contributions: tuple[Contribution, ...] = attrs.field(default=(), converter=_contributions)
    """The contributions to the budget, by source (fund, agencies, donors, government)."""


@attrs.frozen
class Dates:
    """
    The programme's dates.

    An extension is not stated but derived: the programme was extended when its
    actual end is after its original end; *extension_reason* says why.
    """

    start: datetime.date | None = attrs.field(default=None, converter=_optional_date)
    """The date the programme started (or starts)."""
    original_end: datetime.date | None = attrs.field(default=None, converter=_optional_date)
    """The end date the programme document set at first."""
    actual_end: datetime.date | None = attrs.field(default=None, converter=_optional_date)
    """The date the programme actually ended (or now ends), after any extension."""
    extension_reason: str | None = attrs.field(default=None, converter=_optional_text)
    """Why the programme was extended, when its actual end is after its original end."""
    financial_closure: datetime.date | None = attrs.field(default=None, converter=_optional_date)
    """The expected date of financial closure."""
    operationally_closed: bool | None = attrs.field(default=None, converter=_optional_bool)
    """Whether the agencies have operationally closed the programme in their systems."""

    @property
    def end(self) -> datetime.date | None:
        """The end that holds, the actual end if known, else the original one."""
        return self.actual_end or self.original_end

    @property
    def extended(self) -> bool:
        """Whether the actual end is after the original end."""
        return (
            self.actual_end is not None
            and self.original_end is not None
            and self.actual_end > self.original_end
        )

    @property
    def duration(self) -> Period | None:
        """The period from start to the end that holds, if both are known."""
        end = self.end
        if self.start is None or end is None:
            return None
        return Period(self.start, end)


@attrs.frozen
class Annex:
    """
    A document annexed to the report, as the template's *List of Annexes* names it.

    .. versionadded:: 0.1.0
    """

    title: str = attrs.field(converter=_text)
    """What the annex is ("UN Migration Network Visibility Plan")."""
    label: str | None = attrs.field(default=None, converter=_optional_text)
    """How the report refers to it ("Annex I"); numbered in order when not given."""
    link: str | None = attrs.field(default=None, converter=_optional_text)
    """Where it can be read, a URL or a file name, if it is published."""


@attrs.frozen
class Evaluation:
    """The programme assessment, review or evaluation (MPTF cover page)."""

    completed: bool | None = attrs.field(default=None, converter=_optional_bool)
    """Whether an assessment, review or evaluation of the programme was completed."""
    date: datetime.date | None = attrs.field(default=None, converter=_optional_date)
    """The date it was completed."""
    report_attached: bool | None = attrs.field(default=None, converter=_optional_bool)
    """Whether the evaluation report is attached to the programme report."""
    report_date: datetime.date | None = attrs.field(default=None, converter=_optional_date)
    """The date of the evaluation report."""


@attrs.frozen
class Contact:
    """Who submitted the report."""

    name: str = attrs.field(converter=_text)
    """The name of the person who submitted the report."""
    title: str | None = attrs.field(default=None, converter=_optional_text)
    """Their title or position ("Programme Manager")."""
    organisation: str | None = attrs.field(default=None, converter=_optional_text)
    """The organisation they submitted it for ("IOM")."""
    email: str | None = attrs.field(default=None, converter=_optional_text)
    """Their email address."""


@attrs.frozen
class Sector:
    """
    A sector the programme works in, as IATI classifies activities: by default an OECD DAC code.

    ``Sector("15190")`` is DAC 5-digit sector 15190, *Facilitation of orderly, safe, regular and
    responsible migration and mobility*, which fits most IOM programmes.

    .. versionadded:: 0.1.0
    """

    code: str = attrs.field(converter=_text)
    """The sector's code in its vocabulary, as a text (``'15190'``; ``'151'`` for DAC 3-digit)."""
    vocabulary: str = attrs.field(default="1", converter=_text)
    """IATI's SectorVocabulary code: ``1`` OECD DAC 5-digit (the default), ``2`` DAC 3-digit,
    ``7`` SDG goal, ``8`` SDG target, ``98`` or ``99`` the reporting organisation's own."""
    percentage: Decimal | None = attrs.field(default=None, converter=_optional_percentage)
    """Its share of the programme in percent; required when a vocabulary has several sectors,
    whose shares then add up to 100."""
    name: str | None = attrs.field(default=None, converter=_optional_text)
    """Its name (required by IATI for the organisation's own vocabularies, 98 and 99)."""


@attrs.frozen
class Location:
    """A country, governorate or place, with an OCHA p-code when known."""

    name: str = attrs.field(converter=_text)
    """The place as the programme names it ("Baghdad")."""
    pcode: str | None = attrs.field(default=None, converter=_optional_text)
    """Its OCHA p-code, when known (``IQG08``)."""


@attrs.frozen
class FrameworkLink:
    """
    A link to an element of an external framework.

    Written in files as ``framework:code``, e.g. ``sdg:10.7``, ``gcm:23``,
    ``iom-iraq-2022:1.3`` or ``undaf-iraq:A.2``.
    """

    framework: str = attrs.field(converter=_text)
    """The external framework's id (``sdg``, ``gcm``, ``undaf-iraq``)."""
    code: str = attrs.field(converter=_text)
    """The element's code in that framework (``10.7`` for SDG target 10.7)."""

    def __str__(self) -> str:
        return f"{self.framework}:{self.code}"


@attrs.frozen
class Dimension:
    """
    A disaggregation dimension a programme defines beyond the built-in ones.

    The built-in dimensions are ``sex``, ``age`` (categories are ranges such as
    ``18-30`` or ``60+``), ``disability``, ``population_group`` and ``location``.
    """

    id: str = attrs.field(converter=_text)
    """The dimension's id, as an indicator's ``disaggregation`` and breakdowns name it (``nationality``)."""
    label: str | None = attrs.field(default=None, converter=_optional_text)
    """The dimension as reports word it ("Nationality")."""
    categories: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """The categories it has (``iraqi``, ``syrian``, ...); none stated means any category."""
    summable: bool = attrs.field(default=True, converter=_bool)
    """Whether the categories add up to the total (False for multiple-choice dimensions)."""


class Cell(NamedTuple):
    """
    One value of a breakdown, for one combination of categories.

    A named tuple rather than an attrs class: big portfolios hold millions of cells, and a
    tuple is built in half the time.
    """

    categories: tuple[tuple[str, str], ...]
    """Pairs of (dimension, category), in the breakdown's dimension order."""
    value: Value
    """The value for that combination of categories."""

    def category(self, dimension: str) -> str | None:
        """The category of *dimension* this cell is for."""
        for dim, cat in self.categories:
            if dim == dimension:
                return cat
        return None


@attrs.frozen
class Breakdown:
    """
    A value broken down by one or more dimensions.

    A *complete* breakdown covers every category, so its cells add up to the
    total; a partial one (``complete: false``, "of whom 868 women") does not.
    *explanation* says why a total legitimately differs from the sum of its
    breakdown (unique people against services delivered).
    """

    dimensions: tuple[str, ...] = attrs.field(converter=_texts)
    """The dimensions the value is broken down by, in order (``("sex", "age")``)."""
    cells: tuple[Cell, ...] = attrs.field(converter=_cells)
    """The values, one per combination of categories (see :meth:`by`)."""
    complete: bool = attrs.field(default=True, converter=_bool)
    """Whether the cells cover every category and so add up to the total; False for "of whom 868 women"."""
    explanation: str | None = attrs.field(default=None, converter=_optional_text)
    """Why the total legitimately differs from the sum of the cells (unique people against services)."""

    @overload
    @classmethod
    def by(
        cls,
        dimensions: str,
        values: Mapping[str, Value],
        *,
        complete: bool = True,
        explanation: str | None = None,
    ) -> Breakdown: ...

    @overload
    @classmethod
    def by(
        cls,
        dimensions: Sequence[str],
        values: Mapping[tuple[str, ...], Value],
        *,
        complete: bool = True,
        explanation: str | None = None,
    ) -> Breakdown: ...

    @classmethod
    def by(
        cls,
        dimensions: str | Sequence[str],
        values: Mapping[str, Value] | Mapping[tuple[str, ...], Value],
        *,
        complete: bool = True,
        explanation: str | None = None,
    ) -> Breakdown:
        """
        A breakdown from its values keyed by category.

        ``Breakdown.by("sex", {"female": 80, "male": 91})``; across several dimensions, keys are
        tuples of categories in the order of *dimensions*:
        ``Breakdown.by(("sex", "age"), {("female", "18-24"): 40, ...})``.

        Raises:
            ValueError: if a key does not name one category per dimension.

        .. versionadded:: 0.1.0
        """
        dims = (dimensions,) if isinstance(dimensions, str) else tuple(dimensions)
        cells = []
        for key, value in values.items():
            categories = (key,) if isinstance(key, str) else tuple(key)
            if len(categories) != len(dims):
                raise ValueError(
                    f"the cell {key!r} needs one category for each of the dimensions {', '.join(dims)}"
                )
            cells.append(Cell(tuple(zip(dims, categories, strict=True)), value))
        return cls(dims, tuple(cells), complete, explanation)


@attrs.frozen
class Baseline:
    """The value before the programme; absent is not zero."""

    value: Value | None = attrs.field(default=None, converter=_optional_value)
    """The baseline value; ``None`` when not known (never read as zero)."""
    text: str | None = attrs.field(default=None, converter=_optional_text)
    """The baseline as the programme document writes it."""
    date: datetime.date | None = attrs.field(default=None, converter=_optional_date)
    """The date the baseline value is of."""
    year: int | None = attrs.field(default=None, converter=_optional_year)
    """The year the baseline value is of (``2020``), when no date is given."""
    qualifier: Qualifier | None = attrs.field(default=None, converter=_qualifier)
    """How the value is stated when not exactly ("more than", "around"); ``None`` when exact."""
    second_value: int | Decimal | None = attrs.field(default=None, converter=_optional_number)
    """The same figure in the indicator's :attr:`~Indicator.second_unit`: the 25,521 (individuals)
    of "5,168 households (25,521 individuals)"; ``None`` when not stated."""
    denominator: int | Decimal | None = attrs.field(default=None, converter=_optional_number)
    """The whole a percentage known only as a percent is a share of, when the report states it
    but not the part: the 7,309 (families) of "83.67% of the 7,309 families"."""


@attrs.frozen
class Target:
    """
    A planned value: the end-of-programme target, or a milestone for a period.
    """

    value: Value | None = attrs.field(default=None, converter=_optional_value)
    """The planned value (``4``); ``None`` when the document states the target only in words."""
    text: str | None = attrs.field(default=None, converter=_optional_text)
    """The target as the programme document writes it ("4 Network meetings held")."""
    period: Period | None = attrs.field(default=None, converter=_optional_period)
    """The period a milestone is for (``2021Q4``); ``None`` for the end-of-programme target."""
    breakdowns: tuple[Breakdown, ...] = attrs.field(default=(), converter=_breakdowns)
    """The planned value broken down by sex, age or other dimensions, when the document plans one."""
    qualifier: Qualifier | None = attrs.field(default=None, converter=_qualifier)
    """How the value is stated when not exactly ("more than", "around"); ``None`` when exact."""
    second_value: int | Decimal | None = attrs.field(default=None, converter=_optional_number)
    """The same figure in the indicator's :attr:`~Indicator.second_unit`: the 25,521 (individuals)
    of "5,168 households (25,521 individuals)"; ``None`` when not stated."""
    denominator: int | Decimal | None = attrs.field(default=None, converter=_optional_number)
    """The whole a percentage known only as a percent is a share of, when the report states it
    but not the part: the 7,309 (families) of "83.67% of the 7,309 families"."""


@attrs.frozen
class Variance:
    """
    Why the achieved value differs from the planned target.

    A report that writes "None" states explicitly that there is nothing to explain;
    that text is kept as written.
    """

    reason: str = attrs.field(converter=_text)
    """The reason for variance with the planned target, as the report writes it ("None" included)."""
    category: VarianceCategory | None = attrs.field(default=None, converter=_variance_category)
    """The kind of reason: context and security, political, COVID-19, budget, design or other."""


@attrs.frozen
class Achieved:
    """What was achieved in one reporting period, as a report states it."""

    period: Period = attrs.field(converter=to_period)
    """The reporting period the value is for (``2021Q3``)."""
    value: Value | None = attrs.field(default=None, converter=_optional_value)
    """The value; ``None`` when no data could be collected (never read as zero)."""
    narrative: str | None = attrs.field(default=None, converter=_optional_text)
    """The achievement as the report writes it ("6 Network meetings held. ...")."""
    variance: Variance | None = attrs.field(default=None, converter=_optional_variance)
    """The reason for variance with the planned target, when the report gives one."""
    source: str | None = attrs.field(default=None, converter=_optional_text)
    """The source of verification of this figure."""
    breakdowns: tuple[Breakdown, ...] = attrs.field(default=(), converter=_breakdowns)
    """The value broken down by sex, age or other dimensions (those of the indicator's disaggregation)."""
    status: Status | None = attrs.field(default=None, converter=_status)
    """The status the report states (qualitative indicators, activities not conducted)."""
    reported_by: str | None = attrs.field(default=None, converter=_optional_text)
    """The organisation that reported this value, when several report one indicator."""
    collected: datetime.date | None = attrs.field(default=None, converter=_optional_date)
    """When the value was collected; of two values for one period and reporter, the later counts."""
    comment: str | None = attrs.field(default=None, converter=_optional_text)
    """Any other remark on the value (the tracker's *Comment* column)."""
    qualifier: Qualifier | None = attrs.field(default=None, converter=_qualifier)
    """How the value is stated when not exactly ("more than", "around"); ``None`` when exact."""
    second_value: int | Decimal | None = attrs.field(default=None, converter=_optional_number)
    """The same figure in the indicator's :attr:`~Indicator.second_unit`: the 25,521 (individuals)
    of "5,168 households (25,521 individuals)"; ``None`` when not stated."""
    denominator: int | Decimal | None = attrs.field(default=None, converter=_optional_number)
    """The whole a percentage known only as a percent is a share of, when the report states it
    but not the part: the 7,309 (families) of "83.67% of the 7,309 families"."""


@attrs.frozen
class Risk:
    """
    An assumption or a risk of a result, as a logframe or a risk register holds it.

    .. versionadded:: 0.1.0
    """

    statement: str = attrs.field(converter=_text)
    """The assumption or risk as the document words it."""
    kind: RiskKind = attrs.field(default=RiskKind.RISK, converter=_risk_kind)
    """An ``assumption`` (a condition the result needs) or a ``risk`` (a threat to it)."""
    likelihood: RiskLevel | None = attrs.field(default=None, converter=_risk_level)
    """How likely it is to happen (for an assumption: not to hold): low, medium or high."""
    impact: RiskLevel | None = attrs.field(default=None, converter=_risk_level)
    """How much it would harm the result if it happened: low, medium or high."""
    mitigation: str | None = attrs.field(default=None, converter=_optional_text)
    """What is done to make it less likely or less harmful."""
    owner: str | None = attrs.field(default=None, converter=_optional_text)
    """Who watches it and acts on it (an organisation id such as ``IOM``, or a role)."""
    status: RiskStatus | None = attrs.field(default=None, converter=_risk_status)
    """Where it stands: open, materialised or closed."""


@attrs.frozen
class Lesson:
    """
    A lesson learned, as a report lists it.

    .. versionadded:: 0.1.0
    """

    statement: str = attrs.field(converter=_text)
    """The lesson as the report words it."""
    results: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """The codes of the outcomes or outputs it was learned from, if the report says."""


@attrs.frozen
class Recommendation:
    """
    A recommendation, as a report or an evaluation lists it.

    .. versionadded:: 0.1.0
    """

    statement: str = attrs.field(converter=_text)
    """The recommendation as the report words it."""
    addressed_to: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """Whom it is addressed to (organisation ids such as ``IOM``, or bodies such as "the Government")."""
    results: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """The codes of the outcomes or outputs it bears on, if the report says."""


@attrs.frozen(repr=False)
class Indicator:
    """An indicator with its baseline, targets and achieved values."""

    code: str = attrs.field(converter=_text)
    """The indicator's code as the results framework numbers it (``1.1.2``)."""
    statement: str = attrs.field(converter=_text)
    """The indicator as the document words it ("Number of Network meetings held")."""
    measure: Measure = attrs.field(converter=_measure)
    """What kind of value it takes: count, number, percentage, yes/no, qualitative or money."""
    unit: str | None = attrs.field(default=None, converter=_optional_text)
    """What it counts or measures, in words ("network meetings", "participants")."""
    direction: Direction = attrs.field(default=Direction.INCREASE, converter=_direction)
    """Which way of change is success (an increase, unless stated)."""
    accumulation: Accumulation = attrs.field(default=Accumulation.SUM, converter=_accumulation)
    """How its values over several reporting periods make a whole (summed, unless stated)."""
    currency: str | None = attrs.field(default=None, converter=_optional_text)
    """The ISO 4217 currency of a money indicator."""
    disaggregation: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """The dimensions values must be broken down by."""
    means_of_verification: str | None = attrs.field(default=None, converter=_optional_text)
    """The planned means and source of verification."""
    responsible: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """The ids of the organisations responsible for it (``IOM``)."""
    baseline: Baseline | None = attrs.field(default=None, converter=_optional_baseline)
    """The value before the programme; ``None`` when not stated (never read as zero)."""
    target: Target | None = attrs.field(default=None, converter=_optional_target)
    """The planned target at the end of the programme."""
    milestones: tuple[Target, ...] = attrs.field(default=(), converter=_targets)
    """The planned targets for periods before the end, each with its ``period``."""
    achieved: tuple[Achieved, ...] = attrs.field(default=(), converter=_achieved)
    """What was achieved, one value per reporting period (and reporter), in period order."""
    links: tuple[FrameworkLink, ...] = attrs.field(default=(), converter=_links)
    """The elements of external frameworks it contributes to (``sdg:10.7``)."""
    collection_method: str | None = attrs.field(default=None, converter=_optional_text)
    """How its data are collected ("attendance sheets", "household survey"); the data source
    itself is :attr:`means_of_verification`."""
    frequency: Frequency | None = attrs.field(default=None, converter=_frequency)
    """How often its data are collected (monthly, quarterly, at each event ...)."""
    collected_by: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """Who collects its data (organisation ids such as ``IOM``, or roles such as "M&E officer")."""
    scale: Scale | None = attrs.field(default=None, converter=_optional_scale)
    """The ordered answers of an ordinal indicator (strongly disagree ... strongly agree)."""
    population: str | None = attrs.field(default=None, converter=_optional_text)
    """The code of the indicator that counts the population this one's respondents (an ordinal
    indicator) or denominator (a percentage) are drawn from: "14 of the 16 participants answered"."""
    part_of: str | None = attrs.field(default=None, converter=_optional_text)
    """The code of the indicator whose figure this one's is part of: "of whom 1,148 received case
    management" is part of the 11,729 protected (``part_of: "1.2.1"``); parts may be parts of
    parts (379 referred, 252 of them assisted, 214 of those followed up).  A percentage's percent
    is then a share of that indicator's figure."""
    second_unit: str | None = attrs.field(default=None, converter=_optional_text)
    """A second unit the figures are also stated in, beside :attr:`unit`: the individuals of
    "5,168 households (25,521 individuals)"; each value's ``second_value`` holds the figure."""

    def __repr__(self) -> str:
        values = len(self.achieved)
        return f"Indicator({self.code!r}, {shorten(self.statement)!r}, {self.measure.value}, {values} values)"

    def _repr_html_(self) -> str:
        # The one kind of upward import the layers allow: a notebook display hook.
        from ..formats.notebook import indicator_html  # noqa: PLC0415

        return indicator_html(self)


@attrs.frozen
class Activity:
    """An activity under an output."""

    code: str = attrs.field(converter=_text)
    """The activity's code as the results framework numbers it (``1.1.1``)."""
    statement: str = attrs.field(converter=_text)
    """The activity as the document words it ("Act as Coordinator and Secretariat")."""
    responsible: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """The ids of the organisations responsible for it (``IOM``)."""
    status: ActivityStatus | None = attrs.field(default=None, converter=_activity_status)
    """Where it stands: planned, ongoing, completed or not conducted."""
    status_reason: str | None = attrs.field(default=None, converter=_optional_text)
    """Why it has that status (above all, why it was not conducted)."""
    narrative: str | None = attrs.field(default=None, converter=_optional_text)
    """What was done, as the report writes it."""
    links: tuple[FrameworkLink, ...] = attrs.field(default=(), converter=_links)
    """The elements of external frameworks it contributes to (``gcm:23``)."""
    start: datetime.date | None = attrs.field(default=None, converter=_optional_date)
    """The date it starts (or started), as the work plan or report states it."""
    end: datetime.date | None = attrs.field(default=None, converter=_optional_date)
    """The date it ends (or ended)."""
    lead: str | None = attrs.field(default=None, converter=_optional_text)
    """The id of the organisation that leads it, among those :attr:`responsible` (``IOM``)."""


@attrs.frozen
class Output:
    """An output: a result the programme is directly responsible for."""

    code: str = attrs.field(converter=_text)
    """The output's code as the results framework numbers it (``1.1``, ``Output 4``)."""
    statement: str = attrs.field(converter=_text)
    """The output as the document words it ("The UN Network on Migration in Iraq is functioning")."""
    responsible: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """The ids of the organisations responsible for it (``IOM``)."""
    narrative: str | None = attrs.field(default=None, converter=_optional_text)
    """The report's narrative of progress toward the output."""
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicators)
    """The indicators the output is measured by."""
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=_activities)
    """The activities that deliver the output."""
    links: tuple[FrameworkLink, ...] = attrs.field(default=(), converter=_links)
    """The elements of external frameworks it contributes to (``sdg:10.7``)."""
    risks: tuple[Risk, ...] = attrs.field(default=(), converter=_risks)
    """Its assumptions and risks, in the document's order."""


@attrs.frozen
class Outcome:
    """An outcome: the higher-level change the programme contributes to."""

    code: str = attrs.field(converter=_text)
    """The outcome's code as the results framework numbers it (``1``)."""
    statement: str = attrs.field(converter=_text)
    """The outcome as the document words it ("Enhanced institutional capacity for ...")."""
    responsible: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """The ids of the organisations responsible for it (``IOM``, ``UNDP``)."""
    narrative: str | None = attrs.field(default=None, converter=_optional_text)
    """The report's narrative of progress toward the outcome."""
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicators)
    """The indicators the outcome is measured by."""
    outputs: tuple[Output, ...] = attrs.field(default=(), converter=_outputs)
    """The outputs that contribute to the outcome."""
    links: tuple[FrameworkLink, ...] = attrs.field(default=(), converter=_links)
    """The elements of external frameworks it contributes to (``sdg:10.7``)."""
    risks: tuple[Risk, ...] = attrs.field(default=(), converter=_risks)
    """Its assumptions and risks, in the document's order."""


@attrs.frozen
class Impact:
    """The impact or goal above the outcomes, when the framework states one."""

    statement: str = attrs.field(converter=_text)
    """The impact or goal as the document words it."""
    code: str | None = attrs.field(default=None, converter=_optional_text)
    """Its code, when the framework numbers it."""
    narrative: str | None = attrs.field(default=None, converter=_optional_text)
    """The report's narrative of progress toward the impact."""
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicators)
    """The indicators the impact is measured by."""
    links: tuple[FrameworkLink, ...] = attrs.field(default=(), converter=_links)
    """The elements of external frameworks it contributes to (``sdg:10.7``)."""
    risks: tuple[Risk, ...] = attrs.field(default=(), converter=_risks)
    """Its assumptions and risks, in the document's order."""


@attrs.frozen
class ScaleOption:
    """
    One answer of an ordered scale ("agree"), with its score when the scale scores answers.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(converter=_text)
    """The answer's id, as the breakdown cells name it (``strongly_agree``)."""
    label: str | None = attrs.field(default=None, converter=_optional_text)
    """The answer as the questionnaire words it ("Strongly agree"); the ids of the usual
    five-point scale have labels in every language of the package."""
    score: int | Decimal | None = attrs.field(default=None, converter=_optional_score)
    """Its score (``5``), when a mean score is computed."""


@attrs.frozen
class Scale:
    """
    The ordered answers of a Likert-type question, lowest first.

    An ordinal indicator's achieved value is the number of respondents, with a breakdown by
    :attr:`dimension` giving the respondents of each answer.

    .. versionadded:: 0.1.0
    """

    options: tuple[ScaleOption, ...] = attrs.field(converter=_scale_options)
    """The answers, from the lowest (strongly disagree) to the highest (strongly agree)."""
    top_box: int = attrs.field(default=2, converter=_top_box)
    """How many of the highest answers make the top box (2: "agree or strongly agree")."""
    measured_by: ScaleSummary = attrs.field(default=ScaleSummary.TOP_BOX, converter=_scale_summary)
    """The figure targets are stated in: the top box's share (``top_box``) or the mean score (``mean``)."""
    dimension: str = attrs.field(default="response", converter=_text)
    """The dimension the breakdowns name the answers by (``response``)."""


Result: TypeAlias = Impact | Outcome | Output

NodeKind: TypeAlias = Literal["impact", "outcome", "output", "activity", "indicator"]


class Node(NamedTuple):
    """
    One element of a programme's results framework, where it sits: what :meth:`Programme.walk` yields.

    .. versionadded:: 0.1.0
    """

    kind: NodeKind
    """``impact``, ``outcome``, ``output``, ``activity`` or ``indicator``."""
    path: tuple[str | int, ...]
    """Its field path in the file: ``("outcomes", 0, "outputs", 1, "indicators", 2)``."""
    item: Impact | Outcome | Output | Activity | Indicator
    """The element itself."""
    outcome: Outcome | None = None
    """The outcome it sits under (itself, for an outcome)."""
    output: Output | None = None
    """The output it sits under (itself, for an output)."""


@attrs.frozen(repr=False)
class Programme:
    """
    A programme and its results framework, as one report or plan states it.

    .. versionadded:: 0.1.0
    """

    title: str = attrs.field(converter=_text)
    """The programme title, as the programme document states it."""
    fund: str | None = attrs.field(default=None, converter=_optional_text)
    """The fund it is financed through, as the fund writes its name ("Iraq UNDAF Trust Fund");
    the report's cover names it."""
    language: str | None = attrs.field(default=None, converter=_optional_text)
    """The language its texts are written in, an ISO 639-1 code (``en``, ``fr``, ``ar``); the IATI
    export's default language, else the export's ``language``."""
    identifiers: tuple[Identifier, ...] = attrs.field(default=(), converter=_identifiers)
    """Its identifiers in each scheme (MPTF Office project reference, programme number)."""
    organisations: tuple[Organisation, ...] = attrs.field(default=(), converter=_organisations)
    """The organisations taking part (lead, participating, implementing partners, donors), each by id."""
    country: str | None = attrs.field(default=None, converter=_optional_text)
    """The country or region it works in ("Iraq")."""
    localities: tuple[Location, ...] = attrs.field(default=(), converter=_locations)
    """The places within the country it works in, with their OCHA p-codes where known."""
    sectors: tuple[Sector, ...] = attrs.field(default=(), converter=_sectors)
    """The sectors it works in (OECD DAC codes by default), for IATI: ``Sector("15190")``."""
    priority_area: str | None = attrs.field(default=None, converter=_optional_text)
    """The priority area or strategic result it serves (of the UNDAF, for instance)."""
    budget: Budget | None = attrs.field(default=None, converter=_optional_budget)
    """The approved budget and the contributions to it."""
    dates: Dates | None = attrs.field(default=None, converter=_optional_dates)
    """When it started and ends, with any extension and closure."""
    reporting_periods: tuple[Period, ...] = attrs.field(default=(), converter=_periods)
    """The period(s) the report covers (``2021-05-01/2021-12-30``); none for a plan."""
    evaluation: Evaluation | None = attrs.field(default=None, converter=_optional_evaluation)
    """The assessment, review or evaluation of the programme, if any."""
    submitted_by: Contact | None = attrs.field(default=None, converter=_optional_contact)
    """Who submitted the report."""
    narrative: dict[str, str] = attrs.field(converter=_narrative, factory=dict, hash=False)
    """Free narrative sections keyed by name (``executive_summary``, ``purpose``, ...)."""
    acronyms: dict[str, str] = attrs.field(converter=_narrative, factory=dict, hash=False)
    """The acronyms the report uses, each with what it stands for (``GoI: Government of Iraq``),
    in the order the report lists them."""
    annexes: tuple[Annex, ...] = attrs.field(default=(), converter=_annexes)
    """The documents annexed to the report, in order."""
    dimensions: tuple[Dimension, ...] = attrs.field(default=(), converter=_dimensions)
    """The disaggregation dimensions it defines beyond the built-in ones."""
    links: tuple[FrameworkLink, ...] = attrs.field(default=(), converter=_links)
    """The elements of external frameworks the whole programme contributes to (``sdg:10.7``)."""
    impact: Impact | None = attrs.field(default=None, converter=_optional_impact)
    """The impact or goal above the outcomes, when the framework states one."""
    outcomes: tuple[Outcome, ...] = attrs.field(default=(), converter=_outcomes)
    """The outcomes, each with its indicators and outputs, in the document's order."""
    risks: tuple[Risk, ...] = attrs.field(default=(), converter=_risks)
    """The assumptions and risks of the programme as a whole (each result holds its own)."""
    lessons: tuple[Lesson, ...] = attrs.field(default=(), converter=_lessons)
    """The lessons learned, as the report lists them."""
    recommendations: tuple[Recommendation, ...] = attrs.field(default=(), converter=_recommendations)
    """The recommendations, as the report or its evaluation lists them."""

    def __repr__(self) -> str:
        indicators = sum(1 for _ in self.indicators())
        return f"Programme({shorten(self.title)!r}, {len(self.outcomes)} outcomes, {indicators} indicators)"

    def _repr_html_(self) -> str:
        # The one kind of upward import the layers allow: a notebook display hook.
        from ..formats.notebook import programme_html  # noqa: PLC0415

        return programme_html(self)

    def identifier(self, scheme: str) -> str | None:
        """The programme's identifier in *scheme*, if it has one."""
        for ident in self.identifiers:
            if ident.scheme == scheme:
                return ident.id
        return None

    def organisation(self, org_id: str) -> Organisation | None:
        """The participating organisation with id *org_id*."""
        for org in self.organisations:
            if org.id == org_id:
                return org
        return None

    def outputs(self) -> Iterator[tuple[Outcome, Output]]:
        """Every output with its outcome, in file order."""
        for outcome in self.outcomes:
            for output in outcome.outputs:
                yield outcome, output

    def results(self) -> Iterator[Result]:
        """The impact, every outcome and every output, top down in file order."""
        if self.impact is not None:
            yield self.impact
        for outcome in self.outcomes:
            yield outcome
            yield from outcome.outputs

    def all_risks(self) -> Iterator[tuple[tuple[str | int, ...], Result | None, Risk]]:
        """
        Every assumption and risk with its field path and result (``None``: the programme's own).

        The programme's own first, then the impact's, each outcome's and each of its outputs',
        top down in file order: ``[r for _, _, r in p.all_risks() if r.impact is RiskLevel.HIGH]``.

        .. versionadded:: 0.1.0
        """
        for k, risk in enumerate(self.risks):
            yield ("risks", k), None, risk
        for node in self.walk("impact", "outcome", "output"):
            result: Result = node.item  # type: ignore[assignment]
            for k, risk in enumerate(result.risks):
                yield (*node.path, "risks", k), result, risk

    def indicators(self) -> Iterator[Indicator]:
        """Every indicator, top down in file order."""
        for result in self.results():
            yield from result.indicators

    def walk(self, *kinds: NodeKind) -> Iterator[Node]:
        """
        Every element of the results framework with its field path, top down in file order.

        The impact and its indicators; then each outcome, its indicators, and each of its outputs
        with the output's indicators and activities.  With *kinds*, only elements of those kinds:
        ``programme.walk("indicator")`` is every indicator with its path, outcome and output.
        Validation, assessment, the MPTF table and IATI all walk a programme this way.

        .. versionadded:: 0.1.0
        """
        every = not kinds
        want_impact, want_outcome, want_output, want_activity, want_indicator = (
            every or kind in kinds for kind in ("impact", "outcome", "output", "activity", "indicator")
        )
        node = tuple.__new__  # Node is a named tuple: the same object, without the call through __new__
        impact = self.impact
        if impact is not None:
            if want_impact:
                yield node(Node, ("impact", ("impact",), impact, None, None))
            if want_indicator:
                for k, indicator in enumerate(impact.indicators):
                    yield node(Node, ("indicator", ("impact", "indicators", k), indicator, None, None))
        for i, outcome in enumerate(self.outcomes):
            at = ("outcomes", i)
            if want_outcome:
                yield node(Node, ("outcome", at, outcome, outcome, None))
            if want_indicator:
                for k, indicator in enumerate(outcome.indicators):
                    yield node(Node, ("indicator", (*at, "indicators", k), indicator, outcome, None))
            for j, output in enumerate(outcome.outputs):
                where = (*at, "outputs", j)
                if want_output:
                    yield node(Node, ("output", where, output, outcome, output))
                if want_indicator:
                    for k, indicator in enumerate(output.indicators):
                        yield node(Node, ("indicator", (*where, "indicators", k), indicator, outcome, output))
                if want_activity:
                    for k, activity in enumerate(output.activities):
                        yield node(Node, ("activity", (*where, "activities", k), activity, outcome, output))

    def placed_indicators(
        self,
    ) -> Iterator[tuple[tuple[str | int, ...], Outcome | None, Output | None, Indicator]]:
        """
        Every indicator with its field path (``outcomes[0].outputs[1].indicators[2]``), outcome and output.

        The impact's indicators come first, with neither outcome nor output.  The same as
        ``walk("indicator")``, as tuples.
        """
        for node in self.walk("indicator"):
            yield node.path, node.outcome, node.output, node.item  # type: ignore[misc]

    def indicator(self, code: str) -> Indicator:
        """
        The indicator with *code*.

        Raises:
            KeyError: if there is none.
        """
        codes = []
        for indicator in self.indicators():
            if indicator.code == code:
                return indicator
            codes.append(indicator.code)
        raise KeyError(no_such("indicator", code, codes))

    def activities(self) -> Iterator[tuple[Output, Activity]]:
        """Every activity with its output, in file order."""
        for _, output in self.outputs():
            for activity in output.activities:
                yield output, activity

    def with_achieved(self, code: str, *achieved: Achieved) -> Programme:
        """
        A copy of the programme with *achieved* recorded for indicator *code*.

        Each value replaces the indicator's value for the same period and reporter (a
        correction) or is added; the indicator's values stay in period order. The programme
        itself is not changed. A value for a period after the last of ``reporting_periods``
        only counts once that period is added to them (:func:`~resultsframework.validate`
        warns of it).

        Raises:
            KeyError: if the programme has no indicator *code*.

        .. versionadded:: 0.1.0
        """
        self.indicator(code)
        return record_values(self, {code: achieved})


def record_values(programme: Programme, updates: Mapping[str, Sequence[Achieved]]) -> Programme:
    """
    *programme* with the values in *updates* (indicator code -> values) recorded, in one pass.

    A value takes the place of the one with the same period and reporter; a value for a new
    period or reporter goes before the first value of a later period. The order of the other
    values is kept as written. Codes the programme does not have change nothing.
    """

    def key(record: Achieved) -> tuple[Period, str | None]:
        return record.period, record.reported_by

    def indicator(item: Indicator) -> Indicator:
        records = updates.get(item.code)
        if not records:
            return item
        new: dict[tuple[Period, str | None], list[Achieved]] = {}
        for record in records:
            new.setdefault(key(record), []).append(record)
        replaced = set(new)
        merged: list[Achieved] = []
        for record in item.achieved:
            if key(record) not in replaced:
                merged.append(record)
            else:  # the new values take the place of the first old one of their key
                merged.extend(new.pop(key(record), ()))
        for group in new.values():
            when = (group[0].period.start, group[0].period.end)
            at = next((i for i, r in enumerate(merged) if (r.period.start, r.period.end) > when), len(merged))
            merged[at:at] = group
        return attrs.evolve(item, achieved=tuple(merged))

    def output(item: Output) -> Output:
        return attrs.evolve(item, indicators=tuple(map(indicator, item.indicators)))

    def outcome(item: Outcome) -> Outcome:
        return attrs.evolve(
            item,
            indicators=tuple(map(indicator, item.indicators)),
            outputs=tuple(map(output, item.outputs)),
        )

    impact = programme.impact
    if impact is not None:
        impact = attrs.evolve(impact, indicators=tuple(map(indicator, impact.indicators)))
    return attrs.evolve(programme, impact=impact, outcomes=tuple(map(outcome, programme.outcomes)))

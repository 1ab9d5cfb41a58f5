"""
Reporting periods: inclusive date ranges with the identifiers reports use.

A :class:`Period` is a start and an end date, both inclusive.  Its canonical
spelling is the shortest identifier that names exactly that range: ``2021Q3``
for a calendar quarter, ``2021`` for a year, ``2021-05`` for a month, ``2021S1``
for a half year, ``2021W3`` for an ISO week, ``2021-05-01`` for one day and
``2021-05-01/2021-12-30`` for anything else.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import attrs

from .errors import ResultsFrameworkError, building, shorten, wrong_type

__all__ = ["Period", "PeriodError", "parse_date"]


class PeriodError(ResultsFrameworkError):
    """
    A text could not be read as a date or a reporting period.

    A :class:`~resultsframework.ResultsFrameworkError`, so a :class:`ValueError`.

    .. versionadded:: 0.1.0
    """


_ACCEPTED = (
    "expected a period such as '2021Q3', 'Q3 2021', '2021', '2021-05', 'May 2021', "
    "'2021S1', '2021W3', '2021-05-01', '2021-05-01/2021-12-30' or "
    "'May 2021 to December 2021'"
)


def to_date(value: date | str) -> date:
    """
    *value* as a date: a :class:`~datetime.date` as it is, a text read by :func:`parse_date`.

    The converter of every date field of the model.  A :class:`~datetime.datetime` is refused
    rather than cut to its day (which day depends on the time zone, and a datetime kept would
    fail to compare with dates later): pass its ``.date()``.

    Raises:
        TypeError: for a datetime or anything but a date or a text.
        PeriodError: for a text that is not one day.
    """
    if type(value) is date:
        return value
    if isinstance(value, datetime):
        raise wrong_type(
            "a date", value, hint="; pass its .date() (a datetime is refused, not cut to its day)"
        )
    if isinstance(value, date):  # a subclass of date from another library: the day it names
        return date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return parse_date(value)
        except PeriodError as e:
            raise _located(e) from None
    raise wrong_type("a date (datetime.date or a text such as '2021-12-30')", value)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@attrs.frozen(cache_hash=True)
class Period:
    """
    An inclusive range of dates over which values are reported.

    Build one with a constructor (:meth:`quarter`, :meth:`year`, :meth:`month`,
    :meth:`fiscal_year`, ...) or :meth:`parse` what a report writes.  A period
    whose end is before its start can be built (so that a file holding one can
    be loaded and reported on by :func:`resultsframework.validate`), but
    :attr:`is_inverted` tells.

    .. versionadded:: 0.1.0
    """

    start: date = attrs.field(converter=to_date)
    """The first day of the period."""
    end: date = attrs.field(converter=to_date)
    """The last day of the period, included."""

    # -- constructors ----------------------------------------------------------------

    @classmethod
    def day(cls, day: date) -> Period:
        """The single day *day*."""
        return cls(day, day)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """A calendar month."""
        _check_range("month", month, 1, 12)
        return cls(date(year, month, 1), _month_end(year, month))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """
        A calendar quarter: Q1 January–March ... Q4 October–December.

        These are the quarters of the Durable Solutions reporting guidelines.
        """
        _check_range("quarter", quarter, 1, 4)
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), _month_end(year, first + 2))

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        """A calendar half year: S1 January–June, S2 July–December."""
        _check_range("half", half, 1, 2)
        first = 6 * (half - 1) + 1
        return cls(date(year, first, 1), _month_end(year, first + 5))

    @classmethod
    def year(cls, year: int) -> Period:
        """A calendar year."""
        return cls(date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def week(cls, year: int, week: int) -> Period:
        """An ISO week (Monday to Sunday) of the ISO week-based *year*."""
        try:
            monday = date.fromisocalendar(year, week, 1)
            return cls(monday, monday + timedelta(days=6))
        except ValueError as e:
            raise PeriodError(f"{year} has no ISO week {week}") from e
        except OverflowError as e:  # 9999W52 ends in the year 10000
            raise PeriodError(f"the ISO week {year}W{week} ends after 9999-12-31, the last date") from e

    @classmethod
    def fiscal_year(cls, year: int, first_month: int, *, named_by: str = "start") -> Period:
        """
        A fiscal year of twelve months starting in *first_month*.

        Args:
            year: The year that names the fiscal year.
            first_month: The month the fiscal year starts in (1–12).
            named_by: ``"start"`` if *year* is the year the fiscal year starts in
                (DHIS2 ``2004April`` is April 2004–March 2005), ``"end"`` if it is
                the year it ends in (DHIS2 ``2024Nov`` is November 2023–October 2024).
        """
        _check_range("first month", first_month, 1, 12)
        if named_by not in ("start", "end"):
            raise PeriodError(f"named_by must be 'start' or 'end', not {named_by!r}")
        start_year = year if named_by == "start" or first_month == 1 else year - 1
        start = date(start_year, first_month, 1)
        end_month = first_month - 1 or 12
        end_year = start_year if first_month == 1 else start_year + 1
        return cls(start, _month_end(end_year, end_month))

    @classmethod
    def between(cls, first: Period, last: Period) -> Period:
        """The period from the start of *first* to the end of *last*."""
        return cls(first.start, last.end)

    @classmethod
    def parse(cls, text: str) -> Period:
        """
        Read a period as files and reports write it.

        Accepts the canonical identifiers (``2021Q3``, ``2021``, ``2021-05``,
        ``2021S1``, ``2021W3``, ``2021-05-01``, ``2021-05-01/2021-12-30``), their
        common variants (``Q3 2021``, ``2021-Q3``, ``Q1/2025``, ``Quarter 1 2025``,
        ``H1 2025``, ``202105``, ``May 2021``, ``30 December 2021``) and ranges
        written out (``May 2021 to December 2021``, ``1 May 2021 – 30 September
        2021``, ``1 January - 31 December 2021``, ``Jan-Mar 2025``).  Dates written
        in numbers only (``01/05/2021``) and fiscal years (``FY2024``) are refused,
        as they mean different things in different places.

        Raises:
            PeriodError: if *text* is none of these.
        """
        if not isinstance(text, str):
            raise PeriodError(f"{_ACCEPTED}; found {type(text).__name__} {text!r}")
        return _parse(text)

    # -- order: by start, then end (written out: attrs' generated order is slow) -----

    def __lt__(self, other: Period) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.start, self.end) < (other.start, other.end)

    def __le__(self, other: Period) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.start, self.end) <= (other.start, other.end)

    def __gt__(self, other: Period) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.start, self.end) > (other.start, other.end)

    def __ge__(self, other: Period) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.start, self.end) >= (other.start, other.end)

    # -- what it is ------------------------------------------------------------------

    @property
    def is_inverted(self) -> bool:
        """Whether the period ends before it starts."""
        return self.end < self.start

    @property
    def days(self) -> int:
        """Number of days in the period, both ends included."""
        return (self.end - self.start).days + 1

    @property
    def months(self) -> int:
        """
        Number of calendar months the period touches.

        This is how reports state a duration: 1 May 2021 to 30 December 2021 is
        "8 months".
        """
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def id(self) -> str:
        """The canonical identifier, as written in files."""
        s, e = self.start, self.end
        if s == e:
            return s.isoformat()
        if s.day == 1 and e == _month_end(e.year, e.month) and s.year == e.year:
            span = e.month - s.month + 1
            if span == 12:
                return f"{s.year:04d}"  # four digits, as the identifiers are read: 0999, not 999
            if span == 6 and s.month in (1, 7):
                return f"{s.year:04d}S{(s.month - 1) // 6 + 1}"
            if span == 3 and s.month % 3 == 1:
                return f"{s.year:04d}Q{(s.month - 1) // 3 + 1}"
            if span == 1:
                return f"{s.year:04d}-{s.month:02d}"
        if s.weekday() == 0 and (e - s).days == 6:
            iso_year, iso_week, _ = s.isocalendar()
            return f"{iso_year:04d}W{iso_week}"
        return f"{s.isoformat()}/{e.isoformat()}"

    def __str__(self) -> str:
        return self.id

    def __repr__(self) -> str:
        return f"Period({self.id!r})"

    def contains(self, other: date | Period) -> bool:
        """Whether *other* (a day or a period) lies wholly inside this period."""
        if isinstance(other, Period):
            return self.start <= other.start and other.end <= self.end
        return self.start <= other <= self.end

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def is_due(self, as_of: date) -> bool:
        """Whether the period has ended on or before *as_of*."""
        return self.end <= as_of

    @staticmethod
    def due(periods: Iterable[Period], as_of: date) -> list[Period]:
        """The periods of *periods* that have ended by *as_of*, in date order."""
        return sorted(p for p in periods if p.is_due(as_of))


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> Period:
    """Parse a period text; cached, as files repeat the same few periods thousands of times."""
    stripped = " ".join(text.split())  # one space between words: the patterns never backtrack far
    if not stripped:
        raise PeriodError(f"{_ACCEPTED}; found an empty text")
    if len(stripped) > _LONGEST:
        raise PeriodError(f"{_ACCEPTED}; found a text of {len(text)} characters")
    period = _parse_single(stripped)
    if period is not None:
        return period
    parts = _split_range(stripped)
    if parts is not None:
        last = _parse_single(parts[1])
        first = _parse_single(parts[0])
        year = _YEAR_IN.search(parts[1])
        if first is None and last is not None and year and not _YEAR_IN.search(parts[0]):
            # "1 January - 31 December 2021", "Jan-Mar 2025": the year is written once, at the end
            first = _parse_single(f"{parts[0]} {year.group()}")
            if first is not None and first.start > last.end:  # "November - February 2025"
                first = _parse_single(f"{parts[0]} {int(year.group()) - 1}")
        if first is not None and last is not None:
            return Period(first.start, last.end)
    hint = ""
    if _NUMERIC_DATE.search(stripped):
        hint = " (a date written 01/05/2021 may be 1 May or 5 January: write 2021-05-01)"
    elif _FISCAL.match(stripped):
        hint = " (fiscal years start in different months: write the dates, 2023-07-01/2024-06-30)"
    elif _TIME_OF_DAY.search(stripped):
        hint = _TIME_HINT
    raise PeriodError(f"{_ACCEPTED}; found {shorten(text)!r}{hint}")


def _check_range(what: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise PeriodError(f"{what} must be between {low} and {high}, not {value}")


_QUARTER = re.compile(
    r"^(?:(\d{4})\s*[-/]?\s*Q(?:uarter)?\s*([1-4])|Q(?:uarter)?\s*([1-4])\s*[-/ ]?\s*(?:of\s+)?(\d{4}))$",
    re.IGNORECASE,
)
_HALF = re.compile(r"^(?:(\d{4})\s*[-/]?\s*[SH]([12])|[SH]([12])\s*[-/ ]?\s*(\d{4}))$", re.IGNORECASE)
_LONGEST = 80
"""No period is written in more characters ("from 1 September 2021 to 30 September 2022" is 43)."""
_YEAR_IN = re.compile(r"\b\d{4}\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_FISCAL = re.compile(r"^FY\s*\d{2,4}", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]|\d:\d{2}")
"""A date with a time (``2021-05-01T10:00:00``, ``1 May 2021 10:00``): refused, never cut to its day
(which day depends on the time zone), nor read as a date written out (with day and month swapped)."""
_TIME_HINT = " (a date has no time of day: write the day alone, 2021-05-01)"
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-?(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_RANGE_WORDS = re.compile(r"\s+(?:to|until|through|till|-|–|—)\s+", re.IGNORECASE)
_MONTHS_RANGE = re.compile(r"^([A-Za-z]{3,})\s*[-–—]\s*([A-Za-z]{3,}\.?\s+\d{4})$")
_FROM = re.compile(r"^from\s+", re.IGNORECASE)


def _split_range(text: str) -> tuple[str, str] | None:
    if "/" in text:
        left, _, right = text.partition("/")
        return left.strip(), right.strip()
    text = _FROM.sub("", text)
    parts = _RANGE_WORDS.split(text)
    if len(parts) == 2:
        return parts[0].strip(), parts[1].strip()
    if m := _MONTHS_RANGE.match(text):  # "Jan-Mar 2025"
        return m.group(1), m.group(2)
    return None


def _parse_single(text: str) -> Period | None:
    try:
        if m := _QUARTER.match(text):
            year = int(m.group(1) or m.group(4))
            return Period.quarter(year, int(m.group(2) or m.group(3)))
        if m := _HALF.match(text):
            return Period.half(int(m.group(1) or m.group(4)), int(m.group(2) or m.group(3)))
        if m := _WEEK.match(text):
            return Period.week(int(m.group(1)), int(m.group(2)))
        if m := _YEAR.match(text):
            return Period.year(int(m.group(1)))
        if m := _MONTH.match(text):
            return Period.month(int(m.group(1)), int(m.group(2)))
        if m := _DAY.match(text):
            return Period.day(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    except ValueError:
        return None
    return _parse_written(text)


def _parse_written(text: str) -> Period | None:
    """'May 2021' (a month) or '30 December 2021' (a day), as reports write them."""
    if not re.search(r"[A-Za-z]", text) or not re.search(r"\d{4}", text) or _TIME_OF_DAY.search(text):
        return None
    from dateutil import parser  # noqa: PLC0415  (only needed for written-out dates)

    try:
        one = parser.parse(text, default=datetime(2000, 1, 1), dayfirst=True)
        two = parser.parse(text, default=datetime(2000, 1, 2), dayfirst=True)
    except (ValueError, OverflowError):
        return None
    if one.date() == two.date():
        return Period.day(one.date())
    return Period.month(one.year, one.month)


def to_period(value: Period | str | int, *, at: str = "") -> Period:
    """
    *value* as a period: a :class:`Period` as it is, a text read by :meth:`Period.parse`, an
    ``int`` the calendar year (``2021``), as files may write it.

    The converter of every period field of the model.

    Raises:
        TypeError: for anything else.
        PeriodError: for a text that is not a period.
    """
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        try:
            return Period.parse(value)
        except PeriodError as e:
            raise _located(e, at) from None
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= 9999:
            return Period.year(value)
        raise _located(PeriodError(f"a year is between 1 and 9999, not {value}"), at)
    raise wrong_type("a Period, a text such as '2021Q3' or a year such as 2021", value, at=at)


def _located(error: PeriodError, at: str = "") -> PeriodError:
    """*error* with the class and field being built in front (``Achieved.period: ...``)."""
    site = building() + at
    return PeriodError(f"{site}: {error}" if site else str(error))


def parse_date(text: str) -> date:
    """
    Read one date: ISO ``2021-12-30`` or as written, ``30 December 2021``.

    Raises:
        PeriodError: if *text* is not one day.

    .. versionadded:: 0.1.0
    """
    if isinstance(text, str):
        stripped = text.strip()
        if m := _DAY.match(stripped):
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError as e:
                raise PeriodError(f"not a real date: {text!r} ({e})") from e
        period = _parse_written(stripped)
        if period is not None and period.start == period.end:
            return period.start
    hint = _TIME_HINT if isinstance(text, str) and _TIME_OF_DAY.search(text) else ""
    raise PeriodError(
        f"expected a date such as '2021-12-30' or '30 December 2021'; found {shorten(text)!r}{hint}"
    )

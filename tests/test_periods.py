"""Reporting periods: constructors, the spellings reports use, and date arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from resultsframework import Period, PeriodError, parse_date


class TestConstructors:
    def test_quarters_are_the_dstwg_quarters(self) -> None:
        """Q1 is January–March ... Q4 October–December, as the DS guidelines define."""
        assert [(q.start, q.end) for q in (Period.quarter(2025, n) for n in range(1, 5))] == [
            (date(2025, 1, 1), date(2025, 3, 31)),
            (date(2025, 4, 1), date(2025, 6, 30)),
            (date(2025, 7, 1), date(2025, 9, 30)),
            (date(2025, 10, 1), date(2025, 12, 31)),
        ]

    def test_month_handles_leap_years(self) -> None:
        assert Period.month(2024, 2).end == date(2024, 2, 29)
        assert Period.month(2023, 2).end == date(2023, 2, 28)

    def test_fiscal_year_named_by_start(self) -> None:
        """DHIS2 2004April is April 2004 to March 2005."""
        assert Period.fiscal_year(2004, 4) == Period(date(2004, 4, 1), date(2005, 3, 31))

    def test_fiscal_year_named_by_end(self) -> None:
        """DHIS2 2024Nov starts in November 2023, not 2024 (a known trap)."""
        assert Period.fiscal_year(2024, 11, named_by="end") == Period(date(2023, 11, 1), date(2024, 10, 31))

    def test_iso_week_belongs_to_its_week_based_year(self) -> None:
        """1 January 2021 falls in 2020W53."""
        assert Period.parse("2020W53").contains(date(2021, 1, 1))
        assert Period.week(2021, 3).id == "2021W3"

    @pytest.mark.parametrize("bad", [lambda: Period.quarter(2021, 5), lambda: Period.month(2021, 13)])
    def test_out_of_range_parts_are_refused(self, bad) -> None:
        with pytest.raises(PeriodError):
            bad()


class TestParse:
    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            ("2021Q3", date(2021, 7, 1), date(2021, 9, 30)),
            ("Q3 2025", date(2025, 7, 1), date(2025, 9, 30)),
            ("2025-Q2", date(2025, 4, 1), date(2025, 6, 30)),
            ("2021", date(2021, 1, 1), date(2021, 12, 31)),
            ("2021-05", date(2021, 5, 1), date(2021, 5, 31)),
            ("202105", date(2021, 5, 1), date(2021, 5, 31)),
            ("May 2021", date(2021, 5, 1), date(2021, 5, 31)),
            ("2021S2", date(2021, 7, 1), date(2021, 12, 31)),
            ("30 December 2021", date(2021, 12, 30), date(2021, 12, 30)),
            ("2021-05-01/2021-12-30", date(2021, 5, 1), date(2021, 12, 30)),
            ("May 2021 to December 2021", date(2021, 5, 1), date(2021, 12, 31)),
            ("FROM May 2021 TO December 2021", date(2021, 5, 1), date(2021, 12, 31)),
            ("1 May 2021 – 30 September 2021", date(2021, 5, 1), date(2021, 9, 30)),
            ("2021-05/2021-12", date(2021, 5, 1), date(2021, 12, 31)),
            ("1 January - 31 December 2021", date(2021, 1, 1), date(2021, 12, 31)),
            ("Jan-Mar 2025", date(2025, 1, 1), date(2025, 3, 31)),
            ("January to March 2025", date(2025, 1, 1), date(2025, 3, 31)),
            ("November - February 2025", date(2024, 11, 1), date(2025, 2, 28)),
            ("Q1/2025", date(2025, 1, 1), date(2025, 3, 31)),
            ("Quarter 2 2025", date(2025, 4, 1), date(2025, 6, 30)),
            ("Q3 of 2025", date(2025, 7, 1), date(2025, 9, 30)),
            ("H1 2025", date(2025, 1, 1), date(2025, 6, 30)),
            ("2025-H2", date(2025, 7, 1), date(2025, 12, 31)),
        ],
    )
    def test_spellings_reports_use(self, text: str, start: date, end: date) -> None:
        assert Period(start, end) == Period.parse(text)

    @pytest.mark.parametrize(
        "text",
        ["", "2021Q5", "sometime", "2021-02-30", "May", "2021-13", "FY2024", "01/05/2021 - 30/12/2021"],
    )
    def test_unreadable_text_says_what_is_expected(self, text: str) -> None:
        with pytest.raises(PeriodError, match="expected a period such as '2021Q3'"):
            Period.parse(text)

    def test_ambiguous_spellings_say_what_to_write(self) -> None:
        with pytest.raises(PeriodError, match=r"may be 1 May or 5 January: write 2021-05-01\)$"):
            Period.parse("01/05/2021 - 30/12/2021")
        with pytest.raises(PeriodError, match=r"write the dates, 2023-07-01/2024-06-30\)$"):
            Period.parse("FY2024")

    @pytest.mark.parametrize(
        "text", ["2021-05-12T00:00", "2021-05-12T10:00:00", "2025-01-01T23:30:00-05:00", "12 May 2021 10:00"]
    )
    def test_a_date_with_a_time_is_refused_never_read_with_day_and_month_swapped(self, text: str) -> None:
        """'2021-05-12T00:00', as spreadsheets export dates, was read as 5 December."""
        hint = r"\(a date has no time of day: write the day alone, 2021-05-01\)$"
        with pytest.raises(PeriodError, match=hint):
            parse_date(text)
        with pytest.raises(PeriodError, match=hint):
            Period.parse(text)
        with pytest.raises(PeriodError, match=hint):
            Period.parse(f"{text}/2021-12-31")

    @pytest.mark.parametrize(
        "period",
        [
            Period.year(999),
            Period.half(45, 2),
            Period.quarter(1, 4),
            Period.month(999, 5),
            Period.week(999, 3),
        ],
    )
    def test_a_period_before_the_year_1000_reads_back_from_its_id(self, period: Period) -> None:
        assert period == Period.parse(period.id)
        assert period.id.startswith("0")

    def test_a_week_ending_after_the_last_date(self) -> None:
        with pytest.raises(PeriodError, match="ends after 9999-12-31"):
            Period.week(9999, 52)
        with pytest.raises(PeriodError, match="expected a period such as"):
            Period.parse("9999W52")

    def test_parse_date(self) -> None:
        assert date(2021, 12, 30) == parse_date("30 December 2021")
        assert date(2021, 12, 30) == parse_date("2021-12-30")
        with pytest.raises(PeriodError, match="not a real date"):
            parse_date("2021-02-30")
        with pytest.raises(PeriodError):
            parse_date("December 2021")


class TestWhatItIs:
    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            (Period.quarter(2021, 3), "2021Q3"),
            (Period.year(2021), "2021"),
            (Period.month(2021, 5), "2021-05"),
            (Period.half(2021, 1), "2021S1"),
            (Period.day(date(2021, 5, 1)), "2021-05-01"),
            (Period(date(2021, 5, 1), date(2021, 12, 30)), "2021-05-01/2021-12-30"),
        ],
    )
    def test_canonical_id(self, period: Period, expected: str) -> None:
        assert expected == period.id

    def test_programme_duration_in_months(self) -> None:
        """1 May 2021 to 30 December 2021 is the '8 months' seed 000 states."""
        assert 8 == Period(date(2021, 5, 1), date(2021, 12, 30)).months
        assert 5 == Period(date(2021, 5, 1), date(2021, 9, 30)).months

    def test_containment_and_overlap(self) -> None:
        year = Period.year(2021)
        assert year.contains(Period.quarter(2021, 2))
        assert not Period.quarter(2021, 2).contains(year)
        assert Period.parse("2021-03-15/2021-04-15").overlaps(Period.quarter(2021, 2))
        assert not Period.quarter(2021, 1).overlaps(Period.quarter(2021, 2))

    def test_periods_due_by_a_date(self) -> None:
        quarters = [Period.quarter(2025, q) for q in (3, 1, 4, 2)]
        assert [Period.quarter(2025, 1), Period.quarter(2025, 2)] == Period.due(quarters, date(2025, 7, 15))

    def test_inverted_period_can_be_held_and_is_flagged(self) -> None:
        period = Period.parse("2021-12-01/2021-05-01")
        assert period.is_inverted

"""Numbers written as the locale writes them: the fast path for whole numbers is babel's text."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resultsframework.text.l10n import Localizer, _int_pattern

LOCALES = ("en", "fr", "ar", "ar_IQ", "es", "pl", "de_CH", "en_IN", "xx")
DIGITS = (None, "latn", "arab")


def _by_babel(localizer: Localizer, value: int | Decimal) -> str:
    from babel.numbers import format_decimal

    text = format_decimal(
        value,
        locale=localizer.locale,
        decimal_quantization=False,
        numbering_system=localizer.digits or "default",
    )
    return localizer._digits(str(text))


@given(
    value=st.integers(min_value=-(10**30), max_value=10**30)
    | st.integers(min_value=-10_000, max_value=10_000),
    locale=st.sampled_from(LOCALES),
    digits=st.sampled_from(DIGITS),
)
def test_whole_numbers_are_written_as_babel_writes_them(value: int, locale: str, digits: str | None) -> None:
    localizer = Localizer(locale, digits=digits)  # type: ignore[arg-type]
    try:
        expected: str | type[Exception] = _by_babel(localizer, value)
    except ArithmeticError as e:  # babel fails beyond 25 digits, and so does number()
        expected = type(e)
    try:
        found: str | type[Exception] = localizer.number(value)
    except ArithmeticError as e:
        found = type(e)
    assert found == expected


@pytest.mark.parametrize("locale", LOCALES)
def test_the_fast_path_is_taken_where_groups_are_of_three(locale: str) -> None:
    """Indian grouping (12,34,567) and Swiss German (babel groups only big numbers there) are
    left to babel; the others are written by the pattern."""
    localizer = Localizer(locale)
    plain = _int_pattern(str(localizer.locale), "default")
    assert (plain is None) == (locale in ("en_IN", "de_CH"))
    assert localizer.number(-1234567) == _by_babel(localizer, -1234567)
    assert localizer.number(Decimal("-1234.50")) == _by_babel(localizer, Decimal("-1234.50"))


def _percent_by_babel(localizer: Localizer, fraction: Decimal, places: int) -> str:
    """The percent as babel writes it with the locale's pattern (the path before the fast one)."""
    localizer.percent(Decimal(0), places)  # the pattern, parsed once
    pattern = localizer._percent_patterns[places]
    text = localizer._digits(
        str(pattern.apply(fraction, localizer.locale, numbering_system=localizer._numbering()))
    )
    return text.replace("%", "\u066a") if localizer.digits == "arab" else text


@given(
    fraction=st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**6), max_value=10**6, places=6)
    | st.sampled_from(
        [Decimal("0.00005"), Decimal("0.00015"), Decimal("-0.00001"), Decimal("0.125"), Decimal(0)]
    ),
    locale=st.sampled_from(LOCALES),
    digits=st.sampled_from(DIGITS),
    places=st.integers(min_value=0, max_value=3),
)
def test_percentages_are_written_as_babel_writes_them(
    fraction: Decimal, locale: str, digits: str | None, places: int
) -> None:
    """Rounded half to even, as babel rounds; -0.0% for a small negative share, as babel writes it."""
    localizer = Localizer(locale, digits=digits)  # type: ignore[arg-type]
    assert localizer.percent(fraction, places) == _percent_by_babel(localizer, fraction, places)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_percent_fast_path_is_taken_where_the_pattern_is_plain(locale: str) -> None:
    localizer = Localizer(locale)
    localizer.percent(Decimal("0.5"))
    assert (localizer._percent_plain[1] is None) == (locale in ("en_IN", "de_CH"))

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

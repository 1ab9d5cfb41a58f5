"""
Localisation: fixed labels through gettext catalogues, numbers and dates through babel.

Catalogues ship with the package as ``locale/<language>/LC_MESSAGES/resultsframework.po``
(English is the source language; French and Arabic are complete).  A label with no
translation falls back to English; so does a locale without a catalogue (``de``: German numbers
and dates, English labels), and a code babel does not know (``xx``).  A text that is no locale
code at all (``"french"``) is an error, which names the locale meant.  Babel is imported only
when something is formatted.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from ..core.errors import ResultsFrameworkError, did_you_mean, shorten
from ..core.model import Money, Qualifier, Ratio, ScaleOption, ScaleSummary, Status, Value
from ..core.ordinal import Responses
from ..core.periods import Period
from .escape import isolate
from .labels import ANSWER_LABELS, CATEGORY_LABELS, DIMENSION_LABELS, LABELS, N_

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["N_", "Localizer", "available_locales", "unknown_locale"]

Digits = Literal["latn", "arab"]

QUALIFIED = {
    Qualifier.MORE_THAN: N_("more than {value}"),
    Qualifier.AT_LEAST: N_("at least {value}"),
    Qualifier.AROUND: N_("around {value}"),
    Qualifier.UP_TO: N_("up to {value}"),
}
"""A value with its qualifier, as reports write it: "more than 1,600", "plus de 1 600"."""

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ku", "ps", "ur", "yi"})

_PERIOD_KIND = re.compile(
    r"^(?:(?P<year>\d{4})|\d{4}Q(?P<quarter>[1-4])|\d{4}S(?P<half>[12])|\d{4}-(?P<month>\d{2})"
    r"|(?P<week_year>\d{4})W(?P<week>\d{1,2}))$"
)
"""The kinds of period a canonical identifier names (a quarter, a half year, a week ...)."""

_NARROW = "\u202f"
"""The narrow no-break space French sets before a colon and a percent sign."""

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@functools.cache
def _catalog(language: str) -> dict[str, str]:
    """The translations of one language, read from the shipped .po file (empty if none)."""
    from babel.messages.pofile import read_po  # noqa: PLC0415

    path = resources.files("resultsframework") / "locale" / language / "LC_MESSAGES" / "resultsframework.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle)
    messages = {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}
    if language == "fr":  # French sets a narrow no-break space before : ; ? ! ("Indicateurs : 4")
        messages = {key: _FRENCH_SPACE.sub(_NARROW + r"\1", text) for key, text in messages.items()}
    return messages


_FRENCH_SPACE = re.compile(r"[ \u00a0]([:;?!])")


def available_locales() -> list[str]:
    """
    The languages with a shipped catalogue, English included.

    .. versionadded:: 0.1.0
    """
    folder = resources.files("resultsframework") / "locale"
    return sorted({"en", *(p.name for p in folder.iterdir() if p.is_dir())})


_LOCALE_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")
"""The shape of a locale code (``xx``, ``ar_IQ``): one babel does not know falls back to English."""


def unknown_locale(text: str) -> str:
    """
    The message for a locale that is no locale (``"french"``), with the one meant: ``did you
    mean 'fr'?`` for a language's name in English or in itself, else the nearest code.
    """
    from babel import Locale  # noqa: PLC0415

    available = available_locales()
    wanted = text.strip().casefold()
    names: dict[str, str] = {}
    for code in available:
        for name in (Locale("en").languages.get(code), Locale.parse(code).get_language_name(code)):
            if name:
                names[name.casefold()] = code
    meant = names.get(wanted) or names.get(wanted.split()[0] if wanted.split() else wanted)
    hint = f"; did you mean {meant!r}?" if meant else did_you_mean(text.replace("-", "_"), available)
    return (
        f"unknown locale {shorten(text)!r}{hint} (use one of {', '.join(available)}, or a region of "
        "one such as ar_IQ)"
    )


_PROBED = 10**21
"""Whole numbers below this (in size) are written by the pattern; the pattern is checked up to it."""


@functools.cache
def _int_pattern(locale: str, numbering: str) -> tuple[str, str, str] | None:
    """
    How babel writes whole numbers in *locale*: the group sign, and what comes before and after
    a negative number (``-``); ``None`` when that is not groups of three (``12,34,567``).  Read
    from babel's own output, so that the fast path writes exactly what babel writes.
    """
    from babel.numbers import format_decimal  # noqa: PLC0415

    def babel(value: int) -> str:
        return str(
            format_decimal(value, locale=locale, decimal_quantization=False, numbering_system=numbering)
        )

    grouped = babel(1234567)
    if not grouped.startswith("1") or not grouped.endswith("567"):
        return None
    group = grouped[1 : grouped.index("234")] if "234" in grouped else ""
    if not group or grouped != f"1{group}234{group}567":
        return None
    negative = babel(-1234567)
    before, found, after = negative.partition(grouped)
    probes = (0, 7, 999, 1000, 9999, 10000, 123456, -1, -1000, _PROBED - 1, 1 - _PROBED)
    plain = (group, before, after)
    if not found or any(babel(n) != _grouped(n, plain) for n in probes):
        return None
    return plain


def _grouped(value: int, plain: tuple[str, str, str]) -> str:
    if 0 <= value < 1000:  # no group, no sign: the digits
        return str(value)
    group, before, after = plain
    text = f"{-value if value < 0 else value:,}".replace(",", group)
    return f"{before}{text}{after}" if value < 0 else text


_PercentPlain = tuple[tuple[str, str], tuple[str, str], str, str, Decimal]
"""A percent pattern's prefixes and suffixes (positive, negative), decimal and group signs, quantum."""


def _percent_plain(pattern: Any, locale: Any, numbering: str, places: int) -> _PercentPlain | None:
    """
    The signs babel writes a percent with, for the plain patterns (groups of three, no quotes,
    no significant digits nor exponent), checked against babel's own text on probes; else
    ``None`` and babel writes each percent (4 µs each, three times the pattern's time).
    """
    from babel.numbers import get_decimal_symbol, get_group_symbol  # noqa: PLC0415

    texts = "".join((*pattern.prefix, *pattern.suffix))
    if (
        pattern.grouping != (3, 3) or pattern.exp_prec or "@" in pattern.pattern or pattern.scale != 2
        or "'" in texts or pattern.frac_prec != (places, places) or pattern.int_prec[0] != 1
    ):  # fmt: skip
        return None
    plain: _PercentPlain = (
        pattern.prefix, pattern.suffix,
        str(get_decimal_symbol(locale, numbering_system=numbering)),
        str(get_group_symbol(locale, numbering_system=numbering)),
        Decimal(1).scaleb(-places),
    )  # fmt: skip
    probes = ("0", "0.5", "-0.5", "0.123456", "0.00005", "0.00015", "-0.00001", "1", "12.3456", "12345.678")
    for probe in map(Decimal, probes):
        if _plain_percent(probe, plain) != str(pattern.apply(probe, locale, numbering_system=numbering)):
            return None
    return plain


def _plain_percent(fraction: Decimal, plain: _PercentPlain) -> str:
    """*fraction* as babel's plain percent pattern writes it (its rounding, its signs)."""
    prefix, suffix, point, group, quantum = plain
    value = fraction.scaleb(2)
    negative = int(value.is_signed())
    whole, _, part = f"{abs(value).normalize().quantize(quantum):f}".partition(".")
    number = _grouped(int(whole), (group, "", "")) + (point + part if part else "")  # whole: never negative
    return f"{prefix[negative]}{number}{suffix[negative]}"


class Localizer:
    """
    Formats labels, numbers, percentages, money and dates for one locale.

    Args:
        locale: A locale identifier such as ``"en"``, ``"fr"``, ``"ar"`` or ``"ar_IQ"``.

    Raises:
        ResultsFrameworkError: *locale* is no locale (``"french"``: the message says ``did you
            mean 'fr'?``).
        digits: ``"arab"`` for Arabic-Indic digits (٠١٢٣), ``"latn"`` for 0123;
            by default the locale's own.

    .. versionadded:: 0.1.0
    """

    def __init__(self, locale: str = "en", *, digits: Digits | None = None) -> None:
        from babel import Locale, UnknownLocaleError  # noqa: PLC0415

        try:
            self.locale: Locale = Locale.parse(locale.replace("-", "_"))
        except (ValueError, TypeError, UnknownLocaleError):
            if _LOCALE_CODE.match(locale) is None:  # "french", not a code babel does not know
                raise ResultsFrameworkError(unknown_locale(locale)) from None
            self.locale = Locale.parse("en")
        self.language: str = self.locale.language
        self.digits = digits
        self.rtl: bool = self.language in RTL_LANGUAGES
        self._messages = _catalog(self.language) if self.language != "en" else {}
        self._int_patterns: dict[Digits | None, tuple[str, str, str] | None] = {}
        self._percent_patterns: dict[int, Any] = {}  # babel's NumberPattern per number of places
        self._percent_plain: dict[int, _PercentPlain | None] = {}  # and its signs, where plain

    @classmethod
    def of(cls, locale: str | Localizer) -> Localizer:
        """*locale* itself if it is a Localizer, else a Localizer for that locale name."""
        return locale if isinstance(locale, Localizer) else cls(locale)

    @property
    def tag(self) -> str:
        """The BCP 47 language tag (``fr``, ``ar-IQ``) for ``lang`` attributes."""
        return str(self.locale).replace("_", "-")

    def gettext(self, message: str) -> str:
        """The translation of a fixed label, or the English label if there is none."""
        return self._messages.get(message) or message

    def _numbering(self) -> str:
        return self.digits or "default"

    def number(self, value: int | Decimal) -> str:
        """A number with the locale's grouping and decimal signs: 600,000 / 600 000."""
        if type(value) is int and -_PROBED < value < _PROBED:  # the usual case: babel's text by a
            # pattern read from babel once (beyond 21 digits, babel itself, which fails at 25)
            patterns = self._int_patterns
            if self.digits not in patterns:
                patterns[self.digits] = _int_pattern(str(self.locale), self._numbering())
            plain = patterns[self.digits]
            if plain is not None:
                return self._digits(_grouped(value, plain))
        from babel.numbers import format_decimal  # noqa: PLC0415

        text = format_decimal(
            value, locale=self.locale, decimal_quantization=False, numbering_system=self._numbering()
        )
        return self._digits(str(text))

    def percent(self, fraction: Decimal, places: int = 1) -> str:
        """
        A fraction as a percentage rounded for display, as the locale writes it:
        ``Decimal('0.3333')`` → 33.3%, 33,3 % (a narrow no-break space in French), ٣٣٫٣٪ with
        Arabic-Indic digits.
        """
        pattern = self._percent_patterns.get(places)
        if pattern is None:  # read and parsed once per number of places, not once per percent
            from babel.numbers import parse_pattern  # noqa: PLC0415

            number = "#,##0" + ("." + "0" * places if places else "")
            text = str(self.locale.percent_formats[None].pattern).replace("#,##0", number, 1)
            text = text.replace("\u00a0", _NARROW)  # 84,0 % keeps its sign, and narrowly
            pattern = self._percent_patterns[places] = parse_pattern(text)
            self._percent_plain[places] = _percent_plain(pattern, self.locale, self._numbering(), places)
        plain = self._percent_plain[places]
        if plain is not None and type(fraction) is Decimal and fraction.is_finite():
            text = _plain_percent(fraction, plain)
        else:
            text = str(pattern.apply(fraction, self.locale, numbering_system=self._numbering()))
        text = self._digits(text)
        return text.replace("%", "\u066a") if self.digits == "arab" else text

    def colon(self, label: str) -> str:
        """*label* and a colon, as the language writes it: ``Outcome 1:``, ``Effet 1 :``."""
        return f"{label}{_NARROW}:" if self.language == "fr" else f"{label}:"

    def money(self, money: Money) -> str:
        """An amount with its currency: 600,000 USD."""
        return f"{self.number(money.amount)} {money.currency}"

    def date(self, value: datetime.date) -> str:
        """A date in full: 30 December 2021 (UN English), 30 décembre 2021."""
        from babel.dates import format_date  # noqa: PLC0415

        if self.language == "en":
            return str(format_date(value, "d MMMM y", locale=self.locale))
        text = str(format_date(value, "long", locale=self.locale))
        return self._digits(text)

    def year(self, year: int) -> str:
        """A year, never grouped (2021, not 2,021), in the locale's digits."""
        return self._digits(str(year))

    def month(self, value: datetime.date) -> str:
        """A month and year: December 2021, décembre 2021."""
        from babel.dates import format_date  # noqa: PLC0415

        return self._digits(str(format_date(value, "MMMM y", locale=self.locale)))

    def code(self, code: str) -> str:
        """
        A code of a result or a framework element as shown: in the locale's digits, so that
        ``1.1.1`` reads ``١.١.١`` beside Arabic-Indic figures; as written otherwise.
        """
        return self._digits(code)

    def _digits(self, text: str) -> str:
        if self.digits != "arab":
            return text
        return text.translate(_ARABIC_INDIC)

    def status(self, status: Status) -> str:
        """The label of a status: Exceeded, Non atteint, لم يتحقق."""
        return self.label(status)

    def label(self, member: enum.Enum) -> str:
        """
        The translated label of a member of Status, ActivityStatus, ContributionSource or
        OrganisationRole: "Not achieved", "Non atteint"; "Coordinating organization".
        """
        return self.gettext(LABELS[member])

    def dimension(self, dimension: str, label: str | None = None) -> str:
        """A dimension's label: a built-in one's translated (Sexe, الجنس), else *label* or the id."""
        known = DIMENSION_LABELS.get(dimension)
        if known is not None and label in (None, known):
            return self.gettext(known)
        return label or dimension.replace("_", " ")

    def category(self, dimension: str, category: str) -> str:
        """A category's label: a built-in one's translated (femmes, إناث), else as written."""
        known = CATEGORY_LABELS.get((dimension, category))
        return self.gettext(known) if known is not None else category.replace("_", " ")

    def period(self, period: Period) -> str:
        """
        A period as people write it: Q1 2025 (T1 2025), H1 2025, 2025, May 2025, week 3 of 2025,
        30 December 2021, May–December 2021, 1 May – 30 December 2021; never ``2025Q1``.
        """
        _ = self.gettext
        start, end = period.start, period.end
        kind = _PERIOD_KIND.match(period.id)
        year = self.year(start.year)
        if kind is not None and kind.group("quarter"):
            return _(N_("Q{quarter} {year}")).format(quarter=self._digits(kind.group("quarter")), year=year)
        if kind is not None and kind.group("half"):
            return _(N_("H{half} {year}")).format(half=self._digits(kind.group("half")), year=year)
        if kind is not None and kind.group("week"):
            return _(N_("week {week} of {year}")).format(
                week=self._digits(kind.group("week")), year=self.year(int(kind.group("week_year")))
            )
        if kind is not None and kind.group("year"):
            return year
        if kind is not None and kind.group("month"):
            return self.month(start)
        if start == end:
            return self.date(start)
        whole_months = start.day == 1 and (end + datetime.timedelta(days=1)).day == 1
        if whole_months:
            if start.year == end.year:
                from babel.dates import format_date  # noqa: PLC0415

                first = str(format_date(start, "MMMM", locale=self.locale))
                return f"{first}\u2013{self.month(end)}"
            return f"{self.month(start)} \u2013 {self.month(end)}"
        return f"{self.date(start)} \u2013 {self.date(end)}"

    @property
    def comma(self) -> str:
        """The comma between the parts of a phrase: ", ", in Arabic "، "."""
        return "\u060c " if self.language in ("ar", "fa", "ur", "ps") else ", "

    @property
    def semicolon(self) -> str:
        """The semicolon between the parts of a phrase: "; ", in French " ; ", in Arabic "؛ "."""
        if self.language == "fr":
            return f"{_NARROW}; "
        return "\u061b " if self.language in ("ar", "fa", "ur", "ps") else "; "

    def listing(self, items: Iterable[str]) -> str:
        """Items as a sentence lists them: "a, b and c" (UN English: no comma before "and"), "a, b et c"."""
        from babel.lists import format_list  # noqa: PLC0415

        shown = [item for item in items if item]
        locale = "en_GB" if self.language == "en" else self.locale
        return str(format_list(shown, locale=locale)) if shown else ""

    def score(self, mean: Decimal) -> str:
        """A mean score as tables write it, to one decimal: 4.2, 4,2, and 4.0, not 4."""
        from babel.numbers import format_decimal  # noqa: PLC0415

        text = format_decimal(mean, "#,##0.0", locale=self.locale, numbering_system=self._numbering())
        return self._digits(str(text))

    def qualified(self, text: str, qualifier: Qualifier | None) -> str:
        """A value already written (*text*) with its qualifier: "more than 1,600 persons"."""
        if qualifier is None:
            return text
        return self.gettext(QUALIFIED[qualifier]).format(value=text)

    def stated_percent(self, percent: Decimal) -> str:
        """
        A percent as stated, to the decimals it is stated to: 83.67%, 83,67 %, ٨٣٫٦٧٪ (a value
        rounded to one decimal elsewhere, a share of a stated whole keeps its own).
        """
        exponent = percent.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return self.percent(percent / 100, places)

    def share(self, percent: str, whole: str) -> str:
        """A percent of a stated whole, both already written: "83.67% of 7,309 families"."""
        return self.gettext(N_("{percent} of {whole}")).format(percent=percent, whole=whole)

    def part(self, part: str, whole: str, code: str) -> str:
        """
        A figure with the whole it is part of, both already written, and the whole's indicator:
        "1,148 persons of the 11,729 (indicator 1.2.1)".
        """
        text = self.gettext(N_("{part} of the {whole} (indicator {code})"))
        if self.rtl:  # the figures in their own direction, the sentence right to left
            return "\u200f" + text.format(part=isolate(part), whole=isolate(whole), code=self.code(code))
        return text.format(part=part, whole=whole, code=self.code(code))

    def two_units(self, first: str, second: str) -> str:
        """One figure in two units, both already written: "5,168 households (25,521 individuals)"."""
        return f"{first} ({second})"

    def yes_no(self, value: bool) -> str:
        """Yes or No, translated: Oui, نعم."""
        return self.gettext(N_("Yes")) if value else self.gettext(N_("No"))

    def value(
        self, value: Value | None, *, percentage: bool = False, qualifier: Qualifier | None = None
    ) -> str:
        """
        A baseline, target or achieved value as shown in a table.

        Yes/no as Yes or No; a ratio as 31/60 (51.7%); a percentage known only as a
        percent with its sign; nothing as an en dash.  A *qualifier* is written as reports
        write it: "more than 1,600", "plus de 1 600", "أكثر من 1,600".
        """
        if value is None:
            return "–"
        if qualifier is not None:
            return self.qualified(self.value(value, percentage=percentage), qualifier)
        if isinstance(value, bool):
            return self.yes_no(value)
        if isinstance(value, Ratio):
            head = f"{self.number(value.numerator)}/{self.number(value.denominator)}"
            pct = value.percent
            return head if pct is None else f"{head} ({self.percent(pct / 100)})"
        if isinstance(value, str):
            return value
        if percentage:
            return self.percent(Decimal(value) / 100)
        return self.number(value)

    def answer(self, option: ScaleOption) -> str:
        """An answer of a scale as a phrase writes it: "strongly agree", « tout à fait d'accord »."""
        if option.label is None:
            known = ANSWER_LABELS.get(option.id)
            return self.gettext(known) if known is not None else option.id.replace("_", " ")
        label = option.label
        return label[:1].lower() + label[1:] if label[1:2].islower() else label

    def responses(self, answers: Responses, *, short: bool = False) -> str:
        """
        An ordinal indicator's answers in words: "85.7% agree or strongly agree (12 of 14
        respondents; mean 4.2 of 5)", the mean first when the scale measures by it; "14 of 16
        answered (87.5%)" after it when those asked are known.  *short*: the figure alone
        ("85.7% agree or strongly agree", "Mean 4.2 of 5"), as a chart shows it.
        """
        from babel.lists import format_list  # noqa: PLC0415

        _ = self.gettext
        if not answers.respondents:
            return _(N_("no respondents"))
        top = [self.answer(o) for o in answers.scale.options if o.id in answers.top]
        locale = "en_GB" if self.language == "en" else self.locale
        share = answers.share
        box = _(N_("{share} {answers}")).format(
            share=self.percent(Decimal(share.numerator) / Decimal(share.denominator)),
            answers=str(format_list(top, style="or", locale=locale)) if top else "",
        )
        counted = _(N_("{part} of {whole} respondents")).format(
            part=self.number(share.numerator), whole=self.number(share.denominator)
        )
        mean, highest = answers.mean, answers.highest_score
        scored = (
            _(N_("mean {mean} of {highest}")).format(mean=self.score(mean), highest=self.number(highest))
            if mean is not None and highest is not None
            else None
        )
        if answers.scale.measured_by is ScaleSummary.MEAN and scored is not None:
            head, details = scored[:1].upper() + scored[1:], [box, counted]
        else:
            head, details = box, [counted, *([scored] if scored else [])]
        if short:
            return head
        text = _(N_("{figure} ({details})")).format(figure=head, details=self.semicolon.join(details))
        answered = self.answered(answers.response_rate)
        return f"{text}{self.semicolon}{answered}" if answered else text

    def answered(self, rate: Ratio | None) -> str:
        """How many answered of those asked: "14 of 16 answered (87.5%)"; nothing when not known."""
        if rate is None or not rate.denominator:
            return ""
        return self.gettext(N_("{part} of {whole} answered ({rate})")).format(
            part=self.number(rate.numerator),
            whole=self.number(rate.denominator),
            rate=self.percent(Decimal(rate.numerator) / Decimal(rate.denominator)),
        )

"""
IATI 2.03: a programme's results as an ``iati-activities`` document.

Written with the standard library; validating against the official schema, IATI's Standard
Ruleset and its codelists (shipped in ``resultsframework/data/iati-2.03``, evaluated by
:mod:`.iati_rules`) needs lxml (the ``iati`` extra).

The exporter writes what IATI's rules accept, or refuses, naming the rule and the fix: what
IATI requires and the programme does not state (a sector, a recipient country, an identifier, a
start date, the reporting organisation's identifier) is never invented.  Values are given for
quantitative measures only when they are numbers, and left out for qualitative ones;
references are given at indicator level only; the activity's dates and status follow the
date the document is generated (an actual start only once started, an actual end only once
ended); elements follow the schema's order.

What IATI cannot carry is left out, or said in words in a description, as documented in
``docs/interop.md``.
"""

from __future__ import annotations

import functools
import mimetypes
import re
import unicodedata
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime, timezone
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from ..assessment.progress import aggregate, combine_qualifiers, combined_records
from ..core.diagnostics import Diagnostic, Severity
from ..core.errors import ResultsFrameworkError, format_path, shorten
from ..core.extras import require
from ..core.model import (
    Accumulation,
    Achieved,
    Baseline,
    Breakdown,
    Direction,
    Impact,
    Indicator,
    Location,
    Measure,
    NodeKind,
    Organisation,
    OrganisationRole,
    Outcome,
    Output,
    Programme,
    Qualifier,
    Ratio,
    Result,
    Sector,
    Target,
    Value,
)
from ..core.ordinal import responses
from ..core.periods import Period
from ..text.escape import xml_safe
from ..text.l10n import Localizer
from ..text.values import plain
from .iati_rules import XML_NS, check_codelists, check_identifiers, check_rules, codelist, xpath_path

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["LOSSES", "country_code", "file_format", "iati_losses", "region_code", "to_iati", "validate_iati"]

ROLE_CODES = {
    OrganisationRole.DONOR: "1",
    OrganisationRole.LEAD: "2",
    OrganisationRole.GOVERNMENT_COUNTERPART: "3",
    OrganisationRole.PARTICIPATING: "4",
    OrganisationRole.IMPLEMENTING_PARTNER: "4",
}
"""IATI OrganisationRole: 1 funding, 2 accountable, 3 extending, 4 implementing."""

MEASURE_CODES = {
    Measure.COUNT: "1",
    Measure.NUMBER: "1",
    Measure.MONEY: "1",
    Measure.PERCENTAGE: "2",
    Measure.YES_NO: "5",
    Measure.QUALITATIVE: "5",
    Measure.ORDINAL: "4",
}
"""IATI IndicatorMeasure: 1 unit, 2 percentage, 4 ordinal, 5 qualitative."""

QUALITATIVE = "5"
SUMMABLE = frozenset({Measure.COUNT, Measure.NUMBER, Measure.MONEY})
RESULT_TYPES: dict[NodeKind, str] = {"impact": "3", "outcome": "2", "output": "1"}
"""IATI ResultType of the results with indicators: 3 impact, 2 outcome, 1 output."""
SDG_INDICATOR = re.compile(r"^\d+\.[0-9a-z]+\.\d+$")
URL = re.compile(r"^https?://\S+$")
OTHER_SDG_INDICATORS = "Other SDG indicators: "
"""How an indicator's description names its SDG indicators after the first, its reference of
vocabulary 9 (IATI takes each vocabulary once per indicator)."""

STATUS_CODES = {"pipeline": "1", "implementation": "2", "finalisation": "3", "closed": "4"}
"""IATI ActivityStatus: 1 pipeline/identification, 2 implementation, 3 finalisation, 4 closed."""

COUNTRY_ALIASES = {
    "uk": "GB",
    "great britain": "GB",
    "britain": "GB",
    "usa": "US",
    "united states": "US",
    "turkey": "TR",
    "turkiye": "TR",
    "palestine": "PS",
    "occupied palestinian territory": "PS",
    "occupied palestinian territories": "PS",
    "opt": "PS",
    "drc": "CD",
    "dr congo": "CD",
    "congo-kinshasa": "CD",
    "congo-brazzaville": "CG",
    "ivory coast": "CI",
    "burma": "MM",
    "swaziland": "SZ",
    "macedonia": "MK",
    "czech republic": "CZ",
    "holy see": "VA",
}
"""Country names people write that neither IATI's Country codelist nor CLDR (babel) spells so."""


def _narrative(parent: ET.Element, tag: str, text: str | None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    ET.SubElement(element, "narrative").text = text or ""
    return element


def _iati_number(value: int | Decimal) -> str:
    """
    A number as IATI's ``@value`` takes it: written plain, without trailing zeros.

    :func:`~resultsframework.text.values.plain` writes a number as precise as it is stated
    (``12.50``); IATI's values are given without the zeros (``12.5``, ``100``).
    """
    text = plain(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _key(name: str) -> str:
    """A country's name compared: case, accents, apostrophes, "the" and spacing aside."""
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"\(the\)", "", text)
    text = " ".join(text.replace(".", "").split())
    return text.removeprefix("the ")


def _variants(name: str) -> Iterator[str]:
    """IATI's spelling and its usual reorderings: "Palestine, State of" is "State of Palestine"."""
    yield name
    turned = re.fullmatch(r"(.+?) \((?:the )?(.+)\)", name) or re.fullmatch(r"(.+?), (.+)", name)
    if turned:
        yield f"{turned[2]} {turned[1]}"


@functools.cache
def _countries() -> dict[str, str]:
    from babel import Locale  # noqa: PLC0415

    countries = codelist("Country")
    current = countries.codes - countries.withdrawn
    names: dict[str, set[str]] = {}
    for code, name in countries.names.items():
        if code in current:
            for variant in _variants(name):
                names.setdefault(_key(variant), set()).add(code)
    for code, territory in Locale.parse("en").territories.items():
        if code in current:
            names.setdefault(_key(territory), set()).add(code)
    found = {key: codes.pop() for key, codes in names.items() if len(codes) == 1}
    found.update(COUNTRY_ALIASES)
    found.update({code.casefold(): code for code in current})
    return found


def country_code(name: str | None) -> str | None:
    """
    The ISO 3166-1 code IATI's Country codelist has for a country named or coded *name*.

    ``"Iraq"``, ``"IQ"`` and ``"iraq"`` are ``IQ``; ``"UK"`` is ``GB``; ``"Turkey"`` and
    ``"Türkiye"`` are ``TR``; ``"Palestine"`` is ``PS``.  ``None`` for what is no country of
    the codelist: ``"European Union"``, a region, several countries, a withdrawn code.
    """
    if not name or not name.strip():
        return None
    return _countries().get(_key(name.strip()))


@functools.cache
def _regions() -> dict[str, str]:
    regions = codelist("Region")
    names: dict[str, set[str]] = {}
    for code, name in regions.names.items():
        if code not in regions.withdrawn:
            for variant in (name, name.removesuffix(", regional")):
                names.setdefault(_key(variant), set()).add(code)
    return {key: codes.pop() for key, codes in names.items() if len(codes) == 1}


def region_code(name: str | None) -> str | None:
    """The code of IATI's Region codelist (OECD DAC regions) for a region named *name* (Middle East: 589)."""
    if not name or not name.strip():
        return None
    return _regions().get(_key(name.strip()))


class _Problems:
    """What keeps the programmes from being written as IATI, each with the rule it breaks."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, programme: Programme, index: int, rule: str, message: str) -> None:
        self.lines.append(f"programme {index + 1} ({shorten(programme.title)!r}): rule {rule}: {message}")

    def raise_any(self) -> None:
        if self.lines:
            count = len(self.lines)
            head = f"cannot write IATI 2.03: {count} problem{'s' if count != 1 else ''}"
            raise ResultsFrameworkError("\n".join([head, *self.lines]))


def to_iati(
    programmes: Programme | Iterable[Programme],
    *,
    reporting_org: str | None = None,
    reporting_org_type: str = "40",
    generated: datetime | None = None,
    language: str = "en",
    default_sector: str | None = None,
    code_in_titles: bool = True,
    indicator_uri: str | None = None,
) -> bytes:
    """
    The programmes' results as an IATI 2.03 ``iati-activities`` document (UTF-8 bytes).

    Args:
        programmes: One programme or several (one ``iati-activity`` each).
        reporting_org: The reporting organisation's IATI organisation identifier (IOM is
            ``XM-DAC-47066``); by default the lead organisation's ``identifier``.
        reporting_org_type: Its IATI OrganisationType code (``40`` multilateral).
        generated: The ``generated-datetime`` (default: now, in UTC); the activity's dates and
            status are as of its date.
        language: The document's default language (``xml:lang``, ISO 639-1) for programmes
            that state none in ``language``.
        default_sector: The OECD DAC 5-digit sector (``"15190"``, migration, fits most IOM
            programmes) of programmes that state no ``sectors``; without it, such a programme is
            refused, as IATI requires a sector (rule 6.2.2) and none is invented.
        code_in_titles: Titles of results and indicators as ``1.1: statement``, the code first
            (the default); with ``False``, the statement alone, as most publishers write them
            (an indicator's code stays its reference of vocabulary 99; a result's is then lost).
        indicator_uri: Where the reporting organisation's indicator codes are defined (the
            published results framework), as the ``indicator-uri`` of each indicator's reference
            of vocabulary 99: one web address for all, or one with ``{code}``, replaced by each
            indicator's code (``https://example.org/framework#{code}``).  IATI strongly
            recommends it; none is invented.

    The activity identifier is the programme's ``iati`` identifier if it has one, else the
    reporting organisation's identifier and the MPTF project reference (or programme number).

    Raises:
        ResultsFrameworkError: if what IATI requires cannot be written: each problem on a line,
            with the IATI rule and what to add (a sector, a recipient country, an identifier, a
            start date, a reporting organisation identifier; dates in order).

    .. versionadded:: 0.1.0
    """
    portfolio = [programmes] if isinstance(programmes, Programme) else list(programmes)
    if indicator_uri is not None and not URL.match(_uri(indicator_uri, "1.1")):
        raise ResultsFrameworkError(
            f"cannot write IATI 2.03: indicator_uri {indicator_uri!r} is no web address "
            "(https://..., with {code} for each indicator's code)"
        )
    when = (generated or datetime.now(timezone.utc)).replace(microsecond=0)  # noqa: UP017
    options = _Options(
        reporting_org=reporting_org.strip() if reporting_org else None,
        reporting_org_type=reporting_org_type,
        today=(when.astimezone(timezone.utc) if when.tzinfo else when).date(),  # noqa: UP017
        language=language,
        default_sector=default_sector,
        code_in_titles=code_in_titles,
        indicator_uri=indicator_uri,
    )
    problems = _Problems()
    plans = [_plan(programme, index, options, problems) for index, programme in enumerate(portfolio)]
    seen: dict[str, int] = {}
    for index, (programme, plan) in enumerate(zip(portfolio, plans, strict=True)):
        if plan is None:
            continue
        if plan.identifier in seen:
            problems.add(
                programme,
                index,
                "1.1.2",
                f"its activity identifier {plan.identifier!r} is programme {seen[plan.identifier] + 1}'s "
                "too; give each programme its own identifier (an 'iati', 'mptf_project' or "
                "'programme_number' one)",
            )
        seen.setdefault(plan.identifier, index)
    problems.raise_any()
    root = ET.Element("iati-activities", {"version": "2.03", "generated-datetime": when.isoformat()})
    for programme, plan in zip(portfolio, plans, strict=True):
        assert plan is not None
        _activity(root, programme, plan, options)
    _xml_safe(root)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


@attrs.frozen
class _Options:
    """The export's options, as every activity is written with them."""

    reporting_org: str | None
    reporting_org_type: str
    today: date
    language: str
    default_sector: str | None
    code_in_titles: bool
    indicator_uri: str | None = None


def _uri(template: str, code: str) -> str:
    """The ``indicator-uri`` of the indicator *code*: *template* with ``{code}`` replaced (URL-quoted)."""
    return template.replace("{code}", urllib.parse.quote(code, safe=""))


@attrs.frozen
class _Plan:
    """What the activity of one programme states, checked against IATI's rules before writing."""

    identifier: str
    org_ref: str
    org_name: str
    language: str
    sectors: tuple[Sector, ...]
    recipient: tuple[str, str]
    currency: str | None


def _plan(programme: Programme, index: int, options: _Options, problems: _Problems) -> _Plan | None:
    before = len(problems.lines)

    def refuse(rule: str, message: str) -> None:
        problems.add(programme, index, rule, message)

    if not programme.title.strip():
        refuse("4.3.1", "it has no title; IATI requires one")
    lead = _lead(programme)
    org_ref = options.reporting_org or ((lead.identifier or "").strip() if lead else "")
    if not org_ref:
        whose = (
            f"the lead organisation {lead.id!r} has no 'identifier'" if lead else "it has no organisations"
        )
        refuse(
            "1.14.8",
            f"the reporting organisation's identifier is not known: {whose}; give it its "
            "organisation identifier (org-id.guide: XM-DAC-47066 for IOM) or pass reporting_org=",
        )
    number = programme.identifier("mptf_project") or programme.identifier("programme_number")
    own = (programme.identifier("iati") or "").strip()
    identifier = own or (f"{org_ref}-{number.strip()}" if number and number.strip() else "")
    if not identifier:
        refuse(
            "1.1.2",
            "it has no identifier to make its IATI activity identifier of: add an 'iati', "
            "'mptf_project' or 'programme_number' identifier",
        )
    elif identifier == org_ref:
        refuse("1.1.3", f"its activity identifier {identifier!r} is the reporting organisation's identifier")
    language = (programme.language or options.language or "").strip()
    if language.casefold() in codelist("Language").codes:
        language = language.casefold()
    else:
        refuse(
            "4.1.1",
            f"its language {language!r} is not an ISO 639-1 code of IATI's Language codelist (en, fr, ar)",
        )
    sectors = programme.sectors or ((Sector(options.default_sector),) if options.default_sector else ())
    if not sectors:
        refuse(
            "6.2.2",
            "it has no sectors, and IATI requires one: add 'sectors' ({code: '15190'} is the DAC sector of "
            "migration) or pass default_sector=",
        )
    for rule, message in _sector_problems(sectors):
        refuse(rule, message)
    country = country_code(programme.country)
    region = None if country else region_code(programme.country)
    recipient = (
        ("recipient-country", country) if country else ("recipient-region", region) if region else None
    )
    if recipient is None:
        found = (
            f"its country {programme.country!r} is" if programme.country else "it states no country, which is"
        )
        refuse(
            "3.7.1",
            f"{found} no country of IATI's Country codelist (ISO 3166-1) nor a region of its Region "
            "codelist, and IATI requires a recipient country or region: write one country's name or "
            "code (Iraq, IQ) or a region's name (Middle East)",
        )
    for rule, message in _date_problems(programme):
        refuse(rule, message)
    for node in programme.walk(*RESULT_TYPES, "indicator"):
        item = node.item
        written = isinstance(item, Indicator) or (
            isinstance(item, Impact | Outcome | Output) and item.indicators
        )
        if (
            isinstance(item, Impact | Outcome | Output | Indicator)
            and written
            and not _title(item.code, item.statement, options).strip()
        ):
            where = format_path(node.path)
            refuse("4.3.1", f"{where} has neither a statement nor a code, and IATI requires a title")
    currency = _currency(programme)
    if currency is not None and currency not in codelist("Currency").codes:
        refuse(
            "9.3.1", f"its budget's currency {currency!r} is not an ISO 4217 code of IATI's Currency codelist"
        )
    if len(problems.lines) > before:
        return None
    assert recipient is not None
    name = next(
        (o.name or o.id for o in programme.organisations if (o.identifier or "").strip() == org_ref), None
    )
    if name is None:
        name = (lead.name or lead.id) if lead is not None else org_ref
    return _Plan(identifier, org_ref, name, language, sectors, recipient, currency)


_SECTOR_LISTS = {"1": "Sector", "2": "SectorCategory", "7": "UNSDG-Goals", "8": "UNSDG-Targets"}


def _sector_problems(sectors: tuple[Sector, ...]) -> Iterator[tuple[str, str]]:
    vocabularies: dict[str, list[Sector]] = {}
    for sector in sectors:
        vocabularies.setdefault(sector.vocabulary, []).append(sector)
        if sector.vocabulary not in codelist("SectorVocabulary").codes:
            yield (
                "9.78.1",
                f"sector vocabulary {sector.vocabulary!r} is not one of IATI's SectorVocabulary codelist",
            )
        listed = _SECTOR_LISTS.get(sector.vocabulary)
        if listed is not None and sector.code not in codelist(listed).codes:
            yield (
                "9.76.1",
                f"sector {sector.code!r} is not a code of IATI's {listed} codelist "
                f"(vocabulary {sector.vocabulary})",
            )
        if sector.vocabulary in ("98", "99") and not (sector.name or "").strip():
            yield "2.2.1", f"sector {sector.code!r} of the organisation's own vocabulary needs its name"
        if sector.percentage is not None and not 0 <= sector.percentage <= 100:
            yield "12.3.1", f"sector {sector.code!r}'s percentage {sector.percentage} is not from 0 to 100"
    for vocabulary, group in vocabularies.items():
        shares = [s.percentage for s in group]
        given = [share for share in shares if share is not None]
        if len(group) > 1 and len(given) < len(group):
            yield "2.1.1", f"vocabulary {vocabulary!r} has several sectors; give each one's percentage"
        elif len(group) > 1 and sum(given) != 100:
            total = sum(given)
            yield (
                "2.1.2",
                f"the percentages of vocabulary {vocabulary!r}'s sectors add up to {total}, not 100",
            )
        elif len(group) == 1 and shares[0] not in (None, 100):
            share = shares[0]
            yield (
                "2.1.4",
                f"the one sector of vocabulary {vocabulary!r} is {share}%: leave its percentage out, or 100",
            )


def _date_problems(programme: Programme) -> Iterator[tuple[str, str]]:
    dates = programme.dates
    if dates is None or dates.start is None:
        yield "6.11.1", "it has no start date (dates.start), and IATI requires a planned or actual start"
        return
    for name, end in (("original_end", dates.original_end), ("actual_end", dates.actual_end)):
        if end is not None and end < dates.start:
            rule = "11.1.2" if name == "original_end" else "11.1.3"
            yield rule, f"dates.{name} {end} is before dates.start {dates.start}; correct the dates"


def _xml_safe(root: ET.Element) -> None:
    """
    Every text and attribute of the document as XML 1.0 can hold it (:func:`xml_safe`).

    The user's texts go into narratives, identifiers, references, dimensions and currencies: done
    once here, on the whole tree, none is missed (ElementTree would write a control character
    as it is, and no XML reader would read the file).
    """
    for element in root.iter():
        if element.text:
            element.text = xml_safe(element.text)
        for name, value in list(element.attrib.items()):
            element.set(name, xml_safe(value))


def _lead(programme: Programme) -> Organisation | None:
    leads = [o for o in programme.organisations if o.role is OrganisationRole.LEAD]
    return leads[0] if leads else (programme.organisations[0] if programme.organisations else None)


def _activity(root: ET.Element, programme: Programme, plan: _Plan, options: _Options) -> None:
    attributes = {f"{{{XML_NS}}}lang": plan.language}
    if plan.currency:
        attributes["default-currency"] = plan.currency
    activity = ET.SubElement(root, "iati-activity", attributes)
    ET.SubElement(activity, "iati-identifier").text = plan.identifier
    reporting = ET.SubElement(
        activity, "reporting-org", {"ref": plan.org_ref, "type": options.reporting_org_type}
    )
    ET.SubElement(reporting, "narrative").text = plan.org_name
    _narrative(activity, "title", programme.title)
    summary = next(
        (
            t
            for t in (programme.narrative.get("executive_summary"), programme.narrative.get("purpose"))
            if t and t.strip()
        ),
        None,
    )
    _narrative(activity, "description", summary or programme.title).set("type", "1")
    for organisation in programme.organisations:
        org = ET.SubElement(activity, "participating-org", {"role": ROLE_CODES[organisation.role]})
        if organisation.identifier and organisation.identifier.strip():
            org.set("ref", organisation.identifier.strip())
        ET.SubElement(org, "narrative").text = organisation.name or organisation.id
    if not programme.organisations:  # IATI requires one: the reporting organisation, accountable
        org = ET.SubElement(activity, "participating-org", {"role": "2", "ref": plan.org_ref})
        ET.SubElement(org, "narrative").text = plan.org_name
    ET.SubElement(activity, "activity-status", {"code": _status(programme, options.today)})
    for kind, day in _activity_dates(programme, options.today):
        ET.SubElement(activity, "activity-date", {"type": kind, "iso-date": day.isoformat()})
    tag, code = plan.recipient
    place = {"code": code, "vocabulary": "1"} if tag == "recipient-region" else {"code": code}
    ET.SubElement(activity, tag, {**place, "percentage": "100"})
    written: set[str] = set()
    for locality in programme.localities:
        ref = _place_ref(locality)
        if ref and ref not in written:
            written.add(ref)
            location = ET.SubElement(activity, "location", {"ref": ref})
            if locality.name.strip():
                _narrative(location, "name", locality.name)
    for sector in plan.sectors:
        element = ET.SubElement(activity, "sector", {"vocabulary": sector.vocabulary, "code": sector.code})
        if sector.percentage is not None:
            element.set("percentage", _iati_number(sector.percentage))
        if sector.name:
            ET.SubElement(element, "narrative").text = sector.name
    for vocabulary, code in _sdg_tags(programme):
        ET.SubElement(activity, "tag", {"vocabulary": vocabulary, "code": code})
    for node in programme.walk(*RESULT_TYPES):
        if isinstance(node.item, Impact | Outcome | Output) and node.item.indicators:
            _result(activity, RESULT_TYPES[node.kind], node.item, programme, options)


def _place_ref(locality: Location) -> str:
    """The ``ref`` of a locality's ``location``: its OCHA p-code, else its name."""
    return (locality.pcode or locality.name).strip()


def _places(programme: Programme) -> dict[str, str]:
    """Each locality's ``ref``, by what a breakdown's ``location`` category names it: its name or p-code."""
    places: dict[str, str] = {}
    for locality in programme.localities:
        for key in (locality.name, locality.pcode):
            if key and key.strip():
                places.setdefault(key.strip(), _place_ref(locality))
    return places


def _activity_dates(programme: Programme, today: date) -> list[tuple[str, date]]:
    """
    IATI's activity dates as of *today*: 1 planned start, 2 actual start, 3 planned end, 4 actual end.

    The actual start only once the programme has started; the actual end only once it has
    ended (an actual end still to come is the planned end that now holds).
    """
    dates = programme.dates
    assert dates is not None
    assert dates.start is not None
    written = [("1", dates.start)]
    if dates.start <= today:
        written.append(("2", dates.start))
    if dates.actual_end is not None and dates.actual_end <= today:
        if dates.original_end is not None:
            written.append(("3", dates.original_end))
        written.append(("4", dates.actual_end))
    elif dates.end is not None:
        written.append(("3", dates.end))
    return written


def _status(programme: Programme, today: date) -> str:
    """IATI's activity status as of *today*: pipeline, implementation, finalisation or closed."""
    dates = programme.dates
    assert dates is not None
    assert dates.start is not None
    if dates.start > today:
        return STATUS_CODES["pipeline"]
    if dates.operationally_closed:
        return STATUS_CODES["closed"]
    if dates.end is not None and dates.end < today:
        return STATUS_CODES["finalisation"]
    return STATUS_CODES["implementation"]


def _sdg_tags(programme: Programme) -> list[tuple[str, str]]:
    """The SDG goals (vocabulary 2) and targets (3) the programme or any of its elements links to."""
    links = [*programme.links, *(link for node in programme.walk() for link in node.item.links)]
    goals, targets = codelist("UNSDG-Goals").codes, codelist("UNSDG-Targets").codes
    tags: dict[tuple[str, str], None] = {}
    for link in links:
        if link.framework != "sdg":
            continue
        if link.code in goals:
            tags[("2", link.code)] = None
        elif link.code in targets:
            tags[("3", link.code)] = None
    return sorted(
        tags, key=lambda tag: (tag[0], [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", tag[1])])
    )


def _currency(programme: Programme) -> str | None:
    """The budget's currency, else the contributions' if they agree; none is invented."""
    budget = programme.budget
    if budget is None:
        return None
    if budget.total_approved is not None:
        return budget.total_approved.currency
    currencies = {c.amount.currency for c in budget.contributions}
    return currencies.pop() if len(currencies) == 1 else None


def _title(code: str | None, statement: str, options: _Options) -> str:
    """A result's or indicator's title: its statement (after its code, as an option), else its code."""
    if not statement.strip():
        return code or ""
    return f"{code}: {statement}" if code and options.code_in_titles else statement


def _result(activity: ET.Element, kind: str, result: Result, programme: Programme, options: _Options) -> None:
    summable = all(i.measure in SUMMABLE for i in result.indicators)
    element = ET.SubElement(
        activity, "result", {"type": kind, "aggregation-status": "1" if summable else "0"}
    )
    _narrative(element, "title", _title(result.code, result.statement, options))
    if result.narrative and result.narrative.strip():
        _narrative(element, "description", result.narrative)
    for indicator in result.indicators:
        _indicator(element, indicator, programme, options)


@attrs.frozen
class _Figure:
    """A target or actual to write: its value, comment, dimensions and document links."""

    value: str | None
    comment: str | None
    dimensions: tuple[tuple[str, str], ...] = ()
    documents: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    """The ``ref`` of the activity's ``location`` a breakdown cell is for."""


def _indicator(result: ET.Element, indicator: Indicator, programme: Programme, options: _Options) -> None:
    measure = MEASURE_CODES[indicator.measure]
    notes: list[str] = []
    baseline = _baseline(indicator, measure, notes)
    periods = _periods(indicator, programme, measure, notes)
    ascending = "0" if indicator.direction is Direction.DECREASE else "1"
    summable = "1" if indicator.measure in SUMMABLE else "0"
    element = ET.SubElement(
        result, "indicator", {"measure": measure, "ascending": ascending, "aggregation-status": summable}
    )
    _narrative(element, "title", _title(indicator.code, indicator.statement, options))
    parts = []
    if indicator.unit:
        parts.append(f"Unit: {indicator.unit}")
    if indicator.means_of_verification:
        parts.append(f"Means of verification: {indicator.means_of_verification}")
    if indicator.direction is Direction.MAINTAIN:
        parts.append("Direction: maintain (success is keeping the level, neither above nor below)")
    sdg = _sdg_indicators(indicator)
    if len(sdg) > 1:  # IATI takes each vocabulary once per indicator: the first is the reference
        parts.append(f"{OTHER_SDG_INDICATORS}{', '.join(sdg[1:])}")
    lines = ["; ".join(parts)] if parts else []
    if lines or notes:
        _narrative(element, "description", "\n".join([*lines, *notes]))
    if sdg:
        ET.SubElement(element, "reference", {"vocabulary": "9", "code": sdg[0]})
    own = {"vocabulary": "99", "code": indicator.code}
    if options.indicator_uri is not None:
        own["indicator-uri"] = _uri(options.indicator_uri, indicator.code)
    ET.SubElement(element, "reference", own)
    if baseline is not None:
        node = ET.SubElement(element, "baseline", baseline[0])
        if baseline[1]:
            _narrative(node, "comment", baseline[1])
    for period, targets, actuals in periods:
        node = ET.SubElement(element, "period")
        ET.SubElement(node, "period-start", {"iso-date": period.start.isoformat()})
        ET.SubElement(node, "period-end", {"iso-date": period.end.isoformat()})
        for figure in targets:
            _figure(node, "target", figure)
        for figure in actuals:
            _figure(node, "actual", figure)


def _sdg_indicators(indicator: Indicator) -> list[str]:
    """The SDG indicators (``10.7.2``) the indicator links to, each once, in order."""
    codes = (link.code for link in indicator.links if link.framework == "sdg")
    return list(dict.fromkeys(code for code in codes if SDG_INDICATOR.match(code)))


def _baseline(
    indicator: Indicator, measure: str, notes: list[str]
) -> tuple[dict[str, str], str | None] | None:
    """The baseline's attributes and comment, when IATI can hold it: its year known, a number if measured."""
    baseline = indicator.baseline
    if baseline is None:
        return None
    year = baseline.year if baseline.year is not None and 1 <= baseline.year <= 9999 else None
    if year is None and baseline.date is not None:
        year = baseline.date.year
    value = _value(baseline.value, measure)
    comment = baseline.text or _comment_value(baseline.value)
    if year is not None and (measure == QUALITATIVE or value is not None):
        attributes = {"year": str(year)}
        if baseline.date is not None:
            attributes["iso-date"] = baseline.date.isoformat()
        if value is not None:
            attributes["value"] = value
        return attributes, comment
    stated = value if value is not None and comment is None else comment or value
    if stated:
        notes.append(f"Baseline: {stated} ({year if year is not None else 'year not stated'})")
    return None


_Period = tuple[Period, list[_Figure], list[_Figure]]


def _periods(indicator: Indicator, programme: Programme, measure: str, notes: list[str]) -> list[_Period]:
    """
    The indicator's periods with their targets and actuals, as IATI can hold them.

    A period per value's and milestone's period (inverted ones left out).  The end-of-programme
    target goes to the period that covers the programme: one of the values' or else a period
    of its own, beside the milestones' earlier periods (a reader tells it by its period).  What
    IATI cannot hold (no number for a quantitative measure; a milestone without a period; an
    end target whose period a milestone has, or of a programme without dates) is said in
    *notes*, for the indicator's description.
    """
    periods = sorted(
        {r.period for r in indicator.achieved if not r.period.is_inverted}
        | {m.period for m in indicator.milestones if m.period is not None and not m.period.is_inverted}
    )
    targets: dict[Period, Target] = {}
    for milestone in indicator.milestones:
        if milestone.period is None:
            _note_target(notes, "Milestone (no period)", milestone, measure)
        elif milestone.period in targets:
            _note_target(notes, f"Milestone {_label(milestone.period)}", milestone, measure)
        else:
            targets[milestone.period] = milestone
    overall = indicator.target
    duration = programme.dates.duration if programme.dates is not None else None
    if overall is not None:
        covering = None
        if duration is not None and not duration.is_inverted:
            covering = next((p for p in periods if p.start <= duration.start and p.end >= duration.end), None)
            if covering is None:
                covering = duration
                periods = sorted({*periods, duration})
        if covering is not None and covering not in targets:
            targets[covering] = overall
        else:
            _note_target(notes, "Target (end of programme)", overall, measure)
    places = _places(programme)
    written: list[_Period] = []
    for period in periods:
        target_figures = _target_figures(targets.get(period), measure, period, notes, places)
        actual_figures = _actual_figures(
            indicator, [r for r in indicator.achieved if r.period == period], measure, notes, places
        )
        written.append((period, target_figures, actual_figures))
    return written


def _label(period: Period) -> str:
    return f"{period.start.isoformat()} to {period.end.isoformat()}"


def _note_target(notes: list[str], what: str, target: Target, measure: str) -> None:
    stated = target.text or _comment_value(target.value) or _value(target.value, measure)
    if stated:
        notes.append(f"{what}: {stated}")


def _target_figures(
    target: Target | None, measure: str, period: Period, notes: list[str], places: dict[str, str]
) -> list[_Figure]:
    if target is None or target.value is None:
        if target is not None and target.text:
            notes.append(f"Target {_label(period)}: {target.text}")
        return []
    value = _value(target.value, measure)
    if measure != QUALITATIVE and value is None:
        _note_target(notes, f"Target {_label(period)}", target, measure)
        return []
    said = (target.text, _comment_value(target.value), _as_stated(target.value, target.qualifier))
    comment = "\n".join(p for p in said if p) or None
    return [_Figure(value, comment), *_cells(target.breakdowns, measure, places)]


def _as_stated(value: Value | None, qualifier: Qualifier | None) -> str | None:
    """A qualified figure as the report states it, which IATI's value cannot: "Stated as more than 1,600"."""
    if qualifier is None or value is None or isinstance(value, bool | str):
        return None
    english = Localizer("en")
    return f"{STATED_AS}{english.qualified(english.value(value), qualifier)}"


STATED_AS = "Stated as "
"""How a comment line says a qualified figure as the report states it; :func:`from_iati` reads it."""


def _cells(breakdowns: tuple[Breakdown, ...], measure: str, places: dict[str, str]) -> list[_Figure]:
    """
    A figure per breakdown cell with a number (qualitative measures have none).

    A cell of a ``location`` that is one of the programme's localities (by name or p-code) also
    names the activity's ``location`` by its ``ref``.
    """
    if measure == QUALITATIVE:
        return []
    figures = []
    for breakdown in breakdowns:
        for cell in breakdown.cells:
            value = _value(cell.value, measure)
            if value is not None:
                place = places.get(cell.category("location") or "")
                figures.append(
                    _Figure(
                        value,
                        _comment_value(cell.value),
                        dimensions=cell.categories,
                        locations=(place,) if place is not None else (),
                    )
                )
    return figures


def _actual_figures(
    indicator: Indicator, records: list[Achieved], measure: str, notes: list[str], places: dict[str, str]
) -> list[_Figure]:
    if not records:
        return []
    total, _ok, _notes = aggregate(indicator, records)
    if indicator.measure is Measure.ORDINAL:  # its figure (top box's share or mean), the answers in words
        answers = responses(indicator, combined_records(indicator, records))
        total = answers.figure if answers is not None else None
        if isinstance(total, Decimal):  # a mean score, to two places as a ratio's percent is
            total = total.quantize(Decimal("0.01"))
        if _ORDINAL_NOTE not in notes:
            notes.append(_ORDINAL_NOTE)
        said = Localizer("en").responses(answers) if answers is not None else None
        value = _value(total, measure)
        comment = "\n".join(p for p in (said, _actual_comment(records)) if p) or None
        if value is not None:
            urls = tuple(r.source for r in records if r.source and URL.match(r.source))
            return [_Figure(value, comment, documents=urls)]  # IATI has no counts per answer: in words
    value = _value(total, measure)
    qualifier = combine_qualifiers(r.qualifier for r in combined_records(indicator, records))
    parts = (_actual_comment(records), _comment_value(total), _as_stated(total, qualifier))
    comment = "\n".join(p for p in parts if p) or None
    if measure != QUALITATIVE and value is None:
        said = f": {comment}" if comment else ""
        notes.append(f"Actual {_label(records[0].period)}: no value{said}")
        return []
    if measure == QUALITATIVE and comment is None:
        return []
    urls = tuple(r.source for r in records if r.source and URL.match(r.source))
    cells = [figure for record in records for figure in _cells(record.breakdowns, measure, places)]
    return [_Figure(value, comment, documents=urls), *cells]


_ORDINAL_NOTE = (
    "Ordinal: each actual is the top box's share in percent or the mean score, as targets are; "
    "its comment gives the respondents of each answer, which IATI has no field for"
)


def _actual_comment(records: list[Achieved]) -> str | None:
    parts = []
    for record in records:
        if record.narrative:
            parts.append(record.narrative)
        if record.variance is not None:
            parts.append(f"Reason for variance: {record.variance.reason}")
        if record.source:
            parts.append(f"Source of verification: {record.source}")
    return "\n".join(parts) or None


def _figure(node: ET.Element, tag: str, figure: _Figure) -> None:
    element = ET.SubElement(node, tag, {"value": figure.value} if figure.value is not None else {})
    for ref in figure.locations:
        ET.SubElement(element, "location", {"ref": ref})
    for name, category in figure.dimensions:
        ET.SubElement(element, "dimension", {"name": name, "value": category})
    if figure.comment:
        _narrative(element, "comment", figure.comment)
    for url in figure.documents:  # a source of verification that is a web address
        link = ET.SubElement(element, "document-link", {"url": url, "format": file_format(url)})
        _narrative(link, "title", "Source of verification")
        ET.SubElement(link, "category", {"code": "A08"})  # DocumentCategory: results, outcomes and outputs


def file_format(url: str) -> str:
    """The media type (of IATI's FileFormat codelist) of a link's file, by its extension; text/html else."""
    address = url.split("?", 1)[0].split("#", 1)[0]
    guessed, _encoding = mimetypes.guess_type(address, strict=False)
    return guessed if guessed is not None and guessed in codelist("FileFormat").codes else "text/html"


def _value(value: Value | None, measure: str) -> str | None:
    """The @value: a plain decimal for quantitative measures, nothing for qualitative ones."""
    if measure == QUALITATIVE or value is None or isinstance(value, bool | str):
        return None
    if isinstance(value, Ratio):
        percent = value.percent
        return None if percent is None else _iati_number(percent.quantize(Decimal("0.01")))
    return _iati_number(value)


def _comment_value(value: Value | None) -> str | None:
    """What a value says that @value cannot, for people to read: Yes or No, a text, a ratio's counts."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        return value
    if isinstance(value, Ratio):
        return f"{plain(value.numerator)} of {plain(value.denominator)}"
    return None


@functools.cache
def _schema() -> Any:
    etree = require("lxml.etree", "iati")
    folder = resources.files("resultsframework") / "data" / "iati-2.03"
    with resources.as_file(folder / "iati-activities-schema.xsd") as path:
        return etree.XMLSchema(etree.parse(str(path)))


def validate_iati(document: bytes, *, now: datetime | None = None) -> list[Diagnostic]:
    """
    Check an IATI document against the official 2.03 schema, IATI's rules and its codelists.

    Returns what is wrong (none: valid), each finding a :class:`~resultsframework.Diagnostic`
    with the path of the element below the root ``iati-activities`` (elements counted from 0):

    - ``iati-schema``: the official schema's errors, with the line in the message::

        iati-activity[0].result[0].indicator[0].period[0].period-begin[0]: error [iati-schema]
        line 45: Element 'period-begin': This element is not expected. Expected is ( period-start ).

    - ``iati-rule``: IATI's Standard Ruleset (the rules IATI's validator applies beyond the
      schema), with the rule's id and its severity, error or warning::

        iati-activity[0]: error [iati-rule] 6.2.2: Each activity must have a specified sector,
        either at activity level OR for all transactions. (none found of sector, transaction/sector)

    - ``iati-codelist``: a code that is not in its IATI codelist (a withdrawn one: a warning)::

        iati-activity[0].recipient-country[0].@code: error [iati-codelist] Country: 'UK' is not
        a code of IATI's Country codelist (recipient-country/@code)

    The rules and codelists are shipped in the package (``data/iati-2.03``); what they mean and
    how they are read is in ``docs/validation.md``.  A document the schema rejects is not
    checked further.

    Args:
        document: The ``iati-activities`` XML.
        now: The time the rules that forbid dates in the future compare with (default: now).

    Needs lxml (``pip install 'resultsframework[iati]'``).

    Raises:
        lxml.etree.XMLSyntaxError: if *document* is not XML.

    .. versionadded:: 0.1.0
    """
    etree = require("lxml.etree", "iati")
    parsed = etree.fromstring(document, etree.XMLParser(resolve_entities=False, no_network=True))
    findings = list(_schema_errors(parsed))
    if findings:
        return findings
    when = now or datetime.now(timezone.utc)  # noqa: UP017
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)  # noqa: UP017
    return [*check_identifiers(parsed), *check_rules(parsed, now=when), *check_codelists(parsed)]


def _schema_errors(parsed: Any) -> Iterator[Diagnostic]:
    """The official schema's errors, in document order."""
    schema = _schema()
    if schema.validate(parsed):
        return
    for error in schema.error_log:
        message = f"line {error.line}: {shorten(error.message, 300)}"
        yield Diagnostic(Severity.ERROR, "iati-schema", xpath_path(error.path), message)


LOSSES: dict[str, str] = {
    "accumulation": "an indicator's accumulation over periods (a running total, a level): IATI has no "
    "such field, and from_iati reads every indicator with its accumulation= (sum by default)",
    "measure": "money as a measure, and a money indicator's currency: IATI's unit measure is read back "
    "as a count (every value whole) or a number",
    "qualifier": "a baseline's qualifier (more than, at least, around, up to): the number is the value "
    "(a target's and an actual's are said in their comment, Stated as more than 1,600, and read back)",
    "in-words": "what IATI has no number or period for, said in the indicator's description only: "
    "values that are no number, baselines without a year, targets without a period of their own",
    "value-details": "a value's reporter, stated status, collection date and comment; the values of "
    "several reporters for one period are one actual, their total",
    "variance-category": "variance reason categories (the reason itself is in the actual's comment)",
    "framework-link": "links to frameworks other than the SDGs (the GCM, the IOM strategy, an UNDAF), "
    "and SDG goals and targets of results and indicators, which are the activity's tags",
    "breakdown": "breakdown complete flags and explanations, breakdown cells that are not numbers, "
    "and breakdowns of qualitative indicators",
    "result-without-indicators": "outcomes and outputs without indicators (an IATI result needs "
    "one): the statement and narrative of an outcome whose outputs have indicators, else the whole result",
    "result-code": "a result's code, with code_in_titles=False",
    "planning": "who is responsible, the disaggregation required, collection method, frequency and "
    "collectors of indicators; activities, assumptions and risks of results",
    "original-end": "the original end of an extended programme still running (the planned end is the "
    "revised one)",
    "ordinal": "an ordinal indicator's scale and its respondents per answer: each actual is the figure "
    "it is measured by (the top box's share in percent, or the mean score), its comment the answers in "
    "words; read back, the indicator is qualitative, its figures texts",
    "stated": "what a report states beside a figure: the indicator a part is part of (the part and its "
    "whole are two indicators), a second unit and the figures in it (an IATI indicator has one unit), "
    "the whole a percent known only as a percent is of (the percent is the value), the population a "
    "survey is drawn from",
    "not-exported": "what IATI could hold but the export does not write (the budget, IATI's budgets "
    "being by periods of at most a year; the narrative sections other than the summary; organisations' "
    "own ids) and what it has no place for (the fund, priority area, reporting periods, evaluation, "
    "submitter, acronyms, annexes, risks, lessons, recommendations, the extension reason, financial "
    "and operational closure, identifiers of other schemes, dimensions' labels, a locality without a "
    "name, or with another's p-code or name)",
}
"""What the IATI export cannot carry, or does not write, by kind: :func:`iati_losses` names each
one a programme has; ``docs/interop.md`` lists them (a test keeps the two the same)."""


def iati_losses(programme: Programme, *, code_in_titles: bool = True) -> list[Diagnostic]:
    """
    What :func:`to_iati` cannot carry of *programme*, or does not write: each a diagnostic.

    Code ``iati-loss`` (a warning), at the field's path; its message is the kind of loss (as
    ``docs/interop.md`` lists the kinds: ``accumulation``, ``in-words``, ``framework-link`` ...)
    and what is lost.  Read back with :func:`~resultsframework.from_iati`, an export gives the
    programme again but for these (and but for what it reads as near as it can: organisations'
    ids and outcome codes made up again, a count or a number for IATI's unit measure).

    Args:
        programme: The programme.
        code_in_titles: As :func:`to_iati` is given it (without the code in titles, a result's
            code is lost).

    .. versionadded:: 0.1.0
    """
    return list(_Losses(programme, code_in_titles).run())


class _Losses:
    def __init__(self, programme: Programme, code_in_titles: bool) -> None:
        self.programme = programme
        self.code_in_titles = code_in_titles

    @staticmethod
    def loss(kind: str, path: tuple[str | int, ...], what: str) -> Diagnostic:
        assert kind in LOSSES
        return Diagnostic(Severity.WARNING, "iati-loss", path, f"{kind}: {what}")

    def run(self) -> Iterator[Diagnostic]:
        yield from self.activity()
        for node in self.programme.walk("impact", "outcome", "output"):
            assert isinstance(node.item, Impact | Outcome | Output)
            yield from self.result(node.path, node.item)
        for node in self.programme.walk("indicator"):
            assert isinstance(node.item, Indicator)
            yield from self.indicator(node.path, node.item)

    def activity(self) -> Iterator[Diagnostic]:
        programme = self.programme
        lost = [
            name
            for name in ("fund", "priority_area", "budget", "reporting_periods", "evaluation", "submitted_by")
            if getattr(programme, name)
        ]
        lost += [
            name
            for name in ("acronyms", "annexes", "risks", "lessons", "recommendations")
            if getattr(programme, name)
        ]
        for name in lost:
            yield self.loss("not-exported", (name,), f"the programme's {name.replace('_', ' ')}")
        summary = next(
            (k for k in ("executive_summary", "purpose") if (programme.narrative.get(k) or "").strip()), None
        )
        for key in programme.narrative:
            if key != summary:
                yield self.loss("not-exported", ("narrative", key), f"the narrative section {key!r}")
        number = "mptf_project" if programme.identifier("mptf_project") else "programme_number"
        for i, identifier in enumerate(programme.identifiers):
            if identifier.scheme not in ("iati", number):
                yield self.loss("not-exported", ("identifiers", i), f"the {identifier.scheme} identifier")
        for i, organisation in enumerate(programme.organisations):
            yield self.loss(
                "not-exported", ("organisations", i, "id"), f"organisation id {organisation.id!r}"
            )
        dates = programme.dates
        if dates is not None:
            if dates.extension_reason:
                yield self.loss("not-exported", ("dates", "extension_reason"), "the reason for the extension")
            if dates.financial_closure is not None:
                yield self.loss("not-exported", ("dates", "financial_closure"), "the financial closure")
            if dates.operationally_closed:
                yield self.loss(
                    "not-exported", ("dates", "operationally_closed"),
                    "the operational closure (written as activity status 4, closed, which is not read back)",
                )  # fmt: skip
            if (
                dates.original_end is not None
                and dates.actual_end is not None
                and dates.original_end != dates.actual_end
            ):
                yield self.loss(
                    "original-end", ("dates", "original_end"),
                    f"the original end {dates.original_end}, unless the programme has ended when exported",
                )  # fmt: skip
        refs: set[str] = set()
        for i, locality in enumerate(programme.localities):
            ref = _place_ref(locality)
            if not ref or ref in refs:
                what = "with another's p-code or name" if ref else "without a name or p-code"
                yield self.loss("not-exported", ("localities", i), f"a locality {what}")
            elif not locality.name.strip():
                yield self.loss(
                    "not-exported",
                    ("localities", i),
                    "a locality without a name (its p-code is its location's ref)",
                )
            refs.add(ref)
        for i, dimension in enumerate(programme.dimensions):
            if dimension.label or not dimension.summable:
                yield self.loss(
                    "not-exported",
                    ("dimensions", i),
                    f"the label and summable flag of dimension {dimension.id!r}",
                )
        for i, link in enumerate(programme.links):
            if link.framework != "sdg":
                yield self.loss("framework-link", ("links", i), f"the link {link}")

    def result(self, path: tuple[str | int, ...], result: Result) -> Iterator[Diagnostic]:
        if not result.indicators:
            what = (
                "its statement and narrative"
                if isinstance(result, Outcome) and any(o.indicators for o in result.outputs)
                else "it is not written"
            )
            yield self.loss("result-without-indicators", path, f"it has no indicators: {what}")
        elif not self.code_in_titles and result.code:
            yield self.loss("result-code", (*path, "code"), f"the code {result.code!r}")
        for i, link in enumerate(result.links):
            yield self.loss("framework-link", (*path, "links", i), f"the link {link}")
        if getattr(result, "responsible", ()):
            yield self.loss("planning", (*path, "responsible"), "who is responsible")
        if result.risks:
            yield self.loss("planning", (*path, "risks"), "the assumptions and risks")
        if isinstance(result, Output) and result.activities:
            yield self.loss("planning", (*path, "activities"), "the activities")

    def indicator(self, path: tuple[str | int, ...], indicator: Indicator) -> Iterator[Diagnostic]:
        measure = MEASURE_CODES[indicator.measure]
        if indicator.accumulation is not Accumulation.SUM:
            yield self.loss("accumulation", (*path, "accumulation"), f"accumulation {indicator.accumulation}")
        if indicator.measure is Measure.MONEY:
            yield self.loss("measure", (*path, "measure"), "money, read back as a count or number")
        if indicator.currency:
            yield self.loss("measure", (*path, "currency"), f"the currency {indicator.currency}")
        for name in ("responsible", "disaggregation", "collection_method", "frequency", "collected_by"):
            if getattr(indicator, name):
                yield self.loss("planning", (*path, name), name.replace("_", " "))
        if indicator.measure is Measure.ORDINAL:
            yield self.loss("ordinal", (*path, "scale"), "the scale and the respondents per answer")
        for name in ("part_of", "second_unit", "population"):
            if getattr(indicator, name):
                yield self.loss("stated", (*path, name), name.replace("_", " "))
        sdg = _sdg_indicators(indicator)
        for i, link in enumerate(indicator.links):
            if link.framework != "sdg" or link.code not in sdg:
                yield self.loss("framework-link", (*path, "links", i), f"the link {link}")
        notes: list[str] = []
        _baseline(indicator, measure, notes)
        _periods(indicator, self.programme, measure, notes)
        for note in notes:
            yield self.loss("in-words", path, note)
        figures: list[tuple[tuple[str | int, ...], Baseline | Target | Achieved]] = []
        if indicator.baseline is not None:
            figures.append(((*path, "baseline"), indicator.baseline))
        if indicator.target is not None:
            figures.append(((*path, "target"), indicator.target))
        figures += [((*path, "milestones", i), m) for i, m in enumerate(indicator.milestones)]
        figures += [((*path, "achieved", i), r) for i, r in enumerate(indicator.achieved)]
        periods: dict[Period, list[int]] = {}
        for i, record in enumerate(indicator.achieved):
            periods.setdefault(record.period, []).append(i)
        for where, figure in figures:
            if figure.qualifier is not None and isinstance(figure, Baseline):  # the others: in words
                yield self.loss("qualifier", (*where, "qualifier"), f"the qualifier {figure.qualifier}")
            for name in ("second_value", "denominator"):
                if getattr(figure, name) is not None:
                    yield self.loss("stated", (*where, name), name.replace("_", " "))
            for k, breakdown in enumerate(() if isinstance(figure, Baseline) else figure.breakdowns):
                at = (*where, "breakdowns", k)
                if measure == QUALITATIVE:
                    yield self.loss("breakdown", at, "a breakdown of a qualitative indicator")
                    continue
                if not breakdown.complete or breakdown.explanation:
                    yield self.loss("breakdown", at, "its complete flag and explanation")
                for c, cell in enumerate(breakdown.cells):
                    if _value(cell.value, measure) is None:
                        yield self.loss("breakdown", (*at, "cells", c), f"the cell {cell.value!r}, no number")
            if isinstance(figure, Achieved):
                if figure.variance is not None and figure.variance.category is not None:
                    yield self.loss(
                        "variance-category", (*where, "variance", "category"), "the reason's category"
                    )
                for name in ("reported_by", "status", "collected", "comment"):
                    if getattr(figure, name) is not None:
                        yield self.loss("value-details", (*where, name), name.replace("_", " "))
        for indexes in periods.values():
            if len(indexes) > 1:
                yield self.loss(
                    "value-details", (*path, "achieved", indexes[1]),
                    f"{len(indexes)} values for one period, written as their total",
                )  # fmt: skip

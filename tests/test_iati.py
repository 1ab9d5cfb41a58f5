"""IATI 2.03 export: valid against the official schema, IATI's Standard Ruleset and its codelists."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime, timezone
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import resultsframework as rf
from resultsframework.interop import iati_rules
from resultsframework.interop.iati import country_code, file_format

from .conftest import EXAMPLE, ROOT, WORKSHOP
from .strategies import iati_programmes, programmes

ILLUSTRATIVE = ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml"
ANNUAL = ROOT / "examples" / "iom-iraq-annual-report-illustrative.yaml"
WHEN = datetime(2026, 1, 1, tzinfo=timezone.utc)  # noqa: UP017
NOW = datetime(2026, 6, 1, tzinfo=timezone.utc)  # noqa: UP017
IOM = rf.Organisation(
    "IOM", rf.OrganisationRole.LEAD, "International Organization for Migration", "XM-DAC-47066"
)


def ready(programme: rf.Programme, **changes: Any) -> rf.Programme:
    """*programme* with what IATI requires and it does not state: identifier, lead, country, sector, start."""
    fill: dict[str, Any] = {}
    if not programme.identifiers:
        fill["identifiers"] = (rf.Identifier("programme_number", "RF-1"),)
    if not programme.organisations:
        fill["organisations"] = (IOM,)
    if programme.country is None:
        fill["country"] = "Iraq"
    if not programme.sectors:
        fill["sectors"] = (rf.Sector("15190"),)
    if programme.dates is None:
        fill["dates"] = rf.Dates(date(2025, 1, 1), date(2025, 12, 31))
    return attrs.evolve(programme, **{**fill, **changes})


def programme_of(*indicators: rf.Indicator, **changes: Any) -> rf.Programme:
    return ready(rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=indicators),)), **changes)


def document(programme: rf.Programme | list[rf.Programme], **options: Any) -> bytes:
    return rf.to_iati(programme, generated=WHEN, **options)


def export(programme: rf.Programme | list[rf.Programme], **options: Any) -> ET.Element:
    """The document's root, after checking that IATI's schema, rules and codelists find nothing."""
    written = document(programme, **options)
    assert [] == [str(d) for d in rf.validate_iati(written, now=NOW)]
    return ET.fromstring(written)


def refusal(programme: rf.Programme | list[rf.Programme], **options: Any) -> str:
    with pytest.raises(rf.ResultsFrameworkError) as caught:
        document(programme, **options)
    return str(caught.value)


def findings(xml: str, **options: Any) -> list[tuple[str, str, str]]:
    """(severity, id, location) of what validate_iati finds in *xml*."""
    found = rf.validate_iati(xml.encode(), **{"now": NOW, **options})
    return [(d.severity.value, d.message.split(":")[0], d.location()) for d in found]


ACTIVITY = """<iati-activities version="2.03"><iati-activity xml:lang="en">
<iati-identifier>XM-DAC-47066-1</iati-identifier>
<reporting-org ref="XM-DAC-47066" type="40"><narrative>IOM</narrative></reporting-org>
<title><narrative>T</narrative></title>
<description><narrative>D</narrative></description>
<participating-org role="2"><narrative>IOM</narrative></participating-org>
<activity-status code="2"/>
<activity-date type="1" iso-date="2025-01-01"/>
{place}
{sectors}
{results}
</iati-activity></iati-activities>"""


def activity(
    place: str = '<recipient-country code="IQ"/>', sectors: str = '<sector code="15190"/>', results: str = ""
) -> str:
    return ACTIVITY.format(place=place, sectors=sectors, results=results)


# -- the bundled examples and random programmes: no error by IATI's rules -------------------------


class TestExport:
    @pytest.mark.parametrize(
        "path", [EXAMPLE, ILLUSTRATIVE, WORKSHOP, ANNUAL], ids=["mptf", "illustrative", "workshop", "annual"]
    )
    def test_the_examples_give_nothing_to_report(self, path: Any) -> None:
        export(rf.load(path))
        export(rf.load(path), code_in_titles=False)

    def test_the_mptf_example(self, example: rf.Programme) -> None:
        activity = export(example).find("iati-activity")
        assert activity is not None
        assert "XM-DAC-47066-00127216" == activity.findtext("iati-identifier")
        assert "XM-DAC-47066" == activity.find("reporting-org").get("ref")  # type: ignore[union-attr]
        assert "en" == activity.get("{http://www.w3.org/XML/1998/namespace}lang")
        assert ["1"] * 4 == [r.get("type") for r in activity.findall("result")]  # four outputs
        assert [("1", "15190")] == [(s.get("vocabulary"), s.get("code")) for s in activity.iter("sector")]
        assert ["XM-DAC-47066", "XM-DAC-41114"] == [
            o.get("ref") for o in activity.findall("participating-org")
        ]
        assert "IQ" == activity.find("recipient-country").get("code")  # type: ignore[union-attr]

    def test_both_examples_in_one_document(self) -> None:
        root = export([rf.load(EXAMPLE), rf.load(ILLUSTRATIVE)])
        assert ["XM-DAC-47066-00127216", "XM-DAC-47066-RF-EXAMPLE-2025-01"] == [
            a.findtext("iati-identifier") for a in root.iter("iati-activity")
        ]

    @pytest.mark.extras("lxml")
    @settings(max_examples=40)
    @given(iati_programmes())
    def test_any_programme_that_states_what_iati_requires_has_no_error(self, programme: rf.Programme) -> None:
        written = rf.to_iati(programme, generated=WHEN, default_sector="15190")
        errors = [str(d) for d in rf.validate_iati(written, now=NOW) if d.severity is rf.Severity.ERROR]
        assert [] == errors

    @pytest.mark.extras("lxml")
    @settings(max_examples=25)
    @given(programmes)
    def test_any_programme_is_written_without_error_or_refused_naming_the_rule(
        self, programme: rf.Programme
    ) -> None:
        try:
            written = rf.to_iati(programme, reporting_org="XM-DAC-47066", generated=WHEN)
        except rf.ResultsFrameworkError as e:
            lines = str(e).splitlines()
            assert lines[0].startswith("cannot write IATI 2.03: ")
            assert all(": rule " in line for line in lines[1:])
            return
        assert [] == [str(d) for d in rf.validate_iati(written, now=NOW) if d.severity is rf.Severity.ERROR]


# -- what the export writes -----------------------------------------------------------------------


class TestActivity:
    def test_the_language_is_the_programmes_else_the_exports(self) -> None:
        lang = "{http://www.w3.org/XML/1998/namespace}lang"
        assert "fr" == export(programme_of(), language="fr").find("iati-activity").get(lang)  # type: ignore[union-attr]
        assert "ar" == export(programme_of(language="ar")).find("iati-activity").get(lang)  # type: ignore[union-attr]
        assert "4.1.1" in refusal(programme_of(language="English"))

    def test_sectors_are_the_programmes_else_the_default_one_else_refused(self) -> None:
        two = (rf.Sector("15190", percentage=Decimal(60)), rf.Sector("16010", percentage=Decimal(40)))
        root = export(programme_of(sectors=two))
        assert [("15190", "60"), ("16010", "40")] == [
            (s.get("code"), s.get("percentage")) for s in root.iter("sector")
        ]
        bare = attrs.evolve(programme_of(), sectors=())
        assert "15190" == export(bare, default_sector="15190").find(".//sector").get("code")  # type: ignore[union-attr]
        message = refusal(bare)
        assert "rule 6.2.2" in message
        assert "default_sector" in message

    def test_sectors_that_break_iati_rules_are_refused(self) -> None:
        assert "2.1.1" in refusal(programme_of(sectors=(rf.Sector("15190"), rf.Sector("16010"))))
        halves = (rf.Sector("15190", percentage=Decimal(60)), rf.Sector("16010", percentage=Decimal(60)))
        assert "2.1.2" in refusal(programme_of(sectors=halves))
        assert "9.76.1" in refusal(programme_of(sectors=(rf.Sector("151900"),)))
        assert "2.2.1" in refusal(programme_of(sectors=(rf.Sector("15190"), rf.Sector("M", "99"))))

    @pytest.mark.parametrize(
        ("name", "code"),
        [("Iraq", "IQ"), ("iq", "IQ"), ("UK", "GB"), ("United Kingdom", "GB"), ("Turkey", "TR"),
         ("Türkiye", "TR"), ("Palestine", "PS"), ("State of Palestine", "PS"), ("Syria", "SY"),
         ("Côte d’Ivoire", "CI"), ("European Union", None), ("EU", None), ("Iraq and Syria", None),
         ("AN", None)],
    )  # fmt: skip
    def test_country_names_are_iso_3166_codes(self, name: str, code: str | None) -> None:
        assert code == country_code(name)

    def test_the_recipient_country_or_region_else_refused(self) -> None:
        assert "GB" == export(programme_of(country="UK")).find(".//recipient-country").get("code")  # type: ignore[union-attr]
        region = export(programme_of(country="Middle East")).find(".//recipient-region")
        assert ("589", "1") == (region.get("code"), region.get("vocabulary"))  # type: ignore[union-attr]
        message = refusal(programme_of(country="European Union"))
        assert "rule 3.7.1" in message
        assert "'European Union'" in message

    def test_identifiers_trimmed_unique_and_never_invented(self) -> None:
        spaced = programme_of(identifiers=(rf.Identifier("mptf_project", " 00127216 "),))
        assert "XM-DAC-47066-00127216" == export(spaced).findtext(".//iati-identifier")
        assert "1.1.2" in refusal(programme_of(identifiers=()))
        twins = [programme_of(title="A"), programme_of(title="B")]
        message = refusal(twins)
        assert "rule 1.1.2" in message
        assert "programme 1's too" in message

    def test_the_reporting_organisation_is_the_leads_identifier_else_refused(self) -> None:
        reported = export(programme_of(), reporting_org=" XM-DAC-41114 ").find(".//reporting-org")
        assert "XM-DAC-41114" == reported.get("ref")  # type: ignore[union-attr]
        anonymous = programme_of(organisations=(rf.Organisation("IOM", "lead"),))
        assert "reporting_org=" in refusal(anonymous)

    def test_an_empty_title_is_refused(self) -> None:
        assert "4.3.1" in refusal(programme_of(title=" "))
        impact = rf.Impact("", indicators=(rf.Indicator("1", "I", rf.Measure.COUNT, target=rf.Target(3)),))
        assert "impact has neither a statement nor a code" in refusal(programme_of(impact=impact))

    def test_the_default_currency_is_the_budgets_and_never_invented(self) -> None:
        assert "default-currency" not in export(programme_of()).find("iati-activity").attrib  # type: ignore[union-attr]
        budget = rf.Budget(total_approved=rf.Money(Decimal(600000), "EUR"))
        assert "EUR" == export(programme_of(budget=budget)).find("iati-activity").get("default-currency")  # type: ignore[union-attr]
        fund = rf.Contribution(rf.ContributionSource.FUND, rf.Money(Decimal(1000), "CHF"))
        one = export(programme_of(budget=rf.Budget(contributions=(fund,))))
        assert "CHF" == one.find("iati-activity").get("default-currency")  # type: ignore[union-attr]
        assert "9.3.1" in refusal(programme_of(budget=rf.Budget(total_approved=rf.Money(1, "dollars"))))


class TestDatesAndStatus:
    """The activity's dates as of the document's date (2026-01-01): nothing actual in the future."""

    def dates(self, dates: rf.Dates) -> tuple[str, list[tuple[str, str]]]:
        activity = export(programme_of(dates=dates)).find("iati-activity")
        assert activity is not None
        status = activity.find("activity-status").get("code")  # type: ignore[union-attr]
        found = [(str(d.get("type")), str(d.get("iso-date"))) for d in activity.iter("activity-date")]
        return str(status), found

    def test_not_started(self) -> None:
        assert ("1", [("1", "2026-03-01"), ("3", "2027-02-28")]) == self.dates(
            rf.Dates("2026-03-01", "2027-02-28")
        )

    def test_ongoing_and_extended(self) -> None:
        """The revised end still to come is the planned end that holds, not an actual end."""
        extended = rf.Dates("2025-01-01", "2025-12-01", "2026-06-30", extension_reason="late start")
        assert ("2", [("1", "2025-01-01"), ("2", "2025-01-01"), ("3", "2026-06-30")]) == self.dates(extended)

    def test_ended_and_closed(self) -> None:
        ended = rf.Dates("2021-05-01", "2021-09-30", "2021-12-30")
        written = [("1", "2021-05-01"), ("2", "2021-05-01"), ("3", "2021-09-30"), ("4", "2021-12-30")]
        assert ("3", written) == self.dates(ended)
        assert "4" == self.dates(attrs.evolve(ended, operationally_closed=True))[0]

    def test_as_of_the_day_in_utc(self) -> None:
        """IATI's validator compares dates with now in UTC: 20:00 in New York on 31 December is 1 January."""
        from datetime import timedelta

        evening = datetime(2025, 12, 31, 20, tzinfo=timezone(timedelta(hours=-5)))
        starts = rf.to_iati(programme_of(dates=rf.Dates("2026-01-01", "2026-12-31")), generated=evening)
        assert b'<activity-date type="2" iso-date="2026-01-01" />' in starts

    def test_an_end_without_a_start_is_refused(self) -> None:
        assert "rule 6.11.1" in refusal(programme_of(dates=rf.Dates(original_end="2025-12-31")))
        assert "rule 6.11.1" in refusal(attrs.evolve(programme_of(), dates=None))

    def test_inverted_dates_are_refused(self) -> None:
        assert "rule 11.1.2" in refusal(programme_of(dates=rf.Dates("2025-06-01", "2025-01-01")))
        assert "rule 11.1.3" in refusal(programme_of(dates=rf.Dates("2025-06-01", actual_end="2025-01-01")))


class TestResults:
    def test_indicator_measures_values_and_direction(self) -> None:
        root = export(rf.load(ILLUSTRATIVE))
        indicators = {
            i.findtext("reference[@vocabulary='99']") or i.find("reference[@vocabulary='99']").get("code"): i  # type: ignore[union-attr]
            for i in root.iter("indicator")
        }
        income = indicators["1.1"]
        assert ("2", "1") == (income.get("measure"), income.get("ascending"))
        actual = income.find("period/actual")
        assert actual is not None
        assert "42" == actual.get("value")
        assert "168 of 400" in (actual.findtext("comment/narrative") or "")
        assert "0" == indicators["1.2"].get("ascending")  # a decrease is success

    def test_maintain_is_ascending_and_said(self) -> None:
        kept = rf.Indicator("1.1", "Committees", rf.Measure.COUNT, direction="maintain", target=rf.Target(5))
        indicator = export(programme_of(kept)).find(".//indicator")
        assert indicator is not None
        assert "1" == indicator.get("ascending")
        assert "Direction: maintain" in (indicator.findtext("description/narrative") or "")

    def test_qualitative_values_carry_no_value(self, example: rf.Programme) -> None:
        root = export(example)
        yes_no = next(i for i in root.iter("indicator") if i.get("measure") == "5")
        for figure in [*yes_no.iter("target"), *yes_no.iter("actual")]:
            assert figure.get("value") is None

    def test_quantitative_figures_without_a_number_are_said_in_the_description(self) -> None:
        """Not conducted (no value), 0 of 0, a text: IATI requires a value (8.10.1, 8.9.1)."""
        period = rf.Period.year(2025)
        skipped = rf.Achieved(period, None, narrative="Not conducted", variance=rf.Variance("Insecurity"))
        nothing = rf.Indicator("1.1", "Trained", rf.Measure.COUNT, target=rf.Target(10), achieved=(skipped,))
        share = rf.Indicator(
            "1.2", "Employed", rf.Measure.PERCENTAGE, achieved=(rf.Achieved(period, rf.Ratio(0, 0)),)
        )
        root = export(programme_of(nothing, share))
        first, second = root.iter("indicator")
        assert [] == list(first.iter("actual"))
        assert "10" == first.find("period/target").get("value")  # type: ignore[union-attr]
        said = first.findtext("description/narrative") or ""
        assert (
            "Actual 2025-01-01 to 2025-12-31: no value: Not conducted\nReason for variance: Insecurity"
            in said
        )
        assert [] == list(second.iter("actual"))
        assert "0 of 0" in (second.findtext("description/narrative") or "")

    def test_breakdown_cells_without_a_number_are_left_out(self) -> None:
        cells = rf.Breakdown.by("sex", {"female": 3, "male": "unknown"})
        record = rf.Achieved(rf.Period.year(2025), 5, breakdowns=(cells,))
        root = export(programme_of(rf.Indicator("1.1", "People", rf.Measure.COUNT, achieved=(record,))))
        assert [(None, "5"), ("female", "3")] == [
            (a.find("dimension").get("value") if a.find("dimension") is not None else None, a.get("value"))  # type: ignore[union-attr]
            for a in root.iter("actual")
        ]

    def test_a_baseline_is_written_when_iati_can_hold_it(self) -> None:
        """Its year known (never guessed from the programme), and a number for quantitative measures (8.8.1)."""
        dated = rf.Indicator(
            "1", "A", rf.Measure.COUNT, baseline=rf.Baseline(0, year=2020), target=rf.Target(3)
        )
        undated = rf.Indicator("2", "B", rf.Measure.COUNT, baseline=rf.Baseline(0), target=rf.Target(3))
        text = rf.Indicator(
            "3", "C", rf.Measure.COUNT, baseline=rf.Baseline(text="Few", year=2020), target=rf.Target(3)
        )
        first, second, third = export(programme_of(dated, undated, text)).iter("indicator")
        assert ("2020", "0") == (first.find("baseline").get("year"), first.find("baseline").get("value"))  # type: ignore[union-attr]
        assert second.find("baseline") is None
        assert "Baseline: 0 (year not stated)" in (second.findtext("description/narrative") or "")
        assert third.find("baseline") is None
        assert "Baseline: Few (2020)" in (third.findtext("description/narrative") or "")

    def test_breakdowns_are_dimensions(self) -> None:
        root = export(rf.load(ILLUSTRATIVE))
        dims = {(d.get("name"), d.get("value")) for d in root.iter("dimension")}
        assert {("sex", "female"), ("age", "18-24"), ("damage_category", "major")} <= dims
        totals = [a for a in root.iter("actual") if a.find("dimension") is None]
        assert totals  # the total is the actual without dimension

    def test_targets_per_category_are_dimensions_too(self) -> None:
        target = rf.Target(10, breakdowns=(rf.Breakdown.by("sex", {"female": 6, "male": 4}),))
        root = export(programme_of(rf.Indicator("1.1", "People", rf.Measure.COUNT, target=target)))
        assert [(None, "10"), ("female", "6"), ("male", "4")] == [
            (t.find("dimension").get("value") if t.find("dimension") is not None else None, t.get("value"))  # type: ignore[union-attr]
            for t in root.iter("target")
        ]

    def test_the_end_target_goes_to_the_period_that_covers_the_programme(self) -> None:
        quarter = rf.Achieved(rf.Period.quarter(2025, 1), 2)
        indicator = rf.Indicator("1.1", "People", rf.Measure.COUNT, target=rf.Target(10), achieved=(quarter,))
        periods = export(programme_of(indicator)).iter("period")
        assert [("2025-01-01", "2025-03-31", None, "2"), ("2025-01-01", "2025-12-31", "10", None)] == [
            (
                p.find("period-start").get("iso-date"),  # type: ignore[union-attr]
                p.find("period-end").get("iso-date"),  # type: ignore[union-attr]
                p.find("target").get("value") if p.find("target") is not None else None,  # type: ignore[union-attr]
                p.find("actual").get("value") if p.find("actual") is not None else None,  # type: ignore[union-attr]
            )
            for p in periods
        ]

    def test_references_at_indicator_level_only(self) -> None:
        indicator = rf.Indicator("1.1", "Migration policies", rf.Measure.COUNT, links=(
            rf.FrameworkLink("sdg", "10.7.2"), rf.FrameworkLink("sdg", "10.7")), target=rf.Target(3))  # fmt: skip
        result = export(programme_of(indicator)).find("iati-activity/result")
        assert result is not None
        assert result.find("reference") is None
        refs = [(r.get("vocabulary"), r.get("code")) for r in result.iter("reference")]
        assert [("9", "10.7.2"), ("99", "1.1")] == refs  # a target (10.7) is no SDG indicator: a tag

    def test_sdg_goals_and_targets_are_activity_tags(self) -> None:
        link = rf.FrameworkLink
        links = (link("sdg", "10.7"), link("sdg", "10.7.2"))
        indicator = rf.Indicator("1.1", "I", rf.Measure.COUNT, links=links, target=rf.Target(3))
        others = (link("sdg", "10"), link("sdg", "5.2"), link("gcm", "23"), link("sdg", "99"))
        programme = programme_of(indicator, links=others)
        tags = [(t.get("vocabulary"), t.get("code")) for t in export(programme).iter("tag")]
        assert [("2", "10"), ("3", "5.2"), ("3", "10.7")] == tags

    def test_results_top_down_with_their_types_descriptions_and_aggregation(self) -> None:
        """Impact (3), then each outcome (2) and its outputs (1); results without indicators left out."""
        count = rf.Indicator("i", "People", rf.Measure.COUNT, target=rf.Target(3))
        yes = rf.Indicator("j", "Adopted", rf.Measure.YES_NO, target=rf.Target(True))
        outputs = (
            rf.Output("1.1", "Done", narrative="We did it.", indicators=(count,)),
            rf.Output("1.2", "Unmeasured"),
        )
        programme = programme_of(
            impact=rf.Impact("Better lives", indicators=(count,)),
            outcomes=(
                rf.Outcome("1", "O", indicators=(count, yes), outputs=outputs),
                rf.Outcome("2", "Empty"),
            ),
        )
        results = export(programme).findall("iati-activity/result")
        assert [("3", "1", "Better lives"), ("2", "0", "1: O"), ("1", "1", "1.1: Done")] == [
            (r.get("type"), r.get("aggregation-status"), r.findtext("title/narrative")) for r in results
        ]
        assert "We did it." == results[2].findtext("description/narrative")
        plain = export(programme, code_in_titles=False).findall("iati-activity/result")
        assert ["Better lives", "O", "Done"] == [r.findtext("title/narrative") for r in plain]

    def test_inverted_periods_are_left_out(self) -> None:
        record = rf.Achieved(rf.Period(date(2025, 6, 1), date(2025, 1, 1)), 5)
        root = export(programme_of(rf.Indicator("1.1", "I", rf.Measure.COUNT, achieved=(record,))))
        assert [] == list(root.iter("period"))

    def test_values_take_no_trailing_zeros(self) -> None:
        records = (
            rf.Achieved(rf.Period.year(2024), Decimal("12.50")),
            rf.Achieved(rf.Period.year(2025), Decimal("100.00")),
        )
        root = export(programme_of(rf.Indicator("1.1", "Kilometres", rf.Measure.NUMBER, achieved=records),
                                   dates=rf.Dates("2024-01-01", "2025-12-31")))  # fmt: skip
        assert ["12.5", "100"] == [a.get("value") for a in root.iter("actual")]

    def test_web_sources_become_document_links_in_their_format(self) -> None:
        records = (
            rf.Achieved(rf.Period.year(2024), 5, source="https://example.org/list.pdf"),
            rf.Achieved(rf.Period.year(2025), 5, source="https://example.org/list"),
        )
        indicator = rf.Indicator("1.1", "People", rf.Measure.COUNT, achieved=records)
        root = export(programme_of(indicator, dates=rf.Dates("2024-01-01", "2025-12-31")))
        links = list(root.iter("document-link"))
        assert [("application/pdf", "A08"), ("text/html", "A08")] == [
            (link.get("format"), link.find("category").get("code"))  # type: ignore[union-attr]
            for link in links
        ]
        assert "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" == file_format(
            "https://x.org/a.xlsx?v=1"
        )

    def test_hostile_text_stays_text(self) -> None:
        text = "]]> <script>alert(1)</script> \x01 & \u202e"
        indicator = rf.Indicator(
            "1.1", text, rf.Measure.QUALITATIVE, achieved=(rf.Achieved(rf.Period.year(2025), text),)
        )
        root = export(programme_of(title=text, outcomes=(rf.Outcome("1", text, indicators=(indicator,)),)))
        assert "]]> <script>alert(1)</script> \ufffd & \u202e" == root.findtext(
            "iati-activity/title/narrative"
        )

    def test_control_characters_anywhere_still_make_an_xml_document(self) -> None:
        """Identifiers, references and organisation names hold the user's texts too, not only narratives."""
        data = json.loads(rf.dumps(rf.load(ILLUSTRATIVE)))
        data["identifiers"] = [{"scheme": "programme_number", "id": "RF\x1b-1"}]
        data["outcomes"][0]["outputs"][1]["indicators"][1]["code"] = "1.2.2\x01"
        programme = rf.loads(json.dumps(data), "json")
        root = ET.fromstring(rf.to_iati(programme, reporting_org="XM\x07", generated=WHEN))
        activity = root.find("iati-activity")
        assert activity is not None
        assert "XM\ufffd-RF\ufffd-1" == activity.findtext("iati-identifier")
        assert "1.2.2\ufffd" in {r.get("code") for r in activity.iter("reference")}

    def test_each_reference_vocabulary_once_per_indicator(self) -> None:
        """IATI: "each vocabulary may be specified only once for each indicator"; the other SDG indicators in words."""
        links = (
            rf.FrameworkLink("sdg", "10.7.2"),
            rf.FrameworkLink("sdg", "10.7.1"),
            rf.FrameworkLink("sdg", "10.7.2"),
        )
        indicator = rf.Indicator("1.1", "Policies", rf.Measure.COUNT, links=links, target=rf.Target(3))
        written = document(programme_of(indicator))
        element = export(programme_of(indicator)).find("iati-activity/result/indicator")
        assert element is not None
        assert [("9", "10.7.2"), ("99", "1.1")] == [
            (r.get("vocabulary"), r.get("code")) for r in element.iter("reference")
        ]
        assert "Other SDG indicators: 10.7.1" == element.findtext("description/narrative")
        (back,) = rf.from_iati(written).programmes
        assert ("10.7.2", "10.7.1") == tuple(link.code for link in back.outcomes[0].indicators[0].links)

    def test_the_indicator_uri_is_where_the_organisations_codes_are_defined(self) -> None:
        indicator = rf.Indicator("1.1 a", "People", rf.Measure.COUNT, target=rf.Target(3))
        none = export(programme_of(indicator)).find("iati-activity/result/indicator/reference")
        assert none is not None
        assert none.get("indicator-uri") is None  # none is invented
        for uri, expected in (
            ("https://example.org/framework.pdf", "https://example.org/framework.pdf"),
            ("https://example.org/framework#{code}", "https://example.org/framework#1.1%20a"),
        ):
            root = export(programme_of(indicator), indicator_uri=uri)
            reference = root.find("iati-activity/result/indicator/reference")
            assert reference is not None
            assert ("99", expected) == (reference.get("vocabulary"), reference.get("indicator-uri"))
        assert "indicator_uri 'framework.pdf' is no web address" in refusal(
            programme_of(indicator), indicator_uri="framework.pdf"
        )

    def test_the_end_target_beside_milestones(self) -> None:
        """Milestones in their periods, the end target in the programme's: none is lost, and each reads back."""
        milestones = (
            rf.Target(4, period=rf.Period.quarter(2025, 2)),
            rf.Target(7, period=rf.Period.quarter(2025, 3)),
        )
        achieved = (rf.Achieved(rf.Period.quarter(2025, 2), 5),)
        indicator = rf.Indicator(
            "1.1", "People", rf.Measure.COUNT, target=rf.Target(10), milestones=milestones, achieved=achieved
        )
        root = export(programme_of(indicator))
        assert [("2025-01-01", "2025-12-31", "10", None), ("2025-04-01", "2025-06-30", "4", "5"),
                ("2025-07-01", "2025-09-30", "7", None)] == [
            (
                p.find("period-start").get("iso-date"),  # type: ignore[union-attr]
                p.find("period-end").get("iso-date"),  # type: ignore[union-attr]
                p.find("target").get("value") if p.find("target") is not None else None,  # type: ignore[union-attr]
                p.find("actual").get("value") if p.find("actual") is not None else None,  # type: ignore[union-attr]
            )
            for p in root.iter("period")
        ]  # fmt: skip
        (back,) = rf.from_iati(document(programme_of(indicator))).programmes
        read = back.outcomes[0].indicators[0]
        assert read.target is not None
        assert (10, [(m.period, m.value) for m in milestones]) == (
            read.target.value,
            [(m.period, m.value) for m in read.milestones],
        )

    def test_targets_iati_has_no_place_for_are_said_in_words(self) -> None:
        """A milestone without a period; an end target whose period a milestone has; a programme without an end."""
        whole = rf.Period(date(2025, 1, 1), date(2025, 12, 31))
        indicator = rf.Indicator(
            "1.1", "People", rf.Measure.COUNT, target=rf.Target(10),
            milestones=(rf.Target(9, period=whole), rf.Target(3, "three by June")),
        )  # fmt: skip
        element = export(programme_of(indicator)).find("iati-activity/result/indicator")
        assert element is not None
        assert ["Milestone (no period): three by June", "Target (end of programme): 10"] == (
            element.findtext("description/narrative") or ""
        ).splitlines()
        assert ["9"] == [t.get("value") for t in element.iter("target")]

    def test_locations_of_actuals_are_the_activitys_locations(self, example: rf.Programme) -> None:
        """The programme's localities are the activity's locations (ref: the p-code); a location cell names its own."""
        root = export(example)
        activity = root.find("iati-activity")
        assert activity is not None
        places = {loc.get("ref"): loc.findtext("name/narrative") for loc in activity.findall("location")}
        assert len(example.localities) == len(places)
        assert "Baghdad" == places["IQG08"]
        cells = [a for a in activity.iter("actual") if a.find("location") is not None]
        assert [
            ("IQG08", "Baghdad"),
            ("IQG03", "Al-Muthanna"),
            ("IQG04", "Al-Najaf"),
            ("IQG14", "Maysan"),
        ] == [
            (a.find("location").get("ref"), a.find("dimension").get("value"))  # type: ignore[union-attr]
            for a in cells
        ]
        (back,) = rf.from_iati(document(example)).programmes
        assert example.localities == back.localities

    def test_a_location_that_is_no_locality_has_no_ref(self) -> None:
        cells = rf.Breakdown.by("location", {"Baghdad": 2, "Erbil": 3})
        record = rf.Achieved(rf.Period.year(2025), 5, breakdowns=(cells,))
        indicator = rf.Indicator("1.1", "People", rf.Measure.COUNT, achieved=(record,))
        root = export(programme_of(indicator, localities=(rf.Location("Baghdad"),)))
        assert [(None, None), ("Baghdad", "Baghdad"), (None, "Erbil")] == [
            (
                a.find("location").get("ref") if a.find("location") is not None else None,  # type: ignore[union-attr]
                a.find("dimension").get("value") if a.find("dimension") is not None else None,  # type: ignore[union-attr]
            )
            for a in root.iter("actual")
        ]


# -- the rules, evaluated ----------------------------------------------------------------------------


def _kinds(rules: dict[str, Any]) -> Counter[str]:
    found: Counter[str] = Counter()
    for kinds in rules.values():
        for name, rule in kinds.items():
            found[iati_rules.ALIASES.get(name, name)] += 1
            if name == "loop":
                for case in rule["cases"]:
                    found.update(iati_rules.ALIASES.get(inner, inner) for inner in case["do"])
    return found


NOT_EVALUATED: dict[str, str] = {}
"""Rule kinds of the shipped ruleset this package does not evaluate, and why: none."""


class TestRuleset:
    def test_every_rule_kind_of_the_ruleset_is_evaluated(self) -> None:
        used = _kinds(dict(iati_rules.ruleset()))
        assert {"if_then", "no_spaces", "date_order", "atleast_one", "loop", "regex_matches", "time_limit",
                "one_or_all", "range", "startswith", "no_more_than_one", "date_now", "strict_sum", "unique",
                "between_dates"} <= set(used)  # fmt: skip
        assert NOT_EVALUATED == {kind: "" for kind in used if kind not in iati_rules.RULE_KINDS}

    def test_every_case_is_read(self) -> None:
        """Each XPath compiles, each one_or_all and idCondition is one this module knows."""
        for context, kinds in iati_rules.ruleset().items():
            iati_rules._xpath(context)
            for name, rule in kinds.items():
                cases = (
                    [c for loop in rule["cases"] for d in loop["do"].values() for c in d["cases"]]
                    if name == "loop"
                    else rule["cases"]
                )
                for case in cases:
                    for key in (
                        "condition",
                        "if",
                        "then",
                        "foreach",
                        "one",
                        "less",
                        "more",
                        "date",
                        "start",
                        "end",
                    ):
                        if key in case and case[key] != "NOW":
                            iati_rules._xpath(case[key].replace("$1", "1"))
                    for path in [*case.get("paths", ()), *case.get("excluded", ())]:
                        iati_rules._xpath(path.replace("$1", "1"))
                    assert case.get("all", "lang") in iati_rules.ONE_OR_ALL
                    assert case.get("idCondition", "NOT_EXISTING_ORG_ID") in (
                        "NOT_EXISTING_ORG_ID",
                        "NOT_EXISTING_ORG_ID_PREFIX",
                    )
                    assert case["ruleInfo"]["severity"] in ("error", "warning")

    def test_the_shipped_data_is_iatis(self) -> None:
        folder = resources.files("resultsframework") / "data" / "iati-2.03"
        shared = ROOT.parent / "shared" / "reference-data" / "iati-2.03"
        if not shared.exists():
            pytest.skip("the reference data is not here")
        for name in (
            "rulesets/standard.json",
            "rulesets/SPEC.rst",
            "codelists/mapping.xml",
            "codelists/Sector.xml",
        ):
            assert (shared / name).read_bytes() == (folder / name).read_bytes()


@pytest.mark.extras("lxml")
class TestRules:
    """Each kind of rule on a small document: what it finds, with the rule's id and the element."""

    def test_a_valid_activity_has_nothing(self) -> None:
        assert [] == findings(activity())

    def test_atleast_one(self) -> None:
        assert [("error", "6.2.2", "iati-activity[0]")] == findings(activity(sectors=""))

    def test_one_or_all(self) -> None:
        found = rf.validate_iati(activity().replace(' xml:lang="en"', "").encode(), now=NOW)
        assert ["4.1.1"] == [d.message.split(":")[0] for d in found]
        assert (
            "4 narratives without xml:lang, the first at iati-activity[0].reporting-org[0].narrative[0]"
            in found[0].message
        )

    def test_if_then_takes_an_empty_node_set_as_false(self) -> None:
        """3.7.1: no country or region, and no transaction that has one."""
        assert [("error", "3.7.1", "iati-activity[0]")] == findings(activity(place=""))

    def test_date_order_and_now(self) -> None:
        dates = '<activity-date type="1" iso-date="2025-01-01"/>'
        later = (
            dates
            + '<activity-date type="3" iso-date="2024-01-01"/><activity-date type="2" iso-date="2026-07-01"/>'
        )
        found = findings(activity().replace(dates, later))
        assert [("error", "11.1.2", "iati-activity[0]"), ("error", "11.1.4", "iati-activity[0]")] == found
        assert [("error", "11.1.2", "iati-activity[0]")] == findings(
            activity().replace(dates, later), now=datetime(2026, 8, 1)
        )  # naive: UTC

    def test_strict_sum_and_loop(self) -> None:
        dac = '<sector code="15190" percentage="60"/><sector code="16010" percentage="30"/>'
        assert [("error", "2.1.2", "iati-activity[0]")] == findings(activity(sectors=dac))
        own = '<sector code="15190"/><sector vocabulary="99" code="A" percentage="50"><narrative>A</narrative></sector>'
        assert [("error", "2.1.4", "iati-activity[0]")] == findings(activity(sectors=own))

    def test_range_and_no_spaces_name_the_attribute(self) -> None:
        found = findings(activity(sectors='<sector code="15190" percentage="120"/>'))
        assert ("error", "12.3.1", "iati-activity[0].sector[0].@percentage") in found
        spaced = activity().replace("XM-DAC-47066-1<", "XM-DAC-47066-1 <")
        assert [("warning", "1.3.1", "iati-activity[0].iati-identifier[0]")] == findings(spaced)

    def test_regex_startswith_and_unique(self) -> None:
        slashed = activity().replace("XM-DAC-47066-1<", "XM-DAC-47066-1/2<")
        assert [("warning", "1.3.13", "iati-activity[0].iati-identifier[0]")] == findings(slashed)
        other = activity().replace("<iati-identifier>XM-DAC-47066-1", "<iati-identifier>IOM-1")
        assert [("warning", "1.1.21", "iati-activity[0].iati-identifier[0]")] == findings(other)
        unknown = activity().replace('ref="XM-DAC-47066"', 'ref="ZZ-X-47066"')
        assert ("warning", "1.14.8", "iati-activity[0].reporting-org[0].@ref") in findings(unknown)
        same = activity().replace("<iati-identifier>XM-DAC-47066-1", "<iati-identifier>XM-DAC-47066")
        assert ("error", "1.1.3", "iati-activity[0]") in findings(same)

    def test_no_more_than_one_and_values_by_measure(self) -> None:
        results = """<result type="1"><title><narrative>R</narrative></title><reference vocabulary="99" code="R"/>
        <indicator measure="1"><title><narrative>I</narrative></title><reference vocabulary="99" code="I"/>
        <baseline year="2020"/><period><period-start iso-date="2025-02-01"/><period-end iso-date="2025-01-01"/>
        <target value="many"/><actual/></period></indicator></result>"""
        assert [
            ("error", "8.11.1", "iati-activity[0].result[0].indicator[0]"),
            ("error", "8.6.1", "iati-activity[0].result[0].indicator[0].period[0]"),
            ("error", "8.8.1", "iati-activity[0].result[0].indicator[0].baseline[0]"),
            ("warning", "8.9.2", "iati-activity[0].result[0].indicator[0].period[0].target[0]"),
            ("error", "8.10.1", "iati-activity[0].result[0].indicator[0].period[0].actual[0]"),
        ] == findings(activity(results=results))

    def test_titles_need_text(self) -> None:
        found = findings(activity().replace("<narrative>T</narrative>", "<narrative/>"))
        assert [("error", "4.3.1", "iati-activity[0].title[0]")] == found

    def test_time_limit_of_a_budget(self) -> None:
        budget = '<budget><period-start iso-date="2025-01-01"/><period-end iso-date="2026-06-30"/><value value-date="2025-01-01">5</value></budget>'
        found = findings(activity(results=budget))
        assert ("error", "7.5.3", "iati-activity[0].budget[0]") in found
        assert ("error", "7.8.1", "iati-activity[0]") in found  # no default currency, none on the value

    def test_identifiers_are_unique_in_the_file(self) -> None:
        one = activity()
        two = one.replace(
            "</iati-activity></iati-activities>", "</iati-activity>" + one[one.index("<iati-activity ") :]
        )
        assert [("error", "1.1.2", "iati-activity[1].iati-identifier[0]")] == findings(two)

    def test_codelists_with_their_conditions(self) -> None:
        found = findings(activity(place='<recipient-country code="UK"/>'))
        assert [("error", "Country", "iati-activity[0].recipient-country[0].@code")] == found
        assert [("warning", "Country", "iati-activity[0].recipient-country[0].@code")] == findings(
            activity(place='<recipient-country code="AN"/>')
        )
        assert [("error", "Sector", "iati-activity[0].sector[0].@code")] == findings(
            activity(sectors='<sector code="1519"/>')
        )
        own = (
            '<sector code="15190"/><sector vocabulary="99" code="anything"><narrative>A</narrative></sector>'
        )
        assert [] == findings(activity(sectors=own))  # vocabulary 99 takes any code

    def test_kinds_the_standard_ruleset_does_not_use(self) -> None:
        """between_dates, only_one_of, dependent, sum and regex_no_matches, on rules of our own."""
        from lxml import etree

        root = etree.fromstring(
            b'<r><a/><b x="2025-03-01" s="e"/><c v="40"/><c v="50"/>'
            b'<p><period-start iso-date="2025-01-01"/><period-end iso-date="2025-02-01"/></p></r>'
        )

        def case(kind: str, **keys: Any) -> dict[str, Any]:
            return {"cases": [{**keys, "ruleInfo": {"id": "x", "severity": "error", "message": kind}}]}

        rules = {
            "/r": {
                "only_one_of": case("only_one_of", excluded=["a"], paths=["b"]),
                "dependent": case("dependent", paths=["a", "d"]),
                "sum": case("sum", paths=["c/@v"], sum=100),
                "regex_no_matches": case("regex_no_matches", paths=["b/@s"], regex="^e$"),
            },
            "/r/p": {
                "betweenDates": case(
                    "between_dates",
                    date="../b/@x",
                    start="period-start/@iso-date",
                    end="period-end/@iso-date",
                )
            },
        }
        found = iati_rules.check_rules(root, now=NOW, rules=rules)
        assert ["only_one_of", "dependent", "sum", "regex_no_matches", "between_dates"] == [
            d.message.split(" (")[0].removeprefix("x: ") for d in found
        ]
        with pytest.raises(NotImplementedError, match="no_such_kind"):
            list(iati_rules.check_rules(root, now=NOW, rules={"/r": {"no_such_kind": case("no_such_kind")}}))

    def test_schema_errors_are_diagnostics_with_the_element_and_line(self) -> None:
        written = document(rf.load(ILLUSTRATIVE))
        broken = written.replace(b"<period-start", b"<period-begin", 1)
        line = broken[: broken.index(b"<period-begin")].count(b"\n") + 1
        (finding,) = rf.validate_iati(broken)
        assert (rf.Severity.ERROR, "iati-schema") == (finding.severity, finding.code)
        assert (
            "iati-activity",
            0,
            "result",
            0,
            "indicator",
            0,
            "period",
            0,
            "period-begin",
            0,
        ) == finding.path
        assert finding.message.startswith(
            f"line {line}: Element 'period-begin': This element is not expected."
        )
        assert str(finding).startswith(
            "iati-activity[0].result[0].indicator[0].period[0].period-begin[0]: error [iati-schema] line "
        )

    def test_the_root_is_the_document(self) -> None:
        found = rf.validate_iati(b'<iati-activities version="2.03"><iati-activity/></iati-activities>')
        assert [
            "iati-activity[0]: error [iati-schema] line 1: Element 'iati-activity': Missing child element(s). Expected is ( iati-identifier )."
        ] == [str(f) for f in found]
        (finding, _) = rf.validate_iati(b"<iati-activities/>")
        assert () == finding.path
        assert (
            "$: error [iati-schema] line 1: Element 'iati-activities': The attribute 'version' is required"
            in str(finding)
        )

"""IATI 2.03 export: valid against the official schema, and the rules the schema does not check."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings

import resultsframework as rf

from .conftest import ROOT
from .strategies import programmes

ILLUSTRATIVE = ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml"
WHEN = datetime(2026, 1, 1, tzinfo=timezone.utc)  # noqa: UP017


def export(programme: rf.Programme) -> ET.Element:
    document = rf.to_iati(programme, reporting_org="XM-DAC-47066", generated=WHEN)
    assert [] == rf.validate_iati(document)
    return ET.fromstring(document)


class TestExport:
    def test_examples_are_valid(self, example: rf.Programme) -> None:
        root = export(example)
        activity = root.find("iati-activity")
        assert activity is not None
        assert "XM-DAC-47066-00127216" == activity.findtext("iati-identifier")
        assert ["1"] * 4 == [r.get("type") for r in activity.findall("result")]  # four outputs
        export(rf.load(ILLUSTRATIVE))

    def test_indicator_measures_values_and_direction(self) -> None:
        root = export(rf.load(ILLUSTRATIVE))
        indicators = {i.findtext("title/narrative", "").split(":")[0]: i for i in root.iter("indicator")}
        income = indicators["1.1"]
        assert ("2", "1") == (income.get("measure"), income.get("ascending"))
        actual = income.find("period/actual")
        assert actual is not None
        assert "42" == actual.get("value")
        assert "168 of 400" in (actual.findtext("comment/narrative") or "")
        assert "0" == indicators["1.2"].get("ascending")  # a decrease is success

    def test_qualitative_values_carry_no_value(self, example: rf.Programme) -> None:
        root = export(example)
        yes_no = next(i for i in root.iter("indicator") if i.get("measure") == "5")
        for figure in [*yes_no.iter("target"), *yes_no.iter("actual")]:
            assert figure.get("value") is None

    def test_breakdowns_are_dimensions(self) -> None:
        root = export(rf.load(ILLUSTRATIVE))
        dims = {(d.get("name"), d.get("value")) for d in root.iter("dimension")}
        assert {("sex", "female"), ("age", "18-24"), ("damage_category", "major")} <= dims

    def test_references_at_indicator_level_only(self) -> None:
        indicator = rf.Indicator("1.1", "Migration policies", rf.Measure.COUNT, links=(
            rf.FrameworkLink("sdg", "10.7.2"), rf.FrameworkLink("sdg", "10.7")), target=rf.Target(3))  # fmt: skip
        programme = rf.Programme("P", dates=rf.Dates(date(2025, 1, 1), date(2025, 12, 31)),
                                 outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),))  # fmt: skip
        root = export(programme)
        result = root.find("iati-activity/result")
        assert result is not None
        assert result.find("reference") is None
        refs = [(r.get("vocabulary"), r.get("code")) for r in result.iter("reference")]
        assert [("9", "10.7.2"), ("99", "1.1")] == refs  # a target (10.7) is no SDG indicator: left out

    def test_inverted_periods_are_left_out(self) -> None:
        record = rf.Achieved(rf.Period(date(2025, 6, 1), date(2025, 1, 1)), 5)
        indicator = rf.Indicator("1.1", "I", rf.Measure.COUNT, achieved=(record,))
        root = export(rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),)))
        assert [] == list(root.iter("period"))

    def test_hostile_text_stays_text(self) -> None:
        text = "]]> <script>alert(1)</script> \x01 & \u202e"
        indicator = rf.Indicator(
            "1.1", text, rf.Measure.QUALITATIVE, achieved=(rf.Achieved(rf.Period.year(2025), text),)
        )
        root = export(rf.Programme(text, outcomes=(rf.Outcome("1", text, indicators=(indicator,)),)))
        assert "]]> <script>alert(1)</script> \ufffd & \u202e" == root.findtext(
            "iati-activity/title/narrative"
        )

    @pytest.mark.extras("lxml")
    @settings(max_examples=25)
    @given(programmes)
    def test_any_programme_gives_a_valid_document(self, programme: rf.Programme) -> None:
        export(programme)


def test_web_sources_become_document_links() -> None:
    record = rf.Achieved(rf.Period.year(2025), 5, source="https://example.org/list.pdf")
    indicator = rf.Indicator("1.1", "People", rf.Measure.COUNT, achieved=(record,))
    root = export(rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),)))
    link = root.find(".//actual/document-link")
    assert link is not None
    assert ("https://example.org/list.pdf", "A08") == (link.get("url"), link.find("category").get("code"))  # type: ignore[union-attr]


def test_results_top_down_with_their_types() -> None:
    """Impact (3), then each outcome (2) and its outputs (1); results without indicators left out."""
    indicator = rf.Indicator("i", "People", rf.Measure.COUNT, target=rf.Target(3))
    outputs = (rf.Output("1.1", "Done", indicators=(indicator,)), rf.Output("1.2", "Nothing measured"))
    programme = rf.Programme(
        "P",
        dates=rf.Dates(date(2025, 1, 1), date(2025, 12, 31)),
        impact=rf.Impact("Better lives", indicators=(indicator,)),
        outcomes=(rf.Outcome("1", "O", indicators=(indicator,), outputs=outputs), rf.Outcome("2", "Empty")),
    )
    results = export(programme).findall("iati-activity/result")
    assert [("3", "Better lives"), ("2", "1: O"), ("1", "1.1: Done")] == [
        (r.get("type"), r.findtext("title/narrative")) for r in results
    ]


def test_values_take_no_trailing_zeros() -> None:
    records = (
        rf.Achieved(rf.Period.year(2024), Decimal("12.50")),
        rf.Achieved(rf.Period.year(2025), Decimal("100.00")),
    )
    indicator = rf.Indicator("1.1", "Kilometres", rf.Measure.NUMBER, achieved=records)
    root = export(rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),)))
    assert ["12.5", "100"] == [a.get("value") for a in root.iter("actual")]


def test_schema_errors_are_diagnostics_with_the_element_and_line() -> None:
    document = rf.to_iati(rf.load(ILLUSTRATIVE), reporting_org="XM-DAC-47066", generated=WHEN)
    broken = document.replace(b"<period-start", b"<period-begin", 1)
    line = broken[: broken.index(b"<period-begin")].count(b"\n") + 1
    (finding,) = rf.validate_iati(broken)
    assert (rf.Severity.ERROR, "iati-schema") == (finding.severity, finding.code)
    assert ("iati-activity", 0, "result", 0, "indicator", 0, "period", 0, "period-begin", 0) == finding.path
    assert finding.message.startswith(f"line {line}: Element 'period-begin': This element is not expected.")
    assert str(finding).startswith(
        "iati-activity[0].result[0].indicator[0].period[0].period-begin[0]: error [iati-schema] line "
    )


def test_the_root_is_the_document() -> None:
    findings = rf.validate_iati(b'<iati-activities version="2.03"><iati-activity/></iati-activities>')
    assert [
        "iati-activity[0]: error [iati-schema] line 1: Element 'iati-activity': Missing child element(s). Expected is ( iati-identifier )."
    ] == [str(f) for f in findings]
    (finding, _) = rf.validate_iati(b"<iati-activities/>")
    assert () == finding.path
    assert (
        "$: error [iati-schema] line 1: Element 'iati-activities': The attribute 'version' is required"
        in str(finding)
    )


def test_the_default_currency_is_the_budgets_and_never_invented() -> None:
    """A programme with no budget states no currency: IATI's default-currency is optional."""
    bare = export(rf.Programme("P")).find("iati-activity")
    assert bare is not None
    assert "default-currency" not in bare.attrib
    budget = rf.Budget(total_approved=rf.Money(Decimal(600000), "EUR"))
    activity = export(rf.Programme("P", budget=budget)).find("iati-activity")
    assert "EUR" == activity.get("default-currency")  # type: ignore[union-attr]
    fund = rf.Contribution(rf.ContributionSource.FUND, rf.Money(Decimal(1000), "CHF"))
    activity = export(rf.Programme("P", budget=rf.Budget(contributions=(fund,)))).find("iati-activity")
    assert "CHF" == activity.get("default-currency")  # type: ignore[union-attr]


def test_control_characters_anywhere_still_make_an_xml_document() -> None:
    """Identifiers, references and currencies hold the user's texts too, not only narratives."""
    import json

    data = json.loads(rf.dumps(rf.load(ILLUSTRATIVE)))
    data["identifiers"] = [{"scheme": "programme_number", "id": "RF\x1b-1"}]
    data["budget"]["total_approved"]["currency"] = "US\x00D"
    data["outcomes"][0]["outputs"][1]["indicators"][1]["code"] = "1.2.2\x01"
    programme = rf.loads(json.dumps(data), "json")
    root = ET.fromstring(rf.to_iati(programme, reporting_org="XM\x07", generated=WHEN))
    activity = root.find("iati-activity")
    assert activity is not None
    assert "XM\ufffd-RF\ufffd-1" == activity.findtext("iati-identifier")
    assert "US\ufffdD" == activity.get("default-currency")
    assert "1.2.2\ufffd" in {r.get("code") for r in activity.iter("reference")}

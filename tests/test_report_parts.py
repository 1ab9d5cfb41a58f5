"""The template's parts of the narrative report: kinds, the fund, acronyms, annexes, empty sections."""

from __future__ import annotations

import io
from datetime import date

import attrs
import pytest

import resultsframework as rf
from resultsframework.core.model import ContributionSource, OrganisationRole
from resultsframework.text.l10n import Localizer


def headings(markdown: str) -> list[str]:
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("final", "MPTF Office Generic Final Programme Narrative Report"),
        ("annual", "MPTF Office Generic Annual Programme Narrative Progress Report"),
        ("interim", "MPTF Office Generic Interim Programme Narrative Progress Report"),
    ],
)
def test_the_title_says_which_kind_of_report(example: rf.Programme, kind: str, title: str) -> None:
    assert title == headings(rf.report(example, "md", kind=kind))[0]


def test_an_unknown_kind_is_refused_with_the_kinds_known(example: rf.Programme) -> None:
    with pytest.raises(ValueError, match="final, annual, interim"):
        rf.report(example, "md", kind="quarterly")


def test_the_cover_names_the_fund_first(example: rf.Programme) -> None:
    assert rf.report(example, "md").startswith("**Iraq UNDAF Trust Fund**\n\n# MPTF Office")


def test_acronyms_and_annexes_come_after_the_cover_in_the_template_place(example: rf.Programme) -> None:
    found = headings(rf.report(example, "md"))
    assert ["Acronyms", "List of Annexes", "Executive Summary"] == found[1:4]
    text = rf.report(example, "md")
    assert "| GoI | Government of Iraq |" in text
    assert "**Annex X:** UNDP Evaluation Report" in text


def test_annexes_are_numbered_unless_labelled_and_their_links_shown() -> None:
    programme = rf.Programme(
        "P",
        annexes=[rf.Annex("Visibility plan"), rf.Annex("Minutes", label="Annex B", link="minutes.pdf")],
    )
    text = rf.report(programme, "md")
    assert "**Annex I:** Visibility plan" in text
    assert "**Annex B:** Minutes (minutes.pdf)" in text
    assert "**Annexe I\u202f:** Visibility plan" in rf.report(programme, "md", "fr")
    assert "**الملحق ١:** Visibility plan" in rf.report(programme, "md", "ar", digits="arab")


def test_a_report_without_acronyms_or_annexes_leaves_their_headings_out() -> None:
    found = headings(rf.report(rf.Programme("P"), "md"))
    assert "Acronyms" not in found
    assert "List of Annexes" not in found


def test_empty_sections_can_be_kept_saying_nothing_was_reported() -> None:
    programme = rf.Programme("P", narrative={"challenges": "Access was limited."})
    left_out = headings(rf.report(programme, "md"))
    assert "Executive Summary" not in left_out
    assert "I. Purpose" not in left_out  # nor a heading over sections that are all left out
    assert "Challenges" in left_out
    said = rf.report(programme, "md", empty_sections="say")
    for heading in (
        "Acronyms",
        "List of Annexes",
        "Executive Summary",
        "I. Purpose",
        "Lessons learned and best practices",
    ):
        assert heading in headings(said)
    assert said.count("Nothing was reported for this section.") >= 8
    assert "Access was limited." in said
    assert "Rien n’a été rapporté pour cette section." in rf.report(
        programme, "md", "fr", empty_sections="say"
    )


def test_the_template_cost_rows_are_kept_when_empty() -> None:
    text = rf.report(rf.Programme("P"), "md")
    for row in ("MPTF/JP Contribution", "Agency Contribution", "Government Contribution",
                "Other Contributions (donors)"):  # fmt: skip
        assert f"| {row} |  |" in text


def test_a_contribution_is_shown_on_its_own_row(example: rf.Programme) -> None:
    budget = rf.Budget(
        rf.Money(600000, "USD"),
        [rf.Contribution(ContributionSource.DONOR, rf.Money(50000, "USD"), "Germany")],
    )
    text = rf.report(attrs.evolve(example, budget=budget), "md")
    assert "| Other Contributions (donors) | 50,000 USD (Germany) |" in text
    assert "| Government Contribution |  |" in text


def test_a_donor_contribution_and_a_donor_organisation_have_their_own_labels() -> None:
    # Both enumerations spell the member "donor"; one label must not replace the other.
    loc = Localizer("en")
    assert "Other Contributions (donors)" == loc.label(ContributionSource.DONOR)
    assert "Donor" == loc.label(OrganisationRole.DONOR)


def test_the_extension_is_stated_in_months(example: rf.Programme) -> None:
    assert "| Extension (months) | 3 |" in rf.report(example, "md")
    unextended = attrs.evolve(example, dates=rf.Dates(date(2021, 5, 1), date(2021, 9, 30), date(2021, 9, 30)))
    assert "Extension" not in rf.report(unextended, "md")


def test_a_report_as_of_a_date_states_its_own_period(example: rf.Programme) -> None:
    text = rf.report(example, "md", as_of=date(2021, 9, 30))
    assert "**Reporting period: from 1 May 2021 to 30 September 2021**" in text
    assert "**Reporting period: from May 2021 to December 2021**" in rf.report(example, "md")


def test_the_file_format_keeps_fund_acronyms_and_annexes(example: rf.Programme) -> None:
    text = rf.dumps(example, "yaml")
    assert rf.loads(text, "yaml") == example
    assert "fund: Iraq UNDAF Trust Fund\n" in text
    assert "acronyms:\n  CSO: Civil Society Organization\n" in text


def test_arabic_digits_apply_to_codes_too(example: rf.Programme) -> None:
    table = rf.render(example, "md", "ar", digits="arab")
    assert "**الحصيلة ١:**" in table
    assert "**المؤشر ١.١.١:**" in table
    report = rf.report(example, "md", "ar", digits="arab")
    assert "**الحصيلة ١:**" in report
    assert "**المؤشر ١.١.١:**" in rf.render(example, "md", "ar", digits="arab")
    assert "**المؤشر 1.1.1:**" in rf.render(example, "md", "ar")  # Latin digits unless asked


def test_arabic_markdown_asks_python_markdown_to_render_inside_its_wrapper(example: rf.Programme) -> None:
    # GitHub renders Markdown inside a <div> as it is; MkDocs / Python-Markdown (md_in_html) only
    # where the div says markdown="1".
    for text in (rf.render(example, "md", "ar"), rf.report(example, "md", "ar")):
        assert text.startswith('<div dir="rtl" lang="ar" markdown="1">\n\n')
    assert "<div" not in rf.render(example, "md", "en")


def test_lessons_and_recommendations_are_listed_under_lessons_learned() -> None:
    programme = rf.load("examples/iom-iraq-reintegration-illustrative.yaml")
    programme = attrs.evolve(
        programme,
        narrative={**programme.narrative, "lessons_learned": "The first cohort taught us most."},
        lessons=(
            *programme.lessons,
            rf.Lesson("Cohorts of twenty work best.", results=("1.1.1", "2", "9.9")),
        ),
    )
    text = rf.report(programme, "md")
    section = text[text.index("### Lessons learned and best practices") :]
    assert section.index("The first cohort taught us most.") < section.index(
        "- **1:** Signing"
    )  # outcome? output?
    assert "- **1\\.1.1, Output 2, 9.9:** Cohorts of twenty work best." in section  # other codes as written
    assert "### Recommendations\n\n- **IOM (1):** Collect employment data" in section
    french = rf.report(programme, "md", "fr")
    assert "- **1\\.1.1, Produit 2, 9.9\u202f:** Cohorts" in french
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(rf.report(programme, "docx")))
    items = [p for p in document.paragraphs if p.text.endswith("Cohorts of twenty work best.")]
    assert ["List Bullet"] == [p.style.name for p in items]  # a Word list item, led in bold
    assert ("1.1.1, Output 2, 9.9:", True) == (items[0].runs[0].text.strip(), items[0].runs[0].bold)


def test_a_programme_with_lessons_but_no_narrative_has_the_section() -> None:
    programme = rf.load("examples/iom-iraq-reintegration-illustrative.yaml")
    programme = attrs.evolve(programme, narrative={}, recommendations=())
    assert "Lessons learned and best practices" in headings(rf.report(programme, "md"))
    assert "Recommendations" not in headings(rf.report(programme, "md"))

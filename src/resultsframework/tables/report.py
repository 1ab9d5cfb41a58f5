"""
The MPTF Generic Final Programme Narrative Report, built from a programme file.

The report is built once as a list of blocks (headings, paragraphs, tables) in the
template's order and headings, with every text localised; Markdown and Word lay
the blocks out.  Narrative sections the file does not hold are left out; sections
the template does not know are kept, at the end, under their own names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import attrs

from ..assessment.progress import Assessment, assess
from ..assessment.rollup import roll_up
from ..core.framework import Framework
from ..core.model import (
    Activity,
    ActivityStatus,
    Contribution,
    ContributionSource,
    Evaluation,
    Money,
    OrganisationRole,
    Programme,
)
from ..text.l10n import N_, Localizer
from ..text.labels import LABELS
from .mptf import indicator_table
from .results import results_table
from .table import Column, Part, Table, TableCell, TableRow
from .words import activity_words, result_names

__all__ = ["REPORT_KINDS", "Block", "Heading", "ImageBlock", "Paragraph", "TableBlock", "report_blocks"]


@attrs.frozen
class Heading:
    level: int
    text: str


@attrs.frozen
class Paragraph:
    text: str
    bold: bool = False
    bullet: bool = False
    prefix: str | None = None
    """A label before the text, in bold ("Annex I:"): the template's words, the text the file's."""


@attrs.frozen
class TableBlock:
    table: Table
    second_column: int | None = None
    """
    For a table laid out in two columns on its page, as the template's cover is (in Word): the
    row the second column starts at. Formats without columns show the rows in order.
    """


@attrs.frozen
class ImageBlock:
    """A picture (PNG bytes), such as a chart; Word shows it, Markdown leaves it out."""

    data: bytes
    caption: str


Block = Heading | Paragraph | TableBlock | ImageBlock

REPORT_KINDS = {
    "final": N_("MPTF Office Generic Final Programme Narrative Report"),
    "annual": N_("MPTF Office Generic Annual Programme Narrative Progress Report"),
    "interim": N_("MPTF Office Generic Interim Programme Narrative Progress Report"),
}
"""The kinds of narrative report, each with its title: the MPTF Office's final report, and the
annual and interim progress reports on the same template."""

EMPTY_SECTIONS = ("omit", "say")

# Narrative sections the template places, in its order: (key, heading or None).
_PLACED = (
    "executive_summary", "purpose", "national_goals", "undaf_alignment", "qualitative_assessment",
    "evaluation", "challenges", "lessons_learned", "specific_story",
)  # fmt: skip


def report_blocks(
    programme: Programme,
    *,
    locale: str | Localizer = "en",
    assessment: Assessment | None = None,
    as_of: date | None = None,
    results: str | Framework | None = None,
    level: str | None = None,
    kind: str = "final",
    empty_sections: str = "omit",
) -> list[Block]:
    """
    The blocks of the narrative report of *programme*, in the template's order.

    *kind* is ``final`` (the default), ``annual`` or ``interim``: the title says which.  With
    *results* (a framework or its id), the indicator table is followed by the programme's
    figures by element of that framework (at *level*), as
    :func:`~resultsframework.results_table` lays them out.  A narrative section of the
    template the file does not hold is left out, or, with *empty_sections* ``"say"``, kept
    with a line saying nothing was reported.  With *as_of*, the reporting period stated ends
    on that date.

    Raises:
        ValueError: for a kind or an *empty_sections* choice it does not know.

    .. versionadded:: 0.1.0
    """
    if kind not in REPORT_KINDS:
        raise ValueError(f"unknown report kind {kind!r}: expected one of {', '.join(REPORT_KINDS)}")
    if empty_sections not in EMPTY_SECTIONS:
        raise ValueError(
            f"unknown empty_sections {empty_sections!r}: expected one of {', '.join(EMPTY_SECTIONS)}"
        )
    loc = Localizer.of(locale)
    judged = assessment or assess(programme, as_of)
    by_element = None
    if results is not None:
        rollup = roll_up(programme, results, level=level, assessments=[judged])
        by_element = results_table(rollup, locale=loc)
    report = _Report(programme, loc, judged, by_element)
    report.kind = kind
    report.say_empty = empty_sections == "say"
    report.as_of = as_of
    return list(report.blocks())


class _Report:
    kind = "final"
    say_empty = False
    as_of: date | None = None

    def __init__(
        self, programme: Programme, loc: Localizer, assessment: Assessment, by_element: Table | None = None
    ) -> None:
        self.by_element = by_element
        self.programme = programme
        self.loc = loc
        self._ = loc.gettext
        self.assessment = assessment
        self.org_ids = {o.id for o in programme.organisations}

    def blocks(self) -> Iterator[Block]:
        _ = self._
        narrative = self.programme.narrative
        if self.programme.fund:
            yield Paragraph(self.programme.fund, bold=True)
        yield Heading(1, _(REPORT_KINDS[self.kind]))
        period = self.reporting_period()
        if period:
            yield Paragraph(period, bold=True)
        cover, second_column = self.cover()
        yield TableBlock(cover, second_column)
        yield from self.acronyms()
        yield from self.annexes()
        yield from self.section(1, N_("Executive Summary"), "executive_summary")
        if self.say_empty or any(narrative.get(k) for k in ("purpose", "national_goals", "undaf_alignment")):
            yield Heading(1, _(N_("I. Purpose")))
            if narrative.get("purpose") or not self.say_empty:
                yield from self.text(narrative.get("purpose"))
            else:
                yield self.nothing()
            yield from self.section(2, N_("Relevant National Goal(s)"), "national_goals")
            yield from self.section(2, N_("Relevant UNDAF Strategic Result & Outcome"), "undaf_alignment")
        yield Heading(1, _(N_("II. Assessment of Programme Results")))
        yield Heading(2, _(N_("i) Narrative reporting on results")))
        yield from self.results()
        yield from self.section(3, N_("Qualitative assessment"), "qualitative_assessment")
        yield Heading(2, _(N_("ii) Indicator Based Performance Assessment")))
        yield TableBlock(indicator_table(self.programme, locale=self.loc, assessment=self.assessment))
        if self.by_element is not None:
            yield Heading(3, self.by_element.title)
            yield TableBlock(self.by_element)
        listed = bool(self.programme.lessons or self.programme.recommendations)
        if (
            self.say_empty
            or listed
            or any(k in narrative for k in ("evaluation", "challenges", "lessons_learned"))
        ):
            yield Heading(2, _(N_("iii) Evaluation, Best Practices and Lessons Learned")))
            yield from self.section(3, N_("Assessments, evaluations and studies"), "evaluation")
            yield from self.section(3, N_("Challenges"), "challenges")
            yield from self.learning()
        yield from self.section(2, N_("iv) A Specific Story (Optional)"), "specific_story")
        for key, text in narrative.items():
            if key not in _PLACED:
                yield Heading(2, key.replace("_", " ").capitalize())
                yield from self.text(text)

    # -- pieces ----------------------------------------------------------------------

    def section(self, level: int, heading: str, key: str) -> Iterator[Block]:
        text = self.programme.narrative.get(key)
        if text:
            yield Heading(level, self._(heading))
            yield from self.text(text)
        elif self.say_empty:
            yield Heading(level, self._(heading))
            yield self.nothing()

    def learning(self) -> Iterator[Block]:
        """
        The template's lessons learned: the narrative, then the lessons the file lists, each with
        the results it bears on; then its recommendations, each with whom it is addressed to.
        """
        _ = self._
        lessons, recommendations = self.programme.lessons, self.programme.recommendations
        if not lessons:
            yield from self.section(3, N_("Lessons learned and best practices"), "lessons_learned")
        else:
            yield Heading(3, _(N_("Lessons learned and best practices")))
            yield from self.text(self.programme.narrative.get("lessons_learned"))
            for lesson in lessons:
                yield self.listed(lesson.statement, self.named(lesson.results))
        if recommendations:
            yield Heading(3, _(N_("Recommendations")))
            for item in recommendations:
                whom, results = self.loc.comma.join(item.addressed_to), self.named(item.results)
                yield self.listed(
                    item.statement, f"{whom} ({results})" if whom and results else whom or results
                )

    def listed(self, statement: str, about: str) -> Paragraph:
        """A lesson or recommendation as a list item, led by what it bears on: "Output 1: ..."."""
        return Paragraph(statement, bullet=True, prefix=self.loc.colon(about) if about else None)

    def named(self, codes: tuple[str, ...]) -> str:
        return result_names(self.loc, self.programme, codes)

    def nothing(self) -> Paragraph:
        return Paragraph(self._(N_("Nothing was reported for this section.")))

    def acronyms(self) -> Iterator[Block]:
        """The template's Acronyms, as a table of two columns, in the file's order."""
        _ = self._
        acronyms = self.programme.acronyms
        if not acronyms and not self.say_empty:
            return
        yield Heading(1, _(N_("Acronyms")))
        if not acronyms:
            yield self.nothing()
            return
        columns = (Column("acronym", _(N_("Acronym")), 1), Column("meaning", _(N_("Meaning")), 4))
        rows = tuple(
            TableRow("field", (TableCell((Part("label", _(N_("Acronym")), short),)),
                               TableCell((Part("value", _(N_("Meaning")), meaning),))))
            for short, meaning in acronyms.items()
        )  # fmt: skip
        title = _(N_("Acronyms"))
        yield TableBlock(Table(title, columns, rows, (), self.loc.tag, self.loc.rtl, header=False))

    def annexes(self) -> Iterator[Block]:
        """The template's List of Annexes, each numbered as the report refers to it."""
        _ = self._
        annexes = self.programme.annexes
        if not annexes and not self.say_empty:
            return
        yield Heading(1, _(N_("List of Annexes")))
        if not annexes:
            yield self.nothing()
        for number, annex in enumerate(annexes, start=1):
            numeral = self.loc.number(number) if self.loc.rtl else _roman(number)
            label = annex.label or _(N_("Annex {number}")).format(number=numeral)
            where = f" ({annex.link})" if annex.link else ""
            yield Paragraph(f"{annex.title}{where}", prefix=self.loc.colon(label))

    def text(self, text: str | None) -> Iterator[Paragraph]:
        """
        Paragraphs of a narrative, as the format says: blank lines separate paragraphs, and a
        single line break inside one is a space (text wrapped in a file, or pasted from a PDF);
        a line starting with '- ' is a list item.
        """
        if not text:
            return
        for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
            lines: list[str] = []
            for line in (line.strip() for line in block.split("\n")):
                if line.startswith("- ") or not lines:
                    lines.append(line)
                elif line:
                    lines[-1] = f"{lines[-1]} {line}" if lines[-1] else line
            for line in filter(None, lines):
                if line.startswith("- "):
                    yield Paragraph(line[2:].strip(), bullet=True)
                else:
                    yield Paragraph(line, bold=line in self.org_ids)

    def results(self) -> Iterator[Block]:
        _ = self._
        programme = self.programme
        if programme.outcomes:
            yield Heading(3, _(N_("Outcomes")))
        for outcome in programme.outcomes:
            label = f"{_(N_('Outcome'))} {self.loc.code(outcome.code)}"
            yield Paragraph(f"{self.loc.colon(label)} {outcome.statement}", bold=True)
            yield from self.text(outcome.narrative)
        if any(outcome.outputs for outcome in programme.outcomes):
            yield Heading(3, _(N_("Outputs")))
        for _outcome, output in programme.outputs():
            label = f"{_(N_('Output'))} {self.loc.code(output.code)}"
            yield Paragraph(f"{self.loc.colon(label)} {output.statement}", bold=True)
            yield from self.text(output.narrative)
            for activity in output.activities:
                yield from self.activity(activity)

    def activity(self, activity: Activity) -> Iterator[Block]:
        _ = self._
        who = f" ({', '.join(activity.responsible)})" if activity.responsible else ""
        label = f"{_(N_('Activity'))} {self.loc.code(activity.code)}"
        yield Paragraph(f"{self.loc.colon(label)} {activity.statement}{who}", bold=True)
        when = activity_words(self.loc, activity)
        if when:
            yield Paragraph(when[:1].upper() + when[1:] + ".")
        if activity.status is ActivityStatus.NOT_CONDUCTED:
            yield Paragraph(f"{self.loc.label(activity.status)}.")
        yield from self.text(activity.status_reason)
        yield from self.text(activity.narrative)

    def reporting_period(self) -> str | None:
        """The period the report covers: its reporting periods, up to the date it is as of."""
        periods = self.programme.reporting_periods
        if not periods:
            return None
        _ = self._
        first = min(p.start for p in periods)
        last = max(p.end for p in periods)
        if self.as_of is not None and first <= self.as_of < last:
            start, end = self.loc.date(first), self.loc.date(self.as_of)
        else:
            start, end = self.loc.month(first), self.loc.month(last)
        return f"{self.loc.colon(_(N_('Reporting period')))} {_(N_('from'))} {start} {_(N_('to'))} {end}"

    # -- the cover table --------------------------------------------------------------

    def cover(self) -> tuple[Table, int]:
        """
        The cover page: the template's sections, each with its fields, and the row its second
        column starts at (the template's left column: the programme, its organisations, cost and
        evaluation; the right: where, who implements, when, and who submits the report).
        """
        _ = self._
        columns_of_sections = (
            (
                (N_("Programme Title & Project Number"), self.identity()),
                (N_("Participating Organization(s)"), self.participants()),
                (N_("Programme/Project Cost"), self.cost()),
                (N_("Programme Assessment/Review/Mid-Term Eval."), self.evaluation()),
            ),
            (
                (N_("Country, Locality(s), Priority Area(s) / Strategic Results"), self.place()),
                (N_("Implementing Partners"), self.partners()),
                (N_("Programme Duration"), self.duration()),
                (N_("Report Submitted By"), self.submitted_by()),
            ),
        )
        rows: list[TableRow] = []
        second_column = 0
        for sections in columns_of_sections:
            second_column = second_column or len(rows)
            for title, fields in sections:
                rows.append(
                    TableRow("section", (TableCell((Part("section", _(title), "", prefix=_(title)),)),))
                )
                for label, value in fields:
                    label_cell = TableCell((Part("label", _(N_("Field")), _(label)),))
                    value_cell = TableCell((Part("value", _(N_("Value")), value or ""),))
                    rows.append(TableRow("field", (label_cell, value_cell)))
        columns = (Column("label", _(N_("Field")), 2), Column("value", _(N_("Value")), 3))
        title = _(N_("Programme cover page"))
        table = Table(title, columns, tuple(rows), (), self.loc.tag, self.loc.rtl, header=False)
        return table, second_column

    def identity(self) -> list[tuple[str, str | None]]:
        p = self.programme
        fields = [
            (N_("Programme Title"), p.title),
            (N_("Programme Number"), p.identifier("programme_number")),
            (N_("MPTF Office Project Reference Number"), p.identifier("mptf_project")),
        ]
        fields += [
            (i.scheme, i.id) for i in p.identifiers if i.scheme not in ("programme_number", "mptf_project")
        ]
        return fields

    def organisations(self, *roles: OrganisationRole) -> str:
        return "\n".join(
            self.organisation(o.id, o.name, o.role) for o in self.programme.organisations if o.role in roles
        )

    def participants(self) -> list[tuple[str, str | None]]:
        label = N_(
            "Organizations that have received direct funding from the MPTF Office under this programme"
        )
        return [(label, self.organisations(OrganisationRole.LEAD, OrganisationRole.PARTICIPATING))]

    def partners(self) -> list[tuple[str, str | None]]:
        label = N_(
            "National counterparts (government, private, NGOs & others) and other International Organizations"
        )
        roles = (OrganisationRole.IMPLEMENTING_PARTNER, OrganisationRole.GOVERNMENT_COUNTERPART)
        return [(label, self.organisations(*roles))]

    def cost(self) -> list[tuple[str, str | None]]:
        """The template's cost rows, each kept even when the file gives no figure for it."""
        budget = self.programme.budget
        loc = self.loc
        approved = budget.total_approved if budget else None
        contributions = budget.contributions if budget else ()
        fields: list[tuple[str, str | None]] = [
            (N_("Total approved budget as per project document"), loc.money(approved) if approved else None)
        ]
        for source in _COST_ROWS:
            given = [c for c in contributions if c.source is source]
            if not given and source is not ContributionSource.OTHER:
                fields.append((LABELS[source], None))
            for contribution in given:
                who = f" ({contribution.contributor})" if contribution.contributor else ""
                fields.append((LABELS[source], loc.money(contribution.amount) + who))
        total = _total(contributions) or ([approved] if approved else [])
        fields.append((N_("TOTAL"), ", ".join(loc.money(m) for m in total)))
        return fields

    def place(self) -> list[tuple[str, str | None]]:
        p = self.programme
        return [
            (N_("Country/Region"), p.country),
            (N_("Locality(s)"), ", ".join(place.name for place in p.localities)),
            (N_("Priority area/ strategic results"), p.priority_area),
        ]

    def duration(self) -> list[tuple[str, str | None]]:
        dates = self.programme.dates
        if dates is None:
            return []
        loc = self.loc
        span = dates.duration
        fields: list[tuple[str, str | None]] = [
            (N_("Overall Duration (months)"), loc.number(span.months) if span else None),
            (N_("Start Date"), self.when(dates.start)),
            (N_("Original End Date"), self.when(dates.original_end)),
            (N_("Actual End date"), self.when(dates.actual_end)),
        ]
        if dates.extended and dates.original_end and dates.actual_end:
            months = (dates.actual_end.year - dates.original_end.year) * 12
            months += dates.actual_end.month - dates.original_end.month
            fields.append((N_("Extension (months)"), loc.number(months) if months else None))
        if dates.extension_reason:
            fields.append((N_("Reason for extension"), dates.extension_reason))
        closed = dates.operationally_closed
        fields += [
            (N_("Have agency(ies) operationally closed the Programme in its(their) system?"),
             loc.yes_no(closed) if closed is not None else None),
            (N_("Expected Financial Closure date"), self.when(dates.financial_closure)),
        ]  # fmt: skip
        return fields

    def evaluation(self) -> list[tuple[str, str | None]]:
        """The template's evaluation rows, kept empty when the file states no evaluation."""
        evaluation = self.programme.evaluation or Evaluation()
        return [
            (N_("Evaluation Completed"), self.yes_no_date(evaluation.completed, evaluation.date)),
            (
                N_("Evaluation Report - Attached"),
                self.yes_no_date(evaluation.report_attached, evaluation.report_date),
            ),
        ]

    def submitted_by(self) -> list[tuple[str, str | None]]:
        """The template's rows of who submits the report, kept empty when the file does not say."""
        contact = self.programme.submitted_by
        return [
            (N_("Name"), contact.name if contact else None),
            (N_("Title"), contact.title if contact else None),
            (N_("Participating Organization (Lead)"), contact.organisation if contact else None),
            (N_("Email address"), contact.email if contact else None),
        ]

    def when(self, value: date | None) -> str | None:
        return self.loc.date(value) if value is not None else None

    def organisation(self, org_id: str, name: str | None, role: OrganisationRole) -> str:
        label = f"{name} ({org_id})" if name else org_id
        if role is OrganisationRole.PARTICIPATING:
            return label
        return f"{label}{self.loc.comma}{self.loc.label(role).lower()}"

    def yes_no_date(self, answer: bool | None, when: date | None) -> str:
        parts = []
        if answer is not None:
            parts.append(self.loc.yes_no(answer))
        if when is not None:
            parts.append(f"{self.loc.colon(self._(N_('Date')))} {self.loc.date(when)}")
        return "; ".join(parts)


# The cost rows in the template's order.
_COST_ROWS = (
    ContributionSource.FUND, ContributionSource.AGENCY, ContributionSource.GOVERNMENT,
    ContributionSource.DONOR, ContributionSource.OTHER,
)  # fmt: skip


def _roman(number: int) -> str:
    """*number* in Roman numerals, as annexes are numbered (I, II, ..., X)."""
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
    out = []
    for value, numeral in numerals:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


def _total(contributions: tuple[Contribution, ...]) -> list[Money]:
    """The sum of the contributions, one amount per currency."""
    sums: dict[str, Money] = {}
    for contribution in contributions:
        amount = contribution.amount
        current = sums.get(amount.currency)
        sums[amount.currency] = Money(amount.amount + (current.amount if current else 0), amount.currency)
    return list(sums.values())

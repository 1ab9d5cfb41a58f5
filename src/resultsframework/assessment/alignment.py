"""
Alignment: programme results rolled up into a framework's elements.

**The inheritance rule.**  An indicator counts under the elements of a framework it
links to itself.  If it has no link to that framework, it counts where its output
links to, else its outcome, else the programme (an impact indicator: the impact,
else the programme).  A link to a framework at a lower level replaces, for that
framework, every link above it: an output under an outcome linked to IOM pillar
outcome 1.3 counts under 1.3 unless it links to an IOM outcome itself.  An element
counts the indicators linked to it and to every element below it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date

import attrs

from ..core.framework import Framework
from ..core.model import FrameworkLink, Indicator, Node, Programme, Status
from .progress import Assessment, IndicatorAssessment, assess

__all__ = ["AlignedIndicator", "Alignment", "align"]


@attrs.frozen
class AlignedIndicator:
    """
    One programme indicator, with the framework elements it counts under.

    .. versionadded:: 0.1.0
    """

    programme: Programme
    """The programme the indicator belongs to."""
    assessment: IndicatorAssessment
    """The indicator's assessment (its indicator, status and achievement rate)."""
    codes: tuple[str, ...]
    """The framework codes it counts under (its own links, or inherited ones)."""
    inherited: bool
    """Whether the codes come from a result above the indicator."""

    @property
    def status(self) -> Status:
        """The indicator's assessed status."""
        return self.assessment.status


@attrs.frozen
class Alignment:
    """
    Every indicator of a portfolio, placed under the elements of one framework.

    .. versionadded:: 0.1.0
    """

    framework: Framework
    """The framework the indicators are placed under."""
    programmes: tuple[Programme, ...]
    """The programmes of the portfolio, in the order given."""
    items: tuple[AlignedIndicator, ...]
    """Every indicator of every programme, with the codes it counts under."""

    def linked_to(self, code: str) -> list[AlignedIndicator]:
        """The indicators linked directly to *code*."""
        return [item for item in self.items if code in item.codes]

    def under(self, code: str) -> list[AlignedIndicator]:
        """The indicators linked to *code* or to any element below it (each once)."""
        codes = {code, *(e.code for e in self.framework.descendants(code))}
        return [item for item in self.items if codes.intersection(item.codes)]

    def counts(self, code: str) -> Counter[Status]:
        """Indicators under *code* by status."""
        return Counter(item.status for item in self.under(code))

    def unaligned(self) -> list[AlignedIndicator]:
        """The indicators linked to no element of the framework, not even through their results."""
        return [item for item in self.items if not item.codes]

    def matrix(self, level: str) -> dict[Programme, dict[str, int]]:
        """
        Programme → element code (of one *level*) → number of indicators under it.

        Keyed by the programme itself: two programmes sharing a title are two rows
        (``matrix[programme]``; the programmes in order are :attr:`programmes`).
        """
        elements = self.framework.at_level(level)
        subtrees = {
            element.code: {element.code, *(e.code for e in self.framework.descendants(element.code))}
            for element in elements
        }
        result: dict[Programme, dict[str, int]] = {}
        for programme in self.programmes:
            mine = [i for i in self.items if i.programme is programme]
            result[programme] = {
                code: sum(1 for i in mine if codes.intersection(i.codes)) for code, codes in subtrees.items()
            }
        return result


def align(
    programmes: Programme | Iterable[Programme],
    framework: str | Framework = "iom-iraq-2022",
    *,
    as_of: date | None = None,
    assessments: Iterable[Assessment] | None = None,
) -> Alignment:
    """
    Place every indicator of one programme or a portfolio under a framework's elements.

    Args:
        programmes: One programme or several.
        framework: A framework or the id of a known one.
        as_of: The date statuses are assessed as of (default: each programme as of the end of
            its last reporting period).
        assessments: Assessments to use instead, one per programme, in order.

    .. versionadded:: 0.1.0
    """
    from ..io import frameworks  # noqa: PLC0415

    fw = framework if isinstance(framework, Framework) else frameworks.get(framework)
    portfolio = (programmes,) if isinstance(programmes, Programme) else tuple(programmes)
    given = list(assessments) if assessments is not None else [assess(p, as_of) for p in portfolio]
    items: list[AlignedIndicator] = []
    for programme, assessment in zip(portfolio, given, strict=True):
        for indicator, codes, inherited in _effective(programme, fw.id):
            items.append(AlignedIndicator(programme, assessment.of(indicator), codes, inherited))
    return Alignment(fw, portfolio, tuple(items))


def _own(links: tuple[FrameworkLink, ...], framework_id: str) -> tuple[str, ...]:
    return tuple(link.code for link in links if link.framework == framework_id)


def _effective(programme: Programme, framework_id: str) -> Iterator[tuple[Indicator, tuple[str, ...], bool]]:
    """(indicator, codes it counts under, inherited?) for every indicator, by the inheritance rule."""
    for node, codes, inherited in effective_links(programme, framework_id):
        yield node.item, codes, inherited  # type: ignore[misc]


def effective_links(programme: Programme, framework_id: str) -> Iterator[tuple[Node, tuple[str, ...], bool]]:
    """
    Every indicator's node, with the codes of *framework_id* it counts under and whether they are
    inherited, by the inheritance rule: its own links, else its output's, its outcome's (or the
    impact's), else the programme's.
    """
    top = _own(programme.links, framework_id)
    above: dict[int, tuple[str, ...]] = {}  # by id of the impact, outcome or output
    for node in programme.walk("impact", "outcome", "output", "indicator"):
        if node.kind in {"impact", "outcome"}:
            above[id(node.item)] = _own(node.item.links, framework_id) or top
        elif node.kind == "output":
            outer = above[id(node.outcome)]
            above[id(node.item)] = _own(node.item.links, framework_id) or outer
        else:
            own = _own(node.item.links, framework_id)
            result = node.output if node.output is not None else node.outcome
            if own:
                yield node, own, False
            elif result is not None:
                yield node, above[id(result)], True
            else:  # an impact indicator
                yield node, above.get(id(programme.impact), top), True

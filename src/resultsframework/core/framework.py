"""
Frameworks as data: the strategies, goals and catalogues programmes report into.

A :class:`Framework` is a tree of :class:`Element` objects (pillars, objectives,
outcomes; goals, targets, indicators; strategic objectives, sub-criteria and
catalogue indicators), each with a stable code.  The frameworks the package ships
and the ones a user writes in YAML have the same format and are used the same way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import attrs

from .errors import Problem, did_you_mean
from .model import FrameworkLink

__all__ = ["Element", "Framework"]

FRAMEWORK_FORMAT = "resultsframework-framework/1"
"""The value of the ``format`` key of framework files."""


@attrs.frozen
class Element:
    """
    One element of a framework: a pillar, an objective, an outcome, a goal, a target,
    an indicator of a catalogue ...

    .. versionadded:: 0.1.0
    """

    code: str
    """Its code, unique in the framework (``10.7``, ``1.3``, ``SO3.1.1``)."""
    title: str
    """Its title in the framework's language."""
    level: str
    """The level's name, one of the framework's ``levels``."""
    parent: str | None = None
    """The code of the element above, if any."""
    short: str | None = None
    """A short title (the SDGs' "Reduced inequalities")."""
    translations: dict[str, str] = attrs.field(factory=dict, hash=False)
    """The title in other languages, by language code (``fr``, ``ar``)."""
    description: str | None = None
    """A longer text, as the source gives it."""
    unit: str | None = None
    """The unit of measurement a catalogue indicator is reported in."""
    guidance: str | None = None
    """How to report a catalogue indicator."""
    disaggregation: tuple[str, ...] = ()
    """The dimensions the guidance requires values to be broken down by."""
    links: tuple[FrameworkLink, ...] = ()
    """Links to elements of other frameworks (a pillar to SDG targets and GCM objectives)."""
    incomplete: bool = False
    """The source is cut off here; what is held is what the source says, no more."""
    note: str | None = None
    """A remark on the element (where the source is unclear, what was reconstructed)."""

    def title_in(self, language: str) -> str:
        """The title in *language* (``fr``, ``ar``), else in the source language."""
        return (
            self.translations.get(language.split("_", maxsplit=1)[0].split("-", maxsplit=1)[0]) or self.title
        )


@attrs.frozen(repr=False)
class Framework:
    """
    A framework: its identity, its source, and its elements.

    .. versionadded:: 0.1.0
    """

    id: str
    """The id links use before the colon (``sdg`` in ``sdg:10.7``)."""
    title: str
    """Its title."""
    levels: tuple[str, ...]
    """The names of the levels, from the top down."""
    elements: tuple[Element, ...] = ()
    """Every element, parents before their children."""
    version: str | None = None
    """The version or edition of the framework, as its source names it."""
    source: str | None = None
    """Where the content comes from, to cite."""
    licence: str | None = None
    """The licence its content is published under."""
    language: str = "en"
    """The language of the titles; translations hold the others."""
    reporting_period: str | None = None
    """How often values are reported against it (``quarter`` for the DSTWG guidelines)."""
    note: str | None = None
    """A remark on the framework as held here (what is incomplete, what was reconstructed)."""
    _index: dict[str, Element] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {e.code: e for e in self.elements})

    def __repr__(self) -> str:
        return f"Framework({self.id!r}, {self.title!r}, {len(self.elements)} elements)"

    def __contains__(self, code: object) -> bool:
        return code in self._index

    def element(self, code: str) -> Element:
        """
        The element with *code*.

        Raises:
            KeyError: if there is none.
        """
        return self._index[code]

    def get(self, code: str) -> Element | None:
        """The element with *code*, or ``None``."""
        return self._index.get(code)

    def children(self, code: str | None) -> list[Element]:
        """The elements directly under *code* (``None``: the top level), in order."""
        return [e for e in self.elements if e.parent == code]

    def ancestors(self, code: str) -> list[Element]:
        """The elements above *code*, nearest first."""
        found: list[Element] = []
        element = self._index.get(code)
        seen = {code}
        while element is not None and element.parent is not None and element.parent not in seen:
            seen.add(element.parent)
            element = self._index.get(element.parent)
            if element is not None:
                found.append(element)
        return found

    def descendants(self, code: str) -> Iterator[Element]:
        """Every element below *code*, depth first."""
        for child in self.children(code):
            yield child
            yield from self.descendants(child.code)

    def at_level(self, level: str) -> list[Element]:
        """Every element of one level, in order."""
        return [e for e in self.elements if e.level == level]

    def search(self, text: str, language: str | None = None) -> list[Element]:
        """
        Elements whose code, title, short title or description contains *text* (any case),
        in the source language and, if given, in *language*.
        """
        needle = _fold(text)
        found = []
        for element in self.elements:
            haystack = [element.code, element.title, element.short or "", element.description or ""]
            if language is not None:
                haystack.append(element.title_in(language))
            if any(needle in _fold(part) for part in haystack):
                found.append(element)
        return found


def _fold(text: str) -> str:
    """Text compared without regard to case or to how accents are encoded."""
    return unicodedata.normalize("NFC", text).casefold()


def check_framework(framework: Framework) -> list[Problem]:
    """
    What a framework file states that its types alone do not forbid: two elements with one
    code, a level the framework does not have, a parent that is not there or is not above.
    """
    problems: list[Problem] = []
    first: dict[str, int] = {}
    rank = {level: index for index, level in enumerate(framework.levels)}
    for index, element in enumerate(framework.elements):
        where = ("elements", index)
        if element.code in first:
            problems.append(
                Problem(
                    (*where, "code"), f"the code {element.code!r} is also elements[{first[element.code]}]'s"
                )
            )
        else:
            first[element.code] = index
        if rank and element.level not in rank:
            problems.append(
                Problem((*where, "level"), f"expected one of {', '.join(framework.levels)}; found "
                        f"{element.level!r}{did_you_mean(element.level, framework.levels)}")
            )  # fmt: skip
    for index, element in enumerate(framework.elements):
        if element.parent is None:
            continue
        at = ("elements", index, "parent")
        parent = framework.get(element.parent)
        if parent is None:
            missing = f"no element {element.parent!r} in the framework{did_you_mean(element.parent, first)}"
            problems.append(Problem(at, missing))
        elif element.code in {a.code for a in framework.ancestors(element.parent)} | {element.parent}:
            problems.append(Problem(at, f"the parents of {element.code!r} go round in a circle"))
        elif rank.get(parent.level, -1) >= rank.get(element.level, len(rank)) and element.level in rank:
            below = (
                f"the parent {parent.code!r} is on the level {parent.level!r}, not above {element.level!r}"
            )
            problems.append(Problem(at, below))
    return problems

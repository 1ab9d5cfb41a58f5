"""
Escaping rendered text for its format: one place, used by every renderer.

A plain ``str`` from a programme file is always text, never markup: it is escaped
for HTML and Markdown, kept from being read as a formula by spreadsheets, and kept
from reordering the text around it with bidirectional control characters.
"""

from __future__ import annotations

import html
import re

from ..core.errors import ResultsFrameworkError

__all__ = [
    "EXCEL_CELL_LIMIT",
    "close_bidi",
    "display_text",
    "formula_safe",
    "html_text",
    "is_formula_like",
    "isolate",
    "markdown_block",
    "markdown_text",
    "spreadsheet_text",
    "starts_right_to_left",
    "unshowable",
    "xml_safe",
]

_EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO, closed by PDF U+202C
_ISOLATES = "\u2066\u2067\u2068"  # LRI RLI FSI, closed by PDI U+2069
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def close_bidi(text: str) -> str:
    """
    Close every bidirectional embedding, override or isolate *text* opens.

    A right-to-left override in one field then reorders only that field, never the
    text after it.  Nothing the user wrote is removed.
    """
    if text.isascii():  # no control is ASCII
        return text
    controls = _BIDI_CONTROLS.findall(text)  # the usual text has none: nothing to count
    if not controls:
        return text
    embeddings = isolates = 0
    for char in controls:
        if char in _EMBEDDINGS:
            embeddings += 1
        elif char == "\u202c" and embeddings:
            embeddings -= 1
        elif char in _ISOLATES:
            isolates += 1
        elif char == "\u2069" and isolates:
            isolates -= 1
    if embeddings or isolates:
        text += "\u202c" * embeddings + "\u2069" * isolates
    return text


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BREAKS = re.compile("[\x0b\x0c]")


def xml_safe(text: str) -> str:
    """
    *text* as XML 1.0 can hold it, for Word, Excel, HTML and IATI.

    A vertical tab or form feed (Word's manual line and page breaks, common in text pasted
    from Word) becomes a new line; any other control character, which XML cannot hold at all,
    is shown as U+FFFD (�), so that its place stays visible. ``validate`` warns of both.
    """
    if _NOT_XML.search(text) is None:
        return text
    return _NOT_XML.sub("\ufffd", _BREAKS.sub("\n", text))


def unshowable(text: str) -> str | None:
    """The first character of *text* that :func:`xml_safe` has to replace, if any."""
    found = _NOT_XML.search(text)
    return found.group() if found else None


def display_text(text: str) -> str:
    """*text* as every renderer shows it: bidirectional controls closed, XML-safe."""
    return xml_safe(close_bidi(text))


def isolate(text: str) -> str:
    """
    Wrap *text* in a first-strong isolate (U+2068 ... U+2069).

    In a right-to-left document, an English sentence then keeps its own order
    ("6 Network meetings held", not "Network meetings held 6"), and an Arabic one
    its own, whatever the paragraph's direction.
    """
    return f"\u2068{display_text(text)}\u2069" if text else text


# A line ends at LF, CRLF or a lone CR (as CommonMark and HTML read them): each is one <br>.
_LINE_BREAK = re.compile("\r\n?|\n")


def html_text(text: str) -> str:
    """Text for HTML content and attributes: every markup character escaped, newlines as <br>."""
    return _LINE_BREAK.sub("<br>", html.escape(display_text(text), quote=True))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown_text(text: str) -> str:
    """
    Text for a GitHub Markdown table cell: one line, no markup, no table breaks.

    HTML is escaped (GitHub renders inline HTML), emphasis, code, link, strike-through
    and pipe characters are backslash-escaped, and each line break (LF, CRLF or a lone CR)
    becomes ``<br>``.
    """
    escaped = html.escape(display_text(text), quote=False)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    return _LINE_BREAK.sub("<br>", escaped)


_BLOCK_MARK = re.compile(r"^(\s*)([#+\-=])")
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])")


def markdown_block(text: str) -> str:
    """
    Text for a Markdown paragraph or heading: as :func:`markdown_text`, and a leading
    ``#``, ``-``, ``+``, ``=`` or ``1.`` escaped so it starts no heading or list.
    """
    escaped = _BLOCK_MARK.sub(lambda m: m.group(1) + "\\" + m.group(2), markdown_text(text))
    return _LIST_NUMBER.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet would read *text* as a formula (it starts with =, +, -, @ or a control)."""
    return text.startswith(_FORMULA_START)


def formula_safe(text: str) -> str:
    """Text for a CSV cell that no spreadsheet will run: a formula-like text gets a leading apostrophe."""
    text = close_bidi(text)
    return "'" + text if is_formula_like(text) else text


EXCEL_CELL_LIMIT = 32_767
"""The most characters an Excel cell holds; Excel cuts a longer text when it opens the file."""


def spreadsheet_text(text: str, where: str) -> str:
    """
    *text* as a spreadsheet cell holds it (:func:`display_text`), or an error naming *where*
    if it is longer than a cell can hold: a text is never cut without a word.
    """
    shown = display_text(text)
    if len(shown) > EXCEL_CELL_LIMIT:
        raise ResultsFrameworkError(
            f"{where}: the text has {len(shown):,} characters, and an Excel cell holds at most "
            f"{EXCEL_CELL_LIMIT:,}; Excel would cut it: shorten it in the programme, or keep the "
            "whole text in a document the source of verification names"
        )
    return shown


def starts_right_to_left(text: str) -> bool:
    """
    Whether *text* is written right to left: its first letter of a strong direction is Arabic or
    Hebrew (an English sentence in an Arabic document is not).
    """
    import unicodedata  # noqa: PLC0415

    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False

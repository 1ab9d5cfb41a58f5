"""Errors raised on bad input, each saying where and what was expected."""

from __future__ import annotations

import linecache
import re
import sys
import types
from collections.abc import Iterable, Sequence

import attrs

__all__ = ["LoadError", "ParseError", "Problem", "ResultsFrameworkError", "format_path"]

PathPart = str | int
Path = tuple[PathPart, ...]


_UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""Characters a key may hold that would break a message's line: controls, line separators."""


def _key(part: str) -> str:
    """A key as a path shows it: a new line or control in it escaped (``\\n``), as the key is written."""
    shown = shorten(part)
    if _UNSHOWN.search(shown) is None:
        return shown
    return _UNSHOWN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), shown)


def format_path(path: Path) -> str:
    """
    Spell a field path as written in messages: ``outcomes[0].outputs[1].code``.

    An empty path is the whole document, spelled ``$``.  A key holding a new line or another
    control character shows it escaped, so that a problem's line stays one line.
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif text:
            text += f".{_key(part)}"
        else:
            text = _key(part)
    return text or "$"


def nearest(word: str, choices: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The choices closest to a word written wrong, best first (none when nothing is close)."""
    import difflib  # noqa: PLC0415  (only messages need it)

    return difflib.get_close_matches(shorten(word, 200), list(choices), n=n, cutoff=cutoff)


def did_you_mean(word: str, choices: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> str:
    """``; did you mean 'title'?`` for a word written wrong, or nothing when no choice is close."""
    close = nearest(word, choices, n=n, cutoff=cutoff)
    return f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""


def no_such(what: str, code: str, codes: list[str]) -> str:
    """The message for a code that is not there, with the nearest ones: for a ``KeyError``."""
    return f"no {what} {code!r}{did_you_mean(code, codes, n=3, cutoff=0.5)}"


def shorten(text: object, limit: int = 60) -> str:
    """*text*, or its start and an ellipsis if it is longer than *limit*: messages stay readable."""
    shown = text if isinstance(text, str) else str(text)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


# -- errors of constructors: building a programme in code ------------------------------------

_CONVERTER_CALL = re.compile(r"__attr_converter_(\w+)\(")


def building() -> str:
    """
    ``Indicator.statement``: the class and field whose constructor is converting a value.

    Called only when a converter refuses a value: the converters are shared by many fields, and
    this finds the one from the attrs-generated ``__init__`` calling them (its source line names
    the field).  Empty when no constructor is found (a converter called on its own).
    """
    frame: types.FrameType | None = sys._getframe(1)  # the cold path of an error message
    for _ in range(8):
        if frame is None:
            break
        code = frame.f_code
        if code.co_name == "__init__" and code.co_filename.startswith("<attrs generated"):
            instance = frame.f_locals.get("self")
            found = _CONVERTER_CALL.search(linecache.getline(code.co_filename, frame.f_lineno))
            if instance is None or found is None:
                break
            return f"{type(instance).__qualname__}.{found.group(1)}"
        frame = frame.f_back
    return ""


def found(value: object) -> str:
    """What a constructor was given, in Python's words: ``int 3``, ``float 0.5``, ``str 'x'``."""
    return f"{type(value).__name__} {shorten(repr(value))}"


def wrong_type(expected: str, value: object, at: str = "", hint: str = "") -> TypeError:
    """
    The error of a constructor given a value of the wrong type.

    ``TypeError: Indicator.statement: expected a text (str), found int 3``; *at* follows the
    field (``[2]`` for an item of a list), *hint* follows the message.
    """
    site = building()
    where = f"{site}{at}: " if site else f"{at.lstrip('.')}: " if at else ""
    return TypeError(f"{where}expected {expected}, found {found(value)}{hint}")


def wrong_value(message: str, at: str = "") -> ResultsFrameworkError:
    """The error of a constructor given a value of the right type that it cannot take."""
    site = building()
    where = f"{site}{at}: " if site else f"{at.lstrip('.')}: " if at else ""
    return ResultsFrameworkError(f"{where}{message}")


@attrs.frozen
class Problem:
    """
    One problem found in an input: where it is and what is wrong.

    .. versionadded:: 0.1.0
    """

    path: Path
    """The field path, from the top of the document: ``("outcomes", 0, "code")``."""
    message: str
    """What is wrong, and what was expected."""
    line: int | None = None
    """The 1-based line in the file, where the loader knows it."""

    def location(self) -> str:
        """
        The field path, with the line when known: ``outcomes[0].code (line 4)``; a problem of the
        whole document (a syntax error) is where its line is: ``line 4``.
        """
        if not self.path and self.line is not None:
            return f"line {self.line}"
        where = format_path(self.path)
        return f"{where} (line {self.line})" if self.line is not None else where

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"


class ResultsFrameworkError(ValueError):
    """
    The base of every error resultsframework raises on bad input.

    .. versionadded:: 0.1.0
    """


class LoadError(ResultsFrameworkError):
    """
    A programme file or text could not be loaded.

    The message lists every problem, one per line, as ``FILE: PATH: message``;
    :attr:`problems` holds them as :class:`Problem` objects.

    .. versionadded:: 0.1.0
    """

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._message())

    def _message(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        count = len(self.problems)
        head = f"{prefix}{count} problem{'s' if count != 1 else ''} found"
        return "\n".join([head, *(f"{prefix}{p}" for p in self.problems)])

    def lines(self) -> list[str]:
        """One ``FILE: PATH: message`` line per problem."""
        prefix = f"{self.source}: " if self.source else ""
        return [f"{prefix}{p}" for p in self.problems]


class ParseError(Exception):
    """A document is not valid JSON, YAML or TOML (raised by the readers, reported as a :class:`Problem`)."""

    def __init__(self, message: str, line: int | None = None, path: Path = ()) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.path = path


_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> str | None:
    """
    The first lone surrogate in *text*, if it holds one (ASCII texts, most, need no search).

    JSON can write one (``"\\ud800"``, half of an escaped pair) and Python keeps it in a text,
    but it is not a character: no file, terminal or table can hold it.  Files and constructors
    refuse it, each with this one test.
    """
    if text.isascii():
        return None
    found = _SURROGATE.search(text)
    return found.group() if found else None


def surrogate_message(char: str) -> str:
    """What to say of a lone surrogate found in a text."""
    return (
        f"the text holds a lone surrogate U+{ord(char):04X}, which is not a character; "
        "write the character itself (in JSON, a character beyond U+FFFF is escaped as a pair, "
        "such as \\ud83d\\ude00)"
    )


_WRITTEN_NUMBER = re.compile(r"^(-?\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|-?\d+)(\.\d+)? ?(%?)$")


def number_hint(value: object) -> str:
    """What to write instead of a number written as text ('1,234', '45%'), if it is one."""
    if not isinstance(value, str) or len(value) > 40:  # a number written as text is short
        return ""
    found = _WRITTEN_NUMBER.match(value.strip())
    if found is None:
        return ""
    digits = re.sub(r"[,\u00a0\u202f ]", "", found.group(1)) + (found.group(2) or "")
    if found.group(3):
        return f"; write {digits} (a percent) or {{numerator: ..., denominator: ...}}"
    return f"; write the number {digits}, without quotes or separators"

"""
The one cattrs converter between the model and the canonical file format.

Built in layers (leaves, then classes, then the special shapes), strict: a value
of the wrong type is an error, never coerced (cattrs' defaults would read
``"false"`` as ``True`` and ``1.9`` as ``1``).  Every problem in a document is
collected with its path; nothing stops at the first.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ..core.building import unchecked_constructor
from ..core.errors import Path, Problem, did_you_mean, lone_surrogate, shorten, surrogate_message
from ..core.model import MAX_DIGITS, Breakdown, Cell, FrameworkLink, Ratio, Value, _Choice
from ..core.periods import Period, PeriodError, parse_date

__all__ = [
    "FORMAT",
    "InputError",
    "converter",
    "describe",
    "structure",
    "structure_document",
    "unstructure_document",
]

FORMAT = "resultsframework/1"
"""The value of the ``format`` key of files this version writes and reads."""

T = TypeVar("T")

# Numbers with more digits than MAX_DIGITS are refused (as the model's constructors refuse
# them): no real count or amount needs them, and formatting or comparing them could take
# unbounded time.


class InputError(ValueError):
    """A value in the input is not what the format expects (message says both)."""


def describe(value: object) -> str:
    """Name what was found, for messages: ``text 'abc'``, ``a list``, ``number 1.5``."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (yes/no)"
    if isinstance(value, int | Decimal):
        return f"number {shorten(value)}"
    if isinstance(value, float):
        return f"floating-point number {value!r}"
    if isinstance(value, str):
        return f"text {shorten(value)!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


# -- leaves ----------------------------------------------------------------------------


def _check_decimal(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise InputError(f"expected a finite number, found {value}")
    if len(value.as_tuple().digits) > MAX_DIGITS or abs(value.adjusted()) > MAX_DIGITS:
        raise InputError(f"number too large or too precise (more than {MAX_DIGITS} digits)")
    return value


_INT_LIMIT = 10**MAX_DIGITS


def _check_int(value: int) -> int:
    if abs(value) >= _INT_LIMIT:
        raise InputError(f"number too large (more than {MAX_DIGITS} digits)")
    return value


def _float_error(value: float) -> InputError:
    return InputError(
        f"expected an exact number, found {describe(value)}: use int or decimal.Decimal, never float"
    )


def _check_text(value: str) -> str:
    """*value*, or an error if it holds a lone surrogate (see :func:`~..core.errors.lone_surrogate`)."""
    char = lone_surrogate(value)
    if char is not None:
        raise InputError(surrogate_message(char))
    return value


def _shown_key(key: str) -> str:
    """A key as a path can show it: a lone surrogate written as its escape."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8")


def _structure_str(value: object, _: object) -> str:
    if not isinstance(value, str):
        hint = ""
        if isinstance(value, Decimal):
            # code: 1.1 is the number 1.1 (and 1.10 the same number): a code is quoted text
            hint = f"; write '{value}' in quotes (a code such as '1.1' is text)"
        raise InputError(f"expected text, found {describe(value)}{hint}")
    return _check_text(value)


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"expected a whole number, found {describe(value)}")
    return _check_int(value)


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise InputError(f"expected true or false, found {describe(value)}")
    return value


def _structure_decimal(value: object, _: object) -> Decimal:
    if isinstance(value, float):
        raise _float_error(value)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InputError(f"expected a number, found {describe(value)}")
    return _check_decimal(Decimal(value))


def _structure_number(value: object, _: object) -> int | Decimal:
    if isinstance(value, float):
        raise _float_error(value)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InputError(f"expected a number, found {describe(value)}")
    if isinstance(value, Decimal):
        return _check_decimal(value)
    return _check_int(value)


def _structure_optional_number(value: object, t: object) -> int | Decimal | None:
    return None if value is None else _structure_number(value, t)


def _structure_date(value: object, _: object) -> date:
    if type(value) is date:
        return value
    if not isinstance(value, str):
        raise InputError(f"expected a date such as '2021-12-30', found {describe(value)}")
    try:
        return parse_date(value)
    except PeriodError as e:
        raise InputError(str(e)) from None


def _structure_period(value: object, _: object) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return Period.year(value)
    if not isinstance(value, str):
        raise InputError(f"expected a period such as '2021Q3', found {describe(value)}")
    try:
        return Period.parse(value)
    except PeriodError as e:
        raise InputError(str(e)) from None


def _structure_link(value: object, _: object) -> FrameworkLink:
    if not isinstance(value, str) or ":" not in value:
        raise InputError(
            f"expected a framework link written 'framework:code' (e.g. 'sdg:10.7'), found {describe(value)}"
        )
    framework, _sep, code = value.partition(":")
    if not framework.strip() or not code.strip():
        raise InputError(f"a framework link needs both a framework and a code, found {value!r}")
    if framework != framework.strip() or code != code.strip():
        raise InputError(f"a framework link has no spaces around the ':' or at its ends, found {value!r}")
    _check_text(value)
    return FrameworkLink(framework, code)


def _structure_choice(value: object, cls: type[_Choice]) -> _Choice:
    try:
        return cls(value)  # type: ignore[arg-type]
    except ValueError:
        choices = ", ".join(repr(m.value) for m in cls)
        raise InputError(f"expected one of {choices}; found {describe(value)}") from None


# -- the converter ---------------------------------------------------------------------

_OPTIONAL_VALUE = typing.Optional[Value]  # noqa: UP045  (a distinct object from Value | None)


def _make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """
    Build the converter.

    *detailed* collects every problem with its path; without it, structuring stops at
    the first problem and is faster.  :func:`structure` tries the fast one first and
    asks the detailed one only for a document that fails, to say everything wrong with it.
    """
    conv = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=detailed)

    # Leaves, strict.
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_structure_hook(date, _structure_date)
    conv.register_structure_hook(Period, _structure_period)
    conv.register_structure_hook(FrameworkLink, _structure_link)
    conv.register_structure_hook_func(lambda t: t == int | Decimal, _structure_number)
    conv.register_structure_hook_func(lambda t: t == int | Decimal | None, _structure_optional_number)
    # Class hooks dispatch on the most specific base: the model's enumerations
    # derive from str, so they need their own hook, more specific than str's.
    conv.register_structure_hook(_Choice, _structure_choice)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_unstructure_hook(Period, lambda p: p.id)
    conv.register_unstructure_hook(FrameworkLink, str)
    conv.register_unstructure_hook(_Choice, lambda e: e.value)
    conv.register_unstructure_hook(Decimal, lambda d: d)

    # Sequences and mappings: a list is required (cattrs would iterate a string).
    conv.register_structure_hook_factory(
        _is_tuple, _tuple_hook_factory if detailed else _fast_tuple_hook_factory
    )
    conv.register_structure_hook_factory(_is_str_dict, lambda t, c: _structure_str_dict)
    conv.register_unstructure_hook_factory(_is_tuple, _tuple_unstructure)

    # Classes: a mapping is required, every error collected.
    conv.register_structure_hook_factory(
        attrs.has, _class_hook_factory if detailed else _fast_class_hook_factory
    )
    conv.register_unstructure_hook_factory(attrs.has, _class_unstructure_factory)

    # Special shapes.
    conv.register_structure_hook_func(lambda t: t in (Value, _OPTIONAL_VALUE), _value_hook(conv))
    conv.register_structure_hook(Cell, _cell_structure_hook(conv) if detailed else _fast_cell_hook(conv))
    if not detailed:
        conv.register_structure_hook(Breakdown, _fast_breakdown_hook(conv))
    conv.register_unstructure_hook(Cell, _cell_unstructure_hook(conv))
    return conv


def _is_tuple(t: object) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_str_dict(t: object) -> bool:
    return typing.get_origin(t) is dict and typing.get_args(t) == (str, str)


def _tuple_hook_factory(t: Any, conv: cattrs.Converter) -> Callable[[object, object], tuple[Any, ...]]:
    elem = typing.get_args(t)[0]
    handler = conv.get_structure_hook(elem)

    def hook(value: object, _: object) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise InputError(f"expected a list, found {describe(value)}")
        out: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                out.append(handler(item, elem))
            except Exception as e:  # noqa: BLE001  (collected: every element's errors are reported)
                e.__notes__ = [
                    *getattr(e, "__notes__", []),
                    IterableValidationNote(f"@ index {index}", index, elem),
                ]
                errors.append(e)
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return tuple(out)

    return hook


def _fast_tuple_hook_factory(t: Any, conv: cattrs.Converter) -> Callable[[object, object], tuple[Any, ...]]:
    elem = typing.get_args(t)[0]
    if elem is str:

        def texts(value: object, _: object) -> tuple[Any, ...]:
            if type(value) is not list or not all(type(item) is str for item in value):
                raise InputError("not a list of texts")
            for item in value:
                if not item.isascii():
                    _check_text(item)
            return tuple(value)

        return texts
    handler = conv.get_structure_hook(elem)

    def hook(value: object, _: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise InputError(f"expected a list, found {describe(value)}")
        return tuple([handler(item, elem) for item in value])

    return hook


def _tuple_unstructure(t: Any, conv: cattrs.Converter) -> Callable[[tuple[Any, ...]], list[Any]]:
    elem = typing.get_args(t)[0]
    handler = conv.get_unstructure_hook(elem)
    return lambda value: [handler(item) for item in value]


def _structure_str_dict(value: object, _: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise InputError(f"expected a mapping of names to texts, found {describe(value)}")
    out: dict[str, str] = {}
    errors: list[Exception] = []
    for key, text in value.items():
        try:
            if not isinstance(key, str):
                raise InputError(f"expected a name, found {describe(key)}")
            out[_check_text(key)] = _structure_str(text, str)
        except InputError as e:
            shown = _shown_key(key) if isinstance(key, str) else key
            e.__notes__ = [IterableValidationNote(f"@ key {shown!r}", shown, str)]
            errors.append(e)
    if errors:
        raise IterableValidationError("While structuring a mapping", errors, dict)
    return out


_LEADING_NUMBER = re.compile(r"^\s*(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(?:\s*%)?\s+\S")
"""A text that starts with a number and goes on with words: ``600 participants``."""


def _class_hook_factory(cls: type, conv: cattrs.Converter) -> Callable[[object, object], Any]:
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)
    name = cls.__name__
    fields = {f.name for f in attrs.fields(cls)}
    valued = "value" in fields
    texted = "text" in fields

    def hook(value: object, t: object) -> Any:
        if not isinstance(value, dict):
            hint = ""
            leading = _LEADING_NUMBER.match(value) if isinstance(value, str) else None
            if valued and texted and leading is not None and isinstance(value, str):
                number = leading.group(1).replace(",", "")
                hint = f"; write {{value: {number}, text: {json.dumps(value, ensure_ascii=False)}}}"
            elif valued and isinstance(value, int | Decimal | str | bool):
                shown = json.dumps(value, ensure_ascii=False) if isinstance(value, str | bool) else value
                hint = f"; write {{value: {shown}}}"
            raise InputError(f"expected a mapping ({name}), found {describe(value)}{hint}")
        return generated(value, cls)

    return hook


def _fast_class_hook_factory(cls: type, conv: cattrs.Converter) -> Callable[[object, object], Any]:
    # The fast path needs no message: anything that is not a mapping, an unknown key or a
    # missing field fails here, and the detailed converter then says what is wrong.
    build = _unchecked(cls)
    if build is None:
        generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True
        )
        return generated
    attrs.resolve_types(cls)
    hooks = {f.alias: (conv.get_structure_hook(f.type), f.type) for f in attrs.fields(cls) if f.init}

    def hook(value: Any, _: object) -> Any:
        if type(value) is not dict:
            raise InputError(cls.__name__)
        fields = {}
        for key, item in value.items():
            handler, kind = hooks[key]  # KeyError: an unknown key
            fields[key] = handler(item, kind)
        return build(**fields)  # TypeError: a required field is missing

    return hook


def _unchecked(cls: type[Any]) -> Callable[..., Any] | None:
    """
    A constructor of *cls* that keeps its fields as given, without the class's converters.

    The model's converters check and convert what code passes; the loader's hooks have already
    checked every value, more strictly (as the file format asks), and made it the field's type,
    so the converters would only check it again, on every one of the millions of objects a
    portfolio holds.  ``None`` for a class with nothing to skip, or with validators or hooks
    the loader must not skip.
    """
    fields = [f for f in attrs.fields(cls) if f.init]
    if (
        not any(f.converter is not None for f in fields)
        or any(f.validator is not None for f in attrs.fields(cls))
        or hasattr(cls, "__attrs_pre_init__")
        or hasattr(cls, "__attrs_post_init__")
    ):
        return None
    return unchecked_constructor(cls)


def _class_unstructure_factory(cls: type, conv: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    # Derived state (init=False, such as an index) is not part of the format.
    hidden: dict[str, Any] = {f.name: override(omit=True) for f in attrs.fields(cls) if not f.init}
    # Passed explicitly: hand-made hooks do not inherit the converter's setting.
    return make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **hidden)


def _value_hook(conv: cattrs.Converter) -> Callable[[object, object], Value | None]:
    ratio = conv.get_structure_hook(Ratio)

    def hook(value: object, t: object) -> Value | None:
        kind = type(value)
        if kind is int:
            if -_INT_LIMIT < value < _INT_LIMIT:
                return value  # type: ignore[return-value]
            return _check_int(value)  # type: ignore[arg-type]
        if kind is bool:
            return value  # type: ignore[return-value]
        if kind is str:
            text = typing.cast(str, value)
            return text if text.isascii() else _check_text(text)
        if value is None and t == _OPTIONAL_VALUE:
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return _check_text(value)
        if isinstance(value, int):
            return _check_int(value)
        if isinstance(value, Decimal):
            return _check_decimal(value)
        if isinstance(value, float):
            raise _float_error(value)
        if isinstance(value, dict):
            return ratio(value, Ratio)  # type: ignore[no-any-return]
        raise InputError(
            "expected a value: a number, true/false, a text, or "
            f"{{numerator: ..., denominator: ...}}; found {describe(value)}"
        )

    return hook


def _cell_structure_hook(conv: cattrs.Converter) -> Callable[[object, object], Cell]:
    value_hook = conv.get_structure_hook(Value)

    def hook(value: object, _: object) -> Cell:
        if type(value) is not dict:
            raise InputError(
                f"expected a breakdown cell such as {{sex: female, value: 12}}; found {describe(value)}"
            )
        if "value" not in value:
            raise InputError("a breakdown cell needs a 'value' beside its categories")
        categories = tuple([pair for pair in value.items() if pair[0] != "value"])
        if not categories:
            raise InputError("a breakdown cell needs at least one 'dimension: category'")
        for dim, cat in categories:
            if type(dim) is not str or type(cat) is not str:
                raise InputError(
                    f"a breakdown category is written 'dimension: category' with texts; "
                    f"found {dim!r}: {describe(cat)}"
                )
            _check_text(dim)
            _check_text(cat)
        number = value["value"]
        if type(number) is not int or not -_INT_LIMIT < number < _INT_LIMIT:
            number = value_hook(number, Value)
        return Cell(categories, number)

    return hook


def _fast_cell_hook(conv: cattrs.Converter) -> Callable[[object, object], Cell]:
    """The hot path of big files: the same checks, any failure left to the detailed hook to explain."""
    value_hook = conv.get_structure_hook(Value)

    def hook(value: Any, _: object) -> Cell:
        number = value["value"]
        categories = tuple([pair for pair in value.items() if pair[0] != "value"])
        for dim, cat in categories:
            if type(cat) is not str or type(dim) is not str:
                raise InputError("category")
            if not (cat.isascii() and dim.isascii()):
                _check_text(dim)
                _check_text(cat)
        if not categories:
            raise InputError("no category")
        if type(number) is not int or not -_INT_LIMIT < number < _INT_LIMIT:
            number = value_hook(number, Value)
        return Cell(categories, number)

    return hook


_CHECKED_LIMIT = 4096


def _fast_breakdown_hook(conv: cattrs.Converter) -> Callable[[object, object], Breakdown]:
    """
    A breakdown and its cells in one pass: big portfolios hold millions of cells.

    The checks are those of the classes' own hooks; anything unusual raises, and the detailed
    converter then says what is wrong.
    """
    value_hook = conv.get_structure_hook(Value)
    keys = frozenset(("dimensions", "cells", "complete", "explanation"))
    new_cell = tuple.__new__  # Cell is a named tuple: the same object, without the call through __new__
    new_breakdown: Callable[..., Breakdown] = _unchecked(Breakdown) or Breakdown
    # Category tuples already checked, each kept once: a portfolio repeats a few combinations
    # (female/18-59, ...) millions of times.  Only texts equal texts, so a hit needs no check.
    checked: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}

    def hook(value: Any, _: object) -> Breakdown:
        if type(value) is not dict or not value.keys() <= keys:
            raise InputError("breakdown")
        dimensions, raw_cells = value["dimensions"], value["cells"]
        complete, explanation = value.get("complete", True), value.get("explanation")
        if type(dimensions) is not list or type(raw_cells) is not list or type(complete) is not bool:
            raise InputError("breakdown")
        if explanation is not None and (type(explanation) is not str or not explanation.isascii()):
            _structure_str(explanation, str)  # the check of a text that is not ASCII, or the error
        for dimension in dimensions:
            if type(dimension) is not str:
                raise InputError("breakdown")
            if not dimension.isascii():
                _check_text(dimension)
        cells = []
        for raw in raw_cells:
            items = tuple(raw.items())
            if items and items[-1][0] == "value":  # the written order: categories, then value
                number, found = items[-1][1], items[:-1]
            else:
                number, found = raw["value"], tuple([pair for pair in items if pair[0] != "value"])
            categories = checked.get(found)
            if categories is None:
                if not found:
                    raise InputError("no category")
                for dim, cat in found:
                    if type(cat) is not str or type(dim) is not str:
                        raise InputError("category")
                    if not (cat.isascii() and dim.isascii()):
                        _check_text(dim)
                        _check_text(cat)
                if len(checked) >= _CHECKED_LIMIT:
                    checked.clear()
                checked[found] = categories = found
            if type(number) is not int or not -_INT_LIMIT < number < _INT_LIMIT:
                number = value_hook(number, Value)
            cells.append(new_cell(Cell, (categories, number)))
        return new_breakdown(tuple(dimensions), tuple(cells), complete, explanation)

    return hook


def _cell_unstructure_hook(conv: cattrs.Converter) -> Callable[[Cell], dict[str, Any]]:
    def hook(cell: Cell) -> dict[str, Any]:
        out: dict[str, Any] = dict(cell.categories)
        out["value"] = conv.unstructure(cell.value, Value)
        return out

    return hook


@cache
def converter(*, detailed: bool = True) -> cattrs.Converter:
    """The converter (built once for each variant, on first use)."""
    conv = _make_converter(detailed=detailed)
    # Value is a union of leaves and Ratio: unstructure by the runtime type.
    conv.register_unstructure_hook_func(lambda t: t in (Value, _OPTIONAL_VALUE), conv.unstructure)
    return conv


# -- documents ---------------------------------------------------------------------------


def structure(data: object, cls: type[T]) -> tuple[T | None, list[Problem]]:
    """Structure *data* as *cls*, returning the object or every problem found."""
    try:
        return converter(detailed=False).structure(data, cls), []
    except Exception:  # noqa: BLE001  (a problem: structure again to find every one)
        pass
    try:
        return converter().structure(data, cls), []
    except Exception as e:  # noqa: BLE001  (every failure becomes a Problem)
        problems: list[Problem] = []
        _collect(e, (), problems)
        return None, problems


def structure_document(
    data: object,
    cls: type[T],
    fmt: str,
) -> tuple[T | None, list[Problem]]:
    """Check the ``format`` key of a document and structure the rest as *cls*."""
    if not isinstance(data, dict):
        return None, [Problem((), f"expected a mapping at the top of the document, found {describe(data)}")]
    body = dict(data)
    problems: list[Problem] = []
    found = body.pop("format", None)
    if found is None:
        problems.append(Problem(("format",), f"missing; expected 'format: {fmt}' at the top"))
    elif found != fmt:
        problems.append(Problem(("format",), f"unsupported format {found!r}; this version reads {fmt!r}"))
    result, more = structure(body, cls)
    problems.extend(more)
    if problems:
        return None, problems
    return result, []


def unstructure_document(document: object, fmt: str = FORMAT) -> dict[str, Any]:
    """The canonical mapping of a programme (or framework), ``format`` first."""
    body: dict[str, Any] = converter().unstructure(document, type(document))
    return {"format": fmt, **body}


def _collect(exc: BaseException, path: Path, out: list[Problem]) -> None:
    if isinstance(exc, ClassValidationError):
        for sub in exc.exceptions:
            names = [n.name for n in getattr(sub, "__notes__", []) if hasattr(n, "name")]
            _collect(sub, path + tuple(names[-1:]), out)
    elif isinstance(exc, IterableValidationError):
        for sub in exc.exceptions:
            notes = [n for n in getattr(sub, "__notes__", []) if isinstance(n, IterableValidationNote)]
            _collect(sub, path + ((notes[-1].index,) if notes else ()), out)
    elif isinstance(exc, ForbiddenExtraKeysError):
        known = [f.name for f in attrs.fields(exc.cl)] if exc.cl is not None and attrs.has(exc.cl) else []
        for key in sorted(exc.extra_fields, key=str):
            hint = did_you_mean(str(key), known) or f"; expected one of: {', '.join(known)}"
            if not isinstance(key, str):  # YAML allows numbers, lists ... as keys
                out.append(Problem((*path, shorten(key)), f"a key must be a text, found {describe(key)}"))
                continue
            out.append(Problem((*path, key), f"unknown key {shorten(key)!r}{hint}"))
    elif isinstance(exc, KeyError):
        out.append(Problem(path, "required field is missing"))
    elif isinstance(exc, InputError):
        out.append(Problem(path, str(exc)))
    elif isinstance(exc, BaseExceptionGroup):
        for member in exc.exceptions:
            _collect(member, path, out)
    else:
        out.append(Problem(path, f"{type(exc).__name__}: {exc}"))

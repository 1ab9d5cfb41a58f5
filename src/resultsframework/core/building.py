"""
Objects built by the million: a constructor of an attrs class that sets its fields as given.

The loader builds millions of breakdown cells and values it has already checked, the tables
thousands of parts that hold only texts and numbers made for them: the class's own
``__init__`` (keyword arguments, ``object.__setattr__`` through a frozen class, converters)
would cost more than the work.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["unchecked_constructor"]


def unchecked_constructor(cls: type[Any]) -> Callable[..., Any]:
    """
    A constructor of the attrs class *cls* taking the same arguments as its ``__init__`` and
    keeping every field as given: no converter is run.

    Only for what needs no converter (values already of the field's type); a class with
    validators, or with hooks run before or after ``__init__``, is refused (``TypeError``): those
    must not be skipped.  A slotted class's fields are set through their slots directly.
    """
    every = attrs.fields(cls)
    if (
        any(f.validator is not None for f in every)
        or hasattr(cls, "__attrs_pre_init__")
        or hasattr(cls, "__attrs_post_init__")
    ):
        raise TypeError(f"{cls.__qualname__} has checks that must not be skipped")
    namespace: dict[str, Any] = {"_new": object.__new__, "_bind": object.__setattr__.__get__, "_cls": cls}
    params, lines = [], []
    bound = False

    def setter(name: str, expression: str) -> str:
        nonlocal bound
        slot = next((k.__dict__[name] for k in cls.__mro__ if name in k.__dict__), None)
        if isinstance(slot, types.MemberDescriptorType):  # a slot: set without a look-up by name
            namespace[f"_slot_{name}"] = slot.__set__
            return f"    _slot_{name}(self, {expression})"
        bound = True
        return f"    _set({name!r}, {expression})"

    for index, f in enumerate(every):
        if not f.init:  # its default, as the class's own __init__ sets it
            if isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
                if f.default.takes_self:
                    raise TypeError(f"{cls.__qualname__}.{f.name}'s default needs the object")
                namespace[f"_factory{index}"] = f.default.factory
                lines.append(setter(f.name, f"_factory{index}()"))
            elif f.default is not attrs.NOTHING:
                namespace[f"_default{index}"] = f.default
                lines.append(setter(f.name, f"_default{index}"))
            continue
        if f.default is attrs.NOTHING:
            params.append(f.alias)
        elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            if f.default.takes_self:
                raise TypeError(f"{cls.__qualname__}.{f.name}'s default needs the object")
            namespace["_nothing"] = attrs.NOTHING
            namespace[f"_factory{index}"] = f.default.factory
            params.append(f"{f.alias}=_nothing")
            lines.append(f"    if {f.alias} is _nothing: {f.alias} = _factory{index}()")
        else:
            namespace[f"_default{index}"] = f.default
            params.append(f"{f.alias}=_default{index}")
        lines.append(setter(f.name, f.alias))
    if "_attrs_cached_hash" in getattr(cls, "__slots__", ()):
        lines.append(setter("_attrs_cached_hash", "None"))
    head = [f"def build({', '.join(params)}):", "    self = _new(_cls)"]
    if bound:
        head.append("    _set = _bind(self)")
    source = "\n".join([*head, *lines, "    return self"])
    exec(compile(source, f"<unchecked {cls.__qualname__}>", "exec"), namespace)
    built: Callable[..., Any] = namespace["build"]
    return built

"""
The framework registry: the shipped frameworks, loaded on first use, and those registered.

Its public face is :mod:`resultsframework.frameworks`.
"""

from __future__ import annotations

import builtins
import os
from importlib import resources
from pathlib import Path
from typing import Literal

from ..core.errors import LoadError, did_you_mean
from ..core.framework import FRAMEWORK_FORMAT, Element, Framework, check_framework
from .documents import Format, dumps_document, format_for, load_document

__all__ = [
    "dump",
    "dumps",
    "find",
    "get",
    "ids",
    "list",
    "load",
    "loads",
    "register",
    "search",
    "unregister",
]

_SHIPPED: dict[str, str] = {
    "sdg": "sdg.json",
    "gcm": "gcm.json",
    "iom-iraq-2022": "iom-iraq-2022.yaml",
    "dstwg-iraq": "dstwg-iraq.yaml",
    "undaf-iraq": "undaf-iraq.yaml",
}
_loaded: dict[str, Framework] = {}
_registered: dict[str, Framework] = {}


def _shipped(framework_id: str) -> Framework:
    if framework_id not in _loaded:
        name = _SHIPPED[framework_id]
        data = (resources.files("resultsframework") / "data" / "frameworks" / name).read_bytes()
        fmt = format_for(name)
        _loaded[framework_id] = load_document(data, fmt, name, Framework, FRAMEWORK_FORMAT)
    return _loaded[framework_id]


def ids() -> builtins.list[str]:
    """The ids of every framework known: registered ones, then shipped ones."""
    return [*_registered, *(i for i in _SHIPPED if i not in _registered)]


def list() -> builtins.list[Framework]:  # noqa: A001  (the name the API promises: frameworks.list())
    """Every framework known, registered ones first (loading shipped ones on first use)."""
    return [get(framework_id) for framework_id in ids()]


def get(framework_id: str) -> Framework:
    """
    The framework with *framework_id*: a registered one, else a shipped one.

    Raises:
        KeyError: if there is none; the message suggests the nearest ids.
    """
    if framework_id in _registered:
        return _registered[framework_id]
    if framework_id in _SHIPPED:
        return _shipped(framework_id)
    hint = did_you_mean(framework_id, ids(), n=3) or f"; known: {', '.join(ids())}"
    raise KeyError(f"no framework {framework_id!r}{hint}")


def find(framework_id: str) -> Framework | None:
    """The framework with *framework_id*, or ``None``."""
    try:
        return get(framework_id)
    except KeyError:
        return None


def search(text: str, *, framework: str | None = None, language: str | None = None) -> builtins.list[Element]:
    """
    Elements whose code, title or description contains *text*, in one framework or all.

    ``search("migration", framework="sdg", language="fr")`` also looks in French titles.
    """
    frameworks = [get(framework)] if framework is not None else list()
    return [element for fw in frameworks for element in fw.search(text, language)]


def register(framework: Framework, *, replace: bool = False) -> None:
    """
    Make *framework* known by its id, so that links to it are checked and rolled up.

    A registered framework takes precedence over a shipped one with the same id.

    Raises:
        ValueError: if a framework with that id is registered already and *replace* is false.
        LoadError: if its elements do not make a tree (a framework built in code is checked as
            a file is).
    """
    if framework.id in _registered and not replace:
        raise ValueError(f"a framework {framework.id!r} is registered already; pass replace=True")
    problems = check_framework(framework)
    if problems:
        raise LoadError(problems, f"framework {framework.id!r}")
    _registered[framework.id] = framework


def unregister(framework_id: str) -> None:
    """Forget a registered framework (shipped ones come back into view)."""
    _registered.pop(framework_id, None)


def loads(text: str | bytes, format: Format = "yaml", *, source: str | None = None) -> Framework:
    """
    Read a framework from a YAML, JSON or TOML text (``format: resultsframework-framework/1``).

    Raises:
        LoadError: listing every problem with its path (and line, for YAML).
    """
    return load_document(text, format, source, Framework, FRAMEWORK_FORMAT, check=check_framework)


def load(path: str | os.PathLike[str], *, register_it: bool = False) -> Framework:
    """Read a framework file; with *register_it*, also :func:`register` it (replacing any)."""
    framework = load_document(
        Path(path).read_bytes(),
        format_for(path),
        str(path),
        Framework,
        FRAMEWORK_FORMAT,
        check=check_framework,
    )
    if register_it:
        register(framework, replace=True)
    return framework


def dumps(framework: Framework, format: Literal["json", "yaml"] = "yaml") -> str:
    """The canonical text of *framework*."""
    return dumps_document(framework, FRAMEWORK_FORMAT, format)


def dump(framework: Framework, path: str | os.PathLike[str]) -> None:
    """Write *framework* to a file atomically; the format comes from the suffix."""
    from .atomic import write_atomic  # noqa: PLC0415

    fmt = format_for(path)
    if fmt == "toml":
        raise ValueError("TOML can be read but not written; use .json or .yaml")
    write_atomic(path, dumps(framework, fmt).encode("utf-8"))

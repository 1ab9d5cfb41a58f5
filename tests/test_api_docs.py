"""The API reference documents every public name, and every field says what it means."""

from __future__ import annotations

import enum
import inspect
import re

import attrs
import pytest

import resultsframework as rf

from .conftest import ROOT

API = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
DIRECTIVE = re.compile(
    r"^\.\. (?:auto(?:class|function|exception|data|module)|py:data):: resultsframework\.(\w+)", re.M
)
PUBLIC = sorted(n for n in rf.__all__ if n != "__version__")


def _documented() -> set[str]:
    return set(DIRECTIVE.findall(API))


def test_every_public_name_is_in_the_api_reference() -> None:
    assert [] == [name for name in PUBLIC if name not in _documented()]


def test_the_api_reference_documents_only_public_names() -> None:
    assert [] == sorted(_documented() - set(PUBLIC))


def _classes() -> list[type]:
    return [obj for name in PUBLIC if inspect.isclass(obj := getattr(rf, name))]


def _attribute_docs(cls: type) -> set[str]:
    """The attributes of *cls* that have a docstring in its source (as Sphinx reads them)."""
    analyzer = pytest.importorskip("sphinx.pycode").ModuleAnalyzer.for_module(cls.__module__)
    return {attr for (owner, attr) in analyzer.find_attr_docs() if owner == cls.__qualname__}


@pytest.mark.parametrize("cls", [c for c in _classes() if attrs.has(c)], ids=lambda c: c.__name__)
def test_every_field_says_what_it_means(cls: type) -> None:
    fields = [f.name for f in attrs.fields(cls) if f.init and not f.name.startswith("_")]
    assert [] == [name for name in fields if name not in _attribute_docs(cls)]


@pytest.mark.parametrize("cls", _classes(), ids=lambda c: c.__name__)
def test_every_public_method_and_property_has_a_docstring(cls: type) -> None:
    if issubclass(cls, enum.Enum | tuple) and not attrs.has(cls):
        own = {n: v for n, v in vars(cls).items() if inspect.isfunction(v) or isinstance(v, property)}
    else:
        own = dict(vars(cls))
    missing = [
        name
        for name, value in own.items()
        if not name.startswith("_")
        and (inspect.isfunction(value) or isinstance(value, property | classmethod | staticmethod))
        and not inspect.getdoc(value)
    ]
    assert [] == missing


def test_no_signature_shows_a_missing_default() -> None:
    """attrs' NOTHING (a field with a factory) is shown as the default it stands for."""
    html = ROOT / "docs" / "_build" / "html" / "api.html"
    if not html.exists():
        pytest.skip("the documentation is not built (make docs)")
    assert "NOTHING" not in html.read_text(encoding="utf-8")

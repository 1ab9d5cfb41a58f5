"""
resultsframework: the results frameworks of migration and displacement programmes as data.

Outcomes, outputs, activities and indicators with their baselines, targets,
achieved values, variance explanations and sources of verification, in a typed
core with a canonical JSON/YAML file format.

The package is built in layers, each using only those below it::

    core          the model, periods, exact numbers, breakdowns, frameworks as data
    text, io      words and escaping; files (JSON, YAML, portfolios, the framework registry)
    assessment    progress, validation, alignment with frameworks
    tables        the one table model, and the MPTF, report and framework tables
    formats       Markdown, HTML, CSV, Word, Excel, charts, notebooks
    interop       pandas, the Excel tracker, IATI, HXL
    (this module) the public API, with rendering.py
    cli           the command line

Every public name is listed once, in ``__init__.pyi`` beside this file, with the module that
defines it; it is imported from there on first use.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from typing import Any

__version__ = "0.1.0"


def _public_names() -> dict[str, str]:
    """Public name -> the module that defines it, as ``__init__.pyi`` lists them."""
    stub = ast.parse((Path(__file__).parent / "__init__.pyi").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for node in stub.body:
        if isinstance(node, ast.ImportFrom):
            base = f"{__name__}.{node.module}" if node.module else __name__
            for alias in node.names:
                names[alias.asname or alias.name] = base if node.module else f"{base}.{alias.name}"
    return names


_PUBLIC = _public_names()

__all__ = [*_PUBLIC, "__version__"]  # noqa: PLE0604  (the names are listed in __init__.pyi)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    imported = importlib.import_module(module)
    value = imported if imported.__name__ == f"{__name__}.{name}" else getattr(imported, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

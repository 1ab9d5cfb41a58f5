"""Optional extras: imported only when used, with a message naming the extra when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["MissingExtraError", "require"]

_PACKAGES = {
    "docx": "python-docx",
    "openpyxl": "openpyxl",
    "pandas": "pandas",
    "lxml.etree": "lxml",
    "matplotlib": "matplotlib",
    "pyarrow": "pyarrow",
    "duckdb": "duckdb",
    "pyspark": "pyspark",
}


class MissingExtraError(ImportError):
    """
    An optional dependency is not installed; the message says which extra to install.

    .. versionadded:: 0.1.0
    """


def require(module: str, extra: str) -> ModuleType:
    """Import *module*, or say which extra of resultsframework provides it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        package = _PACKAGES.get(module, module)
        raise MissingExtraError(
            f"this needs {package}, which is not installed: pip install 'resultsframework[{extra}]'"
        ) from None

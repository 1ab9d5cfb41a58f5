"""The package as other tools see it: a small public API and a light import."""

from __future__ import annotations

import subprocess
import sys
import types

import resultsframework as rf


def test_all_is_the_public_api() -> None:
    """Every public name is in __all__ and nothing else is (private submodules aside)."""
    modules = {n for n in dir(rf) if isinstance(getattr(rf, n), types.ModuleType)}
    public = {n for n in dir(rf) if not n.startswith("_") and (n not in modules or n == "frameworks")}
    assert sorted(public | {"__version__"}) == sorted(rf.__all__)


def test_import_pulls_in_no_optional_extra() -> None:
    """Embedding tools pay only for the core: no docx, openpyxl, pandas, lxml or matplotlib."""
    code = (
        "import sys, resultsframework; "
        "print(sorted(m for m in ('docx', 'openpyxl', 'pandas', 'lxml', 'matplotlib', 'babel.dates') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == result.stdout.strip()


def test_json_schema_covers_every_model_class() -> None:
    defs = rf.json_schema()["$defs"]
    assert {"Indicator", "Achieved", "Breakdown", "Variance", "Target", "Baseline", "Value"} <= set(defs)
    assert defs["Indicator"]["additionalProperties"] is False
    assert ["code", "statement", "measure"] == defs["Indicator"]["required"]

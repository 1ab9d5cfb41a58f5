"""The package as other tools see it: a small public API and a light import."""

from __future__ import annotations

import re
import subprocess
import sys
import types
from typing import Any

import pytest

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


FEATURES = [
    ("docx", "docx", lambda p: rf.render(p, "docx")),
    ("docx", "docx", lambda p: rf.report(p, "docx")),
    ("openpyxl", "xlsx", lambda p: rf.render(p, "xlsx")),
    ("openpyxl", "xlsx", rf.tracker_workbook),
    ("pandas", "pandas", rf.to_dataframe),
    ("lxml.etree", "iati", lambda p: rf.validate_iati(rf.to_iati(p))),
    ("matplotlib", "charts", lambda p: rf.progress_chart(rf.assess(p))),
]


@pytest.mark.parametrize(
    ("module", "extra", "feature"), FEATURES, ids=[f"{m}-{i}" for i, (m, _e, _f) in enumerate(FEATURES)]
)
def test_a_missing_extra_says_which_to_install(
    example: rf.Programme, monkeypatch: pytest.MonkeyPatch, module: str, extra: str, feature: Any
) -> None:
    """Without an extra (truly missing in CI's minimal run, hidden here otherwise), its features say what to install."""
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(rf.MissingExtraError, match=re.escape(f"pip install 'resultsframework[{extra}]'")):
        feature(example)


def test_what_needs_no_extra_works_without_any(
    example: rf.Programme, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module, _extra, _feature in FEATURES:
        monkeypatch.setitem(sys.modules, module, None)
    assert rf.render(example, "md").startswith("**Indicator Based Performance Assessment**")
    assert "<table" in rf.render(example, "html")
    assert "Indicator" in rf.render(example, "csv")
    assert "# MPTF Office Generic Final Programme Narrative Report" in rf.report(example, "md")
    assert b"<iati-activities" in rf.to_iati(example)
    assert rf.to_hxl(example).startswith("Programme,")
    assert [] == [d for d in rf.validate(example) if d.severity is rf.Severity.ERROR]

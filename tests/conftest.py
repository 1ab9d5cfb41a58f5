"""Shared test set-up: hypothesis profiles and the bundled example."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Generator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from pluggy import Result

import resultsframework as rf

# "fast" keeps the suite quick on a 2-core CI, and the same from run to run (derandomized), so
# that CI never turns red on an example nobody changed; "long" explores anew each time, for
# fuzzing on demand:
#   HYPOTHESIS_PROFILE=long pytest tests/test_roundtrip.py
settings.register_profile(
    "fast",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "mptf-00127216-un-migration-network.yaml"
WORKSHOP = ROOT / "examples" / "workshop-evaluation-illustrative.yaml"
"""The illustrative workshop report: a Likert-type evaluation, 14 of 16 participants answering."""


@pytest.fixture(scope="session")
def example() -> rf.Programme:
    """The seed-000 programme (MPTF 00127216), loaded once."""
    return rf.load(EXAMPLE)


# -- optional extras ------------------------------------------------------------------------

EXTRAS = {
    "docx": "docx",
    "openpyxl": "xlsx",
    "pandas": "pandas",
    "numpy": "pandas",
    "lxml": "iati",
    "matplotlib": "charts",
    "pyarrow": "parquet",
    "duckdb": "duckdb",
    "pyspark": "spark",
}
"""The modules of the optional extras, and the extra that installs each."""

MISSING_EXTRAS = {
    module: extra for module, extra in EXTRAS.items() if importlib.util.find_spec(module) is None
}
"""The extras this environment lacks: CI also runs the suite with none of them installed."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "extras(*modules): the test needs these optional modules; skipped where one is missing"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``extras("docx", ...)`` is skipped at once where one is missing (property tests
    would otherwise shrink their way to the missing extra first)."""
    for marker in item.iter_markers("extras"):
        lacking = [MISSING_EXTRAS[m] for m in marker.args if m in MISSING_EXTRAS]
        if lacking:
            pytest.skip(f"needs the {', '.join(dict.fromkeys(lacking))} extra")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Result[None], None]:
    """
    A test that needs an extra this environment lacks is skipped, saying which.

    Only a truly missing extra skips: with the extra installed, the same error fails the test.
    That the missing extras are reported as such (MissingExtraError, naming the extra to install)
    is itself tested, in test_module.py.
    """
    outcome = yield
    error = outcome.excinfo[1] if outcome.excinfo else None
    if error is None or not MISSING_EXTRAS:
        return
    message = str(error)
    missing = getattr(error, "name", None) or ""
    for module, extra in MISSING_EXTRAS.items():
        named = f"resultsframework[{extra}]" in message or missing.split(".")[0] == module
        if isinstance(error, ImportError) and named:
            outcome.force_exception(
                pytest.skip.Exception(f"needs the {extra} extra", _use_item_location=True)
            )
            return

"""Shared test set-up: hypothesis profiles and the bundled example."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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


@pytest.fixture(scope="session")
def example() -> rf.Programme:
    """The seed-000 programme (MPTF 00127216), loaded once."""
    return rf.load(EXAMPLE)

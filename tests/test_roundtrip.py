"""Property tests: every programme survives a trip through each format unchanged."""

from __future__ import annotations

from hypothesis import given

import resultsframework as rf

from .strategies import periods, programmes


class TestRoundTrip:
    @given(programmes)
    def test_json(self, programme: rf.Programme) -> None:
        """load(dump(x)) == x through JSON."""
        assert programme == rf.loads(rf.dumps(programme, "json"), "json")

    @given(programmes)
    def test_yaml(self, programme: rf.Programme) -> None:
        """load(dump(x)) == x through YAML."""
        assert programme == rf.loads(rf.dumps(programme, "yaml"), "yaml")

    @given(programmes)
    def test_output_is_deterministic(self, programme: rf.Programme) -> None:
        """Writing what was read gives the same text, byte for byte."""
        for fmt in ("json", "yaml"):
            text = rf.dumps(programme, fmt)
            assert text == rf.dumps(rf.loads(text, fmt), fmt)

    @given(periods())
    def test_period_ids(self, period: rf.Period) -> None:
        """Every period's canonical id parses back to the same period."""
        assert period == rf.Period.parse(period.id)

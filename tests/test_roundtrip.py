"""Property tests: every programme survives a trip through each format unchanged."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

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

    @given(st.lists(programmes, max_size=3))
    def test_portfolio(self, portfolio: list[rf.Programme]) -> None:
        """A portfolio file (JSON Lines) gives back the same programmes, in order, streamed or not."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "portfolio.jsonl"
            rf.dump_portfolio(portfolio, path)
            assert portfolio == rf.load_portfolio(path) == list(rf.iter_portfolio(path))

    @given(programmes)
    def test_every_written_document_is_valid_against_the_json_schema(self, programme: rf.Programme) -> None:
        """Editors and validators that use `resultsframework schema` accept what the library writes."""
        import jsonschema

        validator = jsonschema.Draft202012Validator(rf.json_schema())
        assert [] == [e.message for e in validator.iter_errors(json.loads(rf.dumps(programme, "json")))]

    @given(periods())
    def test_period_ids(self, period: rf.Period) -> None:
        """Every period's canonical id parses back to the same period."""
        assert period == rf.Period.parse(period.id)

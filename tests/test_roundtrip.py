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


class TestIatiFields:
    """The fields the IATI export reads: language, sectors, organisation identifiers, as files write them."""

    TEXT = (
        "format: resultsframework/1\n"
        "title: P\n"
        "language: fr\n"
        "organisations:\n"
        "- id: IOM\n"
        "  role: lead\n"
        "  identifier: XM-DAC-47066\n"
        "sectors:\n"
        "- code: '15190'\n"
        "  percentage: 60\n"
        "- code: '16010'\n"
        "  percentage: 40.5\n"
        "- code: M-1\n"
        "  vocabulary: '99'\n"
        "  name: Migration governance\n"
    )

    def test_they_read_and_write_back(self) -> None:
        from decimal import Decimal

        programme = rf.loads(self.TEXT, "yaml")
        assert "fr" == programme.language
        assert "XM-DAC-47066" == programme.organisations[0].identifier
        assert (
            rf.Sector("15190", percentage=60),
            rf.Sector("16010", percentage=Decimal("40.5")),
            rf.Sector("M-1", "99", name="Migration governance"),
        ) == programme.sectors
        assert type(programme.sectors[0].percentage) is Decimal  # an int read as the code makes it
        assert self.TEXT == rf.dumps(programme, "yaml")

    def test_code_and_files_refuse_the_same(self) -> None:
        import pytest

        bad = self.TEXT.replace("code: '15190'", "code: 15190")
        with pytest.raises(rf.LoadError, match=r"sectors\[0\]\.code.*expected text"):
            rf.loads(bad, "yaml")
        with pytest.raises(TypeError, match="Sector"):
            rf.Sector(15190)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="float"):
            rf.Sector("15190", percentage=60.0)  # type: ignore[arg-type]
        with pytest.raises(rf.LoadError, match=r"sectors\[0\]\.percentage.*expected a number"):
            rf.loads(self.TEXT.replace("percentage: 60", "percentage: '60'"), "yaml")

    def test_the_json_schema_has_them(self) -> None:
        schema = rf.json_schema()
        assert {"code", "vocabulary", "percentage", "name"} == set(schema["$defs"]["Sector"]["properties"])
        assert ["code"] == schema["$defs"]["Sector"]["required"]
        assert {"language", "sectors"} <= set(schema["properties"])
        assert "identifier" in schema["$defs"]["Organisation"]["properties"]

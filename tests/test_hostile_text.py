"""Hostile text: lone surrogates, lone carriage returns, dollar signs, and categories in Arabic."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultsframework as rf
from resultsframework.__main__ import main
from resultsframework.text.escape import close_bidi, html_text, markdown_text

from .conftest import ROOT

ILLUSTRATIVE = ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml"


def base() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(rf.dumps(rf.load(ILLUSTRATIVE)))
    return data


def indicator(data: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = data["outcomes"][0]["outputs"][0]["indicators"][0]
    return found


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


SURROGATE = "\ud800"
MESSAGE = "the text holds a lone surrogate U+D800, which is not a character"

PLACES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "title": (lambda d: d.__setitem__("title", f"a{SURROGATE}"), "title"),
    "statement": (
        lambda d: indicator(d).__setitem__("statement", f"é{SURROGATE}"),
        "outcomes[0].outputs[0].indicators[0].statement",
    ),
    "list of texts": (
        lambda d: indicator(d).__setitem__("disaggregation", ["sex", SURROGATE]),
        "outcomes[0].outputs[0].indicators[0].disaggregation[1]",
    ),
    "text value": (
        lambda d: indicator(d)["achieved"][0].__setitem__("value", SURROGATE),
        "outcomes[0].outputs[0].indicators[0].achieved[0].value",
    ),
    "category": (
        lambda d: indicator(d)["achieved"][0]["breakdowns"][0]["cells"][0].__setitem__("sex", SURROGATE),
        "outcomes[0].outputs[0].indicators[0].achieved[0].breakdowns[0].cells[0]",
    ),
    "dimension": (
        lambda d: indicator(d)["achieved"][0]["breakdowns"][0].__setitem__("dimensions", [SURROGATE]),
        "outcomes[0].outputs[0].indicators[0].achieved[0].breakdowns[0].dimensions[0]",
    ),
    "explanation": (
        lambda d: indicator(d)["achieved"][0]["breakdowns"][0].__setitem__("explanation", SURROGATE),
        "outcomes[0].outputs[0].indicators[0].achieved[0].breakdowns[0].explanation",
    ),
    "link": (
        lambda d: indicator(d).__setitem__("links", [f"sdg:{SURROGATE}"]),
        "outcomes[0].outputs[0].indicators[0].links[0]",
    ),
    "narrative name": (lambda d: d.__setitem__("narrative", {SURROGATE: "x"}), "narrative.\\ud800"),
    "narrative text": (lambda d: d.__setitem__("narrative", {"summary": SURROGATE}), "narrative.summary"),
}


class TestLoneSurrogates:
    @pytest.mark.parametrize("place", list(PLACES))
    def test_refused_at_load_with_the_path(self, place: str) -> None:
        change, path = PLACES[place]
        data = base()
        change(data)
        text = json.dumps(data)  # ASCII: the surrogate is the legal escape "\ud800"
        assert "\\ud800" in text
        with pytest.raises(rf.LoadError) as info:
            rf.loads(text, "json", source="p.json")
        assert any(line.startswith(f"p.json: {path}: {MESSAGE}; ") for line in info.value.lines())
        str(info.value).encode("utf-8")  # the message itself can be shown

    def test_a_pair_is_one_character_and_loads(self) -> None:
        data = base()
        data["title"] = "T \U0001f600"
        assert rf.loads(json.dumps(data), "json").title == "T \U0001f600"

    @pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
    def test_in_a_text_given_as_str(self, fmt: str) -> None:
        text = {
            "json": '{"format": "resultsframework/1",\n"title": "a\ud800"}',
            "yaml": "format: resultsframework/1\ntitle: 'a\ud800'\n",
            "toml": 'format = "resultsframework/1"\ntitle = "a\ud800"\n',
        }[fmt]
        with pytest.raises(rf.LoadError) as info:
            rf.loads(text, fmt, source="p")  # type: ignore[arg-type]
        assert info.value.lines() == [f"p: line 2: {MESSAGE}; write the character itself"]

    @pytest.mark.parametrize("fmt", ["yaml", "toml"])
    def test_escaped_in_yaml_and_toml(self, fmt: str) -> None:
        text = {
            "yaml": 'format: resultsframework/1\ntitle: "\\ud800"\n',
            "toml": 'format = "resultsframework/1"\ntitle = "\\ud800"\n',
        }[fmt]
        with pytest.raises(rf.LoadError):
            rf.loads(text, fmt)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "command",
        [
            ["convert", "{src}", "{dir}/out.yaml"],
            ["summary", "{src}"],
            ["render", "{src}", "--format", "csv"],
        ],
    )
    def test_commands_report_it(self, tmp_path: Path, command: list[str]) -> None:
        data = base()
        indicator(data)["statement"] = f"bad {SURROGATE}"
        source = tmp_path / "p.json"
        source.write_text(json.dumps(data), encoding="utf-8")
        code, out, err = run(*[part.format(src=source, dir=tmp_path) for part in command])
        assert code != 0
        assert out == ""
        assert f"outcomes[0].outputs[0].indicators[0].statement: {MESSAGE}" in err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json"]


class TestLoneCarriageReturn:
    def test_markdown_and_html_break_the_line_at_a_lone_cr(self) -> None:
        assert markdown_text("a\rb\r\nc\nd") == "a<br>b<br>c<br>d"
        assert html_text("a\rb\r\nc\nd") == "a<br>b<br>c<br>d"

    def test_a_markdown_table_row_stays_one_row(self) -> None:
        data = base()
        indicator(data)["statement"] = "first line\rsecond | line"
        table = rf.render(rf.loads(json.dumps(data), "json"), "markdown")
        rows = [line for line in table.splitlines() if "first line" in line]
        assert len(rows) == 1
        assert "first line<br>second \\| line" in rows[0]
        assert "\r" not in table


class TestDollarSigns:
    STATEMENT = "grants of $1,000 (50%) and $500"

    def assessment(self) -> rf.Assessment:
        data = base()
        data["title"] = "Costs $x$ and $y"
        indicator(data)["statement"] = self.STATEMENT
        return rf.assess(rf.loads(json.dumps(data), "json"))

    def texts(self, svg: bytes) -> list[str]:
        return re.findall(r"<text[^>]*>([^<]*)</text>", svg.decode("utf-8"))

    def test_every_chart_draws_them_as_written(self) -> None:
        matplotlib = pytest.importorskip("matplotlib")
        assessment = self.assessment()
        code = indicator(base())["code"]
        with matplotlib.rc_context({"svg.fonttype": "none"}):  # texts kept as texts, to read back
            progress = self.texts(rf.progress_chart(assessment, format="svg"))
            trend = self.texts(rf.trend_chart(assessment, code, format="svg"))
            status = self.texts(rf.status_chart(assessment, format="svg"))
        assert f"{code} {self.STATEMENT}" in progress
        assert "Costs $x$ and $y" in progress
        assert f"{code} {self.STATEMENT}" in trend
        assert "Costs $x$ and $y" in status
        assert rf.progress_chart(assessment).startswith(b"\x89PNG")

    def test_the_chart_command(self, tmp_path: Path) -> None:
        pytest.importorskip("matplotlib")
        data = base()
        indicator(data)["statement"] = self.STATEMENT
        source, target = tmp_path / "p.json", tmp_path / "trend.png"
        source.write_text(json.dumps(data), encoding="utf-8")
        code = indicator(data)["code"]
        assert (0, "", "") == run("chart", str(source), "--indicator", code, "-o", str(target))
        assert run("chart", str(source), "-o", str(tmp_path / "p.png"))[0] == 0
        assert target.read_bytes().startswith(b"\x89PNG")


GOVERNORATES = ["نينوى", "الأنبار", "صلاح الدين", "دهوك"]


class TestHxlCategoriesInArabic:
    def programme(self) -> rf.Programme:
        data = base()
        achieved = indicator(data)["achieved"][0]
        cells = [
            {"location": name, "value": v} for name, v in zip(GOVERNORATES, (40, 30, 40, 30), strict=True)
        ]
        achieved["breakdowns"] = [{"dimensions": ["location"], "cells": cells}]
        return rf.loads(json.dumps(data), "json")

    def test_each_governorate_has_its_own_column(self) -> None:
        rows = list(csv.reader(io.StringIO(rf.to_hxl(self.programme()))))
        headings, tags = rows[0], rows[1]
        columns = [i for i, tag in enumerate(tags) if "+location" in tag]
        assert len(columns) == 4
        assert len({tags[i] for i in columns}) == 4
        assert [headings[i] for i in columns] == [f"Achieved: location {name}" for name in GOVERNORATES]
        for i in columns:
            assert re.fullmatch(r"#indicator \+num \+achieved \+location_[0-9a-f]{6}", tags[i])
        assert tags == list(csv.reader(io.StringIO(rf.to_hxl(self.programme()))))[1]  # stable

    def test_readable_ascii_is_kept_and_near_twins_differ(self) -> None:
        from resultsframework.interop.hxl import _tags, attribute

        assert attribute("location", "Baghdad") == "location_baghdad"
        assert re.fullmatch(r"location_erbil_[0-9a-f]{6}", attribute("location", "Erbil أربيل"))
        tags = _tags([(("location", "Baghdad"),), (("location", "baghdad"),), (("sex", "female"),)])
        assert len(set(tags)) == 3
        assert tags[2] == "#indicator +num +achieved +f"


def _closed_char_by_char(text: str) -> str:
    """close_bidi as it was written first, one character at a time: the reference."""
    embeddings = isolates = 0
    for char in text:
        if char in "\u202a\u202b\u202d\u202e":
            embeddings += 1
        elif char == "\u202c" and embeddings:
            embeddings -= 1
        elif char in "\u2066\u2067\u2068":
            isolates += 1
        elif char == "\u2069" and isolates:
            isolates -= 1
    return text + "\u202c" * embeddings + "\u2069" * isolates


@given(st.text(alphabet=st.sampled_from("ab ع\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200f")))
def test_bidi_controls_are_closed_as_counted_one_by_one(text: str) -> None:
    assert close_bidi(text) == _closed_char_by_char(text)

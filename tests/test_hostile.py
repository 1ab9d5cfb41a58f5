"""Hostile and broken inputs: each ends in the library's own error, in bounded time, never a crash."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resultsframework as rf

HEAD = "format: resultsframework/1\n"

BILLION_LAUGHS = """\
format: resultsframework/1
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
title: *i
"""


def error_of(text: str | bytes, fmt: str = "yaml") -> rf.LoadError:
    with pytest.raises(rf.LoadError) as info:
        rf.loads(text, fmt, source="hostile.yaml")  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert all(line.startswith("hostile.yaml: ") for line in info.value.lines())
    return info.value


class TestCorpus:
    def test_billion_laughs_is_refused_at_once(self) -> None:
        start = time.perf_counter()
        error = error_of(BILLION_LAUGHS)
        assert time.perf_counter() - start < 2
        assert "YAML aliases are not supported" in str(error)

    def test_python_object_tags_never_run(self, tmp_path: Path) -> None:
        marker = tmp_path / "ran"
        text = HEAD + f"title: !!python/object/apply:os.system ['touch {marker}']\n"
        assert "YAML tags that construct objects are not allowed" in str(error_of(text))
        assert not marker.exists()

    def test_other_tags_give_values_of_the_wrong_type(self) -> None:
        assert "expected text" in str(error_of(HEAD + "title: !!binary aGVsbG8=\n"))
        assert "expected text" in str(error_of(HEAD + "title: !!set {a, b}\n"))

    def test_huge_integer(self) -> None:
        assert "not a valid JSON document" in str(
            error_of('{"format": "resultsframework/1", "title": 1' + "0" * 5000 + "}", "json")
        )

    def test_infinity(self) -> None:
        assert "expected a finite number, found Infinity" in str(
            error_of(
                '{"format": "resultsframework/1", "title": "T", "budget": {"total_approved": {"amount": Infinity, "currency": "USD"}}}',
                "json",
            )
        )

    def test_exponent_bomb(self) -> None:
        """1e999999999 would take forever to format or compare exactly; it is refused."""
        text = HEAD + "title: T\nbudget: {total_approved: {amount: 1e999999999, currency: USD}}\n"
        assert "too large or too precise" in str(error_of(text))

    def test_wrong_shapes_everywhere(self) -> None:
        text = HEAD + "title: [a]\noutcomes: {code: 1}\ndates: 2021\nnarrative: [x]\nlinks: sdg:5\n"
        lines = error_of(text).lines()
        assert 5 == len(lines)

    def test_a_utf8_bom_is_read_as_text_start(self) -> None:
        """Editors on Windows write a BOM; it is accepted (not an error) and not kept."""
        assert "T" == rf.loads(("\ufeff" + HEAD + "title: T\n").encode(), "yaml").title

    def test_utf16_file(self) -> None:
        assert "not UTF-8 text" in str(error_of((HEAD + "title: T\n").encode("utf-16")))

    def test_control_characters(self) -> None:
        error_of(HEAD + "title: \x00\x01\n")

    def test_fifty_megabytes_end_in_bounded_time(self) -> None:
        big = "[" + ",".join(["1"] * (25 * 1024 * 1024)) + "]"
        start = time.perf_counter()
        error = error_of(big, "json")
        assert time.perf_counter() - start < 30
        assert "expected a mapping at the top of the document" in str(error)

    def test_long_texts_where_short_ones_belong_end_in_bounded_time_and_messages(self) -> None:
        """A period, a value or a key of a hundred thousand characters: no pattern backtracks on it."""
        spaces = " " * 100_000
        doc = {
            "format": "resultsframework/1", "title": "T", "x" * 100_000: 1,
            "outcomes": [{"code": "1", "statement": "S", "indicators": [{"code": "1.1", "statement": "I",
                          "measure": "count", "achieved": [{"period": "Q1" + spaces + "x"}]}]}],
        }  # fmt: skip
        start = time.perf_counter()
        error = error_of(json.dumps(doc), "json")
        assert time.perf_counter() - start < 5
        # bounded whatever the input's length: shortened texts, and the list of the keys a programme takes
        assert all(len(line) < 600 for line in error.lines())
        valued = {**doc, "outcomes": [{"code": "1", "statement": "S", "indicators": [{"code": "1.1",
                  "statement": "I", "measure": "count", "achieved": [{"period": "2025", "value": "1" + spaces + "x"}]}]}]}  # fmt: skip
        del valued["x" * 100_000]
        programme = rf.loads(json.dumps(valued), "json")
        start = time.perf_counter()
        diagnostics = rf.validate(programme)
        assert time.perf_counter() - start < 5
        assert all(len(d.message) < 400 for d in diagnostics)

    def test_many_problems_are_all_reported(self) -> None:
        outcomes = [{"code": i, "statement": "S"} for i in range(2000)]
        text = json.dumps({"format": "resultsframework/1", "title": "T", "outcomes": outcomes})
        assert 2000 == len(error_of(text, "json").problems)


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('{"format": "resultsframework/1", "title": ' + "[" * 200_000 + "]" * 200_000 + "}", "json"),
        (HEAD + "title: " + "[" * 200_000 + "]" * 200_000 + "\n", "yaml"),
        (HEAD + "title: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n", "yaml"),
    ],
    ids=["json-brackets", "yaml-brackets", "yaml-mappings"],
)
def test_very_deep_nesting_never_crashes(tmp_path: Path, text: str, fmt: str) -> None:
    """Run apart: a C parser that recursed without limit would kill the process, not raise."""
    path = tmp_path / f"deep.{fmt}"
    path.write_text(text, encoding="utf-8")
    code = "import sys, resultsframework as rf\ntry:\n    rf.load(sys.argv[1])\nexcept rf.LoadError as e:\n    print(e)\n"
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120, check=False
    )
    assert 0 == result.returncode, result.stderr[-2000:]
    assert "nested too deeply" in result.stdout


class TestFuzz:
    """Whatever the text, loading returns a programme or raises LoadError; nothing else.

    Runs briefly in CI; HYPOTHESIS_PROFILE=long runs it for thousands of cases.
    """

    @given(st.text(max_size=300), st.sampled_from(["json", "yaml", "toml"]))
    def test_any_text(self, text: str, fmt: str) -> None:
        with contextlib.suppress(rf.LoadError):
            rf.loads(text, fmt)  # type: ignore[arg-type]

    @given(st.binary(max_size=200))
    def test_any_bytes(self, data: bytes) -> None:
        with contextlib.suppress(rf.LoadError):
            rf.loads(data, "yaml")

    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
        lambda children: st.lists(children, max_size=4) | st.dictionaries(
            st.sampled_from(["code", "statement", "measure", "value", "period", "title", "outcomes", "outputs",
                             "indicators", "achieved", "target", "breakdowns", "cells", "links", "x"]),
            children, max_size=4),
        max_leaves=30,
    )  # fmt: skip

    @given(json_values)
    @settings(max_examples=200 if os.environ.get("HYPOTHESIS_PROFILE") != "long" else 20_000)
    def test_any_json_shaped_document(self, body: object) -> None:
        document = {"format": "resultsframework/1", "title": "T", "outcomes": [body]}
        problems: tuple[rf.Problem, ...] = ()
        try:
            rf.loads(json.dumps(document), "json")
        except rf.LoadError as e:
            problems = e.problems
            assert problems  # a LoadError always says what is wrong


class TestFastPath:
    """Loading tries a fast converter first; it must accept exactly what the detailed one accepts."""

    leaves = st.none() | st.booleans() | st.integers(-5, 5) | st.sampled_from(["female", "male", "18-30", ""])
    cells = st.dictionaries(st.sampled_from(["sex", "age", "value"]), leaves, max_size=3)
    breakdowns = (
        st.fixed_dictionaries(
            {},
            optional={
                "dimensions": st.lists(st.sampled_from(["sex", "age", 3]), max_size=2),
                "cells": st.lists(cells, max_size=3) | leaves,
                "complete": st.booleans() | leaves,
                "explanation": st.text(max_size=3) | leaves,
                "x": leaves,
            },
        )
        | TestFuzz.json_values
    )

    @given(breakdowns)
    @settings(max_examples=300 if os.environ.get("HYPOTHESIS_PROFILE") != "long" else 20_000)
    def test_fast_and_detailed_converters_agree(self, body: object) -> None:
        from resultsframework.io.converter import converter

        document = {"title": "T", "outcomes": [{"code": "1", "statement": "S", "indicators": [
            {"code": "1.1", "statement": "I", "measure": "count", "achieved": [
                {"period": "2025", "value": 1, "breakdowns": [body]}]}]}]}  # fmt: skip
        results: list[rf.Programme | None] = []
        for detailed in (False, True):
            try:
                results.append(converter(detailed=detailed).structure(document, rf.Programme))
            except Exception:  # noqa: BLE001  (either converter may refuse; what matters is that both do)
                results.append(None)
        assert results[0] == results[1]

    def test_checked_categories_are_remembered_but_never_trusted_blindly(self) -> None:
        """Category combinations are checked once and reused; a wrong one is still refused."""

        def document(cells: list[dict[str, object]]) -> str:
            body = {"dimensions": ["sex"], "cells": cells}
            return json.dumps({"format": "resultsframework/1", "title": "T", "outcomes": [
                {"code": "1", "statement": "S", "indicators": [
                    {"code": "1.1", "statement": "I", "measure": "count", "achieved": [
                        {"period": "2025", "value": 3, "breakdowns": [body]}]}]}]})  # fmt: skip

        first = rf.loads(document([{"sex": "female", "value": 1}, {"value": 2, "sex": "male"}]), "json")
        again = rf.loads(document([{"sex": "female", "value": 1}, {"sex": "male", "value": 2}]), "json")
        assert first == again
        cells = again.indicator("1.1").achieved[0].breakdowns[0].cells
        assert [(c.category("sex"), c.value) for c in cells] == [("female", 1), ("male", 2)]
        with pytest.raises(rf.LoadError, match="categor"):
            rf.loads(document([{"sex": "female", "value": 1}, {"sex": 1, "value": 2}]), "json")

"""The canonical format: reading, writing, and the errors a user sees for bad input."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultsframework as rf

from .conftest import EXAMPLE

HEAD = "format: resultsframework/1\n"


def problems(text: str, fmt: str = "yaml") -> list[str]:
    """The problem lines a user sees for *text*."""
    with pytest.raises(rf.LoadError) as info:
        rf.loads(text, fmt, source="f.yaml")  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    return info.value.lines()


class TestReading:
    def test_yaml_and_json_hold_the_same_structure(self, example: rf.Programme) -> None:
        assert example == rf.loads(rf.dumps(example, "json"), "json")
        assert example == rf.loads(rf.dumps(example, "yaml"), "yaml")

    def test_toml_can_be_read(self) -> None:
        text = 'format = "resultsframework/1"\ntitle = "T"\n[dates]\nstart = 2021-05-01\n'
        assert rf.loads(text, "toml").dates == rf.Dates(start=rf.parse_date("2021-05-01"))

    def test_numbers_stay_exact(self) -> None:
        """A decimal in the file is a Decimal in the model, never a float."""
        text = HEAD + "title: T\nbudget: {total_approved: {amount: 600000.10, currency: USD}}\n"
        amount = rf.loads(text, "yaml").budget.total_approved.amount  # type: ignore[union-attr]
        assert Decimal("600000.10") == amount
        assert isinstance(amount, Decimal)

    def test_yes_no_words_are_text_not_booleans(self) -> None:
        """YAML 1.1 would read 'no' as false (the Norway problem); this reader keeps it text."""
        text = HEAD + "title: no\ncountry: NO\n"
        programme = rf.loads(text, "yaml")
        assert ("no", "NO") == (programme.title, programme.country)

    def test_a_utf8_bom_is_accepted(self) -> None:
        text = ("\ufeff" + HEAD + "title: T\n").encode()
        assert "T" == rf.loads(text, "yaml").title

    def test_load_picks_the_format_from_the_suffix(self, tmp_path: Path) -> None:
        path = tmp_path / "p.json"
        path.write_text(json.dumps({"format": "resultsframework/1", "title": "T"}))
        assert "T" == rf.load(path).title


class TestWriting:
    def test_output_is_the_example_byte_for_byte(self, example: rf.Programme) -> None:
        """The bundled example is in canonical form: reading and writing it changes nothing."""
        assert EXAMPLE.read_text(encoding="utf-8") == rf.dumps(example, "yaml")

    def test_defaults_are_left_out(self) -> None:
        text = rf.dumps(rf.Programme(title="T"), "json")
        assert {"format": "resultsframework/1", "title": "T"} == json.loads(text)

    def test_decimals_are_written_as_numbers(self) -> None:
        programme = rf.Programme(title="T", budget=rf.Budget(rf.Money(Decimal("1234.50"), "USD")))
        assert '"amount": 1234.50' in rf.dumps(programme, "json")
        assert "amount: 1234.50" in rf.dumps(programme, "yaml")

    def test_dump_writes_atomically(self, tmp_path: Path, example: rf.Programme, monkeypatch) -> None:
        """A write that fails half-way leaves the previous file as it was, and no temporary file."""
        path = tmp_path / "p.yaml"
        rf.dump(example, path)
        before = path.read_bytes()

        def broken(*args, **kwargs):
            raise OSError("disk full")

        monkeypatch.setattr("os.fsync", broken)
        with pytest.raises(OSError, match="disk full"):
            rf.dump(rf.Programme(title="other"), path)
        assert before == path.read_bytes()
        assert ["p.yaml"] == [p.name for p in tmp_path.iterdir()]

    def test_dump_keeps_permissions(self, tmp_path: Path) -> None:
        path = tmp_path / "p.json"
        path.write_text("{}")
        path.chmod(0o640)
        rf.dump(rf.Programme(title="T"), path)
        assert 0o640 == path.stat().st_mode & 0o777


class TestPortfolio:
    def test_one_programme_a_line(self, tmp_path: Path, example: rf.Programme) -> None:
        path = tmp_path / "portfolio.jsonl"
        rf.dump_portfolio([example, example], path)
        lines = path.read_text(encoding="utf-8").splitlines()
        assert 2 == len(lines)
        assert json.loads(lines[0])["format"] == "resultsframework/1"
        assert [example, example] == rf.load_portfolio(path)

    def test_a_programme_file_is_a_portfolio_of_one(self, example: rf.Programme) -> None:
        assert [example] == rf.load_portfolio(EXAMPLE)

    def test_blank_lines_are_skipped(self, tmp_path: Path) -> None:
        path = tmp_path / "p.jsonl"
        path.write_text('\n{"format": "resultsframework/1", "title": "A"}\n\n', encoding="utf-8")
        assert ["A"] == [p.title for p in rf.iter_portfolio(path)]

    def test_every_bad_line_is_reported_with_its_number(self, tmp_path: Path) -> None:
        path = tmp_path / "p.jsonl"
        path.write_text(
            '{"format": "resultsframework/1", "title": "A"}\n'
            '{"format": "resultsframework/1", "titel": "B"}\n'
            "not json\n",
            encoding="utf-8",
        )
        with pytest.raises(rf.LoadError) as info:
            rf.load_portfolio(path)
        assert [
            f"{path}: title (line 2): required field is missing",
            f"{path}: titel (line 2): unknown key 'titel'; did you mean 'title'?",
            f"{path}: line 3: not valid JSON: Expecting value (column 1)",
        ] == info.value.lines()
        streamed = rf.iter_portfolio(path)
        assert "A" == next(streamed).title  # streaming gives what it can, then stops at line 2
        with pytest.raises(rf.LoadError, match="line 2"):
            next(streamed)


class TestBadInput:
    """Each bad input gives the user one line per problem: where, what was expected, what was found."""

    def test_a_key_holding_a_new_line_keeps_its_problem_on_one_line(self) -> None:
        """A key's new line, shown raw, would start a line that reads like another file's problem."""
        document = {
            "format": "resultsframework/1",
            "title": "T",
            "narrative": {"a\nb.json: title: ok\x1b": 3},
        }
        with pytest.raises(rf.LoadError) as info:
            rf.loads(json.dumps(document), "json", source="p.json")
        assert [
            "p.json: narrative.a\\nb.json: title: ok\\x1b: expected text, found number 3"
        ] == info.value.lines()

    def test_every_problem_is_reported_at_once_with_path_and_line(self) -> None:
        text = HEAD + (
            "title: T\n"
            "outcomes:\n"
            "- code: '1'\n"
            "  statment: Better lives\n"
            "  outputs:\n"
            "  - code: 1\n"
            "    statement: S\n"
            "    indicators:\n"
            "    - code: '1.1.1'\n"
            "      statement: Meetings held\n"
            "      measure: counts\n"
        )
        assert [
            "f.yaml: outcomes[0].statement (line 4): required field is missing",
            "f.yaml: outcomes[0].outputs[0].code (line 7): expected text, found number 1",
            "f.yaml: outcomes[0].outputs[0].indicators[0].measure (line 12): expected one of 'count', "
            "'number', 'percentage', 'yes_no', 'qualitative', 'money', 'ordinal'; found text 'counts'",
            "f.yaml: outcomes[0].statment (line 5): unknown key 'statment'; did you mean 'statement'?",
        ] == problems(text)

    def test_missing_format_key(self) -> None:
        assert [
            "f.yaml: format (line 1): missing; expected 'format: resultsframework/1' at the top"
        ] == problems("title: T\n")

    def test_newer_format_version(self) -> None:
        assert [
            "f.yaml: format (line 1): unsupported format 'resultsframework/9'; this version reads "
            "'resultsframework/1'"
        ] == problems("format: resultsframework/9\ntitle: T\n")

    def test_impossible_date(self) -> None:
        assert [
            "f.yaml: dates.start (line 3): not a real date: '2021-02-30' (day is out of range for month)"
        ] == problems(HEAD + "title: T\ndates: {start: 2021-02-30}\n")

    def test_string_where_a_list_is_expected(self) -> None:
        """cattrs would iterate the letters of a string; this reader refuses it."""
        assert ["f.yaml: reporting_periods (line 3): expected a list, found text '2021Q1'"] == problems(
            HEAD + "title: T\nreporting_periods: 2021Q1\n"
        )

    def test_yes_no_value_is_not_coerced(self) -> None:
        assert [
            "f.yaml: evaluation.completed (line 3): expected true or false, found text 'false'"
        ] == problems(HEAD + "title: T\nevaluation: {completed: 'false'}\n")

    def test_float_is_refused_from_python(self) -> None:
        """A float given through the API would lose exactness; it is refused with the reason."""
        data = {
            "format": "resultsframework/1",
            "title": "T",
            "budget": {"total_approved": {"amount": 0.1, "currency": "USD"}},
        }
        from resultsframework.io.converter import structure_document

        _, found = structure_document(data, rf.Programme, "resultsframework/1")
        assert [
            "budget.total_approved.amount: expected an exact number, found floating-point number 0.1: "
            "use int or decimal.Decimal, never float"
        ] == [str(p) for p in found]

    @pytest.mark.parametrize(
        ("text", "fmt", "expected"),
        [
            ("", "yaml", "f.yaml: line 1: the document is empty"),
            ("", "json", "f.yaml: line 1: the document is empty"),
            ("[1, 2]", "json", "f.yaml: $: expected a mapping at the top of the document, found a list"),
            (
                '{"format": "resultsframework/1", "title": "a", "title": "b"}',
                "json",
                "f.yaml: $: duplicate key 'title'",
            ),
            (
                HEAD + "title: a\ntitle: b\n",
                "yaml",
                "f.yaml: line 3: duplicate key 'title' (first at line 2)",
            ),
            (
                '{"format": "resultsframework/1", "title": NaN}',
                "json",
                "f.yaml: $: expected a finite number, found NaN",
            ),
            (
                HEAD + "title: T\nbudget: {total_approved: {amount: .nan, currency: USD}}\n",
                "yaml",
                "f.yaml: line 3: expected a finite number, found .nan",
            ),
            (
                "{",
                "json",
                "f.yaml: line 1: not valid JSON: Expecting property name enclosed in double quotes (column 2)",
            ),
            (HEAD + "title: [unclosed\n", "yaml", None),
            (HEAD + "title: !!python/object:os.system echo\n", "yaml", None),
            (
                HEAD + "a: &x T\ntitle: *x\n",
                "yaml",
                "f.yaml: line 2: YAML aliases are not supported: the value anchored here is used again; "
                "write it out",
            ),
            (
                HEAD + "title: T\nbudget: {total_approved: {amount: 1" + "0" * 50 + ", currency: USD}}\n",
                "yaml",
                "f.yaml: budget.total_approved.amount (line 3): number too large or too precise (more than 40 digits)",
            ),
        ],
    )
    def test_broken_documents(self, text: str, fmt: str, expected: str | None) -> None:
        found = problems(text, fmt)
        assert 1 == len(found)
        if expected is not None:
            assert expected == found[0]

    def test_python_tags_never_construct_objects(self) -> None:
        found = problems(HEAD + "title: !!python/object/apply:os.system ['echo hacked']\n")
        assert "YAML tags that construct objects are not allowed" in found[0]

    def test_deep_nesting_ends_in_a_clear_error(self) -> None:
        text = '{"format": "resultsframework/1", "title": ' + "[" * 100_000 + "]" * 100_000 + "}"
        assert ["f.yaml: $: the document is nested too deeply"] == problems(text, "json")

    def test_latin1_bytes_name_the_line(self) -> None:
        data = (HEAD + "title: Caf\xe9\n").encode("latin-1")
        with pytest.raises(rf.LoadError) as info:
            rf.loads(data, "yaml", source="f.yaml")
        assert [
            "f.yaml: line 2: not UTF-8 text: byte 0xe9 at offset 37; save the file as UTF-8"
        ] == info.value.lines()

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        with pytest.raises(rf.LoadError, match=r"cannot tell the format from the suffix '\.txt'"):
            rf.load(tmp_path / "p.txt")

    def test_bad_framework_link(self) -> None:
        assert [
            "f.yaml: links[0] (line 4): expected a framework link written 'framework:code' (e.g. 'sdg:10.7'), "
            "found text '10.7'",
            "f.yaml: links[1] (line 5): a framework link has no spaces around the ':' or at its ends, found 'sdg: 5'",
        ] == problems(HEAD + "title: T\nlinks:\n- '10.7'\n- 'sdg: 5'\n")

    def test_breakdown_cell_needs_a_value(self) -> None:
        text = HEAD + (
            "title: T\noutcomes:\n- code: '1'\n  statement: S\n  indicators:\n  - code: '1.1'\n"
            "    statement: People\n    measure: count\n    achieved:\n    - period: 2021\n      value: 3\n"
            "      breakdowns:\n      - dimensions: [sex]\n        cells:\n        - {sex: female}\n"
        )
        assert [
            "f.yaml: outcomes[0].indicators[0].achieved[0].breakdowns[0].cells[0] (line 16): "
            "a breakdown cell needs a 'value' beside its categories"
        ] == problems(text)


class TestYamlSyntaxErrors:
    """A YAML syntax error shows the line, the column, the line itself with a caret, and the fix."""

    def test_a_text_holding_colon_space(self) -> None:
        text = HEAD + "title: T\nnarrative:\n  executive_summary: Target: 50% of households\n"
        (line,) = problems(text)
        assert line == (
            "f.yaml: line 4: not valid YAML (column 28): mapping values are not allowed in this context\n"
            "    4 |   executive_summary: Target: 50% of households\n"
            "      |                            ^\n"
            "    hint: a text holding ': ' must be quoted: executive_summary: 'Target: 50% of households'"
        )

    def test_the_hint_keeps_quotes_inside_the_text(self) -> None:
        (line,) = problems(HEAD + "title: Phase 1: it's done\n")
        assert line.endswith("hint: a text holding ': ' must be quoted: title: 'Phase 1: it''s done'")
        assert rf.loads(HEAD + "title: 'Phase 1: it''s done'\n", "yaml").title == "Phase 1: it's done"

    def test_a_tab_in_the_indentation(self) -> None:
        (line,) = problems(HEAD + "title: T\nnarrative:\n\texecutive_summary: S\n")
        assert "line 4: not valid YAML (column 1)" in line
        assert line.endswith("hint: indent with spaces, not tabs")

    def test_a_text_starting_with_percent(self) -> None:
        (line,) = problems(HEAD + "title: % of households\n")
        assert "line 2: not valid YAML (column 8)" in line
        assert "    2 | title: % of households\n      |        ^\n" in line
        assert line.endswith("hint: a text starting with '%' must be quoted: title: '% of households'")

    def test_a_quote_inside_a_quoted_text(self) -> None:
        (line,) = problems(HEAD + "title: 'it's'\n")
        assert "line 2:" in line
        assert "a ' inside '...' as ''" in line

    def test_a_text_continued_without_indentation_is_found_on_its_own_line(self) -> None:
        """PyYAML finds this on the next line; the message names the line at fault."""
        (line,) = problems(HEAD + "title: T\ncountry: Iraq\nsome words\nstatus: x\n")
        assert "line 4: not valid YAML (column 1): could not find expected ':'" in line
        assert "    4 | some words\n" in line
        assert "indented further than its key, or quoted" in line

    def test_an_indentation_that_does_not_line_up(self) -> None:
        (line,) = problems(HEAD + "title: T\nnarrative:\n  executive_summary: S\n lessons: L\n")
        assert "line 5:" in line
        assert line.endswith("start in the same column")

    def test_the_pure_python_reader_says_the_same(self) -> None:
        from resultsframework.core.errors import ParseError
        from resultsframework.io import yaml as reader

        text = "title: Target: 50%\n"
        messages = []
        for loader in (reader._CLoader, reader._PyLoader) if reader._CParser else (reader._PyLoader,):
            node = loader(text)
            try:
                node.get_single_node()
            except Exception as e:  # noqa: BLE001
                messages.append(reader._syntax_error(e, text).message)  # type: ignore[arg-type]
            finally:
                node.dispose()
        with pytest.raises(ParseError):
            reader.parse_yaml(text)
        assert all("column 14" in m and "must be quoted: title: 'Target: 50%'" in m for m in messages)


class TestHintsForValuesWrittenShort:
    def test_a_target_written_as_a_number_and_words(self) -> None:
        text = (
            HEAD + "title: T\noutcomes:\n- code: '1'\n  statement: S\n  indicators:\n  - code: '1.1'\n"
            "    statement: I\n    measure: count\n    target: 600 participants\n"
        )
        (line,) = problems(text)
        assert line.endswith(
            "expected a mapping (Target), found text '600 participants'; "
            'write {value: 600, text: "600 participants"}'
        )
        assert "target (line 10)" in line

    def test_a_target_written_with_separators(self) -> None:
        text = (
            HEAD + "title: T\noutcomes:\n- code: '1'\n  statement: S\n  indicators:\n  - code: '1.1'\n"
            "    statement: I\n    measure: count\n    target: 1,200 households\n"
        )
        (line,) = problems(text)
        assert line.endswith('write {value: 1200, text: "1,200 households"}')

    def test_a_target_written_as_a_bare_number_keeps_its_hint(self) -> None:
        text = (
            HEAD + "title: T\noutcomes:\n- code: '1'\n  statement: S\n  indicators:\n  - code: '1.1'\n"
            "    statement: I\n    measure: count\n    target: 600\n"
        )
        (line,) = problems(text)
        assert line.endswith("found number 600; write {value: 600}")

    def test_a_code_read_as_a_number(self) -> None:
        (line,) = problems(HEAD + "title: T\noutcomes:\n- code: 1.10\n  statement: S\n")
        assert line == (
            "f.yaml: outcomes[0].code (line 4): expected text, found number 1.10; "
            "write '1.10' in quotes (a code such as '1.1' is text)"
        )


_YAML_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=8),
    st.sampled_from(["yes", "no", "~", "1.50", "2021-05-01", "<<", "!x", "-", "'q'", "0x1F", ".inf", "1e3"]),
)  # fmt: skip
_YAML_DATA = st.recursive(
    _YAML_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)
_YAML_FAULTS = [
    "a: 1\n", "a: &x 1\nb: *x\n", "a: 1\na: 2\n", "!!set {a, b}\n", "? [a, b]\n: c\n", "- !!binary aGk=\n",
    "a: !!python/object:os.system x\n", "<<: {a: 1}\n", "!!merge <<: {a: 1}\n", "--- 1\n--- 2\n", "",
    "a: [1, {b: 2}]\n", "a: !!float 1\n", "a: !!int x\n", "- [\n", "a: 'b\n", "!!omap [a: 1]\n",
    "a:\n  - b\n  -c: d\n", "a: !!str 1\n", "&a [*a]\n", "a: 1.0e-3\n", "k: .nan\n",
]  # fmt: skip
_YAML_SNIPPETS = st.sampled_from(_YAML_FAULTS)


class TestYamlReadFromEvents:
    """The YAML reader builds data from the parser's events, not PyYAML's tree: the same data, the same refusals."""

    @staticmethod
    def both(text: str) -> tuple[object, object]:
        from resultsframework.core.errors import ParseError
        from resultsframework.io import yaml as reader

        def read(events: bool) -> object:
            try:
                return reader._read(text, events=events)
            except ParseError as e:
                return ("refused", e.message, e.line)
            except reader._Unusual:
                return "unusual"

        return read(True), read(False)

    @given(_YAML_DATA)
    def test_any_data_written_reads_back_alike(self, data: object) -> None:
        import yaml

        events, tree = self.both(yaml.safe_dump(data, allow_unicode=True))
        assert events in ("unusual", tree)

    @given(st.lists(_YAML_SNIPPETS | st.text(max_size=12), max_size=4).map("".join))
    def test_any_text_reads_or_is_refused_alike(self, text: str) -> None:
        """A text with several faults may be refused for another of them first; never read instead."""
        events, tree = self.both(text)
        refused = isinstance(tree, tuple) and tree[:1] == ("refused",)
        if events != "unusual":
            assert (isinstance(events, tuple) and events[:1] == ("refused",)) if refused else events == tree

    @pytest.mark.parametrize("text", _YAML_FAULTS)
    def test_each_fault_is_said_alike(self, text: str) -> None:
        events, tree = self.both(text)
        assert events in ("unusual", tree)

    def test_a_large_file_is_read_without_the_tree(self) -> None:
        import tracemalloc

        from resultsframework.io import yaml as reader

        text = "outcomes:\n" + "".join(
            f"- code: '{i}'\n  statement: Outcome {i}\n  n: {i}\n" for i in range(20_000)
        )
        tracemalloc.start()
        reader._read(text, events=True)
        events = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        reader._read(text, events=False)
        tree = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert events * 3 < tree

"""The command line: exit codes and what it prints."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

from resultsframework.__main__ import main

from .conftest import EXAMPLE


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


class TestValidate:
    def test_valid_file_exits_0(self) -> None:
        code, out, _ = run("validate", str(EXAMPLE))
        assert 0 == code
        assert out.endswith(f"{EXAMPLE}: valid (1 warning)\n")

    def test_invalid_file_exits_1_with_file_path_message_lines(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("format: resultsframework/1\ntitle: T\ncountry: 3\n")
        code, _, err = run("validate", str(EXAMPLE), str(bad))
        assert 1 == code
        assert f"{bad}: country (line 3): expected text, found number 3\n" == err

    def test_validation_errors_exit_1(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.json"
        bad.write_text(
            json.dumps(
                {
                    "format": "resultsframework/1",
                    "title": "T",
                    "outcomes": [
                        {
                            "code": "1",
                            "statement": "S",
                            "indicators": [
                                {
                                    "code": "1.1",
                                    "statement": "I",
                                    "measure": "count",
                                    "achieved": [{"period": "2025", "value": -1}],
                                }
                            ],
                        }
                    ],
                }
            )
        )
        code, _, err = run("validate", str(bad))
        assert 1 == code
        assert "outcomes[0].indicators[0].achieved[0].value: error [negative-count]" in err  # JSON: no lines

    def test_findings_in_yaml_files_name_their_line(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text(
            "format: resultsframework/1\ntitle: T\noutcomes:\n- code: '1'\n  statement: S\n  indicators:\n"
            "  - code: '1.1'\n    statement: I\n    measure: count\n    achieved:\n"
            "    - period: '2025'\n      value: -1\n"
        )
        code, _, err = run("validate", str(bad))
        assert 1 == code
        assert f"{bad}: outcomes[0].indicators[0].achieved[0].value (line 12): error [negative-count]" in err

    def test_missing_file(self, tmp_path: Path) -> None:
        code, _, err = run("validate", str(tmp_path / "nope.yaml"))
        assert 1 == code
        assert "cannot read" in err

    def test_usage_error_exits_2(self) -> None:
        assert 2 == run("validate")[0]

    def test_json_lines_for_other_tools(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("format: resultsframework/1\ntitle: T\ncountry: 3\n")
        code, out, err = run("validate", "--json", str(EXAMPLE), str(bad))
        assert (1, "") == (code, err)
        records = [json.loads(line) for line in out.splitlines()]
        assert [
            {"file": str(EXAMPLE), "severity": "warning", "code": "extension-reason-missing",
             "path": "dates.extension_reason", "line": 37,
             "message": "the programme was extended from 2021-09-30 to 2021-12-30 but no reason is given"},
            {"file": str(bad), "severity": "error", "code": "load-error", "path": "country", "line": 3,
             "message": "expected text, found number 3"},
        ] == records  # fmt: skip

    def test_as_of_and_disaggregation_policy(self, tmp_path: Path) -> None:
        lines = [
            "format: resultsframework/1", "title: T", "dates: {start: '2025-01-01', original_end: '2025-12-31'}",
            "outcomes:", "- code: '1'", "  statement: O", "  indicators:", "  - code: '1.1'", "    statement: I",
            "    measure: count", "    target: {value: 100}", "    achieved:", "    - period: 2025Q1",
            "      value: 10", "      breakdowns:", "      - dimensions: [sex]",
            "        cells: [{sex: female, value: 3}, {sex: male, value: 3}]",
        ]  # fmt: skip
        path = tmp_path / "p.yaml"
        path.write_text("\n".join(lines) + "\n")
        code, out, err = run("validate", "--as-of", "2025-03-31", "--disaggregation", "warning", str(path))
        assert 0 == code
        assert "warning [breakdown-total]" in out
        assert "warning [variance-missing] the indicator is behind its target" in out
        code, _, err = run("validate", str(path))
        assert 1 == code
        assert "error [breakdown-total]" in err
        assert 2 == run("frobnicate")[0]


class TestOtherCommands:
    def test_summary(self) -> None:
        code, out, _ = run("summary", str(EXAMPLE))
        assert 0 == code
        assert "Assessed as of 2021-12-31" in out
        lines = [line for line in out.splitlines() if re.match(r"\d+\.\d", line)]
        rows = {line.split()[0]: line.split() for line in lines}
        assert ["1.1.2", "not", "achieved", "20", "60", "33.3%"] == rows["1.1.2"]
        assert ["1.4.1", "not", "conducted", "–", "70%", "–"] == rows["1.4.1"]
        header = next(line for line in out.splitlines() if line.startswith("code"))
        assert {len(header)} == {len(line) for line in lines}  # the columns line up
        assert "3 exceeded, 8 achieved, 1 not achieved, 2 not conducted" in out

    def test_schema_is_json(self) -> None:
        code, out, _ = run("schema")
        assert 0 == code
        schema = json.loads(out)
        assert "format" in schema["required"]

    def test_python_dash_m(self) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "resultsframework", "validate", str(EXAMPLE)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 0 == result.returncode


class TestRender:
    def test_markdown_to_standard_output(self) -> None:
        code, out, _ = run("render", str(EXAMPLE), "--format", "md")
        assert 0 == code
        assert out.startswith("**Indicator Based Performance Assessment**")

    def test_format_from_the_output_suffix(self, tmp_path: Path) -> None:
        target = tmp_path / "table.xlsx"
        code, _, _ = run("render", str(EXAMPLE), "-o", str(target), "--locale", "ar", "--status")
        assert 0 == code
        assert target.read_bytes().startswith(b"PK")

    def test_binary_format_needs_an_output_file(self) -> None:
        code, _, err = run("render", str(EXAMPLE), "--format", "docx")
        assert 2 == code
        assert "give -o FILE" in err

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        code, _, err = run("render", str(EXAMPLE), "-o", str(tmp_path / "table.pdf"))
        assert 2 == code
        assert "cannot tell the format" in err

    def test_as_of_must_be_a_date(self) -> None:
        assert 2 == run("render", str(EXAMPLE), "--as-of", "someday")[0]


class TestReport:
    def test_word_report(self, tmp_path: Path) -> None:
        target = tmp_path / "report.docx"
        code, _, _ = run("report", str(EXAMPLE), "-o", str(target), "--locale", "fr")
        assert 0 == code
        assert target.read_bytes().startswith(b"PK")

    def test_markdown_report_to_standard_output(self) -> None:
        code, out, _ = run("report", str(EXAMPLE))
        assert 0 == code
        assert out.startswith("# MPTF Office Generic Final Programme Narrative Report")

"""The command line: exit codes and what it prints."""

from __future__ import annotations

import argparse
import importlib.util
import io
import itertools
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from resultsframework.__main__ import main

from .conftest import EXAMPLE, ROOT


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


class TestValidate:
    def test_valid_file_exits_0(self) -> None:
        code, out, _ = run("validate", str(EXAMPLE))
        assert 0 == code
        assert out.endswith(f"{EXAMPLE}: valid (2 warnings)\n")

    def test_invalid_file_exits_1_with_file_path_message_lines(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("format: resultsframework/1\ntitle: T\ncountry: 3\n")
        code, out, err = run("validate", str(EXAMPLE), str(bad))
        assert (1, "") == (code, err)
        assert out.endswith(
            f"{bad}: country (line 3): expected text, found number 3\n{bad}: invalid (1 error)\n"
        )

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
        code, out, err = run("validate", str(bad))
        assert (1, "") == (code, err)
        assert "outcomes[0].indicators[0].achieved[0].value: error [negative-count]" in out  # JSON: no lines
        assert out.endswith(f"{bad}: invalid (1 error, 1 warning)\n")

    def test_findings_in_yaml_files_name_their_line(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text(
            "format: resultsframework/1\ntitle: T\noutcomes:\n- code: '1'\n  statement: S\n  indicators:\n"
            "  - code: '1.1'\n    statement: I\n    measure: count\n    achieved:\n"
            "    - period: '2025'\n      value: -1\n"
        )
        code, out, _ = run("validate", str(bad))
        assert 1 == code
        assert (
            f"{bad}: outcomes[0].indicators[0].achieved[0].value (line 12): error [negative-count] "
            "indicator 1.1: a count cannot be negative, found -1\n"
        ) in out

    def test_missing_file(self, tmp_path: Path) -> None:
        code, out, _ = run("validate", str(tmp_path / "nope.yaml"))
        assert 1 == code
        assert f"{tmp_path / 'nope.yaml'}: cannot read: No such file or directory\n" in out
        assert out.endswith(f"{tmp_path / 'nope.yaml'}: invalid (1 error)\n")

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
             "path": "dates.extension_reason", "line": 42, "indicator": None,
             "message": "the programme was extended from 2021-09-30 to 2021-12-30 but no reason is given"},
            {"file": str(EXAMPLE), "severity": "warning", "code": "reporting-period-outside-programme",
             "path": "reporting_periods[0]", "line": 48, "indicator": None,
             "message": "the period 2021-05-01/2021-12-31 extends beyond the programme (2021-05-01 to 2021-12-30)"},
            {"file": str(bad), "severity": "error", "code": "load-error", "path": "country", "line": 3, "indicator": None,
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
        assert "warning [variance-missing] indicator 1.1: the indicator is behind its target" in out
        assert out.endswith(f"{path}: valid (2 warnings)\n")
        code, out, err = run("validate", str(path))
        assert (1, "") == (code, err)
        assert "error [breakdown-total] indicator 1.1: the breakdown adds up to 6" in out
        assert out.endswith(f"{path}: invalid (2 errors)\n")
        assert 2 == run("frobnicate")[0]


class TestValidateFindings:
    """All of a file's findings on standard output, a summary line, and codes to select or ignore."""

    LINES = (
        "format: resultsframework/1", "title: T", "dates: {start: '2025-01-01', original_end: '2025-12-31'}",
        "outcomes:", "- code: '1'", "  statement: O", "  indicators:", "  - code: '1.1'", "    statement: I",
        "    measure: count", "    target: {value: 1300}", "    achieved:", "    - period: 2025Q1",
        "      value: 1300", "      breakdowns:", "      - dimensions: [sex]",
        "        cells: [{sex: female, value: 600}, {sex: male, value: 634}]",
        "  - code: '1.2'", "    statement: J", "    measure: yes_no", "    target: {value: true}",
        "    achieved:", "    - {period: 2025Q1, value: yes}",
    )  # fmt: skip

    @pytest.fixture
    def path(self, tmp_path: Path) -> Path:
        path = tmp_path / "p.yaml"
        path.write_text("\n".join(self.LINES) + "\n")
        return path

    def test_every_finding_and_the_summary_on_standard_output(self, path: Path) -> None:
        code, out, err = run("validate", str(path))
        assert (1, "") == (code, err)
        assert [
            f"{path}: outcomes[0].indicators[0].achieved[0].breakdowns[0] (line 16): error [breakdown-total] "
            "indicator 1.1: the breakdown adds up to 1,234 (600 + 634), not the reported total 1,300; "
            "correct it, or say why in 'explanation'",
            f"{path}: outcomes[0].indicators[1].achieved[0].value (line 23): error [measure-mismatch] "
            "indicator 1.2: a yes_no indicator takes true or false, found 'yes'; write true, without "
            "quotes (YAML reads yes as text, not as yes/no)",
            f"{path}: invalid (2 errors)",
        ] == out.splitlines()

    def test_ignore_silences_codes_and_their_exit_code(self, path: Path) -> None:
        code, out, _ = run("validate", "--ignore", "breakdown-total,measure-mismatch", str(path))
        assert (0, f"{path}: valid\n") == (code, out)
        code, out, _ = run(
            "validate", "--ignore", "breakdown-total", "--ignore", "measure-mismatch", str(path)
        )
        assert (0, f"{path}: valid\n") == (code, out)

    def test_select_keeps_only_those_codes(self, path: Path) -> None:
        code, out, _ = run("validate", "--select", "measure-mismatch", str(path))
        assert 1 == code
        assert ["error [measure-mismatch]"] == re.findall(r"error \[[a-z-]+\]", out)
        assert out.endswith(f"{path}: invalid (1 error)\n")
        code, out, _ = run(
            "validate", "--select", "measure-mismatch", "--ignore", "measure-mismatch", str(path)
        )
        assert (0, f"{path}: valid\n") == (code, out)

    def test_a_file_that_does_not_load_can_be_ignored_too(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("format: resultsframework/1\ntitle: T\ncountry: 3\n")
        assert (0, "") == run("validate", "--ignore", "load-error", str(bad))[:2]

    def test_an_unknown_code_is_a_usage_error_with_did_you_mean(self, path: Path) -> None:
        code, out, err = run("validate", "--ignore", "target-missing,varience-missing", str(path))
        assert (2, "") == (code, out)
        assert err == (
            "resultsframework validate: --ignore: no rule 'varience-missing'; did you mean "
            "'variance-missing'?\n"
        )
        code, _, err = run("validate", "--select", "frobnicate", str(path))
        assert 2 == code
        assert "no rule 'frobnicate'; see docs/validation.md for the codes" in err

    def test_json_names_the_indicator(self, path: Path) -> None:
        code, out, _ = run("validate", "--json", str(path))
        assert 1 == code
        records = [json.loads(line) for line in out.splitlines()]
        assert [("breakdown-total", "1.1"), ("measure-mismatch", "1.2")] == [
            (r["code"], r["indicator"]) for r in records
        ]

    def test_a_yaml_syntax_error_shows_the_line_and_a_caret(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("format: resultsframework/1\ntitle: Phase 1: returns\n")
        code, out, err = run("validate", str(bad))
        assert (1, "") == (code, err)
        assert out.splitlines() == [
            f"{bad}: line 2: not valid YAML (column 15): mapping values are not allowed in this context",
            "    2 | title: Phase 1: returns",
            "      |               ^",
            "    hint: a text holding ': ' must be quoted: title: 'Phase 1: returns'",
            f"{bad}: invalid (1 error)",
        ]


class TestNamesThatAreNotThere:
    def test_render_an_unknown_organisation(self) -> None:
        code, out, err = run("render", str(EXAMPLE), "--organisation", "IMO")
        assert (1, "") == (code, out)
        assert 1 == len(err.splitlines())
        assert err.startswith(
            "resultsframework: the programme has no organisation 'IMO' (its organisations: "
        )
        assert err.endswith("; did you mean 'IOM'?\n")

    def test_an_organisation_in_the_wrong_case(self, example: Any) -> None:
        import resultsframework as rf

        with pytest.raises(rf.ResultsFrameworkError, match="did you mean 'IOM'"):
            rf.indicator_table(example, organisation="iom")
        assert rf.indicator_table(example, organisation="IOM").rows

    def test_an_organisation_only_responsible_for_something_is_known(self, example: Any) -> None:
        import attrs

        import resultsframework as rf

        trimmed = attrs.evolve(example, organisations=())
        assert rf.indicator_table(trimmed, organisation="IOM").rows

    def test_a_locale_written_as_a_language_name(self) -> None:
        import resultsframework as rf

        with pytest.raises(rf.ResultsFrameworkError, match="unknown locale 'french'; did you mean 'fr'\\?"):
            rf.Localizer("french")
        with pytest.raises(rf.ResultsFrameworkError, match="did you mean 'ar'"):
            rf.Localizer("Arabic")
        assert "ar-IQ" == rf.Localizer("ar_IQ").tag
        assert "fr-CH" == rf.Localizer("fr-CH").tag
        code, _, err = run("render", str(EXAMPLE), "--locale", "french")
        assert 2 == code
        assert "unknown locale 'french'; did you mean 'fr'?" in err

    def test_the_api_refuses_it_wherever_it_is_given(self, example: Any) -> None:
        import resultsframework as rf

        with pytest.raises(rf.ResultsFrameworkError, match="did you mean 'fr'"):
            rf.render(example, "md", "French")
        with pytest.raises(rf.ResultsFrameworkError, match="did you mean 'fr'"):
            rf.indicator_table(example, locale="français")


class TestOtherCommands:
    def test_summary(self) -> None:
        code, out, _ = run("summary", str(EXAMPLE))
        assert 0 == code
        assert "Assessed as of 2021-12-31" in out
        assert "Duration: 2021-05-01 to 2021-12-30 (8 months), extended from 2021-09-30" in out
        lines = [line for line in out.splitlines() if re.match(r"\d+\.\d", line)]
        rows = {line.split()[0]: line.split() for line in lines}
        assert ["1.1.2", "not", "achieved", "20", "60", "33.3%"] == rows["1.1.2"]
        assert ["1.4.1", "not", "conducted", "–", "70.0%", "–"] == rows["1.4.1"]
        header = next(line for line in out.splitlines() if line.startswith("code"))
        assert {len(header)} == {len(line) for line in lines}  # the columns line up
        assert "3 exceeded, 8 achieved, 1 not achieved, 2 not conducted" in out

    @pytest.mark.parametrize(
        ("start", "end", "said"),
        [
            ("2021-09-26", "2021-09-27", "2 days"),
            ("2021-09-26", "2021-09-26", "1 day"),
            ("2021-09-01", "2021-09-21", "3 weeks"),
            ("2021-09-01", "2021-09-07", "1 week"),
            ("2021-05-01", "2021-05-31", "1 month"),
            ("2021-05-15", "2021-06-14", "1 month"),
            ("2021-05-01", "2021-12-30", "8 months"),
            ("2025-01-01", "9999-12-31", "95700 months"),  # counted without the day after the last date
            ("9999-12-05", "9999-12-31", "27 days"),
        ],
    )
    def test_summary_durations(self, tmp_path: Path, start: str, end: str, said: str) -> None:
        """A two-day workshop lasts 2 days, not '1 months'."""
        path = tmp_path / "p.yaml"
        path.write_text(
            f"format: resultsframework/1\ntitle: T\ndates:\n  start: '{start}'\n  actual_end: '{end}'\n"
        )
        code, out, _ = run("summary", str(path))
        assert (0, f"Duration: {start} to {end} ({said})") == (code, out.splitlines()[1])

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

    @pytest.mark.extras("openpyxl")
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
    @pytest.mark.extras("docx")
    def test_word_report(self, tmp_path: Path) -> None:
        target = tmp_path / "report.docx"
        code, _, _ = run("report", str(EXAMPLE), "-o", str(target), "--locale", "fr")
        assert 0 == code
        assert target.read_bytes().startswith(b"PK")

    def test_markdown_report_to_standard_output(self) -> None:
        code, out, _ = run("report", str(EXAMPLE))
        assert 0 == code
        assert out.startswith(
            "**Iraq UNDAF Trust Fund**\n\n# MPTF Office Generic Final Programme Narrative Report"
        )


ILLUSTRATIVE = EXAMPLE.parent / "iom-iraq-reintegration-illustrative.yaml"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_run(*argv: str) -> tuple[int, str, str]:
    """:func:`run`, checking what every run must do: no traceback, no raw control character."""
    code, out, err = run(*argv)
    assert "Traceback" not in err
    assert CONTROL.search((out + err).replace("\r\n", "\n")) is None, (out + err)[-500:]  # CSV: CR LF
    return code, out, err


class TestUnwritableOutput:
    """A file that cannot be written is one line naming it, exit 1: never a traceback."""

    @pytest.mark.parametrize(
        ("argv", "name", "needs"),
        [
            (("convert", str(EXAMPLE)), "out.csv", None),
            (("convert", str(EXAMPLE)), "out.json", None),
            (("convert", str(EXAMPLE)), "out.xml", None),
            (("convert", str(EXAMPLE)), "out.xlsx", "openpyxl"),
            (("render", str(EXAMPLE), "-o"), "table.md", None),
            (("render", str(EXAMPLE), "-o"), "table.docx", "docx"),
            (("report", str(EXAMPLE), "-o"), "report.docx", "docx"),
            (("report", str(EXAMPLE), "-o"), "report.md", None),
            (("pillars", str(EXAMPLE), "-o"), "pillars.csv", None),
            (("dstwg", str(ILLUSTRATIVE), "--quarter", "2025Q2", "-o"), "dstwg.csv", None),
            (("dstwg", str(ILLUSTRATIVE), "--quarter", "2025Q2", "-o"), "dstwg.xlsx", "openpyxl"),
        ],
    )
    def test_missing_folder(
        self, tmp_path: Path, argv: tuple[str, ...], name: str, needs: str | None
    ) -> None:
        if needs is not None:
            pytest.importorskip(needs)
        target = tmp_path / "nonexistent" / name
        code, out, err = clean_run(*argv, str(target))
        assert (1, "", f"{target}: cannot write: No such file or directory\n") == (code, out, err)
        assert not (tmp_path / "nonexistent").exists()

    def test_chart(self, tmp_path: Path) -> None:
        pytest.importorskip("matplotlib")
        target = tmp_path / "nonexistent" / "x.png"
        code, _, err = clean_run("chart", str(EXAMPLE), "-o", str(target))
        assert (1, f"{target}: cannot write: No such file or directory\n") == (code, err)

    def test_a_folder_in_the_way(self, tmp_path: Path) -> None:
        target = tmp_path / "table.md"
        target.mkdir()
        code, _, err = clean_run("render", str(EXAMPLE), "-o", str(target))
        assert 1 == code
        assert err.startswith(f"{target}: cannot write: ")
        assert ".tmp" not in err  # the atomic write's temporary file is no business of the user's

    def test_the_tracker_back(self, tmp_path: Path) -> None:
        pytest.importorskip("openpyxl")
        tracker = tmp_path / "tracker.xlsx"
        assert 0 == clean_run("convert", str(EXAMPLE), str(tracker))[0]
        target = tmp_path / "nonexistent" / "back.yaml"
        code, _, err = clean_run("convert", str(tracker), str(target), "--programme", str(EXAMPLE))
        assert (1, f"{target}: cannot write: No such file or directory\n") == (code, err)


class TestUnreadableInput:
    @pytest.mark.parametrize(
        "argv",
        [
            ("summary", "{}"),
            ("render", "{}"),
            ("report", "{}"),
            ("pillars", "{}"),
            ("dstwg", "{}", "--quarter", "2025Q2"),
            ("convert", "{}", "out.json"),
            ("chart", "{}", "-o", "x.svg"),
            ("validate", "{}"),
            ("frameworks", "--load", "{}"),
            ("pillars", str(EXAMPLE), "--load", "{}"),
        ],
    )
    def test_missing_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]
    ) -> None:
        monkeypatch.chdir(tmp_path)
        missing = tmp_path / "missing.yaml"
        code, out, err = clean_run(*(a.replace("{}", str(missing)) for a in argv))
        if argv[0] == "validate":  # a finding of the file, with the others, on standard output
            err = out.removesuffix(f"{missing}: invalid (1 error)\n")
        assert (1, f"{missing}: cannot read: No such file or directory\n") == (code, err)

    def test_a_folder(self, tmp_path: Path) -> None:
        folder = tmp_path / "programme.yaml"
        folder.mkdir()
        code, _, err = clean_run("render", str(folder))
        assert (1, f"{folder}: cannot read: Is a directory\n") == (code, err)

    def test_the_tracker_and_its_programme(self, tmp_path: Path) -> None:
        pytest.importorskip("openpyxl")
        tracker = tmp_path / "tracker.xlsx"
        code, _, err = clean_run("convert", str(tracker), "back.yaml", "--programme", str(EXAMPLE))
        assert (1, f"{tracker}: cannot read: No such file or directory\n") == (code, err)
        assert 0 == clean_run("convert", str(EXAMPLE), str(tracker))[0]
        missing = tmp_path / "missing.yaml"
        code, _, err = clean_run("convert", str(tracker), "back.yaml", "--programme", str(missing))
        assert (1, f"{missing}: cannot read: No such file or directory\n") == (code, err)

    def test_a_file_that_does_not_load_is_a_line_per_problem(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("format: resultsframework/1\ntitle: T\ncountry: 3\nstatus: x\n")
        code, _, err = clean_run("render", str(bad))
        assert 1 == code
        first, second = err.splitlines()
        assert f"{bad}: country (line 3): expected text, found number 3" == first
        assert second.startswith(f"{bad}: status (line 4): unknown key 'status'")

    def test_every_file_of_a_portfolio_is_reported(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text("format: resultsframework/1\ntitle: T\ncountry: 3\n")
        missing = tmp_path / "missing.yaml"
        code, _, err = clean_run("pillars", str(bad), str(EXAMPLE), str(missing))
        assert 1 == code
        assert [
            f"{bad}: country (line 3): expected text, found number 3",
            f"{missing}: cannot read: No such file or directory",
        ] == err.splitlines()

    def test_a_tracker_that_is_no_workbook(self, tmp_path: Path) -> None:
        pytest.importorskip("openpyxl")
        tracker = tmp_path / "tracker.xlsx"
        tracker.write_text("not a workbook")
        code, _, err = clean_run("convert", str(tracker), "back.yaml", "--programme", str(EXAMPLE))
        assert 1 == code
        assert err.startswith(f"{tracker}: $: not an Excel workbook")


class TestMissingExtra:
    """A missing optional dependency names the extra to install, exit 1."""

    def test_word(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "docx", None)  # import docx now fails, as if not installed
        target = tmp_path / "table.docx"
        code, _, err = clean_run("render", str(EXAMPLE), "-o", str(target))
        expected = "resultsframework: this needs python-docx, which is not installed: pip install 'resultsframework[docx]'\n"
        assert (1, expected) == (code, err)
        assert not target.exists()
        assert (1, expected) == clean_run("report", str(EXAMPLE), "-o", str(tmp_path / "r.docx"))[::2]

    @pytest.mark.parametrize(
        ("module", "argv", "extra"),
        [
            ("openpyxl", ("render", str(EXAMPLE), "-o", "{}/t.xlsx"), "xlsx"),
            ("openpyxl", ("convert", str(EXAMPLE), "{}/tracker.xlsx"), "xlsx"),
            ("matplotlib", ("chart", str(EXAMPLE), "-o", "{}/x.png"), "charts"),
            ("matplotlib", ("report", str(EXAMPLE), "--charts", "-o", "{}/r.docx"), "charts"),
        ],
    )
    def test_others(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, argv: tuple[str, ...], extra: str
    ) -> None:
        monkeypatch.setitem(sys.modules, module, None)
        code, _, err = clean_run(*(a.replace("{}", str(tmp_path)) for a in argv))
        assert 1 == code
        assert err.endswith(f"pip install 'resultsframework[{extra}]'\n")
        assert 1 == len(err.splitlines())
        assert [] == list(tmp_path.iterdir())


class TestControlCharacters:
    """Text from the user's files is printed with its control characters escaped."""

    def test_a_file_name(self, tmp_path: Path) -> None:
        name = tmp_path / "a\x1b[2Jb\x07.yaml"
        code, out, _ = clean_run("validate", str(name))
        assert 1 == code
        assert out.startswith(f"{tmp_path}/a\\x1b[2Jb\\x07.yaml: cannot read: No such file or directory\n")
        code, _, err = clean_run("render", str(name), "-o", str(tmp_path / "nonexistent" / "\x9bx.md"))
        assert 1 == code
        assert "\\x1b[2J" in err

    def test_an_output_name(self, tmp_path: Path) -> None:
        target = tmp_path / "nonexistent" / "\x1b]0;title\x07.csv"
        code, _, err = clean_run("convert", str(EXAMPLE), str(target))
        assert (
            1,
            f"{tmp_path}/nonexistent/\\x1b]0;title\\x07.csv: cannot write: No such file or directory\n",
        ) == (
            code,
            err,
        )

    def test_a_title_and_a_message(self, tmp_path: Path) -> None:
        path = tmp_path / "p.yaml"
        path.write_text('format: resultsframework/1\ntitle: "T\\e[31m\\x9b\\a"\n', encoding="utf-8")
        code, out, _ = clean_run("summary", str(path))
        assert 0 == code
        assert out.startswith("T\\x1b[31m\\x9b\\x07\n")
        bad = tmp_path / "bad.yaml"
        bad.write_text('format: resultsframework/1\ntitle: T\n"\\e[2J": 1\n', encoding="utf-8")
        code, out, _ = clean_run("validate", str(bad))
        assert 1 == code
        assert "\\x1b[2J" in out

    def test_json_lines_escape_them_as_json(self, tmp_path: Path) -> None:
        name = tmp_path / "a\x1bb\x9bc.yaml"
        code, out, _ = clean_run("validate", "--json", str(name))
        assert 1 == code
        (record,) = [json.loads(line) for line in out.splitlines()]
        assert (str(name), "cannot-read") == (record["file"], record["code"])

    def test_a_document_is_written_as_it_is_to_a_file_or_pipe_and_escaped_on_a_terminal(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "p.yaml"
        path.write_text('format: resultsframework/1\ntitle: "T\\x9b"\n', encoding="utf-8")
        code, out, _ = run("report", str(path))
        assert 0 == code
        assert "T\x9b" in out  # the same as -o would write

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        terminal = Terminal()
        assert 0 == main(["report", str(path)], out=terminal, err=io.StringIO())
        shown = terminal.getvalue()
        assert CONTROL.search(shown) is None
        assert "T\\x9b" in shown

    def test_the_helper(self) -> None:
        from resultsframework.cli.console import json_line, printable

        assert "a\\x1bb\\x07c\\x9bd\\x7f\tok\n" == printable("a\x1bb\x07c\x9bd\x7f\tok\n")
        assert "é ٠١٢ ✓" == printable("é ٠١٢ ✓")
        assert '{"m": "\\u001b\\u009b"}' == json_line({"m": "\x1b\x9b"})
        assert {"m": "\x1b\x9b"} == json.loads(json_line({"m": "\x1b\x9b"}))


class TestExitCodes:
    @pytest.mark.parametrize(
        "argv",
        [
            (),
            ("frobnicate",),
            ("validate",),
            ("render", str(EXAMPLE), "--as-of", "someday"),
            ("render", str(EXAMPLE), "--as-of", "2021-02-30"),
            ("render", str(EXAMPLE), "--locale", "de"),
            ("render", str(EXAMPLE), "--locale", "xx_QQ"),
            ("render", str(EXAMPLE), "--digits", "roman"),
            ("render", str(EXAMPLE), "--format", "pdf"),
            ("render", str(EXAMPLE), "--format", "docx"),
            ("render", str(EXAMPLE), "-o", "table.pdf"),
            ("report", str(EXAMPLE), "-o", "report.html"),
            ("dstwg", str(ILLUSTRATIVE)),
            ("dstwg", str(ILLUSTRATIVE), "--quarter", "2025-05"),
            ("dstwg", str(ILLUSTRATIVE), "--quarter", "2025Q5"),
            ("frameworks", "--search", "x", "--framework", "nope"),
            ("frameworks", "--locale", "zz"),
            ("pillars", str(EXAMPLE), "--framework", "sdgg"),
            ("pillars", str(EXAMPLE), "--table", "summary", "--level", "nope"),
            ("pillars", str(EXAMPLE), "--table", "cube"),
            ("convert", str(EXAMPLE), "out.pdf"),
            ("convert", str(EXAMPLE), "out.toml"),
            ("convert", "in.pdf", "out.json"),
            ("convert", "tracker.xlsx", "out.json"),
            ("chart", str(EXAMPLE), "-o", "x.gif"),
            ("chart", str(EXAMPLE)),
            ("schema", "extra"),
        ],
    )
    def test_usage_errors_exit_2_with_one_line(self, argv: tuple[str, ...]) -> None:
        code, out, err = clean_run(*argv)
        assert (2, "") == (code, out)
        assert 1 == len(err.splitlines()), err
        assert err.startswith("resultsframework")

    def test_a_bad_argument_says_which(self) -> None:
        code, _, err = clean_run("render", str(EXAMPLE), "--as-of", "someday")
        assert 2 == code
        assert err.startswith("resultsframework render: argument --as-of: expected a date")
        assert err.endswith("(see 'resultsframework render --help')\n")
        _, _, err = clean_run("render", str(EXAMPLE), "--locale", "de")
        assert "argument -l/--locale: no translation into 'de'; use one of ar, en, fr" in err

    def test_names_that_are_not_there_suggest_the_nearest(self) -> None:
        _, _, err = clean_run("pillars", str(EXAMPLE), "--framework", "sdgg")
        assert "resultsframework: no framework 'sdgg'; did you mean 'sdg'?\n" == err
        _, _, err = clean_run("pillars", str(EXAMPLE), "--table", "matrix", "--level", "pilar")
        assert "has no level 'pilar'; its levels: pillar, objective, outcome, cross_cutting" in err

    def test_help_and_version_exit_0_on_standard_output(self) -> None:
        code, out, err = clean_run("--help")
        assert (0, "") == (code, err)
        assert out.startswith("usage: resultsframework")
        assert "exit codes: 0 success" in out
        code, out, err = clean_run("dstwg", "--help")
        assert (0, "") == (code, err)
        assert "--quarter QUARTER" in out
        assert (0, "resultsframework 0.1.0\n", "") == clean_run("--version")

    def test_types_read_what_the_help_says(self, tmp_path: Path) -> None:
        assert 0 == clean_run("render", str(EXAMPLE), "--as-of", "31 December 2021", "--locale", "ar_IQ")[0]
        assert 0 == clean_run("render", str(EXAMPLE), "--locale", "fr-CH")[0]
        assert 0 == clean_run("dstwg", str(ILLUSTRATIVE), "--quarter", "Q2 2025")[0]

    def test_interrupted(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import resultsframework as rf

        def interrupt(*_args: object, **_kwargs: object) -> rf.Programme:
            raise KeyboardInterrupt

        monkeypatch.setattr(rf, "load", interrupt)
        assert (130, "", "resultsframework: interrupted\n") == clean_run("summary", str(EXAMPLE))

    def test_a_bug_is_not_hidden(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import resultsframework as rf

        def bug(*_args: object, **_kwargs: object) -> rf.Programme:
            raise KeyError("a bug")

        monkeypatch.setattr(rf, "load", bug)
        with pytest.raises(KeyError, match="a bug"):
            run("summary", str(EXAMPLE))

    def test_a_closed_pipe_is_quiet(self) -> None:
        read, write = os.pipe()
        os.close(read)
        result = subprocess.run(
            [sys.executable, "-m", "resultsframework", "schema"], stdout=write, stderr=subprocess.PIPE,
            text=True, check=False,
        )  # fmt: skip
        os.close(write)
        assert (1, "") == (result.returncode, result.stderr)


class TestFrameworksCommand:
    def test_a_framework_file_is_known_for_the_command_only(self, tmp_path: Path) -> None:
        import resultsframework as rf

        path = tmp_path / "plan.yaml"
        path.write_text(
            'format: resultsframework-framework/1\nid: plan\ntitle: "A plan\\e"\nlevels: [goal]\n'
            "elements:\n- {code: '1', level: goal, title: Safe migration}\n",
            encoding="utf-8",
        )
        code, out, err = clean_run("frameworks", "--load", str(path))
        assert (0, "") == (code, err)
        assert "plan\t1 elements\tA plan\\x1b\n" == out.splitlines(keepends=True)[0]
        assert "plan" not in rf.frameworks.ids()
        code, out, _ = clean_run("frameworks", "--load", str(path), "--search", "safe", "--framework", "plan")
        assert (0, "1\tgoal\tSafe migration\n") == (code, out)

    def test_a_framework_file_that_does_not_load(self, tmp_path: Path) -> None:
        path = tmp_path / "plan.yaml"
        path.write_text("format: resultsframework-framework/1\nid: plan\n", encoding="utf-8")
        code, _, err = clean_run("frameworks", "--load", str(path))
        assert 1 == code
        assert all(line.startswith(f"{path}: ") for line in err.splitlines())


class TestTheParser:
    def test_public_names(self) -> None:
        import importlib
        from importlib.metadata import entry_points

        import resultsframework.__main__
        from resultsframework import cli

        assert {"main", "parser"} <= set(cli.__all__)
        module = importlib.import_module("resultsframework.cli.main")
        assert module.main is cli.main is resultsframework.__main__.main
        (script,) = [e for e in entry_points(group="console_scripts") if e.name == "resultsframework"]
        assert "resultsframework.cli.main:main" == script.value
        assert script.load() is cli.main

    def test_every_command_runs_through_the_parser(self) -> None:
        from resultsframework.cli import commands, parser

        for name, command in _commands(parser()).items():
            assert getattr(commands, name) is command.get_default("run"), name

    def test_every_option_has_help(self) -> None:
        from resultsframework.cli import parser

        for name, command in _commands(parser()).items():
            for action in command._actions:
                assert action.help, f"{name} {action.option_strings or action.dest}"


def _commands(top: object) -> dict[str, argparse.ArgumentParser]:
    (sub,) = [a for a in top._actions if isinstance(a, argparse._SubParsersAction)]  # type: ignore[attr-defined]
    return dict(sub.choices)


def _positionals(command: argparse.ArgumentParser) -> int:
    return sum(1 for a in command._actions if not a.option_strings)


def _options(command: argparse.ArgumentParser) -> set[str]:
    return {flag for action in command._actions for flag in action.option_strings}


def _reference_module() -> Any:
    spec = importlib.util.spec_from_file_location("_cli_reference", ROOT / "docs" / "_cli_reference.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestDocumentation:
    """docs/cli.md and the generated reference say what the parser does, and nothing it does not."""

    def test_the_reference_names_every_command_and_option(self, tmp_path: Path) -> None:
        from resultsframework.cli import parser

        reference = _reference_module()
        target = tmp_path / "cli.md"
        reference.write_cli_reference(target)
        text = target.read_text(encoding="utf-8")
        for name, command in _commands(parser()).items():
            section = text.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
            assert (command.description or "") in section
            for action in command._actions:
                if isinstance(action, argparse._HelpAction):
                    continue
                for flag in action.option_strings:
                    assert re.search(rf"`[^`]*(?<![\w-]){re.escape(flag)}(?![\w-])[^`]*`", section), (
                        name,
                        flag,
                    )
                assert (action.help or "") in section, (name, action.dest)
                if not action.option_strings:
                    assert f"`{action.metavar}" in section, (name, action.dest)

    def test_the_cli_page_documents_what_the_parser_has(self) -> None:
        from resultsframework.cli import parser

        commands = _commands(parser())
        text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
        rows = re.findall(r"^\| `(\w+)[^`]*` \| (.*) \|$", text, re.MULTILINE)
        assert sorted(commands) == sorted(name for name, _ in rows)  # every command, none that is not
        for name, _ in rows:
            row = next(line for line in text.splitlines() if line.startswith(f"| `{name}"))
            for flag in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", row):
                assert flag in _options(commands[name]), f"docs/cli.md documents {name} {flag}"
        everywhere = set().union(*(_options(c) for c in commands.values()))
        for flag in re.findall(r"`[^`]*?(?<![\w-])(--?[a-z][\w-]*)", text):
            assert flag in everywhere | {"--help", "-h", "--version", "-m"}, flag  # python -m

    def test_every_command_line_in_the_documentation_parses(self) -> None:
        """The examples in the pages and the README are commands the parser accepts."""
        from resultsframework.cli import parser
        from resultsframework.cli.console import CommandError

        pages = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
        seen = 0
        for page in pages:
            for lang, body in re.findall(
                r"^```(\w*)\n(.*?)^```$", page.read_text(encoding="utf-8"), re.M | re.S
            ):
                if lang not in ("sh", "console", "bash", "shell"):
                    continue
                for written in body.splitlines():
                    line = written.removeprefix("$ ")
                    if not line.startswith("resultsframework "):
                        continue
                    words = shlex.split(line.split("#")[0], comments=False)
                    words = list(itertools.takewhile(lambda w: w not in (">", "|", "&&", ";"), words))
                    try:
                        parser().parse(words[1:])
                    except CommandError as e:
                        raise AssertionError(f"{page.name}: {line}: {e.message}") from None
                    seen += 1
        assert seen >= 10

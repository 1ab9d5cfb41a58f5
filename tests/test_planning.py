"""Planning: collection fields, assumptions and risks, lessons, and the results matrix, logframe and IPTT."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

import resultsframework as rf
from resultsframework.cli.main import main
from resultsframework.io.converter import structure

from .conftest import ROOT
from .test_render import golden

EXAMPLES = (
    ROOT / "examples" / "mptf-00127216-un-migration-network.yaml",
    ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml",
    ROOT / "examples" / "workshop-evaluation-illustrative.yaml",
    ROOT / "examples" / "iom-iraq-annual-report-illustrative.yaml",
)
TEMPLATES = ("results-matrix", "logframe", "iptt", "learning")
FORMATS = ("md", "html", "csv", "docx", "xlsx")


@pytest.fixture(scope="module", params=EXAMPLES, ids=("mptf", "illustrative", "workshop", "annual"))
def programme(request: pytest.FixtureRequest) -> rf.Programme:
    path: Path = request.param
    return rf.load(path)


@pytest.mark.extras("docx", "openpyxl")
@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("locale", ["en", "fr", "ar"])
def test_every_template_renders_in_every_format_and_language(
    programme: rf.Programme, template: str, locale: str
) -> None:
    for fmt in FORMATS:
        output = rf.render(programme, fmt, locale, template=template)
        assert output, (template, fmt, locale)
        if isinstance(output, str):
            shown = programme.lessons[0] if template == "learning" else next(programme.walk("outcome")).item
            assert shown.statement.split()[0] in output


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("locale", ["en", "ar"])
def test_golden(template: str, locale: str) -> None:
    """The seed-000 programme's planning tables, reviewed by eye."""
    golden(f"{template}-{locale}.md", rf.render(rf.load(EXAMPLES[0]), "md", locale, template=template))


@pytest.mark.parametrize("template", TEMPLATES)
def test_golden_illustrative(template: str) -> None:
    """The illustrative programme: collection method, frequency, assumptions with levels."""
    golden(f"{template}-illustrative-en.md", rf.render(rf.load(EXAMPLES[1]), "md", template=template))


def test_an_unknown_template_names_the_choices(programme: rf.Programme) -> None:
    with pytest.raises(
        rf.ResultsFrameworkError, match="'results-matrix', 'logframe', 'iptt', 'learning'; found 'matrix'"
    ):
        rf.render(programme, "md", template="matrix")


class TestModel:
    def test_an_unknown_likelihood_is_an_error_at_its_field_path(self) -> None:
        data = {"title": "T", "outcomes": [{"code": "1", "statement": "O", "risks": [
            {"statement": "ok"}, {"statement": "s", "likelihood": "hgh"}]}]}  # fmt: skip
        found, problems = structure(data, rf.Programme)
        assert found is None
        assert [(p.path, p.message) for p in problems] == [
            (
                ("outcomes", 0, "risks", 1, "likelihood"),
                "expected one of 'low', 'medium', 'high'; found text 'hgh'",
            )
        ]

    def test_in_code_a_wrong_word_names_the_class_and_choices(self) -> None:
        with pytest.raises(ValueError, match="'open', 'materialised', 'closed'"):
            rf.Risk("s", status="done")

    def test_old_files_load_without_the_new_fields(self) -> None:
        programme = rf.loads('{"format": "resultsframework/1", "title": "T", "outcomes": '
                             '[{"code": "1", "statement": "O"}]}')  # fmt: skip
        assert programme.risks == programme.outcomes[0].risks == ()
        assert programme.lessons == ()
        assert programme.recommendations == ()

    def test_all_risks_walks_the_programme_and_its_results_with_paths(self) -> None:
        programme = rf.load(EXAMPLES[1])
        found = [
            (path, result.code if result else None, risk.kind) for path, result, risk in programme.all_risks()
        ]
        assert found == [
            (("outcomes", 0, "risks", 0), "1", rf.RiskKind.ASSUMPTION),
            (("outcomes", 0, "risks", 1), "1", rf.RiskKind.RISK),
            (("outcomes", 0, "outputs", 0, "risks", 0), "1", rf.RiskKind.ASSUMPTION),
        ]
        high = [r.statement for _, _, r in programme.all_risks() if r.impact is rf.RiskLevel.HIGH]
        assert len(high) == 2

    def test_the_seed_example_holds_its_challenges_lessons_and_recommendations(self) -> None:
        programme = rf.load(EXAMPLES[0])
        assert [r.owner for r in programme.risks] == ["UNDP"] * 5
        assert all(r.status is rf.RiskStatus.MATERIALISED and r.mitigation for r in programme.risks)
        output4 = programme.outcomes[0].outputs[3]
        assert output4.risks[0].owner == "IOM"
        assert len(programme.lessons) == 5
        assert [r.results for r in programme.recommendations if r.results] == [("4",), ("4",)]


class TestTables:
    def test_results_matrix_shows_data_source_method_frequency_and_collector(self) -> None:
        table = rf.results_matrix_table(rf.load(EXAMPLES[1]))
        headings, rows = table.flat()
        source = rows[0][headings.index("Data source and collection method")]
        assert source.splitlines() == [
            "1.1: Household survey (baseline and mid-term)",
            "Method: Household survey of a random sample of returnee households (illustrative)",
            "Frequency: Baseline and endline",
            "Collected by: IOM, M&E officer",
            "1.2: Protection monitoring database",  # no means of verification: the source its values cite
        ]

    def test_logframe_has_a_row_per_result_with_its_assumptions(self) -> None:
        table = rf.logframe_table(rf.load(EXAMPLES[1]), locale="fr")
        headings, rows = table.flat()
        assert headings[:3] == ["Niveau", "Code", "Résultat"]
        assert [row[0] for row in rows] == ["Effet", "Produit", "Produit"]
        assumptions = rows[0][headings.index("Hypothèses et risques")]
        assert assumptions.startswith(
            "Hypothèse (probabilité\u202f: Moyen; impact\u202f: Élevé; Ouvert)\u202f: Returnees stay"
        )

    def test_iptt_percent_met_is_the_assessments_rate(self, example: rf.Programme) -> None:
        table = rf.iptt_table(example)
        assessment = rf.assess(example)
        row = next(r for r in table.rows if r.code == "1.1.1")
        overall = row.cells[-1]
        met = next(p for p in overall.parts if p.key == "overall:met")
        assert met.number == assessment["1.1.1"].overall.achievement_rate == Decimal(6) / Decimal(4)
        assert met.text == "150.0%"

    def test_iptt_csv_has_target_actual_and_met_per_period(self, example: rf.Programme) -> None:
        text = rf.render(example, "csv", template="iptt")
        assert isinstance(text, str)
        header = next(csv.reader(io.StringIO(text)))
        assert "Life of programme \u2014 % met" in header
        assert header[:6] == ["Outcome code", "Outcome", "Output code", "Output", "Code", "Indicator"]
        assert "1 May 2021 \u2013 30 December 2021 \u2014 Actual" in header


class TestCommand:
    def test_render_template(self) -> None:
        out, err = io.StringIO(), io.StringIO()
        code = main(["render", str(EXAMPLES[0]), "--template", "logframe"], out=out, err=err)
        assert code == 0, err.getvalue()
        assert out.getvalue().startswith("**Logical framework**")

    def test_template_with_table_results_is_refused(self) -> None:
        out, err = io.StringIO(), io.StringIO()
        code = main(
            ["render", str(EXAMPLES[0]), "--template", "iptt", "--table", "results"], out=out, err=err
        )
        assert code != 0
        assert "--template iptt is a table of its own" in err.getvalue()


class TestValidation:
    def test_a_lesson_naming_no_result_of_the_programme_is_a_warning_at_its_path(self) -> None:
        programme = rf.Programme(
            "T",
            outcomes=[rf.Outcome("1", "O", outputs=[rf.Output("1.1", "P")])],
            lessons=[rf.Lesson("learned", results=["1.1", "1.2"])],
            recommendations=[rf.Recommendation("do", results=["1"])],
        )
        found = [(d.code, d.path, d.message) for d in rf.validate(programme) if d.code == "unknown-result"]
        assert found == [
            ("unknown-result", ("lessons", 0, "results", 1),
             "'1.2' is not the code of an outcome or output of the programme; did you mean '1.1'?"),
        ]  # fmt: skip

    def test_the_examples_name_only_their_own_results(self) -> None:
        for path in EXAMPLES:
            assert [d for d in rf.validate(rf.load(path)) if d.code == "unknown-result"] == []

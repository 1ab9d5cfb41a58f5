"""Frameworks as data: shipped catalogues, user frameworks, alignment, DSTWG quarters."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest

import resultsframework as rf
from resultsframework import frameworks

from .conftest import EXAMPLE, ROOT

ILLUSTRATIVE = ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml"

USER_FRAMEWORK = """\
format: resultsframework-framework/1
id: unsdcf-iraq
title: Iraq UNSDCF results matrix (test excerpt)
levels: [priority, outcome]
elements:
- {code: '1', title: Growing the economy for all, level: priority}
- {code: '1.1', title: Decent work, level: outcome, parent: '1'}
- {code: '1.2', title: Social protection, level: outcome, parent: '1'}
"""


@pytest.fixture
def illustrative() -> rf.Programme:
    return rf.load(ILLUSTRATIVE)


class TestShipped:
    def test_the_shipped_frameworks(self) -> None:
        assert {"sdg", "gcm", "iom-iraq-2022", "dstwg-iraq", "undaf-iraq"} <= set(frameworks.ids())

    def test_sdg_in_three_languages(self) -> None:
        sdg = frameworks.get("sdg")
        target = sdg.element("10.7")
        assert target.title.startswith("Facilitate orderly, safe, regular and responsible migration")
        assert target.title_in("fr").startswith("Faciliter la migration")
        assert target.title_in("ar").startswith("تيسـير الهجرة")
        assert (17, 169) == (len(sdg.at_level("goal")), len(sdg.at_level("target")))
        assert ["10.7", "10"] == [e.code for e in [target, *sdg.ancestors("10.7")]]

    def test_gcm_has_23_objectives(self) -> None:
        gcm = frameworks.get("gcm")
        assert 23 == len(gcm.elements)
        assert gcm.element("23").title.startswith("Strengthen international cooperation")

    def test_iom_strategy(self) -> None:
        iom = frameworks.get("iom-iraq-2022")
        assert ["Resilience", "Mobility", "Governance"] == [e.title for e in iom.at_level("pillar")]
        assert ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3"] == [
            e.code for e in iom.at_level("outcome")
        ]
        assert ["O3", "3"] == [e.code for e in iom.ancestors("3.3")]
        assert 5 == len(iom.at_level("cross_cutting"))

    def test_dstwg_catalogue(self) -> None:
        dstwg = frameworks.get("dstwg-iraq")
        assert "quarter" == dstwg.reporting_period
        assert [f"SO{n}" for n in range(1, 9)] == [e.code for e in dstwg.at_level("strategic_objective")]
        labour = dstwg.element("SO3.1.1")
        assert ("# of persons", ("sex", "age", "type_of_support")) == (labour.unit, labour.disaggregation)
        assert ("damage_category",) == dstwg.element("SO2.1.1").disaggregation

    def test_text_cut_off_in_the_source_is_marked_not_invented(self) -> None:
        dstwg = frameworks.get("dstwg-iraq")
        counselling = dstwg.element("SO2.2.3")
        assert counselling.incomplete
        assert counselling.guidance is None
        assert all(e.incomplete for e in dstwg.at_level("strategic_objective")[4:])
        assert not dstwg.children("SO5")

    def test_search(self) -> None:
        assert ["10.7", "10.7.2", "10.7.3"] == [
            e.code for e in frameworks.search("migration", framework="sdg")
        ][:3]
        assert "SO3.1.1" in [e.code for e in frameworks.search("labour market", framework="dstwg-iraq")]

    def test_unknown_id_suggests(self) -> None:
        with pytest.raises(KeyError, match="did you mean 'sdg'"):
            frameworks.get("sgd")


class TestUserFrameworks:
    def test_load_register_and_link(self, tmp_path: Path) -> None:
        path = tmp_path / "unsdcf.yaml"
        path.write_text(USER_FRAMEWORK, encoding="utf-8")
        framework = frameworks.load(path, register_it=True)
        try:
            assert "Decent work" == frameworks.get("unsdcf-iraq").element("1.1").title
            indicator = rf.Indicator(
                "1.1", "Jobs", rf.Measure.COUNT, links=(rf.FrameworkLink("unsdcf-iraq", "1.3"),)
            )
            programme = rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),))
            (diagnostic,) = [d for d in rf.validate(programme) if d.code == "unknown-code"]
            assert "unsdcf-iraq:1.3: unsdcf-iraq has no code '1.3'; nearest: 1.2, 1.1, 1" in str(diagnostic)
        finally:
            frameworks.unregister(framework.id)

    def test_round_trip(self) -> None:
        framework = frameworks.loads(USER_FRAMEWORK)
        assert framework == frameworks.loads(frameworks.dumps(framework))

    def test_bad_framework_file_says_where(self) -> None:
        with pytest.raises(rf.LoadError) as info:
            frameworks.loads(
                USER_FRAMEWORK.replace("level: outcome, parent: '1'}", "lvl: outcome}"), source="f.yaml"
            )
        assert "f.yaml: elements[1].level (line 7): required field is missing" in info.value.lines()

    def test_a_tree_that_does_not_hold_together_says_where(self) -> None:
        """Unknown level, missing parent, a code used twice, a parent below its child, a circle."""
        text = USER_FRAMEWORK + (
            "- {code: '1.3', title: Jobs, level: outcom, parent: '1'}\n"
            "- {code: '1.4', title: Skills, level: outcome, parent: '9'}\n"
            "- {code: '1.1', title: Again, level: outcome, parent: '1'}\n"
            "- {code: '2', title: Two, level: priority, parent: '1.2'}\n"
            "- {code: 'a', title: A, level: outcome, parent: 'b'}\n"
            "- {code: 'b', title: B, level: outcome, parent: 'a'}\n"
        )
        with pytest.raises(rf.LoadError) as info:
            frameworks.loads(text, source="f.yaml")
        assert [
            "f.yaml: elements[3].level (line 9): expected one of priority, outcome; found 'outcom'; "
            "did you mean 'outcome'?",
            "f.yaml: elements[5].code (line 11): the code '1.1' is also elements[1]'s",
            "f.yaml: elements[4].parent (line 10): no element '9' in the framework",
            "f.yaml: elements[6].parent (line 12): the parent '1.2' is on the level 'outcome', not above 'priority'",
            "f.yaml: elements[7].parent (line 13): the parents of 'a' go round in a circle",
            "f.yaml: elements[8].parent (line 14): the parents of 'b' go round in a circle",
        ] == info.value.lines()

    def test_a_framework_built_in_code_is_checked_when_registered(self) -> None:
        circle = rf.Framework("loop", "Loop", ("x",), (rf.Element("a", "A", "x", parent="b"),
                                                       rf.Element("b", "B", "x", parent="a")))  # fmt: skip
        with pytest.raises(rf.LoadError, match="go round in a circle"):
            frameworks.register(circle)
        assert "loop" not in frameworks.ids()

    def test_the_shipped_frameworks_hold_together(self) -> None:
        from resultsframework.core.framework import check_framework

        for framework_id in frameworks.ids():
            assert [] == check_framework(frameworks.get(framework_id)), framework_id

    def test_register_refuses_to_replace_silently(self) -> None:
        framework = frameworks.loads(USER_FRAMEWORK)
        frameworks.register(framework)
        try:
            with pytest.raises(ValueError, match="registered already"):
                frameworks.register(framework)
        finally:
            frameworks.unregister(framework.id)


class TestLinkValidation:
    def test_seed_links_are_known(self, example: rf.Programme) -> None:
        assert [] == [d for d in rf.validate(example) if d.code.startswith("unknown-")]

    def test_unknown_code_and_framework(self) -> None:
        links = (rf.FrameworkLink("sdg", "10.77"), rf.FrameworkLink("sgd", "5"))
        programme = rf.Programme("P", links=links)
        assert [
            "links[0]: error [unknown-code] sdg:10.77: sdg has no code '10.77'; nearest: 10.7, 10.7.4, 10.7.3",
            "links[1]: warning [unknown-framework] sgd:5: no framework 'sgd' is known; did you mean 'sdg'?",
        ] == [str(d) for d in rf.validate(programme)]


class TestAlignment:
    def test_links_are_inherited_downwards_unless_overridden(self, example: rf.Programme) -> None:
        """Output 4 links to IOM outcome 1.3; its indicator 1.4.3 links to 1.2 itself and counts there only."""
        alignment = rf.align(example, "iom-iraq-2022")
        by_code = {item.assessment.code: item for item in alignment.items}
        assert (("1.3",), True) == (by_code["1.4.1"].codes, by_code["1.4.1"].inherited)
        assert (("1.2",), False) == (by_code["1.4.3"].codes, by_code["1.4.3"].inherited)
        assert ["1.4.1", "1.4.2"] == [i.assessment.code for i in alignment.linked_to("1.3")]

    def test_elements_count_what_is_below_them(self, example: rf.Programme) -> None:
        alignment = rf.align(example, "iom-iraq-2022")
        assert 10 == len(alignment.under("3"))  # outputs 1-3 under pillar Governance
        assert {rf.Status.ACHIEVED: 4, rf.Status.EXCEEDED: 3, rf.Status.NOT_ACHIEVED: 1} == dict(
            alignment.counts("3.2")
        )

    def test_portfolio_matrix(self, example: rf.Programme, illustrative: rf.Programme) -> None:
        alignment = rf.align([example, illustrative], "iom-iraq-2022")
        matrix = alignment.matrix("pillar")
        assert {"1": 3, "2": 1, "3": 10} == matrix[example]
        assert {"1": 4, "2": 2, "3": 0} == matrix[illustrative]

    def test_programmes_sharing_a_title_are_two_rows(self, example: rf.Programme) -> None:
        import attrs

        outcome = example.outcomes[0]
        other = attrs.evolve(example, outcomes=(attrs.evolve(outcome, outputs=outcome.outputs[:1]),))
        alignment = rf.align([example, other], "iom-iraq-2022")
        assert [counts["3"] for counts in alignment.matrix("pillar").values()] == [10, 4]
        _, rows = rf.matrix_table(alignment, "pillar").flat()
        assert [row[0] for row in rows] == [example.title, example.title]

    def test_a_pillar_where_nothing_could_be_judged_is_not_zero_percent(self) -> None:
        indicator = rf.Indicator("1", "Jobs", "count", links=(rf.FrameworkLink("iom-iraq-2022", "1.1"),))
        programme = rf.Programme("P", outcomes=(rf.Outcome("1", "O", indicators=(indicator,)),))
        headings, rows = rf.summary_table(rf.align(programme, "iom-iraq-2022"), "pillar").flat()
        share = dict(zip(headings, rows[0], strict=True))["Achieved or exceeded"]
        assert share == ""

    def test_each_programme_is_assessed_as_of_its_report(self, illustrative: rf.Programme) -> None:
        item = rf.align(illustrative, "iom-iraq-2022").linked_to("2.2")[0]
        assert rf.Status.ON_TRACK == item.status  # mid-year, not judged as final

    def test_sdg_crosswalk_rolls_targets_into_goals(self, example: rf.Programme) -> None:
        alignment = rf.align(example, "sdg")
        assert 13 == len(alignment.under("10"))  # via the programme link to 10.7; 1.4.3 links to 5.2 itself
        table = rf.summary_table(alignment)
        assert "goal" == rf.frameworks.get("sdg").element(table.rows[0].code or "").level

    def test_tables_in_every_format_and_language(
        self, example: rf.Programme, illustrative: rf.Programme
    ) -> None:
        alignment = rf.align([example, illustrative], "iom-iraq-2022")
        for table in (rf.alignment_table(alignment, locale="ar"), rf.summary_table(alignment, locale="fr"),
                      rf.matrix_table(alignment)):  # fmt: skip
            for fmt in ("md", "html", "csv", "docx", "xlsx"):
                assert rf.render_table(table, fmt)
        summary = rf.render_table(rf.summary_table(alignment, locale="fr"), "md")
        assert isinstance(summary, str)
        assert "Atteint ou dépassé" in summary
        sdg = rf.render_table(rf.alignment_table(rf.align(example, "sdg"), locale="fr"), "md")
        assert "Faciliter la migration" in str(sdg)


class TestDurableSolutionsQuarter:
    def test_clean_quarter(self, illustrative: rf.Programme) -> None:
        assert [] == rf.check_quarter(illustrative, "2025Q2")

    def test_export_keyed_by_catalogue_code(self, illustrative: rf.Programme) -> None:
        import csv

        text = rf.render_table(rf.quarter_table(illustrative, "2025Q2"), "csv")
        rows = list(csv.DictReader(io.StringIO(str(text))))
        assert ["SO3.1.1", "SO2.1.1", "SO2.1.4"] == [r["Catalogue code"] for r in rows]
        labour = rows[0]
        assert ("171", "80", "91", "2025Q2") == (labour["Value"], labour["sex: female"], labour["sex: male"],
                                                 labour["Quarter"])  # fmt: skip

    def test_what_the_working_group_would_reject(self, illustrative: rf.Programme) -> None:
        (outcome,) = illustrative.outcomes
        output = outcome.outputs[0]
        labour = output.indicators[0]
        q1, q2 = labour.achieved
        wrong = attrs.evolve(
            labour,
            unit="participants",
            achieved=(
                q1,
                attrs.evolve(
                    q2, period=rf.Period.parse("2025-04-01/2025-07-15"), breakdowns=q2.breakdowns[:1]
                ),
            ),
        )
        programme = attrs.evolve(
            illustrative,
            outcomes=(attrs.evolve(outcome, outputs=(attrs.evolve(output, indicators=(wrong, *output.indicators[1:])),
                                                     *outcome.outputs[1:])),),
        )  # fmt: skip
        codes = [(d.severity.value, d.code) for d in rf.check_quarter(programme, "2025Q2")]
        assert ("warning", "dstwg-unit") in codes
        assert ("error", "dstwg-period") in codes
        assert ("warning", "dstwg-no-value") in codes

    def test_missing_required_disaggregation(self, illustrative: rf.Programme) -> None:
        (outcome,) = illustrative.outcomes
        output = outcome.outputs[1]
        houses = output.indicators[0]
        q1, q2 = houses.achieved
        stripped = attrs.evolve(houses, achieved=(q1, attrs.evolve(q2, breakdowns=())))
        programme = attrs.evolve(illustrative, outcomes=(attrs.evolve(outcome, outputs=(
            outcome.outputs[0], attrs.evolve(output, indicators=(stripped, output.indicators[1])))),))  # fmt: skip
        (diagnostic,) = [d for d in rf.check_quarter(programme, "2025Q2") if d.severity is rf.Severity.ERROR]
        assert "requires a breakdown by damage_category" in diagnostic.message

    def test_quarter_must_be_a_calendar_quarter(self, illustrative: rf.Programme) -> None:
        with pytest.raises(rf.PeriodError, match="calendar quarter"):
            rf.check_quarter(illustrative, "2025-05")


class TestCommandLine:
    def run(self, *argv: str) -> tuple[int, str, str]:
        from resultsframework.__main__ import main

        out, err = io.StringIO(), io.StringIO()
        return main(list(argv), out=out, err=err), out.getvalue(), err.getvalue()

    def test_frameworks(self) -> None:
        code, out, _ = self.run("frameworks")
        assert 0 == code
        assert "iom-iraq-2022\t19 elements\tIOM Strategy for Iraq 2022–2024" in out
        code, out, _ = self.run("frameworks", "--search", "10.7", "--framework", "sdg", "--locale", "fr")
        assert out.startswith("10.7\ttarget\tFaciliter la migration")

    @pytest.mark.extras("openpyxl")
    def test_pillars_portfolio(self, tmp_path: Path) -> None:
        target = tmp_path / "pillars.xlsx"
        code, _, err = self.run(
            "pillars", str(EXAMPLE), str(ILLUSTRATIVE), "--table", "matrix", "-o", str(target)
        )
        assert (0, "") == (code, err)
        assert target.read_bytes().startswith(b"PK")

    def test_dstwg(self) -> None:
        code, out, _ = self.run("dstwg", str(ILLUSTRATIVE), "--quarter", "2025Q2")
        assert 0 == code
        assert out.startswith("Partner,Quarter,Catalogue code")
        assert 2 == self.run("dstwg", str(ILLUSTRATIVE), "--quarter", "2025-05")[0]


def test_pillar_tables_in_excel_hold_numbers_with_number_formats(
    example: rf.Programme, illustrative: rf.Programme
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    alignment = rf.align([example, illustrative], "iom-iraq-2022")
    data = rf.render_table(rf.summary_table(alignment, "outcome"), "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    headings = [c.value for c in sheet[2]]
    row = next(r for r in sheet.iter_rows(min_row=3) if str(r[0].value).startswith("1.2:"))
    total, share = row[headings.index("Indicators")], row[headings.index("Achieved or exceeded")]
    assert (total.value, total.data_type, total.number_format) == (2, "n", "#,##0")
    assert (share.value, share.number_format) == (0.5, "0.0%")
    matrix = openpyxl.load_workbook(
        io.BytesIO(rf.render_table(rf.matrix_table(alignment, "pillar"), "xlsx"))
    ).active
    assert [c.value for c in matrix[3]][1:] == [3, 1, 10]

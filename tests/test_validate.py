"""Validation: every problem a donor would reject, with its path, all at once."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs

import resultsframework as rf
from resultsframework import Achieved, Measure, Period, Ratio, Severity

from .test_assess import indicator, programme


def found(p: rf.Programme, **kwargs) -> list[tuple[str, str, str]]:
    """(severity, code, path) of every diagnostic."""
    from resultsframework.core.errors import format_path

    return [(d.severity.value, d.code, format_path(d.path)) for d in rf.validate(p, **kwargs)]


IND = "outcomes[0].outputs[0].indicators[0]"
IND_PATH = ("outcomes", 0, "outputs", 0, "indicators", 0)


class TestVariance:
    def test_target_missed_without_a_reason(self) -> None:
        p = programme(indicator(target=10, values={"2025": 5}))
        assert [("error", "variance-missing", f"{IND}.achieved[0].variance")] == found(p)

    def test_no_data_without_a_reason(self) -> None:
        p = programme(indicator(target=10, values={"2025": None}))
        assert [("error", "variance-missing", f"{IND}.achieved[0].variance")] == found(p)

    def test_a_plan_needs_no_reasons(self) -> None:
        """A results framework before any report: nothing reported is no fault yet."""
        plan = programme(
            indicator(target=10), attrs.evolve(indicator(Measure.YES_NO, target=True), code="1.1.2")
        )
        assert [] == found(plan)
        report = attrs.evolve(plan, reporting_periods=(Period.year(2025),))
        assert [("error", "variance-missing", f"{IND}.achieved")] == found(report)[:1]

    def test_a_stated_reason_satisfies_it(self) -> None:
        record = Achieved(
            Period.year(2025),
            5,
            variance=rf.Variance("Security incidents", rf.VarianceCategory.CONTEXT_SECURITY),
        )
        assert [] == found(programme(indicator(target=10, records=(record,))))

    def test_behind_mid_programme_is_a_warning(self) -> None:
        p = programme(indicator(target=100, values={"2025Q1": 5}, milestones={"2025Q1": 25}))
        assert [("warning", "variance-missing", f"{IND}.achieved[0].variance")] == found(
            p, as_of=date(2025, 4, 2)
        )

    def test_values_without_a_target_need_a_target_not_a_reason(self) -> None:
        p = programme(indicator(values={"2025": 5}))
        (diagnostic,) = rf.validate(p)
        assert ("warning", "target-missing", f"{IND}.target") == found(p)[0]
        assert "no target, so the indicator is not assessed" in diagnostic.message
        text_only = attrs.evolve(p.indicator("1.1.1"), target=rf.Target(text="All partners trained"))
        p = attrs.evolve(
            p,
            outcomes=(
                attrs.evolve(p.outcomes[0], outputs=(rf.Output("1", "Out", indicators=(text_only,)),)),
            ),
        )
        assert [("warning", "target-missing", f"{IND}.target.value")] == found(p)


class TestPeriods:
    def test_value_outside_the_programme(self) -> None:
        p = programme(indicator(target=10, values={"2024": 10}))
        assert ("error", "period-outside-programme", f"{IND}.achieved[0].period") in found(p)

    def test_value_extending_beyond_the_programme(self) -> None:
        p = programme(indicator(target=10, values={"2025-06-01/2026-01-31": 10}))
        assert [("warning", "period-outside-programme", f"{IND}.achieved[0].period")] == found(p)

    def test_reporting_periods_outside_the_programme(self) -> None:
        """A 2025 programme reported for 2030 is an error; a period a day too long, a warning."""
        p = attrs.evolve(programme(), reporting_periods=(Period.year(2030),))
        assert [("error", "reporting-period-outside-programme", "reporting_periods[0]")] == found(p)
        p = attrs.evolve(programme(), reporting_periods=(Period.parse("2025-07-01/2026-01-01"),))
        (d,) = rf.validate(p)
        assert ("warning", "reporting-period-outside-programme") == (d.severity.value, d.code)
        assert "2025-07-01/2026-01-01 extends beyond the programme (2025-01-01 to 2025-12-31)" in d.message
        p = attrs.evolve(programme(), reporting_periods=(Period(date(2025, 5, 1), date(2025, 4, 1)),))
        assert [("error", "period-inverted", "reporting_periods[0]")] == found(p)
        assert [] == found(attrs.evolve(programme(), reporting_periods=(Period.year(2025),)))

    def test_the_example_reports_a_day_past_its_end(self, example: rf.Programme) -> None:
        """Seed 000 reports May to December 2021 of a programme whose actual end is 30 December."""
        (d,) = [d for d in rf.validate(example) if d.code == "reporting-period-outside-programme"]
        assert (Severity.WARNING, ("reporting_periods", 0)) == (d.severity, d.path)

    def test_overlapping_periods_in_a_summed_indicator(self) -> None:
        p = programme(indicator(target=10, values={"2025Q1": 5, "2025-03-01/2025-05-31": 5}))
        assert [("error", "period-overlap", f"{IND}.achieved[1].period")] == found(p)

    def test_inverted_period(self) -> None:
        p = programme(
            indicator(target=10, records=(Achieved(Period(date(2025, 5, 1), date(2025, 4, 1)), 10),))
        )
        assert ("error", "period-inverted", f"{IND}.achieved[0].period") in found(p)

    def test_actual_end_before_start_and_extension_without_reason(self) -> None:
        p = attrs.evolve(programme(), dates=rf.Dates(date(2025, 1, 1), date(2025, 6, 30), date(2024, 12, 1)))
        assert [("error", "end-before-start", "dates.actual_end")] == found(p)
        p = attrs.evolve(programme(), dates=rf.Dates(date(2025, 1, 1), date(2025, 6, 30), date(2025, 9, 30)))
        assert [("warning", "extension-reason-missing", "dates.extension_reason")] == found(p)

    def test_future_value(self) -> None:
        p = programme(indicator(target=10, values={"2025Q1": 10, "2025Q4": 1}))
        assert ("warning", "future-period", f"{IND}.achieved[1].period") in found(p, as_of=date(2025, 5, 1))

    def test_a_value_after_the_last_reporting_period_is_not_silently_ignored(self) -> None:
        """A quarter's value recorded without adding the quarter to the report's periods."""
        p = programme(indicator(target=10, values={"2025Q1": 4, "2025Q2": 9}))
        p = attrs.evolve(p, reporting_periods=(Period.parse("2025Q1"),))
        assert rf.assess(p)["1.1.1"].overall.achieved == 4
        (diagnostic,) = rf.validate(p)
        assert ("future-period", (*IND_PATH, "achieved", 1, "period")) == (diagnostic.code, diagnostic.path)
        assert diagnostic.message == (
            "a value for 2025Q2, which starts after the last reporting period (2025Q1); "
            "it is not counted until 2025Q2 is added to reporting_periods"
        )
        p = attrs.evolve(p, reporting_periods=(Period.parse("2025Q1"), Period.parse("2025Q2")))
        assert ([], 13) == (rf.validate(p), rf.assess(p)["1.1.1"].overall.achieved)


class TestValues:
    def test_measure_mismatch(self) -> None:
        """A yes/no target with a numeric value, a count with text."""
        p = programme(indicator(Measure.YES_NO, target=1, values={"2025": True}))
        assert [("error", "measure-mismatch", f"{IND}.target.value")] == [
            f for f in found(p) if f[1] == "measure-mismatch"
        ]
        p = programme(indicator(target=10, values={"2025": "N/A"}))
        assert ("error", "measure-mismatch", f"{IND}.achieved[0].value") in found(p)

    def test_yes_no_written_as_a_number_is_not_true(self) -> None:
        """Python's 1 == True: a yes/no value or target written 1 is flagged, with what to write."""
        p = programme(indicator(Measure.YES_NO, target=True, values={"2025": 1}))
        (d,) = [d for d in rf.validate(p) if d.code == "measure-mismatch"]
        assert (Severity.ERROR, (*IND_PATH, "achieved", 0, "value")) == (d.severity, d.path)
        assert d.message.endswith("found 1; write true, not the number 1")
        p = programme(indicator(Measure.YES_NO, target=0, values={"2025": False}))
        (d,) = [d for d in rf.validate(p) if d.code == "measure-mismatch"]
        assert d.message.endswith("write false, not the number 0")
        assert [] == found(programme(indicator(Measure.YES_NO, target=True, values={"2025": True})))

    def test_currencies_are_iso_4217(self) -> None:
        money = attrs.evolve(indicator(Measure.MONEY, target=10), currency="XYZ")
        assert [("error", "currency-invalid", f"{IND}.currency")] == found(programme(money))
        (d,) = rf.validate(programme(attrs.evolve(money, currency="usd")))
        assert d.message == "expected an ISO 4217 code such as 'USD', found 'usd'; write 'USD'"
        budget = rf.Budget(
            total_approved=rf.Money(600000, "US$"),
            contributions=(
                rf.Contribution(rf.ContributionSource.FUND, rf.Money(1, "EURO")),
                rf.Contribution(rf.ContributionSource.DONOR, rf.Money(1, "EUR")),
            ),
        )
        assert [
            ("error", "currency-invalid", "budget.total_approved.currency"),
            ("error", "currency-invalid", "budget.contributions[0].amount.currency"),
        ] == found(attrs.evolve(programme(), budget=budget))

    def test_amounts_have_their_currencys_decimals(self) -> None:
        """Two decimals for USD, none for JPY."""
        budget = rf.Budget(
            total_approved=rf.Money("600000.005", "USD"),
            contributions=(
                rf.Contribution(rf.ContributionSource.FUND, rf.Money("1000.50", "JPY")),
                rf.Contribution(rf.ContributionSource.FUND, rf.Money("1000.00", "JPY")),
                rf.Contribution(rf.ContributionSource.DONOR, rf.Money("12.50", "USD")),
            ),
        )
        diagnostics = rf.validate(attrs.evolve(programme(), budget=budget))
        assert [
            ("warning", "money-precision", "budget.total_approved.amount"),
            ("warning", "money-precision", "budget.contributions[0].amount.amount"),
        ] == [(d.severity.value, d.code, d.location()) for d in diagnostics]
        assert "the amount 1000.50 JPY has more decimals than JPY (no decimals)" == diagnostics[1].message
        money = attrs.evolve(
            indicator(Measure.MONEY, target=Decimal("10.125"), values={"2025": Decimal("10.10")}),
            currency="USD",
        )
        assert [("warning", "money-precision", f"{IND}.target.value")] == [
            f for f in found(programme(money)) if f[1] == "money-precision"
        ]

    def test_numbers_written_as_text_get_what_to_write(self) -> None:
        """Numbers copied from Word or Excel arrive as '1,234' or '45%'."""
        messages = [d.message for d in rf.validate(programme(indicator(target=10, values={"2025": "1,234"})))]
        assert any(
            m.endswith("found '1,234'; write the number 1234, without quotes or separators") for m in messages
        )
        share = programme(indicator(Measure.PERCENTAGE, target=50, values={"2025": "45 %"}))
        messages = [d.message for d in rf.validate(share)]
        assert any(m.endswith("write 45 (a percent) or {numerator: ..., denominator: ...}") for m in messages)
        plain = [d.message for d in rf.validate(programme(indicator(target=10, values={"2025": "N/A"})))]
        assert any(m.endswith("found 'N/A'") for m in plain)

    def test_negative_count(self) -> None:
        assert ("error", "negative-count", f"{IND}.achieved[0].value") in found(
            programme(indicator(target=10, values={"2025": -1}))
        )

    def test_percentages(self) -> None:
        ind = indicator(
            Measure.PERCENTAGE, target=150, values={"2025Q1": Ratio(12, 10), "2025Q2": Ratio(1, 0)}
        )
        codes = found(programme(ind))
        assert ("error", "percentage-out-of-range", f"{IND}.target.value") in codes
        assert ("error", "numerator-exceeds-denominator", f"{IND}.achieved[0].value") in codes
        assert ("error", "denominator-invalid", f"{IND}.achieved[1].value") in codes


class TestOrganisations:
    def test_duplicate_organisation_ids(self) -> None:
        organisations = (
            rf.Organisation("IOM", rf.OrganisationRole.LEAD),
            rf.Organisation("UNDP", rf.OrganisationRole.PARTICIPATING),
            rf.Organisation("IOM", rf.OrganisationRole.IMPLEMENTING_PARTNER),
        )
        (d,) = rf.validate(attrs.evolve(programme(), organisations=organisations))
        assert ("error", "duplicate-organisation", "organisations[2].id") == (
            d.severity.value,
            d.code,
            d.location(),
        )
        assert "'IOM' is used twice (first at organisations[0])" in d.message


class TestBreakdowns:
    def record(self, total: int, explanation: str | None = None, **cells: int) -> Achieved:
        cells_ = tuple(rf.Cell((("sex", k),), v) for k, v in cells.items())
        return Achieved(
            Period.year(2025), total, breakdowns=(rf.Breakdown(("sex",), cells_, explanation=explanation),)
        )

    def test_breakdown_that_does_not_add_up(self) -> None:
        p = programme(indicator(target=10, records=(self.record(25521, female=13271, male=12249),)))
        assert [("error", "breakdown-total", f"{IND}.achieved[0].breakdowns[0]")] == found(p)

    def test_policy_warning_and_off(self) -> None:
        p = programme(indicator(target=10, records=(self.record(25521, female=13271, male=12249),)))
        assert [("warning", "breakdown-total", f"{IND}.achieved[0].breakdowns[0]")] == found(
            p, disaggregation="warning"
        )
        assert [] == found(p, disaggregation="off")

    def test_explained_difference_is_accepted(self) -> None:
        """Unique people against services delivered legitimately differ."""
        p = programme(
            indicator(
                target=10, records=(self.record(20, "services, not unique people", female=13, male=12),)
            )
        )
        assert [] == found(p)

    def test_unknown_category_and_missing_required_disaggregation(self) -> None:
        ind = attrs.evolve(
            indicator(target=10, records=(self.record(10, femme=10),)), disaggregation=("sex", "age")
        )
        codes = found(programme(ind))
        assert ("error", "unknown-category", f"{IND}.achieved[0].breakdowns[0].cells[0].sex") in codes
        assert ("warning", "disaggregation-missing", f"{IND}.achieved[0].breakdowns") in codes


class TestCodes:
    def test_duplicate_codes(self) -> None:
        p = programme(indicator(target=1, values={"2025": 1}), indicator(target=1, values={"2025": 1}))
        assert [("error", "duplicate-code", "outcomes[0].outputs[0].indicators[1].code")] == found(p)

    def test_code_that_contradicts_its_place(self) -> None:
        """Indicator 1.2.3 under output 1 of outcome 1 is a warning."""
        ind = attrs.evolve(indicator(target=1, values={"2025": 1}), code="1.2.3")
        assert [("warning", "code-hierarchy", f"{IND}.code")] == found(programme(ind))

    def test_unknown_organisation(self) -> None:
        p = attrs.evolve(
            programme(attrs.evolve(indicator(target=1, values={"2025": 1}), responsible=("UNPD",))),
            organisations=(rf.Organisation("UNDP", rf.OrganisationRole.LEAD),),
        )
        assert [("warning", "unknown-organisation", f"{IND}.responsible[0]")] == found(p)

    def test_diagnostic_reads_as_one_line(self) -> None:
        (d,) = rf.validate(
            programme(
                indicator(
                    target=10,
                    values={"2025": -1},
                )
            )
        )[:1]
        assert d.severity is Severity.ERROR
        assert f"{IND}.achieved[0].value: error [negative-count] a count cannot be negative, found -1" == str(
            d
        )


class TestBreakdownDiagnostics:
    """check_breakdown returns diagnostics whose paths start at the breakdown; validate prefixes its path."""

    BREAKDOWN = rf.Breakdown.by("sex", {"female": 13271, "male": 12249})

    def test_paths_are_relative_to_the_breakdown(self) -> None:
        found = rf.check_breakdown(13000, self.BREAKDOWN)
        assert [
            (Severity.ERROR, "breakdown-total", ("cells", 0), "cells[0]"),
            (Severity.ERROR, "breakdown-total", (), "$"),
        ] == [(d.severity, d.code, d.path, d.location()) for d in found]
        assert "the cell sex=female (13271) is larger than the total 13000" == found[0].message

    def test_validate_puts_the_breakdown_path_before_them(self) -> None:
        record = Achieved(Period.year(2025), 13000, breakdowns=(self.BREAKDOWN,))
        p = programme(indicator(target=10, records=(record,)))
        where = f"{IND}.achieved[0].breakdowns[0]"
        assert [
            ("warning", "breakdown-total", f"{where}.cells[0]"),
            ("warning", "breakdown-total", where),
        ] == found(p, disaggregation="warning")
        assert all(d.message.endswith("; correct it, or say why in 'explanation'") for d in rf.validate(p))

    def test_the_docstring_example(self) -> None:
        import doctest

        from resultsframework.core import disaggregation

        runner = doctest.DocTestRunner()
        for test in doctest.DocTestFinder().find(disaggregation.check_breakdown, globs=vars(disaggregation)):
            runner.run(test)
        assert runner.tries > 0
        assert runner.failures == 0


class TestLocation:
    def test_a_diagnostic_spells_its_path_as_a_load_problem_does(self) -> None:
        path = ("outcomes", 0, "outputs", 1, "code")
        d = rf.Diagnostic(Severity.ERROR, "duplicate-code", path, "output code '1' is used twice")
        assert "outcomes[0].outputs[1].code" == d.location() == rf.Problem(path, "").location()
        assert str(d).startswith("outcomes[0].outputs[1].code: error [duplicate-code] ")
        assert "$" == rf.Diagnostic(Severity.WARNING, "dstwg-no-indicator", (), "").location()


class TestRules:
    """One table of the checks: every diagnostic's code is in it, and the docs list exactly it."""

    def made(self) -> dict[str, list[str]]:
        """
        Each code the package makes a diagnostic with, and where (file:line).

        A diagnostic is made by ``diagnostic(code, ...)``, which looks its rule up, or by
        ``Diagnostic(severity, code, ...)``; either way the code is written out where it is made.
        """
        import ast
        from pathlib import Path

        package = Path(rf.__file__).parent
        made: dict[str, list[str]] = {}
        for source in sorted(package.rglob("*.py")):
            where = source.relative_to(package).as_posix()
            if where == "core/diagnostics.py":
                continue
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name not in {"diagnostic", "Diagnostic"}:
                    continue
                at = 0 if name == "diagnostic" else 1
                keyword = [k.value for k in node.keywords if k.arg == "code"]
                code = node.args[at] if len(node.args) > at else next(iter(keyword), None)
                unwritten = f"{where}:{node.lineno}: the code is not written out, so no test checks it"
                assert isinstance(code, ast.Constant), unwritten
                assert isinstance(code.value, str), unwritten
                made.setdefault(code.value, []).append(f"{where}:{node.lineno}")
        return made

    def test_every_code_made_is_a_rule_and_every_rule_is_made(self) -> None:
        from resultsframework.core.diagnostics import RULES

        made = self.made()
        unknown = {code: at for code, at in made.items() if code not in RULES}
        assert {} == unknown, "codes missing from RULES in core/diagnostics.py"
        assert [] == [code for code in RULES if code not in made], "rules no check makes"

    def test_an_unknown_code_is_refused(self) -> None:
        import pytest

        from resultsframework.core.diagnostics import diagnostic

        with pytest.raises(KeyError, match="no rule 'breakdown-totals'; did you mean 'breakdown-total'"):
            diagnostic("breakdown-totals", (), "")
        assert Severity.WARNING == diagnostic("breakdown-total", (), "", Severity.WARNING).severity

    def test_the_docs_list_every_rule_with_its_meaning(self) -> None:
        import re

        from resultsframework.core.diagnostics import RULES

        from .conftest import ROOT

        text = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
        rows = re.findall(r"^\| `([a-z0-9-]+)` \| ([^|]+) \| ([^|]+) \|$", text, re.MULTILINE)
        listed = [code for code, _, _ in rows]
        assert sorted(RULES) == sorted(listed), "docs/validation.md lists other codes than RULES"
        assert len(set(listed)) == len(listed), "docs/validation.md lists a code twice"
        for code, severity, meaning in rows:
            rule = RULES[code]
            assert severity.startswith(rule.severity.value), code
            plain = meaning.replace("`", "").replace("*", "")
            assert plain.startswith(rule.meaning), f"{code}: the docs say {plain!r}, RULES {rule.meaning!r}"

    def test_the_table_is_well_formed(self) -> None:
        from resultsframework.core.diagnostics import RULES

        for code, rule in RULES.items():
            assert code == rule.code
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
            assert "\n" not in rule.meaning, code
            assert rule.meaning[0].isupper(), code
            assert rule.meaning.endswith("."), code


class TestMessagesUsersSee:
    """What a user reads for the common slips: the fix, without a cascade of other findings."""

    @staticmethod
    def messages(p: rf.Programme) -> list[tuple[str, str]]:
        return [(d.code, d.message) for d in rf.validate(p)]

    def test_yes_written_as_text_gets_the_hint_to_write_true(self) -> None:
        p = programme(indicator(Measure.YES_NO, target=True, values={"2025": "yes"}))
        assert [
            (
                "measure-mismatch",
                "a yes_no indicator takes true or false, found 'yes'; write true, without quotes "
                "(YAML reads yes as text, not as yes/no)",
            )
        ] == self.messages(p)

    def test_no_written_as_text_in_the_target_gets_false_and_no_variance_cascade(self) -> None:
        p = programme(indicator(Measure.YES_NO, target="No", values={"2025": False}))
        assert [
            (
                "measure-mismatch",
                "a yes_no indicator takes true or false, found 'No'; write false, without quotes "
                "(YAML reads No as text, not as yes/no)",
            )
        ] == self.messages(p)

    def test_a_yes_no_text_in_a_yaml_file(self) -> None:
        text = (
            "format: resultsframework/1\ntitle: T\nreporting_periods: ['2025']\noutcomes:\n- code: '1'\n"
            "  statement: S\n  indicators:\n  - code: '1.1'\n    statement: I\n    measure: yes_no\n"
            "    target: {value: true}\n    achieved:\n    - {period: '2025', value: yes}\n"
        )
        found = rf.validate(rf.loads(text, "yaml"))
        assert ["measure-mismatch"] == [d.code for d in found]  # no variance-missing caused by it
        assert "write true, without quotes" in found[0].message

    def test_a_decimal_in_a_percentage_is_a_number(self) -> None:
        p = programme(indicator(Measure.PERCENTAGE, target=Decimal("42.5"), values={"2025": Decimal("42.5")}))
        assert [] == self.messages(p)

    def test_a_decimal_in_a_count_says_why_it_is_not_whole(self) -> None:
        p = programme(indicator(target=10, values={"2025": Decimal("42.5")}))
        ((code, message),) = self.messages(p)
        assert "measure-mismatch" == code
        assert message == (
            "a count indicator takes a whole number, found 42.5, which has decimals (a count has none: "
            "use measure: number, or percentage for a share)"
        )

    def test_breakdown_totals_are_grouped_in_thousands(self) -> None:
        breakdown = rf.Breakdown.by("sex", {"female": 600, "male": 634})
        record = Achieved(Period.year(2025), 1300, breakdowns=(breakdown,))
        (message,) = [m for _, m in self.messages(programme(indicator(target=1300, records=(record,))))]
        assert message == (
            "the breakdown adds up to 1,234 (600 + 634), not the reported total 1,300; correct it, "
            "or say why in 'explanation'"
        )

    def test_grouping_leaves_codes_decimals_and_quoted_texts_alone(self) -> None:
        from resultsframework.assessment.validation import _grouped

        assert "1,234.5678 in 1.1.2, not '12345' nor 2025Q1; 1,300/2,400" == _grouped(
            "1234.5678 in 1.1.2, not '12345' nor 2025Q1; 1300/2400"
        )


class TestForIati:
    def test_no_sector_is_a_warning_only_when_asked(self) -> None:
        """IATI requires a sector (rule 6.2.2); a programme that is not published there needs none."""
        p = programme(indicator(target=10))
        assert "sector-missing" not in {code for _s, code, _p in found(p)}
        assert ("warning", "sector-missing", "sectors") in found(p, for_iati=True)
        with_sector = attrs.evolve(p, sectors=(rf.Sector("15190"),))
        assert "sector-missing" not in {code for _s, code, _p in found(with_sector, for_iati=True)}

    def test_on_the_command_line(self, tmp_path: Path) -> None:
        from .test_cli import clean_run

        path = tmp_path / "programme.yaml"
        path.write_text("format: resultsframework/1\ntitle: P\n", encoding="utf-8")
        assert (0, f"{path}: valid\n") == clean_run("validate", str(path))[:2]
        code, out, _ = clean_run("validate", "--for", "iati", str(path))
        assert 0 == code
        assert f"{path}: sectors (line 1): warning [sector-missing] the programme states no sectors" in out
        assert out.endswith(f"{path}: valid (1 warning)\n")

"""
The Durable Solutions quarter summed across partners: examples/dstwg/partner-a.yaml and
partner-b.yaml, the working group's sum per catalogue indicator, computed by the roll-up.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

import resultsframework as rf

from .conftest import ROOT
from .test_cli import clean_run

PARTNERS = ROOT / "examples" / "dstwg"
A, B = PARTNERS / "partner-a.yaml", PARTNERS / "partner-b.yaml"

# The second quarter of 2025, added up by hand from the two files: (value, {cell: value}).
BY_HAND: dict[str, tuple[str, dict[str, str]]] = {
    "SO2.1.1": ("75", {"damage_category: minor": "43", "damage_category: medium": "27",
                       "damage_category: major": "5"}),
    "SO2.1.4": ("25", {}),
    "SO2.2.1": ("100", {"sex: female": "56", "sex: male": "44"}),
    "SO2.2.2": ("70", {"sex: female": "38", "sex: male": "32"}),
    "SO3.1.1": ("215", {"sex: female": "104", "sex: male": "111", "age: 18-24": "70", "age: 25-59": "135",
                        "age: 60+": "10", "type_of_support: vocational_training": "100",
                        "type_of_support: business_grant": "65", "type_of_support: job_placement": "50"}),
    "SO3.1.2": ("100", {}),
    "SO3.2.1": ("80", {}),
}  # fmt: skip


def partners() -> list[rf.Programme]:
    return [rf.load(A), rf.load(B)]


def changed(path: Path, old: str, new: str) -> rf.Programme:
    """The programme of *path* with one passage of its text replaced."""
    text = path.read_text(encoding="utf-8")
    assert 1 == text.count(old), old
    return rf.loads(text.replace(old, new), "yaml", source=path.name)


def rows(table: rf.Table) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(str(rf.render_table(table, "csv")))))


def cells(row: dict[str, str]) -> dict[str, str]:
    """The row's non-empty disaggregation cells."""
    fixed = {"Quarter", "Catalogue code", "Strategic objective", "Sub-criterion", "Catalogue indicator",
             "Unit of measurement", "Value", "Partners", "Values by partner", "Notes"}  # fmt: skip
    return {k: v for k, v in row.items() if k not in fixed and v}


class TestTheExample:
    @pytest.mark.parametrize("path", [A, B], ids=lambda p: p.name)
    def test_every_figure_validates(self, path: Path) -> None:
        programme = rf.load(path)
        assert [] == rf.validate(programme)
        assert [] == rf.check_quarter(programme, "2025Q2")
        assert "illustrative" in programme.title
        assert "figures are invented" in programme.narrative["executive_summary"]

    def test_partner_a_reports_the_first_quarter_too(self) -> None:
        assert [] == rf.check_quarter(rf.load(A), "2025Q1")


class TestSummedAcrossPartners:
    def test_the_sums_are_the_figures_added_by_hand(self) -> None:
        found = rows(rf.quarter_table(partners(), "2025Q2", summed=True))
        assert list(BY_HAND) == [r["Catalogue code"] for r in found]  # catalogue order, one row each
        for row in found:
            value, by_category = BY_HAND[row["Catalogue code"]]
            assert (value, by_category) == (row["Value"], cells(row)), row["Catalogue code"]
            assert "2025Q2" == row["Quarter"]
            assert "" == row["Notes"]
        labour = next(r for r in found if r["Catalogue code"] == "SO3.1.1")
        assert ("Partner A, Partner B", "Partner A: 120; Partner B: 95", "# of persons", "SO3") == (
            labour["Partners"], labour["Values by partner"], labour["Unit of measurement"],
            labour["Strategic objective"],
        )  # fmt: skip

    def test_the_sums_are_the_partners_rows_added_up(self) -> None:
        """The summed table and the partners' rows tell the same quarter."""
        summed = {r["Catalogue code"]: r for r in rows(rf.quarter_table(partners(), "2025Q2", summed=True))}
        added: dict[str, dict[str, int]] = {}
        for row in rows(rf.quarter_table(partners(), "2025Q2")):
            into = added.setdefault(row["Catalogue code"], {})
            for key, text in {"Value": row["Value"], **cells_of_partner_row(row)}.items():
                into[key] = into.get(key, 0) + int(text)
        assert set(summed) == set(added)
        for code, figures in added.items():
            assert {k: str(v) for k, v in figures.items()} == {
                "Value": summed[code]["Value"],
                **cells(summed[code]),
            }

    def test_only_the_quarter_counts(self) -> None:
        (labour,) = [r for r in rows(rf.quarter_table(partners(), "2025Q1", summed=True))
                     if r["Catalogue code"] == "SO3.1.1"]  # fmt: skip
        assert ("96", "Partner A: 96") == (labour["Value"], labour["Values by partner"])
        assert "no value for the quarter: Partner B 1.1" == labour["Notes"]

    def test_a_quarter_not_yet_among_the_reporting_periods_counts(self) -> None:
        a = changed(A, "reporting_periods:\n- 2025Q1\n- 2025Q2\n", "reporting_periods:\n- 2025Q1\n")
        found = rows(rf.quarter_table([a, rf.load(B)], "2025Q2", summed=True))
        assert "215" == next(r["Value"] for r in found if r["Catalogue code"] == "SO3.1.1")

    def test_a_unit_that_is_not_the_catalogues_is_summed_apart(self) -> None:
        b = changed(B, "      unit: '# of persons'\n      disaggregation:\n      - sex\n      - age\n",
                    "      unit: households\n      disaggregation:\n      - sex\n      - age\n")  # fmt: skip
        labour = [r for r in rows(rf.quarter_table([rf.load(A), b], "2025Q2", summed=True))
                  if r["Catalogue code"] == "SO3.1.1"]  # fmt: skip
        assert [("# of persons", "120", "Partner A", ""),
                ("households", "95", "Partner B",
                 "the unit is not the catalogue's (# of persons); its values are summed apart")] == [
            (r["Unit of measurement"], r["Value"], r["Partners"], r["Notes"]) for r in labour
        ]  # fmt: skip
        assert ("54", "50") == (labour[0]["sex: female"], labour[1]["sex: female"])
        check = rf.check_quarter(b, "2025Q2")
        assert ["dstwg-unit"] == [d.code for d in check]

    def test_a_figure_in_two_units_says_the_second_in_the_notes(self) -> None:
        text = B.read_text(encoding="utf-8")
        for old, new in [
            ("      unit: '# of persons'\n      disaggregation:\n      - sex\n      - age\n",
             "      unit: households\n      second_unit: persons\n      disaggregation:\n      - sex\n      - age\n"),
            ("        value: 95\n        source: Beneficiary database\n",
             "        value: 95\n        second_value: 410\n        source: Beneficiary database\n"),
        ]:  # fmt: skip
            assert 1 == text.count(old), old
            text = text.replace(old, new)
        b = rf.loads(text, "yaml", source=B.name)
        (households,) = [r for r in rows(rf.quarter_table([rf.load(A), b], "2025Q2", summed=True))
                         if r["Catalogue code"] == "SO3.1.1" and r["Unit of measurement"] == "households"]  # fmt: skip
        assert "the same figure in persons: 410" in households["Notes"].splitlines()

    def test_a_unit_written_differently_is_the_same_unit(self) -> None:
        b = changed(B, "      unit: '# of persons'\n      disaggregation:\n      - sex\n      - age\n",
                    "      unit: Persons\n      disaggregation:\n      - sex\n      - age\n")  # fmt: skip
        labour = [r for r in rows(rf.quarter_table([rf.load(A), b], "2025Q2", summed=True))
                  if r["Catalogue code"] == "SO3.1.1"]  # fmt: skip
        assert [("# of persons", "215")] == [(r["Unit of measurement"], r["Value"]) for r in labour]

    def test_a_breakdown_only_one_partner_gives_covers_part_of_the_sum(self) -> None:
        b = changed(B, "        - dimensions:\n          - age\n          cells:\n          - age: 18-24\n"
                       "            value: 30\n          - age: 25-59\n            value: 55\n"
                       "          - age: 60+\n            value: 10\n", "")  # fmt: skip
        labour = next(r for r in rows(rf.quarter_table([rf.load(A), b], "2025Q2", summed=True))
                      if r["Catalogue code"] == "SO3.1.1")  # fmt: skip
        assert ("215", "40", "80", "104") == (labour["Value"], labour["age: 18-24"], labour["age: 25-59"],
                                              labour["sex: female"])  # fmt: skip
        assert "age: 60+" not in labour
        assert "the breakdown by age covers 120 of 215" == labour["Notes"]
        assert ["dstwg-disaggregation-missing"] == [d.code for d in rf.check_quarter(b, "2025Q2")]

    def test_the_sums_come_from_one_roll_up(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from resultsframework.assessment import dstwg, rollup

        calls: list[dict[str, Any]] = []
        original = rollup.roll_up

        def spy(*args: Any, **kwargs: Any) -> rf.RollUp:
            calls.append(kwargs)
            return original(*args, **kwargs)

        monkeypatch.setattr(dstwg, "roll_up", spy)
        rf.quarter_table(partners(), "2025Q2", summed=True)
        assert 1 == len(calls)
        assert rf.Period.parse("2025Q2") == calls[0]["period"]

    def test_the_roll_up_of_the_quarter(self) -> None:
        rollup = rf.roll_up(partners(), "dstwg-iraq", period="2025Q2")
        assert 215 == rollup["SO3.1.1"].total("# of persons").value
        assert {"female": 104, "male": 111} == rollup["SO3.1.1"].total("persons").breakdown("sex")

    def test_a_breakdown_asked_again_is_the_same_and_the_callers_own(self) -> None:
        labour = rf.roll_up(partners(), "dstwg-iraq", period="2025Q2")["SO3.1.1"].total("persons")
        first = labour.breakdown("sex")
        first["female"] = 0
        assert {"female": 104, "male": 111} == labour.breakdown("sex")
        (a, _b) = labour.reported
        mine = a.breakdown("sex")
        mine.clear()
        assert ({"female": 54, "male": 66}, 120) == (a.breakdown("sex"), a.broken_down("sex"))

    def test_the_default_is_still_a_row_per_partners_indicator(self) -> None:
        found = rows(rf.quarter_table(partners(), "2025Q2"))
        assert 11 == len(found)
        assert ["Partner A"] * 5 + ["Partner B"] * 6 == [r["Partner"] for r in found]

    def test_every_format_and_language(self) -> None:
        french = rf.render_table(rf.quarter_table(partners(), "2025Q2", summed=True, locale="fr"), "md")
        assert "somme des partenaires" in str(french)
        arabic = rf.quarter_table(partners(), "2025Q2", summed=True, locale="ar")
        assert arabic.rtl
        for fmt in ("md", "html", "csv"):
            assert rf.render_table(arabic, fmt)


def cells_of_partner_row(row: dict[str, str]) -> dict[str, str]:
    fixed = {"Partner", "Quarter", "Catalogue code", "Strategic objective", "Sub-criterion",
             "Catalogue indicator", "Unit of measurement", "Value", "Programme", "Programme indicator"}  # fmt: skip
    return {k: v for k, v in row.items() if k not in fixed and v}


class TestCommandLine:
    def test_two_partners_summed_in_csv(self) -> None:
        code, out, err = clean_run("dstwg", str(A), str(B), "--quarter", "2025Q2", "--sum")
        assert (0, "") == (code, err)
        found = list(csv.DictReader(io.StringIO(out)))
        assert {code: value for code, (value, _cells) in BY_HAND.items()} == {
            r["Catalogue code"]: r["Value"] for r in found
        }

    def test_two_partners_summed_in_markdown(self) -> None:
        code, out, err = clean_run("dstwg", str(A), str(B), "--quarter", "Q2 2025", "--sum", "-f", "md")
        assert (0, "") == (code, err)
        assert "2025Q2, summed across partners" in out
        assert "| 215 | Partner A, Partner B | Partner A: 120; Partner B: 95 |" in out

    def test_two_partners_row_by_row(self) -> None:
        code, out, _ = clean_run("dstwg", str(A), str(B), "--quarter", "2025Q2")
        assert 0 == code
        assert out.startswith("Partner,Quarter,Catalogue code")
        assert 12 == len(out.splitlines())

    def test_an_error_in_one_partners_file_writes_nothing(self, tmp_path: Path) -> None:
        broken = tmp_path / "partner-b.yaml"
        broken.write_text(B.read_text(encoding="utf-8").replace("- period: 2025Q2\n        value: 95", "- period: 2025-05\n        value: 95"),
                          encoding="utf-8")  # fmt: skip
        target = tmp_path / "sum.csv"
        code, out, err = clean_run(
            "dstwg", str(A), str(broken), "--quarter", "2025Q2", "--sum", "-o", str(target)
        )
        assert (1, "") == (code, out)
        assert err.startswith(f"{broken}: ")
        assert "error [dstwg-period]" in err
        assert not target.exists()

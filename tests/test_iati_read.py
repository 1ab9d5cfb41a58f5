"""Reading IATI back: from_iati on exports (round trip) and on publishers' files (tests/data/iati)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import resultsframework as rf
from resultsframework.interop.iati import LOSSES
from resultsframework.text.escape import xml_safe

from .conftest import EXAMPLE, ROOT, WORKSHOP
from .strategies import iati_programmes

pytestmark = pytest.mark.extras("lxml")

ILLUSTRATIVE = ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml"
ANNUAL = ROOT / "examples" / "iom-iraq-annual-report-illustrative.yaml"
DATA = Path(__file__).parent / "data" / "iati"
WHEN = datetime(2026, 1, 1, tzinfo=timezone.utc)  # noqa: UP017

FAMILY = {
    rf.Measure.COUNT: "unit", rf.Measure.NUMBER: "unit", rf.Measure.MONEY: "unit",
    rf.Measure.PERCENTAGE: "percentage", rf.Measure.YES_NO: "qualitative", rf.Measure.QUALITATIVE: "qualitative",
    rf.Measure.ORDINAL: "qualitative",
}  # fmt: skip
"""What IATI's measure keeps of ours: 1 unit, 2 percentage, 5 qualitative; 4 ordinal is read as
qualitative (IATI holds no scale)."""


def codes(reading: rf.IatiReading) -> list[tuple[str, str]]:
    return [(d.code, d.location()) for d in reading.diagnostics]


def figures(programme: rf.Programme) -> dict[str, list[tuple[str, object]]]:
    """Per indicator, each value's period and value (a value that is none is said in words only), and the baseline's."""
    return {
        node.item.code: [
            (
                "baseline",
                node.item.baseline.value if node.item.baseline and node.item.baseline.year else None,
            ),
            *sorted((str(r.period), r.value) for r in node.item.achieved if r.value is not None),
        ]
        for node in programme.walk("indicator")
        if isinstance(node.item, rf.Indicator)
    }


class TestRoundTrip:
    @pytest.mark.parametrize(
        "path", [EXAMPLE, ILLUSTRATIVE, WORKSHOP, ANNUAL], ids=["mptf", "illustrative", "workshop", "annual"]
    )
    def test_the_examples_read_back_assess_with_the_same_figures(self, path: Path) -> None:
        programme = rf.load(path)
        reading = rf.from_iati(rf.to_iati(programme, generated=WHEN, default_sector="15190"))
        (back,) = reading.programmes
        assert all(d.severity is rf.Severity.WARNING for d in reading.diagnostics)
        assert programme.title == back.title
        ordinal = {i.code for i in programme.indicators() if i.measure is rf.Measure.ORDINAL}
        assert {c: f for c, f in figures(programme).items() if c not in ordinal} == {
            c: f for c, f in figures(back).items() if c not in ordinal
        }
        for code in ordinal:  # a documented loss: IATI holds no scale, the answers come back in words
            (value,) = [r.value for r in back.indicator(code).achieved]
            assert rf.Measure.QUALITATIVE is back.indicator(code).measure
            assert isinstance(value, str)
            assert "12 of 14 respondents" in value
        before, after = rf.assess(programme), rf.assess(back)
        assert [i.code for i in before.indicators] == [i.code for i in after.indicators]

    def test_what_the_export_keeps_comes_back(self) -> None:
        programme = rf.load(ILLUSTRATIVE)
        (back,) = rf.from_iati(rf.to_iati(programme, generated=WHEN, default_sector="15190")).programmes
        before = {
            n.item.code: n.item for n in programme.walk("indicator") if isinstance(n.item, rf.Indicator)
        }
        after = {n.item.code: n.item for n in back.walk("indicator") if isinstance(n.item, rf.Indicator)}
        for code, indicator in before.items():
            read = after[code]
            assert (indicator.statement, indicator.unit, indicator.direction) == (
                read.statement,
                read.unit,
                read.direction,
            )
            assert [
                (r.period, r.narrative, r.source, r.variance and r.variance.reason)
                for r in indicator.achieved
            ] == [(r.period, r.narrative, r.source, r.variance and r.variance.reason) for r in read.achieved]
        assert programme.sectors == back.sectors
        assert "IQ" == back.country
        assert [o.code for o in programme.outcomes] == [o.code for o in back.outcomes]

    @settings(max_examples=60, deadline=None)
    @given(iati_programmes())
    def test_any_export_reads_back_but_for_the_documented_losses(self, programme: rf.Programme) -> None:
        reading = rf.from_iati(rf.to_iati(programme, generated=WHEN, default_sector="15190"))
        (back,) = reading.programmes
        written = [
            n.item for n in programme.walk("indicator")
            if isinstance(n.item, rf.Indicator)
        ]  # fmt: skip
        read = [n.item for n in back.walk("indicator") if isinstance(n.item, rf.Indicator)]
        assert Counter(i.code.strip() for i in written) == Counter(i.code for i in read)
        assert Counter((i.code.strip(), FAMILY[i.measure]) for i in written) == Counter(
            (i.code, FAMILY[i.measure]) for i in read
        )
        assert Counter((i.code.strip(), i.direction is rf.Direction.DECREASE) for i in written) == Counter(
            (i.code, i.direction is rf.Direction.DECREASE) for i in read
        )
        assert [s.code for s in programme.sectors or (rf.Sector("15190"),)] == [s.code for s in back.sectors]
        rf.assess(back)
        rf.validate(back)


def number(value: object) -> Decimal | None:
    """A figure as IATI's @value holds it: a number (a percentage's percent, to the hundredth), else none."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return None
    if isinstance(value, rf.Ratio):
        percent = value.percent
        return None if percent is None else number(percent.quantize(Decimal("0.01")))
    assert isinstance(value, int | Decimal)
    return Decimal(value).normalize() if value else Decimal(0)  # -0 is 0


def safe(categories: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Categories as XML holds them (a control character is U+FFFD, as validation warns), read trimmed."""
    return tuple((xml_safe(name).strip(), xml_safe(category).strip()) for name, category in categories)


def kept(
    indicator: rf.Indicator, losses: list[rf.Diagnostic], path: tuple[str | int, ...]
) -> dict[str, object]:
    """What the export of *indicator* keeps, by IATI's rules and the documented losses at *path*."""
    lost = {d.path for d in losses}
    # an ordinal indicator is read back qualitative, its figures texts (the documented "ordinal" loss)
    quantitative = indicator.measure not in (rf.Measure.YES_NO, rf.Measure.QUALITATIVE, rf.Measure.ORDINAL)
    periods = Counter(r.period for r in indicator.achieved)
    actuals: Counter[tuple[object, ...]] = Counter()
    cells: Counter[tuple[object, ...]] = Counter()
    for i, record in enumerate(indicator.achieved):
        value = number(record.value)
        if record.period.is_inverted or periods[record.period] > 1 or not quantitative or value is None:
            continue
        actuals[(record.period, value)] += 1
        for k, breakdown in enumerate(record.breakdowns):
            for c, cell in enumerate(breakdown.cells):
                if (*path, "achieved", i, "breakdowns", k, "cells", c) not in lost and number(
                    cell.value
                ) is not None:
                    cells[(record.period, safe(cell.categories), number(cell.value))] += 1
    in_words = {
        d.message.split(": ", 2)[1] for d in losses if d.path == path and d.message.startswith("in-words")
    }
    targets = [
        number(m.value)
        for k, m in enumerate(indicator.milestones)
        if m.period is not None
        and not m.period.is_inverted
        and all(other.period != m.period for other in indicator.milestones[:k])
    ]
    if indicator.target is not None and not any(w.startswith("Target (end of programme)") for w in in_words):
        targets.append(number(indicator.target.value))
    baseline = indicator.baseline
    year = baseline is not None and (
        (baseline.year is not None and 1 <= baseline.year <= 9999) or baseline.date is not None
    )
    return {
        "targets": sorted(repr(t) for t in targets if t is not None) if quantitative else [],
        "baseline": number(baseline.value) if baseline is not None and year and quantitative else None,
        "direction": indicator.direction,
        "sdg": [
            link.code for link in indicator.links if (*path, "links", indicator.links.index(link)) not in lost
        ],
        "actuals": sorted(actuals.elements(), key=repr),
        "cells": sorted(cells.elements(), key=repr),
    }


def read(indicator: rf.Indicator) -> dict[str, object]:
    quantitative = indicator.measure not in (rf.Measure.YES_NO, rf.Measure.QUALITATIVE)
    actuals = Counter(
        (r.period, number(r.value))
        for r in indicator.achieved
        if quantitative and number(r.value) is not None
    )
    cells = Counter(
        (r.period, cell.categories, number(cell.value))
        for r in indicator.achieved
        if number(r.value) is not None
        for b in r.breakdowns
        for cell in b.cells
    )
    targets = [*([indicator.target] if indicator.target else []), *indicator.milestones]
    return {"targets": sorted(repr(number(t.value)) for t in targets if number(t.value) is not None) if quantitative else [],
            "baseline": number(indicator.baseline.value) if indicator.baseline and quantitative else None,
            "direction": indicator.direction, "sdg": [link.code for link in indicator.links],
            "actuals": sorted(actuals.elements(), key=repr), "cells": sorted(cells.elements(), key=repr)}  # fmt: skip


class TestLosses:
    """What the export loses, listed by iati_losses, documented in docs/interop.md, and nothing else."""

    def test_the_documented_kinds_are_the_functions(self) -> None:
        text = (ROOT / "docs" / "interop.md").read_text(encoding="utf-8")
        section = text.split("### What IATI cannot carry", 1)[1].split("\n## ", 1)[0]
        documented = re.findall(r"^- `([a-z-]+)`: ", section, flags=re.MULTILINE)
        assert sorted(LOSSES) == sorted(documented)

    def test_a_programme_with_every_loss_reports_each_kind(self) -> None:
        programme = rf.load(EXAMPLE)
        assert {"accumulation", "framework-link", "in-words", "not-exported", "original-end", "planning",
                "result-without-indicators", "value-details", "variance-category"} == kinds(programme)  # fmt: skip
        whole = rf.Period(date(2021, 5, 1), date(2021, 9, 30))
        cells = rf.Breakdown.by("sex", {"female": "many", "male": 3}, complete=False)
        indicator = rf.Indicator(
            "9.1", "Spent", rf.Measure.MONEY, currency="USD", target=rf.Target(10), baseline=rf.Baseline(2, qualifier="around", year=2020),
            milestones=(rf.Target(5, period=whole),),
            achieved=(rf.Achieved(whole, 4, breakdowns=(cells,)),),
        )  # fmt: skip
        counted = rf.Indicator(
            "9.2", "People", rf.Measure.COUNT, part_of="1.1.1", second_unit="households",
            achieved=(rf.Achieved(whole, 40, second_value=9),),
        )  # fmt: skip
        (ordinal, *_) = [i for i in rf.load(WORKSHOP).indicators() if i.measure is rf.Measure.ORDINAL]
        output = rf.Output(
            "9.1", "Delivered", indicators=(indicator, counted, attrs.evolve(ordinal, code="9.3"))
        )
        more = attrs.evolve(
            programme, outcomes=(*programme.outcomes, rf.Outcome("9", "O", outputs=(output,)))
        )
        found = kinds(more, code_in_titles=False)
        assert set(LOSSES) == found

    @settings(max_examples=60, deadline=None)
    @given(iati_programmes())
    def test_an_export_reads_back_but_for_what_iati_losses_lists(self, programme: rf.Programme) -> None:
        losses = rf.iati_losses(programme)
        lost = {d.path for d in losses}
        (back,) = rf.from_iati(rf.to_iati(programme, generated=WHEN, default_sector="15190")).programmes
        before = [
            kept(n.item, losses, n.path)
            for n in programme.walk("indicator")
            if isinstance(n.item, rf.Indicator)
        ]
        after = [read(n.item) for n in back.walk("indicator") if isinstance(n.item, rf.Indicator)]
        key = lambda figures: repr(sorted(figures.items(), key=repr))  # noqa: E731
        assert sorted(map(key, before)) == sorted(map(key, after))
        written = [loc for i, loc in enumerate(programme.localities) if ("localities", i) not in lost]
        unnamed = {xml_safe(loc.pcode or "").strip() for loc in programme.localities if not loc.name.strip()}
        assert [as_xml(loc.name) for loc in written] == [
            loc.name for loc in back.localities if loc.name and loc.name not in unnamed
        ]


def as_xml(text: str) -> str:
    """A text as XML gives it back: control characters U+FFFD, line ends LF, read trimmed."""
    return xml_safe(text).replace("\r\n", "\n").replace("\r", "\n").strip()


def kinds(programme: rf.Programme, **options: object) -> set[str]:
    return {d.message.split(":", 1)[0] for d in rf.iati_losses(programme, **options)}  # type: ignore[arg-type]


class TestPublishers:
    @pytest.mark.parametrize("path", sorted(DATA.glob("*.xml")), ids=lambda p: p.stem)
    def test_each_file_reads_and_assesses(self, path: Path) -> None:
        reading = rf.from_iati(path)
        assert reading.programmes
        for programme in reading.programmes:
            rf.assess(programme)
            rf.validate(programme)

    def test_a_un_agencys_results_with_dimensions(self) -> None:
        reading = rf.from_iati(DATA / "un-agency.xml")
        (programme,) = reading.programmes
        assert [("iati-read-total", "iati-activity[0].result[1].indicator[0].period[0].actual[0]")] == codes(
            reading
        )
        assert ("IQ", ("72010",), ("10.7",)) == (
            programme.country,
            tuple(s.code for s in programme.sectors),
            tuple(link.code for link in programme.links),
        )
        legal = programme.outcomes[0].indicators[0]
        assert legal.baseline is not None
        assert legal.target is not None
        assert ("OC1.1", rf.Measure.COUNT, 0, 1200) == (
            legal.code,
            legal.measure,
            legal.baseline.value,
            legal.target.value,
        )
        (record,) = legal.achieved
        assert 1315 == record.value
        assert "Higher demand after the camp closures." == record.narrative
        assert ((("sex", "female"),), 700) == tuple(record.breakdowns[0].cells[0])
        assert rf.Status.EXCEEDED is rf.assess(programme).indicators[0].status
        assert rf.Measure.PERCENTAGE is programme.outcomes[0].indicators[1].measure
        assert [o.code for o in programme.outcomes[0].outputs] == ["1.1"]

    def test_totals_derived_from_dimensions_only_when_asked(self) -> None:
        (programme,) = rf.from_iati(DATA / "un-agency.xml", derive_totals=True).programmes
        (record,) = programme.outcomes[0].outputs[0].indicators[0].achieved
        assert 540 == record.value

    def test_a_bilateral_donors_outcomes_with_values_in_words(self) -> None:
        reading = rf.from_iati(DATA / "bilateral-donor.xml")
        (programme,) = reading.programmes
        assert ["iati-read-value"] * 3 == [code for code, _ in codes(reading)]
        reach, returns = programme.outcomes[0].indicators
        assert reach.baseline is not None
        assert (None, "n/a") == (reach.baseline.value, reach.baseline.text)
        assert (None, "Around 48,000 (estimate, final figures pending)") == (
            reach.achieved[0].value,
            reach.achieved[0].narrative,
        )
        assert returns.target is not None
        assert (None, "about 2,000") == (returns.target.value, returns.target.text)
        policy = programme.outcomes[1].indicators[0]
        assert rf.Measure.QUALITATIVE is policy.measure
        assert "Draft validated by the inter-ministerial committee" == policy.achieved[0].value
        assert "South of Sahara, regional" == programme.country or programme.country

    def test_an_ngos_ordinal_and_nominal_measures_and_missing_bits(self) -> None:
        reading = rf.from_iati(DATA / "ngo.xml")
        assert [
            "iati-read-missing", "iati-read-measure", "iati-read-measure", "iati-read-structure",
            "iati-read-missing", "iati-read-missing", "iati-read-total",
        ] == [code for code, _ in codes(reading)]  # fmt: skip
        assert all(str(d).split("] ", 1)[1].startswith("line ") for d in reading.diagnostics)
        (programme,) = reading.programmes
        assert "NL-KVK-12345678-MIG-04" == programme.title
        assert "fr" == programme.language
        satisfaction, service = programme.outcomes[0].outputs[0].indicators
        assert rf.Measure.QUALITATIVE is satisfaction.measure is service.measure
        assert "hébergement" == service.achieved[0].value

    def test_an_actual_at_a_location_is_a_cell_of_that_place(self) -> None:
        """A publisher's actual with a location and no dimension is the place's cell, not a second total."""
        xml = b"""<iati-activities version="2.03"><iati-activity>
        <iati-identifier>XM-DAC-1-1</iati-identifier><title><narrative>T</narrative></title>
        <activity-date type="1" iso-date="2025-01-01"/><activity-date type="3" iso-date="2025-12-31"/>
        <recipient-country code="IQ"/>
        <location ref="IQG08"><name><narrative>Baghdad</narrative></name></location>
        <location ref="site-7"><name><narrative>Camp 7</narrative></name></location>
        <result type="2"><title><narrative>O</narrative></title>
         <indicator measure="1"><title><narrative>People</narrative></title>
          <period><period-start iso-date="2025-01-01"/><period-end iso-date="2025-06-30"/>
           <actual value="12"/><actual value="5"><location ref="IQG08"/></actual>
           <actual value="7"><location ref="site-7"/></actual>
          </period></indicator></result></iati-activity></iati-activities>"""
        reading = rf.from_iati(xml)
        (programme,) = reading.programmes
        assert (rf.Location("Baghdad", "IQG08"), rf.Location("Camp 7")) == programme.localities
        (record,) = programme.outcomes[0].indicators[0].achieved
        assert 12 == record.value
        assert [((("location", "Baghdad"),), 5), ((("location", "Camp 7"),), 7)] == [
            tuple(cell) for cell in record.breakdowns[0].cells
        ]
        assert [] == codes(reading)

    def test_accumulation_is_an_option(self) -> None:
        (programme,) = rf.from_iati(DATA / "un-agency.xml", accumulation="level").programmes
        assert {rf.Accumulation.LEVEL} == {
            n.item.accumulation for n in programme.walk("indicator") if isinstance(n.item, rf.Indicator)
        }

    def test_bytes_paths_and_files(self) -> None:
        path = DATA / "ngo.xml"
        with path.open("rb") as file:
            read = [rf.from_iati(path.read_bytes()), rf.from_iati(str(path)), rf.from_iati(file)]
        assert read[0] == read[1] == read[2]

    def test_what_is_no_iati_is_refused(self) -> None:
        with pytest.raises(rf.ResultsFrameworkError, match="not 'iati-activities'"):
            rf.from_iati(b"<organisations/>")
        with pytest.raises(rf.ResultsFrameworkError, match="not XML"):
            rf.from_iati(b"title: a programme")


SSOT = Path(__file__).parent / "data" / "iati-ssot"


class TestIatisOwnTestActivities:
    """
    IATI's test activities of the 2.03 standard that hold results (tests/data/iati-ssot, from
    pyIATI): skeletons that try each attribute present or missing, elements repeated, namespaced
    extensions, and (those failing the schema) values IATI refuses.
    """

    FILES = sorted(SSOT.rglob("*.xml"))

    def test_there_are_both_kinds(self) -> None:
        kinds = Counter(path.relative_to(SSOT).parts[0] for path in self.FILES)
        assert {"ssot-activity-xml-pass": 136, "ssot-activity-xml-fail": 133} == kinds

    @pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SSOT).with_suffix("")))
    def test_each_reads_assesses_and_is_exported_or_refused_by_rule(self, path: Path) -> None:
        reading = rf.from_iati(path)
        assert reading.programmes
        for programme in reading.programmes:
            rf.assess(programme).counts()
            rf.validate(programme)
            refusal, document = None, b""
            try:
                document = rf.to_iati(programme, generated=WHEN)
            except rf.ResultsFrameworkError as e:  # a skeleton IATI would not accept
                refusal = str(e)
            if refusal is not None:  # said rule by rule
                assert re.search(r"rule \d+\.\d+\.\d+: ", refusal), refusal
            else:
                errors = [d for d in rf.validate_iati(document, now=WHEN) if d.severity is rf.Severity.ERROR]
                assert [] == errors


class TestCommandLine:
    def test_convert_reads_iati_and_prints_what_it_could_not_map(self, tmp_path: Path) -> None:
        from .test_cli import clean_run

        target = tmp_path / "programme.yaml"
        code, out, _ = clean_run("convert", str(DATA / "ngo.xml"), str(target))
        assert 0 == code
        lines = out.splitlines()
        assert 7 == len(lines)
        assert f"{DATA / 'ngo.xml'}: iati-activity[0]: warning [iati-read-missing] line 4: " in lines[0]
        assert "NL-KVK-12345678-MIG-04" == rf.load(target).title

    def test_the_export_takes_the_sector_and_language(self, tmp_path: Path) -> None:
        from .test_cli import clean_run

        xml, back = tmp_path / "activity.xml", tmp_path / "back.yaml"
        assert (
            0
            == clean_run("convert", str(EXAMPLE), str(xml), "--default-sector", "15190", "--language", "fr")[
                0
            ]
        )
        assert b'<sector vocabulary="1" code="15190"' in xml.read_bytes()
        assert (0, "") == clean_run("convert", str(xml), str(back))[::2]
        assert "fr" == rf.load(back).language
        uri = "https://example.org/framework#{code}"
        assert 0 == clean_run("convert", str(EXAMPLE), str(xml), "--indicator-uri", uri)[0]
        assert b'indicator-uri="https://example.org/framework#1.1.1"' in xml.read_bytes()

    def test_what_is_no_iati_is_refused(self, tmp_path: Path) -> None:
        from .test_cli import clean_run

        other = tmp_path / "other.xml"
        other.write_text("<organisations/>", encoding="utf-8")
        code, _, err = clean_run("convert", str(other), str(tmp_path / "out.yaml"))
        assert 1 == code
        assert "not an IATI document" in err


def test_several_activities_are_several_programmes() -> None:
    both = [rf.load(EXAMPLE), rf.load(ILLUSTRATIVE)]
    reading = rf.from_iati(rf.to_iati(both, generated=WHEN, default_sector="15190"))
    assert [p.title for p in both] == [p.title for p in reading.programmes]
    assert {"iati-activity"} == {d.path[0] for d in reading.diagnostics}


def test_a_qualified_figure_is_stated_in_its_comment_and_read_back() -> None:
    """ "More than 1,600": IATI's value is the number, its comment says it as stated."""
    programme = rf.load(ROOT / "examples" / "iom-iraq-annual-report-illustrative.yaml")
    xml = rf.to_iati(programme).decode()
    assert "Stated as more than 1,600" in xml
    assert not [d for d in rf.validate_iati(xml.encode()) if d.severity is rf.Severity.ERROR]
    (back,) = rf.from_iati(xml.encode()).programmes
    qualified = {
        i.code: [(r.value, r.qualifier) for r in i.achieved if r.qualifier] for i in back.indicators()
    }
    assert [(1600, rf.Qualifier.MORE_THAN)] == qualified["2.1.4"]
    assert [(87000, rf.Qualifier.AROUND)] == qualified["2.1.5"]
    assert all("Stated as" not in (r.narrative or "") for i in back.indicators() for r in i.achieved)

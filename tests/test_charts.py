"""What the charts show: every indicator, marked as what it is; texts kept as texts; periods as people write them."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import resultsframework as rf
from resultsframework.__main__ import main

from .conftest import EXAMPLE, ROOT, WORKSHOP

ILLUSTRATIVE = ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml"
ANNUAL = ROOT / "examples" / "iom-iraq-annual-report-illustrative.yaml"
EXAMPLES = [EXAMPLE, ILLUSTRATIVE, WORKSHOP, ANNUAL]
SVG = "{http://www.w3.org/2000/svg}"

pytestmark = pytest.mark.extras("matplotlib")


def texts(svg: bytes) -> list[str]:
    """Every text the SVG draws, one line each, as a reader sees it (without right-to-left marks)."""
    root = ET.fromstring(svg)
    return [(e.text or "").replace("\u200f", "") for e in root.iter(f"{SVG}text")]


def lines_of(svg: bytes) -> str:
    """The SVG's texts, one a line, spaces as spaces."""
    return "\n".join(re.sub(r"[\u2009\u202f\u00a0]", " ", t) for t in texts(svg))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


def assessed(path: Path, change: object = None) -> rf.Assessment:
    data = json.loads(rf.dumps(rf.load(path)))
    if callable(change):
        change(data)
    return rf.assess(rf.loads(json.dumps(data), "json"))


class TestProgress:
    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
    @pytest.mark.parametrize("locale", ["en", "fr", "ar"])
    def test_every_indicator_appears(self, path: Path, locale: str) -> None:
        assessment = rf.assess(rf.load(path))
        chart = rf.progress_chart(assessment, format="svg", locale=locale)
        shown = texts(chart)
        for item in assessment.indicators:
            assert any(t.startswith(f"{item.code} ") for t in shown), item.code
            assert f"{item.code} {item.indicator.statement}" in chart.description
        assert len(assessment.indicators) == 14 if path == EXAMPLE else 6

    def test_each_is_marked_as_what_it_is(self) -> None:
        assessment = rf.assess(rf.load(EXAMPLE))
        shown = lines_of(rf.progress_chart(assessment, format="svg"))
        assert 3 == shown.count("· Exceeded")
        assert "33.3% · Not achieved" in shown
        assert 6 == shown.count("Yes · Achieved")  # the yes/no indicators, none left out
        assert 2 == shown.count("Not conducted")
        for mark in (
            "Target (100%)",
            "Yes/no indicator: target met",
            "No achievement rate: the note says why",
        ):
            assert mark in shown, mark

    def test_not_reported_no_target_and_a_no(self) -> None:
        def change(data: dict) -> None:  # type: ignore[type-arg]
            indicators = data["outcomes"][0]["outputs"][0]["indicators"]
            indicators[0]["achieved"] = []  # 1.1.1: nothing reported
            del indicators[1]["target"]  # 1.1.2: no target
            indicators[2]["achieved"][0]["value"] = False  # 1.1.3: No, against a target of Yes

        chart = rf.progress_chart(assessed(EXAMPLE, change), format="svg")
        shown = lines_of(chart)
        assert "Not reported" in shown
        assert "20 · No target" in shown
        assert "No · Not achieved" in shown
        assert "Yes/no indicator: target not met" in shown
        assert "1.1.1 Number of Network meetings held: Not reported" in chart.description

    def test_labels_wrap_at_words(self) -> None:
        assessment = rf.assess(rf.load(EXAMPLE))
        shown = texts(rf.progress_chart(assessment, format="svg"))
        statement = assessment["1.2.1"].indicator.statement
        start = next(i for i, t in enumerate(shown) if t.startswith("1.2.1 "))
        lines = shown[start : start + 5]
        assert f"1.2.1 {statement}" == " ".join(lines)
        words = set(f"1.2.1 {statement}".split())
        assert all(set(line.split()) <= words for line in lines)  # no word cut
        assert not any("…" in t or "..." in t for t in shown)

    def test_nothing_to_chart(self) -> None:
        assessment = rf.assess(rf.load(EXAMPLE)).filter(status="behind")
        assert "No indicator to chart." in texts(rf.progress_chart(assessment, format="svg"))


class TestText:
    def test_svg_keeps_text_as_text_with_a_title_and_a_description(self) -> None:
        assessment = rf.assess(rf.load(ILLUSTRATIVE))
        title = assessment.programme.title
        for chart, heading in (
            (rf.progress_chart(assessment, format="svg"), title),
            (rf.status_chart(assessment, format="svg"), title),
            (
                rf.trend_chart(assessment, "1.2.1", format="svg"),
                "1.2.1 # of houses rehabilitated (disaggregated per damage category)",
            ),
        ):
            root = ET.fromstring(chart)
            assert len(texts(chart)) > 10
            assert b"DejaVuSans-" not in bytes(chart)  # no glyphs drawn as paths
            children = list(root)
            assert (f"{SVG}title", f"{SVG}desc") == (children[0].tag, children[1].tag)
            assert (heading, chart.description) == (children[0].text, children[1].text)

    def test_the_setting_is_scoped(self) -> None:
        import matplotlib
        import matplotlib.pyplot

        matplotlib.pyplot.get_backend()  # resolved on first use: in a fresh process, by this chart
        before = dict(matplotlib.rcParams)
        rf.progress_chart(rf.assess(rf.load(ILLUSTRATIVE)), format="svg", locale="ar")
        assert before == dict(matplotlib.rcParams)
        assert "path" == matplotlib.rcParams["svg.fonttype"]

    def test_png_carries_its_description(self) -> None:
        from PIL import Image

        chart = rf.progress_chart(rf.assess(rf.load(ILLUSTRATIVE)))
        image = Image.open(io.BytesIO(chart))
        assert chart.description == image.info["Description"]
        assert image.info["Title"].startswith("Sustainable reintegration")

    def test_a_chart_keeps_its_description_when_pickled(self) -> None:
        import pickle

        chart = rf.trend_chart(rf.assess(rf.load(ILLUSTRATIVE)), "1.2.1")
        copied = pickle.loads(pickle.dumps(chart))
        assert (chart, chart.format, chart.description) == (copied, copied.format, copied.description)
        assert "Q1 2025: 12 (Milestone: 20)" in chart.description

    def test_a_localizer_is_a_locale(self) -> None:
        assessment = rf.assess(rf.load(ILLUSTRATIVE))
        chart = rf.progress_chart(assessment, format="svg", locale=rf.Localizer("ar", digits="arab"))
        assert "٨٤٫٠٪" in lines_of(chart).replace("\u061c", "").replace("\u200e", "")

    def test_the_command_takes_the_digits(self, tmp_path: Path) -> None:
        target = tmp_path / "progress.svg"
        argv = ("chart", str(ILLUSTRATIVE), "-l", "ar", "--digits", "arab", "-o", str(target))
        assert (0, "", "") == run(*argv)
        assert "٨٤٫٠٪" in lines_of(target.read_bytes()).replace("\u061c", "").replace("\u200e", "")


class TestRightToLeft:
    def anchors(self, locale: str) -> set[str]:
        svg = rf.progress_chart(rf.assess(rf.load(EXAMPLE)), format="svg", locale=locale).decode()
        labels = re.findall(r'<text style="([^"]*)"[^>]*>1\.1\.1 Number', svg)
        return {
            re.sub(r".*text-anchor: (\w+).*", r"\1", s) if "text-anchor" in s else "start" for s in labels
        }

    def test_labels_on_the_right_in_arabic(self) -> None:
        assert {"end"} == self.anchors("en")  # on the left of the bars, ending at them
        assert {"start"} == self.anchors("ar")  # on their right, starting at them

    def test_arabic_lines_are_held_right_to_left(self) -> None:
        svg = rf.progress_chart(rf.assess(rf.load(EXAMPLE)), format="svg", locale="ar")
        raw = [e.text or "" for e in ET.fromstring(svg).iter(f"{SVG}text")]
        arabic = [t for t in raw if re.match(r"[\u200f]?[\u0600-\u06ff]", t)]
        assert arabic
        assert all(t.startswith("\u200f") and t.endswith("\u200f") for t in arabic)
        assert not any("\u200f" in t for t in raw if t.startswith("1.1.1"))  # English stays as it is
        assert "نسبة الإنجاز مقارنة بالهدف، حتى تاريخ 31 ديسمبر 2021" in texts(svg)


class TestTrend:
    def test_target_milestones_and_legend(self) -> None:
        shown = lines_of(rf.trend_chart(rf.assess(rf.load(ILLUSTRATIVE)), "1.2.1", format="svg"))
        for text in ("Achieved value", "Milestone", "Total to date", "Target (end of programme): 120"):
            assert text in shown, text
        values = [t for t in shown.splitlines() if t in ("12", "27")]
        assert ["12", "27"] == values[:2]  # the values, in order (the total to date follows)

    @pytest.mark.parametrize(
        ("path", "code", "locale", "periods"),
        [
            (ILLUSTRATIVE, "1.2.1", "en", ["Q1 2025", "Q2 2025"]),
            (ILLUSTRATIVE, "1.2.1", "fr", ["T1 2025", "T2 2025"]),
            (ILLUSTRATIVE, "1.2.1", "ar", ["الربع 1 2025", "الربع 2 2025"]),
            (EXAMPLE, "1.1.2", "en", ["1 May – 30 Dec 2021"]),
            (EXAMPLE, "1.1.2", "fr", ["1 mai – 30 déc. 2021"]),
        ],
    )
    def test_periods_as_people_write_them(
        self, path: Path, code: str, locale: str, periods: list[str]
    ) -> None:
        chart = rf.trend_chart(rf.assess(rf.load(path)), code, format="svg", locale=locale)
        shown = lines_of(chart)
        for period in periods:
            assert period in shown.replace("\n", " "), period
        assert "2025Q1" not in shown
        assert "2021-05-01" not in shown

    def test_a_span_of_whole_months(self) -> None:
        def change(data: dict) -> None:  # type: ignore[type-arg]
            for indicator in data["outcomes"][0]["outputs"][0]["indicators"]:
                for record in indicator["achieved"]:
                    record["period"] = "2021-05-01/2021-12-31"

        shown = lines_of(rf.trend_chart(assessed(EXAMPLE, change), "1.1.2", format="svg"))
        assert "May – Dec 2021" in shown

    @pytest.mark.parametrize(
        ("code", "message"),
        [
            ("1.4.1", "No value reported to draw."),
            ("1.1.3", "A yes/no indicator has no values to draw over time."),
        ],
    )
    def test_nothing_to_draw_says_so(self, code: str, message: str) -> None:
        chart = rf.trend_chart(rf.assess(rf.load(EXAMPLE)), code, format="svg")
        shown = texts(chart)
        assert message in shown
        assert message in chart.description
        assert not any(t == "Achieved value" for t in shown)  # no empty plot with its legend

    def test_nothing_to_draw_in_french(self) -> None:
        chart = rf.trend_chart(rf.assess(rf.load(EXAMPLE)), "1.4.2", format="svg", locale="fr")
        assert "Aucune valeur rapportée à représenter." in texts(chart)


class TestStatus:
    def test_by_organisation_draws_bars(self) -> None:
        assessment = rf.assess(rf.load(ILLUSTRATIVE))
        chart = rf.status_chart(assessment, by="organisation", format="svg")
        shown = texts(chart)
        assert "IOM – International Organization for" in shown
        assert {"5", "1", "2"} <= set(shown)  # the counts in the segments
        assert "On track: 5 and Behind: 1" in chart.description

    def test_the_command_by_organisation(self, tmp_path: Path) -> None:
        target = tmp_path / "org.svg"
        assert (0, "", "") == run("chart", str(ILLUSTRATIVE), "--by", "organisation", "-o", str(target))
        svg = target.read_bytes()
        assert len(re.findall(rb'<g id="patch_\d+">', svg)) >= 4  # the axes' background and three bars
        assert "5" in texts(svg)

    @pytest.mark.parametrize("by", ["output", "outcome", "organisation"])
    @pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
    def test_every_indicator_is_counted(self, path: Path, by: str) -> None:
        assessment = rf.assess(rf.load(path))
        chart = rf.status_chart(assessment, by=by, format="svg")
        counted = sum(int(n) for n in re.findall(r": (\d+)", chart.description))
        assert counted >= len(assessment.indicators)
        if by != "organisation":
            assert counted == len(assessment.indicators)

    def test_outcome_indicators_have_a_row_by_output(self) -> None:
        chart = rf.status_chart(rf.assess(rf.load(ILLUSTRATIVE)), by="output", format="svg")
        assert any(t.startswith("Outcome 1: Returnees") for t in texts(chart))

    def test_an_unknown_grouping(self) -> None:
        with pytest.raises(ValueError, match="'output', 'outcome' or 'organisation'"):
            rf.status_chart(rf.assess(rf.load(ILLUSTRATIVE)), by="donor")


@pytest.mark.extras("matplotlib", "docx")
@pytest.mark.parametrize(
    ("locale", "caption"),
    [
        ("en", "Figure 1: Achievement rate against target"),
        ("fr", "Figure 1\u202f: Taux de réalisation par rapport à la cible"),
        ("ar", "الشكل 1: نسبة الإنجاز مقارنة بالهدف"),
    ],
)
def test_the_report_chart_has_a_numbered_caption_and_alt_text(locale: str, caption: str) -> None:
    import docx

    programme = rf.load(EXAMPLE)
    document = docx.Document(io.BytesIO(rf.report(programme, "docx", locale, charts=True)))
    (shape,) = document.inline_shapes
    described = rf.progress_chart(rf.assess(programme), locale=locale).description
    assert described == shape._inline.docPr.get("descr")
    assert "1.4.2" in described
    captions = [p for p in document.paragraphs if p.text == caption]
    assert 1 == len(captions)
    style = captions[0].style
    assert style is not None
    assert "Caption" == style.name


def test_a_figure_in_two_units_keeps_its_second_unit_in_the_trend_chart() -> None:
    """ "5,168 households (25,521 individuals)": the individuals in the table and the description."""
    annual = rf.load(ROOT / "examples" / "iom-iraq-annual-report-illustrative.yaml")
    chart = rf.trend_chart(rf.assess(annual), "2.1.1", format="svg")
    drawn = texts(chart)
    assert "individuals" in drawn
    assert "25,521" in drawn
    assert "5,168 (25,521 individuals)" in chart.description

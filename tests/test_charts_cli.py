"""Charts, the convert and chart commands, and the analyst's example script."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

import resultsframework as rf
from resultsframework.__main__ import main

from .conftest import EXAMPLE, ROOT

pytest.importorskip("matplotlib")
ILLUSTRATIVE = ROOT / "examples" / "iom-iraq-reintegration-illustrative.yaml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out=out, err=err), out.getvalue(), err.getvalue()


class TestCharts:
    def test_each_chart_is_an_image_and_the_same_each_time(self) -> None:
        assessment = rf.assess(rf.load(ILLUSTRATIVE))

        def draw(kind: str, fmt: str) -> bytes:
            if kind == "progress":
                return rf.progress_chart(assessment, format=fmt)  # type: ignore[arg-type]
            if kind == "status":
                return rf.status_chart(assessment, format=fmt)  # type: ignore[arg-type]
            return rf.trend_chart(assessment, "1.2.1", format=fmt)  # type: ignore[arg-type]

        for kind in ("progress", "status", "trend"):
            png = draw(kind, "png")
            assert png.startswith(b"\x89PNG")
            assert png == draw(kind, "png")
            assert b"<svg" in draw(kind, "svg")

    def test_a_chart_shows_itself_and_is_still_bytes(self, tmp_path: Path) -> None:
        import copy
        import pickle

        from resultsframework.formats.charts import Chart

        assessment = rf.assess(rf.load(ILLUSTRATIVE))
        png = rf.progress_chart(assessment)
        svg = rf.status_chart(assessment, format="svg")
        trend = rf.trend_chart(assessment, "1.2.1")
        for chart, kind in ((png, "png"), (svg, "svg"), (trend, "png")):
            assert isinstance(chart, Chart)
            assert isinstance(chart, bytes)
            assert kind == chart.format
            assert f"Chart({kind}, {len(chart):,} bytes)" == repr(chart)
            assert bytes(chart) == chart
            assert hash(bytes(chart)) == hash(chart)
            target = tmp_path / f"chart.{kind}"
            target.write_bytes(chart)
            assert target.read_bytes() == chart
            for copied in (pickle.loads(pickle.dumps(chart)), copy.copy(chart), copy.deepcopy(chart)):
                assert (chart, kind) == (copied, copied.format)
        assert len(repr(png)) < 40
        assert bytes(png) == png._repr_png_()
        assert png._repr_svg_() is None
        assert svg._repr_png_() is None
        assert svg.decode("utf-8") == svg._repr_svg_()
        assert type(png[:4]) is bytes
        assert png[:4] == b"\x89PNG"
        with pytest.raises(ValueError, match="'png' or 'svg'"):
            Chart(b"GIF89a", "gif")  # type: ignore[arg-type]

    def test_control_characters_in_texts_still_make_an_svg_document(self) -> None:
        """matplotlib writes each text into the SVG: one it holds as written would break the XML."""
        import json
        import xml.etree.ElementTree as ET

        data = json.loads(rf.dumps(rf.load(ILLUSTRATIVE)))
        data["title"] = "Title\x1b[2J"
        data["outcomes"][0]["code"] = "1\x01"
        data["outcomes"][0]["outputs"][1]["indicators"][0]["statement"] = "Houses\x00"
        assessment = rf.assess(rf.loads(json.dumps(data), "json"))
        for chart in (
            rf.progress_chart(assessment, format="svg"),
            rf.status_chart(assessment, by="output", format="svg"),
            rf.status_chart(assessment, by="outcome", format="svg"),
            rf.trend_chart(assessment, "1.2.1", format="svg"),
        ):
            ET.fromstring(chart)

    def test_arabic_labels(self) -> None:
        svg = rf.progress_chart(rf.assess(rf.load(ILLUSTRATIVE)), format="svg", locale="ar")
        assert svg.startswith(b"<?xml")


class TestConvert:
    def test_tracker_round_trip_through_the_command(self, tmp_path: Path) -> None:
        tracker, back = tmp_path / "tracker.xlsx", tmp_path / "back.yaml"
        assert 0 == run("convert", str(ILLUSTRATIVE), str(tracker))[0]
        assert 0 == run("convert", str(tracker), str(back), "--programme", str(ILLUSTRATIVE))[0]
        assert ILLUSTRATIVE.read_text(encoding="utf-8") == back.read_text(encoding="utf-8")

    def test_iati_and_hxl(self, tmp_path: Path) -> None:
        xml, hxl = tmp_path / "results.xml", tmp_path / "values.csv"
        assert 0 == run("convert", str(EXAMPLE), str(xml), "--reporting-org", "XM-DAC-47066")[0]
        assert [] == rf.validate_iati(xml.read_bytes())
        assert 0 == run("convert", str(EXAMPLE), str(hxl))[0]
        assert "#indicator +code" in hxl.read_text(encoding="utf-8").splitlines()[1]

    def test_json_yaml(self, tmp_path: Path) -> None:
        target = tmp_path / "p.json"
        assert 0 == run("convert", str(EXAMPLE), str(target))[0]
        assert rf.load(EXAMPLE) == rf.load(target)

    def test_usage_errors(self, tmp_path: Path) -> None:
        assert 2 == run("convert", str(EXAMPLE), str(tmp_path / "p.pdf"))[0]
        assert 2 == run("convert", str(tmp_path / "t.xlsx"), str(tmp_path / "p.yaml"))[0]


class TestChartCommand:
    def test_trend(self, tmp_path: Path) -> None:
        target = tmp_path / "trend.png"
        assert 0 == run("chart", str(ILLUSTRATIVE), "--indicator", "1.1.1", "-o", str(target))[0]
        assert target.read_bytes().startswith(b"\x89PNG")

    def test_unknown_indicator(self, tmp_path: Path) -> None:
        code, _, err = run("chart", str(ILLUSTRATIVE), "--indicator", "9.9", "-o", str(tmp_path / "x.png"))
        assert (2, "resultsframework: no indicator '9.9'\n") == (code, err)
        code, _, err = run("chart", str(ILLUSTRATIVE), "--indicator", "1.1.l", "-o", str(tmp_path / "x.png"))
        assert 2 == code
        assert err.startswith("resultsframework: no indicator '1.1.l'; did you mean ")
        assert "'1.1.1'" in err
        assert [] == list(tmp_path.iterdir())

    def test_status_by_output_as_svg(self, tmp_path: Path) -> None:
        target = tmp_path / "status.svg"
        code, out, err = run(
            "chart", str(ILLUSTRATIVE), "--by", "output", "-o", str(target), "--locale", "fr"
        )
        assert (0, "", "") == (code, out, err)
        assert b"<svg" in target.read_bytes()

    def test_usage_errors(self, tmp_path: Path) -> None:
        assert 2 == run("chart", str(ILLUSTRATIVE), "-o", str(tmp_path / "x.gif"))[0]
        assert 2 == run("chart", str(ILLUSTRATIVE), "--by", "donor", "-o", str(tmp_path / "x.png"))[0]
        assert 2 == run("chart", str(ILLUSTRATIVE), "--as-of", "soon", "-o", str(tmp_path / "x.png"))[0]
        assert [] == list(tmp_path.iterdir())


def test_the_analyst_example_runs(tmp_path: Path) -> None:
    """examples/analyst.py, as an analyst would run it."""
    result = subprocess.run([sys.executable, str(ROOT / "examples" / "analyst.py"), str(tmp_path)],
                            capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    assert 0 == result.returncode, result.stderr[-3000:]
    assert "1.2.1" in result.stdout
    assert {"mptf-table.html", "results.iati.xml", "values.hxl.csv", "trend-1.2.1.png"} <= {
        p.name for p in tmp_path.iterdir()
    }


def test_report_with_a_chart(tmp_path: Path) -> None:
    import docx

    target = tmp_path / "report.docx"
    assert 0 == run("report", str(ILLUSTRATIVE), "-o", str(target), "--charts")[0]
    document = docx.Document(str(target))
    assert 1 == len(document.inline_shapes)


def test_the_older_fmt_keyword_still_works_and_warns() -> None:
    pytest.importorskip("matplotlib")
    assessment = rf.assess(rf.load(ILLUSTRATIVE))
    with pytest.warns(DeprecationWarning, match="format="):
        old = rf.progress_chart(assessment, fmt="svg")
    assert old == rf.progress_chart(assessment, format="svg")
    with pytest.raises(ValueError, match="'png' or 'svg'"):
        rf.progress_chart(assessment, format="gif")  # type: ignore[arg-type]

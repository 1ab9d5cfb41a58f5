"""Surveys and scales: a Likert-type question as counts per answer, judged as a share or a mean."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import resultsframework as rf
from resultsframework.text.l10n import Localizer

from .conftest import WORKSHOP
from .test_render import golden

AGREEMENT = rf.Scale(
    tuple(
        rf.ScaleOption(word, score=n)
        for n, word in enumerate(("strongly_disagree", "disagree", "neutral", "agree", "strongly_agree"), 1)
    )
)


def answers(**counts: int) -> rf.Breakdown:
    return rf.Breakdown.by("response", counts)


def survey(*achieved: rf.Achieved, target: rf.Value = 80, **fields: object) -> rf.Programme:
    """A programme of a participant count (16 in 2026Q4) and one ordinal indicator."""
    participants = rf.Indicator(
        "1.1.1", "Participants", "count", target=rf.Target(26),
        achieved=(rf.Achieved("2026Q4", 16), rf.Achieved("2027Q1", 10)),
    )  # fmt: skip
    options: dict[str, object] = {"scale": AGREEMENT, "population": "1.1.1", **fields}
    useful = rf.Indicator(
        "1.1.2",
        "% who agree the workshop was useful",
        "ordinal",
        target=rf.Target(target),
        achieved=achieved,
        **options,  # type: ignore[arg-type]
    )
    output = rf.Output("1.1", "Officials trained", indicators=(participants, useful))
    return rf.Programme("Workshops", outcomes=(rf.Outcome("1", "Governance", outputs=(output,)),))


def codes(programme: rf.Programme) -> list[tuple[str, str]]:
    return [(d.code, d.location()) for d in rf.validate(programme)]


class TestTheCaseThatFailedBefore:
    """8 agree and 6 strongly agree of 14: a share broken down by answer pools 8/14 + 6/14 into 14/28."""

    def test_a_percentage_broken_down_by_a_likert_dimension_contradicts_itself(self) -> None:
        shares = rf.Breakdown.by("likert", {"agree": rf.Ratio(8, 14), "strongly_agree": rf.Ratio(6, 14)})
        indicator = rf.Indicator(
            "1.1", "% agreeing", "percentage", target=rf.Target(80),
            achieved=(rf.Achieved("2026Q4", rf.Ratio(14, 14), breakdowns=(shares,)),),
        )  # fmt: skip
        programme = rf.Programme(
            "Workshop",
            dimensions=(rf.Dimension("likert"),),
            outcomes=(rf.Outcome("1", "o", indicators=(indicator,)),),
        )
        assert ["breakdown-total"] == [d.code for d in rf.validate(programme)]

    def test_the_ordinal_measure_counts_the_answers_and_agrees_with_itself(self) -> None:
        programme = survey(rf.Achieved("2026Q4", 14, breakdowns=(answers(agree=8, strongly_agree=6),)))
        assert [] == rf.validate(programme)
        overall = rf.assess(programme)["1.1.2"].overall
        assert rf.Ratio(8 + 6, 14) == overall.achieved  # 14 of 14, not 14 of 28
        assert overall.responses is not None
        assert (0, 0, 0, 8, 6) == overall.responses.counts
        assert Decimal(62) / Decimal(14) == overall.responses.mean  # (8 * 4 + 6 * 5) / 14, exact
        assert rf.Status.EXCEEDED is overall.status


class TestAssessment:
    def test_the_top_box_share_is_judged_against_a_target_in_percent(self) -> None:
        programme = survey(
            rf.Achieved("2026Q4", 14, breakdowns=(answers(disagree=1, neutral=1, agree=6, strongly_agree=6),))
        )
        overall = rf.assess(programme)["1.1.2"].overall
        assert rf.Ratio(12, 14) == overall.achieved
        assert rf.Status.EXCEEDED is overall.status
        assert Decimal(12) * 100 / 14 / 80 == overall.achievement_rate
        assert overall.responses is not None
        assert rf.Ratio(14, 16) == overall.responses.response_rate

    def test_a_share_below_target(self) -> None:
        programme = survey(rf.Achieved("2026Q4", 10, breakdowns=(answers(neutral=4, agree=6),)))
        assert rf.Status.NOT_ACHIEVED is rf.assess(programme)["1.1.2"].status

    def test_a_mean_score_target_is_judged_on_the_exact_mean(self) -> None:
        scale = rf.Scale(AGREEMENT.options, measured_by="mean")
        given = (answers(neutral=2, agree=7, strongly_agree=5),)
        programme = survey(rf.Achieved("2026Q4", 14, breakdowns=given), target=Decimal("4.0"), scale=scale)
        overall = rf.assess(programme)["1.1.2"].overall
        assert Decimal(59) / Decimal(14) == overall.achieved  # 4.2142857..., a Decimal, never a float
        assert isinstance(overall.achieved, Decimal)
        assert rf.Status.EXCEEDED is overall.status
        missed = survey(rf.Achieved("2026Q4", 14, breakdowns=given), target=Decimal("4.5"), scale=scale)
        assert rf.Status.NOT_ACHIEVED is rf.assess(missed)["1.1.2"].status

    def test_a_top_three_box(self) -> None:
        scale = rf.Scale(AGREEMENT.options, top_box=3)
        given = (answers(disagree=2, neutral=4, agree=4, strongly_agree=4),)
        programme = survey(rf.Achieved("2026Q4", 14, breakdowns=given), scale=scale)
        assert rf.Ratio(12, 14) == rf.assess(programme)["1.1.2"].overall.achieved

    def test_two_workshops_pool_their_answers_and_each_period_has_its_own(self) -> None:
        programme = survey(
            rf.Achieved("2026Q4", 14, breakdowns=(answers(disagree=2, agree=6, strongly_agree=6),)),
            rf.Achieved("2027Q1", 8, breakdowns=(answers(neutral=4, agree=4),)),
        )
        item = rf.assess(programme)["1.1.2"]
        assert rf.Ratio(16, 22) == item.overall.achieved  # counts added, then the share
        assert [rf.Ratio(12, 14), rf.Ratio(4, 8)] == [p.achieved for p in item.periods]
        assert item.overall.responses is not None
        assert rf.Ratio(22, 26) == item.overall.responses.response_rate
        assert [rf.Ratio(14, 16), rf.Ratio(8, 10)] == [
            p.responses.response_rate for p in item.periods if p.responses is not None
        ]

    def test_answers_crossed_with_sex_add_up_per_answer(self) -> None:
        crossed = rf.Breakdown.by(
            ("sex", "response"),
            {
                ("female", "agree"): 3,
                ("male", "agree"): 5,
                ("female", "neutral"): 2,
                ("male", "strongly_agree"): 4,
            },
        )
        programme = survey(rf.Achieved("2026Q4", 14, breakdowns=(crossed,)))
        assert [] == rf.validate(programme)
        assert rf.Ratio(12, 14) == rf.assess(programme)["1.1.2"].overall.achieved

    def test_respondents_not_broken_down_by_answer_are_no_figure(self) -> None:
        programme = survey(rf.Achieved("2026Q4", 14))
        overall = rf.assess(programme)["1.1.2"].overall
        assert (None, rf.Status.NO_DATA) == (overall.achieved, overall.status)
        assert ("the respondents are not broken down by the answers of the scale",) == overall.notes
        assert [("responses-missing", "outcomes[0].outputs[0].indicators[1].achieved[0].breakdowns")] == [
            c for c in codes(programme) if c[0] != "variance-missing"
        ]


class TestValidation:
    def test_an_ordinal_indicator_needs_its_scale(self) -> None:
        programme = survey(rf.Achieved("2026Q4", 3, breakdowns=(answers(agree=3),)), scale=None)
        assert ("scale-missing", "outcomes[0].outputs[0].indicators[1]") in codes(programme)

    def test_a_scale_that_is_not_one(self) -> None:
        options = (rf.ScaleOption("agree", score=1), rf.ScaleOption("agree"), rf.ScaleOption("no", score=3))
        scale = rf.Scale(options, top_box=4, measured_by="mean")
        programme = survey(scale=scale)
        at = "outcomes[0].outputs[0].indicators[1].scale"
        assert [
            ("scale-invalid", f"{at}.options[1].id"),
            ("scale-invalid", f"{at}.options[1].score"),
            ("scale-invalid", f"{at}.top_box"),
        ] == [c for c in codes(programme) if c[0] != "variance-missing"]

    def test_a_scale_on_an_indicator_that_is_not_ordinal(self) -> None:
        count = rf.Indicator("1.1", "Participants", "count", scale=AGREEMENT)
        programme = rf.Programme("p", outcomes=(rf.Outcome("1", "o", indicators=(count,)),))
        assert [("scale-invalid", "outcomes[0].indicators[0].scale")] == codes(programme)

    def test_an_answer_the_scale_does_not_have(self) -> None:
        programme = survey(rf.Achieved("2026Q4", 3, breakdowns=(answers(agree=2, maybe=1),)))
        found = rf.validate(programme)
        assert ["unknown-category"] == [d.code for d in found if d.code != "variance-missing"]
        assert "maybe" in found[0].message

    def test_the_value_is_the_respondents_not_a_share(self) -> None:
        given = (answers(agree=8, strongly_agree=6),)
        programme = survey(rf.Achieved("2026Q4", rf.Ratio(14, 14), breakdowns=given))
        found = [d for d in rf.validate(programme) if d.code == "measure-mismatch"]
        assert ["outcomes[0].outputs[0].indicators[1].achieved[0].value"] == [d.location() for d in found]
        assert "number of respondents" in found[0].message

    def test_the_answers_add_up_to_the_respondents(self) -> None:
        programme = survey(rf.Achieved("2026Q4", 15, breakdowns=(answers(agree=8, strongly_agree=6),)))
        assert ["breakdown-total"] == [d.code for d in rf.validate(programme)]

    def test_more_respondents_than_participants(self) -> None:
        programme = survey(rf.Achieved("2026Q4", 17, breakdowns=(answers(agree=11, strongly_agree=6),)))
        (found,) = rf.validate(programme)
        assert (
            "respondents-exceed-population",
            "outcomes[0].outputs[0].indicators[1].achieved[0].value",
        ) == (
            found.code,
            found.location(),
        )
        assert "17 respondents in 2026Q4, more than the 16 counted by indicator 1.1.1" == found.message

    def test_a_percentage_whose_denominator_exceeds_the_participants(self) -> None:
        share = rf.Indicator(
            "1.1.3", "% employed", "percentage", target=rf.Target(50), population="1.1.1",
            achieved=(rf.Achieved("2026Q4", rf.Ratio(9, 18)),),
        )  # fmt: skip
        programme = survey()
        output = programme.outcomes[0].outputs[0]
        programme = rf.Programme(
            "p",
            outcomes=(
                rf.Outcome(
                    "1", "o", outputs=(rf.Output("1.1", "o", indicators=(*output.indicators, share)),)
                ),
            ),
        )
        assert [
            ("respondents-exceed-population", "outcomes[0].outputs[0].indicators[2].achieved[0].value")
        ] == [c for c in codes(programme) if c[0] == "respondents-exceed-population"]

    def test_the_population_names_an_indicator(self) -> None:
        programme = survey(rf.Achieved("2026Q4", 3, breakdowns=(answers(agree=3),)), population="1.1.9")
        (found,) = [d for d in rf.validate(programme) if d.code == "population-unknown"]
        assert "outcomes[0].outputs[0].indicators[1].population" == found.location()
        assert "1.1.1" in found.message  # the nearest code is suggested
        assert rf.assess(programme)["1.1.2"].overall.responses.response_rate is None  # type: ignore[union-attr]


class TestWords:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            (
                "en",
                "85.7% agree or strongly agree (12 of 14 respondents; mean 4.2 of 5); 14 of 16 answered (87.5%)",
            ),
            (
                "fr",
                "85,7\u202f% d’accord ou tout à fait d’accord (12 répondants sur 14\u202f; moyenne 4,2 sur 5)"
                "\u202f; 14 sur 16 ont répondu (87,5\u202f%)",
            ),
            (
                "ar",
                "85.7% موافق أو موافق بشدة (12 من أصل 14 مستجيبًا؛ المتوسط 4.2 من 5)؛ أجاب 14 من أصل 16 (87.5%)",
            ),
        ],
    )
    def test_the_answers_in_words(self, locale: str, expected: str) -> None:
        overall = rf.assess(rf.load(WORKSHOP))["1.1.2"].overall
        assert overall.responses is not None
        assert expected == Localizer(locale).responses(overall.responses)

    def test_a_mean_score_comes_first_and_labels_are_the_scales(self) -> None:
        overall = rf.assess(rf.load(WORKSHOP))["1.1.3"].overall
        assert overall.responses is not None
        assert "Mean 4.2 of 5 (85.7% good or very good; 12 of 14 respondents); 14 of 16 answered (87.5%)" == (
            Localizer("en").responses(overall.responses)
        )


class TestWorkshopExample:
    def test_it_is_illustrative_and_valid(self) -> None:
        programme = rf.load(WORKSHOP)
        assert "illustrative" in programme.narrative["executive_summary"]
        assert [] == rf.validate(programme)
        assert {
            "1.1.1": rf.Status.ACHIEVED,
            "1.1.2": rf.Status.EXCEEDED,
            "1.1.3": rf.Status.EXCEEDED,
            "1.1.4": rf.Status.EXCEEDED,
        } == {i.code: i.status for i in rf.assess(programme).indicators}

    def test_a_percentage_states_how_many_of_those_asked_answered(self) -> None:
        # 15 of the 16 participants (indicator 1.1.1) took the test; 13 of them passed
        programme = rf.load(WORKSHOP)
        overall = next(i for i in rf.assess(programme).indicators if i.code == "1.1.4").overall
        assert overall.population == 16
        assert overall.response_rate == rf.Ratio(15, 16)
        table = rf.render(programme, "md", template="iptt")
        assert "13/15 (86.7%); 15 of 16 answered (93.8%)" in table
        assert "13/15 (86,7\u202f%)\u202f; 15 sur 16 ont répondu (93,8\u202f%)" in rf.render(
            programme, "md", "fr", template="iptt"
        )

    def test_without_its_population_a_percentage_states_no_response_rate(self, tmp_path: Path) -> None:
        text = WORKSHOP.read_text(encoding="utf-8")
        head, tail = text.rsplit("      population: 1.1.1\n", 1)  # 1.1.4's, the last
        (tmp_path / "workshop.yaml").write_text(head + tail, encoding="utf-8")
        programme = rf.load(tmp_path / "workshop.yaml")
        overall = next(i for i in rf.assess(programme).indicators if i.code == "1.1.4").overall
        assert (overall.population, overall.response_rate) == (None, None)
        assert "answered" not in rf.render(programme, "md", template="iptt").split("1.1.4")[1].split("\n")[0]

    @pytest.mark.parametrize("locale", ["en", "fr", "ar"])
    def test_the_mptf_table(self, locale: str) -> None:
        golden(f"mptf-workshop-{locale}.md", rf.render(rf.load(WORKSHOP), "md", locale))

    def test_the_iptt(self) -> None:
        golden("iptt-workshop-en.md", rf.render(rf.load(WORKSHOP), "md", template="iptt"))

    def test_the_frame_keeps_the_counts_and_comes_back(self) -> None:
        programme = rf.load(WORKSHOP)
        frame = rf.to_dataframe(programme)
        rows = frame[(frame["indicator"] == "1.1.2") & (frame["row"] == "cell")]
        assert {"agree": 6, "strongly_agree": 6, "disagree": 1, "neutral": 1, "strongly_disagree": 0} == dict(
            zip(rows["response"], rows["value"], strict=True)
        )
        assert programme == rf.from_dataframe(programme, frame)

    def test_the_tracker_asks_for_counts_and_comes_back(self) -> None:
        import io

        from openpyxl import load_workbook

        programme = rf.load(WORKSHOP)
        workbook = rf.tracker_workbook(programme)
        assert programme == rf.read_tracker(programme, workbook)
        sheets = load_workbook(io.BytesIO(workbook))
        told = [str(c.value) for c in sheets["Instructions"]["A"] if c.value]
        assert any(line.startswith("Answers on a scale (indicators 1.1.2, 1.1.3)") for line in told)
        headers = [c.value for c in sheets["Tracker"][1]]
        assert {"response: agree", "response: very_good"} <= set(headers)

    def test_iati_carries_the_figure_and_the_answers_in_words(self) -> None:
        xml = rf.to_iati(rf.load(WORKSHOP), default_sector="15190")
        text = xml if isinstance(xml, str) else xml.decode()
        assert text.count('measure="4"') == 2  # IndicatorMeasure 4: ordinal
        assert '<actual value="85.71">' in text
        assert '<actual value="4.21">' in text
        assert "85.7% agree or strongly agree (12 of 14 respondents; mean 4.2 of 5)" in text
        assert [] == rf.validate_iati(text.encode())

    def test_every_indicator_is_in_the_progress_chart_as_what_it_is(self) -> None:
        chart = rf.progress_chart(rf.assess(rf.load(WORKSHOP)), format="svg")
        assert "1.1.1 " in chart.description
        assert "107.1% · 85.7% agree or strongly agree · Exceeded" in chart.description
        assert "105.4% · Mean 4.2 of 5 · Exceeded" in chart.description


def test_the_columnar_path_takes_the_object_path_for_ordinal_indicators(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    from resultsframework.interop.columnar import assess_parquet, to_parquet

    programme = rf.load(WORKSHOP)
    out = to_parquet([programme], tmp_path / "out")
    figures = {f.indicator: f for f in assess_parquet(out, programmes=[programme])}
    assert "object" == figures["1.1.2"].path
    assert rf.Status.EXCEEDED is figures["1.1.2"].status


def test_the_trend_chart_draws_the_share_to_date_not_the_respondents() -> None:
    from .test_charts import lines_of

    programme = survey(
        rf.Achieved("2026Q4", 14, breakdowns=(answers(disagree=2, agree=6, strongly_agree=6),)),
        rf.Achieved("2027Q1", 8, breakdowns=(answers(neutral=4, agree=4),)),
    )
    chart = rf.trend_chart(rf.assess(programme), "1.1.2", format="svg")
    assert "Q4 2026: 85.7%; Q1 2027: 50.0%" in chart.description
    shown = lines_of(chart)
    assert "Overall to date" in shown
    assert "72.7%" in shown  # 16 of 22 respondents over both workshops, not 22 (the respondents)


def test_a_roll_up_pools_the_answers_of_one_scale_never_adding_shares_or_means() -> None:
    """Two workshops under one element: 24 of 28 agree (85.7%), a mean of all 28; never 12/14 + 12/14."""
    import attrs

    first = rf.load(WORKSHOP)
    first = attrs.evolve(first, links=(rf.FrameworkLink("iom-iraq-2022", "3.1"),))
    second = attrs.evolve(first, title="Second workshop")
    totals = rf.roll_up([first, second], "iom-iraq-2022")["3.1"].totals
    ordinal = [t for t in totals if t.measure is rf.Measure.ORDINAL]
    assert 2 == len(ordinal)  # one total per scale: a share and a mean are not one figure
    assert rf.Ratio(24, 28) in [t.value for t in ordinal]
    (mean,) = [t.value for t in ordinal if not isinstance(t.value, rf.Ratio)]
    assert Decimal(59) / Decimal(14) == mean  # (2×3 + 7×4 + 5×5) / 14, the same for both together
    table = rf.render_table(rf.results_table(rf.roll_up([first, second], "iom-iraq-2022")), "md")
    assert "| 4.2 | respondents |" in table
    assert "the answers are pooled" in table

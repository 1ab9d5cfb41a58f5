"""Values as reports state them: "more than 1,600", "at least", "around 87,000", "up to"."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resultsframework as rf
from resultsframework.assessment.progress import combine_qualifiers
from resultsframework.text.l10n import Digits

Q = rf.Qualifier

OLD_FILE = """\
format: resultsframework/1
title: Protection
outcomes:
- code: '1'
  statement: People are protected
  indicators:
  - code: '1.1'
    statement: Number of people protected
    measure: count
    unit: persons
    target: {value: 1500}
    achieved:
    - {period: '2021', value: 1600}
"""

NEW_FILE = OLD_FILE.replace(
    "{period: '2021', value: 1600}", "{period: '2021', value: 1600, qualifier: more_than}"
)


def programme(
    *achieved: rf.Achieved, target: int = 1500, direction: str = "increase", accumulation: str = "sum"
) -> rf.Programme:
    indicator = rf.Indicator(
        "1.1",
        "Number of people protected",
        "count",
        unit="persons",
        direction=direction,
        accumulation=accumulation,
        target=rf.Target(target),
        achieved=achieved,
    )
    return rf.Programme(
        "Protection",
        dates=rf.Dates("2021-01-01", "2021-12-31"),
        reporting_periods=["2021"],
        outcomes=[rf.Outcome("1", "o", indicators=[indicator])],
    )


def overall(*achieved: rf.Achieved, **kwargs: object) -> rf.Progress:
    return rf.assess(programme(*achieved, **kwargs))["1.1"].overall  # type: ignore[arg-type]


class TestFileFormat:
    def test_a_qualified_value_is_written_by_hand_and_read(self) -> None:
        record = rf.loads(NEW_FILE, "yaml").indicator("1.1").achieved[0]
        assert (record.value, record.qualifier) == (1600, Q.MORE_THAN)

    def test_old_files_still_load_as_exact_values_and_write_nothing_new(self) -> None:
        loaded = rf.loads(OLD_FILE, "yaml")
        assert loaded.indicator("1.1").achieved[0].qualifier is None
        assert "qualifier" not in rf.dumps(loaded, "yaml")

    def test_round_trip_keeps_the_qualifier(self) -> None:
        loaded = rf.loads(NEW_FILE, "yaml")
        for fmt in ("yaml", "json"):
            assert rf.loads(rf.dumps(loaded, fmt), fmt) == loaded

    @given(st.sampled_from(Q), st.integers(0, 10**6))
    def test_every_qualifier_round_trips_on_every_value_kind(
        self, qualifier: rf.Qualifier, value: int
    ) -> None:
        made = programme(rf.Achieved("2021", value, qualifier=qualifier))
        made = rf.Programme(
            made.title,
            outcomes=[
                rf.Outcome(
                    "1",
                    "o",
                    indicators=[
                        rf.Indicator(
                            "1.1",
                            "s",
                            "count",
                            baseline=rf.Baseline(value, qualifier=qualifier),
                            target=rf.Target(value, qualifier=qualifier),
                            achieved=made.indicator("1.1").achieved,
                        )
                    ],
                )
            ],
        )
        for fmt in ("yaml", "json"):
            assert rf.loads(rf.dumps(made, fmt), fmt) == made

    def test_an_unknown_qualifier_names_the_field_and_the_words(self) -> None:
        with pytest.raises(rf.ResultsFrameworkError) as caught:
            rf.loads(NEW_FILE.replace("more_than", "more than"), "yaml")
        message = str(caught.value)
        assert "achieved[0].qualifier" in message
        assert "'more_than'" in message
        assert "'up_to'" in message

    def test_the_schema_lists_the_qualifiers(self) -> None:
        achieved = rf.json_schema()["$defs"]["Achieved"]["properties"]["qualifier"]
        assert {"enum": ["more_than", "at_least", "around", "up_to"]} in achieved["anyOf"]


class TestAssessment:
    def test_a_lower_bound_that_reaches_the_target_is_achieved(self) -> None:
        assert overall(rf.Achieved("2021", 1500, qualifier="at_least")).status is rf.Status.ACHIEVED
        # more than the target itself is beyond it
        assert overall(rf.Achieved("2021", 1500, qualifier="more_than")).status is rf.Status.EXCEEDED
        assert overall(rf.Achieved("2021", 1600, qualifier="more_than")).status is rf.Status.EXCEEDED

    def test_an_upper_bound_never_proves_an_increase_target_met(self) -> None:
        progress = overall(rf.Achieved("2021", 1600, qualifier="up_to"))
        assert progress.status is rf.Status.NOT_ASSESSED
        assert progress.notes == ("an upper bound (up to) cannot show that a target is met",)
        # short of the target, "up to" is short of it for certain
        assert overall(rf.Achieved("2021", 900, qualifier="up_to")).status is rf.Status.NOT_ACHIEVED

    def test_bounds_are_the_other_way_round_for_a_decrease(self) -> None:
        met = overall(rf.Achieved("2021", 10, qualifier="up_to"), target=20, direction="decrease")
        assert met.status is rf.Status.EXCEEDED
        unproven = overall(rf.Achieved("2021", 10, qualifier="at_least"), target=20, direction="decrease")
        assert unproven.status is rf.Status.NOT_ASSESSED

    def test_an_approximate_value_is_judged_and_flagged(self) -> None:
        progress = overall(rf.Achieved("2021", 87000, qualifier="around"), target=80000)
        assert progress.status is rf.Status.EXCEEDED
        assert progress.approximate
        assert progress.notes == ("the value is approximate",)
        assert not overall(rf.Achieved("2021", 87000)).approximate

    def test_a_sum_carries_the_weakest_qualifier(self) -> None:
        def summed(*qualifiers: rf.Qualifier | None) -> rf.Progress:
            quarters = ("2021Q1", "2021Q2", "2021Q3", "2021Q4")
            return overall(
                *(rf.Achieved(p, 400, qualifier=q) for p, q in zip(quarters, qualifiers, strict=False))
            )

        assert summed(Q.MORE_THAN, None).qualifier is Q.MORE_THAN
        assert summed(Q.AROUND, None).qualifier is Q.AROUND
        assert summed(None, None).qualifier is None
        both = summed(Q.MORE_THAN, Q.UP_TO)
        assert (both.achieved, both.qualifier) == (800, Q.AROUND)
        assert both.notes == ("lower and upper bounds were added together: the whole is approximate",)

    def test_a_running_total_takes_the_latest_values_qualifier(self) -> None:
        progress = overall(
            rf.Achieved("2021Q1", 800, qualifier="around"),
            rf.Achieved("2021Q2", 1600, qualifier="more_than"),
            accumulation="running_total",
        )
        assert (progress.achieved, progress.qualifier, progress.status) == (
            1600,
            Q.MORE_THAN,
            rf.Status.EXCEEDED,
        )

    def test_combining_is_symmetric_and_exact_adds_nothing(self) -> None:
        for a in [None, *Q]:
            for b in [None, *Q]:
                assert combine_qualifiers([a, b]) is combine_qualifiers([b, a])
            assert combine_qualifiers([a, None]) is a
        assert combine_qualifiers([Q.AT_LEAST, Q.MORE_THAN]) is Q.MORE_THAN


class TestValidation:
    def test_a_qualifier_on_what_is_no_number_is_warned_of(self) -> None:
        made = rf.Programme(
            "T",
            outcomes=[
                rf.Outcome(
                    "1",
                    "o",
                    indicators=[
                        rf.Indicator(
                            "1.1",
                            "s",
                            "yes_no",
                            target=rf.Target(True),
                            achieved=[
                                rf.Achieved("2021", True, qualifier="at_least"),
                            ],
                        )
                    ],
                )
            ],
        )
        found = [d for d in rf.validate(made) if d.code == "qualifier-not-number"]
        assert len(found) == 1
        assert "achieved[0].qualifier" in str(found[0])

    def test_a_qualified_number_is_not_warned_of(self) -> None:
        assert not [d for d in rf.validate(rf.loads(NEW_FILE, "yaml")) if d.code == "qualifier-not-number"]


class TestRendering:
    @pytest.mark.parametrize(
        ("locale", "digits", "expected"),
        [
            ("en", None, "more than 1,600 persons"),
            ("fr", None, "plus de 1\u202f600 persons"),
            ("ar", None, "أكثر من 1,600 persons"),
            ("ar", "arab", "أكثر من ١٬٦٠٠ persons"),
        ],
    )
    def test_the_mptf_table_shows_the_value_as_written(
        self, locale: str, digits: Digits | None, expected: str
    ) -> None:
        made = rf.loads(NEW_FILE, "yaml")
        text = rf.render(made, "md", locale, digits=digits)
        assert expected in text.replace("\u00a0", "\u202f")

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", ["more than", "at least", "around", "up to"]),
            ("fr", ["plus de", "au moins", "environ", "jusqu’à"]),
        ],
    )
    def test_every_qualifier_has_its_words(self, locale: str, expected: list[str]) -> None:
        loc = rf.Localizer(locale)
        shown = [loc.value(5, qualifier=q) for q in Q]
        assert all(word in text for word, text in zip(expected, shown, strict=True))

    def test_excel_shows_the_qualifier_to_a_reviewer(self) -> None:
        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(rf.render(rf.loads(NEW_FILE, "yaml"), "xlsx"))).active
        assert sheet is not None
        texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
        assert "more than 1,600 persons" in texts

    def test_html_and_the_summary_show_it_too(self) -> None:
        made = rf.loads(NEW_FILE, "yaml")
        assert "more than 1,600" in rf.render(made, "html")
        assert "plus de" in rf.render(made, "html", "fr")

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [("en", "the value is approximate"), ("fr", "la valeur est approximative"), ("ar", "القيمة تقريبية")],
    )
    def test_an_approximate_value_is_flagged_in_the_table(self, locale: str, expected: str) -> None:
        made = rf.loads(NEW_FILE.replace("more_than", "around"), "yaml")
        text = rf.render(made, "md", locale)
        assert expected in text

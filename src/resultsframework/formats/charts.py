"""
Charts with matplotlib (the ``charts`` extra), imported only here.

* :func:`progress_chart`: every indicator, achieved against target as a share of its target
  (direction-aware: for a decrease, reaching below the target is success), coloured by status;
  an indicator without an achievement rate (yes/no, not conducted, not reported, no target) is
  there too, marked as what it is;
* :func:`status_chart`: indicators by status, per output, outcome or organisation;
* :func:`trend_chart`: one indicator period by period, with its milestones and its target.

Each returns a :class:`Chart`: the image's bytes (PNG or SVG), which a notebook shows as the
image rather than as ``b'\\x89PNG...'``, with a :attr:`~Chart.description` of what it shows
(alt text); the same chart always gives the same bytes.

Every text is drawn as written (never read as TeX), wrapped at words, and kept as text in SVG
(searchable, read by screen readers).  In a right-to-left language the chart is mirrored (labels
on the right, bars growing leftwards); matplotlib 3.11 shapes Arabic and orders mixed text
itself (libraqm), in DejaVu Sans, the font it ships, which has the Arabic letters.
"""

from __future__ import annotations

import datetime
import io
import itertools
import math
import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from ..assessment.progress import Assessment, IndicatorAssessment, Progress, measured
from ..core.model import (
    Accumulation,
    Direction,
    Indicator,
    Measure,
    Programme,
    Qualifier,
    Ratio,
    Status,
    Value,
)
from ..core.numbers import is_number, numeric
from ..core.ordinal import figure_unit, in_percent, is_mean_score
from ..core.periods import Period
from ..tables.words import in_two_units, unit_words
from ..text.escape import display_text
from ..text.l10n import N_, Localizer

__all__ = ["Chart", "progress_chart", "status_chart", "trend_chart"]

ImageFormat = Literal["png", "svg"]


class Chart(bytes):
    """
    A chart: the bytes of its image, which a notebook displays as the image.

    It *is* ``bytes`` (``isinstance(chart, bytes)``, ``chart == data``, ``path.write_bytes(chart)``,
    ``chart.startswith(b"\\x89PNG")`` all work as before), with :attr:`format` and
    :attr:`description` beside them, ``_repr_png_`` or ``_repr_svg_`` for Jupyter and a
    one-line ``repr`` (``Chart(png, 45,123 bytes)``).  Slicing or adding gives plain ``bytes``.

    .. versionadded:: 0.1.0
    """

    format: ImageFormat
    """The image's format: ``"png"`` or ``"svg"``."""
    description: str
    """What the chart shows, in words, in its language: the alternative text of the image."""

    def __new__(cls, data: bytes, format: ImageFormat, description: str = "") -> Chart:
        """The chart whose image is *data*, in *format* (``"png"`` or ``"svg"``)."""
        if format not in ("png", "svg"):
            raise ValueError(f"a chart is drawn as 'png' or 'svg', not {format!r}")
        chart = super().__new__(cls, data)
        chart.format = format
        chart.description = description
        return chart

    def __repr__(self) -> str:
        return f"Chart({self.format}, {len(self):,} bytes)"

    def __reduce__(self) -> tuple[type[Chart], tuple[bytes, str, str]]:
        return (Chart, (bytes(self), self.format, self.description))

    def _repr_png_(self) -> bytes | None:
        return bytes(self) if self.format == "png" else None

    def _repr_svg_(self) -> str | None:
        return self.decode("utf-8") if self.format == "svg" else None


COLOURS = {
    Status.EXCEEDED: "#1a7f37",
    Status.ACHIEVED: "#4ac26b",
    Status.ON_TRACK: "#218bff",
    Status.BEHIND: "#d4a72c",
    Status.NOT_ACHIEVED: "#cf222e",
    Status.NOT_STARTED: "#b6c0ca",
    Status.NOT_CONDUCTED: "#57606a",
    Status.NOT_ASSESSED: "#a475f9",
    Status.NO_DATA: "#eaeef2",
}
"""The colour of each status (a light grey for no data, drawn with an outline)."""

_INK = "#1f2328"
_MUTED = "#57606a"
_RULE = "#d0d7de"
_GRID = "#eaeef2"
_BAR = "#0969da"  # the trend chart's achieved values, whatever their status

# -- drawing ----------------------------------------------------------------------------------

# Text is text: matplotlib would read "$1,000 and $500" as TeX maths (and fail on an odd "$"), and
# would draw SVG text as paths (unsearchable, unread by screen readers).  A fixed salt: SVG element
# ids are otherwise random, and the same chart would differ.  DejaVu Sans, which matplotlib ships,
# has Latin and Arabic letters alike: the same chart on every machine.
_SETTINGS: dict[str, Any] = {
    "text.parse_math": False,
    "svg.hashsalt": "resultsframework",
    "svg.fonttype": "none",
    "font.family": ["DejaVu Sans"],
    "font.size": 9,
    "figure.dpi": 150,  # the PNG's: texts are measured as they are drawn
    "axes.edgecolor": _MUTED,
    "axes.labelcolor": _INK,
    "text.color": _INK,
    "xtick.color": _MUTED,
    "ytick.color": _MUTED,
    "xtick.labelcolor": _INK,
    "ytick.labelcolor": _INK,
}

_LABEL_SIZE = 8.5
_NOTE_SIZE = 8
_LINE = 0.165  # inches a line of 8.5-point text takes
_LABEL_WIDTH = 44  # characters of a label's line
_NOTE_WIDTH = 26
_PLOT_WIDTH = 3.3  # inches
_BAR_HEIGHT = 0.22
_TREND_WIDTH = 6.2


def _pyplot() -> Any:
    from ..core.extras import require  # noqa: PLC0415

    matplotlib = require("matplotlib", "charts")
    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt  # noqa: PLC0415

    return plt


def _format(format: ImageFormat, fmt: ImageFormat | None) -> ImageFormat:
    """The image format, from ``format=`` (or the older ``fmt=``, which still works but warns)."""
    chosen = format
    if fmt is not None:
        import warnings  # noqa: PLC0415

        warnings.warn("fmt= is now format=, as in every other function", DeprecationWarning, stacklevel=3)
        chosen = fmt
    if chosen not in ("png", "svg"):
        raise ValueError(f"a chart is drawn as 'png' or 'svg', not {chosen!r}")
    return chosen


@contextmanager
def _drawing(loc: Localizer) -> Iterator[Any]:
    """
    pyplot, with every text drawn as written, in the chart's language.

    A chart is made and saved wholly inside: matplotlib reads the settings when it makes each
    text (labels, titles, the tick labels it makes while drawing) and when it saves, never
    globally (the caller's own settings are untouched).
    """
    plt = _pyplot()
    settings = dict(_SETTINGS)
    if "text.language" in plt.rcParams:  # matplotlib 3.11: the language shapes the text
        settings["text.language"] = loc.tag
    with plt.rc_context(settings):
        yield plt


def _save(figure: Any, loc: Localizer, fmt: ImageFormat, *, title: str, description: str) -> Chart:
    """The figure's image, with its title and description inside (PNG text, SVG title and desc)."""
    buffer = io.BytesIO()
    try:
        if loc.rtl:
            _right_to_left(figure)
        if fmt == "png":  # the same chart gives the same bytes: no software version, no date
            metadata = {"Software": None, "Title": title, "Description": description}
        else:
            metadata = {"Date": None, "Title": title, "Description": description}
        # What "tight" would find, measured without drawing the figure a first time to find it.
        box = figure.get_tightbbox(figure.canvas.get_renderer()).padded(0.15)
        figure.savefig(buffer, format=fmt, bbox_inches=box, dpi=figure.dpi, metadata=metadata)
    finally:
        _pyplot().close(figure)
    data = buffer.getvalue()
    if fmt == "svg":
        data = _svg_title(data, title, description)
    return Chart(data, fmt, description)


def _right_to_left(figure: Any) -> None:
    """
    Each line of the figure's texts that starts right to left, held between right-to-left marks.

    matplotlib lays such a line out right to left (its first strong letter is), but an SVG viewer
    lays a text out left to right whatever it holds: "الهدف (100%)" would show its figure first.
    Between two marks (U+200F, which take no room), both read it as the PNG shows it.
    """
    from matplotlib.text import Text  # noqa: PLC0415

    for text in figure.findobj(Text):
        lines = text.get_text().split("\n")
        marked = [f"\u200f{line}\u200f" if _starts_right_to_left(line) else line for line in lines]
        if marked != lines:
            text.set_text("\n".join(marked))


def _starts_right_to_left(text: str) -> bool:
    """Whether the first letter of *text* with a direction is written right to left."""
    from ..text.escape import starts_right_to_left  # noqa: PLC0415

    return starts_right_to_left(text)
    return False


def _described(loc: Localizer, subtitle: str, parts: Iterable[str]) -> str:
    """The chart in words: its subtitle, then each of its parts (Arabic semicolons in Arabic)."""
    separator = "\u061b " if loc.language in ("ar", "fa", "ur", "ps") else "; "
    return f"{subtitle}. {separator.join(parts)}"


def _svg_title(svg: bytes, title: str, description: str) -> bytes:
    """*svg* with a ``<title>`` and a ``<desc>`` first in its root, which screen readers announce."""
    from xml.sax.saxutils import escape  # noqa: PLC0415

    start = svg.find(b"<svg")
    end = svg.find(b">", start) + 1
    if start < 0 or end <= 0:
        return svg
    inner = f"\n <title>{escape(title)}</title>\n <desc>{escape(description)}</desc>"
    return svg[:end] + inner.encode("utf-8") + svg[end:]


def _wrap(text: str, width: int) -> str:
    """*text* wrapped at words into lines of *width* characters (a longer word alone is broken)."""
    lines: list[str] = []
    for paragraph in display_text(text).splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""])
    return "\n".join(lines)


def _frame(
    figure: Any,
    axes: Any,
    loc: Localizer,
    *,
    title: str,
    subtitle: str,
    handles: Sequence[Any] = (),
    columns: int = 2,
) -> None:
    """
    The title and subtitle above the chart and the legend below it, both aligned with its outer
    edge (the right one in a right-to-left language), the legend's markers first in reading order.
    """
    box = axes.get_tightbbox(figure.canvas.get_renderer()).transformed(figure.transFigure.inverted())
    x, ha = (box.x1, "right") if loc.rtl else (box.x0, "left")
    inch = 1 / figure.get_figheight()
    top = axes.get_position().y1 + 0.12 * inch
    below = _wrap(subtitle, 90)
    figure.text(x, top, below, ha=ha, va="bottom", fontsize=8.5, color=_MUTED)
    top += ((below.count("\n") + 1) * 0.15 + 0.06) * inch
    figure.text(x, top, _wrap(title, 75), ha=ha, va="bottom", fontsize=11, fontweight="bold")
    if not handles:
        return
    rows = math.ceil(len(handles) / columns)
    if loc.rtl:  # the first column on the right: columns reversed, the last one filled up
        blocks = [list(handles[i : i + rows]) for i in range(0, len(handles), rows)]
        blocks[-1].extend(_line(" ", linestyle="none") for _ in range(rows - len(blocks[-1])))
        handles = [handle for block in reversed(blocks) for handle in block]
        columns = len(blocks)
    figure.legend(
        handles=handles,
        loc=f"upper {ha}",
        bbox_to_anchor=(x, box.y0 - 0.08 * inch),
        bbox_transform=figure.transFigure,
        ncols=columns,
        frameon=False,
        fontsize=_NOTE_SIZE,
        markerfirst=not loc.rtl,
        handlelength=1.8,
        columnspacing=1.6,
        alignment=ha,
    )


def _message(plt: Any, loc: Localizer, fmt: ImageFormat, *, title: str, subtitle: str, message: str) -> Chart:
    """A chart that has nothing to draw: its title and, where the plot would be, why."""
    figure = plt.figure(figsize=(_TREND_WIDTH, 1.6))
    axes = figure.add_axes((0.02, 0.05, 0.96, 0.6))
    axes.set_axis_off()
    box = {"boxstyle": "round,pad=0.8", "facecolor": "#f6f8fa", "edgecolor": _RULE}
    text = _wrap(message, 80)
    axes.text(0.5, 0.5, text, ha="center", va="center", fontsize=9.5, transform=axes.transAxes, bbox=box)
    _frame(figure, axes, loc, title=title, subtitle=subtitle)
    return _save(figure, loc, fmt, title=title, description=f"{subtitle}. {message}")


def _phrase(loc: Localizer, label: str, value: str) -> str:
    """``label: value``, with the language's own colon."""
    return f"{loc.colon(label)} {value}"


def _as_of(loc: Localizer, assessment: Assessment, text: str) -> str:
    """*text*, and the date the assessment speaks as of."""
    if assessment.as_of is None:
        return text
    return loc.gettext(N_("{what}, as of {date}")).format(what=text, date=loc.date(assessment.as_of))


def _number_ticks(loc: Localizer, axis: Any, *, integer: bool = False) -> None:
    """Tick labels as the language writes numbers (1 000, 1,5)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: PLC0415

    if integer:
        axis.set_major_locator(MaxNLocator(integer=True))

    def shown(value: float, _position: int) -> str:
        number = Decimal(repr(round(float(value), 6))).normalize()
        return loc.number(int(number) if number == number.to_integral_value() else number)

    axis.set_major_formatter(FuncFormatter(shown))


def _mirror(axes: Any, loc: Localizer) -> None:
    """Horizontal bars read from the start of the line: labels and zero on the right in RTL."""
    axes.spines[["top", "left" if loc.rtl else "right"]].set_visible(False)
    if loc.rtl:
        axes.yaxis.tick_right()
        axes.invert_xaxis()
    axes.tick_params(axis="y", length=0, pad=6, labelsize=_LABEL_SIZE)
    axes.tick_params(axis="x", labelsize=_NOTE_SIZE)


def _patch(colour: str, label: str, **options: Any) -> Any:
    from matplotlib.patches import Patch  # noqa: PLC0415

    edge = _MUTED if colour == COLOURS[Status.NO_DATA] else colour
    return Patch(facecolor=colour, edgecolor=options.pop("edgecolor", edge), label=label, **options)


def _line(label: str, **options: Any) -> Any:
    from matplotlib.lines import Line2D  # noqa: PLC0415

    return Line2D([], [], label=label, **options)


# -- values in words --------------------------------------------------------------------------


def _value(
    loc: Localizer,
    value: Value | None,
    indicator: Indicator,
    qualifier: Qualifier | None = None,
    second: int | Decimal | None = None,
) -> str:
    """
    A value as short as a chart shows it: 42.0% for a ratio, 50.0% for a percentage's 50; with
    its qualifier as written (more than 1,600), and its *second* figure in the indicator's second
    unit (5,168 (25,521 individuals)).
    """
    if second is not None and indicator.second_unit and is_number(value):
        return in_two_units(loc, _value(loc, value, indicator, qualifier), second, indicator.second_unit)
    if isinstance(value, Ratio) and value.percent is not None:
        return loc.qualified(loc.percent(value.percent / 100), qualifier)
    if is_mean_score(indicator, value) and isinstance(value, int | Decimal):
        return loc.qualified(loc.score(Decimal(value)), qualifier)  # a mean score, to one decimal
    return loc.value(value, percentage=in_percent(indicator), qualifier=qualifier)


def _period(loc: Localizer, period: Period | None) -> str:
    """
    A period as people write it (:meth:`Localizer.period`: Q1 2025, T1 2025, الربع 1 2025, May
    2025), a span of dates short enough for a chart: May–Dec 2021, 1 May – 30 Dec 2021, 2021.
    """
    if period is None:
        return ""
    if "/" not in period.id:
        return loc.period(period)
    from babel.dates import format_interval, format_skeleton  # noqa: PLC0415

    start, end = period.start, period.end
    locale = "en_GB" if loc.language == "en" else loc.locale  # UN English: 1 May 2021
    whole_months = start.day == 1 and _last_of_month(end)
    if whole_months and (start.month, end.month) == (1, 12) and start.year == end.year:
        shown = str(start.year)
    elif whole_months and (start.year, start.month) == (end.year, end.month):
        shown = str(format_skeleton("yMMM", start, locale=locale))
    else:
        shown = str(format_interval(start, end, "yMMM" if whole_months else "yMMMd", locale=locale))
    return _digits(loc, shown)


def _last_of_month(day: datetime.date) -> bool:
    """Whether *day* is the last of its month."""
    return (day.month == 12 and day.day == 31) or (day + datetime.timedelta(days=1)).day == 1


def _digits(loc: Localizer, text: str) -> str:
    """*text* with Arabic-Indic digits where the localizer asks for them."""
    if loc.digits != "arab":
        return text
    return text.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


# -- rows of horizontal bars ------------------------------------------------------------------


@dataclass(frozen=True)
class _Rows:
    """Rows of horizontal bars, each as high as its label's lines need: the figure and its plot."""

    figure: Any
    axes: Any
    centres: list[float]
    bounds: list[float]


def _rows(plt: Any, loc: Localizer, labels: Sequence[str], lines: Sequence[int], least: float) -> _Rows:
    """A plot :data:`_PLOT_WIDTH` wide, a row per label, measured in inches from the top."""
    pitches = [max(least, 0.16 + _LINE * count) for count in lines]
    bounds = [sum(pitches[:i]) for i in range(len(pitches) + 1)]
    centres = [(a + b) / 2 for a, b in itertools.pairwise(bounds)]
    width, height = _PLOT_WIDTH + 0.4, bounds[-1] + 0.4
    figure = plt.figure(figsize=(width, height))
    axes = figure.add_axes((0.2 / width, 0.2 / height, _PLOT_WIDTH / width, bounds[-1] / height))
    axes.set_ylim(bounds[-1], 0)
    axes.set_axisbelow(True)
    axes.grid(axis="x", color=_GRID, linewidth=0.8)
    axes.set_yticks(centres, labels)
    _mirror(axes, loc)
    return _Rows(figure, axes, centres, bounds)


# -- the progress chart -----------------------------------------------------------------------

_RowKind = Literal["rate", "yes", "no", "none"]


@dataclass(frozen=True)
class _Row:
    """One indicator of the progress chart: its label, its mark and the note beside it."""

    label: str
    kind: _RowKind
    status: Status
    rate: float | None  # in percent, for drawing only
    note: str
    group: tuple[str | None, str | None]


def _dot(loc: Localizer) -> str:
    """What separates a chart's figure from its status: a middle dot, which beside Arabic-Indic
    digits reads as their zero (٠): a dash there."""
    return " \u2013 " if loc.digits == "arab" else " \u00b7 "


def _progress_row(loc: Localizer, item: IndicatorAssessment) -> _Row:
    """What the progress chart shows of an indicator: a bar, a yes/no mark or a note alone."""
    overall, status, indicator = item.overall, item.status, item.indicator
    label = display_text(f"{item.code} {indicator.statement}")
    group = (item.outcome, item.output)
    shown = loc.status(status)
    if overall.achievement_rate is not None:
        rate = overall.achievement_rate
        if overall.responses is not None:  # an ordinal indicator: what its rate is of
            shown = f"{loc.responses(overall.responses, short=True)}{_dot(loc)}{shown}"
        return _Row(label, "rate", status, float(rate * 100), f"{loc.percent(rate)}{_dot(loc)}{shown}", group)
    achieved, target = overall.achieved, overall.target
    if isinstance(achieved, bool) and isinstance(target, bool):
        kind: _RowKind = "yes" if achieved is target else "no"
        return _Row(label, kind, status, None, f"{loc.yes_no(achieved)}{_dot(loc)}{shown}", group)
    measured = achieved is not None and indicator.measure is not Measure.QUALITATIVE
    if status is Status.NO_DATA:
        note = loc.gettext(N_("Not reported"))
    elif measured and target is None:
        note = (
            f"{_value(loc, achieved, indicator, overall.qualifier, overall.second)}{_dot(loc)}"
            f"{loc.gettext(N_('No target'))}"
        )
    elif measured:
        note = f"{_value(loc, achieved, indicator, overall.qualifier, overall.second)}{_dot(loc)}{shown}"
    else:
        note = shown
    return _Row(label, "none", status, None, note, group)


def progress_chart(
    assessment: Assessment,
    *,
    format: ImageFormat = "png",
    locale: str | Localizer = "en",
    fmt: ImageFormat | None = None,
) -> Chart:
    """
    Every indicator, achieved against target as a percentage of the target.

    The bar is the achievement rate (direction-aware, so longer is always better), the line at
    100 % the target; bars are coloured by status, and the rate and status are written beside
    each.  An indicator without a rate is there too, marked as what it is: a yes/no indicator
    by a hatched bar to 100 % when its target is met (a cross when not), one not conducted, not
    reported or without a target by a circle, its note saying which.  The legend explains every
    mark; labels wrap at words.  *locale* is a language (``"fr"``) or a :class:`Localizer`.

    .. versionadded:: 0.1.0
    """
    chosen = _format(format, fmt)
    loc = Localizer.of(locale)
    _ = loc.gettext
    title = display_text(assessment.programme.title)
    subtitle = _as_of(loc, assessment, _(N_("Achievement rate against target")))
    rows = [_progress_row(loc, item) for item in assessment.indicators]
    description = _described(loc, subtitle, (_phrase(loc, row.label, row.note) for row in rows))
    with _drawing(loc) as plt:
        if not rows:
            message = _(N_("No indicator to chart."))
            return _message(plt, loc, chosen, title=title, subtitle=subtitle, message=message)
        labels = [_wrap(row.label, _LABEL_WIDTH) for row in rows]
        notes = [_wrap(row.note, _NOTE_WIDTH) for row in rows]
        lines = [max(a.count("\n"), b.count("\n")) + 1 for a, b in zip(labels, notes, strict=True)]
        chart = _rows(plt, loc, labels, lines, least=0.36)
        axes = chart.axes
        rates = [row.rate for row in rows if row.rate is not None]
        limit = min(300.0, max(125.0, math.ceil(max(rates, default=100.0) / 25) * 25 + 10))
        least = max(-100.0, min([0.0, *rates]))  # a rate below zero (a value gone the wrong way)
        axes.set_xlim(limit, least) if loc.rtl else axes.set_xlim(least, limit)
        for row, y, note in zip(rows, chart.centres, notes, strict=True):
            _progress_mark(axes, row, y, limit)
            x, ha = (-0.03, "right") if loc.rtl else (1.03, "left")
            axes.text(x, y, note, transform=_rows_transform(axes), ha=ha, va="center", fontsize=_NOTE_SIZE)
        for index in range(1, len(rows)):
            if rows[index].group != rows[index - 1].group:  # a thin rule between outputs
                axes.axhline(chart.bounds[index], color=_RULE, linewidth=0.6, linestyle=(0, (4, 3)))
        axes.axvline(100, color=_INK, linewidth=1.2)
        _number_ticks(loc, axes.xaxis)
        axes.set_xlabel(f"{_(N_('Achievement rate'))} (%)", fontsize=_NOTE_SIZE)
        handles = _progress_legend(loc, rows)
        _frame(chart.figure, axes, loc, title=title, subtitle=subtitle, handles=handles)
        return _save(chart.figure, loc, chosen, title=title, description=description)


_HATCH = {"hatch": "////", "edgecolor": "white", "linewidth": 0}
_CIRCLE = {"marker": "o", "markerfacecolor": "white", "markeredgewidth": 1.6, "markersize": 7}
_CROSS = {"marker": "X", "markersize": 8}


def _progress_mark(axes: Any, row: _Row, y: float, limit: float) -> None:
    """An indicator's mark: its rate's bar, a yes/no's hatched bar or cross, else a circle."""
    colour = COLOURS[row.status]
    if row.kind == "rate" and row.rate is not None:
        width = max(min(row.rate, limit), -100.0)
        axes.barh(y, width, height=_BAR_HEIGHT, color=colour, edgecolor=_edge(row.status))
        if row.rate > limit:  # cut at the edge: the note gives the whole rate
            axes.plot([limit], [y], marker=">", color=_INK, markersize=5, clip_on=False)
    elif row.kind == "yes":
        axes.barh(y, 100, height=_BAR_HEIGHT, color=colour, **_HATCH)
    elif row.kind == "no":
        axes.plot([limit * 0.02], [y], color=colour, linestyle="none", **_CROSS)
    else:
        axes.plot([limit * 0.02], [y], markeredgecolor=_edge(row.status), linestyle="none", **_CIRCLE)


def _edge(status: Status) -> str:
    """A mark's outline: grey for no data (its colour is too light to see on white)."""
    return _MUTED if status is Status.NO_DATA else COLOURS[status]


def _rows_transform(axes: Any) -> Any:
    """Across in the plot's widths, down in its rows: for the notes beside the plot."""
    from matplotlib.transforms import blended_transform_factory  # noqa: PLC0415

    return blended_transform_factory(axes.transAxes, axes.transData)


def _progress_legend(loc: Localizer, rows: Sequence[_Row]) -> list[Any]:
    """What each colour and mark of the progress chart means, for those it shows."""
    _ = loc.gettext
    present = {row.status for row in rows if row.kind != "none"}
    handles = [_patch(COLOURS[s], loc.status(s)) for s in Status if s in present]
    target = _(N_("Target ({percent})")).format(percent=loc.percent(Decimal(1), 0))
    handles.append(_line(target, color=_INK, linewidth=1.2))
    kinds = {row.kind for row in rows}
    if "yes" in kinds:
        handles.append(_patch("#8c959f", _(N_("Yes/no indicator: target met")), **_HATCH))
    if "no" in kinds:
        label = _(N_("Yes/no indicator: target not met"))
        handles.append(_line(label, color=_INK, linestyle="none", **_CROSS))
    if "none" in kinds:
        label = _(N_("No achievement rate: the note says why"))
        handles.append(_line(label, markeredgecolor=_MUTED, linestyle="none", **_CIRCLE))
    return handles


# -- the status chart -------------------------------------------------------------------------

_HEADINGS = {
    "output": N_("Indicators by status, per output"),
    "outcome": N_("Indicators by status, per outcome"),
    "organisation": N_("Indicators by status, per organisation"),
}
_DARK_TEXT = frozenset({Status.NO_DATA, Status.NOT_STARTED, Status.BEHIND, Status.ACHIEVED})
"""The statuses whose colour is light: their counts are written in black, the others' in white."""


def status_chart(
    assessment: Assessment,
    *,
    by: str = "output",
    format: ImageFormat = "png",
    locale: str | Localizer = "en",
    fmt: ImageFormat | None = None,
) -> Chart:
    """
    Indicators by status for each output, outcome or organisation, as stacked bars.

    Every indicator is counted: by output, an outcome's own indicators make a row of their own
    (and the impact's one more); by organisation, an indicator counts for each organisation
    responsible for it, else for its output, else for its outcome.  Each segment shows its
    count; the legend names the statuses.

    Raises:
        ValueError: for *by* other than ``"output"``, ``"outcome"`` and ``"organisation"``.

    .. versionadded:: 0.1.0
    """
    chosen = _format(format, fmt)
    if by not in _HEADINGS:
        raise ValueError(f"by must be 'output', 'outcome' or 'organisation', not {by!r}")
    loc = Localizer.of(locale)
    _ = loc.gettext
    title = display_text(assessment.programme.title)
    subtitle = _as_of(loc, assessment, _(_HEADINGS[by]))
    groups = list(_groups(loc, assessment, by).items())
    description = _described(loc, subtitle, (_phrase(loc, name, _counted(loc, c)) for name, c in groups))
    with _drawing(loc) as plt:
        if not groups:
            message = _(N_("No indicator to chart."))
            return _message(plt, loc, chosen, title=title, subtitle=subtitle, message=message)
        labels = [_wrap(name, _LABEL_WIDTH) for name, _counts in groups]
        chart = _rows(plt, loc, labels, [label.count("\n") + 1 for label in labels], least=0.42)
        axes = chart.axes
        most = max(sum(counts.values()) for _name, counts in groups) * 1.04
        axes.set_xlim(most, 0) if loc.rtl else axes.set_xlim(0, most)
        left = [0] * len(groups)
        present = [s for s in Status if any(counts[s] for _name, counts in groups)]
        for status in present:
            counts = [c[status] for _name, c in groups]
            edge = _MUTED if status is Status.NO_DATA else "white"
            bars = axes.barh(chart.centres, counts, left=left, height=0.26, color=COLOURS[status],
                             edgecolor=edge, linewidth=1)  # fmt: skip
            text = [loc.number(n) if n else "" for n in counts]
            colour = _INK if status in _DARK_TEXT else "white"
            axes.bar_label(bars, text, label_type="center", fontsize=_NOTE_SIZE, color=colour)
            left = [a + b for a, b in zip(left, counts, strict=True)]
        _number_ticks(loc, axes.xaxis, integer=True)
        axes.set_xlabel(_(N_("Indicators")), fontsize=_NOTE_SIZE)
        handles = [_patch(COLOURS[s], loc.status(s)) for s in present]
        _frame(chart.figure, axes, loc, title=title, subtitle=subtitle, handles=handles, columns=3)
        return _save(chart.figure, loc, chosen, title=title, description=description)


def _counted(loc: Localizer, counts: Counter[Status]) -> str:
    """Status counts in words: "Exceeded: 3, Achieved: 8"."""
    return loc.listing(_phrase(loc, loc.status(s), loc.number(counts[s])) for s in Status if counts[s])


def _groups(loc: Localizer, assessment: Assessment, by: str) -> dict[str, Counter[Status]]:
    """The status counts of each group, named in words, in file order; every indicator counted."""
    _ = loc.gettext
    programme = assessment.programme
    outcomes = {o.code: o for o in programme.outcomes}
    groups: dict[str, Counter[Status]] = {}
    for item in assessment.indicators:
        outcome = outcomes.get(item.outcome) if item.outcome is not None else None
        output = None
        if outcome is not None and item.output is not None:
            output = next((o for o in outcome.outputs if o.code == item.output), None)
        names: list[str]
        if by == "organisation":
            responsible = next(
                (o.responsible for o in (item.indicator, output, outcome) if o and o.responsible), ()
            )
            names = [_organisation(programme, org) for org in responsible] or [_(N_("No organisation named"))]
        elif outcome is None:
            names = [_(N_("Impact"))]
        elif by == "outcome" or output is None:
            names = [display_text(f"{_(N_('Outcome'))} {outcome.code}: {outcome.statement}")]
        else:
            code = f"{_(N_('Output'))} {output.code} ({_(N_('Outcome'))} {outcome.code})"
            names = [display_text(f"{code}: {output.statement}")]
        for name in names:
            groups.setdefault(name, Counter())[item.status] += 1
    return groups


def _organisation(programme: Programme, org_id: str) -> str:
    """An organisation as a reader knows it: ``IOM – International Organization for Migration``."""
    organisation = programme.organisation(org_id)
    if organisation is None or not organisation.name or organisation.name == org_id:
        return display_text(org_id)
    return display_text(f"{org_id} – {organisation.name}")


# -- the trend chart --------------------------------------------------------------------------


def trend_chart(
    assessment: Assessment,
    code: str,
    *,
    format: ImageFormat = "png",
    locale: str | Localizer = "en",
    fmt: ImageFormat | None = None,
) -> Chart:
    """
    One indicator period by period: the value achieved in each, its milestones and its target.

    Bars are the values achieved (a period without one is marked so), a short line over each the
    period's milestone, a dashed line across the end-of-programme target and a dotted one the
    baseline; for an indicator whose periods add up, a line gives the total to date, which is
    what reaches the target.  A table under the bars gives each period, as people write it
    (Q1 2025, May–Dec 2021), and its figures.  An indicator with nothing to draw (yes/no,
    qualitative, not conducted, no value reported) gives a chart that says so.

    Raises:
        KeyError: for a code that is no indicator of the assessment.

    .. versionadded:: 0.1.0
    """
    chosen = _format(format, fmt)
    loc = Localizer.of(locale)
    item = assessment[code]
    title = display_text(f"{item.code} {item.indicator.statement}")
    subtitle = _as_of(loc, assessment, loc.gettext(N_("Achieved value per reporting period")))
    aim = _AIMS.get(item.indicator.direction)
    if aim is not None:  # read the other way round than most
        subtitle = f"{subtitle}{_dot(loc)}{loc.gettext(aim)}"
    with _drawing(loc) as plt:
        series = _Series.of(item)
        if series is None:
            message = _nothing_to_draw(loc, item)
            return _message(plt, loc, chosen, title=title, subtitle=subtitle, message=message)
        figure, axes = _trend_plot(plt, loc, series)
        handles = _trend_marks(axes, loc, series)
        _frame(figure, axes, loc, title=title, subtitle=subtitle, handles=handles)
        description = _trend_description(loc, subtitle, series)
        return _save(figure, loc, chosen, title=title, description=description)


_AIMS = {Direction.DECREASE: N_("lower is better"), Direction.MAINTAIN: N_("closest to the target is best")}


@dataclass(frozen=True)
class _Series:
    """An indicator's figures period by period, as floats for drawing."""

    item: IndicatorAssessment
    periods: tuple[Progress, ...]
    achieved: list[float | None]
    milestones: list[float | None]
    to_date: list[Value | None]
    """For an indicator whose periods add up: each period's value to date (ratios pooled)."""
    target: float | None
    baseline: float | None

    @classmethod
    def of(cls, item: IndicatorAssessment) -> _Series | None:
        """The series of *item*, or ``None`` when it has no value in numbers to draw."""
        periods = item.periods
        achieved = [_float(numeric(p.achieved)) for p in periods]
        if all(value is None for value in achieved):
            return None
        to_date: list[Value | None] = []
        if item.indicator.accumulation is Accumulation.SUM and len(periods) > 1:
            for progress in periods:
                end = progress.period.end if progress.period is not None else None
                counted = [r for r in item.records if end is None or r.period.end <= end]
                to_date.append(measured(item.indicator, counted))
            if all(numeric(value) is None for value in to_date):
                to_date = []
        baseline = item.indicator.baseline
        return cls(
            item,
            periods,
            achieved,
            [_float(numeric(p.target)) for p in periods],
            to_date,
            _float(numeric(item.overall.target)),
            _float(numeric(baseline.value if baseline is not None else None)),
        )


def _nothing_to_draw(loc: Localizer, item: IndicatorAssessment) -> str:
    """Why an indicator has no bars, and what it states instead."""
    _ = loc.gettext
    indicator = item.indicator
    if indicator.measure is Measure.YES_NO or isinstance(item.overall.achieved, bool):
        head = _(N_("A yes/no indicator has no values to draw over time."))
    elif indicator.measure is Measure.QUALITATIVE:
        head = _(N_("A qualitative indicator has no values to draw over time."))
    else:
        head = _(N_("No value reported to draw."))
    parts = [head]
    parts.extend(_phrase(loc, _period(loc, p.period), _value(loc, p.achieved, indicator, p.qualifier))
                 for p in item.periods if p.achieved is not None and p.period is not None)  # fmt: skip
    parts.append(_phrase(loc, _(N_("Status")), loc.status(item.status)))
    if item.overall.target is not None:
        parts.append(_phrase(loc, _(N_("Planned Target")), _value(loc, item.overall.target, indicator)))
    return "\n".join(parts)


_TARGET = {"color": "#cf222e", "linestyle": (0, (6, 3)), "linewidth": 1.4}
_BASELINE = {"color": _MUTED, "linestyle": ":", "linewidth": 1.4}
_MILESTONE = {"color": _INK, "linewidth": 2.4, "solid_capstyle": "butt"}
_TO_DATE = {"color": "#8250df", "marker": "o", "markersize": 4, "linewidth": 1.5}
_MISSING = {"marker": "o", "markerfacecolor": "white", "markeredgecolor": _MUTED, "markersize": 6}


def _trend_plot(plt: Any, loc: Localizer, series: _Series) -> tuple[Any, Any]:
    """The figure and its plot, the period's column first in reading order, with the table below."""
    count = len(series.periods)
    width = _TREND_WIDTH + 0.4
    figure = plt.figure(figsize=(width, 3.0))
    axes = figure.add_axes((0.2 / width, 0.38, _TREND_WIDTH / width, 0.55))
    axes.set_xlim((count - 0.5, -0.5) if loc.rtl else (-0.5, count - 0.5))
    if loc.rtl:
        axes.yaxis.tick_right()
        axes.yaxis.set_label_position("right")
    axes.spines[["top", "left" if loc.rtl else "right"]].set_visible(False)
    axes.set_axisbelow(True)
    axes.grid(axis="y", color=_GRID, linewidth=0.8)
    to_date = [_float(numeric(v)) for v in series.to_date]
    levels = [v for v in (*series.achieved, *series.milestones, *to_date) if v is not None]
    levels += [v for v in (series.target, series.baseline) if v is not None]
    axes.set_ylim(min([0.0, *levels]) * 1.12, max([0.0, *levels]) * 1.12 or 1.0)
    axes.set_xticks(range(count), [""] * count)
    axes.tick_params(axis="x", length=0)
    axes.tick_params(axis="y", labelsize=_NOTE_SIZE)
    _number_ticks(loc, axes.yaxis)
    indicator = series.item.indicator
    unit = "%" if in_percent(indicator) else display_text(figure_unit(indicator) or "")
    if unit:
        axes.set_ylabel(_wrap(unit, 30), fontsize=_NOTE_SIZE)
    _trend_table(axes, loc, series)
    return figure, axes


def _trend_marks(axes: Any, loc: Localizer, series: _Series) -> list[Any]:
    """The bars, milestones, total to date, target and baseline; what the legend says of each."""
    _ = loc.gettext
    indicator = series.item.indicator
    positions = range(len(series.periods))
    width = 0.5 if len(positions) > 1 else 0.3
    axes.bar(positions, [v or 0.0 for v in series.achieved], width=width, color=_BAR)
    handles = [_patch(_BAR, _(N_("Achieved value")))]
    missing = [i for i, value in zip(positions, series.achieved, strict=True) if value is None]
    if missing:  # missing is shown as missing, not as zero
        axes.plot(missing, [0.0] * len(missing), clip_on=False, linestyle="none", **_MISSING)
    marks = [(i, m) for i, m in zip(positions, series.milestones, strict=True) if m is not None]
    for index, mark in marks:
        axes.plot([index - width * 0.7, index + width * 0.7], [mark, mark], **_MILESTONE)
    if marks:
        handles.append(_line(_(N_("Milestone")), **_MILESTONE))
    if series.to_date:
        to_date = [math.nan if v is None else v for v in (_float(numeric(v)) for v in series.to_date)]
        axes.plot(positions, to_date, **_TO_DATE)
        handles.append(_line(_to_date(loc, indicator), **_TO_DATE))
    if series.target is not None:
        axes.axhline(series.target, **_TARGET)
        value = _value(loc, series.item.overall.target, indicator)
        handles.append(_line(_phrase(loc, _(N_("Target (end of programme)")), value), **_TARGET))
    baseline = indicator.baseline
    if series.baseline is not None and baseline is not None:
        axes.axhline(series.baseline, **_BASELINE)
        label = _(N_("Baseline"))
        if baseline.year is not None:
            label = f"{label} ({_digits(loc, str(baseline.year))})"
        handles.append(_line(_phrase(loc, label, _value(loc, baseline.value, indicator)), **_BASELINE))
    if missing:
        handles.append(_line(_(N_("not reported")), linestyle="none", **_MISSING))
    return handles


def _trend_table(axes: Any, loc: Localizer, series: _Series) -> None:
    """Under the bars, column by column: each period and its figures, the rows named at the start."""
    _ = loc.gettext
    indicator = series.item.indicator
    periods = series.periods
    count = len(periods)
    width = max(8, int(_TREND_WIDTH / count / 0.075))  # characters a column holds
    rows: list[tuple[str, list[str]]] = [
        ("", [_wrap(_period(loc, p.period), width) for p in periods]),
        (_(N_("Achieved value")), [_value(loc, p.achieved, indicator, p.qualifier) for p in periods]),
    ]
    if indicator.second_unit and any(p.second is not None for p in periods):  # 25,521 individuals
        seconds = [loc.number(p.second) if p.second is not None else "" for p in periods]
        rows.append((unit_words(indicator.second_unit), seconds))
    if any(p.target is not None for p in periods):
        rows.append((_(N_("Milestone")), [_value(loc, p.target, indicator) for p in periods]))
    if series.to_date:
        rows.append((_to_date(loc, indicator), [_value(loc, v, indicator) for v in series.to_date]))
    figure = axes.figure
    inches = axes.get_position().height * figure.get_figheight()  # the plot's height
    lines = max(cell.count("\n") + 1 for cell in rows[0][1])
    heights = [0.17 * lines + 0.06] + [0.21] * (len(rows) - 1)
    side = 1.45 / (axes.get_position().width * figure.get_figwidth())  # the row names' room
    top = -0.06 / inches
    for number, (name, cells) in enumerate(rows):
        y = top - heights[number] / 2 / inches
        weight = "bold" if number == 0 else "normal"
        for index, cell in enumerate(cells):
            x = 1 - (index + 0.5) / count if loc.rtl else (index + 0.5) / count
            axes.text(x, y, cell, transform=axes.transAxes, ha="center", va="center",
                      fontsize=_NOTE_SIZE, fontweight=weight, linespacing=1.1)  # fmt: skip
        if name:
            x, ha = (1.02, "left") if loc.rtl else (-0.02, "right")
            axes.text(x, y, _wrap(name, 22), transform=axes.transAxes, ha=ha, va="center",
                      fontsize=_NOTE_SIZE, color=_MUTED)  # fmt: skip
        top -= heights[number] / inches
        ends = [0.0, 1 + side] if loc.rtl else [-side, 1.0]
        axes.plot(ends, [top, top], transform=axes.transAxes, color=_RULE, linewidth=0.6, clip_on=False)


def _to_date(loc: Localizer, indicator: Indicator) -> str:
    """What the values to date are: a total, or for a percentage the share over every period."""
    if in_percent(indicator):
        return loc.gettext(N_("Overall to date"))
    return loc.gettext(N_("Total to date"))


def _trend_description(loc: Localizer, subtitle: str, series: _Series) -> str:
    """The trend in words: each period's value and milestone, and the target."""
    _ = loc.gettext
    indicator = series.item.indicator
    parts = []
    for progress in series.periods:
        achieved = _value(loc, progress.achieved, indicator, progress.qualifier, progress.second)
        text = _phrase(loc, _period(loc, progress.period), achieved)
        if progress.target is not None:
            text += f" ({_phrase(loc, _(N_('Milestone')), _value(loc, progress.target, indicator))})"
        parts.append(text)
    if series.item.overall.target is not None:
        value = _value(loc, series.item.overall.target, indicator)
        parts.append(_phrase(loc, _(N_("Target (end of programme)")), value))
    return _described(loc, subtitle, parts)


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)

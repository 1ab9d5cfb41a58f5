"""
Charts with matplotlib (the ``charts`` extra), imported only here.

* :func:`progress_chart`: achieved against target for each indicator, as a share of its
  target (direction-aware: for a decrease, reaching below the target is success), coloured by
  status;
* :func:`status_chart`: indicators by status, per output, outcome or organisation;
* :func:`trend_chart`: one indicator quarter by quarter, with its milestones.

Each returns a :class:`Chart`: the image's bytes (PNG or SVG), which a notebook shows as the
image rather than as ``b'\\x89PNG...'``; the same chart always gives the same bytes.  Arabic
labels are drawn right to left by matplotlib's own text layout.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, Literal

from ..assessment.progress import Assessment
from ..core.errors import shorten
from ..core.extras import require
from ..core.model import Status
from ..core.numbers import numeric
from ..text.escape import display_text
from ..text.l10n import Localizer

__all__ = ["Chart", "progress_chart", "status_chart", "trend_chart"]

ImageFormat = Literal["png", "svg"]


class Chart(bytes):
    """
    A chart: the bytes of its image, which a notebook displays as the image.

    It *is* ``bytes`` (``isinstance(chart, bytes)``, ``chart == data``, ``path.write_bytes(chart)``,
    ``chart.startswith(b"\\x89PNG")`` all work as before), with :attr:`format` beside them,
    ``_repr_png_`` or ``_repr_svg_`` for Jupyter and a one-line ``repr``
    (``Chart(png, 45,123 bytes)``).  Slicing or adding gives plain ``bytes``.

    .. versionadded:: 0.1.0
    """

    format: ImageFormat
    """The image's format: ``"png"`` or ``"svg"``."""

    def __new__(cls, data: bytes, format: ImageFormat) -> Chart:
        """The chart whose image is *data*, in *format* (``"png"`` or ``"svg"``)."""
        if format not in ("png", "svg"):
            raise ValueError(f"a chart is drawn as 'png' or 'svg', not {format!r}")
        chart = super().__new__(cls, data)
        chart.format = format
        return chart

    def __repr__(self) -> str:
        return f"Chart({self.format}, {len(self):,} bytes)"

    def __reduce__(self) -> tuple[type[Chart], tuple[bytes, str]]:
        return (Chart, (bytes(self), self.format))

    def _repr_png_(self) -> bytes | None:
        return bytes(self) if self.format == "png" else None

    def _repr_svg_(self) -> str | None:
        return self.decode("utf-8") if self.format == "svg" else None


COLOURS = {
    Status.EXCEEDED: "#1a7f37",
    Status.ACHIEVED: "#2da44e",
    Status.ON_TRACK: "#54aeff",
    Status.BEHIND: "#d4a72c",
    Status.NOT_ACHIEVED: "#cf222e",
    Status.NOT_STARTED: "#afb8c1",
    Status.NOT_CONDUCTED: "#8c959f",
    Status.NOT_ASSESSED: "#eaeef2",
    Status.NO_DATA: "#d0d7de",
}


def _pyplot() -> Any:
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


# Text is text: matplotlib would read "$1,000 and $500" as TeX maths (and fail on an odd "$").
# A fixed salt: SVG element ids are otherwise random, and the same chart would differ.
_SETTINGS = {"text.parse_math": False, "svg.hashsalt": "resultsframework"}


@contextmanager
def _drawing() -> Iterator[Any]:
    """
    pyplot, with every text drawn as written.

    A chart is made and saved wholly inside: matplotlib reads the setting when it makes each
    text (labels, titles, the tick labels it makes while drawing), not when it saves.
    """
    plt = _pyplot()
    with plt.rc_context(_SETTINGS):
        yield plt


def _save(figure: Any, fmt: ImageFormat) -> Chart:
    buffer = io.BytesIO()
    metadata = {"Software": None} if fmt == "png" else {"Date": None}  # the same chart gives the same bytes
    try:
        with _drawing():
            figure.savefig(buffer, format=fmt, bbox_inches="tight", dpi=150, metadata=metadata)
    finally:
        _pyplot().close(figure)
    return Chart(buffer.getvalue(), fmt)


def progress_chart(
    assessment: Assessment, *, format: ImageFormat = "png", locale: str = "en", fmt: ImageFormat | None = None
) -> Chart:
    """
    Achieved against target for every numeric indicator, as a percentage of the target.

    The bar is the achievement rate (direction-aware, so longer is always better), the line
    at 100 % the target; bars are coloured by status.

    .. versionadded:: 0.1.0
    """
    chosen = _format(format, fmt)
    with _drawing() as plt:
        loc = Localizer(locale)
        items = [i for i in assessment.indicators if i.achievement_rate is not None]
        labels = [display_text(f"{i.code} {shorten(i.indicator.statement, 40)}") for i in items]
        rates = [float(i.achievement_rate or 0) * 100 for i in items]  # floats for drawing only
        figure, axes = plt.subplots(figsize=(8, max(2.0, 0.35 * len(items) + 1)))
        axes.barh(range(len(items)), rates, color=[COLOURS[i.status] for i in items])
        axes.axvline(100, color="#24292f", linewidth=1)
        axes.set_yticks(range(len(items)), labels)
        axes.invert_yaxis()
        axes.set_xlabel(f"{loc.gettext('Achievement rate')} (%)")
        axes.set_title(display_text(shorten(assessment.programme.title, 80)))
        for index, item in enumerate(items):
            axes.text(rates[index] + 1, index, loc.status(item.status), va="center", fontsize=8)
        return _save(figure, chosen)


def status_chart(
    assessment: Assessment,
    *,
    by: str = "output",
    format: ImageFormat = "png",
    locale: str = "en",
    fmt: ImageFormat | None = None,
) -> Chart:
    """
    Indicators by status for each output, outcome or organisation, as stacked bars.

    .. versionadded:: 0.1.0
    """
    chosen = _format(format, fmt)
    with _drawing() as plt:
        loc = Localizer(locale)
        groups = assessment.counts_by(by)
        names = list(groups)
        figure, axes = plt.subplots(figsize=(8, max(2.0, 0.45 * len(names) + 1)))
        left = [0] * len(names)
        for status in Status:
            counts = [groups[name][status] for name in names]
            if any(counts):
                axes.barh(
                    range(len(names)),
                    counts,
                    left=left,
                    color=COLOURS[status],
                    label=loc.status(status),
                )
                left = [a + b for a, b in zip(left, counts, strict=True)]
        axes.set_yticks(range(len(names)), [_group_name(loc, by, name) for name in names])
        axes.xaxis.set_major_locator(_integer_ticks())
        axes.invert_yaxis()
        axes.set_xlabel(loc.gettext("Indicators"))
        axes.legend(loc="lower right", fontsize=8)
        axes.set_title(display_text(shorten(assessment.programme.title, 80)))
        return _save(figure, chosen)


def trend_chart(
    assessment: Assessment,
    code: str,
    *,
    format: ImageFormat = "png",
    locale: str = "en",
    fmt: ImageFormat | None = None,
) -> Chart:
    """
    One indicator period by period: the value achieved in each, and its milestones.

    .. versionadded:: 0.1.0
    """
    chosen = _format(format, fmt)
    with _drawing() as plt:
        loc = Localizer(locale)
        item = assessment[code]
        periods = item.periods
        labels = [p.period.id if p.period else "" for p in periods]
        achieved = [_float(numeric(p.achieved)) for p in periods]
        targets = [_float(numeric(p.target)) for p in periods]
        figure, axes = plt.subplots(figsize=(8, 4))
        heights = [a if a is not None else 0 for a in achieved]
        colours = [COLOURS[p.status] for p in periods]
        axes.bar(range(len(periods)), heights, color=colours, label=loc.gettext("Achieved value"))
        positions = [i for i, t in enumerate(targets) if t is not None]
        if positions:
            marks = [targets[i] for i in positions]
            label = loc.gettext("Planned Target")
            axes.plot(positions, marks, "k_", markersize=28, markeredgewidth=2, label=label)
        for index, value in enumerate(achieved):
            if value is None:  # missing is shown as missing, not as zero
                axes.text(index, 0, "–", ha="center", va="bottom")
        axes.set_xticks(range(len(periods)), labels)
        axes.set_title(display_text(f"{item.code} {shorten(item.indicator.statement, 70)}"))
        axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
        return _save(figure, chosen)


def _group_name(loc: Localizer, by: str, name: str) -> str:
    if by == "output" and "/" in name:
        outcome, output = (display_text(code) for code in name.split("/", 1))
        return f"{loc.gettext('Output')} {output} ({loc.gettext('Outcome')} {outcome})"
    if by == "outcome":
        return f"{loc.gettext('Outcome')} {display_text(name)}"
    return display_text(name)


def _integer_ticks() -> Any:
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415

    return MaxNLocator(integer=True)


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)

"""
HXL: a flat CSV of indicator values with a hashtag row, for humanitarian data tools.

One row per indicator and period; the breakdown cells become columns with HXL attributes
(``+f``/``+m`` for sex, ``+age_0_17`` for ages, ``+idps``/``+returnees`` for population
groups).  HXL 1.1 has no ``#sex`` or ``#age`` hashtag: sex and age are attributes.  No
dependency on libhxl: it is a header row, a hashtag row, and the data.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from ..assessment.progress import Assessment, assess
from ..core.model import Programme
from ..text.escape import formula_safe
from ..text.values import plain
from .frames import tidy_rows

__all__ = ["to_hxl"]

# (heading, hashtag, key of the frame row)
COLUMNS = (
    ("Programme", "#activity +programme +name", "programme"),
    ("Project code", "#activity +project +code", "project"),
    ("Outcome", "#description +outcome +code", "outcome"),
    ("Output", "#output +code", "output"),
    ("Indicator code", "#indicator +code", "indicator"),
    ("Indicator", "#indicator +name", "statement"),
    ("Measure", "#indicator +type", "measure"),
    ("Unit", "#indicator +unit", "unit"),
    ("Start", "#date +start", "period_start"),
    ("End", "#date +end", "period_end"),
    ("Organisation", "#org +impl +name", "organisation"),
    ("Baseline", "#indicator +num +baseline", "baseline"),
    ("Target", "#indicator +num +target", "target"),
    ("Achieved", "#indicator +num +achieved", "value"),
    ("Numerator", "#indicator +num +numerator", "numerator"),
    ("Denominator", "#indicator +num +denominator", "denominator"),
    ("Status", "#status +progress", "status"),
    ("Variance", "#description +variance", "variance"),
    ("Source", "#meta +source", "source"),
)

ATTRIBUTES = {
    ("sex", "female"): "f",
    ("sex", "male"): "m",
    ("population_group", "idp"): "idps",
    ("population_group", "returnee"): "returnees",
    ("population_group", "host_community"): "host",
    ("population_group", "refugee"): "refugees",
    ("population_group", "migrant"): "migrants",
}


def _digest(category: str) -> str:
    """Six hex digits that tell one category from another: the same for the same text, always."""
    return hashlib.sha256(unicodedata.normalize("NFC", category).encode("utf-8")).hexdigest()[:6]


def attribute(dimension: str, category: str, *, unique: bool = False) -> str:
    """
    The HXL attribute of one breakdown category: ``f``, ``age_18_59``, ``location_baghdad``.

    HXL attributes are written in ``[a-z0-9_]``: a category written (partly) in another script
    (``نينوى``) keeps what readable ASCII it has and gains a short digest of the text
    (``location_1f3a9c``), so that categories that differ get different attributes.  *unique*
    adds the digest to any category not already known (for categories that differ only in
    case or punctuation).
    """
    known = ATTRIBUTES.get((dimension, category))
    if known:
        return known
    prefix = "age" if dimension == "age" else dimension
    text = re.sub(r"[^a-z0-9]+", "_", f"{prefix}_{category}".lower().replace("+", "plus")).strip("_")
    if unique or not category.isascii():
        text = f"{text}_{_digest(category)}"
    return text if text[:1].isalpha() else f"x_{text}"


def _tags(cells: Iterable[tuple[tuple[str, str], ...]]) -> list[str]:
    """The hashtag of each breakdown column, different for different columns."""
    columns = list(cells)

    def tag(categories: tuple[tuple[str, str], ...], unique: bool) -> str:
        attributes = " ".join(f"+{attribute(d, c, unique=unique)}" for d, c in categories)
        return f"#indicator +num +achieved {attributes}"

    tags = [tag(categories, False) for categories in columns]
    counts: dict[str, int] = {}
    for text in tags:
        counts[text] = counts.get(text, 0) + 1
    return [
        tag(categories, True) if counts[text] > 1 else text
        for categories, text in zip(columns, tags, strict=True)
    ]


def to_hxl(data: Programme | Assessment | Iterable[Programme | Assessment]) -> str:
    """
    The values of one programme, an assessment or a portfolio as HXL-tagged CSV (UTF-8 text).

    .. versionadded:: 0.1.0
    """
    items = [data] if isinstance(data, Programme | Assessment) else list(data)
    assessments = [item if isinstance(item, Assessment) else assess(item) for item in items]
    records: list[dict[Any, Any]] = []
    cells: dict[tuple[tuple[str, str], ...], None] = {}
    for assessment in assessments:
        programme = assessment.programme
        project = programme.identifier("mptf_project") or programme.identifier("programme_number")
        for item in assessment.indicators:
            dimensions: dict[str, None] = {}
            current: dict[Any, Any] | None = None
            for row in tidy_rows(programme, item, dimensions):
                categories = tuple((d, row[d]) for d in dimensions if row.get(d) is not None)
                if not categories:
                    organisation = row.get("reported_by") or "; ".join(item.indicator.responsible)
                    current = {**row, "project": project, "organisation": organisation}
                    records.append(current)
                elif current is not None:
                    current[categories] = row["value"]
                    cells.setdefault(categories, None)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    headings = [heading for heading, _, _ in COLUMNS]
    tags = [tag for _, tag, _ in COLUMNS]
    for categories in cells:
        headings.append("Achieved: " + ", ".join(f"{d} {c}" for d, c in categories))
    tags.extend(_tags(cells))
    writer.writerow([formula_safe(h) for h in headings])
    writer.writerow(tags)
    for record in records:
        line = [plain(record.get(key)) for _, _, key in COLUMNS]
        line += [plain(record.get(categories)) for categories in cells]
        writer.writerow([formula_safe(text) for text in line])
    return buffer.getvalue()

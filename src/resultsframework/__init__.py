"""
resultsframework: the results frameworks of migration and displacement programmes as data.

Outcomes, outputs, activities and indicators with their baselines, targets,
achieved values, variance explanations and sources of verification, in a typed
core with a canonical JSON/YAML file format.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._errors import LoadError, Problem, ResultsFrameworkError
from ._model import (
    Accumulation,
    Achieved,
    Activity,
    ActivityStatus,
    Baseline,
    Breakdown,
    Budget,
    Cell,
    Contact,
    Contribution,
    ContributionSource,
    Dates,
    Dimension,
    Direction,
    Evaluation,
    FrameworkLink,
    Identifier,
    Impact,
    Indicator,
    Location,
    Measure,
    Money,
    Number,
    Organisation,
    OrganisationRole,
    Outcome,
    Output,
    Programme,
    Ratio,
    Status,
    Target,
    Value,
    Variance,
    VarianceCategory,
)
from ._periods import Period, PeriodError, parse_date

if TYPE_CHECKING:
    from . import frameworks
    from ._alignment import AlignedIndicator, Alignment, align, alignment_table, matrix_table, summary_table
    from ._assess import (
        Assessment,
        IndicatorAssessment,
        Progress,
        aggregate,
        assess,
        report_date,
        status_counts,
    )
    from ._charts import progress_chart, status_chart, trend_chart
    from ._disaggregation import AgeRange, breakdown_total, category_totals, check_breakdown, shares
    from ._dstwg import check_quarter, quarter_table
    from ._extras import MissingExtraError
    from ._frames import from_dataframe, to_dataframe
    from ._framework import Element, Framework
    from ._hxl import to_hxl
    from ._iati import to_iati, validate_iati
    from ._io import dump, dump_portfolio, dumps, iter_portfolio, load, load_portfolio, loads
    from ._l10n import Localizer, available_locales
    from ._mptf import indicator_table
    from ._render import render, render_file, render_table, report
    from ._schema import json_schema
    from ._table import Column, Part, Table, TableCell, TableRow
    from ._tracker import read_tracker, tracker_workbook
    from ._validate import Diagnostic, Severity, validate

__version__ = "0.1.0"

# Everything else is imported on first use, so that `import resultsframework` stays light
# for tools that embed it: name -> the module that defines it.
_LAZY: dict[str, str] = {
    "frameworks": "resultsframework.frameworks",
    "AlignedIndicator": "resultsframework._alignment",
    "Alignment": "resultsframework._alignment",
    "align": "resultsframework._alignment",
    "alignment_table": "resultsframework._alignment",
    "matrix_table": "resultsframework._alignment",
    "summary_table": "resultsframework._alignment",
    "Assessment": "resultsframework._assess",
    "IndicatorAssessment": "resultsframework._assess",
    "Progress": "resultsframework._assess",
    "aggregate": "resultsframework._assess",
    "assess": "resultsframework._assess",
    "report_date": "resultsframework._assess",
    "status_counts": "resultsframework._assess",
    "AgeRange": "resultsframework._disaggregation",
    "breakdown_total": "resultsframework._disaggregation",
    "category_totals": "resultsframework._disaggregation",
    "check_breakdown": "resultsframework._disaggregation",
    "shares": "resultsframework._disaggregation",
    "check_quarter": "resultsframework._dstwg",
    "quarter_table": "resultsframework._dstwg",
    "MissingExtraError": "resultsframework._extras",
    "Element": "resultsframework._framework",
    "from_dataframe": "resultsframework._frames",
    "to_dataframe": "resultsframework._frames",
    "to_hxl": "resultsframework._hxl",
    "to_iati": "resultsframework._iati",
    "validate_iati": "resultsframework._iati",
    "read_tracker": "resultsframework._tracker",
    "tracker_workbook": "resultsframework._tracker",
    "progress_chart": "resultsframework._charts",
    "status_chart": "resultsframework._charts",
    "trend_chart": "resultsframework._charts",
    "Framework": "resultsframework._framework",
    "dump": "resultsframework._io",
    "dump_portfolio": "resultsframework._io",
    "dumps": "resultsframework._io",
    "iter_portfolio": "resultsframework._io",
    "load": "resultsframework._io",
    "load_portfolio": "resultsframework._io",
    "loads": "resultsframework._io",
    "Localizer": "resultsframework._l10n",
    "available_locales": "resultsframework._l10n",
    "indicator_table": "resultsframework._mptf",
    "render": "resultsframework._render",
    "render_file": "resultsframework._render",
    "render_table": "resultsframework._render",
    "report": "resultsframework._render",
    "json_schema": "resultsframework._schema",
    "Column": "resultsframework._table",
    "Part": "resultsframework._table",
    "Table": "resultsframework._table",
    "TableCell": "resultsframework._table",
    "TableRow": "resultsframework._table",
    "Diagnostic": "resultsframework._validate",
    "Severity": "resultsframework._validate",
    "validate": "resultsframework._validate",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'resultsframework' has no attribute {name!r}")
    imported = importlib.import_module(module)
    value = imported if name == "frameworks" else getattr(imported, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Accumulation",
    "Achieved",
    "Activity",
    "ActivityStatus",
    "AgeRange",
    "AlignedIndicator",
    "Alignment",
    "Assessment",
    "Baseline",
    "Breakdown",
    "Budget",
    "Cell",
    "Column",
    "Contact",
    "Contribution",
    "ContributionSource",
    "Dates",
    "Diagnostic",
    "Dimension",
    "Direction",
    "Element",
    "Evaluation",
    "Framework",
    "FrameworkLink",
    "Identifier",
    "Impact",
    "Indicator",
    "IndicatorAssessment",
    "LoadError",
    "Localizer",
    "Location",
    "Measure",
    "MissingExtraError",
    "Money",
    "Number",
    "Organisation",
    "OrganisationRole",
    "Outcome",
    "Output",
    "Part",
    "Period",
    "PeriodError",
    "Problem",
    "Programme",
    "Progress",
    "Ratio",
    "ResultsFrameworkError",
    "Severity",
    "Status",
    "Table",
    "TableCell",
    "TableRow",
    "Target",
    "Value",
    "Variance",
    "VarianceCategory",
    "__version__",
    "aggregate",
    "align",
    "alignment_table",
    "assess",
    "available_locales",
    "breakdown_total",
    "category_totals",
    "check_breakdown",
    "check_quarter",
    "dump",
    "dump_portfolio",
    "dumps",
    "frameworks",
    "from_dataframe",
    "indicator_table",
    "iter_portfolio",
    "json_schema",
    "load",
    "load_portfolio",
    "loads",
    "matrix_table",
    "parse_date",
    "progress_chart",
    "quarter_table",
    "read_tracker",
    "render",
    "render_file",
    "render_table",
    "report",
    "report_date",
    "shares",
    "status_chart",
    "status_counts",
    "summary_table",
    "to_dataframe",
    "to_hxl",
    "to_iati",
    "tracker_workbook",
    "trend_chart",
    "validate",
    "validate_iati",
]

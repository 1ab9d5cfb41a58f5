"""
resultsframework: the results frameworks of migration and displacement programmes as data.

Outcomes, outputs, activities and indicators with their baselines, targets,
achieved values, variance explanations and sources of verification, in a typed
core with a canonical JSON/YAML file format.
"""

from . import frameworks
from ._alignment import AlignedIndicator, Alignment, align, alignment_table, matrix_table, summary_table
from ._assess import Assessment, IndicatorAssessment, Progress, aggregate, assess, report_date, status_counts
from ._disaggregation import AgeRange, breakdown_total, category_totals, check_breakdown, shares
from ._dstwg import check_quarter, quarter_table
from ._errors import LoadError, Problem, ResultsFrameworkError
from ._extras import MissingExtraError
from ._framework import Element, Framework
from ._io import dump, dump_portfolio, dumps, iter_portfolio, load, load_portfolio, loads
from ._l10n import Localizer, available_locales
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
from ._mptf import indicator_table
from ._periods import Period, PeriodError, parse_date
from ._render import render, render_file, render_table, report
from ._schema import json_schema
from ._table import Column, Part, Table, TableCell, TableRow
from ._validate import Diagnostic, Severity, validate

__version__ = "0.1.0"

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
    "indicator_table",
    "iter_portfolio",
    "json_schema",
    "load",
    "load_portfolio",
    "loads",
    "matrix_table",
    "parse_date",
    "quarter_table",
    "render",
    "render_file",
    "render_table",
    "report",
    "report_date",
    "shares",
    "status_counts",
    "summary_table",
    "validate",
]

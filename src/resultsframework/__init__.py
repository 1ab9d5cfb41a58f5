"""
resultsframework: the results frameworks of migration and displacement programmes as data.

Outcomes, outputs, activities and indicators with their baselines, targets,
achieved values, variance explanations and sources of verification, in a typed
core with a canonical JSON/YAML file format.
"""

from ._assess import Assessment, IndicatorAssessment, Progress, aggregate, assess, status_counts
from ._disaggregation import AgeRange, breakdown_total, category_totals, check_breakdown, shares
from ._errors import LoadError, Problem, ResultsFrameworkError
from ._extras import MissingExtraError
from ._io import dump, dumps, load, loads
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
    "Evaluation",
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
    "assess",
    "available_locales",
    "breakdown_total",
    "category_totals",
    "check_breakdown",
    "dump",
    "dumps",
    "indicator_table",
    "json_schema",
    "load",
    "loads",
    "parse_date",
    "render",
    "render_file",
    "render_table",
    "report",
    "shares",
    "status_counts",
    "validate",
]

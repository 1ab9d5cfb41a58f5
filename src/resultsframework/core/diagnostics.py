"""
Diagnostics: what a check finds, with its severity, a stable code, where, and what is wrong.

Every check of the package returns them: :func:`~resultsframework.validate`,
:func:`~resultsframework.check_quarter`, :func:`~resultsframework.check_breakdown`, ...
"""

from __future__ import annotations

import enum

import attrs

from .errors import Path, format_path

__all__ = ["Diagnostic", "Severity"]


class Severity(enum.StrEnum):
    """How serious a diagnostic is: errors make ``resultsframework validate`` exit 1."""

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen
class Diagnostic:
    """
    One finding of :func:`validate`.

    .. versionadded:: 0.1.0
    """

    severity: Severity
    code: str
    path: Path
    message: str

    def __str__(self) -> str:
        return f"{format_path(self.path)}: {self.severity} [{self.code}] {self.message}"

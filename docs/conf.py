"""
Sphinx configuration.

Why Sphinx with MyST rather than MkDocs: the API reference comes from the docstrings through
autodoc (with Napoleon for their Args/Raises sections), the pages stay Markdown that GitHub shows
as they are, and the build fails on any warning (-W). The examples in the pages are executed by
the test suite (tests/test_docs.py), so they cannot rot.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from _cli_reference import write_cli_reference  # noqa: E402
from _format_reference import write_format_reference  # noqa: E402
from sphinx.ext.napoleon.docstring import GoogleDocstring  # noqa: E402

import resultsframework  # noqa: E402

project = "resultsframework"
author = "resultsframework developers"
copyright = "2026, resultsframework developers"  # noqa: A001
release = resultsframework.__version__

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "README.md"]
myst_heading_anchors = 3
suppress_warnings = ["myst.xref_missing"]  # README-style links to ../ files outside the docs tree

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented"  # fields say what they mean below the class
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "alabaster"
html_title = "resultsframework"


def _attribute_as_written(self: Any) -> list[str]:
    """
    A field's docstring as written: Napoleon would read "Where it stands: planned, ..." as a type
    ("Where it stands") and a text; our fields' types come from their annotations.
    """
    lines: list[str] = self._consume_to_end()
    return lines


GoogleDocstring._parse_attribute_docstring = _attribute_as_written  # type: ignore[method-assign]


def _factory_defaults(*event: Any) -> tuple[str | None, str | None]:
    """attrs shows a field with a factory as ``=NOTHING``: show the empty mapping it starts as."""
    signature, annotation = event[-2], event[-1]  # autodoc-process-signature's last two arguments
    if signature and "=NOTHING" in signature:
        signature = signature.replace("=NOTHING", "={}")
    return signature, annotation


def setup(app: Any) -> None:
    write_format_reference(HERE / "reference" / "schema.md")
    write_cli_reference(HERE / "reference" / "cli.md")
    app.connect("autodoc-process-signature", _factory_defaults)

"""
Refresh the message catalogues from the source.

Every label the package shows is marked ``N_("...")`` where it is written.  This
script collects them into ``locale/resultsframework.pot`` and merges that template
into each language's ``.po`` file: translations are kept, new labels are added
untranslated, labels no longer used are dropped.  Run it after adding a label:

    python tools/update_catalogs.py

then translate the new entries (``msgstr ""``) in each ``.po`` file.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "resultsframework"
LOCALE = PACKAGE / "locale"
DOMAIN = "resultsframework"


def messages() -> dict[str, list[tuple[str, int]]]:
    """Every N_("...") literal in the package, with where it is written."""
    found: dict[str, list[tuple[str, int]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "N_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, []).append((path.name, node.lineno))
    return found


def main() -> int:
    template = Catalog(project="resultsframework", domain=DOMAIN)
    for message, locations in sorted(messages().items()):
        template.add(message, locations=locations)
    with (LOCALE / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True, width=100)
    for po_path in sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=po_path.parent.parent.name)
        catalog.update(template, no_fuzzy_matching=True)
        with po_path.open("wb") as handle:
            write_po(handle, catalog, sort_output=True, width=100, ignore_obsolete=True)
        missing = [m.id for m in catalog if m.id and not m.string]
        print(f"{po_path.relative_to(PACKAGE)}: {len(catalog)} labels, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())

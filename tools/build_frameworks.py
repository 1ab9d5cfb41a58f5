"""
Convert the SDG and GCM reference data into the package's own framework format.

Run at development time, from the repository root, with the shared reference data beside
it; the package never reads ../shared at run time:

    python tools/build_frameworks.py [../shared/reference-data]

It writes src/resultsframework/data/frameworks/sdg.json and gcm.json.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from resultsframework.core.framework import FRAMEWORK_FORMAT, Framework  # noqa: E402
from resultsframework.io.converter import structure_document, unstructure_document  # noqa: E402
from resultsframework.io.documents import emit  # noqa: E402

OUT = ROOT / "src" / "resultsframework" / "data" / "frameworks"
LANGUAGES = ("en", "fr", "ar")
KEY = re.compile(r"^(\d+)(?:-([0-9a-z]+))?(?:-([0-9a-z]+))?-(title|short)$")


def _read(folder: Path, language: str, name: str) -> dict[str, str]:
    with (folder / language / name).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    # NFC: the source writes some accents decomposed (e + U+0301); composed, they match what users type.
    return {str(k): unicodedata.normalize("NFC", " ".join(str(v).split())) for k, v in data.items()}


def _sort_key(code: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in code.split("."))


def sdg(folder: Path) -> dict[str, object]:
    files = ("global_goals.yml", "global_targets.yml", "global_indicators.yml")
    texts = {
        language: {k: v for name in files for k, v in _read(folder, language, name).items()}
        for language in LANGUAGES
    }
    elements: dict[str, dict[str, object]] = {}
    for key, title in texts["en"].items():
        match = KEY.match(key)
        if match is None:
            continue
        parts = [p for p in match.groups()[:3] if p]
        code = ".".join(parts)
        level = ("goal", "target", "indicator")[len(parts) - 1]
        element = elements.setdefault(code, {"code": code, "level": level})
        if len(parts) > 1:
            element["parent"] = ".".join(parts[:-1])
        field = match.group(4)
        if field == "short":
            element["short"] = title
            continue
        element["title"] = title
        translations = {lang: texts[lang][key] for lang in LANGUAGES[1:] if texts[lang].get(key)}
        if translations:
            element["translations"] = translations
    ordered = [elements[c] for c in sorted(elements, key=_sort_key)]
    return {
        "format": FRAMEWORK_FORMAT,
        "id": "sdg",
        "title": "Sustainable Development Goals: goals, targets and indicators",
        "levels": ["goal", "target", "indicator"],
        "elements": ordered,
        "version": "open-sdg/sdg-translations 0cda585851a5c6f04040a9a2755fbb4496c4eead (2025-08-19)",
        "source": "UN Statistical Commission global indicator framework, as translated in "
        "open-sdg/sdg-translations (translations/{en,fr,ar}: global_goals.yml, global_targets.yml, "
        "global_indicators.yml)",
        "licence": "MIT (open-sdg/sdg-translations)",
        "note": "Codes use dots as the official codes do: goal 10, target 10.7, indicator 10.7.2.",
    }


def gcm(folder: Path) -> dict[str, object]:
    with (folder / "objectives.yml").open(encoding="utf-8") as handle:
        objectives = yaml.safe_load(handle)
    return {
        "format": FRAMEWORK_FORMAT,
        "id": "gcm",
        "title": "Global Compact for Safe, Orderly and Regular Migration: objectives",
        "levels": ["objective"],
        "elements": [
            {"code": str(number), "title": " ".join(str(title).split()), "level": "objective"}
            for number, title in sorted(objectives.items())
        ],
        "version": "A/RES/73/195 (19 December 2018)",
        "source": "UN General Assembly resolution A/RES/73/195, paragraph 16",
        "licence": "United Nations resolution text",
    }


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference-data"
    for name, data in (("sdg", sdg(folder / "sdg")), ("gcm", gcm(folder / "gcm"))):
        framework, problems = structure_document(data, Framework, FRAMEWORK_FORMAT)
        if framework is None:
            print("\n".join(str(p) for p in problems), file=sys.stderr)
            return 1
        text = emit(unstructure_document(framework, FRAMEWORK_FORMAT), "json")
        (OUT / f"{name}.json").write_text(text, encoding="utf-8")
        print(f"{name}.json: {len(framework.elements)} elements")
    return 0


if __name__ == "__main__":
    sys.exit(main())

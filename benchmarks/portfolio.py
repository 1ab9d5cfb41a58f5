"""
A generator of synthetic portfolios, for benchmarks.

    python benchmarks/portfolio.py OUT.jsonl [--programmes 1000] [--indicators 40]
                                             [--periods 12] [--cells 6] [--seed 0]

Each programme has two outcomes, outputs of five indicators, quarterly periods, and on every
achieved value a breakdown by sex and age of the given number of cells; measures, directions and
accumulations vary, a tenth of the indicators are percentages kept as numerator and denominator.
The figures are random (seeded), the shape is what real portfolios hold.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SEXES = ("female", "male")
AGES = ("0-17", "18-59", "60+", "18-24", "25-59", "0-4")
IOM_OUTCOMES = ("1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3")


def programme(index: int, indicators: int, periods: int, cells: int, rng: random.Random) -> dict[str, Any]:
    quarters = [f"{2018 + q // 4}Q{q % 4 + 1}" for q in range(periods)]
    start_year = 2018
    end_year = 2018 + (periods - 1) // 4
    outcomes = []
    per_output = 5
    outputs_total = max(1, indicators // per_output)
    for o in range(2):
        outputs = []
        for u in range(outputs_total // 2 + (outputs_total % 2 if o == 0 else 0)):
            inds: list[dict[str, Any]] = []
            for k in range(per_output):
                number = len(inds) + 1
                code = f"{o + 1}.{u + 1}.{number}"
                percentage = (index + o + u + k) % 10 == 0
                achieved = []
                for period in quarters:
                    if percentage:
                        denominator = rng.randint(50, 500)
                        value: Any = {"numerator": rng.randint(0, denominator), "denominator": denominator}
                        record: dict[str, Any] = {"period": period, "value": value}
                    else:
                        parts = [rng.randint(0, 200) for _ in range(cells)]
                        record = {
                            "period": period,
                            "value": sum(parts),
                            "breakdowns": [{
                                "dimensions": ["sex", "age"],
                                "cells": [{"sex": SEXES[c % 2], "age": AGES[c // 2 % len(AGES)], "value": v}
                                          for c, v in enumerate(parts)],
                            }],
                        }  # fmt: skip
                    if rng.random() < 0.1:
                        record["variance"] = {
                            "reason": "Access was restricted in one district.",
                            "category": "context_security",
                        }
                    achieved.append(record)
                indicator: dict[str, Any] = {
                    "code": code,
                    "statement": f"Number of people reached by activity {code}",
                    "measure": "percentage" if percentage else "count",
                    "unit": "individuals",
                    "accumulation": rng.choice(["sum", "sum", "running_total", "level"]),
                    "responsible": [rng.choice(["IOM", "UNDP"])],
                    "baseline": {"value": rng.randint(0, 20)},
                    "target": {"value": rng.randint(50, 100) if percentage else rng.randint(500, 5000)},
                    "achieved": achieved,
                    "links": [f"iom-iraq-2022:{rng.choice(IOM_OUTCOMES)}"],
                }
                inds.append(indicator)
            outputs.append({"code": str(u + 1), "statement": f"Output {o + 1}.{u + 1}", "indicators": inds})
        outcomes.append({"code": str(o + 1), "statement": f"Outcome {o + 1}", "outputs": outputs})
    return {
        "format": "resultsframework/1",
        "title": f"Synthetic programme {index}",
        "identifiers": [{"scheme": "mptf_project", "id": f"{index:08d}"}],
        "organisations": [{"id": "IOM", "role": "lead"}, {"id": "UNDP", "role": "participating"}],
        "dates": {"start": f"{start_year}-01-01", "original_end": f"{end_year}-12-31"},
        "reporting_periods": quarters,
        "outcomes": outcomes,
    }


def generate(programmes: int = 1000, indicators: int = 40, periods: int = 12, cells: int = 6,
             seed: int = 0) -> Iterator[dict[str, Any]]:  # fmt: skip
    """The programmes of a synthetic portfolio, as canonical documents."""
    rng = random.Random(seed)
    for index in range(programmes):
        yield programme(index, indicators, periods, cells, rng)


def write(path: Path, **scale: int) -> int:
    """Write a portfolio file (JSON Lines); return the number of achieved values."""
    values = 0
    with path.open("w", encoding="utf-8") as handle:
        for document in generate(**scale):
            values += sum(
                len(i["achieved"])
                for o in document["outcomes"]
                for u in o["outputs"]
                for i in u["indicators"]
            )
            handle.write(json.dumps(document, separators=(",", ":")) + "\n")
    return values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    for name, default in (
        ("programmes", 1000),
        ("indicators", 40),
        ("periods", 12),
        ("cells", 6),
        ("seed", 0),
    ):
        parser.add_argument(f"--{name}", type=int, default=default)
    args = parser.parse_args()
    scale = {k: getattr(args, k) for k in ("programmes", "indicators", "periods", "cells", "seed")}
    values = write(args.out, **scale)
    print(f"{args.out}: {args.programmes} programmes, {values} achieved values")
    return 0


if __name__ == "__main__":
    sys.exit(main())

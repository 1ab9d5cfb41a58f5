"""
What an analyst does with a portfolio, start to finish: load, assess, find what is behind,
chart it, and export for the next tool.  Run from the repository root:

    python examples/analyst.py [OUT_FOLDER]

Needs the pandas and charts extras (pip install 'resultsframework[all]').
"""

from __future__ import annotations

import sys
from pathlib import Path

import resultsframework as rf

HERE = Path(__file__).resolve().parent


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    portfolio = [rf.load(HERE / "mptf-00127216-un-migration-network.yaml"),
                 rf.load(HERE / "iom-iraq-reintegration-illustrative.yaml")]  # fmt: skip

    # 1. Where does everything stand?  One tidy table, exact numbers, missing kept missing.
    frame = rf.to_dataframe(portfolio)
    totals = frame[frame["period"].notna() & frame["sex"].isna() & frame["age"].isna()]
    print(totals.groupby("programme")["indicator"].nunique().to_string(), end="\n\n")

    # 2. What is behind or missed?  The status comes from the one computation every renderer uses.
    trouble = frame[frame["status"].isin(["behind", "not_achieved"])].drop_duplicates(
        ["programme", "indicator"]
    )
    print(
        trouble[["programme", "indicator", "statement", "status", "achievement_rate"]].to_string(index=False)
    )

    # 3. A chart of each programme's progress, and the trend of the first indicator behind.
    for number, programme in enumerate(portfolio, start=1):
        assessment = rf.assess(programme)
        (out / f"progress-{number}.png").write_bytes(rf.progress_chart(assessment))
    behind = rf.assess(portfolio[1])
    code = next(i.code for i in behind.indicators if i.status is rf.Status.BEHIND)
    (out / f"trend-{code}.png").write_bytes(rf.trend_chart(behind, code))

    # 4. Roll the portfolio up to the IOM strategy, and export for other tools.
    alignment = rf.align(portfolio, "iom-iraq-2022")
    rf.render_file(portfolio[0], out / "mptf-table.html", standalone=True)
    (out / "pillars.md").write_text(str(rf.render_table(rf.summary_table(alignment), "md")), encoding="utf-8")
    (out / "values.hxl.csv").write_text(rf.to_hxl(portfolio), encoding="utf-8")
    (out / "results.iati.xml").write_bytes(rf.to_iati(portfolio, reporting_org="XM-DAC-47066"))
    frame.to_csv(out / "values.csv", index=False)
    print(f"\nwritten to {out}: {', '.join(sorted(p.name for p in out.iterdir()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/analyst")))

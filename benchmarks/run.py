"""
Measure resultsframework against its performance goals, in one run.

    python benchmarks/run.py [--programmes 1000] [--indicators 40] [--periods 12] [--cells 6]
                             [--portfolio build/bench/portfolio.jsonl] [--markdown]
                             [--columnar-only] [--floors-only]

Generates the synthetic portfolio if the file is missing (see portfolio.py), then prints each
figure beside its goal:

- import time of ``import resultsframework`` over a bare interpreter, and that no optional extra
  (docx, openpyxl, pandas, lxml, matplotlib) is imported by it;
- load and structure of the portfolio against ``json.loads`` of the same lines, and against
  msgspec decoding them into typed structs of the same shape (``msgspec_shape.py``; the
  ``bench`` extra);
- assessment of the whole portfolio per 500,000 values, and the time at 2N over the time at N;
  against pandas and DuckDB computing the overall figures from a tidy table in memory;
- the roll-up of the whole portfolio into the IOM Strategy for Iraq (``iom-iraq-2022``) over
  assessing the same programmes, alone and with every total's breakdowns asked for (what the
  results table and the DSTWG sums show);
- rendering the MPTF table of 1,000 indicators in each format, and the same linearity check;
- writers against their floors (``--floors-only`` times these alone): the tracker written and
  read against openpyxl's write-only and read-only modes, ``to_dataframe`` against
  ``pandas.DataFrame`` of the same rows, the Word and Excel tables against python-docx and
  openpyxl writing the same texts unstyled, building the MPTF table against laying it out;
- the columnar path: writing the portfolio as Parquet, and assessing it on DuckDB against
  assessing it object by object (``--columnar-only`` times this alone; needs the parquet and
  duckdb extras);
- peak memory (resident set) of loading and assessing the whole portfolio, and of loading a
  YAML programme of 500 and of 1,000 indicators (written once beside the portfolio).
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import attrs  # noqa: E402
import portfolio  # noqa: E402

import resultsframework as rf  # noqa: E402

EXTRAS = ("docx", "openpyxl", "pandas", "lxml", "matplotlib")


def timed(function: Callable[[], object], repeat: int = 1) -> float:
    """The best of *repeat* runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def import_time() -> tuple[float, list[str]]:
    def run(code: str) -> float:
        samples = []
        for _ in range(7):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    bare = run("pass")
    loaded = run("import resultsframework")
    probe = f"import sys, resultsframework; print(','.join(m for m in {EXTRAS!r} if m in sys.modules))"
    found = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout.strip()
    return loaded - bare, [m for m in found.split(",") if m]


def _msgspec_decoder() -> Callable[[bytes], object] | None:
    """msgspec's decoding of a portfolio line into typed structs, if msgspec is installed."""
    try:
        from msgspec_shape import decoder  # noqa: PLC0415  (benchmarks/, beside this file)
    except ImportError:
        return None
    return decoder.decode


def load_ratio(path: Path) -> tuple[float, float, float | None, int]:
    """
    Seconds to load and structure the portfolio, to parse its lines with ``json.loads``, and to
    decode them with msgspec into typed objects of the same shape (``None`` without msgspec: the
    ``bench`` extra); and how many programmes it holds.
    """
    lines = path.read_bytes().splitlines()

    def parse() -> None:
        for line in lines:  # one programme at a time, as the loader reads them
            json.loads(line)

    decoder = _msgspec_decoder()

    def decode() -> None:
        assert decoder is not None
        for line in lines:
            decoder(line)

    count = 0

    def load() -> None:
        nonlocal count
        count = sum(1 for _ in rf.iter_portfolio(path))

    # Interleaved, best of three each: a single run of either varies by 10% on a busy machine.
    json_time = load_time = msgspec_time = float("inf")
    for _ in range(3):
        json_time = min(json_time, timed(parse))
        if decoder is not None:
            msgspec_time = min(msgspec_time, timed(decode))
        load_time = min(load_time, timed(load))
    return load_time, json_time, (msgspec_time if decoder is not None else None), count


def assess_times(programmes: list[rf.Programme]) -> tuple[float, list[float], int]:
    """Seconds to assess the programmes, the times at N, 2N, 4N (a quarter, half, all), the values."""
    values = sum(len(i.achieved) for p in programmes for i in p.indicators())
    steps = [programmes[: len(programmes) // 4], programmes[: len(programmes) // 2], programmes]
    times = [timed(lambda part=part: [rf.assess(p).counts() for p in part], repeat=3) for part in steps]  # type: ignore[misc]
    return times[-1], times, values


def load_growth(path: Path) -> tuple[list[float], float, float]:
    """
    Loading a quarter, half and all of the portfolio; and all of it by ``load_portfolio`` against
    ``list(iter_portfolio(...))`` (which keep the same programmes).
    """
    import tempfile  # noqa: PLC0415

    lines = path.read_bytes().splitlines(keepends=True)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for part in (len(lines) // 4, len(lines) // 2):
            partial = Path(tmp) / f"part-{part}.jsonl"
            partial.write_bytes(b"".join(lines[:part]))
            times.append(timed(lambda partial=partial: list(rf.iter_portfolio(partial)), repeat=2))  # type: ignore[misc]
    listed = timed(lambda: list(rf.iter_portfolio(path)), repeat=2)
    loaded = timed(lambda: rf.load_portfolio(path), repeat=2)
    return [*times, listed], listed, loaded


def growth(times: list[float]) -> str:
    """Times at N, 2N and 4N as multiples of the first: ``1 : 2.0 : 4.1`` is linear."""
    return " : ".join(["1", *(f"{t / times[0]:.1f}" for t in times[1:])])


def columnar_times(programmes: list[rf.Programme]) -> dict[str, float]:
    """
    Writing the Parquet dataset; the portfolio's status counts per programme and per framework
    element on DuckDB (``summarise_parquet``) and every indicator's figures (``assess_parquet``);
    and the same object by object (``assess`` of each programme, its counts).
    """
    import tempfile  # noqa: PLC0415

    import duckdb  # noqa: PLC0415  (the duckdb extra, needed here only)

    connection = duckdb.connect()
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # Best of two, each into a folder of its own: the first write of a process takes up to
        # twice as long (its memory is new to it), whatever was warmed up before.
        times["write"] = float("inf")
        for attempt in ("first", "portfolio"):
            out = Path(tmp) / attempt
            start = time.perf_counter()
            rf.to_parquet(programmes, out)
            times["write"] = min(times["write"], time.perf_counter() - start)
        times["size"] = sum(f.stat().st_size for f in out.rglob("*.parquet")) / 2**20
        times["summary"] = timed(
            lambda: rf.summarise_parquet(out, programmes=programmes, connection=connection), repeat=3
        )
        times["figures"] = timed(
            lambda: rf.assess_parquet(out, programmes=programmes, connection=connection), repeat=2
        )
    times["object"] = timed(lambda: [rf.assess(p).counts() for p in programmes], repeat=3)
    return times


def columnar_rows(programmes: list[rf.Programme]) -> list[tuple[str, str, str, bool]]:
    import tempfile  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp:  # pyarrow and DuckDB imported and warmed up first
        rf.to_parquet(programmes[:1], Path(tmp) / "warm-up")
        rf.summarise_parquet(Path(tmp) / "warm-up", programmes=programmes[:1])
    times = columnar_times(programmes)
    quarter = columnar_times(programmes[: len(programmes) // 4])
    half = columnar_times(programmes[: len(programmes) // 2])
    speedup = times["object"] / times["summary"]
    figures = times["object"] / times["figures"]
    steps = [quarter, half, times]
    # The 10× is for 10,000 programmes: below that, the fixed cost of opening the dataset
    # weighs (run with --programmes 10000 for the goal itself).
    faster = f"{speedup:.1f}× faster"
    if len(programmes) >= 10_000:
        speedup_row = ("  ... columnar over object by object", faster, "≥ 10×", speedup >= 10)
    else:
        speedup_row = (
            "  ... columnar over object by object (10× asked at 10,000 programmes)",
            faster,
            "",
            True,
        )
    return [
        (f"write {len(programmes):,} programmes as Parquet", f"{times['write']:.2f} s", "", True),
        ("  ... growth N→2N→4N", growth([t["write"] for t in steps]), "", True),
        ("  ... size of the dataset", f"{times['size']:.1f} MiB", "", True),
        ("status counts through the columnar path (DuckDB)", f"{times['summary']:.2f} s", "", True),
        ("  ... object by object (assess, counts)", f"{times['object']:.2f} s", "", True),
        speedup_row,
        ("  ... growth N→2N→4N, columnar", growth([t["summary"] for t in steps]), "", True),
        ("  ... growth N→2N→4N, object by object", growth([t["object"] for t in steps]), "", True),
        ("every indicator's figures, columnar (assess_parquet)", f"{times['figures']:.2f} s", "", True),
        ("  ... columnar over object by object", f"{figures:.1f}× faster", "", True),
    ]


def assessment_anchors(programmes: list[rf.Programme]) -> tuple[float, float] | None:
    """
    Seconds for pandas and for DuckDB to compute the overall figures of every indicator from a
    tidy table of its values already in memory (numeric columns, one row a value): the sum or
    the latest value by accumulation, percentages pooled (Σ numerators / Σ denominators), and
    the rate against the target.  Anchors, not the assessment: no status, no corrections, no
    qualifiers, no milestones.  ``None`` without pandas or DuckDB.
    """
    try:
        import duckdb  # noqa: PLC0415
        import pandas  # noqa: PLC0415
    except ImportError:
        return None
    accumulations = {"sum": 0, "running_total": 1, "level": 2}
    columns: dict[str, list[Any]] = {
        k: [] for k in ("programme", "indicator", "accumulation", "percentage", "end", "value",
                        "numerator", "denominator", "target")
    }  # fmt: skip
    for number, programme in enumerate(programmes):
        for indicator in programme.indicators():
            target = indicator.target.value if indicator.target is not None else None
            for record in indicator.achieved:
                value = record.value
                ratio = isinstance(value, rf.Ratio)
                columns["programme"].append(number)
                columns["indicator"].append(indicator.code)
                columns["accumulation"].append(accumulations[indicator.accumulation.value])
                columns["percentage"].append(ratio)
                columns["end"].append(record.period.end.toordinal())
                columns["value"].append(None if ratio else value)
                columns["numerator"].append(value.numerator if ratio else None)  # type: ignore[union-attr]
                columns["denominator"].append(value.denominator if ratio else None)  # type: ignore[union-attr]
                columns["target"].append(target)
    frame = pandas.DataFrame(columns).astype(
        {"value": "Int64", "numerator": "Int64", "denominator": "Int64", "target": "Int64"}
    )

    def in_pandas() -> None:
        groups = frame.groupby(["programme", "indicator"], sort=False)
        firsts = groups[["accumulation", "percentage", "target"]].first()
        sums = groups[["value", "numerator", "denominator"]].sum()
        latest = frame.loc[groups["end"].idxmax()].set_index(["programme", "indicator"])
        summed = firsts["accumulation"] == 0
        achieved = sums["value"].where(summed, latest["value"])
        numerator = sums["numerator"].where(summed, latest["numerator"])
        denominator = sums["denominator"].where(summed, latest["denominator"])
        pooled = (numerator * 100 / denominator).where(firsts["percentage"])
        rate = achieved.astype("Float64").where(~firsts["percentage"], pooled) / firsts["target"]
        rate.to_numpy()

    connection = duckdb.connect()
    connection.register("frame", frame)
    query = """
        SELECT programme, indicator,
               CASE WHEN any_value(accumulation) = 0 THEN sum(value)
                    ELSE arg_max(value, "end") END AS achieved,
               CASE WHEN any_value(accumulation) = 0 THEN sum(numerator) * 100.0 / sum(denominator)
                    ELSE arg_max(numerator, "end") * 100.0 / arg_max(denominator, "end") END AS pooled,
               CASE WHEN bool_or(percentage) THEN pooled ELSE achieved END / any_value(target) AS rate
        FROM frame GROUP BY programme, indicator
    """

    def in_duckdb() -> None:
        connection.execute(query).fetchall()

    in_pandas()
    in_duckdb()
    return timed(in_pandas, repeat=3), timed(in_duckdb, repeat=3)


def anchor_rows(programmes: list[rf.Programme], assess_time: float) -> list[tuple[str, str, str, bool]]:
    """Assessing the programmes against :func:`assessment_anchors`, where pandas and DuckDB are."""
    anchors = assessment_anchors(programmes)
    if anchors is None:
        return [("  ... over pandas and DuckDB", "not installed", "", True)]
    in_pandas, in_duckdb = anchors
    return [
        (
            "  ... over pandas, the overall figures of a tidy table",
            f"{assess_time / in_pandas:.1f}×",
            "",
            True,
        ),
        ("  ... over DuckDB, the same", f"{assess_time / in_duckdb:.1f}×", "", True),
    ]


def rollup_ratios(programmes: list[rf.Programme]) -> tuple[float, float, float, int]:
    """
    Seconds to assess the programmes, to roll them up into ``iom-iraq-2022``, and to roll them
    up and ask every total for its breakdowns; and how many contributions the roll-up holds.
    """
    contributions = 0

    def assess() -> None:
        [rf.assess(p) for p in programmes]

    def roll_up() -> None:
        nonlocal contributions
        contributions = len(rf.roll_up(programmes, "iom-iraq-2022").contributions)

    def broken_down() -> None:
        rollup = rf.roll_up(programmes, "iom-iraq-2022")
        for code in rollup:
            for total in rollup[code]:
                for dimension in total.dimensions:
                    total.breakdown(dimension)
                    total.partial(dimension)

    # Interleaved, best of three each, as for loading: the ratio matters more than either time.
    assess_time = rollup_time = breakdown_time = float("inf")
    for _ in range(3):
        assess_time = min(assess_time, timed(assess))
        rollup_time = min(rollup_time, timed(roll_up))
        breakdown_time = min(breakdown_time, timed(broken_down))
    return assess_time, rollup_time, breakdown_time, contributions


def big_programme(programmes: list[rf.Programme], indicators: int) -> rf.Programme:
    """One programme holding the first *indicators* indicators of the portfolio, for rendering."""
    outputs: list[rf.Output] = []
    taken = 0
    for programme in programmes:
        for _, output in programme.outputs():
            if taken >= indicators:
                break
            code = str(len(outputs) + 1)
            kept = output.indicators[: indicators - taken]
            # Codes of their own: the tracker matches rows to indicators by code.
            keep = tuple(attrs.evolve(i, code=f"{code}.{n}") for n, i in enumerate(kept, 1))
            taken += len(keep)
            outputs.append(rf.Output(code, output.statement, indicators=keep))
    outcome = rf.Outcome("1", "Synthetic outcome", outputs=tuple(outputs))
    return rf.Programme("Synthetic programme for rendering", dates=programmes[0].dates,
                        reporting_periods=programmes[0].reporting_periods, outcomes=(outcome,))  # fmt: skip


def render_times(programmes: list[rf.Programme]) -> dict[str, tuple[float, float]]:
    """Seconds for 1,000 indicators, and the time for 2,000 over the time for 1,000 (less noisy than 500)."""
    results = {}
    single = big_programme(programmes, 1000)
    double = big_programme(programmes, 2000)
    for fmt in ("md", "html", "csv", "docx", "xlsx"):
        one = timed(lambda fmt=fmt: rf.render(single, fmt), repeat=5)  # type: ignore[misc]
        two = timed(lambda fmt=fmt: rf.render(double, fmt), repeat=3)  # type: ignore[misc]
        results[fmt] = (one, two / one)
    return results


def floor_times(programmes: list[rf.Programme]) -> dict[str, tuple[float, float]]:
    """
    Writers against their floors, for the programme of 1,000 indicators: (ours, floor) seconds.

    - the tracker written, against openpyxl's write-only mode writing the same cell values, and
      read back, against openpyxl's read-only mode reading its values;
    - ``to_dataframe`` against ``pandas.DataFrame`` of the same rows (tuples with the columns);
    - the MPTF table in Word and Excel, against python-docx and openpyxl (write-only) writing
      the same texts in a table of the same shape, unstyled;
    - building the MPTF table model for the text formats, against laying it out in Markdown.
    """
    import io  # noqa: PLC0415

    import docx  # noqa: PLC0415
    import openpyxl  # noqa: PLC0415
    import pandas  # noqa: PLC0415

    single = big_programme(programmes, 1000)
    times: dict[str, tuple[float, float]] = {}

    workbook = rf.tracker_workbook(single)
    sheet = openpyxl.load_workbook(io.BytesIO(workbook), read_only=True)["Tracker"]
    grid = [list(row) for row in sheet.values]

    def write_only(rows: list[list[Any]]) -> None:
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Sheet")
        for row in rows:
            sheet.append(row)
        book.save(io.BytesIO())

    def read_only() -> None:
        book = openpyxl.load_workbook(io.BytesIO(workbook), read_only=True)
        for _row in book["Tracker"].iter_rows(values_only=True):
            pass

    times["tracker write"] = (
        timed(lambda: rf.tracker_workbook(single), repeat=2),
        timed(lambda: write_only(grid), repeat=2),
    )
    times["tracker read"] = (
        timed(lambda: rf.read_tracker(single, workbook), repeat=2),
        timed(read_only, repeat=2),
    )

    frame = rf.to_dataframe(single)
    columns = list(frame.columns)
    rows = list(frame.itertuples(index=False, name=None))
    times["to_dataframe"] = (
        timed(lambda: rf.to_dataframe(single), repeat=3),
        timed(lambda: pandas.DataFrame(rows, columns=columns), repeat=3),
    )

    table = rf.indicator_table(single)
    texts = [["\n".join(part.text for part in cell.parts) for cell in row.cells] for row in table.rows]
    width = max(len(r) for r in texts)

    def docx_floor() -> None:
        document = docx.Document()
        grid = document.add_table(rows=len(texts), cols=width)
        for cells, row in zip(texts, grid.rows, strict=True):
            for text, cell in zip(cells, row.cells, strict=False):
                cell.text = text
        document.save(io.BytesIO())

    times["docx table"] = (timed(lambda: rf.render(single, "docx"), repeat=2), timed(docx_floor, repeat=2))
    times["xlsx table"] = (
        timed(lambda: rf.render(single, "xlsx"), repeat=2),
        timed(lambda: write_only(texts), repeat=2),
    )
    # Best of seven: each run takes a few hundredths of a second, where a pause of the machine
    # (or a full run of the collector) weighs a third.
    times["MPTF table model"] = (
        timed(lambda: rf.indicator_table(single), repeat=7),
        timed(lambda: rf.render_table(table, "md"), repeat=7),
    )
    assessed = rf.assess(single)
    for indicator in single.indicators():
        assessed.of(indicator).overall  # noqa: B018  (the progress computed, as a second table finds it)
    times["table model from its assessment"] = (
        timed(lambda: rf.indicator_table(single, assessment=assessed), repeat=7),
        times["MPTF table model"][1],
    )
    return times


def floors_apart(path: Path) -> list[tuple[str, str, str, bool]]:
    """
    :func:`floor_rows` in a process of its own: in one that has loaded and let go of a portfolio,
    the writers and their floors (which allocate differently) measured up to half as far apart
    again as in a fresh one, a state of the allocator rather than of their work.
    """
    command = [sys.executable, __file__, "--floors-only", "--rows-json", "--portfolio", str(path)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [(str(a), str(b), str(c), bool(d)) for a, b, c, d in json.loads(out)]


def floor_rows(path: Path) -> list[tuple[str, str, str, bool]]:
    """
    The writers against their floors, with only the programmes written in memory, as when one
    programme's documents are made: with the whole portfolio held, each full run of the garbage
    collector walks its millions of objects, a cost that grows with what a writer allocates
    rather than with its own work.
    """
    programmes, indicators = [], 0
    for programme in rf.iter_portfolio(path):  # the first that hold 1,000 indicators
        programmes.append(programme)
        indicators += sum(1 for _ in programme.indicators())
        if indicators >= 1000:
            break
    # The tables' goals hold for their writers: the floors are given the texts, whose making (the
    # table model, shared by every format) has its own goal below; with it, they are shown too.
    goals = {"tracker write": 2.0, "tracker read": 2.0, "to_dataframe": 2.0, "docx table": 0,
             "xlsx table": 0, "MPTF table model": 2.0, "table model from its assessment": 0}  # fmt: skip
    floors = {"tracker write": "openpyxl write-only", "tracker read": "openpyxl read-only",
              "to_dataframe": "pandas.DataFrame", "docx table": "python-docx, unstyled",
              "xlsx table": "openpyxl write-only", "MPTF table model": "laying it out (md)",
              "table model from its assessment": "laying it out (md)"}  # fmt: skip
    rows = []
    times = floor_times(programmes)
    model = times["MPTF table model"][0]
    for name, (ours, floor) in times.items():
        ratio = ours / floor
        rows.append((f"{name}, 1,000 indicators", f"{ours:.2f} s", "", True))
        goal = goals[name]  # 0: shown beside the others, without a goal of its own
        rows.append((f"  ... over {floors[name]}", f"{ratio:.1f}×", f"≤ {goal:g}×" if goal else "",
                     ratio <= goal or not goal))  # fmt: skip
        if name in ("docx table", "xlsx table"):  # the table model has its own figure below
            alone = (ours - model) / floor
            rows.append(("  ... the writer alone (less building the table model)", f"{alone:.1f}×", "≤ 1.5×",
                         alone <= 1.5))  # fmt: skip
    return rows


def peak_memory(path: Path) -> float:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec.
    code = (
        "import sys, resultsframework as rf\n"
        "counts = rf.status_counts(rf.assess(p) for p in rf.iter_portfolio(sys.argv[1]))\n"
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def _high_water(code: str, *args: str) -> float:
    """The peak resident memory (VmHWM, MiB) of running *code* in a fresh interpreter."""
    probe = code + "\nprint(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
    out = subprocess.run([sys.executable, "-c", probe, *args], check=True, capture_output=True, text=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def yaml_memory(programmes: list[rf.Programme], folder: Path) -> list[tuple[str, str, str, bool]]:
    """
    The memory loading a YAML programme takes beyond the interpreter's, for 500 and 1,000
    indicators (the files written once): over the file's size, and from one to the other.
    """
    baseline = _high_water("import resultsframework")
    loading = "import sys, resultsframework as rf\nrf.load(sys.argv[1])"
    extra, sizes = [], []
    for indicators in (500, 1000):
        path = folder / f"programme-{indicators}.yaml"
        if not path.exists():
            rf.dump(big_programme(programmes, indicators), path)
        sizes.append(path.stat().st_size / 2**20)
        extra.append(_high_water(loading, str(path)) - baseline)
    grew, needed = sizes[1] / sizes[0], extra[1] / extra[0]
    return [
        (f"load a YAML programme of 1,000 indicators ({sizes[-1]:.1f} MiB): memory", f"{extra[-1]:.0f} MiB",
         "", True),
        ("  ... over the file's size", f"{extra[-1] / sizes[-1]:.0f}×", "", True),
        ("  ... growth 500 → 1,000 indicators (file, memory)", f"{grew:.2f}, {needed:.2f}", "proportional",
         abs(needed - grew) < 0.35),
    ]  # fmt: skip


def memory_rows(path: Path) -> list[tuple[str, str, str, bool]]:
    """Peak memory of loading and assessing the portfolio, and of loading a YAML programme."""
    memory = peak_memory(path)
    rows = [("peak memory of load + assess (whole portfolio)", f"{memory:.0f} MB", "≤ 400 MB", memory <= 400)]
    return rows + yaml_memory(list(itertools.islice(rf.iter_portfolio(path), 30)), path.parent)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--portfolio", type=Path, default=Path("build/bench/portfolio.jsonl"))
    parser.add_argument("--markdown", action="store_true", help="print the results as a Markdown table")
    parser.add_argument("--columnar-only", action="store_true", help="time the columnar path alone")
    parser.add_argument(
        "--floors-only", action="store_true", help="time the writers against their floors alone"
    )
    parser.add_argument("--rows-json", action="store_true", help=argparse.SUPPRESS)  # see floors_apart
    for name, default in zip(SCALE, (1000, 40, 12, 6), strict=True):
        parser.add_argument(f"--{name}", type=int, default=default)
    return parser.parse_args()


SCALE = ("programmes", "indicators", "periods", "cells")
"""The portfolio's dimensions, each an option (see portfolio.py)."""


def main() -> int:
    args = _arguments()
    scale = {name: getattr(args, name) for name in SCALE}
    path: Path = args.portfolio
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {path} ({scale}) ...", file=sys.stderr)
        portfolio.write(path, **scale)

    if args.floors_only or args.columnar_only:
        alone = floor_rows(path) if args.floors_only else columnar_rows(list(rf.iter_portfolio(path)))
        if args.rows_json:
            print(json.dumps(alone))
            return 0
        return show(alone, scale, markdown=args.markdown)
    rows: list[tuple[str, str, str, bool]] = []
    seconds, extras = import_time()
    rows.append(
        ("import time over a bare interpreter", f"{seconds * 1000:.0f} ms", "≤ 100 ms", seconds <= 0.1)
    )
    rows.append(("optional extras imported by import", ", ".join(extras) or "none", "none", not extras))

    load_time, json_time, msgspec_time, count = load_ratio(path)  # first, in a process that holds little else
    ratio = load_time / json_time
    rows.append((f"load + structure of {count} programmes", f"{load_time:.2f} s", "", True))
    rows.append(("  ... over json.loads of the same file", f"{ratio:.1f}×", "≤ 2.5×", ratio <= 2.5))
    shown = f"{load_time / msgspec_time:.1f}×" if msgspec_time else "no msgspec (the bench extra)"
    rows.append(("  ... over msgspec decoding it into typed structs", shown, "", True))
    if msgspec_time:
        rows.append(("  ... msgspec over json.loads", f"{msgspec_time / json_time:.2f}×", "", True))

    steps, listed, loaded = load_growth(path)
    rows.append(("  ... growth N→2N→4N", growth(steps), "", True))
    rows.append(("load_portfolio over list(iter_portfolio(...))", f"{loaded / listed:.2f}×", "≤ 1×",
                 loaded <= listed * 1.02))  # fmt: skip

    floors = floors_apart(path)
    programmes = list(rf.iter_portfolio(path))
    full, times, values = assess_times(programmes)
    per = full * 500_000 / values
    linearity = times[2] / times[1]
    rows.append((f"assess {values:,} values", f"{full:.2f} s", "", True))
    rows.append(("  ... per 500,000 values", f"{per:.2f} s", "≤ 1 s", per <= 1))
    rows.append(("  ... time at 2N over time at N", f"{linearity:.2f}", "≤ 2.2", linearity <= 2.2))
    rows.append(("  ... growth N→2N→4N", growth(times), "", True))
    rows += anchor_rows(programmes, full)

    assess_time, rollup_time, breakdown_time, contributions = rollup_ratios(programmes)
    ratio, with_breakdowns = rollup_time / assess_time, breakdown_time / assess_time
    rows.append(
        (f"roll up {contributions:,} indicators into iom-iraq-2022", f"{rollup_time:.2f} s", "", True)
    )
    rows.append(("  ... over assessing the same programmes", f"{ratio:.1f}×", "≤ 3× assess", ratio <= 3))
    rows.append(("  ... with every total's breakdowns, over assessing", f"{with_breakdowns:.1f}×",
                 "≤ 3× assess", with_breakdowns <= 3))  # fmt: skip

    goals = {"md": 0.3, "html": 0.3, "csv": 0.3, "docx": 3.0, "xlsx": 2.0}
    for fmt, (seconds, scaling) in render_times(programmes).items():
        rows.append((f"render the MPTF table of 1,000 indicators, {fmt}", f"{seconds:.2f} s",
                     f"≤ {goals[fmt]:g} s", seconds <= goals[fmt]))  # fmt: skip
        rows.append((f"  ... {fmt}, 2,000 indicators over 1,000", f"{scaling:.2f}", "≤ 2.2", scaling <= 2.2))
    rows += floors
    rows += columnar_rows(programmes)
    del programmes

    rows += memory_rows(path)

    return show(rows, scale, markdown=args.markdown)


def show(rows: list[tuple[str, str, str, bool]], scale: dict[str, int], *, markdown: bool) -> int:
    machine = f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    if markdown:
        print(f"Machine: {machine}; portfolio: {scale}\n")
        print("| figure | measured | goal | met |\n| --- | --- | --- | --- |")
        for figure, measured, goal, met in rows:
            print(f"| {figure} | {measured} | {goal} | {('yes' if met else 'NO') if goal else ''} |")
    else:
        print(f"machine: {machine}; portfolio: {scale}")
        width = max(len(r[0]) for r in rows)
        for figure, measured, goal, met in rows:
            flag = "" if not goal else ("ok" if met else "MISSED")
            print(f"{figure:<{width}}  {measured:>10}  {goal:>9}  {flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Check that the naive baseline (bench/naive.py) returns what the store returns.

For every extract and a set of filter combinations, naive.extract_frame is compared with
dashboard.extracts.extract_frame: the same columns in the same order, the same rows, and the same
order of the SQL's ORDER BY keys (rows that tie on them may come in either order). Dates compare
as dates and numbers as numbers, whatever their dtype. Exit code 1 on any mismatch.

    python bench/naive_check.py              # the data set DASHBOARD_DATA names (default data/)
    python bench/naive_check.py --scale 100  # a synthesised data set 100x, with timings
    python bench/naive_check.py --rebuild    # first rebuild the store (after a schema change)
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import streamlit  # noqa: E402, F401 - its loggers first, to quiet one of them

# st.cache_data outside `streamlit run` warns "No runtime found" (and works): not news here.
logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)

import naive  # noqa: E402

from dashboard import config, extracts, queries, store, synth  # noqa: E402
from dashboard.filters import Filters  # noqa: E402

DATES = [dt.date(2010, 6, 30), dt.date(2016, 6, 30), dt.date(2021, 12, 31), dt.date(2024, 6, 30)]
# The output columns whose sequence the SQL's ORDER BY fixes (None: ORDER BY ALL, every column).
ORDER_KEYS: dict[str, list[str] | None] = {
    "attention": ["kind", "days_left", "cluster"],
    "awards": ["cluster", "awarded_on"],
    "clusters": ["cluster"],
    "compare_coverage": ["cluster_id"],
    "compare_funding": ["cluster_id", "year", "funder"],
    "compare_members": ["cluster_id", "year"],
    "confirmations": ["held_on", "cluster"],
    "coverage": None,
    "county_counts": None,
    "funding": ["year", "cluster", "funder"],
    "funding_coverage": ["year"],
    "funding_summary": None,
    "funding_top": ["cluster_id", "provenance"],
    "glossary": ["topic"],
    "label_counts": None,
    "level_label_counts": None,
    "labels": ["status", "days_left", "valid_until", "cluster"],
    "members": ["value", "cluster"],
    "periods": ["cluster", "start_date"],
    "programme_by_year": None,
    "programme_coverage": ["reference_date", "measure"],
    "programme_figures": ["measure", "year"],
    "renewals": ["valid_until", "cluster"],
    "results": ["indicator", "year", "cluster"],
}
# The extracts the cluster profile asks for one cluster.
CLUSTER_EXTRACTS = (
    "clusters",
    "labels",
    "results",
    "periods",
    "awards",
    "confirmations",
    "funding",
)
CLUSTERS = (
    "gce-ocean-technology",
    "arctic-cluster-team",
    "energy-valley",
    "nce-smart-energy-markets",
    "akvarena",
)
# Comparisons (the compare page's clusters, in the order picked), under every extract: one with
# a member count outside the programme's years (cod-cluster 2020), one of the full six.
COMPARISONS = (
    ("gce-node", "gce-blue-maritime"),
    ("norwegian-smart-care-cluster", "cod-cluster", "akvarena"),
    CLUSTERS + ("gce-node",),
)

Case = tuple[str, Filters, str | None, int]


def cases(con: object) -> list[Case]:
    """Every extract under each filter combination, and the profile's extracts per cluster."""
    vocabulary = queries.vocabulary(con)

    def url(**params: list[str]) -> Filters:
        filters, notices = Filters.from_params(params, vocabulary)
        assert not notices, notices
        return filters

    combos = [Filters(), *(Filters(as_of=d) for d in DATES)]
    combos += [
        url(area=["havrommet"]),
        url(area=["havrommet"], as_of=["2016-06-30"]),
        url(area=["havrommet", "ren-energi"], as_of=["2021-12-31"]),
        url(level=["NCE"], as_of=["2016-06-30"]),
        url(level=["Arena", "GCE"], as_of=["2010-06-30"]),
        url(level=["NIC Impact"]),
        url(region=["Vestland"], as_of=["2021-12-31"]),
        url(region=["Hordaland"], as_of=["2016-06-30"]),  # a county of the date
        url(region=["Vestland", "Nordland"], as_of=["2016-06-30"]),  # today's county, then
        url(label=["Gold"], as_of=["2021-12-31"]),
        url(label=["none"], as_of=["2016-06-30"]),
    ]
    combos += [replace(Filters(as_of=d), clusters=c) for c in COMPARISONS for d in (None, *DATES)]
    combos += [replace(url(area=["havrommet"]), clusters=COMPARISONS[1])]  # filters and clusters
    out: list[Case] = [(name, f, None, 6) for f in combos for name in extracts.EXTRACTS]
    out += [("renewals", Filters(as_of=d), None, m) for d in DATES for m in (12, 24)]
    for cluster_id in CLUSTERS:
        for f in (
            Filters(),
            Filters(as_of=DATES[1]),
            Filters(as_of=DATES[2]),
            url(area=["havrommet"]),
        ):
            out += [(name, f, cluster_id, 6) for name in CLUSTER_EXTRACTS]
    return out


def _normal(real: pd.Series, ours: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Both columns in one comparable form: datetimes, floats or Python objects (None for NA)."""
    if any(pd.api.types.is_datetime64_any_dtype(s) for s in (real, ours)) or any(
        isinstance(v, dt.date) for v in real.dropna().head(1)
    ):
        return tuple(pd.to_datetime(s).astype("datetime64[ns]") for s in (real, ours))  # type: ignore[return-value]
    if pd.api.types.is_numeric_dtype(real) and not pd.api.types.is_bool_dtype(real):
        return tuple(pd.to_numeric(s).astype("float64") for s in (real, ours))  # type: ignore[return-value]
    return tuple(s.astype(object).where(s.notna(), None) for s in (real, ours))  # type: ignore[return-value]


def _same(a: pd.Series, b: pd.Series) -> np.ndarray:
    if a.dtype == "float64" and b.dtype == "float64":
        return np.isclose(a.to_numpy(), b.to_numpy(), rtol=1e-9, atol=1e-6, equal_nan=True)
    na = a.isna().to_numpy() & b.isna().to_numpy()
    return na | (a.to_numpy() == b.to_numpy())


def compare(real: pd.DataFrame, ours: pd.DataFrame, keys: list[str] | None) -> str | None:
    """None when they agree, else what differs."""
    if list(real.columns) != list(ours.columns):
        return f"columns {list(ours.columns)} != {list(real.columns)}"
    if len(real) != len(ours):
        return f"{len(ours)} rows != {len(real)}"
    real, ours = real.reset_index(drop=True), ours.reset_index(drop=True)
    pairs = {c: _normal(real[c], ours[c]) for c in real.columns}
    a = pd.DataFrame({c: p[0] for c, p in pairs.items()})
    b = pd.DataFrame({c: p[1] for c, p in pairs.items()})
    for column in keys or list(a.columns):  # the ORDER BY's sequence, row for row
        same = _same(a[column], b[column])
        if not same.all():
            i = int(np.argmin(same))
            return f"order: {column} row {i}: {b[column][i]!r} != {a[column][i]!r}"
    columns = list(a.columns)
    a = a.sort_values(columns, na_position="last", kind="stable").reset_index(drop=True)
    b = b.sort_values(columns, na_position="last", kind="stable").reset_index(drop=True)
    for column in columns:  # the rows, in any order within ties
        same = _same(a[column], b[column])
        if not same.all():
            i = int(np.argmin(same))
            return f"{column} (sorted row {i}): {b[column][i]!r} != {a[column][i]!r}"
    return None


def median_time(action: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run(con: object, chosen: list[Case]) -> int:
    mismatches = 0
    for name, filters, cluster_id, months in chosen:
        real = extracts.extract_frame(con, name, filters, cluster_id, months)
        ours = naive.extract_frame(None, name, filters, cluster_id, months)
        problem = compare(real, ours, ORDER_KEYS[name])
        if problem:
            mismatches += 1
            print(f"MISMATCH {name} {filters} cluster={cluster_id} months={months}: {problem}")
    print(f"{len(chosen)} extract x filter combinations compared, {mismatches} mismatches")
    return mismatches


def timings(con: object, filters: Filters) -> None:
    print(
        f"\n| Extract ({filters.date}) | rows | naive ms | store ms | x slower |\n|---|---|---|---|---|"
    )
    for name in extracts.EXTRACTS:
        naive.extract_frame(None, name, filters)  # warm: the CSVs read once into st.cache_data
        rows = len(extracts.extract_frame(con, name, filters))
        ours = median_time(lambda n=name: naive.extract_frame(None, n, filters))
        real = median_time(lambda n=name: extracts.extract_frame(con, n, filters))
        print(f"| {name} | {rows:,} | {ours * 1000:.0f} | {real * 1000:.1f} | {ours / real:.0f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="synthesise N times the shipped data")
    parser.add_argument("--work", type=Path, default=None, help="where a scaled data set goes")
    parser.add_argument(
        "--rebuild", action="store_true", help="build the store even if its data is unchanged"
    )
    args = parser.parse_args()
    if args.scale == 1:
        data, db = config.data_dir(), config.db_path()
    else:  # a scaled data set and its own store, in `--work`
        data = args.work or Path(f"/tmp/naive-{args.scale}")
        db = data / "store.duckdb"
        if not (data / "clusters.csv").is_file():
            synth.synthesise(config.ROOT / "data", data, args.scale)
        os.environ["DASHBOARD_DATA"] = str(data)
    if args.rebuild:
        store.build(data, db)
    else:
        store.ensure_store(data, db)
    con = store.connect_readonly(db)
    print(f"data: {data}, store: {db}")
    as_of = queries.meta(con)["data_as_of"]
    if naive.data_year() != dt.date.fromisoformat(as_of).year:
        print(f"MISMATCH data year: naive {naive.data_year()} != store's data_as_of {as_of}")
        return 1
    if args.scale == 1:
        chosen = cases(con)
    else:  # the default filters and one date, for every extract
        chosen = [
            (n, f, None, 6) for f in (Filters(), Filters(as_of=DATES[2])) for n in extracts.EXTRACTS
        ]
    mismatches = run(con, chosen)
    if args.scale != 1:
        timings(con, Filters())
        timings(con, Filters(as_of=DATES[2]))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())

"""Page timings in process (Streamlit's AppTest): a warm rerun, a cache miss, the DuckDB floor of
that miss and the same miss on the naive baseline.

A cache miss is what a funder waits for after a real filter change: each timed run asks for an
as-of date no run has asked before, so every extract and figure of the page is computed anew
(the per-store lookups, which no filter changes, stay cached, as they do for a funder). The
floor is the page's own extract queries alone, recorded during that run and replayed on a fresh
cursor right after it, so page / floor is what Streamlit, pandas and the charts add on top of
DuckDB.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
from streamlit.testing.v1 import AppTest

from dashboard import extracts, store
from dashboard.filters import AS_OF_WIDGET, DEFAULT_MONTHS
from dashboard.web.navigation import PAGES

ROOT = Path(__file__).resolve().parents[1]
PAGE_NAMES = tuple(p.name for p in PAGES if not p.admin_only)
# What a page is timed with beyond the date: the compare page with three clusters picked (empty,
# it asks for them and queries nothing).
PAGE_QUERY = {"compare": {"compare": "gce-node,gce-ocean-technology,gce-blue-maritime"}}
RUNS = 10


@dataclass(frozen=True)
class PageTimes:
    """Medians (seconds) over RUNS runs of one page."""

    warm: float
    miss: float
    floor: float
    naive_miss: float | None = None
    queries: int = 0  # extract queries a cache miss made (the glossary makes none)

    @property
    def over_floor(self) -> float:
        return self.miss / self.floor if self.floor else float("nan")


class Recorder:
    """Every extract a run computes, so its queries can be replayed alone."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []
        self.compute: Callable = extracts.extract_frame

    def __call__(self, con, name, filters, cluster_id=None, months=DEFAULT_MONTHS):
        self.calls.append((name, filters, cluster_id, months))
        return self.compute(con, name, filters, cluster_id, months)


@contextmanager
def computing_with(compute: Callable) -> Iterator[Recorder]:
    """Extracts computed by `compute` (the store's, or the naive baseline's), recorded."""
    original = extracts.extract_frame
    recorder = Recorder()
    recorder.compute = compute
    extracts.extract_frame = recorder
    try:
        yield recorder
    finally:
        extracts.extract_frame = original


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    for key, value in PAGE_QUERY.get(page, {}).items():
        at.query_params[key] = value
    at.run()
    if page != PAGE_NAMES[0]:
        at.switch_page(f"pages/{page}.py")
        at.run()
    if at.exception:
        raise RuntimeError(f"{page}: {[e.value for e in at.exception]}")
    return at


class FreshDates:
    """As-of dates never asked before in this process, one per cache miss."""

    def __init__(self) -> None:
        self.day = dt.date(2025, 12, 31)

    def next(self) -> dt.date:
        self.day -= dt.timedelta(days=1)
        return self.day


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def miss(at: AppTest, dates: FreshDates) -> float:
    """One cache miss: the page run for an as-of date not asked before; its time."""
    widget = at.date_input(key=AS_OF_WIDGET).set_value(dates.next())
    took = _timed(widget.run)
    if at.exception:
        raise RuntimeError(f"{[e.value for e in at.exception]}")
    return took


def floor_of(con: duckdb.DuckDBPyConnection, compute: Callable, calls: list[tuple]) -> float:
    """The recorded extracts' queries alone, each on a fresh cursor of the store."""
    started = time.perf_counter()
    for name, filters, cluster_id, months in calls:
        compute(con.cursor(), name, filters, cluster_id, months)
    return time.perf_counter() - started


def page_times(page: str, db: Path, dates: FreshDates, naive: Callable | None) -> PageTimes:
    """Warm rerun, cache miss and its floor, and (with `naive`) the naive baseline's miss. The
    app's and the baseline's misses take turns, run by run, so a machine that slows down for a
    while slows both alike and their ratio stays like for like."""
    at = open_page(page)
    warm = statistics.median(_timed(at.run) for _ in range(RUNS))
    baseline = None
    if naive is not None:
        with computing_with(naive):
            baseline = open_page(page)
            miss(baseline, dates)  # the naive CSV reads are cached from here on
    misses, floors, naive_misses, queries = [], [], [], 0
    con = store.connect_readonly(db)
    app = extracts.extract_frame
    with computing_with(app) as recorder:
        miss(at, dates)  # the first miss also opens the page's caches
        for _ in range(RUNS):
            recorder.calls.clear()
            misses.append(miss(at, dates))
            queries = max(queries, len(recorder.calls))
            floors.append(floor_of(con, app, list(recorder.calls)))
            if baseline is not None:
                recorder.compute = naive
                naive_misses.append(miss(baseline, dates))
                recorder.compute = app
    con.close()
    naive_miss = statistics.median(naive_misses) if naive_misses else None
    return PageTimes(
        warm, statistics.median(misses), statistics.median(floors), naive_miss, queries
    )

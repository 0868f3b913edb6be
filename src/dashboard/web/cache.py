"""One named, cached function per extract, lookup and figure, keyed by the store they read.

Extracts, lookups and figures are shared, not copied, between reruns and sessions (no
unpickling on every rerun, one copy in memory): pages and chart builders treat them as
read-only.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from .. import about, brief, extracts, queries
from ..filters import DEFAULT_MONTHS, Filters
from .connection import cursor, store_key

Key = str
T = TypeVar("T")


@dataclass(frozen=True)
class Ref:
    """An extract named rather than passed to a chart, so the figure's cache key is the request
    (a few strings) instead of the rows, which would be hashed on every rerun."""

    name: str
    filters: Filters
    cluster_id: str | None = None
    months: int = DEFAULT_MONTHS


@dataclass(frozen=True)
class Lookup:
    """A per-store lookup (one of LOOKUPS) named rather than passed to a chart, as Ref."""

    name: str


# The cache keys' frozen dataclasses (strings, dates, numbers) are named by their repr, which
# says every field: Streamlit's own hashing walks them field by field, several times slower on
# every cached call a rerun makes.
BY_REPR = {Filters: repr, Ref: repr, Lookup: repr}


@st.cache_resource(show_spinner=False, max_entries=64, ttl=3600, hash_funcs=BY_REPR)
def _extract(
    key: Key, name: str, filters: Filters, cluster_id: str | None, months: int
) -> pd.DataFrame:
    return extracts.extract_frame(cursor(), name, filters, cluster_id, months)


def extract(
    name: str,
    filters: Filters,
    cluster_id: str | None = None,
    months: int = DEFAULT_MONTHS,
) -> pd.DataFrame:
    """The extract `name` for the filters (one cluster, on its profile; `months` for the renewal
    horizon): the same rows its download and `python -m dashboard export` write."""
    return _extract(store_key(), name, filters, cluster_id, months)


@st.cache_resource(show_spinner=False, max_entries=32)
def _lookup(key: Key, name: str, _query: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    return _query(cursor())


def _per_store(query: Callable[[duckdb.DuckDBPyConnection], T]) -> Callable[[], T]:
    """A lookup that takes no filters, cached once per store under the query's own name."""

    def lookup() -> T:
        return _lookup(store_key(), query.__name__, query)

    lookup.__name__, lookup.__doc__ = query.__name__, query.__doc__
    return lookup


vocabulary = _per_store(queries.vocabulary)
opportunity_areas = _per_store(queries.opportunity_areas)
cluster_names = _per_store(queries.cluster_names)
cluster_facts = _per_store(queries.cluster_facts)
meta = _per_store(queries.meta)
table_rows = _per_store(queries.table_rows)
provenance_counts = _per_store(queries.provenance_counts)
imports = _per_store(queries.imports)
rules = _per_store(queries.rules)
glossary = _per_store(queries.glossary)
glossary_terms = _per_store(queries.glossary_terms)
store_facts = _per_store(about.store_facts)  # what a workbook or calendar says of itself


LOOKUPS: dict[str, Callable[[], Any]] = {
    lookup.__name__: lookup for lookup in (opportunity_areas, cluster_facts, rules)
}


# DuckDB releases the GIL while it plans and runs a query: a page's extracts, fetched together,
# run side by side on the machine's cores instead of one after another.
_FETCHERS = ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2)))


def extracts_of(*refs: Ref) -> list[pd.DataFrame]:
    """The extracts `refs` name, in order, those not cached yet computed side by side: a page
    asks for what it shows at the top, in one call (a filter change is then one wait for the
    slowest query, not the sum of them)."""
    ctx = get_script_run_ctx(suppress_warning=True)

    def fetch(ref: Ref) -> pd.DataFrame:
        if ctx is not None:
            add_script_run_ctx(threading.current_thread(), ctx)
        return extract(ref.name, ref.filters, ref.cluster_id, ref.months)

    distinct = list(dict.fromkeys(refs))  # a Ref named twice is fetched once
    if len(distinct) < 2:
        fetched = [fetch(ref) for ref in distinct]
    else:
        fetched = list(_FETCHERS.map(fetch, distinct))
    by_ref = dict(zip(distinct, fetched, strict=True))
    return [by_ref[ref] for ref in refs]


def _resolved(arg: Any) -> Any:
    if isinstance(arg, Ref):
        return extract(arg.name, arg.filters, arg.cluster_id, arg.months)
    if isinstance(arg, Lookup):
        return LOOKUPS[arg.name]()
    return arg


@st.cache_resource(show_spinner=False, max_entries=256, hash_funcs=BY_REPR)
def _figure(
    key: Key, name: str, _builder: Callable[..., go.Figure], args: tuple, title: str | None
) -> go.Figure:
    figure = _builder(*(_resolved(a) for a in args))
    if title is not None and figure.data:  # an empty chart keeps its title for its notice
        figure.update_layout(title_text=title)
    return figure


def figure(builder: Callable[..., go.Figure], *args: Any, title: str | None = None) -> go.Figure:
    """The figure `builder` draws from `args` (Refs and Lookups resolved), `title` replacing its
    own, built once per distinct input and shared (read-only) by every session: chart builders
    are pure functions, keyed here by their qualified name. Rows are never passed: hashing them
    would cost more on every rerun than drawing the chart."""
    if any(isinstance(a, pd.DataFrame) for a in args):
        raise TypeError(f"{builder.__qualname__}: pass a cache.Ref or cache.Lookup, not rows")
    name = f"{builder.__module__}.{builder.__qualname__}"
    return _figure(store_key(), name, builder, args, title)


@st.cache_data(show_spinner=False, max_entries=32, ttl=3600)
def _brief_pdf(key: Key, cluster_id: str, day: dt.date, lang: str) -> bytes:
    return brief.served_pdf(brief.cluster_html(cursor(), cluster_id, day, lang))


def brief_pdf(cluster_id: str, day: dt.date, lang: str) -> bytes:
    """The cluster's board brief as of `day` in `lang`, printed once per store and kept an hour
    (a brief takes seconds of Chromium; a second click should not)."""
    return _brief_pdf(store_key(), cluster_id, day, lang)

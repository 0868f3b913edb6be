"""One named, cached function per extract, lookup and figure, keyed by the store they read.

Extracts and lookups are shared, not copied, between reruns and sessions (no unpickling on
every rerun, one copy in memory): pages and chart builders treat them as read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from .. import extracts, queries
from ..filters import Filters, Vocabulary
from .connection import cursor, store_key

Key = tuple


@st.cache_resource(show_spinner=False, max_entries=64, ttl=3600)
def _extract(
    key: Key, name: str, filters: Filters, cluster_id: str | None, months: int
) -> pd.DataFrame:
    return extracts.extract_frame(cursor(), name, filters, cluster_id, months)


def extract(
    name: str,
    filters: Filters,
    cluster_id: str | None = None,
    months: int = extracts.DEFAULT_MONTHS,
) -> pd.DataFrame:
    """The extract `name` for the filters (one cluster, on its profile; `months` for the renewal
    horizon): the same rows its download and `python -m dashboard export` write."""
    return _extract(store_key(), name, filters, cluster_id, months)


@st.cache_resource(show_spinner=False, max_entries=4)
def _vocabulary(key: Key) -> Vocabulary:
    return queries.vocabulary(cursor())


def vocabulary() -> Vocabulary:
    """The values the filters can take."""
    return _vocabulary(store_key())


@st.cache_resource(show_spinner=False, max_entries=4)
def _opportunity_areas(key: Key) -> pd.DataFrame:
    return queries.opportunity_areas(cursor())


def opportunity_areas() -> pd.DataFrame:
    """The six opportunity areas (and `other`) with their names in both languages."""
    return _opportunity_areas(store_key())


@st.cache_resource(show_spinner=False, max_entries=4)
def _cluster_names(key: Key) -> pd.DataFrame:
    return queries.cluster_names(cursor())


def cluster_names() -> pd.DataFrame:
    """Every cluster's id and name, for the profile's picker."""
    return _cluster_names(store_key())


@st.cache_resource(show_spinner=False, max_entries=4)
def _cluster_facts(key: Key) -> pd.DataFrame:
    return queries.cluster_facts(cursor())


def cluster_facts() -> pd.DataFrame:
    """The register's facts about every cluster (name, county, area, focus, successor)."""
    return _cluster_facts(store_key())


@st.cache_resource(show_spinner=False, max_entries=4)
def _meta(key: Key) -> dict[str, str]:
    return queries.meta(cursor())


def meta() -> dict[str, str]:
    """The store's build facts: when it was built, from what, and the data's currency."""
    return _meta(store_key())


@st.cache_resource(show_spinner=False, max_entries=4)
def _table_rows(key: Key) -> pd.DataFrame:
    return queries.table_rows(cursor())


def table_rows() -> pd.DataFrame:
    """Rows per contract table."""
    return _table_rows(store_key())


@st.cache_resource(show_spinner=False, max_entries=4)
def _provenance_counts(key: Key) -> pd.DataFrame:
    return queries.provenance_counts(cursor())


def provenance_counts() -> pd.DataFrame:
    """Rows per table and provenance (published / estimate)."""
    return _provenance_counts(store_key())


@st.cache_resource(show_spinner=False, max_entries=4)
def _imports(key: Key) -> pd.DataFrame:
    return queries.imports(cursor())


def imports() -> pd.DataFrame:
    """The imports applied since the store was built."""
    return _imports(store_key())


@st.cache_resource(show_spinner=False, max_entries=4)
def _rules(key: Key) -> pd.DataFrame:
    return queries.rules(cursor())


def rules() -> pd.DataFrame:
    """The rules with a number (label validity, level terms, horizons), with their sources."""
    return _rules(store_key())


@dataclass(frozen=True)
class Ref:
    """An extract named rather than passed to a chart, so the figure's cache key is the request
    (a few strings) instead of the rows, which would be hashed on every rerun."""

    name: str
    filters: Filters
    cluster_id: str | None = None


@st.cache_data(show_spinner=False, max_entries=256)
def _figure(key: Key, name: str, _builder: Callable[..., go.Figure], args: tuple) -> go.Figure:
    resolved = [extract(a.name, a.filters, a.cluster_id) if isinstance(a, Ref) else a for a in args]
    return _builder(*resolved)


def figure(builder: Callable[..., go.Figure], *args: Any) -> go.Figure:
    """The figure `builder` draws from `args` (Refs resolved to their extracts), built once per
    distinct input: chart builders are pure functions, keyed here by their qualified name."""
    return _figure(store_key(), f"{builder.__module__}.{builder.__qualname__}", builder, args)

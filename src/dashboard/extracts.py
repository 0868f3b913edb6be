"""CSV extracts: the one code path behind every download button and `python -m dashboard export`."""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from . import queries, summaries
from .filters import PARAM_OF, Filters

DERIVED = {"attention": ("labels", summaries.attention)}
EXTRACTS = (*queries.EXTRACT_SQL, *DERIVED)
DEFAULT_MONTHS = 6


def extract_frame(
    con: duckdb.DuckDBPyConnection,
    name: str,
    filters: Filters,
    cluster_id: str | None = None,
    months: int = DEFAULT_MONTHS,
) -> pd.DataFrame:
    """The rows of extract `name` for the filters (one cluster, when given; `months` is the
    renewal horizon of the `renewals` extract)."""
    if name in DERIVED:
        source, derive = DERIVED[name]
        return derive(queries.extract(con, source, filters, cluster_id, months))
    if name not in queries.EXTRACT_SQL:
        raise KeyError(f"unknown extract '{name}' (known: {', '.join(EXTRACTS)})")
    return queries.extract(con, name, filters, cluster_id, months)


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes in the data contract's conventions: UTF-8, comma, ISO dates, empty = unknown."""
    return frame.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d").encode("utf-8")


def csv_bytes(
    con: duckdb.DuckDBPyConnection,
    name: str,
    filters: Filters,
    cluster_id: str | None = None,
    months: int = DEFAULT_MONTHS,
) -> bytes:
    """Extract `name` as the CSV a download or `python -m dashboard export` writes."""
    return to_csv(extract_frame(con, name, filters, cluster_id, months))


def file_name(
    name: str, filters: Filters, cluster_id: str | None = None, months: int | None = None
) -> str:
    """A file name that says what is in it: view, cluster, filters and date."""
    parts = ["klyngemonitor", name, filters.date.isoformat()]
    if cluster_id:
        parts.append(cluster_id)
    if months is not None and name == "renewals":
        parts.append(f"{months}-months")
    for field, param in PARAM_OF.items():
        values = getattr(filters, field)
        if values:
            parts.append(f"{param}-" + "+".join(values))
    stem = re.sub(r"[^A-Za-z0-9+._-]+", "-", "_".join(parts))
    return stem[:180] + ".csv"

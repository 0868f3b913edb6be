"""CSV extracts: the one code path behind every download button and `python -m dashboard export`."""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from . import queries
from .filters import PARAM_OF, Filters

EXTRACTS = tuple(queries.EXTRACT_SQL)


def extract_frame(con: duckdb.DuckDBPyConnection, name: str, filters: Filters) -> pd.DataFrame:
    """The rows of extract `name` for the filters."""
    if name not in queries.EXTRACT_SQL:
        raise KeyError(f"unknown extract '{name}' (known: {', '.join(EXTRACTS)})")
    return queries.extract(con, name, filters)


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes in the data contract's conventions: UTF-8, comma, ISO dates, empty = unknown."""
    return frame.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d").encode("utf-8")


def csv_bytes(con: duckdb.DuckDBPyConnection, name: str, filters: Filters) -> bytes:
    """Extract `name` for the filters as CSV bytes."""
    return to_csv(extract_frame(con, name, filters))


def file_name(name: str, filters: Filters) -> str:
    """A file name that says what is in it: view, filters and date."""
    parts = ["klyngemonitor", name, filters.date.isoformat()]
    for field, param in PARAM_OF.items():
        values = getattr(filters, field)
        if values:
            parts.append(f"{param}-" + "+".join(values))
    stem = re.sub(r"[^A-Za-z0-9+._-]+", "-", "_".join(parts))
    return stem[:180] + ".csv"

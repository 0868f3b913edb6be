"""Writing contract CSV files: the one writer of the format data/datapackage.json declares.

UTF-8, comma-separated, a header of the contract's columns in order, `\\n` line ends, ISO dates,
whole numbers without a decimal point, an empty cell for unknown. The dump of a store, the shipped
estimates and the benchmark's synthetic data set all write through here, so a file written by one
reads back through the validator as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .contract import Table


def cell(value: Any) -> str:
    """One value as the contract writes it."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_table(path: Path, table: Table, rows: Iterable[Mapping[str, Any]]) -> int:
    """Write `rows` (each a mapping with at least the table's columns) to `path` as the
    contract's CSV file of `table`; returns the number of rows written."""
    columns = table.column_names
    count = 0
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row[c]) for c in columns])
            count += 1
    return count

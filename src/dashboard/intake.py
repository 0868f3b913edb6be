"""The files an import brings, as contract tables: CSV files named after their table, or an .xlsx
workbook with one sheet per table; refused whole when larger than the configured limits."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from . import config
from .contract import TABLE_BY_NAME, TABLES, Table
from .validate import Problem


def sources(
    paths: list[tuple[str, bytes]],
) -> tuple[list[tuple[Table, str, bytes]], list[Problem]]:
    """Each (file name, content) as (table, label, CSV bytes); workbooks give one per sheet.
    Refuses the whole import when it is larger than the configured limits."""
    found, problems = [], []
    max_bytes, max_rows = config.import_limits()
    total = sum(len(content) for _, content in paths)
    if total > max_bytes:
        msg = f"the import is {total:,} bytes; at most {max_bytes:,} are accepted at once"
        return [], [Problem(", ".join(name for name, _ in paths), None, None, msg)]
    for name, content in paths:
        if name.lower().endswith(".xlsx"):
            sheets, sheet_problems = workbook_sheets(name, content)
            found += sheets
            problems += sheet_problems
            continue
        stem = Path(name).stem
        if stem not in TABLE_BY_NAME:
            known = ", ".join(t.file for t in TABLES)
            problems.append(Problem(name, None, None, f"not a contract file name (one of {known})"))
            continue
        found.append((TABLE_BY_NAME[stem], name, content))
    for _table, label, content in found:
        rows = content.count(b"\n")
        if rows > max_rows + 1:
            msg = f"has about {rows:,} rows; at most {max_rows:,} are accepted in one file"
            problems.append(Problem(label, None, None, msg))
    return found, problems


def workbook_sheets(
    name: str, content: bytes
) -> tuple[list[tuple[Table, str, bytes]], list[Problem]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable workbook gets the same clear message
        return [], [Problem(name, None, None, "not a readable .xlsx workbook")]
    found, problems = [], []
    for sheet in book.worksheets:
        sheet.reset_dimensions()  # read every row, not just the range a stale <dimension> claims
        if sheet.title not in TABLE_BY_NAME:
            problems.append(
                Problem(
                    f"{name}[{sheet.title}]", None, None, "sheet name is not a contract table name"
                )
            )
            continue
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for values in sheet.iter_rows(values_only=True):
            writer.writerow(
                [
                    ""
                    if v is None
                    else v.isoformat()[:10]
                    if isinstance(v, dt.date | dt.datetime)
                    else str(v)
                    for v in values
                ]
            )
        found.append(
            (TABLE_BY_NAME[sheet.title], f"{name}[{sheet.title}]", buffer.getvalue().encode())
        )
    return found, problems

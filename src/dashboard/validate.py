"""Validation of contract CSV files: every problem at once, each naming file, row and column.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .contract import TABLES, Column, Table

SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
URL = re.compile(r"^https?://\S+$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Row = dict[str, Any]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located so a person can find and fix it."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"


class ValidationError(Exception):
    """Raised with every problem found, so a build or import stops before touching the store."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class ParsedTable:
    """A contract file after parsing: typed rows with their spreadsheet row numbers."""

    table: Table
    file: str
    rows: list[Row]
    row_numbers: list[int]
    readable: bool = True  # False when the file could not be read as a table at all


def _parse_cell(col: Column, raw: str) -> tuple[Any, str | None]:
    """Parse one cell; return (value, problem message or None)."""
    value = raw.strip()
    if value == "":
        return None, ("is required" if col.required else None)
    if col.kind == "slug" and not SLUG.match(value):
        return None, f"'{value}' is not an id (lower-case letters, digits, hyphens, underscores)"
    if col.kind == "url" and not URL.match(value):
        return None, f"'{value}' is not a URL (must start with http:// or https://)"
    if col.kind == "enum" and value not in col.choices:
        return None, f"'{value}' is not one of {', '.join(col.choices)}"
    if col.kind == "date":
        try:
            if not ISO_DATE.match(value):
                raise ValueError(value)
            return dt.date.fromisoformat(value), None
        except ValueError:
            return None, f"'{value}' is not a date (YYYY-MM-DD)"
    if col.kind in ("year", "integer", "number"):
        try:
            number = float(value) if col.kind == "number" else int(value)
        except ValueError:
            what = {"year": "a year", "integer": "a whole number", "number": "a number"}[col.kind]
            return None, f"'{value}' is not {what}"
        if col.kind == "number" and not math.isfinite(number):
            return None, f"'{value}' is not a number"
        if col.low is not None and number < col.low or col.high is not None and number > col.high:
            return None, f"{value} is outside the range {_range(col)}"
        return number, None
    return value, None


def _range(col: Column) -> str:
    low = "" if col.low is None else f"{col.low:g}"
    high = "" if col.high is None else f"{col.high:g}"
    return f"{low}–{high}" if high else f"≥ {low}"


def _decode(content: bytes, file: str) -> tuple[str | None, list[Problem]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = content[err.start : err.start + 1].hex()
        msg = f"not UTF-8 (byte 0x{bad} at position {err.start}); save the file as UTF-8"
        return None, [Problem(file, None, None, msg)]
    if not text.strip():
        return None, [Problem(file, None, None, "the file is empty (no header row)")]
    return text, []


def parse_table(table: Table, content: bytes, file: str) -> tuple[ParsedTable, list[Problem]]:
    """Parse one contract file's bytes into typed rows, collecting every cell problem."""
    parsed = ParsedTable(table, file, [], [], readable=False)
    text, problems = _decode(content, file)
    if text is None:
        return parsed, problems
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    missing = [c.name for c in table.columns if c.required and c.name not in header]
    missing_optional = [c.name for c in table.columns if not c.required and c.name not in header]
    for name in missing:
        problems.append(Problem(file, 1, name, "required column is missing from the header"))
    if missing:
        return parsed, problems
    duplicated = sorted({h for h in header if header.count(h) > 1})
    for name in duplicated:
        problems.append(Problem(file, 1, name, "column appears more than once in the header"))
    if duplicated:
        return parsed, problems
    parsed.readable = True
    index = {name: header.index(name) for name in header}
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            msg = f"has {len(cells)} fields but the header has {len(header)}"
            problems.append(Problem(file, number, None, msg))
            continue
        row: Row = {}
        for col in table.columns:
            raw = "" if col.name in missing_optional else cells[index[col.name]]
            value, message = _parse_cell(col, raw)
            if message:
                problems.append(Problem(file, number, col.name, message))
            row[col.name] = value
        parsed.rows.append(row)
        parsed.row_numbers.append(number)
    if not parsed.rows and not problems:
        problems.append(Problem(file, None, None, "the file has a header but no data rows"))
    return parsed, problems


def _check_rows(parsed: ParsedTable) -> list[Problem]:
    """Rules within one file: keys unique, dates ordered, published rows sourced."""
    problems: list[Problem] = []
    seen: dict[tuple, int] = {}
    key = parsed.table.key
    for row, number in zip(parsed.rows, parsed.row_numbers, strict=True):
        values = tuple(row[k] for k in key)
        if all(v is not None for v in values):
            if values in seen:
                shown = ", ".join(str(v) for v in values)
                msg = f"duplicate key ({', '.join(key)}) = ({shown}), first seen in row {seen[values]}"
                problems.append(Problem(parsed.file, number, key[-1], msg))
            else:
                seen[values] = number
        problems += _check_order(parsed.file, number, row, "awarded_on", "valid_until")
        problems += _check_order(parsed.file, number, row, "start_date", "end_date")
        published = parsed.table.provenance and row.get("provenance") == "published"
        if published and not row.get("source_url"):
            msg = "a published row needs a source_url"
            problems.append(Problem(parsed.file, number, "source_url", msg))
    if parsed.table.name == "programme_periods":
        problems += _check_overlaps(parsed)
    return problems


def _check_order(file: str, number: int, row: Row, first: str, last: str) -> list[Problem]:
    if row.get(first) and row.get(last) and row[last] < row[first]:
        msg = f"{last} {row[last]} is before {first} {row[first]}"
        return [Problem(file, number, last, msg)]
    return []


def _check_overlaps(parsed: ParsedTable) -> list[Problem]:
    """Two programme periods of one cluster may not overlap: a cluster has one level at a time."""
    problems = []
    by_cluster: dict[str, list[tuple[Row, int]]] = {}
    for row, number in zip(parsed.rows, parsed.row_numbers, strict=True):
        if row["cluster_id"] and row["start_date"]:
            by_cluster.setdefault(row["cluster_id"], []).append((row, number))
    for periods in by_cluster.values():
        periods.sort(key=lambda p: p[0]["start_date"])
        for (before, before_no), (after, after_no) in zip(periods, periods[1:], strict=False):
            end = before["end_date"] or dt.date.max
            if after["start_date"] <= end:
                shown_end = before["end_date"] or "ongoing"
                where = f"in row {before_no}" if before_no else "in the store"
                msg = (
                    f"period starting {after['start_date']} overlaps the {before['level']} period "
                    f"{before['start_date']} – {shown_end} {where}"
                )
                problems.append(Problem(parsed.file, after_no, "start_date", msg))
    return problems


def check_references(tables: dict[str, ParsedTable]) -> list[Problem]:
    """Foreign keys across files: every referenced id must exist in its own file."""
    problems = []
    for parsed in tables.values():
        for col in parsed.table.columns:
            if not col.references:
                continue
            target_table, target_column = col.references.split(".")
            if target_table not in tables or not tables[target_table].readable:
                continue  # its own problem is reported; every row pointing at it would be noise
            known = {r[target_column] for r in tables[target_table].rows}
            for row, number in zip(parsed.rows, parsed.row_numbers, strict=True):
                value = row[col.name]
                if value is not None and value not in known:
                    msg = f"unknown {target_column} '{value}' (not in {target_table}.csv)"
                    problems.append(Problem(parsed.file, number, col.name, msg))
    return problems


def check_dataset(tables: Iterable[ParsedTable], references: bool = True) -> list[Problem]:
    """The rules within each file, and (with `references`) the foreign keys between them."""
    by_name = {parsed.table.name: parsed for parsed in tables}
    problems: list[Problem] = []
    for parsed in by_name.values():
        problems += _check_rows(parsed)
    if references:
        problems += check_references(by_name)
    return problems


def read_dataset(data_dir: Path, names: tuple[str, ...] | None = None) -> dict[str, ParsedTable]:
    """Read and validate the contract files in `data_dir` (all, or `names`); raise with every
    problem found."""
    tables: dict[str, ParsedTable] = {}
    problems: list[Problem] = []
    for table in TABLES:
        if names is not None and table.name not in names:
            continue
        path = data_dir / table.file
        if not path.is_file():
            problems.append(Problem(str(path), None, None, "the file is missing"))
            continue
        parsed, found = parse_table(table, path.read_bytes(), str(path))
        tables[table.name] = parsed
        problems += found
    problems += check_dataset(tables.values())
    if problems:
        raise ValidationError(problems)
    return tables

"""Reading contract CSV files into typed rows: decoding, the header, every cell by its column.

What a cell may hold (its kind, whether it is required, its vocabulary, range and pattern) comes
from the contract, that is from data/datapackage.json; this parser is the fast, strict reader of
it that builds and imports use, with messages a person can act on. Rows are numbered as a
spreadsheet shows them: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from dataclasses import dataclass
from typing import Any

from .contract import Column, Table

ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
INTEGER = re.compile(r"^[+-]?[0-9]+$")  # ASCII digits only: no 1_000, no other scripts' digits
NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
LARGEST = {"INTEGER": 2**31 - 1, "BIGINT": 2**63 - 1}  # what the store's integer types hold
MAX_CELL = 10_000  # characters; a longer cell is a broken file, not a fact
csv.field_size_limit(4 * 1024 * 1024)  # read oversize cells so they can be reported, not crash

Row = dict[str, Any]
_PATTERNS: dict[str, re.Pattern[str]] = {}


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


def _matches(pattern: str, value: str) -> bool:
    """Whether `value` matches the whole of a Table Schema pattern."""
    if pattern not in _PATTERNS:
        _PATTERNS[pattern] = re.compile(f"(?:{pattern})")
    return _PATTERNS[pattern].fullmatch(value) is not None


def _parse_cell(col: Column, raw: str) -> tuple[Any, str | None]:
    """Parse one cell; return (value, problem message or None)."""
    value = raw.strip()
    if value == "":
        return None, ("is required" if col.required else None)
    if col.kind == "slug" and not _matches(col.pattern, value):
        return None, f"'{value}' is not an id (lower-case letters, digits, hyphens, underscores)"
    if col.kind == "url" and col.pattern and not _matches(col.pattern, value):
        return None, f"'{value}' is not a URL (must start with http:// or https://)"
    if col.kind == "enum" and value not in col.choices:
        return None, f"'{value}' is not one of {', '.join(col.choices)}"
    if col.kind == "date":
        try:
            if not ISO_DATE.match(value):
                raise ValueError(value)
            day = dt.date.fromisoformat(value)
        except ValueError:
            return None, f"'{value}' is not a date (YYYY-MM-DD)"
        if col.low is not None and day < col.low or col.high is not None and day > col.high:
            return None, f"{value} is outside {_range(col)}"
        return day, None
    if col.kind in ("year", "integer", "number"):
        pattern = NUMBER if col.kind == "number" else INTEGER
        try:
            if not pattern.match(value):
                raise ValueError(value)
            number = float(value) if col.kind == "number" else int(value)
        except ValueError:
            what = {"year": "a year", "integer": "a whole number", "number": "a number"}[col.kind]
            return None, f"'{shorten(value)}' is not {what}"
        if col.kind == "number" and not math.isfinite(number):
            return None, f"'{value}' is not a number"
        if col.low is not None and number < col.low or col.high is not None and number > col.high:
            return None, f"{shorten(value)} is outside the range {_range(col)}"
        if col.kind != "number" and abs(number) > LARGEST[col.sql_type]:
            return None, f"{shorten(value)} is too large a number"
        return number, None
    return value, None


def shorten(value: str, limit: int = 40) -> str:
    """A cell as a message shows it: printable, and cut to `limit` characters."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in value)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _range(col: Column) -> str:
    def shown(bound: float | dt.date | None) -> str:
        if bound is None:
            return ""
        return str(bound.year) if isinstance(bound, dt.date) else f"{bound:g}"

    low, high = shown(col.low), shown(col.high)
    if not high:
        return f"≥ {low}"
    return f"{low}–{high}" if low else f"≤ {high}"


def _decode(content: bytes, file: str) -> tuple[str | None, list[Problem]]:
    if b"\x00" in content:
        at = content.index(b"\x00")
        hint = "UTF-16" if content[1::2].count(0) > len(content) // 4 else "binary"
        msg = f"contains NUL bytes (first at position {at}): a {hint} file; save it as UTF-8 CSV"
        return None, [Problem(file, None, None, msg)]
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
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as err:
        return parsed, [Problem(file, 1, None, f"not a readable CSV header ({err})")]
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
    while True:
        start = reader.line_num + 1  # the spreadsheet row this record starts on
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            msg = f"the CSV cannot be read from here on ({err}): an unclosed quote?"
            problems.append(Problem(file, start, None, msg))
            parsed.readable = False
            break
        number = start
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            msg = f"has {len(cells)} fields but the header has {len(header)}"
            problems.append(Problem(file, number, None, msg))
            continue
        broken = [
            name
            for name, cell in zip(header, cells, strict=True)
            if "\n" in cell or "\r" in cell or len(cell) > MAX_CELL
        ]
        if broken:
            cell = cells[index[broken[0]]]
            msg = (
                f"the cell is {len(cell):,} characters long (at most {MAX_CELL:,})"
                if len(cell) > MAX_CELL
                else "has a line break inside the cell: an unclosed quote swallowing rows?"
            )
            problems.append(Problem(file, number, broken[0], msg))
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
    return parsed, problems

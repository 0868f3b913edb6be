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

from . import derive
from .contract import TABLES, Column, Table

SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
URL = re.compile(r"^https?://\S+$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
INTEGER = re.compile(r"^[+-]?[0-9]+$")  # ASCII digits only: no 1_000, no other scripts' digits
NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
FIRST_DATE, LAST_DATE = dt.date(2000, 1, 1), dt.date(2100, 12, 31)  # plausible for this record
BIGINT = 2**63 - 1
MAX_CELL = 10_000  # characters; a longer cell is a broken file, not a fact
csv.field_size_limit(4 * 1024 * 1024)  # read oversize cells so they can be reported, not crash

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
            day = dt.date.fromisoformat(value)
        except ValueError:
            return None, f"'{value}' is not a date (YYYY-MM-DD)"
        if not FIRST_DATE <= day <= LAST_DATE:
            return None, f"{value} is outside {FIRST_DATE.year}–{LAST_DATE.year}"
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
        if col.kind != "number" and abs(number) > BIGINT:
            return None, f"{shorten(value)} is too large a number"
        if col.kind == "number" and not math.isfinite(number):
            return None, f"'{value}' is not a number"
        if col.low is not None and number < col.low or col.high is not None and number > col.high:
            return None, f"{value} is outside the range {_range(col)}"
        return number, None
    return value, None


def shorten(value: str, limit: int = 40) -> str:
    """A cell as a message shows it: printable, and cut to `limit` characters."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in value)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _range(col: Column) -> str:
    low = "" if col.low is None else f"{col.low:g}"
    high = "" if col.high is None else f"{col.high:g}"
    return f"{low}–{high}" if high else f"≥ {low}"


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
        for first, last in ORDERED:
            problems += _check_order(parsed.file, number, row, first, last)
        problems += _check_provenance(parsed, number, row)
    if parsed.table.name == "programme_periods":
        problems += _check_overlaps(parsed)
    return problems


ORDERED = (
    ("awarded_on", "valid_until"),
    ("start_date", "end_date"),
    ("held_from", "held_on"),
    ("first_year", "last_year"),
    ("valid_from", "valid_until"),
)
# Per table: the date whose precision is recorded, its precision column, and the rule column.
DERIVED_DATES = {
    "programme_periods": ("start_date", "start_precision", "end_rule"),
    "certifications": ("awarded_on", "date_precision", "validity_rule"),
}


def _check_provenance(parsed: ParsedTable, number: int, row: Row) -> list[Problem]:
    """Provenance means what it says: a published row names its source and states its dates;
    a date from a precision rule or an end from a rule makes a row an estimate, whose note
    must say the rule; a cluster is not its own successor."""
    file, problems = parsed.file, []
    if row.get("successor_id") and row["successor_id"] == row.get("cluster_id"):
        problems.append(Problem(file, number, "successor_id", "a cluster cannot succeed itself"))
    if not parsed.table.provenance:
        return problems
    provenance = row.get("provenance")
    if provenance == "published" and not row.get("source_url"):
        problems.append(Problem(file, number, "source_url", "a published row needs a source_url"))
    if provenance == "estimate" and not row.get("note"):
        msg = "an estimate row needs its rule written in note"
        problems.append(Problem(file, number, "note", msg))
    if parsed.table.name == "programme_figures":
        problems += _check_figure_date(file, number, row)
    if parsed.table.name not in DERIVED_DATES:
        return problems
    date_column, precision_column, rule_column = DERIVED_DATES[parsed.table.name]
    day, precision = row.get(date_column), row.get(precision_column)
    if day and precision == "month" and day.day != 1:
        msg = f"a date known to the month is written as its first day, not {day}"
        problems.append(Problem(file, number, date_column, msg))
    if day and precision == "year" and (day.month, day.day) != (1, 1):
        msg = f"a date known to the year is written as 1 January, not {day}"
        problems.append(Problem(file, number, date_column, msg))
    derived = precision in ("month", "year") or row.get(rule_column)
    if provenance == "published" and derived:
        msg = (
            f"a published row states its dates: with {precision_column} {precision} or a "
            f"{rule_column} the row is an estimate"
        )
        problems.append(Problem(file, number, "provenance", msg))
    return problems


def _check_figure_date(file: str, number: int, row: Row) -> list[Problem]:
    """A programme figure's date lies in its year; a figure for a whole year is dated 31 Dec."""
    day, year = row.get("reference_date"), row.get("year")
    if not day or not year:
        return []
    if day.year != year:
        return [Problem(file, number, "reference_date", f"{day} is not in the year {year}")]
    if row.get("counted") == "during_year" and (day.month, day.day) != (12, 31):
        msg = f"a figure for the whole year is dated 31 December {year}, not {day}"
        return [Problem(file, number, "reference_date", msg)]
    return []


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


def _rules(tables: dict[str, ParsedTable]) -> derive.Rules | None:
    if "rules" not in tables or not tables["rules"].readable:
        return None
    return {
        r["rule_id"]: (r["value"], r["unit"])
        for r in tables["rules"].rows
        if r["value"] is not None
    }


def check_derived(tables: dict[str, ParsedTable]) -> list[Problem]:
    """Every estimate made by a rule is re-derived from the row's published inputs: a period's
    end from its start (or the next period), a label's expiry from its award, a funding row
    from its grant. A row that does not follow its rule is refused."""
    rules = _rules(tables)
    if rules is None:
        return []
    problems: list[Problem] = []
    if "programme_periods" in tables:
        parsed = tables["programme_periods"]
        starts: dict[str, list] = {}
        for row in parsed.rows:
            if row["cluster_id"] and row["start_date"]:
                starts.setdefault(row["cluster_id"], []).append(row["start_date"])
        for row, number in zip(parsed.rows, parsed.row_numbers, strict=True):
            rule = row.get("end_rule")
            if not rule or rule not in rules or not row["start_date"]:
                continue
            later = [d for d in starts.get(row["cluster_id"], []) if d > row["start_date"]]
            try:
                want = derive.period_end(
                    row["start_date"], rule, rules, min(later, default=None), row["end_date"]
                )
            except ValueError:
                msg = f"end_rule {rule} needs a later period of the same cluster, or an end_date"
                problems.append(Problem(parsed.file, number, "end_rule", msg))
                continue
            if row["end_date"] != want:
                msg = f"end_rule {rule} gives end_date {want}, not {row['end_date']}"
                problems.append(Problem(parsed.file, number, "end_date", msg))
    if "certifications" in tables:
        parsed = tables["certifications"]
        for row, number in zip(parsed.rows, parsed.row_numbers, strict=True):
            rule = row.get("validity_rule")
            if not rule or rule not in rules or not row["awarded_on"] or not row["valid_until"]:
                continue
            if row["date_precision"] == "derived":
                column, want = "awarded_on", derive.span_start(row["valid_until"], rule, rules)
            else:
                column, want = "valid_until", derive.span_end(row["awarded_on"], rule, rules)
            if row[column] != want:
                msg = f"validity_rule {rule} gives {column} {want}, not {row[column]}"
                problems.append(Problem(parsed.file, number, column, msg))
    if "funding" in tables and "grants" in tables and tables["grants"].readable:
        made = {
            (r["cluster_id"], r["year"], r["funder"]): r
            for r in derive.funding_rows(tables["grants"].rows)
        }
        parsed = tables["funding"]
        for row, number in zip(parsed.rows, parsed.row_numbers, strict=True):
            if row.get("provenance") != "estimate":
                continue
            want = made.get((row["cluster_id"], row["year"], row["funder"]))
            if want is None:
                msg = "an estimate of funding must follow from a published grant (grants.csv)"
                problems.append(Problem(parsed.file, number, "provenance", msg))
            elif want["amount_nok"] != row["amount_nok"]:
                msg = f"the grant gives {want['amount_nok']}, not {row['amount_nok']}"
                problems.append(Problem(parsed.file, number, "amount_nok", msg))
    return problems


def check_counties(tables: dict[str, ParsedTable]) -> list[Problem]:
    """A cluster's region is one of today's counties (the list in force since the last reform)."""
    if "counties" not in tables or "clusters" not in tables or not tables["counties"].readable:
        return []
    today = dt.date.today()
    current = sorted(
        r["county"]
        for r in tables["counties"].rows
        if r["valid_from"]
        and r["valid_from"] <= today
        and (r["valid_until"] is None or r["valid_until"] >= today)
    )
    known = {r["county"] for r in tables["counties"].rows}
    problems = []
    parsed = tables["clusters"]
    for row, number in zip(parsed.rows, parsed.row_numbers, strict=True):
        region = row.get("region")
        if region and region in known and region not in current:
            msg = f"'{region}' is no longer a county; today's are {', '.join(current)}"
            problems.append(Problem(parsed.file, number, "region", msg))
    return problems


def check_dataset(tables: Iterable[ParsedTable], references: bool = True) -> list[Problem]:
    """The rules within each file, and (with `references`) the foreign keys between them."""
    by_name = {parsed.table.name: parsed for parsed in tables}
    problems: list[Problem] = []
    for parsed in by_name.values():
        problems += _check_rows(parsed)
    if references:
        problems += check_references(by_name)
        problems += check_counties(by_name)
        problems += check_derived(by_name)
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

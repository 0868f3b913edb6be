"""Validation of contract CSV files: every problem at once, each naming file, row and column.

Cells are parsed by `parse` (types, vocabularies, ranges, patterns, from the contract); here are
the rules between cells and files: unique keys, the contract's rules across a row's fields (the
same declarations the store's CHECKs are made from), foreign keys, and the project's own rules
that no schema states (precision of dates, overlapping periods, estimates re-derived by their
rule, today's counties, each place's county over time). Rows are numbered as a spreadsheet shows
them: the header is row 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from . import derive
from .contract import TABLES
from .parse import ParsedTable, Problem, Row, ValidationError, parse_table
from .places import check_places

__all__ = [  # callers import the parser's names from here too
    "ParsedTable",
    "Problem",
    "Row",
    "ValidationError",
    "check_dataset",
    "check_references",
    "parse_table",
    "read_dataset",
]


def _check_rows(parsed: ParsedTable) -> list[Problem]:
    """Rules within one file: keys unique, the contract's rules across each row's fields (dates
    ordered, published rows sourced, ...), dates as precise as they say."""
    problems: list[Problem] = []
    seen: dict[tuple, int] = {}
    key, rules = parsed.table.key, parsed.table.rules
    for row, number in zip(parsed.rows, parsed.row_numbers, strict=True):
        values = tuple(row[k] for k in key)
        if all(v is not None for v in values):
            if values in seen:
                shown = ", ".join(str(v) for v in values)
                msg = f"duplicate key ({', '.join(key)}) = ({shown}), first seen in row {seen[values]}"
                problems.append(Problem(parsed.file, number, key[-1], msg))
            else:
                seen[values] = number
        broken: set[str] = set()
        for rule in rules:
            found = rule.breach(row)
            if found and found[0] not in broken:  # one problem per cell: the first rule it breaks
                broken.add(found[0])
                problems.append(Problem(parsed.file, number, *found))
        problems += _check_precision(parsed, number, row)
    if parsed.table.name == "programme_periods":
        problems += _check_overlaps(parsed)
    return problems


# Per table: the date whose precision is recorded, its precision column, and the rule column.
DERIVED_DATES = {
    "programme_periods": ("start_date", "start_precision", "end_rule"),
    "certifications": ("awarded_on", "date_precision", "validity_rule"),
}


def _check_precision(parsed: ParsedTable, number: int, row: Row) -> list[Problem]:
    """Provenance means what it says: a published row states its dates; a date from a precision
    rule or an end from a rule makes a row an estimate (whose note says the rule, by the
    contract's rules)."""
    if parsed.table.name not in DERIVED_DATES:
        return []
    file, problems = parsed.file, []
    date_column, precision_column, rule_column = DERIVED_DATES[parsed.table.name]
    day, precision = row.get(date_column), row.get(precision_column)
    if day and precision == "month" and day.day != 1:
        msg = f"a date known to the month is written as its first day, not {day}"
        problems.append(Problem(file, number, date_column, msg))
    if day and precision == "year" and (day.month, day.day) != (1, 1):
        msg = f"a date known to the year is written as 1 January, not {day}"
        problems.append(Problem(file, number, date_column, msg))
    derived = precision in ("month", "year") or row.get(rule_column)
    if row.get("provenance") == "published" and derived:
        msg = (
            f"a published row states its dates: with {precision_column} {precision} or a "
            f"{rule_column} the row is an estimate"
        )
        problems.append(Problem(file, number, "provenance", msg))
    return problems


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
        problems += check_places(by_name)
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

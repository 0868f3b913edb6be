"""Importing new facts into the store: validated against what the store holds, applied all at once.

An import reads files in the data contract's format (CSV files named after their table, or an
.xlsx workbook with one sheet per table), merges them into the store's tables by key (upsert), and
validates the merged whole with the same rules as a build, plus the import's own: a new award may
not predate the cluster's latest award without saying so. Any problem: nothing is written and every
problem is listed. Otherwise the store is rewritten to a new file and swapped in (readers keep their
snapshot; a crash leaves the old store), and the import is recorded in `import_log`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from . import contract_csv, ddl, intake, sqlfiles, store
from .contract import TABLES, Table
from .validate import (
    ParsedTable,
    Problem,
    Row,
    ValidationError,
    check_dataset,
    check_references,
    parse_table,
)

STORE_SQL = sqlfiles.named("store.sql")


@dataclass
class Change:
    """What an import does to one table."""

    added: list[tuple] = field(default_factory=list)
    changed: list[tuple] = field(default_factory=list)
    unchanged: int = 0


@dataclass
class ImportPlan:
    """A validated import, ready to apply: the merged tables and what changes."""

    files: list[str]
    content_hash: str
    tables: dict[str, ParsedTable]
    changes: dict[str, Change]
    version: str = ""  # the store version planned against
    sources: list[tuple[str, bytes]] = field(default_factory=list)
    allow_backdated: bool = False

    def summary(self) -> str:
        lines = []
        for name, change in self.changes.items():
            lines.append(
                f"{name}: {len(change.added)} added, {len(change.changed)} changed, "
                f"{change.unchanged} unchanged"
            )
        return "\n".join(lines)


def current_tables(con: duckdb.DuckDBPyConnection) -> dict[str, ParsedTable]:
    """The store's contract tables as parsed rows (row numbers unknown: they are not in a file)."""
    tables = {}
    for table in TABLES:
        cursor = con.execute(ddl.select_all(table))
        rows = [dict(zip(table.column_names, values, strict=True)) for values in cursor.fetchall()]
        tables[table.name] = ParsedTable(table, f"store:{table.name}", rows, [0] * len(rows))
    return tables


def _key(table: Table, row: Row) -> tuple:
    return tuple(row[k] for k in table.key)


def _same(a: Row, b: Row) -> bool:
    return all(a[k] == b[k] or (a[k] is None and b[k] is None) for k in a)


def plan(db: Path, files: list[tuple[str, bytes]], allow_backdated: bool = False) -> ImportPlan:
    """Validate `files` against the store at `db`; raise ValidationError listing every problem."""
    sources, problems = intake.sources(files)
    con = store.connect_readonly(db)
    try:
        merged = current_tables(con)
        version = dict(con.execute(STORE_SQL["meta"]).fetchall()).get("version", "")
    finally:
        con.close()
    incoming: dict[str, ParsedTable] = {}
    for table, label, content in sources:
        parsed, found = parse_table(table, content, label)
        problems += found
        if table.name in incoming:
            problems.append(Problem(label, None, None, f"a second file for {table.name}"))
            continue
        incoming[table.name] = parsed
    problems += check_dataset(incoming.values(), references=False)

    stored_awards = merged["certifications"].rows  # as the store has them, before the merge
    changes: dict[str, Change] = {}
    for name, parsed in incoming.items():
        table = parsed.table
        existing = {_key(table, r): i for i, r in enumerate(merged[name].rows)}
        change = Change()
        rows, numbers = list(merged[name].rows), list(merged[name].row_numbers)
        for row, number in zip(parsed.rows, parsed.row_numbers, strict=True):
            key = _key(table, row)
            if key in existing:
                if _same(rows[existing[key]], row):
                    change.unchanged += 1
                else:
                    change.changed.append(key)
                rows[existing[key]], numbers[existing[key]] = row, number
            else:
                change.added.append(key)
                rows.append(row)
                numbers.append(number)
        merged[name] = ParsedTable(table, parsed.file, rows, numbers)
        changes[name] = change
        if name == "certifications" and not allow_backdated:
            problems += _backdated(parsed, stored_awards)
    # Rows that came from the store carry row number 0: report them by table, not by file row.
    if problems:
        # Cells are wrong: still name unknown ids (they need no valid dates), then stop.
        if all(parsed.readable for parsed in incoming.values()):
            problems += [_locate(p) for p in check_references({n: t for n, t in merged.items()})]
        raise ValidationError(list(dict.fromkeys(problems)))
    problems += [_locate(p) for p in check_dataset(merged.values())]
    if problems:
        raise ValidationError(list(dict.fromkeys(problems)))
    digest = hashlib.sha256()
    for name, content in sorted(files):
        digest.update(name.encode() + b"\0" + content)
    return ImportPlan(
        [name for name, _ in files],
        digest.hexdigest(),
        merged,
        changes,
        version,
        list(files),
        allow_backdated,
    )


def _locate(problem: Problem) -> Problem:
    return Problem(problem.file, problem.row or None, problem.column, problem.message)


def _backdated(parsed: ParsedTable, stored_awards: list[Row]) -> list[Problem]:
    """A new award older than the cluster's latest award in the store is likely a typo."""
    latest: dict[str, dt.date] = {}
    for row in stored_awards:
        if row["cluster_id"] not in latest or row["awarded_on"] > latest[row["cluster_id"]]:
            latest[row["cluster_id"]] = row["awarded_on"]
    stored = {_key(parsed.table, row) for row in stored_awards}
    problems = []
    for row, number in zip(parsed.rows, parsed.row_numbers, strict=True):
        newest = latest.get(row["cluster_id"])
        if row["awarded_on"] is None:
            continue  # its own problem is reported
        if newest and row["awarded_on"] < newest and _key(parsed.table, row) not in stored:
            problems.append(
                Problem(
                    parsed.file,
                    number,
                    "awarded_on",
                    f"new award {row['awarded_on']} predates the cluster's latest award "
                    f"{newest} in the store; pass --allow-backdated if that is intended",
                )
            )
    return problems


def apply(db: Path, prepared: ImportPlan) -> int:
    """Write the merged tables as a new store, carry the import log over, add this import, swap.

    Under the store's writer lock: when another writer changed the store since the plan was
    made, the same files are planned again against the store as it is now (and refused with
    every problem if they no longer fit), so no import overwrites another's rows or log entry.
    """
    with store.writer_lock(db):
        return _apply_locked(db, prepared)


def _apply_locked(db: Path, prepared: ImportPlan) -> int:
    con = store.connect_readonly(db)
    try:
        log = con.execute(STORE_SQL["import_log"]).fetchall()
        meta = dict(con.execute(STORE_SQL["meta"]).fetchall())
    finally:
        con.close()
    if meta.get("version", "") != prepared.version:
        prepared = plan(db, prepared.sources, prepared.allow_backdated)
    import_id = (log[-1][0] + 1) if log else 1
    counts = {
        name: {"added": len(c.added), "changed": len(c.changed), "unchanged": c.unchanged}
        for name, c in prepared.changes.items()
    }
    entry = (
        import_id,
        dt.datetime.now(dt.UTC).replace(tzinfo=None),
        json.dumps(prepared.files),
        json.dumps(counts),
        prepared.content_hash,
    )

    def finish(con: duckdb.DuckDBPyConnection) -> None:
        con.executemany(STORE_SQL["log_import"], [*log, entry])

    store.swap_in(
        db, lambda target: store.write_store(prepared.tables, target, meta["data_hash"], finish)
    )
    return import_id


def history(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Every applied import, newest first."""
    return con.execute(STORE_SQL["import_log"]).fetchall()[::-1]


def dump(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    """Write every contract table back to CSV in the contract's format."""
    out.mkdir(parents=True, exist_ok=True)
    rows = {}
    for table in TABLES:
        names = table.column_names
        records = con.execute(ddl.select_all(table, in_key_order=True)).fetchall()
        rows[table.name] = contract_csv.write_table(
            out / table.file, table, (dict(zip(names, r, strict=True)) for r in records)
        )
    return rows

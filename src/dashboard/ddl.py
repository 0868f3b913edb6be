"""The store's typed tables, written as DuckDB DDL from the contract (data/datapackage.json).

Each column gets its type, NOT NULL when required, a CHECK for its vocabulary and range; each
table its primary key, the foreign keys DuckDB can enforce, and a CHECK for every rule across the
row's fields (the same declarations the validator checks). The store's other objects (meta, the
import log, macros, views) are in sql/schema.sql.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .contract import Column, Table


def _literal(value: object) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, dt.date):
        return f"DATE '{value.isoformat()}'"
    return repr(value)


def _check(col: Column) -> str | None:
    """The CHECK of one column's own values: its vocabulary or its range."""
    if col.choices:
        return f"{col.name} IN ({', '.join(_literal(c) for c in col.choices)})"
    if col.low is not None and col.high is not None:
        return f"{col.name} BETWEEN {_literal(col.low)} AND {_literal(col.high)}"
    if col.low is not None:
        return f"{col.name} >= {_literal(col.low)}"
    if col.high is not None:
        return f"{col.name} <= {_literal(col.high)}"
    return None


def _references(col: Column, table: Table, made: dict[str, Table]) -> str | None:
    """A REFERENCES clause where DuckDB can enforce it: to another, earlier table whose primary
    key is that one column. A self-reference (successor_id) and a reference to part of a key
    (a region to counties.county) are the validator's alone."""
    if not col.references:
        return None
    name, column = col.references.split(".")
    if name == table.name:
        return None
    if name not in made:
        raise ValueError(f"{table.name}.{col.name} references {name}, which comes later")
    if made[name].key != (column,):
        return None
    return f"REFERENCES {name} ({column})"


def create_table(table: Table, made: dict[str, Table] | None = None) -> str:
    """CREATE TABLE for one contract table; `made` are the tables created before it."""
    made = made or {}
    lines = []
    for col in table.columns:
        parts = [col.name, col.sql_type]
        if col.required:
            parts.append("NOT NULL")
        check = _check(col)
        if check:
            parts.append(f"CHECK ({check})")
        reference = _references(col, table, made)
        if reference:
            parts.append(reference)
        lines.append(" ".join(parts))
    lines.append(f"PRIMARY KEY ({', '.join(table.key)})")
    lines += [f"CHECK ({rule.sql()})" for rule in table.rules]
    body = ",\n".join(f"    {line}" for line in lines)
    title = f"-- {table.title}\n" if table.title else ""
    return f"{title}CREATE TABLE {table.name} (\n{body}\n);\n"


def create_tables(tables: Iterable[Table]) -> str:
    """The DDL of every contract table, in the contract's order (referenced tables first)."""
    made: dict[str, Table] = {}
    statements = ["-- The contract's tables, made by dashboard.ddl from data/datapackage.json.\n"]
    for table in tables:
        statements.append(create_table(table, made))
        made[table.name] = table
    return "\n".join(statements)


def rank_macro(name: str, vocabulary: Iterable[str]) -> str:
    """A macro giving each value its place in an ordered vocabulary (1 = lowest; NULL for none),
    so SQL compares labels by the contract's order instead of naming them."""
    cases = " ".join(f"WHEN {_literal(v)} THEN {i}" for i, v in enumerate(vocabulary, start=1))
    return f"CREATE MACRO {name}(value) AS CASE value {cases} END;\n"


def select_all(table: Table, in_key_order: bool = False) -> str:
    """Every row of a contract table, its columns in file order (sorted by key, for a dump)."""
    order = f" ORDER BY {', '.join(table.key)}" if in_key_order else ""
    return f"SELECT {', '.join(table.column_names)} FROM {table.name}{order}"

"""The data contract: the CSV files funders exchange, their columns, types, keys and rules.

Declared once, as a Frictionless Data Package: `data/datapackage.json` holds a Table Schema per
file (types, constraints, primary and foreign keys) and, as `x-` properties, the rules across the
fields of a row that Table Schema has no keyword for. This module reads it once, at import, into
the objects the code works with (`TABLES`, `TABLE_BY_NAME`, the vocabularies), so validation
(`parse`, `validate`), the store's typed tables (`ddl`) and the CSV writer (`contract_csv`) all
derive from the one declaration and cannot disagree; `frictionless validate data/datapackage.json`
checks the shipped files against the same declaration (a test runs it). Only vocabularies live in
the descriptor (levels, labels, measures); every figure and every rule with a number lives in
data/ with its source.

The contract is the code's, not the data folder's: it is the descriptor shipped in the checkout's
data/, whatever folder `DASHBOARD_DATA` or `--data` names. A folder of a user's own contract CSVs
needs no datapackage.json, and one that it holds is not read. Only a package installed without the
checkout (the Docker image, which copies data/ to `DASHBOARD_DATA`) reads the descriptor from there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from . import config
from .row_rules import DateInYear, Differs, Ordered, RequiredWhen, RowRule, YearEndWhen

DESCRIPTOR = "datapackage.json"
# The store's type of each Table Schema type; an integer field may ask for more (`x-sqlType`).
SQL_TYPES = {
    "string": "VARCHAR",
    "date": "DATE",
    "year": "INTEGER",
    "integer": "INTEGER",
    "number": "DOUBLE",
}
CONSTRAINTS = {"required", "enum", "minimum", "maximum", "pattern"}  # the ones enforced here too


@dataclass(frozen=True)
class Column:
    """One column of a contract file; `kind` says how a cell is parsed and checked."""

    name: str
    kind: str  # slug | text | url | date | year | integer | number | enum
    required: bool = True
    choices: tuple[str, ...] = ()
    low: float | dt.date | None = None
    high: float | dt.date | None = None
    references: str | None = None  # "table.column" this value must exist in
    pattern: str | None = None  # what a slug or url must match (in full)
    sql_type: str = "VARCHAR"


@dataclass(frozen=True)
class Table:
    """One contract file and the store table built from it."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    rules: tuple[RowRule, ...] = ()  # checked in every row, by the validator and the store
    title: str = ""

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def provenance(self) -> bool:
        """Rows carry provenance (published or estimate), with source_url and note rules."""
        return "provenance" in self.column_names


def descriptor_path() -> Path:
    """The shipped descriptor: the checkout's data/datapackage.json, else (a package installed
    without the checkout) the one in the data folder it was shipped to."""
    candidates = [config.ROOT / "data" / DESCRIPTOR, config.data_dir() / DESCRIPTOR]
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"the data contract ({DESCRIPTOR}) is in none of {', '.join(map(str, candidates))}"
    )


def _column(field: dict, references: str | None, where: str) -> Column:
    kind_of = {"date": "date", "year": "year", "integer": "integer", "number": "number"}
    constraints = field.get("constraints", {})
    unknown = set(constraints) - CONSTRAINTS
    if field["type"] not in SQL_TYPES or unknown or field.get("format") not in (None, "uri"):
        raise ValueError(f"{where}: the contract does not enforce {field} (see contract.py)")
    if field["type"] != "string":
        kind = kind_of[field["type"]]
    elif "enum" in constraints:
        kind = "enum"
    elif field.get("format") == "uri":
        kind = "url"
    else:  # a string with a pattern is an id
        kind = "slug" if "pattern" in constraints else "text"
    low, high = constraints.get("minimum"), constraints.get("maximum")
    if kind == "date":
        low = None if low is None else dt.date.fromisoformat(low)
        high = None if high is None else dt.date.fromisoformat(high)
    return Column(
        name=field["name"],
        kind=kind,
        required=bool(constraints.get("required", False)),
        choices=tuple(constraints.get("enum", ())),
        low=low,
        high=high,
        references=references,
        pattern=constraints.get("pattern"),
        sql_type=field.get("x-sqlType", SQL_TYPES[field["type"]]),
    )


def _rules(schema: dict) -> tuple[RowRule, ...]:
    def when(rule: dict) -> tuple[str, str]:
        ((column, value),) = rule["when"].items()
        return column, value

    rules: list[RowRule] = [Ordered(first, last) for first, last in schema.get("x-ordered", ())]
    for r in schema.get("x-differs", ()):
        message = r.get("message", f"{r['field']} is the same as {r['from']}")
        rules.append(Differs(r["field"], r["from"], message))
    for r in schema.get("x-requiredWhen", ()):
        column, value = when(r)
        message = r.get("message", f"a {value} row needs a {r['field']}")
        rules.append(RequiredWhen(r["field"], (column, value), message))
    for r in schema.get("x-dateInYear", ()):
        message = r.get("message", f"{{{r['field']}}} is not in the year {{{r['year']}}}")
        rules.append(DateInYear(r["field"], r["year"], message))
    for r in schema.get("x-yearEndWhen", ()):
        message = r.get("message", f"{{{r['field']}}} is not 31 December {{{r['year']}}}")
        rules.append(YearEndWhen(r["field"], r["year"], when(r), message))
    return tuple(rules)


def _table(resource: dict) -> Table:
    name, schema = resource["name"], resource["schema"]
    references = {}
    for fk in schema.get("foreignKeys", ()):
        ((column,), (target,)) = fk["fields"], fk["reference"]["fields"]
        references[column] = f"{fk['reference']['resource'] or name}.{target}"
    columns = tuple(
        _column(f, references.get(f["name"]), f"{name}.{f['name']}") for f in schema["fields"]
    )
    return Table(
        name, columns, tuple(schema["primaryKey"]), _rules(schema), resource.get("title", "")
    )


def load(path: Path) -> tuple[Table, ...]:
    """The contract's tables, from a Data Package descriptor, in the order of its resources."""
    package = json.loads(path.read_text(encoding="utf-8"))
    return tuple(_table(resource) for resource in package["resources"])


SOURCE = descriptor_path()
TABLES: tuple[Table, ...] = load(SOURCE)
# The contract's fingerprint: a store made under another contract is stale (store.data_fingerprint).
DIGEST = hashlib.sha256(SOURCE.read_bytes()).hexdigest()
TABLE_BY_NAME = {t.name: t for t in TABLES}


def _choices(table: str, column: str) -> tuple[str, ...]:
    (found,) = [c for c in TABLE_BY_NAME[table].columns if c.name == column]
    return found.choices


# The levels of the programme to 2025, and of the new programme from 2026 (NIC Connect, NIC Impact).
LEVELS = _choices("programme_periods", "level")
LABELS = _choices("certifications", "label")  # Bronze, Silver, Gold: the order is the ranking
FUNDERS = _choices("funding", "funder")
PROVENANCES = _choices("funding", "provenance")
# derived: the date follows from the row's other date by its rule (an expiry is published).
PRECISIONS = _choices("certifications", "date_precision")
GRANT_BASES = _choices("grants", "basis")
# A programme figure states a value on a date, or for a whole year (written on 31 December).
COUNTED = _choices("programme_figures", "counted")
MEASURES = _choices("programme_figures", "measure")

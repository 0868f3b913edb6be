"""Runs the SQL in sql/ (parameterised) against the read-only store.

Every extract (sql/extracts/NAME.sql) starts from the scope (sql/scope.sql): the clusters the
filters select, with their level and label status as of the filter date. Pages, the export CLI
and the tests all come through here.
"""

from __future__ import annotations

import re
import warnings

import duckdb
import pandas as pd
import pyarrow as pa

from . import sqlfiles
from .contract import LABELS, TABLES
from .filters import CountyTerm, Filters, Vocabulary

SCOPE = (sqlfiles.SQL / "scope.sql").read_text(encoding="utf-8")
READS_SCOPE = re.compile(r"\b(?:FROM|JOIN)\s+scope(?:_all_counties)?\b", re.IGNORECASE)


def _per_label(sql: str) -> str:
    """`{per_label}` in an extract: a count of its rows per label of the contract, best first,
    each a column named after its label (gold, silver, bronze), so no label is written in SQL."""
    counts = (
        f"count(*) FILTER (WHERE label = '{label}') AS {label.lower()}" for label in LABELS[::-1]
    )
    return sql.replace("{per_label}", ", ".join(counts))


EXTRACT_SQL = {name: _per_label(sql) for name, sql in sqlfiles.each("extracts").items()}
LOOKUP_SQL = sqlfiles.each("lookups")


# An extract runs as one statement on a cursor: DuckDB's relation path (`.sql()`) plans each
# statement twice (once to describe it, once to run it), 2–3 ms per extract on this store, more
# than the copy of its rows into Arrow that DuckDB warns of on this path costs at 100x scale.
warnings.filterwarnings(
    "ignore", "Arrow output on a DB-API result", UserWarning, module=r"dashboard\.queries"
)

LISTS = ("areas", "regions", "levels", "labels", "clusters")
SCALARS = {"as_of": "DATE", "cluster": "VARCHAR", "months": "INTEGER"}
PARAM = re.compile(r"\$(\w+)\b")


def _params(filters: Filters, cluster_id: str | None, months: int) -> dict[str, object]:
    return {
        "as_of": filters.date,
        "cluster": cluster_id,
        "months": months,
        "areas": list(filters.areas),
        "regions": list(filters.regions),
        "levels": list(filters.levels),
        "labels": list(filters.labels),
        "clusters": list(filters.clusters),
    }


def _typed_lists(sql: str) -> str:
    """Empty Python lists bind without a type; cast the list parameters to VARCHAR[] once (and
    the others to their type). Whole names only: `$cluster` is not the start of `$clusters`."""

    def typed(match: re.Match) -> str:
        name = match.group(1)
        kind = "VARCHAR[]" if name in LISTS else SCALARS.get(name)
        return f"${name}::{kind}" if kind else match.group(0)

    return PARAM.sub(typed, sql)


def extract(
    con: duckdb.DuckDBPyConnection,
    name: str,
    filters: Filters,
    cluster_id: str | None = None,
    months: int = 6,
) -> pd.DataFrame:
    """One named extract for the filters (optionally one cluster; `months` is the renewal
    horizon): the rows a page shows and a download contains."""
    sql = EXTRACT_SQL[name]
    if READS_SCOPE.search(sql):  # binding the scope costs time even where it goes unread
        sql = SCOPE + sql
    named = set(PARAM.findall(sql))
    params = {k: v for k, v in _params(filters, cluster_id, months).items() if k in named}
    rows = con.cursor().execute(_typed_lists(sql), params).to_arrow_table()  # own cursor
    return _frame(rows)


def _frame(rows: pa.Table) -> pd.DataFrame:
    """The rows as pandas, through Arrow (several times faster than DuckDB's own `.df()` on
    wide results), typed as `.df()` would: dates as datetime64, a whole-number column with
    gaps as a nullable integer rather than floats."""
    frame = rows.to_pandas(date_as_object=False)
    for field in rows.schema:
        if pa.types.is_integer(field.type) and rows.column(field.name).null_count:
            frame[field.name] = frame[field.name].astype(f"Int{field.type.bit_width}")
    return frame


def vocabulary(con: duckdb.DuckDBPyConnection) -> Vocabulary:
    """The values the filters offer: opportunity areas present in the store, every county with
    the dates it was one (a past date is filtered by the counties of its day), and the cluster
    ids a comparison may name."""
    areas = con.execute(LOOKUP_SQL["areas"]).fetchall()
    terms = tuple(CountyTerm(*row) for row in con.execute(LOOKUP_SQL["regions"]).fetchall())
    clusters = con.execute(LOOKUP_SQL["cluster_ids"]).fetchall()
    return Vocabulary(
        areas=tuple(r[0] for r in areas),
        regions=tuple(sorted({term.county for term in terms})),
        terms=terms,
        clusters=tuple(r[0] for r in clusters),
    )


def opportunity_areas(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Opportunity areas with their Norwegian and English names."""
    return con.execute(LOOKUP_SQL["opportunity_areas"]).df()


def cluster_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every cluster's name as the profile picker shows it (former names added), by id, in
    the order of the names."""
    return dict(con.execute(LOOKUP_SQL["cluster_names"]).fetchall())


def cluster_facts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The descriptive facts of every cluster (focus, former names, successor, sources)."""
    return con.execute(LOOKUP_SQL["cluster_facts"]).df()


def cluster(con: duckdb.DuckDBPyConnection, cluster_id: str) -> pd.DataFrame:
    """One cluster's facts with its opportunity area (empty when the id is unknown)."""
    return con.execute(LOOKUP_SQL["cluster"], {"cluster_id": cluster_id}).df()


def rules(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The rules with a number behind estimates and alerts, with their sources."""
    return con.execute(LOOKUP_SQL["rules"]).df()


def glossary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The glossary's terms in both languages, with their sources and the rule each uses."""
    return con.execute(LOOKUP_SQL["glossary"]).df()


def glossary_terms(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """Each glossary term's names and definitions by term id: what a tooltip looks up (every
    table header and filter asks for some, so a dict, not a frame to index each time)."""
    frame = con.execute(LOOKUP_SQL["glossary"]).df().set_index("term_id")
    return frame[["term_nb", "term_en", "definition_nb", "definition_en"]].to_dict("index")


def meta(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Build facts: when the store was built, from which data, and the data's as-of date."""
    return dict(con.execute(LOOKUP_SQL["meta"]).fetchall())


def imports(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The import log, newest first."""
    return con.execute(LOOKUP_SQL["imports"]).df()


# Two lookups are written from the contract, so a new table is counted without a new query.
def provenance_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Rows per table and provenance, so a reader sees how much is published vs estimated."""
    parts = [
        f"SELECT '{t.name}' AS table_name, provenance, count(*) AS rows, "
        f"count(source_url) AS rows_with_source FROM {t.name} GROUP BY provenance"
        for t in TABLES
        if t.provenance
    ]
    return con.execute(" UNION ALL ".join(parts) + " ORDER BY table_name, provenance").df()


def table_rows(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Rows per store table."""
    sql = " UNION ALL ".join(
        f"SELECT '{t.name}' AS table_name, count(*) AS rows FROM {t.name}" for t in TABLES
    )
    return con.execute(sql).df()

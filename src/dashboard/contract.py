"""The data contract: the CSV files funders exchange, their columns, types and keys.

One declaration drives validation, the store's typed tables and the dump back to CSV, so the
three can never disagree about what a file holds.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("Arena", "Arena Pro", "NCE", "GCE", "Mature")
LABELS = ("Bronze", "Silver", "Gold")
FUNDERS = ("Innovasjon Norge", "Siva", "Forskningsrådet", "County", "Members", "Other")
PROVENANCES = ("published", "estimate", "illustrative")


@dataclass(frozen=True)
class Column:
    """One column of a contract file; `kind` says how a cell is parsed and checked."""

    name: str
    kind: str  # slug | text | url | date | year | integer | number | enum
    required: bool = True
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    references: str | None = None  # "table.column" this value must exist in


@dataclass(frozen=True)
class Table:
    """One contract file and the store table built from it."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    provenance: bool = False  # rows carry provenance + source_url rules

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _provenance_columns() -> tuple[Column, ...]:
    return (
        Column("provenance", "enum", choices=PROVENANCES),
        Column("source_url", "url", required=False),
        Column("note", "text", required=False),
    )


TABLES: tuple[Table, ...] = (
    Table(
        "opportunity_areas",
        (
            Column("area_id", "slug"),
            Column("name_nb", "text"),
            Column("name_en", "text"),
            Column("source_url", "url", required=False),
        ),
        key=("area_id",),
    ),
    Table(
        "indicators",
        (
            Column("indicator_id", "slug"),
            Column("name_nb", "text"),
            Column("name_en", "text"),
            Column("unit", "text"),
            Column("source_url", "url", required=False),
        ),
        key=("indicator_id",),
    ),
    Table(
        "clusters",
        (
            Column("cluster_id", "slug"),
            Column("name", "text"),
            Column("name_en", "text", required=False),
            Column("region", "text", required=False),
            Column("city", "text", required=False),
            Column("area_id", "slug", references="opportunity_areas.area_id"),
            Column("focus", "text", required=False),
            Column("website", "url", required=False),
            Column("source_url", "url", required=False),
            Column("members_published", "text", required=False),
            Column("area_basis", "text", required=False),
            Column("all_sources", "text", required=False),
        ),
        key=("cluster_id",),
    ),
    Table(
        "programme_periods",
        (
            Column("cluster_id", "slug", references="clusters.cluster_id"),
            Column("level", "enum", choices=LEVELS),
            Column("start_date", "date"),
            Column("end_date", "date", required=False),
            *_provenance_columns(),
        ),
        key=("cluster_id", "level", "start_date"),
        provenance=True,
    ),
    Table(
        "certifications",
        (
            Column("cluster_id", "slug", references="clusters.cluster_id"),
            Column("label", "enum", choices=LABELS),
            Column("awarded_on", "date"),
            Column("valid_until", "date"),
            Column("score_pct", "number", required=False, low=0, high=100),
            *_provenance_columns(),
        ),
        key=("cluster_id", "label", "awarded_on"),
        provenance=True,
    ),
    Table(
        "funding",
        (
            Column("cluster_id", "slug", references="clusters.cluster_id"),
            Column("year", "year", low=2002, high=2100),
            Column("funder", "enum", choices=FUNDERS),
            Column("amount_nok", "integer", low=0),
            *_provenance_columns(),
        ),
        key=("cluster_id", "year", "funder"),
        provenance=True,
    ),
    Table(
        "results",
        (
            Column("cluster_id", "slug", references="clusters.cluster_id"),
            Column("year", "year", low=2002, high=2100),
            Column("indicator", "slug", references="indicators.indicator_id"),
            Column("value", "number"),
            *_provenance_columns(),
        ),
        key=("cluster_id", "year", "indicator"),
        provenance=True,
    ),
)

TABLE_BY_NAME = {t.name: t for t in TABLES}

"""The data contract: the CSV files funders exchange, their columns, types and keys.

One declaration drives validation, the store's typed tables and the dump back to CSV, so the
three can never disagree about what a file holds. Only vocabularies live here (levels, labels,
measures); every figure and every rule with a number lives in data/ with its source.
"""

from __future__ import annotations

from dataclasses import dataclass

# The levels of the programme to 2025, and of the new programme from 2026 (NIC Connect, NIC Impact).
LEVELS = ("Arena", "Arena Pro", "NCE", "GCE", "Mature", "NIC Connect", "NIC Impact")
LABELS = ("Bronze", "Silver", "Gold")
FUNDERS = ("Klyngeprogrammet", "Innovasjon Norge", "Siva", "Forskningsrådet", "County", "Other")
PROVENANCES = ("published", "estimate")
# derived: the date follows from the row's other date by its rule (an expiry is published).
PRECISIONS = ("day", "month", "year", "derived")
GRANT_BASES = ("year", "total")
# A programme figure states a value on a date, or for a whole year (written on 31 December).
COUNTED = ("on_date", "during_year")
MEASURES = (
    "clusters_total",
    "clusters_arena",
    "clusters_arena_pro",
    "clusters_nce",
    "clusters_gce",
    "clusters_mature",
    "budget_nok",
    "participating_companies",
    "member_companies",
    "excess_value_creation_pp",
    "excess_sales_pp",
    "excess_employment_pp",
    "new_clusters_admitted",
)


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


def _cluster() -> Column:
    return Column("cluster_id", "slug", references="clusters.cluster_id")


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
        "counties",
        (
            Column("county", "text"),
            Column("valid_from", "date"),
            Column("valid_until", "date", required=False),
            Column("source_url", "url"),
            Column("note", "text", required=False),
        ),
        key=("county", "valid_from"),
    ),
    Table(
        "rules",
        (
            Column("rule_id", "slug"),
            Column("value", "integer", low=0),
            Column("unit", "enum", choices=("months", "days")),
            Column("applies_to", "text"),
            Column("source_url", "url", required=False),
            Column("note", "text"),
        ),
        key=("rule_id",),
    ),
    Table(
        "clusters",
        (
            Column("cluster_id", "slug"),
            Column("name", "text"),
            Column("name_en", "text", required=False),
            Column("former_names", "text", required=False),
            Column("region", "text", required=False, references="counties.county"),
            Column("city", "text", required=False),
            Column("area_id", "slug", references="opportunity_areas.area_id"),
            Column("focus_nb", "text", required=False),
            Column("focus_en", "text", required=False),
            Column("website", "url", required=False),
            Column("successor_id", "slug", required=False, references="clusters.cluster_id"),
            Column("source_url", "url", required=False),
            Column("all_sources", "text", required=False),
            Column("note", "text", required=False),
        ),
        key=("cluster_id",),
    ),
    Table(
        "programme_periods",
        (
            _cluster(),
            Column("level", "enum", choices=LEVELS),
            Column("start_date", "date"),
            Column("start_precision", "enum", choices=PRECISIONS),
            Column("end_date", "date", required=False),
            Column("end_rule", "slug", required=False, references="rules.rule_id"),
            *_provenance_columns(),
        ),
        key=("cluster_id", "level", "start_date"),
        provenance=True,
    ),
    Table(
        "certifications",
        (
            _cluster(),
            Column("label", "enum", choices=LABELS),
            Column("awarded_on", "date"),
            Column("date_precision", "enum", choices=PRECISIONS),
            Column("valid_until", "date"),
            Column("validity_rule", "slug", required=False, references="rules.rule_id"),
            Column("score_pct", "number", required=False, low=0, high=100),
            *_provenance_columns(),
        ),
        key=("cluster_id", "label", "awarded_on"),
        provenance=True,
    ),
    Table(
        "label_confirmations",
        (
            _cluster(),
            Column("label", "enum", choices=LABELS),
            Column("held_from", "date", required=False),
            Column("held_on", "date"),
            Column("source_url", "url"),
            Column("note", "text"),
        ),
        key=("cluster_id", "label", "held_on"),
    ),
    Table(
        "grants",
        (
            _cluster(),
            Column("funder", "enum", choices=FUNDERS),
            Column("amount_nok", "integer", low=0),
            Column("basis", "enum", choices=GRANT_BASES),
            Column("first_year", "year", low=2002, high=2100),
            Column("last_year", "year", low=2002, high=2100),
            Column("source_url", "url"),
            Column("note", "text"),
        ),
        key=("cluster_id", "funder", "first_year"),
    ),
    Table(
        "funding",
        (
            _cluster(),
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
            _cluster(),
            Column("year", "year", low=2002, high=2100),
            Column("indicator", "slug", references="indicators.indicator_id"),
            Column("value", "number"),
            *_provenance_columns(),
        ),
        key=("cluster_id", "year", "indicator"),
        provenance=True,
    ),
    Table(
        "programme_figures",
        (
            Column("year", "year", low=2002, high=2100),
            Column("measure", "enum", choices=MEASURES),
            Column("value", "number", low=0),
            Column("counted", "enum", choices=COUNTED),
            Column("reference_date", "date"),
            *_provenance_columns(),
        ),
        key=("measure", "reference_date"),
        provenance=True,
    ),
)

TABLE_BY_NAME = {t.name: t for t in TABLES}

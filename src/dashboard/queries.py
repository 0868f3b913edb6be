"""All SQL the dashboard runs, parameterised, against the read-only store.

Every extract starts from SCOPE: the clusters the filters select, with their level and label
status as of the filter date. Pages, the export CLI and the tests all come through here.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from .contract import TABLES
from .filters import Filters, Vocabulary

SCOPE = """
WITH scope AS (
    SELECT
        c.cluster_id, c.name AS cluster, c.area_id, a.name_en AS area, a.name_nb AS area_nb,
        c.region, c.city,
        l.level, s.label, s.last_label, s.status, s.awarded_on, s.valid_until, s.days_left,
        s.score_pct, s.basis, s.confirmed_on, s.provenance AS label_provenance,
        s.source_url AS label_source_url, c.website, c.source_url, c.former_names, c.successor_id
    FROM clusters AS c
    JOIN opportunity_areas AS a USING (area_id)
    LEFT JOIN level_on($as_of) AS l USING (cluster_id)
    LEFT JOIN label_status($as_of) AS s USING (cluster_id)
    WHERE (len($areas) = 0 OR list_contains($areas, c.area_id))
      AND (len($regions) = 0 OR list_contains($regions, c.region))
      AND (len($levels) = 0 OR list_contains($levels, l.level))
      AND (len($labels) = 0 OR list_contains($labels, coalesce(s.label, 'none')))
      AND ($cluster IS NULL OR c.cluster_id = $cluster)
)
"""

EXTRACT_SQL = {
    "clusters": """
        SELECT cluster_id, cluster, area_id, area, area_nb, region, city, level,
               coalesce(label, 'none') AS label, website, source_url
        FROM scope ORDER BY cluster
    """,
    "labels": """
        SELECT cluster_id, cluster, area_id, region, level, label, last_label, status,
               awarded_on, valid_until, days_left, score_pct, basis, confirmed_on,
               label_provenance AS provenance, label_source_url AS source_url
        FROM scope
        ORDER BY CASE status WHEN 'expiring' THEN 0 WHEN 'expired' THEN 1
                             WHEN 'active' THEN 2 ELSE 3 END,
                 CASE WHEN status = 'expired' THEN -days_left ELSE days_left END NULLS LAST,
                 cluster
    """,
    "label_counts": """
        SELECT area_id, label, count(*) AS clusters
        FROM scope WHERE label IS NOT NULL
        GROUP BY ALL ORDER BY ALL
    """,
    "renewals": """
        SELECT cluster_id, cluster, area_id, region, level, label, status, awarded_on,
               valid_until, days_left, score_pct, basis,
               label_provenance AS provenance, label_source_url AS source_url
        FROM scope
        WHERE label IS NOT NULL AND level IS NOT NULL
          AND valid_until < $as_of + to_months($months)
        ORDER BY valid_until, cluster
    """,
    "awards": """
        SELECT s.cluster_id, s.cluster, s.area_id, s.region, s.level, a.label, a.awarded_on,
               a.valid_until, a.score_pct,
               CASE WHEN a.validity_rule IS NULL OR a.date_precision = 'derived'
                    THEN 'published' ELSE 'rule' END AS basis,
               CASE WHEN a.valid_until < $as_of THEN 'expired'
                    WHEN a.valid_until - $as_of <= rule_value('alert_horizon') THEN 'expiring'
                    ELSE 'valid' END AS state,
               a.provenance, a.source_url, a.note
        FROM scope AS s JOIN certifications AS a USING (cluster_id)
        WHERE a.awarded_on <= $as_of
        ORDER BY s.cluster, a.awarded_on
    """,
    "periods": """
        SELECT s.cluster_id, s.cluster, s.area_id, s.region, p.level, p.start_date, p.end_date,
               p.end_rule, p.provenance, p.source_url, p.note
        FROM scope AS s JOIN programme_periods AS p USING (cluster_id)
        WHERE p.start_date <= $as_of
        ORDER BY s.cluster, p.start_date
    """,
    "funding": """
        SELECT s.cluster_id, s.cluster, s.area_id, s.area, s.area_nb, s.region, f.year, y.level,
               f.funder,
               f.amount_nok, f.provenance, f.source_url
        FROM scope AS s
        JOIN funding AS f USING (cluster_id)
        LEFT JOIN cluster_year_level AS y ON y.cluster_id = f.cluster_id AND y.year = f.year
        WHERE f.year <= year($as_of)
        ORDER BY f.year, s.cluster, f.funder
    """,
    "funding_summary": """
        SELECT f.year, f.funder, y.level, s.area_id, f.provenance,
               CAST(sum(f.amount_nok) AS BIGINT) AS amount_nok,
               count(DISTINCT s.cluster_id) AS clusters
        FROM scope AS s
        JOIN funding AS f USING (cluster_id)
        LEFT JOIN cluster_year_level AS y ON y.cluster_id = f.cluster_id AND y.year = f.year
        WHERE f.year <= year($as_of)
        GROUP BY ALL
        ORDER BY ALL
    """,
    "funding_top": """
        , totals AS (
            SELECT s.cluster_id, sum(f.amount_nok) AS total
            FROM scope AS s JOIN funding AS f USING (cluster_id)
            WHERE f.year <= year($as_of)
            GROUP BY ALL ORDER BY total DESC, s.cluster_id LIMIT 20
        )
        SELECT s.cluster_id, s.cluster, f.provenance, CAST(sum(f.amount_nok) AS BIGINT) AS amount_nok
        FROM scope AS s
        JOIN totals USING (cluster_id)
        JOIN funding AS f USING (cluster_id)
        WHERE f.year <= year($as_of)
        GROUP BY ALL
        ORDER BY any_value(totals.total) DESC, s.cluster_id, f.provenance
    """,
    "attention": """
        , items AS (
            SELECT *, label AS shown, 'expiring' AS kind, NULL::DATE AS renew_by, 1 AS rank
            FROM scope WHERE level IS NOT NULL AND status = 'expiring'
            UNION ALL BY NAME
            SELECT *, last_label AS shown, 'expired' AS kind,
                   CAST(valid_until + to_months(rule_value('label_renewal_grace')) AS DATE)
                       AS renew_by,
                   2 AS rank
            FROM scope
            WHERE level IS NOT NULL AND status = 'expired'
              AND valid_until + to_months(rule_value('label_renewal_grace')) >= $as_of
            UNION ALL BY NAME
            SELECT *, coalesce(label, last_label) AS shown, 'gce_without_gold' AS kind,
                   NULL::DATE AS renew_by, 0 AS rank
            FROM scope WHERE level = 'GCE' AND label IS DISTINCT FROM 'Gold'
        )
        SELECT cluster_id, cluster, level, shown AS label, kind, valid_until, days_left, basis,
               renew_by
        FROM items
        ORDER BY rank, days_left NULLS LAST, cluster
    """,
    "programme_coverage": """
        , register AS (
            SELECT f.measure, f.reference_date, count(DISTINCT p.cluster_id) AS register
            FROM programme_figures AS f
            JOIN programme_periods AS p
              ON p.start_date <= f.reference_date
             AND coalesce(p.end_date, DATE '9999-12-31') >=
                 CASE f.counted WHEN 'on_date' THEN f.reference_date
                                ELSE make_date(f.year, 1, 1) END
             AND (f.measure = 'clusters_total' OR p.level = CASE f.measure
                    WHEN 'clusters_arena' THEN 'Arena' WHEN 'clusters_arena_pro' THEN 'Arena Pro'
                    WHEN 'clusters_nce' THEN 'NCE' WHEN 'clusters_gce' THEN 'GCE'
                    WHEN 'clusters_mature' THEN 'Mature' END)
            GROUP BY ALL
        )
        SELECT f.year, f.measure, f.counted, f.reference_date, CAST(f.value AS INTEGER) AS published,
               coalesce(r.register, 0) AS register, f.provenance, f.source_url, f.note
        FROM programme_figures AS f
        LEFT JOIN register AS r USING (measure, reference_date)
        WHERE starts_with(f.measure, 'clusters_') AND f.reference_date <= $as_of
        ORDER BY f.reference_date, f.measure
    """,
    "funding_coverage": """
        SELECT f.year, CAST(f.value AS BIGINT) AS budget_nok,
               CAST(coalesce(sum(m.amount_nok), 0) AS BIGINT) AS register_nok,
               count(DISTINCT m.cluster_id) AS clusters, f.source_url, f.note
        FROM programme_figures AS f
        LEFT JOIN funding AS m
          ON m.year = f.year AND m.funder NOT IN ('County', 'Other')  -- the programme's money
        WHERE f.measure = 'budget_nok' AND f.year <= year($as_of)
        GROUP BY ALL
        ORDER BY f.year
    """,
    "programme_figures": """
        SELECT year, measure, value, counted, reference_date, provenance, source_url, note
        FROM programme_figures WHERE year <= year($as_of)
        ORDER BY measure, year
    """,
    "coverage": """
        , years AS (
            SELECT DISTINCT cluster_id, year FROM cluster_year_level WHERE year <= year($as_of)
        ),
        known AS (
            SELECT 'programme_periods' AS table_name, y.year, y.cluster_id,
                   bool_or(p.provenance = 'published') AS published
            FROM years AS y JOIN programme_periods AS p
              ON p.cluster_id = y.cluster_id AND year(p.start_date) <= y.year
             AND coalesce(year(p.end_date), 9999) >= y.year
            GROUP BY ALL
            UNION ALL
            SELECT 'funding', y.year, y.cluster_id, bool_or(f.provenance = 'published')
            FROM years AS y JOIN funding AS f USING (cluster_id, year) GROUP BY ALL
            UNION ALL
            SELECT 'results', y.year, y.cluster_id, bool_or(r.provenance = 'published')
            FROM years AS y JOIN results AS r USING (cluster_id, year)
            WHERE r.indicator = 'members' GROUP BY ALL
        )
        SELECT t.table_name, y.year, count(*) AS in_programme,
               count(*) FILTER (WHERE k.published) AS published,
               count(*) FILTER (WHERE NOT k.published) AS estimate,
               count(*) FILTER (WHERE k.cluster_id IS NULL) AS unknown
        FROM years AS y
        CROSS JOIN (VALUES ('programme_periods'), ('funding'), ('results')) AS t(table_name)
        LEFT JOIN known AS k
          ON k.table_name = t.table_name AND k.year = y.year AND k.cluster_id = y.cluster_id
        GROUP BY ALL
        ORDER BY ALL
    """,
    "programme_by_year": """
        SELECT y.year, y.level, count(DISTINCT y.cluster_id) AS clusters
        FROM scope AS s JOIN cluster_year_level AS y USING (cluster_id)
        WHERE y.year <= year($as_of)
        GROUP BY ALL
        ORDER BY ALL
    """,
    "confirmations": """
        SELECT s.cluster_id, s.cluster, s.area_id, f.label, f.held_from, f.held_on,
               f.source_url, f.note
        FROM scope AS s JOIN label_confirmations AS f USING (cluster_id)
        WHERE coalesce(f.held_from, f.held_on) <= $as_of
        ORDER BY f.held_on DESC, s.cluster
    """,
    "members": """
        SELECT s.cluster_id, s.cluster, s.area_id, s.area, s.area_nb, s.region, s.level,
               arg_max(r.value, r.year) AS value, max(r.year) AS year,
               arg_max(r.provenance, r.year) AS provenance,
               arg_max(r.source_url, r.year) AS source_url, arg_max(r.note, r.year) AS note
        FROM scope AS s JOIN results AS r USING (cluster_id)
        WHERE r.indicator = 'members' AND r.year <= year($as_of) AND s.level IS NOT NULL
        GROUP BY ALL
        ORDER BY value DESC, s.cluster
    """,
    "results": """
        SELECT s.cluster_id, s.cluster, s.area_id, s.area, s.area_nb, s.region, r.year, y.level,
               r.indicator, i.name_en AS indicator_name, i.name_nb AS indicator_name_nb, i.unit,
               r.value, r.provenance, r.source_url, r.note
        FROM scope AS s
        JOIN results AS r USING (cluster_id)
        JOIN indicators AS i ON i.indicator_id = r.indicator
        LEFT JOIN cluster_year_level AS y ON y.cluster_id = r.cluster_id AND y.year = r.year
        WHERE r.year <= year($as_of)
        ORDER BY r.indicator, r.year, s.cluster
    """,
}


def _params(filters: Filters, cluster_id: str | None, months: int) -> dict[str, object]:
    return {
        "as_of": filters.date,
        "cluster": cluster_id,
        "months": months,
        "areas": list(filters.areas),
        "regions": list(filters.regions),
        "levels": list(filters.levels),
        "labels": list(filters.labels),
    }


def _typed_lists(sql: str) -> str:
    """Empty Python lists bind without a type; cast the list parameters to VARCHAR[] once."""
    for name in ("areas", "regions", "levels", "labels"):
        sql = sql.replace(f"${name}", f"${name}::VARCHAR[]")
    sql = sql.replace("$as_of", "$as_of::DATE").replace("$cluster", "$cluster::VARCHAR")
    return sql.replace("$months", "$months::INTEGER")


def extract(
    con: duckdb.DuckDBPyConnection,
    name: str,
    filters: Filters,
    cluster_id: str | None = None,
    months: int = 6,
) -> pd.DataFrame:
    """One named extract for the filters (optionally one cluster; `months` is the renewal
    horizon): the rows a page shows and a download contains."""
    sql = SCOPE + EXTRACT_SQL[name]
    params = {k: v for k, v in _params(filters, cluster_id, months).items() if f"${k}" in sql}
    return con.execute(_typed_lists(sql), params).df()


def vocabulary(con: duckdb.DuckDBPyConnection) -> Vocabulary:
    """The values the filters offer: opportunity areas and regions present in the store."""
    areas = [
        r[0]
        for r in con.execute("SELECT area_id FROM opportunity_areas ORDER BY area_id").fetchall()
    ]
    regions = con.execute(
        "SELECT DISTINCT region FROM clusters WHERE region IS NOT NULL ORDER BY region"
    ).fetchall()
    return Vocabulary(areas=tuple(areas), regions=tuple(r[0] for r in regions))


def opportunity_areas(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Opportunity areas with their Norwegian and English names."""
    return con.execute(
        "SELECT area_id, name_nb, name_en FROM opportunity_areas ORDER BY area_id"
    ).df()


def indicators(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Result indicators with names and units."""
    return con.execute("SELECT * FROM indicators ORDER BY indicator_id").df()


def cluster_names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every cluster's id and name, for the profile picker."""
    return con.execute("SELECT cluster_id, name, former_names FROM clusters ORDER BY name").df()


def cluster_facts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The descriptive facts of every cluster (focus, former names, successor, sources)."""
    return con.execute(
        """SELECT c.cluster_id, c.focus_nb, c.focus_en, c.website, c.former_names,
                  c.successor_id, s.name AS successor, c.all_sources, c.note
           FROM clusters AS c LEFT JOIN clusters AS s ON s.cluster_id = c.successor_id"""
    ).df()


def cluster(con: duckdb.DuckDBPyConnection, cluster_id: str) -> pd.DataFrame:
    """One cluster's facts with its opportunity area (empty when the id is unknown)."""
    return con.execute(
        """SELECT c.*, a.name_en AS area, a.name_nb AS area_nb
           FROM clusters AS c JOIN opportunity_areas AS a USING (area_id)
           WHERE c.cluster_id = ?""",
        [cluster_id],
    ).df()


def rules(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The rules with a number behind estimates and alerts, with their sources."""
    return con.execute("SELECT * FROM rules ORDER BY rule_id").df()


def meta(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Build facts: when the store was built, from which data, and the data's as-of date."""
    return dict(con.execute("SELECT key, value FROM meta").fetchall())


def provenance_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Rows per table and provenance, so a reader sees how much is published vs estimated."""
    parts = [
        f"SELECT '{table}' AS table_name, provenance, count(*) AS rows, "
        f"count(source_url) AS rows_with_source FROM {table} GROUP BY provenance"
        for table in (
            "programme_periods",
            "certifications",
            "funding",
            "results",
            "programme_figures",
        )
    ]
    return con.execute(" UNION ALL ".join(parts) + " ORDER BY table_name, provenance").df()


def imports(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The import log, newest first."""
    return con.execute("SELECT * FROM import_log ORDER BY import_id DESC").df()


def table_rows(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Rows per store table."""
    sql = " UNION ALL ".join(
        f"SELECT '{t.name}' AS table_name, count(*) AS rows FROM {t.name}" for t in TABLES
    )
    return con.execute(sql).df()

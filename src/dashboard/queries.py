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
        s.score_pct, s.provenance AS label_provenance, s.source_url AS label_source_url,
        c.website, c.source_url
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
               awarded_on, valid_until, days_left, score_pct,
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
               valid_until, days_left, score_pct,
               label_provenance AS provenance, label_source_url AS source_url
        FROM scope
        WHERE label IS NOT NULL AND valid_until < $as_of + to_months($months)
        ORDER BY valid_until, cluster
    """,
    "awards": """
        SELECT s.cluster_id, s.cluster, s.area_id, s.region, s.level, a.label, a.awarded_on,
               a.valid_until, a.score_pct,
               CASE WHEN a.valid_until < $as_of THEN 'expired'
                    WHEN a.valid_until - $as_of <= 180 THEN 'expiring'
                    ELSE 'valid' END AS state,
               a.provenance, a.source_url, a.note
        FROM scope AS s JOIN certifications AS a USING (cluster_id)
        WHERE a.awarded_on <= $as_of
        ORDER BY s.cluster, a.awarded_on
    """,
    "periods": """
        SELECT s.cluster_id, s.cluster, s.area_id, s.region, p.level, p.start_date, p.end_date,
               p.provenance, p.source_url, p.note
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
    "results_summary": """
        SELECT r.indicator, r.year, s.area_id, y.level,
               sum(r.value) AS value_sum, count(*) AS value_count
        FROM scope AS s
        JOIN results AS r USING (cluster_id)
        LEFT JOIN cluster_year_level AS y ON y.cluster_id = r.cluster_id AND y.year = r.year
        WHERE r.year <= year($as_of)
        GROUP BY ALL
        ORDER BY ALL
    """,
    "results": """
        SELECT s.cluster_id, s.cluster, s.area_id, s.area, s.area_nb, s.region, r.year, y.level,
               r.indicator, i.name_en AS indicator_name, i.name_nb AS indicator_name_nb, i.unit,
               r.value, r.provenance,
               r.source_url
        FROM scope AS s
        JOIN results AS r USING (cluster_id)
        JOIN indicators AS i ON i.indicator_id = r.indicator
        LEFT JOIN cluster_year_level AS y ON y.cluster_id = r.cluster_id AND y.year = r.year
        WHERE r.year <= year($as_of)
        ORDER BY r.indicator, r.year, s.cluster
    """,
}


PEER_SQL = """
    WITH leveled AS (
        SELECT r.cluster_id, r.year, y.level, r.value
        FROM results AS r
        JOIN cluster_year_level AS y USING (cluster_id, year)
        WHERE r.indicator = $indicator AND r.year <= year($as_of::DATE)
    ),
    own AS (SELECT year, level, value FROM leveled WHERE cluster_id = $cluster)
    SELECT own.year, own.level, own.value,
           quantile_cont(p.value, 0.25) AS q1, median(p.value) AS median,
           quantile_cont(p.value, 0.75) AS q3, count(*) AS peers
    FROM own JOIN leveled AS p ON p.year = own.year AND p.level = own.level
    GROUP BY ALL
    ORDER BY own.year
"""


def peer_stats(
    con: duckdb.DuckDBPyConnection, cluster_id: str, indicator: str, filters: Filters
) -> pd.DataFrame:
    """A cluster's yearly values of one indicator beside the quartiles of every cluster at the
    level it held that year (the peers), as of the filter date."""
    params = {"cluster": cluster_id, "indicator": indicator, "as_of": filters.date}
    return con.execute(PEER_SQL, params).df()


def result_clusters(
    con: duckdb.DuckDBPyConnection, indicator: str, filters: Filters
) -> pd.DataFrame:
    """The clusters in scope with values of one indicator: the peer picker's choices."""
    sql = _typed_lists(
        SCOPE
        + """
        SELECT DISTINCT s.cluster_id, s.cluster FROM scope AS s JOIN results AS r USING (cluster_id)
        WHERE r.indicator = $indicator AND r.year <= year($as_of) ORDER BY s.cluster
        """
    )
    params = {k: v for k, v in _params(filters, None, 6).items() if f"${k}" in sql}
    return con.execute(sql, {**params, "indicator": indicator}).df()


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
    return con.execute("SELECT cluster_id, name FROM clusters ORDER BY name").df()


def cluster_facts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The descriptive facts of every cluster (focus, members, sources) for profiles."""
    return con.execute(
        "SELECT cluster_id, focus, website, members_published, area_basis, all_sources FROM clusters"
    ).df()


def cluster(con: duckdb.DuckDBPyConnection, cluster_id: str) -> pd.DataFrame:
    """One cluster's facts with its opportunity area (empty when the id is unknown)."""
    return con.execute(
        """SELECT c.*, a.name_en AS area, a.name_nb AS area_nb
           FROM clusters AS c JOIN opportunity_areas AS a USING (area_id)
           WHERE c.cluster_id = ?""",
        [cluster_id],
    ).df()


def meta(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Build facts: when the store was built, from which data, and the data's as-of date."""
    return dict(con.execute("SELECT key, value FROM meta").fetchall())


def provenance_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Rows per table and provenance, so a reader sees how much is published vs estimated."""
    parts = [
        f"SELECT '{table}' AS table_name, provenance, count(*) AS rows, "
        f"count(source_url) AS rows_with_source FROM {table} GROUP BY provenance"
        for table in ("programme_periods", "certifications", "funding", "results")
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

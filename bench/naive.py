"""The naive baseline the benchmark compares against: every extract recomputed with pandas from the
CSV files on every call, no DuckDB and no cache; the shape a first prototype would have had.

It returns the same columns as `dashboard.queries`, so the real pages run on it unchanged.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from dashboard import summaries
from dashboard.contract import TABLES
from dashboard.filters import Filters

DATES = {
    "programme_periods": ["start_date", "end_date"],
    "certifications": ["awarded_on", "valid_until"],
}
RANK = {"Gold": 3, "Silver": 2, "Bronze": 1}


def read(data: Path, name: str) -> pd.DataFrame:
    frame = pd.read_csv(data / f"{name}.csv", keep_default_na=True)
    for column in DATES.get(name, []):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame


def _level_on(periods: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    on = periods[
        (periods["start_date"] <= day) & (periods["end_date"].isna() | (periods["end_date"] >= day))
    ]
    return on[["cluster_id", "level"]].drop_duplicates("cluster_id")


def _label_status(clusters: pd.DataFrame, awards: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    past = awards[awards["awarded_on"] <= day].copy()
    past["valid"] = past["valid_until"] >= day
    past["rank"] = past["label"].map(RANK).where(past["valid"], 0)
    past = past.sort_values(
        ["cluster_id", "valid", "rank", "valid_until", "awarded_on"],
        ascending=[True, False, False, False, False],
    )
    pick = past.drop_duplicates("cluster_id")
    out = clusters[["cluster_id"]].merge(pick, on="cluster_id", how="left")
    out["days_left"] = pd.array(
        [(v - day).days if isinstance(v, dt.date) else None for v in out["valid_until"]],
        dtype="Int64",
    )
    out["last_label"] = out["label"]
    out["label"] = out["label"].where(out["valid"] == True)  # noqa: E712 - NaN-safe
    status = []
    for valid, days in zip(out["valid"], out["days_left"], strict=True):
        if pd.isna(valid):
            status.append("none")
        elif not valid:
            status.append("expired")
        else:
            status.append("expiring" if days <= 180 else "active")
    out["status"] = status
    return out


def _scope(data: Path, filters: Filters, cluster_id: str | None) -> pd.DataFrame:
    day = filters.date
    clusters = read(data, "clusters")
    areas = read(data, "opportunity_areas")
    periods = read(data, "programme_periods")
    awards = read(data, "certifications")
    areas = areas.rename(columns={"name_en": "area", "name_nb": "area_nb"})
    scope = clusters.rename(columns={"name": "cluster"}).merge(
        areas[["area_id", "area", "area_nb"]], on="area_id"
    )
    scope = scope.merge(_level_on(periods, day), on="cluster_id", how="left")
    status = _label_status(clusters, awards, day)
    scope = scope.merge(
        status[
            [
                "cluster_id",
                "label",
                "last_label",
                "status",
                "awarded_on",
                "valid_until",
                "days_left",
                "score_pct",
                "provenance",
                "source_url",
            ]
        ],
        on="cluster_id",
        how="left",
        suffixes=("", "_label"),
    )
    keep = pd.Series(True, index=scope.index)
    if filters.areas:
        keep &= scope["area_id"].isin(filters.areas)
    if filters.regions:
        keep &= scope["region"].isin(filters.regions)
    if filters.levels:
        keep &= scope["level"].isin(filters.levels)
    if filters.labels:
        keep &= scope["label"].fillna("none").isin(filters.labels)
    if cluster_id:
        keep &= scope["cluster_id"] == cluster_id
    return scope[keep]


def extract(
    data: Path, name: str, filters: Filters, cluster_id: str | None = None, months: int = 6
) -> pd.DataFrame:
    """The extract `name`, recomputed from the CSVs."""
    day = filters.date
    if name == "funding_summary":
        funding = extract(data, "funding", filters, cluster_id)
        keys = ["year", "funder", "level", "area_id", "provenance"]
        return funding.groupby(keys, dropna=False, as_index=False).agg(
            amount_nok=("amount_nok", "sum"), clusters=("cluster_id", "nunique")
        )
    if name == "funding_top":
        funding = extract(data, "funding", filters, cluster_id)
        top = funding.groupby("cluster_id")["amount_nok"].sum().nlargest(20).index
        chosen = funding[funding["cluster_id"].isin(top)]
        return chosen.groupby(["cluster_id", "cluster", "provenance"], as_index=False)[
            "amount_nok"
        ].sum()
    if name == "label_counts":
        labels = extract(data, "labels", filters, cluster_id)
        held = labels[labels["label"].notna()]
        return (
            held.groupby(["area_id", "label"], as_index=False)
            .size()
            .rename(columns={"size": "clusters"})
        )
    if name == "results_summary":
        results = extract(data, "results", filters, cluster_id)
        keys = ["indicator", "year", "area_id", "level"]
        return results.groupby(keys, dropna=False, as_index=False).agg(
            value_sum=("value", "sum"), value_count=("value", "size")
        )
    scope = _scope(data, filters, cluster_id)
    if name == "clusters":
        out = scope[
            [
                "cluster_id",
                "cluster",
                "area_id",
                "area",
                "area_nb",
                "region",
                "city",
                "level",
                "label",
                "website",
                "source_url",
            ]
        ].copy()
        out["label"] = out["label"].fillna("none")
        return out.sort_values("cluster")
    if name in ("labels", "renewals", "attention"):
        out = scope.drop(columns="source_url").rename(columns={"source_url_label": "source_url"})
        out = out[
            [
                "cluster_id",
                "cluster",
                "area_id",
                "region",
                "level",
                "label",
                "last_label",
                "status",
                "awarded_on",
                "valid_until",
                "days_left",
                "score_pct",
                "provenance",
                "source_url",
            ]
        ]
        if name == "renewals":
            horizon = (pd.Timestamp(day) + pd.DateOffset(months=months)).date()
            out = out[out["label"].notna() & (out["valid_until"] < horizon)]
        if name == "attention":
            return summaries.attention(out)
        return out
    if name == "awards":
        awards = read(data, "certifications")
        out = scope[["cluster_id", "cluster", "area_id", "region", "level"]].merge(
            awards, on="cluster_id"
        )
        out = out[out["awarded_on"] <= day]
        out["state"] = [
            ("expired" if v < day else "expiring" if (v - day).days <= 180 else "valid")
            for v in out["valid_until"]
        ]
        return out.sort_values(["cluster", "awarded_on"])
    if name == "periods":
        periods = read(data, "programme_periods")
        out = scope[["cluster_id", "cluster", "area_id", "region"]].merge(periods, on="cluster_id")
        return out[out["start_date"] <= day].sort_values(["cluster", "start_date"])
    if name in ("funding", "results"):
        facts = read(data, name)
        periods = read(data, "programme_periods")
        periods["first"] = pd.to_datetime(periods["start_date"]).dt.year
        periods["last"] = pd.to_datetime(periods["end_date"]).dt.year.fillna(2100)
        out = scope[["cluster_id", "cluster", "area_id", "area", "area_nb", "region"]].merge(
            facts, on="cluster_id"
        )
        out = out[out["year"] <= day.year]
        spans = out[["cluster_id", "year"]].drop_duplicates().merge(periods, on="cluster_id")
        spans = spans[(spans["first"] <= spans["year"]) & (spans["last"] >= spans["year"])]
        spans = spans.sort_values("start_date").drop_duplicates(["cluster_id", "year"], keep="last")
        out = out.merge(
            spans[["cluster_id", "year", "level"]], on=["cluster_id", "year"], how="left"
        )
        if name == "results":
            indicators = read(data, "indicators").rename(
                columns={
                    "indicator_id": "indicator",
                    "name_en": "indicator_name",
                    "name_nb": "indicator_name_nb",
                }
            )
            out = out.merge(
                indicators[["indicator", "indicator_name", "indicator_name_nb", "unit"]],
                on="indicator",
            )
        return out
    raise KeyError(name)


def lookup(data: Path, what: str) -> object:
    """The dashboard's filter-free lookups, from the CSVs."""
    if what in ("opportunity_areas", "indicators"):
        return read(data, what)
    clusters = read(data, "clusters")
    if what == "cluster_names":
        return clusters[["cluster_id", "name"]].sort_values("name").reset_index(drop=True)
    if what == "cluster_facts":
        return clusters[
            ["cluster_id", "focus", "website", "members_published", "area_basis", "all_sources"]
        ]
    tables = tuple(table.name for table in TABLES)
    if what == "table_rows":
        return pd.DataFrame(
            [(name, len(read(data, name))) for name in tables], columns=["table_name", "rows"]
        )
    if what == "provenance_counts":
        parts = []
        for name in tables[3:]:
            frame = read(data, name)
            counts = frame.groupby("provenance").agg(
                rows=("provenance", "size"), rows_with_source=("source_url", "count")
            )
            parts.append(counts.reset_index().assign(table_name=name))
        return pd.concat(parts)[["table_name", "provenance", "rows", "rows_with_source"]]
    if what == "meta":
        latest = read(data, "certifications")["awarded_on"].max()
        return {"built_at": dt.datetime.now().isoformat(), "data_as_of": latest.isoformat()}
    if what == "imports":
        return pd.DataFrame()
    raise KeyError(what)


def query(data: Path, what: str, *args: object) -> pd.DataFrame:
    """The dashboard's parameterised queries, recomputed from the CSVs."""
    if what == "result_clusters":
        indicator, filters = args
        results = extract(data, "results", filters)
        chosen = results[results["indicator"] == indicator]
        return chosen[["cluster_id", "cluster"]].drop_duplicates().sort_values("cluster")
    if what == "peer_stats":
        cluster_id, indicator, filters = args
        results = extract(data, "results", Filters(as_of=filters.as_of))
        chosen = results[(results["indicator"] == indicator) & results["level"].notna()]
        own = chosen[chosen["cluster_id"] == cluster_id][["year", "level", "value"]]
        peers = chosen.merge(own[["year", "level"]], on=["year", "level"])
        stats = peers.groupby("year")["value"].quantile([0.25, 0.5, 0.75]).unstack().reset_index()
        stats.columns = ["year", "q1", "median", "q3"]
        return own.merge(stats, on="year").sort_values("year")
    raise KeyError(what)

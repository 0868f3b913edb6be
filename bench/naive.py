"""The naive baseline of the benchmark: every extract recomputed with pandas on every call.

Why it exists: the benchmark needs an honest "first prototype" to compare the DuckDB store
against. This is how a Streamlit first app is taught: read each CSV once with `st.cache_data`,
then filter and join with pandas on every rerun; no store, no other cache, no precomputed
tables. `extract_frame` has the signature of `dashboard.extracts.extract_frame` and returns the
same columns and rows (bench/naive_check.py checks it); `con` is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import config, contract
from dashboard.filters import FIRST_DAY, NO_LABEL, Filters

RANK = {label: i for i, label in enumerate(contract.LABELS, start=1)}  # Bronze < Silver < Gold
NOT_PROGRAMME = ("County", "Other")  # funders whose money is not the programme's


@st.cache_data(show_spinner=False)
def read_csv(path: str, dates: tuple[str, ...]) -> pd.DataFrame:
    """One contract CSV, read once; empty cells are unknown, date columns are dates."""
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    return frame


def table(name: str) -> pd.DataFrame:
    """A contract table from the data folder (DASHBOARD_DATA), its dates parsed as dates."""
    columns = contract.TABLE_BY_NAME[name].columns
    dates = tuple(c.name for c in columns if c.kind == "date")
    return read_csv(str(config.data_dir() / f"{name}.csv"), dates)


def rule(rule_id: str) -> int:
    """A rule's number from data/rules.csv."""
    rules = table("rules")
    return int(rules.loc[rules["rule_id"] == rule_id, "value"].iloc[0])


def ordered(
    frame: pd.DataFrame, by: list[str | pd.Series], ascending: list[bool] | bool = True
) -> pd.DataFrame:
    """Rows sorted by columns or computed keys (Series), NULLs last as in DuckDB."""
    keys = [frame[k] if isinstance(k, str) else k for k in by]
    keys = pd.DataFrame({f"k{i}": key.reset_index(drop=True) for i, key in enumerate(keys)})
    order = keys.sort_values(list(keys.columns), ascending=ascending, na_position="last").index
    return frame.iloc[order.to_numpy()].reset_index(drop=True)


# --- the shared steps: level, label status and scope on a date -------------------------------


def level_on(day: pd.Timestamp) -> pd.DataFrame:
    """The level each cluster held on the day (clusters outside the programme are absent)."""
    p = table("programme_periods")
    on = p[(p["start_date"] <= day) & (p["end_date"].isna() | (p["end_date"] >= day))]
    return on[["cluster_id", "level"]]


def data_year() -> int:
    """The year of the data's latest dated fact up to today (the store's meta.data_as_of): a
    period's start or stated end (not a planned one), an award, a confirmation, a figure."""
    p = table("programme_periods")
    stated = p["end_date"].where(p["end_rule"].isna() & (p["provenance"] == "published"))
    facts = [p["start_date"], stated, table("certifications")["awarded_on"]]
    facts += [table("label_confirmations")["held_on"], table("programme_figures")["reference_date"]]
    dates = pd.concat(facts)
    latest = dates[dates <= pd.Timestamp.today()].max()
    return FIRST_DAY.year if pd.isna(latest) else latest.year


def year_levels() -> pd.DataFrame:
    """The level of each cluster in each year: the latest-starting period overlapping the year,
    up to the data's last year (an open period is not projected beyond it)."""
    p = table("programme_periods")
    first = p["start_date"].dt.year
    last = p["end_date"].dt.year.fillna(9999).clip(upper=data_year())
    spans = p.loc[p.index.repeat((last - first + 1).clip(lower=0).astype(int))]
    spans = spans.assign(year=first.loc[spans.index] + spans.groupby(level=0).cumcount())
    spans = spans.sort_values("start_date").drop_duplicates(["cluster_id", "year"], keep="last")
    return spans[["cluster_id", "year", "level"]]


def label_status(day: pd.Timestamp) -> pd.DataFrame:
    """Every cluster's label status on the day (see label_status in sql/schema.sql)."""
    awards = table("certifications")
    awards = awards[awards["awarded_on"] <= day]
    awards = awards.assign(basis=np.where(awards["validity_rule"].isna(), "published", "rule"))
    conf = table("label_confirmations")
    conf = conf[(conf["held_from"].fillna(conf["held_on"]) <= day) & (conf["held_on"] >= day)]
    conf = conf.groupby(["cluster_id", "label"], as_index=False).agg(
        confirmed_on=("held_on", "max")
    )
    held = pd.concat([awards.loc[awards["valid_until"] >= day, ["cluster_id", "label"]], conf])
    best = held.assign(rank=held["label"].map(RANK)).sort_values("rank")
    best = best.drop_duplicates("cluster_id", keep="last")[["cluster_id", "label"]]
    pick = awards.merge(best.rename(columns={"label": "best"}), on="cluster_id", how="left")
    pick = pick.assign(same=pick["label"] == pick["best"])
    pick = pick.sort_values(["same", "valid_until", "awarded_on"], ascending=False)
    pick = pick.drop_duplicates("cluster_id").drop(columns=["best", "same", "note"])
    out = (
        table("clusters")[["cluster_id"]]
        .merge(best, on="cluster_id", how="left")
        .merge(pick.rename(columns={"label": "award_label"}), on="cluster_id", how="left")
        .merge(
            conf[["cluster_id", "label", "confirmed_on"]], on=["cluster_id", "label"], how="left"
        )
    )
    label, until = out["label"], out["valid_until"]
    matches = out["award_label"].notna() & (label.isna() | (out["award_label"] == label))
    held_award = matches & label.notna() & (until >= day)
    left = (until - day).dt.days
    expiring = held_award & (left <= rule("alert_horizon"))
    expiring &= out["confirmed_on"].fillna(day) <= until
    status = np.select(
        [label.isna() & out["award_label"].isna(), label.isna(), expiring],
        ["none", "expired", "expiring"],
        "active",
    )
    shown = matches | label.isna()
    return pd.DataFrame(
        {
            "cluster_id": out["cluster_id"],
            "label": label,
            "last_label": label.fillna(out["award_label"]),
            "status": status,
            "awarded_on": out["awarded_on"].where(matches),
            "valid_until": until.where(matches & (label.isna() | (until >= day))),
            "days_left": left.where(held_award),
            "score_pct": out["score_pct"].where(matches),
            "basis": out["basis"].where(held_award | label.isna(), "confirmed"),
            "confirmed_on": out["confirmed_on"],
            "label_provenance": out["provenance"].where(shown),
            "label_source_url": out["source_url"].where(shown),
        }
    )


def county_on(clusters: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    """Each cluster's county on the date: its city's county then, or, with no city, its county
    today within that county's present term (cluster_counties in derived.sql)."""
    counties, places = table("counties"), table("municipality_counties")
    by_city = places[_in_force(places, day)].set_index("city")["county"]
    today = set(counties[counties["valid_until"].isna() & _in_force(counties, day)]["county"])
    from_city = clusters["city"].map(by_city)
    from_region = clusters["region"].where(clusters["region"].isin(today))
    return from_city.where(clusters["city"].notna(), from_region)


def scope(filters: Filters, cluster_id: str | None) -> pd.DataFrame:
    """The clusters the filters select, with level, label status and county on the date
    (scope.sql)."""
    day = pd.Timestamp(filters.date)
    areas = table("opportunity_areas").rename(columns={"name_en": "area", "name_nb": "area_nb"})
    out = (
        table("clusters")
        .rename(columns={"name": "cluster"})
        .merge(areas[["area_id", "area", "area_nb"]], on="area_id")
        .merge(level_on(day), on="cluster_id", how="left")
        .merge(label_status(day), on="cluster_id", how="left")
    )
    out["county"] = county_on(out, day)
    keep = pd.Series(True, index=out.index)
    if filters.areas:
        keep &= out["area_id"].isin(filters.areas)
    if filters.regions:
        counties = table("counties")
        now = set(counties[_in_force(counties, day)]["county"])
        by_today = out["region"].isin(set(filters.regions) - now)
        keep &= out["county"].isin(filters.regions) | by_today
    if filters.levels:
        keep &= out["level"].isin(filters.levels)
    if filters.labels:
        keep &= out["label"].fillna(NO_LABEL).isin(filters.labels)
    if filters.clusters:
        keep &= out["cluster_id"].isin(filters.clusters)
    if cluster_id is not None:
        keep &= out["cluster_id"] == cluster_id
    return out[keep]


# --- the extracts (one per sql/extracts/NAME.sql) ---------------------------------------------

# Each extract's columns, in the order its SQL selects them.
COLUMNS = {
    "attention": "cluster_id cluster level label kind required_label valid_until days_left basis renew_by",
    "awards": "cluster_id cluster area_id region level label awarded_on valid_until score_pct basis state provenance source_url note note_nb note_en",
    "clusters": "cluster_id cluster area_id area area_nb region county city level label website org_number eccp_url source_url",
    "compare_coverage": "cluster_id cluster level label periods awards programme_years member_years member_programme_years funding_years funding_published_years",
    "compare_funding": "cluster_id cluster year level funder amount_nok provenance source_url",
    "compare_members": "cluster_id cluster year level value provenance source_url note note_nb note_en",
    "county_counts": "county in_programme gold silver bronze",
    "confirmations": "cluster_id cluster area_id label held_from held_on source_url note note_nb note_en",
    "coverage": "table_name year in_programme published estimate unknown",
    "funding": "cluster_id cluster area_id area area_nb region year level funder amount_nok provenance source_url",
    "funding_coverage": "year budget_nok register_nok clusters source_url note note_nb note_en",
    "funding_summary": "year funder level area_id provenance amount_nok clusters",
    "funding_top": "cluster_id cluster provenance amount_nok",
    "glossary": "term_id topic term term_nb definition definition_nb rule_id rule_value rule_unit source_url more_sources",
    "label_counts": "area_id label clusters",
    "level_label_counts": "level label clusters",
    "labels": "cluster_id cluster area_id region level label last_label status awarded_on valid_until days_left score_pct basis confirmed_on provenance source_url",
    "members": "cluster_id cluster area_id area area_nb region level value year provenance source_url note note_nb note_en",
    "periods": "cluster_id cluster area_id region level start_date end_date end_rule provenance source_url note note_nb note_en",
    "programme_by_year": "year level clusters",
    "programme_coverage": "year measure counted reference_date published register provenance source_url note note_nb note_en",
    "programme_figures": "year measure value counted reference_date provenance source_url note note_nb note_en",
    "renewals": "cluster_id cluster area_id region level label status awarded_on valid_until days_left score_pct basis provenance source_url renew_by",
    "results": "cluster_id cluster area_id area area_nb region year level indicator indicator_name indicator_name_nb unit value provenance source_url note note_nb note_en",
}
PLACE = ["cluster_id", "cluster", "area_id", "area", "area_nb", "region"]  # scope's own columns
LABEL_SOURCE = {"label_provenance": "provenance", "label_source_url": "source_url"}


@dataclass(frozen=True)
class Ask:
    """What an extract is asked for."""

    filters: Filters
    cluster_id: str | None
    months: int

    @property
    def day(self) -> pd.Timestamp:
        return pd.Timestamp(self.filters.date)

    def scope(self, *columns: str) -> pd.DataFrame:
        frame = scope(self.filters, self.cluster_id)
        return frame[list(columns)] if columns else frame

    def facts(self, name: str, *columns: str) -> pd.DataFrame:
        """The scope's `columns` joined to a yearly fact table up to the date's year."""
        facts = table(name)
        return self.scope(*columns).merge(facts[facts["year"] <= self.day.year], on="cluster_id")


def attention(a: Ask) -> pd.DataFrame:
    s = a.scope()
    grace = s["valid_until"] + pd.DateOffset(months=rule("label_renewal_grace"))
    levelled = s["level"].notna()
    expiring = s[levelled & (s["status"] == "expiring")]
    lapsed = levelled & (s["status"] == "expired") & (grace >= a.day)
    expired = s[lapsed].assign(renew_by=grace[lapsed])
    required = table("level_requirements").rename(columns={"label": "required_label"})
    needs = s.merge(required[["level", "required_label"]], on="level")
    needs = needs[needs["label"].map(RANK).fillna(0) < needs["required_label"].map(RANK)]
    items = pd.concat(
        [
            needs.assign(shown=needs["label"].fillna(needs["last_label"]), kind="required_label"),
            expiring.assign(shown=expiring["label"], kind="expiring"),
            expired.assign(shown=expired["last_label"], kind="expired"),
        ],
        ignore_index=True,
    )
    rank = items["kind"].map({"required_label": 0, "expiring": 1, "expired": 2})
    items = ordered(items, [rank, "days_left", "cluster"])
    return items.drop(columns="label").rename(columns={"shown": "label"})


def awards(a: Ask) -> pd.DataFrame:
    given = table("certifications")
    given = given[given["awarded_on"] <= a.day]
    out = a.scope("cluster_id", "cluster", "area_id", "region", "level")
    out = out.merge(given, on="cluster_id")
    derived = out["validity_rule"].isna() | (out["date_precision"] == "derived")
    out["basis"] = np.where(derived, "published", "rule")
    left = (out["valid_until"] - a.day).dt.days
    soon = [out["valid_until"] < a.day, left <= rule("alert_horizon")]
    out["state"] = np.select(soon, ["expired", "expiring"], "valid")
    return ordered(out, ["cluster", "awarded_on"])


def clusters(a: Ask) -> pd.DataFrame:
    s = a.scope()
    return ordered(s.assign(label=s["label"].fillna(NO_LABEL)), ["cluster"])


def _picked_order(a: Ask, frame: pd.DataFrame, *then: str) -> pd.DataFrame:
    """Rows in the order the clusters were picked (the compare page's), else by name; then by
    the columns `then`."""
    place = {cluster_id: i for i, cluster_id in enumerate(a.filters.clusters)}
    return ordered(frame, [frame["cluster_id"].map(place).astype("float64"), "cluster", *then])


def _programme_years(a: Ask, s: pd.DataFrame) -> pd.DataFrame:
    """The years each of the scope's clusters was in the programme, up to the date's year."""
    years = year_levels()
    return years[(years["year"] <= a.day.year) & years["cluster_id"].isin(s["cluster_id"])]


def compare_coverage(a: Ask) -> pd.DataFrame:
    s = a.scope("cluster_id", "cluster", "level", "label")
    p = table("programme_periods")
    awards = table("certifications")
    years = _programme_years(a, s)
    r = table("results")
    r = r[(r["indicator"] == "members") & (r["year"] <= a.day.year)]
    inside = r.merge(years[["cluster_id", "year"]], on=["cluster_id", "year"])
    f = table("funding")
    f = f[f["year"] <= a.day.year]
    published = f[f["provenance"] == "published"]
    counts = {
        "periods": p[p["start_date"] <= a.day]["cluster_id"].value_counts(),
        "awards": awards[awards["awarded_on"] <= a.day]["cluster_id"].value_counts(),
        "programme_years": years["cluster_id"].value_counts(),
        "member_years": r["cluster_id"].value_counts(),
        "member_programme_years": inside["cluster_id"].value_counts(),
        "funding_years": f.groupby("cluster_id")["year"].nunique(),
        "funding_published_years": published.groupby("cluster_id")["year"].nunique(),
    }
    out = s.assign(
        **{
            name: s["cluster_id"].map(count).fillna(0).astype("int64")
            for name, count in counts.items()
        }
    )
    return _picked_order(a, out)


def compare_members(a: Ask) -> pd.DataFrame:
    s = a.scope("cluster_id", "cluster")
    r = table("results")
    r = r[(r["indicator"] == "members") & (r["year"] <= a.day.year)]
    r = r[r["cluster_id"].isin(s["cluster_id"])]
    years = pd.concat([_programme_years(a, s)[["cluster_id", "year"]], r[["cluster_id", "year"]]])
    out = s.merge(years.drop_duplicates(), on="cluster_id")
    out = _with_level(out).merge(r.drop(columns="indicator"), on=["cluster_id", "year"], how="left")
    return _picked_order(a, out, "year")


def compare_funding(a: Ask) -> pd.DataFrame:
    s = a.scope("cluster_id", "cluster")
    f = table("funding").drop(columns="note")
    f = f[(f["year"] <= a.day.year) & f["cluster_id"].isin(s["cluster_id"])]
    years = _programme_years(a, s)[["cluster_id", "year"]]
    funded = years.merge(f[["cluster_id", "year"]].drop_duplicates(), how="left", indicator=True)
    unknown = funded.loc[funded["_merge"] == "left_only", ["cluster_id", "year"]]
    out = s.merge(pd.concat([f, unknown], ignore_index=True), on="cluster_id")
    return _picked_order(a, _with_level(out), "year", "funder")


def confirmations(a: Ask) -> pd.DataFrame:
    conf = table("label_confirmations")
    conf = conf[conf["held_from"].fillna(conf["held_on"]) <= a.day]
    out = a.scope("cluster_id", "cluster", "area_id").merge(conf, on="cluster_id")
    return ordered(out, ["held_on", "cluster"], ascending=[False, True])


def coverage(a: Ask) -> pd.DataFrame:
    """Per table and year, the clusters in the programme (not only the scope's) with a row."""
    years = year_levels()
    years = years.loc[years["year"] <= a.day.year, ["cluster_id", "year"]].drop_duplicates()
    p = years.merge(table("programme_periods"), on="cluster_id")
    ends = p["end_date"].dt.year.fillna(9999)
    results = table("results")
    rows = {
        "programme_periods": p[(p["start_date"].dt.year <= p["year"]) & (ends >= p["year"])],
        "funding": years.merge(table("funding"), on=["cluster_id", "year"]),
        "results": years.merge(
            results[results["indicator"] == "members"], on=["cluster_id", "year"]
        ),
    }
    keys = ["table_name", "year", "cluster_id"]
    known = pd.concat(
        r.assign(table_name=name, published=r["provenance"] == "published")
        .groupby(keys, as_index=False)["published"]
        .any()
        for name, r in rows.items()
    )
    grid = years.merge(pd.DataFrame({"table_name": list(rows)}), how="cross")
    grid = grid.merge(known, on=keys, how="left")
    grid = grid.assign(
        est=grid["published"].eq(False),
        unk=grid["published"].isna(),
        pub=grid["published"].eq(True),
    )
    out = grid.groupby(["table_name", "year"], as_index=False).agg(
        in_programme=("cluster_id", "size"),
        published=("pub", "sum"),
        estimate=("est", "sum"),
        unknown=("unk", "sum"),
    )
    return ordered(out, ["table_name", "year"])


def _with_level(rows: pd.DataFrame) -> pd.DataFrame:
    """Yearly rows with the cluster's level in their year."""
    return rows.merge(year_levels(), on=["cluster_id", "year"], how="left")


def funding(a: Ask) -> pd.DataFrame:
    return ordered(_with_level(a.facts("funding", *PLACE)), ["year", "cluster", "funder"])


def funding_coverage(a: Ask) -> pd.DataFrame:
    f = table("programme_figures")
    f = f[(f["measure"] == "budget_nok") & (f["year"] <= a.day.year)]
    money = table("funding")
    money = money[~money["funder"].isin(NOT_PROGRAMME)]
    register = money.groupby("year", as_index=False).agg(
        register_nok=("amount_nok", "sum"), clusters=("cluster_id", "nunique")
    )
    out = f.merge(register, on="year", how="left")
    out = out.assign(
        budget_nok=out["value"].round().astype("int64"),
        register_nok=out["register_nok"].fillna(0).astype("int64"),
        clusters=out["clusters"].fillna(0).astype("int64"),
    )
    return ordered(out, ["year"])


def funding_summary(a: Ask) -> pd.DataFrame:
    keys = ["year", "funder", "level", "area_id", "provenance"]
    out = _with_level(a.facts("funding", "cluster_id", "area_id"))
    out = out.groupby(keys, dropna=False, as_index=False)
    out = out.agg(amount_nok=("amount_nok", "sum"), clusters=("cluster_id", "nunique"))
    return ordered(out, list(out.columns))


def funding_top(a: Ask) -> pd.DataFrame:
    rows = a.facts("funding", "cluster_id", "cluster")
    totals = rows.groupby("cluster_id", as_index=False).agg(total=("amount_nok", "sum"))
    top = ordered(totals, ["total", "cluster_id"], ascending=[False, True]).head(20)
    keys = ["cluster_id", "cluster", "provenance"]
    out = rows.merge(top, on="cluster_id").groupby(keys, as_index=False)
    out = out.agg(amount_nok=("amount_nok", "sum"), total=("total", "first"))
    return ordered(out, ["total", "cluster_id", "provenance"], ascending=[False, True, True])


def glossary(a: Ask) -> pd.DataFrame:
    rules = table("rules")[["rule_id", "value", "unit"]]
    rules = rules.rename(columns={"value": "rule_value", "unit": "rule_unit"})
    names = {"term_en": "term", "definition_en": "definition"}
    out = table("glossary").rename(columns=names).merge(rules, on="rule_id", how="left")
    topics = ["programme", "level", "label", "status", "area", "measure", "method"]
    return out.sort_values("topic", key=lambda t: t.map(topics.index), kind="stable")


def _in_force(frame: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    return (frame["valid_from"] <= day) & (
        frame["valid_until"].isna() | (frame["valid_until"] >= day)
    )


def county_counts(a: Ask) -> pd.DataFrame:
    """Clusters in the programme per county of the date: a cluster's city's county then, or,
    with no city, its county today within that county's present term (derived.sql)."""
    day = a.day
    counties = table("counties")
    s = scope(replace(a.filters, regions=()), a.cluster_id)  # the map marks the region
    s = s[s["level"].notna()]
    labels = {label: label.lower() for label in ("Gold", "Silver", "Bronze")}
    counted = s.assign(**{c: (s["label"] == label).astype(int) for label, c in labels.items()})
    sums = counted.groupby("county", dropna=False)[["gold", "silver", "bronze"]].sum()
    sums["in_programme"] = counted.groupby("county", dropna=False).size()
    shown = sorted(counties[_in_force(counties, day)]["county"])
    out = sums.reindex(shown, fill_value=0).reset_index(names="county")
    lost = sums[sums.index.isna()]
    unplaced = lost.reset_index(names="county") if len(lost) else None
    if unplaced is None:
        unplaced = pd.DataFrame(
            [{"county": None, "in_programme": 0, "gold": 0, "silver": 0, "bronze": 0}]
        )
    return pd.concat([out, unplaced], ignore_index=True)


def label_counts(a: Ask) -> pd.DataFrame:
    s = a.scope("area_id", "label").dropna(subset="label")
    held = s.groupby(["area_id", "label"], as_index=False).agg(clusters=("label", "size"))
    areas = set(table("clusters")["area_id"])
    areas &= set(a.filters.areas) if a.filters.areas else areas
    labels = set(table("certifications")["label"])
    labels &= set(a.filters.labels) if a.filters.labels else labels
    every = pd.MultiIndex.from_product([sorted(areas), sorted(labels)], names=["area_id", "label"])
    out = held.set_index(["area_id", "label"]).reindex(every, fill_value=0).reset_index()
    return ordered(out, ["area_id", "label", "clusters"])


def level_label_counts(a: Ask) -> pd.DataFrame:
    s = a.scope("level", "label").dropna(subset="level")
    out = s.groupby(["level", "label"], as_index=False, dropna=False).agg(
        clusters=("level", "size")
    )
    return ordered(out, ["level", "label", "clusters"])


def labels(a: Ask) -> pd.DataFrame:
    s = a.scope().drop(columns="source_url").rename(columns=LABEL_SOURCE)
    urgency = s["status"].map({"expiring": 0, "expired": 1, "active": 2}).fillna(3)
    lapsed = s["valid_until"].where(s["status"] == "expired")
    return ordered(
        s, [urgency, "days_left", lapsed, "cluster"], ascending=[True, True, False, True]
    )


def members(a: Ask) -> pd.DataFrame:
    keys = [*PLACE, "level"]
    rows = a.facts("results", *keys)
    rows = rows[(rows["indicator"] == "members") & rows["level"].notna()].sort_values("year")
    # the latest year's value; a text column's latest non-empty value, as DuckDB's arg_max
    out = rows.groupby(keys, dropna=False, as_index=False).agg(
        value=("value", "last"),
        year=("year", "max"),
        provenance=("provenance", "last"),
        source_url=("source_url", "last"),
        note=("note", "last"),
        note_nb=("note_nb", "last"),
        note_en=("note_en", "last"),
    )
    return ordered(out, ["value", "cluster"], ascending=[False, True])


def periods(a: Ask) -> pd.DataFrame:
    p = table("programme_periods")
    out = a.scope("cluster_id", "cluster", "area_id", "region")
    out = out.merge(p[p["start_date"] <= a.day], on="cluster_id")
    return ordered(out, ["cluster", "start_date"])


def programme_by_year(a: Ask) -> pd.DataFrame:
    years = year_levels()
    rows = a.scope("cluster_id").merge(years[years["year"] <= a.day.year], on="cluster_id")
    out = rows.groupby(["year", "level"], as_index=False).agg(clusters=("cluster_id", "nunique"))
    return ordered(out, ["year", "level", "clusters"])


def programme_coverage(a: Ask) -> pd.DataFrame:
    """Each published count of clusters beside the register's count (the whole programme's)."""
    f = table("programme_figures")
    f = f[f["measure"].str.startswith("clusters_") & (f["reference_date"] <= a.day)]
    p = table("programme_periods")
    # a count per level is named after its level: clusters_arena_pro counts Arena Pro
    own = "clusters_" + p["level"].str.lower().str.replace(" ", "_", regex=False)
    spans = pd.concat([p.assign(measure="clusters_total"), p.assign(measure=own)])
    j = f[["measure", "reference_date", "counted", "year"]].merge(spans, on="measure")
    new_year = pd.to_datetime(pd.DataFrame({"year": j["year"], "month": 1, "day": 1}))
    counted_from = j["reference_date"].where(j["counted"] == "on_date", new_year)
    open_end = j["end_date"].isna() | (j["end_date"] >= counted_from)
    j = j[(j["start_date"] <= j["reference_date"]) & open_end]
    keys = ["measure", "reference_date"]
    register = j.groupby(keys, as_index=False).agg(register=("cluster_id", "nunique"))
    out = f.merge(register, on=keys, how="left")
    out = out.assign(
        published=out["value"].round().astype("int64"),
        register=out["register"].fillna(0).astype("int64"),
    )
    return ordered(out, ["reference_date", "measure"])


def programme_figures(a: Ask) -> pd.DataFrame:
    f = table("programme_figures")
    return ordered(f[f["year"] <= a.day.year], ["measure", "year"])


def renewals(a: Ask) -> pd.DataFrame:
    s = a.scope().drop(columns="source_url").rename(columns=LABEL_SOURCE)
    horizon = a.day + pd.DateOffset(months=a.months)
    s = s[s["label"].notna() & s["level"].notna() & (s["valid_until"] < horizon)]
    s = s.assign(renew_by=s["valid_until"] + pd.DateOffset(months=rule("label_renewal_grace")))
    return ordered(s, ["valid_until", "cluster"])


def results(a: Ask) -> pd.DataFrame:
    names = {
        "indicator_id": "indicator",
        "name_en": "indicator_name",
        "name_nb": "indicator_name_nb",
    }
    indicators = table("indicators").drop(columns="source_url").rename(columns=names)
    out = _with_level(a.facts("results", *PLACE).merge(indicators, on="indicator"))
    return ordered(out, ["indicator", "year", "cluster"])


# Each extract is the function of its name above.
EXTRACTS: dict[str, Callable[[Ask], pd.DataFrame]] = {name: globals()[name] for name in COLUMNS}


def extract_frame(
    con: object, name: str, filters: Filters, cluster_id: str | None = None, months: int = 6
) -> pd.DataFrame:
    """The rows of extract `name`, recomputed from the CSVs (`con` is ignored)."""
    if name not in EXTRACTS:
        raise KeyError(f"unknown extract '{name}' (known: {', '.join(EXTRACTS)})")
    return EXTRACTS[name](Ask(filters, cluster_id, months))[COLUMNS[name].split()]

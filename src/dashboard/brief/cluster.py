"""A cluster's board brief: what its profile page shows on the date, on one page.

Every figure comes from the extracts the profile reads (the same rows its CSV downloads hold),
and the charts are drawn by the profile's own chart builders."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import duckdb
import pandas as pd

from .. import charts, extracts, queries, summaries
from ..filters import DEFAULT_MONTHS, Filters
from ..i18n import t
from . import coverage
from .blocks import (
    Brief,
    Cell,
    Links,
    Notes,
    Table,
    Tile,
    chart,
    coded,
    count,
    dates,
    footer,
    kroner,
    latest,
    named,
    site,
    sites,
    when,
)

PARTS = ("clusters", "labels", "results", "periods", "awards", "confirmations", "funding")


class UnknownCluster(LookupError):
    """No cluster with this id in the store."""


def _header(facts: pd.Series, info: pd.Series, area: str, lang: str) -> tuple[str, ...]:
    lines = []
    if isinstance(info["former_names"], str) and info["former_names"]:
        names = info["former_names"].replace(" | ", ", ")
        lines.append(t("cluster.former_names", lang, names=names))
    if isinstance(info["successor"], str) and info["successor"]:
        lines.append(t("brief.successor", lang, name=info["successor"]))
    if isinstance(info[f"focus_{lang}"], str) and info[f"focus_{lang}"]:
        lines.append(info[f"focus_{lang}"])
    place = summaries.place(facts, lang)
    lines.append(" · ".join(x for x in (place, t("cluster.area_basis", lang, basis=area)) if x))
    return tuple(lines)


def _level_tile(facts: pd.Series, periods: pd.DataFrame, as_of: dt.date, lang: str) -> Tile:
    level = named(facts["level"], "level", lang) if isinstance(facts["level"], str) else None
    if level is None:
        return Tile(t("cluster.level_now", lang), t("level.none", lang))
    day = pd.Timestamp(as_of)
    running = periods[
        (periods["level"] == facts["level"])
        & (periods["start_date"] <= day)
        & (periods["end_date"].isna() | (periods["end_date"] >= day))
    ]
    if running.empty:
        return Tile(t("cluster.level_now", lang), level)
    period = running.iloc[-1]
    span = t(
        "brief.period_span",
        lang,
        start=when(period["start_date"], lang),
        end=when(period["end_date"], lang),
    )
    return Tile(t("cluster.level_now", lang), level, span, site(period["source_url"]))


def _tiles(parts: dict[str, pd.DataFrame], as_of: dt.date, lang: str) -> tuple[Tile, ...]:
    facts, status = parts["clusters"].iloc[0], parts["labels"].iloc[0]
    label = Tile(
        t("cluster.label_now", lang),
        summaries.label_text(status, lang),
        source=site(status["source_url"]) if isinstance(status["source_url"], str) else None,
    )
    members = parts["results"][parts["results"]["indicator"] == "members"]
    if members.empty:
        people = Tile(t("cluster.members", lang), "–", t("brief.none_published", lang))
    else:
        last = members.sort_values("year").iloc[-1]
        value = t(
            "cluster.members_value", lang, value=count(last["value"], lang), year=last["year"]
        )
        provenance = named(last["provenance"], "provenance", lang)
        people = Tile(t("cluster.members", lang), value, provenance, site(last["source_url"]))
    funding = parts["funding"]
    if funding.empty:
        money = Tile(t("cluster.funding", lang), "–", t("brief.none_published", lang))
    else:
        year = funding["year"].max()
        rows = funding[funding["year"] == year]
        money = Tile(
            t("brief.funding_year", lang, year=year),
            " + ".join(kroner(v, lang) for v in rows["amount_nok"]),
            " · ".join(
                [named(f, "funder", lang) for f in rows["funder"]]
                + [named(p, "provenance", lang) for p in rows["provenance"].unique()]
            ),
            site(rows["source_url"].iloc[0]),
        )
    return (_level_tile(facts, parts["periods"], as_of, lang), label, people, money)


def _tables(parts: dict[str, pd.DataFrame], lang: str) -> dict[str, Table]:
    def heads(*columns: str) -> tuple[str, ...]:
        return tuple(t(f"col.{column}", lang) for column in columns)

    periods, left_out = latest(parts["periods"], ["start_date"], lang)
    found = {
        "periods": Table(
            t("cluster.levels", lang),
            heads("level", "start_date", "end_date", "end_rule", "source_url"),
            tuple(
                (
                    coded(r.level, "level", lang),
                    Cell(when(r.start_date, lang)),
                    Cell(when(r.end_date, lang)),
                    Cell(named(r.end_rule, "rule", lang) if isinstance(r.end_rule, str) else "–"),
                    site(r.source_url),
                )
                for r in periods.itertuples()
            ),
            left_out,
        )
    }
    awards, left_out = latest(parts["awards"], ["awarded_on"], lang)
    found["awards"] = Table(
        t("cluster.labels", lang),
        heads("label", "awarded_on", "valid_until", "basis", "score_pct", "state", "source_url"),
        tuple(
            (
                coded(r.label, "label", lang),
                Cell(when(r.awarded_on, lang)),
                Cell(when(r.valid_until, lang)),
                Cell(named(r.basis, "basis", lang)),
                Cell(count(r.score_pct, lang), css="num"),
                coded(r.state, "status", lang),
                site(r.source_url),
            )
            for r in awards.itertuples()
        ),
        left_out,
    )
    if not parts["confirmations"].empty:
        confirmed, left_out = latest(parts["confirmations"], ["held_on"], lang)
        found["confirmations"] = Table(
            t("labels.confirmations", lang),
            heads("label", "held_from", "held_on", "source_url"),
            tuple(
                (
                    coded(r.label, "label", lang),
                    Cell(when(r.held_from, lang)),
                    Cell(when(r.held_on, lang)),
                    site(r.source_url),
                )
                for r in confirmed.itertuples()
            ),
            left_out,
        )
    members = parts["results"][parts["results"]["indicator"] == "members"]
    members, left_out = latest(members, ["year"], lang)
    found["members"] = Table(
        t("cluster.members_history", lang),
        heads("year", "value", "provenance", "source_url"),
        tuple(
            (
                Cell(str(r.year)),
                Cell(count(r.value, lang), css="num"),
                Cell(named(r.provenance, "provenance", lang)),
                site(r.source_url),
            )
            for r in members.itertuples()
        ),
        left_out,
    )
    funding, left_out = latest(parts["funding"], ["year"], lang)
    found["funding"] = Table(
        t("cluster.funding", lang),
        heads("year", "funder", "amount_nok", "provenance", "source_url"),
        tuple(
            (
                Cell(str(r.year)),
                Cell(named(r.funder, "funder", lang)),
                Cell(kroner(r.amount_nok, lang), css="num"),
                Cell(named(r.provenance, "provenance", lang)),
                site(r.source_url),
            )
            for r in funding.itertuples()
        ),
        left_out,
    )
    return found


def _columns(parts: dict[str, pd.DataFrame], as_of: dt.date, lang: str) -> tuple[list, list]:
    """Left: the levels and labels, charted and listed. Right: the label timeline, members and
    funding; the member and funding charts go first should the page run long."""
    tables = _tables(parts, lang)
    left: list = [tables["periods"], tables["awards"]]
    if not parts["periods"].empty:  # the chart, under the table's title, above it
        left[0] = replace(tables["periods"], title="")
        left.insert(0, chart(charts.level_history(parts["periods"], lang)))
    if "confirmations" in tables:
        left.append(tables["confirmations"])
    if not parts["funding"].empty:
        left.append(chart(charts.funding_by(parts["funding"], "funder", lang), optional=True))
    right: list = []
    members = chart(charts.member_history(parts["results"], lang), title="")
    if not parts["awards"].empty:
        timeline = charts.award_timeline(
            parts["awards"], as_of, DEFAULT_MONTHS, lang, parts["confirmations"]
        )
        right += [chart(timeline), tables["members"]]
        if tables["members"].rows:
            right.append(replace(members, optional=True))
    elif tables["members"].rows:
        right += [tables["members"], members]
    right.append(tables["funding"])
    # a table with no rows is left out: what the record lacks is said under coverage
    kept = [block for block in (*left, *right) if not isinstance(block, Table) or block.rows]
    return [b for b in left if b in kept], [b for b in right if b in kept]


def make(con: duckdb.DuckDBPyConnection, cluster_id: str, as_of: dt.date, lang: str) -> Brief:
    """The brief of `cluster_id` as of `as_of`, in `lang` (UnknownCluster if there is none)."""
    if queries.cluster(con, cluster_id).empty:
        raise UnknownCluster(cluster_id)
    scope = Filters(as_of=as_of)  # as the profile: the whole cluster on the date
    parts = {name: extracts.extract_frame(con, name, scope, cluster_id) for name in PARTS}
    facts = parts["clusters"].iloc[0]
    info = queries.cluster_facts(con).set_index("cluster_id").loc[cluster_id]
    areas = queries.opportunity_areas(con).set_index("area_id")
    meta = queries.meta(con)
    shown, past = dates(meta, as_of, lang)
    left, right = _columns(parts, as_of, lang)
    right.append(
        Notes(
            t("brief.coverage", lang), tuple(past + coverage.of_cluster(parts, info, as_of, lang))
        )
    )
    urls = [u for u in str(info["all_sources"] or "").split(" | ") if u]
    for name in ("periods", "awards", "funding", "results"):
        urls += list(parts[name]["source_url"])
    right.append(Links(t("cluster.sources", lang), sites(urls)))
    return Brief(
        lang=lang,
        kicker=t("brief.kicker", lang),
        title=facts["cluster"],
        lines=_header(facts, info, areas.at[facts["area_id"], f"name_{lang}"], lang),
        dates=shown,
        tiles=_tiles(parts, as_of, lang),
        left=tuple(left),
        right=tuple(right),
        footer=footer(meta, lang),
    )

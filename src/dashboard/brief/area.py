"""An opportunity area's board brief: its clusters in the programme on the date by level, the
labels they hold, those expiring within the alert horizon, what is published of members and
funding, and the programme and label charts of the pages, for the area alone.

Every figure comes from the extracts the pages read with the area as the filter (the rows the
pages' CSV downloads hold for it), counted as the overview counts them (summaries)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from .. import charts, extracts, queries, summaries
from ..contract import LEVELS
from ..filters import DEFAULT_MONTHS, Filters
from ..i18n import number, t
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
    named,
    sites,
    when,
)

PARTS = (
    "labels",
    "level_label_counts",
    "attention",
    "members",
    "funding",
    "funding_summary",
    "programme_by_year",
    "awards",
    "confirmations",
)


# The member counts are charted side by side where there are this many to compare.
COMPARED = 3


class UnknownArea(LookupError):
    """No opportunity area with this id in the store."""


def _tiles(parts: dict[str, pd.DataFrame], horizon: int, lang: str) -> tuple[Tile, ...]:
    levels = summaries.programme_counts(parts["level_label_counts"])
    held = summaries.label_counts(parts["level_label_counts"])
    inside = parts["labels"][parts["labels"]["level"].notna()]
    expiring = parts["attention"][parts["attention"]["kind"] == "expiring"]
    covered = parts["members"]["cluster_id"].nunique()
    return (
        Tile(
            t("overview.in_programme", lang),
            number(sum(levels.values()), lang),
            " · ".join(
                f"{named(k, 'level', lang)} {number(n, lang)}" for k, n in levels.items() if n
            ),
        ),
        Tile(
            t("overview.active_labels", lang),
            number(sum(held.values()), lang),
            " · ".join(
                f"{named(k, 'label', lang)} {number(n, lang)}" for k, n in held.items() if n
            ),
        ),
        Tile(
            t("overview.expiring", lang, days=number(horizon, lang)),
            number(len(expiring), lang),
            ", ".join(expiring["cluster"]),
        ),
        Tile(
            t("cluster.members", lang),
            t(
                "brief.members_covered",
                lang,
                covered=number(covered, lang),
                total=number(len(inside), lang),
            ),
        ),
    )


def _clusters(parts: dict[str, pd.DataFrame], lang: str) -> Table:
    """The area's clusters in the programme on the date, by level, with the label they hold and
    their latest published member count."""
    inside = parts["labels"][parts["labels"]["level"].notna()].copy()
    inside["rank"] = inside["level"].map({level: i for i, level in enumerate(LEVELS)})
    inside["name"] = inside["cluster"].str.casefold()
    inside = inside.sort_values(["rank", "name"], kind="stable")
    members = parts["members"].set_index("cluster_id")

    def people(cluster_id: str) -> Cell:
        if cluster_id not in members.index:
            return Cell("–")
        row = members.loc[cluster_id]
        value = t("cluster.members_value", lang, value=count(row["value"], lang), year=row["year"])
        return Cell(value, href=row["source_url"] if isinstance(row["source_url"], str) else None)

    heads = ("cluster", "level", "label", "status", "valid_until", "basis")
    return Table(
        t("brief.area_clusters", lang),
        (*(t(f"col.{c}", lang) for c in heads), t("cluster.members", lang)),
        tuple(
            (
                Cell(r.cluster),
                coded(r.level, "level", lang),
                coded(r.last_label, "label", lang) if isinstance(r.last_label, str) else Cell("—"),
                coded(r.status, "status", lang),
                Cell(when(r.valid_until, lang)),
                Cell(named(r.basis, "basis", lang)),
                people(r.cluster_id),
            )
            for r in inside.itertuples()
        ),
        "" if len(inside) else t("overview.none_in_programme", lang),
    )


def _expiring(parts: dict[str, pd.DataFrame], horizon: int, lang: str) -> Table:
    expiring = parts["attention"][parts["attention"]["kind"] == "expiring"]
    heads = ("cluster", "label", "valid_until", "days_left", "basis")
    days = number(horizon, lang)
    return Table(
        t("overview.expiring", lang, days=days),
        tuple(t(f"col.{c}", lang) for c in heads),
        tuple(
            (
                Cell(r.cluster),
                coded(r.label, "label", lang),
                Cell(when(r.valid_until, lang)),
                Cell(count(r.days_left, lang), css="num"),
                Cell(named(r.basis, "basis", lang)),
            )
            for r in expiring.itertuples()
        ),
        "" if len(expiring) else t("brief.expiring_none", lang, days=days),
    )


def make(con: duckdb.DuckDBPyConnection, area_id: str, as_of: dt.date, lang: str) -> Brief:
    """The brief of opportunity area `area_id` as of `as_of`, in `lang` (UnknownArea if the
    store has no such area)."""
    areas = queries.opportunity_areas(con).set_index("area_id")
    if area_id not in areas.index:
        raise UnknownArea(area_id)
    scope = Filters(areas=(area_id,), as_of=as_of)
    parts = {name: extracts.extract_frame(con, name, scope) for name in PARTS}
    horizon = int(queries.rules(con).set_index("rule_id").at["alert_horizon", "value"])
    meta = queries.meta(con)
    shown, past = dates(meta, as_of, lang)
    labels = parts["labels"]
    outside = labels[labels["level"].isna()]
    left = [_clusters(parts, lang)]
    if not outside.empty:
        left.append(Notes(t("brief.area_outside", lang), (coverage.names(outside),)))
    left.append(_expiring(parts, horizon, lang))
    right = [chart(charts.programme_by_level(parts["programme_by_year"], None, lang))]
    if not parts["awards"].empty:
        figure = charts.award_timeline(
            parts["awards"], as_of, DEFAULT_MONTHS, lang, parts["confirmations"]
        )
        right.append(chart(figure))
    if not parts["funding_summary"].empty:
        right.append(
            chart(charts.funding_by(parts["funding_summary"], "level", lang), optional=True)
        )
    left.append(
        Notes(t("brief.coverage", lang), tuple(past + coverage.of_area(parts, as_of, lang)))
    )
    urls = [*labels["source_url"], *parts["members"]["source_url"], *parts["funding"]["source_url"]]
    left.append(Links(t("cluster.sources", lang), sites(urls)))
    if len(parts["members"]) >= COMPARED:
        figure = charts.members_by_cluster(parts["members"], areas.reset_index(), lang)
        left.append(chart(figure, optional=True))
    register = t("brief.area_register", lang, clusters=number(len(labels), lang))
    return Brief(
        lang=lang,
        kicker=t("brief.kicker", lang),
        title=areas.at[area_id, f"name_{lang}"],
        lines=(t("brief.area_kind", lang) + " · " + register,),
        dates=shown,
        tiles=_tiles(parts, horizon, lang),
        left=tuple(left),
        right=tuple(right),
        footer=footer(meta, lang),
    )

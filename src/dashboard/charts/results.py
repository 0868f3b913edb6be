"""Results: member counts per cluster, the programme's own published results, a cluster among
its peers, and one cluster's member counts over time."""

from __future__ import annotations

import statistics

import pandas as pd
import plotly.graph_objects as go

from .. import theme
from ..i18n import number as number_text
from ..i18n import t
from ..summaries import peers_of
from .common import area_names, empty_figure, style, translated
from .traces import PX_COLOURS, assigned, columns, grouped, kept, pattern, record, split


def members_by_cluster(members: pd.DataFrame, areas: pd.DataFrame, lang: str) -> go.Figure:
    """Each cluster's latest published member count as of the date (`members`), coloured by
    opportunity area; the year of the count is in the bar's label, since counts carry forward."""
    title = t("results.members_chart", lang)
    if members.empty:
        return empty_figure(title, lang)
    names, area_colours = area_names(areas, lang)
    top = members.sort_values("value", ascending=False).head(40)
    cells = columns(top, "value", "cluster", "area_id", "year")
    cells["area_name"] = [names.get(area) for area in cells["area_id"]]
    cells["label"] = [f"({int(year)})" for year in cells["year"]]
    values, parts = split(cells, "area_name", ("value", "cluster", "label", "area_name", "year"))
    colours = assigned(values, area_colours, PX_COLOURS)
    hover = (
        "%{y}<br>%{x:,.0f} ("
        + t("results.count_year", lang)
        + " %{customdata[1]})<extra>%{customdata[0]}</extra>"
    )
    bars = [
        grouped(
            "bar",
            area,
            x=part["value"],
            y=part["cluster"],
            orientation="h",
            text=part["label"],
            textposition="outside",
            textfont={"color": theme.TEXT},
            marker={"color": colours[area], "pattern": pattern()},
            customdata=record(part, "area_name", "year"),
            hovertemplate=hover,
        )
        for area, part in parts.items()
    ]
    layout = {
        "barmode": "relative",
        "legend": {"tracegroupgap": 0},
        "xaxis": {"range": [0, float(max(cells["value"])) * 1.15]},  # room for the year labels
        "yaxis": _ranked(cells["cluster"]),
        "height": max(360, 24 * len(cells["cluster"]) + 180),
    }
    legend = t("legend.area", lang)
    return style(bars, lang, title, "axis.members", "", legend, layout=layout)


def _ranked(clusters: list[str]) -> dict:
    """A category axis with the clusters top down in the frame's order."""
    return {"autorange": "reversed", "categoryorder": "array", "categoryarray": clusters}


def programme_results(figures: pd.DataFrame, measures: tuple[str, ...], lang: str) -> go.Figure:
    """The programme's own published results per year (`programme_figures`): a marker for each
    year the record gives, nothing drawn for the years it is silent about."""
    title = t("results.programme_chart_" + measures[0], lang)
    cells = columns(figures, "year", "value", "measure", "source_url")
    cells = kept(cells, [measure in measures for measure in cells["measure"]])
    if not cells["measure"]:
        return empty_figure(title, lang)
    cells["shown"] = translated(cells["measure"], "measure", lang)
    values, parts = split(cells, "shown", ("year", "value", "shown", "source_url"))
    colours = assigned(values, {}, PX_COLOURS)
    markers = [
        grouped(
            "scatter",
            measure,
            x=part["year"],
            y=part["value"],
            mode="markers",
            marker={"color": colours[measure], "symbol": "circle", "size": 12},
            customdata=record(part, "shown", "source_url"),
            hovertemplate="%{x} · %{customdata[0]}: %{y:,}<extra></extra>",
        )
        for measure, part in parts.items()
    ]
    layout = {"legend": {"tracegroupgap": 0}, "yaxis": {"rangemode": "tozero"}}
    unit = "axis.pp" if measures[0].startswith("excess") else "axis.companies"
    legend = t("legend.measure", lang)
    return style(markers, lang, title, "axis.year", unit, legend, layout=layout)


def peer_comparison(members: pd.DataFrame, cluster_id: str, lang: str) -> go.Figure:
    """A cluster's latest published member count among its peers (`peers_of` in `members`),
    with the peers' median as a line."""
    peers = peers_of(members, cluster_id)
    if peers.empty:
        return empty_figure(t("results.peers_title", lang), lang)
    cells = columns(
        peers.sort_values("value", ascending=False), "cluster_id", "cluster", "value", "year"
    )
    ours = [c == cluster_id for c in cells["cluster_id"]]
    name = next((n for n, own in zip(cells["cluster"], ours, strict=True) if own), cluster_id)
    this, peer = t("results.this_cluster", lang), t("results.peer", lang)
    cells["who"] = [this if own else peer for own in ours]
    values, parts = split(cells, "who", ("value", "cluster", "year"))
    colours = assigned(values, {this: "#D55E00", peer: "#56B4E9"}, PX_COLOURS)
    hover = "%{y}: %{x:,.0f} (" + t("results.count_year", lang) + " %{customdata[0]})"
    bars = [
        grouped(
            "bar",
            who,
            x=part["value"],
            y=part["cluster"],
            orientation="h",
            marker={"color": colours[who], "pattern": pattern()},
            customdata=record(part, "year"),
            hovertemplate=hover + "<extra></extra>",
        )
        for who, part in parts.items()
    ]
    others = [v for v, own in zip(cells["value"], ours, strict=True) if not own and pd.notna(v)]
    median = float(statistics.median(others)) if others else float("nan")
    layout = {
        "barmode": "relative",
        "legend": {"tracegroupgap": 0},
        "shapes": [
            {
                "type": "line",
                "x0": median,
                "x1": median,
                "xref": "x",
                "y0": 0,
                "y1": 1,
                "yref": "y domain",
                "line": {"color": "#000000", "dash": "dash"},
            }
        ],
        "yaxis": _ranked(cells["cluster"]),
        "height": max(300, 24 * len(cells["cluster"]) + 160),
    }
    title = t("results.peers", lang, cluster=name, median=number_text(median, lang))
    return style(bars, lang, title, "axis.members", "", "", layout=layout)


def member_history(results: pd.DataFrame, lang: str) -> go.Figure:
    """One cluster's published member counts: a marker per count, no line between them, since
    the record says nothing about the years in between."""
    title = t("cluster.members_history", lang)
    cells = columns(results, "indicator", "year", "value", "source_url")
    cells = kept(cells, [indicator == "members" for indicator in cells["indicator"]])
    if not cells["indicator"]:
        return empty_figure(title, lang)
    markers = [
        grouped(
            "scatter",
            "",
            x=cells["year"],
            y=cells["value"],
            mode="markers",
            marker={"color": "#0072B2", "symbol": "circle", "size": 12},
            customdata=record(cells, "source_url"),
            hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
        )
    ]
    layout = {"legend": {"tracegroupgap": 0}, "yaxis": {"rangemode": "tozero"}, "height": 300}
    return style(markers, lang, title, "axis.year", "axis.members", layout=layout)

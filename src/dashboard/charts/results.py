"""Results: member counts per cluster, the programme's own published results, a cluster among
its peers, and one cluster's member counts over time."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from ..i18n import number as number_text
from ..i18n import t
from .common import area_names, empty_figure, style, translated


def members_by_cluster(members: pd.DataFrame, areas: pd.DataFrame, lang: str) -> go.Figure:
    """Each cluster's latest published member count as of the date (`members`), coloured by
    opportunity area; the year of the count is in the bar's label, since counts carry forward."""
    title = t("results.members_chart", lang)
    if members.empty:
        return empty_figure(title, lang)
    names, area_colours = area_names(areas, lang)
    frame = members.sort_values("value", ascending=False).head(40).copy()
    frame["area_name"] = frame["area_id"].map(names)
    frame["label"] = frame["year"].map(lambda y: f"({int(y)})")
    fig = px.bar(
        frame,
        x="value",
        y="cluster",
        color="area_name",
        orientation="h",
        text="label",
        color_discrete_map=area_colours,
        custom_data=["area_name", "year"],
    )
    fig.update_traces(
        textposition="outside",
        hovertemplate="%{y}<br>%{x:,.0f} ("
        + t("results.count_year", lang)
        + " %{customdata[1]})<extra>%{customdata[0]}</extra>",
    )
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=frame["cluster"])
    fig.update_xaxes(range=[0, float(frame["value"].max()) * 1.15])  # room for the year labels
    fig.update_layout(height=max(360, 24 * len(frame) + 180))
    return style(fig, lang, title, "axis.members", "", t("legend.area", lang))


def programme_results(figures: pd.DataFrame, measures: tuple[str, ...], lang: str) -> go.Figure:
    """The programme's own published results per year (`programme_figures`): a marker for each
    year the record gives, nothing drawn for the years it is silent about."""
    title = t("results.programme_chart_" + measures[0], lang)
    frame = figures[figures["measure"].isin(measures)].copy()
    if frame.empty:
        return empty_figure(title, lang)
    frame["shown"] = translated(frame["measure"], "measure", lang)
    fig = px.scatter(frame, x="year", y="value", color="shown", custom_data=["shown", "source_url"])
    fig.update_traces(
        marker={"size": 12},
        hovertemplate="%{x} · %{customdata[0]}: %{y:,}<extra></extra>",
    )
    fig.update_yaxes(rangemode="tozero")
    unit = "axis.pp" if measures[0].startswith("excess") else "axis.companies"
    return style(fig, lang, title, "axis.year", unit, t("legend.measure", lang))


def peer_comparison(peers: pd.DataFrame, cluster_id: str, lang: str) -> go.Figure:
    """A cluster's latest published member count among the clusters at its level (`members`
    for that level), with the peers' median as a line."""
    if peers.empty:
        return empty_figure(t("results.peers_title", lang), lang)
    own = peers[peers["cluster_id"] == cluster_id]
    name = own["cluster"].iloc[0] if not own.empty else cluster_id
    frame = peers.sort_values("value", ascending=False).copy()
    frame["who"] = [
        t("results.this_cluster", lang) if c == cluster_id else t("results.peer", lang)
        for c in frame["cluster_id"]
    ]
    fig = px.bar(
        frame,
        x="value",
        y="cluster",
        color="who",
        orientation="h",
        color_discrete_map={
            t("results.this_cluster", lang): "#D55E00",
            t("results.peer", lang): "#56B4E9",
        },
        custom_data=["year"],
    )
    fig.update_traces(
        hovertemplate="%{y}: %{x:,.0f} (" + t("results.count_year", lang) + " %{customdata[0]})"
        "<extra></extra>"
    )
    others = frame.loc[frame["cluster_id"] != cluster_id, "value"]
    fig.add_vline(x=float(others.median()), line_dash="dash", line_color="#000000")
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=frame["cluster"])
    fig.update_layout(height=max(300, 24 * len(frame) + 160))
    title = t("results.peers", lang, cluster=name, median=number_text(others.median(), lang))
    return style(fig, lang, title, "axis.members", "", "")


def member_history(results: pd.DataFrame, lang: str) -> go.Figure:
    """One cluster's published member counts: a marker per count, no line between them, since
    the record says nothing about the years in between."""
    title = t("cluster.members_history", lang)
    frame = results[results["indicator"] == "members"]
    if frame.empty:
        return empty_figure(title, lang)
    fig = px.scatter(frame, x="year", y="value", custom_data=["source_url"])
    fig.update_traces(
        marker={"size": 12, "color": "#0072B2"},
        hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
    )
    fig.update_yaxes(rangemode="tozero")
    fig.update_layout(height=300)
    return style(fig, lang, title, "axis.year", "axis.members")

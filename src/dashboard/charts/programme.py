"""The programme's clusters by level: per year across the register, and one cluster's periods."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from .. import theme
from ..i18n import t
from .common import (
    colour_map,
    empty_figure,
    integer_axis,
    level_names,
    level_order,
    style,
    translated,
)


def programme_by_level(
    counts: pd.DataFrame, published: pd.DataFrame | None, lang: str
) -> go.Figure:
    """Clusters in the register per year, stacked by the level each held that year
    (`programme_by_year`), with the programme's published totals (`programme_coverage`) as
    markers, so a missing intake shows as a gap between the two, never as a collapse (None: a
    selection, which the programme's totals do not count)."""
    title = t("overview.levels_chart", lang)
    if counts.empty:
        return empty_figure(title, lang)
    counts = counts.assign(level_name=level_names(counts["level"], lang))
    fig = px.bar(
        counts,
        x="year",
        y="clusters",
        color="level_name",
        category_orders={"level_name": level_order(lang)},
        color_discrete_map=colour_map(theme.LEVEL_COLOURS, "level", lang),
        custom_data=["level_name"],
    )
    fig.update_traces(
        hovertemplate="%{x}: %{y} "
        + t("axis.clusters", lang).lower()
        + " (%{customdata[0]})<extra></extra>"
    )
    totals = (
        published[published["measure"] == "clusters_total"]
        if published is not None
        else pd.DataFrame(columns=["reference_date", "published"])
    )
    if not totals.empty:
        fig.add_trace(
            go.Scatter(
                x=totals["reference_date"].map(lambda d: d.year),
                y=totals["published"],
                mode="markers",
                marker={"symbol": "diamond", "size": 11, "color": theme.PUBLISHED_MARKER},
                name=t("overview.published_total", lang),
                customdata=totals[["reference_date"]].astype(str).to_numpy(),
                hovertemplate="%{customdata[0]}: %{y} "
                + t("axis.clusters", lang).lower()
                + "<extra>"
                + t("overview.published_total", lang)
                + "</extra>",
            )
        )
    top = max(counts.groupby("year")["clusters"].sum().max(), totals["published"].max() or 0)
    integer_axis(fig, top)
    return style(fig, lang, title, "axis.year", "axis.clusters", t("legend.level", lang))


def level_history(periods: pd.DataFrame, lang: str) -> go.Figure:
    """One cluster's programme periods as a timeline, coloured by level."""
    title = t("cluster.levels", lang)
    if periods.empty:
        return empty_figure(title, lang)
    frame = periods.copy()
    frame["until"] = pd.to_datetime(frame["end_date"]).fillna(pd.Timestamp(dt.date.today()))
    frame["until"] = frame["until"] + pd.Timedelta(days=1)
    frame["provenance_name"] = translated(frame["provenance"], "provenance", lang)
    frame["level_name"] = level_names(frame["level"], lang)
    fig = px.timeline(
        frame,
        x_start="start_date",
        x_end="until",
        y="level_name",
        color="level_name",
        color_discrete_map=colour_map(theme.LEVEL_COLOURS, "level", lang),
        category_orders={"level_name": level_order(lang)},
        custom_data=["start_date", "end_date", "provenance_name"],
    )
    fig.update_traces(
        hovertemplate="<b>%{y}</b><br>%{customdata[0]|%Y-%m-%d} – %{customdata[1]|%Y-%m-%d}"
        "<br>%{customdata[2]}<extra></extra>"
    )
    fig.update_layout(height=260, showlegend=False)
    return style(fig, lang, title, "axis.date", "")

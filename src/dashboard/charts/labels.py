"""Quality labels: active labels per opportunity area, award scores, and every award's validity
on a timeline."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from .. import theme
from ..contract import LABELS
from ..i18n import t
from .common import area_names, colour_map, empty_figure, integer_axis, style, translated

LABEL_ORDER = list(LABELS[::-1])
TIMELINE_CLUSTERS = 60


def labels_by_area(counts: pd.DataFrame, areas: pd.DataFrame, lang: str) -> go.Figure:
    """Active labels per opportunity area (`label_counts`), stacked Gold/Silver/Bronze with
    patterns."""
    title = t("labels.distribution", lang)
    if counts.empty:
        return empty_figure(title, lang)
    names, _ = area_names(areas, lang)
    counts = counts.copy()
    counts["area"] = counts["area_id"].map(names)
    counts["label_name"] = translated(counts["label"], "label", lang)
    fig = px.bar(
        counts,
        x="area",
        y="clusters",
        color="label_name",
        pattern_shape="label_name",
        category_orders={"label_name": [t(f"label.{x}", lang) for x in LABEL_ORDER]},
        color_discrete_map=colour_map(theme.LABEL_COLOURS, "label", lang),
        pattern_shape_map={t(f"label.{k}", lang): v for k, v in theme.LABEL_PATTERNS.items()},
        custom_data=["label_name"],
    )
    fig.update_traces(hovertemplate="%{x}: %{y} × %{customdata[0]}<extra></extra>")
    integer_axis(fig, counts.groupby("area")["clusters"].sum().max())
    return style(fig, lang, title, "legend.area", "axis.clusters", t("legend.label", lang))


def award_scores(awards: pd.DataFrame, lang: str) -> go.Figure:
    """Every award with a published score, by date; labels by colour and marker shape."""
    title = t("labels.history", lang)
    scored = awards[awards["score_pct"].notna()].copy()
    if scored.empty:
        return empty_figure(title, lang)
    scored["label_name"] = translated(scored["label"], "label", lang)
    fig = px.scatter(
        scored,
        x="awarded_on",
        y="score_pct",
        color="label_name",
        symbol="label_name",
        color_discrete_map=colour_map(theme.LABEL_COLOURS, "label", lang),
        custom_data=["cluster", "label_name"],
    )
    fig.update_traces(
        marker={"size": 12, "line": {"width": 1, "color": "#333"}},
        hovertemplate="%{customdata[0]}<br>%{customdata[1]}, %{x|%Y-%m-%d}: %{y:.0f} %<extra></extra>",
    )
    fig.update_yaxes(range=[75, 101])
    return style(fig, lang, title, "axis.date", "axis.score", t("legend.label", lang))


def award_timeline(
    awards: pd.DataFrame,
    as_of: dt.date,
    months: int,
    lang: str,
    confirmations: pd.DataFrame | None = None,
) -> go.Figure:
    """Gantt of every award's validity window, a line at the as-of date, the horizon shaded;
    at most TIMELINE_CLUSTERS clusters (those whose labels run latest) to stay readable.
    Published confirmations (`confirmations`) are drawn as a black line through the span they
    cover, so a gap that a statement closes does not look like a lapse."""
    title = t("timeline.title", lang)
    if awards.empty:
        return empty_figure(title, lang)
    latest = awards.groupby("cluster")["valid_until"].max().sort_values(ascending=False)
    latest = latest.iloc[:TIMELINE_CLUSTERS]
    frame = awards[awards["cluster"].isin(latest.index)].copy()
    frame["label_name"] = translated(frame["label"], "label", lang)
    frame["state_name"] = translated(frame["state"], "status", lang)
    frame["valid_to"] = pd.to_datetime(frame["valid_until"]) + pd.Timedelta(days=1)
    fig = px.timeline(
        frame,
        x_start="awarded_on",
        x_end="valid_to",
        y="cluster",
        color="label_name",
        pattern_shape="label_name",
        color_discrete_map=colour_map(theme.LABEL_COLOURS, "label", lang),
        pattern_shape_map={t(f"label.{k}", lang): v for k, v in theme.LABEL_PATTERNS.items()},
        category_orders={
            "label_name": [t(f"label.{x}", lang) for x in LABEL_ORDER],
            "cluster": list(latest.index),
        },
        custom_data=["label_name", "awarded_on", "valid_until", "state_name"],
    )
    fig.update_traces(
        marker_line={"width": 0.5, "color": "#333"},
        hovertemplate="<b>%{y}</b><br>%{customdata[0]}: %{customdata[1]|%Y-%m-%d} – "
        "%{customdata[2]|%Y-%m-%d}<br>%{customdata[3]}<extra></extra>",
    )
    shown = (
        confirmations[confirmations["cluster"].isin(latest.index)]
        if confirmations is not None
        else []
    )
    for index, c in enumerate(shown.itertuples() if len(shown) else ()):
        first = c.held_from if pd.notna(c.held_from) else c.held_on
        fig.add_trace(
            go.Scatter(
                x=[first, c.held_on],
                y=[c.cluster, c.cluster],
                mode="lines+markers",
                line={"color": "#000000", "width": 2},
                marker={"symbol": "line-ns", "size": 10, "line": {"width": 2}},
                name=t("timeline.confirmed", lang),
                legendgroup="confirmed",
                showlegend=index == 0,
                hovertemplate="<b>%{y}</b><br>"
                + t("timeline.confirmed", lang)
                + ": %{x|%Y-%m-%d}<extra></extra>",
            )
        )
    start = pd.Timestamp(as_of)
    end = start + pd.DateOffset(months=months)
    fig.add_vrect(x0=start, x1=end, fillcolor="#E69F00", opacity=0.15, line_width=0)
    fig.add_shape(
        type="line",
        x0=start,
        x1=start,
        y0=0,
        y1=1,
        yref="paper",
        line={"color": "#000", "width": 2, "dash": "dash"},
    )
    for x, key, side in ((start, "timeline.today", "right"), (end, "timeline.horizon", "left")):
        fig.add_annotation(
            x=x,
            y=1,
            yref="paper",
            text=t(key, lang),
            showarrow=False,
            xanchor=side,
            yanchor="bottom",
        )
    fig.update_layout(height=max(260, 26 * frame["cluster"].nunique() + 180))
    return style(fig, lang, title, "axis.date", "", t("legend.label", lang), top_legend=True)

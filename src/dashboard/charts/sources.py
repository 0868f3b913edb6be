"""Sources: how much of the programme the record covers, per table and year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..i18n import t
from .common import empty_figure, style, translated


def coverage_heatmap(coverage: pd.DataFrame, lang: str) -> go.Figure:
    """Per table and year, the share of the clusters in the programme that the record covers
    (`coverage`); each cell says published / estimate / unknown in words on hover and as text."""
    title = t("sources.coverage_chart", lang)
    if coverage.empty:
        return empty_figure(title, lang)
    frame = coverage[coverage["table_name"] != "programme_periods"].copy()
    frame["table"] = translated(frame["table_name"], "coverage", lang)
    frame["share"] = 100 * (frame["published"] + frame["estimate"]) / frame["in_programme"]
    frame["counts"] = [
        t("sources.coverage_cell", lang, published=p, estimate=e, unknown=u)
        for p, e, u in zip(frame["published"], frame["estimate"], frame["unknown"], strict=True)
    ]
    grid = frame.pivot(index="table", columns="year", values="share")
    counts = frame.pivot(index="table", columns="year", values="counts")
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(),
            x=grid.columns,
            y=grid.index,
            customdata=counts.to_numpy(),
            text=grid.round().astype("Int64").astype(str).to_numpy(),
            texttemplate="%{text}",
            textfont={"size": 10},
            colorscale=[[0, "#FFFFFF"], [1, "#0072B2"]],
            zmin=0,
            zmax=100,
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": t("axis.covered", lang)}},
            hovertemplate="%{y} %{x}: %{z:.0f} % (%{customdata})<extra></extra>",
        )
    )
    fig.update_layout(height=240)
    return style(fig, lang, title, "axis.year", "")

"""Sources: how much of the programme the record covers, per table and year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import theme
from ..i18n import t
from .common import empty_figure, style

COLUMNS = ("table_name", "year", "in_programme", "published", "estimate", "unknown")


def coverage_heatmap(coverage: pd.DataFrame, lang: str) -> go.Figure:
    """Per table and year, the share of the clusters in the programme that the record covers
    (`coverage`); each cell says published / estimate / unknown in words on hover and as text."""
    title = t("sources.coverage_chart", lang)
    if coverage.empty:
        return empty_figure(title, lang)
    names = {table: t(f"coverage.{table}", lang) for table in set(coverage["table_name"])}
    cells = {}  # per table and year: the share covered, and the counts in words
    for table, year, clusters, published, estimate, unknown in zip(
        *(coverage[column].tolist() for column in COLUMNS), strict=True
    ):
        if table != "programme_periods":  # every cluster in the register has one
            counts = t(
                "sources.coverage_cell",
                lang,
                published=published,
                estimate=estimate,
                unknown=unknown,
            )
            share = 100 * (published + estimate) / clusters if clusters else None
            cells[names[table], year] = (share, counts)
    tables, years = sorted({table for table, _ in cells}), sorted({year for _, year in cells})
    grid = [[cells.get((table, year), (None, None)) for year in years] for table in tables]
    shares = [[share for share, _ in row] for row in grid]
    heat = dict(
        type="heatmap",
        z=shares,
        x=years,
        y=tables,
        customdata=[[counts for _, counts in row] for row in grid],
        text=[["<NA>" if share is None else str(round(share)) for share in row] for row in shares],
        texttemplate="%{text}",
        textfont={"size": 10, "color": theme.TEXT},  # legible on every cell of the scale
        colorscale=[[0, theme.COVERAGE_SCALE[0]], [1, theme.COVERAGE_SCALE[1]]],
        zmin=0,
        zmax=100,
        xgap=2,
        ygap=2,
        colorbar={
            "title": {"text": t("axis.covered", lang), "font": {"color": theme.AXIS_TEXT}},
            "tickfont": {"color": theme.AXIS_TEXT},
        },
        hovertemplate="%{y} %{x}: %{z:.0f} % (%{customdata})<extra></extra>",
    )
    return style([heat], lang, title, "axis.year", "", layout={"height": 240})

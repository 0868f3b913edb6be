"""Funding: per year by funder or level, each area's share, the clusters ranked, and the
register beside the programme's budget."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from .. import theme
from ..contract import LEVELS
from ..i18n import t
from .common import (
    area_names,
    colour_map,
    empty_figure,
    level_names,
    nok_hover,
    stacked_bars,
    style,
    translated,
)


def _provenance_patterns(lang: str) -> dict[str, str]:
    return {t(f"provenance.{k}", lang): v for k, v in theme.PROVENANCE_PATTERNS.items()}


def funding_by(funding: pd.DataFrame, dimension: str, lang: str) -> go.Figure:
    """Funding per year stacked by funder or level; estimates patterned."""
    title = t(f"funding.by_{dimension}", lang)
    if funding.empty:
        return empty_figure(title, lang)
    frame = funding.copy()
    frame[dimension] = frame[dimension].fillna("Other" if dimension == "funder" else "—")
    sums = frame.groupby(["year", dimension, "provenance"], as_index=False)["amount_nok"].sum()
    sums["provenance_name"] = translated(sums["provenance"], "provenance", lang)
    if dimension == "funder":
        order = {f: i for i, f in enumerate(theme.FUNDER_COLOURS)}
        sums["shown"] = translated(sums["funder"], "funder", lang)
        colours = colour_map(theme.FUNDER_COLOURS, "funder", lang)
    else:
        order = {level: i for i, level in enumerate(LEVELS)}
        sums["shown"] = level_names(sums["level"], lang)
        colours = colour_map(theme.LEVEL_COLOURS, "level", lang)
    sums = sums.sort_values(
        [dimension, "year"], key=lambda c: c.map(order) if c.name == dimension else c
    )
    fig = stacked_bars(
        sums,
        "year",
        "amount_nok",
        "shown",
        colours,
        "provenance_name",
        _provenance_patterns(lang),
        "%{x} · %{customdata[0]}<br>" + nok_hover("y", lang) + " (%{customdata[1]})<extra></extra>",
    )
    legend = t("legend.funder" if dimension == "funder" else "legend.level", lang)
    return style(fig, lang, title, "axis.year", "axis.nok", legend)


def funding_area_shares(funding: pd.DataFrame, areas: pd.DataFrame, lang: str) -> go.Figure:
    """Each opportunity area's share of the year's funding (100 % stacked)."""
    title = t("funding.by_area", lang)
    if funding.empty:
        return empty_figure(title, lang)
    names, area_colours = area_names(areas, lang)
    sums = funding.groupby(["year", "area_id"], as_index=False)["amount_nok"].sum()
    sums["share"] = 100 * sums["amount_nok"] / sums.groupby("year")["amount_nok"].transform("sum")
    sums["area"] = sums["area_id"].map(names)
    fig = px.bar(
        sums,
        x="year",
        y="share",
        color="area",
        color_discrete_map=area_colours,
        custom_data=["area", "amount_nok"],
    )
    fig.update_traces(
        hovertemplate="%{x} · %{customdata[0]}<br>%{y:.1f} % ("
        + nok_hover("customdata[1]", lang)
        + ")<extra></extra>"
    )
    fig.update_yaxes(range=[0, 100])
    return style(fig, lang, title, "axis.year", "axis.share", t("legend.area", lang))


def funding_ranking(top: pd.DataFrame, first: int, last: int, lang: str) -> go.Figure:
    """The clusters with the most funding over the years shown (`funding_top`), bars split by
    provenance."""
    title = t("funding.ranking", lang, first=first, last=last)
    if top.empty:
        return empty_figure(title, lang)
    totals = top.groupby("cluster", sort=False)["amount_nok"].sum().sort_values(ascending=False)
    sums = top.groupby(["cluster", "provenance"], as_index=False)["amount_nok"].sum()
    sums["provenance_name"] = translated(sums["provenance"], "provenance", lang)
    sums["pattern"] = sums["provenance_name"]
    sums["rank"] = sums["cluster"].map({c: i for i, c in enumerate(totals.index)})
    sums = sums.sort_values("rank")
    colours = {
        t(f"provenance.{k}", lang): c
        for k, c in {
            "published": "#0072B2",
            "estimate": "#56B4E9",
        }.items()
    }
    fig = stacked_bars(
        sums,
        "cluster",
        "amount_nok",
        "provenance_name",
        colours,
        "pattern",
        _provenance_patterns(lang),
        "%{y}<br>" + nok_hover("x", lang) + " (%{customdata[0]})<extra></extra>",
        horizontal=True,
        pattern_legend=False,
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(380, 24 * len(totals) + 160), showlegend=True)
    return style(fig, lang, title, "axis.nok", "", t("legend.provenance", lang))


def funding_against_budget(coverage: pd.DataFrame, lang: str) -> go.Figure:
    """The programme's published budget per year beside the money the register ties to
    clusters by published grants (`funding_coverage`): the gap is what the record lacks."""
    title = t("funding.coverage_chart", lang)
    if coverage.empty:
        return empty_figure(title, lang)
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=coverage["year"],
            y=coverage["budget_nok"],
            name=t("funding.budget", lang),
            marker={"color": "#BBBBBB"},
            hovertemplate="%{x}: " + nok_hover("y", lang) + "<extra></extra>",
        )
    )
    fig.add_trace(
        go.Bar(
            x=coverage["year"],
            y=coverage["register_nok"],
            name=t("funding.register", lang),
            marker={"color": "#0072B2", "pattern": {"shape": "/", "fgcolor": "#FFFFFF"}},
            hovertemplate="%{x}: " + nok_hover("y", lang) + "<extra></extra>",
        )
    )
    fig.update_layout(barmode="group")
    return style(fig, lang, title, "axis.year", "axis.nok")

"""Funding: per year by funder or level, each area's share, the clusters ranked, and the
register beside the programme's budget."""

from __future__ import annotations

import pandas as pd
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
from .traces import (
    PX_COLOURS,
    assigned,
    columns,
    grouped,
    pattern,
    ranked,
    record,
    split,
    summed,
)


def _provenance_patterns(lang: str) -> dict[str, str]:
    return {t(f"provenance.{k}", lang): v for k, v in theme.PROVENANCE_PATTERNS.items()}


def funding_by(funding: pd.DataFrame, dimension: str, lang: str) -> go.Figure:
    """Funding per year stacked by funder or level; estimates patterned."""
    title = t(f"funding.by_{dimension}", lang)
    if funding.empty:
        return empty_figure(title, lang)
    cells = columns(funding, "year", dimension, "provenance", "amount_nok")
    other = "Other" if dimension == "funder" else "—"
    cells[dimension] = [other if pd.isna(value) else value for value in cells[dimension]]
    if dimension == "funder":
        rank = {f: i for i, f in enumerate(theme.FUNDER_COLOURS)}
        colours = colour_map(theme.FUNDER_COLOURS, "funder", lang)
    else:
        rank = {level: i for i, level in enumerate(LEVELS)}
        colours = colour_map(theme.LEVEL_COLOURS, "level", lang)
    # by funder (the theme's order) or level (the contract's), any other last; then by year
    sums = summed(
        cells,
        ["year", dimension, "provenance"],
        "amount_nok",
        order=lambda key: (rank.get(key[1], len(rank)), key[0]),
    )
    sums["provenance_name"] = translated(sums["provenance"], "provenance", lang)
    if dimension == "funder":
        sums["shown"] = translated(sums["funder"], "funder", lang)
    else:
        sums["shown"] = level_names(sums["level"], lang)
    bars = stacked_bars(
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
    return style(bars, lang, title, "axis.year", "axis.nok", legend, layout={"barmode": "stack"})


def funding_area_shares(funding: pd.DataFrame, areas: pd.DataFrame, lang: str) -> go.Figure:
    """Each opportunity area's share of the year's funding (100 % stacked)."""
    title = t("funding.by_area", lang)
    if funding.empty:
        return empty_figure(title, lang)
    names, area_colours = area_names(areas, lang)
    sums = summed(funding, ["year", "area_id"], "amount_nok")
    per_year = summed(sums, ["year"], "amount_nok")
    year_total = dict(zip(per_year["year"], per_year["amount_nok"], strict=True))
    sums["share"] = [
        100 * amount / year_total[year]
        for year, amount in zip(sums["year"], sums["amount_nok"], strict=True)
    ]
    sums["area"] = [names.get(area) for area in sums["area_id"]]
    values, parts = split(sums, "area", ("year", "share", "area", "amount_nok"))
    colours = assigned(values, area_colours, PX_COLOURS)
    hover = (
        "%{x} · %{customdata[0]}<br>%{y:.1f} % ("
        + nok_hover("customdata[1]", lang)
        + ")<extra></extra>"
    )
    bars = [
        grouped(
            "bar",
            area,
            x=part["year"],
            y=part["share"],
            orientation="v",
            marker={"color": colours[area], "pattern": pattern()},
            customdata=record(part, "area", "amount_nok"),
            hovertemplate=hover,
        )
        for area, part in parts.items()
    ]
    layout = {"barmode": "relative", "legend": {"tracegroupgap": 0}, "yaxis": {"range": [0, 100]}}
    legend = t("legend.area", lang)
    return style(bars, lang, title, "axis.year", "axis.share", legend, layout=layout)


def funding_ranking(top: pd.DataFrame, first: int, last: int, lang: str) -> go.Figure:
    """The clusters with the most funding over the years shown (`funding_top`), bars split by
    provenance."""
    title = t("funding.ranking", lang, first=first, last=last)
    if top.empty:
        return empty_figure(title, lang)
    # the clusters as they first come, ranked by their sums; the parts in the clusters' order
    seen = {cluster: i for i, cluster in enumerate(dict.fromkeys(top["cluster"]))}
    totals = summed(top, ["cluster"], "amount_nok", order=lambda key: seen[key[0]])
    clusters = [totals["cluster"][i] for i in ranked(totals["amount_nok"], descending=True)]
    rank = {cluster: i for i, cluster in enumerate(clusters)}
    sums = summed(top, ["cluster", "provenance"], "amount_nok")
    rows = ranked([rank[cluster] for cluster in sums["cluster"]])
    sums = {name: [values[i] for i in rows] for name, values in sums.items()}
    sums["provenance_name"] = translated(sums["provenance"], "provenance", lang)
    sums["pattern"] = sums["provenance_name"]
    colours = {
        t(f"provenance.{k}", lang): c
        for k, c in {
            "published": "#0072B2",
            "estimate": "#56B4E9",
        }.items()
    }
    bars = stacked_bars(
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
    layout = {
        "barmode": "stack",
        "yaxis": {"autorange": "reversed"},
        "height": max(380, 24 * len(clusters) + 160),
        "showlegend": True,
    }
    return style(bars, lang, title, "axis.nok", "", t("legend.provenance", lang), layout=layout)


def funding_against_budget(coverage: pd.DataFrame, lang: str) -> go.Figure:
    """The programme's published budget per year beside the money the register ties to
    clusters by published grants (`funding_coverage`): the gap is what the record lacks."""
    title = t("funding.coverage_chart", lang)
    if coverage.empty:
        return empty_figure(title, lang)
    hover = "%{x}: " + nok_hover("y", lang) + "<extra></extra>"
    bars = [
        dict(
            type="bar",
            x=coverage["year"].tolist(),
            y=coverage["budget_nok"].tolist(),
            name=t("funding.budget", lang),
            marker={"color": "#BBBBBB", "pattern": {"fillmode": "overlay"}},
            hovertemplate=hover,
        ),
        dict(
            type="bar",
            x=coverage["year"].tolist(),
            y=coverage["register_nok"].tolist(),
            name=t("funding.register", lang),
            marker={"color": "#0072B2", "pattern": pattern("/", fgcolor="#FFFFFF")},
            hovertemplate=hover,
        ),
    ]
    return style(bars, lang, title, "axis.year", "axis.nok", layout={"barmode": "group"})

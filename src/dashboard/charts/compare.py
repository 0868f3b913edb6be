"""Two to six clusters side by side over time: level periods, member counts and funding, a row,
line or bar per cluster in the order they were picked (their label windows: `award_timeline`
with the rows named)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from .. import theme
from ..i18n import t
from .common import empty_figure, nok_hover, style
from .programme import level_bars
from .spans import as_of_marks, empty_rows, row_axis
from .traces import PX_SYMBOLS, Trace, columns, pattern

DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")


def _cluster_looks(clusters: Sequence[str]) -> dict[str, tuple[str, str, str]]:
    """Each cluster's colour, marker and dash, by its place in the comparison: the same cluster
    looks the same in every chart of the page, and lines differ by more than colour."""
    return {
        name: (
            theme.CLUSTER_COLOURS[i % len(theme.CLUSTER_COLOURS)],
            PX_SYMBOLS[i % len(PX_SYMBOLS)],
            DASHES[i % len(DASHES)],
        )
        for i, name in enumerate(clusters)
    }


def compare_levels(
    periods: pd.DataFrame, clusters: Sequence[str], as_of: dt.date, lang: str
) -> go.Figure:
    """The clusters' programme periods (`periods` of the compared clusters), a row per cluster
    in `clusters`' order (first on top, a cluster without a period as an empty row), bars
    coloured by level as on a profile, the as-of date marked."""
    title = t("compare.levels", lang)
    if periods.empty:
        return empty_figure(title, lang)
    rows = list(clusters)
    _, bars = level_bars(periods, lang, row="cluster")
    layout = {
        "barmode": "overlay",
        "legend": {"tracegroupgap": 0},
        "xaxis": {"type": "date"},
        "yaxis": row_axis(rows),
        **as_of_marks(pd.Timestamp(as_of), 0, lang),
        "height": 40 * len(rows) + 170,
    }
    traces = bars + empty_rows(rows, periods["cluster"].tolist())
    legend = t("legend.level", lang)
    return style(traces, lang, title, "axis.date", "", legend, top_legend=True, layout=layout)


def compare_members(members: pd.DataFrame, clusters: Sequence[str], lang: str) -> go.Figure:
    """Each cluster's member counts per year (`compare_members`), a line per cluster: a marker
    where a count is known, a gap (never a zero) for a year without one, and between years the
    extract does not list."""
    title = t("compare.members", lang)
    cells = columns(members, "cluster", "year", "value", "provenance")
    if not any(pd.notna(v) for v in cells["value"]):
        return empty_figure(title, lang)
    looks = _cluster_looks(clusters)
    names = {kind: t(f"provenance.{kind}", lang) for kind in theme.PROVENANCE_PATTERNS}
    traces: list[Trace] = []
    for name in clusters:
        rows = sorted(
            (int(year), value, provenance)
            for cluster, year, value, provenance in zip(*cells.values(), strict=True)
            if cluster == name
        )
        if not any(pd.notna(value) for _, value, _ in rows):
            continue
        years: list[int] = []
        values: list[float | None] = []
        shown: list[str] = []
        for year, value, provenance in rows:
            if years and year > years[-1] + 1:  # a year the extract skips is a gap as well
                years.append(years[-1] + 1)
                values.append(None)
                shown.append("")
            known = pd.notna(value)
            years.append(year)
            values.append(float(value) if known else None)
            shown.append(names.get(provenance, "") if known else "")
        colour, symbol, dash = looks[name]
        traces.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": name,
                "x": years,
                "y": values,
                "connectgaps": False,
                "line": {"color": colour, "dash": dash, "width": 2},
                "marker": {"color": colour, "symbol": symbol, "size": 10},
                "customdata": [[s] for s in shown],
                "hovertemplate": "%{x}: %{y:,.0f} (%{customdata[0]})<extra>" + name + "</extra>",
            }
        )
    layout = {"legend": {"tracegroupgap": 0}, "height": 360}
    legend = t("legend.cluster", lang)
    return style(traces, lang, title, "axis.year", "axis.member_count", legend, layout=layout)


def compare_funding(funding: pd.DataFrame, clusters: Sequence[str], lang: str) -> go.Figure:
    """Each cluster's funding per year (`compare_funding`), summed over funders, as grouped bars
    in `clusters`' order and colours; a sum with an estimate in it is hatched, and a year whose
    amount is unknown has no bar (never a zero)."""
    title = t("compare.funding", lang)
    cells = columns(funding, "cluster", "year", "amount_nok", "provenance")
    sums: dict[tuple[str, int], float] = {}
    estimated: set[tuple[str, int]] = set()
    for cluster, year, amount, provenance in zip(*cells.values(), strict=True):
        if pd.isna(amount):  # unknown: no bar, not a bar of 0
            continue
        key = (cluster, int(year))
        sums[key] = sums.get(key, 0) + float(amount)
        if provenance != "published":
            estimated.add(key)
    if not sums:
        return empty_figure(title, lang)
    looks = _cluster_looks(clusters)
    shapes = theme.PROVENANCE_PATTERNS  # published: plain, estimate: hatched
    kinds = {kind: t(f"provenance.{kind}", lang) for kind in shapes}
    bars: list[Trace] = []
    for name in clusters:
        keys = sorted(key for key in sums if key[0] == name)
        if not keys:
            continue
        kind = ["estimate" if key in estimated else "published" for key in keys]
        bars.append(
            {
                "type": "bar",
                "name": name,
                "x": [year for _, year in keys],
                "y": [sums[key] for key in keys],
                "orientation": "v",
                "marker": {
                    "color": looks[name][0],
                    "pattern": pattern([shapes[k] for k in kind], fgcolor="#FFFFFF", solidity=0.35),
                },
                "customdata": [[kinds[k]] for k in kind],
                "hovertemplate": "%{x} · "
                + name
                + "<br>"
                + nok_hover("y", lang)
                + " (%{customdata[0]})<extra></extra>",
            }
        )
    present = {"estimate" if key in estimated else "published" for key in sums}
    bars += [  # the patterns' legend, once each (as `stacked_bars` draws it)
        {
            "type": "bar",
            "x": [None],
            "y": [None],
            "name": kinds[kind],
            "legendgroup": "pattern",
            "marker": {
                "color": "#FFFFFF",
                "line": {"color": "#555555", "width": 1},
                "pattern": pattern(shapes[kind], fgcolor="#555555"),
            },
            "hoverinfo": "skip",
        }
        for kind in shapes
        if kind in present and shapes[kind]
    ]
    layout = {"barmode": "group", "legend": {"tracegroupgap": 0}, "height": 380}
    legend = t("legend.cluster", lang)
    return style(bars, lang, title, "axis.year", "axis.nok", legend, layout=layout)

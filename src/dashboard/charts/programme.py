"""The programme's clusters by level: per year across the register, and one cluster's periods."""

from __future__ import annotations

import datetime as dt

import pandas as pd
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
from .spans import timeline_bars
from .traces import (
    PX_COLOURS,
    Trace,
    assigned,
    columns,
    grouped,
    iso,
    kept,
    pattern,
    record,
    span_ms,
    split,
    summed,
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
    cells = columns(counts, "year", "clusters", "level")
    cells["level_name"] = level_names(cells["level"], lang)
    values, parts = split(
        cells, "level_name", ("year", "clusters", "level_name"), level_order(lang)
    )
    colours = assigned(values, colour_map(theme.LEVEL_COLOURS, "level", lang), PX_COLOURS)
    clusters = t("axis.clusters", lang).lower()
    traces = [
        grouped(
            "bar",
            level,
            x=part["year"],
            y=part["clusters"],
            orientation="v",
            marker={"color": colours[level], "pattern": pattern()},
            customdata=record(part, "level_name"),
            hovertemplate="%{x}: %{y} " + clusters + " (%{customdata[0]})<extra></extra>",
        )
        for level, part in parts.items()
    ]
    if published is None:
        published = pd.DataFrame(
            {"reference_date": pd.Series(dtype="datetime64[ms]"), "published": [], "measure": []}
        )
    dates = published["reference_date"]
    totals = kept(
        {
            "year": dates.dt.year.tolist(),
            "day": dates.astype(str).tolist(),
            "total": published["published"].tolist(),
        },
        [measure == "clusters_total" for measure in published["measure"].tolist()],
    )
    if totals["total"]:
        traces.append(
            dict(
                type="scatter",
                x=totals["year"],
                y=totals["total"],
                mode="markers",
                marker={"symbol": "diamond", "size": 11, "color": theme.PUBLISHED_MARKER},
                name=t("overview.published_total", lang),
                customdata=record(totals, "day"),
                hovertemplate="%{customdata[0]}: %{y} "
                + clusters
                + "<extra>"
                + t("overview.published_total", lang)
                + "</extra>",
            )
        )
    top = max([*summed(cells, ["year"], "clusters")["clusters"], *totals["total"]])
    layout = {"barmode": "relative", "legend": {"tracegroupgap": 0}, "yaxis": integer_axis(top)}
    legend = t("legend.level", lang)
    return style(traces, lang, title, "axis.year", "axis.clusters", legend, layout=layout)


def level_bars(
    periods: pd.DataFrame, lang: str, row: str | None = None
) -> tuple[list[str], list[Trace]]:
    """Programme periods as bars on a date axis coloured by level, each from the period's first
    day to the day after its last (today, while it runs): a row per level (one cluster's
    history), or per value of the column `row` (the clusters of a comparison, where the hover
    names the level). Also the levels drawn, in the contract's order."""
    cells = {
        "from": iso(periods["start_date"]),
        "to": iso(periods["end_date"]),
        # to the day after the last, or after today while the period runs
        "span_ms": span_ms(periods["start_date"], periods["end_date"], 1, dt.date.today()),
        "level_name": level_names(periods["level"], lang),
        "provenance_name": translated(periods["provenance"], "provenance", lang),
    }
    cells["row"] = periods[row].tolist() if row else cells["level_name"]
    values, parts = split(cells, "level_name", list(cells), level_order(lang))
    colours = assigned(values, colour_map(theme.LEVEL_COLOURS, "level", lang), PX_COLOURS)
    hover = (
        "<b>%{y}</b><br>"
        + ("%{customdata[3]}: " if row else "")
        + "%{customdata[0]|%Y-%m-%d} – %{customdata[1]|%Y-%m-%d}<br>%{customdata[2]}"
        "<extra></extra>"
    )
    custom = ("from", "to", "provenance_name", *(("level_name",) if row else ()))
    return values, timeline_bars(parts, "row", colours, hover, custom)


def level_history(periods: pd.DataFrame, lang: str) -> go.Figure:
    """One cluster's programme periods as a timeline, coloured by level: a bar from each
    period's first day to the day after its last (today, while it runs), on a date axis."""
    title = t("cluster.levels", lang)
    if periods.empty:
        return empty_figure(title, lang)
    values, bars = level_bars(periods, lang)
    layout = {
        "barmode": "overlay",
        "legend": {"tracegroupgap": 0},
        "xaxis": {"type": "date"},
        "yaxis": {"categoryorder": "array", "categoryarray": values[::-1]},  # first on top
        "height": 260,
        "showlegend": False,
    }
    return style(bars, lang, title, "axis.date", "", layout=layout)

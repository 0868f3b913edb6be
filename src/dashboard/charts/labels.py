"""Quality labels: active labels per opportunity area, award scores, and every award's validity
on a timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from .. import theme
from ..contract import LABELS
from ..i18n import t
from .common import area_names, colour_map, empty_figure, integer_axis, style, translated
from .spans import as_of_marks, empty_rows, row_axis, timeline_bars
from .traces import (
    PX_COLOURS,
    PX_PATTERNS,
    PX_SYMBOLS,
    Trace,
    assigned,
    columns,
    grouped,
    iso,
    pattern,
    ranked,
    record,
    span_ms,
    split,
    stamps,
    summed,
)

LABEL_ORDER = list(LABELS[::-1])
TIMELINE_CLUSTERS = 60


def labels_by_area(counts: pd.DataFrame, areas: pd.DataFrame, lang: str) -> go.Figure:
    """Active labels per opportunity area (`label_counts`), stacked Gold/Silver/Bronze with
    patterns."""
    title = t("labels.distribution", lang)
    if counts.empty:
        return empty_figure(title, lang)
    names, _ = area_names(areas, lang)
    cells = columns(counts, "area_id", "label", "clusters")
    cells["area"] = [names.get(area) for area in cells["area_id"]]
    cells["label_name"] = translated(cells["label"], "label", lang)
    values, parts = split(
        cells, "label_name", ("area", "clusters", "label_name"), _label_names(lang)
    )
    colours, shapes = _label_looks(values, lang)
    bars = [
        grouped(
            "bar",
            label,
            x=part["area"],
            y=part["clusters"],
            orientation="v",
            marker={"color": colours[label], "pattern": pattern(shapes[label])},
            customdata=record(part, "label_name"),
            hovertemplate="%{x}: %{y} × %{customdata[0]}<extra></extra>",
        )
        for label, part in parts.items()
    ]
    order = [names[a] for a in areas["area_id"] if names[a] in set(cells["area"])]
    layout = {
        "barmode": "relative",
        "legend": {"tracegroupgap": 0},
        # the areas in the order the filters list them, whichever label comes first
        "xaxis": {"categoryorder": "array", "categoryarray": order},
        "yaxis": integer_axis(max(summed(cells, ["area"], "clusters")["clusters"])),
    }
    legend = t("legend.label", lang)
    return style(
        bars, lang, title, "legend.area", "axis.clusters", legend, top_legend=True, layout=layout
    )


def award_scores(awards: pd.DataFrame, lang: str) -> go.Figure:
    """Every award with a published score, by date; labels by colour and marker shape (one
    trace per label, in the order the labels first appear). The hover names the cluster, the
    label (the trace's name) and the score: a register of thousands of awards is split by label
    with pandas, not row by row."""
    title = t("labels.history", lang)
    shown = awards[["awarded_on", "score_pct", "cluster", "label"]]  # only these are filtered
    scored = shown[shown["score_pct"].notna() & shown["label"].notna()]
    if scored.empty:
        return empty_figure(title, lang)
    labels = scored["label"].unique().tolist()  # in the order they first appear
    names = translated(labels, "label", lang)
    colours = assigned(names, colour_map(theme.LABEL_COLOURS, "label", lang), PX_COLOURS)
    symbols = assigned(names, {}, PX_SYMBOLS)
    markers = []
    for label, name in zip(labels, names, strict=True):
        part = scored[scored["label"] == label]
        markers.append(
            grouped(
                "scatter",
                name,
                x=iso(part["awarded_on"]),
                y=part["score_pct"].tolist(),
                mode="markers",
                marker={
                    "color": colours[name],
                    "symbol": symbols[name],
                    "line": {"color": "#333", "width": 1},
                    "size": 12,
                },
                hovertext=part["cluster"].tolist(),
                hovertemplate="%{hovertext}<br>%{fullData.name}, %{x|%Y-%m-%d}: %{y:.0f} %"
                "<extra></extra>",
            )
        )
    layout = {"legend": {"tracegroupgap": 0}, "yaxis": {"range": [75, 101]}}
    legend = t("legend.label", lang)
    return style(markers, lang, title, "axis.date", "axis.score", legend, layout=layout)


def award_timeline(
    awards: pd.DataFrame,
    as_of: dt.date,
    months: int,
    lang: str,
    confirmations: pd.DataFrame | None = None,
    clusters: Sequence[str] | None = None,
) -> go.Figure:
    """Gantt of every award's validity window, a line at the as-of date, the horizon of `months`
    shaded (none for 0); at most TIMELINE_CLUSTERS clusters (those whose labels run latest) to
    stay readable, or the rows `clusters` names, top down, each shown with or without an award
    (a comparison). Published confirmations (`confirmations`) are drawn as a black line through
    the span they cover, so a gap that a statement closes does not look like a lapse."""
    title = t("timeline.title", lang)
    if awards.empty:
        return empty_figure(title, lang)
    rows = list(clusters) if clusters is not None else _running_latest(awards)[:TIMELINE_CLUSTERS]
    inside = set(rows)
    drawn = awards[awards["cluster"].isin(inside)]  # their awards only, before any conversion
    cells = columns(drawn, "cluster", "label", "state") | {
        "from": iso(drawn["awarded_on"]),
        "until": iso(drawn["valid_until"]),
        "span_ms": span_ms(drawn["awarded_on"], drawn["valid_until"], 1),  # to the day after
    }
    cells["label_name"] = translated(cells["label"], "label", lang)
    cells["state_name"] = translated(cells["state"], "status", lang)
    shown = ("from", "span_ms", "cluster", "label_name", "until", "state_name")
    values, parts = split(cells, "label_name", shown, _label_names(lang))
    colours, shapes = _label_looks(values, lang)
    hover = (
        "<b>%{y}</b><br>%{customdata[0]}: %{customdata[1]|%Y-%m-%d} – "
        "%{customdata[2]|%Y-%m-%d}<br>%{customdata[3]}<extra></extra>"
    )
    custom = ("label_name", "from", "until", "state_name")
    outline = {"color": "#333", "width": 0.5}
    traces = timeline_bars(parts, "cluster", colours, hover, custom, shapes, outline)
    if confirmations is not None:
        traces += _confirmed(confirmations, inside, lang)
    if clusters is not None:
        traces += empty_rows(rows, cells["cluster"])
    layout = {
        "barmode": "overlay",
        "legend": {"tracegroupgap": 0},
        "xaxis": {"type": "date"},
        # the clusters whose labels run latest on top, or the rows named, as named
        "yaxis": (
            row_axis(rows)
            if clusters is not None
            else {"categoryorder": "array", "categoryarray": rows[::-1]}
        ),
        **as_of_marks(pd.Timestamp(as_of), months, lang),
        "height": max(260, 26 * len(rows) + 180) if clusters is None else 40 * len(rows) + 170,
    }
    legend = t("legend.label", lang)
    return style(traces, lang, title, "axis.date", "", legend, top_legend=True, layout=layout)


def _running_latest(awards: pd.DataFrame) -> list[str]:
    """The clusters, those whose labels run latest first (ties in the order of their names)."""
    until = pd.Series(stamps(awards["valid_until"]), index=awards["cluster"].to_numpy())
    latest = until.groupby(level=0).max()  # by name, as sorted() gives them; no name, no row
    names = latest.index.tolist()
    return [names[i] for i in ranked(latest.to_numpy(), descending=True)]


def _confirmed(confirmations: pd.DataFrame, clusters: set[str], lang: str) -> list[Trace]:
    """A black line per published confirmation for one of `clusters`, from the first day it
    says the label was held (or the day it was said) to that day. One trace draws them all,
    each line apart from the next (plotly leaves a gap at None): one legend entry, and a
    figure as quick to make with a hundred confirmations as with one."""
    spans = zip(
        iso(confirmations["held_from"]),
        iso(confirmations["held_on"]),
        confirmations["cluster"].tolist(),
        strict=True,
    )
    shown = [
        (first or last, last, cluster) for first, last, cluster in spans if cluster in clusters
    ]
    if not shown:
        return []
    name = t("timeline.confirmed", lang)
    return [
        dict(
            type="scatter",
            x=[x for first, last, _ in shown for x in (first, last, None)][:-1],
            y=[y for *_, cluster in shown for y in (cluster, cluster, None)][:-1],
            mode="lines+markers",
            line={"color": "#000000", "width": 2},
            marker={"symbol": "line-ns", "size": 10, "line": {"width": 2}},
            name=name,
            legendgroup="confirmed",
            showlegend=True,
            hovertemplate="<b>%{y}</b><br>" + name + ": %{x|%Y-%m-%d}<extra></extra>",
        )
    ]


def _label_names(lang: str) -> list[str]:
    return [t(f"label.{x}", lang) for x in LABEL_ORDER]


def _label_looks(values: list, lang: str) -> tuple[dict, dict]:
    """Each label's colour and pattern, the same in every chart."""
    colours = assigned(values, colour_map(theme.LABEL_COLOURS, "label", lang), PX_COLOURS)
    shapes = assigned(values, colour_map(theme.LABEL_PATTERNS, "label", lang), PX_PATTERNS)
    return colours, shapes

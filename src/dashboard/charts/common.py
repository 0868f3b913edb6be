"""What every chart shares: the look, hover texts, names in the reader's language, colour maps,
stacked bars with patterns, whole-number axes and the empty chart."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .. import theme
from ..contract import LEVELS
from ..i18n import t
from .traces import Columns, Frame, Trace, columns, grouped, pattern, record, split

# Streamlit's chart theme styles every figure in the browser; building plotly's own default
# template into each figure only costs time (about a third of a page rerun).
pio.templates.default = "none"


def _values(traces: Sequence[Trace], axis: str) -> list[float]:
    found: list[float] = []
    for trace in traces:
        values = trace.get(axis)
        if values is not None:
            found += [float(v) for v in values if v is not None and pd.notna(v)]
    return found


# A chart shows at least this many slots on a category or year axis, so one or two categories
# draw as bars of the usual width in the middle, not as a block filling the plot.
MIN_SLOTS = 5


def _padded(first: float, last: float) -> list[float]:
    """The axis range from `first` to `last` with half a slot either side, widened to MIN_SLOTS."""
    pad = max(0.6, (MIN_SLOTS - (last - first + 1)) / 2 + 0.5)
    return [first - pad, last + pad]


def _year_axis(traces: Sequence[Trace], axis: str) -> dict:
    """Whole years only (never 2017.5, never a timestamp), every year when few, a padded range
    around a single year."""
    years = _values(traces, axis)
    if not years:
        return {"tickformat": "d"}
    first, last = int(min(years)), int(max(years))
    step = 1 if last - first <= 12 else 2 if last - first <= 24 else 5
    return {
        "tickmode": "array",
        "tickvals": list(range(first, last + 1, step)),
        "tickformat": "d",
        "range": _padded(first, last),
    }


def _category_axes(traces: Sequence[Trace]) -> dict[str, dict]:
    """Bars over a few categories (one area, two clusters) keep their usual width: the category
    axis is given MIN_SLOTS slots, the categories in the middle."""
    found: dict[str, set] = {"x": set(), "y": set()}
    for trace in traces:
        if trace.get("type") != "bar":
            continue
        axis = "y" if trace.get("orientation") == "h" else "x"
        values = [v for v in trace.get(axis) or () if v is not None]
        if values and all(isinstance(v, str) for v in values):
            found[axis].update(values)
    return {
        f"{axis}axis": {"range": _padded(0, len(names) - 1)}
        for axis, names in found.items()
        if 0 < len(names) < MIN_SLOTS
    }


# One number format per kind of axis, keyed by the axis title's catalogue key: amounts in whole
# kroner with the reader's separators (no "250M"), counts in whole numbers from zero, dates as
# years (month names would come from the browser's locale, not the page's language).
AXIS_FORMATS: dict[str, dict] = {
    "axis.nok": {"tickformat": ",.0f", "rangemode": "tozero"},
    "axis.clusters": {"tickformat": ",d", "rangemode": "tozero"},
    "axis.members": {"tickformat": ",d", "rangemode": "tozero"},
    "axis.member_count": {"tickformat": ",d", "rangemode": "tozero"},
    "axis.companies": {"tickformat": ",d", "rangemode": "tozero"},
    # one tick per 1 January: "%Y" on plotly's own ticks repeats a year on a short span
    "axis.date": {
        "tickformat": "%Y",
        "dtick": "M12",
        "tick0": "2000-01-01",
        "hoverformat": "%Y-%m-%d",
    },
}


def _axis(traces: Sequence[Trace], axis: str, key: str, lang: str) -> dict:
    found = {"title": {"text": t(key, lang) if key else ""}}
    if key == "axis.year":
        found.update(_year_axis(traces, axis))
    elif key in AXIS_FORMATS:
        found.update(AXIS_FORMATS[key])
    return found


def style(
    traces: Sequence[Trace],
    lang: str,
    title: str,
    x_axis: str,
    y_axis: str,
    legend: str = "",
    top_legend: bool = False,
    layout: dict | None = None,
) -> go.Figure:
    """The figure of `traces` in the shared look, the axes titled and formatted by kind (`x_axis`,
    `y_axis`: catalogue keys such as `axis.year`, or ""); legends go below the plot, or above it
    for tall charts. `layout` is the chart's own layout (height, barmode, axis ranges, shapes):
    all of it is set in one go, as the figure is made, since every later update is validated
    again on its own."""
    own = dict(layout or {})
    look = {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        "font": {"family": theme.FONT, "size": 13},
        "margin": {"l": 10, "r": 10, "t": 100 if top_legend else 50, "b": 10},
        "legend": {
            **own.pop("legend", {}),
            "orientation": "h",
            "yanchor": "bottom" if top_legend else "top",
            "y": 1.02 if top_legend else -0.22,
            "x": 0,
            "title": {"text": legend, "side": "left"},
        },
        "hoverlabel": {"namelength": -1},
        "separators": ", " if lang == "nb" else ".,",
    }
    few = _category_axes(traces)
    for axis, key in (("x", x_axis), ("y", y_axis)):
        # the axis policy wins over a chart's own axis settings, as it did when applied last
        mine = own.pop(f"{axis}axis", {})
        look[f"{axis}axis"] = {
            **few.get(f"{axis}axis", {}),
            **mine,
            **_axis(traces, axis, key, lang),
        }
    return go.Figure(data=list(traces), layout={**own, **look})


def nok_hover(axis: str, lang: str) -> str:
    """A hover amount in kroner: nb `1 234 567 kr`, en `NOK 1,234,567`."""
    amount = "%{" + axis + ":,.0f}"
    return f"{amount} kr" if lang == "nb" else f"NOK {amount}"


def translated(values: Iterable, prefix: str, lang: str) -> list[str]:
    values = list(values)
    names = {value: t(f"{prefix}.{value}", lang) for value in set(values)}
    return [names[value] for value in values]


def level_names(values: Iterable, lang: str) -> list:
    """Levels in the reader's language (Mature is "Moden klynge" in Norwegian); a value that is
    no level (a year without one) is kept as it is."""
    names = {level: t(f"level.{level}", lang) for level in LEVELS}
    return [names.get(value, value) for value in values]


def level_order(lang: str) -> list[str]:
    return [t(f"level.{level}", lang) for level in LEVELS]


def area_names(areas: pd.DataFrame, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Opportunity-area names in the reader's language by id, and the shared colour by name."""
    names = dict(zip(areas["area_id"], areas[f"name_{lang}"], strict=True))
    return names, {names[k]: v for k, v in theme.AREA_COLOURS.items() if k in names}


def colour_map(colours: dict[str, str], prefix: str, lang: str) -> dict[str, str]:
    return {t(f"{prefix}.{key}", lang): colour for key, colour in colours.items()}


def stacked_bars(
    frame: Frame,
    category: str,
    value: str,
    colour: str,
    colours: dict[str, str],
    pattern_of: str,
    patterns: dict[str, str],
    hover: str,
    horizontal: bool = False,
    pattern_legend: bool = True,
) -> list[Trace]:
    """Bars (to stack: `barmode` "stack") by `colour`, each part patterned by `pattern_of`; the
    legend lists colours and patterns once each, so it stays short however many combinations
    there are."""
    bars = []
    shown: set[str] = set()
    _, parts = split(frame, (colour, pattern_of), (category, value, colour, pattern_of))
    for (name, kind), part in parts.items():
        bars.append(
            {
                "type": "bar",
                "y" if horizontal else "x": part[category],
                "x" if horizontal else "y": part[value],
                "name": name,
                "legendgroup": name,
                "showlegend": name not in shown,
                "orientation": "h" if horizontal else "v",
                "marker": {
                    "color": colours.get(name, "#999999"),
                    "pattern": pattern(patterns.get(kind, ""), fgcolor="#FFFFFF", solidity=0.35),
                },
                "customdata": record(part, colour, pattern_of),
                "hovertemplate": hover,
            }
        )
        shown.add(name)
    present = [kind for kind in patterns if kind in set(columns(frame, pattern_of)[pattern_of])]
    if pattern_legend and any(patterns[kind] for kind in present):
        bars += [
            {
                "type": "bar",
                "x": [None],
                "y": [None],
                "name": kind,
                "legendgroup": "pattern",
                "marker": {
                    "color": "#FFFFFF",
                    "line": {"color": "#555555", "width": 1},
                    "pattern": pattern(patterns[kind], fgcolor="#555555"),
                },
                "hoverinfo": "skip",
            }
            for kind in present
        ]
    return bars


def timeline_bars(
    parts: dict[Hashable, Columns],
    row: str,
    colours: dict,
    hover: str,
    custom: Sequence[str],
    shapes: dict | None = None,
    outline: dict | None = None,
) -> list[Trace]:
    """Horizontal bars on a date axis (`barmode` "overlay"), a trace per part (see `split`):
    each row of a part is a bar from its `from` day running its `span_ms` (see `span_ms`), on the
    axis row its `row` cell names, coloured (and patterned, `shapes`) as its part. The level
    history, the label timeline and the comparison's rows all draw with it."""
    return [
        grouped(
            "bar",
            name,
            base=part["from"],
            x=part["span_ms"],
            y=part[row],
            orientation="h",
            marker={
                "color": colours[name],
                "pattern": pattern(shapes[name] if shapes else ""),
                **({"line": outline} if outline else {}),
            },
            customdata=record(part, *custom),
            hovertemplate=hover,
        )
        for name, part in parts.items()
    ]


def empty_rows(rows: Sequence[str], drawn: Iterable[str]) -> list[Trace]:
    """An invisible trace that keeps the rows with nothing to draw on a category axis (a cluster
    without an award stays in a comparison, as an empty row)."""
    missing = [name for name in rows if name not in set(drawn)]
    if not missing:
        return []
    return [
        {
            "type": "scatter",
            "x": [None] * len(missing),
            "y": missing,
            "mode": "markers",
            "showlegend": False,
            "hoverinfo": "skip",
        }
    ]


def row_axis(rows: Sequence[str]) -> dict:
    """A category axis with exactly `rows`, the first on top, each a full slot: rows with
    nothing drawn keep their place, and a few rows are not padded out as a few bars are."""
    return {
        "categoryorder": "array",
        "categoryarray": list(rows)[::-1],
        "range": [-0.5, len(rows) - 0.5],
    }


def as_of_marks(start: pd.Timestamp, months: int, lang: str) -> dict:
    """A dashed line at the as-of date, named, and (for `months` > 0) the renewal horizon after
    it shaded and named: a date axis's `shapes` and `annotations`."""
    first = start.isoformat()
    line = {
        "type": "line",
        "x0": first,
        "x1": first,
        "y0": 0,
        "y1": 1,
        "yref": "paper",
        "line": {"color": "#000", "width": 2, "dash": "dash"},
    }
    marks = [(first, "timeline.today", "right")]
    shapes = [line]
    if months:
        last = (start + pd.DateOffset(months=months)).isoformat()
        shade = {
            "type": "rect",
            "x0": first,
            "x1": last,
            "xref": "x",
            "y0": 0,
            "y1": 1,
            "yref": "y domain",
            "fillcolor": "#E69F00",
            "opacity": 0.15,
            "line": {"width": 0},
        }
        shapes = [shade, line]
        marks.append((last, "timeline.horizon", "left"))
    names = [
        {
            "x": x,
            "y": 1,
            "yref": "paper",
            "text": t(key, lang),
            "showarrow": False,
            "xanchor": side,
            "yanchor": "bottom",
        }
        for x, key, side in marks
    ]
    return {"shapes": shapes, "annotations": names}


def integer_axis(top: float) -> dict:
    """Counts of clusters: whole-number ticks only, from zero, with room above the highest bar
    (and a 0–1 axis when every count is zero, not one around zero)."""
    return {"dtick": max(1, int(top // 6) or 1), "range": [0, max(top, 1) * 1.1]}


def empty_figure(title: str, lang: str) -> go.Figure:
    return style([], lang, title, "", "")

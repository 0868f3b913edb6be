"""What every chart shares: the look, hover texts, names in the reader's language, colour maps,
stacked bars with patterns, whole-number axes and the empty chart."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .. import theme
from ..contract import LEVELS
from ..i18n import t
from .traces import Frame, Trace, as_arrays, columns, pattern, record, split

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
    found = {
        "title": {"text": t(key, lang) if key else "", "font": {"color": theme.AXIS_TEXT}},
        "tickfont": {"color": theme.AXIS_TEXT},
    }
    if key == "axis.year":
        found.update(_year_axis(traces, axis))
    elif key in AXIS_FORMATS:
        found.update(AXIS_FORMATS[key])
    return found


def lettering(title: str, lang: str) -> dict:
    """The layout every figure shares for its words: the title, the font, a hover box of its own
    (not the trace's colour: text on Gold or Silver would be faint) and the reader's number
    separators. Every text colour is the figure's own (WCAG 2.1 AA, 4.5:1:
    tests/test_chart_contrast.py): what it leaves unset, Streamlit's theme draws too light."""
    text = {"color": theme.TEXT}
    return {
        "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 16, **text}},
        "font": {"family": theme.FONT, "size": 13, **text},
        "hoverlabel": {
            "namelength": -1,
            "bgcolor": theme.BACKGROUND,
            "bordercolor": theme.AXIS_TEXT,
            "font": text,
        },
        "separators": ", " if lang == "nb" else ".,",
    }


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
    # Every text colour is the figure's own (WCAG 2.1 AA, 4.5:1: tests/test_chart_contrast.py):
    # what it leaves unset, Streamlit's chart theme draws in a grey too light to read.
    text = {"color": theme.TEXT}
    notes = [
        {**note, "font": {**text, **note.get("font", {})}} for note in own.pop("annotations", [])
    ]
    look = {
        **lettering(title, lang),
        "paper_bgcolor": theme.BACKGROUND,
        "plot_bgcolor": theme.BACKGROUND,
        "margin": {"l": 10, "r": 10, "t": 100 if top_legend else 50, "b": 10},
        "legend": {
            **own.pop("legend", {}),
            "orientation": "h",
            "yanchor": "bottom" if top_legend else "top",
            "y": 1.02 if top_legend else -0.22,
            "x": 0,
            "title": {"text": legend, "side": "left", "font": text},
            "font": text,
        },
    }
    few = _category_axes(traces)
    for axis, key in (("x", x_axis), ("y", y_axis)):
        # the axis policy wins over a chart's own axis settings, as it did when applied last
        mine = own.pop(f"{axis}axis", {})
        padded = few.get(f"{axis}axis", {})
        if padded and "categoryarray" in mine:
            # a chart that names its slots (every level, present or not) is padded to those:
            # plotly gives each name in the array a slot, so the data's own count would cut
            # the range off before the categories that come later in the array
            slots = len(mine["categoryarray"])
            padded = {"range": _padded(0, slots - 1)} if slots < MIN_SLOTS else {}
        look[f"{axis}axis"] = {**padded, **mine, **_axis(traces, axis, key, lang)}
    if notes:
        look["annotations"] = notes
    return go.Figure(data=[as_arrays(trace) for trace in traces], layout={**own, **look})


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


def integer_axis(top: float) -> dict:
    """Counts of clusters: whole-number ticks only, from zero, with room above the highest bar
    (and a 0–1 axis when every count is zero, not one around zero)."""
    return {"dtick": max(1, int(top // 6) or 1), "range": [0, max(top, 1) * 1.1]}


def empty_figure(title: str, lang: str) -> go.Figure:
    return style([], lang, title, "", "")

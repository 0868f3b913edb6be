"""What every chart shares: the look, hover texts, names in the reader's language, colour maps,
stacked bars with patterns, whole-number axes and the empty chart."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .. import theme
from ..contract import LEVELS
from ..i18n import t

# Streamlit's chart theme styles every figure in the browser; building plotly's own default
# template into each figure only costs time (about a third of a page rerun).
pio.templates.default = "none"


def _values(fig: go.Figure, axis: str) -> list[float]:
    found: list[float] = []
    for trace in fig.data:
        values = trace[axis] if axis in trace else None  # noqa: SIM401 (plotly traces)
        if values is not None:
            found += [float(v) for v in values if v is not None and pd.notna(v)]
    return found


def _year_axis(fig: go.Figure, axis: str) -> dict:
    """Whole years only (never 2017.5, never a timestamp), every year when few, a padded range
    around a single year."""
    years = _values(fig, axis)
    if not years:
        return {"tickformat": "d"}
    first, last = int(min(years)), int(max(years))
    step = 1 if last - first <= 12 else 2 if last - first <= 24 else 5
    return {
        "tickmode": "array",
        "tickvals": list(range(first, last + 1, step)),
        "tickformat": "d",
        "range": [first - 0.6, last + 0.6],
    }


# One number format per kind of axis, keyed by the axis title's catalogue key: amounts in whole
# kroner with the reader's separators (no "250M"), counts in whole numbers from zero, dates as
# years (month names would come from the browser's locale, not the page's language).
AXIS_FORMATS: dict[str, dict] = {
    "axis.nok": {"tickformat": ",.0f", "rangemode": "tozero"},
    "axis.clusters": {"tickformat": ",d", "rangemode": "tozero"},
    "axis.members": {"tickformat": ",d", "rangemode": "tozero"},
    "axis.companies": {"tickformat": ",d", "rangemode": "tozero"},
    # one tick per 1 January: "%Y" on plotly's own ticks repeats a year on a short span
    "axis.date": {
        "tickformat": "%Y",
        "dtick": "M12",
        "tick0": "2000-01-01",
        "hoverformat": "%Y-%m-%d",
    },
}


def _axis(fig: go.Figure, axis: str, key: str, lang: str) -> None:
    update = fig.update_xaxes if axis == "x" else fig.update_yaxes
    update(title_text=t(key, lang) if key else "")
    if key == "axis.year":
        update(**_year_axis(fig, axis))
    elif key in AXIS_FORMATS:
        update(**AXIS_FORMATS[key])


def style(
    fig: go.Figure,
    lang: str,
    title: str,
    x_axis: str,
    y_axis: str,
    legend: str = "",
    top_legend: bool = False,
) -> go.Figure:
    """The shared look, and the axes titled and formatted by kind (`x_axis`, `y_axis`: catalogue
    keys such as `axis.year`, or ""); legends go below the plot, or above it for tall charts."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        font={"family": theme.FONT, "size": 13},
        margin={"l": 10, "r": 10, "t": 100 if top_legend else 50, "b": 10},
        legend={
            "orientation": "h",
            "yanchor": "bottom" if top_legend else "top",
            "y": 1.02 if top_legend else -0.22,
            "x": 0,
            "title": {"text": legend, "side": "left"},
        },
        hoverlabel={"namelength": -1},
        separators=", " if lang == "nb" else ".,",
    )
    _axis(fig, "x", x_axis, lang)
    _axis(fig, "y", y_axis, lang)
    # Patterns draw over the bar's colour; without a template plotly would replace the colour.
    fig.update_traces(marker_pattern_fillmode="overlay", selector={"type": "bar"})
    return fig


def nok_hover(axis: str, lang: str) -> str:
    """A hover amount in kroner: nb `1 234 567 kr`, en `NOK 1,234,567`."""
    amount = "%{" + axis + ":,.0f}"
    return f"{amount} kr" if lang == "nb" else f"NOK {amount}"


def translated(values: pd.Series, prefix: str, lang: str) -> pd.Series:
    return values.map(lambda v: t(f"{prefix}.{v}", lang))


def level_names(values: pd.Series, lang: str) -> pd.Series:
    """Levels in the reader's language (Mature is "Moden klynge" in Norwegian); a value that is
    no level (a year without one) is kept as it is."""
    return values.map(lambda v: t(f"level.{v}", lang) if v in LEVELS else v)


def level_order(lang: str) -> list[str]:
    return [t(f"level.{level}", lang) for level in LEVELS]


def area_names(areas: pd.DataFrame, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Opportunity-area names in the reader's language by id, and the shared colour by name."""
    names = dict(zip(areas["area_id"], areas[f"name_{lang}"], strict=True))
    return names, {names[k]: v for k, v in theme.AREA_COLOURS.items() if k in names}


def colour_map(colours: dict[str, str], prefix: str, lang: str) -> dict[str, str]:
    return {t(f"{prefix}.{key}", lang): colour for key, colour in colours.items()}


def stacked_bars(
    frame: pd.DataFrame,
    category: str,
    value: str,
    colour: str,
    colours: dict[str, str],
    pattern: str,
    patterns: dict[str, str],
    hover: str,
    horizontal: bool = False,
    pattern_legend: bool = True,
) -> go.Figure:
    """Bars stacked by `colour`, each part patterned by `pattern`; the legend lists colours and
    patterns once each, so it stays short however many combinations there are."""
    fig = go.Figure()
    shown: set[str] = set()
    for (name, kind), part in frame.groupby([colour, pattern], sort=False):
        axes = (
            {"y": part[category], "x": part[value]}
            if horizontal
            else {"x": part[category], "y": part[value]}
        )
        fig.add_trace(
            go.Bar(
                **axes,
                name=name,
                legendgroup=name,
                showlegend=name not in shown,
                orientation="h" if horizontal else "v",
                marker={
                    "color": colours.get(name, "#999999"),
                    "pattern": {
                        "shape": patterns.get(kind, ""),
                        "fgcolor": "#FFFFFF",
                        "solidity": 0.35,
                    },
                },
                customdata=part[[colour, pattern]].to_numpy(),
                hovertemplate=hover,
            )
        )
        shown.add(name)
    present = [kind for kind in patterns if kind in set(frame[pattern])]
    if pattern_legend and any(patterns[kind] for kind in present):
        for kind in present:
            fig.add_trace(
                go.Bar(
                    x=[None],
                    y=[None],
                    name=kind,
                    legendgroup="pattern",
                    marker={
                        "color": "#FFFFFF",
                        "line": {"color": "#555555", "width": 1},
                        "pattern": {"shape": patterns[kind], "fgcolor": "#555555"},
                    },
                    hoverinfo="skip",
                )
            )
    fig.update_layout(barmode="stack")
    return fig


def integer_axis(fig: go.Figure, top: float, axis: str = "y") -> None:
    """Counts of clusters: whole-number ticks only."""
    step = max(1, int(top // 6) or 1)
    (fig.update_yaxes if axis == "y" else fig.update_xaxes)(dtick=step, rangemode="tozero")


def empty_figure(title: str, lang: str) -> go.Figure:
    return style(go.Figure(), lang, title, "", "")

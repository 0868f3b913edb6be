"""Clusters by county: a tile map, one square per county in force on the date, placed on a fixed
grid roughly where the county lies (theme.toml), coloured by its count and labelled with it. It
needs no map tiles, no geo file and no network."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale, unlabel_rgb

from .. import theme
from ..contract import LABELS
from ..i18n import number, t
from .common import empty_figure, lettering
from .traces import columns

CELL = 92  # pixels per grid cell; a tile leaves a few between its neighbours
TILE = 86
MARGIN = {"l": 8, "r": 8, "t": 40, "b": 70}
LABEL_COLUMNS = {label: label.lower() for label in LABELS}  # the extract's column per label
WRAP = 11  # a name longer than this breaks into two lines
LABEL_LINE = 17  # labels held longer than this take a line each


def _luminance(rgb: tuple[float, ...]) -> float:
    """WCAG relative luminance of an sRGB colour (0–255 channels)."""

    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_colour(fill: str) -> str:
    """Black or white, whichever contrasts more with `fill` (an `rgb(...)` or `#rrggbb`)."""
    rgb = (
        unlabel_rgb(fill)
        if fill.startswith("rgb")
        else tuple(int(fill[i : i + 2], 16) for i in (1, 3, 5))
    )
    light = _luminance(rgb)
    on_black = (light + 0.05) / 0.05
    on_white = 1.05 / (light + 0.05)
    return "#000000" if on_black >= on_white else "#FFFFFF"


def _wrapped(name: str) -> str:
    """A long county name on two lines, broken at " og " or a hyphen."""
    if len(name) <= WRAP:
        return name
    if " og " in name:
        first, rest = name.split(" og ", 1)
        return f"{first} og<br>{rest}"
    if "-" in name:
        first, rest = name.split("-", 1)
        return f"{first}-<br>{rest}"
    return name


def _scale() -> list[list]:
    steps = theme.COUNTY_SCALE
    return [[i / (len(steps) - 1), colour] for i, colour in enumerate(steps)]


def county_map(counts: pd.DataFrame, chosen: Sequence[str], lang: str) -> go.Figure:
    """A tile per county of the date (`county_counts`, its rows with a county): the colour and the
    number are the clusters in the programme there (0: a light tile, a known zero), the labels
    they hold below it; the counties in `chosen` are outlined. Each tile's customdata is its
    county, for a click to choose it."""
    title = t("overview.counties_chart", lang)
    text = {
        "color": theme.TEXT
    }  # every text colour the figure's own (tests/test_chart_contrast.py)
    cells = columns(counts, "county", "in_programme", *LABEL_COLUMNS.values())
    keep = [isinstance(county, str) for county in cells["county"]]
    tiles = {
        name: [v for v, k in zip(values, keep, strict=True) if k] for name, values in cells.items()
    }
    if not tiles["county"]:
        return empty_figure(title, lang)
    grid = theme.COUNTY_GRID
    width = 1 + max(column for column, _ in grid.values())
    height = 1 + max(row for _, row in grid.values())
    places, spare = [], 0
    for county in tiles["county"]:
        if county in grid:
            places.append(grid[county])
        else:  # a county the layout does not know yet: a row below the map, in order
            places.append((spare % width, height + spare // width))
            spare += 1
    rows = height + (spare + width - 1) // width
    top = max(1, max(tiles["in_programme"]))
    scale = _scale()
    fills = sample_colorscale(scale, [n / top for n in tiles["in_programme"]])
    chosen_set = set(chosen)
    label_names = {label: t(f"label.{label}", lang) for label in LABELS}
    texts, hovers = [], []
    for i, county in enumerate(tiles["county"]):
        held = [
            f"{number(tiles[column][i], lang)} {label_names[label].lower()}"
            for label, column in reversed(LABEL_COLUMNS.items())
            if tiles[column][i]
        ]
        count = number(tiles["in_programme"][i], lang)
        labels = " · ".join(held)
        if len(labels) > LABEL_LINE:  # "12 gull · 3 bronse" would not fit a tile: a line each
            labels = "<br>".join(held)
        texts.append(f"<b>{_wrapped(county)}</b><br>{count}" + (f"<br>{labels}" if held else ""))
        hovers.append(
            t("overview.counties_hover", lang, county=county, clusters=count)
            + "".join(
                f"<br>{label_names[label]}: {number(tiles[column][i], lang)}"
                for label, column in reversed(LABEL_COLUMNS.items())
            )
        )
    outline = [county in chosen_set for county in tiles["county"]]
    tile_trace = {
        "type": "scatter",
        "x": [column for column, _ in places],
        "y": [row for _, row in places],
        "mode": "markers+text",
        "text": texts,
        "textposition": "middle center",
        "textfont": {"color": [text_colour(fill) for fill in fills], "size": 11},
        "marker": {
            "symbol": "square",
            "size": TILE,
            "color": tiles["in_programme"],
            "colorscale": scale,
            "cmin": 0,
            "cmax": top,
            "line": {
                "color": [theme.COUNTY_CHOSEN if o else "#FFFFFF" for o in outline],
                "width": [5 if o else 1 for o in outline],
            },
            "showscale": True,
            "colorbar": {
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "y": -0.01,
                "yanchor": "top",
                "len": 1,
                "thickness": 12,
                "title": {"text": t("overview.counties_scale", lang), "side": "top", "font": text},
                "tickfont": text,
                "tickformat": ",d",
                "dtick": max(1, top // 5),
            },
        },
        "customdata": [[county] for county in tiles["county"]],
        "hovertemplate": [h + "<extra></extra>" for h in hovers],
        "showlegend": False,
        # the chosen tile is shown by its outline: a click does not dim the others
        "selected": {"marker": {"opacity": 1}},
        "unselected": {"marker": {"opacity": 1}},
    }
    text = {
        "color": theme.TEXT
    }  # every text colour the figure's own (tests/test_chart_contrast.py)
    axis = {
        "visible": False,
        "fixedrange": True,
        "tickfont": text,
        "title": {"font": text},
    }
    layout = {
        "width": MARGIN["l"] + MARGIN["r"] + width * CELL,
        "height": MARGIN["t"] + MARGIN["b"] + rows * CELL,
        "autosize": False,
        "margin": MARGIN,
        "xaxis": {**axis, "range": [-0.5, width - 0.5]},
        "yaxis": {**axis, "range": [rows - 0.5, -0.5]},
        "dragmode": False,
        "hovermode": "closest",
        "clickmode": "event+select",
        "plot_bgcolor": theme.BACKGROUND,
        "paper_bgcolor": theme.BACKGROUND,
        "legend": {"font": text, "title": {"font": text}},
    }
    return go.Figure(data=[tile_trace], layout={**layout, **lettering(title, lang)})

"""What a board brief is made of: tiles, tables, charts and notes, every text already in the
reader's language, for the template (brief.html) to lay out. The template formats nothing: each
cell is the text a reader sees, with a link where a source is cited."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from ..i18n import CATALOGUE, nok, number, t
from ..i18n import date as format_date

SITE = re.compile(r"https?://(?:www\.)?([^/?#]+)")
# A brief is one page: a table shows its latest rows and says how many earlier ones the CSV
# download of the same extract holds.
MAX_ROWS = 7
# Charts are drawn smaller than on screen: the builders' heights times this, within bounds.
CHART_SCALE, CHART_MIN, CHART_MAX = 0.62, 150, 330
CHART_FONT, CHART_TITLE_FONT = 9, 11


@dataclass(frozen=True)
class Cell:
    """One table cell: its text, a link (a cited source) and a CSS class (`num`, `Gold`,
    `expiring`: colours that match the dashboard's, always with the text beside them)."""

    text: str
    href: str | None = None
    css: str = ""


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""  # what the table leaves out, or says when it is empty
    kind: str = "table"


@dataclass(frozen=True)
class Chart:
    """A figure from one of the pages' chart builders, as plotly JSON, drawn `height` px high
    under its title. An `optional` chart is left out when the page would run over (the template
    drops those first, the last first)."""

    title: str
    figure: str
    height: int
    optional: bool = False
    kind: str = "chart"


@dataclass(frozen=True)
class Notes:
    title: str
    items: tuple[str, ...]
    kind: str = "notes"


@dataclass(frozen=True)
class Links:
    """Cited sources by site (the link text), each linking to the page it cites."""

    title: str
    links: tuple[Cell, ...]
    kind: str = "links"


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    detail: str = ""
    source: Cell | None = None


@dataclass(frozen=True)
class Brief:
    """One page: a header, a strip of tiles, two columns of blocks and a footer."""

    lang: str
    kicker: str
    title: str
    lines: tuple[str, ...]
    dates: tuple[str, ...]
    tiles: tuple[Tile, ...]
    left: tuple[Table | Chart | Notes | Links, ...]
    right: tuple[Table | Chart | Notes | Links, ...]
    footer: tuple[str, ...] = field(default=())


def site(url: object) -> Cell:
    """A source as its site's name (`gceocean.no`) linking to the page, or a dash."""
    if not isinstance(url, str) or not url:
        return Cell("–")
    found = SITE.match(url)  # only web addresses are links
    return Cell(found.group(1), href=url) if found else Cell(url)


def sites(urls: Iterable[object]) -> tuple[Cell, ...]:
    """Each distinct source once, by site; a site's second page is `site (2)`, and so on."""
    cells = sorted(
        (site(url) for url in dict.fromkeys(u for u in urls if isinstance(u, str) and u)),
        key=lambda cell: cell.text,
    )
    seen: dict[str, int] = {}
    for index, cell in enumerate(cells):
        seen[cell.text] = seen.get(cell.text, 0) + 1
        if seen[cell.text] > 1:
            cells[index] = Cell(f"{cell.text} ({seen[cell.text]})", cell.href)
    return tuple(cells)


def when(value: object, lang: str) -> str:
    """A date in the reader's language, or a dash for unknown."""
    if isinstance(value, dt.date | pd.Timestamp) and pd.notna(value):
        return format_date(value.date() if isinstance(value, pd.Timestamp) else value, lang)
    return "–"


def named(value: object, prefix: str, lang: str) -> str:
    """A coded value (level, label, status, basis, provenance, funder, rule) by its name."""
    key = f"{prefix}.{value}"
    return t(key, lang) if isinstance(value, str) and key in CATALOGUE else "–"


def count(value: object, lang: str) -> str:
    return number(float(value), lang) if pd.notna(value) else "–"


def kroner(value: object, lang: str) -> str:
    return nok(float(value), lang) if pd.notna(value) else "–"


def coded(value: object, prefix: str, lang: str) -> Cell:
    """A named code, classed by what it is (`label-Gold`, `status-expiring`), so a label or a
    status cell gets the dashboard's colour beside its name."""
    css = f"{prefix}-{value}".replace(" ", "_") if isinstance(value, str) else ""
    return Cell(named(value, prefix, lang), css=css)


def latest(frame: pd.DataFrame, by: Sequence[str], lang: str) -> tuple[pd.DataFrame, str]:
    """The latest MAX_ROWS rows of `frame` (ordered by `by`, oldest first) and a note of how
    many earlier ones are left out."""
    ordered = frame.sort_values(list(by), kind="stable")
    left_out = len(ordered) - MAX_ROWS
    if left_out <= 0:
        return ordered, ""
    return ordered.tail(MAX_ROWS), t("brief.rows_left_out", lang, rows=number(left_out, lang))


def _merged(base: dict, change: dict) -> dict:
    """`base` with `change` written over it, nested settings merged, not replaced."""
    out = dict(base)
    for key, value in change.items():
        known = out.get(key)
        out[key] = (
            _merged(known, value) if isinstance(known, dict) and isinstance(value, dict) else value
        )
    return out


def chart(figure: go.Figure, optional: bool = False, title: str | None = None) -> Chart:
    """A builder's figure for print: the same traces and axes in smaller type, its title (or
    `title`; "" for none, under a table of the same name) above it on the page, the legend on
    top, margins that make room for the axes' labels. (Changed as plain JSON: plotly's checks of
    every setting would take longer than the rest of the brief.)"""
    spec = figure.to_plotly_json()
    layout = spec["layout"]
    height = int(min(CHART_MAX, max(CHART_MIN, (layout.get("height") or 300) * CHART_SCALE)))
    own = layout.pop("title", {}).get("text") or ""
    # The timeline names its as-of line and horizon just above the plot: the legend goes above.
    lift = 16 / max(60, height - 70) if layout.get("annotations") else 0.02
    spec["layout"] = _merged(
        layout,
        {
            "font": {"size": CHART_FONT},
            "margin": {"l": 2, "r": 6, "t": 8, "b": 2},
            "legend": {"y": 1 + lift, "yanchor": "bottom", "font": {"size": CHART_FONT - 0.5}},
            "xaxis": {"automargin": True, "title": {"standoff": 4}},
            "yaxis": {"automargin": True, "title": {"standoff": 4}},
            "height": height,
            "hovermode": False,
        },
    )
    text = json.dumps(spec, cls=PlotlyJSONEncoder, separators=(",", ":"))
    return Chart(own if title is None else title, text, height, optional)


def dates(meta: dict[str, str], as_of: dt.date, lang: str) -> tuple[tuple[str, ...], list[str]]:
    """The header's dates (as of, facts up to) and, for a date past the latest fact, the note
    that what follows is carried forward by rules, as every page says it."""
    currency = dt.date.fromisoformat(meta["data_as_of"])
    shown = (
        t("common.as_of", lang, date=when(as_of, lang)),
        t("common.currency", lang, date=when(currency, lang)),
    )
    past = [t("common.past_currency", lang, date=when(currency, lang))] if as_of > currency else []
    return shown, past


def footer(meta: dict[str, str], lang: str) -> tuple[str, ...]:
    built = dt.datetime.fromisoformat(meta["built_at"]).date()
    return (
        t("common.provenance_note", lang),
        t("brief.made", lang, date=when(dt.date.today(), lang), built=when(built, lang)),
    )

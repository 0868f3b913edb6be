"""Spans on a date axis, one row per level or cluster: the bars of the level history, the label
timeline and the comparison, the rows they keep, and the as-of date with the renewal horizon."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import pandas as pd

from ..i18n import t
from .traces import Columns, Trace, grouped, pattern, record


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

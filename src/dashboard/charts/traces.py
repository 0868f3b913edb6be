"""From an extract's few rows to plotly traces, as plotly express would draw them but at a
fraction of its cost: one trace per group in express's order and colours, rows as plain lists
(a long trace's as arrays, once, as the figure is made: `as_arrays`).

A trace is a plain dict with its plotly `type` ("bar", "scatter", ...): the figure checks it,
once, as it is made (a go.Bar made first would be checked again there, at twice the cost).
Chart frames are small, and pandas spends more time per call than Python does on their rows.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence

import numpy as np
import pandas as pd
from plotly.colors import qualitative

Trace = dict
# A frame's columns as lists, by name: what `columns`, `summed` and each part of `split` give.
Columns = dict[str, list]
Frame = pd.DataFrame | Mapping[str, Sequence]

# What plotly express (template "none") gives a value that a colour, symbol or pattern map lacks.
PX_COLOURS: list[str] = qualitative.D3
PX_SYMBOLS = ["circle", "diamond", "square", "x", "cross"]
PX_PATTERNS = ["", "/", "\\", "x", "+", "."]
# A trace's data fields, and the length past which they go to the figure as arrays: plotly checks
# and copies a list point by point (a scatter of 1,000 points costs 14 ms as lists, 4 ms as
# arrays; 20 points cost less as lists), and sends a numeric array to the browser as binary.
DATA_FIELDS = ("x", "y", "base", "text", "hovertext", "customdata")
LONG_TRACE = 200


def ranked(values: Sequence, descending: bool = False) -> list[int]:
    """The positions of `values` in sorted order, by pandas' own sort, so that equal values
    keep the places they had when pandas sorted them."""
    return pd.Series(np.asarray(values)).sort_values(ascending=not descending).index.tolist()


def columns(frame: Frame, *names: str) -> Columns:
    """The columns `names` of `frame` as lists."""
    if isinstance(frame, pd.DataFrame):
        return {name: frame[name].tolist() for name in names}
    return {name: list(frame[name]) for name in names}


def kept(cells: Columns, keep: Sequence[bool]) -> Columns:
    """The rows of `cells` where `keep` is true."""
    return {
        name: [v for v, k in zip(values, keep, strict=True) if k] for name, values in cells.items()
    }


def split(
    frame: Frame,
    by: str | tuple[str, ...],
    shown: Sequence[str],
    order: Sequence[Hashable] = (),
) -> tuple[list[Hashable], dict[Hashable, Columns]]:
    """The columns `shown` of the rows with each value of `by` (a column, or a tuple of them),
    one trace each, in plotly express's order: the values of `order` first, then the others as
    they first appear; rows keep their order, rows without a value are left out. Also every
    value in that order, present or not, for `assigned`."""
    names = (by,) if isinstance(by, str) else by
    cells = columns(frame, *dict.fromkeys([*names, *shown]))
    keys = cells[by] if isinstance(by, str) else list(zip(*(cells[n] for n in by), strict=True))
    rows: dict[Hashable, list[int]] = {}
    for index, key in enumerate(keys):
        if all(pd.notna(k) for k in ((key,) if isinstance(by, str) else key)):
            rows.setdefault(key, []).append(index)
    values = list(dict.fromkeys([*order, *rows]))
    return values, {
        value: {name: [cells[name][i] for i in rows[value]] for name in shown}
        for value in values
        if value in rows
    }


def summed(
    frame: Frame,
    keys: Sequence[str],
    value: str,
    order: Callable[[tuple], object] | None = None,
) -> Columns:
    """`frame.groupby(keys, as_index=False)[value].sum()`: rows without a key are left out, as
    are missing values from a sum; the sums sorted by their keys, or by `order` of the keys
    (ties by key)."""
    cells = columns(frame, *keys, value)
    sums: dict[tuple, float] = {}
    for *key, amount in zip(*cells.values(), strict=True):
        if all(pd.notna(k) for k in key):
            sums[tuple(key)] = sums.get(tuple(key), 0) + (amount if pd.notna(amount) else 0)
    rows = sorted(sorted(sums), key=order) if order else sorted(sums)
    found = {key: [row[i] for row in rows] for i, key in enumerate(keys)}
    return {**found, value: [sums[row] for row in rows]}


def record(part: Columns, *names: str) -> list[list]:
    """Per row, the cells of the columns `names`: a trace's `customdata`."""
    return [list(row) for row in zip(*(part[name] for name in names), strict=True)]


def assigned(values: Sequence[Hashable], mapping: dict, fallback: Sequence) -> dict:
    """`mapping` for every one of `values`; a value it lacks takes the next of `fallback`, as in
    plotly express."""
    chosen = dict(mapping)
    for value in values:
        if value not in chosen:
            chosen[value] = fallback[len(chosen) % len(fallback)]
    return chosen


def grouped(kind: str, name: Hashable, **fields: object) -> Trace:
    """A trace of plotly type `kind` for one group: named, in a legend group of its own, as
    plotly express makes it."""
    shown = str(name)
    return {"type": kind, "name": shown, "legendgroup": shown, "showlegend": shown != "", **fields}


def pattern(shape: str = "", **more: object) -> dict:
    """A bar's pattern, drawn over the bar's colour: without a template plotly would replace
    the colour."""
    return {"shape": shape, **more, "fillmode": "overlay"}


def stamps(dates: pd.Series) -> np.ndarray:
    """Dates as datetime64 (NaT for none), to the millisecond."""
    values = dates.to_numpy()
    if values.dtype.kind != "M":  # dates as objects (datetime.date), not datetime64
        values = pd.to_datetime(dates).to_numpy()
    return values.astype("datetime64[ms]")


def iso(dates: pd.Series) -> list[str | None]:
    """Dates as the figure's JSON gives them to the browser ("2019-01-01T00:00:00", None for no
    date): text is copied and checked faster than timestamps, and reads the same in plotly."""
    text = np.datetime_as_string(stamps(dates), unit="s").tolist()
    return [None if day == "NaT" else day for day in text]


def span_ms(start: pd.Series, end: pd.Series, days: int = 0, open_end: object = None) -> list:
    """How long a bar from `start` (its `base`) to `days` days after `end` is on a date axis, in
    milliseconds; an `end` that is missing is taken as `open_end`."""
    first, last = stamps(start), stamps(end)
    if open_end is not None:
        last = np.where(np.isnat(last), np.datetime64(open_end, "ms"), last)
    spans = (last - first + np.timedelta64(days, "D")).astype("timedelta64[ms]")
    missing = np.isnat(spans).tolist()
    return [
        None if gap else ms for ms, gap in zip(spans.astype("int64").tolist(), missing, strict=True)
    ]


def as_arrays(trace: Trace) -> Trace:
    """`trace` with each data field of LONG_TRACE values or more as an array: numbers as a
    numeric array, anything else (text, dates as text, gaps as None, customdata rows) as
    objects, so a value reaches the browser as it is."""
    long = {
        name: _array(values)
        for name in DATA_FIELDS
        if isinstance(values := trace.get(name), list) and len(values) >= LONG_TRACE
    }
    return {**trace, **long} if long else trace


def _array(values: list) -> np.ndarray:
    if isinstance(values[0], int | float) and not isinstance(values[0], bool):
        numbers = np.asarray(values)
        if numbers.dtype.kind in "iuf":  # a gap (None) or a word among them keeps them objects
            return numbers
    return np.asarray(values, dtype=object)

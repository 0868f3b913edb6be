"""What pages draw with: charts, fact tiles, tables and downloads, one pattern each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from .. import extracts, theme
from ..filters import DEFAULT_MONTHS, Filters
from ..i18n import CATALOGUE, number, t
from ..i18n import date as format_date
from . import cache, terms
from .state import language

DATE_COLUMNS = (
    "held_from",
    "held_on",
    "awarded_on",
    "valid_until",
    "start_date",
    "end_date",
    "renew_by",
    "confirmed_on",
    "reference_date",
)
COLUMN_KEYS = {key for key in CATALOGUE if key.startswith("col.")}
WRITTEN_TWICE = extracts.WRITTEN_TWICE
PAGE_ROWS = 50
# Column widths in pixels: a date in either language ("30 Sept 2026", "30.09.2026") and a
# cluster's name with its former name fit whole.
DATE_WIDTH, CLUSTER_WIDTH = 105, 270
# The grid's row height: a short table's box is as tall as its rows, not drawn for ten.
ROW_PX, SHOWN_ROWS = 35, 10
ICONS = {"csv": ":material/download:", "xlsx": ":material/table:", "ics": ":material/event:"}


def chart(
    builder: Callable[..., go.Figure], *args: Any, title: str | None = None, where: Any = st
) -> None:
    """Draw the chart `builder` makes of `args` (see cache.figure); `title` replaces the
    builder's title, e.g. where a subheader already says it."""
    figure = cache.figure(builder, *args, title=title)
    if not figure.data:  # one empty state for every chart: say so, draw no empty axes
        shown = figure.layout.title.text or ""
        where.info(t("common.no_chart_data", language(), title=shown), icon=":material/info:")
        return
    where.plotly_chart(figure, width="stretch")


def fact(label: str, value: str, help: str | None = None) -> None:
    """A bordered tile for a short text fact (st.metric would cut words off)."""
    with st.container(border=True):
        st.caption(label, help=help)
        st.markdown(f"**{value}**")


def download(
    name: str,
    filters: Filters,
    lang: str,
    cluster_id: str | None = None,
    months: int = DEFAULT_MONTHS,
    key: str | None = None,
    calendar: bool = False,
) -> None:
    """Downloads of exactly the extract behind a view (the export CLI's code path), side by
    side: CSV, Excel and, with `calendar` (renewals), an .ics of its dates. Each is named by
    what it holds, so the downloads of a page are told apart, and made only on click from the
    cached extract: a page keeps no file bytes."""
    key = key or f"download_{name}"
    what = t(f"extract.{name}", lang)

    def rows() -> pd.DataFrame:
        return cache.extract(name, filters, cluster_id, months)

    def csv() -> bytes:
        return extracts.to_csv(rows(), lang)

    # openpyxl and icalendar load on a first Excel or calendar download, not with every page:
    # a server that never writes one keeps 10 MB less resident
    def xlsx() -> bytes:
        from .. import workbook

        facts = cache.store_facts()
        return workbook.xlsx_bytes(rows(), name, filters, lang, facts, cluster_id, months)

    def ics_file() -> bytes:
        from .. import ics

        return ics.ics_bytes(rows(), filters, lang, cache.store_facts(), cluster_id, months)

    kinds = [
        ("csv", csv, t("common.download", lang, what=what), t("common.download_help", lang)),
        (
            "xlsx",
            xlsx,
            t("common.download_xlsx", lang, what=what),
            t("common.download_xlsx_help", lang),
        ),
    ]
    if calendar:
        kinds.append(
            (
                "ics",
                ics_file,
                t("common.download_ics", lang, what=what),
                t("common.download_ics_help", lang),
            )
        )
    with st.container(horizontal=True, gap="small"):
        for suffix, made, label, help_text in kinds:
            st.download_button(
                label,
                data=made,
                file_name=extracts.file_name(name, filters, cluster_id, months, suffix),
                mime=extracts.MIME_TYPES[suffix],
                key=key if suffix == "csv" else f"{key}_{suffix}",
                help=help_text,
                icon=ICONS[suffix],
                # a calendar of no renewals would be an empty file: the page says none are due
                disabled=suffix == "ics" and rows().empty,
            )


def _colour_cells(value: object) -> str:
    colour = theme.STATUS_COLOURS.get(str(value)) or theme.LABEL_COLOURS.get(str(value))
    if not colour:
        return ""
    text = theme.STATUS_TEXT_COLOURS.get(str(value)) or theme.LABEL_TEXT_COLOURS[str(value)]
    return f"background-color: {colour}; color: {text}"


COLOURED_COLUMNS = ("status", "state", "label", "last_label")
CELL_STYLES = {
    value: _colour_cells(value) for value in (*theme.STATUS_COLOURS, *theme.LABEL_COLOURS)
}


def _page_of(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows of the page the reader picked, when a table is longer than PAGE_ROWS."""
    if len(frame) <= PAGE_ROWS:
        return frame
    pages = (len(frame) + PAGE_ROWS - 1) // PAGE_ROWS
    key = f"w_table_page_{len(frame)}_{'_'.join(map(str, frame.columns[:3]))}"
    picker, note = st.columns([1, 4], vertical_alignment="bottom")
    page = picker.number_input(
        t("common.table_page", lang, pages=pages),
        min_value=1,
        max_value=pages,
        value=1,
        step=1,
        key=key,
    )
    first = (page - 1) * PAGE_ROWS
    last = min(first + PAGE_ROWS, len(frame))
    note.caption(t("common.table_rows", lang, first=first + 1, last=last, total=len(frame)))
    return frame.iloc[first : first + PAGE_ROWS]


# Coded cells the screen names: those a reader's download names (extracts.VALUE_NAMES, by
# catalogue prefix) and the columns only a table shows; what an empty one reads ("" if unsaid).
NAMED = {**extracts.VALUE_NAMES, "state": "status", "end_rule": "rule", "unit": "unit"}
EMPTY_NAMED = {column: "—" for column in ("label", "last_label")} | {
    column: "–" for column in ("level", "rule_id", "end_rule", "unit")
}


def _config(column: str, lang: str) -> Any:
    """The column's header, width and tooltip."""
    header = t(f"col.{column}", lang) if f"col.{column}" in COLUMN_KEYS else column
    if column == "source_url":
        return st.column_config.LinkColumn(
            header, display_text=r"https?://(?:www\.)?([^/]+)", width="medium"
        )
    if column in ("status", "state"):
        return st.column_config.TextColumn(
            t("col.status", lang), width=115, help=terms.help_for(*terms.STATUSES, lang=lang)
        )
    if column in ("label", "last_label"):
        return st.column_config.TextColumn(
            t("col.label", lang), width="small", help=terms.help_for(*terms.LABELS, lang=lang)
        )
    if column == "level":
        return st.column_config.TextColumn(
            header, width="small", help=terms.help_for(*terms.LEVELS, lang=lang)
        )
    if column in ("rule_id", "end_rule"):
        return st.column_config.TextColumn(header, width="medium")
    if column == "unit":
        return st.column_config.TextColumn(header, width="small")
    if column in ("provenance", "basis", "measure"):
        known = terms.help_for(*terms.PROVENANCES, lang=lang) if column == "provenance" else None
        return st.column_config.TextColumn(header, help=known)
    if column == "amount_nok":
        return st.column_config.NumberColumn(header, format="localized")
    if column in DATE_COLUMNS:
        return st.column_config.TextColumn(header, width=DATE_WIDTH)
    if column == "cluster":
        return st.column_config.TextColumn(header, width=CLUSTER_WIDTH)
    if column in WRITTEN_TWICE or column == "issue":
        return st.column_config.TextColumn(header, width="large")
    return st.column_config.Column(header, width="small")


def _cells(column: str, frame: pd.DataFrame, lang: str) -> list:
    """The column's cells as the screen shows them: coded values named, dates written in the
    reader's way, text written twice in the reader's language (else the record's), and an
    empty cell as a dash, a number column's written out ("–" for unknown: the grid would draw
    a missing number as "None"). Lists, not pandas: a page of rows costs pandas more per call
    than Python spends on every cell."""
    series = frame[column]
    values = series.tolist()
    if column in NAMED:
        names = {v: t(f"{NAMED[column]}.{v}", lang) for v in set(values) if pd.notna(v)}
        empty = EMPTY_NAMED.get(column, "")
        return [names[v] if pd.notna(v) else empty for v in values]
    if column in DATE_COLUMNS:
        return [format_date(d, lang) if pd.notna(d) else "–" for d in values]
    if column in WRITTEN_TWICE and f"{column}_{lang}" in frame:
        own = frame[f"{column}_{lang}"].tolist()
        values = [mine if pd.notna(mine) else v for mine, v in zip(own, values, strict=True)]
    if not any(pd.isna(v) for v in values):
        return values
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return [number(v, lang) if pd.notna(v) else "–" for v in values]
    return [v if pd.notna(v) else "–" for v in values]


def table(
    frame: pd.DataFrame,
    columns: Sequence[str],
    lang: str,
    *,
    profile_link: bool = True,
    height: int | str = "auto",
    coloured: bool = True,
) -> None:
    """A table with translated headers, label/status cells named (and coloured), and links.
    Long tables are shown a page at a time (the download has every row)."""
    frame = _page_of(frame, lang)
    cells = {column: _cells(column, frame, lang) for column in columns}
    config: dict[str, object] = {
        column: _config(column, lang) for column in columns if column != "cluster_id"
    }
    if profile_link and "cluster_id" in frame:
        links = ["cluster?cluster=" + cluster for cluster in frame["cluster_id"].tolist()]
        first, *rest = cells.items()  # the link beside the row's first column
        cells = dict([first, ("profile", links), *rest])
        config["profile"] = st.column_config.LinkColumn(
            t("col.profile", lang), display_text=t("common.open", lang) + " ↗", width="small"
        )
    shown = pd.DataFrame(cells)
    fit = (len(shown) + 1) * ROW_PX + 3  # a box as tall as the rows: `height` is the most
    if height == "auto":
        height = fit if len(shown) < SHOWN_ROWS else "auto"
    else:
        height = min(int(height), fit)
    # A pandas Styler only where a cell is coloured: it costs 5–15 ms a table to send
    painted = [c for c in COLOURED_COLUMNS if coloured and c in shown]
    styled = shown.style.format(na_rep="–", precision=0) if painted else shown
    for column in painted:
        colours = [CELL_STYLES.get(v if pd.notna(v) else "none", "") for v in frame[column]]
        styled = styled.apply(lambda _s, colours=colours: colours, subset=[column])
    st.dataframe(
        styled,
        column_config=config,
        hide_index=True,
        width="stretch",
        height=height,
        column_order=[c for c in shown.columns if c != "cluster_id"],
    )

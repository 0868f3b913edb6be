"""The Excel (.xlsx) form of an extract: the rows a CSV download holds, typed, plus an About sheet.

A CSV leaves types to whoever opens it: Excel guesses, by the reader's locale, which cells are
dates and numbers (and turns an empty cell or a long id into something else). A workbook says it:
dates are date cells, counts are integers, decimals are numbers, unknown is an empty cell and
text stays text, whatever the reader's settings. Its About sheet (about.py) carries what the
file name can only hint at: filters, dates, provenance and sources.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from .about import About, StoreFacts, about
from .extracts import localise, neutral_text
from .filters import DEFAULT_MONTHS, Filters
from .i18n import CATALOGUE, t

# Dates as the screen writes them (nb 24.11.2026, en 24 Nov 2026), as Excel number formats.
DATE_FORMATS = {"nb": "dd.mm.yyyy", "en": "d mmm yyyy"}
TIME_FORMAT = "yyyy-mm-dd hh:mm"
AMOUNT_FORMAT = "#,##0"  # kroner with the reader's own thousands separator
WIDTH = (8, 60)  # a column's width in characters, at least and at most
BOLD = Font(bold=True)
LINK = Font(color="0563C1", underline="single")


def _text(value: object) -> str:
    """A text cell's content: characters XML cannot hold dropped, formula starts neutralised."""
    return neutral_text(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def _typed(column: pd.Series) -> list[object]:
    """A column's cells as Python values Excel types by themselves: dates, ints, floats, text;
    None (an empty cell) for unknown, never NaN, NaT or 0."""
    known = column.notna().tolist()
    if pd.api.types.is_datetime64_any_dtype(column):
        values = [v.date() if ok else None for v, ok in zip(column, known, strict=True)]
    elif pd.api.types.is_bool_dtype(column):
        values = [bool(v) if ok else None for v, ok in zip(column, known, strict=True)]
    elif pd.api.types.is_integer_dtype(column):
        values = [int(v) if ok else None for v, ok in zip(column, known, strict=True)]
    elif pd.api.types.is_float_dtype(column):
        values = [float(v) if ok else None for v, ok in zip(column, known, strict=True)]
    else:
        values = [_text(v) if ok else None for v, ok in zip(column, known, strict=True)]
    return values


def _cell(sheet: WriteOnlyWorksheet, value: object, number_format: str | None = None) -> object:
    """One cell; text is always stored as text (a string starting with "=" is no formula)."""
    if value is None:
        return None
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    elif number_format is not None:
        cell.number_format = number_format
    return cell


def _width(header: str, values: Sequence[object]) -> float:
    """A column width that fits the header and most cells (dates and numbers are short)."""
    longest = max([len(header), *(len(str(v)) for v in values[:500] if v is not None)])
    return float(min(max(longest + 2, WIDTH[0]), WIDTH[1]))


def _data_sheet(book: Workbook, frame: pd.DataFrame, lang: str) -> None:
    shown = localise(frame, lang)  # headers and coded cells in the language, as the CSV has them
    ids = {t(f"csv.{c}", lang): c for c in frame.columns if f"csv.{c}" in CATALOGUE}  # header -> id
    columns = [_typed(shown[c]) for c in shown.columns]
    formats = [
        DATE_FORMATS[lang]
        if pd.api.types.is_datetime64_any_dtype(shown[c])
        else AMOUNT_FORMAT
        if ids.get(c, "").endswith("_nok")
        else None
        for c in shown.columns
    ]
    sheet = book.create_sheet(t("about.data_sheet", lang))
    for i, (header, values) in enumerate(zip(shown.columns, columns, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _width(str(header), values)
    sheet.freeze_panes = "A2"
    last = get_column_letter(max(len(shown.columns), 1))
    sheet.auto_filter.ref = f"A1:{last}{len(shown) + 1}"
    header_cells = []
    for header in shown.columns:
        cell = WriteOnlyCell(sheet, value=_text(header))
        cell.font, cell.data_type = BOLD, "s"
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in zip(*columns, strict=True):
        sheet.append([_cell(sheet, v, f) for v, f in zip(row, formats, strict=True)])


def _about_sheet(book: Workbook, lines: About, lang: str) -> None:
    sheet = book.create_sheet(t("about.sheet", lang))
    sheet.column_dimensions["A"].width = _width("", [what for what, _ in lines])
    sheet.column_dimensions["B"].width = WIDTH[1] * 1.5
    for what, value in lines:
        label = WriteOnlyCell(sheet, value=_text(what)) if what else None
        if label is not None:
            label.font, label.data_type = BOLD, "s"
        if isinstance(value, dt.datetime):
            cell = _cell(sheet, value, TIME_FORMAT)
        elif isinstance(value, dt.date):
            cell = _cell(sheet, value, DATE_FORMATS[lang])
        else:
            text = _text(value)
            cell = _cell(sheet, text)
            if text.startswith(("https://", "http://")):
                cell.hyperlink, cell.font = text, LINK
        sheet.append([label, cell])


def to_xlsx(frame: pd.DataFrame, lang: str, lines: About) -> bytes:
    """The workbook of an extract in `lang`: a data sheet with the CSV's localised headers and
    names, typed cells, a bold frozen header with a filter, and an About sheet of `lines`."""
    book = Workbook(write_only=True)  # streamed: a large extract is not held as cell objects
    _data_sheet(book, frame, lang)
    _about_sheet(book, lines, lang)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_bytes(
    frame: pd.DataFrame,
    name: str,
    filters: Filters,
    lang: str,
    facts: StoreFacts,
    cluster_id: str | None = None,
    months: int = DEFAULT_MONTHS,
) -> bytes:
    """Extract `name`'s rows as the workbook a download or `export --format xlsx` writes."""
    lines = about(name, filters, lang, frame, facts, cluster_id, months)
    return to_xlsx(frame, lang, lines)

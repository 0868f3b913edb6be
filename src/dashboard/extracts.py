"""Extracts: the one code path behind every download button and `python -m dashboard export`.

The rows, their localised form and the CSV live here; the Excel workbook (workbook.py) and the
renewal calendar (ics.py) write the same rows."""

from __future__ import annotations

import duckdb
import pandas as pd

from . import queries
from .filters import DEFAULT_MONTHS, Filters, file_stem
from .i18n import CATALOGUE, t

EXTRACTS = tuple(queries.EXTRACT_SQL)


def extract_frame(
    con: duckdb.DuckDBPyConnection,
    name: str,
    filters: Filters,
    cluster_id: str | None = None,
    months: int = DEFAULT_MONTHS,
) -> pd.DataFrame:
    """The rows of extract `name` for the filters (one cluster, when given; `months` is the
    renewal horizon of the `renewals` extract)."""
    if name not in queries.EXTRACT_SQL:
        raise KeyError(f"unknown extract '{name}' (known: {', '.join(EXTRACTS)})")
    return queries.extract(con, name, filters, cluster_id, months)


# Coded cells a reader's download names as the screen does (the contract export keeps the codes).
VALUE_NAMES = {
    "status": "status",
    "label": "label",
    "last_label": "label",
    "required_label": "label",
    "provenance": "provenance",
    "basis": "basis",
    "level": "level",
    "funder": "funder",
    "measure": "measure",
    "topic": "glossary.topic",
    "rule_id": "rule",
    "rule_unit": "unit",
}
# How a spreadsheet in the reader's locale opens a CSV by double-click: Norwegian Excel splits on
# ";" and reads "93,5" as a number; both need the byte-order mark to read UTF-8.
DIALECTS = {"nb": {"sep": ";", "decimal": ","}, "en": {"sep": ",", "decimal": "."}}


def _named(value: object, prefix: str, lang: str) -> object:
    key = f"{prefix}.{value}"
    return t(key, lang) if isinstance(value, str) and key in CATALOGUE else value


# Text the data writes for each language (note_nb, note_en) beside the record's own: a note keeps
# the evidence (quotes in the source's language), its two versions say it for people.
WRITTEN_TWICE = ("note", "applies_to")


def localise(frame: pd.DataFrame, lang: str | None) -> pd.DataFrame:
    """The extract for readers of `lang`: names and notes in that language (areas, levels,
    labels, statuses, funders, provenance, notes) and headers from the catalogue. Without a
    language, the machine-readable form: both names, the codes, the evidence and the column
    ids."""
    if lang is None:
        return frame
    out = frame.copy()
    for column in WRITTEN_TWICE:
        versions = [f"{column}_{code}" for code in ("nb", "en") if f"{column}_{code}" in out]
        if f"{column}_{lang}" in out:
            out[column] = out[f"{column}_{lang}"].where(
                out[f"{column}_{lang}"].notna(), out[column]
            )
        out = out.drop(columns=versions)
    for column in ("area", "indicator_name", "term", "definition"):
        if f"{column}_nb" in out:
            if lang == "nb":
                out[column] = out[f"{column}_nb"]
            out = out.drop(columns=f"{column}_nb")
    for column, prefix in VALUE_NAMES.items():
        if column in out:
            names = {v: _named(v, prefix, lang) for v in out[column].dropna().unique()}
            out[column] = out[column].map(names).where(out[column].notna(), out[column])
    return out.rename(columns={c: t(f"csv.{c}", lang) for c in out.columns})


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What each download format is sent as (the suffix of its file name is the key).
MIME_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ics": "text/calendar",
}


def neutral_text(value: str) -> str:
    """One text cell under the rule of `neutralised`: an apostrophe before a formula start."""
    return "'" + value if value.startswith(FORMULA_START) else value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula (OWASP's CSV-injection rule: a
    leading =, +, -, @, tab or carriage return) get a leading apostrophe; numbers are left as
    numbers, so a negative count stays a number."""
    out = frame
    for column in frame.columns:
        values = frame[column]
        if values.dtype != object and not pd.api.types.is_string_dtype(values):
            continue
        risky = values.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_START))
        if risky.any():
            out = out.copy() if out is frame else out
            out[column] = values.where(~risky, "'" + values.astype(str))
    return out


def to_csv(frame: pd.DataFrame, lang: str | None = None) -> bytes:
    """CSV bytes. Without a language, the data contract's conventions: UTF-8, comma, ISO dates,
    empty = unknown. In a language, as that language's spreadsheet opens it by double-click
    (see DIALECTS). Formula-like text is neutralised either way."""
    dialect = DIALECTS.get(lang or "", {})
    text = neutralised(localise(frame, lang)).to_csv(
        index=False, lineterminator="\n", date_format="%Y-%m-%d", **dialect
    )
    return text.encode("utf-8-sig" if lang else "utf-8")


def csv_bytes(
    con: duckdb.DuckDBPyConnection,
    name: str,
    filters: Filters,
    cluster_id: str | None = None,
    months: int = DEFAULT_MONTHS,
    lang: str | None = None,
) -> bytes:
    """Extract `name` as the CSV a download or `python -m dashboard export` writes (headers in
    `lang` when given)."""
    return to_csv(extract_frame(con, name, filters, cluster_id, months), lang)


def file_name(
    name: str,
    filters: Filters,
    cluster_id: str | None = None,
    months: int | None = None,
    suffix: str = "csv",
) -> str:
    """A file name that says what is in it: view, cluster, filters and date; every format of one
    download has the same stem, `suffix` (a key of MIME_TYPES) says which it is."""
    if suffix not in MIME_TYPES:
        raise ValueError(f"unknown download format '{suffix}' (known: {', '.join(MIME_TYPES)})")
    horizon = f"{months}-months" if months is not None and name == "renewals" else ""
    parts = (name, filters.date.isoformat(), cluster_id or "", horizon, filters.slug())
    return file_stem("klyngemonitor", *parts) + "." + suffix

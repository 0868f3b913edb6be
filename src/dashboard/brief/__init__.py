"""Board briefs: one A4 page per cluster or opportunity area as of a date, in nb or en, for a
funder's board. A brief says what the pages say on that date (the same extracts, the same chart
builders), what the record does not say, and cites every figure's source by its site.

    with Printer() as printer:
        data = printer.pdf(cluster_html(con, "gce-ocean-technology", day, "en"))

`pdf()` does the same with a Chromium of its own (the CLI); `served_pdf()` with the one warm
Chromium a server keeps for its pages' buttons (service.py).
"""

from __future__ import annotations

import datetime as dt
import threading

import duckdb

from ..filters import file_stem
from . import area, cluster
from .area import UnknownArea
from .cluster import UnknownCluster
from .render import BrowserUnavailable, Printer, available, html, missing_message
from .service import Service

__all__ = [
    "BrowserUnavailable",
    "Printer",
    "UnknownArea",
    "UnknownCluster",
    "area_html",
    "available",
    "cluster_html",
    "file_name",
    "missing_message",
    "pdf",
    "served_pdf",
    "stop_serving",
    "Service",
]

# A brief takes a core for a moment (and a Chromium being started, for seconds): one at a time.
_PRINTING = threading.Lock()
_SERVED = Service()


def cluster_html(con: duckdb.DuckDBPyConnection, cluster_id: str, as_of: dt.date, lang: str) -> str:
    """The brief of a cluster as self-contained HTML (UnknownCluster for an unknown id)."""
    return html(cluster.make(con, cluster_id, as_of, lang))


def area_html(con: duckdb.DuckDBPyConnection, area_id: str, as_of: dt.date, lang: str) -> str:
    """The brief of an opportunity area as self-contained HTML (UnknownArea for an unknown id)."""
    return html(area.make(con, area_id, as_of, lang))


def pdf(document: str, printer: Printer | None = None) -> bytes:
    """The brief `document` printed to a one-page A4 PDF, by `printer` or a Chromium started
    for it (BrowserUnavailable when there is none)."""
    if printer is not None:
        return printer.pdf(document)
    with _PRINTING, Printer() as own:
        return own.pdf(document)


def served_pdf(document: str) -> bytes:
    """The brief `document` printed by the process's warm Chromium (started for the first brief,
    stopped when idle): for a server, whose downloads run on any thread."""
    return _SERVED.pdf(document)


def stop_serving() -> None:
    """Close the warm Chromium of `served_pdf` (it starts again with the next brief)."""
    _SERVED.stop()


def file_name(subject: str, as_of: dt.date, lang: str, kind: str = "cluster") -> str:
    """A file name that says what the brief is of: `klyngemonitor_brief_<id>_<date>_<lang>.pdf`
    (an area's: `klyngemonitor_brief_area-<id>_...`)."""
    stem = subject if kind == "cluster" else f"area-{subject}"
    return file_stem("klyngemonitor", "brief", stem, as_of.isoformat(), lang) + ".pdf"

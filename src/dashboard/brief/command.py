"""`python -m dashboard brief` (its arguments are in cli.py): a board brief of a cluster or an
opportunity area, as the PDF the profile page's button gives, or for FILE.html the
self-contained HTML it prints."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import duckdb

from .. import queries
from . import BrowserUnavailable, UnknownArea, UnknownCluster, area_html, cluster_html, pdf
from . import file_name as brief_file_name


def _html(args: argparse.Namespace, con: duckdb.DuckDBPyConnection, day: dt.date) -> str | None:
    """The brief's HTML, or None after saying which id the store does not know."""
    try:
        if args.area is not None:
            return area_html(con, args.area, day, args.lang)
        return cluster_html(con, args.cluster, day, args.lang)
    except UnknownArea:
        known = ", ".join(queries.opportunity_areas(con)["area_id"])
        print(f"--area: unknown opportunity area '{args.area}' (known: {known})", file=sys.stderr)
    except UnknownCluster:
        print(f"unknown cluster id '{args.cluster}'", file=sys.stderr)
    return None


def write(args: argparse.Namespace, con: duckdb.DuckDBPyConnection) -> int:
    """Make the brief the arguments ask for and write it; the exit code (1: an unknown id, no
    Chromium, or a file that cannot be written)."""
    started = time.perf_counter()
    day = args.as_of or dt.date.today()
    document = _html(args, con, day)
    if document is None:
        return 1
    kind = "area" if args.area is not None else "cluster"
    out = args.output or Path(brief_file_name(args.area or args.cluster, day, args.lang, kind))
    try:
        data = document.encode("utf-8") if out.suffix.lower() == ".html" else pdf(document)
    except BrowserUnavailable as err:
        print(f"Brief not written: {err}", file=sys.stderr)
        return 1
    try:
        out.write_bytes(data)
    except OSError as err:
        print(f"Brief not written: cannot write {out} ({err.strerror})", file=sys.stderr)
        return 1
    took = time.perf_counter() - started
    print(
        f"Wrote {out}: {kind} brief of {args.area or args.cluster} as of {day}, {args.lang}, "
        f"in {took:.1f} s"
    )
    return 0

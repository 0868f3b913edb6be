"""The command line's grammar: every command of `python -m dashboard`, its arguments and their
help (the commands themselves are in cli.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import filters, sqlfiles
from .i18n import LANGUAGES, default_language

FORMATS = ("csv", "xlsx", "ics")
CALENDAR_EXTRACTS = ("renewals",)  # the extracts with dates that make calendar events


DB_HELP = "the store file (default: DASHBOARD_DB, else var/klyngemonitor.duckdb)"


def parser() -> argparse.ArgumentParser:
    """The parser of every command."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Build the store, regenerate estimates, export the dashboard's extracts, print a board brief.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="validate data/ and build the DuckDB store atomically")
    build.add_argument(
        "--data", type=Path, default=None, help="contract CSV folder (default data/)"
    )
    build.add_argument("--db", type=Path, default=None, help=DB_HELP)
    build.add_argument(
        "--discard-imports",
        action="store_true",
        help="replace a store that holds imports (dump them into data/ first to keep them)",
    )

    gen = sub.add_parser(
        "estimates", help="rewrite funding.csv from the published grants (grants.csv)"
    )
    gen.add_argument("--data", type=Path, default=None)

    synth = sub.add_parser(
        "synth",
        help="write a seeded data set N times the shipped one (benchmarks and load tests only)",
    )
    synth.add_argument("--scale", type=int, required=True)
    synth.add_argument("--out", type=Path, required=True)
    synth.add_argument("--data", type=Path, default=None)
    synth.add_argument("--seed", type=int, default=2026)

    imp = sub.add_parser("import", help="validate new facts against the store and apply them")
    imp.add_argument("files", nargs="+", type=Path, help="contract CSV files, or .xlsx workbooks")
    imp.add_argument("--db", type=Path, default=None, help=DB_HELP)
    imp.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    imp.add_argument(
        "--allow-backdated",
        action="store_true",
        help="accept new awards older than the cluster's latest award",
    )

    history = sub.add_parser("history", help="list the imports applied to the store")
    history.add_argument("--db", type=Path, default=None, help=DB_HELP)

    dump = sub.add_parser("dump", help="write the store back to the CSV contract")
    dump.add_argument("out", type=Path)
    dump.add_argument("--db", type=Path, default=None, help=DB_HELP)

    export = sub.add_parser(
        "export", help="write a dashboard extract as CSV, Excel or (renewals) a calendar"
    )
    export.add_argument("extract", choices=tuple(sqlfiles.each("extracts")))
    filters.add_arguments(export)
    export.add_argument("--cluster", default=None, help="one cluster id (as on its profile page)")
    export.add_argument(
        "--months",
        type=filters.months_argument,
        default=filters.DEFAULT_MONTHS,
        help=f"renewal horizon of the renewals extract (default {filters.DEFAULT_MONTHS})",
    )
    export.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="headers and names in nb or en, as the dashboard downloads them (default for "
        "csv: the column ids and codes of the data contract; xlsx and ics are always in a "
        "language, by default DASHBOARD_LANG, else nb, as the dashboard opens)",
    )
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="csv",
        help="csv (default); xlsx: the rows as typed cells with an About sheet (filters, "
        "dates, sources); ics: the renewals extract as calendar events (renewals only)",
    )
    export.add_argument("--db", type=Path, default=None, help=DB_HELP)
    export.add_argument("-o", "--output", type=Path, default=None, help="file (default stdout)")

    brief = sub.add_parser(
        "brief", help="write a one-page board brief (PDF) of a cluster or an opportunity area"
    )
    subject = brief.add_mutually_exclusive_group(required=True)
    subject.add_argument("cluster", nargs="?", default=None, help="cluster id (as on its profile)")
    subject.add_argument("--area", default=None, help="opportunity area id: the area's brief")
    filters.add_date_argument(brief)
    brief.add_argument("--lang", choices=LANGUAGES, default=default_language())
    brief.add_argument("--db", type=Path, default=None, help=DB_HELP)
    brief.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="FILE.pdf, or FILE.html for the HTML it prints "
        "(default: klyngemonitor_brief_<id>_<date>_<lang>.pdf here)",
    )
    return parser

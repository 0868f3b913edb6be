"""The command line's grammar: every command of `python -m dashboard`, its arguments and their
help (the commands themselves are in cli.py)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from . import filters, sqlfiles
from .i18n import LANGUAGES, default_language

FORMATS = ("csv", "xlsx", "ics")
CALENDAR_EXTRACTS = ("renewals",)  # the extracts with dates that make calendar events


DB_HELP = "the store file (default: DASHBOARD_DB, else var/klyngemonitor.duckdb)"


def add_date_argument(parser: argparse.ArgumentParser) -> None:
    """The as-of date as a command-line flag (`--as-of DATE`; default today)."""
    parser.add_argument(
        "--as-of", type=date_argument, default=None, help="date YYYY-MM-DD (default today)"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The filters as command-line flags (`--area ID`, repeatable; `--as-of DATE`; `--compare
    A,B,C` as the compare page's link has it)."""
    add_date_argument(parser)
    for s in filters.SELECTIONS:
        parser.add_argument(
            f"--{s.param}", dest=s.field, action="append", default=[], help=f"{s.help} (repeatable)"
        )
    parser.add_argument(
        f"--{filters.COMPARE_PARAM}",
        dest="clusters",
        default=None,
        metavar="ID,ID,...",
        help=f"up to {filters.COMPARE_MOST} cluster ids, comma-separated, in the order of the compare "
        "page's link (?compare=...): only these clusters",
    )


def date_argument(value: str) -> dt.date:
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date (YYYY-MM-DD)") from None


def months_argument(value: str) -> int:
    """A renewal horizon in whole months, 1 to 120: `--months -3` names no horizon."""
    try:
        months = int(value)
    except ValueError:
        months = 0
    if months not in filters.RENEWAL_MONTHS:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of months from 1 to 120")
    return months


def parser() -> argparse.ArgumentParser:
    """The parser of every command."""
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Build the store, regenerate estimates, export the dashboard's extracts, print a board brief.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser(
        "serve",
        help="serve the dashboard (streamlit run app.py, set up to keep memory down); "
        "Streamlit's own options follow, e.g. --server.port 8501",
    )

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
    add_arguments(export)
    export.add_argument("--cluster", default=None, help="one cluster id (as on its profile page)")
    export.add_argument(
        "--months",
        type=months_argument,
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
    add_date_argument(brief)
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

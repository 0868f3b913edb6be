"""Command line: build the store, regenerate estimates, export the dashboard's extracts, print a
board brief."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb

from . import config, estimates, filters, importer, sqlfiles, store, synth
from .i18n import LANGUAGES, default_language
from .validate import ValidationError

T = TypeVar("T")


DB_HELP = "the store file (default: DASHBOARD_DB, else var/klyngemonitor.duckdb)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
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


FORMATS = ("csv", "xlsx", "ics")
CALENDAR_EXTRACTS = ("renewals",)  # the extracts with dates that make calendar events


def _build(args: argparse.Namespace) -> int:
    data, db = args.data or config.data_dir(), args.db or config.db_path()
    started = time.perf_counter()
    try:
        report = store.build(data, db, discard_imports=args.discard_imports)
    except store.StoreHoldsImports as err:
        print(f"Build stopped: {err}", file=sys.stderr)
        return 1
    except ValidationError as err:
        print(
            f"Build stopped: {len(err.problems)} problem(s) in {data}; the store was not changed.",
            file=sys.stderr,
        )
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{name} {n}" for name, n in report.rows.items())
    print(f"Built {db} in {time.perf_counter() - started:.2f} s: {counts}")
    return 0


def _store(args: argparse.Namespace) -> Path | None:
    """The store a command works on: --db as given, or the default one (built if stale)."""
    db = args.db or config.db_path()
    if args.db is None:
        try:
            store.ensure_store(config.data_dir(), db)
        except ValidationError as err:
            print(
                f"data/ is invalid ({len(err.problems)} problem(s)); using the last good store. "
                "`python -m dashboard build` lists them.",
                file=sys.stderr,
            )
        except store.StoreHoldsImports as err:
            print(f"{err} Using the store as it is.", file=sys.stderr)
    if not db.is_file():
        print(f"No store at {db}: run `python -m dashboard build` first.", file=sys.stderr)
        return None
    return db


def _import(args: argparse.Namespace) -> int:
    db = _store(args)
    if db is None:
        return 2
    missing = [str(f) for f in args.files if not f.is_file()]
    if missing:
        print(f"No such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    files = [(str(f), f.read_bytes()) for f in args.files]
    try:
        prepared = importer.plan(db, files, allow_backdated=args.allow_backdated)
    except ValidationError as err:
        print(
            f"Import refused: {len(err.problems)} problem(s); nothing was written.", file=sys.stderr
        )
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(prepared.summary())
    if args.dry_run:
        print("dry run: nothing written")
        return 0
    import_id = importer.apply(db, prepared)
    print(f"Applied import {import_id} to {db}")
    return 0


def _read(args: argparse.Namespace, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T | None:
    """Run `work` on a read-only connection to the command's store; None when there is none."""
    db = _store(args)
    if db is None:
        return None
    con = store.connect_readonly(db)
    try:
        return work(con)
    finally:
        con.close()


def _history(args: argparse.Namespace) -> int:
    rows = _read(args, importer.history)
    if rows is None:
        return 2
    print("import_id\timported_at\tfiles\trow_counts\tcontent_hash")
    for row in rows:
        print("\t".join(str(v) for v in row))
    if not rows:
        print("(no imports since the store was built)")
    return 0


def _dump(args: argparse.Namespace) -> int:
    rows = _read(args, lambda con: importer.dump(con, args.out))
    if rows is None:
        return 2
    print(f"Wrote {args.out}: " + ", ".join(f"{k} {v}" for k, v in rows.items()))
    return 0


def _export_bytes(args: argparse.Namespace, con: duckdb.DuckDBPyConnection) -> bytes | None:
    """The extract the arguments ask for, in their format, or None (after saying why) when they
    name unknowns."""
    # pandas, openpyxl, icalendar: only an export needs them, a build starts faster without
    from . import extracts, ics, queries, workbook
    from .about import store_facts

    chosen, errors = filters.from_arguments(args, queries.vocabulary(con))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return None
    if args.cluster is not None and queries.cluster(con, args.cluster).empty:
        print(f"--cluster: unknown cluster id '{args.cluster}'", file=sys.stderr)
        return None
    if args.format == "csv":
        return extracts.csv_bytes(con, args.extract, chosen, args.cluster, args.months, args.lang)
    frame = extracts.extract_frame(con, args.extract, chosen, args.cluster, args.months)
    lang, facts = args.lang or default_language(), store_facts(con)
    if args.format == "xlsx":
        return workbook.xlsx_bytes(
            frame, args.extract, chosen, lang, facts, args.cluster, args.months
        )
    if frame.empty:
        print(
            f"No label expires within {args.months} months: the calendar has no events.",
            file=sys.stderr,
        )
    return ics.ics_bytes(frame, chosen, lang, facts, args.cluster, args.months)


def _export(args: argparse.Namespace) -> int:
    if args.format == "xlsx" and args.output is None and sys.stdout.isatty():
        print(
            "--format xlsx: a workbook is binary; write it to a file with -o FILE", file=sys.stderr
        )
        return 2
    data = _read(args, lambda con: _export_bytes(args, con))
    if data is None:
        return 2
    if args.output:
        try:
            args.output.write_bytes(data)
        except OSError as err:
            print(f"-o: cannot write {args.output}: {err.strerror}", file=sys.stderr)
            return 2
    else:
        sys.stdout.buffer.write(data)
    return 0


def _brief(args: argparse.Namespace) -> int:
    from .brief import command  # plotly and a browser: only a brief needs them

    code = _read(args, lambda con: command.write(args, con))
    return 2 if code is None else code


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "export" and args.format == "ics" and args.extract not in CALENDAR_EXTRACTS:
        parser.error(
            f"--format ics: only the {', '.join(CALENDAR_EXTRACTS)} extract makes a calendar, "
            f"not '{args.extract}' (use csv or xlsx)"
        )
    if args.command == "build":
        return _build(args)
    if args.command == "estimates":
        try:
            rows = estimates.generate(args.data or config.data_dir())
        except ValidationError as err:
            print(f"Estimates not written: {len(err.problems)} problem(s)", file=sys.stderr)
            for problem in err.problems:
                print(f"  {problem}", file=sys.stderr)
            return 1
        print(f"Wrote funding.csv ({rows} rows)")
        return 0
    if args.command == "import":
        return _import(args)
    if args.command == "history":
        return _history(args)
    if args.command == "dump":
        return _dump(args)
    if args.command == "brief":
        return _brief(args)
    if args.command == "synth":
        if args.scale < 1:
            print("--scale: must be 1 or more", file=sys.stderr)
            return 2
        rows = synth.synthesise(args.data or config.data_dir(), args.out, args.scale, args.seed)
        print(f"Wrote {args.out}: " + ", ".join(f"{k} {v}" for k, v in rows.items()))
        return 0
    return _export(args)

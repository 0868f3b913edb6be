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

from . import cli_parser, config, estimates, filters, importer, serve, store, synth
from .i18n import default_language
from .validate import ValidationError

T = TypeVar("T")


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
    parser = cli_parser.parser()
    args, rest = parser.parse_known_args(argv)  # what follows `serve` is Streamlit's
    if args.command == "serve":
        serve.run(rest)  # does not return
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if (
        args.command == "export"
        and args.format == "ics"
        and args.extract not in cli_parser.CALENDAR_EXTRACTS
    ):
        parser.error(
            f"--format ics: only the {', '.join(cli_parser.CALENDAR_EXTRACTS)} extract makes a calendar, "
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

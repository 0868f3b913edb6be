"""The DuckDB store: built from the contract CSVs, swapped in atomically, served read-only.

A build writes a new file beside the store and renames it over the old one, so readers see the
old store or the new one, never half of either, and a failed build leaves the old store as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import duckdb
from filelock import FileLock, Timeout

from . import contract, contract_csv, ddl, sqlfiles
from .contract import TABLES
from .validate import ParsedTable, read_dataset

T = TypeVar("T")
SERVING_MEMORY = "256MB"  # DuckDB's buffer pool for serving; the default is 80 % of the machine
# The contract's tables (made from data/datapackage.json), then the store's own tables, macros
# and views, which read them.
SCHEMA = "\n".join(
    (
        ddl.create_tables(TABLES),
        ddl.rank_macro("label_rank", contract.LABELS),
        (sqlfiles.SQL / "schema.sql").read_text(encoding="utf-8"),
    )
)
STORE_SQL = sqlfiles.named("store.sql")
# Made once per write from the loaded tables: what pages would otherwise recompute per query.
DERIVED = (sqlfiles.SQL / "derived.sql").read_text(encoding="utf-8")


class StoreHoldsImports(Exception):
    """The store holds imports that data/ does not: rebuilding from data/ would drop them."""

    def __init__(self, db: Path, imports: int):
        self.db, self.imports = db, imports
        super().__init__(
            f"{db.name} holds {imports} import(s) that data/ does not; rebuilding from data/ "
            "would drop them. Dump them into data/ first (`python -m dashboard dump data/`, then "
            "commit), or rebuild with `python -m dashboard build --discard-imports`."
        )


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote: rows per table and the fingerprint of the data it came from."""

    db_path: Path
    rows: dict[str, int]
    data_hash: str


def data_fingerprint(data_dir: Path) -> str:
    """A hash of the contract files' content, of the contract itself (the store's tables are
    made from it) and of the store's own schema: the store is stale when any of them changes,
    so new code never serves a store built without the tables it reads."""
    digest = hashlib.sha256(contract.DIGEST.encode())
    digest.update(SCHEMA.encode())
    digest.update(DERIVED.encode())
    for table in TABLES:
        path = data_dir / table.file
        digest.update(table.file.encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


def _latest_fact(tables: dict[str, ParsedTable]) -> dt.date:
    """The data's currency: the latest dated fact up to the build day (a period start or a
    stated end, an award, a confirmation, a programme figure's date); a planned end is not one."""
    today = dt.date.today()
    dates = [r["start_date"] for r in tables["programme_periods"].rows]
    dates += [
        r["end_date"]
        for r in tables["programme_periods"].rows
        if r["end_date"] and not r["end_rule"] and r["provenance"] == "published"
    ]
    dates += [r["awarded_on"] for r in tables["certifications"].rows]
    dates += [r["held_on"] for r in tables["label_confirmations"].rows]
    dates += [r["reference_date"] for r in tables["programme_figures"].rows if r["reference_date"]]
    return max((d for d in dates if d <= today), default=dt.date(2002, 1, 1))


def write_store(
    tables: dict[str, ParsedTable],
    target: Path,
    data_hash: str,
    finish: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> dict[str, int]:
    """Create a fresh store file at `target` from validated tables; `finish` may add more
    (an import carries its log over). Returns rows per table."""
    con = duckdb.connect(str(target))
    try:
        con.execute(SCHEMA)
        rows = {}
        # The validated rows go in through DuckDB's own CSV reader, written in the contract's
        # format: the bulk path, and one that needs no pandas (half a CLI build's time is
        # importing it).
        with tempfile.TemporaryDirectory(prefix="klyngemonitor-rows-") as tmp:
            for table in TABLES:
                path = Path(tmp) / table.file
                rows[table.name] = contract_csv.write_table(path, table, tables[table.name].rows)
                con.execute(STORE_SQL["insert_table"].format(table=table.name), [str(path)])
        meta = {
            "data_hash": data_hash,
            "version": uuid.uuid4().hex,  # every write is a new version: imports plan against it
            "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "data_as_of": _latest_fact(tables).isoformat(),
        }
        con.executemany(STORE_SQL["write_meta"], list(meta.items()))
        con.execute(DERIVED)
        if finish is not None:
            finish(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return rows


_LOCKS: dict[str, FileLock] = {}


def writer_lock(db: Path) -> FileLock:
    """The one-writer-at-a-time lock of a store, across processes (builds, imports, the app),
    beside the store file. One instance per path, so a holder may take it again (re-entrant)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    path = str(db.with_suffix(db.suffix + ".lock"))
    if path not in _LOCKS:
        _LOCKS[path] = FileLock(path)
    return _LOCKS[path]


def _clear_debris(db: Path) -> None:
    """Remove the half-written files a killed writer left beside the store (called under the
    writer lock, so no live writer owns them)."""
    for stale in db.parent.glob(f".{db.name}.*.tmp*"):
        stale.unlink(missing_ok=True)


def swap_in(db: Path, write: Callable[[Path], T]) -> T:
    """Write a new store with `write(path)` beside `db`, then rename it over `db` in one step.
    Readers keep the snapshot they opened; a failure leaves `db` as it was and no debris."""
    with writer_lock(db):
        _clear_debris(db)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".tmp", dir=db.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        tmp.unlink()  # DuckDB wants to create the file itself
        try:
            result = write(tmp)
            os.replace(tmp, db)
        finally:
            tmp.unlink(missing_ok=True)
            Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return result


def build(data_dir: Path, db: Path, discard_imports: bool = False) -> BuildReport:
    """Validate every contract file, then build the store and swap it in atomically.

    Raises ValidationError (with every problem) before anything is written, and
    StoreHoldsImports rather than drop imports the store holds, unless told to discard them.
    """
    data_hash = data_fingerprint(data_dir)
    tables = read_dataset(data_dir)
    with writer_lock(db):
        held = imports_in(db)
        if held and not discard_imports:
            raise StoreHoldsImports(db, held)
        rows = swap_in(db, lambda target: write_store(tables, target, data_hash))
    return BuildReport(db, rows, data_hash)


def imports_in(db: Path) -> int:
    """How many imports the store at `db` holds (0 when there is no usable store)."""
    if not db.is_file():
        return 0
    try:
        con = connect_readonly(db)
    except duckdb.Error:
        return 0
    try:
        return con.execute(STORE_SQL["import_count"]).fetchone()[0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def stored_hash(db: Path) -> str | None:
    """The data fingerprint the store was built from, or None when there is no usable store."""
    if not db.is_file():
        return None
    try:
        con = connect_readonly(db)
    except duckdb.Error:
        return None
    try:
        row = con.execute(STORE_SQL["data_hash"]).fetchone()
    except duckdb.Error:
        return None
    finally:
        con.close()
    return row[0] if row else None


def ensure_store(data_dir: Path, db: Path) -> bool:
    """Build the store when it is missing or was built from other data; True when it built.
    A store that holds imports is never replaced this way (StoreHoldsImports says why). On the
    way, the debris of a writer that was killed is cleared, if no writer is at work."""
    if db.parent.is_dir() and os.access(db.parent, os.W_OK):
        lock = writer_lock(db)
        try:
            with lock.acquire(timeout=0):
                _clear_debris(db)
        except Timeout:
            pass  # a writer is at work: its files are not debris
    if stored_hash(db) == data_fingerprint(data_dir):
        return False
    build(data_dir, db)
    return True


def connect_readonly(db: Path) -> duckdb.DuckDBPyConnection:
    """The serving connection: read-only, no file or network access beyond the store."""
    config = {"enable_external_access": False, "memory_limit": SERVING_MEMORY, "threads": 2}
    return duckdb.connect(str(db), read_only=True, config=config)

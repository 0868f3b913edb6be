"""The store the app serves: rebuilt from data/ when a data file changed, opened read-only once
per store file and shared by every session."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import duckdb
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from .. import config, store
from ..i18n import default_language, t
from ..validate import ValidationError

_RUN_KEY = "store_key"


def _data_signature(data: Path) -> tuple:
    """Cheap signature of the data files (name, size, mtime): a changed file means a new store."""
    return tuple(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted([*data.glob("*.csv"), *data.glob("*.json")])
    )


def _current_key() -> str:
    """The store's path, data/'s signature and the store file's swap time, as one short token:
    every cached call hashes it, and a tuple of every data file's stats costs more to hash."""
    db, data = config.db_path(), config.data_dir()
    swapped = db.stat().st_mtime_ns if db.exists() else 0
    seen = repr((str(db), str(data), _data_signature(data), swapped))
    return hashlib.blake2b(seen.encode(), digest_size=16).hexdigest()


def begin_run() -> None:
    """Look at the store's files once, at the start of a script run: every cached call of the
    run is keyed by what was found then (a page asks dozens of them)."""
    st.session_state[_RUN_KEY] = _current_key()


def store_key() -> str:
    """Identifies the store a cached result came from, so a rebuilt or imported-into store
    (a new file swapped in) opens anew and invalidates caches."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return _current_key()  # outside a Streamlit run (the CLI, tests): look every time
    return st.session_state.get(_RUN_KEY) or _current_key()


class _Served:
    """The one open connection per store path. DuckDB hands out the database already open for a
    path, so the connection to a store that was swapped out must be closed before the new file
    is opened; otherwise a rebuilt or imported-into store would stay unseen."""

    def __init__(self) -> None:
        self.open: dict[Path, duckdb.DuckDBPyConnection] = {}

    def reopen(self, db: Path) -> duckdb.DuckDBPyConnection:
        previous = self.open.pop(db, None)
        if previous is not None:
            previous.close()
        self.open[db] = store.connect_readonly(db)
        return self.open[db]


_SERVED = _Served()


def _build_problems(data: Path, db: Path) -> list[str]:
    """Rebuild the store if data/ changed; the problems that stopped a rebuild, if any."""
    try:
        store.ensure_store(data, db)
    except ValidationError as err:
        # file names only: a funder needs the file, row and column, not the server's paths
        return [str(replace(p, file=Path(p.file).name)) for p in err.problems]
    except store.StoreHoldsImports as err:
        return [str(err)]
    except OSError:
        pass  # a store mounted read-only (replicas) is served as it is, never rebuilt here
    except duckdb.Error:
        return [t("error.build_failed", default_language())]
    return []


@st.cache_resource(show_spinner=False)
def _open_store(key: str) -> tuple[duckdb.DuckDBPyConnection | None, list[str]]:
    """The served connection (None without a store) and the problems found building it, once
    per store `key` (a rebuilt or swapped-in store has a new one)."""
    db, data = config.db_path(), config.data_dir()
    problems = _build_problems(data, db)
    if not db.is_file():
        return None, problems
    return _SERVED.reopen(db), problems


def available() -> bool:
    """Whether there is a store to serve (the last good one, if data/ was refused)."""
    return _open_store(store_key())[0] is not None


def problems() -> list[str]:
    """Why the store was not rebuilt from data/ (the last good store is served meanwhile)."""
    return _open_store(store_key())[1]


def cursor() -> duckdb.DuckDBPyConnection:
    """A cursor on the shared read-only connection (one per query: cursors are thread-safe).
    The frame stops a run without a store before any page asks for data."""
    con, _ = _open_store(store_key())
    if con is None:
        raise RuntimeError("no store to serve: run `python -m dashboard build`")
    return con.cursor()

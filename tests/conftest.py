"""Shared fixtures: a store built from the shipped data in a temp dir, and a copy of data/."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard import store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once per test session from the shipped data/."""
    db = tmp_path_factory.mktemp("store") / "klyngemonitor.duckdb"
    store.build(DATA, db)
    return db


@pytest.fixture()
def con(store_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the shipped store, as the dashboard serves it."""
    connection = store.connect_readonly(store_path)
    yield connection
    connection.close()


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data/ to break in a test."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target

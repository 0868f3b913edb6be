"""A real Streamlit server on a free local port, against a store built from data/ in a temp dir,
and Playwright driving Debian's Chromium (Playwright's own browser download is not available)."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import devserver, store

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = ROOT / "test-artifacts" / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def e2e_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("e2e") / "klyngemonitor.duckdb"
    store.build(ROOT / "data", db)
    return db


@pytest.fixture(scope="session")
def server(e2e_store: Path) -> Iterator[str]:
    """`streamlit run app.py` headless on a free port; waits for /_stcore/health; stops after."""
    port = _free_port()
    with open(e2e_store.parent / "streamlit.log", "w") as log:
        process = devserver.launch(e2e_store, ROOT / "data", port, log, DASHBOARD_LANG="nb")
        try:
            yield devserver.wait_healthy(process, port)
        finally:
            devserver.stop(process)


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.fail(
            f"Chromium is required for the browser tests and was not found at {CHROMIUM}: "
            "run `make test` (it installs Debian's chromium) or set CHROMIUM."
        )
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {
        **browser_context_args,
        "viewport": {"width": 1280, "height": 800},
        "accept_downloads": True,
        "locale": "nb-NO",
    }


@pytest.fixture(scope="session")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS

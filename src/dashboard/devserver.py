"""A local Streamlit server for the browser tests, the benchmark and the load test: one way to
start it against a given store, wait for its health check, and stop it."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from pathlib import Path
from typing import IO

from . import serve
from .config import ROOT


def launch(
    db: Path,
    data: Path,
    port: int,
    log: IO | int = subprocess.DEVNULL,
    options: tuple[str, ...] = (),
    **env: str,
) -> subprocess.Popen:
    """`streamlit run app.py` headless on 127.0.0.1:`port`, serving the store at `db`
    (`options`: more `--section.option=value` flags, e.g. another secrets file)."""
    command = serve.command(
        [
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            *options,
        ]
    )
    environment = serve.environment(DASHBOARD_DB=str(db), DASHBOARD_DATA=str(data), **env)
    return subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT
    )


def wait_healthy(process: subprocess.Popen, port: int, seconds: float = 60) -> str:
    """Wait for /_stcore/health to answer; returns the server's base URL."""
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return url
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"Streamlit on port {port} did not become healthy")
        time.sleep(0.3)


def stop(process: subprocess.Popen) -> None:
    """Stop the server, killing it if it does not stop within 10 seconds."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()

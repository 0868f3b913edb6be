"""`make run` and the container start the app with `python -m dashboard serve`: it must become a
healthy Streamlit server, in the environment that keeps the server's memory down."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from dashboard import devserver

from .conftest import ROOT, _free_port


def test_the_serve_command_becomes_the_server_with_its_memory_settings(e2e_store: Path):
    port = _free_port()
    environment = {
        **os.environ,
        "DASHBOARD_DB": str(e2e_store),
        "DASHBOARD_DATA": str(ROOT / "data"),
    }
    for name in ("ARROW_DEFAULT_MEMORY_POOL", "MALLOC_ARENA_MAX"):
        environment.pop(name, None)
    command = [sys.executable, "-m", "dashboard", "serve", "--server.port", str(port)]
    command += ["--server.headless", "true", "--server.address", "127.0.0.1"]
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL)
    try:
        url = devserver.wait_healthy(process, port)
        # the command replaced itself with Streamlit: the same process serves the app
        assert "streamlit" in Path(f"/proc/{process.pid}/cmdline").read_text()
        served = dict(
            entry.split("=", 1)
            for entry in Path(f"/proc/{process.pid}/environ").read_text().split("\0")
            if "=" in entry
        )
        assert served["ARROW_DEFAULT_MEMORY_POOL"] == "system"
        assert served["MALLOC_ARENA_MAX"] == "2"
        with urllib.request.urlopen(f"{url}/overview", timeout=10) as response:
            assert response.status == 200
    finally:
        devserver.stop(process)

"""How the app is served: `streamlit run app.py` in an environment that keeps the server's
memory down. `make run`, the container, the browser tests and the benchmark all start it here.

Measured at 100x scale with ten browser sessions opening every page (bench/results.md): Arrow's
own allocator keeps freed memory for reuse, and glibc gives each thread that allocates an arena
of its own; with Arrow on the system allocator and at most two arenas the server's peak resident
memory drops by about 25 MB, with no slower page.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from .config import ROOT

ENVIRONMENT = {"ARROW_DEFAULT_MEMORY_POOL": "system", "MALLOC_ARENA_MAX": "2"}


def command(options: Sequence[str] = ()) -> list[str]:
    """The server's command line; `options` are Streamlit's (`--server.port 8501`, ...)."""
    return [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), *options]


def environment(**more: str) -> dict[str, str]:
    """This process's environment with the server's settings (a setting already made in the
    environment is kept) and `more`."""
    return {**ENVIRONMENT, **os.environ, **more}


def run(options: Sequence[str]) -> None:
    """Become the server (the process is replaced, so a supervisor's signals reach Streamlit)."""
    line = command(options)
    os.execve(line[0], line, environment())

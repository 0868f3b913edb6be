"""Where the data set and the store live: repository defaults, overridable by environment."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The contract CSV folder: `DASHBOARD_DATA`, else the shipped `data/`."""
    return Path(os.environ.get("DASHBOARD_DATA") or ROOT / "data")


def db_path() -> Path:
    """The DuckDB store: `DASHBOARD_DB`, else `var/klyngemonitor.duckdb` (git-ignored)."""
    return Path(os.environ.get("DASHBOARD_DB") or ROOT / "var" / "klyngemonitor.duckdb")


def import_limits() -> tuple[int, int]:
    """The most an import may bring: bytes over all files (`DASHBOARD_IMPORT_MAX_BYTES`, default
    20 MB) and data rows per file (`DASHBOARD_IMPORT_MAX_ROWS`, default 200,000)."""
    max_bytes = int(os.environ.get("DASHBOARD_IMPORT_MAX_BYTES") or 20_000_000)
    max_rows = int(os.environ.get("DASHBOARD_IMPORT_MAX_ROWS") or 200_000)
    return max_bytes, max_rows


def chromium_path() -> Path:
    """The Chromium that prints board briefs to PDF: `CHROMIUM`, else Debian's
    `/usr/bin/chromium` (Playwright's own browser download is not used)."""
    return Path(os.environ.get("CHROMIUM") or "/usr/bin/chromium")

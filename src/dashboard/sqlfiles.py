"""SQL kept in files under sql/: a file of named statements (`-- name: NAME` before each)."""

from __future__ import annotations

import re
from pathlib import Path

SQL = Path(__file__).parent / "sql"


def named(file: str) -> dict[str, str]:
    """The statements of sql/FILE by name."""
    parts = re.split(r"^-- name: (\w+)\s*$", (SQL / file).read_text(encoding="utf-8"), flags=re.M)
    return {name: body.strip() for name, body in zip(parts[1::2], parts[2::2], strict=True)}


def each(folder: str) -> dict[str, str]:
    """One statement per file in sql/FOLDER, by file name (without .sql)."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((SQL / folder).glob("*.sql"))}

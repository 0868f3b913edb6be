"""The shipped estimates: funding rows derived from the published grants, by the rule in derive.

`python -m dashboard estimates` rewrites data/funding.csv from data/grants.csv; a test proves the
shipped file is exactly what it writes, and validation re-derives every estimate row at build.
Published funding rows (a funder's own ledger) are kept as they are.
"""

from __future__ import annotations

from pathlib import Path

from . import contract_csv, derive
from .contract import TABLE_BY_NAME
from .validate import read_dataset


def generate(data_dir: Path) -> int:
    """Rewrite funding.csv: the published rows it holds, plus the grants' estimate rows."""
    tables = read_dataset(data_dir, names=("clusters", "grants", "funding", "rules"))
    made = derive.funding_rows(tables["grants"].rows)
    keys = {(r["cluster_id"], r["year"], r["funder"]) for r in made}
    kept = [
        r
        for r in tables["funding"].rows
        if r["provenance"] == "published" and (r["cluster_id"], r["year"], r["funder"]) not in keys
    ]
    rows = sorted(kept + made, key=lambda r: (r["cluster_id"], r["year"], r["funder"]))
    return contract_csv.write_table(data_dir / "funding.csv", TABLE_BY_NAME["funding"], rows)

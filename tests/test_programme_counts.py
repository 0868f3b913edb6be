"""The register against the programme's own counts: on every date the programme published a
count of its clusters (data/programme_figures.csv), the store's count is within 10 % of it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

FIGURES = Path(__file__).resolve().parents[1] / "data" / "programme_figures.csv"


def published_totals() -> list[tuple[str, int]]:
    with FIGURES.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["measure"] == "clusters_total"]
    return [(r["reference_date"], int(r["value"])) for r in rows]


TOTALS = published_totals()


def test_the_programme_published_counts_for_several_periods():
    assert len(TOTALS) >= 6


@pytest.mark.parametrize(("reference_date", "published"), TOTALS, ids=[d for d, _ in TOTALS])
def test_the_register_count_is_within_ten_percent(con, reference_date, published):
    (register,) = con.execute(
        "SELECT register FROM register_counts WHERE measure = 'clusters_total' "
        "AND reference_date = CAST(? AS DATE)",
        [reference_date],
    ).fetchone()
    assert abs(register - published) <= 0.1 * published, (
        f"{reference_date}: the register counts {register} clusters, the programme {published}"
    )

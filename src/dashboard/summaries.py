"""What the overview counts, from the extracts: clusters per level and labels held.

Pure pandas, so the numbers a funder reads are unit-tested against the store. What needs
attention is decided in SQL (the `attention` extract), where the label rules live.
"""

from __future__ import annotations

import pandas as pd

from .contract import LABELS, LEVELS


def programme_counts(counts: pd.DataFrame) -> dict[str, int]:
    """Clusters in the programme on the date, per level (levels with none included as 0), from
    the `level_label_counts` extract."""
    per_level = counts.groupby("level")["clusters"].sum()
    return {level: int(per_level.get(level, 0)) for level in LEVELS}


def label_counts(counts: pd.DataFrame) -> dict[str, int]:
    """Labels held on the date by clusters in the programme, per label (best first), from the
    `level_label_counts` extract."""
    per_label = counts.groupby("label")["clusters"].sum()
    return {label: int(per_label.get(label, 0)) for label in LABELS[::-1]}


def latest_published(coverage: pd.DataFrame, measure: str) -> pd.Series | None:
    """The programme's latest published figure of `measure` up to the date (a
    `programme_coverage` row), or None when the record has none."""
    rows = coverage[coverage["measure"] == measure]
    return None if rows.empty else rows.sort_values("reference_date").iloc[-1]


def counties_on_the_map(by_county: pd.DataFrame) -> list[str]:
    """The counties the map of the date shows (the `county_counts` rows with a county)."""
    return [c for c in by_county["county"] if isinstance(c, str)]


def unplaced(by_county: pd.DataFrame) -> int:
    """Clusters in the programme on the date whose county on the date is not known (the
    `county_counts` row without a county): they are not on the map."""
    rows = by_county[by_county["county"].isna()]
    return int(rows["in_programme"].sum())

"""What the overview says, computed from the extracts: KPIs and the list of what needs attention.

Pure pandas, so the numbers a funder reads are unit-tested against the store.
"""

from __future__ import annotations

import pandas as pd

from .contract import LABELS, LEVELS

RENEWAL_GRACE_DAYS = 365  # ESCA: a label can be renewed up to one year after it expired


def programme_counts(clusters: pd.DataFrame) -> dict[str, int]:
    """Clusters in the programme on the date, per level (levels with none included as 0)."""
    counts = clusters["level"].value_counts()
    return {level: int(counts.get(level, 0)) for level in LEVELS}


def label_counts(labels: pd.DataFrame) -> dict[str, int]:
    """Active labels on the date, per label."""
    counts = labels["label"].value_counts()
    return {label: int(counts.get(label, 0)) for label in LABELS[::-1]}


def expiring_count(labels: pd.DataFrame) -> int:
    """Labels that expire within the horizon after the date."""
    return int((labels["status"] == "expiring").sum())


def funding_change(funding: pd.DataFrame, year: int) -> tuple[float, float | None]:
    """Funding in `year` and its relative change vs the year before (None without a base)."""
    by_year = funding.groupby("year")["amount_nok"].sum()
    this_year = float(by_year.get(year, 0.0))
    last_year = float(by_year.get(year - 1, 0.0))
    return this_year, ((this_year - last_year) / last_year if last_year else None)


def attention(labels: pd.DataFrame) -> pd.DataFrame:
    """Clusters that need a funder's attention on the date, most urgent first.

    Kinds: `expiring` (valid label ending within the horizon), `expired` (ended less than a year
    ago, so still renewable), `gce_without_gold` (GCEs must hold Gold to stay in the programme).
    """
    rows = []
    for r in labels.itertuples():
        if r.status == "expiring":
            rows.append(
                (r.cluster_id, r.cluster, r.level, r.label, "expiring", r.valid_until, r.days_left)
            )
        elif r.status == "expired" and r.days_left >= -RENEWAL_GRACE_DAYS:
            rows.append(
                (
                    r.cluster_id,
                    r.cluster,
                    r.level,
                    r.last_label,
                    "expired",
                    r.valid_until,
                    r.days_left,
                )
            )
        if r.level == "GCE" and r.label != "Gold":
            rows.append(
                (
                    r.cluster_id,
                    r.cluster,
                    r.level,
                    r.label,
                    "gce_without_gold",
                    r.valid_until,
                    r.days_left,
                )
            )
    columns = ["cluster_id", "cluster", "level", "label", "kind", "valid_until", "days_left"]
    frame = pd.DataFrame(rows, columns=columns)
    order = {"gce_without_gold": 0, "expiring": 1, "expired": 2}
    frame["rank"] = frame["kind"].map(order)
    return (
        frame.sort_values(["rank", "days_left", "cluster"])
        .drop(columns="rank")
        .reset_index(drop=True)
    )

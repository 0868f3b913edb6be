"""What the overview counts, from the extracts: clusters per level and labels held; a cluster's
peers (the results page and its chart pick them alike); and how a cluster's label status and
place on the date are said (the profile page and its board brief say them alike).

Pure pandas, so the numbers a funder reads are unit-tested against the store. What needs
attention is decided in SQL (the `attention` extract), where the label rules live.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .contract import LABELS, LEVELS
from .i18n import date, date_as_known, t


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


def label_text(status: pd.Series, lang: str) -> str:
    """A cluster's label on the date, from its `labels` extract row: the label, its status, the
    day it is valid until and what that rests on (`Gold · Active (valid until 31 Dec 2016) ·
    expiry from a rule, to be confirmed`)."""
    text = t(f"status.{status['status']}", lang)
    if isinstance(status["last_label"], str):
        text = t("label." + status["last_label"], lang) + " · " + text
    until = status["valid_until"]
    if isinstance(until, dt.date | pd.Timestamp) and pd.notna(until):
        text += f" ({t('col.valid_until', lang).lower()} {date(until, lang)})"
    if isinstance(status["basis"], str):
        text += " · " + t(f"basis.{status['basis']}", lang)
    return text


def place(cluster: pd.Series, lang: str) -> str:
    """Where a cluster is on the date, from its `clusters` extract row: its city and the county
    it was in then, and its county today where that differs (a 2016 view of a Bergen cluster
    reads "Bergen, Hordaland (now in Vestland)"); a county the record does not give is left out."""
    city, then, now = (
        cluster[key] if isinstance(cluster[key], str) else None
        for key in ("city", "county", "region")
    )
    text = ", ".join(x for x in (city, then) if x)
    if now is None or now == then:
        return text
    if not then:  # a place is known today only: say that the date's county is not
        today = t("cluster.county_now_only", lang, county=now)
        return f"{text} · {today}" if text else today
    return f"{text} ({t('cluster.county_now', lang, county=now)})"


def nothing_by_the_date(kind: str, info: pd.Series, as_of: dt.date, lang: str) -> str:
    """Why a profile's `kind` section ("periods", "awards") is empty on the date, from the
    cluster's `cluster_facts` row: the record has none, or its first one comes after the date,
    said with both dates (a 2016 view of a cluster admitted in 2017 does not read as a cluster
    without a record)."""
    column = {"periods": "first_period", "awards": "first_award"}[kind]
    first = info[f"{column}_on"]
    if isinstance(first, dt.date) and pd.notna(first) and pd.Timestamp(first) > pd.Timestamp(as_of):
        known = date_as_known(first, info[f"{column}_precision"], lang)
        return t(f"cluster.{kind}_later", lang, date=date(as_of, lang), first=known)
    return t(f"cluster.no_{kind}", lang)


def counties_on_the_map(by_county: pd.DataFrame) -> list[str]:
    """The counties the map of the date shows (the `county_counts` rows with a county)."""
    return [c for c in by_county["county"] if isinstance(c, str)]


def unplaced(by_county: pd.DataFrame) -> int:
    """Clusters in the programme on the date whose county on the date is not known (the
    `county_counts` row without a county): they are not on the map."""
    rows = by_county[by_county["county"].isna()]
    return int(rows["in_programme"].sum())


def peers_of(members: pd.DataFrame, cluster_id: str) -> pd.DataFrame:
    """The rows of `members` (the latest counts) at the level of `cluster_id`, its own included:
    a cluster's peers are the clusters at its level (none where it has no row)."""
    level = members["level"][members["cluster_id"] == cluster_id]
    return members[members["level"] == level.iloc[0]] if len(level) else members.iloc[:0]

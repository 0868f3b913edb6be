"""What the record does not say: the coverage a brief states, from the same extracts it shows
(a gap is said, never filled)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import summaries
from ..i18n import number, t
from .blocks import named, when


def names(frame: pd.DataFrame) -> str:
    """The clusters of `frame`, by name."""
    return ", ".join(sorted(frame["cluster"], key=str.casefold))


def of_cluster(
    parts: dict[str, pd.DataFrame], info: pd.Series, as_of: dt.date, lang: str
) -> list[str]:
    """What the record does not say about a cluster up to the date (its profile's extracts;
    `info` its `cluster_facts` row, which says when a first period or award comes later)."""
    said = [
        summaries.nothing_by_the_date(kind, info, as_of, lang)
        for kind in ("periods", "awards")
        if parts[kind].empty
    ]
    members = parts["results"][parts["results"]["indicator"] == "members"]
    if members.empty:
        said.append(t("cluster.no_members", lang))
    elif members["year"].max() < as_of.year:
        said.append(t("brief.members_since", lang, year=members["year"].max()))
    funding = parts["funding"]
    if funding.empty:
        said.append(t("cluster.no_funding", lang))
    else:
        if funding["year"].max() < as_of.year:
            said.append(t("brief.funding_since", lang, year=funding["year"].max()))
        estimated = int((funding["provenance"] == "estimate").sum())
        if estimated:
            rows, total = number(estimated, lang), number(len(funding), lang)
            said.append(t("brief.funding_estimated", lang, rows=rows, total=total))
    for period in parts["periods"].itertuples():
        level = named(period.level, "level", lang)
        if pd.isna(period.end_date):
            start = when(period.start_date, lang)
            said.append(t("brief.period_open", lang, level=level, start=start))
        elif isinstance(period.end_rule, str) and period.end_rule != "until_next":
            rule = named(period.end_rule, "rule", lang)
            end = when(period.end_date, lang)
            said.append(t("brief.period_rule", lang, level=level, end=end, rule=rule))
    awards = parts["awards"]
    by_rule = int((awards["basis"] == "rule").sum())
    if by_rule:
        said.append(
            t(
                "brief.expiry_rule",
                lang,
                awards=number(by_rule, lang),
                total=number(len(awards), lang),
            )
        )
    unscored = int(awards["score_pct"].isna().sum())
    if unscored:
        said.append(
            t(
                "brief.no_score",
                lang,
                awards=number(unscored, lang),
                total=number(len(awards), lang),
            )
        )
    return said


def of_area(parts: dict[str, pd.DataFrame], as_of: dt.date, lang: str) -> list[str]:
    """What the record does not say about an area's clusters in the programme on the date (the
    area's extracts)."""
    inside = parts["labels"][parts["labels"]["level"].notna()]
    if inside.empty:
        return []
    said = [
        t(
            "results.coverage",
            lang,
            covered=number(parts["members"]["cluster_id"].nunique(), lang),
            total=number(len(inside), lang),
        ).replace("**", "")
    ]
    silent = inside[~inside["cluster_id"].isin(parts["members"]["cluster_id"])]
    if not silent.empty:
        said.append(t("brief.no_members_for", lang, clusters=names(silent)))
    funding = parts["funding"]
    if funding.empty:
        said.append(t("brief.area_no_funding", lang))
    else:
        this_year = funding[funding["year"] == as_of.year]["cluster_id"]
        unfunded = inside[~inside["cluster_id"].isin(this_year)]
        if not unfunded.empty:
            said.append(t("brief.no_funding_for", lang, year=as_of.year, clusters=names(unfunded)))
        estimated = int((funding["provenance"] == "estimate").sum())
        if estimated:
            rows, total = number(estimated, lang), number(len(funding), lang)
            said.append(t("brief.funding_estimated", lang, rows=rows, total=total))
    held = inside[inside["label"].notna()]
    by_rule = int((held["basis"] == "rule").sum())
    if by_rule:
        said.append(
            t(
                "brief.expiry_rule_held",
                lang,
                labels=number(by_rule, lang),
                total=number(len(held), lang),
            )
        )
    return said

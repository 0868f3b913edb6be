"""Deterministic rules that turn published figures into estimates, written once.

Why: an `estimate` row is only as good as the rule behind it. The same functions make the
shipped estimates (`python -m dashboard estimates` writes funding.csv from grants.csv) and let
validation refuse an estimate row that does not follow its own rule. Rule values come from
data/rules.csv, never from code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

Rules = Mapping[str, tuple[int, str]]  # rule_id -> (value, unit)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day where it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def span_end(start: dt.date, rule: str, rules: Rules) -> dt.date:
    """The last day of a span of the rule's length starting on `start`."""
    value, unit = rules[rule]
    if unit == "months":
        return add_months(start, value) - dt.timedelta(days=1)
    return start + dt.timedelta(days=value - 1)


def span_start(end: dt.date, rule: str, rules: Rules) -> dt.date:
    """The first day of a span of the rule's length that ends on `end` (an ESCA database
    entry gives only valid_until)."""
    value, unit = rules[rule]
    if unit == "months":
        return add_months(end + dt.timedelta(days=1), -value)
    return end - dt.timedelta(days=value - 1)


def period_end(
    start: dt.date, rule: str, rules: Rules, next_start: dt.date | None, stated: dt.date | None
) -> dt.date:
    """A programme period's end by its rule: a term from its start, the day before the
    cluster's next period (`until_next`), or the last day of the year or month a source gives
    for the end (`end_of_year`, `end_of_month`, from the `stated` end)."""
    if rule in ("end_of_year", "end_of_month"):
        if stated is None:
            raise ValueError(f"{rule} needs the end the source gives")
        if rule == "end_of_year":
            return dt.date(stated.year, 12, 31)
        return add_months(stated.replace(day=1), 1) - dt.timedelta(days=1)
    if rule == "until_next":
        if next_start is None:
            raise ValueError("until_next needs a following period")
        return next_start - dt.timedelta(days=1)
    return span_end(start, rule, rules)


def grant_years(grant: Mapping) -> list[tuple[int, int]]:
    """(year, amount) for each year of a published grant: an amount a year as published, or a
    total spread evenly over its years in whole kroner (the last year takes the rounding)."""
    years = list(range(grant["first_year"], grant["last_year"] + 1))
    if grant["basis"] == "year":
        return [(y, grant["amount_nok"]) for y in years]
    each = grant["amount_nok"] // len(years)
    amounts = [each] * (len(years) - 1) + [grant["amount_nok"] - each * (len(years) - 1)]
    return list(zip(years, amounts, strict=True))


def grant_note(grant: Mapping) -> str:
    """The rule of a funding row made from a grant, in words a reader can re-check."""
    span = f"{grant['first_year']}–{grant['last_year']}"
    if grant["basis"] == "year":
        return f"grant of NOK {grant['amount_nok']:,} a year for {span} (grants.csv)"
    n = grant["last_year"] - grant["first_year"] + 1
    return f"grant of NOK {grant['amount_nok']:,} over {span} ÷ {n} years (grants.csv)"


def funding_rows(grants: Iterable[Mapping]) -> list[dict]:
    """The funding rows the published grants give, one per cluster, year and funder."""
    rows = []
    for grant in sorted(grants, key=lambda g: (g["cluster_id"], g["first_year"], g["funder"])):
        for year, amount in grant_years(grant):
            rows.append(
                {
                    "cluster_id": grant["cluster_id"],
                    "year": year,
                    "funder": grant["funder"],
                    "amount_nok": amount,
                    "provenance": "estimate",
                    "source_url": grant["source_url"],
                    "note": grant_note(grant),
                }
            )
    return rows

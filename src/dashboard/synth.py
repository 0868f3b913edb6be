"""A seeded, scaled copy of the shipped data set, for benchmarks and load tests only.

Scale N writes N variants of every shipped cluster: variant 0 is the cluster itself, the others get
an id suffix, another opportunity area and place (region and city) drawn from the shipped ones,
and their programme periods and label awards shifted by a few years (kept inside 2006–2026, so
the shape of the programme over time is kept). Every period gets a drawn grant (the funding rows follow from it by
the shipped rule) and every cluster-year a drawn member count. Drawn figures are for benchmarks
only: nothing here is ever shipped as data.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from . import contract_csv, derive
from .contract import TABLE_BY_NAME
from .validate import Row, read_dataset

FIRST, LAST = dt.date(2006, 1, 1), dt.date(2026, 12, 31)
SYNTHETIC_URL = "https://synthetic.invalid/benchmark"


def _shift(day: dt.date | None, years: int) -> dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _by_rule(award: Row, rules: derive.Rules) -> Row:
    """A shifted award whose validity follows its rule again (29 February has no twin)."""
    rule = award["validity_rule"]
    if not rule:
        return award
    if award["date_precision"] == "derived":
        return {**award, "awarded_on": derive.span_start(award["valid_until"], rule, rules)}
    return {**award, "valid_until": derive.span_end(award["awarded_on"], rule, rules)}


def _fits(rows: list[Row], first: str, last: str | None) -> bool:
    return all(
        r[first] >= FIRST and (last is None or r[last] is None or r[last] <= LAST) for r in rows
    )


def synthesise(data_dir: Path, out: Path, scale: int, seed: int = 2026) -> dict[str, int]:
    """Write a data set `scale` times the shipped one to `out`; returns rows per file."""
    tables = read_dataset(data_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name in (
        "opportunity_areas",
        "indicators",
        "counties",
        "municipality_counties",
        "rules",
        "level_requirements",
        "glossary",
        "programme_figures",
    ):
        shutil.copy(data_dir / f"{name}.csv", out / f"{name}.csv")
    rules = {r["rule_id"]: (r["value"], r["unit"]) for r in tables["rules"].rows}
    areas = [r["area_id"] for r in tables["opportunity_areas"].rows]
    # a drawn region comes with a city of it (or none), so the city's county stays its region's
    places = sorted(
        {(r["region"], r["city"]) for r in tables["clusters"].rows if r["region"]},
        key=lambda place: (place[0], place[1] or ""),
    )
    periods_of: dict[str, list[Row]] = {}
    for p in tables["programme_periods"].rows:
        periods_of.setdefault(p["cluster_id"], []).append(p)
    awards_of: dict[str, list[Row]] = {}
    for a in tables["certifications"].rows:
        awards_of.setdefault(a["cluster_id"], []).append(a)

    clusters, periods, awards = [], [], []
    for variant in range(scale):
        draw = random.Random(f"{seed}:synth:{variant}")
        for cluster in tables["clusters"].rows:
            cid = cluster["cluster_id"] if variant == 0 else f"{cluster['cluster_id']}-s{variant}"
            clone = {**cluster, "cluster_id": cid}
            if variant:
                clone["name"] = f"{cluster['name']} ({variant})"
                clone["area_id"] = draw.choice(areas)
                clone["region"], clone["city"] = draw.choice(places)
                clone["successor_id"] = None
            clusters.append(clone)
            years = 0 if variant == 0 else draw.randint(-3, 3)
            moved = [
                {
                    **p,
                    "cluster_id": cid,
                    "start_date": _shift(p["start_date"], years),
                    "end_date": _shift(p["end_date"], years),
                }
                for p in periods_of.get(cluster["cluster_id"], [])
            ]
            if not _fits(moved, "start_date", "end_date"):
                moved = [
                    {**p, "cluster_id": cid} for p in periods_of.get(cluster["cluster_id"], [])
                ]
                years = 0
            periods += moved
            for a in awards_of.get(cluster["cluster_id"], []):
                score = a["score_pct"]
                if variant and a["label"] == "Gold":
                    score = round(draw.uniform(80, 100))
                awards.append(
                    _by_rule(
                        {
                            **a,
                            "cluster_id": cid,
                            "score_pct": score,
                            "awarded_on": _shift(a["awarded_on"], years),
                            "valid_until": _shift(a["valid_until"], years),
                        },
                        rules,
                    )
                )

    grants, results = [], []
    for period in periods:
        draw = random.Random(f"{seed}:grant:{period['cluster_id']}:{period['start_date']}")
        first = period["start_date"].year
        last = min((period["end_date"] or LAST).year, LAST.year)
        grants.append(
            {
                "cluster_id": period["cluster_id"],
                "funder": "Klyngeprogrammet",
                "amount_nok": draw.randrange(1_500_000, 10_000_000, 1000),
                "basis": "year",
                "first_year": first,
                "last_year": max(first, last),
                "source_url": SYNTHETIC_URL,
                "note": "synthetic (benchmark only)",
            }
        )
        for year in range(first, max(first, last) + 1):
            results.append(
                {
                    "cluster_id": period["cluster_id"],
                    "year": year,
                    "indicator": "members",
                    "value": draw.randint(20, 250),
                    "provenance": "published",
                    "source_url": SYNTHETIC_URL,
                    "note": "synthetic (benchmark only)",
                    "note_nb": "syntetisk (bare for ytelsestester)",
                    "note_en": "synthetic (benchmark only)",
                }
            )
    grants = list({(g["cluster_id"], g["funder"], g["first_year"]): g for g in grants}.values())
    results = list({(r["cluster_id"], r["year"], r["indicator"]): r for r in results}.values())
    funding = derive.funding_rows(grants)
    funding = list({(r["cluster_id"], r["year"], r["funder"]): r for r in funding}.values())
    confirmations = tables["label_confirmations"].rows  # variant 0 keeps the shipped ids
    written = {
        "clusters": clusters,
        "programme_periods": periods,
        "certifications": awards,
        "label_confirmations": confirmations,
        "grants": grants,
        "funding": funding,
        "results": results,
    }
    for name, rows in written.items():
        contract_csv.write_table(out / f"{name}.csv", TABLE_BY_NAME[name], rows)
    return {name: len(rows) for name, rows in written.items()}

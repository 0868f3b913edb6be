"""Seeded generator for the figures the public record lacks: funding per cluster-year and results.

Why: funders need the shape of the money and results over 2006–2026, but Innovasjon Norge publishes
per-cluster figures only now and then. Every generated row says how it was made (provenance
`estimate` when it follows a documented frame, `illustrative` when the frame itself is assumed) and
carries the rule in its `note`. Published member counts (`PUBLISHED_MEMBERS`) are kept as published
rows and anchor the member estimates. Draws are seeded per cluster, so adding a cluster changes no
other cluster's figures.

Rules (frames from ../shared/reference/domain.md §1.4–1.5, §2.1):
- Programme funding per year: a base drawn uniformly in the level's frame (Arena 1.5–3, Arena Pro
  3–6, NCE 4–6, GCE 8–10 NOK m/yr; Mature 1–3, assumed), ±10 % a year, pro rata to the days of the
  year in the period, ×0.7 from 2022 (the ~30 % budget cut). Split Innovasjon Norge 70 %, Siva 15 %,
  Forskningsrådet 15 % (assumed shares of the three owners) → `estimate`.
- Members' own effort: programme funding × U(1.0, 1.3) (own effort at least equal) → `estimate`.
- County: in half the cluster-years, programme funding × U(0.02, 0.10) → `illustrative`.
- Members (count): log-linear between published counts, ±4 %/yr beyond them → `estimate`; with no
  published count, a level-based start growing 3–8 %/yr → `illustrative`.
- Participating companies (members × U(0.55, 0.8)), collaborative projects (level-based range) and
  excess value-creation growth (N(10, 6) pp, programme averages were +14.6 pp in 2020, +15.8 pp in
  2021) → `illustrative`.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from pathlib import Path

from .validate import read_dataset

FIRST_YEAR, LAST_YEAR = 2006, 2026
FRAMES_MNOK = {
    "Arena": (1.5, 3.0),
    "Arena Pro": (3.0, 6.0),
    "NCE": (4.0, 6.0),
    "GCE": (8.0, 10.0),
    "Mature": (1.0, 3.0),
}
OWNER_SHARES = {"Innovasjon Norge": 0.70, "Siva": 0.15, "Forskningsrådet": 0.15}
START_MEMBERS = {"Arena": (20, 45), "Arena Pro": (40, 80), "NCE": (45, 90), "GCE": (80, 150)}
PROJECTS = {
    "Arena": (2, 8),
    "Arena Pro": (4, 12),
    "NCE": (5, 15),
    "GCE": (10, 25),
    "Mature": (8, 20),
}
FRAME_URL = "https://news.cision.com/no/naerings--og-fiskeridepartementet/r/oppretter-eget--champions-league--for-naeringslivet,c9517982"
OWN_EFFORT_URL = "https://www.shifter.no/forskningsradet-innovasjon-norge-norwegian-innovations-clusters/norge-far-forste-naeringsklynge-for-finansteknologi/105459"

# (cluster_id, year, members, source_url): counts as published (reference table, members column).
PUBLISHED_MEMBERS: tuple[tuple[str, int, int, str], ...] = (
    (
        "gce-blue-maritime",
        2014,
        220,
        "https://www.skipsrevyen.no/aktuelt-gce-blue-maritime-global-centre-of-expertise/den-maritime-klyngen-pa-more-far-gce-status/330976",
    ),
    (
        "gce-node",
        2009,
        48,
        "https://www.gcesubsea.no/article/15770/Tre_nye_Norwegian_Centres_of_Expertise_er_utnevnt",
    ),
    ("gce-ocean-technology", 2013, 100, "https://petro.no/gold-label-til-nce-subsea/8410"),
    (
        "gce-ocean-technology",
        2014,
        120,
        "https://www.gcesubsea.no/article/16373/We_Continue_with_the_Same_Strength",
    ),
    (
        "norway-health-tech",
        2016,
        200,
        "https://www.clustercollaboration.eu/cluster-organisations/oslo-medtech",
    ),
    (
        "norway-health-tech",
        2025,
        370,
        "https://www.norwayhealthtech.com/news/health-clusters-merge/",
    ),
    (
        "norwegian-smart-care-cluster",
        2024,
        280,
        "https://www.smartcarecluster.no/aktuelt/2024/1/enews-gold-status",
    ),
    (
        "nce-maritime-cleantech",
        2019,
        100,
        "https://maritimecleantech.no/2019/10/17/krona-med-europeisk-gull-igjen/",
    ),
    (
        "nce-aquatech",
        2016,
        100,
        "https://www.akvagroup.com/news/news-archive/news-view/new-nce-cluster-related-to-aquaculture-food-production--",
    ),
    (
        "arena-solenergi",
        2016,
        60,
        "https://siva.no/2016/06/nye-naeringsklynger-skal-bidra-til-a-drive-omstillingen-i-okonomien/",
    ),
    (
        "norwegian-tunnel-safety",
        2016,
        69,
        "https://siva.no/2016/06/nye-naeringsklynger-skal-bidra-til-a-drive-omstillingen-i-okonomien/",
    ),
    (
        "norwegian-tunnel-safety",
        2019,
        109,
        "https://stavangerregion.no/news/to-klynger-fra-stavangerregionen-har-fatt-oppgradert-status-til-arena-pro/",
    ),
    (
        "woodworks-cluster",
        2016,
        46,
        "https://siva.no/2016/06/nye-naeringsklynger-skal-bidra-til-a-drive-omstillingen-i-okonomien/",
    ),
    ("woodworks-cluster", 2019, 70, "https://nn-24.no/biookonomi/millioner-til-klyngesatsing/"),
    (
        "nce-finance-innovation",
        2018,
        60,
        "https://paulchaffey.blogspot.com/2018/11/ti-nye-nringsklynger.html",
    ),
    (
        "arena-oslo-smart-event-city",
        2017,
        38,
        "https://www.shifter.no/forskningsradet-innovasjon-norge-norwegian-innovations-clusters/norge-far-forste-naeringsklynge-for-finansteknologi/105459",
    ),
    (
        "arctic-cluster-team",
        2023,
        100,
        "https://arcticclusterteam.no/en/aktuelt/2023/european-gold-label-awarded-to-act/",
    ),
    (
        "arena-smart-city-stavanger",
        2017,
        61,
        "https://www.aftenbladet.no/innenriks/i/wMQJ4/Smartby-penger-til-Stavanger",
    ),
    (
        "nce-ikuben",
        2017,
        46,
        "http://www.smp.no/nyheter/2017/10/16/iKuben-tildelt-NCE-status-%E2%80%93-f%C3%A5r-25-mill.-i-fem-%C3%A5r-15461231.ece",
    ),
    ("nce-heidner", 2018, 49, "https://svineportalen.no/hamars-bioklynge-fikk-nce-status/"),
    (
        "nce-blue-legasea",
        2018,
        41,
        "https://paulchaffey.blogspot.com/2018/11/ti-nye-nringsklynger.html",
    ),
    ("norwegian-offshore-wind", 2018, 51, "https://nforeningen.no/penger-til-klyngesatsing"),
    (
        "norwegian-offshore-wind",
        2019,
        80,
        "https://www.maritimt-forum.no/haugalandet-og-sunnhordland/nyheter/2019/dobling-av-medlemsantallet-pa-ett-ar",
    ),
    (
        "norwegian-offshore-wind",
        2021,
        340,
        "https://offshore-wind.no/news/looking-back-at-a-year-with-many-milestones/",
    ),
    (
        "norwegian-energy-solutions",
        2018,
        53,
        "http://www.greaterstavanger.com/om-oss/nyhetsarkiv/to-nye-naeringsklynger-i-regionen",
    ),
    ("life-science-cluster", 2019, 80, "https://tlsc.no/2019/10/18/takk-for-flott-feiring/"),
    (
        "construction-city-cluster",
        2019,
        37,
        "https://dagensperspektiv.no/nyskaping/2019/tar-opp-atte-nye-klynger-i-fornyet-satsing",
    ),
    (
        "nosca-clean-ocean",
        2019,
        27,
        "https://dagensperspektiv.no/nyskaping/2019/tar-opp-atte-nye-klynger-i-fornyet-satsing",
    ),
    (
        "marine-recycling-cluster",
        2019,
        19,
        "https://dagensperspektiv.no/nyskaping/2019/tar-opp-atte-nye-klynger-i-fornyet-satsing",
    ),
    (
        "h2cluster",
        2020,
        37,
        "https://ife.no/to-nye-arena-klynger-for-digital-kompetanse-og-fornybar-energi/",
    ),
    (
        "cod-cluster",
        2020,
        50,
        "https://www.kystogfjord.no/nyheter/forsiden/Samler-innsatsen-for-torsken",
    ),
    (
        "tradlos-framtid",
        2010,
        200,
        "http://docplayer.me/4439680-Evaluering-av-arena-prosjektet-tradlos-framtid.html",
    ),
)

FUNDING_HEADER = ["cluster_id", "year", "funder", "amount_nok", "provenance", "source_url", "note"]
RESULTS_HEADER = ["cluster_id", "year", "indicator", "value", "provenance", "source_url", "note"]


def _rng(seed: int, *parts: object) -> random.Random:
    return random.Random(":".join(str(p) for p in (seed, *parts)))


def cluster_years(periods: list[dict]) -> dict[str, dict[int, tuple[str, float]]]:
    """Per cluster and year: the level of the latest period overlapping the year, and the share of
    the year's days spent in any period (pro-rata funding)."""
    out: dict[str, dict[int, tuple[str, float]]] = {}
    for p in sorted(periods, key=lambda p: p["start_date"]):
        end = p["end_date"] or dt.date(LAST_YEAR, 12, 31)
        for year in range(max(p["start_date"].year, FIRST_YEAR), min(end.year, LAST_YEAR) + 1):
            first = max(p["start_date"], dt.date(year, 1, 1))
            last = min(end, dt.date(year, 12, 31))
            share = ((last - first).days + 1) / (dt.date(year, 12, 31).timetuple().tm_yday)
            _, before = out.setdefault(p["cluster_id"], {}).get(year, ("", 0.0))
            out[p["cluster_id"]][year] = (p["level"], min(1.0, before + share))
    return out


def funding_rows(years: dict[str, dict[int, tuple[str, float]]], seed: int) -> list[list]:
    """Funding per cluster, year and funder, following the documented programme frames."""
    rows = []
    for cluster_id, by_year in sorted(years.items()):
        for year, (level, share) in sorted(by_year.items()):
            low, high = FRAMES_MNOK[level]
            base = _rng(seed, cluster_id, level, "base").uniform(low, high)
            draw = _rng(seed, cluster_id, year, "funding")
            cut = 0.7 if year >= 2022 else 1.0
            programme = base * draw.uniform(0.9, 1.1) * share * cut * 1e6
            frame = f"{level} frame NOK {low:g}–{high:g} m/yr"
            for funder, part in OWNER_SHARES.items():
                note = f"{frame} × {share:.2f} of year{' × 0.7 (2022 cut)' if cut < 1 else ''} × assumed owner share {part:.0%}"
                rows.append(
                    [cluster_id, year, funder, round(programme * part), "estimate", FRAME_URL, note]
                )
            effort = programme * draw.uniform(1.0, 1.3)
            rows.append(
                [
                    cluster_id,
                    year,
                    "Members",
                    round(effort),
                    "estimate",
                    OWN_EFFORT_URL,
                    "members' own effort = programme funding × U(1.0, 1.3)",
                ]
            )
            if draw.random() < 0.5:
                county = programme * draw.uniform(0.02, 0.10)
                rows.append(
                    [
                        cluster_id,
                        year,
                        "County",
                        round(county),
                        "illustrative",
                        "",
                        "county co-funding = programme funding × U(0.02, 0.10), assumed",
                    ]
                )
    return rows


def _members_path(
    cluster_id: str, years: list[int], level: str, seed: int
) -> dict[int, tuple[float, str]]:
    """Member count per year with its provenance: interpolated from published counts, or assumed."""
    anchors = {y: float(v) for c, y, v, _ in PUBLISHED_MEMBERS if c == cluster_id}
    if anchors:
        points = sorted(anchors.items())
        path = {}
        for year in years:
            before = [p for p in points if p[0] <= year]
            after = [p for p in points if p[0] >= year]
            if before and after:
                (y0, v0), (y1, v1) = before[-1], after[0]
                t = 0 if y1 == y0 else (year - y0) / (y1 - y0)
                value = math.exp(math.log(v0) * (1 - t) + math.log(v1) * t)
            elif before:
                value = before[-1][1] * 1.04 ** (year - before[-1][0])
            else:
                value = after[0][1] / 1.04 ** (after[0][0] - year)
            path[year] = (value, "estimate")
        return path
    draw = _rng(seed, cluster_id, "members")
    low, high = START_MEMBERS.get(level, (30, 60))
    value, growth = draw.uniform(low, high), draw.uniform(1.03, 1.08)
    return {y: (value * growth ** (y - years[0]), "illustrative") for y in years}


def results_rows(years: dict[str, dict[int, tuple[str, float]]], seed: int) -> list[list]:
    """Results per cluster, year and indicator; published member counts kept as published rows."""
    rows = []
    published = {(c, y): (v, u) for c, y, v, u in PUBLISHED_MEMBERS}
    for cluster_id in sorted({c for c, _ in published} | set(years)):
        by_year = years.get(cluster_id, {})
        span = sorted(by_year)
        path = _members_path(cluster_id, span, by_year[span[0]][0], seed) if span else {}
        for year in sorted(set(span) | {y for c, y in published if c == cluster_id}):
            if (cluster_id, year) in published:
                value, url = published[(cluster_id, year)]
                rows.append(
                    [
                        cluster_id,
                        year,
                        "members",
                        value,
                        "published",
                        url,
                        "count as published (reference table, members column)",
                    ]
                )
                members = float(value)
            else:
                members, provenance = path[year]
                rule = (
                    "log-linear between published counts, ±4 %/yr beyond"
                    if provenance == "estimate"
                    else "level-based start, 3–8 %/yr growth, assumed"
                )
                rows.append([cluster_id, year, "members", round(members), provenance, "", rule])
            if year not in by_year:
                continue
            level = by_year[year][0]
            draw = _rng(seed, cluster_id, year, "results")
            rows.append(
                [
                    cluster_id,
                    year,
                    "participating_companies",
                    round(members * draw.uniform(0.55, 0.8)),
                    "illustrative",
                    "",
                    "members × U(0.55, 0.8), assumed",
                ]
            )
            low, high = PROJECTS[level]
            rows.append(
                [
                    cluster_id,
                    year,
                    "projects",
                    draw.randint(low, high),
                    "illustrative",
                    "",
                    f"{level}: uniform {low}–{high} projects/yr, assumed",
                ]
            )
            rows.append(
                [
                    cluster_id,
                    year,
                    "value_creation_growth",
                    round(draw.gauss(10, 6), 1),
                    "illustrative",
                    "",
                    "N(10, 6) pp excess growth, assumed; programme averages +14.6 pp (2020), +15.8 pp (2021)",
                ]
            )
    return rows


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def generate(data_dir: Path, seed: int = 2026) -> tuple[int, int]:
    """Write funding.csv and results.csv in `data_dir` from its clusters and programme periods."""
    tables = read_dataset(data_dir, ("opportunity_areas", "clusters", "programme_periods"))
    years = cluster_years(tables["programme_periods"].rows)
    funding, results = funding_rows(years, seed), results_rows(years, seed)
    _write(data_dir / "funding.csv", FUNDING_HEADER, funding)
    _write(data_dir / "results.csv", RESULTS_HEADER, results)
    return len(funding), len(results)

"""The shipped data tells the truth: provenance means what it says, estimates are re-derived
here from the rows they cite (by this file's own arithmetic, not the package's), and named facts
from the public record hold on the dates a funder asks about."""

from __future__ import annotations

import csv
import datetime as dt
import re

import pandas as pd
import pytest
from dateutil.relativedelta import relativedelta

from dashboard import queries, store
from dashboard.filters import Filters

from .conftest import DATA, ROOT


def rows(name: str) -> list[dict]:
    with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


D = dt.date.fromisoformat
RULES = {r["rule_id"]: (int(r["value"]), r["unit"]) for r in rows("rules")}


def test_no_shipped_row_is_illustrative_and_every_published_row_is_sourced():
    for path in DATA.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            for number, row in enumerate(csv.DictReader(f), start=2):
                assert row.get("provenance", "published") in ("published", "estimate"), (
                    path,
                    number,
                )
                if row.get("provenance") == "published":
                    assert row["source_url"].startswith("http"), (path.name, number)
                if row.get("provenance") == "estimate":
                    assert row["note"].strip(), (path.name, number)


def test_every_period_end_by_rule_is_re_derived_from_its_start():
    periods = rows("programme_periods")
    starts: dict[str, list[dt.date]] = {}
    for p in periods:
        starts.setdefault(p["cluster_id"], []).append(D(p["start_date"]))
    checked = 0
    for p in periods:
        start, rule = D(p["start_date"]), p["end_rule"]
        if p["start_precision"] == "month":
            assert start.day == 1
        if p["start_precision"] == "year":
            assert (start.month, start.day) == (1, 1)
        if not rule:
            assert p["provenance"] == ("published" if p["start_precision"] == "day" else "estimate")
            continue
        assert p["provenance"] == "estimate"
        end = D(p["end_date"])
        if rule == "until_next":
            expected = min(d for d in starts[p["cluster_id"]] if d > start) - dt.timedelta(days=1)
        elif rule == "end_of_year":
            expected = dt.date(end.year, 12, 31)
        elif rule == "end_of_month":
            expected = end + relativedelta(day=31)
        else:
            months, unit = RULES[rule]
            assert unit == "months"
            expected = start + relativedelta(months=months) - dt.timedelta(days=1)
        assert end == expected, p
        checked += 1
    assert checked > 60


def test_every_label_expiry_by_rule_is_re_derived_from_its_award():
    checked = 0
    for a in rows("certifications"):
        rule = a["validity_rule"]
        awarded, valid = D(a["awarded_on"]), D(a["valid_until"])
        if a["date_precision"] == "year":
            assert (awarded.month, awarded.day) == (1, 1)
        if a["date_precision"] == "month":
            assert awarded.day == 1
        if not rule:
            continue
        months = RULES[rule][0]
        if a["date_precision"] == "derived":  # ESCA lists only valid_until
            assert awarded == valid + dt.timedelta(days=1) - relativedelta(months=months)
        else:
            assert valid == awarded + relativedelta(months=months) - dt.timedelta(days=1)
        checked += 1
    assert checked > 25


def test_every_funding_estimate_is_re_derived_from_its_grant():
    made: dict[tuple, int] = {}
    for g in rows("grants"):
        years = range(int(g["first_year"]), int(g["last_year"]) + 1)
        amount = int(g["amount_nok"])
        for i, year in enumerate(years):
            if g["basis"] == "year":
                made[(g["cluster_id"], year, g["funder"])] = amount
            else:
                each = amount // len(years)
                last = i == len(years) - 1
                made[(g["cluster_id"], year, g["funder"])] = (
                    amount - each * (len(years) - 1) if last else each
                )
    funding = rows("funding")
    assert {
        (f["cluster_id"], int(f["year"]), f["funder"]): int(f["amount_nok"]) for f in funding
    } == made
    assert all(f["provenance"] == "estimate" for f in funding)


def test_no_published_fact_is_kept_in_python():
    """Facts come with their sources: a source URL in the package's code would be a fact in
    code. Excepted: hosts that cannot exist (`.invalid`, example, the local server) and a
    register's address pattern with a `{}` for the number (a link, not a fact)."""
    offenders = []
    for path in (ROOT / "src" / "dashboard").rglob("*.py"):
        for url in re.findall(r"https?://[^\s\"')]+", path.read_text(encoding="utf-8")):
            if "{}" in url:
                continue
            if not any(host in url for host in (".invalid/", "example", "127.0.0.1")):
                offenders.append((path.name, url))
    assert offenders == []


def label_on(con, cluster_id: str, day: str) -> tuple:
    return con.execute(
        "SELECT label, status, basis, valid_until, confirmed_on FROM label_status(?::DATE) "
        "WHERE cluster_id = ?",
        [day, cluster_id],
    ).fetchone()


def test_gce_ocean_technology_holds_gold_on_2018_06_30_by_a_confirmation(con):
    # gceocean.no årsrapport 2020: 'tildelt ECEI's gullsertifisering siden 2013'; the 2015
    # award alone (two-year rule) would have run out at the end of 2016.
    label, status, basis, valid_until, confirmed = label_on(
        con, "gce-ocean-technology", "2018-06-30"
    )
    assert (label, status, basis, valid_until) == ("Gold", "active", "confirmed", None)
    assert confirmed == dt.date(2020, 12, 31)


def test_without_the_confirmation_the_rule_would_open_the_gap(data_copy, tmp_path):
    f = data_copy / "label_confirmations.csv"
    f.write_text(f.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    store.build(data_copy, db)
    con = store.connect_readonly(db)
    assert label_on(con, "gce-ocean-technology", "2018-06-30")[:3] == (None, "expired", "rule")
    con.close()


def test_oslo_medtech_gold_2016_at_93_percent(con):
    # innovasjonnorge.no 2016: 'Oslo Medtech fikk 93 prosent'
    row = con.execute(
        "SELECT label, score_pct FROM label_status(DATE '2016-06-30') WHERE cluster_id = 'norway-health-tech'"
    ).fetchone()
    assert row == ("Gold", 93.0)


def test_blue_maritime_holds_gold_in_may_2016(con):
    # Innovasjon Norge 2016: the three GCEs held Gold before Oslo Medtech's award
    assert label_on(con, "gce-blue-maritime", "2016-05-31")[:2] == ("Gold", "active")


def test_blue_maritime_holds_gold_in_2022_by_its_renewal_of_autumn_2021(con):
    # bluemaritimecluster.no: 'mottok nylig fornyet Gold-sertifisering' after 'høstens
    # vurdering', with Daniel Garden new as leader; aktivitetsrapport2021.aakp.no: 'har klynga
    # i år fått ny klyngeleder i Daniel Garden'
    assert label_on(con, "gce-blue-maritime", "2022-06-30")[:2] == ("Gold", "active")


@pytest.mark.parametrize(
    "day", ["2016-05-31", "2018-06-30", "2021-06-30", "2024-03-01", "2026-11-24"]
)
def test_no_attention_item_for_a_cluster_outside_the_programme(con, day):
    items = queries.extract(con, "attention", Filters(as_of=D(day)))
    inside = {
        r[0] for r in con.execute("SELECT cluster_id FROM level_on(?::DATE)", [day]).fetchall()
    }
    assert set(items["cluster_id"]) <= inside


def test_a_merged_cluster_needs_no_attention_after_it_ended(con):
    # Norwegian Smart Care Cluster merged into Norway Health Tech on 1 Jan 2025; its Gold
    # ('gyldig i tre år' from January 2024) still runs to 2026-12-31.
    day = Filters(as_of=dt.date(2026, 11, 24))
    labels = queries.extract(con, "labels", day)
    nscc = labels[labels["cluster_id"] == "norwegian-smart-care-cluster"].iloc[0]
    assert nscc["status"] == "expiring" and pd.isna(nscc["level"])
    assert "norwegian-smart-care-cluster" not in set(
        queries.extract(con, "attention", day)["cluster_id"]
    )
    successor = con.execute(
        "SELECT successor_id FROM clusters WHERE cluster_id = 'norwegian-smart-care-cluster'"
    ).fetchone()[0]
    assert successor == "norway-health-tech"


def test_every_attention_item_names_its_basis(con):
    # 2018-06-30: Blue Maritime's 2016 Gold ran out by the two-year rule (the 2019 renewal
    # had not come yet) - an alert that rests on a rule, to be confirmed.
    items = queries.extract(con, "attention", Filters(as_of=dt.date(2018, 6, 30)))
    blue = items[items["cluster_id"] == "gce-blue-maritime"]
    assert set(blue["kind"]) == {"required_label", "expired"}
    assert set(blue["basis"]) == {"rule"}
    # 2023-06-30: GCE Ocean Technology's Dec 2021 Gold, 'extended for another two years'
    items = queries.extract(con, "attention", Filters(as_of=dt.date(2023, 6, 30)))
    ocean = items[items["cluster_id"] == "gce-ocean-technology"].iloc[0]
    assert (ocean["kind"], ocean["basis"]) == ("expiring", "published")
    assert pd.Timestamp(ocean["valid_until"]).date() == dt.date(2023, 11, 30)
    for day in ("2016-06-30", "2020-06-30", "2024-06-30"):
        items = queries.extract(con, "attention", Filters(as_of=D(day)))
        assert items["basis"].isin(["published", "rule", "confirmed"]).all() or items.empty


def test_no_alert_contradicts_a_published_confirmation(con):
    for confirmation in con.execute(
        "SELECT cluster_id, label, coalesce(held_from, held_on), held_on FROM label_confirmations"
    ).fetchall():
        cluster_id, label, first, last = confirmation
        for day in (first, last):
            items = queries.extract(con, "attention", Filters(as_of=day))
            mine = items[items["cluster_id"] == cluster_id]
            assert not ((mine["kind"] == "expired") & (mine["label"] == label)).any()
            if label == "Gold":
                assert "required_label" not in set(mine["kind"])


def test_the_register_is_compared_with_the_programme_s_own_counts(con):
    coverage = queries.extract(con, "programme_coverage", Filters(as_of=dt.date(2026, 11, 24)))
    nov_2019 = coverage[
        (coverage["measure"] == "clusters_total") & (coverage["year"] == 2019)
    ].iloc[0]
    # stavangerregion.no, 20 Nov 2019: 'Totalt eksisterer det 36 klynger'
    assert nov_2019["published"] == 36
    register = con.execute(
        "SELECT count(DISTINCT cluster_id) FROM level_on(DATE '2019-11-20')"
    ).fetchone()[0]
    assert nov_2019["register"] == register


def test_every_programme_figure_estimate_is_re_derived_from_the_published_ones():
    figures = rows("programme_figures")
    published = {
        (f["measure"], f["reference_date"]): float(f["value"])
        for f in figures
        if f["provenance"] == "published"
    }
    estimates = [f for f in figures if f["provenance"] == "estimate"]
    assert estimates
    for f in estimates:
        # the only rule used: a total is the sum of the per-level counts published that day
        assert f["measure"] == "clusters_total"
        parts = [
            value
            for (measure, day), value in published.items()
            if day == f["reference_date"] and measure.startswith("clusters_")
        ]
        assert len(parts) >= 2 and sum(parts) == float(f["value"]), f

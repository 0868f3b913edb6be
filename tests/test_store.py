"""The store built from the shipped data: contents, provenance, label status, atomic swap."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

import duckdb
import pytest

from dashboard import store
from dashboard.contract import TABLES
from dashboard.validate import ValidationError

from .conftest import DATA, ROOT

REFERENCE = ROOT.parent / "shared" / "reference" / "clusters_facts.csv"


def csv_rows(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def test_every_file_lands_in_its_table_row_for_row(con):
    for table in TABLES:
        stored = con.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
        assert stored == csv_rows(DATA / table.file), table.name


def test_the_register_holds_at_least_the_reference_table_s_clusters(con):
    if not REFERENCE.is_file():
        pytest.skip("../shared/reference is not beside the checkout")
    reference = csv_rows(REFERENCE)
    assert con.execute("SELECT count(*) FROM clusters").fetchone()[0] >= reference


def test_every_published_row_has_a_source_url(con):
    for table in ("programme_periods", "certifications", "funding", "results", "programme_figures"):
        missing = con.execute(
            f"SELECT count(*) FROM {table} WHERE provenance = 'published' AND source_url IS NULL"
        ).fetchone()[0]
        assert missing == 0, table


def test_rows_that_are_not_published_say_how_they_were_made(con):
    for table in ("programme_periods", "certifications", "funding", "results", "programme_figures"):
        silent = con.execute(
            f"SELECT count(*) FROM {table} WHERE provenance <> 'published' AND note IS NULL"
        ).fetchone()[0]
        assert silent == 0, table


def test_funding_is_public_money_from_published_grants_only(con):
    funders = {r[0] for r in con.execute("SELECT DISTINCT funder FROM funding").fetchall()}
    assert funders <= {"Klyngeprogrammet", "County"}
    # GCE NODE: 'MNOK 10 in public funding annually for a ten-year-period', GCE from June 2014
    node = con.execute(
        "SELECT min(year), max(year), min(amount_nok), max(amount_nok) FROM funding "
        "WHERE cluster_id = 'gce-node'"
    ).fetchone()
    assert node == (2014, 2023, 10_000_000, 10_000_000)


def status(con, cluster_id: str, on: str) -> tuple:
    return con.execute(
        "SELECT label, status, awarded_on, valid_until, score_pct, days_left "
        "FROM label_status(?::DATE) WHERE cluster_id = ?",
        [on, cluster_id],
    ).fetchone()


def test_gce_node_holds_gold_on_2013_01_01(con):
    label, state, awarded, *_ = status(con, "gce-node", "2013-01-01")
    assert (label, state, awarded) == ("Gold", "active", dt.date(2012, 4, 18))


def test_gce_node_had_no_label_before_its_first_gold(con):
    label, state, *_ = status(con, "gce-node", "2012-04-17")
    assert (label, state) == (None, "none")


def test_ocean_technology_gold_at_100_percent_in_2014(con):
    label, state, _, _, score, _ = status(con, "gce-ocean-technology", "2014-01-01")
    assert (label, state, score) == ("Gold", "active", 100.0)


def test_oslo_medtech_gold_2016_at_93_percent(con):
    label, _, awarded, _, score, _ = status(con, "norway-health-tech", "2016-12-31")
    assert (label, awarded.year, score) == ("Gold", 2016, 93.0)


def test_smart_care_moves_from_silver_to_gold(con):
    assert status(con, "norwegian-smart-care-cluster", "2020-06-01")[0] == "Silver"
    assert status(con, "norwegian-smart-care-cluster", "2022-06-01")[0] == "Gold"


def test_label_expiring_within_180_days_then_expired(con):
    label, state, _, valid_until, _, days_left = status(
        con, "norwegian-smart-care-cluster", "2026-11-24"
    )
    assert (label, state, valid_until, days_left) == ("Gold", "expiring", dt.date(2026, 12, 31), 37)
    label, state, _, _, _, days_left = status(con, "norwegian-smart-care-cluster", "2027-01-01")
    assert (label, state, days_left) == (None, "expired", None)  # no negative days


def test_expiry_horizon_edge_is_180_days(con):
    # GCE NODE's 2024 Gold (three-year cycle) runs to 2026-12-31: 181 days before, it is active.
    assert status(con, "gce-node", "2026-07-03")[1] == "active"
    assert status(con, "gce-node", "2026-07-04")[1] == "expiring"


def test_the_best_valid_label_wins_when_two_overlap(con):
    # Arena Eyde's Bronze ran out in 2013; NCE Eyde's Gold (2019) is what counts in 2020.
    assert status(con, "eyde-klyngen", "2020-06-01")[0] == "Gold"


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_bad_file_leaves_the_old_store_readable_and_unchanged(data_copy, tmp_path):
    db = tmp_path / "var" / "store.duckdb"
    store.build(data_copy, db)
    before = file_hash(db)
    path = data_copy / "certifications.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",Gold,2012-04-18,", ",Gold,2012-04-31,"),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError):
        store.build(data_copy, db)
    assert file_hash(db) == before
    con = store.connect_readonly(db)
    assert con.execute("SELECT count(*) FROM clusters").fetchone()[0] == csv_rows(
        data_copy / "clusters.csv"
    )
    con.close()
    assert [p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_crash_while_writing_leaves_the_old_store_and_no_debris(data_copy, tmp_path, monkeypatch):
    db = tmp_path / "var" / "store.duckdb"
    store.build(data_copy, db)
    before = file_hash(db)

    def crash(*_args, **_kwargs):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(store, "write_store", crash)
    with pytest.raises(OSError):
        store.build(data_copy, db)
    assert file_hash(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["store.duckdb", "store.duckdb.lock"]


def test_readers_keep_their_snapshot_while_a_new_store_is_swapped_in(data_copy, tmp_path):
    db = tmp_path / "store.duckdb"
    store.build(data_copy, db)
    reader = store.connect_readonly(db)
    clusters = data_copy / "clusters.csv"
    lines = clusters.read_text(encoding="utf-8").splitlines()
    clusters.write_text(
        "\n".join(lines + ["new-cluster,New Cluster,,,Oslo,Oslo,other,,,,,,,,,"]) + "\n",
        encoding="utf-8",
    )
    store.build(data_copy, db)
    assert reader.execute("SELECT count(*) FROM clusters").fetchone()[0] == len(lines) - 1
    reader.close()
    fresh = store.connect_readonly(db)
    assert fresh.execute("SELECT count(*) FROM clusters").fetchone()[0] == len(lines)
    fresh.close()


def test_store_is_rebuilt_only_when_data_changes(data_copy, tmp_path):
    db = tmp_path / "store.duckdb"
    assert store.ensure_store(data_copy, db) is True
    assert store.ensure_store(data_copy, db) is False
    with (data_copy / "indicators.csv").open("a", encoding="utf-8") as f:
        f.write("exports,Eksport,Exports,NOK,\n")
    assert store.ensure_store(data_copy, db) is True


def test_serving_connection_cannot_write_or_reach_files(con, tmp_path):
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM clusters")
    with pytest.raises(duckdb.Error):
        con.execute(f"SELECT * FROM read_csv('{DATA / 'clusters.csv'}')")


def test_constraints_hold_in_the_store_itself(store_path, tmp_path):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(store_path.read_bytes())
    con = duckdb.connect(str(copy))
    bad = [
        "INSERT INTO certifications VALUES ('gce-node','Gold','2030-01-01','day','2029-01-01',NULL,NULL,'estimate',NULL,'x',NULL,NULL)",
        "INSERT INTO certifications VALUES ('gce-node','Gold','2030-01-01','day','2031-01-01',NULL,120,'estimate',NULL,'x',NULL,NULL)",
        "INSERT INTO funding VALUES ('gce-node',2030,'Siva',-1,'estimate',NULL,'x')",
        "INSERT INTO programme_periods VALUES ('gce-node','Super','2030-01-01','day',NULL,NULL,'estimate',NULL,'x',NULL,NULL)",
        "INSERT INTO results VALUES ('nope',2030,'members',1,'estimate',NULL,'x',NULL,NULL)",
        "INSERT INTO certifications VALUES ('gce-node','Gold','2030-01-01','day','2031-01-01',NULL,NULL,'published',NULL,'x',NULL,NULL)",
        "INSERT INTO certifications VALUES ('gce-node','Gold','2030-01-01','day','2031-01-01',NULL,NULL,'illustrative','https://x.org','x',NULL,NULL)",
        "INSERT INTO clusters (cluster_id, name, area_id, successor_id) VALUES ('selfie','S','other','selfie')",
    ]
    for statement in bad:
        with pytest.raises(duckdb.ConstraintException):
            con.execute(statement)
    con.close()


def test_a_store_made_under_another_contract_is_rebuilt(data_copy, tmp_path, monkeypatch):
    db = tmp_path / "store.duckdb"
    assert store.ensure_store(data_copy, db) is True
    monkeypatch.setattr(store.contract, "DIGEST", "another descriptor")
    assert store.ensure_store(data_copy, db) is True
    assert store.ensure_store(data_copy, db) is False

"""The benchmark's scaled data set: valid under the contract, seeded, and N times the shipped one."""

from __future__ import annotations

from pathlib import Path

from dashboard import store, synth
from dashboard.validate import read_dataset

from .conftest import DATA


def test_scale_three_is_three_times_the_shipped_clusters_and_builds(tmp_path: Path):
    rows = synth.synthesise(DATA, tmp_path / "s3", 3)
    shipped = read_dataset(DATA)
    assert rows["clusters"] == 3 * len(shipped["clusters"].rows)
    assert rows["certifications"] == 3 * len(shipped["certifications"].rows)
    assert rows["programme_periods"] == 3 * len(shipped["programme_periods"].rows)
    report = store.build(tmp_path / "s3", tmp_path / "s3.duckdb")  # validates every file
    assert report.rows["funding"] > 2.5 * len(shipped["funding"].rows)


def test_same_seed_same_files_and_variant_zero_is_the_shipped_data(tmp_path: Path):
    synth.synthesise(DATA, tmp_path / "a", 2, seed=1)
    synth.synthesise(DATA, tmp_path / "b", 2, seed=1)
    for name in ("clusters", "programme_periods", "certifications", "funding", "results"):
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == (
            tmp_path / "b" / f"{name}.csv"
        ).read_bytes()
    scaled = read_dataset(tmp_path / "a")
    original = {r["cluster_id"]: r for r in read_dataset(DATA)["clusters"].rows}
    for row in scaled["clusters"].rows:
        if row["cluster_id"] in original:
            assert row == original[row["cluster_id"]]

"""Bad input gets a clear message naming file, row and column; every problem at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.validate import ValidationError, read_dataset

from .conftest import ROOT


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def row_of(path: Path, needle: str) -> int:
    """The spreadsheet row (header = 1) of the first line containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def problems(data: Path) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        read_dataset(data)
    return [str(p) for p in caught.value.problems]


def test_shipped_data_is_valid(data_copy):
    assert len(read_dataset(data_copy)["clusters"].rows) > 60


def test_missing_column(data_copy):
    f = data_copy / "clusters.csv"
    replace(
        f,
        "cluster_id,name,name_en,former_names,region,city,area_id,",
        "cluster_id,name,name_en,former_names,region,city,area,",
    )
    assert problems(data_copy) == [
        f"{f}, row 1, column area_id: required column is missing from the header"
    ]


def test_unknown_cluster_id(data_copy):
    f = data_copy / "certifications.csv"
    replace(f, "gce-node,Gold,2012-04-18", "gce-nod,Gold,2012-04-18")
    row = row_of(f, "gce-nod,Gold,2012-04-18")
    assert problems(data_copy) == [
        f"{f}, row {row}, column cluster_id: unknown cluster_id 'gce-nod' (not in clusters.csv)"
    ]


def test_bad_date(data_copy):
    f = data_copy / "certifications.csv"
    replace(f, "gce-node,Gold,2012-04-18", "gce-node,Gold,18.04.2012")
    row = row_of(f, "18.04.2012")
    assert problems(data_copy) == [
        f"{f}, row {row}, column awarded_on: '18.04.2012' is not a date (YYYY-MM-DD)"
    ]


def test_impossible_date(data_copy):
    f = data_copy / "programme_periods.csv"
    replace(f, "gce-node,GCE,2014-06-18", "gce-node,GCE,2014-02-30")
    # the NCE period before it ends by until_next, which would then have no next start to use
    replace(
        f,
        "gce-node,NCE,2009-06-11,day,2014-06-17,until_next",
        "gce-node,NCE,2009-06-11,day,2014-06-17,",
    )
    row = row_of(f, "2014-02-30")
    assert problems(data_copy) == [
        f"{f}, row {row}, column start_date: '2014-02-30' is not a date (YYYY-MM-DD)"
    ]


def test_score_over_100(data_copy):
    f = data_copy / "certifications.csv"
    replace(f, ",2026-12-31,label_three_year_cycle,95,", ",2026-12-31,label_three_year_cycle,120,")
    row = row_of(f, ",120,")
    assert problems(data_copy) == [
        f"{f}, row {row}, column score_pct: 120 is outside the range 0–100"
    ]


def test_negative_amount(data_copy):
    f = data_copy / "funding.csv"
    first = f.read_text(encoding="utf-8").splitlines()[1].split(",")
    replace(f, ",".join(first[:4]), ",".join([*first[:3], "-5"]))
    assert f"{f}, row 2, column amount_nok: -5 is outside the range ≥ 0" in problems(data_copy)


def test_amount_must_be_whole_kroner(data_copy):
    f = data_copy / "funding.csv"
    first = f.read_text(encoding="utf-8").splitlines()[1].split(",")
    replace(f, ",".join(first[:4]), ",".join([*first[:3], "1500.50"]))
    assert f"{f}, row 2, column amount_nok: '1500.50' is not a whole number" in problems(data_copy)


def test_a_number_too_large_for_its_store_column(data_copy):
    """The width of the store's integer column is the contract's too: a rule's value is an
    INTEGER, an amount a BIGINT (the validator refuses what the store could not hold)."""
    rules = data_copy / "rules.csv"
    replace(rules, "alert_horizon,180,days", "alert_horizon,3000000000,days")
    funding = data_copy / "funding.csv"
    first = funding.read_text(encoding="utf-8").splitlines()[1].split(",")
    replace(funding, ",".join(first[:4]), ",".join([*first[:3], "3000000000"]))
    row = row_of(rules, "alert_horizon")
    found = problems(data_copy)
    assert f"{rules}, row {row}, column value: 3000000000 is too large a number" in found
    assert not any(p.endswith("amount_nok: 3000000000 is too large a number") for p in found)


def test_duplicate_key(data_copy):
    f = data_copy / "funding.csv"
    lines = f.read_text(encoding="utf-8").splitlines()
    f.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    cluster, year, funder = lines[1].split(",")[:3]
    assert problems(data_copy) == [
        f"{f}, row {len(lines) + 1}, column funder: duplicate key (cluster_id, year, funder) = "
        f"({cluster}, {year}, {funder}), first seen in row 2"
    ]


def test_valid_until_before_awarded_on(data_copy):
    f = data_copy / "certifications.csv"
    replace(
        f,
        "gce-node,Gold,2012-04-18,day,2015-04-17,label_three_year_cycle",
        "gce-node,Gold,2012-04-18,day,2011-04-17,",
    )
    row = row_of(f, "2011-04-17")
    assert problems(data_copy) == [
        f"{f}, row {row}, column valid_until: valid_until 2011-04-17 is before awarded_on 2012-04-18"
    ]


def test_unknown_level(data_copy):
    f = data_copy / "programme_periods.csv"
    replace(f, "gce-node,GCE,", "gce-node,Champions League,")
    row = row_of(f, "Champions League")
    assert problems(data_copy) == [
        f"{f}, row {row}, column level: 'Champions League' is not one of Arena, Arena Pro, NCE, GCE, "
        "Mature, Hub-node, NIC Connect, NIC Impact"
    ]


def test_unknown_label(data_copy):
    f = data_copy / "certifications.csv"
    replace(f, "gce-node,Gold,2012-04-18", "gce-node,Platinum,2012-04-18")
    row = row_of(f, "Platinum")
    assert problems(data_copy) == [
        f"{f}, row {row}, column label: 'Platinum' is not one of Bronze, Silver, Gold"
    ]


def test_wrong_encoding(data_copy):
    f = data_copy / "clusters.csv"
    f.write_bytes(f.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    message = problems(data_copy)[0]
    assert message.startswith(f"{f}: not UTF-8 (byte 0x")
    assert message.endswith("save the file as UTF-8")


def test_empty_file(data_copy):
    f = data_copy / "indicators.csv"
    f.write_bytes(b"")
    assert f"{f}: the file is empty (no header row)" in problems(data_copy)


def test_header_without_rows_is_an_empty_table(data_copy):
    f = data_copy / "label_confirmations.csv"
    f.write_text(f.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert read_dataset(data_copy)["label_confirmations"].rows == []


def test_missing_file(data_copy):
    (data_copy / "results.csv").unlink()
    assert problems(data_copy) == [f"{data_copy / 'results.csv'}: the file is missing"]


def test_published_row_without_source(data_copy):
    f = data_copy / "programme_periods.csv"
    url = "https://www.nce-se.no/index_old.php/nce-se/print/nce_systems_engineering_videreutvikles"
    replace(f, f",published,{url},", ",published,,")
    row = row_of(f, "nce-systems-engineering,NCE,")
    assert problems(data_copy) == [
        f"{f}, row {row}, column source_url: a published row needs a source_url"
    ]


def test_source_that_is_not_a_url(data_copy):
    f = data_copy / "certifications.csv"
    replace(f, "https://www.femac.org/", "www.femac.org/")
    row = row_of(f, ",www.femac.org/")
    [message] = problems(data_copy)
    assert message.startswith(f"{f}, row {row}, column source_url: 'www.femac.org/")
    assert message.endswith("is not a URL (must start with http:// or https://)")


def test_overlapping_periods(data_copy):
    f = data_copy / "programme_periods.csv"
    replace(
        f,
        "gce-node,GCE,2014-06-18,day,2024-06-17,term_ten_years",
        "gce-node,GCE,2014-01-01,day,2024-06-17,",
    )
    replace(
        f,
        "gce-node,NCE,2009-06-11,day,2014-06-17,until_next",
        "gce-node,NCE,2009-06-11,day,2014-06-17,",
    )
    row = row_of(f, "gce-node,GCE,2014-01-01")
    nce_row = row_of(f, "gce-node,NCE,")
    assert problems(data_copy) == [
        f"{f}, row {row}, column start_date: period starting 2014-01-01 overlaps the NCE period "
        f"2009-06-11 – 2014-06-17 in row {nce_row}"
    ]


def test_row_with_wrong_number_of_fields(data_copy):
    f = data_copy / "opportunity_areas.csv"
    replace(f, "other,Andre,Other,", "other,Andre")
    row = row_of(f, "other,Andre")
    # The dropped area also leaves every cluster tagged `other` pointing nowhere.
    found = problems(data_copy)
    assert found[0] == f"{f}, row {row}: has 2 fields but the header has 4"
    assert all("unknown area_id 'other'" in p for p in found[1:]) and len(found) > 1


def test_unknown_provenance(data_copy):
    f = data_copy / "results.csv"
    first = f.read_text(encoding="utf-8").splitlines()[1]
    parts = first.split(",")
    replace(f, first, ",".join([*parts[:4], "guess", *parts[5:]]))
    assert problems(data_copy) == [
        f"{f}, row 2, column provenance: 'guess' is not one of published, estimate"
    ]


def test_year_that_is_not_a_year(data_copy):
    f = data_copy / "results.csv"
    first = f.read_text(encoding="utf-8").splitlines()[1]
    parts = first.split(",")
    replace(f, first, ",".join([parts[0], "20x1", *parts[2:]]))
    assert problems(data_copy) == [f"{f}, row 2, column year: '20x1' is not a year"]


def test_id_with_spaces(data_copy):
    f = data_copy / "indicators.csv"
    replace(f, "members,", "Collab projects,")
    found = problems(data_copy)
    row = row_of(f, "Collab projects")
    assert found[0] == (
        f"{f}, row {row}, column indicator_id: 'Collab projects' is not an id "
        "(lower-case letters, digits, hyphens, underscores)"
    )


def test_unknown_indicator_in_results(data_copy):
    f = data_copy / "results.csv"
    replace(f, ",members,", ",patents,")
    row = row_of(f, ",patents,")
    assert problems(data_copy) == [
        f"{f}, row {row}, column indicator: unknown indicator_id 'patents' (not in indicators.csv)"
    ]


def test_required_cell_left_empty(data_copy):
    f = data_copy / "clusters.csv"
    replace(f, "gce-node,GCE NODE,", "gce-node,,")
    row = row_of(f, "gce-node,,")
    assert problems(data_copy) == [f"{f}, row {row}, column name: is required"]


def test_every_problem_is_reported_at_once(data_copy):
    certs = data_copy / "certifications.csv"
    replace(certs, "gce-node,Gold,2012-04-18", "gce-node,Platinum,2012-04-18")
    funding = data_copy / "funding.csv"
    first = funding.read_text(encoding="utf-8").splitlines()[1].split(",")
    replace(funding, ",".join(first[:4]), ",".join([*first[:3], "-5"]))
    (data_copy / "indicators.csv").write_bytes(b"")
    found = problems(data_copy)
    assert any("certifications.csv" in p and "Platinum" in p for p in found)
    assert any("funding.csv" in p and "-5 is outside" in p for p in found)
    assert any("indicators.csv" in p and "empty" in p for p in found)


def test_cli_build_lists_problems_and_keeps_the_store(data_copy, tmp_path):
    db = tmp_path / "store.duckdb"
    command = [
        sys.executable,
        "-m",
        "dashboard",
        "build",
        "--data",
        str(data_copy),
        "--db",
        str(db),
    ]
    assert subprocess.run(command, capture_output=True, text=True, cwd=ROOT).returncode == 0
    before = db.read_bytes()
    replace(
        data_copy / "certifications.csv", "gce-node,Gold,2012-04-18", "gce-node,Gold,2012-04-31"
    )
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1
    assert "Build stopped: 1 problem(s)" in run.stderr and "the store was not changed" in run.stderr
    assert "column awarded_on: '2012-04-31' is not a date (YYYY-MM-DD)" in run.stderr
    assert db.read_bytes() == before


def _append(path: Path, line: str) -> int:
    """Add a data row; returns its spreadsheet row."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + line + "\n", encoding="utf-8")
    return len(text.rstrip("\n").splitlines()) + 1


URL = "https://example.org/source"


@pytest.mark.parametrize(
    ("file", "edit", "column", "message"),
    [
        (
            "programme_figures.csv",
            ("append", f"2019,clusters_happy,3,on_date,2019-11-20,published,{URL},x,,"),
            "measure",
            "'clusters_happy' is not one of clusters_total",
        ),
        (
            "label_confirmations.csv",
            ("append", f"gce-nod,Gold,,2018-06-30,{URL},held Gold,,"),
            "cluster_id",
            "unknown cluster_id 'gce-nod' (not in clusters.csv)",
        ),
        (
            "clusters.csv",
            ("replace", ",norway-health-tech,", ",norway-health-tek,"),
            "successor_id",
            "unknown cluster_id 'norway-health-tek' (not in clusters.csv)",
        ),
        (
            "clusters.csv",
            (
                "replace",
                "MediArena | Media City Bergen,Vestland,",
                "MediArena | Media City Bergen,Østlandet,",
            ),
            "region",
            "unknown county 'Østlandet' (not in counties.csv)",
        ),
        (
            "clusters.csv",
            (
                "replace",
                "MediArena | Media City Bergen,Vestland,",
                "MediArena | Media City Bergen,Viken,",
            ),
            "region",
            "'Viken' is no longer a county; today's are Agder, Akershus, Buskerud",
        ),
        (
            "programme_periods.csv",
            (
                "replace",
                'ncemediatenyears/,"MediArena, Arena from 2010 (year only)"',
                "ncemediatenyears/,",
            ),
            "note",
            "an estimate row needs its rule written in note",
        ),
        (
            "certifications.csv",
            (
                "replace",
                "gce-ocean-technology,Gold,2015-01-01,year,2016-12-31,",
                "gce-ocean-technology,Gold,2015-01-01,year,2017-12-31,",
            ),
            "valid_until",
            "validity_rule label_renewal gives valid_until 2016-12-31, not 2017-12-31",
        ),
        (
            "programme_periods.csv",
            (
                "replace",
                "gce-ocean-technology,GCE,2015-06-12,day,2025-06-11,",
                "gce-ocean-technology,GCE,2015-06-12,day,2026-06-11,",
            ),
            "end_date",
            "end_rule term_ten_years gives end_date 2025-06-11, not 2026-06-11",
        ),
        (
            "programme_periods.csv",
            (
                "replace",
                "norwegian-smart-care-cluster,Arena Pro,2019-11-08,day,",
                "norwegian-smart-care-cluster,Arena Pro,2019-11-01,month,",
            ),
            "provenance",
            "a published row states its dates: with start_precision month",
        ),
        (
            "funding.csv",
            ("append", "gce-node,2030,Klyngeprogrammet,10000000,estimate,,made up"),
            "provenance",
            "an estimate of funding must follow from a published grant (grants.csv)",
        ),
        (
            "programme_figures.csv",
            ("append", f"2019,clusters_gce,3,during_year,2019-06-30,published,{URL},x,,"),
            "reference_date",
            "a figure for the whole year is dated 31 December 2019, not 2019-06-30",
        ),
    ],
    ids=[
        "unknown measure",
        "confirmation for unknown cluster",
        "successor that does not exist",
        "region not a county",
        "region no longer a county",
        "estimate without a rule",
        "expiry not by its rule",
        "period end not by its rule",
        "published row with a derived date",
        "funding estimate without a grant",
        "year figure not dated 31 Dec",
    ],
)
def test_new_tables_and_columns_refuse_bad_input(data_copy, tmp_path, file, edit, column, message):
    from dashboard import store

    db = tmp_path / "store.duckdb"
    store.build(data_copy, db)
    before = db.read_bytes()
    f = data_copy / file
    if edit[0] == "append":
        row = _append(f, edit[1])
    else:
        row = row_of(f, edit[1])
        replace(f, edit[1], edit[2])
    found = problems(data_copy)
    assert any(p.startswith(f"{f}, row {row}, column {column}: {message}") for p in found), found
    with pytest.raises(ValidationError):
        store.build(data_copy, db)
    assert db.read_bytes() == before


# Each place's county over time (municipality_counties.csv): a county of its time, one at a time,
# and today's the cluster's region.
@pytest.mark.parametrize(
    ("file", "edit", "column", "message"),
    [
        (
            "municipality_counties.csv",
            ("replace", "Bergen,Vestland,2020-01-01", "Bergen,Vestlandet,2020-01-01"),
            "county",
            "unknown county 'Vestlandet' (not in counties.csv)",
        ),
        (
            "municipality_counties.csv",
            ("replace", "Trondheim,Trøndelag,2018-01-01", "Trondheim,Trøndelag,2016-01-01"),
            "valid_from",
            "Trøndelag was a county 2018-01-01 – today: the row's 2016-01-01 – today is not within",
        ),
        (
            "municipality_counties.csv",
            ("append", f"Bergen,Vestland,2022-01-01,,{URL},published,x"),
            "valid_from",
            "Bergen is in Vestland until today in row",
        ),
        (
            "clusters.csv",
            ("replace", ",Rogaland,Haugesund,ren-energi,", ",Vestland,Haugesund,ren-energi,"),
            "region",
            "'Vestland' is not the county of the cluster's city: Haugesund is in Rogaland today",
        ),
        (
            "clusters.csv",
            ("replace", ",Vestland,Stord,", ",Vestland,Leirvik,"),
            "city",
            "unknown city 'Leirvik' (not in municipality_counties.csv)",
        ),
    ],
    ids=[
        "county that never existed",
        "row outside its county's term",
        "two counties at once",
        "region not its city's county",
        "city with no county",
    ],
)
def test_a_place_s_county_over_time_is_checked(data_copy, file, edit, column, message):
    f = data_copy / file
    if edit[0] == "append":
        row = _append(f, edit[1])
    else:
        row = row_of(f, edit[1])
        replace(f, edit[1], edit[2])
    found = problems(data_copy)
    assert any(p.startswith(f"{f}, row {row}, column {column}: {message}") for p in found), found

"""Imports: validated against the store, applied atomically with an audit trail, never damaging."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import importer, queries, store
from dashboard.contract import TABLES
from dashboard.filters import Filters
from dashboard.validate import ValidationError

from .conftest import DATA, ROOT

CERT_HEADER = (
    "cluster_id,label,awarded_on,date_precision,valid_until,validity_rule,score_pct,provenance,"
    "source_url,note\n"
)
RENEWAL = "gce-node,Gold,2027-04-18,day,2030-04-17,,97,published,https://gcenode.no/news/renewal,renewed\n"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "var" / "store.duckdb"
    store.build(DATA, path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def certs(*rows: str) -> tuple[str, bytes]:
    return ("certifications.csv", (CERT_HEADER + "".join(rows)).encode())


def funding_line(con_db: Path, index: int = 0) -> list[str]:
    return (DATA / "funding.csv").read_text(encoding="utf-8").splitlines()[index + 1].split(",")


def test_a_renewal_is_added_and_logged(db):
    plan = importer.plan(db, [certs(RENEWAL)])
    assert plan.summary() == "certifications: 1 added, 0 changed, 0 unchanged"
    assert importer.apply(db, plan) == 1
    con = store.connect_readonly(db)
    labels = queries.extract(
        con, "labels", Filters(as_of=__import__("datetime").date(2028, 1, 1)), "gce-node"
    )
    assert (labels["label"][0], labels["score_pct"][0]) == ("Gold", 97.0)
    [(import_id, _, files, counts, content_hash)] = importer.history(con)
    con.close()
    assert (import_id, files) == (1, '["certifications.csv"]')
    assert '"added": 1' in counts and content_hash == plan.content_hash


def test_changed_and_unchanged_rows_are_told_apart(db):
    text = (DATA / "results.csv").read_text(encoding="utf-8").splitlines()
    header, lines = text[0], text[1:3]
    first = lines[0].split(",")
    first[3] = str(int(float(first[3])) + 1)
    content = "\n".join([header, ",".join(first), lines[1]]) + "\n"
    plan = importer.plan(db, [("results.csv", content.encode())])
    assert plan.summary() == "results: 0 added, 1 changed, 1 unchanged"


def test_dry_run_shows_the_change_and_writes_nothing(db, tmp_path):
    before = digest(db)
    upload = tmp_path / "certifications.csv"
    upload.write_bytes(certs(RENEWAL)[1])
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "import", str(upload), "--db", str(db), "--dry-run"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0
    assert "certifications: 1 added, 0 changed, 0 unchanged" in run.stdout
    assert "dry run: nothing written" in run.stdout
    assert digest(db) == before


def test_cli_import_and_history(db, tmp_path):
    upload = tmp_path / "certifications.csv"
    upload.write_bytes(certs(RENEWAL)[1])
    command = [sys.executable, "-m", "dashboard"]
    run = subprocess.run(
        [*command, "import", str(upload), "--db", str(db)], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 0 and "Applied import 1" in run.stdout
    history = subprocess.run(
        [*command, "history", "--db", str(db)], capture_output=True, text=True, cwd=ROOT
    )
    assert "1\t" in history.stdout and "certifications.csv" in history.stdout


def test_workbook_with_one_sheet_per_table(db):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "certifications"
    sheet.append(CERT_HEADER.strip().split(","))
    sheet.append(RENEWAL.strip().split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    plan = importer.plan(db, [("renewals.xlsx", buffer.getvalue())])
    assert plan.summary() == "certifications: 1 added, 0 changed, 0 unchanged"


BAD = {
    "unknown cluster": (
        certs("gce-nod,Gold,2027-04-18,day,2029-04-17,,,estimate,,x\n"),
        "certifications.csv, row 2, column cluster_id: unknown cluster_id 'gce-nod' (not in clusters.csv)",
    ),
    "bad date": (
        certs("gce-node,Gold,2027-13-18,day,2029-04-17,,,estimate,,x\n"),
        "certifications.csv, row 2, column awarded_on: '2027-13-18' is not a date (YYYY-MM-DD)",
    ),
    "score 120": (
        certs("gce-node,Gold,2027-04-18,day,2029-04-17,,120,estimate,,x\n"),
        "certifications.csv, row 2, column score_pct: 120 is outside the range 0–100",
    ),
    "valid_until first": (
        certs("gce-node,Gold,2027-04-18,day,2026-04-17,,,estimate,,x\n"),
        "certifications.csv, row 2, column valid_until: valid_until 2026-04-17 is before awarded_on 2027-04-18",
    ),
    "unknown label": (
        certs("gce-node,Platinum,2027-04-18,day,2029-04-17,,,estimate,,x\n"),
        "certifications.csv, row 2, column label: 'Platinum' is not one of Bronze, Silver, Gold",
    ),
    "duplicate": (
        certs(RENEWAL, RENEWAL),
        "certifications.csv, row 3, column awarded_on: duplicate key (cluster_id, label, awarded_on) = (gce-node, Gold, 2027-04-18), first seen in row 2",
    ),
    "published no source": (
        certs("gce-node,Gold,2027-04-18,day,2029-04-17,,,published,,x\n"),
        "certifications.csv, row 2, column source_url: a published row needs a source_url",
    ),
    "bad url": (
        certs("gce-node,Gold,2027-04-18,day,2029-04-17,,,estimate,gcenode.no,x\n"),
        "certifications.csv, row 2, column source_url: 'gcenode.no' is not a URL (must start with http:// or https://)",
    ),
    "backdated": (
        certs("gce-node,Silver,2020-01-01,day,2021-12-31,,,estimate,,x\n"),
        "certifications.csv, row 2, column awarded_on: new award 2020-01-01 predates the cluster's latest award 2024-01-01 in the store; pass --allow-backdated if that is intended",
    ),
    "wrong fields": (
        certs("gce-node,Gold,2027-04-18\n"),
        "certifications.csv, row 2: has 3 fields but the header has 10",
    ),
    "missing column": (
        (
            "certifications.csv",
            b"cluster_id,label,awarded_on,provenance\ngce-node,Gold,2027-04-18,estimate\n",
        ),
        [
            "certifications.csv, row 1, column date_precision: required column is missing from the header",
            "certifications.csv, row 1, column valid_until: required column is missing from the header",
        ],
    ),
    "empty": (("certifications.csv", b""), "certifications.csv: the file is empty (no header row)"),
    "encoding": (
        ("clusters.csv", "cluster_id,name,area_id\nny-klynge,Næring,other\n".encode("latin-1")),
        "clusters.csv: not UTF-8 (byte 0xe6 at position 35); save the file as UTF-8",
    ),
    "not a contract file": (
        ("awards.csv", CERT_HEADER.encode()),
        "awards.csv: not a contract file name (one of opportunity_areas.csv, indicators.csv, counties.csv, municipality_counties.csv, rules.csv, level_requirements.csv, glossary.csv, clusters.csv, programme_periods.csv, certifications.csv, label_confirmations.csv, grants.csv, funding.csv, results.csv, programme_figures.csv)",
    ),
    "overlap": (
        (
            "programme_periods.csv",
            b"cluster_id,level,start_date,start_precision,end_date,end_rule,provenance,source_url,note\n"
            b"gce-node,Arena,2013-01-01,day,2013-12-31,,estimate,,x\n",
        ),
        [
            "programme_periods.csv, row 2, column start_date: period starting 2013-01-01 overlaps the NCE period 2009-06-11 \u2013 2014-06-17 in the store",
            # and the NCE period in the store, which ends by until_next, would now end in 2012
            "programme_periods.csv, column end_date: end_rule until_next gives end_date 2012-12-31, not 2014-06-17",
        ],
    ),
    "unknown level": (
        (
            "programme_periods.csv",
            b"cluster_id,level,start_date,start_precision,end_date,end_rule,provenance,source_url,note\n"
            b"gce-node,Platinum League,2030-01-01,day,,,estimate,,x\n",
        ),
        "programme_periods.csv, row 2, column level: 'Platinum League' is not one of Arena, Arena Pro, NCE, GCE, Mature, Hub-node, NIC Connect, NIC Impact",
    ),
    "negative amount": (
        (
            "funding.csv",
            b"cluster_id,year,funder,amount_nok,provenance,source_url,note\n"
            b"gce-node,2027,Siva,-1,published,https://example.org/ledger,x\n",
        ),
        "funding.csv, row 2, column amount_nok: -1 is outside the range \u2265 0",
    ),
    "amount not whole": (
        (
            "funding.csv",
            b"cluster_id,year,funder,amount_nok,provenance,source_url,note\n"
            b"gce-node,2027,Siva,1.5,published,https://example.org/ledger,x\n",
        ),
        "funding.csv, row 2, column amount_nok: '1.5' is not a whole number",
    ),
    "unknown funder": (
        (
            "funding.csv",
            b"cluster_id,year,funder,amount_nok,provenance,source_url,note\n"
            b"gce-node,2027,Bank,1,published,https://example.org/ledger,x\n",
        ),
        "funding.csv, row 2, column funder: 'Bank' is not one of Klyngeprogrammet, Innovasjon Norge, Siva, Forskningsr\u00e5det, County, Other",
    ),
    "year not a year": (
        (
            "results.csv",
            b"cluster_id,year,indicator,value,provenance,source_url,note\n"
            b"gce-node,next,members,1,estimate,,x\n",
        ),
        "results.csv, row 2, column year: 'next' is not a year",
    ),
    "unknown indicator": (
        (
            "results.csv",
            b"cluster_id,year,indicator,value,provenance,source_url,note\n"
            b"gce-node,2027,patents,1,estimate,,x\n",
        ),
        "results.csv, row 2, column indicator: unknown indicator_id 'patents' (not in indicators.csv)",
    ),
    "unknown area": (
        ("clusters.csv", b"cluster_id,name,area_id\nny-klynge,Ny klynge,romfart\n"),
        "clusters.csv, row 2, column area_id: unknown area_id 'romfart' (not in opportunity_areas.csv)",
    ),
    "bad workbook": (("data.xlsx", b"not a workbook"), "data.xlsx: not a readable .xlsx workbook"),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_import_is_refused_with_its_message_and_nothing_changes(db, case):
    files, message = BAD[case]
    before = digest(db)
    with pytest.raises(ValidationError) as caught:
        importer.plan(db, [files])
    expected = message if isinstance(message, list) else [message]
    assert [str(p) for p in caught.value.problems] == expected
    assert digest(db) == before


def test_two_files_for_one_table(db):
    with pytest.raises(ValidationError) as caught:
        importer.plan(db, [certs(RENEWAL), certs(RENEWAL)])
    assert [str(p) for p in caught.value.problems] == [
        "certifications.csv: a second file for certifications"
    ]


def test_cli_lists_every_problem_and_writes_nothing(db, tmp_path):
    before = digest(db)
    upload = tmp_path / "certifications.csv"
    upload.write_bytes(certs("gce-nod,Gold,2027-04-18,day,2029-04-17,,120,estimate,,x\n")[1])
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "import", str(upload), "--db", str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 1
    assert "Import refused: 2 problem(s); nothing was written." in run.stderr
    assert "column score_pct: 120 is outside the range 0–100" in run.stderr
    assert "column cluster_id: unknown cluster_id 'gce-nod' (not in clusters.csv)" in run.stderr
    assert digest(db) == before


def test_a_crash_in_the_middle_of_an_import_leaves_the_store(db, monkeypatch):
    before = digest(db)
    plan = importer.plan(db, [certs(RENEWAL)])

    def crash(*_args, **_kwargs):
        raise OSError("power cut (simulated)")

    monkeypatch.setattr(store, "write_store", crash)
    with pytest.raises(OSError):
        importer.apply(db, plan)
    assert digest(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["store.duckdb", "store.duckdb.lock"]


def test_readers_keep_working_during_an_import(db):
    reader = store.connect_readonly(db)
    count = "SELECT count(*) FROM certifications"
    before = reader.execute(count).fetchone()[0]
    importer.apply(db, importer.plan(db, [certs(RENEWAL)]))
    assert reader.execute(count).fetchone()[0] == before
    reader.close()
    fresh = store.connect_readonly(db)
    assert fresh.execute(count).fetchone()[0] == before + 1
    fresh.close()


def test_dump_then_build_reproduces_the_store(db, tmp_path):
    importer.apply(db, importer.plan(db, [certs(RENEWAL)]))
    con = store.connect_readonly(db)
    importer.dump(con, tmp_path / "dump")
    rebuilt = tmp_path / "rebuilt.duckdb"
    store.build(tmp_path / "dump", rebuilt)
    again = store.connect_readonly(rebuilt)
    for table in (t.name for t in TABLES):
        query = f"SELECT * FROM {table} ORDER BY ALL"
        assert con.execute(query).fetchall() == again.execute(query).fetchall(), table
    con.close()
    again.close()


LEDGER = ROOT / "docs" / "example-ledger"


def test_the_example_ledger_in_docs_imports_and_its_published_split_shows(db):
    files = [(p.name, p.read_bytes()) for p in sorted(LEDGER.glob("*.csv"))]
    plan = importer.plan(db, files)
    assert sorted(plan.summary().splitlines()) == [
        "clusters: 1 added, 0 changed, 0 unchanged",
        "funding: 5 added, 0 changed, 0 unchanged",
        "programme_periods: 1 added, 0 changed, 0 unchanged",
    ]
    importer.apply(db, plan)
    con = store.connect_readonly(db)
    on = Filters(as_of=__import__("datetime").date(2023, 6, 30))
    funding = queries.extract(con, "funding", on, "eksempelklyngen")
    assert set(funding["provenance"]) == {"published"}
    by_funder = funding[funding["year"] == 2022].set_index("funder")["amount_nok"].to_dict()
    assert by_funder == {"Innovasjon Norge": 1_500_000, "Siva": 300_000, "County": 250_000}
    assert "eksempelklyngen" in set(queries.extract(con, "clusters", on)["cluster_id"])
    con.close()
    again = importer.plan(db, files)
    assert "funding: 0 added, 0 changed, 5 unchanged" in again.summary()

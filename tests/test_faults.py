"""The fault suite: hostile input and unlucky moments against the import path, the build, the
CLI and the running app. Every refusal names file, row and column, and a dump of the store is
byte-identical before and after: nothing is lost, nothing half-written."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from dashboard import about, extracts, importer, store
from dashboard import workbook as excel
from dashboard.filters import Filters
from dashboard.validate import ValidationError

from .conftest import DATA, ROOT

CERTS = "cluster_id,label,awarded_on,date_precision,valid_until,validity_rule,score_pct,provenance,source_url,note\n"
FUNDING = "cluster_id,year,funder,amount_nok,provenance,source_url,note\n"
CLUSTERS = "cluster_id,name,area_id,region,successor_id\n"
PERIODS = (
    "cluster_id,level,start_date,start_precision,end_date,end_rule,provenance,source_url,note\n"
)
FIGURES = "year,measure,value,counted,reference_date,provenance,source_url,note\n"
CONFIRM = "cluster_id,label,held_from,held_on,source_url,note\n"
GRANTS = "cluster_id,funder,amount_nok,basis,first_year,last_year,source_url,note\n"
URL = "https://example.org/ledger"
OK_CERT = f"gce-node,Gold,2027-04-18,day,2030-04-17,,97,published,{URL},renewed\n"


def text(name: str, body: str) -> tuple[str, bytes]:
    return (name, body.encode("utf-8"))


def workbook(sheet: str, rows: list[list[str]], stale: bool = False) -> tuple[str, bytes]:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if stale:  # a <dimension> that claims fewer rows than the sheet has, as some tools write
        import zipfile

        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename.endswith("sheet1.xml"):
                    content = content.replace(
                        b'<dimension ref="A1:J3"/>', b'<dimension ref="A1:J2"/>'
                    )
                target.writestr(item, content)
        data = out.getvalue()
    return ("ledger.xlsx", data)


# (files, the message's start as file, row, column, and a part of what it says)
HOSTILE = {
    "unclosed quote": (
        [
            text(
                "certifications.csv",
                CERTS
                + "gce-node,Gold,2027-04-18,day,2030-04-17,,97,published,"
                + URL
                + ',"renewed\n'
                + OK_CERT,
            )
        ],
        "certifications.csv, row 2",
        "unclosed quote",
    ),
    "quote swallowing a row": (
        [
            text(
                "certifications.csv",
                CERTS
                + f'gce-node,Gold,2027-04-18,day,2030-04-17,,97,published,{URL},"renewed\ngce-node,Gold,2028-01-01,day,2030-01-01,,,published,{URL},x"\n',
            )
        ],
        "certifications.csv, row 2, column note",
        "line break inside the cell",
    ),
    "oversize cell": (
        [
            text(
                "certifications.csv",
                CERTS
                + f"gce-node,Gold,2027-04-18,day,2030-04-17,,97,published,{URL},"
                + "x" * 200_000
                + "\n",
            )
        ],
        "certifications.csv, row 2, column note",
        "200,000 characters long",
    ),
    "amount over BIGINT": (
        [
            text(
                "funding.csv",
                FUNDING + f"gce-node,2027,Siva,99999999999999999999,published,{URL},x\n",
            )
        ],
        "funding.csv, row 2, column amount_nok",
        "too large a number",
    ),
    "underscored number": (
        [text("funding.csv", FUNDING + f"gce-node,2027,Siva,1_000_000,published,{URL},x\n")],
        "funding.csv, row 2, column amount_nok",
        "'1_000_000' is not a whole number",
    ),
    "arabic-indic digits": (
        [text("funding.csv", FUNDING + f"gce-node,2027,Siva,١٢٣,published,{URL},x\n")],
        "funding.csv, row 2, column amount_nok",
        "is not a whole number",
    ),
    "full-width year": (
        [text("funding.csv", FUNDING + f"gce-node,２０２７,Siva,1,published,{URL},x\n")],
        "funding.csv, row 2, column year",
        "is not a year",
    ),
    "number with spaces inside": (
        [text("funding.csv", FUNDING + f"gce-node,2027,Siva,1 000,published,{URL},x\n")],
        "funding.csv, row 2, column amount_nok",
        "is not a whole number",
    ),
    "infinite score": (
        [
            text(
                "certifications.csv",
                CERTS + f"gce-node,Gold,2027-04-18,day,2030-04-17,,inf,published,{URL},x\n",
            )
        ],
        "certifications.csv, row 2, column score_pct",
        "'inf' is not a number",
    ),
    "date in 9999": (
        [
            text(
                "certifications.csv",
                CERTS + f"gce-node,Gold,9999-04-18,day,9999-05-17,,,published,{URL},x\n",
            )
        ],
        "certifications.csv, row 2, column awarded_on",
        "9999-04-18 is outside 2000–2100",
    ),
    "date in 1899": (
        [
            text(
                "certifications.csv",
                CERTS + f"gce-node,Gold,1899-04-18,day,2030-05-17,,,published,{URL},x\n",
            )
        ],
        "certifications.csv, row 2, column awarded_on",
        "1899-04-18 is outside 2000–2100",
    ),
    "NUL byte": (
        [("certifications.csv", (CERTS + OK_CERT).encode().replace(b"renewed", b"ren\x00ewed"))],
        "certifications.csv",
        "contains NUL bytes",
    ),
    "UTF-16 without BOM": (
        [("certifications.csv", (CERTS + OK_CERT).encode("utf-16-le"))],
        "certifications.csv",
        "a UTF-16 file",
    ),
    "UTF-16 with BOM": (
        [("certifications.csv", (CERTS + OK_CERT).encode("utf-16"))],
        "certifications.csv",
        "a UTF-16 file",
    ),
    "latin-1": (
        [("clusters.csv", (CLUSTERS + "ny-klynge,Næring,other,,\n").encode("latin-1"))],
        "clusters.csv",
        "not UTF-8",
    ),
    "empty file": ([("certifications.csv", b"")], "certifications.csv", "the file is empty"),
    "not a workbook": (
        [("data.xlsx", b"PK\x03\x04 not really")],
        "data.xlsx",
        "not a readable .xlsx workbook",
    ),
    "unknown sheet": (
        [workbook("payments", [["a"], ["b"]])],
        "ledger.xlsx[payments]",
        "sheet name is not a contract table name",
    ),
    "unknown cluster": (
        [
            text(
                "certifications.csv",
                CERTS + f"gce-nod,Gold,2027-04-18,day,2030-04-17,,,published,{URL},x\n",
            )
        ],
        "certifications.csv, row 2, column cluster_id",
        "unknown cluster_id 'gce-nod'",
    ),
    "region not a county": (
        [text("clusters.csv", CLUSTERS + "ny-klynge,Ny,other,Østlandet,\n")],
        "clusters.csv, row 2, column region",
        "unknown county 'Østlandet'",
    ),
    "region no longer a county": (
        [text("clusters.csv", CLUSTERS + "ny-klynge,Ny,other,Viken,\n")],
        "clusters.csv, row 2, column region",
        "'Viken' is no longer a county",
    ),
    "unknown successor": (
        [text("clusters.csv", CLUSTERS + "ny-klynge,Ny,other,Oslo,ingen-slik\n")],
        "clusters.csv, row 2, column successor_id",
        "unknown cluster_id 'ingen-slik'",
    ),
    "its own successor": (
        [text("clusters.csv", CLUSTERS + "ny-klynge,Ny,other,Oslo,ny-klynge\n")],
        "clusters.csv, row 2, column successor_id",
        "cannot succeed itself",
    ),
    "unknown measure": (
        [
            text(
                "programme_figures.csv",
                FIGURES + f"2027,clusters_happy,1,on_date,2027-01-01,published,{URL},x\n",
            )
        ],
        "programme_figures.csv, row 2, column measure",
        "'clusters_happy' is not one of",
    ),
    "figure dated in another year": (
        [
            text(
                "programme_figures.csv",
                FIGURES + f"2027,clusters_total,1,on_date,2026-01-01,published,{URL},x\n",
            )
        ],
        "programme_figures.csv, row 2, column reference_date",
        "not in the year 2027",
    ),
    "year figure not dated 31 December": (
        [
            text(
                "programme_figures.csv",
                FIGURES + f"2027,budget_nok,1,during_year,2027-06-30,published,{URL},x\n",
            )
        ],
        "programme_figures.csv, row 2, column reference_date",
        "dated 31 December 2027",
    ),
    "confirmation held before it began": (
        [
            text(
                "label_confirmations.csv",
                CONFIRM + f"gce-node,Gold,2020-01-01,2019-01-01,{URL},x\n",
            )
        ],
        "label_confirmations.csv, row 2, column held_on",
        "held_on 2019-01-01 is before held_from",
    ),
    "confirmation without a source": (
        [text("label_confirmations.csv", CONFIRM + "gce-node,Gold,,2019-01-01,,x\n")],
        "label_confirmations.csv, row 2, column source_url",
        "is required",
    ),
    "grant ending before it starts": (
        [text("grants.csv", GRANTS + f"gce-node,Klyngeprogrammet,1,year,2025,2024,{URL},x\n")],
        "grants.csv, row 2, column last_year",
        "last_year 2024 is before first_year",
    ),
    "funding estimate without a grant": (
        [text("funding.csv", FUNDING + "gce-node,2030,Klyngeprogrammet,1,estimate,,made up\n")],
        "funding.csv, row 2, column provenance",
        "must follow from a published grant",
    ),
    "funding estimate off its grant": (
        [text("funding.csv", FUNDING + "gce-node,2015,Klyngeprogrammet,9000000,estimate,,x\n")],
        "funding.csv, row 2, column amount_nok",
        "the grant gives 10000000, not 9000000",
    ),
    "expiry off its rule": (
        [
            text(
                "certifications.csv",
                CERTS
                + f"gce-node,Gold,2027-04-18,day,2031-04-17,label_renewal,,estimate,{URL},x\n",
            )
        ],
        "certifications.csv, row 2, column valid_until",
        "gives valid_until 2029-04-17",
    ),
    "period end off its rule": (
        [
            text(
                "programme_periods.csv",
                PERIODS + f"gce-node,Arena,2027-01-01,day,2031-01-01,term_arena,estimate,{URL},x\n",
            )
        ],
        "programme_periods.csv, row 2, column end_date",
        "gives end_date 2029-12-31",
    ),
    "published with a derived date": (
        [
            text(
                "certifications.csv",
                CERTS + f"gce-node,Gold,2027-04-01,month,2030-04-17,,,published,{URL},x\n",
            )
        ],
        "certifications.csv, row 2, column provenance",
        "a published row states its dates",
    ),
    "estimate without its rule": (
        [
            text(
                "certifications.csv",
                CERTS + f"gce-node,Gold,2027-04-01,month,2030-04-17,,,estimate,{URL},\n",
            )
        ],
        "certifications.csv, row 2, column note",
        "needs its rule written in note",
    ),
    "month date not on the 1st": (
        [
            text(
                "certifications.csv",
                CERTS + f"gce-node,Gold,2027-04-18,month,2030-04-17,,,estimate,{URL},x\n",
            )
        ],
        "certifications.csv, row 2, column awarded_on",
        "written as its first day",
    ),
    "unknown rule": (
        [
            text(
                "certifications.csv",
                CERTS + f"gce-node,Gold,2027-04-18,day,2030-04-17,forever,,estimate,{URL},x\n",
            )
        ],
        "certifications.csv, row 2, column validity_rule",
        "unknown rule_id 'forever'",
    ),
    "duplicated column": (
        [text("funding.csv", "cluster_id,year,year,funder,amount_nok,provenance\n")],
        "funding.csv, row 1, column year",
        "appears more than once",
    ),
    "second file for a table": (
        [text("certifications.csv", CERTS + OK_CERT), text("certifications.csv", CERTS + OK_CERT)],
        "certifications.csv",
        "a second file for certifications",
    ),
    "unknown table file": (
        [text("payments.csv", "a,b\n1,2\n")],
        "payments.csv",
        "not a contract file name",
    ),
    "a level from nowhere": (
        [
            text(
                "programme_periods.csv",
                PERIODS + f"gce-node,Champions,2027-01-01,day,,,published,{URL},x\n",
            )
        ],
        "programme_periods.csv, row 2, column level",
        "'Champions' is not one of",
    ),
    "overlap with the store": (
        [
            text(
                "programme_periods.csv",
                PERIODS + f"gce-node,Arena,2020-01-01,day,2020-12-31,,published,{URL},x\n",
            )
        ],
        "programme_periods.csv, row 2, column start_date",
        "overlaps the GCE period",
    ),
}


def dump_digest(db: Path, folder: Path) -> str:
    """sha256 over a dump of every contract table (and the import log) of the store."""
    con = store.connect_readonly(db)
    try:
        importer.dump(con, folder)
        log = con.execute("SELECT * FROM import_log ORDER BY import_id").fetchall()
    finally:
        con.close()
    digest = hashlib.sha256(repr(log).encode())
    for path in sorted(folder.glob("*.csv")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "var" / "store.duckdb"
    store.build(DATA, path)
    return path


def test_the_suite_holds_at_least_forty_hostile_inputs():
    assert len(HOSTILE) >= 40


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_input_is_refused_where_it_is_and_the_store_is_unchanged(db, tmp_path, case):
    files, where, what = HOSTILE[case]
    before = dump_digest(db, tmp_path / "before")
    with pytest.raises(ValidationError) as caught:
        importer.plan(db, files)
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith(where) and what in p for p in found), found
    assert dump_digest(db, tmp_path / "after") == before


def test_a_stale_xlsx_dimension_loses_no_row(db):
    header = CERTS.strip().split(",")
    rows = [
        header,
        ["gce-node", "Gold", "2027-04-18", "day", "2030-04-17", "", "97", "published", URL, "a"],
        ["gce-node", "Gold", "2028-04-18", "day", "2031-04-17", "", "98", "published", URL, "b"],
    ]
    plan = importer.plan(db, [workbook("certifications", rows, stale=True)])
    assert plan.summary() == "certifications: 2 added, 0 changed, 0 unchanged"


@pytest.mark.parametrize(
    ("limit", "value"), [("DASHBOARD_IMPORT_MAX_BYTES", "100"), ("DASHBOARD_IMPORT_MAX_ROWS", "1")]
)
def test_imports_over_the_size_limit_are_refused(db, tmp_path, monkeypatch, limit, value):
    monkeypatch.setenv(limit, value)
    before = dump_digest(db, tmp_path / "before")
    with pytest.raises(ValidationError) as caught:
        importer.plan(
            db, [text("certifications.csv", CERTS + OK_CERT + OK_CERT.replace("2027", "2028"))]
        )
    assert "at most" in str(caught.value)
    assert dump_digest(db, tmp_path / "after") == before


def _import_cli(db: Path, upload: Path, slow: float = 0) -> subprocess.Popen:
    code = (
        "import sys, time\n"
        "from dashboard import store, cli\n"
        f"slow = {slow}\n"
        "if slow:\n"
        "    original = store.write_store\n"
        "    def paused(*a, **k):\n"
        "        result = original(*a, **k)\n"
        "        time.sleep(slow)\n"
        "        return result\n"
        "    store.write_store = paused\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, "import", str(upload), "--db", str(db)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_concurrent_imports_both_land(db, tmp_path):
    first, second = tmp_path / "a" / "certifications.csv", tmp_path / "b" / "certifications.csv"
    for path, line in (
        (first, OK_CERT),
        (second, OK_CERT.replace("2027-04-18", "2028-04-18").replace("2030", "2031")),
    ):
        path.parent.mkdir()
        path.write_text(CERTS + line, encoding="utf-8")
    one = _import_cli(db, first, slow=2)  # holds the writer lock for two seconds
    time.sleep(0.5)
    two = _import_cli(db, second)
    assert one.wait(60) == 0 and two.wait(60) == 0, (one.stderr.read(), two.stderr.read())
    con = store.connect_readonly(db)
    awards = {
        r[0]
        for r in con.execute(
            "SELECT awarded_on::VARCHAR FROM certifications WHERE cluster_id = 'gce-node'"
        ).fetchall()
    }
    log = [r[0] for r in importer.history(con)]
    con.close()
    assert {"2027-04-18", "2028-04-18"} <= awards
    assert sorted(log) == [1, 2]


def test_kill_9_mid_import_leaves_the_old_store_and_no_debris_after_the_next_start(db, tmp_path):
    upload = tmp_path / "certifications.csv"
    upload.write_text(CERTS + OK_CERT, encoding="utf-8")
    before = dump_digest(db, tmp_path / "before")
    process = _import_cli(db, upload, slow=30)
    deadline = time.time() + 30
    while not list(db.parent.glob(f".{db.name}.*.tmp")) and time.time() < deadline:
        time.sleep(0.1)
    assert list(db.parent.glob(f".{db.name}.*.tmp")), "the import had not started writing"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    assert dump_digest(db, tmp_path / "after") == before
    store.ensure_store(DATA, db)  # the next start
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name, db.name + ".lock"]


def test_a_change_to_data_never_drops_an_import(db, data_copy, tmp_path):
    importer.apply(db, importer.plan(db, [text("certifications.csv", CERTS + OK_CERT)]))
    before = dump_digest(db, tmp_path / "before")
    with (data_copy / "clusters.csv").open("a", encoding="utf-8") as f:
        f.write("ny-klynge,Ny klynge,,,Oslo,Oslo,other,,,,,,,,,\n")
    with pytest.raises(store.StoreHoldsImports, match="holds 1 import"):
        store.ensure_store(data_copy, db)
    with pytest.raises(store.StoreHoldsImports):
        store.build(data_copy, db)
    assert dump_digest(db, tmp_path / "after") == before
    store.build(data_copy, db, discard_imports=True)  # said out loud, it is allowed


def test_cli_on_invalid_data_prints_a_message_not_a_traceback(store_path, data_copy, tmp_path):
    with (data_copy / "funding.csv").open("a", encoding="utf-8") as f:
        f.write(f"gce-node,2030,Siva,99999999999999999999,published,{URL},x\n")
    db = tmp_path / "store.duckdb"
    db.write_bytes(store_path.read_bytes())
    env = {**os.environ, "DASHBOARD_DATA": str(data_copy), "DASHBOARD_DB": str(db)}
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "export", "clusters"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert run.returncode == 0 and "Traceback" not in run.stderr
    assert "data/ is invalid (1 problem(s)); using the last good store" in run.stderr
    build = subprocess.run(
        [sys.executable, "-m", "dashboard", "build"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert build.returncode == 1 and "Traceback" not in build.stderr
    assert "column amount_nok: 99999999999999999999 is too large a number" in build.stderr


def test_every_download_neutralises_formula_like_cells(db, tmp_path):
    hostile = '=HYPERLINK("https://evil.example","klikk")'
    importer.apply(
        db,
        importer.plan(
            db,
            [
                text(
                    "clusters.csv",
                    "cluster_id,name,name_en,area_id,focus_en,note\n"
                    f'evil,"{hostile.replace(chr(34), chr(34) * 2)}",+cmd|x,other,-2+3,@SUM(A1)\n',
                )
            ],
        ),
    )
    con = store.connect_readonly(db)
    for name in extracts.EXTRACTS:
        for lang in (None, "nb", "en"):
            data = extracts.csv_bytes(con, name, Filters(), lang=lang).decode("utf-8")
            for line in data.splitlines()[1:]:
                for cell in line.split(","):
                    assert not cell.startswith(("=", "+", "@", "\t", "\r")), (name, cell)
    clusters = extracts.csv_bytes(con, "clusters", Filters(), "evil").decode()
    assert "'=HYPERLINK" in clusters
    facts = about.store_facts(con)
    for name in extracts.EXTRACTS:  # the Excel twin: no formula cell, text neutralised alike
        frame = extracts.extract_frame(con, name, Filters(), "evil")
        book = openpyxl.load_workbook(
            io.BytesIO(excel.xlsx_bytes(frame, name, Filters(), "nb", facts, "evil"))
        )
        cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"], name
        texts = [c.value for c in cells if isinstance(c.value, str)]
        assert not [v for v in texts if v.startswith(("=", "+", "@", "\t", "\r"))], name
    names = extracts.extract_frame(con, "clusters", Filters(), "evil")
    book = openpyxl.load_workbook(
        io.BytesIO(excel.xlsx_bytes(names, "clusters", Filters(), "nb", facts, "evil"))
    )
    assert book["Data"]["B2"].value == "'" + hostile  # the cluster's name, as text
    shown = dict(book["Om uttrekket"].iter_rows(values_only=True))
    assert shown["Klynge"].startswith("'" + hostile)  # the About sheet names it, as text
    signed = extracts.neutralised(pd.DataFrame({"change_pp": [-3.5, 2.0]}))
    assert list(signed["change_pp"]) == [-3.5, 2.0]  # negative numbers stay numbers
    con.close()


def test_no_stack_trace_reaches_a_funder_by_configuration():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


@pytest.mark.parametrize(
    ("day", "shown"), [("1999-01-01", "2002-01-01"), ("2099-12-31", "2035-12-31")]
)
def test_an_as_of_outside_the_range_is_clamped_with_a_notice(store_path, monkeypatch, day, shown):
    from .test_app import open_page

    monkeypatch.setenv("DASHBOARD_DB", str(store_path))
    monkeypatch.setenv("DASHBOARD_DATA", str(DATA))
    monkeypatch.setenv("DASHBOARD_LANG", "en")
    at = open_page("labels", {"as_of": day})  # asserts: no exception
    assert "is outside 2002–2035; showing the nearest date that is" in at.warning[0].value
    assert at.date_input(key="w_as_of").value.isoformat() == shown


def test_invalid_data_keeps_the_last_good_store_with_one_plain_message(
    store_path, data_copy, tmp_path, monkeypatch
):
    from .test_app import open_page

    db = tmp_path / "store.duckdb"
    db.write_bytes(store_path.read_bytes())
    with (data_copy / "funding.csv").open("a", encoding="utf-8") as f:
        f.write(f"gce-node,2030,Siva,99999999999999999999,published,{URL},x\n")
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_DATA", str(data_copy))
    monkeypatch.setenv("DASHBOARD_LANG", "en")
    at = open_page("funding")
    assert len(at.error) == 1
    message = at.error[0].value
    assert (
        "`funding.csv, row " in message and "99999999999999999999 is too large a number" in message
    )
    assert str(tmp_path) not in message and str(ROOT) not in message
    assert at.metric  # the last good store is served


def test_the_load_test_counts_a_session_that_never_updated_as_an_error():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    load = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = load  # dataclasses look their module up there
    spec.loader.exec_module(load)
    quiet, busy = load.Session(), load.Session(updates=[1.0, 2.0])
    row = load.summarise([quiet, busy], 2, 100.0)
    assert (row["held"], row["errors"], row["updates"]) == (1, 1, 2)
    assert row["first_errors"] == ["a session completed no page update"]


def test_uploads_are_limited_in_the_shipped_config():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == 20

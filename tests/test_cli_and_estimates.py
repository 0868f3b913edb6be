"""The export CLI, the seeded estimates generator and the language catalogue."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard import cli, estimates, extracts
from dashboard.filters import Filters
from dashboard.i18n import CATALOGUE, LANGUAGES, date, nok, number, percent

from .conftest import DATA, ROOT

# Seven cluster ids: one more than a comparison takes.
SEVEN = [
    line.split(",", 1)[0]
    for line in (DATA / "clusters.csv").read_text(encoding="utf-8").splitlines()[1:8]
]


def export(store_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "dashboard", "export", *args, "--db", str(store_path)]
    return subprocess.run(command, capture_output=True, cwd=ROOT)


def test_export_equals_the_dashboards_extract(con, store_path):
    run = export(store_path, "labels", "--as-of", "2013-01-01", "--area", "havrommet")
    assert run.returncode == 0
    filters = Filters(areas=("havrommet",), as_of=dt.date(2013, 1, 1))
    assert run.stdout == extracts.csv_bytes(con, "labels", filters)
    lines = run.stdout.decode().splitlines()
    node = next(line for line in lines if line.startswith("gce-node,"))
    # Gold 18 Apr 2012 on NODE's three-year cycle: valid to 17 Apr 2015, 836 days on
    assert ",Gold,Gold,active,2012-04-18,2015-04-17,836," in node


def test_export_to_a_file_with_every_filter(con, store_path, tmp_path):
    out = tmp_path / "funding.csv"
    args = [
        "funding",
        "--as-of",
        "2019-12-31",
        "--level",
        "NCE",
        "--level",
        "GCE",
        "--region",
        "Vestland",
        "--label",
        "Gold",
        "-o",
        str(out),
    ]
    assert export(store_path, *args).returncode == 0
    filters = Filters(
        levels=("NCE", "GCE"), regions=("Vestland",), labels=("Gold",), as_of=dt.date(2019, 12, 31)
    )
    assert out.read_bytes() == extracts.csv_bytes(con, "funding", filters)
    # GCE Ocean Technology (Vestland, GCE, Gold by confirmation): NOK 10 m a year 2015-2019;
    # NCE Maritime CleanTech (Vestland, NCE to 2021, Gold): its Arena grant of 2011-2013
    assert len(out.read_bytes().splitlines()) == 1 + 5 + 3


def test_export_in_a_language_names_columns_and_areas_in_it(con, store_path):
    nb = export(
        store_path, "funding", "--as-of", "2016-12-31", "--area", "havrommet", "--lang", "nb"
    )
    en = export(
        store_path, "funding", "--as-of", "2016-12-31", "--area", "havrommet", "--lang", "en"
    )
    nb_lines = nb.stdout.decode("utf-8-sig").splitlines()
    en_lines = en.stdout.decode("utf-8-sig").splitlines()
    assert nb_lines[0].startswith(
        "Klynge-ID;Klynge;Mulighetsområde-ID;Mulighetsområde;Fylke i dag;År;"
    )
    assert en_lines[0].startswith(
        "Cluster ID,Cluster,Opportunity area ID,Opportunity area,County today,Year,"
    )
    assert ";Havrommet;" in nb_lines[1] and ",Ocean space," in en_lines[1]
    assert len(nb_lines) == len(en_lines) > 1


def test_a_norwegian_download_opens_as_norwegian_excel_reads_it(store_path):
    """Excel with nb-NO settings splits on ';', reads decimal commas and needs the byte-order mark
    to read UTF-8: read with exactly those settings, the file keeps its columns and numbers."""
    nb = export(store_path, "labels", "--as-of", "2016-06-30", "--label", "Gold", "--lang", "nb")
    assert nb.stdout.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(nb.stdout), sep=";", decimal=",", encoding="utf-8-sig")
    assert "Mulighetsområde-ID" in frame.columns and len(frame.columns) > 10
    ocean = frame.set_index("Klynge-ID").loc["gce-ocean-technology"]
    # certifications.csv: Gold awarded 2015 with 96 %, valid by rule to 31 Dec 2016
    assert (ocean["Poeng (%)"], ocean["Dager igjen"]) == (96.0, 184)
    assert (ocean["Gyldig merke"], ocean["Status"], ocean["Kildegrunnlag"]) == (
        "Gull",
        "Gyldig",
        "Estimat",
    )


def test_the_contract_export_keeps_codes_commas_and_no_byte_order_mark(store_path):
    plain = export(store_path, "labels", "--as-of", "2016-06-30", "--label", "Gold")
    assert plain.stdout.startswith(b"cluster_id,cluster,")
    assert b",Gold,Gold,active," in plain.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["labels", "--as-of", "2024-02-30"],
            "argument --as-of: '2024-02-30' is not a date (YYYY-MM-DD)",
        ),
        (["labels", "--area", "<script>"], "--area: unknown value '<script>' (known: "),
        (["labels", "--level", "Champions"], "--level: unknown value 'Champions' (known: Arena, "),
        (["labels", "--cluster", "no-such"], "--cluster: unknown cluster id 'no-such'"),
        (
            ["compare_coverage", "--compare", "gce-node,no-such"],
            "--compare: unknown cluster id 'no-such'",
        ),
        (
            ["compare_members", "--compare", ",".join(SEVEN)],
            f"--compare: at most 6 clusters ('{SEVEN[-1]}' is one too many)",
        ),
        (["everything"], "argument extract: invalid choice: 'everything'"),
    ],
)
def test_export_refuses_bad_arguments_with_a_message(store_path, args, message):
    run = export(store_path, *args)
    assert run.returncode == 2
    assert message in run.stderr.decode()


def test_shipped_funding_is_what_the_estimates_command_makes_from_the_grants(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    run = subprocess.run(
        [sys.executable, "-m", "dashboard", "estimates", "--data", str(copy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert (copy / "funding.csv").read_bytes() == (DATA / "funding.csv").read_bytes()


def test_estimates_are_the_same_every_time_and_follow_a_changed_grant(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    estimates.generate(copy)
    first = (copy / "funding.csv").read_bytes()
    estimates.generate(copy)
    assert (copy / "funding.csv").read_bytes() == first
    grants = copy / "grants.csv"
    grants.write_text(
        grants.read_text(encoding="utf-8").replace(
            "nce-heidner,Klyngeprogrammet,5000000,year,2019,2023",
            "nce-heidner,Klyngeprogrammet,25000000,total,2019,2023",
        ),
        encoding="utf-8",
    )
    estimates.generate(copy)
    heidner = [
        line.split(",")[3]
        for line in (copy / "funding.csv").read_text(encoding="utf-8").splitlines()
        if line.startswith("nce-heidner,")
    ]
    assert heidner == ["5000000"] * 5  # 25 m over 2019-2023 ÷ 5 years


def test_members_own_effort_is_never_funding(con):
    from dashboard.contract import FUNDERS

    assert "Members" not in FUNDERS  # the contract refuses it as a funder
    funders = {r[0] for r in con.execute("SELECT DISTINCT funder FROM funding").fetchall()}
    assert funders <= set(FUNDERS)


def test_catalogue_has_every_string_in_both_languages():
    for key, texts in CATALOGUE.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(texts[lang].strip() for lang in LANGUAGES), key


def test_numbers_and_dates_per_language():
    assert nok(1234567, "nb") == "1\xa0234\xa0567 kr"
    assert nok(1234567, "en") == "NOK 1,234,567"
    assert date(dt.date(2026, 11, 24), "nb") == "24.11.2026"
    assert date(dt.date(2026, 11, 24), "en") == "24 Nov 2026"
    assert number(1234.5, "nb", 1) == "1\xa0234,5"
    assert percent(0.125, "en") == "12 %" or percent(0.125, "en") == "13 %"


@pytest.mark.parametrize("months", ["-3", "0", "121", "six"])
def test_export_refuses_a_renewal_horizon_that_is_no_number_of_months(months, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["export", "renewals", "--months", months])
    assert stop.value.code == 2
    assert f"'{months}' is not a number of months from 1 to 120" in capsys.readouterr().err


def test_every_command_with_a_store_says_what_db_is(capsys):
    for command in ("build", "import", "history", "dump", "export"):
        with pytest.raises(SystemExit):
            cli.main([command, "--help"])
        assert "the store file (default: DASHBOARD_DB" in capsys.readouterr().out, command

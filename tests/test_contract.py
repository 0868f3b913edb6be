"""The data contract is declared once, as a Frictionless Data Package (data/datapackage.json):
the shipped files pass frictionless's own validation, broken ones do not, and the code's
contract (tables, columns, vocabularies) is the descriptor's."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import frictionless
import pytest

from dashboard import contract, contract_csv
from dashboard.contract import LABELS, TABLE_BY_NAME, TABLES
from dashboard.parse import parse_table
from dashboard.validate import read_dataset

from .conftest import DATA

DESCRIPTOR = DATA / "datapackage.json"


def frictionless_report(descriptor: Path) -> frictionless.Report:
    return frictionless.Package(str(descriptor)).validate()


def errors(report: frictionless.Report) -> list[tuple]:
    """Every error of a report as (resource, row, field, error type, note)."""
    return [
        (task.name, getattr(e, "row_number", None), getattr(e, "field_name", None), e.type, e.note)
        for task in report.tasks
        for e in task.errors
    ] + [(None, None, None, e.type, e.note) for e in report.errors]


def edit(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell of a CSV file (row as a spreadsheet counts it: the header is row 1)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        header = list(rows[0])
    rows[row - 2][column] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_the_shipped_data_pass_frictionless_validation():
    report = frictionless_report(DESCRIPTOR)
    assert report.valid, "\n".join(map(str, errors(report)))
    assert len(report.tasks) == len(TABLES)


def test_the_package_describes_every_shipped_file_with_its_header_in_order():
    package = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"] and package["sources"]
    files = sorted(p.name for p in DATA.glob("*.csv"))
    assert sorted(r["path"] for r in package["resources"]) == files
    for resource in package["resources"]:
        assert resource["path"] == f"{resource['name']}.csv"
        assert (resource["format"], resource["encoding"]) == ("csv", "utf-8")
        assert resource["title"] and resource["description"]
        with (DATA / resource["path"]).open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert [field["name"] for field in resource["schema"]["fields"]] == header


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "error"),
    [
        ("programme_periods.csv", 2, "level", "Champions League", "constraint-error"),
        ("certifications.csv", 2, "cluster_id", "no-such-cluster", "foreign-key"),
        ("clusters.csv", 2, "successor_id", "no-such-cluster", "foreign-key"),
        ("clusters.csv", 2, "region", "Viken og Romerike", "foreign-key"),
        ("municipality_counties.csv", 2, "county", "Vestlandet", "foreign-key"),
        ("clusters.csv", 2, "city", "Leirvik", "foreign-key"),
        ("certifications.csv", 2, "score_pct", "120", "constraint-error"),
        ("funding.csv", 2, "amount_nok", "", "constraint-error"),
        ("funding.csv", 3, "year", "2021", "primary-key"),
    ],
)
def test_a_broken_copy_of_data_fails_frictionless_validation(
    data_copy: Path, file: str, row: int, column: str, value: str, error: str
):
    edit(data_copy / file, row, column, value)
    report = frictionless_report(data_copy / "datapackage.json")
    assert not report.valid
    assert error in {e[3] for e in errors(report)}, errors(report)
    assert {e[0] for e in errors(report)} == {Path(file).stem}


def test_the_vocabularies_are_the_descriptor_s_enums_in_its_order():
    assert LABELS == ("Bronze", "Silver", "Gold")
    assert LABELS[::-1] == ("Gold", "Silver", "Bronze")  # the ranking the pages show
    assert contract.LEVELS[0] == "Arena" and contract.LEVELS[-1] == "NIC Impact"
    by_column: dict[str, set[tuple]] = {}
    for table in TABLES:
        for col in table.columns:
            if col.choices:
                by_column.setdefault(col.name, set()).add(col.choices)
    # One vocabulary per column name, wherever it appears (provenance, label, funder).
    assert all(len(vocabularies) == 1 for vocabularies in by_column.values()), by_column
    precisions = {
        TABLE_BY_NAME["programme_periods"].columns[3].choices,
        TABLE_BY_NAME["certifications"].columns[3].choices,
    }
    assert precisions == {contract.PRECISIONS}


def test_the_contract_comes_from_the_shipped_descriptor_not_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "datapackage.json").write_text('{"resources": []}', encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    assert contract.descriptor_path() == DESCRIPTOR
    assert contract.load(contract.descriptor_path()) == TABLES


def test_an_installed_package_reads_the_descriptor_shipped_to_its_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(contract.config, "ROOT", tmp_path / "site-packages")
    monkeypatch.setenv("DASHBOARD_DATA", str(DATA))
    assert contract.descriptor_path() == DESCRIPTOR
    monkeypatch.setenv("DASHBOARD_DATA", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="datapackage.json"):
        contract.descriptor_path()


@pytest.mark.parametrize(
    "change",
    [
        {"constraints": {"unique": True}},
        {"constraints": {"minLength": 3}},
        {"type": "datetime"},
        {"format": "email"},
    ],
)
def test_a_descriptor_the_code_would_not_enforce_is_refused(tmp_path: Path, change: dict):
    package = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    field = package["resources"][0]["schema"]["fields"][1]
    field.update(change)
    path = tmp_path / "datapackage.json"
    path.write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(ValueError, match="does not enforce"):
        contract.load(path)


def test_every_shipped_file_reads_back_as_written_by_the_one_writer(tmp_path: Path):
    tables = read_dataset(DATA)
    for name, parsed in tables.items():
        table = TABLE_BY_NAME[name]
        path = tmp_path / table.file
        assert contract_csv.write_table(path, table, parsed.rows) == len(parsed.rows)
        again, problems = parse_table(table, path.read_bytes(), str(path))
        assert problems == [] and again.rows == parsed.rows, name
    assert contract_csv.cell(None) == "" and contract_csv.cell(2.0) == "2"
    assert (
        contract_csv.cell(0.1) == "0.1" and contract_csv.cell(dt.date(2026, 1, 2)) == "2026-01-02"
    )

"""The Excel and calendar downloads, as a funder opens them: a workbook read back with openpyxl,
a calendar parsed with icalendar, each checked against the shipped data files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from dashboard import extracts, ics, store, workbook
from dashboard.about import store_facts
from dashboard.filters import Filters

from .conftest import DATA, ROOT

MISSING_WORDS = {"nan", "NaN", "None", "NaT", "<NA>"}


def export(store_path: Path, *args: str, lang_env: str | None = None) -> bytes:
    """`python -m dashboard export ...` on the test store; its stdout (it must succeed)."""
    env = {k: v for k, v in os.environ.items() if k != "DASHBOARD_LANG"}
    if lang_env:
        env["DASHBOARD_LANG"] = lang_env
    command = [sys.executable, "-m", "dashboard", "export", *args, "--db", str(store_path)]
    run = subprocess.run(command, capture_output=True, cwd=ROOT, env=env)
    assert run.returncode == 0, run.stderr.decode()
    return run.stdout


def data_file(name: str) -> list[dict[str, str]]:
    with (DATA / f"{name}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def book_of(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def table(sheet) -> list[dict[str, openpyxl.cell.Cell]]:
    """The data sheet's rows as header -> cell."""
    rows = list(sheet.iter_rows())
    headers = [c.value for c in rows[0]]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


def about_of(sheet) -> dict[str, list[object]]:
    """The About sheet as field -> values (a row without a field continues the one above)."""
    found: dict[str, list[object]] = {}
    field = None
    for what, value in sheet.iter_rows(values_only=True):
        field = what or field
        found.setdefault(field, []).append(value)
    return found


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --- Excel ---------------------------------------------------------------------------------------


def test_excel_has_real_dates_numbers_and_empty_unknowns_under_norwegian_headers(
    store_path, tmp_path
):
    out = tmp_path / "labels.xlsx"
    as_of = "2013-01-01"
    export(store_path, "labels", "--as-of", as_of, "--area", "havrommet", "--lang", "nb",
           "--format", "xlsx", "-o", str(out))  # fmt: skip
    # The award GCE NODE held on the date, straight from data/certifications.csv
    (award,) = [
        r
        for r in data_file("certifications")
        if r["cluster_id"] == "gce-node" and r["awarded_on"] <= as_of <= r["valid_until"]
    ]
    book = openpyxl.load_workbook(out)
    data = book.worksheets[0]
    headers = [c.value for c in data[1]]
    assert headers[:6] == ["Klynge-ID", "Klynge", "Mulighetsområde-ID", "Fylke i dag", "Nivå",
                           "Gyldig merke"]  # fmt: skip
    assert all(c.font.b for c in data[1])
    assert data.freeze_panes == "A2"
    assert data.auto_filter.ref == f"A1:{data.cell(1, data.max_column).column_letter}{data.max_row}"
    node = next(r for r in table(data) if r["Klynge-ID"].value == "gce-node")
    for header, column in (("Tildelt", "awarded_on"), ("Gyldig til", "valid_until")):
        cell = node[header]
        assert cell.is_date and cell.value.date() == day(award[column]), header
        assert cell.number_format == "dd.mm.yyyy"
    days_left = node["Dager igjen"]
    assert days_left.data_type == "n" and isinstance(days_left.value, int)
    assert days_left.value == (day(award["valid_until"]) - day(as_of)).days
    assert (node["Gyldig merke"].value, node["Status"].value) == ("Gull", "Gyldig")
    assert award["score_pct"] == "" and node["Poeng (%)"].value is None  # unknown: empty
    cells = [c for row in data.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.value for c in cells if isinstance(c.value, str) and c.value in MISSING_WORDS]


def test_excel_amounts_are_integers_and_decimals_are_floats(store_path, tmp_path):
    funding, figures = tmp_path / "funding.xlsx", tmp_path / "figures.xlsx"
    export(store_path, "funding", "--as-of", "2019-12-31", "--level", "GCE", "--region",
           "Vestland", "--lang", "en", "--format", "xlsx", "-o", str(funding))  # fmt: skip
    export(store_path, "programme_figures", "--as-of", "2021-12-31", "--lang", "en",
           "--format", "xlsx", "-o", str(figures))  # fmt: skip
    granted = {
        int(r["year"]): int(r["amount_nok"])
        for r in data_file("funding")
        if r["cluster_id"] == "gce-ocean-technology" and int(r["year"]) <= 2019
    }
    rows = [r for r in table(openpyxl.load_workbook(funding).worksheets[0])
            if r["Cluster ID"].value == "gce-ocean-technology"]  # fmt: skip
    assert {r["Year"].value: r["Amount (NOK)"].value for r in rows} == granted
    assert all(type(r["Amount (NOK)"].value) is int for r in rows)
    assert {r["Amount (NOK)"].number_format for r in rows} == {"#,##0"}
    decimals = {
        float(r["value"])
        for r in data_file("programme_figures")
        if r["year"] == "2021" and "." in r["value"]
    }
    assert decimals  # 5.8, 15.2 and 14.6 percentage points (Innovasjon Norge, 2021)
    shown = {
        r["Value"].value
        for r in table(openpyxl.load_workbook(figures).worksheets[0])
        if r["Year"].value == 2021 and isinstance(r["Value"].value, float)
    }
    assert decimals <= shown


def test_excel_about_sheet_names_date_filters_currency_and_sources(store_path, con, tmp_path):
    nb, en = tmp_path / "nb.xlsx", tmp_path / "en.xlsx"
    for lang, out in (("nb", nb), ("en", en)):
        export(store_path, "labels", "--as-of", "2016-06-30", "--area", "havrommet", "--lang",
               lang, "--format", "xlsx", "-o", str(out))  # fmt: skip
    (ocean,) = [a for a in data_file("opportunity_areas") if a["area_id"] == "havrommet"]
    book = openpyxl.load_workbook(nb)
    assert book.sheetnames == ["Data", "Om uttrekket"]
    about = about_of(book["Om uttrekket"])
    assert about["Uttrekk"] == ["Merkestatus per klynge"]
    assert about["Per dato"] == [dt.datetime(2016, 6, 30)]
    assert about["Mulighetsområde"] == [ocean["name_nb"]]
    assert about["Nivå (på datoen)"] == about["Region"] == about["Merke"] == ["Alle"]
    currency = dt.date.fromisoformat(
        dict(con.execute("SELECT * FROM meta").fetchall())["data_as_of"]
    )
    assert about["Fakta til og med"] == [dt.datetime.combine(currency, dt.time())]
    assert isinstance(about["Laget (UTC)"][0], dt.datetime)
    assert (
        about["Kildegrunnlag"][0].startswith("Publisert") and "ukjent" in about["Kildegrunnlag"][2]
    )
    cited = {r["Kilde-URL"].value for r in table(book["Data"]) if r["Kilde-URL"].value}
    # GCE NODE's 2015 Gold, held on the date, cites its source in data/certifications.csv
    (node,) = [r for r in data_file("certifications")
               if r["cluster_id"] == "gce-node" and r["awarded_on"] == "2015-01-01"]  # fmt: skip
    assert node["source_url"] in cited
    assert set(about["Kilder i radene"]) == cited and len(cited) > 1
    assert "data/datapackage.json" in about["Datasett"][0]
    english = openpyxl.load_workbook(en)
    assert english.sheetnames == ["Data", "About"]
    about = about_of(english["About"])
    assert about["Opportunity area"] == [ocean["name_en"]]
    assert about["As of"] == [dt.datetime(2016, 6, 30)] and about["Label held"] == ["All"]


def test_excel_about_sheet_names_the_cluster_and_the_renewal_horizon(store_path, tmp_path):
    awards, renewals = tmp_path / "awards.xlsx", tmp_path / "renewals.xlsx"
    export(store_path, "awards", "--cluster", "gce-node", "--as-of", "2016-06-30",
           "--format", "xlsx", "-o", str(awards))  # fmt: skip
    export(store_path, "renewals", "--months", "12", "--as-of", "2023-06-30", "--level", "GCE",
           "--format", "xlsx", "-o", str(renewals))  # fmt: skip
    (node,) = [c for c in data_file("clusters") if c["cluster_id"] == "gce-node"]
    about = about_of(openpyxl.load_workbook(awards)["Om uttrekket"])  # default language: nb
    assert about["Klynge"][0].startswith(node["name"])
    assert "Fornyelseshorisont" not in about
    about = about_of(openpyxl.load_workbook(renewals)["Om uttrekket"])
    assert about["Fornyelseshorisont"] == ["12 måneder"]
    assert about["Nivå (på datoen)"] == ["GCE"]


def test_excel_default_language_follows_the_dashboards(store_path):
    english = book_of(export(store_path, "clusters", "--format", "xlsx", lang_env="en"))
    assert english.sheetnames == ["Data", "About"]
    assert english.worksheets[0]["A1"].value == "Cluster ID"


def test_excel_neutralises_formula_text_and_keeps_negative_numbers(con):
    import pandas as pd

    hostile = pd.DataFrame(
        {
            "cluster": ['=HYPERLINK("https://evil.example","klikk")', "+cmd|x", "@SUM(A1)"],
            "note": ["-2+3", "\tx", "plain"],
            "value": [-3.5, 2.0, None],
        }
    )
    lines = [("what", "=1+1"), ("", "https://example.org/a")]
    book = book_of(workbook.to_xlsx(hostile, "en", lines))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [v for v in texts if v.startswith(("=", "+", "-", "@", "\t"))]
    assert '\'=HYPERLINK("https://evil.example","klikk")' in texts and "'=1+1" in texts
    values = [r["Value"].value for r in table(book.worksheets[0])]
    assert values == [-3.5, 2.0, None]  # numbers stay numbers, unknown stays empty


def test_excel_of_every_extract_opens_with_its_rows(con):
    facts = store_facts(con)
    filters = Filters(as_of=dt.date(2016, 6, 30))
    for name in extracts.EXTRACTS:
        frame = extracts.extract_frame(con, name, filters)
        book = book_of(workbook.xlsx_bytes(frame, name, filters, "nb", facts))
        assert book.worksheets[0].max_row == len(frame) + 1, name


def test_file_names_differ_only_in_the_suffix():
    filters = Filters(areas=("havrommet",), as_of=dt.date(2024, 1, 31))
    names = {
        s: extracts.file_name("renewals", filters, None, 12, s) for s in ("csv", "xlsx", "ics")
    }
    assert names == {
        s: f"klyngemonitor_renewals_2024-01-31_12-months_area-havrommet.{s}"
        for s in ("csv", "xlsx", "ics")
    }
    with pytest.raises(ValueError):
        extracts.file_name("labels", filters, suffix="pdf")


# --- calendar ------------------------------------------------------------------------------------


def months_after(start: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day where it is shorter), as DuckDB adds."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(start.day, last))
        except ValueError:
            continue
    raise AssertionError(start)


def events_of(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_calendar_has_each_renewals_expiry_and_renewal_deadline(store_path):
    args = ("renewals", "--as-of", "2023-06-30", "--months", "12")
    rows = list(csv.DictReader(io.StringIO(export(store_path, *args).decode())))
    data = export(store_path, *args, "--format", "ics", "--lang", "en")
    calendar = Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and "Klyngemonitor" in str(calendar["PRODID"])
    events = events_of(data)
    assert len(rows) == 3 and len(events) == 2 * len(rows)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    by_uid = {str(e["UID"]): e for e in events}
    (grace,) = [
        int(r["value"]) for r in data_file("rules") if r["rule_id"] == "label_renewal_grace"
    ]
    certifications = data_file("certifications")
    for row in rows:
        # the award behind the row, from data/certifications.csv
        (award,) = [c for c in certifications
                    if (c["cluster_id"], c["label"], c["awarded_on"])
                    == (row["cluster_id"], row["label"], row["awarded_on"])]  # fmt: skip
        expiry = by_uid[
            f"expiry-{row['cluster_id']}-{row['label']}-{row['awarded_on']}@klyngemonitor"
        ]
        renew = by_uid[
            f"renew-by-{row['cluster_id']}-{row['label']}-{row['awarded_on']}@klyngemonitor"
        ]
        assert expiry.decoded("DTSTART") == day(row["valid_until"]) == day(award["valid_until"])
        assert renew.decoded("DTSTART") == day(row["renew_by"])
        assert day(row["renew_by"]) == months_after(day(award["valid_until"]), grace)
        for event in (expiry, renew):
            start = event.decoded("DTSTART")
            assert type(start) is dt.date  # all day
            assert event.decoded("DTEND") == start + dt.timedelta(days=1)
            assert row["cluster"] in str(event["SUMMARY"])
            assert award["source_url"] in str(event["DESCRIPTION"])
        assert str(expiry["SUMMARY"]) == f"{row['cluster']}: Gold label expires"


def test_a_re_export_updates_the_same_events(store_path):
    """The same store gives the same file; another date or horizon names an award's events the
    same way, so a calendar that imports it updates them instead of adding copies."""
    args = ("renewals", "--as-of", "2023-06-30", "--format", "ics")
    first, again = export(store_path, *args), export(store_path, *args)
    assert first == again
    wider = export(store_path, *args, "--months", "12")
    later = export(store_path, "renewals", "--as-of", "2023-09-01", "--format", "ics")
    uids = {name: {str(e["UID"]) for e in events_of(data)}
            for name, data in (("six", first), ("twelve", wider), ("later", later))}  # fmt: skip
    assert uids["six"] < uids["twelve"]  # a wider horizon adds GCE NODE, keeps the others
    assert uids["six"] & uids["later"]


def test_calendar_is_named_after_the_filters_and_in_the_language(store_path):
    data = export(store_path, "renewals", "--as-of", "2023-06-30", "--months", "12", "--area",
                  "havrommet", "--format", "ics", "--lang", "nb")  # fmt: skip
    (ocean,) = [a for a in data_file("opportunity_areas") if a["area_id"] == "havrommet"]
    name = str(Calendar.from_ical(data)["X-WR-CALNAME"])
    assert "Fornyelser som forfaller" in name and "30.06.2023" in name and "12 måneder" in name
    assert f"Mulighetsområde: {ocean['name_nb']}" in name
    summaries = {str(e["SUMMARY"]) for e in events_of(data)}
    assert "GCE NODE: Gull-merket utløper" in summaries
    assert "GCE NODE: siste dag for å fornye Gull-merket" in summaries


def test_calendar_is_refused_for_an_extract_without_renewals(store_path):
    command = [sys.executable, "-m", "dashboard", "export", "labels", "--format", "ics",
               "--db", str(store_path)]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "--format ics: only the renewals extract makes a calendar, not 'labels'" in run.stderr


def test_calendar_uids_come_from_the_award_key():
    assert ics.uid("expiry", "gce-node", "Gold", dt.date(2021, 1, 1)) == (
        "expiry-gce-node-Gold-2021-01-01@klyngemonitor"
    )


def test_calendar_stamp_is_the_stores_write_time(store_path):
    con = store.connect_readonly(store_path)
    built = dt.datetime.fromisoformat(
        dict(con.execute("SELECT * FROM meta").fetchall())["built_at"]
    )
    con.close()
    data = export(store_path, "renewals", "--as-of", "2023-06-30", "--format", "ics")
    assert {e.decoded("DTSTAMP") for e in events_of(data)} == {built}

"""Board briefs: one A4 page per cluster or opportunity area, in either language, saying what the
pages say on the date. The expected level and label come from data/*.csv by the dates, read
here, not from the code under test. PDFs are read with pypdf; each is also rendered to a PNG in
test-artifacts/briefs/ to look at."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import plotly.offline
import pypdfium2
import pytest
from pypdf import PdfReader

from dashboard import brief, charts, cli, config, extracts
from dashboard.brief import render
from dashboard.brief.service import Service
from dashboard.filters import Filters
from dashboard.i18n import CATALOGUE
from dashboard.i18n import date as shown_date

from .conftest import DATA, ROOT
from .test_app import downloads, open_page, serve_the_test_store  # noqa: F401 - fixtures

browser = pytest.mark.browser
SHOTS = ROOT / "test-artifacts" / "briefs"
OCEAN, HEALTH_TECH = "gce-ocean-technology", "norway-health-tech"
CASES = [
    # GCE since 12 Jun 2015; Gold (2015 award) valid to 31 Dec 2016: 184 days left
    (OCEAN, dt.date(2016, 6, 30)),
    # NCE since 12 Jun 2015; Gold (2016 award) valid to 31 Dec 2017: 121 days left
    (HEALTH_TECH, dt.date(2017, 9, 1)),
]
LABEL_RANK = {"Bronze": 1, "Silver": 2, "Gold": 3}
FIGURE = r'<script type="application/json" class="figure">(.*?)</script>'


# What data/ says, read without the code under test.
def rows(name: str) -> list[dict[str, str]]:
    with (DATA / f"{name}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def cluster_name(cluster_id: str) -> str:
    return next(r["name"] for r in rows("clusters") if r["cluster_id"] == cluster_id)


def level_on(cluster_id: str, on: dt.date) -> str | None:
    """The level of the cluster's period that runs on the date (programme_periods.csv)."""
    running = [
        r
        for r in rows("programme_periods")
        if r["cluster_id"] == cluster_id
        and day(r["start_date"]) <= on
        and (not r["end_date"] or on <= day(r["end_date"]))
    ]
    return max(running, key=lambda r: r["start_date"])["level"] if running else None


def label_on(cluster_id: str, on: dt.date) -> tuple[str | None, str]:
    """The best label held on the date and its status (certifications.csv, label_confirmations
    .csv, the alert horizon in rules.csv): expiring within the horizon unless a confirmation
    reaches past the expiry; expired when awards exist and none is held."""
    horizon = next(int(r["value"]) for r in rows("rules") if r["rule_id"] == "alert_horizon")
    awards = [r for r in rows("certifications") if r["cluster_id"] == cluster_id]
    stated = [
        r
        for r in rows("label_confirmations")
        if r["cluster_id"] == cluster_id
        and day(r["held_from"] or r["held_on"]) <= on <= day(r["held_on"])
    ]
    held = [r for r in awards if day(r["awarded_on"]) <= on <= day(r["valid_until"])]
    if held:
        best = max(held, key=lambda r: (LABEL_RANK[r["label"]], r["valid_until"]))
        until = day(best["valid_until"])
        beyond = any(c["label"] == best["label"] and day(c["held_on"]) > until for c in stated)
        soon = (until - on).days <= horizon and not beyond
        return best["label"], "expiring" if soon else "active"
    if stated:
        return max((c["label"] for c in stated), key=LABEL_RANK.get), "active"
    earlier = [r for r in awards if day(r["awarded_on"]) <= on]
    if earlier:
        return max(earlier, key=lambda r: r["valid_until"])["label"], "expired"
    return None, "none"


# The PDF as a reader has it.
def text_of(data: bytes) -> str:
    """The PDF's text, whitespace as single spaces, lower case (the tiles' labels are capitals)."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    return re.sub(r"\s+", " ", page.extract_text()).lower()


def links_of(data: bytes) -> set[str]:
    page = PdfReader(io.BytesIO(data)).pages[0]
    return {a.get_object()["/A"]["/URI"] for a in page.get("/Annots", []) if "/A" in a.get_object()}


def shot(data: bytes, name: str) -> None:
    """The first page as a PNG, to look at (git-ignored)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    pypdfium2.PdfDocument(data)[0].render(scale=2).to_pil().save(SHOTS / f"{name}.png")


def name(key: str, lang: str) -> str:
    return CATALOGUE[key][lang].lower()


@pytest.fixture(scope="module")
def printer(playwright) -> brief.Printer:
    """One Chromium for the module's briefs (Debian's; Playwright downloads none here)."""
    chromium = config.chromium_path()
    if not render.available():
        pytest.fail(
            f"Chromium is required for the board brief tests and was not found at {chromium}: "
            "run `make test` (it installs Debian's chromium) or set CHROMIUM."
        )
    launched = playwright.chromium.launch(
        executable_path=str(chromium), args=list(render.CHROMIUM_ARGS)
    )
    with brief.Printer(launched) as shared:
        yield shared
    launched.close()


def printed(printer: brief.Printer, document: str) -> bytes:
    data = brief.pdf(document, printer)
    assert printer.blocked == [], "a brief fetches nothing"
    assert printer.fitted["zoom"] == 1.0, "laid out to fit, not shrunk"
    return data


@browser
@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize(("cluster_id", "on"), CASES)
def test_cluster_brief_is_one_page_naming_the_level_and_label_of_the_date(
    con, printer, cluster_id, on, lang
):
    data = printed(printer, brief.cluster_html(con, cluster_id, on, lang))
    shot(data, f"cluster-{cluster_id}-{on}-{lang}")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4, in mm
    text = text_of(data)
    assert cluster_name(cluster_id).lower() in text
    assert name("common.as_of", lang).format(date=shown_date(on, lang).lower()) in text
    level, (label, status) = level_on(cluster_id, on), label_on(cluster_id, on)
    assert f"{name('cluster.level_now', lang)} {name(f'level.{level}', lang)}" in text
    label_text = f"{name(f'label.{label}', lang)} · {name(f'status.{status}', lang)}"
    assert f"{name('cluster.label_now', lang)} {label_text}" in text
    # the held award's source, cited by its site and linked
    award = max(
        (
            r
            for r in rows("certifications")
            if r["cluster_id"] == cluster_id and r["label"] == label and day(r["awarded_on"]) <= on
        ),
        key=lambda r: r["awarded_on"],
    )
    assert award["source_url"] in links_of(data)


@browser
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_area_brief_names_the_areas_clusters_by_their_level_on_the_date(con, printer, lang):
    on = dt.date(2016, 6, 30)
    data = printed(printer, brief.area_html(con, "helse-og-velferd", on, lang))
    shot(data, f"area-helse-og-velferd-{on}-{lang}")
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    text = text_of(data)
    area = next(r for r in rows("opportunity_areas") if r["area_id"] == "helse-og-velferd")
    assert area[f"name_{lang}"].lower() in text
    members = [r for r in rows("clusters") if r["area_id"] == "helse-og-velferd"]
    inside = {r["name"]: level_on(r["cluster_id"], on) for r in members}
    inside = {cluster: level for cluster, level in inside.items() if level}
    assert len(inside) == 3  # Norwegian Smart Care Cluster, Norway Health Tech, Oslo Cancer Cluster
    for cluster, level in inside.items():  # each in its row of the table, with its level
        assert f"{cluster.lower()} {name(f'level.{level}', lang)}" in text
    for row in members:  # every cluster of the area is named, those outside the programme too
        assert row["name"].lower() in text
    tile = f"{name('overview.in_programme', lang)} {len(inside)}"
    assert tile in text


def test_a_brief_is_self_contained_html_with_the_pages_charts(con):
    on = dt.date(2016, 6, 30)
    document = brief.cluster_html(con, OCEAN, on, "en")
    plotly_js = '<script id="plotly-js">' + plotly.offline.get_plotlyjs() + "</script>"
    assert document.count(plotly_js) == 1  # the plotly package's own copy, inlined
    own = document.replace(plotly_js, "")
    assert not re.search(r"<script[^>]+src=|<link\b|<img\b|<iframe\b|@import|url\(", own)
    markup = re.sub(FIGURE, "", own, flags=re.S)  # (figure data names sources, fetches none)
    addresses = re.findall(r"https?://", markup)
    assert addresses and len(addresses) == len(re.findall(r'<a href="https?://', markup))
    figures = [json.loads(found) for found in re.findall(FIGURE, document, re.S)]
    periods = extracts.extract_frame(con, "periods", Filters(as_of=on), OCEAN)
    page = json.loads(charts.level_history(periods, "en").to_json())
    assert figures[0]["data"] == page["data"]  # drawn by the profile's own builder
    assert (
        figures[0]["layout"]["yaxis"]["categoryarray"] == page["layout"]["yaxis"]["categoryarray"]
    )


def test_a_brief_says_what_the_record_does_not(con):
    """GCE Ocean Technology's latest member count up to mid-2016 is from 2014 (results.csv)."""
    on = dt.date(2016, 6, 30)
    counts = [
        int(r["year"])
        for r in rows("results")
        if r["cluster_id"] == OCEAN and r["indicator"] == "members" and int(r["year"]) <= on.year
    ]
    document = brief.cluster_html(con, OCEAN, on, "en")
    assert f"No member count published since {max(counts)}." in document
    assert "Bergen, Hordaland (now in Vestland)" in document  # the county of 2016 (counties.csv)
    helseinn = brief.cluster_html(con, "helseinn", on, "nb")
    assert CATALOGUE["cluster.no_funding"]["nb"] in helseinn


def run_cli(store_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "dashboard", "brief", *args, "--db", str(store_path)]
    environment = {**os.environ, **env}
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=environment)


@browser
def test_cli_writes_the_brief_as_a_one_page_pdf(store_path, tmp_path):
    out = tmp_path / "brief.pdf"
    run = run_cli(store_path, OCEAN, "--as-of", "2016-06-30", "--lang", "en", "-o", str(out))
    assert run.returncode == 0, run.stderr
    data = out.read_bytes()
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    assert "gce ocean technology" in text_of(data)


def test_cli_writes_the_html_it_would_print(store_path, tmp_path, capsys):
    out = tmp_path / "brief.html"
    args = ["--area", "helse-og-velferd", "--as-of", "2016-06-30", "-o", str(out)]
    assert cli.main(["brief", *args, "--db", str(store_path)]) == 0
    assert "Helse og velferd" in out.read_text(encoding="utf-8")
    assert capsys.readouterr().out.startswith(f"Wrote {out}: area brief of helse-og-velferd")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["no-such-cluster"], 1, "unknown cluster id 'no-such-cluster'"),
        (
            ["--area", "atlantis"],
            1,
            "--area: unknown opportunity area 'atlantis' (known: havrommet",
        ),
        ([OCEAN, "--as-of", "2016-02-30"], 2, "argument --as-of: '2016-02-30' is not a date"),
        ([OCEAN, "--lang", "se"], 2, "argument --lang: invalid choice: 'se'"),
        ([], 2, "one of the arguments cluster --area is required"),
        ([OCEAN, "--area", "havrommet"], 2, "argument --area: not allowed with argument cluster"),
    ],
)
def test_cli_refuses_what_it_does_not_know_in_one_line(
    store_path, tmp_path, capsys, args, code, message
):
    out = tmp_path / "x.pdf"
    try:
        returned = cli.main(["brief", *args, "-o", str(out), "--db", str(store_path)])
    except SystemExit as stop:  # argparse's errors
        returned = stop.code
    assert returned == code
    said = capsys.readouterr().err
    lines = said.strip().splitlines()
    assert message in lines[-1] and "Traceback" not in said
    assert code == 2 or len(lines) == 1  # an unknown id: one line, naming it
    assert not out.exists()


def test_cli_without_chromium_says_so(store_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no"))
    out = tmp_path / "x.pdf"
    assert cli.main(["brief", OCEAN, "-o", str(out), "--db", str(store_path)]) == 1
    said = capsys.readouterr().err
    assert f"Chromium is needed to print a brief and was not found at {tmp_path / 'no'}" in said
    assert not out.exists()


@browser
def test_profile_button_makes_the_brief_of_the_cluster_and_date_on_click(downloads):  # noqa: F811
    at = open_page("cluster", {"cluster": OCEAN, "as_of": "2016-06-30", "lang": "en"})
    button = next(b for b in at.get("download_button") if b.proto.id.endswith("-brief_pdf"))
    assert button.proto.label == CATALOGUE["common.download_brief"]["en"]
    make, file_name = downloads[button.proto.deferred_file_id]
    assert file_name == "klyngemonitor_brief_gce-ocean-technology_2016-06-30_en.pdf"
    with ThreadPoolExecutor(1) as pool:  # as Streamlit runs it: off the page's thread, on click
        data = pool.submit(make).result()
    brief.stop_serving()
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    assert "gce ocean technology" in text_of(data)


@browser
def test_a_servers_printer_stays_warm_between_briefs_and_stops_when_idle(con):
    on = dt.date(2016, 6, 30)
    service = Service(idle=1.0)
    try:
        for document in (
            brief.cluster_html(con, OCEAN, on, "nb"),
            brief.area_html(con, "helse-og-velferd", on, "en"),
        ):
            assert len(PdfReader(io.BytesIO(service.pdf(document))).pages) == 1
        assert service.running
        waited = time.monotonic()
        while service.running and time.monotonic() - waited < 30:
            time.sleep(0.2)
        assert not service.running, "its Chromium is closed when idle"
        again = service.pdf(brief.area_html(con, "helse-og-velferd", on, "nb"))  # and restarted
        assert "helse og velferd" in text_of(again)
    finally:
        service.stop()
    assert not service.running


def test_profile_without_chromium_says_it_cannot_print(monkeypatch, tmp_path):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-chromium"))
    at = open_page("cluster", {"cluster": OCEAN, "lang": "nb"})
    assert not [b for b in at.get("download_button") if b.proto.id.endswith("-brief_pdf")]
    assert CATALOGUE["brief.unavailable"]["nb"] in [i.value for i in at.info]

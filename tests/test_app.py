"""Every page in streamlit.testing's AppTest: what it shows for the filters, and its downloads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard import extracts, ics, queries, workbook
from dashboard.about import store_facts
from dashboard.filters import DEFAULT_MONTHS, Filters
from dashboard.i18n import CATALOGUE, t
from dashboard.web import navigation

from .conftest import DATA, ROOT

# The programme's own figures are not split by area, level, region or label.
PROGRAMME_WIDE = (
    "programme_coverage",
    "funding_coverage",
    "programme_figures",
    "coverage",
    "glossary",
)
PAGES = tuple(p.name for p in navigation.PAGES if not p.admin_only)
FILTER_SETS = {
    "area": ({"area": "helse-og-velferd"}, Filters(areas=("helse-og-velferd",))),
    "level": ({"level": "GCE"}, Filters(levels=("GCE",))),
    "region": ({"region": "Vestland"}, Filters(regions=("Vestland",))),
    "label": ({"label": "Gold"}, Filters(labels=("Gold",))),
    "as_of": ({"as_of": "2016-06-30"}, Filters(as_of=dt.date(2016, 6, 30))),
}
# A page's own choices in its link: the compare page draws (and offers downloads) for a choice of
# clusters only; without one it says how to pick them (tests/test_compare.py).
COMPARED = ("gce-node", "gce-blue-maritime")
PAGE_PARAMS = {"compare": {"compare": ",".join(COMPARED)}}


@pytest.fixture(autouse=True)
def serve_the_test_store(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_DB", str(store_path))
    monkeypatch.setenv("DASHBOARD_DATA", str(DATA))
    monkeypatch.setenv("DASHBOARD_LANG", "nb")


@pytest.fixture()
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[Callable, str]]:
    """The deferred CSV maker and file name behind each download button, by its placeholder id."""
    saved: dict[str, tuple[Callable, str]] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original(self, data_callable, mimetype, coordinates, file_name, **kwargs)
        saved[file_id] = (data_callable, file_name)
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return saved


def open_page(page: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button_csvs(at: AppTest, downloads: dict) -> dict[str, tuple[bytes, str]]:
    """What each download button would give when clicked: (file bytes, file name) by key (the
    CSV's key; its Excel and calendar twins' keys end in _xlsx and _ics)."""
    found = {}
    for button in at.get("download_button"):
        key = button.proto.id.rsplit("-", 1)[-1]
        if button.proto.disabled or key == "brief_pdf":  # nothing to fetch; a PDF (test_brief)
            continue
        make, name = downloads[button.proto.deferred_file_id]
        found[key] = (make(), name)
    return found


def sheets(data: bytes) -> dict[str, list[tuple]]:
    """A workbook's cells by sheet, without the time it was made."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    made = t("about.generated", "nb")
    return {
        sheet.title: [row for row in sheet.iter_rows(values_only=True) if row[0] != made]
        for sheet in book
    }


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_default_filters(page):
    at = open_page(page, PAGE_PARAMS.get(page))  # the compare page with a choice to draw
    assert at.title[0].value == CATALOGUE[f"page.{page}"]["nb"]
    assert at.get("download_button"), "every view offers its extract"


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("filter_set", FILTER_SETS)
def test_every_page_with_each_filter_offers_exactly_the_cli_extract(
    page, filter_set, con, downloads
):
    params, filters = FILTER_SETS[filter_set]
    at = open_page(page, {**PAGE_PARAMS.get(page, {}), **params})
    assert not at.warning, "valid link values give no notice"
    files = button_csvs(at, downloads)
    csvs = [key for key in files if not key.endswith(("_xlsx", "_ics"))]
    sheets_ = [key for key in files if key.endswith("_xlsx")]
    assert csvs and sorted(sheets_) == sorted(f"{key}_xlsx" for key in csvs), "Excel beside CSV"
    profile = at.selectbox(key="w_cluster").value if page == "cluster" else None
    for key, (data, name) in files.items():
        suffix = key.rsplit("_", 1)[-1] if key.endswith(("_xlsx", "_ics")) else "csv"
        extract = key.removesuffix(f"_{suffix}").removeprefix("download_").removeprefix("full_")
        scope = filters
        if page in ("cluster", "sources") or extract in PROGRAMME_WIDE:
            scope = Filters(as_of=filters.as_of)  # profiles and full extracts ignore other filters
        if page == "compare":  # the picked clusters on the date, whatever the other filters
            scope = Filters(as_of=filters.as_of, clusters=COMPARED)
        assert name == extracts.file_name(extract, scope, profile, DEFAULT_MONTHS, suffix)
        if suffix == "csv":
            assert data == extracts.csv_bytes(con, extract, scope, profile, lang="nb"), (page, key)
            continue
        frame = extracts.extract_frame(con, extract, scope, profile)
        if suffix == "ics":
            assert data == ics.ics_bytes(frame, scope, "nb", store_facts(con), profile)
            continue
        cli = workbook.xlsx_bytes(frame, extract, scope, "nb", store_facts(con), profile)
        assert sheets(data) == sheets(cli), (page, key)


def test_overview_kpis_match_the_store(con):
    at = open_page("overview", {"as_of": "2019-11-20"})
    on = dt.date(2019, 11, 20)
    values = {m.label: m.value for m in at.metric}
    in_programme = con.execute(
        "SELECT count(DISTINCT cluster_id) FROM programme_periods WHERE start_date <= ? "
        "AND (end_date IS NULL OR end_date >= ?)",
        [on, on],
    ).fetchone()[0]
    assert values["Klynger i programmet"] == str(in_programme)
    held = con.execute(
        "SELECT count(DISTINCT cluster_id) FROM ("
        " SELECT cluster_id FROM certifications WHERE awarded_on <= ? AND valid_until >= ?"
        " UNION SELECT cluster_id FROM label_confirmations"
        "  WHERE coalesce(held_from, held_on) <= ? AND held_on >= ?)"
        " JOIN level_on(?::DATE) USING (cluster_id)",
        [on, on, on, on, on],
    ).fetchone()[0]
    assert values["Gyldige klyngemerker"] == str(held)
    # stavangerregion.no, 20 Nov 2019: 36 clusters with a budget of NOK 189 m
    assert values["Programmets budsjett 2019"] == "189\xa0mill. kr"
    text = " ".join(m.value for m in at.markdown)
    assert (
        f"Registeret har **{in_programme}** klynger i programmet 20.11.2019; "
        "programmet oppga **36** på den datoen."
    ) in text


def test_coverage_on_the_pages_equals_the_published_figures_table(con):
    at = open_page("funding", {"as_of": "2019-12-31"})
    budget, register = con.execute(
        "SELECT f.value, (SELECT sum(amount_nok) FROM funding WHERE year = 2019) "
        "FROM programme_figures AS f WHERE measure = 'budget_nok' AND year = 2019"
    ).fetchone()
    # three GCEs at NOK 10 m a year, four NCEs (Heidner, Blue Legasea, Finance Innovation,
    # iKuben) at NOK 5 m: 50 m of the published 189 m
    assert (budget, register) == (189_000_000, 50_000_000)
    text = " ".join(m.value for m in at.markdown)
    assert "dekker 50\xa0mill. kr" in text
    assert "av budsjettet på 189\xa0mill. kr for 2019" in text
    at = open_page("results", {"as_of": "2022-06-30"})
    counted = con.execute(
        "SELECT count(DISTINCT r.cluster_id) FROM results AS r JOIN level_on(DATE '2022-06-30') "
        "USING (cluster_id) WHERE r.year <= 2022"
    ).fetchone()[0]
    total = con.execute("SELECT count(*) FROM level_on(DATE '2022-06-30')").fetchone()[0]
    assert f"**{counted}** av de **{total}** klyngene" in " ".join(m.value for m in at.markdown)


def test_results_compare_with_peers_only_where_five_have_a_figure():
    at = open_page("results", {"as_of": "2016-06-30"})
    at.selectbox(key="w_peer").set_value("gce-node").run()
    assert any("en sammenligning krever minst 5" in i.value for i in at.info)


def test_results_count_the_selected_clusters_in_the_programme_on_the_date():
    # Ten havrommet clusters held a level on 30 June 2016 (data/programme_periods.csv): GCE
    # Blue Maritime, NODE and Ocean Technology; NCE Aquaculture, Aquatech, Maritime
    # CleanTech and Seafood Innovation; Arena Innovasjon Torskefisk, Blue Legasea (then an
    # Arena) and Smart Water Communities.
    at = open_page("results", {"as_of": "2016-06-30", "area": "havrommet"})
    coverage = next(m.value for m in at.markdown if "klyngene i programmet" in m.value)
    assert "av de **10** klyngene i programmet" in coverage


def test_health_filter_leaves_only_health_clusters_in_every_table(con):
    health = {
        r[0]
        for r in con.execute(
            "SELECT cluster_id FROM clusters WHERE area_id = 'helse-og-velferd'"
        ).fetchall()
    }
    for page in ("overview", "labels", "timeline"):
        at = open_page(page, {"area": "helse-og-velferd", "as_of": "2022-06-01"})
        for table in at.dataframe:
            frame = table.value
            if "cluster_id" in frame:
                assert set(frame["cluster_id"]) <= health, page
    at = open_page("labels", {"area": "helse-og-velferd", "as_of": "2022-06-01"})
    assert set(at.dataframe[0].value["cluster_id"]) == health


def test_as_of_date_changes_the_label_status_shown():
    def shown_status(as_of: str) -> str:
        at = open_page("labels", {"as_of": as_of, "area": "havrommet"})
        table = at.dataframe[0].value.set_index("cluster_id")
        return table.loc["gce-ocean-technology", "status"]

    assert shown_status("2012-01-01") == "Uten merke"
    assert shown_status("2014-01-01") == "Gyldig"
    assert shown_status("2023-06-30") == "Utløper snart"
    assert shown_status("2024-01-01") == "Utløpt"


def test_attention_list_names_the_gce_without_gold():
    at = open_page("overview", {"as_of": "2018-06-30"})
    table = at.dataframe[0].value
    issues = list(table[table["cluster_id"] == "gce-blue-maritime"]["issue"])
    assert issues == [
        "GCE uten gyldig gullmerke (GCE må ha gull) · utløp etter regel, må bekreftes",
        "Gull utløp 31.12.2017; kan fornyes til 31.12.2018 · utløp etter regel, må bekreftes",
    ]


def test_tampered_link_gets_a_notice_and_a_working_page():
    at = open_page(
        "labels",
        {
            "area": "<script>alert(1)</script>",
            "level": "Champions League",
            "as_of": "2024-02-30",
            "lang": "xx",
        },
    )
    notice = at.warning[0].value
    assert "Ignorerte ukjent area “\\<script\\>alert\\(1\\)\\</script\\>” i lenken." in notice
    assert "Ignorerte ukjent level “Champions League” i lenken." in notice
    assert "Ignorerte as_of “2024\\-02\\-30”: ikke en dato" in notice
    assert "Ignorerte ukjent lang “xx” i lenken." in notice
    # The filters were dropped, not the page: every cluster is listed (a page at a time).
    clusters = sum(1 for _ in (DATA / "clusters.csv").open(encoding="utf-8")) - 1
    assert any(c.value == f"Rad 1–50 av {clusters}; nedlastingen har alle." for c in at.caption)


def running_on(on: dt.date) -> set[str]:
    """Clusters with a level period covering the date, from data/programme_periods.csv."""
    with (DATA / "programme_periods.csv").open(encoding="utf-8") as f:
        return {
            r["cluster_id"]
            for r in csv.DictReader(f)
            if r["start_date"] <= on.isoformat()
            and (not r["end_date"] or on.isoformat() <= r["end_date"])
        }


def test_unknown_cluster_in_the_profile_link_gets_a_notice(con):
    """The profile then opens, as without a link, on the first cluster (by name) in the
    programme on the date."""
    at = open_page("cluster", {"cluster": "no-such-cluster"})
    assert "no\\-such\\-cluster" in at.warning[0].value
    running = running_on(dt.date.today())
    first = next(c for c in queries.cluster_names(con) if c in running)
    assert at.selectbox(key="w_cluster").value == first


def test_a_profile_of_a_date_before_the_cluster_joined_says_when_it_did():
    """Arctic Cluster Team became an Arena cluster on 16 Oct 2017 (programme_periods.csv,
    mip.no); its first label on record, a Bronze, is known to the year, 2019 (certifications
    .csv): said as a year, not as 1 January."""
    at = open_page("cluster", {"cluster": "arctic-cluster-team", "as_of": "2016-06-30"})
    texts = [i.value for i in at.info]
    assert (
        "Klyngen var ikke i programmet per 30.06.2016: den første programperioden i registeret "
        "er fra 16.10.2017." in texts
    )
    assert (
        "Ingen merke var tildelt per 30.06.2016: den første tildelingen i registeret er fra 2019."
        in texts
    )
    later = open_page("cluster", {"cluster": "arctic-cluster-team", "as_of": "2018-06-30"})
    assert (
        "Ingen merke var tildelt per 30.06.2018: den første tildelingen i registeret er fra 2019."
        in [i.value for i in later.info]
    )


def test_profile_shows_the_cluster_from_the_link():
    at = open_page("cluster", {"cluster": "gce-node", "as_of": "2013-01-01"})
    assert at.header[0].value == "GCE NODE"
    assert "Gull · Gyldig" in " ".join(m.value for m in at.markdown)


def test_profile_says_the_county_of_the_date():
    """GCE Ocean Technology is in Bergen (clusters.csv), in Hordaland until 2019 and in Vestland
    from 2020 (municipality_counties.csv)."""
    old = open_page("cluster", {"cluster": "gce-ocean-technology", "as_of": "2016-06-30"})
    assert any(c.value.startswith("Bergen, Hordaland (nå i Vestland) · ") for c in old.caption)
    new = open_page("cluster", {"cluster": "gce-ocean-technology", "as_of": "2022-06-30"})
    assert any(c.value.startswith("Bergen, Vestland · ") for c in new.caption)


def test_timeline_horizon_from_the_link_changes_the_renewals():
    six = open_page("timeline", {"as_of": "2023-06-30"}).dataframe[0].value
    year = open_page("timeline", {"as_of": "2023-06-30", "months": "12"}).dataframe[0].value
    assert set(six["cluster_id"]) == {"norwegian-smart-care-cluster", "gce-ocean-technology"}
    assert set(year["cluster_id"]) == {
        "norwegian-smart-care-cluster",
        "gce-ocean-technology",
        "gce-node",
    }


def test_filter_change_in_the_sidebar_updates_the_url_and_the_table(con):
    at = open_page("labels")
    before = set(at.dataframe[0].value["cluster_id"])
    at.multiselect(key="w_area").set_value(["havrommet"]).run()
    assert at.query_params["area"] in ("havrommet", ["havrommet"])
    ocean = {
        r[0]
        for r in con.execute(
            "SELECT cluster_id FROM clusters WHERE area_id = 'havrommet'"
        ).fetchall()
    }
    assert set(at.dataframe[0].value["cluster_id"]) == ocean
    assert len(before) == 50 and not before <= ocean  # a full first page, of every area
    at.button[0].click().run()  # reset filters
    assert "area" not in at.query_params
    assert set(at.dataframe[0].value["cluster_id"]) == before


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_english(page):
    at = open_page(page, {"lang": "en"})
    assert at.title[0].value == CATALOGUE[f"page.{page}"]["en"]


def test_page_list_matches_the_pages_folder():
    files = {p.stem for p in (ROOT / "pages").glob("*.py")}
    assert files == {p.name for p in navigation.PAGES}


def test_labels_download_names_the_gold_holders_of_mid_2016(downloads):
    """Gold holders on 30 June 2016 per data/certifications.csv: GCE NODE (2015 award),
    GCE Ocean Technology (2015), GCE Blue Maritime (2016) and Oslo Medtech (2016)."""
    at = open_page("labels", {"as_of": "2016-06-30", "label": "Gold"})
    data, name = button_csvs(at, downloads)["download_labels"]
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert {r["Klynge-ID"] for r in rows} == {
        "gce-node",
        "gce-ocean-technology",
        "gce-blue-maritime",
        "norway-health-tech",
    }
    node = next(r for r in rows if r["Klynge-ID"] == "gce-node")
    assert (node["Gyldig merke"], node["Gyldig til"], node["Dager igjen"]) == (
        "Gull",
        "2017-12-31",
        "549",
    )
    assert name == "klyngemonitor_labels_2016-06-30_label-Gold.csv"


def test_labels_excel_download_holds_the_gold_holders_of_mid_2016_as_typed_cells(downloads):
    """The Excel twin of the CSV above: the same holders, GCE NODE's 2015 Gold valid to
    31 Dec 2017 (data/certifications.csv) as a date cell, its days left as a number."""
    at = open_page("labels", {"as_of": "2016-06-30", "label": "Gold"})
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:2] == ["CSV: Merkestatus per klynge", "Excel: Merkestatus per klynge"]
    data, name = button_csvs(at, downloads)["download_labels_xlsx"]
    assert name == "klyngemonitor_labels_2016-06-30_label-Gold.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(book["Data"].iter_rows())
    headers = [c.value for c in rows[0]]
    cells = {row[0].value: dict(zip(headers, row, strict=True)) for row in rows[1:]}
    assert set(cells) == {"gce-node", "gce-ocean-technology", "gce-blue-maritime",
                          "norway-health-tech"}  # fmt: skip
    node = cells["gce-node"]
    assert node["Gyldig til"].is_date and node["Gyldig til"].value == dt.datetime(2017, 12, 31)
    assert (node["Gyldig merke"].value, node["Dager igjen"].value) == ("Gull", 549)
    about = dict(book["Om uttrekket"].iter_rows(min_row=1, max_row=7, values_only=True))
    assert about["Merke"] == "Gull" and about["Per dato"] == dt.datetime(2016, 6, 30)


def test_timeline_offers_the_renewals_as_a_calendar_beside_csv_and_excel(con, downloads):
    """On 30 June 2023, NSCC's and GCE Ocean Technology's Golds expire within six months
    (test_renewals_within_the_horizon): two awards, an expiry and a renewal deadline each."""
    at = open_page("timeline", {"as_of": "2023-06-30"})
    files = button_csvs(at, downloads)
    assert {"download_renewals", "download_renewals_xlsx", "download_renewals_ics"} <= set(files)
    data, name = files["download_renewals_ics"]
    assert name == "klyngemonitor_renewals_2023-06-30_6-months.ics"
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(data).walk("VEVENT")}
    assert summaries == {
        "Norwegian Smart Care Cluster: Gull-merket utløper",
        "Norwegian Smart Care Cluster: siste dag for å fornye Gull-merket",
        "GCE Ocean Technology: Gull-merket utløper",
        "GCE Ocean Technology: siste dag for å fornye Gull-merket",
    }
    scope = Filters(as_of=dt.date(2023, 6, 30))
    frame = extracts.extract_frame(con, "renewals", scope)
    assert data == ics.ics_bytes(frame, scope, "nb", store_facts(con))  # what the CLI writes
    calendar = next(b for b in at.get("download_button") if b.proto.id.endswith("_ics"))
    assert calendar.proto.label == "Kalender: Fornyelser som forfaller"
    assert not calendar.proto.disabled


def test_timeline_calendar_is_disabled_when_nothing_is_due():
    at = open_page("timeline", {"as_of": "2023-06-30", "months": "3"})
    assert at.info and "Ingen gyldige merker utløper innen 3 måneder" in at.info[0].value
    calendar = next(b for b in at.get("download_button") if b.proto.id.endswith("_ics"))
    assert calendar.proto.disabled


def test_expired_labels_show_their_expiry_not_negative_days():
    at = open_page("labels", {"as_of": "2024-01-01"})
    table = at.dataframe[0].value
    days = table["days_left"] if "days_left" in table else table.iloc[:, 0]
    shown = [str(v) for v in days]
    assert "None" not in shown and "nan" not in shown
    assert all(v == "–" or int(v.replace("\xa0", "")) >= 0 for v in shown)
    expired = table[table["status"] == "Utløpt"]
    assert len(expired) > 0 and set(map(str, expired["days_left"])) == {"–"}


def test_profile_follows_the_area_filter(con):
    at = open_page("cluster", {"area": "helse-og-velferd"})
    picker = at.selectbox(key="w_cluster")
    health = con.execute(
        "SELECT cluster_id FROM clusters WHERE area_id = 'helse-og-velferd' ORDER BY name"
    ).fetchall()
    running = running_on(dt.date.today())
    assert picker.value == next(c for (c,) in health if c in running)  # the first in the programme
    assert len(picker.options) == len(health)
    assert not at.info or all("ikke blant dem filtrene" not in i.value for i in at.info)


def test_a_linked_cluster_outside_the_filters_is_shown_and_says_so():
    at = open_page("cluster", {"cluster": "gce-node", "area": "helse-og-velferd"})
    assert at.header[0].value == "GCE NODE"
    assert any("ikke blant dem filtrene" in i.value for i in at.info)
    assert not at.warning, "a real cluster is no unknown value"


def test_overview_marks_the_programmes_totals_only_on_the_whole_programme():
    def traces(params: dict[str, str]) -> list[str]:
        at = open_page("overview", params)
        specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
        # the levels chart: the one drawn in bars (the other is the map of counties)
        (levels,) = [spec for spec in specs if spec["data"][0]["type"] == "bar"]
        return [trace.get("name") for trace in levels["data"]]

    published = t("overview.published_total", "nb")
    assert published in traces({"as_of": "2019-12-31"})  # the programme's 36 (annual report)
    assert published not in traces({"as_of": "2019-12-31", "area": "havrommet"})


def test_choosing_a_county_on_the_overview_filters_every_page(con, downloads):
    """The map's selectbox (the keyboard's way to click a tile) sets the sidebar's region filter:
    the URL says region=, and the other pages show and download only that county's clusters."""
    on = dt.date(2016, 6, 30)
    at = open_page("overview", {"as_of": on.isoformat()})
    picker = at.selectbox(key="w_county")
    assert "Hordaland" in picker.options and "Vestland" not in picker.options  # 2016's counties
    picker.set_value("Hordaland").run()
    assert not at.exception
    assert at.query_params["region"] in ("Hordaland", ["Hordaland"])
    assert at.multiselect(key="w_region").value == ["Hordaland"]
    assert at.selectbox(key="w_county").value == "Hordaland"
    hordaland = Filters(regions=("Hordaland",), as_of=on)
    in_county = set(queries.extract(con, "clusters", hordaland)["cluster_id"])
    assert in_county and in_county < set(
        queries.extract(con, "clusters", Filters(as_of=on))["cluster_id"]
    )
    at.switch_page("pages/labels.py")
    at.run()
    assert set(at.dataframe[0].value["cluster_id"]) == in_county
    data, _ = button_csvs(at, downloads)["download_labels"]
    assert data == extracts.csv_bytes(con, "labels", hordaland, lang="nb")
    at.switch_page("pages/overview.py")
    at.run()
    at.selectbox(key="w_county").set_value("").run()  # all counties again
    assert "region" not in at.query_params

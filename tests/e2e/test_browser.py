"""What funders do, in a real Chromium against a running Streamlit server."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from dashboard import queries, store
from dashboard.filters import Filters

ROOT = Path(__file__).resolve().parents[2]
PAGES = {
    "": "Oversikt",
    "labels": "Klyngemerker",
    "timeline": "Utløpstidslinje",
    "funding": "Finansiering",
    "results": "Resultater per mulighetsområde",
    "cluster": "Klyngeprofil",
    "compare": "Sammenlign klynger",
    "sources": "Data og kilder",
    "glossary": "Ordliste",
}
VIEWPORTS = ((1280, 800), (1920, 1080))
# A page's own choice in its link, where without one it draws no chart.
LINKS = {"compare": "?compare=gce-node,gce-blue-maritime"}


def wait_ready(page: Page) -> None:
    """Wait until the script run is over and the page is drawn."""
    page.wait_for_selector("[data-testid=stMain] h1", timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=30_000
    )
    page.wait_for_timeout(500)


def open_page(page: Page, server: str, path: str) -> None:
    page.goto(f"{server}/{path}")
    wait_ready(page)


def params(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def export(e2e_store: Path, *args: str) -> bytes:
    command = [sys.executable, "-m", "dashboard", "export", *args, "--db", str(e2e_store)]
    return subprocess.run(command, capture_output=True, check=True, cwd=ROOT).stdout


def name_cells(page: Page):
    """The first table's cluster-name cells (the grid renders the rows in view, a few at a time)."""
    return page.locator("[data-testid=stDataFrame]").first.locator("td[aria-colindex='2']")


def table_cluster_names(page: Page, at_least: int = 1) -> set[str]:
    """Cluster names in the first table, once at least `at_least` rows have been drawn."""
    cells = name_cells(page)
    expect(cells.nth(at_least - 1)).to_be_attached(timeout=20_000)
    return set(cells.all_inner_texts())


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_loads_with_its_chart_and_no_exception(
    page: Page, server: str, shots: Path, path: str
):
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        open_page(page, server, path + LINKS.get(path, ""))
        expect(page.locator("h1").first).to_have_text(PAGES[path])
        assert page.locator("[data-testid=stException]").count() == 0
        if path not in ("sources", "glossary"):  # the glossary is words; sources draws below
            expect(page.locator(".js-plotly-plot .main-svg").first).to_be_attached(timeout=20_000)
        name = path or "overview"
        page.screenshot(path=str(shots / f"{name}_{width}x{height}.png"))
        # Nothing may stick out sideways: the main area must not scroll horizontally.
        overflow = page.evaluate(
            "() => { const m = document.querySelector('[data-testid=stMain]');"
            " return m.scrollWidth - m.clientWidth; }"
        )
        assert overflow <= 1, f"{name} overflows by {overflow}px at {width}x{height}"


def choose_area(page: Page, name: str) -> None:
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text="Mulighetsområde")
    field = box.locator("input")
    field.click()
    field.fill(name)  # typed, the list holds just that option, wherever it was scrolled
    option = page.get_by_role("option", name=name)
    expect(option).to_be_visible(timeout=15_000)
    option.click()
    page.keyboard.press("Escape")
    wait_ready(page)


def test_area_filter_updates_url_and_table_and_the_url_restores_it(
    page: Page, server: str, e2e_store: Path, browser
):
    open_page(page, server, "labels")
    everyone = table_cluster_names(page, at_least=11)
    choose_area(page, "Helse og velferd")
    expect(page).to_have_url(re.compile(r"area=helse-og-velferd"))
    con = store.connect_readonly(e2e_store)
    health = set(queries.extract(con, "clusters", Filters(areas=("helse-og-velferd",)))["cluster"])
    con.close()
    expect(name_cells(page)).to_have_count(len(health))
    shown = table_cluster_names(page)
    assert shown == health and not everyone <= health

    fresh = browser.new_context(viewport={"width": 1280, "height": 800})
    other = fresh.new_page()
    other.goto(page.url)
    wait_ready(other)
    expect(
        other.locator("[data-testid=stMultiSelect]").filter(has_text="Mulighetsområde")
    ).to_contain_text("Helse og velferd")
    expect(name_cells(other)).to_have_count(len(health))
    assert table_cluster_names(other) == health
    assert params(other) == params(page)
    fresh.close()


def click_download(page: Page, button):
    """Click a download button and return the download. The CSV is made on the server when
    clicked; a click that lands while the session is still settling can go unanswered, so a
    second click is allowed (once) before the test fails."""
    for attempt in (1, 2):
        try:
            # Streamlit disables widgets while a run is in progress: wait for the run to end
            expect(button).to_be_enabled(timeout=60_000)
            with page.expect_download(timeout=30_000) as info:
                button.click()
            return info.value
        except Exception:
            if attempt == 2:
                raise
            wait_ready(page)


def test_downloaded_csv_equals_the_export_cli(page: Page, server: str, e2e_store: Path):
    open_page(page, server, "labels?area=havrommet&as_of=2016-06-30")
    download = click_download(page, page.get_by_role("button", name="CSV: Merkestatus per klynge"))
    assert download.suggested_filename == "klyngemonitor_labels_2016-06-30_area-havrommet.csv"
    content = Path(download.path()).read_bytes()
    assert content == export(
        e2e_store, "labels", "--as-of", "2016-06-30", "--area", "havrommet", "--lang", "nb"
    )
    assert content.startswith(
        "\ufeffKlynge-ID;Klynge;Mulighetsområde-ID;Fylke i dag;Nivå;Gyldig merke".encode()
    )
    assert b"gce-node;GCE NODE;havrommet;Agder;GCE;Gull" in content


def test_downloaded_excel_holds_the_csvs_rows_as_typed_cells(page: Page, server: str):
    import openpyxl

    open_page(page, server, "labels?area=havrommet&as_of=2016-06-30")
    button = page.get_by_role("button", name="Excel: Merkestatus per klynge")
    download = click_download(page, button)
    assert download.suggested_filename == "klyngemonitor_labels_2016-06-30_area-havrommet.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    assert book.sheetnames == ["Data", "Om uttrekket"]
    rows = list(book["Data"].iter_rows(values_only=True))
    assert rows[0][:6] == ("Klynge-ID", "Klynge", "Mulighetsområde-ID", "Fylke i dag", "Nivå",
                           "Gyldig merke")  # fmt: skip
    node = next(r for r in rows if r[0] == "gce-node")
    # data/certifications.csv: GCE NODE's 2015 Gold, valid (by its three-year cycle) to 2017
    assert node[5] == "Gull" and dt.datetime(2017, 12, 31) in node


def test_timeline_calendar_download_is_an_ics_of_the_renewals(page: Page, server: str):
    from icalendar import Calendar

    open_page(page, server, "timeline?as_of=2023-06-30")
    button = page.get_by_role("button", name="Kalender: Fornyelser som forfaller")
    download = click_download(page, button)
    assert download.suggested_filename == "klyngemonitor_renewals_2023-06-30_6-months.ics"
    events = Calendar.from_ical(Path(download.path()).read_bytes()).walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} >= {"GCE Ocean Technology: Gull-merket utløper"}


def test_profile_link_in_a_table_row_opens_that_cluster(page: Page, server: str):
    open_page(page, server, "labels?area=havrommet&level=GCE&as_of=2016-06-30")
    grid = page.locator("[data-testid=stDataFrame]").first
    first_row = grid.locator("td[aria-colindex='2']").first.inner_text()
    canvas = grid.locator("canvas").first
    box = canvas.bounding_box()
    x, y = box["x"] + 25, box["y"] + 35 + 17  # first body row, profile column
    page.mouse.move(x, y)  # the grid arms a link on hover, then opens it on click
    page.wait_for_timeout(300)
    with page.context.expect_page() as popup:
        page.mouse.click(x, y)
    profile = popup.value
    wait_ready(profile)
    assert params(profile)["cluster"] == [
        {
            "GCE Blue Maritime Cluster": "gce-blue-maritime",
            "GCE NODE": "gce-node",
            "GCE Ocean Technology": "gce-ocean-technology",
        }[first_row]
    ]
    expect(profile.locator("h2").first).to_have_text(first_row)


@pytest.mark.parametrize(
    "query",
    [
        "?area=%3Cscript%3Ealert(1)%3C/script%3E",
        "?level=Champions&region=Atlantis&label=Platinum",
        "?as_of=2024-02-30",
        "?as_of=%27%3B%20DROP%20TABLE%20clusters%3B--",
    ],
)
def test_tampered_url_shows_a_notice_and_a_working_page(page: Page, server: str, query: str):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_page(page, server, "labels" + query)
    expect(page.locator("[data-testid=stAlertContentWarning]").first).to_contain_text("ignorert")
    assert page.locator("[data-testid=stException]").count() == 0
    assert len(table_cluster_names(page, at_least=11)) > 10
    assert dialogs == []


def test_unknown_cluster_in_the_profile_link(page: Page, server: str):
    open_page(page, server, "cluster?cluster=no-such-cluster")
    expect(page.locator("[data-testid=stAlertContentWarning]").first).to_contain_text(
        "no-such-cluster"
    )
    expect(page.locator("h2").first).to_be_visible()


def test_navigation_keeps_the_filters(page: Page, server: str):
    open_page(page, server, "?region=Agder&as_of=2020-01-01")
    page.get_by_role("link", name="Finansiering").click()
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text("Finansiering")
    assert params(page)["region"] == ["Agder"] and params(page)["as_of"] == ["2020-01-01"]


def test_as_of_date_puts_the_page_in_that_state(page: Page, server: str):
    open_page(page, server, f"labels?as_of={dt.date(2013, 1, 1).isoformat()}&area=havrommet")
    node = (
        page.locator("[data-testid=stDataFrame]")
        .first.locator("tbody tr")
        .filter(has_text="GCE NODE")
    )
    # the grid fills its rows after the run has ended; on a busy machine that takes a while
    expect(node).to_contain_text("Gull", timeout=20_000)
    expect(node).to_contain_text("Gyldig")
    expect(node).to_contain_text("17.04.2015")  # dates as Norwegian readers write them


def test_language_switch_keeps_the_page_and_goes_into_the_url(page: Page, server: str):
    open_page(page, server, "funding?area=havrommet")
    page.locator("[data-testid=stRadio]").get_by_text("English").click()
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text("Funding")
    assert params(page)["lang"] == ["en"] and params(page)["area"] == ["havrommet"]
    expect(page.locator("[data-testid=stSidebar]")).to_contain_text("Opportunity area")


def test_keyboard_alone_navigates_and_reaches_the_filters(page: Page, server: str):
    open_page(page, server, "")
    page.get_by_role("link", name="Klyngemerker").focus()
    page.keyboard.press("Enter")
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text("Klyngemerker")
    page.locator("[data-testid=stDateInput] input").focus()
    presses = 0
    # the filter's question mark (its glossary entry) takes focus first, then its input
    while presses < 6 and not page.evaluate(
        "() => document.activeElement.tagName === 'INPUT'"
        " && !!document.activeElement.closest('[data-testid=stMultiSelect]')"
    ):
        page.keyboard.press("Tab")
        presses += 1
    assert presses < 6, "a few Tabs from the date reach the opportunity-area filter"
    page.keyboard.type("Helse")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_ready(page)
    expect(page).to_have_url(re.compile(r"area=helse-og-velferd"))


def test_a_filters_question_mark_defines_the_levels_and_opens_the_glossary_at_the_entry(
    page: Page, server: str
):
    open_page(page, server, "labels?lang=en&as_of=2016-06-30")
    level = page.locator("[data-testid=stSidebar] [data-testid=stWidgetLabel]", has_text="Level")
    level.locator("[data-testid=stTooltipIcon]").hover()
    tooltip = page.locator("[data-testid=stTooltipContent]")
    expect(tooltip).to_contain_text("GCE: Global Centres of Expertise")
    link = tooltip.get_by_role("link", name=re.compile("More in the glossary"))
    with page.context.expect_page() as opened:
        link.click()
    glossary = opened.value
    wait_ready(glossary)
    assert urlparse(glossary.url).path.endswith("/glossary")
    assert urlparse(glossary.url).fragment == "arena"
    assert params(glossary)["as_of"] == ["2016-06-30"] and params(glossary)["lang"] == ["en"]
    expect(glossary.locator("h1")).to_have_text("Glossary")
    entry = glossary.locator("#arena")
    expect(entry).to_be_in_viewport(timeout=10_000)


def test_compare_link_shows_both_clusters_and_keeps_them_after_a_date_change(
    page: Page, server: str
):
    open_page(page, server, "compare?compare=gce-node,gce-blue-maritime")
    charts = page.locator(".js-plotly-plot")
    expect(charts).to_have_count(4, timeout=30_000)  # levels, labels, members, funding
    for chart in (charts.nth(0), charts.nth(2)):  # the level rows; the member counts' legend
        expect(chart).to_contain_text("GCE NODE")
        expect(chart).to_contain_text("GCE Blue Maritime Cluster")
    day = page.locator("[data-testid=stSidebar] [data-testid=stDateInput] input")
    day.fill("2016-06-30")  # a native date field: filled in ISO, shown as the locale writes it
    day.press("Enter")
    page.keyboard.press("Escape")
    wait_ready(page)
    expect(page).to_have_url(re.compile(r"as_of=2016-06-30"))
    assert params(page)["compare"] == ["gce-node,gce-blue-maritime"]
    expect(page.locator("[data-testid=stMain]")).to_contain_text("per 30.06.2016")
    expect(charts.nth(0)).to_contain_text("GCE Blue Maritime Cluster")


def test_clicking_a_county_on_the_overview_map_filters_by_it(page: Page, server: str):
    open_page(page, server, "?as_of=2016-06-30")
    tile = page.locator(".js-plotly-plot .textpoint", has_text="Hordaland").first
    expect(tile).to_be_visible(timeout=20_000)
    tile.scroll_into_view_if_needed()
    box = tile.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)  # plotly picks the tile under the pointer on hover, then takes the click
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    expect(page).to_have_url(re.compile(r"region=Hordaland"), timeout=20_000)
    wait_ready(page)
    expect(
        page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").filter(
            has_text="Region"
        )
    ).to_contain_text("Hordaland")
    assert params(page)["as_of"] == ["2016-06-30"]


def test_an_award_score_s_hover_names_the_cluster_label_date_and_score(page: Page, server: str):
    # Norway Health Tech (then Oslo Medtech) was the first health cluster with Gold, scored 93 %
    # (innovasjonnorge.no, 2016; data/certifications.csv, dated 1 Jan 2016)
    open_page(page, server, "labels?lang=en&as_of=2016-06-30&area=helse-og-velferd")
    chart = page.locator(".js-plotly-plot", has_text="Awards and scores")
    point = chart.locator(".scatterlayer .points path").first
    expect(point).to_be_visible(timeout=20_000)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    hover = chart.locator(".hoverlayer .hovertext")
    expect(hover).to_contain_text("Norway Health Tech")
    expect(hover).to_contain_text("Gold, 2016-01-01: 93 %")

"""Clusters by county: the counties of a date (counties.csv), each cluster's county on it (its
city's row in municipality_counties.csv, or its region for that county's present term), the
`county_counts` extract, the tile map drawn from it and the region filter that names them."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from plotly.colors import sample_colorscale

from dashboard import charts, cli, extracts, queries, summaries, theme
from dashboard.charts.counties import text_colour
from dashboard.filters import CountyTerm, Filters, Notice, Vocabulary

from .conftest import DATA

OLD, MIDDLE, TODAY = dt.date(2016, 6, 30), dt.date(2022, 6, 30), dt.date.today()


def read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def day(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def covers(row: dict[str, str], on: dt.date) -> bool:
    until = day(row["valid_until"])
    return day(row["valid_from"]) <= on and (until is None or on <= until)


def counties_in_force(on: dt.date) -> set[str]:
    """The counties of a date, read from data/counties.csv."""
    return {r["county"] for r in read("counties.csv") if covers(r, on)}


def county_of(cluster: dict[str, str], on: dt.date) -> str | None:
    """A cluster's county on a date, from the CSVs: its city's row, else (no city) its region
    while the county it is in today has been one (its present term)."""
    if cluster["city"]:
        rows = [r for r in read("municipality_counties.csv") if r["city"] == cluster["city"]]
        return next((r["county"] for r in rows if covers(r, on)), None)
    present = [
        r for r in read("counties.csv") if r["county"] == cluster["region"] and not r["valid_until"]
    ]
    return cluster["region"] if any(covers(r, on) for r in present) else None


def in_programme(on: dt.date) -> set[str]:
    return {r["cluster_id"] for r in read("programme_periods.csv") if covers_period(r, on)}


def covers_period(row: dict[str, str], on: dt.date) -> bool:
    end = day(row["end_date"])
    return day(row["start_date"]) <= on and (end is None or on <= end)


def tiles(figure) -> dict[str, tuple[int, str]]:
    """Each tile of the map by county: (its count, its text)."""
    (trace,) = figure.data
    return {
        data[0]: (count, text)
        for data, count, text in zip(trace.customdata, trace.marker.color, trace.text, strict=True)
    }


def test_every_county_of_any_date_has_a_place_and_one_date_never_shares_one():
    rows = read("counties.csv")
    assert {r["county"] for r in rows} <= set(theme.COUNTY_GRID)
    # every date a county began or ended: the grid of each era
    changes = {day(r["valid_from"]) for r in rows} | {
        day(r["valid_until"]) + dt.timedelta(days=1) for r in rows if r["valid_until"]
    }
    for on in sorted(changes) + [OLD, TODAY]:
        places = [theme.COUNTY_GRID[c] for c in counties_in_force(on)]
        assert len(places) == len(set(places)), on


def test_the_counties_of_each_era():
    assert len(counties_in_force(OLD)) == 19
    assert len(counties_in_force(dt.date(2018, 6, 30))) == 18
    assert len(counties_in_force(MIDDLE)) == 11
    assert len(counties_in_force(dt.date(2024, 1, 1))) == 15
    assert {"Hordaland", "Sogn og Fjordane", "Sør-Trøndelag"} <= counties_in_force(OLD)
    assert {"Viken", "Vestland", "Troms og Finnmark"} <= counties_in_force(MIDDLE)


@pytest.mark.parametrize("on", [OLD, TODAY], ids=["2016-06-30", "today"])
def test_the_map_has_a_tile_for_exactly_the_counties_in_force(con, on):
    counts = queries.extract(con, "county_counts", Filters(as_of=on))
    figure = charts.county_map(counts, (), "nb")
    assert set(tiles(figure)) == counties_in_force(on)


@pytest.mark.parametrize(
    ("county", "on"),
    [("Rogaland", OLD), ("Rogaland", TODAY), ("Hordaland", OLD), ("Vestland", MIDDLE)],
)
def test_a_tile_counts_the_clusters_in_the_programme_in_its_county_on_the_date(con, county, on):
    clusters = read("clusters.csv")
    running = in_programme(on)
    want = sum(1 for c in clusters if c["cluster_id"] in running and county_of(c, on) == county)
    assert want > 0  # the named county has clusters on the date: the test counts something
    figure = charts.county_map(queries.extract(con, "county_counts", Filters(as_of=on)), (), "en")
    count, text = tiles(figure)[county]
    assert count == want
    assert f"<br>{want}" in text


def test_the_counts_add_up_to_the_programme_with_the_unplaced_in_a_row_without_a_county(con):
    for on in (OLD, MIDDLE, TODAY):
        counts = queries.extract(con, "county_counts", Filters(as_of=on))
        assert counts["in_programme"].sum() == len(in_programme(on))
        assert counts["county"].isna().sum() == 1
        unplaced = [
            c["cluster_id"]
            for c in read("clusters.csv")
            if c["cluster_id"] in in_programme(on) and county_of(c, on) is None
        ]
        assert summaries.unplaced(counts) == len(unplaced)


def test_a_cluster_in_bergen_is_in_hordaland_in_2016_and_in_vestland_in_2022(con):
    bergen = "gce-ocean-technology"  # in Bergen (clusters.csv), a GCE from 2015 to 2025
    for on, county in ((OLD, "Hordaland"), (MIDDLE, "Vestland")):
        counts = queries.extract(con, "county_counts", Filters(as_of=on), cluster_id=bergen)
        placed = counts[counts["in_programme"] > 0]
        assert list(placed["county"]) == [county]
        assert placed["gold"].tolist() == [1]  # held Gold on both dates


@pytest.mark.parametrize("on", [OLD, MIDDLE, TODAY])
def test_the_clusters_extract_gives_each_clusters_county_of_the_date(con, on):
    shown = queries.extract(con, "clusters", Filters(as_of=on)).set_index("cluster_id")
    expected = {c["cluster_id"]: county_of(c, on) for c in read("clusters.csv")}
    got = {k: (v if isinstance(v, str) else None) for k, v in shown["county"].items()}
    assert got == expected
    assert set(shown.loc[shown["county"].isna()].index) == {k for k, v in expected.items() if not v}


def test_a_profile_says_the_county_of_the_date_and_the_county_today_where_it_differs(con):
    bergen = (
        "gce-ocean-technology"  # in Bergen (clusters.csv): Hordaland until 2019, Vestland after
    )
    old = queries.extract(con, "clusters", Filters(as_of=OLD), cluster_id=bergen).iloc[0]
    assert summaries.place(old, "nb") == "Bergen, Hordaland (nå i Vestland)"
    assert summaries.place(old, "en") == "Bergen, Hordaland (now in Vestland)"
    new = queries.extract(con, "clusters", Filters(as_of=MIDDLE), cluster_id=bergen).iloc[0]
    assert summaries.place(new, "en") == "Bergen, Vestland"
    # Arena Arktisk Vedlikehold: no city, in Finnmark today, a county again only since 2024
    far_north = queries.extract(
        con, "clusters", Filters(as_of=OLD), cluster_id="arena-arktisk-vedlikehold"
    ).iloc[0]
    assert summaries.place(far_north, "nb") == "I dag i Finnmark (fylket på datoen er ikke kjent)"


def test_a_county_with_no_cluster_in_the_register_is_a_light_tile_with_0(con):
    counts = queries.extract(con, "county_counts", Filters(as_of=OLD))
    figure = charts.county_map(counts, (), "nb")
    regions = {c["region"] for c in read("clusters.csv")}
    for county in ("Sogn og Fjordane", "Telemark"):
        assert county not in regions
        count, text = tiles(figure)[county]
        assert count == 0 and text.endswith("<br>0")
    (trace,) = figure.data
    assert trace.marker.cmin == 0
    assert trace.marker.colorscale[0][1] == theme.COUNTY_SCALE[0]


def test_tile_text_says_the_labels_held_and_contrasts_with_the_tile():
    counts = pd.DataFrame(
        {
            "county": ["Oslo", "Rogaland", "Vestland", None],
            "in_programme": [3, 0, 9, 2],
            "gold": [1, 0, 2, 0],
            "silver": [0, 0, 1, 0],
            "bronze": [0, 0, 0, 1],
        }
    )
    figure = charts.county_map(counts, ("Vestland",), "nb")
    shown = tiles(figure)
    assert shown["Oslo"] == (3, "<b>Oslo</b><br>3<br>1 gull")
    assert shown["Vestland"][1].endswith("<br>9<br>2 gull · 1 sølv")
    assert len(shown) == 3  # the unplaced are not a tile
    many = counts.assign(gold=[12, 0, 2, 0], bronze=[3, 0, 0, 1])
    assert tiles(charts.county_map(many, (), "nb"))["Oslo"][1].endswith("<br>12 gull<br>3 bronse")
    (trace,) = figure.data
    chosen = list(trace.customdata).index(["Vestland"])
    assert trace.marker.line.color[chosen] == theme.COUNTY_CHOSEN
    assert trace.marker.line.width[chosen] > max(
        w for i, w in enumerate(trace.marker.line.width) if i != chosen
    )
    # black or white text, whichever reads best: 4.5:1 or more anywhere on the scale
    scale = [[i / 4, c] for i, c in enumerate(theme.COUNTY_SCALE)]
    for fill in sample_colorscale(scale, [i / 20 for i in range(21)]):
        assert contrast(fill, text_colour(fill)) >= 4.5, fill


def contrast(fill: str, text: str) -> float:
    from plotly.colors import hex_to_rgb, unlabel_rgb

    from dashboard.charts.counties import _luminance

    a = _luminance(unlabel_rgb(fill))
    b = _luminance(hex_to_rgb(text))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def test_a_county_the_layout_lacks_is_drawn_below_the_map():
    counts = pd.DataFrame(
        {"county": ["Oslo", "Nytt fylke"], "in_programme": [1, 2], "gold": [0, 0]}
        | {"silver": [0, 0], "bronze": [0, 0]}
    )
    (trace,) = charts.county_map(counts, (), "en").data
    rows = 1 + max(row for _, row in theme.COUNTY_GRID.values())
    assert list(trace.y)[1] == rows


def test_the_region_filter_names_the_counties_of_the_date(con):
    def chosen(county: str, on: dt.date) -> set[str]:
        frame = queries.extract(con, "clusters", Filters(regions=(county,), as_of=on))
        return set(frame["cluster_id"])

    clusters = read("clusters.csv")
    # an old county on its date: the clusters in it then (its places: Bergen and Stord)
    hordaland = {c["cluster_id"] for c in clusters if county_of(c, OLD) == "Hordaland"}
    assert {c["city"] for c in clusters if c["cluster_id"] in hordaland} == {"Bergen", "Stord"}
    assert chosen("Hordaland", OLD) == hordaland
    assert chosen("Hordaland", MIDDLE) == set()  # not a county then, nor today
    # today's county on a date it was not one: the clusters in it today
    vestland = {c["cluster_id"] for c in clusters if c["region"] == "Vestland"}
    assert chosen("Vestland", OLD) == vestland == chosen("Vestland", MIDDLE)
    assert vestland > hordaland  # with those whose county in 2016 is not known


def test_the_map_ignores_the_region_filter_and_the_download_is_the_cli_export(con, tmp_path):
    chosen = Filters(regions=("Hordaland",), as_of=OLD)
    assert queries.extract(con, "county_counts", chosen).equals(
        queries.extract(con, "county_counts", Filters(as_of=OLD))
    )
    out = tmp_path / "counties.csv"
    db = Path(con.execute("SELECT path FROM duckdb_databases() WHERE NOT internal").fetchone()[0])
    argv = ["export", "county_counts", "--as-of", "2016-06-30", "--region", "Hordaland"]
    assert cli.main([*argv, "--lang", "nb", "--db", str(db), "-o", str(out)]) == 0
    assert out.read_bytes() == extracts.csv_bytes(con, "county_counts", chosen, lang="nb")
    assert out.read_bytes().decode("utf-8-sig").splitlines()[0] == (
        "Fylke;Klynger i programmet;Med gullmerke;Med sølvmerke;Med bronsemerke"
    )


def test_an_old_county_in_a_link_is_valid_and_one_that_never_was_gets_a_notice(con):
    vocab = queries.vocabulary(con)
    assert {"Hordaland", "Vestland", "Viken"} <= set(vocab.regions)
    filters, notices = Filters.from_params(
        {"region": ["Hordaland", "Atlantis"], "as_of": ["2016-06-30"]}, vocab
    )
    assert filters.regions == ("Hordaland",)
    assert notices == [Notice("unknown_county", "region", "Atlantis")]
    assert set(vocab.regions_on(OLD)) == counties_in_force(OLD)
    assert set(vocab.regions_on(TODAY)) == counties_in_force(TODAY)


def test_counties_on_a_date_from_their_terms():
    terms = (
        CountyTerm("Akershus", dt.date(2002, 1, 1), dt.date(2019, 12, 31)),
        CountyTerm("Akershus", dt.date(2024, 1, 1), None),
        CountyTerm("Viken", dt.date(2020, 1, 1), dt.date(2023, 12, 31)),
    )
    vocab = Vocabulary(areas=(), regions=("Akershus", "Viken"), terms=terms)
    assert vocab.regions_on(dt.date(2019, 12, 31)) == ("Akershus",)
    assert vocab.regions_on(dt.date(2020, 1, 1)) == ("Viken",)
    assert vocab.regions_on(dt.date(2030, 1, 1)) == ("Akershus",)

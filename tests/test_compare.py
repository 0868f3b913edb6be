"""The compare page: clusters from the link, side by side over time; the choice kept in the URL;
gaps where the record has no figure; downloads that are the export CLI's CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard import charts, extracts, queries
from dashboard.filters import COMPARE_MOST, Filters
from dashboard.i18n import t

from .conftest import DATA, ROOT
from .test_app import button_csvs, downloads, open_page, serve_the_test_store  # noqa: F401

PAIR = ("gce-node", "gce-blue-maritime")
LINK = {"compare": ",".join(PAIR), "as_of": "2020-06-30"}
ON = dt.date(2020, 6, 30)


def rows(table: str) -> list[dict[str, str]]:
    with (DATA / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


NAMES = {r["cluster_id"]: r["name"] for r in rows("clusters")}


def chart_specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


CHARTS = ("compare.levels", "compare.labels", "compare.members", "compare.funding")


def chart_titled(at, key: str) -> dict:
    """The chart under the subheader `key` (the page draws all four for LINK, in this order)."""
    specs = chart_specs(at)
    assert len(specs) == len(CHARTS)
    return specs[CHARTS.index(key)]


def picked(at) -> str | None:
    value = at.query_params.get("compare")
    return value[0] if isinstance(value, list) else value


def export(store_path: Path, *args: str) -> bytes:
    command = [sys.executable, "-m", "dashboard", "export", *args, "--db", str(store_path)]
    return subprocess.run(command, capture_output=True, check=True, cwd=ROOT).stdout


def test_a_link_shows_both_clusters_and_their_level_periods():
    at = open_page("compare", LINK)
    assert at.title[0].value == "Sammenlign klynger"
    assert at.multiselect(key="w_compare").value == list(PAIR)
    lines = " ".join(m.value for m in at.markdown)
    for cluster_id in PAIR:
        assert f"**{NAMES[cluster_id]}**: nivåperioder:" in lines
    levels = chart_titled(at, "compare.levels")
    drawn = {
        (y, base[:10], trace["name"])
        for trace in levels["data"]
        if trace["type"] == "bar"
        for y, base in zip(trace["y"], trace["base"], strict=True)
    }
    expected = {
        (NAMES[p["cluster_id"]], p["start_date"], t(f"level.{p['level']}", "nb"))
        for p in rows("programme_periods")
        if p["cluster_id"] in PAIR and p["start_date"] <= ON.isoformat()
    }
    assert drawn == expected and len(expected) == 5  # NODE: Arena, NCE, GCE; Blue Maritime: 2
    # a row per cluster, in the order picked (first on top), and the as-of date marked
    assert levels["layout"]["yaxis"]["categoryarray"] == [NAMES[c] for c in PAIR][::-1]
    assert [s["x0"][:10] for s in levels["layout"]["shapes"]] == ["2020-06-30"]


def test_the_sidebar_filters_do_not_restrict_the_picked_clusters():
    at = open_page("compare", {**LINK, "area": "helse-og-velferd", "level": "Arena"})
    assert not at.warning
    lines = " ".join(m.value for m in at.markdown)
    assert all(f"**{NAMES[c]}**" in lines for c in PAIR)  # ocean-space GCEs, shown all the same
    assert any("begrenser ikke klyngene du har valgt" in c.value for c in at.caption)


def test_the_url_keeps_the_selection_after_a_change():
    at = open_page("compare", LINK)
    at.multiselect(key="w_compare").select("norwegian-smart-care-cluster").run()
    assert picked(at) == "gce-node,gce-blue-maritime,norwegian-smart-care-cluster"
    at.multiselect(key="w_compare").unselect("gce-node").run()
    assert picked(at) == "gce-blue-maritime,norwegian-smart-care-cluster"
    lines = " ".join(m.value for m in at.markdown)
    assert "**GCE NODE**" not in lines and "**Norwegian Smart Care Cluster**" in lines
    at.date_input(key="w_as_of").set_value(dt.date(2016, 6, 30)).run()  # a sidebar change
    assert picked(at) == "gce-blue-maritime,norwegian-smart-care-cluster"
    assert at.query_params.get("as_of") in ("2016-06-30", ["2016-06-30"])
    at.multiselect(key="w_compare").set_value([]).run()
    assert "compare" not in at.query_params


def test_an_unknown_id_in_the_link_gets_a_notice_naming_it():
    at = open_page("compare", {**LINK, "compare": "gce-node,no-such-cluster,gce-blue-maritime"})
    (notice,) = at.warning
    assert "Ignorerte ukjent compare “no\\-such\\-cluster” i lenken." in notice.value
    assert at.multiselect(key="w_compare").value == list(PAIR)
    assert picked(at) == ",".join(PAIR)  # the link now says what the page shows
    assert at.get("plotly_chart")


def test_more_than_six_in_the_link_are_cut_to_six_with_a_notice():
    ids = [r["cluster_id"] for r in rows("clusters")][: COMPARE_MOST + 2]
    at = open_page("compare", {"compare": ",".join(ids)})
    notice = at.warning[0].value
    for extra in ids[COMPARE_MOST:]:
        assert f"Ignorerte compare “{extra.replace('-', chr(92) + '-')}”: høyst 6" in notice
    assert at.multiselect(key="w_compare").value == ids[:COMPARE_MOST]
    assert picked(at) == ",".join(ids[:COMPARE_MOST])


@pytest.mark.parametrize("link", [{}, {"compare": "gce-node"}])
def test_fewer_than_two_clusters_say_how_to_pick_and_draw_nothing(link):
    at = open_page("compare", link)
    assert any("Velg 2–6 klynger" in i.value for i in at.info)
    assert not at.get("plotly_chart") and not at.get("download_button")
    assert not at.warning


def test_the_member_chart_has_a_point_only_where_the_record_has_a_count():
    at = open_page("compare", LINK)
    lines = {trace["name"]: trace for trace in chart_titled(at, "compare.members")["data"]}
    assert set(lines) == {NAMES[c] for c in PAIR}
    for cluster_id in PAIR:
        counts = {
            int(r["year"]): float(r["value"])
            for r in rows("results")
            if r["cluster_id"] == cluster_id
            and r["indicator"] == "members"
            and int(r["year"]) <= ON.year
        }
        line = lines[NAMES[cluster_id]]
        points = {x: y for x, y in zip(line["x"], line["y"], strict=True) if y is not None}
        assert points == counts, cluster_id
        assert line["connectgaps"] is False
        gaps = [x for x, y in zip(line["x"], line["y"], strict=True) if y is None]
        assert gaps and not set(gaps) & set(counts)  # the years between are gaps, not zeros
    # GCE NODE: 48 (2009), 62 (2013), 102 (2019); no count for 2010–2012 or 2014–2018
    node = lines["GCE NODE"]
    assert dict(zip(node["x"], node["y"], strict=True))[2011] is None


def test_every_download_is_the_export_cli_s_csv(con, store_path, downloads):  # noqa: F811
    at = open_page("compare", LINK)
    files = button_csvs(at, downloads)
    csvs = {key: got for key, got in files.items() if not key.endswith("_xlsx")}
    assert set(files) - set(csvs) == {f"{key}_xlsx" for key in csvs}  # Excel beside each CSV
    assert set(csvs) == {
        "download_compare_coverage",
        "download_periods",
        "download_awards",
        "download_compare_members",
        "download_compare_funding",
    }
    scope = Filters(as_of=ON, clusters=PAIR)
    for key, (data, name) in csvs.items():
        extract = key.removeprefix("download_")
        args = (extract, "--compare", ",".join(PAIR), "--as-of", ON.isoformat(), "--lang", "nb")
        assert data == export(store_path, *args), key
        assert name == extracts.file_name(extract, scope)
        assert name.endswith(f"_{ON.isoformat()}_compare-gce-node+gce-blue-maritime.csv")
    coverage = queries.extract(con, "compare_coverage", scope)
    assert list(coverage["cluster_id"]) == list(PAIR)  # the order picked, not by name


@pytest.mark.parametrize("value", ["x' OR '1'='1", "gce-node'); DROP TABLE clusters; --"])
def test_cluster_ids_are_data_not_sql(con, value):
    assert queries.extract(con, "compare_coverage", Filters(clusters=(value,))).empty
    both = Filters(clusters=(value, "gce-node"))
    assert list(queries.extract(con, "periods", both)["cluster_id"].unique()) == ["gce-node"]
    # a profile's one cluster and a list of clusters are two parameters, not one name's prefix
    assert queries.extract(con, "periods", both, "gce-blue-maritime").empty


def test_the_coverage_line_counts_what_the_record_holds(con):
    scope = Filters(as_of=ON, clusters=("norwegian-smart-care-cluster", "gce-node"))
    coverage = queries.extract(con, "compare_coverage", scope).set_index("cluster_id")
    nscc = coverage.loc["norwegian-smart-care-cluster"]
    # NSCC by mid-2020: Arena from 2014, Arena Pro from Nov 2019; Bronze 2016 and Silver 2019;
    # counts for 2017 and 2019 (data/results.csv); programme years 2014–2020
    assert (nscc["periods"], nscc["awards"]) == (2, 2)
    assert (nscc["programme_years"], nscc["member_programme_years"]) == (7, 2)
    assert (nscc["funding_years"], nscc["funding_published_years"]) == (1, 0)
    assert list(coverage.index) == ["norwegian-smart-care-cluster", "gce-node"]


def test_funding_unknown_stays_empty_and_estimates_are_hatched():
    funding = pd.DataFrame(
        {
            "cluster": ["A", "A", "A", "B", "B"],
            "year": [2019, 2020, 2021, 2019, 2020],
            "amount_nok": [5_000_000, None, 2_000_000, 1_000_000, 3_000_000],
            "provenance": ["estimate", None, "published", "published", "published"],
        }
    )
    fig = charts.compare_funding(funding, ("A", "B"), "en")
    bars = {tr.name: tr for tr in fig.data if tr.legendgroup != "pattern"}
    assert list(bars["A"].x) == [2019, 2021] and list(bars["A"].y) == [5_000_000, 2_000_000]
    assert list(bars["A"].marker.pattern.shape) == ["/", ""]  # the estimate hatched
    assert list(bars["B"].x) == [2019, 2020]
    assert bars["A"].marker.color != bars["B"].marker.color
    assert {tr.name for tr in fig.data if tr.legendgroup == "pattern"} == {"Estimate"}
    nothing = charts.compare_funding(funding.assign(amount_nok=None), ("A", "B"), "en")
    assert not nothing.data  # nothing known: the empty state, not bars of zero


def test_a_year_the_member_extract_skips_is_a_gap_as_well():
    members = pd.DataFrame(
        {
            "cluster": ["A", "A", "A"],
            "year": [2010, 2011, 2014],
            "value": [10.0, 12.0, 20.0],
            "provenance": ["published"] * 3,
        }
    )
    (line,) = charts.compare_members(members, ("A", "B"), "nb").data
    assert list(line.x) == [2010, 2011, 2012, 2014] and list(line.y) == [10, 12, None, 20]


def test_the_page_in_english_names_levels_and_labels_in_english():
    at = open_page("compare", {**LINK, "lang": "en"})
    assert at.title[0].value == "Compare clusters"
    levels = {tr["name"] for tr in chart_specs(at)[0]["data"] if tr["type"] == "bar"}
    assert levels == {"Arena", "NCE", "GCE"}
    labels = {tr["name"] for tr in chart_specs(at)[1]["data"] if tr["type"] == "bar"}
    assert labels == {"Gold"}


def test_every_picked_cluster_has_its_row_even_without_an_award_or_a_period(con):
    """Four of six with awards (fewer than a bar chart's five slots) must not push the other
    rows off the axis: each cluster is a row of its own, in the order picked."""
    six = (
        "gce-node",
        "norwegian-smart-care-cluster",
        "arctic-cluster-team",
        "cod-cluster",
        "gce-blue-maritime",
        "akvarena",
    )
    scope = Filters(as_of=dt.date(2026, 1, 1), clusters=six)
    names = tuple(queries.extract(con, "compare_coverage", scope)["cluster"])
    assert names == tuple(NAMES[c] for c in six)
    awards = queries.extract(con, "awards", scope)
    assert {NAMES["cod-cluster"], NAMES["akvarena"]}.isdisjoint(awards["cluster"])
    periods = queries.extract(con, "periods", Filters(as_of=dt.date(2026, 1, 1), clusters=six[:3]))
    for fig in (
        charts.award_timeline(awards, scope.date, 0, "nb", None, names),
        charts.compare_levels(periods, names, scope.date, "nb"),
    ):
        axis = fig.layout.yaxis
        assert list(axis.categoryarray) == list(names)[::-1]
        assert list(axis.range) == [-0.5, len(names) - 0.5]  # every row in view, none padded
        assert {y for trace in fig.data for y in trace.y} == set(names)
    timeline = charts.award_timeline(awards, scope.date, 0, "nb", None, names)
    assert [s.type for s in timeline.layout.shapes] == ["line"]  # the date, no horizon shaded

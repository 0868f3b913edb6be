"""Chart builders: DataFrame in, Figure out, in the shared colours, with units and provenance."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard import charts, queries, theme
from dashboard.filters import Filters
from dashboard.i18n import t

ON = dt.date(2022, 6, 30)


def test_funding_bars_add_up_to_the_extract(con):
    funding = queries.extract(con, "funding", Filters(as_of=ON))
    for dimension in ("funder", "level"):
        fig = charts.funding_by(funding, dimension, "en")
        total = sum(sum(v for v in trace.y if v is not None) for trace in fig.data)
        assert total == funding["amount_nok"].sum()
        assert fig.layout.yaxis.title.text == "Funding (NOK)"


def test_funding_by_funder_uses_the_shared_colours_and_marks_estimates(con):
    funding = queries.extract(con, "funding", Filters(as_of=ON))
    fig = charts.funding_by(funding, "funder", "en")
    bars = {tr.name: tr for tr in fig.data if tr.legendgroup != "pattern"}
    assert bars["Innovasjon Norge"].marker.color == theme.FUNDER_COLOURS["Innovasjon Norge"]
    assert bars["Innovasjon Norge"].marker.pattern.shape == theme.PROVENANCE_PATTERNS["estimate"]
    legend = {tr.name for tr in fig.data if tr.legendgroup == "pattern"}
    assert legend == {"Estimate", "Illustrative"}


def test_label_colours_are_the_same_in_every_chart(con):
    labels = queries.extract(con, "label_counts", Filters(as_of=ON))
    areas = queries.opportunity_areas(con)
    awards = queries.extract(con, "awards", Filters(as_of=ON))
    for lang in ("en", "nb"):
        gold = t("label.Gold", lang)
        for fig in (
            charts.labels_by_area(labels, areas, lang),
            charts.award_scores(awards, lang),
            charts.award_timeline(awards, ON, 6, lang),
        ):
            colours = {tr.name: tr.marker.color for tr in fig.data}
            assert colours[gold] == theme.LABEL_COLOURS["Gold"]


def test_patterned_bars_keep_their_colour(con):
    summary = queries.extract(con, "funding_summary", Filters(as_of=ON))
    awards = queries.extract(con, "awards", Filters(as_of=ON))
    for fig in (
        charts.funding_by(summary, "funder", "nb"),
        charts.award_timeline(awards, ON, 6, "nb"),
    ):
        bars = [tr for tr in fig.data if tr.type == "bar" and tr.x is not None and len(tr.x)]
        assert bars and all(tr.marker.pattern.fillmode == "overlay" for tr in bars)


def test_labels_are_told_apart_by_pattern_as_well_as_colour(con):
    awards = queries.extract(con, "awards", Filters(as_of=ON))
    fig = charts.award_timeline(awards, ON, 6, "en")
    patterns = {tr.name: tr.marker.pattern.shape for tr in fig.data}
    assert patterns["Gold"] != patterns["Bronze"] != patterns["Silver"]


def test_timeline_marks_the_date_and_shades_the_horizon(con):
    awards = queries.extract(con, "awards", Filters(as_of=ON))
    fig = charts.award_timeline(awards, ON, 12, "en")
    rect = next(s for s in fig.layout.shapes if s.type == "rect")
    line = next(s for s in fig.layout.shapes if s.type == "line")
    assert pd.Timestamp(line.x0) == pd.Timestamp(ON)
    assert pd.Timestamp(rect.x0) == pd.Timestamp(ON)
    assert pd.Timestamp(rect.x1) == pd.Timestamp(2023, 6, 30)
    clusters = set(fig.data[0].y) | {y for tr in fig.data for y in tr.y}
    assert clusters == set(awards["cluster"])


def test_programme_counts_per_year(con):
    periods = queries.extract(con, "periods", Filters(as_of=ON))
    fig = charts.programme_by_level(periods, 2022, "en")
    per_year = {}
    for trace in fig.data:
        for year, n in zip(trace.x, trace.y, strict=True):
            per_year[year] = per_year.get(year, 0) + n
    in_2016 = con.execute(
        "SELECT count(DISTINCT cluster_id) FROM programme_periods "
        "WHERE year(start_date) <= 2016 AND coalesce(year(end_date), 2100) >= 2016"
    ).fetchone()[0]
    assert per_year[2016] == in_2016
    assert fig.layout.yaxis.title.text == "Clusters"


def test_results_sum_counts_and_average_percentage_points(con):
    results = queries.extract(con, "results", Filters(as_of=ON))
    summary = queries.extract(con, "results_summary", Filters(as_of=ON))
    areas = queries.opportunity_areas(con)
    members = summary[summary["indicator"] == "members"]
    fig = charts.results_over_time(members, "area_id", "Members", "count", areas, "en")
    ocean = next(tr for tr in fig.data if tr.name == "Ocean space")
    raw = results[results["indicator"] == "members"]
    expected = raw[(raw["area_id"] == "havrommet") & (raw["year"] == 2020)]["value"].sum()
    assert dict(zip(ocean.x, ocean.y, strict=True))[2020] == expected
    growth = summary[summary["indicator"] == "value_creation_growth"]
    fig = charts.results_over_time(growth, "level", "Growth", "pp", areas, "en")
    assert fig.layout.yaxis.title.text == "Percentage points"
    gce = next(tr for tr in fig.data if tr.name == "GCE")
    raw = results[results["indicator"] == "value_creation_growth"]
    expected = raw[(raw["level"] == "GCE") & (raw["year"] == 2020)]["value"].mean()
    assert dict(zip(gce.x, gce.y, strict=True))[2020] == pytest.approx(expected)


def test_peer_comparison_uses_peers_of_the_same_level(con):
    results = queries.extract(con, "results", Filters(as_of=ON))
    members = results[results["indicator"] == "members"]
    stats = queries.peer_stats(con, "gce-node", "members", Filters(as_of=ON))
    fig = charts.peer_comparison(stats, "GCE NODE", "Members", "count", "en")
    median = next(tr for tr in fig.data if tr.name == "Peer median")
    gce_2016 = members[(members["level"] == "GCE") & (members["year"] == 2016)]["value"].median()
    assert dict(zip(median.x, median.y, strict=True))[2016] == gce_2016
    own = next(tr for tr in fig.data if tr.name == "GCE NODE")
    node = members[members["cluster_id"] == "gce-node"].set_index("year")["value"]
    assert dict(zip(own.x, own.y, strict=True))[2016] == node[2016]


def test_funding_ranking_is_the_top_twenty_by_total(con):
    funding = queries.extract(con, "funding", Filters(as_of=ON))
    top = queries.extract(con, "funding_top", Filters(as_of=ON))
    fig = charts.funding_ranking(top, 2006, 2022, "en")
    expected = funding.groupby("cluster")["amount_nok"].sum().nlargest(20)
    shown = {}
    for trace in fig.data:
        for cluster, amount in zip(trace.y, trace.x, strict=True):
            shown[cluster] = shown.get(cluster, 0) + amount
    assert shown == expected.to_dict()
    assert fig.layout.title.text == "Clusters ranked by funding, 2006–2022"


def test_empty_data_gives_an_empty_chart_with_its_title():
    empty = pd.DataFrame(columns=["year", "funder", "level", "provenance", "amount_nok", "cluster"])
    fig = charts.funding_by(empty, "funder", "nb")
    assert fig.data == () and fig.layout.title.text == "Finansiering per finansiør og år"

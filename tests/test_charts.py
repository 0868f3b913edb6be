"""Chart builders: DataFrame in, Figure out, in the shared colours, with units and provenance."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import json

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest

from dashboard import charts, queries, theme
from dashboard.contract import FUNDERS, LABELS, LEVELS
from dashboard.filters import Filters
from dashboard.i18n import t

from .conftest import DATA

ON = dt.date(2022, 6, 30)


def test_every_level_label_funder_and_area_has_a_colour():
    assert set(LEVELS) <= set(theme.LEVEL_COLOURS)
    assert set(LABELS) <= set(theme.LABEL_COLOURS)
    assert set(LABELS) <= set(theme.LABEL_PATTERNS)
    assert set(FUNDERS) <= set(theme.FUNDER_COLOURS)
    with (DATA / "opportunity_areas.csv").open(encoding="utf-8", newline="") as f:
        areas = {row["area_id"] for row in csv.DictReader(f)}
    assert areas and areas <= set(theme.AREA_COLOURS)


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
    programme = bars["Cluster programme (owners' split not published)"]
    assert programme.marker.color == theme.FUNDER_COLOURS["Klyngeprogrammet"]
    assert programme.marker.pattern.shape == "/"  # hatched: an estimate, not a published figure
    legend = {tr.name for tr in fig.data if tr.legendgroup == "pattern"}
    assert legend == {"Estimate"}


def test_label_colours_are_the_same_in_every_chart(con):
    labels = queries.extract(con, "label_counts", Filters(as_of=ON))
    areas = queries.opportunity_areas(con)
    awards = queries.extract(con, "awards", Filters(as_of=ON))
    for lang, gold in (("en", "Gold"), ("nb", "Gull")):
        for fig in (
            charts.labels_by_area(labels, areas, lang),
            charts.award_scores(awards, lang),
            charts.award_timeline(awards, ON, 6, lang),
        ):
            colours = {tr.name: tr.marker.color for tr in fig.data}
            assert colours[gold] == theme.LABEL_COLOURS["Gold"]


def test_patterned_bars_keep_their_colour(con):
    def get(name: str, cluster_id: str | None = None) -> pd.DataFrame:
        return queries.extract(con, name, Filters(as_of=ON), cluster_id)

    summary, areas, members = get("funding_summary"), queries.opportunity_areas(con), get("members")
    for fig in (
        charts.funding_by(summary, "funder", "nb"),
        charts.award_timeline(get("awards"), ON, 6, "nb"),
        charts.programme_by_level(get("programme_by_year"), get("programme_coverage"), "nb"),
        charts.level_history(get("periods", "oslo-cancer-cluster"), "nb"),
        charts.labels_by_area(get("label_counts"), areas, "nb"),
        charts.funding_area_shares(summary, areas, "nb"),
        charts.funding_ranking(get("funding_top"), 2006, 2022, "nb"),
        charts.funding_against_budget(get("funding_coverage"), "nb"),
        charts.members_by_cluster(members, areas, "nb"),
        charts.peer_comparison(members, members["cluster_id"].iloc[0], "nb"),
    ):
        bars = [tr for tr in fig.data if tr.type == "bar" and tr.x is not None and len(tr.x)]
        assert bars and all(tr.marker.pattern.fillmode == "overlay" for tr in bars)


def test_labels_are_told_apart_by_pattern_as_well_as_colour(con):
    awards = queries.extract(con, "awards", Filters(as_of=ON))
    fig = charts.award_timeline(awards, ON, 6, "en")
    patterns = {tr.name: tr.marker.pattern.shape for tr in fig.data}
    assert len({patterns["Gold"], patterns["Silver"], patterns["Bronze"]}) == 3
    labels = queries.extract(con, "label_counts", Filters(as_of=ON))
    fig = charts.labels_by_area(labels, queries.opportunity_areas(con), "nb")
    present = [x for x in charts.LABEL_ORDER if x in set(labels["label"])]  # Gold at the bottom
    shown = [(t(f"label.{x}", "nb"), theme.LABEL_PATTERNS[x]) for x in present]
    assert [(tr.name, tr.marker.pattern.shape) for tr in fig.data] == shown
    assert fig.layout.barmode == "relative" and fig.layout.yaxis.dtick == 1


def test_timeline_spans_each_award_marks_the_date_and_shades_the_horizon(con):
    awards = queries.extract(con, "awards", Filters(as_of=ON))
    fig = charts.award_timeline(awards, ON, 12, "en")
    rect = next(s for s in fig.layout.shapes if s.type == "rect")
    line = next(s for s in fig.layout.shapes if s.type == "line")
    assert pd.Timestamp(line.x0) == pd.Timestamp(ON)
    assert pd.Timestamp(rect.x0) == pd.Timestamp(ON)
    assert pd.Timestamp(rect.x1) == pd.Timestamp(2023, 6, 30)
    clusters = set(fig.data[0].y) | {y for tr in fig.data for y in tr.y}
    assert clusters == set(awards["cluster"])
    drawn = set()  # each award a bar from its first day through its last
    for tr in fig.data:
        for cluster, days, cells in zip(tr.y, _bar_days(tr), tr.customdata, strict=True):
            assert cells[0] == tr.name and (pd.Timestamp(cells[1]), pd.Timestamp(cells[2])) == days
            drawn.add((cluster, tr.name, *days))
    assert drawn == {
        (a.cluster, t(f"label.{a.label}", "en"), a.awarded_on, a.valid_until)
        for a in awards.itertuples()
    }
    assert fig.layout.xaxis.type == "date" and fig.layout.barmode == "overlay"
    latest = awards.groupby("cluster")["valid_until"].max()  # the latest running on top
    top_down = list(fig.layout.yaxis.categoryarray)[::-1]
    assert [latest[c] for c in top_down] == sorted(latest, reverse=True)


def test_programme_counts_per_year_beside_the_published_totals(con):
    counts = queries.extract(con, "programme_by_year", Filters(as_of=ON))
    published = queries.extract(con, "programme_coverage", Filters(as_of=ON))
    fig = charts.programme_by_level(counts, published, "en")
    per_year: dict[int, int] = {}
    for trace in fig.data:
        if trace.type == "bar":
            for year, n in zip(trace.x, trace.y, strict=True):
                per_year[year] = per_year.get(year, 0) + n
    in_2016 = con.execute(
        "SELECT count(DISTINCT cluster_id) FROM programme_periods "
        "WHERE year(start_date) <= 2016 AND coalesce(year(end_date), 2100) >= 2016"
    ).fetchone()[0]
    assert per_year[2016] == in_2016
    assert max(per_year) == 2022  # nothing drawn past the as-of year
    diamonds = next(tr for tr in fig.data if tr.name == "Published total")
    # 36 on 20 Nov 2019 (stavangerregion.no), 39 on 1 Jan 2021 (trenytt.no)
    assert {(x, y) for x, y in zip(diamonds.x, diamonds.y, strict=True)} >= {(2019, 36), (2021, 39)}
    assert fig.layout.yaxis.title.text == "Clusters"
    # stacked bottom to top in the contract's order (Arena, Arena Pro, NCE, GCE, Mature)
    bars, present = fig.data[:-1], [level for level in LEVELS if level in set(counts["level"])]
    assert [(tr.name, tr.marker.color) for tr in bars] == [
        (t(f"level.{level}", "en"), theme.LEVEL_COLOURS[level]) for level in present
    ]
    for tr, level in zip(bars, present, strict=True):
        rows = counts[counts["level"] == level]
        assert (list(tr.x), list(tr.y)) == (rows["year"].tolist(), rows["clusters"].tolist())
        assert {name for (name,) in tr.customdata} == {tr.name}  # the level named on hover


def test_member_counts_carry_forward_and_say_their_year(con):
    members = queries.extract(con, "members", Filters(as_of=dt.date(2016, 6, 30)))
    fig = charts.members_by_cluster(members, queries.opportunity_areas(con), "en")
    bars = {
        cluster: (value, label)
        for trace in fig.data
        for cluster, value, label in zip(trace.y, trace.x, trace.text, strict=True)
    }
    # GCE Blue Maritime: 220 companies in 2014 (skipsrevyen.no), the latest count by mid-2016
    assert bars["GCE Blue Maritime Cluster"] == (220, "(2014)")


def test_programme_results_draw_only_the_years_the_record_gives(con):
    figures = queries.extract(con, "programme_figures", Filters(as_of=ON))
    fig = charts.programme_results(figures, ("excess_value_creation_pp",), "en")
    [trace] = fig.data
    # Innovasjon Norge's annual reports: +14.6 pp (2021), +15.8 pp (2022); no other year
    assert dict(zip(trace.x, trace.y, strict=True)) == {2021: 14.6, 2022: 15.8}
    assert fig.layout.yaxis.title.text == "Percentage points"


def test_peer_comparison_marks_the_cluster_and_the_peers_median(con):
    members = queries.extract(con, "members", Filters(as_of=ON))  # every level: the chart picks
    fig = charts.peer_comparison(members, "norwegian-offshore-wind", "en")
    own = next(tr for tr in fig.data if tr.name == "This cluster")
    assert list(own.y) == ["Norwegian Offshore Wind Cluster"] and list(own.x) == [340]
    # the other Arena Pro clusters with a count by then (data/results.csv): Ocean Hyway 20,
    # Cod Cluster 50, WoodWorks 50, Norwegian Energy Solutions 53, Solklyngen 60, ACT 83,
    # Nordic Edge 100, Tunnel Safety 109, Smart Care 142; NF&TA and Stiim have none
    assert fig.layout.shapes[0].x0 == 60
    assert fig.layout.title.text.endswith("the peers' median, 60)")


def test_coverage_heatmap_counts_published_estimate_unknown(con):
    coverage = queries.extract(con, "coverage", Filters(as_of=ON))
    fig = charts.coverage_heatmap(coverage, "en")
    [heat] = fig.data
    row = list(heat.y).index("Funding")
    column = list(heat.x).index(2019)
    # 36 clusters in the programme in 2019; seven had a published grant running (three GCEs,
    # four NCEs), its split by year estimated, so 29 are unknown
    assert heat.customdata[row][column] == "0 published, 7 estimate, 29 unknown"
    assert heat.z[row][column] == pytest.approx(100 * 7 / 36)
    assert "Level periods" not in list(heat.y)  # every cluster in the register has one


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


def test_timeline_draws_a_confirmation_through_the_gap_it_closes(con):
    awards = queries.extract(con, "awards", Filters(as_of=ON))
    confirmations = queries.extract(con, "confirmations", Filters(as_of=ON))
    fig = charts.award_timeline(awards, ON, 6, "en", confirmations)
    [line] = [tr for tr in fig.data if tr.legendgroup == "confirmed"]  # one legend entry
    points = list(zip(line.x, line.y, strict=True))
    lines = [points[i : i + 2] for i in range(0, len(points), 3)]  # each apart: None between
    assert {y for _, y in points[2::3]} <= {None} and len(lines) == len(confirmations)
    assert all(first[1] == last[1] for first, last in lines)
    ocean = next(days for days in lines if days[0][1] == "GCE Ocean Technology")
    # gceocean.no annual report 2020: Gold 'siden 2013'
    assert [str(x)[:10] for x, _ in ocean] == ["2013-08-14", "2020-12-31"]


def test_level_names_follow_the_reader_s_language(con):
    counts = queries.extract(con, "programme_by_year", Filters(as_of=ON))
    published = queries.extract(con, "programme_coverage", Filters(as_of=ON))
    names = {tr.name for tr in charts.programme_by_level(counts, published, "nb").data}
    assert "Moden klynge" in names and "Mature" not in names
    english = {tr.name for tr in charts.programme_by_level(counts, published, "en").data}
    assert "Mature cluster" in english
    funding = queries.extract(con, "funding", Filters(as_of=ON))
    bars = {tr.name for tr in charts.funding_by(funding, "level", "nb").data}
    assert "Mature" not in bars
    periods = queries.extract(con, "periods", Filters(as_of=ON), "oslo-cancer-cluster")
    fig = charts.level_history(periods, "nb")
    assert {y for tr in fig.data for y in tr.y} == {"NCE", "Moden klynge"}
    # each bar through its period's last day: NCE 22 Jun 2007 – 21 Jun 2017, Mature from
    # Monday 15 Nov 2021 (occinnovationpark.com), still on
    assert {tr.name: _bar_days(tr) for tr in fig.data} == {
        "NCE": [(pd.Timestamp(2007, 6, 22), pd.Timestamp(2017, 6, 21))],
        "Moden klynge": [(pd.Timestamp(2021, 11, 15), pd.Timestamp(dt.date.today()))],
    }
    assert [str(day)[:10] for day in fig.data[0].customdata[0][:2]] == ["2007-06-22", "2017-06-21"]
    top_down = [t(f"level.{level}", "nb") for level in LEVELS]
    assert list(fig.layout.yaxis.categoryarray)[::-1] == top_down


@pytest.mark.parametrize("cluster_id", ["gce-ocean-technology", "oslo-cancer-cluster"])
def test_level_history_draws_every_level_the_cluster_held_inside_its_axis(con, cluster_id):
    """The chart gives every level a slot (present or not, in the contract's order); plotly draws
    a bar only where its slot lies inside the axis range, so the range must span the slots of the
    levels held: NCE then GCE (GCE Ocean Technology), NCE then Mature (Oslo Cancer Cluster)."""
    periods = queries.extract(con, "periods", Filters(as_of=ON), cluster_id)
    fig = charts.level_history(periods, "en")
    slots = list(fig.layout.yaxis.categoryarray)
    low, high = fig.layout.yaxis.range or (-0.5, len(slots) - 0.5)
    held = {y for trace in fig.data for y in trace.y}
    assert len(held) == 2
    assert all(low < slots.index(level) < high for level in held)


def test_year_axes_show_whole_years_only_even_for_one_point():
    one = pd.DataFrame(
        {"indicator": ["members"], "year": [2023], "value": [93.0], "source_url": ["https://x.no"]}
    )
    axis = charts.member_history(one, "nb").layout.xaxis
    assert list(axis.tickvals) == [2023] and axis.tickformat == "d"
    # five year-slots with 2023 in the middle: not milliseconds around it, nor one bar-wide block
    assert list(axis.range) == [2020.5, 2025.5]


def test_one_opportunity_area_draws_a_bar_of_the_usual_width_with_zero_labels_shown(con):
    one_area = Filters(as_of=dt.date(2016, 6, 30), areas=("helse-og-velferd",))
    counts = queries.extract(con, "label_counts", one_area)
    fig = charts.labels_by_area(counts, queries.opportunity_areas(con), "en")
    assert list(fig.layout.xaxis.range) == [-2.5, 2.5]  # five slots, the one area in the middle
    heights = {tr.name: list(tr.y) for tr in fig.data if tr.x and tr.x[0] is not None}
    # Oslo Medtech's Gold and NSCC's Bronze were held on the date; no Silver: drawn as 0
    assert heights == {"Gold": [1], "Silver": [0], "Bronze": [1]}
    assert fig.layout.yaxis.range[1] > 1  # room above the highest bar


def test_areas_holding_no_label_are_on_the_axis_as_zero(con):
    counts = queries.extract(con, "label_counts", Filters(as_of=dt.date(2016, 6, 30)))
    fig = charts.labels_by_area(counts, queries.opportunity_areas(con), "nb")
    shown = {x for tr in fig.data for x in tr.x if x is not None}
    with (DATA / "clusters.csv").open(encoding="utf-8", newline="") as f:
        with_clusters = {row["area_id"] for row in csv.DictReader(f)}
    with (DATA / "opportunity_areas.csv").open(encoding="utf-8", newline="") as f:
        names = {row["area_id"]: row["name_nb"] for row in csv.DictReader(f)}
    assert shown == {names[a] for a in with_clusters}


def test_programme_results_year_axis_has_no_fractional_ticks(con):
    figures = queries.extract(con, "programme_figures", Filters(as_of=ON))
    axis = charts.programme_results(figures, ("excess_value_creation_pp",), "nb").layout.xaxis
    assert list(axis.tickvals) == [2021, 2022]  # the two years the record gives


def test_money_axes_in_whole_kroner_with_the_reader_s_separators(con):
    funding = queries.extract(con, "funding_summary", Filters(as_of=ON))
    nb = charts.funding_by(funding, "funder", "nb")
    en = charts.funding_by(funding, "funder", "en")
    assert nb.layout.yaxis.tickformat == ",.0f"  # 250 000 000, not 250M
    assert (nb.layout.separators, en.layout.separators) == (", ", ".,")
    assert nb.layout.yaxis.title.text == "Finansiering (kr)"


def test_date_axes_name_years_not_months():
    periods = pd.DataFrame(
        {
            "level": ["NCE"],
            "start_date": [dt.date(2018, 1, 1)],
            "end_date": [dt.date(2018, 12, 31)],
            "provenance": ["published"],
        }
    )
    fig = charts.level_history(periods, "nb")
    assert _bar_days(fig.data[0]) == [(pd.Timestamp(2018, 1, 1), pd.Timestamp(2018, 12, 31))]
    axis = fig.layout.xaxis
    assert axis.type == "date" and axis.tickformat == "%Y"  # no "Jan 2018" in the browser's words
    assert (axis.dtick, axis.tick0) == ("M12", "2000-01-01")  # one tick a year, no "2011 2011"


def _bar_days(trace) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """A timeline bar's first and last day: it starts at `base` and runs `x` milliseconds."""
    day = pd.Timedelta(days=1)
    return [
        (pd.Timestamp(b), pd.Timestamp(b) + pd.Timedelta(milliseconds=ms) - day)
        for b, ms in zip(trace.base, trace.x, strict=True)
    ]


def test_a_long_trace_reaches_the_browser_with_every_value_as_it_was():
    # 300 scored awards (a register a hundred times the shipped one has thousands): plotly gets
    # arrays, and the figure's JSON still carries each award's date, score, cluster and label
    days = pd.to_datetime([dt.date(2015, 1, 1) + dt.timedelta(days=i) for i in range(300)])
    awards = pd.DataFrame(
        {
            "awarded_on": days,
            "score_pct": [80.0 + i % 20 for i in range(300)],
            "cluster": [f"Cluster {i}" for i in range(300)],
            "label": ["Gold"] * 300,
        }
    )
    fig = charts.award_scores(awards, "en")
    [trace] = json.loads(pio.to_json(fig))["data"]
    scores = trace["y"]  # numbers go as binary: dtype and base64 bytes
    assert np.frombuffer(base64.b64decode(scores["bdata"]), scores["dtype"]).tolist() == [
        80.0 + i % 20 for i in range(300)
    ]
    assert trace["x"][:2] == ["2015-01-01T00:00:00", "2015-01-02T00:00:00"]
    assert trace["hovertext"][299] == "Cluster 299" and trace["name"] == "Gold"

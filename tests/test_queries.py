"""What the filters do to the extracts every page and download is built from."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import extracts, queries, summaries
from dashboard.filters import Filters

D = dt.date(2020, 6, 1)


def area_of(con) -> dict[str, str]:
    return dict(con.execute("SELECT cluster_id, area_id FROM clusters").fetchall())


def test_area_filter_leaves_only_that_areas_clusters(con):
    for name in ("clusters", "labels", "awards", "periods", "funding", "results"):
        frame = queries.extract(con, name, Filters(areas=("helse-og-velferd",), as_of=D))
        assert len(frame) > 0, name
        assert set(frame["area_id"]) == {"helse-og-velferd"}, name


def test_two_areas_are_a_union(con):
    one = queries.extract(con, "clusters", Filters(areas=("havrommet",), as_of=D))
    two = queries.extract(con, "clusters", Filters(areas=("havrommet", "ren-energi"), as_of=D))
    energy = queries.extract(con, "clusters", Filters(areas=("ren-energi",), as_of=D))
    assert len(two) == len(one) + len(energy)


def test_level_filter_uses_the_level_held_on_the_date(con):
    gces = queries.extract(con, "clusters", Filters(levels=("GCE",), as_of=dt.date(2016, 1, 1)))
    assert set(gces["cluster_id"]) == {"gce-blue-maritime", "gce-node", "gce-ocean-technology"}
    early = queries.extract(con, "clusters", Filters(levels=("GCE",), as_of=dt.date(2014, 6, 17)))
    assert early.empty  # the first GCEs were named on 18 Jun 2014


def test_region_filter(con):
    frame = queries.extract(con, "clusters", Filters(regions=("Agder",), as_of=D))
    assert set(frame["cluster_id"]) == {
        "gce-node",
        "eyde-klyngen",
        "arena-digin",
        "arena-usus",
        "arena-leisure-boat",
    }


def test_label_filter_on_the_date_including_none(con):
    gold = queries.extract(con, "labels", Filters(labels=("Gold",), as_of=D))
    assert len(gold) > 0 and set(gold["label"]) == {"Gold"}
    none = queries.extract(con, "labels", Filters(labels=("none",), as_of=D))
    assert none["label"].isna().all()
    everyone = queries.extract(con, "labels", Filters(as_of=D))
    silver_bronze = queries.extract(con, "labels", Filters(labels=("Silver", "Bronze"), as_of=D))
    assert len(gold) + len(none) + len(silver_bronze) == len(everyone)


def test_as_of_date_changes_label_statuses(con):
    def state(on: dt.date) -> str:
        frame = queries.extract(con, "labels", Filters(as_of=on))
        return frame.set_index("cluster_id").loc["gce-ocean-technology", "status"]

    assert state(dt.date(2012, 1, 1)) == "none"
    assert state(dt.date(2014, 1, 1)) == "active"
    # the 2013 Gold's rule expiry (31 Dec 2014) is within 180 days, but a published statement
    # says the Gold was held without a break from 2013: no expiry alert
    assert state(dt.date(2014, 10, 1)) == "active"
    assert state(dt.date(2023, 6, 30)) == "expiring"  # Dec 2021 Gold, 'another two years'
    assert state(dt.date(2024, 1, 1)) == "expired"


def test_funding_and_results_stop_at_the_as_of_year(con):
    funding = queries.extract(con, "funding", Filters(as_of=dt.date(2015, 3, 1)))
    assert funding["year"].max() == 2015
    results = queries.extract(con, "results", Filters(as_of=dt.date(2015, 3, 1)))
    assert results["year"].max() <= 2015


def test_funding_extract_sums_to_the_store(con):
    frame = queries.extract(con, "funding", Filters(as_of=dt.date(2026, 12, 31)))
    total = con.execute("SELECT sum(amount_nok) FROM funding WHERE year <= 2026").fetchone()[0]
    assert frame["amount_nok"].sum() == total


def test_funding_rows_carry_the_level_of_their_year(con):
    node = queries.extract(con, "funding", Filters(as_of=dt.date(2026, 1, 1)), "gce-node")
    assert set(node["level"]) == {"GCE"}  # GCE from 18 Jun 2014: the year's latest level
    cleantech = queries.extract(
        con, "funding", Filters(as_of=dt.date(2026, 1, 1)), "nce-maritime-cleantech"
    )
    assert dict(zip(cleantech["year"], cleantech["level"], strict=True)) == {
        2011: "Arena",
        2012: "Arena",
        2013: "Arena",
    }


def test_one_cluster_extract(con):
    awards = queries.extract(con, "awards", Filters(as_of=dt.date(2026, 1, 1)), "gce-node")
    assert list(awards["awarded_on"].astype(str)) == [
        "2012-04-18",
        "2015-01-01",
        "2018-01-01",
        "2021-01-01",
        "2024-01-01",
    ]
    assert list(awards["score_pct"].fillna(0)) == [0, 0, 0, 94, 95]


def test_renewals_within_the_horizon(con):
    on = dt.date(2023, 6, 30)
    six = queries.extract(con, "renewals", Filters(as_of=on), months=6)
    # NSCC's first Gold (6 Nov 2021, 'valid for two years'); GCE Ocean Technology's Dec 2021
    # Gold ('another two years'). GCE NODE's runs to 31 Dec 2023, one day past six months.
    assert set(six["cluster_id"]) == {"norwegian-smart-care-cluster", "gce-ocean-technology"}
    # rules.csv, label_renewal_grace: renewable up to a year after expiry (5 Nov 2023, 30 Nov 2023)
    renew_by = dict(zip(six["cluster_id"], six["renew_by"].dt.date, strict=True))
    assert renew_by == {
        "norwegian-smart-care-cluster": dt.date(2024, 11, 5),
        "gce-ocean-technology": dt.date(2024, 11, 30),
    }
    one = queries.extract(con, "renewals", Filters(as_of=on), months=1)
    assert one.empty
    # a cluster that has left the programme is due no renewal: NSCC merged on 1 Jan 2025
    late = queries.extract(con, "renewals", Filters(as_of=dt.date(2026, 11, 24)), months=6)
    assert "norwegian-smart-care-cluster" not in set(late["cluster_id"])


def test_attention_lists_gces_without_gold_and_expiring_labels(con):
    todo = queries.extract(con, "attention", Filters(as_of=dt.date(2018, 6, 30)))
    gce = todo[todo["kind"] == "required_label"]
    assert list(gce["cluster_id"]) == ["gce-blue-maritime"]  # its 2016 Gold ran out by the rule
    assert set(todo[todo["kind"] == "expired"]["cluster_id"]) >= {"gce-blue-maritime"}
    later = queries.extract(con, "attention", Filters(as_of=dt.date(2023, 6, 30)))
    assert set(later[later["kind"] == "expiring"]["cluster_id"]) == {
        "norwegian-smart-care-cluster",
        "gce-ocean-technology",
    }


def test_kpis_match_the_store(con):
    on = dt.date(2019, 6, 30)
    counts = queries.extract(con, "level_label_counts", Filters(as_of=on))
    in_programme = con.execute(
        "SELECT count(DISTINCT cluster_id) FROM programme_periods WHERE start_date <= ? "
        "AND (end_date IS NULL OR end_date >= ?)",
        [on, on],
    ).fetchone()[0]
    assert sum(summaries.programme_counts(counts).values()) == in_programme
    gold = con.execute(
        "SELECT count(DISTINCT cluster_id) FROM ("
        " SELECT cluster_id FROM certifications WHERE label = 'Gold'"
        "  AND awarded_on <= ? AND valid_until >= ?"
        " UNION SELECT cluster_id FROM label_confirmations WHERE label = 'Gold'"
        "  AND coalesce(held_from, held_on) <= ? AND held_on >= ?)",
        [on, on, on, on],
    ).fetchone()[0]
    # GCE NODE, GCE Blue Maritime, GCE Ocean Technology, Eyde, Smart Energy Markets, Energy
    # Valley, Norway Health Tech
    assert summaries.label_counts(counts)["Gold"] == gold == 7


INJECTIONS = ["'; DROP TABLE clusters; --", "havrommet' OR '1'='1", 'x") OR 1=1 --', "%", "*"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_filter_values_are_data_not_sql(con, value):
    for field in ("areas", "levels", "regions", "labels"):
        frame = queries.extract(con, "clusters", Filters(**{field: (value,)}, as_of=D))
        assert frame.empty, field
    assert queries.extract(con, "clusters", Filters(as_of=D), cluster_id=value).empty
    assert con.execute("SELECT count(*) FROM clusters").fetchone()[0] > 0


def test_file_name_states_view_filters_and_date():
    filters = Filters(
        areas=("helse-og-velferd",), levels=("Arena Pro",), as_of=dt.date(2024, 1, 31)
    )
    assert extracts.file_name("labels", filters) == (
        "klyngemonitor_labels_2024-01-31_area-helse-og-velferd_level-Arena-Pro.csv"
    )
    assert extracts.file_name("renewals", Filters(as_of=dt.date(2024, 1, 31)), months=12) == (
        "klyngemonitor_renewals_2024-01-31_12-months.csv"
    )
    # every format of one download has the same stem
    assert extracts.file_name("labels", filters, suffix="xlsx") == (
        "klyngemonitor_labels_2024-01-31_area-helse-og-velferd_level-Arena-Pro.xlsx"
    )
    with pytest.raises(ValueError):
        extracts.file_name("labels", filters, suffix="pdf")


def test_unknown_extract_is_refused(con):
    with pytest.raises(KeyError):
        extracts.extract_frame(con, "secrets", Filters())


def test_the_picker_adds_former_names_the_name_does_not_already_say(con):
    names = queries.cluster_names(con)
    # data/clusters.csv: Eyde's former names are "Arena Eyde | Eyde-nettverket | NCE Eyde"
    assert names["eyde-klyngen"] == "Eyde-klyngen (NCE Eyde) (Arena Eyde, Eyde-nettverket)"
    assert names["norway-health-tech"] == "Norway Health Tech (Oslo Medtech, NCE Health Technology)"
    assert names["gce-node"] == "GCE NODE (NCE NODE, Arena NODE)"

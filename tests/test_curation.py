"""Named facts from each period of the programme, as the public record states them (the source
is cited beside each assertion), and the register's size."""

from __future__ import annotations

import datetime as dt

D = dt.date.fromisoformat


def started(con, level: str, first: str, last: str) -> set[str]:
    return {
        r[0]
        for r in con.execute(
            "SELECT cluster_id FROM programme_periods WHERE level = ? AND start_date BETWEEN ? AND ?",
            [level, D(first), D(last)],
        ).fetchall()
    }


def test_the_register_holds_at_least_90_clusters(con):
    assert con.execute("SELECT count(*) FROM clusters").fetchone()[0] >= 90


def test_the_first_six_nces_of_2006(con):
    # tu.no 27 Apr 2006 'Ingen ekspertise i nord': NCE Maritime, Microsystems, Systems
    # Engineering, Undervannsteknologi (Subsea), Raufoss, Instrumenteringsklyngen
    assert started(con, "NCE", "2006-01-01", "2006-12-31") == {
        "gce-blue-maritime",
        "nce-micro-nano",
        "nce-systems-engineering",
        "gce-ocean-technology",
        "nce-raufoss",
        "nce-instrumentation",
    }


def test_the_three_nces_of_june_2007(con):
    # gcesubsea.no 22 Jun 2007 'Tre nye ekspertsentre'
    assert started(con, "NCE", "2007-06-22", "2007-06-22") == {
        "oslo-cancer-cluster",
        "nce-aquaculture",
        "nce-culinology",
    }


def test_the_seven_arena_projects_of_june_2012(con):
    # regjeringen.no 2012 'Næringsklynger gjør susen': 'Sju nye næringsklynger får status som
    # Arenaprosjekt i dag'
    assert started(con, "Arena", "2012-06-01", "2012-06-30") == {
        "biotech-north",
        "mineralklynge-nord",
        "next-media",
        "nce-ikuben",
        "arena-digin",
        "electric-mobility-norway",
        "nce-heidner",
    }


def test_the_six_arena_projects_of_14_june_2011(con):
    # fisk.no: 'gav tysdag 14. juni seks lovande regionale næringsklyngjer status'
    assert len(started(con, "Arena", "2011-06-14", "2011-06-14")) == 6


def test_the_arena_round_of_7_june_2013(con):
    # nyteknikk.no 13.09.2013: 'kunngjorde fredag 7. juni at AMK får ARENA-status'; moreforsk.no:
    # Ocean Ingredients Cluster 'en av fem søknader' on 'fredag 7. juni'; Norwegian Clusters 2014:
    # five new Arena projects in 2013, among them Legasea and Norwegian Rooms (to the year)
    assert started(con, "Arena", "2013-06-07", "2013-06-07") == {
        "arctic-maritime-cluster",
        "ocean-ingredients-cluster",
    }
    assert {"nce-blue-legasea", "norwegian-rooms"} <= started(
        con, "Arena", "2013-01-01", "2013-12-31"
    )
    (name,) = con.execute(
        "SELECT name FROM clusters WHERE cluster_id = 'arctic-maritime-cluster'"
    ).fetchone()
    assert name == "Arctic Maritime Cluster"  # ESCA's list misspells it 'Artic'


def test_the_arena_round_of_8_november_2018_admits_the_concrete_cluster(con):
    # norut.no 8 Nov 2018: 'Ti nye næringsklynger ... Betongklyngen N3C'
    assert "betong-arktisk-klima" in started(con, "Arena", "2018-11-08", "2018-11-08")


def test_nce_media_was_funded_for_six_years_from_june_2014(con):
    # mediacitybergen.no 11.11.2015: 'i juni oppgradert til et Norwegian Centre of Expertise (NCE),
    # med finansiering i seks år'
    start, end = con.execute(
        "SELECT start_date, end_date FROM programme_periods "
        "WHERE cluster_id = 'nce-media' AND level = 'NCE'"
    ).fetchone()
    assert (start, end) == (D("2014-06-18"), D("2020-06-30"))


def test_the_mature_clusters_of_15_november_2021(con):
    # occinnovationpark.com: 'an event hosted by Innovation Norway on Monday 15 November 2021 ...
    # the clusters entering this arrangement today are Eyde Cluster in Agder, NCE Media in Bergen,
    # and Norway Health Tech in Oslo' (and Oslo Cancer Cluster)
    assert started(con, "Mature", "2021-11-15", "2021-11-15") == {
        "oslo-cancer-cluster",
        "eyde-klyngen",
        "norway-health-tech",
    }
    # mediacitybergen.no: 'NCE Media is one of only five ... The new program will commence in
    # 2021' (the row follows the cluster's own start year; the note keeps 15 Nov 2021)
    assert started(con, "Mature", "2021-01-01", "2021-01-01") == {"nce-media"}
    # occinnovationpark.com: 'The new mature clusters are already part of the programme', so
    # the NCE periods of 2015 last until the mature periods begin
    assert period_end(con, "eyde-klyngen", "NCE") == D("2021-11-14")
    assert period_end(con, "norway-health-tech", "NCE") == D("2021-11-14")


def period_end(con, cluster_id: str, level: str) -> dt.date:
    (end,) = con.execute(
        "SELECT max(end_date) FROM programme_periods WHERE cluster_id = ? AND level = ?",
        [cluster_id, level],
    ).fetchone()
    return end


def test_stated_extensions_and_ends_replace_the_term_rule(con):
    # fi-nor.no 19 Jun 2014: Smart Water Cluster 'finansiering fra Arenaprogrammet ut 2016'
    assert period_end(con, "smart-water-communities", "Arena") == D("2016-12-31")
    # mineralklyngenorge.no: 'støtte som Arena-prosjekt til september 2017'
    assert period_end(con, "mineralklynge-nord", "Arena") == D("2017-09-30")
    # kunnskapshavna.no: 'Digins Arena-periode løper ut i desember 2015'
    assert period_end(con, "arena-digin", "Arena") == D("2015-12-31")
    # maritimecleantech.no 15 Dec 2021: 'Frå 1.1.2022 fell basisfinansieringa vår vekk'
    assert period_end(con, "nce-maritime-cleantech", "NCE") == D("2021-12-31")
    # codcluster.no 8 Nov 2018: Arena Torsk supported 'i to nye år'
    assert "arena-innovasjon-torskefisk" in started(con, "Arena", "2018-11-08", "2018-11-08")


def test_the_three_gces(con):
    # siva.no 2014: Blue Maritime and NODE GCE on 18 Jun 2014; uib.no: GCE Subsea 12 Jun 2015;
    # GCE status is a ten-year period (kystens.no), NODE's 'final stage' 2020-2024 (gcenode.no)
    rows = con.execute(
        "SELECT cluster_id, start_date, end_date FROM programme_periods WHERE level = 'GCE' "
        "ORDER BY start_date, cluster_id"
    ).fetchall()
    assert rows == [
        ("gce-blue-maritime", D("2014-06-18"), D("2024-06-17")),
        ("gce-node", D("2014-06-18"), D("2024-06-17")),
        ("gce-ocean-technology", D("2015-06-12"), D("2025-06-11")),
    ]


def test_the_arena_pro_intakes_of_2019_and_2020(con):
    # stavangerregion.no 8 Nov 2019 (NSCC, Tunnel Safety), namdalsavisa.no (WoodWorks!),
    # viacluster.no (Solklyngen, the fourth)
    assert started(con, "Arena Pro", "2019-11-01", "2019-11-30") == {
        "norwegian-smart-care-cluster",
        "norwegian-tunnel-safety",
        "woodworks-cluster",
        "arena-solenergi",
    }
    # nordicedge.org 19 Nov 2020; mip.no 'ARENA Pro klynge fra 2021'; codcluster.no to end 2025
    assert started(con, "Arena Pro", "2020-11-19", "2021-01-01") == {
        "arena-smart-city-stavanger",
        "arctic-cluster-team",
        "cod-cluster",
        # tekstilforum.no: 'NF&TA er blant de fire næringsmiljøene ... Arena Pro status'
        "norwegian-fashion-textile-agenda",
    }


def test_the_arena_pro_intake_of_2021_follows_an_arena_period(con):
    # stiimaquacluster.no 15 Nov 2021: 'Frem til nå har Stiim vært en Arena-klynge'; 'Kun 4 av
    # 14' became Arena Pro, Norwegian Energy Solutions among the four
    assert {"stiim-aqua-cluster", "norwegian-energy-solutions"} <= started(
        con, "Arena Pro", "2022-01-01", "2022-01-01"
    )
    assert period_end(con, "stiim-aqua-cluster", "Arena") == D("2021-12-31")
    assert period_end(con, "norwegian-energy-solutions", "Arena") == D("2021-12-31")


def test_the_two_pilot_hub_nodes_of_the_2021_round(con):
    # NTB (Innovasjon Norge): 'Havbruksnettverk Helgeland i Sandnessjøen blir en av landets to
    # første Hub-noder'; osloregionen.no: 'HelseINN fra Innlandet er tatt opp med prosjektet NH2
    # Helse'; occinnovationpark.com: the round's event on 'Monday 15 November 2021';
    # nic.innovasjonnorge.no: a node is funded 'i inntil tre år'
    assert started(con, "Hub-node", "2021-01-01", "2021-12-31") == {
        "havbruksnettverk-helgeland",
        "helseinn",
    }
    assert period_end(con, "helseinn", "Hub-node") == D("2024-11-14")
    in_2023 = con.execute(
        "SELECT count(*) FROM level_on(DATE '2023-06-30') WHERE level = 'Hub-node'"
    ).fetchone()[0]
    assert in_2023 == 2


def test_mergers_end_a_cluster_and_name_its_successor(con):
    # norwayhealthtech.com: NSCC and Norway Health Tech merge, 'formally take effect on
    # 1 January 2025'; siva.no 20 Jun 2016: akvARENA and Smart Water became NCE Aquatech
    successors = dict(
        con.execute(
            "SELECT cluster_id, successor_id FROM clusters WHERE successor_id IS NOT NULL"
        ).fetchall()
    )
    assert successors == {
        "norwegian-smart-care-cluster": "norway-health-tech",
        "akvarena": "nce-aquatech",
        "smart-water-communities": "nce-aquatech",
    }
    last = con.execute(
        "SELECT max(end_date) FROM programme_periods "
        "WHERE cluster_id = 'norwegian-smart-care-cluster'"
    ).fetchone()[0]
    assert last == D("2024-12-31")


def test_the_new_programme_of_2026(con):
    # nordicedge.org: the smart-city cluster 'elevated to the top NIC Impact level', the
    # Agritech cluster 'admitted to the NIC Connect level'
    levels = dict(
        con.execute(
            "SELECT cluster_id, level FROM level_on(DATE '2026-06-30') "
            "WHERE level IN ('NIC Connect', 'NIC Impact')"
        ).fetchall()
    )
    assert levels == {
        "arena-smart-city-stavanger": "NIC Impact",
        "nordic-edge-agritech": "NIC Connect",
    }

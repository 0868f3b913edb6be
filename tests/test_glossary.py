"""The glossary: every term in both languages with its rule and sources, and the pages' terms
linking to their entries in the reader's language and filters."""

from __future__ import annotations

import csv

from .conftest import DATA
from .test_app import open_page, serve_the_test_store  # noqa: F401 - fixture


def read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_glossary_states_a_labels_validity_with_the_rule_and_its_source():
    first_award = next(r for r in read("rules.csv") if r["rule_id"] == "label_first_award")
    at = open_page("glossary", {"lang": "en"})
    assert "Validity" in [s.value for s in at.main.subheader]
    lines = [m.value for m in at.markdown]
    rule = next(c for c in lines if c.startswith("Rule in the dashboard: First label"))
    assert f"{first_award['value']} months" in rule
    assert "[cluster-analysis.org](https://www.cluster-analysis.org/benchmarked-clusters)" in rule


def test_every_term_is_on_the_page_in_the_readers_language():
    terms = read("glossary.csv")
    for lang in ("nb", "en"):
        at = open_page("glossary", {"lang": lang})
        shown = [s.value for s in at.main.subheader]
        assert shown == [row[f"term_{lang}"] for row in terms]
        text = "\n".join(m.value for m in at.markdown)
        for row in terms:
            assert row[f"definition_{lang}"] in text


def test_the_six_opportunity_areas_are_listed_by_their_names():
    areas = [r for r in read("opportunity_areas.csv") if r["area_id"] != "other"]
    at = open_page("glossary", {"lang": "nb"})
    listing = next(m.value for m in at.markdown if m.value.startswith("- "))
    assert listing.splitlines() == [f"- {a['name_nb']}" for a in areas]  # in the data's order
    assert len(areas) == 6


def test_a_filter_defines_its_terms_and_links_to_the_glossary_keeping_language_and_filters():
    at = open_page("labels", {"lang": "en", "area": "helse-og-velferd", "as_of": "2016-06-30"})
    level_help = at.multiselect(key="w_level").help
    gce = next(r for r in read("glossary.csv") if r["term_id"] == "gce")
    assert f"**GCE**: {gce['definition_en']}" in level_help
    link = level_help.rsplit("](", 1)[1].rstrip(")")
    assert link.startswith("glossary?") and link.endswith("#arena")
    assert "lang=en" in link and "area=helse-og-velferd" in link and "as_of=2016-06-30" in link


def test_a_norwegian_page_explains_label_status_in_norwegian():
    at = open_page("labels", {"lang": "nb"})
    status = next(s for s in at.subheader if s.value == "Merkestatus for alle klynger")
    assert "**Utløper snart**: Merket er gyldig, men utløper innen varslingshorisonten." in (
        status.help
    )


def test_a_profile_links_out_where_the_record_gives_it_and_names_what_it_does_not():
    with (DATA / "clusters.csv").open(encoding="utf-8", newline="") as f:
        nht = next(r for r in csv.DictReader(f) if r["cluster_id"] == "norway-health-tech")
    at = open_page("cluster", {"lang": "en", "cluster": "norway-health-tech"})
    buttons = {b.proto.label: b.proto.url for b in at.get("link_button")}
    assert buttons["ECCP profile"] == nht["eccp_url"] != ""
    assert buttons["Website"] == nht["website"]
    assert not nht["org_number"]  # the record gives none: the page says so
    assert "The sources at hand do not give the cluster's organisation number." in [
        c.value for c in at.caption
    ]

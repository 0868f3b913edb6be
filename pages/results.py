"""Results: published member counts per cluster and opportunity area as of the date (the latest
count carried forward, and shown as such), the programme's own published results per year, and
a cluster against its level's peers where enough peers have a figure."""

import streamlit as st

from dashboard import charts, summaries
from dashboard.i18n import number, t
from dashboard.web import cache, frame, widgets

MIN_PEERS = 5

filters, lang = frame.context()
frame.page_header("page.results", filters, lang, "members", "excess_value_creation")

# every cluster's latest count, whatever the filters: a cluster's peers are all at its level
everyone = cache.Ref("members", filters.programme_wide)
members, counts, latest, _ = cache.extracts_of(
    cache.Ref("members", filters),
    cache.Ref("level_label_counts", filters),  # the clusters in the programme, counted
    everyone,
    cache.Ref("programme_figures", filters.programme_wide),  # drawn below
)
in_programme = int(counts["clusters"].sum())
covered = len(members)
st.markdown(
    t(
        "results.coverage",
        lang,
        covered=number(covered, lang),
        total=number(in_programme, lang),
    )
)
widgets.chart(
    charts.members_by_cluster,
    cache.Ref("members", filters),
    cache.Lookup("opportunity_areas"),
    lang,
)
st.caption(t("results.members_note", lang))
widgets.download("members", filters, lang)

st.subheader(t("results.programme", lang))
st.caption(t("results.programme_note", lang))
left, right = st.columns(2)
figures = cache.Ref("programme_figures", filters.programme_wide)
widgets.chart(
    charts.programme_results,
    figures,
    ("participating_companies", "member_companies"),
    lang,
    where=left,
)
widgets.chart(
    charts.programme_results,
    figures,
    ("excess_value_creation_pp", "excess_sales_pp", "excess_employment_pp"),
    lang,
    where=right,
)
widgets.download("programme_figures", filters.programme_wide, lang)

st.subheader(t("results.peers_title", lang))
counted = members
if counted.empty:
    st.info(t("results.no_members", lang))
else:
    names = dict(zip(counted["cluster_id"], counted["cluster"], strict=True))
    peer = st.selectbox(
        t("results.peer_cluster", lang), list(names), format_func=names.get, key="w_peer"
    )
    peers = summaries.peers_of(latest, peer)  # the picked cluster has a count: it is among them
    level = peers["level"].iloc[0]
    if len(peers) - 1 < MIN_PEERS:
        st.info(
            t(
                "results.too_few_peers",
                lang,
                peers=number(len(peers) - 1, lang),
                level=t(f"level.{level}", lang),
                needed=MIN_PEERS,
            )
        )
    else:
        widgets.chart(charts.peer_comparison, everyone, peer, lang)
widgets.download("results", filters, lang)

"""Results: published member counts per cluster and opportunity area as of the date (the latest
count carried forward, and shown as such), the programme's own published results per year, and
a cluster against its level's peers where enough peers have a figure."""

import streamlit as st

from dashboard import charts, ui
from dashboard.filters import Filters
from dashboard.i18n import number, t

MIN_PEERS = 5

filters, lang = ui.context()
ui.page_header("page.results", filters, lang)

members = ui.extract("members", filters)
clusters = ui.extract("clusters", filters)
in_programme = clusters["level"].notna().sum()
covered = len(members)
st.markdown(
    t(
        "results.coverage",
        lang,
        covered=number(covered, lang),
        total=number(in_programme, lang),
    )
)
areas = ui.lookup("opportunity_areas")
ui.chart(charts.members_by_cluster, ui.Ref("members", filters), areas, lang)
st.caption(t("results.members_note", lang))
ui.download("members", filters, lang)

st.subheader(t("results.programme", lang))
st.caption(t("results.programme_note", lang))
left, right = st.columns(2)
figures = ui.Ref("programme_figures", filters.programme_wide)
ui.chart(
    charts.programme_results,
    figures,
    ("participating_companies", "member_companies"),
    lang,
    where=left,
)
ui.chart(
    charts.programme_results,
    figures,
    ("excess_value_creation_pp", "excess_sales_pp", "excess_employment_pp"),
    lang,
    where=right,
)
ui.download("programme_figures", filters.programme_wide, lang)

st.subheader(t("results.peers_title", lang))
counted = members
if counted.empty:
    st.info(t("results.no_members", lang))
else:
    names = dict(zip(counted["cluster_id"], counted["cluster"], strict=True))
    peer = st.selectbox(
        t("results.peer_cluster", lang), list(names), format_func=names.get, key="w_peer"
    )
    level = counted.set_index("cluster_id").loc[peer, "level"]
    peer_filters = Filters(levels=(level,), as_of=filters.as_of)
    peers = ui.extract("members", peer_filters)
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
        ui.chart(charts.peer_comparison, ui.Ref("members", peer_filters), peer, lang)
ui.download("results", filters, lang, label="common.download_rows")

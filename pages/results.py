"""Results by opportunity area: each indicator over time per area and per level, and a cluster
against the peers of its level."""

import streamlit as st

from dashboard import charts, ui
from dashboard.i18n import t

filters, lang = ui.context()
ui.page_header("page.results", filters, lang)

indicators = ui.lookup("indicators")
names = dict(zip(indicators["indicator_id"], indicators[f"name_{lang}"], strict=True))
units = dict(zip(indicators["indicator_id"], indicators["unit"], strict=True))
indicator = ui.page_choice(
    "indicator",
    list(names),
    default="members",
    label=t("results.indicator", lang),
    lang=lang,
    format_func=names.get,
)

summary = ui.extract("results_summary", filters)
chosen = summary[summary["indicator"] == indicator]
st.caption(t("results.provenance_note", lang))
areas = ui.lookup("opportunity_areas")
left, right = st.columns(2)
ui.chart(
    charts.results_over_time,
    chosen,
    "area_id",
    names[indicator],
    units[indicator],
    areas,
    lang,
    where=left,
)
ui.chart(
    charts.results_over_time,
    chosen,
    "level",
    names[indicator],
    units[indicator],
    areas,
    lang,
    where=right,
)

ui.download("results_summary", filters, lang, label="common.download_summary")

clusters = ui.query("result_clusters", indicator, filters)
if not clusters.empty:
    cluster_names = dict(zip(clusters["cluster_id"], clusters["cluster"], strict=True))
    peer = st.selectbox(
        t("results.peer_cluster", lang),
        list(cluster_names),
        format_func=cluster_names.get,
        key="w_peer",
    )
    stats = ui.query("peer_stats", peer, indicator, filters)
    ui.chart(
        charts.peer_comparison, stats, cluster_names[peer], names[indicator], units[indicator], lang
    )
ui.download("results", filters, lang, label="common.download_rows")

"""Cluster profile: one cluster's levels, labels, funding, results and sources."""

import streamlit as st

from dashboard import charts, ui
from dashboard.filters import Filters
from dashboard.i18n import date, t

filters, lang = ui.context()
ui.page_header("page.cluster", filters, lang)

names = ui.lookup("cluster_names")
labels_of = dict(zip(names["cluster_id"], names["name"], strict=True))
cluster_id = ui.page_choice(
    "cluster",
    list(names["cluster_id"]),
    default=names["cluster_id"][0],
    label=t("cluster.pick", lang),
    lang=lang,
    format_func=labels_of.get,
    widget_kind=st.selectbox,
)
# A profile shows the whole cluster as of the date, whatever the sidebar's other filters say.
scope = Filters(as_of=filters.as_of)
facts = ui.extract("clusters", scope, cluster_id).iloc[0]
status = ui.extract("labels", scope, cluster_id).iloc[0]
info = ui.lookup("cluster_facts").set_index("cluster_id").loc[cluster_id]

st.header(facts["cluster"])
if isinstance(info["focus"], str):
    st.markdown(info["focus"])
area_name = (
    ui.lookup("opportunity_areas").set_index("area_id").loc[facts["area_id"], f"name_{lang}"]
)
place = ", ".join(x for x in (facts["city"], facts["region"]) if isinstance(x, str))
st.caption(
    " · ".join(
        x
        for x in (place, t("cluster.area_basis", lang, basis=f"{area_name} ({info['area_basis']})"))
        if x
    )
)

kpis = st.columns(3)
level = facts["level"] if isinstance(facts["level"], str) else t("level.none", lang)
with kpis[0]:
    ui.fact(t("cluster.level_now", lang), level)
label_text = t(f"status.{status['status']}", lang)
if isinstance(status["last_label"], str):
    label_text = t("label." + status["last_label"], lang) + " · " + label_text
if isinstance(status["label"], str) or status["status"] == "expired":
    label_text += f" ({t('col.valid_until', lang).lower()} {date(status['valid_until'], lang)})"
with kpis[1]:
    ui.fact(t("cluster.label_now", lang), label_text)
with kpis[2]:
    ui.fact(t("cluster.members", lang), info["members_published"] or "–")
if isinstance(info["website"], str):
    st.link_button(t("cluster.website", lang), info["website"], icon=":material/open_in_new:")

periods = ui.extract("periods", scope, cluster_id)
st.subheader(t("cluster.levels", lang))
if periods.empty:
    st.info(t("cluster.no_periods", lang))
else:
    ui.chart(charts.level_history, periods, lang, title="")
    ui.table(
        periods,
        ["level", "start_date", "end_date", "provenance", "note", "source_url"],
        lang,
        profile_link=False,
    )
ui.download("periods", scope, lang, cluster_id=cluster_id)

awards = ui.extract("awards", scope, cluster_id)
st.subheader(t("cluster.labels", lang))
if awards.empty:
    st.info(t("cluster.no_awards", lang))
else:
    ui.chart(charts.award_timeline, awards, scope.date, 6, lang, title="")
    ui.table(
        awards,
        [
            "label",
            "awarded_on",
            "valid_until",
            "score_pct",
            "state",
            "provenance",
            "note",
            "source_url",
        ],
        lang,
        profile_link=False,
    )
ui.download("awards", scope, lang, cluster_id=cluster_id)

st.subheader(t("cluster.funding", lang))
funding = ui.extract("funding", scope, cluster_id)
ui.chart(charts.funding_by, funding, "funder", lang, title="")
ui.download("funding", scope, lang, cluster_id=cluster_id)

st.subheader(t("cluster.results", lang))
indicators = ui.lookup("indicators")
columns = st.columns(2)
for i, row in enumerate(indicators.itertuples()):
    name = getattr(row, f"name_{lang}")
    stats = ui.query("peer_stats", cluster_id, row.indicator_id, scope)
    ui.chart(
        charts.peer_comparison,
        stats,
        facts["cluster"],
        name,
        row.unit,
        lang,
        title=name,
        where=columns[i % 2],
    )
ui.download("results", scope, lang, cluster_id=cluster_id)

st.subheader(t("cluster.sources", lang))
urls = [u for u in str(info["all_sources"] or "").split(" | ") if u]
for frame in (periods, awards):
    urls += [u for u in frame.get("source_url", []) if isinstance(u, str)]
st.markdown("\n".join(f"- <{url}>" for url in dict.fromkeys(urls)))

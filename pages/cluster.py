"""Cluster profile: one cluster's levels, labels, funding, results and sources."""

import streamlit as st

from dashboard import charts, summaries
from dashboard.filters import Filters
from dashboard.i18n import number, t
from dashboard.web import cache, frame, profile, state, terms, widgets

filters, lang = frame.context()
frame.page_header("page.cluster", filters, lang)

labels_of = cache.cluster_names()
# The picker offers the clusters the sidebar's filters select; a linked or chosen cluster outside
# them stays shown, and the page says it lies outside the filters.
# Without a choice it opens on the first of them in the programme on the date.
selected = cache.extract("clusters", filters)
inside = selected["cluster_id"].tolist()  # at once: a list() of Arrow strings goes one by one
running = selected.loc[selected["level"].notna(), "cluster_id"].tolist()
wanted = st.session_state.get("w_cluster", st.query_params.get("cluster"))
options = inside or list(labels_of)
if wanted in labels_of and wanted not in options:
    options = [wanted, *options]
cluster_id = state.page_choice(
    "cluster",
    options,
    default=(running or options)[0],
    label=t("cluster.pick", lang),
    lang=lang,
    format_func=labels_of.get,
    widget_kind=st.selectbox,
)
if cluster_id not in inside:
    st.info(t("cluster.outside_filters", lang), icon=":material/filter_alt_off:")
# A profile shows the whole cluster as of the date, whatever the sidebar's other filters say.
scope = Filters(as_of=filters.as_of)
PARTS = ("clusters", "labels", "results", "periods", "awards", "confirmations", "funding")
facts, status, results, periods, awards, _, funding = cache.extracts_of(
    *(cache.Ref(part, scope, cluster_id) for part in PARTS)
)
facts, status = facts.iloc[0], status.iloc[0]
info = cache.cluster_facts().set_index("cluster_id").loc[cluster_id]

st.header(facts["cluster"])
focus = info[f"focus_{lang}"]
if isinstance(focus, str) and focus:
    st.markdown(focus)
if isinstance(info["former_names"], str) and info["former_names"]:
    st.caption(t("cluster.former_names", lang, names=info["former_names"].replace(" | ", ", ")))
if isinstance(info["successor_id"], str) and info["successor_id"]:
    st.info(
        t(
            "cluster.successor",
            lang,
            name=info["successor"],
            link=f"cluster?cluster={info['successor_id']}",
        ),
        icon=":material/merge:",
    )
area_name = cache.opportunity_areas().set_index("area_id").loc[facts["area_id"], f"name_{lang}"]
place = summaries.place(facts, lang)
st.caption(" · ".join(x for x in (place, t("cluster.area_basis", lang, basis=area_name)) if x))

kpis = st.columns(3)
level = t(f"level.{facts['level']}" if isinstance(facts["level"], str) else "level.none", lang)
with kpis[0]:
    widgets.fact(t("cluster.level_now", lang), level, terms.help_for(*terms.LEVELS, lang=lang))
with kpis[1]:
    widgets.fact(
        t("cluster.label_now", lang),
        summaries.label_text(status, lang),
        terms.help_for(*terms.LABELS, lang=lang),
    )
members = results[results["indicator"] == "members"]
with kpis[2]:
    if members.empty:
        widgets.fact(t("cluster.members", lang), "–")
    else:
        last = members.sort_values("year").iloc[-1]
        widgets.fact(
            t("cluster.members", lang),
            t(
                "cluster.members_value",
                lang,
                value=number(last["value"], lang),
                year=int(last["year"]),
            ),
        )
profile.links_out(info, lang)
profile.brief_download(cluster_id, scope, lang)

st.subheader(t("cluster.levels", lang))
if periods.empty:
    st.info(summaries.nothing_by_the_date("periods", info, scope.date, lang))
else:
    widgets.chart(charts.level_history, cache.Ref("periods", scope, cluster_id), lang, title="")
    widgets.table(
        periods,
        ["level", "start_date", "end_date", "end_rule", "provenance", "note", "source_url"],
        lang,
        profile_link=False,
    )
widgets.download("periods", scope, lang, cluster_id=cluster_id)

st.subheader(t("cluster.labels", lang))
if awards.empty:
    st.info(summaries.nothing_by_the_date("awards", info, scope.date, lang))
else:
    widgets.chart(
        charts.award_timeline,
        cache.Ref("awards", scope, cluster_id),
        scope.date,
        6,
        lang,
        cache.Ref("confirmations", scope, cluster_id),
        title="",
    )
    widgets.table(
        awards,
        [
            "label",
            "awarded_on",
            "valid_until",
            "basis",
            "score_pct",
            "state",
            "provenance",
            "note",
            "source_url",
        ],
        lang,
        profile_link=False,
    )
widgets.download("awards", scope, lang, cluster_id=cluster_id)

st.subheader(t("cluster.funding", lang))
if funding.empty:
    st.info(t("cluster.no_funding", lang))
else:
    widgets.chart(
        charts.funding_by, cache.Ref("funding", scope, cluster_id), "funder", lang, title=""
    )
widgets.download("funding", scope, lang, cluster_id=cluster_id)

st.subheader(t("cluster.results", lang))
if members.empty:
    st.info(t("cluster.no_members", lang))
else:
    widgets.chart(charts.member_history, cache.Ref("results", scope, cluster_id), lang, title="")
    widgets.table(
        members, ["year", "value", "provenance", "note", "source_url"], lang, profile_link=False
    )
widgets.download("results", scope, lang, cluster_id=cluster_id)

st.subheader(t("cluster.sources", lang))
urls = [u for u in str(info["all_sources"] or "").split(" | ") if u]
for extract in (periods, awards, funding, members):
    urls += [u for u in extract.get("source_url", []) if isinstance(u, str)]
st.markdown("\n".join(f"- <{url}>" for url in dict.fromkeys(urls)))

"""Funding: the programme's published budgets beside the money the register ties to clusters
by published grants, by level, opportunity area and cluster. Public money only: members' own
effort is not funding and is never added in."""

import streamlit as st

from dashboard import charts
from dashboard.i18n import nok, nok_short, number, percent, t
from dashboard.web import cache, frame, widgets

filters, lang = frame.context()
frame.page_header("page.funding", filters, lang, "programme")
st.info(t("funding.note", lang), icon=":material/info:")

coverage, summary, _ = cache.extracts_of(
    cache.Ref("funding_coverage", filters.programme_wide),
    cache.Ref("funding_summary", filters),
    cache.Ref("funding_top", filters),  # drawn below
)
if not coverage.empty:
    latest = coverage.iloc[-1]
    kpis = st.columns(3)
    kpis[0].metric(
        t("overview.budget", lang, year=latest["year"]),
        nok_short(latest["budget_nok"], lang),
        help=nok(latest["budget_nok"], lang),
        border=True,
    )
    kpis[1].metric(
        t("funding.register_year", lang, year=latest["year"]),
        nok_short(latest["register_nok"], lang),
        help=nok(latest["register_nok"], lang),
        border=True,
    )
    kpis[2].metric(
        t("funding.covered", lang),
        percent(latest["register_nok"] / latest["budget_nok"], lang),
        border=True,
    )
    st.markdown(
        t(
            "funding.coverage_text",
            lang,
            register=nok_short(latest["register_nok"], lang),
            budget=nok_short(latest["budget_nok"], lang),
            year=latest["year"],
            clusters=number(latest["clusters"], lang),
        )
        + f" ([{t('common.source', lang)}]({latest['source_url']}))"
    )
widgets.chart(
    charts.funding_against_budget, cache.Ref("funding_coverage", filters.programme_wide), lang
)
widgets.download("funding_coverage", filters.programme_wide, lang)

if summary.empty:
    st.info(t("common.empty", lang))
else:
    left, right = st.columns(2)
    summary_ref = cache.Ref("funding_summary", filters)
    widgets.chart(charts.funding_by, summary_ref, "level", lang, where=left)
    widgets.chart(
        charts.funding_area_shares,
        summary_ref,
        cache.Lookup("opportunity_areas"),
        lang,
        where=right,
    )
    if summary["funder"].nunique() > 1:
        widgets.chart(charts.funding_by, summary_ref, "funder", lang)
    else:
        st.caption(t("funding.no_split", lang))
    st.caption(t("funding.partial_note", lang))
    first, last = int(summary["year"].min()), int(summary["year"].max())
    widgets.chart(charts.funding_ranking, cache.Ref("funding_top", filters), first, last, lang)
widgets.download("funding", filters, lang)

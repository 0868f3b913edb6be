"""Funding: by funder, level, year and opportunity area, and the clusters ranked."""

import streamlit as st

from dashboard import charts, ui
from dashboard.i18n import nok, nok_short, percent, t

filters, lang = ui.context()
ui.page_header("page.funding", filters, lang)

summary = ui.extract("funding_summary", filters)
st.info(t("common.provenance_note", lang), icon=":material/info:")
first = last = filters.date.year
if summary.empty:
    st.info(t("common.empty", lang))
else:
    first, last = int(summary["year"].min()), int(summary["year"].max())
    published = summary.loc[summary["provenance"] == "published", "amount_nok"].sum()
    total = summary["amount_nok"].sum()
    kpis = st.columns(2)
    kpis[0].metric(
        t("funding.total", lang, first=first, last=last),
        nok_short(total, lang),
        help=nok(total, lang),
        border=True,
    )
    kpis[1].metric(
        t("funding.published_share", lang), percent(published / total, lang), border=True
    )

areas = ui.lookup("opportunity_areas")
left, right = st.columns(2)
summary_ref = ui.Ref("funding_summary", filters)
ui.chart(charts.funding_by, summary_ref, "funder", lang, where=left)
ui.chart(charts.funding_by, summary_ref, "level", lang, where=right)
ui.chart(charts.funding_area_shares, summary_ref, areas, lang)
ui.download("funding_summary", filters, lang, label="common.download_summary")
ui.chart(charts.funding_ranking, ui.Ref("funding_top", filters), first, last, lang)
ui.download("funding_top", filters, lang)
ui.download("funding", filters, lang, label="common.download_rows")

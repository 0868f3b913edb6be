"""Funding: by funder, level, year and opportunity area, and the clusters ranked."""

import streamlit as st

from dashboard import charts, ui
from dashboard.i18n import nok, nok_short, percent, t

filters, lang = ui.context()
ui.page_header("page.funding", filters, lang)

funding = ui.extract("funding", filters)
st.info(t("common.provenance_note", lang), icon=":material/info:")
if funding.empty:
    st.info(t("common.empty", lang))
else:
    first, last = int(funding["year"].min()), int(funding["year"].max())
    published = funding.loc[funding["provenance"] == "published", "amount_nok"].sum()
    total = funding["amount_nok"].sum()
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
ui.chart(charts.funding_by, funding, "funder", lang, where=left)
ui.chart(charts.funding_by, funding, "level", lang, where=right)
ui.chart(charts.funding_area_shares, funding, areas, lang)
ui.chart(charts.funding_ranking, funding, lang)
ui.download("funding", filters, lang)

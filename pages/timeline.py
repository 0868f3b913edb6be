"""Expiry timeline: each award's validity window, and the renewals due within N months."""

import streamlit as st

from dashboard import charts, ui
from dashboard.i18n import t

HORIZONS = (3, 6, 12, 18, 24)

filters, lang = ui.context()
ui.page_header("page.timeline", filters, lang)

months = ui.page_choice("months", HORIZONS, default=6, label=t("timeline.months", lang), lang=lang)
awards = ui.extract("awards", filters)
ui.chart(
    charts.award_timeline,
    ui.Ref("awards", filters),
    filters.date,
    months,
    lang,
    ui.Ref("confirmations", filters),
)
if awards["cluster"].nunique() > charts.TIMELINE_CLUSTERS:
    st.caption(
        t(
            "timeline.capped",
            lang,
            shown=charts.TIMELINE_CLUSTERS,
            total=awards["cluster"].nunique(),
        )
    )
ui.download("awards", filters, lang)

st.subheader(t("timeline.due", lang, months=months))
due = ui.extract("renewals", filters, months=months)
if due.empty:
    st.info(t("timeline.due_none", lang, months=months))
else:
    ui.table(
        due,
        [
            "cluster_id",
            "cluster",
            "level",
            "label",
            "status",
            "valid_until",
            "days_left",
            "basis",
            "source_url",
        ],
        lang,
    )
ui.download("renewals", filters, lang, months=months)

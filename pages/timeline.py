"""Expiry timeline: each award's validity window, and the renewals due within N months."""

import streamlit as st

from dashboard import charts
from dashboard.i18n import t
from dashboard.web import cache, frame, state, widgets

HORIZONS = (3, 6, 12, 18, 24)

filters, lang = frame.context()
frame.page_header("page.timeline", filters, lang, "label_validity", "status_expiring")

months = state.page_choice(
    "months", HORIZONS, default=6, label=t("timeline.months", lang), lang=lang
)
awards, _, due = cache.extracts_of(
    cache.Ref("awards", filters),
    cache.Ref("confirmations", filters),  # drawn below
    cache.Ref("renewals", filters, months=months),
)
widgets.chart(
    charts.award_timeline,
    cache.Ref("awards", filters),
    filters.date,
    months,
    lang,
    cache.Ref("confirmations", filters),
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
widgets.download("awards", filters, lang)

st.subheader(t("timeline.due", lang, months=months))
if due.empty:
    st.info(t("timeline.due_none", lang, months=months))
else:
    widgets.table(
        due,
        [
            "cluster_id",
            "cluster",
            "level",
            "label",
            "status",
            "valid_until",
            "days_left",
            "renew_by",
            "basis",
            "source_url",
        ],
        lang,
    )
widgets.download("renewals", filters, lang, months=months, calendar=True)

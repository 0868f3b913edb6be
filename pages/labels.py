"""Labels: every cluster's ESCA/EUCLES label status on the date, by area, and the award history."""

import streamlit as st

from dashboard import charts, ui
from dashboard.i18n import t

filters, lang = ui.context()
ui.page_header("page.labels", filters, lang)

labels = ui.extract("labels", filters)
st.subheader(t("labels.status_title", lang))
if labels.empty:
    st.info(t("common.empty", lang))
else:
    ui.table(
        labels,
        [
            "cluster_id",
            "cluster",
            "level",
            "last_label",
            "status",
            "valid_until",
            "days_left",
            "basis",
            "confirmed_on",
            "score_pct",
            "source_url",
        ],
        lang,
        height=420,
    )
    st.caption(t("labels.basis_note", lang))
ui.download("labels", filters, lang)

ui.chart(
    charts.labels_by_area, ui.extract("label_counts", filters), ui.lookup("opportunity_areas"), lang
)
ui.download("label_counts", filters, lang, label="common.download_summary")

awards = ui.extract("awards", filters)
ui.chart(charts.award_scores, ui.Ref("awards", filters), lang)
st.caption(t("labels.history_note", lang))
if not awards.empty:
    ui.table(
        awards,
        [
            "cluster_id",
            "cluster",
            "label",
            "awarded_on",
            "valid_until",
            "score_pct",
            "state",
            "provenance",
            "source_url",
        ],
        lang,
        height=360,
        coloured=False,  # names the label and state in words; the chart and timeline colour them
    )
ui.download("awards", filters, lang)

st.subheader(t("labels.confirmations", lang))
st.caption(t("labels.confirmations_note", lang))
confirmations = ui.extract("confirmations", filters)
if confirmations.empty:
    st.info(t("common.empty", lang))
else:
    ui.table(
        confirmations,
        ["cluster_id", "cluster", "label", "held_from", "held_on", "note", "source_url"],
        lang,
        coloured=False,
    )
ui.download("confirmations", filters, lang)

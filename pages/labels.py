"""Labels: every cluster's ESCA/EUCLES label status on the date, by area, and the award history."""

import streamlit as st

from dashboard import charts
from dashboard.i18n import t
from dashboard.web import cache, frame, terms, widgets

filters, lang = frame.context()
frame.page_header("page.labels", filters, lang, *terms.LABELS)

labels, _, awards, confirmations = cache.extracts_of(  # drawn in turn below
    cache.Ref("labels", filters),
    cache.Ref("label_counts", filters),
    cache.Ref("awards", filters),
    cache.Ref("confirmations", filters),
)
st.subheader(t("labels.status_title", lang), help=terms.help_for(*terms.STATUSES, lang=lang))
if labels.empty:
    st.info(t("common.empty", lang))
else:
    widgets.table(
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
widgets.download("labels", filters, lang)

widgets.chart(
    charts.labels_by_area,
    cache.Ref("label_counts", filters),
    cache.Lookup("opportunity_areas"),
    lang,
)
widgets.download("label_counts", filters, lang)

widgets.chart(charts.award_scores, cache.Ref("awards", filters), lang)
st.caption(t("labels.history_note", lang))
if not awards.empty:
    widgets.table(
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
widgets.download("awards", filters, lang)

st.subheader(t("labels.confirmations", lang))
st.caption(t("labels.confirmations_note", lang))
if confirmations.empty:
    st.info(t("common.empty", lang))
else:
    widgets.table(
        confirmations,
        ["cluster_id", "cluster", "label", "held_from", "held_on", "note", "source_url"],
        lang,
        coloured=False,
    )
widgets.download("confirmations", filters, lang)

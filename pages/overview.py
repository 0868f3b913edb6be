"""Overview: the programme on the date in numbers, and what needs attention."""

import datetime as dt

import streamlit as st

from dashboard import charts, summaries, ui
from dashboard.i18n import date, nok, nok_short, number, percent, t

filters, lang = ui.context()
ui.page_header("page.overview", filters, lang)

clusters = ui.extract("clusters", filters)
labels = ui.extract("labels", filters)
funding = ui.extract("funding_summary", filters)
year = filters.date.year

levels = summaries.programme_counts(clusters)
held = summaries.label_counts(labels)
this_year, change = summaries.funding_change(funding, year)

kpis = st.columns([1, 1, 1, 1.3])
kpis[0].metric(
    t("overview.in_programme", lang),
    number(sum(levels.values()), lang),
    border=True,
)
kpis[1].metric(
    t("overview.active_labels", lang),
    number(sum(held.values()), lang),
    border=True,
)
kpis[2].metric(
    t("overview.expiring", lang), number(summaries.expiring_count(labels), lang), border=True
)
kpis[3].metric(
    t("overview.funding_year", lang, year=year),
    nok_short(this_year, lang),
    help=nok(this_year, lang),
    delta=None
    if change is None
    else t("overview.funding_delta", lang, delta=percent(change, lang), year=year - 1),
    border=True,
)

detail = st.columns(2)
with detail[0]:
    st.markdown(" · ".join(f"**{level}** {number(n, lang)}" for level, n in levels.items()))
with detail[1]:
    st.markdown(
        " · ".join(f"**{t(f'label.{k}', lang)}** {number(n, lang)}" for k, n in held.items())
    )

st.subheader(t("overview.attention", lang))
todo = ui.extract("attention", filters)
if todo.empty:
    st.success(t("overview.attention_none", lang))
else:

    def describe(row) -> str:
        label = t(f"label.{row.label}", lang) if isinstance(row.label, str) else ""
        if row.kind == "expiring":
            return t(
                "overview.issue_expiring",
                lang,
                label=label,
                days=row.days_left,
                date=date(row.valid_until, lang),
            )
        if row.kind == "expired":
            renew = row.valid_until + dt.timedelta(days=summaries.RENEWAL_GRACE_DAYS)
            return t(
                "overview.issue_expired",
                lang,
                label=label,
                days=-row.days_left,
                date=date(row.valid_until, lang),
                renew=date(renew, lang),
            )
        return t("overview.issue_gce", lang)

    todo = todo.assign(issue=[describe(r) for r in todo.itertuples()])
    ui.table(todo, ["cluster_id", "cluster", "level", "issue"], lang)
ui.download("attention", filters, lang)

ui.chart(charts.programme_by_level, ui.Ref("periods", filters), year, lang)
ui.download("periods", filters, lang)
st.caption(t("common.provenance_note", lang))

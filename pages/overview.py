"""Overview: the programme on the date in numbers, beside what the programme itself published,
and what needs attention."""

import streamlit as st

from dashboard import charts, summaries
from dashboard.i18n import date, nok_short, number, t
from dashboard.web import cache, counties, frame, widgets

filters, lang = frame.context()
frame.page_header("page.overview", filters, lang, "programme")

whole = filters.programme_wide
by_year = cache.Ref("programme_by_year", filters)
by_county = cache.Ref("county_counts", filters)
counts, todo, coverage, budgets, _, by_county_rows = cache.extracts_of(
    cache.Ref("level_label_counts", filters),
    cache.Ref("attention", filters),
    cache.Ref("programme_coverage", whole),
    cache.Ref("funding_coverage", whole),
    by_year,  # drawn below
    by_county,
)

levels = summaries.programme_counts(counts)
held = summaries.label_counts(counts)
reported = summaries.latest_published(coverage, "clusters_total")
budget = budgets.iloc[-1] if not budgets.empty else None

kpis = st.columns(4)
kpis[0].metric(
    t("overview.in_programme", lang),
    number(sum(levels.values()), lang),
    help=t("overview.in_programme_help", lang),
    border=True,
)
kpis[1].metric(
    t("overview.active_labels", lang),
    number(sum(held.values()), lang),
    help=t("overview.active_labels_help", lang),
    border=True,
)
horizon = cache.rules().set_index("rule_id").at["alert_horizon", "value"]
kpis[2].metric(
    t("overview.expiring", lang, days=number(horizon, lang)),
    number(int((todo["kind"] == "expiring").sum()), lang),
    border=True,
)
kpis[3].metric(
    t("overview.budget", lang, year=budget["year"])
    if budget is not None
    else t("overview.budget_none", lang),
    nok_short(budget["budget_nok"], lang) if budget is not None else "–",
    help=t("overview.budget_help", lang),
    border=True,
)

if filters.selects:
    st.markdown(t("overview.coverage_selected", lang))
elif reported is not None:
    st.markdown(
        t(
            "overview.coverage_" + reported["counted"],
            lang,
            register=number(reported["register"], lang),
            published=number(reported["published"], lang),
            date=date(reported["reference_date"], lang),
            year=reported["year"],
        )
        + f" ([{t('common.source', lang)}]({reported['source_url']}))"
    )
else:
    st.markdown(t("overview.coverage_none", lang))

detail = st.columns(2)
with detail[0]:
    st.markdown(
        " · ".join(
            f"**{t(f'level.{level}', lang)}** {number(n, lang)}" for level, n in levels.items() if n
        )
        or t("overview.none_in_programme", lang)
    )
with detail[1]:
    st.markdown(
        " · ".join(f"**{t(f'label.{k}', lang)}** {number(n, lang)}" for k, n in held.items())
    )

st.subheader(t("overview.counties", lang))
with st.container(horizontal=True, gap="large"):  # the map as wide as it is, the rest beside
    counties.county_map(by_county, filters, lang)
    beside = st.container(width="stretch")
with beside:
    counties.county_picker(summaries.counties_on_the_map(by_county_rows), filters, lang)
    unplaced = summaries.unplaced(by_county_rows)
    st.markdown(
        t("overview.counties_unplaced", lang, n=number(unplaced, lang))
        if unplaced
        else t("overview.counties_all_placed", lang)
    )
    st.caption(t("overview.counties_note", lang))
    widgets.download("county_counts", filters, lang)

st.subheader(t("overview.attention", lang))
st.caption(t("overview.attention_note", lang))
if todo.empty:
    st.success(t("overview.attention_none", lang))
else:

    def describe(row) -> str:
        label = t(f"label.{row.label}", lang) if isinstance(row.label, str) else ""
        if row.kind == "expiring":
            text = t(
                "overview.issue_expiring",
                lang,
                label=label,
                days=row.days_left,
                date=date(row.valid_until, lang),
            )
        elif row.kind == "expired":
            text = t(
                "overview.issue_expired",
                lang,
                label=label,
                date=date(row.valid_until, lang),
                renew=date(row.renew_by, lang),
            )
        else:
            required = t(f"label.{row.required_label}", lang).lower()
            level = t(f"level.{row.level}", lang)
            text = t("overview.issue_required", lang, level=level, required=required)
        return (
            text
            + " · "
            + t(f"basis.{row.basis}" if isinstance(row.basis, str) else "basis.none", lang)
        )

    todo = todo.assign(issue=[describe(r) for r in todo.itertuples()])
    widgets.table(todo, ["cluster_id", "cluster", "level", "issue"], lang)
widgets.download("attention", filters, lang)

widgets.chart(
    charts.programme_by_level,
    by_year,
    None if filters.selects else cache.Ref("programme_coverage", whole),
    lang,
)
st.caption(t("overview.levels_note", lang))
widgets.download("programme_by_year", filters, lang)
widgets.download("programme_coverage", whole, lang)

"""Compare clusters: two to six clusters side by side over time, as of the sidebar's date."""

import streamlit as st

from dashboard import charts
from dashboard.filters import COMPARE_LEAST, COMPARE_MOST, COMPARE_PARAM, Filters
from dashboard.i18n import date, t
from dashboard.web import cache, frame, state, widgets

MARKDOWN_SPECIAL = set("\\`*_[]<>#|")

filters, lang = frame.context()
frame.page_header("page.compare", filters, lang)

names = cache.cluster_names()  # {id: "name (former names)"}: the picker searches the shown text
picked = state.page_choices(
    COMPARE_PARAM,
    list(names),
    label=t("compare.pick", lang),
    lang=lang,
    most=COMPARE_MOST,
    format_func=names.get,
    placeholder=t("compare.placeholder", lang),
)


def _plain(text: str) -> str:
    """A cluster's name as Markdown shows it, not as Markdown."""
    return "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in text)


def comparison(picked: tuple[str, ...]) -> None:
    # The picked clusters as of the sidebar's date, whatever its other filters select.
    scope = Filters(as_of=filters.as_of, clusters=picked)
    st.caption(t("compare.scope", lang, date=date(scope.date, lang)))
    coverage, *_ = cache.extracts_of(  # the rest are drawn in turn below
        cache.Ref("compare_coverage", scope),
        cache.Ref("periods", scope),
        cache.Ref("awards", scope),
        cache.Ref("confirmations", scope),
        cache.Ref("compare_members", scope),
        cache.Ref("compare_funding", scope),
    )
    rows = tuple(coverage["cluster"])  # the picked order, top down and in every legend

    st.subheader(t("compare.coverage", lang))
    st.markdown(
        "\n".join(
            "- "
            + t(
                "compare.coverage_line",
                lang,
                cluster=_plain(c.cluster),
                periods=c.periods,
                awards=c.awards,
                members=c.member_programme_years,
                years=c.programme_years,
                funding=c.funding_years,
                published=c.funding_published_years,
            )
            for c in coverage.itertuples()
        )
    )
    widgets.download("compare_coverage", scope, lang)

    st.subheader(t("compare.levels", lang))
    widgets.chart(
        charts.compare_levels, cache.Ref("periods", scope), rows, scope.date, lang, title=""
    )
    widgets.download("periods", scope, lang)

    st.subheader(t("compare.labels", lang))
    widgets.chart(
        charts.award_timeline,
        cache.Ref("awards", scope),
        scope.date,
        0,  # the as-of date marked, no renewal horizon
        lang,
        cache.Ref("confirmations", scope),
        rows,
        title="",
    )
    widgets.download("awards", scope, lang)

    st.subheader(t("compare.members", lang))
    st.caption(t("compare.members_note", lang))
    widgets.chart(charts.compare_members, cache.Ref("compare_members", scope), rows, lang, title="")
    widgets.download("compare_members", scope, lang)

    st.subheader(t("compare.funding", lang))
    st.caption(t("compare.funding_note", lang))
    widgets.chart(charts.compare_funding, cache.Ref("compare_funding", scope), rows, lang, title="")
    widgets.download("compare_funding", scope, lang)


if len(picked) < COMPARE_LEAST:
    st.info(
        t("compare.pick_more", lang, least=COMPARE_LEAST, most=COMPARE_MOST),
        icon=":material/compare_arrows:",
    )
else:
    comparison(picked)

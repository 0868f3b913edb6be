"""Data & sources: what each table holds, how much of the programme the record covers per year,
the rules behind every estimate and alert, the programme's own figures, and full extracts."""

import datetime as dt

import streamlit as st

from dashboard import charts, extracts
from dashboard.contract import TABLE_BY_NAME
from dashboard.i18n import date, t
from dashboard.web import cache, frame, widgets

filters, lang = frame.context()
frame.page_header("page.sources", filters, lang, "published", "estimate", "coverage")

meta = cache.meta()
built = dt.datetime.fromisoformat(meta["built_at"]).date()
st.markdown(
    t(
        "sources.built",
        lang,
        built=date(built, lang),
        as_of=date(dt.date.fromisoformat(meta["data_as_of"]), lang),
    )
)
st.markdown(t("sources.provenance_rule", lang))

st.subheader(t("sources.coverage", lang))
st.caption(t("sources.coverage_note", lang))
whole = filters.programme_wide
widgets.chart(charts.coverage_heatmap, cache.Ref("coverage", whole), lang)
widgets.download("coverage", whole, lang)

st.subheader(t("sources.programme_counts", lang))
counts = cache.extract("programme_coverage", whole)
widgets.table(
    counts,
    ["measure", "reference_date", "published", "register", "note", "source_url"],
    lang,
    profile_link=False,
    coloured=False,
)

st.subheader(t("sources.tables", lang))
rows = cache.table_rows()
rows = rows.assign(
    holds=rows["table_name"].map(lambda name: t(f"table.{name}", lang)),
    table_name=rows["table_name"].map(lambda name: TABLE_BY_NAME[name].file),  # in data/
)
st.dataframe(
    rows[["table_name", "holds", "rows"]],
    hide_index=True,
    width="stretch",
    column_config={
        "table_name": t("col.table", lang),
        "holds": t("col.holds", lang),
        "rows": t("col.rows", lang),
    },
)

st.subheader(t("sources.provenance", lang))
counts = cache.provenance_counts()
counts = counts.assign(
    provenance=counts["provenance"].map(lambda p: t(f"provenance.{p}", lang)),
    table_name=counts["table_name"].map(lambda name: TABLE_BY_NAME[name].file),
)
st.dataframe(
    counts,
    hide_index=True,
    width="stretch",
    column_config={
        "table_name": t("col.table", lang),
        "provenance": t("col.provenance", lang),
        "rows": t("col.rows", lang),
        "rows_with_source": t("col.rows_with_source", lang),
    },
)

st.subheader(t("sources.rules", lang))
st.markdown(t("sources.rules_text", lang))
widgets.table(
    cache.rules(),
    ["rule_id", "value", "unit", "applies_to", "note", "source_url"],
    lang,
    profile_link=False,
    coloured=False,
)

st.subheader(t("sources.imports", lang))
imports = cache.imports()
if imports.empty:
    st.caption(t("sources.no_imports", lang))
else:
    st.dataframe(imports, hide_index=True, width="stretch")

st.subheader(t("sources.extracts", lang))
for name in extracts.EXTRACTS:
    left, right = st.columns([1, 3])
    left.markdown(f"**{t(f'extract.{name}', lang)}**")
    with right:
        widgets.download(name, whole, lang, key=f"full_{name}")

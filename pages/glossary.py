"""Glossary: the programme's levels, the cluster labels and their validity, label status, the
opportunity areas, the measures and how a figure is known, in the reader's language, each with
the rule it uses and the sources that state it (terms on other pages link here)."""

from urllib.parse import urlparse

import streamlit as st

from dashboard.i18n import number, t
from dashboard.web import cache, frame, terms, widgets

filters, lang = frame.context()
st.title(t("page.glossary", lang))
st.markdown(t("glossary.intro", lang))


def source_links(*urls: object) -> str:
    """Markdown links named by the site, for a row's source_url and its more_sources."""
    found = [u.strip() for url in urls if isinstance(url, str) for u in url.split(" ; ")]
    return ", ".join(f"[{urlparse(u).netloc.removeprefix('www.')}]({u})" for u in found if u)


areas = cache.opportunity_areas()
for topic, entries in cache.glossary().groupby("topic", sort=False):
    st.header(t(f"glossary.topic.{topic}", lang), anchor=f"topic-{topic}", divider="gray")
    for _, entry in entries.iterrows():
        st.subheader(entry[f"term_{lang}"], anchor=terms.anchor(entry.term_id))
        st.markdown(entry[f"definition_{lang}"])
        if topic == "area":
            named = areas[areas["area_id"] != "other"]
            st.markdown("\n".join(f"- {name}" for name in named[f"name_{lang}"]))
        facts = []
        if isinstance(entry.rule_id, str):
            facts.append(
                t(
                    "glossary.rule",
                    lang,
                    rule=t(f"rule.{entry.rule_id}", lang),
                    value=number(entry.rule_value, lang),
                    unit=t(f"unit.{entry.rule_unit}", lang),
                )
            )
        sources = source_links(entry.source_url, entry.more_sources)
        facts.append(
            t("glossary.sources", lang, sources=sources)
            if sources
            else t("glossary.own_method", lang)
        )
        st.markdown(" · ".join(facts))  # not a caption: links in a caption fall below 4.5:1

widgets.download("glossary", filters.programme_wide, lang)

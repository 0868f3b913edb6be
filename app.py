"""Klyngemonitor entry point: the frame around every page (store, language, filters, navigation)."""

import streamlit as st

from dashboard import ui
from dashboard.i18n import t

st.set_page_config(page_title="Klyngemonitor", page_icon=":material/hub:", layout="wide")

lang = ui.language()
PAGES = [
    st.Page(
        "pages/overview.py",
        title=t("page.overview", lang),
        icon=":material/dashboard:",
        url_path="overview",
        default=True,
    ),
    st.Page(
        "pages/labels.py",
        title=t("page.labels", lang),
        icon=":material/workspace_premium:",
        url_path="labels",
    ),
    st.Page(
        "pages/timeline.py",
        title=t("page.timeline", lang),
        icon=":material/event:",
        url_path="timeline",
    ),
    st.Page(
        "pages/funding.py",
        title=t("page.funding", lang),
        icon=":material/payments:",
        url_path="funding",
    ),
    st.Page(
        "pages/results.py",
        title=t("page.results", lang),
        icon=":material/monitoring:",
        url_path="results",
    ),
    st.Page(
        "pages/cluster.py", title=t("page.cluster", lang), icon=":material/hub:", url_path="cluster"
    ),
    st.Page(
        "pages/sources.py",
        title=t("page.sources", lang),
        icon=":material/source:",
        url_path="sources",
    ),
]
who = ui.access()
ui.gate(who, lang)
if who.may_update:
    PAGES.append(
        st.Page(
            "pages/update.py",
            title=t("page.update", lang),
            icon=":material/upload:",
            url_path="update",
        )
    )
page = st.navigation(PAGES)
st.sidebar.caption(t("app.tagline", lang))
st.session_state["filters"] = ui.sidebar_filters(lang)
page.run()

"""Klyngemonitor entry point: the frame around every page (store, language, filters, navigation)."""

import streamlit as st

from dashboard.i18n import t
from dashboard.web import connection, frame, sidebar, state
from dashboard.web.navigation import PAGES

st.set_page_config(page_title="Klyngemonitor", page_icon=":material/hub:", layout="wide")

connection.begin_run()
lang = state.language()
who = frame.access()
frame.gate(who, lang)
current = st.navigation(
    [
        st.Page(
            f"pages/{p.name}.py",
            title=t(f"page.{p.name}", lang),
            icon=p.icon,
            url_path=p.name,
            default=i == 0,
        )
        for i, p in enumerate(PAGES)
        if who.may_update or not p.admin_only
    ]
)
frame.store_problems(lang)
st.sidebar.caption(t("app.tagline", lang))
st.session_state["filters"] = sidebar.filters(lang)
current.run()

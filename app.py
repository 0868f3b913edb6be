"""Klyngemonitor entry point: the frame around every page (store, language, filters, navigation)."""

import streamlit as st

from dashboard import ui
from dashboard.i18n import t

st.set_page_config(page_title="Klyngemonitor", page_icon=":material/hub:", layout="wide")

lang = ui.language()
# (file and URL path, icon); the first page is the default one, served at "/".
PAGE_FILES = (
    ("overview", ":material/dashboard:"),
    ("labels", ":material/workspace_premium:"),
    ("timeline", ":material/event:"),
    ("funding", ":material/payments:"),
    ("results", ":material/monitoring:"),
    ("cluster", ":material/hub:"),
    ("sources", ":material/source:"),
)


def page(name: str, icon: str, default: bool = False) -> st.Page:
    """A page from pages/NAME.py, titled from the catalogue, at the URL path NAME."""
    return st.Page(
        f"pages/{name}.py", title=t(f"page.{name}", lang), icon=icon, url_path=name, default=default
    )


PAGES = [page(name, icon, default=i == 0) for i, (name, icon) in enumerate(PAGE_FILES)]
who = ui.access()
ui.gate(who, lang)
if who.may_update:
    PAGES.append(page("update", ":material/upload:"))
current = st.navigation(PAGES)
ui.store_problems(lang)
st.sidebar.caption(t("app.tagline", lang))
st.session_state["filters"] = ui.sidebar_filters(lang)
current.run()

"""What every page has around it: who may see it, the store's problems, the header with the
data's currency, and the filters and language of the run."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError
from streamlit.runtime.pages_manager import PagesManager

from ..access import MISCONFIGURED, Access, decide
from ..filters import Filters
from ..i18n import date, t
from . import cache, connection, terms
from .state import language


def access() -> Access:
    """This session's access: open, signed out, refused, viewer or admin (see access.py)."""
    try:
        secrets = st.secrets.to_dict()
    except StreamlitSecretNotFoundError as err:
        if getattr(err, "error_id", None) != "no-secrets-found":
            return MISCONFIGURED  # a secrets file that cannot be read: fail closed
        secrets = {}
    except FileNotFoundError:
        secrets = {}
    return decide(secrets, st.user.to_dict())


def gate(who: Access, lang: str) -> None:
    """Say who is signed in, or stop the run at a sign-in screen for those who may not view."""
    if who.mode == "open":
        st.sidebar.caption(t("access.open", lang))
        return
    if who.may_view:
        st.sidebar.caption(t("access.signed_in", lang, email=who.email))
        st.sidebar.button(t("access.sign_out", lang), on_click=st.logout, key="w_logout")
        return
    st.title(t("app.title", lang))
    if who.mode == "misconfigured":
        st.error(t("access.misconfigured", lang))
    elif who.mode == "refused":
        st.error(t("access.refused", lang, email=who.email or "?"))
        st.button(t("access.sign_out", lang), on_click=st.logout, key="w_logout")
    else:
        st.info(t("access.sign_in_needed", lang))
        st.button(t("access.sign_in", lang), on_click=st.login, type="primary", key="w_login")
    st.stop()


def store_problems(lang: str) -> None:
    """Say once, at the top of the page, why the store was not rebuilt from data/ (the last
    good store is served meanwhile); stop the run when there is no store at all."""
    problems = connection.problems()
    if problems:
        st.error(
            t("error.invalid_data", lang) + "\n\n" + "\n".join(f"- `{p}`" for p in problems[:20]),
            icon=":material/error:",
        )
    if not connection.available():
        st.error(t("error.no_store", lang))
        st.stop()


def context() -> tuple[Filters, str]:
    """The filters and language the entry point set up for this run."""
    if PagesManager.uses_pages_directory or "filters" not in st.session_state:
        # Until some run has called st.navigation, Streamlit's legacy router serves /<page> by
        # running pages/<page>.py alone, without app.py (a fresh server's first request, and
        # every AppTest run). Switch to st.navigation, as app.py would, and rerun through it.
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state["filters"], language()


def page_header(title_key: str, filters: Filters, lang: str, *glossary: str) -> None:
    """The page title (defining the `glossary` terms it is about) with the date it is shown as
    of and the data's currency; a date past the latest fact in the record says that what
    follows it is carried forward, not known."""
    st.title(t(title_key, lang), help=terms.help_for(*glossary, lang=lang) if glossary else None)
    currency = dt.date.fromisoformat(cache.meta()["data_as_of"])
    st.caption(
        t("common.as_of", lang, date=date(filters.date, lang))
        + " · "
        + t("common.currency", lang, date=date(currency, lang))
    )
    if filters.date > currency:
        st.info(
            t("common.past_currency", lang, date=date(currency, lang)), icon=":material/history:"
        )

"""The language and the filters, kept in step with the URL: the Streamlit side of the codec in
`filters` (which alone knows the parameter names and widget keys)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import streamlit as st

from ..filters import (
    COMPARE_MOST,
    URL_PARAMS,
    Filters,
    Notice,
    Vocabulary,
    choices_from_param,
    choices_to_param,
    shown,
)
from ..i18n import LANGUAGES, default_language, t

LANG_PARAM, LANG_WIDGET = "lang", "w_lang"


def language() -> str:
    """The language: from the URL on a session's first run, then from the sidebar switch."""
    if LANG_WIDGET not in st.session_state:
        wanted = st.query_params.get(LANG_PARAM, default_language())
        st.session_state[LANG_WIDGET] = wanted if wanted in LANGUAGES else default_language()
    return st.session_state[LANG_WIDGET]


def start_from_url(vocabulary: Vocabulary) -> None:
    """On a session's first run, set the sidebar widgets from the link it was opened with."""
    if "url_filters" in st.session_state:
        return
    params = {key: st.query_params.get_all(key) for key in URL_PARAMS}
    filters, notices = Filters.from_params(params, vocabulary)
    lang = st.query_params.get(LANG_PARAM)
    if lang is not None and lang not in LANGUAGES:
        notices.append(Notice("unknown", LANG_PARAM, lang))
    st.session_state.update(filters.to_widgets())
    st.session_state["url_filters"] = filters
    st.session_state["url_notices"] = notices


def reset() -> None:
    """Back to everything, today (a button callback)."""
    st.session_state.update(Filters().to_widgets())


def choose(**changes: Any) -> None:
    """Change some of the filters the sidebar shows, e.g. `choose(regions=("Vestland",))` (a
    widget callback, run before the sidebar is drawn again): through the codec's widget state,
    so `settle` writes the URL as for any sidebar change."""
    filters = replace(Filters.from_widgets(st.session_state), **changes)
    st.session_state.update(filters.to_widgets())


def settle(lang: str) -> Filters:
    """The filters the sidebar shows now, written into the URL (so the address reproduces the
    screen), with a notice for what the opening link brought that was dropped."""
    filters = Filters.from_widgets(st.session_state)
    wanted: dict[str, list[str] | str] = dict(filters.to_params())
    if lang != default_language():
        wanted[LANG_PARAM] = lang
    for key in (*URL_PARAMS, LANG_PARAM):
        if key in wanted:
            value = wanted[key]
            if st.query_params.get_all(key) != (value if isinstance(value, list) else [value]):
                st.query_params[key] = value
        elif key in st.query_params:
            del st.query_params[key]
    if filters == st.session_state["url_filters"]:
        show_notices(st.session_state["url_notices"], lang)
    return filters


def show_notices(notices: Sequence[Notice], lang: str) -> None:
    """Say which link values were dropped, with the values shown safely."""
    if notices:
        lines = [
            t(f"notice.{n.kind}", lang, param=n.param, value=shown(n.value), most=COMPARE_MOST)
            for n in notices
        ]
        st.warning(
            t("filters.notice", lang) + "\n\n" + "\n".join(f"- {line}" for line in lines),
            icon=":material/link_off:",
        )


def page_choice(
    param: str,
    options: Sequence,
    default: object,
    label: str,
    lang: str,
    format_func: Callable[[Any], Any] = str,
    widget_kind: Callable[..., Any] = st.segmented_control,
) -> Any:
    """A page-level choice kept in the URL (`?months=12`); a bad URL value gets a notice."""
    widget = f"w_{param}"
    if widget not in st.session_state:  # the URL is read once, not on every rerun
        by_text = {str(option): option for option in options}
        raw = st.query_params.get(param)
        st.session_state[widget] = by_text.get(raw, default) if raw is not None else default
        dropped = [Notice("unknown", param, raw)] if raw is not None and raw not in by_text else []
        st.session_state[f"notices_{param}"] = (st.session_state[widget], dropped)
    value = widget_kind(label, options, key=widget, format_func=format_func)
    value = default if value is None else value
    first, dropped = st.session_state[f"notices_{param}"]
    if value == first:
        show_notices(dropped, lang)
    if value != default:
        st.query_params[param] = str(value)
    elif param in st.query_params:
        del st.query_params[param]
    return value


def page_choices(
    param: str,
    options: Sequence[str],
    label: str,
    lang: str,
    most: int,
    format_func: Callable[[Any], Any] = str,
    placeholder: str | None = None,
) -> tuple[str, ...]:
    """A page-level choice of several values (at most `most`) kept in the URL as one
    comma-separated parameter (`?compare=a,b`), in the order picked: read from the link on the
    session's first run, written back as the choice changes; values the link brings that are
    not among the options, or beyond the `most`th, get a notice (as `page_choice`)."""
    widget = f"w_{param}"
    if widget not in st.session_state:
        chosen, dropped = choices_from_param(param, st.query_params.get(param), options, most)
        st.session_state[widget] = list(chosen)
        st.session_state[f"notices_{param}"] = (chosen, dropped)
    value = tuple(
        st.multiselect(
            label,
            options,
            key=widget,
            format_func=format_func,
            max_selections=most,
            placeholder=placeholder,
        )
    )
    first, dropped = st.session_state[f"notices_{param}"]
    if value == first:
        show_notices(dropped, lang)
    if value:
        if st.query_params.get(param) != choices_to_param(value):
            st.query_params[param] = choices_to_param(value)
    elif param in st.query_params:
        del st.query_params[param]
    return value

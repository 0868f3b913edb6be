"""The sidebar: language switch and the filters every page shares."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ..filters import AS_OF_WIDGET, FIRST_DAY, LAST_DAY, SELECTIONS, Filters
from ..i18n import LANGUAGES, date, t
from . import cache, state, terms

AREA, LEVEL, REGION, LABEL = SELECTIONS


def filters(lang: str) -> Filters:
    """Draw the language switch and the filters, and keep the URL in step with them."""
    vocab = cache.vocabulary()
    state.start_from_url(vocab)
    areas = cache.opportunity_areas()
    area_names = dict(zip(areas["area_id"], areas[f"name_{lang}"], strict=True))
    with st.sidebar:
        st.radio(
            t("filters.language", lang),
            LANGUAGES,
            key=state.LANG_WIDGET,
            horizontal=True,
            format_func=lambda code: t(f"language.{code}", lang),
        )
        st.subheader(t("filters.title", lang))
        st.date_input(
            t("filters.as_of", lang),
            key=AS_OF_WIDGET,
            min_value=FIRST_DAY,
            max_value=LAST_DAY,
            help=t("filters.help_as_of", lang),
            format="DD.MM.YYYY" if lang == "nb" else "YYYY-MM-DD",
        )
        st.multiselect(
            t("filters.area", lang),
            vocab.areas,
            key=AREA.widget,
            format_func=lambda a: area_names.get(a, a),
            placeholder=t("filters.all", lang),
            help=terms.help_for("opportunity_areas", lang=lang),
        )
        st.multiselect(
            t("filters.level", lang),
            vocab.levels,
            key=LEVEL.widget,
            format_func=lambda x: t(f"level.{x}", lang),
            placeholder=t("filters.all", lang),
            help=terms.help_for(*terms.LEVELS, lang=lang),
        )
        day = st.session_state[AS_OF_WIDGET]
        chosen = st.session_state.get(REGION.widget, [])
        on_the_day = vocab.regions_on(day)
        st.multiselect(
            t("filters.region", lang),
            [*on_the_day, *(c for c in chosen if c not in on_the_day)],
            key=REGION.widget,
            placeholder=t("filters.all", lang),
            help=t("filters.help_region", lang),
        )
        _regions_of_another_day(chosen, on_the_day, vocab.regions_on(dt.date.today()), day, lang)
        st.multiselect(
            t("filters.label", lang),
            vocab.labels,
            key=LABEL.widget,
            format_func=lambda x: t(f"label.{x}", lang),
            placeholder=t("filters.all", lang),
            help=terms.help_for(*terms.LABELS, lang=lang),
        )
        st.button(t("filters.reset", lang), on_click=state.reset, width="stretch")
    return state.settle(lang)


def _regions_of_another_day(
    chosen: list[str], on_the_day: tuple[str, ...], today: tuple[str, ...], day: dt.date, lang: str
) -> None:
    """Say what a chosen county that was not one on the date selects (scope.sql): the clusters
    in it today, or none."""
    for county in chosen:
        if county in on_the_day:
            continue
        key = "filters.region_today" if county in today else "filters.region_gone"
        st.info(t(key, lang, county=county, date=date(day, lang)), icon=":material/history:")

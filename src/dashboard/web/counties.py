"""The Overview's map of clusters by county and its keyboard twin: both set the region filter."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from .. import charts
from ..filters import Filters
from ..i18n import t
from . import cache, state


def county_map(ref: cache.Ref, filters: Filters, lang: str) -> None:
    """The map of clusters by county (charts.county_map of `ref`, a `county_counts` extract) with
    the region filter's counties outlined: a click on a tile makes its county the region filter
    (through the sidebar's widget state, so the URL follows)."""
    figure = cache.figure(charts.county_map, ref, filters.regions, lang)
    # A new key per date and choice: a click always starts from no selection, so clicking the
    # tile chosen last time, after another was chosen in the sidebar, still chooses it.
    key = "w_county_map_" + filters.date.isoformat() + "_" + "+".join(filters.regions)

    def clicked() -> None:
        points = st.session_state[key]["selection"]["points"]
        if points and points[0].get("customdata"):
            state.choose(regions=(points[0]["customdata"][0],))

    st.plotly_chart(
        figure,
        key=key,
        on_select=clicked,
        selection_mode="points",
        width="content",
        config={"displayModeBar": False},
    )


COUNTY_PICKER = "w_county"


def county_picker(counties: Sequence[str], filters: Filters, lang: str) -> None:
    """The map's counties in a selectbox, the way to choose one by keyboard: choosing one makes it
    the region filter, the first option clears it. It shows the region filter's county when that
    is one county on the map."""
    chosen = filters.regions
    st.session_state[COUNTY_PICKER] = (
        chosen[0] if len(chosen) == 1 and chosen[0] in counties else ""
    )
    nothing = t("overview.counties_all" if not chosen else "overview.counties_as_filtered", lang)

    def picked() -> None:
        county = st.session_state[COUNTY_PICKER]
        state.choose(regions=(county,) if county else ())

    st.selectbox(
        t("overview.counties_pick", lang),
        ["", *counties],
        key=COUNTY_PICKER,
        on_change=picked,
        format_func=lambda county: county or nothing,
    )

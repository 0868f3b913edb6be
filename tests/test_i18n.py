"""Every visible string comes from the catalogue, in the language chosen; none leaks across."""

from __future__ import annotations

import re

import pytest

from dashboard.i18n import CATALOGUE, LANGUAGES

from .test_app import PAGES, open_page, serve_the_test_store  # noqa: F401 - fixture


def templates(lang: str) -> list[re.Pattern]:
    """Each catalogue string as a pattern: `{placeholder}` matches any filled-in value."""
    patterns = []
    for texts in CATALOGUE.values():
        escaped = re.escape(texts[lang])
        patterns.append(re.compile(re.sub(r"\\\{\w+\\\}", ".+?", escaped) + r"\Z", re.S))
    return patterns


def ui_strings(at, page: str) -> list[str]:
    """The strings a page draws itself (not data): titles, subheaders, captions, KPI and widget
    labels, buttons and messages."""
    found = [e.value for e in (*at.title, *at.subheader)]
    found += [m.label for m in at.metric]
    for kind in ("multiselect", "selectbox", "radio", "date_input", "button"):
        found += [w.label for w in getattr(at, kind)]
    found += [b.proto.label for b in at.get("download_button")]
    found += [e.value for e in (*at.info, *at.success)]
    if page != "cluster":  # the profile's captions are the cluster's own facts
        found += [c.value for c in at.caption]
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_draws_only_catalogue_strings(page, lang):
    at = open_page(page, {"lang": lang, "as_of": "2022-06-30"})
    patterns = templates(lang)
    strings = ui_strings(at, page)
    assert len(strings) >= 8
    strange = [s for s in strings if not any(p.match(s) for p in patterns)]
    assert strange == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_no_string_of_the_other_language_shows(page, lang):
    other = next(x for x in LANGUAGES if x != lang)
    foreign = {t[other] for t in CATALOGUE.values() if t[other] != t[lang] and len(t[other]) > 12}
    at = open_page(page, {"lang": lang, "as_of": "2022-06-30"})
    shown = ui_strings(at, page) + [m.value for m in at.markdown]
    assert [s for s in shown if s in foreign] == []


def test_the_language_switch_changes_the_page_and_the_url():
    at = open_page("funding")
    assert at.title[0].value == "Finansiering"
    at.radio(key="w_lang").set_value("en").run()
    assert at.title[0].value == "Funding"
    assert at.query_params["lang"] in ("en", ["en"])

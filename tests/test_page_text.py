"""What a funder reads on every page, in both languages, today and on a past date: no "None",
"nan" or "NaT" from a missing value, and no raw id (a table, extract, rule or code name such as
`programme_periods` or `until_next`) where words belong."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.web.navigation import PAGES

from .conftest import ROOT

SHOWN = [p.name for p in PAGES if not p.admin_only]
# Every page as it opens, and the compare page with a choice of clusters (without one it only
# says how to pick them): "page?param=value" opens the page with that link.
OPENED = [*SHOWN, "compare?compare=gce-node,gce-blue-maritime"]
MISSING = re.compile(r"\b(None|nan|NaN|NaT|<NA>)\b")
RAW_ID = re.compile(r"(?<![\w/.-])[a-z]+(?:_[a-z]+)+(?![\w/.-])")  # snake_case outside links
LINK = re.compile(r"https?://\S+|<[^>]+>|\]\([^)]*\)")
TEXT_ELEMENTS = (
    "title", "header", "subheader", "markdown", "caption", "info", "success", "warning",
    "error", "metric",
)  # fmt: skip


def _open(page: str, lang: str, as_of: str | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    page, _, link = page.partition("?")
    for param in filter(None, link.split("&")):
        at.query_params.update([param.split("=", 1)])
    at.query_params["lang"] = lang
    if as_of:
        at.query_params["as_of"] = as_of
    at.run()
    if page != SHOWN[0]:
        at.switch_page(f"pages/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _texts(at: AppTest) -> list[str]:
    """Every text element's words and every table cell a reader sees (links left out)."""
    texts = []
    for kind in TEXT_ELEMENTS:
        for element in at.get(kind):
            for value in (getattr(element, "value", None), getattr(element, "label", None)):
                if isinstance(value, str):
                    texts.append(LINK.sub(" ", value))
    for table in at.dataframe:
        frame = table.value.data if hasattr(table.value, "data") else table.value
        shown = frame.drop(columns=[c for c in frame.columns if c in ("source_url", "profile")])
        shown = shown.drop(columns=[c for c in shown.columns if c == "cluster_id"])
        for column in shown.columns:
            texts += [str(v) for v in shown[column] if isinstance(v, str) or pd.isna(v)]
    return texts


@pytest.mark.parametrize("as_of", [None, "2016-06-30"])
@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("page", OPENED)
def test_no_missing_value_or_raw_id_is_shown(page, lang, as_of):
    texts = _texts(_open(page, lang, as_of))
    missing = sorted({m for text in texts for m in MISSING.findall(text)})
    raw = sorted({m for text in texts for m in RAW_ID.findall(text)})
    assert not missing, f"{page} ({lang}, {as_of or 'today'}) shows {missing}"
    assert not raw, f"{page} ({lang}, {as_of or 'today'}) shows raw ids {raw}"


# Words only the other language uses: a Norwegian page with "the" or "from" in it, or an English
# one with "og" or "som", shows text written for the other reader (a note, a name of a thing).
FOREIGN = {
    "nb": {"the", "and", "of", "from", "with", "is", "was", "by", "year", "valid", "until"},
    "en": {"og", "ikke", "som", "med", "fra", "til", "er", "har", "ble", "klynge", "klyngen"},
}
QUOTED = re.compile(r"«[^»]*»|“[^”]*”")  # names quoted as their owners write them


def _names() -> list[str]:
    """Cluster names as written, in both languages and former names: proper names, not text."""
    with (ROOT / "data" / "clusters.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    found = {n for r in rows for n in (r["name"], r["name_en"], *r["former_names"].split(" | "))}
    return sorted((n for n in found if n), key=len, reverse=True)


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("page", OPENED)
def test_no_word_of_the_other_language_is_shown(page, lang):
    names = _names()
    found = set()
    for text in _texts(_open(page, lang, "2016-06-30")) + _texts(_open(page, lang, None)):
        text = QUOTED.sub(" ", text)
        for name in names:
            text = text.replace(name, " ")
        found |= {w for w in re.findall(r"[a-zæøå]+", text.lower()) if w in FOREIGN[lang]}
    assert not found, f"{page} ({lang}) shows {sorted(found)}"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_profile_shows_each_period_note_as_written_for_its_reader(lang):
    with (ROOT / "data" / "programme_periods.csv").open(encoding="utf-8", newline="") as f:
        periods = [
            r for r in csv.DictReader(f) if r["cluster_id"] == "norwegian-smart-care-cluster"
        ]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params.update({"lang": lang, "cluster": "norwegian-smart-care-cluster"})
    at.run()
    at.switch_page("pages/cluster.py")
    at.run()
    cells = set(_texts(at))
    assert {p[f"note_{lang}"] for p in periods} <= cells
    assert not {p["note"] for p in periods} & cells  # the evidence stays in the data and export

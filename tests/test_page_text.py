"""What a funder reads on every page, in both languages, today and on a past date: no "None",
"nan" or "NaT" from a missing value, and no raw id (a table, extract, rule or code name such as
`programme_periods` or `until_next`) where words belong."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.web.navigation import PAGES

from .conftest import ROOT

SHOWN = [p.name for p in PAGES if not p.admin_only]
MISSING = re.compile(r"\b(None|nan|NaN|NaT|<NA>)\b")
RAW_ID = re.compile(r"(?<![\w/.-])[a-z]+(?:_[a-z]+)+(?![\w/.-])")  # snake_case outside links
LINK = re.compile(r"https?://\S+|<[^>]+>|\]\([^)]*\)")
TEXT_ELEMENTS = (
    "title", "header", "subheader", "markdown", "caption", "info", "success", "warning",
    "error", "metric",
)  # fmt: skip


def _open(page: str, lang: str, as_of: str | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
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
    for table in at.get("arrow_data_frame"):
        frame = table.value.data if hasattr(table.value, "data") else table.value
        shown = frame.drop(columns=[c for c in frame.columns if c in ("source_url", "profile")])
        shown = shown.drop(columns=[c for c in shown.columns if c == "cluster_id"])
        for column in shown.columns:
            texts += [str(v) for v in shown[column] if isinstance(v, str) or pd.isna(v)]
    return texts


@pytest.mark.parametrize("as_of", [None, "2016-06-30"])
@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("page", SHOWN)
def test_no_missing_value_or_raw_id_is_shown(page, lang, as_of):
    texts = _texts(_open(page, lang, as_of))
    missing = sorted({m for text in texts for m in MISSING.findall(text)})
    raw = sorted({m for text in texts for m in RAW_ID.findall(text)})
    assert not missing, f"{page} ({lang}, {as_of or 'today'}) shows {missing}"
    assert not raw, f"{page} ({lang}, {as_of or 'today'}) shows raw ids {raw}"

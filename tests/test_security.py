"""Hostile input through every URL parameter: notices and working pages, never SQL, never damage."""

from __future__ import annotations

import hashlib

import pytest

from .test_app import PAGES, open_page, serve_the_test_store  # noqa: F401 - fixture

PARAMS = ("area", "level", "region", "label", "as_of", "cluster", "months", "lang")
INJECTIONS = (
    "'; DROP TABLE clusters; --",
    "havrommet' OR '1'='1",
    "<img src=x onerror=alert(1)>",
    "../../etc/passwd",
)


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("param", PARAMS)
def test_every_url_parameter_treats_input_as_data(param, value, store_path, con):
    before = hashlib.sha256(store_path.read_bytes()).hexdigest()
    clusters = con.execute("SELECT count(*) FROM clusters").fetchone()[0]
    for page in PAGES:
        at = open_page(page, {param: value})  # asserts: no exception on the page
        applies = param in ("area", "level", "region", "label", "as_of", "lang") or (
            (param, page) in {("cluster", "cluster"), ("months", "timeline")}
        )
        if applies:
            assert at.warning, f"{page} shows a notice for {param}"
            assert "Ignorerte" in at.warning[0].value
    assert hashlib.sha256(store_path.read_bytes()).hexdigest() == before
    assert con.execute("SELECT count(*) FROM clusters").fetchone()[0] == clusters

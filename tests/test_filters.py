"""The filter state round-trips through the URL; what a link cannot mean is dropped with a notice."""

from __future__ import annotations

import datetime as dt

from dashboard.filters import Filters, Notice, Vocabulary, shown

VOCAB = Vocabulary(areas=("havrommet", "helse-og-velferd"), regions=("Agder", "Oslo"))


def as_url(filters: Filters) -> dict[str, list[str]]:
    return {k: v if isinstance(v, list) else [v] for k, v in filters.to_params().items()}


def test_round_trip_through_url_params():
    filters = Filters(
        areas=("helse-og-velferd",),
        levels=("Arena Pro", "GCE"),
        regions=("Oslo",),
        labels=("Gold", "none"),
        as_of=dt.date(2019, 11, 8),
    )
    again, notices = Filters.from_params(as_url(filters), VOCAB)
    assert again == filters and notices == []


def test_defaults_make_an_empty_url():
    assert Filters().to_params() == {}
    assert Filters.from_params({}, VOCAB) == (Filters(), [])


def test_unknown_values_are_dropped_with_a_notice():
    params = {
        "area": ["havrommet", "<script>alert(1)</script>"],
        "level": ["Super"],
        "label": ["Gold"],
    }
    filters, notices = Filters.from_params(params, VOCAB)
    assert filters == Filters(areas=("havrommet",), labels=("Gold",))
    assert notices == [
        Notice("unknown", "area", "<script>alert(1)</script>"),
        Notice("unknown", "level", "Super"),
    ]


def test_bad_date_falls_back_to_today_with_a_notice():
    for bad in ("2024-13-01", "yesterday", "20240101", ""):
        filters, notices = Filters.from_params({"as_of": [bad]}, VOCAB)
        assert filters.as_of is None and filters.date == dt.date.today()
        assert notices == [Notice("bad_date", "as_of", bad)]


def test_repeated_values_are_kept_once():
    filters, _ = Filters.from_params({"area": ["havrommet", "havrommet"]}, VOCAB)
    assert filters.areas == ("havrommet",)


def test_shown_values_cannot_inject_markdown_or_html():
    assert shown("<script>") == "“\\<script\\>”"
    assert shown("[x](javascript:alert)") == "“\\[x\\]\\(javascript:alert\\)”"
    assert shown("a" * 100).endswith("…”") and len(shown("a" * 100)) == 42
    assert shown("bell\x07") == "“bell”"

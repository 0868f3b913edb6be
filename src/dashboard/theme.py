"""One colour scheme for every chart and table, read once from theme.toml (the reasoning behind
the palettes is there): colours and patterns keyed by the data's ids."""

from __future__ import annotations

import tomllib
from importlib.resources import files

_PALETTE = tomllib.loads(files(__package__).joinpath("theme.toml").read_text(encoding="utf-8"))

LABEL_COLOURS: dict[str, str] = _PALETTE["label_colours"]
LABEL_TEXT_COLOURS: dict[str, str] = _PALETTE["label_text_colours"]
LABEL_PATTERNS: dict[str, str] = _PALETTE["label_patterns"]
STATUS_COLOURS: dict[str, str] = _PALETTE["status_colours"]
STATUS_TEXT_COLOURS: dict[str, str] = _PALETTE["status_text_colours"]
LEVEL_COLOURS: dict[str, str] = _PALETTE["level_colours"]
FUNDER_COLOURS: dict[str, str] = _PALETTE["funder_colours"]
AREA_COLOURS: dict[str, str] = _PALETTE["area_colours"]
PROVENANCE_PATTERNS: dict[str, str] = _PALETTE["provenance_patterns"]
PUBLISHED_MARKER: str = _PALETTE["published_marker"]
CLUSTER_COLOURS: list[str] = _PALETTE["cluster_colours"]
FONT: str = _PALETTE["font"]
TEXT: str = _PALETTE["text"]
AXIS_TEXT: str = _PALETTE["axis_text"]
BACKGROUND: str = _PALETTE["background"]
COVERAGE_SCALE: list[str] = _PALETTE["coverage_scale"]
# The county map: each county's [column, row] on the tile grid, and its colours.
COUNTY_GRID: dict[str, tuple[int, int]] = {
    county: (column, row) for county, (column, row) in _PALETTE["county_grid"].items()
}
COUNTY_SCALE: list[str] = _PALETTE["county_map"]["scale"]
COUNTY_CHOSEN: str = _PALETTE["county_map"]["chosen"]

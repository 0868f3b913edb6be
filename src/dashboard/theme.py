"""One colour scheme for every chart and table, safe for colour-blind readers.

Labels differ in lightness as well as hue (Gold light, Silver mid, Bronze dark) and charts add a
pattern or text, so colour is never the only carrier of meaning. Other palettes are Okabe–Ito.
"""

from __future__ import annotations

LABEL_COLOURS = {"Gold": "#E8B500", "Silver": "#A3A8AD", "Bronze": "#8C5A2B", "none": "#E4E4E4"}
LABEL_PATTERNS = {"Gold": "", "Silver": ".", "Bronze": "/", "none": "x"}
STATUS_COLOURS = {
    "active": "#0072B2",
    "expiring": "#E69F00",
    "expired": "#D55E00",
    "none": "#BBBBBB",
    "valid": "#0072B2",
}
STATUS_TEXT_COLOURS = {
    "active": "#FFFFFF",
    "valid": "#FFFFFF",
    "expiring": "#000000",
    "expired": "#FFFFFF",
    "none": "#000000",
}
LEVEL_COLOURS = {
    "Arena": "#56B4E9",
    "Arena Pro": "#0072B2",
    "NCE": "#009E73",
    "GCE": "#CC79A7",
    "Mature": "#999999",
    "NIC Connect": "#E69F00",
    "NIC Impact": "#D55E00",
}
FUNDER_COLOURS = {
    "Klyngeprogrammet": "#0072B2",
    "Innovasjon Norge": "#56B4E9",
    "Siva": "#009E73",
    "Forskningsrådet": "#CC79A7",
    "County": "#E69F00",
    "Other": "#999999",
}
AREA_COLOURS = {
    "havrommet": "#0072B2",
    "ren-energi": "#009E73",
    "biookonomi": "#E69F00",
    "helse-og-velferd": "#CC79A7",
    "smarte-samfunn": "#56B4E9",
    "kreativ-naering-og-reiseliv": "#D55E00",
    "other": "#999999",
}
PROVENANCE_PATTERNS = {"published": "", "estimate": "/"}
PUBLISHED_MARKER = "#000000"  # published programme totals drawn over the register's bars
FONT = "Source Sans Pro, Arial, sans-serif"

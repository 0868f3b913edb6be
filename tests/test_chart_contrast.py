"""WCAG 2.1 AA contrast (1.4.3, 4.5:1) of the text the charts and tables draw.

axe-core (tests/e2e/test_accessibility.py) cannot judge the text inside plotly's SVG, nor the
cells the data grid paints on a canvas: this test checks the colours we give them. Every text
colour must be set in the figure itself (left unset, Streamlit's chart theme picks its own grey,
#808495, 3.8:1 on white), and contrast with what it is drawn on: the paper and plot, the bar it is
written in, every colour of a heatmap's scale, the hover box. The contrast is computed here from
the WCAG 2.1 definition of relative luminance, as this test's own oracle."""

from __future__ import annotations

import re

import pytest

from dashboard.web import widgets

AA = 4.5


# -- the oracle: WCAG 2.1 relative luminance and contrast ratio ---------------------------------


def rgb(colour: str) -> tuple[float, float, float]:
    """`#RGB`, `#RRGGBB` or `rgb(r, g, b)` as channels from 0 to 1."""
    text = colour.strip().lower()
    if match := re.fullmatch(r"rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*1(?:\.0*)?)?\)", text):
        return tuple(int(v) / 255 for v in match.groups())
    if re.fullmatch(r"#[0-9a-f]{3}", text):
        text = "#" + "".join(c * 2 for c in text[1:])
    if not re.fullmatch(r"#[0-9a-f]{6}", text):
        raise ValueError(f"not an opaque colour this test can read: {colour!r}")
    return tuple(int(text[i : i + 2], 16) / 255 for i in (1, 3, 5))


def luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(a: str, b: str, share: float) -> str:
    """The colour `share` of the way from `a` to `b`, as plotly interpolates a colour scale."""
    return "#" + "".join(
        f"{round(255 * (x + (y - x) * share)):02x}" for x, y in zip(rgb(a), rgb(b), strict=True)
    )


def test_the_oracle_agrees_with_known_ratios():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the AA grey
    assert contrast("#828180", "#ffffff") == pytest.approx(3.88, abs=0.01)  # the earlier audit
    assert contrast("#7f7e7d", "#f8f8f7") == pytest.approx(3.81, abs=0.01)


def test_every_coloured_table_cell_contrasts():
    """Label and status cells in the tables are painted in the theme's colours (the grid draws
    them on a canvas, out of axe's sight)."""
    assert widgets.CELL_STYLES
    failures = []
    for value, css in widgets.CELL_STYLES.items():
        style = dict(part.strip().split(": ") for part in css.split(";") if part.strip())
        ratio = contrast(style["color"], style["background-color"])
        if ratio < AA:
            failures.append(
                f"{value}: {style['color']} on {style['background-color']}: {ratio:.2f}"
            )
    assert not failures, "\n".join(failures)

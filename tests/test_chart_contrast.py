"""WCAG 2.1 AA contrast (1.4.3, 4.5:1) of the text the charts and tables draw.

axe-core (tests/e2e/test_accessibility.py) cannot judge the text inside plotly's SVG, nor the
cells the data grid paints on a canvas: this test checks the colours we give them. Every text
colour must be set in the figure itself (left unset, Streamlit's chart theme picks its own grey,
#808495, 3.7:1 on white), and contrast with what it is drawn on: the paper and plot, the bar it is
written in, every colour of a heatmap's scale, the hover box. The contrast is computed here from
the WCAG 2.1 definition of relative luminance, as this test's own oracle."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import plotly.graph_objects as go
import pytest

from dashboard import charts, queries
from dashboard.charts.common import empty_figure
from dashboard.filters import Filters
from dashboard.web import widgets

AA = 4.5
ON = dt.date(2022, 6, 30)
EARLY = dt.date(2016, 6, 30)


# -- the oracle: WCAG 2.1 relative luminance and contrast ratio ---------------------------------


def scale_at(stops, at: float) -> str:
    """The colour a plotly colour scale gives at `at` (0 to 1), as `rgb(r, g, b)`."""
    for (x0, c0), (x1, c1) in zip(stops, stops[1:], strict=False):
        if x0 <= at <= x1:
            share = 0 if x1 == x0 else (at - x0) / (x1 - x0)
            mixed = [a + (b - a) * share for a, b in zip(rgb(c0), rgb(c1), strict=True)]
            return "rgb(" + ", ".join(str(round(v * 255)) for v in mixed) + ")"
    return stops[-1][1]


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


# -- what a figure draws text on -----------------------------------------------------------------


def scale_colours(colorscale) -> list[str]:
    """Every colour of a continuous scale, sampled finely between its stops."""
    stops = [(float(at), colour) for at, colour in colorscale]
    found = []
    for (_, first), (_, last) in zip(stops, stops[1:], strict=False):
        found += [mix(first, last, i / 20) for i in range(21)]
    return found


def marker_colours(trace) -> list[str]:
    colour = trace.marker.color
    return list(colour) if isinstance(colour, list | tuple) else [colour]


def texts(fig: go.Figure) -> Iterator[tuple[str, str | None, list[str]]]:
    """Every text the figure draws: where, its colour (None: left to the chart theme) and the
    colours it is drawn on."""
    layout = fig.layout
    paper = [layout.paper_bgcolor, layout.plot_bgcolor]
    yield "font", layout.font.color, paper
    yield "title", layout.title.font.color, paper
    for name in [key for key in layout if re.fullmatch(r"[xy]axis\d*", key)]:
        axis = layout[name]
        yield f"{name} ticks", axis.tickfont.color, paper
        yield f"{name} title", axis.title.font.color, paper
    if layout.showlegend is not False:
        yield "legend", layout.legend.font.color, paper
        yield "legend title", layout.legend.title.font.color, paper
    for i, note in enumerate(layout.annotations):
        yield f"annotation {i} ({note.text})", note.font.color, paper
    yield "hover", layout.hoverlabel.font.color, [layout.hoverlabel.bgcolor]
    for trace in fig.data:
        name = f"{trace.type} {trace.name!r}"
        if trace.hoverlabel.font.color or trace.hoverlabel.bgcolor:
            yield f"{name} hover", trace.hoverlabel.font.color, [trace.hoverlabel.bgcolor]
        if trace.type == "heatmap":
            cells = scale_colours(trace.colorscale)
            if trace.text is not None or trace.texttemplate:
                yield f"{name} cells", trace.textfont.color, cells + paper
            yield f"{name} colour bar ticks", trace.colorbar.tickfont.color, paper
            yield f"{name} colour bar title", trace.colorbar.title.font.color, paper
        elif trace.type == "scatter" and isinstance(trace.textfont.color, tuple):
            # text on tiles coloured by a scale (the county map): each point's text against the
            # colour the scale gives its value, interpolated here between the scale's stops
            values, stops = list(trace.marker.color), trace.marker.colorscale
            low, high = trace.marker.cmin, trace.marker.cmax
            for value, colour in zip(values, trace.textfont.color, strict=True):
                at = 0 if high == low else (value - low) / (high - low)
                yield f"{name} tile text", colour, [scale_at(stops, at)]
        elif trace.text is not None or trace.texttemplate:
            position = getattr(trace, "textposition", None)
            outside = position == "outside" or trace.type == "scatter"
            inside = trace.type == "bar" and position in (None, "inside", "auto")
            if outside or position == "auto":
                font = getattr(trace, "outsidetextfont", None)
                colour = (font.color if font else None) or trace.textfont.color
                yield f"{name} text", colour, paper
            if inside:
                colour = trace.insidetextfont.color or trace.textfont.color
                yield f"{name} text in its bars", colour, marker_colours(trace)


# -- every chart builder, as the pages draw it ---------------------------------------------------


PAIR = ("gce-node", "gce-blue-maritime")  # the compare page's rows: the clusters' names
PAIR_NAMES = ("GCE NODE", "GCE Blue Maritime Cluster")


def figures(con) -> Iterator[tuple[str, go.Figure]]:
    areas = queries.opportunity_areas(con)
    for lang in ("nb", "en"):
        for day in (ON, EARLY):

            def get(name: str, cluster_id: str | None = None, day=day, **more) -> object:
                return queries.extract(con, name, Filters(as_of=day, **more), cluster_id)

            summary, members, awards = get("funding_summary"), get("members"), get("awards")
            cluster = "oslo-cancer-cluster"
            made = {
                "award_scores": charts.award_scores(awards, lang),
                "award_timeline": charts.award_timeline(awards, day, 6, lang, get("confirmations")),
                "coverage_heatmap": charts.coverage_heatmap(get("coverage"), lang),
                "funding_against_budget": charts.funding_against_budget(
                    get("funding_coverage"), lang
                ),
                "funding_area_shares": charts.funding_area_shares(summary, areas, lang),
                "funding_by funder": charts.funding_by(summary, "funder", lang),
                "funding_by level": charts.funding_by(summary, "level", lang),
                "funding_ranking": charts.funding_ranking(get("funding_top"), 2006, 2022, lang),
                "labels_by_area": charts.labels_by_area(get("label_counts"), areas, lang),
                "level_history": charts.level_history(get("periods", cluster), lang),
                "member_history": charts.member_history(get("results", cluster), lang),
                "members_by_cluster": charts.members_by_cluster(members, areas, lang),
                "peer_comparison": charts.peer_comparison(
                    get("members", levels=("Arena Pro",)), "norwegian-offshore-wind", lang
                ),
                "programme_by_level": charts.programme_by_level(
                    get("programme_by_year"), get("programme_coverage"), lang
                ),
                "programme_results companies": charts.programme_results(
                    get("programme_figures"), ("participating_companies", "member_companies"), lang
                ),
                "programme_results excess": charts.programme_results(
                    get("programme_figures"),
                    ("excess_value_creation_pp", "excess_sales_pp", "excess_employment_pp"),
                    lang,
                ),
                "compare_levels": charts.compare_levels(
                    get("periods", clusters=PAIR), PAIR_NAMES, day, lang
                ),
                "compare_members": charts.compare_members(
                    get("compare_members", clusters=PAIR), PAIR_NAMES, lang
                ),
                "compare_funding": charts.compare_funding(
                    get("compare_funding", clusters=PAIR), PAIR_NAMES, lang
                ),
                "county_map": charts.county_map(get("county_counts"), ("Hordaland",), lang),
                "empty_figure": empty_figure("–", lang),
            }
            for name, fig in made.items():
                yield f"{name} [{lang}, {day}]", fig


def test_every_chart_builder_is_checked(con):
    builders = {name for name in charts.__all__ if callable(getattr(charts, name))}
    checked = {name.split(" ")[0] for name, _ in figures(con)}
    assert builders <= checked


def test_every_chart_text_is_coloured_and_contrasts(con):
    failures = []
    for name, fig in figures(con):
        for where, colour, backgrounds in texts(fig):
            if colour is None:
                failures.append(f"{name}: {where}: no colour set (the chart theme's grey)")
                continue
            if None in backgrounds:
                failures.append(f"{name}: {where}: drawn on a background the figure leaves unset")
                continue
            worst = min(backgrounds, key=lambda bg, colour=colour: contrast(colour, bg))
            ratio = contrast(colour, worst)
            if ratio < AA:
                failures.append(f"{name}: {where}: {colour} on {worst} is {ratio:.2f}:1")
    assert not failures, "\n".join(dict.fromkeys(failures))


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

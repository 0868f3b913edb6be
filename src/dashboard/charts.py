"""Chart builders: pure functions from an extract's DataFrame to a plotly Figure.

They share one look (theme.py), put units in axis titles, say things in the domain's words in hover
texts, and mark what is not a published figure with a pattern, so colour is never the only signal.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio

from . import theme
from .contract import LABELS, LEVELS
from .i18n import number as number_text
from .i18n import t

LABEL_ORDER = list(LABELS[::-1])
TIMELINE_CLUSTERS = 60
# Streamlit's chart theme styles every figure in the browser; building plotly's own default
# template into each figure only costs time (about a third of a page rerun).
pio.templates.default = "none"


def _style(
    fig: go.Figure,
    lang: str,
    title: str,
    x_title: str,
    y_title: str,
    legend: str = "",
    top_legend: bool = False,
) -> go.Figure:
    """The shared look; legends go below the plot, or above it for tall charts."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        font={"family": theme.FONT, "size": 13},
        margin={"l": 10, "r": 10, "t": 100 if top_legend else 50, "b": 10},
        legend={
            "orientation": "h",
            "yanchor": "bottom" if top_legend else "top",
            "y": 1.02 if top_legend else -0.22,
            "x": 0,
            "title": {"text": legend, "side": "left"},
        },
        hoverlabel={"namelength": -1},
        separators=", " if lang == "nb" else ".,",
    )
    fig.update_xaxes(title_text=x_title)
    fig.update_yaxes(title_text=y_title)
    # Patterns draw over the bar's colour; without a template plotly would replace the colour.
    fig.update_traces(marker_pattern_fillmode="overlay", selector={"type": "bar"})
    return fig


def _nok_hover(axis: str, lang: str) -> str:
    """A hover amount in kroner: nb `1 234 567 kr`, en `NOK 1,234,567`."""
    amount = "%{" + axis + ":,.0f}"
    return f"{amount} kr" if lang == "nb" else f"NOK {amount}"


def _translated(values: pd.Series, prefix: str, lang: str) -> pd.Series:
    return values.map(lambda v: t(f"{prefix}.{v}", lang))


def _level_names(values: pd.Series, lang: str) -> pd.Series:
    """Levels in the reader's language (Mature is "Moden klynge" in Norwegian); a value that is
    no level (a year without one) is kept as it is."""
    return values.map(lambda v: t(f"level.{v}", lang) if v in LEVELS else v)


def _level_order(lang: str) -> list[str]:
    return [t(f"level.{level}", lang) for level in LEVELS]


def _areas(areas: pd.DataFrame, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Opportunity-area names in the reader's language by id, and the shared colour by name."""
    names = dict(zip(areas["area_id"], areas[f"name_{lang}"], strict=True))
    return names, {names[k]: v for k, v in theme.AREA_COLOURS.items() if k in names}


def _colour_map(colours: dict[str, str], prefix: str, lang: str) -> dict[str, str]:
    return {t(f"{prefix}.{key}", lang): colour for key, colour in colours.items()}


def _stacked_bars(
    frame: pd.DataFrame,
    category: str,
    value: str,
    colour: str,
    colours: dict[str, str],
    pattern: str,
    patterns: dict[str, str],
    hover: str,
    horizontal: bool = False,
    pattern_legend: bool = True,
) -> go.Figure:
    """Bars stacked by `colour`, each part patterned by `pattern`; the legend lists colours and
    patterns once each, so it stays short however many combinations there are."""
    fig = go.Figure()
    shown: set[str] = set()
    for (name, kind), part in frame.groupby([colour, pattern], sort=False):
        axes = (
            {"y": part[category], "x": part[value]}
            if horizontal
            else {"x": part[category], "y": part[value]}
        )
        fig.add_trace(
            go.Bar(
                **axes,
                name=name,
                legendgroup=name,
                showlegend=name not in shown,
                orientation="h" if horizontal else "v",
                marker={
                    "color": colours.get(name, "#999999"),
                    "pattern": {
                        "shape": patterns.get(kind, ""),
                        "fgcolor": "#FFFFFF",
                        "solidity": 0.35,
                    },
                },
                customdata=part[[colour, pattern]].to_numpy(),
                hovertemplate=hover,
            )
        )
        shown.add(name)
    present = [kind for kind in patterns if kind in set(frame[pattern])]
    if pattern_legend and any(patterns[kind] for kind in present):
        for kind in present:
            fig.add_trace(
                go.Bar(
                    x=[None],
                    y=[None],
                    name=kind,
                    legendgroup="pattern",
                    marker={
                        "color": "#FFFFFF",
                        "line": {"color": "#555555", "width": 1},
                        "pattern": {"shape": patterns[kind], "fgcolor": "#555555"},
                    },
                    hoverinfo="skip",
                )
            )
    fig.update_layout(barmode="stack")
    return fig


def _integer_axis(fig: go.Figure, top: float, axis: str = "y") -> None:
    """Counts of clusters: whole-number ticks only."""
    step = max(1, int(top // 6) or 1)
    (fig.update_yaxes if axis == "y" else fig.update_xaxes)(dtick=step, rangemode="tozero")


def _empty(title: str, lang: str) -> go.Figure:
    return _style(go.Figure(), lang, title, "", "")


def programme_by_level(counts: pd.DataFrame, published: pd.DataFrame, lang: str) -> go.Figure:
    """Clusters in the register per year, stacked by the level each held that year
    (`programme_by_year`), with the programme's published totals (`programme_coverage`) as
    markers, so a missing intake shows as a gap between the two, never as a collapse."""
    title = t("overview.levels_chart", lang)
    if counts.empty:
        return _empty(title, lang)
    counts = counts.assign(level_name=_level_names(counts["level"], lang))
    fig = px.bar(
        counts,
        x="year",
        y="clusters",
        color="level_name",
        category_orders={"level_name": _level_order(lang)},
        color_discrete_map=_colour_map(theme.LEVEL_COLOURS, "level", lang),
        custom_data=["level_name"],
    )
    fig.update_traces(
        hovertemplate="%{x}: %{y} "
        + t("axis.clusters", lang).lower()
        + " (%{customdata[0]})<extra></extra>"
    )
    totals = published[published["measure"] == "clusters_total"]
    if not totals.empty:
        fig.add_trace(
            go.Scatter(
                x=totals["reference_date"].map(lambda d: d.year),
                y=totals["published"],
                mode="markers",
                marker={"symbol": "diamond", "size": 11, "color": theme.PUBLISHED_MARKER},
                name=t("overview.published_total", lang),
                customdata=totals[["reference_date"]].astype(str).to_numpy(),
                hovertemplate="%{customdata[0]}: %{y} "
                + t("axis.clusters", lang).lower()
                + "<extra>"
                + t("overview.published_total", lang)
                + "</extra>",
            )
        )
    top = max(counts.groupby("year")["clusters"].sum().max(), totals["published"].max() or 0)
    _integer_axis(fig, top)
    fig.update_xaxes(dtick=2, tickformat="d")
    return _style(
        fig, lang, title, t("axis.year", lang), t("axis.clusters", lang), t("legend.level", lang)
    )


def labels_by_area(counts: pd.DataFrame, areas: pd.DataFrame, lang: str) -> go.Figure:
    """Active labels per opportunity area (`label_counts`), stacked Gold/Silver/Bronze with
    patterns."""
    title = t("labels.distribution", lang)
    if counts.empty:
        return _empty(title, lang)
    names, _ = _areas(areas, lang)
    counts = counts.copy()
    counts["area"] = counts["area_id"].map(names)
    counts["label_name"] = _translated(counts["label"], "label", lang)
    fig = px.bar(
        counts,
        x="area",
        y="clusters",
        color="label_name",
        pattern_shape="label_name",
        category_orders={"label_name": [t(f"label.{x}", lang) for x in LABEL_ORDER]},
        color_discrete_map=_colour_map(theme.LABEL_COLOURS, "label", lang),
        pattern_shape_map={t(f"label.{k}", lang): v for k, v in theme.LABEL_PATTERNS.items()},
        custom_data=["label_name"],
    )
    fig.update_traces(hovertemplate="%{x}: %{y} × %{customdata[0]}<extra></extra>")
    _integer_axis(fig, counts.groupby("area")["clusters"].sum().max())
    return _style(
        fig, lang, title, t("legend.area", lang), t("axis.clusters", lang), t("legend.label", lang)
    )


def award_scores(awards: pd.DataFrame, lang: str) -> go.Figure:
    """Every award with a published score, by date; labels by colour and marker shape."""
    title = t("labels.history", lang)
    scored = awards[awards["score_pct"].notna()].copy()
    if scored.empty:
        return _empty(title, lang)
    scored["label_name"] = _translated(scored["label"], "label", lang)
    fig = px.scatter(
        scored,
        x="awarded_on",
        y="score_pct",
        color="label_name",
        symbol="label_name",
        color_discrete_map=_colour_map(theme.LABEL_COLOURS, "label", lang),
        custom_data=["cluster", "label_name"],
    )
    fig.update_traces(
        marker={"size": 12, "line": {"width": 1, "color": "#333"}},
        hovertemplate="%{customdata[0]}<br>%{customdata[1]}, %{x|%Y-%m-%d}: %{y:.0f} %<extra></extra>",
    )
    fig.update_yaxes(range=[75, 101])
    return _style(
        fig, lang, title, t("axis.date", lang), t("axis.score", lang), t("legend.label", lang)
    )


def award_timeline(
    awards: pd.DataFrame,
    as_of: dt.date,
    months: int,
    lang: str,
    confirmations: pd.DataFrame | None = None,
) -> go.Figure:
    """Gantt of every award's validity window, a line at the as-of date, the horizon shaded;
    at most TIMELINE_CLUSTERS clusters (those whose labels run latest) to stay readable.
    Published confirmations (`confirmations`) are drawn as a black line through the span they
    cover, so a gap that a statement closes does not look like a lapse."""
    title = t("timeline.title", lang)
    if awards.empty:
        return _empty(title, lang)
    latest = awards.groupby("cluster")["valid_until"].max().sort_values(ascending=False)
    latest = latest.iloc[:TIMELINE_CLUSTERS]
    frame = awards[awards["cluster"].isin(latest.index)].copy()
    frame["label_name"] = _translated(frame["label"], "label", lang)
    frame["state_name"] = _translated(frame["state"], "status", lang)
    frame["valid_to"] = pd.to_datetime(frame["valid_until"]) + pd.Timedelta(days=1)
    fig = px.timeline(
        frame,
        x_start="awarded_on",
        x_end="valid_to",
        y="cluster",
        color="label_name",
        pattern_shape="label_name",
        color_discrete_map=_colour_map(theme.LABEL_COLOURS, "label", lang),
        pattern_shape_map={t(f"label.{k}", lang): v for k, v in theme.LABEL_PATTERNS.items()},
        category_orders={
            "label_name": [t(f"label.{x}", lang) for x in LABEL_ORDER],
            "cluster": list(latest.index),
        },
        custom_data=["label_name", "awarded_on", "valid_until", "state_name"],
    )
    fig.update_traces(
        marker_line={"width": 0.5, "color": "#333"},
        hovertemplate="<b>%{y}</b><br>%{customdata[0]}: %{customdata[1]|%Y-%m-%d} – "
        "%{customdata[2]|%Y-%m-%d}<br>%{customdata[3]}<extra></extra>",
    )
    shown = (
        confirmations[confirmations["cluster"].isin(latest.index)]
        if confirmations is not None
        else []
    )
    for index, c in enumerate(shown.itertuples() if len(shown) else ()):
        first = c.held_from if pd.notna(c.held_from) else c.held_on
        fig.add_trace(
            go.Scatter(
                x=[first, c.held_on],
                y=[c.cluster, c.cluster],
                mode="lines+markers",
                line={"color": "#000000", "width": 2},
                marker={"symbol": "line-ns", "size": 10, "line": {"width": 2}},
                name=t("timeline.confirmed", lang),
                legendgroup="confirmed",
                showlegend=index == 0,
                hovertemplate="<b>%{y}</b><br>"
                + t("timeline.confirmed", lang)
                + ": %{x|%Y-%m-%d}<extra></extra>",
            )
        )
    start = pd.Timestamp(as_of)
    end = start + pd.DateOffset(months=months)
    fig.add_vrect(x0=start, x1=end, fillcolor="#E69F00", opacity=0.15, line_width=0)
    fig.add_shape(
        type="line",
        x0=start,
        x1=start,
        y0=0,
        y1=1,
        yref="paper",
        line={"color": "#000", "width": 2, "dash": "dash"},
    )
    for x, key, side in ((start, "timeline.today", "right"), (end, "timeline.horizon", "left")):
        fig.add_annotation(
            x=x,
            y=1,
            yref="paper",
            text=t(key, lang),
            showarrow=False,
            xanchor=side,
            yanchor="bottom",
        )
    fig.update_layout(height=max(260, 26 * frame["cluster"].nunique() + 180))
    return _style(
        fig, lang, title, t("axis.date", lang), "", t("legend.label", lang), top_legend=True
    )


def _provenance_patterns(lang: str) -> dict[str, str]:
    return {t(f"provenance.{k}", lang): v for k, v in theme.PROVENANCE_PATTERNS.items()}


def funding_by(funding: pd.DataFrame, dimension: str, lang: str) -> go.Figure:
    """Funding per year stacked by funder or level; estimates patterned."""
    title = t(f"funding.by_{dimension}", lang)
    if funding.empty:
        return _empty(title, lang)
    frame = funding.copy()
    frame[dimension] = frame[dimension].fillna("Other" if dimension == "funder" else "—")
    sums = frame.groupby(["year", dimension, "provenance"], as_index=False)["amount_nok"].sum()
    sums["provenance_name"] = _translated(sums["provenance"], "provenance", lang)
    if dimension == "funder":
        order = {f: i for i, f in enumerate(theme.FUNDER_COLOURS)}
        sums["shown"] = _translated(sums["funder"], "funder", lang)
        colours = _colour_map(theme.FUNDER_COLOURS, "funder", lang)
    else:
        order = {level: i for i, level in enumerate(LEVELS)}
        sums["shown"] = _level_names(sums["level"], lang)
        colours = _colour_map(theme.LEVEL_COLOURS, "level", lang)
    sums = sums.sort_values(
        [dimension, "year"], key=lambda c: c.map(order) if c.name == dimension else c
    )
    fig = _stacked_bars(
        sums,
        "year",
        "amount_nok",
        "shown",
        colours,
        "provenance_name",
        _provenance_patterns(lang),
        "%{x} · %{customdata[0]}<br>"
        + _nok_hover("y", lang)
        + " (%{customdata[1]})<extra></extra>",
    )
    legend = t("legend.funder" if dimension == "funder" else "legend.level", lang)
    return _style(fig, lang, title, t("axis.year", lang), t("axis.nok", lang), legend)


def funding_area_shares(funding: pd.DataFrame, areas: pd.DataFrame, lang: str) -> go.Figure:
    """Each opportunity area's share of the year's funding (100 % stacked)."""
    title = t("funding.by_area", lang)
    if funding.empty:
        return _empty(title, lang)
    names, area_colours = _areas(areas, lang)
    sums = funding.groupby(["year", "area_id"], as_index=False)["amount_nok"].sum()
    sums["share"] = 100 * sums["amount_nok"] / sums.groupby("year")["amount_nok"].transform("sum")
    sums["area"] = sums["area_id"].map(names)
    fig = px.bar(
        sums,
        x="year",
        y="share",
        color="area",
        color_discrete_map=area_colours,
        custom_data=["area", "amount_nok"],
    )
    fig.update_traces(
        hovertemplate="%{x} · %{customdata[0]}<br>%{y:.1f} % ("
        + _nok_hover("customdata[1]", lang)
        + ")<extra></extra>"
    )
    fig.update_yaxes(range=[0, 100])
    return _style(
        fig, lang, title, t("axis.year", lang), t("axis.share", lang), t("legend.area", lang)
    )


def funding_ranking(top: pd.DataFrame, first: int, last: int, lang: str) -> go.Figure:
    """The clusters with the most funding over the years shown (`funding_top`), bars split by
    provenance."""
    title = t("funding.ranking", lang, first=first, last=last)
    if top.empty:
        return _empty(title, lang)
    totals = top.groupby("cluster", sort=False)["amount_nok"].sum().sort_values(ascending=False)
    sums = top.groupby(["cluster", "provenance"], as_index=False)["amount_nok"].sum()
    sums["provenance_name"] = _translated(sums["provenance"], "provenance", lang)
    sums["pattern"] = sums["provenance_name"]
    sums["rank"] = sums["cluster"].map({c: i for i, c in enumerate(totals.index)})
    sums = sums.sort_values("rank")
    colours = {
        t(f"provenance.{k}", lang): c
        for k, c in {
            "published": "#0072B2",
            "estimate": "#56B4E9",
        }.items()
    }
    fig = _stacked_bars(
        sums,
        "cluster",
        "amount_nok",
        "provenance_name",
        colours,
        "pattern",
        _provenance_patterns(lang),
        "%{y}<br>" + _nok_hover("x", lang) + " (%{customdata[0]})<extra></extra>",
        horizontal=True,
        pattern_legend=False,
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(380, 24 * len(totals) + 160), showlegend=True)
    return _style(fig, lang, title, t("axis.nok", lang), "", t("legend.provenance", lang))


def members_by_cluster(members: pd.DataFrame, areas: pd.DataFrame, lang: str) -> go.Figure:
    """Each cluster's latest published member count as of the date (`members`), coloured by
    opportunity area; the year of the count is in the bar's label, since counts carry forward."""
    title = t("results.members_chart", lang)
    if members.empty:
        return _empty(title, lang)
    names, area_colours = _areas(areas, lang)
    frame = members.sort_values("value", ascending=False).head(40).copy()
    frame["area_name"] = frame["area_id"].map(names)
    frame["label"] = frame["year"].map(lambda y: f"({int(y)})")
    fig = px.bar(
        frame,
        x="value",
        y="cluster",
        color="area_name",
        orientation="h",
        text="label",
        color_discrete_map=area_colours,
        custom_data=["area_name", "year"],
    )
    fig.update_traces(
        textposition="outside",
        hovertemplate="%{y}<br>%{x:,.0f} ("
        + t("results.count_year", lang)
        + " %{customdata[1]})<extra>%{customdata[0]}</extra>",
    )
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=frame["cluster"])
    fig.update_xaxes(range=[0, float(frame["value"].max()) * 1.15])  # room for the year labels
    fig.update_layout(height=max(360, 24 * len(frame) + 180))
    return _style(fig, lang, title, t("axis.members", lang), "", t("legend.area", lang))


def programme_results(figures: pd.DataFrame, measures: tuple[str, ...], lang: str) -> go.Figure:
    """The programme's own published results per year (`programme_figures`): a marker for each
    year the record gives, nothing drawn for the years it is silent about."""
    title = t("results.programme_chart_" + measures[0], lang)
    frame = figures[figures["measure"].isin(measures)].copy()
    if frame.empty:
        return _empty(title, lang)
    frame["shown"] = _translated(frame["measure"], "measure", lang)
    fig = px.scatter(frame, x="year", y="value", color="shown", custom_data=["shown", "source_url"])
    fig.update_traces(
        marker={"size": 12},
        hovertemplate="%{x} · %{customdata[0]}: %{y:,}<extra></extra>",
    )
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(rangemode="tozero")
    unit = "axis.pp" if measures[0].startswith("excess") else "axis.companies"
    return _style(fig, lang, title, t("axis.year", lang), t(unit, lang), t("legend.measure", lang))


def peer_comparison(peers: pd.DataFrame, cluster_id: str, lang: str) -> go.Figure:
    """A cluster's latest published member count among the clusters at its level (`members`
    for that level), with the peers' median as a line."""
    if peers.empty:
        return _empty(t("results.peers_title", lang), lang)
    own = peers[peers["cluster_id"] == cluster_id]
    name = own["cluster"].iloc[0] if not own.empty else cluster_id
    frame = peers.sort_values("value", ascending=False).copy()
    frame["who"] = [
        t("results.this_cluster", lang) if c == cluster_id else t("results.peer", lang)
        for c in frame["cluster_id"]
    ]
    fig = px.bar(
        frame,
        x="value",
        y="cluster",
        color="who",
        orientation="h",
        color_discrete_map={
            t("results.this_cluster", lang): "#D55E00",
            t("results.peer", lang): "#56B4E9",
        },
        custom_data=["year"],
    )
    fig.update_traces(
        hovertemplate="%{y}: %{x:,.0f} (" + t("results.count_year", lang) + " %{customdata[0]})"
        "<extra></extra>"
    )
    others = frame.loc[frame["cluster_id"] != cluster_id, "value"]
    fig.add_vline(x=float(others.median()), line_dash="dash", line_color="#000000")
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=frame["cluster"])
    fig.update_layout(height=max(300, 24 * len(frame) + 160))
    title = t("results.peers", lang, cluster=name, median=number_text(others.median(), lang))
    return _style(fig, lang, title, t("axis.members", lang), "", "")


def member_history(results: pd.DataFrame, lang: str) -> go.Figure:
    """One cluster's published member counts: a marker per count, no line between them, since
    the record says nothing about the years in between."""
    title = t("cluster.members_history", lang)
    frame = results[results["indicator"] == "members"]
    if frame.empty:
        return _empty(title, lang)
    fig = px.scatter(frame, x="year", y="value", custom_data=["source_url"])
    fig.update_traces(
        marker={"size": 12, "color": "#0072B2"},
        hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
    )
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(rangemode="tozero")
    fig.update_layout(height=300)
    return _style(fig, lang, title, t("axis.year", lang), t("axis.members", lang))


def funding_against_budget(coverage: pd.DataFrame, lang: str) -> go.Figure:
    """The programme's published budget per year beside the money the register ties to
    clusters by published grants (`funding_coverage`): the gap is what the record lacks."""
    title = t("funding.coverage_chart", lang)
    if coverage.empty:
        return _empty(title, lang)
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=coverage["year"],
            y=coverage["budget_nok"],
            name=t("funding.budget", lang),
            marker={"color": "#BBBBBB"},
            hovertemplate="%{x}: " + _nok_hover("y", lang) + "<extra></extra>",
        )
    )
    fig.add_trace(
        go.Bar(
            x=coverage["year"],
            y=coverage["register_nok"],
            name=t("funding.register", lang),
            marker={"color": "#0072B2", "pattern": {"shape": "/", "fgcolor": "#FFFFFF"}},
            hovertemplate="%{x}: " + _nok_hover("y", lang) + "<extra></extra>",
        )
    )
    fig.update_layout(barmode="group")
    fig.update_xaxes(dtick=1, tickformat="d")
    return _style(fig, lang, title, t("axis.year", lang), t("axis.nok", lang))


def coverage_heatmap(coverage: pd.DataFrame, lang: str) -> go.Figure:
    """Per table and year, the share of the clusters in the programme that the record covers
    (`coverage`); each cell says published / estimate / unknown in words on hover and as text."""
    title = t("sources.coverage_chart", lang)
    if coverage.empty:
        return _empty(title, lang)
    frame = coverage[coverage["table_name"] != "programme_periods"].copy()
    frame["table"] = _translated(frame["table_name"], "coverage", lang)
    frame["share"] = 100 * (frame["published"] + frame["estimate"]) / frame["in_programme"]
    frame["counts"] = [
        t("sources.coverage_cell", lang, published=p, estimate=e, unknown=u)
        for p, e, u in zip(frame["published"], frame["estimate"], frame["unknown"], strict=True)
    ]
    grid = frame.pivot(index="table", columns="year", values="share")
    counts = frame.pivot(index="table", columns="year", values="counts")
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(),
            x=grid.columns,
            y=grid.index,
            customdata=counts.to_numpy(),
            text=grid.round().astype("Int64").astype(str).to_numpy(),
            texttemplate="%{text}",
            textfont={"size": 10},
            colorscale=[[0, "#FFFFFF"], [1, "#0072B2"]],
            zmin=0,
            zmax=100,
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": t("axis.covered", lang)}},
            hovertemplate="%{y} %{x}: %{z:.0f} % (%{customdata})<extra></extra>",
        )
    )
    fig.update_xaxes(dtick=2, tickformat="d")
    fig.update_layout(height=240)
    return _style(fig, lang, title, t("axis.year", lang), "")


def level_history(periods: pd.DataFrame, lang: str) -> go.Figure:
    """One cluster's programme periods as a timeline, coloured by level."""
    title = t("cluster.levels", lang)
    if periods.empty:
        return _empty(title, lang)
    frame = periods.copy()
    frame["until"] = pd.to_datetime(frame["end_date"]).fillna(pd.Timestamp(dt.date.today()))
    frame["until"] = frame["until"] + pd.Timedelta(days=1)
    frame["provenance_name"] = _translated(frame["provenance"], "provenance", lang)
    frame["level_name"] = _level_names(frame["level"], lang)
    fig = px.timeline(
        frame,
        x_start="start_date",
        x_end="until",
        y="level_name",
        color="level_name",
        color_discrete_map=_colour_map(theme.LEVEL_COLOURS, "level", lang),
        category_orders={"level_name": _level_order(lang)},
        custom_data=["start_date", "end_date", "provenance_name"],
    )
    fig.update_traces(
        hovertemplate="<b>%{y}</b><br>%{customdata[0]|%Y-%m-%d} – %{customdata[1]|%Y-%m-%d}"
        "<br>%{customdata[2]}<extra></extra>"
    )
    fig.update_layout(height=260, showlegend=False)
    return _style(fig, lang, title, t("axis.date", lang), "")

"""What a downloaded file says about itself: which extract, as of when, for which filters, how
current the data is and where it comes from.

A CSV carries only its rows; a workbook's About sheet and a calendar's name carry this too, so a
file forwarded by e-mail still says what it is. One function writes the content (`about`), and
the CLI and the download buttons both call it with facts read through the store's lookups
(`store_facts`, which web.cache caches per store), so they say the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import duckdb
import pandas as pd

from . import queries
from .filters import DEFAULT_MONTHS, SELECTIONS, Filters, Selection
from .i18n import date as format_date
from .i18n import t

About = list[tuple[str, object]]  # (what, value) rows; a value is text, a date or a time


@dataclass(frozen=True)
class StoreFacts:
    """What a file says that its rows do not, from the store: the data's currency, when the
    store was last written, and the names the screen gives areas and clusters."""

    data_as_of: dt.date
    built_at: dt.datetime
    areas: Mapping[str, Mapping[str, str]]  # area_id -> language -> name
    clusters: Mapping[str, str]  # cluster_id -> the name the profile picker shows

    @classmethod
    def of(
        cls, meta: Mapping[str, str], areas: pd.DataFrame, clusters: Mapping[str, str]
    ) -> StoreFacts:
        """From the lookups queries.meta, queries.opportunity_areas and queries.cluster_names."""
        return cls(
            data_as_of=dt.date.fromisoformat(meta["data_as_of"]),
            built_at=dt.datetime.fromisoformat(meta["built_at"]),
            areas={
                row.area_id: {"nb": row.name_nb, "en": row.name_en}
                for row in areas.itertuples(index=False)
            },
            clusters=dict(clusters),
        )


def store_facts(con: duckdb.DuckDBPyConnection) -> StoreFacts:
    """The facts of the store `con` reads: the CLI calls it, pages through web.cache (once per
    store)."""
    return StoreFacts.of(
        queries.meta(con), queries.opportunity_areas(con), queries.cluster_names(con)
    )


def _value_name(selection: Selection, value: str, lang: str, facts: StoreFacts) -> str:
    """A filter value as the sidebar names it (regions by their county's own name)."""
    if selection.field == "areas":
        return facts.areas.get(value, {}).get(lang, value)
    if selection.field == "levels":
        return t(f"level.{value}", lang)
    if selection.field == "labels":
        return t(f"label.{value}", lang)
    return value


def _named(filters: Filters, lang: str, facts: StoreFacts) -> list[tuple[str, str]]:
    """Each filter's sidebar label with its chosen values named ("" where none is chosen)."""
    return [
        (
            t(f"filters.{s.param}", lang),
            ", ".join(_value_name(s, v, lang, facts) for v in filters.chosen(s)),
        )
        for s in SELECTIONS
    ]


def filter_names(filters: Filters, lang: str, facts: StoreFacts) -> list[tuple[str, str]]:
    """Every filter as the sidebar labels it, with its values named ("All" where none)."""
    return [
        (label, names or t("filters.all", lang)) for label, names in _named(filters, lang, facts)
    ]


def title(
    name: str,
    filters: Filters,
    lang: str,
    facts: StoreFacts,
    cluster_id: str | None = None,
    months: int = DEFAULT_MONTHS,
) -> str:
    """A one-line name for what a file holds (a calendar's name): the extract, its date, the
    horizon, the cluster and the filters that select anything."""
    parts = [
        t(f"extract.{name}", lang),
        t("common.as_of", lang, date=format_date(filters.date, lang)),
    ]
    if name == "renewals":
        parts.append(t("about.horizon_value", lang, months=months))
    if cluster_id is not None:
        parts.append(facts.clusters.get(cluster_id, cluster_id))
    parts += [f"{label}: {names}" for label, names in _named(filters, lang, facts) if names]
    return "Klyngemonitor – " + ", ".join(parts)


def sources(rows: pd.DataFrame) -> list[str]:
    """The distinct sources the rows cite (sorted), none when the extract has no source_url."""
    if "source_url" not in rows:
        return []
    return sorted({str(url) for url in rows["source_url"].dropna() if str(url).strip()})


def about(
    name: str,
    filters: Filters,
    lang: str,
    rows: pd.DataFrame,
    facts: StoreFacts,
    cluster_id: str | None = None,
    months: int = DEFAULT_MONTHS,
    generated: dt.datetime | None = None,
) -> About:
    """The About sheet of extract `name` in `lang`: what it is, the as-of date, every filter,
    the cluster and horizon where they apply, the data's currency, when the file was made (UTC),
    the provenance legend and the sources (those the rows cite, then the data set)."""
    made = (generated or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    made = made.replace(tzinfo=None, microsecond=0)  # Excel keeps no time zone
    lines: About = [
        (t("about.extract", lang), t(f"extract.{name}", lang)),
        (t("filters.as_of", lang), filters.date),
        *filter_names(filters, lang, facts),
    ]
    if cluster_id is not None:
        lines.append((t("about.cluster", lang), facts.clusters.get(cluster_id, cluster_id)))
    if name == "renewals":
        lines.append((t("about.horizon", lang), t("about.horizon_value", lang, months=months)))
    lines += [
        (t("about.currency", lang), facts.data_as_of),
        (t("about.generated", lang), made),
        (t("about.provenance", lang), t("about.published", lang)),
        ("", t("about.estimate", lang, page=t("page.sources", lang))),
        ("", t("about.unknown", lang)),
    ]
    cited = sources(rows)
    if "source_url" in rows:
        lines.append((t("about.sources", lang), cited[0] if cited else t("about.no_sources", lang)))
        lines += [("", url) for url in cited[1:]]
    lines.append(
        (t("about.dataset", lang), t("about.dataset_text", lang, page=t("page.sources", lang)))
    )
    return lines

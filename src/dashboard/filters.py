"""The filter state every page shares, and its one codec: URL <-> `Filters` <-> widgets <-> CLI.

A URL reproduces what is on the screen, so a funder can share it. Values a URL brings that the
store does not know (a typo, an old id, a tampered link) are dropped with a notice, never a crash.
Only this module knows the parameter names, the widget keys and the command-line flags.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from .contract import LABELS, LEVELS

NO_LABEL = "none"
LABEL_CHOICES = (*LABELS[::-1], NO_LABEL)
MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!<>|~$&")
# The dates a page can be shown as of: the programme's first year to a decade ahead.
FIRST_DAY, LAST_DAY = dt.date(2002, 1, 1), dt.date(2035, 12, 31)


@dataclass(frozen=True)
class Selection:
    """One multi-valued filter: the `Filters` field, its URL parameter (also the CLI flag) and
    the key of its sidebar widget."""

    field: str
    param: str
    widget: str
    help: str


SELECTIONS = (
    Selection("areas", "area", "w_area", "opportunity area id"),
    Selection("levels", "level", "w_level", "level"),
    Selection("regions", "region", "w_region", "county"),
    Selection("labels", "label", "w_label", "label held, or none"),
)
AS_OF_PARAM, AS_OF_WIDGET = "as_of", "w_as_of"
DEFAULT_MONTHS = 6  # how far ahead the renewals extract looks unless told otherwise
RENEWAL_MONTHS = range(1, 121)  # the horizons it can look: a month to ten years (a GCE period)
URL_PARAMS = (*(s.param for s in SELECTIONS), AS_OF_PARAM)
# The clusters the compare page sets side by side: a page's choice, not a sidebar filter, kept in
# its own parameter (`?compare=gce-node,nce-media`, also the CLI flag `--compare`).
COMPARE_PARAM = "compare"
COMPARE_LEAST, COMPARE_MOST = 2, 6


@dataclass(frozen=True)
class Notice:
    """A value a link brought that was dropped or changed: `kind` is `unknown`, `unknown_county`
    (a region that was never a county), `bad_date`, `clamped` (a date outside the range a page
    can show, moved to its nearest end) or `too_many` (a value beyond the most a choice takes)."""

    kind: str
    param: str
    value: str


@dataclass(frozen=True)
class CountyTerm:
    """A county and the dates it was one (`until` None: it is one today), from counties.csv."""

    county: str
    since: dt.date
    until: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class Vocabulary:
    """The values a filter may take, read from the store. A region is any county of any date
    (`terms` says when each was one): the counties of the page's date are offered, and an old
    county's name in a link to an old date is valid."""

    areas: tuple[str, ...]
    regions: tuple[str, ...]
    levels: tuple[str, ...] = LEVELS
    labels: tuple[str, ...] = LABEL_CHOICES
    clusters: tuple[str, ...] = ()
    terms: tuple[CountyTerm, ...] = ()

    def regions_on(self, day: dt.date) -> tuple[str, ...]:
        """The counties in force on `day`, by name (all regions when no terms are known)."""
        if not self.terms:
            return self.regions
        return tuple(sorted({term.county for term in self.terms if term.covers(day)}))

    def known(self, selection: Selection) -> tuple[str, ...]:
        """The values `selection` may take."""
        return {
            "areas": self.areas,
            "regions": self.regions,
            "levels": self.levels,
            "labels": self.labels,
        }[selection.field]


@dataclass(frozen=True)
class Filters:
    """What the funder is looking at: empty tuples mean "all"; as_of None means today.

    `clusters` (the compare page's choice, in its order) is set by that page and the CLI's
    `--compare`, never by the sidebar: the sidebar's URL and widgets leave it out."""

    areas: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    as_of: dt.date | None = field(default=None)
    clusters: tuple[str, ...] = ()

    @property
    def programme_wide(self) -> Filters:
        """The same date without the selection: for the programme's own published figures,
        which are not split by area, level, region or label."""
        return Filters(as_of=self.as_of)

    @property
    def selects(self) -> bool:
        """Whether the filters select part of the programme (anything beyond the date)."""
        return self != self.programme_wide

    @property
    def date(self) -> dt.date:
        """The date every page is shown as of."""
        return self.as_of or dt.date.today()

    def chosen(self, selection: Selection) -> tuple[str, ...]:
        """The values chosen for `selection` (empty: all)."""
        return {
            "areas": self.areas,
            "levels": self.levels,
            "regions": self.regions,
            "labels": self.labels,
        }[selection.field]

    def to_params(self) -> dict[str, list[str] | str]:
        """URL query parameters for this state; defaults are left out to keep links short."""
        params: dict[str, list[str] | str] = {
            s.param: list(self.chosen(s)) for s in SELECTIONS if self.chosen(s)
        }
        if self.as_of is not None:
            params[AS_OF_PARAM] = self.as_of.isoformat()
        return params

    @classmethod
    def from_params(
        cls, params: Mapping[str, Sequence[str]], vocabulary: Vocabulary
    ) -> tuple[Filters, list[Notice]]:
        """Read the state from URL parameters; returns it with a notice per value dropped."""
        notices: list[Notice] = []
        chosen: dict[str, tuple[str, ...]] = {}
        for selection in SELECTIONS:
            known = vocabulary.known(selection)
            kept: list[str] = []
            unknown = "unknown_county" if selection.field == "regions" else "unknown"
            for value in params.get(selection.param, ()):
                if value not in known:
                    notices.append(Notice(unknown, selection.param, value))
                elif value not in kept:
                    kept.append(value)
            chosen[selection.field] = tuple(kept)
        as_of = None
        for value in params.get(AS_OF_PARAM, ())[:1]:
            as_of, notice = _parse_date(value)
            notices += [notice] if notice else []
        return cls(as_of=as_of, **chosen), notices

    def to_widgets(self) -> dict[str, object]:
        """The sidebar widgets' state that shows these filters."""
        state: dict[str, object] = {s.widget: list(self.chosen(s)) for s in SELECTIONS}
        state[AS_OF_WIDGET] = self.date
        return state

    @classmethod
    def from_widgets(cls, state: Mapping[str, object]) -> Filters:
        """The filters the sidebar widgets show (today's date is kept as "today")."""
        as_of = state[AS_OF_WIDGET]
        return cls(
            as_of=None if as_of == dt.date.today() else as_of,  # type: ignore[arg-type]
            **{s.field: tuple(state[s.widget]) for s in SELECTIONS},  # type: ignore[arg-type]
        )

    def slug(self) -> str:
        """The chosen selections for a file name (`area-havrommet_level-NCE`, and the compared
        clusters: `compare-gce-node+nce-media`)."""
        parts = [f"{s.param}-" + "+".join(self.chosen(s)) for s in SELECTIONS if self.chosen(s)]
        if self.clusters:
            parts.append(f"{COMPARE_PARAM}-" + "+".join(self.clusters))
        return "_".join(parts)


def choices_from_param(
    param: str, value: str | None, known: Collection[str], most: int
) -> tuple[tuple[str, ...], list[Notice]]:
    """The values one comma-separated parameter (`?compare=a,b,c`) picks: known values once each,
    in the link's order, at most `most`; a notice per value dropped (unknown, or one too many)."""
    kept: list[str] = []
    notices: list[Notice] = []
    for raw in (value or "").split(","):
        item = raw.strip()
        if not item or item in kept:
            continue
        if item not in known:
            notices.append(Notice("unknown", param, item))
        elif len(kept) >= most:
            notices.append(Notice("too_many", param, item))
        else:
            kept.append(item)
    return tuple(kept), notices


def choices_to_param(values: Sequence[str]) -> str:
    """The values as one comma-separated parameter (the inverse of `choices_from_param`)."""
    return ",".join(values)


def _parse_date(value: str) -> tuple[dt.date | None, Notice | None]:
    try:
        day = dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        return None, Notice("bad_date", AS_OF_PARAM, value)
    if not FIRST_DAY <= day <= LAST_DAY:
        return min(max(day, FIRST_DAY), LAST_DAY), Notice("clamped", AS_OF_PARAM, value)
    return day, None


def from_arguments(args: argparse.Namespace, vocabulary: Vocabulary) -> tuple[Filters, list[str]]:
    """The filters the flags ask for, and a message per flag value the store does not know."""
    given = {s.param: vars(args)[s.field] for s in SELECTIONS}
    filters, notices = Filters.from_params(given, vocabulary)
    by_param = {s.param: s for s in SELECTIONS}
    errors = [
        f"--{n.param}: unknown value '{n.value}' "
        f"(known: {', '.join(vocabulary.known(by_param[n.param]))})"
        for n in notices
    ]
    clusters, dropped = choices_from_param(
        COMPARE_PARAM, vars(args).get("clusters"), vocabulary.clusters, COMPARE_MOST
    )
    errors += [
        f"--{n.param}: unknown cluster id '{n.value}'"
        if n.kind == "unknown"
        else f"--{n.param}: at most {COMPARE_MOST} clusters ('{n.value}' is one too many)"
        for n in dropped
    ]
    return replace(filters, as_of=args.as_of, clusters=clusters), errors


def shown(value: str, limit: int = 40) -> str:
    """A URL value made safe to show in Markdown: printable characters only, Markdown and HTML
    characters escaped, quoted and cut to `limit`."""
    clean = "".join(ch for ch in value if ch.isprintable())
    clean = clean if len(clean) <= limit else clean[: limit - 1] + "…"
    return "“" + "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in clean) + "”"


def file_stem(*parts: str) -> str:
    """Parts joined into a safe file name stem."""
    return re.sub(r"[^A-Za-z0-9+._-]+", "-", "_".join(p for p in parts if p))[:180]

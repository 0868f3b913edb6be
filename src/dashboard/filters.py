"""The filter state every page shares: one dataclass that round-trips through the URL.

A URL reproduces what is on the screen, so a funder can share it. Values a URL brings that the
store does not know (a typo, an old id, a tampered link) are dropped with a notice, never a crash.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .contract import LABELS, LEVELS

NO_LABEL = "none"
LABEL_CHOICES = (*LABELS[::-1], NO_LABEL)
MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!<>|~$&")
PARAM_OF = {"areas": "area", "levels": "level", "regions": "region", "labels": "label"}
# The dates a page can be shown as of: the programme's first year to a decade ahead.
FIRST_DAY, LAST_DAY = dt.date(2002, 1, 1), dt.date(2035, 12, 31)


@dataclass(frozen=True)
class Notice:
    """A value a link brought that was dropped or changed: `kind` is `unknown`, `bad_date` or
    `clamped` (a date outside the range a page can show, moved to its nearest end)."""

    kind: str
    param: str
    value: str


@dataclass(frozen=True)
class Vocabulary:
    """The values a filter may take, read from the store."""

    areas: tuple[str, ...]
    regions: tuple[str, ...]
    levels: tuple[str, ...] = LEVELS
    labels: tuple[str, ...] = LABEL_CHOICES


@dataclass(frozen=True)
class Filters:
    """What the funder is looking at: empty tuples mean "all"; as_of None means today."""

    areas: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    as_of: dt.date | None = field(default=None)

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

    def to_params(self) -> dict[str, list[str] | str]:
        """URL query parameters for this state; defaults are left out to keep links short."""
        params: dict[str, list[str] | str] = {}
        for name, param in PARAM_OF.items():
            values = getattr(self, name)
            if values:
                params[param] = list(values)
        if self.as_of is not None:
            params["as_of"] = self.as_of.isoformat()
        return params

    @classmethod
    def from_params(
        cls, params: Mapping[str, Sequence[str]], vocabulary: Vocabulary
    ) -> tuple[Filters, list[Notice]]:
        """Read the state from URL parameters; returns it with a notice per value dropped."""
        notices: list[Notice] = []
        chosen: dict[str, tuple[str, ...]] = {}
        for name, param in PARAM_OF.items():
            known = getattr(vocabulary, name)
            kept = []
            for value in params.get(param, ()):
                if value in known:
                    if value not in kept:
                        kept.append(value)
                else:
                    notices.append(Notice("unknown", param, value))
            chosen[name] = tuple(kept)
        as_of = None
        for value in params.get("as_of", ())[:1]:
            try:
                as_of = dt.date.fromisoformat(value) if len(value) == 10 else None
            except ValueError:
                as_of = None
            if as_of is None:
                notices.append(Notice("bad_date", "as_of", value))
            elif not FIRST_DAY <= as_of <= LAST_DAY:
                notices.append(Notice("clamped", "as_of", value))
                as_of = min(max(as_of, FIRST_DAY), LAST_DAY)
        return cls(as_of=as_of, **chosen), notices


def shown(value: str, limit: int = 40) -> str:
    """A URL value made safe to show in Markdown: printable characters only, Markdown and HTML
    characters escaped, quoted and cut to `limit`."""
    clean = "".join(ch for ch in value if ch.isprintable())
    clean = clean if len(clean) <= limit else clean[: limit - 1] + "…"
    return "“" + "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in clean) + "”"

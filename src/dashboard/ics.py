"""The renewal calendar (.ics, RFC 5545): the `renewals` extract as events a funder imports.

What it holds is what the extract's columns say, nothing more. Per row (a label that expires
within the horizon) there are two all-day events:

- `expiry` on valid_until, the label's last valid day ("<cluster>: <label> label expires");
- `renew-by` on renew_by, the last day the label can still be renewed after it expires (the
  extract's column, from the label_renewal_grace rule).

No alarm is added: no column says when a funder wants to be reminded. Each event's UID is
`<kind>-<cluster_id>-<label>-<awarded_on>@klyngemonitor`, the award's key in the data contract
plus the kind, so a calendar that imports a later export updates the event rather than adding a
second one, and a changed horizon or filter names the same award the same way.

DTSTAMP is the time the store was last written (meta.built_at), not the time of the download:
without a METHOD, RFC 5545 (3.8.7.2) defines it as when the information was last revised in the
calendar store, which is what the store's write time is. So the same store gives byte-identical
files, and every new build or import gives a newer stamp that tells a calendar to update.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from icalendar import Calendar, Event

from .about import StoreFacts, title
from .filters import DEFAULT_MONTHS, Filters
from .i18n import date as format_date
from .i18n import t

UID_DOMAIN = "klyngemonitor"
KINDS = ("expiry", "renew-by")


def _day(value: object) -> dt.date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def uid(kind: str, cluster_id: str, label: str, awarded_on: dt.date) -> str:
    """The event's stable identity: its kind and the award's key (cluster, label, award day)."""
    return f"{kind}-{cluster_id}-{label}-{awarded_on.isoformat()}@{UID_DOMAIN}"


def _description(row: pd.Series, lang: str) -> str:
    """What the event rests on, in the language: validity, basis, provenance and source."""
    label = t(f"label.{row['label']}", lang)
    valid_until, renew_by = _day(row["valid_until"]), _day(row["renew_by"])
    awarded = _day(row["awarded_on"])
    lines = [
        t(
            "ics.valid",
            lang,
            label=label,
            date=format_date(valid_until, lang),
            awarded=format_date(awarded, lang) if awarded else t("csv.unknown", lang),
        )
    ]
    basis, provenance = row["basis"], row["provenance"]
    if pd.notna(basis):
        lines.append(t("csv.basis", lang) + ": " + t(f"basis.{basis}", lang))
    if renew_by is not None:
        lines.append(t("ics.renewable", lang, renew=format_date(renew_by, lang)))
    if pd.notna(provenance):
        lines.append(t("csv.provenance", lang) + ": " + t(f"provenance.{provenance}", lang))
    if pd.notna(row["source_url"]):
        lines.append(f"{t('csv.source_url', lang)}: {row['source_url']}")
    return "\n".join(lines)


def _event(kind: str, day: dt.date, row: pd.Series, lang: str, stamp: dt.datetime) -> Event:
    label = t(f"label.{row['label']}", lang)
    awarded = _day(row["awarded_on"]) or _day(row["valid_until"])
    event = Event()
    event.add("uid", uid(kind, row["cluster_id"], row["label"], awarded))
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))  # all-day: the end is exclusive
    summary = t(
        "ics.expiry" if kind == "expiry" else "ics.renew_by",
        lang,
        cluster=row["cluster"],
        label=label,
    )
    event.add("summary", summary)
    event.add("description", _description(row, lang))
    if pd.notna(row["source_url"]):
        event.add("url", row["source_url"])
    event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: it blocks no time
    return event


def to_ics(
    rows: pd.DataFrame, lang: str, name: str, stamp: dt.datetime, currency: dt.date
) -> bytes:
    """The calendar of the renewals `rows` (the extract's own columns and codes) in `lang`,
    named `name`; `stamp` is every event's DTSTAMP, `currency` the data's facts-up-to date."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Klyngemonitor//Renewals//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    description = t(
        "ics.calendar", lang, date=format_date(currency, lang), page=t("page.sources", lang)
    )
    calendar.add("x-wr-caldesc", description)
    stamp = stamp.astimezone(dt.UTC)
    for _, row in rows.iterrows():
        for kind, column in zip(KINDS, ("valid_until", "renew_by"), strict=True):
            day = _day(row[column])
            if day is not None:
                calendar.add_component(_event(kind, day, row, lang, stamp))
    return calendar.to_ical()


def ics_bytes(
    frame: pd.DataFrame,
    filters: Filters,
    lang: str,
    facts: StoreFacts,
    cluster_id: str | None = None,
    months: int = DEFAULT_MONTHS,
) -> bytes:
    """The `renewals` extract's rows as the calendar a download or `export --format ics`
    writes, named after the extract, its date, horizon and filters."""
    name = title("renewals", filters, lang, facts, cluster_id, months)
    return to_ics(frame, lang, name, facts.built_at, facts.data_as_of)

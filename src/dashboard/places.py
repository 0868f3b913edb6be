"""The rules of a place's county over time (municipality_counties.csv), which no schema states:
each row lies within a term of its county (counties.csv), a place is in one county at a time,
and a cluster's region is the county its city is in today. The validator runs them with the
other rules between files."""

from __future__ import annotations

import datetime as dt

from .parse import ParsedTable, Problem, Row


def _shown_term(start: dt.date, end: dt.date | None) -> str:
    return f"{start} – {end or 'today'}"


def check_places(tables: dict[str, ParsedTable]) -> list[Problem]:
    """A place's county over time (municipality_counties.csv) is a county of the time: each row
    lies within a term of its county, one place is in one county at a time, and a cluster's
    region is the county its city is in today."""
    if "municipality_counties" not in tables or "counties" not in tables:
        return []
    if not tables["counties"].readable:
        return []
    terms: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
    for r in tables["counties"].rows:
        if r["county"] and r["valid_from"]:
            terms.setdefault(r["county"], []).append((r["valid_from"], r["valid_until"]))
    parsed = tables["municipality_counties"]
    problems: list[Problem] = []
    by_city: dict[str, list[tuple[Row, int]]] = {}
    for row, number in zip(parsed.rows, parsed.row_numbers, strict=True):
        county, start, end = row["county"], row["valid_from"], row["valid_until"]
        if not (row["city"] and county and start) or county not in terms:
            continue  # a missing cell or an unknown county has its own problem
        by_city.setdefault(row["city"], []).append((row, number))
        within = any(
            first <= start and (last is None or (end is not None and end <= last))
            for first, last in terms[county]
        )
        if not within:
            shown = ", ".join(_shown_term(*term) for term in sorted(terms[county], key=str))
            msg = (
                f"{county} was a county {shown}: the row's {_shown_term(start, end)} is not "
                "within a term of it (counties.csv)"
            )
            problems.append(Problem(parsed.file, number, "valid_from", msg))
    for rows in by_city.values():
        rows.sort(key=lambda r: r[0]["valid_from"])
        for (before, before_no), (after, after_no) in zip(rows, rows[1:], strict=False):
            if before["valid_until"] is None or after["valid_from"] <= before["valid_until"]:
                where = f"in row {before_no}" if before_no else "in the store"
                msg = (
                    f"{after['city']} is in {before['county']} until "
                    f"{before['valid_until'] or 'today'} {where}: a place is in one county at a time"
                )
                problems.append(Problem(parsed.file, after_no, "valid_from", msg))
    if "clusters" not in tables:
        return problems
    today = dt.date.today()
    now = {
        row["city"]: row["county"]
        for rows in by_city.values()
        for row, _ in rows
        if row["valid_from"] <= today
        and (row["valid_until"] is None or row["valid_until"] >= today)
    }
    clusters = tables["clusters"]
    for row, number in zip(clusters.rows, clusters.row_numbers, strict=True):
        city, region = row.get("city"), row.get("region")
        if city in now and region and region != now[city]:
            msg = (
                f"'{region}' is not the county of the cluster's city: {city} is in {now[city]} "
                "today (municipality_counties.csv)"
            )
            problems.append(Problem(clusters.file, number, "region", msg))
    return problems

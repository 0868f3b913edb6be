"""The rules across the fields of one contract row (the descriptor's `x-` properties): each
renders the store's CHECK (`sql`) and the validator's test (`breach`: the problem's column and
message, or None) from one declaration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Row = Mapping[str, Any]


def _sql_value(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _format(message: str, row: Row) -> str:
    return message.format_map({k: "" if v is None else v for k, v in row.items()})


@dataclass(frozen=True)
class Ordered:
    """x-ordered: `last` is not before `first` where both are given."""

    first: str
    last: str

    def sql(self) -> str:
        return f"{self.last} >= {self.first}"

    def breach(self, row: Row) -> tuple[str, str] | None:
        first, last = row.get(self.first), row.get(self.last)
        if first is None or last is None or last >= first:
            return None
        return self.last, f"{self.last} {last} is before {self.first} {first}"


@dataclass(frozen=True)
class RequiredWhen:
    """x-requiredWhen: `field` is given in every row where column `when[0]` is `when[1]`."""

    field: str
    when: tuple[str, str]
    message: str

    def sql(self) -> str:
        column, value = self.when
        return f"{column} <> {_sql_value(value)} OR {self.field} IS NOT NULL"

    def breach(self, row: Row) -> tuple[str, str] | None:
        column, value = self.when
        if row.get(column) != value or row.get(self.field) not in (None, ""):
            return None
        return self.field, _format(self.message, row)


@dataclass(frozen=True)
class Differs:
    """x-differs: `field`, where given, is not the row's `other` (a cluster is not its own
    successor)."""

    field: str
    other: str
    message: str

    def sql(self) -> str:
        return f"{self.field} IS NULL OR {self.field} <> {self.other}"

    def breach(self, row: Row) -> tuple[str, str] | None:
        value = row.get(self.field)
        if value is None or value != row.get(self.other):
            return None
        return self.field, _format(self.message, row)


@dataclass(frozen=True)
class DateInYear:
    """x-dateInYear: the date in `field` lies in the row's `year`."""

    field: str
    year: str
    message: str

    def sql(self) -> str:
        return f"{self.year} = year({self.field})"

    def breach(self, row: Row) -> tuple[str, str] | None:
        day, year = row.get(self.field), row.get(self.year)
        if day is None or year is None or day.year == year:
            return None
        return self.field, _format(self.message, row)


@dataclass(frozen=True)
class YearEndWhen:
    """x-yearEndWhen: where column `when[0]` is `when[1]`, `field` is 31 December of `year`."""

    field: str
    year: str
    when: tuple[str, str]
    message: str

    def sql(self) -> str:
        column, value = self.when
        return f"{column} <> {_sql_value(value)} OR {self.field} = make_date({self.year}, 12, 31)"

    def breach(self, row: Row) -> tuple[str, str] | None:
        column, value = self.when
        day, year = row.get(self.field), row.get(self.year)
        if row.get(column) != value or day is None or year is None:
            return None
        if day == dt.date(year, 12, 31):
            return None
        return self.field, _format(self.message, row)


RowRule = Ordered | RequiredWhen | Differs | DateInYear | YearEndWhen

"""The store's typed tables are made from the contract: DuckDB itself refuses what the contract
forbids, and the built store has the contract's columns, in order, with their types."""

from __future__ import annotations

import duckdb
import pytest

from dashboard import ddl
from dashboard.contract import TABLES, Ordered

URL = "https://example.org/x"
SETUP = [
    "INSERT INTO opportunity_areas VALUES ('other', 'Andre', 'Other', NULL)",
    "INSERT INTO rules (rule_id, value, unit, applies_to, note) VALUES "
    "('term_arena', 36, 'months', 'Arena', 'x')",
    "INSERT INTO clusters (cluster_id, name, area_id) VALUES ('c', 'C', 'other')",
    "INSERT INTO indicators VALUES ('members', 'Medlemmer', 'Members', 'count', NULL)",
]


def period(
    cluster="'c'",
    level="'Arena'",
    start="'2020-01-01'",
    end="NULL",
    provenance="'published'",
    url=f"'{URL}'",
    note="'x'",
) -> str:
    """An INSERT of one programme period, valid unless an argument says otherwise."""
    values = [cluster, level, start, "'day'", end, "NULL", provenance, url, note, "NULL", "NULL"]
    return f"INSERT INTO programme_periods VALUES ({', '.join(values)})"


@pytest.fixture()
def empty() -> duckdb.DuckDBPyConnection:
    """A database with only the contract's tables, made from the descriptor, and a cluster."""
    con = duckdb.connect()
    con.execute(ddl.create_tables(TABLES))
    for statement in SETUP:
        con.execute(statement)
    yield con
    con.close()


def test_a_valid_row_goes_in(empty):
    empty.execute(period(end="'2022-12-31'"))
    assert empty.execute("SELECT count(*) FROM programme_periods").fetchone() == (1,)


@pytest.mark.parametrize(
    "statement",
    [
        pytest.param(period(level="'Champions League'"), id="level not in the enum"),
        pytest.param(period(start="NULL"), id="NULL in a required column"),
        pytest.param(period(start="'2022-01-01'", end="'2021-12-31'"), id="end before start"),
        pytest.param(period(url="NULL"), id="published without a source"),
        pytest.param(period(start="'1999-12-31'"), id="date before the record's span"),
        pytest.param(
            period(provenance="'estimate'", url="NULL", note="NULL"),
            id="estimate without its rule in note",
        ),
        pytest.param(period(cluster="'nope'"), id="unknown cluster"),
        pytest.param(period(cluster="NULL"), id="NULL in a key column"),
        pytest.param(
            "INSERT INTO certifications VALUES ('c','Gold','2030-01-01','day','2029-12-31',NULL,NULL,'estimate',NULL,'x',NULL,NULL)",
            id="expiry before the award",
        ),
        pytest.param(
            "INSERT INTO certifications VALUES ('c','Gold','2030-01-01','day','2031-12-31',NULL,120,'estimate',NULL,'x',NULL,NULL)",
            id="score over 100",
        ),
        pytest.param(
            "INSERT INTO funding VALUES ('c', 2030, 'Bank', 1, 'estimate', NULL, 'x')",
            id="unknown funder",
        ),
        pytest.param(
            "INSERT INTO funding VALUES ('c', 2030, 'Siva', -1, 'estimate', NULL, 'x')",
            id="negative amount",
        ),
        pytest.param(
            "INSERT INTO grants VALUES ('c','Siva',1,'year',2025,2024,'https://example.org','x')",
            id="last year before the first",
        ),
        pytest.param(
            "INSERT INTO clusters (cluster_id, name, area_id, successor_id) VALUES ('s','S','other','s')",
            id="a cluster succeeding itself",
        ),
        pytest.param(
            f"INSERT INTO programme_figures VALUES (2019,'budget_nok',1,'during_year','2019-06-30','published','{URL}',NULL,NULL,NULL)",
            id="a whole-year figure not on 31 December",
        ),
        pytest.param(
            f"INSERT INTO programme_figures VALUES (2019,'budget_nok',1,'on_date','2020-06-30','published','{URL}',NULL,NULL,NULL)",
            id="a figure dated outside its year",
        ),
        pytest.param(
            f"INSERT INTO results VALUES ('c', 2020, 'members', NULL, 'published', '{URL}', NULL, NULL, NULL)",
            id="a result without a value",
        ),
    ],
)
def test_the_derived_ddl_refuses_what_the_contract_forbids(empty, statement):
    with pytest.raises(duckdb.ConstraintException):
        empty.execute(statement)


def test_amounts_over_32_bits_fit():
    con = duckdb.connect()
    con.execute(ddl.create_tables(TABLES))
    con.execute("INSERT INTO opportunity_areas VALUES ('other', 'Andre', 'Other', NULL)")
    con.execute("INSERT INTO clusters (cluster_id, name, area_id) VALUES ('c', 'C', 'other')")
    con.execute("INSERT INTO funding VALUES ('c', 2030, 'Siva', 5000000000, 'estimate', NULL, 'x')")
    assert con.execute("SELECT amount_nok FROM funding").fetchone() == (5_000_000_000,)


def test_every_order_rule_is_a_check_of_its_table():
    for table in TABLES:
        made = ddl.create_table(table, {t.name: t for t in TABLES})
        for rule in table.rules:
            assert f"CHECK ({rule.sql()})" in made
        assert any(isinstance(r, Ordered) for r in table.rules) == (
            table.name
            in {
                "counties",
                "municipality_counties",
                "programme_periods",
                "certifications",
                "label_confirmations",
                "grants",
            }
        )


def test_the_store_has_the_contract_s_columns_in_order_with_their_types(con):
    for table in TABLES:
        columns = con.execute(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
            "WHERE table_name = ? ORDER BY ordinal_position",
            [table.name],
        ).fetchall()
        want = [(c.name, c.sql_type, "NO" if c.required else "YES") for c in table.columns]
        assert columns == want, table.name
    types = {
        (t.name, c.name): c.sql_type
        for t in TABLES
        for c in t.columns
        if c.sql_type not in ("VARCHAR", "DATE")
    }
    assert types[("funding", "amount_nok")] == types[("grants", "amount_nok")] == "BIGINT"
    assert types[("rules", "value")] == types[("funding", "year")] == "INTEGER"
    assert types[("certifications", "score_pct")] == "DOUBLE"

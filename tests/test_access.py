"""Sign-in and roles: open without [auth]; with it, sign-in first, viewers see data, admins update."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.access import Access, decide

from .conftest import DATA, ROOT

AUTH = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "x",
        "client_id": "id",
        "client_secret": "secret",
        "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
    },
    "access": {"allowed_domains": ["innovasjonnorge.no", "siva.no"], "admins": ["ada@siva.no"]},
}


@pytest.fixture(autouse=True)
def serve(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASHBOARD_DB", str(store_path))
    monkeypatch.setenv("DASHBOARD_DATA", str(DATA))
    monkeypatch.setenv("DASHBOARD_LANG", "en")
    monkeypatch.setenv("DASHBOARD_ALLOW_UPLOADS", "1")


def run_as(user: dict | None, secrets: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.secrets = secrets
    at.user = user or {}
    at.run()
    return at


def test_open_without_auth_and_says_so():
    at = run_as(None, {})
    assert at.title[0].value == "Overview"
    assert "Open access: sign-in is not configured (for local use)." in [
        c.value for c in at.sidebar.caption
    ]
    at.switch_page("pages/update.py")
    at.run()
    assert at.title[0].value == "Update data"  # open mode with uploads on: local use


def test_signed_out_sees_only_the_sign_in():
    at = run_as({"is_logged_in": False}, AUTH)
    assert at.button(key="w_login").label == "Sign in"
    assert not at.metric and not at.dataframe


def test_viewer_sees_the_data_but_not_the_update_page():
    at = run_as(
        {"is_logged_in": True, "email": "kari@innovasjonnorge.no", "email_verified": True}, AUTH
    )
    assert at.title[0].value == "Overview" and at.metric
    assert "Signed in as kari@innovasjonnorge.no" in [c.value for c in at.sidebar.caption]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/update.py")


def test_admin_sees_the_update_page():
    at = run_as({"is_logged_in": True, "email": "Ada@siva.no", "email_verified": True}, AUTH)
    at.switch_page("pages/update.py")
    at.run()
    assert at.title[0].value == "Update data"
    assert at.get("file_uploader")


def test_address_outside_the_allowed_domains_is_refused():
    at = run_as({"is_logged_in": True, "email": "someone@gmail.com", "email_verified": True}, AUTH)
    assert "someone@gmail.com has no access to Klyngemonitor" in at.error[0].value
    assert not at.metric and not at.dataframe


FULL = AUTH["auth"]
OK = {"is_logged_in": True, "email_verified": True}


@pytest.mark.parametrize(
    ("secrets", "user", "expected"),
    [
        ({}, {}, Access("open")),
        ({"auth": FULL}, {**OK, "email": "a@b.no"}, Access("viewer", "a@b.no")),
        (
            {"auth": FULL, "access": {"admins": ["a@b.no"]}},
            {**OK, "email": "A@B.no"},
            Access("admin", "a@b.no"),
        ),
        (
            {"auth": FULL, "access": {"allowed_domains": ["@siva.no"]}},
            {**OK, "email": "x@siva.no.evil.com"},
            Access("refused", "x@siva.no.evil.com"),
        ),
        ({"auth": FULL}, {**OK}, Access("refused")),
        # the identity provider has not verified the address: no access
        (
            {"auth": FULL},
            {"is_logged_in": True, "email": "a@siva.no", "email_verified": False},
            Access("refused", "a@siva.no"),
        ),
        (
            {"auth": FULL},
            {"is_logged_in": True, "email": "a@siva.no"},
            Access("refused", "a@siva.no"),
        ),
        (
            {"auth": FULL, "access": {"require_verified_email": False}},
            {"is_logged_in": True, "email": "a@siva.no"},
            Access("viewer", "a@siva.no"),
        ),
        # an [auth] section sign-in cannot use: nobody in, never open mode
        ({"auth": {}}, {**OK, "email": "a@b.no"}, Access("misconfigured")),
        ({"auth": {**FULL, "client_secret": ""}}, {}, Access("misconfigured")),
        ({"auth": "yes"}, {}, Access("misconfigured")),
    ],
)
def test_access_rules(secrets, user, expected):
    assert decide(secrets, user) == expected


def test_misconfigured_sign_in_shows_no_data_and_no_update_page():
    at = run_as(
        {"is_logged_in": True, "email": "ada@siva.no", "email_verified": True},
        {"auth": {"client_id": "x"}},
    )
    assert "nobody is let in" in at.error[0].value
    assert not at.metric and not at.dataframe and not at.get("file_uploader")

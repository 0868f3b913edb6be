"""Sign-in through the real flow in Chromium: Streamlit's st.login against a local OpenID
Connect provider (discovery, authorize redirect, code exchange, signed ID token), and sign-in
that fails closed when its configuration cannot be used."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard import devserver

from .oidc import Provider

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    idp = Provider(client_id="klyngemonitor")
    yield idp
    idp.stop()


@contextmanager
def serving(e2e_store: Path, secrets: Path, port: int) -> Iterator[str]:
    """The dashboard on `port` with `secrets` as its secrets file; stopped afterwards."""
    with open(secrets.parent / f"streamlit-{port}.log", "w") as log:
        process = devserver.launch(
            e2e_store,
            ROOT / "data",
            port,
            log,
            options=(f"--secrets.files={secrets}",),
            DASHBOARD_LANG="nb",
            DASHBOARD_ALLOW_UPLOADS="1",
        )
        try:
            yield devserver.wait_healthy(process, port)
        finally:
            devserver.stop(process)


@pytest.fixture(scope="module")
def signed_server(e2e_store: Path, provider: Provider, tmp_path_factory) -> Iterator[str]:
    port = _free_port()
    secrets = tmp_path_factory.mktemp("auth") / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-long-random-test-cookie-secret-0123456789"\n'
        'client_id = "klyngemonitor"\n'
        'client_secret = "test-secret"\n'
        f'server_metadata_url = "{provider.url}/.well-known/openid-configuration"\n'
        "[access]\n"
        'allowed_domains = ["siva.no", "innovasjonnorge.no"]\n'
        'admins = ["ada@siva.no"]\n',
        encoding="utf-8",
    )
    with serving(e2e_store, secrets, port) as url:
        yield url


def sign_in(browser: Browser, server: str, provider: Provider, user: dict) -> Page:
    provider.user = user
    context = browser.new_context(locale="nb-NO", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(server)
    button = page.get_by_role("button", name="Logg inn")
    expect(button).to_be_visible(timeout=30_000)
    assert page.locator("[data-testid=stMetric]").count() == 0  # no data before sign-in
    button.click()
    return page


def test_a_funder_signs_in_through_the_provider_and_sees_the_data(
    browser: Browser, signed_server: str, provider: Provider
):
    before = provider.exchanges
    page = sign_in(
        browser,
        signed_server,
        provider,
        {"email": "kari@innovasjonnorge.no", "email_verified": True},
    )
    expect(page.get_by_text("Logget inn som kari@innovasjonnorge.no")).to_be_visible(timeout=30_000)
    expect(page.locator("h1").first).to_have_text("Oversikt", timeout=30_000)
    assert provider.exchanges == before + 1  # the code was exchanged for a signed ID token
    assert page.get_by_role("link", name="Oppdater data").count() == 0  # a viewer, not an admin
    page.context.close()


def test_an_admin_gets_the_update_page(browser: Browser, signed_server: str, provider: Provider):
    page = sign_in(
        browser, signed_server, provider, {"email": "ada@siva.no", "email_verified": True}
    )
    expect(page.get_by_text("Logget inn som ada@siva.no")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("link", name="Oppdater data")).to_be_visible()
    page.context.close()


@pytest.mark.parametrize(
    ("user", "message"),
    [
        (
            {"email": "someone@gmail.com", "email_verified": True},
            "someone@gmail.com har ikke tilgang",
        ),
        ({"email": "kari@siva.no", "email_verified": False}, "kari@siva.no har ikke tilgang"),
    ],
    ids=["outside the allowed domains", "address not verified"],
)
def test_who_may_not_view_sees_no_data(
    browser: Browser, signed_server: str, provider: Provider, user: dict, message: str
):
    page = sign_in(browser, signed_server, provider, user)
    expect(page.get_by_text(message)).to_be_visible(timeout=30_000)
    assert page.locator("[data-testid=stMetric]").count() == 0
    page.context.close()


def test_a_secrets_file_with_a_typo_lets_nobody_in(
    browser: Browser, e2e_store: Path, tmp_path: Path
):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[auth]\nredirect_uri = "http://x/oauth2callback\nclient_id = 1\n')
    with serving(e2e_store, secrets, _free_port()) as server:
        page = browser.new_page(locale="nb-NO")
        page.goto(server)
        expect(page.get_by_text("så ingen slipper inn")).to_be_visible(timeout=30_000)
        assert page.locator("[data-testid=stMetric]").count() == 0
        assert page.get_by_role("link", name="Oppdater data").count() == 0
        assert page.locator("[data-testid=stException]").count() == 0
        page.close()

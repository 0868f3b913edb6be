"""What only a browser shows: one session's time from navigation to the first chart drawn, and
the server's peak memory while many sessions use every page.

Debian's Chromium through Playwright against one Streamlit server on 127.0.0.1; every
navigation asks for an as-of date not asked before, so the server computes the page anew.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

from page_times import PAGE_NAMES, PAGE_QUERY, FreshDates
from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.async_api import async_playwright

from dashboard import devserver

CHART = "[data-testid=stPlotlyChart] .main-svg"
TITLE = "[data-testid=stMain] h1"
IDLE = "() => !document.querySelector('[data-testid=stStatusWidget]')"
NAVIGATIONS = 5
PORT = 8765


def _launch(p):
    return p.chromium.launch(
        executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
        args=["--no-sandbox", "--disable-gpu"],
    )


def _linked(name: str) -> str:
    """The page's path with the query it is timed with (see page_times.PAGE_QUERY)."""
    return f"{name}?{urlencode(PAGE_QUERY.get(name, {}))}"


async def _draws_a_chart(page, url: str, name: str, dates: FreshDates) -> bool:
    """Whether the page draws a chart on its default view (the glossary is words only)."""
    await page.goto(f"{url}/{name}&as_of={dates.next().isoformat()}", timeout=120_000)
    await page.wait_for_selector(TITLE, state="visible", timeout=120_000)
    await page.wait_for_function(IDLE, timeout=120_000)
    try:
        await page.wait_for_selector(CHART, state="visible", timeout=15_000)
    except PlaywrightTimeout:
        return False
    return True


async def _first_chart(url: str, dates: FreshDates) -> dict[str, tuple[float | None, float]]:
    """Per page, median seconds from navigation to the first chart drawn (None for a page
    without one) and to the run's end."""
    async with async_playwright() as p:
        browser = await _launch(p)
        page = await (await browser.new_context(viewport={"width": 1440, "height": 900})).new_page()
        await page.goto(url, timeout=120_000)  # the session's first page: the server warms up
        await page.wait_for_selector(CHART, timeout=120_000)
        out = {}
        for name in PAGE_NAMES:
            has_chart = await _draws_a_chart(page, url, _linked(name), dates)
            charts, done = [], []
            for _ in range(NAVIGATIONS):
                started = time.perf_counter()
                day = dates.next().isoformat()
                await page.goto(f"{url}/{_linked(name)}&as_of={day}", timeout=120_000)
                if has_chart:
                    await page.wait_for_selector(CHART, state="visible", timeout=120_000)
                    charts.append(time.perf_counter() - started)
                else:  # the run has begun once the page's title is drawn
                    await page.wait_for_selector(TITLE, state="visible", timeout=120_000)
                await page.wait_for_function(IDLE, timeout=120_000)
                done.append(time.perf_counter() - started)
            first = statistics.median(charts) if charts else None
            out[name] = (first, statistics.median(done))
        await browser.close()
    return out


async def _sessions(url: str, sessions: int) -> None:
    async with async_playwright() as p:
        browser = await _launch(p)

        async def visit(i: int) -> None:
            page = await (await browser.new_context()).new_page()
            for name in PAGE_NAMES:
                area = "havrommet" if i % 2 else "ren-energi"
                await page.goto(f"{url}/{name}?area={area}", timeout=300_000)
                await page.wait_for_selector(TITLE, timeout=300_000)
                try:  # memory is measured here, not speed: a slow page is not waited for long
                    await page.wait_for_function(IDLE, timeout=30_000)
                except PlaywrightTimeout:
                    await page.wait_for_timeout(1_000)

        await asyncio.gather(*(visit(i) for i in range(sessions)))
        await browser.close()


def _peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return (
        next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
        / 1024
    )


def browser_times(db: Path, data: Path) -> dict[str, tuple[float, float]]:
    server = devserver.launch(db, data, PORT)
    try:
        devserver.wait_healthy(server, PORT)
        return asyncio.run(_first_chart(f"http://127.0.0.1:{PORT}", FreshDates()))
    finally:
        devserver.stop(server)


def server_memory(db: Path, data: Path, sessions: int) -> tuple[float, float]:
    """Peak RSS (MB) of a fresh server while `sessions` browsers open every page, and the time."""
    server = devserver.launch(db, data, PORT)
    try:
        devserver.wait_healthy(server, PORT)
        started = time.perf_counter()
        asyncio.run(_sessions(f"http://127.0.0.1:{PORT}", sessions))
        return _peak_rss_mb(server.pid), time.perf_counter() - started
    finally:
        devserver.stop(server)

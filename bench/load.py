"""Load test (`make load`): N browser sessions on localhost change filters for a bounded time.

Each session is a Playwright context in Debian's Chromium on the Labels page; it picks an
opportunity area in the sidebar, waits until the page is updated (the URL carries the filter and
the script run is over), clears it, and so on until time is up. Reports sessions held, p50/p95
update time, errors and the server's peak memory, for each N; writes bench/load.md.
Traffic goes to 127.0.0.1 only, and every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from dashboard import devserver

ROOT = Path(__file__).resolve().parents[1]
AREAS = ("Havrommet", "Ren energi", "Helse og velferd", "Bioøkonomi")
MAX_ACTIONS = 500  # per session, whatever the time


@dataclass
class Session:
    updates: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    held: bool = False


async def idle(page) -> None:
    await page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000
    )


async def run_session(browser, url: str, index: int, deadline: float) -> Session:
    result = Session()
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    try:
        await page.goto(f"{url}/labels", timeout=120_000)
        await page.wait_for_selector("[data-testid=stMain] h1", timeout=120_000)
        await idle(page)
        box = page.locator("[data-testid=stMultiSelect]").filter(has_text="Mulighetsområde")
        actions = 0
        while time.monotonic() < deadline and actions < MAX_ACTIONS:
            area = AREAS[(index + actions) % len(AREAS)]
            started = time.perf_counter()
            await box.locator("input").click()
            await page.keyboard.type(area)
            await page.keyboard.press("Enter")
            await page.keyboard.press("Escape")
            await page.wait_for_url("**area=*", timeout=60_000)
            await idle(page)
            result.updates.append(time.perf_counter() - started)
            started = time.perf_counter()
            await box.locator("input").click()
            await page.keyboard.press("Backspace")
            await page.keyboard.press("Escape")
            await page.wait_for_function("() => !location.search.includes('area=')", timeout=60_000)
            await idle(page)
            result.updates.append(time.perf_counter() - started)
            if await page.locator("[data-testid=stException]").count():
                result.errors.append("exception shown on the page")
            actions += 2
        result.held = not result.errors and bool(result.updates)
    except Exception as err:  # noqa: BLE001 - every failure counts as an error of the run
        result.errors.append(f"{type(err).__name__}: {str(err).splitlines()[0][:120]}")
    finally:
        await context.close()
    return result


async def load(url: str, sessions: int, seconds: float) -> list[Session]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        deadline = time.monotonic() + seconds
        results = await asyncio.gather(
            *(run_session(browser, url, i, deadline) for i in range(sessions))
        )
        await browser.close()
    return list(results)


def peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return (
        next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
        / 1024
    )


def measure(db: Path, sessions: int, seconds: float, port: int) -> dict:
    server = devserver.launch(db, ROOT / "data", port)
    try:
        devserver.wait_healthy(server, port)
        results = asyncio.run(load(f"http://127.0.0.1:{port}", sessions, seconds))
        rss = peak_rss_mb(server.pid)
    finally:
        devserver.stop(server)
    return summarise(results, sessions, rss)


def summarise(results: list, sessions: int, rss: float) -> dict:
    """The row of a run: a session that completed no page update is an error, not a quiet
    success, and is not counted as held."""
    updates = sorted(u for r in results for u in r.updates)
    errors = [e for r in results for e in r.errors]
    stalled = [r for r in results if not r.updates and not r.errors]
    errors += ["a session completed no page update"] * len(stalled)
    quantiles = statistics.quantiles(updates, n=20) if len(updates) >= 2 else [float("nan")] * 19
    return {
        "sessions": sessions,
        "held": sum(bool(r.updates) and not r.errors for r in results),
        "updates": len(updates),
        "p50": statistics.median(updates) if updates else float("nan"),
        "p95": quantiles[18],
        "errors": len(errors),
        "first_errors": errors[:3],
        "rss": rss,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, action="append", default=[])
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    from dashboard import store

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "klyngemonitor.duckdb"
        store.build(ROOT / "data", db)
        for i, sessions in enumerate(args.sessions or [10, 30]):
            rows.append(measure(db, sessions, args.seconds, 8790 + i))
    lines = [
        "# Load test results",
        "",
        f"{args.seconds:.0f} s per run; each session alternately picks and clears an opportunity "
        "area on the Labels page (Chromium contexts against one Streamlit server on 127.0.0.1, "
        f"shipped data). Machine: {os.cpu_count()} cores.",
        "",
        "| Sessions | Held | Page updates | p50 update | p95 update | Errors | Server peak RSS |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['sessions']} | {r['held']} | {r['updates']} | {r['p50']:.2f} s | "
            f"{r['p95']:.2f} s | {r['errors']} | {r['rss']:.0f} MB |"
        )
    for r in rows:
        if r["first_errors"]:
            lines.append(f"\nErrors at {r['sessions']} sessions (first three): {r['first_errors']}")
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "load.md").write_text(text, encoding="utf-8")
    print(text)
    if any(r["errors"] or r["held"] < r["sessions"] for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Klyngemonitor benchmark (`make bench`): store build, warm page reruns, export CLI, server memory
with concurrent sessions, and a naive pandas baseline, at the shipped size and at 100x.

Writes bench/results.md. Speed goals live here, never in unit tests.
"""

from __future__ import annotations

import asyncio
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import naive  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from dashboard import devserver, extracts, store, synth, ui  # noqa: E402

PAGES = ("overview", "labels", "timeline", "funding", "results", "cluster", "sources")
RUNS = 10
SESSIONS = 10
TARGETS = {"build": {1: 2.0, 100: 30.0}, "page": {1: 0.150, 100: 0.400}, "rss_mb": 400, "ratio": 5}


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def machine() -> str:
    memory = ""
    if Path("/proc/meminfo").exists():
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    return (
        f"{platform.machine()}, {os.cpu_count()} cores{memory}, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def open_app(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_times(page: str) -> tuple[float, float]:
    """Median warm rerun with default filters, and with the area filter changing each run."""
    at = open_app(page)
    at.run()
    default = median_time(at.run, RUNS)
    choices = [["havrommet"], []]
    for choice in choices:  # warm both filter states once
        at.multiselect(key="w_area").set_value(choice).run()
    state = {"i": 0}

    def change() -> None:
        state["i"] += 1
        at.multiselect(key="w_area").set_value(choices[state["i"] % 2]).run()

    return default, median_time(change, RUNS)


class Naive:
    """Swap the dashboard's data layer for the naive baseline while measuring it."""

    def __init__(self, data: Path):
        self.data = data
        self.saved = (ui.extract, ui.chart, ui.lookup, ui.query)

    def __enter__(self) -> None:
        data = self.data
        ui.extract = lambda name, filters, cluster_id=None, months=6: naive.extract(
            data, name, filters, cluster_id, months
        )

        def chart(builder, *args, title=None, where=None):
            args = [
                ui.extract(a.name, a.filters, a.cluster_id) if isinstance(a, ui.Ref) else a
                for a in args
            ]
            figure = builder(*args)
            if title is not None:
                figure.update_layout(title_text=title)
            (where or ui.st).plotly_chart(figure, width="stretch")

        ui.chart = chart
        ui.lookup = lambda what: naive.lookup(data, what)
        ui.query = lambda what, *args: naive.query(data, what, *args)

    def __exit__(self, *_exc: object) -> None:
        ui.extract, ui.chart, ui.lookup, ui.query = self.saved


def export_times(db: Path) -> dict[str, float]:
    out = {}
    for name in extracts.EXTRACTS:
        command = [
            sys.executable,
            "-m",
            "dashboard",
            "export",
            name,
            "--db",
            str(db),
            "-o",
            os.devnull,
        ]
        out[name] = median_time(lambda c=command: subprocess.run(c, check=True, cwd=ROOT), 3)
    return out


async def _sessions(url: str, sessions: int) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu"],
        )

        async def visit(i: int) -> None:
            page = await (await browser.new_context()).new_page()
            for path in ("", "labels", "timeline", "funding", "results", "cluster", "sources"):
                await page.goto(f"{url}/{path}?area={'havrommet' if i % 2 else 'ren-energi'}")
                await page.wait_for_selector("[data-testid=stMain] h1", timeout=120_000)
                await page.wait_for_timeout(1500)

        await asyncio.gather(*(visit(i) for i in range(sessions)))
        await browser.close()


def server_memory(db: Path, data: Path, sessions: int) -> tuple[float, float]:
    """Peak RSS (MB) of the Streamlit server while `sessions` browsers use every page, and the time."""
    port = 8765
    server = devserver.launch(db, data, port)
    try:
        devserver.wait_healthy(server, port)
        started = time.perf_counter()
        asyncio.run(_sessions(f"http://127.0.0.1:{port}", sessions))
        took = time.perf_counter() - started
        status = Path(f"/proc/{server.pid}/status").read_text()
        peak = next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")
        )
        return peak / 1024, took
    finally:
        devserver.stop(server)


def measure(scale: int, work: Path) -> dict:
    data = ROOT / "data" if scale == 1 else work / f"data-{scale}"
    if scale != 1:
        synth.synthesise(ROOT / "data", data, scale)
    db = work / f"store-{scale}.duckdb"
    build = median_time(lambda: store.build(data, db), 5 if scale == 1 else 3)
    os.environ["DASHBOARD_DB"], os.environ["DASHBOARD_DATA"] = str(db), str(data)
    pages = {page: page_times(page) for page in PAGES}
    with Naive(data):
        baseline = {page: page_times(page)[0] for page in PAGES}
    exports = export_times(db)
    rss, took = server_memory(db, data, SESSIONS)
    rows = store.connect_readonly(db).execute("SELECT count(*) FROM funding").fetchone()[0]
    return {
        "build": build,
        "pages": pages,
        "naive": baseline,
        "exports": exports,
        "rss": rss,
        "sessions_s": took,
        "funding_rows": rows,
    }


def ok(value: float, target: float) -> str:
    return "✅" if value < target else "❌"


def report(results: dict[int, dict]) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}. Medians of {RUNS} warm reruns (AppTest, in process) per page; "
        f"build median of 5 (scale 1) / 3 (scale 100); export CLI median of 3 (process start "
        f"included); server peak RSS (VmHWM) while {SESSIONS} Chromium sessions open every page. "
        "The naive baseline is the same page run on `bench/naive.py`: pandas reads the CSVs and "
        "recomputes every extract, lookup and query on every rerun, no DuckDB, no cache.",
        "",
        "| Measure | Scale 1 | Scale 100 | Target |",
        "|---|---|---|---|",
    ]
    one, hundred = results[1], results[100]
    lines.append(f"| Funding rows | {one['funding_rows']:,} | {hundred['funding_rows']:,} | |")
    lines.append(
        f"| Store build | {one['build']:.2f} s {ok(one['build'], 2)} | {hundred['build']:.2f} s "
        f"{ok(hundred['build'], 30)} | < 2 s / < 30 s |"
    )
    for page in PAGES:
        cells = []
        for scale, target in ((1, 0.150), (100, 0.400)):
            default, change = results[scale]["pages"][page]
            cells.append(
                f"{default * 1000:.0f} / {change * 1000:.0f} ms {ok(max(default, change), target)}"
            )
        lines.append(
            f"| Page `{page}`: warm rerun / filter change | {cells[0]} | {cells[1]} | < 150 / < 400 ms |"
        )
    for page in PAGES:
        cells = []
        for scale in (1, 100):
            naive_s = results[scale]["naive"][page]
            ratio = naive_s / results[scale]["pages"][page][0]
            mark = ok(-ratio, -5) if scale == 100 else ""
            cells.append(f"{naive_s * 1000:.0f} ms, ×{ratio:.1f} {mark}")
        lines.append(
            f"| Naive baseline `{page}`, and how many times slower | {cells[0]} | {cells[1]} | ≥ ×5 at scale 100 |"
        )
    for name in extracts.EXTRACTS:
        lines.append(
            f"| `export {name}` | {one['exports'][name]:.2f} s | {hundred['exports'][name]:.2f} s | |"
        )
    lines.append(
        f"| Server peak RSS, {SESSIONS} sessions | {one['rss']:.0f} MB {ok(one['rss'], 400)} | "
        f"{hundred['rss']:.0f} MB {ok(hundred['rss'], 400)} | < 400 MB |"
    )
    lines.append(
        f"| {SESSIONS} sessions × 7 pages, wall time | {one['sessions_s']:.0f} s | {hundred['sessions_s']:.0f} s | |"
    )
    return "\n".join(lines) + "\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = {scale: measure(scale, Path(tmp)) for scale in (1, 100)}
    text = report(results)
    (ROOT / "bench" / "results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

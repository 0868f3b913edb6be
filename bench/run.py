"""Klyngemonitor benchmark (`make bench`), at the shipped size and at 100x (synthetic data made
by `dashboard.synth`, for benchmarks only): store build, every page's warm rerun, cache miss,
DuckDB floor and naive baseline (bench/pages.py), a browser's time to the first chart and the
server's memory with 10 and 30 sessions (bench/browser.py), and a profile of the slowest page.

Writes bench/results.md with every goal and whether it is met. Speed goals live here, never in
unit tests.
"""

from __future__ import annotations

import cProfile
import io
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import browser  # noqa: E402
import naive  # noqa: E402
import page_times as pages  # noqa: E402
from streamlit.runtime.scriptrunner import script_runner  # noqa: E402

from dashboard import store, synth  # noqa: E402
from dashboard.web import cache  # noqa: E402

README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"
SCALES = (1, 100)
SESSIONS = (10, 30)
GOALS = {
    "build": {1: 1.0, 100: 10.0},  # seconds, whole CLI process
    "miss": {1: 0.150, 100: 0.250},  # seconds, median cache miss
    "over_floor": 2.0,  # page / DuckDB floor on a cache miss
    "naive": 5.0,  # naive miss / app miss at 100x, at least
    "rss": 300,  # MB, 10 sessions at 100x
}


def machine() -> str:
    kib = int(Path("/proc/meminfo").read_text().split()[1])
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {kib / 1024 / 1024:.0f} GiB RAM, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def commit() -> str:
    """The commit measured, and whether the tree had changes of its own."""
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    )
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    return head.stdout.strip() + (" with uncommitted changes" if dirty.stdout.strip() else "")


def build_time(data: Path, db: Path) -> float:
    """The whole `python -m dashboard build` process (interpreter start included), median of 3."""
    command = [sys.executable, "-m", "dashboard", "build", "--data", str(data), "--db", str(db)]
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


class InTurn:
    """An executor whose map runs in the caller's thread, so the profile sees the queries a page
    otherwise runs side by side (and not just the script thread waiting on a lock)."""

    map = staticmethod(map)


def _where(key: tuple[str, int, str]) -> str:
    """A profiled function as `module path:line(name)`, short: from the repository or the
    installed package, not the machine's full path."""
    file, line, name = key
    for root in (
        "site-packages/",
        f"{ROOT}/",
        f"python{sys.version_info[0]}.{sys.version_info[1]}/",
    ):
        if root in file:
            file = file.split(root, 1)[1]
    return f"{file}:{line}({name})" if line else name


def top_five(stats: pstats.Stats, runs: int) -> list[str]:
    """The five functions with the most own time, as a table: calls, own and cumulative time,
    each per cache miss."""
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:5]
    lines = [
        "| Function | Calls per miss | Own time per miss | With what it calls |",
        "|---|---|---|---|",
    ]
    for key, (_, calls, own, cumulative, _) in rows:
        lines.append(
            f"| `{_where(key)}` | {calls / runs:.0f} | {own / runs * 1000:.1f} ms | "
            f"{cumulative / runs * 1000:.1f} ms |"
        )
    return lines


def profile_misses(page: str, runs: int = 5) -> tuple[list[str], str]:
    """The top five hotspots (own time) of `page`'s cache misses, as a table, and the top
    fifteen as cProfile prints them: profiled in the script's thread, with its side-by-side
    queries run in turn in that thread."""
    profile = cProfile.Profile()
    original = script_runner.ScriptRunner._run_script

    def profiled(self, *args, **kwargs):
        profile.enable()
        try:
            return original(self, *args, **kwargs)
        finally:
            profile.disable()

    at = pages.open_page(page)
    dates = pages.FreshDates()
    script_runner.ScriptRunner._run_script = profiled
    fetchers, cache._FETCHERS = cache._FETCHERS, InTurn()
    try:
        for _ in range(runs):
            at.date_input(key=pages.AS_OF_WIDGET).set_value(dates.next()).run()
    finally:
        script_runner.ScriptRunner._run_script = original
        cache._FETCHERS = fetchers
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(15)
    return top_five(stats, runs), out.getvalue()


def measure(scale: int, work: Path) -> dict:
    data = ROOT / "data" if scale == 1 else work / f"data-{scale}"
    if scale != 1:
        synth.synthesise(ROOT / "data", data, scale)
    db = work / f"store-{scale}.duckdb"
    build = build_time(data, db)
    os.environ["DASHBOARD_DB"], os.environ["DASHBOARD_DATA"] = str(db), str(data)
    con = store.connect_readonly(db)
    rows = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("clusters", "funding")
    }
    con.close()
    dates = pages.FreshDates()
    times = {p: pages.page_times(p, db, dates, naive.extract_frame) for p in pages.PAGE_NAMES}
    slowest = max(times, key=lambda p: times[p].miss)
    return {
        "commit": commit(),
        "rows": rows,
        "build": build,
        "pages": times,
        "browser": browser.browser_times(db, data),
        "rss": {n: browser.server_memory(db, data, n) for n in SESSIONS},
        "slowest": slowest,
        "profile": profile_misses(slowest),
    }


def mark(ok: bool) -> str:
    return "pass" if ok else "**fail**"


def ms(seconds: float | None) -> str:
    """Milliseconds, or "–" for what a page does not have (a first chart on the glossary)."""
    return "–" if seconds is None else f"{seconds * 1000:.0f} ms"


def report(results: dict[int, dict]) -> str:
    one, hundred = results[1], results[100]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (bench/run.py) at commit {results[1]['commit']}. Machine: "
        f"{machine()}. Scale 1 is the shipped "
        f"data set ({one['rows']['clusters']:,} clusters, {one['rows']['funding']:,} funding "
        f"rows); scale 100 is synthetic ({hundred['rows']['clusters']:,} clusters, "
        f"{hundred['rows']['funding']:,} funding rows). Times are medians of "
        f"{pages.RUNS} runs unless said otherwise.",
        "",
        "What each row measures:",
        "",
        "- **Warm rerun**: the page run again with nothing changed (every cache hit).",
        "- **Cache miss**: the page after a real filter change: each run asks for an as-of "
        "date no run asked before, so every extract and figure is computed anew (filter-free "
        "lookups stay cached). In process (AppTest), script start to last element.",
        "- **DuckDB floor**: the extract queries that same run made (recorded, then replayed "
        "alone on a fresh cursor, DataFrame fetch included); **page / floor** is what "
        "Streamlit, pandas and the charts add on top. Every page pays for what it draws "
        "whatever its queries cost: the frame (sidebar, navigation, header), each figure (built "
        "and sent as JSON) and each table (one with coloured cells through a pandas Styler, "
        "which costs about as much as a query); a page of short queries cannot stay within 2x "
        "of them. The glossary page reads no extract: its miss is the frame and its entries.",
        "- **Naive baseline**: the same page, with every extract computed in pandas "
        "(`bench/naive.py`) from CSV reads cached with `st.cache_data` as Streamlit's docs "
        "teach, on the same kind of cache miss; **naive ÷ app** compares the two misses, "
        "which take turns run by run (a machine whose speed drifts slows both alike).",
        "- **Browser**: one Chromium session, from navigation (a fresh as-of date in the URL) "
        f"to the first chart drawn (– for a page without one), and to the end of the run; median "
        f"of {browser.NAVIGATIONS}.",
        "- **Server RSS**: peak resident memory (VmHWM) of a fresh server, started as `make "
        "run` starts it (`python -m dashboard serve`), while N Chromium sessions open every "
        "page.",
        "- **Build**: the whole `python -m dashboard build` process, median of 3.",
        "",
        "| Measure | Scale 1 | Scale 100 | Goal | Met |",
        "|---|---|---|---|---|",
    ]
    build_ok = one["build"] < GOALS["build"][1] and hundred["build"] < GOALS["build"][100]
    lines.append(
        f"| Store build | {one['build']:.2f} s | {hundred['build']:.2f} s | < 1 s / < 10 s | "
        f"{mark(build_ok)} |"
    )
    for page in pages.PAGE_NAMES:
        a, b = one["pages"][page], hundred["pages"][page]
        lines.append(f"| `{page}` warm rerun | {ms(a.warm)} | {ms(b.warm)} | | |")
        ok = a.miss < GOALS["miss"][1] and b.miss < GOALS["miss"][100]
        lines.append(
            f"| `{page}` cache miss | {ms(a.miss)} | {ms(b.miss)} | < 150 / < 250 ms | {mark(ok)} |"
        )
        if not (a.queries and b.queries):  # nothing to compare with: the page reads no extract
            lines.append(f"| `{page}` DuckDB floor, naive miss | no extract queries | | | |")
            continue
        ok = a.over_floor <= GOALS["over_floor"] and b.over_floor <= GOALS["over_floor"]
        lines.append(
            f"| `{page}` DuckDB floor, page / floor | {ms(a.floor)}, {a.over_floor:.1f}x | "
            f"{ms(b.floor)}, {b.over_floor:.1f}x | ≤ 2x | {mark(ok)} |"
        )
        ratio_1, ratio_100 = a.naive_miss / a.miss, b.naive_miss / b.miss
        lines.append(
            f"| `{page}` naive miss, naive ÷ app | {ms(a.naive_miss)}, {ratio_1:.1f}x | "
            f"{ms(b.naive_miss)}, {ratio_100:.1f}x | ≥ 5x at 100x | "
            f"{mark(ratio_100 >= GOALS['naive'])} |"
        )
    for page in pages.PAGE_NAMES:
        (c1, d1), (c100, d100) = one["browser"][page], hundred["browser"][page]
        lines.append(
            f"| `{page}` browser: first chart / run done | {ms(c1)} / {ms(d1)} | "
            f"{ms(c100)} / {ms(d100)} | | |"
        )
    for n in SESSIONS:
        (r1, t1), (r100, t100) = one["rss"][n], hundred["rss"][n]
        goal, met = ("≤ 300 MB", mark(r100 <= GOALS["rss"])) if n == 10 else ("", "")
        lines.append(
            f"| Server RSS, {n} sessions (wall time) | {r1:.0f} MB ({t1:.0f} s) | "
            f"{r100:.0f} MB ({t100:.0f} s) | {goal} | {met} |"
        )
    for scale in SCALES:
        five, printed = results[scale]["profile"]
        lines += [
            "",
            f"## Hotspots at scale {scale}: `{results[scale]['slowest']}` (slowest cache miss)",
            "",
            "cProfile of 5 cache misses in the script's thread (its side-by-side queries run in "
            "turn there, so their time shows). The top five by own time (cProfile's own "
            "overhead makes every figure larger than the unprofiled miss):",
            "",
            *five,
            "",
            "The top fifteen as cProfile prints them:",
            "",
            "```",
            printed.strip(),
            "```",
        ]
    return "\n".join(lines) + "\n"


def update_readme(text: str) -> None:
    """Copy the results' first table (every measure and goal) into README's Performance
    section, so the two always agree."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    table = "\n".join(lines[start:end])
    readme = ROOT / "README.md"
    before, rest = readme.read_text(encoding="utf-8").split(README_START)
    _, after = rest.split(README_END)
    readme.write_text(f"{before}{README_START}\n{table}\n{README_END}{after}", encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = {scale: measure(scale, Path(tmp)) for scale in SCALES}
    text = report(results)
    (ROOT / "bench" / "results.md").write_text(text, encoding="utf-8")
    update_readme(text)
    print(text)


if __name__ == "__main__":
    main()

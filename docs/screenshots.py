"""Screenshots of every page, in both languages, today and on 30 June 2016, at 1440×900 and
1920×1080, as a funder's screen shows them (the viewport, not the whole page): `make screenshots`
writes them to docs/screenshots/ for the README and for looking at before a change lands."""

from __future__ import annotations

import argparse
import os
import socket
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, sync_playwright

from dashboard import devserver, store
from dashboard.web.navigation import PAGES

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZES = ((1440, 900), (1920, 1080))
DATES = (None, "2016-06-30")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# A page's own choice in its link, where without one it draws nothing to look at.
LINKS = {"compare": "compare=gce-node,gce-blue-maritime,norwegian-smart-care-cluster&"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ready(page: Page) -> None:
    """The run is over, the page drawn and its charts laid out."""
    page.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000
    )
    page.wait_for_timeout(2_500)


def _small(path: Path) -> None:
    """A 256-colour PNG: the pages are flat colours, so it looks the same at a third the size."""
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
            path, optimize=True
        )


def shoot(base: str, pages: list[str]) -> list[Path]:
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width, height in SIZES:
            page = browser.new_page(viewport={"width": width, "height": height})
            for lang in ("nb", "en"):
                for day in DATES:
                    for name in pages:
                        query = LINKS.get(name, "") + f"lang={lang}"
                        query += f"&as_of={day}" if day else ""
                        path = "" if name == PAGES[0].name else name
                        page.goto(f"{base}/{path}?{query}")
                        _ready(page)
                        shot = OUT / f"{name}-{lang}-{day or 'today'}-{width}x{height}.png"
                        page.screenshot(path=str(shot))
                        _small(shot)
                        written.append(shot)
            page.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    shown = [p.name for p in PAGES if not p.admin_only]
    parser.add_argument("pages", nargs="*", default=shown, help="pages (default: all)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "klyngemonitor.duckdb"
        store.build(ROOT / "data", db)
        port = _free_port()
        with open(Path(tmp) / "server.log", "w") as log:
            process = devserver.launch(db, ROOT / "data", port, log)
            try:
                written = shoot(devserver.wait_healthy(process, port), args.pages)
            finally:
                devserver.stop(process)
    print(f"{len(written)} screenshots in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

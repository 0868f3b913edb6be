"""A brief as one self-contained HTML file, and that file printed to a one-page A4 PDF.

The HTML carries everything it shows: plotly.js is the copy the plotly package ships, inlined
(never a CDN), and the figures are plotly JSON drawn by it. Chromium (Debian's, at
config.chromium_path(); Playwright's own browser download is not used) prints it through
Playwright, offline and with every request refused, once every chart is drawn.

Reading plotly.js (4.8 MB) costs a second or more of a core, the rest of a brief a fraction of
that: a Printer reads it once into its page and writes each brief into that page without it."""

from __future__ import annotations

import functools
import os
from importlib.resources import files
from typing import Any

import jinja2
import plotly.offline
from markupsafe import Markup

from .. import config, theme
from .blocks import Brief

# The printable area: A4 less 10 mm margins all round (the template's sheet is 190 mm wide).
MARGIN = "10mm"
# A brief longer than a page is shrunk to fit, down to this zoom; below it, it would be unreadable.
MIN_ZOOM = 0.8
DRAW_TIMEOUT_MS = 60_000
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


class BrowserUnavailable(RuntimeError):
    """Chromium cannot be started to print a brief."""


@functools.cache
def _template() -> jinja2.Template:
    source = files(__package__).joinpath("brief.html").read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(source)


@functools.cache
def _plotly_js() -> Markup:
    """plotly.js as the script element every brief carries (the Printer finds it by this)."""
    return Markup('<script id="plotly-js">' + plotly.offline.get_plotlyjs() + "</script>")


def _figure_json(figure: str) -> Markup:
    """Figure JSON safe inside a <script> element: no `<` that could close it."""
    return Markup(figure.replace("<", "\\u003c"))


def _colours() -> list[tuple[str, str, str]]:
    """The label and status cells' colours, as the dashboard's tables colour them."""
    found = [
        (f"label-{k}", v, "#FFFFFF" if k == "Bronze" else "#000000")
        for k, v in theme.LABEL_COLOURS.items()
    ]
    found += [
        (f"status-{k}", v, theme.STATUS_TEXT_COLOURS.get(k, "#000000"))
        for k, v in theme.STATUS_COLOURS.items()
    ]
    return found


def html(brief: Brief) -> str:
    """The brief as one HTML document that needs nothing from outside itself."""
    return _template().render(
        brief=brief,
        font=Markup(", ".join(f'"{f.strip()}"' for f in theme.FONT.split(","))),
        colours=_colours(),
        figure_json=_figure_json,
        plotly_js=_plotly_js(),
        min_zoom=MIN_ZOOM,
        margin=MARGIN,
    )


def available() -> bool:
    """Whether the Chromium that prints briefs is there to start."""
    path = config.chromium_path()
    return path.is_file() and os.access(path, os.X_OK)


def missing_message() -> str:
    return (
        f"Chromium is needed to print a brief and was not found at {config.chromium_path()} "
        "(install Debian's chromium package, or set CHROMIUM to its path)"
    )


# The page a Printer reads plotly.js into, served from memory under a name that is no address.
HOME = "http://brief.invalid/"
# A brief written into the page. plotly.js put its style sheet (how a chart's layers stack) into
# the head when it was read; the new document gets a copy of it.
WRITE = """html => {
  const sheet = document.getElementById("plotly.js-style-global");
  const css = sheet ? Array.from(sheet.sheet.cssRules, rule => rule.cssText).join("\\n") : "";
  document.open();
  document.write(html);
  document.close();
  const copy = document.createElement("style");
  copy.id = "plotly.js-style-global";
  copy.textContent = css;
  document.head.appendChild(copy);
}"""


class Printer:
    """Prints HTML briefs to PDF in one Chromium: `with Printer() as p: p.pdf(html)`. Given a
    Playwright `browser` (a test's), it prints there and leaves the browser open."""

    def __init__(self, browser: Any = None) -> None:
        self._browser, self._own = browser, browser is None
        self._playwright: Any = None
        self._context: Any = None
        self._page: Any = None
        self.blocked: list[str] = []  # requests a brief tried to make (none should)
        # how the last brief was fitted to its page: zoom 1 and nothing dropped, as designed
        self.fitted: dict[str, float] = {}

    def __enter__(self) -> Printer:
        if not self._own:
            return self
        if not available():
            raise BrowserUnavailable(missing_message())
        from playwright.sync_api import Error, sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=str(config.chromium_path()), args=list(CHROMIUM_ARGS)
            )
        except Error as err:
            self._playwright.stop()
            raise BrowserUnavailable(f"Chromium could not be started: {err.message}") from err
        return self

    def __exit__(self, *exc: object) -> None:
        if self._context is not None:
            self._context.close()
            self._context = self._page = None
        if self._own and self._playwright is not None:
            self._browser.close()
            self._playwright.stop()
            self._playwright = None

    def _ready(self) -> Any:
        """The page, plotly.js read into it, print media on, every request refused."""
        if self._page is not None:
            return self._page
        home = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
        home += _plotly_js() + "</body></html>"

        def serve(route: Any) -> None:
            if route.request.url == HOME:
                route.fulfill(body=home, content_type="text/html; charset=utf-8")
            else:
                self.blocked.append(route.request.url)
                route.abort()

        self._context = self._browser.new_context(
            offline=True, viewport={"width": 900, "height": 1200}
        )
        page = self._context.new_page()
        page.route("**/*", serve)
        page.emulate_media(media="print")
        page.goto(HOME, wait_until="load")
        page.wait_for_function("typeof Plotly === 'object'", timeout=DRAW_TIMEOUT_MS)
        self._page = page
        return page

    def pdf(self, document: str) -> bytes:
        """The HTML `document` printed to A4, once its charts are drawn."""
        page = self._ready()
        page.evaluate(WRITE, document.replace(_plotly_js(), "", 1))
        page.wait_for_function("document.body.dataset.drawn", timeout=DRAW_TIMEOUT_MS)
        if page.evaluate("document.body.dataset.drawn") != "yes":
            raise RuntimeError(
                "a chart of the brief could not be drawn: "
                + str(page.evaluate("document.body.dataset.error"))
            )
        self.fitted = {
            "zoom": float(page.evaluate("document.body.dataset.zoom")),
            "dropped": int(page.evaluate("document.body.dataset.dropped")),
        }
        return page.pdf(format="A4", print_background=True)

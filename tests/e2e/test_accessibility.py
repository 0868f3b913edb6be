"""WCAG 2.1 AA in a real Chromium: axe-core checks every page a funder can open, in both
languages, today and in 2016, once the app has drawn it (charts and tables included).

axe-core is the npm package pinned in package.json; `make test` installs it into node_modules/.
axe cannot judge the contrast of the text in plotly's SVG (it leaves it "incomplete": the
background is drawn by other shapes) nor see the cells the data grid paints on a canvas:
tests/test_chart_contrast.py checks the colours the chart builders and tables give them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from dashboard.web.navigation import PAGES

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGUAGES = ("nb", "en")
DATES = {"today": "", "2016": "area=helse-og-velferd&as_of=2016-06-30"}
# Every page a funder sees; the first is served at "/".
PATHS = {p.name: "" if i == 0 else p.name for i, p in enumerate(PAGES) if not p.admin_only}
TARGETS_SHOWN = 3

# Drawn: the script run is over, nothing is left faded from an earlier run, every plotly chart
# has its SVG and every data grid its canvas. Streamlit marks the app root with the run's state,
# which its status widget shows: the widget itself appears only a while after a run starts and
# lingers some 3 s after it ends, so it is a poor signal either way.
DRAWN = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.dataset.testScriptState !== 'notRunning') return false;
  if (app.dataset.testConnectionState !== 'CONNECTED') return false;
  const main = document.querySelector('[data-testid=stMain]');
  if (!main || !main.querySelector('h1')) return false;
  if (document.querySelector('[data-stale=true]')) return false;
  if (main.querySelector('[data-testid=stSkeleton]')) return false;
  const charts = [...main.querySelectorAll('[data-testid=stPlotlyChart]')];
  if (!charts.every(c => c.querySelector('.js-plotly-plot .main-svg'))) return false;
  const grids = [...main.querySelectorAll('[data-testid=stDataFrame]')];
  return grids.every(g => g.querySelector('canvas'));
}"""

RUN_AXE = """async (tags) => {
  const found = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],  // passes and the rest are counted, not detailed: quicker
  });
  return found.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({
      target: n.target.join(' '), html: n.html,
      why: [...n.any, ...n.all, ...n.none].map(c => c.message).join('; '),
    })),
  }));
}"""


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.exists():
        pytest.fail(
            f"axe-core is not installed ({AXE.relative_to(ROOT)} is missing): run `make test`, "
            "which installs the npm packages pinned in package.json with `npm ci`."
        )
    return AXE


@pytest.fixture(scope="module")
def tab(browser: Browser, browser_context_args: dict) -> Iterator[Page]:
    """One tab for every check: its cache keeps Streamlit's scripts (plotly's alone is some
    5 MB, parsed anew in a fresh context), so each page costs its own run only. Every check
    opens its page by URL, a new Streamlit session, so none depends on the one before."""
    context = browser.new_context(**browser_context_args)
    yield context.new_page()
    context.close()


def describe(violations: list[dict], where: str) -> str:
    lines = [f"{where}: {len(violations)} WCAG 2.1 AA rule(s) violated"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}, {len(v['nodes'])} element(s)): {v['help']}")
        for node in v["nodes"][:TARGETS_SHOWN]:
            lines.append(f"    {node['target']}\n      {node['html'][:300]}\n      {node['why']}")
    return "\n".join(lines)


@pytest.mark.parametrize("when", list(DATES))
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(PATHS))
def test_page_meets_wcag_21_aa(
    axe_script: Path, tab: Page, server: str, name: str, lang: str, when: str
):
    page = tab
    query = "&".join(x for x in (f"lang={lang}", DATES[when]) if x)
    url = f"{server}/{PATHS[name]}?{query}"
    page.goto(url)
    page.wait_for_function(DRAWN, timeout=60_000, polling=200)
    page.wait_for_timeout(300)  # a rerun the first run asked for, a chart's last frame
    page.wait_for_function(DRAWN, timeout=60_000, polling=200)
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate(RUN_AXE, TAGS)
    assert not violations, describe(violations, f"page {name!r}, lang={lang}, date={when} ({url})")

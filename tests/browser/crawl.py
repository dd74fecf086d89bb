"""What the crawl test checks on one page, in Chromium (see test_crawl.py and docs/ui.md)."""

import gettext
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (1280, 320)
DEPTH = 2  # levels of links below the navigation's pages
# While building one area: HRPORTAL_CRAWL_ONLY=/reward/ visits only pages under that path (CI crawls all).
ONLY = os.environ.get("HRPORTAL_CRAWL_ONLY", "")
# Not our pages: the Django admin and the Swagger UI have their own look; files are downloads.
SKIP = re.compile(r"^/(admin|api)/|/download\.|\.(csv|xlsx)$|^/logout/|^/i18n/")

# A raw code in visible text: two dots between lowercase words (telework.agreement.refused).
DOTTED_KEY = re.compile(r"(?<![\w@./-])[a-z][a-z_]+\.[a-z][a-z_]+\.[a-z][a-z_]+(?![\w@/-])")


@dataclass
class PageReport:
    url: str
    width: int
    problems: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.problems.append(message)


@cache
def axe_source() -> str:
    return AXE.read_text()


@cache
def english_msgids() -> frozenset[str]:
    """The English texts of the interface that have a different Dutch translation: one of them on a Dutch
    page is an untranslated message. Texts with placeholders, and one-word texts shorter than five
    letters (codes, "OK"), are left out to keep false alarms away."""
    msgids = set()
    for mo in ROOT.glob("**/locale/nl/LC_MESSAGES/django.mo"):
        if ".venv" in mo.parts or "node_modules" in mo.parts:
            continue
        with mo.open("rb") as handle:
            catalog = gettext.GNUTranslations(handle)._catalog
        for msgid, msgstr in catalog.items():
            if not isinstance(msgid, str) or not msgid or "%" in msgid or "{" in msgid:
                continue
            if isinstance(msgstr, str) and msgstr.strip() and msgstr.strip() != msgid.strip():
                text = " ".join(msgid.split())
                if len(text) >= 5:
                    msgids.add(text)
    return frozenset(msgids)


# Visible text nodes (not in <script>/<style>, not hidden, not marked as another language).
VISIBLE_TEXTS_JS = """
() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (!text) continue;
    const el = node.parentElement;
    if (!el || el.closest("script, style, noscript, template")) continue;
    const langEl = el.closest("[lang]");
    if (langEl && langEl !== document.documentElement && !langEl.lang.startsWith(document.documentElement.lang)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    if (!el.getClientRects().length) continue;
    out.push(text);
  }
  return out;
}
"""

# Contrast of every visible button and link-button, computed here because axe leaves it "incomplete"
# whenever it cannot tell the background (the white-on-white buttons of issue 12 went through that gap).
BUTTON_CONTRAST_JS = """
() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(",").map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = ({r, g, b}) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const blend = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a), a: 1});
  const background = (el) => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (getComputedStyle(e).backgroundImage !== "none" && e !== el) return null;
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
    let result = {r: 255, g: 255, b: 255, a: 1};
    for (let i = layers.length - 1; i >= 0; i--) result = blend(layers[i], result);
    return result; };
  const out = [];
  const selector = "button, a.govuk-button, [role=button], input[type=submit], input[type=button]";
  for (const el of document.querySelectorAll(selector)) {
    const rect = el.getBoundingClientRect(); const style = getComputedStyle(el);
    if (!rect.width || !rect.height || style.visibility === "hidden" || style.display === "none" || el.hidden) continue;
    if (el.closest("[hidden]")) continue;
    const text = (el.innerText || el.value || "").trim(); if (!text) continue;
    const fg = parse(style.color); const bg = background(el);
    if (!fg || !bg) { out.push({text, ratio: null}); continue; }
    const a = lum(blend(fg, bg)), b = lum(bg);
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    out.push({text, ratio: Math.round(ratio * 100) / 100, needed: large ? 3 : 4.5});
  }
  return out;
}
"""


def check_page(page, report: PageReport, *, language: str = "nl", full: bool = True) -> None:
    """Every width: sideways scroll and the buttons' contrast; `full` (once per page): axe, the words."""
    scroll = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if scroll[0] > scroll[1]:
        report.fail(f"scrolls sideways: {scroll[0]} px wide in a {scroll[1]} px window")
    _check_buttons(page, report)
    if not full:
        return
    lang = page.evaluate("document.documentElement.lang")
    if lang != language:
        report.fail(f'<html lang="{lang}">, expected "{language}"')
    texts = page.evaluate(VISIBLE_TEXTS_JS)
    joined = "\n".join(texts)
    if re.search(r"\bNone\b", joined):
        report.fail(f"'None' in the text: {_around(joined, 'None')}")
    if "{'" in joined:
        report.fail(f"a Python dict in the text: {_around(joined, chr(123) + chr(39))}")
    for match in DOTTED_KEY.finditer(joined):
        report.fail(f"a raw code in the text: {match.group(0)}")
    if language == "nl":
        msgids = english_msgids()
        untranslated = sorted({t for t in texts if t in msgids})
        if untranslated:
            report.fail(f"untranslated: {untranslated[:8]}")
    _axe(page, report)


def _check_buttons(page, report: PageReport) -> None:
    for button in page.evaluate(BUTTON_CONTRAST_JS):
        if button["ratio"] is None:
            report.fail(f"button {button['text']!r}: background cannot be determined (image behind it)")
        elif button["ratio"] < button["needed"]:
            report.fail(f"button {button['text']!r}: contrast {button['ratio']}:1 < {button['needed']}:1")


def _axe(page, report: PageReport) -> None:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's own CSP does not apply to the test's tool.
        page.evaluate(axe_source() + "\n;undefined")
    result = page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations", "incomplete"]})
            .then(r => ({
              violations: r.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").slice(0, 160))})),
              incomplete: r.incomplete.filter(v => v.id === "color-contrast")
                .flatMap(v => v.nodes.map(n => n.target.join(" ")))
            }))""",
        AXE_TAGS,
    )
    for violation in result["violations"]:
        report.fail(f"axe {violation['id']}: {violation['help']} — {violation['nodes']}")
    # Contrast axe could not decide on a visible button is decided by BUTTON_CONTRAST_JS above; anything
    # else it leaves open must be decided here too, so list what is not a button for a person to look at.
    open_items = [
        target
        for target in result["incomplete"]
        if not page.evaluate(
            """(sel) => { const el = document.querySelector(sel); return !el || !!el.closest(
                 "button, a.govuk-button, [role=button], input[type=submit], input[type=button]"); }""",
            target,
        )
    ]
    report.incomplete = open_items  # type: ignore[attr-defined]


def _around(text: str, needle: str) -> str:
    at = text.find(needle)
    return repr(text[max(0, at - 60) : at + 40])


def url_pattern(url: str) -> str:
    """One page per URL pattern: /telework/agreements/60/ and /telework/agreements/61/ are the same page."""
    parts = urlsplit(url)
    path = re.sub(r"/\d+(?=/|$)", "/{id}", parts.path)
    keys = sorted({pair.split("=")[0] for pair in parts.query.split("&") if pair and not pair.startswith("page=")})
    return path + ("?" + "&".join(keys) if keys else "")


def same_site_links(page, base_url: str, scope: str) -> list[str]:
    hrefs = page.eval_on_selector_all(f"{scope} a[href]", "els => els.map(e => e.getAttribute('href'))")
    links = []
    for href in hrefs:
        if not href or href.startswith(("#", "mailto:", "tel:")):
            continue
        parts = urlsplit(href)
        if parts.netloc and f"{parts.scheme}://{parts.netloc}" != base_url:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not path.startswith("/") or SKIP.search(parts.path):
            continue
        links.append(path)
    return links


def _visit(page, base_url: str, path: str, role: str, expected: int, console: list[str], artifacts) -> list[PageReport]:
    reports = []
    slug = re.sub(r"[^a-zA-Z0-9]+", "_", path).strip("_") or "home"
    for width in WIDTHS:
        report = PageReport(url=path, width=width)
        page.set_viewport_size({"width": width, "height": 900})
        console.clear()
        response = page.goto(base_url + path)
        page.wait_for_load_state("load")
        status = response.status if response else None
        if status != expected:
            report.fail(f"HTTP {status}, expected {expected}")
        check_page(page, report, full=width == WIDTHS[0])
        for message in console:
            report.fail(f"console: {message}")
        page.screenshot(path=artifacts / role / f"{slug}-{width}.png", full_page=True)
        reports.append(report)
    return reports


def crawl_role(browser, base_url: str, role: str, artifacts, *, login) -> tuple[int, list[str]]:
    """Sign in as `role`, visit the navigation's pages and the pages they link to; the problems found."""
    (artifacts / role).mkdir(parents=True, exist_ok=True)
    # An English browser: the portal must still answer in Dutch (Accept-Language is ignored).
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20000)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: console.append(f"script error: {e}"))
    login(page, base_url, role)
    nav_links = same_site_links(page, base_url, 'nav[aria-label="Hoofdnavigatie"]')
    footer_links = same_site_links(page, base_url, "footer")
    assert nav_links, f"{role}: no main navigation"
    seen: dict[str, str] = {}
    level_one = []
    for link in nav_links + footer_links:
        if url_pattern(link) not in seen:
            seen[url_pattern(link)] = link
            level_one.append(link)
    failures, visited = [], 0
    level = level_one
    # The navigation's pages, the pages they link to, and the pages those link to (an area's home, its
    # lists, their detail pages), one page per URL pattern.
    for depth in range(DEPTH + 1):
        deeper_links = []
        for link in level:
            if ONLY and not link.startswith(ONLY) and not (depth == 0 and link == "/"):
                continue
            reports = _visit(page, base_url, link, role, 200, console, artifacts)
            visited += 1
            failures += [f"{role} {r.url} @{r.width}: {p}" for r in reports for p in r.problems]
            if depth == DEPTH:
                continue
            for deeper in same_site_links(page, base_url, "main"):
                if url_pattern(deeper) not in seen:
                    seen[url_pattern(deeper)] = deeper
                    deeper_links.append(deeper)
        level = deeper_links
    # The expected 404: a page that is not there answers our Dutch page with a way back.
    reports = _visit(page, base_url, "/does-not-exist/", role, 404, console, artifacts)
    failures += [
        f"{role} 404 page @{r.width}: {p}" for r in reports for p in r.problems if not p.startswith("console:")
    ]
    if not page.get_by_role("link", name="Naar de startpagina").is_visible():
        failures.append(f"{role} 404 page: no visible link back to the home page")
    context.close()
    return visited, failures

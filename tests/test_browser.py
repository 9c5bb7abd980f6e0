"""The demo site as a reader meets it, in Debian's Chromium driven by Playwright.

Skipped, with the reason, where Chromium or Playwright is missing (`.ci/run` installs both); the
accessibility checks also need axe-core (`npm ci --prefix tests/browser`, which `make test` runs).
Screenshots at phone and desktop widths are saved in tests/artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path

import pytest

from dossier.model import default_paths
from dossier.pipeline import build_site

PROJECT = Path(__file__).resolve().parent.parent
ARTIFACTS = PROJECT / "tests" / "artifacts"
AXE = PROJECT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic"]
ARTICLE = "articles/russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign/"

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
if not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("browser") / "output"
    assert build_site(default_paths(output=output, project=PROJECT)).ok
    server = serve(output)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory):
    """The demo site with its search index in shards of 8 pages, as a large site's is."""
    import dossier.search

    output = tmp_path_factory.mktemp("sharded") / "output"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dossier.search, "SHARD_PAGES", 8)
        assert build_site(default_paths(output=output, project=PROJECT)).ok
    assert len(json.loads((output / "pagefind" / "shards.json").read_text())["shards"]) > 3
    indexed = [p for p in dossier.search._searched(output) if b"data-pagefind-body" in (output / p).read_bytes()]
    assert indexed.index(ARTICLE + "index.html") // 8 != indexed.index("places/meghri/index.html") // 8
    server = serve(output)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, site):
    """A page that records console errors, script errors and any request leaving the site."""
    context = browser.new_context()
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.problems.append(f"script error: {e}"))
    page.on("request", lambda r: not r.url.startswith((site, "data:")) and page.problems.append(f"outside: {r.url}"))
    yield page
    context.close()


def test_home_page_renders(page, site):
    page.goto(site)
    assert page.locator("h1").inner_text() == "Russia and Nagorno-Karabakh"
    assert page.locator("nav[aria-label=Main] a").count() == 12  # 9 sections, About, Methodology, the story
    assert page.problems == []


def test_a_reader_goes_from_article_to_person_to_chronology(page, site):
    page.goto(site)
    page.get_by_role("link", name="Articles", exact=True).first.click()
    page.get_by_role("link", name="Russian peacekeepers in Karabakh demanded and needed").first.click()
    assert page.url == site + ARTICLE
    page.locator(".body a.entity", has_text="Mikhail Galuzin").first.click()
    assert page.locator("h1").inner_text() == "Mikhail Galuzin"
    page.get_by_role("link", name="Chronology", exact=True).first.click()
    page.get_by_role("link", name="2023", exact=True).click()
    assert page.locator("h1").inner_text() == "Chronology: 2023"
    assert page.locator(".timeline li.publication", has_text="Russian peacekeepers in Karabakh").count() == 1
    page.locator(".filter input[data-kind=mention]").uncheck()
    assert page.locator(".timeline li.mention:visible").count() == 0
    assert page.problems == []


def test_search_finds_an_article_by_a_word_in_its_body(page, site):
    page.goto(site + "search/")
    page.locator("#search-input").fill("Meghri")  # a word in one article's body (and a place's name)
    page.locator(".results li").first.wait_for(timeout=10_000)
    titles = page.locator(".results li a").all_inner_texts()
    assert "Russian peacekeepers in Karabakh demanded and needed - Russian Deputy Foreign Minister" in titles
    assert "Meghri" in titles  # the place's own page
    page.locator("select[data-facet=kind]").select_option("Article")
    assert page.locator(".results li").count() == 1
    page.locator(".results li a").first.click()
    assert page.url == site + ARTICLE
    assert page.problems == []


def test_a_place_found_by_search_shows_its_own_words_not_its_kind_twice(page, site):
    page.goto(site + "search/")
    page.locator("#search-input").fill("Meghri")
    page.locator(".results li").first.wait_for(timeout=10_000)
    place = page.locator(".results li", has=page.locator("a", has_text="Meghri")).first
    excerpt = place.locator("p").inner_text()
    assert not excerpt.startswith("Places") and "Meghri" in excerpt
    assert place.locator(".meta").inner_text().strip() == "Places"  # the kind, from the page's metadata


def test_a_search_with_no_hits_says_so_and_keeps_its_filters(page, site):
    page.goto(site + "search/")
    page.locator("select[data-facet=kind]").wait_for(state="visible")  # shown once the index has loaded
    width = page.locator("select[data-facet=kind]").bounding_box()["width"]
    page.locator("#search-input").fill("zzxqwv")
    page.locator(".status", has_text="Nothing found").wait_for(timeout=10_000)
    assert page.locator(".status").inner_text() == "Nothing found for “zzxqwv”."
    assert page.locator(".results li").count() == 0
    assert page.locator("select[data-facet=kind]").bounding_box()["width"] == width
    assert page.problems == []


def test_search_over_an_index_in_shards_finds_pages_of_every_shard(browser, sharded_site):
    """The article and the place's page are in different shards (see `sharded_site`); both are
    found, and the kind filter counts over the merged results."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(sharded_site + "search/")
    page.locator("#search-input").fill("Meghri")
    page.locator(".results li").nth(1).wait_for(timeout=10_000)
    titles = page.locator(".results li a").all_inner_texts()
    assert "Russian peacekeepers in Karabakh demanded and needed - Russian Deputy Foreign Minister" in titles
    assert "Meghri" in titles
    page.locator("select[data-facet=kind]").select_option("Article")
    assert page.locator(".results li").count() == 1
    assert errors == []
    context.close()


def test_search_finds_an_article_not_the_entity_pages_that_quote_its_sentences(page, site):
    # "observational" is in one article's sentence about Putin, which his page repeats among its
    # contexts; those repeats are not indexed, so the article is found and his page is not.
    page.goto(site + "search/")
    page.locator("#search-input").fill("observational")
    page.locator(".results li").first.wait_for(timeout=10_000)
    hrefs = page.locator(".results li a").evaluate_all("links => links.map(a => a.href)")
    assert site + "articles/russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign/" in hrefs
    assert site + "people/vladimir-putin/" not in hrefs
    assert page.problems == []


@pytest.mark.parametrize(("name", "width", "height"), [("phone", 390, 844), ("desktop", 1280, 900)])
def test_screenshots_at_phone_and_desktop_widths(browser, site, name, width, height):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    for label, path in (("home", ""), ("article", ARTICLE), ("person", "people/vladimir-putin/")):
        page.goto(site + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{label} scrolls sideways at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"{label}-{name}.png"), full_page=True)
    context.close()


EVERY_PAGE_KIND = ["", "articles/", ARTICLE, ARTICLE + "source/", "people/", "people/vladimir-putin/",
                   "organisations/", "organisations/collective-security-treaty-organization/", "events/",
                   "events/2023-offensive/", "places/", "places/armenia/", "tags/", "tags/armenia/", "sources/",
                   "corrections/", "chronology/", "chronology/2023/", "search/", "search/?q=Karabakh",
                   "search/?q=zzxqwv", "peacekeepers/", "no-such-page/"]


@pytest.mark.parametrize("width", [390, 1280])
def test_no_kind_of_page_scrolls_sideways(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    wide = []
    for path in EVERY_PAGE_KIND:
        page.goto(site + path)
        if path.startswith("search/?q="):
            page.locator(".status").filter(has_text=re.compile(r"\w")).wait_for(timeout=10_000)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide.append((path, overflow))
    context.close()
    assert wide == [], f"pages that scroll sideways at {width}px (path, pixels): {wide}"


PAGES_TO_AUDIT = ["", "articles/", ARTICLE, ARTICLE + "source/", "people/", "people/mikhail-galuzin/",
                  "chronology/", "chronology/2023/", "search/", "tags/", "sources/"]


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci --prefix tests/browser)")
@pytest.mark.parametrize("path", PAGES_TO_AUDIT)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(page, site, path, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site + path)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("axe.run().then(r => r.violations.map(v => ({id: v.id, impact: v.impact, "
                               "nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))")
    assert [v for v in violations if v["impact"] in ("serious", "critical")] == []

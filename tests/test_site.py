"""The whole demo site, built from content/ into a temporary folder and checked by hand-verified facts."""

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from dossier.model import default_paths
from dossier.pipeline import build_site

PROJECT = Path(__file__).resolve().parent.parent
GALUZIN_ARTICLES = {  # read in the seeds: these two, and only these, name Galuzin
    "Russian peacekeepers in Karabakh demanded and needed - Russian Deputy Foreign Minister",
    "Russia Affirms Key Role in Armenia-Azerbaijan Dialogue Amid Geopolitical Shifts",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("site") / "output"
    result = build_site(default_paths(output=output, project=PROJECT))
    assert result.ok, result.problems
    return output


def load(site, name):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if attrs.get(key):
                self.links.append(attrs[key])


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(site: Path, page: Path, link: str) -> tuple[Path, str]:
    """The file a relative link points to, and its #fragment."""
    base = "/" + page.relative_to(site).as_posix()
    url, fragment = urldefrag(urljoin(base, link))
    target = site / urlsplit(url).path.lstrip("/")
    return (target / "index.html" if url.endswith("/") else target), fragment


def test_no_broken_internal_link_or_anchor(site):
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        for link in parse(page).links:
            if urlsplit(link).scheme or link.startswith("mailto:"):
                continue
            target, fragment = resolve(site, page, link)
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
            elif fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                broken.append(f"{page.relative_to(site)} -> {link} (no such anchor)")
    assert broken == []


def test_every_page_is_reachable_from_the_home_page(site):
    seen, queue = set(), [site / "index.html"]
    while queue:
        page = queue.pop()
        if page in seen or page.suffix != ".html":
            continue
        seen.add(page)
        queue += [resolve(site, page, link)[0] for link in parse(page).links if not urlsplit(link).scheme]
    articles = load(site, "articles.json")
    entities = load(site, "entities.json")
    expected = {site / a["url"] / "index.html" for a in articles} | \
        {site / e["url"] / "index.html" for e in entities} | {site / "chronology" / "index.html"}
    assert expected - seen == set()


def test_galuzin_page_lists_the_two_articles_that_mention_him(site):
    html = (site / "people" / "mikhail-galuzin" / "index.html").read_text()
    section = html.split("<h2>Articles</h2>")[1].split("</section>")[0]
    titles = set(re.findall(r'<a href="[^"]+">([^<]+)</a> <span class="meta">', section))
    assert titles == GALUZIN_ARTICLES


def test_articles_export_has_the_documented_fields_and_facts(site):
    articles = {a["source_path"]: a for a in load(site, "articles.json")}
    assert sorted(articles) == sorted(p.name for p in (PROJECT / "content" / "articles").iterdir())
    for article in articles.values():
        assert {"source_path", "slug", "url", "title", "date", "date_source", "source", "tags", "text",
                "entities", "quotes", "dated_mentions"} <= set(article)
    first = articles["000_034f0e8b02609159.txt"]
    assert (first["date"], first["date_source"]) == ("2023-10-09", "dateline")
    assert "Join us on" not in first["text"] and "mikhail-galuzin" in first["entities"]
    assert {"date": "2023-10-12", "text": "October 12 this year"}.items() <= first["dated_mentions"][-1].items()
    assert all(q["speaker"] == "mikhail-galuzin" for q in first["quotes"]) and len(first["quotes"]) == 7
    assert [articles[f"00{i}_{h}.txt"]["date"] for i, h in
            ((1, "cb3a59321c21f76c"), (2, "6b2447b7a3177c8d"), (3, "089a4a965bbe1351"), (4, "dceb8f66d6ffd2f1"))] \
        == [None] * 4  # none of them states a date; none is invented
    assert articles["001_cb3a59321c21f76c.txt"]["tags"] == ["News", "Politics", "Armenia"]
    assert articles["004_dceb8f66d6ffd2f1.txt"]["tags"] == ["Russia", "Vladimir Putin"]
    assert articles["003_089a4a965bbe1351.txt"]["source"] == "www.mk.ru"


def test_entities_and_chronology_exports(site):
    entities = {e["id"]: e for e in load(site, "entities.json")}
    assert {"id", "name", "kind", "aliases", "articles"} <= set(entities["vladimir-putin"])
    assert entities["mikhail-galuzin"]["kind"] == "person" and len(entities["mikhail-galuzin"]["articles"]) == 2
    chronology = load(site, "chronology.json")
    assert [e["date"] for e in chronology] == sorted(e["date"] for e in chronology)
    assert {"date": "2023-10-09", "kind": "publication"}.items() <= \
        next(e for e in chronology if e["kind"] == "publication").items()
    assert any(e["kind"] == "event" and e["date"] == "2020-09-27" for e in chronology)
    with open(site / "data" / "chronology.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))  # the same entries, row for row (written in pieces)
    assert len(rows) == len(chronology) >= 15
    assert all(row["date"] == e["date"] and row["text"] == e["text"] and row["kind"] == e["kind"]
               and row["entities"] == " ".join(e["entities"]) and row["anchor"] == (e["anchor"] or "")
               for row, e in zip(rows, chronology))


def test_article_page_shows_date_links_quotes_and_neighbours(site):
    slug = "russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign"
    html = (site / "articles" / slug / "index.html").read_text()
    assert '<time datetime="2023-10-09">9 October 2023</time>' in html
    assert '<a href="../../people/mikhail-galuzin/" class="entity person">Mikhail Galuzin</a>' in html
    assert html.count('class="quote"') == 7
    assert 'rel="next"' in html and 'rel="prev"' not in html  # the only dated article comes first


def test_two_builds_are_byte_identical(tmp_path):
    """Two builds of the demo in two copies of the project, each with its own cache: the same bytes."""
    import shutil

    outputs = []
    for name in ("first", "second"):
        copy = tmp_path / name
        for folder in ("content", "templates", "site_src"):
            shutil.copytree(PROJECT / folder, copy / folder, ignore=shutil.ignore_patterns(".cache"))
        assert not (copy / ".cache").exists()
        assert build_site(default_paths(project=copy)).ok
        assert (copy / ".cache").is_dir()  # each build made its own cache
        outputs.append({p.relative_to(copy / "output"): p.read_bytes() for p in (copy / "output").rglob("*")
                        if p.is_file() and p.name != ".dossier-output"})  # the marker names the build's inputs
    assert outputs[0] == outputs[1] and len(outputs[0]) > 50


def test_originals_are_published_unchanged(site):
    for original in (PROJECT / "content" / "articles").iterdir():
        assert (site / "originals" / original.name).read_bytes() == original.read_bytes()


def test_feed_is_valid_atom_with_every_article(site):
    import feedparser

    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == 5
    assert feed.entries[0].link == ("https://example.org/dossier/articles/"
                                    "russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign/")


def test_no_page_shows_an_escaped_entity_as_text(site):
    """A word escaped twice reads "the article&#39;s dateline" on the page."""
    twice = re.compile(r"&amp;(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
    shown = {str(page.relative_to(site)): twice.search(page.read_text(encoding="utf-8")).group(0)
             for page in site.rglob("*.html") if twice.search(page.read_text(encoding="utf-8"))}
    assert shown == {}


def test_readers_are_not_shown_notes_meant_for_the_editor(site):
    """Hints on how to fix the content go to the build's messages, not to the reader's pages."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for editor_words in ("not in the registry", "An editor can", "Speaker not identified"):
            assert editor_words not in text, (page, editor_words)

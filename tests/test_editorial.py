"""The editor's pages and wikilinks: resolved against the registry and the articles, reported when not."""

from pathlib import Path

import pytest

from dossier import store
from dossier.markdown import body_blocks
from dossier.model import default_paths
from dossier.pipeline import build, build_site
from dossier.shortcodes import excerpt, shortcodes
from dossier.wikilinks import entity_forms, resolve_wikilinks
from helpers import person

PROJECT = Path(__file__).resolve().parent.parent
PUTIN = person("Vladimir Putin", "Putin")


def test_wikilinks_name_entities_by_name_alias_or_id_and_else_articles():
    forms = entity_forms((PUTIN,))
    assert resolve_wikilinks("[[Vladimir Putin]], [[putin|the president]], [[vladimir-putin]] and [[Some Story]]",
                             forms) == ("[Vladimir Putin](dossier:entity/vladimir-putin), "
                                        "[the president](dossier:entity/vladimir-putin), "
                                        "[vladimir-putin](dossier:entity/vladimir-putin) and "
                                        "[Some Story](dossier:article/some-story)")


def site(tmp_path, pages: dict[str, str]):
    content = tmp_path / "content"
    for folder in ("articles", "entities", "pages"):
        (content / folder).mkdir(parents=True)
    (content / "site.yaml").write_text("title: T\n")
    (content / "entities" / "people.yaml").write_text("- name: Vladimir Putin\n  aliases: [Putin]\n")
    (content / "articles" / "a.md").write_text("---\ntitle: Putin speaks\ndate: 2020-01-02\n---\n"
                                               "Putin spoke. See [[Nobody Known]] and [[Putin|him]].\n")
    for name, text in pages.items():
        (content / "pages" / name).write_text(text)
    output = tmp_path / "out"
    return build_site(default_paths(content, output, PROJECT)), output


def test_pages_are_built_in_the_navigation_with_links(tmp_path):
    result, output = site(tmp_path, {
        "method.md": "---\ntitle: Methodology\norder: 2\n---\nHow [[Putin]] is read, and [[putin-speaks|an article]].\n",
        "about.md": "---\ntitle: About\norder: 1\n---\nAbout this dossier.\n",
        "hidden.md": "---\ntitle: Draft\nnav: false\n---\nNot in the navigation.\n"})
    assert result.ok
    page = (output / "method" / "index.html").read_text()
    assert '<a href="../people/vladimir-putin/">Putin</a>' in page
    assert '<a href="../articles/putin-speaks/">an article</a>' in page
    home = (output / "index.html").read_text()
    assert home.index('href="about/">About') < home.index('href="method/">Methodology') and "Draft" not in home
    assert (output / "hidden" / "index.html").is_file()


def test_an_unresolved_wikilink_is_reported_with_its_line_and_left_as_text(tmp_path):
    result, output = site(tmp_path, {})
    assert [(Path(p.path).name, p.line, p.message.split(";")[0]) for p in result.problems
            if "names no entity" in p.message] == [("a.md", 5, "[[Nobody Known]] names no entity and no article")]
    page = (output / "articles" / "putin-speaks" / "index.html").read_text()
    assert "See Nobody Known and" in page and '<a href="../../people/vladimir-putin/">him</a>' in page


def test_a_page_cannot_take_a_section_address(tmp_path):
    result, _ = site(tmp_path, {"people.md": "---\ntitle: People I met\n---\nText.\n"})
    assert [p.message for p in result.problems if p.severity == "error"] == [
        "its address /people/ is taken by the site's own section; set another `slug:`"]


def test_notes_and_corrections_are_shown_and_logged(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "site.yaml").write_text("title: T\n")
    (content / "articles" / "a.md").write_text(
        "---\ntitle: Corrected story\ndate: 2020-01-02\nnotes: 'Translated from *Russian*.'\n"
        "corrections:\n  - {date: 2020-01-05, text: 'The minister was Lavrov, not Shoigu.'}\n  - {date: soon, text: x}\n"
        "---\nBody of the story.\n")
    result = build_site(default_paths(content, tmp_path / "out", PROJECT))
    assert [(p.line, p.message) for p in result.problems if p.severity == "error"] == [
        (7, "each correction needs `date: YYYY-MM-DD` and `text: ...`")]
    page = (tmp_path / "out" / "articles" / "corrected-story" / "index.html").read_text()
    assert "<p>Translated from <em>Russian</em>.</p>" in page
    assert '<time datetime="2020-01-05">5 January 2020</time>: The minister was Lavrov, not Shoigu.' in page
    log = (tmp_path / "out" / "corrections" / "index.html").read_text()
    assert "The minister was Lavrov, not Shoigu." in log and 'href="../articles/corrected-story/"' in log


def test_shortcodes_that_cannot_be_read_are_reported_with_their_line_and_shown_as_text(tmp_path):
    result, output = site(tmp_path, {"story.md": (
        "---\ntitle: Story\n---\nIntro.\n\n{{ timeline from=2020 }}\n\n{{ chronology from=2020-13 }}\n\n"
        "{{ chronology entity=nobody }}\n\n{{ article no-such-article }}\n\n{{ chronology kind=rumour }}\n\n"
        "{{ article putin-speaks }}\n")})
    reported = [(p.line, p.message.split("`: ")[1].split(";")[0]) for p in result.problems if "shortcode" in p.message]
    assert reported == [(6, "unknown shortcode `timeline`"),
                        (8, "`from=2020-13` is not a date"),
                        (10, "`entity=nobody` is not in the registry"),
                        (12, "no article has the address articles/no-such-article/"),
                        (14, "`kind` takes event, publication, mention (several with commas)")]
    page = (output / "story" / "index.html").read_text()
    assert '<p id="p-1">{{ timeline from=2020 }}</p>' in page
    assert '<div class="card"><ul class="article-list">' in page and 'href="../articles/putin-speaks/">Putin speaks' in page


@pytest.fixture(scope="module")
def demo():
    return build(default_paths(project=PROJECT), cache=False)


def test_a_chronology_excerpt_follows_its_entity_dates_and_kinds(demo):
    """Expected entries read by hand from the demo's chronology (output/data/chronology.json)."""
    forms = entity_forms(demo.corpus.entities)
    blocks = body_blocks("{{ chronology entity=russian-peacekeepers }}\n\n"
                         "{{ chronology from=2023-09-15 to=2023-10-31 kind=event,mention limit=4 }}\n\n"
                         "{{ chronology entity='Vladimir Putin' to=2020 }}\n")
    codes, errors = shortcodes(blocks, forms, set())
    assert errors == []
    found = [[(e.date.value, e.kind) for e in excerpt(code, store.every_entry(demo.corpus.chronology))[0]] for code in codes]
    # a date the article names on its own publication day is not listed again beside the publication
    assert found[0] == [("2023-10-05", "mention"), ("2023-10-09", "publication"), ("2025", "mention"),
                        ("2025-11", "mention")]
    assert found[1] == [("2023-09-19", "event"), ("2023-09-20", "mention"), ("2023-10-05", "mention"),
                        ("2023-10-12", "event")]
    assert excerpt(codes[1], store.every_entry(demo.corpus.chronology))[1] == 5  # one more: the Bishkek summit's mention
    assert found[2] == [("2020", "mention")]


def test_the_demo_story_narrates_with_wikilinks_an_excerpt_and_a_card(demo):
    page = demo.files["peacekeepers/index.html"].decode()
    assert '<a href="../events/second-nagorno-karabakh-war/">Second Nagorno-Karabakh War</a>' in page
    assert page.count('<figure class="excerpt">') == 2 and '<div class="card">' in page
    assert not [p for p in demo.problems if "peacekeepers.md" in p.path]

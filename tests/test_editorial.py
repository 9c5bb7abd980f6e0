"""The editor's pages and wikilinks: resolved against the registry and the articles, reported when not."""

from pathlib import Path

from dossier.pipeline import build_site, default_paths
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

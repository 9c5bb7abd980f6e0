"""Incremental builds: only the files whose inputs changed are made and written, and the result is the
same, byte for byte, as a cold build of the same content."""

import shutil
from pathlib import Path

import pytest

from dossier.model import default_paths
from dossier.pipeline import build_site
from dossier.write import MARKER
from helpers import PROJECT, tree

GALUZIN = "content/articles/000_034f0e8b02609159.txt"  # the dated seed: Galuzin interviewed by RBC


@pytest.fixture
def project(tmp_path):
    shutil.copytree(PROJECT / "content", tmp_path / "content")
    return tmp_path


def build(project: Path, cache: bool = True, output: str = "output"):
    return build_site(default_paths(project / "content", project / output, PROJECT), search=False, cache=cache)


def same_as_cold(project: Path) -> None:
    build(project, cache=False, output="cold")
    assert tree(project / "output") == tree(project / "cold")
    shutil.rmtree(project / "cold")


def test_nothing_changed_nothing_written(project):
    first = build(project)
    assert len(first.made) == len(first.outputs) > 100  # a first build makes everything
    assert first.files == {}  # ... and writes each file as it is made, instead of keeping them all
    stamps = {p: p.stat().st_mtime_ns for p in (project / "output").rglob("*") if p.is_file()}
    again = build(project)
    assert again.made == [] and again.ok and again.unchanged == "5 articles and 55 entities"
    assert again.problems == first.problems  # the warnings are said again, not forgotten
    assert {p: p.stat().st_mtime_ns for p in (project / "output").rglob("*") if p.is_file()} == stamps


def test_an_edited_article_remakes_its_own_pages_and_no_unrelated_one(project):
    build(project)
    path = project / GALUZIN
    path.write_text(path.read_text().replace("Mikhail Galuzin", "Mikhail Galuzin, with Sergey Lavrov,", 1))
    result = build(project)
    made = set(result.made)
    galuzin_article = "articles/russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign/"
    assert {galuzin_article + "index.html", galuzin_article + "source/index.html",
            "people/sergey-lavrov/index.html",  # now mentioned there
            "people/mikhail-galuzin/index.html", "index.html", "chronology/2023/index.html",
            "data/articles.json", f"originals/{Path(GALUZIN).name}"} <= made
    # Pages that show nothing of this article are left alone: an entity it does not mention, a year
    # of the chronology it has no entry in.
    assert "people/ilham-aliyev/index.html" not in made and "chronology/2021/index.html" not in made
    assert "assets/style.css" not in made
    same_as_cold(project)


def test_a_page_that_shows_nothing_of_an_edit_is_not_remade(project):
    build(project)
    path = project / GALUZIN
    text = path.read_text()
    path.write_text(text.rstrip() + "\n\nThe interview was long.\n")  # no name, no date, same title
    made = set(build(project).made)
    article = "articles/russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign/"
    assert {article + "index.html", article + "source/index.html", "data/articles.json"} <= made
    # Lists of titles, the chronology, the pages of the people it names: what they show is the same.
    assert not made & {"articles/index.html", "sources/index.html", "tags/index.html", "chronology/index.html",
                       "chronology/2023/index.html", "search/index.html", "404.html",
                       "people/mikhail-galuzin/index.html", "organisations/index.html"}
    same_as_cold(project)
    path.write_text(text.replace("Russian peacekeepers in Karabakh demanded", "Peacekeepers demanded", 2))
    made = set(build(project).made)
    assert {"articles/index.html", "sources/index.html", "people/mikhail-galuzin/index.html",
            "chronology/2023/index.html", "feed.xml",  # the title shows on each
            "sitemap.xml"} <= made  # and the article's address follows it
    same_as_cold(project)


def test_a_kept_original_edited_is_published_again(project):
    # `normalise --write` keeps the file as first collected in content/originals/; it is published
    # beside the article, and shown on its source page
    article = project / GALUZIN
    original = project / "content" / "originals" / Path(GALUZIN).name
    original.parent.mkdir()
    original.write_text(article.read_text())
    build(project)
    original.write_text(article.read_text() + "\nA line the collected page also had.\n")
    made = set(build(project).made)
    assert f"originals/{Path(GALUZIN).name}" in made
    assert any(path.endswith("/source/index.html") for path in made)
    same_as_cold(project)


def test_a_copy_collected_later_is_listed_in_the_exports_of_the_article_it_copies(project):
    import json

    build(project)
    shutil.copy(project / GALUZIN, project / "content" / "articles" / "collected_again.txt")
    made = set(build(project).made)
    assert "data/articles.json" in made and "originals/collected_again.txt" in made
    records = json.loads((project / "output" / "data" / "articles.json").read_text(encoding="utf-8"))
    assert [r["copies"] for r in records if r["copies"]] == [["collected_again.txt"]]
    same_as_cold(project)


def test_a_picture_kept_elsewhere_in_the_content_folder_and_replaced_is_published_again(project):
    from PIL import Image

    from dossier.cli import main

    content = project / "content"
    (content / "images").mkdir()
    Image.new("RGB", (40, 20), "red").save(content / "images" / "talks.png")
    (content / "articles" / "pictured.md").write_text(
        "---\ntitle: Pictured\ndate: 2022-01-01\n---\n\nThe talks.\n\n![The talks](../images/talks.png)\n")
    arguments = ["build", "--content", str(content), "--output", str(project / "output"), "--no-search"]
    assert main(arguments) == 0
    Image.new("RGB", (40, 20), "blue").save(content / "images" / "talks.png")  # as the command line sees it
    assert main(arguments) == 0
    published = project / "output" / "articles" / "pictured" / "talks.png"
    assert published.read_bytes() == (content / "images" / "talks.png").read_bytes()
    same_as_cold(project)


def test_removed_and_added_articles(project):
    build(project)
    (project / GALUZIN).unlink()
    build(project)
    assert not (project / "output" / "articles" / "russian-peacekeepers-in-karabakh-demanded-and-needed-russian-"
                "deputy-foreign").exists()
    same_as_cold(project)
    (project / "content" / "articles" / "new.md").write_text(
        "---\ntitle: A new note\ndate: 2024-02-03\ntags: [Fresh]\n---\nVladimir Putin spoke in Moscow.\n")
    result = build(project)
    assert {"articles/a-new-note/index.html", "tags/fresh/index.html", "chronology/2024/index.html",
            "feed.xml", "sitemap.xml"} <= set(result.made)
    assert "robots.txt" not in result.made
    same_as_cold(project)


def test_registry_templates_and_pages_changes_are_followed(project):
    build(project)
    people = project / "content" / "entities" / "people.yaml"
    people.write_text(people.read_text().replace("Mikhail Galuzin", "Mikhail Y. Galuzin", 1))
    build(project)
    same_as_cold(project)
    about = project / "content" / "pages" / "about.md"
    about.write_text(about.read_text() + "\nOne more sentence.\n")
    assert set(build(project).made) == {"about/index.html"}
    same_as_cold(project)


def test_an_interrupted_update_is_followed_by_a_whole_build(project):
    build(project)
    (project / "output" / MARKER).write_text("build: \n")  # as update_site leaves it while it writes
    result = build(project)
    assert len(result.made) == len(result.outputs)


def test_a_changed_template_remakes_every_page(tmp_path):
    shutil.copytree(PROJECT / "content", tmp_path / "content")
    shutil.copytree(PROJECT / "templates", tmp_path / "templates")
    shutil.copytree(PROJECT / "site_src", tmp_path / "site_src")
    paths = default_paths(tmp_path / "content", tmp_path / "output", tmp_path)
    build_site(paths, search=False)
    footer = tmp_path / "templates" / "base.html"
    footer.write_text(footer.read_text().replace("</footer>", "<p>Edited footer</p></footer>"))
    result = build_site(paths, search=False)
    pages = [path for path in result.files if path.endswith(".html")]
    assert pages and all(b"Edited footer" in result.files[p] for p in pages)
    assert len(pages) == len([p for p in (tmp_path / "output").rglob("*.html")])


def test_another_version_of_dossier_remakes_every_page(project, monkeypatch):
    # an upgraded dossier may show the same articles differently: the pages that list them (an
    # entity's, a year's) are made again though what they list is the same
    from dossier import cache, incremental

    build(project)
    upgraded = lambda: "another version of dossier's code"  # noqa: E731
    monkeypatch.setattr(cache, "code_digest", upgraded)
    monkeypatch.setattr(incremental, "code_digest", upgraded)
    made = set(build(project).made)
    pages = {p.relative_to(project / "output").as_posix() for p in (project / "output").rglob("*.html")}
    assert {"people/mikhail-galuzin/index.html", "chronology/2023/index.html", "index.html"} <= made
    assert pages <= made


def test_a_busy_year_has_a_page_per_month(project, monkeypatch):
    import dossier.chronology_pages

    monkeypatch.setattr(dossier.chronology_pages, "YEAR_PAGE_ENTRIES", 2)
    build(project)
    year = (project / "output" / "chronology/2023/index.html").read_text()
    assert '<h2><a href="../../chronology/2023/10/">October 2023</a> <span class="count">4 entries</span></h2>' in year
    month = (project / "output" / "chronology/2023/10/index.html").read_text()
    assert "<h1>Chronology: October 2023</h1>" in month and month.count('<li class="') == 4
    assert 'href="../../../chronology/2023/09/">← September 2023</a>' in month
    path = project / GALUZIN
    path.write_text(path.read_text().replace("Mikhail Galuzin", "Mikhail Galuzin, with Sergey Lavrov,", 1))
    build(project)
    same_as_cold(project)


def test_an_article_saved_while_a_build_reads_it_is_read_again_by_the_next(project, monkeypatch):
    import dossier.analysis

    build(project)
    path = project / GALUZIN
    text = path.read_text()
    path.write_text(text.replace("Mikhail Galuzin", "Mikhail Galuzin Jr", 1))  # what the next build scans
    read = dossier.analysis.process_article

    def saved_again_meanwhile(context, file):  # the editor saves again after the scan, before the read
        if file == path:
            path.write_text(text.replace("Mikhail Galuzin", "Mikhail Galuzin Sr", 1))
        return read(context, file)

    monkeypatch.setattr(dossier.analysis, "process_article", saved_again_meanwhile)
    build(project)
    monkeypatch.undo()
    page = project / "output" / "articles" / \
        "russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign" / "index.html"
    assert "Galuzin</a> Sr" in page.read_text()  # the bytes it read
    path.write_text(text.replace("Mikhail Galuzin", "Mikhail Galuzin Jr", 1))  # back to what it had scanned
    result = build(project)
    assert not result.unchanged and "Galuzin</a> Jr" in page.read_text()  # neither the record nor the cache lied
    same_as_cold(project)


def test_rebuilds_after_edits_keep_two_shelves_open_not_one_for_each_article_edited(project):
    build(project)
    articles = sorted((project / "content" / "articles").glob("*.txt"))[:3]
    for path in articles:  # as in `serve`: each edit followed by a rebuild in the same process
        path.write_text(path.read_text() + "\n\nOne more line.\n")
        result = build(project)
        assert result.ok and len(result.made) > 2
    shelves = {id(a.packed_text.shelf) for a in result.corpus.analyses.values()}
    assert len(shelves) == 2  # the first build's, and the one for every article analysed again since
    same_as_cold(project)


def test_the_export_records_of_an_article_wait_on_the_shelf_not_in_memory(project):
    import json

    from dossier.store import Shelved

    result = build(project)
    for analysis in result.corpus.analyses.values():
        for part in (analysis.exported.article, analysis.exported.quotes):
            assert isinstance(part, Shelved) and part.shelf is analysis.packed_text.shelf
    records = json.loads((project / "output" / "data" / "articles.json").read_text())
    assert len(records) == 5 and all(record["text"] and "copies" in record for record in records)


def test_what_a_page_shows_is_digested_by_its_values_not_by_how_they_are_shared():
    from markupsafe import Markup

    from dossier.model import PartialDate
    from dossier.render import shown_digest

    date = PartialDate("2024-05-01", "day")
    item = {"title": "Talks", "date": date}
    shared = {"items": [item, item], "body": Markup("<p>a</p>")}
    apart = {"items": [{"title": "Talks", "date": PartialDate("2024-05-01", "day")},
                       {"title": "Talks", "date": date}], "body": Markup("<p>a</p>")}
    assert shown_digest("site", shared) == shown_digest("site", apart)
    assert shown_digest("site", shared) != shown_digest("other site", shared)
    changed = {**apart, "items": [item, {"title": "Talks", "date": PartialDate("2024-05-02", "day")}]}
    assert shown_digest("site", changed) != shown_digest("site", apart)
    assert shown_digest("site", {**shared, "body": "<p>a</p>"}) != shown_digest("site", shared)  # Markup or not
    # a value pickle cannot take: digested by its text, so two such values that read the same digest the same

    class Unpicklable:
        def __init__(self, text):
            self.text = text

        def __reduce__(self):
            raise TypeError("cannot pickle")

        def __repr__(self):
            return f"Unpicklable({self.text!r})"

    first, second = Unpicklable("a"), Unpicklable("a")
    assert first is not second
    assert shown_digest("site", {"v": first, "n": 1}) == shown_digest("site", {"v": second, "n": 1})
    assert shown_digest("site", {"v": first, "n": 1}) != shown_digest("site", {"v": Unpicklable("b"), "n": 1})


def test_an_update_makes_the_export_records_of_the_edited_article_and_copies_the_others(project, monkeypatch):
    from dossier import exports

    unpacked = []

    def counting(packed):
        unpacked.append(packed)
        return unpack(packed)
    unpack = exports.unpack
    monkeypatch.setattr(exports, "unpack", counting)
    build(project)
    assert len(unpacked) == 10  # articles.json and quotes.json: each of the 5 articles' records
    path = project / GALUZIN
    path.write_text(path.read_text().rstrip() + "\n\nThe interview was long.\n")
    unpacked.clear()
    assert "data/articles.json" in build(project).made
    # the edited article's articles.json record; the others' copied from the file written, and
    # quotes.json left as it was (none of its records changed)
    assert len(unpacked) == 1
    same_as_cold(project)


def test_the_layouts_of_the_exports_are_kept_for_the_same_settings_and_code_only(tmp_path):
    from dossier.incremental import LastBuild, Manifest
    from dossier.pieces import Layout

    manifest = Manifest(tmp_path)
    layout = Layout(b"[\n", b",\n", b"\n]\n", b"[]\n", ("k1",), (8,))
    manifest.save(tmp_path / "out", "id", LastBuild({}, "", False, [], ""), {"data/a.json": layout}, "settings-1")
    manifest.save(tmp_path / "out", "id2", LastBuild({}, "", False, [], ""), {}, "settings-1")  # a.json not made again
    assert manifest.layouts("settings-1") == {"data/a.json": layout}
    assert manifest.layouts("settings-2") == {}  # another version of dossier may write its records otherwise
    manifest.close()


def test_the_manifest_writes_what_changed_since_the_build_it_holds_and_else_the_whole(tmp_path):
    from dossier.incremental import LastBuild, Manifest

    manifest = Manifest(tmp_path)
    out = tmp_path / "out"
    first = {"page:a": ("1", "a/index.html"), "page:b": ("2", "b/index.html"), "file:c": ("3", "c.txt")}
    manifest.save(out, "id1", LastBuild(first, "in1", False, [], "1 article"))
    since = manifest.load(out, "id1")
    assert since.outputs == first and since.build_id == "id1"
    second = {"page:a": ("1", "a/index.html"), "page:b": ("2b", "b/index.html"), "page:d": ("4", "d/index.html")}
    written = []
    manifest.db.set_trace_callback(written.append)
    manifest.save(out, "id2", LastBuild(second, "in2", False, [], "2 articles"), since=since)
    manifest.db.set_trace_callback(None)
    assert manifest.load(out, "id2").outputs == second  # b changed, c gone, d new
    assert not any("page:a" in statement for statement in written)  # a, unchanged, was not written again
    # a build that followed another state than the manifest holds (another build saved meanwhile): the whole
    other = {"page:e": ("5", "e/index.html")}
    manifest.save(out, "id3", LastBuild(other, "in3", False, [], "1 article"), since=since)
    assert manifest.load(out, "id3").outputs == other
    manifest.close()


def test_an_edit_to_the_text_alone_leaves_the_pages_listing_the_article_unread(project, monkeypatch):
    from dossier import render

    build(project)
    compared = []

    def recording(corpus, cat, words, job):
        compared.append(job[0])
        return build_page(corpus, cat, words, job)
    build_page = render.build_page
    monkeypatch.setattr(render, "build_page", recording)
    path = project / GALUZIN
    path.write_text(path.read_text().rstrip() + "\n\nThe interview was long.\n")  # no name, no date, no quote
    made = set(build(project).made)
    # what other pages show of it (front matter, names, quotes, dated mentions) is as it was: their
    # inputs are unchanged, so they are not even made to be compared
    assert "entity" not in compared and "home" not in compared and "chronology-year" not in compared
    assert "data/articles.json" in made  # it has the texts
    assert not made & {"feed.xml", "sitemap.xml", "robots.txt"}  # the feed lists titles, the sitemap pages
    # nor are the exports of what did not change written again (every record in them as it was)
    assert not made & {"data/quotes.json", "data/citations.json", "data/chronology.json", "data/chronology.csv",
                       "data/entities.json"}
    same_as_cold(project)
    text = path.read_text()
    path.write_text(text.replace("The interview was long.", '"It was long," Galuzin said.'))  # a quote
    made = set(build(project).made)
    assert {"data/articles.json", "data/quotes.json", "data/entities.json"} <= made  # Galuzin named once more
    same_as_cold(project)


def test_pages_listing_articles_listed_as_before_take_their_inputs_from_the_last_build(project, monkeypatch):
    from dossier import render
    from dossier.incremental import page_digests

    build(project)
    seen = {}

    def recording(corpus, cat, jobs, base, whole, listed, kept=None):
        seen.update(kept=kept, computed=page_digests(corpus, cat, jobs, base, whole, listed))
        seen["given"] = page_digests(corpus, cat, jobs, base, whole, listed, kept)
        seen["told"] = page_digests(corpus, cat, jobs, base, whole, listed, lambda job: "as before")
        return seen["given"]
    monkeypatch.setattr(render, "page_digests", recording)
    path = project / GALUZIN
    path.write_text(path.read_text().rstrip() + "\n\nThe interview was long.\n")  # what other pages show is the same
    build(project)
    assert seen["kept"] is not None and seen["given"] == seen["computed"]  # taken, and the same as made anew
    told = {job[0] for job, inputs in seen["told"].items() if inputs == "as before"}
    assert told == {"entity", "tag", "chronology-year"}  # (no month pages here) the article's own pages are made anew
    same_as_cold(project)
    path.write_text(path.read_text().replace("The interview was long.", '"It was long," Galuzin said.'))  # a quote
    build(project)
    assert seen["kept"] is None  # listed otherwise: every page's inputs made anew
    same_as_cold(project)


def test_an_update_keeps_the_exports_it_makes_in_a_spool_not_in_memory_and_leaves_none_behind(project):
    build(project)
    path = project / GALUZIN
    path.write_text(path.read_text().rstrip() + "\n\nThe interview was long.\n")
    result = build(project)
    from dossier.write import Spooled

    assert "data/articles.json" in result.made and isinstance(result.files["data/articles.json"], Spooled)
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".output")) == [".output.lock"]
    same_as_cold(project)


def test_a_build_from_the_command_line_walks_the_inputs_once(project, monkeypatch):
    from dossier import scan
    from dossier.cli import build_command
    from dossier.console import Console

    build(project)
    (project / GALUZIN).write_text((project / GALUZIN).read_text() + "\nOne more line.\n")
    walks = []

    def counting(*args):
        walks.append(args)
        return input_key(*args)
    input_key = scan.input_key
    monkeypatch.setattr(scan, "input_key", counting)
    paths = default_paths(project / "content", project / "output", PROJECT)
    assert build_command(paths, Console(), search=False) == 0
    assert len(walks) == 1  # to tell whether anything changed, then taken along into the build


def test_the_exports_a_site_leaves_out_are_not_published_and_go_when_left_out_later(project):
    from dossier.config import load_site_config
    from dossier.exports import export_paths

    def published_as_said() -> list[str]:  # the files an update checks for are those published
        published = sorted(f"data/{p.name}" for p in (project / "output" / "data").iterdir())
        assert published == sorted(export_paths(load_site_config(project / "content")[0]))
        return published

    build(project)
    assert published_as_said() == ["data/articles.json", "data/chronology.csv", "data/chronology.json",
                                   "data/citations.json", "data/entities.json", "data/quotes.json"]
    site = project / "content" / "site.yaml"
    site.write_text(site.read_text() + "exports: [quotes]\n")
    build(project)
    assert published_as_said() == ["data/quotes.json"]
    assert b"data/articles.json" not in (project / "output" / "index.html").read_bytes()  # nor linked
    same_as_cold(project)
    site.write_text(site.read_text().replace("exports: [quotes]", "exports: []"))
    build(project)
    assert not (project / "output" / "data").exists()
    same_as_cold(project)


def test_an_article_saved_again_unchanged_changes_nothing(project):
    import os

    build(project)
    path = project / GALUZIN
    path.write_bytes(path.read_bytes())  # saved again as it was: a new time, the same text
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    assert build(project).unchanged  # its key is read from its text, not its time


def test_an_update_reads_back_the_bodies_of_the_articles_it_makes_pages_of_only(project, monkeypatch):
    from dossier import store

    build(project)
    read = []

    def reading(article):
        read.append(article.slug)
        return body(article)
    body = store.body
    monkeypatch.setattr(store, "body", reading)  # as every module reads a body
    path = project / GALUZIN
    path.write_text(path.read_text().rstrip() + "\n\nThe interview was long.\n")
    made = build(project).made
    # not every article's, to look for wikilinks and pictures: whether it has any is in its analysis
    assert set(read) == {"russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign"}
    assert f"articles/{read[0]}/index.html" in made
    same_as_cold(project)


def test_an_export_taken_away_by_hand_is_written_again_not_left_missing(project):
    build(project)
    (project / "output" / "data" / "quotes.json").unlink()
    (project / "output" / "data" / "chronology.csv").write_text("cut\n")  # no longer the size it was written
    path = project / GALUZIN
    path.write_text(path.read_text().rstrip() + "\n\nThe interview was long.\n")  # no record of either changes
    made = set(build(project).made)
    assert {"data/quotes.json", "data/chronology.csv"} <= made and "data/citations.json" not in made
    same_as_cold(project)

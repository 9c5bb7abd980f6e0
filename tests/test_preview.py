"""The preview's first answer to an edit: the edited article's pages, made from the last build's data
before the rebuild, the same as the rebuild then makes them; anything else waits for the rebuild."""

import shutil
from pathlib import Path

import pytest

from dossier.model import default_paths
from dossier.pipeline import build_site
from dossier.preview import FirstLook
from helpers import PROJECT

GALUZIN = "content/articles/000_034f0e8b02609159.txt"  # the dated seed: Galuzin interviewed by RBC
PAGE = "articles/russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign/index.html"


@pytest.fixture
def project(tmp_path):
    shutil.copytree(PROJECT / "content", tmp_path / "content")
    return tmp_path


@pytest.fixture
def first(project):
    paths = default_paths(project / "content", project / "output", PROJECT)
    result = build_site(paths, search=False)
    look = FirstLook(paths)
    look.built(result.corpus, result.catalogue)
    return look


def build(project: Path):
    return build_site(default_paths(project / "content", project / "output", PROJECT), search=False)


def test_an_edited_article_is_answered_with_the_pages_the_rebuild_makes(project, first):
    path = project / GALUZIN
    path.write_text(path.read_text().replace("Mikhail Galuzin", "Mikhail Galuzin, with Sergey Lavrov,", 1))
    files = first.pages({path})
    assert set(files) == {PAGE, PAGE.replace("index.html", "source/index.html")}
    assert b"Mikhail Galuzin</a>, with <a" in files[PAGE]
    assert b'href="../../people/sergey-lavrov/"' in files[PAGE]  # the new mention is linked already
    first.write(files)
    assert (project / "output" / PAGE).read_bytes() == files[PAGE]
    result = build(project)
    assert PAGE in result.made  # made again by the rebuild, which had forgotten it ...
    assert (project / "output" / PAGE).read_bytes() == files[PAGE]  # ... the same, byte for byte
    assert "people/sergey-lavrov/index.html" in result.made  # and the rest of the site caught up


def test_first_pages_undone_without_a_rebuild_are_made_again_by_the_next_build(project, first):
    path = project / GALUZIN
    before = (project / "output" / PAGE).read_bytes()
    text = path.read_text()
    path.write_text(text.replace("Mikhail Galuzin", "Mikhail Galuzin Jr", 1))
    first.write(first.pages({path}))  # then the preview is stopped before its rebuild
    path.write_text(text)  # and the edit is undone
    result = build(project)
    assert not result.unchanged and PAGE in result.made
    assert (project / "output" / PAGE).read_bytes() == before


@pytest.mark.parametrize("change", ["date", "new article", "registry", "not an article"])
def test_other_changes_wait_for_the_rebuild(project, first, change):
    content = project / "content"
    path = project / GALUZIN
    if change == "date":  # its place among the articles (and its neighbours' links) would change
        path.write_text(path.read_text().replace("09.10.2023", "09.10.2021", 1))
    elif change == "new article":
        path = content / "articles" / "new.md"
        path.write_text("---\ntitle: New\n---\nA new article.\n")
    elif change == "registry":
        path = content / "entities" / "people.yaml"
        path.write_text(path.read_text() + "\n")
    else:
        path = content / "site.yaml"
    assert first.pages({path}) == {}
    assert first.pages({project / GALUZIN, path}) == {}  # with an article edit, too


def test_an_edit_that_makes_an_error_waits_for_the_rebuild(project, first):
    path = project / "content" / "articles" / "lead.md"
    path.write_text("---\ntitle: Lead\ndate: 2023-10-01\n---\nA lead.\n")
    result = build(project)
    first.built(result.corpus, result.catalogue)
    path.write_text("---\ntitle: Lead\ndate: 2023-10-01\n---\nA lead, more of it.\n")
    assert set(first.pages({path})) == {"articles/lead/index.html", "articles/lead/source/index.html"}
    path.write_text("---\ntitle: Lead\ndate: 2023-10-01\nentities: [nobody-at-all]\n---\nA lead.\n")
    assert first.pages({path}) == {}  # the rebuild shows the error


def test_a_relative_content_folder_and_the_watchers_absolute_paths(project, monkeypatch):
    monkeypatch.chdir(project)
    paths = default_paths(Path("content"), Path("output"), PROJECT)
    result = build_site(paths, search=False)
    look = FirstLook(paths)
    look.built(result.corpus, result.catalogue)
    path = project / GALUZIN  # as watchfiles reports it
    path.write_text(path.read_text().replace("Mikhail Galuzin", "Mikhail Galuzin Jr", 1))
    assert b"Galuzin</a> Jr" in look.pages({path})[PAGE]


def test_a_rebuild_leaves_the_pages_the_preview_wrote_while_it_ran(project, first):
    path = project / GALUZIN
    text = path.read_text()
    path.write_text(text.replace("Mikhail Galuzin", "Mikhail Galuzin Jr", 1))  # what the rebuild reads
    newer = {}

    def hold():  # while that rebuild runs, the article is edited again and its pages written
        path.write_text(text.replace("Mikhail Galuzin", "Mikhail Galuzin Sr", 1))
        newer.update(first.pages({path}))
        first.write(newer)
        return first.hold()

    first.starting()
    result = build_site(default_paths(project / "content", project / "output", PROJECT), search=False, hold=hold)
    assert result.outputs[f"page:article:{PAGE.split('/')[1]}"][0] == "-"  # recorded as to be made again
    assert (project / "output" / PAGE).read_bytes() == newer[PAGE]  # not the older page the rebuild made
    assert b"Galuzin</a> Sr" in newer[PAGE]
    path.write_text(text.replace("Mikhail Galuzin", "Mikhail Galuzin Jr", 1))  # back to what it had read
    again = build(project)
    assert not again.unchanged and PAGE in again.made  # the page is made again, for the text as it is
    assert b"Galuzin</a> Jr" in (project / "output" / PAGE).read_bytes()


def test_an_edit_after_a_registry_change_not_yet_rebuilt_links_only_what_that_build_knew(project, first):
    people = project / "content" / "entities" / "people.yaml"
    people.write_text(people.read_text() + "- name: Zed Newcomer\n")
    from dossier.pipeline import registry

    assert any(e.name == "Zed Newcomer" for e in registry(project / "content")[0])  # the new registry is read
    path = project / GALUZIN
    path.write_text(path.read_text().replace("Mikhail Galuzin", "Mikhail Galuzin and Zed Newcomer", 1))
    page = first.pages({path})[PAGE]
    assert b"and Zed Newcomer" in page and b"people/zed-newcomer/" not in page  # the rebuild links him


def test_pages_the_preview_wrote_during_a_rebuild_that_did_not_make_them_are_made_again(project, first):
    other = project / "content" / "articles" / "004_dceb8f66d6ffd2f1.txt"  # not its neighbour
    other.write_text(other.read_text() + "\nA sentence, so that there is something to rebuild.\n")
    path = project / GALUZIN
    text = path.read_text()
    before = (project / "output" / PAGE).read_bytes()

    def hold():  # the Galuzin article is edited while a rebuild of the other edit runs
        path.write_text(text.replace("Mikhail Galuzin", "Mikhail Galuzin Sr", 1))
        first.write(first.pages({path}))
        return first.hold()

    first.starting()
    result = build_site(default_paths(project / "content", project / "output", PROJECT), search=False, hold=hold)
    assert PAGE not in result.made and b"Galuzin</a> Sr" in (project / "output" / PAGE).read_bytes()
    path.write_text(text)  # the edit is undone before the next rebuild
    again = build(project)
    assert PAGE in again.made and (project / "output" / PAGE).read_bytes() == before


def test_a_rebuild_writes_what_the_preview_never_writes_before_holding_it_off(project, first):
    path = project / GALUZIN
    path.write_text(path.read_text().replace("Mikhail Galuzin", "Mikhail Galuzin, with Sergey Lavrov,", 1))
    seen = {}

    def hold():  # the moment a rebuild holds the preview's writes off
        seen["lavrov"] = (project / "output/people/sergey-lavrov/index.html").read_text()
        seen["article"] = (project / "output" / PAGE).read_text()
        return first.hold()

    first.starting()
    build_site(default_paths(project / "content", project / "output", PROJECT), search=False, hold=hold)
    assert "Russian peacekeepers in Karabakh demanded" in seen["lavrov"]  # written already
    assert "Galuzin</a>, with" not in seen["article"]  # written while the preview waits
    assert "Galuzin</a>, with" in (project / "output" / PAGE).read_text()

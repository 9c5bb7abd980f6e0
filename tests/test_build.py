"""Whole builds of small corpora written by the tests: copies, collisions, hostile text."""

import json
from pathlib import Path

import pytest

from dossier.model import default_paths
from dossier.pipeline import build_site

PROJECT = Path(__file__).resolve().parent.parent
STORY = ("Russian Foreign Minister Sergey Lavrov arrived in Yerevan on Thursday for talks with Armenian officials "
         "about the situation in the region and the future of the peacekeeping mission, which he said would "
         "continue as long as both sides wanted it.")


def make_site(tmp_path, articles: dict[str, str], people: str = "") -> tuple:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "entities").mkdir(exist_ok=True)
    (content / "site.yaml").write_text("title: Test\n")
    if people:
        (content / "entities" / "people.yaml").write_text(people)
    for name, text in articles.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    output = tmp_path / "output"
    result = build_site(default_paths(content, output, PROJECT))
    return result, output


def test_a_copy_gets_no_page_of_its_own_and_is_listed_on_the_original(tmp_path):
    result, output = make_site(tmp_path, {"a.txt": f"Lavrov in Yerevan\n\n10.11.2020\n\n{STORY}\n",
                                          "b.txt": f"Lavrov visits Yerevan\n\n11.11.2020\n\n{STORY}\n"})
    assert [p.message.split(";")[0] for p in result.problems] == [
        "the same article as a.txt (100% of the text is shared)"]
    assert not (output / "articles" / "lavrov-visits-yerevan").exists()
    page = (output / "articles" / "lavrov-in-yerevan" / "index.html").read_text()
    assert '<a href="../../originals/b.txt">Lavrov visits Yerevan</a>' in page
    assert (output / "originals" / "b.txt").is_file()


def test_two_articles_wanting_one_url_both_stay_with_a_warning_naming_both(tmp_path):
    result, output = make_site(tmp_path, {"a.txt": "Same title\n\nFirst text, about one thing entirely.\n",
                                          "b.txt": "Same title\n\nSecond text, about something else.\n"})
    warnings = [p for p in result.problems if "already taken" in p.message]
    assert len(warnings) == 1 and warnings[0].path.endswith("b.txt") and "a.txt" in warnings[0].message
    assert "articles/same-title-2/" in warnings[0].message and warnings[0].severity == "warning"
    first = (output / "articles" / "same-title" / "index.html").read_text(encoding="utf-8")
    second = (output / "articles" / "same-title-2" / "index.html").read_text(encoding="utf-8")
    assert "First text, about one thing" in first and "Second text" not in first
    assert "Second text, about something else" in second and "First text" not in second


def test_what_is_found_in_an_article_given_another_url_points_to_that_url(tmp_path):
    # its quotes, dated mentions and export records name the article by the URL it got, not the taken one
    people = "- id: sergey-lavrov\n  name: Sergey Lavrov\n"
    result, output = make_site(tmp_path, {
        "a.txt": "Same title\n\nFirst text, about one thing entirely, on 3 March 2021.\n",
        "b.txt": "Same title\n\n“We will meet again,” Sergey Lavrov said on 5 June 2021.\n"}, people)
    chronology = (output / "chronology" / "2021" / "index.html").read_text(encoding="utf-8")
    assert chronology.count("articles/same-title-2/#p-") == 1 and chronology.count("articles/same-title/#p-") == 1
    lavrov = (output / "people" / "sergey-lavrov" / "index.html").read_text(encoding="utf-8")
    assert "articles/same-title-2/#q-" in lavrov and "articles/same-title/#" not in lavrov
    quotes = json.loads((output / "data" / "quotes.json").read_text(encoding="utf-8"))
    assert [q["article"] for q in quotes] == ["same-title-2"]
    records = {r["slug"]: r for r in json.loads((output / "data" / "articles.json").read_text(encoding="utf-8"))}
    assert "We will meet again" in records["same-title-2"]["text"] and records["same-title-2"]["quotes"]


def test_a_draft_is_left_out_of_the_site_saying_so(tmp_path):
    result, output = make_site(tmp_path, {
        "hugo.md": f"+++\ntitle = \"Not yet\"\ndate = 2020-11-10\ndraft = true\n+++\n\n{STORY}\n",
        "pelican.md": f"Title: Not yet either\nDate: 2020-11-11\nStatus: draft\n\n{STORY} Again.\n",
        "ready.md": "---\ntitle: Ready\ndate: 2020-11-12\ndraft: false\n---\n\nLavrov left on Friday.\n"})
    drafts = sorted(Path(p.path).name for p in result.problems if p.message.startswith("a draft"))
    assert drafts == ["hugo.md", "pelican.md"]
    assert not any("unknown front matter key" in p.message for p in result.problems)
    assert {p.name for p in (output / "articles").iterdir() if p.is_dir()} == {"ready"}
    assert "Not yet" not in (output / "data" / "articles.json").read_text()


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_text_is_escaped_on_every_page_and_export(tmp_path):
    article = f"Title {HOSTILE}\n\n01.02.2021\n\nEvil Person said {HOSTILE} and [click](javascript:alert(1)).\n"
    people = f"- name: Evil Person\n  description: '{HOSTILE}'\n  aliases: ['Evil {HOSTILE}']\n"
    result, output = make_site(tmp_path, {"evil.txt": article}, people)
    assert result.ok
    for page in output.rglob("*.html"):
        html = page.read_text()
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript' not in html, page
    for data in (output / "data").glob("*.json"):
        json.loads(data.read_text())  # still valid JSON, the text kept as text
    assert HOSTILE in (output / "data" / "entities.json").read_text(encoding="utf-8").replace('\\"', '"')


@pytest.mark.parametrize("slug", ["../../escape", "/etc/x", "..\\..\\x"])
def test_front_matter_slug_cannot_leave_the_site(tmp_path, slug):
    result, output = make_site(tmp_path, {"a.md": f"---\ntitle: T\nslug: '{slug}'\n---\nBody text.\n"})
    assert result.ok
    written = {p.resolve() for p in tmp_path.rglob("*")
               if p.is_file() and p.name != ".output.lock" and ".cache" not in p.parts}
    assert all(output.resolve() in p.parents or tmp_path / "content" in p.parents for p in written)


def test_cached_and_cold_builds_are_identical_and_edits_are_seen(tmp_path):
    articles = {"a.txt": f"Lavrov in Yerevan\n\n10.11.2020\n\n{STORY}\n",
                "b.txt": "Another story\n\n12.11.2020\n\nSergey Lavrov met the press in Moscow on Friday.\n"}
    people = "- name: Sergey Lavrov\n  aliases: [Lavrov]\n"
    result, output = make_site(tmp_path, articles, people)
    content = tmp_path / "content"

    def files(folder):
        return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    cold = tmp_path / "cold"
    assert build_site(default_paths(content, cold, PROJECT), cache=False).ok
    cached = tmp_path / "cached"
    assert build_site(default_paths(content, cached, PROJECT)).ok
    assert files(cold) == files(cached) == files(output)

    (content / "articles" / "b.txt").write_text("Another story\n\n12.11.2020\n\nLavrov left for Baku.\n")
    (content / "entities" / "places.yaml").write_text("- name: Baku\n")
    assert build_site(default_paths(content, cached, PROJECT)).ok
    page = (cached / "articles" / "another-story" / "index.html").read_text()
    assert "</a> left for" in page and 'href="../../places/baku/"' in page  # new text, new registry entry
    assert build_site(default_paths(content, cold, PROJECT), cache=False).ok
    assert files(cold) == files(cached)


def test_the_language_model_is_let_go_once_the_articles_are_read_unless_kept(tmp_path, monkeypatch):
    from dossier import language

    monkeypatch.setattr(language, "_KEPT", False)
    text = "Titre\n\n" + "Le cessez-le-feu a été signé après de longues négociations entre les deux pays voisins. " * 3
    result, _ = make_site(tmp_path, {"one.txt": text})
    assert result.ok and result.corpus.articles[0].language == "fr"  # told by the model (the site's is English)
    assert not language.language_model_loaded()  # and let go before the pages were made
    language.keep_language_model()  # as the preview does: kept once loaded
    language.load_language_model()
    language.release_language_model()
    assert language.language_model_loaded()


@pytest.mark.parametrize("broken", ["entities/people.yaml", "boilerplate.yaml"])
def test_a_registry_or_rules_file_that_cannot_be_read_never_unpublishes_the_site(tmp_path, broken):
    people = "- name: Anna Petrova\n  aliases: [Petrova]\n"
    result, output = make_site(tmp_path, {"a.txt": "Talks resume\n\nAnna Petrova said the talks would resume soon.\n"},
                               people)
    assert result.ok and (output / "people" / "anna-petrova" / "index.html").is_file()
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    (tmp_path / "content" / broken).write_text("- name: Anna Petrova\n  aliases: [Petrova\n")  # a typo
    again = build_site(default_paths(tmp_path / "content", output, PROJECT))
    assert not again.ok
    unreadable = [p for p in again.problems if p.unreadable]
    assert len(unreadable) == 1 and unreadable[0].path.endswith(broken) and unreadable[0].line
    assert "YAML" in unreadable[0].message
    assert {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()} == before


def test_the_chronology_front_page_shows_its_latest_entries_and_an_event_is_not_listed_twice(tmp_path):
    topics = ["roads", "schools", "water", "parks", "housing", "buses", "libraries", "taxes", "markets", "bridges",
              "museums", "harbours"]
    articles = {f"a{n}.txt": f"Story {n}\n\n{n + 1:02d}.03.2021\n\nThe council spoke about {topic} for an hour.\n"
                for n, topic in enumerate(topics)}
    (tmp_path / "content" / "entities").mkdir(parents=True)
    (tmp_path / "content" / "entities" / "events.yaml").write_text(
        "- name: Harbour Festival\n  start: 2021-04-02\n")
    result, output = make_site(tmp_path, articles)
    page = (output / "chronology" / "index.html").read_text()
    latest = page[page.index('<ol class="timeline">'):]
    assert latest.count("<li ") == 10  # the last ten of thirteen entries
    assert "Story 2<" not in latest and "Story 3<" in latest and "Story 11<" in latest
    festival = latest[latest.index("Harbour Festival"):latest.index("</li>", latest.index("Harbour Festival"))]
    assert 'class="entities"' not in festival  # its entry is the link to its page: not listed again
    assert 'href="../chronology/2021/"' in page


def test_a_content_folder_copied_with_its_cache_builds_from_where_it_is_now(tmp_path):
    import shutil
    import subprocess
    import sys

    first = tmp_path / "first"
    (first / "content" / "articles").mkdir(parents=True)
    (first / "content" / "site.yaml").write_text("title: Copied\n")
    (first / "content" / "articles" / "a.txt").write_text("Undated story\n\nA paragraph of the story.\n")
    (first / "content" / "articles" / "b.txt").write_text("Another story\n\n03.04.2021\n\nNothing changes in it.\n")
    build = [sys.executable, str(PROJECT / "build.py"), "build"]
    subprocess.run(build + ["--content", str(first / "content"), "--output", str(first / "output")],
                   capture_output=True, text=True, timeout=120, check=True)
    assert (first / ".cache").is_dir()
    moved = tmp_path / "moved"
    shutil.copytree(first, moved)
    shutil.rmtree(first)
    (moved / "content" / "articles" / "a.txt").write_text("Undated story\n\nA paragraph of the story, edited.\n")
    result = subprocess.run(build + ["--content", str(moved / "content"), "--output", str(moved / "output")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert str(first) not in result.stderr and "moved" in result.stderr  # the warning names the file where it is


def test_an_editors_page_that_cannot_be_read_fails_the_build_and_the_last_site_stays(tmp_path):
    import subprocess
    import sys

    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "site.yaml").write_text("title: Pages\n")
    (content / "articles" / "a.txt").write_text("A story\n\n03.04.2021\n\nA paragraph of the story.\n")
    (content / "pages" / "about.md").write_text("---\ntitle: About us\n---\nWho we are.\n")
    build = [sys.executable, str(PROJECT / "build.py"), "build", "--content", str(content), "--output",
             str(tmp_path / "output")]
    assert subprocess.run(build, capture_output=True, timeout=120).returncode == 0
    about = (tmp_path / "output" / "about" / "index.html").read_bytes()
    (content / "pages" / "about.md").write_text("---\ntitle: [About us\n---\nWho we are now.\n")
    (content / "articles" / "b.txt").write_text("Another story\n\n04.04.2021\n\nA second paragraph.\n")
    result = subprocess.run(build, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "about.md:2: error: front matter: invalid YAML" in result.stderr
    assert (tmp_path / "output" / "about" / "index.html").read_bytes() == about
    assert not (tmp_path / "output" / "articles" / "another-story").exists()  # nothing new published


def test_the_registry_is_read_once_and_kept_for_the_next_build_until_its_files_change(tmp_path, monkeypatch):
    from dossier import pipeline

    people = "- name: Sergey Lavrov\n  aliases: [Lavrov]\n"
    result, output = make_site(tmp_path, {"a.txt": "Talks\n\n10.11.2020\n\nLavrov spoke in Moscow.\n"}, people)
    assert result.ok
    content = tmp_path / "content"
    reads = []
    load = pipeline.load_registry
    monkeypatch.setattr(pipeline, "load_registry", lambda folder: reads.append(folder) or load(folder))
    monkeypatch.setattr(pipeline, "_REGISTRY", {})  # the next build, in a process of its own
    entities, _, matcher, _ = pipeline.registry(content)
    assert reads == [] and [e.name for e in entities] == ["Sergey Lavrov"]  # kept in .cache/
    assert [target.entity for _, _, target in matcher.find("Lavrov said")] == ["sergey-lavrov"]  # the matcher too
    monkeypatch.setattr(pipeline, "_REGISTRY", {})
    pipeline.registry(content, remembered=False)  # --no-cache: read afresh
    assert len(reads) == 1
    (content / "entities" / "people.yaml").write_text(people + "- name: Anna Petrova\n")
    monkeypatch.setattr(pipeline, "_REGISTRY", {})
    entities, _, _, _ = pipeline.registry(content)
    assert len(reads) == 2 and sorted(e.name for e in entities) == ["Anna Petrova", "Sergey Lavrov"]


def test_no_cycle_collection_walks_the_corpus_while_a_build_runs_nor_while_it_writes(tmp_path, monkeypatch):
    import gc

    from dossier import pipeline

    collecting = []

    def recording(write):
        def written(*args, **kwargs):
            collecting.append(gc.isenabled())
            return write(*args, **kwargs)
        return written
    monkeypatch.setattr(pipeline, "render_site", recording(pipeline.render_site))
    monkeypatch.setattr(pipeline, "update_site", recording(pipeline.update_site))
    result, output = make_site(tmp_path, {"a.txt": f"Lavrov in Yerevan\n\n10.11.2020\n\n{STORY}\n",
                                          "b.txt": "Another story\n\n12.11.2020\n\nLavrov met the press.\n"})
    (tmp_path / "content" / "articles" / "b.txt").write_text("Another story\n\n12.11.2020\n\nLavrov left.\n")
    again = build_site(default_paths(tmp_path / "content", output, PROJECT))  # an update: written in place
    assert result.ok and again.ok and "articles/another-story/index.html" in again.made
    # rendered twice, written in place once, never with the collector on: it walks every object of the
    # corpus, seconds on a large site
    assert collecting == [False, False, False] and gc.isenabled()

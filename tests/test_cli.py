"""The command line as a user meets it: help, messages naming the file and line, no tracebacks."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import COMMANDS, make_parser

PROJECT = Path(__file__).resolve().parent.parent


def run(*args, cwd=PROJECT):
    return subprocess.run([sys.executable, str(cwd / "build.py"), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    (folder / "articles").mkdir(parents=True)
    (folder / "site.yaml").write_text("title: Test dossier\n")
    (folder / "articles" / "good.txt").write_text("A good article\n\n01.02.2021\n\nIts body, long enough to read.\n")
    return folder


def test_every_command_has_help_and_is_in_the_readme():
    readme = (PROJECT / "README.md").read_text()
    subcommands = make_parser()._subparsers._group_actions[0].choices
    assert set(subcommands) == set(COMMANDS)
    for name, parser in subcommands.items():
        assert parser.description, name
        assert f"build.py {name}" in readme, f"README does not document `{name}`"


def test_help_runs():
    result = run("--help")
    assert result.returncode == 0 and all(c in result.stdout for c in COMMANDS)


def test_build_reports_bad_front_matter_and_builds_the_rest(content, tmp_path):
    (content / "articles" / "bad.md").write_text("---\ntitle: Bad\ndate: [2020\n---\nBody.\n")
    result = run("build", "--content", content, "--output", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(r"bad\.md:3: error: front matter: invalid YAML", result.stderr), result.stderr
    assert (tmp_path / "out" / "articles" / "a-good-article" / "index.html").is_file()


def test_build_stops_on_bad_site_config_without_traceback(content, tmp_path):
    (content / "site.yaml").write_text("title: [oops\n")
    result = run("build", "--content", content, "--output", tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "site.yaml:1: error: invalid YAML" in result.stderr
    assert not (tmp_path / "out").exists()


def test_template_error_names_template_and_line(content, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(PROJECT / "templates", project / "templates")
    shutil.copytree(PROJECT / "site_src", project / "site_src")
    shutil.copy(PROJECT / "build.py", project / "build.py")
    (project / "templates" / "tags.html").write_text("{% extends 'base.html' %}\n{% block main %}{{ nope }}\n")
    result = run("build", "--content", content, "--output", tmp_path / "out", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"tags\.html:2: error: template syntax error", result.stderr), result.stderr


def test_refuses_to_replace_a_folder_it_did_not_make(content, tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work")
    result = run("build", "--content", content, "--output", precious)
    assert result.returncode == 1 and "was not made by dossier" in result.stderr
    assert (precious / "thesis.docx").read_text() == "years of work"


def test_normalise_prints_front_matter_and_body(content):
    result = run("normalise", "--content", content)
    assert result.returncode == 0
    assert "title: A good article\n" in result.stdout and "date: '2021-02-01'\n" in result.stdout
    assert "Its body, long enough to read." in result.stdout


def test_normalise_of_one_file_prints_exactly_what_write_would_save(content):

    source = content / "articles" / "good.txt"
    printed = run("normalise", "--content", content, source)
    assert printed.returncode == 0 and printed.stdout.startswith("---\n")  # front matter first: a valid article
    assert run("normalise", "--write", "--content", content, source).returncode == 0
    assert (content / "articles" / "good.md").read_text(encoding="utf-8") == printed.stdout


def test_options_without_a_command_mean_build(content, tmp_path):
    result = run("--content", content, "--output", tmp_path / "out")
    assert result.returncode == 0 and (tmp_path / "out" / "index.html").is_file()


def test_normalise_write_keeps_the_original_and_is_idempotent(content, tmp_path):
    source = content / "articles" / "good.txt"
    collected = source.read_bytes()
    first = run("normalise", "--write", "--content", content)
    assert first.returncode == 0 and "wrote: " in first.stderr
    written = content / "articles" / "good.md"
    assert not source.exists() and (content / "originals" / "good.txt").read_bytes() == collected
    text = written.read_text()
    assert text.startswith("---\ntitle: A good article\n") and "date: '2021-02-01'\ndate_precision: day\n" \
        "date_source: dateline\n" in text
    second = run("normalise", "--write", "--content", content)
    assert "unchanged: " in second.stderr and written.read_text() == text
    build = run("build", "--content", content, "--output", tmp_path / "out")
    assert build.returncode == 0
    assert (tmp_path / "out" / "originals" / "good.txt").read_bytes() == collected
    assert "date_source: dateline" in written.read_text()


def test_normalise_write_never_overwrites_an_editor_field(content):
    article = content / "articles" / "edited.md"
    article.write_text("---\ntitle: My own title\ndate: 2021-02-03\ntags: [mine]\nnote: keep me\n---\n"
                       "Original title\n\nThe body of the article, as the editor left it.\n")
    assert run("normalise", "--write", "--content", content).returncode == 0
    text = article.read_text()
    assert "title: My own title\n" in text and "date: '2021-02-03'\n" in text and "- mine\n" in text
    assert "note: keep me\n" in text and "date_source: front-matter" in text
    assert (content / "originals" / "edited.md").read_text().startswith("---\ntitle: My own title")


def test_check_lists_errors_and_fails_without_writing(content, tmp_path):
    (content / "articles" / "bad.md").write_text("---\ntitle: Bad\nentities: [nobody]\n---\nBody of the article.\n")
    result = run("check", "--content", content)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"bad\.md:3: error: `entities` names 'nobody', not in the registry", result.stderr)
    assert "check failed" in result.stderr


def test_check_passes_a_site_without_base_url_and_its_pages_name_no_canonical_address(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "site.yaml").write_text("title: No address yet\n")
    (content / "articles" / "a.txt").write_text("A title here\n\n12.03.2024\n\nSome body text of the article.\n")
    result = run("check", "--content", content)
    assert result.returncode == 0 and "broken link" not in result.stderr, result.stderr
    output = tmp_path / "out"
    assert run("build", "--content", content, "--output", output).returncode == 0
    assert 'rel="canonical"' not in (output / "tags" / "index.html").read_text()


def test_strict_build_fails_on_undated_articles_when_dates_are_required(content, tmp_path):
    (content / "site.yaml").write_text("title: Test dossier\nrequire_dates: true\n")
    (content / "articles" / "undated.txt").write_text("No date here\n\nJust a paragraph of text.\n")
    output = tmp_path / "out"
    result = run("build", "--strict", "--content", content, "--output", output)
    assert result.returncode == 1 and "undated.txt: error: no date found" in result.stderr
    assert not output.exists()
    assert run("build", "--content", content, "--output", output).returncode == 0  # not strict: built


def test_strict_build_passes_on_the_demo_site(tmp_path):
    result = run("build", "--strict", "--output", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "index.html").is_file()


def test_unknown_command_or_option_is_a_usage_message(content):
    for args in (["publish"], ["build", "--colour"]):
        result = run(*args)
        assert result.returncode == 2 and "usage:" in result.stderr and "Traceback" not in result.stderr


def test_a_build_with_nothing_changed_says_so_without_loading_the_pipeline(content, tmp_path):
    first = run("build", "--content", content, "--output", tmp_path / "out", "--no-search")
    assert first.returncode == 0 and "built" in first.stderr
    probe = ("import sys; from dossier.cli import main; "
             f"code = main(['build', '--content', {str(content)!r}, '--output', {str(tmp_path / 'out')!r}, "
             "'--no-search']); print(code, 'dossier.pipeline' in sys.modules)")
    again = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT, capture_output=True, text=True, timeout=120)
    assert "nothing changed since the last build" in again.stderr
    assert again.stdout.split() == ["0", "False"]  # answered from the manifest alone
    (content / "articles" / "good.txt").write_text("A good article\n\n01.02.2021\n\nIts body, now edited.\n")
    edited = run("build", "--content", content, "--output", tmp_path / "out", "--no-search")
    assert "updated" in edited.stderr


def test_a_build_from_another_folder_reads_what_the_last_one_kept(content, tmp_path):
    # the kept analyses name each article's file by its full path, not as the last build was told it
    def build(cwd, folder, output):
        return subprocess.run([sys.executable, str(PROJECT / "build.py"), "build", "--content", str(folder),
                               "--output", str(output), "--no-search"], cwd=cwd, capture_output=True, text=True,
                              timeout=120)
    first = build(tmp_path, "content", "first")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    second = build(elsewhere, content, tmp_path / "second")
    assert first.returncode == second.returncode == 0, second.stderr
    assert "Traceback" not in second.stderr
    published = tmp_path / "second" / "originals" / "good.txt"
    assert published.read_bytes() == (content / "articles" / "good.txt").read_bytes()


def test_every_reader_is_for_a_suffix_the_scan_finds():
    from dossier.readers import READERS
    from dossier.scan import ARTICLE_SUFFIXES

    assert set(READERS) == set(ARTICLE_SUFFIXES)


def test_suggest_counts_in_words_and_says_unused_names_are_only_those_names(content):
    result = run("suggest", "--content", content)
    assert result.returncode == 0
    assert "1 names" not in result.stdout
    assert "entities with registered names or aliases that no article uses" not in result.stdout


def test_the_preview_prints_a_warning_once_and_an_error_every_time():
    from io import StringIO

    from rich.console import Console

    from dossier.console import report
    from dossier.model import Problem

    problems = [Problem("content/articles/a.txt", "no date found"), Problem("content/site.yaml", "bad", 2, "error")]
    shown: set[str] = set()
    first, second = StringIO(), StringIO()
    report(problems, Console(file=first, width=200), shown)
    report(problems, Console(file=second, width=200), shown)
    assert "a.txt: warning: no date found" in first.getvalue() and "site.yaml:2: error: bad" in first.getvalue()
    assert "no date found" not in second.getvalue() and "site.yaml:2: error: bad" in second.getvalue()
    assert second.getvalue().rstrip().endswith("1 error(s), 1 warning(s) (1 as before)")

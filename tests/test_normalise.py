"""Normalisation, case by case, from hand-written fixture files in fixtures/normalise/."""

from pathlib import Path

import pytest
import yaml

from dossier.boilerplate import load_rules
from dossier.model import SiteConfig
from dossier.normalise import normalise_article
from dossier.units import Unit, clean_line, escape_markdown, plain_units
from dossier.readers import read_article
from fixture_cases import parametrize_fixtures

FIXTURES = Path(__file__).parent / "fixtures" / "normalise"
RULES, _ = load_rules()
SITE = SiteConfig(title="Test site")


def normalise_text(tmp_path: Path, text: str, extension: str, site: SiteConfig = SITE):
    path = tmp_path / f"case.{extension}"
    path.write_text(text, encoding="utf-8")
    document, problems = read_article(path, path.name)
    article, more = normalise_article(document, site, RULES, str(path))
    return article, problems + more


def field_values(article) -> dict:
    return {
        "title": article.title, "subtitle": article.subtitle, "source": article.source, "author": article.author,
        "url": article.url, "language": article.language,
        "date": article.date.value if article.date else None,
        "date_precision": article.date.precision if article.date else None,
        "date_source": article.date_source, "tags": list(article.tags),
        "captions": [[c.text, c.credit] for c in article.captions],
        "removed": [r.reason for r in article.removed],
    }


def split_expected(expected: str) -> tuple[dict, str | None]:
    """The fields to check (YAML) and, after a `---` line, the expected body if given."""
    if expected.startswith("---\n"):
        return {}, expected[4:]
    head, separator, body = expected.partition("\n---\n")
    return yaml.safe_load(head) or {}, body if separator else None


@parametrize_fixtures(FIXTURES)
def test_fixture(tmp_path, fixture, case):
    extension = fixture.split(".")[1].split("-")[0]
    article, _ = normalise_text(tmp_path, case.input + "\n", extension)
    expected, body = split_expected(case.expected)
    actual = field_values(article)
    assert {key: actual[key] for key in expected} == expected
    if body is not None:
        assert article.body == body


def test_undated_article_warns_how_to_set_a_date(tmp_path):
    _, problems = normalise_text(tmp_path, "A title\n\nA paragraph without any date in it at all.\n", "txt")
    assert [p.message for p in problems] == [
        "no date found in the text; the article is listed as undated. Set it with `date: YYYY-MM-DD` in "
        "front matter (`python build.py normalise FILE` prints the article as Markdown with front matter "
        "to start from)"]


def test_month_first_order_from_site_config(tmp_path):
    site = SiteConfig(title="t", date_order="MDY")
    article, _ = normalise_text(tmp_path, "Title\n\n10.09.2023\n\nBody text of the article here.\n", "txt", site)
    assert article.date.value == "2023-10-09"


def test_no_line_of_the_input_is_lost(tmp_path):
    text = (FIXTURES.parent.parent.parent / "content" / "articles" / "001_cb3a59321c21f76c.txt").read_text()
    article, _ = normalise_text(tmp_path, text, "txt")
    kept = article.body + article.title + " ".join(article.tags)
    for line in filter(None, (line.strip() for line in text.splitlines())):
        assert line.replace("[", "\\[").replace("]", "\\]") in kept or \
            any(r.text == line for r in article.removed), line


def test_a_title_over_its_labels_is_not_a_wrapped_paragraph_though_the_lines_are_alike_in_length():
    text = ("Better Roads For The Valley: What The New Plan Means For Commuters\n"
            "TAG:Roads, Valley Council, Commuters, Transport Plan, Bus Lanes 2024\n"
            "By Jo de la Cruz\n")
    assert [u.plain for u in plain_units(text)] == text.strip().split("\n")


def test_hard_wrapped_paragraph_is_joined():
    units = plain_units("Title\n\nThis paragraph was wrapped by an e-mail program at\n"
                        "a fixed width so that every line has about the same\nlength, which is typical.\n")
    assert [u.plain for u in units] == ["Title", "This paragraph was wrapped by an e-mail program at a fixed "
                                        "width so that every line has about the same length, which is typical."]


@pytest.mark.parametrize(("text", "escaped"), [
    ("# not a heading", "\\# not a heading"),
    ("1. not a list", "1\\. not a list"),
    ("a_b *c*", "a\\_b \\*c\\*"),
    ("AT&T &amp; co", "AT&T &amp;amp; co"),
])
def test_escape_markdown(text, escaped):
    assert escape_markdown(text) == escaped


def test_an_article_saved_undated_still_says_so(tmp_path):
    _, problems = normalise_text(tmp_path, "---\ntitle: T\ndate: null\n---\nBody without a date.\n", "md",
                                 SiteConfig(title="t", require_dates=True))
    assert [(p.severity, p.message[:30]) for p in problems] == [("error", "no date found in the text; the")]


@pytest.mark.parametrize("line, cleaned", [
    ("  plain line.  ", "plain line."),
    ("Россия и Армения", "Россия и Армения"),
    ("two  spaces\tand a tab", "two spaces and a tab"),
    ("no\u00a0break and\u3000wide", "no break and wide"),
    ("zero\u200bwidth \ufeffmark", "zerowidth mark"),
    ("a bell\x07rings", "a bell rings"),
    ("it‘s, don`t, we´re", "it’s, don’t, we’re"),
    ("‘quoted’ and `code`", "‘quoted’ and `code`"),  # not before an English ending: left alone
])
def test_a_pasted_line_is_cleaned(line, cleaned):
    assert clean_line(line) == cleaned


@pytest.mark.parametrize("line, parts", [
    ("Posted on April 9, 2022 by Mara Lind", ["April 9, 2022", "By Mara Lind"]),
    ("By Mara Lind on April 9, 2022", ["April 9, 2022", "By Mara Lind"]),
    ("Von Jonas Weber am 3. Mai 2021", ["3. Mai 2021", "By Jonas Weber"]),
    ("Publié le 12 janvier 2020 par Claire Morel", ["12 janvier 2020", "By Claire Morel"]),
    ("Stand by Me on the stage", ["Stand by Me on the stage"]),  # no date: not a byline
    ("Written by Sam Lee", ["Written by Sam Lee"]),  # a byline alone is read as one already
    ("May 2024 by Jo Roe", ["May 2024 by Jo Roe"]),  # a month alone: a title as much as a byline
    ("Joshua Kucera Oct 3, 2023", ["Oct 3, 2023", "By Joshua Kucera"]),  # a name and a date alone
    ("Armenia Votes March 3, 2023", ["Armenia Votes March 3, 2023"]),  # no given name: may be a headline
])
def test_a_byline_with_its_date_is_read_as_a_date_and_a_byline(line, parts):
    from dossier.shapes import split_dated_byline

    split = split_dated_byline(Unit(7, line, line), ("en", "de", "fr"), "DMY")
    assert [unit.plain for unit in split] == parts
    assert {unit.line for unit in split} == {7}

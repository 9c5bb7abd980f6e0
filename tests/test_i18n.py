"""The site's language: interface words from templates/i18n/, Babel's plural rules and dates, lang attributes.

The Russian expectations were written by hand from Russian grammar (1 статья, 2 статьи, 5 статей,
21 статья; "9 октября" in a date, "октябрь" as a heading), not copied from the output.
"""

import re
import shutil
from pathlib import Path

import pytest
from lxml import html

from dossier.config import load_site_config
from dossier.i18n import load_words
from dossier.model import PartialDate, default_paths
from dossier.pipeline import build
from helpers import PROJECT, TEMPLATES

RU_SITE = Path(__file__).parent / "fixtures" / "ru_site"


@pytest.fixture(scope="module")
def russian():
    words, problems = load_words(TEMPLATES, "ru")
    assert problems == []  # ru.yaml translates every word of en.yaml, with the plural forms Russian needs
    return words


def test_russian_plural_forms(russian):
    assert [russian.text("count.articles", n=n) for n in (1, 2, 5, 11, 21, 22, 25)] == [
        "1 статья", "2 статьи", "5 статей", "11 статей", "21 статья", "22 статьи", "25 статей"]
    assert [russian.text("count.in_articles", n=n) for n in (1, 3, 10)] == ["в 1 статье", "в 3 статьях",
                                                                            "в 10 статьях"]


def test_dates_in_each_language(russian):
    english, _ = load_words(TEMPLATES, "en")
    day, month, year = PartialDate("2023-10-09", "day"), PartialDate("2023-10", "month"), PartialDate("2023", "year")
    assert [english.date(d) for d in (day, month, year)] == ["9 October 2023", "October 2023", "2023"]
    assert [russian.date(d) for d in (day, month, year)] == ["9 октября 2023 г.", "октябрь 2023 г.", "2023 г."]
    assert english.date(None) == "" and russian.month_heading(month) == "октябрь 2023 г."


def test_values_are_escaped_and_markup_is_kept(russian):
    assert str(russian("quote.not_registered", name="<b>Иван</b>")) == "&lt;b&gt;Иван&lt;/b&gt;"
    english, _ = load_words(TEMPLATES, "en")
    assert english.reason("boilerplate: cookie") == "boilerplate: cookie notice"
    assert russian.reason("boilerplate: my-own-kind") == "служебный текст сайта: my-own-kind"
    assert russian.reason("dateline") == "строка с датой"


def test_an_incomplete_translation_falls_back_to_english_with_warnings(tmp_path):
    shutil.copytree(TEMPLATES / "i18n", tmp_path / "i18n")
    (tmp_path / "i18n" / "de.yaml").write_text(
        'nav:\n  articles: "Artikel"\n  people: "Personen {who}"\n  tags: {one: "Schlagwort", other: "Schlagwörter"}\n'
        'count:\n  articles: {one: "{n} Artikel"}\n', encoding="utf-8")
    words, problems = load_words(tmp_path, "de")
    assert words("nav.articles") == "Artikel"
    assert words("nav.people") == "People"  # uses a placeholder the site does not fill in
    assert words("nav.tags") == "Tags"  # plural forms where one text is expected
    assert words("nav.search") == "Search"  # not translated
    messages = [p.message for p in problems]
    assert any(m.startswith("`nav.people` uses {who}") for m in messages)
    assert any(m.startswith("`nav.tags` must be one text") for m in messages)
    assert any("not translated, shown in English" in m for m in messages)
    assert all(p.severity == "warning" and p.path.endswith("de.yaml") for p in problems)
    assert words("count.articles", n=5) == "5 articles"  # a plural mapping without `other` is refused


def test_a_language_without_a_file_is_english_with_a_warning(tmp_path):
    words, problems = load_words(TEMPLATES, "fr")
    assert words("nav.people") == "People" and words.date(PartialDate("2023-10-09", "day")) == "9 octobre 2023"
    assert [p.message.split(";")[0] for p in problems] == ["no interface words for `language: fr`"]


def test_an_unknown_language_code_is_an_error_with_its_line(tmp_path):
    (tmp_path / "site.yaml").write_text("title: T\nlanguage: xx-nonsense\n")
    site, problems = load_site_config(tmp_path)
    assert site is None and [(p.line, p.severity) for p in problems] == [(2, "error")]


def test_every_word_a_template_asks_for_exists():
    english, _ = load_words(TEMPLATES, "en")
    asked = {key for path in TEMPLATES.glob("*.html") for key in re.findall(r"""\bt\(["']([\w.]+)["']\s*[,)]""",
                                                                             path.read_text())}
    assert asked and asked - english.messages.keys() == set()


@pytest.fixture(scope="module")
def russian_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("ru") / "content"
    shutil.copytree(RU_SITE, content)
    result = build(default_paths(content, content.parent / "output", PROJECT), cache=False)
    assert result.ok and result.errors == []
    return result


def interface_text(page: bytes) -> str:
    """What a reader sees or hears of a page, less scripts, code samples and web addresses."""
    doc = html.fromstring(page)
    for element in doc.xpath("//script|//style|//pre|//code"):
        element.drop_tree()
    text = " ".join(doc.xpath("//text()|//@aria-label|//@title|//@alt|//@data-results|//@data-unavailable"
                              "|//meta[@name='description' or @property='og:title']/@content"))
    return re.sub(r"https?://\S+|\{\w+\}", " ", text)


def test_a_russian_site_has_no_english_word_left(russian_site):
    """The fixture's content is all Russian, so any Latin word on its pages is an interface word left in English."""
    pages = {path: data for path, data in russian_site.files.items() if path.endswith(".html")}
    assert len(pages) > 20
    left = {path: re.findall(r"[A-Za-z]{2,}", interface_text(data)) for path, data in pages.items()}
    assert {path: words for path, words in left.items() if words} == {}
    for path, data in pages.items():
        assert data.startswith(b'<!doctype html>\n<html lang="ru">'), path


def test_a_russian_site_reads_naturally(russian_site):
    files = russian_site.files
    person = files["people/sergey-lavrov/index.html"].decode()
    assert "<li>министр иностранных дел России, с 9 марта 2004 г.</li>" in person
    assert "4 упоминания в 2 статьях; первое — 21 ноября 2020 г., последнее — 21 ноября 2020 г." in person
    home = files["index.html"].decode()
    assert "3 статьи, опубликованы 21 ноября 2020 г. – 10 декабря 2020 г. (без даты: 1)" in home
    year = files["chronology/2020/index.html"].decode()
    assert "<h2>ноябрь 2020 г.</h2>" in year and "<h2>декабрь 2020 г.</h2>" in year
    source = files["articles/lavrov-provel-peregovory-v-erevane/source/index.html"].decode()
    assert "<td>служебный текст сайта: ссылки на соцсети</td><td>Подписывайтесь на наш канал в Телеграме</td>" in source


def test_articles_in_another_language_than_the_site_are_marked(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    site = (content / "site.yaml").read_text().replace("language: en", "language: ru")
    (content / "site.yaml").write_text(site)
    result = build(default_paths(content, tmp_path / "output", PROJECT), cache=False)
    page = result.files["articles/russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign/"
                        "index.html"].decode()
    assert '<html lang="ru">' in page and '<div class="body" lang="en">' in page
    assert '<h1 lang="en">Russian peacekeepers in Karabakh demanded and needed' in page
    assert "<h2>Цитаты</h2>" in page and "Quotes" not in page
    english_only = [p for p, data in result.files.items() if p.endswith(".html") and b'lang="en"' not in data]
    assert "search/index.html" in english_only  # an interface page has no English text to mark


def words_of(tmp_path, language, yaml_text):
    shutil.copytree(TEMPLATES / "i18n", tmp_path / "i18n")
    if yaml_text is not None:
        (tmp_path / "i18n" / f"{language}.yaml").write_text(yaml_text, encoding="utf-8")
    return load_words(tmp_path, language)


def test_a_translated_word_is_escaped_as_text_its_values_too_and_plain_text_is_unescaped(tmp_path):
    words, _ = words_of(tmp_path, "de", 'nav:\n  articles: "Artikel <b>&</b>"\n'
                                        'quote:\n  not_registered: "<i>{name}</i> (nicht im Register)"\n')
    assert str(words("nav.articles")) == "Artikel &lt;b&gt;&amp;&lt;/b&gt;"  # a translation is text, not markup
    assert str(words("quote.not_registered", name="<b>Jo</b>")) == \
        "&lt;i&gt;&lt;b&gt;Jo&lt;/b&gt;&lt;/i&gt; (nicht im Register)"
    assert words.text("nav.articles") == "Artikel <b>&</b>"  # for a CSV cell or a citation
    assert words("nav.articles") is words("nav.articles")  # made once


def test_a_missing_word_or_a_plural_without_its_number_is_an_error_that_says_what_to_do():
    import jinja2

    english, _ = load_words(TEMPLATES, "en")
    with pytest.raises(jinja2.UndefinedError, match="no interface word `nav.nothing` in templates/i18n/en.yaml"):
        english("nav.nothing")
    with pytest.raises(jinja2.UndefinedError, match="`count.articles` has plural forms: give it a number"):
        english("count.articles")
    assert [english.text("count.articles", n=n) for n in (1, 2)] == ["1 article", "2 articles"]


def test_broken_interface_words_are_errors_naming_the_file_and_the_word(tmp_path):
    _, problems = words_of(tmp_path, "de", "nav: [a, b\n")
    assert [(p.path.endswith("de.yaml"), p.severity) for p in problems if "YAML" in p.message] == [(True, "error")]
    _, problems = words_of(tmp_path / "2", "de", 'nav:\n  articles: 3\ncount:\n  articles: {other: 5, one: "x"}\n')
    messages = [(p.message, p.line, p.severity) for p in problems if p.severity == "error"]
    assert ("`nav.articles` must be a text in quotes or a mapping of plural forms with at least `other`", 2,
            "error") in messages
    assert ("`count.articles`: plural forms are zero, one, two, few, many, other, each a text", 4, "error") in messages
    _, problems = words_of(tmp_path / "3", "de", "- a\n- b\n")
    assert [p.message for p in problems if p.severity == "error"] == ["must be a YAML mapping of interface words"]


def test_a_translation_is_told_which_plural_forms_its_language_needs_and_which_words_are_unknown(tmp_path):
    _, problems = words_of(tmp_path, "ru", 'count:\n  articles: {one: "{n} статья", other: "{n} статей"}\n'
                                           'nav:\n  nonsense: "x"\n')
    messages = [p.message for p in problems]
    assert "`count.articles` needs the plural forms few, many, one, other for this language" in messages
    assert "unknown interface word(s), not used: nav.nonsense (the words are those of en.yaml)" in messages


def test_each_problem_with_a_translation_names_its_file_line_and_what_to_do(tmp_path):
    words, problems = words_of(tmp_path, "de", 'nav:\n  articles: 3\n  people: "Personen {who}"\n'
                                               '  tags: {one: "a", other: "b"}\ncount:\n  articles: "Artikel"\n'
                                               '  entities: {other: 5, one: "x"}\nnonsense: "x"\n')
    shown = [(Path(p.path).name, p.message, p.line, p.severity) for p in problems]
    assert shown[:2] == [
        ("de.yaml", "`nav.articles` must be a text in quotes or a mapping of plural forms with at least `other`", 2,
         "error"),
        ("de.yaml", "`count.entities`: plural forms are zero, one, two, few, many, other, each a text", 7, "error")]
    assert re.fullmatch(r"\d+ interface word\(s\) not translated, shown in English: (?:[\w.]+, ){7}[\w.]+ …",
                        shown[2][1]) and shown[2][0::2] == ("de.yaml", None)
    assert shown[3:] == [
        ("de.yaml", "unknown interface word(s), not used: count.entities, nonsense (the words are those of en.yaml)",
         None, "warning"),
        ("de.yaml", "`nav.people` uses {who}, which the site does not fill in; shown in English until fixed", None,
         "warning"),
        ("de.yaml", "`nav.tags` must be one text, not plural forms, as in en.yaml; shown in English until fixed", None,
         "warning"),
        ("de.yaml", "`count.articles` must be plural forms (one: …, other: …), as in en.yaml; shown in English "
         "until fixed", None, "warning")]
    assert words.language == "de" and words("nav.people") == "People"


def test_without_its_english_words_the_site_is_told_to_restore_them(tmp_path):
    shutil.copytree(TEMPLATES / "i18n", tmp_path / "i18n")
    (tmp_path / "i18n" / "en.yaml").unlink()
    words, problems = load_words(tmp_path, "de")
    assert [(Path(p.path).name, p.message, p.severity) for p in problems] == [
        ("en.yaml", "missing: restore it (dossier ships it in templates/i18n/)", "error"),
        ("de.yaml", "no interface words for `language: de`; the interface is in English. Copy en.yaml to de.yaml "
         "and translate it", "warning")]
    assert words.language == "de"


def test_a_regional_code_takes_its_language_s_words_and_a_reason_is_told_in_them(russian):
    words, problems = load_words(TEMPLATES, "ru-RU")
    assert problems == [] and words.language == "ru-RU" and words("nav.articles") == russian("nav.articles")
    assert words.reason("a reason nobody translated") == "a reason nobody translated"
    assert words.month_heading(PartialDate("2023-10", "month")) == "октябрь 2023 г."

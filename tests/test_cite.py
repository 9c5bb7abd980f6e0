"""Citations and archive links for an article, checked against hand-written expectations."""

from dossier.cite import apa, archive_url, bibtex, csl_json
from dossier.i18n import load_words
from dossier.model import Article, PartialDate
from helpers import TEMPLATES

PERMALINK = "https://example.org/dossier/articles/lavrov-in-yerevan/"
ARTICLE = Article("a.md", "lavrov-in-yerevan", "Lavrov in {Yerevan}", "Body.", date=PartialDate("2020-11-21", "day"),
                  source="Example News", url="https://news.example/lavrov", author="Jane Doe")


def test_apa_like_text():
    words, _ = load_words(TEMPLATES, "en")
    assert apa(ARTICLE, PERMALINK, words) == ("Jane Doe (21 November 2020). Lavrov in {Yerevan}. Example News. "
                                       "https://news.example/lavrov")
    undated = Article("b.txt", "b", "Untitled talks", "Body.")
    assert apa(undated, PERMALINK, words) == f"Untitled talks. (n.d.). {PERMALINK}"
    russian, _ = load_words(TEMPLATES, "ru")
    assert apa(undated, PERMALINK, russian) == f"Untitled talks. (б. д.). {PERMALINK}"
    assert apa(ARTICLE, PERMALINK, russian).startswith("Jane Doe (21 ноября 2020 г.). ")


def test_bibtex_drops_braces_from_values():
    assert bibtex(ARTICLE, PERMALINK) == (
        "@article{lavrov_in_yerevan,\n  title = {Lavrov in Yerevan},\n  journal = {Example News},\n"
        "  author = {Jane Doe},\n  year = {2020},\n  month = {11},\n  url = {https://news.example/lavrov},\n"
        f"  note = {{Collected at {PERMALINK}}}\n}}")


def test_csl_json_and_archive_link():
    assert csl_json(ARTICLE, PERMALINK) == {
        "id": "lavrov-in-yerevan", "type": "article-newspaper", "title": "Lavrov in {Yerevan}",
        "URL": "https://news.example/lavrov", "container-title": "Example News", "author": [{"literal": "Jane Doe"}],
        "issued": {"date-parts": [[2020, 11, 21]]}}
    assert archive_url(ARTICLE) == "https://web.archive.org/web/20201121/https://news.example/lavrov"
    assert archive_url(Article("c", "c", "T", "B", url="https://x.example/")) == \
        "https://web.archive.org/web/*/https://x.example/"


def test_an_entity_page_is_cited_as_a_page_of_the_site():
    from dossier.cite import entity_apa, entity_bibtex
    from helpers import person

    words, _ = load_words(TEMPLATES, "en")
    lavrov = person("Sergey Lavrov")
    link = "https://example.org/dossier/people/sergey-lavrov/"
    assert entity_apa(lavrov, "Russia and Karabakh", link, words) == f"Sergey Lavrov. (n.d.). Russia and Karabakh. {link}"
    assert entity_bibtex(lavrov, "Russia and {Karabakh}", link) == (
        "@misc{sergey_lavrov,\n  title = {Sergey Lavrov},\n  howpublished = {Russia and Karabakh},\n"
        f"  url = {{{link}}}\n}}")

"""Citations and archive links for an article, checked against hand-written expectations."""

from dossier.cite import apa, archive_url, bibtex, csl_json
from dossier.model import Article, PartialDate

PERMALINK = "https://example.org/dossier/articles/lavrov-in-yerevan/"
ARTICLE = Article("a.md", "lavrov-in-yerevan", "Lavrov in {Yerevan}", "Body.", date=PartialDate("2020-11-21", "day"),
                  source="Example News", url="https://news.example/lavrov", author="Jane Doe")


def test_apa_like_text():
    assert apa(ARTICLE, PERMALINK) == ("Jane Doe (21 November 2020). Lavrov in {Yerevan}. Example News. "
                                       "https://news.example/lavrov")
    undated = Article("b.txt", "b", "Untitled talks", "Body.")
    assert apa(undated, PERMALINK) == f"Untitled talks. (n.d.). {PERMALINK}"


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

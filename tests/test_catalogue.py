"""catalogue.py's lookups for entity pages: the sentences, quotes and co-mentions an entity page shows,
made aside for every entity or, on an update of a few articles, by each page; the same either way."""

from dossier import catalogue
from dossier.catalogue import build_catalogue, co_mentioned, quotes_of, sentences_naming, start_entity_parts
from dossier.model import Analysis, Corpus, Quote, SiteConfig
from dossier.store import Parts, pack
from helpers import article


def both_ways(articles, analyses, most=catalogue.KWIC_ARTICLES):
    """The corpus with what entity pages show made aside, and without (each page makes its own)."""
    aside = Corpus(SiteConfig("Site"), articles, (), analyses, **start_entity_parts(articles, analyses, most=most)())
    now = Corpus(SiteConfig("Site"), articles, (), analyses)
    return [(corpus, build_catalogue(corpus)) for corpus in (aside, now)]


def analysis(named, sentences):
    return Analysis(b"", b"", packed_named=pack(tuple(named)), packed_sentences=pack(sentences))


def test_an_entitys_sentences_come_from_its_most_recent_articles_then_the_undated(monkeypatch):
    articles = (article("", "2020-01-01", slug="old"), article("", "2021-05-01", slug="mid"),
                article("", "2022-03-01", slug="new"), article("", slug="undated"))  # in time order, undated last
    analyses = {
        "old": analysis([("x", 1), ("y", 1)], {"x": ("X in 2020.",), "y": ("Y in 2020.",)}),
        "mid": analysis([("x", 2), ("z", 0)], {"x": ("X in 2021.", "X again.")}),  # z: stated, not named
        "new": analysis([("x", 1)], {"x": ("X in 2022.",)}),
        "undated": analysis([("x", 1), ("y", 1)], {"x": ("X undated.",), "y": ("Y undated.",)}),
    }
    monkeypatch.setattr(catalogue, "KWIC_ARTICLES", 2)
    for corpus, cat in both_ways(articles, analyses, most=2):
        assert list(sentences_naming(corpus, cat, "x").items()) == [("new", ("X in 2022.",)),
                                                                    ("mid", ("X in 2021.", "X again."))]
        assert sentences_naming(corpus, cat, "y") == {"old": ("Y in 2020.",), "undated": ("Y undated.",)}
        assert sentences_naming(corpus, cat, "z") == {"mid": ()}  # its article takes its place, with nothing to quote
        assert sentences_naming(corpus, cat, "unknown") == {}
    monkeypatch.setattr(catalogue, "KWIC_ARTICLES", 50)
    for corpus, cat in both_ways(articles, analyses, most=50):
        assert list(sentences_naming(corpus, cat, "x")) == ["new", "mid", "old", "undated"]  # dated latest first


def test_an_entitys_quotes_come_in_the_order_of_its_articles_each_read_once(monkeypatch):
    monkeypatch.setattr(catalogue, "QUOTES_HELD", 3)  # so that x's quotes are put on the shelf in groups
    articles = (article("", "2020-01-01", slug="old"), article("", "2021-05-01", slug="mid"), article("", slug="undated"))

    def quoted(slug, *said):
        quotes = tuple(Quote(slug, block, 0, 5, text, speaker) for block, (speaker, text) in enumerate(said))
        return Analysis(b"", pack(quotes), speakers=tuple(dict.fromkeys(s for s, _ in said if s)))
    analyses = {"old": quoted("old", ("x", "one"), ("y", "two"), ("x", "three")),
                "mid": quoted("mid", (None, "nobody's"), ("x", "four")),
                "undated": quoted("undated", ("x", "five"), ("y", "six"))}
    quotes = start_entity_parts(articles, analyses)()["quotes"]
    assert (len(quotes["x"]), len(quotes["y"])) == (2, 1)  # x: a group of three, then the one left
    for corpus, cat in both_ways(articles, analyses):
        assert [(q.article, q.text) for q in quotes_of(corpus, cat, "x")] == [
            ("old", "one"), ("old", "three"), ("mid", "four"), ("undated", "five")]
        assert [q.text for q in quotes_of(corpus, cat, "y")] == ["two", "six"]
        assert quotes_of(corpus, cat, "nobody") == []


def test_co_mentions_count_articles_most_first_then_by_id():
    named = {"a1": ("x", "z", "b"), "a2": ("c", "x"), "a3": ("x", "a", "c", "b"), "a4": ("lone",)}
    articles = tuple(article("", slug=slug) for slug in named)
    analyses = {slug: analysis([(entity, 1) for entity in entities], {}) for slug, entities in named.items()}
    for corpus, cat in both_ways(articles, analyses):
        assert not cat.ids  # the entities are numbered when a page first counts co-mentions, not before
        assert co_mentioned(corpus, cat, "x") == (("b", 2), ("c", 2), ("a", 1), ("z", 1))  # z was counted before a
        assert co_mentioned(corpus, cat, "a") == (("b", 1), ("c", 1), ("x", 1))
        assert co_mentioned(corpus, cat, "lone") == ()  # named with nothing else
    assert catalogue._co_mentions(Parts(a.packed_named for a in analyses.values()), limit=1)["x"] == (("b", 2),)


def test_entity_pages_make_their_own_parts_only_after_an_update_naming_few_entities(monkeypatch):
    from dossier.catalogue import pages_make_their_own

    analyses = {"a": analysis([("x", 2), ("y", 1)], {}), "b": analysis([("y", 1), ("z", 1)], {})}
    assert not pages_make_their_own(None, analyses)  # many articles changed: made aside for every entity
    assert pages_make_their_own({"a", "b", "removed"}, analyses)  # x, y, z: three entity pages at most
    monkeypatch.setattr(catalogue, "ENTITY_PAGES_EACH", 2)
    assert pages_make_their_own({"a"}, analyses) and not pages_make_their_own({"a", "b"}, analyses)

"""catalogue.py's whole-site lookups made aside: the sentences and the quotes an entity page shows."""

from dossier import catalogue
from dossier.catalogue import start_entity_parts
from dossier.model import Analysis, Corpus, Quote, SiteConfig
from dossier.store import Parts, pack
from helpers import article


def analysis(named, sentences):
    return Analysis(b"", b"", packed_named=pack(tuple(named)), packed_sentences=pack(sentences))


def test_an_entitys_sentences_come_from_its_most_recent_articles_then_the_undated():
    articles = (article("", "2020-01-01", slug="old"), article("", "2021-05-01", slug="mid"),
                article("", "2022-03-01", slug="new"), article("", slug="undated"))  # in time order, undated last
    analyses = {
        "old": analysis([("x", 1), ("y", 1)], {"x": ("X in 2020.",), "y": ("Y in 2020.",)}),
        "mid": analysis([("x", 2), ("z", 0)], {"x": ("X in 2021.", "X again.")}),  # z: stated, not named
        "new": analysis([("x", 1)], {"x": ("X in 2022.",)}),
        "undated": analysis([("x", 1), ("y", 1)], {"x": ("X undated.",), "y": ("Y undated.",)}),
    }
    shelved = start_entity_parts(articles, analyses, most=2)()["sentences"]
    corpus = Corpus(SiteConfig("Site"), articles, (), analyses, sentences=shelved)
    assert corpus.sentences_naming("x") == {"new": ("X in 2022.",), "mid": ("X in 2021.", "X again.")}
    assert corpus.sentences_naming("y") == {"old": ("Y in 2020.",), "undated": ("Y undated.",)}
    assert corpus.sentences_naming("z") == {"mid": ()}  # its article takes its place, with nothing to quote
    assert corpus.sentences_naming("unknown") == {}
    everything = start_entity_parts(articles, analyses, most=50)()["sentences"]
    assert list(Corpus(SiteConfig("Site"), articles, (), analyses, sentences=everything).sentences_naming("x")) == [
        "new", "mid", "old", "undated"]  # the dated latest first, then the undated


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
    corpus = Corpus(SiteConfig("Site"), articles, (), analyses, quotes=quotes)
    assert [(q.article, q.text) for q in corpus.quotes_of("x")] == [
        ("old", "one"), ("old", "three"), ("mid", "four"), ("undated", "five")]
    assert [q.text for q in corpus.quotes_of("y")] == ["two", "six"]
    assert corpus.quotes_of("nobody") == []


def test_co_mentions_count_articles_most_first_then_by_id():
    named = {"a1": ("x", "z", "b"), "a2": ("c", "x"), "a3": ("x", "a", "c", "b"), "a4": ("lone",)}
    articles = tuple(article("", slug=slug) for slug in named)
    analyses = {slug: analysis([(entity, 1) for entity in entities], {}) for slug, entities in named.items()}
    co_mentions = start_entity_parts(articles, analyses)()["co_mentions"]
    assert co_mentions["x"] == (("b", 2), ("c", 2), ("a", 1), ("z", 1))  # z was counted before a
    assert co_mentions["a"] == (("b", 1), ("c", 1), ("x", 1))
    assert "lone" not in co_mentions  # named with nothing else
    assert catalogue._co_mentions(Parts(a.packed_named for a in analyses.values()), limit=1)["x"] == (("b", 2),)

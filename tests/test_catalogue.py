"""catalogue.py's whole-site lookups made aside: the sentences an entity page quotes."""

from dossier.catalogue import start_sentences
from dossier.model import Analysis, Corpus, SiteConfig, pack
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
    shelved = start_sentences(articles, analyses, most=2)()
    corpus = Corpus(SiteConfig("Site"), articles, (), analyses, sentences=shelved)
    assert corpus.sentences_naming("x") == {"new": ("X in 2022.",), "mid": ("X in 2021.", "X again.")}
    assert corpus.sentences_naming("y") == {"old": ("Y in 2020.",), "undated": ("Y undated.",)}
    assert corpus.sentences_naming("z") == {"mid": ()}  # its article takes its place, with nothing to quote
    assert corpus.sentences_naming("unknown") == {}
    everything = start_sentences(articles, analyses, most=50)()
    assert list(Corpus(SiteConfig("Site"), articles, (), analyses, sentences=everything).sentences_naming("x")) == [
        "new", "mid", "old", "undated"]  # the dated latest first, then the undated

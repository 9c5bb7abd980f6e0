"""The chronology kept between builds: read back as it was saved, patched when few articles changed,
made whole otherwise, and never taken from another version of the settings or from under another build."""

import random

import pytest

from dossier import chronology_cache
from dossier.chronology_cache import ChronologyCache, start_kept_chronology
from dossier.model import Analysis
from dossier.store import pack
from helpers import article
from test_chronology import EVENTS, everything, random_articles


def analyses_of(entries):
    return {slug: Analysis(b"", b"", packed_entries=pack(found)) for slug, found in entries.items()}


def chronology_of(cache, entries, settings="s1"):
    articles = tuple(article("", slug=slug) for slug in entries)
    versions = {slug: f"v-{hash(found)}" for slug, found in entries.items()}
    return start_kept_chronology(cache, settings, articles, EVENTS, analyses_of(entries), versions)[0]()


def test_a_chronology_kept_reads_back_as_it_was_made(tmp_path):
    entries = random_articles(random.Random(1), 30)
    cache = ChronologyCache(tmp_path)
    made = chronology_of(cache, entries)
    kept = cache.load("s1")
    assert everything(kept.chronology) == everything(made)
    assert set(kept.versions) == set(entries) and cache.load("s2") is None  # other settings or code: made whole
    cache.close()


def test_an_edit_patches_the_kept_chronology_and_many_make_it_whole(tmp_path, monkeypatch):
    rng = random.Random(2)
    entries = random_articles(rng, 600)
    cache = ChronologyCache(tmp_path)
    chronology_of(cache, entries)
    whole = chronology_cache.start_chronology

    def refused(*args, **kwargs):
        raise AssertionError("made whole")
    monkeypatch.setattr(chronology_cache, "start_chronology", refused)
    edited = dict(entries)
    while edited["a03"] == entries["a03"]:
        edited["a03"] = random_articles(rng, 4)["a03"]  # another article of the same slug
    del edited["a07"]
    patched = chronology_of(cache, edited)
    assert everything(patched) == everything(whole(tuple(article("", slug=s) for s in edited), EVENTS,
                                                   analyses_of(edited))()[0])
    assert everything(cache.load("s1").chronology) == everything(patched)
    many = {slug: found for slug, found in list(edited.items())[:560]}  # 39 articles gone: more than 2%
    with pytest.raises(AssertionError, match="made whole"):
        chronology_of(cache, many)
    cache.close()


def test_a_state_saved_by_another_build_meanwhile_is_not_patched_over(tmp_path):
    entries = random_articles(random.Random(3), 20)
    cache = ChronologyCache(tmp_path)
    chronology_of(cache, entries)
    since = cache.load("s1")
    chronology_of(cache, {**entries, "a01": ()})  # another build saves first
    cache.save(since, since, set(), set())  # ... then this one, patched from what it read before
    assert cache.load("s1") is None  # the next build makes it whole
    cache.close()


def test_an_edit_that_leaves_an_articles_entries_as_they_were_leaves_the_chronology_alone(tmp_path, monkeypatch):
    from dataclasses import replace

    entries = random_articles(random.Random(3), 12)
    cache = ChronologyCache(tmp_path)
    articles = tuple(article("", slug=slug) for slug in entries)
    analyses = {slug: replace(analysis, shown=f"shown-{slug}") for slug, analysis in analyses_of(entries).items()}
    versions = {slug: f"v1-{slug}" for slug in entries}
    made, _ = start_kept_chronology(cache, "s1", articles, EVENTS, analyses, versions)
    made = made()
    patched = []
    monkeypatch.setattr(chronology_cache, "patch_chronology", lambda *args: patched.append(args))
    edited = dict(versions, **{next(iter(entries)): "v2"})  # its text changed, not what it shows elsewhere
    again, changed = start_kept_chronology(cache, "s1", articles, EVENTS, analyses, edited)
    assert changed == set() and patched == [] and everything(again()) == everything(made)
    slug = next(iter(entries))
    analyses[slug] = replace(analyses[slug], shown="shown again")  # its dated mentions (or names) changed
    with pytest.raises(TypeError):  # patched: (the stand-in above returns nothing to unpack)
        start_kept_chronology(cache, "s1", articles, EVENTS, analyses, edited)
    assert len(patched) == 1

"""Names that look like people or organisations but are not in the registry: help to grow it.

Reads the gathered corpus (never the files again). The cues are those of news prose: a title before
a name ("Deputy Foreign Minister Mikhail Galuzin", "spokesman Pavel Pautov"), a speech verb beside a
name ("X said"), an unregistered speaker of a quote, an acronym with its expansion ("Collective
Security Treaty Organization (CSTO)"), and organisation words in a recurring capitalised name.
Also reports registered names and aliases that never matched. Writes nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from . import store
from .inflection import nominative
from .link import sentence_at
from .model import Corpus

_WORD = r"[A-ZА-ЯЁ](?:[^\W\d_A-ZА-ЯЁ]|[’'\-])+"  # a capitalised word in any alphabet: Kılıç, Пашинян
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|[A-Z]\.))*?\s+{_WORD}"
_TITLES = (r"President|Prime Minister|Minister|Foreign Minister|Defence Minister|Defense Minister|Deputy|"
           r"Ambassador|ambassador|spokesman|spokeswoman|spokesperson|Spokesperson|Secretary|Chairman|Chairwoman|"
           r"General|Colonel|Commander|Senator|Governor|Mayor|leader|envoy|analyst|expert|journalist|counterpart|"
           r"Speaker|speaker|Chief|chief|Director|director|Head|head|"
           r"Mr\.|Mrs\.|Ms\.|Dr\.")
_VERBS = (r"said|says|stated|told|added|noted|stressed|emphasi[sz]ed|explained|declared|announced|warned|argued|"
          r"заявил|заявила|сказал|сказала|отметил|отметила|сообщил|сообщила|подчеркнул|подчеркнула")
_TITLED = re.compile(rf"\b(?:{_TITLES}),?\s+((?:{_WORD}\s+){{1,5}}{_WORD})\b")  # leading title words are trimmed
_APPOSITION = re.compile(rf"\b({_NAME}),\s+(?:{_WORD}[’']s\s+|the\s+|a\s+|an\s+)?[a-z][a-z\- ]{{2,40}}"
                         rf"(?:\s+of\s+[^,]{{1,40}})?,")
_SPEAKER_AFTER = re.compile(rf"\b({_NAME}),?\s+(?:also\s+)?(?:{_VERBS})\b")
_SPEAKER_BEFORE = re.compile(rf"\b(?:{_VERBS})\s+({_NAME})\b")
_EXPANSION = re.compile(r"\b((?:[A-Z][a-z]+\s+(?:(?:of|for|and|the|on|in)\s+)*){1,7}[A-Z][a-z]+)\s+\(([A-Z]{2,8})\)")
_CAPITALISED = re.compile(rf"\b({_WORD}(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?{_WORD}){{1,5}})\b")
_ORGANISATION_WORDS = {"ministry", "organization", "organisation", "union", "party", "council", "agency", "group",
                       "committee", "bank", "forum", "army", "forces", "company", "corporation", "institute",
                       "university", "service", "mission", "parliament", "assembly", "court", "commission",
                       "fund", "foundation", "association", "alliance", "front", "movement", "news", "times"}
_NOT_IN_PERSON_NAMES = {"minister", "president", "deputy", "foreign", "affairs", "defence", "defense", "prime",
                        "secretary", "general", "ambassador", "spokesman", "spokesperson", "chairman", "federation",
                        "republic", "government", "state", "national", "international", "office", "north", "south",
                        "east", "west", "new", "day", "week", "year"}
_NOT_NAMES = {"The", "In", "On", "At", "For", "But", "And", "As", "It", "This", "That", "According", "However",
              "Meanwhile", "Also", "Moreover", "After", "Before", "During", "While", "When", "If", "Since",
              # sentence openers in other languages: "Ранее Никол Пашинян заявил ..."
              "Ранее", "Также", "Однако", "Кроме", "Впрочем", "Позже", "Затем", "Тогда", "Сегодня", "Вчера", "Как",
              "Но", "И", "А", "В", "На", "По", "При", "После", "Это", "Раніше", "Також", "Однак", "Проте", "Потім"}


@dataclass
class Suggestion:
    name: str
    kind: str  # "person" or "organisation": a guess
    cues: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    mentions: int = 0
    example: str = ""
    example_article: str = ""
    aliases: set[str] = field(default_factory=set)


def suggest(corpus: Corpus) -> list[Suggestion]:
    """Unregistered names, most articles first."""
    known = {form.casefold() for e in corpus.entities for form in (e.name, *e.aliases)}
    found: dict[str, Suggestion] = {}
    for article in corpus.articles:
        analysis = corpus.analyses[article.slug]
        blocks, mentions = store.text(analysis)
        covered = defaultdict(list)
        for mention in mentions:
            covered[mention.block].append((mention.start, mention.end))
        for block in blocks:
            for start, written, kind, cue, alias in _candidates(block.text):
                name = nominative(written, kind)  # «Сергея Лаврова» is offered as «Сергей Лавров»
                if name.casefold() in known or _overlaps(covered[block.index], start, start + len(written)):
                    continue
                item = found.setdefault(name, Suggestion(name, kind))
                item.cues.add(cue)
                item.mentions += 1
                item.aliases |= {alias} if alias else set()
                if article.slug not in item.articles:
                    item.articles.add(article.slug)
                if not item.example:
                    item.example = sentence_at(block.text, start)
                    item.example_article = article.source_path
        for quote in store.quotes(analysis):
            if quote.speaker is None and quote.speaker_name and quote.speaker_name.casefold() not in known:
                item = found.setdefault(quote.speaker_name, Suggestion(quote.speaker_name, "person"))
                item.cues.add("quoted")
                item.articles.add(article.slug)
                if not item.example:
                    item.example = sentence_at(blocks[quote.block].text, quote.start)
                    item.example_article = article.source_path
    _add_surnames(found, corpus)
    kept = [s for s in found.values() if _confident(s)]
    _count_every_article(kept, corpus)
    return sorted(kept, key=lambda s: (-len(s.articles), -s.mentions, s.name))


def _count_every_article(kept: list[Suggestion], corpus: Corpus) -> None:
    """A name found with a cue in one article is counted in every article that writes it (or the
    alias offered with it), cue or not: how many articles a registry entry would link."""
    if not kept:
        return
    patterns = {s.name: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted({s.name, *s.aliases}, key=len,
                                                                                       reverse=True)) + r")(?!\w)")
                for s in kept}
    for article in corpus.articles:
        text = "\n".join(block.text for block in store.text(corpus.analyses[article.slug])[0])
        for item in kept:
            if article.slug not in item.articles and patterns[item.name].search(text):
                item.articles.add(article.slug)


def _candidates(text: str):
    """(start, name, guessed kind, cue, alias) for every name-like stretch with a cue."""
    for match in _EXPANSION.finditer(text):
        name, acronym = match.group(1), match.group(2)
        initials = "".join(w[0] for w in name.split() if w[0].isupper())
        if initials == acronym:
            yield match.start(1), name, "organisation", "acronym", acronym
    for pattern, cue in ((_TITLED, "title"), (_SPEAKER_AFTER, "speech verb"), (_SPEAKER_BEFORE, "speech verb"),
                         (_APPOSITION, "apposition")):
        for match in pattern.finditer(text):
            name = _trim(match.group(1))
            kind = _guess(name) if name and len(name.split()) <= 4 else None
            if kind:
                yield match.start(1) + match.group(1).index(name), name, kind, cue, ""
    for match in _CAPITALISED.finditer(text):
        name = _trim(match.group(1))
        if name and _guess(name) == "organisation":
            yield match.start(1) + match.group(1).index(name), name, "organisation", "organisation word", ""


def _trim(name: str) -> str:
    """The name without sentence openers or title words before it ("Prime Minister Mher Grigoryan")."""
    words = name.split()
    while words and (words[0] in _NOT_NAMES or words[0].lower() in _NOT_IN_PERSON_NAMES):
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else ""


def _guess(name: str) -> str | None:
    words = set(name.lower().split())
    if words & _ORGANISATION_WORDS:
        return "organisation"
    return None if words & _NOT_IN_PERSON_NAMES else "person"


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _add_surnames(found: dict[str, Suggestion], corpus: Corpus) -> None:
    """A person's last name used alone in the same articles is offered as an alias."""
    for item in found.values():
        if item.kind != "person":
            continue
        surname = item.name.split()[-1]
        pattern = re.compile(rf"\b{re.escape(surname)}\b(?!\s+{_WORD})")
        for slug in item.articles:
            if any(pattern.search(b.text.replace(item.name, "")) for b in store.text(corpus.analyses[slug])[0]):
                item.aliases.add(surname)
                break


def _confident(item: Suggestion) -> bool:
    """One strong cue is enough; the weaker organisation-word cue needs two articles or an acronym."""
    if item.cues & {"title", "speech verb", "quoted", "acronym", "apposition"}:
        return True
    return len(item.articles) >= 2


def unmatched_forms(corpus: Corpus) -> list[tuple[str, list[str]]]:
    """(entity id, its names and aliases) where some registered form is used by no article."""
    used: dict[str, set[str]] = defaultdict(set)  # entity → the forms articles wrote
    for analysis in corpus.analyses.values():
        for mention in store.text(analysis)[1]:
            used[mention.entity].add(mention.text.casefold())
    unmatched = []
    for entity in corpus.entities:
        forms = [form for form in (entity.name, *entity.aliases)  # startswith: a form with a case ending
                 if not any(text.startswith(form.casefold()) for text in used[entity.id])]
        if forms:
            unmatched.append((entity.id, forms))
    return unmatched


def as_yaml(suggestions: list[Suggestion]) -> str:
    """Registry entries to paste into people.yaml and organisations.yaml."""
    from .yamlio import dump_yaml

    parts = []
    for kind, file in (("person", "people.yaml"), ("organisation", "organisations.yaml")):
        entries = [{"name": s.name, **({"aliases": sorted(s.aliases)} if s.aliases else {})}
                   for s in suggestions if s.kind == kind]
        if entries:
            parts.append(f"# content/entities/{file}\n{dump_yaml(entries)}")
    return "\n".join(parts)

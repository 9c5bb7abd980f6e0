"""Find mentions of registered entities in article text, with one Aho-Corasick automaton.

The automaton (pyahocorasick) holds every name, alias and role title, so the cost of matching does
not grow with the size of the registry. Matches must sit on word boundaries, longer matches win over
shorter ones, acronyms match only in their own case, and a role title ("Russian President") names
the person who held it on the article's date. Knows nothing about HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .dates import bounds
from .model import Article, Block, Entity, Mention, PartialDate

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_ENDING = re.compile(r"(?:ами|ями|ого|его|ому|ему|ой|ою|ей|ом|ем|ым|им|ых|их|ов|ев|ам|ям|ах|ях|ую|ая|а|я|у|ю|е|ы|и)"
                     r"(?!\w)")  # Russian case endings
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"»’)]*\s+(?=[“\"«(]?[A-ZА-ЯЁ0-9])")


@dataclass(frozen=True)
class Target:
    """What one surface form in the automaton stands for."""

    surface: str
    entities: tuple[str, ...] = ()  # one for a plain alias; more when registered entities share it
    roles: tuple[tuple[str, str | None, str | None], ...] = ()  # (person id, from, to) for a role title
    exact_case: bool = False
    inflects: bool = False  # Cyrillic names take case endings: Путин, Путина, Путину

    @property
    def entity(self) -> str | None:
        """The one entity this form names, if it names exactly one."""
        return self.entities[0] if len(self.entities) == 1 else None


class Matcher:
    """Every registered surface form in one automaton; `find` returns non-overlapping matches."""

    def __init__(self, entities: tuple[Entity, ...]):
        owners: dict[str, list[str]] = {}
        surfaces: dict[str, str] = {}
        for entity in entities:
            for surface in (entity.name, *entity.aliases):
                key = surface.lower()
                surfaces.setdefault(key, surface)
                if entity.id not in owners.setdefault(key, []):
                    owners[key].append(entity.id)
        forms = {key: Target(surfaces[key], tuple(ids), exact_case=_is_acronym(surfaces[key]),
                             inflects=bool(_CYRILLIC.search(surfaces[key][-1:])))
                 for key, ids in owners.items()}
        holders: dict[str, list] = {}
        for entity in entities:
            for role in entity.roles:
                holders.setdefault(role.title.lower(), []).append((entity.id, role.start, role.end))
        for key, people in holders.items():
            if key not in forms:
                forms[key] = Target(key, roles=tuple(people))
        self.automaton = ahocorasick.Automaton()
        for key, target in forms.items():
            self.automaton.add_word(key, (len(key), target))
        if forms:
            self.automaton.make_automaton()
        self.empty = not forms

    def find(self, text: str) -> list[tuple[int, int, Target]]:
        """Matches as (start, end, target), longest first where they overlap, left to right."""
        if self.empty:
            return []
        lowered = lower_same_length(text)
        candidates = []
        for end_index, (length, target) in self.automaton.iter(lowered):
            start, end = end_index - length + 1, end_index + 1
            if target.inflects:
                end = _after_ending(text, end)
            if _on_word_boundaries(text, start, end) and _case_fits(text[start:end], target):
                candidates.append((start, end, target))
        candidates.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chosen: list[tuple[int, int, Target]] = []
        for match in candidates:
            if not chosen or match[0] >= chosen[-1][1]:
                chosen.append(match)
        return chosen


def _after_ending(text: str, end: int) -> int:
    """Where a Cyrillic name ends once a case ending of up to three letters is taken in."""
    ending = _ENDING.match(text, end)
    return ending.end() if ending else end


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # e.g. 'İ' lowers to two chars


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    """Not inside a longer word, an e-mail address or a URL."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in "_/@" or after.isalnum() or after in "_@":
        return False
    return not _inside_url(text, start)


def _inside_url(text: str, start: int) -> bool:
    word_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    word = text[word_start:start]
    return "://" in word or word.startswith("www.")


def _case_fits(written: str, target: Target) -> bool:
    """Acronyms only in capitals; other names must start as the registry writes them."""
    if target.exact_case:
        return written == target.surface
    first = target.surface[0]
    return not first.isupper() or written[0].isupper()


# Words whose full stop does not end a sentence: titles before a name, month abbreviations before a
# day, initials ("J. Smith", "U.S."); in English and Russian.
_ABBREVIATIONS = frozenset("""mr mrs ms dr rep reps sen sens gov gen lt col maj capt cmdr adm sgt cpl pvt st mt
prof rev fr hon pres supt insp det atty messrs mmes jr sr no nos vs etc approx dept est fig
jan feb mar apr jun jul aug sep sept oct nov dec
тов г гг им ул пр д т см стр руб тыс млн млрд""".split())
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.[”\"»’)]*$")


def _ends_sentence(text: str, position: int) -> bool:
    """Whether the full stop (or ! ? …) just before `position` ends a sentence: not after a title, a
    month abbreviation or an initial."""
    if text[position - 1] not in "." and not text[:position].rstrip("”\"»’)").endswith("."):
        return True
    word = _WORD_BEFORE.search(text, max(0, position - 12), position)
    if word is None:
        return True
    letters = word.group(1)
    if len(letters) == 1 and letters.isupper():
        return False  # an initial: "John F. Kennedy", "U.S. officials"
    return letters.lower() not in _ABBREVIATIONS


@lru_cache(maxsize=256)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence in a block of text (cached: every analysis stage asks)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if not _ends_sentence(text, match.start()):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return tuple(spans)


@lru_cache(maxsize=256)
def _sentence_texts(text: str) -> tuple[str, ...]:
    return tuple(text[start:end].strip() for start, end in split_sentences(text))


def sentence_at(text: str, position: int) -> str:
    """The sentence of `text` holding `position`; one shared string per sentence, however often asked."""
    for number, (start, end) in enumerate(split_sentences(text)):
        if start <= position < end or position == end:
            return _sentence_texts(text)[number]
    return text.strip()


def find_mentions(article: Article, blocks: tuple[Block, ...], matcher: Matcher) -> tuple[tuple[Mention, ...], int]:
    """Every mention in an article; the first per entity in each section is marked to be linked.

    Also returns how many role titles could not be resolved to one person (no date, or two holders).
    """
    mentions: list[Mention] = []
    linked: set[tuple[str, int]] = set()
    named: set[str] = set()  # entities already named unambiguously in this article
    unresolved = 0
    for block in blocks:
        for start, end, target in matcher.find(block.text):
            entity = target.entity or _named_before(target, named) or _role_holder(target, article.date)
            if entity is None:
                unresolved += 1
                continue
            named.add(entity)
            first = (entity, block.section) not in linked
            linked.add((entity, block.section))
            mentions.append(Mention(entity, article.slug, block.index, start, end, block.text[start:end],
                                    sentence_at(block.text, start), first, not target.entities))
    return tuple(mentions), unresolved


def _named_before(target: Target, named: set[str]) -> str | None:
    """For a name several entities share: the one of them this article has already named, if only one."""
    candidates = [entity for entity in target.entities if entity in named]
    return candidates[0] if len(candidates) == 1 else None


def _role_holder(target: Target, date: PartialDate | None) -> str | None:
    """The one person who held a role on `date`; None when the date is unknown or it is ambiguous."""
    if date is None:
        return None
    first_day, last_day = bounds(date)
    holders = {person for person, start, end in target.roles
               if (start is None or start <= first_day) and (end is None or last_day <= _end_day(end))}
    return holders.pop() if len(holders) == 1 else None


def _end_day(end: str) -> str:
    return end if len(end) == 10 else end + "-99"

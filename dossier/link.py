"""Find mentions of registered entities in article text, with one Aho-Corasick automaton.

The automaton (pyahocorasick) holds every name, alias and role title, and every grammatical form of
the Russian and Ukrainian ones (inflection.py: Путина, Первого канала, СИБУРа), so the cost of
matching does not grow with the size of the registry. Matches must sit on word boundaries, longer
matches win over shorter ones, acronyms match only in their own case, and a role title ("Russian
President") names the person who held it on the article's date. Knows nothing about HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .dates import bounds
from .inflection import is_cyrillic, is_given_name, name_forms, names_a_place
from .model import Article, Block, Entity, Mention, PartialDate
from .speech_words import given_name_gender, language

_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"»’)]*\s+(?=[“\"«(]?[A-ZА-ЯЁ0-9])")


@dataclass(frozen=True)
class Target:
    """What one surface form in the automaton stands for."""

    surface: str
    entities: tuple[str, ...] = ()  # one for a plain alias; more when registered entities share it
    roles: tuple[tuple[str, str | None, str | None], ...] = ()  # (person id, from, to) for a role title
    exact_case: bool = False
    needs_cue: tuple[str, ...] = ()  # organisations named like a place: linked only after «…» or a kind word

    @property
    def entity(self) -> str | None:
        """The one entity this form names, if it names exactly one."""
        return self.entities[0] if len(self.entities) == 1 else None


class Matcher:
    """Every registered surface form in one automaton; `find` returns non-overlapping matches."""

    def __init__(self, entities: tuple[Entity, ...]):
        owners: dict[str, list[str]] = {}
        surfaces: dict[str, str] = {}
        acronyms: set[str] = set()
        for entity in entities:
            for registered in (entity.name, *entity.aliases):
                for surface in name_forms(registered, entity.kind, entity.gender):
                    key = surface.lower()
                    surfaces.setdefault(key, surface)
                    if _is_acronym(registered):
                        acronyms.add(key)  # СИБУР and СИБУРа match only in capitals
                    if entity.id not in owners.setdefault(key, []):
                        owners[key].append(entity.id)
        kinds = {e.id: e.kind for e in entities}
        name_words = {e.id: {w.lower() for w in e.name.split()} for e in entities}
        self.surnames = {key: set().union(*(name_words[i] for i in ids)) for key, ids in owners.items()
                         if " " not in key and is_cyrillic(key) and all(kinds[i] == "person" for i in ids)}
        placelike = {e.id for e in entities if e.kind == "organisation"
                     and any(names_a_place(n) for n in (e.name, *e.aliases))}
        forms = {key: Target(surfaces[key], tuple(ids), exact_case=key in acronyms,
                             needs_cue=tuple(i for i in ids if i in placelike))
                 for key, ids in owners.items()}
        holders: dict[str, list] = {}
        for entity in entities:
            for role in entity.roles:
                for title in (role.title, *role.also):
                    holders.setdefault(title.lower(), []).append((entity.id, role.start, role.end))
        for key, people in holders.items():
            if key not in forms:
                forms[key] = Target(key, roles=tuple(people))
        self.genders = {e.id: e.gender or given_name_gender(e.name) for e in entities
                        if e.kind == "person"}  # to read "Mrs. Clinton" when two Clintons are registered
        self.automaton = ahocorasick.Automaton()
        for key, target in forms.items():
            self.automaton.add_word(key, (len(key), target))
        if forms:
            self.automaton.make_automaton()
        self.empty = not forms

    def find(self, text: str, nested: bool = False) -> list[tuple[int, int, Target]]:
        """Matches as (start, end, target), longest first where they overlap, left to right. With
        `nested`, also the names inside a longer one (Владимира Потанина in Фонд Владимира Потанина),
        each after the match that holds it."""
        if self.empty:
            return []
        lowered = lower_same_length(text)
        candidates = []
        for end_index, (length, target) in self.automaton.iter(lowered):
            start, end = end_index - length + 1, end_index + 1
            if _on_word_boundaries(text, start, end) and _case_fits(text[start:end], target) \
                    and not self._someone_else(text, start, end, lowered[start:end]):
                target = _with_cue(text, start, target)
                if target is not None:
                    candidates.append((start, end, target))
        candidates.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chosen: list[tuple[int, int, Target]] = []
        inner: list[tuple[int, int, Target]] = []
        for match in candidates:
            if not chosen or match[0] >= chosen[-1][1]:
                chosen.append(match)
            elif nested and match[1] <= chosen[-1][1] and (not inner or match[0] >= inner[-1][1]) \
                    and not inner_entities(match[2]) & inner_entities(chosen[-1][2]):
                inner.append(match)
        if not nested:
            return chosen
        return sorted(chosen + inner, key=lambda m: (m[0], -(m[1] - m[0])))


    def _someone_else(self, text: str, start: int, end: int, key: str) -> bool:
        """A registered Russian surname beside another person's given name: Мишель Обама is not Барак
        Обама, Владимир Белов not Александр Белов."""
        own = self.surnames.get(key)
        if own is None:
            return False
        before = _GIVEN_BEFORE.search(text, max(0, start - 30), start)
        return bool(before and before.group(1).lower() not in own and is_given_name(before.group(1)))


_GIVEN_BEFORE = re.compile(r"([А-ЯЁІЇЄҐ][а-яёіїєґ'-]+) $")


def inner_entities(target: Target) -> set[str]:
    return set(target.entities) | {person for person, _, _ in target.roles}


# What says an organisation named like a place is meant: a quote mark before it, or a word of its kind
_ORGANISATION_CUE = re.compile(r"(?:[«\"„“]|(?:банк|фонд|канал|телеканал|парти|компани|холдинг|газет|агентств|"
                               r"корпораци|концерн|издательств|групп|клуб|журнал|радиостанци|театр|движени|"
                               r"организаци|обществ|союз|завод|комбинат|бренд|марк|центр|институт|университет|комитет|"
                               r"служб|совет|объединени|ассоциаци|команд|сборн|издани|студи)[а-яё]*\s+[«\"„“]?)$",
                               re.IGNORECASE)


def _with_cue(text: str, start: int, target: Target) -> Target | None:
    """The target as it stands at `start`: an organisation named like a place only after its cue
    (then it, not the place: «Клуб «Москва»»), the others only without it."""
    if not target.needs_cue:
        return target
    if _ORGANISATION_CUE.search(text[max(0, start - 30):start]):
        return Target(target.surface, target.needs_cue, target.roles, target.exact_case)
    others = tuple(e for e in target.entities if e not in target.needs_cue)
    return Target(target.surface, others, target.roles, target.exact_case) if others else None


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
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.$")


def _ends_sentence(text: str, position: int) -> bool:
    """Whether the ! ? … or full stop just before `position` ends a sentence: a full stop does not
    after a title, a month abbreviation or an initial."""
    if text[position - 1] != ".":
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
    named_in: dict[str, int] = {}  # the last paragraph each entity was named unambiguously in
    titles = language(article.language or "en").titles
    unresolved = 0
    found = [(block, matcher.find(block.text, nested=True)) for block in blocks]
    # a shared surname before the full name ("Sanders said ... Bernie Sanders"): the one named in full
    # anywhere in the article, when only one of its bearers is
    named_anywhere = {target.entity for _, matches in found for _, _, target in matches if target.entity}
    for block, matches in found:
        outer_end = -1
        for start, end, target in matches:
            entity = target.entity or _by_title(target, block.text[max(0, start - 12):start], titles, matcher.genders) \
                or _named_before(target, named) or _named_last(target, named_in) \
                or _role_holder(target, article.date) or _named_before(target, named_anywhere)
            if entity is None:
                unresolved += 1
                continue
            if target.entity:
                named_in[entity] = block.index
            inside = end <= outer_end  # a name inside a longer one: counted, never a link of its own
            outer_end = max(outer_end, end)
            named.add(entity)
            first = (entity, block.section) not in linked and not inside
            if not inside:
                linked.add((entity, block.section))
            mentions.append(Mention(entity, article.slug, block.index, start, end, block.text[start:end],
                                    sentence_at(block.text, start), first, not target.entities, inside))
    return tuple(mentions), unresolved


def named_in_heading(article: Article, matcher: Matcher) -> tuple[str, ...]:
    """The entities the title and subtitle name, each once (they count for the article's entities)."""
    found = []
    for text in (article.title, article.subtitle):
        for _, _, target in matcher.find(text or ""):
            entity = target.entity or _role_holder(target, article.date)
            if entity and entity not in found:
                found.append(entity)
    return tuple(found)


def _named_before(target: Target, named: set[str]) -> str | None:
    """For a name several entities share: the one of them this article has already named, if only one."""
    candidates = [entity for entity in target.entities if entity in named]
    return candidates[0] if len(candidates) == 1 else None


def _by_title(target: Target, before: str, titles: dict[str, str], genders: dict[str, str]) -> str | None:
    """For a name several people share: the one whose gender the title before it gives ("Mrs. Clinton")."""
    if len(target.entities) < 2:
        return None
    title = re.search(r"([\w.]+)\s+$", before)
    gender = titles.get(title.group(1).lower()) if title else None
    if not gender:
        return None
    fitting = [entity for entity in target.entities if genders.get(entity) == gender]
    return fitting[0] if len(fitting) == 1 else None


def _named_last(target: Target, named_in: dict[str, int]) -> str | None:
    """For a name several entities share: the one of them this article last named in full, when the
    others were last named in full in an earlier paragraph (or not at all)."""
    last = sorted(((named_in[e], e) for e in target.entities if e in named_in), reverse=True)
    if not last or (len(last) > 1 and last[0][0] == last[1][0]):
        return None
    return last[0][1]


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

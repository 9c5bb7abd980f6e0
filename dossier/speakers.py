"""What attribution reads of one article (Reader: its blocks with quotations masked, who is named where,
each person's gender) and the decision it returns (Speaker); which mentions can be a sentence's
subject (`eligible`). No cue shapes here (attribution.py), nor pronouns (references.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .link import split_sentences
from .model import Block, Entity, Mention
from .speech_words import Language, given_name_gender, language

SPEAKING_KINDS = ("person", "organisation")


ADVERBS = r"(?:also|then|later|again|once|however|though|has|had|have|was|were|is|would|will|then-|tweeted|wrote|told|often|" \
           r"just|only|has\s+also|had\s+also|has\s+long|had\s+long|never|always|even|still|now|[a-z]{3,}ly)"


@dataclass(frozen=True)
class Speaker:
    """The decision for one quote: a registered entity, an unregistered name, or nobody; and the cue."""

    entity: str | None = None
    name: str = ""
    cue: str = ""


NOBODY = Speaker()


@dataclass(frozen=True)
class Reader:
    """What attribution knows of one article: its blocks with quotations masked, who is named where,
    and the gender each person is known by."""

    blocks: dict[int, Block]
    masked: dict[int, str]  # each block's text with the inside of its quotations blanked
    quoted: dict[int, tuple[tuple[int, int], ...]]  # each block's quotation spans
    speakers: tuple[Mention, ...]  # mentions of people and organisations, in order
    entities: dict[str, Entity]
    genders: dict[str, str]
    words: Language
    said: list  # the quotations attributed so far (Said), in order: attribute() reads, find_quotes adds
    by_block: dict[int, tuple[Mention, ...]]  # the speakers' mentions outside quotations, per block

    def in_block(self, block: int, start: int = 0, end: int | None = None) -> list[Mention]:
        end = len(self.blocks[block].text) if end is None else end
        return [m for m in self.by_block.get(block, ()) if start <= m.start and m.end <= end]

    def inside_quote(self, mention: Mention) -> bool:
        return _inside(self.quoted, mention)


def reader(blocks: tuple[Block, ...], mentions: tuple[Mention, ...], entities: dict[str, Entity],
           spans: dict[int, list[tuple[int, int]]], language_code: str) -> Reader:
    speakers = tuple(m for m in mentions if entities[m.entity].kind in SPEAKING_KINDS and not m.inside)
    masked = {b.index: _mask(b.text, spans.get(b.index, [])) for b in blocks}
    words = language(language_code)
    quoted = {i: tuple(s) for i, s in spans.items()}
    by_block: dict[int, list[Mention]] = {}
    for m in speakers:
        if not _inside(quoted, m):
            by_block.setdefault(m.block, []).append(m)
    return Reader({b.index: b for b in blocks}, masked, quoted, speakers, entities,
                  _genders(blocks, speakers, entities, words), words, [],
                  {block: tuple(found) for block, found in by_block.items()})


def _inside(quoted: dict[int, tuple[tuple[int, int], ...]], mention: Mention) -> bool:
    return any(a < mention.start < b for a, b in quoted.get(mention.block, ()))


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each quotation's inside blanked, keeping its first letter (its case starts a
    sentence) and its last mark (`.`, `,`, `?`), so that sentences are split outside quotations only."""
    if "-" in text:  # "Paul Ryan, R-Wis., said": no full stop
        text = _PARTY_STATE.sub(lambda tag: tag.group(0).replace(".", "_"), text)
    pieces, done = [], 0
    for start, end in spans:
        a, b = start + 2, max(start + 2, end - 2)
        inside = text[a:b]
        pieces += [text[done:a], "x" * len(inside) if "\n" not in inside else _NOT_NEWLINE.sub("x", inside)]
        done = b
    return "".join(pieces) + text[done:]


_NOT_NEWLINE = re.compile(r"[^\n]")
_PARTY_STATE = re.compile(r"\b[RDI]-[A-Z][A-Za-z.]{1,6}")


def _genders(blocks, speakers: tuple[Mention, ...], entities: dict[str, Entity], words: Language) -> dict[str, str]:
    """Each person's gender: the registry's; else a title written before a mention (Mr., Mrs.); else the
    registered first name; else a Russian surname's ending."""
    genders: dict[str, str] = {}
    by_index = {b.index: b.text for b in blocks}
    for mention in speakers:
        entity = entities[mention.entity]
        if entity.kind != "person" or entity.id in genders:
            continue
        if entity.gender:
            genders[entity.id] = entity.gender
            continue
        title = re.search(r"([\w.]+)\s*$", by_index[mention.block][max(0, mention.start - 12):mention.start])
        if title and title.group(1).lower() in words.titles:
            genders[entity.id] = words.titles[title.group(1).lower()]
            continue
        if named := given_name_gender(entity.name):
            genders[entity.id] = named
        elif re.search(r"(?:ова|ева|ина|ская|ая)$", entity.name.split()[-1]):
            genders[entity.id] = "f"
        elif re.search(r"(?:ов|ев|ин|ский|ой|ый)$", entity.name.split()[-1]):
            genders[entity.id] = "m"
    return genders


def sentence_bounds(r: Reader, block: int, start: int, end: int) -> tuple[int, int]:
    """The sentence (split outside quotations) holding start:end."""
    spans = split_sentences(r.masked[block])
    first = max((a for a, b in spans if a <= start), default=0)
    last = min((b for a, b in spans if b >= end), default=len(r.masked[block]))
    return first, last


def in_longer_name(r: Reader, m: Mention) -> bool:
    """A registered surname inside a longer name that is someone else's: "Hank Johnson" when only
    Ron Johnson is registered (a capitalised word before it that is no title and no sentence start;
    at a sentence's start, a first name that is not the registered one: "Rachel Weiss said")."""
    if " " in m.text:
        return False
    text = r.masked[m.block]
    before = re.search(r"([\w’'-]+)\s+$", text[max(0, m.start - 20):m.start])
    if not before or not before.group(1)[:1].isupper():
        return False
    word, start = before.group(1).lower(), max(0, m.start - 20) + before.start(1)
    if word in r.words.titles or word in TITLE_WORDS or word in _PARTY_WORDS:
        return False
    title = re.search(r"([\w’'-]+\.)\s+$", text[max(0, start - 12):start])  # "Rep. Hank Johnson": no sentence start
    if title and title.group(1).lower() in TITLE_WORDS:
        return True
    if re.search(r"(?:^|[.!?:;“\"—–])\s*$", text[max(0, start - 3):start]):  # a sentence's first word:
        return bool(given_name_gender(word)) and word != r.entities[m.entity].name.split()[0].lower()  # "Rachel"
    return True


def eligible(r: Reader, m: Mention, zone_start: int = 0) -> bool:
    """A mention that can be a subject: not a possessive ("Clinton's adviser"), not a modifier of another
    noun ("a Clinton adviser", "Obama Education Secretary", "the Trump campaign"), not after a
    preposition ("at Obama")."""
    text = r.masked[m.block]
    after = text[m.end:m.end + 30]
    if re.match(r"['’]s?(?!\w)", after):
        return False
    window = max(0, m.start - 20, zone_start)
    before = re.search(r"([\w’'-]+)\s+$", text[window:m.start])
    previous = before.group(1).lower() if before else ""
    if previous in r.words.object_verbs and not re.search(r"[,;:]\s*$", text[max(0, m.start - 3):m.start]):
        return False  # "a young man asked Clinton why": the one asked
    if previous.endswith("ing") and previous.islower() and previous not in r.words.participles:
        return False  # "America embracing Obama": an object
    if previous and r.words.verb.fullmatch(previous) and \
            _SUBJECT_PRONOUN.search(text, max(0, window + before.start(1) - 8), window + before.start(1)):
        return False  # "he said Ryan": the pronoun is the subject, the name what was said
    if _AFTER_PREPOSITION_AND_TITLE.search(text[max(0, m.start - 40):m.start]):
        return False  # "vote for Vermont Sen. Bernie Sanders", "with President Obama"
    if previous in r.words.prepositions - {"and", "as", "while", "but"} and not _TOPIC.search(
            text[max(0, m.start - 12):m.start]) and not (previous == "with" and _PARTICIPLE_AFTER.match(text, m.end)):
        return False  # "with Gorka noting that …" is Gorka speaking
    if in_longer_name(r, m):
        return False  # a longer name that ends like a registered surname: "Zero Hedge"
    following = re.match(r" ([\w’'-]+)", after)
    if not following:
        return True
    word = following.group(1)
    if r.words.verb.fullmatch(word) or re.fullmatch(ADVERBS, word, re.IGNORECASE) or word.lower() in r.words.relative:
        return True
    if word.lower() in _GROUP_NOUNS or word[:1].isupper():
        return False  # "Obama administration", "Obama Education Secretary"
    return previous not in _DETERMINERS  # "a Clinton adviser"; "Clinton celebrated" is a subject


_PARTICIPLE_AFTER = re.compile(r"\s+[a-z]+ing\b")


_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\s+$")
_AFTER_PREPOSITION_AND_TITLE = re.compile(
    r"\b(?:to|at|with|for|about|against|by|from|than|of|or)\s+(?:[A-Z][\w.-]*\s+)?"
    r"(?:Sen|Sen\.|Rep\.|Gov\.|Gen\.|Dr\.|President|Senator|Governor|Secretary|Minister|Mayor|Speaker)\s+$")
_TOPIC = re.compile(r"\b(?:[Aa]s for|[Ff]or (?:his|her) part,?)\s+$|(?:^|[.!?][\"”’]?\s+)For\s+$")  # "As for Pashinyan, he", "For Jo Roe, …"


_PARTY_WORDS = {"democrat", "democratic", "republican", "gop", "independent", "libertarian", "labour", "tory",
                "conservative", "liberal", "socialist", "green", "candidate", "nominee", "frontrunner"}


_GROUP_NOUNS = {"administration", "campaign", "campaigns", "aide", "aides", "adviser", "advisers", "advisor",
                "advisors", "spokesman", "spokeswoman", "spokesperson", "camp", "team", "supporters", "supporter",
                "allies", "ally", "staff", "staffer", "staffers", "officials", "family", "foundation", "government",
                "voters", "backers", "loyalists", "surrogates", "surrogate", "era", "years", "presidency", "white"}


_DETERMINERS = {"a", "an", "the", "another", "former", "top", "this", "that", "his", "her", "their", "our", "its",
                "senior", "longtime", "veteran", "one"}


def as_speaker(mention: Mention, cue: str) -> Speaker:
    return Speaker(mention.entity, mention.text, cue)


TITLE_WORDS = {"rep", "rep.", "sen", "sen.", "gov", "gov.", "gen", "gen.", "dr", "dr.", "lt", "lt.", "president",
                "senator", "governor", "secretary", "minister", "spokesman", "spokeswoman", "spokesperson",
                "former", "then", "mayor", "speaker", "chairman", "chairwoman", "rev", "rev.", "prof", "prof."}

"""Who said a quotation: cue shapes find the words that name the speaker, and those words are read as
a registered name, a pronoun, a description or an unregistered name. When two readings are close,
nobody is named: a wrong speaker on a documentary site is worse than none.

The cue shapes, tried in order (each says how it found the speaker):
  after      `“…,” Galuzin said` / `“…,” said Rep. Jerry Nadler` / `“…,” Trump, 70, told CNN`
  signature  `“…” — Vladimir Putin`
  according  `According to Galuzin, “…”` / `По словам Лаврова, «…»`
  before     `Lavrov said: “…”` / `Trump aimed his criticism at Obama, saying “…”` (the subject, not the
             nearest name) / `Rubio bemoaned that people “…”`
  colon      `Putin defended Ankara's position: “…”`
  follows    a quote after another of the same speaker, in the paragraph or from the one before, or
             after a sentence that introduced the speaker ("Bolton said he would support him.")
Speech verbs, pronouns, titles and prepositions are data (data/speech.yaml), per language.
Needs the article's mentions; knows nothing about pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .link import split_sentences
from .model import Block, Entity, Mention

SPEAKING_KINDS = ("person", "organisation")
_ADVERBS = r"(?:also|then|later|again|once|has|had|have|was|were|is|would|will|then-|tweeted|wrote|told|often|" \
           r"just|only|has\s+also|had\s+also|has\s+long|had\s+long|never|always|even|still|now|[a-z]{3,}ly)"
_NAME = re.compile(r"^(?:[A-ZА-ЯЁ][\w’'.-]*\s+){0,3}[A-ZА-ЯЁ][\w’'-]+$")
_CAPITALISED = re.compile(r"^[A-ZА-ЯЁ]")


@dataclass(frozen=True)
class Speaker:
    """The decision for one quote: a registered entity, an unregistered name, or nobody; and the cue."""

    entity: str | None = None
    name: str = ""
    cue: str = ""


NOBODY = Speaker()


@lru_cache(maxsize=1)
def _tables() -> dict:
    text = resources.files("dossier").joinpath("data/speech.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    text = resources.files("dossier").joinpath("data/first_names.yaml").read_text(encoding="utf-8")
    return {name: gender for gender, names in yaml.safe_load(text).items() for name in names}


def _english_forms(lemma: str) -> list[str]:
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    return [form + tail for form in forms]


@dataclass(frozen=True)
class Language:
    """One language's attribution words, compiled."""

    verb: re.Pattern
    according: re.Pattern
    pronouns: dict[str, str]  # pronoun → gender ("" for any)
    relative: frozenset[str]
    titles: dict[str, str]
    prepositions: frozenset[str]
    descriptions: frozenset[str]
    participles: frozenset[str]


def _alternatives(words) -> str:
    return "|".join(sorted((re.escape(w) for w in set(words)), key=len, reverse=True))


@lru_cache(maxsize=16)
def language(code: str) -> Language:
    tables = _tables()
    forms: list[str] = []
    participles: set[str] = set()
    for code_, table in tables.items():  # every language's verbs: a quotation may be in another language
        if code_ == "en":
            for lemma in table["verbs"]:
                made = table["irregular"].get(lemma) or _english_forms(lemma)
                forms += made
                participles.update(f for f in made if f.split()[0].endswith("ing"))
        else:
            forms += table["verbs"]
            participles.update(f for f in table["verbs"] if f.endswith(("в", "вши")))
    table = tables.get(code) or tables["en"]
    english = tables["en"]
    pronouns = {p: g for g, words in {**english["pronouns"], **table["pronouns"]}.items() for p in words}
    pronouns.update({p: g for g, words in english["pronouns"].items() for p in words})
    for g, words in table["pronouns"].items():
        pronouns.update({p: g for p in words})
    titles = {t: g for g, words in english["titles"].items() for t in words}
    titles.update({t: g for g, words in table["titles"].items() for t in words})
    return Language(
        verb=re.compile(rf"(?<![\w’'-])(?:{_alternatives(forms)})(?![\w’'-])"),  # lower case: "State" is no verb
        according=re.compile(rf"(?<![\w-])(?:{_alternatives(english['according'] + table['according'])})\s+",
                             re.IGNORECASE),
        pronouns=pronouns, relative=frozenset(word for t in tables.values() for word in t["relative"]), titles=titles,
        prepositions=frozenset(word for t in tables.values() for word in t["prepositions"]),
        descriptions=frozenset(english["descriptions"]), participles=frozenset(participles))


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

    def in_block(self, block: int, start: int = 0, end: int | None = None) -> list[Mention]:
        end = len(self.blocks[block].text) if end is None else end
        return [m for m in self.speakers if m.block == block and start <= m.start and m.end <= end
                and not self.inside_quote(m)]

    def inside_quote(self, mention: Mention) -> bool:
        return any(a < mention.start < b for a, b in self.quoted.get(mention.block, ()))


def reader(blocks: tuple[Block, ...], mentions: tuple[Mention, ...], entities: dict[str, Entity],
           spans: dict[int, list[tuple[int, int]]], language_code: str) -> Reader:
    speakers = tuple(m for m in mentions if entities[m.entity].kind in SPEAKING_KINDS and not m.inside)
    masked = {b.index: _mask(b.text, spans.get(b.index, [])) for b in blocks}
    words = language(language_code)
    return Reader({b.index: b for b in blocks}, masked, {i: tuple(s) for i, s in spans.items()}, speakers,
                  entities, _genders(blocks, speakers, entities, words), words, [])


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each quotation's inside blanked, keeping its last mark (`.`, `,`, `?`), so that
    sentences are split outside quotations only."""
    chars = list(text)
    for start, end in spans:
        for i in range(start + 2, max(start + 2, end - 2)):  # the first letter kept: its case starts a sentence
            chars[i] = "x" if chars[i] not in "\n" else "\n"
    for tag in _PARTY_STATE.finditer(text):  # "Paul Ryan, R-Wis., said": no full stop
        for i in range(tag.start(), tag.end()):
            chars[i] = "_" if chars[i] == "." else chars[i]
    return "".join(chars)


_PARTY_STATE = re.compile(r"\b[RDI]-[A-Z][A-Za-z.]{1,6}")


def _genders(blocks, speakers: tuple[Mention, ...], entities: dict[str, Entity], words: Language) -> dict[str, str]:
    """Each person's gender: the registry's; else a title written before a mention (Mr., Mrs.); else the
    registered first name; else a Russian surname's ending."""
    genders: dict[str, str] = {}
    by_index = {b.index: b.text for b in blocks}
    names = _first_names()
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
        first = entity.name.split()[0].lower().strip(".")
        if first in names:
            genders[entity.id] = names[first]
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


@dataclass(frozen=True)
class Said:
    """A quotation already attributed, for those after it."""

    block: int
    start: int
    end: int
    speaker: Speaker


def attribute(r: Reader, block: int, start: int, end: int) -> Speaker:
    """The speaker of the quotation at start:end of `block`, or NOBODY."""
    for shape in (_after, _signature, _according, _before, _follows):
        found = shape(r, block, start, end, r.said)
        if found is not None:
            return found
    return NOBODY


# ------------------------------------------------------------------------------------------- shapes
# `“….” Trump said.`: a cue that is a sentence of its own, right after a quotation ending in a full stop
_SHORT_CUE = re.compile(r"\s+(?:[A-Z][\w’'.-]*\s+){1,3}(?:[a-z]+\s+)?[a-z]+\.(?:\s|$)")
_LEAD_AFTER = re.compile(r"[\s,]*(?:[—–-]+\s*)?")
# a full stop that is not one of a title or an initial ("Mr. Burman", "Jock A. Finlayson")
_FULL_STOP = r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bSen)(?<!\bRep)(?<!\bGov)" \
             r"(?<!\bGen)(?<!\bRev)(?<!\bLt)(?<!\bCol)(?<!\bProf)(?<!\b[A-ZА-ЯЁ])\."
_PHRASE_END = re.compile(_FULL_STOP + r"|[;:!?()“”\"«»]|,\s+(?:who|which|adding|according|as|in|at|on|after|during|when|"
                         r"while|before|but|and)\b|\s+(?:in|at|on|during|when|while|as|after|before|to|"
                         r"told|on\s+\w+day|last|this|yesterday|today|of\s+the)\b")


def _after(r: Reader, block: int, start: int, end: int, earlier) -> Speaker | None:
    """`“…,” Galuzin said` / `“…,” said the deputy minister` / `“…,” Trump, 70, told CNN`."""
    text = r.masked[block]
    closing = text[start:end].rstrip("”»“\"'’ ")[-1:]
    lead = _LEAD_AFTER.match(text, end)
    _, stop = sentence_bounds(r, block, min(end + 1, len(text)), min(end + 1, len(text)))
    if closing not in ",!?…—–-" and not re.match(r"\s*[,—–]", text[end:end + 3]) \
            and not _SHORT_CUE.match(text, end) and not (closing not in ".!?" and r.words.verb.match(text, end + 1)):
        return _cue_ending_sentence(r, block, end, stop) if closing not in ".!?" else None
    rest_start = lead.end()
    verb = r.words.verb.search(text, rest_start, min(stop, rest_start + 160))
    if verb is None:
        return None
    if verb.start() == rest_start:  # said X
        phrase_end = _PHRASE_END.search(text, verb.end(), stop)
        b = phrase_end.start() if phrase_end else stop
        return _phrase(r, block, verb.end(), b, f"named after the quote ({verb.group(0)})", apposition_to=stop)
    zone = text[rest_start:verb.start()]
    long_apposition = len(zone) <= 250 and r.in_block(block, rest_start, rest_start + 40) and zone.rstrip().endswith(",")
    if re.search(_FULL_STOP + r"|[;!?“”\"«»]", zone) or (len(zone) > 120 and not long_apposition):
        return None
    zone_end = _strip_adverbs(text, rest_start, verb.start())
    return _subject_before(r, block, rest_start, zone_end, f"named after the quote ({verb.group(0)})")


def _cue_ending_sentence(r: Reader, block: int, end: int, stop: int) -> Speaker | None:
    """`“He can assert it” that Sanders can catch Clinton, said Steve Elmendorf.` / `“…” of the plans,
    Mr. Holtz-Eakin said.`: the cue is the sentence's last clause, after a comma, with no other quote."""
    text = r.masked[block]
    comma = text.rfind(", ", end, stop)
    if comma < 0 or re.search(r"[“”\"«»]", text[end:stop]):
        return None
    clause = comma + 2
    verb = r.words.verb.match(text, clause)
    cue = "named at the end of the sentence"
    if verb:
        phrase_end = _PHRASE_END.search(text, verb.end(), stop)
        return _phrase(r, block, verb.end(), phrase_end.start() if phrase_end else stop, cue, apposition_to=stop)
    verb = r.words.verb.search(text, clause, stop)
    if verb is None or len(text[clause:verb.start()]) > 60:
        return None
    return _subject_before(r, block, clause, _strip_adverbs(text, clause, verb.start()), cue)


def _signature(r: Reader, block: int, start: int, end: int, earlier) -> Speaker | None:
    """`“…” — Vladimir Putin`, `“…”― Pamela Padilla`: a dash and a name after the quote, ending the sentence."""
    text = r.masked[block]
    found = re.match(r"\s*[―—–-]+\s*([^.;:!?“”\"«»(]{2,80})", text[end:])
    if not found:
        return None
    a, b = end + found.start(1), end + found.end(1)
    return _phrase(r, block, a, b, "signed after the quote", strict=True)


def _according(r: Reader, block: int, start: int, end: int, earlier) -> Speaker | None:
    text = r.masked[block]
    s_start, _ = sentence_bounds(r, block, start, end)
    found = None
    for found in r.words.according.finditer(text, s_start, start):
        pass
    if found is None:
        return None
    stop = re.compile(r"[,;:“”\"«»]").search(text, found.end(), start)
    return _phrase(r, block, found.end(), stop.start() if stop else start, "according to")


def _before(r: Reader, block: int, start: int, end: int, earlier) -> Speaker | None:
    """`Lavrov said: “…”`, `… Obama, saying “…”` (the sentence's subject), `Rubio bemoaned … “…”`."""
    text = r.masked[block]
    s_start, _ = sentence_bounds(r, block, start, end)
    verbs = _speech_verbs(r, text, s_start, start)
    if not verbs:
        if text[s_start:start].rstrip().endswith(":"):
            return _main_subject(r, block, s_start, start, "introduced before a colon")
        return None
    for verb in reversed(verbs):  # "X highlighted, asked about Y's statement suggesting that, “…”": X
        found = _subject_of_verb(r, block, s_start, verb, f"speaks before the quote ({verb.group(0)})")
        if found is not None:
            return found
    return None


def _subject_of_verb(r: Reader, block: int, s_start: int, verb: re.Match, cue: str) -> Speaker | None:
    text = r.masked[block]
    word = verb.group(0).lower()
    if (word in r.words.participles or word.split()[0].endswith("ing")) and \
            re.search(r"(?:,|^|\b(?:by|after|while|before|when|in))\s*$", text[s_start:verb.start()]):
        return _main_subject(r, block, s_start, verb.start(), cue)  # "…, saying": the sentence's subject
    zone_end = _strip_adverbs(text, s_start, verb.start())
    if re.fullmatch(r"\W*(?:(?:but|and|yet|so|then|still)\W*)?", text[s_start:zone_end], re.IGNORECASE):
        # "But, said Solovey, “…”": the subject after the verb
        stop = _PHRASE_END.search(text, verb.end())
        return _phrase(r, block, verb.end(), stop.start() if stop else len(text), cue)
    return _subject_before(r, block, s_start, zone_end, cue)


def _follows(r: Reader, block: int, start: int, end: int, earlier: list[Said]) -> Speaker | None:
    """A quote that goes on from another by the same speaker, or after a sentence naming who speaks."""
    text = r.masked[block]
    previous = earlier[-1] if earlier else None
    if previous and previous.block == block and previous.speaker.name:
        _, cue_end = sentence_bounds(r, block, previous.end, previous.end)  # the cue's own sentence aside
        if not _speakers_between(r, block, min(cue_end, start), start, subjects_only=True,
                                 but=previous.speaker.entity):
            return _continued(previous.speaker, "continues the previous quote")
        return None
    s_start, s_end = sentence_bounds(r, block, start, end)
    alone = not text[s_start:start].strip(" “\"«") and not re.search(r"\w", text[end:s_end])
    if not alone:
        return None
    if s_start > 0:  # the sentence before, in this paragraph, introduced the speaker
        p_start, _ = sentence_bounds(r, block, s_start - 1, s_start - 1)
        verbs = _speech_verbs(r, text, p_start, s_start)
        if verbs and not _speakers_between(r, block, verbs[-1].end(), start, subjects_only=True):
            return _subject_of_verb(r, block, p_start, verbs[-1], f"introduced in the sentence before "
                                                                  f"({verbs[-1].group(0)})")
        return None
    if previous and previous.block == block - 1 and previous.speaker.name and \
            not _speakers_between(r, block - 1, previous.end, len(r.masked[block - 1]), but=previous.speaker.entity):
        return _continued(previous.speaker, "continues the quote of the paragraph before")
    before = r.masked.get(block - 1, "")
    if before.rstrip().endswith(":"):
        p_start, _ = sentence_bounds(r, block - 1, len(before) - 1, len(before) - 1)
        verbs = _speech_verbs(r, before, p_start, len(before))
        if verbs:
            return _subject_of_verb(r, block - 1, p_start, verbs[-1], "introduced in the paragraph before")
        return _main_subject(r, block - 1, p_start, len(before), "introduced in the paragraph before")
    return None


def _speech_verbs(r: Reader, text: str, a: int, b: int) -> list[re.Match]:
    """The speech verbs between a and b, but not those of a condition ("if asked", "when told")."""
    return [v for v in r.words.verb.finditer(text, a, b)
            if not re.search(r"\b(?:if|when|unless|as|once|until)\s+$", text[max(a, v.start() - 8):v.start()])]


def _continued(speaker: Speaker, cue: str) -> Speaker:
    return Speaker(speaker.entity, speaker.name, cue)


def _speakers_between(r: Reader, block: int, a: int, b: int, subjects_only: bool = False,
                      but: str | None = None) -> bool:
    """Whether someone who could speak (other than `but`) is named between a and b (outside quotations)."""
    found = [m for m in r.in_block(block, a, b) if m.entity != but]
    return any(_eligible(r, m) for m in found) if subjects_only else bool(found)


# ----------------------------------------------------------------------------- reading the words found
_ADVERB_TAIL = re.compile(rf"(?:\s+{_ADVERBS})+\s*$", re.IGNORECASE)
_APPOSITION_TAIL = re.compile(r",[^,]{1,90},\s*$")


def _strip_adverbs(text: str, a: int, b: int) -> int:
    """Where the subject before a verb ends, once "also", "has", "then" are left out."""
    tail = _ADVERB_TAIL.search(text, a, b)
    return tail.start() if tail else b


def _eligible(r: Reader, m: Mention, zone_start: int = 0) -> bool:
    """A mention that can be a subject: not a possessive ("Clinton's adviser"), not a modifier of another
    noun ("a Clinton adviser", "Obama Education Secretary", "the Trump campaign"), not after a
    preposition ("at Obama")."""
    text = r.masked[m.block]
    after = text[m.end:m.end + 30]
    if re.match(r"['’]s?(?!\w)", after):
        return False
    before = re.search(r"([\w’'-]+)\s+$", text[max(0, m.start - 20, zone_start):m.start])
    previous = before.group(1).lower() if before else ""
    if previous in r.words.prepositions - {"and", "as", "while", "but"} and not _TOPIC.search(
            text[max(0, m.start - 12):m.start]) and not (previous == "with" and _PARTICIPLE_AFTER.match(text, m.end)):
        return False  # "with Gorka noting that …" is Gorka speaking
    if before and " " not in m.text and before.group(1)[:1].isupper() and previous not in r.words.titles \
            and previous not in _TITLE_WORDS and previous not in _PARTY_WORDS \
            and not re.search(r"(?:^|[.!?:;“\"—–])\s*$", text[max(0, before.start(1) - 3):before.start(1)]):
        return False  # a longer name that ends like a registered surname: "Zero Hedge"
    following = re.match(r" ([\w’'-]+)", after)
    if not following:
        return True
    word = following.group(1)
    if r.words.verb.fullmatch(word) or re.fullmatch(_ADVERBS, word, re.IGNORECASE) or word.lower() in r.words.relative:
        return True
    if word.lower() in _GROUP_NOUNS or word[:1].isupper():
        return False  # "Obama administration", "Obama Education Secretary"
    return previous not in _DETERMINERS  # "a Clinton adviser"; "Clinton celebrated" is a subject


_PARTICIPLE_AFTER = re.compile(r"\s+[a-z]+ing\b")
_TOPIC = re.compile(r"\b(?:[Aa]s for|[Ff]or (?:his|her) part,?)\s+$")  # "As for Pashinyan, he ..."
_PARTY_WORDS = {"democrat", "democratic", "republican", "gop", "independent", "libertarian", "labour", "tory",
                "conservative", "liberal", "socialist", "green", "candidate", "nominee", "frontrunner"}
_GROUP_NOUNS = {"administration", "campaign", "campaigns", "aide", "aides", "adviser", "advisers", "advisor",
                "advisors", "spokesman", "spokeswoman", "spokesperson", "camp", "team", "supporters", "supporter",
                "allies", "ally", "staff", "staffer", "staffers", "officials", "family", "foundation", "government",
                "voters", "backers", "loyalists", "surrogates", "surrogate", "era", "years", "presidency", "white"}
_DETERMINERS = {"a", "an", "the", "another", "former", "top", "this", "that", "his", "her", "their", "our", "its",
                "senior", "longtime", "veteran", "one"}


def _subject_before(r: Reader, block: int, a: int, b: int, cue: str) -> Speaker | None:
    """The subject that ends at b (before a verb): a name, a pronoun, a description, after any
    apposition ("Mr. Kelly, a retired astronaut, said"; "Trump, 70, told")."""
    text = r.masked[block]
    for _ in range(2):
        apposition = _APPOSITION_TAIL.search(text, a, b)
        if not apposition or r.in_block(block, apposition.start(), b) and \
                not re.search(r"\w", text[a:apposition.start()]):
            break
        b = apposition.start()
    for shape in (r"\s*\([^()]{1,20}\)\s*$", r"\s+of\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}\s*$"):
        tail = re.search(shape, text[a:b])  # "Rep. Hank Johnson (D-Ga.) said", "Holger Schmieding of Berenberg"
        b = a + tail.start() if tail else b
    zone = text[a:b]
    ending = [m for m in r.in_block(block, a, b) if not re.search(r"\w", text[m.end:b])]
    if ending and _eligible(r, ending[-1]):
        return _as_speaker(r, ending[-1], cue)
    if ending:
        return None  # "Clinton's campaign said": not Clinton
    last = re.search(r"([\w’'-]+)\s*$", zone)
    if last and last.group(1).lower() in r.words.pronouns:
        return _pronoun(r, block, a + last.start(1), last.group(1), cue)
    if last and last.group(1).lower() in r.words.relative:  # "Gene Sperling, who said"
        return _subject_before(r, block, a, a + last.start(1), cue)
    description = re.search(r"(?:^|\s)((?:the|a|an|one|another)\s+[\w’' -]{2,60})$", zone, re.IGNORECASE)
    if description and not re.search(r"[A-ZА-ЯЁ]\w+\s+[A-ZА-ЯЁ]\w+$", zone):
        return _description(r, block, a + description.start(1), description.group(1), cue)
    name = re.search(r"((?:[A-ZА-ЯЁ][\w’'.-]*\s+){0,2}[A-ZА-ЯЁ][\w’'-]+)\s*$", zone)
    if name and name.start() >= 0 and not r.in_block(block, a, b):
        words = name.group(1).split()
        while words and (words[0].lower().strip(".") in r.words.titles or words[0].lower() in _TITLE_WORDS):
            words = words[1:]
        if words and words[-1].lower() not in _NOT_NAMES and _NAME.match(" ".join(words)):
            return Speaker(None, " ".join(words), cue)
    return None


def _main_subject(r: Reader, block: int, a: int, b: int, cue: str) -> Speaker | None:
    """The sentence's subject: its first person or organisation that can be one, or a pronoun at its start."""
    text = r.masked[block]
    first_words = re.match(r"\s*(?:[A-Z][\w’'-]*\s+){0,3}?([\w’'-]+)", text[a:b])
    candidates = [m for m in r.in_block(block, a, b) if _eligible(r, m)]
    start_pronoun = re.match(r"\s*(?:[^,]{0,60},\s*)?(\w+)\s", text[a:b])
    if candidates:
        clause_pronoun = start_pronoun and start_pronoun.group(1).lower() in r.words.pronouns and \
            a + start_pronoun.start(1) < candidates[0].start
        if clause_pronoun:
            return _pronoun(r, block, a + start_pronoun.start(1), start_pronoun.group(1), cue)
        return _as_speaker(r, candidates[0], cue)
    if start_pronoun and start_pronoun.group(1).lower() in r.words.pronouns:
        return _pronoun(r, block, a + start_pronoun.start(1), start_pronoun.group(1), cue)
    del first_words
    return None


def _phrase(r: Reader, block: int, a: int, b: int, cue: str, apposition_to: int | None = None,
            strict: bool = False) -> Speaker | None:
    """Who the words at a:b (after a verb, after "according to", after a dash) are."""
    text = r.masked[block]
    head_end = text.find(",", a, b)
    head_end = b if head_end < 0 else head_end
    head = [m for m in r.in_block(block, a, head_end) if _eligible(r, m, a)]
    if head:
        return _as_speaker(r, head[-1], cue)
    phrase = text[a:head_end].strip(" ,—–-")
    if apposition_to and head_end < b or (apposition_to and text[head_end:head_end + 1] == ","):
        # "said Clinton's communications director, Jennifer Palmieri": the name in apposition
        stop = _PHRASE_END.search(text, head_end + 1, apposition_to)
        named = [m for m in r.in_block(block, head_end, stop.start() if stop else apposition_to)
                 if _eligible(r, m, head_end)]
        if named and not re.search(r"\w", text[head_end:named[0].start].replace(",", "")):
            return _as_speaker(r, named[0], cue)
    if r.in_block(block, a, head_end):
        return None  # a name there, but not as the subject: "Donald Trump's son"
    if phrase.lower() in r.words.pronouns:
        return _pronoun(r, block, a, phrase, cue)
    if re.match(r"(?:the|a|an|one|another)\s", phrase, re.IGNORECASE):
        return _description(r, block, a, phrase, cue)
    words = phrase.split()
    while words and (words[0].lower().strip(".") in r.words.titles or words[0].lower() in _TITLE_WORDS):
        words = words[1:]
    trailing = re.search(r"(?:^|\s)[a-zа-яё][\w’'-]*\s+((?:[A-ZА-ЯЁ][\w’'-]+\s*){2,4})$", " ".join(words))
    if trailing:  # "Kremlin spokesman Dmitry Peskov"
        words = trailing.group(1).split()
    if words and _NAME.match(" ".join(words)) and words[0].lower() not in _NOT_NAMES \
            and words[-1].lower() not in _NOT_NAMES and not (strict and len(words) < 2):
        return Speaker(None, " ".join(words), cue)
    leading = re.match(r"([A-ZА-ЯЁ][\w-]+(?:\s+[A-ZА-ЯЁ][\w-]+){0,3})(?=$|\s+[a-zа-яё])", " ".join(words))
    if leading and leading.group(1).lower() not in _NOT_NAMES and leading.group(1).split()[0].lower() \
            not in _NOT_NAMES:
        return Speaker(None, leading.group(1), cue)  # "заявил Песков журналистам"
    return None


_TITLE_WORDS = {"rep", "rep.", "sen", "sen.", "gov", "gov.", "gen", "gen.", "dr", "dr.", "lt", "lt.", "president",
                "senator", "governor", "secretary", "minister", "spokesman", "spokeswoman", "spokesperson",
                "former", "then", "mayor", "speaker", "chairman", "chairwoman", "rev", "rev.", "prof", "prof."}
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
              "tomorrow", "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "it", "this", "that", "there", "he", "she", "they", "i", "we",
              "you", "the", "in", "on", "at", "a", "an", "and", "but", "so", "then", "when", "cnn", "fox",
              "он", "она", "они", "сегодня", "вчера", "понедельник", "вторник", "среду", "четверг", "пятницу",
              "субботу", "воскресенье", "twitter", "facebook", "instagram", "reporters", "journalists"}


def _as_speaker(r: Reader, mention: Mention, cue: str) -> Speaker:
    return Speaker(mention.entity, mention.text, cue)


# --------------------------------------------------------------------------- pronouns and descriptions
def _pronoun(r: Reader, block: int, position: int, pronoun: str, cue: str, depth: int = 0) -> Speaker | None:
    """`he`, `she`: the person the pronoun most likely stands for, scored by how recently and in what
    role each was named (a subject more than an object, one being quoted most), whether the gender
    agrees, and through an earlier "he" that stands for someone; nobody when two are close."""
    gender = r.words.pronouns.get(pronoun.lower(), "")
    scores = _antecedents(r, block, position, gender)
    earlier = _earlier_pronoun(r, block, position, pronoun) if depth < 2 else None
    if earlier:  # "As for Pashinyan, he spoke of hopes. “…,” he added.": the "he" before stands for him
        found = _pronoun(r, earlier[0], earlier[1], pronoun, cue, depth + 1)
        if found and found.entity:
            distance = _sentences_between(r, Mention("", "", earlier[0], earlier[1], earlier[1], "", "", False),
                                          block, position)
            scores[found.entity] = max(scores.get(found.entity, -99.0), 3.0 - 1.5 * distance + 0.5)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _CLEAR_LEAD:
        return None  # two people it could be
    best = ranked[0][0]
    return Speaker(best, r.entities[best].name, f"{cue}; “{pronoun}” read as {r.entities[best].name}")


_CLEAR_LEAD = 1.5  # points the best reading of a pronoun must lead the next by (a sentence nearer is 1.5)


def _antecedents(r: Reader, block: int, position: int, gender: str) -> dict[str, float]:
    scores: dict[str, float] = {}
    sentence_start, _ = sentence_bounds(r, block, position, position)
    for m in r.speakers:
        if m.block > block or m.block < block - 2 or (m.block == block and m.start >= position):
            continue
        if r.entities[m.entity].kind != "person" or r.inside_quote(m):
            continue
        known = r.genders.get(m.entity, "")
        if gender and known and known != gender:
            continue
        subject = _eligible(r, m)
        if not subject and not (gender and known == gender):
            continue  # an object ("in Washington", "with Lund") only where the gender singles it out
        distance = _sentences_between(r, m, block, position)
        score = 3.0 - 1.5 * distance + (0.5 if known == gender and gender else 0.0) - (0.0 if subject else 1.0)
        if m.block == block and m.start >= sentence_start:
            score += 0.5  # in the same sentence as the pronoun
        if _speaks(r, m):
            score += 1.5  # the subject of a speech verb: who the story is quoting
        scores[m.entity] = max(scores.get(m.entity, -99.0), score)
    return scores


def _earlier_pronoun(r: Reader, block: int, position: int, pronoun: str) -> tuple[int, int] | None:
    """The same pronoun as a subject in the sentence before (block, position), if any."""
    sentence_start, _ = sentence_bounds(r, block, position, position)
    if sentence_start == 0:
        return None
    previous_start, _ = sentence_bounds(r, block, sentence_start - 1, sentence_start - 1)
    text = r.masked[block]
    found = re.search(rf"(?:^|[,.;:]\s+|\s)({re.escape(pronoun.lower())})\s+(?!said|says|added)[a-z]",
                      text[previous_start:sentence_start].lower())
    return (block, previous_start + found.start(1)) if found else None


def _speaks(r: Reader, m: Mention) -> bool:
    """The mention is followed (after an apposition, an adverb) by a speech verb: "X, a senator, said"."""
    text = r.masked[m.block]
    after = re.match(r"(?:\s+\([^)]{1,20}\))?(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,[^,.;]{1,90},)?\s*"
                     r"(?:\w+ly\s+|also\s+|then\s+|has\s+|had\s+)?", text[m.end:m.end + 140])
    return bool(r.words.verb.match(text, m.end + after.end()))


def _sentences_between(r: Reader, mention: Mention, block: int, position: int) -> float:
    if mention.block == block:
        return float(sum(1 for a, _ in split_sentences(r.masked[block]) if mention.start < a <= position))
    count = sum(1 for a, _ in split_sentences(r.masked[block]) if 0 < a <= position)
    for between in range(mention.block + 1, block):
        count += len(split_sentences(r.masked[between]))
    count += sum(1 for a, _ in split_sentences(r.masked[mention.block]) if a > mention.start)
    return count + 1.0


_STOP = {"the", "a", "an", "of", "and", "in", "for", "on", "to", "s", "one", "another", "this", "that", "his",
         "her", "its", "their", "also", "who", "former", "then"}


def _description(r: Reader, block: int, position: int, phrase: str, cue: str) -> Speaker | None:
    """`the deputy minister`: the one person the article introduced with those words ("Russian Deputy
    Foreign Minister Mikhail Galuzin", "Galuzin, the deputy minister,"), or whose registry description
    or role has them; an indefinite one (`a Turkish source`) is nobody registered."""
    head = phrase.split()[-1]
    if not re.match(r"the\s", phrase, re.IGNORECASE) or \
            (head[:1].isupper() and head.lower() not in _tables()["en"]["short_forms"]):
        return None  # "a source"; "the Post", "the Kremlin": a name, which a registered one would have matched
    words = _content_words(phrase)
    if not words:
        return None
    scores: dict[str, int] = {}
    for m in r.speakers:
        if (m.block, m.start) >= (block, position) or r.entities[m.entity].kind != "person":
            continue
        text = r.blocks[m.block].text
        introduced = " ".join(re.split(r"[,.;:()“”\"]", text[max(0, m.start - 60):m.start])[-1].split()[-6:])
        apposition = re.match(r",\s*([^,.;]{3,60})", text[m.end:])
        entity = r.entities[m.entity]
        known = _content_words(" ".join([introduced, apposition.group(1) if apposition else "",
                                         entity.description, *(title for role in entity.roles for title in (role.title, *role.also))]))
        if words <= known:
            scores[m.entity] = len(words)
    if len(scores) != 1:
        return None  # nobody, or two people the words fit
    best = next(iter(scores))
    return Speaker(best, r.entities[best].name, f"{cue}; “{phrase}” read as {r.entities[best].name}")


def _content_words(text: str) -> set[str]:
    short = _tables()["en"]["short_forms"]
    words = (short.get(w, w) for w in re.findall(r"\w+", text.lower()))
    return {part for w in words for part in w.split() if part not in _STOP and len(part) > 1}

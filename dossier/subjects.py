"""Reading the words a cue points at: the subject that ends before a speech verb (across appositions,
adverbs, party and state tags), the subject of a whole sentence, or the words after a verb or "according
to", as a registered name, a pronoun, a description or an unregistered name."""

from __future__ import annotations

import re

from .references import person_described, person_for_pronoun
from .model import Mention
from .speakers import ADVERBS, TITLE_WORDS, Reader, Speaker, as_speaker, eligible

_NAME = re.compile(r"^(?:[A-ZА-ЯЁ][\w’'.-]*\s+){0,3}[A-ZА-ЯЁ][\w’'-]+$")


# a full stop that is not one of a title or an initial ("Mr. Burman", "Jock A. Finlayson")
FULL_STOP = r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bSen)(?<!\bRep)(?<!\bGov)" \
             r"(?<!\bGen)(?<!\bRev)(?<!\bLt)(?<!\bCol)(?<!\bProf)(?<!\b[A-ZА-ЯЁ])\."


PHRASE_END = re.compile(FULL_STOP + r"|[;:!?()“”\"«»]|,\s+(?:who|which|adding|according|as|in|at|on|after|during|when|"
                         r"while|before|but|and)\b|\s+(?:in|at|on|during|when|while|as|after|before|to|"
                         r"told|on\s+\w+day|last|this|yesterday|today|of\s+the)\b")


# ----------------------------------------------------------------------------- reading the words found
_ADVERB_TAIL = re.compile(rf"(?:\s+{ADVERBS})+\s*$", re.IGNORECASE)


_APPOSITION_TAIL = re.compile(r",[^,]{1,90},\s*$")
_APPOSITION_BEFORE = re.compile(r",[^,]{1,90}$")  # one before another: "Trump, 70, a businessman, said"


def strip_adverbs(text: str, a: int, b: int) -> int:
    """Where the subject before a verb ends, once "also", "has", "then" are left out."""
    tail = _ADVERB_TAIL.search(text, a, b)
    return tail.start() if tail else b


def subject_before(r: Reader, block: int, a: int, b: int, cue: str) -> Speaker | None:
    """The subject that ends at b (before a verb): a name, a pronoun, a description, after any
    apposition ("Mr. Kelly, a retired astronaut, said"; "Trump, 70, told")."""
    text = r.masked[block]
    for number in range(3):
        apposition = (_APPOSITION_TAIL if number == 0 else _APPOSITION_BEFORE).search(text, a, b)
        if not apposition or r.in_block(block, apposition.start(), b) and \
                (number > 0 or not re.search(r"\w", text[a:apposition.start()])):
            break
        named = _name_in_apposition(r, block, a, apposition.start(), b)
        if named is not None:  # "Ms. Merkel's spokesman, Steffen Seibert, wrote": the name set off by commas
            return as_speaker(named, cue)
        b = apposition.start()
    for shape in (r"\s*\([^()]{1,20}\)\s*$", r"\s+of\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}\s*$"):
        tail = re.search(shape, text[a:b])  # "Rep. Hank Johnson (D-Ga.) said", "Holger Schmieding of Berenberg"
        b = a + tail.start() if tail else b
    zone = text[a:b]
    opening = _named_before_apposition(r, block, a, b)
    if opening is not None:  # "Oliver K. Hedge, who appraises golf courses for Cushman & Wakefield, said"
        return as_speaker(opening, cue)
    ending = [m for m in r.in_block(block, a, b) if not re.search(r"\w", text[m.end:b])]
    if ending and eligible(r, ending[-1]):
        return as_speaker(ending[-1], cue)
    if ending:
        return None  # "Clinton's campaign said": not Clinton
    last = re.search(r"([\w’'-]+)\s*$", zone)
    if last and last.group(1).lower() in r.words.pronouns:
        return person_for_pronoun(r, block, a + last.start(1), last.group(1), cue)
    if last and last.group(1).lower() in r.words.relative:  # "Gene Sperling, who said"
        return subject_before(r, block, a, a + last.start(1), cue)
    description = re.search(r"(?:^|\s)((?:the|a|an|one|another)\s+[\w’' -]{2,60})$", zone, re.IGNORECASE)
    if description and not re.search(r"[A-ZА-ЯЁ]\w+\s+[A-ZА-ЯЁ]\w+$", zone):
        return person_described(r, block, a + description.start(1), description.group(1), cue)
    name = re.search(r"((?:[A-ZА-ЯЁ][\w’'.-]*\s+){0,2}[A-ZА-ЯЁ][\w’'-]+)\s*$", zone)
    if name and name.start() >= 0 and not r.in_block(block, a, b):
        words = _without_titles(r, name.group(1).split())
        if _a_name(words):
            return Speaker(None, " ".join(words), cue)
    return None


def _name_in_apposition(r: Reader, block: int, a: int, comma: int, b: int) -> Mention | None:
    """The registered name that is the whole apposition at comma:b, after a description that names
    nobody who could speak ("Trump's attorney, Alan Garten,", "Another user, Roland Z,")."""
    text = r.masked[block]
    inside = r.in_block(block, comma, b)
    if len(inside) != 1 or text[comma:b].strip(" ,") != inside[0].text:
        return None
    before = r.in_block(block, a, comma)
    if any(eligible(r, m) for m in before) or not any(c.islower() for c in text[a:comma]):
        return None
    return inside[0]


def _named_before_apposition(r: Reader, block: int, a: int, b: int) -> Mention | None:
    """A name that opens the subject, then a long apposition or relative clause set off by commas
    that ends just before the verb: the name is the subject, whoever the apposition names."""
    text = r.masked[block]
    if not re.search(r",\s*$", text[a:b]) or b - a > 320:
        return None
    names = r.in_block(block, a, b)
    if not names:
        return None
    first = names[0]
    lead = text[a:first.start]
    if re.search(r"\w", lead) and not re.fullmatch(r"\W*(?:(?:but|and|yet|so|then)\s+)?(?:[A-Z][\w.]*\s+){0,2}",
                                                 lead, re.IGNORECASE):
        return None  # something else opens the sentence: "In a letter to Obama, …"
    if any(not _is_title(r, w) and w.lower() not in ("but", "and", "yet", "so", "then") for w in lead.split()):
        return None
    after = re.match(r"(?:\s+\([^()]{1,20}\))?(?:\s+of\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})?,", text[first.end:b])
    if not after or not eligible(r, first) or re.search(FULL_STOP + r"|[;:!?“”\"«»]", text[first.end:b]):
        return None
    return first


def main_subject(r: Reader, block: int, a: int, b: int, cue: str) -> Speaker | None:
    """The sentence's subject: its first person or organisation that can be one, or a pronoun at its start."""
    text = r.masked[block]
    candidates = [m for m in r.in_block(block, a, b) if eligible(r, m)]
    start_pronoun = re.match(r"\s*(?:[^,]{0,60},\s*)?(\w+)\s", text[a:b])
    if candidates:
        clause_pronoun = start_pronoun and start_pronoun.group(1).lower() in r.words.pronouns and \
            a + start_pronoun.start(1) < candidates[0].start
        if clause_pronoun:
            return person_for_pronoun(r, block, a + start_pronoun.start(1), start_pronoun.group(1), cue)
        return as_speaker(candidates[0], cue)
    if start_pronoun and start_pronoun.group(1).lower() in r.words.pronouns:
        return person_for_pronoun(r, block, a + start_pronoun.start(1), start_pronoun.group(1), cue)
    return None


def read_phrase(r: Reader, block: int, a: int, b: int, cue: str, apposition_to: int | None = None,
            strict: bool = False) -> Speaker | None:
    """Who the words at a:b (after a verb, after "according to", after a dash) are."""
    text = r.masked[block]
    head_end = text.find(",", a, b)
    head_end = b if head_end < 0 else head_end
    head = [m for m in r.in_block(block, a, head_end) if eligible(r, m, a)]
    if head:
        return as_speaker(head[-1], cue)
    phrase = text[a:head_end].strip(" ,—–-")
    if apposition_to and head_end < b or (apposition_to and text[head_end:head_end + 1] == ","):
        # "said Clinton's communications director, Jennifer Palmieri": the name in apposition
        stop = PHRASE_END.search(text, head_end + 1, apposition_to)
        named = [m for m in r.in_block(block, head_end, stop.start() if stop else apposition_to)
                 if eligible(r, m, head_end)]
        if named and not re.search(r"\w", text[head_end:named[0].start].replace(",", "")):
            return as_speaker(named[0], cue)
    if r.in_block(block, a, head_end):
        return None  # a name there, but not as the subject: "Donald Trump's son"
    if phrase.lower() in r.words.pronouns:
        return person_for_pronoun(r, block, a, phrase, cue)
    if re.match(r"(?:the|a|an|one|another)\s", phrase, re.IGNORECASE):
        return person_described(r, block, a, phrase, cue)
    words = _without_titles(r, phrase.split())
    trailing = re.search(r"(?:^|\s)[a-zа-яё][\w’'-]*\s+((?:[A-ZА-ЯЁ][\w’'-]+\s*){2,4})$", " ".join(words))
    if trailing:  # "Kremlin spokesman Dmitry Peskov"
        words = trailing.group(1).split()
    if _a_name(words, strict) and words[0].lower() not in _NOT_NAMES:
        return Speaker(None, " ".join(words), cue)
    leading = re.match(r"([A-ZА-ЯЁ][\w-]+(?:\s+[A-ZА-ЯЁ][\w-]+){0,3})(?=$|\s+[a-zа-яё])", " ".join(words))
    if leading and _a_name(leading.group(1).split(), strict) and leading.group(1).split()[0].lower() not in _NOT_NAMES:
        return Speaker(None, leading.group(1), cue)  # "заявил Песков журналистам"
    return None


def _is_title(r: Reader, word: str) -> bool:
    """"Mr.", "Sen.", "President": a word before a name that is not part of it."""
    return word.lower().strip(".") in r.words.titles or word.lower() in TITLE_WORDS


def _without_titles(r: Reader, words: list[str]) -> list[str]:
    while words and _is_title(r, words[0]):
        words = words[1:]
    return words


_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
              "tomorrow", "january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december", "it", "this", "that", "there", "he", "she", "they", "i", "we",
              "you", "the", "in", "on", "at", "a", "an", "and", "but", "so", "then", "when", "cnn", "fox",
              "он", "она", "они", "сегодня", "вчера", "понедельник", "вторник", "среду", "четверг", "пятницу",
              "субботу", "воскресенье", "twitter", "facebook", "instagram", "reporters", "journalists"}
# Groups that speak, capitalised only at a sentence's start ("Officials said:"): no one's name on their
# own, though a name may end with one ("Capitol Police").
_GROUPS = {"officials", "experts", "analysts", "critics", "residents", "authorities", "sources", "observers",
           "protesters", "witnesses", "police", "doctors", "scientists", "researchers", "lawmakers", "diplomats",
           "economists", "investigators", "prosecutors", "activists", "officers", "soldiers", "organisers",
           "organizers", "participants", "locals", "citizens", "voters", "supporters", "opponents", "leaders",
           "ministers", "members", "students", "parents", "workers", "farmers", "others", "many", "some", "both",
           "everyone", "people", "эксперты", "чиновники", "власти", "жители", "источники", "аналитики", "участники",
           "депутаты", "очевидцы"}


def _a_name(words: list[str], strict: bool = False) -> bool:
    """Words that can be a person's or an organisation's name the registry does not know (`strict`:
    two words or more, as a signature's name must be)."""
    return bool(words) and _NAME.match(" ".join(words)) is not None and words[-1].lower() not in _NOT_NAMES \
        and not (len(words) == 1 and words[0].lower() in _GROUPS) and not (strict and len(words) < 2)

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
The words a cue points at are read in subjects.py (pronouns and descriptions in references.py) over
what speakers.py gathers of the article; speech verbs, pronouns, titles and prepositions are data
(data/speech.yaml, compiled by speech_words.py). Needs the article's mentions; knows nothing about pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .speakers import NOBODY, Reader, Speaker, eligible, sentence_bounds
from .subjects import FULL_STOP, PHRASE_END, main_subject, read_phrase, strip_adverbs, subject_before

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


_LEAD_AFTER = re.compile(r"[\s,'’\"”]*(?:[—–-]+\s*)?")  # also the close of a quote inside the quote: …,"' said


def _after(r: Reader, block: int, start: int, end: int, earlier) -> Speaker | None:
    """`“…,” Galuzin said` / `“…,” said the deputy minister` / `“…,” Trump, 70, told CNN`."""
    text = r.masked[block]
    closing = r.blocks[block].text[start:end].rstrip("”»“\"'’ ")[-1:]  # unmasked: “…help?’”
    lead = _LEAD_AFTER.match(text, end)
    _, stop = sentence_bounds(r, block, min(end + 1, len(text)), min(end + 1, len(text)))
    if closing not in ",!?…—–-" and not re.match(r"\s*[,—–]", text[end:end + 3]) \
            and not _SHORT_CUE.match(text, end) and not (closing not in ".!?" and r.words.verb.match(text, end + 1)):
        return _cue_ending_sentence(r, block, end, stop) if closing not in ".!?" else None
    rest_start = lead.end()
    reach = 300 if r.in_block(block, rest_start, rest_start + 40) else 160  # "Jo Roe, a professor at …, said"
    verb = r.words.verb.search(text, rest_start, min(stop, rest_start + reach))
    if verb is None:
        return None
    if verb.start() == rest_start:  # said X
        phrase_end = PHRASE_END.search(text, verb.end(), stop)
        b = phrase_end.start() if phrase_end else stop
        return read_phrase(r, block, verb.end(), b, f"named after the quote ({verb.group(0)})", apposition_to=stop)
    zone = text[rest_start:verb.start()]
    long_apposition = len(zone) <= 300 and r.in_block(block, rest_start, rest_start + 40) and zone.rstrip().endswith(",")
    if re.search(FULL_STOP + r"|[;!?“”\"«»]", zone) or (len(zone) > 120 and not long_apposition):
        return None
    zone_end = strip_adverbs(text, rest_start, verb.start())
    return subject_before(r, block, rest_start, zone_end, f"named after the quote ({verb.group(0)})")


def _cue_ending_sentence(r: Reader, block: int, end: int, stop: int) -> Speaker | None:
    """`“He can assert it” that Sanders can catch Clinton, said Steve Elmendorf.` / `“…” of the plans,
    Mr. Holtz-Eakin said.`: the cue is the sentence's last clause, after a comma, with no other quote."""
    text = r.masked[block]
    if re.search(r"[“”\"«»]", text[end:stop]):
        return None
    for comma in [m.start() for m in re.finditer(r", ", text[end:stop])][::-1][:3]:  # the last clauses first
        found = _cue_in_clause(r, block, end + comma + 2, stop)
        if found is not None:
            return found
    return None


def _cue_in_clause(r: Reader, block: int, clause: int, stop: int) -> Speaker | None:
    text = r.masked[block]
    verb = r.words.verb.match(text, clause)
    cue = "named at the end of the sentence"
    if verb:
        phrase_end = PHRASE_END.search(text, verb.end(), stop)
        return read_phrase(r, block, verb.end(), phrase_end.start() if phrase_end else stop, cue, apposition_to=stop)
    verb = r.words.verb.search(text, clause, stop)
    if verb is None or len(text[clause:verb.start()]) > 60:
        return None
    return subject_before(r, block, clause, strip_adverbs(text, clause, verb.start()), cue)


def _signature(r: Reader, block: int, start: int, end: int, earlier) -> Speaker | None:
    """`“…” — Vladimir Putin`, `“…”― Pamela Padilla`: a dash and a name after the quote, ending the sentence."""
    text = r.masked[block]
    found = re.match(r"[.\s]*[―—–-]+\s*((?=[A-ZА-ЯЁ])(?:[^.;:!?“”\"«»(]|(?<=\b[A-Z])\.){2,80})", text[end:])  # "― Oscar P. Quintero"
    if not found:
        return None
    a, b = end + found.start(1), end + found.end(1)
    return read_phrase(r, block, a, b, "signed after the quote", strict=True)


def _according(r: Reader, block: int, start: int, end: int, earlier) -> Speaker | None:
    text = r.masked[block]
    s_start, _ = sentence_bounds(r, block, start, end)
    found = None
    for found in r.words.according.finditer(text, s_start, start):
        pass
    if found is None:
        return None
    stop = re.compile(r"[,;:“”\"«»]").search(text, found.end(), start)
    return read_phrase(r, block, found.end(), stop.start() if stop else start, "according to")


def _before(r: Reader, block: int, start: int, end: int, earlier) -> Speaker | None:
    """`Lavrov said: “…”`, `… Obama, saying “…”` (the sentence's subject), `Rubio bemoaned … “…”`."""
    text = r.masked[block]
    s_start, _ = sentence_bounds(r, block, start, end)
    verbs = _speech_verbs(r, text, s_start, start)
    if not verbs:
        if text[s_start:start].rstrip().endswith(":"):
            return main_subject(r, block, s_start, start, "introduced before a colon")
        return None
    for verb in reversed(verbs):  # "X highlighted, asked about Y's statement suggesting that, “…”": X
        found = _subject_of_verb(r, block, s_start, verb, f"speaks before the quote ({verb.group(0)})")
        if found is not None:
            return found
        if _another_subject(text, verb, s_start):
            return NOBODY  # “…,” Weiss said, and her husband added: “…”: not Weiss
    return None


def _subject_of_verb(r: Reader, block: int, s_start: int, verb: re.Match, cue: str) -> Speaker | None:
    text = r.masked[block]
    word = verb.group(0).lower()
    if (word in r.words.participles or word.split()[0].endswith("ing")) and \
            re.search(r"(?:,|^|\b(?:by|after|while|before|when|in))\s*$", text[s_start:verb.start()]):
        return main_subject(r, block, s_start, verb.start(), cue)  # "…, saying": the sentence's subject
    zone_end = strip_adverbs(text, s_start, verb.start())
    if re.fullmatch(r"\W*(?:(?:but|and|yet|so|then|still)\W*)?", text[s_start:zone_end], re.IGNORECASE):
        # "But, said Solovey, “…”": the subject after the verb
        stop = PHRASE_END.search(text, verb.end())
        return read_phrase(r, block, verb.end(), stop.start() if stop else len(text), cue)
    return subject_before(r, block, s_start, zone_end, cue)


def _follows(r: Reader, block: int, start: int, end: int, earlier: list[Said]) -> Speaker | None:
    """A quote that goes on from another by the same speaker, or after a sentence naming who speaks."""
    text = r.masked[block]
    previous = earlier[-1] if earlier else None
    if previous and previous.block == block and previous.speaker.name:
        _, cue_end = sentence_bounds(r, block, previous.end, previous.end)  # the cue's own sentence aside
        if any(_another_subject(text, v, previous.end) for v in _speech_verbs(r, text, previous.end, start)[1:]):
            return None  # “…,” Weiss said, and her husband cut in. “…”: someone else speaks now
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
        cue = "introduced in the paragraph before"
        if verbs and not _AS_NOUN.search(before, p_start, verbs[-1].start()):
            return _subject_of_verb(r, block - 1, p_start, verbs[-1], cue)  # "Experts explained …:": nobody named
        subjects = [m for m in r.in_block(block - 1, p_start, len(before)) if eligible(r, m)]
        if subjects and (_speech_verbs(r, before, p_start, subjects[0].start) or subjects[0].start - p_start > 60):
            return None  # the first name comes after a verb ("Experts explained why Lund …"): not the subject
        return main_subject(r, block - 1, p_start, len(before), cue)  # "X made the following comment:"
    return None


def _speech_verbs(r: Reader, text: str, a: int, b: int) -> list[re.Match]:
    """The speech verbs between a and b, but not those of a condition ("if asked", "when told"), nor
    those of what someone will or would do ("will continue to be", "would welcome")."""
    return [v for v in r.words.verb.finditer(text, a, b)
            if not re.search(r"\b(?:if|when|unless|as|once|until)\s+$", text[max(a, v.start() - 8):v.start()])
            and not _NOT_SAYING.search(text[max(a, v.start() - 7):v.start()])]


# "and her husband", "and the mayor", "and Lund": a new subject before a second speech verb
_ANOTHER_SUBJECT = re.compile(r"(?<!\w)(?:and|и|і|та|und|et)\s+(?!then\b|later\b|also\b|потом\b|затем\b|также\b)"
                              r"[\w’'-]+(?:\s+[\w’'-]+){0,2}\s+$")
def _another_subject(text: str, verb: re.Match, floor: int) -> bool:
    """A new subject joined by "and" just before this speech verb (not before `floor`)."""
    return bool(_ANOTHER_SUBJECT.search(text[max(floor, verb.start() - 40):verb.start()]))


_NOT_SAYING = re.compile(r"\b(?:will|would|could|might|must|shall)\s+$")


# a speech word used as a noun ("the following comment", "this remark"): the sentence's subject speaks
_AS_NOUN = re.compile(r"\b(?:the|a|an|following|this|these|his|her|their)\s+$", re.IGNORECASE)


def _continued(speaker: Speaker, cue: str) -> Speaker:
    return Speaker(speaker.entity, speaker.name, cue)


def _speakers_between(r: Reader, block: int, a: int, b: int, subjects_only: bool = False,
                      but: str | None = None) -> bool:
    """Whether someone who could speak (other than `but`) is named between a and b (outside quotations)."""
    found = [m for m in r.in_block(block, a, b) if m.entity != but]
    return any(eligible(r, m) for m in found) if subjects_only else bool(found)

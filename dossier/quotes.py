"""Find direct quotations in an article and attribute each to its speaker, or to nobody: never a guess.

Cues are those of news prose: `“…,” Galuzin said`, `X said: “…”`, `According to X, “…”`, a pronoun
(`he added`) meaning the last person named before the quote, a description (`the deputy minister`)
meaning the person named before whose registry description or role shares its words, and a quote
that follows another in the same paragraph with no new name between. Needs the article's mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .link import split_sentences
from .model import Block, Entity, Mention, Quote

_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_OPENER = re.compile('[“«„"]')
_VERBS = (r"said|says|say|stated|states|added|adds|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
          r"concluded|explained|explains|recalled|remarked|told|tells|asked|insisted|declared|highlighted|"
          r"pointed out|warned|continued|wrote|writes|commented|replied|answered|announced|argued|claimed|"
          r"admitted|acknowledged|reiterated|underlined|observed|cautioned|urged|assured|believes|thinks|"
          r"expressed|mentioned|stating|saying|adding|noting|stressing|emphasi[sz]ing|"
          r"сказал|сказала|заявил|заявила|отметил|отметила|подчеркнул|подчеркнула|добавил|добавила|"
          r"сообщил|сообщила|пояснил|пояснила|говорит|считает|уверен|уверена|"
          r"сказав|заявив|зазначив|зазначила|наголосив|наголосила|додав|додала|"  # Ukrainian
          r"sagte|sagt|erklärte|betonte|meinte|"  # German
          r"a déclaré|a dit|a affirmé|a souligné|a ajouté|a expliqué|a indiqué|déclare|affirme|"  # French
          r"dijo|afirmó|declaró|señaló|agregó|añadió|aseguró|explicó|"  # Spanish
          r"ha detto|ha dichiarato|ha affermato|ha aggiunto|ha sottolineato|ha spiegato")  # Italian
_VERB = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)
_AFTER_VERB_FIRST = re.compile(rf"^[\s,—–-]*(?:{_VERBS})\s+((?:the\s+)?[^.,;:“”\"«»]{{1,80}}?)(?=[.,;:!?]|\s+(?:when|as|in|at|on|after|during|while|на|в|во|после|во время|когда)\b|$)",
                               re.IGNORECASE)
_AFTER_SUBJECT_FIRST = re.compile(rf"^[\s,—–-]*([^.,;:“”\"«»]{{1,80}}?)\s+(?:also\s+|then\s+|later\s+|again\s+)?(?:{_VERBS})\b",
                                  re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to\s+([^,;:“”\"«»]{1,80}?)\s*[,:]", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|they|him|her)$", re.IGNORECASE)
_NAME = re.compile(r"^[A-ZА-Я][\w’'-]+(?:\s+[A-ZА-Я][\w’'-]+){1,3}$")
# A surname alone, or before lower-case words ("Песков журналистам"); not a possessive ("Russia's foreign
# ministry": the apostrophe ends the name where neither the end nor a lower-case word follows).
_LEADING_NAME = re.compile(r"^([A-ZА-ЯЁ][\w-]+(?:\s+[A-ZА-ЯЁ][\w-]+){0,3})(?=$|\s+[a-zа-яё])")
# A name after a description in lower case: "spokesman Dmitry Peskov", "el portavoz Dmitri Peskov"; not the
# end of a description ("the Deputy Minister of Foreign Affairs of the Russian Federation").
_TRAILING_NAME = re.compile(r"(?:^|\s)([a-zа-яё][\w’'-]*)\s+([A-ZА-ЯЁ][\w’'-]+(?:\s+[A-ZА-ЯЁ][\w’'-]+){1,3})$")
_FUNCTION_WORDS = {"the", "of", "a", "an", "and", "for", "in", "on", "at", "to", "from", "de", "del", "la", "le", "les",
                   "des", "du", "der", "die", "das", "von", "di", "della", "и", "в", "на", "с"}
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
              "tomorrow", "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье",
              "сегодня", "вчера", "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "it", "this", "that", "there", "он", "она", "они"}
_STOP = {"the", "a", "an", "of", "and", "in", "for", "on", "to", "s", "official", "also"}
_GENERIC = {"official", "diplomat", "minister", "spokesperson", "spokesman", "spokeswoman", "president",
            "leader", "politician", "ambassador", "envoy", "chief", "head"}
MIN_WORDS = 3


def find_quotes(slug: str, blocks: tuple[Block, ...], mentions: tuple[Mention, ...],
                entities: dict[str, Entity]) -> tuple[Quote, ...]:
    """Every direct quotation of at least three words, attributed where the text says who spoke."""
    people = [m for m in mentions if entities[m.entity].kind == "person"]
    quotes: list[Quote] = []
    running: list[int] = []  # indexes in `quotes` of a quotation still open at the end of a paragraph
    for block in blocks:
        previous: Quote | None = None
        spans = _quote_spans(block.text)
        continues = running and spans and spans[0][0] == len(block.text) - len(block.text.lstrip())
        if not continues:
            running = []
        for number, (start, end, inner_start, inner_end, closed) in enumerate(spans):
            text = block.text[inner_start:inner_end].strip().rstrip(",").rstrip()
            if len(text.split()) < MIN_WORDS:
                continue
            speaker, name, cue = _attribute(block, start, end, people, quotes, entities, previous)
            quote = Quote(slug, block.index, start, end, text, speaker, name, cue)
            if number == 0 and continues:
                quote = _join_running(quotes, running, quote)
            quotes.append(quote)
            previous = quote
        still_open = bool(spans) and not spans[-1][4] and bool(quotes) and quotes[-1].block == block.index
        running = ((running if continues else []) + [len(quotes) - 1]) if still_open else []
    return tuple(quotes)


def _join_running(quotes: list[Quote], running: list[int], quote: Quote) -> Quote:
    """A quotation over several paragraphs (each opens with a quote mark, only the last one closes):
    every part gets the speaker that one of them names."""
    named = next((quotes[i] for i in running if quotes[i].speaker or quotes[i].speaker_name), None)
    if quote.speaker or quote.speaker_name:
        for i in running:
            if not (quotes[i].speaker or quotes[i].speaker_name):
                quotes[i] = replace(quotes[i], speaker=quote.speaker, speaker_name=quote.speaker_name,
                                    cue="continued in the next paragraph")
        return quote
    if named:
        return replace(quote, speaker=named.speaker, speaker_name=named.speaker_name,
                       cue="continues the quote from the previous paragraph")
    return quote


def _quote_spans(text: str) -> list[tuple[int, int, int, int, bool]]:
    """(start, end, inner start, inner end, closed) of each top-level quotation; an unclosed one runs to
    the end of the paragraph (and may go on in the next)."""
    spans: list[tuple[int, int, int, int, bool]] = []
    stripped = text.lstrip()
    if stripped[:1] in "–—" and stripped[1:2] == " ":  # a dash-led interview answer
        offset = len(text) - len(stripped)
        return [(offset, len(text), offset + 2, len(text), True)]
    i = 0
    while (found := _OPENER.search(text, i)) is not None:
        i = found.start()
        opener = text[i]
        closer = _PAIRS[opener]
        if opener == '"' and i > 0 and text[i - 1].isalnum():
            i += 1
            continue
        close = _closing(text, i, opener, closer)
        end = close + 1 if close >= 0 else len(text)
        spans.append((i, end, i + 1, close if close >= 0 else len(text), close >= 0))
        i = end
    return spans


def _closing(text: str, start: int, opener: str, closer: str) -> int:
    depth = 0
    for i in range(start + 1, len(text)):
        if text[i] == closer and (opener != closer or depth == 0):
            if depth == 0:
                return i
            depth -= 1
        elif text[i] == opener and opener != closer:
            depth += 1
    return -1


@dataclass(frozen=True)
class _Where:
    """A quote's surroundings: what the attribution cues look at."""

    block: Block
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    people: list[Mention]
    quotes: list[Quote]
    entities: dict[str, Entity]
    previous: Quote | None


def _attribute(block, start, end, people, quotes, entities, previous) -> tuple[str | None, str, str]:
    """(speaker id, speaker as written, cue) for the quote at start:end of `block`: the first cue that speaks."""
    sentences = split_sentences(block.text)
    where = _Where(block, start, end, max((s for s, e in sentences if s <= start), default=0),
                   min((e for s, e in sentences if e >= end), default=len(block.text)),
                   people, quotes, entities, previous)
    for cue in (_cue_after, _cue_according_to, _cue_verb_before, _cue_colon, _cue_continuation):
        found = cue(where)
        if found is not None:
            return found
    return None, "", ""


def _cue_after(w: _Where):
    """`“…,” Galuzin said` / `“…,” said the deputy minister` / `“…,” he added`."""
    after = w.block.text[w.end:w.sentence_end]
    if w.block.text[w.start:w.end].rstrip("”»“\"")[-1:] not in ",!?…" and not re.match(r"\s*[,—–]", after):
        return None
    found = _AFTER_VERB_FIRST.match(after) or _AFTER_SUBJECT_FIRST.match(after)
    return _resolve(w, w.end + found.start(1), w.end + found.end(1)) if found else None


def _cue_according_to(w: _Where):
    before = w.block.text[w.sentence_start:w.start]
    found = _ACCORDING.search(before)
    return _resolve(w, w.sentence_start + found.start(1), w.sentence_start + found.end(1)) if found else None


def _cue_verb_before(w: _Where):
    """`X said: “…”`, `X stressed that “…”`: the person named (or the pronoun) closest before the verb."""
    verbs = list(_VERB.finditer(w.block.text[w.sentence_start:w.start]))
    if not verbs:
        return None
    a, b = w.sentence_start, w.sentence_start + verbs[-1].start()
    named = [m for m in w.people if m.block == w.block.index and a <= m.start and m.end <= b]
    if named:
        return named[-1].entity, named[-1].text, named[-1].text
    words = w.block.text[a:b].split()
    if words and _PRONOUN.match(words[-1]):
        return _pronoun(w, words[-1])
    return None


def _cue_colon(w: _Where):
    """`Putin once again defended the position taken by Ankara: “…”`: the sentence's first person."""
    if not w.block.text[w.sentence_start:w.start].rstrip().endswith(":"):
        return None
    named = [m for m in w.people if m.block == w.block.index and w.sentence_start <= m.start < w.start]
    return (named[0].entity, named[0].text, named[0].text) if named else None


def _cue_continuation(w: _Where):
    """A quote after another in the same paragraph, with nobody else named between: the same speaker."""
    previous = w.previous
    if previous is None or previous.speaker is None:
        return None
    if any(m.block == w.block.index and previous.end <= m.start < w.start and m.entity != previous.speaker
           for m in w.people):
        return None
    return previous.speaker, previous.speaker_name, "continues the previous quote"


def _resolve(w: _Where, a: int, b: int) -> tuple[str | None, str, str]:
    """Who the words at a:b are: a person named there, a pronoun, an unregistered name, or a description."""
    phrase = w.block.text[a:b].strip(" ,")
    named = [m for m in w.people if m.block == w.block.index and a <= m.start and m.end <= b]
    if named:
        return named[0].entity, named[0].text, phrase if len(phrase) <= 60 else named[0].text
    if _PRONOUN.match(phrase):
        return _pronoun(w, phrase)
    if _NAME.match(phrase):
        return None, phrase, phrase  # a name not in the registry: kept for `suggest`
    if (name := _TRAILING_NAME.search(phrase)) and name.group(1) not in _FUNCTION_WORDS:
        return None, name.group(2), phrase  # "Kremlin spokesman Dmitry Peskov", "el portavoz Dmitri Peskov"
    if (name := _LEADING_NAME.match(phrase)) and name.group(1).casefold() not in _NOT_NAMES:
        return None, name.group(1), phrase  # "said Zakharova", "заявил Песков журналистам"
    return _by_description(phrase, _earlier(w), w.quotes, w.entities)


def _earlier(w: _Where) -> list[Mention]:
    return [m for m in w.people if (m.block, m.start) < (w.block.index, w.start)]


def _pronoun(w: _Where, pronoun: str) -> tuple[str | None, str, str]:
    """`he`, `she`: the last person named before the quote."""
    earlier = _earlier(w)
    return (earlier[-1].entity, earlier[-1].text, pronoun) if earlier else (None, "", pronoun)


def _by_description(phrase, earlier, quotes, entities):
    words = _content_words(phrase)
    if not words or not phrase.lower().startswith(("the ", "a ", "an ")):
        return None, "", ""
    best, best_score = None, 0
    for mention in earlier:  # later mentions win ties
        entity = entities[mention.entity]
        known = _content_words(" ".join([entity.description, *(r.title for r in entity.roles)]))
        score = len(words & known)
        if score >= best_score and score > 0:
            best, best_score = mention, score
    if best:
        return best.entity, best.text, phrase
    spoken = [q for q in quotes if q.speaker]
    if words & _GENERIC and spoken:
        return spoken[-1].speaker, spoken[-1].speaker_name, phrase
    return None, "", phrase


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in _STOP and len(w) > 1}

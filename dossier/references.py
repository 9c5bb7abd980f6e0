"""Who a pronoun ("he said") or a definite description ("the deputy minister said") stands for: the
candidates scored, and nobody when two are close."""

from __future__ import annotations

import re

from .link import split_sentences
from .model import Mention
from .speakers import Reader, Speaker, eligible, in_longer_name, sentence_bounds
from .speech_words import tables

# --------------------------------------------------------------------------- pronouns and descriptions
def person_for_pronoun(r: Reader, block: int, position: int, pronoun: str, cue: str, depth: int = 0) -> Speaker | None:
    """`he`, `she`: the person the pronoun most likely stands for, scored by how recently and in what
    role each was named (a subject more than an object, one being quoted most), whether the gender
    agrees, and through an earlier "he" that stands for someone; nobody when two are close."""
    gender = r.words.pronouns.get(pronoun.lower(), "")
    scores = _antecedents(r, block, position, gender)
    earlier = _earlier_pronoun(r, block, position, pronoun) if depth < 2 else None
    if earlier:  # "As for Pashinyan, he spoke of hopes. “…,” he added.": the "he" before stands for him
        found = person_for_pronoun(r, earlier[0], earlier[1], pronoun, cue, depth + 1)
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
    candidates = []
    for m in r.speakers:
        if m.block > block or m.block < block - 2 or (m.block == block and m.start >= position):
            continue
        if r.entities[m.entity].kind != "person" or r.inside_quote(m) or in_longer_name(r, m):
            continue  # "Hank Johnson" is not the registered Ron Johnson
        known = r.genders.get(m.entity, "")
        if gender and known and known != gender:
            continue
        subject = eligible(r, m)
        if subject or (gender and known == gender):
            candidates.append((m, known, subject, _sentences_between(r, m, block, position)))
    near_subject = any(subject and distance <= 3 for _, _, subject, distance in candidates)
    for m, known, subject, distance in candidates:
        if not subject and near_subject:
            continue  # an object ("in Washington", "asked Lund") only where the gender singles it out
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
    if sentence_start == 0:  # the paragraph's first sentence: the last sentence of the one before
        before = r.masked.get(block - 1)
        if not before or not before.strip():
            return None
        block, sentence_start = block - 1, len(before.rstrip())
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


def person_described(r: Reader, block: int, position: int, phrase: str, cue: str) -> Speaker | None:
    """`the deputy minister`: the one person the article introduced with those words ("Russian Deputy
    Foreign Minister Mikhail Galuzin", "Galuzin, the deputy minister,"), or whose registry description
    or role has them; an indefinite one (`a Turkish source`) is nobody registered."""
    head = phrase.split()[-1]
    if not re.match(r"the\s", phrase, re.IGNORECASE) or \
            (head[:1].isupper() and head.lower() not in tables()["en"]["short_forms"]):
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
    return Speaker(best, r.entities[best].name, f"{cue}; “{phrase.strip()}” read as {r.entities[best].name}")


def _content_words(text: str) -> set[str]:
    short = tables()["en"]["short_forms"]
    words = (short.get(w, w) for w in re.findall(r"\w+", text.lower()))
    return {part for w in words for part in w.split() if part not in _STOP and len(part) > 1}

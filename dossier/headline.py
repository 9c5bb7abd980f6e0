"""The headline of a whole web page pasted as text: of the title-shaped lines just above the
article's body, the one most like a headline. What counts for a line: words shared with the file
name or the page's address (but not the site's own name: a line naming the site is its chrome), a
byline or date just below it, a standfirst just below it, the page repeating it; what counts
against it: a full stop (a caption or a teaser), a picture credit, a person's name and title (a
byline), distance from the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .shapes import BREADCRUMB, TAG_LINE

WINDOW = 30  # lines above the body searched for its headline
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CREDIT = re.compile(r"\b(?:photo|image|picture|foto|bild|credit|crédit|фото)s?\b\s*(?:credit)?\s*[:©(]|©|getty images|"
                     r"/ ?(?:afp|ap|reuters|dpa|epa|keystone)\b|^\(.*\)$", re.IGNORECASE)
# a picture's caption ends with its credit: "(Getty/Jane Roe)", "(Photo: AP)", "(Reuters)"
CREDITED = re.compile(r"\((?:[^()]{2,40}/[^()]{2,40}|(?:photo|foto|image|bild|getty|ap|afp|reuters|dpa|epa)\b[^()]{0,40})\)\s*$",
                      re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|von|par|por|от|автор|written by)\s+\S", re.IGNORECASE)
_BYLINE_OR_DATE = re.compile(r"^(?:by|von|par|por|от|автор|written by)(?:\s+\S|\s*$)|\b(?:19|20)\d\d\b|"
                             r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b", re.IGNORECASE)
_TITLE_SHAPE = re.compile(r"^.{8,200}$")
_DATE_ONLY = re.compile(r"^(?:\w+,? )?(?:\w+ \d{1,2},? (?:19|20)\d\d|\d{1,2}\.? \w+ (?:19|20)\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4})$")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}:\d\d\b")
_PERSON_AND_TITLE = re.compile(r"^[A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z'’-]+, [A-Z]")  # "Jane Roe, Staff Writer"
# a host name inside a file name or address: "phillyvoice.com", "world.kbs.co.kr"
_HOST = re.compile(r"(?:[a-z0-9][a-z0-9-]*\.)+(?:com|org|net|info|news|media|tv|io|eu|co|uk|us|de|at|ch|fr|be|"
                   r"es|it|nl|ru|ua|am|az|ge|jp|kr|in|ca|au)(?![a-z0-9])")
_MEDIA_LABEL = re.compile(r"^\s*(?:image|media|video|photo) (?:source|caption),?\s*$", re.IGNORECASE)  # the BBC's, its line below
_ABBREVIATED = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Z]\.)+[A-Z])\.$")  # "Tues.", "Inc.", "U.S."
_SITE_SUFFIX = re.compile(r"^(.{8,}?)\s+[|–—-]\s+[^|–—-]{2,40}$")  # a page's title: "Headline | Site name"
_NOT_NAMES = {"www", "co", "com", "org", "net", "m", "amp", "html", "htm", "txt", "php",
              # a file's name that says what it is, not what it is about: "article-12.txt", "untitled copy.txt"
              "article", "articles", "artikel", "news", "page", "paste", "pasted", "untitled", "document", "text",
              "copy", "file", "note", "notes", "story", "статья", "новость"}


@dataclass(frozen=True)
class AddressWords:
    """Words of the file name and address: the site's name, and the rest (the article's slug)."""

    site: frozenset[str]
    slug: frozenset[str]


def address_words(hints: tuple[str, ...]) -> AddressWords:
    """Split each hint (a file path, a URL) into the site's name and the words of its slug."""
    site: set[str] = set()
    slug: set[str] = set()
    for hint in hints:
        text = hint.lower()
        if "://" in text:
            parts = urlsplit(text)
            host, rest = parts.netloc, parts.path
        else:
            text = text.rsplit("/", 1)[-1]
            found = _HOST.search(text)
            host, rest = (found.group(0), text[:found.start()] + " " + text[found.end():]) if found else ("", text)
        site.update(label.replace("-", "") for label in host.split(".")[:-1] if label not in _NOT_NAMES)
        slug.update(w for w in _WORD.findall(rest) if len(w) >= 4 and w not in _NOT_NAMES)
    return AddressWords(frozenset(w for w in site if len(w) >= 3), frozenset(slug))


def best_headline(lines: list[str], start: int, address: AddressWords) -> tuple[int | None, float]:
    """The index of the line above the body starting at `start` (or of its first line, when that is
    title-shaped) most like the page's headline, and how much it looks like one; (None, 0.0) when none is."""
    best, best_score = None, 0.0
    first = start if start < len(lines) and _could_be_headline(lines[start]) and not lines[start].rstrip().endswith(".") \
        else start - 1
    for i in range(first, max(-1, start - WINDOW), -1):
        score = _score(lines, i, start, address)
        if score is not None and score > best_score:
            best, best_score = i, score
    return best, best_score


def _could_be_headline(line: str) -> bool:
    return bool(_TITLE_SHAPE.match(line.strip())) and not line.rstrip().endswith((":", ","))


def _shares(words: set[str], slug: frozenset[str]) -> int:
    """Words shared with the slug, a word matching another that begins like it (Stellungnahme, -nahmen)."""
    return sum(1 for w in words if len(w) >= 4 and any(w.startswith(s) or s.startswith(w) for s in slug))


def _score(lines: list[str], i: int, start: int, address: AddressWords) -> float | None:
    line = lines[i].strip()
    if not _could_be_headline(line):
        return None
    words = _WORD.findall(line)
    shared = _shares({w.lower() for w in words}, address.slug)
    dated = (i > 0 and bool(_DATE_ONLY.match(lines[i - 1].strip()))) or (i + 1 < len(lines)
                                                                          and bool(_DATE_ONLY.match(lines[i + 1].strip())))
    short = 2 if shared or dated or i == start - 1 else 3  # "Aggression Fotografie" just above the body or by its date
    if len(words) < short or (line.endswith(".") and len(words) > 25) or _BYLINE.match(line) \
            or BREADCRUMB.match(line) or TAG_LINE.match(line) \
            or (i > 0 and _MEDIA_LABEL.match(lines[i - 1])):  # a trail of sections, a line of labels, a caption
        return None
    letters = re.sub(r"\W+", "", line.lower())
    score = 1.0 + 3.0 * shared - 0.04 * (start - i) + (0.5 if 5 <= len(words) <= 20 else 0.0)
    score -= 3.0 if any(name in letters for name in address.site) else 0.0  # "Werben auf MOPO.de": the site's
    titled = _SITE_SUFFIX.match(line)
    score -= 3.0 if titled and titled.group(1) in lines else 0.0  # "Headline | Site", the headline itself below
    score += 2.0 if len(words) >= 5 and _repeated(lines, i) else 0.0  # the headline, repeated by the page
    sentence = line.endswith(".") and not _ABBREVIATED.search(line)  # "… after Cold Wave Alert Tues." is no sentence
    score -= 1.5 if sentence and len(words) >= 4 else 0.0  # a sentence: a caption, a teaser
    score -= 2.0 if sentence and len(words) > 12 else 0.0
    score -= 4.0 if _is_caption(line) else 0.0  # a picture's caption
    score -= 2.0 if _PERSON_AND_TITLE.match(line) else 0.0  # a byline: "Jane Roe, Staff Writer"
    score += 1.5 if any(_BYLINE_OR_DATE.search(lines[k]) and (k < start or len(lines[k]) < 60)
                        for k in range(i + 1, min(i + 7, len(lines)))) \
        or (i > 0 and _DATE_ONLY.match(lines[i - 1].strip())) else 0.0  # a blog prints the date above the title
    score -= 2.0 if _NUMERIC_DATE.search(line) else 0.0  # "Jane Roe – 14.09.2022 – Column": a byline
    score -= 1.5 if line[:1].islower() else 0.0  # a sentence's or a list's line
    score -= 1.5 if len(line) > 150 else 0.0  # a standfirst or a paragraph
    score -= 3.0 if not line[:1].isalnum() and line[:1] not in "\"“«„'‘¿¡" else 0.0  # "& Sylvia …": a line's tail
    if len(words) >= 5 and _is_standfirst(lines, i + 1):
        score += 1.0  # a headline, its standfirst below it
    if _is_standfirst(lines, i) and len(_WORD.findall(lines[i - 1])) >= 5 and not _is_caption(lines[i - 1]):
        score -= 1.0  # the standfirst, its headline above it
    return score


def _repeated(lines: list[str], i: int) -> bool:
    """The page prints line i again, alone or after its section's name ("Montréal La fin des …")."""
    line, tail = lines[i], " " + lines[i].strip()
    return any(k != i and (other == line or other.endswith(tail)) for k, other in enumerate(lines))


def _is_caption(line: str) -> bool:
    return bool(_CREDIT.search(line) or CREDITED.search(line))


def _is_standfirst(lines: list[str], i: int) -> bool:
    """A title-shaped line of four words or more that is not a sentence, a byline or a date."""
    if not 0 < i < len(lines):
        return False
    line = lines[i].strip()
    return _could_be_headline(line) and len(_WORD.findall(line)) >= 4 and not line.endswith(".") \
        and not _BYLINE_OR_DATE.search(line) and _could_be_headline(lines[i - 1].strip())

"""Where the article is in a whole web page pasted as text: its headline, and the run of paragraphs
that is its body, found among navigation, share bars, related links, comment forms and footers.

Each line is classified the way jusText classifies the blocks of an HTML page (length and the share
of the language's stop words, with jusText's stop-word lists): prose is long and full of function
words, page chrome is short or made of names. The body is the largest run of prose lines with short
gaps (subheadings, one-line paragraphs, code), joined with the runs beyond a box of the page; the
headline is found above it (headline.py). Lines are only located here; wholepage.py records what it
sets aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .headline import CREDITED, AddressWords, address_words, best_headline
from .shapes import BREADCRUMB, EMOTICON, author_notes

# jusText's defaults (a paragraph of prose), for lines of pasted text
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOPWORDS_LOW, STOPWORDS_HIGH = 0.30, 0.32
MAX_GAP = 3  # lines that are not prose, between two that are, still inside the body
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LANGUAGES = {"en": "English", "de": "German", "fr": "French", "ru": "Russian", "es": "Spanish", "it": "Italian",
              "uk": "Ukrainian", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "tr": "Turkish", "hy": "Armenian",
              "az": "Azerbaijani", "ka": "Georgian", "sv": "Swedish", "da": "Danish", "cs": "Czech"}


@dataclass(frozen=True)
class Extent:
    """Indexes into the lines: the headline (None if none was found), the body, start to end
    (exclusive), the boxes inside the body that are the page's (start, end), such as a "Related"
    or "Most read" list between two of its paragraphs, and the notes on the authors anywhere on the page."""

    headline: int | None
    start: int
    end: int
    boxes: tuple[tuple[int, int], ...] = ()
    notes: frozenset[int] = frozenset()


@lru_cache(maxsize=32)
def stop_words(language: str) -> frozenset[str]:
    """jusText's stop words for `language` (an ISO code), with English's for a language it lacks."""
    import justext

    name = _LANGUAGES.get(language.split("-")[0], "English")
    try:
        return frozenset(justext.get_stoplist(name))
    except ValueError:
        return frozenset(justext.get_stoplist("English"))


def is_whole_page(lines: list[str]) -> bool:
    """A paste of a whole page, not of an article alone: a run of navigation (six short lines or more)
    before the first paragraph; or, on a longer page, many lines, most of them short, or three
    headings of the page's boxes (Related, Comments, Read more)."""
    first_paragraph = next((i for i, line in enumerate(lines) if len(line) >= 100), len(lines))
    navigation = sum(1 for line in lines[:first_paragraph] if len(line) < 40) >= 6
    if len(lines) < 20:
        return navigation and first_paragraph < len(lines)  # a short page: its menu above the article
    short = sum(1 for line in lines if len(line) < 40)
    return short >= 0.4 * len(lines) or navigation or sum(1 for line in lines if ends_article(line)) >= 3


def classify(lines: list[str], language: str) -> list[str]:
    """`good` (prose), `near` (almost), `short`, `bad` or `code` for each line, by its own length and
    share of stop words; a line's neighbours are weighed later, where the body is extended past short gaps."""
    words_of = stop_words(language)
    classes = []
    for line in lines:
        words = [w.lower() for w in _WORD.findall(line)]
        density = sum(w in words_of for w in words) / len(words) if words else 0.0
        if looks_like_code(line):
            classes.append("code")
        elif CREDITED.search(line) or BREADCRUMB.match(line):
            classes.append("bad")  # a caption, a trail of the site's sections
        elif len(line) < LENGTH_LOW:
            classes.append("short")
        elif density >= STOPWORDS_HIGH and len(line) >= LENGTH_HIGH:
            classes.append("good")
        elif density >= STOPWORDS_LOW:
            classes.append("near" if len(line) < LENGTH_HIGH or density < STOPWORDS_HIGH else "good")
        else:
            classes.append("bad")
    return classes


def find_extent(lines: list[str], language: str, hints: tuple[str, ...] = (),
                ends: frozenset[int] = frozenset()) -> Extent | None:
    """The article's headline and body among `lines`; None when no body of prose is found. `ends`:
    lines known to end an article wherever they are (a comments heading)."""
    classes = classify(lines, language)
    notes = frozenset(author_notes(lines))
    stops = {i for i, line in enumerate(lines) if ends_article(line)} | notes | ends
    runs = _prose_runs(lines, classes, stops)
    if not runs:  # no paragraph long enough to be prose (a wire story in one-sentence paragraphs): sentences are
        classes = ["good" if _is_sentence(line, kind) else kind for line, kind in zip(lines, classes)]
        runs = _prose_runs(lines, classes, stops)
    if not runs:
        return None
    weights = [_weight(lines, classes, *run) for run in runs]
    address = address_words(hints)
    start, end = _join_neighbours(lines, runs, weights, _main_run(lines, runs, weights, address), stops)
    end = _take_in_tail(lines, classes, _extend_forward(lines, classes, end, stops), stops)
    headline = best_headline(lines, start, address)[0]  # above the body's core: the body never goes past it
    floor = headline + 1 if headline is not None else 0
    start = max(floor, _take_in_lead(lines, classes, max(floor, _extend_backward(lines, classes, start, stops))))
    return Extent(headline, start, end, _boxes(lines, classes, start, end, stops), notes)


HEADLINED = 5.0  # a headline scoring this much (headline.py) above a run: the run is likely the article


def _main_run(lines: list[str], runs: list[tuple[int, int]], weights: list[float], address: AddressWords) -> int:
    """The run that is the article's core: the one with most prose, weighed up when a line just above it
    looks much like the page's headline (a short article under its headline and byline, on a page
    whose forms and notices hold more prose than it does)."""
    least = 0.2 * max(weights)  # a run with less prose than this is not weighed up
    weighed = []
    for k, (run, weight) in enumerate(zip(runs, weights)):
        if weight >= least:
            headline, score = best_headline(lines, run[0], address)
            if headline is not None and (k == 0 or headline >= runs[k - 1][1]):  # not another run's headline
                weight *= 1 + max(0.0, score - HEADLINED) / 2
        weighed.append(weight)
    return max(range(len(runs)), key=weighed.__getitem__)


BOX_GAP = 12  # a box of the page between two parts of the article: at most this many lines
PART_WEIGHT = 300  # and the part beyond it holds at least this much prose (two paragraphs)


def _join_neighbours(lines: list[str], runs: list[tuple[int, int]], weights: list[float], best: int,
                     stops: set[int]) -> tuple[int, int]:
    """The largest run, joined with the runs before and after it that are cut off from it only by a
    short box of the page (an advertisement, a "Related" or "Most read" list, a newsletter form), by a
    few lines with no such box (the pictures and headings of a list article), or by a list or table
    of any length with no end marker, when what lies beyond it is several paragraphs long."""
    start, end = runs[best]
    k = best - 1
    while k >= 0:
        if not _joins(lines, weights[k], runs[k][1], start, stops):
            k = _large_part(lines, runs, weights, range(k, -1, -1), start, stops)
            if k is None:
                break
        start, k = runs[k][0], k - 1
    k = best + 1
    while k < len(runs):
        if not _joins(lines, weights[k], end, runs[k][0], stops):
            k = _large_part(lines, runs, weights, range(k, len(runs)), end, stops)
            if k is None:
                break
        end, k = runs[k][1], k + 1
    return start, end


def _joins(lines: list[str], weight: float, gap_start: int, gap_end: int, stops: set[int]) -> bool:
    """Whether a run of this much prose, beyond the gap, is the article's too."""
    if gap_end - gap_start <= 2 * MAX_GAP and _unbroken(lines, stops, gap_start, gap_end):
        return True  # not across a box, nor across the dated teasers of other articles
    return gap_end - gap_start <= BOX_GAP and weight >= PART_WEIGHT


LARGE_PART = 1000  # prose enough for several paragraphs


def _large_part(lines: list[str], runs: list[tuple[int, int]], weights: list[float], order: range, edge: int,
                stops: set[int]) -> int | None:
    """The nearest run in `order` (away from the body's `edge`) holding several paragraphs, when
    nothing between it and the body ends an article."""
    for k in order:
        if weights[k] >= LARGE_PART:
            gap = (runs[k][1], edge) if runs[k][0] < edge else (edge, runs[k][0])
            return k if _unbroken(lines, stops, *gap) else None
    return None


def _unbroken(lines: list[str], stops: set[int], start: int, end: int) -> bool:
    """No end marker between `start` and `end`, and no dated line (the teasers of other articles)."""
    return not any(k in stops or _DATED.search(lines[k]) for k in range(start, end))


def _boxes(lines: list[str], classes: list[str], start: int, end: int, stops: set[int]) -> tuple[tuple[int, int], ...]:
    """Inside the body, each line that heads a box of the page and the lines after it up to the next
    paragraph of prose."""
    boxes = []
    for i in sorted(s for s in stops if start <= s < end):
        if boxes and i < boxes[-1][1]:
            continue
        following = next((k for k in range(i + 1, end) if _is_prose(lines, classes, k)), end)
        boxes.append((i, following))
    return tuple(boxes)


def _weight(lines: list[str], classes: list[str], start: int, end: int) -> float:
    """How much prose a run holds: its good lines, and half its nearly good ones."""
    prose = [i for i in range(start, end) if classes[i] in ("good", "near")]
    if not prose:
        return 0.0
    sentences = sum(1 for i in prose if _ENDS_SENTENCE.search(lines[i])) / len(prose)
    return sentences * sum(len(lines[i]) * (1.0 if classes[i] == "good" else 0.5) for i in prose)


_ENDS_SENTENCE = re.compile(r"[.!?…:;\"'”»)\]]\s*$")


def _prose_runs(lines: list[str], classes: list[str], stops: set[int]) -> list[tuple[int, int]]:
    """Runs of lines that begin and end with prose, with gaps of at most MAX_GAP other lines and no
    end marker."""
    runs: list[tuple[int, int]] = []
    for i in (i for i in range(len(lines)) if _is_prose(lines, classes, i)):
        between = range(runs[-1][1], i) if runs else range(0)
        if runs and sum(classes[k] != "code" for k in between) <= MAX_GAP and not stops & set(between):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _take_in_lead(lines: list[str], classes: list[str], start: int) -> int:
    """Sentences just above the body that are too short or too plain to count as prose on their own
    (a lede in bold, a one-line paragraph) are part of it."""
    while start > 0 and _is_sentence(lines[start - 1], classes[start - 1]):
        start -= 1
    return start


def _take_in_tail(lines: list[str], classes: list[str], end: int, stops: set[int]) -> int:
    """The same for the last paragraphs ("Amazon is expected to appeal."), the code or the list that a
    sentence ending in a colon introduces, a smiley, and a last section under its subheading."""
    in_list = False
    while end < len(lines) and end not in stops:
        introduced = lines[end - 1].rstrip().endswith((":", "："))
        in_list = (introduced or in_list) and _is_list_item(lines[end])
        if _is_sentence(lines[end], classes[end]) or in_list or EMOTICON.match(lines[end].strip()):
            end += 1
        elif _is_subheading(lines[end]) and end + 1 < len(lines) and end + 1 not in stops \
                and _is_sentence(lines[end + 1], classes[end + 1]):
            further = _take_in_tail(lines, classes, end + 2, stops)  # a section: more than one sentence
            return further if further > end + 2 else end
        elif classes[end] == "code" and (introduced or classes[end - 1] == "code"):
            end += 1
        else:
            break
    return end


def _is_subheading(line: str) -> bool:
    """A heading inside an article: one to six words, capitalised, no full stop."""
    text = line.strip()
    return 1 <= len(_WORD.findall(text)) <= 6 and text[:1].isupper() and text[-1:].isalnum()


def _is_list_item(line: str) -> bool:
    """A point of a list: three words or more, as long as a paragraph at most, no link's arrow or
    separator ("No comments »", "RSS · Trackback")."""
    return len(_WORD.findall(line)) >= 3 and len(line) <= LENGTH_HIGH * 2 and not CREDITED.search(line) \
        and not _LINK_MARKS.search(line)


_LINK_MARKS = re.compile(r"[»›→]\s*$| [·|•] ")
_OPENING = "\"“„«‘'—–¿¡"  # a quotation's or a dialogue's first mark


def _is_sentence(line: str, kind: str) -> bool:
    if kind == "short":  # "Like this one.", "In short:", "“We agreed,” she said."
        return len(line) >= 30 and len(line.split()) >= 5 and (line[:1].isupper() or line[:1] in _OPENING) \
            and line.rstrip()[-1:] in ".!?:"
    return kind in ("near", "bad") and len(line) >= 40 and line.rstrip()[-1:] in ".!?…\"”»):"


# A line of code or of a shell session: few letters, a comment mark or a prompt at its start, a command
# and its options, an assignment, a call, a brace.
_CODE = re.compile(r"^\s*(?:#|//|\$ |>>> |\.\.\. |[{}\]\[]|<[a-z/])|^\S+ +--?[A-Za-z]|\s=\s|==|->|=>|;\s*$|[{}]\s*$|"
                   r"^[\w.]+\([^ ]*\)\s*$|\$\{?[A-Za-z_]|^- [.~/]|^[a-z_]+:$|"
                   r"^(?:[|│]\s*)*(?:\|--|[├└]──)|^[a-z_.][\w.-]*/$")  # a directory tree: "| |-- bin/", "├── src/", "venv/"


def looks_like_code(line: str) -> bool:
    """A line of code rather than of prose or of a menu."""
    text = line.strip()
    if not text:
        return False
    letters = sum(ch.isalpha() for ch in text)
    return bool(_CODE.search(text)) or (len(text) >= 6 and letters / len(text.replace(" ", "")) < 0.55
                                         and bool(_CODE_MARKS.search(text)))


_CODE_MARKS = re.compile(r"[=(){}\[\]<>/\\;_*#$]")
# a time, or a date with day, month and year: the line of a teaser or of a comment
_DATED = re.compile(r"\b\d{1,2}:\d\d(?!\d)|\b\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d\b|"
                    r"\b[A-Z][A-Za-zä]{2,8}\.? \d{1,2},? (?:19|20)\d\d\b|\b\d{1,2}\.? [A-Z][A-Za-zäé]{2,8}\.? (?:19|20)\d\d\b")


FAR = 10  # this many lines without prose: the article is over (or has not begun)


def _is_prose(lines: list[str], classes: list[str], i: int) -> bool:
    return classes[i] == "good" or (classes[i] == "near" and len(lines[i]) >= 100)


def _extend_forward(lines: list[str], classes: list[str], end: int, stops: set[int]) -> int:
    """The body goes on past short gaps (lists, code, pictures) until an end marker or a long stretch
    without prose."""
    gap = 0
    for i in range(end, len(lines)):
        if i in stops and not _article_goes_on(lines, classes, i):
            break
        if _is_prose(lines, classes, i):
            end, gap = i + 1, 0
        elif classes[i] != "code":  # a listing inside the article, however long, is no gap
            gap += 1
            if gap >= FAR:
                break
    return end


def _article_goes_on(lines: list[str], classes: list[str], i: int) -> bool:
    """A newsletter box or a "read more" link inside the article: two full paragraphs follow it."""
    following = range(i + 1, min(len(lines), i + 11))
    return sum(1 for k in following if classes[k] == "good" and len(lines[k]) >= LENGTH_HIGH) >= 2


def _extend_backward(lines: list[str], classes: list[str], start: int, stops: set[int]) -> int:
    gap = 0
    for i in range(start - 1, -1, -1):
        if i in stops:
            break
        if _is_prose(lines, classes, i):
            start, gap = i, 0
        elif classes[i] != "code":
            gap += 1
            if gap >= FAR - 2:
                break
    return start


@lru_cache(maxsize=1)
def _end_phrases() -> dict[str, frozenset[str]]:
    from importlib import resources

    import yaml

    text = resources.files("dossier").joinpath("data/page_chrome.yaml").read_text(encoding="utf-8")
    return {code: frozenset(phrase.lower() for phrase in phrases) for code, phrases in yaml.safe_load(text).items()}


def ends_article(line: str) -> bool:
    """A short line that is a related-links, comments, share or newsletter heading, in any language."""
    if len(line) > 60:
        return False
    key = line.strip().strip(":.!|·•›»>–— *").lower()
    label = re.split(r"[:/]", key)[0].strip() if ":" in key or "/" in key else None  # "Filed Under: Baby", "Über den Autor/ die Autorin"
    return any(key in phrases or label in phrases for phrases in _end_phrases().values()) \
        or bool(_FORM_FIELD.match(line.strip()))


# A comment form's fields: "Name *", "E-Mail *", "Website"
_FORM_FIELD = re.compile(r"^(?:name|e-?mail|website|webseite|site web|comment|kommentar|commentaire|nom|"
                         r"имя|комментарий)\s*\*\s*$", re.IGNORECASE)

"""A whole web page pasted as text: the article's headline and body found among the page's chrome
(extent.py, headline.py), the lines between headline and body sorted into date, byline, standfirst
and lede, and the page's publication date looked for where pages print it; every other line recorded
as page chrome, never lost."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from .dated import find_dated_mentions
from .dates import parse_dateline
from .extent import Extent, ends_article, find_extent
from .shapes import BY_ALONE, BYLINE, CAPTION, NAME, TAG_LINE, is_name_line, is_standfirst, split_dated_byline
from .markdown import body_blocks
from .model import Removed, SiteConfig
from .units import Unit, escape_markdown


def set_page_chrome_aside(units: list[Unit], language: str, site: SiteConfig, hints: tuple[str, ...],
                          set_aside: dict[int, str] | None = None) -> tuple[list[Unit], tuple[Removed, ...], str]:
    """A whole page pasted: what stands between the headline and the body that is a date, a byline or
    a standfirst, and the body (extent.py), with the headline; every other line is recorded as page
    chrome. `set_aside`: the lines already recorded as boilerplate, by line, with their kind: a comments
    heading ends the article wherever it is; a related list, a newsletter box or a share bar, what
    follows the article's last paragraph."""
    set_aside = set_aside or {}  # of which the comments headings are among the units
    extent = find_extent([u.plain for u in units], language, hints,
                         frozenset(i for i, u in enumerate(units) if set_aside.get(u.line) == "comments"))
    if extent is None:
        return [u for u in units if u.line not in set_aside], (), ""
    first = extent.headline if extent.headline is not None else extent.start
    languages = tuple(dict.fromkeys((language, "en")))
    if extent.headline is not None:
        extent = replace(extent, start=_past_byline(units, extent, languages, site))
    head = [units[first]] if extent.headline is not None else []
    removed = [Removed(u.plain, "page chrome before the article", u.line) for u in units[:first]]
    noted = {units[i].line for i in extent.notes}  # what the page says of its authors
    credits, standfirst, lede, chrome = _sort_head(units, first, extent, noted, languages, site) if head \
        else ([], [], [], [])
    head += credits
    removed += chrome
    inside = [(unit, any(a <= extent.start + k < b for a, b in extent.boxes))
              for k, unit in enumerate(units[extent.start:extent.end])]
    removed += [Removed(u.plain, "page chrome inside the article", u.line) for u, boxed in inside if boxed]
    tail = _tail(units, extent, noted, set_aside)
    after = [u for u in units[extent.end:] if u not in tail]
    body = [u for u, boxed in inside if not boxed]
    if head and not any(parse_dateline(u.plain, languages, site.date_order) for u in head[1:]):
        date = _page_date(units, first, extent, after, languages, site)
        if date and parse_dateline(date.plain, languages, site.date_order):  # a date line of its own: moved
            lede, body, tail, after = ([u for u in part if u.line != date.line] for part in (lede, body, tail, after))
        if date:
            head.insert(1, date)
    removed += [Removed(u.plain, "page chrome after the article", u.line) for u in after]
    kept = [u for u in head[1:] + standfirst + lede + body + tail if u.line not in set_aside]
    return kept, tuple(r for r in removed if r.line not in set_aside), head[0].plain if head else ""


def _sort_head(units: list[Unit], first: int, extent: Extent, noted: set[int], languages,
               site: SiteConfig) -> tuple[list[Unit], list[Unit], list[Unit], list[Removed]]:
    """The lines between the headline and the body: its dates and bylines, its standfirst, the
    sentences of the article (and tag lines, read with the body), and the page's chrome."""
    between = [part for unit in _bylines_joined(units[first + 1:extent.start])
               for part in split_dated_byline(unit, languages, site.date_order)]
    dated = [bool(parse_dateline(unit.plain, languages, site.date_order)) for unit in between]
    credits, standfirst, lede, chrome = [], [], [], []
    for number, unit in enumerate(between):
        if number == 0 and is_standfirst(unit.plain, units[extent.start:]):
            standfirst.append(unit)  # read after the byline and date, with the body below it
        elif dated[number] or BYLINE.match(unit.plain) \
                or (is_name_line(unit.plain) and any(dated[max(0, number - 1):number + 2])):  # a name by the date
            credits.append(unit)
        elif (_is_prose_sentence(unit.plain) and not CAPTION.match(unit.plain) and unit.line not in noted) \
                or TAG_LINE.match(unit.plain):
            lede.append(unit)  # a sentence between headline and body: the article's, kept; the tags, read with the body
        else:
            chrome.append(Removed(unit.plain, "page chrome before the article", unit.line))
    return credits, standfirst, lede, chrome


def _tail(units: list[Unit], extent: Extent, noted: set[int], set_aside: dict[int, str]) -> list[Unit]:
    """Sentences after the body and before anything that ends an article: the article's too."""
    tail = []
    last = units[extent.end - 1].line
    ended = sorted(line for line, kind in set_aside.items() if kind in _AFTER_ARTICLE)
    for unit in units[extent.end:extent.end + 25]:
        if ends_article(unit.plain) or unit.line in noted or bisect_left(ended, unit.line) > bisect_left(ended, last):
            break  # an end marker, or a related list, a share bar or a newsletter box set aside above this line
        if _is_prose_sentence(unit.plain) and not CAPTION.match(unit.plain):
            tail.append(unit)
    return tail


_AFTER_ARTICLE = {"comments", "related", "newsletter", "donation", "social", "promotion", "recruitment"}


def _page_date(units: list[Unit], headline: int, extent: Extent, after: list[Unit], languages,
               site: SiteConfig) -> Unit | None:
    """The publication date of a whole page, as a dateline unit: in a short line by the headline
    ("1. November 2023 Bockenem", "CONSERVATISM MAY 16, 2020"), under the article ("Créé: 12.12.2019,
    07h36"), or in a labelled line anywhere ("Written by Jo Roe on July 27, 2017")."""
    written = _date_written_in(_around_headline(units, headline, extent.start), languages, site)
    if written:
        return next((u for u in units if u.line == written.line and parse_dateline(u.plain, languages,
                                                                                    site.date_order)), written)
    labelled = [u for u in after[:4] if _CREATED.match(u.plain)]
    dated = next((u for u in labelled if parse_dateline(_CREATED.sub("", u.plain), languages, site.date_order)), None)
    if dated:
        return Unit(dated.line, dated.text, _CREATED.sub("", dated.plain))
    return _date_written_in(labelled, languages, site) \
        or labelled_date_in_page(units[:extent.end + 4], languages, site)  # not from the comments below


def _past_byline(units: list[Unit], extent: Extent, languages, site: SiteConfig) -> int:
    """Where the body starts when its first paragraph is a standfirst over the byline or the date (a
    line or two, then "By Jo Roe" or "Published on 26 September 2023"): past them and the short lines
    under them ("3 min read")."""
    def credits(unit: Unit) -> bool:
        return bool(BYLINE.match(unit.plain) or parse_dateline(unit.plain, languages, site.date_order)
                    or (_LABELLED.match(unit.plain) and len(unit.plain) < 150))

    for k in range(extent.start + 1, min(extent.start + 3, extent.end)):
        if credits(units[k]):
            while k < extent.end and (len(units[k].plain) < 60 or credits(units[k])):
                k += 1
            return k
    return extent.start


def _bylines_joined(units: list[Unit]) -> list[Unit]:
    """The units, with a byline printed on two lines ("By" and the name under it) made one."""
    joined: list[Unit] = []
    for unit in units:
        if joined and BY_ALONE.match(joined[-1].plain) and NAME.fullmatch(unit.plain.strip()):
            last = joined.pop()
            unit = Unit(last.line, f"{last.text} {unit.text}", f"{last.plain} {unit.plain}")
        joined.append(unit)
    return joined


def _is_prose_sentence(text: str) -> bool:
    """A line that reads as a sentence of the article: long enough, with words, ending as sentences do."""
    return len(text) >= 60 and len(text.split()) >= 8 and text.rstrip()[-1:] in ".!?…\"”»)"


def _around_headline(units: list[Unit], headline: int, start: int) -> list[Unit]:
    """The short lines nearest the headline, nearest first: between it and the body, the body's first
    lines, and the few just above it (never the top of the page, where a site prints today's date)."""
    below = [u for k, u in enumerate(units[headline + 1:start + 8], headline + 1) if not _embedded(units, k)]
    above = units[max(0, headline - 3):headline][::-1]
    order = [unit for pair in zip(below, above) for unit in pair] + below[len(above):] + above[len(below):]
    return [u for u in order if len(u.plain) <= 100 and not _is_prose_sentence(u.plain)]


# An embedded post's signature, "— Jo Roe (@joroe) September 19, 2023": the post's date, not the page's
_EMBED = re.compile(r"^\s*[—–-]\s*[^()]{1,80}\(@\w{1,30}\)")


def _date_written_in(units: list[Unit], languages, site: SiteConfig) -> Unit | None:
    """The first date with day, month and year written in a short line, as a dateline of its own."""
    for unit in units:
        if len(unit.plain) > 120:
            continue
        text = _unglued(unit.plain)
        found = [d for d in find_dated_mentions("", body_blocks(escape_markdown(text)), None, languages, (), {},
                                                site.date_order) if d.date.precision == "day"]
        if found and not _in_a_sentence(text, found[0].text):
            return Unit(unit.line, escape_markdown(found[0].text), found[0].text)
        numeric = parse_dateline(text, languages, site.date_order)  # "19.10.19, 08:16 Uhr"
        if numeric and numeric.precision == "day":
            return Unit(unit.line, escape_markdown(text), text)
    return None


def _in_a_sentence(line: str, date: str) -> bool:
    """The date is told in a sentence ("Protesters outside parliament on 12 May 2023"): an event's,
    not the page's, unless only a label or a byline stands before its preposition ("Updated on …")."""
    before = line[:line.find(date)] if date in line else ""
    preposition = _BEFORE_DATE.search(before)
    return bool(preposition) and not _LABEL_ONLY.match(before[:preposition.start()])


# a preposition just before a date, and what may stand before it in a dateline: a label, a byline
_BEFORE_DATE = re.compile(r"\b(?:on|since|until|till|from|before|after|am|seit|bis|vom|ab|le|depuis|dès|el|desde|"
                          r"hasta|с|до|после|от)\s*$", re.IGNORECASE)
_LABEL_ONLY = re.compile(r"^\s*(?:(?:published|posted|updated|last updated|modified|created|written|erstellt|"
                         r"aktualisiert|veröffentlicht|geändert|publié|mis à jour|modifié|actualizado|publicado|"
                         r"обновлено|опубликовано|stand)\b[\s:]*|"
                         r"(?:(?:written|posted|reported)\s+)?(?:by|von|par|por)\s.{1,60})?$", re.IGNORECASE)


def _embedded(units: list[Unit], k: int) -> bool:
    """units[k] signs an embedded post under its cut text ("… belastet…" / "Posted by Jo Roe on …"), or
    is a post's signature ("— Jo Roe (@joroe) September 19, 2023"): the post's date, not the page's."""
    return bool(_EMBED.match(units[k].plain)) or (k > 0 and bool(_LABELLED.match(units[k].plain))
                                                  and units[k - 1].plain.rstrip().endswith(("…", "...")))


def labelled_date_in_page(units: list[Unit], languages, site: SiteConfig) -> Unit | None:
    """The publication date a labelled line gives anywhere on the page ("Published: 3 December 2019",
    "Written by Jo Roe on July 27, 2017"), when all such lines give the same day; not the signature of
    an embedded post under its cut text ("… belastet…" / "Posted by Jo Roe on Monday, February 7, 2022")."""
    dated = [_date_written_in([u], languages, site) for k, u in enumerate(units)
             if len(u.plain) <= 120 and _LABELLED.match(u.plain) and not _embedded(units, k)]
    days = {d.plain for d in dated if d}
    return next(d for d in dated if d) if len(days) == 1 else None


# Two dates glued by the paste ("1. November 20231. November 2023"), a name glued to a month
# ("Jo RoeNovember 6, 2023"): a space between them.
_GLUED = re.compile(r"(?<=\b(?:19|20)\d\d)(?=\d{1,2}\.?\s)|(?<=[a-z])(?=(?:January|February|March|April|May|June|"
                    r"July|August|September|October|November|December|Januar|Februar|März|Juni|Juli|Oktober|"
                    r"Dezember)\b)")


def _unglued(text: str) -> str:
    return _GLUED.sub(" ", text)


_LABELLED = re.compile(r"^(?:published|posted|written by\b.{1,60}?\bon|by\b.{1,60}?\bon|veröffentlicht|publié|"
                       r"erstellt|опубликовано)\b", re.IGNORECASE)


# "Created:", "Erstellt:", "Publié le": a date line's label
_CREATED = re.compile(r"^(?:created|erstellt|publié(?: le)?|créé|veröffentlicht(?: am)?|mis à jour(?: le)?|"
                      r"aktualisiert(?: am)?|stand|published|posted|опубликовано)\s*:\s*", re.IGNORECASE)

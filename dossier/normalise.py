"""Normalise one article: a RawDocument in, an Article (front matter fields + clean Markdown body) out.

Pasted web text is read as a sequence of units (units.py: lines, or Markdown blocks); a whole page
pasted first has its chrome set aside (wholepage.py). The head of the text gives
title, dateline, category line, byline and standfirst; the body keeps paragraphs and subheadings and
loses captions, source lines and site boilerplate, each recorded in `Article.removed` or
`Article.captions`, never dropped. What front matter states wins and is never re-detected.
Pure: no I/O, no knowledge of other articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from slugify import slugify

from .boilerplate import Rule, match_rule
from .dates import parse_dateline
from .extent import is_whole_page
from .frontmatter import FrontMatter, read_front_matter
from .heads import BYLINE, CAPTION, is_standfirst
from .language import detect_language
from .markdown import link_title
from .model import Article, Caption, PartialDate, Problem, Removed, SiteConfig
from .readers import RawDocument
from .units import TERMINAL, Unit, escape_markdown, markdown_units, plain_units
from .urls import safe_slug
from .wholepage import labelled_date_in_page, set_page_chrome_aside


@dataclass(frozen=True)
class Head:
    title: str = ""
    subtitle: str = ""
    date: PartialDate | None = None
    date_source: str | None = None
    tags: tuple[str, ...] = ()
    author: str = ""
    source: str = ""  # the publication a byline names
    url: str = ""  # the page's address, pasted above its text


_BREADCRUMB = re.compile(r"^[^>»›/]{1,40}(?:\s[>»›/]\s[^>»›/]{1,40}){2,6}$")
_TAG_LINE = re.compile(r"^(?:tags|topics|keywords|filed under|categories|schlagworte|mots-clés|теги|ключевые слова)"
                       r"\s*:\s*(.{1,200})$", re.IGNORECASE)
_CATEGORY_PREFIX = re.compile(r"^(?:\|\s*|(?:tags|categories|category|topics|filed under|рубрики?|теги)\s*:\s*)",
                              re.IGNORECASE)
_BYLINE_ROLE = re.compile(r"^([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}),\s*(?:\w+\s+){0,2}"
                          r"(?:reporter|correspondent|writer|editor|journalist|columnist)$", re.IGNORECASE)
_ADDRESS = re.compile(r"^https?://[^\s/]+\.[^\s/]+(?:/\S*)?$")
_MEDIA_LINE = re.compile(r"^(?:image|media|video) (source|caption),\s*(\S.*)$", re.IGNORECASE)  # as the BBC labels them
_SECTION = re.compile(r"^[A-ZА-ЯЁ][\w'’-]*(?: (?:&|[A-ZА-ЯЁ][\w'’-]*))?$")  # "World", "BBC News", "Middle East"
_NAME_IN_PLACE = re.compile(r"^((?:[A-Z]\.|[A-Z][\w'’-]*)(?: (?:[A-Z]\.|[A-Z][\w'’-]*)){1,3})"
                            r" in [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?$")  # "Andrew Roth in Moscow"
_CAPITALS = re.compile(r"\b[A-ZА-ЯЁ]{2,}\b")  # CSTO, NATO: in a headline, not in a name
_NAME_LINE = re.compile(r"^(?:[A-ZА-ЯЁ]\.|[A-ZА-ЯЁ][\w'’-]*)(?: (?:[A-ZА-ЯЁ]\.|[A-ZА-ЯЁ][\w'’-]*)){1,3}$")  # "A. Hakobyan"
_UNTITLED_PICTURE = re.compile(r"^(!\[[^\]\n]*\]\([^\s()]+)\)$")  # a paragraph that is one picture
_BULLET = re.compile(r"^[•▪●◦·∙]\s*")
_KICKER = re.compile(r"^(?:[A-ZА-ЯЁ]{3,}(?:\s+[A-ZА-ЯЁ]{2,}){0,2}|[A-ZА-ЯЁ][a-zа-яё]+)$")
_QUOTE_MARKS = "“”\"«»„‘’"
_SOURCE_LINE = re.compile(r"^(?:источник|джерело|source|źródło|quelle|fuente|fonte|kaynak)\s*[:\-–]?\s*(\S.{0,80})$",
                          re.IGNORECASE)
_WIKI_EDIT = re.compile(r"\s*\\?\[edit\\?\]$")
_LEDE_DATELINE = re.compile(r"^[A-ZА-Я][\w .'’-]{1,30}(?:,\s*[\w .'’-]{1,30})?[,\s]+"
                            r"(.{6,32}?\d{4})\s*(?:\([^)]{1,30}\))?\s*[-–—]\s")
_PUBLISHED_IN_TEXT = re.compile(r"\b(?:published|posted|updated)(?: on)?:?\s+(\w+ \d{1,2},? \d{4}|\d{1,2} \w+,? \d{4}"
                                r"|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})", re.IGNORECASE)
# HTML with nothing a reader would see: comments, scripts and styles with what they hold, and tags.
_MARKUP = re.compile(r"<!--.*?(?:-->|$)|<(script|style)\b.*?(?:</\1\s*>|$)|</?[A-Za-z][^<>]*>", re.DOTALL | re.IGNORECASE)


def normalise_article(doc: RawDocument, site: SiteConfig, rules: tuple[Rule, ...],
                      shown: str) -> tuple[Article, list[Problem]]:
    """The clean Article for one read document, and any problems with it (`shown` names the file)."""
    front, problems = read_front_matter(doc.metadata, shown, site.language, site.date_order)
    language = front.text.get("language") or detect_language(doc.text, site.language)
    units = markdown_units(doc.text, doc.body_line) if doc.markdown else plain_units(doc.text, doc.body_line)
    whole_page = not doc.markdown and "title" not in front.given and is_whole_page([u.plain for u in units])
    units, removed = strip_boilerplate(units, rules)
    headline = ""
    if whole_page:
        units, chrome, headline = set_page_chrome_aside(units, language, site,
                                                        (doc.source_path, front.text.get("url", "")))
        removed += chrome
    head, units, head_removed = read_head(units, front, site, language, headline)
    title = front.text.get("title") or head.title
    body = read_body(units, doc.markdown, title)
    removed = tuple(sorted(front.removed + removed + head_removed + body.removed, key=lambda r: r.line or 0))
    if not title:
        title = PurePosixPath(doc.source_path).stem
        problems.append(Problem(shown, "no title found; put the title on the first line, or add "
                                "`title: ...` in front matter"))
    date = front.date or head.date
    article = Article(
        source_path=doc.source_path,
        slug=safe_slug(slugify(front.text.get("slug") or title, max_length=80, word_boundary=True) or "article"),
        title=title,
        body=body.markdown,
        subtitle=front.text.get("subtitle", "") if "subtitle" in front.given else head.subtitle,
        date=date,
        date_source=front.date_source if front.date else head.date_source,
        source=front.text.get("source") or body.source or head.source,
        url=front.text.get("url") or head.url or body.url,
        author=front.text.get("author") or head.author,
        language=language,
        tags=front.tags if "tags" in front.given else tuple(dict.fromkeys(head.tags + body.tags)),
        captions=front.captions + body.captions,
        notes=front.notes,
        corrections=front.corrections,
        entities=front.entities,
        entities_line=front.entities_line,
        removed=removed,
        extra=front.extra,
        original_file=doc.path,
        original_path=doc.source_path,
        format=doc.format,
    )
    if date is None:  # also when front matter says `date: null`: an undated article is never silent
        problems.append(Problem(shown, "no date found in the text; the article is listed as undated. Set it "
                                "with `date: YYYY-MM-DD` in front matter (`python build.py normalise FILE` "
                                "prints the article as Markdown with front matter to start from)",
                                severity="error" if site.require_dates else "warning"))
    return article, problems


def strip_boilerplate(units: list[Unit], rules: tuple[Rule, ...]) -> tuple[list[Unit], tuple[Removed, ...]]:
    """Drops lines that a rule calls boilerplate, and the link list after a 'See also'-type line."""
    kept, removed = [], []
    in_link_list = False
    for unit in units:
        if _WIKI_EDIT.search(unit.plain):  # "History[edit]": a wiki section heading and its edit link
            unit = Unit(unit.line, _WIKI_EDIT.sub("", unit.text), _WIKI_EDIT.sub("", unit.plain), unit.heading)
            removed.append(Removed("[edit]", "wiki chrome", unit.line))
        rule = match_rule(unit.plain, rules)
        if rule is None and in_link_list and len(unit.plain) <= 160 and not unit.plain.endswith(".") \
                and not _SOURCE_LINE.match(unit.plain):
            removed.append(Removed(unit.plain, "boilerplate: related links", unit.line))
            continue
        in_link_list = bool(rule and rule.tail)
        if rule:
            removed.append(Removed(unit.plain, f"boilerplate: {rule.kind}", unit.line))
        elif _is_punctuation_only(unit.plain):
            removed.append(Removed(unit.plain, "no words", unit.line))
        elif unit.text.lstrip().startswith("<") and not _MARKUP.sub("", unit.plain).strip():
            removed.append(Removed(unit.plain, "HTML markup", unit.line))  # a comment, an embed: never shown
        else:
            kept.append(unit)
    return kept, tuple(removed)


def _is_punctuation_only(text: str) -> bool:
    return not re.search(r"\w", text)


def read_head(units: list[Unit], front: FrontMatter, site: SiteConfig, language: str,
              headline: str = "") -> tuple[Head, list[Unit], tuple[Removed, ...]]:
    """Title, dateline, category line, byline and standfirst from the top of the text (`headline`:
    the title a whole pasted page was found to have).

    A field that front matter states is never looked for, so normalising twice changes nothing.
    """
    languages = tuple(dict.fromkeys((language, "en", "ru", "uk")))  # a Russian date line above an English text
    title = front.text.get("title", "") or headline
    fields: dict = {"title": headline} if headline and "title" not in front.given else {}
    decided = set(front.given)  # fields found so far, or stated by the editor
    removed: list[Removed] = []
    i = 0
    while i < min(len(units), 8):
        unit, plain = units[i], units[i].plain
        title_follows = bool(title) or (i + 1 < len(units) and _plausible_title(units[i + 1].plain))
        date = parse_dateline(plain, languages, site.date_order) if "date" not in decided else None
        byline = BYLINE.match(plain) or _BYLINE_ROLE.match(plain) if "author" not in decided else None
        if date:
            fields["date"], fields["date_source"] = date, "dateline"
            removed.append(Removed(plain, "dateline", unit.line))
        elif "date" in fields and parse_dateline(plain, languages, site.date_order):
            removed.append(Removed(plain, "dateline", unit.line))  # "Last modified on …" after the dateline
        elif title and _same_text(plain, title):
            removed.append(Removed(plain, "repeated title", unit.line))
        elif not title and _above_headline(units, i, "kicker" not in fields, languages, site):
            fields["kicker"] = plain
            kicker = plain.title() if plain.isupper() else plain
            fields["tags"] = tuple(dict.fromkeys((*fields.get("tags", ()), kicker)))
            removed.append(Removed(plain, "kicker", unit.line))
        elif "tags" not in decided and _is_category_line(plain, title_follows):
            fields["tags"] = _category_tags(plain)
            removed.append(Removed(plain, "category line", unit.line))
        elif byline:
            fields["author"] = byline.group(1)
            if byline.re is BYLINE and byline.group(2) and "source" not in decided:
                fields["source"] = byline.group(2)
            removed.append(Removed(plain, "byline", unit.line))
        elif "source" not in decided and _SECTION.match(plain) and _set_aside_just_above(removed, units, i, "byline"):
            fields["source"] = plain  # the publication under the author's name: "Paul Kirby / BBC News"
            removed.append(Removed(plain, "byline", unit.line))
        elif title and "author" not in decided and (_is_name_line(plain) or _NAME_IN_PLACE.match(plain)) and (
                _set_aside_just_above(removed, units, i, "dateline")
                or (i + 1 < len(units) and parse_dateline(units[i + 1].plain, languages, site.date_order))):
            # beside the dateline: "Joshua Kucera" over "Oct 3, 2023", or "Andrew Roth in Moscow"
            in_place = _NAME_IN_PLACE.match(plain)
            fields["author"] = in_place.group(1) if in_place else plain
            removed.append(Removed(plain, "byline", unit.line))
        elif not title and _BREADCRUMB.match(plain):
            removed.append(Removed(plain, "breadcrumb", unit.line))
        elif "url" not in decided and _ADDRESS.match(plain):
            fields["url"] = plain  # the page's address, pasted with its text
            removed.append(Removed(plain, "web address", unit.line))
        elif not title and _plausible_title(plain):
            title = fields["title"] = plain
        elif title and "subtitle" not in decided and "title" not in front.given \
                and is_standfirst(plain, units[i + 1:]) and not _MEDIA_LINE.match(plain):
            # under a title the editor stated, the text is the story: its first paragraph is never a subtitle
            fields["subtitle"] = plain
        else:
            break
        decided |= fields.keys()
        i += 1
    if "date" not in decided:
        for k, unit in enumerate(units[i:i + 3]):  # a date alone on its line, just below where the head ended
            if date := parse_dateline(unit.plain, languages, site.date_order):
                fields["date"], fields["date_source"] = date, "dateline"
                removed.append(Removed(unit.plain, "dateline", unit.line))
                units = units[:i + k] + units[i + k + 1:]
                break
        else:
            fields.update(_date_near_top(units[i:i + 3], languages, site.date_order))
    if "date" not in decided and "date" not in fields:
        labelled = labelled_date_in_page(units, languages, site)  # "Written by Jo Roe on July 27, 2017" below
        date = parse_dateline(labelled.plain, languages, site.date_order) if labelled else None
        if date:
            fields["date"], fields["date_source"] = date, "text"
    head = Head(**{k: fields[k] for k in ("title", "subtitle", "date", "date_source", "tags", "author", "source",
                                         "url") if k in fields})
    return head, units[i:], tuple(removed)


def _set_aside_just_above(removed: list[Removed], units: list[Unit], i: int, reason: str) -> bool:
    """The line just above units[i] was set aside as `reason`."""
    return i > 0 and bool(removed) and removed[-1].reason == reason and removed[-1].line == units[i - 1].line


def _above_headline(units: list[Unit], i: int, first_kicker: bool, languages, site: SiteConfig) -> bool:
    """units[i] is a kicker (`ANALYSIS`, only one) or one of a run of section names (`World` / `Europe`)
    above the headline."""
    plain, following = units[i].plain, units[i + 1:]
    if first_kicker and following and _KICKER.match(plain) and _is_headline(following[0].plain) \
            and len(following[0].plain) > len(plain) + 3:
        return True
    return bool(_SECTION.match(plain)) and _headline_after_sections(following[:5], languages, site)


def _headline_after_sections(following: list[Unit], languages, site: SiteConfig) -> bool:
    """Below a run of section names (World / Europe / Armenia), the headline: four words or more,
    not a date."""
    for unit in following:
        if _SECTION.match(unit.plain):
            continue
        return _is_headline(unit.plain) and len(unit.plain.split()) >= 4 \
            and not parse_dateline(unit.plain, languages, site.date_order)
    return False


def _is_name_line(text: str) -> bool:
    """Two to four capitalised words (or initials) that could be a person's name: not a headline with
    an acronym (Armenia Freezes CSTO Membership) nor a section label (Breaking News, Live Updates)."""
    return bool(_NAME_LINE.match(text)) and not _CAPITALS.search(text) \
        and not {word.casefold() for word in text.split()} & _LABEL_WORDS


_LABEL_WORDS = {"news", "live", "update", "updates", "breaking", "exclusive", "analysis", "opinion", "video", "photo",
                "photos", "world", "politics", "latest", "top", "stories", "editorial", "interview", "feature",
                "comment", "report", "special", "today", "morning", "evening", "monday", "tuesday", "wednesday",
                "thursday", "friday", "saturday", "sunday", "новости", "мнение", "интервью", "анализ", "видео"}


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().casefold() == re.sub(r"\W+", " ", b).strip().casefold()


def _is_category_line(text: str, title_follows: bool) -> bool:
    """`| News, Politics`, `Tags: a, b`, or a short list of capitalised names above a title."""
    if _CATEGORY_PREFIX.match(text):
        return True
    items = [item.strip() for item in text.split(",")]
    if len(items) < 2 or len(text) > 80 or text[-1] in TERMINAL or not title_follows:
        return False
    return all(item and len(item.split()) <= 4 and all(w[0].isupper() for w in item.split()) for item in items)


def _category_tags(text: str) -> tuple[str, ...]:
    items = (item.strip(" |") for item in re.split(r"[,|]", _CATEGORY_PREFIX.sub("", text)))
    return tuple(dict.fromkeys(item for item in items if item))


def _plausible_title(text: str) -> bool:
    return 0 < len(text) <= 250 and len(re.findall(r"[.!?]\s+[A-ZА-Я]", text)) == 0


def _is_headline(text: str) -> bool:
    """Looks like a headline rather than a sentence of prose: short, and no full stop at the end."""
    return _plausible_title(text) and len(text) <= 150 and not text.endswith(".")


def _date_near_top(units: list[Unit], languages, order) -> dict:
    """A dateline inside the lede (`MOSCOW, 10 November 2020 (Reuters) –`) or `published on ...`."""
    for unit in units:
        for pattern, how in ((_LEDE_DATELINE, "dateline"), (_PUBLISHED_IN_TEXT, "text")):
            match = pattern.search(unit.plain) if how == "text" else pattern.match(unit.plain)
            if match and (date := parse_dateline(match.group(1), languages, order)):
                return {"date": date, "date_source": how}
    return {}


@dataclass(frozen=True)
class Body:
    markdown: str
    captions: tuple[Caption, ...]
    source: str
    tags: tuple[str, ...]
    removed: tuple[Removed, ...]
    url: str = ""  # from a source line that gives an address


def read_body(units: list[Unit], markdown: bool, title: str) -> Body:
    """The body Markdown, with captions, pull quotes, tag lines and a source line taken out of it."""
    blocks, captions, removed, tags = [], [], [], []
    source = url = credit = ""
    for i, unit in enumerate(units):
        if not blocks and title and _same_text(unit.plain, title):  # the title again, once the lines above went
            removed.append(Removed(unit.plain, "repeated title", unit.line))
        elif match := _TAG_LINE.match(unit.plain):
            tags += _category_tags(match.group(1))
            removed.append(Removed(unit.plain, "tag line", unit.line))
        elif media := _MEDIA_LINE.match(unit.plain):  # "Image source, Getty Images" / "Image caption, …"
            if media.group(1).lower() == "source":
                credit = media.group(2)
            else:
                captions.append(Caption(media.group(2), credit))
                credit = ""
            removed.append(Removed(unit.plain, "photo caption", unit.line))
        elif match := _SOURCE_LINE.match(unit.plain):
            named = match.group(1).strip()
            if _ADDRESS.match(named):  # "Source: https://www.mil.ru/news/123": the address, and its site
                url = url or named
                named = urlsplit(named).hostname.removeprefix("www.")
            source = source or named
            removed.append(Removed(unit.plain, "source line", unit.line))
        elif blocks and (picture := _UNTITLED_PICTURE.match(blocks[-1])) and len(unit.plain) <= 300 \
                and not unit.heading and CAPTION.match(unit.plain):
            blocks[-1] = f"{picture.group(1)} {link_title(unit.plain)})"  # the caption under a picture
        elif not unit.heading and len(unit.plain) <= 300 and "](" not in unit.plain \
                and (match := CAPTION.match(unit.plain)):  # matched last: it costs ~65 ns a character
            captions.append(Caption(match.group(1).strip(), match.group(2).strip()))
            removed.append(Removed(unit.plain, "photo caption", unit.line))
        elif _is_pull_quote(unit.plain, units, i):
            removed.append(Removed(unit.plain, "pull quote (repeats the text)", unit.line))
        elif not markdown and _BULLET.match(unit.plain):
            item = "- " + escape_markdown(_BULLET.sub("", unit.plain))
            joined = blocks and blocks[-1].startswith("- ") and i > 0 and _BULLET.match(units[i - 1].plain)
            blocks[-1:] = [blocks[-1] + "\n" + item] if joined else blocks[-1:] + [item]
        elif not markdown and _is_subheading(unit.plain, units, i):
            blocks.append("## " + unit.text)
        else:
            blocks.append(unit.text)
    return Body("\n\n".join(blocks), tuple(captions), source, tuple(tags), tuple(removed), url)


def _is_pull_quote(text: str, units: list[Unit], i: int) -> bool:
    """A short quotation set apart that repeats words printed elsewhere in the article."""
    inner = text.strip(_QUOTE_MARKS + " ")
    if text[:1] not in _QUOTE_MARKS or len(inner) > 250 or len(inner.split()) < 4:
        return False
    return any(inner in other.plain for j, other in enumerate(units) if j != i and len(other.plain) > len(text))


def _is_subheading(text: str, units: list[Unit], i: int) -> bool:
    """A short line with no closing punctuation between two paragraphs."""
    if i == 0 or i + 1 >= len(units) or text[-1] in TERMINAL or text[0] in "“\"«–—-":
        return False
    words = text.split()
    following = next((u.plain for u in units[i + 1:i + 3] if not CAPTION.match(u.plain)), "")  # past a picture
    return 2 <= len(words) <= 12 and len(text) <= 90 and (text[0].isupper() or _NUMBERED.match(text) is not None) \
        and len(following) > 2 * len(text)


_NUMBERED = re.compile(r"^\d{1,3}\.\s+[A-ZА-ЯЁ]")  # "3. The farmers' square": an item of a list article


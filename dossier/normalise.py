"""Normalise one article: a RawDocument in, an Article (front matter fields + clean Markdown body) out.

Pasted web text is read as a sequence of units (units.py: lines, or Markdown blocks); a whole page
pasted first has its chrome set aside (wholepage.py). The head of the text gives title, dateline,
category line, byline and standfirst (head.py); the body keeps paragraphs and subheadings and
loses captions, source lines and site boilerplate, each recorded in `Article.removed` or
`Article.captions`, never dropped. What front matter states wins and is never re-detected.
Pure: no I/O, no knowledge of other articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from slugify import slugify

from .boilerplate import Rule, match_rule
from .extent import is_whole_page
from .frontmatter import read_front_matter
from .head import read_head
from .language import detect_language
from .markdown import link_title
from .model import Article, Caption, Problem, Removed, SiteConfig
from .readers import RawDocument
from .shapes import ADDRESS, CAPTION, EMOTICON, MEDIA_LINE, TAG_LINE, category_tags, same_text
from .units import TERMINAL, Unit, escape_markdown, markdown_units, plain_units
from .urls import safe_slug
from .wholepage import set_page_chrome_aside


_UNTITLED_PICTURE = re.compile(r"^(!\[[^\]\n]*\]\([^\s()]+)\)$")  # a paragraph that is one picture
_BULLET = re.compile(r"^[•▪●◦·∙]\s*")
_QUOTE_MARKS = "“”\"«»„‘’"
_SOURCE_LINE = re.compile(r"^(?:источник|джерело|source|źródło|quelle|fuente|fonte|kaynak)\s*[:\-–]?\s*(\S.{0,80})$",
                          re.IGNORECASE)
_WIKI_EDIT = re.compile(r"\s*\\?\[edit\\?\]$")
_MARKUP = re.compile(r"<!--.*?(?:-->|$)|<(script|style)\b.*?(?:</\1\s*>|$)|</?[A-Za-z][^<>]*>", re.DOTALL | re.IGNORECASE)


def normalise_article(doc: RawDocument, site: SiteConfig, rules: tuple[Rule, ...],
                      shown: str) -> tuple[Article, list[Problem]]:
    """The clean Article for one read document, and any problems with it (`shown` names the file)."""
    front, problems = read_front_matter(doc.metadata, shown, site.language, site.date_order)
    language = front.text.get("language") or detect_language(doc.text, site.language)
    units = markdown_units(doc.text, doc.body_line) if doc.markdown else plain_units(doc.text, doc.body_line)
    whole_page = not doc.markdown and "title" not in front.given and is_whole_page([u.plain for u in units])
    every_line = units
    units, removed = strip_boilerplate(units, rules)
    headline = ""
    if whole_page:  # the lines set aside as boilerplate still show where the article ends
        set_aside = {r.line: r.reason.removeprefix("boilerplate: ") for r in removed
                     if r.reason.startswith("boilerplate: ")}
        comments = [u for u in every_line if set_aside.get(u.line) == "comments"]
        units = sorted([*units, *comments], key=attrgetter("line"))
        units, chrome, headline = set_page_chrome_aside(units, language, site,
                                                        (doc.source_path, front.text.get("url", "")), set_aside)
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
    """A line of marks only (a divider, a stray bullet), but not a smiley a blogger wrote as a paragraph."""
    return not re.search(r"\w", text) and not EMOTICON.match(text.strip())


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
        if not blocks and title and same_text(unit.plain, title):  # the title again, once the lines above went
            removed.append(Removed(unit.plain, "repeated title", unit.line))
        elif match := TAG_LINE.match(unit.plain):
            tags += category_tags(match.group(1))
            removed.append(Removed(unit.plain, "tag line", unit.line))
        elif media := MEDIA_LINE.match(unit.plain):  # "Image source, Getty Images" / "Image caption, …"
            if media.group(1).lower() == "source":
                credit = media.group(2)
            else:
                captions.append(Caption(media.group(2), credit))
                credit = ""
            removed.append(Removed(unit.plain, "photo caption", unit.line))
        elif match := _SOURCE_LINE.match(unit.plain):
            named = match.group(1).strip()
            if ADDRESS.match(named):  # "Source: https://www.mil.ru/news/123": the address, and its site
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


"""The plain data that flows through the pipeline.

Every record is a frozen dataclass; relations between records are ids (entity ids, article slugs),
never object references, so that each stage is a function from data to data. Nothing here reads
content or files: an analysis packed for later is held as bytes or a span of the store (store.py).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import Literal, Protocol

KINDS = ("person", "organisation", "event", "place")
KIND_PLURALS = {"person": "people", "organisation": "organisations", "event": "events", "place": "places"}
Precision = Literal["day", "month", "year"]
Severity = Literal["error", "warning"]
EXPORTS = ("articles", "entities", "chronology", "quotes", "citations")  # data/<name>.json (chronology.csv too)


class Span(Protocol):
    """Packed bytes kept elsewhere, read back when asked for (a `store.Shelved`)."""

    def read(self) -> bytes: ...


Packed = bytes | Span  # a value packed by `store.pack`: held, or a span of the store (read through store.py)


def record(cls):
    """A frozen dataclass with slots (no dict per object: an article's analysis is thousands of them),
    pickled as its class and field values: the default for slotted dataclasses looks the fields up
    for every object, which made passing results between processes twice as slow. The values are read
    by one `attrgetter` (in C)."""
    cls = dataclass(frozen=True, slots=True)(cls)
    names = tuple(f.name for f in fields(cls))
    values = attrgetter(*names) if len(names) > 1 else lambda record: tuple(getattr(record, n) for n in names)

    def __reduce__(self):
        return type(self), values(self)

    if "__reduce__" not in cls.__dict__:  # unless the class has its own
        cls.__reduce__ = __reduce__
    return cls


@record
class Problem:
    """Something wrong with the user's input, reported as `path:line: message`."""

    path: str  # shown to the user, relative to the working directory where possible
    message: str  # what is wrong and how to fix it
    line: int | None = None  # 1-based, where it applies
    severity: Severity = "warning"
    unreadable: bool = False  # the whole file could not be read: the site is not built without it

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@record
class PartialDate:
    """A calendar date known to a day, a month or a year: `value` is YYYY-MM-DD, YYYY-MM or YYYY."""

    value: str
    precision: Precision

    def __reduce__(self):
        return shared_date, (self.value, self.precision)


def shared_date(value: str, precision: str) -> PartialDate:
    """A date read back from a pickle (the cache, a worker's results): one object for each distinct date,
    shared (a corpus has a few thousand dates and, in its chronology, millions of references to them)."""
    date = _DATES.get((value, precision))
    if date is None:
        date = _DATES[value, precision] = PartialDate(value, sys.intern(precision))
    return date


_DATES: dict[tuple[str, str], PartialDate] = {}


@record
class SiteConfig:
    """`content/site.yaml`, validated."""

    title: str
    description: str = ""
    base_url: str = "/"
    language: str = "en"
    date_order: str = "DMY"  # how an ambiguous numeric date such as 09.10.2023 is read
    author: str = ""
    require_dates: bool = False  # an undated article is an error, not a warning
    max_article_kb: int = 5000  # a larger file is not read
    exports: tuple[str, ...] = EXPORTS  # the data exports published (data/<name>.json)

    def absolute(self, path: str) -> str:
        """The address of a site path ("articles/x/"): base_url ends with "/" (config.py) and dossier's
        paths are relative and plain, so joining is appending."""
        return self.base_url + path


@record
class Role:
    """A title a person held between two dates (either may be open)."""

    title: str
    start: str | None = None  # YYYY[-MM[-DD]]
    end: str | None = None
    also: tuple[str, ...] = ()  # other wordings of the same role ("President of Russia"), matched the same


@record
class Entity:
    """One registered person, organisation, event or place."""

    id: str
    name: str
    kind: str  # one of KINDS
    aliases: tuple[str, ...] = ()
    description: str = ""
    roles: tuple[Role, ...] = ()
    date: PartialDate | None = None  # events: a single date ...
    start: PartialDate | None = None  # ... or a range
    end: PartialDate | None = None
    wikidata: str = ""  # e.g. "Q7747"
    links: tuple[str, ...] = ()  # further reading about the entity
    source_path: str = ""
    line: int | None = None
    gender: str = ""  # people: "f" or "m" when the registry says; read only to agree "she said", "he said"


@record
class Removed:
    """A line taken out of an article's body, kept so nothing is silently lost."""

    text: str
    reason: str  # e.g. "boilerplate: social", "repeated title", "source line"
    line: int | None = None  # line in the original file


@record
class Caption:
    text: str
    credit: str = ""


@record
class Picture:
    """An image an article refers to (`![alt](src "caption")`), as found beside the article's file."""

    src: str  # as written in the Markdown
    alt: str
    caption: str = ""
    credit: str = ""
    url: str = ""  # where the site publishes its copy, relative to the root; "" if remote or missing
    file: str = ""  # the file on disk, copied to `url`
    width: int | None = None
    height: int | None = None
    remote: bool = False  # a web address: linked, never loaded from a third party


@record
class Correction:
    """A dated correction the editor made to an article, shown to readers."""

    date: PartialDate
    text: str


@record
class Article:
    """One normalised article: front matter fields plus a clean Markdown body."""

    source_path: str  # file name under content/articles/
    slug: str
    title: str
    body: str | Packed  # Markdown, raw HTML never interpreted; packed once on the shelf: read by `store.body`
    subtitle: str = ""
    date: PartialDate | None = None
    date_source: str | None = None  # "front-matter", "dateline", "text", "inferred"
    source: str = ""  # publisher or site
    url: str = ""
    author: str = ""
    language: str = "en"
    tags: tuple[str, ...] = ()
    captions: tuple[Caption, ...] = ()
    notes: tuple[str, ...] = ()  # the editor's notes for readers (Markdown)
    corrections: tuple[Correction, ...] = ()
    entities: tuple[str, ...] = ()  # registry ids stated in front matter, shown even if the text never names them
    entities_line: int | None = None
    removed: tuple[Removed, ...] = ()
    extra: tuple[tuple[str, object], ...] = ()  # unknown front matter keys, kept as given
    original_file: str = ""  # where the file exactly as the user collected it is on disk (read when published)
    original_path: str = ""  # its path under originals/ on the site (the collected file's own name)
    format: str = "txt"


@record
class EditorialPage:
    """A page the editor writes (`content/pages/*.md`): About, Methodology, a curated story."""

    source_path: str  # under content/pages/
    slug: str  # the page lives at /<slug>/
    title: str
    body: str  # Markdown, wikilinks resolved
    order: int = 100  # place in the navigation, smallest first
    nav: bool = True  # listed in the navigation


@record
class Block:
    """One block of an article body (paragraph, heading, list item), as plain text."""

    index: int  # position among the body's blocks; the page anchor is `p-{index}`
    kind: str  # "paragraph" or "heading"
    text: str
    section: int  # which heading-delimited section the block is in


@record
class Mention:
    """A stretch of an article's text that names a registered entity."""

    entity: str  # entity id
    article: str  # article slug
    block: int
    start: int  # character offsets in Block.text
    end: int
    text: str  # the surface form as written
    sentence: str
    linked: bool  # the first mention per section is linked on the page
    via_role: bool = False
    inside: bool = False  # a name inside a longer registered one (Потанина in Фонд Владимира Потанина)


@record
class Quote:
    """A direct quotation and who said it (an entity id, an unregistered name, or nobody known)."""

    article: str
    block: int
    start: int
    end: int
    text: str
    speaker: str | None = None  # entity id
    speaker_name: str = ""  # as written, also for unregistered speakers
    cue: str = ""  # how the speaker was found
    date: PartialDate | None = None  # when it was said: the day the text gives, else the publication's
    date_source: str = ""  # how that date was found

    @property
    def anchor(self) -> str:
        return f"q-{self.block}-{self.start}"


@record
class DatedMention:
    """A date expression in an article's body, resolved to a calendar date, with how it was resolved."""

    article: str
    block: int
    start: int
    end: int
    text: str  # the phrase as written
    date: PartialDate
    sentence: str
    entities: tuple[str, ...] = ()
    event: str | None = None  # registered event this mention belongs to
    how: str = ""  # how the date was found: "written in full", "the publication's year", "counted from ..."


@record
class ChronologyEntry:
    date: PartialDate
    kind: str  # "publication", "event", "mention"
    text: str
    article: str | None = None  # slug
    block: int | None = None
    entities: tuple[str, ...] = ()
    end: PartialDate | None = None  # for events with a range
    start: int | None = None  # a mention's place in its block (orders an entity's timeline)


@record
class Analysis:
    """What the per-article stages found in one article. What only its own page and a few others read
    is kept packed (not held as objects: they would be most of a build's memory), one compressed bytes
    object each, read (store.py) where a page is made: its blocks and mentions (`store.text`), its
    quotes (`store.quotes`), the sentences that name each entity (`store.sentences`); and what the
    whole-site lookups read once, who it names how often (`store.named`). As the articles' results
    come, these (and the article's body) are moved onto one shelf (`PACKED`, `Shelf`).

    Its dated mentions are not kept: each is an entry of the chronology (`packed_entries`), and a record in
    the exports (`exported`)."""

    packed_text: Packed  # pack((blocks, mentions))
    packed_quotes: Packed  # pack(quotes)
    speakers: tuple[str, ...] = ()  # the registered entities it quotes (catalogue.quotes_by)
    unresolved_roles: int = 0
    fingerprint: bytes = b""  # MinHash of the body, to find copies
    packed_entries: Packed = b""  # pack(its entries in the chronology, in time order: chronology.article_entries)
    packed_named: Packed = b""  # pack(the entities it names and how often), see `store.named`
    exported: "Exported | None" = None  # its records in the data exports, made once with the analysis
    packed_sentences: Packed = b""  # pack({entity id: its first sentences}), see catalogue.named_sentences
    shown: str = ""  # the digest of what pages other than its own show of it (incremental.shown_elsewhere)
    has_wikilinks: bool = False  # its body links by name (checked against the registry and articles every build)
    has_pictures: bool = False  # its body shows pictures (their files are looked for every build)


PACKED = ("packed_text", "packed_quotes", "packed_named", "packed_sentences", "packed_entries")  # for `Shelf`


@record
class Chronology:
    """The chronology, kept packed (as objects, its entries would be the largest thing a build holds):
    its entries in time order, in parts (a year's entries known only to the year, then each month's),
    each part one packed tuple, read where a page or an export needs it (`store.entries`); and each
    entity's dated mentions, packed for its page (`store.timeline`). Made by `chronology.build_chronology`."""

    parts: dict[str, Packed] = field(default_factory=dict)  # "YYYY" or "YYYY-MM" → pack(entries), in order
    sizes: dict[str, int] = field(default_factory=dict)  # part → how many entries it has
    kinds: dict[str, Counter[str]] = field(default_factory=dict)  # year → kind → how many entries
    articles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # part → the articles with entries in it
    timelines: dict[str, Packed] = field(default_factory=dict)  # entity → pack((first mentions, how many))
    dated_in: dict[str, tuple[str, ...]] = field(default_factory=dict)  # entity → the articles of its dated mentions

    def __len__(self) -> int:
        return sum(self.sizes.values())

    def years(self) -> list[str]:
        return sorted({part[:4] for part in self.parts})

    def parts_of(self, year: str) -> list[str]:
        """The parts of a year, in order: the year itself (entries known only to the year), then its months."""
        return [part for part in self.parts if part[:4] == year]

    def months(self, year: str | None = None) -> list[str]:
        """The parts that are months ("YYYY-MM"), of one year or of all, in order."""
        return [part for part in self.parts if len(part) > 4 and (year is None or part[:4] == year)]

    def year_size(self, year: str) -> int:
        return sum(self.sizes[part] for part in self.parts_of(year))

    @staticmethod
    def part_of(date: PartialDate) -> str:
        """The part an entry of this date is kept in: its month, or its year if only that is known."""
        return date.value[:4] if date.precision == "year" else date.value[:7]


@record
class Exported:
    """An article's records in the data exports, as JSON text (exports.py joins them); the large ones
    kept packed until the exports are written (`unpack`)."""

    article: Packed  # pack(its articles.json record, open at the end: the copies are added when known)
    quotes: Packed  # pack(its quotes.json records)
    citation: str  # its citations.json record


@record
class Corpus:
    """Everything gathered before rendering: the whole site's data, consistent across pages."""

    site: SiteConfig
    articles: tuple[Article, ...]  # in time order, undated last
    entities: tuple[Entity, ...]
    analyses: dict[str, Analysis] = field(default_factory=dict)  # by article slug
    chronology: Chronology = field(default_factory=Chronology)
    copies: dict[str, tuple[Article, ...]] = field(default_factory=dict)  # canonical slug → the same article collected again
    pages: tuple[tuple[EditorialPage, Analysis], ...] = ()  # the editor's own pages, in navigation order
    assets: dict[str, bytes] = field(default_factory=dict)  # site_src files by relative path
    pictures: dict[str, tuple[Picture, ...]] = field(default_factory=dict)  # by article slug
    versions: dict[str, str] = field(default_factory=dict)  # article slug → digest of its inputs (none: uncached)
    # What entity pages show of the articles, made aside (catalogue.start_entity_parts); None: each page makes its own
    sentences: dict[str, Packed] | None = None  # entity → pack({slug: the sentences naming it})
    quotes: dict[str, tuple[Packed, ...]] | None = None  # speaker → packed groups of quotes
    co_mentions: dict[str, tuple[tuple[str, int], ...]] | None = None  # entity → (entity, articles)


@record
class Paths:
    """Where a build reads and writes."""

    content: Path
    output: Path
    templates: Path
    site_src: Path


def default_paths(content: Path | None = None, output: Path | None = None, project: Path | None = None) -> Paths:
    """content/, output/, templates/ and site_src/ of the project folder (the current one by default)."""
    project = project or Path.cwd()
    content = (content or project / "content").absolute()  # what is read from it is cached by full path
    return Paths(content, output or project / "output", project / "templates", project / "site_src")

"""What the lines of an article's head look like: a byline, a picture's caption with its credit, a
share bar, a wire story's first words, a line of fields, a standfirst. Shared by the head reader
(normalise.py) and the reader of whole pasted pages (wholepage.py)."""

from __future__ import annotations

import re

from .dates import parse_dateline
from .speech_words import given_name_gender
from .units import TERMINAL, Unit

# "By Anna Petrova" (Von, Par, Por, Di, Door, Av, Przez, Автор), and "By Anna Petrova | Reuters" (or / Reuters,
# - BBC News): the author, then the publication.
BYLINE = re.compile(r"^(?:[Ww]ritten by|[Pp]osted by|[Bb]y|[Оо]т|[Аа]втор(?:ка)?:?|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Pp]rzez)\s+([A-ZА-ЯЁ][\w.'’-]*(?:\s+(?:and\s+|&\s+)?[A-ZА-ЯЁ][\w.'’-]*){0,5})"
                     r"(?:\s*[|/]\s*|\s+[-–—]\s+)?((?<=[|/\s])[A-ZА-ЯЁ][\w.&'’/-]*(?:\s+[A-ZА-ЯЁ&][\w.&'’/-]*){0,4})?$")
# A picture's caption with its credit: "Lavrov in Yerevan. Photo: Reuters" (also read by images.py).
CAPTION = re.compile(r"^(.*?)[\s.,;]*[(\[]?\b(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture|[Cc]redit|[Фф]ото|[Ff]oto|[Bb]ild)s?"
                      r"(?:\s+[Cc]redit)?(?:\s*by|\s*:|\s*©)\s*([A-ZА-ЯЁ©][^()\[\].]{1,59}?|(?:dpa|afp|ap|epa|kna|apa|sda|ddp)\b[^()\[\].]{0,50}?)[)\]]?\.?$")
SHARE_BAR = re.compile(r"\b(?:share|teilen|partager|поделиться)\b.{0,40}\b(?:facebook|twitter|whatsapp|telegram|email|vk)\b",
                        re.IGNORECASE)
# A wire story's first words: "HAVANA, August 7 (Xinhua) --", "CANBERRA, Australia (AP)_": the story, not a subtitle
WIRE_LEDE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{2,}(?:,[^,()]{1,40})?\s*(?:\([^)]{1,30}\))?\s*(?:--|[-–—_])")
# A line of fields, "January 13, 2020 | categories: Python | View Comments": page metadata, not a standfirst
FIELDS = re.compile(r"\s[|•]\s.*\s[|•]\s")


def is_standfirst(text: str, rest: list[Unit]) -> bool:
    """A subtitle under the title: a short phrase, or a single short sentence before a longer paragraph."""
    if len(rest) < 1 or text.startswith(("“", '"', "«", "–", "—")) or WIRE_LEDE.match(text) \
            or CAPTION.match(text) or SHARE_BAR.search(text) or FIELDS.search(text) or TAG_LINE.match(text):
        return False
    words = len(text.split())
    if text[-1] not in TERMINAL and 3 <= words <= 25:
        return True
    single_sentence = len(re.findall(r"[.!?]\s", text)) == 0 and text.endswith(".")
    return single_sentence and len(text) <= 160 and len(rest[0].plain) >= 1.5 * len(text)


TAG_LINE = re.compile(r"^(?:tags?|topics|keywords|filed under|categories|category|kategorien?|cat[ée]gories?|categor[íi]as?|"
                      r"рубрик[аи]|schlagw[oö]rte(?:r)?|stichw[oö]rter|themen|"
                      r"mots[- ]cl[ée]s|[ée]tiquettes|th[èe]mes|etiquetas|temas|теги|ключевые слова)"
                       r"\s*:\s*(.{1,200})$", re.IGNORECASE)
CATEGORY_PREFIX = re.compile(r"^(?:\|\s*|(?:tags|categories|category|topics|filed under|рубрики?|теги)\s*:\s*)",
                              re.IGNORECASE)
ADDRESS = re.compile(r"^https?://[^\s/]+\.[^\s/]+(?:/\S*)?$")
MEDIA_LINE = re.compile(r"^(?:image|media|video) (source|caption),\s*(\S.*)$", re.IGNORECASE)  # as the BBC labels them


def same_text(a: str, b: str) -> bool:
    """The same words, whatever the case and punctuation."""
    return re.sub(r"\W+", " ", a).strip().casefold() == re.sub(r"\W+", " ", b).strip().casefold()


def category_tags(text: str) -> tuple[str, ...]:
    """The tags of a category line: "Tags: a, b" or "| News, Politics"."""
    items = (item.strip(" |") for item in re.split(r"[,|]", CATEGORY_PREFIX.sub("", text)))
    return tuple(dict.fromkeys(item for item in items if item))


EMOTICON = re.compile(r"^(?:[:;=][-'^]?[)(\]\[/\\|*]+|\^\^|\^_\^)$")  # ":-)", "=)", "^^": a blogger's paragraph


_NAME = r"[A-ZÀ-ÝА-ЯЁ][\w'’.-]+(?: [A-ZÀ-ÝА-ЯЁ][\w'’.-]+){0,3}"
# a date written with its month's name: "Oct 3, 2023", "3 October 2023", "3. Oktober 2023"
_WRITTEN_DATE = r"(?:[A-Z][a-zäé]{2,8}\.? \d{1,2},? (?:19|20)\d\d|\d{1,2}\.? [A-Za-zäéû]{3,9}\.? (?:19|20)\d\d)"
NAME = re.compile(_NAME)
# Who the page credits: "By Jo Roe", "Fact checked by Jo Roe", "About Jo Roe", "Von Jo Roe", "Par Jo Roe"
_CREDIT = re.compile(r"^\s*(?:(?i:(?:written|posted|verified|fact[- ]checked|reviewed|edited|reported)\s+by|by|von|par|por|"
                     r"about|über|à propos de|a propos de|автор(?:ка)?:?))\s+(" + _NAME + r")")
BY_ALONE = re.compile(r"^\s*(?i:by|von|par|por|от|автор)\s*$")
# A note on an author: "Jo Roe is a reporter …", "Jo writes about …", "Jo Roe, a historian, has …",
# "Jo Roe ist Redakteurin …", "Jo Roe est journaliste …", "Иван Петров — журналист …"
_NOTE = re.compile(r"^(" + _NAME + r")(?:,[^,]{2,80},)? (?:(?:is|was) (?:a|an|the|[A-Z]\S*['’]s)|has (?:been|covered|written|worked|reported)|"
                   r"writes (?:about|for|on)|covers|reports (?:on|for)|joined|ist|war|schreibt (?:über|für)|arbeitet|"
                   r"berichtet|est|était|écrit (?:sur|pour)|travaille|es (?:un|una|periodista)|escribe|trabaja|—) ")


def author_notes(lines: list[str]) -> set[int]:
    """The lines that say who a credited author is (an author's box beside or under the article),
    found by the names the page credits: "By Jo Roe" ... "Jo Roe is a reporter who covers …"."""
    credited = {m.group(1) for m in map(_CREDIT.match, lines) if m and " " in m.group(1)}
    credited |= {lines[i + 1].strip() for i in range(len(lines) - 1)
                 if BY_ALONE.match(lines[i]) and NAME.fullmatch(lines[i + 1].strip()) and " " in lines[i + 1].strip()}
    credited |= {m.group(1) for m in map(_NAME_AND_DATE.match, lines) if m and " " in m.group(1)}  # "Jo Roe Oct 3, 2023"
    credited |= {lines[i].strip() for i in range(len(lines) - 1)  # "Jo Roe" alone, "Jo Roe is a reporter …" below
                 if is_name_line(lines[i].strip()) and lines[i + 1].startswith(lines[i].strip() + " ")}
    given = {name.split()[0].casefold(): name.casefold() for name in credited}  # "BY J.O. HASELHOEF" credits J.O. Haselhoef
    notes = set()
    for i, line in enumerate(lines):
        note = _NOTE.match(line) if len(line) >= 40 else None
        words = note.group(1).casefold().split() if note else []
        if words and words[0] in given and (len(words) == 1 or any(w.startswith(words[-1]) for w in given[words[0]].split())):
            notes.add(i)
    return notes


# The page's trail of sections: "You are here: Home / Garden / …", "Accueil › Société › Écoles › …"
BREADCRUMB = re.compile(r"^(?:(?:you are here|sie sind hier|vous êtes ici|usted está aquí|вы здесь)\s*:.*|"
                        r"(?:home|startseite|accueil|inicio|главная)\s*[/>»›|].*|"
                        r"[^>»›/]{1,40}(?:\s[>»›/]\s[^>»›/]{1,40}){1,5}\s[>»›/]\s[^>»›]{1,200})$", re.IGNORECASE)
# A byline with its date: "Posted on April 9, 2022 by Jo Roe", "By Jo Roe on April 9, 2022",
# "Von Jo Roe am 9. April 2022", "Publié le 9 avril 2022 par Jo Roe"
_DATE_THEN_NAME = re.compile(r"^(?i:(?:posted|published|written|veröffentlicht|publié|publicado)\s+)?(?i:(?:on|am|le|el)\s+)?"
                             r"(.{6,40}?)\s+(?i:by|von|par|por)\s+(" + _NAME + r")\s*$")
_NAME_AND_DATE = re.compile(r"^(" + _NAME + r")\s*[,|·–—-]?\s+(" + _WRITTEN_DATE + r")$")
_NAME_THEN_DATE = re.compile(r"^(?i:(?:posted|written)\s+)?(?i:by|von|par|por)\s+(" + _NAME + r")\s*,?\s+"
                             r"(?i:on|am|le|el)\s+(.{6,40})$")


def split_dated_byline(unit: Unit, languages: tuple[str, ...], order: str) -> list[Unit]:
    """A byline that gives its date too, as two lines of the head, the date and "By" the name; the
    unit alone when it is not one. A name and a date alone ("Jo Roe Oct 3, 2023") only when the
    name begins with a known given name (a headline may be two capitalised words and a date)."""
    if found := _DATE_THEN_NAME.match(unit.plain):
        date, name = found.groups()
    elif found := _NAME_THEN_DATE.match(unit.plain):
        name, date = found.groups()
    elif (found := _NAME_AND_DATE.match(unit.plain)) and given_name_gender(found.group(1).split()[0]):
        name, date = found.groups()
    else:
        return [unit]
    found = parse_dateline(date, languages, order)
    if not found or found.precision != "day":  # "May 2024 by Jo Roe" may be a title
        return [unit]
    return [Unit(unit.line, date, date), Unit(unit.line, f"By {name}", f"By {name}")]


_CAPITALS = re.compile(r"\b[A-ZА-ЯЁ]{2,}\b")  # CSTO, NATO: in a headline, not in a name
_NAME_LINE = re.compile(r"^(?:[A-ZА-ЯЁ]\.|[A-ZА-ЯЁ][\w'’-]*)(?: (?:[A-ZА-ЯЁ]\.|[A-ZА-ЯЁ][\w'’-]*)){1,3}$")  # "A. Hakobyan"


def is_name_line(text: str) -> bool:
    """Two to four capitalised words (or initials) that could be a person's name: not a headline with
    an acronym (Armenia Freezes CSTO Membership) nor a section label (Breaking News, Live Updates)."""
    return bool(_NAME_LINE.match(text)) and not _CAPITALS.search(text) \
        and not {word.casefold() for word in text.split()} & _LABEL_WORDS


_LABEL_WORDS = {"news", "live", "update", "updates", "breaking", "exclusive", "analysis", "opinion", "video", "photo",
                "photos", "world", "politics", "latest", "top", "stories", "editorial", "interview", "feature",
                "comment", "report", "special", "today", "morning", "evening", "monday", "tuesday", "wednesday",
                "thursday", "friday", "saturday", "sunday", "новости", "мнение", "интервью", "анализ", "видео"}

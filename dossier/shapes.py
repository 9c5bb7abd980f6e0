"""What the lines of an article's head look like: a byline, a picture's caption with its credit, a
share bar, a wire story's first words, a line of fields, a standfirst. Shared by the head reader
(normalise.py) and the reader of whole pasted pages (wholepage.py)."""

from __future__ import annotations

import re

from .units import TERMINAL, Unit

# "By Anna Petrova" (Von, Par, Por, Di, Door, Av, Przez, Автор), and "By Anna Petrova | Reuters" (or / Reuters,
# - BBC News): the author, then the publication.
BYLINE = re.compile(r"^(?:[Ww]ritten by|[Pp]osted by|[Bb]y|[Оо]т|[Аа]втор(?:ка)?:?|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Pp]rzez)\s+([A-ZА-ЯЁ][\w.'’-]*(?:\s+(?:and\s+|&\s+)?[A-ZА-ЯЁ][\w.'’-]*){0,5})"
                     r"(?:\s*[|/]\s*|\s+[-–—]\s+)?((?<=[|/\s])[A-ZА-ЯЁ][\w.&'’/-]*(?:\s+[A-ZА-ЯЁ&][\w.&'’/-]*){0,4})?$")
# A picture's caption with its credit: "Lavrov in Yerevan. Photo: Reuters" (also read by images.py).
CAPTION = re.compile(r"^(.*?)[\s.,;]*[(\[]?\b(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture|[Cc]redit|[Фф]ото)s?"
                      r"(?:\s+[Cc]redit)?(?:\s*by|\s*:|\s*©)\s*([A-ZА-ЯЁ©][^()\[\].]{1,59}?)[)\]]?\.?$")
SHARE_BAR = re.compile(r"\b(?:share|teilen|partager|поделиться)\b.{0,40}\b(?:facebook|twitter|whatsapp|telegram|email|vk)\b",
                        re.IGNORECASE)
# A wire story's first words: "HAVANA, August 7 (Xinhua) --", "CANBERRA, Australia (AP)_": the story, not a subtitle
WIRE_LEDE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{2,}(?:,[^,()]{1,40})?\s*(?:\([^)]{1,30}\))?\s*(?:--|[-–—_])")
# A line of fields, "January 13, 2020 | categories: Python | View Comments": page metadata, not a standfirst
FIELDS = re.compile(r"\s[|•]\s.*\s[|•]\s")


def is_standfirst(text: str, rest: list[Unit]) -> bool:
    """A subtitle under the title: a short phrase, or a single short sentence before a longer paragraph."""
    if len(rest) < 1 or text.startswith(("“", '"', "«", "–", "—")) or WIRE_LEDE.match(text) \
            or CAPTION.match(text) or SHARE_BAR.search(text) or FIELDS.search(text):
        return False
    words = len(text.split())
    if text[-1] not in TERMINAL and 3 <= words <= 25:
        return True
    single_sentence = len(re.findall(r"[.!?]\s", text)) == 0 and text.endswith(".")
    return single_sentence and len(text) <= 160 and len(rest[0].plain) >= 1.5 * len(text)


TAG_LINE = re.compile(r"^(?:tags|topics|keywords|filed under|categories|schlagworte|mots-clés|теги|ключевые слова)"
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

"""One reader per input kind: a file's bytes in, its text and the metadata it states out.

A reader does not clean or interpret the text (that is `normalise`); it decodes, splits off front
matter, or asks trafilatura for an HTML page's main content. Readers are chosen by file extension.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .markdown import link_title
from .model import Problem
from .yamlio import LineDict, YamlError, load_yaml, shift_lines

MAX_BYTES = 5_000_000  # larger files are almost certainly not an article


@dataclass(frozen=True)
class RawDocument:
    """A file as read: decoded text, the metadata it states, and whether the text is Markdown."""

    source_path: str  # relative to content/articles
    text: str
    metadata: dict = field(default_factory=dict)
    markdown: bool = False  # the text is Markdown (from .md or HTML), not plain pasted text
    format: str = "txt"
    path: str = ""  # the file on disk
    body_line: int = 1  # line of the original file where `text` starts


def read_article(path: Path, source_path: str, max_bytes: int = MAX_BYTES) -> tuple[RawDocument | None, list[Problem]]:
    """Read one article file with the reader for its extension."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        return None, [Problem(str(path), f"not an article: dossier reads {', '.join(sorted(READERS))} files; "
                              "move other files out of content/articles/")]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(str(path), f"cannot read the file ({exc.strerror}); check its permissions",
                              severity="error")]
    if len(data) > max_bytes:
        return None, [Problem(str(path), f"file is {len(data):,} bytes, over the {max_bytes:,} limit; split it, "
                              "remove it, or raise `max_article_kb` in site.yaml", severity="error")]
    if not data.strip():
        return None, [Problem(str(path), "empty file: nothing to publish; add the article's text or remove it",
                              severity="error")]
    if b"\x00" in data[:8192] and not data.startswith(_WIDE_BOMS):
        return None, [Problem(str(path), "binary file, not text; remove it from content/articles/",
                              severity="error")]
    text, problems = decode(data, str(path))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    document, read_problems = reader(text, source_path, str(path))
    return RawDocument(**{**document.__dict__, "path": str(path)}), problems + read_problems


# UTF-32 and UTF-16 byte order marks (UTF-32's first: it starts with UTF-16's), as Windows' Notepad
# saves "Unicode" text.
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes, shown: str) -> tuple[str, list[Problem]]:
    """UTF-8 (with or without BOM), or UTF-16 or UTF-32 with their BOM; other encodings are detected and
    reported. Text that a web page had already decoded twice ("PeÃ±a" for "Peña") is repaired, and said."""
    if data.startswith(_WIDE_BOMS):
        return _repaired(data.decode("utf-32" if data.startswith(_WIDE_BOMS[:2]) else "utf-16", errors="replace"),
                         shown, [])
    try:
        return _repaired(data.decode("utf-8-sig"), shown, [])
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best else "latin-1"
    text = data.decode(encoding, errors="replace")
    return _repaired(text, shown, [Problem(shown, f"not UTF-8; read as {encoding}. Save the file as UTF-8 to be sure")])


# UTF-8 read as Latin-1 or Windows-1252: "Ã±", "Ã©", "â€™", "Ð¿Ñ€"
_MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00bf]|â(?:€|[\u0080-\u00bf])[\u0080-\u00bf™œšž“”˜]|[ÐÑ][\u0080-\u00bf]")


_WORD_WITH_MOJIBAKE = re.compile(r"\S*(?:" + _MOJIBAKE.pattern + r")\S*")


def _repaired(text: str, shown: str, problems: list[Problem]) -> tuple[str, list[Problem]]:
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)  # "é" as one character, however the page wrote it
    first = _MOJIBAKE.search(text) if any(lead in text for lead in "ÃÂâÐÑ") else None
    if first is None:
        return text, problems
    import ftfy

    # word by word: a page that decoded some characters twice and others right is fixed where it went wrong
    fixed = _WORD_WITH_MOJIBAKE.sub(lambda word: ftfy.fix_encoding(word.group(0)), text)
    if fixed == text:
        return text, problems
    line = text.count("\n", 0, first.start()) + 1
    return fixed, problems + [Problem(shown, f"characters decoded twice by the page (such as “{first.group(0)}”) "
                                             "were repaired; check the text, or save it again from the page as UTF-8",
                                      line)]


def read_text(text: str, source_path: str, shown: str) -> tuple[RawDocument, list[Problem]]:
    return RawDocument(source_path, text), []


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def read_markdown(text: str, source_path: str, shown: str) -> tuple[RawDocument, list[Problem]]:
    """Markdown, with optional front matter: YAML between `---` lines, TOML between `+++` lines (as
    Hugo writes it), or `Key: value` lines before the first blank line (as Pelican and MultiMarkdown
    write them)."""
    if text.startswith("+++"):
        return _read_toml_front_matter(text, source_path, shown)
    if (block := _METADATA_BLOCK.match(text)) and _is_metadata(block.group(0)):
        return RawDocument(source_path, text[block.end():], _metadata_lines(block.group(0)), markdown=True,
                           format="md", body_line=block.group(0).count("\n") + 1), []
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n"):
            return RawDocument(source_path, text, markdown=True, format="md"), [Problem(
                shown, "front matter starts with `---` but never ends; close it with a `---` line", 1)]
        return RawDocument(source_path, text, markdown=True, format="md"), []
    body_line = match.group(0).count("\n") + 1
    body = text[match.end():]
    try:
        metadata = load_yaml(match.group(1) or "") or {}
    except YamlError as exc:
        line = exc.line + 1 if exc.line else 1
        return RawDocument(source_path, body, markdown=True, format="md", body_line=body_line), [Problem(
            shown, f"front matter: {exc}; fix it (the article is built without its front matter)", line, "error")]
    if not isinstance(metadata, dict):
        return RawDocument(source_path, body, markdown=True, format="md", body_line=body_line), [Problem(
            shown, "front matter must be a mapping such as `title: ...`", 2, "error")]
    # The YAML starts on the file's second line, after `---`: messages name lines of the file.
    return RawDocument(source_path, body, shift_lines(metadata, 1), markdown=True, format="md",
                       body_line=body_line), []


_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
_TOML_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*=")
_TOML_LINE = re.compile(r"\(at line (\d+)")


def _read_toml_front_matter(text: str, source_path: str, shown: str) -> tuple[RawDocument, list[Problem]]:
    import tomllib

    match = _TOML_FRONT_MATTER.match(text)
    if not match:
        return RawDocument(source_path, text, markdown=True, format="md"), [Problem(
            shown, "front matter starts with `+++` but never ends; close it with a `+++` line", 1)]
    body = text[match.end():]
    body_line = match.group(0).count("\n") + 1
    toml = match.group(1) or ""
    try:
        values = tomllib.loads(toml)
    except tomllib.TOMLDecodeError as exc:
        at = _TOML_LINE.search(str(exc))
        return RawDocument(source_path, body, markdown=True, format="md", body_line=body_line), [Problem(
            shown, f"front matter: invalid TOML: {str(exc).split(' (at line')[0]}; fix it (the article is built "
            "without its front matter)", int(at.group(1)) + 1 if at else 1, "error")]
    metadata = LineDict(values)
    metadata.line = 2
    metadata.key_lines = {}
    for number, line in enumerate(toml.splitlines(), start=2):  # the TOML starts on the file's second line
        if line.lstrip().startswith("["):
            break  # a table: its keys are not the article's
        if (key := _TOML_KEY.match(line)) and key.group(1) not in metadata.key_lines:
            metadata.key_lines[key.group(1)] = number
    return RawDocument(source_path, body, metadata, markdown=True, format="md", body_line=body_line), []


_METADATA_BLOCK = re.compile(r"\A(?:[A-Za-z][\w -]{0,30}:[ \t]+\S.*\n)+(?:[ \t]*\n|\Z)")
_METADATA_KEY = re.compile(r"^([A-Za-z][\w -]{0,30}):[ \t]+(\S.*)$")
# Pelican's and MultiMarkdown's names for dossier's fields.
_METADATA_NAMES = {"summary": "subtitle", "description": "subtitle", "lang": "language", "authors": "author",
                   "category": "tags", "keywords": "tags"}


def _is_metadata(block: str) -> bool:
    """A first paragraph of `Key: value` lines is metadata if it names the title or the date."""
    keys = {_METADATA_KEY.match(line).group(1).strip().lower() for line in block.splitlines() if line.strip()}
    return bool(keys & {"title", "date"})


def _metadata_lines(block: str) -> LineDict:
    metadata = LineDict()
    metadata.line, metadata.key_lines = 1, {}
    for number, line in enumerate(block.splitlines(), start=1):
        if not (found := _METADATA_KEY.match(line)):
            continue
        key = found.group(1).strip().lower()
        key = _METADATA_NAMES.get(key, key)
        value = found.group(2).strip()
        if key == "tags" and "tags" in metadata:
            value = f"{metadata['tags']}, {value}"
        if key not in metadata or key == "tags":
            metadata[key] = value
            metadata.key_lines.setdefault(key, number)
    return metadata


def read_html(text: str, source_path: str, shown: str) -> tuple[RawDocument, list[Problem]]:
    """A saved web page: main content and metadata by trafilatura (with htmldate for the date)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_formatting=True, include_tables=False,
        include_images=True, output_format="python", date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        return RawDocument(source_path, "", format="html"), [Problem(
            shown, "no article text found in this HTML page; save the article page itself, or paste its "
            "text into a .txt file", severity="error")]
    metadata = {"title": doc.title, "author": doc.author, "source": doc.sitename, "url": doc.url,
                "language": doc.language or _html_lang(text)}
    metadata = {key: value for key, value in metadata.items() if value}
    if doc.date:
        metadata["date"] = doc.date
        metadata["date_source"] = "html-metadata"
    return RawDocument(source_path, _captioned(_paragraphs(doc.text), text), metadata, markdown=True,
                       format="html"), []


# A line break trafilatura keeps inside a block (a <br>, or a page laid out without <p>) before a line
# that does not continue a list or a quote.
_LINE_BREAK_IN_BLOCK = re.compile(r"(?<=\S)[ \t]*\n(?=(?![-*+] |\d{1,9}[.)] |>)\S)")


def _paragraphs(text: str) -> str:
    """Each line of the page's text as a paragraph of its own, as the page showed it (in Markdown, lines
    not separated by a blank line are one paragraph)."""
    return text if "```" in text else _LINE_BREAK_IN_BLOCK.sub("\n\n", text)


_PICTURE = re.compile(r"!\[([^\]\n]*)\]\(([^\s()]+)\)")


def _captioned(markdown: str, page: str) -> str:
    """trafilatura keeps a figure's picture but drops its <figcaption>: put it back, as the picture's title."""
    if "![" not in markdown or "<figcaption" not in page:
        return markdown
    import lxml.html

    captions = {}
    for figure in lxml.html.fromstring(page).iter("figure"):
        caption = " ".join(" ".join(figure.xpath(".//figcaption//text()")).split())
        for image in figure.iter("img"):
            if caption and image.get("src"):
                captions.setdefault(image.get("src"), caption)

    def title(match: re.Match) -> str:
        caption = captions.get(match.group(2))
        if not caption:
            return match.group(0)
        return f"![{match.group(1)}]({match.group(2)} {link_title(caption)})"
    return _PICTURE.sub(title, markdown)


def _html_lang(text: str) -> str | None:
    match = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", text[:2000])
    return match.group(1).lower() if match else None


READERS = {".txt": read_text, ".md": read_markdown, ".markdown": read_markdown,
           ".html": read_html, ".htm": read_html}


def line_containing(text: str, needle: str) -> int | None:
    """The line (from 1) of `text` where `needle` first appears, for a message; None if it does not."""
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else None

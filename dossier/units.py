"""Pasted text and Markdown read as units: lines (or Markdown blocks) with where each starts in its
file, cleaned of invisible and control characters, and plain text made safe to write as Markdown.
The first step of normalising; knows nothing of titles, bylines or pages."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

TERMINAL = ".!?:;,…\"”»’)"  # what ends a sentence or a clause


@dataclass(frozen=True)
class Unit:
    """A line of pasted text, or a block of Markdown, with where it starts in the file."""

    line: int
    text: str  # as it will appear in the Markdown body
    plain: str  # the same without Markdown syntax, for recognising what it is
    heading: bool = False



_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c\x1c-\x1f\x85\u2028\u2029 ]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_MISUSED_APOSTROPHE = re.compile(r"(?<=\w)[‘`´](?=(?:s|t|re|ve|ll|d|m)\b)")
_SUSPENDED = {"and", "or", "to", "und", "oder", "et", "ou", "и", "или"}
_MD_ESCAPE = re.compile(r"([\\`*_\[\]<>|])")
_MD_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|={2,}\s*$|-{2,}\s*$)")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_MD_SYNTAX = re.compile(r"\\(.)|^#{1,6}\s+|[*_`]")

def clean_line(text: str) -> str:
    """One line with web-paste noise fixed: odd spaces, invisible characters, ‘s for ’s."""
    if text.isprintable() and "  " not in text and "‘" not in text and "`" not in text and "´" not in text:
        return text.strip()  # most lines: nothing for the four passes below to change (control and invisible
        # characters and odd spaces are not printable)
    text = _CONTROL.sub(" ", _INVISIBLE.sub("", text))
    text = _SPACES.sub(" ", text).strip()
    return _MISUSED_APOSTROPHE.sub("’", text)


def plain_units(text: str, first_line: int = 1) -> list[Unit]:
    """Pasted text: every non-empty line is a unit, except hard-wrapped paragraphs, which are joined."""
    units: list[Unit] = []
    block: list[tuple[int, str]] = []
    for number, raw in enumerate(_LINE_BREAK.split(text) + [""], start=first_line):
        line = clean_line(raw)
        if line:
            block.append((number, line))
            continue
        if _hard_wrapped(block):
            joined = block[0][1]
            for _, text in block[1:]:  # a word broken at the line's end keeps its hyphen: "peace-keeping"
                broken = joined[-2:-1].isalpha() and joined[-1] == "-" and text[:1].isalpha() \
                    and text.split()[0] not in _SUSPENDED  # "pre- and post-war"
                joined += text if broken else " " + text
            block = [(block[0][0], joined)]
        else:
            block = _rejoin_wrapped_lines(block)
        units += [Unit(number, escape_markdown(line), line) for number, line in block]
        block = []
    return units


def _rejoin_wrapped_lines(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Inside a block of lines (a whole page pasted without blank lines), a long line that stops in
    the middle of a sentence and a line that goes on with a small letter are one line, wrapped."""
    joined: list[tuple[int, str]] = []
    for number, text in block:
        if joined and len(joined[-1][1]) >= 50 and joined[-1][1][-1] not in TERMINAL and text[:1].islower() \
                and len(joined[-1][1].split()) >= 8:
            joined[-1] = (joined[-1][0], joined[-1][1] + " " + text)
        else:
            joined.append((number, text))
    return joined


def _hard_wrapped(block: list[tuple[int, str]]) -> bool:
    """Three or more lines of similar length, none long: a paragraph wrapped by an e-mail or a PDF."""
    if len(block) < 3:
        return False
    lengths = [len(text) for _, text in block[:-1]]
    return 40 <= min(lengths) and max(lengths) <= 100 and min(lengths) >= 0.7 * max(lengths) \
        and len(block[-1][1]) <= max(lengths) + 5 \
        and any(text[:1].islower() for _, text in block[1:])  # a sentence goes on: not a title over its labels


def markdown_units(text: str, first_line: int = 1) -> list[Unit]:
    """Markdown: every blank-line-separated block is a unit."""
    units: list[Unit] = []
    start, lines = first_line, []
    for number, raw in enumerate(_LINE_BREAK.split(text) + [""], start=first_line):
        if raw.strip():
            if not lines:
                start = number
            lines.append(raw.rstrip())
            continue
        if lines:
            block = "\n".join(lines)
            setext = len(lines) > 1 and _SETEXT_UNDERLINE.match(lines[-1])  # "Title" over "====="
            shown = "\n".join(lines[:-1]) if setext else block
            # the text as a reader sees it: Markdown escapes and entities resolved (&amp;amp; is "&amp;")
            plain = clean_line(html.unescape(_MD_SYNTAX.sub(lambda m: m.group(1) or "", shown.replace("\n", " "))))
            units.append(Unit(start, block, plain, heading=block.startswith("#") or bool(setext)))
        lines = []
    return units


def escape_markdown(text: str) -> str:
    """Plain text made safe to read as Markdown: it renders as exactly this text."""
    text = _MD_ESCAPE.sub(r"\\\1", text)
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    return _MD_BLOCK_START.sub(_escape_block_start, text)


def _escape_block_start(match: re.Match) -> str:
    marker = match.group(0)
    if marker[0].isdigit():  # "1." : a backslash escapes punctuation only, so it goes before the dot
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker

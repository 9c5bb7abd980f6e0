"""Markdown in, text blocks and safe HTML out, with markdown-it-py (CommonMark, raw HTML off).

`body_blocks` gives the plain text of every paragraph and heading, which the analysis stages read;
`render_body` turns the same Markdown into HTML and wraps given character spans of those texts in
links or spans. Both walk the same token stream, so offsets always agree. No knowledge of entities.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from .model import Block

_MD = MarkdownIt("commonmark", {"html": False, "typographer": False})
_TEXT_TYPES = {"text": None, "code_inline": None, "softbreak": " ", "hardbreak": " ", "image": ""}


@dataclass(frozen=True)
class Span:
    """Wrap characters `start:end` of block `block`'s text in an element."""

    block: int
    start: int
    end: int
    tag: str  # "a" or "span"
    attrs: tuple[tuple[str, str], ...]


def body_blocks(markdown: str) -> tuple[Block, ...]:
    """Every paragraph and heading of a Markdown body as plain text, in order."""
    blocks, section, kind = [], 0, "paragraph"
    for token in _MD.parse(markdown):
        if token.type == "heading_open":
            section, kind = section + 1, "heading"
        elif token.type == "paragraph_open":
            kind = "paragraph"
        elif token.type == "inline":
            blocks.append(Block(len(blocks), kind, _plain(token.children or []), section))
    return tuple(blocks)


def _plain(children: list[Token]) -> str:
    return "".join(_TEXT_TYPES[c.type] if _TEXT_TYPES.get(c.type) is not None else c.content
                   for c in children if c.type in _TEXT_TYPES)


# How to show a picture: ("img", attributes to set), ("a", {"href": …}) to link it instead, or None
# when it cannot be shown (its description is shown as text).
PicturePlacer = Callable[[str], "tuple[str, dict[str, str]] | None"]


def render_body(markdown: str, spans: list[Span], resolve: Callable[[str], str | None] | None = None,
                place: PicturePlacer | None = None) -> str:
    """HTML for a Markdown body; blocks get `id="p-N"`; spans inside one run of text are wrapped.

    `resolve` turns internal `dossier:` link targets into URLs; a link it cannot resolve becomes text.
    `place` decides how each picture (by its src) is shown.
    """
    tokens = _MD.parse(markdown)
    by_block: dict[int, list[Span]] = {}
    for span in spans:
        by_block.setdefault(span.block, []).append(span)
    index = 0
    for i, token in enumerate(tokens):
        if token.type != "inline":
            continue
        if i > 0 and tokens[i - 1].nesting == 1 and not tokens[i - 1].hidden:
            tokens[i - 1].attrSet("id", f"p-{index}")
        if resolve and token.children:
            token.children = _resolve_links(token.children, resolve)
        if index in by_block:
            token.children = _wrap(token.children or [], by_block[index])
        if place and token.children:
            token.children = _place_pictures(token.children, place)  # after _wrap: a link has a length
        index += 1
    return _MD.renderer.render(tokens, _MD.options, {})


def _resolve_links(children: list[Token], resolve: Callable[[str], str | None]) -> list[Token]:
    result, dropping = [], False  # Markdown links never nest: a dropped link ends at the next close
    for child in children:
        href = child.attrGet("href") if child.type == "link_open" else None
        if href and str(href).startswith("dossier:"):
            target = resolve(str(href))
            if target is None:
                dropping = True
                continue
            child.attrSet("href", target)
        elif child.type == "link_close" and dropping:
            dropping = False
            continue
        result.append(child)
    return result


def _place_pictures(children: list[Token], place: PicturePlacer) -> list[Token]:
    result = []
    for child in children:
        if child.type != "image":
            result.append(child)
            continue
        how = place(str(child.attrGet("src") or ""))
        description = child.content or str(child.attrGet("src") or "")
        if how is None:
            result += [_element("span", {"class": "missing-picture"}, 1), _text(f"[{description}]"),
                       _element("span", {}, -1)]
        elif how[0] == "a":
            result += [_element("a", how[1], 1), _text(description), _element("a", {}, -1)]
        else:
            for key, value in how[1].items():
                child.attrSet(key, value)
            result.append(child)
    return result


def _element(tag: str, attrs: dict[str, str], nesting: int) -> Token:
    token = Token(f"{tag}_{'open' if nesting == 1 else 'close'}", tag, nesting)
    for key, value in attrs.items():
        token.attrSet(key, value)
    return token


def _wrap(children: list[Token], spans: list[Span]) -> list[Token]:
    """Split text tokens so that each span that lies inside one of them becomes an element."""
    result: list[Token] = []
    offset = 0
    in_link = 0
    for child in children:
        if child.type == "link_open":
            in_link += 1
        elif child.type == "link_close":
            in_link -= 1
        length = len(child.content) if child.type in ("text", "code_inline") else len(_TEXT_TYPES.get(child.type) or "")
        inside = [s for s in spans if offset <= s.start and s.end <= offset + length
                  and not (in_link and s.tag == "a")] if child.type == "text" else None
        result.append(_html(_split(child.content, offset, inside)) if inside else child)
        offset += length
    return result


def _split(text: str, offset: int, spans: list[Span]) -> str:
    """HTML for `text` (starting at `offset` in its block) with `spans` as nested elements: escaped as
    markdown-it escapes text and attributes, made as one string (a token per piece cost more)."""
    parts: list[str] = []
    position = offset
    for span in _outermost(spans):
        if span.start > position:
            parts.append(escapeHtml(text[position - offset:span.start - offset]))
        inner = [s for s in spans if s is not span and span.start <= s.start and s.end <= span.end]
        if span.tag == "a":
            inner = [s for s in inner if s.tag != "a"]
        parts += [f"<{span.tag}", *(f' {key}="{escapeHtml(value)}"' for key, value in span.attrs), ">",
                  _split(text[span.start - offset:span.end - offset], span.start, inner), f"</{span.tag}>"]
        position = span.end
    if position < offset + len(text):
        parts.append(escapeHtml(text[position - offset:]))
    return "".join(parts)


def _html(html: str) -> Token:
    """A token rendered as it is: HTML this module made, with every piece of text in it escaped."""
    token = Token("html_inline", "", 0)
    token.content = html
    return token


def _outermost(spans: list[Span]) -> list[Span]:
    """Spans not inside another, left to right; of two that overlap, the earlier wins."""
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if chosen and span.start < chosen[-1].end:
            continue
        chosen.append(span)
    return chosen


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def render_inline(markdown: str) -> str:
    """HTML for a short piece of Markdown (a note or a description), without a paragraph around it."""
    return _MD.renderInline(markdown)


def link_title(text: str) -> str:
    """Text as a Markdown link or picture title, in double quotes: `"a \\"quoted\\" word"`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

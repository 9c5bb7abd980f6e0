"""Markdown blocks and safe rendering: raw HTML from articles is never HTML on the page."""

from dossier.markdown import Span, body_blocks, render_body


def test_blocks_are_plain_text_with_sections():
    blocks = body_blocks("First *one* [link](https://x.org).\n\n## Heading\n\nSecond `code`.")
    assert [(b.index, b.kind, b.text, b.section) for b in blocks] == [
        (0, "paragraph", "First one link.", 0), (1, "heading", "Heading", 1), (2, "paragraph", "Second code.", 1)]


def test_spans_become_nested_elements_with_escaped_attributes():
    html = render_body("Putin said “we go”.", [
        Span(0, 0, 5, "a", (("href", "../people/putin/"), ("class", "entity person"))),
        Span(0, 11, 18, "span", (("class", "quote"), ("id", 'q-0-11"><script>'))),
    ])
    assert html == ('<p id="p-0"><a href="../people/putin/" class="entity person">Putin</a> said '
                    '<span class="quote" id="q-0-11&quot;&gt;&lt;script&gt;">“we go”</span>.</p>\n')


def test_span_across_formatting_is_not_applied_but_text_is_kept():
    html = render_body("Vladimir *Putin* spoke.", [Span(0, 0, 14, "a", (("href", "x"),))])
    assert html == '<p id="p-0">Vladimir <em>Putin</em> spoke.</p>\n'


def test_no_entity_link_inside_an_existing_link():
    html = render_body("[Putin](https://example.org) spoke.", [Span(0, 0, 5, "a", (("href", "x"),))])
    assert html == '<p id="p-0"><a href="https://example.org">Putin</a> spoke.</p>\n'


def test_raw_html_and_script_urls_are_not_rendered():
    html = render_body('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))', [])
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

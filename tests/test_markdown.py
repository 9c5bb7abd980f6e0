"""Markdown blocks and safe rendering: raw HTML from articles is never HTML on the page."""

from dossier.markdown import Span, body_blocks, link_title, render_body, render_inline


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


def test_internal_links_are_resolved_and_an_unresolvable_one_is_left_as_its_text():
    targets = {"dossier:people/roe": "../people/roe/"}
    html = render_body("See [Roe](dossier:people/roe), [Doe](dossier:people/doe) and [site](https://x.org).", [],
                       resolve=targets.get)
    assert html == ('<p id="p-0">See <a href="../people/roe/">Roe</a>, Doe and '
                    '<a href="https://x.org">site</a>.</p>\n')


def test_a_picture_is_shown_linked_or_marked_missing_as_its_placer_says():
    def place(src):
        return {"a.jpg": ("img", {"loading": "lazy"}), "b.jpg": ("a", {"href": "b.jpg"})}.get(src)

    html = render_body("![A dog](a.jpg) ![A cat](b.jpg) ![](c.jpg) ![A <bird>](d.jpg)", [], place=place)
    assert html == ('<p id="p-0"><img src="a.jpg" alt="A dog" loading="lazy" /> <a href="b.jpg">A cat</a> '
                    '<span class="missing-picture">[c.jpg]</span> '
                    '<span class="missing-picture">[A &lt;bird&gt;]</span></p>\n')


def test_every_shown_block_gets_its_index_as_id_and_a_tight_list_s_items_count_without_one():
    html = render_body("Intro\n\n## Part\n\n- a\n- b\n\nEnd", [Span(4, 0, 3, "span", (("class", "q"),))])
    assert html == ('<p id="p-0">Intro</p>\n<h2 id="p-1">Part</h2>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n'
                    '<p id="p-4"><span class="q">End</span></p>\n')


def test_a_quote_span_holds_the_entity_link_inside_it_and_of_two_overlapping_spans_the_first_wins():
    html = render_body("Roe said we go now.", [
        Span(0, 0, 3, "a", (("href", "r"),)),
        Span(0, 0, 8, "span", (("class", "q"),)),
        Span(0, 4, 11, "span", (("class", "late"),)),
    ])
    assert html == '<p id="p-0"><span class="q"><a href="r">Roe</a> said</span> we go now.</p>\n'


def test_a_link_span_inside_another_link_span_is_dropped_but_its_text_kept():
    html = render_body("Jane Roe spoke.", [Span(0, 0, 8, "a", (("href", "j"),)), Span(0, 5, 8, "a", (("href", "r"),))])
    assert html == '<p id="p-0"><a href="j">Jane Roe</a> spoke.</p>\n'


def test_span_offsets_count_inline_code_line_breaks_and_pictures_as_the_plain_text_does():
    markdown = "Run `ls` then\nask ![x](p.png)Roe and <Roe>."
    text = body_blocks(markdown)[0].text
    assert text == "Run ls then ask Roe and <Roe>."
    spans = [Span(0, text.index("Roe"), text.index("Roe") + 3, "a", (("href", "r"),)),
             Span(0, text.index("<Roe>") + 1, text.index("<Roe>") + 4, "a", (("href", "s"),))]
    html = render_body(markdown, spans)
    assert '<a href="r">Roe</a> and &lt;<a href="s">Roe</a>&gt;.' in html


def test_inline_markdown_has_no_paragraph_and_its_html_is_escaped():
    assert render_inline("*Note* <b>x</b>") == "<em>Note</em> &lt;b&gt;x&lt;/b&gt;"


def test_a_link_title_is_quoted_with_its_quotes_and_backslashes_escaped():
    assert link_title('a "b" c\\d') == '"a \\"b\\" c\\\\d"'

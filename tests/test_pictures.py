"""Pictures that come with an article: copied, sized, lazy, listed with captions and credits; a missing
one is a warning and the page says so; a web address is linked, never loaded from a third party."""

import pytest
from PIL import Image

from dossier.images import split_credit
from dossier.model import default_paths
from dossier.pipeline import build_site
from helpers import PROJECT

ARTICLE = """---
title: Lavrov in Yerevan
date: 2020-11-21
---
Sergey Lavrov arrived in Yerevan.

![Lavrov at the airport](photos/lavrov.jpg)

Lavrov at Zvartnots airport. Photo: Reuters

A map: ![Map of the corridor](map.png), a chart: ![Chart](https://cdn.example/chart.png "A chart. Photo: AP").

A script: ![x](drawing.svg) and a secret: ![y](../../secret.jpg)
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("pictures")
    content = root / "content"
    (content / "articles" / "photos").mkdir(parents=True)
    (content / "articles" / "saved_files").mkdir()
    (content / "site.yaml").write_text("title: T\n")
    (content / "articles" / "lavrov.md").write_text(ARTICLE)
    Image.new("RGB", (320, 200), "red").save(content / "articles" / "photos" / "lavrov.jpg")
    (content / "articles" / "drawing.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
    (content / "articles" / "saved_files" / "app.js").write_text("// a saved page's own script")
    Image.new("RGB", (10, 10)).save(root / "secret.jpg")
    result = build_site(default_paths(content, root / "output", PROJECT), search=False)
    return result, root / "output", content


def test_a_picture_beside_the_article_is_copied_sized_and_lazy(site):
    result, output, content = site
    folder = output / "articles" / "lavrov-in-yerevan"
    assert (folder / "lavrov.jpg").read_bytes() == (content / "articles" / "photos" / "lavrov.jpg").read_bytes()
    page = (folder / "index.html").read_text()
    assert ('<img src="../../articles/lavrov-in-yerevan/lavrov.jpg" alt="Lavrov at the airport" '
            'title="Lavrov at Zvartnots airport. Photo: Reuters" width="320" height="200" loading="lazy" '
            'decoding="async" />') in page


def test_pictures_are_listed_with_caption_and_credit(site):
    _, output, _ = site
    page = (output / "articles" / "lavrov-in-yerevan" / "index.html").read_text()
    listed = page[page.index('<section class="pictures">'):page.index("</section>", page.index('class="pictures"'))]
    assert ('<li><a href="../../articles/lavrov-in-yerevan/lavrov.jpg">Lavrov at Zvartnots airport</a> '
            '<span class="meta">(320 × 200)</span> <span class="credit">Photo: Reuters</span></li>') in listed
    assert ('<a href="https://cdn.example/chart.png" rel="external nofollow">A chart</a> <span class="meta">'
            '(on the original site, not copied)</span> <span class="credit">Photo: AP</span>') in listed
    assert 'Map of the corridor <span class="missing">The picture file is missing.</span>' in listed


def test_missing_remote_and_unsafe_pictures_are_never_loaded(site):
    result, output, _ = site
    page = (output / "articles" / "lavrov-in-yerevan" / "index.html").read_text()
    assert page.count("<img ") == 1
    assert '<span class="missing-picture">[Map of the corridor]</span>' in page
    assert '<a href="https://cdn.example/chart.png" rel="external nofollow">Chart</a>' in page
    assert not list(output.rglob("*.svg")) or all("assets" in p.parts for p in output.rglob("*.svg"))
    assert not (output / "articles" / "lavrov-in-yerevan" / "secret.jpg").exists()
    warned = sorted((p.line, p.message.split(";")[0]) for p in result.problems if "picture" in p.message)
    assert warned == [(11, "picture `map.png` was not found"),
                      (13, "picture `../../secret.jpg` is outside content/"),
                      (13, "picture `drawing.svg` is not a picture dossier publishes (.avif, .gif, .jpeg, .jpg, "
                           ".png, .webp)")]


def test_picture_files_and_saved_page_folders_are_not_reported_as_skipped(site):
    result, _, _ = site
    assert not [p for p in result.problems if "skipped" in p.message and ".jpg" in p.path]
    assert not [p for p in result.problems if "saved_files" in p.path]


@pytest.mark.parametrize("caption, expected", [
    ("Lavrov at the airport. Photo: Reuters", ("Lavrov at the airport", "Reuters")),
    ("Протесты в Ереване. Фото: ТАСС", ("Протесты в Ереване", "ТАСС")),
    ("A quiet street in Stepanakert", ("A quiet street in Stepanakert", "")),
])
def test_captions_and_credits(caption, expected):
    assert split_credit(caption) == expected

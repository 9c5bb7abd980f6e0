"""What the benchmark's Hugo site costs when made in Python with dossier's own libraries: a floor.

    python -m bench.floor [SIZE]

The same Markdown files Hugo reads (`bench/.work/SIZE/hugo/content`), made into the same pages as
`bench/hugo/` makes (a page per article, the home and section lists, a list per tag and of the tags,
RSS for the home and each tag, a sitemap) with PyYAML (libyaml), markdown-it-py and Jinja, the
articles on every core (forked workers, as dossier does). Nothing else: no normalising, linking,
quotes, dates, chronology, entity pages, exports or search. It answers how much of "within 2x Hugo"
the libraries dossier is asked to use leave for everything dossier adds. Timed beside Hugo (A B).
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import sys
import time
from pathlib import Path

import jinja2
import yaml
from markdown_it import MarkdownIt
from markupsafe import Markup

from bench.run import corpus, hugo_build, measure
from dossier.parallel import workers

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MD = MarkdownIt("commonmark")
_ENV = jinja2.Environment(autoescape=True, loader=jinja2.DictLoader({
    "base": '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }} · Benchmark</title>'
            '</head>\n<body><header><a href="https://example.org/">Benchmark</a></header><main>'
            '{% block main %}{% endblock %}</main></body></html>',
    "single": '{% extends "base" %}{% block main %}<article><h1>{{ title }}</h1><time>{{ date }}</time>\n<p>'
              '{% for tag in tags %}<a href="/tags/{{ tag|lower }}/">{{ tag }}</a> {% endfor %}</p>\n'
              '{{ body }}</article>{% endblock %}',
    "list": '{% extends "base" %}{% block main %}<h1>{{ title }}</h1><ul>{% for page in pages %}<li><a href="'
            '{{ page.url }}">{{ page.title }}</a> {{ page.date }}</li>{% endfor %}</ul>{% endblock %}',
    "rss": '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{{ title }}</title>'
           '{% for page in pages %}<item><title>{{ page.title }}</title><link>https://example.org{{ page.url }}'
           '</link><pubDate>{{ page.date }}</pubDate></item>{% endfor %}</channel></rss>',
    "sitemap": '<?xml version="1.0" encoding="utf-8"?><urlset>{% for url in urls %}<url><loc>https://example.org'
               '{{ url }}</loc></url>{% endfor %}</urlset>'}))
_OUT: Path | None = None


def _article(path: Path) -> dict:
    """One article's page, written; what the lists need of it returned."""
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.load(head, Loader=_LOADER)  # noqa: S506 - a SafeLoader
    page = {"title": meta["title"], "date": str(meta["date"]), "tags": meta.get("tags", []),
            "url": f"/posts/{path.stem}/"}
    html = _ENV.get_template("single").render(**page, body=Markup(_MD.render(body)))
    _write(page["url"] + "index.html", html)
    return page


def _write(url: str, text: str) -> None:
    target = _OUT / url.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def build(content: Path, output: Path) -> int:
    global _OUT
    _OUT = output
    files = sorted(content.rglob("*.md"))
    with multiprocessing.get_context("fork").Pool(workers()) as pool:
        pages = pool.map(_article, files, chunksize=64)
    pages.sort(key=lambda p: p["date"], reverse=True)
    by_tag: dict[str, list[dict]] = {}
    for page in pages:
        for tag in page["tags"]:
            by_tag.setdefault(tag, []).append(page)
    lists = {"/": ("Benchmark", pages), "/posts/": ("Posts", pages),
             **{f"/tags/{tag.lower()}/": (tag, tagged) for tag, tagged in by_tag.items()}}
    for url, (title, listed) in lists.items():
        _write(url + "index.html", _ENV.get_template("list").render(title=title, pages=listed))
        if url != "/posts/":
            _write(url + "index.xml", _ENV.get_template("rss").render(title=title, pages=listed))
    tags = [{"title": tag, "url": f"/tags/{tag.lower()}/", "date": ""} for tag in sorted(by_tag)]
    _write("/tags/index.html", _ENV.get_template("list").render(title="Tags", pages=tags))
    _write("/sitemap.xml", _ENV.get_template("sitemap").render(urls=[*lists, *(p["url"] for p in pages)]))
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, nargs="?", default=10000, help="articles (bench/.work/SIZE)")
    parser.add_argument("--pairs", type=int, default=2)
    parser.add_argument("--run", nargs=2, metavar=("CONTENT", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        started = time.perf_counter()
        count = build(Path(args.run[0]), Path(args.run[1]))
        print(f"{count} articles in {time.perf_counter() - started:.2f} s", file=sys.stderr)
        return 0
    folder = corpus(args.size)
    output = folder / "out-floor"
    for _ in range(args.pairs):  # A B A B, as bench.run
        shutil.rmtree(output, ignore_errors=True)
        floor = measure([sys.executable, "-m", "bench.floor", "--run", str(folder / "hugo" / "content"), str(output)])
        hugo = hugo_build(folder, folder / "out-hugo")
        print(f"{args.size:,} articles: Python floor {floor['wall']:.2f} s (CPU {floor['cpu']:.2f} s, "
              f"{floor['peak_mib']:.0f} MiB), Hugo {hugo['wall']:.2f} s (CPU {hugo['cpu']:.2f} s): "
              f"{floor['wall'] / hugo['wall']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

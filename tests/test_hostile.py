"""Hostile and broken input: XSS payloads in every field (checked in a real browser), every kind of bad
file, paths that try to leave the site, and builds killed half-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from html.parser import HTMLParser

from dossier.model import default_paths
from dossier.pipeline import build_site

PROJECT = Path(__file__).resolve().parent.parent

# From the OWASP XSS filter evasion cheat sheet and friends: each sets window.__xss or opens a dialog.
PAYLOADS = [
    "<script>window.__xss=1</script>",
    "<img src=x onerror=\"window.__xss=1\">",
    "<svg onload=window.__xss=1>",
    "\"><script>window.__xss=1</script>",
    "'><img src=x onerror=alert(1)>",
    "</script><script>window.__xss=1</script>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<body onload=alert(1)>",
    "<details open ontoggle=window.__xss=1>",
    "<a href=\"javascript:window.__xss=1\">click</a>",
    "[link](javascript:window.__xss=1)",
    "[link](JaVaScRiPt:window.__xss=1)",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](x\" onerror=\"window.__xss=1)",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    "<IMG SRC=`javascript:alert(1)`>",
    "<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>",
    "{{ 7*7 }}{% raw %}",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
]
ALL = " ".join(PAYLOADS)


def hostile_content(folder: Path) -> Path:
    content = folder / "content"
    (content / "articles").mkdir(parents=True)
    (content / "entities").mkdir()
    (content / "site.yaml").write_text(f"title: 'Dossier {PAYLOADS[0]}'\ndescription: '{PAYLOADS[1]}'\n")
    people = "".join(f"- name: 'Person {n} {p.replace(chr(39), chr(39) * 2)}'\n  aliases: ['Evil{n}']\n"
                     f"  description: '{p.replace(chr(39), chr(39) * 2)}'\n" for n, p in enumerate(PAYLOADS[:6]))
    (content / "entities" / "people.yaml").write_text(people)
    (content / "entities" / "events.yaml").write_text(f"- name: 'War {PAYLOADS[2]}'\n  date: 2020-09-27\n")
    for number, payload in enumerate(PAYLOADS):
        quoted = payload.replace('"', "'")
        body = (f"{payload}\n\n01.0{1 + number % 9}.2020\n\n"
                f"Evil{number % 6} said on 3 March 2020: “{payload} is what we want to say here.”\n\n"
                f"{payload} and more {payload}\n\n{payload}. Photo: {quoted}\n")
        (content / "articles" / f"a{number:02d}.txt").write_text(body, encoding="utf-8")
    front = "".join(f"{key}: '{ALL.replace(chr(39), chr(39) * 2)}'\n" for key in ("source", "author", "subtitle"))
    quoted_all = ALL.replace(chr(39), chr(39) * 2)
    (content / "articles" / "fm.md").write_text(
        f"---\ntitle: 'Front {PAYLOADS[3].replace(chr(39), chr(39) * 2)}'\ndate: 2020-05-05\n{front}"
        f"url: 'javascript:window.__xss=1'\ntags: ['{PAYLOADS[1]}', '../../etc', 'CON']\n"
        f"notes: ['{quoted_all}']\ncorrections: [{{date: 2020-05-06, text: '{quoted_all}'}}]\n---\n\n{ALL}\n\n"
        f"![{PAYLOADS[0]}](missing.jpg \"{PAYLOADS[1].replace(chr(34), chr(39))}. Photo: {PAYLOADS[2].replace(chr(34), chr(39))}\")\n")
    (content / "pages").mkdir()
    (content / "pages" / "evil.md").write_text(  # the editor's page and a story's shortcodes
        f"---\ntitle: 'Page {PAYLOADS[0].replace(chr(39), chr(39) * 2)}'\n---\n\n{ALL}\n\n"
        f"{{{{ chronology entity='Evil0' }}}}\n\n{{{{ article fm }}}}\n", encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    output = folder / "output"
    result = build_site(default_paths(hostile_content(folder), output, PROJECT))
    assert result.ok, result.problems
    return output


class Elements(HTMLParser):
    """Every element and attribute of a page, as the browser's parser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_no_page_carries_a_live_payload(hostile_site):
    for page in hostile_site.rglob("*.html"):
        parser = Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.found:
            ours = {"body": {}, "svg": {"viewbox", "aria-labelledby"}, "details": {"class"}}  # what templates write
            if tag in ("iframe", "img", "svg", "math", "details", "style", "body"):
                assert tag in ours and set(attrs) <= set(ours[tag]), (page, tag, attrs)
            assert not [name for name in attrs if name.startswith("on")], (page, tag, attrs)
            for name in ("href", "src"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (page, tag, attrs)
            if tag == "script":
                assert attrs.get("type") == "application/ld+json" or attrs.get("src", "").endswith(
                    ("assets/chronology.js", "assets/sort.js", "assets/search.js", "assets/cite.js")), (page, attrs)


def test_feed_and_sitemap_are_still_well_formed_xml(hostile_site):
    from lxml import etree

    for name in ("feed.xml", "sitemap.xml"):
        etree.parse(str(hostile_site / name))  # raises if a payload broke the XML


def test_tags_cannot_make_paths_outside_the_site(hostile_site):
    tags = sorted(p.name for p in (hostile_site / "tags").iterdir() if p.is_dir())
    assert "etc" in tags and "con-page" in tags and not (hostile_site.parent / "etc").exists()


def test_no_payload_runs_in_a_browser(hostile_site):
    from test_browser import CHROMIUM, FLAGS, serve

    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    server = serve(hostile_site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    fired = []
    try:
        with playwright_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            page = browser.new_page()
            page.on("dialog", lambda dialog: (fired.append(f"dialog on {page.url}"), dialog.dismiss()))
            pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
            for path in pages:
                page.goto(base + path.removesuffix("index.html"))
                page.wait_for_timeout(30)
                if page.evaluate("window.__xss !== undefined"):
                    fired.append(f"script ran on {path}")
            page.goto(base + "search/?q=script")
            page.wait_for_timeout(1500)
            if page.evaluate("window.__xss !== undefined"):
                fired.append("script ran from search results")
            browser.close()
    finally:
        server.shutdown()
    assert len(pages) > 30 and fired == []


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


BAD_FILES = {
    "cp1251.txt": ("Министр заявил\n\n01.02.2021\n\nРоссия готова продолжить переговоры.\n".encode("cp1251"),
                   "not UTF-8; read as"),
    "latin1.txt": ("Café politique\n\n01.02.2021\n\nLe ministre a parlé à la presse.\n".encode("latin-1"), "not UTF-8"),
    "mojibake.txt": ("Pe\u00c3\u00b1a Nieto in Madrid\n\n01.02.2021\n\nThe president spoke.\n".encode(),
                     "mojibake.txt:1: warning: characters decoded twice by the page"),
    "empty.txt": (b"", "empty file: nothing to publish"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file, not text"),
    "huge.txt": (b"Huge\n\n" + b"word " * 30_000, "over the 100,000 limit"),
    "notitle.txt": (("This is a long first paragraph that goes on. " * 8).encode(), "no title found"),
    "badyaml.md": (b"---\ntitle: [unclosed\n---\nBody.\n", "bad_yaml.md"),
    "tomorrow.md": (b"---\ntitle: Tomorrow\ndate: tomorrow\n---\nBody text.\n", "date: cannot parse 'tomorrow'"),
    "listtitle.md": (b"---\ntitle: [1, 2]\ndate: 2020-01-01\n---\nBody text.\n", "`title` must be text, not a list"),
    "unknownkey.md": (b"---\ntitle: Extra\ndate: 2020-01-01\ncolour: red\n---\nBody.\n", "unknown front matter key `colour`"),
    "notes.pdf": (b"%PDF-1.4", "skipped: dossier reads"),
    "language.md": (b"---\ntitle: Unknown language\nlanguage: xx\n---\n12 March 2024\n\nBody text.\n",
                    "language.md:3: warning: `language: xx` is not a language code"),
    "badtoml.md": (b'+++\ntitle = "Unclosed\ndate = 2020-01-01\n+++\nBody.\n',
                   "badtoml.md:2: error: front matter: invalid TOML: Illegal character"),
    "opentoml.md": (b'+++\ntitle = "Never closed"\nBody.\n', "opentoml.md:1: warning: front matter starts with `+++`"),
}


def test_every_bad_file_gets_a_clear_message_and_the_rest_builds(tmp_path):
    content = tmp_path / "content"
    write(content / "site.yaml", "title: Bad input\nmax_article_kb: 100\n")
    write(content / "articles" / "good.txt", "A good article\n\n01.02.2021\n\nIts body, long enough to read.\n")
    write(content / "articles" / "bom.txt", b"\xef\xbb\xbfWith a BOM\r\n\r\n02.02.2021\r\n\r\nWindows line ends.\r\n")
    write(content / "articles" / "cr.txt", b"Old Mac line ends\r\r03.02.2021\r\rA paragraph.\r")
    write(content / "articles" / "utf16.txt", "Saved as Unicode\r\n\r\n04.02.2021\r\n\r\nБлокнот Windows.\r\n"
          .encode("utf-16"))  # with its byte order mark, as Windows' Notepad saves "Unicode"
    write(content / "articles" / "tags.md", b"---\ntitle: Tags as text\ndate: 2020-01-01\ntags: 'a, b'\n---\nBody.\n")
    # a language dateparser has no data for (Latin): dates are read with English month names
    write(content / "articles" / "latin.md", b"---\ntitle: Lingua Latina\nlanguage: la\n---\n4 March 2021\n\n"
                                             b"Gallia est omnis divisa in partes tres, on 5 May 2020.\n")
    for name, (data, _) in BAD_FILES.items():
        write(content / "articles" / name.replace("badyaml", "bad_yaml"), data)
    outside = write(tmp_path / "secret.txt", "Secret\n\n01.01.2020\n\nNot part of the site.\n")
    (content / "articles" / "link.txt").symlink_to(outside)
    write(content / "entities" / "people.yaml", "- name: Someone\n  roles: not-a-list\n")
    output = tmp_path / "out"
    result = subprocess.run([sys.executable, str(PROJECT / "build.py"), "build", "--content", str(content),
                             "--output", str(output)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    for name, (_, message) in BAD_FILES.items():
        shown = name.replace("badyaml", "bad_yaml")
        assert any(shown in line and message.replace("bad_yaml.md", "invalid YAML") in line
                   for line in result.stderr.splitlines()), (name, result.stderr)
    assert "link.txt: error: is a link to a file outside content/" in result.stderr
    assert "people.yaml:2: error: `roles` must be a list" in result.stderr
    built = {p.parent.name for p in (output / "articles").glob("*/index.html")}
    assert {"a-good-article", "with-a-bom", "old-mac-line-ends", "saved-as-unicode", "tags-as-text", "ministr-zaiavil",
            "cafe-politique", "lingua-latina", "unknown-language", "pena-nieto-in-madrid"} <= built
    assert "<h1>Peña Nieto in Madrid</h1>" in (output / "articles" / "pena-nieto-in-madrid" / "index.html").read_text()
    latin = (output / "articles" / "lingua-latina" / "index.html").read_text()
    assert '<time datetime="2021-03-04">' in latin and 'lang="la"' in latin
    assert "secret" not in built
    check = subprocess.run([sys.executable, str(PROJECT / "build.py"), "check", "--content", str(content)],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 1 and "Traceback" not in check.stderr


def test_a_missing_template_is_named(tmp_path):
    import shutil

    project = tmp_path / "project"
    shutil.copytree(PROJECT / "templates", project / "templates")
    shutil.copytree(PROJECT / "site_src", project / "site_src")
    (project / "templates" / "tag.html").unlink()
    content = tmp_path / "content"
    write(content / "site.yaml", "title: T\n")
    write(content / "articles" / "a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [x]\n---\nBody.\n")
    result = build_site(default_paths(content, tmp_path / "out", project))
    assert not result.ok
    assert [str(p) for p in result.problems] == [
        f"{project / 'templates' / 'tag.html'}: error: template not found (needed: tag.html); restore it in "
        f"{project / 'templates'}/"]


@pytest.mark.parametrize("fraction", [0.1, 0.25, 0.4])
def test_a_killed_build_leaves_the_previous_site_whole(tmp_path, fraction):
    """A cold build (`--no-cache`: the whole site made again) killed while it still runs, at a fraction of
    the time a whole one took: the previous site is still there, byte for byte."""
    sys.path.insert(0, str(PROJECT))
    from bench.corpus import write_corpus

    write_corpus(tmp_path / "corpus", 150)
    content, output = tmp_path / "corpus" / "content", tmp_path / "out"
    command = [sys.executable, str(PROJECT / "build.py"), "build", "--no-cache", "--no-search",
               "--content", str(content), "--output", str(output)]
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    whole = time.monotonic() - started
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(fraction * whole)
    assert process.poll() is None, "the build had already finished: nothing was killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    subprocess.run(command, check=True, capture_output=True, timeout=300)  # and the next build works
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == [".out.lock"]

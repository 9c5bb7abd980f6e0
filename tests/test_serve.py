"""The live-preview seam: changes are noticed without a browser, bursts become one rebuild."""

import os
import signal
import threading
import time

from dossier.serve import Rebuilder, Worker


def touch(path, text):
    path.write_text(text)
    stamp = time.time() + 1  # mtimes can be coarse; make each write visible
    os.utime(path, (stamp, stamp))


def test_a_burst_of_changes_is_one_rebuild(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    builds = []
    rebuilder = Rebuilder(lambda changed: builds.append(changed) or True, [tmp_path], settle=0.2)
    assert rebuilder.poll() is None and builds == []

    def edit_several():
        for i in range(3):
            touch(tmp_path / f"new{i}.txt", str(i))
            time.sleep(0.05)

    writer = threading.Thread(target=edit_several)
    writer.start()
    time.sleep(0.01)
    assert rebuilder.poll() is True
    writer.join()
    assert rebuilder.poll() is None  # everything was in the one rebuild
    assert builds == [{tmp_path / f"new{i}.txt" for i in range(3)}]  # told which files changed (not a.txt)


def test_the_build_is_told_of_removed_files_too(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "b.txt").write_text("b")
    builds = []
    rebuilder = Rebuilder(lambda changed: builds.append(changed) or True, [tmp_path], settle=0.01)
    (tmp_path / "a.txt").unlink()
    touch(tmp_path / "b.txt", "bb")
    assert rebuilder.poll() is True
    assert builds == [{tmp_path / "a.txt", tmp_path / "b.txt"}]


def test_a_failed_build_is_reported_and_watching_goes_on(tmp_path):
    results = iter([False, True])
    rebuilder = Rebuilder(lambda changed: next(results), [tmp_path], settle=0.01)
    touch(tmp_path / "a.txt", "broken")
    assert rebuilder.poll() is False
    touch(tmp_path / "a.txt", "fixed!")
    assert rebuilder.poll() is True


def test_hidden_files_are_not_watched(tmp_path):
    rebuilder = Rebuilder(lambda changed: True, [tmp_path], settle=0.01)
    touch(tmp_path / ".swp", "editor noise")
    assert rebuilder.poll() is None


def test_work_asked_for_while_it_runs_is_done_once_more_after(tmp_path):
    runs, release = [], threading.Event()

    def index():
        runs.append(time.monotonic())
        release.wait(5)

    indexer = Worker(index, "test-worker")
    indexer.request()
    time.sleep(0.2)
    assert len(runs) == 1  # running, and request() did not wait for it
    indexer.request()  # two rebuilds while it runs ...
    indexer.request()
    release.set()
    time.sleep(0.3)
    assert len(runs) == 2  # ... are one more run, after it


def call(app, path):
    answer = {}

    def start_response(status, headers):
        answer["status"], answer["headers"] = status, dict(headers)

    body = b"".join(app({"PATH_INFO": path}, start_response))
    return answer["status"], answer["headers"], body


def preview(tmp_path):
    from dossier.serve import PreviewApp

    output = tmp_path / "output"
    (output / "a").mkdir(parents=True)
    (output / "index.html").write_text("<html><body>home</body></html>")
    (output / "a" / "index.html").write_text("<html><body>a</body></html>")
    (output / "404.html").write_text("<html><body>missing</body></html>")
    (tmp_path / "secret.txt").write_text("secret")
    return PreviewApp(output)


def test_preview_serves_pages_and_nothing_outside_output(tmp_path):
    app = preview(tmp_path)
    assert call(app, "/a/")[0] == "200 OK" and call(app, "/a/")[2] == b"<html><body>a</body></html>"
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/a/../../secret.txt", "/..%2fsecret.txt", "//etc/passwd"):
        status, _, body = call(app, path)
        assert status == "404 Not Found" and b"secret" not in body and b"root:" not in body, path


def test_the_preview_serves_the_site_under_its_base_urls_path_as_it_will_be_published(tmp_path):
    app = preview(tmp_path)
    app.prefix = "/dossier/"
    assert call(app, "/")[0] == "302 Found" and call(app, "/")[1]["Location"] == "/dossier/"
    assert call(app, "/dossier")[0] == "302 Found"
    assert call(app, "/dossier/a/")[2] == b"<html><body>a</body></html>"
    assert call(app, "/dossier/")[2] == b"<html><body>home</body></html>"
    status, _, body = call(app, "/a/")  # outside the base path: the 404 page, whose links start at /dossier/
    assert status == "404 Not Found" and body == b"<html><body>missing</body></html>"


def test_a_failed_rebuild_is_shown_on_every_page_escaped(tmp_path):
    app = preview(tmp_path)
    app.failure = ["templates/tag.html:3: error: <script>bad</script>"]
    body = call(app, "/")[2].decode()
    assert "The last rebuild failed" in body and "templates/tag.html:3: error: &lt;script&gt;bad" in body
    app.failure = []
    assert "failed" not in call(app, "/")[2].decode()


def test_serve_listens_on_localhost_by_default():
    from dossier.cli import make_parser

    assert make_parser().parse_args(["serve"]).host == "127.0.0.1"


def test_serve_shows_an_edit_and_then_the_rest_of_the_site_catches_up(tmp_path):
    import shutil
    import socket
    import subprocess
    import sys
    import urllib.request
    from urllib.parse import urlsplit

    import yaml
    from helpers import PROJECT

    shutil.copytree(PROJECT / "content", tmp_path / "content")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, str(PROJECT / "build.py"), "serve", "--content",
                               str(tmp_path / "content"), "--output", str(tmp_path / "output"), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)

    base = urlsplit(yaml.safe_load((tmp_path / "content" / "site.yaml").read_text())["base_url"]).path  # served there

    def page(path: str, wanted: str) -> str:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                text = urllib.request.urlopen(f"http://127.0.0.1:{port}{base}{path}").read().decode()
                if wanted in text:
                    return text
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"{path} never showed {wanted!r}")

    try:
        article = "articles/russian-peacekeepers-in-karabakh-demanded-and-needed-russian-deputy-foreign/"
        page(article, "Mikhail Galuzin")
        time.sleep(0.5)  # watching has started
        seed = tmp_path / "content/articles/000_034f0e8b02609159.txt"
        seed.write_text(seed.read_text().replace("Mikhail Galuzin", "Mikhail Galuzin, with Sergey Lavrov,", 1))
        assert 'people/sergey-lavrov/">Sergey Lavrov</a>' in page(article, "Galuzin</a>, with")
        page("people/sergey-lavrov/", "Russian peacekeepers in Karabakh demanded")  # the entity page caught up
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server and its search indexer
        output = server.communicate(timeout=30)[0]
    assert "updated in" in output and "rebuilding the rest" in output  # the first answer came first

"""The live-preview seam: changes are noticed without a browser, bursts become one rebuild."""

import os
import threading
import time

from dossier.serve import Rebuilder


def touch(path, text):
    path.write_text(text)
    stamp = time.time() + 1  # mtimes can be coarse; make each write visible
    os.utime(path, (stamp, stamp))


def test_a_burst_of_changes_is_one_rebuild(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    builds = []
    rebuilder = Rebuilder(lambda: builds.append(1) or True, [tmp_path], settle=0.2)
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
    assert builds == [1]


def test_a_failed_build_is_reported_and_watching_goes_on(tmp_path):
    results = iter([False, True])
    rebuilder = Rebuilder(lambda: next(results), [tmp_path], settle=0.01)
    touch(tmp_path / "a.txt", "broken")
    assert rebuilder.poll() is False
    touch(tmp_path / "a.txt", "fixed!")
    assert rebuilder.poll() is True


def test_hidden_files_are_not_watched(tmp_path):
    rebuilder = Rebuilder(lambda: True, [tmp_path], settle=0.01)
    touch(tmp_path / ".swp", "editor noise")
    assert rebuilder.poll() is None


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

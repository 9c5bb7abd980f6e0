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

"""Writing the site: atomic replacement, a marker, and no path out of the output folder."""

import pytest

from dossier.write import MARKER, OutputError, Staging, check_output_folder, safe_relative, write_site


def test_write_replaces_the_whole_folder(tmp_path):
    output = tmp_path / "out"
    write_site({"index.html": b"one", "old.html": b"old"}, output)
    write_site({"index.html": b"two", "a/b.txt": b"b"}, output)
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()) == \
        [MARKER, "a/b.txt", "index.html"]
    assert (output / "index.html").read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left behind


def test_a_failed_write_leaves_the_previous_site(tmp_path):
    output = tmp_path / "out"
    write_site({"index.html": b"good"}, output)
    # the bad path sorts after index.html, so the new index.html is written before the failure
    assert sorted(["index.html", "zz/../../escape.html"])[0] == "index.html"
    with pytest.raises(OutputError):
        write_site({"index.html": b"new", "zz/../../escape.html": b"x"}, output)
    assert (output / "index.html").read_bytes() == b"good"
    assert not (tmp_path / "escape.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("path", ["../x", "/etc/passwd", "a/../../x", "..\\..\\x", ""])
def test_paths_cannot_leave_the_output(path):
    with pytest.raises(OutputError):
        safe_relative(path)


def test_output_cannot_be_inside_the_sources(tmp_path):
    with pytest.raises(OutputError, match="must not be, contain or lie inside"):
        check_output_folder(tmp_path / "content" / "out", [tmp_path / "content"])


def test_a_second_build_at_the_same_time_is_refused(tmp_path):
    from dossier.write import output_lock

    with output_lock(tmp_path / "out"):
        with pytest.raises(OutputError, match="another dossier build is writing it"):
            with output_lock(tmp_path / "out"):
                pass


def test_leftovers_of_a_killed_build_are_cleared(tmp_path):
    (tmp_path / ".out.new-abc").mkdir()
    (tmp_path / ".out.new-abc" / "half.html").write_text("half")
    write_site({"index.html": b"x"}, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_file_given_in_pieces_is_written_whole(tmp_path):
    staging = Staging(tmp_path / "out")
    staging.write("data/big.json", (piece for piece in (b"[\n", b"1", b",\n", b"2", b"\n]\n")))
    staging.commit("id")
    assert (tmp_path / "out" / "data" / "big.json").read_bytes() == b"[\n1,\n2\n]\n"

"""Writing the site: atomic replacement, a marker, and no path out of the output folder."""

import pytest

from dossier.write import (MARKER, OutputError, Spool, Staging, built_id, check_output_folder, replace_file,
                           safe_relative, update_first, update_site, write_site)


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


def test_an_updates_file_made_in_pieces_waits_in_a_spool_and_is_moved_into_place(tmp_path):
    output = tmp_path / "out"
    write_site({"data/big.json": b"[]\n", "index.html": b"x"}, output, build_id="one")
    spool = Spool(output)
    spooled = spool.write(piece for piece in (b"[\n", b"1", b"\n]\n"))
    assert spooled.path.read_bytes() == b"[\n1\n]\n" and spooled.path.parent.parent == tmp_path  # beside the output
    update_site({"data/big.json": spooled}, set(), output, "two")
    assert (output / "data" / "big.json").read_bytes() == b"[\n1\n]\n" and not spooled.path.exists()
    assert (output / "data" / "big.json").stat().st_mode & 0o777 == 0o644
    spool.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    (tmp_path / ".out.spool-abc").mkdir()  # a killed update's
    write_site({"index.html": b"y"}, output)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_file_given_in_pieces_is_written_whole(tmp_path):
    staging = Staging(tmp_path / "out")
    staging.write("data/big.json", (piece for piece in (b"[\n", b"1", b",\n", b"2", b"\n]\n")))
    staging.commit("id")
    assert (tmp_path / "out" / "data" / "big.json").read_bytes() == b"[\n1,\n2\n]\n"


def test_a_folder_dossier_did_not_make_is_never_written_over(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep")
    with pytest.raises(OutputError, match=f"exists and was not made by dossier \\(no {MARKER} file\\)"):
        check_output_folder(mine, [])
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(OutputError, match="not made by dossier"):
        check_output_folder(a_file, [])
    (tmp_path / "empty").mkdir()
    check_output_folder(tmp_path / "empty", [])  # an empty folder, or one dossier made, may be written
    write_site({"index.html": b"x"}, tmp_path / "site")
    check_output_folder(tmp_path / "site", [])
    with pytest.raises(OutputError, match="must not be, contain or lie inside"):
        check_output_folder(tmp_path, [tmp_path / "content"])  # containing the sources
    with pytest.raises(OutputError, match="must not be, contain or lie inside"):
        check_output_folder(tmp_path / "content", [tmp_path / "content"])


def test_the_marker_records_the_build_and_a_folder_without_one_has_none(tmp_path):
    output = tmp_path / "out"
    assert built_id(output) == ""
    write_site({"index.html": b"x"}, output, build_id="abc123")
    assert built_id(output) == "abc123"
    assert (output / MARKER).read_text().splitlines()[1] == "build: abc123"


def test_an_update_writes_what_changed_deletes_what_is_stale_and_prunes_emptied_folders(tmp_path):
    output = tmp_path / "out"
    write_site({"index.html": b"1", "a/b/old.html": b"o", "a/keep.html": b"k", "c/gone.html": b"g"}, output,
               build_id="one")
    update_site({"index.html": b"2", "new/page.html": b"n"}, {"a/b/old.html", "c/gone.html"}, output, "two")
    files = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())
    assert files == [MARKER, "a/keep.html", "index.html", "new/page.html"]
    assert not (output / "a" / "b").exists() and not (output / "c").exists() and (output / "a").is_dir()
    assert (output / "index.html").read_bytes() == b"2" and built_id(output) == "two"
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in output.rglob("*.html"))  # readable by a web server


def test_an_update_with_nothing_to_do_touches_nothing_but_a_new_build_id_is_recorded(tmp_path):
    output = tmp_path / "out"
    write_site({"index.html": b"1"}, output, build_id="one")
    inode = (output / MARKER).stat().st_ino
    update_site({}, set(), output, "one")
    assert (output / MARKER).stat().st_ino == inode  # not rewritten
    update_site({}, set(), output, "two")
    assert built_id(output) == "two"


def test_files_written_ahead_of_an_update_mark_the_folder_unfinished_until_the_update_ends(tmp_path):
    output = tmp_path / "out"
    write_site({"index.html": b"1", "a.html": b"a"}, output, build_id="one")
    update_first({"a.html": b"A"}, output)
    assert built_id(output) == "" and (output / "a.html").read_bytes() == b"A"  # a killed build ends here
    update_site({"index.html": b"2"}, set(), output, "two")
    assert built_id(output) == "two"
    update_first({}, output)
    assert built_id(output) == "two"  # nothing written ahead: still finished


def test_a_file_that_fails_to_be_written_leaves_the_old_one_and_no_temporary_file(tmp_path):
    output = tmp_path / "out"
    write_site({"index.html": b"old"}, output)
    with pytest.raises(TypeError):
        replace_file(output, "index.html", "not bytes")  # the write itself fails
    assert (output / "index.html").read_bytes() == b"old"
    assert sorted(p.name for p in output.iterdir()) == [MARKER, "index.html"]


def test_what_finish_adds_to_the_staged_site_is_published_with_it(tmp_path):
    seen = []

    def finish(folder):
        seen.append(sorted(p.name for p in folder.iterdir()))
        (folder / "search").mkdir()
        (folder / "search" / "index.js").write_bytes(b"js")

    write_site({"index.html": b"x"}, tmp_path / "out", finish=finish, build_id="b")
    assert seen == [[MARKER, "index.html"]]  # the marker is written before finish runs
    assert (tmp_path / "out" / "search" / "index.js").read_bytes() == b"js"
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o755


def test_leftovers_of_a_killed_swap_are_cleared_and_only_ours(tmp_path):
    (tmp_path / ".out.old-abc" / "site").mkdir(parents=True)
    (tmp_path / ".out.new-def").mkdir()
    (tmp_path / ".other.new-ghi").mkdir()  # another output folder's: not ours to clear
    write_site({"index.html": b"x"}, tmp_path / "out")
    write_site({"index.html": b"y"}, tmp_path / "out")  # a swap with an old site: the retired one removed
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.new-ghi", "out"]
    assert (tmp_path / "out" / "index.html").read_bytes() == b"y"


def test_an_update_with_the_same_build_id_still_writes_and_deletes_what_it_is_given(tmp_path):
    output = tmp_path / "out"
    write_site({"index.html": b"1", "old.html": b"o"}, output, build_id="same")
    update_site({"index.html": b"2"}, set(), output, "same")
    assert (output / "index.html").read_bytes() == b"2"
    update_site({}, {"old.html", "never-there.html"}, output, "same")  # a stale file already gone is no error
    assert not (output / "old.html").exists()


def test_a_site_is_written_into_folders_that_do_not_exist_yet_and_without_an_id_records_none(tmp_path):
    output = tmp_path / "a" / "b" / "out"
    write_site({"index.html": b"x"}, output)
    assert (output / "index.html").read_bytes() == b"x" and built_id(output) == ""
    (output / MARKER).write_text("written by an older dossier\n")  # no build line
    assert built_id(output) == ""


def test_the_refusals_say_what_to_do(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep")
    with pytest.raises(OutputError) as refused:
        check_output_folder(tmp_path / "mine", [])
    assert str(refused.value).endswith("exists and was not made by dossier (no .dossier-output file); "
                                       "move it away or choose another --output")
    with pytest.raises(OutputError) as refused:
        check_output_folder(tmp_path / "content" / "out", [tmp_path / "content"])
    assert str(refused.value).endswith(f"the output folder must not be, contain or lie inside "
                                       f"{(tmp_path / 'content').resolve()}; choose another --output")


def test_a_spooled_file_is_copied_in_when_the_output_folder_is_on_another_file_system(tmp_path, monkeypatch):
    import errno
    import os

    output = tmp_path / "out"
    write_site({"data/big.json": b"[]\n"}, output, build_id="one")
    spool = Spool(output)
    spooled = spool.write(iter([b"[\n1\n]\n"]))
    replace = os.replace

    def across(source, target):
        if str(source) == str(spooled.path):  # as a mount point's output folder answers a rename from outside
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return replace(source, target)
    monkeypatch.setattr(os, "replace", across)
    update_site({"data/big.json": spooled}, set(), output, "two")
    assert (output / "data" / "big.json").read_bytes() == b"[\n1\n]\n"
    assert (output / "data" / "big.json").stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in (output / "data").iterdir()) == ["big.json"]  # no temporary file left
    spool.discard()

from pathlib import Path

from newsgraph.ingest.sources import expand_inputs


def test_folders_recurse_choose_by_type_and_list_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "two.html").write_text("x")
    (tmp_path / "feed.jsonl").write_text("x")
    (tmp_path / "photo.png").write_bytes(b"x")
    found = expand_inputs([str(tmp_path)])
    assert sorted(p.name for p in found.files) == ["feed.jsonl", "one.txt", "two.html"]
    assert [p.name for p, _ in found.skipped] == ["photo.png"]
    assert not found.errors


def test_globs_missing_paths_and_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    (tmp_path / "y.txt").write_text("y")
    (tmp_path / "loop").symlink_to(tmp_path)
    found = expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "nope.txt"), str(tmp_path)])
    assert sorted(p.name for p in found.files) == ["x.txt", "y.txt"]  # no repeats, no loop
    assert len(found.errors) == 1 and "no such file" in found.errors[0].reason

"""The review file: validated, sorted, atomic, and safe under concurrent writers."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
from pathlib import Path

import pytest

from nlmg_facts.errors import UsageError
from nlmg_facts.models.review import ReviewEntry, ReviewFile
from nlmg_facts.review.store import ReviewStore, find_review_file, load_review_file


def _entry(fp: str, doc: str = "sources/a.txt", decision: str = "accepted", code: str = "NLMG-D001"):
    return ReviewEntry(
        document=doc, fingerprint=fp, decision=decision, reason="known, fixed upstream later",
        reviewer="tester", date=dt.date(2026, 1, 2), code=code, message="m", evidence=["x"],
    )


def test_entries_are_written_sorted_and_deduplicated(tmp_path):
    store = ReviewStore(tmp_path / "nlmg-facts.review.json")
    store.add([_entry("ffff0000ffff"), _entry("aaaa0000aaaa", code="NLMG-C001")])
    store.add([_entry("ffff0000ffff", decision="dismissed")])
    data = json.loads(store.path.read_text())
    assert [r["fingerprint"] for r in data["reviews"]] == ["aaaa0000aaaa", "ffff0000ffff"]
    assert data["reviews"][1]["decision"] == "dismissed"


def test_rewriting_the_same_content_gives_the_same_bytes(tmp_path):
    store = ReviewStore(tmp_path / "r.json")
    store.add([_entry("bbbb0000bbbb"), _entry("aaaa0000aaaa")])
    before = store.path.read_bytes()
    store.add([])
    assert store.path.read_bytes() == before


def test_a_broken_file_names_the_line_of_the_bad_entry(tmp_path):
    path = tmp_path / "r.json"
    store = ReviewStore(path)
    store.add([_entry("aaaa0000aaaa"), _entry("bbbb0000bbbb")])
    data = json.loads(path.read_text())
    data["reviews"][1]["reason"] = ""
    text = json.dumps(data, indent=2)
    path.write_text(text)
    with pytest.raises(UsageError) as exc:
        load_review_file(path)
    second_entry_line = [i for i, l in enumerate(text.splitlines(), 1) if l.strip() == "{"][2]
    assert f":{second_entry_line}:" in str(exc.value)
    assert "reason" in str(exc.value)


def test_invalid_json_is_an_error_not_a_silent_reset(tmp_path):
    path = tmp_path / "r.json"
    path.write_text('{"reviews": [\n  {"fingerprint": }\n]}\n')
    with pytest.raises(UsageError, match=r"r.json:2:"):
        load_review_file(path)
    assert path.read_text().startswith('{"reviews"')


def test_an_empty_file_is_an_error(tmp_path):
    path = tmp_path / "r.json"
    path.write_text("")
    with pytest.raises(UsageError, match="empty"):
        load_review_file(path)


def test_a_missing_file_reads_as_no_reviews(tmp_path):
    assert load_review_file(tmp_path / "none.json") == ReviewFile()


def test_the_review_file_is_found_from_a_subdirectory(tmp_path):
    (tmp_path / "nlmg-facts.review.json").write_text('{"reviews": []}')
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert find_review_file(tmp_path / "a" / "b") == tmp_path / "nlmg-facts.review.json"


def _add_many(path: str, worker: int) -> None:
    store = ReviewStore(Path(path))
    for i in range(15):
        store.add([_entry(f"{worker:04d}{i:08d}")])


def test_concurrent_writers_lose_no_entries(tmp_path):
    path = tmp_path / "r.json"
    ctx = mp.get_context("fork")
    procs = [ctx.Process(target=_add_many, args=(str(path), w)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    assert all(p.exitcode == 0 for p in procs)
    assert len(load_review_file(path).reviews) == 60
    assert not list(tmp_path.glob("*.tmp"))


# ------------------------------------------------------------------ where the file is


def _config(root, review=None):
    from nlmg_facts.config import Config

    return Config(root=root, review=review)


def test_the_review_file_is_looked_up_from_the_working_directory_to_the_project_root(tmp_path):
    from nlmg_facts.review.store import locate_review_file, review_file_for_writing

    root = tmp_path / "project"
    (root / "sources" / "films").mkdir(parents=True)
    assert locate_review_file(_config(root), cwd=root / "sources" / "films") is None
    assert review_file_for_writing(_config(root), cwd=root / "sources") == root / "nlmg-facts.review.json"
    (root / "nlmg-facts.review.json").write_text('{"reviews": []}')
    assert locate_review_file(_config(root), cwd=root / "sources" / "films") == root / "nlmg-facts.review.json"


def test_a_review_file_above_the_project_root_is_someone_elses(tmp_path):
    from nlmg_facts.review.store import locate_review_file

    (tmp_path / "nlmg-facts.review.json").write_text('{"reviews": []}')
    root = tmp_path / "project"
    root.mkdir()
    assert locate_review_file(_config(root), cwd=root) is None


def test_the_flag_beats_the_configuration_which_beats_discovery(tmp_path):
    from nlmg_facts.review.store import locate_review_file

    (tmp_path / "nlmg-facts.review.json").write_text('{"reviews": []}')
    configured = tmp_path / "reviews" / "decisions.json"
    assert locate_review_file(_config(tmp_path, configured), cwd=tmp_path) == configured
    assert locate_review_file(_config(tmp_path, configured), "mine.json", cwd=tmp_path) == tmp_path / "mine.json"


def test_document_keys_are_relative_to_the_review_file_from_any_working_directory(tmp_path, monkeypatch):
    (tmp_path / "sources").mkdir()
    store = ReviewStore(tmp_path / "reviews" / "r.json")
    monkeypatch.chdir(tmp_path / "sources")
    assert store.document_key("a.txt") == "../sources/a.txt"
    monkeypatch.chdir(tmp_path)
    assert store.document_key("sources/a.txt") == "../sources/a.txt"
    assert ReviewStore(tmp_path / "r.json").document_key("./sources/../sources/a.txt") == "sources/a.txt"


def test_the_review_file_validates_against_its_generated_schema(tmp_path):
    import jsonschema

    schema = json.loads((Path(__file__).resolve().parents[2] / "schemas" / "review.schema.json").read_text())
    store = ReviewStore(tmp_path / "r.json")
    store.add([_entry("aaaa0000aaaa"), _entry("bbbb0000bbbb", decision="dismissed")])
    jsonschema.validate(json.loads(store.path.read_text()), schema)
    broken = json.loads(store.path.read_text())
    broken["reviews"][0]["decision"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)

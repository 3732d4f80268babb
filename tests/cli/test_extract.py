"""`nlmg-facts extract`: one JSON shape whatever the number of inputs, valid against its schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from nlmg_facts.cli import main

from _schema import validate

FILM = "The Heron is a 2012 film. It was released on 3 May 2012 and grossed US$4,100,000.\n"
BOOK = "The Wren is a 2013 novel. It sold 44,911 copies in its first week.\n"


def _extract(tmp_path, capsys, *names: str) -> dict:
    texts = {"heron.txt": FILM, "wren.txt": BOOK}
    for name in names:
        (tmp_path / name).write_text(texts[name], encoding="utf-8")
    assert main(["extract", "--format", "json", *(str(tmp_path / n) for n in names)]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("names", [("heron.txt",), ("heron.txt", "wren.txt")])
def test_json_is_one_object_with_a_documents_list_valid_against_the_schema(tmp_path, capsys, names):
    payload = _extract(tmp_path, capsys, *names)
    validate(payload, "claims.schema.json")
    assert isinstance(payload, dict)
    assert [d["document"].rsplit("/", 1)[-1] for d in payload["documents"]] == list(names)
    assert all(d["claims"] for d in payload["documents"])


def test_the_schema_refuses_the_old_bare_array(tmp_path, capsys):
    payload = _extract(tmp_path, capsys, "heron.txt", "wren.txt")
    with pytest.raises(jsonschema.ValidationError):
        validate(payload["documents"], "claims.schema.json")


def test_text_listing_prints_numbers_as_written(tmp_path, capsys):
    (tmp_path / "heron.txt").write_text(FILM, encoding="utf-8")
    assert main(["extract", "--kind", "money", str(tmp_path / "heron.txt")]) == 0
    out = capsys.readouterr().out
    assert "USD 4,100,000" in out
    assert "e+0" not in out

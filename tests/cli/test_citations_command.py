"""`nlmg-facts citations`: one JSON shape whatever the number of inputs, valid against its schema."""

from __future__ import annotations

import json

import pytest

from nlmg_facts.cli import main

from _schema import validate

ARTICLE = (
    "The Heron is a 2012 film. It was released on 3 May 2012.\n\n"
    "References\n\n"
    'Smith, Jane (2 May 2012). "The Heron opens". The Daily Post. Retrieved 4 May 2012.\n'
    'Jones, Tom (9 June 2012). "Heron lands". Film Weekly. Retrieved 10 June 2012.\n'
)


@pytest.mark.parametrize("count", [1, 2])
def test_json_is_one_object_with_a_documents_list_valid_against_the_schema(tmp_path, capsys, count):
    paths = []
    for i in range(count):
        path = tmp_path / f"heron{i}.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        paths.append(str(path))
    assert main(["citations", "--format", "json", *paths]) == 0
    payload = json.loads(capsys.readouterr().out)
    validate(payload, "citations.schema.json")
    assert [d["document"] for d in payload["documents"]] == paths
    assert all(d["citations"] for d in payload["documents"])

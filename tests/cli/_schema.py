"""Validate a command's JSON output against its published schema in ``schemas/``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def validate(payload: object, schema_file: str) -> None:
    schema = json.loads((SCHEMAS / schema_file).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(payload)

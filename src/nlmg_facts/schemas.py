"""Registry of generated JSON schemas: file name -> top-level model."""

from __future__ import annotations

import json

from pydantic import BaseModel


def schema_models() -> dict[str, type[BaseModel]]:
    from .models import Report
    from .models.citations import CitationsReport
    from .models.claims import ClaimsReport
    from .models.review import ReviewFile

    return {
        "claims.schema.json": ClaimsReport,
        "report.schema.json": Report,
        "citations.schema.json": CitationsReport,
        "review.schema.json": ReviewFile,
    }


def render_schemas() -> dict[str, str]:
    out = {}
    for filename, model in schema_models().items():
        schema = model.model_json_schema(mode="serialization")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://nlmg-facts.invalid/schemas/{filename}"
        out[filename] = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return out

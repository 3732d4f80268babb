"""The JSON report: the versioned ``Report`` model (schema: schemas/report.schema.json)."""

from __future__ import annotations

from ..models import Report


def render(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"

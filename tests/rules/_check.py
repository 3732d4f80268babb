"""One rule through the whole pipeline (ingest, extract, cite, check) on a text of ours."""

from __future__ import annotations

from pathlib import Path

from nlmg_facts.config import Config
from nlmg_facts.ingest import Source
from nlmg_facts.pipeline import check_source

ROOT = Path(__file__).resolve().parents[2]


def findings_of(text: str, code: str) -> list:
    """The findings of rule ``code`` on ``text`` (only that rule runs)."""
    doc = check_source(Source(name="a.txt", text=text), Config(root=ROOT, select=(code,)), "a.txt")
    return [f for f in doc.findings if f.code == code]

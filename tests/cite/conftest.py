from __future__ import annotations

import pytest

from nlmg_facts.ingest.segment import segment
from nlmg_facts.models import Document, Sentence, Span


def make_doc(body: str, back: str, name: str = "<test>") -> Document:
    """A document whose back matter we know: ``body`` + one space + ``back``."""
    text = f"{body} {back}"
    sentences = [
        Sentence(index=i, span=Span(start=s, end=e)) for i, (s, e) in enumerate(segment(text, 0, len(body)))
    ]
    return Document(
        name=name, text=text, body=Span(start=0, end=len(body)),
        back_matter=Span(start=len(body) + 1, end=len(text)), sentences=sentences,
    )


@pytest.fixture
def doc_of():
    return make_doc

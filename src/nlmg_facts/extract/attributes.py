"""What a claim is about: attribute keys from a trigger lexicon (in progress)."""

from __future__ import annotations

from ..models import Attribute, Document, Sentence
from .base import Mention


def attribute_for(doc: Document, sentence: Sentence, mention: Mention) -> Attribute:
    return Attribute()

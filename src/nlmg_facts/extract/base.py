"""What every extractor yields: an untyped-by-context mention with its value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from pydantic import BaseModel

from ..models import Document


@dataclass(frozen=True, slots=True)
class Mention:
    """One extracted mention before it becomes a Claim.

    ``priority`` breaks ties when mentions of different kinds overlap: the
    longer span wins, then the higher priority.
    """

    kind: str
    start: int
    end: int
    value: BaseModel
    priority: int = 0
    #: Kinds this mention may overlap without either being dropped.
    coexists_with: frozenset[str] = field(default_factory=frozenset)


#: An extractor reads the whole document and yields mentions in any order.
Extractor = Callable[[Document], Iterable[Mention]]


def claim_id(kind: str, start: int) -> str:
    """Claim ids are ``kind@offset``: unique per document, readable in reports."""
    return f"{kind}@{start}"

"""nlmg-facts: typed claims, citation links and consistency checks for encyclopedic articles."""

from __future__ import annotations

__version__ = "0.1.0"

from .extract import extract_claims, extract_document  # noqa: E402
from .ingest import ingest  # noqa: E402
from .models import Claim, Document, Span  # noqa: E402

__all__ = ["__version__", "Claim", "Document", "Span", "extract_claims", "extract_document", "ingest"]

"""nlmg-facts: typed claims, citation links and consistency checks for encyclopedic articles."""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "Claim", "Document", "Span", "extract_claims", "extract_document", "ingest"]

# The public names are imported on first access (PEP 562), so that importing the
# package (``nlmg-facts --version``, a worker process) does not build the models
# or load the extractors.
_LAZY = {
    "extract_claims": ".extract",
    "extract_document": ".extract",
    "ingest": ".ingest",
    "Claim": ".models",
    "Document": ".models",
    "Span": ".models",
}

if TYPE_CHECKING:
    from .extract import extract_claims, extract_document
    from .ingest import ingest
    from .models import Claim, Document, Span


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'nlmg_facts' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """The package module: ``nlmg_facts.ingest`` stays the function, as it always was.

    Importing the ``ingest`` subpackage would otherwise bind the name to the
    subpackage (the function was imported eagerly before, and shadowed it).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

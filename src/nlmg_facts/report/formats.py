"""Output formats of ``nlmg-facts check``: one row per format, renderers imported lazily."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import CheckRun


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    help: str
    #: Module in this package with ``render(report) -> str``
    #: (or ``render(report, analyses) -> str`` when ``needs_documents``).
    module: str
    #: The renderer also needs each document's text and claims (kept by the pipeline).
    needs_documents: bool = False

    def render(self, run: "CheckRun") -> str:
        renderer = importlib.import_module(f"{__package__}.{self.module}").render
        if self.needs_documents:
            return renderer(run.report, run.analyses)
        return renderer(run.report)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "path:line:col: severity CODE message, hint and evidence", "text"),
        Format("json", "the versioned report (schemas/report.schema.json)", "json"),
        Format("sarif", "SARIF 2.1.0 for GitHub code scanning", "sarif"),
        Format("github", "GitHub Actions annotation lines (::error file=...)", "github"),
        Format("html", "a self-contained review page (use with --output FILE.html)", "html",
               needs_documents=True),
    )
}

"""What a rule sees: the document, its claims, citations and links, with indexes.

Indexes are built once per document so rules group claims by attribute key
instead of comparing all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..models import Claim, Document, Evidence, Span

if TYPE_CHECKING:  # pragma: no cover
    from ..models.citations import Citation, ClaimLink


@dataclass
class RuleContext:
    doc: Document
    claims: list[Claim]
    citations: list["Citation"] = field(default_factory=list)
    links: list["ClaimLink"] = field(default_factory=list)
    #: Event calendar (festivals, awards) merged with user configuration.
    calendar: Any = None
    #: Per-rule options from configuration, keyed by rule code.
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Facts several rules derive from the same claims (is a claim superseded, the
    #: festival mentions), computed once per document: see ``memo``.
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    #: Claims of infobox fields (wikitext): set apart from ``claims`` so that only the
    #: infobox rules (NLMG-I) compare them with the prose; ``claims_by_id`` has both, so
    #: the citation rules see an infobox value with the <ref> it carries.
    infobox_claims: list[Claim] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.doc.stated and not self.infobox_claims:
            sentences = self.doc.sentences
            self.infobox_claims = [c for c in self.claims if sentences[c.sentence].section == "infobox"]
            if self.infobox_claims:
                self.claims = [c for c in self.claims if sentences[c.sentence].section != "infobox"]

    # ------------------------------------------------------------ indexes
    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in (*self.claims, *self.infobox_claims)}

    @cached_property
    def by_key(self) -> dict[str, list[Claim]]:
        """Claims grouped by attribute key (known attributes only)."""
        groups: dict[str, list[Claim]] = defaultdict(list)
        for c in self.claims:
            if c.attribute.known:
                groups[c.attribute.key].append(c)
        return dict(groups)

    @cached_property
    def by_sentence(self) -> dict[int, list[Claim]]:
        groups: dict[int, list[Claim]] = defaultdict(list)
        for c in self.claims:
            groups[c.sentence].append(c)
        return dict(groups)

    @cached_property
    def link_of(self) -> dict[str, "ClaimLink"]:
        """Claim id -> its citation link (claims without a credible citation are absent)."""
        return {link.claim: link for link in self.links if link.citation}

    def citations_of(self, claim_ids: list[str]) -> list[str]:
        """Ids of the citations linked to these claims, in first-seen order."""
        out: list[str] = []
        for cid in claim_ids:
            link = self.link_of.get(cid)
            if link and link.citation not in out:
                out.append(link.citation)
        return out

    def memo(self, key: Any, compute: Any) -> Any:
        """``compute()`` once per document and ``key``; later calls return the same value.

        Rules must not mutate what they get back (several rules share it).
        """
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def of_kind(self, kind: str) -> list[Claim]:
        return [c for c in self.claims if c.kind == kind]

    # ------------------------------------------------------------ evidence
    def evidence(self, span: Span, role: str) -> Evidence:
        return Evidence(span=span, role=role, text=span.of(self.doc.text))

    def claim_evidence(self, claim: Claim, role: str = "claim") -> Evidence:
        return self.evidence(claim.span, role)

    def sentence_text(self, index: int) -> str:
        return self.doc.sentence_text(index)

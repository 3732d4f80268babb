"""Rendering extracted claims (``nlmg-facts extract``)."""

from __future__ import annotations

from ..models import Claim, ClaimsDocument, Document
from ..models.claims import LocatedClaim
from ..spans import LineIndex


def claims_document(doc: Document, claims: list[Claim]) -> ClaimsDocument:
    index = LineIndex(doc.text)
    located = []
    for c in claims:
        line, col = index.position(c.span.start)
        located.append(LocatedClaim(line=line, column=col, claim=c))
    return ClaimsDocument(document=doc.name, claims=located)


def describe_value(claim: Claim) -> str:
    """Short human form of a claim's value for text listings."""
    v = claim.value
    k = claim.kind
    if k == "date":
        return v.iso if v.resolved or not v.relative else f"{v.iso or '?'} (relative: {v.relative.expression})"
    if k in ("money", "count", "percentage"):
        rng = "" if v.low == v.high == v.stated else f" [{_num(v.low)}..{_num(v.high)}]"
        if k == "money":
            return f"{v.currency} {_num(v.stated)}{rng}"
        if k == "percentage":
            return f"{_num(v.stated)}%{rng}" + (f" {v.direction}" if v.direction else "")
        return f"{_num(v.stated)}{rng}" + (f" {v.noun}" if v.noun else "")
    if k == "ranking":
        return f"#{v.rank}" + (f" {v.category}" if v.category else "")
    if k == "edition":
        return f"{v.number} {v.event}"
    if k == "rating":
        if v.letter:
            return v.letter
        return f"{_num(v.score)}/{_num(v.scale)}" if v.scale else _num(v.score)
    if k == "duration":
        amt = _num(v.low) if v.low == v.high else f"{_num(v.low)}..{_num(v.high)}"
        return f"{amt} {v.unit}"
    return str(v)


def _num(x: float | None) -> str:
    """A number as people write it: 4,100,000 and 9.45, never exponent notation (4.1e+06)."""
    if x is None:
        return "?"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6f}".rstrip("0").rstrip(".")


def render_claims_text(doc: Document, claims: list[Claim], with_name: bool = False) -> str:
    index = LineIndex(doc.text)
    lines = []
    for c in claims:
        line, col = index.position(c.span.start)
        prefix = f"{doc.name}:" if with_name else ""
        lines.append(
            f'{prefix}{line}:{col} {c.kind} {describe_value(c)} {c.attribute.key}  "{c.text}"'
        )
    return "\n".join(lines) + ("\n" if lines else "")

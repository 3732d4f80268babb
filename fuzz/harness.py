"""Every stage of ``nlmg-facts check`` on one text, and the invariants any input must keep.

Shared by the atheris target (``fuzz/fuzz_check.py``), the hypothesis property
tests and the regression fixtures (``tests/robustness/``). Nothing here catches
an exception: a stage that raises, a rule recorded as crashed, a span outside
the text or a quote that is not the text at its span is a defect.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from nlmg_facts.config import Config
from nlmg_facts.ingest import Source
from nlmg_facts.models import Report
from nlmg_facts.models.claims import DateValue, DurationValue, Quantity
from nlmg_facts.pipeline import Analysis, analyse, build_report, document_report, settings_for
from nlmg_facts.report import github, html, json, sarif, text

ROOT = Path(__file__).resolve().parents[1]
#: Names that select the input format the way a file name does.
NAMES = ("fuzz.txt", "fuzz.wiki", "fuzz.md")
#: The fuzzers' seeds: the bundled article, the test corpus, the format fixtures, past findings.
SEEDS = (
    [ROOT / "sources" / "never_let_me_go_2010.txt"]
    + sorted((ROOT / "tests" / "corpus").rglob("*.txt"))
    + sorted((ROOT / "tests" / "corpus").rglob("*.wiki"))
    + sorted((ROOT / "tests" / "fixtures" / "formats").glob("*.*"))
    + sorted(p for p in (ROOT / "tests" / "fixtures" / "fuzz").glob("*.*") if p.name != "README.md")
)


def read_seed(path: Path) -> str:
    """A seed or fixture file as text: UTF-8, invalid bytes kept as lone surrogates."""
    return path.read_bytes().decode("utf-8", "surrogateescape")


class InvariantError(AssertionError):
    """An input broke a promise of the pipeline (see :func:`check_invariants`)."""


@cache
def settings():
    return settings_for(Config(root=ROOT))


def run(text: str, name: str = "fuzz.txt") -> Analysis:
    """Every stage over ``text``; a crash or broken invariant raises InvariantError."""
    a = analyse(Source(name=name, text=text), settings(), name)
    if a.errors or a.failure:
        raise InvariantError(f"{name}: {a.failure or ''} {[e.model_dump() for e in a.errors]}")
    check_invariants(text, a)
    return a


def report_of(a: Analysis) -> Report:
    return build_report([document_report(a)], settings().rules)


def render_all(a: Analysis) -> dict[str, str]:
    """The report in every output format (they must not raise either)."""
    report = report_of(a)
    out = {m.__name__.rsplit(".", 1)[1]: m.render(report) for m in (text, json, sarif, github)}
    out["html"] = html.render(report, {a.uri: a})
    return out


def _span(text: str, span, what: str) -> None:
    if not 0 <= span.start <= span.end <= len(text):
        raise InvariantError(f"{what}: span {span.start}..{span.end} outside 0..{len(text)}")


def _value_in_interval(claim) -> None:
    v = claim.value
    ok = True
    if isinstance(v, Quantity):
        ok = v.low <= v.stated <= v.high
    elif isinstance(v, DurationValue):
        ok = 0 <= v.low <= v.high
    elif isinstance(v, DateValue) and v.resolved:
        ok = v.start <= v.end
    if not ok:
        raise InvariantError(f"{claim.id}: value {v!r} outside its own interval")


def check_invariants(text: str, a: Analysis) -> None:
    """Spans inside the text, quotes equal to the text at their spans, values inside intervals."""
    doc = a.doc
    assert doc is not None
    if doc.text != text:
        raise InvariantError("the document's text is not the input")
    _span(text, doc.body, "body")
    if doc.back_matter is not None:
        _span(text, doc.back_matter, "back matter")
    for s in doc.sentences:
        _span(text, s.span, f"sentence {s.index}")
    for m in doc.markers:
        _span(text, m.span, "marker")
    ids = set()
    for c in a.claims:
        _span(text, c.span, c.id)
        if c.text != c.span.of(text):
            raise InvariantError(f"{c.id}: text {c.text!r} is not the text at its span")
        for ev in c.attribute.evidence:
            _span(text, ev, f"{c.id} attribute evidence")
        _value_in_interval(c)
        ids.add(c.id)
    if len(ids) != len(a.claims):
        raise InvariantError("two claims share an id")
    cites = set()
    for c in a.citations:
        _span(text, c.span, c.id)
        if c.text != c.span.of(text):
            raise InvariantError(f"{c.id}: citation text is not the text at its span")
        cites.add(c.id)
    for link in a.links:
        if link.claim not in ids or link.citation not in (None, *cites):
            raise InvariantError(f"link {link.claim} -> {link.citation} names an unknown claim or citation")
    for f in a.findings:
        for ev in f.evidence:
            _span(text, ev.span, f"{f.code} evidence")
            if ev.text != ev.span.of(text):
                raise InvariantError(f"{f.code}: evidence {ev.text!r} is not the text at its span")
        if not set(f.claims) <= ids or not set(f.citations) <= cites:
            raise InvariantError(f"{f.code} names an unknown claim or citation")


def decode(data: bytes) -> tuple[str, str]:
    """Fuzzer bytes -> (text, file name): the first byte picks the format, the rest is
    UTF-8 read with ``surrogateescape`` (so invalid bytes become lone surrogates)."""
    if not data:
        return "", NAMES[0]
    return data[1:].decode("utf-8", "surrogateescape"), NAMES[data[0] % len(NAMES)]

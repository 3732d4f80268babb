"""Rule engine: choose the rules, run them over a RuleContext, turn Hits into Findings.

Decisions, in one place:

- **Selection** is layered like ruff's: the configuration's ``select``/``ignore``
  first, then the command line's. Within a layer, a rule is on when a ``select``
  selector matches it more specifically than any ``ignore`` selector (longer
  code prefix; a rule name is the most specific); ties go to ``ignore``. A
  later layer with ``select`` starts afresh from its own selection; a layer with
  only ``ignore`` removes from what is on.
- **Severity**: a configured override replaces the rule's default; a hit that
  lowered (or raised) its own severity keeps the same offset from the new level.
- **Fingerprint**: sha256 over rule code, the document's project-relative uri,
  the hit's normalised ``key`` values, and for each evidence span its role, its
  normalised text and up to three words either side within its sentence. No
  offsets or line numbers, so inserting unrelated text elsewhere keeps it.
  Identical fingerprints within a document get an occurrence suffix.
- **Order**: findings sort by first evidence offset, then code, then fingerprint.
- **Crashes**: a rule that raises is recorded as an ``InternalError`` on the
  document; the other rules still run; the command then exits 3, never 0.
"""

from __future__ import annotations

import hashlib
import importlib
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import regex

from .. import _lazyre
from ..errors import UsageError
from ..models.common import Severity
from ..models.findings import Finding, InternalError, RuleInfo
from .context import RuleContext
from .catalogue import all_rules
from .registry import Hit, RuleSpec

FINGERPRINT_VERSION = "1"
#: Words either side of an evidence span that go into the fingerprint.
NEAR_WORDS = 3
#: Without a sentence around a span (back matter), look this far either side.
_WINDOW = 80
_WORD = _lazyre.lazy_compile(r"\w+", regex.UNICODE)
_SPACE = _lazyre.lazy_compile(r"\s+")
_SEVERITIES = sorted(Severity, key=lambda s: s.rank)


@dataclass(frozen=True, slots=True)
class ActiveRule:
    spec: RuleSpec
    severity: Severity

    @property
    def info(self) -> RuleInfo:
        s = self.spec
        return RuleInfo(
            code=s.code, name=s.name, severity=self.severity, family=s.family, summary=s.summary
        )


@dataclass(frozen=True, slots=True)
class EngineResult:
    findings: list[Finding]
    errors: list[InternalError]


# ------------------------------------------------------------------ selection


def _specificity(selector: str, spec: RuleSpec) -> int:
    """How closely a selector names a rule: 0 no match, longer prefix higher."""
    if selector == "ALL":
        return 1
    if selector == spec.name:
        return 100
    return len(selector) + 1 if spec.code.startswith(selector) else 0


def _layer(enabled: set[str], rules: Sequence[RuleSpec], select, ignore) -> set[str]:
    out = set() if select else set(enabled)
    for spec in rules:
        best_select = max((_specificity(s, spec) for s in select), default=0)
        best_ignore = max((_specificity(s, spec) for s in ignore), default=0)
        if select and best_select > best_ignore:
            out.add(spec.code)
        elif best_ignore and best_ignore >= best_select:
            out.discard(spec.code)
    return out


def load_plugins(modules: Iterable[str], root: Path | str | None = None) -> None:
    """Import extra rule modules named in the configuration (they register rules).

    ``root`` (the project root) is searched first, so ``plugins = ["house_rules"]``
    finds ``house_rules.py`` beside pyproject.toml without ``PYTHONPATH``.
    """
    modules = list(modules)
    if not modules:
        return
    where = str(Path(root).resolve()) if root is not None else None
    added = where is not None and where not in sys.path
    if added:
        sys.path.insert(0, where)
    try:
        for name in modules:
            try:
                importlib.import_module(name)
            except ImportError as exc:
                looked = f" (looked in the project root {where} and on sys.path)" if where else ""
                raise UsageError(f"plugins: cannot import {name!r}: {exc}{looked}") from None
    finally:
        if added:
            sys.path.remove(where)


def active_rules(config) -> list[ActiveRule]:
    """The rules a configuration turns on, with their effective severity."""
    load_plugins(config.plugins, config.root)
    rules = all_rules()
    by_name = {r.name: r for r in rules}
    from ..suppress import suggest

    codes, names = [r.code for r in rules], [r.name for r in rules]
    for selector in (*config.select, *config.ignore, *config.cli_select, *config.cli_ignore):
        if not any(_specificity(selector, r) for r in rules):
            raise UsageError(
                f"rule selector {selector!r} matches no rule{suggest(selector, codes, names)} "
                "(see `nlmg-facts rules`)"
            )
    overrides: dict[str, Severity] = {}
    for key, level in config.severity.items():
        spec = by_name.get(key) or next((r for r in rules if r.code == key.upper()), None)
        if spec is None:
            raise UsageError(
                f"severity: unknown rule {key!r}{suggest(key, codes, names)} (see `nlmg-facts rules`)"
            )
        overrides[spec.code] = Severity(level)
    enabled = {r.code for r in rules}
    enabled = _layer(enabled, rules, config.select, config.ignore)
    enabled = _layer(enabled, rules, config.cli_select, config.cli_ignore)
    return [
        ActiveRule(spec=r, severity=overrides.get(r.code, r.severity))
        for r in rules
        if r.code in enabled
    ]


# ------------------------------------------------------------------ running


def _shift(level: Severity, default: Severity, hit_level: Severity | None) -> Severity:
    if hit_level is None:
        return level
    rank = level.rank + hit_level.rank - default.rank
    return _SEVERITIES[min(max(rank, 1), 3) - 1]


def _norm(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _near_words(ctx: RuleContext, start: int, end: int) -> tuple[str, str]:
    text = ctx.doc.text
    sentence = ctx.doc.sentence_at(start)
    if sentence is not None and sentence.span.end >= end:
        lo, hi = sentence.span.start, sentence.span.end
    else:
        lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    return _norm(" ".join(_words_before(text, lo, start))), _norm(" ".join(_words_after(text, end, hi)))


def _words_before(text: str, lo: int, start: int) -> list[str]:
    """The last NEAR_WORDS words of ``text[lo:start]``, reading only as far back as needed.

    A window that yields more words than wanted cannot have cut one of the last
    ones (only its first word may be a cut-off tail), so the answer is the one
    the whole stretch gives; a long sentence costs no more than a short one.
    """
    width = 64
    while True:
        a = max(lo, start - width)
        words = _WORD.findall(text, a, start)
        if a == lo or len(words) > NEAR_WORDS:
            return words[-NEAR_WORDS:]
        width *= 4


def _words_after(text: str, end: int, hi: int) -> list[str]:
    """The first NEAR_WORDS words of ``text[end:hi]``."""
    out = []
    for m in _WORD.finditer(text, end, hi):
        out.append(m.group())
        if len(out) == NEAR_WORDS:
            break
    return out


def fingerprint(ctx: RuleContext, code: str, document: str, hit: Hit) -> str:
    """Content hash of a hit; see the module docstring for what goes in."""
    parts = [FINGERPRINT_VERSION, code, document, *(_norm(str(k)) for k in hit.key)]
    for ev in hit.evidence:
        before, after = _near_words(ctx, ev.span.start, ev.span.end)
        parts += [ev.role, _norm(ev.text), before, after]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _check_hit(ctx: RuleContext, hit: object) -> Hit:
    if not isinstance(hit, Hit):
        raise TypeError(f"rule yielded {type(hit).__name__}, expected Hit")
    if not hit.evidence:
        raise ValueError("hit without evidence")
    n = len(ctx.doc.text)
    for ev in hit.evidence:
        if ev.span.end > n:
            raise ValueError(f"evidence span {ev.span.start}-{ev.span.end} past the text ({n})")
    return hit


def one_line(exc: BaseException) -> str:
    """``Type: message`` on one line, for reports and stderr."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:500]


def run_rules(ctx: RuleContext, rules: Sequence[ActiveRule], document: str) -> EngineResult:
    """Every active rule over one document; a crashing rule is recorded, not fatal."""
    findings: list[Finding] = []
    errors: list[InternalError] = []
    for active in rules:
        spec = active.spec
        try:
            hits = [_check_hit(ctx, h) for h in spec.func(ctx)]
        except Exception as exc:  # noqa: BLE001 - reported as an internal error, exit 3
            errors.append(InternalError(stage="check", rule=spec.code, message=one_line(exc)))
            continue
        for hit in hits:
            findings.append(
                Finding(
                    code=spec.code,
                    name=spec.name,
                    severity=_shift(active.severity, spec.severity, hit.severity),
                    message=hit.message,
                    hint=hit.hint,
                    evidence=list(hit.evidence),
                    claims=list(hit.claims),
                    # The citations a finding involves: those the rule named, then
                    # those its claims are linked to (for review and the HTML page).
                    citations=list(dict.fromkeys([*hit.citations, *ctx.citations_of(list(hit.claims))])),
                    fingerprint=fingerprint(ctx, spec.code, document, hit),
                )
            )
    return EngineResult(findings=_dedupe_fingerprints(sort_findings(findings)), errors=errors)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (f.evidence[0].span.start, f.evidence[0].span.end, f.code, f.fingerprint),
    )


def _dedupe_fingerprints(findings: list[Finding]) -> list[Finding]:
    """The same defect stated twice in one document keeps two distinct fingerprints."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        n = seen.get(f.fingerprint, 0) + 1
        seen[f.fingerprint] = n
        if n > 1:
            fp = hashlib.sha256(f"{f.fingerprint}#{n}".encode()).hexdigest()[:32]
            f = f.model_copy(update={"fingerprint": fp})
        out.append(f)
    return out

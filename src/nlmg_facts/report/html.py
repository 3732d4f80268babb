"""The HTML review page: one self-contained file with each article, its claims and its findings.

``nlmg-facts check --format html`` renders :func:`render`. The page needs the whole
analyses (text, claims, citations, links), not only the report, so its format row
asks the pipeline to keep them.

Safety: every piece of article text goes through :func:`_e` (text and attributes);
data for the script is embedded as JSON with ``<``, ``>`` and ``&`` escaped, so
no ``</script>`` can end the block early; and a Content-Security-Policy admits
only the page's own style and script (by hash), so even a missed escape could not
run an injected handler or load anything from the network.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ..models import Claim, Document, DocumentReport, Report
from ..models.citations import Citation, ClaimLink
from ..models.claims import CLAIM_KINDS, THIS_WORK, UNKNOWN
from ..models.findings import Finding
from .claims import describe_value

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis

#: Severity -> rank; the strongest unreviewed finding colours a span.
_RANK = {"info": 1, "warning": 2, "error": 3}
#: Flattened articles (no line breaks) get a visual paragraph break every few
#: sentences; a natural paragraph longer than the limit is split the same way.
_SOFT_PARAGRAPH_LIMIT = 8
_SOFT_PARAGRAPH_SENTENCES = 5
#: Longest citation text shown when it has no parsed fields.
_CITATION_CLIP = 220


@dataclass
class HtmlDocument:
    """Everything the page shows about one document (``doc`` is None when unreadable)."""

    report: DocumentReport
    doc: Document | None = None
    claims: list[Claim] = field(default_factory=list)
    #: Sorted by position in the text.
    citations: list[Citation] = field(default_factory=list)
    links: list[ClaimLink] = field(default_factory=list)


# ------------------------------------------------------------------ escaping


def _e(text: object) -> str:
    """Escape for HTML text and double- or single-quoted attribute values."""
    return html.escape(str(text), quote=True)


def _script_json(data: object) -> str:
    """JSON safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where their ``\\u``
    forms mean the same, so ``</script>`` and ``<!--`` cannot appear. U+2028 and
    U+2029 are escaped for old JavaScript parsers.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                     ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# ------------------------------------------------------------------ display text


def citation_display(c: Citation) -> str:
    """'Author (date). Title. Work.' from the parsed fields, or the entry as written."""
    authors = "; ".join(a.text.strip() for a in c.authors)
    date = c.date.text.strip() if c.date else ""
    head = f"{authors} ({date})" if authors and date else authors or (f"({date})" if date else "")
    parts = [p for p in (head, c.title.text if c.title else "", c.work.text if c.work else "") if p]
    if not parts or (not c.title and not c.work):
        text = " ".join(c.text.split())
        return text if len(text) <= _CITATION_CLIP else text[: _CITATION_CLIP - 1] + "…"
    return " ".join(p.strip().rstrip(".") + "." for p in parts)


def attribute_display(claim: Claim) -> str:
    """What a claim is about, for people: 'release · region GB'."""
    a = claim.attribute
    words = []
    if a.subject != THIS_WORK:
        words.append(a.subject_text or a.subject)
    words.append(a.event if a.event != UNKNOWN else "unknown fact")
    words.extend(f"{k} {v}" for k, v in sorted(a.qualifiers.items()))
    return " · ".join(words)


def _sentence_no(doc: Document | None, offset: int) -> int | None:
    """1-based sentence number, as rule messages count them."""
    s = doc.sentence_at(offset) if doc else None
    return s.index + 1 if s else None


# ------------------------------------------------------------------ article text


@dataclass(frozen=True, slots=True)
class _Block:
    """A block element around part of the text: a paragraph or a reference entry."""

    start: int
    end: int
    open: str
    close: str


@dataclass
class _Marks:
    """Claim and evidence spans of one document, as (start, end, index) triples."""

    claims: list[tuple[int, int, int]]
    evidence: list[tuple[int, int, int, int]]  # start, end, finding, evidence item


class _TextRenderer:
    """Writes the article as flat, escaped spans, cut at every mark and block boundary.

    Marks may overlap, so the text is cut at every boundary and each piece carries
    the classes of every mark covering it: no nesting needed, and the page's text
    content is exactly the document's text. One sweep over sorted boundaries.
    """

    def __init__(self, n: int, hd: HtmlDocument) -> None:
        self.n = n
        self.hd = hd
        self.text = hd.doc.text if hd.doc else ""
        self.findings = hd.report.findings
        self.tab_claims: set[int] = set()
        #: True once a long paragraph was split for reading (the page says so).
        self.soft_breaks = False
        self.marks = self._marks()

    def _marks(self) -> _Marks:
        size = len(self.text)
        claims = [
            (c.span.start, min(c.span.end, size), i)
            for i, c in enumerate(self.hd.claims)
            if c.span.start < min(c.span.end, size)
        ]
        evidence = []
        for fi, f in enumerate(self.findings):
            for ei, ev in enumerate(f.evidence):
                s, e = ev.span.start, min(ev.span.end, size)
                if s < e:
                    evidence.append((s, e, fi, ei))
        return _Marks(claims, evidence)

    def region(self, lo: int, hi: int, blocks: list[_Block]) -> str:
        """Text [lo, hi) with its marks, wrapped in ``blocks`` (sorted, disjoint)."""
        starts: dict[int, list[tuple[str, tuple]]] = {}
        ends: dict[int, list[tuple[str, tuple]]] = {}
        points = {lo, hi}
        for kind, marks in (("c", self.marks.claims), ("e", self.marks.evidence)):
            for m in marks:
                s, e = max(m[0], lo), min(m[1], hi)
                if s >= e:
                    continue
                starts.setdefault(s, []).append((kind, m))
                ends.setdefault(e, []).append((kind, m))
                points.update((s, e))
        for b in blocks:
            points.update((b.start, b.end))
        ordered = sorted(p for p in points if lo <= p <= hi)
        active: dict[tuple[str, tuple], None] = {}
        out: list[str] = []
        bi, open_block = 0, None
        for a, b in zip(ordered, ordered[1:]):
            for key in ends.get(a, ()):
                active.pop(key, None)
            for key in starts.get(a, ()):
                active[key] = None
            if open_block is not None and open_block.end <= a:
                out.append(open_block.close)
                open_block = None
            while bi < len(blocks) and blocks[bi].end <= a:
                bi += 1
            if open_block is None and bi < len(blocks) and blocks[bi].start <= a:
                open_block = blocks[bi]
                out.append(open_block.open)
                bi += 1
            out.append(self._piece(a, b, active))
        if open_block is not None:
            out.append(open_block.close)
        return "".join(out)

    def _piece(self, a: int, b: int, active: Iterable[tuple[str, tuple]]) -> str:
        piece = _e(self.text[a:b])
        claims = [m for kind, m in active if kind == "c"]
        evidence = [m for kind, m in active if kind == "e"]
        if not claims and not evidence:
            return piece
        classes: list[str] = []
        attrs: list[str] = []
        if claims:
            # The narrowest claim wins where claims overlap.
            ci = min(claims, key=lambda m: (m[1] - m[0], m[2]))[2]
            claim = self.hd.claims[ci]
            classes += ["claim", f"k-{claim.kind}"]
            attrs.append(f'data-claim="{_e(claim.id)}"')
            if ci not in self.tab_claims:  # one tab stop per claim
                self.tab_claims.add(ci)
                attrs.append('tabindex="0" role="button"')
        if evidence:
            fis = sorted({m[2] for m in evidence})
            items = sorted({(m[2], m[3]) for m in evidence})
            classes += ["ev", self._severity_class(fis)]
            classes += [f"ev-{self.n}-{fi}" for fi in fis]
            classes += [f"ev-{self.n}-{fi}-{ei}" for fi, ei in items]
            attrs.append(f'data-f="{" ".join(map(str, fis))}"')
        return f'<span class="{" ".join(classes)}" {" ".join(attrs)}>{piece}</span>'

    def _severity_class(self, fis: list[int]) -> str:
        """The class the page script computes too, with every finding shown."""
        open_ranks = [
            _RANK[self.findings[fi].severity.value]
            for fi in fis
            if self.findings[fi].suppression is None
        ]
        if not open_ranks:
            return "reviewed"
        return "sev-" + {3: "error", 2: "warning", 1: "info"}[max(open_ranks)]

    # ---------------------------------------------------------------- blocks

    def body(self, lo: int, hi: int) -> str:
        doc = self.hd.doc
        assert doc is not None
        sentence_starts = [s.span.start for s in doc.sentences]
        blocks = []
        for m in re.finditer(r"[^\n]+", self.text[lo:hi]):
            p_lo, p_hi = lo + m.start(), lo + m.end()
            if not self.text[p_lo:p_hi].strip():
                continue
            inner = sentence_starts[
                bisect_right(sentence_starts, p_lo) : bisect_left(sentence_starts, p_hi)
            ]
            cuts = [p_lo]
            if len(inner) + 1 > _SOFT_PARAGRAPH_LIMIT:
                cuts += inner[_SOFT_PARAGRAPH_SENTENCES - 1 :: _SOFT_PARAGRAPH_SENTENCES]
                self.soft_breaks = True
            for c_lo, c_hi in zip(cuts, cuts[1:] + [p_hi]):
                no = _sentence_no(doc, c_lo)
                label = f' data-n="{no}"' if no else ""
                blocks.append(_Block(c_lo, c_hi, f'<p class="para"{label}>', "</p>"))
        return self.region(lo, hi, blocks)

    def back(self, lo: int, hi: int) -> str:
        blocks, last = [], lo
        for c in self.hd.citations:  # sorted by position
            s, e = max(c.span.start, lo), min(c.span.end, hi)
            if s < last or s >= e:
                continue  # overlapping or outside: shown as plain text
            label = f"[{c.number}]" if c.number is not None else c.id
            blocks.append(_Block(
                s, e,
                f'<div class="ref ref-{_e(c.kind)}" id="ref-{self.n}-{_e(c.id)}" '
                f'data-label="{_e(label)}">',
                "</div>",
            ))
            last = e
        return self.region(lo, hi, blocks)


# ------------------------------------------------------------------ findings panel


def _highlight(context: str, quote: str) -> str:
    """The context sentence, escaped, with the quoted span in <mark>."""
    q = " ".join(quote.split())
    i = context.find(q) if q else -1
    if i < 0:
        return _e(context)
    return f"{_e(context[:i])}<mark>{_e(q)}</mark>{_e(context[i + len(q):])}"


def _where(f: Finding, hd: HtmlDocument, ref_starts: list[int]) -> str:
    """Where a finding is, as a reader finds it: a sentence or a reference number."""
    doc, start = hd.doc, f.start
    if doc is not None and doc.back_matter and start >= doc.back_matter.start:
        i = bisect_right(ref_starts, start) - 1
        refs = hd.citations
        if i >= 0 and start < refs[i].span.end:
            return f"reference [{refs[i].number}]" if refs[i].number else f"entry {refs[i].id}"
        return "back matter"
    no = _sentence_no(doc, start)
    if no:
        return f"sentence {no}"
    return f"line {f.evidence[0].line}" if f.evidence[0].line else ""


def _finding_item(n: int, fi: int, f: Finding, where_txt: str) -> str:
    sev = f.severity.value
    reviewed = f.suppression is not None
    status = (
        f'<span class="chip rev">{_e(f.suppression.status)}</span>' if f.suppression else ""
    )
    evidence = []
    for ei, ev in enumerate(f.evidence):
        ctx = ev.context or ev.text
        evidence.append(
            f'<li><button type="button" class="ev-go" data-e="{ei}">'
            f'<span class="role">{_e(ev.role)}</span>'
            f'<span class="quote">{_highlight(ctx, ev.text)}</span></button></li>'
        )
    sup = ""
    if f.suppression:
        s = f.suppression
        by = " ".join(x for x in (f"by {s.reviewer}" if s.reviewer else "", s.date or "") if x)
        sup = (
            f'<p class="f-sup"><b>{_e(s.status.capitalize())}</b>{" " + _e(by) if by else ""}: '
            f"{_e(s.reason)}</p>"
        )
    return (
        f'<li class="finding sev-{sev}{" reviewed" if reviewed else ""}" id="f-{n}-{fi}" '
        f'data-doc="{n}" data-f="{fi}" data-severity="{sev}" data-code="{_e(f.code)}" '
        f'data-reviewed="{"yes" if reviewed else "no"}" data-target="ev-{n}-{fi}">'
        f'<button type="button" class="f-main" aria-expanded="false" aria-controls="fd-{n}-{fi}">'
        f'<span class="f-head"><span class="dot" aria-hidden="true"></span>'
        f'<span class="sev-word">{sev}</span>'
        f'<code>{_e(f.code)}</code><span class="f-name">{_e(f.name)}</span>{status}'
        f'<span class="f-where">{_e(where_txt)}</span></span>'
        f'<span class="f-msg">{_e(f.message)}</span></button>'
        f'<div class="f-detail" id="fd-{n}-{fi}" hidden>'
        f'{f"<p class=f-hint>{_e(f.hint)}</p>" if f.hint else ""}'
        f'<ol class="f-ev">{"".join(evidence)}</ol>{sup}'
        f'<p class="f-fp">fingerprint <code>{_e(f.fingerprint)}</code></p></div></li>'
    )


def _plural(k: int, word: str) -> str:
    return f"{k} {word}{'' if k == 1 else 's'}"


def _counts(report: DocumentReport) -> str:
    s = report.summary
    parts = [
        f'<b>{_plural(s.findings, "finding")}</b>',
        f'<span class="c-error">{_plural(s.errors, "error")}</span>',
        f'<span class="c-warning">{_plural(s.warnings, "warning")}</span>',
        f'<span class="c-info">{s.infos} info</span>',
        f"{s.suppressed} reviewed",
    ]
    if s.stale:
        parts.append(f'<span class="c-stale">{_plural(s.stale, "stale review")}</span>')
    return " · ".join(parts)


def _panel(n: int, hd: HtmlDocument) -> str:
    findings = hd.report.findings
    order = sorted(range(len(findings)), key=lambda i: (findings[i].start, i))
    ref_starts = [c.span.start for c in hd.citations]
    items = "".join(
        _finding_item(n, fi, findings[fi], _where(findings[fi], hd, ref_starts)) for fi in order
    )
    if not items:
        items = '<li class="none">No findings.</li>'
    stale = ""
    if hd.report.stale_reviews:
        rows = "".join(
            f"<li><code>{_e(s.code)}</code> {_e(s.message)} "
            f'<span class="muted">({_e(s.decision)}, {_e(s.fingerprint)})</span></li>'
            for s in hd.report.stale_reviews
        )
        stale = (
            f'<details class="stale"><summary>{_plural(len(hd.report.stale_reviews), "stale review")}'
            f"</summary><ul>{rows}</ul><p class=muted>They match no finding any more; "
            f"<code>nlmg-facts review --prune</code> removes them.</p></details>"
        )
    return (
        f'<aside class="panel" aria-label="Findings in {_e(hd.report.path)}">'
        f'<h3>Findings <span class="count">{len(findings)}</span> <span class="shown"></span></h3>'
        f'<ol class="findings">{items}</ol>'
        f'<p class="empty" hidden>No findings match the filters.</p>{stale}'
        f'<p class="keys">↑ ↓ or j k: next finding · Enter: show it, again: its next span · '
        f"Esc: clear</p></aside>"
    )


# ------------------------------------------------------------------ document


def _document_data(hd: HtmlDocument) -> dict[str, Any]:
    """What the claim card shows, keyed by claim and citation id."""
    links = {link.claim: link for link in hd.links}
    flagged: dict[str, list[int]] = {}
    for fi, f in enumerate(hd.report.findings):
        for cid in f.claims:
            flagged.setdefault(cid, []).append(fi)
    claims = {}
    for c in hd.claims:
        link = links.get(c.id)
        claims[c.id] = {
            "kind": c.kind,
            "value": describe_value(c),
            "text": c.text,
            "about": attribute_display(c),
            "sentence": c.sentence + 1,
            "cite": link.citation if link else None,
            "conf": round(link.confidence, 2) if link else 0,
            "method": link.method if link else "none",
            "reason": link.reason if link else "not linked",
            "findings": flagged.get(c.id, []),
        }
    cites = {
        c.id: {"label": f"[{c.number}]" if c.number is not None else c.id,
               "text": citation_display(c)}
        for c in hd.citations
    }
    findings = [
        {"code": f.code, "name": f.name, "severity": f.severity.value}
        for f in hd.report.findings
    ]
    return {"claims": claims, "cites": cites, "findings": findings}


def _document_section(n: int, hd: HtmlDocument) -> str:
    r = hd.report
    notes = []
    if not r.ok:
        notes.append(f'<p class="doc-error">{_e(r.error or "could not be checked")}</p>')
    for err in r.internal_errors:
        where = f"rule {err.rule}" if err.rule else f"stage {err.stage}"
        notes.append(f'<p class="doc-error">internal error: {_e(where)} crashed: {_e(err.message)}</p>')
    article = ""
    if hd.doc is not None:
        doc = hd.doc
        renderer = _TextRenderer(n, hd)
        back_start = doc.back_matter.start if doc.back_matter else len(doc.text)
        body = renderer.body(0, back_start)
        back = renderer.back(back_start, len(doc.text)) if back_start < len(doc.text) else ""
        note = (
            '<p class="soft-note">The source has long paragraphs; the page adds a break every '
            f"{_SOFT_PARAGRAPH_SENTENCES} sentences. Margin numbers are sentence numbers.</p>"
            if renderer.soft_breaks else '<p class="soft-note">Margin numbers are sentence numbers.</p>'
        )
        article = (
            f'<article class="text" aria-label="Text of {_e(r.path)}">{note}'
            f'<div class="body">{body}</div>'
            + (f'<h3 class="back-h">Back matter</h3><div class="refs">{back}</div>' if back else "")
            + "</article>"
            f'<script type="application/json" class="doc-data" data-doc="{n}">'
            f"{_script_json(_document_data(hd))}</script>"
        )
    cols = f'<div class="cols">{_panel(n, hd)}{article}</div>' if hd.doc is not None else ""
    return (
        f'<section class="document" id="doc-{n}" data-doc="{n}">'
        f'<div class="doc-head"><h2>{_e(r.path)}</h2><p class="doc-counts">{_counts(r)} · '
        f"{r.claims} claims · {r.citations} citations</p></div>"
        f'{"".join(notes)}{cols}</section>'
    )


# ------------------------------------------------------------------ page


def _filters(docs: list[HtmlDocument]) -> str:
    sev_counts = {s: 0 for s in _RANK}
    rules: dict[str, list[Any]] = {}
    for d in docs:
        for f in d.report.findings:
            sev_counts[f.severity.value] += 1
            rules.setdefault(f.code, [f.name, 0])[1] += 1
    pills = "".join(
        f'<label class="pill sev-{s}"><input type="checkbox" data-sev="{s}" checked>'
        f'<span class="dot" aria-hidden="true"></span>{s} <span class="n">{sev_counts[s]}</span></label>'
        for s in ("error", "warning", "info")
    )
    options = "".join(
        f'<option value="{_e(code)}">{_e(code)} {_e(name)} ({k})</option>'
        for code, (name, k) in sorted(rules.items())
    )
    legend = "".join(f'<span class="claim k-{k}">{k}</span>' for k in CLAIM_KINDS)
    return (
        f'<form class="filters" aria-label="Filter findings">{pills}'
        f'<label>rule <select id="f-rule"><option value="">all rules</option>{options}</select></label>'
        f'<label>show <select id="f-reviewed"><option value="all">reviewed and not</option>'
        f'<option value="no">not reviewed</option><option value="yes">reviewed</option></select></label>'
        f'<span class="legend"><label><input type="checkbox" id="f-claims" checked> claims</label>'
        f'<span class="legend-kinds">{legend}</span></span></form>'
    )


def render_html(docs: list[HtmlDocument], report: Report) -> str:
    s = report.summary
    sections = "".join(_document_section(i, d) for i, d in enumerate(docs))
    nav = ""
    if len(docs) > 1:
        nav = '<nav class="docs" aria-label="Documents"><ol>' + "".join(
            f'<li><a href="#doc-{i}">{_e(d.report.path)}</a> '
            f'<span class="muted">{d.report.summary.findings}</span></li>'
            for i, d in enumerate(docs)
        ) + "</ol></nav>"
    totals = (
        f"{_plural(s.documents, 'document')} · {_plural(s.findings, 'finding')}: "
        f"{_plural(s.errors, 'error')}, {_plural(s.warnings, 'warning')}, {s.infos} info · "
        f"{s.suppressed} reviewed" + (f" · {_plural(s.stale, 'stale review')}" if s.stale else "")
    )
    csp = (
        f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>nlmg-facts review · {_e(totals)}</title>\n"
        f"<style>{_CSS}</style></head>\n<body>\n"
        '<header class="top"><div class="top-row"><h1>nlmg-facts review</h1>'
        f'<p class="totals">{_e(totals)}</p></div>{_filters(docs)}</header>\n'
        f"<main>{nav}{sections}</main>\n"
        '<div id="card" role="tooltip" tabindex="-1" hidden></div>\n'
        f"<script>{_JS}</script>\n</body></html>\n"
    )


def render(report: Report, analyses: Mapping[str, "Analysis"]) -> str:
    """The page for a check run: each document of the report with its analysis, if kept."""
    docs = []
    for d in report.documents:
        a = analyses.get(d.uri)
        if a is None or a.doc is None:
            docs.append(HtmlDocument(report=d))
        else:
            docs.append(HtmlDocument(
                report=d, doc=a.doc, claims=list(a.claims),
                citations=sorted(a.citations, key=lambda c: c.span.start), links=list(a.links),
            ))
    return render_html(docs, report)


_CSS = """
:root{--bg:#f5f4f0;--paper:#fff;--ink:#1f2328;--muted:#6b7280;--line:#e4e1da;--soft:#f3f1ec;
--err:#b42318;--err-bg:rgba(180,35,24,.11);--warn:#a65f00;--warn-bg:rgba(214,140,0,.16);
--info:#2f62b0;--info-bg:rgba(47,98,176,.10);--rev:#8b9098;--rev-bg:rgba(120,125,135,.12);
--active:#ffe07d;--active-ring:#e8b400;--focus:#2563eb;--hh:7rem;
--k-date:#3f8f8b;--k-money:#5f9a3c;--k-ranking:#9466b8;--k-edition:#c7743f;--k-count:#3d8fc6;
--k-percentage:#c49a1c;--k-rating:#6b7fc4;--k-duration:#c0566a}
*{box-sizing:border-box}
html{scroll-padding-top:calc(var(--hh) + 1rem)}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--ink)}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
code{font:12px/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
.muted{color:var(--muted)}
header.top{position:sticky;top:0;z-index:5;background:var(--bg);border-bottom:1px solid var(--line);
padding:.55rem 1.5rem .6rem}
.top-row{display:flex;align-items:baseline;gap:1rem;flex-wrap:wrap}
h1{font-size:1rem;margin:0;font-weight:650;letter-spacing:.01em}
.totals{margin:0;color:var(--muted)}
.filters{display:flex;align-items:center;gap:.5rem 1rem;flex-wrap:wrap;margin-top:.45rem;font-size:13px}
.filters select{font:inherit;padding:.15rem .3rem;border:1px solid var(--line);border-radius:6px;background:var(--paper);max-width:15rem}
.pill{display:inline-flex;align-items:center;gap:.35rem;border:1px solid var(--line);border-radius:999px;
padding:.1rem .65rem .1rem .45rem;background:var(--paper);cursor:pointer;user-select:none}
.pill input{margin:0}
.pill .n{color:var(--muted)}
.pill:has(input:not(:checked)){opacity:.55}
.dot{display:inline-block;width:.55rem;height:.55rem;border-radius:50%;background:var(--muted);flex:none}
.sev-error .dot{background:var(--err)}.sev-warning .dot{background:var(--warn)}.sev-info .dot{background:var(--info)}
.legend{color:var(--muted);display:inline-flex;gap:.6rem;align-items:center;flex-wrap:wrap;margin-left:auto}
.legend label{display:inline-flex;gap:.3rem;align-items:center}
.legend-kinds{display:inline-flex;gap:.55rem;flex-wrap:wrap}
nav.docs{margin:1rem 1.5rem 0}nav.docs ol{margin:0;padding-left:1.2rem}
.document{padding:0 1.5rem 2rem}
.doc-head{display:flex;align-items:baseline;gap:1rem;flex-wrap:wrap;margin:1rem 0 .7rem}
.doc-head h2{font-size:1rem;margin:0;font-weight:600}
.doc-counts{margin:0;color:var(--muted)}
.c-error{color:var(--err)}.c-warning{color:var(--warn)}.c-info{color:var(--info)}.c-stale{color:var(--warn)}
.doc-error{color:var(--err);background:var(--err-bg);padding:.4rem .7rem;border-radius:6px}
.cols{display:grid;grid-template-columns:minmax(20rem,27rem) minmax(0,48rem);gap:1.5rem;align-items:start;justify-content:center}
.panel{position:sticky;top:calc(var(--hh) + .8rem);max-height:calc(100vh - var(--hh) - 1.6rem);overflow:auto;
background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:.6rem .5rem .4rem}
.panel h3{font-size:13px;margin:.1rem .45rem .4rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.count{background:var(--soft);border-radius:999px;padding:0 .45rem;color:var(--ink)}
.shown{font-weight:400;text-transform:none;letter-spacing:0}
.findings{list-style:none;margin:0;padding:0}
.finding{border-radius:8px;margin:0 0 2px}
.finding[hidden]{display:none}
.f-main{all:unset;box-sizing:border-box;display:block;width:100%;padding:.5rem .6rem;border-radius:8px;cursor:pointer}
.f-main:hover{background:var(--soft)}
.f-main:focus-visible{outline:2px solid var(--focus);outline-offset:-2px}
.finding.selected{background:#fbf6e4;box-shadow:inset 3px 0 0 var(--active-ring)}
.finding.selected .f-main:hover{background:transparent}
.f-head{display:flex;align-items:center;gap:.4rem;font-size:12px;color:var(--muted)}
.sev-word{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.f-head code{color:var(--ink)}
.f-name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.f-where{margin-left:auto;white-space:nowrap}
.chip{font-size:11px;border-radius:4px;padding:0 .35rem;background:var(--soft);color:var(--muted)}
.f-msg{display:block;margin-top:.15rem;line-height:1.45}
.finding.reviewed .f-msg{color:var(--muted)}
.finding.reviewed .dot{background:var(--rev)}
.f-detail{padding:0 .6rem .6rem 1.55rem;font-size:13px}
.f-hint{margin:.1rem 0 .4rem;color:var(--muted)}
.f-ev{list-style:none;margin:0;padding:0;display:grid;gap:.3rem}
.ev-go{all:unset;box-sizing:border-box;display:block;width:100%;cursor:pointer;border:1px solid var(--line);
border-radius:6px;padding:.3rem .5rem;background:var(--paper);line-height:1.45}
.ev-go:hover{border-color:#cfc9bb}
.ev-go:focus-visible{outline:2px solid var(--focus)}
.ev-go[aria-current="true"]{border-color:var(--active-ring);background:#fffbea}
.role{display:block;font-size:11px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.quote mark{background:var(--active);border-radius:2px;padding:0 1px;color:inherit}
.f-sup{margin:.45rem 0 0;color:var(--muted)}
.f-fp{margin:.35rem 0 0;color:var(--muted);font-size:11px}
.none,.empty{color:var(--muted);padding:.5rem .6rem;list-style:none;margin:0}
.keys{font-size:11px;color:var(--muted);margin:.5rem .6rem .2rem;border-top:1px solid var(--line);padding-top:.4rem}
.stale{margin:.5rem .6rem;font-size:12.5px}.stale summary{cursor:pointer;color:var(--warn)}
.stale ul{padding-left:1rem}
.text{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:1.4rem 2rem 1.6rem 3.2rem;
font:16.5px/1.75 ui-serif,Georgia,"Iowan Old Style","Times New Roman",serif;overflow-wrap:anywhere}
.soft-note{font:12px/1.4 system-ui,sans-serif;color:var(--muted);margin:0 0 1rem}
.para{margin:0 0 1em;position:relative}
.para[data-n]::before{content:attr(data-n);position:absolute;left:-2.6rem;width:2rem;text-align:right;top:.3em;
font:11px/1 system-ui,sans-serif;color:#b4b0a6}
.back-h{font:600 13px/1.4 system-ui,sans-serif;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;
margin:2rem 0 .6rem;border-top:1px solid var(--line);padding-top:1rem}
.refs{font-size:14px;line-height:1.6;color:#3d434b}
.ref{position:relative;margin:0 0 .45rem;scroll-margin-top:calc(var(--hh) + 2rem)}
.ref::before{content:attr(data-label);position:absolute;left:-2.8rem;width:2.3rem;text-align:right;
font:11px/2 system-ui,sans-serif;color:#b4b0a6}
.ref.flash{background:#fffbea;box-shadow:0 0 0 4px #fffbea}
.claim{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:.22em;
text-decoration-color:var(--kc,#aaa);cursor:pointer;border-radius:2px}
.claim:hover,.claim.hover{background:rgba(0,0,0,.05)}
.hide-claims .text .claim{text-decoration-line:none}
.k-date{--kc:var(--k-date)}.k-money{--kc:var(--k-money)}.k-ranking{--kc:var(--k-ranking)}
.k-edition{--kc:var(--k-edition)}.k-count{--kc:var(--k-count)}.k-percentage{--kc:var(--k-percentage)}
.k-rating{--kc:var(--k-rating)}.k-duration{--kc:var(--k-duration)}
.legend-kinds .claim{cursor:default;text-decoration-thickness:3px}
.ev{border-radius:2px;scroll-margin-top:calc(var(--hh) + 3rem)}
.ev.sev-error{background:var(--err-bg)}.ev.sev-warning{background:var(--warn-bg)}
.ev.sev-info{background:var(--info-bg)}.ev.reviewed{background:var(--rev-bg)}.ev.off{background:none}
.ev.active,.ev.active.off{background:var(--active);box-shadow:0 0 0 2px var(--active);-webkit-box-decoration-break:clone;box-decoration-break:clone}
.ev.current{box-shadow:0 0 0 2px var(--active),0 2px 0 2px var(--active-ring)}
#card{position:fixed;z-index:10;width:min(26rem,calc(100vw - 2rem));background:var(--paper);color:var(--ink);
border:1px solid var(--line);border-radius:10px;box-shadow:0 8px 28px rgba(30,30,20,.14);padding:.7rem .85rem;
font-size:13px;line-height:1.45;pointer-events:none}
#card.pinned{pointer-events:auto}
#card .c-top{display:flex;align-items:baseline;gap:.5rem;margin-bottom:.35rem}
#card .c-kind{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);
border-bottom:2px solid var(--kc,#aaa)}
#card .c-value{font-weight:600;font-size:14px}
#card dl{display:grid;grid-template-columns:5.5rem 1fr;gap:.15rem .6rem;margin:0}
#card dt{color:var(--muted)}#card dd{margin:0}
#card .c-cite{margin-top:.5rem;padding-top:.5rem;border-top:1px solid var(--line)}
#card .c-none{color:var(--muted)}
#card .bar{display:inline-block;width:4rem;height:.4rem;border-radius:3px;background:var(--soft);vertical-align:middle;margin-right:.35rem;overflow:hidden}
#card .bar i{display:block;height:100%;background:#7c9a6b}
#card .c-actions{margin-top:.5rem;display:flex;gap:.4rem;flex-wrap:wrap}
#card button{font:inherit;font-size:12px;border:1px solid var(--line);background:var(--soft);border-radius:6px;padding:.1rem .5rem;cursor:pointer}
#card .c-hint{color:var(--muted);font-size:11px;margin-top:.4rem}
#overview{position:fixed;right:0;top:var(--hh);bottom:0;width:12px;z-index:4;border-left:1px solid var(--line);background:var(--bg)}
#overview .tick{position:absolute;left:2px;right:2px;height:4px;border-radius:2px;background:var(--muted);cursor:pointer;margin-top:-2px}
#overview .tick.sev-error{background:var(--err)}#overview .tick.sev-warning{background:var(--warn)}
#overview .tick.sev-info{background:var(--info)}#overview .tick.reviewed{background:var(--rev);opacity:.6}
@media (max-width:900px){.cols{grid-template-columns:1fr}.panel{position:static;max-height:none}
.text{padding:1rem 1rem 1rem 2.6rem}}
@media print{header.top,.panel,#card{display:none}.cols{display:block}}
"""

_JS = r"""
(() => {
'use strict';
const $ = (s, r) => (r || document).querySelector(s);
const $$ = (s, r) => Array.from((r || document).querySelectorAll(s));
const data = {};
$$('script.doc-data').forEach(s => { data[s.dataset.doc] = JSON.parse(s.textContent); });
const root = document.documentElement, header = $('header.top');
const setHeader = () => root.style.setProperty('--hh', header.offsetHeight + 'px');
setHeader(); window.addEventListener('resize', setHeader);

// ---- findings: select, highlight, step through evidence
let current = null;  // {li, i}
const marksOf = (li, e) => $$('.ev-' + li.dataset.doc + '-' + li.dataset.f + (e === undefined ? '' : '-' + e));
function clear() {
  if (!current) return;
  const li = current.li;
  li.classList.remove('selected');
  $('.f-main', li).setAttribute('aria-expanded', 'false');
  $('.f-detail', li).hidden = true;
  $$('.ev.active').forEach(e => e.classList.remove('active', 'current'));
  current = null;
}
function show(li, e) {
  const buttons = $$('.ev-go', li);
  if (!buttons.length) return;
  e = ((e % buttons.length) + buttons.length) % buttons.length;
  current.i = e;
  buttons.forEach((b, k) => b.setAttribute('aria-current', k === e ? 'true' : 'false'));
  $$('.ev.current').forEach(m => m.classList.remove('current'));
  const marks = marksOf(li, e);
  marks.forEach(m => m.classList.add('current'));
  if (marks.length) marks[0].scrollIntoView({block: 'center', inline: 'nearest'});
}
function select(li, again) {
  if (current && current.li === li) { if (again) show(li, current.i + 1); return; }
  clear();
  current = {li: li, i: 0};
  li.classList.add('selected');
  $('.f-main', li).setAttribute('aria-expanded', 'true');
  $('.f-detail', li).hidden = false;
  marksOf(li).forEach(m => m.classList.add('active'));
  li.scrollIntoView({block: 'nearest'});
  show(li, 0);
}
const visible = () => $$('.finding').filter(li => !li.hidden);
function step(d) {
  const list = visible();
  if (!list.length) return;
  const at = current ? list.indexOf(current.li) : -1;
  const next = list[Math.max(0, Math.min(list.length - 1, at < 0 ? (d > 0 ? 0 : list.length - 1) : at + d))];
  select(next, false);
  $('.f-main', next).focus({preventScroll: true});
}
document.addEventListener('click', ev => {
  const go = ev.target.closest('.ev-go');
  if (go) { const li = go.closest('.finding'); select(li, false); show(li, +go.dataset.e); return; }
  const main = ev.target.closest('.f-main');
  if (main) { select(main.closest('.finding'), true); return; }
});
document.addEventListener('keydown', ev => {
  const t = ev.target;
  const typing = t.closest && t.closest('select, input, textarea');
  if (ev.key === 'Escape') { if (pinned) { unpin(true); } else { clear(); } return; }
  if (typing || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const inPanel = t.closest && t.closest('.panel');
  if (ev.key === 'j' || (inPanel && ev.key === 'ArrowDown')) { ev.preventDefault(); step(1); }
  else if (ev.key === 'k' || (inPanel && ev.key === 'ArrowUp')) { ev.preventDefault(); step(-1); }
  else if ((ev.key === 'Enter' || ev.key === ' ') && t.classList && t.classList.contains('claim')) {
    ev.preventDefault(); pin(t, true);
  }
});

// ---- filters: hide findings, and recolour the text for the findings shown
const RANK = {info: 1, warning: 2, error: 3};
function recolour(sec, shown) {
  const meta = {};
  $$('.finding', sec).forEach(li => {
    meta[li.dataset.f] = {rank: RANK[li.dataset.severity], reviewed: li.dataset.reviewed === 'yes'};
  });
  $$('.ev', sec).forEach(el => {
    let best = 0, rev = false;
    el.dataset.f.split(' ').forEach(f => {
      if (!shown[f]) return;
      if (meta[f].reviewed) rev = true; else best = Math.max(best, meta[f].rank);
    });
    el.classList.toggle('sev-error', best === 3);
    el.classList.toggle('sev-warning', best === 2);
    el.classList.toggle('sev-info', best === 1);
    el.classList.toggle('reviewed', best === 0 && rev);
    el.classList.toggle('off', best === 0 && !rev);
  });
}
function applyFilters() {
  const sev = {};
  $$('[data-sev]').forEach(c => { sev[c.dataset.sev] = c.checked; });
  const rule = $('#f-rule').value, rev = $('#f-reviewed').value;
  $$('section.document').forEach(sec => {
    const items = $$('.finding', sec), shown = {};
    let n = 0;
    items.forEach(li => {
      const ok = sev[li.dataset.severity] && (!rule || li.dataset.code === rule) &&
        (rev === 'all' || li.dataset.reviewed === rev);
      li.hidden = !ok; shown[li.dataset.f] = ok; if (ok) n++;
      if (!ok && current && current.li === li) clear();
    });
    const label = $('.shown', sec), empty = $('.empty', sec);
    if (label) label.textContent = n === items.length ? '' : 'showing ' + n;
    if (empty) empty.hidden = !(items.length && !n);
    recolour(sec, shown);
  });
}
$$('.filters input[data-sev], .filters select').forEach(el => el.addEventListener('change', applyFilters));
$('#f-claims').addEventListener('change', ev => document.body.classList.toggle('hide-claims', !ev.target.checked));

// ---- claim card: hover or focus shows it, click or Enter pins it
const card = $('#card');
let pinned = null, shownFor = null;
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function fill(claimEl) {
  const sec = claimEl.closest('section.document');
  const d = data[sec.dataset.doc];
  const c = d && d.claims[claimEl.dataset.claim];
  if (!c) return false;
  card.replaceChildren();
  const top = el('div', 'c-top');
  const kind = el('span', 'c-kind k-' + c.kind, c.kind);
  top.append(kind, el('span', 'c-value', c.value));
  card.append(top);
  const dl = el('dl');
  const row = (k, v) => dl.append(el('dt', '', k), el('dd', '', v));
  row('as written', '\u201c' + c.text + '\u201d');
  row('about', c.about);
  row('sentence', String(c.sentence));
  card.append(dl);
  const cite = el('div', 'c-cite');
  const ref = c.cite && d.cites[c.cite];
  if (ref) {
    const head = el('div');
    head.append(el('b', '', 'Cited to ' + ref.label + ' '), document.createTextNode(ref.text));
    const conf = el('div', 'c-conf');
    const bar = el('span', 'bar'), fillBar = el('i');
    fillBar.style.width = Math.round(c.conf * 100) + '%';
    bar.append(fillBar);
    conf.append(bar, document.createTextNode(Math.round(c.conf * 100) + '% \u00b7 ' + c.method + ': ' + c.reason));
    cite.append(head, conf);
  } else {
    cite.append(el('div', 'c-none', 'No credible citation (' + c.reason + ')'));
  }
  card.append(cite);
  const actions = el('div', 'c-actions');
  if (ref) {
    const b = el('button', '', 'Show ' + ref.label + ' in back matter');
    b.type = 'button';
    b.addEventListener('click', () => {
      const target = document.getElementById('ref-' + sec.dataset.doc + '-' + c.cite);
      unpin(false);
      if (target) {
        target.scrollIntoView({block: 'center'});
        target.classList.add('flash');
        setTimeout(() => target.classList.remove('flash'), 1600);
      }
    });
    actions.append(b);
  }
  c.findings.forEach(fi => {
    const f = d.findings[fi];
    const b = el('button', '', f.code + ' ' + f.name);
    b.type = 'button';
    b.addEventListener('click', () => {
      const li = document.getElementById('f-' + sec.dataset.doc + '-' + fi);
      unpin(false);
      if (li) { if (li.hidden) { resetFilters(); } select(li, false); $('.f-main', li).focus({preventScroll: true}); }
    });
    actions.append(b);
  });
  if (actions.children.length) card.append(actions);
  card.append(el('div', 'c-hint', pinned ? 'Esc closes' : 'Click or Enter to pin'));
  return true;
}
function resetFilters() {
  $$('[data-sev]').forEach(c => { c.checked = true; });
  $('#f-rule').value = ''; $('#f-reviewed').value = 'all';
  applyFilters();
}
function place(claimEl) {
  const r = claimEl.getBoundingClientRect();
  card.hidden = false;
  const w = card.offsetWidth, h = card.offsetHeight;
  const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
  let top = r.bottom + 8;
  if (top + h > window.innerHeight - 8) top = Math.max(8, r.top - h - 8);
  card.style.left = left + 'px';
  card.style.top = top + 'px';
}
function hover(claimEl, on) {
  $$('.claim.hover').forEach(e => e.classList.remove('hover'));
  if (!on) return;
  const id = claimEl.dataset.claim, sec = claimEl.closest('section.document');
  $$('.claim', sec).forEach(e => { if (e.dataset.claim === id) e.classList.add('hover'); });
}
function showCard(claimEl) {
  if (pinned && pinned !== claimEl) return;
  if (fill(claimEl)) {
    shownFor = claimEl; hover(claimEl, true); place(claimEl);
    claimEl.setAttribute('aria-describedby', 'card');
  }
}
function hideCard() {
  if (pinned) return;
  card.hidden = true; shownFor = null; hover(null, false);
}
function pin(claimEl, focus) {
  pinned = null;
  card.classList.add('pinned');
  pinned = claimEl;
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', 'Claim details');
  fill(claimEl); shownFor = claimEl; hover(claimEl, true); place(claimEl);
  if (focus) card.focus({preventScroll: true});
}
let quietFocus = false;
function unpin(refocus) {
  const was = pinned;
  pinned = null;
  card.classList.remove('pinned');
  card.setAttribute('role', 'tooltip');
  card.removeAttribute('aria-label');
  hideCard();
  // Focus goes back to the claim, but Escape means "close": the focusin
  // handler must not open the card again for this programmatic focus.
  if (refocus && was) { quietFocus = true; was.focus({preventScroll: true}); quietFocus = false; }
}
document.addEventListener('mouseover', ev => {
  if (pinned) return;
  const c = ev.target.closest('.text .claim');
  if (c) showCard(c); else if (shownFor && !card.contains(ev.target)) hideCard();
});
document.addEventListener('focusin', ev => {
  const c = ev.target.closest && ev.target.closest('.text .claim');
  if (c) { if (!quietFocus) showCard(c); }
  else if (pinned && !card.contains(ev.target)) unpin(false);
  else if (!pinned && !card.contains(ev.target)) hideCard();
});
document.addEventListener('click', ev => {
  const c = ev.target.closest('.text .claim');
  if (c) { if (pinned === c) unpin(false); else pin(c, false); return; }
  if (pinned && !card.contains(ev.target)) unpin(false);
});
window.addEventListener('scroll', () => { if (shownFor && !card.hidden) place(shownFor); }, {passive: true});

// ---- overview: a tick per shown finding down the right edge, like a scrollbar map
const overview = el('div');
overview.id = 'overview';
overview.setAttribute('aria-hidden', 'true');
document.body.append(overview);
function drawOverview() {
  overview.replaceChildren();
  const height = root.scrollHeight;
  visible().forEach(li => {
    const m = marksOf(li, 0)[0] || marksOf(li)[0];
    if (!m) return;
    const tick = el('div', 'tick sev-' + li.dataset.severity + (li.dataset.reviewed === 'yes' ? ' reviewed' : ''));
    tick.style.top = (100 * (m.getBoundingClientRect().top + window.scrollY) / height) + '%';
    tick.title = li.dataset.code + ': ' + $('.f-msg', li).textContent;
    tick.addEventListener('click', () => select(li, false));
    overview.append(tick);
  });
}
drawOverview();
window.addEventListener('resize', drawOverview);
$$('.filters input[data-sev], .filters select').forEach(e => e.addEventListener('change', drawOverview));
})();
"""

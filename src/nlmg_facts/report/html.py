"""A self-contained HTML review page: the article with claims and flagged spans marked.

One file, no network: styles and a small script are inline, and every piece
of article text goes through ``html.escape`` (attributes included).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..models import Claim, Document, DocumentReport, Report
from .claims import describe_value

KIND_LABELS = {
    "date": "date", "money": "money", "ranking": "ranking", "edition": "edition",
    "count": "count", "percentage": "percentage", "rating": "rating", "duration": "duration",
}


@dataclass
class HtmlDocument:
    """Everything the page shows about one document."""

    doc: Document
    claims: list[Claim]
    report: DocumentReport
    #: citation id -> one-line display text of the citation
    citations: dict[str, str] = field(default_factory=dict)
    #: claim id -> (citation id, confidence 0..1, reason)
    claim_links: dict[str, tuple[str, float, str]] = field(default_factory=dict)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _segments(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> str:
    """Render text[start:end] with possibly overlapping marks as flat, escaped spans.

    Each mark is (start, end, class-list). The text is cut at every mark
    boundary, and each piece carries the classes of all marks covering it, so
    overlaps need no nesting. Sweep over sorted boundaries: O(n log n).
    """
    points = {start, end}
    for s, e, _ in marks:
        points.add(max(start, min(s, end)))
        points.add(max(start, min(e, end)))
    ordered = sorted(points)
    opens: dict[int, list[int]] = {}
    for i, (s, e, _) in enumerate(marks):
        opens.setdefault(max(s, start), []).append(i)
    active: set[int] = set()
    out: list[str] = []
    for a, b in zip(ordered, ordered[1:]):
        for i in opens.get(a, ()):
            active.add(i)
        active = {i for i in active if marks[i][1] > a}
        piece = _e(text[a:b])
        if not active:
            out.append(piece)
            continue
        classes: list[str] = []
        attrs: list[str] = []
        for i in sorted(active):
            cls = marks[i][2]
            classes.append(cls)
        merged = " ".join(dict.fromkeys(" ".join(classes).split()))
        claim_ids = [c.split("claim-", 1)[1] for c in merged.split() if c.startswith("claim-")]
        if claim_ids:
            attrs.append(f'data-claim="{_e(claim_ids[0])}"')
        out.append(f'<span class="{_e(merged)}" {" ".join(attrs)}>{piece}</span>')
    return "".join(out)


def _claim_title(claim: Claim, hd: HtmlDocument) -> str:
    lines = [f"{claim.kind}: {describe_value(claim)}", f"about: {claim.attribute.key}"]
    link = hd.claim_links.get(claim.id)
    if link:
        cid, score, reason = link
        lines.append(f"cited to {cid} ({score:.0%}): {hd.citations.get(cid, '')}")
        if reason:
            lines.append(f"because: {reason}")
    else:
        lines.append("no credible citation")
    return "\n".join(lines)


def _document_section(n: int, hd: HtmlDocument) -> str:
    doc = hd.doc
    marks: list[tuple[int, int, str]] = []
    for c in hd.claims:
        marks.append((c.span.start, c.span.end, f"claim k-{c.kind} claim-{c.id}"))
    for fi, f in enumerate(hd.report.findings):
        state = "reviewed" if f.suppression else "open"
        for ei, ev in enumerate(f.evidence):
            marks.append(
                (ev.span.start, ev.span.end, f"ev sev-{f.severity.value} {state} ev-{n}-{fi}")
            )
    body_end = doc.back_matter.start if doc.back_matter else len(doc.text)
    body = _segments(doc.text, 0, body_end, [m for m in marks if m[0] < body_end])
    back = ""
    if doc.back_matter:
        back = _segments(doc.text, doc.back_matter.start, doc.back_matter.end,
                         [m for m in marks if m[1] > doc.back_matter.start])
    # Tooltips for claims: one hidden definition per claim, looked up by script.
    claim_info = "".join(
        f'<template data-claim-info="{_e(c.id)}">{_e(_claim_title(c, hd))}</template>'
        for c in hd.claims
    )
    findings = []
    for fi, f in enumerate(hd.report.findings):
        ev = f.evidence[0]
        where = f"{ev.line}:{ev.column}" if ev.line else f"@{ev.span.start}"
        reviewed = (
            f'<div class="sup">{_e(f.suppression.status)}: {_e(f.suppression.reason)}</div>'
            if f.suppression else ""
        )
        quotes = "".join(
            f'<li><span class="role">{_e(e.role)}</span> “{_e(e.text)}”</li>' for e in f.evidence
        )
        findings.append(
            f'<li class="finding sev-{f.severity.value} {"reviewed" if f.suppression else "open"}" '
            f'tabindex="0" data-target="ev-{n}-{fi}" data-severity="{f.severity.value}" '
            f'data-code="{_e(f.code)}" data-reviewed="{"yes" if f.suppression else "no"}">'
            f'<div class="head"><span class="badge sev-{f.severity.value}">{f.severity.value}</span> '
            f'<code>{_e(f.code)}</code> <span class="name">{_e(f.name)}</span> '
            f'<span class="where">{_e(where)}</span></div>'
            f'<div class="msg">{_e(f.message)}</div><div class="hint">{_e(f.hint)}</div>'
            f'<ul class="quotes">{quotes}</ul>{reviewed}</li>'
        )
    stale = "".join(
        f'<li class="stale">stale review <code>{_e(s.code)}</code> {_e(s.message)}</li>'
        for s in hd.report.stale_reviews
    )
    err = f'<p class="doc-error">{_e(hd.report.error)}</p>' if not hd.report.ok else ""
    return (
        f'<section class="document" id="doc-{n}"><h2>{_e(doc.name)}</h2>{err}'
        f'<div class="cols"><aside class="panel"><h3>Findings '
        f'<span class="count">{len(hd.report.findings)}</span></h3>'
        f'<ol class="findings">{"".join(findings) or "<li class=none>No findings.</li>"}{stale}</ol></aside>'
        f'<article class="text"><div class="body">{body}</div>'
        f'{"<h3>Back matter</h3><div class=back>" + back + "</div>" if back else ""}'
        f"</article></div>{claim_info}</section>"
    )


def render_html(docs: list[HtmlDocument], report: Report) -> str:
    s = report.summary
    codes = sorted({f.code for d in docs for f in d.report.findings})
    legend = "".join(f'<span class="claim k-{k}">{k}</span> ' for k in KIND_LABELS)
    options = "".join(f'<option value="{_e(c)}">{_e(c)}</option>' for c in codes)
    sections = "".join(_document_section(i, d) for i, d in enumerate(docs))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>nlmg-facts review</title>
<style>{_CSS}</style></head>
<body>
<header><h1>nlmg-facts review</h1>
<p class="summary">{s.documents} document(s) · {s.errors} error(s) · {s.warnings} warning(s) · {s.infos} info · {s.suppressed} reviewed</p>
<form class="filters" onsubmit="return false">
<label><input type="checkbox" data-sev="error" checked> errors</label>
<label><input type="checkbox" data-sev="warning" checked> warnings</label>
<label><input type="checkbox" data-sev="info" checked> info</label>
<label>rule <select id="rule"><option value="">all</option>{options}</select></label>
<label>show <select id="reviewed"><option value="all">all</option><option value="no">unreviewed</option><option value="yes">reviewed</option></select></label>
</form>
<p class="legend">claims: {legend}</p>
</header>
<main>{sections}</main>
<div id="tip" role="tooltip" hidden></div>
<script>{_JS}</script>
</body></html>
"""


_CSS = """
:root{--bg:#fbfaf7;--fg:#24292f;--muted:#6a737d;--panel:#fff;--line:#e4e2dc;
--err:#c0392b;--warn:#b7791f;--info:#2b6cb0;}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
header{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);padding:.6rem 1.2rem}
h1{font-size:1.15rem;margin:0}
.summary,.legend{margin:.2rem 0;color:var(--muted);font-size:.9rem}
.filters{display:flex;gap:1rem;flex-wrap:wrap;font-size:.9rem}
.document{padding:0 1.2rem}
.document h2{font-size:1rem;color:var(--muted);font-weight:600}
.cols{display:grid;grid-template-columns:minmax(18rem,26rem) 1fr;gap:1.2rem;align-items:start}
.panel{position:sticky;top:7.5rem;max-height:calc(100vh - 8.5rem);overflow:auto;background:var(--panel);
border:1px solid var(--line);border-radius:8px;padding:.5rem .8rem}
.panel h3{font-size:.95rem;margin:.3rem 0}
.count{background:var(--line);border-radius:1rem;padding:0 .5rem;font-size:.8rem}
.findings{list-style:none;margin:0;padding:0}
.finding{border-left:4px solid var(--line);padding:.4rem .6rem;margin:.4rem 0;cursor:pointer;border-radius:4px}
.finding:hover,.finding:focus{background:#f3f1ec;outline:none}
.finding.selected{background:#efe9dc}
.finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:var(--warn)}
.finding.sev-info{border-left-color:var(--info)}
.finding.reviewed{opacity:.6}
.badge{font-size:.7rem;text-transform:uppercase;letter-spacing:.04em;color:#fff;border-radius:3px;padding:0 .3rem}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}.badge.sev-info{background:var(--info)}
.name,.where{color:var(--muted);font-size:.85rem}.msg{margin:.2rem 0}.hint{color:var(--muted);font-size:.85rem}
.quotes{margin:.2rem 0 0 1rem;padding:0;font-size:.85rem}.role{color:var(--muted)}
.sup{font-size:.8rem;color:var(--muted);font-style:italic}
.text{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:1rem 1.4rem;
max-width:52rem;white-space:pre-wrap;overflow-wrap:anywhere}
.back{color:var(--muted);font-size:.9rem}
.claim{border-bottom:2px solid transparent;cursor:help}
.k-date{border-bottom-color:#8fbcbb}.k-money{border-bottom-color:#a3be8c}.k-ranking{border-bottom-color:#b48ead}
.k-edition{border-bottom-color:#d08770}.k-count{border-bottom-color:#88c0d0}.k-percentage{border-bottom-color:#ebcb8b}
.k-rating{border-bottom-color:#81a1c1}.k-duration{border-bottom-color:#bf616a}
.legend .claim{padding:0 .2rem}
.ev.sev-error{background:rgba(192,57,43,.12)}.ev.sev-warning{background:rgba(183,121,31,.13)}
.ev.sev-info{background:rgba(43,108,176,.10)}.ev.reviewed{background:rgba(106,115,125,.10)}
.ev.active{background:#ffe58a;outline:2px solid #e0b400;border-radius:2px}
.stale{color:var(--muted);font-size:.85rem}.doc-error{color:var(--err)}
#tip{position:fixed;z-index:3;max-width:28rem;background:#24292f;color:#fff;font-size:.8rem;
padding:.4rem .6rem;border-radius:4px;white-space:pre-wrap;pointer-events:none}
.hidden{display:none}
@media (max-width:800px){.cols{grid-template-columns:1fr}.panel{position:static;max-height:none}}
"""

_JS = r"""
(function(){
  function select(li){
    document.querySelectorAll('.ev.active').forEach(function(e){e.classList.remove('active')});
    document.querySelectorAll('.finding.selected').forEach(function(e){e.classList.remove('selected')});
    li.classList.add('selected');
    var marks = document.querySelectorAll('.' + li.dataset.target);
    marks.forEach(function(e){e.classList.add('active')});
    if (marks.length) marks[0].scrollIntoView({block:'center', behavior:'instant'});
  }
  document.querySelectorAll('.finding').forEach(function(li){
    li.addEventListener('click', function(){select(li)});
    li.addEventListener('keydown', function(ev){ if(ev.key==='Enter'||ev.key===' '){ev.preventDefault();select(li);} });
  });
  function filter(){
    var sev = {};
    document.querySelectorAll('[data-sev]').forEach(function(c){sev[c.dataset.sev]=c.checked});
    var rule = document.getElementById('rule').value;
    var rev = document.getElementById('reviewed').value;
    document.querySelectorAll('.finding').forEach(function(li){
      var show = sev[li.dataset.severity] && (!rule || li.dataset.code===rule) &&
        (rev==='all' || li.dataset.reviewed===rev);
      li.classList.toggle('hidden', !show);
    });
  }
  document.querySelectorAll('.filters input, .filters select').forEach(function(el){
    el.addEventListener('change', filter)});
  var tip = document.getElementById('tip');
  document.addEventListener('mouseover', function(ev){
    var el = ev.target.closest('[data-claim]');
    if(!el){tip.hidden=true;return}
    var t = document.querySelector('template[data-claim-info="'+CSS.escape(el.dataset.claim)+'"]');
    if(!t){return}
    tip.textContent = t.content.textContent;
    tip.hidden=false;
    var r = el.getBoundingClientRect();
    tip.style.left = Math.min(r.left, window.innerWidth-460)+'px';
    tip.style.top = (r.bottom+6)+'px';
  });
})();
"""

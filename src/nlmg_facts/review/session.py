"""The interactive walk-through of ``nlmg-facts review``: one finding at a time, saved per decision."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from ..models import DocumentReport, Finding
from ..models.common import Span
from ..models.review import Decision
from .apply import entry_for
from .store import ReviewStore

if TYPE_CHECKING:  # pragma: no cover
    from ..pipeline import Analysis

#: Most characters of a sentence (or citation) shown around the flagged spans.
WINDOW = 320
#: Most characters of a citation shown in the citations list.
CITATION_CHARS = 200
#: The answers, for the prompt and the help line.
CHOICES = "(a)ccept  (d)ismiss  (s)kip  (q)uit"


@dataclass(frozen=True)
class Style:
    """ANSI attributes, or plain text with visible markers (NO_COLOR, dumb terminals)."""

    color: bool

    @classmethod
    def for_environment(cls, env: dict[str, str] | None = None) -> "Style":
        env = os.environ if env is None else env
        # https://no-color.org: any non-empty NO_COLOR disables colour.
        return cls(color=not env.get("NO_COLOR") and env.get("TERM", "") != "dumb")

    def _sgr(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def bold(self, text: str) -> str:
        return self._sgr("1", text)

    def dim(self, text: str) -> str:
        return self._sgr("2", text)

    def flagged(self, text: str) -> str:
        """A flagged span: bold reverse video, or »guillemets« without colour."""
        return self._sgr("1;7", text) if self.color else f"»{text}«"

    def severity(self, severity: str) -> str:
        code = {"error": "1;31", "warning": "1;33", "info": "1;36"}.get(severity, "1")
        return self._sgr(code, severity)


@dataclass(frozen=True)
class Item:
    """One finding to decide about, with what is needed to show it."""

    doc: DocumentReport
    finding: Finding
    #: The document's key in the review file.
    key: str
    analysis: "Analysis | None" = None


# ------------------------------------------------------------------ showing a finding


def _merge(spans: list[Span]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and s.start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], s.end))
        else:
            out.append((s.start, s.end))
    return out


def highlight(text: str, lo: int, hi: int, spans: list[Span], style: Style, window: int = WINDOW) -> str:
    """``text[lo:hi]`` on one line with ``spans`` marked, clipped to about ``window``
    characters around them."""
    inside = [s for s in spans if s.start < hi and s.end > lo]
    if inside and hi - lo > window:
        first, last = min(s.start for s in inside), max(s.end for s in inside)
        spare = max(0, window - (last - first)) // 2
        new_lo, new_hi = max(lo, first - spare), min(hi, last + spare)
        head, tail = new_lo > lo, new_hi < hi
        lo, hi = new_lo, new_hi
    else:
        head = tail = False
    pieces: list[str] = []
    pos = lo
    for start, end in _merge([Span(start=max(lo, s.start), end=min(hi, s.end)) for s in inside]):
        pieces.append(text[pos:start])
        pieces.append(style.flagged(" ".join(text[start:end].split())))
        pos = end
    pieces.append(text[pos:hi])
    # Whitespace runs (line breaks included) become single spaces, markers kept.
    line = "".join(pieces)
    line = " ".join(line.split())
    return ("... " if head else "") + line + (" ..." if tail else "")


def _sentence_blocks(item: Item, style: Style) -> list[str]:
    """Each sentence (or citation) holding evidence, once, with every flagged span in it."""
    f, a = item.finding, item.analysis
    if a is None or a.doc is None:
        return [f'  {e.role}: "{" ".join(e.text.split())}"' + (f"\n    {e.context}" if e.context else "")
                for e in f.evidence]
    doc = a.doc
    citations = list(a.citations)
    spans = [e.span for e in f.evidence]
    blocks: list[tuple[int, int, str, list[str]]] = []
    for e in f.evidence:
        lo, hi, label = _container(doc, citations, e.span)
        for block in blocks:
            if (block[0], block[1]) == (lo, hi):
                if e.role not in block[3]:
                    block[3].append(e.role)
                break
        else:
            blocks.append((lo, hi, label, [e.role]))
    out = []
    for lo, hi, label, roles in blocks:
        out.append(f"  {style.bold(', '.join(roles))} {style.dim(label)}")
        out.append("    " + highlight(doc.text, lo, hi, spans, style))
    return out


def _container(doc: Any, citations: list[Any], span: Span) -> tuple[int, int, str]:
    """The sentence or citation around a span, with a label for it."""
    for c in citations:
        if c.span.start <= span.start and span.end <= c.span.end:
            return c.span.start, c.span.end, f"(citation {c.number or c.id})"
    sentence = doc.sentence_at(span.start)
    if sentence is not None and sentence.span.end >= span.end:
        where = "sentence" if sentence.section == "body" else "back matter"
        return sentence.span.start, sentence.span.end, f"({where} {sentence.index + 1})"
    return max(0, span.start - WINDOW // 2), min(len(doc.text), span.end + WINDOW // 2), ""


def _clip(text: str, limit: int = CITATION_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 4] + " ..."


def _citation_lines(item: Item, style: Style) -> list[str]:
    """The citations linked to the finding's claims, and the ones it names itself."""
    f, a = item.finding, item.analysis
    if a is None:
        return []
    by_id = {c.id: c for c in a.citations}
    links = {link.claim: link for link in a.links}
    claims = {c.id: c for c in a.claims}
    lines: list[str] = []
    shown: set[str] = set()
    for claim_id in f.claims:
        claim, link = claims.get(claim_id), links.get(claim_id)
        name = f'"{claim.text}"' if claim is not None else claim_id
        if link is None or link.citation is None or link.citation not in by_id:
            lines.append(f"  {name}: {style.dim('no linked citation')}")
            continue
        c = by_id[link.citation]
        shown.add(c.id)
        how = f"{link.method}, confidence {link.confidence:.2f}"
        lines.append(f"  {name} -> [{c.number or c.id}] {_clip(c.text)} {style.dim('(' + how + ')')}")
    # A citation quoted as evidence is on screen already.
    shown |= {
        c.id for c in a.citations
        if c.id in f.citations and any(c.span.contains(e.span) for e in f.evidence)
    }
    for cid in f.citations:
        if cid in by_id and cid not in shown:
            shown.add(cid)
            c = by_id[cid]
            lines.append(f"  [{c.number or c.id}] {_clip(c.text)}")
    return lines


def render_item(item: Item, position: int, total: int, style: Style) -> str:
    """Everything a reviewer needs to decide about one finding, as terminal text."""
    f = item.finding
    ev = f.evidence[0]
    where = f"{item.doc.path}:{ev.line}:{ev.column}" if ev.line else item.doc.path
    lines = [
        style.dim(f"[{position}/{total}] {where}  fingerprint {f.fingerprint[:12]}"),
        f"{style.severity(f.severity.value)} {style.bold(f.code)} {f.name}",
        style.bold(f.message),
    ]
    if f.hint:
        lines.append(style.dim(f"hint: {f.hint}"))
    lines.append("")
    lines.extend(_sentence_blocks(item, style))
    cites = _citation_lines(item, style)
    if cites:
        lines.append("")
        lines.append(style.bold("  linked citations"))
        lines.extend("  " + c for c in cites)
    return "\n".join(lines)


# ------------------------------------------------------------------ the dialogue


@dataclass
class Outcome:
    decided: int = 0
    skipped: int = 0
    left: int = 0
    interrupted: bool = False


class _Quit(Exception):
    """End of input or a q answer."""


class Session:
    """Asks about each item in turn; every decision is saved before the next question."""

    def __init__(
        self,
        store: ReviewStore,
        reviewer: str,
        stdin: TextIO,
        stdout: TextIO,
        style: Style,
        today: dt.date | None = None,
    ) -> None:
        self.store, self.reviewer, self.style = store, reviewer, style
        self.stdin, self.stdout = stdin, stdout
        self.today = today or dt.date.today()

    def _say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def _ask(self, prompt: str) -> str:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:  # end of input (Ctrl-D): quit, keeping what was saved
            self._say()
            raise _Quit
        return line.strip()

    def _reason(self, decision: Decision) -> str | None:
        verb = "accepting" if decision == "accepted" else "dismissing"
        reason = self._ask(f"Reason for {verb} (empty to go back): ")
        return reason or None

    def _decide(self, item: Item) -> Decision | None:
        """The reviewer's decision (saved), None when skipped."""
        while True:
            answer = self._ask(f"{self.style.bold(CHOICES)} ? ").lower()
            choice = answer[:1]
            if choice == "q":
                raise _Quit
            if choice == "s":
                return None
            if choice in ("a", "d"):
                decision: Decision = "accepted" if choice == "a" else "dismissed"
                reason = self._reason(decision)
                if reason is None:
                    self._say("A reason is required; nothing recorded.")
                    continue
                entry = entry_for(item.finding, item.key, decision, reason, self.reviewer, self.today)
                self.store.add([entry])
                self._say(self.style.dim(f"saved: {decision} ({self.store.path.name})"))
                return decision
            self._say(f"Please answer a, d, s or q: {CHOICES}.")

    def run(self, items: list[Item]) -> Outcome:
        outcome = Outcome(left=len(items))
        try:
            for position, item in enumerate(items, 1):
                self._say()
                self._say(render_item(item, position, len(items), self.style))
                self._say()
                if self._decide(item) is None:
                    outcome.skipped += 1
                else:
                    outcome.decided += 1
                    outcome.left -= 1
        except _Quit:
            pass
        except KeyboardInterrupt:
            self._say()
            outcome.interrupted = True
        self._say(
            f"{outcome.decided} decision{'s' if outcome.decided != 1 else ''} saved to "
            f"{self.store.path}; {outcome.skipped} skipped; {outcome.left} unreviewed left."
        )
        return outcome

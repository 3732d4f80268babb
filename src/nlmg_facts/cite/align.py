"""Linking body sentences to citations: markers when present, else a monotone alignment.

Encyclopedia reference lists are numbered in order of first use, so walking
the body, the citations first used go up the list. The aligner scores each
(sentence, citation) pair with a cheap similarity (author surnames, the work's
name, distinctive title words, dates and numbers) and finds, by dynamic
programming, the assignment that maximises the total similarity subject to:

* a sentence cites nothing, the citation last used, or a later one
  (skipping a few citations costs a little: they are used elsewhere, e.g. in
  an infobox the flattened text lost);
* an earlier citation may be cited again (a reused named reference), at a cost,
  so only a strong match does it.

The cost is O(sentences x citations) with set lookups; similarities are
computed from inverted indexes so only pairs that share something are scored.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_right
from functools import lru_cache
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

import regex

from ..models import DateValue, Document
from ..models.citations import Citation, SentenceLink
from . import _dates
from ._data import data, words

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’\-]*|\d+(?:st|nd|rd|th)?")
_POSSESSIVE = regex.compile(r"['’]s$")

#: A sentence's similarity must exceed this to be worth linking.
THRESHOLD = 0.4
#: Evidence enough to share a neighbour's citation.
EXTEND_THRESHOLD = 0.3
#: Longest run of unlinked sentences between two links to one citation that is bridged.
MAX_GAP = 2
#: Days after an event within which a publication is taken as its report.
REPORT_DAYS = 7
#: Cost per citation skipped when moving forward in the list.
SKIP_COST = 0.5
#: Cost of citing an earlier citation again.
REUSE_COST = 1.0
#: Similarity at which confidence reaches about two thirds.
CONFIDENCE_SCALE = 1.5
#: Weights of the evidence kinds.
W_SURNAME = 2.6
W_GIVEN = 0.8
W_WORK = 2.2
W_DATE = 1.2
W_NUMBER = 0.9
W_TITLE_MAX = 1.2  # per title word, before distinctiveness scaling


def _tokens(text: str) -> list[str]:
    return [t for t, _ in _raw_tokens(text)]


def _raw_tokens(text: str) -> list[tuple[str, bool]]:
    """(lower-case token, was capitalised) pairs in order; possessives dropped."""
    out = []
    for m in _WORD.finditer(text):
        g = m.group()
        w = g.lower()
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        w = w.strip("'’-")
        if w:
            out.append((w, g[0].isupper()))
    return out


_SUFFIXES = ("ings", "ing", "ed", "es", "s")


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    """A crude suffix stripper: 'filming', 'filmed' and 'films' meet at 'film'."""
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            word = word[: -len(suf)]
            break
    if word.endswith("e") and len(word) >= 4:
        word = word[:-1]  # 'drive'/'driv(ing)', 'premiere'/'premier(ed)'
    return word


def _norm_phrase(text: str) -> str:
    toks = _tokens(text)
    if toks and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


@dataclass(slots=True)
class _CiteFeatures:
    index: int
    surnames: dict[str, str] = field(default_factory=dict)  # token -> display name
    givens: set[str] = field(default_factory=set)
    works: list[str] = field(default_factory=list)  # normalised phrases
    title_words: set[str] = field(default_factory=set)  # stems
    numbers: set[str] = field(default_factory=set)  # non-year numbers and ordinals in the title
    date: DateValue | None = None


def _features(citations: list[Citation], stop: frozenset[str]) -> list[_CiteFeatures]:
    feats = []
    for i, c in enumerate(citations):
        f = _CiteFeatures(index=i)
        for a in c.authors:
            surname_toks = _tokens(a.surname)
            if surname_toks:
                f.surnames[surname_toks[-1]] = a.display
            if a.given:
                f.givens.update(_tokens(a.given))
        for part in (c.work, c.publisher):
            if part is not None:
                phrase = _norm_phrase(part.text)
                if phrase and phrase not in stop:
                    f.works.append(phrase)
        if c.title is not None:
            for t in _tokens(c.title.text):
                if t[0].isdigit():
                    if not (len(t) == 4 and t.isdigit()):
                        f.numbers.add(t)
                elif t not in stop and len(t) > 2:
                    f.title_words.add(_stem(t))
        if c.date is not None and c.date.value is not None and c.date.value.resolved:
            f.date = c.date.value
        feats.append(f)
    return feats


@dataclass(slots=True)
class _Score:
    value: float = 0.0
    matched: list[str] = field(default_factory=list)

    def add(self, weight: float, what: str) -> None:
        self.value += weight
        self.matched.append(what)


def similarities(doc: Document, citations: list[Citation]) -> list[dict[int, _Score]]:
    """Per body sentence, the citations it shares something with and how much."""
    stop = frozenset(data()["stopwords"])
    feats = _features(citations, stop)
    sentences = doc.body_sentences
    # (token, capitalised) pairs in order, to see the word before a surname.
    sent_raw = [_raw_tokens(doc.sentence_text(s.index)) for s in sentences]
    sent_tokens = [[t for t, _ in raw] for raw in sent_raw]
    sent_sets = [set(t) for t in sent_tokens]
    sent_stems = [{_stem(t) for t in toks if t not in stop} for toks in sent_tokens]
    sent_phrases = [" " + " ".join(t) + " " for t in sent_tokens]
    n_sent = max(1, len(sentences))
    n_cite = max(1, len(citations))

    # Inverted indexes: feature -> citations with it.
    by_surname: dict[str, list[int]] = defaultdict(list)
    by_title: dict[str, list[int]] = defaultdict(list)
    by_number: dict[str, list[int]] = defaultdict(list)
    by_work: dict[str, list[int]] = defaultdict(list)
    by_month: dict[tuple[int, int], list[int]] = defaultdict(list)
    for f in feats:
        for s in f.surnames:
            by_surname[s].append(f.index)
        for t in f.title_words:
            by_title[t].append(f.index)
        for t in f.numbers:
            by_number[t].append(f.index)
        for w in set(f.works):
            by_work[w].append(f.index)
        if f.date is not None and f.date.precision == "day":
            by_month[(f.date.start.year, f.date.start.month)].append(f.index)

    # How many sentences use a word: a word every paragraph uses tells little.
    token_df: dict[str, int] = defaultdict(int)
    stem_df: dict[str, int] = defaultdict(int)
    for toks, stems in zip(sent_sets, sent_stems):
        for t in toks:
            token_df[t] += 1
        for t in stems:
            stem_df[t] += 1

    def idf(df: int, n: int) -> float:
        return max(0.0, math.log((n + 1) / (df + 0.5)) / math.log(n + 1))

    title_weight = {
        t: W_TITLE_MAX * idf(len(js), n_cite) * idf(stem_df.get(t, 0), n_sent) ** 2
        for t, js in by_title.items()
    }
    # Every date of the body at once, bucketed by sentence (one scan, not one per sentence).
    body_dates: list[list[DateValue]] = [[] for _ in sentences]
    if sentences:
        s_starts = [s.span.start for s in sentences]
        for d_start, _, value in _dates.find(doc.text, sentences[0].span.start, sentences[-1].span.end):
            i = bisect_right(s_starts, d_start) - 1
            if i >= 0 and d_start < sentences[i].span.end:
                body_dates[i].append(value)

    # Citations per exact publication date: a date many citations share tells little.
    same_date: dict[dt.date, int] = defaultdict(int)
    for f in feats:
        if f.date is not None and f.date.precision == "day":
            same_date[f.date.start] += 1

    pub_dates = sorted(
        f.date.start for f in feats if f.date is not None and f.date.precision == "day" and f.date.start
    )

    out: list[dict[int, _Score]] = []
    for k, s in enumerate(sentences):
        scores: dict[int, _Score] = defaultdict(_Score)
        toks = sent_sets[k]
        raw = sent_raw[k]
        for pos, (t, cap) in enumerate(raw):
            for j in by_surname.get(t, ()):
                f = feats[j]
                before = raw[pos - 1] if pos > 0 else None
                if before is not None and before[1] and before[0] not in f.givens and before[0] not in stop:
                    continue  # "Andrew Macdonald" is not the author "Moira Macdonald"
                # Shared by several citations or common in the text: weaker.
                w = W_SURNAME / math.sqrt(len(by_surname[t])) * min(1.0, 3.0 / max(1, token_df[t]))
                if before is not None and before[0] in f.givens:
                    w += W_GIVEN
                scores[j].add(w, f.surnames[t])
            if t[0].isdigit():
                for j in by_number.get(t, ()):
                    scores[j].add(W_NUMBER / math.sqrt(len(by_number[t])), t)
        for t in sent_stems[k]:
            for j in by_title.get(t, ()):
                w = title_weight[t]
                if w > 0.05:
                    scores[j].add(w, t)
        phrase = sent_phrases[k]
        for w, js in by_work.items():
            if " " + w + " " in phrase:
                for j in js:
                    scores[j].add(W_WORK / math.sqrt(len(js)), w)
        for value in body_dates[k]:
            if not value.resolved or value.precision not in ("day", "month"):
                continue
            assert value.start is not None and value.end is not None
            months = {(value.start.year, value.start.month), (value.end.year, value.end.month)}
            for ym in months:
                for j in by_month.get(ym, ()):
                    d = feats[j].date
                    assert d is not None and d.start is not None
                    if value.precision == "day" and value.start <= d.start <= value.end:
                        scores[j].add(W_DATE / math.sqrt(same_date[d.start]), value.iso)
                    elif value.precision == "month" and value.start <= d.start <= value.end:
                        scores[j].add(W_DATE / 2 / math.sqrt(len(by_month[ym])), value.iso)
                    elif value.precision == "day" and 0 < (d.start - value.end).days <= REPORT_DAYS:
                        # Published just after the event: likely its report.
                        after = _count_between(pub_dates, value.end, REPORT_DAYS)
                        scores[j].add(W_DATE / 2 / math.sqrt(after), f"reported after {value.iso}")
        out.append(dict(scores))
    return out


def _count_between(dates: list[dt.date], after: dt.date, days: int) -> int:
    """How many of the sorted ``dates`` fall in (after, after + days]."""
    lo = bisect_right(dates, after)
    hi = bisect_right(dates, after + dt.timedelta(days=days))
    return max(1, hi - lo)


def _confidence(score: float) -> float:
    return round(1.0 - math.exp(-score / CONFIDENCE_SCALE), 3)


def _reason(score: _Score) -> str:
    seen: list[str] = []
    for m in score.matched:
        if m not in seen:
            seen.append(m)
    return "matched " + ", ".join(repr(m) for m in seen)


def align(doc: Document, citations: list[Citation]) -> list[SentenceLink]:
    """One link per body sentence (citation or none), by monotone dynamic programming."""
    sentences = doc.body_sentences
    refs = [c for c in citations if c.kind == "citation"]
    if not sentences:
        return []
    sims = similarities(doc, refs)
    m = len(refs)
    NEG = float("-inf")
    # best[j + 1]: best total with citation j the furthest used so far (index 0: none yet).
    best = [0.0] + [NEG] * m
    # Per sentence, the states whose best path changed: state -> (previous state, cited index).
    back: list[dict[int, tuple[int, int]]] = []
    for k in range(len(sentences)):
        gains = {j: sc.value - THRESHOLD for j, sc in sims[k].items() if sc.value > THRESHOLD}
        ptr: dict[int, tuple[int, int]] = {}
        if not gains:
            back.append(ptr)
            continue
        new = best[:]
        # Forward moves: from state st <= j to j + 1, paying for the citations skipped.
        top = max(gains)
        pref: list[tuple[float, int]] = []
        run_best, run_state = NEG, 0
        for st in range(top + 1):
            v = best[st] + SKIP_COST * st
            if v > run_best:
                run_best, run_state = v, st
            pref.append((run_best, run_state))
        for j, g in gains.items():
            cands = []
            if best[j + 1] > NEG:
                cands.append((best[j + 1] + g, j + 1))  # the citation last used, again
            pb, ps = pref[j]
            if pb > NEG:
                cands.append((pb - SKIP_COST * j + g, ps))
            if cands:
                v, st = max(cands)
                if v > new[j + 1]:
                    new[j + 1], ptr[j + 1] = v, (st, j)
        # Reuse: stay in state st and cite an earlier citation j < st - 1.
        ordered = sorted(gains.items())
        best_g, best_j, idx = NEG, -1, 0
        for st in range(ordered[0][0] + 2, m + 1):
            while idx < len(ordered) and ordered[idx][0] < st - 1:
                if ordered[idx][1] > best_g:
                    best_g, best_j = ordered[idx][1], ordered[idx][0]
                idx += 1
            if best[st] > NEG:
                v = best[st] + best_g - REUSE_COST
                if v > new[st]:
                    new[st], ptr[st] = v, (st, best_j)
        best = new
        back.append(ptr)
    # Backtrack from the best final state.
    state = max(range(m + 1), key=lambda st: best[st])
    chosen = [-1] * len(sentences)
    for k in range(len(sentences) - 1, -1, -1):
        prev, cited = back[k].get(state, (state, -1))
        chosen[k] = cited
        state = prev
    return _links(doc, refs, sims, chosen)


def _links(doc: Document, refs: list[Citation], sims: list[dict[int, _Score]], chosen: list[int]) -> list[SentenceLink]:
    sentences = doc.body_sentences
    n = len(sentences)
    chosen = list(chosen)
    method = ["alignment" if j >= 0 else "none" for j in chosen]
    # A neighbour of a linked sentence with some evidence of its own for the
    # same citation shares it (forward, then backward).
    for order in (range(1, n), range(n - 2, -1, -1)):
        for k in order:
            nb = k - 1 if order.step == 1 else k + 1
            j = chosen[nb]
            if chosen[k] < 0 and j >= 0:
                sc = sims[k].get(j)
                if sc is not None and sc.value >= EXTEND_THRESHOLD:
                    chosen[k], method[k] = j, "alignment"
    # A short gap between two sentences citing the same source is that source's.
    last: dict[int, int] = {}
    for k in range(n):
        j = chosen[k]
        if j >= 0 and method[k] == "alignment":
            prev = last.get(j)
            if prev is not None and 1 < k - prev <= MAX_GAP + 1 and all(chosen[x] < 0 for x in range(prev + 1, k)):
                for x in range(prev + 1, k):
                    chosen[x], method[x] = j, "continuation"
            last = {j: k}
    links: list[SentenceLink] = []
    for k, j in enumerate(chosen):
        idx = sentences[k].index
        if j < 0:
            links.append(_none(idx))
            continue
        sc = sims[k].get(j)
        if method[k] == "alignment" and sc is not None:
            links.append(SentenceLink(
                sentence=idx, citation=refs[j].id, confidence=_confidence(sc.value),
                method="alignment", reason=_reason(sc), matched=sorted(set(sc.matched)),
            ))
        else:
            prev = next(l for l in reversed(links) if l.citation == refs[j].id)
            links.append(SentenceLink(
                sentence=idx, citation=refs[j].id, confidence=round(prev.confidence * 0.6, 3),
                method="continuation", reason=f"between sentences citing {refs[j].id}",
            ))
    # A sentence continuing a linked one ("He said ...") shares its source.
    starts = tuple(words("continuation_starts", "prefixes"))
    for k in range(1, n):
        prev_link = links[k - 1]
        if links[k].citation is None and prev_link.citation is not None:
            if doc.sentence_text(sentences[k].index).startswith(starts):
                links[k] = SentenceLink(
                    sentence=sentences[k].index, citation=prev_link.citation,
                    confidence=round(prev_link.confidence * 0.6, 3), method="continuation",
                    reason=f"continues sentence {prev_link.sentence}",
                )
    return links


def _none(index: int) -> SentenceLink:
    return SentenceLink(
        sentence=index, citation=None, confidence=0.0, method="none",
        reason="no citation shares enough names, title words, works or dates with it",
    )

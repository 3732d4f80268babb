"""Linking body sentences to citations: markers when present, else a monotone alignment.

Encyclopedia reference lists are numbered in order of first use, so walking
the body, the citations first used go up the list. The aligner scores each
(sentence, citation) pair with a cheap similarity (author surnames, the work's
name, distinctive title words, dates and numbers) and finds, by dynamic
programming, the assignment that maximises the total similarity subject to:

* a sentence cites nothing, the citation last used, or a later one
  (skipping a citation costs a little: it is used elsewhere, e.g. in an
  infobox the flattened text lost);
* the next unused citation needs less evidence than the others (order of
  first use makes it the likeliest new one);
* an earlier citation may be cited again (a reused named reference), at a cost,
  so only a strong match does it.

A pass after the alignment lets sentences without evidence of their own
inherit a neighbour's citation when they continue it: a quotation running
on, a pronoun before any name ("He said ...", "Stating that ..., she ..."),
the same subject as the sentence before, or a short gap between two
sentences citing one source.

Complexity, for S body sentences, R citations, T tokens of the body and P
(sentence, citation) pairs that share a feature. P is at most S x K, K the
candidates of a sentence: a feature (surname, title word, work, date) shared
by more than ``MAX_POSTING`` citations is ignored as uninformative, so K is
at most ``MAX_POSTING`` per feature the sentence has, whatever R is.

* tokenising: one regex pass per sentence and per citation, O(T + R);
  dates come from the extract stage's claims, or one scan of the sentences
  that have a year;
* similarity: inverted indexes from token, title stem, number, work and
  publication day to citations; a sentence meets only the citations it
  shares something with, O(T + P);
* alignment: the DP state is the furthest citation used; its values live in
  a segment tree with range add and range max, so a sentence costs
  O(K log R) (a prefix max per forward move, a suffix add per reuse) and the
  whole O(P log R + R) time and O(R + P) memory -- never S x R
  (``benchmarks/bench_cite.py`` measures 10,000 references and ~13,000
  sentences: a few seconds, flat per sentence);
* the continuation pass is linear in S.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

import regex

from .. import _lazyre
from ..models import DateValue, Document
from ..models.citations import Citation, SentenceLink
from . import _dates
from ._data import data, words

# One token per match, already clean, so no per-token Python work is needed.
_TOKEN = _lazyre.lazy_compile(
    r"""
    (?<![\p{L}\p{M}]['’])\p{L}[\p{L}\p{M}]*   # a word (not the s of a possessive)
    (?:(?:-+|['’]+(?!s(?![\p{L}\p{M}])))     # inner hyphen or apostrophe, not a possessive 's
       [\p{L}\p{M}]+)*                       # ... and the letters after it
  | \d+(?:st|nd|rd|th)?                      # a number or an ordinal (on lower-cased text)
    """,
    regex.VERBOSE,
)
# Only sentences with a four-digit number can state a date with a year.
_YEAR = _lazyre.lazy_compile(r"(?<!\d)\d{4}(?!\d)")
# Quotation marks, opening or closing by what is around them.
_QUOTE_MARK = _lazyre.lazy_compile(
    r"""
    (?P<open>(?:^|(?<=[\s(\[—–\-]))["“](?=\S))   # "word: after a space, before a letter
  | (?P<close>["”])                              # anything else closes
    """,
    regex.VERBOSE,
)
#: A quotation left open longer than this many sentences lost its closing mark.
MAX_QUOTE_SENTENCES = 4
# A quoted stretch of a sentence, to compare with citation titles.
_QUOTED = _lazyre.lazy_compile(r"""(?:"(?P<q>[^"]{1,300})"|“(?P<q>[^“”]{1,300})”)""")

#: A sentence's similarity must exceed this to be worth linking.
THRESHOLD = 0.4
#: The next unused citation (the likeliest new one) needs only this much.
NEXT_THRESHOLD = 0.1
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
#: A feature (name, title word, date) shared by more citations than this tells nothing.
MAX_POSTING = 12
#: A subject word used in more than this share of the body's sentences is the article's topic.
MAX_SUBJECT_SHARE = 0.08
#: How far into a sentence its subject is looked for ("Before the novel was published, Garland ...").
SUBJECT_WINDOW = 8
#: Weights of the evidence kinds.
W_SURNAME = 2.6
W_GIVEN = 0.8
W_WORK = 2.2
W_DATE = 1.2
W_NUMBER = 0.9
W_TITLE_MAX = 1.2  # per title word, before distinctiveness scaling
W_QUOTED_TITLE = 2.0  # a citation's title quoted in the sentence

_SUFFIXES = ("ings", "ing", "ed", "es", "s")
_NEG = float("-inf")


def _tokens(text: str) -> list[str]:
    """Lower-case tokens in order; possessive 's dropped."""
    return _TOKEN.findall(text.lower())


def _fold(word: str) -> str:
    """Accents off ('première' -> 'premiere'); ASCII words pass untouched."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _stem(word: str) -> str:
    """A crude suffix stripper: 'filming', 'filmed' and 'films' meet at 'film'."""
    word = _fold(word)
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


def _idf(df: int, n: int) -> float:
    return max(0.0, math.log((n + 1) / (df + 0.5)) / math.log(n + 1))


@dataclass(slots=True)
class _CiteFeatures:
    surnames: dict[str, str] = field(default_factory=dict)  # token -> display name
    givens: set[str] = field(default_factory=set)
    title_words: set[str] = field(default_factory=set)  # stems
    title_phrase: str | None = None  # the whole title, when long enough to be quoted
    numbers: set[str] = field(default_factory=set)  # non-year numbers and ordinals in the title
    day: dt.date | None = None  # day-precision publication date


def _features(citations: list[Citation], stop: frozenset[str]) -> tuple[list[_CiteFeatures], list[list[str]]]:
    """Per citation: its features, and the normalised phrases of its work and publisher."""
    feats, works = [], []
    stems: dict[str, str] = {}  # titles repeat their words (the topic's name): stem each once
    for c in citations:
        f = _CiteFeatures()
        for a in c.authors:
            surname_toks = _tokens(a.surname)
            if surname_toks:
                f.surnames[surname_toks[-1]] = a.display
            if a.given:
                f.givens.update(_tokens(a.given))
        phrases = []
        for part in (c.work, c.publisher):
            if part is not None:
                phrase = _norm_phrase(part.text)
                if phrase and phrase not in stop and phrase not in phrases:
                    phrases.append(phrase)
        works.append(phrases)
        if c.title is not None:
            toks = _tokens(c.title.text)
            for t in toks:
                if t[0].isdigit():
                    if not (len(t) == 4 and t.isdigit()):
                        f.numbers.add(t)
                elif t not in stop and len(t) > 2:
                    st = stems.get(t)
                    if st is None:
                        st = stems[t] = _stem(t)
                    f.title_words.add(st)
            if len(toks) >= 2:
                f.title_phrase = " ".join(toks)
        if c.date is not None and c.date.value is not None and c.date.value.resolved:
            v = c.date.value
            if v.precision == "day" and v.start is not None:
                f.day = v.start
        feats.append(f)
    return feats, works


class _Similarity:
    """Inverted indexes over the citations and the body; scores only pairs that share something."""

    def __init__(self, doc: Document, citations: list[Citation],
                 dates: list[tuple[int, DateValue]] | None = None) -> None:
        self.stop = frozenset(data()["stopwords"])
        self.feats, works = _features(citations, self.stop)
        sentences = doc.body_sentences
        self.texts = [doc.sentence_text(s.index) for s in sentences]
        self.tokens = [_tokens(t) for t in self.texts]
        self.sets = [set(t) for t in self.tokens]
        self.n_sent = max(1, len(sentences))
        self.token_df = Counter(chain.from_iterable(self.sets))
        self._caps_cache: dict[int, list[bool] | None] = {}
        self._hits: dict[int, list[tuple[int, float, str]]] = {}
        self._index_names_and_titles(max(1, len(citations)))
        self._index_works(works)
        self._index_dates(doc, dates)

    def _index_names_and_titles(self, n_cite: int) -> None:
        sur: dict[str, list[int]] = defaultdict(list)
        num: dict[str, list[int]] = defaultdict(list)
        title: dict[str, list[int]] = defaultdict(list)
        quoted: dict[str, list[int]] = defaultdict(list)
        for j, f in enumerate(self.feats):
            for t in f.surnames:
                sur[t].append(j)
            for t in f.numbers:
                num[t].append(j)
            for t in f.title_words:
                title[t].append(j)
            if f.title_phrase is not None:
                quoted[f.title_phrase].append(j)
        # Surnames: weaker when shared by citations or common in the text.
        self.surname_post = {t: js for t, js in sur.items() if len(js) <= MAX_POSTING}
        self.surname_weight = {
            t: W_SURNAME / math.sqrt(len(js)) * min(1.0, 3.0 / max(1, self.token_df[t]))
            for t, js in self.surname_post.items()
        }
        self.number_post = {t: js for t, js in num.items() if len(js) <= MAX_POSTING}
        # Whole titles, for quotations of them; a title several citations share
        # (a database page named after the article's topic) is left out.
        self.titles = {p: js for p, js in quoted.items() if len(js) <= 2}

        # Title stems: the body's surface words that reach a title stem, found
        # without stemming the whole vocabulary (a stem is a prefix of its word).
        by_prefix: dict[str, list[str]] = defaultdict(list)
        for st in title:
            by_prefix[st[:3]].append(st)
        surface: dict[str, str] = {}
        for t in self.token_df:
            folded = t if t.isascii() else _fold(t)
            group = by_prefix.get(folded[:3])
            if group and len(t) > 2 and t not in self.stop and any(folded.startswith(st) for st in group):
                st = _stem(t)
                if st in title:
                    surface[t] = st
        keys = surface.keys()
        self.stems = [{surface[t] for t in s & keys} for s in self.sets]
        # A title word is worth what it tells apart: rare among citations and in the body.
        stem_df = Counter(chain.from_iterable(self.stems))
        self.title_post: dict[str, tuple[float, list[int]]] = {}
        for t, js in title.items():
            w = W_TITLE_MAX * _idf(len(js), n_cite) * _idf(stem_df.get(t, 0), self.n_sent) ** 2
            if w > 0.05 and len(js) <= MAX_POSTING:
                self.title_post[t] = (w, js)

    def _index_works(self, works: list[list[str]]) -> None:
        """Works and publishers by their first word; the phrase is checked only then."""
        by_phrase: dict[str, list[int]] = defaultdict(list)
        for j, phrases in enumerate(works):
            for p in phrases:
                by_phrase[p].append(j)
        self.work_first: dict[str, list[tuple[str, float, list[int]]]] = defaultdict(list)
        #: One-word works that are also ordinary words ("Time", "Nature"): matched only capitalised.
        self.work_caps: set[str] = set()
        for p, js in by_phrase.items():
            toks = p.split(" ")
            if len(js) > MAX_POSTING or not any(len(t) > 2 and not t[0].isdigit() for t in toks):
                continue  # "14" (a volume taken for a work), "u s": no name
            self.work_first[toks[0]].append((p, W_WORK / math.sqrt(len(js)), js))
            if len(toks) == 1:
                self.work_caps.add(p)

    def _index_dates(self, doc: Document, dates: list[tuple[int, DateValue]] | None) -> None:
        """Publication days sorted for bisection; the body's dates per sentence.

        The body's dates are the date claims when the extract stage has run,
        else a scan of the sentences with a year (runs of consecutive ones in one call).
        """
        dated = sorted((f.day, j) for j, f in enumerate(self.feats) if f.day is not None)
        self.days = [d for d, _ in dated]
        self.day_cites = [j for _, j in dated]
        self.same_day = Counter(self.days)
        sentences = doc.body_sentences
        self.dates: list[list[DateValue]] = [[] for _ in sentences]
        if dates is not None:
            position = {s.index: k for k, s in enumerate(sentences)}
            found = [(position.get(index, -1), value) for index, value in dates]
        else:
            found = []
            k = 0
            while k < len(sentences):
                if not _YEAR.search(self.texts[k]):
                    k += 1
                    continue
                first = k
                while k + 1 < len(sentences) and _YEAR.search(self.texts[k + 1]):
                    k += 1
                starts = [s.span.start for s in sentences[first : k + 1]]
                for d_start, _, value in _dates.find(doc.text, sentences[first].span.start, sentences[k].span.end):
                    i = first + bisect_right(starts, d_start) - 1
                    if d_start < sentences[i].span.end:
                        found.append((i, value))
                k += 1
        for k, value in found:
            if k >= 0 and value.resolved and value.precision in ("day", "month"):
                self.dates[k].append(value)

    # ------------------------------------------------------------ scoring

    def _caps(self, k: int) -> list[bool] | None:
        """Whether each token of sentence ``k`` was capitalised (None if tokenising differs)."""
        if k not in self._caps_cache:
            orig = _TOKEN.findall(self.texts[k])
            self._caps_cache[k] = [t[0].isupper() for t in orig] if len(orig) == len(self.tokens[k]) else None
        return self._caps_cache[k]

    def _capitalised(self, k: int, word: str) -> bool:
        """Whether sentence ``k`` writes ``word`` capitalised (its first word too: "Metacritic assigned ...")."""
        caps = self._caps(k)
        if caps is None:
            return True  # tokenising differs: no say
        return any(caps[i] and t == word for i, t in enumerate(self.tokens[k]))

    def hits(self, k: int) -> Iterator[tuple[int, float, str]]:
        """(citation, weight, matched term) for every feature sentence ``k`` shares."""
        toks, present = self.tokens[k], self.sets[k]
        for t in present & self.surname_post.keys():
            positions = [i for i, x in enumerate(toks) if x == t]
            caps: list[bool] | None = None
            for j in self.surname_post[t]:
                f = self.feats[j]
                best = 0.0
                for pos in positions:
                    before = toks[pos - 1] if pos else None
                    if before is not None and before in f.givens:
                        best = max(best, self.surname_weight[t] + W_GIVEN)
                        continue
                    if before is not None and before not in self.stop:
                        if caps is None:
                            caps = self._caps(k) or [False] * len(toks)
                        if caps[pos - 1]:
                            continue  # "Andrew Macdonald" is not the author "Moira Macdonald"
                    best = max(best, self.surname_weight[t])
                if best:
                    yield j, best, f.surnames[t]
        for t in present & self.number_post.keys():
            js = self.number_post[t]
            for j in js:
                yield j, W_NUMBER / math.sqrt(len(js)), t
        for st in self.stems[k]:
            entry = self.title_post.get(st)
            if entry is not None:
                for j in entry[1]:
                    yield j, entry[0], st
        phrase = None
        for first in present & self.work_first.keys():
            phrase = phrase or " " + " ".join(toks) + " "
            for p, w, js in self.work_first[first]:
                if " " + p + " " in phrase:
                    if p in self.work_caps and not self._capitalised(k, p):
                        continue
                    for j in js:
                        yield j, w, p
        if self.titles:
            for q in _QUOTED.finditer(self.texts[k]):
                js = self.titles.get(" ".join(_tokens(q["q"])))
                for j in js or ():
                    yield j, W_QUOTED_TITLE / len(js), "quoted title"
        for value in self.dates[k]:
            yield from self._date_hits(value)

    def _date_hits(self, value: DateValue) -> Iterator[tuple[int, float, str]]:
        assert value.start is not None and value.end is not None
        days, cites = self.days, self.day_cites
        lo, hi = bisect_left(days, value.start), bisect_right(days, value.end)
        if value.precision == "day":
            for i in range(lo, hi):
                yield cites[i], W_DATE / math.sqrt(self.same_day[days[i]]), value.iso
            # Published just after the event: likely its report.
            after = bisect_right(days, value.end + dt.timedelta(days=REPORT_DAYS))
            if hi < after <= hi + MAX_POSTING:
                for i in range(hi, after):
                    yield cites[i], W_DATE / 2 / math.sqrt(after - hi), f"reported after {value.iso}"
        elif 0 < hi - lo <= MAX_POSTING:
            for i in range(lo, hi):
                yield cites[i], W_DATE / 2 / math.sqrt(hi - lo), value.iso

    def scores(self, k: int) -> dict[int, float]:
        """Similarity of sentence ``k`` to each citation it shares something with."""
        out: dict[int, float] = {}
        get = out.get
        hits = self._hits[k] = list(self.hits(k))
        for j, w, _ in hits:
            out[j] = get(j, 0.0) + w
        return out

    def matched(self, k: int, j: int) -> list[str]:
        """The terms sentence ``k`` shares with citation ``j``, in order, without repeats."""
        hits = self._hits.get(k)
        if hits is None:
            hits = self._hits[k] = list(self.hits(k))
        return list(dict.fromkeys(m for c, _, m in hits if c == j))

    def names(self, k: int) -> set[str]:
        """Words written capitalised inside sentence ``k`` (its first word aside): names."""
        caps = self._caps(k)
        if caps is None:
            return set()
        return {t for i, t in enumerate(self.tokens[k]) if i and caps[i] and t not in self.stop}

    def same_subject(self, k: int, names: set[str]) -> str | None:
        """The name sentence ``k`` opens on, if it is one of ``names``.

        "Garfield enjoys ...", "Before the novel was published, Garland ...": the
        first capitalised word among the first ``SUBJECT_WINDOW`` tokens that is
        not a function word (a capitalised first word that is not among
        ``names`` may be just the sentence's opening and is passed over). A word
        that opens a longer name or title, or that many sentences use (the
        article's topic), is not a subject.
        """
        toks = self.tokens[k]
        caps = self._caps(k)
        if caps is None or not names:
            return None
        for i, t in enumerate(toks[:SUBJECT_WINDOW]):
            if not caps[i] or t in self.stop or t[0].isdigit():
                continue
            if t not in names:
                if i == 0:
                    continue
                return None
            if i + 1 < len(toks) and caps[i + 1]:
                return None  # "Never Let Me Go ...", "Andrew Garfield ...": a title or a full name
            if self.token_df[t] > max(4, MAX_SUBJECT_SHARE * self.n_sent):
                return None  # the article's topic
            return t
        return None


class _MaxTree:
    """Range max with range add and point raise, each O(log n) (after Al.Cash's segment tree).

    ``d[i]`` is an addition pending on the subtree of internal node ``i``;
    while no range add has happened (the common case) the pushes are skipped.
    ``at[i]`` is the position of the subtree's max, so a max query names its
    position without walking down.
    """

    __slots__ = ("n", "h", "t", "d", "at", "dirty")

    def __init__(self, values: list[float]) -> None:
        n = 1
        while n < len(values):
            n *= 2
        self.n, self.h, self.dirty = n, n.bit_length(), False
        self.t = [_NEG] * n + values + [_NEG] * (n - len(values))
        self.d = [0.0] * n
        self.at = [0] * n + list(range(n))
        t, at = self.t, self.at
        for p in range(n - 1, 0, -1):
            c = 2 * p if t[2 * p] >= t[2 * p + 1] else 2 * p + 1
            t[p], at[p] = t[c], at[c]

    def _push(self, p: int) -> None:
        """Push pending additions down the path to leaf ``p``."""
        if not self.dirty:
            return
        t, d, n = self.t, self.d, self.n
        for s in range(self.h - 1, 0, -1):
            i = p >> s
            v = d[i]
            if v:
                c = 2 * i
                t[c] += v
                t[c + 1] += v
                if c < n:
                    d[c] += v
                    d[c + 1] += v
                d[i] = 0.0

    def _build(self, p: int) -> None:
        t, d, at = self.t, self.d, self.at
        while p > 1:
            p >>= 1
            c = 2 * p if t[2 * p] >= t[2 * p + 1] else 2 * p + 1
            t[p], at[p] = t[c] + d[p], at[c]

    def add(self, lo: int, hi: int, v: float) -> None:
        """Add ``v`` to positions [lo, hi)."""
        if lo >= hi:
            return
        self.dirty = True
        t, d, n = self.t, self.d, self.n
        lo += n
        hi += n
        l0, r0 = lo, hi
        while lo < hi:
            if lo & 1:
                t[lo] += v
                if lo < n:
                    d[lo] += v
                lo += 1
            if hi & 1:
                hi -= 1
                t[hi] += v
                if hi < n:
                    d[hi] += v
            lo >>= 1
            hi >>= 1
        self._build(l0)
        self._build(r0 - 1)

    def max(self, lo: int, hi: int) -> tuple[float, int]:
        """Max over [lo, hi) and a position holding it."""
        if lo >= hi:
            return _NEG, -1
        t, n = self.t, self.n
        lo += n
        hi += n
        self._push(lo)
        self._push(hi - 1)
        best, pos = _NEG, -1
        while lo < hi:
            if lo & 1:
                if t[lo] > best:
                    best, pos = t[lo], lo
                lo += 1
            if hi & 1:
                hi -= 1
                if t[hi] > best:
                    best, pos = t[hi], hi
            lo >>= 1
            hi >>= 1
        return best, (self.at[pos] if pos >= 0 else -1)

    def leaves(self) -> list[float]:
        """Every position's value, pending additions pushed down (O(n), once)."""
        t, d, n = self.t, self.d, self.n
        for i in range(1, n):
            v = d[i]
            if v:
                t[2 * i] += v
                t[2 * i + 1] += v
                if 2 * i < n:
                    d[2 * i] += v
                    d[2 * i + 1] += v
                d[i] = 0.0
        return t[n:]

    def get(self, i: int) -> float:
        p = i + self.n
        self._push(p)
        return self.t[p]

    def raise_to(self, i: int, v: float) -> bool:
        p = i + self.n
        self._push(p)
        if v <= self.t[p]:
            return False
        self.t[p] = v
        self._build(p)
        return True


def _align_states(cands: list[dict[int, float]], m: int) -> list[int]:
    """The cited citation index per sentence (-1 none) of the best monotone path.

    State ``s``: citation ``s - 1`` is the furthest used (0: none yet). The tree
    holds ``best[s] + SKIP_COST * s``, so a forward move from any earlier state
    is one prefix max; a reuse raises every later state by the same step
    function of ``s``, a few suffix adds. O(K log m) per sentence of K candidates.
    """
    tree = _MaxTree([0.0] + [_NEG] * m)
    reached = {0}  # states some path has entered (the others hold -inf)
    moves: list[dict[int, tuple[int, int]]] = []
    for gains in cands:
        ptr: dict[int, tuple[int, int]] = {}
        moves.append(ptr)
        if not gains:
            continue
        # The best move into state j + 1 (citing j), from the values before this sentence:
        # from any state up to j (skipping the citations between; from state j, citing
        # the next unused one, weaker evidence is enough), or from j + 1 (j again).
        updates: list[tuple[float, int, int]] = []  # (value in tree units, from state, cited)
        for j, sim in gains.items():
            g = sim - THRESHOLD
            if g > 0:
                best, prev = tree.max(0, j + 1)
                if j + 1 in reached:
                    same = tree.get(j + 1) - SKIP_COST  # tree units of state j + 1
                    if same > best:
                        best, prev = same, j + 1
            elif sim > NEXT_THRESHOLD and j in reached:
                best, prev = tree.get(j), j
            else:
                continue
            if best > _NEG:
                updates.append((best + SKIP_COST + g, prev, j))
        # Reuses: in state s, cite the best earlier j < s - 1; a step function of s.
        run = 0.0
        for j in sorted(gains):
            r = gains[j] - THRESHOLD - REUSE_COST
            if r > run:
                tree.add(j + 2, m + 1, r - run)
                run = r
        for value, prev, j in updates:
            if tree.raise_to(j + 1, value):
                ptr[j + 1] = (prev, j)
                reached.add(j + 1)
    # Backtrack from the best final state (tree values less the skip offset).
    final = tree.leaves()
    state = max(range(m + 1), key=lambda st: final[st] - SKIP_COST * st)
    chosen = [-1] * len(cands)
    for k in range(len(cands) - 1, -1, -1):
        move = moves[k].get(state)
        if move is not None:
            state, chosen[k] = move
            continue
        best_j, best_r = -1, 0.0
        for j, sim in cands[k].items():
            r = sim - THRESHOLD - REUSE_COST
            if j < state - 1 and r > best_r:
                best_j, best_r = j, r
        chosen[k] = best_j
    return chosen


def _confidence(score: float) -> float:
    return round(1.0 - math.exp(-score / CONFIDENCE_SCALE), 3)


def align(doc: Document, citations: list[Citation],
          dates: list[tuple[int, DateValue]] | None = None) -> list[SentenceLink]:
    """One link per body sentence (citation or none), by monotone dynamic programming.

    ``dates`` are the (sentence index, value) pairs of the document's date
    claims when the extract stage has found them; without, the body is scanned.
    """
    sentences = doc.body_sentences
    refs = [c for c in citations if c.kind == "citation"]
    if not sentences:
        return []
    sim = _Similarity(doc, refs, dates)
    cands = [sim.scores(k) for k in range(len(sentences))]
    chosen = _align_states(cands, len(refs))
    return _links(doc, refs, sim, cands, chosen)


def _quote_open(texts: list[str]) -> list[bool]:
    """Per sentence: whether a quotation opened in an earlier sentence is still open at its start."""
    out, open_for = [], 0
    for text in texts:
        out.append(0 < open_for <= MAX_QUOTE_SENTENCES)
        state = open_for > 0
        for m in _QUOTE_MARK.finditer(text):
            state = m["open"] is not None
        open_for = open_for + 1 if state else 0
    return out


def _pronoun_first(text: str, pronouns: frozenset[str]) -> bool:
    """A third-person pronoun before any capitalised name: the sentence leans on the one before.

    Quotations are left out: their pronouns belong to the speaker ("... because
    "they are not normal people"").
    """
    for i, t in enumerate(_TOKEN.findall(_QUOTED.sub(" ", text))):
        if t.lower() in pronouns:
            return True
        if i and t[0].isupper():
            return False
    return False


def _extend(chosen: list[int], method: list[str], why: list[str], cands: list[dict[int, float]],
            refs: list[Citation]) -> None:
    """Neighbours with some evidence for a linked sentence's source, and short gaps, share it."""
    n = len(chosen)
    for order, step in ((range(1, n), -1), (range(n - 2, -1, -1), 1)):  # forward, then backward
        for k in order:
            j = chosen[k + step]
            if chosen[k] < 0 and j >= 0 and cands[k].get(j, 0.0) >= EXTEND_THRESHOLD:
                chosen[k], method[k] = j, "alignment"
    last_k, last_j = -1, -1
    for k in range(n):
        j = chosen[k]
        if j < 0 or method[k] != "alignment":
            continue
        if j == last_j and 1 < k - last_k <= MAX_GAP + 1:
            for x in range(last_k + 1, k):
                chosen[x], method[x], why[x] = j, "continuation", f"between sentences citing {refs[j].id}"
        last_k, last_j = k, j


def _continue(sentences: list, sim: _Similarity, chosen: list[int], method: list[str], why: list[str]) -> None:
    """A sentence continuing a linked one shares its source.

    It continues when a quotation runs on into it, when it opens on a word
    that refers back ("He said ...", "The critic ...") or uses a pronoun
    before naming anyone ("Stating that ..., she ..."), or when it opens on a
    name the sentence before, or the last one linked on its own evidence to
    the same source, names.
    """
    starts = tuple(words("continuation_starts", "prefixes"))
    pronouns = frozenset(words("continuation_pronouns", "words"))
    quoted = _quote_open(sim.texts)
    anchor = -1  # the last sentence linked on its own evidence
    for k in range(1, len(chosen)):
        if method[k - 1] == "alignment":
            anchor = k - 1
        j = chosen[k - 1]
        if chosen[k] >= 0 or j < 0:
            continue
        prev = sentences[k - 1].index
        reason = None
        if quoted[k]:
            reason = f"continues the quotation of sentence {prev}"
        elif sim.texts[k].startswith(starts) or _pronoun_first(sim.texts[k], pronouns):
            reason = f"continues sentence {prev}"
        else:
            names = sim.names(k - 1)
            if anchor >= 0 and chosen[anchor] == j:
                names |= sim.names(anchor)
            subject = sim.same_subject(k, names)
            if subject is not None:
                reason = f"same subject ({subject}) as sentence {prev}"
        if reason is not None:
            chosen[k], method[k], why[k] = j, "continuation", reason


def _links(doc: Document, refs: list[Citation], sim: _Similarity, cands: list[dict[int, float]],
           chosen: list[int]) -> list[SentenceLink]:
    sentences = doc.body_sentences
    chosen = list(chosen)
    method = ["alignment" if j >= 0 else "none" for j in chosen]
    why = [""] * len(chosen)
    _extend(chosen, method, why, cands, refs)
    _continue(sentences, sim, chosen, method, why)
    # Confidence: alignment from the evidence; a continuation decays from the link it extends.
    links: list[SentenceLink] = []
    conf_of: dict[int, float] = {}
    for k, j in enumerate(chosen):
        idx = sentences[k].index
        if j < 0:
            links.append(_none(idx))
            continue
        if method[k] == "alignment":
            matched = sim.matched(k, j)
            conf = _confidence(cands[k].get(j, 0.0))
            links.append(SentenceLink(
                sentence=idx, citation=refs[j].id, confidence=conf, method="alignment",
                reason="matched " + ", ".join(repr(m) for m in matched), matched=sorted(set(matched)),
            ))
        else:
            conf = round(conf_of.get(j, 0.0) * 0.6, 3)
            links.append(SentenceLink(
                sentence=idx, citation=refs[j].id, confidence=conf, method="continuation", reason=why[k],
            ))
        conf_of[j] = conf
    return links


def _none(index: int) -> SentenceLink:
    return SentenceLink(
        sentence=index, citation=None, confidence=0.0, method="none",
        reason="no citation shares enough names, title words, works or dates with it",
    )

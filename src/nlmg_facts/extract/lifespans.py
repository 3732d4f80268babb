"""Biographical conventions: lifespans and "b."/"d." become a birth and a death.

"Jane Doe (April 11, 1895 – June 20, 1969)", "(1895–1969)", "(b. 1950)",
"(d. 12 May 1901)": the date extractor reads a lifespan as one date range;
here a range in parentheses right after a proper name is split into its two
ends, a birth and a death of the person named before the parenthesis (the
article subject when the name is one of its names). "(born 3 May 1950)" needs
nothing special: "born" is a birth word. "née Smith" is a name of the
subject (see ``subject``), not a date.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import _lazyre
from ..models import Document
from .base import Mention


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        # what may stand between "(" and the date: "c.", "born", "b.", "d.", "died"
        "open": _lazyre.compile_std(r"\(\s*(?P<word>(?:c\.|ca\.|circa|born|b\.|d\.|died|baptised|baptized|fl\.)\s*)?$"),
        "name_end": _lazyre.compile_std(r"[A-Z][\w.'’\-]*\s*$"),
        "close": _lazyre.compile_std(r"\s*(?:\)|;|,)"),
        "split": _lazyre.compile_std(r"\s*(?:–|—|-|‒|−|\bto\b)\s*"),
        "inner_bd": _lazyre.compile_std(r"(?:^|[;,(]\s*)(?P<word>b\.|d\.|born|died)\s*$"),
    }


@dataclass(frozen=True, slots=True)
class Forced:
    """An event a mention is known to be, and where its entity is named just before."""

    event: str
    named_before: int | None


def split_lifespans(doc: Document, mentions: list[Mention]) -> tuple[list[Mention], dict[tuple[int, int], Forced]]:
    """Mentions with each lifespan range split into a birth and a death mention."""
    from .dates import parse_date

    p = _patterns()
    text = doc.text
    out: list[Mention] = []
    forced: dict[tuple[int, int], Forced] = {}
    for m in mentions:
        if m.kind != "date":
            out.append(m)
            continue
        before = text[max(0, m.start - 16) : m.start]
        opened = p["open"].search(before)
        if opened is None:
            # "…; b. 1950" / "(actor, b. 1950)": an abbreviation inside a parenthesis
            inner = p["inner_bd"].search(before)
            if inner and "(" in text[max(0, m.start - 80) : m.start] and p["close"].match(text, m.end):
                word = inner.group("word")
                forced[(m.start, m.end)] = Forced("birth" if word in ("b.", "born") else "death", None)
            out.append(m)
            continue
        paren = m.start - (len(before) - opened.start())
        name_ok = bool(p["name_end"].search(text[max(0, paren - 60) : paren]))
        word = (opened.group("word") or "").strip()
        value = m.value
        if getattr(value, "is_range", False) and name_ok and word in ("", "c.", "ca.", "circa") \
                and p["close"].match(text, m.end):
            halves = _halves(text, m, parse_date)
            if halves is not None:
                (a0, a1, av), (b0, b1, bv) = halves
                out.append(Mention("date", a0, a1, av, m.priority, m.coexists_with))
                out.append(Mention("date", b0, b1, bv, m.priority, m.coexists_with))
                forced[(a0, a1)] = Forced("birth", paren)
                forced[(b0, b1)] = Forced("death", paren)
                continue
        if word in ("b.", "d.") and name_ok:
            forced[(m.start, m.end)] = Forced("birth" if word == "b." else "death", paren)
        out.append(m)
    return out, forced


def _halves(text: str, m: Mention, parse_date):
    """The two dates of a range mention ('April 11, 1895 – June 20, 1969'), or None."""
    surface = text[m.start : m.end]
    for sep in _patterns()["split"].finditer(surface):
        left, right = surface[: sep.start()], surface[sep.end() :]
        lv, rv = parse_date(left), parse_date(right)
        if lv is not None and rv is not None and lv.resolved and rv.resolved and not lv.is_range and not rv.is_range:
            return (m.start, m.start + len(left), lv), (m.start + sep.end(), m.end, rv)
    return None

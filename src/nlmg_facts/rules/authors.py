"""One author's name spelled two ways across the reference list (NLMG-C008)."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

import regex

from .. import _lazyre
from ..models import Severity
from ..models.citations import Author, Citation
from .citations import _citations, _first_given, _norm, _surname_close
from .context import RuleContext
from .registry import Hit, rule

#: A given-name variant ("Manohla"/"Monohla") is compared only from this length:
#: short given names one letter apart are often two people (John/Joan, Ellen/Allen).
MIN_GIVEN_VARIANT = 6
_NAME_TOKEN = _lazyre.lazy_compile(r"[\p{L}'’\-]+")


def _given_tokens(a: Author) -> list[str]:
    return _NAME_TOKEN.findall((a.given or "").casefold())


def _first_name(a: Author) -> str | None:
    first = _first_given(a.given)
    return first.casefold() if first else None


def _initials(a: Author) -> str:
    return "".join(t[0] for t in _given_tokens(a))


def _venue(c: Citation) -> str:
    return _norm((c.work or c.publisher).text) if (c.work or c.publisher) else ""


def _variant(a: Author, ca: Citation, b: Author, cb: Citation) -> str | None:
    """Which half of two authors' names differs by a letter, with the field they share; None if no variant."""
    same_venue = bool(_venue(ca)) and _venue(ca) == _venue(cb)
    first_a, first_b = _first_name(a), _first_name(b)
    if a.surname.casefold() != b.surname.casefold() and _surname_close(a.surname, b.surname):
        if first_a and first_a == first_b:
            return "surname (same given name)"
        if same_venue and _initials(a) == _initials(b):
            return "surname (same initials and publication)"
        return None
    if a.surname.casefold() == b.surname.casefold() and same_venue and first_a and first_b:
        if min(len(first_a), len(first_b)) >= MIN_GIVEN_VARIANT and not (
            first_a.startswith(first_b) or first_b.startswith(first_a)
        ) and _surname_close(first_a, first_b):
            return "given name (same surname and publication)"
    return None


@rule("NLMG-C008", "author-name-variant", Severity.WARNING)
def author_name_variant(ctx: RuleContext) -> Iterator[Hit]:
    """One author's name spelled two ways in two citations.

    **What it does**
    Compares the authors of different citations that share an initial (an
    index, not all pairs) and flags two spellings one letter apart (two for
    long names, via rapidfuzz) when something else says they are one person:
    a surname variant needs the same first given name ("Jay A. Fernandez" /
    "Fernandes, Jay A.") or the same initials and the same publication; a
    given-name variant needs the same surname, the same publication and
    given names of six letters or more. Two Smiths with different first names,
    or "Joan" and "John" Smith, are different people and are clean.

    **Why it matters**
    A misspelt author breaks searches for the source; two spellings of one
    critic show that at least one citation was copied carelessly.

    **Example**
    Flagged:
        Preston, Ann (3 May 2010). "A quiet drama". Daily News.
        Prestone, Ann (9 May 2010). "Box office round-up". Daily News.
    Corrected:
        Preston, Ann (3 May 2010). "A quiet drama". Daily News.
        Preston, Ann (9 May 2010). "Box office round-up". Daily News.
    """
    by_initial: dict[str, list[tuple[Author, Citation]]] = defaultdict(list)
    for c in _citations(ctx):
        for a in c.authors:
            if a.given and _initials(a):
                by_initial[_initials(a)[0]].append((a, c))
    seen: set[tuple[str, str]] = set()
    for group in by_initial.values():
        for i, (a, ca) in enumerate(group):
            for b, cb in group[i + 1:]:
                if ca.id == cb.id:
                    continue
                pair = tuple(sorted((a.display.casefold(), b.display.casefold())))
                if pair in seen or pair[0] == pair[1]:
                    continue
                part = _variant(a, ca, b, cb)
                if part is None:
                    continue
                seen.add(pair)  # type: ignore[arg-type]
                yield Hit(
                    message=f"author {a.text!r} in {ca.id} and {b.text!r} in {cb.id} differ by a letter "
                    f"in the {part}",
                    hint="Check the author's name on both sources and use one spelling.",
                    evidence=[ctx.evidence(a.span, "citation author"), ctx.evidence(b.span, "other citation author")],
                    citations=[ca.id, cb.id],
                    key=pair,
                )

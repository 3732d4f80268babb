"""The article's own subject: its name, type, short forms and pronouns.

Found from the opening sentence ("X (born ...) is a Croatian footballer",
"X is a 2010 British film", "X F.C. is an English football club") and the
title where the input has one (a first line standing alone, a Markdown or
wikitext heading, a disambiguator such as "(2010 film)"); never from the file
name. The head noun after "is/was a ..." types it through the domain files'
``subject_nouns`` (``data/domains/``). Short forms: a person's surname, an
organisation's name without its legal suffix and "the club"/"the company",
a work's "the film"/"the novel"; a parenthesised acronym; "née" and "also
known as" names. Pronouns: it/its for everything but people; for a person
the pronoun set the body uses most.
"""

from __future__ import annotations

import functools
import re

from .. import _lazyre
from ..models import Document, Span
from ..models.claims import ArticleSubject
from .vocab import SubjectType, domains, phrase_tokens, tokens


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    # Compiled on first use (start-up time).
    return {
        "copula": _lazyre.compile_std(
            r"\s*,?\s+(?:is|was|are|were|has\s+been|had\s+been)\s+"
            r"(?:an?|the|one\s+of\s+the|one\s+of)\s+(?=\S)"
        ),
        "paren": _lazyre.compile_std(r"\s*\(([^()]*)\)"),
        "alias": _lazyre.compile_std(r"\b(?:née|nee|born|also\s+known\s+as|known\s+as|formerly)\s+((?:[A-Z][\w'’.\-]*\s*){1,4})"),
        "acronym": _lazyre.compile_std(r"^[A-Z][A-Z0-9&.]{1,7}$"),
        "heading": _lazyre.compile_std(r"^\s*(?:#{1,6}\s+|={1,6}\s*)(.+?)\s*=*\s*$"),
        "marks": _lazyre.compile_std(r"['\"“”‘’]{2,}|[\"“”]"),
    }


@functools.cache
def p_abbrev() -> re.Pattern[str]:
    # "Hashtag United F.C.", "Acme Inc.": dotted initials or a company/person suffix; a word
    # of four letters and a full stop ("... directed by Ane Holm.") ends a sentence.
    return _lazyre.compile_std(
        r"(?:^|\s)(?:(?:[A-Za-z]{1,3}\.){2,3}|(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Bros|Mfg|Pty|plc|Cie|Ste)\.)$"
    )


#: Words ending the noun phrase after "is a": "a village in ...", "a club based in ...".
_STOP = frozenset(
    "of in at from by for who which that with based located situated known founded set "
    "directed written produced owned operated and or but whose where".split()
)
_LEGAL_SUFFIXES = frozenset(
    "inc inc. ltd ltd. llc plc co co. corp corp. corporation limited gmbh ag sa s.a. nv bv "
    "f.c. fc a.f.c. afc c.f. cf s.c. sc".split()
)
_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def _title_line(doc: Document) -> str | None:
    """A first line standing alone: a title (plain text) or a heading (Markdown, wikitext)."""
    text = doc.analysis_text if doc.format != "plain" else doc.text
    head, sep, rest = text.lstrip("\ufeff").partition("\n")
    if not sep:
        return None
    m = _patterns()["heading"].match(head)
    if m:
        return m.group(1).strip() or None
    head = head.strip()
    if not head or len(head) > 100 or len(head.split()) > 12 or head[-1] in "!?:;,":
        return None
    if head[-1] == "." and not p_abbrev().search(head):
        return None  # a sentence, not a title ("Hashtag United F.C." is a title)
    if _patterns()["copula"].search(head):
        return None  # "X is a 2014 film ...": the opening sentence on a line of its own
    return head


def _opening(doc: Document, title: str | None) -> tuple[int, str] | None:
    """The first body sentence that says what the subject is (offset, text)."""
    view = doc.analysis_view() if doc.format != "plain" else doc
    for s in view.sentences[:4]:
        if s.section != "body":
            continue
        text = view.text[s.span.start : s.span.end]
        if title and text.strip() == title:
            continue
        return s.span.start, text
    return None


def _type_from(words: str) -> tuple[SubjectType, str] | None:
    """The first subject noun of the phrase after 'is a' (before a preposition or clause)."""
    index = domains().subject_nouns
    toks = tokens(words)
    stop = len(toks)
    for i, (s0, _, w) in enumerate(toks):
        inside_name = w == "of" and 0 < i < len(toks) - 1 and words[toks[i - 1][0]].isupper() \
            and words[toks[i + 1][0]].isupper()  # "a League of Ireland footballer"
        if w in _STOP and words[s0 - 1 : s0] != "-" and not inside_name:  # "turn-based" is no "based in"
            stop = i
            break
    for s, e, values in index.find_tokens(toks[:stop]):
        if words[e : e + 1] == "-":
            continue  # "state-owned", "award-winning"
        if words[s:s + 1].isupper() and not words[s:e].isupper():
            continue  # "a former League of Ireland footballer": part of a name
        return SubjectType.parse(str(values[0])), words[s:e]
    return None


def _clean_name(name: str) -> str:
    p = _patterns()
    name = p["marks"].sub("", name)
    name = p["paren"].sub("", name)
    return " ".join(name.split()).strip(" ,;:")


def _short_forms(name: str, typ: SubjectType, noun: str | None, extra: list[str]) -> list[str]:
    names = [name]
    words = name.split()
    if typ.type == "person" and len(words) > 1:
        core = [w for w in words if w.lower().strip(",") not in _NAME_SUFFIXES]
        if core:
            names.append(core[-1])  # the surname
            if len(core) > 2:
                names.append(f"{core[0]} {core[-1]}")
    elif typ.type == "organisation":
        core = [w for w in words if w.lower().strip(",") not in _LEGAL_SUFFIXES]
        if core and len(core) < len(words):
            names.append(" ".join(core))
        if noun:  # "Rovers Athletic Football Club" -> "Rovers Athletic"
            tail = phrase_tokens(noun)
            low = [w.lower() for w in core]
            if len(low) > len(tail) and tuple(low[-len(tail) :]) == tail:
                names.append(" ".join(core[: -len(tail)]))
        if typ.subtype in ("club", "band") and len(core) > 1 and core[0][:1].isupper() and core[0].lower() != "the":
            names.append(core[0])  # "Rovers", "Arsenal": a club or band by its first word
        if words and words[0].lower() == "the" and len(words) > 1:
            names.append(" ".join(words[1:]))
    names += extra
    if noun and typ.type != "person":
        names.append("the " + noun.split()[-1])  # "the footballer" is rare, "the skyscraper" is not
    for data in domains().files.values():
        for t, forms in data.get("short_forms", {}).items():
            parsed = SubjectType.parse(t)
            if parsed.type == typ.type and parsed.subtype == typ.subtype and typ.subtype is not None:
                names += forms
    return list(dict.fromkeys(n for n in names if n))


def _pronouns(doc: Document, typ: SubjectType) -> list[str]:
    table = domains().pronouns
    if typ.type != "person":
        base = table.get(typ.type) or {"it": ["it", "its", "itself"]}
        return list(base.get("it", ["it", "its", "itself"]))
    sets = table.get("person", {})
    counts = {key: 0 for key in sets}
    lookup = {w: key for key, words in sets.items() for w in words}
    body = doc.text[doc.body.start : doc.body.end]
    for _, _, w in tokens(body[:20000]):
        key = lookup.get(w)
        if key is not None:
            counts[key] += 1
    best = max(("he", "she"), key=lambda k: counts.get(k, 0))
    if counts.get(best, 0) == 0:
        best = "they"
    return list(sets.get(best, []))


def find_subject(doc: Document) -> ArticleSubject | None:
    """The article's subject, or None when neither title nor opening sentence gives one."""
    p = _patterns()
    title = _title_line(doc)
    opening = _opening(doc, title)
    name = None
    typ: tuple[SubjectType, str] | None = None
    span = None
    extra: list[str] = []
    if opening is not None:
        base, text = opening
        if title and text.startswith(title) and text[len(title) : len(title) + 1] == "\n":
            # A title line the segmenter ran into the first sentence (one line break is a space).
            skip = len(title) + len(text[len(title) :]) - len(text[len(title) :].lstrip())
            base, text = base + skip, text[skip:]
        m = p["copula"].search(text, 0, min(len(text), 400))
        if m and m.start() > 0:
            raw = text[: m.start()]
            lead = len(raw) - len(raw.lstrip(" \"'“‘"))
            cleaned = _clean_name(raw)
            if cleaned and len(cleaned.split()) <= 12:
                name = cleaned
                span = Span(start=base + lead, end=base + lead + len(raw.strip(" \"'“‘”’")))
                typ = _type_from(text[m.end() : m.end() + 200])
                for par in p["paren"].finditer(raw):
                    inner = par.group(1).strip()
                    # "(ANSI, pronounced ...)": the acronym is the parenthesis's first item.
                    first = inner.replace("'", "").split(",")[0].split(";")[0].strip()
                    if p["acronym"].match(first):
                        extra.append(first)
                    a = p["alias"].search(inner)
                    if a and not any(ch.isdigit() for ch in a.group(1)):
                        extra.append(a.group(1).strip())
    if title is not None:
        bare = _clean_name(title)
        disamb = p["paren"].search(title)
        if typ is None and disamb:
            typ = _type_from(disamb.group(1))
        if name is None:
            name = bare
        elif bare and bare != name and len(bare) < len(name) and bare in name:
            extra.append(bare)
    if name is None:
        return None
    kind = typ[0] if typ else SubjectType("other", None)
    source = "title+opening-sentence" if title and opening else ("title" if title and not span else "opening-sentence")
    return ArticleSubject(
        name=name,
        type=kind.type if kind.type in ("person", "organisation", "work", "place", "event") else "other",
        subtype=kind.subtype,
        noun=typ[1] if typ else None,
        names=_short_forms(name, kind, typ[1] if typ else None, extra),
        pronouns=_pronouns(doc, kind),
        source=source,
        span=span,
    )


def names_key(subject: ArticleSubject | None) -> frozenset[tuple[str, ...]]:
    """The subject's names as token tuples, for matching a clause's subject."""
    if subject is None:
        return frozenset()
    return frozenset(phrase_tokens(n) for n in subject.names if n)

"""Which entity a claim belongs to: the article subject, a named relative, a work, a company.

A claim belongs to the entity its clause is about. The clause's subject is
read at the start of the main clause before the mention (after an opening
adverbial, a semicolon, ", and" or ", but"):

- a pronoun of the article subject (he/she/it, from ``ArticleSubject``), its
  name or a short form ("Doe", "the club", "the company"): the article
  subject (``this-work``);
- a possessive and a relation word ("his wife Jane Smith", "her brother
  Paul"): the named relative; without a name the subject is unclear;
- a possessive and any other noun ("her memoir", "its stadium"): something
  of the subject's, unnamed, so unclear;
- another proper name ("Tom Brown", "Sevilla"): that entity.

Unclear subjects leave the claim unkeyed: no finding is better than a
conflated one. A work article's own events (release, premiere, ...) keep the
builder's reading: their sentences name cast and crew as grammatical subjects
("Romanek shot the film in 2009") while the fact is the work's.

Acquisitions, mergers, sales and other events with a ``party`` qualifier are
keyed by both parties: the subject is the acquirer, the party the entity
acquired ("X acquired Y", "Y was acquired by X", "X's acquisition of Y").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .. import _lazyre
from ..models.claims import THIS_WORK
from .vocab import domains, phrase_tokens, tokens

if TYPE_CHECKING:  # pragma: no cover
    from .attributes import _Builder

_POSSESSIVES = frozenset({"his", "her", "their", "its"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_NOT_NAMES = frozenset(
    "the a an in on at by after during before since for from following when while as it its "
    "this that these those there then however although though he she they his her their "
    "with without under over between among about according despite upon".split()
)
_VERBS = frozenset("was were is are has had have became become won joined signed left released "
                   "published opened closed moved began started played made".split())
#: Words that may sit inside a proper name.
_CONNECTORS = frozenset({"of", "de", "du", "van", "von", "der", "la", "le", "&", "and", "the", "da", "di", "y"})


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "clause_join": _lazyre.compile_std(r"(?:;|,\s*(?:and|but|while|whereas)\b|\s(?:and|but)\s+(?=(?:he|she|it|they)\b))", re.IGNORECASE),
        "lead": _lazyre.compile_std(
            r"[\s,;:\-–—]*(?:(?:and|but|then|later|also|subsequently|eventually)\s+)*"
            r"(?:(?:in|on|by|during|from|after|since|until)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?"
            r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}(?:[–\-/]\d{2,4}|s)?,?\s+)?",  # "In 2005 the Medina store closed"
            re.IGNORECASE,
        ),
        "possessor": _lazyre.compile_std(r"(?P<who>\b(?:his|her|their|its)\s+(?P<rel>[\w\-]+)|(?P<name>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*))['’]s?\s+$"),
        # ", which had been formed in": a relative clause opening, with nothing after it but verbs
        "relative_open": _lazyre.compile_std(r",\s+(?:which|who|that)\s+(?:[a-z]+\s+){0,3}$"),
        "relative_to": _lazyre.compile_std(r"\b(?:until|till|after|before|since|following|upon|at\s+the\s+time\s+of)\s+(?:his|her|their|its|the)\s+(?:[\w\-]+['’]s\s+)?$", re.IGNORECASE),
        "passive": _lazyre.compile_std(r"\s*by\s+", re.IGNORECASE),
        "was": _lazyre.compile_std(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$", re.IGNORECASE),
        "of": _lazyre.compile_std(r"\s*of\s+", re.IGNORECASE),
        "obj_lead": _lazyre.compile_std(r"\s*(?:(?:the|a|an|its|his|her|their|rival|fellow|local)\s+){0,2}"),
        "possessive": _lazyre.compile_std(r"(?P<name>(?:[A-Z][\w.&'’\-]*\s+){0,4}[A-Z][\w.&\-]*)['’]s?\s+$"),
        "slug": _lazyre.compile_std(r"[^\w]+"),
        "trajectory": _lazyre.compile_std(r"\b(?:dropped|fell|slipped|sank|rose|climbed|lifted|moved\s+up|went\s+up|"
                                 r"as\s+(?:low|high)\s+as|briefly|temporarily)\b[^,;.]*$", re.IGNORECASE),
        "opening_date": _lazyre.compile_std(r"\W*(?:in|on|by|during|from|after|since|until)\s+(?:the\s+)?(?:\d{1,2}\s+)?$", re.IGNORECASE),
        "until": _lazyre.compile_std(r"\b(?:until|till|up\s+until)\s+$", re.IGNORECASE),
        "quoted_before": _lazyre.compile_std(r"[\"“](?P<t>[^\"”]{1,80}?)[,.]?[\"”],?\s*$"),
        "quoted": _lazyre.compile_std(r"[\"“](?P<t>[^\"”]{1,80})[\"”]"),
    }


def _slug(text: str) -> str:
    text = re.sub(r"['’]s\b", "", text)  # "Fisker Automotive's assets": Fisker Automotive
    return _patterns()["slug"].sub("-", text.lower().replace("’", "").replace("'", "")).strip("-_")


def _name_at(text: str, pos: int) -> tuple[int, int] | None:
    """A proper name starting at ``pos`` (capitalised words and connectors), as offsets."""
    start = end = None
    for s, e, w in tokens(text[pos : pos + 120]):
        raw = text[pos + s : pos + e]
        if start is not None and text[pos + end_rel : pos + s].strip(" \"“”") not in ("", ".", "-", "&"):
            break
        if raw[:1].isupper():
            if start is None:
                start = s
            end, end_rel = e, e
            continue
        if start is not None and w in _CONNECTORS and w != "and":
            end_rel = e
            continue
        break
    if start is None or end is None:
        return None
    return pos + start, pos + end


def entity(ctx, name: str) -> tuple[str, str]:
    """(slug, name) of another entity; a surname alone is the person named in full before."""
    seen = ctx.__dict__.setdefault("_entity_surnames", {})
    words = name.split()
    if len(words) > 1:
        seen.setdefault(words[-1], (_slug(name), name))
        return _slug(name), name
    return seen.get(name, (_slug(name), name))


def is_article(ctx, text: str) -> bool:
    """Is this name one of the article subject's names (full name, surname, "the club")?"""
    subject = ctx.subject
    if subject is None:
        return False
    toks = phrase_tokens(text)
    if not toks:
        return False
    for name in subject.names:
        n = phrase_tokens(name)
        if n and (toks == n or (len(n) > 1 and toks[: len(n)] == n)):
            return True
    return False


def clause_subject(b: "_Builder") -> tuple[str, str | None] | None:
    """('article', None), ('entity', name), ('unclear', None) or None (nothing said)."""
    s, ctx = b.s, b.ctx
    rel0 = b.m0 - s.start
    text = s.text
    starts = [0]
    if s.leading_end is not None:
        if s.leading_end - s.start < rel0:
            starts = [s.leading_end + 1 - s.start]
        else:  # "In 2014, X acquired Y": the date opens the sentence, the subject follows
            got = _subject_at(ctx, text, s.leading_end + 1 - s.start, len(text),
                              [(c0 - s.start, c1 - s.start) for c0, c1, _ in s.events])
            if got is not None:
                return got
    starts += [m.end() for m in _patterns()["clause_join"].finditer(text, 0, rel0)]
    first = tokens(text[:30])
    if first and (first[0][2].endswith("ed") or first[0][2] == "born") and text[:1].isupper():
        # "Founded in 1987, NSSRA acts as ...": the opening participle is about the main clause's subject
        comma = text.find(", ")
        if 0 < comma and rel0 < comma:
            got = _subject_at(ctx, text, comma + 2, len(text), [])
            if got is not None:
                return got
    for pos in reversed(starts):
        got = _subject_at(ctx, text, pos, rel0, [(c0 - s.start, c1 - s.start) for c0, c1, _ in s.events])
        if got is not None:
            return got
    return None


def _subject_at(ctx, text: str, pos: int, limit: int, b_sentence_events=()) -> tuple[str, str | None] | None:
    lead = _patterns()["lead"].match(text, pos)
    pos = lead.end() if lead else pos
    if pos >= limit:
        limit = len(text)  # "On 15 December 2007 a German adaptation ...": the date opens the clause
    quoted = _patterns()["quoted"].match(text, pos)
    if quoted and quoted.end() <= limit:
        title = quoted.group("t").strip(" ,.")
        return ("article", None) if is_article(ctx, title) else ("entity", title)
    toks = tokens(text[pos:limit])
    if not toks:
        return None
    first = toks[0][2]
    subject = ctx.subject
    pronouns = set(subject.pronouns) if subject else set()
    if first in pronouns and first not in _POSSESSIVES:
        return ("article", None)
    if first in _POSSESSIVES:
        rel = domains().relations
        for _, e, w in toks[1:4]:
            if w in rel:
                name = _name_at(text, pos + e + (1 if text[pos + e : pos + e + 1] in ",( " else 0))
                if name is None and text[pos + e : pos + e + 2] == ", ":
                    name = _name_at(text, pos + e + 2)
                if name is not None:
                    return ("entity", text[name[0] : name[1]])
                return ("unclear", None)
        # "her memoir", "its stadium": something of the subject's, not the subject
        if first in pronouns and len(toks) > 1:
            return ("unclear", None)
        return None
    if subject is not None:
        for short in subject.names:
            st = phrase_tokens(short)
            if st and st[0] in _DETERMINERS and tuple(t for _, _, t in toks[: len(st)]) == st:
                return ("article", None)
    if first in ("the", "a", "an", "another") and len(toks) > 1:
        # "The Sunday team", "A second store": a noun phrase that is not the subject's short
        # form; unless a pronoun follows ("The following year he ..."), the subject is unclear.
        if any(t in pronouns and t not in _POSSESSIVES for _, _, t in toks[1:4]):
            return ("article", None)
        inner = _name_at(text, pos + toks[1][0])
        if inner is None:
            return ("unclear", "indefinite" if first != "the" else None)
        nxt = tokens(text[inner[1] : inner[1] + 20])
        if not nxt or not (nxt[0][2] in _VERBS or nxt[0][2].endswith("ed")):
            # "The Sunday team was ...", "a German stage adaptation premiered": a common noun phrase
            return ("unclear", "indefinite" if first != "the" else None)
        surface = text[pos : inner[1]]
        return ("article", None) if is_article(ctx, surface) else ("entity", surface)
    if first in _NOT_NAMES:
        return None
    name = _name_at(text, pos)
    if name is None or name[0] != pos + toks[0][0]:
        return None
    surface = text[name[0] : name[1]]
    if pos == 0 and " " not in surface and _is_event_word(b_sentence_events, name):
        return None  # "Revenue rose by 8%": a sentence-initial event word, not a name
    after = text[name[1] : name[1] + 3]
    if not (after[:1] in (" ", "(", ",") ):
        return None
    if is_article(ctx, surface):
        return ("article", None)
    return ("entity", surface)


def _work_event(b: "_Builder") -> bool:
    """A work article's own kind of event (release, recording ...): whose is it?

    Its sentences name cast and crew as grammatical subjects ("Romanek shot
    the film in 2009"), so another person's name makes the fact the work's
    only when the clause's object is the work (its name, short form or "it");
    "Dylan had recorded six albums in the 1960s" is not this album's
    recording. A quoted or "The ..." title as the subject is that work's fact.
    """
    if b.m.kind != "date" or b.ctx.subject is None:
        return True  # figures (grosses, counts), or no subject to tell others from: the builder's reading
    cue = _event_cue_span(b)
    if cue is not None:
        # 'a fragment called "Very Parisienne", written in 1926': the quoted title's own event
        q = _patterns()["quoted_before"].search(b.s.text, max(0, cue[0] - b.s.start - 100), cue[0] - b.s.start)
        if q and not is_article(b.ctx, q.group("t")):
            b.subject, b.subject_text = _slug(q.group("t")), q.group("t")
            return True
    found = clause_subject(b)
    if found is not None and found == ("unclear", "indefinite"):
        return False  # "A German stage adaptation premiered", "Another remaster was released": another thing
    if found is None or found[0] in ("article", "unclear"):
        return True  # "the date was later moved up": a common noun phrase about the work
    what, name = found
    s = b.s
    if _patterns()["opening_date"].match(s.text[: b.m0 - s.start]):
        return True  # "In March 2009 Daily Variety reported ...": a reporter, not the fact's owner
    if name and (name[:4] == "The " or _patterns()["quoted"].search(s.text, 0, b.m0 - s.start) and
                 f"{name}" in s.text[: b.m0 - s.start] and s.text.find(name) > 0 and
                 s.text[s.text.find(name) - 1] in "\"“"):
        b.subject, b.subject_text = _slug(name), name
        return True
    lo, hi = _clause_bounds(b)
    clause = s.text[lo:hi]
    subject = b.ctx.subject
    words = {t for _, _, t in tokens(clause)}
    if words & {"it", "its"} or (subject and any(
            " ".join(phrase_tokens(n)) in " ".join(t for _, _, t in tokens(clause)) for n in subject.names)):
        return True
    return False


def _clause_bounds(b: "_Builder") -> tuple[int, int]:
    s = b.s
    rel = b.m0 - s.start
    starts = [0] + [m.end() for m in _patterns()["clause_join"].finditer(s.text, 0, rel)]
    ends = [m.start() for m in _patterns()["clause_join"].finditer(s.text, rel)] + [len(s.text)]
    return starts[-1], ends[0]


def _is_event_word(events, name: tuple[int, int]) -> bool:
    return any(c0 < name[1] and name[0] < c1 for c0, c1 in events)


def resolve(b: "_Builder", event: str, quals: dict[str, str]) -> bool:
    """Settle the subject of ``b``'s mention; False when it is unclear (leave unkeyed)."""
    ctx = b.ctx
    typ = ctx.subject_type
    if event == "league-position":
        return _league_position(b, quals)
    if event == "chart-position" and _patterns()["trajectory"].search(
            b.s.text, max(0, b.m0 - b.s.start - 40), b.m0 - b.s.start):
        # "dropped to as low as 13th", "lifted the Bees to 8th": a passing position, not the result
        quals["occurrence"] = f"{b.m0:x}"
    if b.m.kind == "date" and _patterns()["until"].search(b.s.text, max(0, b.m0 - b.s.start - 12), b.m0 - b.s.start):
        return False  # "Until November 2018, only one ... was released": how long a state lasted
    if b.named_before is not None:
        name = _name_before(ctx.doc.text, b.named_before)  # the document's text: "(b." may end a sentence
        if name is None:
            return False
        if is_article(ctx, name):
            b.subject, b.subject_text = THIS_WORK, None
        else:
            b.subject, b.subject_text = _slug(name), name
        return True
    if getattr(b, "share_of_article", False):
        return True  # "the electoral threshold is 4%": a share the article subject's own table names
    owner = getattr(b, "count_owner", None)
    if owner is None and getattr(b, "count_whole", False):
        # "The band released four studio albums": the clause's subject owns them, and must be named.
        found = clause_subject(b)
        if found is None or found[0] == "unclear":
            return False
        if found[0] == "entity" and found[1]:
            b.subject, b.subject_text = entity(ctx, found[1])
        return True
    if owner is not None:
        # "its five studio albums", "Smith's nine novels": the possessive names whose they are.
        pronouns = ctx.subject.pronouns if ctx.subject else ()
        if owner.lower() in pronouns or is_article(ctx, owner):
            b.subject, b.subject_text = THIS_WORK, None
            return True
        if owner.lower() in ("its", "his", "her", "their") or not owner[:1].isupper() or owner.lower().startswith("the "):
            return False  # someone else's, or "the album's": whose is unclear
        b.subject, b.subject_text = entity(ctx, owner)
        return True
    if b.subject != THIS_WORK:
        if b.subject_text and is_article(ctx, b.subject_text):
            b.subject, b.subject_text = THIS_WORK, None
        return True
    if (typ in (None, "work", "other")) and domains().fits(event, "work") and b.m.kind != "age":
        return _work_event(b)
    owner = _possessor(b)
    if owner is not None:
        if owner[0] == "unclear":
            return False
        if owner[0] == "entity":
            b.subject, b.subject_text = _slug(owner[1]), owner[1]
            return True
        if owner[0] == "article":
            return True
    if domains().one_time(event) and _elsewhere(b):
        return False
    if domains().one_time(event) and (_reduced_relative(b) or _relative_clause_of_other(b)):
        return False
    made = _made_entity(b, event)
    if made is not None:
        if made[0] == "unclear":
            return False
        b.subject, b.subject_text = made
        return True
    found = clause_subject(b)
    if found is not None:
        what, name = found
        if what == "unclear":
            return False
        if what == "entity" and name:
            b.subject, b.subject_text = entity(ctx, name)
    if quals.get("party") == "passive":
        _passive_parties(b, quals)
    return True


def season_of_article(ctx) -> str | None:
    """'1956–57 Brentford F.C. season' -> '1956/57': the season an article about one season is of."""
    if "_article_season" not in ctx.__dict__:
        subject = ctx.subject
        m = _SEASON_TITLE.search(subject.name) if subject is not None else None
        value = None
        if m is not None:
            first, second = m.group("a"), m.group("b") or ""
            value = f"{first}/{first[:2] + second if len(second) == 2 else second}" if second else first
        ctx.__dict__["_article_season"] = value
    return ctx.__dict__["_article_season"]


_SEASON_TITLE = _lazyre.lazy_compile(
    r"^(?P<a>(?:1[5-9]|20)\d\d)(?:[–/-](?P<b>\d\d(?:\d\d)?))?\s.*\bseason$", re.IGNORECASE
)


def _league_position(b: "_Builder", quals: dict[str, str]) -> bool:
    """Whose final standing: the clause's named team or person, else the article's.

    In an article about one season ("1956–57 Brentford F.C. season") the team of
    the title is the article's, an unclear clause subject ("A strong final two
    months lifted the Bees to an 8th-place finish") is too, and a standing with
    no season named is that season's.
    """
    ctx = b.ctx
    season = season_of_article(ctx)
    found = clause_subject(b)
    if found is not None and found[0] == "entity" and found[1]:
        name = found[1]
        if is_article(ctx, name) or (season and phrase_tokens(name)
                                     and _within(phrase_tokens(name), phrase_tokens(ctx.subject.name))):
            b.subject, b.subject_text = THIS_WORK, None
        else:
            b.subject, b.subject_text = entity(ctx, name)
    elif found is not None and found[0] == "unclear" and not season:
        return False
    else:
        b.subject, b.subject_text = THIS_WORK, None
    if "year" not in quals and season and b.subject == THIS_WORK:
        quals["year"] = season
    return True


def _within(part: list[str] | tuple[str, ...], whole: list[str] | tuple[str, ...]) -> bool:
    n = len(part)
    return any(tuple(whole[i : i + n]) == tuple(part) for i in range(len(whole) - n + 1))


def _possessor(b: "_Builder") -> tuple[str, str | None] | None:
    """'his wife's death', 'Smith's birth', 'its founding': whose event the word names."""
    s = b.s
    cue = _event_cue_span(b)
    if cue is None:
        return None
    m = _patterns()["possessor"].search(s.text, max(0, cue[0] - s.start - 60), cue[0] - s.start)
    if m is None:
        return None
    if m.group("rel"):
        rel = m.group("rel").lower()
        if rel in domains().relations:
            return ("unclear", None)  # "his wife's death" (the wife unnamed)
        return None
    name = m.group("name")
    if name is None:
        return None
    if m.group("who") and m.group("who").split()[0].lower() in b.ctx.subject.pronouns if b.ctx.subject else False:
        return ("article", None)
    return ("article", None) if is_article(b.ctx, name) else ("entity", name)


def _elsewhere(b: "_Builder") -> bool:
    """'... until his death and served as chairman from 1989 till 1995': the event word is
    a reference point ("until his death"), and the date belongs to another clause."""
    s = b.s
    cue = _event_cue_span(b)
    if cue is None:
        return False
    if cue[1] > b.m0 and _patterns()["relative_to"].search(s.text, max(0, cue[0] - s.start - 40), cue[0] - s.start):
        return False
    if not _patterns()["relative_to"].search(s.text, max(0, cue[0] - s.start - 40), cue[0] - s.start):
        # "In 1919, Kartz attended his first match, and a lifelong love ... was born": the
        # word of a one-time event in another clause than the date's is not its date
        return bool(_patterns()["clause_join"].search(s.text, cue[1] - s.start, b.m0 - s.start)) \
            if cue[1] <= b.m0 else bool(_patterns()["clause_join"].search(s.text, b.m1 - s.start, cue[0] - s.start))
    return b.m0 - cue[1] > 25 or bool(_patterns()["clause_join"].search(s.text, cue[1] - s.start, b.m0 - s.start))


#: Words before an event verb that keep it the clause's main verb ("was founded", "and founded").
_VERB_LEAD = frozenset(
    "was were is are been be being had has have and also then first originally officially formally "
    "later once jointly newly he she it they who which that had eventually subsequently re".split()
)


def _reduced_relative(b: "_Builder") -> bool:
    """'a restaurant chain founded in 2011 by ...': the participle is about the noun before it.

    True when that noun phrase is not the article subject (its names or "the company").
    """
    s = b.s
    cue = _event_cue_span(b)
    if cue is None:
        return False
    before = s.text[max(0, cue[0] - s.start - 60) : cue[0] - s.start]
    toks = tokens(before)
    if not toks or before[toks[-1][1] :].strip():
        return False  # punctuation between: ", founded in 1971," is read by the clause subject
    prev = toks[-1][2]
    if prev in _VERB_LEAD or prev.endswith("ly") or not before[toks[-1][0] : toks[-1][0] + 1].islower():
        return False
    return not _ends_with_subject_name(b, toks[-4:])


def _ends_with_subject_name(b: "_Builder", toks: list) -> bool:
    """Do these tokens end with one of the article subject's names ("... the company")?"""
    subject = b.ctx.subject
    if subject is None:
        return False
    phrase = " ".join(t for _, _, t in toks)
    return any(n and phrase.endswith(" ".join(phrase_tokens(n))) for n in subject.names)


def _relative_clause_of_other(b: "_Builder") -> bool:
    """'the IEC, which had been formed in 1904': a relative clause is about its antecedent.

    True when the event word stands in a "which/who/that" clause whose antecedent
    (the words before ", which") is a name that is not the article subject's.
    """
    s = b.s
    cue = _event_cue_span(b)
    if cue is None:
        return False
    before = s.text[max(0, cue[0] - s.start - 120) : cue[0] - s.start]
    m = _patterns()["relative_open"].search(before)
    if m is None:
        return False
    head = before[: m.start()].rstrip(" )]")
    toks = tokens(head)
    if not toks or not head[toks[-1][0] : toks[-1][0] + 1].isupper():
        return False  # "the club, which was founded ...": a common noun, left to the clause subject
    return not _ends_with_subject_name(b, toks[-5:])


#: Events whose active verb names the entity made as its object ("X founded Y").
_MAKING = frozenset({"founding", "incorporation"})


def _made_entity(b: "_Builder", event: str) -> tuple[str, str | None] | None:
    """'Henrik Fisker founded Fisker Automotive in 2007': the founding is the object's.

    Returns the subject for an active founding verb with an object: the
    article (its name or short form, "the company") or the named entity.
    ("unclear" objects such as "a bakery" give the unknown subject.)
    """
    if event not in _MAKING:
        return None
    s = b.s
    cue = _event_cue_span(b)
    if cue is None:
        return None
    c0, c1 = cue[0] - s.start, cue[1] - s.start
    if _patterns()["was"].search(s.text, max(0, c0 - 30), c0) or not s.text[c1 : c1 + 1] == " ":
        return None  # passive "was founded": the clause's subject is the entity
    rest = s.text[c1 + 1 : c1 + 80]
    toks = tokens(rest)
    if not toks or toks[0][2] in ("in", "on", "at", "by", "as", "with", "and", "during", "after", "before"):
        return None
    if b.ctx.subject is not None:
        for short in b.ctx.subject.names:
            st = phrase_tokens(short)
            if st and tuple(t for _, _, t in toks[: len(st)]) == st:
                return THIS_WORK, None
    if toks[0][2] in ("it", "its"):
        return THIS_WORK, None
    name = _name_at(rest, toks[0][0]) if rest[toks[0][0] : toks[0][0] + 1].isupper() else None
    if name is None:
        return "unclear", None
    surface = rest[name[0] : name[1]]
    return (THIS_WORK, None) if is_article(b.ctx, surface) else (_slug(surface), surface)


def _name_before(text: str, rel: int) -> str | None:
    """The proper name ending just before ``rel`` ("Tom Brown" in "Tom Brown (1901–1980)")."""
    head = text[:rel].rstrip()
    toks = tokens(head)
    words: list[tuple[int, int]] = []
    for s, e, w in reversed(toks):
        raw = head[s:e]
        if words and head[e : words[-1][0]].strip(" ") not in ("", ".", "-"):
            break
        if raw[:1].isupper() or (words and w in _CONNECTORS and w != "and"):
            words.append((s, e))
            continue
        break
    while words and head[words[-1][0] : words[-1][1]].lower() in _CONNECTORS:
        words.pop()
    if not words:
        return None
    return head[words[-1][0] : words[0][1]]


def party(b: "_Builder", event: str) -> str | None:
    """The other party of a repeatable event: the name after its word ("joined Sevilla").

    "Y was acquired by X": the party is Y (the clause's subject) and the
    subject X; see ``_passive_parties``.
    """
    s = b.s
    cue = _event_cue_span(b)
    if cue is None:
        return None
    c0, c1 = cue[0] - s.start, cue[1] - s.start
    text = s.text
    if _patterns()["passive"].match(text, c1) and _patterns()["was"].search(text, 0, c0):
        return "passive"
    pos = c1
    m = _patterns()["of"].match(text, pos)  # "acquisition of Y"
    if m:
        pos = m.end()
    m = _patterns()["obj_lead"].match(text, pos)
    pos = m.end() if m else pos
    while pos < len(text) and text[pos] == " ":
        pos += 1
    name = _name_at(text, pos)
    if name is None or name[0] != pos:
        return None
    surface = text[name[0] : name[1]]
    if b.m0 - s.start < name[1] and name[0] < b.m1 - s.start:
        return None  # the mention itself ("acquired in May 2013")
    b.use((s.start + name[0], s.start + name[1]))
    return "this-work" if is_article(b.ctx, surface) else _slug(surface)


def _passive_parties(b: "_Builder", quals: dict[str, str]) -> None:
    """'Y was acquired by X': subject X, party Y (the same key as 'X acquired Y')."""
    if quals.get("party") != "passive":
        return
    s = b.s
    cue = _event_cue_span(b)
    by = _patterns()["passive"].match(s.text, cue[1] - s.start) if cue else None
    name = _name_at(s.text, by.end()) if by else None
    if name is None:
        del quals["party"]
        return
    acquirer = s.text[name[0] : name[1]]
    target = b.subject
    quals["party"] = target
    b.subject, b.subject_text = ("this-work", None) if is_article(b.ctx, acquirer) else (_slug(acquirer), acquirer)


def _event_cue_span(b: "_Builder") -> tuple[int, int] | None:
    for c0, c1, events in b.s.events:
        if (c0, c1) in b.evidence:
            return c0, c1
    return None


def competition(b: "_Builder") -> str | None:
    """'47 league goals', 'in all competitions', 'cup goals': which competition a figure is for."""
    s = b.s
    lo = max(0, b.m0 - s.start - 40)
    hi = min(len(s.text), b.m1 - s.start + 40)
    window = s.text[lo:hi]
    best = None
    m0, m1 = b.m0 - s.start, b.m1 - s.start
    for c0, c1, values in domains().competition_index.find(window):
        a0, a1 = lo + c0, lo + c1
        dist = 0 if a0 < m1 and m0 < a1 else (a0 - m1 if a0 >= m1 else m0 - a1)
        if best is None or dist < best[0]:
            best = (dist, str(values[0]), (s.start + lo + c0, s.start + lo + c1))
    if best is None:
        return None
    b.use(best[2])
    return best[1]

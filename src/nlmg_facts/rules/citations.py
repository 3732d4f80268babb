"""Citation rules (NLMG-C) on each citation, and linking rules (NLMG-L) on claims vs their sources."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterator

import regex

from .. import _lazyre
from ..cite._data import words
from ..extract.dates import find_dates
from ..models import Severity
from ..models.citations import Citation, CitedDate, ClaimLink
from ..models.claims import DateClaim, DateValue, EditionClaim
from .context import RuleContext
from .registry import Hit, rule


def _here(ctx: RuleContext, c: Citation, fields: bool = True) -> str:
    """The citation a finding sits on, named for the message's start: ``Citation [27] (Smith, ...)``."""
    label = ctx.cited(c, place=False, fields=fields, date=False)
    return label[:1].upper() + label[1:]

_ALNUM_WORD = _lazyre.lazy_compile(r"[\p{L}\p{N}]+")
_CAPITALISED_WORD = _lazyre.lazy_compile(r"\p{Lu}[\p{L}'’\-]*")

#: A gap this small between two dates of one citation is a time-zone artefact, not an error.
TIMEZONE_DAYS = 1
#: A source dated this much before the event it reports is certainly not its report.
PREDATES_ERROR_DAYS = 30
#: Links below this confidence are too uncertain to accuse a citation of anything.
MIN_LINK_CONFIDENCE = 0.3


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%B} {d.year}"


def _citations(ctx: RuleContext) -> list[Citation]:
    return [c for c in ctx.citations if c.kind == "citation"]


def _gap_severity(days: int) -> Severity:
    """Off by a day can be a time zone: very likely wrong, not certainly."""
    return Severity.WARNING if days <= TIMEZONE_DAYS else Severity.ERROR


def _published(c: Citation) -> DateValue | None:
    d = c.date
    return d.value if d is not None and d.value is not None and d.value.resolved else None


def _date_before_publication(ctx: RuleContext, c: Citation, later: CitedDate | None, what: str) -> Iterator[Hit]:
    pub = _published(c)
    if pub is None or later is None or later.value is None or not later.value.resolved:
        return
    assert pub.start is not None and later.value.end is not None and c.date is not None
    days = (pub.start - later.value.end).days
    if days <= 0:
        return
    yield Hit(
        message=f"{_here(ctx, c)}: {what} {later.text} is {days} day{'s' * (days != 1)} before "
        f"its publication date {c.date.text}",
        hint=f"Check the publication date and the {what} of this citation; one of them is mistyped.",
        evidence=[ctx.evidence(later.span, what), ctx.evidence(c.date.span, "publication date")],
        citations=[c.id],
        key=(c.id, pub.iso, later.value.iso),
        severity=_gap_severity(days),
    )


@rule("NLMG-C001", "access-date-before-publication", Severity.ERROR)
def access_date_before_publication(ctx: RuleContext) -> Iterator[Hit]:
    """A citation retrieved before it was published.

    **What it does**
    Compares each citation's access date ("Retrieved D Month YYYY") with its
    publication date. A source cannot be read before it exists; a one-day gap
    may be a time zone, so it is a warning, longer gaps are errors.

    **Why it matters**
    One of the two dates is mistyped, so a reader cannot trust either when
    judging whether the source could support the claim.

    **Example**
    Flagged:
        Turan, Kenneth (15 September 2010). "Movie review". Los Angeles Times.
        Retrieved 4 September 2010.
    Corrected:
        Turan, Kenneth (15 September 2010). "Movie review". Los Angeles Times.
        Retrieved 16 September 2010.
    """
    for c in _citations(ctx):
        yield from _date_before_publication(ctx, c, c.access_date, "access date")


@rule("NLMG-C002", "archive-date-before-publication", Severity.ERROR)
def archive_date_before_publication(ctx: RuleContext) -> Iterator[Hit]:
    """A citation archived before it was published.

    **What it does**
    Compares the date of an archive note ("Archived from the original on ...",
    "Archived ... at archive.today") with the publication date. An archive
    copy cannot predate the page; a one-day gap is a warning (time zones).

    **Why it matters**
    The archive date or the publication date is wrong, and the archived copy
    may be of another page.

    **Example**
    Flagged:
        "Nominees". Spirit Awards. 30 November 2010.
        Archived from the original on 2 February 2009.
    Corrected:
        "Nominees". Spirit Awards. 30 November 2010.
        Archived from the original on 2 February 2011.
    """
    for c in _citations(ctx):
        if c.archive is not None:
            yield from _date_before_publication(ctx, c, c.archive.date, "archive date")


_YEAR_ZERO = _lazyre.lazy_compile(r"(?<!\d)0{3,4}(?!\d)")


@rule("NLMG-C003", "placeholder-publication-date", Severity.ERROR)
def placeholder_publication_date(ctx: RuleContext) -> Iterator[Hit]:
    """A publication date that is a software default, not a date anyone stated.

    **What it does**
    Flags publication dates equal to the Unix epoch (1 January 1970, or
    31 December 1969 as shown west of Greenwich), spreadsheet and database
    zero dates, and year 0000 (the list is in data/citations.json).

    **Why it matters**
    A placeholder date hides the real date, so nothing can be checked
    against it, and it shows the citation was filled in by a broken tool.

    **Example**
    Flagged:
        Howell, Peter (31 December 1969). "The hunt for a lost singer". Toronto Star.
    Corrected:
        Howell, Peter (16 September 2010). "The hunt for a lost singer". Toronto Star.
    """
    placeholders = set(words("placeholder_dates", "iso"))
    for c in _citations(ctx):
        d = c.date
        if d is None:
            continue
        iso = d.value.iso if d.value is not None else None
        if iso in placeholders or (d.value is None and _YEAR_ZERO.search(d.text)):
            yield Hit(
                message=f"{_here(ctx, c)}: publication date {d.text} is a placeholder, not a real date",
                hint="Find the source's real publication date (or leave the date out).",
                evidence=[ctx.evidence(d.span, "publication date")],
                citations=[c.id],
                key=(c.id, d.text),
            )


@rule("NLMG-C004", "impossible-citation-date", Severity.ERROR)
def impossible_citation_date(ctx: RuleContext) -> Iterator[Hit]:
    """A citation date that is not on the calendar (30 February, 31 April).

    **What it does**
    Flags publication, archive and access dates of a citation that have the
    shape of a date but name no calendar day; year 0000 is left to
    NLMG-C003.

    **Why it matters**
    The date is certainly mistyped; a reader cannot find the source by it.

    **Example**
    Flagged:
        Smith, Ann (30 February 2010). "Festival line-up". Daily News.
    Corrected:
        Smith, Ann (20 February 2010). "Festival line-up". Daily News.
    """
    for c in _citations(ctx):
        for role, d in (("publication date", c.date), ("archive date", c.archive.date if c.archive else None),
                        ("access date", c.access_date)):
            if d is None or d.valid or _YEAR_ZERO.search(d.text):
                continue
            yield Hit(
                message=f"{_here(ctx, c)}: {role} {d.text} is impossible ({d.problem or 'not a calendar date'})",
                hint="Correct the date from the source.",
                evidence=[ctx.evidence(d.span, role)],
                citations=[c.id],
                key=(c.id, role, d.text),
            )


def _norm(text: str | None) -> str:
    return " ".join(_ALNUM_WORD.findall((text or "").casefold()))


def _author_key(c: Citation) -> str:
    return "; ".join(sorted(_norm(a.display) for a in c.authors))


@rule("NLMG-C005", "duplicate-citation-conflict", Severity.WARNING)
def duplicate_citation_conflict(ctx: RuleContext) -> Iterator[Hit]:
    """The same article cited twice with conflicting metadata.

    **What it does**
    Groups citations by normalised title and publication date (both needed)
    and flags a group whose members disagree on the work, the publisher or
    the authors' spelling. Author order (Surname, Given vs Given Surname)
    is not a disagreement.

    **Why it matters**
    One article has one publisher and one author; two versions mean at least
    one citation points readers to the wrong place.

    **Example**
    Flagged:
        Brevet, Brad (14 April 2009). "Four New Names". Screen Daily.
        Brevet, Brad (14 April 2009). "Four New Names". RopeofSilicon.com.
    Corrected:
        Brevet, Brad (14 April 2009). "Four New Names". RopeofSilicon.com.
    """
    groups: dict[tuple[str, str], list[Citation]] = defaultdict(list)
    for c in _citations(ctx):
        pub = _published(c)
        if c.title is not None and c.title_quoted and pub is not None:
            groups[(_norm(c.title.text), pub.iso)].append(c)
    for (title, iso), group in groups.items():
        if len(group) < 2:
            continue
        first = group[0]
        for other in group[1:]:
            diffs = []
            for field, get in (("work", lambda c: c.work.text if c.work else None),
                               ("publisher", lambda c: c.publisher.text if c.publisher else None)):
                a, b = get(first), get(other)
                if a and b and _norm(a) != _norm(b):
                    diffs.append(f"{field} {a!r} vs {b!r}")
            if first.authors and other.authors and _author_key(first) != _author_key(other):
                diffs.append(f"authors {first.authors[0].text!r} vs {other.authors[0].text!r}")
            if not diffs:
                continue
            assert first.title is not None and other.title is not None
            yield Hit(
                message=f"{_here(ctx, first, fields=False)} and {ctx.cited(other, fields=False)} cite the same article ({first.title.text!r}, "
                f"{_day(_published(first).start)}) with different {'; '.join(diffs)}",  # type: ignore[union-attr]
                hint="Keep one citation of the article, with the metadata the source itself shows.",
                evidence=[ctx.evidence(first.span, "citation"), ctx.evidence(other.span, "duplicate citation")],
                citations=[first.id, other.id],
                key=(title, iso, first.id, other.id),
            )


_PERSON = _lazyre.lazy_compile(
    r"(?<![\p{L}'’])(?P<given>\p{Lu}[\p{Ll}'’\-]+)\s(?P<surname>\p{Lu}[\p{L}'’\-]+)(?P<sic>\s*\[sic\])?"
)


def _close(a: str, b: str) -> bool:
    """One or two letters apart (two for long names), not just case, not a short form."""
    fa, fb = a.casefold(), b.casefold()
    if fa == fb or fa.startswith(fb) or fb.startswith(fa):
        return False
    return _within_edits(fa, fb)


def _within_edits(fa: str, fb: str) -> bool:
    """At most one edit apart, two for names of eight letters or more (rapidfuzz)."""
    from rapidfuzz.distance import Levenshtein  # on first use: start-up time

    limit = 2 if min(len(fa), len(fb)) >= 8 else 1
    return Levenshtein.distance(fa, fb, score_cutoff=limit) <= limit


def _surname_close(a: str, b: str) -> bool:
    """One or two letters apart (two for long names), not case only; unlike given names a
    surname has no short form, so a prefix counts (Preston/Prestone)."""
    fa, fb = a.casefold(), b.casefold()
    return fa != fb and _within_edits(fa, fb)


def _first_given(given: str | None) -> str | None:
    """The first given name written in full ("Jay" of "Jay A."); None for initials only."""
    first = (given or "").split()[0] if (given or "").strip() else ""
    return first if len(first) > 1 and not first.endswith(".") else None


@rule("NLMG-C006", "author-name-mismatch", Severity.WARNING)
def author_name_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """An author's name in a citation spelled differently from the article text.

    **What it does**
    Collects the "Given Surname" pairs of the article body and, for each
    citation author, looks up the body names with the same given name or the
    same surname (an index, no all-pairs comparison); a name whose other half
    is one letter off (two for long names, via rapidfuzz; a surname that
    is a prefix of the other counts, Preston/Prestone) is flagged, unless
    the citation's spelling also appears in the body. A middle initial
    ("Jay A.") is left out of the comparison. Names the body marks
    with [sic], case-only differences and short forms (Steve/Steven) are not
    flagged.

    **Why it matters**
    A misspelt author name breaks searches for the source and shows that the
    citation or the text was copied carelessly.

    **Example**
    Flagged:
        New York Times critic Manohla Dargis called it a tasteful shocker.
        Dargis, Monohla. "Growing Up in a Hush". The New York Times.
    Corrected:
        New York Times critic Manohla Dargis called it a tasteful shocker.
        Dargis, Manohla. "Growing Up in a Hush". The New York Times.
    """
    body = ctx.doc.body
    by_given: dict[str, list[regex.Match]] = defaultdict(list)
    by_surname: dict[str, list[regex.Match]] = defaultdict(list)
    spelled: set[str] = set()
    sic: set[str] = set()
    for m in _PERSON.finditer(ctx.doc.text, body.start, body.end, overlapped=True):
        full = f"{m['given']} {m['surname']}".casefold()
        spelled.add(full)
        if m["sic"]:
            sic.add(full)
        by_given[m["given"].casefold()].append(m)
        by_surname[m["surname"].casefold()].append(m)
    seen: set[tuple[str, str]] = set()
    for c in _citations(ctx):
        for a in c.authors:
            given = _first_given(a.given)  # "Jay A. Fernandes" is compared as "Jay Fernandes"
            if given is None:
                continue
            cited = f"{given} {a.surname}"
            if cited.casefold() in spelled:
                continue
            candidates = [(m, "given name") for m in by_surname.get(a.surname.casefold(), ()) if _close(given, m["given"])]
            candidates += [(m, "surname") for m in by_given.get(given.casefold(), ())
                           if _surname_close(a.surname, m["surname"])]
            for m, part in candidates[:1]:
                written = f"{m['given']} {m['surname']}"
                if written.casefold() in sic or (c.id, written) in seen:
                    continue
                seen.add((c.id, written))
                yield Hit(
                    message=f"{_here(ctx, c)}: author {a.text!r} differs by a letter in the {part} from "
                    f"{written!r} in the article text",
                    hint="Check the author's name on the source and use one spelling in both places.",
                    evidence=[ctx.evidence(a.span, "citation author"),
                              ctx.evidence(_span(m.start(), m.start() + len(written)), "name in text")],
                    citations=[c.id],
                    key=(c.id, a.text.casefold(), written.casefold()),
                )


def _span(start: int, end: int):
    from ..models import Span

    return Span(start=start, end=end)


#: A quoted title or a year anywhere in an entry, even where its fields were not parsed.
_QUOTED_OR_YEAR = _lazyre.lazy_compile(r"[\"“][^\"“”]{3,}[\"”]|(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")


@rule("NLMG-C007", "citation-missing-title-and-date", Severity.WARNING)
def citation_missing_title_and_date(ctx: RuleContext) -> Iterator[Hit]:
    """A citation with no quoted title and no date at all.

    **What it does**
    Flags citations that have neither a quoted title nor any date
    (publication or access): bare link texts such as "School (website)" or
    a headline run into a newspaper name with nothing else.

    **Why it matters**
    Without a title or a date, a reader cannot find the source or tell which
    version of a page supported the claim.

    **Example**
    Flagged:
        Actress dines in seaside restaurant The Weston Mercury.
    Corrected:
        "Actress dines in seaside restaurant". The Weston Mercury. 12 May 2009.
    """
    for c in _citations(ctx):
        if c.title_quoted or c.date is not None or c.access_date is not None or c.short:
            continue  # a short citation ("Wells, p. 9.") names its work by author and page
        if _QUOTED_OR_YEAR.search(c.text):
            continue  # '"The Inside Story" (Morse)', 'Service of All the Dead (1979)': it has them
        yield Hit(
            message=f"{_here(ctx, c, fields=False)}: no title and no date ({c.text.strip()!r})",
            hint="Add the source's title and its publication or access date.",
            evidence=[ctx.evidence(c.span, "citation")],
            citations=[c.id],
            key=(c.id, _norm(c.text)),
        )


# ------------------------------------------------------------------ linking rules

def _linked(ctx: RuleContext) -> dict[str, list[ClaimLink]]:
    """Confident claim links grouped by citation id."""
    out: dict[str, list[ClaimLink]] = defaultdict(list)
    for link in ctx.links:
        if link.citation is not None and (link.method == "marker" or link.confidence >= MIN_LINK_CONFIDENCE):
            out[link.citation].append(link)
    return out


_CUES: regex.Pattern | None = None


def _announcement(text: str) -> bool:
    global _CUES
    if _CUES is None:
        alt = "|".join(regex.escape(w) for w in sorted(words("announcement_cues", "words"), key=len, reverse=True))
        _CUES = _lazyre.compile(rf"\b(?:{alt})\b", regex.IGNORECASE)
    return bool(_CUES.search(text))


_REVIEW = _lazyre.lazy_compile(r"\breview(?:s|ed)?\b", regex.IGNORECASE)
#: Events a critic reviews before they happen (press screenings, advance copies).
_REVIEWED_EVENTS = frozenset({"release", "publication", "premiere", "broadcast", "screening",
                              "festival-screening", "festival-opening", "festival-closing",
                              "opening"})  # a building or shop previewed before it opens
_NUMBER_TERM = _lazyre.lazy_compile(r"^\d[\d.,]*$")


def _grounded(link) -> bool:
    """A link worth an accusation: markers, or an alignment on two terms or more.

    One shared word ('building', a club's name) or a continuation between
    cited sentences places a source near a sentence, not on its every claim.
    """
    if link.method == "marker":
        return True
    return link.method == "alignment" and len(link.matched) >= 2


def _backs_another_claim(ctx: RuleContext, claim, link, pub) -> bool:
    """The source supports another claim of the sentence, not this one.

    'premiered at Venice on 29 August, and screened at Toronto in September'
    cited to a 29 August article; 'opened on 18 September, at a cost of
    £190 million' cited to '... costs rise to £190m': the source's own date,
    or a number it was matched on, belongs to a sibling claim.
    """
    others = [o for o in ctx.by_sentence.get(claim.sentence, []) if o.id != claim.id]
    for o in others:
        if isinstance(o, DateClaim) and o.value.resolved and o.value.start is not None:
            if -30 <= (o.value.start - pub.end).days <= TIMEZONE_DAYS:
                return True
    numbers = [t for t in link.matched if _NUMBER_TERM.match(t)]
    return any(t in o.text and t not in claim.text for t in numbers for o in others)


@rule("NLMG-L001", "source-predates-event", Severity.ERROR)
def source_predates_event(ctx: RuleContext) -> Iterator[Hit]:
    """A sentence reports an event as done, citing a source published before it.

    **What it does**
    For each date claim (day or month precision) linked to a citation with a
    publication date, flags the claim when the event starts after the source
    was published. Sentences and citation titles about plans, schedules and
    announcements ("scheduled", "expected", "will", "announced", ...; the
    list is in data/citations.json) are skipped: a source may announce what
    comes later. A gap over 30 days with a confident link is an error,
    otherwise a warning; a gap of a day is ignored (time zones).

    **Why it matters**
    A source cannot report what had not happened yet: either the event's date,
    the source's date or the link is wrong.

    **Example**
    Flagged:
        On 3 June 2015 the production moved to Cornwall.
        Ward, Ann (3 June 2014). "Crew arrives in Cornwall". Western Post.
    Corrected:
        On 3 June 2015 the production moved to Cornwall.
        Ward, Ann (3 June 2015). "Crew arrives in Cornwall". Western Post.
    """
    by_id = {c.id: c for c in _citations(ctx)}
    claims = ctx.claims_by_id
    for cid, links in _linked(ctx).items():
        c = by_id.get(cid)
        pub = _published(c) if c is not None else None
        if c is None or pub is None or pub.end is None:
            continue
        if c.title is not None and _announcement(c.title.text):
            continue
        review = c.title is not None and _REVIEW.search(c.title.text) is not None
        for link in links:
            claim = claims.get(link.claim)
            if not isinstance(claim, DateClaim) or not claim.value.resolved:
                continue
            if claim.value.precision not in ("day", "month") or claim.value.relative is not None:
                continue
            if not _grounded(link) or review and claim.attribute.event in _REVIEWED_EVENTS:
                continue  # a weak link; a review written before the opening it reviews
            assert claim.value.start is not None
            days = (claim.value.start - pub.end).days
            if days <= TIMEZONE_DAYS or _announcement(ctx.sentence_text(claim.sentence)):
                continue
            if _backs_another_claim(ctx, claim, link, pub):
                continue
            confident = link.method == "marker" or link.confidence >= 0.5
            assert c.date is not None
            yield Hit(
                message=f"{claim.text!r} is reported as done but its source {ctx.cited(c, date=False)} is dated "
                f"{c.date.text}, {days} days earlier (link confidence {link.confidence:.2f})",
                hint="Check the event's date, the source's date, and that this is the right source.",
                evidence=[ctx.claim_evidence(claim), ctx.evidence(c.date.span, "citation date")],
                claims=[claim.id],
                citations=[c.id],
                key=(claim.value.iso, pub.iso, cid),
                severity=Severity.ERROR if confident and days > PREDATES_ERROR_DAYS else Severity.WARNING,
            )


_TITLE_EDITION = _lazyre.lazy_compile(
    r"""
    (?<!\w)(?P<n>\d{1,3})(?:st|nd|rd|th)\s+               # 23rd
    (?:annual\s+)?
    (?P<name>\p{Lu}[\p{L}'’\-]*(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}'’\-]*){0,6})   # TIFF / London Film Festival
    """,
    regex.VERBOSE,
)


def _acronym(text: str) -> str:
    return "".join(w[0] for w in _CAPITALISED_WORD.findall(text)).upper()


def _same_event(title_name: str, claim: EditionClaim, c: Citation) -> bool:
    """The title's event is the claim's: same name, or the claim's acronym without a rival."""
    a, b = _norm(title_name).removeprefix("the "), _norm(claim.value.event_text).removeprefix("the ")
    if a and (a == b or a == _norm(claim.value.event)):
        return True
    if title_name.isupper() and title_name == _acronym(claim.value.event_text):
        # "TIFF" is Toronto's and Tokyo's: a work naming another event with that acronym wins.
        for part in (c.work, c.publisher):
            if part is not None and _acronym(part.text) == title_name and _norm(part.text) != b:
                return False
        return True
    return False


def _title_dates(c: Citation) -> list[tuple[str, DateValue]]:
    """Day-precision dates in a citation title; a year-less one takes the publication year."""
    if c.title is None:
        return []
    pub = _published(c)
    out = []
    for _, _, v in find_dates(c.title.text):
        if v.precision != "day" or v.is_range:
            continue  # a range in a title is a chart or festival period, not the claimed day
        if v.resolved:
            out.append((v.iso, v))
        elif pub is not None and pub.start is not None and v.iso.startswith("--"):
            month, day = int(v.iso[2:4]), int(v.iso[5:7])
            try:
                d = dt.date(pub.start.year, month, day)
            except ValueError:
                continue
            if d < pub.start - dt.timedelta(days=60):
                d = d.replace(year=d.year + 1)  # "September 15th" in a December article is next year's
            out.append((v.iso, DateValue(start=d, end=d, precision="day", iso=d.isoformat(), year_source="context")))
    return out


@rule("NLMG-L002", "citation-title-contradicts-claim", Severity.WARNING)
def citation_title_contradicts_claim(ctx: RuleContext) -> Iterator[Hit]:
    """A date, edition, sum or count in a citation's title that contradicts the claim it supports.

    **What it does**
    For each citation with claims linked to it: a day in its title ("Moves Up
    2 Weeks to September 15th!", the year taken from the publication date)
    is compared with the date claims of the linked sentences, and flagged
    when no claim agrees with it but one names another day of the same
    month; an edition in the title ("The 23rd TIFF") is compared with edition
    claims of the same event (by name or acronym, unless the citation's work
    names another event with that acronym) and flagged when the numbers
    differ; a sum of money or a count in the title ("... Grosses $3 Million",
    "Opens in 250 Theatres") is compared, as intervals at their stated
    precision, with the linked claims of the same measure (the title's verb
    names it; counts by their noun) and flagged when none agrees.

    **Why it matters**
    The source says one thing and the sentence citing it another: the
    sentence, or the choice of source, is wrong.

    **Example**
    Flagged:
        The release was later moved up to 17 September.
        "Release Moves Up 2 Weeks to September 15th!". Studio Blog. 30 June 2010.
    Corrected:
        The release was later moved up to 15 September.
        "Release Moves Up 2 Weeks to September 15th!". Studio Blog. 30 June 2010.
    """
    by_id = {c.id: c for c in _citations(ctx)}
    claims = ctx.claims_by_id
    for cid, links in _linked(ctx).items():
        c = by_id.get(cid)
        if c is None or c.title is None:
            continue
        linked = [claims[link.claim] for link in links if link.claim in claims]
        yield from _title_date_hits(ctx, c, [x for x in linked if isinstance(x, DateClaim) and x.value.resolved])
        yield from _title_edition_hits(ctx, c, [x for x in linked if isinstance(x, EditionClaim)])
        from .sources import title_figure_hits  # sources imports this module's helpers

        yield from title_figure_hits(ctx, c, linked)


def _title_date_hits(ctx: RuleContext, c: Citation, dates: list[DateClaim]) -> Iterator[Hit]:
    assert c.title is not None
    for text, tv in _title_dates(c):
        assert tv.start is not None
        agree = [d for d in dates if d.value.start <= tv.start <= d.value.end]  # type: ignore[operator]
        if agree:
            continue
        rivals = [d for d in dates if d.value.precision == "day" and d.value.start.year == tv.start.year  # type: ignore[union-attr]
                  and d.value.start.month == tv.start.month and d.value.start != tv.start]  # type: ignore[union-attr]
        for d in rivals[:1]:
            yield Hit(
                message=f"{d.text!r} contradicts the date {_day(tv.start)} in the title of its source "
                f"{ctx.cited(c, date=False)}",
                hint="Check the date against the cited source, or cite the source that gives this date.",
                evidence=[ctx.claim_evidence(d), ctx.evidence(c.title.span, "citation title")],
                claims=[d.id],
                citations=[c.id],
                key=(d.value.iso, tv.iso, c.id),
            )


def _title_edition_hits(ctx: RuleContext, c: Citation, editions: list[EditionClaim]) -> Iterator[Hit]:
    assert c.title is not None
    for m in _TITLE_EDITION.finditer(c.title.text):
        n = int(m["n"])
        for e in editions:
            if e.value.number != n and _same_event(m["name"], e, c):
                yield Hit(
                    message=f"{e.text!r} contradicts the {m.group().strip()!r} in the title of its "
                    f"source {ctx.cited(c, date=False)}",
                    hint="Check the edition number against the cited source.",
                    evidence=[ctx.claim_evidence(e), ctx.evidence(c.title.span, "citation title")],
                    claims=[e.id],
                    citations=[c.id],
                    key=(str(e.value.number), str(n), e.value.event, c.id),
                )

"""Linking sentences and claims to citations: monotone alignment, markers, claim links."""

from __future__ import annotations

from nlmg_facts.cite import cite_document, link_claims
from nlmg_facts.models import Marker, Span
from nlmg_facts.models.claims import DateClaim, DateValue

BODY = (
    "Lumen is a 2012 British drama film directed by Ada Rowe. "
    "A storm destroys the village in the first act. "
    "Rowe began writing the script after a trip to the Orkney islands. "
    "Filming began in Orkney in April 2011 with a crew of forty. "
    "The score was written by Ian Holt for a small string orchestra. "
    "He said the strings had to sound like the wind. "
    "Critic Paul Brenner of the Evening Star praised its photography."
)
BACK = (
    'Tull, Jo (12 April 2011). "Rowe takes her script to Orkney". Screen Weekly. Retrieved 1 May 2011. '
    'Mair, Ewan (20 April 2011). "Filming begins in Orkney". Island Times. Retrieved 2 May 2011. '
    'Brand, Lou (3 June 2012). "Ian Holt on writing for strings". Music Week. Retrieved 4 June 2012. '
    'Brenner, Paul (14 May 2012). "Lumen shines". Evening Star. Retrieved 15 May 2012.'
)


def _links(doc):
    return {link.sentence: link for link in cite_document(doc, []).sentence_links}


def test_each_sentence_gets_the_citation_that_shares_its_words_in_list_order(doc_of):
    links = _links(doc_of(BODY, BACK))
    assert [links[i].citation for i in range(7)] == [None, None, "c1", "c2", "c3", "c3", "c4"]


def test_a_link_says_why_with_the_matched_terms_and_a_confidence(doc_of):
    link = _links(doc_of(BODY, BACK))[6]
    assert link.method == "alignment" and "Paul Brenner" in link.matched and "evening star" in link.matched
    assert 0.5 < link.confidence <= 1.0 and "Paul Brenner" in link.reason


def test_a_pronoun_sentence_continues_the_previous_sentences_source_at_lower_confidence(doc_of):
    links = _links(doc_of(BODY, BACK))
    assert links[5].method == "continuation" and links[5].confidence < links[4].confidence


def test_a_sentence_sharing_nothing_with_any_citation_is_linked_to_none(doc_of):
    link = _links(doc_of(BODY, BACK))[1]
    assert link.citation is None and link.method == "none" and link.confidence == 0.0


def test_the_alignment_does_not_go_back_up_the_list_on_weak_evidence(doc_of):
    # The last sentence shares one common title word with the first citation only.
    body = BODY + " The script was praised."
    links = _links(doc_of(body, BACK))
    assert links[7].citation is None


def test_explicit_markers_are_used_exactly_instead_of_aligning(doc_of):
    doc = doc_of(BODY, BACK)
    s1 = doc.sentences[1].span
    doc = doc.model_copy(update={"markers": [Marker(span=Span(start=s1.end - 1, end=s1.end), label="[4]")]})
    links = _links(doc)
    assert links[1].citation == "c4" and links[1].method == "marker" and links[1].confidence == 1.0
    assert links[6].citation is None  # no marker there, and markers are trusted alone


def test_claims_take_their_sentences_link(doc_of):
    doc = doc_of(BODY, BACK)
    start = doc.text.index("April 2011")
    claim = DateClaim(
        id=f"date@{start}", text="April 2011", span=Span(start=start, end=start + 10), sentence=3,
        value=DateValue(start=None, end=None, precision="month", iso="2011-04"),
    )
    result = cite_document(doc, [claim])
    assert [(link.claim, link.citation) for link in result.links] == [(claim.id, "c2")]
    assert link_claims([claim], [])[0].citation is None


def test_a_document_without_back_matter_has_no_citations_and_no_links(doc_of):
    from nlmg_facts import ingest

    result = cite_document(ingest("A short text. Nothing else."), [])
    assert result.citations == [] and all(s.citation is None for s in result.sentence_links)


def test_an_empty_range_update_of_the_alignment_tree_is_a_no_op():
    # Reusing the last citation of a list whose length is a power of two asks for
    # an empty range at the very end; it used to rebuild past the array and crash.
    from nlmg_facts.cite.align import _MaxTree

    tree = _MaxTree([0.0, 1.0, 2.0, 3.0])
    tree.add(4, 4, 5.0)
    tree.add(2, 4, 1.0)
    assert tree.max(0, 4) == (4.0, 3)


def test_claim_links_carry_the_matched_terms_of_their_sentence(doc_of):
    from nlmg_facts.models.citations import SentenceLink

    claim = DateClaim(
        id="date@0", text="2010", span=Span(start=0, end=4), sentence=0,
        value=DateValue(start=None, end=None, precision="year", iso="2010"),
    )
    link = SentenceLink(sentence=0, citation="c1", confidence=0.9, method="alignment",
                        reason="matched 'x', 'y'", matched=["x", "y"])
    assert link_claims([claim], [link])[0].matched == ["x", "y"]



def test_a_claim_cited_to_a_short_citation_counts_as_citing_its_full_entry():
    from nlmg_facts.cite.references import parse_references
    from nlmg_facts.models.citations import SentenceLink

    back = "Wells, H. G. (1901). The Roads of England. London: Macmillan. Wells, p. 9."
    full, short = parse_references(back, 0, len(back))
    assert short.short and short.full_citation == full.id
    claim = DateClaim(
        id="date@0", text="1901", span=Span(start=0, end=4), sentence=0,
        value=DateValue(start=None, end=None, precision="year", iso="1901"),
    )
    link = SentenceLink(sentence=0, citation=short.id, confidence=1.0, method="marker", reason="marker [2]")
    (claim_link,) = link_claims([claim], [link], [full, short])
    assert claim_link.citation == full.id and claim_link.cited_as == short.id
    assert short.id in claim_link.reason
    # Without the citations (or for a full entry) the link is the sentence's own.
    assert link_claims([claim], [link])[0].citation == short.id
    assert link_claims([claim], [link])[0].cited_as is None

# ---------------------------------------------------------------- the dynamic programme

def _path_score(cands, chosen):
    """Total of a path under the aligner's costs; None if it breaks a rule."""
    from nlmg_facts.cite import align as A

    state, total = 0, 0.0
    for gains, j in zip(cands, chosen):
        if j < 0:
            continue
        sim = gains.get(j)
        if sim is None:
            return None
        g = sim - A.THRESHOLD
        if j == state:  # the next unused citation
            if sim <= A.NEXT_THRESHOLD:
                return None
            total, state = total + g, j + 1
        elif j > state:  # forward, skipping j - state citations
            if g <= 0:
                return None
            total, state = total + g - A.SKIP_COST * (j - state), j + 1
        elif j == state - 1:  # the last used again
            if g <= 0:
                return None
            total += g
        else:  # an earlier one reused
            if g - A.REUSE_COST <= 0:
                return None
            total += g - A.REUSE_COST
    return total - A.SKIP_COST * 0  # skips after the last link cost nothing


def _optimum(cands, m):
    """The same recurrence over all states, quadratic and obviously right."""
    from nlmg_facts.cite import align as A

    neg = float("-inf")
    best = [0.0] + [neg] * m
    for gains in cands:
        new = best[:]
        for s in range(m + 1):
            if best[s] == neg:
                continue
            reuse = max((sim - A.THRESHOLD - A.REUSE_COST for j, sim in gains.items() if j < s - 1), default=0.0)
            new[s] = max(new[s], best[s] + max(0.0, reuse))
        for j, sim in gains.items():
            g = sim - A.THRESHOLD
            if sim > A.NEXT_THRESHOLD and best[j] > neg:
                new[j + 1] = max(new[j + 1], best[j] + g)
            if g > 0:
                for st in range(j + 2):
                    if best[st] > neg:
                        skip = A.SKIP_COST * (j - st) if st <= j else 0.0
                        new[j + 1] = max(new[j + 1], best[st] - skip + g)
        best = new
    return max(best)


def test_the_alignment_finds_the_best_monotone_path_on_random_similarities():
    import random

    from nlmg_facts.cite.align import _align_states

    rng = random.Random(3)
    for _ in range(300):
        n, m = rng.randint(1, 12), rng.randint(1, 9)
        cands = [
            {j: round(rng.uniform(0.0, 2.5), 2) for j in rng.sample(range(m), rng.randint(0, min(m, 4)))}
            for _ in range(n)
        ]
        chosen = _align_states(cands, m)
        score = _path_score(cands, chosen)
        assert score is not None, (cands, chosen)
        assert abs(score - _optimum(cands, m)) < 1e-9, (cands, chosen)


def test_the_alignment_tree_adds_over_ranges_and_answers_prefix_maxima():
    from nlmg_facts.cite.align import _MaxTree

    values = [0.0, float("-inf"), 2.0, 1.0, float("-inf")]
    tree = _MaxTree(values[:])
    tree.add(3, 5, 1.5)  # 3 and 4 up by 1.5 (4 stays -inf)
    values[3] += 1.5
    assert tree.max(0, 5) == (2.5, 3) and tree.max(0, 3) == (2.0, 2)
    assert tree.raise_to(1, 7.0) and not tree.raise_to(1, 6.0)
    assert tree.max(0, 2) == (7.0, 1) and tree.get(3) == 2.5


# ---------------------------------------------------------------- order of first use

SCORE_BACK = (
    'Vale, Iris (2 May 2014). "Notes on a quiet winter". Arts Weekly. Retrieved 3 May 2014. '
    'Pryce, Owen (9 May 2014). "Strings at the harbour". Coast Echo. Retrieved 10 May 2014. '
    'Dunmore, Ray (20 May 2014). "Harbour lights on screen". Film Ledger. Retrieved 21 May 2014.'
)


def test_the_next_unused_citation_takes_a_sentence_with_weak_evidence(doc_of):
    body = (
        "Iris Vale of Arts Weekly wrote about the quiet winter. "
        "The composer kept the strings light. "
        "Ray Dunmore of the Film Ledger praised the harbour lights."
    )
    links = _links(doc_of(body, SCORE_BACK))
    # "strings" alone is weak evidence, but c2 is the next unused citation.
    assert [links[i].citation for i in range(3)] == ["c1", "c2", "c3"]
    assert links[1].confidence < links[0].confidence


def test_weak_evidence_does_not_skip_ahead_of_the_next_unused_citation(doc_of):
    body = (
        "Iris Vale of Arts Weekly wrote about the quiet winter. "
        "The lights were dimmed for the last scene."
    )
    # "lights" is a title word of c3 only; c2 is next, so the weak match stays unlinked.
    assert _links(doc_of(body, SCORE_BACK))[1].citation is None


# ---------------------------------------------------------------- continuations

def test_a_quotation_running_on_over_sentences_keeps_its_source(doc_of):
    body = (
        "Iris Vale of Arts Weekly wrote: \"The winter is quiet. "
        "Nothing moves in the valley. "
        "Even the river waits.\" "
        "The valley was painted by Tom Reyes."
    )
    links = _links(doc_of(body, SCORE_BACK))
    assert [links[i].citation for i in range(4)] == ["c1", "c1", "c1", None]
    assert "quotation" in links[1].reason


def test_a_pronoun_after_an_opening_clause_continues_but_one_inside_a_quotation_does_not(doc_of):
    body = (
        "Iris Vale of Arts Weekly wrote about the quiet winter. "
        "Writing in a later column, she called the ending brave. "
        "The rowers rested because \"they were tired\"."
    )
    links = _links(doc_of(body, SCORE_BACK))
    assert links[1].citation == "c1" and links[1].method == "continuation"
    assert links[2].citation is None


def test_a_sentence_opening_on_the_same_name_continues_and_another_name_does_not(doc_of):
    body = (
        "Iris Vale of Arts Weekly wrote that Tom Reyes painted the valley. "
        "Reyes used only three colours. "
        "Marsh painted the river."
    )
    links = _links(doc_of(body, SCORE_BACK))
    assert links[1].citation == "c1" and "same subject" in links[1].reason
    assert links[2].citation is None


# ---------------------------------------------------------------- evidence

def test_a_quoted_citation_title_is_evidence(doc_of):
    body = (
        "Iris Vale of Arts Weekly wrote about the quiet winter. "
        "A later essay, \"Harbour Lights on Screen\", looked at the final reel."
    )
    link = _links(doc_of(body, SCORE_BACK))[1]
    assert link.citation == "c3" and "quoted title" in link.matched


def test_a_report_published_days_after_the_event_is_evidence_across_a_month_end(doc_of):
    back = (
        'Lind, Ada (20 September 2014). "Autumn notes". Arts Weekly. Retrieved 21 September 2014. '
        'Holm, Per (2 October 2014). "Curtain up". Stage Daily. Retrieved 3 October 2014.'
    )
    body = "Ada Lind praised the rehearsals. The play opened on 30 September 2014 to a full house."
    link = _links(doc_of(body, back))[1]
    assert link.citation == "c2" and "reported after 2014-09-30" in link.matched


def test_dates_from_the_claims_give_the_same_links_as_scanning_the_body(doc_of):
    from nlmg_facts.extract import extract_document

    doc = doc_of(BODY, BACK)
    claims = extract_document(doc)
    assert any(c.kind == "date" for c in claims)
    scanned = [(s.citation, s.method) for s in cite_document(doc, []).sentence_links]
    assert [(s.citation, s.method) for s in cite_document(doc, claims).sentence_links] == scanned


def test_an_outlet_shared_by_many_citations_tells_nothing_on_its_own(doc_of):
    from nlmg_facts.cite.align import MAX_POSTING

    back = " ".join(
        f'Writer{chr(97 + i)}, Jo ({i + 1} May 2014). "Column {chr(97 + i)}x". Daily Ledger. Retrieved 30 May 2014.'
        for i in range(MAX_POSTING + 1)
    )
    body = "Iris Vale of Arts Weekly wrote about the quiet winter. The Daily Ledger ran a column every week."
    assert _links(doc_of(body, back))[1].citation is None


def test_tokens_drop_possessives_and_keep_inner_hyphens_and_apostrophes():
    from nlmg_facts.cite.align import _tokens

    assert _tokens("Kathy's O'Connor co-star's 17th-best it’s 2010") == [
        "kathy", "o'connor", "co-star", "17th", "best", "it", "2010"
    ]

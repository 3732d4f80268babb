"""Back-matter boundary: found from the shape of the text, on mini articles of several shapes."""

from __future__ import annotations

import time

import pytest

from nlmg_facts.ingest.backmatter import find_back_matter, locate_back_matter

BODY = (
    "The Quiet Harbour is a 2014 drama film directed by Lena Ortiz. "
    "Principal photography began in March 2013 in Galway, and the film premiered at a "
    "festival in Cork in October 2013. It was released in Ireland on 4 April 2014 and "
    "earned €1.2 million. Critics praised its lead performances but found the ending "
    'rushed, with one calling it "a quiet triumph".'
)

REFS_AUTHOR_FIRST = (
    'Byrne, Aoife (5 April 2014). "Harbour lights". The Irish Times. Retrieved 6 April 2014. '
    'Keane, Tom (12 October 2013). "Festival opens with drama". Cork Echo. '
    "Archived from the original on 2 November 2013. Retrieved 14 October 2013. "
    '"Box office: Ireland, April 2014". Screen Weekly. 20 April 2014. Retrieved 1 May 2014.'
)

REFS_TITLE_FIRST = (
    '"Ortiz begins work on harbour drama". Galway Advertiser. 3 March 2013. '
    "Retrieved 9 March 2013. "
    'Byrne, Aoife (5 April 2014). "Harbour lights". The Irish Times. Retrieved 6 April 2014. '
    '"Critics divided on the ending of a quiet film". Film Weekly. Retrieved 2 May 2014.'
)

REFS_US_DATES = (
    "Walsh, Mary (April 5, 2014). \"A harbour story\". Boston Review. Retrieved April 6, 2014. "
    "Lynch, Pat (May 1, 2014). \"Quiet numbers\". Box Office Report. Retrieved May 2, 2014."
)

SEE_ALSO = "List of Irish films of 2014 Cinema of Ireland"
LINKS = "The Quiet Harbour at FilmBase The Quiet Harbour at CineGuide"

SHAPES = [
    # (why, body, tail) -- the boundary must fall exactly at the start of tail
    ("references start with an author", BODY, REFS_AUTHOR_FIRST),
    ("see-also lines before the references", BODY, f"{SEE_ALSO} {REFS_AUTHOR_FIRST}"),
    ("references start with a quoted title", BODY, REFS_TITLE_FIRST),
    ("see-also, quoted-title references and links", BODY, f"{SEE_ALSO} {REFS_TITLE_FIRST} {LINKS}"),
    ("month-first dates in the citations", BODY, REFS_US_DATES),
    (
        "a sentence-case quoted title first",
        BODY,
        '"Audiences have warmed to the quiet drama at last". Harbour Post. 2 June 2014. '
        "Retrieved 3 June 2014. " + REFS_AUTHOR_FIRST,
    ),
    (
        "an undated reference before the first dated one",
        BODY,
        '"The Quiet Harbour". Film Index (Archive). Harbour Films (website) ' + REFS_AUTHOR_FIRST,
    ),
    (
        "a body ending in a full quoted sentence",
        BODY + ' "It is the best thing I have made."',
        f"{SEE_ALSO} {REFS_AUTHOR_FIRST}",
    ),
    (
        "a see-also title in title case with a pronoun in it",
        BODY,
        'It Happened Here Cinema of Ireland "Work starts on a quiet drama". Galway Advertiser. '
        "3 March 2013. Retrieved 9 March 2013. " + REFS_AUTHOR_FIRST,
    ),
    (
        "a short last prose sentence full of names",
        BODY + " It was released in Ireland on 4 April 2014.",
        f"{SEE_ALSO} {REFS_AUTHOR_FIRST}",
    ),
    (
        "line breaks between the parts",
        BODY + "\n\n",
        SEE_ALSO.replace(" Cinema", "\nCinema") + "\n\n" + REFS_AUTHOR_FIRST.replace(". Keane", ".\nKeane"),
    ),
]


@pytest.mark.parametrize(("why", "body", "tail"), SHAPES, ids=[c[0] for c in SHAPES])
def test_boundary_falls_after_the_last_prose_sentence(why, body, tail):
    sep = "" if body.endswith("\n") else " "
    text = body + sep + tail
    assert find_back_matter(text) == len(body) + len(sep)


NO_BACK_MATTER = [
    ("a plain article", BODY),
    (
        "a body that cites a date in parentheses",
        BODY + " The sequel (announced 3 May 2015) is in production (as of June 2015).",
    ),
    (
        "a body with several dates in parentheses at its end",
        BODY + " It screened in Dublin (10 September 2014). It screened in London "
        "(13 October 2014). It screened in Tokyo (29 October 2014).",
    ),
    (
        "a body that mentions an archive and a retrieval in prose",
        BODY + " The print was archived in 2016. The lost reel was retrieved in 2018.",
    ),
    ("one sentence", "It was released on 4 April 2014."),
    ("only references, no body", REFS_AUTHOR_FIRST),
]


@pytest.mark.parametrize(("why", "text"), NO_BACK_MATTER, ids=[c[0] for c in NO_BACK_MATTER])
def test_articles_without_a_reference_list_have_no_back_matter(why, text):
    assert find_back_matter(text) is None


def test_a_reference_list_followed_by_long_prose_is_not_back_matter():
    # Citation-like text in the middle of an article, with prose after it, is body.
    prose = " ".join(f"Paragraph {i} of the story continues with its plot." for i in range(200))
    assert find_back_matter(BODY + " " + REFS_AUTHOR_FIRST + " " + prose) is None


def test_sample_boundary_is_after_the_last_prose_sentence_before_see_also(sample_text):
    boundary = find_back_matter(sample_text)
    assert boundary is not None
    assert sample_text[:boundary].rstrip().endswith('the sting remains light".')
    # The see-also line is back matter, and so is every reference after it.
    assert boundary == sample_text.index("List of British films")
    assert boundary < sample_text.index("Leins, Jeff (8 October 2010)")


def test_boundary_search_is_linear_on_a_huge_citation_tail():
    ref = 'Doe, Jan (5 April 2014). "Title". Work. Retrieved 6 April 2014. '
    text = BODY + " " + ref * 30_000  # about 2 MB of references
    t0 = time.perf_counter()
    assert find_back_matter(text) == len(BODY) + 1
    assert time.perf_counter() - t0 < 10


@pytest.mark.parametrize(
    "text",
    ["(" * 100_000 + ")" * 100_000, "Retrieved " * 200_000, "x" * 3_000_000, "." * 2_000_000],
    ids=["nested parentheses", "repeated keyword", "no spaces", "only dots"],
)
def test_pathological_text_has_no_back_matter_and_returns_quickly(text):
    t0 = time.perf_counter()
    assert find_back_matter(text) is None
    assert time.perf_counter() - t0 < 10


# ------------------------------------------------------------------ issue 18: shapes of real articles

LINE_BODY = (
    "The Harrow Bridge\n"
    "The Harrow Bridge is a road bridge over the river Tam. It opened in 1932.\n"
    "The Tam Valley Society named the Harrow Bridge the 1988 Bridge of the Year.\n"
    "Harrow Council designated the Bridge a Protected Structure in 2004.\n"
)


def test_a_single_reference_after_the_last_sentence_is_back_matter():
    ref = '"Harrow Bridge: history". Tam Council. Retrieved 5 December 2012.'
    for sep in (" ", "\n"):
        text = LINE_BODY.rstrip("\n") + sep + ref + sep + "1932 photograph of the bridge at the Tam Archive."
        found = locate_back_matter(text)
        assert found is not None and found.offset == text.index(ref)
        assert found.confidence < 0.6 and "single" in found.reason


def test_a_single_access_date_far_from_the_end_is_not_a_reference_list():
    ref = '"Harrow Bridge: history". Tam Council. Retrieved 5 December 2012. '
    prose = " ".join(f"Section {i} of the bridge was painted again in the spring." for i in range(20))
    assert find_back_matter(LINE_BODY + ref + prose) is None


def test_a_single_retrieval_without_a_quoted_title_is_not_a_reference():
    assert find_back_matter(LINE_BODY + "The plans were retrieved 5 December 2012 from a skip.") is None


def test_title_cased_sentences_on_their_own_lines_stay_in_the_body():
    refs = (
        'Tam Council. "Bridge of the Year 1988". Retrieved 8 June 2013.\n'
        'Harrow Council. "Protected structures". Retrieved 8 June 2013.\n'
    )
    text = LINE_BODY + refs
    found = locate_back_matter(text)
    assert found is not None and found.offset == len(LINE_BODY)


def test_see_also_lines_between_the_body_and_the_references_are_back_matter():
    see_also = "List of bridges over the Tam\nRiver crossings of Britain\n"
    refs = 'Carter, Helen (3 May 2004). "Bridge listed". The Courier. Retrieved 9 June 2010.\n' * 3
    text = LINE_BODY + see_also + refs
    assert find_back_matter(text) == len(LINE_BODY)


def test_a_see_also_list_that_is_really_prose_stays_in_the_body():
    prose = "Other crossings of the Tam include the Mill Bridge and the Tam Viaduct, both listed in 2004.\n"
    refs = 'Carter, Helen (3 May 2004). "Bridge listed". The Courier. Retrieved 9 June 2010.\n' * 3
    assert find_back_matter(LINE_BODY + prose + refs) == len(LINE_BODY + prose)


@pytest.mark.parametrize("heading", ["References", "Notes", "Bibliography", "External links", "Sources:"])
def test_a_heading_line_starts_the_back_matter_with_high_confidence(heading):
    refs = "Wells, p. 9.\nShaw, pg. 40.\nMorton 1998, p. 61.\n"  # no dated signature at all
    text = LINE_BODY + heading + "\n" + refs
    found = locate_back_matter(text)
    assert found is not None and found.offset == len(LINE_BODY) and found.confidence >= 0.9


def test_a_heading_word_followed_by_prose_paragraphs_is_not_back_matter():
    text = LINE_BODY + "Notes\n" + LINE_BODY.split("\n", 1)[1] * 2
    assert find_back_matter(text) is None


def test_confidence_grows_with_the_weight_of_the_reference_list():
    one = 'Byrne, Aoife (5 April 2014). "Harbour lights". The Irish Times. Retrieved 6 April 2014. '
    few, many = locate_back_matter(BODY + " " + one * 2), locate_back_matter(BODY + " " + one * 12)
    assert few is not None and many is not None
    assert few.offset == many.offset == len(BODY) + 1
    assert 0.6 <= few.confidence < many.confidence <= 0.9


def test_link_descriptions_under_a_later_heading_do_not_hide_the_references_heading():
    refs = "Wells, p. 9.\nShaw, pg. 40.\nMorton 1998, p. 61.\n"
    links = "External links\nTam Bridge Trust, a charity that looks after the bridge and its history.\n"
    text = LINE_BODY + "References\n" + refs + links
    found = locate_back_matter(text)
    assert found is not None and found.offset == len(LINE_BODY) and "References" in found.reason


def test_a_text_without_line_breaks_has_no_heading_line(sample_text):
    from nlmg_facts.ingest.backmatter import _heading_boundary

    assert "\n" not in sample_text and _heading_boundary(sample_text) is None

"""Sentence segmentation: case tables of tricky prose, the hand-checked sample gold, linear time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from nlmg_facts.ingest.segment import segment

GOLD = Path(__file__).with_name("sample_sentence_starts.txt")


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in segment(text)]


SPLIT_CASES = [
    # (why, text, expected sentences)
    (
        "a dotted abbreviation before a lowercase word continues",
        "It earned US$2.5 million in the U.S. by December. It then closed.",
        ["It earned US$2.5 million in the U.S. by December.", "It then closed."],
    ),
    (
        "a dotted abbreviation before a sentence starter ends the sentence",
        "The film opened in the U.S. The reviews were mixed.",
        ["The film opened in the U.S.", "The reviews were mixed."],
    ),
    (
        "a title abbreviation before a name never ends a sentence",
        "Scenes were shot at St. Andrews in May. Dr. Brown visited.",
        ["Scenes were shot at St. Andrews in May.", "Dr. Brown visited."],
    ),
    (
        "a middle initial is not a sentence end",
        "The critic Jay A. Fernandez praised it. Others did not.",
        ["The critic Jay A. Fernandez praised it.", "Others did not."],
    ),
    (
        "an initial before a sentence starter does end a sentence",
        "They fell back on plan B. The second attempt worked.",
        ["They fell back on plan B.", "The second attempt worked."],
    ),
    (
        "two initials in a row stay together",
        "It was written by J. R. Smith in Leeds. He was young.",
        ["It was written by J. R. Smith in Leeds.", "He was young."],
    ),
    (
        "a suffix abbreviation before a lowercase verb continues",
        "Martin Hale Jr. directed the film. It won.",
        ["Martin Hale Jr. directed the film.", "It won."],
    ),
    (
        "et al. continues before a verb and ends before a starter",
        "Smith et al. found a flaw. They wrote to Jones et al. The reply came late.",
        ["Smith et al. found a flaw.", "They wrote to Jones et al.", "The reply came late."],
    ),
    (
        "numbered abbreviations continue before a digit",
        "It reached No. 5 on the chart. See pp. 12 for details.",
        ["It reached No. 5 on the chart.", "See pp. 12 for details."],
    ),
    (
        "decimals, money and scores have no space after the dot",
        "It made US$9.90 million and £1.5 million. It holds 6.8/10. The site agrees.",
        ["It made US$9.90 million and £1.5 million.", "It holds 6.8/10.", "The site agrees."],
    ),
    (
        "a year ends a sentence like any word",
        "It opened the festival in 1993. Regarding the film, he spoke.",
        ["It opened the festival in 1993.", "Regarding the film, he spoke."],
    ),
    (
        "a quotation closed after the period ends the sentence",
        'He wrote a short message: "Hire the actress." When asked, he smiled.',
        ['He wrote a short message: "Hire the actress."', "When asked, he smiled."],
    ),
    (
        "curly quotes close the same way",
        "He says: “The school is closed.” The farm remains.",
        ["He says: “The school is closed.”", "The farm remains."],
    ),
    (
        "a quotation closed before the period (logical quotation)",
        'They called the leads "brilliant". The festival began.',
        ['They called the leads "brilliant".', "The festival began."],
    ),
    (
        "a lowercase continuation after a quoted sentence is the same sentence",
        '"I am really bad at it." she explained, laughing. She tried again.',
        ['"I am really bad at it." she explained, laughing.', "She tried again."],
    ),
    (
        "a comma inside a quotation before the speaker does not split",
        "“The schools left now—you hear they are like farms,” he says. He leaves.",
        ["“The schools left now—you hear they are like farms,” he says.", "He leaves."],
    ),
    (
        "sentences inside a quotation are split at their own ends",
        'She said, "It was difficult. She was eager." Then she left.',
        ['She said, "It was difficult.', 'She was eager."', "Then she left."],
    ),
    (
        "an editorial tag after the period belongs to the sentence before",
        "It was the best-selling DVD for that week.[when?] The DVD sold well.",
        ["It was the best-selling DVD for that week.[when?]", "The DVD sold well."],
    ),
    (
        "an editorial tag inside a sentence is just text",
        "They praised Hale's [sic] prose and its pace. It was fine.",
        ["They praised Hale's [sic] prose and its pace.", "It was fine."],
    ),
    (
        "an ellipsis inside a quotation before a lowercase word continues",
        'He aims to "go for something... very interior". He said so.',
        ['He aims to "go for something... very interior".', "He said so."],
    ),
    (
        "an ellipsis before a capital ends the sentence",
        "She paused… Then she spoke again.",
        ["She paused…", "Then she spoke again."],
    ),
    (
        "a bracketed quotation start opens a sentence",
        '"I am bad at it", she explained. "[I have] no coordination." The team waited.',
        ['"I am bad at it", she explained.', '"[I have] no coordination."', "The team waited."],
    ),
    (
        "a parenthesised sentence is its own sentence",
        "The festival ran. (It was long.) Then it ended.",
        ["The festival ran.", "(It was long.)", "Then it ended."],
    ),
    (
        "a sentence ending with a parenthesis",
        "They mixed the actors (for example, the child played Tommy). He also rested.",
        ["They mixed the actors (for example, the child played Tommy).", "He also rested."],
    ),
    (
        "question and exclamation marks end sentences",
        "Who knew? Nobody did! The end came.",
        ["Who knew?", "Nobody did!", "The end came."],
    ),
    (
        "a blank line ends an unpunctuated heading",
        "Reception\n\nThe film was praised. It won.",
        ["Reception", "The film was praised.", "It won."],
    ),
    (
        "a blank line ends a sentence even before a lowercase word",
        "The list follows.\n\nsmall caps start here. It ends.",
        ["The list follows.", "small caps start here.", "It ends."],
    ),
    (
        "a single line break is just a space",
        "The film was directed by\nMark Romanek. It opened.",
        ["The film was directed by\nMark Romanek.", "It opened."],
    ),
    (
        "a run-on cast list is not cut at the role initials",
        "Anna Lee as Kathy H Jo Park as young Kathy Sam Wu as Tommy D Ann Roe as Miss Lucy",
        ["Anna Lee as Kathy H Jo Park as young Kathy Sam Wu as Tommy D Ann Roe as Miss Lucy"],
    ),
    (
        "an em dash inside a sentence is not a boundary",
        "The screenplay—changed very little from its draft—pleased him. He said so.",
        ["The screenplay—changed very little from its draft—pleased him.", "He said so."],
    ),
    (
        "a pull-quote attribution stays with its quotation",
        'I wanted to make a love story." — Lee Park, in May 2010 Later work followed.',
        ['I wanted to make a love story." — Lee Park, in May 2010 Later work followed.'],
    ),
]


@pytest.mark.parametrize(("why", "text", "expected"), SPLIT_CASES, ids=[c[0] for c in SPLIT_CASES])
def test_tricky_prose_is_split_where_sentences_end(why, text, expected):
    assert sentences(text) == expected


def test_spans_exclude_surrounding_whitespace():
    text = "  \n One sentence here.   Two sentences here.  \n\n  "
    spans = segment(text)
    assert [text[s:e] for s, e in spans] == ["One sentence here.", "Two sentences here."]
    for s, e in spans:
        assert not text[s].isspace() and not text[e - 1].isspace()


def test_a_byte_order_mark_is_skipped_not_included():
    text = "\ufeffIt opened. It closed."
    assert sentences(text) == ["It opened.", "It closed."]
    assert segment(text)[0][0] == 1


def test_segmenting_a_window_keeps_offsets_of_the_whole_text():
    text = "Before. Inside one. Inside two. After."
    start, end = text.index("Inside one"), text.index(" After")
    spans = segment(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Inside one.", "Inside two."]


def test_empty_and_blank_text_have_no_sentences():
    assert segment("") == []
    assert segment(" \n\t ") == []


def _gold_starts(text: str) -> list[int]:
    starts, cursor = [], 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            at = text.find(line.strip(), cursor)
            assert at >= 0, f"gold line not found in order: {line!r}"
            starts.append(at)
            cursor = at + 1
    return starts


def test_sample_sentence_boundaries_match_the_hand_checked_gold(sample_doc):
    text = sample_doc.text
    gold = _gold_starts(text)
    predicted = [s.span.start for s in sample_doc.sentences]
    assert predicted[0] == gold[0]
    false_splits = sorted(set(predicted) - set(gold))
    missed = sorted(set(gold) - set(predicted))
    assert false_splits == []
    # The two boundaries no punctuation marks: the end of the run-on cast list and
    # the end of a pull quote's attribution. Everything else must be found.
    missed_text = [text[m : m + 20] for m in missed]
    assert missed_text == ["Director Mark Romane", "Garland, who has exp"]


def test_sample_spans_are_ordered_disjoint_and_trimmed(sample_doc):
    text = sample_doc.text
    prev_end = sample_doc.body.start
    for sentence in sample_doc.sentences:
        s, e = sentence.span.start, sentence.span.end
        assert prev_end <= s < e <= sample_doc.body.end
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert text[prev_end:s].strip() == ""
        prev_end = e


# Linear time on text the segmenter could stall on is counted, not timed:
# tests/robustness/pathological.py.

"""Money: spans, currencies, stated precision and qualifiers as intervals."""

from __future__ import annotations

import pytest

from nlmg_facts.extract import money
from nlmg_facts.extract.numeric import extract as numeric_extract
from nlmg_facts.models import Document, Sentence, Span


def _doc(text: str) -> Document:
    whole = Span(start=0, end=len(text))
    return Document(name="t", text=text, body=whole, sentences=[Sentence(index=0, span=whole)])


def _money(text: str):
    return [(text[m.start : m.end], m.value) for m in money.find(text)]


# (sentence, surface, currency, stated, low, high, qualifier)
CASES = [
    ("The picture was made on a US$15 million budget.", "US$15 million", "USD", 15e6, 14.5e6, 15.5e6, None),
    ("It earned US$9.5 million in cinemas.", "US$9.5 million", "USD", 9.5e6, 9.45e6, 9.55e6, None),
    ("Takings reached US$ 9.90 million overall.", "US$ 9.90 million", "USD", 9.9e6, 9.895e6, 9.905e6, None),
    ("Disc sales came to US$3,794,951 by March.", "US$3,794,951", "USD", 3794951, 3794951, 3794951, None),
    ("The first weekend brought in £625,000.", "£625,000", "GBP", 625000, 624500, 625500, None),
    ("Rights sold for $44,500 in total.", "$44,500", "USD", 44500, 44500, 44500, None),
    ("A grant of $20,000 was awarded.", "$20,000", "USD", 20000, 19000, 21000, None),
    ("Its marketing cost €2.5m across Europe.", "€2.5m", "EUR", 2.5e6, 2.45e6, 2.55e6, None),
    ("The studio paid 15 million dollars for it.", "15 million dollars", "USD", 15e6, 14.5e6, 15.5e6, None),
    ("The merger was worth $1.2 billion.", "$1.2 billion", "USD", 1.2e9, 1.15e9, 1.25e9, None),
    ("Tickets cost HK$80 at the premiere.", "HK$80", "HKD", 80, 80, 80, None),
    ("The Canadian run made C$1.1 million.", "C$1.1 million", "CAD", 1.1e6, 1.05e6, 1.15e6, None),
    ("Australian takings were A$2 million.", "A$2 million", "AUD", 2e6, 1.5e6, 2.5e6, None),
    ("The fee was CHF 250,000 in the end.", "CHF 250,000", "CHF", 250000, 245000, 255000, None),
    ("Producers raised USD 3 million for the sequel.", "USD 3 million", "USD", 3e6, 2.5e6, 3.5e6, None),
    ("Local distributors paid ₹40 crore for it.", "₹40 crore", "INR", 4e8, 3.95e8, 4.05e8, None),
    ("Its debut gross was over US$111,000 that weekend.", "over US$111,000", "USD", 111000, 111000, 127650, "over"),
    ("It grossed slightly over US$44,500 on the day.", "slightly over US$44,500", "USD", 44500, 44500, 46725, "slightly over"),
    ("It took nearly US$9,500 per screen.", "nearly US$9,500", "USD", 9500, 8550, 9500, "nearly"),
    ("It took an estimated £625,000 at the box office.", "an estimated £625,000", "GBP", 625000, 593750, 656250, "about"),
    ("The remake cost under US$100,000 to shoot.", "under US$100,000", "USD", 100000, 85000, 100000, "under"),
    ("Investors put in at least $2 million.", "at least $2 million", "USD", 2e6, 2e6, 3e6, "at least"),
    ("Prizes of up to £5,000 are offered.", "up to £5,000", "GBP", 5000, 0, 5000, "up to"),
    ("The shoot cost around US$188,000 a week.", "around US$188,000", "USD", 188000, 178600, 197400, "about"),
    ("The budget was (approximately £15 million) in total.", "approximately £15 million", "GBP", 15e6, 14.25e6, 15.75e6, "about"),
    ("The composer was paid more than 420 million yen.", "more than 420 million yen", "JPY", 4.2e8, 4.2e8, 4.83e8, "over"),
    ("A ticket cost 50 cents in 1950.", "50 cents", "USD", 0.5, 0.5, 0.5, None),
    ("The studio bid 20 million pounds for the rights.", "20 million pounds", "GBP", 2e7, 1.95e7, 2.05e7, None),
    ("It was a US$15-million production.", "US$15-million", "USD", 15e6, 14.5e6, 15.5e6, None),
    # Ranges: stated is the lower end, the interval runs to the upper end's precision.
    ("The budget was put at US$15–20 million.", "US$15–20 million", "USD", 15e6, 14.5e6, 20.5e6, None),
    ("Seats went for $5–$10 at the revival.", "$5–$10", "USD", 5, 5, 10, None),
    ("The studio paid 15–20 million dollars for it.", "15–20 million dollars", "USD", 15e6, 14.5e6, 20.5e6, None),
    ("Its foreign gross was US$500,000–1 million.", "US$500,000–1 million", "USD", 5e5, 4.75e5, 1.5e6, None),
    ("Backers raised between 20 and 30 million euros.", "between 20 and 30 million euros", "EUR", 2e7, 1.95e7, 3.05e7, None),
    ("Marketing cost about £1-2m in Britain.", "about £1-2m", "GBP", 1e6, 0.5e6, 2.5e6, "about"),
]


@pytest.mark.parametrize("text, surface, currency, stated, low, high, qualifier", CASES)
def test_money_sums_become_intervals_in_their_currency(text, surface, currency, stated, low, high, qualifier):
    found = _money(text)
    assert [s for s, _ in found] == [surface]
    value = found[0][1]
    assert value.currency == currency
    assert value.stated == pytest.approx(stated)
    assert (value.low, value.high) == (pytest.approx(low), pytest.approx(high))
    assert value.qualifier == qualifier


NOT_MONEY = [
    "The film was produced by Film4 and shot in 2009.",
    "She bought a twenty-pound bag of flour.",          # a weight, not a sum
    "He lost 20 pounds before filming began.",          # pounds without a scale word: a weight
    "All 70 of us went to the screening.",               # ALL is a currency code only in capitals before digits
    "She got really mad after 3 takes.",
    "The 12-year-olds were cast in March.",
    "The film ran on 265 screens in its first week.",
    "In 2010 $5 million was raised for the restoration.",  # the year is not a sum in dollars
    "A figure of $20–10 million makes no range.",        # upper end below the lower one
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_text_without_a_currency_gives_no_money_or_only_the_real_sum(text):
    found = _money(text)
    if "$5 million" in text:
        assert [s for s, _ in found] == ["$5 million"]
    else:
        assert found == []


def test_per_unit_words_stay_outside_the_span():
    text = "It made over US$111,700, averaging US$30,250 per theatre."
    assert [s for s, _ in _money(text)] == ["over US$111,700", "US$30,250"]


def test_a_bare_dollar_sign_defaults_to_us_dollars():
    (_, value), = _money("The prize was $250.")
    assert value.currency == "USD"


def test_money_is_never_also_a_count_of_dollars():
    text = "The studio paid 15 million dollars and 300 extras were hired."
    kinds = sorted((m.kind, text[m.start : m.end]) for m in numeric_extract(_doc(text)))
    assert kinds == [("count", "300 extras"), ("money", "15 million dollars")]


def test_spans_point_into_the_original_text():
    text = "First line. The total was US$2.5 million worldwide."
    (m,) = list(money.find(text))
    assert text[m.start : m.end] == "US$2.5 million"


def test_from_one_sum_to_another_is_a_change_not_a_range():
    text = "The ticket price rose from £20 to £25 that year."
    assert [(t, v.low, v.high) for t, v in _money(text)] == [("£20", 20, 20), ("£25", 25, 25)]


def test_qualified_bounds_carry_no_binary_noise():
    # 111000 * 1.15 is 127649.99999999999 in floating point; the claim says 127650.
    (_, value), = _money("It made over US$111,000 that weekend.")
    assert value.high == 127650.0


@pytest.mark.parametrize("text", ["It cost 0rs to make.", "It cost 0RS.", "He paid 10 FR. for it.", "It cost 5 ZŁ."])
def test_currency_symbols_match_only_as_written(text):
    # The symbol table is keyed as written ("Rs", "Fr.", "zł"); a case-insensitive
    # match of "rs" used to be looked up as written and raise KeyError.
    assert _money(text) == []


def test_a_symbol_as_written_is_still_money():
    assert [(s, v.currency) for s, v in _money("It cost Rs 500 crore.")] == [("Rs 500 crore", "INR")]

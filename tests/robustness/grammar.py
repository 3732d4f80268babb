"""Hypothesis strategies: random articles built from the project's own token grammar.

Dates, sums of money, ordinals, counts, ranges, ratings, citation fragments,
wikitext and Markdown markup, words in several scripts, control and
bidirectional characters and lone surrogates (bytes read as UTF-8 with
``surrogateescape``), glued by spaces, punctuation and line breaks.
"""

from __future__ import annotations

from hypothesis import strategies as st

MONTHS = ["January", "February", "March", "May", "September", "December", "Sept", "Feb", "may"]
YEARS = st.sampled_from([0, 1, 99, 999, 1895, 1969, 2010, 2011, 2099, 9999, 12345])
DAYS = st.sampled_from([0, 1, 13, 29, 30, 31, 32, 99])
DASHES = st.sampled_from(["-", "–", "—", "/", " to ", " and "])
NUMERALS = st.one_of(
    st.integers(0, 10**7).map(str),
    st.integers(0, 10**7).map(lambda n: f"{n:,}"),
    st.decimals(0, 10**4, places=2, allow_nan=False).map(str),
    st.sampled_from(["0", "00", "1e400", "9" * 40, "1,2,3", "12,34,567", "10 000", ".5", "3.", "½"]),
)

dates = st.one_of(
    st.builds(lambda d, m, y: f"{d} {m} {y}", DAYS, st.sampled_from(MONTHS), YEARS),
    st.builds(lambda d, m, y: f"{m} {d}, {y}", DAYS, st.sampled_from(MONTHS), YEARS),
    st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", YEARS, st.integers(0, 13), DAYS),
    st.builds(lambda m, y: f"{m} {y}", st.sampled_from(MONTHS), YEARS),
    st.builds(lambda a, s, b, m, y: f"{a}{s}{b} {m} {y}", DAYS, DASHES, DAYS, st.sampled_from(MONTHS), YEARS),
    YEARS.map(str),
    st.sampled_from(["Seven years later", "That same month", "the following week", "moved up to 15 September",
                     "pushed back to", "31 December 1969", "30 February 2010", "2012–13", "the 1990s"]),
)
money = st.builds(
    lambda q, c, n, s: f"{q}{c}{n}{s}",
    st.sampled_from(["", "over ", "nearly ", "about ", "an estimated ", "up to ", "slightly over ", "under "]),
    st.sampled_from(["$", "US$", "£", "€", "¥", "Rs", "rs", "RS.", "Fr.", "CHF ", "HK$", "C $", "zł", "₹", "USD "]),
    NUMERALS,
    st.sampled_from(["", " million", " billion", "m", "bn", "k", " lakh", " crore", "–20 million", " dollars", " pence"]),
)
ordinals = st.builds(
    lambda n, s, t: f"{n}{s}{t}",
    st.integers(0, 1000),
    st.sampled_from(["st", "nd", "rd", "th", "ST", "-"]),
    st.sampled_from([" place", "-highest-grossing", "-best-selling", " annual Telluride Film Festival",
                     " London Film Festival", " Edition", " TIFF", " Academy Awards", ""]),
)
quantities = st.builds(
    lambda n, u: f"{n}{u}",
    NUMERALS,
    st.sampled_from([" theatres", " screens", " units", "-page", "%", " per cent", "/10", " out of 100",
                     "-week", " weeks", "-year-olds", " a theatre", " per-theatre average", ""]),
)
words = st.sampled_from([
    "The film", "It", "Its", "The novel", "This album", "was released", "premiered", "grossed", "opened in",
    "in the United Kingdom", "in the US", "on DVD", "and Blu-ray", "during its opening weekend", "according to",
    "is a 2010 British film", "The second week", "box office", "budget", "Never", "Reviewers", "Smith", "J.",
    "rated it a C+", "number-one", "a few weeks", "four-month period", "Ilić", "Nearly thirty", "extras",
])
scripts = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Zs"]), max_size=12
)
odd = st.sampled_from([
    "\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u200b", "\u2028", "\u2029", "\ufeff", "\x00", "\x07",
    "\x0b", "\x0c", "\r", "\r\n", "\t", "\x85", "\u00a0", "\u202f", "\ufffd", "\U0001f600", "e\u0301",
])
surrogates = st.binary(min_size=1, max_size=6).map(lambda b: b.decode("utf-8", "surrogateescape"))
citations = st.one_of(
    st.builds(
        lambda a, d, t, w, r: f'{a} ({d}). "{t}". {w}. Retrieved {r}.',
        st.sampled_from(["Smith, John", "Doe, J.; Roe, K.", "", "Monohla, Dargis"]), dates,
        st.sampled_from(["Title", "A 2011 film", "53rd festival", ""]), st.sampled_from(["Variety", "The Guardian", ""]),
        dates,
    ),
    st.sampled_from([
        "Archived from the original on 3 June 2011.", "Retrieved 5 May 2010.", "(5 May 2010).", "ISBN 978-0-00",
        "http://example.com/a?b=[c", "https://web.archive.org/web/2010/http://x", "^ a b", "^", "[1]",
    ]),
)
markup = st.one_of(
    st.sampled_from([
        "<ref>", "</ref>", '<ref name="a"/>', '<ref name="a">', "{{reflist}}", "{{Infobox film", "}}", "{{", "|",
        "[[", "]]", "[[a|b]]", "'''", "''", "== References ==", "\n==", "<!--", "-->", "&nbsp;", "<br/>",
        "[^1]", "\n[^1]: ", "## References", "**", "_", "`", "```", "\n> ", "\n- ", "\n1. ", "[t](http://x)",
        "{|", "|-", "|}", "=" * 40, " " * 60, "{" * 20,
    ]),
    st.builds(
        lambda f, v: "{{cite web|" + "|".join(f"{k}={x}" for k, x in zip(f, v)) + "}}",
        st.lists(st.sampled_from(["title", "url", "archive-url", "archive-date", "access-date", "date", "last",
                                  "first", "work", "publisher", "author"]), max_size=6),
        st.lists(st.one_of(dates, words, st.sampled_from(["http://[x", "http://a]b/", "", "[[x]]"])), max_size=6),
    ),
)
token = st.one_of(dates, money, ordinals, quantities, words, scripts, odd, surrogates, citations, markup)
glue = st.sampled_from([" ", " ", " ", ". ", ", ", "; ", ".\n", "\n\n", " (", ") ", ": ", "", " and "])


@st.composite
def articles(draw, max_tokens: int = 60) -> tuple[str, str]:
    """(text, file name): a body of tokens, sometimes followed by a reference list."""
    parts = []
    for tok in draw(st.lists(token, max_size=max_tokens)):
        parts += [tok, draw(glue)]
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["\n\nReferences\n", "\n== References ==\n", "\n## References\n"])))
        parts += [c + "\n" for c in draw(st.lists(citations, max_size=6))]
    name = draw(st.sampled_from(["a.txt", "a.wiki", "a.md"]))
    return "".join(parts), name

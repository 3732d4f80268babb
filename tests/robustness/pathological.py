"""Pathological inputs, each a family of texts that grows with ``n``.

They are the shapes that make a backtracking pattern or a per-position loop
blow up: long runs of one class of character, markup that never closes,
endless sentences, one token repeated, deep nesting. Used by the linear-time
test (work at ``n`` and ``2n``) and the time-budget guard (one large ``n``).
"""

from __future__ import annotations

from pathlib import Path

_WIKI = (Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "lantern_keepers_2013.wiki").read_text("utf-8")

_REFS = (
    'Smith, John (5 May 2010). "The Film Opens". Variety. Retrieved 6 May 2010.\n'
    'Doe, Jane (2011). "A 53rd Festival". The Guardian. Archived from the original on 3 June 2011.\n'
)

FAMILIES = {
    # The first sentence opening with blanks: the old self-description pattern was cubic here.
    "spaces-before-self-description": ("a.txt", lambda n: "(" + " " * (40 * n) + "X. It cost $5 million."),
    "blanked-markup-first-sentence": ("a.wiki", lambda n: "{{Infobox film\n| name = X\n" + "| a = b\n" * n + "}}\nX is a film."),
    "unclosed-templates": ("a.wiki", lambda n: "The film opened on 5 May 2010. " + "{{" * (10 * n)),
    "unclosed-links": ("a.wiki", lambda n: "[[" * (10 * n) + " It cost $5 million."),
    "unclosed-refs": ("a.wiki", lambda n: "It opened on 5 May 2010.<ref>" * n),
    "emphasis-quotes": ("a.wiki", lambda n: "'''" * (10 * n) + " 5 May 2010"),
    "nested-cite-templates": ("a.wiki", lambda n: "X.<ref>" + "{{cite web|title=" * n + "}}" * n + "</ref>"),
    "only-digits": ("a.txt", lambda n: "1" * (40 * n)),
    "digit-groups": ("a.txt", lambda n: "1," * (20 * n) + "000 dollars"),
    "one-date-repeated": ("a.txt", lambda n: "5 May 2010 " * (4 * n)),
    "endless-sentence": ("a.txt", lambda n: "The film grossed $5 million in 163 theatres and " * n),
    "endless-capitalised-name": ("a.txt", lambda n: "The " + "Big " * (10 * n) + "Festival (TIFF) opened."),
    "indefinite-articles": ("a.txt", lambda n: "A " * (20 * n) + "film was released in 2010."),
    "punctuation-run": ("a.txt", lambda n: "It was released in 2010" + "=-(" * (15 * n) + "."),
    "retrieved-lines": ("a.txt", lambda n: "It opened.\n\nReferences\n" + "Retrieved 5 May 2010. " * (2 * n)),
    "archived-blanks": ("a.txt", lambda n: "It opened.\n\nReferences\nX (2010). Archived" + " " * (40 * n) + "at x.org\n"),
    "footnote-markers": ("a.md", lambda n: "It opened on 5 May 2010." + "[^1]" * (5 * n) + "\n\n[^1]: Retrieved 5 May 2010.\n"),
    "markdown-emphasis": ("a.md", lambda n: "*" * (20 * n) + " 5 May 2010 " + "_" * (20 * n)),
    "wikitext-article-repeated": ("a.wiki", lambda n: _WIKI * (n // 10 + 1)),
    "festival-list": ("a.txt", lambda n: "It screened at the 35th Toronto International Film Festival and " * n),
    "region-list": ("a.txt", lambda n: "It was released in the United Kingdom on 5 May 2010 and in France and " * n),
    "period-list": ("a.txt", lambda n: "It grossed $5 million in its second weekend and its third week and " * n),
    "box-office-run": ("a.txt", lambda n: "The film opened in 4 theatres. It grossed $9,500 per theatre. " * n),
    "quoted-titles": ("a.txt", lambda n: 'Her 2008 film "The Title" and ' * n + "was released in 2010."),
    "nested-parentheses": ("a.txt", lambda n: "It opened in 2010 " + "(" * (10 * n) + ")" * (10 * n)),
    "short-sentences": ("a.txt", lambda n: "It opened. " * (5 * n)),
    "reference-list": ("a.txt", lambda n: "It opened on 5 May 2010.\n\nReferences\n" + _REFS * (n // 10 + 1)),
    "bidi-and-zero-width": ("a.txt", lambda n: "\u202e\u200b" * (20 * n) + "It cost US$15 million."),
    # Moved here from the timed tests they replace (work is counted, never timed):
    # markup that never closes, per reader (tests/ingest/test_formats.py) ...
    "markup-open-templates": ("a.wiki", lambda n: "{{" * (40 * n)),
    "markup-open-piped-links": ("a.wiki", lambda n: "[[a|" * (40 * n)),
    "markup-open-refs": ("a.wiki", lambda n: "<ref>" * (40 * n)),
    "markup-small-templates": ("a.wiki", lambda n: "x {{a}}" * (40 * n)),
    "markup-open-external-links": ("a.wiki", lambda n: "[http://x " * (40 * n)),
    "markdown-backticks": ("a.md", lambda n: "``a`" * (40 * n)),
    "markdown-open-links": ("a.md", lambda n: "[a](xxxx" * (40 * n)),
    "markdown-lists-and-headings": ("a.md", lambda n: "- a\n# b\n" * (40 * n)),
    # ... date-like junk (tests/extract/test_dates.py) ...
    "dates-dashes": ("a.txt", lambda n: "1-" * (80 * n)),
    "dates-numbers-and": ("a.txt", lambda n: "12 and " * (40 * n)),
    "dates-months": ("a.txt", lambda n: "May " * (40 * n)),
    "dates-open-year-ranges": ("a.txt", lambda n: "2010–" * (40 * n)),
    "dates-following": ("a.txt", lambda n: "the following " * (30 * n)),
    "dates-slashes": ("a.txt", lambda n: "3/4/" * (40 * n)),
    "dates-range-then-blanks": ("a.txt", lambda n: "February 18–20" + " " * (80 * n)),
    "dates-blanks-inside": ("a.txt", lambda n: "another" + " " * (80 * n) + "nine years later"),
    # ... a festival-like name that never ends (tests/extract/test_attributes.py) ...
    "festival-like-phrase": ("a.txt", lambda n: "Harbour Lights is a 2013 film. "
                             + "The Festival of the Annual Film of the Box Office " * (2 * n) + "opened on 3 March 2013."),
    # ... and text the segmenter could stall on (tests/ingest/test_segment.py).
    "segment-dots": ("a.txt", lambda n: "." * (80 * n)),
    "segment-spaced-dots": ("a.txt", lambda n: ". " * (40 * n)),
    "segment-no-spaces": ("a.txt", lambda n: "abc." * (40 * n)),
    "segment-abbreviation-like": ("a.txt", lambda n: "A. b. " * (20 * n)),
    "segment-nested-brackets": ("a.txt", lambda n: "(\"[" * (10 * n) + "x." + "]\")" * (10 * n)),
    "segment-punctuation": ("a.txt", lambda n: "!?.…\"')]([" * (10 * n)),

}

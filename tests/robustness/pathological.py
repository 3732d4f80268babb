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
}

"""Flatten a real encyclopedia article into the corpus's plain-text shape.

The shape is that of ``sources/never_let_me_go_2010.txt``: the title on the
first line, then the prose (one paragraph a line, no headings, no markup, no
citation markers, inline templates rendered to their text, infoboxes, tables,
navboxes, files and categories dropped), then the reference list as a reader
sees it rendered (one reference a line, in order of first use, a named
reference once), then the "See also" and external-link lines.

    python tests/corpus/real/flatten.py ARTICLE.wiki [--title T] [-o OUT.txt]
    python tests/corpus/real/flatten.py --from-chinapedia PAGE.md --title T [-o OUT.txt]
    python tests/corpus/real/flatten.py --readme      # writes tests/corpus/real/README.md

``ARTICLE.wiki`` is raw MediaWiki wikitext (parsed with mwparserfromhell, the
``bench`` extra). ``--from-chinapedia`` reads the pandoc-converted pages of
chinapedia/wikipedia.abstract.en (plain text with ``[n]`` markers, headings as
bare lines, lead name in capitals): see SOURCES_FOUND.md. The output is a
first draft: read it and hand-fix it, and say so in the key's ``notes``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

MONTHS = (
    "January February March April May June July August September October November December"
).split()

#: Sections whose content is not prose of the article (the reference list is rebuilt from the refs).
REFERENCE_SECTIONS = {"references", "notes", "citations", "footnotes", "sources", "notes and references",
                      "references and notes", "bibliography notes", "works cited"}
SEE_ALSO_SECTIONS = {"see also"}
LINK_SECTIONS = {"external links", "further reading"}

#: Templates dropped outright (lower-case name prefixes).
DROP_PREFIXES = ("infobox", "navbox", "short description", "use ", "defaultsort", "reflist", "refbegin",
                 "refend", "authority control", "portal", "commons", "coord", "good article",
                 "featured article", "engvar", "italic title", "pp", "cite", "citation needed", "cn",
                 "clarify", "when", "who", "which", "dead link", "main", "see also", "further", "for ",
                 "about", "redirect", "distinguish", "other uses", "multiple issues", "more citations",
                 "citation", "sfn", "efn", "notelist", "toc", "clear", "stub", "taxonbar", "wikiquote",
                 "wikisource", "wiktionary", "sister", "s-", "succession", "persondata", "flagicon",
                 "anchor", "update", "unreferenced", "refimprove", "blp", "dablink", "hatnote",
                 "good", "listen", "multiple image", "image", "external media", "quote box", "pull quote",
                 "sidebar", "campaignbox", "col-", "div col", "columns-list", "lead too", "expand",
                 "sports links", "football squad", "fs ", "navboxes", "football box", "fb ", "election box",
                 "legend", "bar box", "pie chart", "graph", "chart", "weather box", "climate", "location map",
                 "osm", "geographic location", "wide image", "panorama", "audio", "rp", "r ", "primary",
                 "self-published", "according to whom", "by whom", "vague", "page needed", "year needed",
                 "failed verification", "better source", "nbsp;")

MONTH_NUMBERS = {name.lower(): i + 1 for i, name in enumerate(MONTHS)}


def _int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def format_date(year: int | None, month: int | None = None, day: int | None = None, dmy: bool = True) -> str:
    """A date as an article prints it: "3 May 1950" or "May 3, 1950"."""
    if year is None:
        return ""
    if not month:
        return str(year)
    name = MONTHS[month - 1]
    if not day:
        return f"{name} {year}"
    return f"{day} {name} {year}" if dmy else f"{name} {day}, {year}"


def _age(born: tuple[int, int, int], at: tuple[int, int, int]) -> int:
    years = at[0] - born[0]
    if (at[1], at[2]) < (born[1], born[2]):
        years -= 1
    return years


ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


def render_iso(text: str, dmy: bool) -> str:
    """``2010-09-15`` as "15 September 2010" (the rest unchanged)."""
    m = ISO_DATE.match(text.strip())
    if not m:
        return text.strip()
    day = int(m.group(3)) if m.group(3) else None
    return format_date(int(m.group(1)), int(m.group(2)), day, dmy)


# --- units for {{convert}} ------------------------------------------------------------------

#: unit -> (printed symbol, default target, factor to the target)
UNITS = {
    "km": ("km", "mi", 0.621371), "mi": ("mi", "km", 1.609344), "m": ("m", "ft", 3.28084),
    "ft": ("ft", "m", 0.3048), "cm": ("cm", "in", 0.393701), "in": ("in", "cm", 2.54),
    "mm": ("mm", "in", 0.0393701), "kg": ("kg", "lb", 2.20462), "lb": ("lb", "kg", 0.453592),
    "t": ("t", "long ton", 0.984207), "km2": ("km2", "sq mi", 0.386102), "sqmi": ("sq mi", "km2", 2.58999),
    "ha": ("ha", "acres", 2.47105), "acre": ("acres", "ha", 0.404686), "m2": ("m2", "sq ft", 10.7639),
    "sqft": ("sq ft", "m2", 0.092903), "km/h": ("km/h", "mph", 0.621371), "mph": ("mph", "km/h", 1.609344),
    "C": ("°C", "°F", None), "F": ("°F", "°C", None), "l": ("litres", "imp gal", 0.219969),
    "kW": ("kW", "hp", 1.34102), "hp": ("hp", "kW", 0.7457), "nmi": ("nmi", "km", 1.852),
    "yd": ("yd", "m", 0.9144), "st": ("st", "kg", 6.35029), "sqkm": ("km2", "sq mi", 0.386102),
}


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _round_like(value: float, source: str) -> str:
    decimals = len(source.split(".")[1]) if "." in source else 0
    if decimals == 0 and abs(value) < 10:
        decimals = 1
    text = f"{value:,.{decimals}f}"
    return text


def render_convert(args: list[str]) -> str:
    """``{{convert|5|km|mi}}`` as "5 km (3.1 mi)"; ranges "5 to 10 km (3.1 to 6.2 mi)"."""
    positional = [a.strip() for a in args if "=" not in a]
    if not positional:
        return ""
    values = [positional[0]]
    rest = positional[1:]
    joiners = []
    while len(rest) >= 2 and rest[0] in {"to", "-", "–", "and", "or", "by", "x", "×"}:
        joiners.append(rest[0] if rest[0] not in {"-"} else "–")
        values.append(rest[1])
        rest = rest[2:]
    if not rest:
        return " ".join(values)
    unit = rest[0]
    target = rest[1] if len(rest) > 1 and rest[1] in UNITS else None
    symbol, default, factor = UNITS.get(unit, (unit, None, None))
    target = target or default

    def join(items: list[str]) -> str:
        out = items[0]
        for joiner, item in zip(joiners, items[1:]):
            out += f"{'' if joiner == '–' else ' '}{joiner}{'' if joiner == '–' else ' '}{item}"
        return out

    first = f"{join(values)} {symbol}"
    if not target:
        return first
    converted = []
    for v in values:
        number = _number(v)
        if number is None:
            return first
        if unit == "C":
            converted.append(_round_like(number * 9 / 5 + 32, v))
        elif unit == "F":
            converted.append(_round_like((number - 32) * 5 / 9, v))
        else:
            fac = factor if target == default else None
            if fac is None:
                t_fac = UNITS.get(unit, (None, None, None))[2]
                fac = t_fac or 1.0
            converted.append(_round_like(number * fac, v))
    target_symbol = UNITS.get(target, (target,))[0]
    return f"{first} ({join(converted)} {target_symbol})"


# --- wikitext --------------------------------------------------------------------------------


@dataclass
class Context:
    dmy: bool = True
    today: tuple[int, int, int] = (2026, 12, 4)
    refs: list[str] = field(default_factory=list)
    named: dict[str, int] = field(default_factory=dict)  # ref name -> index in refs ("" if pending)
    pending: dict[str, int] = field(default_factory=dict)

    def add_ref(self, name: str | None, content: str | None) -> None:
        if name and name in self.named:
            idx = self.named[name]
            if content and not self.refs[idx]:
                self.refs[idx] = content
            return
        self.refs.append(content or "")
        if name:
            self.named[name] = len(self.refs) - 1


def _params(template) -> tuple[list[str], dict[str, str]]:
    """Positional and named parameters as raw strings."""
    positional, named = [], {}
    for p in template.params:
        if p.showkey:
            named[str(p.name).strip().lower()] = str(p.value).strip()
        else:
            positional.append(str(p.value).strip())
    return positional, named


def _date_args(values: list[str]) -> tuple[int | None, int | None, int | None]:
    nums = [_int(v) for v in values[:3]] + [None, None, None]
    return nums[0], nums[1], nums[2]


def _flag_df(named: dict[str, str], ctx: Context) -> bool:
    if named.get("df", "").lower() in {"y", "yes", "1", "true"}:
        return True
    if named.get("mf", "").lower() in {"y", "yes", "1", "true"}:
        return False
    return ctx.dmy


def render_template(template, ctx: Context) -> str:
    """The text a reader sees for one inline template ("" for the ones that print nothing here)."""
    name = str(template.name).strip()
    low = name.lower().replace("_", " ")
    if low.startswith("#"):
        return ""
    if low.startswith("formatnum:"):
        number = _number(name.split(":", 1)[1])
        return f"{number:,.0f}" if number is not None and number == int(number) else name.split(":", 1)[1]
    positional, named = _params(template)
    pos = [flatten_fragment(p, ctx) for p in positional]
    df = _flag_df(named, ctx)
    if low in {"convert", "cvt"}:
        return render_convert([flatten_fragment(a, ctx) for a in positional])
    if low in {"birth date", "birth-date", "dob", "birth date and age", "bda", "birth date and age2",
               "start date", "start date and age", "end date", "death date", "film date", "release date",
               "date", "dts", "start-date"}:
        if low == "date":
            return render_iso(pos[0], df) if pos else ""
        y, m, d = _date_args(pos)
        text = format_date(y, m, d, df)
        if "and age" in low and y:
            text += f" (age {_age((y, m or 1, d or 1), ctx.today)})"
        return text
    if low in {"death date and age", "dda"}:
        y, m, d = _date_args(pos)
        by, bm, bd = _date_args(pos[3:])
        text = format_date(y, m, d, df)
        if y and by:
            text += f" (aged {_age((by, bm or 1, bd or 1), (y, m or 12, d or 28))})"
        return text
    if low in {"birth year and age", "birth based on age as of date"}:
        y = _int(pos[0]) if pos else None
        return f"{y} (age {ctx.today[0] - y})" if y else ""
    if low in {"death year and age"}:
        y, by = (_int(pos[0]) if pos else None), (_int(pos[1]) if len(pos) > 1 else None)
        return f"{y} (aged {y - by})" if y and by else (str(y) if y else "")
    if low in {"age"}:
        y, m, d = _date_args(pos)
        return str(_age((y, m or 1, d or 1), ctx.today)) if y else ""
    if low in {"nowrap", "nobr", "nobreak", "small", "smaller", "big", "larger", "resize", "noitalic",
               "nowiki", "lang-en", "nobold", "midsize", "tooltip", "abbr", "visible anchor", "vanchor",
               "ill", "interlanguage link", "interlanguage link multi", "ship", "w", "sic", "nowrap begin",
               "keypress", "serif", "sans-serif", "em", "strong", "var", "mvar", "math", "bold", "italic",
               "unicode", "script", "lang-rtl", "linktext", "iast", "transl", "transliteration", "nihongo",
               "lang"}:
        if low in {"lang", "transl", "transliteration", "script"} and len(pos) >= 2:
            return pos[1]
        if low == "ship" and len(pos) >= 2:
            return " ".join(p for p in pos[:2] if p)
        if low == "resize" and len(pos) >= 2:
            return pos[1]
        return pos[0] if pos else ""
    if low.startswith("lang-") or low.startswith("lang|"):
        return pos[0] if pos else ""
    if low in {"sortname"} and len(pos) >= 2:
        return f"{pos[0]} {pos[1]}"
    if low in {"ubl", "unbulleted list", "hlist", "plainlist", "flatlist", "bulleted list", "ublist",
               "enum", "collapsible list", "plain list"}:
        items = [p for p in pos if p]
        if not items and template.has("1"):
            items = [flatten_fragment(str(template.get("1").value), ctx)]
        return ", ".join(items)
    if low in {"nbsp", "nbsp;", "thinsp", "sp"}:
        return " "
    if low in {"ndash", "en dash", "snd", "spnd", "spaced ndash", "spaced en dash", "–"}:
        return " – " if low in {"snd", "spnd", "spaced ndash", "spaced en dash"} else "–"
    if low in {"mdash", "em dash", "spaced mdash", "spd"}:
        return "—"
    if low in {"'", "' \"", "\" '", "'s"}:
        return "'" if low != "'s" else "'s"
    if low in {"circa", "c."}:
        return f"c. {pos[0]}" if pos else "c."
    if low in {"floruit", "fl."}:
        return f"fl. {pos[0]}" if pos else "fl."
    if low in {"as of"}:
        y, m, d = _date_args(pos)
        return "As of " + format_date(y, m, d, df) if y else "As of"
    if low in {"frac", "fraction", "sfrac"}:
        if len(pos) == 3:
            return f"{pos[0]} {pos[1]}/{pos[2]}"
        if len(pos) == 2:
            return f"{pos[0]}/{pos[1]}"
        return f"1/{pos[0]}" if pos else ""
    if low in {"ordinal", "ord"}:
        n = _int(pos[0]) if pos else None
        if n is None:
            return pos[0] if pos else ""
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    currency = {"us$": "US$", "usd": "US$", "gbp": "£", "£": "£", "eur": "€", "€": "€", "a$": "A$",
                "aud": "A$", "ca$": "CA$", "cad": "CA$", "nz$": "NZ$", "jpy": "¥", "inr": "₹", "₹": "₹",
                "yen": "¥", "chf": "CHF ", "sek": "SEK ", "nok": "NOK ", "dkk": "DKK ", "hk$": "HK$",
                "r$": "R$", "brl": "R$", "cny": "CN¥", "rmb": "CN¥", "zar": "R", "$": "$", "usdollar": "US$"}
    if low in currency:
        return f"{currency[low]}{pos[0]}" if pos else currency[low].strip()
    if low in {"currency"}:
        code = (pos[1] if len(pos) > 1 else named.get("type", "USD")).lower()
        return f"{currency.get(code, code.upper() + ' ')}{pos[0] if pos else ''}"
    if low in {"flag", "flagcountry", "flagu", "flag country", "flagathlete"}:
        return pos[0] if pos else ""
    if low in {"quote", "blockquote", "cquote", "quotation", "centered pull quote", "poem quote"}:
        return (pos[0] if pos else named.get("text", "")) or ""
    if low in {"official website", "official"}:
        return "Official website"
    if low.startswith("imdb"):
        title = pos[1] if len(pos) > 1 else named.get("name", named.get("title", ""))
        return f"{title} at IMDb".strip()
    if low in {"increase", "decrease", "steady", "nodot", "dagger", "double-dagger", "ref label", "note label",
               "inflation", "inflation-fn", "inflation-year", "respell", "ipa", "ipac-en", "ipa-en", "audio",
               "pronunciation", "ipa-de", "ipa-fr"} or low.startswith("ipa"):
        return ""
    if low.startswith(DROP_PREFIXES) or low.endswith("navbox") or low.endswith("stub") or "-stub" in low:
        return ""
    return ""


def flatten_fragment(text: str, ctx: Context) -> str:
    """Wikitext (a parameter value, a ref's content) as flat text."""
    import mwparserfromhell

    return _flatten_nodes(mwparserfromhell.parse(text).nodes, ctx, collect_refs=False)


def _flatten_nodes(nodes, ctx: Context, collect_refs: bool) -> str:
    import mwparserfromhell.nodes as n

    out: list[str] = []
    for node in nodes:
        if isinstance(node, n.Text):
            out.append(str(node.value))
        elif isinstance(node, n.Wikilink):
            target = str(node.title).strip()
            prefix = target.split(":", 1)[0].strip().lower() if ":" in target else ""
            if prefix in {"file", "image", "category", "media"}:
                continue
            if target.startswith(":") and prefix == "":
                target = target[1:]
            if node.text is not None:
                out.append(_flatten_nodes(node.text.nodes, ctx, collect_refs))
            else:
                shown = target.lstrip(":")
                if shown.lower().startswith(("category:", "wikt:", "wiktionary:", "s:", "w:")):
                    shown = shown.split(":", 1)[1]
                out.append(shown.split("#")[0] if "#" in shown and not shown.startswith("#") else shown.lstrip("#"))
        elif isinstance(node, n.ExternalLink):
            if node.title is not None:
                out.append(_flatten_nodes(node.title.nodes, ctx, collect_refs))
            elif not node.brackets:
                out.append(str(node.url))
        elif isinstance(node, n.Template):
            name = str(node.name).strip().lower()
            if collect_refs and name in {"sfn", "sfnp", "harvnb"}:
                short = render_short_reference(node)
                ctx.add_ref("sfn:" + short, short)
                continue
            out.append(render_template(node, ctx))
        elif isinstance(node, n.Tag):
            tag = str(node.tag).strip().lower()
            if tag == "ref":
                if collect_refs:
                    name = node.get("name").value.strip().strip('"') if node.has("name") else None
                    content = None
                    if node.contents is not None and str(node.contents).strip():
                        content = render_reference(str(node.contents), ctx)
                    if node.has("group") and node.get("group").value.strip().strip('"').lower() in {"note", "n", "lower-alpha", "nb"}:
                        continue
                    ctx.add_ref(name, content)
                continue
            if tag in {"references", "gallery", "timeline", "table", "imagemap", "score", "graph",
                       "mapframe", "maplink", "templatestyles", "noinclude", "includeonly", "syntaxhighlight"}:
                continue
            if tag in {"br", "hr"}:
                out.append(" ")
                continue
            if tag in {"li", "dd", "dt"}:
                out.append("\n")
            if node.contents is not None:
                out.append(_flatten_nodes(node.contents.nodes, ctx, collect_refs))
        elif isinstance(node, n.HTMLEntity):
            out.append(node.normalize())
        elif isinstance(node, (n.Comment, n.Heading)):
            continue
        else:  # Argument and others
            continue
    return "".join(out)


def _clean(text: str) -> str:
    text = text.replace("\u00a0", " ")
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" +([,.;:!?)])", r"\1", text)
    text = re.sub(r"\( +", "(", text)
    text = re.sub(r"\(\s*[;,]\s*", "(", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r" {2,}", " ", text)
    return text.strip()


def _author(named: dict[str, str], ctx: Context) -> str:
    names = []
    for i in ["", "1", "2", "3", "4", "5"]:
        last = named.get(f"last{i}") or named.get(f"surname{i}") or (named.get("last") if i == "1" else None)
        first = named.get(f"first{i}") or named.get(f"given{i}") or (named.get("first") if i == "1" else None)
        author = named.get(f"author{i}") or (named.get("author") if i == "1" else None)
        if i == "1" and (named.get("last") or named.get("author")):
            continue  # already taken as the unnumbered one
        if last:
            names.append(f"{flatten_fragment(last, ctx)}, {flatten_fragment(first, ctx)}" if first else flatten_fragment(last, ctx))
        elif author:
            names.append(flatten_fragment(author, ctx))
    if not names and named.get("authors"):
        names.append(flatten_fragment(named["authors"], ctx))
    return "; ".join(n.strip() for n in names if n.strip())


def render_citation(template, ctx: Context) -> str:
    """One cite template as the CS1 style prints it."""
    _, named = _params(template)
    f = {k: _clean(flatten_fragment(v, ctx)) for k, v in named.items() if v.strip()}
    kind = str(template.name).strip().lower()
    author = _author(named, ctx)
    date = render_iso(f.get("date", ""), ctx.dmy) if f.get("date") else f.get("year", "")
    title = f.get("title", "") or f.get("chapter", "")
    work = f.get("work") or f.get("website") or f.get("newspaper") or f.get("journal") or f.get("magazine") \
        or f.get("periodical") or f.get("agency") or ""
    parts: list[str] = []
    if author:
        parts.append(f"{author} ({date})." if date else f"{author}.")
    if title:
        book = "book" in kind or "thesis" in kind or ("journal" not in kind and not work and "web" not in kind
                                                        and "news" not in kind)
        parts.append(f"{title}." if book else f'"{title}".')
    if f.get("chapter") and f.get("title") and f["chapter"] != f["title"]:
        parts.insert(len(parts) - 1, f'"{f["chapter"]}".')
    if work:
        parts.append(f"{work}.")
    if f.get("volume"):
        parts.append(f"{f['volume']}" + (f" ({f['issue']})." if f.get("issue") else "."))
    place = f.get("location") or f.get("place")
    if f.get("publisher"):
        parts.append(f"{place}: {f['publisher']}." if place else f"{f['publisher']}.")
    elif place:
        parts.append(f"{place}.")
    if date and not author:
        parts.append(f"{date}.")
    if f.get("page"):
        parts.append(f"p. {f['page']}.")
    elif f.get("pages"):
        parts.append(f"pp. {f['pages']}.")
    if f.get("isbn"):
        parts.append(f"ISBN {f['isbn']}.")
    if f.get("doi"):
        parts.append(f"doi:{f['doi']}.")
    if f.get("archive-date") or f.get("archivedate"):
        when = render_iso(f.get("archive-date") or f.get("archivedate"), ctx.dmy)
        parts.append(f"Archived from the original on {when}.")
    access = f.get("access-date") or f.get("accessdate")
    if access:
        parts.append(f"Retrieved {render_iso(access, ctx.dmy)}.")
    return _clean(" ".join(parts))


def render_short_reference(template) -> str:
    """``{{sfn|Smith|2001|p=5}}`` as "Smith 2001, p. 5."."""
    pos, named = _params(template)
    text = " ".join(p for p in pos if p)
    page = named.get("p") or named.get("page")
    pages = named.get("pp") or named.get("pages")
    if page:
        text += f", p. {page}"
    elif pages:
        text += f", pp. {pages}"
    return text + "."


def render_reference(content: str, ctx: Context) -> str:
    """A <ref>'s content: its cite templates rendered, the rest flattened."""
    import mwparserfromhell

    code = mwparserfromhell.parse(content)
    pieces: list[str] = []
    for node in code.nodes:
        if isinstance(node, mwparserfromhell.nodes.Template) and str(node.name).strip().lower().startswith(("cite", "citation", "harvnb", "sfn")):
            name = str(node.name).strip().lower()
            if name.startswith(("harvnb", "sfn")):
                pieces.append(render_short_reference(node))
            else:
                pieces.append(render_citation(node, ctx))
        else:
            pieces.append(_flatten_nodes([node], ctx, collect_refs=False))
    return _clean("".join(pieces))


def _section_title(section) -> str:
    heads = section.filter_headings(recursive=False)
    return str(heads[0].title).strip().lower() if heads else ""


def flatten_wikitext(text: str, title: str, today: tuple[int, int, int] = (2026, 12, 4)) -> str:
    """Raw wikitext as the corpus's flat text."""
    import mwparserfromhell

    ctx = Context(dmy="use mdy dates" not in text.lower(), today=today)
    code = mwparserfromhell.parse(text)
    body: list[str] = []
    see_also: list[str] = []
    links: list[str] = []
    sections = code.get_sections(levels=[2], include_lead=True, include_headings=True)
    for i, section in enumerate(sections):
        name = _section_title(section) if i else ""
        if name in REFERENCE_SECTIONS:
            # list-defined references (<references>...<ref name=x>...</ref></references>)
            holders = [t.contents for t in section.filter_tags(matches=lambda t: str(t.tag).lower() == "references")
                       if t.contents is not None]
            holders += [t.get("refs").value for t in section.filter_templates()
                        if str(t.name).strip().lower() == "reflist" and t.has("refs")]
            for holder in holders:
                for ref in holder.filter_tags(matches=lambda t: str(t.tag).lower() == "ref"):
                    if ref.has("name") and ref.contents is not None:
                        ctx.add_ref(ref.get("name").value.strip().strip('"'), render_reference(str(ref.contents), ctx))
            continue
        rendered = _flatten_nodes(section.nodes, ctx, collect_refs=True)
        lines = [_clean(line.lstrip("*#:;")) for line in rendered.split("\n")]
        lines = [line for line in lines if line and not line.startswith(("|", "{", "}", "!"))]
        if name in SEE_ALSO_SECTIONS:
            see_also.extend(lines)
        elif name in LINK_SECTIONS:
            links.extend(lines)
        else:
            body.extend(_paragraphs(rendered))
    out = [title, *body, *[r for r in ctx.refs if r], *see_also, *links]
    return "\n".join(out) + "\n"


def _paragraphs(rendered: str) -> list[str]:
    """Paragraphs (blank-line separated, list items one a line) with whitespace cleaned."""
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in rendered.split("\n"):
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if line.startswith(("|", "{|", "|}", "!")):
            continue
        if line[0] in "*#:;":
            if current:
                paragraphs.append(" ".join(current))
                current = []
            paragraphs.append(line.lstrip("*#:; "))
            continue
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return [p for p in (_clean(p) for p in paragraphs) if p and re.search(r"\w", p)]


# --- chinapedia pages (pandoc plain text) ---------------------------------------------------

_MARKER = re.compile(r"\[\d{1,3}\]")
_FILE = re.compile(r"^\S+\.(?:jpe?g|png|svg|gif|tiff?|webm|ogg)\b\s*", re.I)
_ITALIC = re.compile(r"(?<![\w_])_([^_\n]+?)_(?![\w_])")
_LIST = re.compile(r"^(?:-|\d+\.)\s+")
_TABLE = re.compile(r"-{5,}[ +]+-{3,}|^\s*-{5,}\s*$|^\s{2}\S.*?\S {3,}\S|^[+|][-=+|]{5,}|^\|.*\|\s*$", re.M)


def _restore_lead_name(paragraph: str, title: str) -> str:
    """The lead's bold name, printed in capitals by the converter, in its own case."""
    words = {w.lower(): w for w in re.findall(r"[\w.'-]+", title)}

    def fix(m: re.Match) -> str:
        word = m.group(0)
        if word.lower() in words:
            return words[word.lower()]
        return word if len(word) <= 1 else word[0] + word[1:].lower()

    caps = r"[A-ZÀ-Þ\"(][A-ZÀ-Þ.'\")-]*"
    run = re.search(rf"\b{caps}(?:[ ,]+{caps})*", paragraph[:300])
    if run is None or not re.search(r"[A-ZÀ-Þ]{2}", run.group(0)):
        return paragraph
    name = re.sub(r"\b[A-ZÀ-Þ][A-ZÀ-Þ.'-]+\b", fix, run.group(0))
    return paragraph[: run.start()] + name + paragraph[run.end():]


def flatten_chinapedia(text: str, title: str) -> str:
    """A chinapedia/wikipedia.abstract.en page as the corpus's flat text."""
    body_text, _, back = text.partition("\nReferences\n")
    blocks = [b for b in re.split(r"\n\s*\n", body_text)]
    body: list[str] = []
    for i, block in enumerate(blocks):
        if _TABLE.search(block):
            continue  # a pandoc simple or grid table
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        if not lines:
            continue
        bare = _MARKER.sub("", lines[0]).strip() if len(lines) == 1 else ""
        if bare and len(bare) < 80 and i and (
            not re.search(r"[.:!?\"”)]$", bare) or re.fullmatch(r"[^.:!?]+ \([\d–-]+\)", bare)
        ):
            continue  # a section heading
        if lines[0].startswith("|") or lines[0].startswith("Category:"):
            continue
        items: list[str] = []
        for line in lines:
            if _LIST.match(line):
                items.append(_LIST.sub("", line))
            elif items and not body_text.startswith(line):
                items[-1] += " " + line
            else:
                items.append(line)
        for item in items:
            item = _FILE.sub("", item)
            item = _MARKER.sub("", item)
            item = _ITALIC.sub(r"\1", item)
            item = item.replace("__NOTOC__", "").replace("''", "")  # wikitext quote marks pandoc left
            item = _clean(item)
            if item and re.search(r"\w", item):
                body.append(item)
    if body:
        body[0] = _restore_lead_name(body[0], title)
    refs: list[str] = []
    links: list[str] = []
    in_links = False
    for block in re.split(r"\n\s*\n", back):
        line = " ".join(block.split())
        if not line:
            continue
        if line in {"External links", "See also", "Further reading"}:
            in_links = True
            continue
        if line.startswith("Category:") or line.startswith("|-"):
            in_links = False
            continue
        m = re.match(r"^\[\d+\]\s*(.*)$", line)
        if m:
            if m.group(1).strip():
                refs.append(_clean(_ITALIC.sub(r"\1", m.group(1)).replace("''", "")))
            continue
        if in_links:
            for raw in block.split("\n"):
                item = raw.strip()
                while _LIST.match(item):
                    item = _LIST.sub("", item, count=1).strip()
                item = _clean(_ITALIC.sub(r"\1", item).replace("''", ""))
                if item and item != "-":
                    links.append(item)
    return "\n".join([title, *body, *refs, *links]) + "\n"


# --- README ---------------------------------------------------------------------------------


def write_readme(folder: Path = HERE) -> Path:
    """tests/corpus/real/README.md: every article's domain and provenance, from the keys."""
    rows = []
    for path in sorted(folder.glob("*.json")):
        key = json.loads(path.read_text(encoding="utf-8"))
        prov = key.get("provenance", {})
        where = f"{prov['repo']}:`{prov.get('path', '')}`" if prov.get("repo") else prov.get("address", "")
        commit = (prov.get("commit") or "")[:12]
        wiki = "yes" if (folder / f"{key['slug']}.wiki").exists() else "no"
        rows.append(
            f"| `{key['slug']}` | {key.get('title', '')} | {key.get('domain', '')}/{key.get('subdomain', '')} "
            f"| {where} | {commit} | {wiki} | {len(key.get('real', []))} | {len(key.get('traps', []))} "
            f"| {len(key.get('injections', []))} |"
        )
    text = "\n".join([
        "# Real articles (issue 10 corpus)",
        "",
        "Generated by `python tests/corpus/real/flatten.py --readme` from the `*.json` keys; do not edit by hand.",
        "Each article: `<slug>.txt` (flat text, the shape of `sources/never_let_me_go_2010.txt`), `<slug>.json`",
        "(the key: real inconsistencies, traps, injected errors; format in `/work/CORPUS_FORMAT.md`), and",
        "`<slug>.wiki` (raw wikitext) where the source had it. Licence of the article texts: CC BY-SA (Wikipedia).",
        "`benchmarks/corpus_accuracy.py` measures the checker on them.",
        "",
        "| slug | title | domain | source | commit | wiki | real | traps | injections |",
        "|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"{len(rows)} articles.",
        "",
    ])
    out = folder / "README.md"
    out.write_text(text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", help="raw wikitext file (or a chinapedia page with --from-chinapedia)")
    parser.add_argument("--from-chinapedia", action="store_true", help="the source is a chinapedia plain-text page")
    parser.add_argument("--title", help="article title (default: the file's stem with underscores as spaces)")
    parser.add_argument("--today", default="2026-12-04", help="date for {{birth date and age}} (YYYY-MM-DD)")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    parser.add_argument("--readme", action="store_true", help="write tests/corpus/real/README.md from the keys")
    args = parser.parse_args(argv)
    if args.readme:
        print(write_readme())
        return 0
    if not args.source:
        parser.error("give a source file or --readme")
    path = Path(args.source)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        print(f"flatten.py: cannot read {path}: {err.strerror}", file=sys.stderr)
        return 2
    title = args.title or path.stem.replace("_", " ")
    if args.from_chinapedia:
        flat = flatten_chinapedia(text, title)
    else:
        today = _dt.date.fromisoformat(args.today)
        flat = flatten_wikitext(text, title, (today.year, today.month, today.day))
    if args.output:
        Path(args.output).write_text(flat, encoding="utf-8")
    else:
        sys.stdout.write(flat)
    return 0


if __name__ == "__main__":
    sys.exit(main())

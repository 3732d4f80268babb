"""Wikitext read with mwparserfromhell: masks, reference markers, template values, infoboxes.

mwparserfromhell gives a tree whose nodes print back to exactly the source
(``str(parse(text)) == text``), so walking it while adding up the printed
lengths gives every node's offset in the original text; nothing is rewritten
and every span stays an offset into the file. The walk reports a
:class:`~.formats.Layout` like the other formats (masks, markers, references,
body and back matter), plus what the markup itself states:

* **template values** (``{{birth date|1934|4|4}}``, ``{{film date|...}}``,
  ``{{convert|12|km}}``, ``{{US$|15 million}}``, ``{{circa|1900}}``...): the
  typed value read from the template's parameters, never from rendered text
  (``data/markup.json``, ``value_templates``);
* **infobox fields**: each parameter of a known infobox that the data file
  ``data/infoboxes.json`` maps to an event, with the typed values of its value
  (unknown parameters are ignored, never guessed; parameter names are those of
  the English Wikipedia);
* the article's **date style** from ``{{Use dmy dates}}`` / ``{{Use mdy dates}}``.

mwparserfromhell is imported here, lazily, so importing the package stays cheap.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import regex

from .. import _lazyre
from .formats import Layout, MaskKind, _back_heading, _finish, _is_block, _lstrip, _References, _rstrip, markup_data

#: Deepest nesting walked (templates in links in references...).
_MAX_DEPTH = 40


@cache
def _nodes():
    """mwparserfromhell's node classes (imported on first use, not with the package)."""
    from mwparserfromhell import nodes

    return nodes


@cache
def infobox_data() -> dict:
    return json.loads(resources.files("nlmg_facts.data").joinpath("infoboxes.json").read_text("utf-8"))


@cache
def _infobox_index() -> dict[str, tuple[str, dict]]:
    """Infobox template name -> (domain, its parameter table)."""
    out: dict[str, tuple[str, dict]] = {}
    for domain, spec in infobox_data()["infoboxes"].items():
        for name in spec["names"]:
            out[name] = (domain, spec["params"])
    return out


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    return {
        # Constructs mwparserfromhell leaves as text because they are unclosed or stray.
        "stray": _lazyre.compile(
            r"\{\{|\}\}|\[\[|\]\]|\[(?=(?i:https?:|ftp:)?//)|'{2,}|__[A-Z]{2,30}__|^[*#:;]+|^-{4,}"
            r"|</?(?P<tag>[A-Za-z][A-Za-z0-9]{0,30})\b[^<>\n]{0,500}?/?>",
            regex.MULTILINE,
        ),
        "attr": _lazyre.compile(
            r"""(?P<key>name|group)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'/>]+))""",
            regex.IGNORECASE,
        ),
        "language": _lazyre.compile(r"^[a-z]{2,3}(?:-[a-z]{2,8}){0,2}$"),
        "number": _lazyre.compile(
            r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m)\b)?",
            regex.IGNORECASE,
        ),
        "year": _lazyre.compile(r"(?<!\d)(?P<year>1[0-9]{3}|20[0-9]{2})(?!\d)"),
        "int": _lazyre.compile(r"^\s*(\d{1,4})\s*$"),
        "heading": _lazyre.compile(r"^=[^\n]*=[^\S\n]*$", regex.MULTILINE),
        "list_start": _lazyre.compile(r"^[^\S\n]*(?:\{\{\s*(?i:reflist|references)\b|<references\b)", regex.MULTILINE),
        "table_edge": _lazyre.compile(r"^[^\S\n]*(?:(?P<open>\{\|)|(?P<close>\|\}))", regex.MULTILINE),
        # Something under a node that makes or uses a reference (the walk descends only there).
        "has_ref": _lazyre.compile(r"<ref|\{\{\s*(?:r|ref name|sfn[pm]?)\s*\|", regex.IGNORECASE),
        "ext_open": _lazyre.compile(r"\[(?=(?i:https?:|ftp:)?//)"),
        "ref_open": _lazyre.compile(r"<ref(?=[\s>])[^<>]{0,500}?(?<!/)>", regex.IGNORECASE),
        "ref_close": _lazyre.compile(r"</ref\s*>", regex.IGNORECASE),
    }


def template_key(name: str) -> str:
    """Lower-cased template name ('_' read as ' ', 'Template:' dropped, spaces squeezed)."""
    key = " ".join(name.replace("_", " ").split()).casefold()
    return key.removeprefix("template:").strip()


def _param_key(name) -> str:
    """A parameter's name as the data file spells it: trimmed, lower case (underscores kept)."""
    return str(name).strip().casefold()


# ------------------------------------------------------------------ results


@dataclass(frozen=True, slots=True)
class TemplateValue:
    """A typed value stated by template parameters: ``text[start:end]`` is the template (or its part)."""

    start: int
    end: int
    kind: str  # date | money | count | duration
    value: Any  # the claim value model (DateValue, MoneyValue, ...)
    template: str
    role: str | None = None  # a fixed event the template itself names ("birth" in death date and age)


@dataclass(slots=True)
class InfoboxField:
    """One recognised infobox parameter: where it is, what it states, the values read from it."""

    infobox: str  # template name, lower case
    domain: str  # person | organisation | work | club | place | event
    param: str
    start: int  # the whole ``| param = value`` line(s)
    end: int
    value_start: int
    value_end: int
    kind: str
    event: str
    qualifiers: dict[str, str]
    values: list[TemplateValue] = field(default_factory=list)
    subject_names: list[str] = field(default_factory=list)  # the infobox's name parameters, plain text


@dataclass(slots=True)
class WikiLayout(Layout):
    values: list[TemplateValue] = field(default_factory=list)
    infobox: list[InfoboxField] = field(default_factory=list)
    date_style: str | None = None


# ------------------------------------------------------------------ typed values


def _date(y: int | None, m: int | None = None, d: int | None = None):
    from ..models.claims import DateValue

    if y is None or not 1 <= y <= 9999:
        return None
    try:
        if m is None:
            return DateValue(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), precision="year", iso=f"{y:04d}")
        if d is None:
            last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)) if m else None
            return DateValue(start=dt.date(y, m, 1), end=last, precision="month", iso=f"{y:04d}-{m:02d}")
        day = dt.date(y, m, d)
    except ValueError:
        return None
    return DateValue(start=day, end=day, precision="day", iso=day.isoformat())


def _circa(y: int):
    from ..models.claims import DateValue

    lo, hi = y - 5, y + 5
    if lo < 1 or hi > 9999:
        return None
    return DateValue(
        start=dt.date(lo, 1, 1), end=dt.date(hi, 12, 31), precision="decade", iso=f"{lo:04d}/{hi:04d}", is_range=True
    )


def parse_amount(raw: str) -> tuple[float, float, float] | None:
    """``"15 million"`` / ``"1,200"`` / ``"3.1 bn"`` -> (stated, low, high) at the stated precision."""
    from ..extract.quantity import half_step, interval, scale_factor

    m = _patterns()["number"].search(raw)
    if m is None:
        return None
    numeral = m["num"]
    scale_word = (m["scale"] or "").lower()
    scale_word = {"bn": "billion", "m": "million"}.get(scale_word, scale_word)
    scale = scale_factor(scale_word) if scale_word else 1.0
    stated = float(numeral.replace(",", "")) * scale
    low, high = interval(stated, half_step(numeral, scale), _qualifier(raw[: m.start()]))
    return stated, low, high


def _qualifier(before: str) -> str | None:
    from ..extract.quantity import qualifier_before

    q = qualifier_before(before + " ", len(before) + 1) if before.strip() else None
    return q[0] if q else None


class _Params:
    """A template's parameters: positional values (1-based) and named ones, with spans."""

    def __init__(self, tpl, start: int, offsets: dict[int, int]) -> None:
        self.positional: list[tuple[str, int, int]] = []
        self.named: dict[str, tuple[str, int, int]] = {}
        for p in tpl.params:
            vs = offsets[id(p.value)]
            raw = str(p.value)
            if p.showkey:
                self.named[_param_key(p.name)] = (raw.strip(), vs, vs + len(raw))
            else:
                self.positional.append((raw.strip(), vs, vs + len(raw)))

    def pos(self, i: int) -> tuple[str, int, int] | None:
        return self.positional[i - 1] if 0 < i <= len(self.positional) else None

    def int_at(self, i: int) -> int | None:
        p = self.pos(i)
        if p is None:
            return None
        m = _patterns()["int"].match(p[0])
        return int(m.group(1)) if m else None


def _ymd_value(params: _Params, first: int, name: str, start: int, end: int, role: str | None = None):
    y, mo, d = params.int_at(first), params.int_at(first + 1), params.int_at(first + 2)
    if y is None:
        p = params.pos(first)
        if p is None:
            return None
        from ..extract.dates import parse_date

        value = parse_date(p[0])  # {{dts|15 September 2010}}: one parameter holds the date
    else:
        value = _date(y, mo if mo else None, d if (mo and d) else None)
    if value is None:
        return None
    return TemplateValue(start, end, "date", value, name, role)


def template_values(name: str, tpl, start: int, end: int, offsets: dict[int, int]) -> list[TemplateValue]:
    """The typed values a value-carrying template states, read from its parameters."""
    from ..models.claims import CountValue, MoneyValue

    spec = markup_data()["wikitext"]["value_templates"].get(name)
    if spec is None:
        return []
    params = _Params(tpl, start, offsets)
    kind = spec["kind"]
    out: list[TemplateValue] = []
    if kind == "date":
        if spec.get("circa"):
            y = params.int_at(1)
            v = _circa(y) if y is not None else None
            return [TemplateValue(start, end, "date", v, name)] if v is not None else []
        first = spec.get("first", 1)
        step = spec.get("repeat")
        if step:
            # {{film date|2013|9|6|TIFF|2013|10|18|UK}}: one (y, m, d, place) group per release.
            i = first
            while params.pos(i) is not None:
                group = [params.pos(i + k) for k in range(3) if params.pos(i + k) is not None and params.pos(i + k)[0]]
                if params.int_at(i) is None:
                    break
                v = _ymd_value(params, i, name, group[0][1], group[-1][2])
                if v is not None:
                    out.append(v)
                i += step
            return out
        v = _ymd_value(params, first, name, start, end, spec.get("event"))
        if v is not None:
            out.append(v)
        also = spec.get("also")
        if also and params.pos(also["first"]) is not None:
            ps = [params.pos(also["first"] + k) for k in range(3) if params.pos(also["first"] + k) is not None and params.pos(also["first"] + k)[0]]
            w = _ymd_value(params, also["first"], name, ps[0][1], ps[-1][2], also["role"])
            if w is not None:
                out.append(w)
        return out
    if kind == "money":
        p = params.pos(spec.get("amount", 1))
        parsed = parse_amount(p[0]) if p is not None else None
        if parsed is None:
            return []
        stated, low, high = parsed
        value = MoneyValue(stated=stated, low=low, high=high, currency=spec["currency"])
        return [TemplateValue(start, end, "money", value, name)]
    if kind == "count":
        p = params.pos(spec.get("amount", 1))
        unit = params.pos(spec.get("unit", 2))
        parsed = parse_amount(p[0]) if p is not None else None
        if parsed is None:
            return []
        stated, low, high = parsed
        noun = unit[0].casefold() if unit is not None and unit[0] else None
        return [TemplateValue(start, end, "count", CountValue(stated=stated, low=low, high=high, noun=noun), name)]
    return []


# ------------------------------------------------------------------ the walk


@cache
def _wikitext_tables() -> dict[str, Any]:
    w = markup_data()["wikitext"]
    return {
        "hidden_tags": frozenset(w["hidden_tags"]),
        "hidden_ns": frozenset(w["hidden_namespaces"]),
        "transparent": {k: int(v) for k, v in w["transparent_templates"].items()},
        "ref_templates": frozenset(w["reference_templates"]),
        "space_templates": frozenset(w["space_templates"]),
        "short_citations": tuple(w["short_citation_templates"]),
        "space_entities": frozenset(w["space_entities"]),
        "date_styles": w["date_style_templates"],
    }


def _attrs(raw: str) -> dict[str, str]:
    out = {}
    for m in _patterns()["attr"].finditer(raw):
        value = m["dq"] if m["dq"] is not None else m["sq"] if m["sq"] is not None else m["bare"]
        out[m["key"].lower()] = value.strip()
    return out


class _Walker:
    def __init__(self, text: str) -> None:
        self.text = text
        self.masks: list[tuple[int, int, MaskKind]] = []
        self.refs = _References()
        self.values: list[TemplateValue] = []
        self.infobox: list[InfoboxField] = []
        self.date_style: str | None = None
        self.t = _wikitext_tables()
        self.offsets: dict[int, int] = {}  # id(wikicode) -> its start, for parameter spans
        self.tables: list[tuple[int, int]] = []  # table spans: references there are not markers

    def mask(self, start: int, end: int, kind: MaskKind = "markup") -> None:
        if end > start:
            self.masks.append((start, end, kind))

    # ---------------------------------------------------------- wikicode

    def code(self, wikicode, pos: int, body: bool, depth: int) -> int:
        """Walk the nodes of ``wikicode`` starting at ``pos``; returns the end offset."""
        self.offsets[id(wikicode)] = pos
        for node in wikicode.nodes:
            pos = self.node(node, pos, body, depth)
        return pos

    def skip(self, wikicode, pos: int) -> int:
        self.offsets[id(wikicode)] = pos
        return pos + len(str(wikicode))

    def node(self, node, pos: int, body: bool, depth: int) -> int:
        N = _nodes()

        s = str(node)
        end = pos + len(s)
        if isinstance(node, N.Text):
            self.stray(pos, end)
        elif isinstance(node, N.Comment):
            self.mask(pos, end, "break" if _is_block(self.text, pos, end) else "markup")
        elif isinstance(node, N.HTMLEntity):
            self.mask(pos, end, "space" if s in self.t["space_entities"] else "markup")
        elif isinstance(node, N.Heading):
            self.mask(pos, end, "break")
        elif depth >= _MAX_DEPTH:
            self.mask(pos, end)
        elif isinstance(node, N.Template):
            self.template(node, pos, end, body, depth)
        elif isinstance(node, N.Wikilink):
            self.wikilink(node, pos, end, body, depth)
        elif isinstance(node, N.ExternalLink):
            self.external(node, pos, end, body, depth)
        elif isinstance(node, N.Tag):
            self.tag(node, pos, end, body, depth)
        else:  # Argument {{{1}}} and anything else: not prose
            self.mask(pos, end)
        return end

    def stray(self, lo: int, hi: int) -> None:
        """Text: prose, but for unclosed or stray markup mwparserfromhell leaves as text."""
        text = self.text
        seg = text[lo:hi]
        if not any(c in seg for c in "{}[]'<_*#:;-"):  # most text: no scan
            return
        for m in _patterns()["stray"].finditer(text, lo, hi):
            tok = m.group()
            if tok.startswith("'"):
                n = len(tok)
                keep = 1 if n == 4 else max(0, n - 5)
                self.mask(m.start() + keep, m.end())
            elif tok[0] in "*#:;-" and m.start() > 0 and text[m.start() - 1] != "\n":
                continue  # a list mark only at a line start (the pattern's ^ is per line)
            elif m["tag"] is not None and m["tag"].lower() in self.t["hidden_tags"] and not tok.startswith("</"):
                # An extension tag the parser left as text (its content broke it): hide to its end.
                close = text.lower().find("</" + m["tag"].lower(), m.end())
                end = len(text) if close == -1 else text.find(">", close) + 1 or len(text)
                self.mask(m.start(), end, "break" if _is_block(text, m.start(), end) else "markup")
            else:
                self.mask(m.start(), m.end(), "break" if tok[0] in "*#:;-" else "markup")

    # ---------------------------------------------------------- links

    def wikilink(self, node, pos: int, end: int, body: bool, depth: int) -> None:
        title = str(node.title)
        if ":" in title:
            prefix = title.split(":", 1)[0].strip().casefold()
            if prefix in self.t["hidden_ns"] or _patterns()["language"].match(prefix):
                self.hide(node, pos, end, body, depth)
                return
        if node.text is not None:
            ts = pos + 2 + len(title) + 1
            self.mask(pos, ts)
            self.skip(node.title, pos + 2)
            self.code(node.text, ts, body, depth + 1)
        else:
            self.mask(pos, pos + 2)
            self.code(node.title, pos + 2, body, depth + 1)
        self.mask(end - 2, end)

    def external(self, node, pos: int, end: int, body: bool, depth: int) -> None:
        if not node.brackets or node.title is None or not str(node.title).strip():
            self.mask(pos, end)  # a bare address, or [url] which renders as a number
            return
        url = str(node.url)
        ts = pos + 1 + len(url) + (0 if node.suppress_space else 1)
        ts = _lstrip(self.text, ts, end - 1)
        self.mask(pos, ts)
        self.code(node.title, pos + 1 + len(url) + (0 if node.suppress_space else 1), body, depth + 1)
        self.mask(end - 1, end)

    # ---------------------------------------------------------- hiding

    def hide(self, node, pos: int, end: int, body: bool, depth: int, block: bool | None = None) -> None:
        """Mask ``node`` whole but keep the references inside it (and what they define)."""
        if block is None:
            block = _is_block(self.text, pos, end)
        kind: MaskKind = "break" if block else "markup"
        since = len(self.masks)
        self._refs_inside(node, pos, body, depth, end)
        self.mask_around(pos, end, kind, since)

    def mask_around(self, start: int, end: int, kind: MaskKind, since: int) -> None:
        """Mask ``[start, end)`` but for the references masked since ``since`` (their notes stay notes)."""
        if since == len(self.masks):
            self.mask(start, end, kind)
            return
        inner = sorted((s, e) for s, e, _ in self.masks[since:])
        pos = start
        for s, e in inner:
            if s > pos:
                self.mask(pos, s, kind)
            pos = max(pos, e)
        self.mask(pos, end, kind)

    def _refs_inside(self, node, pos: int, body: bool, depth: int, end: int | None = None) -> None:
        """The references anywhere under ``node``, at their exact offsets."""
        if depth >= _MAX_DEPTH:
            return
        # (the node's text is the original text at its offsets: searched in place, no copy)
        if end is None:
            end = pos + len(str(node))
        if not _patterns()["has_ref"].search(self.text, pos + 1, end):
            return
        for code, cpos in _children(node, pos, self.offsets):
            self._refs_in_code(code, cpos, body, depth + 1)

    def _refs_in_code(self, wikicode, pos: int, body: bool, depth: int) -> None:
        N = _nodes()

        for sub in wikicode.nodes:
            sl = len(str(sub))
            if isinstance(sub, N.Tag) and str(sub.tag).strip().lower() == "ref":
                self.reference(sub, pos, pos + sl, body=body, depth=depth + 1)
            elif isinstance(sub, N.Template) and self._is_ref_template(template_key(str(sub.name))):
                self.template(sub, pos, pos + sl, body, depth + 1)
            elif not isinstance(sub, (N.Text, N.Comment, N.HTMLEntity)):
                self._refs_inside(sub, pos, False, depth + 1)
            pos += sl

    def _is_ref_template(self, name: str) -> bool:
        return name in self.t["ref_templates"] or name.startswith(self.t["short_citations"])

    # ---------------------------------------------------------- templates

    def template(self, node, pos: int, end: int, body: bool, depth: int) -> None:
        name = template_key(str(node.name))
        t = self.t
        if name in t["transparent"]:
            _template_offsets(node, pos, self.offsets)
            k = t["transparent"][name]
            positional = [q for q in node.params if not q.showkey]
            if len(positional) >= k:
                value = positional[k - 1].value
                vs = self.offsets[id(value)]
                self.mask(pos, vs)
                self.code(value, vs, body, depth + 1)
                self.mask(vs + len(str(value)), end)
                return
        if name in t["space_templates"]:
            self.mask(pos, end, "space")
            return
        if name in t["ref_templates"]:
            for q in node.params:
                label = str(q.value).strip()
                if label and not q.showkey:
                    self.refs.use(self.refs.key(label), (pos, end, label) if body else None)
            self.mask(pos, end)
            return
        if name.startswith(t["short_citations"]):
            # {{sfn|Lee|2010|p=5}}: a footnote holding a short citation; identical ones are one note.
            key = "sfn:" + "|".join(" ".join(str(q).split()) for q in node.params)
            self.refs.use(key, (pos, end, "") if body else None)
            self.refs.define(key, (pos, end))
            self.mask(pos, end)
            return
        if name in ("reflist", "references") or name.startswith("reflist"):
            self.list_defined(node, pos, end)
            self.mask(pos, end, "break" if _is_block(self.text, pos, end) else "markup")
            return
        if name in t["date_styles"]:
            self.date_style = self.date_style or t["date_styles"][name]
        values = []
        if name in markup_data()["wikitext"]["value_templates"]:
            _template_offsets(node, pos, self.offsets)
            values = template_values(name, node, pos, end, self.offsets)
        if values:
            self.values.extend(values)
            since = len(self.masks)
            self._refs_inside(node, pos, body, depth, end)
            self.mask_around(pos, end, "markup", since)
            return
        box = _infobox_index().get(name)
        if box is not None:
            _template_offsets(node, pos, self.offsets)
            self.read_infobox(name, box, node, pos, end, depth)
            return
        self.hide(node, pos, end, body, depth)

    def list_defined(self, node, pos: int, end: int) -> None:
        """References defined in ``{{reflist|refs=...}}`` / ``<references>...</references>``."""
        for code, cpos in _children(node, pos, self.offsets):
            self._definitions(code, cpos, 0)

    def _definitions(self, wikicode, pos: int, depth: int) -> None:
        N = _nodes()

        for sub in wikicode.nodes:
            sl = len(str(sub))
            if isinstance(sub, N.Tag) and str(sub.tag).strip().lower() == "ref":
                if not sub.self_closing:
                    cs, ce = self._contents(sub, pos, pos + sl)
                    name = _attrs("".join(str(a) for a in sub.attributes)).get("name") or None
                    self.refs.define(self.refs.key(name), (_lstrip(self.text, cs, ce), _rstrip(self.text, cs, ce)))
            elif not isinstance(sub, (N.Text, N.Comment, N.HTMLEntity)) and depth < _MAX_DEPTH:
                for code, cpos in _children(sub, pos, self.offsets):
                    self._definitions(code, cpos, depth + 1)
            pos += sl

    # ---------------------------------------------------------- infoboxes

    def read_infobox(self, name: str, box: tuple[str, dict], node, pos: int, end: int, depth: int) -> None:
        domain, table = box
        since = len(self.masks)
        named = {_param_key(q.name): q for q in node.params if q.showkey}
        names = []
        for key in infobox_data()["subject_params"]:
            q = named.get(key)
            if q is not None and (plain := " ".join(q.value.strip_code().split())):
                names.append(plain)
        for q in node.params:
            vs = self.offsets[id(q.value)]
            ve = vs + len(str(q.value))
            # References in an infobox are markers of the field they follow (they render there).
            self._refs_in_code(q.value, vs, True, depth + 1)
            if not q.showkey:
                continue
            key = _param_key(q.name)
            spec = table.get(key)
            if spec is None or not str(q.value).strip():
                continue
            ls = self.offsets[id(q.name)] - 1  # the "|" before the name
            fs, fe = ls, _rstrip(self.text, vs, ve)
            quals = dict(spec.get("qualifiers", {}))
            year_param = spec.get("year_param")
            values = self.field_values(q.value, vs, spec)
            if spec.get("year_in_value") or year_param:
                year = self._year_of(named.get(year_param) if year_param else None, q.value, values)
                if year is not None:
                    quals["year"] = year
            if values:
                self.infobox.append(InfoboxField(
                    infobox=name, domain=domain, param=key, start=fs, end=fe, value_start=vs, value_end=ve,
                    kind=spec["kind"], event=spec["event"], qualifiers=quals, values=values, subject_names=names,
                ))
        self.mask_around(pos, end, "break", since)

    def field_values(self, wikicode, vs: int, spec: dict) -> list[TemplateValue]:
        """Typed values of one infobox field: its value templates, else its plain text."""
        N = _nodes()

        kind = spec["kind"]
        out: list[TemplateValue] = []
        pos = vs
        for sub in wikicode.nodes:
            sl = len(str(sub))
            if isinstance(sub, N.Template):
                name = template_key(str(sub.name))
                _template_offsets(sub, pos, self.offsets)
                if name in self.t["transparent"] or name in ("plainlist", "ubl", "unbulleted list", "flatlist", "hlist"):
                    for param in sub.params:
                        if not param.showkey:
                            out.extend(self.field_values(param.value, self.offsets[id(param.value)], spec))
                else:
                    out.extend(v for v in template_values(name, sub, pos, pos + sl, self.offsets)
                               if v.kind == kind and v.role in (None, spec["event"]))
            pos += sl
        if out:
            return out
        return _plain_values(self.text, vs, vs + len(str(wikicode)), wikicode, spec)

    def _year_of(self, param, value, values: list[TemplateValue]) -> str | None:
        """The year a figure is given for: its own parameter (``population_as_of``) or "(2020)" after it."""
        raw = str(param.value) if param is not None else ""
        if not raw:
            raw = str(value)
            if values:
                # the year after the figure, not a digit of the figure itself
                raw = raw[values[-1].end - self.offsets[id(value)]:]
        m = _patterns()["year"].search(raw)
        return m["year"] if m else None

    # ---------------------------------------------------------- tags

    def tag(self, node, pos: int, end: int, body: bool, depth: int) -> None:
        text = self.text
        name = str(node.tag).strip().lower()
        if node.wiki_markup:
            markup = node.wiki_markup
            if markup in ("''", "'''"):
                cs = pos + len(markup)
                self.mask(pos, cs)
                self.code(node.contents, cs, body, depth + 1)
                self.mask(end - len(node.closing_wiki_markup or ""), end)
            elif markup.startswith("{|"):
                self.hide(node, pos, end, body, depth, block=True)
            else:  # list bullets, definition marks, horizontal rules, table cells
                self.mask(pos, end, "break")
            return
        if name == "ref":
            self.reference(node, pos, end, body, depth)
            return
        if name == "references":
            if not node.self_closing:
                self.list_defined(node, pos, end)
            self.mask(pos, end, "break" if _is_block(text, pos, end) else "markup")
            return
        if name in self.t["hidden_tags"] or node.self_closing or node.invalid:
            block = not node.self_closing and _is_block(text, pos, end)
            self.mask(pos, end, "break" if block else "markup")
            return
        if name == "nowiki":
            cs, ce = self._contents(node, pos, end)
            self.mask(pos, cs)
            self.mask(ce, end)
            return
        cs, ce = self._contents(node, pos, end)
        self.mask(pos, cs)
        self.code(node.contents, cs, body, depth + 1)
        self.mask(ce, end)

    def _contents(self, node, pos: int, end: int) -> tuple[int, int]:
        contents = str(node.contents)
        ce = end - len("</" + str(node.closing_tag) + ">")
        return ce - len(contents), ce

    def reference(self, node, pos: int, end: int, body: bool, depth: int) -> None:
        """One ``<ref ...>``: a marker, a definition, or both."""
        if body and self.tables:
            i = bisect_right(self.tables, (pos, len(self.text))) - 1
            body = not (i >= 0 and self.tables[i][0] <= pos < self.tables[i][1])
        attrs = _attrs("".join(str(a) for a in node.attributes))
        if node.self_closing:
            self.mask(pos, end)
            if not attrs.get("group"):
                name = attrs.get("name") or None
                self.refs.use(self.refs.key(name), (pos, end, name or "") if body else None)
            return
        cs, ce = self._contents(node, pos, end)
        self.mask(pos, cs)
        self.mask(ce, end)
        self.mask(cs, ce, "note")
        if attrs.get("group"):
            return  # grouped refs are explanatory notes ([note 1]), not citations
        name = attrs.get("name") or None
        key = self.refs.key(name)
        self.refs.use(key, (pos, end, name or "") if body else None)
        self.refs.define(key, (_lstrip(self.text, cs, ce), _rstrip(self.text, cs, ce)))
        self.code(node.contents, cs, False, depth + 1)


# ------------------------------------------------------------------ offsets


def _template_offsets(node, pos: int, offsets: dict[int, int]) -> None:
    """Record where a template's name and each parameter's name and value start."""
    p = pos + 2
    offsets[id(node.name)] = p
    p += len(str(node.name))
    for param in node.params:
        p += 1  # "|"
        if param.showkey:
            offsets[id(param.name)] = p
            p += len(str(param.name)) + 1  # "="
        offsets[id(param.value)] = p
        p += len(str(param.value))


def _children(node, pos: int, offsets: dict[int, int]):
    """(wikicode, start offset) of each child of ``node`` that can hold prose or references."""
    N = _nodes()

    s = str(node)
    if isinstance(node, N.Template):
        _template_offsets(node, pos, offsets)
        for param in node.params:
            yield param.value, offsets[id(param.value)]
    elif isinstance(node, N.Wikilink):
        yield node.title, pos + 2
        if node.text is not None:
            yield node.text, pos + 2 + len(str(node.title)) + 1
    elif isinstance(node, N.ExternalLink):
        if node.brackets and node.title is not None:
            yield node.title, pos + 1 + len(str(node.url)) + (0 if node.suppress_space else 1)
    elif isinstance(node, N.Heading):
        yield node.title, pos + node.level
    elif isinstance(node, N.Tag) and not node.self_closing:
        contents = str(node.contents)
        close = len(node.closing_wiki_markup or "") if node.wiki_markup else len("</" + str(node.closing_tag) + ">")
        yield node.contents, pos + len(s) - close - len(contents)


# ------------------------------------------------------------------ plain infobox values


def _plain_values(text: str, lo: int, hi: int, wikicode, spec: dict) -> list[TemplateValue]:
    """A field without value templates: the first value of its kind in its text, markup blanked."""
    from ..models.document import blank

    sub = text[lo:hi]
    view = blank(sub, [(s - lo, e - lo, " ") for s, e in _markup_spans(wikicode, lo)])
    kind = spec["kind"]
    found: list[tuple[int, int, Any]] = []
    if kind == "date":
        from ..extract.dates import find_dates

        found = [(s, e, v) for s, e, v in find_dates(view) if v.resolved]
        if not found and (m := regex.match(r"\s*(\d{4})\s*(?:$|[(,;–-])", view)):
            v = _date(int(m.group(1)))
            found = [(m.start(1), m.end(1), v)] if v else []
    elif kind == "money":
        from ..extract.money import find

        found = [(m.start, m.end, m.value) for m in find(view)]
    elif kind == "duration":
        from ..extract.durations import find

        found = [(m.start, m.end, m.value) for m in find(view)]
    elif kind == "count":
        from ..models.claims import CountValue

        m = _patterns()["number"].search(view)
        if m is not None and not view[: m.start()].strip(" ~≈c.").strip():
            parsed = parse_amount(view[m.start():])
            if parsed is not None:
                stated, low, high = parsed
                found = [(m.start(), m.end(), CountValue(stated=stated, low=low, high=high, noun=spec.get("noun")))]
    if not found:
        return []
    if not spec.get("all"):
        found = found[:1]
    return [TemplateValue(lo + s, lo + e, kind, v, "") for s, e, v in found]


def _markup_spans(wikicode, pos: int) -> list[tuple[int, int]]:
    """Spans of refs, comments, templates and tags in a field value (link brackets too): not its text."""
    N = _nodes()

    out = []
    for sub in wikicode.nodes:
        sl = len(str(sub))
        if isinstance(sub, N.Wikilink):
            title = str(sub.title)
            if sub.text is not None:
                out.append((pos, pos + 2 + len(title) + 1))
            else:
                out.append((pos, pos + 2))
            out.append((pos + sl - 2, pos + sl))
        elif isinstance(sub, N.Tag) and sub.wiki_markup in ("''", "'''"):
            out.append((pos, pos + len(sub.wiki_markup)))
            out.append((pos + sl - len(sub.wiki_markup), pos + sl))
        elif isinstance(sub, N.HTMLEntity):
            pass
        elif not isinstance(sub, N.Text):
            out.append((pos, pos + sl))
        pos += sl
    return out


# ------------------------------------------------------------------ entry point

#: Stands in for an opener that nothing closes (same length, plain text to the parser).
_INERT = "\x1a"


def neutralise_unclosed(text: str) -> str:
    """``text`` with the openers nothing closes (``[[``, ``{{``, ``[http``, ``<ref>``) made inert.

    mwparserfromhell backtracks on each unclosed construct and retries, which is
    quadratic on input full of them (a thousand ``[[a|`` take seconds). The
    openers that cannot close are found in one linear pass (brackets paired with
    a stack; an external link closes on its own line; a reference before the
    last ``</ref>``) and replaced by as many inert characters, so lengths and
    offsets are unchanged and the walk masks them as stray markup.
    """
    from .formats import pair_brackets

    spans: list[tuple[int, int]] = []
    if "[[" in text or "{{" in text:
        pairs = pair_brackets(text)
        for m in regex.finditer(r"\{\{|\[\[", text):
            if m.start() not in pairs:
                spans.append((m.start(), m.end()))
    if "[" in text:
        for m in _patterns()["ext_open"].finditer(text):
            line_end = text.find("\n", m.start())
            close = text.find("]", m.start(), len(text) if line_end == -1 else line_end)
            if close == -1:
                spans.append((m.start(), m.end()))
    if "<ref" in text.lower():
        closes = [m.start() for m in _patterns()["ref_close"].finditer(text)]
        last = closes[-1] if closes else -1
        for m in _patterns()["ref_open"].finditer(text):
            if m.start() > last:
                spans.append((m.start(), m.start() + 4))
    if not spans:
        return text
    from ..models.document import blank

    return blank(text, [(a, b, _INERT) for a, b in spans])


def wikitext_layout(text: str) -> WikiLayout:
    """Masks, markers, references, template values and infobox fields of a wikitext article."""
    import mwparserfromhell
    N = _nodes()

    # Emphasis quotes are left to the walk (MediaWiki's own rule, per run of quotes): the
    # parser's style tags span lines and swallow links and references when unbalanced.
    tables = _tables(text)
    tree = mwparserfromhell.parse(_without_tables(neutralise_unclosed(text), tables), skip_style_tags=True)
    walker = _Walker(text)
    walker.tables = tables
    # The body ends at the first back-matter heading line, else at the reference list
    # (by line, so a heading the parser folded into an unclosed construct still counts).
    boundary = None
    for m in _patterns()["heading"].finditer(text):
        if _back_heading(m.group()):
            boundary = m.start()
            break
    if boundary is None:
        m = _patterns()["list_start"].search(text)
        boundary = m.start() if m is not None else None
    pos = 0
    for node in tree.nodes:
        pos = walker.node(node, pos, boundary is None or pos < boundary, 0)
    for start, end in tables:
        walker.mask(start, end, "break")  # tables: never prose
    base = _finish(text, boundary, _merged(walker.masks), walker.refs)
    return WikiLayout(
        body=base.body, back_matter=base.back_matter, masks=base.masks, markers=base.markers,
        references=base.references, values=walker.values, infobox=walker.infobox, date_style=walker.date_style,
    )


def _merged(masks: list[tuple[int, int, MaskKind]]) -> list[tuple[int, int, MaskKind]]:
    """Masks with touching or overlapping runs of one kind joined (fewer, same coverage)."""
    out: list[tuple[int, int, MaskKind]] = []
    for start, end, kind in sorted(masks, key=lambda m: (m[0], -m[1])):
        if out and out[-1][2] == kind and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end, kind)
            continue
        out.append((start, end, kind))
    return out


def _without_tables(text: str, tables: list[tuple[int, int]]) -> str:
    """``text`` with each table blanked but for the references in it (same length).

    A table is never prose, and building its cells is most of the parser's time on
    table-heavy articles (an 80 KB awards list: 0.8 s, then 0.05 s); its
    references still define and number citations, so they are kept for the parser.
    """
    if not tables:
        return text
    from ..models.document import blank

    spans = []
    low = text.lower()
    for start, end in tables:
        pos = start
        i = low.find("<ref", pos, end)
        while i != -1:
            m = _patterns()["ref_open"].match(text, i, end)
            tag_end = text.find(">", i, end)
            if tag_end == -1:
                break
            stop = tag_end + 1
            if m is not None:  # a reference with content: keep it to its </ref>
                c = _patterns()["ref_close"].search(text, stop, end)
                if c is None:
                    break
                stop = c.end()
            spans.append((pos, i))
            pos = stop
            i = low.find("<ref", pos, end)
        spans.append((pos, end))
    return blank(text, [(a, b, " ") for a, b in spans if b > a])


def _tables(text: str) -> list[tuple[int, int]]:
    """Spans of ``{|`` ... ``|}`` tables paired by line (nested ones inside their outer table)."""
    if "{|" not in text:
        return []
    stack: list[int] = []
    out: list[tuple[int, int]] = []
    for m in _patterns()["table_edge"].finditer(text):
        if m["open"] is not None:
            stack.append(m.start())
        elif stack:
            start = stack.pop()
            if not stack:
                end = text.find("\n", m.end())
                out.append((start, len(text) if end == -1 else end))
    return out

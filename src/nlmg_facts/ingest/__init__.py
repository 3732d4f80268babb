"""Ingestion: raw text -> Document (body, back matter, sentences with spans).

Plain flattened text, wikitext and Markdown are read; marked-up formats keep
offsets into the original text and describe their markup as masks (see
``formats.py``).
"""

from __future__ import annotations

from ..models import Document, Marker, Mask, Sentence, Span
from ..models.document import StatedValue, blank
from .backmatter import find_back_matter
from .formats import INPUT_FORMATS, InputFormat, detect_format, layout
from .reader import Source, decode, expand_paths, read_source
from .segment import segment

__all__ = [
    "ingest", "Source", "decode", "detect_format", "expand_paths", "find_back_matter", "read_source",
    "segment", "INPUT_FORMATS", "InputFormat",
]

_BOM = "\ufeff"


def ingest(text: str, name: str = "<text>", format: InputFormat = "auto") -> Document:
    """Parse article text (plain, wikitext or Markdown) into a Document.

    ``format="auto"`` reads ``.wiki``/``.wikitext``/``.mediawiki`` files as
    wikitext and ``.md``/``.markdown`` as Markdown, and otherwise looks at the
    text (``<ref>`` or ``{{cite`` -> wikitext; ``[^x]`` footnotes with their
    ``[^x]:`` definitions -> Markdown; else plain). Offsets are into ``text``
    exactly as given: a leading byte-order mark is kept in ``Document.text``
    and simply lies outside the body.
    """
    fmt = detect_format(text, name, format)
    if fmt != "plain":
        return _ingest_marked(text, name, fmt)
    first = len(text) - len(text.lstrip(_BOM + " \t\r\n\f\v"))
    boundary = find_back_matter(text)
    body_end = _rstrip(text, first, len(text) if boundary is None else boundary)
    sentences = [
        Sentence(index=i, span=Span(start=s, end=e), section="body")
        for i, (s, e) in enumerate(segment(text, first, body_end))
    ]
    back = None
    if boundary is not None:
        back = Span(start=boundary, end=_rstrip(text, boundary, len(text)))
    return Document(
        name=name,
        text=text,
        body=Span(start=first, end=max(first, body_end)),
        back_matter=back,
        sentences=sentences,
    )


def _rstrip(text: str, lo: int, hi: int) -> int:
    return lo + len(text[lo:hi].rstrip())


def _ingest_marked(text: str, name: str, fmt: str) -> Document:
    """Wikitext or Markdown: segment the prose with the markup blanked, same offsets."""
    lay = layout(text, fmt)  # type: ignore[arg-type]
    view = blank(text, [(s, e, "\n" if k == "break" else " ") for s, e, k in lay.masks])
    spans = [(s, e, "body") for s, e in segment(view, *lay.body)]
    fields = getattr(lay, "infobox", [])
    # Each recognised infobox field is a sentence of its own (section "infobox"), so its
    # claims have a sentence to quote and its <ref> markers a sentence to link.
    spans.extend((f.start, f.end, "infobox") for f in fields)
    spans.sort()
    sentences = [Sentence(index=i, span=Span(start=s, end=e), section=k) for i, (s, e, k) in enumerate(spans)]
    field_sentence = {f.start: i for i, (s, _, k) in enumerate(spans) if k == "infobox" for f in fields if f.start == s}
    back = lay.back_matter
    return Document(
        name=name,
        text=text,
        format=fmt,
        body=Span(start=lay.body[0], end=lay.body[1]),
        back_matter=None if back is None else Span(start=back[0], end=back[1]),
        sentences=sentences,
        markers=[
            Marker(span=Span(start=m.start, end=m.end), label=m.label, reference=m.reference)
            for m in lay.markers
        ],
        masked=[Mask(span=Span(start=s, end=e), kind=k) for s, e, k in lay.masks],
        reference_spans=[Span(start=s, end=e) for s, e in lay.references],
        stated=_stated(getattr(lay, "values", []), fields, field_sentence),
        date_style=getattr(lay, "date_style", None),
    )


def _stated(values, fields, field_sentence: dict[int, int]) -> list[StatedValue]:
    """Template values of the prose and infobox field values, as models."""
    out = [
        StatedValue(span=Span(start=v.start, end=v.end), kind=v.kind, value=v.value, template=v.template, event=v.role)
        for v in values
    ]
    for f in fields:
        for v in f.values:
            out.append(StatedValue(
                span=Span(start=v.start, end=v.end), kind=v.kind, value=v.value, source="infobox",
                template=v.template, infobox=f.infobox, param=f.param, domain=f.domain, event=f.event,
                qualifiers=f.qualifiers, sentence=field_sentence.get(f.start), subject_names=f.subject_names,
            ))
    return out

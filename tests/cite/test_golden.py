"""Golden dump of the bundled article's citations and sentence links (pytest-regressions).

Regenerate with ``--force-regen`` only after reading the diff.
"""

from __future__ import annotations

from nlmg_facts.cite import cite_document


def _slim(c: dict) -> dict:
    out = {"id": c["id"], "kind": c["kind"], "span": [c["span"]["start"], c["span"]["end"]], "fields": c["fields"]}
    for f in ("title", "work", "publisher", "location", "page"):
        if c.get(f):
            out[f] = c[f]["text"]
    for f in ("date", "access_date"):
        if c.get(f):
            out[f] = (c[f]["value"] or {}).get("iso") or c[f]["text"]
    if c.get("archive"):
        out["archive"] = ((c["archive"]["date"] or {}).get("value") or {}).get("iso")
    out["authors"] = [[a["surname"], a["given"]] for a in c["authors"]]
    out["tags"] = [t["text"] for t in c["tags"]]
    return out


def test_bundled_article_citations_and_links_match_the_golden_file(sample_doc, data_regression):
    result = cite_document(sample_doc, [])
    dump = result.model_dump(mode="json")
    data_regression.check(
        {
            "citations": [_slim(c) for c in dump["citations"]],
            # Sentence indices follow segmentation; confidences are rounded to damp float noise.
            "sentence_links": [
                [s["sentence"], s["citation"], s["method"], round(s["confidence"], 2)]
                for s in dump["sentence_links"] if s["citation"] is not None
            ],
        },
        basename="bundled_article_citations",
    )

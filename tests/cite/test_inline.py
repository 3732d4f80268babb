"""Citations of marked-up input: cite templates read parameter by parameter."""

from __future__ import annotations

import pytest

from nlmg_facts.cite import cite_document
from nlmg_facts.extract import extract_document
from nlmg_facts.ingest import ingest


def _citation(template: str):
    text = f"The film opened on 5 May 2010.<ref>{template}</ref>\n\n== References ==\n{{{{reflist}}}}\n"
    doc = ingest(text, "a.wiki")
    (citation,) = cite_document(doc, extract_document(doc)).citations
    return citation


def test_the_archive_service_is_the_archive_urls_host():
    c = _citation("{{cite web|title=T|archive-url=https://www.Web.Archive.org/web/2010/x|archive-date=6 May 2010}}")
    assert c.archive.service == "web.archive.org"


@pytest.mark.parametrize("url", ["http://[x", "http://a]b/", "https://[::1", "[http://a.b/", "//"])
def test_a_broken_archive_url_gives_no_service_and_no_error(url):
    # urllib's parser raised "Invalid IPv6 URL" on a "[" in the host (broken markup).
    c = _citation(f"{{{{cite web|title=T|archive-url={url}|archive-date=6 May 2010}}}}")
    assert c.archive.date.value.iso == "2010-05-06"
    assert c.archive.service in (None, "a")

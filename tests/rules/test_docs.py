"""Rule docstrings split into summary and sections, in the heading styles people write."""

from __future__ import annotations

import pytest

from nlmg_facts.models.common import Severity
from nlmg_facts.rules.docs import doc_sections, help_markdown, missing_sections
from nlmg_facts.rules.registry import RuleSpec


def _spec(doc: str) -> RuleSpec:
    def func(ctx):
        return iter(())

    func.__doc__ = doc
    return RuleSpec(code="NLMG-Z999", name="fake", severity=Severity.ERROR, func=func)


@pytest.mark.parametrize(
    "heading",
    ["**{}**", "## {}", "{}:"],
)
def test_sections_are_found_in_each_heading_style(heading):
    doc = "A short summary.\n\n" + "\n\n".join(
        f"{heading.format(name)}\nBody of {name}." for name in ("What it does", "Why it matters", "Example")
    )
    summary, sections = doc_sections(_spec(doc))
    assert summary == "A short summary."
    assert sections == {
        "What it does": "Body of What it does.",
        "Why it matters": "Body of Why it matters.",
        "Example": "Body of Example.",
    }
    assert missing_sections(_spec(doc)) == []


def test_a_missing_or_empty_section_is_reported():
    doc = "Summary.\n\n**What it does**\nSomething.\n\n**Why it matters**\n\n"
    assert missing_sections(_spec(doc)) == ["Why it matters", "Example"]


def test_other_bold_lines_stay_in_the_body():
    doc = "Summary.\n\n**What it does**\n**Note** this stays.\n"
    _, sections = doc_sections(_spec(doc))
    assert sections["What it does"] == "**Note** this stays."


def test_markdown_help_puts_the_example_in_a_code_block():
    doc = "Summary.\n\n**Example**\nFlagged:\n    It opened on 1 May.\n"
    assert "## Example\n\n```text\nFlagged:\n    It opened on 1 May.\n```" in help_markdown(_spec(doc))

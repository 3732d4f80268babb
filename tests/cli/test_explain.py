"""`nlmg-facts explain CODE|NAME`: one rule's documentation; unknown rules exit 2."""

from __future__ import annotations

import pytest

from test_check import nlmg, project  # noqa: F401  (the fixture and runner)


@pytest.mark.parametrize("given", ["NLMG-Z905", "nlmg-z905", "fake-shipping-date-conflict"])
def test_explain_prints_the_rule_documentation_by_code_or_name(project, given):  # noqa: F811
    result = nlmg(project, "explain", given)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith(
        "NLMG-Z905 fake-shipping-date-conflict (default severity: error, family: other)\n"
    )
    for section in ("What it does:", "Why it matters:", "Example:"):
        assert section in text
    assert "It shipped on 1 May 2010. It shipped on 2 May 2010." in text


def test_an_unknown_rule_exits_2_with_a_suggestion(project):  # noqa: F811
    result = nlmg(project, "explain", "NLMG-Z906")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("nlmg-facts: error: unknown rule 'NLMG-Z906'; did you mean NLMG-Z90")

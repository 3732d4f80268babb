"""tests/corpus/real/flatten.py: wikitext and chinapedia pages to the corpus's flat shape.

The wikitext here is our own, written for these tests.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@cache
def _flatten():
    spec = importlib.util.spec_from_file_location("flatten", ROOT / "tests" / "corpus" / "real" / "flatten.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


ARTICLE = """{{Short description|English writer}}
{{Use dmy dates|date=May 2020}}
{{Infobox writer
| name = Jane Roe
| birth_date = {{birth date|1901|4|11}}
}}
'''Jane Roe''' ({{birth date|1901|4|11|df=y}} – {{death date and age|1969|6|20|1901|4|11|df=y}}) was an English [[novelist|writer]].<ref name="bbc">{{cite news |last=Smith |first=Ann |title=Roe dies |work=[[BBC News]] |date=2019-06-21 |access-date=2020-01-02}}</ref> She walked {{convert|5|km|mi}} a day and earned {{GBP|500}} a year.<ref>{{cite book|last=Doe|first=J.|title=A Life|publisher=Penguin|location=London|year=1990|page=12}}</ref>

==Career==
Her novel ''The Tower'' appeared in 1936.<ref name="bbc"/><ref name="late"/> [[File:Roe.jpg|thumb|Roe in 1936]]
{| class="wikitable"
|-
| 1936 || ''The Tower''
|}
She moved to {{nowrap|New York}} in 1950.{{sfn|Doe|1990|p=40}}

==See also==
* [[Other writer]]

==References==
{{reflist|refs=
<ref name="late">{{cite web |title=Roe at 60 |website=Example |access-date=2021-03-04}}</ref>
}}

==External links==
* {{Official website|http://example.org}}
* [http://example.org/archive Her archive]
{{Authority control}}
[[Category:1901 births]]
"""


@pytest.fixture(scope="module")
def flat() -> list[str]:
    pytest.importorskip("mwparserfromhell")
    return _flatten().flatten_wikitext(ARTICLE, "Jane Roe").splitlines()


def test_title_line_then_prose_with_templates_rendered(flat: list[str]) -> None:
    assert flat[0] == "Jane Roe"
    assert flat[1] == (
        "Jane Roe (11 April 1901 – 20 June 1969 (aged 68)) was an English writer. "
        "She walked 5 km (3.1 mi) a day and earned £500 a year."
    )
    assert flat[2] == "Her novel The Tower appeared in 1936."
    assert flat[3] == "She moved to New York in 1950."


def test_infobox_table_file_and_category_are_dropped(flat: list[str]) -> None:
    text = "\n".join(flat)
    for gone in ("Infobox", "birth_date", "wikitable", "Roe.jpg", "Roe in 1936", "Category", "1901 births", "{{", "[["):
        assert gone not in text


def test_references_in_first_use_order_named_once_then_links(flat: list[str]) -> None:
    assert flat[4:] == [
        'Smith, Ann (21 June 2019). "Roe dies". BBC News. Retrieved 2 January 2020.',
        "Doe, J. (1990). A Life. London: Penguin. p. 12.",
        '"Roe at 60". Example. Retrieved 4 March 2021.',
        "Doe 1990, p. 40.",
        "Other writer",
        "Official website",
        "Her archive",
    ]


def test_month_first_dates_under_use_mdy() -> None:
    pytest.importorskip("mwparserfromhell")
    text = "{{Use mdy dates}}\n'''X''' died on {{death date|1969|6|20}}.<ref>{{cite web|title=T|access-date=2020-01-02}}</ref>"
    assert _flatten().flatten_wikitext(text, "X").splitlines()[1:] == [
        "X died on June 20, 1969.",
        '"T". Retrieved January 2, 2020.',
    ]


def test_convert_ranges_and_unknown_units() -> None:
    f = _flatten()
    assert f.render_convert(["5", "to", "10", "km"]) == "5 to 10 km (3.1 to 6.2 mi)"
    assert f.render_convert(["3", "furlong"]) == "3 furlong"


def test_a_chinapedia_page() -> None:
    page = (
        "JANE ROE (11 April 1901 – 20 June 1969) was an English writer.[1]\n\n\nCareer\n\n"
        "Her novel _The Tower_ appeared in 1936.[2]\n\n"
        "  Year   Title\n  ------ -------\n  1936   The Tower\n\n"
        "References\n\n\nExternal links\n\n-   Her archive\n\n"
        "Category:1901 births\n\n[1]\n\n[2] Smith, Ann. \"Roe dies\", 2019.\n"
    )
    assert _flatten().flatten_chinapedia(page, "Jane Roe").splitlines() == [
        "Jane Roe",
        "Jane Roe (11 April 1901 – 20 June 1969) was an English writer.",
        "Her novel The Tower appeared in 1936.",
        'Smith, Ann. "Roe dies", 2019.',
        "Her archive",
    ]

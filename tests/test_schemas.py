"""The checked-in schemas must equal what the models generate."""

from pathlib import Path

from nlmg_facts.schemas import render_schemas

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def test_checked_in_schemas_are_current():
    rendered = render_schemas()
    stale = [
        name
        for name, text in rendered.items()
        if not (SCHEMAS / name).exists() or (SCHEMAS / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"stale schemas {stale}: run `nlmg-facts schema` and commit"


def test_no_orphan_schema_files():
    on_disk = {p.name for p in SCHEMAS.glob("*.schema.json")}
    assert on_disk <= set(render_schemas()), on_disk - set(render_schemas())

"""Loading citations.json: the lexicons the reference parser, linker and checks use."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    raw = resources.files("nlmg_facts.data").joinpath("citations.json").read_text(encoding="utf-8")
    return json.loads(raw)


def words(section: str, key: str) -> list[str]:
    return list(data()[section][key])

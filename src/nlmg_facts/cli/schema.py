"""``nlmg-facts schema``: (re)generate the JSON schemas in ``schemas/`` from the models."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="write JSON schemas generated from the models")
    p.add_argument("--dir", default="schemas", help="output directory (default: schemas)")
    p.add_argument("--check", action="store_true", help="exit 1 if a checked-in schema is stale")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..schemas import render_schemas

    out = Path(args.dir)
    stale = []
    for filename, text in render_schemas().items():
        target = out / filename
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        stale.append(filename)
        if not args.check:
            out.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    verb = "stale" if args.check else "written"
    for name in stale:
        print(f"{out / name}: {verb}")
    return 1 if (args.check and stale) else 0

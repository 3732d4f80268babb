"""The robustness tests share the fuzz harness (``fuzz/harness.py``) and the token grammar."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (HERE.parents[1] / "fuzz", HERE):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

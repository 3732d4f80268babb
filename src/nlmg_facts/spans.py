"""Offset -> line:column conversion, computed once per document at report time."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Maps character offsets to 1-based (line, column) in O(log lines)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            self._starts.append(i + 1)
            i = find("\n", i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

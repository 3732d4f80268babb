"""Reviewing findings: the review file, applying it to reports, the review command."""

from .store import (  # noqa: F401
    DEFAULT_REVIEW_FILE,
    ReviewStore,
    find_review_file,
    load_review_file,
)

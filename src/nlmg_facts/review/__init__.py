"""Reviewing findings: the review file, applying it to reports, the review command."""

from .apply import apply_reviews, entry_for, stale_entries  # noqa: F401
from .store import (  # noqa: F401
    DEFAULT_REVIEW_FILE,
    ReviewStore,
    find_review_file,
    load_review_file,
    locate_review_file,
    review_file_for_writing,
)

"""Typed models at every stage boundary."""

from .claims import *  # noqa: F401,F403
from .claims import Claim, ClaimsDocument, CLAIM_KINDS  # noqa: F401
from .common import SCHEMA_VERSION, Model, Severity, Span  # noqa: F401
from .document import Document, Marker, Mask, Sentence  # noqa: F401
from .findings import DocumentReport, Evidence, Finding, Report, Summary, Suppression  # noqa: F401

"""Fixtures: temporary projects holding the sample article, or a short article of ours."""

from __future__ import annotations

import shutil

import pytest
from _project import HARBOUR, SAMPLE, make_project


@pytest.fixture
def sample_project(tmp_path):
    make_project(tmp_path, {})
    shutil.copy(SAMPLE, tmp_path / "sources" / SAMPLE.name)
    return tmp_path


@pytest.fixture
def small_project(tmp_path):
    return make_project(tmp_path, {"harbour.txt": HARBOUR})

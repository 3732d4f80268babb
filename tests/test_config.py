"""Configuration: discovery by walking up, the [tool.nlmg-facts] table, clear one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlmg_facts.config import Config, find_config, load_config, split_selectors, with_cli
from nlmg_facts.errors import UsageError
from nlmg_facts.models.common import Severity


def _project(tmp_path: Path, table: str, name: str = "pyproject.toml") -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / name).write_text(table, encoding="utf-8")
    return tmp_path


def test_a_full_table_is_read_with_paths_relative_to_the_file(tmp_path):
    (tmp_path / "cal.json").write_text("{}", encoding="utf-8")
    _project(
        tmp_path,
        """
[project]
name = "x"

[tool.nlmg-facts]
select = ["NLMG-D", "date-conflict"]
ignore = ["nlmg-r002"]
fail-on = "warning"
calendars = ["cal.json"]
review = "reviews/decisions.json"
plugins = ["house_rules"]

[tool.nlmg-facts.severity]
"NLMG-D001" = "info"

[tool.nlmg-facts.options."NLMG-M003"]
tolerance = 0.02
""",
    )
    config = load_config(cwd=tmp_path)
    assert config.source == (tmp_path / "pyproject.toml").resolve()
    assert config.root == tmp_path.resolve()
    assert config.select == ("NLMG-D", "date-conflict")
    assert config.ignore == ("NLMG-R002",)
    assert config.fail_on == "warning"
    assert config.calendars == ((tmp_path / "cal.json").resolve(),)
    assert config.review == (tmp_path / "reviews" / "decisions.json").resolve()
    assert config.plugins == ("house_rules",)
    assert config.severity == {"NLMG-D001": Severity.INFO}
    assert config.options == {"NLMG-M003": {"tolerance": 0.02}}


def test_configuration_is_found_from_a_subdirectory(tmp_path):
    _project(tmp_path, '[tool.nlmg-facts]\nfail-on = "info"\n')
    sub = tmp_path / "sources" / "films"
    sub.mkdir(parents=True)
    config = load_config(cwd=sub)
    assert config.fail_on == "info"
    assert config.root == tmp_path.resolve()


def test_a_pyproject_without_our_table_is_skipped_but_marks_the_root(tmp_path):
    _project(tmp_path, '[project]\nname = "x"\n')
    found, root = find_config(tmp_path)
    assert found is None and root == tmp_path.resolve()
    assert load_config(cwd=tmp_path) == Config(root=tmp_path.resolve())


def test_no_config_ignores_the_file(tmp_path):
    _project(tmp_path, '[tool.nlmg-facts]\nfail-on = "info"\n')
    assert load_config(use_config=False, cwd=tmp_path).fail_on == "error"


def test_an_explicit_standalone_file_is_read_from_its_top_level(tmp_path):
    path = tmp_path / "nlmg.toml"
    path.write_text('fail-on = "never"\nignore = ["NLMG-C"]\n', encoding="utf-8")
    config = load_config(path, cwd=tmp_path)
    assert config.fail_on == "never" and config.ignore == ("NLMG-C",)


BAD_CONFIGS = [
    # (table text, words the one-line error must contain)
    ("[tool.nlmg-facts\nselect = 1\n", "invalid TOML"),
    ('[tool.nlmg-facts]\nselct = ["NLMG-D"]\n', "unknown key 'selct'"),
    ('[tool.nlmg-facts]\nfail_on = "warning"\n', "unknown key 'fail_on'"),
    ('[tool.nlmg-facts]\nfail-on = "sometimes"\n', "fail-on"),
    ('[tool.nlmg-facts]\nselect = "NLMG-D"\n', "select"),
    ('[tool.nlmg-facts]\nselect = ["NLMG D"]\n', "bad rule selector"),
    ('[tool.nlmg-facts.severity]\n"NLMG-D001" = "fatal"\n', "severity.NLMG-D001"),
    ('[tool.nlmg-facts]\ncalendars = ["missing.json"]\n', "missing.json: no such file"),
    ("[tool]\nnlmg-facts = 3\n", "must be a table"),
]


@pytest.mark.parametrize("text, words", BAD_CONFIGS)
def test_a_bad_configuration_is_one_clear_line(tmp_path, text, words):
    _project(tmp_path, text)
    with pytest.raises(UsageError) as info:
        load_config(cwd=tmp_path)
    message = str(info.value)
    assert words in message
    assert "\n" not in message
    assert "pyproject.toml" in message


def test_a_missing_explicit_config_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        load_config(tmp_path / "nope.toml", cwd=tmp_path)


def test_command_line_flags_override_the_file(tmp_path):
    _project(tmp_path, '[tool.nlmg-facts]\nselect = ["NLMG-D"]\nfail-on = "info"\n')
    config = with_cli(
        load_config(cwd=tmp_path), select=["NLMG-M,NLMG-R001"], ignore=["NLMG-M002"], fail_on="never"
    )
    assert config.select == ("NLMG-D",)  # kept as the first layer
    assert config.cli_select == ("NLMG-M", "NLMG-R001")
    assert config.cli_ignore == ("NLMG-M002",)
    assert config.fail_on == "never"


@pytest.mark.parametrize(
    "given, expected",
    [
        (["nlmg-d001"], ("NLMG-D001",)),
        (["NLMG-D, NLMG-M", " "], ("NLMG-D", "NLMG-M")),
        (["all"], ("ALL",)),
        (["date-conflict"], ("date-conflict",)),
    ],
)
def test_selectors_are_split_on_commas_and_normalised(given, expected):
    assert split_selectors(given) == expected


@pytest.mark.parametrize("bad", ["NLMG-D0001", "D001", "NLMG_D001", "Date Conflict"])
def test_malformed_selectors_are_refused(bad):
    with pytest.raises(UsageError, match="bad rule selector"):
        split_selectors([bad])

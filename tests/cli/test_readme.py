"""The README's command list is kept true (issue 26), as sqlite-utils keeps its docs with cog: every
command of the CLI is listed, every flag a command takes is shown on one of its lines, and every
flag shown is one its `--help` prints. A flag cannot change, come or go without the docs."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main

from helpers import ROOT
from newsgraph.cli.app import app

# Documented once for all commands, in the bullet under the list.
EVERY_COMMAND = {"--db"}
FLAG = re.compile(r"(?<![\w-])(--?[a-z][\w-]*)")


def readme_list() -> dict[str, set[str]]:
    """Each command the README's list shows, with the flags its lines show (comments aside)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Using it", 1)[1].split("```", 2)[1]
    listed: dict[str, set[str]] = {}
    for line in block.splitlines():
        found = re.match(r"newsgraph ([a-z-]+)(.*)", line)
        if found:
            code = found.group(2).split(" #", 1)[0]
            listed.setdefault(found.group(1), set()).update(FLAG.findall(code))
    return listed


def commands() -> dict[str, Any]:
    """The CLI's commands as Click builds them (Typer carries its own copy of Click)."""
    return dict(typer.main.get_command(app).commands)


def option_names(command: Any) -> list[set[str]]:
    """Each option as the set of its spellings (`-o`, `--output`), `--help` aside."""
    return [
        {*p.opts, *p.secondary_opts}
        for p in command.params
        if p.param_type_name == "option" and "--help" not in p.opts
    ]


def unknown_flags(text: str, shown: set[str]) -> list[str]:
    """The flags shown that a help text does not print."""
    return sorted(flag for flag in shown if not re.search(rf"(?<![\w-]){flag}(?![\w-])", text))


def help_text(cli: Any, name: str) -> str:
    result = cli(name, "--help", env={"COLUMNS": "200", "TERMINAL_WIDTH": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return str(result.output)


def test_every_command_is_listed() -> None:
    assert sorted(readme_list()) == sorted(commands())


def test_the_shared_flags_are_documented_once() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Every command that reads or writes the database takes `--db URL`" in text


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_flag_of_a_command_is_shown(name: str) -> None:
    shown = readme_list().get(name, set()) | EVERY_COMMAND
    missing = [sorted(spellings) for spellings in option_names(commands()[name]) if not spellings & shown]
    assert missing == [], f"README's list of commands does not show these flags of `newsgraph {name}`"


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_flag_shown_is_in_the_help(cli: Any, name: str) -> None:
    text = help_text(cli, name)
    assert f"newsgraph {name}" in text  # the usage line: the measure reads the right help
    unknown = unknown_flags(text, readme_list().get(name, set()))
    assert unknown == [], f"README shows flags `newsgraph {name} --help` does not know"


def test_a_changed_flag_is_caught(cli: Any) -> None:
    """The measure can fail: a flag the help does not print, and one the list does not show."""
    text = help_text(cli, "stories")
    assert not re.search(r"(?<![\w-])--newest(?![\w-])", text)
    assert unknown_flags(text, {"--limit", "--json", "--newest"}) == ["--newest"]
    shown = readme_list()["stories"] - {"--limit"}
    assert [s for s in option_names(commands()["stories"]) if not s & (shown | EVERY_COMMAND)] == [{"--limit"}]

"""Every command (and every `build` option) is documented in the README, and has help text."""

from __future__ import annotations

import click
import typer

from conftest import ROOT
from kgbuild.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "kgbuild") -> dict[str, click.Command]:
    found = {}
    for name, command in group.commands.items():
        found[f"{prefix} {name}"] = command
        if isinstance(command, click.Group):
            found.update(commands(command, f"{prefix} {name}"))
    return found


def test_every_command_is_in_the_readme_with_help():
    group = typer.main.get_command(app)
    for name, command in commands(group).items():
        assert f"`{name}" in README, f"{name} is not documented in README.md"
        assert command.help, f"{name} has no help text"


def test_every_option_has_help_and_build_options_are_in_the_readme():
    group = typer.main.get_command(app)
    for name, command in commands(group).items():
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help, f"{name} {param.opts} has no help text"
                if name == "kgbuild build":
                    assert any(opt in README for opt in param.opts), f"build {param.opts} not in README"


def test_help_is_plain_text(runner):
    """No type after a flag ("--lenient <bool>"), and square brackets shown, not read as mark-up."""
    result = runner.invoke(app, ["build", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "[kgbuild] table" in result.output
    assert "--lenient " in result.output and "<bool>" not in result.output

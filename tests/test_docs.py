"""The docs stay honest: every CLI command is documented and has help; the README's first two
commands are the ones CI runs."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newsevents.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_is_in_the_readme_and_has_help():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert f"newsevents {name}" in readme, f"README does not show `newsevents {name}`"
        assert command.help and "Example:" in command.help, f"{name} needs a summary and an Example:"
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_readme_starts_with_the_demo_and_the_test_command_that_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0].strip() for b in readme.split("```bash")[1:3]]
    assert blocks[0] == "pip install . && newsevents demo"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1] in ci


def test_documented_record_fields_match_the_event_record():
    import dataclasses

    from newsevents.records import Event

    doc = (ROOT / "docs" / "event-record.md").read_text(encoding="utf-8")
    for f in dataclasses.fields(Event):
        assert f"`{f.name}`" in doc, f"docs/event-record.md does not document {f.name}"

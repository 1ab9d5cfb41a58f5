"""Generate the command line reference (docs/reference/cli.md) from the command's own parser."""

from __future__ import annotations

import argparse
from pathlib import Path

from resultsframework.cli import parser


def commands(top: argparse.ArgumentParser) -> dict[str, tuple[str, argparse.ArgumentParser]]:
    """Each command's name -> its one-line help and its parser, in the order ``--help`` lists them."""
    found: dict[str, tuple[str, argparse.ArgumentParser]] = {}
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, command in action.choices.items():
                found[name] = (helps.get(name, ""), command)
    return found


def arguments(command: argparse.ArgumentParser) -> list[argparse.Action]:
    """The arguments a user gives a command: its positionals and options, ``--help`` aside."""
    return [
        a
        for a in command._actions
        if not isinstance(a, argparse._HelpAction | argparse._SubParsersAction)
        and a.help != argparse.SUPPRESS
    ]


def _metavar(action: argparse.Action) -> str:
    if action.nargs == 0:
        return ""
    if action.metavar is not None:
        name = str(action.metavar)
    elif action.choices is not None:
        name = "{" + ",".join(str(c) for c in action.choices) + "}"
    else:
        name = action.dest.upper()
    return f"{name}..." if action.nargs in ("+", "*") else name


def spelling(action: argparse.Action) -> str:
    """How the argument is written: ``FILE...``, ``-o, --output OUT``, ``--quiet``."""
    return " ".join(w for w in (", ".join(action.option_strings), _metavar(action)) if w)


def _synopsis(prog: str, command: argparse.ArgumentParser) -> str:
    """``resultsframework dstwg --quarter QUARTER [options] FILE``."""
    given = arguments(command)
    required = [
        f"{a.option_strings[-1]} {_metavar(a)}".rstrip() for a in given if a.option_strings and a.required
    ]
    optional = ["[options]"] if any(a.option_strings and not a.required for a in given) else []
    positional = [_metavar(a) for a in given if not a.option_strings]
    return " ".join([prog, *required, *optional, *positional])


def _describe(action: argparse.Action) -> str:
    text = (action.help or "").replace("%(prog)s", "resultsframework").replace("%%", "%")
    notes = []
    if action.required and action.option_strings:
        notes.append("required")
    if action.choices is not None and action.metavar is not None:
        notes.append("one of " + ", ".join(f"`{c}`" for c in action.choices))
    return text + (f" ({'; '.join(notes)})" if notes else "")


def reference(top: argparse.ArgumentParser | None = None) -> str:
    """The reference page, as Markdown."""
    top = top or parser()
    prog = top.prog
    out = [
        "# Command line reference (generated)",
        "",
        "Generated from the command's own parser (`resultsframework.cli.parser()`) at every",
        f"documentation build; `{prog} COMMAND --help` prints the same. The",
        "[command line](../cli.md) page explains how the commands fit together.",
        "",
        f"{top.description}",
        "",
    ]
    if top.epilog:
        out += [top.epilog[:1].upper() + top.epilog[1:] + ".", ""]
    out += ["Every command takes `-h, --help`. The command itself also takes:", ""]
    out += [f"- `{spelling(a)}`: {_describe(a)}" for a in arguments(top)]
    out += ["", "| command | what it does |", "| --- | --- |"]
    for name, (help_text, _command) in commands(top).items():
        out.append(f"| [`{name}`](#{name}) | {help_text} |")
    out.append("")
    for name, (_help_text, command) in commands(top).items():
        out += [f"## {name}", "", "```text", _synopsis(f"{prog} {name}", command), "```", ""]
        if command.description:
            out += [command.description, ""]
        out += [f"- `{spelling(a)}`: {_describe(a)}" for a in arguments(command)]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def write_cli_reference(path: Path) -> None:
    """Write the reference to *path*, touching the file only when it changes."""
    text = reference()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")

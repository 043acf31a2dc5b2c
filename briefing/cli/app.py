"""The Typer application: global options, and the command modules that register on it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefing.cli.state import state

app = typer.Typer(
    name="briefing",
    help="Explore the Suzhou science-and-technology policy briefing: sections, figures, "
    "comparisons, search and export, in English or Chinese.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

LangOption = Annotated[
    str | None,
    typer.Option("--lang", "-l", help="Language: en or zh.", show_default=False),
]


def set_lang(lang: str | None) -> None:
    """Apply a ``--lang`` given on a command (it overrides the top-level one)."""
    if lang is None:
        return
    if lang not in ("en", "zh"):
        from briefing.cli.state import fail

        raise fail(f"--lang must be 'en' or 'zh', not {lang!r}", 2)
    state.lang = lang  # type: ignore[assignment]
    state.lang_given = True


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    content: Annotated[
        Path | None,
        typer.Option("--content", help="Load another content pack directory.",
                     show_default=False),
    ] = None,
    lang: LangOption = None,
) -> None:
    """With no command, open the interactive briefing."""
    state.content = content
    set_lang(lang)
    if ctx.invoked_subcommand is None:
        from briefing.cli.commands import open_app

        open_app(None)


def main() -> None:
    app()


# Command modules register themselves on ``app`` when imported.
from briefing.cli import commands, pins, search  # noqa: E402, F401

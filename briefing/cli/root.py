"""The Typer application: global options, and the command modules that register on it.

Each command module registers its commands on :data:`app` when imported. :func:`main` imports
only the module of the command a command line names (:data:`COMMAND_MODULES`): importing every
module and building every command's parameters costs more than the search a user asked for.
``briefing.cli.app`` (what tests and ``--help`` use) is the app with every command loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from briefing.cli.console import state

HELP = ("Explore {pack}: sections, figures, comparisons, search and export, in English or "
        "Chinese. --content DIR loads another pack; 'briefing init' starts one.")


class PackHelpGroup(TyperGroup):
    """``briefing --help`` names the pack it would open (the bundled one, or ``--content``)."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        # --help is eager: it is answered before --content is processed, so look ahead.
        self.help_pack = _content_arg(args)
        state.content = self.help_pack
        return super().parse_args(ctx, args)

    def format_help_text(self, ctx, formatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(HELP.format(pack=pack_name(getattr(self, "help_pack", None))))

    def format_commands(self, ctx, formatter) -> None:
        """The commands in groups, reading first and authoring last, each with its whole first
        sentence (wrapped, never cut with "...")."""
        groups: dict[str, list[tuple[str, str]]] = {title: [] for title in HELP_GROUPS}
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            title = next((t for t, names in HELP_GROUPS.items() if name in names), "Other")
            groups.setdefault(title, []).append(
                (name, command.get_short_help_str(limit=10_000)))
        for title, rows in groups.items():
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _content_arg(args: list[str]) -> Path | None:
    for index, arg in enumerate(args):
        if arg == "--content" and index + 1 < len(args):
            return Path(args[index + 1])
        if arg.startswith("--content="):
            return Path(arg.partition("=")[2])
    return None


def pack_name(content: Path | None) -> str:
    """The title of the pack at ``content`` (or the bundled one), for help texts."""
    from briefing.pack import PackInvalid, bundled_pack_dir
    from briefing.pack.cache import load_pack_cached
    from briefing.text.sanitize import clean, one_line

    try:
        if state.library_root() is not None:  # a library, or the default one
            title = state.library().title
            return f"the library '{clean(one_line(title.en))}'"
        pack = load_pack_cached(content or bundled_pack_dir())
    except (PackInvalid, OSError, typer.Exit):
        return f"the briefing in {content}" if content else "the bundled briefing"
    return f"'{clean(one_line(pack.title.get('en')))}'"


app = typer.Typer(
    name="briefing",
    cls=PackHelpGroup,
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

LangOption = Annotated[
    str | None,
    typer.Option("--lang", "-l", help="Language: en or zh.", show_default=False),
]


# The facets ``briefing figures`` and ``briefing search`` share (briefing.library.facets): each
# repeatable, any of its values matching.
KindOption = Annotated[list[str] | None, typer.Option(
    "--kind", help="Only figures of this kind (target, actual, growth, ...); repeat for more.")]
PeriodOption = Annotated[list[str] | None, typer.Option(
    "--period", help="Only figures of this period (2026 takes its months too).")]
UnitOption = Annotated[list[str] | None, typer.Option(
    "--unit", help="Only figures in this unit (percent, yuan, ...).")]
ScopeOption = Annotated[list[str] | None, typer.Option(
    "--scope", help="Only figures of this scope.")]
BriefingOption = Annotated[list[str] | None, typer.Option(
    "--briefing", "-b", help="Only this briefing of the library.")]
IndicatorOption = Annotated[list[str] | None, typer.Option(
    "--indicator", help="Only figures confirmed as this indicator.")]
LabelOption = Annotated[str | None, typer.Option(
    "--label", help="Only figures whose label holds these words (Chinese or English).")]


def set_lang(lang: str | None) -> None:
    """Apply a ``--lang`` given on a command (it overrides the top-level one)."""
    if lang is None:
        return
    if lang.strip().lower() not in ("en", "zh"):
        from briefing.cli.console import fail

        raise fail(f"--lang must be 'en' or 'zh', not {lang!r}", 2)
    state.lang = lang.strip().lower()  # type: ignore[assignment]
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
        from briefing.cli.launch import open_app

        open_app(None)


#: Each command and the module that registers it, in the order ``--help`` lists them.
COMMAND_MODULES = {
    "tui": "reading", "sections": "reading", "show": "reading", "figures": "reading",
    "compare": "reading", "search": "search", "export": "reading",
    "pins": "pins", "pin": "pins", "unpin": "pins",
    "serve": "serve",
    "library": "library", "indicator": "indicators",
    "validate": "reading", "init": "authoring", "add-doc": "authoring", "draft": "drafting",
    "stub": "authoring", "coverage": "authoring", "status": "drafting",
}
#: ``--help``'s groups of commands: reading the briefing first, writing a pack last.
HELP_GROUPS = {
    "Reading": ("tui", "sections", "show", "figures", "compare", "search", "export"),
    "Pins and sharing": ("pins", "pin", "unpin", "serve"),
    "Libraries of briefings": ("library", "indicator"),
    "Authoring a pack": ("validate", "init", "add-doc", "stub", "coverage"),
}
#: The root options that take a value (``--content DIR``, ``--lang zh``, ``-l zh``).
_VALUE_OPTIONS = ("--content", "--lang", "-l")


def command_named(args: list[str]) -> str | None:
    """The command ``args`` name: the first word after the root options; None when something
    else (``--help``, an unknown option, nothing) comes first."""
    words = iter(args)
    for arg in words:
        if arg in _VALUE_OPTIONS:
            next(words, None)
        elif arg.startswith(("--content=", "--lang=")) or (
                arg.startswith("-l") and not arg.startswith("--")):
            continue  # the value is attached: --lang=zh, -lzh
        elif arg.startswith("-"):
            return None
        else:
            return arg
    return None


def load_commands(name: str | None = None) -> typer.Typer:
    """Register the command ``name`` on :data:`app`, or every command when ``name`` is None or
    not one of them (Click then reports it among all the others, as ever)."""
    import importlib

    if name in COMMAND_MODULES:
        importlib.import_module(f"briefing.cli.{COMMAND_MODULES[name]}")
        return app
    for module in dict.fromkeys(COMMAND_MODULES.values()):
        importlib.import_module(f"briefing.cli.{module}")
    # a module imported alone earlier (a test importing briefing.cli.search) registered first
    order = list(COMMAND_MODULES)
    app.registered_commands.sort(key=lambda info: order.index(_name(info)))
    return app


def _name(info) -> str:
    return info.name or info.callback.__name__.replace("_", "-")


def main() -> None:
    """Run the CLI; a usage error is one line on stderr (exit 2), never Click's usage box."""
    import sys

    from briefing.cli.console import fail

    command = typer.main.get_command(load_commands(command_named(sys.argv[1:])))
    try:
        code = command.main(prog_name="briefing", standalone_mode=False)
    except typer.TyperException as exc:  # Typer's Click exceptions: usage and bad parameters
        message = " ".join(exc.format_message().split()).rstrip(".")
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            message += f" (see '{ctx.command_path} --help')"
        fail(message, exc.exit_code)
        code = exc.exit_code
    except typer.Abort:
        code = 130
    except OSError as exc:  # the last line of defence: a path the system refused, in one line
        where = f"{exc.filename}: " if exc.filename else ""
        fail(f"{where}{(exc.strerror or str(exc)).lower()}")
        code = 1
    sys.exit(code if isinstance(code, int) else 0)

"""The palette's actions (ctrl+p), listed beside the content it opens: export, language, both
languages, tree, help — those the screen it was opened over can do, in the app's language.
Each runs the same action as its key, on that screen."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import SystemCommand
from textual.screen import Screen

from briefing.present.words import t

#: (action, word for its name, word for its help, key), in the order listed
ACTIONS = (
    ("export", "export", "palette_export_help", "e"),
    ("app.toggle_lang", "lang_action", "palette_lang_help", "l"),
    ("toggle_bilingual", "bilingual", "palette_bilingual_help", "b"),
    ("toggle_tree", "tree", "palette_tree_help", "t"),
    ("app.help", "help", "palette_help_help", "?"),
)


def palette_actions(app, screen: Screen) -> Iterator[SystemCommand]:
    lang = app.lang
    for action, name, help_word, key in ACTIONS:
        local = action.removeprefix("app.")
        owner = app if action.startswith("app.") else screen
        if not hasattr(owner, f"action_{local}"):
            continue  # not on this screen (the tree and both languages are the main screen's)
        title = f"{t(name, lang)} ({key})"
        yield SystemCommand(title, t(help_word, lang), partial(app.run_action, action, screen))

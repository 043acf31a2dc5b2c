"""What each key is called in the app's language, for the footer and the help screen.

Textual gives a binding one description, fixed when its class is defined, and no public way
to change it on a live screen. So the bindings keep the English words they are declared with,
and whatever draws a key asks here for its words in the current language: the footer on every
redraw (Textual redraws it through ``refresh_bindings()``, which a language change calls), the
help screen when it opens.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from briefing.model import Lang
from briefing.present.words import t

# Which i18n word describes each action in the footer and the help screen.
ACTION_WORDS = {
    "quit": "quit", "help": "help", "toggle_lang": "lang", "app.back": "back",
    "app.forward": "forward", "app.goto": "goto", "compare": "compare", "source": "source",
    "app.search": "search", "export": "export", "find": "find", "find_step(1)": "next",
    "find_step(-1)": "previous", "toggle_tree": "tree", "close": "close", "app.pop_screen": "close",
    "adhoc": "adhoc_key", "dismiss": "close", "pin": "pin", "copy": "copy",
    "toggle_bilingual": "bilingual", "details": "details", "command_palette": "palette",
    "quote_step(1)": "next_quote", "quote_step(-1)": "previous_quote",
    "sort(False)": "sort_asc", "sort(True)": "sort_desc", "filter": "filter_key",
}


def in_language(binding: Binding, node: DOMNode, lang: Lang) -> Binding:
    """``binding`` described in ``lang``, if the app, a screen or a widget of ours bound it
    to one of our actions; Textual's widgets keep their own words."""
    word = ACTION_WORDS.get(binding.action)
    ours = isinstance(node, App | Screen) or type(node).__module__.startswith("briefing.")
    if word is None or not ours:
        return binding
    return replace(binding, description=t(word, lang))


def declared_bindings(node_type: type[DOMNode]) -> list[Binding]:
    """Every binding a class declares in ``BINDINGS``, merged as Textual merges them: the
    bases' first, a key bound again lower down replacing the base's bindings of that key."""
    by_key: dict[str, list[Binding]] = {}
    for cls in reversed(node_type.__mro__):
        if not (issubclass(cls, DOMNode) and "BINDINGS" in vars(cls)):
            continue
        own: dict[str, list[Binding]] = {}
        for binding in Binding.make_bindings(vars(cls)["BINDINGS"]):
            own.setdefault(binding.key, []).append(binding)
        by_key.update(own)
    return [binding for bindings in by_key.values() for binding in bindings]

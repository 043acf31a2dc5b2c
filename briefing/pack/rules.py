"""Structure a pack declares for itself (``rules:`` in the manifest), checked after loading.

The code knows no section of any pack; a manifest may say, for instance, that its
``plans`` section has exactly three children::

    rules:
      - node: plans
        children: 3          # or min_children / max_children
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing.model import Node
from briefing.pack.checker import Checker, did_you_mean, line_of
from briefing.pack.reader import ReaderBase
from briefing.pack.yamlio import LineDict

RULE_FIELDS = {"node", "children", "min_children", "max_children"}
_BOUNDS = ("children", "min_children", "max_children")


@dataclass(frozen=True, slots=True)
class Rule:
    node: str
    line: int
    children: int | None = None
    min_children: int | None = None
    max_children: int | None = None


class RuleReader(ReaderBase):
    """Reads the manifest's ``rules`` (a list; absent means no rules)."""

    def read_rules(self, data: LineDict) -> None:
        c = self.check
        for index, raw in enumerate(c.items(data, "rules", "the manifest", required=False)):
            what = f"rule {index + 1} of the manifest"
            inner = c.fields(raw, RULE_FIELDS, what, line_of(data, "rules"))
            if inner is None:
                continue
            node = c.string(inner, "node", what)
            bounds = {key: _count(c, inner, key, what) for key in _BOUNDS if key in inner}
            if not bounds:
                c.error(inner.line, f"{what} sets no bound: give children, min_children or "
                                    "max_children")
            if node and None not in bounds.values():
                self.rules.append(Rule(node=node, line=inner.line, **bounds))


def _count(c: Checker, data: LineDict, key: str, what: str) -> int | None:
    value: Any = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        c.error(line_of(data, key), f"'{key}' of {what} must be a whole number (0 or more)")
        return None
    return value


def enforce(c: Checker, rules: list[Rule], nodes: dict[str, Node]) -> None:
    """Report every node that breaks a rule of the manifest, in the node's own file."""
    for rule in rules:
        node = nodes.get(rule.node)
        c.file = "manifest.yaml"
        if node is None:
            c.error(rule.line, f"a rule names '{rule.node}', which the pack does not have"
                               f"{did_you_mean(rule.node, nodes)}")
            continue
        count, why = len(node.children), f"(rule at manifest.yaml:{rule.line})"
        c.file = f"sections/{node.section_id}.yaml"
        if rule.children is not None and count != rule.children:
            c.error(None, f"'{rule.node}' must have exactly {rule.children} children, "
                          f"found {count} {why}")
        if rule.min_children is not None and count < rule.min_children:
            c.error(None, f"'{rule.node}' must have at least {rule.min_children} children, "
                          f"found {count} {why}")
        if rule.max_children is not None and count > rule.max_children:
            c.error(None, f"'{rule.node}' must have at most {rule.max_children} children, "
                          f"found {count} {why}")

"""The manifest's open vocabularies: units (with an English singular), scopes and hedges.

A pack written before these existed declares only ``units`` with ``zh``/``en`` labels; every
other block is optional and adds to what :mod:`briefing.figures.vocabulary` has built in.
"""

from __future__ import annotations

from briefing.figures.vocabulary import MEANING_EN
from briefing.model import HEDGE_MEANINGS, Hedge, Scope, Text, Unit
from briefing.pack.checker import ID_RE, line_of
from briefing.pack.reader import ReaderBase
from briefing.pack.yamlio import LineDict

UNIT_FIELDS = {"zh", "en", "singular"}
HEDGE_FIELDS = {"meaning", "en", "after"}


def _entry(value: object, line: int) -> LineDict:
    """Wrap a block's value so the field readers can report it at its key's line."""
    fake = LineDict({"value": value})
    fake.line = line
    fake.key_lines = {"value": line}
    return fake


class VocabularyReader(ReaderBase):
    """Reads ``units``, ``scopes`` and ``hedges`` from the manifest."""

    def block(self, data: LineDict, key: str, required: bool = False) -> LineDict | None:
        """The mapping under ``key`` (None, reported, when it is something else)."""
        value = data.get(key)
        if value is None:
            if required:
                self.check.error(data.line, f"the manifest is missing required field '{key}'")
            return None
        if not isinstance(value, dict):
            self.check.error(line_of(data, key), f"'{key}' of the manifest must be a mapping")
            return None
        return value

    def read_units(self, data: LineDict) -> None:
        c = self.check
        units = self.block(data, "units", required=True)
        for unit_id, raw in (units or {}).items():
            what = f"unit '{unit_id}'"
            inner = c.fields(raw, UNIT_FIELDS, what, units.line_of(unit_id))
            if inner is None:
                continue
            zh, en = c.string(inner, "zh", what), c.string(inner, "en", what)
            singular = c.string(inner, "singular", what, required=False)
            if zh and en:
                self.units[str(unit_id)] = Unit(id=str(unit_id), label=Text(zh=zh, en=en),
                                                singular=singular)

    def read_scopes(self, data: LineDict) -> None:
        c = self.check
        scopes = self.block(data, "scopes")
        for scope_id, raw in (scopes or {}).items():
            line = scopes.line_of(scope_id)
            if not ID_RE.match(str(scope_id)):
                c.error(line, f"scope '{scope_id}' must be lowercase letters, digits and '-'")
                continue
            label = c.text(_entry(raw, line), "value", f"scope '{scope_id}'",
                           english=True)  # English output names the scope
            if label:
                scope = Scope(id=str(scope_id), label=label)
                self.scopes[scope.id] = scope
                self.declared_scopes.append(scope)

    def read_hedges(self, data: LineDict) -> None:
        """``逾: above`` or ``逾: {meaning: above, en: "more than", after: false}``."""
        c = self.check
        hedges = self.block(data, "hedges")
        for word, raw in (hedges or {}).items():
            line, what = hedges.line_of(word), f"hedge '{word}'"
            if isinstance(raw, str):
                raw = LineDict({"meaning": raw})
                raw.line, raw.key_lines = line, {"meaning": line}
            inner = c.fields(raw, HEDGE_FIELDS, what, line)
            if inner is None:
                continue
            meaning = c.choice(inner, "meaning", what, HEDGE_MEANINGS)
            en = c.string(inner, "en", what, required=False)
            after = inner.get("after", False)
            if not isinstance(after, bool):
                c.error(line_of(inner, "after"), f"'after' of {what} must be true or false")
                after = False
            if meaning:
                hedge = Hedge(word=str(word), meaning=meaning, en=en or MEANING_EN[meaning],
                              after=after)
                self.hedges[hedge.word] = hedge
                self.declared_hedges.append(hedge)

"""The words a pack may use for scopes and hedges: the built-in ones plus the manifest's own.

Every pack can say "national" or "超"; a manifest adds what its documents need (a "region"
scope, the hedge "逾" meaning *above*). Display code asks here, never a closed list.
"""

from __future__ import annotations

from briefing.figures.reading import QUALIFIERS
from briefing.model import SCOPES, Hedge, Lang, Pack, Scope, Text

_SCOPE_NAMES = {"city": ("全市", "city"), "province": ("全省", "province"),
                "national": ("全国", "national"), "global": ("全球", "global")}
BUILTIN_SCOPES = tuple(Scope(id=s, label=Text(zh=_SCOPE_NAMES[s][0], en=_SCOPE_NAMES[s][1]))
                       for s in SCOPES)

_MEANING = {"超": "above", "超过": "above", "余": "above", "多": "above", "以上": "at-least",
            "左右": "about", "约": "about", "近": "below", "预计": "about",
            "以内": "at-most", "以下": "at-most", "不超过": "at-most", "不高于": "at-most",
            "不少于": "at-least", "不低于": "at-least", "前": "at-most"}
#: How English says a declared hedge when the manifest gives no wording of its own.
MEANING_EN = {"above": "over", "about": "about", "below": "nearly", "at-least": "at least",
              "at-most": "at most"}
BUILTIN_HEDGES = tuple(Hedge(word=w, meaning=_MEANING.get(w, "about"), en=en, after=w == "以上")
                       for w, en in QUALIFIERS.items())
#: Hedges Chinese writes after the number and its measure word ("5%以内", "2800家左右");
#: the rest come before it ("不超过2%", "超1万"). A manifest's own word is placed where its
#: figure's quote has it.
ZH_AFTER_UNIT = ("以上", "左右", "以内", "以下", "之内", "上下")
#: Hedges written between the number and its measure word ("4万余人", "260多家").
ZH_AFTER_NUMBER = ("余", "多")


def scopes(pack: Pack | None = None) -> dict[str, Scope]:
    """Every scope id the pack may use, built-in first."""
    found = {s.id: s for s in BUILTIN_SCOPES}
    found.update({s.id: s for s in (pack.scopes if pack else ())})
    return found


def hedges(pack: Pack | None = None) -> dict[str, Hedge]:
    """Every hedge word the pack may use, built-in first."""
    found = {h.word: h for h in BUILTIN_HEDGES}
    found.update({h.word: h for h in (pack.hedges if pack else ())})
    return found


def scope_name(scope: str | None, lang: Lang, pack: Pack | None = None) -> str:
    """A scope in words ("national", "全国"); an unknown id is shown as it is."""
    if not scope:
        return ""
    found = scopes(pack).get(scope)
    return found.label.get(lang) if found else scope


def hedge_of(word: str | None, pack: Pack | None = None) -> Hedge | None:
    return hedges(pack).get(word) if word else None

"""Regular expressions compiled when first used, not when their module is imported.

``re.compile`` runs in Python: a dozen small patterns cost a command about a millisecond, and a
pattern with the Han character class (~28,000 characters, each set in a table one by one) more
than that each. Most of a module's patterns serve only some of its callers (``briefing search``
never reads a number out of Chinese prose), so a module keeps its patterns as
:class:`LazyPattern`, which every command pays for only if it uses them.
"""

from __future__ import annotations

import re


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)``: its methods and attributes are the compiled
    pattern's, compiled on first use.

    A method, once looked up, is kept on the instance, so later calls cost what they would on
    the compiled pattern. Unlike a compiled pattern it cannot be passed to ``re.sub`` and the
    like: call its methods.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it has not been)."""
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return self._compiled

    def __getattr__(self, name: str):
        # only names the instance lacks get here: the compiled pattern's (search, sub, ...)
        if name.startswith("__"):  # copy, pickle and the like probe for dunders: not ours
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        self.__dict__[name] = value  # a bound method of the compiled pattern: found directly
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r}, {self._source[1]!r})"

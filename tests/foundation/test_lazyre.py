"""``LazyPattern``: a compiled pattern made on first use, answering as the compiled one does."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

from briefing.text.lazy_pattern import LazyPattern


def test_nothing_is_compiled_until_a_method_is_used():
    lazy = LazyPattern(r"(\d+)-(?P<b>\d+)")
    assert lazy._compiled is None
    assert lazy.search("x 12-34").groups() == ("12", "34")
    assert lazy._compiled is lazy.compiled is re.compile(r"(\d+)-(?P<b>\d+)")


def test_methods_and_attributes_are_the_compiled_patterns():
    source, flags = r"^(a+)(b)?$", re.MULTILINE
    lazy, real = LazyPattern(source, flags), re.compile(source, flags)
    text = "aab\nx\na"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.findall(text) == real.findall(text)
    assert lazy.sub(r"<\1>", text) == real.sub(r"<\1>", text)
    assert lazy.subn("", text, count=1) == real.subn("", text, count=1)
    assert lazy.split(text) == real.split(text)
    assert lazy.fullmatch("aab").group(1) == "aa" and lazy.match("x") is None
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        real.pattern, real.flags, real.groups, real.groupindex)


def test_a_method_once_looked_up_is_kept_on_the_instance():
    lazy = LazyPattern("a")
    assert lazy.sub("b", "aa") == "bb"
    assert vars(lazy)["sub"] == re.compile("a").sub  # later calls skip __getattr__


def test_an_invalid_pattern_fails_when_used():
    lazy = LazyPattern("(")
    with pytest.raises(re.error):
        lazy.search("x")


def test_dunder_probes_are_not_forwarded():
    lazy = LazyPattern("a")
    with pytest.raises(AttributeError):
        lazy.__deepcopy_extra__  # noqa: B018
    assert copy.copy(lazy).search("a") is not None
    assert pickle.loads(pickle.dumps(lazy)).sub("b", "a") == "b"
    assert repr(lazy) == "LazyPattern('a', 0)"

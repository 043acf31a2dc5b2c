"""The pack cache's key covers the validator's code, whichever module a rule lives in."""

from __future__ import annotations

from pathlib import Path

from briefing.pack import cache


def test_digest_hashes_every_module_of_the_pack_package():
    package = Path(cache.__file__).resolve().parent
    hashed = {p.resolve() for p in cache._CODE}
    assert {p.resolve() for p in package.glob("*.py")} <= hashed
    assert package.parent / "numbers.py" in hashed  # the validator reads displays with it
    assert package.parent / "vocabulary.py" in hashed  # built-in scopes and hedges


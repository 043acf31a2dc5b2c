"""The pack cache's key covers the validator's code, whichever module a rule lives in."""

from __future__ import annotations

from pathlib import Path

from briefing.pack import cache


def test_digest_hashes_every_module_of_the_pack_package():
    package = Path(cache.__file__).resolve().parent
    hashed = {p.resolve() for p in cache._CODE}
    assert {p.resolve() for p in package.glob("*.py")} <= hashed
    assert package.parent / "figures" / "reading.py" in hashed  # it reads displays
    assert package.parent / "figures" / "vocabulary.py" in hashed  # built-in scopes and hedges
    assert package.parent / "model" / "__init__.py" in hashed



def test_one_digest_per_pack_reads_a_packs_files_once(tmp_path):
    import shutil

    from briefing.pack import bundled_pack_dir
    from briefing.pack.cache import one_digest_per_pack, pack_digest

    root = tmp_path / "content"
    shutil.copytree(bundled_pack_dir(), root)
    before = pack_digest(root)
    manifest = next(root.rglob("*.yaml"))
    with one_digest_per_pack():
        assert pack_digest(root) == before
        manifest.write_bytes(manifest.read_bytes() + b"\n# changed\n")
        assert pack_digest(root) == before  # as first read, within
        with one_digest_per_pack():
            assert pack_digest(root) == before
    after = pack_digest(root)  # read afresh outside
    assert after != before
    with one_digest_per_pack():
        assert pack_digest(root) == after

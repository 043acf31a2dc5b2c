"""Caches that cannot run code (issue 26, item 4): a pickle planted in the cache folder is never
unpickled; a folder others can write is made private (or, not ours, not used); every cache file
(pack, line breaks, search index, search store) must be ours and, but the store, sealed."""

from __future__ import annotations

import marshal
import os
import pickle
from pathlib import Path

import pytest
from _robustness import run_cli

from briefing.pack import bundled_pack_dir
from briefing.pack.cache import load_pack_cached, pack_digest
from briefing.paths import private
from briefing.paths.seal import KEY_FILE, cache_key, seal, unseal


class Payload:
    """Unpickling this creates ``marker``: code run from the cache."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    monkeypatch.setattr(private, "_verdicts", {})  # each test judges its folder afresh
    return folder


def _plant(cache: Path, marker: Path) -> Path:
    cache.mkdir(exist_ok=True)
    entry = cache / f"pack-{pack_digest(bundled_pack_dir())}.pickle"
    entry.write_bytes(pickle.dumps(Payload(marker)))
    return entry


def test_a_planted_pickle_is_never_run(cache, tmp_path):
    marker = tmp_path / "pwned"
    entry = _plant(cache, marker)
    result = run_cli("figures")
    assert result.exit_code == 0 and not marker.exists()
    assert unseal(entry.read_bytes(), cache_key(cache)) is not None  # rebuilt, sealed


def test_a_planted_pickle_with_a_forged_trailer_is_never_run(cache, tmp_path):
    marker = tmp_path / "pwned"
    entry = _plant(cache, marker)
    key = cache_key(cache)
    blob = bytearray(seal(pickle.dumps(Payload(marker)), os.urandom(32)))  # another key
    entry.write_bytes(bytes(blob))
    assert key is not None and unseal(bytes(blob), key) is None
    load_pack_cached(bundled_pack_dir())
    assert not marker.exists()


def test_a_sealed_entry_is_used_and_a_tampered_one_rebuilt(cache):
    first = load_pack_cached(bundled_pack_dir())
    entry = next(cache.glob("pack-*.pickle"))
    again = load_pack_cached(bundled_pack_dir())
    assert again == first
    raw = bytearray(entry.read_bytes())
    raw[10] ^= 1  # one flipped bit in the pickle
    entry.write_bytes(bytes(raw))
    assert load_pack_cached(bundled_pack_dir()) == first
    assert entry.read_bytes() != bytes(raw)  # written anew


def test_a_cache_file_others_can_write_is_not_read(cache, tmp_path):
    load_pack_cached(bundled_pack_dir())
    entry = next(cache.glob("pack-*.pickle"))
    entry.chmod(0o666)
    marker = tmp_path / "pwned"
    key = cache_key(cache)
    assert key is not None
    entry.write_bytes(seal(pickle.dumps(Payload(marker)), key))  # even sealed: not ours alone
    entry.chmod(0o666)
    load_pack_cached(bundled_pack_dir())
    assert not marker.exists()


def test_a_folder_others_can_write_is_made_private_and_emptied(cache, tmp_path, capfd):
    marker = tmp_path / "pwned"
    entry = _plant(cache, marker)
    cache.chmod(0o777)
    load_pack_cached(bundled_pack_dir())
    assert not marker.exists()
    assert cache.stat().st_mode & 0o777 == 0o700
    assert entry.exists() and unseal(entry.read_bytes(), cache_key(cache)) is not None
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "writable by others: made private" in err


def test_a_folder_of_another_user_is_not_used(cache, tmp_path, monkeypatch, capfd):
    marker = tmp_path / "pwned"
    _plant(cache, marker)
    real = os.geteuid()
    monkeypatch.setattr(os, "geteuid", lambda: real + 1)  # as if the folder were someone's
    pack = load_pack_cached(bundled_pack_dir())
    assert pack.id and not marker.exists()
    assert "belongs to another user; not used" in capfd.readouterr().err
    assert sorted(p.name for p in cache.iterdir()) == [next(cache.iterdir()).name]  # untouched


def test_a_bad_key_file_is_replaced(cache):
    cache.mkdir(mode=0o700)
    (cache / KEY_FILE).write_bytes(b"short")
    (cache / KEY_FILE).chmod(0o644)
    key = cache_key(cache)
    assert key is not None and len(key) == 32
    assert (cache / KEY_FILE).read_bytes() == key
    assert (cache / KEY_FILE).stat().st_mode & 0o777 == 0o600


def test_planted_line_breaks_are_ignored(cache, monkeypatch):
    from briefing.text import break_cache, line_breaking

    cache.mkdir(mode=0o700)
    path = break_cache.cache_file("planted")
    path.write_bytes(marshal.dumps({"x": (1, 2)}))  # not sealed
    assert break_cache.warm("planted") == 0
    monkeypatch.setattr(line_breaking, "known_breaks", lambda: {"苏州": (1,)})
    assert break_cache.save("planted")
    assert unseal(path.read_bytes(), cache_key(cache)) is not None


def test_a_planted_search_index_is_rebuilt(cache):
    from _robustness import ROOT

    from briefing.pack import load_pack
    from briefing.search.index import TextIndex, cache_path, load_index, records, write_json

    pack = load_pack(ROOT / "tests" / "tui" / "fixture" / "content")  # no index shipped
    text = TextIndex(list(records(pack)))
    cache.mkdir(mode=0o700)
    assert load_index(text, directory=cache)[1] == "built"
    path = cache_path(text.key, cache)
    assert load_index(text, directory=cache)[1] == "cache"
    write_json(path, {"grams": {}, "blocks": [0]})  # unsealed: someone else's
    assert load_index(text, directory=cache)[1] == "built"


def test_a_search_store_not_ours_is_not_opened(tmp_path, monkeypatch):
    import briefing.search.store as stores

    opened: list[Path] = []
    monkeypatch.setattr(stores, "Store", lambda path, key=None: opened.append(path) or path)
    folder = tmp_path / "stores"
    folder.mkdir(mode=0o700)
    path = folder / "search-store-x.sqlite"
    path.write_bytes(b"SQLite format 3\x00")
    monkeypatch.setattr(private, "_verdicts", {})
    assert stores.open_store(path) == path and opened == [path]  # ours: opened
    opened.clear()
    path.chmod(0o666)
    assert stores.open_store(path) is None and opened == []  # writable by others
    real = os.geteuid()
    monkeypatch.setattr(os, "geteuid", lambda: real + 1)
    monkeypatch.setattr(private, "_verdicts", {})
    path.chmod(0o600)
    assert stores.open_store(path) is None and opened == []  # the folder is someone else's

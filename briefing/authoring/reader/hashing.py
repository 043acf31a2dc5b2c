"""Which spans of a long document occur once in it, for all spans at once, in time linear in
the document for each distinct span length (rolling polynomial hashes, arithmetic modulo 2**64
done by numpy's wrapping unsigned integers).

A hash collision can only make a span look repeated (it then gets a wider quote, never a wrong
one): a span's own position always matches, so a span is unique only when no other position
hashes alike.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

_BASE = 0x9E3779B97F4A7C15  # odd, so it has an inverse modulo 2**64
_BITS = 22  # the filter's size: 4 Mi entries


def once_hashed(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """Whether each ``text[a:b]`` occurs exactly once in ``text``."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes)
    powers = np.full(n + 1, _BASE, dtype=np.uint64)
    powers[0] = 1
    np.cumprod(powers, out=powers)
    inverse = np.full(n + 1, pow(_BASE, -1, 1 << 64), dtype=np.uint64)
    inverse[0] = 1
    np.cumprod(inverse, out=inverse)
    prefix = np.zeros(n + 1, dtype=np.uint64)
    np.cumsum(codes * powers[:n], out=prefix[1:])
    del codes, powers
    by_length: dict[int, list[int]] = defaultdict(list)
    for index, (a, b) in enumerate(spans):
        by_length[b - a].append(index)
    result = [False] * len(spans)
    mask = np.uint64((1 << _BITS) - 1)
    for length, indexes in by_length.items():
        if length <= 0 or length > n:
            continue
        hashes = (prefix[length:] - prefix[:-length]) * inverse[:n - length + 1]
        starts = np.array([spans[i][0] for i in indexes], dtype=np.intp)
        wanted = hashes[starts]
        table = np.zeros(1 << _BITS, dtype=bool)
        table[(wanted & mask).astype(np.intp)] = True
        near = hashes[table[(hashes & mask).astype(np.intp)]]
        values, counts = np.unique(near, return_counts=True)
        seen = dict(zip(values.tolist(), counts.tolist(), strict=True))
        for i, value in zip(indexes, wanted.tolist(), strict=True):
            result[i] = seen.get(value, 0) == 1
    return result

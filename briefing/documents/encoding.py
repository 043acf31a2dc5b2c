"""Which encoding a Chinese text is in: UTF-8 (with or without BOM), UTF-16, GB18030/GBK or
Big5, decided from the bytes alone.

Order matters: a byte-order mark is certain; strict UTF-8 almost never decodes anything else;
UTF-16 without a mark shows itself by zero bytes on one parity (every ASCII digit and newline
has one). Only then is it GB18030 against Big5, where both decode most double-byte input and
charset-normalizer's language model tells which reads as Chinese.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from briefing.documents.extracted import DocumentError

#: Names a web page or a person may give an encoding, mapped to the codec that reads it: GB2312
#: and GBK are subsets of GB18030; Big5 as written by Windows is cp950.
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
           "gb18030": "gb18030", "big5": "cp950", "cp950": "cp950", "big5-hkscs": "big5hkscs",
           "utf-8": "utf-8", "utf8": "utf-8", "utf-16": "utf-16", "utf-16le": "utf-16-le",
           "utf-16be": "utf-16-be"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CHINESE = ("gb18030", "cp950")
#: How much of a large file the statistical guess looks at (it only needs a sample).
_SAMPLE = 256 * 1024
#: Control characters no text has many of (more than a few, and one in a hundred: binary).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


def codec_for(name: str) -> str | None:
    """The codec for an encoding name as a page declares it, or None if unknown."""
    name = name.strip().lower().replace("_", "-")
    if name in ALIASES:
        return ALIASES[name]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(path: Path, data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with.

    ``declared`` (a web page's charset) is tried after a byte-order mark and before guessing;
    a declaration the bytes contradict is ignored rather than trusted.
    """
    text, codec = _decode(path, data, declared)
    controls = len(_CONTROLS.findall(text, 0, _SAMPLE))
    if controls > 2 + min(len(text), _SAMPLE) // 100:
        raise DocumentError(path, "is binary, not text; accepted: " + _accepted())
    return text, codec


def _decode(path: Path, data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(path, data, codec), codec.replace("-sig", "")
    if declared and (codec := codec_for(declared)):
        try:
            return data.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(path, data, utf16), utf16
    if b"\x00" in data:
        raise DocumentError(path, "is binary, not text; accepted: " + _accepted())
    return _chinese(path, data)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no mark: zero bytes (the high half of ASCII, newlines) nearly all on one
    parity (a Chinese character's low byte is zero only now and then: 一 is U+4E00)."""
    sample = data[:_SAMPLE]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if len(data) % 2 or even + odd < max(2, len(sample) // 200):
        return None
    if odd >= 4 * even:
        return "utf-16-le"
    if even >= 4 * odd:
        return "utf-16-be"
    return None


def _chinese(path: Path, data: bytes) -> tuple[str, str]:
    decoded = {}
    for codec in _CHINESE:
        try:
            decoded[codec] = data.decode(codec)
        except UnicodeDecodeError:
            continue
    if len(decoded) == 1:
        return next(iter(decoded.values())), next(iter(decoded))
    if not decoded:
        raise DocumentError(path, "cannot tell its encoding (not UTF-8, UTF-16, GB18030/GBK "
                                  "or Big5); save it as UTF-8 text")
    return decoded[_likelier(data)], _likelier(data)


def _likelier(data: bytes) -> str:
    """GB18030 or Big5, for bytes both decode: the one charset-normalizer finds more
    coherent as Chinese (GB18030 when it cannot tell: the mainland's standard)."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:_SAMPLE], cp_isolation=["gb18030", "big5"])
    ranked = sorted(matches, key=lambda m: (m.chaos, -m.coherence, m.encoding != "gb18030"))
    return "cp950" if ranked and ranked[0].encoding == "big5" else "gb18030"


def _strict(path: Path, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DocumentError(path, f"is not valid {codec.replace('-sig', '').upper()} "
                                  f"(byte {exc.start})") from None


def _accepted() -> str:
    from briefing.documents.extracted import ACCEPTED

    return ACCEPTED

"""What a library lists of each briefing without loading it: title, date, documents, size, and
how much of it is translated. Computed once per pack version and cached by its digest.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefing.model import Pack, Text
from briefing.paths import cache_dir, prune_cache
from briefing.present.translation import translated_share

SUMMARY_FORMAT = 1
#: Summaries kept in the cache folder (each a few hundred bytes).
KEEP = 5000
_stored = 0  # summaries written since the cache was last pruned


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: str
    title: Text
    publisher: Text
    date: str


@dataclass(frozen=True, slots=True)
class Summary:
    """A briefing as a library lists it. ``translated`` is the share (0..1) of its texts that
    have English; ``date`` its latest document's."""

    id: str
    title: Text
    date: str
    documents: tuple[DocumentInfo, ...]
    sections: int
    figures: int
    translated: float


def summarize(pack: Pack) -> Summary:
    return Summary(
        id=pack.id, title=pack.title,
        date=max((d.date for d in pack.documents), default=""),
        documents=tuple(DocumentInfo(d.id, d.title, d.publisher, d.date)
                        for d in pack.documents),
        sections=len(pack.sections), figures=sum(1 for _ in pack.figures()),
        translated=translated_share(pack))


# -- the cache -------------------------------------------------------------------------------
def _path(digest: str) -> Path:
    return cache_dir() / f"library-summary-{digest[:40]}.json"


def cached(digest: str) -> Summary | None:
    """The summary stored for a pack with this digest, or None (absent or unreadable)."""
    try:
        data = json.loads(_path(digest).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("digest") != digest:
        return None
    return from_data(data)


def from_data(data: dict) -> Summary | None:
    """A summary from what :func:`to_data` made; None when it is not one."""
    try:
        if data.get("format") != SUMMARY_FORMAT:
            return None
        return Summary(
            id=str(data["id"]), title=Text(**data["title"]), date=str(data["date"]),
            documents=tuple(DocumentInfo(str(d["id"]), Text(**d["title"]),
                                         Text(**d["publisher"]), str(d["date"]))
                            for d in data["documents"]),
            sections=int(data["sections"]), figures=int(data["figures"]),
            translated=float(data["translated"]))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def to_data(summary: Summary) -> dict:
    def text(value: Text) -> dict[str, str]:
        return {"zh": value.zh, "en": value.en}

    return {"format": SUMMARY_FORMAT, "id": summary.id, "title": text(summary.title),
            "date": summary.date,
            "documents": [{"id": d.id, "title": text(d.title), "publisher": text(d.publisher),
                           "date": d.date} for d in summary.documents],
            "sections": summary.sections, "figures": summary.figures,
            "translated": summary.translated}


def store(digest: str, summary: Summary) -> None:
    """Best effort, atomically: a read-only cache only costs the next listing a pack load."""
    global _stored
    if write_json(_path(digest), {**to_data(summary), "digest": digest}):
        _stored += 1


def write_json(path: Path, data: object) -> bool:
    """Write ``data`` to ``path`` atomically; False (and nothing written) when it cannot."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         suffix=".tmp", delete=False) as handle:
            tmp = handle.name
            json.dump(data, handle, ensure_ascii=False)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def prune() -> None:
    """Keep the newest :data:`KEEP` summaries; only once something was stored since the
    last time (a library opens without listing the cache folder)."""
    global _stored
    if _stored:
        _stored = 0
        prune_cache(cache_dir(), "library-summary-*.json", KEEP)

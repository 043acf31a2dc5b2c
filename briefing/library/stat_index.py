"""What a library folder's packs were the last time it was opened: for each pack its YAML
files' size, modification time and inode, with the digest and summary they had.

Hashing every YAML file of every pack (what a pack's digest is) costs a library of hundreds
of briefings a third of a second each time it opens; a pack whose files all have the size,
time and inode recorded has the digest recorded (as ``make`` and ``git status`` judge a
file). The content is still checked where it matters: loading a pack recomputes its digest.
One small JSON file per library folder, in the cache folder, written atomically.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from briefing.library.summary import Summary, from_data, to_data, write_json
from briefing.paths import cache_dir

INDEX_FORMAT = 1


def file_stats(pack: Path) -> list[list]:
    """[relative name, size, mtime_ns, inode] of each YAML file of the pack."""
    from briefing.pack.cache import yaml_files

    stats = []
    for relative, path in yaml_files(pack):
        info = path.stat()
        stats.append([relative, info.st_size, info.st_mtime_ns, info.st_ino])
    return stats


class StatIndex:
    def __init__(self, root: Path | None) -> None:
        where = str(Path(root).resolve()) if root is not None else ""
        name = hashlib.sha256(where.encode()).hexdigest()[:24]
        self.path = cache_dir() / f"library-index-{name}.json"
        self.packs: dict[str, dict] = {}
        self.changed = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == INDEX_FORMAT and isinstance(data.get("packs"), dict):
                self.packs = data["packs"]
        except (OSError, ValueError, AttributeError):
            pass

    def known(self, pack: Path, stats: list[list]) -> tuple[str, Summary] | None:
        """(digest, summary) recorded for the pack while its files are as they were."""
        record = self.packs.get(str(pack))
        if not isinstance(record, dict) or record.get("files") != stats:
            return None
        summary = from_data(record.get("summary") or {})
        digest = record.get("digest")
        return (digest, summary) if summary is not None and isinstance(digest, str) else None

    def remember(self, pack: Path, stats: list[list], digest: str, summary: Summary) -> None:
        self.packs[str(pack)] = {"files": stats, "digest": digest, "summary": to_data(summary)}
        self.changed = True

    def save(self, keep: set[str]) -> None:
        """Write the index (only the packs in ``keep``, the folder's packs now) if it changed."""
        gone = set(self.packs) - keep
        if self.changed or gone:
            write_json(self.path, {"format": INDEX_FORMAT,
                                   "packs": {k: v for k, v in self.packs.items() if k in keep}})

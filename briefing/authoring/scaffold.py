"""``briefing init``: a new pack that validates at once, its placeholders marked ``TODO``.

Documents are copied into ``documents/`` (a pack reads only its own files and a ``seeds/``
folder beside it) and hashed, with the UTF-8 text extracted from any that is not UTF-8 text
already (PDF, web page, Word, GB18030...); nothing that exists is ever overwritten.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from briefing.authoring.document_files import (
    DocumentFileError,
    KeptDocument,
    entry_text,
    read_for_pack,
    write_files,
)
from briefing.authoring.stubs import slug


class ScaffoldError(Exception):
    """Why the pack cannot be created; one line for the user."""


#: The units the stub command guesses most often, so most drafts validate in a new pack (stub
#: lists any other a draft needs; its draft says unit TODO until it is declared).
UNITS = """\
units:                      # unit id: {zh: measure word, en: plural, singular: one}
  enterprises: {zh: 家, en: enterprises, singular: enterprise}
  institutions: {zh: 家, en: institutions, singular: institution}
  rd-institutions: {zh: 家/个, en: R&D institutions, singular: R&D institution}
  laboratories: {zh: 家, en: laboratories, singular: laboratory}
  platforms: {zh: 个, en: platforms, singular: platform}
  centres: {zh: 个, en: centres, singular: centre}
  projects: {zh: 个/项, en: projects, singular: project}
  schools: {zh: 所, en: schools, singular: school}
  school-places: {zh: 个, en: school places, singular: school place}
  households: {zh: 户, en: households, singular: household}
  usd: {zh: 美元, en: US dollars}
  km: {zh: 公里, en: km}
  people: {zh: 人, en: people, singular: person}
  items: {zh: 个/项, en: items, singular: item}
  editions: {zh: 届, en: editions, singular: edition}
  years: {zh: 年, en: years, singular: year}
  yuan: {zh: 元, en: yuan}
  percent: {zh: "%", en: "%"}
  percentage-points: {zh: 个百分点, en: percentage points, singular: percentage point}
  times: {zh: 倍, en: times}
  rank: {zh: 名, en: rank}
  ratio: {zh: 比值, en: ratio}
"""


def manifest_text(pack_id: str, documents: list[tuple[str, KeptDocument]], year: str) -> str:
    docs = "".join(entry_text(doc_id, document, year) for doc_id, document in documents)
    return f"""\
# The pack's manifest: see docs/writing-a-briefing.md for every field.
id: {pack_id}
title: {{zh: "TODO: 简报标题", en: "TODO: briefing title"}}

documents:                  # sha256 computed by 'briefing init'; re-run sha256sum if you edit
{docs}
{UNITS}
# Hedge words beyond the built-in 超 超过 余 多 以上 左右 约 近 预计, with what they mean
# (above, about, below, at-least); 'briefing stub' uses these.
hedges: {{逾: above, 突破: above, 接近: below}}

# Optional: scopes beyond city/province/national/global, structure the validator should
# enforce, numbers 'briefing coverage' should skip.
# scopes: {{region: {{zh: 区域, en: regional}}}}
# rules: [{{node: plans, children: 3}}]
# coverage_ignore: coverage-ignore.yaml

sections:
  - overview

comparisons: comparisons.yaml
"""


SECTION = """\
# A top-level section. Items nest under 'items'; figures sit on the section or an item.
# 'briefing stub DOCUMENT --section ID' drafts a whole section file from a document.
id: overview
title: {zh: "TODO: 概况", en: "TODO: Overview"}
text:
  zh: "TODO: 中文正文（忠实于原文）"
  en: "TODO: English text"
items: []
figures: []
"""

COMPARISONS = """\
# Curated comparisons (peers, ratio, progress, ranking, timeline); see the guide.
[]
"""


def create(root: Path, documents: list[Path]) -> list[Path]:
    """Write a new pack into ``root`` (which must not exist or be empty); the files written.

    Every document is read first (any format :func:`briefing.documents.read_document`
    takes), so a document that cannot be read leaves nothing behind.
    """
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ScaffoldError(f"{root} already exists and is not empty; nothing was written")
    if not documents:
        raise ScaffoldError("give at least one --doc FILE")
    entries: list[tuple[str, KeptDocument]] = []
    ids, names = set(), set()
    for doc in documents:
        try:
            kept = read_for_pack(doc)
        except DocumentFileError as exc:
            raise ScaffoldError(f"{exc}; nothing was written") from None
        doc_id = slug(doc.stem, f"doc-{len(ids) + 1}")  # a Chinese file name gives no id
        if doc_id in ids:
            raise ScaffoldError(f"two documents would both get the id '{doc_id}'; rename one")
        if {kept.file, kept.text_file} & names:
            raise ScaffoldError(f"two documents are both named {doc.name}; rename one")
        ids.add(doc_id)
        names.update(name for name in (kept.file, kept.text_file) if name)
        entries.append((doc_id, kept))
    year = str(datetime.date.today().year)
    root.mkdir(parents=True, exist_ok=True)
    (root / "sections").mkdir()
    written = []
    for _, kept in entries:
        written += write_files(kept, root)
    for name, text in (("manifest.yaml", manifest_text(slug(root.name, "briefing"), entries,
                                                        year)),
                       ("sections/overview.yaml", SECTION), ("comparisons.yaml", COMPARISONS)):
        (root / name).write_text(text, encoding="utf-8")
        written.append(root / name)
    return written

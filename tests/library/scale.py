"""Libraries of any size made from the six test packs: each copy is a province of its own
(its name changed in the document and the pack alike, so every quote stays verbatim), with a
paragraph of its own added to its document. For tests and bench/library_bench.py.

    python tests/library/scale.py OUT_DIR COUNT
"""

from __future__ import annotations

import hashlib
import itertools
import shutil
import sys
from pathlib import Path

PACKS = Path(__file__).resolve().parent / "packs"
#: base pack -> (its province's Chinese name without 省, its English name)
BASES = {"lanjiang": ("澜江", "Lanjiang"), "daibei": ("岱北", "Daibei"),
         "nanyu": ("南屿", "Nanyu")}
YEARS = ("2025", "2026")
_FIRST = "东西南北中云海江河山湖川岭原泽宁安平兴嘉"
_SECOND = "阳州川陵源宁安原江山林泉台浦峰溪桥城都"
_EXTRA = (
    "{name}坚持以人民为中心的发展思想，持续办好民生实事，群众获得感、幸福感、安全感不断增强。",
    "{name}深入推进营商环境优化提升行动，政务服务事项实现全程网办，企业开办时间进一步压缩。",
    "{name}扎实推进乡村全面振兴，建设宜居宜业和美乡村，农村人居环境持续改善。",
    "{name}着力推动绿色低碳转型，加快构建清洁低碳安全高效的能源体系，生态环境质量稳中向好。",
    "{name}统筹发展和安全，守牢安全生产底线，防范化解重点领域风险取得积极成效。",
)


def province_names() -> list[tuple[str, str]]:
    """(Chinese, English) names of made-up provinces, none of them a base pack's."""
    from pypinyin import lazy_pinyin

    names: dict[str, str] = {}  # English -> Chinese: one province per spelling
    for first, second in itertools.product(_FIRST, _SECOND):
        zh = first + second
        en = "".join(lazy_pinyin(zh)).capitalize()
        if first != second and zh not in {b[0] for b in BASES.values()} \
                and en.lower() not in BASES:
            names.setdefault(en, zh)
    return [(zh, en) for en, zh in names.items()]


def make_library(target: Path, count: int) -> list[str]:
    """Write a library of ``count`` briefings to ``target`` (which must not exist): the six
    test packs first, then copies; returns the briefing ids."""
    target.mkdir(parents=True)
    made: list[str] = []
    names = iter(province_names())
    bases = [(b, y) for b in BASES for y in YEARS]
    for base, year in bases:
        if len(made) < count:
            shutil.copytree(PACKS / f"{base}-{year}", target / f"{base}-{year}")
            made.append(f"{base}-{year}")
    n = 0
    while len(made) < count:
        zh, en = next(names)
        for year in YEARS:
            if len(made) >= count:
                break
            base = bases[(n // 2) % 3 * 2][0]
            made.append(_copy(base, year, zh, en, target, n))
        n += 2
    _library_file(target, made)
    return made


def _copy(base: str, year: str, zh: str, en: str, target: Path, n: int) -> str:
    old_zh, old_en = BASES[base]
    new_id = f"{en.lower()}-{year}"
    folder = target / new_id
    shutil.copytree(PACKS / f"{base}-{year}", folder)
    doc = folder / "documents" / "report.txt"
    text = doc.read_text(encoding="utf-8").replace(old_zh, zh)
    text += "\n" + _EXTRA[n % len(_EXTRA)].format(name=zh + "省") + "\n"
    doc.write_text(text, encoding="utf-8")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    for path in folder.rglob("*.yaml"):
        data = path.read_text(encoding="utf-8").replace(old_zh, zh).replace(old_en, en)
        data = data.replace(f"{base}-{year}", new_id)
        if path.name == "manifest.yaml":
            start = data.index("sha256: ") + len("sha256: ")
            data = data[:start] + sha + data[start + 64:]
        path.write_text(data, encoding="utf-8")
    return new_id


def _library_file(target: Path, made: list[str]) -> None:
    spec = (PACKS / "library.yaml").read_text(encoding="utf-8")
    head = spec[:spec.index("comparisons:")]
    latest = [b for b in made if b.endswith("-2026")]
    lines = [head + "comparisons:",
             "  - id: gdp-growth-targets-2026",
             "    title: {zh: 2026年地区生产总值增长目标, en: GDP growth targets for 2026}",
             "    kind: peers", "    indicator: gdp-growth", '    period: "2026"',
             "    figure_kind: target", f"    briefings: [{', '.join(latest)}]",
             "  - id: lanjiang-rd-intensity",
             "    title: {zh: 澜江省研发经费投入强度, en: \"Lanjiang: R&D intensity\"}",
             "    kind: timeline", "    indicator: rd-intensity", "    figure_kind: actual",
             "    briefings: [lanjiang-2025, lanjiang-2026]", ""]
    (target / "library.yaml").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    print(len(make_library(Path(sys.argv[1]), int(sys.argv[2]))), "briefings")

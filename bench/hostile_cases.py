"""The probes of :mod:`hostile_probe`, by kind: paths, packs, outputs, export targets, state,
caches, the line breaker and ``briefing serve``."""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from hostile_probe import HOSTILE, Probe, Prober


def path_probes(p: Prober) -> list[Probe]:
    """Paths the system refuses, and special files, in every command that takes a path."""
    spot = p.fresh("paths")
    (spot / "file").write_text("x")
    os.symlink(spot / "loop", spot / "loop")
    os.mkfifo(spot / "fifo")
    (spot / "dir").mkdir()
    seed = next((p.code / "seeds").iterdir())
    kinds = {"long": spot / ("x" * 300), "long-inside": spot / ("y" * 300) / "x",
             "loop": spot / "loop" / "x", "not-a-dir": spot / "file" / "x",
             "missing": spot / "missing", "fifo": spot / "fifo", "zero": Path("/dev/zero"),
             "dir": spot / "dir"}
    probes = []
    for kind, path in kinds.items():
        text = str(path)
        probes += [Probe(f"validate {kind}", ["validate", text]),
                   Probe(f"coverage {kind}", ["coverage", text]),
                   Probe(f"--content {kind}", ["--content", text, "figures"]),
                   Probe(f"stub {kind}", ["stub", text]),
                   Probe(f"init --doc {kind}", ["init", "newpack", "--doc", text]),
                   Probe(f"serve --content {kind}", ["serve", "--content", text, "--port", "1"])]
        if kind not in ("missing", "dir"):  # a new file there is fine, a folder is refused
            probes.append(Probe(f"export -o {kind}", ["export", "weaknesses", "-o", text]))
        if kind in ("long", "long-inside", "loop", "not-a-dir", "fifo"):
            probes.append(Probe(f"init {kind}", ["init", text, "--doc", str(seed)]))
        if kind in ("long", "long-inside", "loop", "not-a-dir", "fifo", "zero"):
            probes += [  # a hostile folder in the environment: a note, never a crash
                Probe(f"BRIEFING_CACHE_DIR {kind}", ["figures"], ok=True,
                      env={"BRIEFING_CACHE_DIR": text}),
                Probe(f"BRIEFING_STATE_DIR {kind}: pins", ["pins"], ok=True,
                      env={"BRIEFING_STATE_DIR": text}),
                Probe(f"BRIEFING_STATE_DIR {kind}: pin", ["pin", "weaknesses"],
                      env={"BRIEFING_STATE_DIR": text}),
                Probe(f"export --pins -o {kind}", ["export", "--pins", "-o", text])]
    return probes


def _append(name: str, text: str) -> Callable[[Path], None]:
    def edit(content: Path) -> None:
        with (content / name).open("a", encoding="utf-8") as fh:
            fh.write(text)
    return edit


def _seeds_out(content: Path) -> None:
    seeds = content.parent / "seeds"
    shutil.move(seeds, content.parent / "elsewhere")
    os.symlink(content.parent / "elsewhere", seeds)


def pack_probes(p: Prober) -> list[Probe]:
    hostile = {
        "yaml int over 4300 digits": _append("sections/weaknesses.yaml", "x: " + "1" * 5000),
        "yaml hex int too wide": _append("sections/weaknesses.yaml", "x: 0x" + "f" * 5000),
        "yaml impossible date": _append("sections/weaknesses.yaml", "x: 2024-02-30\n"),
        "yaml alias bomb": _append("sections/weaknesses.yaml", "a: &a [x, x]\nb: [*a, *a]\n"),
        "yaml python tag": _append("sections/weaknesses.yaml",
                                   "x: !!python/object/apply:os.system ['true']\n"),
        "seeds links out": _seeds_out,
    }
    probes = []
    for name, edit in hostile.items():
        content = str(p.pack(name.replace(" ", "-"), edit))
        probes += [Probe(f"validate: {name}", ["validate", content]),
                   Probe(f"figures: {name}", ["--content", content, "figures"])]
    return probes


def output_probes(p: Prober) -> list[Probe]:
    """Hostile text in a pack: every output inert, CSV without formulas."""
    def edit(content: Path) -> None:
        manifest = content / "manifest.yaml"
        text = manifest.read_text(encoding="utf-8")
        title = _yaml_text(f"=HYPERLINK(1){HOSTILE}")
        manifest.write_text(text.replace("  zh: 苏州市科学技术局", f"  zh: {title}", 1),
                            encoding="utf-8")
        section = content / "sections" / "weaknesses.yaml"
        text = section.read_text(encoding="utf-8")
        start = text.index("label:")
        end = text.index("\n", text.index("en:", start))
        section.write_text(text[:start] + f"label: {{zh: {title}, en: {title}}}" + text[end:],
                           encoding="utf-8")

    content = str(p.pack("hostile-text", edit))

    def no_formula(result, work) -> str:
        import csv
        import io

        cells = [c for row in csv.reader(io.StringIO(result.stdout)) for c in row]
        bad = [c for c in cells if c[:1] in ("=", "+", "@") or (c.startswith("-")
                                                                 and not _number(c))]
        return f"formula cells: {bad[:2]}" if bad else ""

    args = [["figures"], ["figures", "--json"], ["show", "weaknesses"], ["sections"],
            ["export", "weaknesses"], ["search", "evil"], ["show", "review-2024"]]
    probes = [Probe(f"output {' '.join(a)}", ["--content", content, *a],
                    ok=a[-1] != "review-2024") for a in args]
    probes += [Probe("output figures --csv", ["--content", content, "figures", "--csv"], ok=True,
                     check=no_formula)]
    return probes


def _yaml_text(text: str) -> str:
    """``text`` as one double-quoted YAML scalar (escapes where YAML needs them)."""
    import yaml

    return yaml.safe_dump(text, default_style='"', width=10**9, allow_unicode=True
                          ).split("\n...")[0].strip()


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def export_probes(p: Prober) -> list[Probe]:
    def device(work: Path) -> None:
        os.symlink("/dev/null", work / "null")  # a link: old code replaces the link, not /dev
        os.mkfifo(work / "fifo")

    def kept(name: str, test: Callable[[int], bool]) -> Callable:
        def check(result, work: Path) -> str:
            return "" if test(os.stat(work / name).st_mode) else f"{name} was replaced"
        return check

    def no_file(name: str) -> Callable:
        def check(result, work: Path) -> str:
            return f"wrote a file named {name!r}" if os.path.lexists(work / name) else ""
        return check

    return [
        Probe("export -o device --force", ["export", "weaknesses", "-o", "null", "--force"],
              setup=device, check=kept("null", stat.S_ISCHR)),
        Probe("export -o fifo --force", ["export", "weaknesses", "-o", "fifo", "--force"],
              setup=device, check=kept("fifo", stat.S_ISFIFO)),
        Probe("export -o missing-dir/", ["export", "weaknesses", "-o", "nowhere/"],
              check=no_file("nowhere")),
        Probe("export -o -", ["export", "weaknesses", "-o", "-"], ok=True, check=no_file("-")),
        Probe("export --pins -o - (no pins)", ["export", "--pins", "-o", "-"],
              check=no_file("-")),
    ]


def _state(raw: bytes | None = None, bad_folder: bool = False) -> Callable[[Path], None]:
    def setup(work: Path) -> None:
        folder = work / "state"
        folder.mkdir()
        if raw is not None:
            (folder / "state.json").write_bytes(raw)
        if bad_folder:
            (folder / "state.json.bad").mkdir()
            (folder / "state.json.bad" / "x").write_text("x")
    return setup


def _packs_file(packs: int, pins: int) -> bytes:
    entry = {"pins": [f"p-{n}" for n in range(pins)]}
    return json.dumps({"version": 1, "packs": {f"pack-{n}": entry for n in range(packs)}}
                      ).encode()


def _bad_state_kept(result, work: Path) -> str:
    kept = [p for p in (work / "state").rglob("*") if p.is_file()
            and p.read_bytes() == b"{damaged"]
    return "" if kept else "the damaged state file is gone, no copy kept"


def _pins_kept(count: int) -> Callable:
    def check(result, work: Path) -> str:
        data = json.loads((work / "state" / "state.json").read_text())
        have = sum(len(e.get("pins", [])) + len(e.get("set_aside", []))
                   for e in data["packs"].values())
        return "" if have >= count else f"{count - have} pins lost"
    return check


STALE_APP = """
import sys
from pathlib import Path
from briefing.pack import bundled_pack_dir, load_pack
from briefing.tui.session import Session
from briefing.userstate import StateStore
folder = Path("state")
pack = load_pack(bundled_pack_dir())
app = Session(pack, StateStore(folder))               # the app starts
StateStore(folder).update(pack.id, lambda s: (s.pins.append("tech-smes-2024"), s)[1])
app.remember(open_id="weaknesses")                     # j, Enter in the app
pins = StateStore(folder).load(pack.id).pins
sys.exit(0 if "tech-smes-2024" in pins else "the app's write erased a pin made elsewhere")
"""


def state_probes(p: Prober) -> list[Probe]:
    return [
        Probe("state: damaged file, .bad is a folder", ["pin", "weaknesses"], ok=True,
              setup=_state(b"{damaged", bad_folder=True), check=_bad_state_kept),
        Probe("state: pin 2,001", ["pin", "weaknesses"],
              setup=_state(_packs_file(1, 0).replace(b'"pack-0"', b'"suzhou-st-2025"')
                           .replace(b'"pins": []', json.dumps(
                               {"pins": [f"x-{n}" for n in range(2000)]})[1:-1].encode())),
              check=_pins_kept(2000)),
        Probe("state: pack 201 with pins", ["pin", "weaknesses"],
              setup=_state(_packs_file(200, 1)), check=_pins_kept(200)),
        Probe("state: file is a folder", ["pins"], ok=True,
              setup=lambda work: (work / "state" / "state.json").mkdir(parents=True)),
        Probe("state: the app's write keeps a pin made elsewhere", [], ok=True,
              script=STALE_APP),
    ]


PLANT = """
import pickle, subprocess, sys
from pathlib import Path
from briefing.pack import bundled_pack_dir
from briefing.pack.cache import pack_digest
cache = Path("cache"); cache.mkdir(mode=int(sys.argv[1], 8), exist_ok=True)
cache.chmod(int(sys.argv[1], 8))
marker = Path("pwned").resolve()
class Payload:
    def __reduce__(self):
        return (Path.touch, (marker,))
(cache / f"pack-{pack_digest(bundled_pack_dir())}.pickle").write_bytes(pickle.dumps(Payload()))
done = subprocess.run([sys.executable, "-m", "briefing", "figures"], capture_output=True)
if marker.exists():
    sys.exit("a pickle planted in the cache ran")
if done.returncode:
    sys.exit(done.stderr.decode()[-200:])
"""


def cache_probes(p: Prober) -> list[Probe]:
    def world_writable_unused(result, work: Path) -> str:
        used = list((work / "cache").glob("pack-*.pickle"))
        still_open = (work / "cache").stat().st_mode & 0o022
        return ("wrote its pack cache into a folder others can write"
                if used and still_open else "")

    return [Probe("cache: planted pickle (private folder)", ["700"], ok=True, script=PLANT),
            Probe("cache: planted pickle (world-writable folder)", ["777"], ok=True,
                  script=PLANT),
            Probe("cache: world-writable folder is not used", ["figures"], ok=True,
                  setup=lambda work: (work / "cache").mkdir(mode=0o777) or
                  (work / "cache").chmod(0o777), check=world_writable_unused)]


def breaker_probes(p: Prober) -> list[Probe]:
    """One unbroken word of 400k letters, and a run of 100k Chinese numerals, in a section's
    text: linear work takes seconds, quadratic minutes (limits are generous: a busy machine)."""
    probes = []
    for name, run in (("a 400k-letter word", "a" * 400_000), ("100k Chinese numerals",
                                                              "一" * 100_000)):
        content = p.pack(name.split()[1])
        section = content / "sections" / "talent-services.yaml"
        lines = section.read_text(encoding="utf-8").splitlines()
        at = next(n for n, line in enumerate(lines) if line.strip().startswith("en:"))
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        lines[at] = f"{indent}en: {run}"
        section.write_text("\n".join(lines) + "\n", encoding="utf-8")
        probes.append(Probe(f"show {name}", ["--content", str(content), "show",
                                             "talent-services"], ok=True, max_seconds=20.0,
                            timeout=120))
    return probes


def _serve_case(name: str) -> Probe:
    script = (Path(__file__).with_name("hostile_serve.py")).read_text(encoding="utf-8")
    return Probe(f"serve: {name}", [name], ok=True, script=script, timeout=90)


def serve_probes(p: Prober) -> list[Probe]:
    return [_serve_case(name) for name in ("fontsize", "sigkill", "closed-tab", "shutdown",
                                           "broken-pack")]


ALL = [path_probes, pack_probes, output_probes, export_probes, state_probes, cache_probes,
       breaker_probes, serve_probes]

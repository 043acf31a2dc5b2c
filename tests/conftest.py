"""Shared fixtures: the bundled pack, and a factory for small packs to break on purpose."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from briefing.pack import bundled_pack_dir, load_pack

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

ITEM_QUOTE = "二是强主体，推进企业创新能级提升。"
SME_QUOTE = "国家科技型中小企业2.43万家、全国第一"
HNTE_QUOTE = "高企超1.9万家"


def _figure(fid: str, value: float, display: str, quote: str, **extra) -> dict:
    data = {
        "id": fid,
        "label": {"zh": "指标" + fid, "en": "Figure " + fid},
        "value": value,
        "unit": "enterprises",
        "display": display,
        "period": "2024",
        "kind": "actual",
        "source": {"doc": "review-2024", "quote": quote},
    }
    data.update(extra)
    return data


def minimal_pack_data() -> dict[str, object]:
    """The files of a small valid pack, as plain data (file name -> YAML data)."""
    manifest = yaml.safe_load((ROOT / "content" / "manifest.yaml").read_text(encoding="utf-8"))
    manifest.pop("coverage_ignore", None)  # the bundled list names numbers of its own figures
    plans = [
        {"id": f"plan-{n}", "title": {"zh": f"行动{n}", "en": f"Plan {n}"},
         "text": {"zh": "内容", "en": "Text"},
         "source": {"doc": "review-2024", "quote": ITEM_QUOTE}}  # every item cites its source
        for n in range(1, 6)
    ]
    plans[0]["figures"] = [_figure("hntes-target", 19000, "超1.9万家", HNTE_QUOTE,
                                   kind="target", period="2025", qualifier="超")]
    return {
        "manifest.yaml": manifest,
        "sections/achievements.yaml": {
            "id": "achievements",
            "title": {"zh": "成效", "en": "Achievements"},
            "text": {"zh": "回顾", "en": "Review"},
            "items": [{
                "id": "ach-enterprises",
                "title": {"zh": "强主体", "en": "Stronger enterprises"},
                "text": {"zh": "企业", "en": "Enterprises"},
                "source": {"doc": "review-2024", "quote": ITEM_QUOTE},
                "figures": [
                    _figure("smes", 24300, "2.43万家", SME_QUOTE),
                    _figure("smes-rank", 1, "全国第一", SME_QUOTE, unit="rank", kind="rank",
                            scope="national"),
                ],
            }],
        },
        "sections/weaknesses.yaml": {"id": "weaknesses", "title": {"zh": "短板", "en": "Gaps"},
                                     "text": {"zh": "差距", "en": "Gaps"}},
        "sections/action-plans.yaml": {"id": "action-plans",
                                       "title": {"zh": "行动", "en": "Action Plans"},
                                       "text": {"zh": "五大行动", "en": "Five actions"},
                                       "items": plans},
        "sections/talent-services.yaml": {"id": "talent-services",
                                          "title": {"zh": "人才", "en": "Talent"},
                                          "text": {"zh": "人才", "en": "Talent"}},
        "comparisons.yaml": [
            {"id": "hnte-progress", "title": {"zh": "进度", "en": "Progress"},
             "kind": "progress", "entries": [{"figure": "smes", "target": "hntes-target"}]},
        ],
    }


PackFactory = Callable[..., Path]


@pytest.fixture(autouse=True, scope="session")
def _no_default_library(tmp_path_factory):
    """Commands without --content read the default library: in tests, an empty folder of its
    own (never the developer's), so they read the bundled pack as they always did."""
    import os

    saved = os.environ.get("BRIEFING_LIBRARY_DIR")
    os.environ["BRIEFING_LIBRARY_DIR"] = str(tmp_path_factory.mktemp("default-library"))
    yield
    if saved is None:
        os.environ.pop("BRIEFING_LIBRARY_DIR", None)
    else:
        os.environ["BRIEFING_LIBRARY_DIR"] = saved


@pytest.fixture
def make_pack(tmp_path: Path) -> PackFactory:
    """Write a pack into tmp_path: ``make_pack(edit)`` lets ``edit(files)`` change the data
    first; ``raw={"file": "text"}`` writes files verbatim (for syntax errors and bytes)."""

    def factory(edit: Callable[[dict], None] | None = None,
                raw: dict[str, str | bytes] | None = None) -> Path:
        files = copy.deepcopy(minimal_pack_data())
        if edit:
            edit(files)
        pack = tmp_path / "content"
        if not (tmp_path / "seeds").exists():
            shutil.copytree(SEEDS, tmp_path / "seeds")
        for name, data in files.items():
            path = pack / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                            encoding="utf-8")
        for name, text in (raw or {}).items():
            path = pack / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        return pack

    return factory


@pytest.fixture(scope="session")
def bundled():
    return load_pack(bundled_pack_dir())


@pytest.fixture
def imported_packages():
    """``imported_packages(statements, among)``: which of the top-level packages ``among`` a
    fresh interpreter has imported once it has run ``statements`` (sorted)."""
    import json
    import subprocess
    import sys

    def run(statements: str, among: set[str]) -> list[str]:
        code = (f"import json, sys\n{statements}\n"
                f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}}"
                f" & set({sorted(among)!r}))))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=False)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    return run


@pytest.fixture
def fresh_cli_state(tmp_path, monkeypatch):
    """A clean CLI state (no pack loaded, English, bundled pack) and a private cache folder."""
    from briefing.cli.console import state

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    state.content, state.lang, state._pack, state.lang_given = None, "en", None, False
    yield state
    state.content, state.lang, state._pack, state.lang_given = None, "en", None, False


@pytest.fixture
def briefing(fresh_cli_state, tmp_path, monkeypatch):
    """``briefing(*args)``: run one command line in a fresh CLI state (a command may load a
    pack or set --content; the next starts clean), with private cache and state folders."""
    from typer.testing import CliRunner

    from briefing.cli import app

    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))
    runner = CliRunner()

    def invoke(*args: str):
        fresh_cli_state.content, fresh_cli_state._pack = None, None
        fresh_cli_state.lang, fresh_cli_state.lang_given = "en", False
        result = runner.invoke(app, list(args))
        assert "Traceback" not in result.output, result.output
        return result

    return invoke

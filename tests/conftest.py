"""Shared fixtures: the bundled pack, a factory for small packs to break on purpose, and the
folders every test writes to.

The suite runs in parallel (pytest-xdist, see ``[tool.pytest.ini_options]``): each worker is
a process of its own, so nothing a test writes may be shared with another worker. Caches go to
a folder of the worker's own, user state to a folder of the test's own (below); the browser
tests pick ports from a range of their worker's own (tests/web/webtools.py).
"""

from __future__ import annotations

import copy
import gc
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

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

# No test here is timed (speed goals live in bench/): the suite runs in parallel, beside other
# work, on busy machines, where Hypothesis's 200 ms deadline and its too-slow health check fail
# at random (a pin test once took 280 ms on its first example, 29 ms on the replay).
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")

#: The slow tier (``-m slow``; ``-m "not slow"`` leaves it out): whole modules and single tests
#: (every parameter) that take seconds each. ``pytest --durations=40`` shows the candidates.
SLOW = (
    "tests/robustness/test_app_robustness.py",  # the monkey, resizing, 10,000 items
    "tests/robustness/test_terminals.py",  # every command in three environments, as processes
    "tests/web/test_browser.py",
    "tests/web/test_stop.py",
    "tests/search/test_store.py",  # stores of a large synthetic pack
    "tests/robustness/test_extreme_content.py::test_ten_thousand_items_and_long_lines_load",
    "tests/robustness/test_hostile_packs.py::test_pure_python_loader_fallback",
    "tests/foundation/test_cli_output.py::test_show_accepts_every_id_the_pack_has",
    "tests/foundation/test_packaging.py::test_wheel_ships_the_pack_and_the_seeds",
    "tests/foundation/test_comparison_renderers.py::"
    "test_every_renderer_shows_the_models_numbers_and_marks",
    "tests/tui/test_search_large.py::test_the_app_builds_a_library_index_in_a_child_process",
    "tests/tui/test_app.py::test_every_screen_survives_small_and_large_terminals",
    "tests/web/test_server_robustness.py",  # servers stopped every way, apps that will not quit
    "tests/web/test_library_served.py",
    "tests/web/test_brief_page.py",  # the brief laid out in Chromium
    "tests/tui/test_many_figures.py::"
    "test_thousands_of_figures_are_measured_once_and_drawn_as_seen",
    "tests/tui/test_quotes_and_copies.py::"
    "test_the_source_view_steps_through_every_quote_of_an_item",
    "tests/foundation/test_cli_output.py::"
    "test_show_keeps_ids_whole_and_citations_on_their_sentence",
    "tests/state/test_userstate.py::test_any_entry_loads_to_valid_types_and_keeps_good_pins",
    "tests/state/test_userstate.py::test_two_writers_never_tear_the_file",
    "tests/state/test_userstate.py::test_any_bytes_load_without_raising",
    "tests/documents/test_add_doc.py::test_add_several_with_pages_and_encodings",
    "tests/tui/test_snapshots_widths.py",  # four screens, two languages, four widths
)


def _in_slow_tier(nodeid: str) -> bool:
    test = nodeid.split("[")[0]
    return test in SLOW or test.split("::")[0] in SLOW


def pytest_collection_modifyitems(config, items) -> None:
    """Mark the slow tier, and collect it first: the xdist workers take the long tests one at
    a time and the short ones fill in at the end, rather than one worker starting a long test
    while the others have nothing left to do."""
    for item in items:
        if _in_slow_tier(item.nodeid):
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def dump_yaml(data) -> str:
    """``yaml.safe_dump``, through libyaml for a large file (a 10,000-item section takes
    seconds in pure Python, a quarter of that in libyaml, to the same text). Small files keep
    the pure-Python text byte for byte: libyaml folds some long quoted strings differently."""
    large = len(repr(data)) > LARGE_YAML
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper) if large else yaml.SafeDumper
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False)


LARGE_YAML = 100_000  # characters of data (the 10,000-item pack checked: the same text)


def pytest_sessionfinish(session) -> None:
    """An xdist worker that has not finished 5 s after the run ends is interrupted (execnet's
    SIGINT, which lands in whatever runs then and is reported as a warning). Pytest's clean-up
    collects garbage five times over the worker's ~600,000 objects, seconds on a busy machine:
    collect once here (garbage now is still collected and any finaliser's error reported), then
    freeze what survives, so those five passes look at new objects only."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        gc.collect()
        gc.freeze()


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Caches (validated packs, line breaks, search indexes) in a folder of this worker's own,
    never the user's and never another worker's. A cache changes no output, so the tests of a
    worker share it, as they would share the user's; a test that needs a cold cache sets
    ``BRIEFING_CACHE_DIR`` itself."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(autouse=True, scope="session")
def _no_default_library(tmp_path_factory):
    """Commands without --content read the default library: in tests, an empty folder of the
    worker's own (never the developer's), so they read the bundled pack as they always did.
    Set for the session, so that servers a module starts read it too; each test then gets a
    folder of its own (``_private_state``)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_LIBRARY_DIR", str(tmp_path_factory.mktemp("default-library")))
        yield


@pytest.fixture(autouse=True)
def _private_state(tmp_path_factory, monkeypatch):
    """User state (pins, where the reader left off) and the default library (what commands
    without --content read) in folders of each test's own: the library empty, never the
    developer's, so those commands read the bundled pack as they always did."""
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path_factory.mktemp("state")))
    monkeypatch.setenv("BRIEFING_LIBRARY_DIR", str(tmp_path_factory.mktemp("default-library")))


@pytest.fixture(autouse=True)
def _fresh_command_line():
    """Each test starts with the command line's state as a new process has it. The state is
    one object per process, and a test's ``--lang zh`` stayed in it: a later test in the same
    worker, run without ``--lang``, printed Chinese (which test ran before depends on how
    xdist hands them out)."""
    import sys

    console = sys.modules.get("briefing.cli.console")
    if console is not None:  # never imported yet: nothing to reset
        console.state.__init__()
    yield


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
            path.write_text(dump_yaml(data), encoding="utf-8")
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

"""The README's Quickstart is what CI runs, and the wheel carries the pack and the seeds."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"(?ms)^## Quickstart\n.*?```[a-z]*\n(.*?)```", readme)
    assert block, "README has a Quickstart fenced block"
    return [line.strip() for line in block.group(1).splitlines() if line.strip()]


def test_quickstart_has_two_commands_and_ci_runs_the_second():
    commands = quickstart_commands()
    assert len(commands) == 2
    assert commands[0].endswith("briefing")
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_wheel_ships_the_pack_and_the_seeds(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("briefing-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"briefing/_bundled/content/manifest.yaml",
                "briefing/_bundled/content/comparisons.yaml",
                "briefing/_bundled/seeds/004_448e8b491080ac94.txt",
                "briefing/_bundled/seeds/000_3dafd4bf9d1112e2.txt"}
    expected |= {f"briefing/_bundled/content/sections/{name}.yaml"
                 for name in ("achievements", "weaknesses", "action-plans", "talent-services")}
    assert expected <= names
    assert any(name.endswith(".tcss") for name in names), "app styles ship too"

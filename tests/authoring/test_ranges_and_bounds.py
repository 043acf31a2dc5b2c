"""Ranges, ceilings and floors through the model, the validator and every output (issue 31,
point 2): one figure with a low and a high; "5.5%以内" is "at most 5.5%", never "nearly"; a
ceiling is met by staying under it."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest
import yaml
from typer.testing import CliRunner

from briefing.cli import app
from briefing.figures.formatting import figure_value, value_parts, value_phrase
from briefing.pack import PackInvalid, load_pack
from briefing.present.bounds import INF, figure_bound

runner = CliRunner()

DOC = ("东湖市2026年政府工作报告\n"
       "2025年，城镇调查失业率5.0%，居民消费价格上涨2.4%，全市创新指数居全省前三。\n"
       "今年主要预期目标是：固定资产投资增长4.5%—5%；城镇调查失业率控制在5.5%以内；"
       "城镇新增就业不少于28万人；居民消费价格涨幅不超过2%。\n")


def _fig(fid, value, unit, display, period, kind, quote, **extra):
    return {"id": fid, "label": {"zh": fid, "en": fid}, "value": value, "unit": unit,
            "display": display, "period": period, "kind": kind, **extra,
            "source": {"doc": "report", "quote": quote}}


FIGURES = [
    _fig("unemployment-2025", 5.0, "percent", "5.0%", "2025", "actual", "城镇调查失业率5.0%"),
    _fig("cpi-2025", 2.4, "percent", "2.4%", "2025", "actual", "居民消费价格上涨2.4%"),
    _fig("innovation-rank-2025", 3, "rank", "前三", "2025", "rank", "全市创新指数居全省前三",
         qualifier="前", scope="province"),
    _fig("investment-target-2026", 4.5, "percent", "4.5%—5%", "2026", "target",
         "固定资产投资增长4.5%—5%", high=5),
    _fig("unemployment-ceiling-2026", 5.5, "percent", "5.5%", "2026", "target",
         "城镇调查失业率控制在5.5%以内", qualifier="以内"),
    _fig("jobs-floor-2026", 280000, "people", "28万人", "2026", "target",
         "城镇新增就业不少于28万人", qualifier="不少于"),
    _fig("cpi-ceiling-2026", 2, "percent", "2%", "2026", "target", "居民消费价格涨幅不超过2%",
         qualifier="不超过"),
]


def write(root, figures=FIGURES, doc=DOC):
    files = {
        "manifest.yaml": {
            "id": "donghu", "title": {"zh": "东湖", "en": "Donghu"},
            "documents": [{"id": "report", "file": "report.txt",
                           "title": {"zh": "报告", "en": "Report"},
                           "publisher": {"zh": "市政府", "en": "City"}, "date": "2026-01",
                           "sha256": hashlib.sha256(doc.encode("utf-8")).hexdigest()}],
            "units": {"percent": {"zh": "%", "en": "%"}, "rank": {"zh": "名", "en": "rank"},
                      "people": {"zh": "人", "en": "people", "singular": "person"}},
            "sections": ["goals"], "comparisons": "comparisons.yaml"},
        "sections/goals.yaml": {"id": "goals", "title": {"zh": "目标", "en": "Goals"},
                                "text": {"zh": "目标。", "en": "Goals."}, "figures": figures},
        "comparisons.yaml": [{"id": "ceilings", "title": {"zh": "上限", "en": "Ceilings"},
                              "kind": "progress", "entries": [
                                  {"figure": "unemployment-2025",
                                   "target": "unemployment-ceiling-2026"},
                                  {"figure": "cpi-2025", "target": "cpi-ceiling-2026"}]}],
        "report.txt": doc,
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(data if isinstance(data, str) else yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture
def pack_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    return write(tmp_path / "pack")


def cli(*args):
    from briefing.cli.console import state

    state.content, state.lang, state._pack = None, "en", None
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def test_bounds_of_each_figure(pack_dir):
    pack = load_pack(pack_dir)
    bounds = {f.id: (figure_bound(pack, f).low, figure_bound(pack, f).high,
                     figure_bound(pack, f).kind) for f in pack.figures()}
    assert bounds == {
        "unemployment-2025": (5.0, 5.0, "exact"), "cpi-2025": (2.4, 2.4, "exact"),
        "innovation-rank-2025": (-INF, 3, "ceiling"),
        "investment-target-2026": (4.5, 5, "range"),
        "unemployment-ceiling-2026": (-INF, 5.5, "ceiling"),
        "jobs-floor-2026": (280000, INF, "floor"), "cpi-ceiling-2026": (-INF, 2, "ceiling")}


@pytest.mark.parametrize(("fid", "en", "zh_phrase", "en_parts"), [
    ("investment-target-2026", "4.5–5%", "4.5%—5%", ("4.5–5%", "")),
    ("unemployment-ceiling-2026", "at most 5.5%", "5.5%以内", ("at most 5.5%", "")),
    ("jobs-floor-2026", "at least 280,000 people", "不少于28万人", ("at least 280,000", "people")),
    ("cpi-ceiling-2026", "no more than 2%", "不超过2%", ("no more than 2%", "")),
    ("innovation-rank-2025", "top 3", "前三", ("top 3", "")),
])
def test_every_output_says_ranges_and_bounds(pack_dir, fid, en, zh_phrase, en_parts):
    pack = load_pack(pack_dir)
    fig = pack.figure(fid)
    assert figure_value(pack, fig, "en") == en
    assert figure_value(pack, fig, "zh") == fig.display
    assert value_phrase(pack, fig, "zh") == zh_phrase
    assert value_phrase(pack, fig, "en") == " ".join(p for p in en_parts if p)
    assert value_parts(pack, fig, "en") == en_parts
    assert "nearly" not in figure_value(pack, fig, "en")


def test_a_count_of_a_billion_or_more_is_said_in_words(tmp_path, monkeypatch):
    """"65,000,000,000 or more jin": twelve digits are not read at a glance; a count of a
    billion or more reads "1.07 billion", exactly (never rounded as money's four digits)."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    doc = DOC + "基本养老保险参保人数达到10.7亿人，城镇新增就业1234.5万人。\n"
    figures = [*FIGURES,
               _fig("insured-2025", 1.07e9, "people", "10.7亿人", "2025", "actual",
                    "基本养老保险参保人数达到10.7亿人"),
               _fig("new-jobs-2025", 12345000, "people", "1234.5万人", "2025", "actual",
                    "城镇新增就业1234.5万人")]
    pack = load_pack(write(tmp_path / "pack", figures, doc))
    insured, jobs = pack.figure("insured-2025"), pack.figure("new-jobs-2025")
    assert figure_value(pack, insured, "en") == "1.07 billion people"
    assert value_parts(pack, insured, "en") == ("1.07 billion", "people")
    assert figure_value(pack, insured, "zh") == "10.7亿人"
    assert figure_value(pack, jobs, "en") == "12,345,000 people"  # below a billion: digits


def test_json_and_csv_carry_the_high_end_and_the_bound(pack_dir):
    records = {r["id"]: r for r in json.loads(cli("--content", str(pack_dir), "figures",
                                                  "--json").stdout)}
    assert records["investment-target-2026"]["high"] == 5
    assert records["investment-target-2026"]["bound"] == "range"
    assert records["unemployment-ceiling-2026"]["bound"] == "at-most"
    floor = records["jobs-floor-2026"]  # a floor is its number, its qualifier says so
    assert "bound" not in floor and floor["qualifier"] == "不少于"
    assert "high" not in records["cpi-2025"] and "bound" not in records["cpi-2025"]
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(
        cli("--content", str(pack_dir), "figures", "--csv").stdout))}
    assert (rows["investment-target-2026"]["high"], rows["investment-target-2026"]["bound"]) == (
        "5", "range")  # a whole number without ".0" (issue 29)
    assert rows["cpi-2025"]["high"] == "" and rows["cpi-2025"]["bound"] == ""


def test_a_ceiling_is_met_under_it_and_exceeded_over_it(pack_dir):
    data = json.loads(cli("--content", str(pack_dir), "compare", "ceilings", "--json").stdout)
    assert [(r["progress_percent"], r["target_bound"], r["gap"]) for r in data["rows"]] == [
        (None, "at-most", -0.5), (None, "at-most", 0.4)]
    shown = cli("--content", str(pack_dir), "compare", "ceilings").stdout
    assert "met" in shown and "0.4 pp" in shown and "to go" not in shown
    zh = cli("--content", str(pack_dir), "--lang", "zh", "compare", "ceilings").stdout
    assert "已达到" in zh and "0.4个百分点" in zh


def test_every_view_of_the_pack_renders(pack_dir):
    for args in (("figures",), ("show", "goals"), ("--lang", "zh", "figures"),
                 ("export", "goals"), ("export", "goals", "--lang", "both")):
        result = cli("--content", str(pack_dir), *args)
        assert result.exit_code == 0, result.output
    assert "4.5–5%" in cli("--content", str(pack_dir), "export", "goals").stdout


def _problems(root, figures=FIGURES, doc=DOC) -> list[str]:
    write(root, figures, doc)
    with pytest.raises(PackInvalid) as caught:
        load_pack(root)
    return [str(e) for e in caught.value.errors]


def _with(fid: str, **changes) -> list[dict]:
    return [{**f, **changes} if f["id"] == fid else f for f in FIGURES]


def test_the_validator_checks_both_ends_of_a_range(tmp_path):
    no_high = [{k: v for k, v in f.items() if k != "high"} for f in FIGURES]
    assert any("display '4.5%—5%' of figure 'investment-target-2026' is a range: give its top "
               "as 'high: 5'" in p for p in _problems(tmp_path / "a", no_high))
    assert any("high 5.5 of figure 'investment-target-2026' does not match the top of its "
               "display '4.5%—5%' (which reads as 5)" in p
               for p in _problems(tmp_path / "b", _with("investment-target-2026", high=5.5)))
    assert any("figure 'cpi-2025' has 'high' but its display '2.4%' is not a range" in p
               for p in _problems(tmp_path / "c", _with("cpi-2025", high=3)))


def test_the_validator_refuses_a_quote_that_occurs_twice(tmp_path):
    doc = DOC + "城镇调查失业率5.0%。\n"
    problems = _problems(tmp_path / "d", doc=doc)
    assert any("quote of figure 'unemployment-2025' occurs more than once in document 'report' "
               "(again at line 4)" in p for p in problems), problems

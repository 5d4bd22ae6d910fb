"""The self-check (a few calls timed again by a second timer) and each framework's fastest
idiom: which calls a plan checks, one real check in a child process, the summary's rows, the
report's section and warning in both languages, and the fastest pick paired round by round.
No timed assertion: what is checked is what is computed from the times."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from jaxparity import bench_plan, fastest, results, selfcheck, selfcheck_run, summary
from jaxparity.cli import main
from shared import cases


def test_the_default_plan_times_every_checked_call() -> None:
    """Every checked call is one the default run times, so its harness median exists; a
    renamed variant or size would silently shrink the self-check otherwise."""
    plan = bench_plan.make_plan(cases.select(None), ["cpu"], "cpu", None)
    checks = selfcheck.plan(plan)["checks"]
    assert len(checks) == len(selfcheck.CHECKED)
    for framework in ("torch", "jax"):
        bounds = {c.bound for c in selfcheck.CHECKED if c.framework == framework}
        assert bounds == {"kernel", "dispatch"}, framework
    assert selfcheck.plan(plan)["processes"] == plan["passes"] == 2  # as the harness pools
    assert selfcheck.plan(bench_plan.make_plan(cases.select(None), ["cpu"], "test", None)) == {
        "checks": [],
        "min_run_s": selfcheck.MIN_RUN_S,
        "within": selfcheck.WITHIN,
        "processes": 1,
    }


CHEAP = {
    "case_id": "advanced.hessian",
    "variant": "double_backward",
    "size": "test",
    "backend": "torch",
    "framework": "torch",
    "device": "cpu",
    "mode": "eager",
    "bound": "kernel",
}


def test_a_check_runs_in_a_child_and_is_saved(tmp_path: Path) -> None:
    """One cheap call end to end: its own process, torch's Timer, a line in selfcheck.jsonl
    tagged with the run; then against a harness median the ratio and the verdict follow."""
    seen: list[str] = []
    plan = {"checks": [CHEAP], "min_run_s": 0.01}
    (saved,) = selfcheck_run.run(plan, tmp_path, "run1", seen.append)
    assert saved["status"] == "pass", saved["reason"]
    assert saved["timer"] == "torch.utils.benchmark.Timer.blocked_autorange"
    assert saved["second_s"] > 0 and saved["calls"] >= 1 and len(seen) == 1
    line = json.loads((tmp_path / results.SELFCHECK).read_text())
    assert line["run_id"] == "run1" and line["second_s"] == saved["second_s"]
    harness = {
        "kind": "bench",
        "status": "pass",
        "case": CHEAP["case_id"],
        **{k: CHEAP[k] for k in ("variant", "size", "framework", "device", "mode")},
        "median_s": 1.2 * saved["second_s"],
    }
    (row,) = selfcheck.rows([saved], [harness])
    assert row["ratio"] == pytest.approx(1.2) and row["within"] is False
    (row,) = selfcheck.rows([saved], [{**harness, "median_s": 1.1 * saved["second_s"]}])
    assert row["within"] is True and not selfcheck.outside([row])


def test_a_process_state_is_told_apart_from_a_timer_that_inflates() -> None:
    """The harness's two passes ran the call in two states (a process keeps one for its life);
    the second timer's processes agree with one of them: a state, not a warning. Were no
    process of one within 15 % of any of the other's, it is."""
    target = {k: CHEAP[k] for k in ("case_id", "variant", "size", "framework", "device", "mode")}
    saved = {**target, "status": "pass", "second_s": 1.0, "second_each": [0.98, 1.02]}
    harness = {
        "kind": "bench",
        "status": "pass",
        "case": target["case_id"],
        **{k: target[k] for k in ("variant", "size", "framework", "device", "mode")},
        "median_s": 1.2,
    }
    key = tuple(target.values())

    def blocks(*per_pass: float) -> dict:
        return {
            key: [
                {"pass": p, "block": b, "stats": {"median": m}}
                for p, m in enumerate(per_pass, 1)
                for b in (1, 2)
            ]
        }

    (row,) = selfcheck.rows([saved], [harness], blocks(1.0, 1.4))
    assert (row["agreement"], row["within"], row["harness_passes"]) == ("states", True, [1.0, 1.4])
    (row,) = selfcheck.rows([saved], [harness], blocks(1.2, 1.4))
    assert (row["agreement"], row["within"]) == ("differs", False)
    assert selfcheck.outside([row]) == [row]


def test_a_child_that_breaks_is_a_failure_with_its_last_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        selfcheck_run,
        "command",
        lambda check, min_run_s: [sys.executable, "-c", "import sys; sys.exit('no such case')"],
    )
    (saved,) = selfcheck_run.run({"checks": [CHEAP], "min_run_s": 0.01}, tmp_path, "r", print)
    assert saved["status"] == "fail" and saved["reason"] == "no such case"
    (row,) = selfcheck.rows([saved], [])
    assert row["ratio"] is None and row["within"] is None


def _checked(folder: Path, second: dict[tuple[str, str], float]) -> None:
    """Give the fixture run a self-check of its timed devices.layer calls."""
    plan = json.loads((folder / results.PLAN).read_text())
    checks = []
    for (framework, mode), seconds in second.items():
        target = {
            "case_id": "devices.layer",
            "variant": "on_device",
            "size": "test",
            "backend": framework,
            "framework": framework,
            "device": "cpu",
            "mode": mode,
        }
        checks.append({**target, "bound": "dispatch"})
        results.append(
            folder / results.SELFCHECK,
            {**target, "bound": "dispatch", "status": "pass", "second_s": seconds, "calls": 9},
        )
    plan["selfcheck"] = {"checks": checks, "min_run_s": 0.5, "within": selfcheck.WITHIN}
    (folder / results.PLAN).write_text(json.dumps(plan))


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_report_shows_harness_over_second_timer_and_warns(folder: Path, lang: str) -> None:
    """harness ÷ second timer per call; the call off by more than 15 % is named in a warning
    at the top and in the section, in either language; summary.json keeps the rows."""
    res = results.load(folder)
    medians = {
        (r["framework"], r["mode"]): r["median_s"]
        for r in summary.build(res).of(kind="bench", case="devices.layer", status="pass")
        if r["variant"] == "on_device"
    }
    _checked(
        folder,
        {
            ("torch", "eager"): medians["torch", "eager"] / 1.5,
            ("jax", "jit"): medians["jax", "jit"] / 1.05,
        },
    )
    main(["report", "--out", str(folder), "--lang", lang])
    rows = json.loads((folder / results.SUMMARY).read_text())["selfcheck"]
    assert [(r["framework"], r["within"]) for r in rows] == [("torch", False), ("jax", True)]
    assert rows[0]["ratio"] == pytest.approx(1.5)
    md = (folder / results.REPORT_MD).read_text()
    heading = {"en": "The harness checked by a second timer", "ru": "Проверка замеров"}[lang]
    assert heading in md and "1.50×" in md and "1.05×" in md
    first = md.index("## ")  # the first screen's section: the run's warnings follow it
    top = md[: md.index("\n## ", first)]
    assert {"en": "1 of 2 calls", "ru": "1 из 2 вызовов"}[lang] in top
    assert {"en": "differs by 50 %", "ru": "разница 50 %"}[lang] in md


def _bench(variant: str, framework: str, mode: str, median: float) -> dict:
    return {
        "kind": "bench",
        "status": "pass",
        "case": "advanced.per_sample_grads",
        "variant": variant,
        "size": "large",
        "framework": framework,
        "device": "cpu",
        "mode": mode,
        "median_s": median,
    }


def test_each_frameworks_fastest_idiom_is_picked_and_paired() -> None:
    """torch's idiom beats its lesson spelling, JAX's lesson spelling stays its fastest: the
    row names both and pairs the two picks round by round (not the lesson variants)."""
    rounds = {(1, 1): 1.0, (1, 2): 1.1, (2, 1): 0.9, (2, 2): 1.0}
    timed = {
        ("vmap_grad", "torch", "eager"): 4.0,
        ("vmap_grad_1d", "torch", "eager"): 2.0,
        ("vmap_grad", "jax", "jit"): 1.0,
        ("vmap_grad_1d", "jax", "jit"): 1.5,
        ("vmap_grad", "jax", "eager"): 9.0,
    }
    records = [_bench(v, f, m, s * 1e-3) for (v, f, m), s in timed.items()]
    blocks = {
        ("advanced.per_sample_grads", v, "large", f, "cpu", m): [
            {"pass": p, "block": b, "stats": {"median": s * x * 1e-3}}
            for (p, b), x in rounds.items()
        ]
        for (v, f, m), s in timed.items()
    }
    (row,) = fastest.rows(records, blocks)
    assert (row["variant"], row["torch"]["variant"], row["jax"]["variant"]) == (
        "vmap_grad",
        "vmap_grad_1d",
        "vmap_grad",
    )
    assert row["torch"]["idiom"] and not row["jax"]["idiom"] and row["jax"]["mode"] == "jit"
    assert row["speedup"] == pytest.approx(2.0) and row["pairs"] == 4
    # the idiom's gain on the lesson's spelling, paired in the same rounds; none for JAX
    assert row["torch"]["gain"] == pytest.approx(2.0) and row["torch"]["gain_verdict"] == "win"
    assert row["jax"]["gain"] is None
    assert fastest.of([row], _bench("vmap_grad_1d", "jax", "eager", 1.0)) is row
    assert fastest.is_idiom(records[1]) and not fastest.is_idiom(records[0])
    one_side = [r for r in records if r["framework"] == "torch"]
    assert fastest.rows(one_side, blocks) == []  # nothing to pair with


def test_the_inflation_experiment_times_the_calls_in_their_groups() -> None:
    """``python -m bench.inflation`` times issue 26's calls as the default run does: with
    every member of their comparison groups (the idiom in its lesson variant's), or alone."""
    from bench import inflation
    from jaxparity.bench_targets import Target

    grouped = [Target.from_row(r) for r in inflation._plan(False, 0.1)["targets"]]
    assert set(inflation.CALLS) < set(grouped)
    assert {t.comparison for t in grouped} == {t.comparison for t in inflation.CALLS}
    assert ("advanced.per_sample_grads", "vmap_grad", "large", "cpu") in {
        t.comparison for t in grouped if t.variant == "vmap_grad_1d"
    }
    alone = inflation._plan(True, 0.5)
    assert {Target.from_row(r) for r in alone["targets"]} == set(inflation.CALLS)
    assert alone["block_s"] == 0.5 and alone["machine"] == [] and alone["modules"] == []


class _Config:
    def __init__(self, options: dict) -> None:
        self.options = options

    def getoption(self, name: str, default: object = None) -> object:
        return self.options.get(name, default)


class _Item:
    def __init__(self, config: _Config, target: object, block: int) -> None:
        self.config = config
        self.callspec = type("Callspec", (), {"params": {"bench_block": (target, block)}})()


def test_a_pass_times_its_checks_right_after_their_groups_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second timer runs once per pass, right after the last block of its call's group
    (not after another group's, not mid-group), tagged with the pass; after the passes,
    ``jaxparity`` times only the processes no pass did, and the summary pools them in order."""
    from bench import selfcheck_hook
    from jaxparity.bench_targets import Target

    other = {**CHEAP, "variant": "func"}  # a check whose group this pass does not finish here
    checking = {"checks": [CHEAP, other], "min_run_s": 0.01, "processes": 2}
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps({"bench": {"targets": [], "selfcheck": checking}}))
    jsonl = tmp_path / results.BENCH
    options = {"bench_plan": plan_file, "bench_jsonl": jsonl, "bench_run_id": "r", "bench_pass": 2}
    config = _Config({k: str(v) if isinstance(v, Path) else v for k, v in options.items()})
    timed: list[tuple[str, float]] = []

    def one(check: dict, min_run_s: float, env: dict) -> dict:
        timed.append((check["variant"], min_run_s))
        return {"status": "pass", "reason": None, "second_s": 1e-3 * len(timed), "calls": 7}

    monkeypatch.setattr(selfcheck_hook.selfcheck_run, "one", one)
    torch_eager = Target.from_row(CHEAP)
    jax_jit = Target.from_row({**CHEAP, "backend": "jax", "mode": "jit"})
    first, last = _Item(config, torch_eager, 2), _Item(config, jax_jit, 2)
    assert selfcheck_hook.after(first, last) == []  # the group's blocks go on
    (line,) = selfcheck_hook.after(last, None)  # its last block: the check of this group only
    assert timed == [("double_backward", 0.01)]
    assert (line["process"], line["run_id"], line["second_s"]) == (2, "r", 1e-3)
    assert json.loads((tmp_path / results.SELFCHECK).read_text()) == line

    # after the passes: pass 1's process of CHEAP and both of the other check's, no more
    assert selfcheck_run.missing(checking, tmp_path, "r") == 3
    seen: list[str] = []
    selfcheck_run.run(checking, tmp_path, "r", seen.append)
    assert len(seen) == 3 and selfcheck_run.missing(checking, tmp_path, "r") == 0
    saved = results.read_jsonl(tmp_path / results.SELFCHECK, bool, "self-check", [])
    (cheap,) = [r for r in selfcheck.pooled(saved) if r["variant"] == "double_backward"]
    assert cheap["second_each"] == [2e-3, 1e-3]  # pass 1's (timed after the passes), pass 2's
    assert cheap["calls"] == 14

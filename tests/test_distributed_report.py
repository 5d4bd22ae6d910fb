"""The report's section on the distributed topic (``jaxparity/report/distributed.py``), from
the saved-results fixture plus a few records of ``distributed.data_parallel``: checked in both
frameworks, its step timed at one process and two workers."""

from __future__ import annotations

import json
import re
from pathlib import Path

from jaxparity import report, results
from jaxparity.report import texts, texts_en

CASE = "distributed.data_parallel"


def _check(framework: str, processes: int, **observed: object) -> dict:
    checks = [
        {"key": "param.fc_out.bias", "backend": framework, "against": "oracle", "max_abs": 2e-8},
        {
            "key": "vs_single.fc_out.bias",
            "backend": framework,
            "against": "oracle",
            "max_abs": 7e-9,
        },
        {"key": "losses", "backend": framework, "against": "oracle", "max_abs": 5e-7},
    ]
    return {
        "kind": "check",
        "case": CASE,
        "framework": framework,
        "device": "cpu",
        "size": "test",
        "status": "pass",
        "reason": None,
        "max_abs_err": 5e-7,
        "max_rel_err": 1e-6,
        "checks": [{**c, "max_rel": 1.0, "ok": True, "detail": ""} for c in checks],
        "behaviour": {},
        "observations": {"processes": processes, **observed},
    }


BETWEEN = {
    "kind": "between",
    "case": CASE,
    "device": "cpu",
    "size": "test",
    "frameworks": ["torch", "jax"],
    "status": "pass",
    "reason": None,
    "max_abs_err": 6e-9,
    "max_rel_err": 1e-6,
    "checks": [
        {
            "key": "param.fc_out.bias",
            "backend": "torch vs jax",
            "against": "jax",
            "max_abs": 6e-9,
            "max_rel": 1e-6,
            "ok": True,
            "detail": "",
        }
    ],
}


def _step(framework: str, mode: str, variant: str, median: float, **extra: object) -> dict:
    return {
        "time": 0,
        "case_id": CASE,
        "variant": variant,
        "size": "cpu",
        "backend": framework,
        "framework": framework,
        "device": "cpu",
        "mode": mode,
        "compile_s": 0.0,
        "flops": None,
        "variant_doc": "",
        "stats": {"min": median, "max": median, "rounds": 20, "median": median, "iqr": 0.0},
        **extra,
    }


def _add(folder: Path, name: str, lines: list[dict]) -> None:
    with (folder / name).open("a") as f:
        f.writelines(json.dumps(line) + "\n" for line in lines)


def _report(folder: Path, lang: str) -> str:
    report.write(folder, lang)
    return (folder / results.REPORT_MD).read_text()


def test_the_section_gives_parity_figures_and_timings(folder: Path) -> None:
    _add(folder, results.CHECK, [_check("torch", 2), _check("jax", 1, collectives="all-reduce")])
    _add(folder, results.CHECK, [BETWEEN])
    _add(
        folder,
        results.BENCH,
        [
            _step("torch", "eager", "single", 0.040),
            _step("torch", "eager", "workers_2", 0.025, comm_s=0.005, all_reduce_alone_s=0.001),
            _step("jax", "jit", "single", 0.030),
            _step("jax", "jit", "workers_2", 0.020, all_reduce_alone_s=0.0005),
        ],
    )
    md = _report(folder, "en")
    section = md[md.index("## Beyond one device") : md.index('<a id="differences">')]
    row = "| [distributed.data_parallel](#distributed-data_parallel) | {} | cpu | {} | {} | "
    assert row.format("torch", "pass", 2) + "2e-08 | 7e-09 | 6e-09 |" in section
    assert row.format("jax", "pass", 1) + "2e-08 | 7e-09 | 6e-09 |" in section
    assert "hold [distributed.data_parallel](#distributed-data_parallel): `all-reduce`" in section
    assert "| `cpu` | cpu | torch eager | `workers_2` | 25 ms | 1.6× | 5 ms | 1 ms |" in section
    assert "| `cpu` | cpu | JAX jit | `workers_2` | 20 ms | 1.5× | — | 500 µs |" in section
    assert (
        "at size `cpu` on cpu, torch eager runs a step at 1.6× the speed (its all-reduce: 20 % "
        "of the step); at size `cpu` on cpu, JAX jit runs a step at 1.5× the speed." in section
    )
    ru = _report(folder, "ru")
    russian = ru[ru.index("## За пределами одного устройства") : ru.index('<a id="differences">')]
    assert "со скоростью 1.6× (его all-reduce: 20 % шага)" in russian
    passed = texts.of("ru").status("pass")
    assert row.format("torch", passed, 2) + "2e-08 | 7e-09 | 6e-09 |" in russian
    _no_english_left(russian)


def _no_english_left(russian: str) -> None:
    """No three English words in a row of the section's English templates in the Russian."""
    said = re.sub(r"`[^`]*`|\([^)]*\)", " ", russian)
    for key, template in texts_en.MESSAGES.items():
        if key.startswith("distributed."):
            for piece in re.split(r"\{[^}]*\}", re.sub(r"`[^`]*`|\*+", " ", template)):
                for words in re.findall(r"[A-Za-z][a-z']*(?: [A-Za-z][a-z']*){2,}", piece):
                    assert words not in said, (key, words)


def test_a_run_that_checked_but_did_not_time_says_how_to(folder: Path) -> None:
    _add(folder, results.CHECK, [_check("torch", 2), _check("jax", 1)])
    md = _report(folder, "en")
    assert "## Beyond one device" in md and "Not timed in this run" in md
    assert "What two cores can and cannot show" in md


def test_no_section_when_the_run_left_the_topic_out(folder: Path) -> None:
    assert "## Beyond one device" not in _report(folder, "en")

"""The lesson's Table 1 measured (``jaxparity/profiling``): which op is which class, flops from
shapes in both frameworks, runtime from both profilers, ``profile.json`` in a run, and the
report's section with and without it.

The networks run at small sizes with few calls (``record.PROFILE_S`` patched): these tests
check what is counted and classified, never how fast anything is.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jax
import jax.numpy as jnp
import pytest
import torch
from flax import nnx

from jaxparity import bench_run, check, notebooks, results
from jaxparity.cli import main
from jaxparity.profiling import collect, jax_side, networks, record, torch_side
from jaxparity.profiling.classes import (
    CLASSES,
    CONTRACTION,
    ELEMENTWISE,
    NORMALISATION,
    OTHER,
    aten_class,
    fusion_class,
    jax_class,
)
from jaxparity.profiling.hlo import Program
from jaxparity.profiling.record import covered_s, shares, typical
from jaxparity.report import texts
from tests.fake_checks import FakeChecks

SMALL_RESNET = dataclasses.replace(networks.RESNET101, input_shape=(1, 3, 64, 64))


@pytest.fixture(scope="module")
def few_calls() -> Iterator[None]:
    """Profile a handful of calls: enough to classify, far too few to time."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(record, "PROFILE_S", 0.02)
        patch.setattr(record, "MIN_CALLS", 1)
        yield


@pytest.fixture(scope="module")
def torch_resnet(few_calls: None) -> dict[str, Any]:
    """ResNet-101 at 64×64 through the torch side: its record's fields."""
    return torch_side.profile_network(SMALL_RESNET)["eager"]


@pytest.fixture(scope="module")
def lesson(few_calls: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The lesson's MLP on every framework × mode, as a run saves it."""
    folder = tmp_path_factory.mktemp("profile")
    found = collect.collect(folder, [networks.LESSON_MLP.id])
    assert json.loads((folder / results.PROFILE).read_text()) == found
    return found


def test_the_neutral_part_loads_no_framework() -> None:
    """The classes, the HLO reader, the records, the networks, the collection and the report
    section import neither torch nor jax: each side is imported only to profile."""
    neutral = ("classes", "hlo", "record", "networks", "collect")
    code = (
        "import sys\n"
        + "".join(f"import jaxparity.profiling.{m}\n" for m in neutral)
        + "import jaxparity.report.table1\n"
        + "print(sorted(m for m in ('torch', 'jax', 'flax') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_each_framework_s_ops_fall_in_the_lesson_s_classes() -> None:
    assert aten_class("aten::mkldnn_convolution") == CONTRACTION
    assert aten_class("aten::batch_norm") == NORMALISATION
    assert aten_class("aten::relu") == ELEMENTWISE
    assert aten_class("aten::as_strided") == OTHER
    assert aten_class("aten::no_such_op") is None
    assert jax_class("dot_general") == CONTRACTION
    assert jax_class("jit__mean") == NORMALISATION  # jnp.mean, dispatched on its own
    assert jax_class("max") == ELEMENTWISE  # the primitive: a maximum, not a reduction
    assert jax_class("jit__reduce_max") == NORMALISATION
    assert jax_class("broadcast_in_dim") == OTHER


def test_a_fused_kernel_is_classed_by_what_it_computes() -> None:
    assert fusion_class(["parameter", "dot", "add", "maximum"]) == CONTRACTION
    assert fusion_class(["reduce", "exponential", "subtract"]) == NORMALISATION
    assert fusion_class(["broadcast", "multiply", "add"]) == ELEMENTWISE
    assert fusion_class(["parameter", "copy", "bitcast"]) == OTHER
    assert fusion_class(["sort"]) is None
    assert fusion_class(["sort", "convolution"]) == CONTRACTION


def test_shares_covered_time_and_typical_calls() -> None:
    found = shares({CONTRACTION: 3.0, NORMALISATION: 0.5, ELEMENTWISE: 0.25, OTHER: 0.25})
    assert found == {CONTRACTION: 75.0, NORMALISATION: 12.5, ELEMENTWISE: 6.25, OTHER: 6.25}
    assert shares({}) == dict.fromkeys(CLASSES, 0.0)
    assert covered_s([(0, 2), (1, 3), (2.5, 2.75), (5, 6)]) == 4  # overlaps count once
    assert typical([5, 1, 900, 2, 3, 4, 6, 700]) == [0, 4, 5, 6]  # the middle half
    assert typical([7.0]) == [0]


def test_a_compiled_program_s_kernels_are_classified() -> None:
    def f(w: jax.Array, x: jax.Array) -> jax.Array:
        h = jax.nn.relu(x @ w)
        return jax.nn.softmax(h - h.mean(axis=-1, keepdims=True))

    w, x = jnp.ones((64, 64)), jnp.ones((8, 64))
    program = Program(jax.jit(f).lower(w, x).compile().as_text())
    assert program.module.startswith("jit_")
    entry = [i.name for i in program.computations[program.entry]]
    found = {name: program.classify(name) for name in entry}
    assert None not in found.values(), found
    assert {CONTRACTION, NORMALISATION, ELEMENTWISE} <= set(found.values())
    contractions = [name for name, cls in found.items() if cls == CONTRACTION]
    assert all(program.kernel(name)[0] == "dot" for name in contractions)
    assert program.folded()[1] == len(contractions)


def _jax_flops(network: networks.Network) -> record.PerClass:
    """JAX's flops of ``network`` from the jaxpr of a model built abstractly (shapes only:
    flops do not depend on the weights)."""
    from jax_impl.modules import DeepNetwork
    from jax_impl.resnet import resnet101

    builders = {networks.WIDE_MLP.id: lambda: DeepNetwork(**networks.WIDE_DIMS)}
    model = nnx.eval_shape(builders.get(network.id, resnet101))
    model.eval()
    graphdef, state = nnx.split(model)
    shape = network.input_shape
    x = jax.ShapeDtypeStruct((shape[0], *shape[2:], shape[1]) if len(shape) == 4 else shape, "f4")
    jaxpr = jax.make_jaxpr(lambda s, x: nnx.merge(graphdef, s)(x))(state, x)
    return jax_side.jaxpr_flops(jaxpr.jaxpr)


def _torch_flops(network: networks.Network) -> record.PerClass:
    data = networks.inputs(network)
    return torch_side.flops(torch_side._model(network, data), torch.from_numpy(data["x"]))


def test_contractions_dominate_the_flops_and_both_frameworks_count_them_alike(
    torch_resnet: dict[str, Any],
) -> None:
    wide_torch, wide_jax = _torch_flops(networks.WIDE_MLP), _jax_flops(networks.WIDE_MLP)
    resnet_jax = _jax_flops(SMALL_RESNET)
    for found in (torch_resnet["flops"], wide_torch.values, wide_jax.values, resnet_jax.values):
        assert shares(found)[CONTRACTION] > 99
    assert not wide_torch.unknown and not wide_jax.unknown and not resnet_jax.unknown
    assert wide_torch.values[CONTRACTION] == wide_jax.values[CONTRACTION]
    assert torch_resnet["flops"][CONTRACTION] == resnet_jax.values[CONTRACTION]
    # The bias adds, counted apart from the products on both sides (torch: inside addmm).
    assert wide_torch.values[ELEMENTWISE] == wide_jax.values[ELEMENTWISE]


def test_every_op_torch_runs_in_resnet_is_classified(torch_resnet: dict[str, Any]) -> None:
    assert torch_resnet["unknown"] == {}
    assert abs(sum(shares(torch_resnet["runtime_s"]).values()) - 100) < 1e-9
    assert {k["op"] for k in torch_resnet["kernels"]} <= set(torch_side.KERNELS)
    assert torch_resnet["runtime_s"][CONTRACTION] > 0 and torch_resnet["kept"] >= 1


def test_the_lesson_mlp_is_profiled_on_every_framework_and_mode(lesson: dict[str, Any]) -> None:
    found = {(r["framework"], r["mode"]): r for r in lesson["records"]}
    assert set(found) == {(f, m) for f, modes in collect.MODES.items() for m in modes}
    for r in found.values():
        assert r["status"] == "pass", r["reason"]
        assert r["unknown"] == {}, r["unknown"]
        assert abs(sum(shares(r["runtime_s"]).values()) - 100) < 1e-9
        assert 0 <= r["outside_s"] <= r["runtime_s"][OTHER]
        assert r["kernels"] and r["runtime_s"][CONTRACTION] > 0
    jit = found["jax", "jit"]
    assert jit["xla_flops"] == sum(jit["flops"].values())  # XLA counts as we do, here
    assert jit["flops"][CONTRACTION] == found["torch", "eager"]["flops"][CONTRACTION]
    assert jit["compile_s"] > 0 and jit["contraction_kernels"] == 3


class _Side:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def profile_network(self, network: networks.Network) -> dict[str, Any]:
        raise self.error


def test_missing_code_is_skipped_and_a_failure_recorded_with_the_reason() -> None:
    missing = ModuleNotFoundError("No module named 'torch_impl.resnet'")
    (skipped,) = collect._records("torch", "resnet101", _Side(missing))
    assert skipped["status"] == "skip" and "torch_impl.resnet" in skipped["reason"]
    failed = collect._records("jax", "resnet101", _Side(ValueError("bad shape")))
    assert [r["mode"] for r in failed] == list(collect.MODES["jax"])
    assert all(r["status"] == "fail" and "bad shape" in r["reason"] for r in failed)


@pytest.mark.parametrize("lang", list(texts.LANGUAGES))
def test_the_report_shows_table_1_with_and_without_a_profile(
    lang: str, folder: Path, lesson: dict[str, Any]
) -> None:
    t = texts.of(lang)
    (folder / results.PROFILE).write_text(json.dumps(lesson))
    main(["report", "--out", str(folder), "--lang", lang])
    md = (folder / results.REPORT_MD).read_text()
    section = md[md.index(f"## {t('profile.heading')}") : md.index(f"## {t.topic('tensors')}")]
    assert "99.80 / 61.0" in section and "`MyFirstNetwork(64, 32, 2)` · 4×64" in section
    for framework, modes in collect.MODES.items():
        assert all(f"| {t.mode(framework, m)} |" in section for m in modes)
    assert t("profile.none", file=results.PROFILE) not in section
    assert "(#profile)" in md and 'id="profile"' in (folder / results.REPORT_HTML).read_text()
    (folder / results.PROFILE).unlink()
    main(["report", "--out", str(folder), "--lang", lang])
    md = (folder / results.REPORT_MD).read_text()
    section = md[md.index(f"## {t('profile.heading')}") : md.index(f"## {t.topic('tensors')}")]
    assert t("profile.none", file=results.PROFILE) in section and "99.80 / 61.0" in section


def test_a_resumed_run_keeps_its_finished_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first run's benchmarks stop short of their passes; the profile after them
    finishes. The rerun times the passes left and does not profile again."""
    monkeypatch.setattr(check, "run_checks", FakeChecks())
    monkeypatch.setattr(notebooks, "render_html", lambda *a, **k: [])
    profiled: list[list[str]] = []

    def fake_collect(folder: Path, ids: list[str], advance: Any = None) -> dict[str, Any]:
        profiled.append(ids)
        found = {"tool": results.TOOL, "device": "cpu", "networks": ids, "records": []}
        (folder / results.PROFILE).write_text(json.dumps({**found, "seconds": 0.0}))
        return {**found, "seconds": 0.0}

    def fake_bench(plan: dict, work: list, run: Any, advance: Any) -> int:
        if len(profiled) == 1:  # the rerun: every pass left now finishes
            for w in work:
                run.mark_pass(w.number)
        return 1 if not profiled else 0

    monkeypatch.setattr(collect, "collect", fake_collect)
    monkeypatch.setattr(bench_run, "run", fake_bench)
    argv = ["run", "--case", "devices.layer", "--device", "cpu", "--size", "test"]
    argv += ["--modes", "eager", "--profile", "lesson_mlp", "--out", str(tmp_path)]
    assert main(argv) == 1  # a benchmark pass did not finish
    assert main(argv) == 0
    assert profiled == [["lesson_mlp"]]
    assert "the profile done" in capsys.readouterr().out


def test_an_unknown_network_is_one_line_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--profile", "resnet50", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown network 'resnet50'" in err and "resnet101" in err
    assert not (tmp_path / "out").exists()
    assert networks.select("none") == [] and networks.select("all") == list(networks.NETWORKS)
    assert networks.select("resnet101, lesson_mlp") == ["lesson_mlp", "resnet101"]

"""The code a student reads: the case with the helpers it uses, without the tooling."""

from __future__ import annotations

import ast

import pytest

from jaxparity import sources
from shared import cases

FRAMEWORKS = list(sources.FRAMEWORK_PACKAGES)


@pytest.mark.registry
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_every_case_reads_as_valid_python_without_tooling(framework: str) -> None:
    for case in cases.select():
        code = sources.source(framework, case)
        assert code is not None, case.id
        tree = ast.parse(code)  # whole statements, in module order
        defined = {n.name for n in tree.body if hasattr(n, "name")}
        assert case.name in defined, case.id
        assert "@tooling" not in code, case.id


def test_a_custom_vjp_is_shown_with_its_rules() -> None:
    code = sources.source("jax", cases.get("autograd.custom_function"))
    assert "@jax.custom_vjp\ndef my_square(" in code
    assert "def _square_fwd(" in code and "def _square_bwd(" in code
    assert "\n\n\nmy_square.defvjp(_square_fwd, _square_bwd)\n" in code
    assert "my_square_wrong" not in code  # not used by the case: not shown


def test_introspection_helpers_are_left_out() -> None:
    for framework in FRAMEWORKS:
        code = sources.source(framework, cases.get("autograd.clone_detach"))
        assert "_grad_kind(" in code and "def _grad_kind" not in code, framework
    jax_code = sources.source("jax", cases.get("autograd.graph_view"))
    assert "_jaxpr_dot(" in jax_code and "def regression_loss" in jax_code
    model_code = sources.source("jax", cases.get("modules.first_network"))
    assert "class MyFirstNetwork" in model_code
    assert "_rngs(" in model_code and "def _rngs" not in model_code

"""The Protocols are what the case records say, and both backends implement every Protocol
function with the same signature."""

from __future__ import annotations

import inspect

import pytest

from jaxparity import interface_stubs, sources
from shared import backends
from shared.interface import TOPIC_PROTOCOLS, Backend, case_functions

pytestmark = pytest.mark.registry

TOPIC_FUNCTIONS = [
    pytest.param(topic, name, id=f"{topic}.{name}")
    for topic in TOPIC_PROTOCOLS
    for name in case_functions(topic)
]


def _signature(fn) -> tuple[list[tuple[str, object]], set[str]]:
    """Positional parameters in order, keyword-only ones as a set (their order means nothing:
    every call names them)."""
    params = [p for p in inspect.signature(fn).parameters.values() if p.name != "self"]
    keyword_only = {p.name for p in params if p.kind is p.KEYWORD_ONLY}
    return [(p.name, p.kind) for p in params if p.kind is not p.KEYWORD_ONLY], keyword_only


@pytest.mark.parametrize("topic", list(TOPIC_PROTOCOLS))
def test_committed_stub_is_what_the_generator_writes(topic: str) -> None:
    committed = interface_stubs.path(topic).read_text(encoding="utf-8")
    assert committed == interface_stubs.render(topic), (
        f"shared/interface/{topic}.py is stale: run `python -m jaxparity.interface_stubs` "
        "and commit the result"
    )


@pytest.mark.parametrize("topic", list(TOPIC_PROTOCOLS))
def test_every_registered_case_is_declared(topic: str) -> None:
    """The registry and the Protocols name the same cases: no case is registered without
    both backends having to implement it, and no Protocol function lacks its case record."""
    from shared.cases import select

    assert {c.name for c in select(topics=[topic])} == set(case_functions(topic))


@pytest.mark.parametrize("backend_name", list(backends.KNOWN))
def test_backend_satisfies_protocol(backend_name: str) -> None:
    backend = backends.load(backend_name)
    assert isinstance(backend, Backend)
    assert backend.name == backend_name


@pytest.mark.parametrize("backend_name", list(backends.KNOWN))
@pytest.mark.parametrize(("topic", "name"), TOPIC_FUNCTIONS)
def test_case_function_signature(backend_name: str, topic: str, name: str) -> None:
    module = backends.load(backend_name).topic(topic)
    fn = getattr(module, name, None)
    assert fn is not None, f"{backend_name}_impl/{topic}.py lacks {name}"
    assert _signature(fn) == _signature(getattr(TOPIC_PROTOCOLS[topic], name))


@pytest.mark.parametrize("backend_name", list(backends.KNOWN))
@pytest.mark.parametrize("topic", list(TOPIC_PROTOCOLS))
def test_timed_variants_match_registry(backend_name: str, topic: str) -> None:
    from shared.cases import select

    module = backends.load(backend_name).topic(topic)
    timed = getattr(module, "TIMED", {})
    for case in select(topics=[topic]):
        if case.bench is not None:
            # A framework may lack a way (JAX has no is_grads_batched), never all of them.
            assert timed.get(case.id), f"{case.id} has no timed variant in {backend_name}"
            assert set(timed[case.id]) <= set(case.bench.variants), case.id
    assert set(timed) <= {c.id for c in select(topics=[topic]) if c.timed}


def _public_functions(module_name: str) -> list[set[str]]:
    """Per backend, the public functions its module ``module_name`` defines (not imports)."""
    found = []
    for b in backends.KNOWN:
        module = backends.load(b).topic(module_name)
        functions = {n: v for n, v in vars(module).items() if inspect.isfunction(v)}
        found.append(
            {
                n
                for n, v in functions.items()
                if not n.startswith("_") and v.__module__ == module.__name__
            }
        )
    return found


def test_same_public_names_on_both_sides() -> None:
    """Mirrored modules: a public function in one backend's topic has its twin in the other."""
    for topic in TOPIC_PROTOCOLS:
        names = _public_functions(topic)
        assert names[0] == names[1], topic


@pytest.mark.parametrize("topic", list(TOPIC_PROTOCOLS))
def test_modules_beside_a_topic_are_mirrored(topic: str) -> None:
    """What leaves ``torch_impl/<topic>.py`` for a module of its own leaves
    ``jax_impl/<topic>.py`` for the module of the same name, with the same public functions."""
    found = [{p.stem for p in sources.companions(f, topic)} for f in sources.FRAMEWORK_PACKAGES]
    assert found[0] == found[1], topic
    for stem in sorted(found[0]):
        names = _public_functions(stem)
        assert names[0] == names[1], stem


@pytest.mark.parametrize("backend_name", list(backends.KNOWN))
def test_case_functions_have_docstrings(backend_name: str) -> None:
    """Students read the two functions side by side: each case function says what it shows."""
    from shared.cases import select

    backend = backends.load(backend_name)
    missing = []
    for case in select():
        fn = getattr(backend.topic(case.topic), case.name, None)
        if fn is None or not inspect.getdoc(fn):
            missing.append(f"{backends.KNOWN[backend_name]}/{case.topic}.py::{case.name}")
    assert not missing, "case functions without a docstring: " + ", ".join(missing)

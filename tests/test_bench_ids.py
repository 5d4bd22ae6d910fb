"""Every benchmark's test id starts with its case id, the memory measurements' as the timed
ones', so a result or a failure in the log names the case it belongs to."""

from __future__ import annotations

from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from bench import test_memory_autograd, test_memory_modes


class _Metafunc:
    """What a bench module's ``pytest_generate_tests`` asks of pytest: the default options."""

    fixturenames = ("memory_target",)
    config = SimpleNamespace(getoption=lambda name, default=None: default)

    def parametrize(self, name: str, values: list[Any], ids: list[str]) -> None:
        self.values, self.ids = values, ids


@pytest.mark.parametrize(
    "module", [test_memory_modes, test_memory_autograd], ids=lambda m: m.__name__
)
def test_memory_benchmark_ids_carry_their_case_id(module: ModuleType) -> None:
    meta = _Metafunc()
    module.pytest_generate_tests(meta)
    assert meta.ids
    assert all(i.startswith(f"{module.CASE.id}-") for i in meta.ids), meta.ids
    assert len(set(meta.ids)) == len(meta.ids)

"""Options shared by tests/ and bench/ (they must live in the root conftest to be known)."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--bench-size",
        action="append",
        default=None,
        help="data size(s) for bench/ (test, lesson, cpu, …); default: test",
    )

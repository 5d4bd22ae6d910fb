"""Framework-neutral core of the parity suite: case registry, interface, data, oracles, tolerances.

Nothing in this package imports torch or jax (``tests/test_shared_is_neutral.py`` proves it):
backends are found by name and imported only when asked for (``shared.backends``).
"""

"""Seeded inputs for the autograd cases (one function per case name)."""

from __future__ import annotations

"""Seeded inputs for the modules cases (one function per case name)."""

from __future__ import annotations

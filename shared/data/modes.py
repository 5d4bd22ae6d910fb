"""Seeded inputs for the modes cases (one function per case name)."""

from __future__ import annotations

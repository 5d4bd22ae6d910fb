"""Oracles for the advanced cases (one function per case name)."""

from __future__ import annotations

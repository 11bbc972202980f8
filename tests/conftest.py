"""Shared test setup: every test gets its own store, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point CLAIMTRACK_DB at a store in this test's own folder."""
    path = tmp_path / "claims.json"
    monkeypatch.setenv("CLAIMTRACK_DB", str(path))
    return path

"""The settings modules: each environment is `base` plus a few lines over it."""

from __future__ import annotations

import importlib
import sys

import pytest


@pytest.mark.parametrize("environment", ["test", "production"])
def test_every_environment_has_every_shared_setting(
    environment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`base` has no `__all__` (mypy must see its settings through the star import): every
    upper-case name still reaches the settings modules built on it."""
    from hrdialogue.web.config.settings import base

    monkeypatch.setenv("SECRET_KEY", "only-for-this-import-" + "x" * 40)
    monkeypatch.setenv("ALLOWED_HOSTS", "hrdialogue.example.org")
    name = f"hrdialogue.web.config.settings.{environment}"
    monkeypatch.delitem(sys.modules, name, raising=False)  # imported afresh, then forgotten
    module = importlib.import_module(name)
    shared = {setting for setting in dir(base) if setting.isupper()}
    assert len(shared) > 70  # about 75 settings today
    assert shared <= {setting for setting in dir(module) if setting.isupper()}

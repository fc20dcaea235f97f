"""The user cache folder every store of the converter lives in, computed in one place.

``$XDG_CACHE_HOME/jats-converter/NAME`` (``~/.cache`` when unset), unless the store's own
environment variable names another folder. Imports nothing heavy: start-up paths use it.
"""

from __future__ import annotations

import os
from pathlib import Path


def user_cache(name: str, env_var: str | None = None) -> Path:
    """The folder of one store: ``$ENV_VAR`` when set, else the user cache's ``NAME``."""
    if env_var and os.environ.get(env_var):
        return Path(os.environ[env_var]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jats-converter" / name

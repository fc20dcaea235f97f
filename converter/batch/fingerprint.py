"""A fingerprint of the converter's own files, for batch's up-to-date stamps.

The version string does not move between releases: an aggregator who runs from a git checkout
or an editable install, or upgrades to an unreleased build, changes the code under the same
``__version__``. So the stamp also holds this fingerprint, and an output written by other code
is converted again. It is made from each file's relative path, size and modification time
(never its bytes): ~180 files stat'ed once per process, ~1 ms. Only ``batch`` computes it;
``convert`` never imports this module.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache

# The package's folder, this file's grandparent (not ``converter.__file__``: importing the
# package from inside it is an import cycle); a test points it at a copy.
PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Python's caches of compiled modules: written by the interpreter, not part of the code.
_SKIPPED = frozenset({"__pycache__"})


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The fingerprint of every file under the ``converter`` package (``.py``, templates,
    data such as the reference model), ``__pycache__`` aside: 16 hex digits."""
    root = PACKAGE
    lines: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED)
        rel = os.path.relpath(folder, root)
        for name in sorted(files):
            try:
                info = os.stat(os.path.join(folder, name))
            except OSError:  # (removed while walking: not part of the code any more)
                continue
            lines.append(f"{os.path.join(rel, name)}\t{info.st_size}\t{info.st_mtime_ns}")
    return hashlib.blake2b("\n".join(lines).encode(), digest_size=8).hexdigest()

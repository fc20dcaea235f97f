"""Registry packages fetched with ``npm pack`` (the JATS DTDs, the JATS4R rules): the tarball
and its integrity string, as the registry publishes it (``dist.integrity``)."""

from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path

from converter.errors import SetupError


def sri_digest(path: Path) -> str:
    """Subresource-integrity string (``sha512-<base64>``) of a file, as the registry publishes."""
    digest = hashlib.sha512()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return "sha512-" + base64.b64encode(digest.digest()).decode()


def npm_pack(spec: str, workdir: Path, *, without_npm: str) -> Path:
    """The tarball of ``spec`` (``name@version``) fetched into ``workdir`` by ``npm pack``.

    ``without_npm`` ends the message given when npm is not installed (what to do instead).
    The caller checks the tarball's integrity against its pinned value."""
    import subprocess  # installing only: kept off the start-up path of every command

    npm = shutil.which("npm")
    if npm is None:
        raise SetupError(f"npm is not installed: install Node.js/npm, or {without_npm}")
    result = subprocess.run(
        [npm, "pack", spec, "--pack-destination", str(workdir), "--silent"],
        capture_output=True,
        text=True,
        cwd=workdir,
        check=False,
        timeout=600,
    )
    tarballs = sorted(workdir.glob("*.tgz"))
    if result.returncode != 0 or not tarballs:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SetupError(f"npm pack {spec} failed: {detail[-1] if detail else 'no tarball'}")
    return tarballs[0]

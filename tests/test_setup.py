"""The set-up the README promises: two commands that need no activation, a setup script that
never forces pip onto the system Python, and package metadata that says what is supported.

The set-up itself is exercised for real by ``.ci/run`` on a fresh machine (Debian's own
``/usr/bin/python3`` with ``PATH=/usr/bin:/bin`` and an empty ``HOME``, then the newest Python);
these tests keep the texts it relies on true.
"""

from __future__ import annotations

import re
import subprocess
import tomllib

from conftest import ROOT


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set-up: two commands", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_the_readme_set_up_is_two_commands_without_activation() -> None:
    first, second = _readme_commands()
    assert first.startswith("./scripts/setup && .venv/bin/jatsconv convert ")
    assert second == ".venv/bin/python -m pytest"


def test_ci_runs_the_readme_commands_and_the_newest_python() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "## Set-up: two commands" in script  # the commands are read from the README
    assert "PATH=/usr/bin:/bin" in script and "/usr/bin/python3" in script
    assert ".pyenv/versions/*/bin/python3" in script
    for path in (ROOT / ".ci" / "run", ROOT / "scripts" / "setup"):
        assert subprocess.run(["bash", "-n", str(path)], check=False).returncode == 0


def test_setup_never_breaks_system_packages() -> None:
    code = [
        line
        for line in (ROOT / "scripts" / "setup").read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#")
    ]
    assert not [line for line in code if "break-system-packages" in line]
    assert any(re.search(r'"\$py" -m venv', line) for line in code)


def test_package_metadata_names_the_supported_pythons() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    classifiers = project["classifiers"]
    for version in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    assert any(c.startswith("Development Status :: ") for c in classifiers)
    assert project["urls"]


def test_a_plain_install_holds_every_package_file(tmp_path) -> None:
    """``pip install .``, ``pipx install .`` and ``uv tool install .`` install the wheel, not the
    checkout: every file of the package (templates, CSS …) must be in it. Built offline from a
    copy of the package's tracked files, so the checkout is left untouched."""
    import shutil
    import sys
    import zipfile

    tracked = subprocess.run(
        ["git", "ls-files", "converter", "pyproject.toml", "README.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    source = tmp_path / "src"
    for name in tracked:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "-q", "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("jats_converter-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    package_files = [n for n in tracked if n.startswith("converter/")]
    assert sorted(set(package_files) - inside) == []

"""Make the README's two screenshots: the preview of the seed and of the bilingual sample.

The browser tests save full-page screenshots as artifacts (``artifacts/screenshots/``); these
two are the first screen of the same pages, 1000 px wide, made small with ``pngquant`` when it
is installed. Run from the repository root: ``python3 docs/screenshots/make.py``. The committed
pictures were made with Debian's ``fonts-liberation`` installed (without it Chromium falls back
to DejaVu, which is wider: the same pages, other line breaks).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SAMPLES = {
    "preview-seed.png": ("samples/russian-japanology-review/2018-1/streltsov-110.yaml", 1150),
    "preview-bilingual.png": ("samples/japanese-studies-in-russia/2018-3/streltsov-6.xml", 1750),
}
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        sources = [source for source, _ in SAMPLES.values()]
        command = [sys.executable, "-m", "converter", "preview", *sources, "-o", tmp, "-q"]
        subprocess.run(command, cwd=ROOT, check=True)
        context = playwright.chromium.launch_persistent_context(
            str(Path(tmp) / "profile"),
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=ARGS,
            headless=True,
        )
        page = context.new_page()
        for name, (source, height) in SAMPLES.items():
            stem = Path(source).name.split(".")[0]
            page.set_viewport_size({"width": 1000, "height": height})
            page.goto((Path(tmp) / f"{stem}.preview.html").as_uri())
            page.screenshot(path=str(HERE / name))
        context.close()
    if shutil.which("pngquant"):
        pngs = [str(HERE / name) for name in SAMPLES]
        subprocess.run(["pngquant", "--force", "--ext", ".png", "--quality", "60-85", *pngs],
                       check=True)  # fmt: skip


if __name__ == "__main__":
    main()

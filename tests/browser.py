"""The browser harness: the system's headless Chromium, driven by Playwright (issue 14).

Playwright's own browser builds are never downloaded (never run ``playwright
install``): the harness launches the Chromium of the system's package manager
(Debian's ``chromium``) by its path, offline, with nothing in the background.
``tests/test_browser.py`` uses it to check the reading page, and
``nox -s screenshot`` runs this file to remake the screenshot in the docs::

    python tests/browser.py docs/_static/release-page.png

This file imports nothing from the tests package, so that it runs as a script.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from playwright.sync_api import Browser, Page, sync_playwright

import icnk_letter

CHROMIUM_NAMES: Final = ("chromium", "chromium-browser")
CHROMIUM_ARGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
DESKTOP: Final = (1280, 800)
PHONE: Final = (390, 844)


@contextmanager
def chromium(executable: str) -> Generator[Browser, None, None]:
    """Launch the Chromium at *executable*, headless and offline-minded; close it on exit."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(browser: Browser, url: str, size: tuple[int, int]) -> Generator[Page, None, None]:
    """Open *url* in a new page of *size* (a phone, touch and all, when narrower than 600 pixels)."""
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=width < 600)
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(url)
        yield page
    finally:
        context.close()


def write_page(directory: Path) -> Path:
    """Write the reading page of the bundled release into *directory*; return its path."""
    path = directory / "release.html"
    path.write_bytes(icnk_letter.export(icnk_letter.load(), "html").encode("utf-8"))
    return path


def screenshot(executable: str, target: Path, size: tuple[int, int] = DESKTOP) -> Path:
    """Save a screenshot of the top of the reading page, at *size*, as the PNG *target*."""
    with tempfile.TemporaryDirectory() as tmp, chromium(executable) as browser:
        url = write_page(Path(tmp)).as_uri()
        with open_page(browser, url, size) as page:
            target.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(target))
    return target


def main(argv: list[str]) -> int:
    """Save the docs' screenshot of the page to the path in *argv*; fail without Chromium."""
    if len(argv) != 1:
        print("usage: python tests/browser.py OUTPUT.png", file=sys.stderr)
        return 2
    executable = next((path for path in map(shutil.which, CHROMIUM_NAMES) if path is not None), None)
    if executable is None:
        print(f"{' or '.join(CHROMIUM_NAMES)} not found on PATH: install Debian's chromium", file=sys.stderr)
        return 1
    target = screenshot(executable, Path(argv[0]))
    print(f"wrote {target} ({target.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

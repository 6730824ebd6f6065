"""The reading page in a real browser: the system's headless Chromium, through Playwright (issue 14).

One browser is launched for the whole module. Without Chromium the tests are
skipped with a one-line reason (CI, which sets ``ICNK_REQUIRE_PROGRAMS=1``,
fails instead). The run saves full-page screenshots at both sizes in
``build/screenshots/`` for a person to look at; they are not committed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Error, Request

from icnk_letter import Release, export
from icnk_letter._marks import records

from .browser import DESKTOP, PHONE, chromium, open_page, write_page
from .programs import require_program

SCREENSHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
SIZES = {"desktop": DESKTOP, "phone": PHONE}

# The lowest contrast ratio of any text against its background (WCAG 2 AA, normal text).
CONTRAST = """() => {
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const rgba = (s) => s.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  let worst = [21, ""];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (el.closest("svg") || el.offsetParent === null && getComputedStyle(el).position !== "fixed") continue;
    const a = luminance(rgba(getComputedStyle(el).color)), b = luminance(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < worst[0]) worst = [ratio, el.tagName + " " + node.textContent.trim().slice(0, 40)];
  }
  return worst;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """The system's Chromium, launched once for the module."""
    executable = require_program(
        "chromium", "chromium-browser", purpose="test the html page in a real browser"
    )
    with chromium(executable) as launched:
        yield launched


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The file: URL of the reading page of the bundled release."""
    return write_page(tmp_path_factory.mktemp("page")).as_uri()


@pytest.fixture(params=sorted(SIZES))
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    """A desktop and a phone viewport."""
    chosen: tuple[int, int] = SIZES[request.param]
    return chosen


def test_page_in_chromium(browser: Browser, url: str, release: Release) -> None:
    """The DOM's text is the release text, every record id is there, with no request and no console error."""
    requests: list[str] = []
    messages: list[str] = []
    context = browser.new_context()
    try:
        page = context.new_page()

        def on_request(request: Request) -> None:
            requests.append(request.url)

        def on_console(message: ConsoleMessage) -> None:
            messages.append(f"{message.type}: {message.text}")

        def on_error(error: Error) -> None:
            messages.append(f"pageerror: {error}")

        page.on("request", on_request)
        page.on("console", on_console)
        page.on("pageerror", on_error)
        page.goto(url)
        assert release.text == page.evaluate("document.getElementById('release-text').textContent")
        ids = [record.id for record in records(release)]
        missing = page.evaluate("(ids) => ids.filter((id) => !document.getElementById(id))", ids)
        assert [] == missing
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert [url] == requests
    assert [] == messages


def test_hostile_names_stay_text(browser: Browser, release: Release, tmp_path: Path) -> None:
    """Names holding markup stay text in Chromium: no script runs, no element is added, the text is exact."""
    hostile = "</textarea></title><script>alert(1)</script><img src=x onerror=alert(2)>\"'&amp;\r"
    members = [attrs.evolve(member, name=hostile + member.name) for member in release.members]
    people = [attrs.evolve(person, name=hostile) for person in release.people]
    evolved = attrs.evolve(release, title=hostile, members=members, people=people)
    path = tmp_path / "hostile.html"
    path.write_bytes(export(evolved, "html").encode("utf-8"))
    dialogs: list[str] = []
    with open_page(browser, path.as_uri(), DESKTOP) as page:
        page.on("dialog", lambda dialog: dialogs.append(dialog.message))
        text = page.evaluate("document.getElementById('release-text').textContent")
        tags = page.evaluate(
            "[...new Set([...document.querySelectorAll('script, img, textarea')].map(e => e.tagName))]"
        )
        title = page.title()
        names = page.evaluate(
            "[...document.querySelectorAll('[id^=\"row.\"] td:nth-child(2) a')].map(a => a.textContent)"
        )
    assert release.text == text
    assert ([], []) == (tags, dialogs)
    assert " ".join(hostile.split()) == title  # document.title collapses white space
    assert hostile + release.members[0].name in names


def test_fragment_scrolls_to_the_words(browser: Browser, url: str, size: tuple[int, int]) -> None:
    """Following ``#amnesty-international`` scrolls the member-list line into view, outlined as the target."""
    with open_page(browser, url + "#amnesty-international", size) as page:
        top, bottom, height, scrolled, target = page.evaluate(
            """() => {
              const el = document.getElementById("amnesty-international");
              const box = el.getBoundingClientRect();
              return [box.top, box.bottom, window.innerHeight, window.scrollY, el.matches(":target")];
            }"""
        )
    assert scrolled > 0
    assert 0 <= top < bottom <= height
    assert target


def test_highlight_and_row_link_both_ways(browser: Browser, url: str) -> None:
    """Clicking the highlighted words reaches the record's row; the row's link comes back to the words."""
    with open_page(browser, url, DESKTOP) as page:
        page.click("#amnesty-international a")
        assert "#row.amnesty-international" == page.evaluate("location.hash")
        assert page.evaluate("document.getElementById('row.amnesty-international').matches(':target')")
        page.click("[id='row.amnesty-international'] a[href='#amnesty-international']")
        assert "#amnesty-international" == page.evaluate("location.hash")


def test_vcard_download(browser: Browser, url: str, release: Release) -> None:
    """A contact's vCard link downloads the card the vcard export writes for that contact."""
    with open_page(browser, url, DESKTOP) as page:
        with page.expect_download() as info:
            page.click("[id='row.contact-tokyo'] a[download]")
        download = info.value
        assert "contact-tokyo.vcf" == download.suggested_filename
        card = Path(download.path()).read_bytes().decode("utf-8")
    cards = export(release, "vcard").split("END:VCARD\r\n")
    assert cards[1] + "END:VCARD\r\n" == card


def test_keyboard(browser: Browser, url: str) -> None:
    """The first Tab reaches the skip link, which Enter follows; every link is focusable."""
    with open_page(browser, url, DESKTOP) as page:
        page.keyboard.press("Tab")
        assert "Skip the text, to the tables" == page.evaluate("document.activeElement.textContent")
        page.keyboard.press("Enter")
        assert "#section.members" == page.evaluate("location.hash")
        unreachable = page.evaluate(
            "() => [...document.querySelectorAll('a')].filter((a) => !a.href || a.tabIndex < 0).length"
        )
        assert 0 == unreachable


def test_readable(browser: Browser, url: str, size: tuple[int, int]) -> None:
    """At the size, nothing scrolls sideways, the text is at least 16 px and all text meets WCAG AA contrast."""
    width, height = size
    with open_page(browser, url, size) as page:
        scroll_width, client_width, widest = page.evaluate(
            """() => [
              document.documentElement.scrollWidth,
              document.documentElement.clientWidth,
              Math.max(...[...document.querySelectorAll("body *")].map((el) => el.getBoundingClientRect().right)),
            ]"""
        )
        font_size = page.evaluate(
            "parseFloat(getComputedStyle(document.getElementById('release-text')).fontSize)"
        )
        ratio, where = page.evaluate(CONTRAST)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"release-{width}x{height}.png"), full_page=True)
    assert client_width == width
    assert scroll_width <= client_width
    assert widest <= client_width + 0.5
    assert font_size >= 16
    assert ratio >= 4.5, f"contrast {ratio:.2f} for {where!r}"


def test_print_layout(browser: Browser, url: str) -> None:
    """The print stylesheet hides the navigation and keeps the text whole."""
    with open_page(browser, url, DESKTOP) as page:
        page.emulate_media(media="print")
        hidden = page.evaluate("getComputedStyle(document.querySelector('nav')).display")
        text = page.evaluate("document.getElementById('release-text').innerText.length")
    assert "none" == hidden
    assert text > 4000

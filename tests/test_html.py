"""The ``html`` reading page, parsed with Python's ``html.parser`` (issue 14).

The real browser checks are in ``test_browser.py``. The golden file
``tests/golden/release.html`` pins the page of the bundled release byte for
byte, with the package version replaced by ``@VERSION@``; regenerate it with::

    ICNK_LETTER_UPDATE_GOLDEN=1 python -m pytest tests/test_html.py -k golden
"""

from __future__ import annotations

import itertools
import os
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import attrs
import pytest
import vobject  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings

import icnk_letter
from icnk_letter import Release, Span, _cli, formats
from icnk_letter._chart import chart
from icnk_letter._html import header, render, sources_section
from icnk_letter._marks import marks
from icnk_letter._markup import text_markup

from .strategies import releases, releases_with_hostile_names

GOLDEN = Path(__file__).parent / "golden" / "release.html"
UPDATE_GOLDEN = os.environ.get("ICNK_LETTER_UPDATE_GOLDEN") == "1"
VOID = frozenset({"meta", "br", "rect", "link", "img", "input", "hr"})
Attributes = dict[str, str]


class Page(HTMLParser):
    """A parsed page: its elements in order, the text of ``#release-text``, and all its text."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, Attributes]] = []
        self.text_parts: list[str] = []
        self.all_text: list[str] = []
        self.open: list[str] = []
        self.text_depth: int | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag in VOID:
            return
        self.open.append(tag)
        if attributes.get("id") == "release-text":
            self.text_depth = len(self.open)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        if self.text_depth == len(self.open):
            self.text_depth = -1  # the text is complete
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.all_text.append(data)
        if self.text_depth is not None and self.text_depth > 0:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def with_attribute(self, name: str) -> list[Attributes]:
        return [attributes for _, attributes in self.elements if name in attributes]

    def ids(self) -> list[str]:
        return [attributes["id"] for attributes in self.with_attribute("id")]


@pytest.fixture(scope="module")
def page(release: Release) -> str:
    """The page of the bundled release."""
    return render(release)


@pytest.fixture(scope="module")
def parsed(page: str) -> Page:
    """The page of the bundled release, parsed."""
    return Page(page)


class TestText:
    def test_text_is_exact(self, release: Release, parsed: Page) -> None:
        """The text of ``#release-text`` is the release's text, leading blank lines included."""
        assert release.text == parsed.text
        assert parsed.text.startswith("\n\n\n\n1.9.2012")

    def test_in_a_div_with_pre_wrap(self, page: str) -> None:
        """The text is in a div (a pre would lose a leading newline), styled pre-wrap."""
        assert '<div id="release-text">' in page
        assert re.search(r"#release-text\{[^}]*white-space:pre-wrap", page)

    def test_every_main_span_has_the_record_id(self, release: Release, parsed: Page) -> None:
        """Each record's main span is an element with the record's id and kind, whose text is its quote."""
        by_id = {attributes["id"]: attributes for attributes in parsed.with_attribute("data-kind")}
        for mark in marks(release):
            if mark.mention == 0:
                assert mark.kind == by_id[mark.record.id]["data-kind"]
        assert len({m.record.id for m in marks(release)}) == len(
            [a for a in parsed.with_attribute("data-kind") if "data-record" not in a]
        )

    def test_mentions_carry_data_record(self, release: Release, parsed: Page) -> None:
        """Each mention is an element with data-record and the kind, and an id of its own."""
        mentions = {(a["data-record"], a["id"]) for a in parsed.with_attribute("data-record") if "id" in a}
        expected = {(m.record.id, f"{m.record.id}.mention-{m.mention}") for m in marks(release) if m.mention}
        assert expected == mentions

    def test_amnesty_international(self, parsed: Page) -> None:
        """``#amnesty-international`` is the organization's line of the member list, linked to its row."""
        index = next(i for i, (_, a) in enumerate(parsed.elements) if a.get("id") == "amnesty-international")
        tag, attributes = parsed.elements[index]
        assert ("span", "organization") == (tag, attributes["data-kind"])
        assert ("a", "#row.amnesty-international") == (
            parsed.elements[index + 1][0],
            parsed.elements[index + 1][1]["href"],
        )

    def test_spans_quote_their_words(self, release: Release, page: str) -> None:
        """The words of each main span, read back from the markup, are its quote."""
        markup = text_markup(release)
        for mark in marks(release):
            if mark.mention == 0:
                start = markup.index(f'id="{mark.record.id}"')
                assert mark.span.quote == _element_text(markup, start)

    def test_bundled_spans_nest_but_one(self, release: Release) -> None:
        """In the bundled release only the double full stop's discrepancy crosses other spans: one fragment."""
        fragments = re.findall(r"<span ([^>]*)>", text_markup(release))
        assert ['class="d" data-discrepancy="double-full-stop"'] == [f for f in fragments if "id=" not in f]

    def test_crossing_spans_split(self, release: Release) -> None:
        """Spans that cross are split into fragments; the text stays exact and the first keeps the id."""
        text = "0123456789"
        first = attrs.evolve(release.members[0], span=Span(2, 6, "2345"), mentions=())
        second = attrs.evolve(release.members[1], span=Span(4, 9, "45678"), mentions=(Span(0, 0, ""),))
        crossed = attrs.evolve(release, text=text, members=[first, second], discrepancies=())
        markup = text_markup(crossed)
        parsed = Page(f'<div id="release-text">{markup}</div>')
        assert text == parsed.text
        fragments = [
            a for a in parsed.with_attribute("data-kind") if second.id == a.get("data-record", a.get("id"))
        ]
        assert [f"{second.id}.mention-1", second.id, None] == [a.get("id") for a in fragments]
        assert '<span class="r k-organization" data-record="' + second.id in markup
        assert markup.startswith(f'<span class="r k-organization m" id="{second.id}.mention-1" ')
        assert 'data-kind="organization"></span>01<span' in markup

    def test_spans_outside_the_text(self, release: Release) -> None:
        """Spans past the end of the text, or ending before they start, are clipped, never change the text."""
        member = attrs.evolve(release.members[0], span=Span(3, 99, "x"), mentions=(Span(5, 1, ""),))
        odd = attrs.evolve(release, text="short\r\n\0text", members=[member], discrepancies=())
        parsed = Page(f'<div id="release-text">{text_markup(odd)}</div>')
        assert "short\r\n\ufffdtext" == parsed.text


def _element_text(markup: str, attribute_at: int) -> str:
    """The text of the element whose opening tag holds *attribute_at*, parsed."""
    start = markup.rindex("<", 0, attribute_at)
    depth, position = 0, start
    for match in re.finditer(r"<(/?)span\b[^>]*>", markup[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            position = start + match.end()
            break
    return Page(f'<div id="release-text">{markup[start:position]}</div>').text


class TestTables:
    def test_every_highlight_links_to_an_existing_row(self, parsed: Page) -> None:
        """Every link of the page points at an element of the page."""
        ids = set(parsed.ids())
        targets = [a["href"][1:] for a in parsed.with_attribute("href") if a["href"].startswith("#")]
        assert [] == sorted({unquote(t) for t in targets} - ids)
        assert len(targets) > 200

    def test_every_record_has_a_row_linking_back(self, release: Release, parsed: Page) -> None:
        """Each record has a row ``row.ID`` that links to its words."""
        ids = set(parsed.ids())
        hrefs = {a["href"] for a in parsed.with_attribute("href")}
        for mark in marks(release):
            assert f"row.{mark.record.id}" in ids
            assert f"#{mark.record.id}" in hrefs

    def test_discrepancies_link_both_ways(self, release: Release, parsed: Page) -> None:
        """Each discrepancy has a row and its spans are marked in the text, linking to each other."""
        ids = set(parsed.ids())
        for discrepancy in release.discrepancies:
            assert f"discrepancy.{discrepancy.id}" in ids
            for number in range(1, len(discrepancy.spans) + 1):
                assert f"discrepancy.{discrepancy.id}.{number}" in ids

    def test_contacts(self, release: Release, parsed: Page) -> None:
        """Phones are tel: links, e-mails mailto: links and each contact has a vCard as a data: download."""
        hrefs = [a["href"] for a in parsed.with_attribute("href")]
        phones = [phone.uri for contact in release.contacts for phone in contact.phones]
        emails = [f"mailto:{email}" for contact in release.contacts for email in contact.emails]
        assert phones == [h for h in hrefs if h.startswith("tel:")]
        assert emails == [h for h in hrefs if h.startswith("mailto:")]
        downloads = parsed.with_attribute("download")
        assert [f"{c.id}.vcf" for c in release.contacts] == [a["download"] for a in downloads]
        for contact, attributes in zip(release.contacts, downloads, strict=True):
            prefix = "data:text/vcard;charset=utf-8,"
            assert attributes["href"].startswith(prefix)
            text = unquote(attributes["href"][len(prefix) :])
            cards: list[Any] = list(vobject.readComponents(text))  # pyright: ignore[reportUnknownMemberType]
            assert [release.person_of(contact).name] == [card.fn.value for card in cards]

    def test_claims_show_their_figures(self, page: str) -> None:
        """Claims show their figures as printed and as read."""
        assert "Over 200,000: at least 200,000 people" in page
        assert "three: exactly 3 organizations" in page
        assert "24.5 million people: about 24,500,000 people" in page

    def test_summary_header(self, release: Release, parsed: Page, page: str) -> None:
        """The header gives the title, the date as printed and as read, the sha256 and the version."""
        assert [("h1", {})] == [e for e in parsed.elements if e[0] == "h1"]
        text = "".join(parsed.all_text)
        assert release.title in text
        assert "Date as printed1.9.2012" in text
        assert '<time datetime="2012-01-09">9 January 2012</time>' in page
        assert release.sha256 in text
        assert f"icnk_letter {icnk_letter.__version__}" in text

    def test_verification(self, release: Release, page: str) -> None:
        """The page says what verify() found; a release that fails it lists its problems."""
        assert f"verify() ran {len(icnk_letter.verify(release).checks)} checks" in page
        broken = attrs.evolve(release, sha256="0" * 64)
        assert "verify() found 1 problem: " in render(broken)
        broken_more = attrs.evolve(broken, stated_organization_count=1)
        with pytest.raises(icnk_letter.DataError) as raised:
            icnk_letter.verify(broken_more)
        count = len(raised.value.problems)
        assert count > 1
        assert f"verify() found {count} problems: " in render(broken_more)

    def test_sources(self, release: Release, parsed: Page) -> None:
        """Each source of the release has a row, its title linked to its URL, with its dates and facts."""
        ids = set(parsed.ids())
        assert all(f"source.{source.id}" in ids for source in release.sources)
        fidh = release.sources[0]
        assert f'<a href="{fidh.url}" rel="noreferrer">' in sources_section(release)
        assert "" == sources_section(attrs.evolve(release, sources=()))

    def test_sources_escaped(self, release: Release) -> None:
        """Source text is escaped, dates may be missing, and only http(s) URLs become links."""
        linked = attrs.evolve(
            release.sources[0],
            id="afp",
            url="https://example.org/a?b=1&c=2",
            published=None,
            facts=("says <43>",),
        )
        unlinked = attrs.evolve(release.sources[0], id="x", title="<b>", url="javascript:alert(1)", facts=())
        section = sources_section(attrs.evolve(release, sources=(linked, unlinked)))
        rows = [a["id"] for a in Page(section).with_attribute("id")]
        assert ["section.sources", "source.afp", "source.x"] == rows
        assert '<a href="https://example.org/a?b=1&amp;c=2" rel="noreferrer">' in section
        assert "says &lt;43&gt;" in section
        assert "&lt;b&gt;" in section
        assert 'href="javascript' not in section
        assert '<td data-label="Published">\u2014</td>' in section


class TestExport:
    def test_registered(self, release: Release, page: str) -> None:
        """``export(release, "html")`` is the page, computed once and then reused."""
        fmt = formats.get("html")
        assert ("html", ".html", "text/html", False) == (fmt.name, fmt.extension, fmt.media_type, fmt.binary)
        exported = icnk_letter.export(release, "html")
        assert page == exported
        assert exported is icnk_letter.export(release, "html")

    def test_cli(self, release: Release, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``icnk-letter export html -o release.html`` writes the page as UTF-8."""
        target = tmp_path / "release.html"
        assert 0 == _cli.main(["export", "html", "-o", str(target)])
        assert render(release).encode("utf-8") == target.read_bytes()
        assert ("", "") == capsys.readouterr()

    def test_sources_in_the_header(self, release: Release) -> None:
        """The header's navigation links to the sources only when the release has some."""
        assert 'href="#section.sources"' in header(release, "1")
        assert 'href="#section.sources"' not in header(attrs.evolve(release, sources=()), "1")

    def test_unknown_author(self, release: Release) -> None:
        """A claim attributed to an id that names no record shows the id, as text."""
        claim = attrs.evolve(release.claims[0], attributed_to="nobody-known")
        page = render(attrs.evolve(release, claims=[claim, *release.claims[1:]]))
        assert '<td data-label="Made by">nobody-known</td>' in page


class TestChart:
    def test_members_per_country(self, release: Release) -> None:
        """The chart has a bar per country and one for "none printed", with labels, counts and titles."""
        svg = Page(chart(release))
        titles = [t for t in svg.all_text if ": " in t and t.endswith(("member", "members"))]
        counts = Counter(m.country for m in release.members)
        assert len(counts) == len(titles)
        assert f"none printed: {counts[None]} members" == titles[-1]
        assert "KR (ROK): 9 members" == titles[0]
        assert sum(counts.values()) == sum(int(t.rsplit(": ", 1)[1].split()[0]) for t in titles)

    def test_no_members(self, release: Release) -> None:
        """A release without members gets an empty chart, not an error."""
        svg = chart(attrs.evolve(release, members=[]))
        assert "<rect" not in svg
        assert "<title" in svg

    def test_single_member_and_codes_printed_as_codes(self, release: Release) -> None:
        """A country printed as its code is labelled once; one member is "1 member"."""
        member = attrs.evolve(release.members[0], country="BE", country_as_printed="BE")
        assert "BE: 1 member</title>" in chart(attrs.evolve(release, members=[member]))


class TestPage:
    def test_golden(self, page: str) -> None:
        """The page of the bundled release is pinned byte for byte (bar the package version)."""
        version = f"icnk_letter {icnk_letter.__version__}"
        assert 3 == page.count(version)
        actual = page.replace(version, "icnk_letter @VERSION@").encode("utf-8")
        if UPDATE_GOLDEN:
            GOLDEN.write_bytes(actual)
        assert actual == GOLDEN.read_bytes(), (
            "release.html changed: regenerate with ICNK_LETTER_UPDATE_GOLDEN=1"
        )

    def test_broken_reference(self, release: Release) -> None:
        """A contact whose person is no record is a DataError naming it, as for every export."""
        contact = attrs.evolve(release.contacts[0], person="nobody-known")
        broken = attrs.evolve(release, contacts=[contact, *release.contacts[1:]])
        with pytest.raises(
            icnk_letter.DataError, match=r"contacts\[0\]\.person: 'nobody-known' is not the id of a person"
        ):
            render(broken)

    def test_deterministic(self, release: Release, page: str) -> None:
        """An equal but distinct release gives the same bytes."""
        assert page == render(icnk_letter.from_json(icnk_letter.to_json(release)))

    def test_no_network(self, page: str, parsed: Page) -> None:
        """Nothing is loaded from elsewhere: no scripts, no external styles, images or frames; a CSP forbids it."""
        tags = {tag for tag, _ in parsed.elements}
        assert set() == tags & {
            "script",
            "link",
            "img",
            "iframe",
            "object",
            "embed",
            "video",
            "audio",
            "base",
        }
        assert "default-src 'none'" in page
        sources = [a for a in parsed.elements if "src" in a[1]]
        assert [] == sources
        assert "url(" not in page
        assert "@import" not in page

    def test_accessibility_basics(self, parsed: Page) -> None:
        """lang="en", one h1, headings in order, every table header scoped, the chart labelled."""
        html = parsed.elements[0]
        assert ("html", {"lang": "en"}) == html
        levels = [int(tag[1]) for tag, _ in parsed.elements if re.fullmatch(r"h[1-6]", tag)]
        assert 1 == levels.count(1)
        assert levels[0] == 1
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
        assert all(a.get("scope") == "col" for tag, a in parsed.elements if tag == "th")
        svg = next(a for tag, a in parsed.elements if tag == "svg")
        assert ("img", "chart.title chart.desc") == (svg["role"], svg["aria-labelledby"])

    def test_highlights_not_by_colour_alone(self, page: str) -> None:
        """Each kind of record has its own line style, besides its colour."""
        styles = re.findall(r"\.k-(\w+)\{[^}]*text-decoration-line:(\w+);text-decoration-style:(\w+)", page)
        assert {"letter", "organization", "person", "contact", "quote", "claim"} == {k for k, _, _ in styles}
        assert len(styles) == len({(line, style) for _, line, style in styles})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile=releases_with_hostile_names())
def test_hostile_names_stay_text(hostile: Release) -> None:
    """With hostile names, the text stays exact and the page has the bundled page's elements, no others."""
    page = Page(render(hostile))
    assert hostile.text == page.text
    bundled = _structure(Page(render(icnk_letter.load())))
    assert bundled == _structure(page)
    all_text = "".join(page.all_text)
    for name in [o.name for o in hostile.organizations] + [p.name for p in hostile.people]:
        assert name.replace("\0", "\ufffd") in all_text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arbitrary=releases())
def test_any_release_keeps_its_text(arbitrary: Release) -> None:
    """For any release (spans crossing, empty or past the end), the page's text is the release's text.

    Contacts are left out: their person and organization must resolve, and
    arbitrary ids do not (that failure is a DataError, as for every export).
    """
    without_contacts = attrs.evolve(arbitrary, contacts=[])
    assert arbitrary.text.replace("\0", "\ufffd") == Page(render(without_contacts)).text


def _structure(page: Page) -> list[tuple[str, tuple[str, ...]]]:
    """The elements of *page* and their attribute names, less the list of verify()'s problems."""
    return [
        (tag, tuple(sorted(a))) for tag, a in page.elements if tag != "li" and a.get("class") != "problems"
    ]


def test_record_kinds(release: Release) -> None:
    """The kind of every marked element is one of the six record kinds."""
    kinds = {a["data-kind"] for a in Page(render(release)).with_attribute("data-kind")}
    assert {"letter", "organization", "person", "contact", "quote", "claim"} == kinds

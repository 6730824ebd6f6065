"""Citations of the release itself: CSL-JSON, BibTeX (biblatex), RIS and plain text.

A citation names the release's authors as it names them: the coalition and
the three largest organizations of its first statement. Its date is the
release's own (``Release.date``, the reading of "1.9.2012"); its URL, the
publisher of that copy and the access date come from the ``Source`` of a
published copy (FIDH's); its note gives the SHA-256 of the text cited, so a
reader can tell exactly which text was used.
"""

from __future__ import annotations

import datetime
import json
import re
from typing import Any, Final

from ._dates import long_date
from ._model import ClaimKind, Release, Source

__all__ = [
    "CITATION_SOURCE",
    "authors",
    "citation_source",
    "render_bibtex",
    "render_csl_json",
    "render_ris",
    "render_text",
]

CITATION_SOURCE: Final = "fidh"
"""The id of the :class:`Source` whose URL a citation gives: FIDH's published copy."""

_BIBTEX_SPECIAL: Final = re.compile(r"([&%$#_{}~^\\])")
_BIBTEX_REPLACEMENTS: Final = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def authors(release: Release) -> tuple[str, ...]:
    """Return the names of the release's authors: the coalition, then the organizations it names first.

    The named organizations are the members whose names are printed in the
    release's first statement that counts organizations ("The world's three
    largest ..."), in printed order.

    >>> import icnk_letter
    >>> authors(icnk_letter.load())[1:]
    ('Amnesty International', 'Human Rights Watch', 'International Federation for Human Rights')
    """
    statements = [
        claim
        for claim in release.claims
        if claim.kind is ClaimKind.STATEMENT
        and claim.quantity is not None
        and claim.quantity.unit == "organizations"
    ]
    named: list[tuple[int, str]] = []
    if statements:
        text = statements[0].text
        named = sorted((text.index(m.name), m.name) for m in release.members if m.name in text)
    return (release.coalition.name, *(name for _, name in named))


def citation_source(release: Release) -> Source | None:
    """Return the published copy a citation points to: FIDH's, else the first source, else None."""
    for source in release.sources:
        if source.id == CITATION_SOURCE:
            return source
    return release.sources[0] if release.sources else None


def _note(release: Release) -> str:
    return (
        f'Dated "{release.date_as_printed}" in the text, read as {long_date(release.date)}.'
        f" SHA-256 of the text: {release.sha256}"
    )


def _date_parts(date: datetime.date) -> dict[str, list[list[int]]]:
    return {"date-parts": [[date.year, date.month, date.day]]}


def render_csl_json(release: Release) -> str:
    """Return the release as CSL-JSON (an array of one item), for Zotero, Pandoc and citeproc."""
    item: dict[str, Any] = {
        "id": release.id,
        "type": "webpage",
        "genre": "Press release",
        "title": release.title,
        "author": [{"literal": name} for name in authors(release)],
        "issued": _date_parts(release.date),
        "note": _note(release),
    }
    source = citation_source(release)
    if source is not None:
        item["container-title"] = source.publisher
        item["URL"] = source.url
        if source.accessed is not None:
            item["accessed"] = _date_parts(source.accessed)
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def _bibtex(text: str) -> str:
    """Return *text* with the characters special to (La)TeX escaped, and on one line."""
    text = " ".join(text.split())
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACEMENTS.get(m[1], "\\" + m[1]), text)


def render_bibtex(release: Release) -> str:
    """Return the release as a biblatex ``@online`` entry, keyed by the release id."""
    fields: list[tuple[str, str]] = [
        ("author", " and ".join("{" + _bibtex(name) + "}" for name in authors(release))),
        ("title", "{" + _bibtex(release.title) + "}"),
        ("titleaddon", "Press release"),
        ("date", release.date.isoformat()),
    ]
    source = citation_source(release)
    if source is not None:
        fields.append(("organization", _bibtex(source.publisher)))
        fields.append(("url", source.url.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")))
        if source.accessed is not None:
            fields.append(("urldate", source.accessed.isoformat()))
    fields.append(("note", _bibtex(_note(release))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{release.id},\n{body},\n}}\n"


def _ris_date(date: datetime.date) -> str:
    return f"{date.year:04d}/{date.month:02d}/{date.day:02d}/"


def render_ris(release: Release) -> str:
    """Return the release as an RIS record (type ``ELEC``, a web page), lines ended by CRLF."""
    lines = [("TY", "ELEC"), *(("AU", name) for name in authors(release))]
    lines += [
        ("TI", release.title),
        ("M3", "Press release"),
        ("PY", str(release.date.year)),
        ("DA", _ris_date(release.date)),
    ]
    source = citation_source(release)
    if source is not None:
        lines += [("PB", source.publisher), ("UR", source.url)]
        if source.accessed is not None:
            lines.append(("Y2", _ris_date(source.accessed)))
    lines += [("N1", _note(release)), ("ER", "")]
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)


def render_text(release: Release) -> str:
    """Return a plain-text citation of the release, on one line.

    >>> import icnk_letter
    >>> print(render_text(icnk_letter.load()).split(". 9 January")[0])
    International Coalition to Stop Crimes Against Humanity in North Korea, Amnesty International, Human Rights Watch, and International Federation for Human Rights
    """
    names = authors(release)
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", and " + names[-1]
    parts = [f"{who}. {long_date(release.date)}. \u201c{release.title}.\u201d Press release."]
    source = citation_source(release)
    if source is not None:
        accessed = f" (accessed {long_date(source.accessed)})" if source.accessed is not None else ""
        parts.append(f"{source.publisher}. {source.url}{accessed}.")
    parts.append(_note(release) + ".")
    return " ".join(parts) + "\n"

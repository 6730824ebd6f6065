"""The reading page: one self-contained HTML5 document of the release and every record in it.

The page holds the release verbatim in ``<div id="release-text">`` (a ``div``
and not a ``pre``, whose parser drops a leading newline), styled
``white-space: pre-wrap``, so that its ``textContent`` is :attr:`Release.text`
exactly, with every record's spans marked (see :mod:`._markup`). Tables of
the records follow, each row linking back to its words, with a chart of the
members per country (:mod:`._chart`), what :func:`verify` reports, and the
sources once releases have them.

Nothing is loaded from elsewhere: the styles are inline, the chart is inline
SVG, the vCards are ``data:`` links, and a Content-Security-Policy forbids any
fetch.

The ids the page gives its own elements contain a ``.`` (``row.ID``,
``section.members``), which record ids, lowercase slugs, never do.
"""

from __future__ import annotations

import datetime
import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final
from urllib.parse import quote as _percent

from ._chart import NONE_PRINTED, chart
from ._dates import long_date
from ._errors import DataError, NotFoundError
from ._export import resolve, tel_uri
from ._marks import KINDS, label_of
from ._markup import counted, esc, link, row_id, short, text_markup
from ._model import (
    Claim,
    ClaimKind,
    Contact,
    Discrepancy,
    Letter,
    Organization,
    Person,
    PhoneKind,
    Precision,
    Record,
    Release,
)

__all__ = ["render"]


def render(release: Release) -> str:
    """Return *release* as one self-contained HTML5 page.

    >>> import icnk_letter
    >>> page = render(icnk_letter.load())
    >>> page.startswith("<!DOCTYPE html>"), '<span class="r k-organization" id="amnesty-international"' in page
    (True, True)
    """
    for index, contact in enumerate(release.contacts):
        resolve(release, contact.person, Person, f"contacts[{index}].person")
        resolve(release, contact.organization, Organization, f"contacts[{index}].organization")
    version = _package_version()
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
        f'<meta name="generator" content="icnk_letter {esc(version)}">\n',
        f"<title>{esc(release.title)}</title>\n",
        f"<style>{STYLE}</style>\n",
        "</head>\n<body>\n",
        '<a class="skip" href="#section.members">Skip the text, to the tables</a>\n',
        header(release, version),
        "<main>\n",
        _text_section(release),
        _members_section(release),
        _contacts_section(release),
        _claims_section(release),
        _quotes_section(release),
        _people_section(release),
        _others_section(release),
        _discrepancies_section(release),
        sources_section(release),
        "</main>\n",
        _footer(release, version),
        "</body>\n</html>\n",
    ]
    return "".join(parts)


@functools.cache
def _package_version() -> str:
    from importlib.metadata import version

    return version("icnk-letter")


def _text_section(release: Release) -> str:
    legend = "".join(f'<li><span class="r k-{kind}">{kind}</span></li>' for kind in KINDS)
    return (
        '<section aria-labelledby="section.text">\n'
        '<h2 id="section.text">The release, verbatim</h2>\n'
        "<p>Every record is marked where it is written; follow a marked phrase to its entry in the "
        "tables, and an entry back to its words. Each kind of record is underlined differently:</p>\n"
        f'<ul class="legend">{legend}'
        '<li><span class="d">discrepancy of the source</span></li></ul>\n'
        f'<div id="release-text">{text_markup(release)}</div>\n'
        "</section>\n"
    )


# --- the header and footer ------------------------------------------------------------------------


def header(release: Release, version: str) -> str:
    counts = ", ".join(
        (
            counted(len(release.members), "member"),
            counted(len(release.contacts), "press contact"),
            counted(len(release.claims), "claim"),
            counted(len(release.quotes), "quote"),
            counted(len(release.people), "person", "people"),
        )
    )
    sections: tuple[tuple[str, str], ...] = (
        ("section.text", "Text"),
        ("section.members", "Members"),
        ("section.contacts", "Contacts"),
        ("section.claims", "Claims"),
        ("section.quotes", "Quotes"),
        ("section.people", "People"),
        ("section.others", "Letter and other organizations"),
        ("section.discrepancies", "Discrepancies"),
    )
    if release.sources:
        sections = (*sections, ("section.sources", "Sources"))
    nav = "".join(f"<li>{link(target, label)}</li>" for target, label in sections)
    return (
        "<header>\n"
        f'<p class="dateline">{esc(release.dateline)} \u00b7 press release</p>\n'
        f"<h1>{esc(release.title)}</h1>\n"
        '<dl class="summary">\n'
        f"<dt>Date as printed</dt><dd>{esc(release.date_as_printed)}</dd>\n"
        f'<dt>Date as read</dt><dd><time datetime="{release.date.isoformat()}">'
        f"{long_date(release.date)}</time> (month.day.year)</dd>\n"
        f"<dt>Records</dt><dd>{counts}</dd>\n"
        f'<dt>SHA-256 of the text</dt><dd><code class="hash">{esc(release.sha256)}</code></dd>\n'
        f"<dt>Made by</dt><dd>icnk_letter {esc(version)}, data schema {esc(release.schema_version)}</dd>\n"
        "</dl>\n"
        f'<nav aria-label="Sections"><ul>{nav}</ul></nav>\n'
        "</header>\n"
    )


def _footer(release: Release, version: str) -> str:
    return (
        "<footer>\n"
        f"<p>Made by icnk_letter {esc(version)} from the text of the release ({len(release.text)} "
        "characters, reproduced verbatim as a historical record; it belongs to its authors). "
        'Every value above points back to its words. <a href="#section.text">Back to the text</a>.</p>\n'
        "</footer>\n"
    )


# --- tables ---------------------------------------------------------------------------------------


def _table(caption: str, headers: Sequence[str], rows: Iterable[tuple[str, Sequence[str]]]) -> str:
    """Return a table; each row is (its id, its cells as HTML); cells carry their header for phones."""
    head = "".join(f'<th scope="col">{esc(header)}</th>' for header in headers)
    body: list[str] = []
    for element_id, cells in rows:
        tds = "".join(
            f'<td data-label="{esc(header)}">{cell}</td>' for header, cell in zip(headers, cells, strict=True)
        )
        body.append(f'<tr id="{esc(element_id)}">{tds}</tr>\n')
    return (
        f"<table>\n<caption>{esc(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
        f"<tbody>\n{''.join(body)}</tbody>\n</table>\n"
    )


def _section(key: str, heading: str, *content: str) -> str:
    return (
        f'<section aria-labelledby="section.{key}">\n<h2 id="section.{key}">{esc(heading)}</h2>\n'
        f"{''.join(content)}</section>\n"
    )


def _words(record: Record, text: str) -> str:
    """Return a link from a table back to the main span of *record*, titled with its id and offsets."""
    span = record.span
    return link(record.id, text, title=f"{record.id} [{span.start}:{span.end}]: show the words in the text")


def _mentions(record: Organization | Person) -> str:
    links = [
        link(f"{record.id}.mention-{number}", str(number), title=short(span.quote))
        for number, span in enumerate(record.mentions, start=1)
    ]
    return ", ".join(links) if links else "\u2014"


def _country(organization: Organization) -> str:
    if organization.country is None:
        return f'<span class="none">{NONE_PRINTED}</span>'
    printed = organization.country_as_printed
    suffix = f" ({esc(printed)})" if printed is not None and printed != organization.country else ""
    return f"{esc(organization.country)}{suffix}"


def _optional(value: str | None) -> str:
    return esc(value) if value is not None else "\u2014"


def _members_section(release: Release) -> str:
    rows = (
        (
            row_id(member.id),
            (
                str(number),
                _words(member, member.name),
                _optional(member.acronym),
                _country(member),
                _mentions(member),
            ),
        )
        for number, member in enumerate(release.members, start=1)
    )
    return _section(
        "members",
        "Members",
        f"<p>The member list names {len(release.members)} organizations; the release says "
        f"{release.stated_organization_count} released the letter (see the discrepancies).</p>\n",
        chart(release),
        _table(
            "The members, in printed order",
            ("No.", "Name", "Acronym", "Country", "Also named in the text"),
            rows,
        ),
    )


def _contact_row(release: Release, index: int, contact: Contact) -> tuple[str, tuple[str, ...]]:
    from ._vcard import card

    person = release.by_id(contact.person)
    organization = release.by_id(contact.organization)
    languages = ", ".join(f"{esc(lang.as_printed)} ({esc(lang.tag)})" for lang in contact.languages)
    phones: list[str] = []
    for phone in contact.phones:
        uri = tel_uri(phone)
        shown = esc(phone.as_printed)
        anchor = f'<a href="{esc(uri)}">{shown}</a>' if uri is not None else shown
        phones.append(anchor + (" (mobile)" if phone.kind is PhoneKind.MOBILE else ""))
    emails = [
        f'<a href="mailto:{esc(_percent(email, safe="@+"))}">{esc(email)}</a>' for email in contact.emails
    ]
    name = label_of(release, person)
    vcard = "data:text/vcard;charset=utf-8," + _percent(card(release, index), safe="")
    download = (
        f'<a href="{esc(vcard)}" download="{esc(contact.id)}.vcf" aria-label="vCard of {esc(name)}">vCard</a>'
    )
    role = f"<br>{esc(contact.role)}" if contact.role is not None else ""
    return (
        row_id(contact.id),
        (
            _words(contact, contact.city),
            link(row_id(person.id), name) + role,
            link(row_id(organization.id), label_of(release, organization)),
            languages or "\u2014",
            "<br>".join(phones) or "\u2014",
            "<br>".join(emails) or "\u2014",
            download,
        ),
    )


def _contacts_section(release: Release) -> str:
    return _section(
        "contacts",
        "Press contacts",
        _table(
            "The press contacts, one per city",
            ("City", "Person", "Organization", "Languages", "Phones", "E-mail", "Card"),
            (_contact_row(release, index, contact) for index, contact in enumerate(release.contacts)),
        ),
    )


def _author(release: Release, author_id: str) -> str:
    if author_id == release.id:
        return "the release itself"
    try:
        record = release.by_id(author_id)
    except NotFoundError:
        return esc(author_id)
    return link(row_id(record.id), label_of(release, record))


def _figure(claim: Claim) -> str:
    quantity = claim.quantity
    if quantity is None:
        return "\u2014"
    precision = _PRECISION[quantity.precision]
    return f"{esc(quantity.as_printed)}: {precision} {quantity.value:,} {esc(quantity.unit)}"


_PRECISION: Final = {
    Precision.EXACT: "exactly",
    Precision.LOWER_BOUND: "at least",
    Precision.ROUNDED: "about",
}


_CLAIM_KINDS: Final = {
    ClaimKind.VIOLATION: "violation",
    ClaimKind.DEMAND: "demand",
    ClaimKind.STATEMENT: "statement",
}


def _claims_section(release: Release) -> str:
    counts = Counter(claim.kind for claim in release.claims)
    summary = ", ".join(counted(counts[kind], name) for kind, name in _CLAIM_KINDS.items())
    rows = (
        (
            row_id(claim.id),
            (
                _CLAIM_KINDS[claim.kind],
                _words(claim, claim.text),
                _figure(claim),
                _author(release, claim.attributed_to),
            ),
        )
        for claim in release.claims
    )
    return _section(
        "claims",
        "Claims",
        f"<p>{summary}, in printed order.</p>\n",
        _table("The claims and their figures", ("Kind", "Words", "Figure", "Made by"), rows),
    )


def _quotes_section(release: Release) -> str:
    rows = (
        (row_id(quote.id), (_author(release, quote.speaker), _words(quote, quote.text)))
        for quote in release.quotes
    )
    return _section("quotes", "Quotes", _table("The quotations", ("Speaker", "Words"), rows))


def _affiliations(release: Release, person: Person) -> str:
    return ", ".join(_author(release, org_id) for org_id in person.affiliations) or "\u2014"


def _people_section(release: Release) -> str:
    rows = (
        (
            row_id(person.id),
            (
                _words(person, person.name),
                esc(person.family_name),
                esc(person.given_name),
                _optional(person.description),
                _affiliations(release, person),
                _mentions(person),
            ),
        )
        for person in release.people
    )
    headers = ("Name", "Family name", "Given name", "Described as", "Affiliations", "Also named in the text")
    return _section("people", "People", _table("Every person named", headers, rows))


def _others_section(release: Release) -> str:
    letter: Letter = release.letter
    rows: list[tuple[str, tuple[str, ...]]] = [
        (
            row_id(letter.id),
            (
                "the open letter",
                _words(letter, letter.title),
                "\u2014",
                f"by {_author(release, letter.author)} to {_author(release, letter.recipient)}",
                "\u2014",
            ),
        )
    ]
    roles = [(release.coalition, "the coalition")]
    roles.extend(
        (organization, "named, not on the member list") for organization in release.other_organizations
    )
    for organization, role in roles:
        cells = (
            role,
            _words(organization, organization.name),
            _optional(organization.acronym),
            _country(organization),
            _mentions(organization),
        )
        rows.append((row_id(organization.id), cells))
    headers = ("Role", "Name", "Acronym", "Country", "Also named in the text")
    return _section(
        "others",
        "Letter and other organizations",
        _table("The open letter, the coalition and organizations not listed", headers, rows),
    )


def _verification(release: Release) -> str:
    from ._verify import verify

    try:
        report = verify(release)
    except DataError as error:
        problems = "".join(f"<li>{esc(problem)}</li>" for problem in error.problems)
        count = len(error.problems)
        return (
            f'<p class="failed">verify() found {count} problem{"" if count == 1 else "s"}: '
            "this release does not agree with its own text.</p>\n"
            f'<ul class="problems">{problems}</ul>\n'
        )
    return (
        f'<p class="verified">verify() ran {len(report.checks)} checks of the records against the text, '
        "and all passed. "
        f"It reports {len(report.discrepancies)} known discrepancies of the source, kept as printed:</p>\n"
    )


def _discrepancy_words(discrepancy: Discrepancy) -> str:
    links = [
        link(f"discrepancy.{discrepancy.id}.{number}", f"\u201c{short(span.quote, 40)}\u201d")
        for number, span in enumerate(discrepancy.spans, start=1)
    ]
    return "<br>".join(links) or "\u2014"


def _discrepancies_section(release: Release) -> str:
    rows = (
        (
            "discrepancy." + discrepancy.id,
            (esc(discrepancy.id), esc(discrepancy.description), _discrepancy_words(discrepancy)),
        )
        for discrepancy in release.discrepancies
    )
    return _section(
        "discrepancies",
        "Verification and discrepancies",
        _verification(release),
        _table("The source's known discrepancies", ("Id", "What", "Words"), rows),
    )


# --- sources ---------------------------------------------------------------------------------------


def sources_section(release: Release) -> str:
    """Return the table of the release's sources (other publications of it), or ``""`` if it has none.

    Each row gives the publisher, the title (a link to the URL when it is
    ``http`` or ``https``), the dates of publication and access, and what the
    source says that bears on the data.
    """
    if not release.sources:
        return ""
    rows: list[tuple[str, tuple[str, ...]]] = []
    for source in release.sources:
        title = esc(source.title)
        if source.url.startswith(("https://", "http://")):
            title = f'<a href="{esc(source.url)}" rel="noreferrer">{title}</a>'
        facts = "".join(f"<li>{esc(fact)}</li>" for fact in source.facts)
        facts = f'<ul class="facts">{facts}</ul>' if facts else "\u2014"
        cells = (esc(source.publisher), title, _date(source.published), _date(source.accessed), facts)
        rows.append(("source." + source.id, cells))
    headers = ("Publisher", "Title", "Published", "Accessed", "What it says")
    return _section(
        "sources",
        "Sources",
        "<p>Other publications of the release and reports on it, checked by the maintainers.</p>\n",
        _table("Other publications of the release", headers, rows),
    )


def _date(value: datetime.date | None) -> str:
    if value is None:
        return "\u2014"
    return f'<time class="date" datetime="{value.isoformat()}">{value.isoformat()}</time>'


# --- style ------------------------------------------------------------------------------------------

STYLE: Final = """
:root{color-scheme:light;--ink:#1b1b1b;--muted:#4a4a4a;--link:#0b4f8a;--rule:#c8c8c8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:76rem;padding:1rem;font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff;overflow-wrap:break-word}
a{color:var(--link)}
a:focus-visible{outline:3px solid #b3261e;outline-offset:2px}
.skip{position:absolute;left:-999rem}
.skip:focus{position:static}
h1{font-size:1.6rem;line-height:1.3;margin:.25rem 0 1rem}
h2{font-size:1.3rem;margin:2.5rem 0 .75rem;border-bottom:2px solid var(--ink)}
.dateline{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;font-size:.9rem}
dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1rem}
dl.summary dt{font-weight:600}
dl.summary dd{margin:0}
code.hash{overflow-wrap:anywhere}
code{font-family:ui-monospace,"Cascadia Mono","DejaVu Sans Mono",monospace;font-size:.9em}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:0;list-style:none}
#release-text{white-space:pre-wrap;font:1.05rem/2.1 Georgia,"Noto Serif","DejaVu Serif",serif;max-width:48rem;padding:.5rem 1rem;border-left:4px solid var(--rule)}
#release-text a{color:inherit;text-decoration:none}
#release-text a:hover{background:#fff3a8}
.r{text-decoration-thickness:2px;text-underline-offset:4px;text-decoration-skip-ink:none}
.k-organization{background:#e3eefc;text-decoration-line:underline;text-decoration-style:solid;text-decoration-color:#1f4fa3}
.k-person{background:#e2f5e6;text-decoration-line:underline;text-decoration-style:dashed;text-decoration-color:#1e6b34}
.k-letter{background:#f0f0f0;text-decoration-line:underline;text-decoration-style:dotted;text-decoration-color:#333}
.k-contact{background:#fdf2dc;text-decoration-line:overline;text-decoration-style:dotted;text-decoration-color:#8a4b00}
.k-quote{background:#f1ecfb;font-style:italic;text-decoration-line:overline;text-decoration-style:solid;text-decoration-color:#5b3a9c}
.k-claim{background:#fbe9f0;text-decoration-line:underline;text-decoration-style:double;text-decoration-color:#9c1f54;text-underline-offset:8px}
.k-quote .k-claim{font-style:normal}
.m{text-decoration-thickness:1px}
.d{text-decoration-line:underline;text-decoration-style:wavy;text-decoration-color:#b3261e;text-underline-offset:10px;text-decoration-thickness:1px}
:target{outline:3px solid #b3261e;outline-offset:2px;scroll-margin-top:30vh}
tr:target{outline-offset:-3px}
ul.legend{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;list-style:none;line-height:2.2}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--rule)}
thead th{border-bottom:2px solid var(--ink)}
.none{color:var(--muted);font-style:italic}
time.date{white-space:nowrap}
ul.facts{margin:0;padding-left:1.1rem}
.failed{font-weight:600;color:#8c1d18}
figure{margin:1rem 0}
svg.chart{display:block;max-width:40rem;font:14px system-ui,sans-serif}
svg.chart text{fill:#1b1b1b}
svg.chart rect{fill:#1f4fa3}
svg.chart rect.none{fill:#fff;stroke:#1f4fa3;stroke-width:2px;stroke-dasharray:4 3}
figcaption{color:var(--muted);font-size:.9rem}
footer{margin-top:3rem;color:var(--muted);font-size:.9rem;border-top:1px solid var(--rule)}
@media (max-width:44rem){
 body{padding:.75rem}
 #release-text{padding:.25rem .5rem;font-size:1rem}
 table,thead,tbody,tr,th,td,caption{display:block}
 thead{position:absolute;left:-999rem}
 tr{border-bottom:2px solid var(--ink);padding:.5rem 0}
 td{border:0;padding:.1rem 0}
 td::before{content:attr(data-label) ": ";font-weight:600}
 dl.summary{grid-template-columns:1fr}
 dl.summary dd{margin-bottom:.4rem}
}
@media print{
 body{max-width:none;padding:0;font-size:10pt}
 nav,.skip{display:none}
 a{color:inherit;text-decoration:none}
 #release-text{border:0;padding:0;max-width:none;font-size:10pt;line-height:1.9}
 .r,.d,svg.chart rect{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 h2{break-after:avoid}
 tr,figure{break-inside:avoid}
 :target{outline:0}
}
""".strip()

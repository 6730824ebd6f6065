"""The registry of export formats (``icnk_letter.formats``): one module per format, listed once.

Every name of the registry has a module of the same name that declares it,
``ExportFormat`` is the list of names, and the docs' table of formats is the
registry's, word for word.
"""

from __future__ import annotations

import csv
import importlib
import io
import pkgutil
import re
import typing
from pathlib import Path
from typing import Any, cast

import attrs
import pytest

import icnk_letter
from icnk_letter import Claim, Contact, ExportFormat, Organization, Person, Quote, Records, Release, formats
from icnk_letter.formats._format import KINDS, Format

DOCS = Path(__file__).resolve().parents[1] / "docs" / "formats.md"


def docs_table() -> str:
    """The Markdown table of formats that docs/formats.md must hold, built from the registry."""
    rows = [
        "| Format | File | Media type | Output | Collections | What it holds |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for fmt in formats.all_formats():
        if set(fmt.kinds) == set(KINDS):
            kinds = "any kind"
        elif fmt.kinds:
            kinds = ", ".join(fmt.kinds)
        else:
            kinds = "none: a release only"
        output = "bytes" if fmt.binary else "text"
        rows.append(
            f"| `{fmt.name}` | `{fmt.extension}` | `{fmt.media_type}` | {output} | {kinds} | {fmt.description} |"
        )
    return "\n".join(rows) + "\n"


class TestRegistry:
    def test_names(self) -> None:
        """EXPORT_FORMATS lists the registry's names, in the docs' order: vcard3 after vcard."""
        ours = ("json", "jsonld", "vcard", "vcard3", "popolo", "csv-members", "csv-contacts", "csv-claims")
        assert ours == tuple(fmt for fmt in icnk_letter.EXPORT_FORMATS if fmt in ours)
        assert len(set(icnk_letter.EXPORT_FORMATS)) == len(icnk_letter.EXPORT_FORMATS)

    def test_literal_is_the_names(self) -> None:
        """The public ExportFormat alias is a Literal of exactly the registry's names."""
        assert typing.get_origin(icnk_letter.ExportFormat) is typing.Literal
        assert formats.EXPORT_FORMATS == typing.get_args(icnk_letter.ExportFormat)
        assert formats.EXPORT_FORMATS is icnk_letter.EXPORT_FORMATS

    def test_every_module_is_registered(self) -> None:
        """Each module of the package (but the private ones) is the module of a registered name."""
        package = Path(formats.__file__).parent
        modules = sorted(m.name for m in pkgutil.iter_modules([str(package)]) if not m.name.startswith("_"))
        assert sorted(name.replace("-", "_") for name in formats.EXPORT_FORMATS) == modules

    @pytest.mark.parametrize("name", formats.EXPORT_FORMATS)
    def test_module_declares_its_format(self, name: str) -> None:
        """A format's module defines FORMAT, a Format of its own name with a file and a media type."""
        module = importlib.import_module(formats.module_name(name))
        fmt: Any = module.FORMAT
        assert isinstance(fmt, Format)
        assert (name, fmt) == (fmt.name, formats.get(name))
        assert fmt.extension.startswith(".")
        assert fmt.media_type.count("/") == 1
        assert fmt.description
        assert set(fmt.kinds) <= set(KINDS)
        assert len(set(fmt.kinds)) == len(fmt.kinds)

    @pytest.mark.parametrize("name", formats.EXPORT_FORMATS)
    def test_render_gives_text_or_bytes(self, release: Release, name: str) -> None:
        """A text format renders a str, a binary one bytes, as the format declares."""
        fmt = formats.get(name)
        assert (bytes if fmt.binary else str) is type(fmt.render(release))

    @pytest.mark.parametrize("name", ["xml", "JSON", "", "csv", "csv_members"])
    def test_unknown(self, name: str) -> None:
        """An unknown name is a ValueError listing the formats, and imports nothing."""
        with pytest.raises(ValueError, match=r"^unknown export format .*; the formats are 'json', 'jsonld'"):
            formats.get(name)

    def test_format_checks_its_kinds(self) -> None:
        """A Format renders collections exactly when it names their kinds, and only kinds that exist."""
        with pytest.raises(
            ValueError, match=r"^format 'x': give render_records exactly when kinds is not empty$"
        ):
            Format(
                name="x", extension=".x", media_type="text/plain", binary=False, kinds=("people",), render=str
            )
        with pytest.raises(
            ValueError, match=r"^format 'x': give render_records exactly when kinds is not empty$"
        ):
            Format(
                name="x",
                extension=".x",
                media_type="text/plain",
                binary=False,
                kinds=(),
                render=str,
                render_records=str,
            )
        with pytest.raises(ValueError, match=r"^format 'x': unknown kinds \['persons'\]; the kinds are "):
            Format(
                name="x",
                extension=".x",
                media_type="text/plain",
                binary=False,
                kinds=("persons",),
                render=str,
                render_records=str,
            )

    def test_docs_table(self) -> None:
        """docs/formats.md holds the registry's table of formats, word for word."""
        table = docs_table()
        assert table in DOCS.read_text(encoding="utf-8"), f"docs/formats.md should hold:\n{table}"


def csv_rows(text: str) -> list[list[str]]:
    """The rows of a CSV export, read strictly."""
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


class TestCollections:
    """``export()`` of a Records collection writes its records only, in the formats that fit its kind."""

    def test_filtered_members(self, release: Release) -> None:
        """A filtered collection of members gives the header and its rows, those of the whole table."""
        korean = release.members.filter(country="KR")
        whole = csv_rows(icnk_letter.export(release, "csv-members"))
        ids = {member.id for member in korean}
        expected = [whole[0], *(row for row in whole[1:] if row[0] in ids)]
        assert 9 == len(korean)
        assert expected == csv_rows(icnk_letter.export(korean, "csv-members"))

    @pytest.mark.parametrize(
        ("collection", "fmt"),
        [
            ("members", "csv-members"),
            ("contacts", "csv-contacts"),
            ("claims", "csv-claims"),
            ("contacts", "vcard"),
            ("contacts", "vcard3"),
        ],
    )
    def test_whole_collection_is_the_release(
        self, release: Release, collection: str, fmt: ExportFormat
    ) -> None:
        """A release's whole collection gives the same bytes as the release, for its own format."""
        records: Records[Any] = getattr(release, collection)
        assert icnk_letter.export(release, fmt) == icnk_letter.export(records, fmt)

    def test_contacts(self, release: Release) -> None:
        """Contacts filtered by language give their own rows and cards, names and organizations resolved."""
        korean = release.contacts.filter(language="ko")
        rows = csv_rows(icnk_letter.export(korean, "csv-contacts"))
        assert [["contact-seoul", "Ha Tae Keung", "Open North Korea"]] == [
            [r[0], r[2], r[6]] for r in rows[1:]
        ]
        cards = icnk_letter.export(korean, "vcard")
        assert (1, True) == (cards.count("BEGIN:VCARD"), "\r\nFN:Ha Tae Keung\r\n" in cards)

    @pytest.mark.parametrize(
        ("collection", "cls"),
        [
            ("members", Organization),
            ("other_organizations", Organization),
            ("people", Person),
            ("contacts", Contact),
            ("quotes", Quote),
            ("claims", Claim),
        ],
    )
    def test_json_of_any_kind(self, release: Release, collection: str, cls: type[Any]) -> None:
        """The JSON of a collection is an array, one record per line, that loads back into the collection."""
        records: Records[Any] = getattr(release, collection)
        subset = Records(records[:3])
        text = icnk_letter.export(subset, "json")
        generic: Any = Records  # parametrized at run time with the class of the test case
        assert subset == icnk_letter.from_json(text, generic[cls])
        assert ["[", *(["  {"] * len(subset)), "]"] == [line[:3].rstrip() for line in text.splitlines()]

    def test_empty(self, release: Release) -> None:
        """An empty collection fits every collection format and gives an empty document."""
        nobody = release.members.filter(country="PY").filter(country="KR")
        assert ("[]\n", "", "id,kind,text,") == (
            icnk_letter.export(nobody, "json"),
            icnk_letter.export(nobody, "vcard"),
            icnk_letter.export(nobody, "csv-claims")[:13],
        )

    @pytest.mark.parametrize(
        ("collection", "fmt", "able"),
        [
            ("members", "vcard", "'json' or 'csv-members'"),
            ("contacts", "csv-members", "'json', 'vcard', 'vcard3' or 'csv-contacts'"),
            ("claims", "jsonld", "'json' or 'csv-claims'"),
            ("people", "popolo", "'json'"),
            ("quotes", "csv-claims", "'json'"),
        ],
    )
    def test_format_that_does_not_fit(
        self, release: Release, collection: str, fmt: ExportFormat, able: str
    ) -> None:
        """A format that cannot hold the collection's kind is a ValueError naming those that can."""
        records: Records[Any] = getattr(release, collection)
        kind = "organizations" if collection == "members" else collection
        message = f"{fmt!r} cannot hold a collection of {kind}; export it as {able}"
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            icnk_letter.export(records, fmt)

    def test_mixed_kinds(self, release: Release) -> None:
        """A collection of several kinds fits json only."""
        mixed = Records([release.members[0], release.people[0]])
        with pytest.raises(ValueError, match=r"of organizations and people; export it as 'json'$"):
            icnk_letter.export(mixed, "csv-members")
        assert 4 == len(icnk_letter.export(mixed, "json").splitlines())

    def test_empty_collection_does_not_fit_a_release_format(self) -> None:
        """jsonld holds whole releases only, even for an empty collection."""
        with pytest.raises(
            ValueError, match=r"^'jsonld' cannot hold an empty collection; export it as 'json', "
        ):
            icnk_letter.export(Records(), "jsonld")

    def test_collection_of_no_release(self, release: Release) -> None:
        """Members and claims need no release; contacts need theirs to name people and organizations."""
        members, claims = Records(release.members[:2]), Records(release.claims[:2])
        assert 3 == len(icnk_letter.export(members, "csv-members").splitlines())
        assert csv_rows(icnk_letter.export(release, "csv-claims"))[:3] == csv_rows(
            icnk_letter.export(claims, "csv-claims")
        )
        contacts = Records(release.contacts[:2])
        for fmt in ("csv-contacts", "vcard"):
            with pytest.raises(ValueError, match=f"^'{fmt}' looks up the people .* belongs to no release"):
                icnk_letter.export(contacts, fmt)

    def test_not_records(self, release: Release) -> None:
        """A collection of anything but records, or a plain tuple, is a TypeError."""
        with pytest.raises(
            TypeError, match=r"^a collection to export holds records \(organizations, .*\), not int: 1$"
        ):
            icnk_letter.export(Records([1]), "json")
        with pytest.raises(
            TypeError, match=r"^export_bytes\(\) takes a Release or a Records collection, got tuple"
        ):
            icnk_letter.export_bytes(tuple(release.members), "json")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]

    def test_not_cached(self, release: Release) -> None:
        """Collections are not cached: two filters of the same criteria give equal, fresh text."""
        demands = release.claims.filter(kind="demand")
        one = icnk_letter.export(demands, "csv-claims")
        assert one == icnk_letter.export(release.claims.filter(kind="demand"), "csv-claims")
        assert 1 + len(demands) == len(one.splitlines())


class TestExportBytes:
    @pytest.mark.parametrize("fmt", formats.EXPORT_FORMATS)
    def test_every_format(self, release: Release, fmt: ExportFormat) -> None:
        """Every format gives bytes: a text one the UTF-8 of export(), a binary one what it renders."""
        data = icnk_letter.export_bytes(release, fmt)
        if formats.get(fmt).binary:
            assert formats.get(fmt).render(release) == data
            with pytest.raises(
                ValueError, match=rf"^{fmt!r} is a binary format: use export_bytes\(obj, {fmt!r}\)"
            ):
                icnk_letter.export(release, fmt)
        else:
            assert icnk_letter.export(release, fmt).encode("utf-8") == data

    def test_collection(self, release: Release) -> None:
        """A collection gives the bytes of its export()."""
        korean = release.members.filter(country="KR")
        assert icnk_letter.export(korean, "json").encode("utf-8") == icnk_letter.export_bytes(korean, "json")

    def test_unknown(self, release: Release) -> None:
        """An unknown format is the ValueError of export()."""
        with pytest.raises(ValueError, match=r"^unknown export format 'xml'"):
            icnk_letter.export_bytes(release, cast("ExportFormat", "xml"))


NOT_A_STR: Any = 42  # for a name, which attrs.evolve() does not check


class TestTypes:
    """Exports check the types of what they write first: a value of the wrong type is a DataError."""

    def test_record_of_a_collection(self, release: Release) -> None:
        """A record built with attrs.evolve() holding a wrong type, in a hand-built collection."""
        broken = Records([attrs.evolve(release.members[0], name=NOT_A_STR)])
        with pytest.raises(icnk_letter.DataError, match=r"name"):
            icnk_letter.export(broken, "csv-members")

    def test_release_of_a_collection(self, release: Release) -> None:
        """A filtered collection of a release holding a wrong type, checked once per release."""
        broken = attrs.evolve(
            release, members=[attrs.evolve(release.members[0], name=NOT_A_STR), *release.members[1:]]
        )
        with pytest.raises(icnk_letter.DataError, match=r"name"):
            icnk_letter.export(broken.members.filter(country="KR"), "csv-members")
        korean = release.members.filter(country="KR")
        assert icnk_letter.export(korean, "json") == icnk_letter.export(korean, "json")

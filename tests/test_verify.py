"""``verify()``: the bundled data is sound, broken copies are named."""

from __future__ import annotations

import json
import sys

import attrs
import pytest

import icnk_letter
import icnk_letter._data
import icnk_letter._load
from icnk_letter import DataError
from icnk_letter._convert import structure

if sys.version_info >= (3, 12):
    from importlib.resources import files
else:
    from importlib_resources import files

DATA = files("icnk_letter").joinpath("data", "release.json").read_text(encoding="utf-8")
TEXT = files("icnk_letter").joinpath("data", "release.txt").read_bytes().decode("utf-8")


def build(text: str, data_json: str) -> icnk_letter.Release:
    """Structure a copy of the bundled data (shape checks only) around *text*."""
    return structure({**json.loads(data_json), "text": text}, icnk_letter.Release)


def quote_positions() -> list[tuple[str, int]]:
    """Every (record path, offset in the JSON) of the first letter of a span's quote."""
    data = json.loads(DATA)
    found: list[tuple[str, int]] = []
    cursor = 0
    for key in ("members", "contacts", "people", "claims"):
        for index, record in enumerate(data[key]):
            needle = '"quote": ' + json.dumps(record["span"]["quote"], ensure_ascii=False)
            cursor_key = DATA.index(f'"id": "{record["id"]}"', cursor if key != "members" else 0)
            found.append(
                (f"{key}[{index}] ({record['id']})", DATA.index(needle, cursor_key) + len('"quote": "'))
            )
    return found


class TestBundled:
    def test_sound(self) -> None:
        """The bundled release passes every check."""
        report = icnk_letter.verify()
        assert len(report.checks) == 10

    def test_known_discrepancies(self, release: icnk_letter.Release) -> None:
        """The source's contradictions are reported, not raised."""
        ids = {d.id for d in icnk_letter.verify(release).discrepancies}
        assert {"member-count", "date-format", "double-full-stop"} <= ids
        assert "member-count" in str(icnk_letter.verify(release))

    def test_report_without_discrepancies(self) -> None:
        """A report with no discrepancies to list is one line."""
        report = icnk_letter.VerificationReport(checks=("sha256 matches the text",), discrepancies=())
        assert "1 checks passed." == str(report)

    def test_discrepancy_spans_quote_the_text(self, release: icnk_letter.Release) -> None:
        """Each discrepancy points at the words it is about."""
        for discrepancy in release.discrepancies:
            assert discrepancy.spans
            for span in discrepancy.spans:
                assert release.text[span.start : span.end] == span.quote


@pytest.mark.parametrize(("path", "offset"), quote_positions())
def test_one_changed_byte_is_named(path: str, offset: int) -> None:
    """Changing one byte of a copy of the data makes verify() name the record."""
    original = DATA[offset]
    broken = DATA[:offset] + ("#" if original != "#" else "%") + DATA[offset + 1 :]
    with pytest.raises(DataError) as info:
        icnk_letter.verify(build(TEXT, broken))
    assert path in str(info.value)


class TestBrokenCopies:
    def test_every_failure_is_listed(self, release: icnk_letter.Release) -> None:
        """Several faults are all reported, not just the first."""
        members = list(release.members)
        members[0] = attrs.evolve(members[0], id=members[1].id, country="Korea")
        contact = attrs.evolve(release.contacts[0], person="nobody")
        broken = attrs.evolve(release, members=tuple(members), contacts=(contact, *release.contacts[1:]))
        with pytest.raises(DataError) as info:
            icnk_letter.verify(broken)
        problems = info.value.problems
        assert any("members[1] (amnesty-international).id" in p for p in problems)
        assert any("contacts[0] (contact-seoul).person: 'nobody'" in p for p in problems)
        assert any("country: expected a 2-letter code, got 'Korea'" in p for p in problems)
        assert isinstance(info.value, ValueError)

    def test_missing_member_line(self, release: icnk_letter.Release) -> None:
        """A listed line without a record is a failure."""
        broken = attrs.evolve(release, members=release.members[:-1])
        with pytest.raises(DataError, match=r"Young Defectors' Alliance .* is covered by 0 records"):
            icnk_letter.verify(broken)

    def test_duplicate_contact(self, release: icnk_letter.Release) -> None:
        """A paragraph covered twice is a failure."""
        broken = attrs.evolve(release, contacts=(*release.contacts, release.contacts[0]))
        with pytest.raises(DataError, match="covered by 2 records"):
            icnk_letter.verify(broken)

    def test_bad_e164(self, release: icnk_letter.Release) -> None:
        """A malformed E.164 number is a failure naming the phone."""
        phone = attrs.evolve(release.contacts[1].phones[0], e164="+81-3")
        contact = attrs.evolve(release.contacts[1], phones=(phone,))
        broken = attrs.evolve(release, contacts=(release.contacts[0], contact, *release.contacts[2:]))
        with pytest.raises(DataError, match=r"contacts\[1\] \(contact-tokyo\)\.phones\[0\]\.e164"):
            icnk_letter.verify(broken)

    def test_wrong_national_number(self, release: icnk_letter.Release) -> None:
        """An E.164 number whose digits disagree with the printed ones is a failure."""
        phone = attrs.evolve(
            release.contacts[1].phones[0], e164="+81352825169", international="+81 3 5282 5169"
        )
        contact = attrs.evolve(release.contacts[1], phones=(phone, *release.contacts[1].phones[1:]))
        broken = attrs.evolve(release, contacts=(release.contacts[0], contact, *release.contacts[2:]))
        with pytest.raises(DataError, match="national number"):
            icnk_letter.verify(broken)

    def test_e164_disagrees_with_printed_international_number(self, release: icnk_letter.Release) -> None:
        """An E.164 number that is not the printed international number is a failure."""
        london = release.contacts[2]
        phone = attrs.evolve(london.phones[0], e164="+442083290046", international="+44 20 8329 0046")
        broken = attrs.evolve(
            release,
            contacts=(*release.contacts[:2], attrs.evolve(london, phones=(phone,)), release.contacts[3]),
        )
        with pytest.raises(DataError) as info:
            icnk_letter.verify(broken)
        expected = "contacts[2] (contact-london).phones[0].e164: +442083290046 does not match the printed '+44 208 329 0045'"
        assert (expected,) == info.value.problems

    def test_contact_country_not_a_code(self, release: icnk_letter.Release) -> None:
        """A contact's country must be a 2-letter code."""
        broken = attrs.evolve(
            release, contacts=(attrs.evolve(release.contacts[0], country="Korea"), *release.contacts[1:])
        )
        with pytest.raises(DataError) as info:
            icnk_letter.verify(broken)
        assert (
            "contacts[0] (contact-seoul).country: expected a 2-letter code, got 'Korea'",
        ) == info.value.problems

    def test_contact_outside_the_contacts_section(self, release: icnk_letter.Release) -> None:
        """A contact whose span is not under "For further information please contact:" is a failure."""
        seoul = attrs.evolve(release.contacts[0], span=release.title_span)
        broken = attrs.evolve(release, contacts=(seoul, *release.contacts[1:]))
        with pytest.raises(DataError) as info:
            icnk_letter.verify(broken)
        expected = "contacts[0] (contact-seoul).span: is not a paragraph under 'For further information please contact:'"
        assert expected in info.value.problems

    def test_tampered_text(self, release: icnk_letter.Release) -> None:
        """A text that no longer matches its sha256 is a failure."""
        broken = attrs.evolve(release, text=release.text.replace("(ICRC)..", "(ICRC). "))
        with pytest.raises(DataError, match="sha256"):
            icnk_letter.verify(broken)

    def test_wrong_date(self, release: icnk_letter.Release) -> None:
        """A date that is not the printed one read as month.day.year is a failure."""
        import datetime

        broken = attrs.evolve(release, date=datetime.date(2012, 9, 1))
        with pytest.raises(DataError, match=r"month\.day\.year"):
            icnk_letter.verify(broken)

    def test_undocumented_count_difference(self, release: icnk_letter.Release) -> None:
        """The count difference must be documented as a discrepancy."""
        broken = attrs.evolve(release, discrepancies=())
        with pytest.raises(DataError, match="stated_organization_count"):
            icnk_letter.verify(broken)


class TestBundledGuards:
    """``load()`` trusts the bundled data; verify() still catches files that do not belong together."""

    def patch_files(self, monkeypatch: pytest.MonkeyPatch, text: bytes, data: str) -> None:
        files_ = {"release.txt": text, "release.json": data.encode("utf-8")}
        monkeypatch.setattr(icnk_letter._load, "read_bytes", files_.__getitem__)
        monkeypatch.setattr(icnk_letter._data, "read_bytes", files_.__getitem__)

    def test_wrong_schema_version(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Data of another schema version is refused, naming the field."""
        data = json.loads(DATA)
        data["schema_version"] = "99"
        self.patch_files(monkeypatch, TEXT.encode("utf-8"), json.dumps(data))
        with pytest.raises(DataError, match=r"schema_version: expected '1\.0', got '99'"):
            icnk_letter._load.build_bundled()

    def test_other_text_is_caught_by_verify(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A text that the data was not made for loads, but verify() names the mismatch."""
        self.patch_files(monkeypatch, TEXT.encode("utf-8") + b" ", DATA)
        with pytest.raises(DataError, match="sha256: the text hashes to"):
            icnk_letter.verify(icnk_letter._load.build_bundled())

    def test_sound_files(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The bundled files themselves build the bundled release."""
        self.patch_files(monkeypatch, TEXT.encode("utf-8"), DATA)
        assert icnk_letter.load() == icnk_letter._load.build_bundled()

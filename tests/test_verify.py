"""``verify()``: the bundled data is sound, broken copies are named."""

from __future__ import annotations

import json
import sys
from typing import Any

import attrs
import pytest

import icnk_letter
import icnk_letter._data
import icnk_letter._load
from icnk_letter import DataError, Precision
from icnk_letter._convert import structure
from icnk_letter._verify import read_figure

if sys.version_info >= (3, 12):
    from importlib.resources import files
else:
    from importlib_resources import files

EXACT, LOWER_BOUND, ROUNDED = Precision.EXACT, Precision.LOWER_BOUND, Precision.ROUNDED
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
        assert len(report.checks) == 25

    def test_check_names(self) -> None:
        """The report names the checks of single records and of figures, kinds and counts."""
        checks = icnk_letter.verify().checks
        expected = {
            "ids are lowercase slugs",
            "names and texts are not blank",
            "phone kinds agree with the text",
            "language tags agree with the printed names",
            "quantities agree with their printed figures",
            "stated organization count is the sum of the statements",
        }
        assert expected == expected & set(checks)
        assert len(set(checks)) == len(checks)

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
        # The inference recorded for the regrouped number no longer matches it either.
        inference = (
            "inferences[38] (contact-london-phones-0-international).value: '+44 20 8329 0045',"
            " but contact-london.phones[0].international is '+44 20 8329 0046'"
        )
        assert (expected, inference) == info.value.problems

    def test_contact_country_not_a_code(self, release: icnk_letter.Release) -> None:
        """A contact's country must be a 2-letter code."""
        broken = attrs.evolve(
            release, contacts=(attrs.evolve(release.contacts[0], country="Korea"), *release.contacts[1:])
        )
        with pytest.raises(DataError) as info:
            icnk_letter.verify(broken)
        assert (
            "contacts[0] (contact-seoul).country: expected a 2-letter code, got 'Korea'",
            "inferences[28] (contact-seoul-country).value: 'KR', but contact-seoul.country is 'Korea'",
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
        with pytest.raises(DataError, match=r"schema_version: expected '1\.1', got '99'"):
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


def with_contact(release: icnk_letter.Release, index: int, **changes: Any) -> icnk_letter.Release:
    """A copy of *release* whose contact *index* has *changes*."""
    contacts = list(release.contacts)
    contacts[index] = attrs.evolve(contacts[index], **changes)
    return attrs.evolve(release, contacts=contacts)


def with_phone(release: icnk_letter.Release, contact: int, phone: int, **changes: Any) -> icnk_letter.Release:
    """A copy of *release* whose phone *phone* of contact *contact* has *changes*."""
    phones = list(release.contacts[contact].phones)
    phones[phone] = attrs.evolve(phones[phone], **changes)
    return with_contact(release, contact, phones=tuple(phones))


def with_claim(release: icnk_letter.Release, claim_id: str, **changes: Any) -> icnk_letter.Release:
    """A copy of *release* whose claim *claim_id* has *changes*."""
    claims = [attrs.evolve(c, **changes) if c.id == claim_id else c for c in release.claims]
    return attrs.evolve(release, claims=claims)


def with_quantity(release: icnk_letter.Release, claim_id: str, **changes: Any) -> icnk_letter.Release:
    """A copy of *release* whose claim *claim_id* has a quantity with *changes*."""
    (quantity,) = [c.quantity for c in release.claims if c.id == claim_id]
    assert quantity is not None
    return with_claim(release, claim_id, quantity=attrs.evolve(quantity, **changes))


def problems_of(release: icnk_letter.Release) -> tuple[str, ...]:
    """The problems verify() raises for *release* (failing the test if it raises none)."""
    with pytest.raises(DataError) as info:
        icnk_letter.verify(release)
    return info.value.problems


class TestPhoneKinds:
    def test_mobile_not_marked(self, release: icnk_letter.Release) -> None:
        """A number printed with "(mobile)" after it must be a mobile."""
        broken = with_phone(release, 1, 1, kind=icnk_letter.PhoneKind.UNSPECIFIED)
        expected = (
            "contacts[1] (contact-tokyo).phones[1].kind: 'unspecified', but '(mobile)' is printed"
            " right after '090-2301-4372' at [3137:3150]",
        )
        assert expected == problems_of(broken)

    def test_mobile_not_printed(self, release: icnk_letter.Release) -> None:
        """A number without "(mobile)" after it must not be a mobile (the kind given as a str)."""
        broken = with_phone(release, 2, 0, kind="mobile")
        expected = (
            "contacts[2] (contact-london).phones[0].kind: 'mobile', but '(mobile)' is not printed"
            " right after '+44 208 329 0045' at [3245:3261]",
        )
        assert expected == problems_of(broken)

    def test_phone_span_off_the_text(self, release: icnk_letter.Release) -> None:
        """A phone whose span does not quote the text is reported by the span check alone."""
        span = release.contacts[1].phones[1].span
        moved = icnk_letter.Span(span.start + 1, span.end + 1, span.quote)
        problems = problems_of(with_phone(release, 1, 1, span=moved))
        assert [] == [p for p in problems if ".kind:" in p]
        assert any("contacts[1] (contact-tokyo).phones[1].span: quotes" in p for p in problems)


class TestQuantities:
    def test_value_disagrees(self, release: icnk_letter.Release) -> None:
        """A value that is not the printed figure is named with the claim."""
        expected = (
            "claims[10] (violation-3).quantity.value: 24000000 is not 24500000,"
            " the figure printed '24.5 million people'",
        )
        assert expected == problems_of(with_quantity(release, "violation-3", value=24_000_000))

    def test_word_disagrees(self, release: icnk_letter.Release) -> None:
        """A number word is read from the package's table: "three" is 3."""
        problems = problems_of(with_quantity(release, "statement-1", value=4))
        assert "claims[0] (statement-1).quantity.value: 4 is not 3, the figure printed 'three'" in problems

    def test_lower_bound_marked_exact(self, release: icnk_letter.Release) -> None:
        """A figure after "Over" is a lower bound."""
        expected = (
            "claims[8] (violation-1).quantity.precision: 'exact' but the figure printed 'Over 200,000'"
            " is 'lower-bound'",
        )
        assert expected == problems_of(with_quantity(release, "violation-1", precision=Precision.EXACT))

    def test_exact_marked_lower_bound(self, release: icnk_letter.Release) -> None:
        """A figure without a qualifier is exact."""
        expected = (
            "claims[1] (statement-2).quantity.precision: 'lower-bound' but the figure printed"
            " '40 other organizations' is 'exact'",
        )
        assert expected == problems_of(with_quantity(release, "statement-2", precision=Precision.LOWER_BOUND))

    def test_rounded_marked_exact(self, release: icnk_letter.Release) -> None:
        """A figure in millions is rounded."""
        expected = (
            "claims[10] (violation-3).quantity.precision: 'exact' but the figure printed"
            " '24.5 million people' is 'rounded'",
        )
        assert expected == problems_of(with_quantity(release, "violation-3", precision=Precision.EXACT))

    def test_unreadable_figure(self, release: icnk_letter.Release) -> None:
        """A printed figure that is not a number verify() can read is a failure."""
        problems = problems_of(with_quantity(release, "violation-1", as_printed="Over"))
        assert any(
            p.startswith("claims[8] (violation-1).quantity.as_printed: 'Over' is not a figure")
            for p in problems
        )

    def test_negative_value_is_reported_once(self, release: icnk_letter.Release) -> None:
        """A negative value is reported by the rule of quantities, not again as a different figure."""
        expected = ("claims[8] (violation-1).quantity.value: -200000 is negative",)
        assert expected == problems_of(with_quantity(release, "violation-1", value=-200_000))


class TestReadFigure:
    @pytest.mark.parametrize(
        ("printed", "expected"),
        [
            ("three", (3, EXACT)),
            ("Three largest", (3, EXACT)),
            ("40 other organizations", (40, EXACT)),
            ("Over 200,000", (200_000, LOWER_BOUND)),
            ("more than 1,000,000 people", (1_000_000, LOWER_BOUND)),
            ("At least forty-two", (42, LOWER_BOUND)),
            ("Over 2 million", (2_000_000, LOWER_BOUND)),
            ("24.5 million people", (24_500_000, ROUNDED)),
            ("1.25 billion", (1_250_000_000, ROUNDED)),
            ("3 million", (3_000_000, ROUNDED)),
            ("ten million", (10_000_000, ROUNDED)),
            ("an estimated 200,000", (200_000, ROUNDED)),
            ("Around 40", (40, ROUNDED)),
            ("about forty", (40, ROUNDED)),
            ("approximately 1,000 people", (1_000, ROUNDED)),
            ("some 300", (300, ROUNDED)),
            ("0", (0, EXACT)),
            ("Nineteen", (19, EXACT)),
        ],
    )
    def test_readable(self, printed: str, expected: tuple[int, Precision]) -> None:
        """Digits, thousands commas, decimals with a scale word and number words are read, with their precision."""
        assert expected == read_figure(printed)

    @pytest.mark.parametrize(
        "printed",
        [
            "many",
            "",
            "Over",
            "24.5 people",
            "1.2345678 million",
            "200,00",
            "3x",
            "forty-ten",
            "ten-two",
            "twenty-eleven",
            "many-two",
            "forty-many",
            "Around",
            "estimated 40",
            "9" * 5000,
            "1," + "000," * 2000 + "000",
        ],
    )
    def test_unreadable(self, printed: str) -> None:
        """Anything else, such as a decimal without its scale word or an odd compound, is not read."""
        assert None is read_figure(printed)

    def test_word_table(self) -> None:
        """number_words.json holds zero to nineteen and the tens, each with its value."""
        words = json.loads(
            files("icnk_letter").joinpath("data", "number_words.json").read_text(encoding="utf-8")
        )
        table: dict[str, int] = words["number_words"]
        assert [*range(20), *range(20, 100, 10)] == sorted(table.values())
        assert (0, 13, 40, 90) == (table["zero"], table["thirteen"], table["forty"], table["ninety"])
        assert [(value, EXACT) for value in table.values()] == [read_figure(word.upper()) for word in table]


class TestLanguages:
    def test_tag_of_another_language(self, release: icnk_letter.Release) -> None:
        """A tag that is not the one languages.json gives the printed name is a failure."""
        languages = (icnk_letter.Language("th", "Japanese"), release.contacts[1].languages[1])
        expected = (
            "contacts[1] (contact-tokyo).languages[0].tag: 'th' is not the tag of 'Japanese', 'ja'",
            "inferences[31] (contact-tokyo-languages).value: 'ja, en', but contact-tokyo.languages is 'th, en'",
        )
        assert expected == problems_of(with_contact(release, 1, languages=languages))

    def test_language_the_data_does_not_know(self, release: icnk_letter.Release) -> None:
        """A printed name that languages.json does not know cannot be checked, so it is a failure."""
        languages = (icnk_letter.Language("fr", "French"),)
        problems = problems_of(with_contact(release, 2, languages=languages))
        expected = (
            "contacts[2] (contact-london).languages[0].as_printed: 'French' is not a language of the"
            " package data (languages.json knows English, Japanese, Korean, Thai)"
        )
        assert expected in problems

    def test_malformed_tag_is_reported_once(self, release: icnk_letter.Release) -> None:
        """A tag that is not BCP 47 at all is reported by the rule of tags alone."""
        languages = (icnk_letter.Language("EN", "English"),)
        expected = ("contacts[2] (contact-london).languages[0].tag: 'EN' is not a BCP 47 language tag",)
        assert expected == problems_of(with_contact(release, 2, languages=languages))


class TestStatedCount:
    def test_count_disagrees(self, release: icnk_letter.Release) -> None:
        """The stated count must be the sum of the statements that count organizations."""
        expected = (
            "stated_organization_count: 39 is not the sum of the statements that count organizations,"
            " 43: 3 (statement-1) + 40 (statement-2)",
            "inferences[1] (stated-organization-count).value: '43',"
            " but icnk-open-letter-2012-01-09.stated_organization_count is '39'",
        )
        assert expected == problems_of(attrs.evolve(release, stated_organization_count=39))

    def test_statement_made_a_demand(self, release: icnk_letter.Release) -> None:
        """Only statements count: a count claim of another kind drops out of the sum."""
        broken = with_claim(release, "statement-2", kind="demand")
        expected = (
            "stated_organization_count: 43 is not the sum of the statements that count organizations,"
            " 3: 3 (statement-1)",
        )
        assert expected == problems_of(broken)

    def test_other_units_do_not_count(self, release: icnk_letter.Release) -> None:
        """A statement whose unit is not "organizations" is not part of the sum."""
        broken = with_quantity(release, "statement-1", unit="groups")
        assert any("stated_organization_count: 43 is not" in p and ", 40: " in p for p in problems_of(broken))

    def test_no_counting_statements(self, release: icnk_letter.Release) -> None:
        """Without statements that count organizations the sum is 0."""
        broken = attrs.evolve(release, claims=[c for c in release.claims if c.kind.value != "statement"])
        assert any(p.endswith(", 0: none") for p in problems_of(broken))


class TestRecordRules:
    def test_blank_names_and_texts(self, release: icnk_letter.Release) -> None:
        """Empty or blank names of organizations and people and texts of claims and quotes are named."""
        broken = attrs.evolve(
            release,
            members=[attrs.evolve(release.members[0], name=""), *release.members[1:]],
            people=[*release.people[:2], attrs.evolve(release.people[2], name="  "), *release.people[3:]],
            claims=[attrs.evolve(release.claims[0], text="\n"), *release.claims[1:]],
            quotes=[attrs.evolve(release.quotes[0], text=" ")],
        )
        expected = (
            "members[0] (advocates-international-global-council).name: '' is empty or blank",
            "people[2] (kanae-doi).name: '  ' is empty or blank",
            "quotes[0] (quote-1).text: ' ' is empty or blank",
            "claims[0] (statement-1).text: '\\n' is empty or blank",
        )
        assert expected == problems_of(broken)

    def test_ids_not_slugs(self, release: icnk_letter.Release) -> None:
        """An id that is not a lowercase slug is named, wherever the record is."""
        discrepancies = (
            attrs.evolve(release.discrepancies[0], id="member count"),
            *release.discrepancies[1:],
        )
        broken = attrs.evolve(
            release,
            members=[attrs.evolve(release.members[0], id="Advocates"), *release.members[1:]],
            discrepancies=discrepancies,
        )
        why = "is not a lowercase slug (letters a-z and digits, words joined by single hyphens)"
        problems = problems_of(broken)
        assert f"members[0] (Advocates).id: 'Advocates' {why}" in problems
        assert f"discrepancies[0] (member count).id: 'member count' {why}" in problems

    @pytest.mark.parametrize("bad", ["a--b", "-a", "a-", "A", "a_b", "", "é"])
    def test_slug_pattern(self, release: icnk_letter.Release, bad: str) -> None:
        """Only [a-z0-9]+(-[a-z0-9]+)* is a slug."""
        broken = attrs.evolve(release, letter=attrs.evolve(release.letter, id=bad))
        assert any(
            p.startswith(f"letter ({bad}).id: {bad!r} is not a lowercase slug") for p in problems_of(broken)
        )

    def test_unsound_phone_span_is_reported_once(self, release: icnk_letter.Release) -> None:
        """A phone span that ends before it starts is not also reported as outside its paragraph."""
        phone = release.contacts[1].phones[0]
        broken = with_phone(release, 1, 0, span=attrs.evolve(phone.span, end=0))
        expected = ["contacts[1] (contact-tokyo).phones[0].span.end: 0 is before start 3123"]
        assert expected == [p for p in problems_of(broken) if ".phones[0]" in p]

    def test_unsound_span_is_reported_once(self, release: icnk_letter.Release) -> None:
        """A span whose quote is not as long as it is gets one problem, not a second from the text check."""
        span = release.quotes[0].span
        quote = attrs.evolve(release.quotes[0], span=attrs.evolve(span, end=span.end + 1))
        problems = [p for p in problems_of(attrs.evolve(release, quotes=[quote])) if ".span" in p]
        assert [
            f"quotes[0] (quote-1).span.quote: {span.quote!r:.60} is 446 characters long, but [817:1264] covers 447"
        ] == problems

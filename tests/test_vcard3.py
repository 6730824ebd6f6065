"""The ``vcard3`` export (vCard 3.0, RFC 2426), read back by two independent parsers.

- vobject, which most Python address-book code uses;
- ``vcard`` (Victor Engmark's validator), a strict RFC 2426 checker that
  refuses any property, parameter or value outside the grammar and warns
  about what is legal but unusual.
"""

from __future__ import annotations

import re
import uuid
import warnings
from typing import Any

import attrs
import pytest
import vobject  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vcard.vcard_validator import VCard  # type: ignore[import-untyped]  # pyright: ignore[reportMissingTypeStubs]

import icnk_letter
from icnk_letter import Release

EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text that breaks naive writers: separators, quotes, line breaks, non-ASCII of 2, 3 and 4 octets.
HOSTILE = st.text(
    st.sampled_from(list(",;:\"'\\\n\r\t =+-@ aZ9é€김\U0001f600\u2028\x85\x0b\x00"))
    | st.characters(codec="utf-8"),
    min_size=1,
    max_size=120,
)
# The validator's warnings that the choices make on purpose: TYPE=VOICE and TYPE=INTERNET
# are 3.0's defaults but are asked for explicitly; "Tae Keung" is one given name, not two; and a
# line folded before a character that would not fit in 75 octets is shorter than 75.
EXPECTED_WARNINGS = re.compile(
    r"^(Using default TYPE value; can be removed|Possible split name|Non-ASCII character|Short folded line)"
)


def read_vobject(text: str) -> list[Any]:
    """Parse *text* with vobject."""
    cards: list[Any] = list(vobject.readComponents(text))  # pyright: ignore[reportUnknownMemberType]
    return cards


class Octets(str):
    """A card's UTF-8 octets, one character each, split into lines at CRLF only.

    RFC 2426's grammar is one of octets (NON-ASCII is %x80-FF), and so is the
    validator's, which counts a line's length in characters: given the octets
    it checks the 75-octet limit exactly. It splits lines with str.splitlines(),
    which also breaks at the octet 0x85 (a part of some UTF-8 characters).
    """

    def splitlines(self, keepends: bool = False) -> list[str]:
        """The lines, ended by CRLF."""
        return [line + "\r\n" * keepends for line in self.split("\r\n")[:-1]]


Properties = dict[str, list[tuple[list[str], dict[str, set[str]]]]]


def validated(text: str) -> list[Properties]:
    """Check every card of *text* with the strict RFC 2426 validator; return each card's properties.

    Each property name maps to its occurrences: the unescaped components and the parameters.
    """
    cards: list[Properties] = []
    for chunk in text.split("END:VCARD\r\n")[:-1]:
        octets = Octets((chunk + "END:VCARD\r\n").encode("utf-8").decode("latin-1"))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            card: Any = VCard(octets)
        unexpected = [str(w.message) for w in caught if not EXPECTED_WARNINGS.match(str(w.message))]
        assert [] == unexpected
        properties: Properties = {}
        for prop in card.properties:
            components = [_text(",".join(value)) for value in prop.values]
            properties.setdefault(prop.name, []).append((components, dict(prop.parameters)))
        cards.append(properties)
    return cards


def _text(octets: str) -> str:
    value = octets.encode("latin-1").decode("utf-8")
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value, flags=re.S)


def physical_lines(text: str) -> list[bytes]:
    """The lines of *text* as bytes, without their CRLF (which every line must have)."""
    data = text.encode("utf-8")
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    assert not any(b"\r" in line or b"\n" in line for line in lines)
    return lines


def clean(value: str) -> str:
    """What a vCard 3.0 can carry of *value*: line breaks (NEL, U+2028, U+2029 too) as LF, other controls dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\x85", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return "".join(c for c in value if c in "\n\t" or not (ord(c) < 32 or ord(c) == 127))


class TestVcard3:
    def test_vobject(self, release: Release) -> None:
        """One 3.0 card per contact; vobject reads every property the issue asks for."""
        cards = read_vobject(icnk_letter.export(release, "vcard3"))
        assert ["3.0"] * 4 == [card.version.value for card in cards]
        assert ["Ha Tae Keung", "Kanae Doi", "Kiri Kankhwende", "Phil Robertson"] == [
            c.fn.value for c in cards
        ]
        seoul, tokyo, london, bangkok = cards
        assert ("Ha", "Tae Keung") == (seoul.n.value.family, seoul.n.value.given)
        assert ("Doi", "Kanae") == (tokyo.n.value.family, tokyo.n.value.given)
        assert ["Open North Korea"] == seoul.org.value
        assert (
            "President of Open North Korea and a member of the ICNK Coordinating Committee"
            == seoul.title.value
        )
        assert "role" not in seoul.contents  # the release prints no role with a contact
        with_role = attrs.evolve(release, contacts=[attrs.evolve(release.contacts[0], role="Spokesperson")])
        assert "Spokesperson" == read_vobject(icnk_letter.export(with_role, "vcard3"))[0].role.value
        assert [
            ("+81 3 5282 5162", {"TYPE": ["VOICE"]}),
            ("+81 90 2301 4372", {"TYPE": ["CELL"]}),
        ] == [(tel.value, tel.params) for tel in tokyo.contents["tel"]]
        assert ("+44 20 8329 0045", ["VOICE"]) == (london.tel.value, london.tel.params["TYPE"])
        assert ("+66 85 060 8406", ["CELL"]) == (bangkok.tel.value, bangkok.tel.params["TYPE"])
        assert ("opennk@naver.com", ["INTERNET"]) == (seoul.email.value, seoul.email.params["TYPE"])
        assert "Seoul" == seoul.adr.value.city
        assert (
            "Press contact in Bangkok (English, Thai) from the press release of 9 January 2012 "
            "(2012-01-09), \"World's major human rights groups deliver open letter to Kim Jong-un "
            'urging a new era".'
        ) == bangkok.note.value

    def test_second_parser(self, release: Release) -> None:
        """The strict RFC 2426 validator accepts every card and reads the same values."""
        cards = validated(icnk_letter.export(release, "vcard3"))
        tokyo = cards[1]
        assert [(["3.0"], {})] == tokyo["VERSION"]
        assert [(["Doi", "Kanae", "", "", ""], {})] == tokyo["N"]
        assert [(["Kanae Doi"], {})] == tokyo["FN"]
        assert [(["Human Rights Watch"], {})] == tokyo["ORG"]
        assert [
            (["+81 3 5282 5162"], {"TYPE": {"VOICE"}}),
            (["+81 90 2301 4372"], {"TYPE": {"CELL"}}),
        ] == tokyo["TEL"]
        assert [(["doik@hrw.org"], {"TYPE": {"INTERNET"}})] == tokyo["EMAIL"]
        assert "ROLE" not in cards[0]
        note = tokyo["NOTE"][0][0][0]
        assert note.startswith(
            "Press contact in Tokyo (Japanese, English) from the press release of 9 January 2012"
        )

    def test_same_contacts_as_vcard4(self, release: Release) -> None:
        """Each card has the UID, name and numbers of the contact's vCard 4.0 card."""
        three = read_vobject(icnk_letter.export(release, "vcard3"))
        four = read_vobject(icnk_letter.export(release, "vcard"))
        assert [(c.uid.value, c.fn.value) for c in four] == [(c.uid.value, c.fn.value) for c in three]
        assert [
            [t.value.replace("-", " ").removeprefix("tel:") for t in c.contents["tel"]] for c in four
        ] == [[t.value for t in c.contents["tel"]] for c in three]
        assert str(uuid.UUID(three[0].uid.value.removeprefix("urn:uuid:"))) in three[0].uid.value

    def test_lines(self, release: Release) -> None:
        """CRLF line ends, at most 75 octets a line, no tel: URI anywhere."""
        text = icnk_letter.export(release, "vcard3")
        lines = physical_lines(text)
        assert max(len(line) for line in lines) <= 75
        assert [b"BEGIN:VCARD", b"VERSION:3.0"] == lines[:2]
        assert "tel:" not in text
        assert text.count("\r\n NOTE") == 0
        assert any(line.startswith(b" ") for line in lines)  # the NOTE is folded

    def test_release_without_numbers(self, release: Release) -> None:
        """A phone number without digits is left out rather than written broken."""
        london = release.contacts[2]
        blank = attrs.evolve(london.phones[0], international="unknown")
        contacts = [*release.contacts[:2], attrs.evolve(london, phones=(blank,)), *release.contacts[3:]]
        text = icnk_letter.export(attrs.evolve(release, contacts=contacts), "vcard3")
        assert "+44" not in text
        assert 4 == text.count("\r\nTEL;")  # of the 5 numbers

    @EXAMPLES
    @given(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE)
    def test_hostile(self, name: str, family: str, given_name: str, organization: str, city: str) -> None:
        """Separators, backslashes, line breaks and multibyte text are escaped and folded at 75 octets."""
        release = icnk_letter.load()
        person = attrs.evolve(
            release.people[1], name=name, family_name=family, given_name=given_name, description=city
        )
        org = attrs.evolve(release.members[32], name=organization)
        assert org.id == release.contacts[0].organization
        contact = attrs.evolve(release.contacts[0], city=city, role=organization)
        hostile = attrs.evolve(
            release,
            people=[release.people[0], person, *release.people[2:]],
            members=[*release.members[:32], org, *release.members[33:]],
            contacts=[contact, *release.contacts[1:]],
        )
        text = icnk_letter.export(hostile, "vcard3")
        for line in physical_lines(text):
            assert len(line) <= 75
            line.decode("utf-8")  # a fold never splits a character
        card = read_vobject(text)[0]
        assert (clean(name), clean(family), clean(given_name)) == (
            card.fn.value,
            card.n.value.family,
            card.n.value.given,
        )
        assert ([clean(organization)], clean(organization)) == (card.org.value, card.role.value)
        assert (clean(city), clean(city)) == (card.adr.value.city, card.title.value)
        second = validated(text)[0]
        assert [clean(name)] == second["FN"][0][0]
        assert clean(family) == second["N"][0][0][0]
        assert [clean(city)] == second["TITLE"][0][0]


@pytest.mark.parametrize("city", ["Tokyo", "Seoul"])
def test_collection(release: Release, city: str) -> None:
    """A collection of contacts gives their cards only."""
    text = icnk_letter.export(release.contacts.filter(city=city), "vcard3")
    assert 1 == text.count("BEGIN:VCARD")
    assert f"NOTE:Press contact in {city} " in text


def test_cr_before_nel_is_two_breaks() -> None:
    """CR then NEL are two line breaks, as CR LF is one (found by Hypothesis)."""
    from icnk_letter._vcard3 import escape

    assert ("a\\n\\nb", "a\\nb") == (escape("a\r\x85b"), escape("a\r\nb"))

"""The values derived from the text, rule by rule (see the issue and the data notes)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import icnk_letter
from icnk_letter import ClaimKind, PhoneKind, Precision, Quantity


def member(release: icnk_letter.Release, name: str) -> icnk_letter.Organization:
    (found,) = [m for m in release.members if m.name == name]
    return found


class TestRelease:
    def test_date_and_printed_form(self, release: icnk_letter.Release) -> None:
        """1.9.2012 is read as month.day.year and kept as printed."""
        assert (datetime.date(2012, 1, 9), "1.9.2012") == (release.date, release.date_as_printed)

    def test_title_and_dateline(self, release: icnk_letter.Release) -> None:
        """The headline line is split into dateline and title."""
        assert release.dateline == "NORTH KOREA"
        assert release.title.startswith("World's major human rights groups")

    def test_counts_stated_and_listed(self, release: icnk_letter.Release) -> None:
        """The stated count (3 + 40) differs from the 39 listed lines; both are kept."""
        assert (release.stated_organization_count, len(release.members)) == (43, 39)

    def test_coalition_and_icrc_are_not_members(self, release: icnk_letter.Release) -> None:
        """The ICNK and the ICRC are organizations but not listed members."""
        assert (release.coalition.acronym, release.coalition.listed_as) == ("ICNK", None)
        assert [o.acronym for o in release.other_organizations] == ["ICRC"]
        assert release.coalition not in release.members
        assert len(release.organizations) == 41

    def test_is_listed(self, release: icnk_letter.Release) -> None:
        """Every member is on the member list; the coalition and the ICRC are not."""
        assert ([True] * 39, [False, False]) == (
            [m.is_listed for m in release.members],
            [release.coalition.is_listed, release.other_organizations[0].is_listed],
        )

    def test_span_length_is_that_of_its_quote(self, release: icnk_letter.Release) -> None:
        """``len(span)`` counts the characters it covers, those of its quote."""
        records: tuple[icnk_letter.Record, ...] = (*release.organizations, *release.claims)
        spans = [release.title_span, *(record.span for record in records)]
        assert [len(span.quote) for span in spans] == [len(span) for span in spans]
        assert 16 == len(release.contacts[2].phones[0].span)


class TestMembers:
    def test_listed_lines_in_order(self, release: icnk_letter.Release) -> None:
        """Members are the listed lines, in printed order."""
        assert release.members[0].listed_as == "Advocates International Global Council"
        assert (
            release.members[-1].listed_as == "Young Defectors' Alliance for North Korean Human Rights (ROK)"
        )

    @pytest.mark.parametrize(
        ("listed_as", "name", "acronym", "country", "country_as_printed"),
        [
            (
                "COMJAN (Investigation Commission on Missing Japanese Probably Related to North Korea)(Japan)",
                "Investigation Commission on Missing Japanese Probably Related to North Korea",
                "COMJAN",
                "JP",
                "Japan",
            ),
            ("Liberty in North Korea - LiNK (USA)", "Liberty in North Korea", "LiNK", "US", "USA"),
            (
                "PSALT NK (Prayer Service Action Love Truth for North Korea)",
                "Prayer Service Action Love Truth for North Korea",
                "PSALT NK",
                None,
                None,
            ),
            (
                "International Federation for Human Rights (FIDH)",
                "International Federation for Human Rights",
                "FIDH",
                None,
                None,
            ),
            ("Free NK Gulag (ROK)", "Free NK Gulag", None, "KR", "ROK"),
            ("People In Need (Czech Republic)", "People In Need", None, "CZ", "Czech Republic"),
            ("Christian Solidarity Worldwide", "Christian Solidarity Worldwide", "CSW", None, None),
        ],
    )
    def test_line_patterns(
        self,
        release: icnk_letter.Release,
        listed_as: str,
        name: str,
        acronym: str | None,
        country: str | None,
        country_as_printed: str | None,
    ) -> None:
        """Parentheses hold a country or an acronym's expansion; body acronyms count too."""
        org = member(release, name)
        assert (listed_as, acronym, country, country_as_printed) == (
            org.listed_as,
            org.acronym,
            org.country,
            org.country_as_printed,
        )

    def test_country_only_from_the_line(self, release: icnk_letter.Release) -> None:
        """A name that sounds national gets no country unless the line prints one."""
        assert member(release, "Christian Lawyers Association for Paraguay").country is None
        assert member(release, "Asian Human Rights & Humanity Association of Japan").country is None

    def test_ids_are_slugs(self, release: icnk_letter.Release) -> None:
        """Ids are lowercase ASCII slugs of the name."""
        assert release.members[-1].id == "young-defectors-alliance-for-north-korean-human-rights"
        assert all(m.id == m.id.lower() and " " not in m.id for m in release.members)

    def test_mentions(self, release: icnk_letter.Release) -> None:
        """Other places naming a member are kept as mentions."""
        hrw = member(release, "Human Rights Watch")
        assert len(hrw.mentions) == 3
        csw = member(release, "Christian Solidarity Worldwide")
        assert csw.mentions[0].quote == "Christian Solidarity Worldwide (CSW)"


class TestContacts:
    def test_cities_people_organizations(self, release: icnk_letter.Release) -> None:
        """One contact per city paragraph, with person and organization resolved."""
        rows = [
            (c.city, release.person_of(c).name, release.organization_of(c).name, c.role)
            for c in release.contacts
        ]
        assert rows == [
            ("Seoul", "Ha Tae Keung", "Open North Korea", None),
            ("Tokyo", "Kanae Doi", "Human Rights Watch", None),
            ("London", "Kiri Kankhwende", "Christian Solidarity Worldwide", None),
            ("Bangkok", "Phil Robertson", "Human Rights Watch", None),
        ]

    def test_phones(self, release: icnk_letter.Release) -> None:
        """National numbers take the country of the city; mobiles are marked."""
        phones = [(p.as_printed, p.e164, p.kind) for c in release.contacts for p in c.phones]
        assert phones == [
            ("+82-50-5470-7470", "+825054707470", PhoneKind.UNSPECIFIED),
            ("03-5282-5162", "+81352825162", PhoneKind.UNSPECIFIED),
            ("090-2301-4372", "+819023014372", PhoneKind.MOBILE),
            ("+44 208 329 0045", "+442083290045", PhoneKind.UNSPECIFIED),
            ("+66-85-060-8406", "+66850608406", PhoneKind.MOBILE),
        ]

    def test_languages_and_emails(self, release: icnk_letter.Release) -> None:
        """Languages as BCP 47 tags in printed order, beside the printed word."""
        assert [(lang.tag, lang.as_printed) for lang in release.contacts[0].languages] == [
            ("ko", "Korean"),
            ("en", "English"),
        ]
        assert [tuple(lang.tag for lang in release.contacts[3].languages)] == [("en", "th")]
        assert release.contacts[3].emails == ("robertp@hrw.org",)

    def test_contacts_of(self, release: icnk_letter.Release) -> None:
        """An organization's contacts, found without a hand-written join."""
        assert [c.id for c in release.contacts_of(member(release, "Human Rights Watch"))] == [
            "contact-tokyo",
            "contact-bangkok",
        ]

    def test_reference_to_another_kind_of_record(self, release: icnk_letter.Release) -> None:
        """An id that names a record of another kind is not found as a person or an organization."""
        crossed = attrs.evolve(release.contacts[0], person="open-north-korea", organization="ha-tae-keung")
        with pytest.raises(icnk_letter.NotFoundError, match=r"'open-north-korea \(as a Person\)'"):
            release.person_of(crossed)
        with pytest.raises(icnk_letter.NotFoundError, match=r"'ha-tae-keung \(as an? Organization\)'"):
            release.organization_of(crossed)


class TestPeople:
    def test_name_order(self, release: icnk_letter.Release) -> None:
        """Korean names are family name first; the others given name first."""
        names = {p.name: (p.family_name, p.given_name) for p in release.people}
        assert names["Ha Tae Keung"] == ("Ha", "Tae Keung")
        assert names["Kim Jong-un"] == ("Kim", "Jong-un")
        assert names["Kanae Doi"] == ("Doi", "Kanae")
        assert names["Phil Robertson"] == ("Robertson", "Phil")

    def test_every_named_person(self, release: icnk_letter.Release) -> None:
        """Every person named in the release, in order of first mention."""
        assert [p.id for p in release.people] == [
            "kim-jong-un",
            "ha-tae-keung",
            "kanae-doi",
            "kiri-kankhwende",
            "phil-robertson",
        ]

    def test_quote(self, release: icnk_letter.Release) -> None:
        """Ha Tae Keung's quotation, without its quotation marks."""
        (quote,) = release.quotes
        assert quote.speaker == "ha-tae-keung"
        assert quote.text.startswith("Kim Jong-un should look to his legacy.")
        assert quote.text.endswith("set the captives free.")


class TestClaims:
    def test_violations(self, release: icnk_letter.Release) -> None:
        """The four bulleted violations, with their figures."""
        violations = [c for c in release.claims if c.kind is ClaimKind.VIOLATION]
        assert len(violations) == 4
        assert (
            Quantity(200000, "people", precision=Precision.LOWER_BOUND, as_printed="Over 200,000")
            == violations[0].quantity
        )
        assert (
            Quantity(24500000, "people", precision=Precision.ROUNDED, as_printed="24.5 million people")
            == violations[2].quantity
        )
        assert violations[0].quantity is not None
        assert violations[0].quantity.is_lower_bound
        assert violations[2].quantity is not None
        assert (False, False) == (violations[2].quantity.exact, violations[2].quantity.is_lower_bound)
        assert all(c.attributed_to == release.letter.id for c in violations)

    def test_demands(self, release: icnk_letter.Release) -> None:
        """What the letter urges and calls for, and what Ha Tae Keung says Kim should do."""
        demands = [c for c in release.claims if c.kind is ClaimKind.DEMAND]
        by_letter = [c.text for c in demands if c.attributed_to == "open-letter"]
        by_ha = [c.text for c in demands if c.attributed_to == "ha-tae-keung"]
        assert len(by_letter) == 3
        assert by_ha == [
            "look to his legacy",
            "respecting the basic human rights of the North Korean people",
            "open the country to international human rights monitors",
            "close the prison camps",
            "set the captives free",
        ]

    def test_statements(self, release: icnk_letter.Release) -> None:
        """The three largest organizations and the stated count, attributed to the release."""
        statements = [c for c in release.claims if c.kind is ClaimKind.STATEMENT]
        assert [c.quantity.value for c in statements if c.quantity is not None] == [3, 40]
        assert [c.id for c in statements] == ["statement-1", "statement-2", "statement-3", "statement-4"]
        assert statements[0].quantity is not None
        assert statements[0].quantity.exact
        assert {release.id} == {c.attributed_to for c in statements}


class TestWrongArguments:
    """Resolvers and top-level functions name what they expected instead of failing deep inside."""

    def test_type_errors(self, release: icnk_letter.Release) -> None:
        """A wrong kind of argument is a TypeError that says what was expected and what came."""
        loose: Any = release  # as a caller without a type checker would use it
        api: Any = icnk_letter
        cases: list[tuple[Callable[[], object], str]] = [
            (
                lambda: loose.person_of(release.members[0]),
                r"person_of\(\) takes a Contact or a Quote, got Organization",
            ),
            (
                lambda: loose.organization_of(release.quotes[0]),
                r"organization_of\(\) takes a Contact, got Quote",
            ),
            (
                lambda: loose.contacts_of(5),
                r"contacts_of\(\) takes an Organization, a Person or an id, got int: 5",
            ),
            (lambda: loose.affiliations_of("ha-tae-keung"), r"affiliations_of\(\) takes a Person, got str"),
            (
                lambda: loose.claims_by(None),
                r"claims_by\(\) takes a Person, the Letter, the Release or an id",
            ),
            (lambda: api.verify("release"), r"verify\(\) takes a Release, got str: 'release'"),
            (lambda: api.export("release", "json"), r"export\(\) takes a Release, got str"),
            (lambda: api.write_datapackage(release.members, "out"), r"write_datapackage\(\) takes a Release"),
        ]
        for call, message in cases:
            with pytest.raises(TypeError, match=message):
                call()

"""Filters: ``Records.filter`` over members, contacts, people, quotes and claims."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest

import icnk_letter
from icnk_letter import Claim, ClaimKind, Contact, Organization, Records, Release

ROK_MEMBERS = [
    "free-nk-gulag",
    "free-north-korea-radio",
    "hh-katakomb",
    "justice-for-north-korea",
    "network-for-north-korean-democracy-and-human-rights",
    "nk-intellectual-solidarity",
    "open-north-korea",
    "students-alliance-for-human-rights-in-north-korea",
    "young-defectors-alliance-for-north-korean-human-rights",
]


class ListedMember(Organization):
    """A subclass of a record class, as a user might write one."""


def ids(
    records: Records[Organization] | Records[Contact] | Records[Claim] | Records[icnk_letter.Person],
) -> list[str]:
    return [record.id for record in records]


class TestCountry:
    @pytest.mark.parametrize(
        "country", ["KR", "kr", "ROK", "rok", "South Korea", "Republic of Korea", " south  korea "]
    )
    def test_names_of_one_country(self, release: Release, country: str) -> None:
        """A code in any case, the printed abbreviation and the English name name the same country."""
        assert ids(release.members.filter(country=country)) == ROK_MEMBERS

    def test_printed_forms(self, release: Release) -> None:
        """Every country as the release prints it selects the members printed with it."""
        for member in release.members:
            if member.country_as_printed is not None:
                selected = release.members.filter(country=member.country_as_printed)
                assert member in selected
                assert all(m.country == member.country for m in selected)

    def test_usa(self, release: Release) -> None:
        """ "USA", "US" and "United States" are one country."""
        usa = ids(release.members.filter(country="USA"))
        assert len(usa) == 5
        assert (
            usa
            == ids(release.members.filter(country="us"))
            == ids(release.members.filter(country="United States"))
        )

    def test_no_country(self, release: Release) -> None:
        """``country=None`` selects the members printed without a country."""
        selected = release.members.filter(country=None)
        assert len(selected) == 13
        assert all(m.country is None and m.country_as_printed is None for m in selected)
        assert "amnesty-international" in ids(selected)

    def test_valid_code_without_members(self, release: Release) -> None:
        """A well-formed code that no member has gives an empty result, not an error."""
        assert release.members.filter(country="FR") == ()

    def test_unknown_name(self, release: Release) -> None:
        """An unknown country name is a ValueError that says which names are understood."""
        with pytest.raises(ValueError, match="unknown country 'Korea'") as info:
            release.members.filter(country="Korea")
        assert "two-letter ISO 3166-1 code" in str(info.value)
        assert "ROK" in str(info.value)
        assert "South Korea" in str(info.value)

    def test_not_a_string(self, release: Release) -> None:
        """A country that is not a string or None is a TypeError."""
        with pytest.raises(TypeError, match="country: expected a str or None, got int"):
            release.members.filter(country=82)

    def test_contacts_by_country(self, release: Release) -> None:
        """Contacts are filtered by the country of their city."""
        assert ids(release.contacts.filter(country="Japan")) == ["contact-tokyo"]


class TestContacts:
    @pytest.mark.parametrize("language", ["ko", "KO", "Korean", "korean", "ko-KR"[:2]])
    def test_language(self, release: Release, language: str) -> None:
        """Contacts by BCP 47 tag or English name, in any case."""
        assert ids(release.contacts.filter(language=language)) == ["contact-seoul"]

    def test_language_every_contact(self, release: Release) -> None:
        """Every contact speaks English; only Bangkok speaks Thai."""
        assert (
            len(release.contacts.filter(language="English")),
            ids(release.contacts.filter(language="th")),
        ) == (4, ["contact-bangkok"])

    def test_language_tag_without_contacts(self, release: Release) -> None:
        """A well-formed tag that nobody speaks gives an empty result."""
        assert release.contacts.filter(language="fr") == ()

    def test_language_subtags(self) -> None:
        """A tag range matches longer tags (RFC 4647 basic filtering), not the other way round."""
        release = icnk_letter.load()
        contact = release.contacts[0]
        korean_kr = Records([_with_languages(contact, [icnk_letter.Language("ko-KR", "Korean")])])
        assert (
            len(korean_kr.filter(language="ko")),
            len(release.contacts.filter(language="ko-KR")),
        ) == (1, 0)

    def test_unknown_language(self, release: Release) -> None:
        """An unknown language name is a ValueError listing the understood names."""
        with pytest.raises(ValueError, match=r"unknown language 'Klingon'.*English, Japanese, Korean, Thai"):
            release.contacts.filter(language="Klingon")

    def test_language_must_be_a_string(self, release: Release) -> None:
        """A language that is not a string is a TypeError naming the criterion and the value."""
        with pytest.raises(TypeError, match="language: expected a str, got int: 5"):
            release.contacts.filter(language=5)

    def test_city(self, release: Release) -> None:
        """Contacts by city, compared after normalization."""
        assert ids(release.contacts.filter(city="TOKYO")) == ["contact-tokyo"]

    @pytest.mark.parametrize(
        "organization", ["Human Rights Watch", "human-rights-watch", "HUMAN RIGHTS WATCH"]
    )
    def test_organization(self, release: Release, organization: str) -> None:
        """Contacts by organization: its id or printed name."""
        assert ids(release.contacts.filter(organization=organization)) == ["contact-tokyo", "contact-bangkok"]

    def test_organization_record(self, release: Release) -> None:
        """An Organization record stands for its id."""
        csw = release.members.lookup("CSW")
        assert ids(release.contacts.filter(organization=csw)) == ["contact-london"]

    def test_organization_as_printed(self, release: Release) -> None:
        """The organization as printed in the contact paragraph is understood too."""
        printed = "Open North Korea & Secretariat to the Coalition"
        assert ids(release.contacts.filter(organization=printed)) == ["contact-seoul"]

    def test_person(self, release: Release) -> None:
        """Contacts by person: a Person, its id or (a slug of) its name."""
        doi = release.people.lookup("Kanae Doi")
        assert (
            ids(release.contacts.filter(person=doi)) + ids(release.contacts.filter(person="kanae doi"))
            == ["contact-tokyo"] * 2
        )


class TestClaims:
    @pytest.mark.parametrize("kind", [ClaimKind.VIOLATION, "violation", "Violations", " VIOLATION "])
    def test_kind(self, release: Release, kind: ClaimKind | str) -> None:
        """Claims by kind: the enum, its value, or its plural, in any case."""
        assert ids(release.claims.filter(kind=kind)) == [
            "violation-1",
            "violation-2",
            "violation-3",
            "violation-4",
        ]

    def test_unknown_kind(self, release: Release) -> None:
        """An unknown kind is a ValueError listing the valid kinds."""
        with pytest.raises(ValueError, match="'violation', 'demand', 'statement'"):
            release.claims.filter(kind="complaint")

    def test_kind_of_another_type(self, release: Release) -> None:
        """A kind that is neither a ClaimKind nor a string is a TypeError."""
        with pytest.raises(TypeError, match="kind: expected a ClaimKind or a str, got int: 1"):
            release.claims.filter(kind=1)

    def test_has_quantity(self, release: Release) -> None:
        """Claims that carry a figure, and those that do not."""
        with_figure = release.claims.filter(has_quantity=True)
        assert ids(with_figure) == ["statement-1", "statement-2", "violation-1", "violation-3"]
        assert len(release.claims) == len(with_figure) + len(release.claims.filter(has_quantity=False))

    def test_has_quantity_must_be_bool(self, release: Release) -> None:
        """``has_quantity`` takes True or False only."""
        with pytest.raises(TypeError, match="has_quantity: expected True or False"):
            release.claims.filter(has_quantity="yes")

    def test_attributed_to(self, release: Release) -> None:
        """Claims by who makes them: a record or its id."""
        ha = release.people.lookup("ha-tae-keung")
        assert ids(release.claims.filter(attributed_to=ha)) == [
            "demand-2",
            "demand-3",
            "demand-4",
            "demand-5",
        ]


class TestComposition:
    def test_chained_equals_combined(self, release: Release) -> None:
        """Filters compose: chaining equals passing the criteria together."""
        chained = release.members.filter(country="USA").filter(acronym=None)
        assert chained == release.members.filter(country="USA", acronym=None)
        assert "liberty-in-north-korea" not in ids(chained)
        assert len(chained) == 4

    def test_printed_order_and_type(self, release: Release) -> None:
        """Results keep printed order and are Records of the same record type."""
        selected: Records[Organization] = release.members.filter(country="Japan")
        assert isinstance(selected, Records)
        positions = [release.members.index(m) for m in selected]
        assert sorted(positions) == positions

    def test_no_criteria(self, release: Release) -> None:
        """No criteria keeps everything."""
        assert release.members == release.members.filter()

    def test_none_for_a_required_field(self, release: Release) -> None:
        """None for a field that every record has (a name) matches nothing; for an optional one, the blanks."""
        assert ((), 13) == (release.members.filter(name=None), len(release.members.filter(country=None)))

    def test_records_of_a_subclass(self, release: Release) -> None:
        """Records of a subclass of a record class are filtered with that class's criteria."""
        members = Records(ListedMember(**attrs.asdict(m, recurse=False)) for m in release.members)
        assert ["human-rights-watch"] == ids(members.filter(name="Human Rights Watch"))

    def test_other_collections(self, release: Release) -> None:
        """People and quotes filter by their fields too."""
        assert ids(release.people.filter(affiliation="human-rights-watch")) == ["kanae-doi", "phil-robertson"]
        assert [q.id for q in release.quotes.filter(speaker="Ha Tae Keung")] == ["quote-1"]

    def test_filtered_collections_search(self, release: Release) -> None:
        """A filtered collection can be searched and looked up like any other."""
        rok = release.members.filter(country="ROK")
        assert [hit.record.id for hit in rok.search("radio")] == ["free-north-korea-radio"]


class TestBadCriteria:
    def test_unknown_criterion(self, release: Release) -> None:
        """An unknown criterion is a TypeError suggesting the closest and listing the valid ones."""
        with pytest.raises(TypeError) as info:
            release.members.filter(contry="KR")
        message = str(info.value)
        assert (
            "unknown filter criterion 'contry' for Organization records; did you mean 'country'?" in message
        )
        assert "Valid criteria: acronym, country, country_as_printed, id, listed_as, name" in message

    def test_criterion_of_another_type(self, release: Release) -> None:
        """A criterion of contacts is not one of members."""
        with pytest.raises(TypeError, match="'language' for Organization records"):
            release.members.filter(language="ko")

    def test_empty_collection_still_checks(self, release: Release) -> None:
        """An empty collection still rejects unknown criteria and bad values."""
        empty = release.members.filter(country="FR")
        assert empty.filter(country="KR") == ()
        with pytest.raises(TypeError, match="contry"):
            empty.filter(contry="KR")
        with pytest.raises(ValueError, match="unknown country"):
            empty.filter(country="Frnace")

    def test_bad_value_type(self, release: Release) -> None:
        """A value of the wrong type names the criterion."""
        with pytest.raises(TypeError, match="city: expected a str, a record or None, got list"):
            release.contacts.filter(city=["Tokyo"])

    def test_objects_that_are_not_records(self) -> None:
        """A collection of objects of no record class cannot be filtered."""
        with pytest.raises(TypeError, match="cannot filter int objects: they are not records of a release"):
            Records([1, 2]).filter(id="1")


class TestRecordsStayTuples:
    def test_serialize_as_lists(self, release: Release) -> None:
        """cattrs still unstructures collections, filtered or not, as plain lists."""
        from icnk_letter._convert import converter

        data = converter.unstructure(release)
        assert isinstance(data["members"], list)
        filtered = release.members.filter(country="KR")
        assert [m["id"] for m in converter.unstructure(filtered)] == ids(filtered)

    def test_pickle_and_copy_without_index(self, release: Release) -> None:
        """Pickling or copying a searched collection copies the records, not the cached index."""
        members = release.members.filter()
        members.search("amnesty")
        for clone in (pickle.loads(pickle.dumps(members)), copy.deepcopy(members), copy.copy(members)):
            assert members == clone
            assert isinstance(clone, Records)
            assert "search_index" not in vars(clone)


def _with_languages(contact: Contact, languages: list[icnk_letter.Language]) -> Contact:
    import attrs

    return attrs.evolve(contact, languages=tuple(languages))

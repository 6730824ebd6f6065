"""Filters: ``Records.filter`` over members, contacts, people, quotes and claims."""

from __future__ import annotations

import copy
import gc
import pickle
from collections.abc import Callable

import attrs
import pytest

import icnk_letter
from icnk_letter import Claim, ClaimKind, Contact, Organization, Records, Release
from icnk_letter._records import _INDEXES, owner_of  # pyright: ignore[reportPrivateUsage]

# The release's own statements of fact, in printed order.
STATEMENTS = ["statement-1", "statement-2", "statement-3", "statement-4"]

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


def pickled(release: Release) -> Release:
    """Return *release* pickled and unpickled."""
    clone: Release = pickle.loads(pickle.dumps(release))
    return clone


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
        assert "'ROK'" in str(info.value)
        assert "'South Korea'" in str(info.value)

    def test_names_in_the_message_are_quoted(self, release: Release) -> None:
        """Each name understood is quoted, so "Korea, Republic of" does not read as two names."""
        with pytest.raises(ValueError, match="unknown country 'Korea'") as info:
            release.members.filter(country="Korea")
        assert "'Japan', 'Korea, Republic of', 'Republic of Korea', 'ROK'" in str(info.value)

    @pytest.mark.parametrize("code", ["XX", "xx", " Zz ", "EU"])
    def test_two_letters_that_are_no_code(self, release: Release, code: str) -> None:
        """Two letters that are not an ISO 3166-1 alpha-2 code are a ValueError, not an empty result."""
        with pytest.raises(ValueError, match="is not an ISO 3166-1 alpha-2 code") as info:
            release.members.filter(country=code)
        assert str(info.value).startswith(f"country {code!r} is not an ISO 3166-1 alpha-2 code; ")
        assert "'South Korea'" in str(info.value)

    @pytest.mark.parametrize("code", ["FR", "fr", "KP", "AQ", "ZW"])
    def test_codes_without_members(self, release: Release, code: str) -> None:
        """Every ISO 3166-1 code is understood, including those no member has."""
        assert () == release.members.filter(country=code)

    def test_not_a_string(self, release: Release) -> None:
        """A country that is not a string or None is a TypeError."""
        with pytest.raises(TypeError, match="country: expected a str or None, got int"):
            release.members.filter(country=82)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]

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
            release.contacts.filter(language=5)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]

    def test_city(self, release: Release) -> None:
        """Contacts by city, compared after normalization."""
        assert ids(release.contacts.filter(city="TOKYO")) == ["contact-tokyo"]

    @pytest.mark.parametrize(
        "organization", ["Human Rights Watch", "human-rights-watch", "HUMAN RIGHTS WATCH"]
    )
    def test_organization(self, release: Release, organization: str) -> None:
        """Contacts by organization: its id or printed name."""
        assert ids(release.contacts.filter(organization=organization)) == ["contact-tokyo", "contact-bangkok"]

    @pytest.mark.parametrize(
        "organization",
        [
            "CSW",
            "csw",
            "christian-solidarity-worldwide",
            "Christian Solidarity Worldwide (CSW)",
            "  christian solidarity  worldwide ",
        ],
    )
    def test_organization_any_lookup_key(self, release: Release, organization: str) -> None:
        """Any key that looks the organization up works, its acronym in any case included."""
        assert ["contact-london"] == ids(release.contacts.filter(organization=organization))
        assert release.lookup(organization) == release.lookup("CSW")

    def test_organization_without_contacts(self, release: Release) -> None:
        """An organization of the release that has no press contact gives an empty result."""
        assert () == release.contacts.filter(organization="FIDH")

    def test_unknown_organization(self, release: Release) -> None:
        """A value that names no organization is a ValueError naming it, not an empty result."""
        with pytest.raises(ValueError, match="Nope") as info:
            release.contacts.filter(organization="Nope")
        assert "organization: no organization matches 'Nope'" == str(info.value)

    def test_unknown_organization_suggests(self, release: Release) -> None:
        """The error for a misspelt organization suggests the closest."""
        with pytest.raises(ValueError, match="Worldwid") as info:
            release.contacts.filter(organization="Christian Solidarity Worldwid")
        expected = (
            "organization: no organization matches 'Christian Solidarity Worldwid'; "
            "did you mean 'Christian Solidarity Worldwide'?"
        )
        assert expected == str(info.value)

    def test_organization_of_another_kind(self, release: Release) -> None:
        """A key of a person is not an organization: the lookup is limited to organizations."""
        assert release.lookup("Kanae Doi").id == "kanae-doi"
        with pytest.raises(ValueError, match=r"^organization: no organization matches 'Kanae Doi'"):
            release.contacts.filter(organization="Kanae Doi")

    def test_organization_record_of_another_kind(self, release: Release) -> None:
        """A record of another kind is a TypeError that says what was expected."""
        with pytest.raises(
            TypeError,
            match=r"^organization: expected an Organization, a str that names one, or None, got Person: ",
        ):
            release.contacts.filter(organization=release.people[2])  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
        with pytest.raises(TypeError, match=r"organization: expected an Organization.*got int: 5"):
            release.contacts.filter(organization=5)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]

    def test_blank_organization(self, release: Release) -> None:
        """A blank organization is a ValueError, like a blank lookup key."""
        with pytest.raises(ValueError, match=r"^organization: the lookup key is blank"):
            release.contacts.filter(organization="  ")

    def test_no_organization(self, release: Release) -> None:
        """``organization=None`` matches nothing: every contact has one."""
        assert () == release.contacts.filter(organization=None)

    def test_ambiguous_organization(self, release: Release) -> None:
        """A key that names two organizations is a ValueError listing both."""
        csw = release.members.lookup("CSW")
        twin = attrs.evolve(csw, id="csw-2", listed_as=None, mentions=())
        doubled = attrs.evolve(release, other_organizations=(*release.other_organizations, twin))
        with pytest.raises(ValueError, match=r"^organization: 'CSW' names 2 records: 'christian-solidarity"):
            doubled.contacts.filter(organization="CSW")
        assert ["contact-london"] == ids(
            doubled.contacts.filter(organization="christian-solidarity-worldwide")
        )

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

    @pytest.mark.parametrize("person", ["Tae Keung Ha", "Ha Tae Keung", "HA-TAE-KEUNG", "ha-tae-keung"])
    def test_person_any_lookup_key(self, release: Release, person: str) -> None:
        """A person's name in either order, or the id, as lookup accepts them."""
        assert ["contact-seoul"] == ids(release.contacts.filter(person=person))

    def test_unknown_person(self, release: Release) -> None:
        """A value that names no person is a ValueError suggesting the closest."""
        with pytest.raises(ValueError, match="Kanae Dio") as info:
            release.contacts.filter(person="Kanae Dio")
        assert "person: no person matches 'Kanae Dio'; did you mean 'Kanae Doi'?" == str(info.value)


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
            release.claims.filter(kind=1)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]

    def test_has_quantity(self, release: Release) -> None:
        """Claims that carry a figure, and those that do not."""
        with_figure = release.claims.filter(has_quantity=True)
        assert ids(with_figure) == ["statement-1", "statement-2", "violation-1", "violation-3"]
        assert len(release.claims) == len(with_figure) + len(release.claims.filter(has_quantity=False))

    def test_has_quantity_must_be_bool(self, release: Release) -> None:
        """``has_quantity`` takes True or False only."""
        with pytest.raises(TypeError, match="has_quantity: expected True or False"):
            release.claims.filter(has_quantity="yes")  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]

    def test_attributed_to(self, release: Release) -> None:
        """Claims by who makes them: a record or its id."""
        ha = release.people.lookup("ha-tae-keung")
        assert ids(release.claims.filter(attributed_to=ha)) == [
            "demand-2",
            "demand-basic-rights",
            "demand-3",
            "demand-4",
            "demand-5",
        ]

    @pytest.mark.parametrize("author", ["Tae Keung Ha", "ha tae keung"])
    def test_attributed_to_a_name(self, release: Release, author: str) -> None:
        """A person's name, as lookup accepts it, stands for the person."""
        assert ["demand-2", "demand-basic-rights", "demand-3", "demand-4", "demand-5"] == ids(
            release.claims.filter(attributed_to=author)
        )

    def test_attributed_to_the_letter_and_the_release(self, release: Release) -> None:
        """The letter (its record, id or title) and the release (itself or its id) make claims too."""
        by_letter = ids(release.claims.filter(attributed_to=release.letter))
        assert (by_letter, by_letter) == (
            ids(release.claims.filter(attributed_to="open letter to Kim Jong-un")),
            ids(release.claims.filter(attributed_to="open-letter")),
        )
        assert len(by_letter) == 7
        assert (STATEMENTS, STATEMENTS) == (
            ids(release.claims.filter(attributed_to=release)),
            ids(release.claims.filter(attributed_to=release.id)),
        )

    def test_attributed_to_an_organization(self, release: Release) -> None:
        """An organization makes no claims: its name is a ValueError naming the kinds looked for."""
        with pytest.raises(ValueError, match=r"^attributed_to: no person or letter matches 'ICNK'"):
            release.claims.filter(attributed_to="ICNK")
        with pytest.raises(TypeError, match="expected a Person or a Letter or a Release"):
            release.claims.filter(attributed_to=release.coalition)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]


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

    def test_record_for_its_id(self, release: Release) -> None:
        """A record stands for its id in the plain ``id`` criterion too."""
        assert [release.members[3]] == list(release.members.filter(id=release.members[3]))

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

    @pytest.mark.parametrize(
        ("affiliation", "expected"),
        [
            ("Human Rights Watch", ["kanae-doi", "phil-robertson"]),
            ("ICNK", ["ha-tae-keung"]),
            ("Open North Korea", ["ha-tae-keung"]),
            ("CSW", ["kiri-kankhwende"]),
            ("Amnesty International", []),
            (None, ["kim-jong-un"]),
        ],
    )
    def test_affiliation(self, release: Release, affiliation: str | None, expected: list[str]) -> None:
        """People by an organization they are tied to, named as lookup names it; None for the unaffiliated."""
        assert expected == ids(release.people.filter(affiliation=affiliation))

    def test_unknown_affiliation_and_speaker(self, release: Release) -> None:
        """An affiliation or a speaker that names no record of its kind is a ValueError."""
        with pytest.raises(ValueError, match=r"^affiliation: no organization matches 'Nope'"):
            release.people.filter(affiliation="Nope")
        with pytest.raises(ValueError, match=r"^speaker: no person matches 'CSW'"):
            release.quotes.filter(speaker="CSW")
        assert ["quote-1"] == [q.id for q in release.quotes.filter(speaker="Tae Keung Ha")]
        assert () == release.quotes.filter(speaker=None)

    def test_chained_filters_keep_the_release(self, release: Release) -> None:
        """A filtered collection, even an empty one, still resolves names through its release."""
        london = release.contacts.filter(city="London")
        assert ["contact-london"] == ids(london.filter(organization="CSW"))
        empty = release.contacts.filter(city="Paris")
        assert () == empty.filter(organization="CSW")
        with pytest.raises(ValueError, match="no organization matches 'Nope'"):
            empty.filter(organization="Nope")

    def test_collection_without_a_release(self, release: Release) -> None:
        """A collection built by hand takes a record or an id, and cannot tell a name from nothing."""
        contacts = Records(list(release.contacts))
        csw = release.members.lookup("CSW")
        assert (["contact-london"], ["contact-london"], [], ["contact-london"]) == (
            ids(contacts.filter(organization=csw)),
            ids(contacts.filter(organization="christian-solidarity-worldwide")),
            ids(contacts.filter(organization="CSW")),
            ids(contacts.filter(person="Kiri Kankhwende")),  # its id, normalized
        )

    def test_evolved_release_has_its_own_collections(self, release: Release) -> None:
        """A release made with attrs.evolve resolves names in itself, and leaves the original alone."""
        without_icrc = attrs.evolve(release, other_organizations=())
        assert without_icrc.contacts == release.contacts
        with pytest.raises(ValueError, match="no organization matches 'ICRC'"):
            without_icrc.contacts.filter(organization="ICRC")
        assert () == release.contacts.filter(organization="ICRC")

    def test_collection_outlives_its_release_variable(self, release: Release) -> None:
        """A collection keeps its release: a release made in passing still resolves names."""
        contacts = attrs.evolve(release, title="A copy").contacts
        gc.collect()
        assert (["contact-london"], "A copy") == (
            ids(contacts.filter(organization="CSW")),
            getattr(owner_of(contacts), "title", None),
        )

    @pytest.mark.parametrize("clone", [pickled, copy.copy, copy.deepcopy])
    def test_copied_release_resolves_in_itself(
        self, release: Release, clone: Callable[[Release], Release]
    ) -> None:
        """A pickled or copied release is equal to the original, and its collections resolve names in it."""
        copied: Release = clone(release)
        assert copied == release
        assert ["contact-london"] == ids(copied.contacts.filter(organization="CSW"))
        assert owner_of(copied.contacts) is copied
        assert owner_of(release.contacts) is release

    def test_filtered_collections_search(self, release: Release) -> None:
        """A filtered collection can be searched and looked up like any other."""
        rok = release.members.filter(country="ROK")
        assert [hit.record.id for hit in rok.search("radio")] == ["free-north-korea-radio"]


class TestBadCriteria:
    def test_unknown_criterion_without_suggestion(self, release: Release) -> None:
        """Without a close criterion to suggest, the list of valid ones follows a full stop."""
        with pytest.raises(TypeError) as info:
            release.members.filter(zzzz="KR")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
        expected = (
            "unknown filter criterion 'zzzz' for Organization records. "
            "Valid criteria: acronym, country, country_as_printed, id, listed_as, name"
        )
        assert expected == str(info.value)

    def test_unknown_criterion(self, release: Release) -> None:
        """An unknown criterion is a TypeError suggesting the closest and listing the valid ones."""
        with pytest.raises(TypeError) as info:
            release.members.filter(contry="KR")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
        message = str(info.value)
        assert (
            "unknown filter criterion 'contry' for Organization records; did you mean 'country'?" in message
        )
        assert "Valid criteria: acronym, country, country_as_printed, id, listed_as, name" in message

    def test_criterion_of_another_type(self, release: Release) -> None:
        """A criterion of contacts is not one of members."""
        with pytest.raises(TypeError, match="'language' for Organization records"):
            release.members.filter(language="ko")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]

    def test_empty_collection_still_checks(self, release: Release) -> None:
        """An empty collection still rejects unknown criteria and bad values."""
        empty = release.members.filter(country="FR")
        assert empty.filter(country="KR") == ()
        with pytest.raises(TypeError, match="contry"):
            empty.filter(contry="KR")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
        with pytest.raises(ValueError, match="unknown country"):
            empty.filter(country="Frnace")

    def test_bad_value_type(self, release: Release) -> None:
        """A value of the wrong type names the criterion."""
        with pytest.raises(TypeError, match="city: expected a str, a record or None, got list"):
            release.contacts.filter(city=["Tokyo"])  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]

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
            assert (Records, None, False) == (type(clone), owner_of(clone), id(clone) in _INDEXES)


def _with_languages(contact: Contact, languages: list[icnk_letter.Language]) -> Contact:
    import attrs

    return attrs.evolve(contact, languages=tuple(languages))

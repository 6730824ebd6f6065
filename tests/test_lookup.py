"""Lookup: ``Release.lookup``/``get``, ``icnk_letter.lookup`` and ``Records.lookup``/``get``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import icnk_letter
from icnk_letter import AmbiguousKeyError, NotFoundError, Organization, Record, Records, Release

# The release's own statements of fact, in printed order.
STATEMENTS = ["statement-1", "statement-2", "statement-3", "statement-4"]

RELEASE = icnk_letter.load()
RECORDS: tuple[Record, ...] = (
    RELEASE.letter,
    *RELEASE.organizations,
    *RELEASE.people,
    *RELEASE.contacts,
    *RELEASE.quotes,
    *RELEASE.claims,
)
NAMED: tuple[Organization | icnk_letter.Person, ...] = (*RELEASE.organizations, *RELEASE.people)


def printed_name(record: Record) -> str:
    """The words a record is known by: its name, a claim's or quote's text, the letter's title."""
    if isinstance(record, (icnk_letter.Claim, icnk_letter.Quote)):
        return record.text
    if isinstance(record, icnk_letter.Letter):
        return record.title
    if isinstance(record, icnk_letter.Contact):
        email: str = record.emails[0]
        return email
    name: str = record.name
    return name


class TestLookupEveryRecord:
    def test_by_id(self, release: Release) -> None:
        """Every record is found by its id."""
        assert list(RECORDS) == [release.lookup(record.id) for record in RECORDS]

    def test_by_name(self, release: Release) -> None:
        """Every record is found by its name (a claim or quote by its text, the letter by its title)."""
        assert list(RECORDS) == [release.lookup(printed_name(record)) for record in RECORDS]

    def test_by_acronym_and_listed_line(self, release: Release) -> None:
        """Every organization is found by its acronym and by its member-list line."""
        for org in release.organizations:
            if org.acronym is not None:
                assert org == release.lookup(org.acronym)
            if org.listed_as is not None:
                assert org == release.lookup(org.listed_as)

    @settings(max_examples=60, deadline=None)
    @given(st.sampled_from(RECORDS))
    def test_property_id_and_name(self, record: Record) -> None:
        """``lookup(record.id)`` and ``lookup(<its name>)`` return the record."""
        assert (record, record) == (RELEASE.lookup(record.id), RELEASE.lookup(printed_name(record)))


def mangle(name: str, data: st.DataObject) -> str:
    """Rewrite *name* in ways that do not change what it means."""
    cases: list[Callable[[str], str]] = [str.upper, str.lower, str.swapcase, str.title, str.strip]
    text = data.draw(st.sampled_from(cases))(name)
    if data.draw(st.booleans()):
        text = text.replace(" ", "  ")
    if data.draw(st.booleans()):
        text = text.replace("-", " ")
    if data.draw(st.booleans()):
        text = text.replace("'", "\u2019")
    if data.draw(st.booleans()):
        text = text.replace("&", "and")
    if data.draw(st.booleans()):
        text = f"  {text}\t"
    return text


class TestNormalization:
    @pytest.mark.parametrize(
        ("key", "expected_id"),
        [
            ("amnesty international", "amnesty-international"),
            ("AMNESTY INTERNATIONAL", "amnesty-international"),
            ("Amnesty   International", "amnesty-international"),
            ("\uff21mnesty International", "amnesty-international"),  # fullwidth A (NFKC)
            ("Kontr\u00e1s", "kontras"),  # accents do not matter
            ("Kontra\u0301s", "kontras"),  # nor their Unicode form
            (
                "Young Defectors\u2019 Alliance for North Korean Human Rights",
                "young-defectors-alliance-for-north-korean-human-rights",
            ),
            (
                "Young Defectors Alliance for North Korean Human Rights",
                "young-defectors-alliance-for-north-korean-human-rights",
            ),
            (
                # A fullwidth backtick (NFKC makes it "`") among other non-ASCII characters.
                "Young Defector\uff40s Alliance for North\u2011Korean Human Rights",
                "young-defectors-alliance-for-north-korean-human-rights",
            ),
            (
                "Asian Human Rights and Humanity Association of Japan",
                "asian-human-rights-humanity-association-of-japan",
            ),
            (
                "Inter American Federation of Christian Lawyers",
                "inter-american-federation-of-christian-lawyers",
            ),
            ("Simon Wiesenthal Center", "the-simon-wiesenthal-center"),
            ("Society to Help Returnees to North Korea", "the-society-to-help-returnees-to-north-korea"),
            ("psalt-nk", "prayer-service-action-love-truth-for-north-korea"),
            ("PSALTNK", "prayer-service-action-love-truth-for-north-korea"),
            ("link", "liberty-in-north-korea"),
            ("Liberty in North Korea - LiNK (USA)", "liberty-in-north-korea"),
            ("Tae Keung Ha", "ha-tae-keung"),
            ("Jong-un Kim", "kim-jong-un"),
            ("KIM JONG UN", "kim-jong-un"),
            ("icrc", "international-committee-of-the-red-cross"),
            ("icnk", "international-coalition-to-stop-crimes-against-humanity-in-north-korea"),
            (
                "Over 200000 men, women and children held for political reasons in a system of prison and labor camps",
                "violation-1",
            ),
        ],
    )
    def test_equivalent_keys(self, release: Release, key: str, expected_id: str) -> None:
        """Case, Unicode form, accents, apostrophes, "&", hyphens, spacing and a leading "the" do not matter."""
        assert expected_id == release.lookup(key).id

    @settings(max_examples=80, deadline=None)
    @given(st.sampled_from(NAMED), st.data())
    def test_property_mangled_names(
        self, record: Organization | icnk_letter.Person, data: st.DataObject
    ) -> None:
        """A name rewritten without changing its meaning still finds its record."""
        assert record == RELEASE.lookup(mangle(record.name, data))


class TestPhonesAndEmails:
    def phone_forms(self, phone: icnk_letter.Phone) -> list[str]:
        return [
            phone.as_printed,
            phone.e164,
            phone.international,
            phone.international.replace(" ", "-"),
            phone.uri,
            phone.uri.upper(),
            phone.uri + ";ext=1",
            "00" + phone.e164[1:],
            f"  {phone.international}  ",
        ]

    def test_every_phone_in_every_writing(self, release: Release) -> None:
        """Every number is found as printed, in E.164, international with spaces or dashes, and as a tel: URI."""
        for contact in release.contacts:
            for phone in contact.phones:
                for form in self.phone_forms(phone):
                    assert contact == release.lookup(form), form

    @pytest.mark.parametrize(
        ("key", "expected_id"),
        [
            ("03 5282 5162", "contact-tokyo"),
            ("(03) 5282-5162", "contact-tokyo"),
            ("+81 (0)3 5282 5162", "contact-tokyo"),
            ("020 8329 0045", "contact-london"),
            ("+44 (0)20 8329 0045", "contact-london"),
            ("442083290045", "contact-london"),
            ("085-060-8406", "contact-bangkok"),
        ],
    )
    def test_national_and_other_forms(self, release: Release, key: str, expected_id: str) -> None:
        """National forms (trunk 0), a "(0)" in international form and bare E.164 digits also work."""
        assert expected_id == release.lookup(key).id

    def test_emails(self, release: Release) -> None:
        """Email addresses are found in any case and as mailto: URIs."""
        assert [
            release.lookup("OpenNK@Naver.com").id,
            release.lookup("mailto:robertp@hrw.org").id,
            release.lookup(" KIRI@CSW.ORG.UK ").id,
        ] == ["contact-seoul", "contact-bangkok", "contact-london"]

    def test_two_plus_signs_are_not_a_number(self, release: Release) -> None:
        """A key with a second "+" is not read as a phone number."""
        assert (None, "contact-tokyo") == (
            release.get("+81+3 5282 5162"),
            getattr(release.get("+81 3 5282 5162"), "id", None),
        )

    def test_number_printed_with_words(self, release: Release) -> None:
        """A number printed with words beside it is still found in its E.164 and national forms."""
        tokyo = release.contacts[1]
        phone = attrs.evolve(tokyo.phones[0], as_printed="03-5282-5162 (ext. 12)")
        contacts = Records([attrs.evolve(tokyo, phones=(phone,))])
        assert [contacts[0]] * 2 == [contacts.lookup("+81 3 5282 5162"), contacts.lookup("03 5282 5162")]

    def test_no_national_form_from_a_disagreeing_number(self, release: Release) -> None:
        """When the international form disagrees with the E.164 number, no national form is guessed."""
        london = release.contacts[2]
        phone = attrs.evolve(london.phones[0], international="+1 212 555 0100")
        contacts = Records([attrs.evolve(london, phones=(phone,))])
        # Country code "+1" cut from "+442083290045" would give the national form "042083290045".
        assert (contacts[0], None) == (contacts.lookup("+442083290045"), contacts.get("042083290045"))


class TestNotFound:
    def test_error_names_key_and_suggests(self, release: Release) -> None:
        """No match raises NotFoundError, a LookupError, naming the key and the closest records."""
        with pytest.raises(NotFoundError) as info:
            release.lookup("Amnesty Internacional")
        assert isinstance(info.value, LookupError)
        assert (
            info.value.key,
            info.value.suggestions,
        ) == ("Amnesty Internacional", ("Amnesty International",))
        assert (
            str(info.value)
            == "no record matches 'Amnesty Internacional'; did you mean 'Amnesty International'?"
        )

    def test_several_suggestions(self, release: Release) -> None:
        """A partial name suggests the few records it could mean."""
        with pytest.raises(NotFoundError) as info:
            release.lookup("human rights")
        assert info.value.suggestions == (
            "Human Rights Watch",
            "Human Rights Without Frontiers",
            "International Federation for Human Rights",
        )

    def test_nonsense_has_no_suggestions(self, release: Release) -> None:
        """A key like nothing in the release suggests nothing rather than noise."""
        with pytest.raises(NotFoundError, match=r"^no record matches 'xyzzy'$"):
            release.lookup("xyzzy")

    def test_mistyped_id_suggests_the_id(self, release: Release) -> None:
        """A record without a name, such as a contact, is suggested by its id."""
        with pytest.raises(NotFoundError) as info:
            release.lookup("contact-tokio")
        assert ("contact-tokyo",) == info.value.suggestions

    @pytest.mark.parametrize("key", ["!!!", "Korea", "(.*)+", "\x00"])
    def test_no_match(self, release: Release, key: str) -> None:
        """Partial and odd keys match nothing and raise NotFoundError."""
        with pytest.raises(NotFoundError):
            release.lookup(key)
        assert release.get(key) is None

    def test_not_a_string(self, release: Release) -> None:
        """A key that is not a string is a TypeError naming its type."""
        with pytest.raises(TypeError, match="must be a str, got int"):
            release.lookup(42)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


class TestAmbiguous:
    @pytest.fixture
    def doubled(self, release: Release) -> Release:
        """A release in which a second organization is also called "Amnesty International"."""
        amnesty = release.lookup("amnesty-international")
        assert isinstance(amnesty, Organization)
        twin = attrs.evolve(amnesty, id="amnesty-international-2", listed_as=None)
        return attrs.evolve(release, other_organizations=(*release.other_organizations, twin))

    def test_lists_both(self, doubled: Release) -> None:
        """A key that names two records raises an error listing both, never picking one."""
        with pytest.raises(AmbiguousKeyError) as info:
            doubled.lookup("amnesty international")
        assert [r.id for r in info.value.records] == ["amnesty-international", "amnesty-international-2"]
        assert "'amnesty-international' (Organization) and 'amnesty-international-2' (Organization)" in str(
            info.value
        )
        assert isinstance(info.value, LookupError)

    def test_get_raises_too(self, doubled: Release) -> None:
        """``get`` does not hide an ambiguous key behind its default."""
        with pytest.raises(AmbiguousKeyError):
            doubled.get("Amnesty International", "default")

    def test_ids_stay_unique(self, doubled: Release) -> None:
        """Each of the records is still found by its id."""
        assert doubled.lookup("amnesty-international-2").id == "amnesty-international-2"

    def test_bundled_keys_are_unambiguous(self, release: Release) -> None:
        """No name, acronym or listed line of the bundled release names two records."""
        keys = [k for org in release.organizations for k in (org.name, org.acronym, org.listed_as) if k]
        keys += [person.name for person in release.people]
        assert [release.lookup(key) for key in keys] == [release.get(key) for key in keys]

    def test_no_key_of_the_index_names_two_records(self, release: Release) -> None:
        """Every lookup key the bundled release is indexed under, printed forms included, names one record."""
        from icnk_letter._search import index_of

        index = index_of(release)
        keys = index._keys  # pyright: ignore[reportPrivateUsage]
        doubled = {key: [index.records[i].id for i, _, _ in entries] for key, entries in keys.items()}
        assert {} == {key: found for key, found in doubled.items() if len(found) > 1}


class TestPrintedForms:
    @pytest.mark.parametrize(
        ("key", "expected_id", "field"),
        [
            (
                "International Committee of the Red Cross (ICRC)",
                "international-committee-of-the-red-cross",
                "span",
            ),
            (
                "International Coalition to Stop Crimes Against Humanity in North Korea (ICNK)",
                "international-coalition-to-stop-crimes-against-humanity-in-north-korea",
                "span",
            ),
            (
                "the Coalition",
                "international-coalition-to-stop-crimes-against-humanity-in-north-korea",
                "mentions",
            ),
            ("Christian Solidarity Worldwide (CSW)", "christian-solidarity-worldwide", "mentions"),
            ("General Kim", "kim-jong-un", "mentions"),
        ],
    )
    def test_span_and_mentions(self, release: Release, key: str, expected_id: str, field: str) -> None:
        """The words the text prints for an organization or a person look it up, and rank as exact hits."""
        hit = release.search(key)[0]
        assert (expected_id, expected_id, 1.0, field) == (
            release.lookup(key).id,
            hit.record.id,
            hit.score,
            hit.field,
        )

    def test_every_printed_form(self, release: Release) -> None:
        """The span and every mention of every organization and person find that record."""
        named: list[Organization | icnk_letter.Person] = [*release.organizations, *release.people]
        for record in named:
            for span in (record.span, *record.mentions):
                assert record == release.lookup(span.quote), span.quote


class TestBadKeys:
    @pytest.mark.parametrize("key", ["", "   ", "\t\n", "\u3000"])
    @pytest.mark.parametrize(
        "lookup",
        [
            RELEASE.lookup,
            RELEASE.get,
            RELEASE.members.lookup,
            RELEASE.contacts.get,
            icnk_letter.lookup,
        ],
    )
    def test_blank_key(self, lookup: Callable[[str], object], key: str) -> None:
        """An empty or blank key is a ValueError, as for search, never NotFoundError or a default."""
        with pytest.raises(ValueError, match=r"^the lookup key is blank; pass an id, a name"):
            lookup(key)

    @pytest.mark.parametrize("record_id", [5, None, b"kanae-doi"])
    def test_by_id_takes_a_str(self, release: Release, record_id: object) -> None:
        """``by_id`` of anything but a str is a TypeError naming what it got."""
        loose: Any = release
        with pytest.raises(TypeError, match=r"^Release.by_id\(\) takes a str, got "):
            loose.by_id(record_id)

    def test_by_id_not_found(self, release: Release) -> None:
        """``by_id`` of a str that is no id is still NotFoundError; ids are exact."""
        with pytest.raises(NotFoundError, match="no record matches 'Kanae Doi'"):
            release.by_id("Kanae Doi")


class TestResolvers:
    @pytest.mark.parametrize(
        "organization",
        [
            "CSW",
            "csw",
            "Christian Solidarity Worldwide",
            "christian-solidarity-worldwide",
            "Christian Solidarity Worldwide (CSW)",
        ],
    )
    def test_contacts_of_any_key(self, release: Release, organization: str) -> None:
        """``contacts_of`` takes any key that looks an organization up, its acronym in any case too."""
        assert ["contact-london"] == [c.id for c in release.contacts_of(organization)]

    def test_contacts_of_without_contacts(self, release: Release) -> None:
        """An organization without press contacts has none: an empty tuple, not an error."""
        assert () == release.contacts_of("FIDH")

    def test_contacts_of_nothing(self, release: Release) -> None:
        """A str that names no organization is NotFoundError, with suggestions."""
        with pytest.raises(NotFoundError) as info:
            release.contacts_of("Amnesty Internacional")
        assert (
            "no organization or person matches 'Amnesty Internacional'; did you mean 'Amnesty International'?",
            "Amnesty Internacional",
        ) == (str(info.value), info.value.key)

    @pytest.mark.parametrize("key", ["Nope", "violation-1", "open letter to Kim Jong-un"])
    def test_contacts_of_another_kind(self, release: Release, key: str) -> None:
        """A key of a claim, of the letter or of nothing names no organization and no person."""
        with pytest.raises(NotFoundError, match=f"^no organization or person matches {key!r}"):
            release.contacts_of(key)

    @pytest.mark.parametrize("key", ["kanae-doi", "Kanae Doi", "doi kanae"])
    def test_contacts_of_a_person(self, release: Release, key: str) -> None:
        """``contacts_of`` takes a person, or any key that looks one up, and gives that person's contacts."""
        doi = release.people.lookup("Kanae Doi")
        assert (["contact-tokyo"], ["contact-tokyo"]) == (
            [c.id for c in release.contacts_of(key)],
            [c.id for c in release.contacts_of(doi)],
        )

    def test_contacts_of_a_person_without_contacts(self, release: Release) -> None:
        """A person the release names but who is no press contact has none."""
        assert () == release.contacts_of(release.people.lookup("Kim Jong-un"))

    def test_contacts_of_blank(self, release: Release) -> None:
        """A blank str is a ValueError."""
        with pytest.raises(ValueError, match="blank"):
            release.contacts_of(" ")

    def test_limited_to_one_kind(self, release: Release) -> None:
        """A key that names an organization and a quote still finds the organization alone."""
        hrw = release.lookup("Human Rights Watch")
        namesake = attrs.evolve(release.quotes[0], id="quote-hrw", text="Human Rights Watch")
        crowded = attrs.evolve(release, quotes=(*release.quotes, namesake))
        with pytest.raises(AmbiguousKeyError):
            crowded.lookup("Human Rights Watch")
        assert (["contact-tokyo", "contact-bangkok"], hrw) == (
            [c.id for c in crowded.contacts_of("Human Rights Watch")],
            crowded.lookup("human-rights-watch"),
        )

    def test_organization_and_person_of_one_name(self, release: Release) -> None:
        """A key that names an organization and a person is ambiguous: neither is guessed."""
        namesake = attrs.evolve(release.people[2], id="hrw-person", name="Human Rights Watch", mentions=())
        crowded = attrs.evolve(release, people=(*release.people, namesake))
        with pytest.raises(
            AmbiguousKeyError, match=r"'hrw-person' \(Person\) and 'human-rights-watch' \(Organization\)"
        ):
            crowded.contacts_of("Human Rights Watch")

    def test_ambiguous_organization(self, release: Release) -> None:
        """A key that names two organizations raises AmbiguousKeyError listing both."""
        csw = release.members.lookup("CSW")
        doubled = attrs.evolve(release, other_organizations=(attrs.evolve(csw, id="csw-2", listed_as=None),))
        with pytest.raises(AmbiguousKeyError, match=r"'christian-solidarity-worldwide' .* and 'csw-2'"):
            doubled.contacts_of("CSW")

    @pytest.mark.parametrize("author", ["Tae Keung Ha", "ha tae keung", "ha-tae-keung"])
    def test_claims_by_a_name(self, release: Release, author: str) -> None:
        """``claims_by`` takes a person's name as lookup accepts it."""
        assert ["demand-2", "demand-basic-rights", "demand-3", "demand-4", "demand-5"] == [
            c.id for c in release.claims_by(author)
        ]

    def test_claims_by_the_letter_and_the_release(self, release: Release) -> None:
        """The letter by its title, and the release by its id or itself."""
        assert (7, STATEMENTS, STATEMENTS) == (
            len(release.claims_by("Open Letter to Kim Jong-un")),
            [c.id for c in release.claims_by(release.id)],
            [c.id for c in release.claims_by(release)],
        )

    def test_claims_by_nobody(self, release: Release) -> None:
        """A str that names no person and not the letter is NotFoundError, with suggestions."""
        with pytest.raises(NotFoundError) as info:
            release.claims_by("Kanae Dio")
        assert "no person or letter matches 'Kanae Dio'; did you mean 'Kanae Doi'?" == str(info.value)
        with pytest.raises(NotFoundError, match=r"^no person or letter matches 'CSW'$"):
            release.claims_by("CSW")


class TestGet:
    def test_found(self, release: Release) -> None:
        """``get`` returns the record a key names."""
        assert getattr(release.get("kiri@csw.org.uk"), "id", None) == "contact-london"

    def test_default(self, release: Release) -> None:
        """``get`` returns None, or the default given, when nothing matches."""
        sentinel = object()
        assert (None, sentinel) == (release.get("nothing here"), release.get("nothing here", sentinel))


class TestModuleLevel:
    def test_lookup(self, release: Release) -> None:
        """``icnk_letter.lookup`` looks up in the bundled release."""
        assert release.lookup("HH Katakomb") is icnk_letter.lookup("hh katakomb")

    def test_not_found(self) -> None:
        """``icnk_letter.lookup`` raises NotFoundError like the method."""
        with pytest.raises(icnk_letter.NotFoundError):
            icnk_letter.lookup("no such organization")


class TestRecordsLookup:
    def test_limited_to_collection(self, release: Release) -> None:
        """A collection only finds its own records: the coalition is not a member."""
        assert release.coalition == release.lookup("ICNK")
        with pytest.raises(NotFoundError):
            release.members.lookup("ICNK")
        assert release.members.get("ICNK") is None

    def test_typed_results(self, release: Release) -> None:
        """Lookups in a collection return records of its type."""
        member: Organization = release.members.lookup("fidh")
        contact: icnk_letter.Contact | None = release.contacts.get("+66 85 060 8406")
        claim: icnk_letter.Claim | str = release.claims.get("no such claim", "none")
        assert (member.acronym, getattr(contact, "id", None), claim) == ("FIDH", "contact-bangkok", "none")

    def test_each_collection(self, release: Release) -> None:
        """Every collection finds each of its records by id."""
        for collection in (release.members, release.people, release.contacts, release.quotes, release.claims):
            assert list(collection) == [collection.lookup(record.id) for record in collection]

    def test_filtered_collection(self, release: Release) -> None:
        """A filtered collection looks up only among what is left."""
        japan = release.members.filter(country="JP")
        assert japan.lookup("No Fence").id == "no-fence"
        with pytest.raises(NotFoundError, match="Amnesty"):
            japan.lookup("Amnesty International")

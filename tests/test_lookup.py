"""Lookup: ``Release.lookup``/``get``, ``icnk_letter.lookup`` and ``Records.lookup``/``get``."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import icnk_letter
from icnk_letter import AmbiguousKeyError, NotFoundError, Organization, Record, Records, Release

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

    @pytest.mark.parametrize("key", ["", "   ", "!!!", "Korea", "(.*)+", "\x00"])
    def test_no_match(self, release: Release, key: str) -> None:
        """Empty, blank, partial and odd keys match nothing and raise NotFoundError."""
        with pytest.raises(NotFoundError):
            release.lookup(key)
        assert release.get(key) is None

    def test_not_a_string(self, release: Release) -> None:
        """A key that is not a string is a TypeError naming its type."""
        with pytest.raises(TypeError, match="must be a str, got int"):
            release.lookup(42)  # type: ignore[arg-type]


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

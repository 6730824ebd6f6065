"""Search: ``Release.search``, ``icnk_letter.search`` and ``Records.search``, ranked and forgiving."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any, cast

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import icnk_letter
from icnk_letter import Claim, Hit, Organization, Record, Records, Release
from icnk_letter._records import _INDEXES  # pyright: ignore[reportPrivateUsage]

RELEASE = icnk_letter.load()

# Text a user might paste: anything at all, and the characters regular expressions treat specially.
REGEX_SYNTAX = st.text(alphabet=list(".^$*+?{}[]\\|()-&'\"/ \t\n"), min_size=1, max_size=40)
WORDS = st.sampled_from(
    [
        "human",
        "rights",
        "north",
        "korea",
        "camps",
        "prison",
        "watch",
        "amnesty",
        "the",
        "of",
        "rok",
        "zz",
        "a",
    ]
)


def ids(hits: tuple[Hit[Record], ...] | tuple[Hit[Organization], ...] | tuple[Hit[Claim], ...]) -> list[str]:
    return [hit.record.id for hit in hits]


def typos(name: str) -> Iterator[tuple[str, str]]:
    """Every one-character typo of *name*: deletions, substitutions, insertions, transpositions."""
    for i, char in enumerate(name):
        yield "delete", name[:i] + name[i + 1 :]
        yield "substitute", name[:i] + ("q" if char.lower() == "x" else "x") + name[i + 1 :]
        yield "insert", name[:i] + "x" + name[i:]
        if i + 1 < len(name) and char != name[i + 1]:
            yield "transpose", name[:i] + name[i + 1] + char + name[i + 2 :]
    yield "insert", name + "x"


class TestQueries:
    @pytest.mark.parametrize("query", ["", " ", "\t\n", "\u3000"])
    def test_blank_query_is_an_error(self, release: Release, query: str) -> None:
        """An empty or blank query raises ValueError instead of returning everything."""
        with pytest.raises(ValueError, match="empty"):
            release.search(query)

    def test_not_a_string(self, release: Release) -> None:
        """A query that is not a string is a TypeError naming its type."""
        with pytest.raises(TypeError, match="must be a str, got bytes"):
            release.search(b"amnesty")  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]

    @settings(max_examples=200, deadline=None)
    @given(st.text(min_size=1).filter(str.strip))
    def test_never_raises_on_any_text(self, query: str) -> None:
        """Any non-blank text gives a tuple of hits (maybe empty), never an exception."""
        assert isinstance(RELEASE.search(query), tuple)

    @settings(max_examples=100, deadline=None)
    @given(REGEX_SYNTAX.filter(str.strip))
    def test_regex_syntax_is_plain_text(self, query: str) -> None:
        """Regular expression syntax is searched for as text, never compiled."""
        assert isinstance(RELEASE.search(query), tuple)

    @pytest.mark.parametrize(
        "query",
        [
            "(.*)+",
            "[",
            "\\",
            "*",
            "\x00\x01\x7f",
            "\U0001f600 \u200b \ufeff",
            "\u202e\u0301",
            "\ud800 amnesty\udfff",  # lone surrogates
            "a" * 1_000,  # the longest query accepted
            "amnesty " * 125,
            "".join(chr(c) for c in range(32, 1032)),
        ],
    )
    def test_odd_queries(self, release: Release, query: str) -> None:
        """Control characters, emoji, regex syntax and 1,000 characters (the limit) return normally."""
        assert isinstance(release.search(query), tuple)

    def test_nothing_matches(self, release: Release) -> None:
        """A query like nothing in the release returns an empty tuple."""
        assert release.search("xyzzy qwv") == ()


class TestMatching:
    def test_words_in_any_order(self, release: Release) -> None:
        """Query words match in any order."""
        assert ids(release.search("Human Rights Watch"))[0] == ids(release.search("watch human rights"))[0]

    def test_prefixes(self, release: Release) -> None:
        """A query word may be the start of a word of the record."""
        assert release.search("amnes intern")[0].record.id == "amnesty-international"

    def test_normalized_like_lookup(self, release: Release) -> None:
        """Words are compared after the normalization of lookup."""
        assert ids(release.search("young defectors alliance")) == ids(
            release.search("YOUNG DEFECTORS\u2019 ALLIANCE")
        )

    @pytest.mark.parametrize(
        ("query", "expected_id"),
        [
            ("Amnesty Internacional", "amnesty-international"),  # substitution
            ("Amnsety", "amnesty-international"),  # transposition
            ("Kontas", "kontras"),  # deletion
            ("Odhikkar", "odhikar"),  # insertion
            ("humen rihgts watch", "human-rights-watch"),  # one typo in each of several words
            ("Wiesentahl Centre", "the-simon-wiesenthal-center"),  # a typo and a British spelling
            ("malnutriton", "violation-4"),
            ("Kankhwnede", "kiri-kankhwende"),
        ],
    )
    def test_typos(self, release: Release, query: str, expected_id: str) -> None:
        """A word within one edit (short words) or two (long words) still matches, first here."""
        assert expected_id == release.search(query)[0].record.id

    def test_two_edits_only_for_long_words(self, release: Release) -> None:
        """Two typos in a short word are too many; in a long word they are not."""
        assert "kontras" not in ids(release.search("Kxtnras"))
        assert {
            "asian-federation-against-involuntary-disappearances",
            "international-federation-for-human-rights",
        } == set(ids(release.search("Fedaretion", limit=2)))

    def test_short_words_are_not_fuzzy(self, release: Release) -> None:
        """A word of two characters matches exactly or as a prefix, never with a typo."""
        assert [hit for hit in release.search("qz") if hit.score < 0.6] == []

    def test_numbers_are_not_fuzzy(self, release: Release) -> None:
        """A different number is not a typo: "24.6 million" does not find 24.5 million."""
        assert "violation-3" not in ids(release.search("24.6"))

    @pytest.mark.parametrize(
        ("query", "expected_ids"),
        [
            ("prison camps", ["demand-4", "violation-1", "statement-4", "violation-2"]),
            ("malnutrition", ["violation-4"]),
            ("24.5 million", ["violation-3"]),
            ("200,000", ["violation-1"]),
            ("labor camps", ["violation-1", "demand-4", "statement-4"]),
            ("labour camps", ["violation-1", "demand-4", "statement-4"]),
            ("guilt by association", ["violation-2"]),
        ],
    )
    def test_claims_by_their_text(self, release: Release, query: str, expected_ids: list[str]) -> None:
        """Claims are found by their words and figures, in British or American spelling."""
        assert expected_ids == ids(release.search(query, kind=Claim))

    def test_phones_emails_and_cities(self, release: Release) -> None:
        """Contacts are found by a phone number in any writing, an email address, or a city."""
        assert [
            release.search("tel:+81-90-2301-4372")[0].record.id,
            release.search("kiri@csw.org.uk")[0].record.id,
            release.search("seoul")[0].record.id,
        ] == ["contact-tokyo", "contact-london", "contact-seoul"]


class TestRanking:
    def test_exact_name_or_acronym_first(self, release: Release) -> None:
        """An exact match of a whole name or acronym scores 1.0 and comes first."""
        hits = release.search("FIDH")
        assert (
            hits[0].record.id,
            hits[0].score,
            hits[0].field,
            hits[0].matched,
        ) == ("international-federation-for-human-rights", 1.0, "acronym", "FIDH")
        assert all(hit.score < 1.0 for hit in hits[1:])

    def test_bands(self, release: Release) -> None:
        """All words in a name rank above matches in other fields, which rank above typos."""
        in_name = release.search("Kanae", kind="people")[0]
        in_other_fields = release.search("Kanae", kind="contacts")[0]
        fuzzy = release.search("Kanea", kind="people")[0]
        assert [in_name.field, in_other_fields.field, fuzzy.field] == ["name", "person", "name"]
        assert 1.0 > in_name.score >= 0.8 > in_other_fields.score >= 0.6 > fuzzy.score >= 0.4

    def test_name_before_other_fields(self, release: Release) -> None:
        """A record whose name holds the words outranks one where they are in other fields."""
        assert ids(release.search("kanae doi")) == ["kanae-doi", "contact-tokyo"]

    def test_fuller_match_first(self, release: Release) -> None:
        """Among names that hold all the words, the one the query covers best comes first."""
        assert ids(release.search("human rights", kind=Organization, limit=2)) == [
            "human-rights-watch",
            "human-rights-without-frontiers",
        ]

    def test_partial_matches_last(self, release: Release) -> None:
        """Records matching only some of several words follow every full match."""
        hits = release.search("north korea radio")
        assert hits[0].record.id == "free-north-korea-radio"
        assert all(hit.score < 0.4 for hit in hits[1:])

    def test_name_reported_on_a_tie_with_the_acronym(self, release: Release) -> None:
        """When the name and the acronym match a mistyped word equally well, the hit reports the name."""
        kontras = release.members.lookup("kontras")
        hits = Records([attrs.evolve(kontras, acronym="KontraS")]).search("kontars")
        assert [("name", "Kontras")] == [(hit.field, hit.matched) for hit in hits]

    @settings(max_examples=60, deadline=None)
    @given(st.lists(WORDS, min_size=1, max_size=3).map(" ".join))
    def test_sorted_deterministically(self, query: str) -> None:
        """Hits come best first, ties in printed order, and the same query gives the same tuple."""
        hits = RELEASE.search(query)
        assert hits == RELEASE.search(query)
        keys = [(-hit.score, hit.record.span.start) for hit in hits]
        assert sorted(keys) == keys

    def test_scores_in_range_and_fields_real(self, release: Release) -> None:
        """Scores are between 0 and 1 and name a field of the record that holds the matched value."""
        for query in ("human", "korea", "rok", "english", "2012", "+82", "hrw"):
            for hit in release.search(query):
                assert 0.0 < hit.score <= 1.0
                value: object = getattr(hit.record, hit.field)
                if isinstance(value, tuple):
                    items = cast("tuple[object, ...]", value)
                    assert hit.matched in [getattr(item, "as_printed", item) for item in items]
                else:
                    assert hit.matched == value


class TestTypoInEveryName:
    def test_every_organization_with_one_typo(self, release: Release) -> None:
        """Every organization's name with any one-character typo finds it among the first three hits."""
        missed: list[tuple[str, str, str]] = []
        for org in release.organizations:
            for kind, query in typos(org.name):
                if org not in [hit.record for hit in release.search(query, limit=3)]:
                    missed.append((org.name, kind, query))
        assert missed == []

    def test_every_person_with_one_typo(self, release: Release) -> None:
        """Every person's name with any one-character typo finds them first."""
        missed = [
            query
            for person in release.people
            for _, query in typos(person.name)
            if release.search(query, kind="people")[0].record != person
        ]
        assert missed == []


class TestKindAndLimit:
    @pytest.mark.parametrize("kind", [Organization, "organizations", "Organization", " ORGANIZATION "])
    def test_kind(self, release: Release, kind: type[Organization] | str) -> None:
        """``kind`` narrows the search, given as a class or by name."""
        hits = release.search("korea", kind=kind)
        assert hits
        assert all(isinstance(hit.record, Organization) for hit in hits)

    def test_typed_by_kind(self, release: Release) -> None:
        """A search narrowed by a class is typed by it."""
        hits: tuple[Hit[Organization], ...] = release.search("lawyers", kind=Organization)
        assert [hit.record.name for hit in hits][:1] == ["Christian Lawyers Association for Paraguay"]

    def test_unknown_kind(self, release: Release) -> None:
        """An unknown kind name is a ValueError listing every valid one, "people" included."""
        with pytest.raises(ValueError, match="bogus") as info:
            release.search("korea", kind="bogus")
        assert (
            "unknown kind 'bogus'; use a record class or one of 'organizations', 'members', 'people', "
            "'contacts', 'claims', 'quotes', 'letters'"
        ) == str(info.value)

    @pytest.mark.parametrize("kind", ["people", "person", "persons", "People"])
    def test_people(self, release: Release, kind: str) -> None:
        """ "people" and its other spellings narrow a search to people."""
        assert ["kanae-doi"] == [hit.record.id for hit in release.search("kanae", kind=kind)]

    @pytest.mark.parametrize("kind", ["members", "member", " Members "])
    def test_members(self, release: Release, kind: str) -> None:
        """ "members" narrows a search to the member list: not the coalition, not the ICRC."""
        members = release.search("international", kind=kind)
        organizations = release.search("international", kind="organizations")
        assert [hit.record.id for hit in organizations if hit.record in release.members] == [
            hit.record.id for hit in members
        ]
        assert len(members) < len(organizations)

    def test_bad_kind_type(self, release: Release) -> None:
        """A kind that is neither a record class nor a name is a TypeError."""
        not_a_kind: Any = int
        with pytest.raises(TypeError, match="kind must be"):
            release.search("korea", kind=not_a_kind)

    def test_limit(self, release: Release) -> None:
        """``limit`` keeps the best hits; 0 keeps none."""
        everything = release.search("human")
        assert (everything[:3], ()) == (release.search("human", limit=3), release.search("human", limit=0))

    @pytest.mark.parametrize(("limit", "error"), [(-1, ValueError), (True, TypeError), (2.5, TypeError)])
    def test_bad_limit(self, release: Release, limit: object, error: type[Exception]) -> None:
        """A negative or non-integer limit is an error naming it."""
        with pytest.raises(error, match="limit"):
            release.search("human", limit=limit)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]


class TestModuleAndCollections:
    def test_module_level_search(self, release: Release) -> None:
        """``icnk_letter.search`` searches the bundled release."""
        assert release.search("camps", kind="claims") == icnk_letter.search("camps", kind="claims")

    def test_records_search_limited(self, release: Release) -> None:
        """A collection's search only returns its own records."""
        hits = release.members.search("coalition")
        assert ids(hits) == ["north-korea-freedom-coalition"]
        claim_hits: tuple[Hit[Claim], ...] = release.claims.search("monitors")
        assert ids(claim_hits) == ["demand-3", "demand-7"]

    def test_records_search_blank(self, release: Release) -> None:
        """A collection refuses a blank query too."""
        with pytest.raises(ValueError, match="empty"):
            release.people.search("  ")

    def test_records_known_only_by_id(self, release: Release) -> None:
        """A collection of records of no searchable kind (the discrepancies) is searched and looked up by id."""
        discrepancies = Records(release.discrepancies)
        first = discrepancies[0]
        assert (first, "member-count", "id") == (
            discrepancies.lookup("Member Count"),
            discrepancies.search("count")[0].record.id,
            discrepancies.search("count")[0].field,
        )


class TestIndexes:
    def test_built_once_per_release(self, release: Release) -> None:
        """The release's index is built once and reused by every call."""
        from icnk_letter._search import index_of

        release.search("amnesty")
        assert index_of(release) is index_of(release)

    def test_built_once_per_collection(self, release: Release) -> None:
        """A collection's index is built once and reused by every call."""
        release.members.search("amnesty")
        first = _INDEXES[id(release.members)]
        release.members.lookup("FIDH")
        release.members.get("kontras")
        assert first is _INDEXES[id(release.members)]

    def test_bare_import_builds_nothing(self) -> None:
        """``import icnk_letter`` imports none of the search, normalization and filter code."""
        code = (
            "import sys, icnk_letter; "
            "print(sorted(m for m in ('icnk_letter._search', 'icnk_letter._normalize', 'icnk_letter._filters') "
            "if m in sys.modules))"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == "[]"

    def test_first_search_imports_it(self) -> None:
        """The search code is imported by the first lookup, and the lookup works."""
        code = "import sys, icnk_letter; print(icnk_letter.lookup('FIDH').id, 'icnk_letter._search' in sys.modules)"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert result.stdout.split() == ["international-federation-for-human-rights", "True"]

"""Regression tests for findings 1 to 9 of issue 11: hostile input to loading, verify() and search."""

from __future__ import annotations

import copy
import datetime
import json
import unicodedata
from typing import Any

import attrs
import pytest

import icnk_letter
from icnk_letter import DataError, Release, _cli
from icnk_letter._errors import MAX_PROBLEM_LENGTH, MAX_PROBLEMS
from icnk_letter._normalize import normalize
from icnk_letter._search import MAX_FUZZY_WORD_LENGTH, MAX_QUERY_LENGTH, Index
from icnk_letter._unicode import UNICODE_VERSION, escape_line, is_assigned, mask_unassigned
from icnk_letter._verify import read_figure
from tests.crafted import crafted_json

BUNDLED: dict[str, Any] = icnk_letter.to_dict(icnk_letter.load())


def data() -> dict[str, Any]:
    """A fresh copy of the bundled release as plain data."""
    return copy.deepcopy(BUNDLED)


def claim(value: dict[str, Any], claim_id: str) -> dict[str, Any]:
    """Return the claim *claim_id* of the plain data *value*."""
    found: dict[str, Any] = next(c for c in value["claims"] if c["id"] == claim_id)
    return found


def problems_of(value: Any) -> tuple[str, ...]:
    """Return the problems of the DataError that from_dict raises for *value*."""
    with pytest.raises(DataError) as info:
        icnk_letter.from_dict(value)
    return info.value.problems


def assert_sound_message(error: DataError) -> None:
    """Every problem is one printable line, and the whole message can be written as UTF-8."""
    for problem in error.problems:
        assert problem == escape_line(problem)
        assert "\n" not in problem
    str(error).encode("utf-8")
    assert len(str(error).splitlines()) <= 2 + MAX_PROBLEMS


class TestQuadraticVerify:
    """Finding 1: verify() counted the covering records of every line with list.count()."""

    def test_many_members_on_one_line(self) -> None:
        """Thousands of members on one line give a capped, printable DataError."""
        with pytest.raises(DataError) as info:
            icnk_letter.from_json(crafted_json(500_000, sound=False))
        message = str(info.value)
        assert MAX_PROBLEMS == len(info.value.problems)
        assert "more" in message.splitlines()[-1]
        assert len(message) < (MAX_PROBLEMS + 2) * (MAX_PROBLEM_LENGTH + 3)
        assert_sound_message(info.value)

    def test_many_sound_members(self) -> None:
        """A sound release with thousands of members loads."""
        release = icnk_letter.from_json(crafted_json(500_000))
        assert len(release.members) > 1000


class TestIndexBomb:
    """Finding 2: the search index stored every deletion of every word, however long."""

    def test_long_word(self, release: Release) -> None:
        """A name of one 1,200-letter word is found by prefix, without typo variants of it."""
        word = "abcdefghij" * 120
        org = attrs.evolve(release.members[0], name=word, acronym=None, listed_as=None, mentions=())
        index = Index([org])
        deletes: dict[str, list[str]] = index._deletes  # pyright: ignore[reportPrivateUsage]
        assert all(len(variant) <= MAX_FUZZY_WORD_LENGTH for variant in deletes)
        assert [org] == [hit.record for hit in index.search(word[:MAX_QUERY_LENGTH])]

    def test_words_up_to_the_cap_match_typos(self, release: Release) -> None:
        """A word at the cap still matches with a typo."""
        word = "abcdefghijklmnopqrstuvwx"
        assert MAX_FUZZY_WORD_LENGTH == len(word)
        org = attrs.evolve(release.members[0], name=word, acronym=None, listed_as=None, mentions=())
        assert [org] == [hit.record for hit in Index([org]).search(word[:10] + "z" + word[11:])]


class TestDotlessI:
    """Finding 3: "m\\u0131llion" matched the figure pattern, then its scale word was no key."""

    def test_read_figure(self) -> None:
        """A dotless i does not make a scale word."""
        figure = read_figure("3 m\u0131llion")
        assert figure is not None
        assert 3 == figure[0]
        assert read_figure("\u212a") is None  # the Kelvin sign is no letter of a number word

    def test_from_dict(self) -> None:
        """A figure with one is a DataError."""
        value = data()
        claim(value, "violation-3")["quantity"]["as_printed"] = "24.5 m\u0131llion people"
        assert any("as_printed" in problem for problem in problems_of(value))


class TestHugeIntegers:
    """Finding 4: integers of over 4,300 digits broke the formatting of messages."""

    @pytest.mark.parametrize(
        "path",
        ["stated_organization_count", "members.0.span.start", "claims.0.quantity.value", "title_span.end"],
    )
    def test_in_the_data(self, path: str) -> None:
        """A huge integer anywhere is a DataError that says so."""
        value = data()
        *parents, last = path.split(".")
        target: Any = value
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = 10**5000
        (problem,) = problems_of(value)
        assert "digits" in problem

    def test_the_data_itself(self) -> None:
        """from_dict(10**5000) is a DataError."""
        assert ("$: expected an object (Release), got the number an integer of about 5001 digits",) == (
            problems_of(10**5000)
        )

    def test_verify_and_export(self, release: Release) -> None:
        """verify(), export() and to_json() refuse a release that holds one."""
        huge = attrs.evolve(release, stated_organization_count=10**5000)
        with pytest.raises(DataError, match="out of range"):
            icnk_letter.verify(huge)
        with pytest.raises(DataError, match="out of range"):
            icnk_letter.export(huge, "json")
        with pytest.raises(DataError, match="out of range"):
            icnk_letter.to_json(huge)


class TestEvolvedTypes:
    """Finding 4's cousins: verify(), export() and to_json() of releases holding values of any type."""

    def test_wrong_types(self, release: Release) -> None:
        """Each value of the wrong type is a problem naming its path and the type expected."""
        # attrs.evolve() checks no type at run time: Any stands for a caller without a type checker.
        untyped: Any = release
        member = attrs.evolve(untyped.members[0], span=None)
        broken = attrs.evolve(
            untyped,
            title=5,
            date=datetime.datetime(2012, 1, 9),
            stated_organization_count=True,
            discrepancies=list(release.discrepancies),
            letter=attrs.evolve(release.letter, title="\ud800"),
            members=[member, *release.members[1:]],
        )
        expected = (
            "date: expected date, got datetime",
            "discrepancies: expected a tuple, got list",
            "letter (open-letter).title: not valid Unicode (a lone surrogate)",
            "members[0] (advocates-international-global-council).span: expected Span, got NoneType",
            "stated_organization_count: expected int, got bool",
            "title: expected str, got int",
        )
        for call in (icnk_letter.verify, icnk_letter.to_json):
            with pytest.raises(DataError) as info:
                call(broken)
            assert expected == info.value.problems
        with pytest.raises(DataError) as info:
            icnk_letter.export(broken, "csv-members")
        assert expected == info.value.problems

    def test_an_enum_is_no_str(self, release: Release) -> None:
        """A str field holding an enum member is refused, as JSON could not hold one."""
        broken = attrs.evolve(release, dateline=icnk_letter.PhoneKind.MOBILE)
        with pytest.raises(DataError, match="dateline: expected str, got PhoneKind"):
            icnk_letter.verify(broken)

    def test_other_values_pass(self) -> None:
        """to_json of what is not a record is not checked."""
        assert '"mobile"' == icnk_letter.to_json(icnk_letter.PhoneKind.MOBILE)


class TestDeepDuplicates:
    """Finding 5: the walk that names duplicate keys recursed without a guard."""

    def test_duplicate_next_to_deep_array(self) -> None:
        """A duplicate key beside an array nested as deeply as the parser allows is a DataError."""
        depth = 2000
        while True:
            text = '{"a": ' + "[" * depth + "]" * depth + ', "a": 1}'
            try:
                json.loads(text)
            except RecursionError:
                depth -= 100
            else:
                break
        with pytest.raises(DataError, match="a: duplicate key"):
            icnk_letter.from_json(text)


class TestForgedMessages:
    """Finding 6: object keys went raw into problem lines."""

    def test_newline_in_a_key(self) -> None:
        """A key holding a line break adds no problem line."""
        with pytest.raises(DataError) as info:
            icnk_letter.from_json(
                '{"start": 0, "end": 0, "quote": "", "\\n  members[0].name: forged": 1}', icnk_letter.Span
            )
        (problem,) = info.value.problems
        assert problem.startswith("['\\n  members[0].name: forged']: unknown key (Span has no field")
        assert 2 == len(str(info.value).splitlines())

    def test_lone_surrogate_in_a_key(self) -> None:
        """A lone surrogate in a key leaves the message printable."""
        value = data()
        value["members"][0]["\ud800"] = 1
        with pytest.raises(DataError) as info:
            icnk_letter.from_dict(value)
        assert_sound_message(info.value)
        assert "['\\ud800']" in str(info.value)

    def test_duplicate_odd_key(self) -> None:
        """A duplicate key is escaped in its path too."""
        with pytest.raises(DataError) as info:
            icnk_letter.from_json('{"x": {"a\\nb": 1, "a\\nb": 2}}')
        assert ("x['a\\nb']: duplicate key (JSON objects must not repeat a key)",) == info.value.problems

    def test_values_are_escaped(self) -> None:
        """A value with control characters is escaped in the line that shows it."""
        error = DataError(["name: 'a\u2028b\x1bc'"])
        assert ("name: 'a\\u2028b\\x1bc'",) == error.problems

    def test_long_lines_are_cut(self) -> None:
        """A problem longer than the limit ends in an ellipsis."""
        (problem,) = DataError(["x" * 10_000]).problems
        assert MAX_PROBLEM_LENGTH == len(problem)
        assert problem.endswith("...")


class TestContradictions:
    """Finding 7: data that contradicts the text was accepted."""

    def test_contact_person(self) -> None:
        """A contact whose person is not the one its paragraph prints is refused."""
        value = data()
        value["contacts"][1]["person"] = "phil-robertson"
        assert any("contacts[1] (contact-tokyo).person" in p for p in problems_of(value))

    def test_contact_organization(self) -> None:
        """A contact whose organization is not the one its paragraph prints is refused."""
        value = data()
        value["contacts"][2]["organization"] = "human-rights-watch"
        assert any("contacts[2] (contact-london).organization" in p for p in problems_of(value))

    def test_unknown_country(self) -> None:
        """ZZ is not an ISO 3166-1 code."""
        value = data()
        value["contacts"][0]["country"] = "ZZ"
        assert "contacts[0] (contact-seoul).country: 'ZZ' is not an ISO 3166-1 alpha-2 code" in problems_of(
            value
        )

    def test_country_code_of_the_number(self) -> None:
        """A Tokyo number with +44 disagrees with the contact's country."""
        value = data()
        value["contacts"][2]["country"] = "JP"
        assert (
            "contacts[2] (contact-london).phones[0].e164: +442083290045 does not start with +81,"
            " the country code of JP"
        ) in problems_of(value)

    def test_letter_title(self) -> None:
        """The letter's title must quote its span."""
        value = data()
        value["letter"]["title"] = "a letter"
        assert any(p.startswith("letter (open-letter).title:") for p in problems_of(value))

    @pytest.mark.parametrize("index", [1, 2])
    def test_names_swapped(self, index: int) -> None:
        """Family and given names swapped are refused, for either order of writing."""
        value = data()
        person = value["people"][index]
        person["family_name"], person["given_name"] = person["given_name"], person["family_name"]
        assert any("printed places" in p for p in problems_of(value))

    def test_discrepancy_ids(self) -> None:
        """Two discrepancies with one id are refused."""
        value = data()
        value["discrepancies"][1]["id"] = value["discrepancies"][0]["id"]
        assert any(p.startswith("discrepancies[1] (member-count).id") for p in problems_of(value))

    def test_discrepancy_id_of_a_record(self) -> None:
        """A discrepancy may not take the id of a record either."""
        value = data()
        value["discrepancies"][0]["id"] = "amnesty-international"
        assert any(p.startswith("discrepancies[0] (amnesty-international).id") for p in problems_of(value))

    def test_unit(self) -> None:
        """A unit the package does not know is refused."""
        value = data()
        claim(value, "violation-3")["quantity"]["unit"] = "furlongs"
        assert any("quantity.unit: 'furlongs' is not a unit" in p for p in problems_of(value))

    @pytest.mark.parametrize("path", [("coalition", "mentions"), ("people", 1, "affiliations")])
    def test_missing_keys(self, path: tuple[str | int, ...]) -> None:
        """A key left out is an error, even for a field with a default."""
        value = data()
        target: Any = value
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]
        where = "coalition.mentions" if path[0] == "coalition" else "people[1].affiliations"
        assert (f"{where}: required key is missing",) == problems_of(value)

    def test_description_elsewhere(self) -> None:
        """A description must follow the person's name, not just appear somewhere."""
        value = data()
        value["people"][1]["description"] = "Human Rights Watch"
        assert any("people[1] (ha-tae-keung).description" in p for p in problems_of(value))


class TestUnicodeVersion:
    """Finding 8: results depended on the Unicode database of the running Python."""

    def test_search(self) -> None:
        """A character newer than Unicode 13.0 separates words, on every Python."""
        assert "amnesty-international" == icnk_letter.search("amnesty\U00011f50")[0].record.id
        assert "amnesty" == normalize("amnesty\U00011f50")

    def test_digit(self, release: Release) -> None:
        """A Kawi digit (Unicode 15) is no digit of a phone number, on every Python."""
        phone = release.contacts[2].phones[0]
        value = icnk_letter.to_dict(phone)
        value["international"] += "\U00011f50"
        assert "\U00011f50" in icnk_letter.from_dict(value, icnk_letter.Phone).international

    def test_messages(self) -> None:
        """Such a character is escaped in a message."""
        assert ("x: \\U00011f50",) == DataError(["x: \U00011f50"]).problems

    def test_table(self) -> None:
        """The table agrees with this Python: exactly on Unicode 13.0, a subset of newer ones."""
        version = unicodedata.unidata_version
        for code in range(0x110000):
            char = chr(code)
            assigned = unicodedata.category(char) != "Cn"
            if version == UNICODE_VERSION or is_assigned(char):
                assert assigned == is_assigned(char), hex(code)

    def test_mask(self) -> None:
        """Masking keeps assigned characters and replaces the others, in every plane."""
        assert "caf\u00e9   \U0001f600  " == mask_unassigned("caf\u00e9 \u0378 \U0001f600 \U00031350")


class TestUnboundedQueries:
    """Finding 9: queries and lookup keys had no length limit."""

    @pytest.mark.parametrize("method", ["search", "lookup", "get", "contacts_of"])
    def test_long_queries(self, release: Release, method: str) -> None:
        """A query over the limit is a ValueError naming the limit, before NFKC expands it."""
        with pytest.raises(ValueError, match="the limit is 1000 characters"):
            getattr(release, method)("\ufdfa" * 1_000_000)

    def test_module_functions(self) -> None:
        """The module-level search and lookup have the limit too."""
        with pytest.raises(ValueError, match="the limit is 1000 characters"):
            icnk_letter.search("a" * 1001)
        with pytest.raises(ValueError, match="the limit is 1000 characters"):
            icnk_letter.lookup("a" * 1001)

    def test_at_the_limit(self) -> None:
        """A query at the limit is searched."""
        assert () == icnk_letter.search("q" * MAX_QUERY_LENGTH)

    def test_cli_preview(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The command line echoes a long key as a short preview."""
        assert 1 == _cli.main(["show", "x" * 900])
        (line,) = capsys.readouterr().err.splitlines()
        assert (
            "icnk-letter: no record matches 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... (900 characters)"
            == line
        )

    def test_cli_search_preview(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A search without hits echoes a preview too."""
        assert 1 == _cli.main(["search", "q" * 900])
        assert "icnk-letter: nothing matches 'qqqq" in capsys.readouterr().err

    def test_cli_too_long(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A key over the limit is a usage error."""
        assert 2 == _cli.main(["show", "x" * 1001])
        assert "the limit is 1000 characters" in capsys.readouterr().err

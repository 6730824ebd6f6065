"""Plain data and JSON: lossless round trips, stable output and strict loading."""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from typing import Any, cast

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import icnk_letter
from icnk_letter import DataError, Organization, Records, Release

from .strategies import PUBLIC_CLASSES, consistent_releases, organizations, records_of, releases

if sys.version_info >= (3, 12):
    from importlib.resources import files
else:
    from importlib_resources import files

BUNDLED = icnk_letter.to_json(icnk_letter.load())
SCHEMA = json.loads(files("icnk_letter").joinpath("data", "release.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
EXAMPLES = settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def schema_errors(instance: Any, definition: str | None = None) -> list[str]:
    """What the shipped JSON Schema (or one of its *definition*s, such as "Span") finds wrong with *instance*."""
    validator = VALIDATOR
    if definition is not None:
        part = {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{definition}"}
        validator = jsonschema.Draft202012Validator(part, format_checker=VALIDATOR.format_checker)
    errors = validator.iter_errors(instance)  # pyright: ignore[reportUnknownMemberType]
    return [error.message for error in errors]


def bundled() -> dict[str, Any]:
    """A fresh copy of the bundled release as plain data (with its text)."""
    data: dict[str, Any] = json.loads(BUNDLED)
    return data


class TestRoundTrip:
    @pytest.mark.parametrize("cls", list(PUBLIC_CLASSES), ids=lambda cls: cls.__name__)
    def test_every_public_class(self, cls: type) -> None:
        """from_json(to_json(x), type(x)) == x, and from_dict(to_dict(x)) == x, for any x."""

        @EXAMPLES
        @given(PUBLIC_CLASSES[cls])
        def check(value: object) -> None:
            assert type(value) is cls
            # An instance of one of the public classes, each of which to_json() and to_dict() take.
            item: Any = value
            kind: type[Any] = cls
            assert item == icnk_letter.from_json(icnk_letter.to_json(item), kind)
            assert item == icnk_letter.from_json(icnk_letter.to_json(item, indent=2), kind)
            assert item == icnk_letter.from_dict(icnk_letter.to_dict(item), kind)
            if cls.__name__ in SCHEMA["$defs"]:
                assert schema_errors(icnk_letter.to_dict(item), cls.__name__) == []

        check()

    @EXAMPLES
    @given(records_of(organizations))
    def test_records(self, records: Records[Organization]) -> None:
        """Records round-trip when asked for with their item type, and stay Records."""
        loaded = icnk_letter.from_json(icnk_letter.to_json(records), Records[Organization])
        assert records == loaded
        assert type(loaded) is Records

    @EXAMPLES
    @given(releases())
    def test_arbitrary_releases_through_the_converter(self, release: Release) -> None:
        """Any well-typed release survives the JSON; from_json refuses the unsound ones with DataError."""
        text = icnk_letter.to_json(release)
        assert release == icnk_letter.converter.structure(json.loads(text), Release)
        assert schema_errors(json.loads(text)) == []
        try:
            loaded = icnk_letter.from_json(text)
        except DataError as err:
            problems = err.problems
        else:
            assert loaded == release
            return
        assert problems

    @EXAMPLES
    @given(consistent_releases())
    def test_consistent_releases(self, release: Release) -> None:
        """A sound release round-trips through from_json, integrity check included."""
        icnk_letter.verify(release)
        assert release == icnk_letter.from_json(icnk_letter.to_json(release))
        assert schema_errors(icnk_letter.to_dict(release)) == []
        assert release == icnk_letter.from_dict(icnk_letter.to_dict(release))

    def test_bundled(self, release: Release) -> None:
        """The bundled release round-trips, as str and as UTF-8 bytes."""
        assert release == icnk_letter.from_json(BUNDLED)
        assert release == icnk_letter.from_json(BUNDLED.encode("utf-8"))


class TestStableOutput:
    def test_key_order_is_field_order(self, release: Release) -> None:
        """Keys come in the classes' field order, with the documented snake_case names."""
        data = bundled()
        assert list(data) == [field.name for field in attrs.fields(Release)]
        assert list(data["contacts"][0]["phones"][0]) == [
            "as_printed",
            "e164",
            "kind",
            "international",
            "span",
        ]

    def test_values(self, release: Release) -> None:
        """Dates are ISO 8601, enums their string values, and the text is included."""
        data = bundled()
        assert (data["date"], data["schema_version"]) == ("2012-01-09", icnk_letter.SCHEMA_VERSION)
        assert data["contacts"][1]["phones"][1]["kind"] == "mobile"
        assert data["claims"][0]["kind"] == "statement"
        assert data["text"] == release.text

    def test_to_dict_is_the_json(self, release: Release) -> None:
        """to_dict gives exactly the data that to_json writes."""
        assert icnk_letter.to_dict(release) == json.loads(icnk_letter.to_json(release))

    def test_same_bytes_every_time(self, release: Release) -> None:
        """A new, equal release gives the same bytes."""
        again = icnk_letter.from_json(BUNDLED)
        assert again is not release
        assert icnk_letter.to_json(again) == BUNDLED
        assert icnk_letter.to_json(again, indent=2) == icnk_letter.to_json(release, indent=2)

    def test_compact_and_indented(self) -> None:
        """Without indent the JSON has no spaces between tokens; with it, one item per line."""
        span = icnk_letter.Span(1, 3, "é,")
        assert icnk_letter.to_json(span) == '{"start":1,"end":3,"quote":"é,"}'
        assert icnk_letter.to_json(span, indent=1) == '{\n "start": 1,\n "end": 3,\n "quote": "é,"\n}'


class TestJsonSchema:
    def test_schema_is_valid(self) -> None:
        """The shipped schema is a valid JSON Schema (2020-12)."""
        jsonschema.Draft202012Validator.check_schema(SCHEMA)

    def test_bundled_data_file(self) -> None:
        """The bundled data file validates."""
        data = json.loads(files("icnk_letter").joinpath("data", "release.json").read_text(encoding="utf-8"))
        assert schema_errors(data) == []

    def test_to_json_output(self) -> None:
        """to_json of the bundled release validates (arbitrary releases: see TestRoundTrip)."""
        assert schema_errors(bundled()) == []

    def test_schema_matches_the_classes(self) -> None:
        """Every definition has exactly the fields of its class, required unless they have a default."""
        definitions = {"Release": SCHEMA, **SCHEMA["$defs"]}
        for name, definition in definitions.items():
            cls = getattr(icnk_letter, name)
            fields = attrs.fields(cls)
            assert list(definition["properties"]) == [f.name for f in fields], name
            optional = {f.name for f in fields if f.default is not attrs.NOTHING}
            if cls is Release:
                optional.add("text")  # the bundled release.json has its text beside it
            required = [f.name for f in fields if f.name not in optional]
            assert definition["required"] == required, name
            assert definition["additionalProperties"] is False

    def test_schema_refuses_what_from_json_refuses(self) -> None:
        """The schema catches the same kind of mistakes: an unknown key, a wrong type."""
        data = bundled()
        data["members"][0]["colour"] = "red"
        data["contacts"][0]["phones"][0]["span"]["start"] = "12"
        assert len(schema_errors(data)) == 2

    def test_schema_has_the_rules_of_records(self) -> None:
        """The schema also refuses what the rules of records refuse and a pattern can say."""
        data = bundled()
        data["members"][0]["id"] = "Advocates"
        data["people"][0]["name"] = " "
        data["quotes"][0]["text"] = ""
        data["claims"][8]["quantity"]["value"] = -1
        data["contacts"][0]["phones"][0]["e164"] = "123"
        assert [
            "'Advocates' does not match '^[a-z0-9]+(-[a-z0-9]+)*$'",
            "' ' does not match '\\\\S'",
            "'123' does not match '^\\\\+[1-9][0-9]{1,14}$'",
            "'' does not match '\\\\S'",
            "{'value': -1, 'unit': 'people', 'precision': 'lower-bound', 'as_printed': 'Over 200,000'} is not valid under any of the given schemas",
        ] == schema_errors(data)
        assert ["-1 is less than the minimum of 0"] == schema_errors(
            data["claims"][8]["quantity"], "Quantity"
        )


Mutation = Callable[[dict[str, Any]], Any]


def _set(path: str, value: Any) -> Mutation:
    """A mutation that sets the value at *path* (dotted, with [i] indices) of the data."""

    def mutate(data: dict[str, Any]) -> Any:
        parent, key = _locate(data, path)
        parent[key] = value
        return data

    return mutate


def _delete(path: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> Any:
        parent, key = _locate(data, path)
        del parent[key]
        return data

    return mutate


def _locate(data: Any, path: str) -> tuple[Any, Any]:
    steps: list[Any] = []
    for part in path.replace("[", ".[").split("."):
        steps.append(int(part[1:-1]) if part.startswith("[") else part)
    node = data
    for step in steps[:-1]:
        node = node[step]
    return node, steps[-1]


def _edit(path: str, change: Callable[[Any], Any]) -> Mutation:
    """A mutation that replaces the value at *path* with *change* of it."""

    def mutate(data: dict[str, Any]) -> Any:
        parent, key = _locate(data, path)
        parent[key] = change(parent[key])
        return data

    return mutate


def _shift_span(path: str, by: int) -> Mutation:
    """A mutation that moves the span at *path* by *by* characters, keeping its length."""

    def mutate(data: dict[str, Any]) -> Any:
        span = _locate(data, path + ".start")[0]
        span["start"] += by
        span["end"] += by
        return data

    return mutate


def _text(mutate: Callable[[str], str | bytes]) -> Callable[[], str | bytes]:
    return lambda: mutate(BUNDLED)


def _data(*mutations: Mutation) -> Callable[[], str | bytes]:
    def text() -> str:
        data: Any = bundled()
        for mutation in mutations:
            data = mutation(data)
        return json.dumps(data)

    return text


def _swap_members(data: dict[str, Any]) -> Any:
    data["members"][1], data["members"][2] = data["members"][2], data["members"][1]
    return data


def _drop_member(data: dict[str, Any]) -> Any:
    del data["members"][5]
    return data


def _copy_id(data: dict[str, Any]) -> Any:
    data["members"][1]["id"] = data["members"][0]["id"]
    return data


def _unknown_top_level(data: dict[str, Any]) -> Any:
    data["editor"] = "me"
    return data


def _change_text(data: dict[str, Any]) -> Any:
    data["text"] = data["text"].replace("Amnesty", "Amnezty", 1)
    return data


def _nested(depth: int) -> str:
    return '{"schema_version": "1.0", "members": ' + "[" * depth + "]" * depth + "}"


# (kind of malformed input, the input, text its DataError must contain: the path and the fault)
MALFORMED: list[tuple[str, Callable[[], str | bytes], str]] = [
    ("not JSON", _text(lambda s: s[:-1]), "$: not valid JSON"),
    ("empty input", lambda: "", "$: not valid JSON"),
    ("trailing garbage", _text(lambda s: s + "x"), "$: not valid JSON"),
    ("NaN", lambda: '{"value": NaN}', "$: not valid JSON: NaN"),
    (
        "Infinity",
        _text(lambda s: s.replace('"stated_organization_count":43', '"stated_organization_count":Infinity')),
        "Infinity",
    ),
    ("not UTF-8", _text(lambda s: s.encode("utf-8").replace(b"Amnesty", b"Amn\xe9sty", 1)), "$: not UTF-8"),
    ("UTF-8 byte order mark", _text(lambda s: "\ufeff" + s), "$: not valid JSON"),
    ("too large", lambda: " " * (icnk_letter.MAX_JSON_SIZE + 1), "more than the limit"),
    ("nested too deeply", lambda: _nested(100_000), "nested too deeply"),
    ("a huge number", lambda: '{"a": ' + "9" * 5000 + "}", "$: not valid JSON"),
    (
        "duplicate key",
        _text(lambda s: s.replace('"title":', '"title":"x","title":', 1)),
        "title: duplicate key",
    ),
    (
        "nested duplicate key",
        _text(lambda s: s.replace('"acronym":null', '"acronym":null,"acronym":null', 1)),
        "members[0].acronym: duplicate key",
    ),
    ("top level is an array", lambda: "[]", "$: expected an object"),
    ("top level is a string", lambda: '"release"', "$: expected an object"),
    (
        "schema_version missing",
        _data(_delete("schema_version")),
        "schema_version: this library reads version '1.1'",
    ),
    ("schema_version unknown", _data(_set("schema_version", "2.0")), "got the string '2.0'"),
    ("schema_version a number", _data(_set("schema_version", 1.0)), "got the number 1.0"),
    (
        "unknown top-level key",
        _data(_unknown_top_level),
        "editor: unknown key (Release has no field 'editor')",
    ),
    ("unknown nested key", _data(_set("members[3].colour", "red")), "members[3].colour: unknown key"),
    ("missing field", _data(_delete("members[3].country")), "members[3].country: required key is missing"),
    ("missing text", _data(_delete("text")), "text: required key is missing"),
    (
        "missing nested object",
        _data(_delete("contacts[1].span")),
        "contacts[1].span: required key is missing",
    ),
    (
        "string for an integer",
        _data(_set("title_span.start", "5")),
        "title_span.start: expected an integer, got the string '5'",
    ),
    (
        "float for an integer",
        _data(_set("members[2].span.end", 3531.0)),
        "members[2].span.end: expected an integer, got the number 3531.0",
    ),
    (
        "boolean for an integer",
        _data(_set("stated_organization_count", True)),
        "stated_organization_count: expected an integer, got a boolean",
    ),
    (
        "number for a string",
        _data(_set("members[4].name", 5)),
        "members[4].name: expected a string, got the number 5",
    ),
    ("null for a string", _data(_set("title", None)), "title: expected a string, got null"),
    (
        "unknown precision",
        _data(_set("claims[0].quantity.precision", "approximate")),
        "claims[0].quantity.precision: expected one of 'exact', 'lower-bound', 'rounded'",
    ),
    (
        "string for an array",
        _data(_set("contacts[0].emails", "opennk@naver.com")),
        "contacts[0].emails: expected an array, got the string",
    ),
    ("object for an array", _data(_set("members", {})), "members: expected an array, got an object"),
    (
        "array for an object",
        _data(_set("coalition", [])),
        "coalition: expected an object (Organization), got an array",
    ),
    (
        "string for an object",
        _data(_set("contacts[2].phones[0]", "+44 208 329 0045")),
        "contacts[2].phones[0]: expected an object (Phone)",
    ),
    (
        "number in an array of strings",
        _data(_set("people[1].affiliations[0]", 7)),
        "people[1].affiliations[0]: expected a string",
    ),
    (
        "unknown enum value",
        _data(_set("claims[0].kind", "opinion")),
        "claims[0].kind: expected one of 'violation', 'demand', 'statement'",
    ),
    (
        "enum of the wrong type",
        _data(_set("contacts[1].phones[1].kind", 1)),
        "contacts[1].phones[1].kind: expected one of 'mobile', 'unspecified'",
    ),
    (
        "date in another format",
        _data(_set("date", "1.9.2012")),
        "date: expected an ISO 8601 date (YYYY-MM-DD)",
    ),
    (
        "date not of the calendar",
        _data(_set("date", "2012-02-30")),
        "date: '2012-02-30' is not a date of the calendar",
    ),
    ("date as a number", _data(_set("date", 20120109)), "date: expected an ISO 8601 date"),
    (
        "lone surrogate",
        _text(lambda s: s.replace('"dateline":"NORTH KOREA"', '"dateline":"NORTH \\ud800KOREA"')),
        "dateline: not valid Unicode",
    ),
    ("text changed (sha256)", _data(_change_text), "sha256: the text hashes to"),
    (
        "span does not quote the text",
        _data(_edit("members[3].span.quote", str.upper)),
        "members[3] (asian-federation-against-involuntary-disappearances).span: quotes",
    ),
    (
        "span outside the text",
        _data(_shift_span("quotes[0].span", 10**6)),
        "quotes[0] (quote-1).span: [1000817:1001263] is outside the text",
    ),
    (
        "span quote of another length",
        _data(_set("members[3].span.quote", "Asian Federation")),
        "members[3] (asian-federation-against-involuntary-disappearances).span.quote: 'Asian Federation' is 16 characters long, but [3532:3583] covers 51",
    ),
    (
        "span ending before its start",
        _data(_set("quotes[0].span.end", 0)),
        "quotes[0] (quote-1).span.end: 0 is before start 817",
    ),
    (
        "negative span start",
        _data(_set("title_span.start", -1)),
        "title_span.start: -1 is negative",
    ),
    (
        "id not a slug",
        _data(_set("people[1].id", "Ha Tae Keung")),
        "people[1] (Ha Tae Keung).id: 'Ha Tae Keung' is not a lowercase slug",
    ),
    (
        "blank name",
        _data(_set("members[0].name", " ")),
        "members[0] (advocates-international-global-council).name: ' ' is empty or blank",
    ),
    ("empty text", _data(_set("quotes[0].text", "")), "quotes[0] (quote-1).text: '' is empty or blank"),
    (
        "negative figure",
        _data(_set("claims[8].quantity.value", -200000)),
        "claims[8] (violation-1).quantity.value: -200000 is negative",
    ),
    (
        "figure disagrees with its printed form",
        _data(_set("claims[8].quantity.value", 2000000)),
        "claims[8] (violation-1).quantity.value: 2000000 is not 200000, the figure printed 'Over 200,000'",
    ),
    (
        "international form with other digits",
        _data(_set("contacts[2].phones[0].international", "+44 20 8329 0046")),
        "contacts[2] (contact-london).phones[0].international: '+44 20 8329 0046' is not +442083290045",
    ),
    (
        "phone kind disagrees with the text",
        _data(_set("contacts[1].phones[1].kind", "unspecified")),
        "contacts[1] (contact-tokyo).phones[1].kind: 'unspecified', but '(mobile)' is printed right after",
    ),
    (
        "language tag of another language",
        _data(_set("contacts[0].languages[0].tag", "ja")),
        "contacts[0] (contact-seoul).languages[0].tag: 'ja' is not the tag of 'Korean', 'ko'",
    ),
    (
        "stated count disagrees with the statements",
        _data(_set("stated_organization_count", 39)),
        "stated_organization_count: 39 is not the sum of the statements that count organizations, 43",
    ),
    (
        "country not a code",
        _data(_set("members[3].country", "Korea")),
        "members[3] (asian-federation-against-involuntary-disappearances).country: expected a 2-letter code, got 'Korea'",
    ),
    (
        "reference does not resolve",
        _data(_set("contacts[0].person", "nobody")),
        "contacts[0] (contact-seoul).person: 'nobody' is not the id of a person",
    ),
    ("duplicate id", _data(_copy_id), "members[1] (advocates-international-global-council).id"),
    (
        "malformed E.164",
        _data(_set("contacts[2].phones[0].e164", "+44 20 8329 0045")),
        "contacts[2] (contact-london).phones[0].e164",
    ),
    ("member line not covered", _data(_drop_member), "members: the listed line"),
    (
        "records out of order",
        _data(_swap_members),
        "members: the records are not in the order the release prints them",
    ),
    (
        "language tag not BCP 47",
        _data(_set("contacts[0].languages[0].tag", "Korean")),
        "contacts[0] (contact-seoul).languages[0].tag: 'Korean' is not a BCP 47 language tag",
    ),
]


class TestStrictLoading:
    def test_at_least_30_kinds(self) -> None:
        """The issue asks for at least 30 distinct kinds of malformed input."""
        assert len({kind for kind, _, _ in MALFORMED}) == len(MALFORMED) >= 30

    @pytest.mark.parametrize(("kind", "make", "expected"), MALFORMED, ids=[kind for kind, _, _ in MALFORMED])
    def test_malformed_input(self, kind: str, make: Callable[[], str | bytes], expected: str) -> None:
        """Each malformed input raises DataError naming the path and the fault, and nothing else."""
        with pytest.raises(DataError) as info:
            icnk_letter.from_json(make())
        assert any(expected in problem for problem in info.value.problems), info.value.problems
        assert expected in str(info.value)

    def test_every_problem_is_listed(self) -> None:
        """Problems are collected, not reported one at a time."""
        text = _data(
            _set("members[3].colour", "red"),
            _delete("members[4].country"),
            _set("contacts[0].emails", "x"),
            _set("claims[2].kind", "opinion"),
        )()
        with pytest.raises(DataError) as info:
            icnk_letter.from_json(text)
        assert [p.split(":")[0] for p in info.value.problems] == [
            "members[3].colour",
            "members[4].country",
            "contacts[0].emails",
            "claims[2].kind",
        ]

    def test_integrity_problems_are_all_listed(self) -> None:
        """verify()'s problems are all reported too."""
        text = _data(_set("contacts[0].person", "nobody"), _set("members[3].country", "Korea"))()
        with pytest.raises(DataError) as info:
            icnk_letter.from_json(text)
        assert len(info.value.problems) >= 2

    def test_from_dict_is_as_strict(self) -> None:
        """from_dict checks the same things from plain data."""
        data = bundled()
        data["members"][3]["country"] = "Korea"
        with pytest.raises(DataError, match=r"members\[3\].*country: expected a 2-letter code"):
            icnk_letter.from_dict(data)
        with pytest.raises(DataError, match=r"\$: expected an object \(Release\)"):
            icnk_letter.from_dict([])

    def test_other_classes(self) -> None:
        """Strict loading applies to every class, with paths relative to it."""
        with pytest.raises(DataError, match=r"span\.start: expected an integer"):
            icnk_letter.from_json(
                '{"id": "q", "speaker": "s", "text": "t", "span": {"start": "0", "end": 0, "quote": ""}}',
                icnk_letter.Quote,
            )
        with pytest.raises(DataError, match=r"\[1\]\.quote: required key is missing"):
            icnk_letter.from_json(
                '[{"start":0,"end":0,"quote":""},{"start":0,"end":0}]', Records[icnk_letter.Span]
            )

    def test_span_ending_before_its_start(self) -> None:
        """A span whose end is before its start is refused, not built to fail at len()."""
        with pytest.raises(DataError) as info:
            icnk_letter.from_json('{"start":5,"end":0,"quote":"hello"}', icnk_letter.Span)
        assert ("end: 0 is before start 5",) == info.value.problems

    def test_span_of_another_length(self) -> None:
        """A span's quote must be end - start characters long, from a start of 0 or more."""
        with pytest.raises(DataError) as info:
            icnk_letter.from_dict({"start": -1, "end": 1, "quote": "abc"}, icnk_letter.Span)
        expected = ("start: -1 is negative", "quote: 'abc' is 3 characters long, but [-1:1] covers 2")
        assert expected == info.value.problems

    def test_sound_records_load(self) -> None:
        """Records that meet their rules load as before."""
        assert icnk_letter.Span(3, 5, "ok") == icnk_letter.from_json(
            '{"start":3,"end":5,"quote":"ok"}', icnk_letter.Span
        )

    @pytest.mark.parametrize(
        ("cls", "data", "expected"),
        [
            (
                icnk_letter.Phone,
                {"e164": "123"},
                "e164: '123' is not an E.164 number",
            ),
            (
                icnk_letter.Phone,
                {"e164": "+0123456"},
                "e164: '+0123456' is not an E.164 number",
            ),
            (
                icnk_letter.Phone,
                {"international": "+81 3 5282 516"},
                "international: '+81 3 5282 516' is not +81352825162",
            ),
            (icnk_letter.Quantity, {"value": -5}, "value: -5 is negative"),
            (icnk_letter.Language, {"tag": "Korean"}, "tag: 'Korean' is not a BCP 47 language tag"),
            (icnk_letter.Organization, {"name": " \t"}, "name: ' \\t' is empty or blank"),
            (icnk_letter.Person, {"name": ""}, "name: '' is empty or blank"),
            (icnk_letter.Claim, {"text": "  "}, "text: '  ' is empty or blank"),
            (icnk_letter.Quote, {"text": ""}, "text: '' is empty or blank"),
            (
                icnk_letter.Letter,
                {"id": "Open Letter"},
                "id: 'Open Letter' is not a lowercase slug (letters a-z and digits, words joined by single hyphens)",
            ),
        ],
        ids=lambda value: value.__name__ if isinstance(value, type) else None,
    )
    def test_record_rules(self, cls: type, data: dict[str, Any], expected: str, release: Release) -> None:
        """Each class is checked for values it can never have, with no text needed."""
        sample = {
            icnk_letter.Phone: release.contacts[1].phones[0],
            icnk_letter.Quantity: release.claims[8].quantity,
            icnk_letter.Language: release.contacts[0].languages[0],
            icnk_letter.Organization: release.members[0],
            icnk_letter.Person: release.people[0],
            icnk_letter.Claim: release.claims[0],
            icnk_letter.Quote: release.quotes[0],
            icnk_letter.Letter: release.letter,
        }[cls]
        assert sample is not None
        broken = {**icnk_letter.to_dict(sample), **data}
        with pytest.raises(DataError) as info:
            icnk_letter.from_dict(broken, cls)
        assert (expected,) == info.value.problems
        with pytest.raises(DataError) as info:
            icnk_letter.from_json(json.dumps(broken), cls)
        assert (expected,) == info.value.problems

    def test_every_record_problem_with_its_path(self, release: Release) -> None:
        """All the problems of a record and the records inside it are listed at once, each with its path."""
        data = icnk_letter.to_dict(release.contacts[1])
        data["id"] = "Tokyo"
        data["languages"][1]["tag"] = "english"
        data["phones"][0]["e164"] = "123"
        data["phones"][1]["span"]["end"] = 0
        with pytest.raises(DataError) as info:
            icnk_letter.from_dict(data, icnk_letter.Contact)
        assert [
            "id",
            "languages[1].tag",
            "phones[0].e164",
            "phones[1].span.end",
        ] == [problem.split(":")[0] for problem in info.value.problems]

    def test_record_rules_in_collections(self, release: Release) -> None:
        """A collection names each record by its index and id."""
        data = [icnk_letter.to_dict(member) for member in release.members[:2]]
        data[1]["name"] = ""
        with pytest.raises(DataError) as info:
            icnk_letter.from_json(json.dumps(data), Records[Organization])
        assert ("[1] (amnesty-international).name: '' is empty or blank",) == info.value.problems

    def test_shape_problems_come_first(self) -> None:
        """A record that is not even well-typed is not checked further: its shape problems are listed."""
        with pytest.raises(DataError) as info:
            icnk_letter.from_json('{"start":5,"end":"0","quote":"hello"}', icnk_letter.Span)
        assert ("end: expected an integer, got the string '0'",) == info.value.problems

    def test_release_problems_are_listed_once(self) -> None:
        """For a release, the rules of records run once, within verify(): no problem is listed twice."""
        text = _data(
            _set("contacts[2].phones[0].e164", "123"),
            _set("claims[8].quantity.value", -1),
            _set("members[0].name", ""),
            _set("quotes[0].span.end", 0),
        )()
        with pytest.raises(DataError) as info:
            icnk_letter.from_json(text)
        assert (
            "quotes[0] (quote-1).span.end: 0 is before start 817",
            "members[0] (advocates-international-global-council).name: '' is empty or blank",
            "contacts[2] (contact-london).phones[0].e164: '123' is not an E.164 number",
            "claims[8] (violation-1).quantity.value: -1 is negative",
        ) == info.value.problems

    def test_not_text(self) -> None:
        """Passing something that is not JSON text is a programming error, a TypeError."""
        with pytest.raises(TypeError, match="str or bytes"):
            icnk_letter.from_json(bundled())  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]

    def test_python_values_that_are_not_json(self) -> None:
        """from_dict names a Python value that JSON has no type for by its repr."""
        with pytest.raises(DataError) as info:
            icnk_letter.from_dict({"tag": b"ko", "as_printed": "Korean"}, icnk_letter.Language)
        assert ("tag: expected a string, got b'ko'",) == info.value.problems

    def test_unexpected_errors_are_listed_with_their_type(self) -> None:
        """An error of another kind, raised by a value itself, is listed under its path with its type."""

        class Unprintable:
            def __repr__(self) -> str:
                raise RuntimeError("no repr")

        with pytest.raises(DataError) as info:
            icnk_letter.from_dict({"tag": Unprintable(), "as_printed": "Korean"}, icnk_letter.Language)
        assert ("tag: RuntimeError: no repr",) == info.value.problems

    def test_endless_nesting_is_a_data_error(self) -> None:
        """A value nested too deeply even to describe is a DataError, not a RecursionError."""

        class Nested:
            def __repr__(self) -> str:
                return f"Nested({self!r})"

        with pytest.raises(DataError) as info:
            icnk_letter.from_dict(Nested(), icnk_letter.PhoneKind)
        assert ("$: nested too deeply",) == info.value.problems


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in cast("dict[str, object]", value).items():
            found.extend(_paths(child, (*path, key)))
    elif isinstance(value, list):
        for index, child in enumerate(cast("list[object]", value)):
            found.extend(_paths(child, (*path, index)))
    return found


PATHS = _paths(bundled())[1:]
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=5,
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    """The bundled release as JSON, with one random change somewhere in it."""
    data = bundled()
    path = draw(st.sampled_from(PATHS))
    parent: Any = data
    for step in path[:-1]:
        parent = parent[step]
    key: Any = path[-1]
    old: Any = parent[key]
    action = draw(st.sampled_from(["replace", "delete", "add key", "duplicate item", "tweak"]))
    if action == "replace":
        parent[key] = draw(JSON_VALUES)
    elif action == "delete":
        del parent[key]
    elif action == "add key" and _is_object(old):
        old[draw(st.text(max_size=8))] = draw(JSON_VALUES)
    elif action == "duplicate item" and isinstance(key, int):
        parent.insert(key, copy.deepcopy(old))
    elif isinstance(old, bool):
        parent[key] = not old
    elif isinstance(old, int):
        parent[key] = old + draw(st.integers(-3, 3))
    elif isinstance(old, str):
        parent[key] = old + draw(st.text(min_size=1, max_size=2))
    else:
        parent[key] = draw(JSON_VALUES)
    return json.dumps(data, ensure_ascii=draw(st.booleans()))


def _is_object(value: object) -> bool:
    return isinstance(value, dict)


class TestMutations:
    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(mutated_documents())
    def test_one_change(self, text: str) -> None:
        """Any change to the bundled JSON raises DataError or gives a release that round-trips."""
        _raises_data_error_or_round_trips(text)

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.integers(0, len(BUNDLED) - 1), st.integers(0, 3), st.text(max_size=3))
    def test_one_edit_of_the_text(self, at: int, cut: int, insert: str) -> None:
        """Any edit of the JSON text itself raises DataError or gives a release that round-trips."""
        _raises_data_error_or_round_trips(BUNDLED[:at] + insert + BUNDLED[at + cut :])


def _raises_data_error_or_round_trips(text: str) -> None:
    try:
        release = icnk_letter.from_json(text)
    except DataError as err:
        problems = err.problems
    else:
        assert release == icnk_letter.from_json(icnk_letter.to_json(release))
        return
    assert problems
    assert all(": " in problem for problem in problems)

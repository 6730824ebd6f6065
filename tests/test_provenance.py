"""Provenance: outside sources, inferences, figures' precision and organizations' roles."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any
from urllib.parse import urlsplit

import attrs
import pytest

import icnk_letter
from icnk_letter import (
    DataError,
    Inference,
    NotFoundError,
    OrganizationRole,
    Precision,
    Quantity,
    Release,
    Source,
    Span,
)
from icnk_letter._convert import structure
from icnk_letter._provenance import (
    MAX_FACT_LENGTH,
    MAX_QUOTED_WORDS,
    field_value,
    required_inferences,
    value_text,
)

# Quoted passages in a fact, straight or typographic quotation marks.
QUOTED = re.compile(r"\"([^\"]*)\"|\u201c([^\u201d]*)\u201d")


def problems(release: Release) -> tuple[str, ...]:
    """Return the problems verify() finds in *release* (none if it is sound)."""
    try:
        icnk_letter.verify(release)
    except DataError as error:
        return error.problems
    return ()


def with_inference(release: Release, inference_id: str, **changes: Any) -> Release:
    """Return *release* with the inference *inference_id* changed."""
    inferences = tuple(attrs.evolve(i, **changes) if i.id == inference_id else i for i in release.inferences)
    return attrs.evolve(release, inferences=inferences)


def with_source(release: Release, source_id: str, **changes: Any) -> Release:
    """Return *release* with the source *source_id* changed."""
    sources = tuple(attrs.evolve(s, **changes) if s.id == source_id else s for s in release.sources)
    return attrs.evolve(release, sources=sources)


class TestSources:
    def test_the_sources_the_issue_asks_for(self, release: Release) -> None:
        """FIDH's copy, the AFP report on the coalition's page and the published letter are recorded."""
        urls = {source.id: source.url for source in release.sources}
        assert {
            "fidh": "https://www.fidh.org/en/region/asia/north-korea/World-s-major-human-rights-groups,11127",
            "afp-icnk": "http://northkorea.subnara.info/bbs/board.php?bo_table=news&page=0&wr_id=30",
            "mediavigil": "https://mediavigil.blogspot.com/2012/01/open-letter-to-kim-jong-un-urging-new.html",
        }.items() <= urls.items()

    def test_dates(self, release: Release) -> None:
        """Publication dates are recorded where confirmed, and None where not."""
        published = {source.id: source.published for source in release.sources}
        assert datetime.date(2012, 1, 8) == published["fidh"]
        assert datetime.date(2012, 1, 11) == published["afp-icnk"]
        assert None is published["mediavigil"]
        assert all(
            s.accessed is None or s.published is None or s.published <= s.accessed for s in release.sources
        )

    def test_urls_are_well_formed(self, release: Release) -> None:
        """Every URL is an absolute http(s) URL with a host, in ASCII and without spaces."""
        for source in release.sources:
            parts = urlsplit(source.url)
            assert (parts.scheme in ("http", "https"), bool(parts.hostname)) == (True, True), source.id
            assert source.url.isascii(), source.id
            assert None is re.search(r"\s", source.url), source.id

    def test_facts_are_short_and_in_own_words(self, release: Release) -> None:
        """Every fact is non-empty, short, and quotes a few words at most."""
        for source in release.sources:
            assert source.facts, source.id
            for fact in source.facts:
                assert fact.strip(), source.id
                assert len(fact) <= MAX_FACT_LENGTH, fact
                for match in QUOTED.finditer(fact):
                    assert len((match[1] or match[2]).split()) <= MAX_QUOTED_WORDS, fact

    def test_no_long_passage_of_a_source_is_copied(self, release: Release) -> None:
        """No fact repeats eight words in a row of the release, whose wording the outside copies share."""
        words = release.text.split()
        runs = {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}
        for source in release.sources:
            for fact in source.facts:
                fact_words = fact.split()
                assert not any(" ".join(fact_words[i : i + 8]) in runs for i in range(len(fact_words) - 7)), (
                    fact
                )

    def test_source_by_id(self, release: Release) -> None:
        """``Release.source`` finds a source by id, and names what it could not find."""
        assert "Agenzia Fides" == release.source("fides").publisher
        with pytest.raises(NotFoundError, match=r"nowhere \(as a Source\)"):
            release.source("nowhere")
        with pytest.raises(TypeError, match=r"Release.source\(\) takes a str, got int"):
            release.source(3)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"url": "ftp://www.fidh.org/x"}, "is not a well-formed http(s) URL"),
            ({"url": "https://www.fidh.org/a b"}, "is not a well-formed http(s) URL"),
            ({"url": "https:///no-host"}, "is not a well-formed http(s) URL"),
            ({"url": "https://www.fidh.org/\u00e9"}, "is not a well-formed http(s) URL"),
            ({"url": "https://[::1/x"}, "is not a well-formed http(s) URL"),
            ({"facts": ()}, "facts: a source must state at least one fact"),
            ({"facts": (" ",)}, "facts[0]: is empty or blank"),
            ({"facts": ("x" * (MAX_FACT_LENGTH + 1),)}, f"is {MAX_FACT_LENGTH + 1} characters long"),
            ({"facts": ('It says "one two three four five six seven".',)}, "quotes 7 words of its source"),
            ({"facts": ("It says \u201cone two three four five six seven\u201d.",)}, "quotes 7 words"),
            ({"publisher": " "}, "sources[0] (fidh).publisher: is empty or blank"),
            ({"title": ""}, "sources[0] (fidh).title: is empty or blank"),
            ({"accessed": datetime.date(2012, 1, 1)}, "accessed: 2012-01-01 is before its publication"),
            ({"id": "afp-icnk"}, "sources[1] (afp-icnk).id: 'afp-icnk' is the id of another source too"),
        ],
    )
    def test_broken_source(self, release: Release, changes: dict[str, Any], expected: str) -> None:
        """verify() names a malformed URL, missing, blank, long or copying facts, and duplicate ids."""
        found = problems(with_source(release, "fidh", **changes))
        assert any(expected in problem and problem.startswith("sources[") for problem in found), found


class TestInferences:
    def test_required_values(self, release: Release) -> None:
        """The values not printed are the date, the sum, countries, language order, +81, regrouped and family names."""
        required = required_inferences(release)
        assert (release.id, "date") in required
        assert (release.id, "stated_organization_count") in required
        assert [r for r in required if r[0].startswith("contact-")] == [
            ("contact-seoul", "country"),
            ("contact-seoul", "languages"),
            ("contact-tokyo", "country"),
            ("contact-tokyo", "languages"),
            ("contact-tokyo", "phones[0].e164"),
            ("contact-tokyo", "phones[1].e164"),
            ("contact-london", "country"),
            ("contact-london", "phones[0].international"),
            ("contact-bangkok", "country"),
            ("contact-bangkok", "languages"),
        ]
        countries = [r[0] for r in required if r[1] == "country" and not r[0].startswith("contact-")]
        assert countries == [m.id for m in release.members if m.country is not None]
        assert [r[0] for r in required if r[1] == "family_name"] == ["kim-jong-un", "ha-tae-keung"]

    def test_every_required_value_has_one(self, release: Release) -> None:
        """The bundled data records an inference for every value not printed, and more (Seoul's 050)."""
        recorded = {(i.record, i.field) for i in release.inferences}
        assert set(required_inferences(release)) <= recorded
        assert ("contact-seoul", "phones[0].international") in recorded - set(required_inferences(release))

    def test_the_date(self, release: Release) -> None:
        """The date's inference rests on its span and on the AFP report, FIDH's copy and the press reports."""
        (date,) = [i for i in release.inferences_of(release) if i.field == "date"]
        assert ("2012-01-09", (release.date_span,)) == (date.value, date.spans)
        assert {"afp-icnk", "fidh", "fides"} <= set(date.sources)
        assert "Monday" in date.rule

    def test_inferences_of(self, release: Release) -> None:
        """Inferences are found by record, by id or for the release itself."""
        tokyo = release.by_id("contact-tokyo")
        assert release.inferences_of(tokyo) == release.inferences_of("contact-tokyo")
        assert ["country", "languages", "phones[0].e164", "phones[1].e164"] == [
            i.field for i in release.inferences_of(tokyo)
        ]
        assert [] == list(release.inferences_of("nobody"))
        with pytest.raises(TypeError, match=r"inferences_of\(\) takes a record, the Release or an id"):
            release.inferences_of(3)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"record": "nowhere"}, "record: 'nowhere' is not the id of a record or of the release"),
            (
                {"field": "county"},
                "field: 'county' is not a field of 'kontras': Organization has no field 'county'",
            ),
            ({"field": "Country!"}, "is not a field path"),
            ({"field": "mentions[5]"}, "mentions[5] is out of range"),
            ({"field": "country[0]"}, "country[0] is out of range"),
            ({"field": "country.code"}, "a str has no fields ('code' cannot be read from it)"),
            ({"value": "ID "}, "value: 'ID ', but kontras.country is 'ID'"),
            ({"field": "span"}, "value: 'ID', but kontras.span is None"),
            ({"sources": ("fidh", "nowhere")}, "sources[1]: 'nowhere' is not the id of a source"),
            ({"rule": " "}, "rule: is empty or blank; state the reasoning"),
            ({"id": "date"}, "id: 'date' is the id of another inference too"),
        ],
    )
    def test_broken_inference(self, release: Release, changes: dict[str, Any], expected: str) -> None:
        """verify() names an inference that points nowhere, at the wrong value or at an unknown source."""
        found = problems(with_inference(release, "kontras-country", **changes))
        assert any(expected in problem and problem.startswith("inferences[") for problem in found), found

    def test_value_without_an_inference(self, release: Release) -> None:
        """verify() fails when a value that is not printed has no inference."""
        kept = tuple(i for i in release.inferences if i.id != "contact-tokyo-phones-0-e164")
        assert (
            "inferences: contact-tokyo.phones[0].e164 is not printed in the text,"
            " and no inference records its basis",
        ) == problems(attrs.evolve(release, inferences=kept))

    def test_the_date_needs_one(self, release: Release) -> None:
        """Without its inference, the reading of the date is refused."""
        kept = tuple(i for i in release.inferences if i.field != "date")
        assert any(
            "date is not printed in the text" in p for p in problems(attrs.evolve(release, inferences=kept))
        )

    def test_inference_spans_quote_the_text(self, release: Release) -> None:
        """An inference's span is checked against the text like every other span."""
        wrong = (Span(0, 3, "abc"),)
        found = problems(with_inference(release, "date", spans=wrong))
        assert any(p.startswith("inferences[0] (date).spans[0]: quotes 'abc'") for p in found), found

    def test_field_value(self, release: Release) -> None:
        """A field path reads fields and indices of a record or of the release."""
        assert "+81352825162" == field_value(release, "contact-tokyo", "phones[0].e164")
        assert release.date == field_value(release, release.id, "date")
        assert "Amnesty International" == field_value(release, release.id, "members[1].name")
        with pytest.raises(NotFoundError):
            field_value(release, "nobody", "name")

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (datetime.date(2012, 1, 9), "2012-01-09"),
            (43, "43"),
            (True, "true"),
            (False, "false"),
            ("KR", "KR"),
            (Precision.ROUNDED, "rounded"),
            (icnk_letter.Language("ja", "Japanese"), "ja"),
            ((icnk_letter.Language("ja", "Japanese"), "x"), "ja, x"),
            (None, None),
            ((None,), None),
            (Span(0, 0, ""), None),
        ],
    )
    def test_value_text(self, value: object, expected: str | None) -> None:
        """Values are written as the data writes them: ISO dates, enum values, tags, items joined."""
        assert expected == value_text(value)


class TestPrecision:
    @pytest.mark.parametrize(
        ("claim_id", "precision", "exact", "lower_bound"),
        [
            ("statement-1", Precision.EXACT, True, False),
            ("statement-2", Precision.EXACT, True, False),
            ("violation-1", Precision.LOWER_BOUND, False, True),
            ("violation-3", Precision.ROUNDED, False, False),
        ],
    )
    def test_bundled(
        self, release: Release, claim_id: str, precision: Precision, exact: bool, lower_bound: bool
    ) -> None:
        """Counts are exact, "Over 200,000" a lower bound, "24.5 million" rounded."""
        quantity = release.claims.lookup(claim_id).quantity
        assert quantity is not None
        assert (precision, exact, lower_bound) == (
            quantity.precision,
            quantity.exact,
            quantity.is_lower_bound,
        )

    @pytest.mark.parametrize(
        ("claim_id", "wrong"),
        [
            ("violation-3", Precision.EXACT),
            ("violation-1", Precision.ROUNDED),
            ("statement-2", Precision.LOWER_BOUND),
        ],
    )
    def test_disagreeing_precision(self, release: Release, claim_id: str, wrong: Precision) -> None:
        """verify() fails when a precision disagrees with its printed words."""
        claims = [
            attrs.evolve(c, quantity=attrs.evolve(c.quantity, precision=wrong))
            if c.id == claim_id and c.quantity is not None
            else c
            for c in release.claims
        ]
        found = problems(attrs.evolve(release, claims=claims))
        assert 1 == len(found)
        assert f"({claim_id}).quantity.precision: {wrong.value!r} but the figure printed" in found[0]

    def test_converter(self) -> None:
        """A precision may be given as its value; anything else is refused with the values listed."""
        assert Precision.ROUNDED is Quantity(1, "x", "rounded", "about 1").precision
        with pytest.raises(ValueError, match=r"Quantity.precision: expected a Precision or one of 'exact'"):
            Quantity(1, "x", "approximate", "1")


class TestRoles:
    def test_open_north_korea_is_the_secretariat(self, release: Release) -> None:
        """The secretariat is a role of Open North Korea, not of Ha Tae Keung, who stays its president."""
        open_nk = release.members.lookup("Open North Korea")
        assert (
            OrganizationRole(
                "Secretariat",
                release.coalition.id,
                "Secretariat to the Coalition",
                Span(2978, 3006, "Secretariat to the Coalition"),
            ),
        ) == open_nk.roles
        assert None is release.contacts.lookup("contact-seoul").role
        description = release.people.lookup("Ha Tae Keung").description
        assert description is not None
        assert description.startswith("President of Open North Korea")

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"of": "nowhere"}, "roles[0].of: 'nowhere' is not the id of an organization"),
            ({"as_printed": "Secretary"}, "roles[0].as_printed: 'Secretary' is not its span's quote"),
            ({"title": "Treasurer"}, "roles[0].title: 'Treasurer' is not printed in"),
            ({"title": " "}, "roles[0].title: ' ' is not printed in"),
        ],
    )
    def test_broken_role(self, release: Release, changes: dict[str, Any], expected: str) -> None:
        """verify() names a role of an unknown organization, or one not printed."""
        members = [
            attrs.evolve(m, roles=tuple(attrs.evolve(r, **changes) for r in m.roles)) for m in release.members
        ]
        found = problems(attrs.evolve(release, members=members))
        assert any(p.startswith("members[32] (open-north-korea).") and expected in p for p in found), found

    def test_a_contact_role_still_exports_and_searches(self, release: Release) -> None:
        """A role printed for a person (none is, in the bundled release) is still exported and found."""
        seoul = attrs.evolve(release.contacts[0], role="Press officer")
        edited = attrs.evolve(release, contacts=(seoul, *release.contacts[1:]))
        popolo = json.loads(icnk_letter.export(edited, "popolo"))
        assert "Press officer" == popolo["memberships"][0]["role"]
        assert "role" not in json.loads(icnk_letter.export(release, "popolo"))["memberships"][0]
        assert ("contact-seoul", "role") in [(h.record.id, h.field) for h in edited.search("press officer")]

    def test_roles_of_the_coalition_and_others(self, release: Release) -> None:
        """A role anywhere is checked, named by where the organization is."""
        (role,) = release.members.lookup("Open North Korea").roles
        wrong = attrs.evolve(role, of="nowhere")
        release = attrs.evolve(
            release,
            coalition=attrs.evolve(release.coalition, roles=(wrong,)),
            other_organizations=[attrs.evolve(o, roles=(wrong,)) for o in release.other_organizations],
        )
        found = problems(release)
        assert "coalition.roles[0].of: 'nowhere' is not the id of an organization" in found
        assert (
            "other_organizations[0] (international-committee-of-the-red-cross).roles[0].of:"
            " 'nowhere' is not the id of an organization"
        ) in found


def test_the_converter_still_reads_booleans() -> None:
    """No field of the data is a boolean any more (``exact`` is derived), but the converter still reads them."""
    assert True is icnk_letter.converter.structure(True, bool)
    with pytest.raises(DataError, match="expected true or false, got the string 'true'"):
        structure("true", bool)


def test_source_and_inference_round_trip(release: Release) -> None:
    """Sources and inferences survive JSON, dates and None included."""
    for source in release.sources:
        assert source == icnk_letter.from_json(icnk_letter.to_json(source), Source)
    for inference in release.inferences:
        assert inference == icnk_letter.from_json(icnk_letter.to_json(inference), Inference)
    (role,) = release.members.lookup("Open North Korea").roles
    assert role == icnk_letter.from_json(icnk_letter.to_json(role), OrganizationRole)
    assert "lower-bound" == icnk_letter.to_dict(Precision.LOWER_BOUND)

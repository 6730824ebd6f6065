"""W3C Web Annotation Data Model (JSON-LD): where every record is written, for annotation tools.

The document is an ``AnnotationCollection`` whose first (and only)
``AnnotationPage`` holds one ``Annotation`` per span: every record's main span
and each of its mentions, in the order of :func:`marks`. Its ``@context`` is
the W3C's, ``http://www.w3.org/ns/anno.jsonld``, and it uses only terms that
context defines.

- The ``body`` names the record with three ``TextualBody`` values: its id
  (purpose ``identifying``), its kind (``classifying``) and its name or text
  (``describing``); a fourth (``tagging``) says whether the span is the
  record's ``main`` span or a ``mention``. The motivation is ``identifying``.
- The ``target`` is a ``SpecificResource`` whose ``source`` is the release
  text, named by the RFC 6920 URI of its SHA-256 (``ni:///sha-256;`` and the
  digest in unpadded base64url), so that a copy of the text anywhere can be
  recognized. Its selectors are a ``TextQuoteSelector`` (``exact``, and up to
  32 characters of ``prefix`` and ``suffix``, left out where empty) and a
  ``TextPositionSelector`` (``start``, ``end``), both in Unicode code points.

The ids of the collection, the page and the annotations are name-based UUIDs
(``urn:uuid:``) of the text's URI and the record, so an annotation keeps its
id as long as the text and the record do.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from typing import Any, Final

from ._marks import Mark, label_of, marks
from ._model import Release

__all__ = ["CONTEXT", "CONTEXT_LENGTH", "render", "text_uri"]

CONTEXT: Final = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_LENGTH: Final = 32
"""How many characters of ``prefix`` and ``suffix`` a ``TextQuoteSelector`` gives."""

Node = dict[str, Any]


def text_uri(text: str) -> str:
    """Return the RFC 6920 named-information URI of *text*: its SHA-256 in UTF-8, base64url, unpadded.

    >>> text_uri("Hello World!")
    'ni:///sha-256;f4OxZX_x_FO5LcGBSKHWXfwtSx-j1ncoSt3SABJtkGk'
    """
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    return "ni:///sha-256;" + base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def render(release: Release) -> str:
    """Return the spans of *release* as a W3C ``AnnotationCollection`` in JSON-LD.

    >>> import icnk_letter, json
    >>> collection = json.loads(render(icnk_letter.load()))
    >>> collection["type"], collection["total"], collection["first"]["items"][0]["target"]["selector"][1]
    ('AnnotationCollection', 96, {'type': 'TextPositionSelector', 'start': 68, 'end': 94})
    """
    source = text_uri(release.text)
    items = [_annotation(release, source, mark) for mark in marks(release)]
    head: Node = {
        "@context": CONTEXT,
        "id": _urn(f"{source}#annotations"),
        "type": "AnnotationCollection",
        "label": f"Where each record of the press release {release.id} is written",
        "total": len(items),
    }
    page: Node = {"id": _urn(f"{source}#annotations/page/1"), "type": "AnnotationPage", "startIndex": 0}
    # One annotation per line: readable, and a changed record is a changed line.
    lines = [f"  {_compact(key)}: {_compact(value)},\n" for key, value in head.items()]
    lines.append('  "first": {\n')
    lines.extend(f"    {_compact(key)}: {_compact(value)},\n" for key, value in page.items())
    body = ",\n".join("      " + _compact(item) for item in items)
    lines.append(f'    "items": [\n{body}\n    ]\n' if items else '    "items": []\n')
    return "{\n" + "".join(lines) + "  }\n}\n"


_compact = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


def _annotation(release: Release, source: str, mark: Mark) -> Node:
    """Return the annotation of one span."""
    text, span, record = release.text, mark.span, mark.record
    place = "main" if mark.mention == 0 else f"mention/{mark.mention}"
    quote: Node = {"type": "TextQuoteSelector", "exact": span.quote}
    prefix = text[max(span.start - CONTEXT_LENGTH, 0) : max(span.start, 0)]
    suffix = text[span.end : span.end + CONTEXT_LENGTH]
    if prefix:
        quote["prefix"] = prefix
    if suffix:
        quote["suffix"] = suffix
    return {
        "id": _urn(f"{source}#annotations/{record.id}/{place}"),
        "type": "Annotation",
        "motivation": "identifying",
        "body": [
            {"type": "TextualBody", "purpose": "identifying", "value": record.id},
            {"type": "TextualBody", "purpose": "classifying", "value": mark.kind},
            {"type": "TextualBody", "purpose": "describing", "value": label_of(release, record)},
            {
                "type": "TextualBody",
                "purpose": "tagging",
                "value": "main" if mark.mention == 0 else "mention",
            },
        ],
        "target": {
            "type": "SpecificResource",
            "source": source,
            "selector": [quote, {"type": "TextPositionSelector", "start": span.start, "end": span.end}],
        },
    }

"""Crafted release JSON of a chosen size, for the scale test and the benchmark.

The bundled release with members appended to its member list (their lines
added at the end of the text, which ends with the list), so that the input
grows while its shape stays that of a real release.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import icnk_letter


def crafted_json(size: int, *, sound: bool = True) -> str:
    """Return release JSON of about *size* characters (never more than *size*).

    A *sound* one passes :func:`icnk_letter.verify`; otherwise every added
    member points at the same line, the case that once made ``verify()``
    quadratic, and loading it raises a :class:`icnk_letter.DataError`.
    """
    data: dict[str, Any] = icnk_letter.to_dict(icnk_letter.load())
    text: str = data["text"]
    base = len(json.dumps(data, ensure_ascii=False))
    members: list[dict[str, Any]] = data["members"]
    template = dict(members[0])  # every field a member has, whatever the schema adds
    lines: list[str] = []
    position = len(text) + 1
    first = position
    total = base
    n = 0
    while True:
        name = f"Crafted Organization {n:07d}"
        start = position if sound else first
        member: dict[str, Any] = {
            **template,
            "id": f"crafted-{n:07d}",
            "name": name,
            "acronym": None,
            "country": None,
            "country_as_printed": None,
            "listed_as": name,
            "span": {"start": start, "end": start + len(name), "quote": name},
            "mentions": [],
        }
        cost = len(json.dumps(member, ensure_ascii=False)) + 2 + len(name) + 2  # "\\n" in the JSON text
        if total + cost > size:
            break
        total += cost
        members.append(member)
        lines.append(name)
        position += len(name) + 1
        n += 1
    text = "\n".join([text, *lines])
    data["text"] = text
    data["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    result = json.dumps(data, ensure_ascii=False)
    assert len(result) <= size, (len(result), size)
    return result

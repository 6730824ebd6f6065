"""The provenance part of the data notes, generated from the records.

``docs/_generated/provenance.md`` is :func:`render` of the bundled release;
the docs build (``docs/_ext/provenance.py``) and the test suite refuse a copy
that differs, so the notes cannot drift from the data.
"""

from __future__ import annotations

import re
from typing import Final

from ._model import Release, Source

__all__ = ["render"]

_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    r"""Return *text* with the characters Markdown would read as markup escaped.

    >>> print(escape("a|b *c* [d]"))
    a\|b \*c\* \[d\]
    """
    return _SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def render(release: Release) -> str:
    """Return the Markdown list of *release*'s sources and table of its inferences."""
    lines = [
        "<!-- Generated from the records by icnk_letter._notes.render(); do not edit by hand. -->",
        "",
        "### Sources",
        "",
        f"{len(release.sources)} outside publications, each read in a stored copy on the date given:",
        "",
    ]
    lines.extend(line for source in release.sources for line in _source(source))
    lines += [
        "",
        "### Inferences",
        "",
        f"{len(release.inferences)} values that the release does not print, with their basis:",
        "",
        "| record | field | value | basis | sources |",
        "|---|---|---|---|---|",
    ]
    for inference in release.inferences:
        spans = "; ".join(f"[{span.start}:{span.end}] {escape(repr(span.quote))}" for span in inference.spans)
        basis = escape(inference.rule) + (f" Printed: {spans}." if spans else "")
        sources = ", ".join(f"`{source}`" for source in inference.sources) or "-"
        lines.append(
            f"| `{inference.record}` | `{inference.field}` | {escape(inference.value)} | {basis} | {sources} |"
        )
    return "\n".join(lines) + "\n"


def _source(source: Source) -> list[str]:
    published = source.published.isoformat() if source.published else "date of publication not confirmed"
    accessed = f", read {source.accessed.isoformat()}" if source.accessed else ""
    head = (
        f"- `{source.id}`: {escape(source.publisher)}, [{escape(source.title)}](<{source.url}>),"
        f" {published}{accessed}."
    )
    return [head, *(f"  - {escape(fact)}" for fact in source.facts)]

"""HTML for the reading page: escaping, links, and the release text with every span marked.

Every record's main span is wrapped in a ``<span>`` with the record's ``id``;
each mention in one with ``data-record`` (and an ``id`` of its own,
``amnesty-international.mention-1``); both carry ``data-kind``. The spans of
the source's discrepancies are marked too (``data-discrepancy``). Spans that
nest stay nested; where two spans cross, the later one is split into
fragments, only the first of which has the ``id``. The words of every span
are links (``<a href="#row.ID">``) to the record's row in the page's tables.

All text is escaped, carriage returns as ``&#13;`` so that the parser keeps
them (it cannot carry a NUL character, which becomes U+FFFD).
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import quote as _percent

import attrs

from ._marks import label_of, marks
from ._model import Release, Span

__all__ = ["counted", "esc", "fragment", "link", "row_id", "short", "text_markup"]


def esc(value: str) -> str:
    """Return *value* escaped for HTML text and double-quoted attributes.

    A carriage return becomes ``&#13;`` (the parser would turn a raw one into a
    line feed) and NUL, which HTML cannot carry, U+FFFD.

    >>> esc('<a href="x">&\\r')
    '&lt;a href=&quot;x&quot;&gt;&amp;&#13;'
    """
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    if "\0" in value:
        value = value.replace("\0", "\ufffd")
    return value


def fragment(target_id: str) -> str:
    """Return the ``href`` of a link to the element *target_id* on this page, escaped.

    >>> fragment("row.amnesty-international"), fragment('a "b"')
    ('#row.amnesty-international', '#a%20%22b%22')
    """
    if _PLAIN.fullmatch(target_id):  # every id of a sound release: nothing to quote
        return "#" + target_id
    return "#" + esc(_percent(target_id, safe="-._~!$'()*+,;=:@/?"))


_PLAIN: Final = re.compile(r"[A-Za-z0-9._-]*")


def row_id(record_id: str) -> str:
    return "row." + record_id


def link(target_id: str, text: str, *, title: str | None = None) -> str:
    title_attr = f' title="{esc(title)}"' if title is not None else ""
    return f'<a href="{fragment(target_id)}"{title_attr}>{esc(text)}</a>'


def short(text: str, limit: int = 60) -> str:
    """Return *text* cut to *limit* characters, with an ellipsis if it was longer."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


@attrs.frozen
class _Element:
    """One marked span of the text: the attributes of its first fragment and of the rest."""

    start: int
    end: int
    first: str
    rest: str
    href: str
    title: str


def _elements(release: Release) -> list[_Element]:
    """Return the marked spans of *release*, clipped to its text, in the order they open."""
    size = len(release.text)
    found: list[tuple[int, int, int, _Element]] = []

    def add(span: Span, first: str, rest: str, href: str, title: str) -> None:
        start = min(max(span.start, 0), size)
        end = min(max(span.end, start), size)
        # Outer spans open first (the longer of two that start together), then printed order.
        found.append((start, -end, len(found), _Element(start, end, first, rest, href, title)))

    for mark in marks(release):
        record, kind = mark.record, mark.kind
        record_id = esc(record.id)
        title = f"{short(label_of(release, record))} ({kind})"
        href = fragment(row_id(record.id))
        if mark.mention == 0:
            first = f'class="r k-{kind}" id="{record_id}" data-kind="{kind}"'
            rest = f'class="r k-{kind}" data-record="{record_id}" data-kind="{kind}"'
        else:
            mention_id = esc(f"{record.id}.mention-{mark.mention}")
            first = f'class="r k-{kind} m" id="{mention_id}" data-record="{record_id}" data-kind="{kind}"'
            rest = f'class="r k-{kind} m" data-record="{record_id}" data-kind="{kind}"'
        add(mark.span, first, rest, href, title)
    for discrepancy in release.discrepancies:
        discrepancy_id = esc(discrepancy.id)
        href = fragment("discrepancy." + discrepancy.id)
        for number, span in enumerate(discrepancy.spans, start=1):
            span_id = esc(f"discrepancy.{discrepancy.id}.{number}")
            first = f'class="d" id="{span_id}" data-discrepancy="{discrepancy_id}"'
            rest = f'class="d" data-discrepancy="{discrepancy_id}"'
            add(span, first, rest, href, f"discrepancy: {discrepancy.id}")
    found.sort(key=lambda item: item[:3])
    return [element for *_, element in found]


def text_markup(release: Release) -> str:
    """Return the inside of ``#release-text``: the text, escaped, with every span marked.

    Each element opens where its span starts and closes where it ends. When
    an element must close while elements opened inside it are still open (two
    spans that cross), those are closed with it and reopened right after as
    fragments without the ``id``, so the markup always nests and the text is
    never changed. Every run of text inside a span is a link to the row of the
    innermost one.

    >>> import icnk_letter
    >>> markup = text_markup(icnk_letter.load())
    >>> markup.count('id="amnesty-international"'), markup.count('data-record="amnesty-international"')
    (1, 1)
    """
    text = release.text
    elements = _elements(release)
    starts: dict[int, list[_Element]] = {}
    empties: dict[int, list[_Element]] = {}
    bounds = {0, len(text)}
    for element in elements:
        (starts if element.end > element.start else empties).setdefault(element.start, []).append(element)
        bounds.update((element.start, element.end))
    positions = sorted(bounds)
    out: list[str] = []
    stack: list[_Element] = []
    for here, there in zip(positions, [*positions[1:], len(text)], strict=True):
        closing = [index for index, element in enumerate(stack) if element.end == here]
        if closing:
            reopened = [element for element in stack[closing[0] :] if element.end != here]
            out.append("</span>" * (len(stack) - closing[0]))
            del stack[closing[0] :]
            for element in reopened:
                out.append(f"<span {element.rest}>")
                stack.append(element)
        for element in empties.get(here, ()):
            out.append(f"<span {element.first}></span>")
        for element in starts.get(here, ()):
            out.append(f"<span {element.first}>")
            stack.append(element)
        if there > here:
            words = esc(text[here:there])
            if stack:
                innermost = stack[-1]
                out.append(f'<a href="{innermost.href}" title="{esc(innermost.title)}">{words}</a>')
            else:
                out.append(words)
    return "".join(out)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """Return *count* and *noun*, in the plural unless it is 1.

    >>> counted(1, "quote"), counted(5, "person", "people"), counted(0, "claim")
    ('1 quote', '5 people', '0 claims')
    """
    return f"{count} {noun if count == 1 else plural or noun + 's'}"

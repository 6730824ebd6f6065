"""The provenance notes of the docs are generated from the records and cannot drift."""

from __future__ import annotations

import os
from pathlib import Path

import attrs

import icnk_letter
from icnk_letter._notes import escape, render

NOTES = Path(__file__).resolve().parents[1] / "docs" / "_generated" / "provenance.md"


def test_committed_notes_are_generated(release: icnk_letter.Release) -> None:
    """docs/_generated/provenance.md is exactly what the records render (ICNK_LETTER_UPDATE_GOLDEN=1 rewrites it)."""
    expected = render(release)
    if os.environ.get("ICNK_LETTER_UPDATE_GOLDEN"):
        NOTES.write_text(expected, encoding="utf-8", newline="\n")
    assert expected == NOTES.read_text(encoding="utf-8"), "regenerate with ICNK_LETTER_UPDATE_GOLDEN=1"


def test_every_inference_and_source_is_listed(release: icnk_letter.Release) -> None:
    """One table row per inference and one item per source, in data order."""
    lines = render(release).splitlines()
    rows = [line for line in lines if line.startswith("| `")]
    assert [f"| `{i.record}` | `{i.field}` |" for i in release.inferences] == [
        " |".join(row.split(" |")[:2]) + " |" for row in rows
    ]
    assert [f"- `{s.id}`:" for s in release.sources] == [
        line.split(" ", 2)[0] + " " + line.split(" ", 2)[1] for line in lines if line.startswith("- `")
    ]


def test_unconfirmed_dates_and_no_spans(release: icnk_letter.Release) -> None:
    """A source without dates says so; an inference without spans gives its rule alone."""
    source = attrs.evolve(release.sources[0], published=None, accessed=None)
    inference = attrs.evolve(release.inferences[0], spans=(), sources=())
    text = render(attrs.evolve(release, sources=(source,), inferences=(inference,)))
    assert "date of publication not confirmed." in text
    assert text.rstrip().endswith(f"| {escape(inference.rule)} | - |")


def test_escape() -> None:
    """Markup characters are escaped, line breaks joined."""
    assert "a\\|b \\_c\\_ \\<d\\> e" == escape("a|b _c_ <d>\ne")

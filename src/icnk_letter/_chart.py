"""The chart of the reading page: an inline SVG bar chart of the members per country.

The library draws it, with no plotting dependency: a bar per country code
and one for the members printed without a country, each with a text label,
its count and a ``<title>``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Final

from ._markup import counted, esc
from ._model import Organization, Release

__all__ = ["NONE_PRINTED", "chart"]

NONE_PRINTED: Final = "none printed"


def _country_counts(members: Sequence[Organization]) -> list[tuple[str, int]]:
    """Return (label, count) per country of *members*, most first, "none printed" last."""
    counts: Counter[str | None] = Counter(member.country for member in members)
    printed: dict[str, list[str]] = {}
    for member in members:
        if member.country is not None and member.country_as_printed is not None:
            names = printed.setdefault(member.country, [])
            if member.country_as_printed not in names:
                names.append(member.country_as_printed)
    known = sorted((code for code in counts if code is not None), key=lambda code: (-counts[code], code))
    bars: list[tuple[str, int]] = []
    for code in known:
        names = [name for name in printed.get(code, ()) if name != code]
        bars.append((f"{code} ({', '.join(names)})" if names else code, counts[code]))
    if counts[None]:
        bars.append((NONE_PRINTED, counts[None]))
    return bars


def chart(release: Release) -> str:
    """Return an inline SVG bar chart of the members per country, "none printed" included.

    Bars are sized in percent of the width, so the chart fits any screen; each
    has a text label and its count, and a ``<title>``.

    >>> import icnk_letter
    >>> svg = chart(icnk_letter.load())
    >>> "<title id=\\"chart.title\\">Members per country</title>" in svg, "none printed: 13 members" in svg
    (True, True)
    """
    bars = _country_counts(release.members)
    most = max((count for _, count in bars), default=1)
    row, top = 40, 8
    height = top + row * len(bars)
    parts = [
        f'<figure>\n<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" '
        'role="img" aria-labelledby="chart.title chart.desc">\n'
        '<title id="chart.title">Members per country</title>\n'
        f'<desc id="chart.desc">{len(release.members)} members by the country printed after their name '
        "on the member list.</desc>\n"
    ]
    for index, (label, count) in enumerate(bars):
        y = top + row * index
        width = 85 * count / most
        none = ' class="none"' if label == NONE_PRINTED else ""
        parts.append(
            f"<g><title>{esc(label)}: {counted(count, 'member')}</title>"
            f'<text x="0" y="{y + 13}">{esc(label)}</text>'
            f'<rect{none} x="0" y="{y + 18}" width="{width:.2f}%" height="14"></rect>'
            f'<text x="{width:.2f}%" dx="6" y="{y + 30}">{count}</text></g>\n'
        )
    parts.append(
        "</svg>\n<figcaption>Members per country, as printed after each name on the member list; "
        "outlined: no country printed.</figcaption>\n</figure>\n"
    )
    return "".join(parts)

"""Sphinx configuration: MyST Markdown, furo, autodoc; built with ``-n -W``."""

from __future__ import annotations

from importlib.metadata import version as _version
from pathlib import Path
from typing import Any

project = "icnk_letter"
author = "The icnk_letter developers"
copyright = "2026, The icnk_letter developers (code); the release text belongs to its authors"
release = _version("icnk-letter")
version = ".".join(release.split(".")[:2])

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
master_doc = "index"
exclude_patterns = ["_build"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"icnk_letter {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False

nitpicky = True
# The build runs offline (no intersphinx inventory of the Python docs can be
# fetched), so references to the standard library and to attrs/cattrs types
# cannot resolve; they are listed here instead of being silenced wholesale.
nitpick_ignore_regex = [
    ("py:class", r"(str|int|bool|bytes|object|float|type|tuple|list|dict|None|Any|T|T_co|_R)"),
    ("py:class", r"(datetime\.date|enum\.Enum|os\.PathLike|pathlib\.Path)"),
    ("py:class", r"(collections\.abc\.|typing\.)\w+"),
    ("py:class", r"(Iterable|Iterator|Sequence|Mapping|Callable|Literal|Final|TypeVar)"),
    ("py:class", r"(cattrs|attrs|attr)(\.\w+)*"),
    ("py:class", r"(Converter|PathLike|StrPath)"),
    ("py:exc", r"(ValueError|LookupError|TypeError|KeyError|OSError)"),
    ("py:obj", r"(T|T_co|_R)"),
    # Type variables of the generic API (Records[T_co], Hit[R_co], get()'s default).
    ("py:class", r"icnk_letter\._\w+\.(T|T_co|D|R|R_co|_R|_D)"),
]

# The reading page (the ``html`` export) is published beside these pages as
# release.html. It is made at build time from the installed package, so it is
# never a stale copy: nothing generated is committed.
html_extra_path: list[str] = []


def _write_release_page(app: Any) -> None:
    """Export the bundled release as HTML into a folder that html_extra_path copies into the build."""
    import icnk_letter

    folder = Path(app.doctreedir) / "extra"
    folder.mkdir(parents=True, exist_ok=True)
    page = icnk_letter.export(icnk_letter.load(), "html")
    (folder / "release.html").write_bytes(page.encode("utf-8"))
    app.config.html_extra_path = [*app.config.html_extra_path, str(folder)]


def setup(app: Any) -> dict[str, Any]:
    """Connect the hook that writes release.html."""
    app.connect("builder-inited", _write_release_page)
    return {"parallel_read_safe": True}

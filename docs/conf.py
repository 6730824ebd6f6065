"""Sphinx configuration: MyST Markdown, furo, autodoc; built with ``-n -W``."""

from __future__ import annotations

import contextlib
import re
import sys
from importlib.metadata import version as _version
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

import icnk_letter

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# The local extension that checks the generated provenance notes (docs/_ext).
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "icnk_letter"
author = "The icnk_letter developers"
copyright = "2026, The icnk_letter developers (code); the release text belongs to its authors"
release = _version("icnk-letter")
version = ".".join(release.split(".")[:2])

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon", "provenance"]
source_suffix = {".md": "markdown"}
master_doc = "index"
# _generated holds pages included into others (data-notes.md includes provenance.md).
exclude_patterns = ["_build", "_generated"]
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
    ("py:class", r"icnk_letter\._\w+\.(T|T_co|D|R|R_co|_R|_D|_O|_P|_C|_Cl|_Q|_L)"),
]


# -- public paths and real defaults ---------------------------------------------

_PRIVATE_PATH = re.compile(r"\bicnk_letter\._\w+\.(\w+)\b")


def _public_path(match: re.Match[str]) -> str:
    name = match.group(1)
    return f"icnk_letter.{name}" if name in icnk_letter.__all__ else match.group(0)


def _public_references(app: Sphinx, doctree: nodes.document) -> None:
    """Name the public classes where users import them: ``icnk_letter.Span``, not ``icnk_letter._model.Span``.

    Type annotations are resolved to the module a class is defined in; the
    references (and the text of those that show the full path) are rewritten here.
    """
    for ref in doctree.findall(addnodes.pending_xref):
        target = ref.get("reftarget", "")
        if ref.get("refdomain") == "py" and target.rpartition(".")[2] == "Record":
            # A type alias, documented as data: some Sphinx versions refer to it
            # as a class in type hints, and a class reference would not resolve.
            ref["reftype"] = "obj"
            ref["reftarget"] = target = "icnk_letter.Record"
            continue
        public = _PRIVATE_PATH.sub(_public_path, target)
        if public == target:
            continue
        ref["reftarget"] = public
        for text in list(ref.findall(nodes.Text)):
            if _PRIVATE_PATH.search(text):
                text.parent.replace(text, nodes.Text(_PRIVATE_PATH.sub(_public_path, text)))


def _attrs_defaults(app: Sphinx, obj: object, bound_method: bool) -> None:
    """Show the default values of attrs classes, not the expressions of their generated ``__init__``.

    ``autodoc_preserve_defaults`` reads a default from the source, and the
    source attrs generates says ``attr_dict['mentions'].default``; without the
    signature it sets, the value itself (``()``) is shown.
    """
    signature = getattr(obj, "__signature__", None)
    if signature is not None and "attr_dict[" in str(signature):
        with contextlib.suppress(AttributeError):
            delattr(obj, "__signature__")


# The reading page (the ``html`` export) is published beside these pages as
# release.html. It is made at build time from the installed package, so it is
# never a stale copy: nothing generated is committed.
html_extra_path: list[str] = []


def _write_release_page(app: Sphinx) -> None:
    """Export the bundled release as HTML into a folder that html_extra_path copies into the build."""
    folder = Path(app.doctreedir) / "extra"
    folder.mkdir(parents=True, exist_ok=True)
    page = icnk_letter.export(icnk_letter.load(), "html")
    (folder / "release.html").write_bytes(page.encode("utf-8"))
    app.config.html_extra_path = [*app.config.html_extra_path, str(folder)]


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _public_references)
    # After autodoc's own handler (priority 500), which sets the signature in Sphinx 7 and 8.
    app.connect("autodoc-before-process-signature", _attrs_defaults, priority=900)
    app.connect("builder-inited", _write_release_page)

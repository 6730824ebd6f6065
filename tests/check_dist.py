"""Check that the built wheel and sdist carry what users need (run by ``nox -s build``).

Usage: ``python tests/check_dist.py DIST_DIR``; exits non-zero naming what is missing.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from pathlib import Path

WHEEL_MUST_HAVE = [
    "icnk_letter/__init__.py",
    "icnk_letter/py.typed",
    "icnk_letter/formats/__init__.py",
    "icnk_letter/data/release.txt",
    "icnk_letter/data/release.json",
    "icnk_letter/data/countries.json",
    "icnk_letter/data/languages.json",
    "icnk_letter/data/number_words.json",
    "icnk_letter/data/spellings.json",
    "icnk_letter/data/calling_codes.json",
    "icnk_letter/data/names.json",
    "icnk_letter/data/units.json",
    "icnk_letter/data/unicode.json",
]
WHEEL_LICENSE = "licenses/LICENSE"
SDIST_MUST_HAVE = [
    "LICENSE",
    "README.md",
    "CHANGELOG.md",
    "CITATION.cff",
    "pyproject.toml",
    "tests/test_data.py",
    "tests/golden/release.html",
    "tests/data/anno-context.jsonld",
    "docs/conf.py",
    "docs/_static/release-page.png",
]


def missing_from_wheel(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    missing = [name for name in WHEEL_MUST_HAVE if name not in names]
    if not any(name.endswith(".dist-info/" + WHEEL_LICENSE) for name in names):
        missing.append(f"*.dist-info/{WHEEL_LICENSE}")
    return missing


def missing_from_sdist(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as tf:
        names = {name.split("/", 1)[1] for name in tf.getnames() if "/" in name}
    return [name for name in SDIST_MUST_HAVE if name not in names]


def main(dist: Path) -> int:
    wheels = sorted(dist.glob("*.whl"))
    sdists = sorted(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"expected one wheel and one sdist in {dist}", file=sys.stderr)
        return 1
    problems = [f"{wheels[0].name}: missing {name}" for name in missing_from_wheel(wheels[0])]
    problems += [f"{sdists[0].name}: missing {name}" for name in missing_from_sdist(sdists[0])]
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{wheels[0].name} and {sdists[0].name} carry the data, py.typed and the license")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

"""The normalization rules shared by lookup, search and filters.

Text is compared after these steps, in order:

1. apostrophes of every kind (straight, typographic U+2018 and U+2019, modifier
   letters, the backtick, the acute accent) are dropped, so "Defectors'",
   "Defectors\\u2019" and "Defectors" are one word;
2. Unicode NFKC normalization, then case folding (``str.casefold``);
3. accents and other combining marks are removed ("é" is "e");
4. in numbers, a comma between digits is dropped ("200,000" is "200000") and a
   full stop between digits is kept ("24.5");
5. "&" is the word "and"; any other character that is not a letter or a digit
   (hyphens, slashes, brackets, other punctuation, symbols, emoji, control
   characters) separates words, and runs of spaces count as one;
6. British spellings are folded into American ones ("labour" is "labor"),
   from the list in the package data file ``spellings.json``.

Before any of these, a character that Unicode 13.0 (the database of Python
3.10) does not assign becomes a space, so every supported Python reads text
alike, whatever Unicode version its own database has.

A lookup key additionally ignores a leading "the" and is compared whole.

>>> normalize("Young Defectors\\u2019 Alliance for North-Korean  Human Rights")
'young defectors alliance for north korean human rights'
>>> normalize("Asian Human Rights & Humanity, Kraków: 200,000 in 24.5 labour camps")
'asian human rights and humanity krakow 200000 in 24.5 labor camps'
>>> lookup_key("The Simon Wiesenthal Center")
'simon wiesenthal center'
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata

from ._resources import read_text
from ._unicode import mask_unassigned

__all__ = [
    "edit_distance",
    "email_key",
    "fuzzy_budget",
    "lookup_key",
    "normalize",
    "phone_key",
    "without_article",
    "words",
]

# Apostrophes are dropped before NFKC, which would turn U+00B4 (acute accent) into a space and a combining mark.
_APOSTROPHES = "'\u2018\u2019\u201b\u02bc\u02bb\u0060\u00b4\u2032\uff07"
_DROP_APOSTROPHES = {ord(c): None for c in _APOSTROPHES}

# For ASCII text (after "&" became "and" and apostrophes were dropped): keep letters,
# digits and (decimal) full stops; every other character separates words.
_ASCII_BYTES = bytes(c if chr(c).isalnum() or chr(c) == "." else ord(" ") for c in range(256))
_ASCII_APOSTROPHES = b"'`"

# Fixed patterns, applied to the text (no user input is ever compiled).
_THOUSANDS = re.compile(r"(?<=\d),(?=\d)")
_NOT_DECIMAL_POINT = re.compile(r"(?<!\d)\.|\.(?!\d)")

# Characters that may appear in a telephone number written by hand.
_PHONE_CHARS = frozenset("0123456789+-.()/ \u00a0\u2010\u2011\u2012\u2013\u2014\u2212")


def normalize(text: str) -> str:
    """Return *text* normalized for comparison: words separated by single spaces.

    >>> normalize("  Inter-American   Federation ")
    'inter american federation'
    >>> normalize("\\uff23\\uff2f\\uff2d\\uff2a\\uff21\\uff2e")  # fullwidth letters
    'comjan'
    """
    if text.isascii():
        text = text.lower()  # NFKC changes no ASCII text, and casefold() is lower() there
    else:
        text = mask_unassigned(text)
        text = unicodedata.normalize("NFKC", text.translate(_DROP_APOSTROPHES)).casefold()
    if "," in text:
        text = _THOUSANDS.sub("", text)
    if "." in text:
        text = _NOT_DECIMAL_POINT.sub(" ", text)
    if text.isascii():
        if "&" in text:
            text = text.replace("&", " and ")
        text = text.encode("ascii").translate(_ASCII_BYTES, _ASCII_APOSTROPHES).decode("ascii")
    else:
        text = _strip_non_ascii(text)
    stems = _spelling_stems()
    return " ".join([_fold_spelling(word, stems) if word[:4] in stems else word for word in text.split()])


def words(text: str) -> tuple[str, ...]:
    """Return the normalized words of *text*.

    >>> words("Free NK Gulag (ROK)")
    ('free', 'nk', 'gulag', 'rok')
    """
    return tuple(normalize(text).split())


def lookup_key(text: str) -> str:
    """Return the key under which *text* is looked up: normalized, without a leading "the".

    >>> lookup_key("the  Society to Help Returnees")
    'society to help returnees'
    """
    return without_article(normalize(text))


def without_article(normalized: str) -> str:
    """Return normalized text without a leading "the" (the rest of a lookup key)."""
    return normalized[4:] if normalized.startswith("the ") else normalized


def phone_key(text: str) -> str | None:
    """Return *text* as a telephone number key, or ``None`` if it is not one.

    An international number (a leading ``+`` or ``00``) gives ``+`` and its
    digits, dropping a "(0)" trunk prefix; a national number gives its digits.
    A ``tel:`` URI is read without its parameters. Numbers have 6 to 15 digits.

    >>> phone_key("tel:+81-3-5282-5162"), phone_key("+44 (0)20 8329 0045"), phone_key("03-5282-5162")
    ('+81352825162', '+442083290045', '0352825162')
    >>> phone_key("24.5 million") is None
    True
    """
    head = text.lstrip()[:1]
    if head.isascii() and head.isalpha() and head not in "tT":
        return None  # the common case, a name: no need to normalize it
    text = unicodedata.normalize("NFKC", mask_unassigned(text, "\ufffd")).strip().casefold()
    if text.startswith("tel:"):
        text = text[4:].partition(";")[0].strip()
    if not text or not _PHONE_CHARS.issuperset(text):
        return None
    international = text.startswith("+")
    if text.count("+") > international:
        return None
    if international:
        text = text.replace("(0)", "")
    digits = "".join(c for c in text if c in "0123456789")
    if not international and digits.startswith("00"):
        international, digits = True, digits[2:]
    if not 6 <= len(digits) <= 15:
        return None
    return "+" + digits if international else digits


def email_key(text: str) -> str | None:
    """Return *text* as an email address key (case-folded), or ``None`` if it is not one.

    >>> email_key(" mailto:OpenNK@Naver.com ")
    'opennk@naver.com'
    """
    text = unicodedata.normalize("NFKC", mask_unassigned(text, "\ufffd")).strip().casefold()
    text = text.removeprefix("mailto:")
    if text.count("@") != 1 or any(c.isspace() for c in text):
        return None
    return text


def fuzzy_budget(length: int) -> int:
    """Return how many edits a word of *length* characters may have and still match.

    Words of up to 2 characters must match exactly (or as a prefix), words of
    3 to 7 characters may have one edit, longer words two.

    >>> [fuzzy_budget(n) for n in (2, 3, 7, 8)]
    [0, 1, 1, 2]
    """
    if length < 3:
        return 0
    return 1 if length < 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Return the edit distance of *a* and *b*, or ``limit + 1`` if it exceeds *limit*.

    Edits are insertions, deletions, substitutions and transpositions of two
    adjacent characters (the optimal string alignment distance); only a band of
    width ``2 * limit + 1`` is computed, so long strings cost little.

    >>> edit_distance("international", "internacional", 2), edit_distance("fence", "fnece", 2)
    (1, 1)
    >>> edit_distance("kontras", "conectas", 1)
    2
    """
    if a == b:
        return 0
    over = limit + 1
    if abs(len(a) - len(b)) > limit:
        return over
    # Equal leading and trailing characters never need an edit: most typos are
    # one or two characters in a long name, and leave a short middle to compare.
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    a, b = a[start:end_a], b[start:end_b]
    la, lb = len(a), len(b)
    if not la or not lb:
        return min(la + lb, over)
    previous2: list[int] = []
    previous = [j if j <= limit else over for j in range(lb + 1)]
    for i in range(1, la + 1):
        current = [over] * (lb + 1)
        if i <= limit:
            current[0] = i
        row_min = current[0]
        ca = a[i - 1]
        for j in range(max(1, i - limit), min(lb, i + limit) + 1):
            cb = b[j - 1]
            value = previous[j - 1] + (ca != cb)
            if previous[j] + 1 < value:
                value = previous[j] + 1
            if current[j - 1] + 1 < value:
                value = current[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and previous2[j - 2] + 1 < value:
                value = previous2[j - 2] + 1
            if value > over:
                value = over
            current[j] = value
            if value < row_min:
                row_min = value
        if row_min >= over:
            return over
        previous2, previous = previous, current
    return min(previous[lb], over)


def _strip_non_ascii(text: str) -> str:
    # Remove accents: decompose, drop combining marks, recompose (Hangul recombines).
    text = unicodedata.normalize("NFD", text)
    text = unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))
    out: list[str] = []
    for c in text:
        if c.isalnum() or c == "." or unicodedata.category(c)[0] == "M":
            out.append(c)
        elif c == "&":
            out.append(" and ")
        elif c not in _APOSTROPHES:
            out.append(" ")
    return "".join(out)


@functools.cache
def _spelling_stems() -> dict[str, list[tuple[str, str]]]:
    """Return the British stems by their first four letters, longest first: (stem, American stem)."""
    table: dict[str, str] = json.loads(read_text("spellings.json"))["british_to_american"]
    stems: dict[str, list[tuple[str, str]]] = {}
    for stem in sorted(table, key=len, reverse=True):
        stems.setdefault(stem[:4], []).append((stem, table[stem]))
    return stems


def _fold_spelling(word: str, stems: dict[str, list[tuple[str, str]]]) -> str:
    for stem, replacement in stems[word[:4]]:
        if word.startswith(stem):
            return replacement + word[len(stem) :]
    return word

"""The rules one record must meet on its own, without the release text.

Strict loading (:func:`icnk_letter.from_json` and :func:`icnk_letter.from_dict`)
applies them to any class it builds, and :func:`icnk_letter.verify` applies them
to a release before checking it against its text; the regular expressions and
rules live here only, so the two never disagree:

- a :class:`Span` has ``0 <= start <= end`` and a ``quote`` of ``end - start``
  characters;
- a :class:`Phone`'s ``e164`` is an E.164 number (``+``, then 2 to 15 digits,
  the first not 0), and its ``international`` form has the same digits (ASCII
  digits: no other character counts as one, on any Python);
- a :class:`Quantity`'s ``value`` is not negative;
- a :class:`Language`'s ``tag`` is a BCP 47 tag (a primary language subtag of 2
  or 3 lowercase letters, an optional script and an optional region);
- every record's ``id`` is a lowercase slug (``[a-z0-9]+(-[a-z0-9]+)*``);
- the ``name`` of an organization or a person and the ``text`` of a claim or a
  quote are neither empty nor blank.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any, Final, cast

import attrs

from ._model import (
    Claim,
    ClaimKind,
    Contact,
    Discrepancy,
    Inference,
    Language,
    Letter,
    Organization,
    Person,
    Phone,
    PhoneKind,
    Precision,
    Quantity,
    Quote,
    Record,
    Release,
    Source,
    Span,
)

__all__ = [
    "BLANK",
    "COUNTRY_CODE",
    "E164",
    "ID",
    "LANGUAGE",
    "LANGUAGE_TAG",
    "PHONE",
    "QUANTITY",
    "SLUG",
    "SPAN",
    "label",
    "record_problems",
    "span_is_sound",
]

E164: Final = re.compile(r"\+[1-9][0-9]{1,14}")
COUNTRY_CODE: Final = re.compile(r"[A-Z]{2}")
# BCP 47 language tag: a primary language subtag and optional script/region.
LANGUAGE_TAG: Final = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?")
SLUG: Final = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Digits are ASCII: str.isdigit() would depend on the running Python's Unicode version.
_DIGITS: Final = frozenset("0123456789")

# The rule each problem breaks; verify() files each under one of its named checks.
SPAN: Final = "span"
PHONE: Final = "phone"
QUANTITY: Final = "quantity"
LANGUAGE: Final = "language"
ID: Final = "id"
BLANK: Final = "blank"


def label(path: str, record: object) -> str:
    """Return *path* with the record's id beside it: ``members[3] (fidh)``.

    The root (an empty *path*) stays empty: its fields' paths start with their names.
    """
    record_id = getattr(record, "id", None)
    return f"{path} ({record_id})" if path and isinstance(record_id, str) else path


def span_is_sound(span: Span) -> bool:
    """Return whether *span* meets the rules of a span on its own (its positions and length)."""
    return 0 <= span.start <= span.end and len(span.quote) == span.end - span.start


def record_problems(obj: object, path: str = "") -> list[tuple[str, str]]:
    """Return ``(rule, problem)`` for *obj* and every record inside it, depth first.

    *obj* is a record, a release, a tuple of them, or anything else (which has
    no rules). Each problem starts with the path of the value concerned, under
    *path* (empty for the root), with record ids beside indices as
    :func:`verify` names them (``contacts[2] (contact-london).phones[0].e164``).
    """
    found: list[tuple[str, str]] = []
    _walk(obj, path, found)
    return found


Found = list[tuple[str, str]]
Rule = Callable[[Any, str, Found], None]
# Values that hold no records: most fields of a record, skipped without a call.
_LEAVES: Final = frozenset({str, int, bool, type(None), datetime.date, PhoneKind, ClaimKind, Precision})
_PLANS: dict[type, tuple[tuple[Rule, ...], tuple[str, ...]] | None] = {}


def _walk(obj: object, path: str, found: Found) -> None:
    if isinstance(obj, tuple):
        for index, item in enumerate(cast("tuple[object, ...]", obj)):
            if type(item) not in _LEAVES:
                _walk(item, f"{path}[{index}]", found)
        return
    plan = _PLANS[type(obj)] if type(obj) in _PLANS else _plan(type(obj))
    if plan is None:
        return
    rules, names = plan
    where = label(path, obj)
    for rule in rules:
        rule(obj, where, found)
    for name in names:
        value: object = getattr(obj, name)
        if type(value) not in _LEAVES:
            _walk(value, f"{where}.{name}" if where else name, found)


def _plan(cls: type) -> tuple[tuple[Rule, ...], tuple[str, ...]] | None:
    """Return the rules of a class of records and the names of its fields (None if it is not one)."""
    plan = None
    if attrs.has(cls):
        rules = tuple(rule for bases, rule in _RULES if issubclass(cls, bases))
        plan = rules, tuple(field.name for field in attrs.fields(cls))
    _PLANS[cls] = plan
    return plan


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _span_rule(span: Span, path: str, found: Found) -> None:
    if span.start < 0:
        found.append((SPAN, f"{_join(path, 'start')}: {span.start} is negative"))
    if span.end < span.start:
        found.append((SPAN, f"{_join(path, 'end')}: {span.end} is before start {span.start}"))
    elif len(span.quote) != span.end - span.start:
        problem = (
            f"{_join(path, 'quote')}: {span.quote!r:.60} is {len(span.quote)} characters long,"
            f" but [{span.start}:{span.end}] covers {span.end - span.start}"
        )
        found.append((SPAN, problem))


def _phone_rule(phone: Phone, path: str, found: Found) -> None:
    if not E164.fullmatch(phone.e164):
        found.append((PHONE, f"{_join(path, 'e164')}: {phone.e164!r} is not an E.164 number"))
    elif "+" + "".join(c for c in phone.international if c in _DIGITS) != phone.e164:
        problem = f"{_join(path, 'international')}: {phone.international!r} is not {phone.e164}"
        found.append((PHONE, problem))


def _quantity_rule(quantity: Quantity, path: str, found: Found) -> None:
    if quantity.value < 0:
        found.append((QUANTITY, f"{_join(path, 'value')}: {quantity.value} is negative"))


def _language_rule(language: Language, path: str, found: Found) -> None:
    if not LANGUAGE_TAG.fullmatch(language.tag):
        found.append((LANGUAGE, f"{_join(path, 'tag')}: {language.tag!r} is not a BCP 47 language tag"))


def _id_rule(record: Record | Release | Discrepancy | Source | Inference, path: str, found: Found) -> None:
    if not SLUG.fullmatch(record.id):
        why = "is not a lowercase slug (letters a-z and digits, words joined by single hyphens)"
        found.append((ID, f"{_join(path, 'id')}: {record.id!r} {why}"))


def _name_rule(record: Organization | Person, path: str, found: Found) -> None:
    if not record.name.strip():
        found.append((BLANK, f"{_join(path, 'name')}: {record.name!r} is empty or blank"))


def _text_rule(record: Claim | Quote, path: str, found: Found) -> None:
    if not record.text.strip():
        found.append((BLANK, f"{_join(path, 'text')}: {record.text!r} is empty or blank"))


# (classes, rule): each record gets the rules of every class it is an instance of.
_RULES: Final[tuple[tuple[type | tuple[type, ...], Rule], ...]] = (
    (Span, _span_rule),
    (Phone, _phone_rule),
    (Quantity, _quantity_rule),
    (Language, _language_rule),
    (
        (Release, Letter, Organization, Person, Contact, Claim, Quote, Discrepancy, Source, Inference),
        _id_rule,
    ),
    ((Organization, Person), _name_rule),
    ((Claim, Quote), _text_rule),
)

"""Dates written out in English for people, the same whatever the locale."""

from __future__ import annotations

import datetime
from typing import Final

__all__ = ["long_date"]

# Spelled out here: strftime("%B") follows the locale a program may have set.
_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(date: datetime.date) -> str:
    """Return *date* as day, English month name and year.

    >>> long_date(datetime.date(2012, 1, 9))
    '9 January 2012'
    """
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"

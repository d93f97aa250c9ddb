"""Reporting periods: parsing and the matching rule (their Finnish names are in finnish.py).

Progress reports are snapshots: "717 tehtävää, joista 35 % valmiina" is the state at the end of the
period the item reports on. So a requested period P matches every document whose report period *ends
on the same day* as P: asking for ``2025-Q2`` finds a half-year report ``2025-H1`` (both end
30.6.2025), and asking for ``2025`` finds a ``2025-Q4`` report. Stored periods may also be months
(``2025-06``) or ISO date ranges (``2025-01-01/2025-06-30``); requested ones are quarters, halves or
years, as the CLI contract writes them.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_REQUESTED = re.compile(r"^(\d{4})(?:-([QH])([1-4]))?$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    kind: str  # Q | H | Y | M | R (range)
    year: int
    index: int | None
    start: date
    end: date

    def matches(self, other: Period) -> bool:
        """Snapshot rule: two periods report the same state when they end on the same day."""
        return self.end == other.end

    def before(self, other: Period) -> bool:
        return self.end < other.start


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str) -> Period:
    """A requested period: ``2026-Q1``, ``2025-H1`` or ``2025``. Raises ValueError otherwise."""
    m = _REQUESTED.match(text.strip())
    if not m:
        raise ValueError(f"bad period {text!r}: write it as 2026-Q1, 2025-H1 or 2025")
    year, kind, idx = int(m[1]), (m[2] or "Y").upper(), int(m[3]) if m[3] else None
    if kind == "H" and idx not in (1, 2):
        raise ValueError(f"bad period {text!r}: a half-year is H1 or H2")
    months = {"Y": (1, 12), "Q": (3 * (idx or 1) - 2, 3 * (idx or 1)), "H": (6 * (idx or 1) - 5, 6 * (idx or 1))}
    first, last = months[kind]
    label = f"{year}" if kind == "Y" else f"{year}-{kind}{idx}"
    return Period(label, kind, year, idx, date(year, first, 1), _month_end(year, last))


def parse_stored_period(text: str | None) -> Period | None:
    """A period as the store may hold it (also months and date ranges); None when unreadable."""
    if not text:
        return None
    text = text.strip()
    try:
        return parse_period(text)
    except ValueError:
        pass
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            return Period(text, "M", year, month, date(year, month, 1), _month_end(year, month))
    if m := _RANGE.match(text):
        try:
            start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        except ValueError:
            return None
        return Period(text, "R", end.year, None, start, end)
    return None

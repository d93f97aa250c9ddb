"""What every platform connector provides, and the small records passed between fetch steps."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Protocol

from ..model import ErrorRecord, SourceDocument
from .http import PoliteClient

STAGE = "fetch"


@dataclass(frozen=True, slots=True)
class Window:
    """Which items to fetch: meeting dates within [since, until] (inclusive), at most ``limit`` items."""

    since: date | None = None
    until: date | None = None
    limit: int | None = None

    def admits(self, day: date | None) -> bool:
        """An item whose date the listing does not tell is admitted; its page will tell."""
        if day is None:
            return True
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class ItemRef:
    """One agenda item as a listing (feed, meeting page) names it, before its page is fetched."""

    url: str
    body: str | None = None
    meeting_date: date | None = None
    title: str | None = None
    item_id: str | None = None  # the platform's own id, e.g. Dynasty "20261273-7"
    fields: dict[str, str] = field(default_factory=dict)  # further metadata the listing knew

    def describe(self) -> str:
        """One line for listings and progress: date, body, title, URL."""
        day = self.meeting_date.isoformat() if self.meeting_date else "????-??-??"
        return f"{day}  {self.body or '?'}: {self.title or '(untitled)'}  {self.url}"


class Connector(Protocol):
    """One publishing platform. A new platform is one module with one class like this.

    ``items`` lists what a URL (feed, meeting page, API query) points to without downloading the
    items themselves (``--dry-run`` prints it); ``documents`` downloads one item and its attachments.
    Failures are appended to ``errors`` as ``ErrorRecord(url, "fetch", one line)`` and the run goes
    on; only a URL whose listing cannot be read at all raises :class:`FetchError`.
    """

    name: ClassVar[str]

    def __init__(self, client: PoliteClient, errors: list[ErrorRecord]) -> None: ...

    @classmethod
    def handles(cls, url: str) -> bool: ...

    def items(self, url: str, window: Window) -> Iterator[ItemRef]: ...

    def documents(self, item: ItemRef) -> Iterator[SourceDocument]: ...

"""Fetch agendas from publishing platforms and feed them to the pipeline.

``fetch(url, db_path)`` picks the connector that handles ``url``, lists its items (``plan``),
downloads each item and its attachments as :class:`~nlp_pipeline.model.SourceDocument`
(``iter_documents``) and hands them to :func:`nlp_pipeline.pipeline.process_sources`. Every
download goes through one :class:`PoliteClient` (rate limit per host, retries, conditional-GET
disk cache), so a re-run downloads nothing unchanged and an interrupted run resumes.
Failures become ``ErrorRecord(url, "fetch", message)`` rows; the run goes on.

Adding a platform (Helsinki Ahjo API JSON, TWeb ``ktwebbin/dbisa.dll``, CloudNC ``meetingrss``)
is one new module with one class satisfying :class:`Connector` (see ``base.py``)::

    class AhjoConnector:
        name = "ahjo"
        def __init__(self, client, errors): ...
        @classmethod
        def handles(cls, url): return urlsplit(url).hostname == "paatokset.hel.fi"
        def items(self, url, window): ...     # API query pages -> ItemRef (no item downloads)
        def documents(self, item): ...        # one item -> SourceDocument(s), attachments with parent_source

plus its name in ``CONNECTORS`` below. Connectors get bytes only through ``client.get`` and turn
them into documents with the ingest parsers (``parse_html``, ``parse_pdf``); they never store.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..model import ErrorRecord, SourceDocument
from .base import STAGE, Connector, ItemRef, Window
from .dynasty import DynastyConnector
from .http import DEFAULT_INTERVAL, USER_AGENT, ClientStats, FetchError, PoliteClient, default_cache_dir

CONNECTORS: tuple[type[Connector], ...] = (DynastyConnector,)
BATCH_SIZE = 32  # documents per store transaction

__all__ = [
    "CONNECTORS", "USER_AGENT", "ClientStats", "Connector", "FetchError", "FetchSummary", "ItemRef",
    "PoliteClient", "UnsupportedURL", "Window", "connector_for", "default_cache_dir", "fetch",
    "iter_documents", "plan",
]


class UnsupportedURL(ValueError):
    def __init__(self, url: str):
        names = ", ".join(c.name for c in CONNECTORS)
        super().__init__(f"{url}: no connector handles this URL (supported: {names}; for Dynasty give a "
                         f"DREQUEST.PHP?page=rss/meetingitems, rss/meetings, meeting or meetingitem URL)")


@dataclass(slots=True)
class FetchSummary:
    url: str
    items: int = 0  # items listed and attempted
    documents: int = 0  # documents downloaded and parsed (item pages, PDFs, attachments)
    errors: list[ErrorRecord] = field(default_factory=list)
    http: ClientStats = field(default_factory=ClientStats)
    failed: str | None = None  # the listing itself could not be read: nothing was fetched
    stored: object | None = None  # the pipeline's RunSummary

    def report(self) -> list[str]:
        """The summary lines the CLI prints."""
        h = self.http
        lines = [
            f"{_count(self.items, 'item')}, {_count(self.documents, 'document')} (item pages, PDFs, attachments) "
            f"from {self.url}",
            f"HTTP: {h.requests} requests, {h.downloads} downloads ({h.bytes / 1e6:.2f} MB), "
            f"{h.not_modified} not modified, {h.cache_hits} from cache, {h.retries} retries",
        ]
        if self.errors:
            lines.append(f"{_count(len(self.errors), 'error')} (also in the errors table):")
            lines += [f"  {e.source}: {e.message}" for e in self.errors]
        return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def connector_for(url: str, client: PoliteClient, errors: list[ErrorRecord]) -> Connector:
    for connector in CONNECTORS:
        if connector.handles(url):
            return connector(client, errors)
    raise UnsupportedURL(url)


def plan(url: str, client: PoliteClient, window: Window = Window()) -> tuple[list[ItemRef], list[ErrorRecord]]:
    """What a fetch of ``url`` would download (the items; their attachments are known only from their pages)."""
    errors: list[ErrorRecord] = []
    items = list(connector_for(url, client, errors).items(url, window))
    return items, errors


def iter_documents(url: str, client: PoliteClient, window: Window, summary: FetchSummary,
                   progress: Callable[[int, ItemRef], None] | None = None) -> Iterator[SourceDocument]:
    """Documents of every listed item, item first then its attachments; counts and errors go to ``summary``.

    A listing that cannot be read is recorded in ``summary.failed`` (and as an error) and ends the iteration.
    ``progress(n, item)`` is called before the n-th item is downloaded.
    """
    connector = connector_for(url, client, summary.errors)
    try:
        for item in connector.items(url, window):
            summary.items += 1
            if progress is not None:
                progress(summary.items, item)
            for doc in connector.documents(item):
                summary.documents += 1
                yield doc
    except FetchError as exc:
        summary.failed = exc.message
        summary.errors.append(ErrorRecord(source=exc.url, stage=STAGE, message=exc.message))


def fetch(url: str, db_path: str | Path, *, window: Window = Window(), client: PoliteClient | None = None,
          cache_dir: str | Path | None = None, interval: float = DEFAULT_INTERVAL, analyzer=None,
          batch_size: int = BATCH_SIZE, progress: Callable[[int, ItemRef], None] | None = None) -> FetchSummary:
    """Fetch ``url``'s items into the database at ``db_path``; failures go to its ``errors`` table.

    Documents are stored every ``batch_size`` documents (an item always with its attachments), so an
    interrupted run keeps what it stored and, with the HTTP cache, downloads nothing twice when resumed.
    Errors already recorded for the same URL with the same message are not written again.
    """
    from ..pipeline import RunSummary, process_sources
    from ..store import Store

    own_client = client is None
    if own_client:
        client = PoliteClient(cache_dir if cache_dir is not None else default_cache_dir(), interval=interval)
    summary = FetchSummary(url=url, http=client.stats, stored=RunSummary())
    connector_for(url, client, summary.errors)  # an unsupported URL fails before anything is downloaded

    def store(batch: list[SourceDocument]) -> None:
        result = process_sources(batch, db_path, analyzer)
        summary.stored.processed += result.processed
        summary.stored.unchanged += result.unchanged
        summary.stored.seconds += result.seconds
        batch.clear()

    batch: list[SourceDocument] = []
    try:
        for doc in iter_documents(url, client, window, summary, progress):
            if doc.parent_source is None and len(batch) >= batch_size:
                store(batch)
            batch.append(doc)
        if batch:
            store(batch)
    finally:
        if own_client:
            client.close()
        with Store(db_path) as db:
            _write_new_errors(db, summary.errors)
    return summary


def _write_new_errors(store, errors: list[ErrorRecord]) -> None:
    """A re-run that meets the same failure (a 404 attachment) leaves the errors table as it was."""
    known = set(store.con.execute("SELECT source, stage, message FROM errors WHERE stage = ?", [STAGE]).fetchall())
    new = list({(e.source, e.stage, e.message): e for e in errors if (e.source, e.stage, e.message) not in known}.values())
    if new:
        store.write_errors(new)

"""Dynasty tietopalvelu: RSS feeds, meeting pages, item pages and their PDFs.

URL scheme (``/cgi/DREQUEST.PHP?page=...``): ``rss/meetingitems`` and ``rss/meetings`` feeds,
``meeting&id=<meetingId>`` (a meeting's agenda) and ``meetingitem&id=<meetingId>-<n>`` (one item).
The item's PDF is ``../kokous/<meetingId>-<n>.PDF``; attachments ``../kokous/<...>-<k>.PDF``.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import defusedxml
import defusedxml.ElementTree as SafeET
from selectolax.lexbor import LexborHTMLParser

from ..ingest import IngestError, LayoutChanged, decode_bytes, parse_html, parse_pdf
from ..model import ErrorRecord, SourceDocument
from .base import STAGE, ItemRef, Window
from .http import FetchError, PoliteClient

FEED_PAGES = ("rss/meetingitems", "rss/meetings")
PAGES = (*FEED_PAGES, "meeting", "meetingitem")

# "Konserni- ja kaupunkikehitysjaosto 27.08.2026 / Asuntotuotannon edistäminen kunnassa"
_FEED_TITLE = re.compile(r"^(?P<body>.+?)\s+(?P<date>\d{1,2}\.\d{1,2}\.\d{4})(?:\s*/\s*(?P<title>.+))?$", re.S)
# Page header "Esityslista 08.09.2025/Asianro 281" (Swedish "Protokoll 08.09.2025/Paragraf 12")
_PAGE_HEADER = re.compile(
    r"^(?P<kind>Esityslista|Pöytäkirja|Föredragningslista|Protokoll)\s+(?P<date>\d{1,2}\.\d{1,2}\.\d{4})"
    r"\s*/\s*(?:Asianro|Pykälä|Ärende|Paragraf)\s+(?P<number>\d+)\s*$")
_ORGANISATION = re.compile(r"^Dynasty tietopalvelu(?:\s+Haku)?(?:\s+RSS)?\s+(?P<org>\S.*)$")
SITES_FILE = Path(__file__).resolve().parents[1] / "data" / "dynasty_sites.json"
_XML_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([\w.-]+)["']""")


def page_of(url: str) -> tuple[str | None, str | None]:
    """The ``page`` and ``id`` query parameters of a Dynasty URL (lower-cased page)."""
    parts = urlsplit(url)
    if not parts.path.lower().endswith("/drequest.php"):
        return None, None
    query = parse_qs(parts.query)
    page = (query.get("page") or [None])[0]
    item_id = (query.get("id") or [None])[0]
    return (page.lower() if page else None), item_id


def parse_feed_title(title: str) -> tuple[str | None, date | None, str | None]:
    """``Body DD.MM.YYYY / Title`` -> (body, date, title); what does not match is the title."""
    match = _FEED_TITLE.match(" ".join(title.split()))
    if not match:
        return None, None, title.strip() or None
    try:
        day = _dmy(match["date"])
    except ValueError:  # 31.02.2026: keep the text, drop the impossible date
        return match["body"], None, match["title"]
    return match["body"], day, match["title"]


def parse_feed(data: bytes, url: str) -> list[tuple[str, str]]:
    """(title, link) of each ``<item>`` of an RSS 2.0 feed, XML bombs and external entities refused.

    Raises :class:`FetchError` for anything that is not a safe, well-formed RSS document.
    """
    declared = _XML_DECLARED.match(data[:200])
    try:
        text = decode_bytes(data, url, declared.group(1).decode("ascii") if declared else None)
    except IngestError as exc:
        raise FetchError(url, f"feed: {exc.problem}") from None
    try:
        root = SafeET.fromstring(text, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise FetchError(url, f"feed rejected: entity declarations or external references are not allowed "
                              f"(possible XML bomb): {type(exc).__name__}") from None
    except ET.ParseError as exc:
        raise FetchError(url, f"feed is not well-formed XML: {exc}") from None
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise FetchError(url, f"not an RSS 2.0 feed (root element <{root.tag}>)")
    entries = []
    for item in channel.iter("item"):
        link = (item.findtext("link") or "").strip()
        if link:
            entries.append(((item.findtext("title") or "").strip(), urljoin(url, link)))
    return entries


def page_header(html: str) -> dict[str, str]:
    """Organisation, body, date and item number from the page around the item text (header, navigation)."""
    tree = LexborHTMLParser(html)
    for block in tree.css("div.data-part-block-htm"):
        block.decompose()  # the item's own text may quote other items' header lines
    if tree.body is None:
        return {}
    lines = [" ".join(line.split()) for line in tree.body.text(separator="\n").split("\n") if line.strip()]
    fields: dict[str, str] = {}
    for i, line in enumerate(lines):
        if match := _ORGANISATION.match(line):
            fields["organisation"] = match["org"].strip()
        elif match := _PAGE_HEADER.match(line):
            fields["item_number"] = match["number"]
            fields["document_kind"] = match["kind"]
            try:
                fields["meeting_date"] = _dmy(match["date"]).isoformat()
            except ValueError:
                pass
            if i and not _ORGANISATION.match(lines[i - 1]) and "://" not in lines[i - 1]:
                fields["body"] = lines[i - 1]
    return fields


@lru_cache(maxsize=1)
def known_sites() -> dict[str, dict[str, str]]:
    """Per-host configuration (organisation name): a new municipality is one line in the data file."""
    return json.loads(SITES_FILE.read_text(encoding="utf-8"))


class DynastyConnector:
    """Dynasty feeds, meeting pages and item pages, with the item PDF and attachments."""

    name = "dynasty"

    def __init__(self, client: PoliteClient, errors: list[ErrorRecord]):
        self.client = client
        self.errors = errors

    @classmethod
    def handles(cls, url: str) -> bool:
        return page_of(url)[0] in PAGES

    # ---------------------------------------------------------------- listings

    def items(self, url: str, window: Window) -> Iterator[ItemRef]:
        page, _ = page_of(url)
        if page == "meetingitem":
            refs = iter([self._item_ref(url)])
        elif page == "meeting":
            refs = self._meeting_items(url, None, None, window)
        elif page == "rss/meetings":
            refs = self._meetings_feed(url, window)
        else:
            refs = self._items_feed(url, window)
        for count, ref in enumerate(refs, start=1):
            yield ref
            if window.limit is not None and count >= window.limit:
                return

    def _items_feed(self, url: str, window: Window) -> Iterator[ItemRef]:
        for title, link in parse_feed(self.client.get(url, revalidate=True).content, url):
            body, day, item_title = parse_feed_title(title)
            if window.admits(day):
                yield self._item_ref(link, body, day, item_title)

    def _meetings_feed(self, url: str, window: Window) -> Iterator[ItemRef]:
        for title, link in parse_feed(self.client.get(url, revalidate=True).content, url):
            body, day, _ = parse_feed_title(title)
            if not window.admits(day):
                continue
            try:
                yield from self._meeting_items(link, body, day, window)
            except FetchError as exc:
                self._error(exc.url, f"meeting page: {exc.message}")

    def _meeting_items(self, url: str, body: str | None, day: date | None, window: Window) -> Iterator[ItemRef]:
        response = self.client.get(url, revalidate=True)
        try:
            tree = LexborHTMLParser(decode_bytes(response.content, url, response.charset))
        except IngestError as exc:
            raise FetchError(url, exc.problem) from None
        seen = set()
        for link in tree.css("a[href]"):
            target = urljoin(response.url, link.attributes.get("href") or "")
            if page_of(target)[0] == "meetingitem" and target not in seen:
                seen.add(target)
                yield self._item_ref(target, body, day, " ".join(link.text().split()) or None)

    def _item_ref(self, url: str, body: str | None = None, day: date | None = None,
                  title: str | None = None) -> ItemRef:
        return ItemRef(url=url, body=body, meeting_date=day, title=title, item_id=page_of(url)[1])

    # ---------------------------------------------------------------- items and attachments

    def documents(self, item: ItemRef) -> Iterator[SourceDocument]:
        """The item page as a document, then its PDF and attachments as documents whose parent is the item."""
        try:
            response = self.client.get(item.url)
            doc = parse_html(response.content, item.url, response.charset)
            if not doc.headings:
                raise LayoutChanged(item.url, "item text has no headings (Valmistelija, Selostus, …): layout changed")
            html = decode_bytes(response.content, item.url, response.charset)
        except FetchError as exc:
            self._error(item.url, f"item page: {exc.message}")
            return
        except IngestError as exc:
            self._error(item.url, f"item page: {exc.problem}")
            return
        fields = self._item_fields(item, doc, page_header(html))
        yield replace(doc, fields=fields)
        for pdf_url, label in self._pdf_links(LexborHTMLParser(html), response.url):
            pdf = self._pdf_document(pdf_url, item, fields, label)
            if pdf is not None:
                yield pdf

    def _item_fields(self, item: ItemRef, doc: SourceDocument, header: dict[str, str]) -> dict[str, str]:
        """Page markup first, then the page header, then what the listing said, then the site configuration."""
        listing = {"body": item.body, "title": item.title,
                   "meeting_date": item.meeting_date.isoformat() if item.meeting_date else None,
                   "dynasty_id": item.item_id}
        # No item_number from the link id: its n is the item's place in the meeting, not its number
        # (HSY's 202041-2 is § 109); the page header or, failing it, segmentation of the text gives it.
        site = known_sites().get(urlsplit(item.url).hostname or "", {})
        fields = {"platform": self.name}
        for source in (site, listing, header, doc.fields):
            fields.update({k: v for k, v in source.items() if v})
        fields.pop("pdf_href", None)
        return fields

    def _pdf_links(self, tree: LexborHTMLParser, page_url: str) -> list[tuple[str, str]]:
        links: dict[str, str] = {}
        for a in tree.css("a[href]"):
            target = urljoin(page_url, a.attributes.get("href") or "")
            if urlsplit(target).path.lower().endswith(".pdf") and target not in links:
                links[target] = " ".join(a.text().split())
        return list(links.items())

    def _pdf_document(self, url: str, item: ItemRef, item_fields: dict[str, str], label: str) -> SourceDocument | None:
        try:
            doc = parse_pdf(self.client.get(url).content, url)
        except FetchError as exc:
            self._error(url, f"attachment of {item.url}: {exc.message}")
            return None
        except IngestError as exc:
            self._error(url, f"attachment of {item.url}: {exc.problem}")
            return None
        is_item_pdf = item.item_id is not None and urlsplit(url).path.rsplit("/", 1)[-1].lower() == f"{item.item_id}.pdf"
        fields = {k: v for k, v in item_fields.items() if k in ("organisation", "body", "meeting_date", "item_number",
                                                                "diary_number", "platform")}
        fields["attachment"] = "item_pdf" if is_item_pdf else "attachment"
        title = item_fields.get("title") if is_item_pdf else label
        if title:
            fields["title"] = title
        return replace(doc, fields={**fields, **doc.fields}, parent_source=item.url)

    def _error(self, url: str, message: str) -> None:
        self.errors.append(ErrorRecord(source=url, stage=STAGE, message=message))


def _dmy(text: str) -> date:
    day, month, year = (int(x) for x in text.split("."))
    return date(year, month, day)

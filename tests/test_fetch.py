"""Fetch from a fake Dynasty served on 127.0.0.1 by the tests themselves (no internet).

Feeds, meeting pages, item pages and PDFs are built at test time from the seeds and the Ahjo
corpus, read in place, in the formats of ../shared/dynasty/README.md.
"""
from __future__ import annotations

import hashlib
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from nlp_pipeline.fetch import (USER_AGENT, FetchError, FetchSummary, PoliteClient, Window, iter_documents,
                                plan)
from nlp_pipeline.fetch.dynasty import page_header, parse_feed, parse_feed_title
from nlp_pipeline.fetch.http import RateLimiter
from tests.support import make_pdf

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_281 = SHARED / "seeds" / "kantahame-aluehallitus-2025-09-08-asia281.txt"
SEED_36 = SHARED / "seeds" / "kantahame-integraatiovaliokunta-2026-05-28-p36.txt"
AHJO = SHARED / "corpus" / "helsinki-ahjo"

CGI = "/cgi/DREQUEST.PHP"
# Dynasty writes a heading as the first span of a paragraph; these are the ones the seeds use.
HEADINGS = ("Valmistelija", "Selostus", "Esittelijä", "Toimivallan peruste", "Toimialajohtajan päätösesitys",
            "Hyvinvointialuejohtajan päätösesitys", "Päätös", "Täytäntöönpano", "Muutoksenhaku")
_PAGE_HEADER = re.compile(r"^(Esityslista|Pöytäkirja) \d\d\.\d\d\.\d{4}/")


# ---------------------------------------------------------------- the fake server


@dataclass
class Route:
    body: bytes
    content_type: str
    statuses: list[int] = field(default_factory=list)  # served (and consumed) before the body
    delay: float = 0.0
    truncate: bool = False
    location: str | None = None
    validators: bool = True  # send ETag and Last-Modified (Dynasty's CGI pages may not)


class FakeDynasty:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.downloads = 0  # 200 responses with a body
        self.user_agents: set[str] = set()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                fake.serve(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.handle_error = lambda *a: None  # clients that time out leave broken pipes
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def url(self, target: str) -> str:
        return self.base + target

    def add(self, target: str, body: bytes, content_type: str = "text/html; charset=utf-8", **behaviour) -> str:
        self.routes[target] = Route(body, content_type, **behaviour)
        return self.url(target)

    def serve(self, request: BaseHTTPRequestHandler) -> None:
        self.hits[request.path] += 1
        self.user_agents.add(request.headers.get("User-Agent", ""))
        route = self.routes.get(request.path)
        if route is None:
            request.send_error(404)
            return
        if route.delay:
            time.sleep(route.delay)
        if route.statuses:
            request.send_error(route.statuses.pop(0))
            return
        if route.location:
            request.send_response(302)
            request.send_header("Location", route.location)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        etag = '"%s"' % hashlib.sha1(route.body).hexdigest()
        if route.validators and request.headers.get("If-None-Match") == etag:
            request.send_response(304)
            request.send_header("ETag", etag)
            request.end_headers()
            return
        request.send_response(200)
        request.send_header("Content-Type", route.content_type)
        if route.validators:
            request.send_header("ETag", etag)
            request.send_header("Last-Modified", "Mon, 08 Sep 2025 06:00:00 GMT")
        request.send_header("Content-Length", str(len(route.body)))
        request.end_headers()
        request.wfile.write(route.body[: len(route.body) // 3] if route.truncate else route.body)
        if route.truncate:
            request.close_connection = True
        else:
            self.downloads += 1

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# ---------------------------------------------------------------- content built from the seeds


def seed_parts(path: Path) -> tuple[list[str], list[str]]:
    """(page header lines, item lines) of a seed copied from a Dynasty item page."""
    lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    ends = [i for i, line in enumerate(lines) if _PAGE_HEADER.match(line)]
    cut = ends[0] + 1 if ends else 0
    return lines[:cut], lines[cut:]


def seed_title(path: Path) -> str:
    return next(line for line in seed_parts(path)[1] if line != "Confidential")


def item_paragraphs(lines: list[str]) -> str:
    """The documented markup: ``<p><span>heading</span><span>text</span></p>`` or ``<p><span>text</span></p>``."""
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        heading = next((h for h in HEADINGS if line == h or line.startswith(h + " ")), None)
        if heading and line == heading and i + 1 < len(lines):
            rest, i = lines[i + 1], i + 1
        else:
            rest = line[len(heading):].strip() if heading else line
        spans = ([heading] if heading else []) + ([rest] if rest else [])
        out.append("<p>" + "".join(f"<span>{escape(s)}</span>" for s in spans) + "</p>")
        i += 1
    return "\n".join(out)


def item_page(seed: Path, item_id: str, attachments: dict[str, str] = {}, charset: str = "utf-8") -> bytes:
    header, lines = seed_parts(seed)
    links = [f"<a class='' target='_blank' href='../kokous/{item_id}.PDF'>Kokousasia</a>"]
    links += [f"<a href='../kokous/{name}'>{escape(label)}</a>" for name, label in attachments.items()]
    html = (
        "<!DOCTYPE html><html><head><title>Dynasty tietopalvelu</title></head><body>\n"
        + "<div class='data-part page-header'>" + "".join(f"<div>{escape(h)}</div>" for h in header) + "</div>\n"
        + "<div class='data-part page-navigation'>" + " | ".join(links) + "</div>\n"
        + "<div class='data-part meetingitem'><div class='data-part-block-htm'><div>\n"
        + item_paragraphs(lines) + "\n</div></div></div></body></html>"
    )
    return html.encode(charset, "xmlcharrefreplace")


def feed(entries: list[tuple[str, str]], kind: str = "Kokousasiat") -> bytes:
    items = "".join(f"<item><title><![CDATA[{title}]]></title><description><![CDATA[{title.split(' / ')[-1]}]]>"
                    f"</description><link><![CDATA[{link}]]></link></item>\n" for title, link in entries)
    xml = ("<?xml version='1.0' encoding='iso-8859-1'?><rss version='2.0'><channel><title><![CDATA[Dynasty]]></title>"
           f"<description><![CDATA[Dynasty - {kind}]]></description>\n{items}</channel></rss>")
    return xml.encode("iso-8859-1")


def wrapped(lines: list[str], width: int = 100) -> list[str]:
    out = []
    for line in lines:
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            cut = cut if cut > 0 else width
            out.append(line[:cut])
            line = line[cut:].strip()
        out.append(line)
    return out


def ahjo_lines(n: int) -> list[str]:
    """Text lines of the first Ahjo agenda item of the corpus, for an attachment PDF."""
    path = sorted(AHJO.glob("*.esitys.html"))[0]
    body = LexborHTMLParser(path.read_bytes().decode("utf-8")).body
    return wrapped([" ".join(t.split()) for t in body.text(separator="\n").split("\n") if t.strip()])[:n]


ID_281, ID_36 = "2025101-4", "2026055-2"  # link ordinals differ from Asianro 281 / § 36 on purpose
ATTACHMENT = f"{ID_281}-1.PDF"


@pytest.fixture
def dynasty():
    fake = FakeDynasty()
    yield fake
    fake.close()


def item_url(fake: FakeDynasty, item_id: str) -> str:
    return fake.url(f"{CGI}?page=meetingitem&id={item_id}")


def publish(fake: FakeDynasty) -> str:
    """Two meetings of the county, one item each, with PDFs; returns the meeting-items feed URL."""
    fake.add(f"{CGI}?page=meetingitem&id={ID_281}", item_page(SEED_281, ID_281, {ATTACHMENT: "Tavoiteraportti 2025"}))
    fake.add(f"{CGI}?page=meetingitem&id={ID_36}", item_page(SEED_36, ID_36))
    fake.add(f"/kokous/{ID_281}.PDF", make_pdf(wrapped(seed_parts(SEED_281)[1])), "application/pdf")
    fake.add(f"/kokous/{ID_36}.PDF", make_pdf(wrapped(seed_parts(SEED_36)[1])), "application/pdf")
    fake.add(f"/kokous/{ATTACHMENT}", make_pdf(ahjo_lines(40)), "application/pdf")
    fake.add(f"{CGI}?page=meeting&id=2025101",
             f"<html><body><a href='DREQUEST.PHP?page=meetingitem&id={ID_281}'>{escape(seed_title(SEED_281))}</a>"
             "</body></html>".encode())
    fake.add(f"{CGI}?page=meeting&id=2026055",
             f"<html><body><a href='DREQUEST.PHP?page=meetingitem&id={ID_36}'>{escape(seed_title(SEED_36))}</a>"
             "</body></html>".encode())
    fake.add(f"{CGI}?page=rss/meetings&show=30",
             feed([("Integraatiovaliokunta 28.05.2026", fake.url(f"{CGI}?page=meeting&id=2026055")),
                   ("Aluehallitus 08.09.2025", fake.url(f"{CGI}?page=meeting&id=2025101"))], "Kokoukset"),
             "text/xml; charset=iso-8859-1")
    return fake.add(f"{CGI}?page=rss/meetingitems&show=30",
                    feed([(f"Integraatiovaliokunta 28.05.2026 / {seed_title(SEED_36)}", item_url(fake, ID_36)),
                          (f"Aluehallitus 08.09.2025 / {seed_title(SEED_281)}", item_url(fake, ID_281))]),
                    "text/xml; charset=iso-8859-1")


@pytest.fixture
def client(tmp_path):
    with PoliteClient(tmp_path / "cache", interval=0, retries=2, backoff=0, timeout=2) as c:
        yield c


def run(url: str, client: PoliteClient, window: Window = Window()) -> tuple[list, FetchSummary]:
    summary = FetchSummary(url=url, http=client.stats)
    return list(iter_documents(url, client, window, summary)), summary


def by_source(docs) -> dict:
    return {d.source: d for d in docs}


# ---------------------------------------------------------------- happy paths


def test_items_feed_gives_items_pdfs_and_metadata(dynasty, client):
    feed_url = publish(dynasty)
    docs, summary = run(feed_url, client)
    assert summary.errors == [] and summary.failed is None
    assert summary.items == 2 and summary.documents == 5
    docs = by_source(docs)
    item = docs[item_url(dynasty, ID_281)]
    assert item.format == "html" and item.parent_source is None
    assert item.fields["body"] == "Aluehallitus"
    assert item.fields["meeting_date"] == "2025-09-08"
    assert item.fields["item_number"] == "281"  # from the page header, not the link ordinal 4
    assert item.fields["title"] == seed_title(SEED_281)
    assert item.fields["organisation"] == "Kanta-Hämeen hyvinvointialue"
    assert item.fields["dynasty_id"] == ID_281
    assert "Valtuustotason sitovat tavoitteet vuonna 2025 ovat seuraavat:" in item.text
    other = docs[item_url(dynasty, ID_36)]
    assert (other.fields["body"], other.fields["meeting_date"]) == ("Integraatiovaliokunta", "2026-05-28")
    assert "item_number" not in other.fields  # no page header: segmentation reads "§ 36" from the text
    pdf = docs[dynasty.url(f"/kokous/{ID_281}.PDF")]
    assert pdf.format == "pdf" and pdf.parent_source == item_url(dynasty, ID_281)
    assert pdf.fields["attachment"] == "item_pdf" and pdf.fields["item_number"] == "281"
    assert "Strategiaa toteuttavien tavoitteiden raportointi" in pdf.text
    attachment = docs[dynasty.url(f"/kokous/{ATTACHMENT}")]
    assert attachment.parent_source == item_url(dynasty, ID_281)
    assert attachment.fields["title"] == "Tavoiteraportti 2025" and attachment.fields["attachment"] == "attachment"
    assert ahjo_lines(3)[2] in attachment.text
    assert dynasty.user_agents == {USER_AGENT}


def test_meetings_feed_follows_each_meeting_to_its_items(dynasty, client):
    publish(dynasty)
    items, errors = plan(dynasty.url(f"{CGI}?page=rss/meetings&show=30"), client)
    assert errors == []
    assert [(i.item_id, i.body, i.meeting_date, i.title) for i in items] == [
        (ID_36, "Integraatiovaliokunta", date(2026, 5, 28), seed_title(SEED_36)),
        (ID_281, "Aluehallitus", date(2025, 9, 8), seed_title(SEED_281)),
    ]


def test_single_item_page_url(dynasty, client):
    publish(dynasty)
    docs, summary = run(item_url(dynasty, ID_281), client)
    assert summary.items == 1 and [d.format for d in docs] == ["html", "pdf", "pdf"]
    assert docs[0].fields["meeting_date"] == "2025-09-08"  # from the page header alone


def test_since_until_and_limit_select_items_before_downloading_them(dynasty, client):
    feed_url = publish(dynasty)
    items, _ = plan(feed_url, client, Window(since=date(2026, 1, 1)))
    assert [i.item_id for i in items] == [ID_36]
    items, _ = plan(feed_url, client, Window(until=date(2025, 12, 31)))
    assert [i.item_id for i in items] == [ID_281]
    items, _ = plan(feed_url, client, Window(limit=1))
    assert len(items) == 1
    assert dynasty.hits[f"{CGI}?page=meetingitem&id={ID_281}"] == 0


def test_feed_title_and_feed_parsing():
    assert parse_feed_title("Konserni- ja kaupunkikehitysjaosto 27.08.2026 / Asuntotuotannon edistäminen") == (
        "Konserni- ja kaupunkikehitysjaosto", date(2026, 8, 27), "Asuntotuotannon edistäminen")
    assert parse_feed_title("Aluehallitus 31.02.2026 / X") == ("Aluehallitus", None, "X")
    entries = parse_feed(feed([("Yhtymähallitus 01.02.2026 / Lääkärien päivystys", "https://x/a")]), "https://x/f")
    assert entries == [("Yhtymähallitus 01.02.2026 / Lääkärien päivystys", "https://x/a")]


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize("statuses", [[500, 503], [429, 502]])
def test_server_error_is_retried_then_succeeds(dynasty, client, statuses):
    feed_url = publish(dynasty)
    dynasty.routes[f"{CGI}?page=meetingitem&id={ID_36}"].statuses = statuses
    docs, summary = run(feed_url, client)
    assert summary.errors == [] and summary.documents == 5
    assert dynasty.hits[f"{CGI}?page=meetingitem&id={ID_36}"] == 3 and client.stats.retries == 2


def test_client_error_is_not_retried_and_404_attachment_keeps_the_item(dynasty, client):
    feed_url = publish(dynasty)
    del dynasty.routes[f"/kokous/{ATTACHMENT}"]
    docs, summary = run(feed_url, client)
    assert dynasty.hits[f"/kokous/{ATTACHMENT}"] == 1
    assert [(e.source, e.stage) for e in summary.errors] == [(dynasty.url(f"/kokous/{ATTACHMENT}"), "fetch")]
    assert "HTTP 404" in summary.errors[0].message and item_url(dynasty, ID_281) in summary.errors[0].message
    assert item_url(dynasty, ID_281) in by_source(docs) and summary.documents == 4


def test_timeout_is_retried_then_reported_and_the_run_goes_on(dynasty, tmp_path):
    feed_url = publish(dynasty)
    dynasty.routes[f"{CGI}?page=meetingitem&id={ID_36}"].delay = 0.6
    with PoliteClient(tmp_path / "c", interval=0, retries=1, backoff=0, timeout=0.2) as slow:
        docs, summary = run(feed_url, slow)
    [error] = summary.errors
    assert error.source == item_url(dynasty, ID_36)
    assert "timed out" in error.message and "2 attempts" in error.message
    assert item_url(dynasty, ID_281) in by_source(docs)


def test_truncated_body_is_reported_not_stored(dynasty, client):
    feed_url = publish(dynasty)
    dynasty.routes[f"/kokous/{ID_36}.PDF"].truncate = True
    docs, summary = run(feed_url, client)
    [error] = summary.errors
    assert error.source == dynasty.url(f"/kokous/{ID_36}.PDF") and "truncated body" in error.message
    assert dynasty.url(f"/kokous/{ID_36}.PDF") not in by_source(docs)


TITLE_WITH_UMLAUTS = "Strategisten tavoitteiden seuranta, ensimmäinen neljännes"  # feed titles are Latin-1


@pytest.mark.parametrize("actual, declared", [("iso-8859-1", "utf-8"), ("utf-8", "iso-8859-1")])
def test_wrong_charset_header_gives_no_mojibake(dynasty, client, actual, declared):
    publish(dynasty)
    dynasty.add(f"{CGI}?page=meetingitem&id=2026055-9", item_page(SEED_36, "2026055-9", charset=actual),
                f"text/html; charset={declared}")
    feed_url = dynasty.add(f"{CGI}?page=rss/meetingitems&show=1",
                           feed([(f"Integraatiovaliokunta 28.05.2026 / {TITLE_WITH_UMLAUTS}",
                                  item_url(dynasty, "2026055-9"))]), f"text/xml; charset={declared}")
    docs, summary = run(feed_url, client)
    item = docs[0]
    assert summary.errors[0].source.endswith("/kokous/2026055-9.PDF")  # not published: the only error
    assert "Ã" not in item.text and "Ã" not in item.fields["title"]
    assert "Integraatiovaliokunta hyväksyi päätösesityksen." in item.text
    assert item.fields["title"] == TITLE_WITH_UMLAUTS


def test_redirect_loop_is_reported(dynasty, client):
    feed_url = publish(dynasty)
    a, b = f"{CGI}?page=meetingitem&id={ID_36}", "/moved"
    dynasty.routes[a].location = dynasty.url(b)
    dynasty.add(b, b"", location=dynasty.url(a))
    docs, summary = run(feed_url, client)
    [error] = summary.errors
    assert error.source == dynasty.url(a) and "redirect loop" in error.message


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rss version='2.0'><channel><title>Dynasty</title><item><title>&lol9;</title><link>x</link></item></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version='2.0'><channel><item><title>&x;</title><link>x</link></item></channel></rss>"""


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_xml_bomb_feed_is_rejected_safely(dynasty, client, payload):
    feed_url = dynasty.add(f"{CGI}?page=rss/meetingitems&show=30", payload, "text/xml")
    docs, summary = run(feed_url, client)
    assert docs == [] and summary.items == 0
    assert "XML bomb" in summary.failed
    assert [(e.source, e.stage) for e in summary.errors] == [(feed_url, "fetch")]


def test_empty_feed_fetches_nothing_and_is_no_error(dynasty, client):
    feed_url = dynasty.add(f"{CGI}?page=rss/meetingitems&show=30", feed([]), "text/xml")
    docs, summary = run(feed_url, client)
    assert (docs, summary.items, summary.errors, summary.failed) == ([], 0, [], None)


def test_html_instead_of_feed_is_a_failed_listing(dynasty, client):
    feed_url = dynasty.add(f"{CGI}?page=rss/meetingitems&show=30", b"<html><body>Haku</body></html>")
    _, summary = run(feed_url, client)
    assert "not an RSS 2.0 feed" in summary.failed


@pytest.mark.parametrize("page", [
    b"<html><body><div class='data-part page-navigation'></div><div class='content'><p>Uusi ulkoasu, jossa "
    b"asian teksti on toisaalla kuin ennen, eik\xc3\xa4 sit\xc3\xa4 l\xc3\xb6ydy entisest\xc3\xa4 paikasta.</p></div></body></html>",
    b"<html><body><div class='data-part meetingitem'><div class='data-part-block-htm'><div>Koko asia yhten\xc3\xa4 "
    b"tekstin\xc3\xa4 ilman yht\xc3\xa4\xc3\xa4n otsikkoa: valmistelija, selostus ja p\xc3\xa4\xc3\xa4t\xc3\xb6sesitys "
    b"kaikki samassa kappaleessa.</div></div></div></body></html>",
], ids=["no-item-block", "no-headings"])
def test_changed_layout_is_reported_not_stored(dynasty, client, page):
    feed_url = publish(dynasty)
    dynasty.routes[f"{CGI}?page=meetingitem&id={ID_36}"].body = page
    docs, summary = run(feed_url, client)
    [error] = summary.errors
    assert error.source == item_url(dynasty, ID_36) and "layout changed" in error.message
    assert {d.source for d in docs} == {item_url(dynasty, ID_281), dynasty.url(f"/kokous/{ID_281}.PDF"),
                                        dynasty.url(f"/kokous/{ATTACHMENT}")}


def test_pdf_without_text_layer_is_recorded_as_needing_ocr(dynasty, client):
    feed_url = publish(dynasty)
    dynasty.routes[f"/kokous/{ID_36}.PDF"].body = make_pdf([])
    _, summary = run(feed_url, client)
    [error] = summary.errors
    assert error.source == dynasty.url(f"/kokous/{ID_36}.PDF") and "needs OCR" in error.message


def test_rerun_downloads_nothing_and_gives_the_same_documents(dynasty, tmp_path):
    feed_url = publish(dynasty)
    with PoliteClient(tmp_path / "cache", interval=0, backoff=0) as first:
        docs1, _ = run(feed_url, first)
    downloads = dynasty.downloads
    with PoliteClient(tmp_path / "cache", interval=0, backoff=0) as second:
        docs2, _ = run(feed_url, second)
    assert downloads == 6 and dynasty.downloads == downloads  # feed + 2 pages + 3 PDFs, then nothing
    assert second.stats.downloads == 0 and second.stats.not_modified == 6
    assert docs1 == docs2


def test_changed_page_is_downloaded_again(dynasty, tmp_path):
    feed_url = publish(dynasty)
    with PoliteClient(tmp_path / "cache", interval=0, backoff=0) as first:
        run(feed_url, first)
    route = dynasty.routes[f"{CGI}?page=meetingitem&id={ID_36}"]
    route.body = route.body.replace("Integraatiovaliokunta hyväksyi".encode(), "Integraatiovaliokunta hylkäsi".encode())
    with PoliteClient(tmp_path / "cache", interval=0, backoff=0) as second:
        docs, _ = run(feed_url, second)
    assert second.stats.downloads == 1
    assert "Integraatiovaliokunta hylkäsi" in by_source(docs)[item_url(dynasty, ID_36)].text


def test_interrupted_fetch_resumes_without_downloading_again(dynasty, tmp_path):
    feed_url = publish(dynasty)
    with PoliteClient(tmp_path / "cache", interval=0, backoff=0) as first:
        summary = FetchSummary(url=feed_url)
        documents = iter_documents(feed_url, first, Window(), summary)
        [next(documents) for _ in range(2)]  # the first item and its PDF, then the run is killed
        documents.close()
    assert first.stats.downloads == 3
    with PoliteClient(tmp_path / "cache", interval=0, backoff=0) as second:
        docs, _ = run(feed_url, second)
    assert second.stats.downloads == 3 and second.stats.not_modified == 3 and len(docs) == 5


def test_page_without_validators_is_reused_until_its_ttl(dynasty, tmp_path):
    url = dynasty.add(f"{CGI}?page=meetingitem&id={ID_36}", item_page(SEED_36, ID_36), validators=False)
    now = [1000.0]
    with PoliteClient(tmp_path / "cache", interval=0, default_ttl=3600, wall_clock=lambda: now[0]) as c:
        c.get(url)
        now[0] += 3599
        assert c.get(url).from_cache and c.stats.requests == 1
        now[0] += 2
        assert not c.get(url).from_cache and c.stats.downloads == 2


def test_body_over_the_size_limit_is_refused(dynasty, tmp_path):
    url = dynasty.add(f"/kokous/{ID_36}.PDF", make_pdf(wrapped(seed_parts(SEED_36)[1])), "application/pdf")
    with PoliteClient(tmp_path / "c", interval=0, max_bytes=1000) as small, pytest.raises(FetchError) as info:
        small.get(url)
    assert "over the 1,000-byte limit" in info.value.message and dynasty.hits[f"/kokous/{ID_36}.PDF"] == 1


def test_refused_connection_is_retried_then_reported(tmp_path):
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = closed.server_address[1]
    closed.server_close()
    with PoliteClient(tmp_path / "c", interval=0, retries=2, backoff=0) as c, pytest.raises(FetchError) as info:
        c.get(f"http://127.0.0.1:{port}{CGI}?page=rss/meetingitems&show=30")
    assert info.value.message.startswith("connection error") and info.value.message.endswith("after 3 attempts")
    assert c.stats.requests == 3


def test_page_header_of_a_swedish_portal():
    html = ("<html><body><div>Dynasty tietopalvelu Haku RSS Exempelstad</div><div>Bildningsnämnden</div>"
            "<div>Protokoll 12.03.2026/Paragraf 12</div><div class='data-part-block-htm'><p>Protokoll 01.01.2020/"
            "Paragraf 99</p></div></body></html>")
    assert page_header(html) == {"organisation": "Exempelstad", "body": "Bildningsnämnden", "item_number": "12",
                                 "document_kind": "Protokoll", "meeting_date": "2026-03-12"}


def test_fetch_error_message_is_one_line(dynasty, client):
    with pytest.raises(FetchError) as info:
        client.get(dynasty.url("/missing"))
    assert info.value.message == "HTTP 404 Not Found"


# ---------------------------------------------------------------- politeness


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_rate_limiter_spaces_requests_per_host():
    clock = FakeClock()
    limiter = RateLimiter(1.0, clock, clock.sleep)
    times = []
    for host in ["a", "a", "b", "a"]:
        limiter.wait(host)
        times.append((host, clock.now))
        clock.now += 0.25  # the request itself
    assert times == [("a", 100.0), ("a", 101.0), ("b", 101.25), ("a", 102.0)]


def test_client_waits_between_requests_to_one_host(dynasty, tmp_path):
    feed_url = publish(dynasty)
    clock = FakeClock()
    with PoliteClient(tmp_path / "c", interval=1.5, backoff=0, clock=clock, sleep=clock.sleep) as polite:
        run(feed_url, polite)
    assert polite.stats.requests == 6 and clock.slept == [1.5] * 5


# ---------------------------------------------------------------- into the database, through the CLI


def cli_fetch(*args: str):
    from click.testing import CliRunner

    from nlp_pipeline.cli import cli

    return CliRunner().invoke(cli, ["fetch", *args, "--rate", "0"], catch_exceptions=False)


def table_rows(db: Path) -> dict[str, list[tuple]]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        queries = {
            "documents": "SELECT doc_id, source, organisation, body, meeting_date, item_number, title, format, "
                         "parent_doc_id, processed_at FROM documents",
            "sections": "SELECT * FROM sections", "entities": "SELECT * FROM entities", "goals": "SELECT * FROM goals",
            "figures": "SELECT * FROM figures", "errors": "SELECT * FROM errors",
        }
        return {name: sorted(con.execute(q).fetchall(), key=repr) for name, q in queries.items()}
    finally:
        con.close()


def test_cli_fetch_stores_items_with_linked_pdfs_and_rerun_changes_nothing(dynasty, tmp_path):
    feed_url = publish(dynasty)
    db, cache = tmp_path / "a.duckdb", str(tmp_path / "cache")
    first = cli_fetch(feed_url, "--db", str(db), "--cache", cache)
    assert first.exit_code == 0, first.output
    assert "2 items, 5 documents" in first.output
    rows = table_rows(db)
    docs = {r[1]: r for r in rows["documents"]}
    item = docs[item_url(dynasty, ID_281)]
    assert item[2:8] == ("Kanta-Hämeen hyvinvointialue", "Aluehallitus", date(2025, 9, 8), "281",
                         seed_title(SEED_281), "html")
    assert docs[item_url(dynasty, ID_36)][5] == "36"  # read from "§ 36" in the text by segmentation
    for pdf in (f"/kokous/{ID_281}.PDF", f"/kokous/{ATTACHMENT}"):
        assert docs[dynasty.url(pdf)][8] == item[0]  # parent_doc_id is the item's doc_id
    assert rows["errors"] == [] and {r[1] for r in rows["figures"]} >= {item[0]}
    downloads = dynasty.downloads
    again = cli_fetch(feed_url, "--db", str(db), "--cache", cache)
    assert again.exit_code == 0, again.output
    assert "0 downloads" in again.output and dynasty.downloads == downloads
    assert table_rows(db) == rows


def test_cli_fetch_records_errors_once_and_keeps_the_rest(dynasty, tmp_path):
    feed_url = publish(dynasty)
    del dynasty.routes[f"/kokous/{ATTACHMENT}"]
    dynasty.routes[f"{CGI}?page=meetingitem&id={ID_36}"].body = b"<html><body><p>Sivu on siirtynyt.</p></body></html>"
    db, cache = tmp_path / "a.duckdb", str(tmp_path / "cache")
    result = cli_fetch(feed_url, "--db", str(db), "--cache", cache, "--no-nlp")
    assert result.exit_code == 1 and "Traceback" not in result.output
    rows = table_rows(db)
    errors = {(source, stage): message for source, stage, message, _ in rows["errors"]}
    assert "HTTP 404" in errors[(dynasty.url(f"/kokous/{ATTACHMENT}"), "fetch")]
    assert "layout changed" in errors[(item_url(dynasty, ID_36), "fetch")]
    assert {r[1] for r in rows["documents"]} == {item_url(dynasty, ID_281), dynasty.url(f"/kokous/{ID_281}.PDF")}
    cli_fetch(feed_url, "--db", str(db), "--cache", cache, "--no-nlp")
    assert table_rows(db) == rows


def test_cli_dry_run_lists_items_and_stores_nothing(dynasty, tmp_path):
    publish(dynasty)
    db = tmp_path / "a.duckdb"
    result = cli_fetch(dynasty.url(f"{CGI}?page=rss/meetings&show=30"), "--db", str(db), "--cache",
                       str(tmp_path / "cache"), "--dry-run", "--since", "2026-01-01")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"2026-05-28  Integraatiovaliokunta: {seed_title(SEED_36)}  {item_url(dynasty, ID_36)}",
        "items to fetch: 1 (each with its PDF and attachments)",
    ]
    assert not db.exists() and dynasty.hits[f"{CGI}?page=meetingitem&id={ID_36}"] == 0


@pytest.mark.parametrize("url, message", [
    ("https://example.org/agenda.html", "no connector handles this URL"),
    ("{base}/cgi/DREQUEST.PHP?page=rss/meetingitems&show=5", "HTTP 404 Not Found"),
])
def test_cli_unusable_url_is_a_one_line_error(dynasty, tmp_path, url, message):
    result = cli_fetch(url.format(base=dynasty.base), "--db", str(tmp_path / "a.duckdb"), "--cache",
                       str(tmp_path / "cache"), "--no-nlp")
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output

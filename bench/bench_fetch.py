"""Fetch throughput against the tests' fake Dynasty on 127.0.0.1 (no internet, no rate limit, no NLP).

Publishes N item pages built from the two seeds (each with its PDF), then times a cold fetch
(everything downloaded, parsed and stored) and a warm re-run (every request answered 304).

    python3 bench/bench_fetch.py [N]
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import test_fetch as fake_site  # noqa: E402  (the fake server and page builders live with the tests)

from nlp_pipeline.fetch import PoliteClient, fetch  # noqa: E402
from nlp_pipeline.pipeline import Analyzer  # noqa: E402


def publish(site: fake_site.FakeDynasty, n: int) -> str:
    seeds = (fake_site.SEED_281, fake_site.SEED_36)
    pdfs = [fake_site.make_pdf(fake_site.wrapped(fake_site.seed_parts(s)[1])) for s in seeds]
    entries = []
    for k in range(n):
        item_id = f"2026{k // 10:03d}-{k % 10 + 1}"
        page = fake_site.item_page(seeds[k % 2], item_id)
        # a distinct closing paragraph so every item is its own document
        page = page.replace(b"</div></div></div>", f"<p><span>Asia {k}.</span></p></div></div></div>".encode())
        url = site.add(f"{fake_site.CGI}?page=meetingitem&id={item_id}", page)
        site.add(f"/kokous/{item_id}.PDF", pdfs[k % 2], "application/pdf")
        entries.append((f"Aluehallitus 08.09.2025 / Asia {k}", url))
    return site.add(f"{fake_site.CGI}?page=rss/meetingitems&show={n}", fake_site.feed(entries), "text/xml")


def timed_run(feed_url: str, db: Path, cache: Path) -> tuple[float, object]:
    with PoliteClient(cache, interval=0, backoff=0) as client:
        started = time.perf_counter()
        summary = fetch(feed_url, db, client=client, analyzer=Analyzer(with_nlp=False))
        return time.perf_counter() - started, summary


def main(n: int) -> None:
    site = fake_site.FakeDynasty()
    try:
        feed_url = publish(site, n)
        with tempfile.TemporaryDirectory() as tmp:
            db, cache = Path(tmp) / "bench.duckdb", Path(tmp) / "cache"
            for label in ("cold", "warm re-run"):
                seconds, summary = timed_run(feed_url, db, cache)
                h = summary.http
                print(f"{label:12} {summary.items} items, {summary.documents} documents, {h.requests} requests, "
                      f"{h.downloads} downloads ({h.bytes / 1e6:.1f} MB), {h.not_modified} not modified, "
                      f"stored {summary.stored.processed} new: {seconds:.2f} s, {summary.items / seconds:.0f} items/s")
    finally:
        site.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)

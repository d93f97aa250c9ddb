"""The one polite HTTP client every connector shares.

Polite: a User-Agent naming the project, at most one request per ``interval`` seconds per host,
timeouts, a redirect limit and a body size limit. Robust: exponential backoff on 5xx, 429,
timeouts and broken connections; no retry on other 4xx. Thrifty: an on-disk cache revalidated
with conditional GETs (ETag / Last-Modified), so a re-run downloads nothing that did not change
and an interrupted fetch resumes from what it already has.
"""
from __future__ import annotations

import email.utils
import hashlib
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__

USER_AGENT = f"agenda-nlp/{__version__} (+https://github.com/agenda-nlp/agenda-nlp)"
DEFAULT_INTERVAL = 1.0  # seconds between two requests to the same host
DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3  # further attempts after the first one
DEFAULT_BACKOFF = 1.0  # first retry waits this long, then doubles
MAX_BACKOFF = 60.0
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
# A response without ETag/Last-Modified cannot be revalidated; it is reused this long before a new download.
DEFAULT_TTL = 12 * 3600.0

_REDIRECTS = frozenset((301, 302, 303, 307, 308))


class FetchError(Exception):
    """A URL that could not be fetched; ``message`` is one readable line for the errors table."""

    def __init__(self, url: str, message: str):
        super().__init__(f"{url}: {message}")
        self.url = url
        self.message = message


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    content: bytes
    content_type: str
    charset: str | None  # as declared in the Content-Type header; verify before trusting it
    from_cache: bool  # True when no body was downloaded (fresh cache or 304 Not Modified)


@dataclass(slots=True)
class ClientStats:
    requests: int = 0  # HTTP requests sent, retries and redirect hops included
    downloads: int = 0  # 200 responses whose body was transferred
    not_modified: int = 0  # 304 answers to conditional GETs
    cache_hits: int = 0  # answered from the cache without asking the server
    retries: int = 0
    bytes: int = 0


class RateLimiter:
    """Spaces requests to one host at least ``interval`` seconds apart (clock and sleep injectable)."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, host: str) -> None:
        if self.interval > 0 and host in self._last:
            delay = self._last[host] + self.interval - self._clock()
            if delay > 0:
                self._sleep(delay)
        self._last[host] = self._clock()


@dataclass(slots=True)
class _CacheEntry:
    url: str
    content_type: str
    etag: str | None
    last_modified: str | None
    stored_at: float
    max_age: float | None  # from Cache-Control; None when the server said nothing
    no_cache: bool = False
    body_path: Path = field(default=Path(), repr=False)

    def fresh(self, now: float, default_ttl: float) -> bool:
        if self.no_cache:
            return False
        if self.max_age is not None:
            return now - self.stored_at < self.max_age
        if self.etag or self.last_modified:
            return False  # revalidate: a 304 costs a request, not a download
        return now - self.stored_at < default_ttl


class DiskCache:
    """One JSON header file and one body file per URL, written atomically (an interrupt leaves no half entry)."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.root / key[:2]
        return folder / f"{key}.json", folder / f"{key}.body"

    def load(self, url: str) -> _CacheEntry | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not body_path.is_file():
            return None
        return _CacheEntry(**meta, body_path=body_path)

    def body(self, entry: _CacheEntry) -> bytes:
        return entry.body_path.read_bytes()

    def store(self, entry: _CacheEntry, content: bytes) -> None:
        meta_path, body_path = self._paths(entry.url)
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(body_path, content)
        meta = {k: getattr(entry, k) for k in ("url", "content_type", "etag", "last_modified",
                                                "stored_at", "max_age", "no_cache")}
        _atomic_write(meta_path, json.dumps(meta).encode("utf-8"))

    def touch(self, entry: _CacheEntry) -> None:
        """A 304 confirmed the entry: restart its freshness clock."""
        meta_path, _ = self._paths(entry.url)
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["stored_at"] = entry.stored_at
        _atomic_write(meta_path, json.dumps(meta).encode("utf-8"))


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "agenda-nlp" / "http"


class PoliteClient:
    """GET with politeness, retries and a conditional-GET disk cache. Use as a context manager."""

    def __init__(self, cache_dir: str | Path | None = None, *, interval: float = DEFAULT_INTERVAL,
                 timeout: float = DEFAULT_TIMEOUT, retries: int = DEFAULT_RETRIES,
                 backoff: float = DEFAULT_BACKOFF, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_redirects: int = DEFAULT_MAX_REDIRECTS, default_ttl: float = DEFAULT_TTL,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 wall_clock: Callable[[], float] = time.time, transport: httpx.BaseTransport | None = None):
        self.cache = DiskCache(cache_dir) if cache_dir is not None else None
        self.limiter = RateLimiter(interval, clock, sleep)
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.default_ttl = default_ttl
        self.stats = ClientStats()
        self._sleep = sleep
        self._now = wall_clock
        self._http = httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=timeout,
                                  follow_redirects=False, transport=transport)

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def get(self, url: str, *, revalidate: bool = False) -> Response:
        """The body at ``url``, following redirects; ``revalidate`` asks the server even if the cache is fresh.

        Raises :class:`FetchError` with a one-line message when the URL cannot be fetched.
        """
        seen = [url]
        current = url
        for _ in range(self.max_redirects + 1):
            result = self._get_one(current, revalidate)
            if isinstance(result, Response):
                return result
            target = urljoin(current, result)
            if target in seen:
                chain = " -> ".join(seen[seen.index(target):] + [target])
                raise FetchError(url, f"redirect loop: {chain}")
            seen.append(target)
            current = target
        raise FetchError(url, f"more than {self.max_redirects} redirects (last: {current})")

    def _get_one(self, url: str, revalidate: bool) -> Response | str:
        """One URL without following redirects: a Response, or the Location of a redirect."""
        entry = self.cache.load(url) if self.cache else None
        if entry and not revalidate and entry.fresh(self._now(), self.default_ttl):
            self.stats.cache_hits += 1
            return self._cached(entry)
        headers = {}
        if entry and entry.etag:
            headers["If-None-Match"] = entry.etag
        if entry and entry.last_modified:
            headers["If-Modified-Since"] = entry.last_modified
        for attempt in range(self.retries + 1):
            if attempt:
                self.stats.retries += 1
            try:
                return self._attempt(url, headers, entry)
            except _Retryable as exc:
                if attempt == self.retries:
                    tries = f" after {attempt + 1} attempts" if attempt else ""
                    raise FetchError(url, f"{exc}{tries}") from None
                self._sleep(min(exc.retry_after or self.backoff * 2**attempt, MAX_BACKOFF))
        raise AssertionError("unreachable")

    def _attempt(self, url: str, headers: dict[str, str], entry: _CacheEntry | None) -> Response | str:
        self.limiter.wait(urlsplit(url).netloc)
        self.stats.requests += 1
        try:
            with self._http.stream("GET", url, headers=headers) as resp:
                status = resp.status_code
                if status == 304 and entry is not None:
                    self.stats.not_modified += 1
                    entry.stored_at = self._now()
                    self.cache.touch(entry)
                    return self._cached(entry)
                if status in _REDIRECTS and "location" in resp.headers:
                    return resp.headers["location"]
                if status >= 500 or status == 429:
                    raise _Retryable(f"HTTP {status} {resp.reason_phrase}".strip(),
                                     _retry_after(resp.headers.get("retry-after")))
                if status != 200:
                    raise FetchError(url, f"HTTP {status} {resp.reason_phrase}".strip())
                content = self._read_body(url, resp)
        except httpx.TimeoutException:
            raise _Retryable(f"timed out (timeout {self.timeout:g} s)") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection error: {_one_line(exc)}") from None
        self.stats.downloads += 1
        self.stats.bytes += len(content)
        content_type = resp.headers.get("content-type", "")
        if self.cache is not None:
            self._store(url, resp.headers, content_type, content)
        return Response(url=url, content=content, content_type=content_type,
                        charset=resp.charset_encoding, from_cache=False)

    def _read_body(self, url: str, resp: httpx.Response) -> bytes:
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(url, f"body of {int(declared):,} bytes is over the {self.max_bytes:,}-byte limit")
        chunks, size = [], 0
        try:
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(url, f"body is over the {self.max_bytes:,}-byte limit")
                chunks.append(chunk)
        except (httpx.RemoteProtocolError, httpx.ReadError):
            expected = f" of {declared}" if declared else ""
            raise _Retryable(f"truncated body: connection closed after {size}{expected} bytes") from None
        return b"".join(chunks)

    def _store(self, url: str, headers: httpx.Headers, content_type: str, content: bytes) -> None:
        cache_control = headers.get("cache-control", "").lower()
        if "no-store" in cache_control:
            return
        max_age = re.search(r"max-age=(\d+)", cache_control)
        entry = _CacheEntry(url=url, content_type=content_type, etag=headers.get("etag"),
                            last_modified=headers.get("last-modified"), stored_at=self._now(),
                            max_age=float(max_age.group(1)) if max_age else None,
                            no_cache="no-cache" in cache_control)
        self.cache.store(entry, content)

    def _cached(self, entry: _CacheEntry) -> Response:
        return Response(url=entry.url, content=self.cache.body(entry), content_type=entry.content_type,
                        charset=_charset(entry.content_type), from_cache=True)


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(email.utils.parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
    except (TypeError, ValueError):
        return None


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset=[\"']?([\w.-]+)", content_type, re.I)
    return match.group(1) if match else None


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__

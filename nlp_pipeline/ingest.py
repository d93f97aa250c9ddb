"""Ingest: files and bytes (text, HTML, PDF) into normalised :class:`SourceDocument` text.

The normalised text is what ``documents.text`` stores and what every offset in every table
points into, so normalisation happens once, here, and nothing downstream re-flows the text.
"""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from charset_normalizer import from_bytes
from langdetect import DetectorFactory, LangDetectException, detect_langs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .model import SourceDocument

SUPPORTED_SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".pdf": "pdf"}
MAX_BYTES = 20 * 1024 * 1024  # an agenda item is kilobytes; tens of MB is a dump, not an item
MIN_TEXT_CHARS = 40
SIDECAR_NAME = "sources.tsv"

DetectorFactory.seed = 0  # langdetect is random without a seed: same text, same language, every run


class IngestError(Exception):
    """An input that cannot become a document; ``str()`` is the one-line message for the user."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class NeedsOCR(IngestError):
    """A PDF without a text layer: recorded as needing OCR, never stored as an empty document."""


class LayoutChanged(IngestError):
    """A platform page whose markup no longer matches what we know (no item block, no headings)."""


class NotSupported(IngestError):
    """A file that is not an agenda format (README.md, sources.tsv, images): skipped, not failed."""


# ---------------------------------------------------------------- entry points


def read_path(path: str | Path) -> SourceDocument:
    """Read one file into a normalised document, or raise :class:`IngestError`."""
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise IngestError(source, "no such file or folder")
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise NotSupported(source, f"not an agenda file ({path.suffix or 'no suffix'}), skipped")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IngestError(source, f"file is {size / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} MB limit for one agenda item")
    data = path.read_bytes()
    if fmt == "pdf":
        doc = parse_pdf(data, source)
    elif fmt == "html":
        doc = parse_html(data, source)
    else:
        doc = parse_text(data, source)
    return _with_sidecar_fields(doc, path)


def iter_input_files(paths) -> list[Path]:
    """Files under the given paths, folders walked recursively, in a stable order."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        else:
            files.append(p)
    return files


def parse_text(data: bytes, source: str) -> SourceDocument:
    text = normalise_text(decode_bytes(data, source))
    return _finish(SourceDocument(source=source, text=text, format="txt", lang=""))


def parse_pdf(data: bytes, source: str) -> SourceDocument:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise IngestError(source, f"not a readable PDF ({exc})") from None
    try:
        pages = [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()
    text = normalise_text("\n\n".join(pages).replace("\r\n", "\n").replace("\r", "\n"))
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise NeedsOCR(source, f"PDF has no text layer ({len(pages)} pages): needs OCR")
    return _finish(SourceDocument(source=source, text=text, format="pdf", lang=""))


def parse_html(data: bytes, source: str, declared_charset: str | None = None) -> SourceDocument:
    """Dynasty item pages, Helsinki Ahjo HTML and generic HTML."""
    html = decode_bytes(data, source, declared_charset or _meta_charset(data))
    if _truncated(html):
        raise IngestError(source, "truncated HTML (the page ends before </html>)")
    tree = LexborHTMLParser(html)
    if tree.css_first("div.paatos, div.esitys") is not None:
        builder, fields = _ahjo_text(tree)
    elif tree.css_first("div.data-part-block-htm") is not None:
        builder, fields = _dynasty_text(tree)
    elif "DREQUEST.PHP" in source or tree.css_first("div.data-part") is not None:
        raise LayoutChanged(source, "Dynasty page without an item text block (div.data-part-block-htm): layout changed")
    else:
        body = tree.body or tree.root
        builder, fields = _TextBuilder(), {}
        if body is not None:
            builder.walk(body)
        title = tree.css_first("title")
        if title is not None and title.text(strip=True):
            fields["title"] = " ".join(title.text().split())
    text, headings = builder.result()
    doc = SourceDocument(source=source, text=text, format="html", lang="", headings=headings, fields=fields)
    return _finish(doc)


# ---------------------------------------------------------------- decoding

_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]")


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Bytes to text: UTF-8 (BOM or not) first, then the declared or detected 8-bit Finnish codepage.

    A declared charset is trusted only when the bytes agree with it: feeds declared ISO-8859-1
    that are really UTF-8 (and the reverse) are common.
    """
    if not data.strip():
        raise IngestError(source, "empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(source, "binary data, not text")
    for encoding in _candidate_encodings(data, declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return _repair_double_utf8(text)
    raise IngestError(source, "cannot decode the bytes as text (not UTF-8, ISO-8859-1 or cp1252)")


def _candidate_encodings(data: bytes, declared: str | None):
    if data.startswith(b"\xef\xbb\xbf"):
        yield "utf-8-sig"
        return
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield "utf-16"
        return
    yield "utf-8"  # most input is UTF-8: detect only when it is not
    candidates = []
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        candidates.append(declared)
    # cp1252 decodes 0x80-0x9f as € and quotes; plain latin-1 would leave control characters
    if re.search(rb"[\x80-\x9f]", data):
        candidates.append("cp1252")
    candidates.append("iso-8859-1")
    best = from_bytes(data[:65536], cp_isolation=["utf_8", "cp1252", "latin_1", "iso8859_15", "utf_16"]).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    yield from candidates


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


def _looks_like_text(text: str) -> bool:
    sample = text[:8000]
    controls = len(_CONTROLS.findall(sample))
    letters = sum(map(str.isalpha, sample))
    return controls <= len(sample) * 0.01 and letters >= min(len(sample.strip()), 200) * 0.3


def _repair_double_utf8(text: str) -> str:
    """UTF-8 that went through a Latin-1 decode once already (``Ã¤`` for ``ä``) is put back."""
    if len(_MOJIBAKE.findall(text)) < 2:
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        try:
            return text.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return text


def _truncated(html: str) -> bool:
    """A page that opens <html> but never closes it, or stops inside a tag, was cut off in transfer."""
    tail = html.rstrip()[-2000:].lower()
    if tail.rfind("<") > tail.rfind(">"):
        return True
    return "<html" in html[:2000].lower() and "</html>" not in tail


def _meta_charset(data: bytes) -> str | None:
    match = re.search(rb"""charset=["']?([A-Za-z0-9_-]+)""", data[:2048])
    return match.group(1).decode("ascii") if match else None


# ---------------------------------------------------------------- normalisation

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_BLANK_RUN = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """One space between words, no trailing spaces, at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def _finish(doc: SourceDocument) -> SourceDocument:
    if len(doc.text.strip()) < MIN_TEXT_CHARS:
        raise IngestError(doc.source, f"only {len(doc.text.strip())} characters of text: not an agenda item")
    return replace(doc, lang=detect_language(doc.text))


def detect_language(text: str) -> str:
    # The wordiest lines are prose; headers, names and numbers say little about the language.
    # langdetect's cost grows with the sample, and 600 characters of prose decide it.
    sample = " ".join(sorted(text.split("\n"), key=lambda line: line.count(" "), reverse=True)[:3])[:600]
    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return "und"
    # Short Finnish is sometimes scored Estonian and short Swedish Danish or Norwegian; in Finnish
    # public administration the languages are Finnish, Swedish and English
    for guess in guesses:
        if guess.lang in ("fi", "sv", "en") and guess.prob > 0.2:
            return guess.lang
    return _NEIGHBOURS.get(guesses[0].lang, guesses[0].lang)


_NEIGHBOURS = {"et": "fi", "da": "sv", "no": "sv", "nb": "sv", "nn": "sv"}


# ---------------------------------------------------------------- HTML to text


_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol table tr br section article header footer blockquote pre dt dd title".split()
)
_SKIP_TAGS = frozenset(("script", "style", "head", "noscript", "template"))


class _TextBuilder:
    """Walks HTML into normalised lines, remembering which character spans are headings."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.line = ""
        self.length = 0  # chars in "\n".join(self.lines) plus the joining newline
        self.headings: list[tuple[int, int]] = []
        self._pending: list[tuple[int, int]] = []  # heading spans within the current line

    def add_text(self, text: str, heading: bool = False) -> None:
        words = _SPACES.sub(" ", text.replace("\n", " "))
        if heading:
            words = words.strip()
        if not words.strip():
            if self.line and not self.line.endswith(" "):
                self.line += " "
            return
        if not self.line or self.line.endswith(" "):
            words = words.lstrip()
        elif heading:
            self.line += " "
        if heading:
            self._pending.append((len(self.line), len(self.line) + len(words)))
            words += " "
        self.line += words

    def break_line(self, blank: bool = False) -> None:
        line = self.line.rstrip()
        if line:
            start = self.length
            self.headings.extend((start + a, start + min(b, len(line))) for a, b in self._pending)
            self._append(line)
        if blank and self.lines and self.lines[-1] != "":
            self._append("")
        self.line, self._pending = "", []

    def _append(self, line: str) -> None:
        self.lines.append(line)
        self.length += len(line) + 1

    def walk(self, node: LexborNode, heading_test=None) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                self.add_text(child.text_content or "")
            elif tag in _SKIP_TAGS or tag == "-comment":
                continue
            elif heading_test is not None and heading_test(child):
                self.add_text(child.text(), heading=True)
                if tag.startswith("h"):
                    self.break_line(blank=True)
            elif tag in _BLOCK_TAGS:
                self.break_line()
                self.walk(child, heading_test)
                self.break_line(blank=tag in ("p", "h1", "h2", "h3", "h4", "table", "ul", "ol"))
            elif tag in ("td", "th"):
                if self.line.strip():
                    self.add_text(" | ")
                self.walk(child, heading_test)
            else:
                self.walk(child, heading_test)

    def result(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        self.break_line()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines), tuple(self.headings)


def _dynasty_heading(node: LexborNode) -> bool:
    """Dynasty writes a heading as the first span of a paragraph whose second span is the text."""
    if node.tag != "span" or node.parent is None or node.parent.tag != "p":
        return False
    spans = [c for c in node.parent.iter() if c.tag == "span" and c.text(strip=True)]
    return len(spans) >= 2 and spans[0] is not None and spans[0].mem_id == node.mem_id and len(node.text(strip=True)) <= 60


def _dynasty_text(tree: LexborHTMLParser) -> tuple[_TextBuilder, dict[str, str]]:
    block = tree.css_first("div.data-part-block-htm")
    builder = _TextBuilder()
    builder.walk(block, _dynasty_heading)
    fields: dict[str, str] = {}
    pdf = tree.css_first("div.page-navigation a[href$='.PDF'], div.page-navigation a[href$='.pdf']")
    if pdf is not None:
        fields["pdf_href"] = pdf.attributes.get("href") or ""
    return builder, fields


def _ahjo_heading(node: LexborNode) -> bool:
    """Ahjo marks section headings as classed h3 (SisaltoOtsikko, LisatiedotOtsikko, …); bare h3 are subheadings."""
    return node.tag == "h3" and bool(node.attributes.get("class"))


def _ahjo_text(tree: LexborHTMLParser) -> tuple[_TextBuilder, dict[str, str]]:
    root = tree.css_first("div.paatos, div.esitys")
    builder = _TextBuilder()
    builder.walk(root, _ahjo_heading)
    fields: dict[str, str] = {}
    section = tree.css_first("div.Asiapykala")
    if section is not None and section.text(strip=True):
        fields["item_number"] = section.text(strip=True).replace("§", "").strip()
    title = tree.css_first("h1.AsiaOtsikko") or tree.css_first("title")
    if title is not None and title.text(strip=True):
        fields["title"] = " ".join(title.text().split())
    dnro = tree.css_first("div.DnroTmuoto")
    if dnro is not None:
        match = re.match(r"\s*([A-ZÅÄÖ]{2,8} \d{4}-\d{4,8})", dnro.text())
        if match:
            fields["diary_number"] = match.group(1)
    fields["organisation"] = "Helsingin kaupunki"
    fields["platform"] = "ahjo"
    return builder, fields


# ---------------------------------------------------------------- publisher sidecar

_SIDECAR_COLUMNS = {
    "organisation": "organisation",
    "body": "body",
    "meeting_date": "meeting_date",
    "case_id": "diary_number",
    "section": "item_number",
    "title": "title",
}


@lru_cache(maxsize=64)
def _read_sidecar(folder: str) -> dict[str, dict[str, str]]:
    path = Path(folder) / SIDECAR_NAME
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t") if row.get("file")}


def _with_sidecar_fields(doc: SourceDocument, path: Path) -> SourceDocument:
    """Publisher metadata (Ahjo's ``sources.tsv``) overrides what we read off the page."""
    row = _read_sidecar(str(path.parent)).get(path.name)
    if not row:
        return doc
    fields = dict(doc.fields)
    for column, key in _SIDECAR_COLUMNS.items():
        value = (row.get(column) or "").strip()
        if value:  # the publisher's index is more reliable than what we read off the page
            fields[key] = value
    return replace(doc, fields=fields)

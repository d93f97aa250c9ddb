"""Segmentation: a :class:`SourceDocument` into contract sections and document metadata.

Headings are found line by line against the vocabulary in ``data/headings.json`` (Finnish,
Swedish; Dynasty, Ahjo, CloudNC): alone on their line, inline before their text (Dynasty's
``<span>Heading</span><span>text</span>`` copied as one line), split over two lines
(``Hyvinvointialuejohtajan`` / ``päätösesitys …``), or a bare proposer title followed by the
proposal.  Metadata comes from the markup/sidecar fields first, then from the header lines.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from .model import DocumentMeta, SegmentedDocument, Section, SourceDocument
from .periods import report_period

HEADER = "header"


@dataclass(frozen=True, slots=True)
class _Heading:
    start: int  # where the section starts (the heading's first char)
    end: int  # end of the heading words
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    phrases: tuple[tuple[str, str], ...]  # (lower-case phrase, kind), longest first
    markup_phrases: dict[str, str]
    inline_kinds: frozenset[str]
    own_line_only: frozenset[str]
    stop_followers: frozenset[str]
    title_suffixes: tuple[str, ...]
    proposal_nouns: frozenset[str]
    proposal_verbs: tuple[str, ...]


@lru_cache(maxsize=4)
def vocabulary(lang: str) -> Vocabulary:
    data = json.loads(resources.files("nlp_pipeline").joinpath("data/headings.json").read_text(encoding="utf-8"))
    langs = ("fi", "sv") if lang == "sv" else ("fi",)

    def collect(table: dict) -> dict[str, str]:
        return {p.lower(): kind for kind, by_lang in table.items() for la in langs for p in by_lang.get(la, [])}

    phrases = collect(data["kinds"])
    proposer = data["proposer"]
    return Vocabulary(
        phrases=tuple(sorted(phrases.items(), key=lambda kv: -len(kv[0]))),
        markup_phrases={**collect(data["markup_only"]), **phrases},
        inline_kinds=frozenset(data["inline_kinds"]),
        own_line_only=frozenset(p.lower() for p in data["own_line_only"]),
        stop_followers=frozenset(data["not_heading_when_followed_by"]),
        title_suffixes=tuple(proposer["title_suffixes"]),
        proposal_nouns=frozenset(n for la in langs for n in proposer["proposal_nouns"].get(la, [])),
        proposal_verbs=tuple(proposer["proposal_verbs"]),
    )


class NotAnAgenda(ValueError):
    """Text with no section headings and no meeting metadata: whatever it is, it is not an agenda item."""


def segment(doc: SourceDocument, agenda_only: bool = True) -> SegmentedDocument:
    """Sections and metadata of ``doc``; with ``agenda_only`` (the pipeline's default) text that shows no sign of
    being an agenda item raises :class:`NotAnAgenda` (passage scoring reads any report text)."""
    headings = find_headings(doc)
    sections = _sections(doc.text, headings)
    meta = extract_metadata(doc, sections)
    if agenda_only and len({s.kind for s in sections} - {HEADER, "other"}) == 0 and not (
        meta.meeting_date or meta.item_number or meta.diary_number
    ):
        raise NotAnAgenda(f"{doc.source}: not an agenda item (no section headings, no meeting date, § or diary number)")
    return SegmentedDocument(source=doc, meta=meta, sections=tuple(sections))


# ---------------------------------------------------------------- headings


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def find_headings(doc: SourceDocument) -> list[_Heading]:
    if doc.fields.get("platform") == "ahjo":
        return _ahjo_headings(doc)
    vocab = vocabulary(doc.lang)
    text = doc.text
    markup = {start: end for start, end in doc.headings}
    lines = _lines(text)
    history = _history_blocks(lines)
    found: list[_Heading] = []
    skip_until = -1
    # Inside an earlier handling of the case its headings are not this item's: after a repeated
    # handling line ("history") until the next one; after "Aikaisempi käsittely" until a heading on
    # its own line or one that does not directly follow an earlier handling's line.
    earlier: str | None = None
    previous_line = ""
    for i, (start, line) in enumerate(lines):
        if not line:
            continue
        if start < skip_until:
            previous_line = line
            continue
        if start in history and earlier != "aikaisempi":
            found.append(history[start])
            earlier = "history" if history[start].kind == "other" else None
            previous_line = line
            continue
        heading = _markup_heading(text, start, markup[start], vocab) if start in markup else None
        if heading is None:
            heading = _text_heading(start, line, lines[i + 1 :], vocab, in_body=bool(found))
        after_handling = bool(_HANDLING_LINE.match(previous_line.strip(" |")))
        previous_line = line
        if heading is None or _continues(found, heading, text):
            continue
        if earlier == "history" or (earlier == "aikaisempi" and heading.end < start + len(line) and after_handling):
            continue
        found.append(heading)
        skip_until = heading.end
        earlier = "aikaisempi" if heading.kind == "other" and heading.text.lower() in _EARLIER_HANDLING else None
    if len(found) > 1 and found[0].kind == "attachments":
        found = found[1:]  # the page's attachment list above the item text belongs to the header
    return _headless_descriptions(text, found, vocab)


_EARLIER_HANDLING = {"aikaisempi käsittely", "aiempi käsittely", "tidigare behandling"}


def _ahjo_headings(doc: SourceDocument) -> list[_Heading]:
    """Ahjo marks its section headings (classed h3); an unmarked heading line counts only when it
    names a known section and is not a subheading inside a description or a repeat of the current kind."""
    vocab = vocabulary(doc.lang)
    markup = {start: end for start, end in doc.headings}
    found: list[_Heading] = []
    for start, line in _lines(doc.text):
        if not line:
            continue
        if start in markup:
            key = doc.text[start : markup[start]].rstrip(":").strip().lower()
            found.append(_Heading(start, markup[start], vocab.markup_phrases.get(key, "other"), doc.text[start : markup[start]]))
            continue
        kind = vocab.markup_phrases.get(line.rstrip(":").strip().lower())
        current = found[-1].kind if found else HEADER
        if kind and current not in (kind, "description"):
            found.append(_Heading(start, start + len(line), kind, line))
    return found


def _history_blocks(lines: list[tuple[int, str]]) -> dict[int, _Heading]:
    """Pages that carry the case's history repeat each handling line (``KH 09.02.2026 § 31``) before
    that handling's own text; the newest handling is the current item, the earlier ones are ``other``."""
    handlings = []
    for i, (start, line) in enumerate(lines):
        m = _HANDLING_LINE.match(line.strip(" |"))
        if m and m.group("item") and (d := _date(m.group(2), m.group(3), m.group(4))):
            handlings.append((i, start, line, d))
    if len({d for *_, d in handlings}) < 2:
        return {}
    newest = max(d for *_, d in handlings)
    blocks = {}
    for i, start, line, d in handlings:
        nxt = next((l for _, l in lines[i + 1 :] if l.strip()), "")
        if nxt and not _HANDLING_LINE.match(nxt.strip(" |")) and not _DIARY.search(nxt):
            current = d == newest  # the current handling's line opens a header block, not a heading
            blocks[start] = _Heading(start, start + len(line), HEADER if current else "other", None if current else line)
    return blocks


_PEOPLE_KINDS = ("preparer", "presenter", "info")


def _headless_descriptions(text: str, found: list[_Heading], vocab: Vocabulary) -> list[_Heading]:
    """Where the description has no heading it simply follows the people lines: the first prose
    paragraph after Valmistelija/Esittelijä/Lisätiedot starts it."""
    out: list[_Heading] = []
    for n, heading in enumerate(found):
        out.append(heading)
        if heading.kind not in _PEOPLE_KINDS:
            continue
        stop = found[n + 1].start if n + 1 < len(found) else len(text)
        line_end = text.find("\n", heading.end)
        pos = stop if line_end < 0 or line_end > stop else line_end + 1
        subheading = None  # "Toiminta", "Yleistä ja tausta": a description's own subheading opens it
        for start, line in _lines(text[pos:stop]):
            if _is_prose(line):
                begin = subheading if subheading is not None else pos + start
                out.append(_Heading(begin, begin, "description", None))
                break
            if line:
                subheading = pos + start if _is_subheading(line) else None
    return out


def _is_subheading(line: str) -> bool:
    """A short unpunctuated line that is not a person's name (names are all capitalised words)."""
    words = line.split()
    if not 1 <= len(words) <= 5 or line.endswith((".", ",", ":", ";")) or _CONTACT.search(line):
        return False
    return len(words) == 1 or any(w[:1].islower() for w in words[1:])


_CONTACT = re.compile(r"@|\(at\)|\bpuh\b|\bp\. ?\d|\btfn\b|\btel\b|\d{2,3}[ -]\d{3} ?\d{3,4}")


def _is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= 8 and not _CONTACT.search(line) and line.rstrip().endswith((".", ":", "!", "?", ")"))


def _continues(found: list[_Heading], heading: _Heading, text: str) -> bool:
    """``Muutoksenhaku`` / ``Ei muutoksenhakuoikeutta``: a same-kind heading right after an empty one is its text."""
    return bool(found) and found[-1].kind == heading.kind and not text[found[-1].end : heading.start].strip()


def _markup_heading(text: str, start: int, end: int, vocab: Vocabulary) -> _Heading | None:
    """A Dynasty heading span counts when it names a known section or a proposer."""
    words = text[start:end]
    key = words.rstrip(":").strip().lower()
    kind = vocab.markup_phrases.get(key) or _proposer_kind(key, text[end : end + 300], vocab)
    return _Heading(start, end, kind, words) if kind else None


def _match_phrase(line: str, vocab: Vocabulary) -> tuple[str, str] | None:
    lower = line.lower()
    for phrase, kind in vocab.phrases:
        if lower.startswith(phrase) and (len(lower) == len(phrase) or not lower[len(phrase)].isalnum()):
            return phrase, kind
    return None


def _text_heading(start: int, line: str, following: list[tuple[int, str]], vocab: Vocabulary, in_body: bool) -> _Heading | None:
    matched = _match_phrase(line, vocab)
    if matched:
        phrase, kind = matched
        rest = line[len(phrase) :]
        tail = rest.strip()
        if not tail or tail == ":" or (tail.startswith("(") and tail.endswith(":")):
            return _Heading(start, start + len(line), kind, line.rstrip(":").strip())
        if tail.startswith(":"):
            tail = tail[1:].strip()
            return _Heading(start, start + len(phrase) + 1, kind, line[: len(phrase)])
        if kind == "proposal" and _is_proposer_line(tail, vocab):
            # "Päätösehdotus Kunnanjohtaja Virtanen Matti:" names the proposer on the heading line
            return _Heading(start, start + len(line), kind, line.rstrip(":").strip())
        if kind in vocab.inline_kinds and phrase not in vocab.own_line_only and _inline_ok(tail, vocab):
            return _Heading(start, start + len(phrase), kind, line[: len(phrase)])
        return None
    if not in_body:
        return None
    return _proposer_heading(start, line, following, vocab)


def _inline_ok(tail: str, vocab: Vocabulary) -> bool:
    """``Päätös on tehty …`` is a sentence, ``Päätös Aluehallitus hyväksyi …`` a heading and its text."""
    first = tail.split(" ", 1)[0].strip(",.;")
    return not first.islower() or first not in vocab.stop_followers


def _is_proposer_line(tail: str, vocab: Vocabulary) -> bool:
    words = tail.rstrip(":").split()
    if not 1 <= len(words) <= 5 or tail.rstrip().endswith("."):
        return False
    return tail.endswith(":") or (len(words) >= 2 and all(w[:1].isupper() for w in words))


def _proposer_kind(line_lower: str, after: str, vocab: Vocabulary) -> str | None:
    words = line_lower.rstrip(":").split()
    if not words or len(words) > 6:
        return None
    if len(words) >= 2 and words[-1] in vocab.proposal_nouns and words[-2].endswith(vocab.title_suffixes):
        return "proposal"  # "Hyvinvointialuejohtajan päätösesitys"
    if words[0].endswith(vocab.title_suffixes) and _proposes(after, vocab):
        return "proposal"  # "Kaupunginjohtaja" followed by "… päättää …"
    return None


def _proposes(after: str, vocab: Vocabulary) -> bool:
    sentence = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0][:250]
    return any(f" {verb}" in sentence for verb in vocab.proposal_verbs)


def _proposer_heading(start: int, line: str, following: list[tuple[int, str]], vocab: Vocabulary) -> _Heading | None:
    words = line.split()
    if not words:
        return None
    if not words[0].lower().endswith(vocab.title_suffixes):
        # a two-word title ("Tekninen johtaja") alone before the proposal, or inline before it
        if len(words) < 2 or not words[1].lower().rstrip(":").endswith(vocab.title_suffixes):
            return None
        nxt = next(((s, l) for s, l in following if l.strip()), None)
        if len(words) == 2 and nxt and _proposes(" " + nxt[1], vocab):
            return _Heading(start, start + len(line), "proposal", line.rstrip(":"))
        if len(words) > 4 and words[2][:1].isupper() and _proposes(" " + line, vocab):
            return _Heading(start, start + len(words[0]) + 1 + len(words[1]), "proposal", f"{words[0]} {words[1]}")
        return None
    lower = [w.lower().rstrip(":") for w in words]
    # "Hyvinvointialuejohtajan päätösesitys Aluehallitus päättää …" on one line
    if len(lower) >= 2 and lower[1] in vocab.proposal_nouns:
        return _Heading(start, start + len(words[0]) + 1 + len(words[1]), "proposal", f"{words[0]} {words[1]}")
    nxt = next(((s, l) for s, l in following if l.strip()), None)
    # a title split over two lines: "Hyvinvointialuejohtajan" / "päätösesitys Aluehallitus …"
    if len(words) == 1 and nxt is not None:
        first_next = nxt[1].split(" ", 1)[0]
        if first_next.lower() in vocab.proposal_nouns:
            return _Heading(start, nxt[0] + len(first_next), "proposal", f"{words[0]} {first_next}")
    # a bare proposer title alone on its line, the proposal in the next paragraph
    if len(words) <= 5 and nxt is not None and not line.endswith((".", ",")) and _proposes(" " + nxt[1], vocab):
        if all(w[:1].isupper() for w in words[1:]):
            return _Heading(start, start + len(line), "proposal", line.rstrip(":"))
    # inline: "Kaupunginjohtaja Konsernijaosto päättää, että …"
    if len(words) > 3 and _proposes(" " + line, vocab) and words[1][:1].isupper():
        return _Heading(start, start + len(words[0]), "proposal", words[0])
    return None


def _sections(text: str, headings: list[_Heading]) -> list[Section]:
    starts = [(0, HEADER, None)] if not headings or headings[0].start > 0 else []
    starts += [(h.start, h.kind, h.text) for h in headings]
    sections = []
    for ordinal, (start, kind, heading) in enumerate(starts):
        end = starts[ordinal + 1][0] if ordinal + 1 < len(starts) else len(text)
        end = len(text[start:end].rstrip()) + start
        sections.append(Section(ordinal, kind, heading, start, end, text[start:end]))
    return sections


# ---------------------------------------------------------------- metadata

_DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
_LIST_LINE = re.compile(
    rf"^(?:(?P<body>.+?)\s+)?(?:Esityslista|Pöytäkirja|Föredragningslista|Protokoll|Kokous|Möte)\s+{_DATE}\s*/\s*"
    r"(?:Asianro|Asia|Pykälä|Ärende|Paragraf|§)\s*(?P<item>\d+)",
    re.IGNORECASE,
)
_HANDLING_LINE = re.compile(rf"^(?P<body>[A-ZÅÄÖ][\w.\-– ]{{1,80}}?)\s*\|?\s+{_DATE}\s*\|?\s*(?:§\s*(?P<item>\d+))?\s*$")
_CELLS_LINE = re.compile(rf"^(?P<body>[A-ZÅÄÖ][\w.\-– ]{{1,80}}?)\s*\|\s*§\s*(?P<item>\d+)\s*\|\s*{_DATE}\s*$")
_CLOUDNC_LINE = re.compile(r"^(?P<body>[A-ZÅÄÖ].{1,80}?),\s+(?:kokous|möte)\s+(\d{1,2})[.-](\d{1,2})[.-](\d{4})", re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"^(?:§\s*(?P<a>\d+)(?:\s+(?P<title>\S.*))?|(?P<b>\d+)\s*§)$")
_DIARY = re.compile(
    r"\b(?:\d{1,6}/\d{2}(?:\.\d{2}){2,4}/\d{4}|HEL \d{4}-\d{6}|[A-ZÅÄÖ]{2,10}Dno-\d{4}-\d{1,6}|[A-ZÅÄÖ]{2,10}/\d{1,6}/\d{2}(?:\.\d{2}){1,3}/\d{4})\b"
)
_SHORT_DIARY = re.compile(r"^(?:Dnro\s*)?(\d{1,6}/\d{4})$")
_ORG_HEADER = re.compile(r"Dynasty tietopalvelu(?:\s+Haku)?(?:\s+RSS)?\s+(.+)$", re.IGNORECASE)
_ORG_MENTION = re.compile(
    r"\b((?:[A-ZÅÄÖ][\w-]*n\s+){1,2})(hyvinvointialue|kaupun(?:ki|gin)|kun(?:ta|nan)|kuntayhtymä|välfärdsområde|stad|kommun)\w*"
)
_ORG_BASE = {"kaupungin": "kaupunki", "kaupunki": "kaupunki", "kunnan": "kunta", "kunta": "kunta"}
_BOILERPLATE_LINE = re.compile(
    r"^(?:Dynasty tietopalvelu.*|RSS-(?:linkki|länk)|Kokousasiat:?|Kokoukset:?|Mötesärende:?|Möten:?|https?://\S+|"
    r"(?:Confidential|Julkinen|Salainen|Offentlig|Ei julkinen)|.*Edellinen asia.*|.*Föregående ärende.*|Liite ?\d+.*|Bilaga ?\d+.*|"
    r"Pöytäkirja on tarkastettu|Protokollet är granskat|Aikaisempi käsittely|Tidigare behandling|Esimerkkiaineisto.*|Exempelmaterial.*)$",
    re.IGNORECASE,
)
_PERSON = re.compile(r"\b([A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?(?:\s+[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?){1,2})\b")


def extract_metadata(doc: SourceDocument, sections: list[Section]) -> DocumentMeta:
    fields = doc.fields
    header = "\n".join(s.text for s in sections if s.kind == HEADER)
    header_lines = [line.strip() for line in header.split("\n") if line.strip()]
    body, meeting, item = _handling(header_lines)
    meeting_date = _iso_date(fields.get("meeting_date")) or meeting
    title = fields.get("title") or _title(_without_attachment_rows(header), body)
    return DocumentMeta(
        organisation=fields.get("organisation") or _organisation(doc.text),
        body=fields.get("body") or body,
        meeting_date=meeting_date,
        item_number=fields.get("item_number") or item,
        diary_number=fields.get("diary_number") or _diary(header_lines, doc.text),
        title=title,
        preparer=_preparer(sections, vocabulary(doc.lang)),
        report_period=report_period(_reporting_text(sections), meeting_date, title),
    )


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _date(d: str, m: str, y: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _handling(lines: list[str]) -> tuple[str | None, date | None, str | None]:
    """Body, meeting date and item number of the current handling, from the header lines.

    A header may list the case's earlier handlings too; the newest dated one is the current one.
    """
    body = meeting = item = None
    handlings: list[tuple[date, str | None, str | None]] = []
    for i, line in enumerate(lines):
        line = line.strip(" |")
        if m := _LIST_LINE.match(line):
            found = _date(m.group(2), m.group(3), m.group(4))
            prev = m.group("body") or (lines[i - 1] if i and not _BOILERPLATE_LINE.match(lines[i - 1]) else None)
            body, meeting, item = body or prev, meeting or found, item or m.group("item")
        elif m := _CLOUDNC_LINE.match(line):
            found = _date(m.group(2), m.group(3), m.group(4))
            if found:
                handlings.append((found, m.group("body").strip(), None))
        elif m := _CELLS_LINE.match(line):
            found = _date(m.group(3), m.group(4), m.group(5))
            if found:
                handlings.append((found, m.group("body").strip(" |"), m.group("item")))
        elif m := _HANDLING_LINE.match(line):
            found = _date(m.group(2), m.group(3), m.group(4))
            if found:
                handlings.append((found, m.group("body").strip(" |"), m.group("item")))
        elif (m := _SECTION_NUMBER.match(line)) and item is None:
            item = m.group("a") or m.group("b")
    if handlings:
        newest = max(handlings, key=lambda h: h[0])
        meeting = meeting or newest[0]
        body = body or newest[1]
        item = item or newest[2] or next((h[2] for h in handlings if h[0] == newest[0] and h[2]), None)
    return body, meeting, item


_ATTACHMENT_LABEL = re.compile(r"^(?:Liitteet|Liite|Bilagor|Bilaga|Oheismateriaali)$", re.IGNORECASE)


def _without_attachment_rows(header: str) -> list[str]:
    """Header lines less the page's attachment list (``Liitteet`` and its rows, up to a blank line)."""
    lines, skipping = [], False
    for line in header.split("\n"):
        line = line.strip()
        if not line:
            skipping = False
        elif _ATTACHMENT_LABEL.match(line):
            skipping = True
        elif not skipping:
            lines.append(line)
    return lines


# what names a deciding body in a handling line ("Kunnanhallitus 15.09.2025", "KH 15.09.2025 § 228")
_ORGAN = re.compile(r"(?:hallitus|lautakunta|valtuusto|jaosto|toimikunta|johtaja|päällikkö|neuvosto|kokous|styrelse|nämnd|"
                    r"fullmäktige|sektion|direktör|^[A-ZÅÄÖ]{1,6})\b", re.IGNORECASE)


def _title(lines: list[str], body: str | None) -> str | None:
    candidates = []
    for line in lines:
        handling = _HANDLING_LINE.match(line)
        # a title may end in a date ("Talousarvion toteuma 31.7.2025"): a handling line names a body, or an item
        if handling and not handling.group("item") and not _ORGAN.search(handling.group("body")):
            handling = None
        if _BOILERPLATE_LINE.match(line) or _LIST_LINE.match(line) or handling:
            continue
        if _CELLS_LINE.match(line) or _CLOUDNC_LINE.match(line) or _DIARY.search(line) or _SHORT_DIARY.match(line):
            continue
        if m := _SECTION_NUMBER.match(line):
            if m.group("title"):
                return m.group("title")
            continue
        if body and line == body:
            continue
        candidates.append(line)
    multiword = [c for c in candidates if len(c.split()) >= 2]
    return (multiword or candidates or [None])[0]


def _diary(header_lines: list[str], text: str) -> str | None:
    for line in header_lines:
        if m := _DIARY.search(line):
            return m.group(0)
        if m := _SHORT_DIARY.match(line):
            return m.group(1)
    m = _DIARY.search(text[:3000])
    return m.group(0) if m else None


def _organisation(text: str) -> str | None:
    for line in text[:600].split("\n")[:5]:
        if m := _ORG_HEADER.match(line.strip()):
            return m.group(1).strip()
    m = _ORG_MENTION.search(text)
    if not m:
        return None
    name, noun = m.group(1).strip(), m.group(2)
    return f"{name} {_ORG_BASE.get(noun, noun)}"


_TITLE_WORD = re.compile(r"(johtaja|päällikkö|pormestari|sihteeri|asiantuntija|suunnittelija|lakimies|insinööri|arkkitehti|ekonomi|controller|koordinaattori|direktör|chef|sekreterare|planerare)$", re.IGNORECASE)


def _preparer(sections: list[Section], vocab: Vocabulary) -> str | None:
    """The first person named under Valmistelija (else Lisätiedot): name only, no title or contacts.

    Pages that carry the case's history name the preparer inside an earlier handling's block.
    """
    for kind in ("preparer", "info"):
        for section in sections:
            if section.kind != kind:
                continue
            body = section.text[len(section.heading or "") :]
            name = _first_person(body)
            if name:
                return name
    for section in sections:
        for line in section.text.split("\n"):
            matched = _match_phrase(line, vocab)
            if matched and matched[1] == "preparer" and (name := _first_person(line[len(matched[0]) :])):
                return name
    return None


def _first_person(text: str) -> str | None:
    for chunk in re.split(r"[,\n;(]|\bpuh\b|\bp\.|\btel\b", text):
        chunk = chunk.strip(" :")
        if not chunk or "@" in chunk:
            continue
        for m in _PERSON.finditer(chunk):
            words = [w for w in m.group(1).split() if not _TITLE_WORD.search(w)]
            if len(words) >= 2:
                return " ".join(words)
    return None


def _reporting_text(sections: list[Section]) -> str:
    """Where a report states its period: header and description, not the appeal boilerplate."""
    return "\n".join(s.text for s in sections if s.kind in (HEADER, "summary", "description", "proposal", "other"))

"""Typed records passed between the pipeline stages.

Each stage takes and returns these small objects; no stage reads another's internals.
Every ``start_char``/``end_char`` points into ``SourceDocument.text`` (== ``documents.text``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """Output of ingest: normalised text plus what the markup or a sidecar already told us."""

    source: str
    text: str
    format: str  # txt | html | pdf
    lang: str
    # Spans the markup marks as section headings (Ahjo h3, Dynasty first span of a paragraph).
    headings: tuple[tuple[int, int], ...] = ()
    # Metadata read from markup or a publisher sidecar: title, item_number, diary_number, body,
    # meeting_date (ISO), organisation. Segmentation fills what is missing from the text.
    fields: dict[str, str] = field(default_factory=dict)
    parent_source: str | None = None

    @property
    def doc_id(self) -> str:
        return document_id(self.text)


def document_id(text: str) -> str:
    """Content hash of the normalised text: the same text is the same document wherever it came from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Section:
    ordinal: int
    kind: str
    heading: str | None
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    organisation: str | None = None
    body: str | None = None
    meeting_date: date | None = None
    item_number: str | None = None
    diary_number: str | None = None
    title: str | None = None
    preparer: str | None = None
    report_period: str | None = None


@dataclass(frozen=True, slots=True)
class SegmentedDocument:
    source: SourceDocument
    meta: DocumentMeta
    sections: tuple[Section, ...]

    @property
    def doc_id(self) -> str:
        return self.source.doc_id


@dataclass(frozen=True, slots=True)
class Entity:
    label: str
    text: str
    lemma: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class GoalKeyBasis:
    """A goal's main name as lemmas and every mention as written: all that goal_key matching reads."""

    lemmas: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Goal:
    goal_id: str
    name: str
    goal_key: str
    owner: str | None
    status: str | None
    status_phrase: str | None
    period: str | None
    start_char: int
    end_char: int
    # Character ranges of documents.text about this goal (its heading or mention onwards), for
    # linking figures to it; not stored as a column.
    scopes: tuple[tuple[int, int], ...] = ()
    # What goal_key is matched on, so the key can be resolved after the NLP (by the single writer
    # of a parallel run, against goals stored earlier); not stored as a column.
    key_basis: GoalKeyBasis | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    figure_id: str
    value: float
    unit: str
    unit_word: str | None
    start_char: int
    end_char: int
    sentence: str
    section_kind: str | None = None
    denominator: float | None = None
    approx: bool = False
    bound: str | None = None  # lt | gt
    subject: str | None = None
    qualifier: str | None = None
    period: str | None = None
    per: str | None = None  # rate period: "703 140 euroa / vuosi" -> year
    direction: str | None = None  # more | less, for comparisons
    baseline_value: float | None = None
    baseline_period: str | None = None
    goal_id: str | None = None
    subject_rule: str | None = None  # which rule chose the subject (README "How a subject is chosen")


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything the pipeline learned about one document: what the store writes in one transaction."""

    document: SegmentedDocument
    entities: tuple[Entity, ...] = ()
    goals: tuple[Goal, ...] = ()
    figures: tuple[Figure, ...] = ()

    @property
    def doc_id(self) -> str:
        return self.document.doc_id


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    source: str
    stage: str
    message: str

"""Orchestration: ingest → segment → NLP per section → goals and figures → store.

Stages talk through the dataclasses in :mod:`nlp_pipeline.model`; this module only wires them.
"""
from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .ingest import read_path
from .model import DocumentResult, ErrorRecord, Figure, Section, SegmentedDocument, SourceDocument
from .segment import segment
from .store import Store

# Standard texts (appeal instructions, contact lines, attachment lists, copies-to) repeat nearly word
# for word across items, but rarely whole: analysed paragraph by paragraph, a repeated paragraph is a
# section-cache hit, so the heavy stages run once per distinct paragraph and nothing in them is lost.
STANDARD_TEXT_KINDS = frozenset({"appeal", "info", "attachments", "enforcement"})
PARAGRAPH = re.compile(r"\S(?:[^\n]|\n(?![ \t]*\n))*")
BATCH_SIZE = 64


@dataclass
class RunSummary:
    processed: int = 0  # new documents stored
    unchanged: int = 0  # inputs seen before, or whose text is already stored
    skipped: int = 0  # not agenda files (README.md, sources.tsv, …)
    failed: int = 0
    seconds: float = 0.0
    errors: list[ErrorRecord] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"processed {self.processed}, unchanged {self.unchanged}, skipped {self.skipped}, "
            f"failed {self.failed} in {self.seconds:.1f} s"
        )


class Analyzer:
    """Runs the NLP stages over segmented documents; loads the spaCy pipeline once, lazily."""

    def __init__(self, nlp=None, with_nlp: bool = True, cache=None):
        self._nlp = nlp
        self.with_nlp = with_nlp
        self.cache = cache  # a batch.SectionCache: repeated section texts are processed once

    @property
    def nlp(self):
        if self._nlp is None:
            from .nlp import load_pipeline

            self._nlp = load_pipeline()
        return self._nlp

    def analyse(self, documents: Sequence[SegmentedDocument], known_keys: Callable[[str | None], dict[str, str]] | None = None) -> list[DocumentResult]:
        if not self.with_nlp or not documents:
            return [DocumentResult(document=d) for d in documents]
        from . import tagging

        per_doc = self.section_docs(documents)
        results = []
        batch_keys: dict[str | None, dict[str, str]] = {}  # goals of earlier documents in this batch
        stored_keys: dict[str | None, dict[str, str]] = {}  # one store query per organisation, not per document
        case_orgs = _case_organisations(documents)
        for document, docs in zip(documents, per_doc):
            # goal keys are matched within an organisation; a text without one borrows its case's
            org = document.meta.organisation or case_orgs.get(document.meta.diary_number)
            if org not in stored_keys:
                stored_keys[org] = known_keys(org) if known_keys else {}
            keys = {**stored_keys[org], **batch_keys.get(org, {})}
            goals = tagging.build_goals(docs, document, keys) if document.source.lang == "fi" else []
            batch_keys.setdefault(org, {}).update({g.goal_key: g.name for g in goals})
            entities = [replace(e, start_char=e.start_char + d._.context.offset, end_char=e.end_char + d._.context.offset) for d in docs for e in tagging.entities(d)]
            figures = _place_figures(document, docs, tagging.goal_scopes(goals, document) if goals else [])
            results.append(DocumentResult(document=document, entities=tuple(entities), goals=tuple(goals), figures=tuple(figures)))
        return results

    def section_docs(self, documents: Sequence[SegmentedDocument]) -> list[list]:
        """Per document, the processed spaCy Doc of each text it is analysed in (``nlp_units``), each carrying its
        ``SectionContext``; figures in them are relative to that text."""
        from .nlp import SectionContext

        nlp = self.nlp
        units, owners = [], []  # owners[i]: index of the document units[i] comes from
        for i, document in enumerate(documents):
            for section, offset, text in nlp_units(document):
                doc = nlp.make_doc(text)
                doc._.context = SectionContext(
                    doc_id=document.doc_id,
                    section_kind=section.kind,
                    offset=offset,
                    report_period=document.meta.report_period,
                    organisation=document.meta.organisation,
                    lang=document.source.lang,
                )
                units.append(doc)
                owners.append(i)
        per_doc: list[list] = [[] for _ in documents]
        for i, doc in zip(owners, self._pipe(units)):
            per_doc[i].append(doc)
        return per_doc

    def _pipe(self, units):
        """The units processed, in input order."""
        if self.cache is not None:
            return self.cache.pipe(self.nlp, units)
        return self.nlp.pipe(units, batch_size=32)


def nlp_units(document: SegmentedDocument) -> Iterator[tuple[Section, int, str]]:
    """(section, offset in the document, text) of each text the NLP stages analyse: a section, or a
    paragraph of a standard-text section."""
    for section in document.sections:
        if not section.text.strip():
            continue
        if section.kind not in STANDARD_TEXT_KINDS:
            yield section, section.start_char, section.text
            continue
        for paragraph in PARAGRAPH.finditer(section.text):
            text = paragraph.group().rstrip()
            yield section, section.start_char + paragraph.start(), text


def _case_organisations(documents: Sequence[SegmentedDocument]) -> dict[str, str]:
    """diary number -> organisation, for the numbers that only one organisation uses in the batch."""
    seen: dict[str, set[str]] = {}
    for d in documents:
        if d.meta.diary_number and d.meta.organisation:
            seen.setdefault(d.meta.diary_number, set()).add(d.meta.organisation)
    return {number: next(iter(orgs)) for number, orgs in seen.items() if len(orgs) == 1}


def _place_figures(document: SegmentedDocument, docs, scopes) -> list[Figure]:
    """Section-relative figures to document offsets, with stable ids, section kind and the goal they sit under."""
    placed = []
    for doc in docs:
        offset = doc._.context.offset
        for fig in doc._.figures:
            start, end = fig.start_char + offset, fig.end_char + offset
            goal_id = next((gid for gid, a, b in scopes if a <= start < b), None)
            figure_id = hashlib.sha1(f"{document.doc_id}:{start}:{end}:{fig.unit}".encode()).hexdigest()[:16]
            placed.append(replace(fig, figure_id=figure_id, start_char=start, end_char=end, goal_id=goal_id,
                                  section_kind=doc._.context.section_kind))
    return placed


# ---------------------------------------------------------------- one file (evaluation, tests)


def analyse_path(path: str | Path, analyzer: Analyzer | None = None) -> DocumentResult:
    """Everything the pipeline finds in one file, without a database."""
    return (analyzer or default_analyzer()).analyse([segment(read_path(path))])[0]


_DEFAULT: Analyzer | None = None


def default_analyzer() -> Analyzer:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT


# ---------------------------------------------------------------- fetched documents into the store
# (files go through :func:`nlp_pipeline.batch.run`)


def process_sources(sources: Iterable[SourceDocument], db: str | Path, analyzer: Analyzer | None = None) -> RunSummary:
    """Store documents that did not come from files (fetched pages); parents before attachments."""
    started = time.perf_counter()
    analyzer = analyzer or default_analyzer()
    summary = RunSummary()
    with Store(db) as store:
        docs = list(sources)
        docs.sort(key=lambda d: d.parent_source is not None)
        known = store.stored_doc_ids(d.doc_id for d in docs)
        fresh = [d for d in docs if d.doc_id not in known]
        summary.unchanged = len(docs) - len(fresh)
        parents = {d.source: d.doc_id for d in docs}
        for d in docs:
            if d.parent_source and d.parent_source not in parents:
                stored = store.doc_id_for_source(d.parent_source)
                if stored:
                    parents[d.parent_source] = stored
        results = analyzer.analyse([segment(d) for d in fresh], store.goal_keys)
        summary.processed = store.write(results, parents=parents)
    summary.seconds = time.perf_counter() - started
    return summary

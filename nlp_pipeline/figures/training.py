"""Training of the subject ranker (``agenda-nlp train subject-ranker``) on the tuned figures gold.

Only gold development never scores is left out: the test split of ``figures.jsonl`` and ``figures_val4.jsonl``.
Each matched figure whose gold subject is one of its sentence's candidate nouns, or is null, is an example.
"""
from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from ..evaluation import load_gold, shared_dir
from ..evaluation.figures import attribute_equal, compare_document
from ..ingest import read_path
from ..segment import segment
from ..tagging.resources import models_dir
from .ranker import NO_SUBJECT, Example, SubjectRanker

RANKER_DIR = "subject_ranker"
TRAINING_GOLD = (("figures.jsonl", "dev"), ("figures_val.jsonl", "all"), ("figures_val2.jsonl", "all"),
                 ("figures_val3.jsonl", "all"), ("figures_val5.jsonl", "all"))
FOLDS = 5


@dataclass
class Seen:
    """A gold figure as the ranker sees it, before features (they need the centroids)."""
    file: str
    first: Token
    last: Token
    unit: str
    nouns: list[Token]
    gold_subject: str | None
    gold: int  # index into nouns, len(nouns) for "no subject", -1 when the gold subject is no candidate


def collect(analyzer=None) -> list[Seen]:
    from ..pipeline import default_analyzer

    analyzer = analyzer or default_analyzer()
    component = analyzer.nlp.get_pipe("figures")
    seen = []
    for name, split in TRAINING_GOLD:
        for gold_doc in load_gold(None, name, split):
            document = segment(read_path(shared_dir() / gold_doc["file"]))
            for doc in analyzer.section_docs([document])[0]:
                seen += _seen_in(doc, gold_doc, component)
    return seen


def _seen_in(doc: Doc, gold_doc: dict, component) -> list[Seen]:
    """The section's figures the evaluator matches to gold ones (its own matching, on document offsets)."""
    offset = doc._.context.offset
    placed = [replace(f, start_char=f.start_char + offset, end_char=f.end_char + offset) for f in doc._.figures]
    out = []
    for gold, fig in compare_document(gold_doc, placed, "")[1]:
        span = doc.char_span(fig.start_char - offset, fig.end_char - offset, alignment_mode="expand")
        if span is None:
            continue
        first, last = span[0], span[-1]
        nouns = component.subject_nouns(first, last)
        subject = gold.get("subject")
        if subject is None:
            index = len(nouns)
        else:
            index = next((i for i, n in enumerate(nouns) if attribute_equal("subject", subject, component.subject_of(n))), -1)
        out.append(Seen(gold_doc["file"], first, last, fig.unit, nouns, subject, index))
    return out


def centroids_of(seen: list[Seen], vocab) -> dict[str, list[np.ndarray]]:
    by_unit = defaultdict(list)
    for s in seen:
        if s.gold_subject:
            vector = vocab[s.gold_subject].vector
            if vector.any():
                by_unit[s.unit].append(vector)
    return by_unit


def examples_of(seen: list[Seen], ranker: SubjectRanker) -> list[Example]:
    return [Example(ranker.options(s.nouns, s.first, s.last, s.unit), s.gold) for s in seen if s.gold >= 0]


def _nearest_before_accuracy(seen: list[Seen]) -> float:
    """A baseline on the same examples: the nearest candidate noun before the figure, else no subject."""
    usable = [s for s in seen if s.gold >= 0]
    right = 0
    for s in usable:
        before = [i for i, n in enumerate(s.nouns) if n.i < s.first.i]
        right += (before[-1] if before else len(s.nouns)) == s.gold
    return right / len(usable) if usable else 0.0


def cross_validate(seen: list[Seen], vocab, seed: int) -> dict:
    """Accuracy over folds by file: the ranker trained on the other files, against the nearest noun before."""
    files = sorted({s.file for s in seen})
    right = total = 0
    for k in range(FOLDS):
        held = set(files[k::FOLDS])
        train = [s for s in seen if s.file not in held]
        test = [s for s in seen if s.file in held]
        ranker = SubjectRanker()
        ranker.set_centroids(centroids_of(train, vocab))
        ranker.train(examples_of(train, ranker), seed=seed)
        test_examples = examples_of(test, ranker)
        right += round(ranker.accuracy(test_examples) * len(test_examples))
        total += len(test_examples)
    return {"folds": FOLDS, "examples": total, "ranker_accuracy": round(right / total, 3),
            "nearest_noun_before_accuracy": round(_nearest_before_accuracy(seen), 3)}


def train_subject_ranker(seed: int = 0, out: Path | None = None) -> dict:
    """Cross-validates, then trains on all the tuned gold and writes ``models/subject_ranker``."""
    from ..pipeline import default_analyzer

    out = out or models_dir() / RANKER_DIR
    started = time.time()
    analyzer = default_analyzer()
    vocab = analyzer.nlp.vocab
    seen = collect(analyzer)
    report = cross_validate(seen, vocab, seed)
    ranker = SubjectRanker()
    ranker.set_centroids(centroids_of(seen, vocab))
    examples = examples_of(seen, ranker)
    ranker.train(examples, seed=seed)
    ranker.to_disk(out / "ranker.json")
    report.update(figures=len(seen), unreachable=sum(s.gold < 0 for s in seen), trained_on=len(examples),
                  no_subject_examples=sum(s.gold == len(s.nouns) for s in seen), features=len(ranker.weights),
                  training_accuracy=round(ranker.accuracy(examples), 3))
    _write_report(out, report, seed, time.time() - started)
    return report


def _write_report(out: Path, report: dict, seed: int, seconds: float) -> None:
    (out / "EVALUATION.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    lines = ["# subject_ranker", "", f"Rebuild: `agenda-nlp train subject-ranker --seed {seed}` ({seconds:.0f} s)", "",
             f"Trained on the tuned figures gold ({', '.join(n for n, _ in TRAINING_GOLD)}; dev split only of the "
             "first). Cross-validation by file: the ranker's top choice among the sentence's nouns and "
             f"\"{NO_SUBJECT}\", against the nearest noun before the figure, on the same figures:", "",
             "```json", json.dumps(report, indent=1), "```", ""]
    (out / "EVALUATION.md").write_text("\n".join(lines), encoding="utf-8")

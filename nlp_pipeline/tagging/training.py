"""Training and evaluation of the tagging models (wrapped by ``agenda-nlp train|evaluate ner|classifier``).

Gold: ``corpus/gold/ner.jsonl``, one real document per line: ``file`` (relative to the shared
folder), ``split`` (train/dev/test, fixed per document), ``labels`` (the labels annotated
exhaustively in it) and ``spans`` (start/end into ``ingest.read_path(file).text``, label, and a
``status`` on PROGRESS spans). Synthetic data (``corpus/synthetic/``) is only ever trained on.
"""
from __future__ import annotations

import json
import random
import time
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from ..ingest import read_path
from ..nlp import SectionContext, load_base
from ..segment import segment
from .components import status_context
from .goals import build_goals
from .resources import MODEL_LABELS, NER_MODEL, OUR_LABELS, STATUS_MODEL, STATUSES, models_dir, read_jsonl, repo_dir

GOLD_PATH = repo_dir() / "corpus" / "gold" / "ner.jsonl"
SYNTHETIC_DIR = repo_dir() / "corpus" / "synthetic"
NER_EPOCHS = 12
TEXTCAT_EPOCHS = 12

NER_CONFIG = {
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": 96, "depth": 4,
                    "embed_size": 3000, "window_size": 1, "maxout_pieces": 3, "subword_features": True},
    }
}
TEXTCAT_CONFIG = {
    "threshold": 0.0,
    "model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 3,
              "no_output_layer": False, "length": 262144, "nO": None},
}


def shared_dir() -> Path:
    return repo_dir().parent / "shared"


@lru_cache(maxsize=64)
def _document_text(file: str) -> str:
    return read_path(shared_dir() / file).text


def gold_documents(gold: Path = GOLD_PATH, split: str | None = None) -> list[dict]:
    docs = read_jsonl(gold)
    return [d for d in docs if split is None or d["split"] == split]


# ---------------------------------------------------------------- running the pipeline on real text

@lru_cache(maxsize=1)
def tagging_pipeline() -> Language:
    from . import add_components

    nlp = load_base()
    add_components(nlp)
    return nlp


def analyse(file: str, nlp: Language | None = None):
    """Ingest, segment and tag one shared file: (SegmentedDocument, section Docs)."""
    nlp = nlp or tagging_pipeline()
    document = segment(read_path(shared_dir() / file))
    docs = []
    for s in document.sections:
        doc = nlp.make_doc(s.text)
        doc._.context = SectionContext(document.doc_id, s.kind, s.start_char, document.meta.report_period,
                                       document.meta.organisation, document.source.lang)
        docs.append(doc)
    return document, list(nlp.pipe(docs))


def predicted_spans(file: str) -> list[dict]:
    document, docs = analyse(file)
    out = []
    for section, doc in zip(document.sections, docs):
        for e in doc.ents:
            if e.label_ in OUR_LABELS:
                out.append({"start": section.start_char + e.start_char, "end": section.start_char + e.end_char,
                            "label": e.label_, "status": e._.status})
    return out


# ---------------------------------------------------------------- scores

def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def evaluate_ner(gold: Path = GOLD_PATH, split: str = "test") -> dict:
    """Exact-match span P/R/F1 per label of the whole tagging layer on real gold documents."""
    counts: dict[str, Counter] = defaultdict(Counter)
    misses = []
    docs = gold_documents(gold, split)
    for g in docs:
        pred = {(s["start"], s["end"], s["label"]) for s in predicted_spans(g["file"]) if s["label"] in g["labels"]}
        gold_set = {(s["start"], s["end"], s["label"]) for s in g["spans"]}
        text = _document_text(g["file"])
        for key in pred | gold_set:
            hit = "tp" if key in pred and key in gold_set else ("fp" if key in pred else "fn")
            counts[key[2]][hit] += 1
            if hit != "tp":
                misses.append({"file": g["file"], "kind": hit, "label": key[2], "start": key[0], "end": key[1], "text": text[key[0]:key[1]]})
    per_label = {label: prf(c["tp"], c["fp"], c["fn"]) for label, c in sorted(counts.items())}
    total = sum(counts.values(), Counter())
    return {"split": split, "documents": len(docs), "per_label": per_label, "micro": prf(total["tp"], total["fp"], total["fn"]),
            "seed_goals": evaluate_goals(), "misses": misses}


def _gold_status_examples(split: str, gold: Path = GOLD_PATH) -> list[tuple[str, str]]:
    """(clause, status) for every gold PROGRESS span with a status, its clause read as at run time."""
    nlp = load_base()
    out = []
    for g in gold_documents(gold, split):
        text = _document_text(g["file"])
        for s in g["spans"]:
            if s["label"] == "PROGRESS" and s.get("status"):
                lo = max(text.rfind("\n", 0, s["start"]), 0)
                hi = text.find("\n", s["end"])
                hi = len(text) if hi < 0 else hi
                doc = nlp(text[lo:hi])
                span = doc.char_span(s["start"] - lo, s["end"] - lo, alignment_mode="expand")
                out.append((status_context(span), s["status"]))
    return out


def _status_model() -> Language:
    return spacy.load(models_dir() / STATUS_MODEL)


def evaluate_classifier(gold: Path = GOLD_PATH, split: str = "test", model: Language | None = None) -> dict:
    """Accuracy, per-status P/R/F1 and the confusion matrix on real gold progress phrases."""
    model = model or _status_model()
    examples = _gold_status_examples(split, gold)
    predicted = [max(d.cats, key=d.cats.get) for d in model.pipe([t for t, _ in examples])]
    confusion = {g: {p: 0 for p in STATUSES} for g in STATUSES}
    for (_, g), p in zip(examples, predicted):
        confusion[g][p] += 1
    per_label = {}
    for s in STATUSES:
        tp = confusion[s][s]
        per_label[s] = prf(tp, sum(confusion[g][s] for g in STATUSES) - tp, sum(confusion[s].values()) - tp)
    correct = sum(confusion[s][s] for s in STATUSES)
    return {"split": split, "n": len(examples), "accuracy": round(correct / len(examples), 3) if examples else 0.0,
            "per_label": per_label, "confusion": confusion,
            "errors": [{"text": t, "gold": g, "predicted": p} for (t, g), p in zip(examples, predicted) if g != p]}


GOALS_GOLD_PATH = repo_dir() / "corpus" / "gold" / "goals.jsonl"


def evaluate_goals(gold: Path = GOALS_GOLD_PATH) -> dict:
    """Document-level goals on the gold reports, read in file order with earlier keys known.

    ``goals.jsonl``: per file the goals (main mention start/end), owner span or null, status or null,
    and ``link``: the same letter for the same goal in different reports of one organisation.
    """
    known: dict[str, str] = {}
    found = owners = statuses = links_right = links = 0
    total = 0
    key_of_link: dict[str, str] = {}
    for record in read_jsonl(gold):
        document, docs = analyse(record["file"])
        predicted = build_goals(docs, document, known)
        known.update({g.goal_key: g.name for g in predicted})
        text = document.source.text
        for gg in record["goals"]:
            total += 1
            match = [g for g in predicted if g.start_char < gg["end"] and gg["start"] < g.end_char]
            if not match:
                continue
            g = match[0]
            found += 1
            owner = text[gg["owner"][0]:gg["owner"][1]] if gg["owner"] else None
            owners += g.owner == owner
            statuses += g.status == gg["status"]
            if gg["link"] in key_of_link:
                links += 1
                links_right += key_of_link[gg["link"]] == g.goal_key
            key_of_link.setdefault(gg["link"], g.goal_key)
    rate = lambda n, d: round(n / d, 3) if d else 0.0  # noqa: E731
    return {"goals": total, "found": rate(found, total), "owner_right": rate(owners, found),
            "status_right": rate(statuses, found), "links_right": rate(links_right, links), "links": links}


# ---------------------------------------------------------------- training

def _ner_examples(nlp: Language, split: str) -> list[Example]:
    """Synthetic reports plus the real documents of ``split``, with the labels the model learns."""
    examples = []
    records = [(r["text"], r["spans"]) for r in read_jsonl(SYNTHETIC_DIR / "reports.jsonl")] if split == "train" else []
    for g in gold_documents(split=split):
        text = _document_text(g["file"])
        records.append((text, g["spans"]))
    for text, spans in records:
        doc = nlp.make_doc(text)
        ents = [doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="contract")
                for s in spans if s["label"] in MODEL_LABELS]
        ents = spacy.util.filter_spans([e for e in ents if e is not None])
        examples.append(Example.from_dict(doc, {"entities": [(e.start_char, e.end_char, e.label_) for e in ents]}))
    return examples


def _write_report(out: Path, name: str, command: str, report: dict, seconds: float) -> None:
    body = {k: v for k, v in report.items() if k not in ("misses", "errors")}
    (out / "EVALUATION.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    lines = [f"# {name}", "", f"Rebuild: `{command}` ({seconds:.0f} s)", "", "Scores on the real test split "
             "(synthetic data is never evaluated on):", "", "```json", json.dumps(body, ensure_ascii=False, indent=1), "```", ""]
    (out / "EVALUATION.md").write_text("\n".join(lines), encoding="utf-8")


def train_ner(seed: int = 0, out: Path | None = None, epochs: int = NER_EPOCHS) -> dict:
    """Trains the GOAL/PRIORITY/OWNER/METRIC NER (own small tok2vec) and evaluates the tagging layer."""
    out = out or models_dir() / NER_MODEL
    started = time.time()
    fix_random_seed(seed)
    nlp = spacy.blank("fi")
    nlp.add_pipe("ner", config=NER_CONFIG)
    train = _ner_examples(nlp, "train")
    optimizer = nlp.initialize(lambda: train, sgd=None)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(train)
        for batch in minibatch(train, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    tagging_pipeline.cache_clear()
    report = evaluate_ner()
    _write_report(out, "goal_ner", f"agenda-nlp train ner --seed {seed}", report, time.time() - started)
    return report


def train_classifier(seed: int = 0, out: Path | None = None, epochs: int = TEXTCAT_EPOCHS) -> dict:
    """Trains the progress-status textcat on synthetic clauses plus real train clauses."""
    out = out or models_dir() / STATUS_MODEL
    started = time.time()
    fix_random_seed(seed)
    nlp = spacy.blank("fi")
    textcat = nlp.add_pipe("textcat", config=TEXTCAT_CONFIG)
    for s in STATUSES:
        textcat.add_label(s)
    pairs = [(r["text"], r["status"]) for r in read_jsonl(SYNTHETIC_DIR / "status.jsonl")]
    pairs += _gold_status_examples("train") * 5  # real clauses are few: weight them up
    train = [Example.from_dict(nlp.make_doc(t), {"cats": {s: float(s == label) for s in STATUSES}}) for t, label in pairs]
    optimizer = nlp.initialize(lambda: train)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(train)
        for batch in minibatch(train, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.1)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    report = evaluate_classifier(model=nlp)
    _write_report(out, "status_textcat", f"agenda-nlp train classifier --seed {seed}", report, time.time() - started)
    return report

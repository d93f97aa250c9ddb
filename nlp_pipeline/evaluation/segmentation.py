"""Section boundaries per kind (a section is right when its kind and start offset are) and metadata accuracy."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest import read_path
from ..segment import segment
from . import Score, load_gold, shared_dir

META_FIELDS = ("organisation", "body", "meeting_date", "item_number", "diary_number", "title", "preparer", "report_period")


@dataclass
class SegmentationReport:
    documents: int
    per_kind: dict[str, Score]
    meta_correct: Counter
    meta_total: int
    misses: list[str] = field(default_factory=list)

    @property
    def overall(self) -> Score:
        return Score(*(sum(getattr(s, a) for s in self.per_kind.values()) for a in ("tp", "fp", "fn")))

    @property
    def metadata_accuracy(self) -> float:
        return sum(self.meta_correct.values()) / (self.meta_total * len(META_FIELDS)) if self.meta_total else 1.0

    def render(self) -> str:
        lines = [f"segmentation over {self.documents} gold documents", f"{'kind':<14} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
        lines += [score.row(kind) for kind, score in sorted(self.per_kind.items())]
        lines.append(self.overall.row("ALL (micro)"))
        lines.append("")
        lines.append(f"metadata accuracy {self.metadata_accuracy:.3f}")
        for name in META_FIELDS:
            lines.append(f"  {name:<14} {self.meta_correct[name] / self.meta_total if self.meta_total else 1:.3f}")
        if self.misses:
            lines.append("")
            lines.append(f"misses ({len(self.misses)}):")
            lines += [f"  {m}" for m in self.misses]
        return "\n".join(lines)


def _norm(value) -> str | None:
    if value is None or value == "":
        return None
    return " ".join(str(value).split()).casefold()


def evaluate_segmentation(gold_path: Path | None = None, split: str = "all") -> SegmentationReport:
    gold_docs = load_gold(gold_path, "segmentation.jsonl", split)
    root = shared_dir()
    counts: dict[str, Counter] = {}
    meta_correct: Counter = Counter()
    misses: list[str] = []
    for gold in gold_docs:
        predicted = segment(read_path(root / gold["file"]))
        name = Path(gold["file"]).name
        want = {(s["kind"], s["start"]) for s in gold["sections"]}
        got = {(s.kind, s.start_char) for s in predicted.sections}
        for kind, start in want | got:
            c = counts.setdefault(kind, Counter())
            if (kind, start) in want and (kind, start) in got:
                c["tp"] += 1
            elif (kind, start) in got:
                c["fp"] += 1
                misses.append(f"{name}: extra {kind} at {start}: {predicted.source.text[start:start + 40]!r}")
            else:
                c["fn"] += 1
                misses.append(f"{name}: missed {kind} at {start}: {predicted.source.text[start:start + 40]!r}")
        meta = predicted.meta
        for field_name in META_FIELDS:
            expected = gold["meta"].get(field_name)
            actual = getattr(meta, field_name)
            if _norm(expected) == _norm(actual.isoformat() if hasattr(actual, "isoformat") else actual):
                meta_correct[field_name] += 1
            else:
                misses.append(f"{name}: {field_name} {actual!r} != gold {expected!r}")
    per_kind = {k: Score(c["tp"], c["fp"], c["fn"]) for k, c in counts.items()}
    return SegmentationReport(len(gold_docs), per_kind, meta_correct, len(gold_docs), misses)

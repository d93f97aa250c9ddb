"""Figures against ``corpus/gold/figures.jsonl``: precision/recall/F1 on value+unit, attribute accuracy.

A predicted figure matches a gold one when their spans overlap and value and unit are equal. Predictions
that overlap an ``optional_figures`` span are ignored either way. Attribute accuracy is computed over the
matched pairs; a subject also counts as right when one lemma is the compound head of the other
(``kokonaisarvo`` / ``arvo``), since the guide lets the annotator pick either.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Figure
from ..periods import label_for_range, parse_period
from . import Score, load_gold, shared_dir

ATTRIBUTES = ("subject", "qualifier", "period", "approx", "bound", "denominator", "per", "direction", "baseline_value",
              "baseline_period")


@dataclass
class FiguresReport:
    documents: int
    score: Score
    attr_correct: Counter
    matched: int
    never_hits: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    attr_errors: list[str] = field(default_factory=list)
    # per rule that chose a matched figure's subject (``Figure.subject_rule``; "-" for none): [figures, subject right]
    subject_rules: dict[str, list[int]] = field(default_factory=dict)

    def accuracy(self, attribute: str) -> float:
        return self.attr_correct[attribute] / self.matched if self.matched else 1.0

    def render(self, by_rule: bool = False) -> str:
        s = self.score
        lines = [
            f"figures over {self.documents} gold documents",
            f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  "
            f"(tp {s.tp}, fp {s.fp}, fn {s.fn}; match = overlapping span + value + unit)",
            f"attribute accuracy over {self.matched} matched figures:",
        ]
        lines += [f"  {a:<12} {self.accuracy(a):.3f}" for a in ATTRIBUTES]
        lines.append(f"false figures on never-figure strings: {len(self.never_hits)}")
        if by_rule:
            lines.append("subject accuracy by the rule that chose it:")
            for rule, (n, right) in sorted(self.subject_rules.items(), key=lambda kv: (-kv[1][0], kv[0])):
                lines.append(f"  {rule:<22} {right:>4}/{n:<4} {right / n:.3f}")
        for title, rows in (
            ("never-figure hits", self.never_hits),
            ("misses", self.misses),
            ("false positives", self.false_positives),
            ("attribute errors", self.attr_errors),
        ):
            if rows:
                lines.append("")
                lines.append(f"{title} ({len(rows)}):")
                lines += [f"  {r}" for r in rows]
        return "\n".join(lines)


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _subject_equal(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold == pred
    g, p = gold.casefold(), pred.casefold()
    return g == p or g.endswith(p) or p.endswith(g)


def attribute_equal(name: str, gold, pred) -> bool:
    if name == "subject":
        return _subject_equal(gold, pred)
    if name in ("denominator", "baseline_value"):
        return _same_value(gold, pred)
    if name == "approx":
        return bool(gold) == bool(pred)
    if name in ("period", "baseline_period"):
        return _canonical_period(gold) == _canonical_period(pred)
    return (gold or None) == (pred or None)


def _canonical_period(label: str | None) -> str | None:
    """One spelling per period: ``2014-01-01/2014-06-30`` is ``2014-H1``."""
    try:
        period = parse_period(label) if label else None
    except ValueError:
        return label
    return label_for_range(period.start, period.end) if period is not None else None


def compare_document(gold: dict, predicted: list[Figure], text: str) -> tuple[int, list[tuple[dict, Figure]], list[dict], list[Figure]]:
    """Greedy one-to-one matching in text order: (tp, matched pairs, missed gold, false positives)."""
    used: set[int] = set()
    pairs, missed = [], []
    for g in sorted(gold["figures"], key=lambda f: f["start"]):
        hit = next(
            (
                i for i, p in enumerate(predicted)
                if i not in used
                and _overlaps(g["start"], g["end"], p.start_char, p.end_char)
                and _same_value(g["value"], p.value)
                and g["unit"] == p.unit
            ),
            None,
        )
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            pairs.append((g, predicted[hit]))
    optional = gold.get("optional_figures", [])
    false_pos = [
        p for i, p in enumerate(predicted)
        if i not in used and not any(_overlaps(o["start"], o["end"], p.start_char, p.end_char) for o in optional)
    ]
    return len(pairs), pairs, missed, false_pos


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width): start].replace("\n", " ")
    right = text[end: end + width].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def evaluate_figures(gold_path: Path | str | None = None, split: str = "test") -> FiguresReport:
    """Run the whole pipeline on every gold document of ``split`` (dev, test or all) and score its figures."""
    from ..pipeline import analyse_path

    gold_docs = load_gold(Path(gold_path) if gold_path else None, "figures.jsonl", split)
    root = shared_dir()
    return _score((Path(g["file"]).name, g, analyse_path(root / g["file"])) for g in gold_docs)


def read_passages(path: Path | str) -> list[dict]:
    """The records of a blind passage set (``corpus/passages/README.md``), one JSON object per line."""
    records = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not a JSON passage record ({exc.msg})") from exc
    return records


def analyse_passages(records: list[dict]):
    """``(id, record, DocumentResult)`` per passage: its page's title, then its ``text``, read as a plain-text
    document and analysed even when it shows no agenda structure; figures in the title are dropped and the rest
    carry offsets into ``text``, as the gold does."""
    import tempfile
    from dataclasses import replace

    from ..ingest import read_path
    from ..pipeline import default_analyzer
    from ..segment import segment

    analyzer = default_analyzer()
    with tempfile.TemporaryDirectory() as tmp:
        for rec in records:
            heading = _title_line(rec)
            source = Path(tmp) / f"{rec['id']}.txt"
            source.write_text(heading + rec["text"], encoding="utf-8")
            result = analyzer.analyse([segment(read_path(source), agenda_only=False)])[0]
            in_text = tuple(
                replace(f, start_char=f.start_char - len(heading), end_char=f.end_char - len(heading))
                for f in result.figures if f.start_char >= len(heading)
            )
            yield rec["id"], rec, replace(result, figures=in_text)


def _title_line(rec: dict) -> str:
    """The page's title as the first line, as an item page shows it (it may name the period the page reports on),
    unless the passage already begins with it."""
    title = " ".join((rec.get("title") or "").split())
    first_line = rec["text"].split("\n", 1)[0].strip()
    return "" if not title or first_line == title else f"{title}\n\n"


def evaluate_passages(path: Path | str) -> FiguresReport:
    """Score a blind passage set against its figures."""
    return _score(analyse_passages(read_passages(path)))


def _score(documents) -> FiguresReport:
    """Accumulate the scores of ``(name, gold record, DocumentResult)`` triples."""
    tp = fp = fn = matched = 0
    correct: Counter = Counter()
    report = FiguresReport(0, Score(0, 0, 0), correct, 0)
    for name, gold, result in documents:
        text = gold.get("text") or result.document.source.text  # a passage's offsets point into its text
        n_tp, pairs, missed, false_pos = compare_document(gold, list(result.figures), text)
        tp, fn, fp = tp + n_tp, fn + len(missed), fp + len(false_pos)
        matched += len(pairs)
        report.documents += 1
        for g, p in pairs:
            for attr in ATTRIBUTES:
                if attribute_equal(attr, g.get(attr), getattr(p, attr)):
                    correct[attr] += 1
                else:
                    rule = f" ({p.subject_rule or '-'})" if attr == "subject" else ""
                    report.attr_errors.append(
                        f"{name}:{g['start']} {g['text']!r} {attr}: gold {g.get(attr)!r} predicted {getattr(p, attr)!r}{rule}"
                    )
            tally = report.subject_rules.setdefault(p.subject_rule or "-", [0, 0])
            tally[0] += 1
            tally[1] += attribute_equal("subject", g.get("subject"), p.subject)
        for g in missed:
            report.misses.append(f"{name}:{g['start']} {g['value']} {g['unit']} {_context(text, g['start'], g['end'])}")
        for p in false_pos:
            line = f"{name}:{p.start_char} {p.value} {p.unit} {_context(text, p.start_char, p.end_char)}"
            report.false_positives.append(line)
            if any(_overlaps(n["start"], n["end"], p.start_char, p.end_char) for n in gold.get("not_figures", [])):
                report.never_hits.append(line)
    report.score = Score(tp, fp, fn)
    report.matched = matched
    return report

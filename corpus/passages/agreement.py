"""Agreement of two annotators on the same passages: the human ceiling the extractor's scores are read against.

Two helpers annotate the same passage texts independently (``README.md``, "Agreement"). The second file is
scored against the first exactly as ``agenda-nlp evaluate figures --passages`` scores the extractor (overlapping
span + value + unit, the evaluator's attribute equality); F1 and agreement over matched pairs are symmetric.
With ``--extractor`` the extractor is scored against each annotator and on the figures both read alike.

    python3 corpus/passages/agreement.py A.jsonl B.jsonl [--extractor]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from nlp_pipeline.evaluation.figures import (  # noqa: E402
    analyse_passages, attribute_equal, compare_document, read_passages,
)
from nlp_pipeline.model import Figure  # noqa: E402

REPORTED = ("subject", "qualifier", "period", "approx", "bound", "direction")


def as_figures(rec: dict) -> list[Figure]:
    """An annotator's figures in the extractor's shape, so one matcher scores both."""
    fields = set(Figure.__dataclass_fields__) - {"figure_id", "start_char", "end_char", "sentence", "unit_word"}
    return [
        Figure(figure_id=f"{rec['id']}:{n}", start_char=f["start"], end_char=f["end"], sentence="",
               unit_word=f.get("unit_word"), **{k: v for k, v in f.items() if k in fields})
        for n, f in enumerate(rec["figures"])
    ]


def matched_pairs(gold: dict[str, dict], predicted: dict[str, list[Figure]]):
    """(tp, fn, fp, {(passage id, gold start): (gold figure, predicted figure)})."""
    tp = fn = fp = 0
    pairs = {}
    for pid, rec in gold.items():
        n_tp, matched, missed, extra = compare_document(rec, predicted[pid], rec["text"])
        tp, fn, fp = tp + n_tp, fn + len(missed), fp + len(extra)
        pairs.update({(pid, g["start"]): (g, p) for g, p in matched})
    return tp, fn, fp, pairs


def print_scores(title: str, tp: int, fn: int, fp: int, pairs: dict) -> None:
    f1 = 2 * tp / (2 * tp + fn + fp) if tp else 0.0
    print(f"{title}: {tp + fn} / {tp + fp} figures, {tp} matched, F1 {f1:.3f}")
    for attr in REPORTED:
        same = sum(attribute_equal(attr, g.get(attr), getattr(p, attr)) for g, p in pairs.values())
        print(f"  {attr:<10} {same / len(pairs):.3f}" if pairs else f"  {attr}: no pairs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first")
    parser.add_argument("second")
    parser.add_argument("--extractor", action="store_true")
    args = parser.parse_args()
    first = {rec["id"]: rec for rec in read_passages(args.first)}
    second = {rec["id"]: rec for rec in read_passages(args.second)}
    for pid, rec in first.items():
        if second.get(pid, {}).get("text") != rec["text"]:
            raise SystemExit(f"{args.second}: passage {pid} missing or its text differs from {args.first}")
    between = matched_pairs(first, {pid: as_figures(rec) for pid, rec in second.items()})
    print_scores("annotators", *between)
    for (pid, start), (g, p) in sorted(between[3].items()):
        if not attribute_equal("subject", g.get("subject"), p.subject):
            print(f"    subject {pid}:{start} {g['text']!r}: {g.get('subject')!r} / {p.subject!r}")
    if args.extractor:
        extracted = {pid: list(result.figures) for pid, _, result in analyse_passages(list(first.values()))}
        by_annotator = [matched_pairs(annotated, extracted) for annotated in (first, second)]
        for name, scores in zip((args.first, args.second), by_annotator):
            print_scores(f"extractor against {name}", *scores)
        for attr in REPORTED:
            agreed = [key for key, (g, p) in between[3].items() if attribute_equal(attr, g.get(attr), getattr(p, attr))]
            found = [key for key in agreed if key in by_annotator[0][3]]
            right = sum(attribute_equal(attr, by_annotator[0][3][k][0].get(attr), getattr(by_annotator[0][3][k][1], attr))
                        for k in found)
            print(f"extractor on the {len(agreed)} figures read alike for {attr}: {right}/{len(found)} "
                  f"= {right / len(found):.3f} of those it found" if found else f"{attr}: none found")


if __name__ == "__main__":
    main()

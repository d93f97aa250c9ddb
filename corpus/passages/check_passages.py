"""Check a blind passage set (a JSONL file kept outside this repository, see README.md): every span's text at its
offsets, the figures gold vocabulary (``corpus/gold/check_figures_gold.py``), periods written as labels, the passage
text normalised as ingest would, and no figure overlapping a not-figure. Exits 1 with one line per problem.

    python3 corpus/passages/check_passages.py SET.jsonl
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "corpus" / "gold"))

from check_figures_gold import figure_problems  # noqa: E402
from nlp_pipeline.ingest import normalise_text  # noqa: E402  (whitespace only: annotators may run this)

PERIOD_LABEL = re.compile(r"\d{4}(?:-Q[1-4]|-H[12]|-(?:0[1-9]|1[0-2]))?|\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d")


def passage_problems(rec: dict) -> list[str]:
    text = rec["text"]
    problems = [] if text == normalise_text(text) else ["text not normalised (one space between words, no NBSP)"]
    for kind in ("figures", "not_figures", "optional_figures"):
        for span in rec.get(kind, []):
            where = f"{kind} {span['start']}-{span['end']} {span['text']!r}"
            if text[span["start"]:span["end"]] != span["text"]:
                problems.append(f"{where}: text is {text[span['start']:span['end']]!r}")
            if kind != "figures":
                continue
            problems += [f"{where}: {p}" for p in figure_problems(span)]
            problems += [
                f"{where}: {key} {span[key]!r} is no period label" for key in ("period", "baseline_period")
                if span.get(key) is not None and not PERIOD_LABEL.fullmatch(span[key])
            ]
    problems += [
        f"figure {f['text']!r} overlaps not-figure {n['text']!r}"
        for f in rec["figures"] for n in rec["not_figures"] if f["start"] < n["end"] and n["start"] < f["end"]
    ]
    return problems


def main(path: str) -> int:
    records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    problems = [f"{path} {rec.get('id')}: {p}" for rec in records for p in passage_problems(rec)]
    ids = [rec.get("id") for rec in records]
    problems += [f"{path}: id {i!r} twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for problem in problems:
        print(problem)
    figures = sum(len(rec["figures"]) for rec in records)
    print(f"{path}: {len(records)} passages, {figures} figures, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

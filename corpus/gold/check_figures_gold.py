"""Check corpus/gold/figures.jsonl against the normalised text that ingest produces.

Every span's ``text`` must equal ``doc.text[start:end]`` (offsets point into ``documents.text``), every
attribute must use the contract's vocabulary, and no figure may overlap a not-figure. Prints a summary per
split and exits 1 with one line per problem otherwise.

    python3 corpus/gold/check_figures_gold.py [--gold PATH] [--shared DIR]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from nlp_pipeline.ingest import read_path  # noqa: E402

UNITS = {"percent", "percentage_point", "count", "eur", "fraction", "score", "m2", "km", "m",
         "hour", "day", "week", "month", "year", "other"}
PERIODS = {None, "year", "month", "week", "day", "hour", "quarter"}
FIGURE_KEYS = {"start", "end", "text", "value", "unit", "unit_word", "denominator", "approx", "bound", "subject",
               "qualifier", "period", "per", "direction", "baseline_value", "baseline_period"}


def figure_problems(fig: dict) -> list[str]:
    """Vocabulary and type problems of one figure, as short messages."""
    problems = []
    if set(fig) != FIGURE_KEYS:
        problems.append(f"keys differ: missing {sorted(FIGURE_KEYS - set(fig))}, extra {sorted(set(fig) - FIGURE_KEYS)}")
    if fig.get("unit") not in UNITS:
        problems.append(f"unit {fig.get('unit')!r}")
    if not isinstance(fig.get("value"), (int, float)):
        problems.append(f"value {fig.get('value')!r}")
    if fig.get("unit") == "fraction" and not fig.get("denominator"):
        problems.append("fraction without denominator")
    if fig.get("bound") not in {None, "lt", "gt"}:
        problems.append(f"bound {fig.get('bound')!r}")
    if fig.get("direction") not in {None, "more", "less"}:
        problems.append(f"direction {fig.get('direction')!r}")
    if fig.get("per") not in PERIODS:
        problems.append(f"per {fig.get('per')!r}")
    if not isinstance(fig.get("approx"), bool):
        problems.append(f"approx {fig.get('approx')!r}")
    subject = fig.get("subject")
    if subject is not None and subject != subject.lower():
        problems.append(f"subject not lower case: {subject!r}")
    return problems


def check(gold: Path, shared: Path) -> tuple[list[str], list[dict]]:
    errors: list[str] = []
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    seen = set()
    for row in rows:
        name = row["file"]
        if name in seen:
            errors.append(f"{name}: listed twice")
        seen.add(name)
        if row.get("split") not in {"dev", "test", "val"}:
            errors.append(f"{name}: split {row.get('split')!r}")
        text = read_path(shared / name).text
        for kind in ("figures", "not_figures", "optional_figures"):
            for span in row[kind]:
                where = f"{name} {kind} {span['start']}-{span['end']} {span['text']!r}"
                if not 0 <= span["start"] < span["end"] <= len(text) or text[span["start"]:span["end"]] != span["text"]:
                    errors.append(f"{where}: text is {text[span['start']:span['end']]!r}")
                if kind == "figures":
                    errors.extend(f"{where}: {p}" for p in figure_problems(span))
        for fig in row["figures"]:
            for other in row["not_figures"]:
                if fig["start"] < other["end"] and other["start"] < fig["end"]:
                    errors.append(f"{name}: figure {fig['text']!r} overlaps not-figure {other['text']!r}")
    return errors, rows


def summary(rows: list[dict]) -> str:
    lines = []
    for split in sorted({r["split"] for r in rows}):
        part = [r for r in rows if r["split"] == split]
        figs = [f for r in part for f in r["figures"]]
        units = Counter(f["unit"] for f in figs)
        lines.append(f"{split}: {len(part)} documents, {len(figs)} figures, "
                     f"{sum(len(r['not_figures']) for r in part)} not-figures, "
                     f"{sum(len(r['optional_figures']) for r in part)} optional; "
                     + ", ".join(f"{u} {n}" for u, n in units.most_common()))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path(__file__).with_name("figures.jsonl"))
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    errors, rows = check(args.gold, args.shared)
    print(summary(rows))
    for error in errors:
        print("ERROR", error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

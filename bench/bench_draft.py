"""How long a draft takes: comparison (SQL), Markdown, JSON, docx and chart over a synthetic store.

Run: python3 bench/bench_draft.py [--docs N] [--figures M]
Prints seconds per step for N documents per period with M figures each.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from nlp_pipeline.draft import build_comparison, render, render_chart  # noqa: E402
from tests.draft_facts import Doc, write_db  # noqa: E402

SUBJECTS = ["tehtävä", "avaintulos", "hakija", "asiakas", "käynti", "kustannus"]


def fact_docs(n_docs: int, n_figures: int, seed: int = 0) -> list[Doc]:
    """Each document one body with five goals; figures keyed by goal, subject and qualifier, so the
    same keys recur in both periods and pair up."""
    rng = random.Random(seed)
    keys = [(k, s, q) for k in range(5) for s in SUBJECTS for q in (None, "valmis", "kesken")]
    docs = []
    for side, (period, meeting) in enumerate((("2025-Q2", date(2025, 9, 1)), ("2026-Q1", date(2026, 5, 1)))):
        for d in range(n_docs):
            goals = [{"goal_id": f"g{side}-{d}-{k}", "name": f"Tavoite {d}-{k}", "goal_key": f"k{d}-{k}",
                      "owner": f"johtaja {k}", "status": rng.choice(["on_track", "at_risk"]), "sentence": 0}
                     for k in range(5)]
            figures = [{"figure_id": f"f{side}-{d}-{i}", "value": rng.randint(1, 100), "subject": subject,
                        "unit": "percent" if qualifier else rng.choice(["count", "eur"]), "qualifier": qualifier,
                        "sentence": 1, "goal_id": goals[k]["goal_id"]}
                       for i, (k, subject, qualifier) in enumerate(keys[:n_figures])]
            docs.append(Doc(f"{period}-{d}.txt", period, f"Toimielin {d}", meeting,
                            [f"Raportti {period} numero {d}.", "Luvut."], goals=goals, figures=figures))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--figures", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = write_db(Path(tmp) / "bench.duckdb", fact_docs(args.docs, args.figures))
        con = duckdb.connect(str(db), read_only=True)
        steps = {}
        t = time.perf_counter()
        comparison = build_comparison(con, "2025-Q2", "2026-Q1")
        steps["comparison (SQL)"] = time.perf_counter() - t
        for fmt in ("md", "json", "docx"):
            t = time.perf_counter()
            render(comparison, fmt)
            steps[f"render {fmt}"] = time.perf_counter() - t
        t = time.perf_counter()
        render_chart(comparison, Path(tmp) / "chart.png")
        steps["chart"] = time.perf_counter() - t
    print(f"{args.docs} documents per period x {args.figures} figures: {len(comparison.pairs)} pairs, "
          f"{len(comparison.sources)} sources")
    for step, seconds in steps.items():
        print(f"{step:18s} {seconds:7.3f} s")


if __name__ == "__main__":
    main()

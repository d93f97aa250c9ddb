#!/usr/bin/env python3
"""Tagging layer cost: model size on disk, pipeline load time, and tagging time over the base model.

Prints figures (never asserts). Text: every section of the two seeds and of the Ahjo corpus
(read in place from ../shared), processed as the orchestrator does, one Doc per section.

Example:
    python3 bench/tagging_speed.py --ahjo 60
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp_pipeline import tagging  # noqa: E402
from nlp_pipeline.ingest import read_path  # noqa: E402
from nlp_pipeline.nlp import SectionContext, load_base  # noqa: E402
from nlp_pipeline.segment import segment  # noqa: E402
from nlp_pipeline.tagging.resources import NER_MODEL, STATUS_MODEL, models_dir  # noqa: E402


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def section_texts(shared: Path, ahjo: int) -> list[tuple[str, SectionContext]]:
    files = sorted((shared / "seeds").glob("*.txt")) + sorted((shared / "corpus" / "helsinki-ahjo").glob("*.html"))[:ahjo]
    out = []
    for f in files:
        d = segment(read_path(f))
        out += [(s.text, SectionContext(d.doc_id, s.kind, s.start_char, d.meta.report_period, None, d.source.lang))
                for s in d.sections]
    return out


def run(nlp, sections) -> float:
    docs = []
    for text, ctx in sections:
        doc = nlp.make_doc(text)
        doc._.context = ctx
        docs.append(doc)
    start = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=32):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ahjo", type=int, default=60, help="how many Ahjo files to add to the seeds")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    shared = ROOT.parent / "shared"

    for name in (NER_MODEL, STATUS_MODEL):
        print(f"model {name}: {size_mb(models_dir() / name):.1f} MB")
    print(f"models total: {size_mb(models_dir() / NER_MODEL) + size_mb(models_dir() / STATUS_MODEL):.1f} MB (budget 50)")

    start = time.perf_counter()
    base = load_base()
    base_load = time.perf_counter() - start
    start = time.perf_counter()
    full = load_base()
    tagging.add_components(full)
    full_load = time.perf_counter() - start
    print(f"load: base {base_load:.2f} s, base + tagging {full_load:.2f} s (budget 3 s)")

    sections = section_texts(shared, args.ahjo)
    chars = sum(len(t) for t, _ in sections)
    run(base, sections[:20]), run(full, sections[:20])  # warm up
    # interleaved repeats, best of each: other load on the machine hits both alike
    t_base = t_full = float("inf")
    for _ in range(args.repeats):
        t_base = min(t_base, run(base, sections))
        t_full = min(t_full, run(full, sections))
    print(f"text: {len(sections)} sections, {chars / 1000:.0f} k chars")
    print(f"tagging: base {t_base:.2f} s, base + tagging {t_full:.2f} s, cost +{100 * (t_full / t_base - 1):.0f} % (budget 30 %)")


if __name__ == "__main__":
    main()

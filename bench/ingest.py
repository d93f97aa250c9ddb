"""Ingest + segment + store throughput over the Ahjo corpus (no heavy NLP): prints documents/s.

    python3 bench/ingest.py [--repeat N]

Each repeat stores into a fresh database, so every document is really written.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from nlp_pipeline.evaluation import shared_dir
from nlp_pipeline.ingest import iter_input_files, read_path
from nlp_pipeline.batch import RunOptions, run
from nlp_pipeline.segment import segment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = shared_dir() / "corpus" / "helsinki-ahjo"
    files = [f for f in iter_input_files([corpus]) if f.suffix == ".html"]
    chars = sum(len(read_path(f).text) for f in files)

    started = time.perf_counter()
    for _ in range(args.repeat):
        docs = [read_path(f) for f in files]
    ingest_s = (time.perf_counter() - started) / args.repeat
    started = time.perf_counter()
    for _ in range(args.repeat):
        for d in docs:
            segment(d)
    segment_s = (time.perf_counter() - started) / args.repeat

    totals = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            summary = run([corpus], Path(tmp) / "bench.duckdb", RunOptions(workers=0, with_nlp=False))
            totals.append(time.perf_counter() - started)
    total_s = min(totals)
    n = len(files)
    print(f"corpus: {n} Ahjo HTML files, {chars / 1e6:.1f} M characters of text")
    print(f"ingest (decode, parse, normalise, langdetect): {n / ingest_s:8.0f} docs/s")
    print(f"segment (sections + metadata):                 {n / segment_s:8.0f} docs/s")
    print(f"ingest + segment + store (process --no-nlp):    {n / total_s:8.0f} docs/s  ({summary.processed} new documents per run, best of {args.repeat})")


if __name__ == "__main__":
    main()

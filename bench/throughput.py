"""Throughput of `agenda-nlp process` against the bare spaCy pipeline, over a resampled Ahjo corpus.

The 307 Ahjo pages are copied until there are ``--docs`` files; copy k carries one extra paragraph
("Arkistokopio k.") at the top of its text, so every file is a distinct document (its own doc_id)
while the rest of its sections repeat, as standard texts do across years of agendas. Prints
documents/s and tokens/s for (a) the bare model's ``nlp.pipe`` over the same texts, (b) ``process
--workers 1``, (c) ``--workers 2``, and (d) ``--workers 1 --no-cache`` (what the section cache
buys), with the share of time spent storing, the peak memory per worker, how busy the workers
were, and the ceiling this machine puts on any two-process speed-up (two bare-model processes over
halves of a sample at once, against one over all of it).

    python bench/throughput.py [--docs 2000] [--keep DIR] [--ceiling-docs 400]
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AHJO = REPO.parent / "shared" / "corpus" / "helsinki-ahjo"
ROOT_DIV = re.compile(r'<div[^>]*class="(?:paatos|esitys)"[^>]*>')
TARGETS = "targets: workers 1 >= 1.2x bare docs/s; workers 2 >= 1.8x workers 1; storing <= 5 %; <= 1.5 GB per worker"


def resample(out: Path, n: int) -> list[Path]:
    """``n`` distinct Ahjo files in ``out``, with a sources.tsv sidecar for the renamed copies."""
    pages = sorted(AHJO.glob("*.html"))
    with (AHJO / "sources.tsv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        columns, rows = reader.fieldnames, {r["file"]: r for r in reader}
    written, sidecar = [], []
    for i in range(n):
        k, j = divmod(i, len(pages))
        page = pages[j]
        html = page.read_text(encoding="utf-8")
        if k:
            html = ROOT_DIV.sub(lambda m: f"{m.group(0)}<p>Arkistokopio {k}.</p>", html, count=1)
        target = out / (page.name if k == 0 else f"r{k}-{page.name}")
        target.write_text(html, encoding="utf-8")
        written.append(target)
        if page.name in rows:
            sidecar.append({**rows[page.name], "file": target.name})
    with (out / "sources.tsv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, delimiter="\t")
        writer.writeheader()
        writer.writerows(sidecar)
    return written


def bare_spacy(files: list[Path]) -> dict:
    """The stock model alone over the texts the pipeline reads (ingest not timed)."""
    from nlp_pipeline.ingest import read_path
    from nlp_pipeline.nlp import load_base

    texts = [read_path(f).text for f in files]
    nlp = load_base()
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    seconds = time.perf_counter() - started
    return {"docs": len(texts), "tokens": tokens, "seconds": seconds,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def bare_processes(files: list[Path], n: int) -> float:
    """Seconds for ``n`` processes, each piping every n-th text through the stock model (loading
    included), at once: what the machine itself gives ``n`` independent processes."""
    started = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, __file__, "--bare-part", f"{i}/{n}", *map(str, files)], cwd=REPO)
             for i in range(n)]
    if any(p.wait() for p in procs):
        raise SystemExit("a bare spaCy process failed")
    return time.perf_counter() - started


def bare_part(part: str, files: list[Path]) -> None:
    i, n = map(int, part.split("/"))
    from nlp_pipeline.ingest import read_path
    from nlp_pipeline.nlp import load_base

    nlp = load_base()
    for _ in nlp.pipe((read_path(f).text for f in files[i::n]), batch_size=32):
        pass


def process(folder: Path, db: Path, *options: str) -> dict:
    command = [sys.executable, "-m", "nlp_pipeline.cli", "process", str(folder), "--db", str(db),
               "--log-format", "json", "--quiet", *options]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    lines = done.stdout.strip().splitlines()
    if not lines:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return json.loads(lines[-1])


def row(name: str, docs: int, tokens: int, seconds: float, store: float | None, rss_mb: float, base: float | None) -> str:
    rate = docs / seconds
    vs = f"{rate / base:5.2f}x" if base else "     "
    share = f"{100 * store / seconds:5.1f} %" if store is not None else "      –"
    return f"{name:<28} {docs:>6} {seconds:>8.1f} {rate:>8.1f} {tokens / seconds:>9.0f} {vs} {share} {rss_mb:>8.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--keep", type=Path, default=None, help="Work in this folder and keep it.")
    parser.add_argument("--ceiling-docs", type=int, default=400, help="Documents for the machine's own 2-process scaling.")
    parser.add_argument("--bare-part", help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_part:
        return bare_part(args.bare_part, args.files)
    work = args.keep or Path(tempfile.mkdtemp(prefix="agenda-throughput-"))
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    files = resample(corpus, args.docs)
    print(f"{len(files)} documents in {corpus} (Ahjo x{-(-len(files) // 307)})", flush=True)

    bare = bare_spacy(files)
    runs = {}
    for name, options in (("process --workers 1", ("--workers", "1")), ("process --workers 2", ("--workers", "2")),
                          ("process -j 1 --no-cache", ("--workers", "1", "--no-cache"))):
        db = work / f"{name.split()[-1].strip('-')}-{len(runs)}.duckdb"
        db.unlink(missing_ok=True)
        runs[name] = process(corpus, db, *options)
        print(f"  {name}: {json.dumps(runs[name])}", flush=True)

    print(f"\n{'':<28} {'docs':>6} {'seconds':>8} {'docs/s':>8} {'tokens/s':>9} {'vs':>6} {'storing':>7} {'peak MB':>8}")
    bare_rate = bare["docs"] / bare["seconds"]
    print(row("bare spaCy nlp.pipe", bare["docs"], bare["tokens"], bare["seconds"], None, bare["peak_rss_mb"], None))
    w1 = runs["process --workers 1"]
    for name, r in runs.items():
        docs = r["processed"] + r["unchanged"]
        print(row(name, docs, bare["tokens"], r["seconds"], r["store_seconds"], r["peak_worker_rss_mb"], bare_rate))
    w2 = runs["process --workers 2"]
    sample = files[:: max(1, len(files) // args.ceiling_docs)][: args.ceiling_docs]
    one, two = bare_processes(sample, 1), bare_processes(sample, 2)
    print(f"\nworkers 2 / workers 1: {w1['seconds'] / w2['seconds']:.2f}x; section cache hits (workers 1): "
          f"{w1['cache_hits']} of {w1['sections']} analysed sections")
    for name, r in (("workers 1", w1), ("workers 2", w2)):
        workers = int(name.split()[-1])
        print(f"{name}: workers busy {100 * r['worker_seconds'] / (workers * r['seconds']):.0f} % of the run "
              f"({r['worker_seconds']:.1f} worker-seconds, {r['sections'] - r['cache_hits']} sections analysed)")
    print(f"this machine: 2 bare spaCy processes over {len(sample)} texts at once ran {one / two:.2f}x as fast as 1 "
          f"({one:.1f} s vs {two:.1f} s, loading included): the ceiling for any 2-process speed-up here")
    print("tokens/s counts the bare model's tokens of the whole texts for every row (the same work);")
    print("process times are wall time of the whole command, pipeline loading included.")
    print(TARGETS)


if __name__ == "__main__":
    main()

"""How much the ``figures`` component adds to the spaCy pipeline, over the Ahjo corpus.

Runs the stock Finnish pipeline over every section the orchestrator would analyse, with and without
the figures component and the small components it relies on (the token corrections ``nlp.TOKEN_CORRECTIONS``
before the stock model, ``agreeing_lemmas`` after it), and prints docs/s and the overhead. Each component's own
time is also measured directly (less noisy than the difference of two whole runs): the figures and lemma
components on the parsed docs (a fresh lemma cache), the token corrections on freshly tokenized ones.

    python3 bench/figures_speed.py [--shared DIR] [--rounds N] [--limit N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import spacy  # noqa: E402

from nlp_pipeline import figures, morphology  # noqa: E402,F401  (registers agreeing_lemmas)
from nlp_pipeline.ingest import read_path  # noqa: E402
from nlp_pipeline.nlp import BASE_MODEL, TOKEN_CORRECTIONS, SectionContext, add_token_corrections  # noqa: E402
from nlp_pipeline.pipeline import nlp_units  # noqa: E402
from nlp_pipeline.segment import segment  # noqa: E402


def section_units(corpus: Path, limit: int | None) -> list[tuple[str, SectionContext]]:
    """(text, context) for every text the pipeline sends through spaCy."""
    units = []
    for path in sorted(corpus.glob("*.html"))[:limit]:
        document = segment(read_path(path))
        for section, offset, text in nlp_units(document):
            ctx = SectionContext(document.doc_id, section.kind, offset, document.meta.report_period,
                                 document.meta.organisation, document.source.lang)
            units.append((text, ctx))
    return units


def run(nlp, units) -> tuple[float, list]:
    docs = []
    for text, ctx in units:
        doc = nlp.make_doc(text)
        doc._.context = ctx
        docs.append(doc)
    start = time.perf_counter()
    out = list(nlp.pipe(docs, batch_size=32))
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    args = parser.parse_args()

    units = section_units(args.shared / "corpus" / "helsinki-ahjo", args.limit)
    chars = sum(len(t) for t, _ in units)
    base = spacy.load(BASE_MODEL)
    full = spacy.load(BASE_MODEL)
    add_token_corrections(full)
    full.add_pipe("agreeing_lemmas")
    figures.add_component(full)
    run(full, units[:20])  # warm-up

    base_times, full_times = [], []
    parsed: list = []
    for _ in range(args.rounds):
        base_times.append(run(base, units)[0])
        elapsed, parsed = run(full, units)
        full_times.append(elapsed)
    t_base, t_full = min(base_times), min(full_times)

    component = full.get_pipe("figures")
    start = time.perf_counter()
    n_figures = sum(len(component(doc)._.figures) for doc in parsed)
    t_component = time.perf_counter() - start
    lemmas = full.create_pipe("agreeing_lemmas")  # a cold cache, as a worker starts
    start = time.perf_counter()
    for doc in parsed:
        lemmas(doc)
    t_lemmas = time.perf_counter() - start
    fresh = [full.make_doc(text) for text, _ in units]
    corrections = [full.get_pipe(name) for name in TOKEN_CORRECTIONS]
    start = time.perf_counter()
    for doc in fresh:
        for correct in corrections:
            correct(doc)
    t_split = time.perf_counter() - start

    n = len(units)
    print(f"{n} sections ({chars / 1000:.0f} k chars) from {args.shared / 'corpus' / 'helsinki-ahjo'}, best of {args.rounds}")
    print(f"spaCy pipeline alone      {n / t_base:8.1f} docs/s  ({t_base:.2f} s)")
    print(f"with figures components   {n / t_full:8.1f} docs/s  ({t_full:.2f} s)")
    print(f"overhead (whole runs)     {100 * (t_full - t_base) / t_base:8.1f} %")
    print(f"figures component alone   {t_component:.3f} s = {100 * t_component / t_base:.1f} % of the pipeline; "
          f"{n_figures} figures")
    print(f"agreeing_lemmas alone     {t_lemmas:.3f} s = {100 * t_lemmas / t_base:.1f} %")
    print(f"token corrections         {t_split:.3f} s = {100 * t_split / t_base:.1f} %")
    total = t_component + t_lemmas + t_split
    print(f"all components            {total:.3f} s = {100 * total / t_base:.1f} % (target <= 15 %)")


if __name__ == "__main__":
    main()

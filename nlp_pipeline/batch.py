"""Batch runs over many files: worker processes (or a Dask cluster) analyse, one writer stores.

Workers ingest, segment and analyse chunks of files; each loads the spaCy pipeline once and keeps a
cache of processed section texts; the parent hands each worker the files whose texts it has
analysed before (:class:`Router`). Only the parent opens the database: it takes chunk results in
the order of the sorted input plan and writes them in bulk, one transaction per batch. Because goal
keys depend on the goals stored earlier for the same organisation, workers leave them provisional
and the writer resolves them in plan order, so the tables are the same whatever the number of
workers, and a run killed midway and started again ends with the same tables as one that was not.
"""
from __future__ import annotations

import concurrent.futures as cf
import hashlib
import importlib
import json
import multiprocessing
import os
import re
import resource
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .ingest import IngestError, NotSupported, iter_input_files, read_path
from .model import DocumentResult, ErrorRecord, GoalKeyBasis, SegmentedDocument
from .pipeline import Analyzer, RunSummary, nlp_units
from .segment import NotAnAgenda, segment
from .store import InputRecord, Store, _arrow_tables

CHUNK_SIZE = 8  # files per task: enough sections for nlp.pipe to batch, small enough to balance workers
IN_FLIGHT = 2  # chunks sent to a worker at once: the next is waiting when one finishes
WINDOW = 64  # chunks per worker read ahead of the oldest file not yet written
WRITE_BATCH = 256  # documents per write transaction (each commit costs ~15 ms whatever its size)
WRITE_INTERVAL = 5.0  # seconds: write sooner when results trickle in, so a kill loses little
CACHE_ENTRIES = 2048
MIN_FREE_BYTES = 64 * 2**20
SEQ = "_seq"  # private columns: the file's place in the plan, and what goal keys are matched on
KEY_LEMMAS, KEY_NAMES = "_key_lemmas", "_key_names"
RESULT_TABLES = ("documents", "sections", "entities", "goals", "figures")


class BatchError(Exception):
    """The run cannot start or go on (database path, disk space, cluster); one line for the user."""


# ---------------------------------------------------------------- plan


@dataclass(frozen=True, slots=True)
class Job:
    """One input file as planned: its place in the sorted plan and its state when planned."""

    seq: int
    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Plan:
    jobs: tuple[Job, ...]
    unchanged: tuple[str, ...]  # seen before with the same size and mtime
    missing: tuple[str, ...]


def make_plan(paths: Iterable[str | Path], store: Store | None) -> Plan:
    """Files under ``paths`` in a stable order, minus those stored unchanged since an earlier run."""
    seen = store.seen_inputs() if store is not None else {}
    jobs, unchanged, missing = [], [], []
    for p in map(Path, paths):
        if not p.exists():
            missing.append(str(p))
            continue
        for f in iter_input_files([p]):
            stat = f.stat()
            state = seen.get(str(f))
            if state is not None and state[:2] == (stat.st_size, stat.st_mtime_ns) and state[2] != "failed":
                unchanged.append(str(f))
            else:
                jobs.append(Job(len(jobs), str(f), stat.st_size, stat.st_mtime_ns))
    return Plan(tuple(jobs), tuple(unchanged), tuple(missing))


def chunked(jobs: Sequence[Job], size: int = CHUNK_SIZE) -> list[tuple[Job, ...]]:
    return [tuple(jobs[i:i + size]) for i in range(0, len(jobs), size)]


# ---------------------------------------------------------------- section cache


class SectionCache:
    """Processed section Docs by text, so a repeated section goes through ``nlp.pipe`` once.

    The key holds only what the components read besides the text (language, report period), so a
    cached Doc is context-free: document id, offsets and section kind come from the unit's own
    context, which the Analyzer applies after. A hit is a copy with that context.
    """

    def __init__(self, max_entries: int = CACHE_ENTRIES):
        self.max_entries = max_entries
        self.entries: OrderedDict[bytes, object] = OrderedDict()
        self.hits = self.misses = 0

    @staticmethod
    def key(doc) -> bytes:
        ctx = doc._.context
        head = f"{ctx.lang}\x1f{ctx.report_period}\x1f".encode()
        return hashlib.blake2b(head + doc.text.encode("utf-8"), digest_size=16).digest()

    def pipe(self, nlp, units: list) -> Iterator:
        keys = [self.key(u) for u in units]
        known = {k: self.entries[k] for k in keys if k in self.entries}
        todo: dict[bytes, object] = {}
        for k, u in zip(keys, units):
            if k not in known and k not in todo:
                todo[k] = u
        fresh = dict(zip(todo, nlp.pipe(todo.values(), batch_size=32)))
        for k in known:
            self.entries.move_to_end(k)
        for k, doc in fresh.items():
            doc.tensor = doc.tensor[:0].copy()  # nothing after the pipe reads it; it is most of a Doc's memory (a view would keep it)
            self.entries[k] = doc
            if len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)
        self.misses += len(fresh)
        for k, u in zip(keys, units):
            if fresh.get(k) is u:
                yield u
                continue
            self.hits += 1
            copy = (known[k] if k in known else fresh[k]).copy()
            copy._.context = u._.context
            yield copy


# ---------------------------------------------------------------- worker side


@dataclass(frozen=True)
class WorkerConfig:
    with_nlp: bool = True
    cache_entries: int = CACHE_ENTRIES  # 0: no section cache
    since: date | None = None
    until: date | None = None
    stored: frozenset[str] = frozenset()  # doc ids already in the database: not analysed again


@dataclass(slots=True)
class FileOutcome:
    seq: int
    path: str
    size: int
    mtime_ns: int
    status: str  # new | unchanged | skipped | failed | filtered
    doc_id: str | None = None
    error: ErrorRecord | None = None
    meeting_date: date | None = None

    def as_json(self) -> dict:
        record = {"event": "file", "path": self.path, "status": STATUS_WORDS.get(self.status, self.status),
                  "doc_id": self.doc_id, "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None}
        if self.error is not None:
            record.update(stage=self.error.stage, error=self.error.message)
        return record


STATUS_WORDS = {"new": "processed", "filtered": "outside the dates"}


@dataclass
class ChunkResult:
    outcomes: list[FileOutcome]
    tables: dict[str, pa.Table] | None  # None when written as Parquet parts (Dask)
    units: int = 0  # texts analysed: sections, and paragraphs of standard texts
    cache_hits: int = 0
    busy: float = 0.0  # seconds the worker spent on the chunk
    peak_rss: int = 0  # bytes, the worker process's peak so far
    worker: str = ""


_ANALYZER: Analyzer | None = None
_ANALYZER_LOCK = threading.Lock()  # Dask may run tasks in threads of one process


def worker_analyzer(config: WorkerConfig) -> Analyzer:
    """This process's Analyzer: the spaCy pipeline is loaded once per worker."""
    global _ANALYZER
    cache_entries = _ANALYZER.cache.max_entries if _ANALYZER is not None and _ANALYZER.cache else 0
    if _ANALYZER is None or (_ANALYZER.with_nlp, cache_entries) != (config.with_nlp, config.cache_entries):
        cache = SectionCache(config.cache_entries) if config.cache_entries else None
        _ANALYZER = Analyzer(with_nlp=config.with_nlp, cache=cache)  # the pipeline loads on first use
    return _ANALYZER


def prepare(job: Job, config: WorkerConfig) -> tuple[FileOutcome, SegmentedDocument | None]:
    """Ingest and segment one file; the document only when it is new and inside the date window."""
    outcome = FileOutcome(job.seq, job.path, job.size, job.mtime_ns, "failed")
    try:
        document = segment(read_path(job.path))
    except NotSupported as exc:
        outcome.status, outcome.error = "skipped", ErrorRecord(job.path, "ingest", exc.problem)
        return outcome, None
    except IngestError as exc:
        outcome.error = ErrorRecord(job.path, "ingest", exc.problem)
        return outcome, None
    except NotAnAgenda as exc:
        outcome.error = ErrorRecord(job.path, "segment", str(exc).split(": ", 1)[-1])
        return outcome, None
    except Exception as exc:  # a parser bug must not stop a run over thousands of files
        outcome.error = ErrorRecord(job.path, "segment", f"unexpected {type(exc).__name__}: {exc}")
        return outcome, None
    outcome.doc_id, outcome.meeting_date = document.doc_id, document.meta.meeting_date
    if not in_window(document.meta.meeting_date, config.since, config.until):
        outcome.status = "filtered"
        return outcome, None
    if document.doc_id in config.stored:
        outcome.status = "unchanged"
        return outcome, None
    outcome.status = "new"
    return outcome, document


def analysed_units(document: SegmentedDocument) -> int:
    return sum(1 for _ in nlp_units(document))


def in_window(day: date | None, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    return day is not None and (since is None or day >= since) and (until is None or day <= until)


def analyse_chunk(jobs: Sequence[Job], config: WorkerConfig) -> ChunkResult:
    """The per-document work of a chunk: ingest, segment, NLP; results as Arrow tables."""
    started = time.perf_counter()
    with _ANALYZER_LOCK:
        analyzer = worker_analyzer(config)
        prepared = [prepare(job, config) for job in jobs]
        hits = analyzer.cache.hits if analyzer.cache else 0
        results = analyse_isolated(analyzer, prepared)
        hits = analyzer.cache.hits - hits if analyzer.cache else 0
    return ChunkResult(
        outcomes=[o for o, _ in prepared],
        tables=result_tables([r for _, r in results], [o.seq for o, _ in results]),
        units=sum(analysed_units(r.document) for _, r in results) if config.with_nlp else 0,
        cache_hits=hits,
        busy=time.perf_counter() - started,
        peak_rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        worker=f"{os.uname().nodename}:{os.getpid()}",
    )


def analyse_isolated(analyzer: Analyzer, prepared: list[tuple[FileOutcome, SegmentedDocument | None]]) -> list[tuple[FileOutcome, DocumentResult]]:
    """Analyse the chunk's documents together; if that fails, one by one, so one bad document fails alone."""
    todo = [(o, d) for o, d in prepared if d is not None]
    try:
        return list(zip([o for o, _ in todo], analyzer.analyse([d for _, d in todo])))
    except Exception:
        pass
    results = []
    for outcome, document in todo:
        try:
            results.append((outcome, analyzer.analyse([document])[0]))
        except Exception as exc:
            outcome.status = "failed"
            outcome.error = ErrorRecord(outcome.path, "nlp", f"unexpected {type(exc).__name__}: {exc}")
    return results


def result_tables(results: Sequence[DocumentResult], seqs: Sequence[int]) -> dict[str, pa.Table]:
    """The store's Arrow tables plus each row's plan position and the goals' key basis."""
    tables = _arrow_tables(list(results), {})
    counts = {
        "documents": [1] * len(results),
        "sections": [len(r.document.sections) for r in results],
        "entities": [len(r.entities) for r in results],
        "goals": [len(r.goals) for r in results],
        "figures": [len(r.figures) for r in results],
    }
    for name, per_doc in counts.items():
        column = pa.array([s for s, n in zip(seqs, per_doc) for _ in range(n)], type=pa.int64())
        tables[name] = tables[name].append_column(SEQ, column)
    bases = [g.key_basis or GoalKeyBasis((), (g.name,)) for r in results for g in r.goals]
    goals = tables["goals"].append_column(KEY_LEMMAS, pa.array([list(b.lemmas) for b in bases], pa.list_(pa.string())))
    tables["goals"] = goals.append_column(KEY_NAMES, pa.array([list(b.names) for b in bases], pa.list_(pa.string())))
    return tables


# ---------------------------------------------------------------- the writer


@dataclass
class BatchSummary(RunSummary):
    filtered: int = 0  # outside --since/--until
    store_seconds: float = 0.0
    units: int = 0
    cache_hits: int = 0
    worker_busy: float = 0.0
    peak_worker_rss: int = 0  # bytes

    def line(self) -> str:
        rate = (self.processed + self.unchanged) / self.seconds if self.seconds else 0.0
        outside = f", outside the dates {self.filtered}" if self.filtered else ""
        return (
            f"processed {self.processed}, unchanged {self.unchanged}, skipped {self.skipped}, "
            f"failed {self.failed}{outside} in {self.seconds:.1f} s ({rate:.1f} docs/s)"
        )

    def as_json(self) -> dict:
        return {
            "event": "summary", "processed": self.processed, "unchanged": self.unchanged, "skipped": self.skipped,
            "failed": self.failed, "filtered": self.filtered, "seconds": round(self.seconds, 3),
            "store_seconds": round(self.store_seconds, 3), "worker_seconds": round(self.worker_busy, 3), "sections": self.units, "cache_hits": self.cache_hits,
            "peak_worker_rss_mb": round(self.peak_worker_rss / 2**20, 1),
        }


class Writer:
    """The one owner of the database: resolves goal keys in plan order and writes in bulk."""

    def __init__(self, store: Store, summary: BatchSummary, on_file: Callable[[FileOutcome], None] | None = None):
        self.store = store
        self.summary = summary
        self.on_file = on_file
        self.known: dict[str | None, dict[str, str]] = {}  # organisation -> goal_key -> least name
        self.written: set[str] = set()

    def write(self, chunks: Sequence[ChunkResult]) -> None:
        """Write chunks (in plan order) in one transaction."""
        if not chunks:
            return
        started = time.perf_counter()
        outcomes = [o for c in chunks for o in c.outcomes]
        new = [o for o in outcomes if o.status == "new"]
        stored = self.store.stored_doc_ids(o.doc_id for o in new)
        winners = []
        for o in new:
            if o.doc_id in stored or o.doc_id in self.written:
                o.status = "unchanged"  # the same text from another file, stored earlier
            else:
                winners.append(o.seq)
                self.written.add(o.doc_id)
        tables = {name: pa.concat_tables([c.tables[name] for c in chunks]) for name in RESULT_TABLES}
        if len(winners) < len(new):  # rows exist only for analysed ("new") files
            keep = pa.array(winners, type=pa.int64())
            tables = {name: t.filter(pc.is_in(t[SEQ], value_set=keep)) for name, t in tables.items()}
        tables = self._resolve_goal_keys(tables)
        inputs = [InputRecord(o.path, o.size, o.mtime_ns, o.doc_id if o.error is None else None, _input_status(o))
                  for o in outcomes if o.status != "filtered"]
        errors = [o.error for o in outcomes if o.error is not None]
        self.store.write_tables({n: _public(t) for n, t in tables.items()}, inputs, errors)
        self.summary.store_seconds += time.perf_counter() - started
        for o in outcomes:
            self._count(o)
            if self.on_file:
                self.on_file(o)

    def write_missing(self, paths: Sequence[str]) -> None:
        """Input paths that do not exist: an error each, nothing else."""
        outcomes = [FileOutcome(-1, p, 0, 0, "failed", error=ErrorRecord(p, "ingest", "no such file or folder")) for p in paths]
        if outcomes:
            self.store.write_errors([o.error for o in outcomes])
        for o in outcomes:
            self._count(o)
            if self.on_file:
                self.on_file(o)

    def _known(self, organisation: str | None) -> dict[str, str]:
        if organisation not in self.known:
            self.known[organisation] = self.store.goal_keys(organisation)
        return self.known[organisation]

    def _resolve_goal_keys(self, tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
        """Final goal keys against the goals stored before, document by document in plan order."""
        from .tagging.goals import goal_id, resolve_keys

        goals = tables["goals"]
        if not goals.num_rows:
            return tables
        docs = tables["documents"]
        org_of = dict(zip(docs[SEQ].to_pylist(), docs["organisation"].to_pylist()))
        rows = goals.to_pylist()
        by_doc: dict[int, list[dict]] = {}
        for row in rows:
            by_doc.setdefault(row[SEQ], []).append(row)
        new_id: dict[str, str] = {}
        for seq in sorted(by_doc):
            doc_goals = by_doc[seq]
            known = self._known(org_of[seq])
            bases = [GoalKeyBasis(tuple(g[KEY_LEMMAS]), tuple(g[KEY_NAMES])) for g in doc_goals]
            for g, key in zip(doc_goals, resolve_keys(bases, known)):
                new_id[g["goal_id"]] = g["goal_id"] = goal_id(g["doc_id"], key)
                g["goal_key"] = key
            for g in doc_goals:
                known[g["goal_key"]] = min(known.get(g["goal_key"], g["name"]), g["name"])
        goals = _with_column(goals, "goal_id", [r["goal_id"] for r in rows])
        tables["goals"] = _with_column(goals, "goal_key", [r["goal_key"] for r in rows])
        figures = tables["figures"]
        tables["figures"] = _with_column(figures, "goal_id", [new_id.get(g, g) for g in figures["goal_id"].to_pylist()])
        return tables

    def _count(self, o: FileOutcome) -> None:
        s = self.summary
        if o.status == "new":
            s.processed += 1
        elif o.status == "unchanged":
            s.unchanged += 1
        elif o.status == "filtered":
            s.filtered += 1
        elif o.status == "skipped":
            s.skipped += 1
        else:
            s.failed += 1
            s.errors.append(o.error)


def _with_column(table: pa.Table, name: str, values: list) -> pa.Table:
    return table.set_column(table.schema.get_field_index(name), name, pa.array(values, table.schema.field(name).type))


def _input_status(o: FileOutcome) -> str:
    return {"new": "stored", "unchanged": "stored"}.get(o.status, o.status)


def _public(table: pa.Table) -> pa.Table:
    return table.drop_columns([c for c in table.column_names if c.startswith("_")])


# ---------------------------------------------------------------- executors


@dataclass
class RunOptions:
    workers: int = 0  # 0: analyse in this process
    executor: str = "local"  # local | dask
    scheduler: str | None = None  # Dask scheduler address (or a distributed.Client)
    parts_dir: Path | None = None  # Dask: where workers write Parquet parts (shared file system)
    since: date | None = None
    until: date | None = None
    with_nlp: bool = True
    cache_entries: int = CACHE_ENTRIES
    batch_size: int = WRITE_BATCH
    chunk_size: int = CHUNK_SIZE


def _start_method() -> str:
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _init_process(config: WorkerConfig, main_pid: int) -> None:
    global _CONFIG
    _CONFIG = config
    threading.Thread(target=_exit_with, args=(main_pid,), daemon=True).start()


def _exit_with(pid: int) -> None:
    """A worker outlives a killed main process otherwise (its parent is the fork server), holding its memory."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(1)


_CONFIG: WorkerConfig | None = None


def _process_chunk(jobs: tuple[Job, ...]) -> ChunkResult:
    return analyse_chunk(jobs, _CONFIG)


class Router:
    """Chooses the files each worker analyses next, so that texts come back to the worker whose
    section cache holds them (the same decision in an agenda item and its minutes, standard paragraphs).

    Workers pull: a worker with room for another chunk gets the pending files, in plan order, that
    cost it no more than ``margin`` above the cheapest worker, a file's cost being the share of its
    text runs that worker was never sent. Files no worker has seen are anybody's. A worker that would
    otherwise sit idle takes the pending files it costs least above their cheapest worker: a cache
    miss costs less than an idle core. A file's fingerprint is read from its bytes (text between tags
    and line breaks), without parsing it; the worker reads the file again, from the page cache.
    """

    MIN_RUN = 32  # shorter runs (tags' leftovers, numbers, short headings) say nothing about content
    RUNS = re.compile(rb"<[^>]*>|\n")

    def __init__(self, workers: int, margin: float = 0.25, steal: int = 2, max_keys: int = 1_000_000):
        self.sent: list[set[int]] = [set() for _ in range(workers)]
        self.margin = margin
        self.steal = steal
        self.max_keys = max_keys

    @classmethod
    def fingerprint(cls, path: str) -> frozenset[int]:
        if path.lower().endswith(".pdf"):
            return frozenset()  # compressed streams: nothing to compare
        try:
            data = Path(path).read_bytes()
        except OSError:
            return frozenset()
        return frozenset(hash(run) for run in map(bytes.strip, cls.RUNS.split(data)) if len(run) >= cls.MIN_RUN)

    def cost(self, keys: frozenset[int], worker: int) -> float:
        """The share of a file's text runs ``worker`` has not been sent (1.0: nothing to reuse)."""
        return len(keys - self.sent[worker]) / len(keys) if keys else 1.0

    def pick(self, worker: int, pending: dict[int, frozenset[int]], size: int, idle: bool, partial: bool) -> list[int]:
        """Up to ``size`` keys of ``pending`` (plan positions -> fingerprints, in plan order) for ``worker``;
        fewer than ``size`` only when ``partial`` (the plan's tail) or ``idle``, none when nothing fits."""
        regret = {}  # what the file costs this worker above the cheapest one
        mine = []
        for seq, keys in pending.items():
            costs = [self.cost(keys, w) for w in range(len(self.sent))]
            regret[seq] = costs[worker] - min(costs)
            if regret[seq] <= self.margin:
                mine.append(seq)
                if len(mine) == size:
                    break
        if idle and not mine:  # a few at a time: files of its own may come into the window meanwhile
            mine = sorted(pending, key=regret.__getitem__)[:self.steal]
        elif len(mine) < size and not (partial or idle):
            return []
        sent = self.sent[worker]
        if len(sent) > self.max_keys:
            sent.clear()  # bounded memory; the worker's cache has long forgotten most of them anyway
        for seq in mine:
            sent.update(pending[seq])
        return mine


def per_file(result: ChunkResult) -> list[ChunkResult]:
    """A chunk's result split by file, so files can be written in plan order whatever chunk they went in."""
    pieces = []
    ranges = {name: _row_ranges(t) for name, t in result.tables.items()}
    for i, outcome in enumerate(result.outcomes):
        tables = {name: t.slice(*ranges[name].get(outcome.seq, (0, 0))) for name, t in result.tables.items()}
        first = i == 0  # the chunk's counters travel with its first file
        pieces.append(ChunkResult([outcome], tables, result.units if first else 0, result.cache_hits if first else 0,
                                  result.busy if first else 0.0, result.peak_rss, result.worker))
    return pieces


def _row_ranges(table: pa.Table) -> dict[int, tuple[int, int]]:
    """Plan position -> (first row, rows) of a chunk table, whose rows come grouped by file (result_tables):
    slices are free where a filter per file copies the table's columns once per file."""
    ranges: dict[int, tuple[int, int]] = {}
    for i, seq in enumerate(table[SEQ].to_pylist()):
        first, count = ranges.get(seq, (i, 0))
        if first + count != i:
            raise BatchError(f"internal error: rows of file {seq} are not together")
        ranges[seq] = (first, count + 1)
    return ranges


def local_results(jobs: Sequence[Job], config: WorkerConfig, workers: int, chunk_size: int = CHUNK_SIZE) -> Iterator[ChunkResult]:
    """Results in plan order, from ``workers`` processes (per file), or from this one when 0 (per chunk).

    Each worker is a pool of its own, so the :class:`Router` can choose its files; each has up to
    ``IN_FLIGHT`` chunks of ``chunk_size`` files sent, so it never waits between chunks. Files are read
    at most ``WINDOW`` chunks per worker ahead of the oldest file not yet written: that bounds the
    results held back to keep plan order, and leaves each worker enough files of its own to choose from.
    """
    if workers <= 0:  # contiguous chunks are already in plan order: no need to split them
        for chunk in chunked(jobs, chunk_size):
            yield analyse_chunk(chunk, config)
        return
    context = multiprocessing.get_context(_start_method())
    pools = [cf.ProcessPoolExecutor(1, mp_context=context, initializer=_init_process, initargs=(config, os.getpid()))
             for _ in range(workers)]
    router = Router(workers)
    pending: dict[int, Job] = {}  # read, not yet sent, in plan order
    prints: dict[int, frozenset[int]] = {}
    in_flight = [0] * workers
    running: dict[cf.Future, int] = {}
    ready: dict[int, ChunkResult] = {}
    todo = iter(jobs)
    window = WINDOW * workers * chunk_size
    next_seq = taken = jobs[0].seq if jobs else 0  # plan positions are consecutive
    last_seq = jobs[-1].seq if jobs else -1
    try:
        while next_seq <= last_seq:
            while taken <= last_seq and taken - next_seq < window:
                job = next(todo)
                pending[job.seq], prints[job.seq] = job, Router.fingerprint(job.path)
                taken = job.seq + 1
            for w in range(workers):
                while in_flight[w] < IN_FLIGHT and prints:
                    seqs = router.pick(w, prints, chunk_size, idle=in_flight[w] == 0, partial=taken > last_seq)
                    if not seqs:
                        break
                    chunk = tuple(pending.pop(seq) for seq in sorted(seqs))
                    for seq in seqs:
                        del prints[seq]
                    running[pools[w].submit(_process_chunk, chunk)] = w
                    in_flight[w] += 1
            if not running:
                raise BatchError(f"internal error: file {next_seq} of the plan was never analysed")
            done, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
            for future in done:
                in_flight[running.pop(future)] -= 1
                for piece in per_file(future.result()):
                    ready[piece.outcomes[0].seq] = piece
            while next_seq in ready:
                yield ready.pop(next_seq)
                next_seq += 1
    except cf.process.BrokenProcessPool:  # from a result or from the next submit to that worker
        raise BatchError("a worker process died (out of memory?); run the same command again to resume") from None
    finally:
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)


def chunk_id(jobs: Sequence[Job], config: WorkerConfig) -> str:
    """Names a chunk's Parquet parts: the same files in the same state with the same options."""
    text = json.dumps([[j.path, j.size, j.mtime_ns] for j in jobs] + [config.with_nlp, str(config.since), str(config.until)])
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def dask_chunk(jobs: tuple[Job, ...], config: WorkerConfig, parts_dir: str) -> ChunkResult:
    """A Dask task: analyse a chunk and write its tables as Parquet parts (reused if already there)."""
    import pickle

    stem = Path(parts_dir) / chunk_id(jobs, config)
    done = stem.with_suffix(".done")
    if done.exists():
        return pickle.loads(done.read_bytes())
    result = analyse_chunk(jobs, config)
    for name, table in result.tables.items():
        pq.write_table(table, f"{stem}.{name}.parquet")
    result.tables = None
    tmp = stem.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(result))
    tmp.replace(done)  # the marker appears only when every part is complete
    return result


def load_parts(result: ChunkResult, jobs: Sequence[Job], config: WorkerConfig, parts_dir: Path) -> ChunkResult:
    stem = parts_dir / chunk_id(jobs, config)
    result.tables = {name: pq.read_table(f"{stem}.{name}.parquet") for name in RESULT_TABLES}
    return result


def remove_parts(jobs: Sequence[Job], config: WorkerConfig, parts_dir: Path) -> None:
    stem = parts_dir / chunk_id(jobs, config)
    for name in RESULT_TABLES:
        Path(f"{stem}.{name}.parquet").unlink(missing_ok=True)
    stem.with_suffix(".done").unlink(missing_ok=True)


def dask_results(chunks: Sequence[tuple[Job, ...]], config: WorkerConfig, scheduler, parts_dir: Path,
                 on_chunk: Callable[[ChunkResult], None]) -> Iterator[ChunkResult]:
    """Run every chunk on the cluster; once all parts are written, yield them in plan order."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise BatchError("--executor dask needs the 'distributed' package (pip install distributed)") from None
    own = not isinstance(scheduler, Client)
    try:
        client = Client(scheduler, timeout="10s") if own else scheduler
    except OSError as exc:
        raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        shared = client.scatter(config, broadcast=True)
        futures = {client.submit(dask_chunk, jobs, shared, str(parts_dir), pure=False): i for i, jobs in enumerate(chunks)}
        done: dict[int, ChunkResult] = {}
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as exc:
                raise BatchError(f"a Dask task failed: {type(exc).__name__}: {exc}; run again to resume") from None
            done[futures[future]] = result
            on_chunk(result)
    finally:
        if own:
            client.close()
    for i, jobs in enumerate(chunks):
        yield load_parts(done[i], jobs, config, parts_dir)


# ---------------------------------------------------------------- checks before work


def preflight(db: Path, need_bytes: int, parts_dir: Path | None = None) -> None:
    """Fail now, not after an hour, when the database (or parts folder) cannot be written or the disk is full."""
    if db.is_dir():
        raise BatchError(f"{db}: is a folder, not a database file")
    for folder in filter(None, (db.parent, parts_dir)):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".agenda-nlp-write-check"):
                pass
        except OSError as exc:
            raise BatchError(f"{folder if folder != db.parent else db}: cannot write there ({exc.strerror or exc})") from None
    if db.exists() and not os.access(db, os.W_OK):
        raise BatchError(f"{db}: database file is read-only")
    free = shutil.disk_usage(db.parent).free
    if free < need_bytes:
        raise BatchError(
            f"{db}: only {free / 2**20:.0f} MB free on its disk; this run needs about {need_bytes / 2**20:.0f} MB"
        )


def space_needed(jobs: Sequence[Job]) -> int:
    """Text, sections and extractions take about as much room again as the input files."""
    return MIN_FREE_BYTES + 2 * sum(j.size for j in jobs)


# ---------------------------------------------------------------- one run


def run(
    paths: Sequence[str | Path],
    db: str | Path,
    options: RunOptions | None = None,
    on_file: Callable[[FileOutcome], None] | None = None,
    on_start: Callable[[Plan], None] | None = None,
    on_progress: Callable[[ChunkResult], None] | None = None,
) -> BatchSummary:
    """Process files and folders into ``db``: only new or changed files, results identical for any worker count.

    ``on_start`` sees the plan before any work; ``on_progress`` each chunk as its analysis finishes;
    ``on_file`` each file once its result is committed.
    """
    options = options or RunOptions()
    if options.executor == "dask" and not options.scheduler:
        raise BatchError("--executor dask needs --scheduler ADDRESS")
    started = time.perf_counter()
    if options.with_nlp:  # the writer's goal-key matching imports spaCy: do it while workers start
        threading.Thread(target=importlib.import_module, args=("nlp_pipeline.tagging.goals",), daemon=True).start()
    db = Path(db)
    summary = BatchSummary()
    plan = planned(paths, db)
    parts_dir = (options.parts_dir or Path(f"{db}.parts")) if options.executor == "dask" else None
    preflight(db, space_needed(plan.jobs), parts_dir)
    with Store(db) as store:
        config = WorkerConfig(
            with_nlp=options.with_nlp, cache_entries=options.cache_entries, since=options.since, until=options.until,
            stored=frozenset(store.all_doc_ids()),
        )
        writer = Writer(store, summary, on_file)
        writer.write_missing(plan.missing)
        summary.unchanged += len(plan.unchanged)
        if on_start:
            on_start(plan)

        def seen(result: ChunkResult) -> ChunkResult:
            summary.units += result.units
            summary.cache_hits += result.cache_hits
            summary.worker_busy += result.busy
            summary.peak_worker_rss = max(summary.peak_worker_rss, result.peak_rss)
            if on_progress:
                on_progress(result)
            return result

        chunks = chunked(plan.jobs, options.chunk_size)
        workers = min(options.workers, len(chunks))  # a worker costs a model load: none idle
        if options.executor == "dask":
            results = dask_results(chunks, config, options.scheduler, parts_dir, seen)
            write_in_batches(writer, results, options.batch_size, interval=None)
            for jobs in chunks:
                remove_parts(jobs, config, parts_dir)
        else:
            results = (seen(r) for r in local_results(plan.jobs, config, workers, options.chunk_size))
            write_in_batches(writer, results, options.batch_size, interval=WRITE_INTERVAL)
    summary.seconds = time.perf_counter() - started
    return summary


def planned(paths: Sequence[str | Path], db: Path) -> Plan:
    if not db.exists():
        return make_plan(paths, None)
    with Store(db, read_only=True) as store:
        return make_plan(paths, store)


def write_in_batches(writer: Writer, results: Iterable[ChunkResult], batch_size: int, interval: float | None) -> None:
    """Write results (in plan order) in transactions of about ``batch_size`` files, or every ``interval`` seconds."""
    pending: list[ChunkResult] = []
    last = time.perf_counter()
    for result in results:
        pending.append(result)
        due = interval is not None and time.perf_counter() - last >= interval
        if sum(len(c.outcomes) for c in pending) >= batch_size or due:
            writer.write(pending)
            pending, last = [], time.perf_counter()
    writer.write(pending)


def dry_run(paths: Sequence[str | Path], db: str | Path, options: RunOptions | None = None) -> tuple[Plan, list[FileOutcome]]:
    """What a run would do, touching nothing: the plan, and with --since/--until each file read and dated."""
    options = options or RunOptions()
    plan = planned(paths, Path(db))
    if options.since is None and options.until is None:
        return plan, [FileOutcome(j.seq, j.path, j.size, j.mtime_ns, "new") for j in plan.jobs]
    config = WorkerConfig(with_nlp=False, since=options.since, until=options.until)
    return plan, [prepare(job, config)[0] for job in plan.jobs]


# ---------------------------------------------------------------- reporting


class Reporter:
    """Progress for people (a rich bar on stderr when it is a terminal) or JSON lines for machines."""

    def __init__(self, log_format: str = "text", quiet: bool = False, console=None):
        from rich.console import Console

        self.json = log_format == "json"
        self.quiet = quiet
        self.console = console or Console(stderr=True)
        self.bar = None
        self.task = None
        self.failed = 0

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def start(self, plan: Plan) -> None:
        if self.quiet or self.json or not self.console.is_terminal or not plan.jobs:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("processing"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"), TextColumn("ETA"), TimeRemainingColumn(),
            TextColumn("failed {task.fields[failed]}"), console=self.console,
        )
        self.task = self.bar.add_task("processing", total=len(plan.jobs), rate="–", failed=0)
        self.bar.start()

    def progress(self, chunk: ChunkResult) -> None:
        self.failed += sum(o.status == "failed" for o in chunk.outcomes)
        if self.bar is not None:
            self.bar.advance(self.task, len(chunk.outcomes))
            speed = self.bar.tasks[0].speed
            self.bar.update(self.task, failed=self.failed, rate=f"{speed:.1f}" if speed else "–")

    def file(self, outcome: FileOutcome) -> None:
        if self.json:
            print(json.dumps(outcome.as_json(), ensure_ascii=False), flush=True)
        elif outcome.error is not None and (outcome.status == "failed" or not self.quiet):
            word = "skipped" if outcome.status == "skipped" else "error"
            self.console.print(f"{word}: {outcome.path}: {outcome.error.message}", markup=False, highlight=False,
                               soft_wrap=True)

    def finish(self, summary: BatchSummary) -> None:
        self.__exit__()
        print(json.dumps(summary.as_json()) if self.json else summary.line(), flush=True)

    def dry_run(self, plan: Plan, outcomes: Sequence[FileOutcome]) -> None:
        for o in outcomes:
            if self.json:
                print(json.dumps({**o.as_json(), "event": "dry-run"}, ensure_ascii=False))
            elif o.status == "new":
                print(f"{o.path}\t{o.meeting_date or ''}".rstrip())
        counts = {s: sum(o.status == s for o in outcomes) for s in ("new", "filtered", "unchanged", "failed", "skipped")}
        line = (f"{counts['new']} files would be processed; unchanged {len(plan.unchanged) + counts['unchanged']}, "
                f"outside the dates {counts['filtered']}, unreadable {counts['failed'] + counts['skipped']}, "
                f"missing {len(plan.missing)}")
        print(json.dumps({"event": "summary", "dry_run": True, "line": line}) if self.json else line)

"""Batch runs: identical tables for any worker count, executor, cache setting, and after a kill."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from nlp_pipeline import batch
from nlp_pipeline.batch import RunOptions, run
from nlp_pipeline.cli import cli, demo_corpus
from nlp_pipeline.pipeline import Analyzer

REPO = Path(__file__).resolve().parents[1]
VOLATILE = {"processed_at", "time"}  # when a row was written, not what it says
TABLES = ("documents", "sections", "entities", "goals", "figures", "errors", "inputs")
BAD = ("broken.pdf", "empty.txt")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, ahjo_dir, seeds) -> Path:
    """Ahjo items, the seeds, the demo corpus (two items of one organisation per quarter, so goal
    keys are matched across documents), a near-copy of a seed, and two bad files."""
    folder = tmp_path_factory.mktemp("corpus")
    for f in sorted(ahjo_dir.glob("*.html"))[::15]:
        shutil.copy(f, folder)
    for f in seeds.values():
        shutil.copy(f, folder)
    for f in demo_corpus().iterdir():
        shutil.copy(f, folder)
    seed = seeds["281"]
    (folder / f"copy-{seed.name}").write_text(seed.read_text(encoding="utf-8") + "\nKopio arkistosta.\n", encoding="utf-8")
    (folder / BAD[0]).write_bytes(b"%PDF-1.4 truncated at byte 17")
    (folder / BAD[1]).write_text("")
    return folder


def tables(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows in a canonical order, without the write timestamps."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] not in VOLATILE]
            out[table] = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


def differences(a: dict, b: dict) -> dict[str, tuple[int, int]]:
    return {t: (len(set(a[t]) - set(b[t])), len(set(b[t]) - set(a[t]))) for t in TABLES if a[t] != b[t]}


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """One uninterrupted run in this process (cache on): the tables every other run must equal."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    summary = run([corpus], db, RunOptions(workers=0, batch_size=8))
    return db, summary, tables(db)


def cli_args(corpus: Path, db: Path, *extra: str) -> list[str]:
    return ["process", str(corpus), "--db", str(db), "--batch-size", "4", *extra]


def test_reference_run_stores_good_files_and_records_bad_ones(reference, corpus):
    db, summary, rows = reference
    agenda_files = [f for f in corpus.iterdir() if f.suffix in (".html", ".txt") and f.name not in BAD]
    assert summary.processed == len(rows["documents"]) == len(agenda_files)
    assert summary.failed == 2 and summary.skipped == 3  # README.md, EXPECTED.md, sources.tsv
    failed = {Path(r[0]).name: r[1] for r in rows["errors"]}
    assert failed[BAD[0]] == "ingest" and failed[BAD[1]] == "ingest"
    statuses = {Path(r[0]).name: r[-1] for r in rows["inputs"]}
    assert statuses[BAD[0]] == "failed" and statuses["sources.tsv"] == "skipped"
    assert rows["goals"] and rows["figures"] and rows["entities"]
    assert summary.cache_hits > 0  # the near-copy and the demo's item/decision pairs repeat sections


def test_goal_keys_are_resolved_across_documents(reference):
    """The same goal in two documents of one organisation gets one goal_key: the writer matched it
    against the goals stored before (what makes the run order matter, and the plan order fix it)."""
    con = duckdb.connect(str(reference[0]), read_only=True)
    shared = con.execute(
        "SELECT goal_key, count(DISTINCT doc_id) n FROM goals GROUP BY 1 HAVING n > 1"
    ).fetchall()
    con.close()
    assert shared


def test_two_workers_give_identical_tables_and_json_log(reference, corpus, tmp_path):
    db = tmp_path / "w2.duckdb"
    result = CliRunner().invoke(cli, cli_args(corpus, db, "--workers", "2", "--log-format", "json"))
    assert result.exit_code == 1, result.output  # the bad files
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    files = [r for r in lines if r["event"] == "file"]
    assert len(files) == len(list(corpus.iterdir()))
    assert {r["status"] for r in files} == {"processed", "skipped", "failed"}
    assert lines[-1]["event"] == "summary" and lines[-1]["failed"] == 2
    assert differences(tables(reference[0]), tables(db)) == {}


def test_cache_off_gives_identical_tables(reference, corpus, tmp_path):
    db = tmp_path / "nocache.duckdb"
    summary = run([corpus], db, RunOptions(workers=0, cache_entries=0))
    assert summary.cache_hits == 0
    assert differences(reference[2], tables(db)) == {}


def test_standard_texts_are_analysed_through_the_cache_not_skipped(reference):
    """Appeal instructions are analysed paragraph by paragraph: their deadlines are stored like any
    figure, and the tables equal a run without the cache (above), so the cheap path loses nothing."""
    con = duckdb.connect(str(reference[0]), read_only=True)
    appeal = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE unit = 'day') FROM figures WHERE section_kind = 'appeal'"
    ).fetchone()
    con.close()
    assert appeal[0] > 0 and appeal[1] > 0
    assert reference[1].cache_hits > reference[1].units // 4  # standard paragraphs repeat across items


def test_router_sends_repeated_texts_to_the_worker_that_saw_them(tmp_path):
    def page(name: str, *paragraphs: str) -> str:
        path = tmp_path / name
        path.write_text("<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>", encoding="utf-8")
        return str(path)

    standard = "Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista kirjallisesti."
    first = page("a.html", "Kaupunki myöntää yhdistykselle 12 000 euron avustuksen kesätoimintaan.", standard)
    other = page("b.html", "Lautakunta hyväksyy uimahallin aukioloajat syyskaudelle ja talvikaudelle.")
    copy = page("c.html", "Kaupunki myöntää yhdistykselle 12 000 euron avustuksen kesätoimintaan.", standard)
    router = batch.Router(workers=2)
    pending = {0: router.fingerprint(first), 1: router.fingerprint(other), 2: router.fingerprint(copy)}
    assert router.pick(0, pending, size=1, idle=True, partial=False) == [0]  # nobody has seen it: anybody's
    del pending[0]
    # worker 1 gets what it costs least; the copy of worker 0's file is not that
    assert router.pick(1, pending, size=2, idle=True, partial=False) == [1]
    del pending[1]
    assert router.cost(pending[2], 0) < router.cost(pending[2], 1)
    assert router.pick(1, pending, size=2, idle=False, partial=False) == []  # busy: leaves it to worker 0
    assert router.pick(1, pending, size=2, idle=True, partial=False) == [2]  # idle: a cache miss beats waiting


def test_kill_and_resume_gives_identical_tables(reference, corpus, tmp_path):
    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "nlp_pipeline.cli", *cli_args(corpus, db, "--workers", "1", "--log-format", "json")]
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    watchdog = threading.Timer(240, proc.kill)  # never hang the suite on a stuck child
    watchdog.start()
    committed = 0
    for line in proc.stdout:  # a file line is printed once its batch is committed
        committed += json.loads(line)["event"] == "file"
        if committed >= 8:
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    watchdog.cancel()
    assert 8 <= committed < len(list(corpus.iterdir()))
    second = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert second.returncode == 1
    summary = json.loads(second.stdout.splitlines()[-1])
    assert summary["unchanged"] >= 8 - len(BAD)  # the stored part was not analysed again
    assert summary["processed"] < reference[1].processed
    assert differences(reference[2], tables(db)) == {}


def grandchildren(pid: int) -> list[int]:
    """Processes whose parent's parent is ``pid``: the workers, which the fork server starts."""
    parent = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(stat.parent.name)] = int(fields[1])
    return sorted(p for p, pp in parent.items() if parent.get(pp) == pid)


def test_a_killed_worker_stops_the_run_with_a_clear_error_and_resume_completes(reference, corpus, tmp_path):
    """The OOM killer takes a worker: one line says so, and a re-run finishes the work."""
    db = tmp_path / "worker-killed.duckdb"
    command = [sys.executable, "-m", "nlp_pipeline.cli", *cli_args(corpus, db, "--workers", "2", "--log-format", "json")]
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    watchdog = threading.Timer(240, lambda: os.killpg(proc.pid, signal.SIGKILL))
    watchdog.start()
    workers = []
    while not workers and proc.poll() is None:  # kill one as soon as it exists: all the work still lies ahead
        time.sleep(0.2)
        workers = grandchildren(proc.pid)
    os.kill(workers[0], signal.SIGKILL)
    _, err = proc.communicate()
    watchdog.cancel()
    assert proc.returncode == 1
    assert err.strip().splitlines()[-1] == (
        "Error: a worker process died (out of memory?); run the same command again to resume")
    second = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert json.loads(second.stdout.splitlines()[-1])["failed"] == len(BAD)
    assert differences(reference[2], tables(db)) == {}


def test_incremental_run_processes_only_new_and_changed_files(reference, corpus, tmp_path):
    db = tmp_path / "incremental.duckdb"
    shutil.copy(reference[0], db)
    folder = tmp_path / "grown"
    shutil.copytree(corpus, folder)
    first = run([folder], db, RunOptions(workers=0))  # new paths, same texts: nothing to analyse
    assert (first.processed, first.unchanged) == (0, reference[1].processed)
    again = run([folder], db, RunOptions(workers=0))
    not_agendas = first.skipped  # README.md, …: not read again either
    assert (again.processed, again.unchanged, again.skipped) == (0, reference[1].processed + not_agendas, 0)
    assert again.failed == 2  # failed files are tried again
    changed = next(folder.glob("pohjanranta-*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nLisäys.\n", encoding="utf-8")
    seed_copy = next(folder.glob("copy-*.txt"))
    (folder / "added.txt").write_text(seed_copy.read_text(encoding="utf-8") + "\nToinen kopio.\n", encoding="utf-8")
    last = run([folder], db, RunOptions(workers=0))
    assert (last.processed, last.unchanged) == (2, reference[1].processed - 1 + not_agendas)


def test_dask_local_cluster_gives_identical_tables(reference, corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    db = tmp_path / "dask.duckdb"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        summary = run([corpus], db, RunOptions(executor="dask", scheduler=cluster.scheduler_address))
    assert summary.processed == reference[1].processed
    assert differences(reference[2], tables(db)) == {}
    assert not any(Path(f"{db}.parts").iterdir())  # parts loaded and removed


def test_since_until_and_dry_run(reference, corpus, tmp_path):
    db = tmp_path / "window.duckdb"
    listed = CliRunner().invoke(cli, cli_args(corpus, db, "--dry-run", "--since", "2026-06-01", "--until", "2026-09-30"))
    assert listed.exit_code == 0, listed.output
    assert not db.exists()
    paths = [line.split("\t") for line in listed.output.splitlines()[:-1]]
    assert paths and all("2026-06-01" <= d <= "2026-09-30" for _, d in paths)
    summary = run([corpus], db, RunOptions(workers=0, since=date(2026, 6, 1), until=date(2026, 9, 30)))
    assert summary.processed == len(paths) and summary.filtered > 0
    con = duckdb.connect(str(db), read_only=True)
    stored = {Path(r[0]).name for r in con.execute("SELECT source FROM documents").fetchall()}
    con.close()
    assert stored == {Path(p).name for p, _ in paths}
    later = run([corpus], db, RunOptions(workers=0))  # files outside the window were not marked as done
    assert later.processed == reference[1].processed - len(paths)


def test_a_document_that_breaks_the_analysis_fails_alone(reference, corpus, tmp_path, monkeypatch):
    analyse = Analyzer.analyse

    def fragile(self, documents, known_keys=None):
        if any("Kopio arkistosta" in d.source.text for d in documents):
            raise RuntimeError("component bug")
        return analyse(self, documents, known_keys)

    monkeypatch.setattr(Analyzer, "analyse", fragile)
    db = tmp_path / "fragile.duckdb"
    summary = run([corpus], db, RunOptions(workers=0, with_nlp=False))
    assert summary.processed == reference[1].processed - 1
    assert summary.failed == len(BAD) + 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT source, message FROM errors WHERE stage = 'nlp'").fetchall() == [
        (str(next(corpus.glob("copy-*"))), "unexpected RuntimeError: component bug")
    ]
    con.close()


def test_unwritable_database_path_fails_before_any_work(corpus, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    started = time.perf_counter()
    result = CliRunner().invoke(cli, cli_args(corpus, blocker / "agenda.duckdb"))
    assert result.exit_code == 1
    assert "cannot write there" in result.output and len(result.output.strip().splitlines()) == 1
    assert time.perf_counter() - started < 5  # no pipeline was loaded


def test_full_disk_is_reported_before_any_work(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(batch.shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10**9, 10**9 - 2**20, 2**20))
    db = tmp_path / "full.duckdb"
    result = CliRunner().invoke(cli, cli_args(corpus, db))
    assert result.exit_code == 1
    assert "only 1 MB free" in result.output and len(result.output.strip().splitlines()) == 1
    assert not db.exists()

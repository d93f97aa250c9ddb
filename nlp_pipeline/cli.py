"""The ``agenda-nlp`` command line: each command a thin skin over one call of the Python API."""
from __future__ import annotations

import csv
import json
import sys
from importlib import resources
from pathlib import Path

import click

from .batch import WRITE_BATCH
from .store import StoreError

DEFAULT_DB = "agenda.duckdb"


def db_option(read_only: bool = False):
    return click.option(
        "--db",
        "db",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False, path_type=Path, exists=read_only),
        help="DuckDB database file.",
    )


def split_option(*choices: str, default: str):
    return click.option("--split", type=click.Choice(list(choices)), default=default, show_default=True,
                        help="Which part of the gold to score.")


def gold_option(default_name: str):
    return click.option(
        "--gold",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=None,
        help=f"Gold annotations (JSONL); default corpus/gold/{default_name}.",
    )


def _fail(message: str) -> None:
    raise click.ClickException(message)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="agenda-nlp")
def cli() -> None:
    """Finnish meeting agendas into structured facts in DuckDB and draft report text.

    \b
    Example:
        agenda-nlp process ../shared/seeds --db agenda.duckdb
        agenda-nlp sql "select kind, count(*) from sections group by 1"
    """


# ---------------------------------------------------------------- process


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option()
@click.option("--workers", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes, each with its own spaCy pipeline; 0 works in this process.  [default: number of cores]")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the per-document work runs: local processes, or a Dask cluster (see --scheduler).")
@click.option("--scheduler", metavar="ADDRESS", default=None, help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
@click.option("--parts", "parts_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Dask: folder on a file system the workers share, for their Parquet parts.  [default: DB.parts]")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Only meetings on or after this date.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Only meetings on or before this date.")
@click.option("--dry-run", is_flag=True, help="List the files that would be processed; store nothing.")
@click.option("--no-nlp", is_flag=True, help="Ingest, segment and store only (no tagging or figures).")
@click.option("--no-cache", is_flag=True, help="Analyse repeated sections again instead of reusing them (for measurements).")
@click.option("--batch-size", type=click.IntRange(min=1), default=WRITE_BATCH, show_default=True,
              help="Files per write transaction (written sooner when results trickle in: at least every 5 s).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; print only failures and the summary line.")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one JSON object per file and one for the summary, on stdout.")
def process(paths: tuple[Path, ...], db: Path, workers: int | None, executor: str, scheduler: str | None,
            parts_dir: Path | None, since, until, dry_run: bool, no_nlp: bool, no_cache: bool, batch_size: int,
            quiet: bool, log_format: str) -> None:
    """Ingest files or folders (.txt, .html/.htm, .pdf) into the database, in parallel.

    Re-running on the same input changes nothing: documents are keyed by a hash of their text,
    and files unchanged since the last run are not read again. A run killed midway resumes
    where it stopped when started again. Exit code 1 when any file failed (see the errors table).

    \b
    Example:
        agenda-nlp process ../shared/seeds ../shared/corpus/helsinki-ahjo --db a.duckdb
        agenda-nlp process agendas/ --since 2025-01-01 --workers 4 --log-format json > run.jsonl
        agenda-nlp process agendas/ --executor dask --scheduler tcp://10.0.0.5:8786
    """
    import os

    from .batch import CACHE_ENTRIES, BatchError, Reporter, RunOptions, dry_run as plan_run, run

    options = RunOptions(
        workers=len(os.sched_getaffinity(0)) if workers is None else workers, executor=executor,
        scheduler=scheduler, parts_dir=parts_dir, since=since.date() if since else None,
        until=until.date() if until else None, with_nlp=not no_nlp, cache_entries=0 if no_cache else CACHE_ENTRIES,
        batch_size=batch_size,
    )
    reporter = Reporter(log_format, quiet)
    try:
        if dry_run:
            reporter.dry_run(*plan_run(paths, db, options))
            return
        with reporter:
            summary = run(paths, db, options, on_file=reporter.file, on_start=reporter.start, on_progress=reporter.progress)
    except (BatchError, StoreError) as exc:
        _fail(str(exc))
    reporter.finish(summary)
    if summary.failed:
        sys.exit(1)


# ---------------------------------------------------------------- fetch


@cli.command()
@click.argument("url")
@db_option()
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Fetch at most this many items.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Only meetings on or after this date.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Only meetings on or before this date.")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="HTTP cache folder (re-runs download only what changed)  [default: ~/.cache/agenda-nlp/http]")
@click.option("--rate", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to the same host.")
@click.option("--dry-run", is_flag=True, help="List the items that would be fetched; download no item, store nothing.")
@click.option("--no-nlp", is_flag=True, help="Ingest, segment and store only (no tagging or figures).")
def fetch(url: str, db: Path, limit: int | None, since, until, cache: Path | None, rate: float, dry_run: bool,
          no_nlp: bool) -> None:
    """Fetch a Dynasty RSS feed (rss/meetingitems or rss/meetings), meeting page or item page,
    with the items' PDFs and attachments, into the database.

    \b
    Example:
        agenda-nlp fetch "https://kantahameenhva.oncloudos.com:443/cgi/DREQUEST.PHP?page=rss/meetingitems&show=30" --dry-run
        agenda-nlp fetch "https://kantahameenhva.oncloudos.com:443/cgi/DREQUEST.PHP?page=rss/meetingitems&show=30" --since 2026-01-01
    """
    from .fetch import FetchError, PoliteClient, UnsupportedURL, Window, default_cache_dir, fetch as fetch_url, plan
    from .pipeline import Analyzer

    window = Window(since.date() if since else None, until.date() if until else None, limit)
    try:
        with PoliteClient(cache or default_cache_dir(), interval=rate) as client:
            if dry_run:
                items, _ = plan(url, client, window)
                for item in items:
                    click.echo(item.describe())
                click.echo(f"items to fetch: {len(items)} (each with its PDF and attachments)")
                return
            summary = fetch_url(url, db, window=window, client=client, analyzer=Analyzer(with_nlp=not no_nlp),
                                progress=lambda n, item: click.echo(f"[{n}] {item.describe()}", err=True))
    except (UnsupportedURL, FetchError, StoreError) as exc:
        _fail(str(exc))
    for line in summary.report():
        click.echo(line)
    click.echo(f"stored in {db}: {summary.stored.line()}")
    if summary.failed:
        _fail(f"{url}: {summary.failed}")
    if summary.errors:
        sys.exit(1)


# ---------------------------------------------------------------- sql, export


@cli.command()
@click.argument("query")
@db_option(read_only=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def sql(query: str, db: Path, fmt: str) -> None:
    """Run a read-only SQL query against the database and print the result.

    \b
    Example:
        agenda-nlp sql "select kind, count(*) n from sections group by 1 order by 2 desc" --format csv
    """
    import duckdb

    from .store import connect

    try:
        con = connect(db, read_only=True)
        cursor = con.execute(query)
    except StoreError as exc:
        _fail(str(exc))
    except duckdb.Error as exc:
        _fail(f"query failed: {str(exc).splitlines()[0]}")
    columns = [d[0] for d in cursor.description or []]
    rows = cursor.fetchall()
    click.echo(format_rows(columns, rows, fmt), nl=False)


def format_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, default=str, indent=1) + "\n"
    if fmt == "csv":
        import io

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return out.getvalue()
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths)), "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    return "\n".join(lines) + f"\n({len(rows)} rows)\n"


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(value).replace("\n", " ")
    return text if len(text) <= 80 else text[:77] + "..."


@cli.command()
@db_option(read_only=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write to.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True)
def export(db: Path, out: Path, fmt: str) -> None:
    """Write every table (and the figure_facts view) to Parquet or CSV files.

    \b
    Example:
        agenda-nlp export --db agenda.duckdb --out export/ --format parquet
    """
    from .store import Store

    try:
        with Store(db, read_only=True) as store:
            written = store.export(out, fmt)
    except StoreError as exc:
        _fail(str(exc))
    for path in written:
        click.echo(str(path))


# ---------------------------------------------------------------- draft


@cli.command()
@db_option(read_only=True)
@click.option("--from", "from_period", required=True, metavar="PERIOD", help="Earlier period: 2025-Q2, 2025-H1 or 2025.")
@click.option("--to", "to_period", required=True, metavar="PERIOD", help="Later period, written the same way.")
@click.option("--organisation", default=None, help="Only this organisation's documents (part of the name, any case).")
@click.option("--body", default=None, help="Only this body's documents (toimielin, part of the name).")
@click.option("--goal", default=None, help="Only this goal (part of its name, or its goal_key).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the draft to this file instead of printing it (required for docx).")
@click.option("--format", "fmt", type=click.Choice(["md", "docx", "json"]), default="md", show_default=True)
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also draw the figures stated in both periods into this PNG.")
@click.option("--rewrite-model", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Local transformers model folder that smooths the wording; a rewrite that changes a number, "
                   "name or period is refused.")
def draft(db: Path, from_period: str, to_period: str, organisation: str | None, body: str | None,
          goal: str | None, out: Path | None, fmt: str, chart: Path | None, rewrite_model: Path | None) -> None:
    """Draft Finnish text comparing two reporting periods, every number with its source.

    A period matches the documents whose report period ends on the same day (2025-Q2 finds a
    2025-H1 report). --format json prints the computed comparison for auditing.

    \b
    Example:
        agenda-nlp process ../shared/seeds --db seeds.duckdb
        agenda-nlp draft --db seeds.duckdb --from 2025-Q2 --to 2026-Q1 --chart muutos.png
        agenda-nlp draft --db seeds.duckdb --from 2025-Q2 --to 2026-Q1 --format docx --out luonnos.docx
    """
    import warnings

    from .draft import DraftError, build_comparison, render, render_chart
    from .store import connect

    if fmt == "docx" and out is None:
        _fail("--format docx writes a file: give --out FILE.docx")
    try:
        con = connect(db, read_only=True)
        comparison = build_comparison(con, from_period, to_period, organisation, body, goal)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            text = render(comparison, fmt, out, rewrite_model)
        for warning in caught:
            click.echo(f"warning: {warning.message}", err=True)
        if chart is not None:
            render_chart(comparison, chart)
    except (DraftError, StoreError) as exc:
        _fail(str(exc))
    if out is None:
        click.echo(text, nl=False)


# ---------------------------------------------------------------- demo


def demo_corpus() -> Path:
    return Path(str(resources.files("nlp_pipeline").joinpath("demo")))


@cli.command()
@db_option()
def demo(db: Path) -> None:
    """Process the bundled (invented) demo corpus and print a quarter-over-quarter draft.

    \b
    Example:
        agenda-nlp demo --db demo.duckdb
    """
    from .batch import BatchError, RunOptions, run
    from .draft import demo_draft

    try:
        summary = run([demo_corpus()], db, RunOptions(workers=0))
    except (StoreError, BatchError) as exc:
        _fail(str(exc))
    click.echo(f"demo corpus {demo_corpus()}: {summary.line()}")
    click.echo(f"database: {db}\n")
    click.echo(demo_draft(db))


# ---------------------------------------------------------------- evaluate


@cli.group()
def evaluate() -> None:
    """Score the pipeline against the gold annotations in corpus/gold/."""


@evaluate.command("segmentation")
@gold_option("segmentation.jsonl")
@split_option("dev", "test", "all", default="all")
def evaluate_segmentation_command(gold: Path | None, split: str) -> None:
    """Section precision/recall/F1 per kind and metadata accuracy.

    \b
    Example:
        agenda-nlp evaluate segmentation --split test
    """
    from .evaluation.segmentation import evaluate_segmentation

    _echo_report(evaluate_segmentation, gold, split)


@evaluate.command("figures")
@gold_option("figures.jsonl")
@split_option("dev", "test", "val", "all", default="test")
@click.option("--passages", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Score a blind passage set kept outside the repository instead (corpus/passages/README.md).")
@click.option("--by-rule", is_flag=True, help="Also print subject accuracy per rule that chose the subject.")
def evaluate_figures_command(gold: Path | None, split: str, passages: Path | None, by_rule: bool) -> None:
    """Figure precision/recall/F1 (span + value + unit), attribute accuracy, every miss and false figure.

    \b
    Example:
        agenda-nlp evaluate figures --split test
        agenda-nlp evaluate figures --split dev --by-rule
        agenda-nlp evaluate figures --passages ../passages/u.jsonl
    """
    from .evaluation.figures import evaluate_figures, evaluate_passages

    if passages is not None:
        _echo_report(lambda path, _split: evaluate_passages(path), passages, split, by_rule=by_rule)
    else:
        _echo_report(evaluate_figures, gold, split, by_rule=by_rule)


def _echo_report(evaluate_fn, gold: Path | None, split: str, **render) -> None:
    try:
        report = evaluate_fn(gold, split)
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    click.echo(report.render(**render))


@evaluate.command("ner")
@gold_option("ner.jsonl")
@split_option("train", "dev", "test", default="test")
def evaluate_ner_command(gold: Path | None, split: str) -> None:
    """Span precision, recall and F1 per label of the tagging layer on real gold documents.

    \b
    Example:
        agenda-nlp evaluate ner --split test
    """
    from .tagging import training

    report = _run_evaluation(training.evaluate_ner, gold or training.GOLD_PATH, split)
    for label, s in report["per_label"].items():
        click.echo(f"{label:10} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (tp {s['tp']} fp {s['fp']} fn {s['fn']})")
    click.echo("goals on the gold reports: " + json.dumps(report["seed_goals"]))
    for m in report["misses"]:
        click.echo(f"  {m['kind']} {m['label']} {m['file']}:{m['start']}-{m['end']} {m['text']!r}")


@evaluate.command("classifier")
@gold_option("ner.jsonl")
@split_option("train", "dev", "test", default="test")
def evaluate_classifier_command(gold: Path | None, split: str) -> None:
    """Status accuracy, per-status P/R/F1 and the confusion matrix on real gold progress phrases.

    \b
    Example:
        agenda-nlp evaluate classifier --split test
    """
    from .tagging import training

    report = _run_evaluation(training.evaluate_classifier, gold or training.GOLD_PATH, split)
    click.echo(f"accuracy {report['accuracy']:.3f} on {report['n']} phrases")
    for label, s in report["per_label"].items():
        click.echo(f"{label:12} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    click.echo("confusion (row gold, column predicted): " + json.dumps(report["confusion"]))


def _run_evaluation(fn, gold: Path, split: str) -> dict:
    try:
        return fn(gold=gold, split=split)
    except OSError as exc:
        _fail(f"cannot evaluate: {exc}")
    except (ValueError, KeyError) as exc:
        _fail(f"{gold}: not a gold file of this kind ({exc.__class__.__name__}: {exc})")


# ---------------------------------------------------------------- train

@cli.group()
def train() -> None:
    """Rebuild a trained component under models/ with its evaluation report."""


@train.command("ner")
@click.option("--seed", type=int, default=0, show_default=True)
def train_ner_command(seed: int) -> None:
    """Train the GOAL/PRIORITY/OWNER/METRIC NER (models/goal_ner) on synthetic + real train documents.

    \b
    Example:
        agenda-nlp train ner --seed 0
    """
    from .tagging import training

    report = training.train_ner(seed=seed)
    click.echo(json.dumps(report["per_label"], indent=1))


@train.command("classifier")
@click.option("--seed", type=int, default=0, show_default=True)
def train_classifier_command(seed: int) -> None:
    """Train the progress-status classifier (models/status_textcat).

    \b
    Example:
        agenda-nlp train classifier --seed 0
    """
    from .tagging import training

    report = training.train_classifier(seed=seed)
    click.echo(f"accuracy {report['accuracy']:.3f} on {report['n']} real test phrases")


@train.command("subject-ranker")
@click.option("--seed", type=int, default=0, show_default=True)
def train_subject_ranker_command(seed: int) -> None:
    """Train the figures component's last-resort subject ranker (models/subject_ranker) on the tuned gold.

    \b
    Example:
        agenda-nlp train subject-ranker --seed 0
    """
    from .figures import training

    report = training.train_subject_ranker(seed=seed)
    click.echo(f"ranker {report['ranker_accuracy']:.3f} against the nearest noun before "
               f"{report['nearest_noun_before_accuracy']:.3f} "
               f"in {report['folds']}-fold cross-validation on {report['examples']} figures")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()

"""The command line as a user meets it: process, sql, export, and bad input that never half-writes."""
from __future__ import annotations

import json
import shutil

import duckdb
import pytest
from click.testing import CliRunner

from nlp_pipeline.cli import cli
from tests.support import make_pdf


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def table_counts(db) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("documents", "sections", "errors", "inputs")}
    finally:
        con.close()


def test_process_seeds_and_ahjo_then_query_sections(run, tmp_path, shared_dir):
    db = tmp_path / "a.duckdb"
    result = run("process", "--no-nlp", shared_dir / "seeds", shared_dir / "corpus" / "helsinki-ahjo", "--db", db)
    assert result.exit_code == 0, result.output
    assert "skipped 2, failed 0" in result.output  # README.md and sources.tsv, one line each
    out = run("sql", "select kind, count(*) n from sections group by 1 order by 2 desc", "--db", db, "--format", "json")
    kinds = {row["kind"]: row["n"] for row in json.loads(out.output)}
    assert kinds["appeal"] > 250 and kinds["decision"] > 200 and kinds["proposal"] > 40
    offsets = run("sql", "select count(*) bad from sections s join documents d using (doc_id) where substr(d.text, s.start_char + 1, s.end_char - s.start_char) <> s.text", "--db", db, "--format", "csv")
    assert offsets.output == "bad\n0\n"


def test_reprocessing_changes_nothing(run, tmp_path, seeds):
    db = tmp_path / "a.duckdb"
    run("process", "--no-nlp", seeds["281"], seeds["36"], "--db", db)
    before = table_counts(db)
    again = run("process", "--no-nlp", seeds["281"], seeds["36"], "--db", db)
    assert "processed 0, unchanged 2" in again.output
    assert table_counts(db) == before
    # the same text under another name is the same document
    copy = tmp_path / "copy.txt"
    shutil.copy(seeds["36"], copy)
    run("process", "--no-nlp", copy, "--db", db)
    assert table_counts(db)["documents"] == before["documents"]


def test_a_database_made_before_subject_rule_gains_the_column(run, tmp_path, seeds):
    db = tmp_path / "a.duckdb"
    run("process", "--no-nlp", seeds["281"], "--db", db)
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE figures DROP COLUMN subject_rule")
    con.close()
    result = run("process", seeds["36"], "--db", db)
    assert result.exit_code == 0, result.output
    rules = run("sql", "select subject_rule, count(*) n from figure_facts group by 1", "--db", db, "--format", "json")
    counts = {row["subject_rule"]: row["n"] for row in json.loads(rules.output)}
    assert counts.get("read_with_number", 0) > 0 and counts.get("elative_after_share", 0) > 0, counts


def test_bad_inputs_fail_one_line_each_and_leave_no_half_written_document(run, tmp_path, seeds):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 50)
    (folder / "scan.pdf").write_bytes(make_pdf([]))
    (folder / "cut.html").write_bytes(b"<html><body><div class='paatos'><h1>Otsikko</h1><p>Kes")
    (folder / "recipe.txt").write_text("Mustikkapiirakka: sekoita jauhot, voi ja sokeri. Lisää marjat ja paista uunissa puoli tuntia.", encoding="utf-8")
    (folder / "README.md").write_text("# notes", encoding="utf-8")
    shutil.copy(seeds["36"], folder / "good.txt")
    db = tmp_path / "a.duckdb"
    result = CliRunner().invoke(cli, ["process", "--no-nlp", str(folder), str(tmp_path / "missing"), "--db", str(db)])
    assert result.exit_code == 1
    lines = [l for l in result.output.splitlines() if l.startswith(("error:", "skipped:"))]
    expected = {
        "empty.txt": "empty file", "junk.txt": "binary data", "scan.pdf": "needs OCR", "cut.html": "truncated HTML",
        "recipe.txt": "not an agenda item", "README.md": "not an agenda file", "missing": "no such file",
    }
    for name, problem in expected.items():
        assert sum(name in l and problem in l for l in lines) == 1, (name, lines)
    assert "Traceback" not in result.output
    assert "processed 1, unchanged 0, skipped 1, failed 6" in result.output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from documents").fetchone()[0] == 1
    assert con.execute("select count(*) from errors where stage in ('ingest', 'segment')").fetchone()[0] == 7
    assert con.execute("select count(distinct doc_id) from sections").fetchone()[0] == 1


def test_sql_is_read_only_and_errors_are_one_line(run, tmp_path, seeds):
    db = tmp_path / "a.duckdb"
    run("process", "--no-nlp", seeds["36"], "--db", db)
    runner = CliRunner()
    denied = runner.invoke(cli, ["sql", "delete from documents", "--db", str(db)])
    assert denied.exit_code == 1 and "query failed" in denied.output and "Traceback" not in denied.output
    typo = runner.invoke(cli, ["sql", "select nope from documents", "--db", str(db)])
    assert typo.exit_code == 1 and len(typo.output.strip().splitlines()) == 1
    missing = runner.invoke(cli, ["sql", "select 1", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code != 0
    assert table_counts(db)["documents"] == 1


def test_export_writes_every_table(run, tmp_path, seeds):
    db = tmp_path / "a.duckdb"
    run("process", "--no-nlp", seeds["281"], "--db", db)
    result = run("export", "--db", db, "--out", tmp_path / "out", "--format", "parquet")
    assert result.exit_code == 0
    for table in ("documents", "sections", "entities", "goals", "figures", "errors", "figure_facts"):
        assert (tmp_path / "out" / f"{table}.parquet").exists()
    rows = duckdb.sql(f"select kind from '{tmp_path / 'out' / 'sections.parquet'}' order by ordinal").fetchall()
    assert [r[0] for r in rows] == ["header", "preparer", "description", "proposal", "decision", "enforcement", "appeal"]


def test_every_command_has_help_with_an_example(run):
    for command in (["process"], ["sql"], ["export"], ["demo"], ["evaluate", "segmentation"]):
        result = run(*command, "--help")
        assert result.exit_code == 0 and "Example:" in result.output, command


def test_evaluate_scores_a_blind_passage_set_that_is_no_agenda_item(run, tmp_path):
    text = "Kunnan asukasluku kasvoi 1,2 % ja oli vuoden lopussa 12 400. Lisätietoja puh. 040 123 4567."

    def figure(span: str, value, unit: str, subject: str) -> dict:
        start = text.index(span)
        return {"start": start, "end": start + len(span), "text": span, "value": value, "unit": unit,
                "unit_word": None, "denominator": None, "approx": False, "bound": None, "subject": subject,
                "qualifier": None, "period": None, "per": None, "direction": None, "baseline_value": None,
                "baseline_period": None}

    phone = text.index("040")
    passage = {"id": "T-01", "url": "invented", "text": text, "not_figures": [
        {"start": phone, "end": phone + 12, "text": "040 123 4567"}],
        "figures": [figure("1,2 %", 1.2, "percent", "asukasluku"), figure("12 400", 12400, "count", "asukasluku")]}
    passages = tmp_path / "t.jsonl"
    passages.write_text(json.dumps(passage, ensure_ascii=False) + "\n", encoding="utf-8")
    report = run("evaluate", "figures", "--passages", passages).output
    assert "figures over 1 gold documents" in report and "precision 1.000  recall 1.000" in report
    assert "subject      1.000" in report  # a copula's amount noun is what its count measures (gold README)
    assert "false figures on never-figure strings: 0" in report
    # each matched figure is tallied under the rule that chose its subject
    by_rule = run("evaluate", "figures", "--passages", passages, "--by-rule").output
    tallies = by_rule.split("subject accuracy by the rule that chose it:\n")[1].split("\n\n")[0].splitlines()
    assert sum(int(row.split()[1].split("/")[1]) for row in tallies) == 2, tallies

    # the page's title is read as the passage's first line: it may name the period the page reports on
    text = "Lainoja kertyi 80 000."
    titled = {"id": "T-02", "url": "invented", "title": "Kirjaston tilastot 2023", "text": text,
              "figures": [{**figure("80 000", 80000, "count", "laina"), "period": "2023"}]}
    passages.write_text(json.dumps(titled, ensure_ascii=False) + "\n", encoding="utf-8")
    report = run("evaluate", "figures", "--passages", passages).output
    assert "recall 1.000" in report and "period       1.000" in report

    passages.write_text('{"id": "T-01", broken\n', encoding="utf-8")
    broken = CliRunner().invoke(cli, ["evaluate", "figures", "--passages", str(passages)])
    assert broken.exit_code == 1 and f"{passages}:1: not a JSON passage record" in broken.output

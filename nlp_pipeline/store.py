"""Store: DuckDB tables per the contract, written in bulk, one transaction per batch of documents.

Rows go in as Arrow tables (``INSERT … SELECT`` from a registered relation): one statement per
table per batch, never row-by-row.  A document is keyed by the hash of its text, so writing the
same document twice changes nothing.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa

from .model import DocumentResult, ErrorRecord

TABLES = ("documents", "sections", "entities", "goals", "figures", "errors", "inputs")


class StoreError(Exception):
    """The database cannot be opened or written; the message names the file."""


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One input file as last seen: lets an incremental run skip what did not change."""

    source: str
    size: int
    mtime_ns: int
    doc_id: str | None
    status: str  # stored | failed | skipped


def schema_sql() -> str:
    return resources.files("nlp_pipeline").joinpath("sql/schema.sql").read_text(encoding="utf-8")


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such database (run `agenda-nlp process` or `agenda-nlp demo` first)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open database: {str(exc).splitlines()[0]}") from None


class Store:
    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.con = connect(self.path, read_only=read_only)
        if not read_only:
            self.con.execute(schema_sql())

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # ------------------------------------------------------------ reading

    def stored_doc_ids(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(set(doc_ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def all_doc_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT doc_id FROM documents").fetchall()]

    def seen_inputs(self) -> dict[str, tuple[int, int, str]]:
        """source -> (size, mtime_ns, status) of every input file recorded so far."""
        rows = self.con.execute("SELECT source, size, mtime_ns, status FROM inputs").fetchall()
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def goal_keys(self, organisation: str | None) -> dict[str, str]:
        """goal_key -> a representative name (the least, so it does not depend on storage order) for one organisation."""
        rows = self.con.execute(
            """SELECT g.goal_key, min(g.name) FROM goals g JOIN documents d USING (doc_id)
               WHERE d.organisation IS NOT DISTINCT FROM ? GROUP BY 1""",
            [organisation],
        ).fetchall()
        return {key: name for key, name in rows}

    def doc_id_for_source(self, source: str) -> str | None:
        row = self.con.execute("SELECT doc_id FROM documents WHERE source = ? LIMIT 1", [source]).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------ writing

    def write(self, results: Sequence[DocumentResult], inputs: Sequence[InputRecord] = (), errors: Sequence[ErrorRecord] = (), parents: dict[str, str] | None = None) -> int:
        """Write a batch in one transaction; documents already stored are left as they are.

        Returns the number of new documents. Either the whole batch lands or none of it does.
        """
        fresh: dict[str, DocumentResult] = {}
        for result in results:
            fresh.setdefault(result.doc_id, result)
        for doc_id in self.stored_doc_ids(fresh):
            del fresh[doc_id]
        self.write_tables(_arrow_tables(list(fresh.values()), parents or {}), inputs, errors)
        return len(fresh)

    def write_tables(self, tables: dict[str, pa.Table], inputs: Sequence[InputRecord] = (), errors: Sequence[ErrorRecord] = ()) -> None:
        """Insert Arrow tables (columns as in the schema), inputs and errors in one transaction.

        Errors stored earlier for the input files written here are replaced: they describe the last attempt.
        """
        try:
            self.con.begin()
            for name, table in tables.items():
                if table.num_rows:
                    self._insert(name, table)
            if inputs:
                self._upsert_inputs(inputs)
            if errors:
                self._insert("errors", _rows_to_arrow([dataclasses.asdict(e) for e in errors], ERROR_COLUMNS))
            self.con.commit()
        except duckdb.Error as exc:
            self.con.rollback()
            raise StoreError(f"{self.path}: write failed, nothing from this batch stored: {str(exc).splitlines()[0]}") from None

    def write_errors(self, errors: Sequence[ErrorRecord]) -> None:
        self.write([], errors=errors)

    def _insert(self, table: str, data: pa.Table) -> None:
        # a batch arrives as many small chunks (one per file); DuckDB scans one big chunk 3-4x faster
        self.con.register("_batch", data.combine_chunks())
        try:
            columns = ", ".join(data.column_names)
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _batch")
        finally:
            self.con.unregister("_batch")

    def _upsert_inputs(self, inputs: Sequence[InputRecord]) -> None:
        data = _rows_to_arrow([dataclasses.asdict(i) for i in inputs], INPUT_COLUMNS)
        self.con.register("_inputs", data)
        try:
            self.con.execute("DELETE FROM inputs WHERE source IN (SELECT source FROM _inputs)")
            self.con.execute("DELETE FROM errors WHERE source IN (SELECT source FROM _inputs)")
            self.con.execute(f"INSERT INTO inputs ({', '.join(INPUT_COLUMNS)}) SELECT * FROM _inputs")
        finally:
            self.con.unregister("_inputs")

    # ------------------------------------------------------------ export

    def export(self, out_dir: str | Path, fmt: str = "parquet") -> list[Path]:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for table in TABLES + ("figure_facts",):
            target = out / f"{table}.{fmt}"
            option = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
            self.con.execute(f"COPY (SELECT * FROM {table}) TO '{_sql_path(target)}' {option}")
            written.append(target)
        return written


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


# ---------------------------------------------------------------- dataclasses to Arrow

DOCUMENT_COLUMNS = (
    "doc_id", "source", "lang", "organisation", "body", "meeting_date", "item_number", "diary_number",
    "title", "preparer", "report_period", "text", "format", "parent_doc_id",
)
SECTION_COLUMNS = ("doc_id", "ordinal", "kind", "heading", "start_char", "end_char", "text")
ENTITY_COLUMNS = ("doc_id", "label", "text", "lemma", "start_char", "end_char")
GOAL_COLUMNS = ("goal_id", "doc_id", "name", "goal_key", "owner", "status", "status_phrase", "period", "start_char", "end_char")
FIGURE_COLUMNS = (
    "figure_id", "doc_id", "value", "unit", "unit_word", "denominator", "approx", "bound", "subject", "qualifier",
    "period", "goal_id", "section_kind", "sentence", "start_char", "end_char", "per", "direction",
    "baseline_value", "baseline_period", "subject_rule",
)
ERROR_COLUMNS = ("source", "stage", "message")
INPUT_COLUMNS = ("source", "size", "mtime_ns", "doc_id", "status")

_TYPES = {
    "meeting_date": pa.date32(), "ordinal": pa.int32(), "start_char": pa.int32(), "end_char": pa.int32(),
    "value": pa.float64(), "denominator": pa.float64(), "baseline_value": pa.float64(), "approx": pa.bool_(),
    "size": pa.int64(), "mtime_ns": pa.int64(),
}


def _rows_to_arrow(rows: list[dict], columns: Sequence[str]) -> pa.Table:
    return pa.table({c: pa.array([r.get(c) for r in rows], type=_TYPES.get(c, pa.string())) for c in columns})


def _arrow_tables(results: list[DocumentResult], parents: dict[str, str]) -> dict[str, pa.Table]:
    documents, sections, entities, goals, figures = [], [], [], [], []
    for result in results:
        doc = result.document
        doc_id = doc.doc_id
        documents.append(
            {
                "doc_id": doc_id, "source": doc.source.source, "lang": doc.source.lang, "text": doc.source.text,
                "format": doc.source.format, "parent_doc_id": parents.get(doc.source.parent_source or ""),
                **dataclasses.asdict(doc.meta),
            }
        )
        sections += [{"doc_id": doc_id, **dataclasses.asdict(s)} for s in doc.sections]
        entities += [{"doc_id": doc_id, **dataclasses.asdict(e)} for e in result.entities]
        goals += [{"doc_id": doc_id, **dataclasses.asdict(g)} for g in result.goals]
        figures += [{"doc_id": doc_id, **dataclasses.asdict(f)} for f in result.figures]
    return {
        "documents": _rows_to_arrow(documents, DOCUMENT_COLUMNS),
        "sections": _rows_to_arrow(sections, SECTION_COLUMNS),
        "entities": _rows_to_arrow(entities, ENTITY_COLUMNS),
        "goals": _rows_to_arrow(goals, GOAL_COLUMNS),
        "figures": _rows_to_arrow(figures, FIGURE_COLUMNS),
    }

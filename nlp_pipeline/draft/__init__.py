"""Quarter-over-quarter draft: Finnish comparison text from the stored facts, every number traceable.

``build_comparison`` computes the facts with the SQL in ``nlp_pipeline/sql/draft_*.sql``;
``render`` writes them as Markdown, JSON or docx; ``render_chart`` draws them; ``rewrite`` smooths a
sentence with a local model and keeps it only if no fact changed.
"""
from __future__ import annotations

import duckdb

from .compare import Comparison, DraftError, build_comparison, requested_period, same_snapshot
from .render import render, render_chart
from .rewrite import rewrite


def report_periods(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The distinct report periods in the store, oldest first by their end date."""
    rows = con.execute("SELECT DISTINCT report_period FROM documents WHERE report_period IS NOT NULL").fetchall()
    from .compare import stored_period

    parsed = [(p.end, p.label) for (text,) in rows if (p := stored_period(text))]
    return [label for _, label in sorted(parsed)]


def draft_for_demo(con: duckdb.DuckDBPyConnection) -> str:
    """The Markdown draft between the first and last report periods in the store (the demo corpus)."""
    periods = report_periods(con)
    if len(periods) < 2:
        raise DraftError("the database holds fewer than two report periods: nothing to compare")
    return render(build_comparison(con, periods[0], periods[-1]), "md")


__all__ = ["Comparison", "DraftError", "build_comparison", "demo_draft", "draft_for_demo", "render", "render_chart",
           "report_periods", "requested_period", "rewrite", "same_snapshot"]


def demo_draft(db) -> str:
    """``draft_for_demo`` on a database file (what ``agenda-nlp demo`` prints at the end)."""
    from ..store import connect

    con = connect(db, read_only=True)
    try:
        return draft_for_demo(con)
    finally:
        con.close()

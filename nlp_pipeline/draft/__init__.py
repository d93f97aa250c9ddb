"""Quarter-over-quarter draft: Finnish comparison text from the stored facts, every number traceable.

``build_comparison`` computes the facts with the SQL in ``nlp_pipeline/sql/draft_*.sql``;
``render`` writes them as Markdown, JSON or docx; ``render_chart`` draws them; ``rewrite`` smooths a
sentence with a local model and keeps it only if no fact changed. Rules: docs/draft.md.
"""
from __future__ import annotations

import duckdb

from .compare import (Comparison, DraftError, build_comparison, is_requestable, requested_period, same_snapshot,
                      stored_period)
from .render import render, render_chart
from .rewrite import rewrite


def report_periods(con: duckdb.DuckDBPyConnection, organisation: str | None = None) -> list[str]:
    """The report periods a draft can be asked for (quarters, halves, years), oldest first; of two
    that end on the same day (2025-H1, 2025-Q2) the first stored is named."""
    rows = con.execute(
        "SELECT DISTINCT report_period FROM documents WHERE report_period IS NOT NULL"
        " AND ($org IS NULL OR organisation = $org) ORDER BY 1", {"org": organisation}).fetchall()
    ends: dict = {}
    for (text,) in rows:
        period = stored_period(text)
        if period and is_requestable(period.label):
            ends.setdefault(period.end, period.label)
    return [ends[end] for end in sorted(ends)]


def draft_for_demo(con: duckdb.DuckDBPyConnection) -> str:
    """The Markdown draft between the two latest report periods in the store (the demo corpus).

    When several organisations report on periods, the one reporting on most periods is drafted.
    """
    organisations = [r[0] for r in con.execute(
        "SELECT DISTINCT organisation FROM documents WHERE report_period IS NOT NULL AND organisation IS NOT NULL"
        " ORDER BY 1").fetchall()]
    organisation = max(organisations, key=lambda o: len(report_periods(con, o))) if len(organisations) > 1 else None
    periods = report_periods(con, organisation)
    if len(periods) < 2:
        raise DraftError("the database holds fewer than two report periods: nothing to compare")
    return render(build_comparison(con, periods[-2], periods[-1], organisation=organisation), "md")


def demo_draft(db) -> str:
    """``draft_for_demo`` on a database file (what ``agenda-nlp demo`` prints at the end)."""
    from ..store import connect

    con = connect(db, read_only=True)
    try:
        return draft_for_demo(con)
    finally:
        con.close()


__all__ = ["Comparison", "DraftError", "build_comparison", "demo_draft", "draft_for_demo", "render", "render_chart",
           "report_periods", "requested_period", "rewrite", "same_snapshot"]

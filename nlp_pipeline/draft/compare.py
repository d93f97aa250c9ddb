"""The comparison between two reporting periods, computed by the SQL files in ``nlp_pipeline/sql``.

Only the database is read. The result is plain dataclasses so that ``--format json`` prints exactly
what the text was written from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

import duckdb

from ..periods import Period, parse_period

# A base count that halves or doubles between periods is a change of what was counted, not of progress.
SCOPE_RATIO = 2.0


class DraftError(ValueError):
    """An expected user error (unknown period, organisation or goal): one line, no traceback."""


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    kind: str  # figure | goal
    doc_id: str
    source: str
    title: str | None
    meeting_date: date | None
    body: str | None
    section_kind: str | None
    sentence: str


@dataclass(frozen=True, slots=True)
class Value:
    figure_id: str
    value: float
    approx: bool = False
    bound: str | None = None
    denominator: float | None = None
    candidates: int = 1  # different values stated for the same thing in the period


@dataclass(frozen=True, slots=True)
class FigurePair:
    goal_key: str | None
    subject: str
    qualifier: str | None
    unit: str
    per: str | None
    unit_word: str | None  # as written; names the unit when it is 'other'
    then: Value | None
    now: Value | None
    difference: float | None  # now - then, in difference_unit
    difference_unit: str  # percentage_point for percentages, else the unit
    relative_change: float | None  # per cent, counts and money only
    is_base: bool  # the count that a breakdown into shares is a share of
    comparable: bool  # False when the scope guard forbids reading the change as a change

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(v.figure_id for v in (self.then, self.now) if v)

    @property
    def ambiguous(self) -> bool:
        """A period states different values for this kind of figure, so the pairing would be a guess."""
        return any(v.candidates > 1 for v in (self.then, self.now) if v)


@dataclass(frozen=True, slots=True)
class GoalState:
    name: str
    owner: str | None
    status: str | None
    status_phrase: str | None
    reported: bool  # given a status, owner or figure in this period (not merely listed)
    ids: tuple[str, ...]  # goal rows the name, owner and status were read from


@dataclass(frozen=True, slots=True)
class GoalChange:
    goal_key: str
    change: str  # kept | appeared | disappeared | mentioned
    then: GoalState | None
    now: GoalState | None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for s in (self.then, self.now) if s for i in s.ids))

    @property
    def name(self) -> str:
        """The latest wording from a period that reported on the goal (not one that merely listed it)."""
        for state in (self.now, self.then):
            if state and state.reported:
                return state.name
        return (self.now or self.then).name


@dataclass(frozen=True, slots=True)
class Baseline:
    """A comparison the document makes itself: value now against a stated earlier value."""

    figure_id: str
    side: str
    goal_key: str | None
    subject: str | None
    qualifier: str | None
    unit: str
    value: float
    approx: bool
    baseline_value: float
    baseline_period: str | None
    difference: float


@dataclass(frozen=True, slots=True)
class DocRef:
    doc_id: str
    source: str
    title: str | None
    organisation: str | None
    body: str | None
    meeting_date: date | None
    report_period: str | None


@dataclass(frozen=True, slots=True)
class Scope:
    period: str
    documents: tuple[DocRef, ...]
    reported_goals: tuple[str, ...]  # goal keys with a status, owner or figure
    base_counts: dict[str, Value] = field(default_factory=dict)  # subject -> organisation-wide count


@dataclass(frozen=True, slots=True)
class Comparison:
    from_period: str
    to_period: str
    organisation: str | None
    body: str | None
    goal: str | None
    then: Scope
    now: Scope
    scope_changed: bool
    scope_reasons: tuple[str, ...]  # goals_differ | base_changed:<subject>
    pairs: tuple[FigurePair, ...]
    goals: tuple[GoalChange, ...]
    baselines: tuple[Baseline, ...]
    sources: dict[str, Source]


_REQUESTED = re.compile(r"^\d{4}(?:-(?:Q[1-4]|H[12]))?$")


def is_requestable(label: str) -> bool:
    return bool(_REQUESTED.match(label))


def requested_period(text: str) -> Period:
    """A period as the user writes it: ``2026-Q1``, ``2025-H1`` or ``2025``."""
    text = text.strip().upper()
    if not is_requestable(text):
        raise DraftError(f"bad period {text!r}: write it as 2026-Q1, 2025-H1 or 2025")
    return parse_period(text)


def stored_period(text: str) -> Period | None:
    try:
        return parse_period(text)
    except ValueError:
        return None


def same_snapshot(a: Period, b: Period) -> bool:
    """Progress reports are snapshots: "717 tehtävää, joista 35 % valmiina" is the state at the end
    of the period reported on. So a requested period matches every stored report period that ends on
    the same day: ``2025-Q2`` finds a half-year report ``2025-H1``, ``2025`` finds a ``2025-Q4`` one."""
    return a.end == b.end


def _sql(name: str) -> str:
    return resources.files("nlp_pipeline").joinpath("sql", f"{name}.sql").read_text(encoding="utf-8")


def _rows(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> list[dict]:
    cur = con.execute(_sql(name), params or {})
    if cur.description is None:
        return []
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def _register_periods(con: duckdb.DuckDBPyConnection) -> dict[str, Period]:
    """Parse every period string the store holds once, in Python, into a temp table SQL can join."""
    stored = [r[0] for r in con.execute(
        "SELECT DISTINCT report_period FROM documents WHERE report_period IS NOT NULL "
        "UNION SELECT DISTINCT period FROM figures WHERE period IS NOT NULL").fetchall()]
    parsed = {text: p for text in stored if (p := stored_period(text))}
    con.execute("CREATE OR REPLACE TEMP TABLE draft_periods(period VARCHAR, start_date DATE, end_date DATE)")
    if parsed:
        con.executemany("INSERT INTO draft_periods VALUES (?, ?, ?)",
                        [(t, p.start, p.end) for t, p in parsed.items()])
    return parsed


def _check_filters(con: duckdb.DuckDBPyConnection, organisation: str | None, body: str | None,
                   goal: str | None) -> None:
    checks = (("organisation", organisation, "SELECT count(*) FROM documents WHERE organisation ILIKE ?"),
              ("body", body, "SELECT count(*) FROM documents WHERE body ILIKE ?"),
              ("goal", goal, "SELECT count(*) FROM goals WHERE name ILIKE ? OR goal_key = ?"))
    for what, text, query in checks:
        if text is None:
            continue
        args = [f"%{text}%"] + ([text] if what == "goal" else [])
        if not con.execute(query, args).fetchone()[0]:
            raise DraftError(f"no {what} matching {text!r} in the database")


def _value(row: dict, side: str) -> Value | None:
    if row[f"{side}_id"] is None:
        return None
    return Value(row[f"{side}_id"], row[f"{side}_value"], bool(row[f"{side}_approx"]), row[f"{side}_bound"],
                 row[f"{side}_denominator"], row[f"{side}_candidates"])


def _goal_state(row: dict, side: str) -> GoalState | None:
    if row[f"{side}_name"] is None:
        return None
    ids = (row[f"{side}_name_id"], row[f"{side}_owner_id"], row[f"{side}_status_id"])
    return GoalState(row[f"{side}_name"], row[f"{side}_owner"], row[f"{side}_status"],
                     row[f"{side}_status_phrase"], bool(row[f"{side}_reported"]),
                     tuple(dict.fromkeys(i for i in ids if i)))


def _scope(con, side: str, period: Period, base: dict[str, Value]) -> Scope:
    docs = con.execute(
        "SELECT doc_id, source, title, organisation, body, meeting_date, report_period FROM draft_docs"
        " WHERE side = ? ORDER BY meeting_date, doc_id", [side]).fetchall()
    goals = [r[0] for r in con.execute(
        "SELECT goal_key FROM draft_goals WHERE side = ? AND reported GROUP BY goal_key ORDER BY min(start_char)",
        [side]).fetchall()]
    return Scope(period.label, tuple(DocRef(*d) for d in docs), tuple(goals), base)


def _scope_reasons(then: Scope, now: Scope) -> tuple[str, ...]:
    reasons = []
    if then.reported_goals and now.reported_goals and set(then.reported_goals) != set(now.reported_goals):
        reasons.append("goals_differ")
    for subject in sorted(then.base_counts.keys() & now.base_counts.keys()):
        a, b = then.base_counts[subject].value, now.base_counts[subject].value
        if a > 0 and b > 0 and max(a, b) / min(a, b) >= SCOPE_RATIO:
            reasons.append(f"base_changed:{subject}")
    return tuple(reasons)


_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[-–•*]?\s*[A-ZÅÄÖ0-9\"”'])|\n\s*\n|\n(?=\s*[-–•*]\s)")
_BULLET = re.compile(r"^[-–•*]\s+")
MAX_SOURCE_CHARS = 300


def _enclosing_sentence(context: str, offset: int) -> str:
    """The sentence, list item or paragraph of ``context`` that contains character ``offset``,
    cut to MAX_SOURCE_CHARS around the offset when the text has no sentence breaks nearby."""
    start, end = 0, len(context)
    for m in _SENTENCE_END.finditer(context):
        if m.start() > offset:
            end = m.start()
            break
        start = m.end()
    if end - start > MAX_SOURCE_CHARS:
        start = max(start, offset - MAX_SOURCE_CHARS // 3)
        end = min(end, start + MAX_SOURCE_CHARS)
        return "…" + " ".join(context[start:end].split()) + "…"
    return _BULLET.sub("", " ".join(context[start:end].split()))


def _sources(con, ids: list[str]) -> dict[str, Source]:
    out = {}
    for r in _rows(con, "draft_sources", {"ids": ids}):
        sentence = " ".join((r["sentence"] or _enclosing_sentence(r["context"] or "", r["offset"] or 0)).split())
        out[r["id"]] = Source(r["id"], r["kind"], r["doc_id"], r["source"], r["title"], r["meeting_date"],
                              r["body"], r["section_kind"], sentence)
    return out


def _select(con: duckdb.DuckDBPyConnection, then_p: Period, now_p: Period, organisation: str | None,
            body: str | None, goal: str | None) -> None:
    """Fill the temp tables draft_docs, draft_goals and draft_figures; refuse a period without data."""
    stored = _register_periods(con)
    matching = {side: [t for t, p in stored.items() if same_snapshot(p, req)]
                for side, req in (("then", then_p), ("now", now_p))}
    _rows(con, "draft_documents", {"then_periods": matching["then"], "now_periods": matching["now"],
                                   "organisation": organisation, "body": body})
    where = "".join(f", {k} {v!r}" for k, v in (("organisation", organisation), ("body", body)) if v)
    for side, req in (("then", then_p), ("now", now_p)):
        if not con.execute("SELECT count(*) FROM draft_docs WHERE side = ?", [side]).fetchone()[0]:
            raise DraftError(f"no documents report on period {req.label}{where}")
    organisations = [r[0] for r in con.execute(
        "SELECT DISTINCT organisation FROM draft_docs WHERE organisation IS NOT NULL ORDER BY 1").fetchall()]
    if len(organisations) > 1:
        raise DraftError(f"documents of {len(organisations)} organisations report on these periods "
                         f"({', '.join(organisations)}): choose one with --organisation")
    _rows(con, "draft_goals", {"goal": goal})
    _rows(con, "draft_figures", {"goal": goal})
    for side, req in (("then", then_p), ("now", now_p)):
        facts = con.execute("SELECT (SELECT count(*) FROM draft_figures WHERE side = $s)"
                            " + (SELECT count(*) FROM draft_goals WHERE side = $s)", {"s": side}).fetchone()[0]
        if not facts:
            about = f", goal {goal!r}" if goal else ""
            raise DraftError(f"the documents of period {req.label} hold no figures or goals to compare"
                             f"{where}{about}")


def build_comparison(con: duckdb.DuckDBPyConnection, from_period: str, to_period: str,
                     organisation: str | None = None, body: str | None = None,
                     goal: str | None = None) -> Comparison:
    """Compare what the documents of two reporting periods say (matching rule: :func:`same_snapshot`).

    Raises DraftError for a bad period, an unknown organisation/body/goal, or a period without data.
    """
    then_p, now_p = requested_period(from_period), requested_period(to_period)
    if same_snapshot(then_p, now_p):
        raise DraftError(f"periods {then_p.label} and {now_p.label} end on the same day: nothing to compare")
    if then_p.end > now_p.end:
        raise DraftError(f"--from {then_p.label} ends after --to {now_p.label}: give the earlier period first")
    _check_filters(con, organisation, body, goal)
    _select(con, then_p, now_p, organisation, body, goal)

    base: dict[str, dict[str, Value]] = {"then": {}, "now": {}}
    for r in _rows(con, "draft_bases"):
        base[r["side"]][r["subject"]] = Value(r["figure_id"], r["value"], bool(r["approx"]), r["bound"])
    then, now = _scope(con, "then", then_p, base["then"]), _scope(con, "now", now_p, base["now"])
    reasons = _scope_reasons(then, now)
    base_ids = {v.figure_id for side in base.values() for v in side.values()}
    pairs = tuple(
        FigurePair(r["goal_key"], r["subject"], r["qualifier"], r["unit"], r["per"], r["unit_word"], _value(r, "then"),
                   _value(r, "now"), r["difference"], r["difference_unit"], r["relative_change"],
                   is_base=bool(base_ids & {r["then_id"], r["now_id"]}),
                   comparable=r["goal_key"] is not None or not reasons)
        for r in _rows(con, "draft_compare"))
    goals = tuple(GoalChange(r["goal_key"], r["change"], _goal_state(r, "then"), _goal_state(r, "now"))
                  for r in _rows(con, "draft_goal_changes"))
    baselines = tuple(Baseline(**r) for r in _rows(con, "draft_baselines"))
    ids = [i for p in pairs for i in p.ids] + [i for g in goals for i in g.ids] + [b.figure_id for b in baselines]
    return Comparison(then_p.label, now_p.label, organisation, body, goal, then, now, bool(reasons), reasons,
                      pairs, goals, baselines, _sources(con, list(dict.fromkeys(ids))))

"""From a Comparison to Finnish sentences, each carrying the ids of the figures and goals it states.

Wording comes from ``data/draft/templates.json`` through finnish.py; this module decides which
sentences a comparison calls for and in which order.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from .compare import Comparison, FigurePair, GoalChange, Value
from .finnish import (capitalise, count_phrase, figure_label, format_number, join_list, period_name, quantity, sentence,
                      split_item, split_subject, subject_form, templates)


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Block:
    heading: str | None
    level: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Draft:
    title: str
    meetings: str
    blocks: tuple[Block, ...]

    def sentences(self) -> list[Sentence]:
        return [s for b in self.blocks for s in b.sentences]


def _ids(*groups) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for g in groups for i in g if i))


def _amount(pair: FigurePair, side: str) -> str:
    v: Value = getattr(pair, side)
    return quantity(v.value, pair.unit, approx=v.approx, bound=v.bound, denominator=v.denominator,
                    unit_word=pair.unit_word, per=pair.per)


def tellable(pair: FigurePair) -> bool:
    """Whether a sentence about this pair would say something sound. Not when a period states
    different values for the same kind of figure (which to compare would be a guess), not for bare
    fractions ("tavoite oli 2/4" names no whole), and not when the subject is only the unit
    ("päivä: 9 päivää")."""
    unit_noun = templates()["units"].get(pair.unit)
    return not pair.ambiguous and pair.unit != "fraction" and pair.subject != unit_noun


class _Writer:
    def __init__(self, c: Comparison):
        self.c = c
        self.then = period_name(c.then.period)
        self.now = period_name(c.now.period)
        # base counts the scope sentence states: not repeated among the figures
        shared = c.then.base_counts.keys() & c.now.base_counts.keys() if c.scope_changed else ()
        self.in_scope = {s.base_counts[k].figure_id for s in (c.then, c.now) for k in shared}

    # -------------------------------------------------------------- figures
    def _direction(self, pair: FigurePair) -> str | None:
        """``laski 3 prosenttiyksikköä``; None where a change in words would say nothing sound."""
        if pair.difference is None or pair.unit in ("fraction", "score"):
            return None
        directions = templates()["directions"]
        if pair.difference == 0:
            return directions["same"]
        # a measure of change is an object: "nousi kaksi prosenttiyksikköä" but "nousi yhden prosenttiyksikön"
        if pair.relative_change is not None:
            amount = quantity(abs(round(pair.relative_change)), "percent", "accusative")
        elif pair.unit in templates()["units"] or pair.difference_unit == "percentage_point":
            amount = quantity(abs(pair.difference), pair.difference_unit, "accusative")
        else:
            amount = format_number(abs(pair.difference))
        return directions["up" if pair.difference > 0 else "down"].format(amount=amount)

    def _pair(self, pair: FigurePair) -> list[Sentence]:
        label = figure_label(pair.subject, pair.qualifier, pair.unit)
        out = [Sentence(sentence("pair", then=self.then, now=self.now, label=label,
                                 then_value=_amount(pair, "then"), now_value=_amount(pair, "now")), pair.ids)]
        direction = self._direction(pair)
        if pair.comparable and direction:
            out.append(Sentence(sentence("change", label=label, direction=direction), pair.ids))
        return out

    def _unmatched(self, pairs: list[FigurePair], side: str) -> list[Sentence]:
        """Figures stated in one period only: one sentence, however many there are."""
        if not pairs:
            return []
        period, other = (self.then, self.now) if side == "then" else (self.now, self.then)
        items = [(figure_label(p.subject, p.qualifier, p.unit), _amount(p, side)) for p in pairs]
        ids = _ids(*(p.ids for p in pairs))
        if len(items) == 1:
            return [Sentence(sentence("only_one", period=period, other=other, label=items[0][0],
                                      value=items[0][1]), ids)]
        listed = join_list([f"{label} {value}" for label, value in items])
        return [Sentence(sentence("only_many", period=period, other=other, items=listed), ids)]

    def _split(self, subject: str, shares: list[FigurePair]) -> list[Sentence]:
        """Shares of one whole (valmis / kesken / aloittamatta), one sentence per period."""
        order = list(templates()["qualifiers"])
        shares = sorted(shares, key=lambda p: (order.index(p.qualifier) if p.qualifier in order else len(order),
                                               p.qualifier))
        out = []
        for side, period in (("then", self.then), ("now", self.now)):
            present = [p for p in shares if getattr(p, side)]
            if present:
                items = join_list([split_item(p.qualifier, _amount(p, side)) for p in present])
                ids = tuple(getattr(p, side).figure_id for p in present)
                out.append(Sentence(sentence("split", period=period, subject=split_subject(subject), items=items),
                                    ids))
        for p in shares:
            direction = self._direction(p)
            if p.then and p.now and p.comparable and direction:
                label = figure_label(p.subject, p.qualifier, p.unit)
                out.append(Sentence(sentence("change", label=label, direction=direction), p.ids))
        return out

    def figures(self, goal_key: str | None) -> list[Sentence]:
        """Shares first, then the other pairs, then the document's own comparisons.

        Left out: what tellable rejects, base counts the scope sentence already states, and a figure
        stated in one period only when it is itself a difference (percentage points) or a baseline
        sentence already gives it.
        """
        in_baseline = {b.figure_id for b in self._baselines()}
        pairs = [p for p in self.c.pairs if p.goal_key == goal_key and tellable(p)
                 and not set(p.ids) <= self.in_scope
                 and (p.then and p.now or (p.unit != "percentage_point" and not in_baseline & set(p.ids)))]
        shares = [p for p in pairs if p.unit == "percent" and p.qualifier]
        out = []
        for subject, group in groupby(sorted(shares, key=lambda p: p.subject), key=lambda p: p.subject):
            out += self._split(subject, list(group))
        rest = [p for p in pairs if p not in shares]
        for pair in rest:
            if pair.then and pair.now:
                out += self._pair(pair)
        for side in ("then", "now"):
            out += self._unmatched([p for p in rest if getattr(p, side) and not (p.then and p.now)], side)
        return out + self.baselines(goal_key)

    def _baselines(self):
        """The document's own comparisons that can be told: a known subject, period and a change."""
        return [b for b in self.c.baselines
                if b.subject and b.difference and b.baseline_period and period_name(b.baseline_period)]

    def baselines(self, goal_key: str | None) -> list[Sentence]:
        out = []
        for b in self._baselines():
            if b.goal_key != goal_key:
                continue
            points = b.unit == "percentage_point"  # the figure is the difference itself
            unit = "percent" if points else b.unit
            fields = dict(period=self.then if b.side == "then" else self.now,
                          label=figure_label(b.subject, b.qualifier, unit),
                          value=quantity(b.value, b.unit, approx=b.approx),
                          difference=quantity(abs(b.difference), "percentage_point" if unit == "percent" else unit,
                                              "accusative"),
                          comparative=templates()["comparatives"]["up" if b.difference > 0 else "down"],
                          baseline_period=period_name(b.baseline_period),
                          baseline_value=quantity(b.baseline_value, unit))
            out.append(Sentence(sentence("baseline_points" if points else "baseline", **fields), (b.figure_id,)))
        return out

    # -------------------------------------------------------------- scope
    def _base_phrase(self, v: Value, subject: str) -> str:
        noun = subject_form(subject, "partitive") if v.value != 1 else subject_form(subject, "nominative")
        number = quantity(v.value, "count", approx=v.approx, bound=v.bound)
        return f"{number} {noun}" if noun else f"{number} (”{subject}”)"

    def scope(self) -> list[Sentence]:
        c = self.c
        goal_ids = _ids(*(s.ids for g in c.goals for s in (g.then, g.now) if s and s.reported))
        if not c.scope_changed:
            n = len(c.then.reported_goals)
            if n and n == len(c.now.reported_goals):
                return [Sentence(sentence("scope_same", goal_count=count_phrase(n, "tavoite", "accusative")),
                                 goal_ids)]
            return []
        # a scope change means both periods report goals, or both state a base count: parts never empty
        subjects = sorted(c.then.base_counts.keys() & c.now.base_counts.keys())
        parts = {}
        for side, scope in (("then", c.then), ("now", c.now)):
            goals = [count_phrase(len(scope.reported_goals), "tavoite")] if scope.reported_goals else []
            parts[side] = join_list(goals + [self._base_phrase(scope.base_counts[s], s) for s in subjects])
        base_ids = _ids(*((c.then.base_counts[s].figure_id, c.now.base_counts[s].figure_id) for s in subjects))
        ids = _ids(goal_ids, base_ids)
        return [Sentence(sentence("scope_goals", then=self.then, now=self.now, then_goals=parts["then"],
                                  now_goals=parts["now"]), ids),
                Sentence(sentence("scope_warning"), base_ids or ids)]

    # -------------------------------------------------------------- goals
    def goal(self, g: GoalChange) -> list[Sentence]:
        """Owner, wording, status and figures of one goal; each sentence cites the rows it read."""
        out = []
        then, now = g.then, g.now
        with_owner = [s for s in (then, now) if s and s.owner]
        owner_ids = _ids(*(s.ids for s in with_owner))
        if len({s.owner for s in with_owner}) == 2:
            out.append(Sentence(sentence("goal_owner_changed", then=self.then, now=self.now,
                                         then_owner=then.owner, now_owner=now.owner), owner_ids))
        elif with_owner:
            key = "goal_owner_both" if len(with_owner) == 2 else "goal_owner"
            period = self.then if with_owner[0] is then else self.now
            out.append(Sentence(sentence(key, period=period, owner=with_owner[0].owner), owner_ids))
        if g.change == "kept" and then.name != now.name:
            out.append(Sentence(sentence("goal_renamed", then=self.then, name=then.name), then.ids))
        statuses = templates()["statuses"]
        said = [(s, statuses[s.status], p) for s, p in ((then, self.then), (now, self.now))
                if s and s.status in statuses]
        status_ids = _ids(*(s.ids for s, _, _ in said))
        if len(said) == 2 and said[0][1] == said[1][1]:
            out.append(Sentence(sentence("goal_status_same", status=said[0][1], then=self.then, now=self.now),
                                status_ids))
        elif len(said) == 2:
            out.append(Sentence(sentence("goal_status_changed", then=self.then, now=self.now,
                                         then_status=said[0][1], now_status=said[1][1]), status_ids))
        elif said:
            out.append(Sentence(sentence("goal_status_one", period=said[0][2], status=said[0][1]), status_ids))
        if g.change in ("appeared", "disappeared"):
            out.append(Sentence(sentence(f"goal_{g.change}", then=self.then, now=self.now), g.ids))
        return out + self.figures(g.goal_key)

    def goal_summary(self) -> list[Sentence]:
        out = []
        for change in ("disappeared", "appeared"):
            goals = [g for g in self.c.goals if g.change == change]
            if goals:
                names = join_list([f"”{g.name}”" for g in goals])
                case = "elative" if change == "disappeared" else "nominative"
                out.append(Sentence(sentence(f"goals_{change}", then=self.then, now=self.now, names=names,
                                             count=count_phrase(len(goals), "tavoite", case)),
                                    _ids(*(g.ids for g in goals))))
        return out


MAX_LISTED_DOCUMENTS = 8


def _meetings(c: Comparison) -> str:
    """The documents compared, as body, date and title; the same item stored twice is named once."""
    parts = []
    for d in c.then.documents + c.now.documents:
        when = f"{d.meeting_date:%-d.%-m.%Y}" if d.meeting_date else None
        head = " ".join(x for x in (d.body, when) if x) or d.source
        parts.append(f"{head} (”{d.title}”)" if d.title else head)
    parts = list(dict.fromkeys(parts))
    if len(parts) > MAX_LISTED_DOCUMENTS:
        rest = count_phrase(len(parts) - MAX_LISTED_DOCUMENTS, "muu asiakirja")
        parts = parts[:MAX_LISTED_DOCUMENTS] + [rest]
    return sentence("meetings", meetings=join_list(parts))


def compose(c: Comparison) -> Draft:
    w = _Writer(c)
    heads = templates()["headings"]
    title = heads["title"].format(then_nominative=period_name(c.then.period, "nominative"),
                                  now_nominative=period_name(c.now.period, "nominative"))
    blocks = [Block(heads["scope"], 2, tuple(w.scope())),
              Block(heads["figures"], 2, tuple(w.figures(None)))]
    shown = [g for g in c.goals if g.change != "mentioned"]
    if shown:
        blocks.append(Block(heads["goals"], 2, tuple(w.goal_summary())))
        blocks += [Block(f"”{g.name}”", 3, tuple(w.goal(g))) for g in shown]
    return Draft(capitalise(title), _meetings(c), _drop_empty(blocks))


def _drop_empty(blocks: list[Block]) -> tuple[Block, ...]:
    """Leave out blocks with nothing to say; a heading stays while a sub-block under it has text."""
    kept: list[Block] = []
    for block in reversed(blocks):
        block = Block(block.heading, block.level, _merge_repeats(block.sentences))
        if block.sentences or (kept and kept[0].level > block.level):
            kept.insert(0, block)
    return tuple(kept)


def _merge_repeats(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """Two reports of one period saying the same thing give one sentence citing both."""
    merged: dict[str, tuple[str, ...]] = {}
    for s in sentences:
        merged[s.text] = _ids(merged.get(s.text, ()), s.ids)
    return tuple(Sentence(text, ids) for text, ids in merged.items())

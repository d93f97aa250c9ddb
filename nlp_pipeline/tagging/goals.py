"""Document-level goals: mentions across sections clustered into one Goal per goal.

A goal is named in a list, reported on under a heading or in quotes, and given an owner in a
list elsewhere; all of these mentions are clustered by lemma-normalised fuzzy similarity, never
joining two mentions of one enumeration (those are different goals by construction).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from ..model import Goal, GoalKeyBasis, SegmentedDocument
from ..nlp import text_of
from ..periods import find_period_mentions
from .finder import _has_goal_cue
from .resources import lexicon

SAME_GOAL = 80  # rapidfuzz score at which two names are one goal
KIND_RANK = {"list": 0, "intro": 1, "owner_list": 2, "quote": 3, "paren": 4, "heading": 5, "model": 6}
STOPWORDS = {"ja", "sekä", "tai", "eli", "och", "samt"}
STEM_CHARS = 5  # Finnish inflects at the end: a 5-letter prefix survives case and gradation mostly


@dataclass
class Mention:
    span: Span
    section: int
    offset: int
    kind: str
    group: tuple[int, int] | None

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char

    @property
    def lemmas(self) -> list[str]:
        return lemma_tokens(self.span)


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def main(self) -> Mention:
        return min(self.mentions, key=lambda m: (KIND_RANK[m.kind], m.start))


def lemma_tokens(span: Span) -> list[str]:
    return [t.lemma_.lower() for t in span if t.is_alpha and t.lower_ not in STOPWORDS]


def stem_tokens(text: str) -> list[str]:
    return [w[:STEM_CHARS] for w in re.findall(r"\w+", text.lower()) if w not in STOPWORDS and not w.isdigit()]


def similarity(a: list[str], b: list[str]) -> float:
    """Order-free fuzzy score; a name contained in a longer one (a subtitle added) counts as equal."""
    x, y = " ".join(a), " ".join(b)
    score = fuzz.token_sort_ratio(x, y)
    if min(len(a), len(b)) >= 3:
        score = max(score, fuzz.token_set_ratio(x, y))
    return score


def name_similarity(m: Mention, other: Mention) -> float:
    return max(similarity(m.lemmas, other.lemmas), similarity(stem_tokens(m.span.text), stem_tokens(other.span.text)))


def _section_offset(doc: Doc, document: SegmentedDocument, i: int) -> int:
    ctx = doc._.context
    if ctx is not None:
        return ctx.offset
    return document.sections[i].start_char


def _mentions(section_docs: list[Doc], document: SegmentedDocument) -> list[Mention]:
    out = []
    for i, doc in enumerate(section_docs):
        info = doc._.goal_info or {}
        offset = _section_offset(doc, document, i)
        for ent in doc.ents:
            if ent.label_ != "GOAL":
                continue
            # a model guess stands only near a goal word (the component checked: has_model_cue)
            meta = info.get((ent.start_char, ent.end_char)) or {"kind": "model", "group": None}
            group = (i, meta["group"]) if meta["group"] is not None else None
            out.append(Mention(ent, i, offset, meta["kind"], group))
    return out


def _cluster(mentions: list[Mention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    for m in sorted(mentions, key=lambda m: (KIND_RANK[m.kind], m.start)):
        best, best_score = None, SAME_GOAL
        for c in clusters:
            if m.group is not None and any(o.group == m.group for o in c.mentions):
                continue
            score = max(name_similarity(m, o) for o in c.mentions)
            if score >= best_score:
                best, best_score = c, score
        if best is None:
            clusters.append(Cluster([m]))
        else:
            best.mentions.append(m)
    return sorted(clusters, key=lambda c: c.main.start)


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _local_scopes(doc: Doc, mentions: list[Mention]) -> list[tuple[Mention, int, int]]:
    """Heading mentions reach to the next paragraph that names a goal; inline ones to the next mention."""
    text = text_of(doc)
    ordered = sorted(mentions, key=lambda m: m.span.start_char)
    scopes = []
    for k, m in enumerate(ordered):
        later = [o.span.start_char for o in ordered[k + 1:]]
        if m.kind == "heading":
            para_end = _paragraph(text, m.span.start_char)[1]
            next_para = [_paragraph(text, s)[0] for s in later if s > para_end]
            end = min(next_para[:1] + [_next_heading(text, para_end), _next_collective_paragraph(doc, para_end)])
        else:
            para_end = _paragraph(text, m.span.start_char)[1]
            end = min([s for s in later if s < para_end] + [para_end])
        scopes.append((m, m.span.start_char, end))
    return scopes


def _next_collective_paragraph(doc: Doc, pos: int) -> int:
    """Start of the next paragraph that opens about goals together, else the end.

    "Kahden (2/4) tavoitteen osalta …", "Tavoitteiden toteutuminen …": the word tavoite counted or
    plural in the opening sentence sums up all goals, so the last goal's heading does not reach it.
    """
    text = text_of(doc)
    for m in re.finditer(r"\n\s*\n[ \t\xa0]*(?=\S)", text[pos:]):
        start = pos + m.end()
        end = text.find("\n", start)
        span = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
        if span is None:
            continue
        if any(_counts_goals(t) for t in next(iter(span.sents))):
            return start
    return len(text)


def _counts_goals(tok) -> bool:
    return _has_goal_cue([tok.lemma_.lower()]) and (
        "Plur" in tok.morph.get("Number") or any(c.dep_ == "nummod" for c in tok.children))


HEADING_LINE_RE = re.compile(r"^[ \t\xa0]*([^\n]{3,120}?)[ \t\xa0]*$", re.M)


def _next_heading(text: str, pos: int) -> int:
    """Start of the next short stand-alone line without closing punctuation (a heading), else the end."""
    for m in HEADING_LINE_RE.finditer(text, pos):
        line = m.group(1)
        if len(line.split()) <= 12 and not line.rstrip().endswith((".", ":", ",", ";", "!", "?")) and line[0].isupper():
            return m.start(1)
    return len(text)


def _status_order() -> dict[str, int]:
    return {s: i for i, s in enumerate(lexicon()["status_order"])}


def _choose_status(phrases: list[Span]) -> tuple[str | None, str | None]:
    """The most severe readable status; the first phrase when none was readable."""
    if not phrases:
        return None, None
    order = _status_order()
    readable = [p for p in phrases if p._.status is not None]
    if not readable:
        return None, phrases[0].text
    worst = min(readable, key=lambda p: (order[p._.status], p.start_char))
    return worst._.status, worst.text


def _status(cluster: Cluster, section_docs: list[Doc], scopes: dict[int, list]) -> tuple[str | None, str | None]:
    primary, secondary = [], []
    for sec in {m.section for m in cluster.mentions}:
        doc = section_docs[sec]
        mention_sents = {m.span.sent.start for m in cluster.mentions if m.section == sec}
        ranges = [(s, e) for m, s, e in scopes[sec] if m in cluster.mentions]
        for ent in doc.ents:
            if ent.label_ != "PROGRESS":
                continue
            in_scope = any(s <= ent.start_char < e for s, e in ranges)
            if ent.sent.start in mention_sents or (in_scope and _has_goal_cue([t.lemma_.lower() for t in ent.sent])):
                primary.append(ent)
            elif in_scope:
                secondary.append(ent)
    if primary:
        return _choose_status(primary)
    return _choose_status(secondary[:1])


def _owner(cluster: Cluster, section_docs: list[Doc]) -> str | None:
    for m in sorted(cluster.mentions, key=lambda m: KIND_RANK[m.kind]):
        doc = section_docs[m.section]
        for goal_chars, (os_, oe) in doc._.owner_links or []:
            if goal_chars == (m.span.start_char, m.span.end_char):
                return text_of(doc)[os_:oe]
    for m in cluster.mentions:  # an OWNER the model found in a sentence about this goal alone
        doc = section_docs[m.section]
        sent = m.span.sent
        goals_here = [e for e in sent.ents if e.label_ == "GOAL"]
        owners = [e for e in sent.ents if e.label_ == "OWNER"]
        if owners and len(goals_here) == 1:
            return owners[0].text
    return None


def _period(cluster: Cluster, document: SegmentedDocument) -> str | None:
    if document.meta.report_period:
        return document.meta.report_period
    found = find_period_mentions(cluster.main.span.sent.text)
    return found[0].label if found else None


def _slug(lemmas: list[str]) -> str:
    return "-".join(lemmas[:10]) or "goal"


def key_basis(cluster: Cluster) -> GoalKeyBasis:
    return GoalKeyBasis(tuple(cluster.main.lemmas), tuple(m.span.text for m in cluster.mentions))


def resolve_keys(bases: list[GoalKeyBasis], known_keys: dict[str, str] | None) -> list[str]:
    """Known keys claimed one-to-one by best score; the rest get a lemma slug of their main name."""
    keys: list[str | None] = [None] * len(bases)
    if known_keys:
        pairs = []
        for ci, b in enumerate(bases):
            for key, rep in known_keys.items():
                score = max(
                    similarity(list(b.lemmas), key.split("-")),
                    max(similarity(stem_tokens(name), stem_tokens(rep)) for name in b.names),
                )
                if score >= SAME_GOAL:
                    pairs.append((score, ci, key))
        used = set()
        for score, ci, key in sorted(pairs, reverse=True):
            if keys[ci] is None and key not in used:
                keys[ci] = key
                used.add(key)
    taken = {k for k in keys if k}
    for ci, b in enumerate(bases):
        if keys[ci] is None:
            base = key = _slug(list(b.lemmas))
            n = 2
            while key in taken:
                key, n = f"{base}-{n}", n + 1
            keys[ci] = key
            taken.add(key)
    return keys  # type: ignore[return-value]


def goal_id(doc_id: str, goal_key: str) -> str:
    return hashlib.sha256(f"{doc_id}\x1f{goal_key}".encode()).hexdigest()[:20]


def _analyse(section_docs: list[Doc], document: SegmentedDocument):
    mentions = _mentions(section_docs, document)
    clusters = _cluster(mentions)
    scopes = {i: _local_scopes(doc, [m for m in mentions if m.section == i]) for i, doc in enumerate(section_docs)}
    return clusters, scopes


def build_goals(section_docs: list[Doc], document: SegmentedDocument, known_keys: dict[str, str] | None = None) -> list[Goal]:
    """One Goal per goal the document names; [] when it names none."""
    clusters, scopes = _analyse(section_docs, document)
    goals = []
    bases = [key_basis(c) for c in clusters]
    for cluster, basis, key in zip(clusters, bases, resolve_keys(bases, known_keys)):
        status, phrase = _status(cluster, section_docs, scopes)
        main = cluster.main
        goals.append(Goal(
            goal_id=goal_id(document.doc_id, key), name=main.span.text, goal_key=key,
            owner=_owner(cluster, section_docs), status=status, status_phrase=phrase,
            period=_period(cluster, document), start_char=main.start, end_char=main.end,
            scopes=_cluster_scopes(cluster, scopes), key_basis=basis,
        ))
    return goals


def _cluster_scopes(cluster: Cluster, scopes: dict[int, list]) -> tuple[tuple[int, int], ...]:
    ranges = [(m.offset + s, m.offset + e) for sec in scopes.values() for m, s, e in sec if m in cluster.mentions]
    return tuple(sorted(ranges))


def goal_scopes(goals: list[Goal], document: SegmentedDocument) -> list[tuple[str, int, int]]:
    """Character ranges of documents.text about each goal, for linking figures to goals.

    A goal's heading reaches to the next paragraph that names a goal; a mention inside a paragraph
    reaches to the next mention or the paragraph end ("tavoitteeseen 'A' liittyen 22 … ja
    tavoitteeseen 'B' liittyen 23 …" gives 22 to A and 23 to B).
    """
    return sorted(((g.goal_id, s, e) for g in goals for s, e in g.scopes), key=lambda r: (r[1], r[2]))

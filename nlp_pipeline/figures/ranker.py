"""A learned last resort for a figure's subject: which noun of its sentence, if any, the figure measures.

The rules in ``component.py`` read the constructions they know; where none applies they used to take the noun
before the figure in its clause, right for about half the figures that reach that point on unseen text. This
ranker scores every noun of the sentence, and the choice "no subject", with a log-linear model over the
dependency relation between the noun and the figure, its case, side and distance, the unit, and how close the
noun's floret vector lies to the subjects seen with that unit in the gold (``kustannus``, ``määräraha`` for
euros; ``matka`` for kilometres). Vectors carry that preference to nouns the gold never had.

Trained by ``agenda-nlp train subject-ranker`` on the tuned figures gold (never the test split or val4); the
weights and the per-unit centroids are one JSON file under ``models/subject_ranker/``.
"""
from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

NO_SUBJECT = "<none>"
CLAUSE_HEADS = ("VERB", "AUX")


@dataclass(frozen=True)
class Example:
    """One figure: per option (each candidate noun, then "no subject") its features; ``gold`` the right option."""
    options: list[dict[str, float]]
    gold: int


def _case(tok: Token) -> str:
    case = tok.morph.get("Case")
    return case[0] if case else "-"


def _bucket(distance: int) -> str:
    return str(distance) if distance <= 3 else "4-6" if distance <= 6 else "7-12" if distance <= 12 else "far"


def _anchor(first: Token, last: Token) -> Token:
    """The figure's syntactic root: the token of its span whose head lies outside it."""
    span = first.doc[first.i: last.i + 1]
    return next((t for t in span if not first.i <= t.head.i <= last.i or t.head.i == t.i), last)


def _clause_head(tok: Token) -> Token:
    while tok.pos_ not in CLAUSE_HEADS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _relation(noun: Token, anchor: Token) -> str:
    if noun.i == anchor.head.i:
        return "head"
    if noun.head.i == anchor.i:
        return "child"
    if noun.head.i == anchor.head.i:
        return "sibling"
    if noun.i == anchor.head.head.i:
        return "grandhead"
    if noun in anchor.ancestors:
        return "ancestor"
    return "clause" if _clause_head(noun).i == _clause_head(anchor).i else "other"


def _in_parentheses(tok: Token) -> bool:
    before = tok.doc[tok.sent.start: tok.i]
    return sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before)


class SubjectRanker:
    def __init__(self, weights: dict[str, float] | None = None, centroids: dict[str, list[float]] | None = None):
        self.weights = weights or {}
        self.centroids = {unit: np.asarray(v, dtype="float32") for unit, v in (centroids or {}).items()}

    # ------------------------------------------------------------------ features

    def features(self, noun: Token, first: Token, last: Token, unit: str) -> dict[str, float]:
        anchor = _anchor(first, last)
        side = "after" if noun.i > last.i else "before"
        distance = noun.i - last.i if side == "after" else first.i - noun.i
        case, dep, rel = _case(noun), noun.dep_, _relation(noun, anchor)
        feats = {
            f"dep={dep}": 1.0, f"case={case}": 1.0, f"rel={rel}": 1.0, f"rel={rel}|dep={dep}": 1.0,
            f"pos={side}{_bucket(distance)}": 1.0, f"side={side}|case={case}": 1.0,
            f"unit={unit}|case={case}": 1.0, f"unit={unit}|dep={dep}": 1.0, f"unit={unit}|rel={rel}": 1.0,
            f"anchor={anchor.dep_}|dep={dep}": 1.0, "fit": self.fit(noun, unit),
        }
        if _in_parentheses(noun):
            feats["parenthesised"] = 1.0
        if noun.i == next((t.i for t in noun.sent if t.pos_ == "NOUN"), -1):
            feats["first_noun"] = 1.0
        return feats

    def no_subject_features(self, first: Token, last: Token, unit: str) -> dict[str, float]:
        return {"none": 1.0, f"none|unit={unit}": 1.0, f"none|anchor={_anchor(first, last).dep_}": 1.0}

    def fit(self, noun: Token, unit: str) -> float:
        """Cosine of the noun's vector to the unit's centroid of gold subjects (0 without either)."""
        centroid = self.centroids.get(unit)
        vector = noun.vector
        if centroid is None or not vector.any():
            return 0.0
        return float(vector @ centroid / (np.linalg.norm(vector) * np.linalg.norm(centroid) + 1e-9))

    def options(self, nouns: Sequence[Token], first: Token, last: Token, unit: str) -> list[dict[str, float]]:
        return [self.features(n, first, last, unit) for n in nouns] + [self.no_subject_features(first, last, unit)]

    # ------------------------------------------------------------------ use

    def score(self, feats: dict[str, float]) -> float:
        return sum(self.weights.get(name, 0.0) * value for name, value in feats.items())

    def choose(self, nouns: Sequence[Token], first: Token, last: Token, unit: str) -> Token | None:
        """The best noun, or None when "no subject" scores highest."""
        scores = [self.score(f) for f in self.options(nouns, first, last, unit)]
        best = max(range(len(scores)), key=scores.__getitem__)
        return nouns[best] if best < len(nouns) else None

    # ------------------------------------------------------------------ training

    def train(self, examples: Sequence[Example], seed: int = 0, epochs: int = 40, rate: float = 0.1,
              l2: float = 1e-3) -> None:
        """Softmax over each figure's options, trained by AdaGrad in a seeded order."""
        rng = random.Random(seed)
        order = list(range(len(examples)))
        weights: dict[str, float] = {}
        squares: dict[str, float] = {}
        for _ in range(epochs):
            rng.shuffle(order)
            for k in order:
                ex = examples[k]
                scores = np.array([sum(weights.get(n, 0.0) * v for n, v in f.items()) for f in ex.options])
                probs = np.exp(scores - scores.max())
                probs /= probs.sum()
                grad: dict[str, float] = {}
                for p, feats, is_gold in zip(probs, ex.options, (i == ex.gold for i in range(len(ex.options)))):
                    for name, value in feats.items():
                        grad[name] = grad.get(name, 0.0) + (p - is_gold) * value
                for name, g in grad.items():
                    g += l2 * weights.get(name, 0.0)
                    squares[name] = squares.get(name, 0.0) + g * g
                    weights[name] = weights.get(name, 0.0) - rate * g / (squares[name] ** 0.5 + 1e-8)
        self.weights = {n: round(w, 5) for n, w in sorted(weights.items()) if abs(w) > 1e-5}

    def set_centroids(self, subjects_by_unit: dict[str, list[np.ndarray]]) -> None:
        self.centroids = {u: np.mean(vs, axis=0).astype("float32") for u, vs in subjects_by_unit.items() if vs}

    def accuracy(self, examples: Sequence[Example]) -> float:
        right = sum(
            max(range(len(ex.options)), key=lambda i: self.score(ex.options[i])) == ex.gold for ex in examples)
        return right / len(examples) if examples else 0.0

    # ------------------------------------------------------------------ serialisation

    def to_disk(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"weights": self.weights,
                "centroids": {u: [round(float(x), 4) for x in v] for u, v in sorted(self.centroids.items())}}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")

    @classmethod
    def from_disk(cls, path: Path) -> "SubjectRanker":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["centroids"])


def noun_candidates(scope: Span, first: Token, last: Token, eligible: Callable[[Token], bool]) -> list[Token]:
    """The nouns of ``scope`` outside the figure's span that ``eligible`` admits."""
    return [t for t in scope if t.pos_ == "NOUN" and not first.i <= t.i <= last.i and eligible(t)]

"""Scoring against the gold in ``corpus/gold/``; gold points into ``../shared`` files by name and offsets."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO_ROOT / "corpus" / "gold"


def shared_dir() -> Path:
    """The shared material: ``$AGENDA_NLP_SHARED`` or ``../shared`` beside the repository."""
    configured = os.environ.get("AGENDA_NLP_SHARED")
    path = Path(configured) if configured else REPO_ROOT.parent / "shared"
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: shared material not found (set AGENDA_NLP_SHARED)")
    return path


def load_gold(path: Path | None, default_name: str, split: str = "all") -> list[dict]:
    path = path or GOLD_DIR / default_name
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no gold file")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if split == "all" or r.get("split") == split]


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return f"{name:<14} {self.precision:6.3f} {self.recall:6.3f} {self.f1:6.3f} {self.tp + self.fn:6d}"

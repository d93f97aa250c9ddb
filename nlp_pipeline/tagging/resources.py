"""Where the tagging data and trained models live, and the lemma lists the rules read."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "tagging"
PATTERNS_PATH = DATA_DIR / "patterns.jsonl"
LEXICON_PATH = DATA_DIR / "lexicon.json"

NER_MODEL = "goal_ner"
STATUS_MODEL = "status_textcat"
STATUSES = ("on_track", "at_risk", "off_track", "done", "not_started")
OUR_LABELS = ("GOAL", "PRIORITY", "OWNER", "ROLE", "PROGRESS", "PERIOD", "METRIC")
MODEL_LABELS = ("GOAL", "PRIORITY", "OWNER", "METRIC")


def models_dir() -> Path:
    """Trained models ship in ``models/`` at the repository root, beside the package.

    An editable install (``pip install -e .``) resolves it relative to this file; a deployment
    that keeps the models elsewhere points ``AGENDA_NLP_MODELS`` at that folder.
    """
    env = os.environ.get("AGENDA_NLP_MODELS")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "models"


def repo_dir() -> Path:
    return Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(LEXICON_PATH.read_text(encoding="utf-8"))


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]

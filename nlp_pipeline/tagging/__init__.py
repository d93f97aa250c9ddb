"""Finnish entity tagging, goal extraction and progress status.

``add_components(nlp)`` puts the registered factories after the stock ``ner``; ``entities`` and
``build_goals`` read the processed section Docs. Trained models live in ``models/`` (see
:func:`nlp_pipeline.tagging.resources.models_dir`).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Entity
from . import components, finder  # noqa: F401  (registers the factories)
from .goals import build_goals, goal_scopes
from .resources import NER_MODEL, STATUS_MODEL

PIPES = ("agenda_entity_fixes", "agenda_rules", "agenda_goal_finder", "agenda_span_model", "agenda_merge", "agenda_status")


def add_components(nlp: Language) -> None:
    for name in PIPES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)


def entities(doc: Doc) -> list[Entity]:
    """``doc.ents`` as records, offsets relative to ``doc.text``."""
    return [
        Entity(label=e.label_, text=e.text, lemma=" ".join(t.lemma_ for t in e), start_char=e.start_char, end_char=e.end_char)
        for e in doc.ents
    ]


def __getattr__(name: str):
    # Training pulls in the corpus readers; only the CLI and tests need it.
    if name in ("train_ner", "train_classifier", "evaluate_ner", "evaluate_classifier"):
        from . import training

        return getattr(training, name)
    raise AttributeError(name)


__all__ = ["add_components", "entities", "build_goals", "goal_scopes", "train_ner", "train_classifier",
           "evaluate_ner", "evaluate_classifier", "NER_MODEL", "STATUS_MODEL"]

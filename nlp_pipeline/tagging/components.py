"""Registered spaCy components of the tagging layer.

Order in the pipeline (after the stock ``ner``):
``agenda_entity_fixes`` -> ``agenda_rules`` -> ``agenda_goal_finder`` -> ``agenda_span_model``
-> ``agenda_merge`` -> ``agenda_status``. Every candidate layer writes to its own span group;
``agenda_merge`` alone decides ``doc.ents``.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from ..nlp import text_of
from .resources import NER_MODEL, PATTERNS_PATH, STATUS_MODEL, lexicon, models_dir, read_jsonl

log = logging.getLogger(__name__)

RULES_KEY = "agenda_rules"
GOALS_KEY = "agenda_goals"
MODEL_KEY = "agenda_model"
STATUS_MIN_SCORE = 0.45

if not Span.has_extension("status"):
    Span.set_extension("status", default=None)
    Span.set_extension("status_score", default=None)

PHONE_RE = re.compile(r"(?:\b(?:puh|p|tel|gsm|mob)\.?:?\s*)?(?:\+358\s?|\b0)\d{1,3}[\s-]?\d{3}[\s-]?\d{2,4}\b", re.I)
PERIOD_RE = re.compile(r"^[QH][1-4](?:\b|/|:)")
DATE_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$")
# Stock labels the model hands to capitalised common nouns at sentence or list starts.
COMMON_NOUN_PRONE = {"PRODUCT", "NORP", "EVENT", "WORK_OF_ART", "LANGUAGE"}


def is_finnish(doc: Doc) -> bool:
    ctx = doc._.context if Doc.has_extension("context") else None
    return ctx is None or getattr(ctx, "lang", "fi") in ("fi", None)


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return Span(span.doc, start, end, span.label_) if end > start else None


@Language.factory("agenda_entity_fixes", default_config={})
def make_entity_fixes(nlp: Language, name: str) -> "EntityFixes":
    return EntityFixes()


class EntityFixes:
    """Corrects the stock model's known errors on agenda text.

    Phone numbers are not MONEY or CARDINAL, ``Q1`` is a period and not an ORG or PERSON,
    ``16.12.2025`` is a DATE, and a capitalised common noun is not a PRODUCT.
    """

    def __call__(self, doc: Doc) -> Doc:
        phones = [m.span() for m in PHONE_RE.finditer(text_of(doc))]
        finnish = is_finnish(doc)
        fixed = []
        for ent in doc.ents:
            ent = _trim(ent)
            if ent is None or any(s < ent.end_char and ent.start_char < e for s, e in phones):
                continue
            if PERIOD_RE.match(ent.text):
                ent = Span(doc, ent.start, ent.end, "PERIOD")
            elif ent.label_ == "CARDINAL" and DATE_RE.match(ent.text):
                ent = Span(doc, ent.start, ent.end, "DATE")
            elif finnish and ent.label_ in COMMON_NOUN_PRONE and not any(t.pos_ == "PROPN" for t in ent):
                continue
            fixed.append(ent)
        doc.ents = fixed
        return doc


@Language.factory("agenda_rules", default_config={"patterns_path": ""})
def make_rules(nlp: Language, name: str, patterns_path: str) -> "AgendaRules":
    return AgendaRules(nlp, Path(patterns_path) if patterns_path else PATTERNS_PATH)


class AgendaRules:
    """PROGRESS, PERIOD and ROLE patterns (lemma-based, data in ``patterns.jsonl``) for Finnish text."""

    def __init__(self, nlp: Language, patterns_path: Path):
        self.ruler = SpanRuler(nlp, name="agenda_rules_inner", spans_key=RULES_KEY, annotate_ents=False,
                               overwrite=True, validate=True)
        self.ruler.add_patterns(read_jsonl(patterns_path))

    def __call__(self, doc: Doc) -> Doc:
        if not is_finnish(doc):
            doc.spans[RULES_KEY] = []
            return doc
        doc = self.ruler(doc)
        trimmed = (_trim_edges(s) for s in doc.spans[RULES_KEY])
        doc.spans[RULES_KEY] = spacy.util.filter_spans([s for s in trimmed if s is not None])
        return doc


EDGE_WORDS = {"mutta", "kuitenkin", "silti"}


def _trim_edges(span: Span) -> Span | None:
    """Patterns may anchor on a conjunction or the closing punctuation; the phrase itself excludes them."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in EDGE_WORDS:
        start += 1
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    return Span(span.doc, start, end, span.label_) if end > start else None


class _InnerModel:
    """A trained pipeline under ``models/`` run on a token copy of the Doc (its own vocab and tok2vec)."""

    def __init__(self, model_name: str):
        path = models_dir() / model_name
        self.nlp = spacy.load(path) if (path / "config.cfg").exists() else None
        if self.nlp is None:
            log.warning("trained model %s not found; train it with `agenda-nlp train`", path)

    def copy(self, doc: Doc) -> Doc:
        return Doc(self.nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


@Language.factory("agenda_span_model", default_config={"model_name": NER_MODEL})
def make_span_model(nlp: Language, name: str, model_name: str) -> "SpanModel":
    return SpanModel(model_name)


class SpanModel(_InnerModel):
    """The trained NER for GOAL, PRIORITY, OWNER and METRIC, where rules do not reach."""

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 64):
        for doc in docs:
            if self.nlp is None or not is_finnish(doc) or not _any_model_cue(doc):
                doc.spans[MODEL_KEY] = []  # every guess would be dropped for want of a cue: skip the model
            else:
                pred = self.nlp(self.copy(doc))
                spans = [Span(doc, e.start, e.end, e.label_) for e in pred.ents]
                doc.spans[MODEL_KEY] = [s for s in spans if has_model_cue(s)]
            yield doc


def _any_model_cue(doc: Doc) -> bool:
    cues = {c for words in lexicon()["model_cues"].values() for c in words}
    return any(t.lemma_.lower() in cues for t in doc)


def has_model_cue(span: Span) -> bool:
    """A model guess stands only near a word that licenses its label (tavoite, painopiste, omistaja, mittari …).

    The model learnt layouts from synthetic reports; the cue keeps it from calling every short
    line of a decision a goal or every signature an owner.
    """
    lex = lexicon()
    cues = set(lex["model_cues"][span.label_])
    doc = span.doc
    sent = span.sent
    window = list(doc[max(sent.start, span.start - lex["model_cue_window"]):min(sent.end, span.end + 5)])
    if span.label_ == "GOAL" and _is_own_line(span) and sent.end < len(doc):
        window += list(_next_sentence(doc, sent.end))
    return any(t.lemma_.lower() in cues for t in window if not span.start <= t.i < span.end)


def _is_own_line(span: Span) -> bool:
    """A heading: the span is all there is on its line."""
    text = text_of(span.doc)
    before = text[text.rfind("\n", 0, span.start_char) + 1:span.start_char]
    after_end = text.find("\n", span.end_char)
    after = text[span.end_char:len(text) if after_end < 0 else after_end]
    return not before.strip() and not after.strip()


def _next_sentence(doc: Doc, i: int) -> Span:
    """The first sentence after token ``i`` that holds words (a heading is followed by its text)."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i].sent if i < len(doc) else doc[i:i]


@Language.factory("agenda_merge", default_config={})
def make_merge(nlp: Language, name: str) -> "Merge":
    return Merge()


class Merge:
    """Chooses ``doc.ents``: goal-finder spans, then rules, then the trained model, then the stock NER.

    Within a layer longer spans win; a span never overlaps one already chosen.
    """

    def __call__(self, doc: Doc) -> Doc:
        layers = [doc.spans.get(GOALS_KEY, []), doc.spans.get(RULES_KEY, []), doc.spans.get(MODEL_KEY, []), doc.ents]
        taken = [False] * len(doc)
        chosen = []
        for layer in layers:
            for span in sorted(layer, key=lambda s: (-(s.end - s.start), s.start)):
                if span.end > span.start and not any(taken[span.start:span.end]):
                    chosen.append(Span(doc, span.start, span.end, span.label_))
                    taken[span.start:span.end] = [True] * (span.end - span.start)
        doc.ents = sorted(chosen, key=lambda s: s.start)
        return doc


def status_context(span: Span) -> str:
    """The clause a progress phrase sits in: what the status classifier reads."""
    return _clause(span).text.strip(" ,.\n")


def _clause(span: Span) -> Span:
    """Clauses break at ``;``, at contrastive conjunctions (mutta, vaan, vaikka …) and at a comma before
    ja/sekä/eikä/kun …, so "etenee suunnitelmallisesti, mutta … on viivästynyt" gives two statuses.
    """
    lex = lexicon()
    strong, comma = set(lex["strong_breaks"]), set(lex["comma_breaks"])
    sent = span.sent
    doc = span.doc

    def is_break(i: int) -> bool:
        tok = doc[i]
        if tok.text == ";" or tok.lower_ in strong:
            return True
        return tok.text == "," and i + 1 < sent.end and doc[i + 1].lower_ in comma | strong

    start = span.start
    while start > sent.start and not is_break(start - 1):
        start -= 1
    end = span.end
    while end < sent.end and not is_break(end):
        end += 1
    return doc[start:end]


def is_recovery(clause: Span) -> bool:
    """A setback negated with 'no longer' is over: "ei ole enää viiveessä", "viivettä ei enää ole" -> on track."""
    lex = lexicon()
    lemmas = {t.lemma_.lower() for t in clause} | {t.lower_ for t in clause}
    return "ei" in lemmas and bool(lemmas & set(lex["no_longer"])) and bool(lemmas & set(lex["setback"]))


@Language.factory("agenda_status", default_config={"model_name": STATUS_MODEL})
def make_status(nlp: Language, name: str, model_name: str) -> "StatusClassifier":
    return StatusClassifier(model_name)


class StatusClassifier(_InnerModel):
    """Reads each PROGRESS phrase in its clause: ``span._.status`` (null below a confidence floor).

    A setback that is no longer there ("ei ole enää viiveessä") is on track by rule.
    """

    def __call__(self, doc: Doc) -> Doc:
        if self.nlp is None or not is_finnish(doc):
            return doc
        spans = [e for e in doc.ents if e.label_ == "PROGRESS"]
        clauses = [_clause(s) for s in spans]
        for span, clause, scores in zip(spans, clauses, self.classify([c.text.strip(" ,.\n") for c in clauses])):
            label, score = max(scores.items(), key=lambda kv: kv[1])
            if is_recovery(clause):  # the model never saw 'no longer delayed'; negation alone reads as off track
                label, score = "on_track", 1.0
            span._.status = label if score >= STATUS_MIN_SCORE else None
            span._.status_score = round(score, 3)
        return doc

    def classify(self, texts: list[str]) -> list[dict[str, float]]:
        return [d.cats for d in self.nlp.pipe(texts)]

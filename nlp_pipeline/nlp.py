"""The spaCy pipeline: the stock Finnish model plus our registered components.

Every section is processed as its own ``Doc``; before it enters ``nlp.pipe`` the orchestrator
puts a :class:`SectionContext` on ``doc._.context`` so components know where the text came from
(report period for figures, section kind, organisation) without reaching into other stages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

BASE_MODEL = "spacy_fi_experimental_web_md"
# tokenizer exceptions of brackets and colons, semicolons or equals signs only: "):", ":)", "(=", ":-("
PUNCTUATION_EMOTICON = re.compile(r"(?=.*[()\[\]])(?=.*[:;=])[()\[\]:;=-]+")


@dataclass(frozen=True, slots=True)
class SectionContext:
    doc_id: str
    section_kind: str
    offset: int  # start of this section in documents.text
    report_period: str | None = None
    organisation: str | None = None
    lang: str = "fi"


if not Doc.has_extension("context"):
    Doc.set_extension("context", default=None)

TEXT_KEY = "agenda_nlp.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once: spaCy joins every token again on each access, and the rule
    components read the text once per candidate."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def load_base() -> Language:
    return spacy.load(BASE_MODEL)


# the components of ``tokens``, in pipeline order ahead of the stock model
TOKEN_CORRECTIONS = ("sentence_final_numbers", "glued_numbers", "joined_by_dash", "mid_line_words", "value_row_ends")


def add_token_corrections(nlp: Language) -> Language:
    """Split numbers the stock tokenizer leaves joined to a full stop or a word, and keep words joined by a dash, words
    mid-line and table rows in one sentence (``tokens``), ahead of the tagger and the parser."""
    from . import tokens  # noqa: F401  (registers the components)

    # "Maksut (alv 0 %):" ends a heading, it does not frown: without the stock emoticon exceptions "):" is ")" + ":"
    rules = nlp.tokenizer.rules
    nlp.tokenizer.rules = {text: rule for text, rule in rules.items() if not PUNCTUATION_EMOTICON.fullmatch(text)}
    nlp.add_pipe(TOKEN_CORRECTIONS[0], first=True)
    for before, name in zip(TOKEN_CORRECTIONS, TOKEN_CORRECTIONS[1:]):
        nlp.add_pipe(name, after=before)
    return nlp


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The stock model plus our components: sentence-final and glued numbers split before it, then tagging, agreeing lemmas
    and figures (which reads the entities)."""
    from . import figures, morphology, tagging  # noqa: F401  (morphology registers its component)

    nlp = load_base()
    add_token_corrections(nlp)
    tagging.add_components(nlp)
    nlp.add_pipe("agreeing_lemmas", last=True)
    figures.add_component(nlp)
    return nlp

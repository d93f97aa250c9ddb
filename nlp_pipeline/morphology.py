"""Lemmas that agree with the tagger's own case and number.

The stock model's lemmatizer takes the first Voikko analysis whose case fits, so a plural partitive can get
a singular nominative's lemma (``oppilaita`` -> ``oppilaita``), and an uncompounded word a compound's
(``oppilasta`` -> ``oppi+lapsi``, ``erityisluokissa`` -> ``erityisluokki``). The figures component names what
a figure measures by lemma, so it runs after this one; the trained tagging components keep the lemmas they
were trained on, so this one is added after them.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

VOIKKO_CASES = {
    "nimento": "Nom", "omanto": "Gen", "osanto": "Par", "sisaolento": "Ine", "sisaeronto": "Ela",
    "sisatulento": "Ill", "ulkoolento": "Ade", "ulkoeronto": "Abl", "ulkotulento": "All", "olento": "Ess",
    "tulento": "Tra", "vajanto": "Abe", "keinonto": "Ins", "seuranto": "Com",
}
VOIKKO_NUMBERS = {"singular": "Sing", "plural": "Plur"}
NOMINAL_CLASSES = frozenset({"nimisana", "laatusana", "nimisana_laatusana"})


@Language.factory("agreeing_lemmas", default_config={"pos": ["NOUN", "ADJ"], "cache_size": 65536})
def make_agreeing_lemmas(nlp: Language, name: str, pos: list[str], cache_size: int) -> "AgreeingLemmas":
    voikko = getattr(nlp.get_pipe("lemmatizer"), "voikko", None) if "lemmatizer" in nlp.pipe_names else None
    return AgreeingLemmas(voikko, frozenset(pos), cache_size)


class AgreeingLemmas:
    """Re-chooses a nominal's lemma among Voikko's analyses that agree with its tagged case and number,
    preferring the fewest compound parts; keeps the lemma when it is already such a choice."""

    def __init__(self, voikko, pos: frozenset[str], cache_size: int):
        self.pos = pos
        self._readings = lru_cache(maxsize=cache_size)(self._analyse) if voikko is not None else None
        self.voikko = voikko

    def _analyse(self, word: str) -> tuple[tuple[str, str | None, str | None, int], ...]:
        """(base form, case, number, compound parts) of each nominal reading of ``word``."""
        return tuple(
            (a["BASEFORM"], VOIKKO_CASES.get(a.get("SIJAMUOTO", "")), VOIKKO_NUMBERS.get(a.get("NUMBER", "")),
             a.get("STRUCTURE", "").count("="))
            for a in self.voikko.analyze(word)
            if a.get("CLASS") in NOMINAL_CLASSES and "BASEFORM" in a
        )

    def __call__(self, doc: Doc) -> Doc:
        if self._readings is None:
            return doc
        for tok in doc:
            if tok.pos_ not in self.pos or not tok.is_alpha:
                continue
            case, number = tok.morph.get("Case"), tok.morph.get("Number")
            if not case:
                continue
            agreeing = [r for r in self._readings(tok.text) if r[1] == case[0] and (not number or r[2] == number[0])]
            if not agreeing:
                continue
            fewest = min(r[3] for r in agreeing)
            simplest = [r[0] for r in agreeing if r[3] == fewest]
            if tok.lemma_ not in simplest:
                tok.lemma_ = simplest[0]
        return doc

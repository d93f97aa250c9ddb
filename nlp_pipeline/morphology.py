"""Lemmas that agree with the tagger's own case and number, the commonest word where several do.

The stock model's lemmatizer takes the first Voikko analysis whose case fits, so a plural partitive can get
a singular nominative's lemma (``oppilaita`` -> ``oppilaita``), and an uncompounded word a compound's
(``oppilasta`` -> ``oppi+lapsi``, ``erityisluokissa`` -> ``erityisluokki``). The figures component names what
a figure measures by lemma, so it runs after this one; the trained tagging components keep the lemmas they
were trained on, so this one is added after them.

Where no reading agrees, the tagger itself is wrong, and when Voikko knows the word only as a noun in one case,
the token takes that reading: ``oppilaista`` tagged as an adjective's partitive is the elative of ``oppilas``;
so does a verb form Voikko knows no verb for (``alijäämään`` tagged as an infinitive is the illative of
``alijäämä``). A participle that stands for people, as an owner or a whole (``hoitoa odottaneiden määrä``), is
named in its own nominative (``odottanut``), not by its verb. The parse is left as it is.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

VOIKKO_CASES = {
    "nimento": "Nom", "omanto": "Gen", "osanto": "Par", "sisaolento": "Ine", "sisaeronto": "Ela",
    "sisatulento": "Ill", "ulkoolento": "Ade", "ulkoeronto": "Abl", "ulkotulento": "All", "olento": "Ess",
    "tulento": "Tra", "vajanto": "Abe", "keinonto": "Ins", "seuranto": "Com",
}
VOIKKO_NUMBERS = {"singular": "Sing", "plural": "Plur"}
NOMINAL_CLASSES = frozenset({"nimisana", "laatusana", "nimisana_laatusana"})
NOUN_CLASS = "nimisana"


MIN_HEAD, MIN_TAIL = 3, 4  # the parts of an unknown compound read by its last part: "työssä" + "käyvää"
HYPHENATED = re.compile(r"[\w–-]*\w[-–][^\W\d]{4,}")  # "13–15-vuotiaasta", "covid-rokotetta"


class Reading(NamedTuple):
    lemma: str
    case: str | None
    number: str | None
    parts: int  # compound parts beyond the first
    noun: bool  # a plain noun: no adjective, participle or agent-noun reading
    named: bool = False  # also the base form of a name ("viro" / "Viro"), whose use swells its frequency
    head: str = ""  # a compound's last word: "paine" of "ylityspaine"


@Language.factory(
    "agreeing_lemmas", default_config={"pos": ["NOUN", "ADJ"], "retag_pos": ["NOUN", "ADJ", "VERB"], "cache_size": 65536}
)
def make_agreeing_lemmas(nlp: Language, name: str, pos: list[str], retag_pos: list[str], cache_size: int) -> "AgreeingLemmas":
    voikko = getattr(nlp.get_pipe("lemmatizer"), "voikko", None) if "lemmatizer" in nlp.pipe_names else None
    return AgreeingLemmas(voikko, frozenset(pos), frozenset(retag_pos), cache_size)


class AgreeingLemmas:
    """Re-chooses a nominal's lemma among Voikko's analyses that agree with its tagged case and number,
    preferring the fewest compound parts; keeps the lemma when it is already such a choice. A token of
    ``retag_pos`` the tagger misread becomes the noun Voikko knows (``_misread_noun``), and so does an adjective
    heading its phrase that Voikko knows only as a noun."""

    def __init__(self, voikko, pos: frozenset[str], retag_pos: frozenset[str], cache_size: int):
        self.pos = pos
        self.retag_pos = retag_pos
        self._looked_at = pos | retag_pos
        self._readings = lru_cache(maxsize=cache_size)(self._analyse) if voikko is not None else None
        self.voikko = voikko

    def _analyse(self, word: str) -> tuple[tuple[Reading, ...], bool]:
        """Each nominal reading of ``word``, and whether Voikko reads it as anything else too."""
        readings, other, names = [], False, set()
        for a in self.voikko.analyze(word):
            if a.get("CLASS") not in NOMINAL_CLASSES or "BASEFORM" not in a:
                other = True
                names.add(a.get("BASEFORM", "").lower())
                continue
            readings.append(Reading(
                a["BASEFORM"], VOIKKO_CASES.get(a.get("SIJAMUOTO", "")), VOIKKO_NUMBERS.get(a.get("NUMBER", "")),
                a.get("STRUCTURE", "").count("="), a["CLASS"] == NOUN_CLASS and "PARTICIPLE" not in a,
                head=_last_word(a.get("WORDBASES", "")),
            ))
        return tuple(r._replace(named=r.lemma in names) for r in readings), other

    def _tail_readings(self, word: str) -> tuple[Reading, ...]:
        """Readings of an unknown compound by its longest known last part, ``työssä`` + ``käyvää`` ->
        ``työssäkäyvä`` (Voikko knows no compound whose first part is inflected: ``kotonaasuvia``), a hyphenated
        one cut at a hyphen: ``13–15-vuotiaasta`` by ``15-vuotiaasta``."""
        hyphens = [m.end() for m in re.finditer(r"[-–]", word)]
        for cut in hyphens or range(MIN_HEAD, len(word) - MIN_TAIL + 1):
            tail, _ = self._readings(word[cut:])
            if tail:
                head = word[:cut].lower()
                return tuple(r._replace(lemma=head + r.lemma, parts=r.parts + 1) for r in tail)
        return ()

    def __call__(self, doc: Doc) -> Doc:
        if self._readings is None:
            return doc
        for tok in doc:
            if tok.pos_ not in self._looked_at:
                continue
            gave_up = tok.lemma_.lower() == tok.lower_  # the lemmatizer's guess for a word it does not know
            if not tok.is_alpha and not HYPHENATED.fullmatch(tok.text):
                continue
            readings, other = self._readings(tok.text)
            if not readings and not other and gave_up:
                readings = self._tail_readings(tok.text)
            case, number = tok.morph.get("Case"), tok.morph.get("Number")
            possessive = bool(tok.morph.get("Person[psor]"))  # Voikko reads "olonsa" as a nominative only
            agreeing = [r for r in readings if case and r.case == case[0] and (not number or r.number == number[0])]
            if agreeing and tok.pos_ in self.pos:
                simplest = _simplest(agreeing)
                if tok.pos_ == "ADJ" and tok.dep_ != "amod" and not other and all(r.noun for r in readings):
                    # a rare compound the tagger guessed: "775 suurpainenatriumvalaisinta" (not a noun used as an
                    # attribute: "ulkokuntalaisia äänioikeutettuja")
                    _retag_as_noun(tok, simplest[0])
                else:
                    current = next((r for r in simplest if r.lemma == tok.lemma_), None)
                    if current is None or _preference(simplest[0]) < _preference(current):
                        tok.lemma_ = simplest[0].lemma
            elif tok.pos_ in self.retag_pos and not possessive and (reading := _misread_noun(tok, readings, other, agreeing)):
                _retag_as_noun(tok, reading)  # the tagger's other features belong to its wrong reading
            elif (reading := _nominal_participle(tok, agreeing)) is not None:
                _retag_as_noun(tok, reading)
        return doc


# where a participle heads a noun phrase ("Hoitoa odottaneiden määrä"), not where it is an adverbial ("verrattuna")
NOMINAL_DEPS = frozenset({"nsubj", "nsubj:cop", "obj", "nmod", "nmod:poss"})


def _nominal_participle(tok: Token, agreeing: list[Reading]) -> Reading | None:
    """A participle that stands for the people or things it describes (``hoitoa odottaneiden`` -> ``odottanut``,
    "those who waited"): not followed by a noun it would describe, and read by Voikko as a participle in its
    case. Only as an owner or a whole (genitive, elative): a nominative may be a perfect tense the parse misread
    (``on … varattu``), a partitive a part of a whole named before it (``Tehtävistä valmiiksi saatettuja on 32 %``)."""
    if tok.pos_ != "VERB" or "Part" not in tok.morph.get("VerbForm"):
        return None
    # … also as the whole of a number the parse hung it on as a clause: "Kyselyyn vastanneista 45 kertoi"
    if tok.dep_ not in NOMINAL_DEPS and not (tok.dep_ in ("acl", "obl") and tok.head.pos_ == "NUM"):
        return None
    if tok.morph.get("Case") not in (["Gen"], ["Ela"]):
        return None
    if _describes_noun_after(tok):
        return None
    participles = [r for r in agreeing if not r.noun]
    return _simplest(participles)[0] if participles else None


def _describes_noun_after(tok: Token, max_dist: int = 8) -> bool:
    """A noun in the participle's case follows across conjoined attributes: ``hyväksyttyjen ja nyt esitettyjen
    lisä- ja muutostöiden``."""
    case = tok.morph.get("Case")
    for nxt in tok.doc[tok.i + 1: min(tok.i + 1 + max_dist, tok.sent.end)]:
        if nxt.text in (",", "-") or _first_half(nxt):
            continue
        if nxt.pos_ in ("NOUN", "PROPN"):
            return nxt.morph.get("Case") == case
        if nxt.pos_ not in ("CCONJ", "ADV", "ADJ", "VERB", "NUM"):
            return False
    return False


def _first_half(tok: Token) -> bool:
    """``lisä-`` of ``lisä- ja muutostöiden``, also with the hyphen split off."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.text.endswith("-") or (nxt is not None and nxt.text == "-" and not tok.whitespace_)


def _retag_as_noun(tok: Token, reading: Reading) -> None:
    tok.pos_ = "NOUN"
    tok.set_morph({"Case": reading.case, **({"Number": reading.number} if reading.number else {})})
    tok.lemma_ = reading.lemma


def _simplest(readings: list[Reading] | tuple[Reading, ...]) -> list[Reading]:
    """The readings with the fewest compound parts, the commonest lemma first (``paikkoja``: ``paikka`` before
    the rare ``paikko`` that Voikko lists first; ``maastopaloja``: ``maastopalo``, not ``maastopala``); a name's
    homograph last, its count being mostly the name's (``Viroista``: ``virka``, not ``viro``); between compounds
    too rare to count, the commoner last word (``ylityspaineista``: ``ylityspaine``, not ``ylityspaini``)."""
    fewest = min(r.parts for r in readings)
    return sorted((r for r in readings if r.parts == fewest), key=_preference)


def _preference(reading: Reading) -> tuple[bool, float, float]:
    # between compounds too rare to count, the commoner last word: "ylityspaineista" is of "paine", not "paini"
    return reading.named, -_frequency(reading.lemma), -_frequency(reading.head or reading.lemma)


def _last_word(wordbases: str) -> str:
    """The last word of Voikko's ``WORDBASES`` (``+ylit(ylittää)+ys(+ys)+paine(paine)`` -> ``paine``), past
    derivational endings (``(+ys)``)."""
    words = [base for base in re.findall(r"\(([^)]*)\)", wordbases) if base and not base.startswith("+")]
    return words[-1] if words else ""


@lru_cache(maxsize=65536)
def _frequency(lemma: str) -> float:
    """How common a Finnish word is (wordfreq's Zipf scale; 0 for a word it has not seen)."""
    return zipf_frequency(lemma, "fi")


def _misread_noun(tok: Token, readings: tuple[Reading, ...], other: bool, agreeing: list[Reading]) -> Reading | None:
    """The noun a misread token is: Voikko knows it only as a noun in one case, and none of its readings agrees
    with the tags; or the tagger made a verb form of it, and Voikko knows no verb of that form ("alijäämään"
    read as an infinitive)."""
    nouns = [r for r in readings if r.noun and r.case]
    if other or not nouns:
        return None
    case = tok.morph.get("Case")
    if tok.pos_ == "VERB" and "Part" not in tok.morph.get("VerbForm"):
        nouns = [r for r in nouns if case and r.case == case[0]] or nouns
    elif not case or agreeing or len(nouns) < len(readings):
        return None  # a token tagged without a case is an indeclinable the tagger knows: "koko" (whole)
    return _simplest(nouns)[0] if len({r.case for r in nouns}) == 1 else None

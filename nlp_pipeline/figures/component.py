"""The ``figures`` spaCy component: every quantity a Finnish agenda states, typed.

How it reads a section:
1. Cheap pre-filter: a doc with no digit and no numeral word is left alone.
2. Strings that are never figures (dates, phone numbers, diary/law/§ numbers, addresses, list numbers,
   codes; ``data/figures/never.json`` + Matcher patterns ``never_patterns.jsonl``) are blocked by character span.
3. Number candidates are found on the text (digit groups merged by character rules, since the tokenizer
   splits ``33 504 277``), plus numeral words from the tokens (``kolmesta``, ``puolet``).
4. The unit is read right after the number (``units.json``); without one the number must count a noun
   (``184 tehtävää``, or a fronted partitive ``tehtäviä … 717``), otherwise it is no figure.
5. Attributes come from the tokens around it: cues (approx, bound, qualifier), morphology (elative
   ``Tehtävistä 11 %``, partitive counted nouns), the parse (copula subject), and the sentence's periods;
   the words that decide a subject (measure nouns, money nouns, allocation verbs, …) are ``subjects.json``;
   where no rule applies, a trained ranker (``ranker.py``, ``models/subject_ranker``) picks the sentence's noun.
"""
from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from ..model import Figure
from ..morphology import VOIKKO_NUMBERS
from ..nlp import text_of
from ..tokens import LIST_MARKS
from ..periods import DASH, YEAR_DIGITS, month_end
from ..tagging.resources import models_dir
from .lexicon import NOT_SUBJECTS, Lexicon, UnitRule, load_lexicon
from .numbers import NumberWords, number_words, parse_digits
from .periods import WHOLE_YEAR_RE, PeriodMention, find_periods, period_referred_to, reported_period
from .ranker import SubjectRanker, noun_candidates

log = logging.getLogger(__name__)

if not Doc.has_extension("figures"):
    Doc.set_extension("figures", default=None)

# dot thousands may end a sentence ("noin 3.600."), not run on into a date or a code ("1.100.2")
_NUM = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?!\d)|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d|\.\d)|\d+(?:,\d+)?"
CANDIDATE_RE = re.compile(
    rf"""(?<![\w.,/:\-–€$])
    (?: (?P<mixed>\d{{1,3}}[ \u00a0]\d/\d{{1,2}})(?![\d/.,]?\d)  # 2 1/2 vuotta
      | (?P<vulgar>\d{{0,3}}[ \u00a0]?[½¼¾])  # ½ vuotta, 1½ tuntia
      | (?P<frac>\d+(?:,\d+)?\ ?/\ ?(?:\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+|\d+))(?![\d/.,]?\d)  # 340 /100 000
      | (?P<lo>(?:(?<=\s)[-−+])?(?:{_NUM}))\s?(?:[–—-]|(?P<dots>…|\.\.\.))\s?(?P<hi>(?(dots)[-−+]?)(?:{_NUM}))(?![\d/])
      # an en dash against a number is its sign within a line, a bullet at its start
      | (?P<num>(?:(?<=[\s(])[-−]|(?<=[ (])–)?(?:{_NUM}))(?![\d/]|,\d)
    )""",
    re.VERBOSE,
)
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
HAS_DIGIT = re.compile(r"\d|[½¼¾]")
ZEROS_ONLY = re.compile(r"00+")
ORDINAL_BEFORE = re.compile(r"\d\.\s*$")
MULTIPLIER_PARTITIVES = frozenset({"sataa", "tuhatta", "miljoonaa", "miljardia"})
DECIMAL_POINT_RE = re.compile(r"(?<![\w.,])\d{1,3}\.\d{1,2}(?=\s*(?:%|[Mt]€)|\s+(?:milj|mrd|miljard|prosent|Me\b))")
# a minus with a space after it is a sign only right after a copula; elsewhere it is a dash or a list bullet
SPACED_MINUS_RE = re.compile(r"\b(?:on|ovat|oli|olivat|olisi|olisivat|ollut|olleet)\s+(?P<minus>[-−])\s$", re.IGNORECASE)
HEADING_MAX_TOKENS = 4  # "1 äänestys": a short verbless line a number opens is a numbered heading
MATCH_WINDOW = 4  # tokens around a candidate that the never-figure Matcher looks at
MAX_PERCENT = 1000.0
MAX_VALUE = 1e12  # a trillion: no agenda quantity reaches it, a garbled digit run does
MULTIPLE_RE = re.compile(r"(\w+?)kertai(?!st)")  # "kaksinkertaiseksi", not the verb "kaksinkertaistunut"
# "yhteen7 235 eurolla": a transcription glued the number's first digits to the word before; 235 is no value
GLUED_HEAD_RE = re.compile(r"[a-zåäö]\d{1,3}[ \u00a0]$")
BROKEN_BEFORE_RE = re.compile(r"(?<![\w.,])\d{1,3}(?P<sep>[ \u00a0]|, )$")  # a short number, then one space or ", " (_broken_number)
CASE_SUFFIX_RE = re.compile(r":[a-zåäö]{1,5}\b")
# numerals whose nominative is also their genitive: the tagger may read "yhdeksän (9) omakotitontin" as nominative
NOM_GEN_NUMERALS = ("seitsemän", "kahdeksan", "yhdeksän", "kymmenen")
REPEAT_RE = re.compile(r"\s*\(\s*\d+\s*\)")
VOTES_BEFORE = re.compile(r"\bäänin\s*$", re.IGNORECASE)
EURO_HEADER_RE = re.compile(r"(?m)^[^\S\n]*(?:[^\W\d][^\n\d]*?[^\S\n]+)?(?:[Ee]uroa|€)[^\S\n]*$")  # a column header line
ROW_END_RE = re.compile(r"[^\S\n]*(?:\n|$)")
# a list or table copied cell by cell puts a name and one or two numbers on lines of their own per row
MAX_LIST_LINES = 40
MAX_TABLE_CELL_CHARS = 140  # a line longer than this is prose, not a table cell
MAX_CELL_WORDS = 8  # a line this short and verbless, ending in an abbreviation's dot, is a table cell
MAX_ABBREVIATION_CHARS = 4  # "käyt.", "r.f."
# a line naming a budget item by its code ("1 40 01, Kaupunginkanslia", "Ta-kohta 3 10 01 Kaupunkirakenne …"): money
# on it is that item's appropriation, whatever the item is called
BUDGET_ITEM_LINE = re.compile(r"(?:ta-kohta\w*[^\S\n]+|talousarviokoh\w*[^\S\n]+)?\d{1,2}(?:[^\S\n]\d{2}){2,3}\b(?![^\S\n]*\d)",
                              re.IGNORECASE)
LABEL_NUMBER = re.compile(r"\d+(?:[/:]\d+)*")  # "tontin 7", "rivitalotontin 40123/2", "RN:o 2:18"
NUMBER_SIGNS = frozenset({"nro", "n:o", "no", "numero"})
COUNTED_WORD = re.compile(r"\s+[^\W\d]+")
# the area a price is per, written as a word in the ablative: "euroa kerrosneliömetriltä", "euroa k-m²:ltä"
AREA_UNIT_ABLATIVE = re.compile(r"\s+\S*(?:metri|m²|m2)\S*?(?:ltä|lta)\b", re.IGNORECASE)
RATE_ADVERB_BEFORE = re.compile(
    r"\b(?P<per>vuosittain|kuukausittain|viikoittain|päivittäin)\s+(?:(?:noin|n\.|arviolta|yhteensä)\s+)?$", re.IGNORECASE)
BUDGET_LABEL_BEFORE = re.compile(r"(?im)^[^\S\n]*(?:meno|tulo)?(?:määräraha|arvio)\w*[^\S\n]+(?:talousarviossa[^\S\n]+)?$")
# what may stand between a figure and its earlier value in parentheses: a per-unit or the noun counted, then the
# earlier period ("(v. 2020 oli 375,3)", "608 333 hoidettua potilasta (1−9/2024: 606 966)")
RESTATED_BEFORE = re.compile(
    r"(?:\s*/\s*[^\W\d]+|(?P<words>(?:\s+[^\W\d]+){1,2}))?\s*\(\s*(?:(?:vuonna|v\.|vuoden|edellisvuonna)\s*)?"
    rf"(?:(?:{YEAR_DIGITS}|\d{{1,2}}\s*{DASH}\s*\d{{1,2}}\s*/\s*{YEAR_DIGITS})\s*:?\s*)?(?:oli\s+)?", re.IGNORECASE)
RESTATED_AFTER = re.compile(r"\s*\)")
# the level of a base year a change is measured from: "-60 % vuoden 1990 tasosta", "12 % vuoteen 2020 verrattuna"
BASE_YEAR_AFTER = re.compile(
    rf"\s+(?:vuoden\s+(?P<y1>{YEAR_DIGITS})\s+tasosta"
    rf"|(?:verrattuna\s+)?vuoteen\s+(?P<y2>{YEAR_DIGITS})(?=\s+verrattuna|\s+nähden))",
    re.IGNORECASE)
# "joka toinen viikko" is a rhythm, not one in two
RHYTHM_NOUNS = frozenset({"vuosi", "kuukausi", "viikko", "päivä", "ilta", "aamu", "kerta", "vuoro"})
# after a figure (past the noun it counts), the parenthesis of its period: "-47 % (2021)", "380 henkilöä (2021)"
YEAR_LABEL_BEFORE = re.compile(r"(?:\s+[^\W\d]+)?\s*\(\s*")
SCALE_RE = re.compile(r"\s*\(?\s*asteiko\w*\s+\d+\s*[-–]\s*(?P<hi>\d+)", re.IGNORECASE)
CLAUSE_BREAKS = frozenset({",", ";", ":", "kuin"})
ITEM_BREAKS = CLAUSE_BREAKS | {"ja", "sekä", "tai", "eli", "."}
SKIP_POS_TO_NOUN = frozenset({"ADJ", "NUM", "PROPN", "X", "SYM"})
POST_NOUNS = ("virka", "toimi")  # "kahden sosiaaliohjaajan viran": what a genitive numeral counts past a title
VERB_GOVERNED_NOUN_ENDINGS = ("minen", "nto", "ntö")  # "rakentaminen", "tuotanto": the verb, not the number, governs them
PHYSICAL_UNITS = frozenset({"m2", "m", "km", "other"})
COMPANY_FORMS = frozenset({"ry", "rf", "r.y", "sr", "rs", "oy", "oyj", "ab", "ky", "tmi", "ay"})
AMOUNT_UNITS = frozenset({"eur", "percent", "percentage_point", "count"})  # what a budget or a headcount changes by
ACTION_NOUN_ENDINGS = ("minen", "sopimus", "vuokraus")  # renting, contract: what is done with the thing measured


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    value: float
    decimal: bool
    denominator: float | None = None
    word: bool = False  # numeral word, not digits
    range_part: bool = False
    half: bool = False  # "puoli(-)": a figure only with a measure unit
    vote: bool = False  # one side of a vote result: "äänin 10 - 3"
    approx: bool = False  # a numeral that hedges itself: "nelisen prosenttia"


@dataclass(slots=True)
class Reading:
    """A candidate with its unit: what the figure is, before the context attributes."""

    cand: Candidate
    value: float
    unit: str
    unit_word: str | None
    end: int
    subject: str | None = None
    money_if_alone: bool = False  # a bare "N miljoonaa" that is euros unless it counts something
    multiplied: bool = False  # "N miljoonaa" with no unit: euros in a sentence about money
    qualifier: str | None = None  # read with the count: "Jaa-äänet: 14" -> jaa


# a subject rule's verdict that the figure measures nothing the text names (a rule that does not apply returns None)
NOTHING_NAMED = ""
# ``Figure.subject_rule`` of a subject read with the number (the noun a count counts), and of a range's or a
# coordination's first number, which takes the subject of the second
READ_WITH_NUMBER = "read_with_number"
SHARED_WITH_NEXT = "shared_with_next"


@dataclass(frozen=True, slots=True)
class SubjectQuery:
    """What the subject rules read: the figure's tokens and reading, and the figures before it in its sentence."""

    doc: Doc
    sent: Span  # the figure's sentence, from the paragraph the figure is in (``_paragraph_scope``)
    first: Token
    last: Token
    reading: Reading
    previous: list[Figure]
    clause_of: dict[int, int]

    @property
    def clause(self) -> int | None:
        return self.clause_of.get(self.first.i)


@Language.factory(
    "figures",
    default_config={"max_percent": MAX_PERCENT, "subject_ranker": "subject_ranker/ranker.json"},
    requires=["token.lemma", "token.pos", "token.morph", "token.dep"],
    assigns=["doc._.figures"],
)
def make_figures(nlp: Language, name: str, max_percent: float, subject_ranker: str | None) -> "FigureExtractor":
    """``subject_ranker``: the ranker's weights, relative to ``models/`` (None, or not trained yet: the rules alone)."""
    path = models_dir() / subject_ranker if subject_ranker else None
    ranker = SubjectRanker.from_disk(path) if path is not None and path.is_file() else None
    if path is not None and ranker is None:
        log.warning("subject ranker %s not found; train it with `agenda-nlp train subject-ranker`", path)
    return FigureExtractor(nlp, name, max_percent=max_percent, ranker=ranker)


def add_component(nlp: Language) -> None:
    """Append the registered ``figures`` component (data from package data) to ``nlp``."""
    if "figures" not in nlp.pipe_names:
        nlp.add_pipe("figures", last=True)


class FigureExtractor:
    # the subject rules (``_rule_<name>``), in the order they are tried; the first verdict wins
    SUBJECT_RULES = (
        "restated_apposition", "timed_action", "changed_by", "end_of_change", "parenthesis", "genitive_measure",
        "capped_by_participle", "predicative_measure", "measure_adverbial", "measured_partitive", "balance",
        "essive_money", "framing_noun", "indicator_above", "share_destination", "pronoun_whole", "elative_whole",
        "elative_after_share", "received_money", "copula_before", "measure_above", "gapped_copula", "copula_subject", "allocated_money",
        "column_header", "colon_label", "spending_verb", "gapped_part", "label_before", "relative_clause", "given_as",
        "reported_clause", "verb_argument", "list_intro", "possessed", "breakdown_part", "unit_named",
        "clause_noun_before",
    )

    def __init__(self, nlp: Language, name: str = "figures", max_percent: float = MAX_PERCENT,
                 ranker: SubjectRanker | None = None):
        self.name = name
        self.max_percent = max_percent
        self.ranker = ranker
        self.lex: Lexicon = load_lexicon()
        self.words: NumberWords = number_words()
        self.matcher = Matcher(nlp.vocab)
        for i, entry in enumerate(self.lex.matcher_patterns):
            self.matcher.add(f"{entry['label']}_{i}", [entry["pattern"]])
        # the model's morphological analyser (Voikko), to tell a capitalised common noun from a name
        self.voikko = getattr(nlp.get_pipe("lemmatizer"), "voikko", None) if "lemmatizer" in nlp.pipe_names else None
        self._subject_rules = tuple((name, getattr(self, f"_rule_{name}")) for name in self.SUBJECT_RULES)

    def _common_nouns_at_starts(self, doc: Doc) -> None:
        """The tagger reads a capitalised word opening a sentence or a line as a name (``Alijäämää kertyi …``,
        ``LT2: Aurausjohde + maalaus``); when every morphological analysis is a common noun with a lower-case base
        form, it is a noun, with that base form as its lemma and the number they agree on (the tagger gave the name
        one: ``Avustushakemuksia`` is plural). A noun opening a row that every analysis reads as a nominative is one,
        whatever case the tagger gave it (``Lounasateria 9,80 €``)."""
        if self.voikko is None:
            return
        for tok in doc:
            if tok.pos_ not in ("PROPN", "NOUN") or not tok.text[:1].isupper() or not tok.text[1:].replace("-", "").islower():
                continue
            if tok.pos_ == "NOUN" and _case(tok) in ("Nom", None):
                continue
            before = next((t for t in reversed(doc[max(0, tok.i - 3): tok.i]) if t.text.strip(" ")), None)
            if not (tok.is_sent_start or before is None or "\n" in before.text or before.text in (":", ".", ";")):
                continue
            analyses = self.voikko.analyze(tok.text)
            if not analyses or not all(a.get("CLASS") == "nimisana" and a.get("BASEFORM", "").islower() for a in analyses):
                continue
            morph = tok.morph.to_dict()
            if tok.pos_ == "PROPN":
                tok.pos_ = "NOUN"
                tok.lemma_ = analyses[0]["BASEFORM"]
                numbers = {VOIKKO_NUMBERS.get(a.get("NUMBER", "")) for a in analyses}
                if len(numbers) == 1 and None not in numbers:
                    morph["Number"] = numbers.pop()
            if all(a.get("SIJAMUOTO") == "nimento" for a in analyses):  # "Lounasateria 9,80 €" is no partitive
                morph["Case"] = "Nom"
            tok.set_morph(morph)

    # ---------------------------------------------------------------- entry point
    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.context
        lang = getattr(ctx, "lang", "fi") or "fi"
        fi = lang != "sv"
        text = text_of(doc)
        has_digit = HAS_DIGIT.search(text) is not None
        word_tokens = self._numeral_word_tokens(doc) if fi else []
        if not has_digit and not word_tokens:
            doc._.figures = []
            return doc
        if fi:
            self._common_nouns_at_starts(doc)
        blocked = self._blocked_chars(text) if has_digit else []
        cands = self._digit_candidates(_unglued(doc, text), blocked)
        if cands:
            cands = self._drop_matcher_blocked(doc, text, cands, fi)
        cands += self._word_candidates(doc, word_tokens) + (self._every_nth_candidates(doc) if fi else [])
        cands.sort(key=lambda c: c.start)
        report_period = getattr(ctx, "report_period", None)
        section_kind = getattr(ctx, "section_kind", None)
        figures: list[Figure] = []
        sent_starts, sents = _sentence_index(doc)
        by_sent: dict[int, list[tuple[Reading, Token, Token]]] = {}
        taken_until, prior = -1, None
        for cand in cands:
            if cand.start < taken_until:
                continue
            reading = self._read_unit(doc, text, cand, fi)
            if prior is not None and _year_label_after(text, prior, cand):
                continue  # "380,6 päivää (2021)": the year the figure is of, not a value
            restated = prior is not None and reading is not None and _restated_in_parentheses(text, prior, reading)
            if restated:  # "7 069 (8 295)", "16 931 170 euroa (16 274 194)": last year's value in the figure's unit
                reading = Reading(cand, cand.value * prior.value / prior.cand.value, prior.unit, None, cand.end, prior.subject)
            elif prior is not None and _count_of_share(text, prior, cand):  # "toimialue 39 % (3056)": how many that is
                reading, restated = Reading(cand, cand.value, "count", None, cand.end), True
            elif prior is not None and _next_in_year_series(text, prior, cand, reading):
                # "tehtäviä oli 952, vuonna 2023 735, vuonna 2024 718": the same count in another year
                reading, restated = Reading(cand, cand.value, prior.unit, None, cand.end, prior.subject), True
            if reading is None:
                continue
            if _absurd(reading.value) or (not cand.word and _broken_number(text, cand, reading)):
                taken_until = reading.end  # nor are the unit words after it a figure of their own ("miljardia euroa")
                continue
            first, last = _tokens_of(doc, cand.start, reading.end)
            if first is None or (cand.word and cand.value == 1 and _per_one(doc, last)):
                continue
            if reading.unit in ("count", "fraction", "score") and fi and not restated:
                reading = self._count_subject(doc, first, last, cand, reading)
                if reading is None:
                    continue
                reading.unit = _counted_duration(reading) or reading.unit
            taken_until, prior = reading.end, reading
            if cand.word and (rep := REPEAT_RE.match(text, cand.end)):  # "viiden (5) sairaansijan": one figure
                taken_until = max(taken_until, rep.end())
            si = bisect.bisect_right(sent_starts, first.idx) - 1
            by_sent.setdefault(si, []).append((reading, first, last))
        for si, readings in by_sent.items():
            figures += self._attributes(doc, text, sents[si], readings, report_period, section_kind, fi, figures)
        doc._.figures = figures
        return doc

    # ---------------------------------------------------------------- candidates
    def _blocked_chars(self, text: str) -> list[tuple[int, int]]:
        """Character spans of never-figures found on the text (dates, codes, phone numbers, URLs, …)."""
        spans = [(m.start(), m.end()) for m in self.lex.never.finditer(text)]
        for triggers, regex in self.lex.never_gated:
            if any(t in text for t in triggers):
                spans += [(m.start(), m.end()) for m in regex.finditer(text)]
        return spans

    def _drop_matcher_blocked(self, doc: Doc, text: str, cands: list[Candidate], fi: bool) -> list[Candidate]:
        """Token-pattern never-figures (``puh. 050 …``, ``Liite 1``, ``Mäkelänkatu 47``), matched only in
        small windows around the candidates: the Matcher over whole documents would cost more than all else."""
        blocked: list[tuple[int, int]] = []
        windows: list[list[int]] = []
        for cand in cands:
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if span is None:
                continue
            a, b = max(span.start - MATCH_WINDOW, 0), min(span.end + MATCH_WINDOW, len(doc))
            if windows and a <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], b)
            else:
                windows.append([a, b])
        for a, b in windows:
            for _, s, e in self.matcher(doc[a:b]):
                span = doc[a + s: a + e]
                # block the numbers after the cue word, not the cue itself (it may be a unit noun)
                num_start = next((t.idx for t in span if t.like_num or t.text[:1].isdigit()), span.start_char)
                blocked.append((num_start, span.end_char))
        if not blocked:
            return cands
        # a measure unit right after the number outweighs a cue before it: "tontti 500 k-m²" is a figure
        return [c for c in cands if not _overlaps(c.start, c.end, blocked) or self._has_measure_unit(text, c.end, fi)]

    def _has_measure_unit(self, text: str, pos: int, fi: bool) -> bool:
        """Whether a unit other than a count follows the number ending at ``pos``."""
        rule, _ = self._match_unit(text, pos, fi)
        return rule is not None and rule.unit != "count"

    def _digit_candidates(self, text: str, blocked: list[tuple[int, int]]) -> list[Candidate]:
        # "27.7 miljoonaa euroa", "2.5 %", "1.1 M€": before a multiplier or a percent sign a point can only be a decimal point
        out = [Candidate(m.start(), m.end(), float(m.group().replace(" ", "")), True)
               for m in DECIMAL_POINT_RE.finditer(text) if not _overlaps(m.start(), m.end(), blocked)]
        blocked = blocked + [(c.start, c.end) for c in out]
        for m in CANDIDATE_RE.finditer(text):
            if _overlaps(m.start(), m.end(), blocked):
                continue
            if m.group("mixed"):
                whole, part = m.group("mixed").split()
                num, den = (int(x) for x in part.split("/"))
                if 0 < num < den:  # a decimal value, so it is a figure only with a unit after it
                    out.append(Candidate(m.start(), m.end(), int(whole) + num / den, True))
            elif m.group("vulgar"):  # a decimal value, as the mixed number above
                whole, part = m.group("vulgar")[:-1].strip(), m.group("vulgar")[-1]
                out.append(Candidate(m.start(), m.end(), int(whole or 0) + VULGAR_FRACTIONS[part], True))
            elif m.group("frac"):
                num, den = m.group("frac").split("/")
                a, b = parse_digits(num), parse_digits(den)
                if a is None or not b or a > b or _numbered_in_year(num, b):
                    continue
                out.append(Candidate(m.start(), m.end(), a, "," in num, denominator=b))
            elif m.group("lo"):
                lo, hi = parse_digits(m.group("lo")), parse_digits(m.group("hi"))
                if lo is not None and hi is not None and VOTES_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                    out.append(Candidate(m.start("lo"), m.end("lo"), lo, False, vote=True))  # "äänin 10 - 3": for and
                    out.append(Candidate(m.start("hi"), m.end("hi"), hi, False, vote=True))  # against, no range
                    continue
                # "10–15": ascending; levels "-12…-27 metriä" run either way
                if lo is None or hi is None or lo == hi or (lo > hi and not m.group("dots")) or _absurd(lo) or _absurd(hi):
                    continue
                lo = _with_elided_groups(m.group("lo"), lo, m.group("hi"))
                out.append(Candidate(m.start("lo"), m.end("lo"), lo, "," in m.group("lo"), range_part=True))
                out.append(Candidate(m.start("hi"), m.end("hi"), hi, "," in m.group("hi"), range_part=True))
            else:
                raw = m.group("num")
                value = parse_digits(raw)
                if value is None or _absurd(value) or ZEROS_ONLY.fullmatch(raw):
                    continue  # "1,847 000": a thousands group left over from a number that could not be read
                if re.match(r"\d{3}(?!\d)", raw) and GLUED_HEAD_RE.search(text, max(0, m.start() - 5), m.start()):
                    continue
                sign = SPACED_MINUS_RE.search(text, max(0, m.start() - 16), m.start()) if value > 0 else None
                if sign is not None:  # "toimintakulut ovat - 726 054,88 €": a minus set off by a space
                    out.append(Candidate(sign.start("minus"), m.end(), -value, "," in raw))
                    continue
                out.append(Candidate(m.start(), m.end(), value, "," in raw))
        return out

    def _numeral_word_tokens(self, doc: Doc) -> list[Token]:
        prefixes = self.words.prefixes
        # "Yhdenkään": a negative-polarity form counts nothing
        return [t for t in doc if t.is_alpha and t.lower_.startswith(prefixes) and not t.lower_.endswith(("kään", "kaan"))]

    def _every_nth_candidates(self, doc: Doc) -> list[Candidate]:
        """``joka kolmannessa kunnassa``: one in three, the fraction 1/3 (not a rhythm: ``joka toinen viikko``)."""
        out = []
        for joka, tok in zip(doc, doc[1:]):
            n = self.words.every_nth(tok.text) if joka.lower_ == "joka" else None
            after = _token_after(tok)
            if n is None or (after is not None and after.lemma_.lower() in RHYTHM_NOUNS):
                continue
            out.append(Candidate(joka.idx, tok.idx + len(tok.text), 1.0, False, denominator=float(n), word=True))
        return out

    def _word_candidates(self, doc: Doc, tokens: list[Token]) -> list[Candidate]:
        out = []
        for tok in tokens:
            if self._states_no_quantity(doc, tok):
                continue
            low = tok.lower_
            if low in self.lex.half_words:  # "puolen vuoden", never "ensimmäisen puolen vuoden" (a period)
                whole = out[-1] if out and tok.i >= 2 and doc[tok.i - 1].lower_ == "ja" else None
                if whole is not None and whole.word and whole.end == doc[tok.i - 2].idx + len(doc[tok.i - 2].text):
                    # "kaksi ja puoli tuntia": one figure, 2.5
                    out[-1] = Candidate(whole.start, tok.idx + len(tok.text), whole.value + 0.5, True, word=True)
                elif tok.i == 0 or doc[tok.i - 1].lower_ not in self.lex.half_blockers:
                    out.append(Candidate(tok.idx, tok.idx + len(tok.text), 0.5, True, word=True, half=True))
                continue
            part = self._part_of_whole(doc, tok)
            if part is not None:
                out.append(part)
                continue
            times = MULTIPLE_RE.match(low)  # "viisinkertainen": the numeral part; the unit reader takes "kertainen"
            if times:
                value = self.words.value(times.group(1))
                if value is not None and value >= 2:  # "yksinkertainen" is "simple"
                    out.append(Candidate(tok.idx, tok.idx + len(times.group(1)), value, False, word=True))
                continue
            frac = self.words.fraction(low)
            if frac is not None:
                if tok.i > 0 and doc[tok.i - 1].lower_ in ("molemmat", "kummatkin", "eri", "monet", "hyvät", "huonot"):
                    continue
                before = doc[tok.i - 1] if tok.i > 0 else None
                named_period = before is not None and (
                    _ordinal(before) or before.lemma_.lower() in self.lex.period_part_adjectives)
                if named_period or ORDINAL_BEFORE.search(text_of(doc), max(0, tok.idx - 4), tok.idx):
                    continue  # "1. neljänneksen aikana", "toisen neljänneksen", "edellisestä neljänneksestä": a period
                out.append(Candidate(tok.idx, tok.idx + len(tok.text), float(frac[0]), False, denominator=float(frac[1]), word=True))
                continue
            if low in self.words.approximate:
                out.append(Candidate(tok.idx, tok.idx + len(tok.text), self.words.approximate[low], False, word=True, approx=True))
                continue
            value = self.words.value(low)
            if value is None or tok.pos_ not in ("NUM", "NOUN", "ADJ", "DET", "PRON") or low in MULTIPLIER_PARTITIVES:
                continue  # "miljoonaa" follows a number: alone it is what is left of one that could not be read
            nxt = _token_after(tok)
            part = self.words.fraction_denominator(nxt.lower_) if nxt is not None else None
            if part and value < part:  # "kaksi kolmasosaa"
                out.append(Candidate(tok.idx, nxt.idx + len(nxt.text), value, False, denominator=float(part), word=True))
                continue
            hundreds = nxt is not None and not nxt.lower_.endswith(("sta", "stä")) and self.words.value(nxt.lower_) == 100
            if value < 10 and hundreds:  # "yhdeksään sataan": 900 ("kolme sadasta" is three of a hundred)
                out.append(Candidate(tok.idx, nxt.idx + len(nxt.text), value * 100, False, word=True))
                continue
            if nxt is not None and nxt.lower_.endswith(("sta", "stä")) and self.words.value(nxt.lower_):
                den = self.words.value(nxt.lower_)  # "kaksi viidestä"
                if den and value <= den:
                    out.append(Candidate(tok.idx, nxt.idx + len(nxt.text), value, False, denominator=den, word=True))
                    continue
            out.append(Candidate(tok.idx, tok.idx + len(tok.text), value, False, word=True))
        return out

    def _states_no_quantity(self, doc: Doc, tok: Token) -> bool:
        """A numeral word that is part of a name (capitalised mid-sentence: ``Neljän tuulen tupa``), made indefinite
        by a quantifier (``muutama kymmenen``, ``pari sataa``) or part of an idiom (``yhden luukun periaate``)."""
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = _token_after(tok)
        if prev is not None and tok.is_title and not tok.is_sent_start and (prev.is_alpha or prev.text == ","):
            return True
        if prev is not None and prev.lower_ in self.lex.vague_quantifiers:
            return True
        if nxt is not None and self.words.value(tok.lower_) == 1 and nxt.lemma_.lower() in self.lex.pro_adjectives:
            return True  # "yksi tällainen kohde": one such refers back, it counts nothing (FIGURE_GUIDE: article-like one)
        return nxt is not None and f"{tok.lower_} {nxt.lower_}" in self.lex.numeral_idioms

    def _part_of_whole(self, doc: Doc, tok: Token) -> Candidate | None:
        """``viidestä tontista kolme``, ``Kahdeksasta naapurista vain yhdellä``: a fraction of a counted whole."""
        if not tok.lower_.endswith(("sta", "stä")) or tok.i + 2 >= len(doc):
            return None
        noun = doc[tok.i + 1]
        if noun.pos_ != "NOUN" or _case(noun) != "Ela":
            return None
        whole = self.words.value(tok.lower_)
        for part in doc[tok.i + 2: tok.i + 5]:
            if part.is_punct:
                return None
            value = self.words.value(part.lower_) if part.is_alpha else parse_digits(part.text)
            if value is not None and whole and 0 < value < whole:
                return Candidate(tok.idx, part.idx + len(part.text), value, False, denominator=whole, word=True)
        return None

    # ---------------------------------------------------------------- unit
    def _read_unit(self, doc: Doc, text: str, cand: Candidate, fi: bool) -> Reading | None:
        if cand.denominator is not None:
            return self._read_fraction(doc, cand)
        scale = 1.0
        # the lower end of "10–15 %" takes the unit written after the upper end, as a number listed before others does
        pos = _skip_range_hi(text, cand.end) if cand.range_part else self._listed_unit_pos(text, cand.end, fi)
        own_end = pos == cand.end
        if cand.word and (rep := REPEAT_RE.match(text, pos)):
            pos = rep.end()
        if text.startswith((",-", ",–"), pos):  # "5 000,- euroa": the even-sum dash
            pos += 2
        if not cand.word and (suffix := CASE_SUFFIX_RE.match(text, pos)) is not None:
            rule, m = self._match_unit(text, suffix.end(), fi)  # "14:n vuorokauden sisällä": the case ending, then the unit
            # … in the same case ("200:lla vuoden 2033 loppuun" is no duration)
            agrees = m is not None and m.group().strip().endswith(suffix.group()[1:])
            pos = suffix.end() if rule is not None and rule.unit in DURATIONS and agrees else pos
        mult = self.lex.multiplier.match(text, pos) if fi else None
        if mult:
            scale = self.words.multipliers.get(mult.group().strip().lower()) or _multiplier_value(mult.group())
            pos = mult.end()
        rule, m = self._match_unit(text, pos, fi)
        if cand.half and (rule is None or rule.unit == "count"):
            return None
        if rule is None and not mult and (before := self._unit_before(text, cand.start)) is not None:
            unit, unit_word = before  # "€ 5 000", "e=1,21"
            return Reading(cand, cand.value, unit, unit_word, cand.end)
        if rule is None and not mult and not cand.word and not _is_year(cand) and (
            _under_euro_column(text, cand) or _budget_line(text, cand)
        ):  # "Hakija euroa" / "Alvar Aalto -säätiö 15 000"; "määräraha talousarviossa 385 006 000"
            return Reading(cand, cand.value, "eur", None, cand.end)
        if rule is None:
            if mult:  # "Hakijoita oli 2 tuhatta" counts; "ohjataan 17 miljoonaa" in a text about euros is money
                if not fi:
                    return None
                return Reading(cand, round(cand.value * scale, 6), "count", None, mult.end(),
                               money_if_alone=_mentions_euro(text, cand.start), multiplied=True)
            scale_m = SCALE_RE.match(text, pos)
            if scale_m and cand.value <= float(scale_m.group("hi")):  # "3,6 (asteikolla 1–5)"
                cand.denominator = float(scale_m.group("hi"))
                return Reading(cand, cand.value, "score", None, cand.end)
            if not fi:
                return None
            if cand.decimal:  # the value of a named score or share: "NPS-mittauksen arvo oli 75,8"
                first, _ = _tokens_of(doc, cand.start, cand.end)
                named = self._named_measure_before(doc, first) if first is not None else None
                if named:
                    return Reading(cand, cand.value, named[1], None, cand.end)
                # … else a count of full-time equivalents or an average, which the count rules must find a noun for
                return Reading(cand, cand.value, "count", None, cand.end)
            if pos < len(text) and text[pos].isalpha():
                return None  # "3D", "4G": glued letters that are no unit
            return Reading(cand, cand.value, "count", None, cand.end)
        unit_end = m.end()
        if (case_suffix := CASE_SUFFIX_RE.match(text, unit_end)) is not None:  # "m²:n", "k-m²:llä"
            unit_end = case_suffix.end()
        unit_word = text[m.start(): unit_end].strip()
        value = round(cand.value * scale * rule.scale, 6)  # 1,017 miljardia is 1017000000, not 1016999999.9999999
        if rule.unit in ("percent", "percentage_point") and (abs(value) > self.max_percent or scale != 1):
            return None
        if rule.unit in ("year", "month", "week", "day", "hour") and cand.word is False and _is_year(cand):
            return None
        end = unit_end if own_end else cand.end
        if rule.unit == "count":  # "44 kpl": a count whose noun is around it
            return Reading(cand, value, "count", unit_word, end)
        return Reading(cand, value, rule.unit, unit_word, end)

    def _listed_unit_pos(self, text: str, pos: int, fi: bool) -> int:
        """``5, 10 ja 15 euroa``, ``2 tai 3 miljoonaa euroa``, ``2+2 vuotta``: where the measure unit of the list a
        number opens is."""
        tail = LIST_TAIL_RE.match(text, pos)
        if tail is None:
            return pos
        mult = self.lex.multiplier.match(text, tail.end()) if fi else None
        rule, _ = self._match_unit(text, mult.end() if mult else tail.end(), fi)
        return tail.end() if rule is not None and rule.unit != "count" else pos

    def _match_unit(self, text: str, pos: int, fi: bool) -> tuple[UnitRule | None, re.Match | None]:
        for rule in self.lex.units:
            if not fi and not rule.sv:
                continue
            m = rule.regex.match(text, pos)
            if m and (m.end() >= len(text) or not text[m.end() - 1].isalnum() or not text[m.end()].isalnum()):
                return rule, m
        return None, None

    def _unit_before(self, text: str, start: int) -> tuple[str, str] | None:
        """(unit, unit word) written right before the number: ``€ 5 000``, ``EUR 3 500``, ``e=1,21``, a unit price's
        ``euroa/m² 1,9``."""
        window = text[max(0, start - 14): start]
        for rule in self.lex.units_before:
            if (m := rule.regex.search(window)) is not None:
                return rule.unit, m.group().strip(" =")
        return None

    def _read_fraction(self, doc: Doc, cand: Candidate) -> Reading:
        # (a fraction word is never a score: "puolet summasta" beside "Arvio perustuu …")
        score = not cand.word and (cand.decimal or _lemmas_around(doc, cand.start, 12) & self.lex.score_words)
        unit = "score" if score else "fraction"
        return Reading(cand, cand.value, unit, None, cand.end)

    # ---------------------------------------------------------------- counts
    def _count_subject(self, doc: Doc, first: Token, last: Token, cand: Candidate, reading: Reading) -> Reading | None:
        """What a count (or fraction) counts; a lone number with nothing counted is no figure."""
        explicit = reading.unit_word is not None
        if not explicit and not cand.word and cand.denominator is None and reading.unit == "count" and (
            (_names_before(doc, first) and _label_of_share_count(doc, first, last) is None)  # "Lääkärit 1 414 (8,9 %)"
            or _names_after(doc, last) or _label_number(doc, first, last) or _code_list_end(doc, first)
            or _list_item_number(doc, first, last) or (
                cand.value >= 10000 and cand.end - cand.start == len(f"{cand.value:.0f}") and not _counts_partitive_after(last))
        ):
            return None  # "huoneisto B 20", "tulosyksiköltä 1000022": a name or a code, not a count (but "16600 uutta
            # sairaanhoitajaa" counts, thousands unspaced)
        if cand.word and cand.value == 1 and not explicit and _case(first) in ("Tra", "Ess"):
            return None  # "nostettu yhdeksi painopisteeksi", "yhtenä keinona": as one of several, no count
        inner = [t for t in doc[first.i + 1: last.i + 1] if t.pos_ == "NOUN" and not self.words.fraction_denominator(t.lower_)]
        if inner and cand.denominator is not None:  # "viidestä tontista kolme"
            reading.subject = inner[0].lemma_.lower()
            return reading
        noun = self._counted_noun(doc, first, last, cand, explicit) if reading.unit != "score" else None
        if cand.word and cand.value == 1 and noun is not None and _picks_one_of_many(noun):
            return None
        if cand.decimal and not explicit and noun is not None and not _counts_decimal(noun, last):
            noun = None  # a decimal counts only the singular right after it: "45,8 henkilöä", "4,5 henkilöllä"
        if noun is not None and noun.lemma_.lower() in self.lex.classifiers:
            # "ulkokuntalaisia on 0–10 henkilöä", "Osallistujat: 120 henkilöä"
            fronted = self._fronted_partitive(doc, first) or _colon_label(doc, first)
            owner = self._classified_owner(doc, first, last, noun) if fronted is None else None
            if owner is not None:  # "Henkilöstön määrä kasvoi 32 henkilöllä", "väkiluku väheni 78 henkilöllä"
                reading.subject = self._specific(owner)
            else:
                reading.subject = fronted.lemma_.lower() if fronted is not None else self._counted_lemma(noun)
        elif noun is not None:
            compound = _count_compound_naming(noun)  # "oppilasmäärä on 40 oppilasta": the count its copula states
            reading.subject = (compound.lemma_.lower() if compound is not None
                               else self._counted_lemma(noun, after_digits=not cand.word and noun.i == last.i + 1))
        elif reading.unit_word is not None:
            reading.subject = self.lex.unit_subjects.get(reading.unit_word.lower().split(":")[0])
            if reading.subject in self.lex.classifiers or reading.unit_word.lower().startswith(tuple(self.lex.classifiers)):
                # "1 kpl … myyntipisteitä", else a fronted partitive: "Hakemuksia saapui yhteensä 48 kappaletta"
                # … or a label line: "Toteutuneet kotikäynnit: 1 234 kpl"
                counted = (_counted_after_classifier(doc, first, last, self.lex.more | self.lex.less)
                           or self._fronted_partitive(doc, first) or _colon_label(doc, first))
                reading.subject = counted.lemma_.lower() if counted is not None else reading.subject
        if reading.unit != "count" or reading.unit_word is not None:
            if noun is not None and reading.unit == "count" and reading.unit_word is None:
                reading.unit_word = noun.text
            return reading
        if noun is not None:
            reading.unit_word = noun.text
            return reading
        bare = self._bare_count(doc, first, last, cand, reading)
        if bare is None and (reading.money_if_alone or reading.multiplied and self._money_sentence(first)):
            reading.unit = "eur"  # "ohjataan 17 miljoonaa" in a text about euros, "ylijäämä … on 37,2 miljoonaa"
            return reading
        return bare

    def _money_sentence(self, first: Token) -> bool:
        """A sentence about a sum of money: a budget, a balance or a money noun (``ylijäämä``, ``kulut``)."""
        return any(t.pos_ == "NOUN" and self._names_money(t) for t in first.sent)

    def _names_money(self, tok: Token) -> bool:
        """Whether a noun's lemma, in its money sense (``toimintakulku`` -> ``toimintakulu``), names money."""
        return _money_sense(tok.lemma_.lower(), self.lex.money_senses).endswith(self.lex.money_context_endings)

    def _compared_after(self, last: Token) -> bool:
        """Whether a comparative follows the figure: ``15 % enemmän``, ``0,9 prosenttia vähemmän``."""
        after = _token_after(last)
        return after is not None and self._comparative_direction(after) is not None

    def _counted_noun(self, doc: Doc, first: Token, last: Token, cand: Candidate, explicit_unit: bool = False) -> Token | None:
        """The noun a number counts: ``184 tehtävää``, ``kahteen … tavoitteeseen``, ``210 … avaintulosta``."""
        num_case = _numeral_case(first) if cand.word else None
        if first.lower_ == "joka":  # "joka kolmannessa julkisen alan organisaatiossa": the noun past its attributes
            return next((t for t in doc[last.i + 1: last.i + 5] if t.pos_ == "NOUN" and _case(t) != "Gen"), None)
        # the parser's own reading, used when morphology is ambiguous ("avaintulosta" read as elative)
        head = next(
            (
                t.head for t in (last, first)
                # a verb counts only as a participle standing for a noun, never finite: "Hakemuksista 12 hyväksyttiin"
                if t.dep_ == "nummod" and (t.head.pos_ == "NOUN" or (t.head.pos_ == "VERB" and _case(t.head)))
                and t.head.i > last.i
            ),
            None,
        )
        # digits show no case: "noin 1 135 asunnon tuotannon" counts the noun right after the number
        if last.text.endswith(".") and last.text[:-1].replace(" ", "").isdigit():
            return None  # "Helmiäispolku 5. Tiedot": the dot ends the sentence
        # … unless an ordinal makes the genitives modifiers of a later partitive: "103 400 perusopetuksen 4. ja 5.
        # luokan oppilasta"
        past = _partitive_past_ordinal(last) if not cand.word and not explicit_unit and not _is_year(cand) else None
        if past is not None:
            return past
        shared = _shared_count_noun(doc, last) if not cand.word and not _is_year(cand) else None
        if shared is not None:  # "1 tai 2 vuosiluokkaa": alternatives share the noun
            return shared
        nxt = last.i + 2 if last.i + 2 < len(doc) and doc[last.i + 1].lemma_.lower() == "muu" else last.i + 1
        adjacent = doc[nxt] if nxt < len(doc) and not cand.word and not explicit_unit else None  # "12 muun valtuutetun"
        if adjacent is not None and not (
            adjacent.pos_ == "NOUN" and adjacent.lemma_.lower() not in self.lex.count_excluded and not adjacent.is_sent_start
        ):
            adjacent = None
        if adjacent is not None and _truncated(adjacent):  # "300 opiskelija- ja nuorisoasuntoa": the full word counts
            adjacent = next((t for t in doc[adjacent.i + 1: adjacent.i + 5] if t.pos_ == "NOUN" and _is_word(t)), None)
        # a number written like a year is one only when nothing marks it as an amount: "yhteensä 2093 vastausta"
        year = _is_year(cand) and not (
            adjacent is not None and _case(adjacent) == "Par" and first.i > 0
            and doc[first.i - 1].lower_ in TOTALLING | self.lex.approx | self.lex.bound_gt | self.lex.bound_lt
        )
        if adjacent is not None and _case(adjacent) == "Gen" and not year and "Plur" not in adjacent.morph.get("Number"):
            # "1 135 asunnon tuotantoa": the genitive right after the number is what it counts; a cardinal takes the
            # singular, so a plural one is an attribute of the noun counted ("700 000 lasten kaunokirjaa")
            return _counted_past_owner(doc, adjacent, self.lex.classifiers) or adjacent
        parenthesised = first.i > 0 and doc[first.i - 1].text == "("
        for tok in doc[last.i + 1: last.i + 6]:
            if (tok.is_punct and tok.text not in "()") or tok.is_sent_start or (tok.text[:1].isdigit() and doc[tok.i - 1].text != "("):
                break  # another number starts its own phrase: "88 suomenkielisestä koulusta 7 erityiskoulua"
            if tok.text == ")" and parenthesised:
                break  # "mainoslaitepaikkojen (66 kpl) sijainteja": the count's phrase ends with its parenthesis
            if tok.pos_ == "NOUN" and _participle_read_as_noun(tok):
                continue  # "kaksi huoneistonsa vuokrannutta osakkeenomistajaa"
            if _case(tok) == "Gen" and doc[tok.i - 1].pos_ == "NUM" and tok.i - 1 > last.i:
                continue  # a measure phrase describes the counted noun: "kaksi yhden vuoden optiota"
            if (tok.pos_ == "NOUN" or (explicit_unit and tok.pos_ == "PROPN")) and tok.lemma_.lower() not in self.lex.count_excluded:
                case = _case(tok)
                singular = "Plur" not in tok.morph.get("Number")
                agrees = (
                    (case == "Par" and cand.value != 1)
                    or (num_case is not None and case == num_case and (cand.value != 1 or singular))
                    or (num_case == "Nom" and case == "Gen" and first.lower_.endswith(NOM_GEN_NUMERALS))
                    or (cand.value == 1 and case == "Nom" and singular)
                    or (cand.denominator is not None and not cand.word)  # "Kolmen (3/5) … tavoitteen"
                )
                if agrees:  # a number written like a year counts nothing unless its unit says so: "2023-2027 lausuntoa"
                    return None if year and not explicit_unit else _post_of(tok, case) or tok
                continue  # a noun in another case ("strategiaan") modifies the counted one
            # a participle standing for people: "kolme haastateltua osoittivat"; so does an adjective ending its
            # phrase: "41 700 työtöntä, mikä …" (not "3 uutta ja 2 vanhaa koulua")
            participle = tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm")
            # (not a pro-adjective, which refers back: "joista kaksi tällaista", "viisi erilaista")
            if participle or (tok.pos_ == "ADJ" and not tok.lemma_.lower().endswith("lainen")):
                after = _token_after(tok)
                nominal = after is None or (
                    after.pos_ not in ("NOUN", "ADJ", "PROPN") and (participle or _ends_noun_phrase(after)))
                if nominal and _case(tok) == "Par" and cand.value != 1 and tok.i == last.i + 1:
                    return tok
                continue
            if tok.pos_ in SKIP_POS_TO_NOUN:
                continue
            if tok.text in "()" or tok.pos_ == "ADV" or tok.lemma_.lower() == "muu":  # "ja 18 muuta valtuutettua"
                continue
            if tok.pos_ == "CCONJ" and doc[tok.i - 1].pos_ == "ADJ":
                continue  # coordinated adjectives: "kahteen selkeään ja erilliseen … tehtävään"
            break
        if adjacent is not None and not year and not _nominative_after_many(cand, adjacent) and _countable(adjacent):
            return adjacent
        if (
            head is not None and head.i <= last.i + 3 and not cand.word and not _is_year(cand)
            and not _nominative_after_many(cand, head) and _countable(head)
            and head.lemma_.lower() not in self.lex.count_excluded
            and all(t.pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "VERB") for t in doc[last.i + 1: head.i])
            and not (_case(head) in LOCATIVE_CASES | PURPOSE_CASES and _part_of_relative(doc, first))
        ):  # ("330 paikkaa, joista noin 246 suomenkieliselle toiminnalle": a part of the paikat, given to a purpose)
            return head
        return None

    def _counted_lemma(self, tok: Token, after_digits: bool = True) -> str:
        """Lemma of a counted noun; after a number "-sta" may be the partitive of an s-stem (avaintulosta ->
        avaintulos) that the tagger read as an elative of another stem (avaintulo), when the language has
        that s-stem ("henkilöstä" has none: henkilö)."""
        stem = PRESENT_PARTICIPLE_STEM.match(tok.lower_) if "Pres" in tok.morph.get("PartForm") else None
        if tok.pos_ == "VERB" and stem:
            # a present participle as a noun, in any case: "1 000 valmennettavaan" -> valmennettava, not "valmentaa"
            return stem.group(1) + ("a" if re.search("[aou]", tok.lower_) else "ä")
        if (tok.pos_ == "VERB" or "Part" in tok.morph.get("VerbForm")) and _case(tok) == "Par" and tok.lower_.endswith(("a", "ä")):
            return tok.lower_[:-1]  # a participle as a noun: "haastateltua" -> haastateltu, not the verb "haastatella"
        if (
            after_digits and self.voikko is not None and _case(tok) == "Ela" and tok.lower_.endswith(S_STEM_PARTITIVES)
            and "Plur" not in tok.morph.get("Number")
        ):
            partitive = next((a["BASEFORM"] for a in self.voikko.analyze(tok.text)
                              if a.get("SIJAMUOTO") == "osanto" and a.get("NUMBER") == "singular"), None)
            if partitive is not None:
                return partitive
        if tok.lemma_.lower() == tok.lower_ and tok.lower_.endswith(("sta", "stä")) and _case(tok) == "Par":
            return tok.lower_[:-2]  # "hakemusta" left unlemmatised
        return tok.lemma_.lower()

    def _bare_count(self, doc: Doc, first: Token, last: Token, cand: Candidate, reading: Reading) -> Reading | None:
        """``Konkreettisia tehtäviä … on kiinnitetty … 717``: a lone number counting a fronted partitive noun."""
        if _part_of_relative(doc, first) and not cand.range_part:  # past a hedge: "joista noin 600"
            predicate = _predicate_noun(doc, last)  # "850 opiskelijaa, joista noin 600 on valmennusurheilijoita"
            reading.subject = predicate.lemma_.lower() if predicate is not None else None
            return reading  # a part of the count before it ("joista yksi hakijoista"); the subject comes from that figure
        named = _noun_before_parenthesis(doc, first, last) if not (cand.decimal or cand.word or _is_year(cand)) else None
        if named is not None and cand.value >= 10:  # "paloilmoittimen tarkastukset (559)" (not a mark: "lähteet (2)")
            reading.subject = named.lemma_.lower()
            return reading
        labelled = _label_of_share_count(doc, first, last) if not (cand.decimal or cand.word or _is_year(cand)) else None
        if labelled is not None:  # "Hoitohenkilöstö 9 690 (60,9 %)": so many, and what share of the whole they are
            reading.subject = self._specific(labelled)
            return reading
        whole = _pronoun_whole(doc, first.sent, first, self.lex) if not cand.decimal else None
        if whole is not None:  # "Heistä 23 466 (85,6 %) osallistui": so many of the children named before
            reading.subject = whole.lemma_.lower()
            return reading
        prev, nxt = _previous_content(doc, first.sent, first, self.lex), _token_after(last)
        verb = next(iter(_skip_parentheses(doc[last.i + 1: min(last.i + 8, first.sent.end)])), None)
        if (
            prev is not None and prev.pos_ == "NOUN" and _case(prev) == "Ela" and "Plur" in prev.morph.get("Number")
            and verb is not None and verb.pos_ in ("VERB", "AUX") and not cand.decimal and not _is_year(cand)
        ):  # "Hakijoista 9 on luokiteltu kyläyhdistykseksi", "lapsista 13 016 (16,1 %) ei osallistunut": a part of
            # the whole the elative names
            reading.subject = prev.lemma_.lower()
            return reading
        if (
            nxt is not None and nxt.pos_ == "NOUN" and _case(nxt) == "Ela" and "Plur" in nxt.morph.get("Number")
            and not cand.decimal and not _is_year(cand) and not (cand.word and cand.value == 1)
        ):  # "kaksi oppilaista asuu Ojanperällä", "vähintään kaksi ryhmistä": so many of those
            reading.subject = nxt.lemma_.lower()
            return reading
        named = self._named_measure_before(doc, first) if not (cand.word or _is_year(cand)) else None
        if named is not None:  # "suositteluindeksi (NPS) oli koko hyvinvointialueella 68", "vastausprosentti oli 47,5"
            reading.unit, reading.subject = named[1], self._specific(named[0])
            return reading
        changed = self._signed_change(doc, first, last, cand)
        if changed is not None:  # "väestö oli lisääntynyt Myyrmäessä (+270), Korsossa (+190)": by place
            place = doc[first.i - 2] if first.i >= 2 else None
            reading.subject = changed
            reading.qualifier = self._place_name(place) if place is not None and _case(place) in LOCATIVE_CASES else None
            return reading
        if _is_year(cand) or cand.value < 0 or (cand.word and cand.value == 1):
            return None
        counted = _counted_past_measure(doc, last) if not cand.decimal else None
        if counted is not None:  # "on esitetty 10 yli 300 000 euron hanketta": ten projects of that size
            reading.subject = counted.lemma_.lower()
            return reading
        # a decimal times a multiplier is a whole count: "käyntejä tehtiin 4,7 miljoonaa"
        whole = reading.value >= 1000 and abs(reading.value - round(reading.value)) < 1e-6
        if cand.decimal and not reading.money_if_alone and not whole:
            return self._decimal_count(doc, first, reading)
        measure = self._measure_subject(doc, first) or self._changed_amount(doc, first, last)
        if measure is not None:  # "Niiden asukasmäärät ovat noin 10–350", "odottaneiden määrä on laskenut 107:lla"
            reading.subject = measure
            return reading
        if cand.vote:  # "päätti äänin 10–3": the votes for and against
            reading.subject = "ääni"
            return reading
        if cand.range_part:  # only a fronted count with its verb: "uusia asukkaita voi alueelle muuttaa n. 450-600"
            fronted = self._fronted_partitive(doc, first)
            verb = fronted is not None and _has_verb(doc[fronted.i + 1: first.i])
            reading.subject = fronted.lemma_.lower() if verb else None
            return reading if verb else None
        vote = self._vote_kind(doc, first, last)
        if vote is not None:  # README: votes are "ääni", their kind the qualifier
            reading.subject, reading.qualifier = "ääni", vote
            return reading
        nxt = _past_period(doc, last)  # "Lapsia oli 34 900 vuonna 2024."
        if nxt is not None and not (nxt.is_punct or nxt.pos_ in ("CCONJ", "SCONJ") or nxt.is_space):
            return None
        restated = (after_last := _token_after(last)) is not None and after_last.text == "("  # "oli 7 069 (8 295)"
        listed = next((t for t in doc[last.i + 1: last.i + 3] if t.text[:1].isdigit()), None)
        measured = listed is not None and self._has_measure_unit(text_of(doc), listed.idx + len(listed.text), True)
        if not restated and listed is not None and (nxt is None or nxt.i <= last.i + 2) and not measured:
            # "Tulosyksiköitä 9620, 9621, 9622": a list of numbers names things, it counts nothing (but "kävijöitä oli
            # 48 900, 3,2 prosenttia enemmän" goes on to a figure of another unit)
            return None
        if last.dep_ in ("flat", "flat:name", "compound", "appos") and not _parallel_number(last) and not restated:
            return None
        fronted = self._fronted_partitive(doc, first)
        if fronted is None:
            return None
        # (a verb before the fronted noun counts too: "Alueella on asukkaita noin 273 000")
        verbless = not _has_verb(doc[first.sent.start: first.i])
        if verbless and any(ch.isspace() for ch in text_of(doc)[cand.start: cand.end]):
            return None  # "Asiakkaita 120 135 140": a table row's label, its spaces may part cells as well as thousands
        reading.subject = self._participle_as_noun(fronted) or fronted.lemma_.lower()
        return reading

    def _participle_as_noun(self, tok: Token, voikko_case: str | None = None) -> str | None:
        """The base form of a participle standing for people (``aloittavia`` -> ``aloittava``, ``vastanneita`` ->
        ``vastannut``), by Voikko, where the tagger gives the verb's; with ``voikko_case`` (``sisaeronto``) any
        word Voikko reads as a participle in that case, whatever the tagger made of it (``täyttäneistä``)."""
        if self.voikko is None or tok.pos_ not in ("VERB", "ADJ", "NOUN") or not tok.is_alpha:
            return None
        if voikko_case is None and "Part" not in tok.morph.get("VerbForm"):
            return None
        return next((a["BASEFORM"] for a in self.voikko.analyze(tok.text) if "PARTICIPLE" in a and (
            voikko_case is None or a.get("SIJAMUOTO") == voikko_case)), None)

    def _decimal_count(self, doc: Doc, first: Token, reading: Reading) -> Reading | None:
        """A bare decimal counts full-time equivalents or an average of an amount a copula names (``henkilöstön
        määrä … oli 388,17``) or of a partitive fronted with its verb (``Vakituisia henkilöitä oli 316,03``,
        ``poissaolopäiviä kertyi keskimäärin 15,5``); any other bare decimal is no figure."""
        nxt = _token_after(first)
        if nxt is not None and nxt.text[:1].isdigit():
            return None  # "käytti 1,847 000 asiakasta": a garbled thousands group, no decimal
        measure = self._measure_subject(doc, first)
        if measure is not None:
            reading.subject = measure
            return reading
        fronted = self._fronted_partitive(doc, first)
        if fronted is None:
            return None
        # "joista vakituisia 135,5"; a gapped clause after one with its verb: "… oli 351,4 ja määräaikaisia 61,2"
        part = fronted.i > 0 and doc[fronted.i - 1].lower_ in PART_OF_WHOLE
        gapped = fronted.i + 1 == first.i and fronted.i > 0 and doc[fronted.i - 1].lower_ in ("ja", "sekä")
        if not (part or gapped) and not _has_verb(doc[fronted.i + 1: first.i]):
            return None
        reading.subject = fronted.lemma_.lower()
        return reading

    def _vote_kind(self, doc: Doc, first: Token, last: Token) -> str | None:
        """``Jaa-äänet: 14``, ``Tyhjä: 37`` on their own line, or ``Tyhjää äänesti 1``: the kind of vote the number
        counts."""
        if first.i >= 2 and doc[first.i - 1].lemma_ == "äänestää":
            kind = doc[first.i - 2].lemma_.lower().split("-")[0]
            return kind if kind in self.lex.vote_kinds else None
        if first.i < 2 or doc[first.i - 1].text != ":":
            return None
        nxt = _token_after(last)
        if not (nxt is None or "\n" in nxt.text):
            return None
        kind = doc[first.i - 2].lower_.split("-")[0]
        return kind if kind in self.lex.vote_kinds else None

    def _named_measure_before(self, doc: Doc, first: Token, max_dist: int = 6) -> tuple[Token, str] | None:
        """The score or share a bare number is the value of, named before it across a copula, adverbials and a
        parenthesis, with its unit: ``NPS oli 74``, ``NPS-mittauksen arvo oli 75,8`` (score), ``vastausprosentti oli
        47,5`` (percent)."""
        for tok in reversed(doc[max(first.sent.start, first.i - max_dist): first.i]):
            named = tok.lemma_.lower() if tok.lemma_.lower() not in self.lex.measure_heads else self._specific(tok)
            if tok.pos_ == "NOUN" and tok.lemma_.lower().endswith("prosentti"):  # "valtionosuuksien toteutumisprosentti"
                return tok, "percent"
            if named.startswith(self.lex.score_indices):
                return tok, "score"
            skippable = (
                tok.lemma_ == "olla" or tok.pos_ in ("ADV", "PUNCT", "DET", "ADJ") or tok.is_space
                or (tok.pos_ in ("NOUN", "PROPN") and _case(tok) in ("Ine", "Ade", "Gen", "Ess"))  # "oli alkuvuonna 83"
                or (tok.pos_ == "NUM" and any(t.lemma_ == "asteikko" for t in doc[max(0, tok.i - 3): tok.i]))  # "asteikolla 1–5"
                or _year_token(tok)  # "NPS oli vuonna 2024 74"
            )
            if not skippable:
                return None
        return None

    def _measure_subject(self, doc: Doc, first: Token) -> str | None:
        """Copula subject naming an amount (``asukasmäärä``, ``lukumäärä``) for a number without unit; a generic one
        yields to its owner (``Hakijoiden määrä on 12`` -> hakija)."""
        olla = _copula_before(doc, first, self.lex)
        if olla is None:
            return None
        # past a time adverbial: "Perusopetusikäisten määrä vuonna 2019 on 361"
        noun = _nearest_noun_before(doc, first.sent, olla, max_dist=4, skip_cases=TIME_CASES)
        if noun is not None and noun.lemma_.lower().endswith(COUNT_NOUN_ENDINGS):
            return self._specific(noun)
        return None

    def _place_name(self, tok: Token) -> str:
        """The base form of a place (the tagger leaves proper names inflected: ``Korsossa`` -> ``korso``)."""
        if tok.pos_ == "PROPN" and self.voikko is not None:
            base = next((a["BASEFORM"] for a in self.voikko.analyze(tok.text) if a.get("CLASS") == "paikannimi"), None)
            if base is not None:
                return base.lower()
        return tok.lemma_.lower()

    def _signed_change(self, doc: Doc, first: Token, last: Token, cand: Candidate) -> str | None:
        """A signed whole number alone in parentheses in a sentence whose verb of change has a noun subject counts
        the change of that noun: ``väestö oli lisääntynyt Myyrmäessä (+270)``."""
        if cand.decimal or _signed_in_parentheses(doc, first, last) is None:
            return None
        changed = (self._changing_subject(verb) for verb in first.sent)
        noun = next((n for n in changed if n is not None and _may_be_subject(n)), None)
        return self._specific(noun) if noun is not None else None

    def _changed_amount(self, doc: Doc, first: Token, last: Token) -> str | None:
        """What a number counts by which an amount changes: ``odottaneiden määrä on laskenut 107:lla``."""
        # the number's own verb, not one of a clause above ("Oppilasmäärä laskee siten, että … oppilaita on 140"),
        # also past the number of a from/to pair the parse hung it on ("kasvoi 571:stä 614:ään", "8 168:sta")
        while last.dep_ in ("nummod", "flat", "compound") and last.head.text[:1].isdigit() and last.head.i != last.i:
            last = last.head
        noun = self._changing_subject(last.head) if last.dep_ in ("obl", "obj", "advmod") else None
        if noun is None:
            return None
        if noun.lemma_.lower().endswith(COUNT_HEADS):
            return self._specific(noun)
        # … or a plural of things that are not money changing by so many: "kirjastokäynnit kasvoivat 1,4 miljoonalla"
        countable = "Plur" in noun.morph.get("Number") and not self._names_money(noun)
        return noun.lemma_.lower() if countable and _case(last) == "Ade" and _may_be_subject(noun) else None

    def _changing_subject(self, verb: Token) -> Token | None:
        """The noun subject of a verb of change: ``väestö`` of ``väestö oli lisääntynyt``."""
        if verb.pos_ != "VERB" or _direction_of(verb.lemma_.lower(), self.lex.directions["verbs"]) is None:
            return None
        return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)

    def _fronted_partitive(self, doc: Doc, first: Token) -> Token | None:
        """The partitive plural noun a clause fronts before its number (``tehtäviä … 717``), or a collective's
        singular (``henkilökuntaa oli vuoden lopussa 89``)."""
        sent = first.sent
        for tok in reversed(doc[sent.start: first.i]):
            if tok.text in (";", ":") or (tok.text[:1].isdigit() and not _year_token(tok)):
                return None
            # an adjective naming a part of the whole before: "joista vakituisia oli 152 ja määräaikaisia 52"
            # … or a participle standing for people: "Opintonsa aloittavia on arviolta yli 37 000"
            prev, nxt = doc[tok.i - 1] if tok.i > 0 else None, _token_after(tok)
            substantive = (tok.pos_ == "ADJ" or "Part" in tok.morph.get("VerbForm")) and (
                (prev is not None and prev.lower_ in PART_OF_WHOLE) or (nxt is not None and nxt.i == first.i)
                or (nxt is not None and nxt.lemma_ == "olla" and all(t.pos_ == "ADV" or t.dep_ == "obl" for t in doc[nxt.i + 1: first.i]))
            )
            if (
                (tok.pos_ == "NOUN" or substantive)
                and _case(tok) == "Par"
                and ("Plur" in tok.morph.get("Number") or tok.lemma_.lower().endswith(self.lex.collectives))
                and tok.lemma_.lower() not in self.lex.count_excluded
                and not (tok.i > 0 and doc[tok.i - 1].like_num and not _year_token(doc[tok.i - 1]))  # counted by its own number
            ):
                return tok
        return None

    # ---------------------------------------------------------------- attributes
    def _attributes(
        self, doc: Doc, text: str, sent: Span, readings: list[tuple[Reading, Token, Token]], report_period: str | None,
        section_kind: str | None, fi: bool, earlier: list[Figure],
    ) -> list[Figure]:
        sent_text = sent.text
        periods = find_periods(sent_text, report_period) if fi else _years_only(sent_text)
        # a number read as an amount is no year, whatever it looks like: "2000 - 3500 työpaikan"
        spans = [(r.cand.start - sent.start_char, r.end - sent.start_char) for r, _, _ in readings]
        periods = [m for m in periods if not any(a < m.end and m.start < b for a, b in spans)]
        clause_of = _partition(sent, CLAUSE_BREAKS)
        item_of = _partition(sent, ITEM_BREAKS)
        out: list[Figure] = []
        for reading, first, last in readings:
            approx, bound = self._hedges(doc, text, first) if fi else (False, None)
            approx = approx or reading.cand.approx
            subject, subject_rule = reading.subject, READ_WITH_NUMBER if reading.subject is not None else None
            if subject is None and fi:
                subject, subject_rule = self._decided_subject(doc, sent, first, last, reading, out, earlier, clause_of)
            # "Lapsia oli 34 900. Määrä laski (-9 %)": the amount of those; "… oli 12 400, ja kasvua 2,1 prosenttia"
            taken = (
                _taken_up(doc, first, reading.unit, out or earlier) if subject in self.lex.amount_heads
                else _taken_up(doc, first, reading.unit, out) if subject in self.lex.change_heads else None
            ) if fi else None
            if taken:
                subject, subject_rule = taken, "taken_up"
            subject = self.lex.subject_aliases.get(subject, subject)
            if subject is not None:  # costs grow by 2,2 % too: no figure measures a "course"
                subject = _money_sense(subject, self.lex.money_senses)
            if subject is not None and not _names_something(subject):
                subject = None
            rel = first.idx - sent.start_char
            if reading.unit in DURATIONS:
                period = _measured_stretch(sent_text, rel, periods)
            else:
                period = self._period(sent, first, reading.end, periods, clause_of, item_of, report_period)
                if period is None and fi and not periods and sent.start > 0:
                    period = period_referred_to(sent_text, doc[sent.start - 1].sent.text, report_period)
                if period is None and fi and not periods:  # README: a list inherits its introducing sentence's period
                    period = _intro_period(doc, sent, report_period)
                if period is None and fi and not periods and report_period is None:
                    period = _period_of_sentence_before(doc, sent)  # README: "the sentence or the one before it"
            fig = Figure(
                figure_id="",
                value=reading.value,
                unit=reading.unit,
                unit_word=reading.unit_word,
                start_char=reading.cand.start,
                end_char=reading.end,
                sentence=sent_text.strip(),
                section_kind=section_kind,
                denominator=reading.cand.denominator,
                approx=approx,
                bound=bound,
                subject=subject,
                subject_rule=subject_rule if subject is not None else None,
                qualifier=reading.qualifier or (self._qualifier(sent, first, last, item_of, clause_of, subject) if fi else None),
                period=period,
                per=self._per(text, reading.cand.start, reading.end, reading.unit) if fi else None,
                direction=self._direction(doc, sent, first, last, reading, clause_of) if fi else None,
            )
            out.append(fig)
        if not fi:
            return out
        return _range_ends_agree(doc, _restatements(doc, self._comparisons(doc, sent, out, periods), self.lex.classifiers))

    def _decided_subject(
        self, doc: Doc, sent: Span, first: Token, last: Token, reading: Reading, out: list[Figure], earlier: list[Figure],
        clause_of: dict[int, int],
    ) -> tuple[str | None, str | None]:
        """The subject rules' verdict, else what the fallbacks find, with the name of the rule or fallback."""
        # a VAT rate beside an amount ("860 000 euroa (alv 0 %), josta …") is no figure the next one can refer to
        referable = [f for f in out if not (f.unit == "percent" and f.subject == "alv")]
        query = SubjectQuery(doc, _paragraph_scope(doc, sent, first), first, last, reading, referable, clause_of)
        subject, rule = self._subject(query)
        outturn_of = self._outturn_of(subject, first, out)
        if outturn_of is not None:
            subject, rule = outturn_of, "outturn_of_figure_before"
        measure = self._area_measure(reading, subject, doc[sent.start: first.i], self._area_of_kind(doc, sent, first, last))
        if measure != subject:
            subject, rule = measure, "area_measure"
        if subject in self.lex.qualifiers or subject in self.lex.qualifiers.values():
            # "… 85 % ja huomioitavaa oli 15 %": a state, not a whole
            subject, rule = (out[-1].subject if out else None), "state_of_whole"
        if subject is None and reading.unit in SHARE_UNITS:
            subject, rule = _elided_whole(doc, first, last, out or earlier), "elided_whole"
        if subject is None and reading.unit == "eur":  # "Seurantalon käyttäjiltä peritään seuraavat maksut:" /
            subject, rule = self._list_money(query), "list_money"  # "• Kokoushuone: 8 €/tunti; yli 4 tuntia 30 €"
        if subject is None and reading.unit == "eur":  # "periä takaisin 2 024 euroa … myönnetystä avustuksesta"
            whole = self._money_whole_after(sent, last)
            subject, rule = (self._specific(whole) if whole is not None else None), "money_whole_after"
        if reading.unit == "eur" and not (subject or "").endswith(self.lex.money_context_endings) and _on_budget_item_line(
                doc, first):
            subject, rule = "määräraha", "budget_item_line"
        if subject is None and reading.unit not in DURATIONS:  # a duration nothing names has no subject
            topic = _sentence_topic(doc, first, self.lex.agents)
            subject, rule = (self._specific(topic) if topic is not None else None), "sentence_topic"
        if subject is None and reading.unit not in DURATIONS and self.ranker is not None:
            # no rule applies: the ranker's choice among the sentence's nouns, or still none (overruling
            # a rule's pick broke more subjects on unseen text than it fixed)
            noun = self.ranker.choose(self.subject_nouns(first, last), first, last, reading.unit)
            subject, rule = (self._specific(noun) if noun is not None else None), "ranker"
        if subject is None and reading.unit == "other" and last.pos_ == "NOUN" and last.is_alpha and len(last) > 4:
            subject, rule = last.lemma_.lower(), "unit_noun"  # "katetaan noin 320 henkilötyövuotta": what the unit counts
        return subject, rule

    def _outturn_of(self, subject: str | None, first: Token, out: list[Figure]) -> str | None:
        """An outturn named by no owner, after a figure of the same sentence, is that figure's outturn: "Investointien
        toteuma oli 1,0 miljoonaa euroa, toteumaprosentti oli 30,5" -> investointi."""
        if subject is None or subject not in self.lex.measure_heads or not subject.startswith(OUTTURN_PREFIXES):
            return None
        before = out[-1] if out and out[-1].start_char >= first.sent.start_char else None
        if before is None or before.subject is None or before.subject.startswith(OUTTURN_PREFIXES):
            return None
        return before.subject

    def _hedges(self, doc: Doc, text: str, first: Token) -> tuple[bool, str | None]:
        approx, bound = False, None
        before = doc[max(first.i - 3, 0): first.i]
        words = [t.lower_ for t in before]
        for i, w in enumerate(words):
            abbreviated = _abbreviates_noin(before[i])
            hedge = w in self.lex.approx or abbreviated or w in self.lex.bound_gt or w in self.lex.bound_lt
            if _tax_state(before[i]):
                continue  # "enimmillään arvonlisäverottomina 11,2 milj. euroa": the hedge reaches past it
            if before[i].pos_ in ("NOUN", "PROPN", "ADJ") and not hedge:
                # "alle vuositavoitteen (4 900 as/vuosi)", "yli 45-vuotiaista 81 %": the hedge is the word's
                approx, bound = False, None
            elif w in self.lex.approx or abbreviated:
                approx = True
            elif w in self.lex.bound_gt:
                bound = "gt"
            elif w in self.lex.bound_lt:
                bound = "lt"
            elif w == "kuin" and i > 0:
                if words[i - 1] in self.lex.gt_before_kuin:
                    bound = "gt"
                elif words[i - 1] in self.lex.lt_before_kuin:
                    bound = "lt"
        if bound is None:
            bound = self._bound_after(doc, first)
        if first.text.startswith("~") or text[max(first.idx - 1, 0): first.idx] == "~":
            approx = True
        if bound and any(t.lower_ in self.lex.negations for t in doc[max(first.i - 6, 0): first.i]):
            bound = "lt" if bound == "gt" else "gt"
        return approx, bound

    def _bound_after(self, doc: Doc, first: Token) -> str | None:
        """A participle or postposition after the amount caps or floors it: ``500 000 euroa alittavista hankinnoista``,
        ``5.000 euroon (sis. alv) asti`` -> lt."""
        for tok in _skip_parentheses(doc[first.i + 1: min(first.i + 9, len(doc))])[:4]:
            lemma = tok.lemma_.lower()
            if "Fin" in tok.morph.get("VerbForm"):
                return None  # the amount is the subject: "toimintatuotot 64,2 miljoonaa euroa alittivat talousarvion"
            if lemma in self.lex.bound_lt_after:
                return "lt"
            if lemma in self.lex.bound_gt_after:
                return "gt"
            if tok.is_punct or tok.pos_ not in ("NUM", "NOUN", "SYM", "PUNCT"):
                return None
        return None

    # ------------------------------------------------------------------ subject rules
    # Each rule reads one construction. ``_subject`` tries them in ``SUBJECT_RULES`` order and the first verdict
    # wins: a lemma, ``NOTHING_NAMED`` (the figure measures nothing the text names), or None (the rule does not apply).

    def _subject(self, q: SubjectQuery) -> tuple[str | None, str | None]:
        """The figure's subject and the name of the rule that chose it (``(None, None)`` when none did)."""
        for name, rule in self._subject_rules:
            verdict = rule(q)
            if verdict is not None:
                return verdict or None, name
        return None, None

    def _rule_restated_apposition(self, q: SubjectQuery) -> str | None:
        # an apposition with "eli" restates what stands before it: a noun ("varausaikana eli noin kolmen vuoden
        # kuluessa") or the figure before, in another unit ("osuus on 20 % eli 125 000 euroa")
        doc, sent, first, previous = q.doc, q.sent, q.first, q.previous
        eli = _previous_content(doc, sent, first, self.lex)
        if eli is not None and eli.lower_ in TOTALLING:  # "Tulot, yhteensä 3,2 miljoonaa euroa, …"
            eli = _previous_content(doc, sent, eli, self.lex)
        # … as does a figure set off by commas after a noun: "Hankkeen kustannusarvio, 2,4 miljoonaa euroa, katetaan"
        after = _token_after(q.last)
        if eli is not None and eli.text == "," and eli.i > sent.start and after is not None and after.text == ",":
            noun = doc[eli.i - 1]
            if previous and previous[-1].subject and previous[-1].end_char >= noun.idx + len(noun):
                return previous[-1].subject  # "asuinhuoneistoja on 41 kpl, yhteensä 2 947,5 m2, ja": the same dwellings
            if noun.pos_ == "NOUN" and _case(noun) == "Nom" and _is_word(noun) and _may_be_subject(noun):
                return self._specific(noun)
        if (eli is not None and eli.text == "," and previous and previous[-1].subject and previous[-1].end_char == eli.idx
                and q.reading.unit in ("percent", "percentage_point") and self._compared_after(q.last)):
            return previous[-1].subject  # a change right after a figure: "työllisiä oli 2 512 400, 0,9 % enemmän kuin …"
        if eli is not None and eli.lower_ == "eli" and eli.i > sent.start:
            before = doc[eli.i - 1] if doc[eli.i - 1].text != "," else doc[eli.i - 2]
            if previous and previous[-1].subject and previous[-1].end_char >= before.idx:
                return previous[-1].subject
            if before.pos_ == "NOUN" and _is_word(before) and _may_be_subject(before):
                return self._specific(before)
            # … or the subject of the copula whose adjective it restates: "palkka on … mukainen, eli 5600 €"
            restated = next((c for c in before.children if c.dep_ == "nsubj:cop" and c.pos_ == "NOUN"), None)
            if before.pos_ == "ADJ" and restated is not None and _may_be_subject(restated):
                return self._specific(restated)
        return None

    def _rule_timed_action(self, q: SubjectQuery) -> str | None:
        # a duration an action takes measures no thing: "kokous kestää kaksi tuntia", nor does the time within which
        # something came about: "asiakkaat ovat lisääntyneet puolella viidessä vuodessa"
        reading, last = q.reading, q.last
        within = reading.unit_word == last.text and _case(last) == "Ine"
        return NOTHING_NAMED if reading.unit in DURATIONS and (within or self._times_an_action(q.doc, last)) else None

    def _rule_changed_by(self, q: SubjectQuery) -> str | None:
        # the amount of a change of something: "enimmäishinnan korottamisen 6 739 000 eurolla" -> enimmäishinta
        changed = self._changed_by(q.doc, q.sent, q.first, q.last)
        return self._specific(changed) if changed is not None else None

    def _rule_end_of_change(self, q: SubjectQuery) -> str | None:
        # the end of a change from one level to another: "peruspääoma kasvoi 1,4 milj. eurosta 3,2 milj. euroon"
        previous = q.previous
        if previous and previous[-1].subject and _case(q.last) == "Ill" and _from_level_before(q.doc, q.first, previous[-1]):
            return previous[-1].subject
        return None

    def _rule_parenthesis(self, q: SubjectQuery) -> str | None:
        doc, sent, first, previous = q.doc, q.sent, q.first, q.previous
        # a figure in parentheses right after another restates it: "1 979,62 euroa (23,85 euroa/m2)"
        inner = _parenthesised_after(doc, sent, first, self.lex.generic_labels, self.lex.approx)
        if inner is not None and previous and previous[-1].end_char >= inner.idx - 2 and previous[-1].subject:
            return previous[-1].subject
        # … else it specifies the noun before it: "lyhyen korkotuen (10 v.)", "kerrosalan mukaan (10 m²)"; not when
        # that noun's phrase holds a figure the parenthesis restates in another unit ("466 asunnon tuotannon (38 300 k-m²)")
        restates = bool(previous) and inner is not None and previous[-1].end_char >= inner.idx - 20 and not (
            _coordinated_since(doc, previous[-1].end_char, inner)  # "uintiharjoittelun (990 m2) sekä toimistotilan (25,3 m2)"
        )
        owner = _parenthesis_owner(first) if inner is not None and not restates else None
        # (a place is where, not what: "nousu on ollut suurta seutukaupungeissa (+24,1 %)")
        if owner is not None and _may_be_subject(owner) and (_case(owner) not in ("Ine", "Ade") or self._names_a_part(owner)):
            return self._specific(owner)
        return None

    def _rule_genitive_measure(self, q: SubjectQuery) -> str | None:
        # a genitive measure modifies the noun after it: "10 %:n kasvu", "6 kuukauden koeaika", also across a
        # measure adjective: "83 neliömetrin suuruisen toimistotilan", "3680,36 euron tehtäväkohtaisen kuukausipalkan"
        doc, sent, first, last, reading, lex = q.doc, q.sent, q.first, q.last, q.reading, self.lex
        nxt, genitive = None, _case(last) == "Gen" or (reading.unit_word or "").endswith(("n", ":n"))
        after_measure = _skip_parentheses(doc[last.i + 1: min(last.i + 10, sent.end)])  # "300.000 euron (brutto) laskut"
        for i, tok in enumerate(after_measure[:4]):
            if i >= 2 and not genitive:
                break
            modifier = tok.pos_ == "VERB" and _case(tok) is not None and (_case(tok) == _case(last) or tok.dep_ == "amod")
            if tok.pos_ == "ADJ" or modifier:
                # an adjective, or one tagged as a participle ("tehtäväkohtaisella"); past a measure adjective, more
                # of them: "3,7 ha:n suuruiset yleiset alueet"
                genitive = genitive or tok.lemma_.lower() in lex.measure_adjectives
                continue
            # a year's genitive and its number: "2 000 000 euron suuruisten vuoden 2019 määrärahojen"
            if genitive and i > 0 and (_names_year(after_measure, i) or (_year_token(tok) and _names_year(after_measure, i - 1))):
                continue
            # … and a term: "6 300 000 euron 10 vuoden pitkäaikaiselle lainalle"
            if genitive and (_term_genitive(after_measure, i) or (i > 0 and _term_genitive(after_measure, i - 1))):
                continue
            nxt = tok
            break
        if nxt is not None and nxt.pos_ == "PROPN" and genitive:
            nxt = _after_name(doc, nxt, sent)  # "kolmen vuoden Cisco Enterprise Agreement (EA) -lisenssisopimus"
        if nxt is not None and _truncated(nxt):  # "54 000 m² teollisuus- ja toimistorakennuksia": the full word
            nxt = next((t for t in doc[nxt.i + 1: min(nxt.i + 5, sent.end)] if t.pos_ == "NOUN" and _is_word(t) and not _truncated(t)), None)
        if nxt is not None and genitive and _is_agent(nxt, lex.agents) and nxt.dep_ == "nmod:poss" and (
                nxt.head.pos_ == "NOUN" and nxt.i < nxt.head.i <= nxt.i + 3):
            nxt = nxt.head  # the owner of what is measured: "12 000 000 euron suuruisen kaupungin omavelkaisen takauksen"
        measured = _measured_before_action(doc, first, nxt) if reading.unit in PHYSICAL_UNITS else None
        if measured is not None and _may_be_subject(measured):
            return self._specific(measured)  # "opetustilojen noin 5917 m² vuokraaminen": the rooms, not the renting
        if (
            nxt is not None and nxt.pos_ == "NOUN" and _may_be_subject(nxt)
            and genitive and reading.unit != "count"
            and nxt.lower_ not in ADVERBIAL_POSTPOSITIONS  # "kahden kuukauden osalta": as regards, no noun measured
        ):
            if nxt.lemma_.lower() in lex.price_labels:  # "hankkia … 101 082 euron arvonlisäverottomaan hintaan"
                return self._price_of(doc, sent, nxt, first, last) or nxt.lemma_.lower()
            if nxt.lemma_.lower() in lex.measure_heads and not any(
                c.dep_ == "nmod:poss" and c.pos_ == "NOUN" and not first.i <= c.i <= last.i for c in nxt.lefts
            ):  # "hinta 40 pisteen painoarvolla": a weight without an owner of its own is the label's
                label = _previous_content(doc, sent, first, lex)
                if label is not None and label.pos_ == "NOUN" and _case(label) == "Nom":
                    return label.lemma_.lower()
            return self._specific(nxt)
        # … as does one stated as what something is "according to": "3424,78 euroa tehtäväkohtaisen kuukausipalkan mukaan"
        after = _token_after(nxt) if nxt is not None else None
        if (
            nxt is not None and nxt.pos_ == "NOUN" and _case(nxt) == "Gen" and after is not None
            and after.lower_ in ("mukaan", "mukaisesti") and _may_be_subject(nxt)
        ):
            return nxt.lemma_.lower()
        return None

    def _rule_capped_by_participle(self, q: SubjectQuery) -> str | None:
        # a participle capping, flooring or taking the amount describes the noun it modifies: "500 000 euroa
        # alittavista hankinnoista", "viisi päivää kestävästä sulkemisesta"
        lex = self.lex
        participles = lex.bound_lt_after | lex.bound_gt_after | lex.measure_participles
        after = _token_after(q.last, q.sent.end)
        if q.reading.unit == "percent" and after is not None and "Agt" in after.morph.get("PartForm"):
            participles = participles | {after.lemma_.lower()}  # the share an agent holds: "100 %:sti omistama tytäryhtiö"
        capped = _capped_noun(q.doc, q.last, participles)
        return self._specific(capped) if capped is not None else None

    def _rule_predicative_measure(self, q: SubjectQuery) -> str | None:
        # a predicative measure adjective describes the verb's object: "yksilöinyt vaatimuksen 833,42 euron
        # suuruiseksi"
        adjective = _token_after(q.last, q.sent.end)
        if adjective is not None and adjective.lemma_.lower() in self.lex.measure_adjectives and _case(adjective) in ("Tra", "Ess"):
            obj = next((c for c in adjective.head.children if c.dep_ == "obj" and c.pos_ == "NOUN"), None)
            if obj is not None and _may_be_subject(obj):
                return self._specific(obj)
        return None

    def _rule_measure_adverbial(self, q: SubjectQuery) -> str | None:
        # "-ltaan" ("in weight") right before names the measure: "vaaka on painoltaan 4,1 kilogrammaa" -> paino;
        # a generic one ("arvoltaan") yields to the clause's subject
        # (also across adverbs: "huoneistoalaltaan yhteensä noin 17 225 m²")
        window = q.doc[max(q.sent.start, q.first.i - 4): q.first.i]
        prev = next((t for t in reversed(window) if t.pos_ not in ("ADV", "SPACE")), None)
        if prev is not None and prev.pos_ == "NOUN" and prev.lower_.endswith(MEASURE_ADVERBIAL_ENDINGS):
            return self._specific(prev)
        return None

    def _rule_measured_partitive(self, q: SubjectQuery) -> str | None:
        # a measure followed by a partitive measures that material or thing: "27 m3 betonia", "500 m² uutta
        # toimitilaa" (a count's noun is its own reading; "euroa henkilöä kohden" is a rate, not a material)
        material = _measured_partitive(q.doc, q.last) if q.reading.unit not in SHARE_UNITS else None
        return self._specific(material) if material is not None else None

    def _rule_balance(self, q: SubjectQuery) -> str | None:
        doc, sent, first, last, lex = q.doc, q.sent, q.first, q.last, self.lex
        balance = _token_after(last)  # "Raportti on lähes 11 000 000 euroa ylijäämäinen": a surplus of that much
        before = doc[first.i - 1] if first.i > sent.start else None  # "Tulos on alijäämäinen 18,0 M €"
        if before is not None and before.lemma_.lower() in lex.balance_adjectives:
            balance = before
        if balance is None or balance.lemma_.lower() not in lex.balance_adjectives:
            return None
        # … of what is in surplus: "8,3 Me ylijäämäisestä tuloksesta", "talousarvio … oli 924 540 euroa
        # ylijäämäinen", "tulos … on arvioitu … 73,9 miljoonaa euroa alijäämäiseksi"; a report is in none
        described = _token_after(balance) if balance.i > last.i else None
        if described is not None and described.pos_ == "NOUN":
            return self._specific(described)
        # (the nominative nearest before, past adverbials: "tulos tammi–syyskuulta oli 21,2 miljoonaa euroa
        # ylijäämäinen", "(alkuperäinen talousarvio ylijäämäinen 1,88 M €)")
        balanced = _nominative_before(doc, sent, min(first, balance, key=lambda t: t.i)) or _copula_subject(
            doc, sent, first, last)
        if balanced is not None and not balanced.lemma_.lower().endswith(REPORT_NOUNS):
            return self._specific(balanced)
        return lex.balance_adjectives[balance.lemma_.lower()]

    def _rule_essive_money(self, q: SubjectQuery) -> str | None:
        # an amount "as" money of a kind, in the essive: "vähennetään kunnan kuluina 2000 euroa"
        as_money = self._essive_money(q.sent, q.first, q.last, q.clause_of) if q.reading.unit == "eur" else None
        return as_money.lemma_.lower() if as_money is not None else None

    def _rule_framing_noun(self, q: SubjectQuery) -> str | None:
        # a figure inside a noun phrase, between an attribute and its noun, measures that noun: "asetetun 3 %
        # pääoman tuottovaatimuksen" (the attribute and the noun agree in case; genitives may stand between)
        framed = _framing_noun(q.doc, q.sent, q.first, q.last, self.lex)
        return self._specific(framed) if framed is not None else None

    def _rule_indicator_above(self, q: SubjectQuery) -> str | None:
        # a line of an indicator's target or outturn measures the indicator named above it: "4. CO2 -päästöt" /
        # "• Tavoite vuoden 2025 lopussa -60 % vuoden 1990 tasosta" / "• Toteuma … on -47 % (2021)" -> päästö
        indicator = _indicator_above(q.doc, q.first, self.lex.indicator_labels)
        return self._specific(indicator) if indicator is not None else None

    def _rule_share_destination(self, q: SubjectQuery) -> str | None:
        # a share going to something is that thing's share, the elative before it is the whole:
        # "varauksista noin 37 % kohdistuu … vuokra-asuntotuotantoon", "63 % välimuodon tuotantoon"
        if q.reading.unit != "percent":
            return None
        destination = _share_destination(q.last, q.sent, self.lex.allocation_verbs)
        return destination.lemma_.lower() if destination is not None else None

    def _rule_pronoun_whole(self, q: SubjectQuery) -> str | None:
        # a plural pronoun in the elative takes up the whole: "… 1-6-vuotiaista lapsista. Heistä 23 466 (85,6 %)"
        whole = _pronoun_whole(q.doc, q.sent, q.first, self.lex)
        return whole.lemma_.lower() if whole is not None else None

    def _rule_elative_whole(self, q: SubjectQuery) -> str | None:
        # elative "of what": "Tehtävistä 11 %", "38 % puhelin ja chat yhteydenotoista"; the clause's own subject
        # or object stops the search ("uusimisesta aiheutuneet kustannukset olivat 10200 euroa")
        # (a duration is of no whole: "poissa töistä 16,5 päivää"; a change's elative is where it started from:
        # "Kaatopaikkajätteen määrä väheni edellisvuodesta 30,7 prosenttia")
        doc, sent, first, previous, lex = q.doc, q.sent, q.first, q.previous, self.lex
        if q.reading.unit in DURATIONS or self._changes(first, q.last):
            return None
        if self._compared_after(q.last):  # (nor is a comparison's: "lukupiirejä eri lajeista pidettiin 15 % enemmän")
            return None
        elative_window = doc[max(_paragraph_start(doc, sent), first.i - 8): first.i]
        # … after a copula with a subject of its own, an elative says for whom: "korkein maksu on perheen nuorimmasta
        # lapsesta 295 €/kk, toisesta lapsesta 40 %"
        copula = self._owned_copula(doc, sent, first)
        if copula is not None:
            elative_window = [t for t in elative_window if t.i < copula.i]
        for tok in reversed(elative_window):
            # another number or figure ends the search ("14 vuorokaudesta 9 vuorokauteen"), a compound like
            # "45-vuotiaista" does not
            number = tok.text[:1].isdigit() and tok.pos_ in ("NUM", "SYM", "PUNCT")
            if q.clause_of.get(tok.i, q.clause) != q.clause or number or (previous and tok.idx < previous[-1].end_char):
                break
            if previous and tok.pos_ == "CCONJ":
                break  # an elative before "tai" is the figure's before it: "100 euroa/kk … palvelusta tai 120 euroa/kk"
            subject = doc[tok.i - 1] if tok.lemma_ == "olla" and tok.i > sent.start else tok
            if (
                subject.pos_ == "NOUN" and _case(subject) in ("Nom", "Par")
                and (subject is not tok or tok.dep_ in ("nsubj", "nsubj:cop", "obj") or (
                    # a partitive the parse hangs on the amount labels it: "maksaa varastotilasta
                    # ylläpitokorvausta 1,2 euroa/m²/kk"
                    _case(tok) == "Par" and first.i <= tok.head.i <= q.last.i))
                and subject.lemma_.lower() not in lex.measure_heads  # "Koko varauskannasta Att:n osuus on noin 25 %"
            ):
                break
            # "alueesta riippuen noin 10 %" is governed; "kriteereistä täyttyy vain kolme kymmenestä" is not, nor is
            # a whole a state of its breakdown follows ("Tehtävistä toteutuneita on 60 %")
            governed = tok.i + 1 < len(doc) and (doc[tok.i + 1].pos_ == "ADP" or (
                doc[tok.i + 1].pos_ == "VERB" and "Fin" not in doc[tok.i + 1].morph.get("VerbForm")
                and doc[tok.i + 1].lower_ not in lex.qualifiers))
            if (
                tok.pos_ == "NOUN" and _case(tok) == "Ela" and tok.dep_ != "nmod:poss" and not governed
                and (_may_be_subject(tok) or _counted_targets(tok))
            ):
                if q.reading.unit == "eur" and self._is_money(tok) and self._money_given(q) is not None:
                    return None  # the money drawn from a fund is the grant it is given as
                owner = _subject_modified_by(tok)
                if owner is not None and owner.lemma_.lower() in lex.qualifiers:
                    owner = None  # "Toteutuneita tehtävistä on 60 %": a state of the whole, which the figure is of
                if owner is not None and owner.lemma_.lower() not in lex.measure_heads and _may_be_subject(owner):
                    return self._specific(owner)  # "Kaupungin omistusosuus yhtiöstä on 100 %": the share, not the company
                part = _common_genitive(owner) if owner is not None else None
                if part is not None and _may_be_subject(part) and not _is_agent(part, lex.agents):
                    # "Määräaikaisten osuus henkilökunnasta": the part; "Att:n osuus", "Kulttuurilautakunnan osuus
                    # alituksesta": the whole
                    return part.lemma_.lower()
                return _shared_head(tok, self._specific(tok))  # "alkuperäisen hankinnan arvosta 201 000 euroa" -> hankinta
        return None

    def _money_given(self, q: SubjectQuery) -> Token | None:
        """The money an amount is given as: the money object of its verb (``myönsi toiminta-avustusta … yhteensä
        2 000 000 euroa``) or a money purpose right after it (``815 812 euroa palkkausavustuksiin``)."""
        purpose = self._money_purpose_after(q.sent, q.last)
        if purpose is not None:
            return purpose
        verb = q.last.head if q.last.dep_ in ("obj", "obl", "nmod") else None
        given = _verb_object(verb, q.first, q.last, q.sent.start) if verb is not None else None
        if given is None:  # (an object the parse hung on a participle: "myönsi kohdeavustuksia kuluvan vuoden …")
            given = next((t for t in q.doc[q.sent.start: q.first.i] if t.dep_ == "obj" and _case(t) == "Par"
                          and q.clause_of.get(t.i, q.clause) == q.clause), None)
        return given if given is not None and self._is_money(given) else None

    def _rule_elative_after_share(self, q: SubjectQuery) -> str | None:
        doc, sent, first, last, reading, lex = q.doc, q.sent, q.first, q.last, q.reading, self.lex
        if reading.unit not in SHARE_UNITS:
            return None
        changing = self._changes(first, last)  # "kasvoi 6 % edellisvuodesta": a starting point
        # (past a parenthesis: "Hieman alle puolet (47 %) kotihoidon asiakkaista")
        after_share = _skip_parentheses(doc[last.i + 1: min(last.i + 14, sent.end)])[:8]
        # a copula's subject says whose share it is, the elative after is its base: "Ely-keskuksen rahoitusosuus on
        # 50 % toteutuksen kustannuksista", "luottojen osuus olisi vähintään 50 % lainasalkusta"
        # (a target is set against what it targets: "tuotantotavoite on 25 % koko asuntotuotannosta" -> asuntotuotanto)
        whose = _copula_subject(doc, sent, first, last) if after_share else None
        if whose is not None and not any(stem in whose.lemma_.lower() for stem in lex.target_stems):
            return None
        for tok in after_share:
            if tok.is_space and "\n" in tok.text:
                break  # the next line is another item
            if _truncation(tok):
                continue  # "44 % puhelin- ja chat-yhteydenotoista": a compound's first half
            base = changing or tok.lemma_.lower().endswith(tuple(lex.measure_heads)) or tok.lemma_.lower() in lex.share_bases
            if tok.pos_ == "NOUN" and _case(tok) == "Ela" and base:
                break  # "49,5 % alkuperäisen hankinnan arvosta", "1,58 % hankinta-arvosta": the base, not the subject
            if tok.pos_ == "NOUN" and _case(tok) == "Ela" and _may_be_subject(tok):
                return _shared_head(tok, tok.lemma_.lower())
            # (Voikko only where a participle may stand for people: not an attribute, not a form of olla)
            alone = tok.lower_.endswith(("ista", "istä")) and not (_elative_attribute(tok) or tok.lemma_ == "olla")
            people = self._participle_as_noun(tok, "sisaeronto") if alone else None
            if people is not None:
                return people  # "9,2 prosenttia 75 vuotta täyttäneistä": of those who have turned 75
            if (
                tok.i == last.i + 1 and reading.unit == "percent" and tok.pos_ == "NOUN" and _case(tok) == "Ade"
                and "Sing" in tok.morph.get("Number") and tok.lemma_.lower() not in lex.count_excluded
                and _may_be_subject(tok)  # not a place: "34,3 % vuosiluokilla 1-6"
            ):
                return tok.lemma_.lower()  # "työskentelevät 60 % työajalla", "30 % alennuksella"
            if _elative_attribute(tok):
                continue  # "90 prosenttia vastanneista asiakkaista", "palveluissa olevista 1-6-vuotiaista lapsista"
            # a partitive names what the percentage is of: "30 % välimuodon asuntoja", not the standard of a
            # comparison: "25 prosenttia alueen hintatasoa korkeampi", nor the object of a participle after it:
            # "50 prosenttia tarkistusvuotta edeltäneen vuoden vuokraan nähden"
            if (
                reading.unit == "percent" and tok.pos_ == "NOUN" and _case(tok) == "Par" and _is_word(tok)
                and _may_be_subject(tok) and not _object_of_participle(tok)
            ):
                head = _partitive_head(tok)
                if _compared(head):
                    break
                return head.lemma_.lower()
            if reading.unit == "percent" and "Part" in tok.morph.get("VerbForm") and _case(tok) == "Par":
                continue  # a participle describing the partitive after it: "30 % pitkäaikaisesti säänneltyjä asuntoja"
            if tok.is_punct or tok.pos_ in ("VERB", "AUX") or (
                tok.pos_ == "CCONJ" and (tok.i == last.i + 1 or _case(doc[tok.i - 1]) != "Nom")
            ):  # "+ alv 24 % ja ylläpitovuokrasta", "4 prosenttia vuodessa ja asumista palvelevien": the coordination
                break  # starts the next item, unless it joins nouns of one phrase ("38 % puhelin ja chat yhteydenotoista")
        return None

    def _rule_copula_before(self, q: SubjectQuery) -> str | None:
        # copula: "Hankinnan arvo on 26 316 euroa", "omavastuun osuus on 20 %" (share of -> omavastuu)
        doc, sent, previous, lex = q.doc, q.sent, q.previous, self.lex
        olla = _copula_before(doc, q.first, lex)
        if olla is None:
            return None
        pronoun = doc[olla.i - 1] if olla.i > sent.start else None
        if pronoun is not None and pronoun.lower_ == "mikä" and previous and previous[-1].subject and (
            previous[-1].start_char >= sent.start_char
        ):  # "41 % ratkaistiin ensimmäisellä kontaktilla, mikä on 3 prosenttiyksikköä": "mikä" is the clause, its figure
            return previous[-1].subject
        if pronoun is not None and pronoun.lower_ in lex.antecedent_relatives:  # "pääomavuokrasta, joka on …"
            if previous and previous[-1].subject and previous[-1].end_char >= pronoun.idx - 3:
                return previous[-1].subject  # "toimintatuotot olivat 23,0 Me, joka on 23,7 % talousarviosta"
            noun = _nearest_noun_before(doc, sent, pronoun, max_dist=3)
            if noun is not None and _may_be_subject(noun):
                return self._specific(noun)
        if pronoun is not None and "Dem" in pronoun.morph.get("PronType") and _case(pronoun) == "Nom":
            noun = _antecedent_subject(doc, pronoun)  # "Lopullinen vuokrataso perustuu … ja se on … 55 000 euroa"
            if noun is not None and _may_be_subject(noun):
                return self._specific(noun)
        noun = _nearest_noun_before(doc, sent, _relative_clause_start(doc, sent, olla) or olla, max_dist=4,
                                    skip_cases=LOCATIVE_CASES)
        if noun is None or _case(noun) not in ("Nom", "Par"):
            return None
        specific = self._specific(noun)
        owner = _common_genitive(noun)
        party = specific == noun.lemma_.lower() or (owner is not None and _is_agent(owner, self.lex.agents))
        if party and previous and previous[-1].subject and _share_of_the_figure_before(doc, noun):
            # "vettä 640 200 m³, josta Sastamalan osuus oli 402 900 m³": a named party's or a body's part of that whole
            # (a common noun's part is that noun's: "josta omavastuun osuus on 20 %" -> omavastuu)
            return previous[-1].subject
        return specific if _may_be_subject(noun) else None

    def _rule_measure_above(self, q: SubjectQuery) -> str | None:
        # a duration on a list line under a length of time is that time, not the line's label: "Keskimääräiset
        # odotusajat …" / "• Turvapalvelu 12,6 vuorokautta" -> odotusaika
        # unless the line names its own: "Odotusaika yhteisölliseen asumiseen 34 vuorokautta"
        # So is a length on a list line under a distance: "kun koulumatka … on:" / "• lukiolaiset yli 5 km"
        unit = q.reading.unit
        names_measure = _names_time if unit in DURATIONS else _names_distance if unit in ("m", "km") else None
        if names_measure is None:
            return None
        doc, first = q.doc, q.first
        line_start = max(q.sent.start, _line(doc, first.i).start)  # the figure's own line: not the one above
        own = next((t for t in doc[line_start: first.i] if t.pos_ == "NOUN" and _case(t) == "Nom"), None)
        timed = own if own is not None and names_measure(own) else _measure_above(doc, first, names_measure)
        return self._specific(timed) if timed is not None else None

    def _rule_gapped_copula(self, q: SubjectQuery) -> str | None:
        # a gapped copula: "tuotot ovat 232,0 milj. euroa ja kulut sisältäen poistot 228,6 milj. euroa"
        gapped = _gapped_subject(q.doc, q.sent, q.first, q.previous)
        if gapped is not None and _is_agent(gapped, self.lex.agents):  # "… liikuntalautakunnan -0,1 ja
            return q.previous[-1].subject or NOTHING_NAMED  # nuorisolautakunnan 0,8 miljoonaa euroa": the body's part
        return self._specific(gapped) if gapped is not None else None

    def _rule_copula_subject(self, q: SubjectQuery) -> str | None:
        # the copula's subject in the parse, across a longer adverbial: "Hyväksytty hankinta-arvo on Asunto Oy
        # Helsingin Havannan osalta 20.401.585,00 euroa"
        # A duration is a copula's adverbial only in the partitive: "rakennustyö on ollut käynnissä yli 13 vuotta"
        duration = q.reading.unit in DURATIONS
        subject = _copula_subject(
            q.doc, q.sent, q.first, q.last, predicate_only=duration and _case(q.last) != "Par", verbless=duration)
        return self._specific(subject) if subject is not None else None

    def _rule_allocated_money(self, q: SubjectQuery) -> str | None:
        # money given to a purpose or a recipient is part of the appropriation the text speaks of
        return self._allocated_money(q.doc, q.sent, q.first, q.last) if q.reading.unit == "eur" else None

    def _rule_column_header(self, q: SubjectQuery) -> str | None:
        # a table cell under a column header naming the unit: "Hankinnan arvo euroa" … "100 000 euroa"
        header = _column_header(q.doc, q.first, q.last)
        return self._specific(header) if header is not None and _may_be_subject(header) else None

    def _rule_received_money(self, q: SubjectQuery) -> str | None:
        # amounts listed after the receivers of money are that money: "Suurimmat avustuksen saajat ovat X
        # 96 000 euroa ja Y 48 000 euroa", "Ohjelman avustuksia saavat myös X 30 000 euroa"
        if q.reading.unit != "eur":
            return None
        received = next((t for t in q.doc[q.first.sent.start: q.first.i] if self._is_money(t) and (
            (t.dep_ == "obj" and t.head.lemma_ == "saada") or (_case(t) == "Gen" and t.head.lemma_.endswith("saaja"))
        )), None)
        return self._specific(received) if received is not None else None

    def _rule_colon_label(self, q: SubjectQuery) -> str | None:
        # a label line: "Aamupäivätoiminta: 20 euroa", "Pinta-alat: 26,3 ha" (a duration's label is what it is
        # the time of: "- Omaishoidon tuki: 51 vuorokautta" under "Odotusajat …:")
        unit = q.reading.unit
        amount = unit != "count" and unit not in DURATIONS
        colon_label = _colon_label(q.doc, q.first, plural=False) if amount or unit in DURATIONS else None
        # (a duration's label only when it names a stretch of time: "Laina-aika: 20 vuotta", "Koronmaksuväli: 12 kk")
        if colon_label is not None and (amount or colon_label.lemma_.lower().endswith(TIME_SPAN_ENDINGS)):
            priced = self._priced(q.reading)
            money = None if priced(colon_label) else _announced_money(_introductions(q.doc, q.sent, q.first), priced)
            if money is not None:  # "peritään seuraavat maksut:" / "• Kokoushuone: 8 €/tunti": the fee, by room
                q.reading.qualifier = q.reading.qualifier or colon_label.lemma_.lower()
                return self._specific(money)
            return self._specific(colon_label)
        return None

    def _list_money(self, q: SubjectQuery) -> str | None:
        """The money that the heading or the sentence introducing a list of euro amounts names."""
        priced = self._priced(q.reading)
        intro = _list_intro_subject(q.doc, q.sent, self._is_money, first=q.first, priced=priced)
        return self._specific(intro) if intro is not None and priced(intro) else None

    def _rule_spending_verb(self, q: SubjectQuery) -> str | None:
        # money a verb of spending spends is what its action noun names: "on investoinut noin 100 miljoonaa
        # euroa kouluihin" -> investointi (unless an object says what: "investoi 2 M€ uusia laitteita")
        spender = _governing_verb(q.first, q.last) if q.reading.unit == "eur" else None
        spending = self.lex.spending_nouns
        if spender is not None and spender.lemma_.lower() in spending and _verb_object(spender, q.first, q.last) is None:
            return spending[spender.lemma_.lower()]
        return None

    def _rule_gapped_part(self, q: SubjectQuery) -> str | None:
        # the gapped parts of a whole split by "joista": "säästöt, joista henkilöstöön kohdistuu 43 Me, ostoihin
        # 20 Me ja tilaratkaisuihin 2,6 Me" are all parts of the savings
        previous = q.previous
        if previous and previous[-1].subject and _gapped_part(q.doc, q.sent, q.first, previous[-1], self.lex):
            return previous[-1].subject
        return None

    def _rule_label_before(self, q: SubjectQuery) -> str | None:
        # a label right before: "alv 24 %", "keskiarvo (36 %)", "avustuksiin 1,85 miljoonaa euroa", also one
        # with a place adverbial in a verbless line: "ratkaisuaste ensikontaktissa 38 %"
        doc, sent, first, last, reading, previous, lex = q.doc, q.sent, q.first, q.last, q.reading, q.previous, self.lex
        prev = _previous_content(doc, sent, first, lex)
        if prev is not None and (_ends_name(doc, prev) or (reading.unit == "eur" and _is_agent(prev, lex.associations))):
            prev = None  # a recipient ends the line ("Pääkaupunkiseutu ry. 6 000", "Kannuksen metsästysseura ry 1 500 €")
        if prev is not None and prev.lower_ in TOTALLING:  # "varattu … määrärahaa yhteensä 45.000 euroa"
            counted = _previous_content(doc, sent, prev, lex)
            if counted is not None and _case(counted) in ("Nom", "Par") and "\n" not in text_of(doc)[counted.idx: prev.idx]:
                prev = counted
        prev = _label_before_adverbial(doc, sent, prev) or prev
        if prev is not None and prev.text.endswith(":n") and prev.text[:-2].lower() not in NOT_SUBJECTS:  # "alv:n 24 %"
            return prev.text[:-2].lower()
        if prev is not None and prev.lemma_.lower() in lex.price_labels:  # "tilata lisätöitä … hintaan 15 930 euroa"
            price = self._price_of(doc, sent, prev, first, last)
            if price is not None:
                return price
        # (a genitive only when the parse hangs the figure on it: "perimän hallintokulun 0,5 euroa/m2/kk")
        labels = prev is not None and (_case(prev) in LABEL_CASES or (
            _case(prev) == "Gen" and prev.i == first.i - 1 and any(t.head.i == prev.i for t in doc[first.i: last.i + 1])))
        if prev is None or prev.pos_ != "NOUN" or not labels or not _may_be_subject(prev):
            return None
        owned = self._specific(prev)
        if owned != prev.lemma_.lower() and prev.lemma_.lower() in lex.measure_heads:
            return owned  # "kasvattanut … lasten määrää noin 9 %"
        if prev.lemma_.lower() in lex.measure_heads and _labels_figure_before(doc, prev, previous):
            # "toimintatuotot ovat 7,1 miljoonaa euroa, toteuma 65 %": the outturn of what the figure before measures
            return previous[-1].subject
        if prev.lemma_.lower() in lex.generic_labels:  # "Harvakaiteen korotus 100 mm, arvioitu tarve 62 m"
            # the item the label is of: the first nominative after the line start, the last colon or full stop
            item_start = next((t.i + 1 for t in reversed(doc[sent.start: prev.i]) if _ends_item(t)), sent.start)
            # (not the unit of a figure before: "250 000 kWh sähköenergian säästö (arvio 30-40 000 euroa)")
            head = next((t for t in doc[item_start: prev.i] if _case(t) == "Nom" and not doc[t.i - 1].like_num and (
                t.pos_ == "NOUN" or _capitalised_head(t, item_start))), None)
            if head is not None and head.lemma_.lower() not in lex.generic_labels | NOT_SUBJECTS:
                return head.lemma_.lower()
        share = reading.unit in SHARE_UNITS
        intro = _breakdown_intro(doc, sent, prev, share, self._is_money, self._priced(reading)) if _case(prev) == "Nom" else None
        # (as is a fee under fees: "käyttömaksut ovat seuraavat:" / "• vesimaksu 1,16 €/m3")
        own_kind = intro is not None and (
            prev.lemma_.lower().endswith(intro.lemma_.lower()) or _same_money_head(prev, intro, lex.money_noun_endings)
            or (reading.unit == "eur" and _charge_under_charges(prev, intro, lex.charge_noun_endings)))
        if intro is not None and not own_kind:
            # "toteutumaprosentit ovat: keskusvirasto 69,4 %": the intro's measure, by label; a kind of the intro's
            # own noun is its own subject ("tuotanto jakaantuu seuraavasti: Asumisoikeusasuntotuotanto noin 57 %")
            reading.qualifier = prev.lemma_.lower()
            return self._specific(intro)
        return self._specific(prev)

    def _rule_relative_clause(self, q: SubjectQuery) -> str | None:
        # a relative clause refers back: "717, joista kesken on 54 %"; "…, mikä on 2 prosenttiyksikköä"
        doc, sent, previous = q.doc, q.sent, q.previous
        for tok in doc[sent.start: q.first.i]:
            if q.clause_of.get(tok.i) == q.clause and tok.lower_ in self.lex.relative:
                if previous and previous[-1].subject:
                    return previous[-1].subject
                noun = _nearest_noun_before(doc, sent, tok) or _plural_antecedent(doc, tok)
                if noun is not None and _may_be_subject(noun):
                    return noun.lemma_.lower()
                break
        return None

    def _rule_given_as(self, q: SubjectQuery) -> str | None:
        # what the amount turns into or is given as: "tilikauden alijäämäksi muodostuu -111 000 euroa",
        # "Yleisavustuksina järjestöille kohdennettiin yhteensä 380 000 euroa" (not a time: "vuonna 2024")
        last = q.last
        verb = last.head if last.dep_ in ("nsubj", "obj", "obl") else None
        for child in verb.children if verb is not None and verb.pos_ == "VERB" else ():
            given_as = _case(child) == "Tra" or (_case(child) == "Ess" and q.reading.unit == "eur")  # not "sosiaalityöntekijänä"
            if (
                child.pos_ == "NOUN" and given_as and child.i < q.first.i and _may_be_subject(child)
                and child.lemma_.lower() not in self.lex.count_excluded
            ):
                return self._specific(child)
        return None

    def _rule_reported_clause(self, q: SubjectQuery) -> str | None:
        # a participial clause reporting what is estimated or expected has its own subject in the genitive:
        # "ennustetaan menojen alittuvan 223 000 eurolla", "omaisuuden arvon on arvioitu olleen 53,6 milj. euroa"
        reported = _referative_subject(q.doc, q.sent, q.first)
        return self._specific(reported) if reported is not None and _may_be_subject(reported) else None

    def _rule_verb_argument(self, q: SubjectQuery) -> str | None:
        # the object, else the subject of the verb the figure completes: "Liikevaihto nousee 7,7 miljoonaa euroa"
        # (a figure the parse made a second subject: "Toimintakuluja on kertynyt 233,5 Me", "Me" read as "we"), also
        # through "verran" ("Avustuksia haettiin … kuuden miljoonan euron verran")
        doc, sent, first, last, reading, previous, lex = q.doc, q.sent, q.first, q.last, q.reading, q.previous, self.lex
        verb = last.head if last.dep_ in ("obj", "obl", "advmod", "nmod", "nsubj") else None
        if last.head.lower_ == "verran" and last.head.i == last.i + 1:
            verb = last.head.head
        if verb is not None and _across_lines(doc, verb, first):
            verb = None  # a parse that hung a list line's figure on the line before: "• 277 €/lapsi/kk, kaupunki tarjoaa"
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        # a verb of measure says what lasts or costs that much, also as the infinitive of a modal verb the parse
        # gave the noun to: "koulumatka … saa kestää enintään kaksi ja puoli tuntia"
        # (not one with a partitive object of its own, a verb of paying: "velvoittaa maksamaan kaupungille
        # sopimussakkoa …"; a nominative "object" is the parse's misreading of the subject)
        measures = verb.lemma_ in lex.measure_participles
        paid = _verb_object(verb, first, last, sent.start) if measures else None
        measured = _measured_by_verb(verb, first, last, lex) if measures and (paid is None or _case(paid) != "Par") else None
        if measured is not None:
            return self._specific(measured)
        # what a transitive verb acts on, not its agent: "tilata lisätöitä … enintään 10.000,00 eurolla", "Yhdistys
        # vuokraa liikuntasalia yhteensä 300 neliömetriä" (not a deadline's verb, nor one a share of people does
        # after a share of the same whole: "… 84 prosenttia …, ja 93 prosenttia pitää työtään merkityksellisenä")
        acting_share = reading.unit == "percent" and last.dep_ == "nsubj" and bool(previous) and bool(previous[-1].subject)
        objects = reading.unit not in DURATIONS and not acting_share
        bought = _verb_object(verb, first, last, sent.start) if objects else None
        if bought is not None:
            return self._specific(bought)
        # … or what the infinitive it governs acts on, when the parse gave the amount to the governing verb:
        # "Kaupunginhallitus päättää myöntää yleisavustuksia … yhteensä 853 200 euroa"
        for infinitive in (c for c in verb.children if c.dep_ == "xcomp" and objects):
            granted = _verb_object(infinitive, first, last, sent.start)
            if granted is not None:
                return self._specific(granted)
        # (who spends a length of time doing something is not what the duration measures, unless the verb measures it
        # or changes it: "puolet potilaista viipyi päivystyksessä yli kahdeksan tuntia")
        timed = reading.unit in DURATIONS and not measures and not self._changes(first, last)
        for child in () if timed else verb.children:
            if child.dep_ not in ("nsubj", "nsubj:cop"):
                continue
            if _case(child) == "Gen":
                # a genitive subject with a nominative conjunct is a misparse: "tilinpäätöksen ja … ennusteen
                # yhteenlaskettu alijäämä nousee" -> alijäämä ("matkustajamäärien ennustetaan kehittyvän" is not)
                child = next((c for c in child.conjuncts if _case(c) == "Nom" and c.pos_ == "NOUN"), child)
            if child.pos_ == "NOUN" and child.i >= sent.start and (
                _may_be_subject(child) and not first.i <= child.i <= last.i  # "kaksi kolmasosaa … koki": the figure
                and not _is_agent(child, lex.agents)  # "Lautakunta esittää investointiosaan 300 000 euroa"
            ):
                return self._specific(child)
        # … else an infinitive shares its governing verb's subject: "lisätilauksen arvo ei saa ylittää 50 %"
        for child in verb.head.children if verb.dep_ == "xcomp" else ():
            if child.dep_ == "nsubj" and child.pos_ == "NOUN" and _may_be_subject(child) and not _is_agent(child, lex.agents):
                return self._specific(child)
        # … else a verb of change the parse left without a subject changes the nominative before it, in its
        #     clause: "että 1.1.2022 lukien perusvuosivuokra … muuttuu 765,50 eurosta 790,83 euroon"
        changed = _changing_noun(doc, verb, q.clause_of) if verb.lemma_.lower() in lex.change_verbs else None
        return self._specific(changed) if changed is not None else None

    def _rule_list_intro(self, q: SubjectQuery) -> str | None:
        # a list line inherits the subject of the sentence that introduces the list with a colon:
        # "Hankinta jakautuu puitesopimustoimittajittain seuraavasti: … Martela Oyj 42 755,31 euroa"
        if q.previous or q.reading.unit in DURATIONS:
            return None
        line = _line(q.doc, q.first.i)
        if not _is_list_line(line) and _has_verb(line):
            return None  # a sentence of prose under the list is no line of it: "… eli korkeintaan 450 euroa kuukaudessa."
        intro = _list_intro_subject(q.doc, q.sent, self._is_money, first=q.first, priced=self._priced(q.reading))
        if intro is not None:
            return self._specific(intro)
        # … or, in a list without such a sentence, a heading naming the items: "Aiemmat päätökset" … "20.000,00 euroa"
        heading = _list_heading(q.doc, q.first)
        return self._specific(heading) if heading is not None else None

    def _rule_possessed(self, q: SubjectQuery) -> str | None:
        # a possessive clause names what the sentence measures: "hänellä on työkokemusta … yhteensä 11 kuukautta"
        had = _possessed(q.doc, q.sent, q.first)
        return self._specific(had) if had is not None else None

    def _rule_breakdown_part(self, q: SubjectQuery) -> str | None:
        # one part of a breakdown keeps the subject of the part before it, as does the next part of a compound
        # duration ("1 v 2 kk 22 p", "1 vuosi ja 10 kuukautta")
        # (not a line of its own that opens with its subject: "Materiaalien ostot n. 9 %" / "- Muut toimintakulut n 6 %")
        previous, unit = q.previous, q.reading.unit
        if previous and previous[-1].subject and (
            previous[-1].unit == unit or (previous[-1].unit in DURATIONS and unit in DURATIONS)
        ) and not self._line_subject(q.doc, q.sent, q.first):
            return previous[-1].subject
        return None

    def _rule_unit_named(self, q: SubjectQuery) -> str | None:
        # some units name what they measure: k-m² is floor area (kerrosala), "as" dwellings
        named = self.lex.unit_subjects.get((q.reading.unit_word or "").lower().split(":")[0])
        if q.reading.unit in DURATIONS:
            # a length of time named on a line above: "Odotusajat …:" / "- Omaishoidon tuki: 51 vuorokautta"; a
            # duration nothing names is a deadline or a term: no subject (README)
            measure = _time_named_before(q.doc, q.first) or _measure_above(q.doc, q.first, _names_time)
            return self._specific(measure) if measure is not None else named or NOTHING_NAMED
        return named

    def _rule_clause_noun_before(self, q: SubjectQuery) -> str | None:
        # else the noun the figure follows in its clause ("perimän hallintokulun 0,5 euroa/m2/kk", "tilojen vuokra
        # kasvatuksen ja koulutuksen toimialalle on yhteensä 54 595 euroa/kk"); without one, once the steps in
        # _attributes that fill a missing subject find nothing either, the ranker decides
        noun = _clause_noun_before(q.doc, q.sent, q.first, q.clause_of, material=q.reading.unit in PHYSICAL_UNITS)
        return self._specific(noun) if noun is not None and not _is_agent(noun, self.lex.agents) else None

    def _essive_money(self, sent: Span, first: Token, last: Token, clause_of: dict[int, int], reach: int = 8) -> Token | None:
        """A noun naming a sum of money, in the essive, in the figure's clause close before or right after it."""
        doc, clause = first.doc, clause_of.get(first.i)
        near = [*doc[max(sent.start, first.i - reach): first.i], *doc[last.i + 1: min(sent.end, last.i + 3)]]
        # (the tagger may read "kuluina" as a participle of "kulua"; a bare "rahana" says how it is paid: in cash)
        return next((t for t in near if t.pos_ in ("NOUN", "VERB") and _case(t) == "Ess" and clause_of.get(t.i) == clause
                     and t.lemma_.lower().endswith(self.lex.money_noun_endings) and t.lemma_.lower() != "raha"), None)

    def subject_nouns(self, first: Token, last: Token) -> list[Token]:
        """The nouns of a figure's sentence and line (not a heading above it) that may be its subject, for the
        ranker; not a standard of comparison (``3,9 % talousarviota vähemmän``)."""
        line, sent = _line(first.doc, first.i), first.sent
        scope = first.doc[max(line.start, sent.start): min(line.end, sent.end)]
        return noun_candidates(scope, first, last, lambda t: (
            _is_word(t) and _may_be_subject(t) and not _truncated(t) and not _is_agent(t, self.lex.agents)
            and not _compared(t)))

    def subject_of(self, noun: Token) -> str:
        """The subject a chosen noun gives (a generic measure noun yields to its owner)."""
        return self._specific(noun)

    def to_disk(self, path, exclude=tuple()) -> None:
        if self.ranker is not None:
            self.ranker.to_disk(Path(path) / "ranker.json")

    def from_disk(self, path, exclude=tuple()) -> "FigureExtractor":
        stored = Path(path) / "ranker.json"
        self.ranker = SubjectRanker.from_disk(stored) if stored.is_file() else None
        return self

    def _line_subject(self, doc: Doc, sent: Span, first: Token) -> bool:
        """A list line that is a nominative subject and its figure: ``- Muut toimintakulut n 6 %``."""
        label = _previous_content(doc, sent, first, self.lex)
        line = _line_start(doc, first)
        opens = line is not None and doc[line].text in LIST_MARKS
        return (
            opens and label is not None and label.pos_ == "NOUN" and _case(label) == "Nom" and "Plur" in label.morph.get("Number")
            and _may_be_subject(label) and not _is_agent(label, self.lex.agents)
        )

    def _owned_copula(self, doc: Doc, sent: Span, first: Token) -> Token | None:
        """The ``on`` the figure completes, in its own item of the sentence, whose subject right before it names a
        thing, not a generic measure (``maksu on``, not ``osuus on``)."""
        olla = next((t for t in reversed(doc[sent.start: first.i]) if t.lemma_ == "olla" and t.dep_ == "cop"), None)
        if olla is None or any(t.lower_ in ITEM_BREAKS or t.like_num for t in doc[olla.i + 1: first.i]):
            return None
        noun = _nearest_noun_before(doc, sent, olla, max_dist=3)
        owned = noun is not None and _case(noun) == "Nom" and noun.lemma_.lower() not in self.lex.measure_heads
        return olla if owned and _may_be_subject(noun) else None

    def _price_of(self, doc: Doc, sent: Span, label: Token, first: Token, last: Token) -> str | None:
        """What a price (``hintaan``) is of: the deal of a buying or selling verb (README: ``hankinta``,
        ``kauppahinta``), else the object bought (``tilata lisätöitä … hintaan 15 930 euroa`` -> lisätyö)."""
        verb = label.head if label.dep_ in ("obl", "nmod") else label
        deal = self.lex.trade_deals.get(verb.lemma_.lower())
        if deal is not None:
            return deal
        bought = _verb_object(verb, first, last) or _last_object(doc, _paragraph_start(doc, sent), label)
        return self._specific(bought) if bought is not None else None

    def _area_measure(self, reading: Reading, subject: str | None, before: Span, kind: Token | None) -> str | None:
        """``tontteja … 1,93 milj. k-m²`` -> kerrosala: a unit naming its own measure keeps it unless the text names
        an area measure (``asuinrakennusoikeus on 38 300 k-m²``) or the kind of floor area it is (``kind``), not the
        thing that has the area, or a size that yields to that thing (``hankkeen laajuus on 2 651 brm²`` -> hanke)."""
        own = self.lex.unit_subjects.get((reading.unit_word or "").lower().split(":")[0])
        if own is None or reading.unit == "count":
            return subject
        if kind is not None:
            return self._specific(kind)
        if (subject or "").endswith(self.lex.area_measures):
            return subject
        if subject is not None and any(t.lemma_.lower().endswith(self.lex.size_heads) for t in before):
            return subject
        return own

    def _area_of_kind(self, doc: Doc, sent: Span, first: Token, last: Token) -> Token | None:
        """A mass noun in the partitive singular right before an area or right after its unit names the kind of floor
        area measured: ``josta on asumista 237 400 k-m²``, ``22 200 k-m² toimistotilaa``, ``71 000 k-m² uutta …
        toimitilaa`` (the plural ``tontteja … yhteensä 92 600 k-m²`` counts plots, which have the area)."""
        before = _previous_content(doc, sent, first, self.lex)
        if before is not None and before.lower_ in TOTALLING:
            before = _previous_content(doc, sent, before, self.lex)
        after = _token_after(last, sent.end)
        while after is not None and after.pos_ in ("ADJ", "CCONJ", "ADV"):
            after = _token_after(after, sent.end)
        # … or the existential subject of the verb it completes: "Liiketilaa tulee olla vähintään 300 k-m²"
        verb = last.head if last.dep_ in ("obj", "obl", "nsubj", "advmod") else None
        existing = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < first.i), None) if verb else None
        return next((tok for tok in (before, after, existing) if tok is not None and _mass_partitive(tok)), None)

    def _times_an_action(self, doc: Doc, last: Token) -> bool:
        """``30 päivän kuluessa``, ``10 vuoden ajaksi``, ``jatkaa kahdella vuodella``, ``vuokrata kymmeneksi vuodeksi``,
        ``kirjattu kuudelta kuukaudelta``, ``osallistua yli 10 päivänä``: a duration that times an action, extends it
        or spans it (adessive, translative, ablative, essive) measures no noun."""
        nxt = _token_after(last)
        timing = nxt is not None and nxt.lower_ in self.lex.time_adverbial_heads and not _lasting_state(nxt)
        return timing or _case(last) in ("Ade", "Tra", "Abl", "Ess")

    def _changed_by(self, doc: Doc, sent: Span, first: Token, last: Token) -> Token | None:
        """The genitive owner of a noun of change right before an adessive amount ("by how much") or an illative one
        (the new level: "lainanottovaltuuden muuttamisesta 284,8 miljoonaan euroon")."""
        if _case(last) not in ("Ade", "Ill"):
            return None
        change = _previous_content(doc, sent, first, self.lex)
        if change is None or change.pos_ != "NOUN":
            return None
        lemma = change.lemma_.lower()
        if _direction_of(lemma, self.lex.directions["nouns"]) is None and not (_case(last) == "Ill" and lemma.startswith("muut")):
            return None
        owner = doc[change.i - 1] if change.i > sent.start else None
        return owner if owner is not None and _genitive_noun(owner) and _may_be_subject(owner) else None

    def _allocated_money(self, doc: Doc, sent: Span, first: Token, last: Token) -> str | None:
        """``tukemiseen 3 520 000 euroa``, ``toimialalle ohjataan 17 miljoonaa``: money given to a purpose or a
        recipient (illative, allative, translative) is part of the appropriation or grant named in the sentence
        or earlier in the section, not the purpose; ``avustuksiin 1,85 miljoonaa euroa`` names the money itself."""
        purpose = self._money_purpose_after(sent, last) or _purpose_of(doc, sent, first, last, self.lex)
        if purpose is None:  # (the parse seldom hangs such long grants on their verb) unless the money is named:
            granted = any(t.lemma_.lower() in self.lex.allocation_verbs for t in sent)  # "myöntää avustuksia …"
            named = any(self._is_money(t) for t in sent)
            return "määräraha" if granted and not named and self._names_budget_item_in(sent) else None
        if self._is_money(purpose):
            return purpose.lemma_.lower()
        # the whole, not another part given to a purpose ("josta avustuksiin 1 850 000 euroa")
        def whole(tok: Token) -> bool:
            return self._is_money(tok) and _case(tok) not in PURPOSE_CASES

        before = (t for t in reversed(doc[max(0, first.i - MONEY_CONTEXT): first.i]))
        after = (t for t in doc[last.i + 1: sent.end])
        source = next((t for t in before if whole(t)), None) or next((t for t in after if whole(t)), None)
        if source is not None and _case(source) == "Ela":  # the fund it is drawn from, unless the money is given as
            # a grant the verb names: "myönsi taide- ja kulttuuriavustuksia … määrärahoista yhteensä 39 500 euroa
            # seuraavasti: pysyväisluonteiseen toimintaan 17 500 euroa"
            source = next((t for t in doc[max(0, first.i - MONEY_CONTEXT): source.i] if whole(t) and _is_object(t)), source)
        if source is not None:
            return source.lemma_.lower()
        if self._names_budget_item_in(sent):  # "myöntää … käyttövaroista 20 000 euroa lähikirjastoille"
            return "määräraha"
        # money a budget reserves for a purpose that names no money is that purpose: "koneostoihin on budjetoitu 2 M€"
        verb = _governing_verb(first, last)
        return self._specific(purpose) if verb is not None and verb.lemma_.lower() in self.lex.reserving_verbs else None

    def _money_whole_after(self, sent: Span, last: Token) -> Token | None:
        """The money an amount is part of, in the elative after it within its clause: ``2 024,12 euroa vuodelle 2016
        myönnetystä avustuksesta``."""
        for tok in sent.doc[last.i + 1: min(last.i + 8, sent.end)]:
            if tok.is_punct or "Fin" in tok.morph.get("VerbForm") or tok.pos_ in ("CCONJ", "SCONJ", "AUX"):
                return None
            if tok.pos_ == "NOUN" and _case(tok) == "Ela":
                return tok if self._is_money(tok) else None
        return None

    def _money_purpose_after(self, sent: Span, last: Token) -> Token | None:
        """Money named as the purpose right after an amount: ``815 812 euroa palkkausavustuksiin``."""
        after = _token_after(last, sent.end)
        return after if after is not None and self._is_money(after) and _case(after) in PURPOSE_CASES else None

    def _names_budget_item_in(self, sent: Span) -> bool:
        """Whether the sentence names an item of a budget money comes from: ``käyttövarat``, ``talousarviokohta``,
        ``talousarvion kohta``."""
        return any(tok.lemma_.lower() in self.lex.budget_items or (tok.lemma_.lower() == "kohta" and any(
            c.lemma_.lower() == "talousarvio" for c in tok.children if c.dep_ == "nmod:poss")) for tok in sent)

    def _is_money(self, tok: Token) -> bool:
        return tok.pos_ == "NOUN" and tok.lemma_.lower().endswith(self.lex.money_nouns)

    def _priced(self, reading: Reading) -> Callable[[Token], bool]:
        """What names a sum of money (``hinta``, ``perusmaksu``), for a figure in euros; for others, nothing."""
        if reading.unit != "eur":
            return lambda t: False
        return lambda t: t.lemma_.lower().endswith(self.lex.money_context_endings)

    def _specific(self, noun: Token) -> str:
        """``omavastuun osuus`` -> ``omavastuu``, ``tontin 7 (…, pinta-ala 4 119 m²)`` -> ``tontti``: a generic
        measure noun (share, amount, value, area) yields to its genitive owner, else to the noun that a parenthesis
        it stands in describes, else (``arvoltaan``, "in value") to the sentence's subject."""
        lemma = noun.lemma_.lower()
        qualified = noun.doc[noun.i - 1] if lemma in self.lex.postpositive_attributes and noun.i > 0 else None
        if qualified is not None and qualified.pos_ == "NOUN" and _case(qualified) == "Nom":
            return self._specific(qualified)  # "toimintakate netto on toteutunut": the net operating margin
        whole = (_elative_before(noun, attributes=True) or _whole_after(noun)) if self._names_a_part(noun) else None
        if whole is not None:  # "Vastaajista valtaosa (90 %)", "Valtaosa (90 %) vastaajista": of the respondents
            return whole.lemma_.lower()
        estimated = _elative_after(noun) if lemma in self.lex.estimate_heads else None
        if estimated is not None:  # "tuorein arvio tuloksesta on 12 miljoonaa euroa": the estimate of the result
            return self._specific(estimated)
        changed = _existential_place(noun) if self._is_change(lemma) else None
        if changed is not None:  # "Henkilöstömenoissa on vähennystä 170 t€": the change of what it is in
            return self._specific(changed)
        if lemma not in self.lex.measure_heads:
            return _rejoined_compound(noun) or lemma
        for child in reversed(list(noun.lefts)):  # the closest genitive: "hankintalain mukaan muutoksen arvo"
            if child.dep_ == "nmod:poss" and _owning_genitive(child):
                return child.lemma_.lower()
            # … also through a relative pronoun: "vuosimaksu, jonka suuruus on enintään 46,00 euroa"
            antecedent = _relative_antecedent(child) if child.dep_ == "nmod:poss" and "Rel" in child.morph.get("PronType") else None
            if antecedent is not None and antecedent.pos_ == "NOUN" and _names_something(antecedent.lemma_.lower()):
                return antecedent.lemma_.lower()  # (not a code: "asuinhuoneisto B 20, jonka pinta-ala")
        before = _before_parenthesis(noun)  # "Säännellyn asuntotuotannon (…) osuus"
        while before is not None and before.i > 0 and (_plain_attribute(before) or _false_genitive(before)):
            before = before.doc[before.i - 1]  # "Hankinnan arvonlisäveroton kokonaisarvo"
        if before is not None and _owning_genitive(before):
            return before.lemma_.lower()
        owner = _genitive_across_attributes(noun)  # "Hankinnan arvioitu, sitoumukseton kokonaisarvo"
        if owner is not None and _owning_genitive(owner):
            return owner.lemma_.lower()
        participle = _participle_genitive_before(noun)  # "muualle hakeutuvien osuus": of those who apply elsewhere
        people = self._participle_as_noun(participle, "omanto") if participle is not None else None
        if people is not None:
            return people
        owner = _parenthesis_owner(noun) or _elative_before(noun, attributes=True) or (  # "Avustuksista haettava summa"
            _whole_after(noun) if lemma in SHARE_HEADS else None)  # "940 m² suuruinen osuus … tiloista"
        # "-ltaan" (ablative + possessive, "in value"): "Hankinta on lisähankinta … arvoltaan 657 325 euroa"
        if owner is None and noun.lower_.endswith(MEASURE_ADVERBIAL_ENDINGS):
            owner = next((t for t in noun.sent if t.dep_ in ("nsubj", "nsubj:cop") and t.pos_ == "NOUN" and t.i < noun.i), None)
        return owner.lemma_.lower() if owner is not None else lemma

    def _names_a_part(self, noun: Token) -> bool:
        """``valtaosa``, also a phrase of the superlative before it: ``suurin osa``."""
        before = noun.doc[noun.i - 1].lower_ + " " if noun.i > noun.sent.start else ""
        return noun.lemma_.lower() in self.lex.part_heads or before + noun.lemma_.lower() in self.lex.part_heads

    def _is_change(self, lemma: str) -> bool:
        return _direction_of(lemma, self.lex.directions["nouns"]) is not None

    def _qualifier(
        self, sent: Span, first: Token, last: Token, item_of: dict[int, int], clause_of: dict[int, int], subject: str | None,
    ) -> str | None:
        """A state word of a breakdown in the figure's item (valmis, kesken), else ``tavoite`` for a target."""
        state = self._state_word(sent, first, last, item_of) or _predicate_state(sent, last)
        if state in self.lex.outcome_qualifiers and not self._other_state(sent, state):
            state = None  # "menot ovat toteutuneet 24 prosentilla": how the whole turned out, no breakdown
        if state is not None:
            return state
        if subject is not None and subject.startswith("tavoit"):
            return None  # "kolmen tavoitteen": goals counted, no target
        clause = clause_of.get(first.i)
        near = [t for t in sent.doc[max(sent.start, first.i - TARGET_WINDOW): first.i] if clause_of.get(t.i) == clause]
        # a list after "…tavoite on seuraava:" states targets too
        colon = next((t for t in reversed(sent.doc[sent.start: first.i]) if t.text == ":"), None)
        intro = list(sent.doc[sent.start: colon.i]) if colon is not None else []
        # the intro must state the target itself ("…tavoite on seuraava:"), not its fate ("Tavoitteiden toteutuminen:")
        # or a target is what the figure's copula states: "Tavoite vuoden 2025 lopussa on 30 500 työssäkäyvää"
        stated = [t for t in sent.doc[sent.start: first.i] if t.dep_ == "nsubj:cop" and clause_of.get(t.i) == clause]
        if any(self._names_target(t) for t in near) or any(
                self._names_target(t) and _case(t) == "Nom" for t in intro + stated):
            return "tavoite"
        return None

    def _names_target(self, tok: Token) -> bool:
        """``tavoite``, also inside a compound: ``tuotantotavoite``, ``vuositavoitteen``."""
        low = tok.lower_
        return low.startswith(self.lex.target_stems) or (tok.pos_ == "NOUN" and any(s in low for s in self.lex.target_stems))

    def _other_state(self, sent: Span, state: str) -> bool:
        return any(self.lex.qualifiers.get(t.lower_, state) != state for t in sent)

    def _state_word(self, sent: Span, first: Token, last: Token, item_of: dict[int, int]) -> str | None:
        item = item_of.get(first.i)
        best, best_dist = None, 99
        for tok in sent:
            if item_of.get(tok.i) != item or first.i <= tok.i <= last.i:
                continue
            q = self.lex.qualifiers.get(tok.lower_)
            if q is not None:
                dist = abs(tok.i - first.i)
                if dist < best_dist:
                    best, best_dist = q, dist
        return best

    def _period(
        self, sent: Span, first: Token, end: int, periods: list[PeriodMention], clause_of: dict[int, int],
        item_of: dict[int, int], report_period: str | None,
    ) -> str | None:
        rel = first.idx - sent.start_char
        # not the figure itself read as a year: "yhteensä 2093 vastausta"
        periods = [p for p in periods if not _in_other_parenthesis(sent.text, p, rel) and p.start != rel]
        if not periods:
            return reported_period(sent.text, report_period)
        # a period alone in parentheses after the figure dates it: "on -47 % (2021)", "1 410 työpaikkaa (6/2022)"
        labelled = next((p for p in periods if _dates_figure(sent, end, p)), None)
        if labelled is not None:
            return labelled.value
        starts = [t.idx - sent.start_char for t in sent]

        def part_at(part_of: dict[int, int], offset: int) -> int | None:
            i = bisect.bisect_right(starts, offset) - 1
            return part_of.get(sent.start + i) if i >= 0 else None

        same = [p for p in periods if part_at(clause_of, p.start) == clause_of.get(first.i)]
        # within a clause, a period in the figure's own item first: "2019–2029 kehittyvän 1,4 % / vuosi ja vuosina
        # 2030–2040 keskimäärin 1,7 % / vuosi" (a period phrase may hold the "ja": "vuosien 2030 ja 2040 välillä")
        item = item_of.get(first.i)
        own = [p for p in same if item in (part_at(item_of, p.start), part_at(item_of, p.end - 1))]
        if own or same:
            pool = [p for p in own or same if p.strong] or own or same
            nearest = min(pool, key=lambda p: abs(p.start - rel)).value
            # "tulos tammi–heinäkuulta on … ja koko tilikauden tulos on ennustettu … 14,1 miljoonaa euroa": the year
            item_text = " ".join(t.text for t in sent if item_of.get(t.i) == item)
            whole_year = not own and WHOLE_YEAR_RE.search(item_text) is not None
            return nearest[:4] if whole_year else nearest
        kuin = [t.idx - sent.start_char for t in sent if t.lower_ == "kuin" and t.i < first.i]
        limit = kuin[-1] if kuin else -1
        before = [p for p in periods if p.end <= rel and p.start > limit]
        # a period before a "kuin" belongs to the comparison's other side, never to this figure
        if before:
            return before[-1].value
        return reported_period(sent.text, report_period)

    def _direction(
        self, doc: Doc, sent: Span, first: Token, last: Token, reading: Reading, clause_of: dict[int, int],
    ) -> str | None:
        """A change stated as a difference: "kasvoi 11 %", "väheni 78 henkilöllä", "9 Me talousarviota heikompana",
        "viiden sairaansijan vähennystä". A from/to change ("765,50 eurosta 790,83 euroon") has none."""
        signed = _signed_in_parentheses(doc, first, last)
        if signed is not None and reading.unit == "count":
            return signed  # "väestö oli lisääntynyt Myyrmäessä (+270)"
        after = _token_after(last)
        counted = after if reading.unit == "count" and after is not None and after.pos_ == "NOUN" else None
        counted_case = _case(counted) if counted is not None else None
        if _case(last) in FROM_TO_CASES or counted_case in FROM_TO_CASES or FROM_TO_PERCENT.search(last.text):
            return None  # "765,50 eurosta 790,83 euroon", "405 henkilöstä 411 henkilöön"
        if reading.unit in DURATIONS and after is not None and after.lower_ in self.lex.time_adverbial_heads:
            return None  # "kasvaa seuraavan kymmenen vuoden aikana": when, not by how much
        directions = self.lex.directions
        if after is not None and after.lower_ in ("alle", "yli"):  # "29,7 miljoonaa euroa alle muutetun talousarvion"
            # (not bounded by the parse's sentence, which may end at a unit it misread: "3,2 Me yli talousarvion")
            standard = next((t for t in doc[after.i + 1: min(after.i + 4, len(doc))] if t.pos_ == "NOUN"), None)
            if standard is not None and _case(standard) == "Gen" and standard.lemma_.lower() in self.lex.comparison_standards:
                return "less" if after.lower_ == "alle" else "more"
        label = _previous_content(doc, sent, first, self.lex)
        if label is not None and label.lower_ in TOTALLING:
            label = _previous_content(doc, sent, label, self.lex)
        if label is not None and label.pos_ == "NOUN" and _case(label) in ("Nom", "Par") and reading.unit in AMOUNT_UNITS:
            found = _direction_of(label.lemma_.lower(), directions["nouns"])
            if found is not None:  # an amount labelled as a change: "Määrärahan lisäys 505 000 euroa", "vähennystä 72 000 euroa"
                return found
        fronted = self._fronted_change(first, last) if reading.unit in AMOUNT_UNITS else None
        if fronted is not None:  # "Kasvua edellisen vuoden tasoon verrattuna tuli 2,3 miljoonaa euroa"
            return fronted
        # across the standard ("talousarviota heikompana") and a restatement ("2,5 miljoonaa euroa (4,3 %) alhaisemmaksi")
        for tok in _past_restatement(doc[last.i + 1: min(last.i + 12, sent.end)])[:3]:
            found = self._comparative_direction(tok) if _comparative(tok) or tok.lower_ == "lisää" else None
            if found is not None:
                return found
            if not ((tok.pos_ in ("NOUN", "ADJ") and _case(tok) in ("Par", "Ela")) or tok.pos_ == "ADV"):
                break  # the standard may be a noun or an adjective: "aiesopimusta korkeampi", "aiempaa pienemmät"
        if after is not None and after.pos_ == "NOUN" and _case(after) == "Par" and reading.unit in AMOUNT_UNITS:
            found = _direction_of(after.lemma_.lower(), directions["nouns"])
            if found is not None:  # "mikä tarkoittaa 5,8 % kasvua edellisestä vuodesta"
                return found
        if _case(last) == "Gen" or (reading.unit_word or "").endswith(":n"):
            # "yli 20 prosentin kasvua", also past the noun counted: "viiden (5) sairaansijan vähennystä"
            for noun in _skip_parentheses(doc[last.i + 1: min(last.i + 6, sent.end)])[:2]:
                found = _direction_of(noun.lemma_.lower(), directions["nouns"])
                if found is not None:
                    return found
                if noun.pos_ != "NOUN" or _case(noun) != "Gen":
                    break
        # (the case the tagger gives a unit symbol is a guess: "pienenee 14 m² aiemmasta")
        genitive = _case(last) == "Gen" and (last.is_alpha or (reading.unit_word or "").endswith(":n"))
        verb = _governing_verb(first, last) if not genitive and counted_case != "Gen" else None  # "alle 35 oppilaan rajan"
        if verb is not None and any(t.lemma_ == "olla" for t in doc[min(verb.i, first.i) + 1: max(verb.i, first.i)]):
            return None  # "lisääntyi 32 henkilöllä ollen vuoden lopussa 454 henkilöä": a state
        if verb is not None and clause_of.get(verb.i) == clause_of.get(first.i):  # not "laskee siten, että … on 140"
            if verb.lemma_.lower() == "laskea" and "Pass" in verb.morph.get("Voice"):
                return None  # "arvo lasketaan": calculated
            found = _direction_of(verb.lemma_.lower(), directions["verbs"])
            if found is None and _case(last) == "Ade":  # "voidaan ylittää 3 kuukaudella": by how much
                found = _direction_of(verb.lemma_.lower(), directions["by_verbs"])
            return found
        return None

    def _fronted_change(self, first: Token, last: Token) -> str | None:
        """The direction of a noun of change in the partitive that is the existential subject of the verb the amount
        completes: ``Nousua edellisen vuoden toimintatuottoihin verrattuna tuli 3,9 miljoonaa euroa``; not a copula's
        subject (gold README: ``korotusta aiesopimukseen on noin 55 000 euroa`` states the amount, not a change)."""
        verb = _governing_verb(first, last)
        subjects = (c for c in verb.children if c.dep_ == "nsubj" and c.i < first.i) if verb is not None else ()
        change = next((c for c in subjects if c.pos_ == "NOUN" and _case(c) == "Par"), None)
        return _direction_of(change.lemma_.lower(), self.lex.directions["nouns"]) if change is not None else None

    def _changes(self, first: Token, last: Token) -> bool:
        """Whether the amount completes a verb of change."""
        verb = _governing_verb(first, last)
        lemma = verb.lemma_.lower() if verb is not None else ""
        return lemma in self.lex.change_verbs or _direction_of(lemma, self.lex.directions["verbs"]) is not None

    def _classified_owner(self, doc: Doc, first: Token, last: Token, classifier: Token) -> Token | None:
        """What a count of persons or pieces is of: the noun subject of the verb of change it completes ("väkiluku
        väheni 78 henkilöllä"), or what a demonstrative subject of its copula takes up ("Henkilökunnan määrä oli
        552. Tämä on 30 henkilöä enemmän"), or what a relative pronoun object of its verb stands for ("tuoleja,
        joita tarvitaan 40 kappaletta")."""
        pronoun = next((c for head in (classifier, classifier.head) for c in head.children  # the head: "on … enemmän"
                        if c.dep_ == "nsubj:cop" and "Dem" in c.morph.get("PronType")), None)
        if pronoun is not None:
            noun = _antecedent_subject(doc, pronoun)
            return noun if noun is not None and _may_be_subject(noun) else None
        # … or what the generic amount the copula states is of: "Henkilöstön määrä oli … yhteensä 204 henkilöä"
        amount = next((c for c in classifier.children if c.dep_ == "nsubj:cop" and c.lemma_.lower() in self.lex.amount_heads), None)
        owner = _common_genitive(amount) if amount is not None else None
        if owner is not None and _may_be_subject(owner):
            return owner
        # … or the count the copula's own subject names: "Espoon väestömäärä oli kesäkuun lopussa 323 940 henkeä"
        #   (the parse may hang both on the copula's predicate: "… oli vuoden lopussa 9 450 henkeä")
        heads = (classifier, classifier.head)
        copula = any(c.dep_ == "cop" for head in heads for c in head.children)
        counted = next((c for head in heads for c in head.children if c.dep_ == "nsubj:cop" and c.pos_ == "NOUN"
                        and c.i < classifier.i and _case(c) == "Nom"), None) if copula and amount is None else None
        if counted is not None and _may_be_subject(counted):
            return counted
        # (of a passive, which has no agent the count could be: not "jota voi käyttää … viisi henkilöä")
        relative = next((c for c in classifier.head.children if c.dep_ == "obj" and "Rel" in c.morph.get("PronType")), None)
        passive = "Pass" in classifier.head.morph.get("Voice")
        noun = _relative_antecedent(relative) if relative is not None and passive else None
        if noun is not None and noun.pos_ == "NOUN" and _may_be_subject(noun):
            return noun
        if not self._changes(first, last):
            return None
        verb = _governing_verb(first, last)
        return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and _may_be_subject(c)), None)

    def _comparative_direction(self, tok: Token) -> str | None:
        if tok.lower_ in self.lex.more:
            return "more"
        if tok.lower_ in self.lex.less:
            return "less"
        return _direction_of(tok.lemma_.lower(), self.lex.directions["comparatives"])

    def _against_base_year(self, sent: Span, fig: Figure, current: Figure) -> Figure:
        """``-60 % vuoden 1990 tasosta``, ``12 % vuoteen 2020 verrattuna``: a change from a base year's level,
        its direction the sign's or the verb's."""
        m = BASE_YEAR_AFTER.match(text_of(sent.doc), fig.end_char)
        if m is None:
            return current
        signed = "less" if fig.value < 0 else "more" if text_of(sent.doc)[fig.start_char] == "+" else None
        direction = current.direction or signed
        return replace(current, direction=direction, baseline_period=m.group("y1") or m.group("y2"))

    def _per(self, text: str, start: int, end: int, unit: str) -> str | None:
        """The period a rate is per: after the amount (``euroa /v.``), after the noun a count counts (``2 000 asuntoa
        vuodessa``), or as an adverb right before it (``arvioidaan olevan vuosittain 80 000 euroa``)."""
        m = self.lex.rate_per.match(text, end)
        per_area = AREA_UNIT_ABLATIVE.match(text, end) if not m else None
        if per_area:  # "0,757 euroa kerrosneliömetriltä vuodessa"
            m = self.lex.rate_per.match(text, per_area.end())
        if not m and unit == "count":
            noun = COUNTED_WORD.match(text, end)
            m = self.lex.rate_per.match(text, noun.end()) if noun else None
        if m and m.group("per3") and unit in SHARE_UNITS:
            m = None  # "7 prosenttia vuotuisesta tavoitteesta": a share of a yearly whole, not a rate
        if m:
            word = (m.group("per") or m.group("per2") or m.group("per3")).lower().rstrip(".")
            return self.lex.per_normal.get(word)
        before = RATE_ADVERB_BEFORE.search(text, max(0, start - 40), start)
        return self.lex.per_normal.get(before.group("per").lower()) if before else None

    def _comparisons(self, doc: Doc, sent: Span, figures: list[Figure], periods: list[PeriodMention]) -> list[Figure]:
        """``2 prosenttiyksikköä enemmän kuin vuoden 2025 keskiarvo (36 %)``: direction + baseline."""
        out = list(figures)
        for i, fig in enumerate(figures):
            if fig.end_char >= sent.end_char:
                continue
            after = doc.char_span(fig.end_char, min(sent.end_char, fig.end_char + 40), alignment_mode="expand")
            if after is None or len(after) == 0:
                continue
            after = _skip_parentheses(after)  # "30 henkilöä (eli 5,7 %) enemmän kuin"
            if after and fig.unit == "count" and after[0].pos_ == "NOUN" and _case(after[0]) == "Par":
                after = after[1:]  # the noun counted, outside the figure's span
            words = [t.lower_ for t in after[:4]]
            direction = None
            if words and words[0] in self.lex.more:
                direction = "more"
            elif words and words[0] in self.lex.less:
                direction = "less"
            if direction is None or "kuin" not in words[:3]:
                out[i] = self._against_base_year(sent, fig, out[i])
                continue
            kuin_char = after[words.index("kuin")].idx
            base = next((f for f in figures[i + 1:] if f.start_char > kuin_char and f.unit in _BASE_UNITS[fig.unit]), None)
            base_period = None
            rel_kuin = kuin_char - sent.start_char
            window_end = (base.end_char if base else sent.end_char) - sent.start_char
            inside = [p for p in periods if rel_kuin <= p.start <= window_end]
            if inside:
                base_period = inside[0].value
            out[i] = replace(fig, direction=direction, baseline_value=base.value if base else None, baseline_period=base_period)
            if base is not None and inside:
                j = figures.index(base)
                out[j] = replace(out[j], period=base_period)
        return out


_BASE_UNITS = {
    "percentage_point": {"percent"},
    "percent": {"percent"},
}
for _u in ("eur", "count", "m2", "km", "m", "hour", "day", "week", "month", "year", "other", "fraction", "score"):
    _BASE_UNITS[_u] = {_u}


# -------------------------------------------------------------------- small helpers
# what may stand between a period and the duration that measures it: "vuonna 2019 (3 kk 27 p)", "7.5.–31.8.2018 noin 4 kuukautta"
STRETCH_GAP = re.compile(r"\s*(?:\([^()]*|(?:(?:noin|n\.|arviolta|lähes|yhteensä|vajaa|runsas|yli|alle)\s+)?)", re.IGNORECASE)


FROM_TO_CASES = frozenset({"Ela", "Ill", "Tra", "Ess"})
FROM_TO_PERCENT = re.compile(r"%:(?:sta|stä|iin|ksi|na|nä)$")
RANGE_GAP = re.compile(r"\s?[-–—]\s?|\s?…\s?|\.\.\.")
DIVIDING_VERBS = frozenset({"jakautua", "jakaantua", "jakaa", "jaotella"})
ADVERBIAL_POSTPOSITIONS = frozenset({"mukaan", "aikana", "lopussa", "alussa", "mennessä", "osalta", "kohdalla"})
TIME_NOUNS = frozenset({"hetki", "loppu", "alku", "vaihe", "tilanne", "aika", "vuosi", "kuukausi", "kvartaali", "kausi"})
COMPARISON_POSTPOSITIONS = frozenset({"verrattuna", "nähden", "suhteutettuna"})
# the word: a count's noun; "mikä on": a difference stated of the figure before ("89, mikä on 3 henkilöä vähemmän")
# ("toimintatuotot kasvoivat 0,7 miljoonalla eurolla, eli 4,2 prosentilla", "1,6 miljoonalla euroa, mikä on vain 1,9 %")
RESTATING_GAP = re.compile(
    r"(?:\s+\w+)?\s*(?:\(\s*(?:eli\s+)?|,?\s*eli\s+|,\s*mikä\s+on\s+(?:vain\s+|noin\s+|n\.\s+)?)(?P<sign>[+−-]\s*)?")
# the comparative's singular and plural forms: "korkeampi", "heikompana", "pienempinä", "suurempien", "parempiin"
COMPARATIVE_ENDING = re.compile(r"(?:mpi(?:a|ä|en|na|nä|in|ssa|ssä|lla|llä|lle|lta|ltä|sta|stä|ksi)?|mm[aä]\w*|mp[aä]\w*)$")


def _dates_figure(sent: Span, end: int, period: PeriodMention) -> bool:
    """``period`` stands alone in the parenthesis right after the figure that ends at char ``end``."""
    text, offset = text_of(sent.doc), sent.start_char
    return (offset + period.start > end and YEAR_LABEL_BEFORE.fullmatch(text, end, offset + period.start) is not None
            and RESTATED_AFTER.match(text, offset + period.end) is not None)


WORD_RE = re.compile(r"[^\W\d_]{2,}")


def _in_other_parenthesis(sent_text: str, period: PeriodMention, rel: int) -> bool:
    """A period in parentheses with a figure of its own, not around this figure: in "74,4 % (v. 2024 76,2 %) ja
    70,9 %" the year is the 76,2 %'s."""
    opened = sent_text.rfind("(", 0, period.start)
    if opened < 0 or sent_text.rfind(")", 0, period.start) > opened:
        return False
    closed = sent_text.find(")", period.end)
    closed = closed if closed >= 0 else len(sent_text)
    # … or with a clause of its own, an aside: "420 kpl (niiden valmistus päättyi 2016)"
    aside = len(WORD_RE.findall(sent_text, opened, period.start)) >= 2
    return not opened < rel < closed and (aside or HAS_DIGIT.search(sent_text, period.end, closed) is not None)


def _direction_of(lemma: str, lexicon: dict[str, frozenset[str]]) -> str | None:
    return next((d for d, lemmas in lexicon.items() if lemma in lemmas), None)


def _comparative(tok: Token) -> bool:
    """``korkeampi``, ``heikompana`` (which the tagger may call a positive, or a participle: ``korkeampina``),
    ``enemmän``."""
    if tok.pos_ == "VERB":
        return "Part" in tok.morph.get("VerbForm") and COMPARATIVE_ENDING.search(tok.lower_) is not None
    return tok.pos_ in ("ADJ", "ADV") and ("Cmp" in tok.morph.get("Degree") or COMPARATIVE_ENDING.search(tok.lower_) is not None)


def _governing_verb(first: Token, last: Token) -> Token | None:
    """The verb the amount completes, up the parse from its number or unit word across number and noun links."""
    for tok in (last, first):
        head = tok.head
        for _ in range(2):
            if head.pos_ in ("VERB", "AUX") or head.i == head.head.i:
                break
            if head.pos_ not in ("NUM", "NOUN", "SYM", "PUNCT"):
                break
            head = head.head
        if head.pos_ == "VERB":
            return head
    return None


COORDINATED_GAP = re.compile(r"\s+(?:ja|tai)\s+")


def _range_ends_agree(doc: Doc, figures: list[Figure]) -> list[Figure]:
    """Both ends of a range measure one thing: the low end, read without the unit word, takes the subject found for
    the high end (``hankkeiden määrä on 20-30 kpl``) and its rate (``10–15 euroa/kk``); so does the first of two
    coordinated numbers that share the unit and the noun after the second (``5 ja 10 vuoden lainasta``)."""
    out = list(figures)
    for i in range(len(out) - 1):
        low, high = out[i], out[i + 1]
        gap = text_of(doc)[low.end_char: high.start_char]
        if COORDINATED_GAP.fullmatch(gap) and low.subject is None and high.subject and low.unit == high.unit:
            out[i] = replace(low, subject=high.subject, subject_rule=SHARED_WITH_NEXT)
        if not RANGE_GAP.fullmatch(gap):
            continue
        if high.subject and low.subject != high.subject:
            low = out[i] = replace(low, subject=high.subject, subject_rule=SHARED_WITH_NEXT)
        if high.per and low.per is None and low.unit == high.unit:
            out[i] = replace(low, per=high.per)
    return out


def _restatements(doc: Doc, figures: list[Figure], classifiers: frozenset[str]) -> list[Figure]:
    """A figure restated in parentheses or after "eli" measures what the figure before it measures (when its own
    reading found nothing better than a classifier) and has its direction, or that of its own sign:
    "4,7 miljoonaa euroa (+0,5 %)", "30 henkilöä (eli 5,7 %) enemmän", "1,12 % eli 2 368 päivää"."""
    out = list(figures)
    for i in range(1, len(out)):
        before, fig = out[i - 1], out[i]
        gap = RESTATING_GAP.fullmatch(text_of(doc)[before.end_char: fig.start_char])
        if gap is None:
            continue
        sign = (gap.group("sign") or text_of(doc)[fig.start_char]).strip()
        if before.subject and (fig.subject is None or fig.subject in classifiers):
            # "lisääntyi 2,2 % (+ 9 hlöä)": the same staff
            fig = out[i] = replace(fig, subject=before.subject, subject_rule="restatement")
        if before.direction is not None and fig.direction is None:
            own = "less" if fig.value < 0 or sign in ("-", "−") else "more" if sign == "+" else before.direction
            out[i] = replace(fig, direction=own)
    return out


def _measured_stretch(sent_text: str, rel: int, periods: list[PeriodMention]) -> str | None:
    """A duration has a period only when it measures the stretch of time stated right before it;
    otherwise it is a length of its own (``kolmen vuoden sopimus``, ``30 päivän kuluessa``)."""
    before = [p for p in periods if p.end <= rel]
    if not before or not before[-1].strong:
        return None
    return before[-1].value if STRETCH_GAP.fullmatch(sent_text[before[-1].end:rel]) else None


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _tokens_of(doc: Doc, start: int, end: int) -> tuple[Token | None, Token | None]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    return span[0], span[-1]


def _sentence_index(doc: Doc) -> tuple[list[int], list[Span]]:
    sents = list(doc.sents)
    return [s.start_char for s in sents], sents


def _case(tok: Token) -> str | None:
    case = tok.morph.get("Case")
    return case[0] if case else None


PRESENT_PARTICIPLE_GENITIVES = ("vien", "vän", "van")  # "asuvien", "käyttävän": a present participle in the genitive
PRESENT_PARTICIPLE_STEM = re.compile(r"(.+v)[aäi][a-zäö]*$")  # "valmennettav|aan", "asuv|ia": the stem ends in -v
S_STEM_PARTITIVES = ("osta", "östä", "usta", "ystä")


def _under_euro_column(text: str, cand: Candidate, max_chars: int = 3000) -> bool:
    """A number that ends its line in a table whose header line ends in ``euroa`` (``Hakija euroa``, or ``euroa``
    on a line of its own), with no blank line between: the column's cells are euros."""
    if not ROW_END_RE.match(text, cand.end):
        return False
    block_start = text.rfind("\n\n", max(0, cand.start - max_chars), cand.start)
    if EURO_HEADER_RE.search(text, max(block_start, 0), cand.start) is not None:
        return True
    # a table copied from a web page puts each cell in a paragraph of its own: the number alone on its line, and
    # only short cells (names, codes, numbers) between it and the header
    line_start = text.rfind("\n", 0, cand.start) + 1
    if text[line_start:cand.start].strip():
        return False
    headers = list(EURO_HEADER_RE.finditer(text, max(0, cand.start - max_chars), line_start))
    cells = text[headers[-1].end():line_start].split("\n") if headers else []
    return bool(headers) and all(len(cell) <= MAX_TABLE_CELL_CHARS for cell in cells)


def _budget_line(text: str, cand: Candidate) -> bool:
    """A line of a budget change that gives an appropriation or an estimate without the unit: ``määräraha
    talousarviossa 385 006 000``."""
    return bool(BUDGET_LABEL_BEFORE.search(text, max(0, cand.start - 40), cand.start)) and bool(ROW_END_RE.match(text, cand.end))


def _has_verb(tokens: Span) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _counted_duration(reading: Reading) -> str | None:
    """The duration unit of a count of compound days, months or years (``tapaturmapäivä``, ``optiovuosi``)."""
    lemma = reading.subject or ""
    if reading.unit != "count" or lemma in DURATION_HEADS:
        return None
    return next((unit for head, unit in DURATION_HEADS.items() if lemma.endswith(head)), None)


YEAR_SERIES_GAP = re.compile(rf",?\s*(?:ja\s+|sekä\s+)?(?:vuonna|v\.)\s+{YEAR_DIGITS}\s+(?:(?:enää|jo|vielä|noin|n\.)\s+)?")
# … or with each year after its number: "633 vuonna 2015, 1 169 vuonna 2016 ja 1 253 vuonna 2017"
YEAR_AFTER_SERIES_GAP = re.compile(rf"\s+(?:vuonna|v\.)\s+{YEAR_DIGITS}\s*(?:,|ja|sekä)\s*(?:(?:ja|sekä)\s+)?")
YEAR_AFTER = re.compile(rf"\s+(?:vuonna|v\.)\s+{YEAR_DIGITS}\b")


def _next_in_year_series(text: str, prior: Reading, cand: Candidate, reading: Reading | None) -> bool:
    """A bare number after a count and a year, in a series of years: ``oli 952, vuonna 2023 735, vuonna 2024 718``,
    ``633 vuonna 2015, 1 169 vuonna 2016``."""
    bare = reading is None or (reading.unit == "count" and reading.unit_word is None)
    return (
        prior.unit == "count" and prior.subject is not None and bare and not cand.word and not cand.decimal
        and (YEAR_SERIES_GAP.fullmatch(text, prior.end, cand.start) is not None or (
            YEAR_AFTER_SERIES_GAP.fullmatch(text, prior.end, cand.start) is not None
            and YEAR_AFTER.match(text, cand.end) is not None))
    )


def _year_label_after(text: str, prior: Reading, cand: Candidate) -> bool:
    """A year alone in parentheses right after a figure: ``Toteuma … on -47 % (2021)`` states when it was measured."""
    return (_is_year(cand) and YEAR_LABEL_BEFORE.fullmatch(text, prior.end, cand.start) is not None
            and RESTATED_AFTER.match(text, cand.end) is not None)


def _count_of_share(text: str, prior: Reading, cand: Candidate) -> bool:
    """A whole number alone in parentheses right after a share, too big to be last year's share: the count the share
    is of (``39 % (3056)``, ``59 prosenttia (114 091)``, ``4 % (343, ei sisällä …)``; not ``45 % (42)``)."""
    if prior.unit != "percent" or cand.word or cand.decimal or cand.denominator is not None:
        return False
    opened = re.fullmatch(r"\s*\(\s*", text[prior.end: cand.start]) is not None
    closed = re.match(r"\s*[),]", text[cand.end:]) is not None
    return opened and closed and (cand.value > 100 or cand.value >= 10 * max(prior.value, 1))


def _restated_in_parentheses(text: str, prior: Reading, reading: Reading) -> bool:
    """A bare number alone in parentheses right after a figure, perhaps after its year (``(vuonna 2021 1359)``,
    ``(v. 2020 oli 375,3)``), of the same order of magnitude (a footnote mark ``(1)`` is not)."""
    cand = reading.cand
    if reading.unit != "count" or reading.unit_word is not None or cand.word or not prior.cand.value or not cand.value:
        return False
    ratio = cand.value / prior.cand.value
    gap = RESTATED_BEFORE.fullmatch(text, prior.end, cand.start)
    # words between may only be the noun the figure counts: not "5 kpl rakennusselostukseen nähden (46)"
    words_counted = gap is not None and (not gap.group("words") or gap.group("words").split()[-1] == prior.unit_word)
    return 0.1 <= ratio <= 10 and words_counted and RESTATED_AFTER.match(text, cand.end) is not None


def _unglued(doc: Doc, text: str) -> str:
    """The text with a space, not a letter, before each number the tokenizer split off its word ("yhteen7 235
    eurolla", the ``glued_numbers`` component), so the number is read whole; offsets are unchanged."""
    glued = [
        tok.idx - 1 for tok in doc[1:]
        if tok.text[:1].isdigit() and not doc[tok.i - 1].whitespace_ and doc[tok.i - 1].text[-1:].islower()
        and doc[tok.i - 1].is_alpha
    ]
    if not glued:
        return text
    chars = list(text)
    for i in glued:
        chars[i] = " "
    return "".join(chars)


def _names_before(doc: Doc, first: Token) -> bool:
    """Is the number preceded by a nominative noun or a lone capital, i.e. the end of a name or code?"""
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is None:
        return False
    if len(prev.text) == 1 and prev.text.isupper():
        return True
    if not (prev.pos_ in ("NOUN", "PROPN") and _case(prev) in ("Nom", None) and not prev.is_sent_start):
        return False
    # … not when a noun after the number takes the number's count: "uusi päiväkoti 150 lapselle", "vähennys 12 henkilöä"
    nxt = first.nbor(1) if first.i + 1 < len(doc) else None
    return not (nxt is not None and nxt.pos_ == "NOUN" and _case(nxt) in ("All", "Par") and first.text.isdigit())


def _names_after(doc: Doc, last: Token) -> bool:
    """Is the number followed by a capitalised name mid-sentence (``4614 Konsernipalvelut``), i.e. a code?"""
    nxt = _token_after(last)
    return nxt is not None and nxt.is_title and nxt.pos_ in ("NOUN", "PROPN") and not nxt.is_sent_start


def _list_item_number(doc: Doc, first: Token, last: Token) -> bool:
    """A number opening a line before a capitalised word numbers an item of a list: ``1 OKM Hakuilmoitus``,
    ``8 Kehittyvä kerrostalo -ohjelman uudistus``; in a list of attachments, any line's number does; so does one
    opening a short line without a verb, a numbered heading (``1 äänestys``)."""
    nxt = _token_after(last)
    prev = doc[first.i - 1] if first.i > 0 else None
    opens_line = prev is None or (prev.is_space and "\n" in prev.text)
    if not opens_line or nxt is None:
        return False
    in_attachments = getattr(doc._.context, "section_kind", None) == "attachments"
    line = []
    for tok in doc[last.i + 1: last.i + 1 + HEADING_MAX_TOKENS + 1]:
        if "\n" in tok.text_with_ws:
            line.append(tok)
            break
        line.append(tok)
    ends = "\n" in line[-1].text_with_ws or line[-1].i == len(doc) - 1
    counts = _case(nxt) == "Par"  # "12 hakijaa" on its own line is a count
    heading = len(line) <= HEADING_MAX_TOKENS and ends and not counts and not any(t.pos_ in ("VERB", "AUX") for t in line)
    return nxt.text[:1].isupper() or in_attachments or heading


GENITIVE_ADJECTIVES = ("mukainen", "kaltainen", "välinen", "aikainen", "vastainen")  # adjectives of a postposition


def _plain_attribute(tok: Token) -> bool:
    """An adjective a genitive owner may stand before, not one that takes the genitive itself
    (``sopimuksen mukainen enimmäisarvo``: the contract is no owner of the value)."""
    return tok.pos_ == "ADJ" and not tok.lemma_.lower().endswith(GENITIVE_ADJECTIVES)


def _genitive_across_attributes(noun: Token, max_dist: int = 5) -> Token | None:
    """The genitive that opens a measure noun's phrase across its attributes (adjectives, participles, the commas
    between them), when the parse hung it elsewhere."""
    for tok in reversed(noun.doc[max(noun.sent.start, noun.i - max_dist): noun.i]):
        if _genitive_noun(tok):
            return tok
        attribute = _plain_attribute(tok) or _false_genitive(tok) or tok.text == "," or (
            tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm"))
        if not attribute:
            return None
    return None


def _money_sense(lemma: str, senses: dict[str, str]) -> str:
    """``oikeudenkäyntikulku`` -> ``oikeudenkäyntikulu``: a compound takes its last part's money sense."""
    for lemma_end, sense in senses.items():
        if lemma.endswith(lemma_end):
            return lemma[: len(lemma) - len(lemma_end)] + sense
    return lemma


def _numbered_in_year(numerator: str, denominator: float) -> bool:
    """``Hallitus 4 / 2018``, ``Pöytäkirja No 1/2017``: the number of a meeting or an issue within a year."""
    return numerator.strip().isdigit() and len(numerator.strip()) <= 3 and 1900 <= denominator <= 2099


def _absurd(value: float) -> bool:
    return abs(value) >= MAX_VALUE


def _broken_number(text: str, cand: Candidate, reading: Reading) -> bool:
    """Digits right after a short number and one space continue a number written broken or a flattened table row
    (``Maksu 12 34 euroa``, ``1 00 000 euroa``, ``1 2 3 … 10 %``); after a comma and a space, the decimals of a
    number spaced apart (two cents: ``664, 89 euroa``; one tenth: ``12, 5 %``). Neither is a figure of its own."""
    before = BROKEN_BEFORE_RE.search(text[max(0, cand.start - 8): cand.start])
    if before is None:
        return False
    if before.group("sep") != ", ":
        return True
    digits = cand.end - cand.start
    own_unit = reading.unit != "count" and reading.end > cand.end  # not one read after a list: "2, 3 ja 5 %"
    return own_unit and (digits == 1 or (digits == 2 and reading.unit == "eur"))


def _picks_one_of_many(noun: Token) -> bool:
    """``Yksi syy on talous``, ``yksi vaihtoehto on siirtää``: "one" on a subject right before ``on`` whose predicate
    names what it is (a noun, a pronoun, an infinitive) picks one of several and counts nothing; other predicates
    (``yksi hakija on valittu``, ``… oli poissa``) or an existential subject (``talossa on yksi huoneisto``) count.
    An adverbial may stand between: ``Yksi syy taustalla on muutto``."""
    nxt = _token_after(noun)
    while nxt is not None and nxt.i - noun.i <= 2 and (nxt.pos_ == "ADV" or _case(nxt) in ("Ade", "Ine")):
        nxt = _token_after(nxt)
    if not noun.dep_.startswith("nsubj") or nxt is None or nxt.lemma_ != "olla" or nxt.head.i == noun.i:
        return False
    predicate = nxt.head
    return predicate.pos_ in ("NOUN", "PROPN", "PRON") or "Inf" in predicate.morph.get("VerbForm")


def _nominative_after_many(cand: Candidate, noun: Token) -> bool:
    """A numeral above one takes a partitive (``6 äänestystä``): ``6 äänestys`` numbers a vote, it counts none."""
    return cand.value != 1 and _case(noun) == "Nom"


def _label_number(doc: Doc, first: Token, last: Token) -> bool:
    """A number right after a genitive noun that counts nothing after it numbers that noun: ``tulosyksikön 3481
    osalta``, ``osa-alueen 5 digitaaliset vauvanvaa'at``, ``osaston 15 sairaansijojen`` (a partitive after it
    is counted: ``kaupungin 40 asuntoa``, and so is a singular a number governs in another case: ``kunnan 63
    esioppilaalle``)."""
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is None or prev.pos_ != "NOUN" or _case(prev) not in LABEL_NUMBER_CASES or prev.is_sent_start:
        return False
    nxt = next((t for t in doc[last.i + 1: last.i + 4] if t.pos_ != "ADJ"), None)
    counted = nxt is not None and nxt.pos_ == "NOUN" and (
        _case(nxt) == "Par" or (_case(nxt) in ("All", "Ade", "Ill") and "Sing" in nxt.morph.get("Number")))
    return not counted


def _year_token(tok: Token) -> bool:
    return len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100


def _term_genitive(tokens: list[Token], k: int) -> bool:
    """``10 vuoden``: a number at ``k`` followed by a unit of time in the genitive."""
    return (k + 1 < len(tokens) and tokens[k].like_num and _case(tokens[k + 1]) == "Gen"
            and tokens[k + 1].lemma_.lower() in DURATION_HEADS)


def _names_year(tokens: list[Token], k: int) -> bool:
    """``vuoden 2019``: a genitive at ``k`` followed by a year."""
    return k + 1 < len(tokens) and _case(tokens[k]) == "Gen" and _year_token(tokens[k + 1])


def _is_year(cand: Candidate) -> bool:
    """Written like a year: four plain digits (``2 000 asuntoa`` and ``kaksituhatta`` are counts)."""
    return not cand.decimal and not cand.word and cand.end - cand.start == 4 and 1900 <= cand.value <= 2100


# the rest of a list of numbers: ", 10 ja 15", " tai 3" (a Finnish list closes with a conjunction), a sum "+2"
LIST_TAIL_RE = re.compile(r"(?:,\s?(?:" + _NUM + r"))*\s(?:ja|tai|sekä)\s(?:" + _NUM + r")|(?:\s?\+\s?(?:" + _NUM + "))+")
def _with_elided_groups(lo_raw: str, lo: float, hi_raw: str) -> float:
    """``40–55 000 euroa`` is 40 000 to 55 000: a low end written without the thousands groups its high end has
    takes them, when it is smaller than the high end's leading group."""
    groups = re.split(r"[ \u00a0]", hi_raw.strip())
    if len(groups) < 2 or not lo_raw.isdigit() or not all(len(g) == 3 and g.isdigit() for g in groups[1:]):
        return lo
    return lo * 1000 ** (len(groups) - 1) if lo < int(groups[0]) else lo


RANGE_HI_RE = re.compile(r"\s?(?:[–—-]|…|\.\.\.)\s?[-−+]?(?:" + _NUM + ")")


def _skip_range_hi(text: str, pos: int) -> int:
    m = RANGE_HI_RE.match(text, pos)
    return m.end() if m else pos


def _multiplier_value(word: str) -> float:
    w = word.strip().lower()
    if w.startswith(("mrd", "miljard")):
        return 1e9
    if w.startswith("milj"):
        return 1e6
    return 1e3


def _lemmas_around(doc: Doc, char: int, window: int) -> set[str]:
    span = doc.char_span(char, char, alignment_mode="expand")
    i = span.start if span is not None else 0
    return {t.lemma_.lower() for t in doc[max(i - window, 0): i + window]}


def _abbreviates_noin(tok: Token) -> bool:
    """``n`` right before a number or its own dot: ``n. 50 %``, ``n 6 %`` ("about")."""
    nxt = _token_after(tok)
    return tok.lower_ == "n" and nxt is not None and (nxt.text == "." or nxt.text[:1].isdigit())


def _previous_content(doc: Doc, sent: Span, first: Token, lex: Lexicon) -> Token | None:
    """The token before a number, skipping hedges (noin, yli) and an opening parenthesis."""
    i = first.i - 1
    floor = _paragraph_start(doc, sent)
    while i >= floor:
        tok = doc[i]
        low = tok.lower_
        hedge = low in lex.approx or _abbreviates_noin(tok) or low in lex.bound_gt or low in lex.bound_lt
        if hedge or tok.text in ("(", ".", "~") or tok.is_space:
            i -= 1
            continue
        return tok
    return None


TOTALLING = frozenset({"yhteensä", "kaikkiaan", "yht."})
# documents that report a balance rather than have one: "Raportti on 11 000 000 euroa ylijäämäinen" -> ylijäämä
REPORT_NOUNS = ("raportti", "katsaus", "selvitys", "kertomus")
# nouns naming a stretch of time, which a duration on their label line measures
TIME_SPAN_ENDINGS = ("aika", "kausi", "kesto", "väli", "jakso")
DISTANCE_ENDINGS = ("matka", "etäisyys")
COUNT_HEADS = ("määrä", "luku")  # a number of something: "oppilasmäärä", "asukasluku"
# copula subjects that name a number of something: "asukasmäärä on 361", "lähihoitajavaje oli 525"
COUNT_NOUN_ENDINGS = (*COUNT_HEADS, "vaje", "tarve")
OUTTURN_PREFIXES = ("toteuma", "toteutuma", "toteutumis")  # "toteuma", "toteumaprosentti", "toteutumisaste"
PART_OF_WHOLE = frozenset({"joista", "näistä", "niistä"})
MEASURE_ADVERBIAL_ENDINGS = ("ltaan", "ltään")  # ablative + possessive: "painoltaan", "arvoltaan", "kestoltaan"
SHARE_UNITS = frozenset({"percent", "percentage_point", "fraction", "count"})
DURATIONS = frozenset({"hour", "day", "week", "month", "year"})
# a count of days or years of something is that length of time: "sairauspäiviä oli 7 069", "kahdelle lukuvuodelle"
DURATION_HEADS = {"päivä": "day", "vuorokausi": "day", "viikko": "week", "kuukausi": "month", "vuosi": "year", "tunti": "hour"}
TARGET_WINDOW = 4  # "tavoite 8 000 as/v.", "tavoitteena on noin 25 %"
LOCATIVE_CASES = frozenset({"Ine", "Ela", "Ill", "Ade", "Abl", "All"})
TIME_CASES = frozenset({"Ess", "Ine", "Ade"})  # "vuonna 2019", "syyskuussa", "alkuvuodella"
LABEL_CASES = frozenset({"Nom", "Par", "Ill", "Ess", "Tra", None})  # Tra: "aamutoiminnan kuukausimaksuksi 104 euroa"
PURPOSE_CASES = frozenset({"Ill", "All", "Tra"})  # "tukemiseen", "toimialalle", "tueksi": what money is given to
MONEY_CONTEXT = 400  # tokens back (within the section) where an appropriation named earlier is looked for
LABEL_NUMBER_CASES = frozenset({"Gen"})  # "tulosyksikön 3481", "osa-alueen 5": the possessor is what is numbered


def _count_compound_naming(noun: Token) -> Token | None:
    """The copula subject that is a count of the noun itself: ``oppilasmäärä`` of ``oppilasmäärä on 40
    oppilasta``, ``kävijämääräarvio`` of ``kävijämääräarvio on 9 000 kävijää``."""
    if not any(c.dep_ == "cop" for c in noun.children):
        return None
    stem = noun.lemma_.lower()
    subject = next((c for c in noun.children if c.dep_ == "nsubj:cop" and c.pos_ == "NOUN" and c.i < noun.i
                    and _case(c) == "Nom"), None)
    lemma = subject.lemma_.lower() if subject is not None else ""
    return subject if lemma.startswith(stem) and lemma[len(stem):].startswith(COUNT_HEADS) else None


def _counted_after_classifier(doc: Doc, first: Token, last: Token, skippable: frozenset[str]) -> Token | None:
    """What ``kpl``/``hlö`` counts: the partitive after it (``1 kpl tupakkatuotteiden myyntipisteitä``, ``44 kpl
    lisää avaimia``), else the noun before a parenthesised count (``kaupalliset neuvottelut (3 kpl)``)."""
    for tok in doc[last.i + 1: min(last.i + 4, len(doc))]:
        if tok.pos_ == "NOUN" and _case(tok) == "Par" and _is_word(tok):
            return tok
        if not (tok.pos_ in ("ADJ", "ADV") or tok.lower_ in skippable or (tok.pos_ == "NOUN" and _case(tok) == "Gen")):
            break
    before = _parenthesised_after(doc, first.sent, first)
    if before is not None and before.pos_ == "NOUN" and _is_word(before):
        return before
    return None


def _parenthesised_after(
    doc: Doc, sent: Span, first: Token, labels: frozenset[str] = frozenset(), hedges: frozenset[str] = frozenset(),
) -> Token | None:
    """The token before ``(`` when the figure opens a parenthesis: ``neuvottelut (3 kpl)``, also past ``hedges``
    (``vuosikustannuksesta (noin 1 000 euroa)``) and past hedges and attributes of a label that names no thing:
    ``opiskelijaa (alustava arvio noin 70 %)``."""
    i = first.i - 1
    while i > sent.start and doc[i].lower_ in hedges:
        i -= 1
    j = i
    while labels and j > sent.start and (doc[j].pos_ in ("ADV", "ADJ") or doc[j].lemma_.lower() in labels):
        j -= 1
    if any(t.lemma_.lower() in labels for t in doc[j + 1: first.i]):
        i = j
    if i <= sent.start or doc[i].text != "(":
        return None
    return doc[i - 1]


def _purpose_of(doc: Doc, sent: Span, first: Token, last: Token, lex: Lexicon) -> Token | None:
    """The purpose or recipient an amount is given to: the label right before it (``tukemiseen 3 520 000 euroa``)
    or an illative/allative/translative adverbial of the allocation verb it is the object of (``toimialalle ohjataan …``)."""
    prev = _previous_content(doc, sent, first, lex)
    if prev is not None and prev.pos_ == "NOUN" and _case(prev) in PURPOSE_CASES:
        return prev
    verb = last.head if last.dep_ in ("obj", "obl", "nsubj") else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.allocation_verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "obl" and c.pos_ == "NOUN" and _case(c) in PURPOSE_CASES
                 and not first.i <= c.i <= last.i), None)


def _share_destination(last: Token, sent: Span, allocation_verbs: frozenset[str]) -> Token | None:
    """The illative a share goes to: right after it past modifiers and ``on`` (``63 % välimuodon tuotantoon``), or an
    adverbial of the allocation verb the share is the subject or object of (``37 % kohdistuu … tuotantoon``)."""
    for tok in sent.doc[last.i + 1: min(last.i + 8, sent.end)]:
        if tok.pos_ == "NOUN" and _case(tok) == "Ill":
            nxt = _token_after(tok)
            if tok.lemma_.lower() in NOT_SUBJECTS or (nxt is not None and (
                nxt.pos_ == "ADP" or _year_token(nxt) or nxt.lower_ in COMPARISON_POSTPOSITIONS
                or nxt.lower_.endswith(("neista", "neistä")) or "Part" in nxt.morph.get("VerbForm")
            )):  # "vähennetään 50 prosentilla vuoteen 2025 mennessä": a time; "6 % edellisvuoteen verrattuna": a standard;
                return None  # "80 % kyselyyn vastanneista": the goal of the participle after it
            return tok
        # modifiers, and "on" with a participle: "48 % on valtion tukemaan pitkän korkotuen vuokra-asuntotuotantoon"
        if not (tok.pos_ == "ADJ" or (tok.pos_ == "NOUN" and _case(tok) == "Gen") or (tok.pos_ == "AUX" and tok.lemma_ == "olla")
                or (tok.pos_ == "VERB" and _case(tok) is not None and not _infinitive(tok))):
            break  # (an infinitive's illative is its own goal: "70 % oli kiinnostuneita osallistumaan … kehittämiseen")
    verb = last.head if last.dep_ in ("nsubj", "obj") else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in allocation_verbs:
        return None
    for head in (verb, *(c for c in verb.children if c.dep_.startswith("xcomp"))):
        for child in head.children:
            if child.dep_ == "obl" and child.pos_ == "NOUN" and _case(child) == "Ill" and _may_be_subject(child):
                return child
    return None


def _tax_state(tok: Token) -> bool:
    """``arvonlisäverottomana``, ``verollisina``: the amount's tax state, in the essive."""
    return _case(tok) == "Ess" and tok.lower_.startswith(("arvonlisävero", "vero", "alv"))


def _infinitive(verb: Token) -> bool:
    """Not a participle the tagger read as one: ``valtion tukemaan`` has its agent in the genitive,
    ``sääntelemättömään`` is a negative participle (-maton)."""
    negative_participle = verb.lower_.endswith(("ttomaan", "ttömään"))
    return "Inf" in verb.morph.get("VerbForm") and _case(verb.doc[verb.i - 1]) != "Gen" and not negative_participle


def _capped_noun(doc: Doc, last: Token, participles: frozenset[str]) -> Token | None:
    """The noun a participle after the amount modifies: ``500 000 euroa alittavista hankinnoista``."""
    for tok in doc[last.i + 1: min(last.i + 3, len(doc))]:
        if tok.lemma_.lower() in participles and tok.pos_ in ("VERB", "ADJ"):  # past genitive modifiers: "kestävästä toimipisteen sulkemisesta"
            after = next((t for t in doc[tok.i + 1: tok.i + 4] if not (t.pos_ in ("NOUN", "ADJ") and _case(t) == "Gen")), None)
            return after if after is not None and after.pos_ == "NOUN" and _may_be_subject(after) else None
        if tok.is_punct:
            return None
    return None


def _existential_place(noun: Token) -> Token | None:
    """The plural inessive an existential ``on`` places ``noun`` in: ``Henkilöstömenoissa on vähennystä``,
    ``Toimintamenoissa kasvua on``, also past the figure that measures the change (``Fyysisissä käynneissä on yli
    20 %:n kasvu``); budget lines are plural, and a place is not what changes (``Kaupungissa on kasvua``)."""
    before = [
        t for t in noun.doc[max(noun.sent.start, noun.i - 7): noun.i]
        if not (t.lemma_ == "olla" or t.pos_ in ("ADV", "NUM") or len(t.text) == 1 or not t.is_alpha)
    ]
    place = before[-1] if before else None
    existential = place is not None and any(t.lemma_ == "olla" for t in noun.doc[place.i + 1: noun.i + 2])
    if place is None or not existential or place.pos_ != "NOUN" or _case(place) != "Ine":
        return None
    return place if "Plur" in place.morph.get("Number") and _may_be_subject(place) else None


def _elative_before(noun: Token, attributes: bool = False) -> Token | None:
    """The elative noun right before ``noun``, also (``attributes``) past its adjectives and participles: the whole a
    part or an amount is of (``Vastaajista valtaosa``, ``Kyläyhdistysavustuksista haettava summa``)."""
    i = noun.i - 1
    while attributes and i > noun.sent.start and noun.i - i <= 3 and (
        noun.doc[i].pos_ == "ADJ" or "Part" in noun.doc[i].morph.get("VerbForm")
    ):
        i -= 1
    prev = noun.doc[i] if i >= noun.sent.start else None
    return prev if prev is not None and prev.pos_ == "NOUN" and _case(prev) == "Ela" and _may_be_subject(prev) else None


def _elative_after(noun: Token) -> Token | None:
    """The elative noun right after ``noun``, past its genitive attributes, that the parse hangs on it: what an
    estimate is of (``arvio tuloksesta``, ``arvio hankkeen kokonaisvuokrasta``)."""
    nxt = _token_after(noun)
    while nxt is not None and nxt.pos_ == "NOUN" and _case(nxt) == "Gen" and nxt.head.i > nxt.i:
        nxt = _token_after(nxt)
    return nxt if nxt is not None and nxt.pos_ == "NOUN" and _case(nxt) == "Ela" and nxt.head.i == noun.i and _may_be_subject(nxt) else None


def _pronoun_whole(doc: Doc, sent: Span, first: Token, lex: Lexicon) -> Token | None:
    """The plural noun a sentence-opening ``Heistä``/``Niistä``/``Näistä`` right before the figure takes up."""
    pronoun = _previous_content(doc, sent, first, lex)
    if pronoun is None or pronoun.pos_ != "PRON" or _case(pronoun) != "Ela" or "Plur" not in pronoun.morph.get("Number"):
        return None
    if "Rel" in pronoun.morph.get("PronType"):
        return None  # "kolme henkilöä, joista yksi hakijoista": the relative's own rules
    # the people or things counted before, not a unit ("yli 35 tuntia viikossa")
    return _plural_antecedent(doc, pronoun, 40, lambda t: (
        (_may_be_subject(t) or _counted_targets(t)) and t.lemma_.lower() not in DURATION_HEADS))


def _from_level_before(doc: Doc, first: Token, before: Figure) -> bool:
    """The figure before ends right before this one, in the elative: ``1,4 milj. eurosta [3,2 milj. euroon]``."""
    gap = text_of(doc)[before.end_char: first.idx]
    return not gap.strip() and text_of(doc)[before.start_char: before.end_char].endswith(("sta", "stä"))


def _period_of_sentence_before(doc: Doc, sent: Span) -> str | None:
    """The one period the sentence before names, in the same paragraph (gold README: an ordinary decision's figure
    takes the period its sentence or the one before it names): "vuonna 2025 kertyisi ylijäämää 240 milj. euroa.
    Talousarvioissa tavoitteena oli 238 milj. euron ylijäämä"."""
    if sent.start == 0:
        return None
    opening = next((t for t in sent if not t.is_space), sent[0])
    before = text_of(doc)[doc[sent.start - 1].sent.start_char: opening.idx].rstrip(" ")
    if before.endswith("\n\n"):
        return None  # the figure's sentence opens a paragraph
    before = before.rsplit("\n\n", 1)[-1]  # only the paragraph the figure's sentence is in
    return _the_one_period_named(re.sub(r"\([^()]*\)", " ", before))  # not an aside: "(152 080 m³ v. 2019)"


@lru_cache(maxsize=4096)
def _the_one_period_named(text: str) -> str | None:
    named = {m.value for m in find_periods(text, None) if m.strong and _whole_months(m.value)}
    return named.pop() if len(named) == 1 else None


def _whole_months(label: str) -> bool:
    """A year, half, quarter or month, or a range of whole months (not an application period of some days)."""
    if "/" not in label:
        return True
    start, end = label.split("/")
    return start.endswith("-01") and month_end(int(end[:4]), int(end[5:7])).day == int(end[8:])


def _label_of_share_count(doc: Doc, first: Token, last: Token) -> Token | None:
    """The nominative noun right before a number that a share in parentheses follows: ``Lääkärit 1 414 (8,9 %)``."""
    label = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1: min(last.i + 5, len(doc))]
    share = len(after) >= 3 and after[0].text == "(" and after[1].like_num and after[2].text in ("%", "%)")
    if not share or label is None or label.pos_ != "NOUN" or _case(label) != "Nom" or not label.is_lower and (
            len(label) < 3 or label.is_upper):  # not the letter of a name: "Huoneisto B 20 (50 %)"
        return None
    return label


def _noun_before_parenthesis(doc: Doc, first: Token, last: Token) -> Token | None:
    """The plural noun a number alone in parentheses right after it counts, in running prose: ``muut tarkastukset (557)
    ja ensivastetehtävät (522).``"""
    if first.i < 2 or doc[first.i - 1].text != "(" or (after := _token_after(last)) is None or after.text not in (")", ","):
        return None
    closing = _token_after(after) if after.text == ")" else after
    if closing is None or closing.lower_ not in (",", ".", ";", "ja", "sekä"):
        return None  # a line of numbered items: "vahvistintyöt (46)\nLattialämmityksen … (45)"
    noun = doc[first.i - 2]
    plural = "Plur" in noun.morph.get("Number") and _case(noun) in ("Nom", "Par")
    return noun if noun.pos_ == "NOUN" and plural and _is_word(noun) and _may_be_subject(noun) else None


def _counts_partitive_after(last: Token) -> bool:
    """A partitive noun right after the number, past its adjectives: what it counts."""
    tok = _token_after(last)
    while tok is not None and tok.pos_ == "ADJ" and _case(tok) == "Par":
        tok = _token_after(tok)
    return tok is not None and tok.pos_ == "NOUN" and _case(tok) == "Par" and tok.is_lower


def _gapped_part(doc: Doc, sent: Span, first: Token, before: Figure, lex: Lexicon) -> bool:
    """``joista henkilöstöön kohdistuu yli 43 Me, palvelujen ostoihin yli 20 Me``: a verbless item after a figure of
    the same sentence that a "joista" clause split off, its destination in the case of that figure's."""
    earlier = [t for t in sent if t.idx < before.start_char]
    if not earlier or not any(t.lower_ in ("joista", "josta") for t in earlier):
        return False
    between = [t for t in sent if before.end_char <= t.idx < first.idx]
    if not between or any(t.pos_ in ("VERB", "AUX") for t in between):
        return False
    mine = _previous_content(doc, sent, first, lex)
    theirs = next((t for t in reversed(earlier) if t.pos_ == "NOUN"), None)
    return mine is not None and theirs is not None and _case(mine) in ("Ill", "All") and _case(mine) == _case(theirs)


def _counted_past_measure(doc: Doc, last: Token) -> Token | None:
    """The partitive a count governs across a genitive measure of another number: ``10 yli 300 000 euron
    hanketta``, ``5 noin 80 neliömetrin asuntoa``."""
    i, end = last.i + 1, min(last.i + 9, last.sent.end)
    while i < end and doc[i].pos_ == "ADV":
        i += 1
    start = i
    while i < end and doc[i].like_num:
        i += 1
    if i == start or i >= end or _case(doc[i]) != "Gen" or doc[i].pos_ not in ("NOUN", "SYM"):
        return None
    i += 1
    while i < end and doc[i].pos_ == "ADJ":
        i += 1
    noun = doc[i] if i < end else None
    return noun if noun is not None and noun.pos_ == "NOUN" and _case(noun) == "Par" and _countable(noun) else None


def _lasting_state(postposition: Token) -> bool:
    """``on ollut käytössä viiden vuoden ajan``, ``on voimassa kolmen vuoden ajan``: "for N years" on a state (a
    nominal or locative predicate with ``olla``) is as long as it has lasted, like ``on voimassa 3 vuotta``; on an
    action (``toteutetaan``, ``on työskennellyt``) it times the action."""
    head = postposition.head
    if postposition.lower_ != "ajan" or not any(c.lemma_ == "olla" for c in head.children):
        return False
    return head.pos_ != "VERB" or _case(head) in ("Ade", "Ine", "Ess")


def _whole_after(part: Token) -> Token | None:
    """The elative right after a part noun, also past the parenthesis that gives the share: ``Enemmistössä (64 %)
    kunnista`` (the parse often hangs it on the verb, so its head is not asked)."""
    after = _skip_parentheses(part.doc[part.i + 1: min(part.i + 12, part.sent.end)])
    # past the whole's own attributes: "Yli puolella (59 %) säännöllisen kotihoidon asiakkaista"
    nxt = next((t for t in after if not (t.pos_ == "ADJ" or (t.pos_ == "NOUN" and _case(t) == "Gen"))), None)
    if nxt is not None and nxt.pos_ == "NOUN" and _case(nxt) == "Ela" and _may_be_subject(nxt):
        return nxt
    # … or past a participle phrase, as the parse hangs it on the part: "osuus koulun käytössä olleista tiloista"
    return next((c for c in part.rights if c.dep_ == "nmod" and c.pos_ == "NOUN" and _case(c) == "Ela"
                 and c.i <= part.i + 6 and _may_be_subject(c)), None)


SHARE_HEADS = ("osuus", "osa")
WHOLE_PRONOUNS = PART_OF_WHOLE | {"josta", "tästä", "siitä"}


def _share_of_the_figure_before(doc: Doc, noun: Token) -> bool:
    """``osuus``/``osa`` near an elative pronoun that takes up what the figure before measured (``640 200 m³, josta
    Sastamalan osuus oli …``, ``Neuvottelujen osa tästä on …``)."""
    if noun.lemma_.lower() not in SHARE_HEADS:
        return False
    window = doc[max(noun.sent.start, noun.i - 4): min(noun.i + 3, noun.sent.end)]
    return any(t.lower_ in WHOLE_PRONOUNS for t in window)


def _antecedent_subject(doc: Doc, pronoun: Token, max_dist: int = 30) -> Token | None:
    """The nominal subject a demonstrative ``se``/``tämä`` takes up: the last one before it, in this sentence or the
    one before, also a partitive one (``Toimintakuluja on ollut 8,5 miljoonaa euroa. Tämä on … 48 prosenttia``)."""
    for tok in reversed(doc[max(0, pronoun.i - max_dist): pronoun.i]):
        if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubj:cop") and _case(tok) in ("Nom", "Par"):
            return tok
    return None


def _ends_item(tok: Token) -> bool:
    """A colon, a line break or a full stop before a capital (``… 55 m. Sekä …``, a sentence the parser joined)."""
    nxt = _token_after(tok)
    return tok.text == ":" or "\n" in tok.text or (tok.text.endswith(".") and nxt is not None and nxt.text[:1].isupper())


def _possessed(doc: Doc, sent: Span, first: Token) -> Token | None:
    """The partitive noun of a possessive clause before the figure (``hänellä on muuta työkokemusta …``): an
    adessive owner, ``on``, then the partitive what is had."""
    for tok in doc[sent.start: first.i]:
        if tok.lemma_ != "olla" or tok.i == sent.start or _case(doc[tok.i - 1]) != "Ade":
            continue
        for had in doc[tok.i + 1: min(tok.i + 4, first.i)]:
            if had.pos_ == "NOUN" and _case(had) == "Par":
                return had if _may_be_subject(had) else None
            if had.pos_ not in ("ADJ", "PRON", "DET", "ADV"):
                break
    return None


def _ends_noun_phrase(tok: Token) -> bool:
    """After an adjective, a word that shows no noun follows it: a verb, an adverb, a conjunction starting a clause,
    a full stop, or a comma before a relative pronoun (``työtöntä, mikä``; not ``viisi erilaista, … laitetta``)."""
    if tok.pos_ in ("VERB", "AUX", "SCONJ", "ADV") or tok.text in (".", ";", ")"):
        return True
    nxt = _token_after(tok)
    return tok.text == "," and nxt is not None and nxt.pos_ in ("PRON", "SCONJ")


def _shared_count_noun(doc: Doc, last: Token) -> Token | None:
    """``1 tai 2 vuosiluokkaa``, ``3 ja 4 hakijaa``: a number coordinated with the next shares its counted noun."""
    if last.i + 3 >= len(doc) or doc[last.i + 1].lower_ not in ("tai", "ja"):
        return None
    other, noun = doc[last.i + 2], doc[last.i + 3]
    counted = other.text.isdigit() and noun.pos_ == "NOUN" and _case(noun) == "Par"
    return noun if counted else None


TEEN_CASE_ENDINGS = (("lle", "All"), ("lla", "Ade"), ("llä", "Ade"), ("lta", "Abl"), ("ltä", "Abl"), ("ssa", "Ine"),
                     ("ssä", "Ine"), ("sta", "Ela"), ("stä", "Ela"), ("ksi", "Tra"), ("na", "Ess"), ("nä", "Ess"),
                     ("een", "Ill"), ("an", "Ill"), ("än", "Ill"), ("n", "Gen"), ("a", "Par"), ("ä", "Par"))


def _numeral_case(tok: Token) -> str | None:
    """Case of a numeral word; ``kolmentoista`` inflects its first part (kolmen = genitive), not ``toista``."""
    low = tok.lower_
    if low.endswith("toista") and len(low) > 6:
        head = low[:-6]
        return next((case for ending, case in TEEN_CASE_ENDINGS if head.endswith(ending)), None)
    return _case(tok)


def _ordinal(tok: Token) -> bool:
    return "Ord" in tok.morph.get("NumType") or re.fullmatch(r"\d{1,2}\.", tok.text) is not None


def _gapped_subject(doc: Doc, sent: Span, first: Token, previous: list[Figure]) -> Token | None:
    """``X on A ja Y … B``: a nominative right after ``ja`` takes the elided copula of the clause before, whose
    figure A it follows, so it is what B measures, when no verb of its own stands between it and B; a genitive
    there owns the elided measure noun."""
    conj = next((t for t in reversed(doc[sent.start: first.i]) if t.lower_ == "ja"), None)
    if conj is None or not previous or previous[-1].end_char > conj.idx:
        return None
    labelled = next((f for f in reversed(previous) if f.qualifier), None)
    if labelled is not None and labelled.start_char >= sent.start_char and ":" in text_of(doc)[sent.start_char: labelled.start_char]:
        return None  # the last item of a labelled list: "ovat: keskusvirasto 69,4 %, … ja ympäristö 65,6 %"
    if not any(t.lemma_ == "olla" for t in doc[sent.start: conj.i]):
        return None
    between = doc[conj.i + 1: first.i]
    if any(t.pos_ == "AUX" or (t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm")) for t in between):
        return None
    # past modifiers: "ja alkuperäisen hankintapäätöksen mukainen enimmäisarvo 190 000 euroa"
    subject = next((t for t in between if not (t.pos_ == "ADJ" or (t.pos_ in ("NOUN", "PROPN") and _case(t) == "Gen"))), None)
    if subject is None and len(between) and between[-1].pos_ == "NOUN" and _may_be_subject(between[-1]):
        return between[-1]  # the measure noun elided too: "toteutumaprosentti on 74,4 % ja toimintakulujen 70,9 %"
    ok = subject is not None and subject.pos_ == "NOUN" and _case(subject) == "Nom"
    return subject if ok and _may_be_subject(subject) else None


def _past_restatement(tokens: Span) -> list[Token]:
    """The tokens after an amount outside parentheses and past a restatement between commas: ``2,5 miljoonaa euroa
    (4,3 %) alhaisemmaksi``, ``12,9 miljoonaa euroa, eli 17,3 prosenttia, suurempi``; a comma right before a
    comparison is passed too (``12,3 miljoonaa euroa, 18,1 prosenttia, enemmän kuin``)."""
    outside = _skip_parentheses(tokens)
    if not outside or outside[0].text != ",":
        return outside
    close = next((k for k, t in enumerate(outside[1:7], 1) if t.text == ","), None)
    inner = [t for t in outside[1:close] if t.lower_ != "eli"] if close else []
    if inner and inner[0].like_num and all(t.like_num or t.pos_ in ("NOUN", "SYM") for t in inner):
        return outside[close + 1:]
    if len(outside) > 2 and _comparative(outside[1]) and outside[2].lower_ == "kuin":
        return outside[1:]
    return outside


def _in_closed_parentheses(tokens: Span) -> set[int]:
    """The indices of the tokens inside parentheses that open and close within ``tokens``, the parentheses too."""
    inside, opened = set(), []
    for tok in tokens:
        if tok.text == "(":
            opened.append(tok.i)
        elif tok.text == ")" and opened:
            inside.update(range(opened.pop(), tok.i + 1))
    return inside


def _skip_parentheses(tokens: Span) -> list[Token]:
    """The tokens outside parentheses: ``euron (brutto) laskut`` -> euron, laskut."""
    out, depth = [], 0
    for tok in tokens:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(tok)
    return out


def _code_list_end(doc: Doc, first: Token) -> bool:
    """``tulosyksiköiden 8611, 8613 ja 8614 osalta``: a four-digit number closing a list of such numbers is a code."""
    if first.i < 2 or doc[first.i - 1].lower_ not in (",", "ja", "tai"):
        return False
    before = doc[first.i - 2]
    return len(first.text) >= 4 and first.text.isdigit() and len(before.text) >= 4 and before.text.isdigit() and not (
        _year_token(first) and _year_token(before))


def _names_something(lemma: str) -> bool:
    """Not a mis-tagged ``-`` or ``/`` or an abbreviation like ``vs.``; Finnish two-letter nouns are vowel pairs
    (``17 yötä`` -> yö), two-letter abbreviations have a consonant (``ns``, ``em``)."""
    letters = sum(ch.isalpha() for ch in lemma)
    return letters >= 3 or (letters == 2 and lemma.isalpha() and all(ch in "aeiouyäö" for ch in lemma))


def _measured_before_action(doc: Doc, first: Token, nxt: Token | None) -> Token | None:
    """``laajennusosan 2155 m² vuokraaminen``, ``liikuntasalin ja toimistotilan noin 1015,3 m² sopimus``: between a
    genitive noun and an action or contract noun, a measure measures the genitive (the first of a coordination)."""
    if nxt is None or nxt.pos_ != "NOUN" or not nxt.lemma_.lower().endswith(ACTION_NOUN_ENDINGS):
        return None
    before = next((t for t in reversed(doc[max(0, first.i - 3): first.i]) if t.pos_ != "ADV"), None)
    if before is None or before.pos_ != "NOUN" or _case(before) != "Gen":
        return None
    return before.head if before.dep_ == "conj" and before.head.pos_ == "NOUN" and _case(before.head) == "Gen" else before


def _coordinated_since(doc: Doc, char: int, tok: Token) -> bool:
    """A conjunction between a character offset and a token: what follows it is a new item."""
    i = tok.i
    while i > 0 and doc[i - 1].idx >= char:
        i -= 1
        if doc[i].pos_ == "CCONJ":
            return True
    return False


def _clause_noun_before(
    doc: Doc, sent: Span, first: Token, clause_of: dict[int, int], material: bool = False, max_dist: int = 8,
) -> Token | None:
    """The genitive or nominative noun right before a figure (past adverbs), else the nearest nominative noun before
    it in its clause; for a physical measure also a fronted partitive, the material (``Talousvettä pumpattiin 64,3
    miljoonaa m3``)."""
    clause = clause_of.get(first.i)
    window = doc[max(sent.start, first.i - max_dist): first.i]
    aside = _in_closed_parentheses(window)  # "Toimintakate (toimintatuottojen ja toimintakulujen erotus) suureni 0,9 …"
    before = [t for t in reversed(window) if clause_of.get(t.i) == clause and t.i not in aside]
    adjacent = next((t for t in before if t.pos_ != "ADV" and not _abbreviates_noin(t)), None)
    governed = adjacent is not None and adjacent.i + 1 < len(doc) and (
        doc[adjacent.i + 1].pos_ == "ADP" or doc[adjacent.i + 1].lower_ in ("mukaan", "mukaisesti"))
    if adjacent is not None and adjacent.pos_ == "NOUN" and _case(adjacent) in ("Gen", "Nom") and _is_word(adjacent) and (
        not governed
    ):  # not "päätöksen mukaisesti nykyisellään 4 prosenttia"
        return adjacent if _may_be_subject(adjacent) else None
    cases = ("Nom", "Par") if material else ("Nom",)
    nominative = (t for t in before if t.pos_ == "NOUN" and _case(t) in cases and _is_word(t) and _may_be_subject(t)
                  and not _truncated(t))  # "maa- ja vesialueiden": half a word
    return next(nominative, None)


def _sentence_topic(doc: Doc, first: Token, agents: tuple[str, ...]) -> Token | None:
    """The first nominative or partitive noun of the figure's sentence, before it: what an amount no construction
    ties to a noun is most often about ("Poistoja arvioidaan kirjattavaksi 1 750 t€", "Matalimmat kustannukset olivat
    Nokialla, noin 7440 euroa"); not a body or an official that acts on it ("Kaupunginhallitus myöntää …"), nor a
    heading the sentence runs on from ("Esittelijän perustelut" / "… varattu … 70 miljoonaa euroa")."""
    sent = first.sent
    paragraph = next((t.i + 1 for t in reversed(doc[sent.start: first.i]) if t.text_with_ws.count("\n") > 1), sent.start)
    return next((t for t in doc[paragraph: first.i] if t.pos_ == "NOUN" and _case(t) in ("Nom", "Par") and _is_word(t)
                 and _may_be_subject(t) and not _truncated(t) and not _is_agent(t, agents)), None)


def _is_agent(noun: Token, agents: tuple[str, ...]) -> bool:
    """A body, an official or an association (``agents``, as lemma endings), also the first half of one written apart
    (``Opetus ja kulttuuriministeriö``)."""
    return any(t.lemma_.lower().endswith(agents) for t in (noun, *noun.conjuncts))


def _predicate_noun(doc: Doc, last: Token) -> Token | None:
    """The partitive noun a copula right after the number predicates: ``600 on valmennusurheilijoita``."""
    olla = _token_after(last)
    if olla is None or olla.lemma_ != "olla":
        return None
    noun = next((t for t in doc[olla.i + 1: olla.i + 4] if t.pos_ not in ("ADV", "ADJ")), None)
    if noun is None or noun.pos_ != "NOUN" or _case(noun) != "Par" or not _may_be_subject(noun):
        return None
    return noun


def _subject_modified_by(tok: Token) -> Token | None:
    """The clause's nominative subject an elative modifies from behind: ``omistusosuus yhtiöstä``,
    ``kokonaisvuokrasumma … tiloista``; also a plural partitive, the part of the whole (``Naisia henkilöstöstä on
    80 %``)."""
    head = tok.head
    if tok.dep_ == "nmod" and head.pos_ == "NOUN" and head.i < tok.i and head.dep_ in ("nsubj", "nsubj:cop"):
        part = _case(head) == "Par" and "Plur" in head.morph.get("Number")
        return head if _case(head) == "Nom" or part else None
    return None


def _object_of_participle(tok: Token) -> bool:
    """A partitive right before a participle is its object inside an attribute: ``[tarkistusvuotta edeltäneen]
    vuoden``."""
    nxt = _token_after(tok)
    return nxt is not None and nxt.pos_ == "VERB" and "Part" in nxt.morph.get("VerbForm")


def _part_of_relative(doc: Doc, first: Token, max_tokens: int = 15) -> bool:
    """The figure is one of the parts a relative elative opens, with no verb between: ``…, joista noin 246 …
    ja noin 84``."""
    for tok in reversed(doc[max(first.sent.start, first.i - max_tokens): first.i]):
        if tok.lower_ in ("joista", "josta"):
            return True
        if "Fin" in tok.morph.get("VerbForm") or tok.text in ".;:" or (
            tok.pos_ in ("NOUN", "ADJ", "VERB") and _case(tok) in ("Nom", "Par")):
            return False  # (a part with a label of its own: "joista vakituisia 145 ja määräaikaisia 59")
    return False


def _counted_past_owner(doc: Doc, genitive: Token, classifiers: frozenset[str]) -> Token | None:
    """The partitive noun a cardinal governs past a genitive that owns it (``700 lukion aloituspaikkaa``,
    ``500 aloitteen allekirjoittanutta``) or is the agent of a participle describing it (``79 valtuuston
    hyväksymää … tavoitetta``). Not past an action noun, which the verb governs (``466 asunnon rakentamista``),
    nor past a size (``20 hengen ryhmää``)."""
    nxt = _token_after(genitive)
    if nxt is None or genitive.lemma_.lower() in classifiers or _case(nxt) != "Par" or "Plur" in nxt.morph.get("Number"):
        return None
    if "Agt" in nxt.morph.get("PartForm"):
        for tok in doc[nxt.i + 1: min(nxt.i + 12, nxt.sent.end)]:
            if tok.text in ".;:" or "Fin" in tok.morph.get("VerbForm"):
                return None
            if tok.pos_ == "NOUN" and _case(tok) == "Par" and "Plur" not in tok.morph.get("Number"):
                return tok
        return None
    if nxt.pos_ == "NOUN" and not nxt.lemma_.lower().endswith(VERB_GOVERNED_NOUN_ENDINGS):
        return nxt
    return None


def _post_of(holder: Token, case: str | None) -> Token | None:
    """The post a numeral in the genitive counts past its holder's title, in the same case: ``kahden
    sosiaaliohjaajan viran`` (two posts, not two social instructors)."""
    nxt = _token_after(holder)
    if case in (None, "Nom", "Par") or nxt is None or nxt.pos_ != "NOUN" or _case(nxt) != case:
        return None
    return nxt if nxt.lemma_.lower().endswith(POST_NOUNS) and holder.head.i == nxt.i else None


def _participle_read_as_noun(tok: Token) -> bool:
    """An active past participle the tagger took for a noun (``vuokrannutta`` -> ``vuokrannut``) before the noun it
    describes, in the same case."""
    nxt = _token_after(tok)
    return (
        tok.lemma_.lower().endswith(("nut", "nyt")) and nxt is not None and nxt.pos_ == "NOUN"
        and _case(nxt) == _case(tok)
    )


def _rejoined_compound(noun: Token) -> str | None:
    """A compound hyphenated across a line break, ``toteutuma- aste``, is one word: ``toteutuma-aste``."""
    doc = noun.doc
    if noun.i < 2 or doc[noun.i - 1].text != "-" or not doc[noun.i - 1].whitespace_:
        return None
    part = doc[noun.i - 2]
    if part.whitespace_ or not part.is_alpha or part.pos_ != "NOUN":
        return None
    return f"{part.lower_}-{noun.lemma_.lower()}"


def _is_object(tok: Token) -> bool:
    """An object, or a conjunct of one (``taide- ja kulttuuriavustuksia``)."""
    return tok.dep_ == "obj" or (tok.dep_ == "conj" and tok.head.dep_ == "obj")


def _mass_partitive(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and _case(tok) == "Par" and tok.morph.get("Number") == ["Sing"]


def _token_after(tok: Token, end: int | None = None) -> Token | None:
    """The token after ``tok``, none at the end of the doc (or before ``end``, a sentence's end)."""
    i = tok.i + 1
    return tok.doc[i] if i < (len(tok.doc) if end is None else end) else None


def _may_be_subject(tok: Token) -> bool:
    """Not a word too generic to say what a figure is about (``aika``, ``osa``: subjects.json ``not_subjects``), nor
    one the amount is without (``arvo ilman arvonlisäveroa ylittää 300 000 euroa``), nor a common noun in a name
    (``Hämeenkyrön Vesi Oy:lle maksettiin``)."""
    return (
        tok.lemma_.lower() not in NOT_SUBJECTS and not any(c.lower_ == "ilman" for c in tok.children)
        and not _in_a_name(tok)
    )


def _in_a_name(tok: Token) -> bool:
    """A capitalised common noun after a place name in the genitive, inside a sentence (``Sastamalan Vettä``), or
    before a company form (``Esimerkki Oy:ltä``)."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    nxt = _token_after(tok)
    capitalised = tok.text[:1].isupper() and tok.text[1:2].islower()
    return capitalised and (
        (prev is not None and prev.pos_ == "PROPN" and _case(prev) == "Gen")
        or (nxt is not None and nxt.lower_.split(":")[0].rstrip(".") in COMPANY_FORMS)
    )


def _predicate_state(sent: Span, last: Token) -> str | None:
    """A partitive adjective the shares of a breakdown are predicated of: "Näistä 83 prosenttia oli myönteisiä,
    5 prosenttia neutraaleja ja 12 prosenttia kielteisiä"."""
    shares = sum(1 for t in sent if t.text == "%" or t.lower_.startswith("prosent"))
    after = list(sent.doc[last.i + 1: min(last.i + 3, sent.end)])
    if after and after[0].lemma_ == "olla":
        after = after[1:]
    if not (shares >= 2 and after and after[0].pos_ == "ADJ" and _case(after[0]) == "Par" and "Plur" in after[0].morph.get("Number")):
        return None
    described = _token_after(after[0])  # an attribute of the noun after it is no predicate: "45 % sääntelemättömiä … asuntoja"
    return None if described is not None and described.is_alpha else after[0].lemma_.lower()


def _truncation(tok: Token) -> bool:
    """The hyphen of a compound's first half the tokenizer split off: ``puhelin-`` in ``puhelin- ja chat-…``."""
    return tok.text in ("-", "–") and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def _shared_head(tok: Token, lemma: str) -> str:
    """``puhelin- ja chat-yhteydenotoista``: the coordinated compounds share the head (``yhteydenotto``)."""
    if "-" in lemma and any(_truncation(t) for t in tok.doc[max(0, tok.i - 4): tok.i]):
        return lemma.rsplit("-", 1)[-1]
    return lemma


def _names_time(noun: Token) -> bool:
    """``odotusaika``, ``käsittelyaika``, ``T3-aika``, ``koronmaksuväli``: a length of time a duration can be the value
    of."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and lemma.endswith(TIME_SPAN_ENDINGS) and lemma not in TIME_SPAN_ENDINGS


def _time_named_before(doc: Doc, first: Token) -> Token | None:
    """A length of time the duration's clause says it is used as: ``poistoaikana käytetään 50 vuotta``."""
    for tok in reversed(doc[max(_line(doc, first.i).start, first.sent.start): first.i]):
        if tok.like_num or tok.text == ",":
            return None  # another figure's or another clause's: "30 vuoden määräajaksi siten, että … 30 vuoden"
        if _names_time(tok) and _case(tok) == "Ess":
            return tok
    return None


def _names_distance(noun: Token) -> bool:
    """``koulumatka``, ``etäisyys``, ``suojaetäisyys``: a distance a length can be the value of."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower().endswith(DISTANCE_ENDINGS)


def _measure_above(doc: Doc, first: Token, names_measure: Callable[[Token], bool], max_lines: int = 12) -> Token | None:
    """A nominative measure (a length of time, a distance) heading the list lines above a figure's list line or
    verbless line, past the genitives that own it (``Ikääntyneiden palveluiden keskimääräiset odotusajat …``), or in
    the line's last sentence (``Erityisen huono jonotilanne … Odotusajat ovat seuraavat:``, ``kun koulumatka … on:``)."""
    line = _line(doc, first.i)
    listed = _is_list_line(line)
    if not listed and _has_verb(line):
        return None  # a sentence under a heading has constructions of its own: "Odotusajat jatkohoitoon pitenivät" /
        # "… potilaista lähes puolet viipyi yhteispäivystyksessä yli kahdeksan tuntia"
    # a prose line introduces only a list: "Keskimääräiset odotusajat … (…)." / "• Turvapalvelu 12,6 vuorokautta"
    for above in _lines_above(doc, line, max_lines, prose=listed):
        last_stop = max((t.i for t in above[:-1] if t.text in (".", "!", "?") and doc[t.i + 1].is_title), default=above.start - 1)
        noun = next((t for t in doc[last_stop + 1: above.end]
                     if t.pos_ == "NOUN" and _case(t) == "Nom" and names_measure(t)), None)
        if noun is not None:
            return noun
    return None


def _indicator_above(doc: Doc, first: Token, labels: frozenset[str], max_lines: int = 6) -> Token | None:
    """The indicator named above list lines that open with its labels: ``7. Vuosikate`` / ``• Tavoite … on 30
    miljoonaa euroa`` / ``• Toteuma … on …`` -> vuosikate."""
    def opening_noun(line: Span) -> Token | None:
        return next((t for t in line if t.is_alpha), None)

    label = opening_noun(_line(doc, first.i))
    if label is None or label.lemma_.lower() not in labels or label.i >= first.i:
        return None
    for above in _lines_above(doc, _line(doc, first.i), max_lines):
        opening = opening_noun(above)
        if opening is None or opening.lemma_.lower() in labels:
            continue
        return next((t for t in above if t.pos_ == "NOUN" and t.is_alpha and _case(t) == "Nom"), None)
    return None


def _counted_targets(tok: Token) -> bool:
    """``tavoitteista toteutui 76 prosenttia``, ``79 … tavoitetta. Niistä 56``: goals are what is counted, not a
    target the figure is."""
    return tok.lemma_.lower() == "tavoite" and ("Plur" in tok.morph.get("Number") or _case(tok) == "Par")


def _common_genitive(noun: Token) -> Token | None:
    """The common noun in the genitive that owns ``noun`` (``Määräaikaisten osuus``), not a name (``Att:n osuus``),
    also through a relative pronoun (``erikoissairaanhoito, jonka osuus``)."""
    owner = next((c for c in noun.lefts if c.dep_ == "nmod:poss" and _case(c) == "Gen"), None)
    if owner is not None and "Rel" in owner.morph.get("PronType"):
        owner = _relative_antecedent(owner)
    return owner if owner is not None and owner.pos_ in ("NOUN", "ADJ") else None


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative clause opened by ``pronoun`` is attached to."""
    clause = next((t for t in pronoun.ancestors if t.dep_ == "acl:relcl"), None)
    return clause.head if clause is not None and clause.head.i < pronoun.i else None


def _is_word(tok: Token) -> bool:
    """Letters, also a hyphenated compound (``toiminta-ajaksi``, ``vuokra-asuntoja``), which ``is_alpha`` rejects;
    not the truncated half of a coordination (``lisä-``)."""
    return tok.text.replace("-", "").isalpha() and not tok.text.startswith("-") and not tok.text.endswith("-")


def _changing_noun(doc: Doc, verb: Token, clause_of: dict[int, int]) -> Token | None:
    """The nearest nominative noun before ``verb`` in its clause (Finnish puts the subject first)."""
    clause = clause_of.get(verb.i)
    for tok in reversed(doc[verb.sent.start: verb.i]):
        if clause_of.get(tok.i) != clause:
            return None
        if tok.pos_ == "NOUN" and _case(tok) == "Nom" and _is_word(tok) and _may_be_subject(tok):
            return tok
    return None


def _capitalised_head(tok: Token, item_start: int) -> bool:
    """A common noun opening an item that the tagger read as a name for its capital (``LT2: Aurausjohde + maalaus``):
    the item's first word, a name of one word, not a modifier of a noun after it (``Rst kaide``)."""
    doc = tok.doc
    first = next((t for t in doc[item_start: tok.i + 1] if not t.is_space), None)
    nxt = _token_after(tok)
    return (tok.pos_ == "PROPN" and first is not None and first.i == tok.i and _is_word(tok) and tok.text[1:].islower()
            and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")))


def _framing_noun(doc: Doc, sent: Span, first: Token, last: Token, lex: Lexicon, max_dist: int = 4) -> Token | None:
    """The noun of the phrase a figure stands inside: an adjective or participle before it agrees in case with a
    noun after it, past genitive modifiers (``asetetun 3 % pääoman tuottovaatimuksen`` -> tuottovaatimus)."""
    attribute = _previous_content(doc, sent, first, lex)
    case = _case(attribute) if attribute is not None and attribute.pos_ in ("ADJ", "VERB") else None
    if case is None or case == "Nom" or (attribute.pos_ == "VERB" and "Part" not in attribute.morph.get("VerbForm")):
        return None
    for tok in doc[last.i + 1: min(last.i + 1 + max_dist, sent.end)]:
        if tok.pos_ == "NOUN" and _case(tok) == case and _is_word(tok):
            nxt = _token_after(tok)
            if case != "Gen" or nxt is None or not (nxt.pos_ == "NOUN" and _case(nxt) == "Gen"):
                return tok if _may_be_subject(tok) else None
        elif not (tok.pos_ in ("NOUN", "ADJ") and _case(tok) == "Gen"):
            return None
    return None


def _after_name(doc: Doc, name: Token, sent: Span, max_dist: int = 8) -> Token | None:
    """The common noun a name stands before as the first part of a compound written apart (``Cisco EA -sopimus``,
    ``Teams-ympäristön``): past the name's words, a parenthesis and a lone hyphen. A name in the genitive is an
    owner, not a compound part (``Helsingin kaupungin avustus``)."""
    if _case(name) == "Gen":
        return None
    for tok in _skip_parentheses(doc[name.i + 1: min(name.i + max_dist, sent.end)]):
        if (tok.pos_ == "PROPN" and _case(tok) != "Gen") or tok.text in ("-", "–"):
            continue
        return tok if tok.pos_ == "NOUN" and _is_word(tok) else None
    return None


def _plural_antecedent(
    doc: Doc, pronoun: Token, max_dist: int = 30, fits: Callable[[Token], bool] | None = None,
) -> Token | None:
    """What a plural pronoun opening a sentence takes up from the one before (``Tehtäviä on kirjattu 184. Niistä
    valmiina on 32 %``): the nearest plural noun before it in the paragraph, or one counted by a number (``120
    asuntoa. Näistä …``), not one a postposition governs; with ``fits``, the nearest that fits, also a partitive
    counted past its attributes (``27 405 1-6-vuotiasta lasta. Heistä …``)."""
    if "Plur" not in pronoun.morph.get("Number"):
        return None
    for tok in reversed(doc[max(0, pronoun.i - max_dist): pronoun.i]):
        if "\n\n" in tok.text:
            return None
        governed = tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "ADP"
        counted = "Plur" in tok.morph.get("Number") or (tok.i > 0 and doc[tok.i - 1].like_num) or (
            fits is not None and _case(tok) == "Par")
        if tok.pos_ == "NOUN" and counted and _is_word(tok) and not governed and (fits is None or fits(tok)):
            return tok
    return None


def _label_before_adverbial(doc: Doc, sent: Span, tok: Token | None) -> Token | None:
    """``ratkaisuaste ensikontaktissa 38 %``: the nominative label before an inessive/adessive adverbial that stands
    between it and the figure, in a line without a verb."""
    if tok is None or tok.pos_ != "NOUN" or _case(tok) not in ("Ine", "Ade"):
        return None
    line = _line(doc, tok.i)
    if any(t.pos_ in ("VERB", "AUX") for t in doc[max(line.start, sent.start): tok.i]):
        return None
    i = tok.i - 1
    while i >= line.start and doc[i].pos_ in ("NOUN", "ADJ") and _case(doc[i]) in ("Ine", "Ade", "Gen"):
        i -= 1
    label = doc[i] if i >= line.start else None
    return label if label is not None and label.pos_ == "NOUN" and _case(label) == "Nom" and _is_word(label) else None


def _colon_label(doc: Doc, first: Token, plural: bool = True) -> Token | None:
    """The nominative a label line ends in before the colon a figure follows: a plural one for a count
    (``Toteutuneet kotikäynnit: 1 234 kpl``), any for an amount (``Aamupäivätoiminta: 20 euroa``), also one in the
    translative, what the amount is set as (``Esitys hinnaksi: 95 euroa / k-m²``)."""
    colon = next((t for t in reversed(doc[max(0, first.i - 3): first.i]) if not t.is_space), None)
    if colon is None or colon.text != ":" or colon.i == 0:
        return None
    label = doc[colon.i - 1]
    case = _case(label)
    ok = label.pos_ == "NOUN" and (case == "Nom" or (case == "Tra" and not plural)) and _is_word(label) and (
        not plural or "Plur" in label.morph.get("Number"))
    return label if ok and _may_be_subject(label) else None


def _false_genitive(tok: Token) -> bool:
    """A genitive never equals its lemma: ``arvonlisäveroton`` (a caritive adjective) read as a genitive noun."""
    return _case(tok) == "Gen" and tok.lower_ == tok.lemma_.lower()


def _genitive_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and _case(tok) == "Gen" and _is_word(tok) and not _false_genitive(tok)


def _participle_genitive_before(noun: Token) -> Token | None:
    """A present participle in the genitive standing for people right before a noun (``hakeutuvien osuus``), which
    the tagger may read as an infinitive of the verb."""
    before = noun.doc[noun.i - 1] if noun.i > noun.sent.start else None
    if before is None or before.pos_ != "VERB" or not before.lower_.endswith(PRESENT_PARTICIPLE_GENITIVES):
        return None
    return None if _case(noun) in ("Gen", "Acc") else before  # one agreeing with the noun describes it: "kasvavan osuuden"


def _owning_genitive(tok: Token) -> bool:
    """A genitive noun that can own a measure noun; not an amount's own unit ("125 000 euron vähennys")."""
    counted = any(c.dep_ == "nummod" and "\n" not in text_of(tok.doc)[c.idx: tok.idx] for c in tok.children)
    return _genitive_noun(tok) and not counted and _may_be_subject(tok)


def _partitive_head(tok: Token, max_dist: int = 6) -> Token:
    """The head of the partitive phrase ``tok`` opens: modifiers come first and agree in case, genitives may stand
    between (``valtion tukemia pitkän korkotuen vuokra-asuntoja`` -> vuokra-asuntoja, not the participle)."""
    head = tok
    for nxt in tok.doc[tok.i + 1: tok.i + max_dist]:
        if _case(nxt) == "Par" and nxt.pos_ == "NOUN" and _is_word(nxt):
            head = nxt
        elif not (_case(nxt) in ("Par", "Gen") and nxt.pos_ in ("NOUN", "ADJ", "VERB")):
            break
    return head


def _measured_partitive(doc: Doc, last: Token) -> Token | None:
    """The partitive noun phrase right after a unit (``27 m3 betonia``, ``euroa tulojen lisäystä``), unless a
    postposition makes it a rate (``euroa henkilöä kohden``) or a comparative the standard of comparison (``euroa
    aiesopimusta korkeampi``)."""
    nxt = _token_after(last)
    if nxt is not None and _case(nxt) == "Gen" and nxt.pos_ == "NOUN" and not last.like_num:
        owned = _token_after(nxt)  # past its owner: "5,5 milj. euroa tulojen lisäystä"
        nxt = owned if owned is not None and owned.pos_ == "NOUN" and _case(owned) == "Par" else None
    participle = nxt is not None and nxt.pos_ == "VERB" and "Part" in nxt.morph.get("VerbForm")  # "euroa katettavaa alijäämää"
    if nxt is None or _case(nxt) != "Par" or (nxt.pos_ not in ("NOUN", "ADJ") and not participle) or last.like_num:
        return None
    head = _partitive_head(nxt)
    after = _token_after(head)
    rate = after is not None and after.pos_ == "ADP"
    if head.pos_ != "NOUN" or head.lemma_.lower() in NOT_SUBJECTS or _compared(head) or rate:
        return None
    return head


def _signed_in_parentheses(doc: Doc, first: Token, last: Token) -> str | None:
    """``more``/``less`` for a number that stands signed and alone in parentheses: ``(+270)``, ``(-56)``."""
    enclosed = first.i > 0 and doc[first.i - 1].text == "(" and (nxt := _token_after(last)) is not None and nxt.text == ")"
    sign = first.text[:1]
    if not enclosed or sign not in ("+", "-", "−", "–"):
        return None
    return "more" if sign == "+" else "less"


def _per_one(doc: Doc, last: Token) -> bool:
    """``yhtä henkilöä kohti``, ``yhtä henkilötyövuotta kohden``: "per one", the denominator of a rate, no figure."""
    after = list(doc[last.i + 1: last.i + 3])
    return any(t.lower_ in ("kohti", "kohden") and all(u.pos_ == "NOUN" for u in after[:k]) for k, t in enumerate(after))


def _counts_decimal(noun: Token, last: Token) -> bool:
    """A decimal is followed by the singular it counts, in the partitive or a case of change."""
    return noun.i == last.i + 1 and "Plur" not in noun.morph.get("Number") and _case(noun) in ("Par", "Ade", "Ela", "Ill", "All")


def _countable(noun: Token) -> bool:
    """A number counts no plural in a case other than these: "361 vuosiluokilla 0-6" says where."""
    return "Plur" not in noun.morph.get("Number") or _case(noun) in ("Nom", "Par", "Gen")


def _partitive_past_ordinal(number: Token, max_dist: int = 10) -> Token | None:
    """The partitive noun that ends a phrase of genitives, ordinals and adjectives after ``number``, when the
    phrase has an ordinal: ``perusopetuksen 4. ja 5. luokan oppilasta``."""
    doc, ordinal = number.doc, False
    for tok in doc[number.i + 1: min(number.i + max_dist, len(doc))]:
        if _ordinal(tok):
            ordinal = True
        elif tok.pos_ == "NOUN" and _case(tok) == "Par":
            return tok if ordinal else None
        elif not (tok.pos_ in ("ADJ", "CCONJ", "ADP") or (tok.pos_ == "NOUN" and _case(tok) == "Gen")):
            return None
    return None


def _past_period(doc: Doc, last: Token, max_chars: int = 12) -> Token | None:
    """The token after ``last``, past a period adverbial that follows it (``vuonna 2024``)."""
    nxt = _token_after(last)
    if nxt is None or not nxt.is_alpha:
        return nxt
    text = text_of(doc)[nxt.idx: nxt.sent.end_char]
    period = next((p for p in find_periods(text) if p.strong and p.start <= max_chars and text[:p.start].strip().isalpha()), None)
    if period is None:
        return nxt
    return next((t for t in doc[nxt.i:] if t.idx >= nxt.idx + period.end and not t.is_space), None)


def _before_in_paragraph(doc: Doc, first: Token, earlier: list[Figure]) -> Figure | None:
    """The last figure with a subject before ``first`` in its paragraph."""
    before = next((f for f in reversed(earlier) if f.subject and f.end_char <= first.idx), None)
    return None if before is None or "\n\n" in text_of(doc)[before.end_char: first.idx] else before


def _taken_up(doc: Doc, first: Token, unit: str, earlier: list[Figure]) -> str | None:
    """The subject of the figure before whose amount a bare ``määrä`` takes up: the same unit, or a relative
    change of it."""
    before = _before_in_paragraph(doc, first, earlier)
    return before.subject if before is not None and unit in (before.unit, "percent", "percentage_point") else None


def _elided_whole(doc: Doc, first: Token, last: Token, earlier: list[Figure]) -> str | None:
    """A share that is its clause's subject, with no whole of its own, is of the whole the share before it in the
    paragraph was of: "Vastaajista 90 prosenttia koki … 92 prosenttia koki …"."""
    before = _before_in_paragraph(doc, first, earlier) if last.dep_ == "nsubj" else None
    return before.subject if before is not None and before.unit in SHARE_UNITS else None


def _elative_attribute(tok: Token) -> bool:
    """A participle or adjective in the elative (as tagged, or by its ending) before an elative noun it modifies,
    past other attributes: ``vastanneista asiakkaista``, ``palveluissa olevista 1-6-vuotiaista lapsista``."""
    elative = _case(tok) == "Ela" or tok.lower_.endswith(("ista", "istä"))
    after = _token_after(tok)
    while after is not None and after.pos_ in ("ADJ", "NUM") and after.i - tok.i <= 3:
        after = _token_after(after)
    return (
        tok.pos_ in ("VERB", "ADJ") and elative and after is not None
        and after.pos_ == "NOUN" and _case(after) == "Ela"
    )


def _compared(tok: Token) -> bool:
    """A partitive followed by a comparative is the standard of comparison: ``aiesopimusta korkeampi``."""
    after = _token_after(tok)
    return after is not None and (_comparative(after) or after.lower_ in ("enemmän", "vähemmän"))


def _before_parenthesis(tok: Token, max_dist: int = 20) -> Token | None:
    """The token before ``tok``, past a parenthesis that ends right before it: ``asuntotuotannon (…) osuus``."""
    doc, i = tok.doc, tok.i - 1
    if i >= 0 and doc[i].text == ")":
        i = next((j - 1 for j in range(i - 1, max(i - max_dist, -1), -1) if doc[j].text == "("), -1)
    return doc[i] if i >= 0 else None


def _parenthesis_owner(tok: Token, max_dist: int = 12) -> Token | None:
    """The noun a parenthesis around ``tok`` describes: ``korkotuen (10 v.)``, ``kerrosalan mukaan (10 m²)``,
    ``tontin 7 (kiinteistötunnus …, pinta-ala 4 119 m²)``: the noun before ``(``, past a postposition, a label
    number (``40123/2``) and a code in parentheses."""
    doc = tok.doc
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - max_dist) - 1, -1):
        if doc[i].text == ")":
            return None
        if doc[i].text != "(":
            continue
        j = i - 1
        while j >= tok.sent.start:
            if doc[j].pos_ == "ADP" or LABEL_NUMBER.fullmatch(doc[j].text) or doc[j].lower_ in NUMBER_SIGNS:
                j -= 1
            elif doc[j].text == ")" and j - 2 >= tok.sent.start and doc[j - 2].text == "(":
                j -= 3  # a zoning code: "kaavatontin (AK) nro 2 (pinta-ala noin 3 120 m²)"
            else:
                break
        owner = doc[j] if j >= tok.sent.start else None
        return owner if owner is not None and owner.pos_ == "NOUN" and _is_word(owner) else None
    return None


def _copula_subject(
    doc: Doc, sent: Span, first: Token, last: Token, predicate_only: bool = False, verbless: bool = False,
) -> Token | None:
    """The nominal subject of the copula a figure completes, found in the parse up to ten tokens back.

    ``predicate_only`` (durations): the figure must be the copula's predicate ("vuokra-aika on 80 vuotta"), not an
    adverbial inside it ("ilmaantuvuus on … 14 vuorokauden aikana"). A figure inside a parenthesis is an aside the
    copula outside it does not complete ("arvo on 80 000 euroa (alv 0 %)").

    ``verbless`` (durations, which no label rule names): a verbless line whose root is the figure, "Kiireettömän
    hoidon odotusaika omalääkäreille 2 - 23 arkipäivää"."""
    if verbless and last.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in sent):
        subject = next((c for c in last.children if c.dep_ == "nsubj:cop" and c.i < first.i and c.pos_ == "NOUN"), None)
        return subject if subject is not None and _may_be_subject(subject) else None
    closed = False
    for tok in reversed(doc[max(sent.start, first.i - 10): first.i]):
        closed = closed or tok.text == ")"
        # a participle in the essive is an adverbial: "on … neljälle vuodelle laskettuna noin 52.500.000 euroa"
        clause_verb = tok.pos_ == "VERB" and _case(tok) != "Ess"
        if clause_verb or (tok.is_punct and tok.text not in "()") or (tok.text == "(" and not closed):
            return None
        if tok.lemma_ == "olla" and tok.dep_ == "cop":
            if predicate_only and not first.i <= tok.head.i <= last.i:
                return None
            # the subject nearest the copula, not a noun in a parenthesis before it ("X:n (… Y …) osuus on")
            subject = next((c for c in reversed(list(tok.head.children)) if c.dep_ == "nsubj:cop" and c.i < tok.i), None)
            if subject is None and tok.head.dep_ == "xcomp":  # necessive: "muutoksen arvon tulee olla pienempi kuin"
                subject = next((c for c in reversed(list(tok.head.head.children)) if c.i < tok.i and c.pos_ == "NOUN"
                                and (c.dep_ == "nsubj" or _case(c) == "Gen") and c.dep_ != "nmod:poss"), None)
            if subject is not None and subject.pos_ == "NOUN" and _may_be_subject(subject):
                return subject
            return None
    return None


def _list_intro_subject(
    doc: Doc, sent: Span, money: Callable[[Token], bool] = lambda t: False, max_lines: int = MAX_LIST_LINES, first: Token | None = None,
    priced: Callable[[Token], bool] = lambda t: False,
) -> Token | None:
    """The subject of the nearest earlier sentence ending in ``:`` when only unpunctuated list lines lie between;
    also the ``money`` it grants (``myöntää kohdeavustuksia seuraavasti:``), or the ``priced`` noun a verbless
    heading names (``Kahvion tuotteiden hinnat:``). A sentence the parse ran on into
    the list introduces it with the colon that ends a line before ``first``."""
    for intro in _introductions(doc, sent, first, max_lines):
        subject = _announced_price(intro, priced) or _undergoer(intro, money) or _priced_heading(intro, priced)
        if subject is not None:
            return subject
    return None


def _introductions(doc: Doc, sent: Span, first: Token | None, max_lines: int = MAX_LIST_LINES) -> Iterator[Span]:
    """What may introduce the list line ``first`` stands on, nearest first: the part of its own sentence before a
    colon that ends a line, then the earlier sentences ``_list_intros`` finds."""
    colon = _line_ending_colon(doc[sent.start: first.i]) if first is not None else None
    if colon is not None:
        yield doc[sent.start: colon.i]
    yield from _list_intros(doc, sent, max_lines)


def _announced_price(intro: Span, priced: Callable[[Token], bool]) -> Token | None:
    """The money an introduction says follows (``… sekä seuraavien yksikköhintojen mukaan:``), whatever its case."""
    return next((t for t in reversed(intro) if t.pos_ == "NOUN" and priced(t) and any(
        c.lemma_.lower() == "seuraava" for c in t.children) and _may_be_subject(t)), None)


def _announced_money(intros: Iterator[Span], priced: Callable[[Token], bool]) -> Token | None:
    """The money the nearest introduction that says anything announces, past sub-headings naming neither money
    nor an action (``• Yhdistykset:``); an introduction only naming money (``Kerhotoiminnan maksut 1.1.2025
    alkaen:``) announces none."""
    for intro in intros:
        announced = _announced_price(intro, priced)
        if announced is not None or any(priced(t) or "Fin" in t.morph.get("VerbForm") for t in intro):
            return announced
    return None


def _priced_heading(heading: Span, priced: Callable[[Token], bool]) -> Token | None:
    """The first nominative of a verbless heading, when it names the money its list lines give (``Maksut (alv 0 %):``);
    a heading of the things listed (``Julkitilakalusteet:``) leaves them to the sentence introducing them."""
    if any("Fin" in t.morph.get("VerbForm") for t in heading):
        return None
    head = next((t for t in heading if t.pos_ == "NOUN" and _case(t) == "Nom"), None)
    return head if head is not None and priced(head) and _may_be_subject(head) else None


def _list_intros(doc: Doc, sent: Span, max_lines: int = 12, past_summary: bool = False) -> Iterator[Span]:
    """The sentences that may introduce the list ``sent`` stands in, nearest first, across unpunctuated list lines
    only: ending in ``:``, ``seuraavasti`` or a copula (``hoitopalkkiot ovat`` / ``• 439,70 euroa kuukaudessa``), or
    a short line ending in a finite verb (``Avustusta saivat``). With ``past_summary``, also across a few short
    sentences right under its introduction: one that sums the list up (``… ylittämään määrärahat seuraavasti:`` /
    ``Ylitykset ovat yhteensä 4 200 000 euroa.`` / ``Ta-kohta 1 50 05 …``) or items written as sentences."""
    i = sent.start
    for _ in range(max_lines):
        j = i - 1
        while j >= 0 and (doc[j].is_space or doc[j].text in LIST_MARKS):  # a bullet the parse ended a sentence with
            j -= 1
        if j >= 0 and _ends_prose(doc, j) and past_summary:
            past_summary = False
            j = _before_short_sentences(doc, j)
            if j < 0 or not (doc[j].text == ":" or doc[j].lower_ == "seuraavasti"):
                return
        elif j < 0 or _ends_prose(doc, j):
            return
        before = doc[j].sent
        # a parse that ran the first list line into the introducing sentence ("Säästöt jakautuvat …:" / "-" /
        # "Palveluverkon uudistaminen 11,7 miljoonaa euroa"): the colon that ends a line
        colon = _line_ending_colon(before)
        j = colon.i if colon is not None else j
        # (or one that opened the next sentence with the heading's colon: "Kahvion tuotteiden hinnat" / ":")
        start = doc[j - 1].sent.start if doc[j].text == ":" and j == before.start and j > 0 else before.start
        before = doc[start: j + 1]
        if doc[j].text == ":" or doc[j].lower_ == "seuraavasti" or (doc[j].lemma_ == "olla" and doc[j].pos_ == "AUX") or (
            _short_verb_line(before, doc[j])
        ):
            yield before
        i = before.start


def _before_short_sentences(doc: Doc, j: int, max_sentences: int = 6, max_tokens: int = 25) -> int:
    """The last token before the run of short sentences whose last one ends at token ``j`` (-1 when the run is too
    long or a sentence in it is)."""
    for _ in range(max_sentences):
        sentence = doc[j].sent
        colon = _line_ending_colon(sentence)  # a parse that ran the first item into its introduction
        if colon is not None:
            return colon.i if j - colon.i <= max_tokens else -1
        if len(sentence) > max_tokens:
            return -1
        j = sentence.start - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j < 0 or not _ends_prose(doc, j):
            return j
    return -1


def _short_verb_line(line: Span, last: Token, max_tokens: int = 5) -> bool:
    """A short unpunctuated line ending in a finite verb, a heading that says what the list gives."""
    words = [t for t in line if not t.is_space]
    return len(words) <= max_tokens and last.pos_ == "VERB" and "Fin" in last.morph.get("VerbForm")


def _intro_period(doc: Doc, sent: Span, report_period: str | None) -> str | None:
    """The period the sentence introducing a list names (``myöntää … vuonna 2022 seuraavasti:``), or the year of a
    heading that introduces one (``Avainluvut 2024:``)."""
    intro = next(_list_intros(doc, sent, max_lines=MAX_LIST_LINES, past_summary=True), None)
    if intro is None:
        return None
    heading = sum(1 for t in intro if not (t.is_punct or t.is_space)) <= HEADING_MAX_TOKENS
    named = [m for m in find_periods(intro.text, report_period) if m.strong or heading]
    return named[-1].value if named else None


def _undergoer(intro: Span, money: Callable[[Token], bool] = lambda t: False) -> Token | None:
    """What a sentence introducing a list says the list lines are: a subject that undergoes the verb ("Hankinta
    jakautuu … seuraavasti:"), a copula's subject ("tuntikehys on 681 vuosiviikkotuntia, joka on jakautunut
    seuraavasti"), or the object of a passive ("maksetaan seuraavat kokouspalkkiot:") or of a verb granting
    ``money``; not an agent that acts on something ("toimitusjohtaja päätti oikeuttaa … seuraavasti:")."""
    end = intro.end
    # the clause that ends at the colon speaks of the lines: "Kuljetus myönnetään, kun koulumatka … on:"
    subject = next((t for t in reversed(intro) if t.pos_ == "NOUN" and (t.dep_ == "nsubj:cop" or t.head.pos_ == "VERB" and (
        (t.dep_ == "nsubj" and not any(c.dep_ in ("obj", "xcomp", "ccomp") and c.i < end for c in t.head.children))
        or (t.dep_ == "obj" and ("Pass" in t.head.morph.get("Voice") or money(t)))
    ))), None)
    return subject if subject is not None and _may_be_subject(subject) else None


def _line_ending_colon(tokens: Span) -> Token | None:
    """The last ``:`` in ``tokens`` that ends its line: where a list's introduction ends."""
    for tok in reversed(tokens):
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if tok.text == ":" and (nxt is None or (nxt.is_space and "\n" in nxt.text)):
            return tok
    return None


def _breakdown_intro(
    doc: Doc, sent: Span, label: Token, share: bool, money: Callable[[Token], bool] = lambda t: False,
    priced: Callable[[Token], bool] = lambda t: False,
) -> Token | None:
    """The measured noun a list of labelled amounts breaks down, when ``label`` opens a list item: the subject of
    the clause before a colon in the same sentence (``toimintakulujen toteutumaprosentit ovat: keskusvirasto
    69,4 %, elinvoima 66,6 %``) or of the sentence introducing the list lines (``tuntikehys on 681
    vuosiviikkotuntia, joka on jakautunut seuraavasti`` / ``• Alakoulu 252 vvh``). Not the shares of a whole said
    to divide into its parts: each share is its part's (``tontinvarauskanta jakautuu seuraavasti: välimuodon
    tuotanto 27,3 %``)."""
    start = label
    while start.i > sent.start and (  # past the label's own modifiers: "• Esiopetuksen oppilaat yli 1 km", "- Muut
        _case(start.nbor(-1)) == "Gen" or start.nbor(-1).pos_ in ("ADJ", "DET", "NUM")  # toimenpiteet"
        or (start.nbor(-1).pos_ == "PRON" and _case(start.nbor(-1)) == _case(label))
        or (start.nbor(-1).pos_ == "CCONJ" and start.i - 2 >= sent.start and not _ends_amount(doc[start.i - 2]) and (
            not doc[start.i - 2].is_punct or (start.i - 3 >= sent.start and _truncated(doc[start.i - 3]))))  # "• Terveys- ja
        or (start.pos_ == "CCONJ" and _truncated(start.nbor(-1)))  # sairaanhoitopalvelujen toimialue"
        or (start.text in ("-", "–") and not start.nbor(-1).whitespace_)
        or (start.nbor(-1).text == "/" and start.i - 2 >= sent.start and doc[start.i - 2].pos_ == "NOUN")  # "Aamupala /
        or (start.text == "/" and start.nbor(-1).pos_ == "NOUN")  # iltapala 5,40 €"
        or _line_opening_noun(start.nbor(-1))  # "Umpikaivoliete vastaanotto 8,24 € / m3": a two-noun label
    ) and not start.nbor(-1).is_space:  # "• 1. ja 2. luokan oppilaat"
        start = start.nbor(-1)
    before = start.nbor(-1) if start.i > 0 else None
    opens_item = before is None or before.is_space or before.lower_ in (":", ",", ";", "ja", "sekä") or before.text in LIST_MARKS
    if not opens_item:
        return None
    colon = next((t for t in reversed(doc[sent.start: label.i]) if t.text == ":" or (  # or a full stop the parse ran over
        t.text.endswith(".") and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper())), None)
    if colon is not None and colon.text == ":":  # a clause, not a label ("LT3: Harvakaiteen korotus …")
        clause = doc[sent.start: colon.i]
        if share and any(t.lemma_ in DIVIDING_VERBS for t in clause):
            return None
        # (not the agent of a participle: "valtuuston myöntämä lisämääräraha … jaetaan seuraavasti:")
        intro = [t for t in clause if t.dep_ in ("nsubj", "nsubj:cop") and t.pos_ == "NOUN" and _case(t) != "Gen"]
        verb = any(t.pos_ in ("AUX", "VERB") for t in clause)
        undergoer = _undergoer(clause, money) if intro and verb else None
        if undergoer is not None and undergoer.i > intro[-1].i:  # the clause the colon ends: "Lautakunta päätti, että
            return undergoer  # … lisämääräraha jaetaan seuraavasti:"
        if intro and verb:
            return intro[-1] if _may_be_subject(intro[-1]) else None
        if not verb:  # a heading: "Maksut (alv 0 %):" / "Umpikaivoliete vastaanotto 8,24 € / m3"
            return _heading_noun(clause) or _undergoer(clause, money)
        return _undergoer(clause, money)  # "… maksetaan seuraavat kokouspalkkiot: Yhtymävaltuusto - puheenjohtaja 200 euroa"
    if before is not None and not before.is_space and before.text not in LIST_MARKS:
        return None
    intro = _list_intro_subject(doc, sent, money, priced=priced) or _list_heading(doc, label)  # or a heading: "Käyttömaksut" / "Vesi 2,07 €/m3"
    if intro is not None and share and any(t.lemma_ in DIVIDING_VERBS for t in intro.sent):
        return None
    return intro


def _ends_amount(tok: Token) -> bool:
    """A number or the unit right after one (``0,7 miljoonaa euroa``): what ends a list item, not a label."""
    return tok.like_num or (tok.i > 0 and (tok.nbor(-1).like_num or tok.nbor(-1).pos_ == "NUM"))


def _same_money_head(a: Token, b: Token, endings: tuple[str, ...]) -> bool:
    """Two nouns naming one kind of money: ``vesimaksu`` and ``käyttömaksu`` (not ``liittymismaksu`` and ``kustannus``)."""
    head_a, head_b = (next((e for e in endings if t.lemma_.lower().endswith(e)), None) for t in (a, b))
    return head_a is not None and head_a == head_b


def _charge_under_charges(label: Token, intro: Token, endings: tuple[str, ...]) -> bool:
    """A row naming a charge of its own under a heading of charges (``Materiaalivuokra 20 €`` under ``Kurssimaksut:``)."""
    return all(t.lemma_.lower().endswith(endings) for t in (label, intro))


def _line_opening_noun(tok: Token) -> bool:
    """A nominative noun that opens its line, as the first word of a label of two nouns."""
    before = tok.nbor(-1) if tok.i > 0 else None
    opens = before is None or (before.is_space and "\n" in before.text) or before.text in LIST_MARKS
    return tok.pos_ == "NOUN" and _case(tok) == "Nom" and opens


def _line(doc: Doc, i: int) -> Span:
    """The text line token ``i`` stands on (line breaks are space tokens), without its surrounding spaces."""
    start, end = i, i + 1
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    return doc[start:end]


def _ends_name(doc: Doc, tok: Token) -> bool:
    """A company form (``ry.``, ``Oy``) or the noun of a name's hyphenated end (``Alvar Aalto -säätiö``)."""
    hyphenated = tok.i > 1 and doc[tok.i - 1].text in ("-", "–") and doc[tok.i - 2].pos_ == "PROPN"
    return tok.lower_.rstrip(".") in COMPANY_FORMS or hyphenated


def _ends_prose(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a sentence of prose; not the dot of a company form or an abbreviation ending a table cell
    of a few verbless words ("Luckan rf.", "Korjaushankkeet, Kylkn käyt.")."""
    if doc[i].text not in (".", "!", "?") or (i > 0 and doc[i - 1].lower_ in COMPANY_FORMS):
        return False
    abbreviated = doc[i].text == "." and i > 0 and not doc[i - 1].whitespace_ and ("." in doc[i - 1].text or (
        doc[i - 1].is_lower and doc[i - 1].is_alpha and len(doc[i - 1]) <= MAX_ABBREVIATION_CHARS))
    if not abbreviated:
        return True
    line = _line(doc, i)
    words = [t for t in doc[line.start: i] if not (t.is_punct or t.is_space)]
    # (the abbreviation itself may be tagged a verb: "käyt." as "käydä")
    return len(words) > MAX_CELL_WORDS or _has_verb(doc[line.start: i - 1])


def _lines_above(doc: Doc, line: Span, max_lines: int = 12, prose: bool = False) -> Iterator[Span]:
    """The non-empty lines before ``line``, nearest first, while they are list lines (not prose ending in ``.``);
    with ``prose``, also the first prose line, which may introduce the list."""
    for _ in range(max_lines):
        j = line.start - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j < 0:
            return
        ends_prose = _ends_prose(doc, j)
        if ends_prose and not prose:
            return
        line = _line(doc, j)
        yield line
        if ends_prose:
            return


def _is_list_line(line: Span) -> bool:
    """A line that is a list item or a table cell, not a sentence of prose."""
    last = next((t for t in reversed(line) if not t.is_space), None)
    return last is not None and last.text not in (".", "!", "?")


def _column_header(doc: Doc, first: Token, last: Token) -> Token | None:
    """``Hankinnan arvo euroa (alv 0%)`` over a table's ``100 000 euroa`` cells: the nominative that a header line
    names the figure's unit with (the unit word with no number of its own) is what the column measures; also over
    rows that end in the figure (``Alueen käyttömaksu € / vrk`` over ``- alle 60 m² 15 €``)."""
    line = _line(doc, first.i)
    if last.like_num or line.end != last.i + 1 or (line.start != first.i and _has_verb(line)):
        return None  # only a cell or a verbless row ending in the figure
    for above in _lines_above(doc, line):
        if any(t.like_num and any(u.lemma_ == last.lemma_ for u in doc[t.i + 1: t.i + 3]) for t in above):
            continue  # a row above, not the header: "Tilojen vähentäminen 2,4 miljoonaa euroa"
        unit = next((t for t in above if t.lemma_ == last.lemma_ and t.i > above.start and doc[t.i - 1].is_alpha), None)
        if unit is not None:
            label = above[: unit.i - above.start]
            return next((t for t in reversed(label) if t.pos_ == "NOUN" and _case(t) == "Nom"), None)
    return None


def _list_heading(doc: Doc, first: Token) -> Token | None:
    """``Aiemmat päätökset`` / ``Aikaisemmat tilaukset ilman arvonlisäveroa:`` over list lines with amounts: a
    verbless heading whose head is a plural nominative names the items the list counts or prices."""
    line = _line(doc, first.i)
    if not _is_list_line(line):
        return None
    for above in _lines_above(doc, line):
        if any(t.like_num for t in above):
            continue  # an earlier item
        if any(t.pos_ in ("VERB", "AUX") for t in above):
            return None  # a sentence introducing the list: its subject is read by _list_intro_subject
        if _plural_head(above) is not None or _broken_down(above) is not None:
            return _heading_noun(above)
    return None


def _heading_noun(heading: Span) -> Token | None:
    """What a verbless heading names its list lines as: its plural nominative head (``Maksut (alv 0 %):``), or the
    whole it breaks down (``Henkilöstö toimialueittain``)."""
    head = _plural_head(heading)
    if head is not None:
        return head if _may_be_subject(head) else None
    return _broken_down(heading)


def _plural_head(heading: Span) -> Token | None:
    """The heading's first noun, when it is a plural nominative (``Aiemmat päätökset``)."""
    head = next((t for t in heading if t.pos_ == "NOUN"), None)
    return head if head is not None and _case(head) == "Nom" and "Plur" in head.morph.get("Number") else None


def _broken_down(heading: Span) -> Token | None:
    """What a heading says its list breaks down: ``Henkilöstö toimialueittain`` (by area), ``Henkilöstön
    ammattirakenne`` (its structure, ``-jakauma`` its distribution) -> henkilöstö."""
    words = [t for t in heading if not (t.is_space or t.is_punct)]
    if not words or len(words) > 4:
        return None
    head = next((t for t in words if t.pos_ == "NOUN" and _case(t) == "Nom"), None)
    if head is None:
        return None
    owner = next((t for t in words if t.i < head.i and t.pos_ == "NOUN" and _case(t) == "Gen"), None)
    if owner is not None and head.lemma_.lower().endswith(("rakenne", "jakauma")):
        return owner if _may_be_subject(owner) else None
    distributive = any(t.lower_.endswith(("ittain", "ittäin")) for t in words if t.i > head.i)
    return head if distributive and _may_be_subject(head) else None


def _truncated(tok: Token) -> bool:
    """The first half of ``lisä- ja muutostyöt``: the tokenizer may split the hyphen off."""
    nxt = _token_after(tok)
    return tok.text.endswith("-") or (nxt is not None and nxt.text == "-" and nxt.idx == tok.idx + len(tok.text))


def _last_object(doc: Doc, start: int, before: Token) -> Token | None:
    """The last object noun of a verb from ``start`` up to ``before`` (a parse that hung the price label elsewhere)."""
    for tok in reversed(doc[start: before.i]):
        if tok.pos_ == "VERB":
            return None
        if (
            tok.pos_ == "NOUN" and _is_word(tok) and _case(tok) in ("Par", "Nom")
            and (tok.dep_ == "obj" or (tok.dep_ == "conj" and (tok.head.pos_ == "VERB" or tok.head.dep_ == "obj")))
            and _may_be_subject(tok) and not _truncated(tok)
        ):
            return tok
    return None


def _parallel_number(tok: Token) -> bool:
    """A number the parse hung on another number of the same list, with words between them: "joista vakituisia
    145 ja määräaikaisia 59" (not a name or code part: "Kuudes Kerros", "9620 9621")."""
    head = tok.head
    between = tok.doc[min(head.i, tok.i) + 1: max(head.i, tok.i)]
    return head.pos_ == "NUM" and any(t.is_alpha for t in between)


def _across_lines(doc: Doc, a: Token, b: Token) -> bool:
    start, end = sorted((a.idx, b.idx))
    return "\n" in text_of(doc)[start:end]


def _referative_subject(doc: Doc, sent: Span, first: Token, reach: int = 4) -> Token | None:
    """The genitive noun before the genitive participle (``-vAn``, ``-neen``) that the figure completes, with only
    hedges between them: "menojen alittuvan n 223 000 eurolla" -> menojen (not the attribute in "kasvavan väestön
    5 %")."""
    participle = next((t for t in reversed(doc[sent.start: first.i]) if t.pos_ in ("VERB", "AUX") and (
        "Fin" in t.morph.get("VerbForm") or ("Part" in t.morph.get("VerbForm") and _case(t) == "Gen"))), None)
    if participle is None or "Fin" in participle.morph.get("VerbForm") or any(
        t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and len(t.text) > 2 for t in doc[participle.i + 1: first.i]
    ):
        return None
    for tok in reversed(doc[max(sent.start, participle.i - reach): participle.i]):
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.pos_ == "NOUN" and _case(tok) == "Gen" and tok.dep_ != "nmod:poss":
                return tok
            break
        if tok.pos_ not in ("ADV", "AUX", "VERB"):
            break
    # … or, in the parse, the genitive of the reporting verb the participle completes, past an adverbial:
    # "alijäämän arvioitiin osavuosikatsausten perusteella kasvavan jopa 1,4 miljardiin euroon"
    verb = participle.head if participle.dep_ == "xcomp:ds" else None
    return next((c for c in verb.children if c.i < verb.i and c.pos_ == "NOUN" and _case(c) == "Gen"
                 and c.dep_ in ("obj", "nsubj")), None) if verb is not None else None


def _measured_by_verb(verb: Token, first: Token, last: Token, lex: Lexicon) -> Token | None:
    """The nominative noun of a clause whose verb of measure ("kestää", "maksaa") the figure completes."""
    holders = (verb, verb.head) if verb.dep_ == "xcomp" else (verb,)
    for holder in holders:
        for child in holder.children:
            if (
                child.dep_ in ("nsubj", "obj") and child.pos_ == "NOUN" and _case(child) == "Nom"
                and not first.i <= child.i <= last.i and _is_word(child) and _may_be_subject(child)
            ):
                return child
    return None


def _verb_object(verb: Token, first: Token, last: Token, since: int = 0) -> Token | None:
    """The noun a verb acts on (its object, or the first noun conjoined to it), not the figure itself; none before
    token ``since`` (a heading above the paragraph the parse joined to it)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ != "obj" or first.i <= child.i <= last.i or child.i < since:
            continue
        # a truncated first conjunct ("lisä- ja muutostöitä") hands over to the full word after it
        for noun in (child, *child.conjuncts) if _truncated(child) or not child.is_alpha else (child,):
            if (
                noun.pos_ == "NOUN" and _is_word(noun) and _case(noun) in ("Par", "Nom")
                and _may_be_subject(noun) and not _truncated(noun) and not _object_of_instructive(noun)
                and not _compared(noun)  # the standard of a comparison: "toteutuivat 0,1 milj. euroa talousarviota parempina"
            ):
                return noun
    return None


def _object_of_instructive(noun: Token) -> bool:
    """``inflaatio huomioiden``, ``kustannukset mukaan lukien``: the object of an instructive infinitive after it,
    an aside the parse may hang on the main verb."""
    nxt = _token_after(noun)
    return nxt is not None and "Inf" in nxt.morph.get("VerbForm") and "2" in nxt.morph.get("InfForm") and _case(nxt) == "Ins"


def _copula_before(doc: Doc, first: Token, lex: Lexicon) -> Token | None:
    """The ``on``/``ovat`` a number completes, skipping hedges, adverbs and a time or source adverbial (``on
    yhteenlaskettuna noin``, ``oli vuoden lopussa``, ``on ennusteen mukaan``, ``on tällä hetkellä``)."""
    i = first.i - 1
    while i >= max(first.i - 7, 0):
        tok = doc[i]
        if tok.lemma_ == "olla":
            return tok
        low = tok.lower_
        skippable = (
            low in lex.approx or low in lex.bound_gt or low in lex.bound_lt or tok.pos_ == "ADV"
            or (tok.pos_ in ("VERB", "ADJ") and _case(tok) == "Ess") or tok.text in ("(", "~") or tok.is_space
            or _adverbial_part(tok)
            or (tok.pos_ in ("NOUN", "ADJ") and _case(tok) in ("Ine", "Ade"))  # "joka on palveluhankinnoissa 215 000 euroa"
            or (_case(tok) == "Gen" and _case(doc[i + 1]) in ("Ine", "Ade") and doc[i + 1].pos_ == "NOUN")  # "Simon kunnassa"
        )
        if not skippable:
            return None
        i -= 1
    return None


def _adverbial_part(tok: Token) -> bool:
    """A word of a time or source adverbial between a copula and its number: ``vuoden lopussa``, ``tällä hetkellä``,
    ``ennusteen mukaan``."""
    def time_word(t: Token) -> bool:
        return t.pos_ in ("NOUN", "PROPN") and _case(t) in ("Ine", "Ade") and t.lemma_.lower() in TIME_NOUNS

    if tok.lower_ in ADVERBIAL_POSTPOSITIONS or time_word(tok):
        return True
    # the genitive or determiner of such a word: "vuoden" (lopussa), "ennusteen" (mukaan), "tällä" (hetkellä)
    nxt = _token_after(tok)
    return nxt is not None and _case(tok) in ("Gen", "Ade", "Ine") and (nxt.lower_ in ADVERBIAL_POSTPOSITIONS or time_word(nxt))


def _mentions_euro(text: str, char: int) -> bool:
    """Does the text up to ``char`` (this section) speak of euros?"""
    window = text[:char].lower()
    return "euro" in window or "€" in window


def _paragraph_scope(doc: Doc, sent: Span, first: Token) -> Span:
    """``sent`` from the paragraph ``first`` is in: the parse may join a heading to the paragraph under it
    ("Toiminta" + blank line + "Talousvettä pumpattiin … 64,3 miljoonaa m3"); a line ending in ":" introduces
    what follows and stays."""
    start = sent.start
    for tok in doc[sent.start: first.i]:
        if tok.is_space and "\n\n" in tok.text.replace(" ", "") and tok.i > sent.start and doc[tok.i - 1].text != ":":
            start = tok.i + 1
    return doc[start: sent.end] if start > sent.start else sent


def _on_budget_item_line(doc: Doc, first: Token) -> bool:
    """Whether the figure stands on a line that a budget item's code opens, or opens the line right under one
    (``3 10 02, Rakennukset`` / ``223 000 euroa``)."""
    line = _line(doc, first.i)
    if BUDGET_ITEM_LINE.match(line.text):
        return True
    gap = doc[line.start - 1] if line.start == first.i and line.start > 1 else None  # one line break, no blank line
    return gap is not None and gap.text.count("\n") == 1 and bool(BUDGET_ITEM_LINE.match(_line(doc, gap.i - 1).text))


def _line_start(doc: Doc, tok: Token) -> int | None:
    """The first token of ``tok``'s line (None when the line holds nothing before it)."""
    i = tok.i
    while i > 0 and "\n" not in doc[i - 1].text and "\n" not in doc[i - 1].whitespace_:
        i -= 1
    return i if i < tok.i else None


def _paragraph_start(doc: Doc, sent: Span) -> int:
    """Start of ``sent``, or of the sentence before it when that one did not end with . ! ? (a line break split them)."""
    start = sent.start
    while start > 0:
        j = start - 1
        while j > 0 and doc[j].is_space:
            j -= 1
        if doc[j].text in (".", "!", "?", ":") or j == 0:
            return start
        start = doc[j].sent.start
    return start


def _nominative_before(doc: Doc, sent: Span, tok: Token, max_dist: int = 12) -> Token | None:
    """The nearest nominative noun before ``tok`` in its clause, past adverbials in other cases and a dash inside a
    word (``tulos tammi–syyskuulta oli …``)."""
    for cand in reversed(doc[max(sent.start, tok.i - max_dist): tok.i]):
        glued = not cand.whitespace_ and cand.i > 0 and not doc[cand.i - 1].whitespace_
        if cand.is_punct and not glued and cand.text not in "()\"'”,":
            return None
        if "Rel" in cand.morph.get("PronType"):  # "talousarviota, joka jäisi 43 miljoonaa alijäämäiseksi"
            return _nearest_noun_before(doc, sent, cand, max_dist=3)
        if cand.pos_ == "NOUN" and cand.is_alpha and _case(cand) == "Nom" and _may_be_subject(cand):
            return cand
    return None


def _nearest_noun_before(
    doc: Doc, sent: Span, tok: Token, max_dist: int = 8, skip_cases: frozenset[str] = frozenset(),
) -> Token | None:
    # (the nouns of a skipped adverbial do not count towards the distance: "Kokonaisvuokra Kasvatuksen ja
    # koulutuksen toimialalle on …")
    within, passed = max_dist, set()
    for cand in reversed(doc[sent.start: tok.i]):
        # … nor the genitive of a noun passed over: "määrä vuoden lopussa oli 412,6", "tulos ennen varausten ja
        # rahastojen muutoksia on …"; also a conjoined one
        owner = cand.head.head if cand.dep_ == "conj" else cand.head
        attribute = _case(cand) == "Gen" and owner.i in passed
        skipped = cand.pos_ == "NOUN" and (_case(cand) in skip_cases or attribute)
        within -= not skipped
        if within < 0:
            return None
        # governed by a postposition: "Lainakanta asukasta kohden on …" (not by a preposition of a noun after it)
        nxt = doc[cand.i + 1] if cand.i + 1 < len(doc) else None
        governed = nxt is not None and nxt.pos_ == "ADP" and not (nxt.dep_ == "case" and nxt.head.i > nxt.i)
        # … or by a preposition: "tulos ennen … muutoksia on …"
        governed = governed or any(c.dep_ == "case" and c.pos_ == "ADP" and c.i < cand.i for c in cand.children)
        if cand.pos_ == "NOUN" and not skipped and not governed:
            return cand
        if cand.pos_ == "NOUN":
            passed.add(cand.i)
        if cand.is_punct and cand.text not in "()\"'”":
            if cand.text != ",":
                return None
    return None


def _relative_clause_start(doc: Doc, sent: Span, tok: Token) -> Token | None:
    """The comma opening a relative clause that ends with a comma right before ``tok``: ``lisäerä … ajanjaksolta,
    jolloin velvoitetta ei ole noudatettu, on 1 000 euroa``."""
    if tok.i - 1 <= sent.start or doc[tok.i - 1].text != ",":
        return None
    for cand in reversed(doc[sent.start + 1: tok.i - 1]):
        if cand.text in ".;:":
            return None
        if cand.text == ",":
            return cand if _opens_relative(cand) else None
    return None


def _opens_relative(comma: Token) -> bool:
    nxt = _token_after(comma)
    return nxt is not None and ("Rel" in nxt.morph.get("PronType") or nxt.lower_ == "jolloin")


def _labels_figure_before(doc: Doc, label: Token, previous: list[Figure]) -> bool:
    """A measure label with nothing of its own between it and the figure before, but a comma."""
    if not previous or not previous[-1].subject or label.i == 0:
        return False
    comma = doc[label.i - 1]
    return comma.text == "," and comma.i > 0 and previous[-1].end_char == doc[comma.i - 1].idx + len(doc[comma.i - 1])


def _partition(sent: Span, breaks: frozenset[str] | set[str]) -> dict[int, int]:
    """Token index -> clause number, cutting the sentence at the given break words."""
    out, n = {}, 0
    for tok in sent:
        if tok.lower_ in breaks:
            n += 1
        out[tok.i] = n
    return out


def _years_only(text: str) -> list[PeriodMention]:
    return [PeriodMention(m.start(), m.end(), m.group(), True) for m in re.finditer(r"\b(?:19|20)\d{2}\b", text)]

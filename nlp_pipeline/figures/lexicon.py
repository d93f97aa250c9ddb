"""The figure extractor's data (``nlp_pipeline/data/figures``), loaded and compiled once."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DATA_PACKAGE = "nlp_pipeline.data.figures"


@dataclass(frozen=True, slots=True)
class UnitRule:
    unit: str
    regex: re.Pattern[str]
    scale: float
    sv: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    units: tuple[UnitRule, ...]
    units_before: tuple[UnitRule, ...]  # written before the number: "€ 5 000", "e=1,21"
    multiplier: re.Pattern[str]
    rate_per: re.Pattern[str]
    per_normal: dict[str, str]
    never: re.Pattern[str]
    never_gated: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]  # (trigger strings, pattern)
    matcher_patterns: tuple[dict, ...]
    approx: frozenset[str]
    bound_gt: frozenset[str]
    bound_lt: frozenset[str]
    gt_before_kuin: frozenset[str]
    lt_before_kuin: frozenset[str]
    more: frozenset[str]
    less: frozenset[str]
    qualifiers: dict[str, str]  # form -> qualifier
    outcome_qualifiers: frozenset[str]  # "toteutunut": a qualifier only beside another state of a breakdown
    relative: frozenset[str]
    negations: frozenset[str]
    half_words: frozenset[str]
    target_stems: tuple[str, ...]
    half_blockers: frozenset[str]
    period_part_adjectives: frozenset[str]  # "edellisestä neljänneksestä": a quarter of the year, not a share
    vague_quantifiers: frozenset[str]  # "muutama kymmenen", "pari sataa": an indefinite amount
    numeral_idioms: frozenset[str]  # "yhden luukun": a numeral word that counts nothing
    unit_subjects: dict[str, str]  # what a unit itself names: k-m² -> kerrosala, as -> asunto
    count_excluded: frozenset[str]
    pro_adjectives: frozenset[str]  # "tällainen": "yksi tällainen" refers back, it counts nothing
    score_words: frozenset[str]
    score_indices: tuple[str, ...]  # "NPS oli 74": a bare number after one is that score
    measure_adjectives: frozenset[str]  # "83 neliömetrin suuruisen toimistotilan": the noun after the adjective
    subject_aliases: dict[str, str]  # one name per subject: arvonlisävero -> alv
    bound_lt_after: frozenset[str]  # "500 000 euroa alittavista hankinnoista"
    bound_gt_after: frozenset[str]
    antecedent_relatives: frozenset[str]  # "pääomavuokrasta, joka on 1 558,53 euroa": the antecedent is measured
    price_labels: frozenset[str]  # "tilata lisätöitä … hintaan 15 930 euroa": the price is of the object bought
    money_noun_endings: tuple[str, ...]  # nouns naming a sum of money: "kuluina 2000 euroa"
    charge_noun_endings: tuple[str, ...]  # the charges a price list sets: "maksu", "vuokra"
    money_context_endings: tuple[str, ...]  # the money nouns and those of a budget or balance ("ylijäämä")
    classifiers: frozenset[str]  # "henkilö", "kpl": count nouns that yield to the noun they count
    generic_labels: frozenset[str]  # "tarve": a label of the item its line opens with
    indicator_labels: frozenset[str]  # "Tavoite", "Toteuma": lines under an indicator's name
    postpositive_attributes: frozenset[str]  # "toimintakate netto": qualifies the noun before it
    part_heads: frozenset[str]  # "valtaosa": a part of the whole in the elative before it
    estimate_heads: frozenset[str]  # "arvio tuloksesta": an estimate of the elative after it
    measure_heads: frozenset[str]  # "tontin pinta-ala": a generic measure noun yields to what it measures
    amount_heads: frozenset[str]  # "Määrä laski": without an owner, the amount of what the figure before measured
    change_heads: frozenset[str]  # "… 12 400, ja kasvua 2,1 prosenttia": the same, from a figure of the sentence
    share_bases: frozenset[str]  # "23,7 % talousarviosta": what a share is taken of
    collectives: tuple[str, ...]  # "henkilökuntaa oli 89": counted from the singular partitive
    agents: tuple[str, ...]  # "lautakunta": bodies, officials and associations act on amounts, never are one
    associations: tuple[str, ...]  # "yhdistys": a grant's recipient, no label of its sum
    money_nouns: tuple[str, ...]  # "määräraha", "avustus": the money a sum given to a purpose is part of
    budget_items: frozenset[str]  # "käyttövara": money given from or reserved in one is an appropriation
    money_senses: dict[str, str]  # kulku -> kulu: the money sense of a lemma the tagger chose for a shared form
    balance_adjectives: dict[str, str]  # "11 000 000 euroa ylijäämäinen": the balance the amount states
    time_adverbial_heads: frozenset[str]  # "30 päivän kuluessa": a duration timing an action measures no noun
    allocation_verbs: frozenset[str]  # "kohdistua", "ohjata": verbs giving an amount to an illative/allative destination
    reserving_verbs: frozenset[str]  # "varata", "budjetoida": money they reserve for a purpose is an appropriation
    measure_participles: frozenset[str]  # "viisi päivää kestävästä sulkemisesta": the noun after the participle
    area_measures: tuple[str, ...]  # "rakennusoikeus": names an area measure (k-m²)
    size_heads: tuple[str, ...]  # "laajuus": a size the text names for an area, yielding to its owner
    vote_kinds: frozenset[str]  # "jaa", "tyhjä": vote result labels
    trade_deals: dict[str, str]  # hankkia -> hankinta, myydä -> kauppahinta: what a price of the verb names
    spending_nouns: dict[str, str]  # investoida -> investointi: what money spent by the verb is
    change_verbs: frozenset[str]  # "muuttua", "nousta": what changes is their subject, the amounts its values
    comparison_standards: frozenset[str]  # "alle muutetun talousarvion": what a difference is above or below
    directions: dict[str, dict[str, frozenset[str]]]  # "verbs"/"by_verbs"/"nouns"/"comparatives" -> more/less -> lemmas


def _read(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text("utf-8")


NOT_SUBJECTS = frozenset(json.loads(_read("subjects.json"))["not_subjects"]["lemmas"])


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    units = json.loads(_read("units.json"))
    cues = json.loads(_read("cues.json"))
    never = json.loads(_read("never.json"))
    subjects = json.loads(_read("subjects.json"))
    rules = tuple(
        UnitRule(
            unit=u["unit"],
            regex=re.compile(r"[ \u00a0\u202f]?(?:" + u["pattern"] + ")", 0 if u.get("case_sensitive") else re.IGNORECASE),
            scale=float(u.get("scale", 1)),
            sv=bool(u.get("sv")),
        )
        for u in units["units"]
    )
    before = tuple(UnitRule(unit=u["unit"], regex=re.compile(u["pattern"]), scale=1.0, sv=False) for u in units["before"])
    never_re = "|".join(f"(?P<{name}>{pat.replace('(?m)', '')})" for name, pat in never["patterns"].items())
    patterns = tuple(json.loads(line) for line in _read("never_patterns.jsonl").splitlines() if line.strip())
    totalling = subjects["measure_heads"]["totalling_prefixes"]  # "kokonaisarvo", "kokonaishinta": as generic as the head
    return Lexicon(
        units=rules,
        units_before=before,
        multiplier=re.compile(r"[ \u00a0\u202f]*\n?[ \u00a0\u202f]*" + units["multipliers"], re.IGNORECASE),  # "1,66 \nmilj."
        rate_per=re.compile(units["rate_per"]["pattern"], re.IGNORECASE),
        per_normal=units["rate_per"]["normal"],
        never=re.compile(never_re, re.MULTILINE),
        never_gated=tuple(
            (tuple(g["if_contains"]), re.compile(g["pattern"], re.IGNORECASE)) for g in never["gated"].values()
        ),
        matcher_patterns=patterns,
        approx=frozenset(cues["approx"]),
        bound_gt=frozenset(cues["bound_gt"]),
        bound_lt=frozenset(cues["bound_lt"]),
        gt_before_kuin=frozenset(cues["bound_gt_before_kuin"]),
        lt_before_kuin=frozenset(cues["bound_lt_before_kuin"]),
        comparison_standards=frozenset(cues["comparison_standards"]),
        directions={
            kind: {d: frozenset(cues[f"{prefix}_{d}_{suffix}"]) for d in ("more", "less")}
            for kind, (prefix, suffix) in {
                "verbs": ("change", "verbs"), "by_verbs": ("change", "by_verbs"), "nouns": ("change", "nouns"),
                "comparatives": ("comparative", "lemmas"),
            }.items()
        },
        more=frozenset(cues["direction_more"]),
        less=frozenset(cues["direction_less"]),
        qualifiers={form: q for q, forms in cues["qualifiers"].items() for form in forms},
        outcome_qualifiers=frozenset(cues["outcome_qualifiers"]),
        relative=frozenset(cues["relative_pronouns"]),
        negations=frozenset(cues["negations"]),
        half_words=frozenset(cues["half_words"]),
        target_stems=tuple(cues["target_stems"]),
        half_blockers=frozenset(cues["half_blockers"]),
        period_part_adjectives=frozenset(cues["period_part_adjectives"]),
        vague_quantifiers=frozenset(cues["vague_quantifiers"]),
        numeral_idioms=frozenset(cues["numeral_idioms"]),
        unit_subjects=cues["unit_subjects"],
        count_excluded=frozenset(cues["count_noun_excluded_lemmas"] + cues["pro_adjectives"]),
        pro_adjectives=frozenset(cues["pro_adjectives"]),
        score_words=frozenset(cues["score_words"]),
        score_indices=tuple(cues["score_indices"]),
        measure_adjectives=frozenset(cues["measure_adjectives"]),
        subject_aliases=cues["subject_aliases"],
        bound_lt_after=frozenset(cues["bound_lt_after"]),
        bound_gt_after=frozenset(cues["bound_gt_after"]),
        antecedent_relatives=frozenset(cues["antecedent_relatives"]),
        price_labels=frozenset(prefix + label for label in cues["price_labels"] for prefix in ("", *totalling)),
        money_noun_endings=tuple(cues["money_noun_endings"]),
        charge_noun_endings=tuple(cues["charge_noun_endings"]),
        money_context_endings=tuple(cues["money_noun_endings"] + cues["money_context_endings"]),
        classifiers=frozenset(subjects["classifiers"]["lemmas"]),
        generic_labels=frozenset(subjects["generic_labels"]["lemmas"]),
        indicator_labels=frozenset(subjects["indicator_labels"]["lemmas"]),
        postpositive_attributes=frozenset(subjects["postpositive_attributes"]["lemmas"]),
        part_heads=frozenset(subjects["part_heads"]["lemmas"]),
        estimate_heads=frozenset(subjects["estimate_heads"]["lemmas"]),
        measure_heads=frozenset(prefix + lemma for lemma in subjects["measure_heads"]["lemmas"] for prefix in ("", *totalling)),
        amount_heads=frozenset(subjects["amount_heads"]["lemmas"]),
        change_heads=frozenset(subjects["amount_heads"]["change_lemmas"]),
        share_bases=frozenset(subjects["share_bases"]["lemmas"]),
        collectives=tuple(subjects["collectives"]["lemmas"]),
        agents=tuple(subjects["agents"]["lemmas"] + subjects["agents"]["associations"]),
        associations=tuple(subjects["agents"]["associations"]),
        money_nouns=tuple(subjects["money_nouns"]["lemmas"]),
        budget_items=frozenset(subjects["money_nouns"]["budget_items"]),
        money_senses=subjects["money_senses"]["lemmas"],
        balance_adjectives=subjects["balance_adjectives"]["lemmas"],
        time_adverbial_heads=frozenset(subjects["time_adverbial_heads"]["forms"]),
        allocation_verbs=frozenset(subjects["allocation_verbs"]["lemmas"]),
        reserving_verbs=frozenset(subjects["allocation_verbs"]["reserving"]),
        measure_participles=frozenset(subjects["measure_participles"]["lemmas"]),
        area_measures=tuple(subjects["area_measures"]["lemmas"]),
        size_heads=tuple(subjects["area_measures"]["size_heads"]),
        vote_kinds=frozenset(subjects["vote_kinds"]["forms"]),
        trade_deals=subjects["trade_verbs"]["deals"],
        spending_nouns=subjects["spending_verbs"]["nouns"],
        change_verbs=frozenset(subjects["change_verbs"]["lemmas"]),
    )

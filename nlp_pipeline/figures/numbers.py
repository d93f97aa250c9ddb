"""Finnish number grammar, pure Python (no spaCy): digits as Finns write them and numeral words.

``parse_finnish_number("33 504 277") == 33504277``, ``"4,1" -> 4.1``, ``"1,2 milj." -> 1200000``,
``"kolmesta" -> 3``, ``"kaksikymmentä" -> 20``, ``"puolet" -> 0.5``. The ``render_*`` helpers write a
value the ways agendas do; the property tests check that parsing a rendering gives the value back.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from num2words import num2words

SPACES = " \u00a0\u202f\u2009"
MINUS = "-\u2212\u2013"

# One digit number: space/NBSP or dot thousands groups, decimal comma (or a lone decimal point).
DIGITS_RE = re.compile(
    r"""[-\u2212\u2013+]?
    (?: \d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?   # 33 504 277 / 1 234,5
      | \d{1,3}(?:\.\d{3})+(?:,\d+)?                      # 1.000.000 / 15.930,16
      | \d+(?:,\d+)?                                      # 717 / 4,1
      | \d+\.\d+                                          # 2.5 (rare)
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class NumberWords:
    """Stems of the Finnish numerals (from package data) and a parser for one numeral word."""

    parts: tuple[tuple[str, str, int], ...]  # (stem, kind, value), longest stem first
    endings: tuple[str, ...]
    fractions: dict[str, tuple[int, int]]
    fraction_parts: dict[str, int]
    every_nth_stems: dict[str, int]  # "kolma" -> 3: "joka kolmas" is one in three
    every_nth_re: re.Pattern  # one of those stems and an ordinal's ending
    specials: dict[str, float]
    approximate: dict[str, float]  # "nelisen": about four
    multipliers: dict[str, int]
    prefixes: tuple[str, ...]
    plurals: tuple[str, ...]  # "satoja", "tuhannet": hundreds/thousands of, no number

    def value(self, word: str) -> float | None:
        """Value of one numeral word in any case (``kolmesta``, ``kahdellekymmenelle``), else None."""
        word = word.lower()
        if word in self.specials:
            return self.specials[word]
        if not word.startswith(self.prefixes) or word.startswith(self.plurals):
            return None
        parts = self._segment(word, 0)
        return None if parts is None else _combine(parts)

    def fraction(self, word: str) -> tuple[int, int] | None:
        """(numerator, denominator) of a fraction word: ``puolet`` -> (1, 2), ``kolmannes`` -> (1, 3)."""
        return self.fractions.get(word.lower())

    def every_nth(self, word: str) -> int | None:
        """n of the ordinal ``word`` after ``joka`` (every n-th): ``kolmannessa`` -> 3, ``toinen`` -> 2."""
        m = self.every_nth_re.fullmatch(word.lower())
        return self.every_nth_stems.get(m.group(1)) if m else None

    def fraction_denominator(self, word: str) -> int | None:
        """Denominator named by ``kolmasosaa``/``neljännestä`` (after a count: ``kaksi kolmasosaa``)."""
        word = word.lower()
        for stem, den in self.fraction_parts.items():
            if word.startswith(stem) and (len(word) - len(stem) <= 4):
                return den
        return None

    @lru_cache(maxsize=4096)
    def _segment(self, word: str, pos: int) -> tuple[tuple[str, int], ...] | None:
        if pos == len(word):
            return ()
        for stem, kind, value in self.parts:
            if not word.startswith(stem, pos):
                continue
            after = pos + len(stem)
            for end in ("",) + self.endings:
                if end and not word.startswith(end, after):
                    continue
                rest = self._segment(word, after + len(end))
                if rest is not None:
                    return ((kind, value),) + rest
        return None

    def __hash__(self) -> int:  # lru_cache on a method needs a hashable self
        return id(self)


def _combine(parts: tuple[tuple[str, int], ...]) -> float | None:
    """Positional value of numeral parts: kaksi|sata|kolme|kymmentä|tuhatta -> 230 000."""
    total, group, last_unit, prev = 0, 0, 0, None
    for kind, value in parts:
        if kind == "unit":
            if prev in ("unit", "teen"):
                return None  # "kaksikolme" is not a number
            group += value
            last_unit = value
        elif kind == "teen":
            if prev != "unit":
                return None
            group += 10
            last_unit = 0
        elif kind == "ten":
            group += last_unit * 9 if prev == "unit" else 10
            last_unit = 0
        elif kind == "hundred":
            if group >= 10:
                return None
            group = (group or 1) * 100
            last_unit = 0
        else:  # thousand / million / billion: close the group
            total += (group or 1) * value
            group, last_unit = 0, 0
        prev = kind
    return float(total + group)


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    data = json.loads(resources.files("nlp_pipeline.data.figures").joinpath("number_words.json").read_text("utf-8"))
    parts: list[tuple[str, str, int]] = []
    for value, stems in data["units"].items():
        parts += [(s, "unit", int(value)) for s in stems]
    scale = {"teen": 10, "ten": 10, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
    for kind, value in scale.items():
        parts += [(s, kind, value) for s in data[kind]]
    parts.sort(key=lambda p: -len(p[0]))
    return NumberWords(
        parts=tuple(parts),
        endings=tuple(sorted(data["endings"], key=len, reverse=True)),
        fractions={k: (v[0], v[1]) for k, v in data["fraction_words"].items()},
        fraction_parts=dict(sorted(data["fraction_part_stems"].items(), key=lambda kv: -len(kv[0]))),
        every_nth_stems=data["every_nth_stems"],
        # an ordinal's stem and its endings: "kolmas", "kolmannessa", "kolmatta", "toinen", "toiselle"
        every_nth_re=re.compile(f"({'|'.join(data['every_nth_stems'])})" + r"(?:nen|s|nne\w*|tt[aä]|se\w*|sta)"),
        specials=data["special_values"],
        approximate=data["approximate_words"],
        multipliers=data["multipliers"],
        prefixes=tuple(sorted(
            {p[0][:3] for p in parts} | {k[:3] for k in data["special_values"]} | {k[:3] for k in data["approximate_words"]}
        )),
        plurals=tuple(data["plural_stems"]),
    )


def parse_digits(text: str) -> float | None:
    """Value of a digit string as Finns write it (``33 504 277``, ``4,1``, ``15.930,16``), else None."""
    text = text.strip()
    m = DIGITS_RE.fullmatch(text)
    if not m:
        return None
    sign = -1.0 if text[0] in MINUS else 1.0
    body = text.lstrip("+" + MINUS)
    for sp in SPACES:
        body = body.replace(sp, "")
    if "," in body:
        body = body.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", body):
        body = body.replace(".", "")
    return sign * float(body)


_TRAILING_UNIT = re.compile(r"(?:(?<=\d)|\s)\s*(?:%|€|e|eur|euroa|prosenttia)$", re.IGNORECASE)


def parse_finnish_number(text: str) -> float | None:
    """Value of a Finnish number expression, or None when the text is not one number.

    Accepts digits (decimal comma, space/NBSP/dot thousands), numeral words in any case, written
    out with or without spaces (``kaksituhatta yksi``), fraction words (``puolet``, ``kolmannes``,
    ``kaksi viidestä``), a multiplier (``milj.``, ``miljoonaa``, ``mrd``, ``tuhatta``) and the money
    shorthands ``t€``/``M€``; a trailing ``%``/``€``/``euroa`` is ignored.
    """
    text = " ".join(text.strip().split())
    if not text:
        return None
    for short, mult in (("t€", 1000), ("k€", 1000), ("m€", 10**6), ("me", 10**6)):
        if text.lower().endswith(short) and re.search(r"\d\s*" + short + "$", text.lower()):
            base = parse_finnish_number(text[: -len(short)])
            return None if base is None else base * mult
    text = _TRAILING_UNIT.sub("", text)
    words = number_words()
    tokens = text.split(" ")
    mult = words.multipliers.get(tokens[-1].lower()) if len(tokens) > 1 else None
    if mult is not None:
        base = parse_finnish_number(" ".join(tokens[:-1]))
        return None if base is None else base * mult
    digits = parse_digits(text)
    if digits is not None:
        return digits
    low = text.lower()
    if (frac := words.fraction(low)) is not None:
        return frac[0] / frac[1]
    if len(tokens) == 2 and not tokens[0].lower().endswith(("sta", "stä")):  # "kaksi viidestä", "kaksi kolmasosaa"
        num = words.value(tokens[0])
        den = words.fraction_denominator(tokens[1])
        if den is None and tokens[1].lower().endswith(("sta", "stä")) and not tokens[1].lower().endswith("toista"):
            den = words.value(tokens[1])
        if num is not None and den and num < den:
            return num / den
    value = words.value(low.replace(" ", ""))
    return value


# --- rendering: the ways agendas write a value (used by the property tests and drafts) ---

def render_digits(value: float, decimals: int = 0, thousands: str = " ") -> str:
    """``1234567.5`` -> ``1 234 567,5`` (thousands separator space, NBSP, dot or none)."""
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = thousands.join(groups)
    return sign + (out + "," + frac if frac else out)


def render_millions(value: float, word: str = "milj.") -> str:
    """``1200000`` -> ``1,2 milj.`` (or ``1,2 miljoonaa``); exact for values with ≤ 3 decimals in millions."""
    millions = value / 10**6
    text = f"{millions:.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " " + word


def render_percent(value: float, decimals: int = 1, word: bool = False) -> str:
    """``12.5`` -> ``12,5 %`` or ``12,5 prosenttia``."""
    return render_digits(value, decimals) + (" prosenttia" if word else " %")


def render_words(value: int, case: str = "nominative") -> str:
    """Numeral words for an integer up to a million: ``23`` -> ``kaksikymmentäkolme``, elative ``kolmesta``."""
    return num2words(int(value), lang="fi", case=case)

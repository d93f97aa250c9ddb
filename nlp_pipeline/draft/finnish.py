"""Finnish wording: numerals with case and number agreement, period names, labels of figures.

The words live in ``data/draft/templates.json``; this module only inflects and fills them.
Grammar used: a numeral other than one in the nominative takes the partitive singular
(``kolme tavoitetta``, ``35 prosenttia``, ``1,5 prosenttia``); in the other cases numeral and noun
agree (``kolmesta tavoitteesta``, ``36 prosentista``). Small whole numbers are written out with
num2words; larger ones and decimals are written in digits with a decimal comma.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from num2words import num2words

from ..periods import Period, parse_period

NBSP = "\u00a0"


@lru_cache(maxsize=1)
def templates() -> dict:
    path = resources.files("nlp_pipeline").joinpath("data", "draft", "templates.json")
    return json.loads(path.read_text(encoding="utf-8"))


def capitalise(text: str) -> str:
    """Upper-case the first letter (a leading quote mark stays in front of it)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
    return text


def format_number(value: float) -> str:
    """``717``, ``1,5``, ``12 500`` (no-break space between thousands from five digits on)."""
    value = round(value, 2)
    if value == int(value):
        whole, decimals = f"{int(abs(value))}", ""
    else:
        whole, decimals = f"{abs(value):.2f}".rstrip("0").split(".")
    if len(whole) > 4:
        whole = f"{int(whole):,}".replace(",", NBSP)
    return ("-" if value < 0 else "") + whole + ("," + decimals if decimals else "")


def numeral(value: float, case: str = "nominative") -> str:
    """A number in a case: written out up to ``numbers.words_up_to`` when whole, else digits."""
    case = _object_case(value, case)
    if value == int(value) and 0 <= value <= templates()["numbers"]["words_up_to"]:
        return num2words(int(value), lang="fi", case=case)
    return format_number(value)


def _object_case(value: float, case: str) -> str:
    """The object of an active verb: ``kattaa viisi tavoitetta`` but ``kattaa yhden tavoitteen``."""
    if case != "accusative":
        return case
    return "genitive" if value == 1 else "nominative"


def noun_form(noun: str, value: float, case: str) -> str:
    forms = templates()["nouns"][noun]
    case = _object_case(value, case)
    if case == "nominative" and value != 1:
        return forms["partitive"]
    return forms[case]


def count_phrase(value: float, noun: str, case: str = "nominative") -> str:
    """``viisi tavoitetta``, ``yksi tavoite``, ``kolmesta tavoitteesta``, ``717 tehtävää``."""
    return f"{numeral(value, case)} {noun_form(noun, value, case)}"


def quantity(value: float, unit: str, case: str = "nominative", *, approx: bool = False,
             bound: str | None = None, denominator: float | None = None, unit_word: str | None = None,
             per: str | None = None) -> str:
    """A figure as a reader writes it: ``noin 32 prosenttia``, ``yli 5 000 euroa``, ``3/5``."""
    hedges = templates()["hedges"]
    prefix = [hedges[bound]] if bound in hedges else []
    if approx and not bound:
        prefix.append(hedges["approx"])
    noun = templates()["units"].get(unit)
    if denominator and unit in ("fraction", "score"):
        body = f"{format_number(value)}/{format_number(denominator)}"
    elif noun:
        body = f"{format_number(value)} {noun_form(noun, value, case)}"
    elif unit == "other" and unit_word:
        body = f"{format_number(value)} {unit_word}"
    else:
        body = format_number(value)
    suffix = [templates()["per"][per]] if per in templates()["per"] else []
    return " ".join(prefix + [body] + suffix)


_LABEL = re.compile(r"^(\d{4})(?:-(?:([QH])([1-4])|(\d{2})))?$")


def period_name(period: Period | str | None, case: str = "adessive") -> str | None:
    """``ensimmäisellä vuosineljänneksellä 2026``, ``toinen vuosipuolisko 2025``, ``vuoden 2025``."""
    if isinstance(period, str):
        try:
            period = parse_period(period)
        except ValueError:
            return None
    if period is None:
        return None
    forms = templates()["periods"]
    fields = {"year": period.end.year, "start": f"{period.start:%-d.%-m.%Y}", "end": f"{period.end:%-d.%-m.%Y}"}
    m = _LABEL.match(period.label)
    if m is None:
        return forms["R"][case].format(**fields)
    if m[2]:
        fields["ordinal"] = num2words(int(m[3]), lang="fi", to="ordinal", case=case)
        return forms[m[2]][case].format(**fields)
    if m[4]:
        fields["month"] = forms["months"][int(m[4]) - 1]
        return forms["M"][case].format(**fields)
    return forms["Y"][case].format(**fields)


def subject_form(subject: str, form: str) -> str | None:
    return templates()["subjects"].get(subject, {}).get(form)


def figure_label(subject: str, qualifier: str | None, unit: str) -> str:
    """What a compared figure measures, as a noun phrase (lower case)."""
    labels = templates()["labels"]
    gen_pl = subject_form(subject, "plural_genitive")
    fields = {"subject": subject, "qualifier": qualifier, "subject_plural_genitive": gen_pl,
              "attribute": templates()["qualifiers"].get(qualifier or "", {}).get("attribute")}
    if unit == "percent":
        if qualifier:
            known = "share" if fields["attribute"] else "share_unknown_qualifier"
            key = known if gen_pl else "share_unknown"
        else:
            key = "share_plain" if gen_pl else "measure"  # an unknown noun is read as a measure: "kasvu"
    elif unit == "count":
        key = "count" if gen_pl else "count_unknown"
    else:
        key = "measure"
    return labels[key].format(**fields)


def split_subject(subject: str) -> str:
    """``tehtävistä`` (of the tasks), for a breakdown into shares."""
    elative = subject_form(subject, "plural_elative")
    labels = templates()["labels"]
    return labels["split_subject" if elative else "split_subject_unknown"].format(
        subject_plural_elative=elative, subject=subject)


def split_item(qualifier: str, amount: str) -> str:
    """``valmiina 35 prosenttia``."""
    state = templates()["qualifiers"].get(qualifier, {}).get("state")
    labels = templates()["labels"]
    return labels["split_item" if state else "split_item_unknown"].format(state=state, qualifier=qualifier,
                                                                           quantity=amount)


def join_list(items: list[str]) -> str:
    """``a, b ja c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " ja " + items[-1]


def sentence(key: str, **fields: str) -> str:
    return capitalise(templates()["sentences"][key].format(**fields))


# --- reading numbers back out of text (the provenance check and the rewrite guard) ---
_DIGITS = re.compile(r"(?<![\w,])\d{1,3}(?:\u00a0\d{3})+(?:,\d+)?|(?<![\w,])\d+(?:,\d+)?(?!\w)")
_CASES = ("nominative", "genitive", "partitive", "elative", "illative", "adessive", "inessive",
          "ablative", "allative", "essive", "translative")


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    top = templates()["numbers"]["words_up_to"]
    return {num2words(n, lang="fi", case=c): n for n in range(top + 1) for c in _CASES}


_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")


def numbers_in(text: str) -> list[float]:
    """Every number written in ``text``: digits (``1,5``, ``12 500``) and written-out cardinals.

    Dates (``8.9.2025``) are not numbers here, as they are not figures in the figure guide.
    """
    text = _DATE.sub(" ", text)
    found = [float(m.group().replace(NBSP, "").replace(",", ".")) for m in _DIGITS.finditer(text)]
    words = _number_words()
    found += [float(words[w]) for w in re.findall(r"\w+", text.lower()) if w in words]
    return found

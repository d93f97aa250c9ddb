"""Periods stated in a sentence, normalised: ``2026-Q1``, ``2025-H1``, ``2025``, ``2022-01``, ``2022-01-01/2022-12-31``.

A figure takes the period stated nearest to it (see ``component``); dates of decisions are not periods
unless written as a range (``1.4.2020–31.3.2021``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..periods import (DASH, HALF_NOUN, MONTH_STEMS, ORDINAL_WORDS, QUARTER_NOUN, YEAR_DIGITS, label_for_range, month_end,
                       month_number_range)

_YEAR = YEAR_DIGITS
_ORD = "(?P<ord>" + "|".join(ORDINAL_WORDS.values()) + ")"

# spring and autumn (terms) of a year are its halves (README: "kevään 2021 aikana" -> 2021-H1); summer and winter
# are not (a summer is months of its own, a winter spans two years), nor is a deadline ("syksyyn 2024 mennessä").
# They date what happens in them, not the sentences after them ("aloittamassa koulupolkuaan syksyllä 2022.")
SEASON_WORDS = r"kevä(?:t|än|ällä|änä)|kevätluku\w*|syks(?:y|yn|yllä|ynä)|syysluku\w*"

PERIOD_RE = re.compile(
    rf"""
    (?P<drange>\b\d{{1,2}}\.\d{{1,2}}\.(?:{_YEAR})?\s*[-–—−]\s*\d{{1,2}}\.\d{{1,2}}\.{_YEAR})
  | \b(?P<qa>Q[1-4])\s*[/ ]?\s*(?P<qay>{_YEAR})?
  | \b(?P<qby>{_YEAR})\s*[/ -]?\s*(?P<qb>Q[1-4])\b
  | \b(?P<ha>H[12])\s*[/ ]?\s*(?P<hay>{_YEAR})?\b
  | (?:\bvuoden\s+(?P<qgy>{_YEAR})\s+)?\b{_ORD}\s+(?P<qword>{QUARTER_NOUN})(?:\s+(?:vuonna\s+)?(?P<qwy>{_YEAR}))?
  | (?:\bvuoden\s+(?P<hgy>{_YEAR})\s+)?\b{_ORD.replace('ord', 'hord')}\s+(?P<hword>{HALF_NOUN})(?:\s+(?P<hwy>{_YEAR}))?
  | \b(?P<mr1>{'|'.join(MONTH_STEMS)})(?:kuu\w*)?\s*{DASH}\s*(?P<mr2>{'|'.join(MONTH_STEMS)})kuu\w*(?:\s+(?P<mry>{_YEAR}))?
  | \b(?P<month>(?:{'|'.join(MONTH_STEMS)})kuu\w*)\s+(?P<my>{_YEAR})\b(?!\s*=)
  | \bvuoden\s+(?P<mgy>{_YEAR})\s+(?P<gmonth>(?:{'|'.join(MONTH_STEMS)})kuu\w*)
  | \b(?P<season>{SEASON_WORDS})\s+(?P<sey>{_YEAR})\b(?![./-]\d)
  | (?<![\d.,/])(?:(?P<mnum0>\d{{1,2}})\s*{DASH}\s*)?\b(?P<mnum>\d{{1,2}})\s*/\s*(?P<mnumy>{_YEAR})\b
  | \blukuvuo\w*\s+(?P<sy1>{_YEAR})\s*[-–—−/]\s*(?P<sy2>{_YEAR})\b
  | \b(?P<yr1>{_YEAR})\s*[-–—−]\s*(?P<yr2>{_YEAR})\b(?![./-]\d)
  | \bvuosien\s+(?P<yb1>{_YEAR})\s+ja\s+(?P<yb2>{_YEAR})\s+(?:välillä|välisenä\s+aikana|väliseltä\s+ajalta)
  | (?<![\d./-])\b(?P<year>{_YEAR})\b(?![./-]?\d|\s*(?:%|€|euro|prosent|hakija|henkilö|asukas|kpl|m²|m2|=|alkaen|lähtien|lukien)|\s*{DASH}\s*\d)
    """,
    re.VERBOSE | re.IGNORECASE,
)


# "Satamayhtiön muut investoinnit ajanjaksolla ovat … 130 miljoonaa euroa": the period of the sentence before
ANAPHORIC_PERIOD = re.compile(
    r"\b(?:(?:samalla|kyseisellä|tällä)\s+)?ajanjaksolla\b|\b(?:samana|kyseisenä)\s+aikana\b", re.IGNORECASE)
TIME_WORD_BEFORE = re.compile(r"\b(?:vuo\w+|v\.|aika\w*|ajal\w+|tilikau\w+|kaude\w+|budjettivuo\w+|talousarvio\w*)\s+$", re.IGNORECASE)


# a price level or index base ("lokakuun 2023 kustannustasossa", "vuoden 2011 tasossa", "04/2018, ind. 1944",
# "vuoden 2018 keskilukuun 1948"), when a plan was amended ("Toukokuussa 2025 muutetun talousarvion"), the years
# people were born in ("vuosina 2003–2006 syntyneille"), the standard of a comparison
# ("vuoteen 2021 nähden", "vuoteen 2023 verrattuna", "heikkenee … vuoden 2020 muutetusta talousarviosta") or a starting
# point ("kasvaneet 2,2 % vuodesta 2023", "-60 % vuoden 1990 tasosta") is not the period a figure is of
NOT_A_PERIOD_AROUND = re.compile(
    r"\s*(?:,\s*)?(?:ind\.|indeksi\w*|kustannustaso\w*|hintataso\w*|tasossa\b|keskilu\w*|pistelu\w*|nähden\b|verrattuna\b"
    r"|muutet\w*|päivitet\w*|syntyn\w*)"
    # "vuoden 2020 muutetusta talousarviosta", "vuoden 1990 tasosta"
    r"|\s+(?:\w+\s+)?(?:talousarviosta|budjetista|ennusteesta|tilinpäätöksestä|tasosta)\b"
    # "Vuoden 2022 talousarvioon nähden", "vuoden 2022 toisen osavuosikatsauksen vuosiennusteeseen nähden"
    r"|\s+(?:\w+\s+){0,3}\w+\s+(?:nähden|verrattuna)\b",
    re.IGNORECASE)
# "verrattuna vuoteen 1990", "(verrattuna vuosien 1971–2000 keskiarvoon)", an index base written backwards
# ("ind. 100=1951"), an index value ("keskilukuun 1948")
NOT_A_PERIOD_BEFORE = re.compile(
    r"(?:\bind\.|kustannustaso\w*|hintataso\w*|keskilu\w*|pistelu\w*|verrattuna|verrattaessa|\bvuodesta|\d\s*=)\s*"
    r"(?:vuo\w+\s+)?\(?\s*$",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PeriodMention:
    start: int
    end: int
    value: str  # normalised
    explicit_year: bool  # False when the year was taken from the report period
    strong: bool = True  # named as a period (vuonna 2022, Q1, a date range), not a bare year label


def _year_of(report_period: str | None) -> str | None:
    return report_period[:4] if report_period and report_period[:4].isdigit() else None


def _ordinal(word: str) -> int | None:
    return next((n for n, pattern in ORDINAL_WORDS.items() if re.fullmatch(pattern, word, re.IGNORECASE)), None)


def find_periods(text: str, report_period: str | None = None) -> list[PeriodMention]:
    """Every period stated in ``text``; quarters without a year take the report period's year."""
    fallback_year = _year_of(report_period)
    out: list[PeriodMention] = []
    for m in PERIOD_RE.finditer(text):
        g = m.groupdict()
        value, year = None, None
        if g["drange"]:
            a, b = re.split(r"\s*[-–—−]\s*", g["drange"])
            # "7.5.–31.8.2018" stays a range; "1.1.-31.3.2018" is 2018-Q1, as the report period reads it
            value = _range_label(a + b.rsplit(".", 1)[1] if a.endswith(".") else a, b)
            year = True
        elif g["qa"] or g["qb"]:
            q = (g["qa"] or g["qb"]).upper()
            year = g["qay"] or g["qby"]
            value = f"{year or fallback_year}-{q}" if (year or fallback_year) else None
        elif g["ha"]:
            year = g["hay"]
            value = f"{year or fallback_year}-{g['ha'].upper()}" if (year or fallback_year) else None
        elif g["qword"]:
            n = _ordinal(g["ord"])
            year = g["qwy"] or g["qgy"]  # "ensimmäisellä neljänneksellä 2017", "vuoden 2017 ensimmäisellä neljänneksellä"
            value = f"{year or fallback_year}-Q{n}" if n and (year or fallback_year) else None
        elif g["hword"]:
            n = _ordinal(g["hord"])
            year = g["hwy"] or g["hgy"]
            value = f"{year or fallback_year}-H{n}" if n in (1, 2) and (year or fallback_year) else None
        elif g["mr1"]:  # "tammi-heinäkuulta 2025"
            first, last = (MONTH_STEMS.index(g[k].lower()) + 1 for k in ("mr1", "mr2"))
            year = g["mry"]
            if (year or fallback_year) and first <= last:
                y = int(year or fallback_year)
                value = label_for_range(date(y, first, 1), month_end(y, last))
        elif g["month"] or g["gmonth"]:  # "marraskuussa 2025", "vuoden 2025 marraskuussa"
            month = next(i for i, p in enumerate(MONTH_STEMS, 1) if (g["month"] or g["gmonth"]).lower().startswith(p))
            year = g["my"] or g["mgy"]
            value = f"{year}-{month:02d}"
        elif g["season"]:  # "keväällä 2025": spring is in the first half, autumn in the second
            year = g["sey"]
            value = f"{year}-H{1 if g['season'].lower().startswith('kevä') else 2}"
        elif g["mnum0"]:  # "1–6/2025"
            months = month_number_range(text, m.start(), m.end())
            if months:
                year = g["mnumy"]
                value = label_for_range(date(int(year), months[0], 1), month_end(int(year), months[1]))
        elif g["mnum"]:
            if 1 <= int(g["mnum"]) <= 12:
                year = g["mnumy"]
                value = f"{year}-{int(g['mnum']):02d}"
        elif g["sy1"]:  # "lukuvuonna 2025-2026": a school year runs from August to July
            year = g["sy1"]
            value = f"{g['sy1']}-08-01/{g['sy2']}-07-31" if int(g["sy2"]) == int(g["sy1"]) + 1 else None
        elif g["yr1"] or g["yb1"]:
            first, last = (g["yr1"], g["yr2"]) if g["yr1"] else (g["yb1"], g["yb2"])  # "vuosien 2030 ja 2040 välillä"
            year = first
            value = f"{first}-01-01/{last}-12-31" if first < last else None
        elif g["year"]:
            year = value = g["year"]
        if value and not NOT_A_PERIOD_AROUND.match(text, m.end()) and not NOT_A_PERIOD_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            bare = g["year"] or g["yr1"] or g["season"]
            strong = not bare or bool(TIME_WORD_BEFORE.search(text, max(0, m.start() - 14), m.start()))
            out.append(PeriodMention(m.start(), m.end(), value, bool(year), strong))
    return _join_years(out)


# "Vuosiennusteen mukaan …", "tulosta ennakoidaan …", "vuositulostavoite on …": a forecast or a target for the whole
# year, which a year-to-date report states beside its outturn
WHOLE_YEAR = r"\bkoko\s+(?:vuo|tilikau|tilivuo)\w*"  # "koko vuoden", "koko tilikauden"
WHOLE_YEAR_RE = re.compile(WHOLE_YEAR, re.IGNORECASE)
WHOLE_YEAR_CUE = re.compile(
    rf"\b(?:\w*ennust\w*|ennakoi\w*|\w*vuositavoit\w*|\w*tulostavoit\w*)|{WHOLE_YEAR}", re.IGNORECASE)


# an outturn measured against the forecast is no forecast: "toteuma on 53,5 % mikä ylittää … ennusteen",
# "tulos on -43 978 eur, mikä hieman ennustetta parempi toteuma"
OUTTURN_AGAINST_FORECAST = re.compile(
    r"\b(?:ylit|alit)\w*\s+(?:\w+\s+){0,4}?ennuste\w*"
    r"|\bennust\w*\s+(?:\w+\s+)?(?:parempi|heikompi|suurempi|pienempi|korkeampi|matalampi|verrattuna|nähden)\b",
    re.IGNORECASE)


def reported_period(sentence: str, report_period: str | None) -> str | None:
    """The report period a sentence that names none of its own speaks of: its year for a whole-year forecast or
    target in a report on part of the year, else the report period itself."""
    if report_period is None or len(report_period) == 4:
        return report_period
    forecast = WHOLE_YEAR_CUE.search(OUTTURN_AGAINST_FORECAST.sub(" ", sentence))
    return report_period[:4] if forecast else report_period


def period_referred_to(text: str, previous_text: str | None, report_period: str | None = None) -> str | None:
    """The period of the sentence before, when ``text`` refers back to it (``ajanjaksolla``)."""
    if previous_text is None or not ANAPHORIC_PERIOD.search(text):
        return None
    named = [m for m in find_periods(previous_text, report_period) if m.strong]
    return named[-1].value if named else None


def _join_years(mentions: list[PeriodMention]) -> list[PeriodMention]:
    """``Vuoden 2026 ensimmäisen kvartaalin``: a year-less quarter takes a year written close to it."""
    years = [m for m in mentions if m.explicit_year and len(m.value) == 4]
    used: set[PeriodMention] = set()
    out = []
    for m in mentions:
        if m.explicit_year or m.value[4:5] != "-":
            out.append(m)
            continue
        near = [y for y in years if y not in used and min(abs(y.start - m.end), abs(m.start - y.end)) <= 40]
        if not near:
            out.append(m)
            continue
        y = min(near, key=lambda y: min(abs(y.start - m.end), abs(m.start - y.end)))
        used.add(y)
        out.append(PeriodMention(min(m.start, y.start), max(m.end, y.end), y.value + m.value[4:], True, True))
    return sorted((m for m in out if m not in used), key=lambda m: m.start)


def _range_label(first: str, last: str) -> str | None:
    try:
        start, end = (date(*reversed([int(p) for p in d.split(".")])) for d in (first, last))
    except ValueError:
        return None  # "31.2.2021": no such day
    return label_for_range(start, end) if start <= end else None

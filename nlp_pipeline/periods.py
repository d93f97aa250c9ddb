"""Reporting periods: the normalised forms (``2026-Q1``, ``2025-H1``, ``2025``, ``2022-01``,
``2022-01-01/2022-12-31``) and the Finnish and Swedish phrases that name them.

Shared by segmentation (a document's report period), goals and drafting (the periods a user asks
for); the figures' reader of a sentence's periods (``figures/periods.py``: bare years, months, labels
it must tell from periods) is built from the same vocabulary, so all agree on what a period is.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

PERIOD_FORMAT = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d{2}))?$")


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    label: str

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end


def parse_period(label: str) -> Period:
    """``2026-Q1`` → Period(2026-01-01, 2026-03-31); raises ValueError for anything else."""
    label = label.strip()
    if "/" in label:
        a, b = label.split("/", 1)
        return Period(date.fromisoformat(a), date.fromisoformat(b), label)
    match = PERIOD_FORMAT.match(label)
    if not match:
        raise ValueError(f"not a period: {label!r} (write 2026-Q1, 2025-H1, 2025, 2025-06 or 2025-01-01/2025-06-30)")
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        return Period(date(year, 1, 1), date(year, 12, 31), label)
    if part[0] == "Q":
        q = int(part[1])
        return Period(date(year, 3 * q - 2, 1), month_end(year, 3 * q), label)
    if part[0] == "H":
        h = int(part[1])
        return Period(date(year, 6 * h - 5, 1), month_end(year, 6 * h), label)
    month = int(part)
    if not 1 <= month <= 12:
        raise ValueError(f"not a period: {label!r} (month {month})")
    return Period(date(year, month, 1), month_end(year, month), label)


def month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def label_for_range(start: date, end: date) -> str:
    """The shortest label for a date range: a quarter, half, month or year when it is one."""
    if start.year == end.year and start.day == 1 and end == month_end(end.year, end.month):
        months = (start.month, end.month)
        if months == (1, 12):
            return str(start.year)
        if end.month - start.month == 2 and start.month % 3 == 1:
            return f"{start.year}-Q{end.month // 3}"
        if end.month - start.month == 5 and start.month in (1, 7):
            return f"{start.year}-H{end.month // 6}"
        if start.month == end.month:
            return f"{start.year}-{start.month:02d}"
    return f"{start.isoformat()}/{end.isoformat()}"


# ---------------------------------------------------------------- phrases

# The vocabulary of period phrases, shared with the figures' own period reader (figures/periods.py).
# Roman numerals (``II neljännes``) only in capitals: Swedish ``i`` is a preposition ("i första kvartalet")
ORDINAL_WORDS = {
    1: r"ensimmäi\w*|1\.|första|(?-i:I)",
    2: r"toi(?:nen|sen|selta|sella|selle|seen|sessa)|2\.|andra|(?-i:II)",
    3: r"kolma\w*|3\.|tredje|(?-i:III)",
    4: r"neljä(?:s|nnen|nneltä|nnellä|nnelle|nteen)|4\.|fjärde|(?-i:IV)",
}
QUARTER_NOUN = r"(?:vuosi)?neljännek\w*|(?:vuosi)?neljännes\w*|kvartaal\w*|kvartal\w*|osavuosi\w*neljännes\w*"
HALF_NOUN = r"vuosipuolisko\w*|vuosipuolisk\w*|puole\w*\s+vuode\w*|puolivuoti\w*|halvår\w*"
YEAR_DIGITS = r"(?:19|20)\d{2}"
DASH = "[-–—−]"  # hyphen, en and em dash, and the minus sign some publishing systems put between months
MONTH_STEMS = ("tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu")
_YEAR = rf"({YEAR_DIGITS})"

_QUARTER_PATTERNS = [
    (q, re.compile(rf"\b(?:{ordinal})\s*(?:{QUARTER_NOUN})", re.IGNORECASE)) for q, ordinal in ORDINAL_WORDS.items()
]
_HALF_PATTERNS = [
    (h, re.compile(rf"\b(?:{ORDINAL_WORDS[h]})\s*(?:{HALF_NOUN})", re.IGNORECASE)) for h in (1, 2)
]
_Q_CODE = re.compile(rf"(?<![\w-])(?:{_YEAR}[ /-]?)?Q([1-4])(?![\w])(?:\s*[/-]?\s*{_YEAR})?")
_H_CODE = re.compile(rf"(?<![\w-])(?:{_YEAR}[ /-]?)?H([12])(?![\w])(?:\s*[/-]?\s*{_YEAR})?")
_DATE_RANGE = re.compile(
    rf"(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})?\s*{DASH}\s*(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})"
)
_MONTH_RANGE = re.compile(
    rf"\b({'|'.join(MONTH_STEMS)})(?:kuu\w*)?\s*{DASH}\s*({'|'.join(MONTH_STEMS)})kuu\w*", re.IGNORECASE
)
# "1–6/2025", "1-9/2024": months by number, the way financial follow-ups name their period; but
# "Lisätyöpäätökset 1-3/2021" numbers decisions and "koottu 01-03/2025" dates a task, so the run must stand
# right by a word of reporting
_MONTH_NUMBER_RANGE = re.compile(rf"(?<![\d.,/])(\d{{1,2}})\s*{DASH}\s*(\d{{1,2}})\s*/\s*{_YEAR}\b")
_REPORTING_WORD = re.compile(
    r"\b(?:\w*toteu\w*|\w*katsau\w*|\w*raport\w*|\w*seuran\w*|tilanne\w*|ajal\w*|aikana|\w*jakso\w*|kerty\w*|"
    r"talous\w*|tilinpäät\w*|ennust\w*|tulos\w*|kuukau\w*|kausi\w*|kaudel\w*)", re.IGNORECASE)


def month_number_range(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The months of a ``1–6/2025`` at text[start:end] when the word just before or after it is a word of reporting,
    or when it labels the value after its colon."""
    m = _MONTH_NUMBER_RANGE.fullmatch(text, start, end)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)) <= 12:
        return None
    before = re.search(r"(\w+)[\s:]*$", text[max(0, start - 40):start])
    after = re.match(r"[\s:]*(\w+)", text[end:end + 40])
    near = [w.group(1) for w in (before, after) if w]
    labels_a_value = re.match(r"\s*:\s*[-−–+]?\d", text[end:end + 6])  # "(1−9/2024: 606 966)"
    if labels_a_value or any(_REPORTING_WORD.fullmatch(w) for w in near):
        return int(m.group(1)), int(m.group(2))
    return None


_YEAR_NEAR = re.compile(rf"\b(?:vuo(?:den|nna|delle|delta|si)\s+)?{_YEAR}\b")


@dataclass(frozen=True, slots=True)
class PeriodMention:
    label: str
    start: int
    end: int
    granularity: str  # quarter | half | range | year


def find_period_mentions(text: str, default_year: int | None = None) -> list[PeriodMention]:
    """Quarter, half-year and date-range phrases in ``text`` with their normalised labels.

    A phrase without a year takes the nearest year written within the same sentence, else
    ``default_year``; a phrase with neither is left out rather than guessed.
    """
    mentions: list[PeriodMention] = []

    def add(kind: str, part: str, m: re.Match, explicit_year: str | None) -> None:
        year = explicit_year or _nearby_year(text, m.start(), m.end()) or default_year
        if year:
            mentions.append(PeriodMention(f"{year}-{part}", m.start(), m.end(), kind))

    for q, pattern in _QUARTER_PATTERNS:
        for m in pattern.finditer(text):
            add("quarter", f"Q{q}", m, None)
    for m in _Q_CODE.finditer(text):
        add("quarter", f"Q{m.group(2)}", m, m.group(1) or m.group(3))
    for h, pattern in _HALF_PATTERNS:
        for m in pattern.finditer(text):
            add("half", f"H{h}", m, None)
    for m in _H_CODE.finditer(text):
        add("half", f"H{m.group(2)}", m, m.group(1) or m.group(3))
    for m in _MONTH_RANGE.finditer(text):
        first, last = MONTH_STEMS.index(m.group(1).lower()) + 1, MONTH_STEMS.index(m.group(2).lower()) + 1
        year = _nearby_year(text, m.start(), m.end()) or default_year
        if year and first <= last:
            label = label_for_range(date(int(year), first, 1), month_end(int(year), last))
            mentions.append(PeriodMention(label, m.start(), m.end(), "range"))
    for m in _MONTH_NUMBER_RANGE.finditer(text):
        months = month_number_range(text, m.start(), m.end())
        if months:
            year = int(m.group(3))
            label = label_for_range(date(year, months[0], 1), month_end(year, months[1]))
            mentions.append(PeriodMention(label, m.start(), m.end(), "range"))
    for m in _DATE_RANGE.finditer(text):
        try:
            end = date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
            start = date(int(m.group(3) or m.group(6)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        if start <= end:
            mentions.append(PeriodMention(label_for_range(start, end), m.start(), m.end(), "range"))
    return sorted(mentions, key=lambda x: x.start)


def _nearby_year(text: str, start: int, end: int, window: int = 60) -> str | None:
    left = text.rfind(".", max(0, start - window), start)
    lo = max(0, start - window) if left < 0 else left
    candidates = [
        (start - m.end() if m.end() <= start else m.start() - end, m.group(1))
        for m in _YEAR_NEAR.finditer(text, lo, min(len(text), end + window))
    ]
    return min(candidates)[1] if candidates else None


def report_period(text: str, meeting_date: date | None = None, title: str | None = None) -> str | None:
    """The period a progress report covers, or None for an item that reports on no period.

    The title decides when it names one ("Osavuosikatsaus tammi–syyskuu 2025" over the body's "Kolmas
    vuosineljännes 2025 lyhyesti"); else quarter phrases win over half-year phrases (an end-of-Q2 report also
    speaks of "the first half") and the most frequent wins within a kind. A title stating a report at a month's end
    ("talouden toteuma 31.3.2022") reports on the year so far, one naming a year's account or result ("Tilinpäätös
    2024", "Vuoden 2024 tulos") on that year, as does one naming what was in a year ("Sitovat tavoitteet vuonna
    2023"), and a lead line under the title stating a report at a month's end; else a text presenting one year's
    account ("Vuoden 2018 tilinpäätös …", "tilinpäätöksen vuodelta 2022") reports on that year. A budget, price list,
    fee or plan whose title has no word of reporting reports on none.
    """
    if title and _PLAN_TITLE.search(title) and not _REPORT_TITLE_WORD.search(title):
        return None
    default_year = meeting_date.year if meeting_date else None
    for source in (title, text):
        label = _commonest_period(find_period_mentions(source, default_year)) if source else None
        if label:
            return _before_meeting(label, meeting_date)
    from_title = (
        _status_date_report(title) or _year_report(title, meeting_date) or _titled_year(title, meeting_date)
    ) if title else None
    # a press release may announce its report in the lead under its title ("Neljännesvuosikatsaus 30.6.2025 on
    # valmis" under "Talouden kehityksen suunta on oikea")
    lead = _lead(text, title) if title else None
    # (a text answering an account, "Selvitys … arviointikertomuksen johdosta", presents none)
    answers = bool(title and _ANSWERS_ACCOUNT.search(title))
    return from_title or (lead and _status_date_report(lead)) or (
        None if answers else _account_of_year(text, meeting_date) or _goals_of_budget_year(title, text, meeting_date))


# a budget, a price list, a fee or a plan sets money for a time to come and reports on no period, whatever its text
# cites ("Talousarvio vuonna 2018" quoting growth "vuoden 2017 ensimmäisellä neljänneksellä", "… hinnasto
# 1.7.2017-30.4.2018"); one that follows how a budget or plan went does ("Talousarvion toteutuminen 1–6/2025")
_PLAN_TITLE = re.compile(r"\b\w*(?:talousarvio|hinnast|taks[ao]|maksu|vuokr|suunnitelm)\w*", re.IGNORECASE)
_REPORT_TITLE_WORD = re.compile(
    r"\b\w*(?:toteu|katsau|raport|seuran|tilinpäät|kertomu|tilasto|ennust|tulokse)\w*|\btulos\b", re.IGNORECASE)


def _lead(text: str, title: str | None) -> str | None:
    """The text's first line that is not its title."""
    return next((line for line in map(str.strip, text.split("\n")) if line and line != title), None)


_STATUS_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b")


def _status_date_report(title: str) -> str | None:
    """``Neljännesvuosikatsaus ja talouden toteuma 31.3.2022``: a report at a month's end covers the year so far."""
    dates = _STATUS_DATE.findall(title)
    if len(dates) != 1 or not _REPORTING_WORD.search(title):
        return None
    day, month, year = (int(x) for x in dates[0])
    if not 1 <= month <= 12 or day != month_end(year, month).day:
        return None
    return label_for_range(date(year, 1, 1), date(year, month, day))


def _commonest_period(mentions: list[PeriodMention]) -> str | None:
    for kind in ("quarter", "half", "range"):
        labels = [m.label for m in mentions if m.granularity == kind]
        if kind == "range":
            # a whole quarter/half/year, or year-to-date (1.1.–31.8.); other ranges are not report periods
            labels = [lab for lab in labels if "/" not in lab or _is_year_to_date(lab)]
        if labels:
            return Counter(labels).most_common(1)[0][0]
    return None


# "Kirjaston tilastot 2018", "Valvontasuunnitelman 2021 toteutuminen", "Tilinpäätös 2024", "Henkilöstöraportti
# 2016", "Kouluterveyskyselyn tulokset 2025": a title naming a year's account reports on that year (a plan or budget
# for a year does not: it is not yet a report)
_YEAR_REPORT_TITLE = re.compile(
    r"\b(?:\w*toteutu\w*|\w*toteuma\w*|tilinpäätö\w*|\w*kertomu\w*|\w*tilasto\w*|\w*raport(?:ti|in)|vuosikatsau\w*"
    r"|tulos|\w*tulokset)\b",
    re.IGNORECASE)


# "Vuoden 2018 tilinpäätös", "hyväksyi vuoden 2018 tilinpäätöksen", "Arviointikertomus 2007": a year's account the
# text presents, in the nominative or the object case (not one it refers to: "vuoden 2020 arviointikertomuksessa
# esitetyistä", "arviointikertomuksen johdosta")
_ACCOUNT = r"(?:tilinpäätö|toimintakertomu|vuosikertomu|arviointikertomu)(?:s|ksen)|tilastot"
_ACCOUNT_OF_YEAR = re.compile(
    rf"\b(?:vuoden\s+({YEAR_DIGITS})\s+(?:{_ACCOUNT}|tilinpäätöksessä)|(?:{_ACCOUNT})\s+(?:vuodelta\s+)?({YEAR_DIGITS})"
    rf"(?![-–—−/.]\d)|(?:tilivuode|tilikaude)n\s+({YEAR_DIGITS})(?![-–—−/.]\d))\b"
    r"(?!\s+(?:johdosta|perusteella|mukaan|pohjalta|käsittely\w*|esitety\w*))",
    re.IGNORECASE)


# a title answering an account ("Selvitys vuoden 2020 arviointikertomuksen johdosta") reports on no period
_ANSWERS_ACCOUNT = re.compile(r"\bjohdosta\b", re.IGNORECASE)


def _account_of_year(text: str, meeting_date: date | None) -> str | None:
    """The year whose account the text presents (also the figures "in the 2024 accounts", of "the financial year
    2024"), when it names exactly one."""
    return _the_one_past_year({next(y for y in years if y) for years in _ACCOUNT_OF_YEAR.findall(text)}, meeting_date)


# "Sitovien tavoitteiden toteutuminen" / "Vuoden 2019 talousarviossa oli yhteensä 35 … tavoitetta": an evaluation of
# whether a budget's goals were met reports on the budget's year
_GOALS_EVALUATION_TITLE = re.compile(r"\btavoitte\w*\s+(?:\w+\s+)?(?:toteutu\w*|arvioin\w*)", re.IGNORECASE)
_BUDGET_YEAR = re.compile(
    rf"\bvuoden\s+({YEAR_DIGITS})\s+talousarvio\w*|\btalousarvio(?:ssa|n)\s+({YEAR_DIGITS})\b(?![-–—−/.]\d)",
    re.IGNORECASE)


def _goals_of_budget_year(title: str | None, text: str, meeting_date: date | None) -> str | None:
    if not title or not _GOALS_EVALUATION_TITLE.search(title):
        return None
    return _the_one_past_year({a or b for a, b in _BUDGET_YEAR.findall(text)}, meeting_date)


def _year_report(title: str, meeting_date: date | None) -> str | None:
    if not _YEAR_REPORT_TITLE.search(title) or _ANSWERS_ACCOUNT.search(title):
        return None
    return _the_one_past_year(set(re.findall(rf"(?<![-–—−/.])\b{YEAR_DIGITS}\b(?![-–—−/.]\d)", title)), meeting_date)


# "Sitovat toiminnan tavoitteet vuonna 2023": a title naming what was in one year reports on that year (a title merely
# ending in a year may name a plan or a reform of that year: "Nuorten kesätyöseteli 2024")
_TITLE_IN_YEAR = re.compile(rf"\bvuonna\s+({YEAR_DIGITS})\b", re.IGNORECASE)


# a title naming an action to take in a year decides it, it reports nothing ("Pöytäkirjan pitäminen yleisesti
# nähtävänä vuonna 2022"; but "Tavoitteiden toteutuminen vuonna 2023" reports)
_ACTION_NOUN = re.compile(r"\w+minen\b", re.IGNORECASE)


def _titled_year(title: str, meeting_date: date | None) -> str | None:
    if _ACTION_NOUN.search(title) and not _REPORTING_WORD.search(title):
        return None
    years = set(_TITLE_IN_YEAR.findall(title))
    return _the_one_past_year(years, meeting_date) if years else None


def _the_one_past_year(years: set[str], meeting_date: date | None) -> str | None:
    """The year when exactly one is named and it has begun by the meeting (an account is of a year gone by)."""
    if len(years) != 1:
        return None
    year = next(iter(years))
    return year if meeting_date is None or int(year) <= meeting_date.year else None


def _is_year_to_date(label: str) -> bool:
    """``2020-01-01/2020-08-31``: from New Year to a month's end of the same year."""
    start, end = (date.fromisoformat(x) for x in label.split("/"))
    return (start.month, start.day) == (1, 1) and start.year == end.year and end == month_end(end.year, end.month)


def _before_meeting(label: str, meeting_date: date | None) -> str:
    """A report is about a period that has ended by its meeting: a year guessed too late steps back."""
    if meeting_date is None:
        return label
    period = parse_period(label)
    if period.start > meeting_date:
        year = int(label[:4]) - 1
        return f"{year}{label[4:]}"
    return label

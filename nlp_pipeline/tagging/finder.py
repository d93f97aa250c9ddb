"""The goal finder: how Finnish reports introduce goals, their names and their owners.

Reads structure and lemmas, not fixed strings:
- list items under a lead line that names goals and ends with a colon ("tavoitteet … ovat seuraavat:");
- "Tavoite X on …" at a sentence or list-item start (the name runs to the finite verb);
- quoted names after a goal word in any case ("tavoitteessa ”X”", "tavoitteeseen 'X' liittyen");
- owner lists under a lead line about owners ("X: terveyspalveluiden toimialajohtaja", or the
  owner on the next line), "Tavoite X: <role>", and "omistajat P (X) ja Q (Y)";
- owner sentences after the goals: "Tavoitteen omistaja on X" under a goal's heading, and
  "Tavoitteiden omistajat, X ja Y, …" pairing people with an enumeration of as many goals, in order;
- a stand-alone heading line that repeats a goal already named in the text, or whose next
  paragraph reports progress on "the goal" ("Tavoite on edennyt …");
- PRIORITY names after the word painopiste ("painopisteeseen Autamme sopivalle polulle").
Results: ``doc.spans["agenda_goals"]`` plus ``doc._.goal_info`` (mention kind and list group per
goal span) and ``doc._.owner_links`` (goal span chars -> owner span chars).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..nlp import text_of
from .components import GOALS_KEY, RULES_KEY, is_finnish
from .resources import lexicon

for _name in ("goal_info", "owner_links"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

LEAD_VERB_RE = re.compile(r"\s(?:on|ovat|oli|olivat|ei|eivät|etenee|etenivät|eteni|edistyy)\s")
TAVOITE_START_RE = re.compile(r"(?:^|(?<=[.!?]\s))(?:Tavoite|Muutostavoite|Sitova tavoite)\s+(?=[A-ZÅÄÖ0-9])")
ITEM_NUMBER_RE = re.compile(r"^\d{1,2}[.)]\s+")
GOAL_LABEL_RE = re.compile(r"(?:\d{1,2}|[A-Z])(?:[.:)]|\s+[-–:])\s*(?=[A-ZÅÄÖ])")
HEADING_MIN_SCORE = 90
MAX_NAME_WORDS = 30


@dataclass
class _Found:
    spans: list[Span] = field(default_factory=list)
    info: dict[tuple[int, int], dict] = field(default_factory=dict)
    links: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    next_group: int = 0

    def add(self, span: Span | None, kind: str | None = None, group: int | None = None) -> Span | None:
        if span is None or any(s.start_char == span.start_char and s.end_char == span.end_char for s in self.spans):
            return span
        self.spans.append(span)
        if span.label_ == "GOAL":
            self.info[(span.start_char, span.end_char)] = {"kind": kind, "group": group}
        return span

    def link(self, goal: Span | None, owner: Span | None) -> None:
        if goal is not None and owner is not None:
            self.links.append(((goal.start_char, goal.end_char), (owner.start_char, owner.end_char)))

    def group(self) -> int:
        self.next_group += 1
        return self.next_group


def _lines(text: str) -> list[tuple[int, int]]:
    """Stripped non-empty lines as (start, end) character offsets."""
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            out.append((start, start + len(stripped)))
        pos += len(raw) + 1
    return out


def _strip_item(text: str, start: int, end: int) -> tuple[int, int]:
    """Drops a list bullet or number in front and conjunctions/punctuation at the end."""
    bullets = lexicon()["bullets"]
    seg = text[start:end]
    m = ITEM_NUMBER_RE.match(seg)
    lead = m.end() if m else len(seg) - len(seg.lstrip(bullets + " \t\xa0"))
    start += lead
    seg = text[start:end]
    trimmed = re.sub(r"(?:[\s,;.:]+|\s+(?:ja|sekä|tai))+$", "", seg)
    return start, start + len(trimmed)


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    span = doc.char_span(start, end, label=label, alignment_mode="contract")
    return span if span is not None and len(span) else None


def _lemmas(doc: Doc, start: int, end: int) -> list[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t.lemma_.lower() for t in span] if span is not None else []


def _has_goal_cue(lemmas: list[str]) -> bool:
    goal = set(lexicon()["goal"])
    return any(lem in goal or lem.endswith("tavoite") for lem in lemmas)


def _has_cue(lemmas: list[str], key: str) -> bool:
    words = set(lexicon()[key])
    return any(lem in words for lem in lemmas)


def _is_bulleted(text: str, start: int) -> bool:
    return text[start] in lexicon()["bullets"] or bool(ITEM_NUMBER_RE.match(text[start:start + 4]))


def _words(text: str) -> int:
    return len(text.split())


def _name_after_tavoite(doc: Doc, start: int, end: int) -> tuple[int, int, str] | None:
    """In "Tavoite X on …" the name X runs to the finite verb, a colon or the sentence end."""
    text = text_of(doc)
    seg = text[start:end]
    m = TAVOITE_START_RE.search(seg)
    if not m:
        return None
    name_start = start + m.end()
    label = GOAL_LABEL_RE.match(text, name_start, end)  # "Tavoite 2: Name", "Tavoite B – Name"
    if label:
        name_start = label.end()
    rest = text[name_start:end]
    stop = len(rest)
    stopper = ""
    for pattern, kind in ((LEAD_VERB_RE, "verb"), (re.compile(r":\s"), "colon"), (re.compile(r"\.(?:\s|$)"), "stop")):
        found = pattern.search(rest)
        if found and found.start() < stop:
            stop, stopper = found.start(), kind
    name_end = name_start + len(rest[:stop].rstrip(" ,;.:"))
    return (name_start, name_end, stopper) if _words(text[name_start:name_end]) <= MAX_NAME_WORDS else None


def _owner_span(doc: Doc, start: int, end: int) -> Span | None:
    start, end = _strip_item(text_of(doc), start, end)
    return _span(doc, start, end, "OWNER") if 0 < _words(text_of(doc)[start:end]) <= 12 else None


def _goal_lists(doc: Doc, lines: list[tuple[int, int]], found: _Found) -> None:
    """Goal lists and owner lists, each under a lead line ending with a colon."""
    text = text_of(doc)
    i = 0
    while i < len(lines):
        s, e = lines[i]
        s = _last_sentence_start(text, s, e)
        lead = text[s:e]
        lemmas = _lemmas(doc, s, e)
        if not lead.endswith(":") or _words(lead) > 40 or not _has_goal_cue(lemmas):
            i += 1
            continue
        if _has_cue(lemmas, "owner"):
            i = _owner_list(doc, lines, i + 1, found)
        else:
            i = _goal_list(doc, lines, i + 1, found)


def _last_sentence_start(text: str, start: int, end: int) -> int:
    """A lead line may hold several sentences; only the one ending in the colon introduces the list."""
    cut = max(text.rfind(". ", start, end), text.rfind("! ", start, end), text.rfind("? ", start, end))
    return cut + 2 if cut >= 0 else start


def _goal_list(doc: Doc, lines: list[tuple[int, int]], i: int, found: _Found) -> int:
    """Items until a line that is prose, not a list item.

    An unbulleted item ends with no full stop unless the item before it ended with a comma
    ("a,\nb,\nc."); items written on consecutive lines end at the first blank line.
    """
    text, group = text_of(doc), found.group()
    first, tight = i, None
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        bulleted = _is_bulleted(text, s)
        if i > first:
            blank = text.count("\n", lines[i - 1][1], s) >= 2
            if tight is None:
                tight = not blank
            elif tight and blank:
                break
        after_comma = i > first and text[lines[i - 1][1] - 1] in ",;"
        if not bulleted and (_words(line) > 15 or (line.endswith((".", ":")) and not after_comma)):
            break
        s, e = _strip_item(text, s, e)
        intro = _name_after_tavoite(doc, s, e)
        if intro:
            found.add(_span(doc, intro[0], intro[1], "GOAL"), "list", group)
        elif _words(text[s:e]) <= MAX_NAME_WORDS and not text[s:e].endswith(":"):
            found.add(_span(doc, s, e, "GOAL"), "list", group)
        i += 1
        if not bulleted and line.endswith("."):
            break
    return i


def _owner_list(doc: Doc, lines: list[tuple[int, int]], i: int, found: _Found) -> int:
    text, group = text_of(doc), found.group()
    pending = None
    while i < len(lines):
        s, e = _strip_item(text, *lines[i])
        raw_end = lines[i][1]
        line = text[s:raw_end]
        colon = line.find(":")
        if line.endswith(":") and _words(line) <= MAX_NAME_WORDS:
            pending = found.add(_span(doc, s, s + colon, "GOAL"), "owner_list", group)
        elif colon > 0 and _words(line[colon + 1:]) <= 12:
            if _is_person(doc, s, s + colon):
                break
            goal = found.add(_span(doc, s, s + colon, "GOAL"), "owner_list", group)
            found.link(goal, found.add(_owner_span(doc, s + colon + 1, e)))
            pending = None
        elif pending is not None and _words(line) <= 12:
            found.link(pending, found.add(_owner_span(doc, s, e)))
            pending = None
        else:
            break
        i += 1
    return i


def _is_person(doc: Doc, start: int, end: int) -> bool:
    return any(e.label_ == "PERSON" and e.start_char <= start and end <= e.end_char + 1 for e in doc.ents)


def _tavoite_intros(doc: Doc, lines: list[tuple[int, int]], found: _Found) -> None:
    """"Tavoite X on …" anywhere a sentence or item starts; "Tavoite X: <owner>" gives the owner."""
    text = text_of(doc)
    for s, e in lines:
        s, e = _strip_item(text, s, e)
        hit = _name_after_tavoite(doc, s, e)
        if not hit:
            continue
        goal = found.add(_span(doc, hit[0], hit[1], "GOAL"), "intro")
        if hit[2] == "colon":
            after = text.index(":", hit[1]) + 1
            if _words(text[after:e]) <= 8:
                found.link(goal, found.add(_owner_span(doc, after, e)))


def _quoted(doc: Doc, found: _Found) -> None:
    """Quoted names after a goal or priority word: the label comes from the cue in front."""
    quotes = re.escape(lexicon()["quotes"])
    pattern = re.compile(rf"(?:(?<=[\s(])|^)[{quotes}]([^{quotes}\n]{{3,250}}?)[{quotes}](?![A-Za-zÅÄÖåäö])")
    prev: tuple[int, str, int] | None = None  # end char, label, group
    for m in pattern.finditer(text_of(doc)):
        start, end = m.span(1)
        head = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        if head is None:
            continue
        window = doc[max(head.sent.start, head.start - 8):head.start]
        cue = _nearest_cue([t.lemma_.lower() for t in window])
        gap = text_of(doc)[prev[0]:m.start()].strip() if prev else None
        if prev and gap in {"ja", "sekä", "tai", ","}:
            label, group = prev[1], prev[2]
        elif cue == "GOAL":
            label, group = "GOAL", found.group()
        elif cue == "PRIORITY":
            label, group = "PRIORITY", None
        else:
            prev = None
            continue
        stripped = text_of(doc)[start:end].strip()
        start += text_of(doc)[start:end].index(stripped[0]) if stripped else 0
        found.add(_span(doc, start, start + len(stripped), label), "quote", group)
        prev = (m.end(), label, group)


def _nearest_cue(lemmas: list[str]) -> str | None:
    """The label of the cue word closest before a quote ("tavoite liittyy painopisteeseen ”X”" -> PRIORITY)."""
    for lem in reversed(lemmas):
        if _has_goal_cue([lem]):
            return "GOAL"
        if _has_cue([lem], "priority"):
            return "PRIORITY"
    return None


def _parenthesised(doc: Doc, found: _Found) -> None:
    """"Tavoitteen omistajat Marika P-J (Goal A) ja Jorma H (Goal B)": the person owns the goal in brackets."""
    people = [e for e in doc.ents if e.label_ == "PERSON"] + [s for s in doc.spans.get(RULES_KEY, []) if s.label_ == "ROLE"]
    groups: dict[int, int] = {}
    for person in people:
        m = re.match(r"\s*\(([^()]{3,250})\)", text_of(doc)[person.end_char:])
        if not m:
            continue
        outside = _outside_brackets(person.sent)
        if not (_has_cue(outside, "owner") and _has_goal_cue(outside)):
            continue
        group = groups.setdefault(person.sent.start, found.group())
        start = person.end_char + m.start(1)
        goal = found.add(_span(doc, start, start + len(m.group(1)), "GOAL"), "paren", group)
        found.link(goal, found.add(Span(doc, person.start, person.end, "OWNER")))


def _outside_brackets(sent: Span) -> list[str]:
    """Lemmas of a sentence outside any (…): the cue must frame the bracket, not sit in it."""
    depth, out = 0, []
    for t in sent:
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.text != ")":
            out.append(t.lemma_.lower())
    return out


def _headings(doc: Doc, lines: list[tuple[int, int]], found: _Found) -> None:
    """A stand-alone short line that repeats a goal named elsewhere in the text is that goal's heading."""
    names = [s.text.lower() for s in found.spans if s.label_ == "GOAL"]
    if not names:
        return
    text = text_of(doc)
    for s, e in lines:
        line = text[s:e]
        if _is_bulleted(text, s) or line.endswith((".", ":", ",")) or _words(line) > 15:
            continue
        if any(span.start_char <= s < span.end_char for span in found.spans):
            continue
        stems = _stems(line)
        if len(stems.split()) >= 3 and max(fuzz.token_sort_ratio(stems, _stems(n)) for n in names) >= HEADING_MIN_SCORE:
            found.add(_span(doc, s, e, "GOAL"), "heading")


def _stems(text: str) -> str:
    """Word prefixes, order-free: a heading repeats a goal in another case or with ja for sekä."""
    return " ".join(w[:5] for w in re.findall(r"[^\W\d]+", text.lower()) if w not in ("ja", "sekä", "tai"))


def _reported_headings(doc: Doc, lines: list[tuple[int, int]], found: _Found) -> None:
    """A short stand-alone line whose next paragraph reports progress on "the goal" names that goal.

    "Talouden tasapaino / Tavoite on edennyt osittain viiveellä …": the next paragraph opens with
    the singular word tavoite (tavoite, tavoitteen osalta, tavoitteessa) and holds a PROGRESS phrase.
    """
    text = text_of(doc)
    progress = [s for s in doc.spans.get(RULES_KEY, []) if s.label_ == "PROGRESS"]
    for (s, e), (ns, ne) in zip(lines, lines[1:]):
        line = text[s:e]
        if _is_bulleted(text, s) or line.endswith((".", ":", ",", ";")) or not 2 <= _words(line) <= 12:
            continue
        if any(span.start_char <= s < span.end_char for span in found.spans) or _has_goal_cue(_lemmas(doc, s, e)):
            continue
        opening = doc.char_span(ns, ne, alignment_mode="expand")
        if opening is None:
            continue
        first = next(iter(opening.sents))
        singular_cue = any(t.lemma_.lower() == "tavoite" and "Sing" in t.morph.get("Number") for t in first[:6])
        if singular_cue and any(ns <= p.start_char < ne for p in progress):
            found.add(_span(doc, s, e, "GOAL"), "heading")


def _owner_statements(doc: Doc, lines: list[tuple[int, int]], found: _Found) -> None:
    """Sentences about owners after the goals were named.

    "Tavoitteen omistaja on X." (singular cue at the sentence start) names the owner of the goal on
    the same or the previous line (its heading); "Tavoitteiden omistajat, X ja Y, …" (plural cue)
    names one owner per goal of the enumeration before it, in the same order.
    """
    goals = sorted((s for s in found.spans if s.label_ == "GOAL"), key=lambda s: s.start_char)
    if not goals:
        return
    cues = set(lexicon()["owner"])
    for sent in doc.sents:
        cue = next((t for t in sent[:4] if t.lemma_.lower() in cues and t.pos_ == "NOUN"), None)
        if cue is None or "(" in sent.text:  # "omistajat P (X) ja Q (Y)" is the bracket rule's
            continue
        before = [g for g in goals if g.end_char <= sent.start_char]
        if "Plur" in cue.morph.get("Number"):
            _owners_in_order(doc, sent, cue, before, found)
        elif before and _line_index(lines, sent.start_char) - _line_index(lines, before[-1].start_char) <= 1:
            _owner_predicate(doc, sent, cue, before[-1], found)


def _line_index(lines: list[tuple[int, int]], pos: int) -> int:
    return next((i for i, (s, e) in enumerate(lines) if s <= pos <= e), -1)


def _owner_predicate(doc: Doc, sent: Span, cue, goal: Span, found: _Found) -> None:
    """"Tavoitteen omistaja on / oli / : X": X runs to the sentence end."""
    i = cue.i + 1
    if i >= sent.end or doc[i].lower_ not in ("on", "oli", ":"):
        return
    start = doc[i].idx + len(doc[i].text)
    owner = _owner_span(doc, start, sent.end_char)
    if owner is not None and not _has_cue([t.lemma_.lower() for t in owner], "owner"):
        found.link(goal, found.add(owner))


def _owners_in_order(doc: Doc, sent: Span, cue, before: list[Span], found: _Found) -> None:
    """People (with the role written in front of them) after a plural owner cue, paired with the last enumeration of as many goals."""
    roles = {s.end: s for s in doc.spans.get(RULES_KEY, []) if s.label_ == "ROLE"}
    people = [e for e in sent.ents if e.label_ == "PERSON" and e.start > cue.i]
    owners = [Span(doc, roles[p.start].start if p.start in roles else p.start, p.end, "OWNER") for p in people]
    if len(owners) < 2:
        return
    groups: dict[int, list[Span]] = {}
    for g in before:
        group = found.info[(g.start_char, g.end_char)]["group"]
        if group is not None:
            groups.setdefault(group, []).append(g)
    matching = [members for members in groups.values() if len(members) == len(owners)]
    if matching:
        for goal, owner in zip(max(matching, key=lambda m: m[-1].start_char), owners):
            found.link(goal, found.add(owner))


def _priorities(doc: Doc, found: _Found) -> None:
    """Capitalised names after the word painopiste, split at commas and ja."""
    cues = set(lexicon()["priority"])
    for tok in doc:
        if tok.lemma_.lower() not in cues:
            continue
        i = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":")
        if i < len(doc) and doc[i].text == "(":
            _bracketed_list(doc, i + 1, found)
            continue
        while i < len(doc) and doc[i].is_title:
            j = i + 1
            while j < len(doc) and not doc[j].is_punct and doc[j].lower_ not in ("ja", "sekä") and not doc[j].is_space:
                j += 1
            found.add(Span(doc, i, j, "PRIORITY"))
            if j < len(doc) and doc[j].lower_ in (",", "ja", "sekä") and j + 1 < len(doc) and doc[j + 1].is_title:
                i = j + 1
            else:
                break


def _bracketed_list(doc: Doc, i: int, found: _Found) -> None:
    """"painopisteisiin (järjestämme vaikuttavat palvelut, osaamme ennakoida ja …)": one name per item."""
    start = i
    while i < len(doc) and doc[i].text != ")" and not doc[i].is_space:
        if doc[i].text == "," or doc[i].lower_ in ("ja", "sekä"):
            if i > start:
                found.add(Span(doc, start, i, "PRIORITY"))
            start = i + 1
        i += 1
    if i < len(doc) and doc[i].text == ")" and i > start:
        found.add(Span(doc, start, i, "PRIORITY"))


def _metrics(doc: Doc, found: _Found) -> None:
    """What a key result measures, read off the parse around the word mittari or the verb mitata.

    "X on uusi mittari" (X the copula subject), "mittari on X" (X the predicate), "mittarina
    käytetään X" (X the object), "toteutumista mitataan X:llä" (X the adessive oblique).
    """
    cues = set(lexicon()["metric"])
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in cues:
            if tok.dep_ == "nsubj:cop":
                target = [tok.head] if tok.head.i > tok.i else []
            elif tok.dep_ == "obl" and "Ess" in tok.morph.get("Case"):
                target = [c for c in tok.head.children if c.dep_ in ("obj", "nsubj", "nsubj:pass")]
            elif tok.dep_ == "ROOT":
                target = [c for c in tok.children if c.dep_ == "nsubj:cop"]
            else:
                continue
        elif lemma == "mitata":
            target = [c for c in tok.children if c.dep_ == "obl" and "Ade" in c.morph.get("Case")]
        else:
            continue
        for head in target[:1]:
            span = _phrase(doc, head, exclude=tok)
            if span is not None:
                found.add(Span(doc, span.start, span.end, "METRIC"))


def _phrase(doc: Doc, head, exclude) -> Span | None:
    """The head's subtree without the cue's own subtree, copulas and punctuation at the edges."""
    skip = set(range(exclude.left_edge.i, exclude.right_edge.i + 1)) if exclude.head == head else set()
    toks = [t for t in head.subtree if t.i not in skip and t.dep_ not in ("cop", "punct", "cc") or t.i == head.i]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    if not toks or toks[-1].i - toks[0].i + 1 > 12:
        return None
    return doc[toks[0].i:toks[-1].i + 1]


@Language.factory("agenda_goal_finder", default_config={})
def make_goal_finder(nlp: Language, name: str) -> "GoalFinder":
    return GoalFinder()


class GoalFinder:
    def __call__(self, doc: Doc) -> Doc:
        found = _Found()
        if is_finnish(doc):
            lines = _lines(text_of(doc))
            _goal_lists(doc, lines, found)
            _tavoite_intros(doc, lines, found)
            _quoted(doc, found)
            _parenthesised(doc, found)
            _headings(doc, lines, found)
            _reported_headings(doc, lines, found)
            _owner_statements(doc, lines, found)
            _priorities(doc, found)
            _metrics(doc, found)
        doc.spans[GOALS_KEY] = found.spans
        doc._.goal_info = found.info
        doc._.owner_links = found.links
        return doc

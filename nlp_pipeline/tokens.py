"""Token corrections made before the stock model tags and parses.

The Finnish tokenizer keeps a full stop on a number as an ordinal (``2. vaiheen``), also when the number
ends a sentence and the next one starts with a capital (``Hakijoita oli 12. Asiakkaita oli 120.``): the
parser then runs the two sentences together and the count reads as an ordinal. A number with a full stop,
followed by a capitalised word, a line break or the end of the text, and not opening its line (``1. Johdanto``
is a numbered heading), is split into the number and the sentence's full stop.

The parser may also start a sentence inside a word joined by a dash (``Huhti–kesäkuussa 44 %`` after a full stop
becomes ``Huhti`` and ``–kesäkuussa 44 %``), losing the period the figure is of; a dash written against the word
before it never starts a sentence (``joined_by_dash``). Nor does a word right after a word or number on the same line
(``mid_line_words``): Finnish capitalises names of bodies mid-sentence, and the parser starts a sentence at them
(``Perusvuokra Kasvatuksen ja koulutuksen toimialalle on 30,89 euroa/m²/kk``), cutting the figure off from the
noun it measures.

Text transcribed from PDFs glues a number to the word before it (``keskimäärin5 viikkoa``, ``osalta1,9 milj.
eurolla``, ``yhteen7 235 eurolla``): the tagger then reads one unknown word. When Voikko knows the letters as a
word, the token is split into the word and the number (``glued_numbers``); codes stay whole (``covid19``,
``kampus4`` is split only because ``kampus`` is a word, and its number is no figure either way).

Rows of tables and lists carry no full stops: the parser runs them together or splits them, and a row's figure
ends up with another row's label. Runs of lines that open like rows and end in a value are kept one sentence each
(``value_row_ends``).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

NUMBER_WITH_STOP = re.compile(r"\d+\.")
GLUED_NUMBER = re.compile(r"(?P<word>[a-zåäö]{4,})(?P<number>\d{1,3}(?:,\d+)?)")


@Language.component("sentence_final_numbers")
def split_sentence_final_numbers(doc: Doc) -> Doc:
    ends = [tok for tok in doc[1:] if _ends_sentence(tok)]
    if ends:
        with doc.retokenize() as retokenizer:
            for tok in ends:
                retokenizer.split(tok, [tok.text[:-1], "."], heads=[(tok, 0), (tok, 0)])
    return doc


def _ends_sentence(tok) -> bool:
    """Before a capitalised word, a line break or the end of the text, on a line the number does not open."""
    if not NUMBER_WITH_STOP.fullmatch(tok.text):
        return False
    last = tok.i == len(tok.doc) - 1
    if not last and not tok.whitespace_:
        return False
    nxt, before = (None if last else tok.nbor(1)), tok.nbor(-1)
    opens_line = "\n" in before.text or "\n" in before.whitespace_
    ends = last or nxt.text[:1].isupper() or nxt.text.startswith("\n")
    return ends and not opens_line and before.text not in (":", ";", "(")  # "kohdat: 1. Johdanto"


DASHES = "-–—"


@Language.component("joined_by_dash")
def keep_dash_joined_words_together(doc: Doc) -> Doc:
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if tok.text[:1] in DASHES and not before.whitespace_ and before.is_alpha:
            tok.is_sent_start = False
    return doc


@Language.component("mid_line_words")
def keep_mid_line_words_in_sentence(doc: Doc) -> Doc:
    for before, tok in zip(doc, doc[1:]):
        if before.whitespace_ == " " and (before.is_alpha or before.like_num) and not (tok.is_space or tok.text == "|"):
            tok.is_sent_start = False  # a table's cells (" | ") and line breaks may still part sentences
    return doc


@Language.factory("glued_numbers")
def make_glued_numbers(nlp: Language, name: str) -> "GluedNumbers":
    return GluedNumbers(nlp)


class GluedNumbers:
    """Splits ``keskimäärin5`` into ``keskimäärin`` and ``5`` when Voikko knows the word; without Voikko, nothing.
    The stock lemmatizer's Voikko is looked up on first use: the component stands before it in the pipeline, so it
    may be built (as on loading a saved pipeline) before the lemmatizer exists."""

    def __init__(self, nlp: Language):
        self._nlp = nlp
        self._voikko = None

    def _speller(self):
        if self._voikko is None and "lemmatizer" in self._nlp.pipe_names:
            self._voikko = getattr(self._nlp.get_pipe("lemmatizer"), "voikko", None)
        return self._voikko

    def __call__(self, doc: Doc) -> Doc:
        voikko = self._speller()
        if voikko is None:
            return doc
        glued = [(tok, m) for tok in doc if (m := GLUED_NUMBER.fullmatch(tok.text)) and voikko.spell(m["word"])]
        if glued:
            with doc.retokenize() as retokenizer:
                for tok, m in glued:
                    retokenizer.split(tok, [m["word"], m["number"]], heads=[(tok, 1), (tok, 1)])
        return doc


LIST_MARKS = frozenset("-–•*▪●·")  # bullets and dashes that open a list item


@Language.component("value_row_ends")
def keep_value_rows_whole(doc: Doc) -> Doc:
    """Lines of a table or a list that open like rows (a capital, a digit or a list mark) and end in a value
    (``Lounasateria 9,80 € 11,50 €``) are sentences of their own: rows carry no full stops, and a parse that runs them
    together or splits them hangs one row's figure on another's label. A row may put its value on a line of its own
    under its label (``• Materiaalivuokra`` / ``20 € / lukukausi``). Rows come in runs: a lone line ending in a number
    between paragraphs is a heading (``Avustukset vuodelle 2019, erä 3``), and a row whose next line goes on in
    lower case is a sentence broken across lines."""
    lines = _joined_value_lines(_lines(doc))
    rows = [_is_row(line) for line in lines]
    for n, line in enumerate(lines):
        following = lines[n + 1] if n + 1 < len(lines) else None
        in_run = (n > 0 and rows[n - 1]) or (following is not None and rows[n + 1]) or line[0].text in LIST_MARKS
        if not rows[n] or not in_run or (following is not None and not _opens_row(following[0])):
            continue
        line[0].is_sent_start = True
        for tok in doc[line[0].i + 1: line[-1].i + 1]:  # the line break inside a joined row too
            tok.is_sent_start = False
    return doc


def _joined_value_lines(lines: list[list]) -> list[list]:
    """Lines with a label and no value followed by a line holding only a value, each pair as one line."""
    joined = []
    for line in lines:
        label = joined[-1] if joined else None
        if label is not None and _is_value_line(line) and _is_label_line(label):
            joined[-1] = label + line
        else:
            joined.append(line)
    return joined


def _is_value_line(line: list) -> bool:
    return line[0].text[:1].isdigit() and _ends_in_value(line[-1]) and len(line) <= VALUE_LINE_MAX_TOKENS


def _is_label_line(line: list) -> bool:
    return _opens_row(line[0]) and not _ends_in_value(line[-1]) and line[-1].text[-1] not in ".!?:" and (
        len(line) <= ROW_MAX_TOKENS) and not _has_full_stop(line)


def _is_row(line: list) -> bool:
    return _opens_row(line[0]) and _ends_in_value(line[-1]) and len(line) <= ROW_MAX_TOKENS and not _has_full_stop(line)


ROW_MAX_TOKENS = 25
VALUE_LINE_MAX_TOKENS = 8


def _has_full_stop(line: list) -> bool:
    """A sentence ends inside the line: prose, not a row."""
    return any(tok.text[-1] in ".!?" and nxt.text[:1].isupper() for tok, nxt in zip(line, line[1:]))


def _lines(doc: Doc) -> list[list]:
    """The tokens of each text line, without space tokens; a space token with a line break ends a line."""
    lines, current = [], []
    for tok in doc:
        if tok.is_space:
            if "\n" in tok.text and current:
                lines.append(current)
                current = []
            continue
        current.append(tok)
        if "\n" in tok.whitespace_:
            lines.append(current)
            current = []
    if current:
        lines.append(current)
    return lines


def _opens_row(tok) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text in LIST_MARKS


def _ends_in_value(tok) -> bool:
    """A number, or a unit right after one (``9,40 €``, ``50 kpl``, ``3,00 €/t``)."""
    if any(c.isdigit() for c in tok.text):
        return True
    after_number = tok.i > 0 and any(c.isdigit() for c in tok.nbor(-1).text)
    unit_like = len(tok.text) <= 8 if tok.is_alpha else tok.text not in ".:,;)"
    return after_number and unit_like

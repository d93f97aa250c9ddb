"""Token corrections made before the stock model tags and parses.

The Finnish tokenizer keeps a full stop on a number as an ordinal (``2. vaiheen``), also when the number
ends a sentence and the next one starts with a capital (``Hakijoita oli 12. Asiakkaita oli 120.``): the
parser then runs the two sentences together and the count reads as an ordinal. A number with a full stop,
followed by a capitalised word, a line break or the end of the text, and not opening its line (``1. Johdanto``
is a numbered heading), is split into the number and the sentence's full stop.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

NUMBER_WITH_STOP = re.compile(r"\d+\.")


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

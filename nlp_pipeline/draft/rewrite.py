"""Optional smoothing of template sentences with a local transformers model.

The model is read from a local folder only (``local_files_only=True``; nothing is ever fetched from
a hub). A rewrite is accepted only if it keeps every number, quoted name, capitalised name and
period phrase of the template sentence and adds no number; otherwise the template text stands.
"""
from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from .compare import DraftError
from .compose import Block, Draft
from .finnish import numbers_in

PROMPT = "Kirjoita sujuvammin muuttamatta lukuja ja nimiä: "
_QUOTED = re.compile(r"”[^”]+”")
_NAME = re.compile(r"(?<=\s)[A-ZÅÄÖ][\w-]+")
_PERIOD = re.compile(r"\w+ (?:vuosineljännek\w*|vuosipuolisko\w*)|vuonna|vuoden", re.IGNORECASE)


class RewriteWarning(UserWarning):
    pass


def protected_terms(text: str) -> tuple[Counter, set[str]]:
    """(numbers as a multiset, names and period phrases) that a rewrite must keep."""
    text = " ".join(text.split())
    words = set(_QUOTED.findall(text)) | set(_NAME.findall(_QUOTED.sub(" ", text)))
    words |= {m.lower() for m in _PERIOD.findall(text)}
    return Counter(numbers_in(text)), words


def keeps_facts(template: str, candidate: str) -> bool:
    numbers, words = protected_terms(template)
    cand_numbers, _ = protected_terms(candidate)
    flat = " ".join(candidate.split())
    return bool(flat) and numbers == cand_numbers and all(w in flat or w in flat.lower() for w in words)


@lru_cache(maxsize=2)
def _load(path: str):
    if not Path(path, "config.json").is_file():
        raise DraftError(f"{path}: no transformers model here (config.json missing)")
    try:
        import torch  # noqa: F401  (transformers needs it to run a model)
        from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer
    except ImportError as exc:
        raise DraftError(f"--rewrite-model needs torch and transformers ({exc.name} is missing): "
                         "pip install 'agenda-nlp[rewrite]'") from None

    config = AutoConfig.from_pretrained(path, local_files_only=True)
    loader = AutoModelForSeq2SeqLM if config.is_encoder_decoder else AutoModelForCausalLM
    model = loader.from_pretrained(path, local_files_only=True).eval()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    return model, tokenizer, config.is_encoder_decoder


def rewrite(text: str, model_path: str | Path) -> tuple[str, bool]:
    """Offer ``text`` to the local model; return (rewrite, True) if it keeps the facts, else (text, False).

    Greedy decoding, at most half again as many tokens as the sentence has: a smoother sentence is
    not a longer one.
    """
    model, tokenizer, seq2seq = _load(str(model_path))  # first: it explains a missing torch
    import torch

    inputs = tokenizer(text if seq2seq else PROMPT + text, return_tensors="pt")
    budget = len(tokenizer(text)["input_ids"]) * 3 // 2 + 8
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    with torch.no_grad():
        output = model.generate(**inputs, max_new_tokens=budget, do_sample=False, pad_token_id=pad)
    if not seq2seq:
        output = output[:, inputs["input_ids"].shape[1]:]
    candidate = " ".join(tokenizer.decode(output[0], skip_special_tokens=True).split())
    return (candidate, True) if keeps_facts(text, candidate) else (text, False)


def rewrite_draft(draft: Draft, model_path: str | Path) -> Draft:
    """Rewrite every sentence; warn once about the ones whose rewrite was refused."""
    refused = 0
    blocks = []
    for block in draft.blocks:
        sentences = []
        for s in block.sentences:
            text, accepted = rewrite(s.text, model_path)
            refused += not accepted
            sentences.append(replace(s, text=text))
        blocks.append(Block(block.heading, block.level, tuple(sentences)))
    if refused:
        warnings.warn(f"rewrite: kept the template text of {refused} of {len(draft.sentences())} sentences "
                      "(the model changed a number, name or period)", RewriteWarning, stacklevel=2)
    return replace(draft, blocks=tuple(blocks))

"""Re-read every document of the segmentation gold through ingest and check each span still fits.

Offsets point into the normalised text that ``nlp_pipeline.ingest.read_path`` produces, so a change
to normalisation silently shifts them; this script is the guard. It checks, per document: the file
exists, sections tile the text in order (each ends at the last non-space character before the next
one starts), every heading is written at its section's start, ``starts_with`` equals the first 30
characters of the span, kinds and metadata keys are the contract's.

    python3 corpus/gold/check_segmentation_gold.py [GOLD.jsonl] [--shared DIR]

Exit status 1 and one line per problem when anything is off.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from nlp_pipeline.ingest import read_path  # noqa: E402

KINDS = {"header", "summary", "preparer", "presenter", "description", "authority", "proposal", "decision",
         "handling", "enforcement", "appeal", "attachments", "info", "other"}
META_KEYS = {"organisation", "body", "meeting_date", "item_number", "diary_number", "title", "preparer",
             "report_period"}
PERIOD = re.compile(r"\d{4}(-(Q[1-4]|H[12]))?$")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def heading_at(text: str, start: int, heading: str) -> bool:
    """The heading's words, in order, at ``start``; a line break may stand between them."""
    pattern = r"\s+".join(map(re.escape, heading.split()))
    return re.match(pattern, text[start:]) is not None


def content_end(text: str, start: int, stop: int) -> int:
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return stop


def check_record(rec: dict, shared: Path) -> list[str]:
    name = rec.get("file", "?")
    path = shared / name
    if not path.is_file():
        return [f"{name}: file not found under {shared}"]
    text = read_path(path).text
    problems = []
    if rec.get("split") not in {"dev", "test"}:
        problems.append(f"split {rec.get('split')!r} is not dev/test")
    sections = rec.get("sections") or []
    if not sections:
        problems.append("no sections")
    elif text[: sections[0]["start"]].strip():
        problems.append("text before the first section")
    for i, sec in enumerate(sections):
        start, end, kind, heading = sec["start"], sec["end"], sec["kind"], sec["heading"]
        where = f"section {i} ({kind} @{start})"
        stop = sections[i + 1]["start"] if i + 1 < len(sections) else len(text)
        if kind not in KINDS:
            problems.append(f"{where}: unknown kind")
        if not 0 <= start < end <= stop:
            problems.append(f"{where}: span {start}..{end} out of order (next starts at {stop})")
            continue
        if end != content_end(text, start, stop):
            problems.append(f"{where}: ends at {end}, last non-space before next section is at "
                            f"{content_end(text, start, stop)}")
        if text[start:end][:30] != sec["starts_with"]:
            problems.append(f"{where}: starts_with {sec['starts_with']!r} but text has {text[start:end][:30]!r}")
        if kind == "header" and heading is not None:
            problems.append(f"{where}: a header has no heading, found {heading!r}")
        if heading is not None and not heading_at(text, start, heading):
            problems.append(f"{where}: heading {heading!r} not at start ({text[start:start + 40]!r})")
    meta = rec.get("meta") or {}
    if set(meta) != META_KEYS:
        problems.append(f"meta keys differ: {sorted(set(meta) ^ META_KEYS)}")
    if meta.get("meeting_date") and not DATE.match(meta["meeting_date"]):
        problems.append(f"meeting_date {meta['meeting_date']!r} is not YYYY-MM-DD")
    if meta.get("report_period") and not PERIOD.match(meta["report_period"]):
        problems.append(f"report_period {meta['report_period']!r} is not 2026-Q1 / 2025-H1 / 2025")
    return [f"{name}: {p}" for p in problems]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=Path(__file__).with_name("segmentation.jsonl"), type=Path)
    parser.add_argument("--shared", default=REPO.parent / "shared", type=Path,
                        help="folder holding seeds/ and corpus/ (default: ../shared beside the repo)")
    args = parser.parse_args(argv)
    problems, records, seen = [], 0, set()
    for lineno, line in enumerate(args.gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        records += 1
        if rec["file"] in seen:
            problems.append(f"{rec['file']}: listed twice (line {lineno})")
        seen.add(rec["file"])
        problems += check_record(rec, args.shared)
    for p in problems:
        print(p)
    print(f"{records} documents, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""The blind-passage tools in corpus/passages/: annotator agreement, scored as the extractor is scored."""
import json
import subprocess
import sys
from pathlib import Path

AGREEMENT = Path(__file__).resolve().parents[1] / "corpus" / "passages" / "agreement.py"
TEXT = "Kunnan asukasluku kasvoi 1,2 % ja oli vuoden lopussa 12 400. Kirjastossa oli 51 000 käyntiä."


def annotation(tmp_path, name: str, figures: list[tuple[str, float, str, str]]) -> Path:
    def figure(span: str, value: float, unit: str, subject: str) -> dict:
        start = TEXT.index(span)
        return {"start": start, "end": start + len(span), "text": span, "value": value, "unit": unit,
                "subject": subject, "period": None, "approx": False, "bound": None}

    path = tmp_path / f"{name}.jsonl"
    record = {"id": "T-01", "url": "invented", "text": TEXT, "figures": [figure(*f) for f in figures]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def agreement(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(AGREEMENT), *map(str, paths)], capture_output=True, text=True)


def test_agreement_scores_the_second_annotator_against_the_first(tmp_path):
    first = annotation(tmp_path, "a", [("1,2 %", 1.2, "percent", "asukasluku"), ("12 400", 12400, "count", "asukasluku"),
                                       ("51 000", 51000, "count", "kirjastokäynti")])
    # the second reads the count as people, not the population, and misses the visits
    second = annotation(tmp_path, "b", [("1,2 %", 1.2, "percent", "luku"), ("12 400", 12400, "count", "asukas")])
    out = agreement(first, second)
    assert out.returncode == 0, out.stderr
    assert "annotators: 3 / 2 figures, 2 matched, F1 0.800" in out.stdout
    # luku is the compound head of asukasluku, so only the second subject is a disagreement (the evaluator's equality)
    assert "subject    0.500" in out.stdout and "'12 400': 'asukasluku' / 'asukas'" in out.stdout
    assert "'1,2 %'" not in out.stdout


def test_agreement_refuses_passages_whose_texts_differ(tmp_path):
    first = annotation(tmp_path, "a", [])
    second = tmp_path / "b.jsonl"
    second.write_text(first.read_text(encoding="utf-8").replace("Kunnan", "Kaupungin"), encoding="utf-8")
    out = agreement(first, second)
    assert out.returncode == 1 and "passage T-01 missing or its text differs" in out.stderr

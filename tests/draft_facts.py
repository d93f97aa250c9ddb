"""Small fact sets for the draft tests, written through the real store (``Store.write``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from nlp_pipeline.model import (DocumentMeta, DocumentResult, Figure, Goal, Section, SegmentedDocument,
                                SourceDocument)
from nlp_pipeline.store import Store


@dataclass
class Doc:
    """One report: its sentences become the text; goals and figures point into them by sentence index."""

    source: str
    period: str
    body: str
    meeting: date
    sentences: list[str]
    goals: list[dict] = field(default_factory=list)  # goal_id, name, goal_key, owner, status, sentence
    figures: list[dict] = field(default_factory=list)  # figure_id, value, unit, subject, qualifier, sentence, ...
    organisation: str = "Testilän hyvinvointialue"
    title: str = "Tavoitteiden raportointi"


def _result(doc: Doc) -> DocumentResult:
    text = "\n\n".join(doc.sentences)
    starts = [text.index(s) for s in doc.sentences]
    source = SourceDocument(source=doc.source, text=text, format="txt", lang="fi")
    meta = DocumentMeta(organisation=doc.organisation, body=doc.body, meeting_date=doc.meeting,
                        title=doc.title, report_period=doc.period)
    section = Section(0, "description", "Selostus", 0, len(text), text)
    goals = tuple(Goal(g["goal_id"], g["name"], g["goal_key"], g.get("owner"), g.get("status"), g.get("status"),
                       doc.period, starts[g["sentence"]], starts[g["sentence"]] + len(g["name"]))
                  for g in doc.goals)
    figures = []
    for f in doc.figures:
        i = f["sentence"]
        extra = {k: v for k, v in f.items() if k not in ("figure_id", "value", "unit", "unit_word", "sentence")}
        figures.append(Figure(f["figure_id"], f["value"], f["unit"], f.get("unit_word"), starts[i], starts[i] + 1,
                              doc.sentences[i], section_kind="description", **extra))
    return DocumentResult(SegmentedDocument(source, meta, (section,)), goals=goals, figures=tuple(figures))


def write_db(path: Path, docs: list[Doc]) -> Path:
    with Store(path) as store:
        store.write([_result(d) for d in docs])
    return path


def seeds_like() -> list[Doc]:
    """The shape of the two seed reports, in our own words: all five goals then, two of them now."""
    names = ["Asiakas saa yhteyden", "Tavoitteet yhdessä", "Ammattilaiset yhdessä", "Osaaminen", "Tuottavuus"]
    owners = ["perhepalveluiden johtaja", "terveyspalveluiden johtaja", "ikäpalveluiden johtaja",
              "henkilöstöjohtaja", "talousjohtaja"]
    then = Doc("then.txt", "2025-H1", "Aluehallitus", date(2025, 9, 8),
               [f"Tavoite {n} on omistajan {o} vastuulla." for n, o in zip(names, owners)]
               + ["Tehtäviä on 717, joista kesken 54 % ja valmiina 35 %.", "Aloittamatta on 11 %."],
               goals=[{"goal_id": f"g1-{k}", "name": n, "goal_key": f"k{k}", "owner": o, "sentence": k}
                      for k, (n, o) in enumerate(zip(names, owners))],
               figures=[{"figure_id": "f1-t", "value": 717, "unit": "count", "subject": "tehtävä", "sentence": 5},
                        {"figure_id": "f1-k", "value": 54, "unit": "percent", "subject": "tehtävä",
                         "qualifier": "kesken", "sentence": 5},
                        {"figure_id": "f1-v", "value": 35, "unit": "percent", "subject": "tehtävä",
                         "qualifier": "valmis", "sentence": 5},
                        {"figure_id": "f1-a", "value": 11, "unit": "percent", "subject": "tehtävä",
                         "qualifier": "aloittamatta", "sentence": 6}])
    now = Doc("now.txt", "2026-Q1", "Integraatiovaliokunta", date(2026, 5, 28),
              ["Tavoite Asiakas saa yhteyden eteni suunnitellusti, omistaja Maija Meikäläinen.",
               "Tavoite Ammattilaiset yhdessä on haastavampi, omistaja Matti Virtanen.",
               "Tehtäviä on 184.", "Valmiina noin 32 %, kesken noin 48 % ja aloittamatta noin 20 %.",
               "Ratkaistuja yhteydenottoja oli 38 %, 2 prosenttiyksikköä enemmän kuin vuonna 2025 (36 %)."],
              goals=[{"goal_id": "g2-0", "name": names[0], "goal_key": "k0", "owner": "Maija Meikäläinen",
                      "status": "on_track", "sentence": 0},
                     {"goal_id": "g2-2", "name": names[2], "goal_key": "k2", "owner": "Matti Virtanen",
                      "status": "at_risk", "sentence": 1}],
              figures=[{"figure_id": "f2-t", "value": 184, "unit": "count", "subject": "tehtävä", "sentence": 2},
                       *({"figure_id": f"f2-{q[0]}", "value": v, "unit": "percent", "subject": "tehtävä",
                          "qualifier": q, "approx": True, "sentence": 3}
                         for q, v in (("valmis", 32), ("kesken", 48), ("aloittamatta", 20))),
                       {"figure_id": "f2-r", "value": 38, "unit": "percent", "subject": "yhteydenotto",
                        "qualifier": "ratkaistu", "baseline_value": 36, "baseline_period": "2025",
                        "goal_id": "g2-0", "sentence": 4},
                       {"figure_id": "f2-p", "value": 2, "unit": "percentage_point", "subject": "yhteydenotto",
                        "goal_id": "g2-0", "sentence": 4},
                       {"figure_id": "f2-b", "value": 36, "unit": "percent", "subject": "yhteydenotto",
                        "period": "2025", "goal_id": "g2-0", "sentence": 4}])
    return [then, now]

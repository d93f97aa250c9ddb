"""Tagging on real text (the two seeds, a plain Ahjo decision, a Swedish Ahjo item) and on our demo corpus against its EXPECTED.md."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlp_pipeline.tagging import build_goals, entities, goal_scopes, training

SEED_2025 = "seeds/kantahame-aluehallitus-2025-09-08-asia281.txt"
SEED_2026 = "seeds/kantahame-integraatiovaliokunta-2026-05-28-p36.txt"


@pytest.fixture(scope="module")
def analysed():
    return {f: training.analyse(f) for f in (SEED_2025, SEED_2026)}


@pytest.fixture(scope="module")
def goals(analysed):
    document, docs = analysed[SEED_2025]
    first = build_goals(docs, document)
    document2, docs2 = analysed[SEED_2026]
    second = build_goals(docs2, document2, known_keys={g.goal_key: g.name for g in first})
    return first, second


def _by_prefix(goals, prefix):
    [goal] = [g for g in goals if g.name.startswith(prefix)]
    return goal


def test_2025_seed_lists_five_goals_with_role_owners(goals, analysed):
    first, _ = goals
    text = analysed[SEED_2025][0].source.text
    assert len(first) == 5
    assert all(text[g.start_char:g.end_char] == g.name for g in first)
    assert _by_prefix(first, "Saavutamme").owner == "terveyspalveluiden toimialajohtaja"
    assert _by_prefix(first, "Asiakas saa").owner == "perhe-, sosiaali- ja vammaispalveluiden toimialajohtaja"
    assert _by_prefix(first, "Tuottavuus").owner == "talousjohtaja"
    assert _by_prefix(first, "Asiakas saa").status == "on_track"
    assert _by_prefix(first, "Tuottavuus").status == "at_risk"
    assert {g.period for g in first} == {analysed[SEED_2025][0].meta.report_period}


def test_2026_seed_goals_have_named_owners_and_statuses(goals):
    _, second = goals
    assert len(second) == 5
    first_contact = _by_prefix(second, "Asiakas saa")
    experts = _by_prefix(second, "Tarvittavat")
    assert first_contact.owner == "Marika Paasikoski-Junninen"
    assert experts.owner == "Jorma Haapanen"
    assert (first_contact.status, first_contact.status_phrase) == ("on_track", "on edennyt alkuvuoden aikana suunnitellusti")
    assert experts.status == "at_risk"
    assert _by_prefix(second, "Tuottavuus").owner is None  # no owner is stated for it


def test_same_goal_keys_across_the_seeds(goals):
    first, second = goals
    # the verb or second word tells the five goals apart in both years, despite rewording
    keys_2025 = {g.name.split()[1]: g.goal_key for g in first}
    for goal in second:
        assert goal.goal_key == keys_2025[goal.name.split()[1]], goal.name
    assert len({g.goal_key for g in second}) == len(second)
    assert len({g.goal_id for g in first} | {g.goal_id for g in second}) == 10


def test_scopes_put_report_figures_under_their_goal(goals, analysed):
    _, second = goals
    text = analysed[SEED_2026][0].source.text
    scopes = goal_scopes(second, analysed[SEED_2026][0])
    at = text.index("38 % puhelin")
    owners = {gid for gid, s, e in scopes if s <= at < e}
    assert owners == {_by_prefix(second, "Asiakas saa").goal_id}
    share = text.index("23 avaintulosta")
    assert {gid for gid, s, e in scopes if s <= share < e} == {_by_prefix(second, "Tarvittavat").goal_id}


def test_stock_model_errors_are_corrected(analysed):
    document, docs = analysed[SEED_2026]
    ents = [(e.label, document.source.text[s.start_char + e.start_char:s.start_char + e.end_char])
            for s, d in zip(document.sections, docs) for e in entities(d)]
    labels_of = lambda text: {label for label, t in ents if text in t}  # noqa: E731
    assert labels_of("Q1") <= {"PERIOD"} and labels_of("Q1")
    assert not labels_of("330 6610")
    assert labels_of("16.12.2025") == {"DATE"}
    assert "PRODUCT" not in labels_of("Ennaltaehkäisyssä")


def test_plain_ahjo_decision_yields_no_goals():
    document, docs = training.analyse("corpus/helsinki-ahjo/hel-kaupunginelainlaakari-nd-s1-6a61f2b1.paatos.html")
    assert build_goals(docs, document) == []


def test_swedish_item_gets_no_finnish_rules():
    document, docs = training.analyse("corpus/helsinki-ahjo/hel-ruotsinkielisen-vapaan-sivistystyon-ja-l-nd-s2-8c33ffb1.paatos.html")
    assert document.source.lang == "sv"
    ours = {"GOAL", "PRIORITY", "OWNER", "ROLE", "PROGRESS", "METRIC"}
    assert not [e for d in docs for e in d.ents if e.label_ in ours]
    assert build_goals(docs, document) == []


def test_status_reads_negation_and_hedges():
    model = training._status_model()
    cats = lambda t: max(model(t).cats.items(), key=lambda kv: kv[1])[0]  # noqa: E731
    assert cats("Työ ei ole edennyt suunnitellusti") == "off_track"
    assert cats("Työ on edennyt suunnitellusti") == "on_track"
    assert cats("Hanke on edennyt osittain viiveellä") == "at_risk"
    assert cats("Hanke ei ole käynnistynyt") == "not_started"


def test_orchestrator_links_report_figures_to_goals(shared_dir):
    from nlp_pipeline.pipeline import analyse_path

    result = analyse_path(shared_dir / SEED_2026)
    goal = _by_prefix(result.goals, "Asiakas saa")
    text = result.document.source.text
    at = text.index("38 % puhelin")
    [figure] = [f for f in result.figures if f.start_char == at]
    assert figure.goal_id == goal.goal_id


def test_contrasting_clauses_get_their_own_status(analysed):
    """"… etenee suunnitelmallisesti, mutta … voi ennakoida tavoitteesta jäämistä" holds two statuses."""
    _, docs = analysed[SEED_2025]
    phrases = {e.text: e._.status for d in docs for e in d.ents if e.label_ == "PROGRESS"}
    assert phrases["etenee suunnitelmallisesti"] == "on_track"
    assert phrases["ennakoida tavoitteesta jäämistä"] == "at_risk"
    assert phrases["ovat haastavampia"] == "at_risk"


# ------------------------------------------------------------------ the demo corpus (ours, invented)

DEMO = Path(__file__).resolve().parents[1] / "nlp_pipeline" / "demo"
FILE_HEADING = re.compile(r"^## \d+\. `([^`]+)`", re.M)
GOAL_ROW = re.compile(r"^\| (K\d) \| ([^|]+?) \| ([^|]+?) \| (\w+) \| [^|]+\|$", re.M)


def expected_goals() -> dict[str, list[tuple[str, str, str, str]]]:
    """Per demo file, the goal rows of EXPECTED.md: (label, name, owner person, status)."""
    text = (DEMO / "EXPECTED.md").read_text(encoding="utf-8")
    heads = list(FILE_HEADING.finditer(text))
    return {m.group(1): GOAL_ROW.findall(text[m.end():heads[k + 1].start() if k + 1 < len(heads) else len(text)])
            for k, m in enumerate(heads)}


@pytest.fixture(scope="module")
def demo_results():
    """The demo folder analysed as one batch, as `agenda-nlp demo` does."""
    from nlp_pipeline.ingest import read_path
    from nlp_pipeline.pipeline import default_analyzer
    from nlp_pipeline.segment import segment

    files = sorted(p for p in DEMO.iterdir() if p.suffix in (".txt", ".html"))
    results = default_analyzer().analyse([segment(read_path(f)) for f in files])
    return {f.name: r for f, r in zip(files, results)}


def test_demo_expectations_cover_every_file(demo_results):
    expected = expected_goals()
    assert set(expected) == set(demo_results)
    assert sum(len(rows) for rows in expected.values()) == 12


@pytest.mark.parametrize("name", sorted(expected_goals()))
def test_demo_goals_owners_and_statuses(demo_results, name):
    """Names as written, the owner (person, with or without role) and status of every goal; none where none is reported."""
    goals = demo_results[name].goals
    rows = expected_goals()[name]
    assert sorted(g.name for g in goals) == sorted(r[1] for r in rows)
    by_name = {g.name: g for g in goals}
    for _, goal_name, owner, status in rows:
        goal = by_name[goal_name]
        assert goal.owner is not None and owner in goal.owner, goal_name
        assert goal.status == status, goal_name


def test_demo_goal_keys_link_reworded_goals_across_periods(demo_results):
    """Word order, ja, a derived adverb (oikea-aikaisesti ~ oikeaan aikaan) and an added word do not split a goal;
    the text without an organisation links through its case (diary number)."""
    key_of = {(name, g.name): g.goal_key for name, r in demo_results.items() for g in r.goals}
    labels = {(name, row[1]): row[0] for name, rows in expected_goals().items() for row in rows}
    keys_by_label: dict[str, set[str]] = {}
    for where, label in labels.items():
        keys_by_label.setdefault(label, set()).add(key_of[where])
    assert all(len(keys) == 1 for keys in keys_by_label.values()), keys_by_label
    assert len(set().union(*keys_by_label.values())) == len(keys_by_label)


def test_no_longer_delayed_is_on_track(demo_results):
    """"Tavoite ei ole enää viiveessä, vaan etenee suunnitellusti": the negated delay is no off-track negation."""
    goal = next(g for g in demo_results["pohjanranta-aluehallitus-2026-09-14-pykala176.html"].goals
                if g.name.startswith("Ikääntyneet"))
    assert goal.status == "on_track" and "viiveessä" in goal.status_phrase
    nlp = training.tagging_pipeline()
    doc = nlp("Hanke ei ole enää viiveessä. Hanke ei ole edennyt suunnitellusti.")
    statuses = [e._.status for e in doc.ents if e.label_ == "PROGRESS"]
    assert statuses == ["on_track", "off_track"]


def test_plural_owner_sentence_pairs_owners_with_the_enumerated_goals_in_order(demo_results):
    goals = demo_results["pohjanranta-integraatiovaliokunta-2026-06-02-p41.txt"].goals
    owners = {g.name.split()[0]: g.owner for g in goals}
    assert owners == {"Asukas": "terveyspalveluiden toimialajohtaja Hanna Rautio",
                      "Ikääntyneet": "ikäihmisten palveluiden toimialajohtaja Pertti Lahdenperä"}


def test_a_paragraph_about_goals_together_ends_the_last_goal_heading(demo_results):
    """"Kahden (2/4) tavoitteen osalta …" after the last goal's section is organisation-wide, not that goal's."""
    result = demo_results["pohjanranta-aluehallitus-2026-09-14-pykala176.html"]
    text = result.document.source.text
    by_start = {f.start_char: f for f in result.figures}
    economy = next(g for g in result.goals if g.name.startswith("Talous"))
    assert by_start[text.index("6,1 milj")].goal_id == economy.goal_id
    assert by_start[text.index("611")].goal_id is None

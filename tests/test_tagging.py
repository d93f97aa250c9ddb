"""Tagging on real text: the two seeds, a plain Ahjo decision and a Swedish Ahjo item."""
from __future__ import annotations

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

"""Segmentation and metadata on the real seeds, the Ahjo gold and our own layout fixtures."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from nlp_pipeline.evaluation.segmentation import evaluate_segmentation
from nlp_pipeline.ingest import parse_text, read_path
from nlp_pipeline.segment import NotAnAgenda, segment

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def kinds(doc) -> list[str]:
    return [s.kind for s in doc.sections]


def test_seed_281_inline_headings_and_split_proposer(seeds):
    doc = segment(read_path(seeds["281"]))
    assert kinds(doc) == ["header", "preparer", "description", "proposal", "decision", "enforcement", "appeal"]
    proposal = doc.sections[3]
    assert proposal.heading == "Hyvinvointialuejohtajan päätösesitys"
    assert "Aluehallitus päättää merkitä tiedoksi" in proposal.text
    decision = doc.sections[4]
    assert decision.text == "Päätös"  # empty on an agenda, still a section
    assert doc.meta.preparer == "Satu Ala-Kokko"
    assert (doc.meta.body, doc.meta.meeting_date, doc.meta.item_number) == ("Aluehallitus", date(2025, 9, 8), "281")
    assert doc.meta.diary_number == "11211/00.01.01/2025"
    assert doc.meta.organisation == "Kanta-Hämeen hyvinvointialue"
    assert doc.meta.report_period == "2025-Q2"


def test_seed_36_headings_on_their_own_lines(seeds):
    doc = segment(read_path(seeds["36"]))
    assert kinds(doc) == [
        "header", "preparer", "description", "authority", "proposal", "decision", "enforcement", "appeal",
    ]
    assert doc.sections[4].heading == "Toimialajohtajan päätösesitys"
    assert doc.sections[-1].text.endswith("Ei muutoksenhakuoikeutta")
    assert doc.meta.title == "Vuoden 2026 strategiset tavoitteet ja niiden toteutumisen seuranta, Q1"
    assert (doc.meta.body, doc.meta.item_number, doc.meta.report_period) == ("Integraatiovaliokunta", "36", "2026-Q1")
    assert doc.meta.preparer == "Teija Suorsa-Salonen"


def test_sections_tile_the_text_with_offsets_into_it(seeds, ahjo_dir):
    for path in [seeds["281"], seeds["36"], *sorted(ahjo_dir.glob("*.html"))[:60]]:
        doc = segment(read_path(path))
        text = doc.source.text
        for a, b in zip(doc.sections, doc.sections[1:]):
            assert a.end_char <= b.start_char and not text[a.end_char : b.start_char].strip()
        for s in doc.sections:
            assert text[s.start_char : s.end_char] == s.text


def test_gold_targets_section_f1_and_metadata_accuracy():
    report = evaluate_segmentation(split="all")
    assert report.documents >= 32
    assert report.overall.f1 >= 0.97, report.render()
    assert report.metadata_accuracy >= 0.95, report.render()


def test_swedish_headings_segment_a_swedish_item():
    text = (
        "Svenska nämnden 11.06.2026 § 17\n\n"
        "Beredare ekonomidirektör Anna Berg, tfn 040 555 0199\n\n"
        "Beskrivning Välfärdsområdets ekonomi har utvecklats enligt planen under det första kvartalet 2026.\n\n"
        "Beslutsförslag Nämnden beslutar anteckna rapporten för kännedom.\n\n"
        "Beslut\n\nFörslaget godkändes.\n\nÄndringssökande Inget ändringssökande"
    ).encode("utf-8")
    doc = segment(parse_text(text, "sv.txt"))
    assert doc.source.lang == "sv"
    assert kinds(doc) == ["header", "preparer", "description", "proposal", "decision", "appeal"]
    assert doc.meta.preparer == "Anna Berg" and doc.meta.report_period == "2026-Q1"


def test_a_follow_up_names_its_period_by_month_numbers():
    text = (
        "Kunnanhallitus 25.08.2025 § 112\n\n"
        "Talousarvion toteutuminen 1–6/2025\n\n"
        "Selostus Kunnan toimintakulut ovat toteutuneet 49,1 prosenttisesti.\n\n"
        "Päätösehdotus Kunnanhallitus merkitsee toteutuman tiedoksi."
    ).encode("utf-8")
    assert segment(parse_text(text, "toteuma.txt")).meta.report_period == "2025-H1"


def test_a_title_ending_in_a_status_date_above_the_handling_line_is_the_title():
    text = (
        "Talouden toteuma 30.4.2026\nKH 18.05.2026 § 61\n12/02.02.02/2026\n\n"
        "Valmistelija talousjohtaja Liisa Koski\n\n"
        "Huhtikuun lopussa toimintakuluja oli toteutunut 32 prosenttia.\n\n"
        "Ehdotus Kunnanhallitus merkitsee toteuman tiedoksi."
    ).encode("utf-8")
    meta = segment(parse_text(text, "toteuma.txt")).meta
    assert (meta.title, meta.body, meta.item_number) == ("Talouden toteuma 30.4.2026", "KH", "61")
    assert meta.report_period == "2026-01-01/2026-04-30"


def test_the_title_names_the_report_period_before_the_body_and_a_years_account_its_year():
    from nlp_pipeline.periods import report_period
    body = "Kolmas vuosineljännes 2025 lyhyesti. Leikkausten määrä kasvoi."
    assert report_period(body, title="Osavuosikatsaus tammi–syyskuu 2025") == "2025-01-01/2025-09-30"
    assert report_period(body) == "2025-Q3"
    assert report_period("Lainaus kasvoi.", title="Kirjaston tilastot 2018") == "2018"
    assert report_period("Menot kasvavat.", title="Talousarvio 2025") is None  # a plan, not yet a report
    assert report_period("", title="Selvitys vuoden 2020 arviointikertomuksen johdosta") is None
    assert report_period("", title="Neljännesvuosikatsaus ja talouden toteuma 31.3.2022") == "2022-Q1"
    assert report_period("", title="Talouden toteuma 31.8.2024") == "2024-01-01/2024-08-31"
    assert report_period("", title="Hallitus 2 / 2017 16.10.2017") is None  # a meeting's date, not a report's
    assert report_period("Yhtymähallitus hyväksyi vuoden 2018 tilinpäätöksen. Alijäämää jäi 10 miljoonaa euroa.") == "2018"
    assert report_period("Lausunnot vuoden 2020 arviointikertomuksessa esitetyistä suosituksista.") is None
    assert report_period("Selvitys vuoden 2020 arviointikertomuksen johdosta suoritetuista toimenpiteistä.") is None
    assert report_period("Aluehallitus hyväksyi tilinpäätöksen vuodelta 2022. Tulos oli 40 miljoonaa euroa.") == "2022"
    assert report_period("Toimintatulot olivat vuoden 2024 tilinpäätöksessä 187 miljoonaa euroa.") == "2024"
    assert report_period("Tilikauden 2023 tulos oli -12 miljoonaa euroa. Tilivuoden 2023 kulut kasvoivat.") == "2023"
    assert report_period("Tilikauden 2023 tulos heikkeni tilikauden 2022 tuloksesta.") is None  # two years
    assert report_period("", title="Hyvinvointialueiden vuoden 2024 tulos ennustetta parempi") == "2024"
    assert report_period("", title="Sitovat toiminnan tavoitteet vuonna 2023, Helsingin kaupunki") == "2023"
    assert report_period("", title="Nuorten kesätyöseteli 2024") is None  # a programme of that year, no report
    assert report_period("", title="Pöytäkirjan pitäminen yleisesti nähtävänä vuonna 2022") is None  # no results
    assert report_period("Kaupunginhallitus antaa valtuustolle selvityksen arviointikertomuksen vuodelta 2020 "
                         "suosituksista.", title="Selvitys vuoden 2020 arviointikertomuksen johdosta") is None
    assert report_period("", title="Henkilöstöraportti 2016") == "2016"
    assert report_period("", title="Asiakaskyselyn tulokset 2025") == "2025"
    # an evaluation of whether a budget's goals were met reports on the budget's year
    goals = "Vuoden 2019 talousarviossa oli 35 sitovaa tavoitetta. Niistä 16 toteutui."
    assert report_period(goals, title="Sitovien tavoitteiden toteutuminen") == "2019"
    assert report_period(goals, title="Talousarvion laadintaohje") is None
    # a budget, price list or fee reports on no period, whatever period its text cites
    economy = "Suomen talous kasvoi vuoden 2017 ensimmäisellä neljänneksellä 1,2 %."
    assert report_period(economy) == "2017-Q1"
    assert report_period(economy, title="Talousarvio vuonna 2018") is None
    assert report_period("Maksuissa noudatetaan 1.1.-30.6.2017 hinnastoa.", title="Salivuorojen hinnasto 2017-2018") is None
    assert report_period("Menot ovat toteutuneet 1.1.-30.6.2025 48 %.", title="Talousarvion toteutuminen") == "2025-H1"
    # a press release announces its report in the lead under a title that names none
    lead = "Talouden suunta on oikea\nNeljännesvuosikatsaus 30.6.2025 on valmis. Alijäämä kapeni."
    assert report_period(lead, title="Talouden suunta on oikea") == "2025-H1"


def test_plain_prose_is_not_an_agenda():
    prose = "Tämä on mustikkapiirakan resepti. Sekoita jauhot ja voi, lisää marjat ja paista uunissa puoli tuntia.".encode()
    with pytest.raises(NotAnAgenda, match="not an agenda item"):
        segment(parse_text(prose, "resepti.txt"))


def _layout_cases() -> list[dict]:
    path = LAYOUTS / "expected.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] if path.exists() else []


@pytest.mark.parametrize("case", _layout_cases(), ids=lambda c: c["file"])
def test_layout_variants(case):
    doc = segment(read_path(LAYOUTS / case["file"]))
    assert kinds(doc) == [s["kind"] for s in case["sections"]]
    for section, expected in zip(doc.sections, case["sections"]):
        body = " ".join(section.text.split())
        if section.heading and body.startswith(section.heading):
            body = body[len(section.heading) :].lstrip(" :")
        assert body.startswith(" ".join(expected["starts_with"].split())[:20]), (section.kind, body[:40])
    for name, value in case["meta"].items():
        actual = getattr(doc.meta, name)
        actual = actual.isoformat() if hasattr(actual, "isoformat") else actual
        assert actual == value, name
    assert doc.source.lang == case["lang"]

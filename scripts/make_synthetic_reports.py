#!/usr/bin/env python3
"""Writes invented Finnish goal-progress reports for training the tagging models.

Everything here is made up (names, goals, people, figures). Output, all marked synthetic:
- ``corpus/synthetic/reports.jsonl``: {"id", "synthetic": true, "text", "spans": [{start, end, label, status?}]}
- ``corpus/synthetic/status.jsonl``: {"id", "synthetic": true, "text" (a clause), "status"}
Only for training: evaluation reads real text alone.

Example:
    python3 scripts/make_synthetic_reports.py --seed 0 --reports 500 --clauses 3000
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SUBJECTS = ["Asukas", "Asiakas", "Potilas", "Perhe", "Ikäihminen", "Nuori", "Työntekijä", "Henkilöstö", "Kuntalainen",
            "Lapsi", "Omainen", "Esihenkilö", "Ammattilainen", "Yhteisasiakas", "Palveluverkko", "Talous", "Tuottavuus",
            "Digipalvelu", "Hoitoketju", "Ensilinja", "Kotihoito", "Päivystys"]
PREDICATES = ["saa palvelun oikea-aikaisesti", "pääsee hoitoon viiveettä", "saa avun yhdellä yhteydenotolla",
              "kokee palvelun hyödylliseksi", "asuu kotona pidempään", "voi hyvin arjessaan", "osallistuu palveluiden kehittämiseen",
              "saa tukea ennen kuin ongelmat kasautuvat", "turvaa palvelut", "vahvistaa osaamistaan", "on tasapainossa",
              "toimii yhdessä asiakkaan kanssa", "löytää oikean palvelun", "tunnistaa riskit ajoissa", "pysyy alueella",
              "sujuvoittaa asiointia", "tukee arjen turvallisuutta", "vähentää raskaiden palvelujen tarvetta",
              "kehittyy asiakastarpeen mukaan", "ohjaa henkilöstön osaamista", "paranee vuoteen 2028 mennessä",
              "tavoittaa kaikki ikäryhmät", "saa ratkaisun ensimmäisellä kerralla", "vastaa kysyntään"]
NOUN_GOALS = ["Kestävä talous ja toimiva palveluverkko", "Hyvinvoiva ja osaava henkilöstö", "Sujuvat hoitoketjut",
              "Ennaltaehkäisevien palvelujen vahvistaminen", "Digitaalisten palvelujen käytön kasvu", "Hoitoon pääsyn parantaminen",
              "Yhteisasiakkuuden toimintamalli käyttöön", "Kotona asumisen tukeminen", "Vetovoimainen työnantaja",
              "Tiedolla johtamisen vahvistaminen", "Monialainen yhteistyö arjessa", "Asiakasohjauksen yhtenäistäminen"]
PRIORITIES = ["Uudistamme rohkeasti", "Kohtaamme ihmisen", "Toimimme yhdessä", "Kestävä arki", "Hyvinvointi ensin",
              "Osaamme ennakoida", "Rakennamme luottamusta", "Tiedolla eteenpäin", "Asiakkuus keskiössä", "Vaikuttavat palvelut"]
ROLE_MODS = ["terveyspalveluiden", "sosiaalipalveluiden", "ikäihmisten palveluiden", "perhepalveluiden", "vammaispalveluiden",
             "kuntoutuksen", "akuuttihoidon", "mielenterveys- ja päihdepalvelujen", "konsernipalveluiden", "strategia- ja kehittämispalveluiden",
             "hoitotyön", "lasten ja nuorten palveluiden"]
TITLES = ["toimialajohtaja", "palvelujohtaja", "tulosaluejohtaja", "kehittämispäällikkö", "johtajaylilääkäri", "vastuualuepäällikkö",
          "ylihoitaja", "palvelupäällikkö"]
PLAIN_ROLES = ["henkilöstöjohtaja", "talousjohtaja", "hallintojohtaja", "tietohallintojohtaja", "hyvinvointialuejohtaja",
               "kehittämisjohtaja", "viestintäjohtaja", "strategiajohtaja"]
FIRST = ["Anni", "Mikko", "Sari", "Jukka", "Tiina", "Pekka", "Hanna", "Ville", "Leena", "Antti", "Minna", "Janne", "Kaisa", "Timo",
         "Outi", "Heikki", "Riikka", "Lauri", "Elina", "Markus"]
LAST = ["Virtanen", "Mäkelä", "Koskinen", "Heikkilä", "Lehtonen", "Salo", "Rantanen", "Laaksonen", "Niemi-Aho", "Kallio",
        "Järvinen", "Pelto-Kangas", "Hakala", "Aaltonen", "Nurmi", "Sirola", "Vesterinen", "Koivisto-Lampi"]
METRICS = ["asiakastyytyväisyys (NPS)", "hoitoon pääsyn mediaani", "ensikontaktissa ratkaistujen asioiden osuus",
           "sairauspoissaolojen määrä", "henkilöstön vaihtuvuus", "palvelun hyödyllisyyden kokemus", "takaisinsoittojen osuus",
           "kotona asuvien 75 vuotta täyttäneiden osuus", "yhteisasiakkaiden määrä", "toimintakate", "digiasioinnin osuus",
           "jonotusaika", "suositteluhalukkuus"]
PROGRESS = {
    "on_track": ["etenee suunnitellusti", "on edennyt suunnitelmallisesti", "on edennyt aikataulussa", "etenee hyvin",
                 "on edennyt tavoitteiden mukaisesti", "on edennyt sujuvasti", "etenee odotetusti", "on edennyt suunnitellusti",
                 "etenee kokonaisuudessaan suunnitellusti", "on edennyt hyvin", "etenemistä on tapahtunut", "on aikataulussa",
                 "on käynnistynyt", "on käynnistynyt suunnitellusti", "käynnistyi aikataulussa", "on onnistuttu"],
    "at_risk": ["on edennyt osittain viiveellä", "etenee odotettua hitaammin", "on haastava", "on haastavampi",
                "etenemisessä on haasteita", "näyttää epävarmalta", "on edennyt viiveellä", "etenee hitaasti",
                "on jäänyt tavoitetasosta", "on riski jäädä tavoitteesta", "on osin viivästynyt", "on haasteellista",
                "on edennyt vain osittain", "tulee olemaan haastavaa", "voi viivästyä", "saattaa jäädä tavoitteesta",
                "on viivästynyt", "tulee viivästymään", "on siirtynyt myöhemmäksi"],
    "off_track": ["ei ole edennyt suunnitellusti", "ei etene", "on pysähtynyt", "on viivästynyt merkittävästi",
                  "ei ole toteutunut", "on keskeytynyt", "ei ole edennyt lainkaan", "on jäänyt selvästi tavoitteesta",
                  "ei etene aikataulussa", "ei ole edennyt aikataulussa", "on myöhässä"],
    "done": ["on toteutunut", "on saavutettu", "on valmistunut", "on toteutunut täysimääräisesti", "on saatu valmiiksi",
             "on saavutettu jo", "on toteutunut suunnitellusti", "on valmis", "valmistui", "valmistuivat",
             "toteutui", "saatiin valmiiksi", "otettiin käyttöön", "toteutui täysimääräisenä"],
    "not_started": ["ei ole käynnistynyt", "ei ole vielä alkanut", "käynnistyy vasta syksyllä", "on aloittamatta",
                    "ei ole aloitettu", "on siirretty alkamaan ensi vuonna", "ei ole vielä käynnistynyt", "käynnistyy vasta toisella vuosipuoliskolla"],
}
CLAUSE_SUBJECTS = ["Tavoite", "Työ", "Kehittämistyö", "Hanke", "Toimenpiteiden toteutus", "Avaintulos", "Muutosohjelma",
                   "Tavoitteen toteutuminen", "Uuden toimintamallin käyttöönotto", "Työ tavoitteen osalta", "Kokonaisuus"]
TIMES = ["", "alkuvuoden aikana", "ensimmäisellä vuosineljänneksellä", "katsauskaudella", "kuluvana vuonna", "toistaiseksi",
         "kesäkuun loppuun mennessä", "Q2:n aikana"]
TAILS = ["", "ja työ jatkuu", "kaikilla tulosalueilla", "useimmissa yksiköissä", "resurssipulan vuoksi", "henkilöstövajeen takia"]
PERIODS = ["ensimmäinen vuosineljännes {y}", "Q{q}/{y}", "1.1.–31.3.{y}", "vuoden {y} toisen kvartaalin", "ensimmäisellä vuosipuoliskolla"]
# Lines and sentences an agenda has around the goals: nothing in them is a goal or an owner.
NEGATIVE_LINES = ["Päätös", "Tulosalueiden avaintulokset", "Talouden tilanne", "Liitteet", "Lisätiedot",
                  "Aluehallitus hyväksyi päätösesityksen.", "Valiokunta päättää merkitä asian tiedoksi.",
                  "Ei muutoksenhakuoikeutta", "Täytäntöönpano", "Toimivallan peruste", "Henkilöstön tilanne",
                  "Lautakunta merkitsi selvityksen tiedoksi.", "Esittelijä", "Hyvinvointialuejohtajan päätösesitys"]
NEGATIVE_SENTENCES = ["Lisätietoja antaa suunnittelija {p}, puh. 040 123 4567.",
                      "{p} toimi puheenjohtajana tämän asian käsittelyn ajan.",
                      "Valmistelija {r} {p}.",
                      "Kokouksessa oli läsnä {p} ja {q}.",
                      "Selvityksen laati {r} {p} yhdessä asiantuntijaryhmän kanssa."]
FILLERS = ["Hyvinvointialueen strategia ohjaa toimintaa koko organisaatiossa.",
           "Raportointi perustuu tulosalueiden arvioihin ja mittaritietoihin.",
           "Tarkemmat tiedot avaintuloksista ovat liitteenä.",
           "Asiaa on käsitelty johtoryhmässä ennen valiokuntaa.",
           "Talouden tilanne vaikuttaa kehittämistyön resursseihin."]


class Writer:
    """Builds a text piece by piece, recording labelled spans as it goes."""

    def __init__(self):
        self.parts: list[str] = []
        self.spans: list[dict] = []
        self.length = 0

    def add(self, text: str, label: str | None = None, status: str | None = None) -> None:
        if label:
            span = {"start": self.length, "end": self.length + len(text), "label": label}
            if status:
                span["status"] = status
            self.spans.append(span)
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def goal_name(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(NOUN_GOALS)
    return f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)}"


def owner(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if r < 0.75:
        return f"{rng.choice(ROLE_MODS)} {rng.choice(TITLES)}"
    return rng.choice(PLAIN_ROLES)


def progress(rng: random.Random) -> tuple[str, str]:
    status = rng.choice(list(PROGRESS))
    return rng.choice(PROGRESS[status]), status


def bullet(rng: random.Random) -> str:
    return rng.choice(["- ", "-          ", "• ", "", "– "])


def write_report(rng: random.Random) -> tuple[str, list[dict]]:
    w = Writer()
    year = rng.choice(range(2024, 2030))
    for _ in range(rng.randint(0, 3)):
        w.add(negative(rng) + "\n\n")
    goals = list(dict.fromkeys(goal_name(rng) for _ in range(rng.randint(2, 6))))
    owners = [owner(rng) for _ in goals]
    w.add(rng.choice(FILLERS) + "\n\n")
    # how the goals are introduced
    style = rng.choice(["list", "tavoite", "quote"])
    if style == "list":
        w.add(rng.choice([f"Valtuustotason sitovat tavoitteet vuonna {year} ovat seuraavat:",
                          f"Vuoden {year} strategiset tavoitteet ovat:", "Seurattavat tavoitteet ovat seuraavat:",
                          "Valiokunnan tehtävänä on seurata tavoitteita:"]) + "\n\n")
        b = bullet(rng)
        for k, g in enumerate(goals):
            w.add(b)
            w.add(g, "GOAL")
            w.add((" ja" if k == len(goals) - 2 and rng.random() < 0.3 else "") + "\n\n")
    elif style == "tavoite":
        for g in goals:
            w.add(bullet(rng) + "Tavoite ")
            w.add(g, "GOAL")
            w.add(" on kiinnittynyt painopisteeseen ")
            w.add(rng.choice(PRIORITIES), "PRIORITY")
            w.add(rng.choice([".", " ja siltaa uuteen painopisteeseen "]))
            if w.parts[-1] != ".":
                w.add(rng.choice(PRIORITIES), "PRIORITY")
                w.add(".")
            w.add("\n")
        w.add("\n")
    else:
        w.add(f"Tavoitteita on {len(goals)}, ja niiden toteutumista arvioidaan neljännesvuosittain.\n\n")
    # owners
    ostyle = rng.choice(["list", "sentence", "paren", "none"])
    if ostyle == "list":
        w.add(rng.choice(["Tavoitteiden omistajuudet sovittiin seuraavasti:", "Tavoitteiden omistajat ovat:",
                          "Tavoitteiden vastuuhenkilöt:"]) + "\n\n")
        for g, o in zip(goals, owners):
            w.add(g, "GOAL")
            w.add(rng.choice([": ", ":\n\n "]))
            w.add(o, "OWNER")
            w.add("\n\n")
    elif ostyle == "sentence":
        for g, o in zip(goals, owners):
            pre, post = rng.choice([("Tavoitteen ”", "” omistajana toimii "), ("Tavoitteesta ”", "” vastaa "),
                                    ("Tavoitteen ”", "” vastuuhenkilö on ")])
            w.add(pre)
            w.add(g, "GOAL")
            w.add(post)
            w.add(o, "OWNER")
            w.add(". ")
        w.add("\n\n")
    elif ostyle == "paren" and len(goals) >= 2:
        w.add("Tavoitteen omistajat ")
        for k, (g, o) in enumerate(list(zip(goals, owners))[:2]):
            w.add(f"{rng.choice(FIRST)} {rng.choice(LAST)}", "OWNER")
            w.add(" (")
            w.add(g, "GOAL")
            w.add(")" + (" ja " if k == 0 else ""))
        w.add(" esittelevät tavoitteiden etenemistä kokouksessa.\n\n")
    # progress per goal
    for g in goals:
        text, status = progress(rng)
        layout = rng.choice(["heading", "quote", "tavoite", "unquoted", "numbered"])
        if layout == "heading":
            w.add(g, "GOAL")
            w.add("\n\n" + rng.choice(["Tavoite ", "Työ ", "Kehittämistyö ", "Tähän liittyvä työ "]))
            w.add(text, "PROGRESS", status)
            w.add(" " + rng.choice(TIMES).strip() + ". ")
        elif layout == "quote":
            q = rng.choice(["”", "\"", "'"])
            pre = rng.choice(["Tavoitteessa ", "Tavoitteen ", "Tavoitteeseen "])
            post = {"Tavoitteessa ": " työ ", "Tavoitteen ": " kohdalla työ ", "Tavoitteeseen ": " liittyvä työ "}[pre]
            w.add(pre + q)
            w.add(g, "GOAL")
            w.add(q + post)
            w.add(text, "PROGRESS", status)
            w.add(". ")
        elif layout == "unquoted":
            pre, post = rng.choice([("Tavoitteen ", " osalta työ "), ("Tavoitteeseen ", " liittyvä työ "),
                                    ("Tavoitteessa ", " kehittämistyö ")])
            w.add(pre)
            w.add(g, "GOAL")
            w.add(post)
            w.add(text, "PROGRESS", status)
            w.add(". ")
        elif layout == "numbered":
            w.add(f"Tavoite {goals.index(g) + 1}: ")
            w.add(g, "GOAL")
            w.add("\n\nTavoite ")
            w.add(text, "PROGRESS", status)
            w.add(". ")
        else:
            w.add("Tavoite ")
            w.add(g, "GOAL")
            w.add(" ")
            w.add(text, "PROGRESS", status)
            w.add(". ")
        if rng.random() < 0.6:
            metric = rng.choice(METRICS)
            w.add(rng.choice(["Mittarina käytetään ", "Avaintuloksen mittari on ", "Seurattava mittari on "]))
            w.add(metric, "METRIC")
            w.add(f", jonka tulos oli {rng.randint(5, 95)} %. ")
        w.add(rng.choice(FILLERS) + "\n\n")
    for _ in range(rng.randint(1, 4)):
        w.add(negative(rng) + "\n\n")
    return w.text(), w.spans


def negative(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(NEGATIVE_LINES)
    person = lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}"  # noqa: E731
    return rng.choice(NEGATIVE_SENTENCES).format(p=person(), q=person(), r=rng.choice(PLAIN_ROLES + TITLES))


def write_clause(rng: random.Random) -> tuple[str, str]:
    text, status = progress(rng)
    subject = rng.choice(CLAUSE_SUBJECTS + [goal_name(rng)])
    time = rng.choice(TIMES)
    tail = rng.choice(TAILS)
    words = [subject, text.split(" ", 1)[0]] + ([time] if time and rng.random() < 0.5 else []) + text.split(" ", 1)[1:]
    clause = " ".join(w for w in words + [tail] if w)
    return clause[0].upper() + clause[1:], status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--clauses", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "corpus" / "synthetic")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "reports.jsonl", "w", encoding="utf-8") as f:
        for i in range(args.reports):
            text, spans = write_report(rng)
            f.write(json.dumps({"id": f"synthetic-report-{i}", "synthetic": True, "text": text, "spans": spans}, ensure_ascii=False) + "\n")
    with open(args.out / "status.jsonl", "w", encoding="utf-8") as f:
        for i in range(args.clauses):
            text, status = write_clause(rng)
            f.write(json.dumps({"id": f"synthetic-clause-{i}", "synthetic": True, "text": text, "status": status}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

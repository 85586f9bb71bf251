"""Lithuanian samples for tests/test_lexicons.py.

The sentences are invented for these tests; each is the kind of line a Lithuanian
news site or blog really prints. Many body sentences start with a word that also
opens chrome ("Dalintis", "Skaitykite", "Daugiau", "Komentarai", "Sekite",
"Autorius", "Nuotrauka") to guard the phrases and prefixes.
"""

BODY = [
    "Daugiau nei 200 žmonių šeštadienį protestavo prie savivaldybės pastato.",
    "Dalintis butu su draugais studentams įprasta, sako sociologė.",
    "Komentarai apie ministro sprendimą socialiniuose tinkluose buvo labai kritiški.",
    "Naudojame tuos pačius metodus kaip prieš dešimt metų, aiškina direktorė.",
    "Skaitykite etiketes atidžiai, pataria gydytoja.",
    "Sekite mus, sušuko gidas turistams ir nuėjo į senamiestį.",
    "Autorius knygos pristatyme prisiminė savo vaikystę Kaune.",
    "Nuotrauka iš parodos tapo populiariausia metų fotografija.",
    "Prieš dvejus metus miesto valdžia pažadėjo pastatyti naują tiltą.",
    "Pagrindinis kaltinamasis teisme kaltės nepripažino.",
    "Naršydami internete vaikai dažnai susiduria su pavojais, perspėja policija.",
    "Plačiau apie projektą papasakojo meras spaudos konferencijoje.",
    "Tęsdami reformas, Vyriausybė tikisi sumažinti biudžeto deficitą.",
    "Prenumeruoti laikraštį vis dažniau renkasi tik vyresni skaitytojai.",
    "Atnaujinta mokykla rugsėjo 1 d. vėl priims mokinius.",
    "2020 metais įmonės pajamos išaugo 5 proc.",
]

CHROME = [
    "Dalintis",
    "Dalintis Facebook",
    "Reklama",
    "Užsakomasis turinys",
    "Komentarai",
    "Skaityti daugiau",
    "Taip pat skaitykite: Vyriausybė patvirtino kitų metų biudžetą",
    "Susiję straipsniai",
    "Jus gali sudominti",
    "Pereiti prie turinio",
    "Į viršų",
    "Ši svetainė naudoja slapukus, kad pagerintų jūsų naršymo patirtį.",
    "Priimti visus",
    "Privatumo politika",
    "Visos teisės saugomos",
    "5 min skaitymo",
    "Nuotrauka 3 iš 12",
    "Užsiprenumeruokite mūsų naujienlaiškį ir gaukite svarbiausias dienos naujienas.",
    "Parašykite komentarą",
    "Pagrindinis",
    "1 komentaras",
    "2 komentarai",
    "12 komentarų",
    "Jūsų el. pašto adresas nebus skelbiamas.",
    "Cituoti",
]

DOCS = (
    [
        "Pereiti prie turinio",
        "Pagrindinis",
        "Autorius: Jonas Petraitis",
        "Atnaujinta 2021 m. kovo 3 d. 14:05",
        "4 min skaitymo",
        "Dalintis",
        "Dalintis Facebook",
    ],
    [
        "Miesto taryba antradienio vakarą po ilgų diskusijų patvirtino kitų metų biudžetą.",
        "Daugiau nei pusė papildomų lėšų bus skirta mokyklų ir darželių renovacijai.",
        "Opozicija kritikavo, kad miesto skola dar labiau išaugs.",
    ],
    [
        "Reklama",
        "Nuotrauka: ELTA",
        "Susiję straipsniai",
        "Žymės: biudžetas, taryba, mokyklos",
        "Komentarai",
        "Parašykite komentarą",
        "Ši svetainė naudoja slapukus, kad pagerintų jūsų naršymo patirtį.",
        "Priimti visus",
        "Privatumo politika",
    ],
)

OPENS_LIKE_A_LINK = [
    "Skaitykite daugiau knygų, ragina bibliotekininkė.",
    "Taip pat skaitykite pakuotės lapelį prieš vartodami vaistus, pataria vaistininkė.",
    "Spauskite čia ir ten, ir pinigai dingsta, pasakoja nukentėjusi moteris.",
]

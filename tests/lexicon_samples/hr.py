"""Croatian lexicon samples for tests/test_lexicons.py.

The sentences are invented for these tests. BODY lines are news and blog prose, many
opening with a word that also opens a chrome phrase ("Podijeli", "Pročitajte", "Više",
"Komentari", "Pratite", "Autor", "Foto", "Koristimo"), to prove the phrases leave them alone.
Some CHROME lines are the Serbian and Bosnian (Latin script) wordings the same lexicon holds.
"""

BODY = [
    "Više od 200 ljudi prosvjedovalo je u subotu ispred gradske vijećnice.",
    "Podijelite kućanske poslove ravnopravno, savjetuje psihologinja.",
    "Komentari ministra izazvali su oštru reakciju oporbe.",
    "Pročitajte uputu o lijeku prije uporabe, upozorava ljekarnica.",
    "Koristimo iste metode kao prije deset godina, objašnjava ravnateljica.",
    "Nastavkom reformi vlada želi smanjiti proračunski deficit.",
    "Pratite upute civilne zaštite, poručuju nadležni.",
    "Autor knjige dobio je nagradu za književnost.",
    "Fotografije s prosvjeda brzo su obišle društvene mreže.",
    "Korištenjem aplikacije građani mogu predati zahtjev bez odlaska u ured.",
    "Prijava na natječaj traje do kraja svibnja.",
    "Povezane su i cijene hrane i cijene energije, kaže ekonomist.",
    "Još iz doba Austro-Ugarske potječe zgrada stare bolnice u centru grada.",
    "Najnovije istraživanje pokazuje da mladi sve više čitaju na mobitelima.",
    "Dalje od obale vjetar će biti jači, upozoravaju meteorolozi.",
    "U 2020. godini gospodarstvo je palo za osam posto.",
]

CHROME = [
    "Podijeli",
    "Podeli",
    "Podijeli na Facebooku",
    "Oglas",
    "Komentari",
    "Pročitajte više",
    "Pročitajte još: Vlada usvojila proračun za iduću godinu",
    "Pročitajte i: Sabor izglasao novi zakon",
    "Povezane vijesti",
    "Povezane vesti",
    "Moglo bi vas zanimati",
    "Preskoči na sadržaj",
    "Na vrh",
    "Ova web stranica koristi kolačiće kako bi vam pružila najbolje korisničko iskustvo.",
    "Ovaj sajt koristi kolačiće da bi vam pružio bolje korisničko iskustvo.",
    "Prihvati sve",
    "Pravila privatnosti",
    "Sva prava pridržana",
    "Sva prava zadržana",
    "5 min čitanja",
    "Foto 3 od 12",
    "Prijavite se na naš newsletter i primajte najvažnije vijesti dana.",
    "Dodaj komentar",
    "Ostavite komentar",
    "Naslovnica",
    "12 komentara",
    "1 komentar",
    "Citiraj",
    "Tekst se nastavlja ispod oglasa",
]

OPENS_LIKE_A_LINK = [
    "Pročitajte i knjigu ako želite razumjeti pozadinu sukoba.",
    "Pročitajte još jednom pravila prije nego što potpišete ugovor, savjetuje odvjetnica.",
    "Pogledajte i prošlogodišnje brojke, kaže ekonomist.",
]

DOCS = (
    [
        "Preskoči na sadržaj",
        "Naslovnica",
        "Autor: Ivana Horvat",
        "Ažurirano 3. ožujka 2021. u 14:05",
        "4 min čitanja",
        "Podijeli",
        "Podijeli na Facebooku",
    ],
    [
        "Gradsko vijeće u utorak je navečer nakon duge rasprave usvojilo proračun za sljedeću godinu.",
        "Više od polovice dodatnih sredstava bit će utrošeno na obnovu škola i dječjih vrtića.",
        "Oporba je kritizirala što će se time dug grada dodatno povećati.",
    ],
    [
        "Oglas",
        "Foto: Pixsell",
        "Povezane vijesti",
        "Oznake: Proračun, Gradsko vijeće, Škole",
        "Komentari",
        "Dodaj komentar",
        "Ova web stranica koristi kolačiće kako bi vam pružila bolje korisničko iskustvo.",
        "Prihvati sve",
        "Pravila privatnosti",
    ],
)

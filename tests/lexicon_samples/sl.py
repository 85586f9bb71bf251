"""Slovenian samples for tests/test_lexicons.py.

The sentences are invented for the tests: each is the kind of line a Slovenian
article or page really prints. Many body sentences start with a word that also
opens a chrome phrase ("Deli", "Preberite", "Komentarji", "Sledite", "Avtor",
"Foto", "Uporabljamo piškotke", "Z uporabo") to guard the prefixes.
"""

BODY = [
    "Več kot 200 ljudi je v soboto protestiralo pred mestno hišo.",
    "Delite si opravila v gospodinjstvu, svetuje psihologinja.",
    "Komentarji ministra so sprožili ostre odzive opozicije.",
    "Preberite navodila, preden vzamete zdravilo, svetuje farmacevtka.",
    "Uporabljamo enake metode kot pred desetimi leti, pojasnjuje ravnateljica.",
    "Uporabljamo piškotke iz polnozrnate moke, pravi slaščičarka.",
    "Sledite nam pri delu, je novinarje povabil direktor.",
    "Avtor knjige je prejel nagrado za književnost.",
    "Foto razstava v Cankarjevem domu bo odprta do konca meseca.",
    "Z uporabo spletne strani eUprava lahko državljani uredijo številne postopke.",
    "Pred 20 leti je bila vas še brez asfaltirane ceste.",
    "Prijavite se lahko do konca maja na sedežu občine.",
    "Naročite se pri osebnem zdravniku, svetujejo na ministrstvu.",
    "Nadaljujte z branjem knjig tudi med počitnicami, svetujejo knjižničarji.",
    "S klikom na povezavo so žrtve namestile vohunski program.",
    "Več o tem, zakaj je odstopil, ni želel povedati.",
    "Oglas za prodajo stanovanja je objavil v petek.",
    "Deli mesta so ostali brez elektrike do jutra.",
    "Piše se leto 1991, ko Slovenija razglasi samostojnost.",
    "Kliknite in počakajte, je svetoval serviser.",
]

CHROME = [
    "Deli",
    "Deli na Facebooku",
    "Oglas",
    "Oglasno sporočilo",
    "Komentarji",
    "Preberi več",
    "Preberite tudi: Vlada sprejela proračun za prihodnje leto",
    "Sorodne novice",
    "Morda vas zanima",
    "Preskoči na vsebino",
    "Na vrh",
    "Ta spletna stran uporablja piškotke za izboljšanje uporabniške izkušnje.",
    "Sprejmi vse",
    "Politika zasebnosti",
    "Vse pravice pridržane",
    "5 min branja",
    "Foto 3 od 12",
    "Prijavite se na e-novice in prejemajte najpomembnejše novice dneva.",
    "Dodaj komentar",
    "Domov",
    "12 komentarjev",
    "1 komentar",
    "2 komentarja",
    "3 komentarji",
    "Vaš e-naslov ne bo objavljen. Zahtevana polja so označena z *",
    "Citiraj",
    "Novejša objava Starejša objava Domov",
    "Skupna raba v storitvi Twitter",
]

DOCS = (
    [
        "Preskoči na vsebino",
        "Domov",
        "Avtor: Janez Novak",
        "Posodobljeno: 3. marec 2021 ob 14.05",
        "4 min branja",
        "Deli",
        "Deli na Facebooku",
    ],
    [
        "Mestni svet je v torek zvečer po dolgi razpravi sprejel proračun za prihodnje leto.",
        "Več kot polovica dodatnih sredstev bo namenjena obnovi šol in vrtcev.",
        "Opozicija je kritizirala, da se bo dolg občine s tem še povečal.",
    ],
    [
        "Oglas",
        "Foto: STA",
        "Sorodne novice",
        "Oznake: proračun, mestni svet, šole",
        "Komentarji",
        "Dodaj komentar",
        "Ta spletna stran uporablja piškotke za boljšo uporabniško izkušnjo.",
        "Sprejmi vse",
        "Politika zasebnosti",
    ],
)

OPENS_LIKE_A_LINK = [
    "Preberite tudi navodila za uporabo, preden zaužijete zdravilo.",
    "Preberi več knjig, je hčerki svetovala učiteljica.",
    "Kliknite tukaj in tam, pa denarja ni več, pripoveduje upokojenka.",
]

"""Estonian samples for tests/test_lexicons.py.

The sentences below are invented for these tests: each is the kind of line an Estonian
news article or blog really prints, and many start with a word that also opens chrome
("Jaga", "Loe", "Vaata", "Kommentaarid", "Jälgi", "Autor", "Foto", "Kasutame").
"""

BODY = [
    "Rohkem kui 200 inimest avaldas laupäeval raekoja ees meelt.",
    "Jaga kodutööd pereliikmete vahel õiglaselt, soovitab psühholoog.",
    "Kommentaarid, mida minister pressikonverentsil tegi, tekitasid opositsioonis pahameelt.",
    "Loe pakendi infolehte enne ravimi võtmist hoolikalt läbi, soovitab arst.",
    "Jälgi raha, soovitavad audiitorid.",
    "Kasutame samu meetodeid nagu kümme aastat tagasi, ütleb juhataja.",
    "Vaata ette, hüüdis ta, kui auto nurga tagant välja sõitis.",
    "Autor sai kirjandusauhinna oma esimese romaani eest.",
    "Foto tegemiseks kulus fotograafil kolm tundi.",
    "Veebilehte kasutades saavad kodanikud taotleda eluasemetoetust.",
    "Jätkates praegust poliitikat, suurendab valitsus eelarvepuudujääki.",
    "Nõustun otsusega, kuid ei pea seda õigeks, ütles linnapea.",
    "Uuendatud seadus jõustub järgmise aasta jaanuaris.",
    "Seotud isikute tehingud vajavad nõukogu heakskiitu.",
    "Telli kaup varakult, soovitab kaupmees jõulude eel.",
    "2021. aastal kasvas Eesti majandus 8%.",
    "Toimetus vabandab vea pärast.",
    "Kuula, mida lapsel on öelda, soovitab lasteaiaõpetaja.",
    "Kasutame küpsiseid, et teha koogile krõbe põhi, ütleb kondiiter.",
    "Jälgi meid tähelepanelikult, hoiatas politseinik lapsi.",
    "Autoriõigus kehtib 70 aastat pärast autori surma.",
    "Sisesta oma e-posti aadress ja parool ning vajuta nuppu.",
    "Eile õhtul kell 20 algas kontsert Vabaduse väljakul.",
]

CHROME = [
    "Jaga",
    "Jaga Facebookis",
    "Reklaam",
    "Artikkel jätkub pärast reklaami",
    "Kommentaarid",
    "Loe edasi",
    "Loe ka: Valitsus kiitis heaks riigieelarve",
    "LOE KA: Tallinna linnavolikogu valis uue linnapea",
    "Seotud artiklid",
    "Sind võib huvitada",
    "Liigu sisu juurde",
    "Tagasi üles",
    "See veebileht kasutab küpsiseid, et pakkuda sulle parimat kasutajakogemust.",
    "Nõustu kõigiga",
    "Privaatsuspoliitika",
    "Kõik õigused kaitstud",
    "5 min lugemist",
    "Lugemisaeg 5 minutit",
    "Foto 3/12",
    "Telli meie uudiskiri ja saa olulisemad uudised otse oma postkasti.",
    "Lisa kommentaar",
    "Avaleht",
    "12 kommentaari",
    "1 kommentaar",
    "Sinu e-postiaadressi ei avaldata. Kohustuslikud väljad on märgitud *",
    "Tsiteeri",
    "Kuula artiklit",
]

DOCS = (
    [
        "Liigu sisu juurde",
        "Avaleht",
        "Autor: Mari Maasik",
        "Uuendatud 3. märts 2021 kell 14:05",
        "4 min lugemist",
        "Jaga",
        "Jaga Facebookis",
    ],
    [
        "Linnavolikogu kiitis teisipäeva õhtul pärast pikka arutelu heaks järgmise aasta eelarve.",
        "Üle poole lisarahast läheb koolide ja lasteaedade remondiks.",
        "Opositsioon kritiseeris, et linna võlakoormus kasvab seeläbi veelgi.",
    ],
    [
        "Reklaam",
        "Foto: Scanpix",
        "Seotud artiklid",
        "Sildid: eelarve, volikogu, koolid",
        "Kommentaarid",
        "Lisa kommentaar",
        "Kasutame küpsiseid, et parandada teie kasutajakogemust.",
        "Nõustu kõigiga",
        "Privaatsuspoliitika",
    ],
)

OPENS_LIKE_A_LINK = [
    "Loe ka pakendi infolehte enne ravimi võtmist, soovitab arst.",
    "Vaata ka eelmise aasta numbreid, ütleb majandusteadlane.",
    "Loe edasi, kui tahad teada, kuidas lugu lõppes.",
]

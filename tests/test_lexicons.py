"""The lexicon files: well formed, no typo categories, and precise on real-looking text.

Body sentences below are invented for these tests; each is the kind of line an
article in that language really prints, and many start with a word that also
opens chrome ("Mehr", "Lesen", "Par", "Por", "Подробнее") to guard the prefixes.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import runpy
from pathlib import Path

import pytest

from cleaner import Config, Cleaner, blocks, lines
from cleaner import lexicon as lexicon_module
from cleaner.lang import detect
from cleaner.lexicon import ROOT, load, read_phrases
from cleaner.text import key, word_count

LANG_DIRS = sorted(p for p in ROOT.iterdir() if p.is_dir())
FILES = sorted(p for d in LANG_DIRS for p in [*d.glob("*.txt"), *d.glob("words/*.txt")])
EN = ROOT / "en"
# Every category is English's, or one of common/ that needs no words of a language (browser marks).
EN_CATEGORIES = {p.stem for p in EN.glob("*.txt")}
CATEGORIES = EN_CATEGORIES | {p.stem for p in (ROOT / "common").glob("*.txt")}
EN_WORDS = {p.stem for p in EN.glob("words/*.txt")}
# Folders whose files this suite holds to the stricter rule (no two phrases with one key).
SHARED_FOLDERS = {"en", "common"}


def _rel(path) -> str:
    return str(path.relative_to(ROOT))


def _folder(path) -> str:
    """The language folder a lexicon file belongs to."""
    return path.parent.parent.name if path.parent.name == "words" else path.parent.name


# --- (1) every file parses -------------------------------------------------------

@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_file_parses_with_leading_comment(path):
    text = path.read_text(encoding="utf-8")  # must be UTF-8
    first = text.splitlines()[0] if text else ""
    assert first.startswith("# "), f"{_rel(path)}: the first line must be a comment saying what the file holds"
    phrases = read_phrases(path)
    assert phrases, f"{_rel(path)}: no phrases"
    for phrase in phrases:
        assert "\t" not in phrase, f"{_rel(path)}: tab in {phrase!r}"
        body = phrase[:-2] if phrase.endswith(" *") else phrase
        # A punctuation-only phrase has an empty key and is never loaded ("©" in common/
        # is matched by lines.legal_footer itself); in language folders it is a mistake.
        if _folder(path) not in SHARED_FOLDERS:
            assert key(body), f"{_rel(path)}: {phrase!r} has an empty key (punctuation only?)"


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_no_duplicate_phrases(path):
    phrases = read_phrases(path)
    dupes = sorted({p for p in phrases if phrases.count(p) > 1})
    assert not dupes, f"{_rel(path)}: duplicate lines {dupes}"
    if _folder(path) in SHARED_FOLDERS:
        return
    seen: dict[tuple[str, bool], str] = {}
    for p in phrases:
        is_prefix = p.endswith(" *")
        k = (key(p[:-2] if is_prefix else p), is_prefix)
        assert k not in seen, f"{_rel(path)}: {p!r} has the same key as {seen[k]!r}"
        seen[k] = p


# --- (2) categories: no typos, every category used ---------------------------------

@pytest.mark.parametrize("folder", [d for d in LANG_DIRS if d.name != "en"], ids=lambda d: d.name)
def test_categories_exist_in_english(folder):
    cats = {p.stem for p in folder.glob("*.txt")}
    words = {p.stem for p in folder.glob("words/*.txt")}
    assert cats <= CATEGORIES, f"{folder.name}: unknown categories {sorted(cats - CATEGORIES)}"
    assert words <= EN_WORDS, f"{folder.name}: unknown word lists {sorted(words - EN_WORDS)}"
    unexpected = {p.name for p in folder.iterdir()} - {f"{c}.txt" for c in CATEGORIES} - {"words"}
    assert not unexpected, f"{folder.name}: stray entries {sorted(unexpected)}"


def _rule_sources() -> str:
    """The source of every function of the line rules' module and of the block rules' package."""
    modules = [lines, *(importlib.import_module(f"{blocks.__name__}.{info.name}")
                        for info in pkgutil.iter_modules(blocks.__path__))]
    return "\n".join(
        inspect.getsource(fn)
        for module in modules
        for _, fn in inspect.getmembers(module, inspect.isfunction) if fn.__module__ == module.__name__
    )


def test_every_english_category_has_a_rule():
    source = _rule_sources()
    used = set(re.findall(r"""f\.category\(["'](\w+)["']\)""", source))
    missing = CATEGORIES - used
    assert not missing, f"categories no rule reads via f.category(...): {sorted(missing)}"


def test_every_english_word_list_has_a_rule():
    source = _rule_sources()
    used = set(re.findall(r"""\.words\(["'](\w+)["']\)""", source))
    # Lists compiled into a pattern of the lexicon (words/contact.txt: Lexicon.contact), which a rule reads.
    compiled = dict(re.findall(r"""(\w+)=\w+\(vocab\.get\(["'](\w+)["']""", inspect.getsource(lexicon_module)))
    used |= {name for field, name in compiled.items() if f"lex.{field}" in source}
    missing = EN_WORDS - used
    assert not missing, f"word lists no rule reads via lex.words(...): {sorted(missing)}"


REQUIRED = ("de", "fr", "es", "ru")
#: Languages whose samples live in a file of their own, tests/lexicon_samples/<lang>.py, defining
#: BODY, CHROME, DOCS (and OPENS_LIKE_A_LINK, optional) for that language, shaped as the tables below.
SAMPLED = {path.stem: runpy.run_path(str(path)) for path in sorted((Path(__file__).parent / "lexicon_samples").glob("*.py"))}
#: Languages added after those, held to the same checks (codes as cleaner.lang.detect returns them).
EXTRA = ("ar", "ca", "da", "el", "fi", "he", "hu", "id", "nb", "ro", "sk", "vi", *SAMPLED)
CHECKED = REQUIRED + EXTRA


@pytest.mark.parametrize("lang", CHECKED)
def test_required_language_is_complete(lang):
    folder = ROOT / lang
    assert {p.stem for p in folder.glob("*.txt")} == EN_CATEGORIES
    assert {p.stem for p in folder.glob("words/*.txt")} == EN_WORDS


# --- (3) precision and recall of the phrases ---------------------------------------

BODY = {
    "de": [
        "Mehr als 200 Menschen demonstrierten am Samstag vor dem Rathaus.",
        "Mehr dazu sagte der Minister am Abend nicht.",
        "Lesen Sie die Packungsbeilage, bevor Sie das Medikament einnehmen, rät die Ärztin.",
        "Von Berlin aus fuhr der Zug weiter nach Warschau.",
        "Weitere Informationen gab die Polizei zunächst nicht bekannt.",
        "Auch interessant ist, dass die Preise im Süden kaum gestiegen sind.",
        "Teilen wollte der Verein die Einnahmen nicht.",
        "Wir verwenden seit Jahren dieselben Geräte, sagte der Bäcker.",
        "Anmelden können sich Interessierte bis Ende Mai im Bürgerbüro.",
        "Die Kommentare des Trainers sorgten für Unmut bei den Spielern.",
        "Mit der Anmeldung beim Finanzamt beginnt für Gründer der Papierkram.",
        "Zum Thema Klimaschutz äußerte sich die Kanzlerin nur knapp.",
        "Unterstützt von der EU baute die Stadt eine neue Brücke.",
        "Durch die Nutzung von Solarstrom spart die Schule jährlich 4000 Euro.",
    ],
    "fr": [
        "Plus de 200 personnes ont manifesté samedi devant la mairie.",
        "Par ailleurs, le ministre a démenti toute augmentation des impôts.",
        "Lire est pour elle une façon de s'évader du quotidien.",
        "En cliquant sur ce lien, les victimes installaient un logiciel espion.",
        "Pour aller plus loin, le gouvernement propose une réforme du code du travail.",
        "Partager les tâches ménagères reste un défi pour de nombreux couples.",
        "Découvrir la ville à vélo est devenu très populaire cet été.",
        "À lire les commentaires, on croirait que la saison est déjà perdue.",
        "Nous utilisons depuis longtemps les mêmes méthodes, explique la directrice.",
        "En partenariat avec la mairie, l'association organise une collecte.",
        "Pour réagir à la crise, le gouvernement a débloqué un fonds d'urgence.",
        "Les commentaires du président ont été vivement critiqués.",
    ],
    "es": [
        "Más de 200 personas se manifestaron el sábado frente al ayuntamiento.",
        "Por eso el Gobierno decidió actuar con rapidez.",
        "Leer es para ella una forma de escapar de la rutina.",
        "Al hacer clic en el enlace, los usuarios eran redirigidos a una web falsa.",
        "Más información sobre el caso se conocerá mañana, según fuentes judiciales.",
        "Sigue a la espera de juicio el acusado del robo.",
        "Compartir piso es cada vez más habitual entre los jóvenes.",
        "Utilizamos el mismo método desde hace años, explica la directora.",
        "Ver más allá de los números es la tarea del analista.",
        "Los comentarios del entrenador molestaron a los jugadores.",
        "Si continúa la sequía, el embalse quedará vacío en agosto.",
    ],
    "ru": [
        "Источник в правительстве сообщил, что решение ещё не принято.",
        "Подробнее об этом рассказал министр на пресс-конференции.",
        "По теме доклада выступили представители трёх министерств.",
        "Читать он научился в четыре года.",
        "Используя сайт госуслуг, граждане могут записаться к врачу.",
        "Главный редактор издания заявил, что материал будет исправлен.",
        "Поделиться опытом на форум приехали учителя со всей страны.",
        "Не пропустите момент, когда тесто начнёт подниматься.",
        "При поддержке властей компания построила новый завод.",
        "В 2020 году компания выросла на 5%.",
        "Комментарии экспертов разошлись: одни ждут роста, другие — падения.",
        "ООО «Ромашка» объявило о банкротстве.",
    ],
    "ar": [
        "تظاهر أكثر من 200 شخص يوم السبت أمام مبنى البلدية.",
        "شارك أكثر من ألف شخص في المسيرة يوم الجمعة.",
        "التعليقات التي أدلى بها الوزير أثارت غضب المعارضة.",
        "نستخدم الأساليب نفسها منذ عشر سنوات، تقول المديرة.",
        "باستخدامك لهذا التطبيق يمكنك دفع الفواتير بسهولة، يقول الخبير.",
        "تابعنا الموقف منذ البداية، قال المتحدث باسم الحكومة.",
        "في عام 2024 نما الاقتصاد بنسبة 2%.",
        "عاجل جدا أن تتدخل الحكومة، قال النائب.",
    ],
    "ca": [
        "Comparteix pis amb tres estudiants des del setembre.",
        "Els comentaris del conseller han provocat la reacció de l'oposició.",
        "Utilitzem els mateixos mètodes que fa deu anys, explica la directora.",
        "Si continues navegant per la muntanya, trobaràs el refugi.",
        "Per Sant Jordi, Maria Puig va signar llibres a la Rambla.",
        "Rep cada dia 50 trucades de veïns preocupats, explica l'alcaldessa.",
        "Continua la vaga de professors per tercera setmana.",
        "Tanca la porta, va cridar ella.",
        "Anterior a la reforma, la llei permetia contractes temporals.",
    ],
    "da": [
        "Del af regningen skal betales af kommunerne, oplyser ministeriet.",
        "Af de 300 ansatte skal 40 afskediges inden jul.",
        "Kommentarer fra ministeren fik oppositionen til at reagere.",
        "Ved at klikke på linket kom ofrene ind på en falsk side.",
        "Ved at bruge hjemmesiden kan borgerne søge om boligstøtte.",
        "Vi bruger de samme metoder som for ti år siden, siger direktøren.",
        "Få nyhederne har fået så meget opmærksomhed som denne sag.",
        "Du kan til enhver tid ændre din adresse hos kommunen.",
    ],
    "el": [
        "Μοιραστείτε τις δουλειές του σπιτιού δίκαια, συμβουλεύει η ψυχολόγος.",
        "Τα σχόλια του υπουργού προκάλεσαν την αντίδραση της αντιπολίτευσης.",
        "Χρησιμοποιούμε τις ίδιες μεθόδους εδώ και δέκα χρόνια, λέει η διευθύντρια.",
        "Συνεχίζοντας την περιήγηση στα νησιά, οι τουρίστες έφτασαν στη Νάξο.",
        "Ακολουθήστε τις οδηγίες της Πολιτικής Προστασίας, τονίζουν οι αρχές.",
        "Του Αγίου Πνεύματος η αργία μεταφέρεται φέτος.",
        "Σχετικά με την υπόθεση, ο υπουργός δήλωσε ότι θα υπάρξει έρευνα.",
        "Το 2024 η οικονομία αναπτύχθηκε κατά 2%.",
    ],
    "fi": [
        "Jaa tehtävät tasaisesti perheen kesken, neuvoo asiantuntija.",
        "Kommentit ministeriltä saivat opposition kiukustumaan.",
        "Seuraa rahaa, neuvovat tilintarkastajat.",
        "Käytämme samoja menetelmiä kuin kymmenen vuotta sitten, sanoo johtaja.",
        "Jatkamalla nykyistä linjaa hallitus ajaa talouden alijäämään.",
        "Käyttämällä sivustoa kuluttajat voivat vertailla sähkön hintoja.",
        "Keskustelu jatkuu eduskunnassa ensi viikolla.",
        "Sulje ovi, hän huusi.",
        "Toimitus pahoittelee virhettä.",
        "Hyväksy tai hylkää: valtuuston on valittava nyt.",
    ],
    "he": [
        "יותר מ-200 איש הפגינו ביום שבת מול בניין העירייה.",
        "שתפו פעולה עם החוקרים, ביקש המפכ\"ל מהציבור.",
        "התגובות של השר עוררו סערה באופוזיציה.",
        "אנו משתמשים באותן שיטות כבר עשר שנים, אומרת המנהלת.",
        "המשך הגלישה באתר הממשלתי נחסם בשל מתקפת סייבר.",
        "עקבו אחרינו לאורך המסלול, אמר המדריך לקבוצה.",
        "מאת ראש הממשלה נמסר כי ההחלטה תתקבל בקרוב.",
        "אישור התוכנית צפוי בשבוע הבא.",
    ],
    "hu": [
        "Tovább nőtt az infláció márciusban, közölte a KSH.",
        "Kövess minket a hegyi ösvényen, mondta a túravezető a csoportnak.",
        "Ossza meg a terheket a család, tanácsolja a pszichológus.",
        "Hozzászólások érkeztek a lakosság részéről is a tervezethez.",
        "Iratkozz fel a tanfolyamra péntekig, írja az egyesület.",
        "Sütiket használunk a díszítéshez, mondta a cukrász.",
        "A weboldal használatával kapcsolatban sok panasz érkezett.",
        "Elfogadom a döntést, de nem értek vele egyet, mondta a polgármester.",
    ],
    "id": [
        "Lebih dari 200 orang berunjuk rasa di depan balai kota pada Sabtu.",
        "Bagikan tugas rumah secara adil, saran psikolog.",
        "Komentar menteri itu memicu reaksi keras dari oposisi.",
        "Kami menggunakan metode yang sama seperti sepuluh tahun lalu, kata direktur.",
        "Dengan menggunakan aplikasi itu, warga bisa mengurus izin secara daring.",
        "Dengan melanjutkan pembangunan, pemerintah berharap jalan tol selesai Agustus.",
        "Ikuti aturan lalu lintas, kata polisi kepada para pengendara.",
        "Oleh karena itu, pemerintah menaikkan harga BBM.",
    ],
    "nb": [
        "Del av regningen skal betales av kommunene, opplyser departementet.",
        "Av de 300 ansatte skal 40 sies opp før jul.",
        "Kommentarer fra statsministeren fikk opposisjonen til å reagere.",
        "Ved å klikke på lenken kom ofrene inn på en falsk side.",
        "Vi bruker de samme metodene som for ti år siden, sier direktøren.",
        "Meld deg på kurset innen fredag, skriver foreningen.",
        "Følg pengene, lyder rådet fra revisorene.",
        "Ved å bruke nettstedet kan innbyggerne søke om bostøtte.",
        "Direkte etter møtet dro hun hjem.",
    ],
    "ro": [
        "Distribuie ajutoarele primăria, nu guvernul, a precizat prefectul.",
        "Comentariile ministrului au stârnit reacții dure din partea opoziției.",
        "Urmărește știrile zilnic și vei vedea că prețurile cresc.",
        "Folosim aceleași metode ca acum zece ani, explică directorul.",
        "Prin continuarea lucrărilor, primăria speră să termine podul în august.",
        "De Ziua Națională, Klaus Iohannis a depus o coroană.",
        "Accept orice critică, dar nu și minciunile, a declarat primarul.",
        "Mai multe detalii vor fi anunțate luni, a precizat ministerul.",
    ],
    "sk": [
        "Viac ako 200 ľudí protestovalo v sobotu pred radnicou.",
        "Zdieľať byt so spolubývajúcimi je pre študentov bežné.",
        "Komentáre ministra vyvolali ostrú reakciu opozície.",
        "Používame rovnaké metódy ako pred desiatimi rokmi, vysvetľuje riaditeľka.",
        "Pokračovaním v reformách chce vláda znížiť deficit.",
        "Používaním tejto stránky sa zaoberal aj úrad pre ochranu údajov.",
        "Sledujte nás pri práci, pozval novinárov riaditeľ.",
        "Úvod sezóny sa Slovanu nevydaril.",
        "Autor knihy dostal cenu za literatúru.",
    ],
    "vi": [
        "Chia sẻ với báo chí, ông Nam cho biết dự án sẽ hoàn thành vào tháng 8.",
        "Bình luận của bộ trưởng gây phản ứng mạnh từ phe đối lập.",
        "Theo dõi sát diễn biến thời tiết, người dân cần chủ động phòng tránh.",
        "Chúng tôi sử dụng phương pháp giống như mười năm trước, giám đốc nói.",
        "Bằng cách tiếp tục cải cách, chính phủ hy vọng giảm thâm hụt ngân sách.",
        "Trả lời câu hỏi của phóng viên, ông Minh nói rằng sẽ xem xét lại.",
        "Đăng ký kết hôn tại Việt Nam cần những giấy tờ gì?",
        "Năm 2024 kinh tế tăng trưởng 6%.",
    ],
}

CHROME = {
    "de": [
        "Teilen", "Auf Facebook teilen", "Anzeige", "Werbung", "Kommentare", "Weiterlesen",
        "Lesen Sie auch: Die Bahn streicht weitere Verbindungen",
        "Mehr zum Thema", "Das könnte Sie auch interessieren", "Zum Inhalt springen", "Nach oben",
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
        "Alle akzeptieren", "Impressum", "Datenschutzerklärung", "5 Min. Lesezeit", "Bild 3 von 12",
        "Melden Sie sich für unseren Newsletter an und erhalten Sie täglich die wichtigsten Nachrichten.",
        "Schreibe einen Kommentar", "Artikel anhören", "Startseite", "Alle Rechte vorbehalten",
        "Mit Zitat antworten", "Alle Zeitangaben in WEZ +1. Es ist jetzt 14:01 Uhr.",
    ],
    "fr": [
        "Partager", "Partager sur Facebook", "Publicité", "Commentaires", "Lire la suite",
        "Lire aussi : Le gouvernement présente son budget",
        "Sur le même sujet", "À lire aussi", "Aller au contenu principal", "Retour en haut",
        "Nous utilisons des cookies pour améliorer votre expérience.",
        "Tout accepter", "Mentions légales", "Politique de confidentialité", "5 min de lecture",
        "Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.",
        "Laisser un commentaire", "Accueil", "Tous droits réservés",
        "Cet article est réservé aux abonnés. Il vous reste 80% à découvrir.",
        "Répondre en citant", "Signaler ce message",
    ],
    "es": [
        "Compartir", "Compartir en Facebook", "Publicidad", "Comentarios", "Leer más",
        "Lee también: El Gobierno aprueba los presupuestos",
        "Noticias relacionadas", "Te puede interesar", "Saltar al contenido", "Volver arriba",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
        "Aceptar todo", "Aviso legal", "Política de privacidad", "5 min de lectura",
        "Suscríbete a nuestra newsletter y recibe las noticias más importantes.",
        "Deja un comentario", "Inicio", "Todos los derechos reservados", "Responder citando",
    ],
    "ru": [
        "Поделиться", "Поделиться в Telegram", "Реклама", "Комментарии", "Читать далее",
        "Читайте также: Правительство утвердило бюджет",
        "Похожие новости", "Вам может быть интересно", "Перейти к содержимому", "Наверх",
        "Мы используем файлы cookie, чтобы сайт работал лучше.",
        "Принять все", "Политика конфиденциальности", "Все права защищены", "5 мин чтения",
        "Подпишитесь на нашу рассылку, чтобы получать главные новости.",
        "Оставить комментарий", "Главная", "На правах рекламы",
    ],
    "ar": [
        "شارك", "شارك على فيسبوك", "إعلان", "التعليقات", "اقرأ المزيد", "اقرأ أيضاً: الحكومة تقر الموازنة العامة",
        "مقالات ذات صلة", "قد يعجبك أيضاً", "انتقل إلى المحتوى", "العودة للأعلى",
        "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.", "قبول الكل", "سياسة الخصوصية", "جميع الحقوق محفوظة",
        "5 دقائق للقراءة", "صورة 3 من 12", "اشترك في النشرة الإخبارية لتصلك أهم الأخبار.", "أضف تعليقاً", "الرئيسية",
        "12 تعليق",
    ],
    "ca": [
        "Comparteix", "Comparteix a Facebook", "Publicitat", "Comentaris", "Llegeix més",
        "Llegeix també: El Govern aprova els pressupostos", "Notícies relacionades", "També et pot interessar",
        "Vés al contingut", "Torna a dalt", "Utilitzem galetes per millorar la vostra experiència.",
        "Accepta-ho tot", "Política de privadesa", "Tots els drets reservats", "5 min de lectura", "Foto 3 de 12",
        "Subscriu-te al nostre butlletí i rep les notícies més importants.", "Deixa un comentari", "Portada",
    ],
    "da": [
        "Del", "Del på Facebook", "Annonce", "Kommentarer", "Læs mere",
        "Læs også: Regeringen fremlægger finansloven", "Relaterede artikler", "Du vil måske også kunne lide",
        "Spring til indhold", "Til toppen", "Vi bruger cookies for at give dig den bedste oplevelse.",
        "Accepter alle", "Privatlivspolitik", "Alle rettigheder forbeholdes", "5 min læsning", "Billede 3 af 12",
        "Tilmeld dig vores nyhedsbrev og få dagens vigtigste nyheder.", "Skriv en kommentar", "Forside",
        "12 kommentarer",
    ],
    "el": [
        "Κοινοποίηση", "ΚΟΙΝΟΠΟΙΗΣΗ", "Κοινοποίηση στο Facebook", "Διαφήμιση", "Σχόλια", "Διαβάστε περισσότερα",
        "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ: Η κυβέρνηση κατέθεσε τον προϋπολογισμό", "Σχετικά άρθρα", "Μπορεί να σας ενδιαφέρει",
        "Μετάβαση στο περιεχόμενο", "Επιστροφή στην κορυφή",
        "Χρησιμοποιούμε cookies για να βελτιώσουμε την εμπειρία σας.", "Αποδοχή όλων", "Πολιτική απορρήτου",
        "Με επιφύλαξη παντός δικαιώματος", "5 λεπτά ανάγνωσης", "Φωτογραφία 3 από 12",
        "Εγγραφείτε στο newsletter μας για να μαθαίνετε πρώτοι τα νέα.", "Αφήστε ένα σχόλιο", "Αρχική",
    ],
    "fi": [
        "Jaa", "Jaa Facebookissa", "Mainos", "Kommentit", "Lue lisää", "Lue myös: Hallitus esittelee budjettinsa",
        "Aiheeseen liittyvät artikkelit", "Sinua voisi kiinnostaa", "Siirry sisältöön", "Takaisin ylös",
        "Käytämme evästeitä parantaaksemme käyttökokemustasi.", "Hyväksy kaikki", "Tietosuojaseloste",
        "Kaikki oikeudet pidätetään", "Lukuaika 5 min", "Kuva 3/12",
        "Tilaa uutiskirjeemme ja saat tärkeimmät uutiset sähköpostiisi.", "Kirjoita kommentti", "Etusivu",
        "12 kommenttia",
    ],
    "he": [
        "שתף", "שתפו בפייסבוק", "פרסומת", "תגובות", "קראו עוד", "קראו גם: הממשלה אישרה את התקציב", "כתבות קשורות",
        "אולי יעניין אותך", "דלג לתוכן", "חזרה למעלה", "אתר זה משתמש בעוגיות כדי לשפר את חוויית הגלישה.", "קבל הכל",
        "מדיניות פרטיות", "כל הזכויות שמורות", "5 דקות קריאה", "תמונה 3 מתוך 12",
        "הירשמו לניוזלטר שלנו וקבלו את החדשות החשובות.", "הוסף תגובה", "דף הבית", "12 תגובות",
    ],
    "hu": [
        "Megosztás", "Megosztás a Facebookon", "Hirdetés", "Hozzászólások", "Tovább olvasom",
        "Olvasd el ezt is: A kormány benyújtotta a költségvetést", "Kapcsolódó cikkek", "Ez is érdekelhet",
        "Ugrás a tartalomra", "Vissza a tetejére",
        "Weboldalunk sütiket használ a jobb felhasználói élmény érdekében.", "Összes elfogadása",
        "Adatvédelmi tájékoztató", "Minden jog fenntartva", "5 perc olvasás", "Kép 3/12",
        "Iratkozz fel hírlevelünkre, és megkapod a legfontosabb híreket.", "Szólj hozzá", "Főoldal",
        "12 hozzászólás",
    ],
    "id": [
        "Bagikan", "Bagikan ke Facebook", "Iklan", "Komentar", "Baca selengkapnya",
        "Baca Juga: Pemerintah Umumkan Kenaikan Harga BBM", "Berita Terkait", "Anda mungkin juga suka",
        "Langsung ke konten", "Kembali ke atas", "Kami menggunakan cookie untuk meningkatkan pengalaman Anda.",
        "Terima Semua", "Kebijakan Privasi", "Hak Cipta Dilindungi Undang-Undang", "5 menit membaca",
        "Foto 3 dari 12", "Berlangganan newsletter kami untuk mendapatkan berita terbaru.", "Tinggalkan Balasan",
        "Beranda", "Lihat Foto",
    ],
    "nb": [
        "Del", "Del på Facebook", "Annonse", "Kommentarer", "Les mer",
        "Les også: Regjeringen legger fram statsbudsjettet", "Relaterte saker", "Du vil kanskje også like",
        "Hopp til hovedinnhold", "Til toppen", "Vi bruker informasjonskapsler for å gi deg en bedre opplevelse.",
        "Godta alle", "Personvernerklæring", "Alle rettigheter forbeholdt", "5 min lesing", "Bilde 3 av 12",
        "Meld deg på nyhetsbrevet vårt og få de viktigste nyhetene.", "Legg igjen en kommentar", "Forside",
    ],
    "ro": [
        "Distribuie", "Distribuie pe Facebook", "Publicitate", "Comentarii", "Citește mai mult",
        "CITEȘTE ȘI: Guvernul a adoptat bugetul", "Articole similare", "Te-ar putea interesa", "Sari la conținut",
        "Înapoi sus", "Acest site folosește cookie-uri pentru a vă oferi o experiență mai bună.", "Acceptă toate",
        "Politica de confidențialitate", "Toate drepturile rezervate", "5 min de citit", "Foto 3 din 12",
        "Abonează-te la newsletterul nostru și primești cele mai importante știri.", "Lasă un comentariu", "Acasă",
        "25 de comentarii", "Conţinut sponsorizat",
    ],
    "sk": [
        "Zdieľať", "Zdieľať na Facebooku", "Reklama", "Komentáre", "Čítať ďalej",
        "Čítajte aj: Vláda schválila rozpočet", "Súvisiace články", "Mohlo by vás zaujímať", "Preskočiť na obsah",
        "Späť hore", "Táto webová stránka používa súbory cookie na zlepšenie vášho zážitku.", "Prijať všetko",
        "Ochrana osobných údajov", "Všetky práva vyhradené", "5 min čítania", "Foto 3 z 12",
        "Prihláste sa na odber newslettera a dostávajte najdôležitejšie správy.", "Pridať komentár", "Domov",
        "12 komentárov",
    ],
    "vi": [
        "Chia sẻ", "Chia sẻ lên Facebook", "Quảng cáo", "Bình luận", "Xem thêm",
        "Xem thêm: Chính phủ thông qua dự toán ngân sách", "Tin liên quan", "Có thể bạn quan tâm",
        "Chuyển đến nội dung", "Lên đầu trang", "Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn.",
        "Chấp nhận tất cả", "Chính sách bảo mật", "Bảo lưu mọi quyền", "5 phút đọc", "Ảnh 3/12",
        "Đăng ký nhận bản tin để không bỏ lỡ tin tức quan trọng.", "Gửi bình luận", "Trang chủ", "12 bình luận",
    ],
}

#: Sentences that open with a prefix phrase of read_more.txt ("Læs mere *", "Lue myös *"): they match
#: the lexicon, and lines.read_more keeps them because they end like sentences.
OPENS_LIKE_A_LINK = {
    "ar": [
        "اقرأ أيضا النشرة المرفقة قبل تناول الدواء، تنصح الطبيبة.",
        "اضغط هنا وهناك، وتختفي الأموال، تقول السيدة.",
    ],
    "ca": [
        "Llegeix més que ningú de la seva classe, diu la mestra.",
        "Llegeix també l'informe abans d'opinar, va dir el conseller.",
        "Fes clic aquí i allà, i els diners van desaparèixer, explica la dona.",
    ],
    "da": [
        "Læs mere om sagen i rapporten, opfordrede ministeren.",
        "Læs også bogen, hvis du vil forstå baggrunden.",
        "Se også på tallene fra sidste år, siger økonomen.",
        "Klik her og der, og pludselig var pengene væk, fortæller kvinden.",
    ],
    "el": [
        "Διαβάστε επίσης το φύλλο οδηγιών πριν πάρετε το φάρμακο, συστήνει η γιατρός.",
        "Δείτε επίσης τα στοιχεία της περσινής χρονιάς, λέει ο οικονομολόγος.",
    ],
    "fi": [
        "Lue lisää aiheesta uutisen lopussa olevasta raportista.",
        "Lue myös pakkausseloste huolellisesti ennen lääkkeen käyttöä.",
        "Katso myös viime vuoden lukuja, sanoo ekonomisti.",
    ],
    "he": [
        "קראו גם את העלון לפני נטילת התרופה, ממליצה הרופאה.",
        "עוד בנושא, אמר השר כי הממשלה תדון בהצעה בשבוע הבא.",
    ],
    "hu": [
        "Bővebben a jelentés második fejezete foglalkozik a kérdéssel.",
        "Kapcsolódó beruházásként új út is épül a gyár mellé.",
    ],
    "id": [
        "Baca juga petunjuk penggunaan sebelum minum obat, kata dokter.",
        "Terkait hal itu, polisi masih menyelidiki kasusnya.",
    ],
    "nb": [
        "Les mer om saken i rapporten, oppfordret statsråden.",
        "Les også boken hvis du vil forstå bakgrunnen.",
    ],
    "ro": [
        "Citește mai mult decât oricine din clasa ei, spune profesoara.",
        "Citește și tu raportul înainte să judeci, i-a spus ministrul.",
    ],
    "sk": [
        "Čítajte aj príbalový leták, upozorňuje lekárnička.",
    ],
    "vi": [
        "Xem thêm các quy định tại thông tư số 12 của Bộ Tài chính.",
        "Đọc thêm sách là lời khuyên của các chuyên gia giáo dục.",
    ],
}


def _match(lang: str, line: str):
    lex = load(lang)
    k = key(line)
    return lex.phrase(k) or lex.prefix(k, word_count(line))


@pytest.mark.parametrize("lang", CHECKED)
def test_body_sentences_are_not_phrases(lang):
    hits = {s: _match(lang, s) for s in BODY[lang]}
    assert not {s: m for s, m in hits.items() if m}, "body text matched a phrase"


@pytest.mark.parametrize("lang", CHECKED)
def test_chrome_lines_are_phrases(lang):
    misses = [s for s in CHROME[lang] if not _match(lang, s)]
    assert not misses, f"{lang}: chrome not matched: {misses}"


@pytest.mark.parametrize("lang", CHECKED)
def test_body_sentences_survive_every_line_rule(lang):
    lex = load(lang)
    from cleaner.pipeline import LINE_RULES

    for s in [*BODY[lang], *OPENS_LIKE_A_LINK.get(lang, [])]:
        f = lines.Facts(s, lex)
        fired = {rule.__name__: rule(f, lex) for rule in LINE_RULES}
        assert not any(fired.values()), f"{s!r}: {[(r, d) for r, d in fired.items() if d]}"


@pytest.mark.parametrize("lang", EXTRA)
def test_sentences_opening_like_a_link_are_what_they_seem(lang):
    """OPENS_LIKE_A_LINK holds only sentences a read_more prefix matches (the rule, not the lexicon, keeps them)."""
    for s in OPENS_LIKE_A_LINK.get(lang, []):
        assert load(lang).prefix(key(s), word_count(s))[0] == "read_more", s


def test_prefixes_only_mark_short_lines():
    long_line = "Wir verwenden Cookies " + " ".join(["und"] * 90) + "."
    assert load("de").prefix(key(long_line), word_count(long_line)) is None


# --- (4) cleaning whole texts ---------------------------------------------------------

DOCS = {
    "de": (
        [
            "Zum Inhalt springen",
            "Startseite",
            "Von Anna Müller",
            "Aktualisiert am 3. März 2021, 14:05 Uhr",
            "4 Min. Lesezeit",
            "Teilen",
            "Auf Facebook teilen",
        ],
        [
            "Der Stadtrat hat am Dienstagabend nach langer Debatte den Haushalt für das kommende Jahr beschlossen.",
            "Mehr als die Hälfte der zusätzlichen Mittel fließt in die Sanierung von Schulen und Kitas.",
            "Die Opposition kritisierte, dass die Schulden der Stadt damit weiter steigen werden.",
        ],
        [
            "Anzeige",
            "Foto: dpa",
            "Mehr zum Thema",
            "Schlagworte: Haushalt, Stadtrat, Schulen",
            "Kommentare",
            "Schreibe einen Kommentar",
            "Wir verwenden Cookies, um unsere Website für Sie optimal zu gestalten.",
            "Alle akzeptieren",
            "Impressum",
            "Datenschutz",
        ],
    ),
    "fr": (
        [
            "Aller au contenu principal",
            "Accueil",
            "Par Jean Dupont",
            "Publié le 3 mars 2021 à 14h05",
            "Partager",
            "Partager sur Facebook",
        ],
        [
            "Le conseil municipal a adopté mardi soir le budget de l'année prochaine après un long débat.",
            "Plus de la moitié des crédits supplémentaires sera consacrée à la rénovation des écoles.",
            "L'opposition a dénoncé une hausse de la dette de la ville.",
        ],
        [
            "Publicité",
            "Photo : AFP",
            "Lire aussi : Les maires inquiets pour leurs finances",
            "Mots-clés : Budget, Écoles, Conseil municipal",
            "Commentaires",
            "Laisser un commentaire",
            "Nous utilisons des cookies pour vous offrir la meilleure expérience.",
            "Tout accepter",
            "Mentions légales",
        ],
    ),
    "es": (
        [
            "Saltar al contenido",
            "Inicio",
            "Por Juan Pérez",
            "Actualizado el 3 de marzo de 2021 a las 14:05 h CET",
            "Compartir",
            "Compartir en WhatsApp",
        ],
        [
            "El pleno del ayuntamiento aprobó el martes por la noche el presupuesto del próximo año tras un largo debate.",
            "Más de la mitad de los fondos adicionales se destinará a la reforma de colegios y guarderías.",
            "La oposición criticó que la deuda municipal seguirá creciendo.",
        ],
        [
            "Publicidad",
            "Foto: EFE",
            "Noticias relacionadas",
            "Etiquetas: Presupuestos, Ayuntamiento, Colegios",
            "Comentarios",
            "Deja un comentario",
            "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
            "Aceptar todo",
            "Aviso legal",
        ],
    ),
    "ru": (
        [
            "Перейти к содержимому",
            "Главная",
            "Автор: Иван Петров",
            "3 марта 2021, 14:05",
            "Поделиться",
            "Поделиться в Telegram",
        ],
        [
            "Городская дума во вторник вечером после долгих споров утвердила бюджет на следующий год.",
            "Более половины дополнительных средств направят на ремонт школ и детских садов.",
            "Оппозиция раскритиковала рост долга города.",
        ],
        [
            "Реклама",
            "Фото: ТАСС",
            "Читайте также",
            "Теги: бюджет, дума, школы",
            "Комментарии",
            "Оставить комментарий",
            "Мы используем файлы cookie, чтобы сайт работал лучше.",
            "Принять все",
            "Политика конфиденциальности",
        ],
    ),
    "ar": (
        [
            "انتقل إلى المحتوى",
            "الرئيسية",
            "الثلاثاء 3 مارس 2021 - 14:05",
            "4 دقائق للقراءة",
            "شارك",
            "شارك على فيسبوك",
        ],
        [
            "أقر المجلس البلدي مساء الثلاثاء، بعد نقاش طويل، ميزانية العام المقبل.",
            "وسيخصص أكثر من نصف الأموال الإضافية لترميم المدارس ورياض الأطفال.",
            "وانتقدت المعارضة أن ديون المدينة ستزداد أكثر.",
        ],
        [
            "إعلان",
            "تصوير: رويترز",
            "مقالات ذات صلة",
            "الوسوم: الميزانية، المجلس البلدي، المدارس",
            "التعليقات",
            "أضف تعليقاً",
            "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.",
            "قبول الكل",
            "سياسة الخصوصية",
        ],
    ),
    "ca": (
        [
            "Vés al contingut",
            "Portada",
            "Autor: Jordi Puig",
            "Actualitzat el 3 de març del 2021 a les 14:05",
            "4 min de lectura",
            "Comparteix",
            "Comparteix a Facebook",
        ],
        [
            "El ple de l'ajuntament va aprovar dimarts a la nit, després d'un llarg debat, el pressupost de l'any vinent.",
            "Més de la meitat dels fons addicionals es destinaran a la reforma d'escoles i escoles bressol.",
            "L'oposició va criticar que el deute municipal continuarà creixent.",
        ],
        [
            "Publicitat",
            "Foto: ACN",
            "Notícies relacionades",
            "Etiquetes: Pressupostos, Ajuntament, Escoles",
            "Comentaris",
            "Deixa un comentari",
            "Utilitzem galetes per millorar la vostra experiència.",
            "Accepta-ho tot",
            "Avís legal",
        ],
    ),
    "da": (
        [
            "Spring til indhold",
            "Forside",
            "Af Hanne Jensen",
            "Opdateret 3. marts 2021 kl. 14.05",
            "4 min læsning",
            "Del",
            "Del på Facebook",
        ],
        [
            "Byrådet vedtog tirsdag aften efter en lang debat budgettet for det kommende år.",
            "Mere end halvdelen af de ekstra midler går til renovering af skoler og daginstitutioner.",
            "Oppositionen kritiserede, at kommunens gæld dermed vil stige yderligere.",
        ],
        [
            "Annonce",
            "Foto: Ritzau Scanpix",
            "Relaterede artikler",
            "Emner: Budget, Byråd, Skoler",
            "Kommentarer",
            "Skriv en kommentar",
            "Vi bruger cookies for at give dig den bedste oplevelse på vores hjemmeside.",
            "Accepter alle",
            "Privatlivspolitik",
        ],
    ),
    "el": (
        [
            "Μετάβαση στο περιεχόμενο",
            "Αρχική",
            "Του Γιάννη Παπαδόπουλου",
            "Τρίτη 3 Μαρτίου 2021, 14:05",
            "4 λεπτά ανάγνωσης",
            "Κοινοποίηση",
            "Κοινοποίηση στο Facebook",
        ],
        [
            "Το δημοτικό συμβούλιο ενέκρινε την Τρίτη το βράδυ, μετά από πολύωρη συζήτηση, τον προϋπολογισμό του επόμενου έτους.",
            "Περισσότερα από τα μισά επιπλέον κονδύλια θα διατεθούν για την ανακαίνιση σχολείων και παιδικών σταθμών.",
            "Η αντιπολίτευση επέκρινε ότι το χρέος του δήμου θα αυξηθεί ακόμη περισσότερο.",
        ],
        [
            "Διαφήμιση",
            "Φωτογραφία: Eurokinissi",
            "Σχετικά άρθρα",
            "Ετικέτες: Προϋπολογισμός, Δημοτικό συμβούλιο, Σχολεία",
            "Σχόλια",
            "Αφήστε ένα σχόλιο",
            "Χρησιμοποιούμε cookies για να βελτιώσουμε την εμπειρία σας.",
            "Αποδοχή όλων",
            "Πολιτική απορρήτου",
        ],
    ),
    "fi": (
        [
            "Siirry sisältöön",
            "Etusivu",
            "Teksti: Matti Virtanen",
            "Päivitetty 3.3.2021 klo 14.05",
            "Lukuaika 4 min",
            "Jaa",
            "Jaa Facebookissa",
        ],
        [
            "Kaupunginvaltuusto hyväksyi tiistai-iltana pitkän keskustelun jälkeen ensi vuoden talousarvion.",
            "Yli puolet lisärahoituksesta käytetään koulujen ja päiväkotien korjaamiseen.",
            "Oppositio arvosteli sitä, että kaupungin velka kasvaa entisestään.",
        ],
        [
            "Mainos",
            "Kuva: Lehtikuva",
            "Aiheeseen liittyvät artikkelit",
            "Aiheet: Talousarvio, Valtuusto, Koulut",
            "Kommentit",
            "Kirjoita kommentti",
            "Käytämme evästeitä parantaaksemme sivuston käyttökokemusta.",
            "Hyväksy kaikki",
            "Tietosuojaseloste",
        ],
    ),
    # No byline in he and ar: lines.byline wants capitalised names, and these scripts have no capitals.
    "he": (
        [
            "דלג לתוכן",
            "דף הבית",
            "פורסם: 3 במרץ 2021, 14:05",
            "4 דקות קריאה",
            "שתף",
            "שתפו בפייסבוק",
        ],
        [
            "מועצת העירייה אישרה ביום שלישי בערב, לאחר דיון ארוך, את התקציב לשנה הבאה.",
            "יותר ממחצית התוספת התקציבית תופנה לשיפוץ בתי ספר וגני ילדים.",
            "האופוזיציה מתחה ביקורת על כך שחוב העירייה ימשיך לגדול.",
        ],
        [
            "פרסומת",
            "צילום: רויטרס",
            "כתבות קשורות",
            "תגיות: תקציב, מועצת העיר, בתי ספר",
            "תגובות",
            "הוסף תגובה",
            "אתר זה משתמש בעוגיות כדי לשפר את חוויית הגלישה.",
            "קבל הכל",
            "מדיניות פרטיות",
        ],
    ),
    "hu": (
        [
            "Ugrás a tartalomra",
            "Főoldal",
            "Szerző: Kovács Anna",
            "2021. március 3., 14:05",
            "4 perc olvasás",
            "Megosztás",
            "Megosztás a Facebookon",
        ],
        [
            "A városi közgyűlés kedd este hosszú vita után elfogadta a jövő évi költségvetést.",
            "A többletforrások több mint felét iskolák és óvodák felújítására fordítják.",
            "Az ellenzék bírálta, hogy a város adóssága ezzel tovább nő.",
        ],
        [
            "Hirdetés",
            "Fotó: MTI",
            "Kapcsolódó cikkek",
            "Címkék: Költségvetés, Közgyűlés, Iskolák",
            "Hozzászólások",
            "Szólj hozzá",
            "Weboldalunk sütiket használ a jobb felhasználói élmény érdekében.",
            "Összes elfogadása",
            "Adatvédelmi tájékoztató",
        ],
    ),
    "id": (
        [
            "Langsung ke konten",
            "Beranda",
            "Oleh Budi Santoso",
            "Kamis, 3 Maret 2021 14:05 WIB",
            "4 menit membaca",
            "Bagikan",
            "Bagikan ke Facebook",
        ],
        [
            "Dewan kota pada Selasa malam akhirnya menyetujui anggaran tahun depan setelah perdebatan panjang.",
            "Lebih dari separuh dana tambahan akan digunakan untuk merenovasi sekolah dan taman kanak-kanak.",
            "Pihak oposisi mengkritik bahwa utang kota akan semakin bertambah.",
        ],
        [
            "Iklan",
            "Foto: ANTARA",
            "Berita Terkait",
            "Tag: Anggaran, DPRD, Sekolah",
            "Komentar",
            "Tinggalkan Balasan",
            "Kami menggunakan cookie untuk meningkatkan pengalaman Anda.",
            "Terima Semua",
            "Kebijakan Privasi",
        ],
    ),
    "nb": (
        [
            "Hopp til innhold",
            "Forside",
            "Av Kari Nordmann",
            "Publisert 3. mars 2021 kl. 14.05",
            "4 min lesing",
            "Del",
            "Del på Facebook",
        ],
        [
            "Bystyret vedtok tirsdag kveld etter en lang debatt budsjettet for neste år.",
            "Mer enn halvparten av de ekstra midlene går til oppussing av skoler og barnehager.",
            "Opposisjonen kritiserte at kommunens gjeld dermed vil øke ytterligere.",
        ],
        [
            "Annonse",
            "Foto: NTB",
            "Relaterte saker",
            "Emner: Budsjett, Bystyret, Skoler",
            "Kommentarer",
            "Legg igjen en kommentar",
            "Vi bruker informasjonskapsler for å gi deg en bedre opplevelse.",
            "Godta alle",
            "Personvernerklæring",
        ],
    ),
    "ro": (
        [
            "Sari la conținut",
            "Acasă",
            "Autor: Ion Popescu",
            "Actualizat: 3 martie 2021, ora 14:05",
            "4 min de citit",
            "Distribuie",
            "Distribuie pe Facebook",
        ],
        [
            "Consiliul local a adoptat marți seara, după o dezbatere lungă, bugetul pentru anul viitor.",
            "Mai mult de jumătate din fondurile suplimentare vor merge la renovarea școlilor și grădinițelor.",
            "Opoziția a criticat faptul că datoria orașului va crește și mai mult.",
        ],
        [
            "Publicitate",
            "Foto: Inquam Photos",
            "Articole similare",
            "Etichete: Buget, Consiliul local, Școli",
            "Comentarii",
            "Lasă un comentariu",
            "Acest site folosește cookie-uri pentru a vă oferi o experiență mai bună.",
            "Acceptă toate",
            "Politica de confidențialitate",
        ],
    ),
    "sk": (
        [
            "Preskočiť na obsah",
            "Domov",
            "Autor: Ján Novák",
            "Aktualizované 3. marca 2021 o 14:05",
            "4 min čítania",
            "Zdieľať",
            "Zdieľať na Facebooku",
        ],
        [
            "Mestské zastupiteľstvo v utorok večer po dlhej diskusii schválilo rozpočet na budúci rok.",
            "Viac ako polovica dodatočných prostriedkov pôjde na rekonštrukciu škôl a škôlok.",
            "Opozícia kritizovala, že dlh mesta tým ešte viac narastie.",
        ],
        [
            "Reklama",
            "Foto: TASR",
            "Súvisiace články",
            "Tagy: Rozpočet, Zastupiteľstvo, Školy",
            "Komentáre",
            "Pridať komentár",
            "Táto webová stránka používa súbory cookie na zlepšenie vášho zážitku.",
            "Prijať všetko",
            "Ochrana osobných údajov",
        ],
    ),
    "vi": (
        [
            "Chuyển đến nội dung",
            "Trang chủ",
            "Tác giả: Nguyễn Văn An",
            "Thứ Ba, 3/3/2021, 14:05 (GMT+7)",
            "4 phút đọc",
            "Chia sẻ",
            "Chia sẻ lên Facebook",
        ],
        [
            "Hội đồng nhân dân thành phố tối thứ Ba đã thông qua ngân sách năm tới sau một cuộc tranh luận kéo dài.",
            "Hơn một nửa số tiền bổ sung sẽ được dùng để sửa chữa trường học và nhà trẻ.",
            "Phe đối lập chỉ trích rằng nợ của thành phố sẽ còn tăng thêm.",
        ],
        [
            "Quảng cáo",
            "Ảnh: TTXVN",
            "Tin liên quan",
            "Từ khóa: Ngân sách, Hội đồng, Trường học",
            "Bình luận",
            "Gửi bình luận",
            "Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn.",
            "Chấp nhận tất cả",
            "Chính sách bảo mật",
        ],
    ),
}


# The languages of SAMPLED: their samples join the tables above.
for _lang, _data in SAMPLED.items():
    BODY[_lang], CHROME[_lang], DOCS[_lang] = _data["BODY"], _data["CHROME"], _data["DOCS"]
    if _data.get("OPENS_LIKE_A_LINK"):
        OPENS_LIKE_A_LINK[_lang] = _data["OPENS_LIKE_A_LINK"]


@pytest.mark.parametrize("lang", CHECKED)
def test_clean_removes_chrome_and_keeps_body(lang):
    head, body, tail = DOCS[lang]
    text = "\n".join([*head, *body, *tail])
    got = Cleaner(Config(lang=lang, input="text")).clean(text)
    assert got == "\n".join(body), f"{lang}: got\n{got}"


@pytest.mark.parametrize("lang", CHECKED)
def test_chrome_is_removed_by_line_rules(lang):
    """Each chrome line of the text is caught by a line rule on its own, not only by position."""
    head, body, tail = DOCS[lang]
    result = Cleaner(Config(lang=lang, input="text")).explain("\n".join([*head, *body, *tail]))
    chrome = set(head) | set(tail)
    by_line = [l for l in result.removed if not l.removal.rule.startswith("lines.")]
    leftovers = [l.text for l in by_line if l.text in chrome]
    assert not leftovers, f"{lang}: chrome only removed by block rules: {leftovers}"


# --- (5) the language is detected, so its lexicon is used ------------------------------------

@pytest.mark.parametrize("lang", EXTRA)
def test_detect_names_the_language_of_a_paragraph(lang):
    paragraph = " ".join(DOCS[lang][1])
    assert detect(paragraph) == lang


@pytest.mark.parametrize("lang", EXTRA)
def test_clean_without_a_language_detects_it(lang):
    """Config(lang=None), the default: the page's language is detected, and line rules with its lexicon
    remove every chrome line (block rules alone would cut most of them too: the text is short)."""
    head, body, tail = DOCS[lang]
    result = Cleaner(Config(input="text")).explain("\n".join([*head, *body, *tail]))
    assert result.lang == lang
    assert result.text == "\n".join(body), f"{lang}: got\n{result.text}"
    by_line = {l.text for l in result.removed if l.removal.rule.startswith("lines.")}
    assert not (set(head) | set(tail)) - by_line, f"{lang}: not removed by a line rule"



# --- borrowed lexicons (data/borrowed_lexicons.tsv) -------------------------------------------

def test_borrowed_lexicons_name_a_lender_with_a_folder_and_a_borrower_without():
    from cleaner.lexicon import ROOT, borrowed

    assert borrowed(), "the table is empty"
    for lang, lender in borrowed().items():
        assert not (ROOT / lang).is_dir(), f"{lang} has a lexicon of its own; drop it from the table"
        assert (ROOT / lender).is_dir(), f"{lang} borrows from {lender}, which has no lexicon"


#: A borrower's text, its language as detected, and an advertisement label and a share button in the
#: lender's wording. Nynorsk has a stoplist of its own and uses Bokmål's phrases; ekavian Serbian in
#: Latin script is detected as Serbo-Croatian ("sh": the Serbian stoplist is Cyrillic) and uses the
#: Croatian folder, which holds the Serbian Latin wordings too.
BORROWERS = [
    ("nn", ["Kommunen har bestemt at skulen skal halde ope heile sommaren, og foreldra er svært nøgde med det.",
            "Ordføraren seier at det er viktig for borna å ha ein stad å vere når foreldra må jobbe i ferien."],
     "Annonse", "Del på Facebook"),
    ("sh", ["Gradska skupština je u utorak uveče posle duge rasprave usvojila budžet za sledeću godinu.",
            "Više od polovine dodatnih sredstava biće uloženo u obnovu škola i vrtića, rekao je gradonačelnik."],
     "Reklama", "Podeli na Facebooku"),
]


@pytest.mark.parametrize("lang, body, advert, share", BORROWERS, ids=[b[0] for b in BORROWERS])
def test_a_borrower_is_cleaned_with_its_lenders_phrases(lang, body, advert, share):
    from cleaner import clean_and_explain

    result = clean_and_explain("\n\n".join([body[0], advert, body[1], share]))
    assert result.lang == lang
    assert result.text == "\n\n".join(body)
    assert {line.removal.rule for line in result.removed} == {"lines.advertisement", "lines.share_buttons"}

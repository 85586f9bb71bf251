"""The lexicon files: well formed, no typo categories, and precise on real-looking text.

Body sentences below are invented for these tests; each is the kind of line an
article in that language really prints, and many start with a word that also
opens chrome ("Mehr", "Lesen", "Par", "Por", "Подробнее") to guard the prefixes.
"""

from __future__ import annotations

import inspect
import re

import pytest

from cleaner import Config, Cleaner, blocks, lines
from cleaner.lexicon import ROOT, load, read_phrases
from cleaner.text import key, word_count

LANG_DIRS = sorted(p for p in ROOT.iterdir() if p.is_dir())
FILES = sorted(p for d in LANG_DIRS for p in [*d.glob("*.txt"), *d.glob("words/*.txt")])
EN = ROOT / "en"
EN_CATEGORIES = {p.stem for p in EN.glob("*.txt")}
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
    assert cats <= EN_CATEGORIES, f"{folder.name}: unknown categories {sorted(cats - EN_CATEGORIES)}"
    assert words <= EN_WORDS, f"{folder.name}: unknown word lists {sorted(words - EN_WORDS)}"
    unexpected = {p.name for p in folder.iterdir()} - {f"{c}.txt" for c in EN_CATEGORIES} - {"words"}
    assert not unexpected, f"{folder.name}: stray entries {sorted(unexpected)}"


def _rule_sources() -> str:
    return "\n".join(
        inspect.getsource(fn)
        for module in (lines, blocks)
        for _, fn in inspect.getmembers(module, inspect.isfunction) if fn.__module__ == module.__name__
    )


def test_every_english_category_has_a_rule():
    source = _rule_sources()
    used = set(re.findall(r"""f\.category\(["'](\w+)["']\)""", source))
    missing = EN_CATEGORIES - used
    assert not missing, f"categories no rule reads via f.category(...): {sorted(missing)}"


def test_every_english_word_list_has_a_rule():
    source = _rule_sources()
    used = set(re.findall(r"""\.words\(["'](\w+)["']\)""", source))
    missing = EN_WORDS - used
    assert not missing, f"word lists no rule reads via lex.words(...): {sorted(missing)}"


REQUIRED = ("de", "fr", "es", "ru")


@pytest.mark.parametrize("lang", REQUIRED)
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
    ],
    "es": [
        "Compartir", "Compartir en Facebook", "Publicidad", "Comentarios", "Leer más",
        "Lee también: El Gobierno aprueba los presupuestos",
        "Noticias relacionadas", "Te puede interesar", "Saltar al contenido", "Volver arriba",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
        "Aceptar todo", "Aviso legal", "Política de privacidad", "5 min de lectura",
        "Suscríbete a nuestra newsletter y recibe las noticias más importantes.",
        "Deja un comentario", "Inicio", "Todos los derechos reservados",
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
}


def _match(lang: str, line: str):
    lex = load(lang)
    k = key(line)
    return lex.phrase(k) or lex.prefix(k, word_count(line))


@pytest.mark.parametrize("lang", REQUIRED)
def test_body_sentences_are_not_phrases(lang):
    hits = {s: _match(lang, s) for s in BODY[lang]}
    assert not {s: m for s, m in hits.items() if m}, "body text matched a phrase"


@pytest.mark.parametrize("lang", REQUIRED)
def test_chrome_lines_are_phrases(lang):
    misses = [s for s in CHROME[lang] if not _match(lang, s)]
    assert not misses, f"{lang}: chrome not matched: {misses}"


@pytest.mark.parametrize("lang", REQUIRED)
def test_body_sentences_survive_every_line_rule(lang):
    lex = load(lang)
    from cleaner.pipeline import LINE_RULES

    for s in BODY[lang]:
        f = lines.Facts(s, lex)
        fired = {rule.__name__: rule(f, lex) for rule in LINE_RULES}
        assert not any(fired.values()), f"{s!r}: {[(r, d) for r, d in fired.items() if d]}"


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
}


@pytest.mark.parametrize("lang", REQUIRED)
def test_clean_removes_chrome_and_keeps_body(lang):
    head, body, tail = DOCS[lang]
    text = "\n".join([*head, *body, *tail])
    got = Cleaner(Config(lang=lang, input="text")).clean(text)
    assert got == "\n".join(body), f"{lang}: got\n{got}"


@pytest.mark.parametrize("lang", REQUIRED)
def test_chrome_is_removed_by_line_rules(lang):
    """Each chrome line of the text is caught by a line rule on its own, not only by position."""
    head, body, tail = DOCS[lang]
    result = Cleaner(Config(lang=lang, input="text")).explain("\n".join([*head, *body, *tail]))
    chrome = set(head) | set(tail)
    by_line = [l for l in result.removed if not l.removal.rule.startswith("lines.")]
    leftovers = [l.text for l in by_line if l.text in chrome]
    assert not leftovers, f"{lang}: chrome only removed by block rules: {leftovers}"

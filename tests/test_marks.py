"""Combining marks belong to the word they sit in, in every tokeniser of the package.

A Devanagari or Bengali vowel sign, a Tamil pulli, a Thai vowel sign, an Arabic haraka,
a Hebrew point, and the accents casefolding splits off Greek "ΐ" and Turkish "İ" are
combining marks (Unicode categories Mn, Mc, Me). Neither ``re``'s ``\\w`` nor
``str.isalnum`` counts them, so they used to split words ("भारत" into "भ" and "रत"): a
Hindi sentence counted twice its words, its stopwords were never found, and "Μαΐου"
keyed as two words. Here each tokeniser is held to the definition (a ``\\w+`` run, or a
run of letters, continued by the marks that follow its characters; a mark after anything
else still separates), its fast and slow paths to each other, and the key to dropping
marks (so that optional ones, harakat and points, do not change a phrase's key).
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.blocks import line_weight
from cleaner.lang import FALLBACK, detect, letter_words, stoplist, word_variants
from cleaner.lexicon import load
from cleaner.lines import facts, timestamp
from cleaner.text import (_CJK, capitalised_ratio, folded_words, key, keys, marks_in, without_marks, word_count,
                          word_counts, words)

from conftest import reference_pattern

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: A few ordinary news sentences per language (written for these tests).
SAMPLES = {
    "hi": "भारत की राजधानी नई दिल्ली में आज एक बड़ी बैठक हुई। इस बैठक में कई राज्यों के मुख्यमंत्री शामिल हुए और "
          "उन्होंने किसानों की समस्याओं पर चर्चा की। सरकार ने कहा है कि अगले महीने से नई योजना लागू की जाएगी। "
          "विपक्ष ने इस फैसले का स्वागत किया, लेकिन कुछ सवाल भी उठाए।",
    "bn": "বাংলাদেশের রাজধানী ঢাকায় আজ একটি গুরুত্বপূর্ণ বৈঠক অনুষ্ঠিত হয়েছে। এই বৈঠকে দেশের অর্থনীতি এবং শিক্ষা "
          "নিয়ে আলোচনা করা হয়। সরকার জানিয়েছে যে আগামী মাস থেকে নতুন প্রকল্প শুরু হবে। বিরোধী দল এই "
          "সিদ্ধান্তের সমালোচনা করেছে।",
    "ta": "தமிழ்நாட்டின் தலைநகர் சென்னையில் இன்று ஒரு முக்கிய கூட்டம் நடைபெற்றது. இந்த கூட்டத்தில் மாநில அரசின் "
          "புதிய திட்டங்கள் குறித்து விவாதிக்கப்பட்டது. அடுத்த மாதம் முதல் இந்த திட்டம் நடைமுறைக்கு வரும் என்று "
          "அரசு அறிவித்துள்ளது. எதிர்க்கட்சிகள் இந்த முடிவை விமர்சித்துள்ளன.",
    "th": "กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย วันนี้รัฐบาลได้ประกาศนโยบายใหม่เกี่ยวกับเศรษฐกิจ "
          "นายกรัฐมนตรีกล่าวว่าโครงการนี้จะเริ่มในเดือนหน้า ประชาชนจำนวนมากแสดงความคิดเห็นเกี่ยวกับเรื่องนี้",
    "ar": "أعلنت الحكومة المصرية اليوم عن خطة جديدة لدعم الاقتصاد الوطني. وقال رئيس الوزراء إن هذه الخطة ستبدأ في "
          "الشهر المقبل. وأضاف أن الحكومة تعمل على تحسين الخدمات في جميع المحافظات. ومن المتوقع أن يناقش البرلمان "
          "هذه الخطة خلال الأسبوع القادم.",
    "he": "הממשלה הודיעה היום על תוכנית חדשה לשיפור הכלכלה. ראש הממשלה אמר כי התוכנית תתחיל בחודש הבא. לדבריו, "
          "הממשלה פועלת כדי לשפר את השירותים בכל הערים. האופוזיציה מתחה ביקורת על ההחלטה.",
    "el": "Η κυβέρνηση ανακοίνωσε σήμερα ένα νέο σχέδιο για την οικονομία. Ο πρωθυπουργός δήλωσε ότι το σχέδιο θα "
          "ξεκινήσει τον επόμενο μήνα. Σύμφωνα με την ανακοίνωση, η συνεδρίαση θα γίνει στις 12 Μαΐου. Η αντιπολίτευση "
          "άσκησε κριτική στην απόφαση.",
    "ru": "Правительство объявило сегодня о новом плане поддержки экономики. Премьер-министр заявил, что программа "
          "начнется в следующем месяце. По его словам, власти работают над улучшением услуг во всех регионах. "
          "Оппозиция раскритиковала это решение.",
    "de": "Die Bundesregierung hat heute einen neuen Plan zur Stärkung der Wirtschaft vorgestellt. Der Kanzler sagte, "
          "das Programm werde im nächsten Monat beginnen. Nach seinen Worten arbeite die Regierung daran, die Dienste "
          "in allen Regionen zu verbessern. Die Opposition kritisierte die Entscheidung.",
    "en": "The government announced a new plan to support the economy on Monday. The prime minister said the "
          "programme would start next month. According to him, officials are working to improve services in all "
          "regions. The opposition criticised the decision.",
    "ja": "政府は本日、経済を支援するための新しい計画を発表した。首相は、この計画は来月から始まると述べた。"
          "野党はこの決定を批判している。",
    "zh": "政府今天宣布了一项支持经济的新计划。总理表示，该计划将于下个月开始实施。反对党批评了这一决定。",
    "ko": "정부는 오늘 경제를 지원하기 위한 새로운 계획을 발표했다. 총리는 이 계획이 다음 달부터 시작될 것이라고 "
          "말했다. 야당은 이 결정을 비판했다.",
}

#: Words holding marks, one per script and kind of mark (vowel signs, virama, nukta, pulli, Thai vowel
#: and tone signs, harakat and shadda, tanween at the end, Hebrew points, a decomposed accent, ΐ and İ).
MARKED_WORDS = ["भारत", "राजधानी", "में", "की", "बड़ी", "ज़्यादा", "বাংলাদেশের", "தமிழ்நாட்டின்", "విజయవాడ", "മലയാളം",
                "เมืองหลวง", "ที่", "نُشِرَ", "أيضاً", "يعلّق", "שָׁלוֹם", "Μαΐου", "ΰ", "İstanbul", "cafe\u0301s"]

_WORD_M = reference_pattern("words")
_LETTERS_M = reference_pattern("letters")


def test_marks_in_finds_every_mark_and_only_marks():
    """The per-character look-up (and its shortcut: no mark below U+0300) against a scan of every code point."""
    every = "".join(map(chr, range(0x110000)))
    found = marks_in(every)
    assert all(unicodedata.category(c) in ("Mn", "Mc", "Me") for c in found)
    assert len(found) == sum(unicodedata.category(c)[0] == "M" for c in every)
    assert min(found) == "\u0300"
    text = "".join(every[cp] for cp in range(0x250, 0x1000)) + "".join(found[::7])
    assert without_marks(text) == "".join(c for c in text if unicodedata.category(c)[0] != "M")


@pytest.mark.parametrize("word", MARKED_WORDS)
def test_a_word_with_marks_is_one_word_everywhere(word):
    assert word_count(word) == 1 and word_counts([word]) == [1]
    assert words(word) == [word] and _WORD_M.findall(word) == [word]
    assert folded_words(word) == [word.casefold()]
    assert letter_words(word) == [word] and _LETTERS_M.findall(word) == [word]
    k = key(word)
    assert k and " " not in k and not marks_in(k), k
    assert keys([word]) == [k] and keys(["Share", word, "a b"]) == ["share", k, "a b"]


@pytest.mark.parametrize("word", MARKED_WORDS)
def test_fast_and_slow_paths_agree_on_a_word_with_marks(word):
    line = f"{word}, {word} ({word}). «{word}»"
    for text in (line, line.upper(), f"12 {word}_x 3{word}"):
        n = len(_WORD_M.findall(text))
        assert word_count(text) == n and word_counts([text, "a b", text]) == [n, 2, n]
        assert words(text) == _WORD_M.findall(text)
        assert folded_words(text) == _WORD_M.findall(text.casefold())
        assert keys([text, "x"]) == [key(text), "x"]
    assert word_count(line) == 4 and len(folded_words(line)) == 4 and len(key(line).split()) == 4


def test_a_mark_after_no_word_character_separates():
    """A variation selector after an emoji, a keycap, a stray mark: no word of its own, as before."""
    for text, n, k in [("❤\ufe0f Like", 1, "like"), ("1\ufe0f\u20e3 Share", 2, "0 share"), ("\u0301", 0, ""),
                       (". \u093e \u0301a", 1, "a"), ("✉\ufe0f Email ▶\ufe0f", 1, "email")]:
        assert word_count(text) == n == word_counts([text])[0] == len(words(text)) == len(folded_words(text)), text
        assert key(text) == k == keys([text])[0], text
    assert words("❤\ufe0f Like") == ["Like"] and letter_words("\u0301की") == ["की"]


def test_the_key_drops_marks():
    """Optional marks (harakat, points, the dot of İ) do not change a key; a word keys as one word."""
    assert key("نُشِرَ الخبرُ") == key("نشر الخبر") == "نشر الخبر"
    assert key("اقرأ أيضاً") == key("اقرأ أيضا")
    assert key("שָׁלוֹם") == key("שלום")
    assert key("İzle") == key("izle") == "izle" and key("İLGİLİ HABER") == "ilgili haber"
    assert key("Μαΐου") == key("ΜΑΐΟΥ") == "μαιου" and key("12 Μαΐου 2024") == "0 μαιου 0"
    assert key("नुक़्ता") == key("नुक्ता")  # a nukta, decomposed by NFKC, is dropped like the vowel signs
    assert key("1\u03012") == "0" == keys(["1\u03012"])[0]  # digits a mark held apart are one run


def test_greek_dates_need_no_split_workaround():
    """'Μαΐου' used to key as 'μαι ου', so el/words/dates.txt listed 'ου' as a date word."""
    dates = load("el").words("dates")
    assert {"μαιου", "μαϊου", "μαι", "μαϊ"} <= dates and "ου" not in dates
    for line in ("12 Μαΐου 2024", "ΔΕΥΤΕΡΑ 12 ΜΑΪΟΥ 2024", "Δευτέρα, 12 Μαΐου 2024, 10:05 π.μ."):
        assert timestamp(facts(line, "el"), load("el")), line
    assert timestamp(facts("Ενημερώθηκε 12 Μαΐου 2024 ου", "el"), load("el")) is None


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_detect_names_the_language_of_a_news_paragraph(code):
    # jusText has no Thai stoplist: Thai text is the fallback, as before.
    assert detect(SAMPLES[code]) == (FALLBACK if code == "th" else code)


#: Fully vocalised Arabic (the stoplist is not) and French written decomposed (NFD): each word is one
#: word now, and is found in the stoplist by its composed or bare spelling (word_variants).
VOCALISED_AR = ("أَعْلَنَتِ الحُكُومَةُ اليَوْمَ عَنْ خُطَّةٍ جَدِيدَةٍ لِدَعْمِ الاقْتِصَادِ. وَقَالَ رَئِيسُ الوُزَرَاءِ إِنَّ هَذِهِ "
                "الخُطَّةَ سَتَبْدَأُ فِي الشَّهْرِ المُقْبِلِ، وَأَنَّ الحُكُومَةَ تَعْمَلُ عَلَى تَحْسِينِ الخَدَمَاتِ فِي "
                "جَمِيعِ المُحَافَظَاتِ مِنْ أَجْلِ المُوَاطِنِينَ.")
NFD_FR = unicodedata.normalize("NFD", "Le gouvernement a déjà annoncé qu'il présentera la réforme à l'été, "
                                      "après une série de réunions avec les élus et les syndicats.")


@pytest.mark.parametrize("text, code", [(VOCALISED_AR, "ar"), (NFD_FR, "fr")])
def test_detect_reads_optional_marks_and_decomposed_text(text, code):
    assert detect(text) == code


def test_word_variants_drop_only_optional_marks():
    assert word_variants("فِي") == ["في"] and word_variants("עַל") == ["על"]
    assert word_variants("पार") == [] and word_variants("क्या") == []  # vowel signs and viramas are spelling
    assert word_variants("ज़्यादा") == ["ज्यादा"]  # a nukta is optional
    assert word_variants("e\u0301te\u0301") == ["été", "ete"]


@pytest.mark.parametrize("code", ["hi", "bn", "ta", "te", "mr", "ml", "kn", "ne", "gu", "ar", "he", "el"])
def test_stopwords_with_marks_are_one_word(code):
    """Each stopword of letters and marks (a letter first) is a word detection can find."""
    marked = [w for w in stoplist(code) if marks_in(w)]
    whole = [w for w in marked if w[0].isalpha() and all(c.isalpha() or marks_in(c) for c in w)]
    assert all(letter_words(w) == [w] for w in whole)
    assert code in ("ar", "he", "el") or len(whole) >= 0.8 * len(marked)


def test_hindi_stopwords_are_found_and_weigh_in():
    hi = stoplist("hi")
    assert {"में", "की", "के", "है", "और", "से"} <= hi
    tokens = folded_words(SAMPLES["hi"])
    assert len(tokens) == word_count(SAMPLES["hi"]) == len(SAMPLES["hi"].split()) == 53
    assert sum(t in hi for t in tokens) / len(tokens) > 0.5  # running text: half stopwords or more
    prose, menu = SAMPLES["hi"], "होम देश विदेश मनोरंजन खेल बिज़नेस टेक्नोलॉजी ऑटो"
    assert line_weight(prose, hi) > line_weight(prose) > 0  # stopword-rich: leans in
    assert line_weight(menu, hi) < line_weight(menu) <= 0  # a menu: leans out
    assert word_count(menu) == 8


def test_capitalised_ratio_reads_whole_words():
    assert capitalised_ratio("Μαΐου Αθήνα") == 1.0 and capitalised_ratio("भारत की राजधानी") == 0.0


# --- properties: text with marks -------------------------------------------------

_BASES = "aZ_9 .,-’«»\u00a0кΣΐİßक\u0915नب\u062fשกΑ東か"
_MARKS = "\u0301\u0308\u093e\u093f\u0940\u094d\u093c\u0902\u064e\u0651\u064b\u05b8\u05bc\u0e34\u0e48\ufe0f\u20e3\u3099"
#: Text dense in marks after word characters: pieces of several scripts, marks that matter, whole words
#: with marks, any mark, any character (a list of pieces: st.text's alphabet would mostly draw the last).
MARKED_TEXT = st.lists(st.one_of(st.sampled_from(_BASES), st.sampled_from(_MARKS), st.sampled_from(MARKED_WORDS),
                                 st.characters(categories=("Mn", "Mc", "Me")), st.characters(blacklist_characters="\n")),
                       max_size=20).map("".join)
MARKED_LINES = st.lists(st.one_of(MARKED_TEXT, st.text(alphabet="ab1 _.", max_size=8)), max_size=8)


@PROPERTY
@given(MARKED_LINES)
def test_bulk_keys_and_counts_equal_per_line_with_marks(lines):
    assert keys(lines) == [key(line) for line in lines]
    assert word_counts(lines) == [word_count(line) for line in lines]


@PROPERTY
@given(MARKED_TEXT)
def test_tokenisers_equal_the_reference_with_marks(text):
    if not _CJK.search(text):  # CJK characters count half a word
        assert word_count(text) == len(_WORD_M.findall(text))
    assert words(text) == _WORD_M.findall(text)
    assert folded_words(text) == _WORD_M.findall(text.casefold())
    assert letter_words(text) == _LETTERS_M.findall(text)
    assert not marks_in(key(text))

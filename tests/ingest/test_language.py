"""The language detector and the choice between a page's declaration and its text."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import justext
import pytest

from briefing.ingest.language import LISTS, _stoplist, detect_language, normalise_locale
from briefing.ingest.language import story_locale as locale_of
from briefing.languages import language_name

ENGLISH = (
    "The council approved the new bridge on Monday, and work will start in the spring. "
    "Residents had campaigned for a crossing for a decade, and they say that it is about time."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, dass im Hafen neue Turbinen gebaut werden, die "
    "ab dem nächsten Jahr Strom für rund zehntausend Haushalte liefern sollen, und die Fischer "
    "sind nicht froh darüber."
)
TEXTS = {
    "ru": "Городской совет во вторник решил построить в порту новые турбины, которые с "
    "будущего года будут давать электричество примерно десяти тысячам домов. Рыбаки не рады "
    "этому решению и говорят, что их никто не спросил, а мэр обещает, что работы начнутся весной.",
    "uk": "Міська рада у вівторок вирішила побудувати в порту нові турбіни, які з наступного "
    "року даватимуть електрику приблизно для десяти тисяч будинків. Рибалки не раді цьому "
    "рішенню і кажуть, що їх ніхто не питав, а мер обіцяє, що роботи почнуться навесні.",
    "bg": "Общинският съвет реши във вторник да построи нови турбини в пристанището, които от "
    "следващата година ще дават ток на около десет хиляди домакинства. Рибарите не са доволни "
    "от това решение и казват, че никой не ги е питал, а кметът обещава, че работата ще започне.",
    "sr": "Градско веће је у уторак одлучило да у луци изгради нове турбине, које ће од "
    "следеће године давати струју за око десет хиљада домаћинстава. Рибари нису задовољни "
    "овом одлуком и кажу да их нико није питао, а градоначелник обећава да ће радови почети.",
    "ja": "市議会は火曜日、港に新しいタービンを建設することを決定した。来年から約一万世帯に"
    "電力を供給する予定だ。漁師たちはこの決定に不満を持っており、誰も相談しなかったと話している。",
    "zh": "市议会周二决定在港口建造新的涡轮机，从明年开始将为大约一万户家庭供电。渔民对这一决定"
    "并不满意，他们说没有人征求过他们的意见，而市长承诺工程将在春天开始。",
    "ko": "시의회는 화요일 항구에 새로운 터빈을 건설하기로 결정했다. 내년부터 약 만 가구에 "
    "전기를 공급할 예정이다. 어부들은 이 결정에 만족하지 않으며 아무도 묻지 않았다고 말한다.",
    "el": "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να κατασκευάσει νέες τουρμπίνες στο "
    "λιμάνι, οι οποίες από τον επόμενο χρόνο θα δίνουν ρεύμα σε δέκα χιλιάδες νοικοκυριά.",
    "ar": "قرر المجلس البلدي يوم الثلاثاء بناء توربينات جديدة في الميناء، والتي ستوفر "
    "الكهرباء لنحو عشرة آلاف منزل اعتبارا من العام المقبل. الصيادون غير راضين عن هذا القرار "
    "ويقولون إن أحدا لم يسألهم، بينما يعد رئيس البلدية بأن العمل سيبدأ في الربيع.",
    "he": "מועצת העיר החליטה ביום שלישי לבנות טורבינות חדשות בנמל, שיספקו חשמל לכעשרת אלפים "
    "בתים החל מהשנה הבאה. הדייגים אינם מרוצים מההחלטה ואומרים שאף אחד לא שאל אותם.",
    "hi": "नगर परिषद ने मंगलवार को बंदरगाह में नई टर्बाइनें बनाने का फैसला किया, जो अगले साल से "
    "लगभग दस हजार घरों को बिजली देंगी। मछुआरे इस फैसले से खुश नहीं हैं और कहते हैं कि किसी ने "
    "उनसे नहीं पूछा, जबकि महापौर वादा करते हैं कि काम वसंत में शुरू होगा।",
    "th": "สภาเมืองตัดสินใจเมื่อวันอังคารที่จะสร้างกังหันใหม่ในท่าเรือ ซึ่งจะจ่ายไฟฟ้าให้กับบ้านประมาณหนึ่งหมื่นหลังตั้งแต่ปีหน้า",
    "nl": "De gemeenteraad heeft dinsdag besloten om in de haven nieuwe turbines te bouwen, die "
    "vanaf volgend jaar stroom moeten leveren aan ongeveer tienduizend huishoudens. De vissers "
    "zijn niet blij met het besluit en zeggen dat niemand hen iets heeft gevraagd.",
    "pl": "Rada miasta postanowiła we wtorek zbudować w porcie nowe turbiny, które od "
    "przyszłego roku mają dostarczać prąd do około dziesięciu tysięcy gospodarstw domowych. "
    "Rybacy nie są zadowoleni z tej decyzji i mówią, że nikt ich nie pytał.",
    "de": GERMAN,
    "en": ENGLISH,
}


def test_the_lists_are_the_ones_justext_gives() -> None:
    for lists in LISTS.values():
        for name in lists:
            assert _stoplist(name) == justext.get_stoplist(name), name


def test_each_list_is_named_by_the_code_of_its_language() -> None:
    """ "Norwegian_Bokmal" is nb: CLDR's English name for each code is the list's name."""
    for lists in LISTS.values():
        for name, code in lists.items():
            said = unicodedata.normalize("NFKD", language_name(code) or "")
            plain = "".join(c for c in said if not unicodedata.combining(c))
            assert plain.replace(" ", "_") == name, (name, code, said)


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_the_language_of_a_text_is_found_by_its_script_and_its_words(code: str) -> None:
    assert detect_language(TEXTS[code]) == code


def test_short_texts_and_names_are_not_judged() -> None:
    assert detect_language("Angela Merkel und Emmanuel Macron in Berlin") is None
    assert detect_language("Zürich, München, São Paulo, Kraków, Malmö") is None
    assert locale_of("Angela Merkel und Emmanuel Macron in Berlin", None) is None


@pytest.mark.parametrize(
    ("declared", "locale"),
    [
        ("fr_FR", "fr-FR"), ("EN-us", "en-US"), (" de ", "de"), ("zh_hant_tw", "zh-Hant-TW"),
        ("pt-br", "pt-BR"), ("{{lang}}", None), ("x-default", None), ("", None), (None, None),
    ],
)  # fmt: skip
def test_declared_locales_are_normalised(declared: str | None, locale: str | None) -> None:
    assert normalise_locale(declared) == locale


@pytest.mark.parametrize(
    ("text", "declared", "locale"),
    [
        (GERMAN, "en", "de"),  # a template's lang="en" over a German story
        (GERMAN, "en-US", "de"),
        (GERMAN, "de_AT", "de-AT"),  # the declaration, with its region, when the text agrees
        (GERMAN, None, "de"),
        (ENGLISH, "fr-FR", None),  # English under a French declaration is English
        (ENGLISH, "en-GB", "en-GB"),
        (ENGLISH, None, None),
        ("Kurz: die Brücke wird gebaut.", "de-CH", "de-CH"),  # too short to doubt the page
        ("Kurz: die Brücke wird gebaut.", "xx", None),  # a placeholder is no declaration
        (TEXTS["sr"], "sr", "sr"),  # close Cyrillic languages: the page knows best
        (TEXTS["uk"], "ru", "uk"),  # but not when the words say otherwise
        (TEXTS["ja"], "en", "ja"),  # another script is never the declared language
        (ENGLISH, "ja-JP", None),
    ],
)  # fmt: skip
def test_the_declaration_wins_unless_the_text_clearly_says_otherwise(
    text: str, declared: str | None, locale: str | None
) -> None:
    assert locale_of(text, declared) == locale


def test_an_english_article_is_judged_without_importing_justext() -> None:
    """jusText loads lxml (tens of milliseconds) that a plain-text article never needs, and
    English, nearly every article, needs one list read, not thirty."""
    code = (
        "import sys\n"
        "from briefing.ingest.language import detect_language, _stoplist\n"
        f"assert detect_language({ENGLISH!r}) == 'en'\n"
        "assert _stoplist.cache_info().currsize == 1, _stoplist.cache_info()\n"
        "assert 'justext' not in sys.modules and 'lxml' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

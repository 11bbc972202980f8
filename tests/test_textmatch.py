"""fold() and contains(): searches typed plainly find Arabic and Latin text as sources write it."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claimtrack.textmatch import contains, fold, fold_letters

# As the seed articles write it: hamza on the alef, shadda, and here also full harakat.
VOCALISED = "الضَّمَانَاتُ الأَمْنِيَّةُ"


@pytest.mark.parametrize(
    ("typed", "source"),
    [
        pytest.param("الضمانات الامنية", VOCALISED, id="harakat"),
        pytest.param("الضمانات الامنية", "الضمانات الأمنيّة", id="shadda"),
        pytest.param("اعداد", "إعداد", id="hamza-below"),
        pytest.param("القران", "القرآن", id="madda"),
        pytest.param("الله", "ٱللَّٰه", id="wasla-superscript-alef"),
        pytest.param("مسوول", "مسؤول", id="hamza-on-waw"),
        pytest.param("رييس", "رئيس", id="hamza-on-ya"),
        pytest.param("روسيا", "روســـــيا", id="tatweel"),
        pytest.param("علي", "على", id="alef-maqsura"),
        pytest.param("على", "علي", id="alef-maqsura-typed"),
        pytest.param("الامنيه", "الأمنية", id="ta-marbuta"),
        pytest.param("الامنية", "الأمنيه", id="ta-marbuta-typed"),
        pytest.param("2022", "٢٠٢٢", id="eastern-arabic-digits"),
        pytest.param("٢٠٢٢", "2022", id="eastern-arabic-digits-typed"),
        pytest.param("62315", "۶۲۳۱۵", id="persian-digits"),
        pytest.param("۲۰۲۲", "٢٠٢٢", id="persian-eastern-digits"),
        pytest.param("الضمانات الامنية", "الضمانات\u00a0 \n الأمنية", id="whitespace"),
        pytest.param("امريكي", "\u200fأمريكي\u200f", id="rtl-marks"),
        pytest.param("nato", "NATO", id="latin-case"),
        pytest.param("file", "\ufb01le", id="fi-ligature"),
        pytest.param("nato", "ＮＡＴＯ", id="full-width"),
        pytest.param("strasse", "Straße", id="sharp-s"),
        pytest.param("еще", "ещё", id="russian-yo"),
        pytest.param("Ещё", "еще", id="russian-yo-typed"),
        pytest.param("erdogan", "Erdoğan", id="turkish-g-breve"),
        pytest.param("basbakan", "Başbakan", id="turkish-s-cedilla"),
        pytest.param("disisleri", "Dışişleri", id="turkish-dotless-i"),
        pytest.param("istanbul", "İstanbul", id="turkish-dotted-capital-i"),
        pytest.param("francais", "français", id="c-cedilla"),
        pytest.param("decideurs", "décideurs", id="e-acute"),
        pytest.param("décideurs", "de\u0301cideurs", id="decomposed-accent"),
        pytest.param("ukrainy", "ukraïny", id="diaeresis"),
        pytest.param("Medinsky's", "Medinsky’s", id="right-single-quote"),
        pytest.param("Medinsky’s", "Medinsky's", id="right-single-quote-typed"),
        pytest.param("Mykolaiv's", "Mykolaivʼs", id="modifier-apostrophe"),
        pytest.param("O'ahu", "Oʻahu", id="okina"),
        pytest.param("м'ясо", "мʼясо", id="ukrainian-apostrophe"),
        pytest.param("decision makers", "decision-makers", id="hyphen-as-space"),
        pytest.param("decision-makers", "decision makers", id="hyphen-typed"),
        pytest.param("2021 2022", "2021–2022", id="en-dash"),
        pytest.param("Russia US", "Russia — US", id="em-dash-with-spaces"),
        pytest.param("non expansion", "non\u2011expansion", id="non-breaking-hyphen"),
        pytest.param("nonexpansion", "non\u00adexpansion", id="soft-hyphen"),
        pytest.param("nato nonexpansion", "nato-nonexpansion", id="slug"),
    ],
)
def test_plain_typing_finds_source_spelling(typed: str, source: str) -> None:
    assert fold(typed) == fold(source)
    assert contains(fold(typed), f"نص قبل {source} ونص بعد")


def test_fold_keys() -> None:
    assert fold(VOCALISED) == "الضمانات الامنيه"
    assert fold("  Russia\t and \n NATO  ") == "russia and nato"
    assert fold("") == ""
    assert fold("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹") == "0123456789 0123456789"


def test_fold_letters_keeps_punctuation() -> None:
    assert fold_letters("2022-01-10") == "2022-01-10"
    assert fold_letters("7 Марта 2022") == "7 марта 2022"
    assert fold_letters("Ё’–") == "е’–"
    assert fold("Ё’–") == "е'"


def test_fold_keeps_letters_of_other_scripts() -> None:
    # Indic vowel signs are combining marks, but letters of their words: they stay.
    assert fold("हिंदी") != fold("हद")
    assert fold("한국") == fold("한국")


def test_fold_keeps_distinct_words_distinct() -> None:
    assert not contains(fold("أوكرانيا"), "الولايات المتحدة وحلف شمال الأطلسي")
    assert not contains(fold("nato"), "Warsaw Pact")


def test_fold_does_not_change_the_callers_string() -> None:
    text = "الأمنيّة ٢٠٢٢ NATO"
    copy = str(text)
    fold(text)
    assert text == copy


def test_contains_handles_missing_text() -> None:
    assert not contains(fold("nato"), None)
    assert contains("", "anything")


@given(st.text())
@example("ß\u0301")  # casefolds to "ss" + acute, which NFKC then composes
@example("\ufe70\u0640")  # isolated fathatan: NFKC gives a space and a haraka
@example("e\u0640\u0301")  # removing tatweel lets the accent reach the letter
@example("İ\u0301ǰ")
@example("\u00b4-\u2019")
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert fold_letters(fold_letters(text)) == fold_letters(text)
    assert fold(fold_letters(text)) == fold(text)

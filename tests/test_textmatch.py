"""fold() and contains(): searches typed plainly find Arabic and Latin text as sources write it."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claimtrack.textmatch import contains, fold

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
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)

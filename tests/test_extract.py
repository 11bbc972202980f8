"""Extraction without the command line: passages, names, dates, proposals, scoring."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.extract.article import article_text, dateline, plain_main_text
from claimtrack.extract.names import Vocabulary
from claimtrack.extract.passages import find_passages, pieces, quote_spans
from claimtrack.extract.proposals import Proposal, mark_duplicates, propose
from claimtrack.extract.scoring import coverage, matches, score
from extract_vocabulary import ARTICLES, memory_store


@pytest.fixture
def vocabulary(tmp_path: Path) -> Vocabulary:
    return Vocabulary.of(memory_store(tmp_path / "memory.json"))


def summary(proposals: list[Proposal]) -> list[tuple[object, ...]]:
    return [(p.date, p.side, p.speaker, p.attribution, p.kind, p.topics, p.text) for p in proposals]


# --- quotations and sentences --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said: "one two three four" today.', ["one two three four"]),
        ("Он сказал: «раз „два“ три» вчера.", ["раз „два“ три"]),
        ("He said “one two” and „drei vier“.", ["one two", "drei vier"]),
        (
            'قال: "كانت المحادثات دون أي محاولات "تجميل" أو الالتفاف".',
            ['كانت المحادثات دون أي محاولات "تجميل" أو الالتفاف'],
        ),
        ("قال: «بلا نهاية", ["بلا نهاية"]),  # left open: runs to the paragraph's end
        ("No quotes here.", []),
    ],
)
def test_quote_spans_of_every_script(text: str, quoted: list[str]) -> None:
    assert [text[a:b] for a, b in quote_spans(text)] == quoted


def test_a_quote_over_several_sentences_stays_whole() -> None:
    text = 'Lavrov said: "We are ready. We are waiting. We will see." Then he left.'
    found = list(find_passages(text))
    assert [(p.text, p.quoted) for p in found] == [
        ("We are ready. We are waiting. We will see", True)
    ]
    assert found[0].lead == "Lavrov said:"


def test_long_passages_are_cut_into_sentences_then_clauses() -> None:
    first = "We explained why the guarantees are an absolute necessity for our security"
    second = "and why no strike weapons may ever be placed anywhere near our borders again"
    third = "while the alliance must return to where it stood a quarter of a century ago"
    text = f"{first}, {second}, {third}. Short."
    assert pieces(text) == [first, second, f"{third}. Short"]
    assert pieces("A short quote.") == ["A short quote"]


@given(st.text(alphabet=st.sampled_from('ab «»“”„"., :'), max_size=60))
def test_quote_spans_never_overlap_and_stay_inside(text: str) -> None:
    spans = quote_spans(text)
    for (_, b), (c, _) in zip(spans, spans[1:], strict=False):
        assert b <= c
    assert all(0 < a <= b <= len(text) for a, b in spans)


# --- whole articles ------------------------------------------------------------------------


def test_english_press_conference(vocabulary: Vocabulary) -> None:
    text = article_text((ARTICLES / "press-en.txt").read_bytes())
    assert dateline(text) == "2023-03-03"
    found = propose(text, vocabulary, published="2023-03-03", source="Wire")
    holloway, petrenko = "Jane Holloway", "Ivan Petrenko"
    assert summary(found) == [
        ("2023-03-02", "north", holloway, "paraphrase", "statement", ("troops",),
         'the talks had been "frank and useful" for both delegations'),
        ("2023-03-03", "north", holloway, "quote", "demand", ("troops",),
         "We demand that all troops be withdrawn from the border before the next round"),
        ("2023-03-03", "north", holloway, "quote", "statement", ("troops",),
         "Only then can we discuss the rest of the agenda"),
        ("2023-03-03", "north", holloway, "paraphrase", "warning", ("sanctions",),
         "sanctions would follow any new offensive"),
        ("2023-03-02", "south", petrenko, "paraphrase", "rejection", ("troops",),
         "the border had been drawn unfairly"),
        ("2023-03-03", "south", petrenko, "quote", "rejection", ("ceasefire",),
         "We will never accept a ceasefire line drawn in Washington"),
        ("2023-03-03", "north", None, "readout", "statement", ("troops",),
         "the delegation would return to Geneva next week"),
    ]  # fmt: skip
    assert {p.source for p in found} == {"Wire"}
    assert found[1].note == "date: the publication date (the sentence names no day)"
    assert found[0].note == "topic from the article, not the sentence"


def test_russian_press_conference(vocabulary: Vocabulary) -> None:
    text = article_text((ARTICLES / "press-ru.txt").read_bytes())
    assert dateline(text) == "2023-03-14"
    found = propose(text, vocabulary, published="2023-03-14")
    petrenko = "Ivan Petrenko"
    assert summary(found) == [
        ("2023-03-13", "south", petrenko, "paraphrase", "statement", ("ceasefire",),
         "переговоры о перемирии зашли в тупик"),
        ("2023-03-14", "south", petrenko, "quote", "demand", ("troops",),
         "Мы требуем немедленного вывода войск с границы до следующего раунда"),
        ("2023-03-14", "south", petrenko, "quote", "statement", ("ceasefire",),
         "Только после этого можно обсуждать остальное"),
        ("2023-03-14", "south", petrenko, "paraphrase", "warning", ("sanctions",),
         "новые санкции вызовут ответные меры"),
        ("2023-03-14", "north", "Jane Holloway", "readout", "statement", ("ceasefire",),
         "делегация во главе с Холлоуэй вернётся в Женеву"),
    ]  # fmt: skip


def test_arabic_reporting_sentence_and_dates(vocabulary: Vocabulary) -> None:
    text = (
        "قال بيترينكو أمس الإثنين إن العقوبات الجديدة لن تغير موقف بلاده أبدا.\n"
        'وأضاف: "يجب انسحاب القوات من الحدود قبل الجولة المقبلة".\n'
        "وحذر هولواي، في 12 شباط/فبراير، من أن وقف إطلاق النار هش جدا الآن."
    )
    found = propose(text, vocabulary, published="2023-02-14")
    assert summary(found) == [
        ("2023-02-13", "south", "Ivan Petrenko", "paraphrase", "statement", ("sanctions",),
         "العقوبات الجديدة لن تغير موقف بلاده أبدا"),
        ("2023-02-14", "south", "Ivan Petrenko", "quote", "demand", ("troops",),
         "يجب انسحاب القوات من الحدود قبل الجولة المقبلة"),
        ("2023-02-12", "north", "Jane Holloway", "paraphrase", "warning", ("ceasefire",),
         "وقف إطلاق النار هش جدا الآن"),
    ]  # fmt: skip


def test_html_page_gives_its_article_only(vocabulary: Vocabulary) -> None:
    text = article_text((ARTICLES / "press-en.html").read_bytes())  # trafilatura's, if there
    assert plain_main_text((ARTICLES / "press-en.html").read_text("utf-8")) == (
        "Talks stall over troops\n\nMarch 3, 2023\n\n"
        '"We demand that all troops be withdrawn from the border before the next round,"'
        " Holloway said.\n\nHolloway warned that sanctions would follow any new offensive."
    )
    assert "Subscribe" not in text and "tracking" not in text and "Home" not in text
    assert dateline(text) == "2023-03-03"
    assert [p.text for p in propose(text, vocabulary, published="2023-03-03")] == [
        "We demand that all troops be withdrawn from the border before the next round",
        "sanctions would follow any new offensive",
    ]


def test_html_without_article_element_keeps_the_body() -> None:
    html = "<html><body><nav>Menu</nav><p>One.</p><p>Two &amp; three.</p></body></html>"
    assert plain_main_text(html) == "One.\n\nTwo & three."


def test_duplicates_of_stored_claims_are_marked(vocabulary: Vocabulary) -> None:
    text = 'Holloway said: "We demand that all troops leave the border now."'
    found = propose(text, vocabulary, published="2023-03-03")
    stored = {"id": "abcdefghij", "date": "2023-03-03", "text": "all troops leave the border now"}
    other_day = {**stored, "id": "bbbbbbbbbb", "date": "2023-03-01"}
    assert [p.duplicate_of for p in mark_duplicates(found, [other_day])] == [None]
    assert [p.duplicate_of for p in mark_duplicates(found, [stored])] == ["abcdefghij"]


# --- scoring -------------------------------------------------------------------------------


def test_matching_rule() -> None:
    claim = "NATO must not expand"
    assert coverage(claim, "we said  NATO must not expand, again") == 1.0
    assert matches("we said NATO must not expand, again", claim)
    assert not matches("NATO must not", claim)  # covers 65%
    assert not matches("x" * 41 + claim, claim)  # more than three times as long
    assert matches("NATO  must\nnot expand", claim)  # whitespace normalised


def test_score_counts_recall_precision_and_fields() -> None:
    claims = [
        {"id": "a", "text": "We demand guarantees now", "speaker": "Lavrov", "side": "russia",
         "date": "2022-01-21", "kind": "demand", "verbatim": True},
        {"id": "b", "text": "The talks were useful", "speaker": "Lavrov", "side": "russia",
         "date": "2022-01-21", "kind": "statement", "attribution": "readout"},
        {"id": "c", "text": "They spoke of the schedule", "speaker": None, "side": "us",
         "date": "2022-01-21", "kind": "statement", "attribution": "paraphrase"},
    ]  # fmt: skip
    proposals = [
        {"text": "We demand guarantees now", "speaker": "lavrov", "side": "russia",
         "date": "2022-01-21", "kind": "statement"},
        {"text": "They spoke of the schedule", "speaker": None, "side": "russia",
         "date": "2022-01-20", "kind": "statement"},
        {"text": "Something else entirely", "speaker": None, "side": None,
         "date": "2022-01-21", "kind": "statement"},
    ]  # fmt: skip
    result = score(proposals, claims)
    assert (result.in_scope, result.recalled, result.proposals, result.matched) == (2, 1, 3, 2)
    assert result.right == {"speaker": 2, "side": 1, "date": 1, "kind": 1}
    assert result.rows() == [
        ("recall of quote and readout claims", "50%", "1/2"),
        ("precision", "67%", "2/3"),
        ("speaker right, of matched", "100%", "2/2"),
        ("side right, of matched", "50%", "1/2"),
        ("date right, of matched", "50%", "1/2"),
        ("kind right, of matched", "50%", "1/2"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A. " * 50_000,  # sentence ends that are all abbreviations
        '"a" ' * 50_000,  # a paragraph of short quotations
        "He said that " + "x. " * 50_000,  # a reported sentence of tiny pieces
        "«" * 20_000 + "said",  # quotation marks never closed
    ],
)
def test_large_articles_take_linear_time(vocabulary: Vocabulary, text: str) -> None:
    import time

    started = time.monotonic()
    propose(text, vocabulary, published="2023-03-03")
    assert time.monotonic() - started < 10


def test_a_statement_naming_no_one_keeps_the_side_before(vocabulary: Vocabulary) -> None:
    text = (
        "Holloway said that the border will stay closed for now.\n"
        "The statement added that the talks would go on next week."
    )
    found = propose(text, vocabulary, published="2023-03-03")
    assert [(p.speaker, p.side, p.attribution) for p in found] == [
        ("Jane Holloway", "north", "paraphrase"),
        (None, "north", "readout"),
    ]


def test_statements_named_by_no_one_are_those_of_the_person_just_named(
    vocabulary: Vocabulary,
) -> None:
    text = (
        "استشهد بيترينكو ثم هولواي بأحكامها الرئيسية. "
        "وبحسب التصريحات، فإن الخطة انتهت تماما في الوقت الحاضر."
    )
    [found] = propose(text, vocabulary, published="2023-03-03")
    assert (found.speaker, found.side, found.attribution, found.text) == (
        "Jane Holloway",
        "north",
        "readout",
        "الخطة انتهت تماما في الوقت الحاضر",
    )

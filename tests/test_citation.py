"""Citations: one newspaper sentence per claim, whatever its attribution and grammar."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis_store import claim, make_claim
from claimtrack.citation import VERBS, cite, with_article


def test_cite_quote_with_translation():
    assert cite(claim("rmisvac"), "Russia") == (
        'Sergei Lavrov (Russia) accepted on 13 January 2022, as reported by RT Arabic: "We welcome'
        ' talks on missiles" (original: "نرحب بالمحادثات حول الصواريخ").'
    )


def test_cite_paraphrase_is_reported_speech_after_a_colon():
    assert cite(claim("rexprep"), "Russia") == (
        "Sergei Lavrov (Russia) demanded on 26 January 2022, according to Interfax: Russia"
        " still insists on *legally binding* guarantees. https://interfax.com/a_b"
    )


def test_cite_paraphrase_reads_whatever_the_translation_grammar():
    fragments = {
        "NATO to give Moscow guarantees that it will not expand eastwards.": (
            "NATO to give Moscow guarantees that it will not expand eastwards (original: نص)."
        ),
        "On 17 December 2021 the ministry published draft treaties.": (
            "On 17 December 2021 the ministry published draft treaties (original: نص)."
        ),
        "...in response to our concerns...": "...in response to our concerns... (original: نص).",
    }
    for translation, words in fragments.items():
        given = make_claim(
            "x", "russia", "2021-12-17", "t", "demand", "نص", translation=translation,
            attribution="paraphrase", speaker="Russian Foreign Ministry", source="Sputnik",
        )  # fmt: skip
        assert cite(given, "Russia") == (
            "The Russian Foreign Ministry (Russia) demanded on 17 December 2021, according to"
            f" Sputnik: {words}"
        )


def test_cite_readout_names_whose_readout():
    given = make_claim(
        "x", "russia", "2022-01-28", "t", "demand", "منع توسع الناتو",
        translation="Preventing NATO expansion.", attribution="readout",
        speaker="Vladimir Putin", source="Kremlin readout",
    )  # fmt: skip
    assert cite(given, "Russia") == (
        "Vladimir Putin (Russia) demanded on 28 January 2022, according to the Kremlin's"
        ' readout: "Preventing NATO expansion." (original: "منع توسع الناتو").'
    )
    by_outlet = {**given, "source": "Sputnik", "translation": None}
    assert cite(by_outlet, "Russia") == (
        "Vladimir Putin (Russia) demanded on 28 January 2022, according to the official"
        ' readout reported by Sputnik: "منع توسع الناتو".'
    )
    assert "according to the official readout: " in cite({**by_outlet, "source": None}, "Russia")


@pytest.mark.parametrize("kind", sorted(VERBS))
def test_cite_verb_follows_the_kind(kind):
    given = make_claim("x", "us", "2022-01-26", "t", kind, "We will talk.", source="TASS")
    assert cite(given, "United States") == (
        f'The United States {VERBS[kind]} on 26 January 2022, as reported by TASS: "We will talk."'
    )


def test_cite_md_links_and_escapes():
    assert cite(claim("rexprep"), "Russia", "md") == (
        "Sergei Lavrov (Russia) demanded on 26 January 2022, according to Interfax: Russia"
        r" still insists on \*legally binding\* guarantees."
        r" [https://interfax.com/a\_b](https://interfax.com/a_b)"
    )
    assert cite(claim("umisgen"), "United States", "md").endswith(
        r'limits on missiles". [https://state.gov/briefing(1)](https://state.gov/briefing%281%29)'
    )


def test_cite_without_speaker_source_or_url():
    assert cite(claim("nukrnor"), "NATO") == (
        'NATO demanded on 20 January 2022: "Russia should pull its troops back from the border".'
    )
    paraphrase = {**claim("nukrnor"), "attribution": "paraphrase"}
    assert cite(paraphrase, "NATO") == (
        "NATO demanded on 20 January 2022, in paraphrase: Russia should pull its troops back"
        " from the border."
    )


def test_cite_paraphrase_with_translation_and_own_full_stop():
    given = {**claim("rukrnor"), "text": "نص", "translation": "Text ends here."}
    assert cite(given, "Russia") == (
        "Dmitry Peskov (Russia) warned on 20 January 2022, according to TASS:"
        " Text ends here (original: نص)."
    )
    assert cite({**claim("rukrnor"), "text": "It ends."}, "Russia").endswith("TASS: It ends.")


def test_cite_shows_hidden_characters_and_keeps_one_line():
    given = {**claim("nukrnor"), "text": "line one\nline\u202etwo", "speaker": "[bold]X"}
    assert cite(given, "NATO") == (
        '[bold]X (NATO) demanded on 20 January 2022: "line one line<U+202E>two".'
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Russian Foreign Ministry", "the Russian Foreign Ministry"),
        ("Ministry of Foreign Affairs", "the Ministry of Foreign Affairs"),
        ("United States", "the United States"),
        ("European Union", "the European Union"),
        ("Kremlin", "the Kremlin"),
        ("The Kremlin", "The Kremlin"),
        ("Kremlin spokesman Dmitry Peskov", "Kremlin spokesman Dmitry Peskov"),
        ("Russia", "Russia"),
        ("NATO", "NATO"),
        ("Sergei Lavrov", "Sergei Lavrov"),
    ],
)
def test_with_article(name, expected):
    assert with_article(name) == expected


def test_cite_a_source_that_is_an_occasion():
    given = make_claim(
        "x", "russia", "2022-01-28", "t", "warning", "Words.",
        speaker="Sergei Lavrov", source="Russian radio interview",
    )  # fmt: skip
    assert cite(given, "Russia") == (
        'Sergei Lavrov (Russia) warned on 28 January 2022, in a Russian radio interview: "Words."'
    )
    paraphrase = {**given, "attribution": "paraphrase", "source": "interview"}
    assert cite(paraphrase, "Russia") == (
        "Sergei Lavrov (Russia) warned on 28 January 2022, in an interview, in paraphrase: Words."
    )


# --- every claim of the example ---------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "security-guarantees-2022.json"
VERB = "|".join(sorted(set(VERBS.values())))
# Who, the verb, the date, whose words (optional), then the words after a colon, a full
# stop (or the closing quotation mark of a quote that ends in one), and the url if any.
SENTENCE = re.compile(
    rf"^[A-Z\[][^\n]* \((?:[A-Z][^()]*)\) (?:{VERB}) on \d{{1,2}} [A-Z][a-z]+ \d{{4}}"
    r"(?:, (?:as reported by|according to|in) [^:\n]+)?: \S[^\n]*(?:\.|[.!?…]\")"
    r"(?: https?://\S+)?$"
    rf"|^(?:The )?[A-Z][^\n(]* (?:{VERB}) on \d{{1,2}} [A-Z][a-z]+ \d{{4}}"
    r"(?:, (?:as reported by|according to|in) [^:\n]+)?: \S[^\n]*(?:\.|[.!?…]\")"
    r"(?: https?://\S+)?$"
)


def test_cite_every_claim_of_the_example_reads_as_one_sentence(run, tmp_path):
    store = tmp_path / "example.json"
    store.write_bytes(EXAMPLE.read_bytes())
    ids = run("--db", str(store), "list", "--format", "ids").stdout.split()
    assert len(ids) > 60
    result = run("--db", str(store), "cite", *ids)
    assert result.exit_code == 0, result.stderr
    sentences = result.stdout.splitlines()
    assert len(sentences) == len(ids)
    for sentence in sentences:
        assert SENTENCE.match(sentence), sentence
        # reported speech never hangs the words on a "that" they may not fit
        assert ", that " not in sentence and " that On " not in sentence, sentence
        assert "that NATO to" not in sentence, sentence
        assert "as reported by Russian radio" not in sentence, sentence

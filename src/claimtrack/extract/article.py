"""An article's text: plain text as it is, an HTML page reduced to its main text,
and the publication date its dateline gives.

trafilatura or readability-lxml, when installed, find an HTML page's main text
better than a parser can; without them the standard library's `html.parser`
keeps the text of the page's <article> (or <main>, or <body>) without scripts,
navigation, headers, footers and forms.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from claimtrack.dates import parse_date
from claimtrack.errors import DateError, InputError
from claimtrack.extract.lexicon import RUSSIAN_MONTHS

_HTML_RE = re.compile(r"<(?:!doctype html|html|body|article|p|div)\b", re.IGNORECASE)
# A day, a month name (possibly two, "يناير/كانون الثاني"), a four-digit year.
_DATELINE_RE = re.compile(
    r"(?<!\d)\d{1,2}\s+[^\d\n]{3,30}?\s*\d{4}(?!\d)"
    r"|[A-Za-z]{3,9}\.? \d{1,2}, \d{4}"
    r"|\d{4}-\d{2}-\d{2}"
)
_DATELINE_SPAN = 600  # a dateline sits above or at the start of the text


def article_text(raw: bytes) -> str:
    """The text of an article file: UTF-8 plain text, or an HTML page's main text."""
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the article is not UTF-8 text (byte {exc.start})",
            "Convert it first, e.g. with iconv -t UTF-8",
        ) from None
    if _HTML_RE.search(text[:5000]):
        text = html_main_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("the article has no text")
    return text


def html_main_text(html: str) -> str:
    """The main text of an HTML page, paragraphs separated by blank lines."""
    import importlib

    try:
        trafilatura = importlib.import_module("trafilatura")  # an optional extra
    except ImportError:
        pass
    else:
        found = trafilatura.extract(html, include_comments=False)
        if found:
            return str(found)
    return plain_main_text(html)


def plain_main_text(html: str) -> str:
    """The fallback: the text of the page's <article>, <main> or <body>, with the
    standard library's parser."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return parser.text()


_SKIPPED = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "template",
    "iframe",
    "button",
    "select",
    "figure",
}
_BLOCKS = {
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "section",
    "article",
    "main",
    "tr",
    "td",
    "pre",
    "hr",
    "time",
}
_CONTAINERS = ("article", "main", "body")


class _MainText(HTMLParser):
    """Text per container; skipped elements contribute nothing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._skipping: list[str] = []
        self._open: list[str] = []
        self._parts: dict[str, list[str]] = {name: [] for name in _CONTAINERS}
        self._title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping.append(tag)
        elif tag in _CONTAINERS:
            self._open.append(tag)
        if tag == "title":
            self._in_title = True
        if tag in _BLOCKS:
            self._write("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._write("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()
        elif tag in _CONTAINERS and tag in self._open:
            while self._open and self._open.pop() != tag:
                pass
        if tag == "title":
            self._in_title = False
        if tag in _BLOCKS:
            self._write("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skipping:
            self._write(data)

    def _write(self, data: str) -> None:
        for name in set(self._open):
            self._parts[name].append(data)

    def text(self) -> str:
        for name in _CONTAINERS:
            body = "".join(self._parts[name])
            if body.strip():
                return _tidy(body)
        return _tidy("".join(self._title))


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def dateline(text: str) -> str | None:
    """The first full date near the top of an article, as ISO; None without one."""
    for match in _DATELINE_RE.finditer(text[:_DATELINE_SPAN]):
        try:
            return parse_date(english_months(match.group()))
        except DateError:
            continue
    return None


def english_months(text: str) -> str:
    """Russian month names as English ones, which dates.parse_date reads."""
    from claimtrack.dates import MONTHS

    for name, english in zip(RUSSIAN_MONTHS, MONTHS, strict=True):
        text = re.sub(rf"(?<!\w){name}(?!\w)", english, text, flags=re.IGNORECASE)
    return text

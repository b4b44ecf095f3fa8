"""From a raw article to a Document: metadata, cleaning, language, stable id."""
from __future__ import annotations

from hashlib import sha256

from ..types import Document, ErrorRecord
from .clean import clean_text
from ..lang import LANGUAGES
from .language import UNDETERMINED, document_language, format_segments, language_segments, paragraph_decisions
from .metadata import parse_date, split_date_header, split_title
from .readers import Limits, RawArticle


def body_id(body: str) -> str:
    return sha256(body.encode("utf-8")).hexdigest()[:16]


def _html_article(raw: RawArticle) -> RawArticle | ErrorRecord:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(raw.text, with_metadata=True, include_comments=False,
                                                include_tables=True, favor_recall=True)
    except (RecursionError, ValueError, TypeError, AttributeError) as exc:
        return ErrorRecord(raw.source, raw.item, "parse", f"HTML could not be parsed: {exc}"[:500])
    if extracted is None:
        return ErrorRecord(raw.source, raw.item, "no_content",
                           "no article text found in the HTML (nothing readable, or nested too deeply)")
    title = extracted.title or ""
    lines = [line.strip() for line in (extracted.text or "").split("\n") if line.strip()]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]
    return RawArticle(raw.source, raw.item, "\n\n".join(lines), "html", title=title,
                      date=extracted.date, url=extracted.url or "", author=extracted.author or "",
                      site=extracted.sitename or "")


def make_document(raw: RawArticle, *, limits: Limits = Limits()) -> Document | ErrorRecord:
    """Clean one article; an error record when nothing of the article is left."""
    if raw.fmt == "html":
        converted = _html_article(raw)
        if isinstance(converted, ErrorRecord):
            return converted
        raw = converted
    text = raw.text
    header_date, text = split_date_header(text)
    title = raw.title.strip()
    if raw.fmt == "text" and not title:
        title, text = split_title(text)
    truncated = len(text) > limits.max_doc_chars
    if truncated:
        text = text[:limits.max_doc_chars]
    cleaned = clean_text(text)
    body = cleaned.text
    if not body.strip():
        reason = "empty" if not raw.text.strip() else "no_content"
        return ErrorRecord(raw.source, raw.item, reason, "no article text left after cleaning")
    decisions = paragraph_decisions(body)
    lang, chars = document_language([paragraph for paragraph, _ in decisions])
    if raw.lang in LANGUAGES:
        lang = raw.lang
    date = parse_date(raw.date, lang)
    date_raw = "" if date or raw.date is None else " ".join(str(raw.date).split())[:200]
    date = date or header_date
    return Document(
        doc_id=body_id(body), source=raw.source, item=raw.item, title=" ".join(title.split()),
        date=date, lang=lang or UNDETERMINED, body=body, n_chars=len(body), n_words=len(body.split()),
        duplicate_of="", dropped_chars=cleaned.dropped_chars, url=raw.url, author=raw.author,
        site=raw.site, lang_chars=" ".join(f"{k}:{v}" for k, v in sorted(chars.items())),
        truncated=truncated, date_raw=date_raw,
        lang_spans=format_segments(language_segments(body, decisions), lang or UNDETERMINED),
    )

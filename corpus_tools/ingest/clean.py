"""Boilerplate removal for plain text (and for the text trafilatura returns from HTML).

Scraped articles carry share buttons, ad slots, cookie notices, "Read more" teasers and
"Related posts" sidebars of unrelated stories. Lines that are boilerplate by themselves are
dropped one by one; a sidebar header drops everything after it, because scrapers append
those lists after the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_LINE_PATTERNS = [
    # share buttons, print/email widgets
    r"share( this( post| article| story| page)?)?( on \w+)?",
    r"(share|partager|partagez)( sur| on)? (facebook|twitter|linkedin|x|whatsapp|email)( .*)?",
    r"(partager|partagez)( (cet|l')article)?",
    r"(tweet|print|email|imprimer|envoyer|copy link|copier le lien)",
    r"use the share button.*",
    # teasers and links
    r"(read|lire) (more|entire article|full article|the full (story|article)|la suite|l'article|plus)\W*",
    r"continue reading\W*",
    r"(related|see also|voir aussi|lire aussi|à lire aussi|a lire aussi|à lire également)\s*:.*",
    r"click here.*",
    # ads and promotion
    # a whole word and a short tail: "Advanced Micro Devices will…" or "Annoncée en mai, …" are article text,
    # and so is a heading where the word has a complement ("Annonce d'un nouveau centre de données")
    r"-?\s*(advertisement|sponsored|publicité|annonce|ad)\b(?!\s*(?:d['’]|de\s|des\s|du\s|of\s))\s*-?.{0,60}",
    r".*\bspot_img\b.*",
    r"(subscribe|sign up|abonnez-vous|inscrivez-vous)\b.{0,200}",
    r"(follow us|suivez-nous)\b.{0,200}",
    r"(all rights reserved|tous droits réservés|©|copyright)\b.{0,200}",
    r"tags?\s*:.{0,300}",
]
_LINE_RE = re.compile(r"\A(?:%s)\Z" % "|".join(_LINE_PATTERNS), re.IGNORECASE)
_COOKIE_RE = re.compile(
    r"\bcookies?\b.{0,400}\b(consent|browsing|experience|privacy|accept|tracking|navigation|"
    r"acceptez|utilisons|naviguant|confidentialité|traceurs)|"
    r"\b(we|this (web)?site|nous|ce site)\b.{0,40}\b(use|uses|utilisons|utilise)\b.{0,20}\bcookies?\b",
    re.IGNORECASE,
)
_SIDEBAR_HEADERS = [
    r"related (posts?|articles?|stories|blogs?|news|content|reading)",
    r"more (stories|news|articles|from .{1,40})",
    r"you (may|might) (also )?like",
    r"recommended( for you| stories| articles)?",
    r"read next",
    r"trending( now| stories)?",
    r"most (read|popular|viewed)",
    r"(latest|popular) (news|posts|articles)",
    r"sur le même (sujet|thème)",
    r"(à|a) lire (aussi|également)",
    r"articles? (similaires|liés|connexes)",
    r"dans la même rubrique",
    r"les plus (lus|populaires)",
    r"(nos )?derniers articles",
]
_SIDEBAR_RE = re.compile(r"\A(?:%s)\s*:?\Z" % "|".join(_SIDEBAR_HEADERS), re.IGNORECASE)
_MAX_COOKIE_LINE = 800


@dataclass(frozen=True)
class Cleaned:
    text: str
    dropped_chars: int


def is_boilerplate_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _LINE_RE.match(stripped):
        return True
    return len(stripped) <= _MAX_COOKIE_LINE and bool(_COOKIE_RE.search(stripped))


def is_sidebar_header(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= 60 and bool(_SIDEBAR_RE.match(stripped))


def clean_text(text: str) -> Cleaned:
    """Drop boilerplate; paragraphs come back separated by one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept_paragraphs: list[str] = []
    current: list[str] = []
    dropped = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if is_sidebar_header(stripped):
            dropped += sum(len(rest.strip()) for rest in lines[index:])
            break
        if not stripped:
            if current:
                kept_paragraphs.append("\n".join(current))
                current = []
            continue
        if is_boilerplate_line(stripped):
            dropped += len(stripped)
            continue
        current.append(" ".join(stripped.split()) if "  " in stripped else stripped)
    if current:
        kept_paragraphs.append("\n".join(current))
    return Cleaned("\n\n".join(kept_paragraphs), dropped)

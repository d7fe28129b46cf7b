"""HTML pages: main text and metadata with trafilatura, plus documented fallbacks.

trafilatura's ``bare_extraction`` gives the text, title, date, author,
sitename and url. Measured on ``shared/eval/trafilatura-meta`` (see
``bench/eval_metadata.py``), a few cheap corrections help:

* title: a trailing site-name segment ("... | The Japan Times",
  "... - Helge.at") is removed when it matches the page's sitename or host;
  with no title, JSON-LD ``headline``, ``og:title`` or the first ``<h1>``.
* date: when trafilatura finds none, JSON-LD ``datePublished``, then the
  ``article:published_time`` / ``itemprop=datePublished`` / ``date`` meta tags.
  (Preferring them over trafilatura's date was measured and is worse.)
* author: placeholder or widget text ("No Author", "Follow", a comment's
  "X says") is discarded; with no author, JSON-LD ``author`` names of a
  non-organisation entity, then ``<a rel="author">`` link texts.

All HTML dates carry ``date_source`` "html-meta".
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newsevents import errors
from newsevents.errors import IngestError
from newsevents.ingest.common import iso_date, make_doc_id
from newsevents.records import Document

# Separators between a headline and a trailing site name in <title>.
_TITLE_SEPARATOR = re.compile(r"\s+[|\-\u2013\u2014\u00b7\u00bb:]\s+")
# Author strings that are page furniture, not names.
_JUNK_AUTHOR = re.compile(r"^(?:no author|follow|admin|author\b.*|.*\bsays)$", re.IGNORECASE)
# Shorter squashed names ("ap", "news") would match unrelated title segments.
MIN_SITE_KEY = 4
_META_DATE_XPATH = (
    '//meta[@property="article:published_time" or @name="article:published_time"'
    ' or @itemprop="datePublished" or @name="date" or @name="pubdate"'
    ' or @name="publish-date" or @name="DC.date.issued"]/@content'
)
_ORGANISATION_TYPES = {"Organization", "NewsMediaOrganization", "Corporation", "WebSite"}


def squash(value: str) -> str:
    """Lower-case letters and digits only: for comparing names loosely."""
    return re.sub(r"\W+", "", unicodedata.normalize("NFKC", value).casefold())


def jsonld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks (``@graph`` flattened)."""
    found: list[dict[str, Any]] = []
    for block in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            stack: list[Any] = [json.loads(block)]
        except ValueError:
            continue  # broken JSON-LD is common; the other sources still apply
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return found


def is_organisation(obj: dict[str, Any]) -> bool:
    """True if a JSON-LD object's ``@type`` (a string or a list) names an organisation or site."""
    types = obj.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and t in _ORGANISATION_TYPES for t in types)


def jsonld_names(value: Any) -> list[str]:
    """Person names in a JSON-LD ``author`` value (string, object or list), organisations skipped."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [name for item in value for name in jsonld_names(item)]
    if isinstance(value, dict) and not is_organisation(value):
        return jsonld_names(value.get("name"))
    return []


def site_key(name: str) -> str:
    """``name`` squashed, without a leading "the" or "www" (to match hosts)."""
    return re.sub(r"^(?:the|www)", "", squash(name))


def is_site_name(value: str, site_names: list[str]) -> bool:
    """True if ``value`` repeats one of ``site_names`` (a sitename or hostname).

    It matches when its squashed form contains, or is contained in, a squashed
    site name; both sides need :data:`MIN_SITE_KEY` characters so that short
    words do not match by chance.
    """
    value_key = site_key(value)
    if len(value_key) < MIN_SITE_KEY:
        return False
    keys = [key for key in map(site_key, site_names) if len(key) >= MIN_SITE_KEY]
    return any(value_key in key or key in value_key for key in keys)


def strip_site_suffix(title: str, site_names: list[str]) -> str:
    """``title`` without trailing segments that repeat the site's name or host."""
    while separators := list(_TITLE_SEPARATOR.finditer(title)):
        last = separators[-1]
        if not is_site_name(title[last.end():], site_names):
            break
        title = title[: last.start()]
    return title


def fallback_title(tree: HtmlElement, ld: list[dict[str, Any]]) -> str | None:
    """JSON-LD ``headline``, ``og:title`` or the first ``<h1>``."""
    for obj in ld:
        if isinstance(obj.get("headline"), str) and obj["headline"].strip():
            return obj["headline"].strip()
    og = tree.xpath('//meta[@property="og:title"]/@content')
    if og and og[0].strip():
        return og[0].strip()
    h1 = [h.text_content().strip() for h in tree.xpath("//h1")]
    return next((h for h in h1 if h), None)


def fallback_date(tree: HtmlElement, ld: list[dict[str, Any]]) -> str | None:
    """JSON-LD ``datePublished``, then publication-date meta tags."""
    for obj in ld:
        value = obj.get("datePublished")
        if isinstance(value, str) and (found := iso_date(value)):
            return found
    return next((found for value in tree.xpath(_META_DATE_XPATH) if (found := iso_date(value))), None)


def fallback_author(tree: HtmlElement, ld: list[dict[str, Any]]) -> str | None:
    """JSON-LD author names, then ``<a rel="author">`` texts, joined by "; "."""
    names = [name for obj in ld if not is_organisation(obj) for name in jsonld_names(obj.get("author"))]
    if not names:
        # Only the first: later rel="author" links usually belong to related-article teasers.
        names = [a.text_content().strip() for a in tree.xpath('//a[@rel="author"]')][:1]
    unique = list(dict.fromkeys(n for n in names if n and not _JUNK_AUTHOR.match(n)))
    return "; ".join(unique) or None


def clean_author(author: str | None) -> str | None:
    """None for placeholder authors ("No Author", "Follow", "X says").

    An author equal to the site name is kept: on personal sites it is the
    author (measured: dropping it cost more than it saved).
    """
    if not author or _JUNK_AUTHOR.match(author.strip()):
        return None
    return author.strip()


def parse_html(html: str, path: str) -> Document | IngestError:
    """A :class:`Document` from an HTML page (see the module docstring for fallbacks)."""
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (extracted.text or "").strip() if extracted is not None else ""
    if not text:
        return IngestError(path, None, errors.NO_HTML_TEXT)
    tree = load_html(html)
    ld = jsonld_objects(tree) if tree is not None else []
    title = extracted.title or (fallback_title(tree, ld) if tree is not None else None)
    site_names = [extracted.sitename or "", extracted.hostname or ""]
    if title:
        title = strip_site_suffix(title, site_names)
    date = iso_date(extracted.date) or (fallback_date(tree, ld) if tree is not None else None)
    author = clean_author(extracted.author)
    if author is None and tree is not None:
        author = fallback_author(tree, ld)
    return Document(
        doc_id=make_doc_id(text),
        text=text,
        title=title or None,
        date=date,
        author=author,
        source=extracted.sitename or None,
        url=extracted.url or None,
        path=path,
        input_format="html",
        date_source="html-meta" if date else None,
    )

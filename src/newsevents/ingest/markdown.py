"""Markdown articles in the layout of the founding example.

The layout (see ``shared/seed/china-invites-russian-troops-2015-05-11.md``)::

    # Title
    By [Outlet](#)            or   By Jane Doe
    May 11, 2015              (also 2015-05-11, 11 May 2015)
    A one-line image caption  (optional)
    Body paragraphs ...
    Original url:
    <https://...>

Decisions:

* ``title`` is the ``# `` heading, ``date`` the date line (``date_source``
  "markdown"), ``url`` the address after ``Original url:``.
* The By line goes to ``author``. When it is a Markdown link, as in the seed's
  ``By [The Moscow Times](#)``, it names the outlet, so it goes to ``source``
  too (the seed has no separate person name).
* ``text`` is the body only: paragraphs joined by a blank line, soft-wrapped
  lines joined by a space, link/image/emphasis syntax removed; nothing from
  ``Original url:`` on.
* The first body paragraph is an image caption, and dropped, when the article
  has a header and that paragraph is one short line that does not end like a
  sentence ("A Chinese infantry fighting vehicle").
"""

from __future__ import annotations

import re

from newsevents import errors
from newsevents.errors import IngestError
from newsevents.ingest.common import make_doc_id, parse_date_line
from newsevents.records import Document

# A By line longer than this, or ending with a period, is a body sentence ("By then, ...").
MAX_BYLINE_CHARS = 80
# A caption is a single line at most this long with no sentence-final punctuation.
MAX_CAPTION_CHARS = 100
SENTENCE_END = (".", "!", "?", '"', "\u201d", "'", "\u2019", ":", ")")

_BY_LINE = re.compile(r"^by\s+(?P<who>.+)$", re.IGNORECASE)
_WHOLE_LINK = re.compile(r"^\[(?P<text>[^\]]+)\]\([^)]*\)$")
_ORIGINAL_URL = re.compile(r"^original\s+url:\s*(?P<rest>.*)$", re.IGNORECASE)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_HEADING = re.compile(r"^#{1,6}\s+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def clean_inline(line: str) -> str:
    """``line`` without Markdown image, link and emphasis syntax."""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _EMPHASIS.sub(r"\2", line)
    return re.sub(r"[ \t]{2,}", " ", line).strip()


def split_paragraphs(lines: list[str]) -> list[list[str]]:
    """Groups of non-blank lines separated by blank lines."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def join_paragraph(lines: list[str]) -> str:
    """One paragraph of text: list items keep their line breaks, prose is unwrapped."""
    sep = "\n" if any(_LIST_ITEM.match(line) for line in lines) else " "
    return sep.join(clean_inline(_HEADING.sub("", line.strip())) for line in lines).strip()


def parse_byline(who: str) -> tuple[str, bool]:
    """The name in a By line and whether it is a link (an outlet)."""
    m = _WHOLE_LINK.match(who.strip())
    if m:
        return m["text"].strip(), True
    return clean_inline(who), False


def is_byline(line: str) -> bool:
    """True if ``line`` may be a By line (short, not a sentence)."""
    return len(line) <= MAX_BYLINE_CHARS and not line.endswith(".")


def is_caption(paragraph: list[str]) -> bool:
    """True for a one-line image caption (short, no sentence-final punctuation)."""
    if len(paragraph) != 1:
        return False
    line = paragraph[0].strip()
    return len(line) <= MAX_CAPTION_CHARS and not line.endswith(SENTENCE_END)


def parse_header(lines: list[str]) -> tuple[dict[str, str | None], int]:
    """Title, author, source and date from the top lines, and where the body starts.

    The header is a ``# `` title, then By and date lines (blank lines between
    them allowed); it ends at the first line that is none of these.
    """
    found: dict[str, str | None] = {"title": None, "author": None, "source": None, "date": None}
    first = True
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if first and line.startswith("# "):
            found["title"] = clean_inline(line[2:])
        elif found["author"] is None and is_byline(line) and (m := _BY_LINE.match(line)):
            name, is_outlet = parse_byline(m["who"])
            found["author"] = name
            found["source"] = name if is_outlet else None
        elif found["date"] is None and (date := parse_date_line(line)):
            found["date"] = date
        else:
            return found, i
        first = False
    return found, len(lines)


def parse_markdown(text: str, path: str) -> Document | IngestError:
    """A :class:`Document` from a Markdown article (see the module docstring)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header, body_start = parse_header(lines)
    paragraphs = split_paragraphs(lines[body_start:])
    url = None
    body: list[list[str]] = []
    for i, para in enumerate(paragraphs):
        m = _ORIGINAL_URL.match(para[0].strip())
        if m:
            # The address is on the same line, the next line, or the next paragraph.
            following = [line for p in [para[1:], *paragraphs[i + 1 : i + 2]] for line in p]
            url = (m["rest"] or " ".join(following[:1])).strip().strip("<>") or None
            break
        body.append(para)
    if any(header.values()) and len(body) > 1 and is_caption(body[0]):
        body.pop(0)
    paragraphs_text = [p for p in (join_paragraph(para) for para in body) if p]
    if not paragraphs_text:
        return IngestError(path, None, errors.NO_MARKDOWN_BODY)
    body_text = "\n\n".join(paragraphs_text)
    return Document(
        doc_id=make_doc_id(body_text),
        text=body_text,
        title=header["title"],
        date=header["date"],
        author=header["author"],
        source=header["source"],
        url=url,
        path=path,
        input_format="markdown",
        date_source="markdown" if header["date"] else None,
    )

"""Plain-text articles: the whole file is the text."""

from __future__ import annotations

from newsevents.ingest.common import make_doc_id
from newsevents.records import Document

# A first line longer than this is a paragraph, not a headline.
MAX_TITLE_CHARS = 150


def guess_title(text: str) -> str | None:
    """The first line, if it looks like a headline.

    A headline is short, followed by a blank line, and does not end like a
    sentence (a one-sentence lead paragraph ends with a period).
    """
    lines = text.split("\n", 2)
    if len(lines) < 3 or lines[1].strip():
        return None
    first = lines[0].strip()
    if not first or len(first) > MAX_TITLE_CHARS or first.endswith((".", "!", "?", ":", ";", ",")):
        return None
    return first


def parse_text(text: str, path: str) -> Document:
    """A :class:`Document` from plain text.

    The text is kept as it is (only line endings are normalised to ``\\n`` and
    surrounding whitespace stripped) so that downstream offsets index it
    directly; a guessed title stays inside the text as well.
    """
    body = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return Document(
        doc_id=make_doc_id(body),
        text=body,
        title=guess_title(body),
        path=path,
        input_format="text",
    )

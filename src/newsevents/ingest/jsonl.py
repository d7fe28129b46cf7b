"""JSON Lines: one document per line.

Each line is an object ``{"id", "text", "title"?, "date"?, "url"?,
"source"?, "author"?}``; other keys are ignored. ``text`` is required and
non-empty, the other fields are strings (or null) and ``date`` is
``YYYY-MM-DD``. A missing ``id`` is derived from the text. A bad line is
reported with its line number and the other lines go on; blank lines are
skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsevents import errors
from newsevents.errors import IngestError
from newsevents.ingest.common import iso_date, make_doc_id
from newsevents.records import Document

OPTIONAL_FIELDS = ("id", "title", "url", "source", "author")


def parse_record(record: Any, path: str, line: int) -> Document | IngestError:
    """A :class:`Document` from one decoded JSON line, or why it is refused."""
    if not isinstance(record, dict):
        return IngestError(path, line, errors.JSONL_NOT_OBJECT)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestError(path, line, errors.JSONL_NO_TEXT)
    for name in OPTIONAL_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            return IngestError(path, line, errors.JSONL_BAD_FIELD.format(field=name))
    date = record.get("date")
    if date is not None and (not isinstance(date, str) or iso_date(date) != date):
        return IngestError(path, line, errors.JSONL_BAD_DATE.format(value=date))
    return Document(
        doc_id=record.get("id") or make_doc_id(text),
        text=text,
        title=record.get("title"),
        date=date,
        author=record.get("author"),
        source=record.get("source"),
        url=record.get("url"),
        path=path,
        line=line,
        input_format="jsonl",
        date_source="jsonl" if date else None,
    )


def parse_jsonl(text: str, path: str) -> Iterator[Document | IngestError]:
    """Every document (or line error) in a JSON Lines file."""
    # Split on "\n" only: JSON strings may hold raw U+2028, which splitlines() breaks on.
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            detail = f"{exc.msg} at column {exc.colno}"
            yield IngestError(path, number, errors.JSONL_BAD_JSON.format(detail=detail))
            continue
        yield parse_record(record, path, number)

"""Ingest: read articles from files, directories or stdin into :class:`~newsevents.records.Document` records.

Example::

    from newsevents.ingest import read_inputs, IngestError

    for item in read_inputs(["articles/"], default_date="2015-05-11"):
        if isinstance(item, IngestError):
            print(item)  # "articles/bad.jsonl:3: line is not a JSON object"
        else:
            handle(item)

Formats: plain text, Markdown (the seed-article layout), HTML (trafilatura)
and JSON Lines; see each reader's module for what it takes from the input.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsevents.errors import IngestError
from newsevents.ingest.common import check_default_date
from newsevents.ingest.detect import EXTENSIONS, FORMATS, choose_format
from newsevents.ingest.files import decode, expand_paths, read_bytes
from newsevents.ingest.html import parse_html
from newsevents.ingest.jsonl import parse_jsonl
from newsevents.ingest.markdown import parse_markdown
from newsevents.ingest.text import parse_text
from newsevents.records import Document

__all__ = ["EXTENSIONS", "FORMATS", "IngestError", "read_file", "read_inputs"]

_SINGLE_DOCUMENT_READERS = {"text": parse_text, "markdown": parse_markdown, "html": parse_html}


def read_file(path: str, input_format: str = "auto") -> Iterator[Document | IngestError]:
    """The documents in one file (``"-"`` for stdin), or the reason it was refused."""
    data = read_bytes(path)
    if isinstance(data, IngestError):
        yield data
        return
    text = decode(data, path, input_format)
    if isinstance(text, IngestError):
        yield text
        return
    fmt = choose_format(path, text, input_format)
    if fmt == "jsonl":
        yield from parse_jsonl(text, path)
    else:
        yield _SINGLE_DOCUMENT_READERS[fmt](text, path)


def read_inputs(
    paths: list[str], input_format: str = "auto", default_date: str | None = None
) -> Iterator[Document | IngestError]:
    """Every document in ``paths``, in a reproducible order.

    :param paths: files, directories (searched recursively for the
        :data:`EXTENSIONS`, hidden entries skipped, sorted) or ``"-"`` for stdin.
    :param input_format: one of :data:`FORMATS`; "auto" goes by extension,
        else by content.
    :param default_date: ``YYYY-MM-DD`` publication date for documents whose
        input has none (``date_source`` "cli").
    :returns: an iterator of :class:`Document` and, for each input that could
        not be read, an :class:`IngestError`; bad input never raises.
    :raises ValueError: at call time, for an unknown ``input_format``, a
        malformed ``default_date`` or a bare string as ``paths`` (programmer errors).
    """
    if isinstance(paths, str):
        raise ValueError("paths must be a list of paths, not a single string")
    if input_format not in FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(FORMATS)}, got {input_format!r}")
    return _iter_inputs(paths, input_format, check_default_date(default_date))


def _iter_inputs(paths: list[str], input_format: str, default_date: str | None) -> Iterator[Document | IngestError]:
    """The generator behind :func:`read_inputs` (arguments already checked)."""
    for path in expand_paths(paths):
        if isinstance(path, IngestError):
            yield path
            continue
        for item in read_file(path, input_format):
            if isinstance(item, Document) and item.date is None and default_date:
                item.date, item.date_source = default_date, "cli"
            yield item

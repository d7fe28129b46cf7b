"""Readers for PETRARCH/TABARI dictionaries: ``*.actors.txt``, ``*.agents.txt``, ``*.verbs.txt``, ``*.discards.txt``.

Each reader turns one file into typed records and raises :class:`DictionaryError`
(a :class:`~newsevents.errors.ConfigError`) naming the file and line of anything it
cannot read. The formats, as published with TABARI and PETRARCH:

- comments: ``# text`` to the end of a line (outside ``[...]``) and ``<!-- ... -->`` blocks;
- phrases: words joined by ``_`` (``NEW_ZEALAND``); a trailing ``_`` means "this exact word";
- actors: ``NAME [CODE]``, then ``+SYNONYM`` lines and indented ``[CODE DATES]`` lines, where
  DATES is ``<YYMMDD`` (until), ``>YYMMDD`` (from) or ``YYMMDD-YYMMDD`` (8-digit years too);
- agents: ``NAME {PLURALS} [~CODE]`` (suffix agent) or ``[CODE~]`` (prefix agent), with
  substitution sets ``!SET! = A, B`` used inside names;
- verbs: ``--- NAME [CODE] ---`` blocks of verb lines (``VERB {FORMS} [CODE]``, multiword
  ``KLM_+RST``, ``+BREAK_DOWN {...}``) and pattern lines ``- WORDS * WORDS [CODE]``; synsets
  ``&NAME`` with ``+member`` lines;
- discards: one phrase a line, ``+PHRASE`` discards the whole story.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError

# Two-digit years at or above this are 19YY, below it 20YY (TABARI's YYMMDD dates).
CENTURY_PIVOT = 30
# A CAMEO-like event code as the dictionaries write it: "064", "1711", "174K", "030". Anything else
# ("---", "+++", "xxy") codes no event; "---" is the documented null code.
EVENT_CODE_RE = re.compile(r"^\d{3,4}[A-Za-z]?$")
NULL_CODE = "---"
_HEADER_RE = re.compile(r"^---\s*(.+?)\s*\[([^\]]*)\].*?(?:---)?\s*$")
_BRACKET_RE = re.compile(r"\[([^\]]*)\]")
_BRACE_RE = re.compile(r"\{([^}]*)\}")


class DictionaryError(ConfigError):
    """A dictionary file or one of its lines is malformed."""


def _fail(path: Path, line: int, reason: str, text: str) -> DictionaryError:
    return DictionaryError(f"{path}:{line}: {reason}: {text.strip()!r}")


# -- records ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code, valid from ``start`` to ``end`` (YYYY-MM-DD, inclusive; None = open)."""

    code: str
    start: str | None = None
    end: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One actor: its names (phrases, the first is the headword) and codes."""

    names: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    source: str  # "file:line" of the headword


@dataclass(frozen=True, slots=True)
class AgentRecord:
    """One agent (sector) noun: names with their plurals, the code and its position."""

    names: tuple[str, ...]
    code: str
    prefix: bool  # [CODE~]: the code goes before the actor's ("NGO" agents)
    source: str


@dataclass(frozen=True, slots=True)
class PatternToken:
    """One element of a verb pattern."""

    kind: str  # "word", "synset", "verb" (*), "source" ($), "target" (+), "compound" (%), "skip" (^)
    text: str = ""  # the word (upper case) or synset name
    joined: bool = False  # joined by "_" to the element nearer the verb: nothing may come between them


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """``- WORDS * WORDS [CODE]``: ``before`` and ``after`` are read outwards from the verb."""

    before: tuple[PatternToken, ...]  # nearest to the verb first
    after: tuple[PatternToken, ...]
    code: str  # "064", "032:033" (source->target : target->source), "---"
    text: str
    source: str

    @property
    def size(self) -> int:
        """Words the pattern demands (longer patterns are tried first)."""
        return sum(t.kind in ("word", "synset") for t in self.before + self.after)


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One verb of a block: its words (the verb word at ``head``), inflected forms and own code."""

    words: tuple[str, ...]
    head: int
    forms: tuple[tuple[str, ...], ...] = ()  # explicit forms from {...}, as word tuples
    code: str | None = None  # overrides the block's code


@dataclass(slots=True)
class VerbBlock:
    """``--- NAME [CODE] ---``: verbs sharing a default code and a list of patterns."""

    name: str
    code: str
    verbs: list[VerbForm] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)
    source: str = ""


@dataclass(slots=True)
class VerbDictionary:
    blocks: list[VerbBlock] = field(default_factory=list)
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # &NAME -> phrases (may hold &refs)


@dataclass(frozen=True, slots=True)
class Discard:
    phrase: str
    story: bool  # "+PHRASE": the whole story is discarded, else only the sentence
    source: str


# -- lines -----------------------------------------------------------------------------------------

def _strip_comment(text: str) -> str:
    """``text`` without a ``#`` comment (a ``#`` inside ``[...]`` is part of a code)."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return text[:i]
    return text


def _lines(path: Path):
    """``(line number, raw line, content)`` of a file, comments removed, blank lines skipped."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read ({exc.strerror or exc})") from None
    in_block = False
    for n, line in enumerate(raw.splitlines(), 1):
        text = line
        out = ""
        while text:
            if in_block:
                end = text.find("-->")
                if end < 0:
                    text = ""
                    break
                text, in_block = text[end + 3:], False
                continue
            start = re.search(r"<!\s*--", text)
            if start is None:
                out += text
                break
            out += text[:start.start()]
            text, in_block = text[start.end():], True
        content = _strip_comment(out).rstrip()
        if content.strip():
            yield n, line, content


def _phrase(text: str) -> tuple[str, bool]:
    """A dictionary phrase as words joined by spaces, and whether its last word is exact (``X_``)."""
    text = text.strip()
    exact = text.endswith("_")
    words = [w for w in re.split(r"[_\s]+", text) if w]
    return " ".join(words), exact


def _date(text: str, path: Path, n: int, line: str) -> str:
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise _fail(path, n, f"bad date {digits!r} (YYMMDD or YYYYMMDD)", line)
    if len(digits) == 6:
        yy = int(digits[:2])
        digits = f"{19 if yy >= CENTURY_PIVOT else 20}{digits}"
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        raise _fail(path, n, f"bad date {text.strip()!r}", line) from None


def _parse_codes(inside: str, path: Path, n: int, line: str) -> list[DatedCode]:
    """The codes of one ``[...]``: ``CODE``, ``CODE/CODE``, ``CODE <D``, ``CODE >D``, ``CODE D-D``."""
    m = re.match(r"^\s*([^\s<>]+)?\s*(.*)$", inside)
    code_text, rest = (m.group(1) or ""), m.group(2).strip()
    if re.fullmatch(r"[\d\s-]+", code_text + rest) and any(c.isdigit() for c in code_text + rest):
        raise _fail(path, n, "code block without a code", line)
    if not code_text:
        raise _fail(path, n, "empty actor code", line)
    start = end = None
    if rest.startswith("<"):
        end = _date(rest[1:], path, n, line)
    elif rest.startswith(">"):
        start = _date(rest[1:], path, n, line)
    elif rest:
        parts = [p for p in rest.replace(" ", "").split("-") if p]
        if len(parts) != 2:
            raise _fail(path, n, f"bad date range {rest!r}", line)
        start, end = _date(parts[0], path, n, line), _date(parts[1], path, n, line)
    return [DatedCode(c.upper(), start, end) for c in code_text.split("/") if c]


# -- readers ---------------------------------------------------------------------------------------

def read_actors(path: str | Path, warnings: list[str] | None = None) -> list[ActorRecord]:
    """Every actor of a ``*.actors.txt`` file.

    A code block with a malformed date raises, unless ``warnings`` is given: the code is then
    dropped and the reason appended there (the published Phoenix files have a few such typos).
    """
    path = Path(path)

    def _dated_codes(inside, path, n, line):
        try:
            return _parse_codes(inside, path, n, line)
        except DictionaryError as exc:
            if warnings is None:
                raise
            warnings.append(str(exc))
            return []

    out: list[ActorRecord] = []
    names: list[str] = []
    codes: list[DatedCode] = []
    where = ""

    def flush():
        if names and codes:
            out.append(ActorRecord(tuple(names), tuple(codes), where))

    for n, line, text in _lines(path):
        stripped = text.strip()
        if stripped.startswith("["):
            if not names:
                raise _fail(path, n, "code line with no actor before it", line)
            for inside in _BRACKET_RE.findall(stripped):
                codes.extend(_dated_codes(inside, path, n, line))
            if not _BRACKET_RE.search(stripped) or _BRACKET_RE.sub("", stripped).strip():
                raise _fail(path, n, "cannot read code line", line)
            continue
        synonym = stripped.startswith("+")
        body = stripped[1:] if synonym else stripped
        inline = _BRACKET_RE.findall(body)
        name = _BRACE_RE.sub("", _BRACKET_RE.sub("", body)).strip()
        if "[" in name or "]" in name:
            exc = _fail(path, n, "unbalanced [ ]", line)
            if warnings is None:
                raise exc
            warnings.append(str(exc))
            continue
        if not name:
            raise _fail(path, n, "no actor name", line)
        phrase, _ = _phrase(name)
        if synonym:
            if not names:
                raise _fail(path, n, "synonym with no actor before it", line)
            names.append(phrase)
            for inside in inline:
                codes.extend(_dated_codes(inside, path, n, line))
            continue
        flush()
        names, codes, where = [phrase], [], f"{path.name}:{n}"
        for inside in inline:
            codes.extend(_dated_codes(inside, path, n, line))
    flush()
    return out


def _substitutions(text: str, sets: dict[str, list[str]]) -> list[str]:
    """``text`` with each ``!SET!`` replaced by each of its members."""
    m = re.search(r"!([A-Za-z0-9]+)!", text)
    if m is None:
        return [text]
    members = sets.get(m.group(1).upper())
    if members is None:
        return []
    return [out for member in members for out in _substitutions(text[:m.start()] + member + text[m.end():], sets)]


def read_agents(path: str | Path, warnings: list[str] | None = None) -> list[AgentRecord]:
    """Every agent of a ``*.agents.txt`` file (names include the plurals; see :func:`plural`).

    A malformed line raises, unless ``warnings`` is given: the line is then skipped and the
    reason appended there.
    """
    path = Path(path)
    sets: dict[str, list[str]] = {}
    out: list[AgentRecord] = []
    for n, line, text in _lines(path):
        try:
            record = _agent_line(path, n, line, text, sets)
        except DictionaryError as exc:
            if warnings is None:
                raise
            warnings.append(str(exc))
            continue
        if record is not None:
            out.append(record)
    return out


def _agent_line(path: Path, n: int, line: str, text: str, sets: dict[str, list[str]]) -> AgentRecord | None:
    if True:
        stripped = text.strip()
        m = re.match(r"^!([A-Za-z0-9]+)!\s*=\s*(.+)$", stripped)
        if m:
            sets[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            return None
        codes = _BRACKET_RE.findall(stripped)
        if len(codes) != 1:
            raise _fail(path, n, "an agent line needs one [~CODE] or [CODE~]", line)
        code = codes[0].replace(" ", "")
        if code.count("~") != 1 or not code.replace("~", "").isalnum():
            raise _fail(path, n, f"bad agent code [{codes[0]}] (~CODE or CODE~)", line)
        prefix = code.endswith("~")
        head = stripped[:stripped.index("[")]
        braces = _BRACE_RE.findall(head)
        name = _BRACE_RE.sub("", head).strip()
        if not name:
            raise _fail(path, n, "no agent name", line)
        names: list[str] = []
        for variant in _substitutions(name, sets):
            phrase, _ = _phrase(variant)
            names.append(phrase)
            if not braces:
                names.append(plural(phrase))
        for b in braces:
            names.extend(_phrase(p)[0] for p in b.split() if p.strip("_"))
        return AgentRecord(tuple(dict.fromkeys(names)), code.replace("~", "").upper(), prefix, f"{path.name}:{n}")


def plural(phrase: str) -> str:
    """TABARI's regular plural of an agent phrase's last word."""
    words = phrase.split(" ")
    w = words[-1]
    up = w.upper()
    if up.endswith("MAN"):
        w = w[:-3] + ("MEN" if w.isupper() else "men")
    elif up.endswith("Y") and len(w) > 1 and up[-2] not in "AEIOU":
        w = w[:-1] + "IES"
    elif up.endswith(("S", "X", "Z", "CH", "SH")):
        w += "ES"
    else:
        w += "S"
    return " ".join(words[:-1] + [w])


def _pattern_tokens(text: str, path: Path, n: int, line: str) -> list[PatternToken]:
    text = text.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ")
    out: list[PatternToken] = []
    for chunk in text.split():
        parts = [p for piece in chunk.split("_") for p in (re.findall(r"[*$+%^]|[^*$+%^]+", piece) or [""])]
        for k, part in enumerate(parts):
            joined = k < len(parts) - 1
            if not part:
                if out and k > 0:  # "WAS_" / "KNOWN_": joined to what follows
                    out[-1] = PatternToken(out[-1].kind, out[-1].text, True)
                continue
            kind = {"*": "verb", "$": "source", "+": "target", "%": "compound", "^": "skip"}.get(part)
            if kind is not None:
                out.append(PatternToken(kind, "", joined))
            elif part.startswith("&"):
                out.append(PatternToken("synset", part.upper(), joined))
            elif re.fullmatch(r"[\w'.,/-]+", part):
                out.append(PatternToken("word", part.upper(), joined))
            else:
                raise _fail(path, n, f"cannot read pattern element {part!r}", line)
    return out


def _verb_form(body: str, path: Path, n: int, line: str) -> VerbForm:
    inline = _BRACKET_RE.findall(body)
    braces = _BRACE_RE.findall(body)
    words_text = _BRACE_RE.sub("", _BRACKET_RE.sub("", body)).strip()

    def split(text: str) -> tuple[tuple[str, ...], int]:
        words = [w for w in re.split(r"[_\s]+", text.strip()) if w]
        head = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
        words = [w.lstrip("+").upper() for w in words]
        if not words or not all(words):
            raise _fail(path, n, "empty verb", line)
        return tuple(words), head

    words, head = split(words_text)
    forms = tuple(split(f)[0] for b in braces for f in b.split())
    code = inline[0].strip() if inline else None
    return VerbForm(words, head, forms, code)


def read_verbs(path: str | Path) -> VerbDictionary:
    """Every block and synset of a ``*.verbs.txt`` file."""
    path = Path(path)
    out = VerbDictionary()
    block: VerbBlock | None = None
    synset: str | None = None
    for n, line, text in _lines(path):
        stripped = text.strip()
        if stripped.startswith("---"):
            m = _HEADER_RE.match(stripped)
            if m is None:
                raise _fail(path, n, "a block header is --- NAME [CODE] ---", line)
            block = VerbBlock(m.group(1).strip(), m.group(2).strip(), source=f"{path.name}:{n}")
            out.blocks.append(block)
            synset = None
        elif stripped.startswith("&"):
            # "&PREPOSIT1_": a trailing "_" on the name is not part of it (patterns write "&PREPOSIT1")
            synset = stripped.split()[0].upper().rstrip("_")
            out.synsets[synset] = []
        elif stripped.startswith("- ") or stripped == "-" or stripped.startswith("-\t"):
            if block is None:
                raise _fail(path, n, "pattern outside a --- VERB [CODE] --- block", line)
            synset = None
            codes = _BRACKET_RE.findall(stripped)
            if not codes:
                raise _fail(path, n, "pattern without [CODE]", line)
            body = stripped[1:stripped.index("[")]
            tokens = _pattern_tokens(body, path, n, line)
            verbs = [i for i, t in enumerate(tokens) if t.kind == "verb"]
            if len(verbs) != 1:
                raise _fail(path, n, "a pattern needs exactly one * (the verb)", line)
            k = verbs[0]
            out_before = tuple(reversed(tokens[:k]))
            # "joined" on the reversed left side means: joined to the element nearer the verb
            before = tuple(PatternToken(t.kind, t.text, tokens[k - 1 - i].joined)
                           for i, t in enumerate(out_before))
            after = tuple(PatternToken(t.kind, t.text, tokens[k + i].joined) for i, t in enumerate(tokens[k + 1:]))
            block.patterns.append(VerbPattern(before, after, codes[0].strip(), body.strip(),
                                              f"{path.name}:{n}"))
        elif stripped.startswith("+") and synset is not None:
            out.synsets[synset].append(tuple(w.upper() for w in re.split(r"[_\s]+", stripped[1:]) if w))
        else:
            if block is None:
                raise _fail(path, n, "verb outside a --- VERB [CODE] --- block", line)
            block.verbs.append(_verb_form(stripped, path, n, line))
    return out


def read_discards(path: str | Path) -> list[Discard]:
    """Every phrase of a ``*.discards.txt`` file."""
    path = Path(path)
    out = []
    for n, line, text in _lines(path):
        stripped = text.strip()
        story = stripped.startswith("+")
        phrase, _ = _phrase(stripped.lstrip("+"))
        if not phrase or "[" in phrase:
            raise _fail(path, n, "a discard line is PHRASE or +PHRASE", line)
        out.append(Discard(phrase, story, f"{path.name}:{n}"))
    return out

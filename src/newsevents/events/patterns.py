"""Trigger patterns: the readable data files under ``data/patterns/`` compiled for matching.

Each ``NN-name.yaml`` file lists, per CAMEO code, verb and noun patterns in a
small language documented in ``data/patterns/README.md``::

    travel @to            verb "travel", target = object of "to"
    impose sanction @on   verb "impose" with a child "sanction", target after "on"
    call @on +to          needs an infinitive complement ("call on X to ...")
    receive $weapon <from  the source follows "from", the subject is the target
    march -parade src:!MIL|GOV

Patterns are validated when loaded; a bad one raises :class:`PatternError`
naming the file, the code and the pattern.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import yaml

from ..errors import ConfigError
from ..nlp import cache_owner

DEFAULT_CONFIDENCE = 0.8
_CODE_RE = re.compile(r"^\d{3,4}$")
_WORD_RE = re.compile(r"^[a-z][a-z'.-]*$")


class PatternError(ConfigError):
    """A pattern file or a pattern in it is malformed."""


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled trigger pattern."""

    code: str
    pos: str  # "verb" or "noun"
    lemma: str
    required: tuple[frozenset[str], ...] = ()  # each: lemma alternatives of one required child
    preps: tuple[str, ...] = ()  # target prepositions; "obj" = direct object
    no_target: bool = False
    needs_xcomp: bool = False
    needs_ccomp: bool = False
    forbidden: frozenset[str] = frozenset()
    forbidden_deps: frozenset[str] = frozenset()  # dependency relations the trigger must not have
    source_prep: str | None = None  # "<from": the source is this preposition's object, the target the subject
    # ("<" alone: the subject is the target and the source is not named, "survived an attack")
    src_in: frozenset[str] | None = None
    src_not: frozenset[str] | None = None
    tgt_in: frozenset[str] | None = None
    tgt_not: frozenset[str] | None = None
    confidence: float = DEFAULT_CONFIDENCE
    rule: str = ""  # "<file>:<code>:<pos>:<pattern text>", shown to users as the event's rule

    @property
    def explicit_preps(self) -> tuple[str, ...]:
        """Target prepositions that the pattern requires (``@obj`` is not a preposition)."""
        return tuple(p for p in self.preps if p != "obj")

    @property
    def specificity(self) -> int:
        """Higher for patterns that demand more; tried first."""
        return (3 * len(self.required) + 2 * bool(self.explicit_preps or self.source_prep) + self.needs_xcomp
                + self.needs_ccomp
                + bool(self.src_in or self.src_not or self.tgt_in or self.tgt_not))


def _alts(text: str, classes: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    out: set[str] = set()
    for alt in text.split("|"):
        if alt.startswith("$"):
            if alt[1:] not in classes:
                raise PatternError(f"{where}: unknown class {alt!r}")
            out |= classes[alt[1:]]
        elif alt:
            out.add(alt.replace("_", " "))
    if not out:
        raise PatternError(f"{where}: empty alternative list")
    return frozenset(out)


def compile_pattern(text: str, code: str, pos: str, *, classes: dict[str, frozenset[str]] | None = None,
                    confidence: float = DEFAULT_CONFIDENCE, source: str = "") -> Pattern:
    """Compile one pattern string (see ``data/patterns/README.md``)."""
    classes = classes or {}
    where = f"{source}:{code}:{pos}: {text!r}"
    tokens = text.split()
    if not tokens:
        raise PatternError(f"{where}: empty pattern")
    lemma = tokens[0]
    if not _WORD_RE.match(lemma):
        raise PatternError(f"{where}: the first word must be a lowercase lemma")
    required: list[frozenset[str]] = []
    preps: list[str] = []
    forbidden: set[str] = set()
    fields: dict[str, object] = {}
    for tok in tokens[1:]:
        if tok.startswith("@"):
            if tok == "@none":
                fields["no_target"] = True
            else:
                alts = [a for a in tok[1:].split("|") if a]
                if not alts:
                    raise PatternError(f"{where}: '@' needs a preposition, obj or none")
                preps.extend(alts)  # in the written order: the first is preferred
        elif tok.startswith("<"):
            if not re.fullmatch(r"<[a-z]*", tok):
                raise PatternError(f"{where}: '<' takes one preposition, as in <from, or none")
            fields["source_prep"] = tok[1:]
        elif tok == "+to":
            fields["needs_xcomp"] = True
        elif tok == "+that":
            fields["needs_ccomp"] = True
        elif tok.startswith("!"):
            deps = frozenset(d for d in tok[1:].split("|") if d)
            if not deps or not all(re.fullmatch(r"[a-z]+", d) for d in deps):
                raise PatternError(f"{where}: '!' needs dependency labels such as !oprd")
            fields["forbidden_deps"] = fields.get("forbidden_deps", frozenset()) | deps
        elif tok.startswith("-"):
            forbidden |= _alts(tok[1:], classes, where)
        elif tok.startswith(("src:", "tgt:")):
            role, spec = tok.split(":", 1)
            negate = spec.startswith("!")
            values = frozenset(s.upper() for s in spec.lstrip("!").split("|") if s)
            if not values:
                raise PatternError(f"{where}: empty sector list in {tok!r}")
            fields[f"{role}_{'not' if negate else 'in'}"] = values
        elif tok.startswith("$") or _WORD_RE.match(tok.split("|")[0]):
            required.append(_alts(tok, classes, where))
        else:
            raise PatternError(f"{where}: cannot read {tok!r}")
    # Keep preposition order (first is preferred) without duplicates.
    preps = list(dict.fromkeys(preps))
    return Pattern(code=code, pos=pos, lemma=lemma, required=tuple(required), preps=tuple(preps),
                   forbidden=frozenset(forbidden), confidence=confidence,
                   rule=f"{source}:{code}:{pos}:{text}", **fields)  # type: ignore[arg-type]


def _load_classes(path: Path) -> dict[str, frozenset[str]]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if isinstance(data, dict) and isinstance(data.get("classes"), dict):
        data = data["classes"]
    if not isinstance(data, dict):
        raise PatternError(f"{path.name}: expected a mapping 'classes' of class name to lemma list")
    out = {}
    for name, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise PatternError(f"{path.name}: class {name!r} must be a list of lemmas")
        out[str(name)] = frozenset(w.lower() for w in words)
    return out


def load_file(path: Path, classes: dict[str, frozenset[str]]) -> list[Pattern]:
    """Compile every pattern of one ``NN-name.yaml`` file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise PatternError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("codes"), dict):
        raise PatternError(f"{path.name}: expected keys 'root' and 'codes'")
    root = str(data.get("root", "")).zfill(2)
    # words no pattern of the file may see around its trigger ("killed in a car crash" is no assault)
    every = data.get("forbidden") or []
    if not isinstance(every, list) or not all(isinstance(w, str) for w in every):
        raise PatternError(f"{path.name}: 'forbidden' must be a list of lemmas or $classes")
    file_forbidden = frozenset().union(*(_alts(w, classes, f"{path.name}:forbidden") for w in every))
    out: list[Pattern] = []
    for code, spec in data["codes"].items():
        code = str(code)
        if not _CODE_RE.match(code) or not code.startswith(root):
            raise PatternError(f"{path.name}: code {code!r} is not a CAMEO code under root {root}")
        if not isinstance(spec, dict):
            raise PatternError(f"{path.name}:{code}: expected verb/noun lists")
        conf = float(spec.get("conf", DEFAULT_CONFIDENCE))
        for pos in ("verb", "noun"):
            for text in spec.get(pos) or ():
                p = compile_pattern(str(text), code, pos, classes=classes, confidence=conf, source=path.name)
                out.append(replace(p, forbidden=p.forbidden | file_forbidden) if file_forbidden else p)
    return out


def examples(path: Path) -> list[tuple[str, str]]:
    """``(code, sentence)`` pairs from the ``examples`` lists of a pattern file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [(str(code), str(s)) for code, spec in (data.get("codes") or {}).items()
            for s in (spec or {}).get("examples") or ()]


def default_directory() -> Path:
    return Path(str(resources.files("newsevents") / "data" / "patterns"))


def pattern_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or default_directory()).glob("[0-9][0-9]-*.yaml"))


class PatternIndex:
    """All patterns, indexed by (part of speech, lemma) and ordered most specific first."""

    def __init__(self, patterns: Iterable[Pattern], classes: dict[str, frozenset[str]] | None = None):
        # the lemma classes the patterns were written with, which the coder reads too ("weapon",
        # "negative_label"); the bundled ones for an index built from patterns alone
        self.classes = classes if classes is not None else bundled_classes()
        by_key: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for p in patterns:
            by_key[(p.pos, p.lemma)].append(p)
        self._index = {k: sorted(v, key=lambda p: -p.specificity) for k, v in by_key.items()}
        self.verb_lemmas = frozenset(l for (pos, l) in self._index if pos == "verb")
        self.cache_key = cache_owner()  # this index's caches in doc.user_data
        self.noun_lemmas = frozenset(l for (pos, l) in self._index if pos == "noun")
        # for fitting(): per key, the positions of the patterns that require no word, and for each
        # word, the (position, which requirement) it meets; a lemma such as "call" has 70 patterns
        self._free: dict[tuple[str, str], list[int]] = {}
        self._free_patterns: dict[tuple[str, str], list[Pattern]] = {}  # (what fitting() gives when no word is met)
        self._by_word: dict[tuple[str, str], dict[str, list[tuple[int, int]]]] = {}
        for key, group in self._index.items():
            free, by_word = [], defaultdict(list)
            for n, p in enumerate(group):
                if not p.required:
                    free.append(n)
                for k, alternatives in enumerate(p.required):
                    for word in alternatives:
                        by_word[word].append((n, k))
            self._free[key], self._by_word[key] = free, dict(by_word)
            self._free_patterns[key] = [group[n] for n in free]

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def words(self) -> frozenset[str]:
        """Every trigger lemma and required word of the patterns (the coder's vocabulary)."""
        out = set(self.verb_lemmas) | set(self.noun_lemmas)
        for group in self._by_word.values():
            out.update(group)
        return frozenset(out)

    def __contains__(self, key: tuple[str, str]) -> bool:
        """Whether some pattern fires on (part of speech, lemma)."""
        return key in self._index

    def get(self, pos: str, lemma: str) -> list[Pattern]:
        return self._index.get((pos, lemma), [])

    def may_fit(self, pos: str, lemma: str, words) -> bool:
        """Whether a pattern of (``pos``, ``lemma``) can fit dependents whose lemmas are among
        ``words`` (e.g. all those of the sentence): one requires no word, or some required word is
        there. False lets the coder skip collecting the dependents of a trigger no pattern fits."""
        key = (pos, lemma)
        return bool(self._free.get(key)) or not self._by_word.get(key, {}).keys().isdisjoint(words)

    def fitting(self, pos: str, lemma: str, words: set[str],
                subject_words: Iterable[str] = ()) -> list[Pattern]:
        """The patterns of (``pos``, ``lemma``) whose every required word is among ``words`` (the
        lemmas of the trigger's dependents), most specific first; the same as filtering
        :meth:`get` by ``required``, without testing every pattern.

        ``subject_words`` are those of ``words`` that only the trigger's subject carries. A pattern
        that needs one of them to fit ("capture soldier|troop" in "Ethiopian troops captured the
        town", "dissolve government" in "the government dissolved an association") is tried after
        every pattern whose required words the other dependents meet ("capture town"), since those
        name what the verb acts on; it keeps its rank otherwise ("kill warplane" in "warplanes
        killed 10 civilians" still beats the bare "kill")."""
        key = (pos, lemma)
        group = self._index.get(key)
        if not group:
            return []
        by_word = self._by_word[key]
        if by_word.keys().isdisjoint(words):
            return self._free_patterns[key]  # (most often: no required word is there; not to be changed)

        def fully_met(pool) -> set[int]:
            met: dict[int, set[int]] = {}
            for word in pool:
                for n, k in by_word.get(word, ()):
                    met.setdefault(n, set()).add(k)
            return {n for n, ks in met.items() if len(ks) == len(group[n].required)}

        with_subject = fully_met(words)
        order = sorted(self._free[key] + list(with_subject))
        subject_only = set(subject_words) & set(words) if subject_words and with_subject else ()
        if subject_only:
            without = fully_met(set(words) - subject_only)
            needs_subject = with_subject - without
            if needs_subject and without:
                # (after the last pattern met without the subject; free patterns keep their place)
                last = max(order.index(n) for n in without)
                rest = [n for n in order if n not in needs_subject]
                cut = rest.index(order[last]) + 1
                order = rest[:cut] + [n for n in order if n in needs_subject] + rest[cut:]
        return [group[n] for n in order]

    def add(self, patterns: Iterable[Pattern]) -> "PatternIndex":
        """A new index with ``patterns`` added (user dictionaries)."""
        return PatternIndex([p for v in self._index.values() for p in v] + list(patterns), self.classes)

    @classmethod
    def from_directory(cls, directory: Path | None = None) -> "PatternIndex":
        d = directory or default_directory()
        classes = bundled_classes() if directory is None else _load_classes(d / "classes.yaml")
        return cls((p for f in pattern_files(d) for p in load_file(f, classes)), classes)


@functools.cache
def bundled_classes() -> dict[str, frozenset[str]]:
    """The lemma classes of the bundled classes.yaml (loaded once per process)."""
    return _load_classes(default_directory() / "classes.yaml")


@functools.cache
def default_index() -> PatternIndex:
    """The bundled patterns (loaded once per process)."""
    return PatternIndex.from_directory()

"""PETRARCH/TABARI verb patterns matched on a parsed sentence.

A dictionary verb (any inflection: the token's text or its lemma) is looked up; the
patterns of its block are tried longest first. Words before ``*`` are looked for
leftwards from the verb and words after it rightwards, in order, with other words
allowed between them unless joined by ``_``. ``$`` and ``+`` name the tokens where the
source and the target must stand, ``%`` a compound actor (the source before the verb, the
target after it; a compound source with no target: each member acts on the others),
``&SET`` any phrase of a synset, ``^`` one noun phrase skipped (the first met). A verb
that is a word of another verb's matched pattern ("allow * leave") is not coded on its own.
Without ``$`` the source is the verb's grammatical subject (else the nearest actor to
its left), and without ``+`` the target is the first actor to its right, as in TABARI.
A code ``A:B`` gives A for source -> target and B for target -> source; ``---`` codes no
event; codes that are not CAMEO-like (``+++``, ``xxy``) make the pattern inactive.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..events.patterns import Pattern
from .readers import EVENT_CODE_RE, NULL_CODE, PatternToken, VerbBlock, VerbDictionary, VerbForm, VerbPattern

# Endings that a dictionary word may carry in the text and still match ("EFFORT" ~ "efforts").
WORD_SUFFIXES = ("", "S", "ES", "'S", "D", "ED")
# How far (tokens) a pattern word may be from the previous one; TABARI searched the whole clause.
MAX_GAP = 40
DICTIONARY_CONFIDENCE = 0.8
# Parts of speech a dictionary verb may have in the text (PETRARCH codes verb phrases only).
VERB_POS = frozenset({"VERB", "AUX"})


def verb_forms(word: str) -> set[str]:
    """Regular English inflections of a verb word (upper case)."""
    out = {word, word + "S", word + "ES", word + "ED", word + "D", word + "ING"}
    if word.endswith("E"):
        out |= {word[:-1] + "ING", word[:-1] + "ED"}
    if word.endswith("Y"):
        out |= {word[:-1] + "IES", word[:-1] + "IED"}
    if len(word) > 2 and word[-1] not in "AEIOUWXY" and word[-2] in "AEIOU":
        out |= {word + word[-1] + "ED", word + word[-1] + "ING"}
    return out


def word_matches(tok, word: str) -> bool:
    text = tok.text.upper()
    if text == word or tok.lemma_.upper() == word:
        return True
    return text.startswith(word) and text[len(word):] in WORD_SUFFIXES


@dataclass(slots=True)
class Mention:
    """An actor named in the sentence: its token range and head."""

    first: int  # token index in the doc
    last: int
    head: object  # spaCy token


@dataclass(slots=True)
class VerbHit:
    block: VerbBlock
    form: VerbForm
    first: int
    last: int
    trigger: object


def _used(caps: dict, pos: int, nxt: int, step: int) -> dict:
    """``caps`` with the tokens of a matched pattern word (``pos`` up to ``nxt``) added to ``"words"``."""
    span = range(pos, nxt) if step > 0 else range(nxt + 1, pos + 1)
    return {**caps, "words": caps.get("words", frozenset()) | frozenset(span)}


class VerbMatcher:
    """Finds dictionary verbs in a sentence and the pattern (and code) each one takes."""

    def __init__(self, verbs: list[VerbDictionary]):
        self.synsets: dict[str, list[tuple[str, ...]]] = {}
        self._index: dict[str, list[tuple[VerbBlock, VerbForm, tuple[str, ...], int]]] = {}
        self._patterns: dict[int, list[VerbPattern]] = {}
        self._chunk_key: tuple | None = None
        self._chunks: dict[tuple[int, int], int] = {}
        for d in verbs:
            self.synsets.update(d.synsets)
            for block in d.blocks:
                self._patterns[id(block)] = sorted(block.patterns, key=lambda p: -p.size)
                for form in block.verbs:
                    variants = [(form.words, form.head, verb_forms(form.words[form.head]))]
                    for extra in form.forms:
                        variants.append((extra, form.head if len(extra) == len(form.words) else 0, {extra[0]}))
                    for words, head, heads in variants:
                        head = min(head, len(words) - 1)
                        for h in heads | {words[head]}:
                            self._index.setdefault(h, []).append((block, form, words, head))
                        self._index.setdefault("LEMMA:" + form.words[form.head], []).append(
                            (block, form, form.words, form.head))

    # -- verbs ------------------------------------------------------------------------------------
    def verbs_in(self, sent) -> list[VerbHit]:
        hits: list[VerbHit] = []
        doc = sent.doc
        for tok in sent:
            if not tok.is_alpha or tok.pos_ not in VERB_POS:
                continue
            cands = self._index.get(tok.text.upper(), []) + self._index.get("LEMMA:" + tok.lemma_.upper(), [])
            best = None
            for block, form, words, head in cands:
                first = tok.i - head
                last = first + len(words) - 1
                if first < sent.start or last >= sent.end:
                    continue
                ok = all(k == head or word_matches(doc[first + k], w) for k, w in enumerate(words))
                if ok and (best is None or len(words) > len(best.form.words)):
                    best = VerbHit(block, form, first, last, tok)
            if best is not None:
                hits.append(best)
        return hits

    # -- patterns ---------------------------------------------------------------------------------
    def _phrases(self, name: str, depth: int = 0) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        for phrase in self.synsets.get(name, []):
            expanded: list[tuple[str, ...]] = [()]
            for w in phrase:
                alts = self._phrases(w, depth + 1) if w.startswith("&") and depth < 4 else [(w,)]
                expanded = [e + a for e in expanded for a in alts]
            out.extend(expanded)
        return out

    def _phrase_at(self, sent, pos: int, words: tuple[str, ...], step: int) -> int | None:
        """Position after ``words`` read from ``pos`` in direction ``step`` (phrases keep their order)."""
        if step > 0:
            first, last = pos, pos + len(words) - 1
        else:
            first, last = pos - len(words) + 1, pos
        if first < sent.start or last >= sent.end:
            return None
        doc = sent.doc
        if all(word_matches(doc[first + k], w) for k, w in enumerate(words)):
            return last + 1 if step > 0 else first - 1
        return None

    def _side(self, sent, elems: tuple[PatternToken, ...], k: int, pos: int, step: int,
              mentions: dict[int, Mention], caps: dict):
        """Yield capture dicts for a match of ``elems[k:]`` starting at ``pos``."""
        if k == len(elems):
            yield caps
            return
        e = elems[k]
        if e.kind == "skip":
            # "^": TABARI's skip of one noun phrase (the first one met); the next element is looked for after it
            span = self._phrase_from(sent, pos, step, mentions, 0 if e.joined else MAX_GAP)
            if span is not None:
                yield from self._side(sent, elems, k + 1, span, step, mentions, caps)
            return
        limit = 0 if e.joined else MAX_GAP
        for gap in range(limit + 1):
            p = pos + step * gap
            if p < sent.start or p >= sent.end:
                return
            if e.kind == "word":
                nxt = self._phrase_at(sent, p, (e.text,), step)
                if nxt is not None:
                    yield from self._side(sent, elems, k + 1, nxt, step, mentions, _used(caps, p, nxt, step))
            elif e.kind == "synset":
                for phrase in self._phrases(e.text):
                    nxt = self._phrase_at(sent, p, phrase, step)
                    if nxt is not None:
                        yield from self._side(sent, elems, k + 1, nxt, step, mentions, _used(caps, p, nxt, step))
            else:  # source, target, compound: an actor mention at p
                m = mentions.get(p)
                if m is not None:
                    nxt = m.last + 1 if step > 0 else m.first - 1
                    yield from self._side(sent, elems, k + 1, nxt, step, mentions, {**caps, e.kind: m})

    def _phrase_from(self, sent, pos: int, step: int, mentions: dict[int, Mention], limit: int) -> int | None:
        """Position after the first noun phrase (an actor mention or a noun chunk) met from ``pos``."""
        key = (sent.doc, sent.start)  # the Doc itself: the id of a freed Doc is reused by the next one
        if self._chunk_key is None or self._chunk_key[0] is not key[0] or self._chunk_key[1] != key[1]:
            self._chunk_key = key
            self._chunks = {}
            try:
                for c in sent.noun_chunks:
                    self._chunks[(1, c.start)] = c.end
                    self._chunks[(-1, c.end - 1)] = c.start - 1
            except (ValueError, AttributeError):  # no parser
                pass
        for gap in range(limit + 1):
            p = pos + step * gap
            if p < sent.start or p >= sent.end:
                return None
            m = mentions.get(p)
            if m is not None and (m.first == p if step > 0 else m.last == p):
                return m.last + 1 if step > 0 else m.first - 1
            nxt = self._chunks.get((step, p))
            if nxt is not None:
                return nxt
        return None

    def code_of(self, sent, hit: VerbHit, mentions: dict[int, Mention]) -> tuple[str | None, dict, VerbPattern | None]:
        """The code the verb takes (None: no event), the captured actors and the pattern that fired."""
        for p in self._patterns[id(hit.block)]:
            parts = p.code.split(":")
            if p.code != NULL_CODE and not all(EVENT_CODE_RE.match(c) for c in parts):
                continue
            for caps in self._side(sent, p.after, 0, hit.last + 1, 1, mentions, {}):
                for caps2 in self._side(sent, p.before, 0, hit.first - 1, -1, mentions, caps):
                    return (None if p.code == NULL_CODE else p.code), caps2, p
        code = hit.form.code or hit.block.code
        parts = code.split(":")
        if code == NULL_CODE or not all(EVENT_CODE_RE.match(c) for c in parts):
            return None, {}, None
        return code, {}, None


def dictionary_pattern(code: str, hit: VerbHit, pattern: VerbPattern | None) -> Pattern:
    """A :class:`Pattern` record standing for a dictionary match (for Match/Event evidence)."""
    where = pattern.source if pattern is not None else hit.block.source
    text = pattern.text if pattern is not None else " ".join(hit.form.words)
    return Pattern(code=code, pos="verb", lemma=hit.trigger.lemma_.lower(), confidence=DICTIONARY_CONFIDENCE,
                   rule=f"{where}:{code}:verb:{text}")

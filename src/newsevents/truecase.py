"""Headline case: lower-case the common words of Title Case lines before the parse.

Headlines and feed titles are written in Title Case ("U.S. Lifts Travel Ban to Lebanon"). The
small English model reads every capitalised word there as a proper noun and parses such lines
badly: the verb is lost and nothing is coded. :class:`HeadlineCaser` rewrites those lines for the
parser only, with the same length and offsets ("U.S. lifts travel ban to Lebanon"); the document's
own text is what every record shows (:func:`newsevents.nlp.parse` keeps it as the Doc's text).

A word keeps its capital when it is the line's first word, an acronym or abbreviation ("U.S.",
"UN"), a name the actor tables know (countries, demonyms, capitals, places, leaders, groups and
organisations, also as part of a longer name: "Islamic State", "White House"), or no common English
word (unknown names: "Malloy"). Common words are the verbs, adjectives and adverbs of the spaCy
model's own lemmatizer tables (WordNet's lemmas), English function words and the words the coder
reads (trigger lemmas, their required words, sector nouns such as "troops"); WordNet's nouns are
not used, as they include many names. A line is rewritten only when it reads as Title Case:
at least four content words, at least 80% of them capitalised, and at least one capitalised common
word that is no name; ordinary sentences full of names ("Brazil, Russia, India, China and South
Africa agreed ...") are left alone. An ALL CAPS line (80% of its content words) is first put in
Title Case, short acronyms that name an actor kept ("US STRIKES ..." -> "US Strikes ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# Words Title Case leaves in lower case, and that carry no content of their own.
SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by", "for",
                         "with", "from", "as", "vs", "via", "into", "over", "per", "off", "up", "out"})
# Names that are also common words and are always written with a capital.
CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                      "saturday", "sunday"})
# Bodies and parties whose name is a common word, written with a capital for the body ("Labour",
# "Congress"): lower-cased, the parser reads them as verbs or as the common noun.
PROPER_BODIES = frozenset({"labour", "congress", "parliament", "senate", "cabinet", "duma", "knesset", "likud",
                           "tories", "tory", "conservatives", "democrats", "republicans", "liberals", "greens",
                           "socialists", "communists", "taliban", "hamas", "hezbollah"})
MIN_CONTENT_WORDS = 4
MIN_CAPITAL_SHARE = 0.8
MIN_COMMON_CAPITALS = 1
WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


def _units(matches) -> list[tuple[int, str]]:
    """(start offset, text) of the words of a line (``WORD`` matches), the parts of a hyphenated word
    on their own ("Saudi-Led": "Saudi" is a name, "Led" not)."""
    return [(m.start() + p.start(), p.group()) for m in matches for p in re.finditer(r"[^-]+", m.group())]


class HeadlineCaser:
    """Rewrite Title Case lines of a text for the parser (see the module docstring).

    Args:
        common: the lower-cased English lemmas (and function words) that may be lower-cased.
        names: given a line's words, the positions of the words that belong to a known name.
    """

    def __init__(self, common: frozenset[str], names: Callable[[list[str]], set[int]] | None = None):
        self.common = common
        self.names = names or (lambda words: set())

    @classmethod
    def for_pipeline(cls, nlp, names: Callable[[list[str]], set[int]] | None = None,
                     vocabulary: Iterable[str] = ()) -> "HeadlineCaser | None":
        """A caser for ``nlp``: common words are the verbs, adjectives and adverbs of its rule
        lemmatizer's tables, English function words and ``vocabulary`` (the nouns the coder reads:
        trigger and sector words). WordNet's nouns are not used: they hold many names ("Harrison",
        "Charles", "Saskatoon"). None when the pipeline has no such tables (no line is rewritten)."""
        from spacy.lang.en.stop_words import STOP_WORDS

        if "lemmatizer" not in nlp.pipe_names:
            return None
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            return None
        index = lookups.get_table("lemma_index")
        words: set[str] = set(STOP_WORDS) | {w.lower() for w in vocabulary if " " not in w}
        for pos in ("verb", "adj", "adv"):
            words.update(w for w in index.get(pos, ()) if "_" not in w)
        return cls(frozenset(words), names)

    def is_common(self, word: str) -> bool:
        """Whether ``word`` (any case) is an English common word or an inflection of one."""
        w = word.lower().replace("\u2019", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if w in self.common:
            return True
        stems = []
        if w.endswith("ies"):
            stems.append(w[:-3] + "y")
        if w.endswith("es"):
            stems.append(w[:-2])
        if w.endswith("s"):
            stems.append(w[:-1])
        if w.endswith("ed"):
            stems += [w[:-2], w[:-1], w[:-3]]  # "lifted", "raised", "stopped"
        if w.endswith("ing"):
            stems += [w[:-3], w[:-3] + "e", w[:-4]]  # "killing", "raising", "stopping"
        return any(s in self.common for s in stems)

    def __call__(self, text: str) -> str:
        """``text`` with its Title Case lines rewritten (same length; other lines untouched)."""
        return self.rewrite(text)[0]

    def rewrite(self, text: str) -> tuple[str, list[int]]:
        """``text`` with its Title Case lines rewritten, and the offsets where those lines start."""
        if not any(c.isupper() for c in text):
            return text, []
        out, starts, offset = [], [], 0
        for line in text.splitlines(keepends=True):
            new = self.rewrite_line(line)
            if new is not line:
                starts.append(offset)
            out.append(new)
            offset += len(line)
        return ("".join(out) if starts else text), starts

    def rewrite_line(self, line: str) -> str:
        matches = list(WORD.finditer(line))
        content = [w for w in (m.group() for m in matches) if w.lower() not in SMALL_WORDS]
        if len(content) < MIN_CONTENT_WORDS:
            return line
        if sum(w.isupper() and len(w) > 1 for w in content) >= MIN_CAPITAL_SHARE * len(content):
            return self._uncap(line, matches)
        if sum(w[:1].isupper() for w in content) < MIN_CAPITAL_SHARE * len(content):
            return line
        if any(w.islower() and self.is_common(w) for w in content):
            return line  # a sentence naming titled people ("Prime Minister Ariel Henry visited Paris.")
        units = _units(matches)
        named = self.names([u for _, u in units])
        lower = []
        for k, (start, unit) in enumerate(units):
            if start == units[0][0] or k in named or not self._lowerable(unit):
                continue
            if k == 1 and 0 not in named and not self._lowerable(units[0][1]) \
                    and not unit.endswith(("s", "ed", "ing")) and unit.lower() not in SMALL_WORDS:
                continue  # the headline's subject name ("Susan Rice Accuses ..."), not its verb ("Malloy Says")
            lower.append(start)
        if len(lower) < MIN_COMMON_CAPITALS:
            return line
        chars = list(line)
        for start in lower:
            chars[start] = chars[start].lower()
        return "".join(chars)

    def _uncap(self, line: str, matches: list) -> str:
        """An ALL CAPS line ("ISRAEL STRIKES HEZBOLLAH TARGETS IN SOUTHERN LEBANON") in Title Case,
        then as Title Case lines are rewritten; an acronym of up to three letters that names an actor
        keeps its capitals ("US", "UN", "EU")."""
        units = _units(matches)
        named = self.names([u for _, u in units])
        chars = list(line)
        for k, (start, unit) in enumerate(units):
            if len(unit) <= 1 or not unit.isupper() or "." in unit or k in named and len(unit) <= 3:
                continue
            for j in range(start + 1, start + len(unit)):
                chars[j] = chars[j].lower()
        titled = "".join(chars)
        return self.rewrite_line(titled) if titled != line else line

    def _lowerable(self, word: str) -> bool:
        """A common word written with one capital ("Lifts"; not "US", "U.S.", "McGregor", "Malloy")."""
        if not word[:1].isupper() or "." in word or not word[1:].replace("'", "").replace("\u2019", "").islower():
            return False
        if word.lower() in CALENDAR or word.lower() in PROPER_BODIES:
            return False
        return word.lower() in SMALL_WORDS or self.is_common(word)


def lexicon_names(lexicon, tokenizer) -> Callable[[list[str]], set[int]]:
    """A ``names`` function for :class:`HeadlineCaser` from an actor :class:`~newsevents.actors.tables.Lexicon`:
    the positions of the words inside a name with an actor code (a country, capital, place, leader,
    group or organisation; not a bare sector noun such as "army")."""

    def names(words: list[str]) -> set[int]:
        pieces: list[str] = []
        owner: list[int] = []
        for k, w in enumerate(words):
            for t in tokenizer(w):
                pieces.append(t.text)
                owner.append(k)
        keep: set[int] = set()
        for start, end, entry in lexicon.scan(pieces):
            if entry.code:
                keep.update(owner[start:end])
        return keep

    return names

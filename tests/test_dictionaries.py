"""PETRARCH/TABARI dictionary import: the four readers, the resolver entries and the verb matcher.

The format tests use small dictionaries written here; the published files under
../shared/eval are only loaded (and skipped when absent).
"""

from __future__ import annotations

import pytest

from newsevents.dictionaries import DictionaryError, load_dictionaries, make_coder
from newsevents.dictionaries.readers import read_actors, read_agents, read_discards, read_verbs

from pathlib import Path

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

ACTORS = """<!-- test actors -->
# a comment
NORTHLAND [NTH]
+NORTHLANDER
+NORTH_REALM  # comment after a synonym
SOUTHLAND_  [STH] # exact word
WESTLAND [WST]
EASTLAND [EST]
OLD_KING
\t[NTHGOV 19900101-19991231]
\t[NTHELI]
RIVER_TOWN [STH/NTH]
NL [NTH]
"""

AGENTS = """!OFF! = OFFICER, OFFICIAL
ENVOY [~GOV]
DEFENCE_!OFF! [~MIL]
RELIEF_GROUP {} [NGO~]
GOOSE {GEESE} [~GGS]
"""

VERBS = """&TIES
+TRADE
+ARMS_DEAL

--- PRAISE  [051] ---
PRAISE
LAUD {LAUDED}
- * &TIES PACT [052]
- NEVER * [---]

--- ARRIVE [053:054] ---
ARRIVE
"""

DISCARDS = """FOOTBALL MATCH
+LOTTERY   # the whole story
"""


@pytest.fixture()
def dict_dir(tmp_path):
    (tmp_path / "test.actors.txt").write_text(ACTORS)
    (tmp_path / "test.agents.txt").write_text(AGENTS)
    (tmp_path / "test.verbs.txt").write_text(VERBS)
    (tmp_path / "test.discards.txt").write_text(DISCARDS)
    return tmp_path


def test_actors_format(dict_dir):
    actors = {a.names[0]: a for a in read_actors(dict_dir / "test.actors.txt")}
    assert actors["NORTHLAND"].names == ("NORTHLAND", "NORTHLANDER", "NORTH REALM")
    assert [c.code for c in actors["NORTHLAND"].codes] == ["NTH"]
    assert [c.code for c in actors["SOUTHLAND"].codes] == ["STH"]
    king = actors["OLD KING"].codes
    assert (king[0].code, king[0].start, king[0].end) == ("NTHGOV", "1990-01-01", "1999-12-31")
    assert king[1].code == "NTHELI" and not king[1].dated
    assert [c.code for c in actors["RIVER TOWN"].codes] == ["STH", "NTH"]


def test_agents_format(dict_dir):
    agents = {a.names[0]: a for a in read_agents(dict_dir / "test.agents.txt")}
    assert agents["ENVOY"].names == ("ENVOY", "ENVOYS") and agents["ENVOY"].code == "GOV"
    assert {"DEFENCE OFFICER", "DEFENCE OFFICIALS"} <= set(agents["DEFENCE OFFICER"].names)
    assert agents["DEFENCE OFFICER"].code == "MIL"
    assert agents["RELIEF GROUP"].names == ("RELIEF GROUP",) and agents["RELIEF GROUP"].prefix
    assert agents["GOOSE"].names == ("GOOSE", "GEESE")


def test_verbs_format(dict_dir):
    verbs = read_verbs(dict_dir / "test.verbs.txt")
    assert verbs.synsets["&TIES"] == [("TRADE",), ("ARMS", "DEAL")]
    praise, arrive = verbs.blocks
    assert (praise.name, praise.code, arrive.code) == ("PRAISE", "051", "053:054")
    assert [v.words for v in praise.verbs] == [("PRAISE",), ("LAUD",)]
    assert praise.verbs[1].forms == (("LAUDED",),)
    pact = praise.patterns[0]
    assert pact.code == "052" and [t.kind for t in pact.after] == ["synset", "word"]
    assert [t.text for t in praise.patterns[1].before] == ["NEVER"]


def test_discards_format(dict_dir):
    found = read_discards(dict_dir / "test.discards.txt")
    assert [(d.phrase, d.story) for d in found] == [("FOOTBALL MATCH", False), ("LOTTERY", True)]


@pytest.mark.parametrize("name, text, reason", [
    ("bad.verbs.txt", "- * TALKS [031]\n", "outside"),
    ("bad.verbs.txt", "--- MEET [031] ---\nMEET\n- TALKS [031]\n", "exactly one *"),
    ("bad.verbs.txt", "--- MEET [031] ---\nMEET\n- * TALKS\n", "without [CODE]"),
    ("bad.agents.txt", "ENVOY GOV\n", "[~CODE]"),
    ("bad.actors.txt", "\t[NTH]\n", "no actor"),
    ("bad.actors.txt", "KING\n\t[NTHGOV 1990-19991231]\n", "date"),
])
def test_bad_lines_name_file_and_line(tmp_path, name, text, reason):
    (tmp_path / name).write_text("# header\n" + text)
    with pytest.raises(DictionaryError) as err:
        load_dictionaries(tmp_path) if not name.endswith("actors.txt") else read_actors(tmp_path / name)
    message = str(err.value)
    assert f"{name}:" in message and reason in message
    assert message.split(f"{name}:")[1].split(":")[0].isdigit()


def test_load_directory(dict_dir):
    found = load_dictionaries(dict_dir)
    assert len(found.files) == 4 and len(found.actors) == 7 and len(found.agents) == 4


def test_empty_directory_is_an_error(tmp_path):
    with pytest.raises(DictionaryError):
        load_dictionaries(tmp_path)


def test_dated_codes_and_default(dict_dir, nlp):
    coder = make_coder([str(dict_dir)], only=True)
    lex = coder.resolver.lexicon
    assert lex.lookup(["Old", "King"], "1995-05-05").code == "NTHGOV"
    assert lex.lookup(["Old", "King"], "2005-05-05").code == "NTHELI"


def _events(coder, nlp, text, date="2000-01-01"):
    doc = nlp(text)
    return sorted((e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
                  for sent in doc.sents for e in coder.code_sentence(sent, date=date))


def test_verb_patterns_code_events(dict_dir, nlp):
    coder = make_coder([str(dict_dir)], only=True)
    assert _events(coder, nlp, "Northland praised Southland on Monday.") == [("NTH", "STH", "051")]
    assert _events(coder, nlp, "Northland praised the arms deal pact with Southland.") == [("NTH", "STH", "052")]
    assert _events(coder, nlp, "Northland never praised Southland.") == []
    # A:B codes: one event each way; agents give the sector.
    assert _events(coder, nlp, "The Northland envoy arrived in Southland.") == [
        ("NTHGOV", "STH", "053"), ("STH", "NTHGOV", "054")]


def test_short_acronyms_keep_their_case(dict_dir, nlp):
    # the dictionaries write every name in capitals: "NL" is Northland only as written, "nl" is not
    lex = make_coder([str(dict_dir)], only=True).resolver.lexicon
    assert lex.lookup(["NL"]).code == "NTH"
    assert lex.lookup(["nl"]) is None
    assert lex.lookup(["northland"]).code == "NTH"  # longer names match in any case


def test_discards(dict_dir, nlp):
    coder = make_coder([str(dict_dir)], only=True)
    assert _events(coder, nlp, "Northland praised Southland after the football match.") == []
    doc = nlp("Northland praised Southland. The lottery was drawn.")
    assert [e for s in doc.sents for e in coder.code_sentence(s)] == []


def test_added_to_builtin_keeps_bundled_actors(dict_dir, nlp):
    coder = make_coder([str(dict_dir)], only=False)
    assert coder.resolver.country_of_text("France") == "FRA"
    assert coder.resolver.country_of_text("Northlander") == "NTH"
    only = make_coder([str(dict_dir)], only=True)
    assert only.resolver.country_of_text("France") is None


PUBLISHED = [EVAL / "petr-unittest" / "dictionaries", EVAL / "petrarch-dictionaries"]


@pytest.mark.parametrize("directory", PUBLISHED, ids=lambda p: p.name)
def test_published_dictionaries_load(directory):
    if not directory.exists():
        pytest.skip(f"{directory} is not present")
    found = load_dictionaries(directory, strict=False)
    assert found.actors and found.agents and found.verbs and found.discards


def test_published_typos_raise_unless_lenient():
    directory = EVAL / "petrarch-dictionaries"
    if not directory.exists():
        pytest.skip(f"{directory} is not present")
    with pytest.raises(DictionaryError, match=r"Phoenix\.\w+\.(actors|agents)\.txt:\d+: "):
        load_dictionaries(directory)
    assert len(load_dictionaries(directory, strict=False).warnings) >= 1


def test_synset_name_with_trailing_underscore(tmp_path):
    (tmp_path / "t.verbs.txt").write_text("&PREP_\n+ON\n+AT\n\n--- ACT [100] ---\nACT\n- * &PREP RESOLUTION [102]\n")
    verbs = read_verbs(tmp_path / "t.verbs.txt")
    assert verbs.synsets["&PREP"] == [("ON",), ("AT",)]


def test_lists_multi_codes_prefix_agents_and_clauses(dict_dir, nlp):
    coder = make_coder([str(dict_dir)], only=True)
    # every member of a list, with adjectives and commas the parser does not join
    got = _events(coder, nlp, "Northland, the old Eastland and Southland praised Westland.")
    assert {(s, t) for s, t, _ in got} >= {("NTH", "WST"), ("STH", "WST")}
    # RIVER_TOWN [STH/NTH]: one actor per code
    assert {s for s, _, _ in _events(coder, nlp, "River Town praised Westland.")} == {"STH", "NTH"}
    # RELIEF_GROUP {} [NGO~]: the agent's code comes first
    assert [s for s, _, _ in _events(coder, nlp, "Relief Group Northland praised Southland.")] == ["NGONTH"]
    # the target is not looked for in another clause ("..., a Southland official said")
    assert _events(coder, nlp, "Northland praised its army after crowds cheered, a Southland envoy noted.") == []


PATTERN_VERBS = """--- MEET [040] ---
MEET
- % HAVE * [191]
- * WITH % [031]

--- RENEW [---] ---
RENEW
- * TIES [064:064]

--- ALLOW [---] ---
ALLOW
- * LEAVE [066]

--- LEAVE [012] ---
LEAVE

--- ACT [100] ---
ACT
- INDICATED WOULD * NOW [1010]

--- ARREST [212] ---
ARREST
"""


def test_compounds_pattern_words_codes_and_agent_objects(dict_dir, nlp):
    (dict_dir / "test.verbs.txt").write_text(PATTERN_VERBS)
    (dict_dir / "more.agents.txt").write_text("STUDENT [~EDU]\n")
    coder = make_coder([str(dict_dir)], only=True)
    # "%" before the verb with no other target: the members act on each other
    assert _events(coder, nlp, "Northland and Southland have met.") == [("NTH", "STH", "191"), ("STH", "NTH", "191")]
    # "%" after the verb is a compound target
    assert _events(coder, nlp, "Westland met with Northland and Southland.") == [("WST", "NTH", "031"),
                                                                               ("WST", "STH", "031")]
    # a two-way code with a compound subject and no target
    assert _events(coder, nlp, "Northland and Southland renewed ties.") == [("NTH", "STH", "064"), ("STH", "NTH", "064")]
    # a verb used as a word of another verb's pattern is not coded again on its own
    assert {c for _, _, c in _events(coder, nlp, "Northland allowed Southland to leave Westland.")} <= {"066"}
    # a four-digit code of the dictionary is kept as written ("1010", not its parent "101")
    assert _events(coder, nlp, "Northland indicated it would act now with Southland.") == [("NTH", "STH", "1010")]
    # a direct object naming an agent alone is the target
    assert _events(coder, nlp, "The Northland envoy arrested students.") == [("NTHGOV", "---EDU", "212")]

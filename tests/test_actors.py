"""The actor subsystem on real sentences parsed with the default model."""

from __future__ import annotations

import pytest

from newsevents.actors import ActorResolver, DocumentActors
from newsevents.actors.resolver import compose_code
from newsevents.actors.tables import DATA_DIR


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver()


def head(doc, text: str):
    """The token of ``doc`` whose text is ``text`` (the first one)."""
    return next(t for t in doc if t.text == text)


@pytest.fixture(scope="session")
def actor_of(nlp, resolver):
    def resolve(sentence: str, head_text: str, memory: DocumentActors | None = None):
        doc = nlp(sentence)
        return resolver.resolve_token(head(doc, head_text), memory)

    return resolve


@pytest.mark.parametrize(
    ("sentence", "head_text", "code", "country", "sector"),
    [
        ("Russian troops arrived in the border town on Monday.", "troops", "RUSMIL", "RUS", "MIL"),
        ("China's Defense Ministry said the drills were routine.", "Ministry", "CHNMIL", "CHN", "MIL"),
        # A capital as the head of a phrase stands for the government (gold: "Beirut rejected" -> LBN GOV).
        ("Beijing said it would respond to the sanctions.", "Beijing", "CHNGOV", "CHN", "GOV"),
        ("Western leaders condemned the annexation.", "leaders", "WSTGOV", None, "GOV"),
        ("The Kremlin denied the report on Tuesday.", "Kremlin", "RUSGOV", "RUS", "GOV"),
        ("The UN Security Council condemned the attack.", "Council", "IGOUNO", None, None),
        ("Palestinian protesters threw stones at the soldiers.", "protesters", "PSECVL", "PSE", "CVL"),
        ("Police arrested twelve people in the capital.", "Police", "---COP", None, "COP"),
        ("The president of France will visit Algeria next month.", "president", "FRAGOV", "FRA", "GOV"),
        ("A court in Guyana has issued arrest warrants for two men.", "court", "GUYJUD", "GUY", "JUD"),
        ("Hezbollah guerrillas killed the deputy chief of the militia.", "guerrillas", "LBNREB", "LBN", "REB"),
        ("Eighty UN peacekeepers were shipped out of the enclave.", "peacekeepers", "IGOUNOMIL", None, "MIL"),
        ("The United States and Jordan have agreed upon a new pact.", "States", "USA", "USA", None),
        ("Ivory Coast rebels rejected the peace plan.", "rebels", "CIVREB", "CIV", "REB"),
        ("The Taliban seized the district centre.", "Taliban", "AFGREB", "AFG", "REB"),
        ("Amnesty International accused the government of torture.", "International", "NGOHRIAMN", None, None),
        ("Seoul and Tokyo held talks on Friday.", "Seoul", "KORGOV", "KOR", "GOV"),
    ],
)
def test_resolve_token(actor_of, sentence, head_text, code, country, sector):
    actor = actor_of(sentence, head_text)
    assert actor is not None
    assert (actor.code, actor.country, actor.sector) == (code, country, sector)


def test_titled_person_with_apposition(actor_of):
    actor = actor_of(
        "Fan Changlong, deputy chairman of China's powerful Central Military Commission, met the delegation.",
        "Changlong",
    )
    assert (actor.code, actor.name) == ("CHNMIL", "Fan Changlong")


def test_possessive_chain_and_apposition(actor_of):
    sentence = "U.S. President Barack Obama's top Asia adviser, Evan Medeiros, said Washington was watching."
    actor = actor_of(sentence, "adviser")
    assert (actor.country, actor.sector, actor.name) == ("USA", "GOV", "Evan Medeiros")
    assert actor.text == "U.S. President Barack Obama's top Asia adviser, Evan Medeiros"
    assert sentence[actor.start:actor.end] == actor.text


def test_offsets_are_sentence_relative(nlp, resolver):
    doc = nlp("The talks ended. Russian troops then crossed the border.")
    actor = resolver.resolve_token(head(doc, "troops"))
    sent = head(doc, "troops").sent
    assert sent.text[actor.start:actor.end] == "Russian troops"
    assert actor.start == 0


def test_resolve_span_drops_relative_clause_by_parse(nlp, resolver):
    doc = nlp("Refugees who fled Liberia returned home on Monday.")
    tok = head(doc, "Refugees")
    actor = resolver.resolve(doc[tok.left_edge.i:tok.right_edge.i + 1])
    assert (actor.code, actor.country) == ("---REF", None)


def test_pronouns_and_unknown_phrases_are_none(nlp, resolver):
    doc = nlp("He said the weather was fine.")
    assert resolver.resolve_token(head(doc, "He")) is None
    assert resolver.resolve_token(head(doc, "weather")) is None


def test_case_sensitive_acronyms(nlp, resolver):
    doc = nlp("The US warned them, and the rebels told us nothing.")
    assert resolver.resolve_token(head(doc, "US")).country == "USA"
    assert resolver.resolve_token(head(doc, "us")) is None


def test_memory_resolves_later_surname(nlp, resolver):
    memory = DocumentActors()
    first = nlp("Fan Changlong, deputy chairman of China's Central Military Commission, arrived in Moscow.")
    actor = resolver.resolve_token(head(first, "Changlong"), memory)
    assert (actor.code, actor.name) == ("CHNMIL", "Fan Changlong")
    later = nlp("Fan said the drills would deepen mutual trust.")
    again = resolver.resolve_token(head(later, "Fan"), memory)
    assert (again.code, again.name, again.resolved_by, again.start) == ("CHNMIL", "Fan Changlong", "memory", 0)
    assert resolver.resolve_token(head(later, "Fan")) is None


def test_leader_named_without_title(actor_of):
    actor = actor_of("Putin said the exercises were not aimed at any third country.", "Putin")
    assert (actor.code, actor.name, actor.resolved_by) == ("RUSGOV", "Putin", "leaders:name")


def test_memory_ambiguous_part():
    memory = DocumentActors()
    memory.observe(_person("Kim Jong Un", "PRKGOV"))
    memory.observe(_person("Kim Dae-jung", "KORGOV"))
    assert memory.lookup("Kim") is None
    assert memory.lookup("Kim Jong Un").code == "PRKGOV"
    assert memory.lookup("Dae-jung").code == "KORGOV"


def _person(name: str, code: str):
    from newsevents.records import Actor

    return Actor(text=name, code=code, country=code[:3], sector=code[3:], start=0, end=len(name), name=name)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Beijing", "CHN"), ("the Kremlin", "RUS"), ("Sino", "CHN"), ("Downing Street", "GBR"),
        ("the White House", "USA"), ("Zhongnanhai", "CHN"), ("Tehran", "IRN"), ("Holland", "NLD"),
        ("Burma", "MMR"), ("Ivory Coast", "CIV"), ("Palestinians", "PSE"), ("Pyongyang", "PRK"),
        ("U.S.", "USA"), ("Britain", "GBR"), ("Taiwan", "TWN"), ("Kosovo", "XKX"), ("Hamas", "PSE"),
        ("Vietnamese", "VNM"), ("Israelis", "ISR"), ("NATO", None), ("Defense Ministry", None),
    ],
)
def test_country_of_text(resolver, text, country):
    assert resolver.country_of_text(text) == country


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Defense Ministry", "MIL"), ("ministry", "GOV"), ("foreign minister", "GOV"), ("lawmakers", "LEG"),
        ("army spokesman", "MIL"), ("spokesman", "GOV"), ("riot police", "COP"), ("refugees", "REF"),
        ("Supreme Court", "JUD"), ("insurgents", "REB"), ("the weather", None),
    ],
)
def test_sector_of_text(resolver, text, sector):
    assert resolver.sector_of_text(text) == sector


def test_compose_code():
    assert compose_code("RUS", "MIL") == "RUSMIL"
    assert compose_code("PSEREB", "REB") == "PSEREB"
    assert compose_code("IGOUNOMIL", "MIL") == "IGOUNOMIL"
    assert compose_code(None, "LEG") == "---LEG"
    assert compose_code(None, None) is None


def test_every_iso_country_is_in_the_table():
    pycountry = pytest.importorskip("pycountry")
    text = (DATA_DIR / "countries.tsv").read_text(encoding="utf-8")
    codes = {line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#")}
    assert {c.alpha_3 for c in pycountry.countries} <= codes


def test_no_name_means_two_countries(resolver):
    seen: dict[tuple[str, ...], str] = {}
    for key, entries in resolver.lexicon.items():
        countries = {e.country for e in entries if e.rule.startswith("country:")}
        assert len(countries) <= 1, (key, countries)
        if countries:
            seen[key] = countries.pop()
    assert seen[("sino",)] == "CHN"


def test_user_tables_come_first(tmp_path, nlp):
    (tmp_path / "countries.tsv").write_text(
        "# test table\niso3\tname\taliases\tadjectives\tcapitals\tprefixes\nKSV\tKosovo\t\tKosovar\tPristina\t\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(extra_dirs=[tmp_path])
    assert resolver.country_of_text("Kosovo") == "KSV"
    assert resolver.country_of_text("Serbia") == "SRB"

"""Actor sectors: head nouns of sectors.tsv, appositions and glosses, supporters of a figure out of office.

Each case resolves one phrase of a sentence written for these tests and checks its CAMEO code
(country + agent); the near misses check that a rule takes nothing beyond what it is for.
"""

from __future__ import annotations

import pytest


def code_of(actor):
    return actor.code if actor is not None else None


@pytest.mark.parametrize(("sentence", "head_text", "code"), [
    # military aircraft and the Predator drone are the armed forces, as warplanes and helicopters are
    ("Turkish aircraft killed 12 fighters in raids on a mountain camp.", "aircraft", "TURMIL"),
    ("Recent US Predator strikes killed four militants in Waziristan.", "strikes", "USAMIL"),
    # ... airliners and passenger planes are civilian
    ("Rebels shot down a passenger aircraft over the region.", "aircraft", "---CVL"),
    ("The missile hit a Malaysian airliner over the border.", "airliner", "MYSCVL"),
    # border patrols and their agents are police, not spies
    ("Canadian border patrol agents detained ten migrants on Friday.", "agents", "CANCOP"),
    ("The Mexican border patrol arrested two smugglers.", "patrol", "MEXCOP"),
    ("Russian agents poisoned the defector in Salisbury.", "agents", "RUSSPY"),
    # hackers are criminals; landowners and jurists as Phoenix codes them
    ("Chinese hackers stole the files of the defence ministry.", "hackers", "CHNCRM"),
    ("Kenyan landowners blocked the road to the farm.", "landowners", "KENCVL"),
    ("A panel of Egyptian jurists criticised the verdict.", "panel", "EGYJUD"),
    # named departments of trade and finance and the customs service are the government
    ("The U.S. Commerce Department blacklisted the Chinese firm.", "Department", "USAGOV"),
    ("Chinese customs ordered traders to return the coal.", "customs", "CHNGOV"),
    ("Japan's Finance Department froze the accounts.", "Department", "JPNGOV"),
])
def test_sector_nouns(actor_at, sentence, head_text, code):
    assert code_of(actor_at(sentence, head_text)) == code


def test_a_capital_opening_the_sentence_makes_no_people(actor_at):
    # "Members", "Workers" are written with a capital only because they open the sentence: not a
    # people named by its demonym (CVL), but the body they belong to
    assert code_of(actor_at("Members of the Association of Kenyan Jurists visited the prison.", "Members")) == "KENJUD"
    assert code_of(actor_at("Members of the Kenyan parliament walked out.", "Members")) == "KENLEG"
    # peoples keep the rule
    assert code_of(actor_at("Palestinians threw stones at soldiers in Hebron.", "Palestinians")) == "PSECVL"
    assert code_of(actor_at("Kurds clashed with police in Istanbul.", "Kurds")) == "TURCVL"


def test_a_bracketed_gloss_of_a_known_name_adds_no_sector(actor_at):
    # the translation of an armed group's name is no political party, nor its "movement" an opposition
    assert code_of(actor_at("The pro-Syrian Hezbollah (Party of God) group declared a ceasefire.", "group")) == "LBNREB"
    assert code_of(actor_at("Hamas (the Islamic Resistance Movement) rejected the plan.", "Hamas")) == "PSEREB"


def test_an_apposition_does_not_override_the_heads_own_sector(actor_at):
    # a rebel group whose name is made of "Forces" stays a rebel group
    found = actor_at("The main Tamil rebel group, Forces for National Liberation (FNL), rejected the plan.", "group")
    assert found.sector == "REB"
    # an apposition still tells the sector of a head that has none, or only a person's (CVL)
    assert actor_at("Ahmed Ali, a senior army commander, rejected the plan.", "Ali").sector == "MIL"
    assert actor_at("Police detained 40 individuals, mostly soldiers, in Ankara.", "individuals").sector == "MIL"


@pytest.mark.parametrize(("sentence", "head_text", "code"), [
    # the backers of a leader out of office are the opposition, not the former leader (ELI)
    ("About 300 supporters of former President Ahmed Mansour blocked roads in Cairo.", "supporters", "EGYOPP"),
    ("Loyalists of the ousted president attacked the palace.", "Loyalists", "---OPP"),
    ("Hundreds of followers of opposition leader Raila Odinga marched in Nairobi.", "followers", "KENOPP"),
])
def test_supporters_of_a_figure_out_of_office_are_the_opposition(actor_at, sentence, head_text, code):
    assert code_of(actor_at(sentence, head_text)) == code


def test_supporters_of_other_elites_keep_their_sector(actor_at):
    # tribal elders are elites (ELI) but hold no office: their supporters are no opposition
    assert actor_at("Supporters of the tribal elders blocked roads in Sanaa.", "Supporters").sector != "OPP"


@pytest.mark.parametrize(("sentence", "head_text", "code"), [
    # a delegation is of whoever sends it: the armed forces, a group, else the government
    ("A Chinese military delegation held talks with Pakistani officials in Islamabad.", "delegation", "CHNMIL"),
    ("A Hamas delegation held talks with Egyptian officials in Cairo.", "delegation", "PSEREB"),
    ("A Chinese delegation arrived in Pyongyang on Monday.", "delegation", "CHNGOV"),
])
def test_a_delegation_takes_the_sector_of_who_sends_it(actor_at, sentence, head_text, code):
    assert code_of(actor_at(sentence, head_text)) == code


def test_a_human_rights_lawyer_is_a_rights_defender_not_the_judiciary(actor_at):
    # (as JUD, "a Chinese court sentenced human rights lawyer X" lost its target: same code both sides)
    assert code_of(actor_at("A Chinese court sentenced human rights lawyer Wang Quanzhang on Monday.", "Quanzhang")) \
        == "CHNHRI"
    assert code_of(actor_at("A Chinese court sentenced his lawyer on Monday.", "lawyer"))[3:] == "JUD"

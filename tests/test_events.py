"""The event coder on sentences written for these tests: arguments, factuality, conventions, discards."""

from __future__ import annotations

import pytest

from conftest import by_trigger, codes
from newsevents.events.discards import compile_contexts, discarded_roots
from newsevents.errors import ConfigError


@pytest.fixture(scope="module")
def code_doc(nlp, coder):
    """Code a short article with one document memory, as the pipeline does (acts told again)."""
    from newsevents.actors import DocumentActors

    def run(text):
        memory = DocumentActors()
        return [m for sent in nlp(text).sents for m in coder.match(sent, memory=memory)]

    return run


def dyads(matches):
    return {(m.source.country if m.source else None, m.pattern.code[:2], m.target.country if m.target else None)
            for m in matches}


def test_passive_voice_takes_the_agent_as_source(code):
    found = code("Ukrainian soldiers were attacked by separatist rebels near Donetsk on Sunday.")
    (m,) = [m for m in found if m.trigger.text == "attacked"]
    assert m.source.sector == "REB" and m.target.code == "UKRMIL"


def test_conjoined_subjects_give_one_event_each(code):
    assert {("RUS", "12", None), ("CHN", "12", None)} <= dyads(code("Russia and China vetoed the resolution."))


def test_apposition_gives_the_person_a_country_and_sector(code):
    (m,) = code("Fan Changlong, deputy chairman of China's Central Military Commission, met Russian Defense "
                "Minister Sergei Shoigu.")
    assert (m.source.code, m.target.country, m.pattern.code[:2]) == ("CHNMIL", "RUS", "04")


def test_nominal_event_with_possessor_and_inverted_source(code):
    found = dyads(code("Russia's annexation of Crimea drew condemnation from the European Union."))
    assert ("RUS", "19", "UKR") in found
    assert any(root == "11" and src is None for src, root, _ in found)  # the EU is an IGO: no country


def test_negated_event_is_kept_and_marked(code):
    found = code("Japan did not attend the summit in Seoul.")
    assert found and all(m.factuality == "negated" for m in found)


def test_question_is_hypothetical_not_a_threat(code):
    (m,) = code("Will China invade Taiwan?")
    assert m.factuality == "hypothetical" and m.pattern.code == "192"


def test_conditional_future_sanctions_are_a_threat(code):
    found = [m for m in code("If Iran tests another missile, the United States will impose new sanctions on "
                             "Tehran.") if m.source and m.source.country == "USA"]
    assert found and found[0].pattern.code.startswith("13") and found[0].target.country == "IRN"


def test_future_cooperation_is_an_intent_with_its_subcode(code):
    (m,) = code("Norway will give Mali a grant of five million dollars.")
    assert m.pattern.code == "0331" and (m.source.country, m.target.country) == ("NOR", "MLI")


def test_reported_demand_is_a_demand_on_the_clause_subject(code):
    (m,) = code("Russia said that Israel must end its raids.")
    assert (m.pattern.code, m.source.country, m.target.country) == ("100", "RUS", "ISR")


def test_refused_cooperation_is_a_rejection(code):
    found = code("France will not lift the ban on British beef.")
    assert [m.pattern.code[:2] for m in found] == ["12"] and found[0].factuality == "asserted"


def test_infinitive_complement_target_and_subject_control(code):
    found = dyads(code("Iran agreed to send troops to Syria."))
    assert ("IRN", "03", "SYR") in found


def test_reported_speech_marks_the_reported_event(code):
    found = [m for m in code("Russian warplanes bombed rebel positions near Aleppo, Syrian opposition groups said.")
             if m.pattern.code[:2] == "19"]
    assert found and found[0].factuality == "reported"
    assert found[0].reported_by is not None and found[0].reported_by.country == "SYR"


def test_sports_results_are_not_assaults(code):
    assert code("Germany beat Brazil 7-1 in the World Cup semi-final.") == []
    assert code("It was a three-run blast that won the series for the Jays.") == []
    # nor is a player's help to a national team aid
    assert code("Salah helped fire Egypt to a first World Cup appearance.") == []
    # a match between countries named by the stage of a tournament, no score given
    assert code("Russia must beat Wales on Monday to reach the knockout stage.") == []


def test_a_legal_battle_is_no_combat_but_a_fight_near_a_court_is(code):
    assert not [m for m in code("The parents staged a months-long legal battle with the hospital.")
                if m.pattern.code[:2] == "19"]
    assert not [m for m in code("The family is fighting against deportation.") if m.pattern.code[:2] == "19"]
    # the words that mark a legal fight are read on the whole phrase: they must not stop real combat
    assert [m.pattern.code[:2] for m in code("Police fought against protesters outside the court on Friday.")
            if m.trigger.text == "fought"] == ["19"]
    assert "19" in {m.pattern.code[:2] for m in code(
        "The army's battle with Islamic State militants for control of Ramadi intensified.")}


def test_collapsed_talks_are_no_assault(code):
    assert all(m.pattern.code[:2] not in {"18", "19", "20"}
               for m in code("Peace talks between Israel and the Palestinians collapsed on Friday."))


def test_discard_contexts_are_data_and_validated():
    contexts = compile_contexts({"chess": {"roots": [18], "phrases": ["checkmate"], "patterns": []}})
    assert discarded_roots("Carlsen delivered checkmate in Oslo.", contexts) == {"18"}
    assert discarded_roots("Troops attacked the town.", contexts) == frozenset()
    with pytest.raises(ConfigError):
        compile_contexts({"bad": {"phrases": ["x"]}})


def test_taking_part_in_an_event_makes_the_subject_its_performer(code):
    found = code("Iran played a key role in the attack on the embassy.")
    assert [(m.source.country, m.pattern.code[:2]) for m in found] == [("IRN", "19")]


def test_generic_actors_take_the_country_of_the_place(code):
    found = code("Police fired tear gas at demonstrators protesting against the election results in Nairobi.")
    protest = [m for m in found if m.pattern.code[:2] == "14"]
    assert protest and protest[0].source.country == "KEN"
    assert "location" in protest[0].source.resolved_by


def test_unattributed_violence_is_placed_where_it_happened(code):
    found = code("Two soldiers were killed by a roadside bomb outside Kandahar on Monday.")
    (m,) = [m for m in found if m.trigger.text == "killed"]
    assert m.source is not None and m.source.country == "AFG"


def test_the_speakers_place_is_not_the_events_place(code):
    found = code("Gunmen killed twelve villagers on Sunday, aid workers in Nairobi said.")
    assert not any(m.source and m.source.country == "KEN" for m in found if m.pattern.code[:2] in {"18", "19"})


def test_a_protest_without_target_is_against_its_own_country(code):
    found = code("Thousands of Brazilian students protested on Saturday.")
    (m,) = [m for m in found if m.pattern.code[:2] == "14"]
    assert (m.source.country, m.target.country) == ("BRA", "BRA")


def test_a_country_subject_performs_a_military_exercise_noun(code):
    found = code("Russia is conducting naval exercises in the Baltic Sea.")
    (m,) = [m for m in found if m.pattern.code[:2] == "15"]
    assert m.source.country == "RUS"


def test_a_threat_is_aimed_at_whoever_must_meet_its_condition(code):
    found = code("Iran threatened to close the strait if Washington imposed new sanctions.")
    assert ("IRN", "13", "USA") in dyads(found)


def test_outside_of_a_city_places_the_event(code):
    found = code("Four policemen were killed by a car bomb outside of the Pakistani city of Quetta.")
    (m,) = [m for m in found if m.trigger.text == "killed"]
    assert m.source is not None and m.source.country == "PAK"


def main_event(matches):
    return max(matches, key=lambda m: m.confidence)


def test_a_hope_outranks_the_act_hoped_for(code):
    found = code("The opposition leader voiced hope that the new government in Greece will help Turkey.")
    assert main_event(found).pattern.code[:2] == "01"
    speaker = next(m.source for m in found if m.pattern.code[:2] == "01")
    assert speaker.country is None, "a place in the hoped-for clause does not place the speaker"


def test_an_act_coordinated_with_a_claim_is_not_reported_speech(code):
    found = code("Azerbaijan claimed responsibility for the incident and apologised to Russia.")
    (m,) = [m for m in found if m.pattern.code[:2] == "05"]
    assert m.factuality == "asserted"


def test_a_participle_describing_an_actor_is_background(code):
    found = code("Syrian warplanes supported by Russian jets bombed the town of Douma on Friday.")
    assert main_event(found).pattern.code[:2] in {"18", "19"}


def test_a_demand_noun_with_a_that_clause(code):
    found = code("The World Health Organization repeated its demand that Egypt lift the restrictions on aid.")
    (m,) = [m for m in found if m.pattern.code[:2] == "10"]
    assert m.source.code.startswith("IGO") and m.target.country == "EGY"
    lifted = [m for m in found if m.pattern.code[:2] == "08"]
    assert all(m.factuality == "hypothetical" for m in lifted), "what is demanded is not done"


def test_an_act_announced_unless_a_condition_is_met_is_a_threat(code):
    found = code("Kenya said it will pull its troops out of Somalia unless the African Union pays their wages.")
    assert any(m.pattern.code[:2] == "13" and m.source.country == "KEN" for m in found)


def test_what_someone_is_accused_of_is_not_an_act_of_the_accuser(code):
    found = code("Human Rights Watch accused Ethiopia of attacking civilians and blocking aid convoys.")
    assert ("ETH", "11", None) in {(m.target.country if m.target else None, m.pattern.code[:2], None) for m in found}
    assert not any(m.pattern.code[:2] in {"18", "19", "16"} and m.source and m.source.code.startswith("NGO")
                   for m in found)


def test_conjoined_parties_of_a_meeting_meet_each_other(code):
    found = code("China and Russia held talks in Beijing on Monday.")
    assert {("CHN", "04", "RUS"), ("RUS", "04", "CHN")} <= dyads(found)


def test_a_list_parsed_as_an_apposition_still_gives_every_party(code):
    found = code("The US, Russia, and Switzerland met yesterday.")
    assert {("USA", "04", "CHE"), ("CHE", "04", "RUS")} <= dyads(found)


def test_they_after_conjoined_speakers_is_each_speaker(code):
    found = code("Obama and Putin said they will attack Iraq.")
    assert {("USA", "13", "IRQ"), ("RUS", "13", "IRQ")} <= dyads(found)


def test_he_refers_to_a_person_named_outside_a_subject(code):
    found = code("It was the first foreign trip for Indian Prime Minister Narendra Modi, and he held talks "
                 "with Chinese President Xi Jinping.")
    assert ("IND", "04", "CHN") in dyads(found)


@pytest.mark.parametrize("text, code_", [
    ("Britain urged Iran to release the sailors.", "0253"),
    ("Obama has agreed to lift the sanctions on Iran.", "0354"),
    ("The minister said Israel must ease the restrictions on Gaza.", "1051"),
    ("Russia threatened to impose sanctions on Turkey.", "1312"),
    ("China refused to release the fishermen.", "1243"),
])
def test_a_generic_speech_act_takes_the_code_of_the_act_it_is_about(code, text, code_):
    assert code_ in {m.pattern.code for m in code(text)}


def test_he_after_an_unnamed_official_speaker_is_that_official(code):
    found = code("The Iranian foreign minister said he had urged Saudi Arabia to release the pilgrims.")
    appeal = [m for m in found if m.pattern.code[:2] == "02"]
    assert appeal and appeal[0].source.country == "IRN"


def test_troops_joining_an_event_abroad_are_not_placed_there(code):
    found = code("Army units will take part in the celebrations in Beijing in September.")
    assert all(m.source is None or m.source.country != "CHN" for m in found if m.pattern.code[:2] == "04")


def test_claiming_ones_own_attack_is_a_claim_of_responsibility(code):
    found = code("The militant group claimed that it had attacked the army base in Mogadishu.")
    claim = [m for m in found if m.pattern.code == "015"]
    assert claim and main_event(found).pattern.code == "015"
    assert any(m.pattern.code[:2] in {"18", "19"} and m.factuality == "reported" for m in found)


def test_an_unnamed_government_dealing_with_a_countrys_people_is_that_countrys(code):
    found = code("Nigerian traditional elders have demanded that the government release the detained activists.")
    (m,) = [m for m in found if m.pattern.code[:2] == "10"]
    assert m.target is not None and m.target.country == "NGA" and "domestic" in m.target.resolved_by


def test_attending_a_ceremony_at_home_is_no_visit(code):
    found = code("The prime minister attended a ceremony in his home town marking the anniversary of the liberation.")
    assert not any(m.pattern.code == "042" for m in found)
    assert any(m.pattern.code == "042" for m in code("Xi attended Moscow's Victory Day parade on Saturday."))


def test_the_beneficiary_of_aid_can_be_named_in_its_purpose(code):
    found = code("Japan provided 20 million dollars in emergency aid to help flood victims in Pakistan.")
    aid = [m for m in found if m.pattern.code[:2] == "07"]
    assert aid and aid[0].target is not None and aid[0].target.country == "PAK"


def test_a_stance_participle_keeps_its_subject_as_the_actor(code):
    # "is committed to", "is opposed to": the subject holds the stance; nothing is done to it
    found = code("Brazil is opposed to Argentine mediation in the border dispute.")
    opposed = [m for m in found if m.trigger.text == "opposed"]
    assert opposed and opposed[0].source is not None and opposed[0].source.country == "BRA"
    # a true passive still takes its agent as the performer
    found = code("The plan was opposed by Germany.")
    opposed = [m for m in found if m.trigger.text == "opposed"]
    assert opposed and opposed[0].source is not None and opposed[0].source.country == "DEU"


def test_forces_owned_by_a_pronoun_take_the_owners_country(code):
    found = code("Kenyan officials said their troops would withdraw from the town of Kismayo.")
    withdraw = [m for m in found if m.pattern.code[:2] in ("03", "08")]
    assert withdraw and withdraw[0].source is not None and withdraw[0].source.country == "KEN"
    assert "possessive" in withdraw[0].source.resolved_by


def test_a_death_from_torture_is_violence_against_the_dead(code):
    found = code("A Turkish journalist died as a result of torture in a detention centre.")
    torture = [m for m in found if m.pattern.code[:2] == "18"]
    assert torture and torture[0].target is not None and torture[0].target.country == "TUR"
    assert not [m for m in code("The former minister died after a long illness.") if m.pattern.code[:2] == "18"]
    # whoever held the dead in custody answers for it; the custody is no place
    found = code("An opposition activist died after torture while in Egyptian police custody.")
    torture = [m for m in found if m.pattern.code[:2] == "18"]
    assert torture and torture[0].source is not None and torture[0].source.country == "EGY"
    assert torture[0].target is not None and torture[0].target.sector == "OPP"


def test_a_conjoined_passive_shares_its_subject_as_target(code):
    found = code("Two Iranian journalists were detained in March and were freed by the authorities on Sunday.")
    freed = [m for m in found if m.trigger.text == "freed"]
    assert freed and freed[0].target is not None and freed[0].target.country == "IRN"


def test_a_killing_by_military_means_is_military_force(code):
    found = code("Eight civilians were killed in a Russian air strike on the town of Idlib.")
    # one act told twice: the strike (195, the more specific code) on the killed
    violent = [m for m in found if m.pattern.code[:2] in ("18", "19", "20")]
    assert [m.pattern.code for m in violent] == ["195"]
    assert violent[0].source.country == "RUS"
    # the strike is how they died, not where: the victims are not placed in Russia
    assert violent[0].target is not None and violent[0].target.text == "Eight civilians"
    assert violent[0].target.country != "RUS"
    # a bombing by unnamed attackers stays an assault
    found = code("Two soldiers were killed in a roadside bomb attack.")
    assert [m.pattern.code[:2] for m in found if m.trigger.text == "killed"] == ["18"]


def test_a_demand_of_several_parties_is_one_event_each(code):
    found = code("The aid agency said US and British forces must protect the hospitals.")
    demands = [m for m in found if m.pattern.code[:2] == "10"]
    assert {m.target.country for m in demands if m.target is not None} == {"USA", "GBR"}


def test_a_verb_that_undoes_an_event_noun_does_not_code_the_noun(code):
    found = code("The United Nations lifted its sanctions on Iran in January.")
    assert not [m for m in found if m.pattern.code[:2] == "16"]
    assert [m for m in found if m.pattern.code[:2] == "08"]
    found = code("The rebels gave up fighting and surrendered to the army.")
    assert not [m for m in found if m.pattern.code[:2] == "19"]
    # imposing them is still coded
    assert [m for m in code("The United Nations imposed sanctions on Iran.") if m.pattern.code[:2] == "16"]


def test_the_performers_own_forces_are_not_the_target(code):
    found = code("Russia withdrew its troops from the border.")
    withdraw = [m for m in found if m.pattern.code[:2] == "08"]
    assert withdraw and withdraw[0].target is None


def test_troops_sent_to_keep_the_peace_are_peacekeeping_not_mobilisation(code):
    found = code("Ghana is sending 500 troops to Mali for the United Nations peacekeeping mission.")
    assert [m.pattern.code for m in found if m.trigger.text == "sending"] == ["074"]
    found = code("Russia deployed troops to the Ukrainian border.")
    assert [m.pattern.code for m in found if m.trigger.text == "deployed"] == ["154"]
    # peacekeepers elsewhere in the sentence do not make the deployment peacekeeping
    found = code("Russia deployed troops to the Ukrainian border as UN peacekeepers watched.")
    assert [m.pattern.code for m in found if m.trigger.text == "deployed"] == ["154"]


def test_the_main_clause_event_is_kept_when_its_performer_is_unnamed(code):
    found = code("Two Russian citizens who had been held by the government in Libya were released on Thursday.")
    assert any(m.pattern.code[:3] == "084" and m.trigger.text == "released" for m in found)


def test_who_is_held_responsible_for_violence_performed_it(code):
    found = code("Rights groups said the army is responsible for mass killings in the region.")
    killings = [m for m in found if m.pattern.code[:2] == "20"]
    assert killings and killings[0].source is not None and killings[0].source.sector == "MIL"
    found = code("Hamas was behind the rocket attacks on Israel.")
    attacks = [m for m in found if m.trigger.text == "attacks"]
    assert attacks and attacks[0].source.text == "Hamas" and attacks[0].target.country == "ISR"


def test_an_act_done_without_is_negated(code):
    found = code("The former president agreed to resign without returning to the capital.")
    returning = [m for m in found if m.trigger.text == "returning"]
    assert returning and returning[0].factuality == "negated"


def test_a_demand_made_of_someone_after_from_targets_them(code):
    found = code("The Kurds of northern Iraq are demanding autonomy from the Iraqi government.")
    demand = [m for m in found if m.pattern.code[:2] == "10"]
    assert demand and demand[0].target is not None and demand[0].target.sector == "GOV"


def test_curfews_and_martial_law_are_aimed_at_ones_own_country(code):
    found = code("Thailand lifted martial law on Tuesday.")
    lifted = [m for m in found if m.pattern.code.startswith("081")]
    assert lifted and lifted[0].target is not None and lifted[0].target.country == "THA"
    found = code("The Bolivian government imposed a curfew on Monday.")
    curfew = [m for m in found if m.pattern.code == "1723"]
    assert curfew and curfew[0].target is not None and curfew[0].target.country == "BOL"


def test_a_demand_insisted_on_is_made_of_the_subject_of_its_clause(code):
    found = code("The opposition insisted on its demand that the Kenyan government release the activists.")
    demand = [m for m in found if m.trigger.text == "insisted"]
    assert demand and demand[0].target is not None and demand[0].target.country == "KEN"


def test_accidents_and_disasters_are_no_violence(code):
    for text in ("Twelve people were killed in a bus crash in northern India.",
                 "The earthquake killed more than 200 people in Nepal.",
                 "Two Indian soldiers were killed in an avalanche in Kashmir."):
        assert not [m for m in code(text) if m.pattern.code[:2] in ("18", "19", "20")], text
    assert [m for m in code("Gunmen killed four police officers in Kabul.") if m.pattern.code[:2] == "18"]


def test_both_sides_are_the_two_parties_the_article_is_about(pipeline):
    from newsevents.records import Document

    text = ("India said its troops had struck militant bases across the border, but Pakistan denied any raid.\n\n"
            "Pakistan's army said two of its soldiers were killed in an exchange of fire with India.\n\n"
            "Bangladesh and Bhutan said they would stay away from the regional summit.\n\n"
            "The United Nations urged the two nuclear-armed neighbours to exercise restraint.")
    p = pipeline.process_one(Document(doc_id="pair", text=text, date="2016-09-29"))
    urged = [e for e in p.events if e.trigger.text == "urged"]
    assert {e.target.country for e in urged if e.target} == {"IND", "PAK"}
    assert all("coref:pair" in e.target.resolved_by for e in urged)


def test_police_reporting_arrests_made_them(code):
    found = code("Kenyan police said 40 protesters had been arrested in Nairobi.")
    arrests = [m for m in found if m.pattern.code == "173"]
    assert arrests and arrests[0].source is not None and arrests[0].source.sector == "COP"
    # police reporting a killing do not become its killers
    found = code("Kenyan police said two men had been killed in the attack.")
    assert all(m.source is None or m.source.sector != "COP" for m in found if m.pattern.code[:2] == "18")


def test_a_compound_modifier_of_the_object_can_be_the_required_word(code):
    found = code("The envoy ended mediation efforts in the conflict on Wednesday.")
    assert [m.pattern.code for m in found if m.trigger.text == "ended"] == ["165"]
    found = code("The Netherlands suspended military aid to Pakistan and arms deals with India.")
    assert any(m.pattern.code == "1622" for m in found)


def test_a_claim_of_an_attack_is_aimed_at_where_it_happened(code):
    found = code("The militant group claimed responsibility for the bombing of a hotel in Mogadishu.")
    claim = [m for m in found if m.pattern.code == "015"]
    assert claim and claim[0].target is not None and claim[0].target.country == "SOM"


def test_fire_from_a_place_comes_from_its_country_and_a_date_is_no_target(code):
    found = code("Israel said a mortar shell was fired at it from the Gaza Strip on Tuesday.")
    fired = [m for m in found if m.trigger.text == "fired"]
    assert fired and fired[0].source is not None and fired[0].source.country == "PSE"
    assert fired[0].target is not None and fired[0].target.country == "ISR"


def test_a_possessive_wins_over_an_earlier_noun_of_the_same_kind(pipeline):
    from newsevents.records import Document

    text = "Ethiopian troops entered the town on Monday. Kenyan officials said their troops would withdraw."
    p = pipeline.process_one(Document(doc_id="poss", text=text, date="2015-01-01"))
    withdraw = [e for e in p.events if e.trigger.text == "withdraw"]
    assert withdraw and withdraw[0].source.country == "KEN"


def test_forces_mobilised_are_the_performers_own_not_the_target(code):
    found = code("Armenia mobilised army reservists for a possible war against Azerbaijan.")
    assert ("ARM", "15", "AZE") in dyads(found)
    found = code("The government mobilised thousands of reservists on Sunday.")
    assert {m.target for m in found if m.pattern.code[:2] == "15"} == {None}


def test_a_weapon_fired_from_a_place_is_fired_by_someone_there(code):
    found = code("A rocket fired from Lebanon wounded three Israeli soldiers on Sunday.")
    assert ("LBN", "19", "ISR") in dyads(found)
    # a performer named in the sentence is not replaced by the weapon's origin
    found = code("Syrian troops firing from Lebanon wounded three Israeli soldiers on Sunday.")
    assert ("LBN", "19", "ISR") not in dyads(found)


def test_an_event_noun_asked_for_is_the_appeal_and_one_announced_is_planned(code):
    # asked for: the appeal (026) carries the talks, which are no event of their own
    found = code("Russia called for talks with Ukraine on Monday.")
    assert [m.pattern.code for m in found] == ["026"]
    found = code("Israel and Syria agreed to talks in Geneva.")
    assert {m.factuality for m in found if m.trigger.text == "talks"} == {"planned"}
    found = code("Russia held talks with Ukraine on Monday.")  # a light verb performs it
    assert {m.factuality for m in found if m.pattern.code[:2] == "04"} == {"asserted"}


def test_a_noun_the_verb_names_or_talks_about_is_not_performed_by_its_subject(code):
    # "call X a Y" names X; condolences "over" an attack are no part in it
    found = code("Obama called the attack an act of terror.")
    assert not [m for m in found if m.trigger.text == "attack" and m.source is not None]
    found = code("The Emirati foreign minister offered his condolences over an attack on mosques in New Zealand.")
    assert not [m for m in found if m.trigger.text == "attack" and m.source is not None]


def test_an_end_to_sanctions_or_violence_is_what_an_appeal_asks_for(code):
    found = code("Iraq appealed to the United Nations for an end to the trade embargo.")
    assert "0254" in {m.pattern.code for m in found}
    found = code("Fighting continued until the end of the war in 1995.")  # "the end of" is no event
    assert not [m for m in found if m.trigger.text == "end"]


def test_a_headline_verb_tagged_as_a_noun_is_still_a_verb(code):
    # en_core_web_sm tags "hand" in this headline as a noun (the root, with a subject and an object)
    found = code("EU and UN hand over urgently needed medical supplies to the Nigerian Government.")
    assert {("NGA", "07")} <= {(m.target.country if m.target else None, m.pattern.code[:2]) for m in found}


def test_a_headline_verb_in_the_present_tagged_as_a_plural_noun_with_its_phrase(code):
    # en_core_web_sm reads "calls" as a plural noun, the root with a subject and a "for" phrase
    found = code("UN chief calls for ceasefire in Sudan")
    assert [(m.pattern.code[:2], m.source.code[:6], m.target.country) for m in found] == [("02", "IGOUNO", "SDN")]
    found = code("Pope calls for peace in Ukraine")
    assert [(m.pattern.code[:2], m.target.country) for m in found] == [("02", "UKR")]


def test_aid_announced_as_an_amount_is_aid_by_the_announcer(code):
    found = code("On Monday the Japanese government announced $20 million in emergency assistance to Haiti.")
    assert ("JPN", "07", "HTI") in dyads(found)


def test_a_march_in_a_city_is_a_protest_but_not_a_parade(code):
    assert [m for m in code("Thousands of students marched in Paris on Tuesday.") if m.pattern.code[:2] == "14"]
    assert not [m for m in code("Soldiers marched in the parade in Moscow.") if m.pattern.code[:2] == "14"]


def test_a_required_word_may_name_the_kind_of_a_counted_or_modified_noun(code):
    # "part of a military aid program": the aid is the program's kind; "for Bosnia" hangs on the program
    assert ("USA", "16", "BIH") in dyads(code("The United States suspended part of a military aid program for Bosnia."))
    assert ("ISR", "16", "PSE") in dyads(code("Israel halted aid deliveries to Gaza on Monday."))


def test_helping_to_do_something_is_no_aid_but_helping_someone_is(code):
    assert not [m for m in code("The French military helped to plan the killings.") if m.pattern.code[:2] == "07"]
    assert ("USA", "07", "IRQ") in dyads(code("The United States helped Iraq rebuild its army."))
    found = code("Germany earmarked 1.5 million euros in emergency aid to help Haiti cope with the earthquake.")
    assert ("DEU", "07", "HTI") in dyads(found)


def test_a_people_named_by_its_demonym_protests_and_riots_as_civilians_do(code):
    assert ("PSE", "14", "ISR") in dyads(code("Palestinians threw stones at Israeli soldiers in Hebron on Friday."))
    found = code("Ethnic Albanians clashed with Serbian police in Kosovo.")
    assert {m.pattern.code[:2] for m in found} == {"14"}


def test_crowds_in_the_streets_to_celebrate_are_no_protest(code):
    assert not [m for m in code("Thousands of Gazans poured into the streets to celebrate the ceasefire.")
                if m.pattern.code[:2] == "14"]
    found = code("Thousands of protesters poured into the streets of Cairo to demand the president's resignation.")
    assert [m for m in found if m.pattern.code[:2] == "14"]
    # the resignation demanded has not happened
    assert {m.factuality for m in found if m.trigger.text == "resignation"} <= {"hypothetical"}


def test_an_object_pronoun_stands_for_an_earlier_phrase_not_for_who_acts_on_it(code):
    found = code("Venezuela ordered three U.S. consular officials to leave the country, accusing them of spying.")
    assert ("VEN", "11", "USA") in dyads(found)
    found = code("Russia invited the Chinese president and welcomed him in Moscow.")
    assert ("RUS", "04", "CHN") in dyads(found)  # "him": a person, not Russia


def test_what_a_clause_names_is_the_object(code):
    found = code("Pakistan's prime minister condemned what he described as India's unprovoked aggression.")
    assert ("PAK", "11", "IND") in dyads(found)
    assert ("RUS", "11", "UKR") in dyads(code("Russia condemned what it called a provocation by Ukraine."))


def test_a_verb_of_saying_hung_on_a_reported_copula_is_the_speakers(code):
    found = code("Putin said Crimea had always been part of Russia in the minds of its people and accused "
                 "Western countries of crossing a line in Ukraine.")
    assert {(m.source.country if m.source else None) for m in found if m.pattern.code[:2] == "11"} == {"RUS"}
    # other acts still share the copula's subject
    found = code("The ministry said the soldiers were safe and returned to their base.")
    assert not [m for m in found if m.pattern.code[:2] == "08"]  # going back to base returns nothing


def test_an_act_ruled_out_is_refused_by_the_speaker(code):
    found = code("US officials said that lifting the sanctions on Cuba is out of the question.")
    assert ("USA", "12", "CUB") in dyads(found)
    assert {m.factuality for m in found if m.pattern.code[:2] == "12"} == {"asserted"}
    assert not [m for m in found if m.pattern.code[:2] == "08"]  # nothing was eased
    found = code("Israel said withdrawing from the Golan Heights is not an option.")
    assert ("ISR", "12", "SYR") in dyads(found)


def test_a_prepositions_stray_object_is_still_its_object(code):
    # the parser leaves "to" without its object and makes "officers" the subject of "holed up"
    found = code("Peru has granted diplomatic asylum to five Panamanian army officers holed up in "
                 "a diplomatic residence since last month's U.S. invasion, the Peruvian embassy said.")
    assert ("PER", "07", "PAN") in dyads(found)


def test_the_one_a_refusal_would_have_let_act_is_its_target(code):
    found = code("The rebels refused to allow United Nations planes to land at the airport.")
    assert {m.target.code[:6] for m in found if m.pattern.code[:2] == "12" and m.target} == {"IGOUNO"}


def test_a_document_says_things_in_its_authors_name(code):
    found = code("The Kurdistan Workers' Party issued a declaration demanding that the Turkish government free its leader.")
    assert {(m.source.country if m.source else None) for m in found if m.pattern.code[:2] == "10"} == {"TUR"}
    found = code("Protesters in Kiev carried banners demanding the release of the prisoners.")
    assert [m for m in found if m.pattern.code[:2] == "10" and m.source is not None]


def test_a_demand_is_made_of_the_subject_of_its_that_clause(code):
    found = code("The International Labour Office reiterated its demand today that Israel ease restrictions "
                 "on the movement of Palestinian workers.")
    assert {(m.target.country if m.target else None) for m in found if m.pattern.code[:2] == "10"} == {"ISR"}
    # what is demanded is the demand's content, not a second event
    assert not [m for m in found if m.trigger.text == "ease"]
    # a clause the speaker names something in is not the demand's addressee
    found = code("Pakistan's prime minister condemned what he described as India's unprovoked aggression.")
    assert ("PAK", "11", "IND") in dyads(found)


def test_investigating_a_wrongdoing_targets_its_perpetrator(code):
    found = code("Croatia is investigating alleged war crimes by Croatian extremists against Serb civilians.")
    assert {(m.target.code if m.target else None) for m in found if m.pattern.code[:2] == "09"} == {"HRVREB"}


def test_soldiers_killed_in_combat_are_military_force(code):
    assert ("UKR", "19", "RUS") in dyads(code("There were 10 Russian soldiers killed in Ukraine today."))
    found = code("Gunmen killed two soldiers at a checkpoint.")  # gunmen stay an assault
    assert {m.pattern.code[:2] for m in found} == {"18"}


def test_the_present_tense_after_before_is_a_time_to_come(code):
    found = code("The statement comes a day before Sarkozy heads to Beijing for the opening of the Games.")
    assert {m.factuality for m in found if m.trigger.text == "heads"} == {"planned"}


def test_refugees_fleeing_a_place_are_from_there(code):
    found = code("The United Nations will provide 25,000 tons of food aid to refugees fleeing the civil war in Liberia.")
    assert {(m.target.country if m.target else None) for m in found if m.pattern.code[:2] in ("03", "07")} == {"LBR"}


def test_the_object_parsed_as_a_participles_subject_is_the_object(code):
    found = code("Bangladesh says it will not accept any Rohingya refugees fleeing the violence.")
    assert [m for m in found if m.pattern.code[:2] == "12"]


def test_a_ruled_out_act_with_no_performer_is_refused_by_the_speaker(code):
    found = code("President Nicolas Maduro said that lifting the ban on international aid is out of question.")
    assert ("VEN", "12", None) in dyads(found)


def test_whose_the_object_of_a_required_word_is_gives_the_target(code):
    found = code("The opposition said it will boycott Zimbabwe's presidential elections.")
    assert {(m.target.country if m.target else None) for m in found if m.pattern.code[:2] in ("13", "14")} == {"ZWE"}


def test_an_investigation_with_no_named_investigator_is_made_where_it_happens(code):
    found = code("A US national has been put under investigation in Italy for her role in the riots.")
    assert ("ITA", "09", "USA") in dyads(found)


def test_a_protest_in_defiance_of_someone_targets_them(code):
    found = code("Thousands of people blocked streets in Hong Kong in defiance of Chinese authorities.")
    assert ("HKG", "14", "CHN") in dyads(found)


def test_stepping_down_or_refusing_to_concerns_ones_own_country(code):
    found = code("Kenyan Vice-President Moody Awori has declined to resign despite growing pressure.")
    assert ("KEN", "12", "KEN") in dyads(found)


def test_review_fixes_keep_rules_to_what_they_name(code):
    # "against" of a later clause is no party faced by a mobilisation
    found = code("Britain mobilized troops after protests against the government.")
    assert {m.target for m in found if m.pattern.code[:2] == "15"} == {None}
    # "in response to" names a cause, not whom a protest defies
    found = code("Shiites protested in Manama in response to the arrest of a cleric by Saudi forces.")
    assert ("BHR", "14", "SAU") not in dyads(found)
    # refugees fleeing from a place are from there; a statement speaks for whoever made it
    found = code("The UN will provide food aid to thousands of refugees fleeing from Kosovo.")
    assert {(m.target.country if m.target else None) for m in found if m.pattern.code[:2] in ("03", "07")} == {"XKX"}
    found = code("Hamas said in a statement demanding that Israel end the blockade of Gaza.")
    assert {(m.source.code if m.source else None) for m in found if m.pattern.code[:2] == "10"} == {"PSEREB"}


def test_claiming_another_party_did_violence_accuses_it(code):
    found = code("The US claimed that ISIL had attacked Iraq.")
    assert [m for m in found if m.pattern.code == "112" and m.source.country == "USA"
            and m.target is not None and m.target.code.startswith("IMG")]
    # the act itself is kept, as reported
    assert {m.factuality for m in found if m.pattern.code[:2] in ("18", "19")} == {"reported"}


def test_a_consequence_of_an_attack_is_the_same_act(code):
    found = code("Insurgents bombarded a government-held district of Aleppo overnight, killing at least eight people.")
    violent = [m for m in found if m.pattern.code[:2] in ("18", "19", "20")]
    assert [m.trigger.text for m in violent] == ["bombarded"]
    # a second act with its own performer stays
    found = code("Troops shelled the town after rebels killed two soldiers.")
    assert {m.trigger.text for m in found if m.pattern.code[:2] in ("18", "19", "20")} == {"shelled", "killed"}


def test_a_weapon_stands_for_whoever_fired_it(code):
    found = code("The airliner was shot down by a missile fired by separatist rebels.")
    downed = [m for m in found if m.trigger.text == "shot"]
    assert downed and downed[0].source is not None and downed[0].source.sector == "REB"


def test_a_rebel_attack_is_armed_combat_and_a_gunmen_attack_an_assault(code):
    assert [m.pattern.code[:2] for m in code("Rebels attacked an army base in the north.")
            if m.trigger.text == "attacked"] == ["19"]
    assert [m.pattern.code[:2] for m in code("Gunmen attacked a bus carrying pilgrims.")
            if m.trigger.text == "attacked"] == ["18"]


def test_what_is_asked_for_or_made_a_condition_is_no_second_event(code):
    # the content of a demand, an appeal and a rejected request, and the condition of a threat
    for text, trigger in [
        ("Washington demanded that Hamas renounce its armed struggle against Israel.", "renounce"),
        ("Congress is asking Obama to help Iran.", "help"),
        ("Yemen has rejected a U.S. request to interrogate the detainees.", "interrogate"),
        ("Iran threatened to launch a new offensive unless Baghdad accepted its conditions.", "accepted"),
    ]:
        found = code(text)
        assert found and not [m for m in found if m.trigger.text == trigger], text
    # a statement keeps the act it announces
    found = code("Palestinian leaders said they would boycott all official contact with the United States.")
    assert [m.pattern.code[:2] for m in found if m.trigger.text == "boycott"] == ["13"]


def test_an_appeal_to_support_a_third_party_rallies_support_for_it(code):
    found = code("The Arab League chief urged the European Community to support the Palestine Liberation Organization.")
    assert [(m.pattern.code, m.target.country) for m in found if m.pattern.code[:2] in ("02", "05")] == [("053", "PSE")]
    # seeking support for oneself stays an appeal to those asked
    found = code("The Palestinian Authority sought support from Arab states for its UN bid.")
    assert [m.pattern.code for m in found] == ["022"]


def test_violence_told_of_a_place_in_a_clause_describing_it_is_background(code):
    found = code("Serbia lifted a night curfew in Montenegro where 28 people have been killed in ethnic riots this year.")
    assert [m.pattern.code[:2] for m in found] == ["08"]
    # with a performer named, it stays
    found = code("Serbia lifted a curfew in Montenegro, where rebels killed 28 people this year.")
    assert "18" in {m.pattern.code[:2] for m in found}


def test_an_idiom_with_a_locative_preposition_names_no_place(code):
    for text in ("Gunmen killed three policemen in retaliation for an Afghan army raid.",
                 "Gunmen killed three policemen in response to a raid by Afghan troops."):
        killed = [m for m in code(text) if m.trigger.text == "killed"]
        # the gunmen are not placed in Afghanistan by the raid they avenge
        assert killed and killed[0].source is not None and killed[0].source.country is None, text


def test_a_protests_demands_are_its_purpose_not_more_events(code):
    for text in ("Angry activists staged rallies in Gaza against the party's leader, saying he must resign.",
                 "Thousands of Kurds demonstrated in Kirkuk on Sunday calling for independence from Iraq.",
                 "Farmers began a hunger strike outside parliament to demand the return of their land."):
        found = code(text)
        assert found and {m.pattern.code[:2] for m in found} == {"14"}, text


def test_what_a_rejection_answers_is_no_event_of_the_sentence(code):
    found = code("Yemen has rejected a U.S. request to interrogate the detainees.")
    assert [m.pattern.code[:2] for m in found] == ["12"]
    found = code("Arafat rejected a US offer to host a summit in July.")
    assert [m.pattern.code[:2] for m in found] == ["12"]
    # a refusal of one's own act keeps nothing else either, but an act beside it stays
    found = code("Serbia rejected the ultimatum and troops shelled the town.")
    assert {m.pattern.code[:2] for m in found} >= {"12", "19"}


def test_taking_part_in_elections_is_no_meeting(code):
    assert not [m for m in code("Opposition candidates will participate in the elections.") if m.pattern.code[:2] == "04"]
    assert [m.pattern.code for m in code("Russia participated in the conference in Vienna.")] == ["044"]


def test_taking_part_in_an_event_performs_it(code):
    found = code("A group of protesters have been participating in a hunger strike for two weeks.")
    assert [m.pattern.code[:2] for m in found if m.trigger.text == "strike"] == ["14"]
    found = code("Government troops engaged in fierce fighting with rebels near Goma.")
    assert ("COD", "19") in {(m.source.country, m.pattern.code[:2]) for m in found if m.source}


def test_peacekeepers_deploying_keep_the_peace_and_continued_attacks_are_attacks(code):
    found = code("Russian peacekeepers began deploying in Nagorno-Karabakh on Tuesday.")
    assert [m.pattern.code for m in found] == ["074"]
    assert [m.pattern.code for m in code("Russian troops deployed near the border.")] == ["154"]
    found = code("Syrian government forces continued their attacks on the rebel-held Ghouta region.")
    assert [m.pattern.code[:2] for m in found] == ["19"]


def test_an_act_told_again_as_its_own_content_is_one_event(code):
    found = code("France accused Rwanda of making unacceptable accusations against it.")
    assert [(m.trigger.text, m.target.country) for m in found if m.pattern.code[:2] == "11"] == [("accused", "RWA")]
    found = code("The Azerbaijani parliament threatened to break relations with Russia unless the Kremlin closed its base.")
    assert [m.trigger.text for m in found if m.pattern.code[:2] == "13"] == ["threatened"]
    # a content naming another party says more and stays
    found = code("Congress agreed to lift embargoes on medicine sales in March to Iran, Libya and Sudan.")
    assert {"IRN", "LBY", "SDN"} <= {m.target.country for m in found if m.target is not None}


def test_pledging_a_hostile_act_is_the_threat_alone(code):
    found = code("Qatar has pledged to expel exiled leaders of Egypt's Muslim Brotherhood.")
    assert [m.pattern.code[:2] for m in found] == ["13"]
    assert [m.pattern.code for m in code("Iran pledged to help Syria.")] == ["033"]


def test_a_headline_passive_without_its_auxiliary_has_the_victims_as_target(code):
    found = code("Protesters killed in clashes with police in Cairo.")
    killed = [m for m in found if m.trigger.text == "killed"]
    assert killed and killed[0].target is not None and killed[0].target.text == "Protesters"
    assert killed[0].source is None or killed[0].source.text != "Protesters"


def test_a_participle_with_an_object_in_a_verbless_sentence_is_its_main_verb(code):
    found = code("Doctors from two American aid groups donated and personally delivered medicine to a Baghdad hospital.")
    delivered = [m for m in found if m.trigger.text == "delivered"]
    assert delivered and delivered[0].source is not None and delivered[0].source.country == "USA"


def test_review_cases_of_the_new_rules(code):
    # rallying support is for the one supported, not for whom sanctions are against
    found = code("The United States urged China to support sanctions against North Korea.")
    assert not [m for m in found if m.pattern.code == "053"]
    # an act welcomed is kept; only a proposal answered is dropped
    found = code("The United States welcomed the release of the American journalist by North Korea.")
    assert "08" in {m.pattern.code[:2] for m in found}
    # a bomb spotted by police was not fired by them
    found = code("A roadside bomb spotted by police killed three soldiers in Kabul.")
    assert not [m for m in found if m.source is not None and m.source.sector == "COP"]
    # the more specific of a light verb's event and its noun's is kept
    found = code("Israel conducted air strikes on Hamas targets in Gaza.")
    assert [m.pattern.code for m in found if m.pattern.code[:2] == "19"] == ["195"]
    # a rebel suicide attack is one event
    found = code("Islamist rebels launched a suicide attack on a hotel in Mogadishu.")
    assert len({m.pattern.code[:2] for m in found}) == 1
    # a union's own appeal during a strike is not the strikers' demand
    found = code("Workers went on strike in Lagos, demanding higher wages, while the union urged the government to negotiate.")
    assert "02" in {m.pattern.code[:2] for m in found}


def test_two_parties_deepening_ties_act_on_each_other(code):
    found = code("India and Japan deepened their strategic partnership.")
    assert {(m.source.country, m.target.country) for m in found if m.pattern.code[:2] == "05"} == {
        ("IND", "JPN"), ("JPN", "IND")}
    # each party's vow is to the act it does itself
    found = code("China and Russia vowed to strengthen ties.")
    assert {(m.source.country, m.target.country if m.target else None) for m in found
            if m.trigger.text == "vowed"} == {("CHN", "RUS"), ("RUS", "CHN")}


def test_a_meeting_on_a_topic_is_not_with_it(code):
    found = code("Obama is scheduled to attend a summit in Switzerland on the unrest in Iran.")
    assert not [m for m in found if m.target is not None and m.target.country == "IRN"]
    assert not [m for m in found if m.pattern.code[:2] == "14"]  # nor does Obama make the unrest
    found = code("The two sides agreed on a ceasefire.")
    assert [m.pattern.code[:3] for m in found] == ["035"]


def test_a_reported_clause_naming_its_own_performer_keeps_it_over_the_speaker(code):
    found = code("Police say Bassett approached Beedle in the alley and stabbed him in the back.")
    assert not [m for m in found if m.trigger.text == "stabbed" and m.source is not None
                and m.source.sector == "COP"]
    found = code("Putin said Crimea was Russian and accused the West of hypocrisy.")
    assert ("RUS", "11") in {(m.source.country, m.pattern.code[:2]) for m in found if m.source}
    # a named thing that is no person is no performer of the second verb: the speaker is
    found = code("Obama said Obamacare was working and urged Republicans to stop their attacks.")
    assert ("USA", "02") in {(m.source.country, m.pattern.code[:2]) for m in found if m.source}


def test_a_crowd_counted_by_number_is_civilians_placed_where_it_acts(code):
    found = code("Thousands marched in Kiev on Sunday.")
    (m,) = [m for m in found if m.pattern.code[:2] == "14"]
    assert m.source is not None and m.source.code == "UKRCVL"
    found = code("Tens of thousands rallied in Hong Kong against the law.")
    assert {m.source.code for m in found if m.pattern.code[:2] == "14" and m.source} == {"HKGCVL"}


def test_a_month_is_no_march(code):
    found = code("Medvedev approved two treaties with Abkhazia, which were signed in March.")
    assert not [m for m in found if m.pattern.code[:2] == "14"]


def test_a_participle_before_a_noun_is_done_by_that_noun(code):
    found = code("Lawmakers will convene on Friday as protesting school teachers continue to fill the Capitol.")
    protests = [m for m in found if m.pattern.code[:2] == "14"]
    assert protests and all(m.source is not None and m.source.sector == "EDU" for m in protests)


def test_an_object_comes_before_a_place_as_the_target(code):
    found = code("North Korea threatened to strike US bases in Guam.")
    assert {m.target.country for m in found if m.pattern.code[:2] == "13" and m.target} == {"USA"}
    # but not the performer's own nationals: the place they are in is the target
    found = code("The US vowed to rescue American hostages in Iran.")
    assert "IRN" in {m.target.country for m in found if m.target}


def test_a_country_protests_diplomatically_and_a_people_in_the_streets(code):
    found = code("Pakistan summoned the Indian envoy to protest the killing of civilians along the border.")
    assert {m.pattern.code[:2] for m in found} == {"11"}
    assert [m.pattern.code for m in code("Iran protested the decision.")] == ["114"]
    assert [m.pattern.code for m in code("China protested to Japan over the visit.")] == ["114"]
    assert [m.pattern.code[:2] for m in code("Palestinians protested on Friday.")] == ["14"]


def test_a_first_conjunct_parsed_as_a_modifier_is_a_party_of_its_own(code):
    found = code("The Philippine government and communist rebels resumed peace talks in Oslo.")
    assert {(m.source.code, m.target.code) for m in found if m.pattern.code[:2] == "04"} == {
        ("PHLREB", "PHLGOV"), ("PHLGOV", "PHLREB")}


def test_closing_a_border_restricts_movement_and_a_crossing_reduces_relations(code):
    found = code("Ghana closed its borders with Togo and Burkina Faso on Sunday.")
    assert {(m.pattern.code, m.target.country) for m in found} == {("172", "TGO"), ("172", "BFA")}
    assert [m.pattern.code for m in code("Turkey closed the border crossing with Syria.")] == ["160"]


def test_a_deadline_is_an_ultimatum_to_whoever_must_meet_it(code):
    for text, target in [("The president set a deadline for Iran to respond to the offer.", "IRN"),
                         ("Britain gave Russia a deadline to explain the attack.", "RUS"),
                         ("The minister gave the rebels an ultimatum.", "REB")]:
        found = code(text)
        assert [m.pattern.code for m in found] == ["139"], text
        assert target in (found[0].target.country, found[0].target.sector)


def test_a_text_a_body_adopts_does_what_it_says(code):
    found = code("The European Parliament approved a resolution criticizing Nicaragua.")
    assert [(m.pattern.code, m.source.code, m.target.country) for m in found] == [("111", "IGOEUREEC", "NIC")]
    found = code("The Security Council unanimously adopted a resolution demanding that Syria withdraw its troops.")
    assert [m.pattern.code[:2] for m in found] == ["10"]
    # a text turned down is not done
    assert [m.pattern.code[:2] for m in code("Russia vetoed a resolution condemning Syria.")] == ["12"]


def test_an_appeal_keeps_its_content_when_the_parser_hangs_it_apart(code):
    found = code("The ministers issued a statement urging North Korea to comply with its obligations.")
    assert [m.pattern.code[:2] for m in found] == ["02"]


def test_what_a_denial_denies_is_negated(code):
    for text in ["Moscow denied that its troops had shelled Ukrainian villages.",
                 "The army dismissed claims that soldiers killed civilians in the village."]:
        violent = [m for m in code(text) if m.pattern.code[:2] in ("18", "19")]
        assert violent and all(m.factuality == "negated" for m in violent), text
    found = code("Police confirmed reports that gunmen had attacked the convoy.")
    assert [m.factuality for m in found if m.pattern.code[:2] == "18"] == ["reported"]


def test_an_arrest_for_a_stated_offence_also_accuses_of_it(code):
    found = code("The journalist was detained in Tehran on charges of spying for Israel.")
    assert {m.pattern.code for m in found} >= {"173", "1125"}
    (accusation,) = [m for m in found if m.pattern.code == "1125"]
    assert accusation.target.sector == "MED" and "=> charge stated" in accusation.pattern.rule
    assert {m.pattern.code for m in code("Police arrested the mayor for corruption.")} == {"173", "112"}
    # an arrest with no offence stated is an arrest only
    assert [m.pattern.code for m in code("Israeli soldiers arrested more than 100 Palestinians on Saturday.")] == ["173"]


def test_a_place_named_before_a_meeting_is_its_venue_not_a_party(code):
    found = code("The Astana talks stalled again on Tuesday.")
    assert not [m for m in found if m.source is not None and m.source.country == "KAZ"]
    found = code("Chinese talks with the rebels stalled.")
    assert "CHN" in {m.source.country for m in found if m.source}


def test_being_on_a_visit_or_leading_a_delegation_is_a_visit(code):
    found = code("The minister is on a three-day visit to Russia.")
    assert [(m.pattern.code, m.source.sector, m.target.country) for m in found] == [("042", "GOV", "RUS")]
    found = code("The senator will lead a delegation on a visit to Russia.")
    assert [(m.pattern.code[:2], m.factuality) for m in found] == [("03", "planned")]
    assert [m.pattern.code for m in code("The minister led a trade delegation to China.")] == ["042"]


def test_troops_sent_to_cooperate_are_coded_by_their_purpose(code):
    found = code("The US deployed 200 soldiers to Nigeria to train Nigerian troops.")
    assert [m.pattern.code[:2] for m in found] == ["07"]
    found = code("Russia deployed troops to the border to intimidate Ukraine.")
    assert "15" in {m.pattern.code[:2] for m in found}


def test_what_a_ban_is_on_is_not_done(code):
    found = code("The US will not lift the ban on doing business with ZTE.")
    assert not [m for m in found if m.pattern.code[:2] == "06"]
    found = code("Israel agreed to a moratorium on building settlements in the West Bank.")
    assert not [m for m in found if m.trigger.lower_ == "building"]


def test_idioms_and_non_visits_found_reading_local_news(code):
    # "in the case of" is no lawsuit; a filed case is
    assert not code("In the case of a life-threatening emergency, officials will send an alert.")
    assert [m.pattern.code for m in code("Russia filed a case against Ukraine at the court.")] == ["115"]
    # receiving alerts is no hosting; receiving a president is
    assert not code("Canadians will receive emergency alerts on their phones.")
    assert [m.pattern.code for m in code("Putin received the Chinese president in the Kremlin.")] == ["043"]
    # what a directive directs is not done
    found = code("The Inspector General of Police directed Nigerians to submit their weapons to the police.")
    assert [m.pattern.code[:2] for m in found] == ["10"]


def test_an_appeal_on_a_person_the_parser_hangs_on_a_particle_finds_the_person(code):
    found = code("The UN Security Council has called on Jammeh to respect the will of the voters.")
    assert [(m.pattern.code[:2], m.target.code) for m in found] == [("02", "GMBGOV")]


def test_an_exercise_of_two_countries_is_military_cooperation(code):
    found = code("The United States and Jordan launched war games near the border.")
    assert {(m.pattern.code, m.source.country, m.target.country) for m in found} == {
        ("062", "USA", "JOR"), ("062", "JOR", "USA")}
    assert [m.pattern.code for m in code("Russia held military exercises near the border.")] == ["150"]
    assert not code("Sony launched a new game in Japan.")


def test_giving_permission_allows_involvement(code):
    found = code("Pakistan had given the Pentagon permission to use its airspace.")
    assert [(m.pattern.code, m.target.code) for m in found] == [("086", "USAMIL")]


def test_one_violent_act_is_coded_by_its_means(code):
    found = code("Two Palestinian suicide bombers killed 23 people when they blew themselves up in Tel Aviv.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("1831", "ISR")]
    found = code("Irish guerrillas wounded two British soldiers in a bomb attack.")
    assert [(m.pattern.code, m.source.code, m.target.code) for m in found] == [("183", "IRLREB", "GBRMIL")]


def test_an_attempt_to_kill_is_an_attempted_assassination(code):
    assert [m.pattern.code for m in code("Gunmen tried to kill the mayor on Sunday.")] == ["185"]
    # securing favour is no protection
    assert not code("The government tried to secure international favor.")
    assert [m.pattern.code for m in code("Israeli troops secured the area.")] == ["074"]


def test_clause_conjunctions_and_for_clauses_found_in_real_sentences(code):
    # an adverbial clause holds no required word: "attacked" is no "suspend ... attack"
    found = code("The United Nations has suspended aid deliveries in Borno State after a humanitarian convoy was attacked.")
    assert [m.pattern.code[:3] for m in found] == ["162"]
    # "for" hung on a clause verb with its noun as the parser's pobj
    found = code("The president set a 30-day deadline for the UN health agency to make reforms or risk losing funding.")
    assert [(m.pattern.code, m.target.code) for m in found] == [("139", "IGOUNO")]


def test_firing_across_a_line_and_police_storming_a_camp(code):
    found = code("Syria and Israel have fired across the ceasefire line.")
    assert {(m.pattern.code, m.source.country, m.target.country) for m in found} == {
        ("190", "SYR", "ISR"), ("190", "ISR", "SYR")}
    assert [m.pattern.code for m in code("French police stormed a migrant camp in Calais.")] == ["175"]
    assert not [m for m in code("Police fired into the air.") if m.pattern.code == "190"]


def test_a_working_meal_is_a_meeting(code):
    found = code("Obama had lunch with French President Emmanuel Macron in Paris.")
    assert [(m.pattern.code, m.target.code) for m in found] == [("040", "FRAGOV")]
    assert [m.pattern.code for m in code("Putin dined with Erdogan in Sochi.")] == ["040"]


def test_review_attempts_to_kill_are_attempts_only_on_people(code):
    assert not code("The president tried to kill the deal with China.")
    found = code("Security services thwarted a plot to assassinate the president.")
    assert [(m.pattern.code, m.source) for m in found] == [("185", None)]  # not by who foiled it
    found = code("The militants made an attempt to kill the mayor.")
    assert [(m.pattern.code, m.source.sector, m.target.sector) for m in found] == [("185", "REB", "GOV")]


def test_review_rival_exercises_are_two_shows_of_force(code):
    found = code("Greece and Turkey held rival naval exercises in the Aegean.")
    assert {m.pattern.code for m in found} == {"150"}


def test_review_a_killing_in_an_attack_stays_a_killing(code):
    found = code("Militants killed 10 soldiers in an attack on an army base.")
    assert [m.pattern.code for m in found] == ["1823"]
    found = code("Police fired into the crowd, killing three protesters.")
    assert [m.pattern.code for m in found] == ["1823"]


def test_review_purposes_places_and_missions(code):
    # help to fight insurgents is no reason to drop the deployment
    found = code("Rwanda deployed troops to Mozambique to help fight Islamist insurgents.")
    assert ("154", "MOZ") in {(m.pattern.code, m.target.country) for m in found if m.target}
    # the journalist is on the visit, not the police
    assert not [m for m in code("Turkish police detained a German journalist on a visit to Istanbul.")
                if m.pattern.code[:2] in ("03", "04")]
    # a capital with a party of its own is the performer; "between" names the parties
    found = code("Ankara air strikes on Kurdish positions in northern Iraq continued on Monday.")
    assert ("195", "TURGOV") in {(m.pattern.code, m.source.code) for m in found if m.source}
    found = code("The Geneva talks between the Syrian government and the opposition collapsed.")
    # (an opposition named by its kind is that of the government it deals with: Syria's)
    assert {m.source.code for m in found} == {"SYRGOV", "SYROPP"}
    assert not code("The team fired into the lead in the second half.")
    assert not [m for m in code("Police stormed the building where the gunman was holding hostages.")
                if m.pattern.code == "175"]
    assert not code("France led a military mission to Mali to fight jihadists.")


def test_review_offence_texts_and_denials(code):
    found = code("Police arrested two men for attacking a soldier accused of treason.")
    assert {m.pattern.code for m in found} == {"173", "112"}
    found = code("Lawmakers failed to pass a resolution condemning the coup in Myanmar.")
    assert [m.factuality for m in found if m.pattern.code[:2] == "11"] == ["negated"]
    found = code("Iran accepted a UN resolution calling for a ceasefire with Iraq.")
    assert [m.source.code for m in found if m.pattern.code[:2] == "02"] == ["IGOUNO"]
    found = code("Hezbollah denied being behind the attack on the Israeli patrol.")
    assert [m.factuality for m in found if m.pattern.code[:2] == "19"] == ["negated"]
    found = code("The minister held a press conference with his Egyptian counterpart in Cairo.")
    assert [m.pattern.code for m in found] == ["040"]


def test_second_review_armed_attacks_over_places_and_denials_of_other_things(code):
    found = code("Militants attacked army posts over a 50-mile stretch of the border.")
    assert [m.pattern.code for m in found] == ["190"]
    found = code("Turkey denied that the talks between Erdogan and Putin had ended without agreement.")
    assert {m.factuality for m in found if m.pattern.code[:2] == "04"} == {"asserted"}
    assert not code("The opposition tried to kill the reform in the Senate.")
    # "the" before a place and an event noun names the event held there
    found = code("The Doha negotiations with the Taliban stalled.")
    assert not [m for m in found if m.source is not None and m.source.country == "QAT"]
    found = code("Beijing blocked a UN statement condemning the coup in Myanmar.")
    assert [m.factuality for m in found if m.pattern.code[:2] == "11"] == ["negated"]
    found = code("Officials expect talks between Seoul and Pyongyang next month.")
    assert {m.factuality for m in found} == {"planned"}
    found = code("North Korea fired artillery across the maritime border.")
    assert [m.pattern.code for m in found] == ["194"]
    assert not [m for m in code("Ankara air strikes on Kurdish positions continued.") if m.pattern.code[:2] == "14"]


def test_describing_an_act_with_a_condemning_adjective_criticises_it(code):
    found = code("The Kremlin described the U.S. measures as unfounded.")
    assert [(m.pattern.code, m.source.code, m.target.country) for m in found] == [("111", "RUSGOV", "USA")]
    assert not code("China described the talks as constructive.")


def test_a_violent_noun_subject_hits_its_verbs_object_and_a_border_is_no_place(code):
    found = code("Israeli air strikes brought down a high-rise building in Gaza City.")
    assert [(m.pattern.code, m.source.country, m.target.country) for m in found] == [("195", "ISR", "PSE")]
    found = code("Madaya, near the Lebanese border, has been besieged for months by Syrian government forces.")
    assert {m.target.country for m in found if m.target} == {"SYR"}
    found = code("Israeli troops fired across the Lebanese border.")
    assert [m.target.country for m in found] == ["LBN"]


def test_saying_someone_would_face_revenge_threatens_them(code):
    found = code("Khamenei said Saudi leaders would face divine revenge.")
    assert [(m.pattern.code, m.source.country, m.target.country) for m in found] == [("130", "IRN", "SAU")]
    assert [m.pattern.code for m in code("The minister said the country would face a difficult winter.")] == ["010"]


def test_a_described_noun_is_no_act_and_a_contribution_given_with_a_verb_is_its_subjects(code):
    found = code("Libya's internationally recognised Government of National Accord announced a ceasefire on Friday.")
    assert [m.pattern.code[:2] for m in found] == ["08"]
    found = code("Germany has reinforced its commitment to Syrian refugees with a contribution of 56 million euros "
                 "to the World Food Programme.")
    assert ("070", "DEU") in {(m.pattern.code, m.source.country) for m in found if m.source}


def test_rescue_teams_deployed_are_humanitarian_aid(code):
    found = code("The United States deployed seven search-and-rescue teams to Haiti.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("073", "HTI")]
    assert [m.pattern.code for m in code("The army deployed special forces teams to the border.")] == ["154"]


def test_conjoined_parties_clash_with_each_other_without_a_with_phrase(code):
    found = code("Indian and Chinese troops clashed in the Galwan valley, leaving 20 Indian soldiers dead.")
    assert sorted((m.pattern.code, m.source.country, m.target.country) for m in found) == [
        ("190", "CHN", "IND"), ("190", "IND", "CHN")]  # a toll is no retreat (0874)
    assert not code("Rebels clashed in the city.")  # one party alone names no one it fought
    found = code("Russian troops left the town on Friday.")
    assert [m.pattern.code for m in found] == ["0874"]


def test_an_object_it_is_the_state_named_before_it_not_a_thing(code):
    found = code("Algeria cut diplomatic ties with Morocco, accusing it of hostile actions.")
    assert {(m.pattern.code, m.target.country if m.target else None) for m in found} == {("161", "MAR"), ("112", "MAR")}
    found = code("The United States criticised the deal, calling it dangerous.")
    assert [(m.pattern.code, m.target) for m in found] == [("111", None)]


def test_police_and_protesters_clashing_is_repression_one_way_and_a_riot_the_other(code):
    found = code("Police and protesters clashed in Nairobi.")
    assert sorted((m.pattern.code, m.source.sector, m.target.sector) for m in found) == [
        ("145", "CVL", "COP"), ("175", "COP", "CVL")]
    found = code("Police in Paris clashed with protesters.")
    assert [(m.pattern.code, m.source.sector) for m in found] == [("175", "COP")]


def test_a_coordinated_verb_is_not_governed_by_its_peer(code):
    found = code("Opposition leader Raila Odinga rejected the election results and called for mass protests.")
    assert "120" not in {m.pattern.code for m in found}  # "called" is no word of the rejection
    assert {m.factuality for m in found if m.trigger.lemma_ == "call"} == {"asserted"}


def test_a_noun_the_verb_pattern_requires_is_not_a_second_event(code):
    found = code("Japan lodged a protest with China over the detention of a Japanese businessman.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("114", "CHN")]
    found = code("Archbishop Desmond Tutu called for sanctions against Nigeria.")
    assert [m.pattern.code for m in found] == ["111"]  # the sanctions asked for are the appeal's content


def test_agreeing_to_a_hostile_act_is_a_decision_not_a_threat(code):
    found = code("EU leaders agreed on Friday to impose new sanctions on Belarus.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("163", "BLR")]
    found = code("Russia threatened to impose sanctions on Moldova.")
    assert [m.pattern.code[:2] for m in found] == ["13"]


def test_allowing_the_return_of_inspectors_allows_the_inspectors(code):
    found = code("Iran allowed the return of IAEA inspectors.")
    assert [(m.pattern.code, m.source.country) for m in found] == [("0862", "IRN")]
    found = code("Iraq said it would allow the return of U.N. weapons inspectors without conditions.")
    assert [m.pattern.code for m in found] == ["0355"]  # announced: an intent to allow involvement


def test_what_an_accusation_accuses_of_is_not_coded_again(code):
    found = code("Armenian Prime Minister Nikol Pashinyan accused Russia of failing to protect his country.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("112", "RUS")]
    found = code("Washington blamed Iran for attacking two tankers.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("112", "IRN")]
    # (nor what is nested in it: an ambush the killing was done in, a bombing's relative clause)
    found = code("Iran accused Israel of killing its top nuclear scientist in an ambush near Tehran.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("112", "ISR")]
    found = code("Pakistan blamed India for the suicide bombing in Peshawar that killed 30 people.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("112", "IND")]


def test_a_body_named_by_an_event_noun_is_no_event_without_its_preposition(code):
    found = code("Venezuela's opposition called for a general strike.")
    assert "110" not in {m.pattern.code for m in found}
    found = code("Russia voiced its opposition to the plan.")
    assert [(m.pattern.code, m.source.country) for m in found] == [("110", "RUS")]


def test_what_is_warned_against_is_not_done(code):
    found = code("Macron warned against scrapping the nuclear agreement with Iran.")
    assert {m.factuality for m in found if m.pattern.code == "121"} <= {"hypothetical"}
    found = code("Washington scrapped the nuclear agreement with Iran.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("121", "IRN")]


def test_a_first_name_tagged_as_a_preposition_still_heads_a_joint_subject(code):
    found = code("Barack Obama and Vladimir Putin will meet in Zurich.")
    assert sorted((m.source.country, m.target.country) for m in found) == [("RUS", "USA"), ("USA", "RUS")]


def test_assurances_received_from_someone_are_theirs(code):
    found = code("Georgian demonstrators received assurances from the Georgian government.")
    assert [(m.pattern.code, m.source.sector, m.target.sector) for m in found] == [("030", "GOV", "CVL")]


def test_headline_subjects_a_comma_list_and_a_country_read_as_an_adjective(code):
    found = code("Ukraine, Russia swap hundreds of prisoners")
    assert sorted((m.source.country, m.target.country) for m in found) == [("RUS", "UKR"), ("UKR", "RUS")]
    found = code("US, Japan hold talks on trade")
    assert sorted((m.pattern.code, m.source.country) for m in found) == [("040", "JPN"), ("040", "USA")]


def test_a_state_warning_another_against_an_act_threatens_it(code):
    found = code("China warns US against arms sales to Taiwan.")
    assert [(m.pattern.code, m.source.country, m.target.country) for m in found] == [("130", "CHN", "USA")]
    assert not code("Officials warned residents against drinking tap water.")  # advice, no threat


def test_review_joint_parties_keep_a_real_third_party_and_officials_do_not_fight(code):
    found = code("Egyptian and Israeli troops exchanged fire with smugglers near the border.")
    assert {m.target.sector for m in found} == {"CRM"}  # not Egypt and Israel fighting each other
    assert not code("Chinese and American diplomats clashed over Taiwan at the meeting in Geneva.")
    assert not [m for m in code("Police and protesters could clash again if the verdict is upheld, analysts warned.")
                if m.pattern.code[:2] != "01"]


def test_review_an_object_it_is_not_a_place_a_thing_is_about_nor_its_rejecters_country(code):
    found = code("The Security Council drafted a resolution on Syria, but Russia vetoed it.")
    assert [(m.pattern.code, m.target) for m in found] == [("129", None)]
    found = code("Britain offered a trade deal to India, but New Delhi turned it down.")
    assert [(m.source.country, m.target) for m in found if m.pattern.code[:2] == "12"] == [("IND", None)]


def test_review_forbidden_words_see_the_objects_of_an_entry_and_denounce_is_criticism(code):
    found = code("Sudan's army blocked the entry of UN aid convoys into Darfur.")
    assert "191" not in {m.pattern.code for m in found}  # blocking aid convoys is 1223, no blockade
    found = code("Turkey denounced Greece's maritime accord with Egypt as null and void.")
    assert ("111", "GRC") in {(m.pattern.code, m.target.country) for m in found if m.target}
    assert "121" not in {m.pattern.code for m in found}
    found = code("The government suspended the licences of 30 foreign mining companies.")
    assert "1721" not in {m.pattern.code for m in found}


def test_review_a_finite_verb_joined_to_a_refused_infinitive_is_done(code):
    found = code("Niger's junta refused to release Bazoum and expelled the French ambassador.")
    assert {(m.pattern.code, m.factuality) for m in found if m.trigger.lemma_ == "expel"} == {("161", "asserted")}
    found = code("Iran did not attend the talks and instead hosted the Syrian foreign minister.")
    assert {m.factuality for m in found if m.trigger.lemma_ == "host"} == {"asserted"}
    found = code("Russia refused to release the prisoners and to sign the deal.")
    assert all(m.pattern.code[:2] == "12" for m in found)


def test_review_missiles_fired_into_another_country_are_aerial_weapons(code):
    assert [m.pattern.code for m in code("Russia fired cruise missiles into Ukraine.")] == ["195"]
    assert [m.pattern.code for m in code("Hamas fired dozens of rockets into southern Israel.")] == ["194"]


def test_review_barbs_and_ambassadors_exchanged_and_a_headline_list_of_nouns(code):
    found = code("Greek and Turkish officials traded barbs over the islands.")
    assert sorted((m.pattern.code, m.source.country) for m in found) == [("111", "GRC"), ("111", "TUR")]
    found = code("Ethiopia and Eritrea exchanged ambassadors for the first time in 20 years.")
    assert sorted((m.pattern.code, m.source.country, m.target.country) for m in found) == [
        ("050", "ERI", "ETH"), ("050", "ETH", "ERI")]
    found = code("Protesters, police clash in Nairobi")
    assert sorted(m.pattern.code for m in found) == ["145", "175"]


def test_review_a_state_pressing_on_with_an_offensive_is_no_dissent(code):
    found = code("The Kremlin rejected calls for a ceasefire and pledged to press on with the offensive.")
    assert {m.pattern.code[:2] for m in found} == {"12", "13"}  # no 030 beside the threat, no 1242
    found = code("Protesters pressed on with their campaign despite the ban.")
    assert [m.pattern.code for m in found] == ["1242"]


def test_demanding_that_an_act_stop_is_no_demand_for_the_act(code):
    found = code("Chinese Defence Minister Dong Jun told his US counterpart that Washington must stop arming Taiwan.")
    assert [(m.pattern.code, m.target.country) for m in found if m.pattern.code[:2] == "10"] == [("100", "USA")]


def test_no_plans_to_act_is_the_holders_negated_act(code):
    found = code("Russia has no plans to attack NATO countries, Putin said.")
    assert [(m.pattern.code[:2], m.source.country, m.factuality) for m in found] == [("19", "RUS", "negated")]
    found = code("The PRC demanded that the US cancel plans to sell anti-tank weapons to Taiwan.")
    assert {m.factuality for m in found if m.pattern.code[:2] == "06"} <= {"negated"}
    found = code("The United States defended the right of Russian troops to fire on militants in Azerbaijan.")
    assert "USA" not in {m.source.country for m in found if m.pattern.code[:2] == "19" and m.source}


def test_aid_made_available_and_handed_over_when_the_parser_splits_the_verb(code):
    found = code("Germany has made available ambulances, experts and medical supplies to fight the epidemic.")
    assert [(m.pattern.code, m.source.country) for m in found] == [("070", "DEU")]
    found = code("Germany and UNICEF hand over 30 vehicles to health services in Afar.")
    assert ("070", "DEU") in {(m.pattern.code, m.source.country) for m in found}


def test_review2_it_in_a_coordinated_clause_and_parts_of_it(code):
    found = code("Russia invaded Ukraine in February 2022 and still occupies large parts of it.")
    assert ("192", "RUS", "UKR") in {(m.pattern.code, m.source.country, m.target.country) for m in found}
    found = code("Police arrested the protesters and beat some of them.")  # (recursed before the session too)
    assert {m.pattern.code for m in found} == {"173", "182"}
    for text in ("China sent warships near Taiwan, and the United States condemned it.",
                 "Israel pounded Gaza, and Egypt condemned it."):
        assert [m.target for m in code(text) if m.pattern.code == "111"] == [None]  # the act, not the victim
    found = code("Algeria cut diplomatic ties with Morocco, accusing it of hostile actions.")
    assert ("112", "MAR") in {(m.pattern.code, m.target.country) for m in found if m.target}


def test_review2_warnings_and_missiles_over(code):
    assert "130" not in {m.pattern.code for m in code("The IMF warned Pakistan against offering new tax amnesties.")}
    assert "130" not in {m.pattern.code for m in code("The US State Department warned Americans against travelling to Haiti.")}
    found = code("North Korea fired a missile over Japan.")
    assert [m.pattern.code for m in found] == ["150"]


def test_review2_countries_clash_and_a_charge_is_against_the_charged(code):
    found = code("Armenia and Azerbaijan clashed along their border.")
    assert sorted((m.pattern.code, m.source.country) for m in found) == [("190", "ARM"), ("190", "AZE")]
    assert not code("Armenia clashed with Azerbaijan over the UN resolution.")
    found = code("The prosecutor charged the former minister with ordering the killing of protesters.")
    assert [(m.pattern.code, m.target.sector) for m in found] == [("173", "ELI")]  # no killing by the prosecutor


def test_review2_prisoner_swaps_name_pows_and_hostages(code):
    found = code("Russia and Ukraine swapped 95 POWs.")
    assert sorted((m.source.country, m.target.country) for m in found) == [("RUS", "UKR"), ("UKR", "RUS")]


def test_troops_sent_in_a_country_to_keep_the_peace_are_peacekeepers(code):
    found = code("The US military sent 200 troops in Syria to serve as a peacekeeping force.")
    assert [(m.pattern.code, m.source.country, m.target.country) for m in found] == [("074", "USA", "SYR")]


def test_a_headline_demonym_in_a_comma_list_and_reopened_embassies(code):
    found = code("Saudi, Iran agree to reopen embassies")
    assert {m.source.country for m in found} == {"SAU", "IRN"}
    found = code("Britain reopened its embassy in Tehran.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("050", "IRN")]


def test_shooting_a_person_is_violence_by_its_kind_of_shooter_and_films_are_not_shot(code):
    found = code("A settler shot a Palestinian teenager near Nablus.")
    assert {(m.pattern.code, m.target.country) for m in found} == {("180", "PSE")}
    assert {m.pattern.code for m in code("Police shot three protesters in Nairobi.")} == {"175"}
    assert {m.pattern.code for m in code("Israeli soldiers shot a Palestinian man near Hebron.")} == {"193"}
    assert not code("The director shot the film in Morocco.")
    assert not code("The striker shot the ball into the net.")


def test_a_verb_conjoined_before_an_object_shares_it_and_the_killing_is_kept(code):
    # "Gunmen shot" is no headline passive when the next verb takes the object; one act, the killing
    found = code("Gunmen shot and killed a journalist in Mexico.")
    assert [(m.source.sector, m.pattern.code, m.target.sector) for m in found] == [("UAF", "1823", "MED")]
    found = code("Protesters attacked and looted the US embassy in Tripoli.")
    assert {m.target.country for m in found} == {"USA"}
    assert {m.target.country for m in code("Putin arrived and met Xi in Beijing.")} == {"CHN"}


def test_protesters_who_destroy_property_riot(code):
    assert {m.pattern.code for m in code("Protesters demolished a statue of the president in Kiev.")} == {"145"}
    assert {m.pattern.code for m in code("Israeli forces demolished Palestinian homes in the West Bank.")} == {"1712"}


def test_jewish_settlers_are_israeli_civilians_wherever_they_are(code):
    (m,) = code("Jewish settlers in the West Bank city of Hebron set fire to the offices of the Palestinian "
                "administrators.")
    assert (m.source.code, m.target.country) == ("ISRCVL", "PSE")


def test_opposed_mediation_is_rejected_and_was_not_done(code):
    # what a rejection's own pattern names was offered, not done: no 045 mediation by France
    found = code("Israel is opposed to French mediation in peace negotiations with Syria.")
    assert [(m.source.country, m.pattern.code, m.target.country) for m in found] == [("ISR", "126", "FRA")]
    assert [m.pattern.code for m in code("Ethiopia rejected AU mediation.")] == ["126"]
    # a measure kept in force exists: extending the curfew also tells the curfew
    found = code("President Gbagbo announced on Sunday that he will extend the night-time curfew in Abidjan.")
    assert {m.trigger.text for m in found} == {"extend", "curfew"}


def test_an_inquiry_or_condemnation_of_a_wrong_targets_its_perpetrator(code):
    (m,) = code("Serbian military police have launched an investigation into alleged crimes committed by Croat "
                "forces against ethnic Serb civilians.")
    assert (m.source.country, m.pattern.code[:2], m.target.code) == ("SRB", "09", "HRVMIL")
    found = code("Amnesty International condemned atrocities committed by Ethiopian troops in Tigray.")
    assert [m.target.code for m in found] == ["ETHMIL"]
    found = code("Turkey condemned the killing of activists by Israeli commandos.")
    assert {m.target.code for m in found if m.pattern.code[:2] == "11"} == {"ISRMIL"}


def test_an_event_told_as_background_goes_when_the_sentence_has_news(code):
    found = code("Five hundred Ugandan rebels surrendered last week following a government offensive in the area.")
    assert [m.pattern.code[:2] for m in found] == ["08"]
    # alone, or as the background of a word that is no event, it is the news
    assert [m.pattern.code[:2] for m in code("The government launched an offensive in the area.")] == ["19"]
    assert [m.pattern.code[:2] for m in code("An activist died after torture while in Egyptian police custody.")
            if m.pattern.code[:2] == "18"] == ["18"]


def test_a_name_read_as_an_adverb_is_the_subject_and_cyber_attacks_are_176(code):
    (m,) = code("USAID announced a suspension of aid to Yemen.")
    assert (m.source.code, m.pattern.code[:3], m.target.country) == ("USAGOV", "162", "YEM")
    (m,) = code("Russia carried out cyber attacks against Ukrainian banks.")
    assert (m.source.country, m.pattern.code, m.target.country) == ("RUS", "176", "UKR")


def test_a_warning_of_what_a_third_party_may_do_is_no_threat_by_the_speaker(code):
    found = code("Poland's prime minister warned that Russia could attack NATO within a few years.")
    assert {(m.source.country, m.pattern.code[:2]) for m in found if m.source.country == "POL"} == {("POL", "01")}
    # warning a party not to act is a threat to it (the warned party would act)
    found = code("China warned the Philippines to stop provocations in the South China Sea.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("130", "PHL")]
    found = code("North Korea warned that it would use nuclear weapons against South Korea.")
    assert any(m.pattern.code[:2] == "13" and m.source.country == "PRK" and m.target.country == "KOR" for m in found)


def test_a_pronoun_before_a_trailing_attribution_is_not_its_speaker(code):
    found = code("Israeli forces raided the Jenin refugee camp on Monday. They killed at least eight "
                 "Palestinians, the health ministry said.")
    (kill,) = [m for m in found if m.trigger.text == "killed"]
    assert kill.source.code == "ISRMIL"


def test_what_is_fired_is_no_target_and_places_are_not_governments_or_seas(code):
    (m,) = code("Russian forces had fired 40 missiles at Kyiv overnight.")
    assert (m.source.code, m.target.code) == ("RUSMIL", "UKR")  # Kyiv as a place (tagged TIME here)
    (m,) = code("Armed men stormed a hotel in Mogadishu.")
    assert m.target.code == "SOM"
    (m,) = code("The Philippines vowed to defend its rights in the South China Sea.")
    assert m.target is None
    assert [m.source.code for m in code("Beijing said it would respond to the sanctions.")] == ["CHNGOV"]
    (m,) = code("Apple sued Qualtrex over patent infringement in a U.S. court.")
    assert m.target is None  # an unknown company, not the court the suit is filed in


def test_review3_patterns_fighting_insisting_claiming_preparing(code):
    (m,) = code("Ukraine insisted that Russia withdraw all its forces.")
    assert (m.source.country, m.pattern.code[:2], m.target.country) == ("UKR", "10", "RUS")
    assert [m.pattern.code[:2] for m in code("Iran insisted that its nuclear programme was peaceful.")] == ["01"]
    found = code("Heavy fighting broke out between Armenian and Azerbaijani forces.")
    assert {(m.source.country, m.target.country) for m in found} == {("ARM", "AZE"), ("AZE", "ARM")}
    found = code("Armenian and Azerbaijani forces fought heavy battles along the border.")
    assert {(m.source.country, m.pattern.code, m.target.country) for m in found} == {
        ("ARM", "190", "AZE"), ("AZE", "190", "ARM")}
    (m,) = code("Houthis claimed an attack on a U.S. warship.")
    assert (m.pattern.code, m.target.country) == ("015", "USA")
    (m,) = code("Israel is preparing a ground offensive in Gaza.")
    assert (m.pattern.code, m.target.country) == ("150", "PSE")
    assert [m.pattern.code for m in code("Navalny went on a hunger strike in prison.")] == ["142"]
    assert [m.pattern.code for m in code("Dock workers walked off the job in Antwerp.")] == ["143"]
    (m,) = code("North Korea threatened to take military action against South Korea.")
    assert (m.pattern.code[:2], m.target.country) == ("13", "KOR")
    assert [m.pattern.code[:2] for m in code("Russia announced it would withdraw from the grain deal.")] == ["12"]
    assert [m.pattern.code for m in code("The Nicaraguan government stripped 94 critics of their citizenship.")] == ["172"]
    assert not code("The government vowed to fight corruption.") or all(
        m.pattern.code[:2] != "19" for m in code("The government vowed to fight corruption."))


def test_review3_accusation_kinds_and_words_that_are_no_event(code):
    assert [m.pattern.code for m in code("Russia accused Ukraine of war crimes in Bucha.")] == ["1124"]
    assert [m.pattern.code for m in code("China accused the United States of spying.")] == ["1125"]
    assert [m.pattern.code for m in code("Russia accused Ukraine of attacking a nuclear power plant.")] == ["1123"]
    assert [m.pattern.code for m in code("The African Union welcomed the signing of a peace deal.")] == ["051"]
    assert {m.pattern.code for m in code("The U.S. Senate approved 95 billion dollars in aid for Ukraine.")} == {"070"}
    assert not code("Shoigu inspected troops in the Zaporizhzhia region.")
    # what is ordered is not done: no humanitarian evacuation by the one who orders it
    found = code("Israel ordered the evacuation of 1.1 million people from northern Gaza.")
    assert [m.pattern.code[:2] for m in found] == ["10"]


def test_conjoined_countries_of_a_post_and_of_a_national_modifier_each_take_part(code):
    found = code("The Japanese and South Korean defence ministers met in Tokyo.")
    assert {(m.source.country, m.target.country) for m in found} == {("JPN", "KOR"), ("KOR", "JPN")}
    found = code("The leaders of France, Germany and Italy visited Kyiv.")
    assert {(m.source.code, m.target.country) for m in found} == {("FRAGOV", "UKR"), ("DEUGOV", "UKR"),
                                                                 ("ITAGOV", "UKR")}
    found = code("The foreign ministers of Iran and Saudi Arabia met in Beijing.")
    assert {(m.source.code, m.target.code) for m in found} == {("IRNGOV", "SAUGOV"), ("SAUGOV", "IRNGOV")}
    found = code("French and Egyptian warships held exercises.")
    assert {(m.source.country, m.pattern.code, m.target.country) for m in found} == {
        ("FRA", "062", "EGY"), ("EGY", "062", "FRA")}


def test_an_act_told_again_by_a_definite_noun_is_its_performers(code_doc):
    found = code_doc("Iran seized two oil tankers in the Gulf on Friday. Washington condemned the seizures.")
    (condemn,) = [m for m in found if m.pattern.code[:2] == "11"]
    assert (condemn.source.code, condemn.target.country) == ("USAGOV", "IRN")
    assert condemn.target.resolved_by == "coref:event"
    found = code_doc("Police arrested 30 opposition activists in Kampala. Amnesty International criticised the arrests.")
    assert [m.target.code for m in found if m.pattern.code[:2] == "11"] == ["UGACOP"]
    # with no such act told before, no target
    assert [m.target for m in code_doc("Turkey condemned the attack.")] == [None]


def test_no_plans_to_cooperate_is_a_refusal_and_a_deal_not_accepted_is_rejected(code):
    (m,) = code("Iran's foreign ministry spokesman said Tehran had no plans to resume talks with Washington.")
    assert (m.source.country, m.pattern.code, m.target.country, m.factuality) == ("IRN", "125", "USA", "asserted")
    (m,) = code("Russia has no plans to attack NATO.")
    assert m.factuality == "negated"  # a hostile act not planned is no refusal
    assert [m.pattern.code[:2] for m in code("Hamas accepted the Egyptian deal.") if m.trigger.text == "accepted"] == ["03"]


def test_saying_another_party_committed_mass_violence_accuses_it(code):
    def triples(found):
        return {(m.source and m.source.country, m.pattern.code, m.target and m.target.country) for m in found}

    assert ("TUR", "1124", "ISR") in triples(code("Erdogan said on Tuesday that Israel was committing genocide in Gaza."))
    assert ("UKR", "112", "RUS") in triples(code("Ukraine said Russian forces had violated the ceasefire overnight."))
    # an attack told by its named victim accuses the attacker; one told by sources is a report
    assert ("UKR", "112", "RUS") in triples(code("Ukraine said Russian forces shelled Kharkiv overnight."))
    assert not [m for m in code("Thai military sources said Vietnamese forces attacked Cambodian guerrillas.")
                if m.pattern.code[:2] == "11"]
    # not one's own side, not an unknown party, not a news agency reporting it
    assert not [m for m in code("Syrian officials said government forces had violated the ceasefire.")
                if m.pattern.code[:2] == "11"]
    assert not [m for m in code("Reuters reported that Israel was committing genocide in Gaza.")
                if m.pattern.code[:2] == "11"]


def test_what_an_inquiry_investigates_or_a_veto_blocks_is_not_done(code):
    found = code("The United Nations launched a probe into the killing of civilians.")
    assert [m.pattern.code[:2] for m in found] == ["09"]
    found = code("Hungary blocked an EU decision to provide 50 billion euros in aid to Ukraine.")
    assert ("HUN", "12", "IGOEUREEC") in {(m.source.code, m.pattern.code[:2], m.target.code) for m in found}
    (aid,) = [m for m in found if m.pattern.code[:2] == "07"]
    assert aid.source.code == "IGOEUREEC" and aid.factuality == "negated"
    found = code("Sudan's army and the Rapid Support Forces held talks in Jeddah.")
    assert {(m.source.code, m.target.code) for m in found} == {("SDNMIL", "SDNREB"), ("SDNREB", "SDNMIL")}


def test_review4_reactions_conditional_threats_and_non_political_words(code_doc, code):
    found = code_doc("Israel killed a senior Hamas commander in a strike on Beirut on Tuesday. "
                     "Lebanon's prime minister denounced the strike.")
    assert [m.target.country for m in found if m.pattern.code[:2] == "11"] == ["ISR"]
    found = code_doc("Guinea's junta dissolved the government on Monday. ECOWAS criticised the move.")
    assert [m.target.code for m in found if m.pattern.code[:2] == "11"] == ["GINGOV"]
    (m,) = code("Russia will retaliate if NATO deploys troops in Ukraine.")
    assert (m.source.country, m.pattern.code[:2], m.target.code) == ("RUS", "13", "IGOWSTNAT")
    (m,) = code("Iran will respond decisively if Israel attacks its territory.")
    assert (m.pattern.code[:2], m.target.country) == ("13", "ISR")
    assert not code("Apple's quarterly earnings beat forecasts.")


def test_suspended_lending_is_cut_aid_and_approved_reforms_are_no_praise(code):
    (m,) = code("The World Bank suspended new lending to Uganda.")
    assert (m.pattern.code, m.target.country) == ("1621", "UGA")
    assert not code("Parliament approved a judicial reform.")


def test_review5_regressions_mended(code_doc, code):
    # a people acting as a side or a state is its country; "the Russians" are a side
    (m,) = code("The Russians shelled Ukrainian positions near Kherson.")
    assert m.source.code == "RUS"
    found = code("Israelis and Palestinians resumed peace negotiations.")
    assert {(m.source.code, m.target.code) for m in found} == {("ISR", "PSE"), ("PSE", "ISR")}
    # "it" before a trailing attribution with nothing before it is the speaker
    assert {m.source.code for m in code("It will continue strikes on Hamas targets, the Israeli military said.")} == {
        "ISRMIL"}
    # "shot at" is active
    (m,) = code("Police shot at protesters in Dhaka.")
    assert (m.source.sector, m.pattern.code, m.target.sector) == ("COP", "175", "CVL")
    assert not [m for m in code("Ukraine is preparing for a Russian offensive.") if m.pattern.code[:2] == "15"]
    found = code_doc("Hamas said Israel bombed a school in Gaza. The UN condemned the attack.")
    assert [m.target.country for m in found if m.source.code == "IGOUNO"] == ["ISR"]


def test_accusations_hung_on_the_object_and_of_shelling(code):
    assert [m.pattern.code for m in code("The opposition accused the president of corruption.")] == ["1121"]
    assert [m.pattern.code for m in code("Kyiv accused Moscow of shelling civilian areas.")] == ["1123"]


def test_where_a_person_is_shot_whom_one_asks_and_violated_sovereignty(code):
    (m,) = code("Israeli soldiers shot a Palestinian man at a checkpoint near Nablus.")
    assert (m.pattern.code, m.target.code) == ("193", "PSECVL")
    (m,) = code("Ukraine asked Germany for tanks.")
    assert m.target.country == "DEU"
    found = code("China said the Philippines had violated its sovereignty.")
    assert ("CHN", "112", "PHL") in {(m.source.country, m.pattern.code, m.target and m.target.country) for m in found}


def test_asking_for_weapons_is_an_appeal_for_military_aid(code):
    assert [(m.pattern.code, m.target.country) for m in code("Ukraine asked Germany for tanks.")] == [("0232", "DEU")]
    found = code("Kyiv requested more artillery shells from Washington.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("0232", "USA")]


def test_review6_speakers_that_act_projectiles_questions_and_victims(code):
    (m,) = code("It shot down 35 drones overnight, the Ukrainian air force said.")
    assert m.source.code == "UKRMIL"
    (m,) = code("They killed eight Palestinians, the health ministry said.")
    assert m.source is None  # a health ministry tells casualties, it does not kill
    (m,) = code("Police shot tear gas at protesters.")
    assert (m.pattern.code, m.target.sector) == ("175", "CVL")
    assert not code("Journalists asked Putin about the war.")
    (m,) = code("Israeli airstrikes killed 20 Palestinians.")
    assert m.target.code == "PSECVL"  # victims stay civilians


def test_money_in_military_or_humanitarian_aid_is_that_aid(code):
    found = code("The United States pledged $500 million in new military aid to Ukraine.")
    assert "0332" in {m.pattern.code for m in found}
    found = code("Japan will provide $200 million in humanitarian aid to Gaza.")
    assert [m.pattern.code for m in found] == ["0333"]
    assert "0331" in {m.pattern.code for m in code("China pledged $1 billion in loans to Kenya.")}


def test_a_conditional_use_of_nuclear_weapons_is_a_threat(code):
    found = code("North Korea said it would use nuclear weapons if its sovereignty was violated.")
    assert [(m.source.country, m.pattern.code) for m in found] == [("PRK", "1385")]
    assert [m.pattern.code for m in code("Syria used chemical weapons against civilians in Ghouta.")] == ["2041"]


def test_calling_something_by_a_name_is_no_appeal_or_convening(code):
    assert not code("The party called the arrest politically motivated.")
    assert [m.pattern.code[:2] for m in code("The opposition called the election a sham.")] == ["11"]
    assert [m.pattern.code[:2] for m in code("Unions called a general strike.")] == ["14"]


def test_dissolving_or_suspending_parties_and_halting_imports_of(code):
    assert [m.pattern.code for m in code("A court ordered the dissolution of the opposition party.")] == ["1722"]
    assert [m.pattern.code for m in code("The junta suspended the activities of political parties.")] == ["1722"]
    (m,) = code("China halted imports of Japanese seafood.")
    assert (m.pattern.code, m.target.country) == ("163", "JPN")


def test_saying_another_party_helps_armed_groups_accuses_it(code):
    found = code("Israel said Iran was arming Hezbollah.")
    assert ("ISR", "112", "IRN") in {(m.source.country, m.pattern.code, m.target.country) for m in found}
    assert not [m for m in code("The UN said France provided aid to refugees.") if m.pattern.code[:2] == "11"]


def test_would_after_a_past_statement_is_the_future_not_a_condition(code):
    found = code("The opposition party said it would hold nationwide rallies next month.")
    assert found and {m.factuality for m in found} == {"planned"}
    found = code("Moscow said it would retaliate if NATO deployed troops in Finland.")
    assert found and {m.factuality for m in found} == {"hypothetical"}  # a condition stays one


def test_a_negated_condition_is_a_condition(code):
    found = code("The rebels threatened to storm the capital if the president did not step down.")
    assert "negated" not in {m.factuality for m in found}
    assert "13" in {m.pattern.code[:2] for m in found}


def test_according_to_a_source_or_a_document_is_reported(code):
    found = code("Soldiers beat three detainees in Kabul, according to a report released on Monday.")
    assert found and {m.factuality for m in found} == {"reported"}


def test_hoping_or_wanting_to_act_oneself_is_an_intent(code):
    found = code("The Japanese foreign minister hopes to visit Seoul next month.")
    assert [(m.pattern.code, m.factuality, m.target.country) for m in found] == [("036", "planned", "KOR")]
    found = code("Washington wants Tehran to halt uranium enrichment.")
    assert "036" not in {m.pattern.code for m in found}  # what one wants another to do is asked of it


def test_a_statement_naming_another_partys_conduct_as_wrong_criticises_it(code):
    found = code("Lithuanian officials said the Belarusian decision was a provocation.")
    assert [(m.pattern.code, m.source.country, m.target.country) for m in found] == [("111", "LTU", "BLR")]
    found = code("Moscow said Washington was playing with fire.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("111", "USA")]
    found = code("The president said the capture of the tanker by Iranian forces was an act of piracy.")
    assert ("112", "IRN") in {(m.pattern.code, m.target.country if m.target else None) for m in found}
    # no other party, or a negated label: the statement stays one
    assert [m.pattern.code for m in code("The ministry said the situation was dangerous.")] == ["010"]
    assert [m.pattern.code for m in code("Beijing said Washington was not a threat.")] == ["010"]


def test_sent_away_from_a_country_is_sent_away_by_it(code):
    found = code("Four Russian diplomats were expelled from Norway on Friday.")
    assert [(m.pattern.code[:2], m.source.country, m.target.country) for m in found] == [("16", "NOR", "RUS")]
    found = code("Protesters were expelled from the square.")
    assert all(m.source is None for m in found)


def test_capitalised_words_inside_an_organisation_name_are_no_triggers(code):
    found = code("Two reporters were arrested in Harare, the Committee to Protect Journalists said.")
    assert [m.pattern.code[:2] for m in found] == ["17"]


def test_any_act_is_no_act_in_particular(code):
    found = code("Seoul warned that it would respond firmly to any North Korean attack.")
    assert not [m for m in found if m.pattern.code[:2] == "19" and m.factuality != "hypothetical"]


def test_an_event_noun_subject_is_performed_by_the_agent_of_its_clause(code):
    found = code("The ambush, which was carried out by al Shabaab, killed nine Kenyan soldiers.")
    assert [(m.source.country, m.target.code) for m in found if m.trigger.text == "killed"] == [("SOM", "KENMIL")]


def test_a_clause_describing_the_speaker_is_not_what_the_speaker_says(code):
    found = code("The Thai prime minister, who visited Cambodia last month, said trade would grow.")
    assert [(m.pattern.code, m.factuality) for m in found if m.trigger.text == "visited"] == [("042", "asserted")]


def test_the_means_of_a_killing_is_no_place_nor_its_weapon_a_performer(code):
    found = code("Three children were killed in Israeli tank shelling.")
    assert [(m.source.country, m.target.code) for m in found] == [("ISR", "---CVL")]


def test_an_inquiry_into_reports_targets_whom_the_reports_name(code):
    found = code("The UN is investigating reports that Sudanese troops killed civilians in Darfur.")
    assert ("090", "SDNMIL") in {(m.pattern.code, m.target.code if m.target else None) for m in found}
    assert {m.factuality for m in found if m.pattern.code[:2] == "19"} <= {"reported"}


def test_the_speakers_own_country_or_body(code):
    found = code("The Qatari foreign minister said his country would host the talks.")
    assert [m.source.code for m in found if m.trigger.text == "host"] == ["QAT"]
    found = code("Egypt's president said the country was ready to mediate between Israel and Hamas.")
    assert {m.source.code for m in found if m.trigger.text == "mediate"} == {"EGY"}
    found = code("The teachers' union said its members would strike next week.")
    assert [m.source.sector for m in found if m.trigger.text == "strike"] == ["LAB"]
    # not another country the speaker names
    found = code("The French minister said a neighbouring country would host the talks.")
    assert not [m for m in found if m.source is not None and m.source.code == "FRA" and m.trigger.text == "host"]


def test_a_threat_carried_out_by_the_speakers_own_forces_is_not_aimed_at_them(code):
    found = code("Riot police may use force to clear the camp, the interior minister warned.")
    assert found and not [m for m in found if m.pattern.code[:2] == "13" and m.target is not None
                          and m.target.sector == "COP"]
    found = code("Russia warned that NATO troops would face consequences.")
    assert [(m.pattern.code[:2], m.target.code[:9]) for m in found] == [("13", "IGOWSTNAT")]


def test_no_intention_of_doing_is_a_refusal(code):
    found = code("Pyongyang had no intention of negotiating with Seoul, the foreign ministry said.")
    assert [(m.pattern.code, m.source.country, m.target.country) for m in found] == [("125", "PRK", "KOR")]


def test_a_word_only_the_subject_carries_does_not_pick_the_verbs_sense(code):
    found = code("Syrian troops captured the village of Kafr Nabudah.")
    assert [m.pattern.code for m in found] == ["192"]  # the village is taken, not the troops
    found = code("Rebels captured 12 soldiers near the town of Kidal.")
    assert [m.pattern.code for m in found] == ["190"]


def test_people_named_in_the_target_of_force_are_no_protest_of_their_own(code):
    found = code("Police used water cannon to disperse a crowd of Tamil protesters in Colombo.")
    assert not [m for m in found if m.pattern.code[:2] == "14"]
    assert [m for m in found if m.pattern.code[:2] == "17"]


def test_a_demand_takes_the_code_of_the_act_it_demands(code):
    found = code("Germany demanded that Moscow stop the shelling of Ukrainian cities.")
    assert [(m.pattern.code, m.target.country) for m in found] == [("1056", "RUS")]
    found = code("The African Union demanded that the junta hold elections within a year.")
    assert [m.pattern.code for m in found] == ["1044"]  # (no "demand ... hold elections" pattern: the act's code)


def test_a_borrowed_country_is_not_the_partners_in_dealings_between_states(pipeline):
    from newsevents.records import Document

    for text in ("The prime minister visited Paris on Tuesday.", "Ariel Henry visited Paris on Tuesday."):
        events = pipeline.process_one(Document(doc_id="v", text=text)).events
        assert [(e.cameo, e.target.country) for e in events] == [("042", "FRA")], text
        assert all(e.source is None or e.source.country != "FRA" for e in events), text


def test_a_stance_prefix_makes_a_modifier_no_performer_and_declaring_a_state_no_report(code):
    found = code("Havana accused Washington of funding anti-government protests.")
    assert not [m for m in found if m.source is not None and m.source.sector == "GOV" and m.pattern.code[:2] == "14"]
    found = code("The president declared a state of emergency before an opposition rally in the capital.")
    assert "reported" not in {m.factuality for m in found}


def test_readiness_on_a_condition_is_only_possible(code):
    found = code("Riyadh would be ready to normalise relations with Israel if a Palestinian state is established.")
    assert found and {m.factuality for m in found if m.target is not None} == {"hypothetical"}
    found = code("Riyadh is ready to normalise relations with Israel.")
    assert found and {m.factuality for m in found} == {"planned"}


def test_an_intent_is_not_also_its_own_act_planned_for_no_one(code):
    found = code("Armenia and Azerbaijan agreed to a ceasefire on Tuesday.")
    assert sorted((m.pattern.code, m.source.country) for m in found) == [("0356", "ARM"), ("0356", "AZE")]


def test_a_participle_clause_shares_its_clauses_subject(code):
    found = code("A roadside bomb struck an army patrol in the Sinai on Monday, killing four soldiers.")
    assert "183" in {m.pattern.code for m in found}  # a bombing, not combat
    found = code("An earthquake struck off the coast of Taiwan on Saturday, killing at least 11 people.")
    assert not [m for m in found if m.pattern.code[:2] in ("18", "19", "20")]  # a disaster kills no one


def test_a_warning_told_to_someone_is_aimed_at_them(code):
    found = code("Venezuela's defence minister warned opposition leaders on Saturday that troops would crush "
                 "any attempt to topple the government.")
    assert found and {m.target.sector for m in found if m.pattern.code[:2] == "13"} == {"OPP"}


def test_people_a_state_holds_or_frees_are_its_own(code):
    for text, code_ in (("Venezuela's government released dozens of political activists on Friday.", "0841"),
                        ("Burundian security agents tortured detained opposition activists.", "1822"),
                        ("Tajikistan's Supreme Court banned the country's main opposition party.", "1722")):
        (m,) = [m for m in code(text) if m.pattern.code == code_]
        assert m.target.country == m.source.country and m.target.sector == "OPP", text
    # (deportees are not: a people of one state is that state's)
    (m,) = code("Thailand deported 109 Uighur Muslims to China.")
    assert m.pattern.code == "174" and m.target.code == "CHNCVL"


def test_what_an_object_is_on_and_what_money_is_in_choose_the_code(code):
    found = code("Pakistan is considering lifting its ban on imports of Indian vegetables.")
    assert "0812" not in {m.pattern.code for m in found}  # no ban on political parties
    found = code("The EU pledged 50 million euros in humanitarian aid to Syrian refugees.")
    assert "0333" in {m.pattern.code for m in found} and "0331" not in {m.pattern.code for m in found}


def test_the_holder_of_a_target_place_is_the_target(code):
    (m,) = code("Turkish artillery shelled positions held by Kurdish YPG fighters in northern Syria.")
    assert m.target.code == "SYRREB"
    found = code("Algerian landowners demanded the return of property seized by government forces.")
    assert "171" in {m.pattern.code for m in found}  # (the seizure's own agent is its source)


def test_they_after_an_act_on_people_are_those_people(code):
    found = code("Kuwait deported dozens of Egyptian workers on Sunday after they staged a strike over unpaid wages.")
    (strike,) = [m for m in found if m.pattern.code[:2] == "14"]
    assert strike.source.code == "EGYLAB"


def test_reporters_told_a_comment_are_not_its_target_and_un_agencies_are_the_uns(code):
    (m,) = code("The minister told journalists on Tuesday that the talks had failed.")
    assert m.pattern.code == "010" and m.target is None
    found = code("Two U.N. aid agencies said the camp in Yemen was overcrowded.")
    assert {m.source.code for m in found} == {"IGOUNO"}


def test_a_speakers_own_stance_told_by_him_is_asserted(code):
    (m,) = code("Iran said on Sunday it rejected the accusations.")
    assert m.pattern.code[:2] == "01" and m.factuality == "asserted"
    found = code("Iran said on Sunday that Israel had attacked its embassy in Damascus.")
    assert {m.factuality for m in found if m.pattern.code[:2] == "19"} == {"reported"}  # an act told of another


def test_the_militants_after_a_named_armed_group_are_that_group(code_doc):
    found = code_doc("Colombia suspended peace talks with the ELN rebel group on Tuesday after the guerrillas "
                     "kidnapped a former congressman.")
    (m,) = [m for m in found if m.pattern.code == "181"]
    assert m.source.code == "COLREB"
    found = code_doc("Al-Shabaab fighters attacked an army base in Somalia on Friday. Soldiers killed ten of the militants.")
    assert all(m.target.code != "---REB" for m in found if m.target is not None)
    found = code_doc("Security forces killed three militants near the border on Monday.")  # no group named
    assert {m.target.code for m in found} == {"---REB"}


def test_them_is_people_or_a_body_not_a_place_named_before(code_doc):
    found = code_doc("Sudan threatened to expel U.N. peacekeepers from Darfur, accusing them of siding with rebels.")
    (m,) = [m for m in found if m.pattern.code.startswith("112")]
    assert m.target.code.startswith("IGOUNO")
    found = code_doc("Zuma met opposition leaders in Pretoria on Monday. The president told them that the "
                     "election would go ahead.")
    assert {m.target.sector for m in found if m.pattern.code[:2] == "01"} == {"OPP"}


def test_rebels_acting_on_a_place_are_its_countrys(code):
    (m,) = code("Rebels captured the town of Kidal on Monday.")
    assert m.source.code == "MLIREB"


def test_an_order_to_ones_own_forces_is_the_act_ordered(code):
    (m,) = code("Putin ordered Russian troops to withdraw from Syria on Monday.")
    assert (m.pattern.code, m.source.code, m.target.country) == ("0874", "RUSGOV", "SYR")
    (m,) = code("The interior minister ordered police to disperse the protesters.")
    assert m.pattern.code == "175" and m.source.sector == "GOV"
    (m,) = code("The UN Security Council ordered Israel to withdraw from Lebanon.")  # an order to another
    assert m.pattern.code[:2] == "10" and m.target.country == "ISR"


def test_talks_with_a_party_somewhere_target_the_party_not_the_venue(code):
    found = code("Houthi negotiators walked out of peace talks with the Yemeni government in Kuwait on Saturday.")
    assert {m.target.code for m in found if m.pattern.code[:2] == "16"} == {"YEMGOV"}


def test_a_noun_another_event_acts_on_is_no_event_of_its_own(code):
    found = code("Iran called for the lifting of remaining U.S. banking sanctions.")
    assert [m.pattern.code[:2] for m in found] == ["02"]  # no sanctions imposed
    found = code("Sudan refused to accept the deployment of an African Union peacekeeping force.")
    assert {m.pattern.code[:2] for m in found} == {"12"}  # no peacekeeping done
    found = code("Irish nationalist guerrillas wounded two British soldiers in a bomb attack on Thursday.")
    assert "183" in {m.pattern.code for m in found}  # (violence named is violence done)


def test_tolls_states_of_affairs_and_backers_are_no_acts(code):
    assert not code("The war, which began in 2011, has killed more than 270,000 people.")
    assert not code("More than 6,400 people have been killed in the conflict, about half of them civilians.")
    assert code("Three soldiers were killed in fighting with rebels on Sunday.")  # (news, not a toll)
    found = code("Western sanctions have hurt the Russian economy, the central bank said.")
    assert "163" not in {m.pattern.code for m in found}
    found = code("Syrian government forces backed by Russian warplanes pounded the rebel-held town on Thursday.")
    assert "05" not in {m.pattern.code[:2] for m in found}
    found = code("Moscow denies arming the rebels.")
    assert "1222" not in {m.pattern.code for m in found}


def test_a_surname_read_as_a_modal_is_the_subject(code):
    found = code("Home Secretary Theresa May criticised the United Nations on Monday.", date="2016-05-01")
    (m,) = [m for m in found if m.pattern.code[:2] == "11"]
    assert (m.source.code, m.factuality) == ("GBRGOV", "asserted")
    found = code("Britain may impose sanctions on Russia.")
    assert {m.factuality for m in found} == {"hypothetical"}


def test_a_verb_conjoined_without_a_conjunction_shares_no_subject(code):
    # the parser hangs "join" on "sentenced" with no "and": the recruits join, not the court
    found = code("A French court has sentenced an Algerian man to five years in prison for helping young "
                 "recruits join an armed group in Syria.")
    assert ("FRA", "11", "DZA") in dyads(found)
    assert not [m for m in found if m.trigger.text == "join"]
    # ... nor the one who tells of it
    found = code("An Egyptian court has jailed a Libyan man for three years for helping young recruits join an "
                 "armed group in Syria, his lawyer said on Monday.")
    assert ("EGY", "17", "LBY") in dyads(found) and not [m for m in found if m.trigger.text == "join"]
    # a real coordination still shares it
    found = code("Syrian troops shelled the town and arrested dozens of protesters.")
    assert {m.trigger.text for m in found if m.source is not None and m.source.code == "SYRMIL"} == {"shelled", "arrested"}


def test_calling_people_to_protest_against_someone_rallies_opposition(code):
    # CAMEO 113: the caller mobilises opposition against whom the protest is aimed
    found = code("The opposition urged its supporters to take to the streets against the government.")
    assert [m.pattern.code for m in found] == ["113"] and found[0].target.sector == "GOV"
    found = code("Syria's official newspaper called on Arabs to mobilize against Israel.")
    assert ("SYR", "11", "ISR") in dyads(found)
    # a call to a rally aimed at no one stays an appeal
    assert [m.pattern.code[:2] for m in code("The union called on workers to join a rally in Paris on Saturday.")] == ["02"]


@pytest.mark.parametrize("text, expected", [
    # the parser reads the dateline's city as a subject, or the subject as the city's apposition
    ("GAZA, July 8 (Reuters) - Israel launched dozens of air strikes on the Gaza Strip on Tuesday.", ("ISR", "19", "PSE")),
    ("SEOUL, Nov 23 (Reuters) - North Korea fired dozens of artillery shells onto a South Korean island on Tuesday.",
     ("PRK", "19", "KOR")),
    ("KABUL (AP) — A Taliban suicide bomber attacked a NATO convoy in the Afghan capital on Monday.", ("AFG", "19", None)),
    ("MOSCOW, Aug 9 (Reuters) - Russian warplanes bombed targets in the Georgian town of Gori on Saturday.",
     ("RUS", "19", "GEO")),
])
def test_the_dateline_is_not_the_subject(code, text, expected):
    found = code(text)
    assert expected in dyads(found) or expected[2] is None and any(
        (m.source.country if m.source else None, m.pattern.code[:2]) == expected[:2] for m in found)
    # the forces named after the dateline keep their sector (not the capital's government)
    assert all(m.source.sector != "GOV" for m in found)


@pytest.mark.parametrize("text, expected", [
    # a passive relative clause acts on the noun it describes
    ("Iran, which has been accused by Israel of arming Hezbollah, denied the charge on Monday.", ("ISR", "11", "IRN")),
    # parties acting together aim at another country; "each other" is the parties themselves
    ("Saudi Arabia, Bahrain and the United Arab Emirates withdrew their ambassadors from Qatar on Wednesday.",
     ("BHR", "16", "QAT")),
    ("Sudan and South Sudan accused each other of backing rebel groups.", ("SSD", "11", "SDN")),
    # praise of a deed goes to whoever did it
    ("The killing of bin Laden by U.S. forces was hailed by the Afghan government.", ("AFG", "05", "USA")),
    # a person named by a post is "he"
    ("The Saudi foreign minister met his Iranian counterpart in Oslo on Monday. He urged him to stop "
     "interfering in Yemen.", ("SAU", "02", "IRN")),
    # armed groups are where the sentence places them, not of the other party's nationality
    ("French warplanes bombed Islamist rebels in central Mali on Sunday.", ("FRA", "19", "MLI")),
    # the parser hangs "by police" on the arrested: the police still arrest
    ("The arrest of opposition leader Anwar Ibrahim by Malaysian police sparked protests in Kuala Lumpur.",
     ("MYS", "17", "MYS")),
])
def test_who_did_it_to_whom_in_hard_syntax(code_doc, text, expected):
    assert expected in dyads(code_doc(text))


def test_coordinated_acts_of_one_root_with_their_own_objects_are_two_events(code):
    found = code("Israeli troops demolished two houses and arrested three men in Hebron on Tuesday.")
    assert {m.pattern.code for m in found} == {"1712", "173"}


def test_what_is_permitted_is_not_done_and_a_motive_is_no_object(code):
    (strike,) = by_trigger(code("Turkey allowed U.S. warplanes to strike Islamic State targets from Incirlik air base."),
                           "strike")
    assert strike.factuality == "hypothetical"
    found = code("The opposition suspended its participation in parliament in protest at the arrest of its leader.")
    assert [m.pattern.code[:2] for m in found] == ["16"]


@pytest.mark.parametrize("text, date, expected", [
    # an air strike called for is asked of someone, no labour strike
    ("Iraq called for air strikes against Sunni militants on Wednesday.", "2014-06-15", ("IRQ", "02", None)),
    # the one asked for something would do it, not the asker
    ("Prime Minister Nuri al-Maliki asked Obama for air strikes against Sunni militants.", "2014-06-15",
     ("IRQ", "02", "USA")),
    # bare "troops" a leader orders to withdraw are his own, even in an article set elsewhere
    ("Putin ordered the Russian military to begin withdrawing the main part of its forces from Syria.", "2016-03-15",
     ("RUS", "08", "SYR")),
    ("Putin ordered troops to withdraw from Syria.", "2016-03-15", ("RUS", "08", "SYR")),
    # fighters tied to a named group are that group
    ("Gunmen linked to Boko Haram abducted 100 girls from a school in Borno state.", "2014-04-20", ("NGA", "18", "NGA")),
    ("The Israeli military said it responded with air strikes on dozens of targets in Gaza.", "2014-07-10",
     ("ISR", "19", "PSE")),
    ("Police dispersed thousands of opposition supporters with tear gas in Kinshasa.", "2016-09-20", ("COD", "17", "COD")),
    ("Ukrainian forces regained control of the port city of Mariupol.", "2014-06-15", ("UKR", "19", "UKR")),
    # an opposition leader before she held office
    ("Washington welcomed Myanmar's release of Aung San Suu Kyi from house arrest.", "2010-11-14", ("MMR", "08", "MMR")),
])
def test_review_of_hard_syntax_roots_and_actors(code, text, date, expected):
    assert expected in dyads(code(text, date))


def test_groups_named_through_a_tie(code):
    found = code("Militants linked to al Qaeda attacked an army base in Yemen.")
    assert [m.source.code for m in found] == ["IMGMUSALQREB"]
    found = code("Islamic State-allied militants attacked a checkpoint in Sinai.")
    assert [m.source.code for m in found] == ["IMGMUSISIREB"]
    # a backer is no group one belongs to
    assert not [m for m in code("Iran-backed militias attacked a U.S. base in Iraq.") if m.source.country == "IRN"]
    # being allied with a group is what the fighters are, not an act
    assert [m.pattern.code[:2] for m in code("Fighters allied with al Qaeda seized the town of Jaar.")] == ["19"]


def test_a_measure_compound_read_as_a_clause_is_the_announcers_act(code):
    # "asset freezes" parsed as "asset" (subject) "freezes" (verb): the government freezes
    found = code("The Canadian government announced asset freezes and travel bans against four senior Russian officers.")
    assert [(m.pattern.code[:2], m.source.country, m.factuality) for m in found if m.source] == [("16", "CAN", "asserted")]


def test_a_trailing_attribution_alone_is_no_statement(code):
    # the news is the clause; the saying only credits it
    assert code("A cyclone killed at least 40 fishermen off the coast of Odisha, a state official said.") == []
    assert code("Exports rose 4 percent in March, the statistics office said on Tuesday.") == []
    # (a statement told to someone, or one whose clause follows, stays)
    assert codes(code("The foreign minister said on Monday that talks would resume next week.")) == {"010"}


@pytest.mark.parametrize("sentence", [
    "A landslide buried a mining village in Hpakant on Thursday, killing dozens and burying houses under mud.",
    "A passenger ferry capsized on the Meghna river on Sunday, killing at least 30 people.",
    "A blaze swept through a market in Lagos on Friday, gutting stalls and destroying hundreds of shops.",
])
def test_mishaps_acting_through_participles_are_no_events(code, sentence):
    assert code(sentence) == []


def test_an_accord_is_not_signed_with_its_venue(code):
    (m,) = code("Armenia reached a framework agreement in Paris on Wednesday.")
    assert m.pattern.code == "057" and m.target is None


def test_he_and_she_take_a_referent_of_their_gender(code_doc):
    # the woman was named second: "she" is still her, "him" the man ("Erdogan met Merkel. She urged him")
    found = code_doc("Swedish Prime Minister Stefan Lofven met Danish Prime Minister Helle Thorning-Schmidt "
                     "in Stockholm on Tuesday. She urged him to share the costs of the Arctic patrols.")
    urged = by_trigger(found, "urged")
    assert urged and urged[0].source.country == "DNK" and urged[0].target.country == "SWE"
    # bare surnames: the leaders table's full names tell the gender
    urged = by_trigger(code_doc("Erdogan met Merkel in Berlin on Friday. She urged him to keep the refugee deal."),
                       "urged")
    assert urged and urged[0].source.country == "DEU" and urged[0].target.country == "TUR"


def test_he_skips_a_woman_named_before(code_doc):
    found = code_doc("Australian Prime Minister Julia Gillard met Indonesian President Susilo Bambang Yudhoyono "
                     "in Jakarta. She thanked him for his help. He promised to send more police to the border.")
    promised = by_trigger(found, "promised")
    assert promised and promised[0].source.country == "IDN"


def test_a_title_tells_the_gender_of_an_unlisted_name(code_doc):
    found = code_doc("Mrs Okonjo spoke with Chadian President Idriss Deby on Friday. "
                     "He accused her of meddling in the dispute.")
    accused = by_trigger(found, "accused")
    assert accused and accused[0].source.country == "TCD"


def test_object_pronoun_is_not_the_subject_named_again(code_doc):
    # "him" is not Ortega, though Ortega was named last as an object
    found = code_doc("Costa Rican President Oscar Arias met Nicaraguan President Daniel Ortega in San Jose. "
                     "Arias invited Ortega to a regional summit. Ortega thanked him for the invitation.")
    thanked = by_trigger(found, "thanked")
    assert thanked and thanked[0].source.country == "NIC" and thanked[0].target.country == "CRI"


# -- domestic politics review: opposition, dismissals, dissent for a cause, pardons --------------------

def test_an_unnamed_opposition_is_that_of_the_state_it_deals_with(code):
    found = code("Zambia's ruling party accused the opposition of inciting violence.")
    assert {(m.pattern.code[:2], m.target.code) for m in found} == {("11", "ZMBOPP")}
    found = code("The opposition accused President Nicolas Maduro of rigging the vote.")
    assert {m.source.code for m in found} == {"VENOPP"}
    found = code("Cambodian Prime Minister Hun Sen threatened to arrest opposition lawmakers.")
    assert ("KHMGOV", "KHMOPP") in {(m.source.code, m.target.code) for m in found if m.target}
    # (not when they meet abroad: an envoy meeting opposition leaders in another country)
    found = code("U.S. Secretary of State Mike Pompeo met opposition leaders in Caracas.")
    assert all(m.target is None or m.target.country != "USA" for m in found)


def test_a_leader_dismissing_a_minister_targets_the_minister(code):
    (m,) = code("Kenyan President Uhuru Kenyatta sacked Interior Minister Joseph Nkaissery on Friday.")
    assert (m.pattern.code, m.source.code, m.target.code) == ("0831", "KENGOV", "KENGOV")
    assert m.target.text.startswith("Interior Minister")
    # a resignation still has no one dismissed: the target is the own country
    (m,) = code("Lebanese Prime Minister Saad al-Hariri resigned on Tuesday.")
    assert (m.pattern.code, m.target.code) == ("0831", "LBN")


def test_dissent_for_a_named_reform_is_a_demonstration_for_it(code):
    found = code("Thousands of Algerians took to the streets on Friday demanding the removal of the president.")
    assert {m.pattern.code for m in found if m.pattern.code[:2] == "14"} == {"1411"}
    found = code("Students protested in Dhaka demanding the resignation of the education minister.")
    assert {m.pattern.code for m in found if m.pattern.code[:2] == "14"} == {"1411"}
    # with no demand it stays general dissent
    assert {m.pattern.code for m in code("Farmers took to the streets in Paris.")} == {"140"}


def test_prisoners_a_state_pardons_are_its_own(code):
    found = code("Vietnam's government granted amnesty to 2,000 prisoners on Monday.")
    assert {(m.pattern.code, m.target.code) for m in found} == {("056", "VNMCVL")}


@pytest.mark.parametrize(("text", "trigger", "source"), [
    # an assault whose performer is only its means, or only the place with the means named, is by an
    # unidentified armed force of that country (CAMEO UAF), not by the state of the place
    ("A roadside bomb near the town of Kandahar killed two Canadian soldiers on Monday.", "killed", "AFGUAF"),
    ("A journalist was killed in a car bomb explosion in Beirut.", "killed", "LBNUAF"),
    ("Four policemen were killed by a landmine outside the Somali town of Baidoa.", "killed", "SOMUAF"),
    # the means of a named actor stay that actor's
    ("A Taliban bomb killed two soldiers in Kandahar.", "killed", "AFGREB"),
    # no means named: anyone's act, the place only
    ("A reporter was shot dead in Mogadishu on Friday.", "shot", "SOM"),
    # conventional force (19) is no assault by unidentified forces
    ("Two Israeli soldiers were killed in an ambush near Jenin.", "killed", "PSE"),
])
def test_an_unattributed_assault_is_by_unidentified_armed_forces(code, text, trigger, source):
    found = by_trigger(code(text), trigger)
    assert found and {m.source.code for m in found if m.source} == {source}


def test_an_assault_with_a_named_performer_anywhere_in_its_means_is_theirs(code):
    # the parser may hang the "by" phrase on a word inside the means: the performer is still named
    found = by_trigger(code("A policeman was killed in an attack on a border post by Kosovo Albanians near Pristina."),
                       "killed")
    assert found and all(m.source is None or m.source.sector != "UAF" for m in found)


# Conflict review (armed groups, Africa, Middle East, Asia, Latin America): sentences written for these tests.

@pytest.mark.parametrize(("sentence", "trigger", "code_"), [
    # the toll of an act is no better telling of it: the attack, ambush or clash is the event
    ("Gunmen attacked a bus carrying pilgrims in Balochistan, killing 11.", "attacked", "180"),
    ("Militants stormed a hotel in Kismayo, killing at least 26 people.", "stormed", "190"),
    ("Lebanese troops clashed with gunmen in the north, wounding five of the attackers.", "clashed", "190"),
])
def test_a_participle_of_the_toll_keeps_the_act(code, sentence, trigger, code_):
    found = code(sentence)
    assert codes(by_trigger(found, trigger)) == {code_} and not codes(found) & {"1823", "182"}


def test_a_means_still_tells_the_act_better_than_its_toll(code):
    # a bombing named as the means wins over the killing it caused
    assert "1823" not in codes(code("A bomb killed four soldiers in a roadside bombing near Mogadishu."))
    # "killed ... in an assault" stays a killing (the assault is the means, and no better told)
    assert "1823" in codes(code("Gunmen killed four villagers in an assault on the village."))


@pytest.mark.parametrize(("sentence", "code_"), [
    # a post held is taken as a town is (192); a wanted person caught is arrested (173), wherever
    ("The Arakan Army said it had captured a military headquarters in Rakhine state.", "192"),
    ("Rebels captured the garrison after two days of fighting.", "192"),
    ("Police captured the suspect at the airport.", "173"),
    # an envoy declared persona non grata, as the parse reads it ("grata" the object), is expelled
    ("Sudan's government declared the U.N. envoy persona non grata.", "161"),
    # drones and warplanes attacking are aerial weapons; an attack on a drone base is not
    ("Houthi drones attacked Saudi oil facilities in Abqaiq.", "195"),
])
def test_conflict_review_codes(code, sentence, code_):
    assert code_ in codes(code(sentence))


def test_an_attack_on_a_drone_base_is_no_air_strike(code):
    assert "195" not in codes(code("Rebels attacked a drone base near the border."))


def test_a_conflict_place_gives_its_country(code):
    (m,) = by_trigger(code("Gunmen kidnapped two teachers in Djibo."), "kidnapped")
    assert m.source.code == "BFAUAF"


# -- diplomatic news review ---------------------------------------------------------------------------

def test_a_round_of_talks_is_the_talks(code):
    found = code("Iranian negotiators held a round of talks with Britain.")
    assert {(m.pattern.code[:2], m.source.country, m.target.country) for m in found} == {("04", "IRN", "GBR")}
    found = code("A new round of talks between the Syrian government and the opposition opened in Geneva.")
    assert {m.pattern.code for m in found} == {"040"} and "SYR" in {m.source.country for m in found}


def test_a_threat_is_aimed_at_the_target_of_the_threatened_act(code):
    # (not the party an "if" clause names, nor no one: "if it did not halt its support")
    found = by_trigger(code("The United States threatened to impose new sanctions on Russia if it did not halt its "
                            "support for the separatists."), "threatened")
    assert {(m.pattern.code, m.target.country) for m in found} == {("1312", "RUS")}
    found = by_trigger(code("Turkey threatened to cut diplomatic ties with Israel if it did not apologise for the raid."),
                       "threatened")
    assert {(m.pattern.code, m.target.country) for m in found} == {("1313", "ISR")}


@pytest.mark.parametrize(("text", "source"), [
    ("Britain's ambassador to Washington was summoned to the State Department on Friday.", "USAGOV"),
    ("The German ambassador was summoned to the foreign ministry in Ankara.", "TURGOV"),
    ("The Russian ambassador in Kiev was summoned over the incident.", "UKR"),
])
def test_a_summoned_envoy_is_summoned_by_the_host(code, text, source):
    found = by_trigger(code(text), "summoned")
    assert {(m.pattern.code, m.source.code if m.source else None) for m in found} == {("114", source)}


def test_speaking_in_a_phone_call_is_a_phone_call(code):
    found = code("Putin told Erdogan in a phone call that Russia expected an apology.", date="2015-11-26")
    assert ("041", "RUS", "TUR") in {(m.pattern.code, m.source.country, m.target.country) for m in found}
    found = code("Putin said in a phone call with Erdogan that Russia expected an apology.", date="2015-11-26")
    assert ("041", "RUS", "TUR") in {(m.pattern.code, m.source.country, m.target.country) for m in found}


def test_a_visit_met_by_protesters_is_the_visitors(code):
    found = by_trigger(code("Merkel's visit to Athens was met by thousands of protesters.", date="2012-10-09"), "visit")
    assert {(m.pattern.code, m.source.country, m.target.country) for m in found} == {("042", "DEU", "GRC")}


def test_talks_named_by_their_venue_do_not_make_the_host_a_party(code):
    found = code("The opposition said it would not attend the Geneva talks unless the air strikes stopped.")
    assert found and all(m.target is None or m.target.country != "CHE" for m in found)


def test_a_summit_a_sentence_is_dated_by_is_no_event(code):
    assert not code("The visit comes a week before the NATO summit in Warsaw.")


def test_a_statement_that_an_act_will_not_happen_is_a_statement(code):
    found = code("Lavrov said that Moscow had no intention of sending troops into eastern Ukraine.", date="2014-03-18")
    assert ("010", "RUS") in {(m.pattern.code, m.source.country) for m in found if m.factuality != "negated"}


def test_parties_agreeing_together_do_not_aim_at_the_place_of_their_act(code):
    found = by_trigger(code("Lavrov and Kerry agreed to work towards a ceasefire in Syria.", date="2016-02-12"), "agreed")
    assert found and all(m.target is None or m.target.country != "SYR" for m in found)


@pytest.mark.parametrize("sentence", [
    # sanctions in force named as the circumstances of something else are not imposed
    "Gazprom reported a rise in profit despite Western sanctions.",
    "Venezuela's oil exports have fallen by half under U.S. sanctions.",
    "The refinery closed because of renewed European sanctions.",
    "Turkey agreed to pay for Russian gas in roubles to avoid U.S. sanctions.",
    # a trade noun as the subject of a verb of change is a figure, not trading
    "Japan's exports fell 4 percent in May, finance ministry data showed.",
])
def test_standing_sanctions_and_trade_figures_are_no_events(code, sentence):
    assert not {c for c in codes(code(sentence)) if c[:2] in ("06", "16")}


def test_sanctions_imposed_are_still_coded_as_nouns(code):
    assert "163" in codes(code("The EU's new sanctions on Belarus took effect on Monday."))


@pytest.mark.parametrize(("sentence", "trigger", "target"), [
    # a sum or a share stands for what it is of: "tariffs on $200 billion of Chinese goods"
    ("Washington raised tariffs on $34 billion of Chinese goods.", "raised", "CHN"),
    ("Germany wrote off 80 percent of Ghana's debt.", "wrote", "GHA"),
    # the verb's preposition the parser hung on the sum: "invest $15 billion in Turkey's economy"
    ("Qatar said it would invest $15 billion in Turkey's economy and banks.", "invest", "TUR"),
    # a vehicle's load is what is sent, and the recipient may hang on the load's participle or amount
    ("Malaysia dispatched a transport plane carrying relief supplies to Nepal.", "dispatched", "NPL"),
    ("Turkey sent planes carrying tents, food and medicines to Pakistan.", "sent", "PAK"),
    ("China sent a team of doctors and 31 tonnes of medical supplies to Italy.", "sent", "ITA"),
])
def test_targets_behind_sums_and_loads(code, sentence, trigger, target):
    found = by_trigger(code(sentence), trigger)
    assert found and found[0].target is not None and found[0].target.country == target, found


def test_aid_sent_in_a_vehicle_is_humanitarian(code):
    (m,) = by_trigger(code("Malaysia dispatched a transport plane carrying relief supplies to Nepal."), "dispatched")
    assert m.pattern.code == "073"


def test_a_law_acts_as_its_maker(code):
    found = by_trigger(code("Obama signed into law a bill imposing new sanctions on Syria."), "imposing")
    assert found and all(m.source is not None and m.source.code == "USAGOV" for m in found)
    (m,) = by_trigger(code("The Russian parliament passed legislation imposing sanctions on Georgian firms."), "imposing")
    assert m.source.code == "RUSLEG"


def test_the_object_of_a_that_clause_splits_a_demand(code):
    # "lift all sanctions" is an economic sanction eased (1054), not an administrative one (1051)
    found = codes(code("Tehran demanded that Washington lift all sanctions before talks resume."))
    assert "1054" in found and "1051" not in found


def test_pleading_to_charges_makes_the_accused_no_accuser(code):
    # "charges" after "pleaded ... to" are someone else's against the subject; "pleaded innocent" denies
    found = code("Najib Razak pleaded not guilty on Tuesday to charges of abusing his position.")
    assert all(not (m.pattern.code.startswith("112") and m.source is not None) for m in found)
    assert {m.pattern.code for m in code("The former president pleaded innocent to charges of corruption.")} == {"016"}


# Mixed wire-news review (sentences written for these tests).
def test_a_threatened_show_of_force_is_a_threat_of_military_force(code):
    # CAMEO has no threat of a show of force (15): threatening one threatens military force (138)
    (m,) = by_trigger(code("Pyongyang threatened to fire more missiles into the sea."), "threatened")
    assert m.pattern.code == "138"
    (m,) = by_trigger(code("Moscow threatened to deploy more troops along the frontier."), "threatened")
    assert m.pattern.code == "138"


def test_a_threat_reads_through_ready_to(code):
    # "warned ... that it was ready to use force against them": the threatened act under "ready"
    (m,) = by_trigger(code("The junta warned the strikers that it was ready to use force against them."), "warned")
    assert m.pattern.code == "137"


def test_increased_presence_along_a_border_is_mobilization(code):
    found = by_trigger(code("Ankara increased its military presence along the frontier with Iraq."), "increased")
    assert found and found[0].pattern.code == "154"


def test_a_participle_after_a_reported_copula_is_the_reporters(code):
    # "said Jerusalem was the capital, rejecting ...": the speaker rejects, not the copula's subject
    (m,) = by_trigger(code("The Iranian foreign minister said Baghdad was the real victim, rejecting the Saudi proposal."),
                      "rejecting")
    assert m.source is not None and m.source.code == "IRNGOV"


def test_holding_a_party_responsible_for_harm_is_an_accusation(code):
    (m,) = by_trigger(code("The Danish prime minister said it was likely that Iran was responsible for the bombing."), "said")
    assert m.pattern.code == "112" and m.target.code == "IRN"
    (m,) = by_trigger(code("The Danish prime minister said the army was responsible for security in the capital."), "said")
    assert m.pattern.code == "010"


def test_curbing_a_contested_programme_is_yielding(code):
    (m,) = by_trigger(code("Tehran agreed to curb its uranium enrichment programme."), "agreed")
    assert m.pattern.code == "035"
    assert not by_trigger(code("The government will curb its spending programme."), "curb")


def test_extradition_is_asked_of_the_state_that_holds_the_suspect(code):
    (m,) = by_trigger(code("Ankara demanded the extradition of the businessman from Greece."), "demanded")
    assert m.pattern.code == "1013" and m.target.code == "GRC"
    (m,) = by_trigger(code("Serbia requested the extradition of the commander from Croatia."), "requested")
    assert m.target.country == "HRV"


def test_judging_a_deed_is_aimed_at_its_doer(code):
    found = by_trigger(code("Beijing criticized the naval exercises by Japan and Australia."), "criticized")
    assert {m.target.code for m in found} == {"JPN", "AUS"}


def test_money_given_to_an_army_is_military_aid(code):
    (m,) = by_trigger(code("Washington gave the Lebanese army $20 million."), "gave")
    assert m.pattern.code == "072"

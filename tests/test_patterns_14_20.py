"""Trigger patterns of CAMEO roots 14-20 (protest ... mass violence) on sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import by_trigger, codes


# -- required words the subject seems to meet -------------------------------------------------------

def test_dissolving_an_association_is_a_sanction_not_a_resignation(code):
    found = code("The interior ministry dissolved a charity run by exiled dissidents.")
    assert codes(found) == {"172"}
    found = code("The military government dissolved the lawyers' association on Monday.")
    assert codes(found) == {"172"}


def test_a_government_dissolving_a_party_bans_it(code):
    (m,) = code("The government dissolved the main opposition party last week.")
    assert m.pattern.code == "1722" and m.source.sector == "GOV"


def test_troops_capturing_a_town_occupy_it(code):
    (m,) = code("Sudanese troops captured the village of Um Rawaba after heavy fighting.")
    assert m.pattern.code == "192" and m.source.sector == "MIL"
    (m,) = code("Rebel fighters captured a strategic hill near the border.")
    assert m.pattern.code == "192"


def test_capturing_soldiers_stays_combat(code):
    (m,) = code("Insurgents captured twelve soldiers on Sunday.")
    assert m.pattern.code == "190"


# -- missing constructions ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, code_", [
    ("Angry demonstrators stormed the premises of the electoral commission.", "145"),
    ("Students stormed the headquarters of the ruling party in Dhaka.", "145"),
    ("Armed rebels stormed the headquarters of the state broadcaster.", "190"),
])
def test_storming_buildings(code, sentence, code_):
    assert code_ in codes(code(sentence))


def test_police_storming_an_embassy_is_coercion(code):
    (m,) = code("Riot police stormed the French embassy in Niamey on Friday.")
    assert m.pattern.code.startswith("17") and m.source.sector == "COP"


def test_fighting_between_two_parties_is_symmetric(code):
    found = code("Fighting between the Ethiopian army and Tigrayan rebels erupted again in the north.")
    pairs = {(m.source.code, m.target.code) for m in found if m.pattern.code == "190"}
    assert len(pairs) == 2 and all((b, a) in pairs for a, b in pairs)


def test_workers_walking_out_strike(code):
    (m,) = code("About 2,000 hospital nurses walked out on Tuesday.")
    assert m.pattern.code == "143"


def test_ramming_a_vessel(code):
    (m,) = code("A Chinese navy ship rammed a Vietnamese fishing boat near the Paracel Islands.")
    assert m.pattern.code == "190" and m.source.country == "CHN"


@pytest.mark.parametrize("sentence, code_", [
    ("A ballistic missile hit a residential building in Odesa.", "195"),
    ("A rocket fired from Lebanon struck a house in Metula.", "194"),
])
def test_projectiles_as_subject(code, sentence, code_):
    assert code_ in codes(code(sentence))


def test_coming_under_fire_makes_the_subject_the_target(code):
    (m,) = code("A UN convoy came under fire near Goma on Sunday.")
    assert m.pattern.code == "190" and m.source is None and m.target is not None
    (m,) = code("French peacekeepers came under attack from militiamen in Bangui.")
    assert m.pattern.code == "190" and m.target.code.endswith("MIL") and m.source is not None


def test_bombs_ripping_through(code):
    found = code("A powerful blast tore through a busy bus station in Quetta.")
    assert "183" in codes(found)


def test_thrown_grenades_are_bombings_by_attackers_riots_by_protesters(code):
    assert "183" in codes(code("Unknown attackers hurled a grenade into a crowded cafe in Mogadishu."))
    assert "145" in codes(code("Protesters threw petrol bombs at riot police."))


def test_warning_shots_show_force(code):
    (m,) = code("The South Korean military fired warning shots at North Korean soldiers.")
    assert m.pattern.code == "150"


def test_battle_groups_stationed(code):
    (m,) = code("NATO will station two new battle groups in Romania.")
    assert m.pattern.code == "154"


def test_car_bomb_exploding_is_a_car_bombing(code):
    (m,) = code("A truck bomb exploded outside a hotel in Mogadishu.")
    assert m.pattern.code == "1832"
    (m,) = code("A roadside bomb exploded near an army patrol.")
    assert m.pattern.code == "1833"


@pytest.mark.parametrize("sentence", [
    "A shopkeeper was stabbed to death in Lagos on Monday.",
    "A mob beat the suspected thief to death.",
])
def test_killed_by_physical_assault(code, sentence):
    assert "1823" in codes(code(sentence))


def test_military_means_sent_to_ones_own_border_are_mobilisation(code):
    (m,) = code("Iran sent tanks and artillery to its border with Azerbaijan.")
    assert m.pattern.code == "154" and m.source.country == "IRN"
    assert "072" in codes(code("Britain sent tanks to Ukraine."))  # military aid stays aid


@pytest.mark.parametrize("sentence", [
    "Police opened fire on demonstrators in Dhaka.",
    "Troops fired into a crowd of protesters in Mandalay.",
])
def test_security_forces_firing_on_protesters_repress(code, sentence):
    assert codes(code(sentence)) == {"175"}


def test_firing_on_armed_groups_stays_combat(code):
    assert codes(code("Soldiers opened fire on militants near the border.")) == {"190"}


def test_clashing_with_armed_dissidents_is_combat(code):
    (m,) = code("Peruvian troops clashed with Shining Path dissidents in the jungle.")
    assert m.pattern.code == "190"
    (m,) = code("Riot police clashed with students outside the university.")
    assert m.pattern.code == "175"


# -- figurative senses ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The opposition leader attacked the government's tax plan as unfair.",
    "The minister attacked the new pension reform in a speech.",
    "Liverpool attacked constantly in the first half.",
    "The visitors attacked for the last ten minutes.",
])
def test_no_violence_for_criticism_or_football(code, sentence):
    assert not {c for c in codes(code(sentence)) if c[:2] in ("18", "19")}


def test_attacks_on_positions_stay_violence(code):
    assert "195" in codes(code("Turkish jets attacked Kurdish positions in northern Iraq."))  # aircraft: aerial weapons
    assert "180" in codes(code("Gunmen attacked a checkpoint in Sinai."))


# -- protest causes -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Teachers rallied against the new curriculum law in Santiago.",
    "Thousands marched against the pension overhaul in Lyon.",
    "Farmers protested over the fuel tax hike in Brussels.",
])
def test_protests_against_a_policy_are_for_policy_change(code, sentence):
    assert "1412" in codes(code(sentence))


def test_protests_against_people_stay_generic(code):
    assert "141" in codes(code("Thousands demonstrated against the president in Lima."))


def test_a_strike_staged_to_protest_is_a_strike(code):
    found = code("Miners staged a strike to protest the closure plan.")
    assert {c[:3] for c in codes(found)} == {"143"}


def test_suicide_bombers_assassination_attempts_and_chemical_agents(code):
    assert "1831" in codes(code("A suicide bomber killed nine worshippers at a shrine in Quetta."))
    assert "185" in codes(code("The governor was badly wounded in an assassination attempt on Sunday."))
    assert not codes(code("Government forces used chlorine gas against the town.")) & {"175"}


def test_forcing_people_from_their_homes_is_mass_expulsion(code):
    assert codes(code("Militias forced thousands of villagers to leave their homes in Darfur.")) == {"201"}
    assert "201" not in codes(code("The president forced the finance minister to resign."))



# -- second review: missing events and false ones ------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Hackers broke into the email accounts of several senior diplomats at the foreign ministry.",
    "A North Korean hacking group broke into the computer network of a South Korean defence contractor.",
])
def test_breaking_into_computers_is_a_cyber_attack(code, sentence):
    assert codes(code(sentence)) == {"176"}


def test_breaking_into_buildings_is_no_cyber_attack(code):
    assert not code("Burglars broke into a house in Lagos on Sunday.")
    assert codes(code("Protesters broke into the parliament building in Baghdad.")) == {"145"}


@pytest.mark.parametrize("sentence", [
    "Israeli troops imposed a closure on the village of Beit Ummar after the shooting.",
    "Indian troops imposed a lockdown on the town of Sopore.",
])
def test_closures_and_military_lockdowns_are_blockades(code, sentence):
    assert codes(code(sentence)) == {"191"}


@pytest.mark.parametrize("sentence", [
    "Health authorities imposed a lockdown on the city of Xi'an.",
    "The government imposed a closure on the newspaper.",
])
def test_health_lockdowns_and_closed_papers_are_no_blockades(code, sentence):
    assert "191" not in codes(code(sentence))


@pytest.mark.parametrize("sentence", [
    "Sudanese soldiers drove thousands of Masalit families from their villages.",
    "Government forces forced thousands from their homes in the northern province.",
])
def test_driving_people_from_their_homes_is_mass_expulsion(code, sentence):
    assert codes(code(sentence)) == {"201"}


@pytest.mark.parametrize("sentence", [
    "Government troops drove the rebels from the town of Kidal.",
    "The president drove from his home to the airport.",
    "The floods forced thousands from their homes.",
])
def test_driving_fighters_or_oneself_and_floods_are_no_expulsion(code, sentence):
    assert "201" not in codes(code(sentence))


@pytest.mark.parametrize("sentence", [
    "Government forces used chlorine gas against residents of the town.",
    "The army carried out a sarin attack on a rebel-held suburb.",
    "Jihadists fired mortar shells filled with mustard gas at Kurdish fighters.",
])
def test_chemical_weapons_are_2041_not_204(code, sentence):
    assert "2041" in codes(code(sentence)) and "204" not in codes(code(sentence))


def test_tear_gas_and_gas_stations_are_no_chemical_weapons(code):
    assert codes(code("Police used tear gas against protesters in Nairobi.")) == {"175"}
    assert not code("Workers filled the tank with gas at the station.")


@pytest.mark.parametrize("sentence, code_", [
    ("Teachers staged a sit-in outside the education ministry in Beirut.", "141"),
    ("Hundreds of farmers held a sit-in in front of parliament.", "141"),
    ("Opposition lawmakers staged a walkout in parliament on Tuesday.", "143"),
])
def test_sit_ins_rally_and_walkouts_strike(code, sentence, code_):
    assert codes(code(sentence)) == {code_}


@pytest.mark.parametrize("sentence", [
    "A fire destroyed dozens of shops in Kampala.",
    "A huge blaze gutted a textile factory in Dhaka.",
])
def test_fires_destroying_property_are_no_coercion(code, sentence):
    assert not code(sentence)


def test_forces_destroying_a_home_stay_1712(code):
    assert "1712" in codes(code("Israeli forces destroyed the home of a Palestinian attacker."))


def test_the_survivor_of_an_attempt_is_its_target(code):
    (m,) = code("The governor survived an assassination attempt on Tuesday.")
    assert m.pattern.code == "185" and m.source is None and m.target.sector == "GOV"


def test_territory_taken_from_someone_targets_its_holder(code):
    (m,) = code("Syrian troops recaptured the ancient city of Palmyra from Islamic State militants on Sunday.")
    assert m.pattern.code == "192" and m.target.code.startswith("IMG")
    (m,) = code("Iraqi troops recaptured Ramadi on Monday.")
    assert m.pattern.code == "192" and m.target.country == "IRQ"


@pytest.mark.parametrize("sentence", [
    "A cyclist was struck by a car in central London on Tuesday.",
    "The central bank kept its inflation target at 2 percent.",
    "Budget airlines will charge passengers for hand luggage from next month.",
    "Doctors said the girl's body had rejected the transplanted heart.",
    "Germany holds an effective veto over the terms of the bailout.",
    "The ministry has not sanctioned the use of public funds for the stadium.",
    "Barcelona welcomed a record nine million tourists last year.",
])
def test_other_senses_of_political_words_are_no_events(code, sentence):
    assert not [m for m in code(sentence) if m.pattern.code[:2] != "01"], sentence


@pytest.mark.parametrize("sentence, root", [
    ("The main opposition bloc pulled out of the peace talks in Geneva.", "16"),
    ("Malian special forces stormed the hotel to free hostages held by gunmen.", "19"),
    ("The new EU sanctions target senior Russian officials close to the Kremlin.", "16"),
    ("Russia vetoed a UN Security Council resolution condemning the chemical attack.", "12"),
])
def test_political_senses_keep_their_root(code, sentence, root):
    assert root in {m.pattern.code[:2] for m in code(sentence)}, sentence


# sub-codes read from the means, the victim and what is boycotted or left (review of 150 fresh
# sentences on the material roots)
@pytest.mark.parametrize("sentence, code_", [
    ("A U.S. drone strike killed three suspected militants in North Waziristan on Sunday.", "195"),
    ("Indian and Pakistani troops exchanged artillery fire across the Line of Control in Kashmir.", "194"),
    ("Taliban gunmen attacked a girls' school in Kunduz province on Tuesday.", "180"),
    ("Unknown gunmen shot dead an opposition lawmaker outside his home in Bujumbura.", "186"),
    ("A man stabbed a police officer near parliament in London.", "182"),
    ("Ten Palestinian prisoners have been on hunger strike for a month in Israeli jails.", "142"),
    ("China sent warships to the disputed waters near the Senkaku islands.", "154"),
    ("Students boycotted classes at Dhaka University on Monday.", "143"),
    ("Qatar withdrew from its role as mediator in the Darfur talks.", "165"),
])
def test_material_sub_codes(code, sentence, code_):
    assert code_ in codes(code(sentence)), sentence


def test_material_cooperation_sub_codes(code):
    assert "074" in codes(code("Hundreds of British troops have arrived in Mali to join the United Nations "
                               "peacekeeping mission."))
    assert "044" in codes(code("Chinese Premier Li Keqiang met Japanese Prime Minister Shinzo Abe on the sidelines "
                               "of the G20 summit."))
    found = by_trigger(code("Zimbabwe's government returned farms to some white farmers who had been evicted."),
                       "returned")
    assert [(m.pattern.code, m.target.country) for m in found] == [("0842", "ZWE")]


@pytest.mark.parametrize("sentence", [
    "The company's chief executive resigned on Friday after the accounting scandal.",
    "Historians say the treaty changed the map of Europe.",
])
def test_a_business_resignation_and_a_statement_by_no_one_are_no_events(code, sentence):
    assert not code(sentence), sentence


def test_recapturing_a_fugitive_is_an_arrest_not_an_occupation(code):
    (m,) = code("Colombian police recaptured a fugitive guerrilla commander in Medellin on Saturday.")
    assert m.pattern.code == "173" and m.source.sector == "COP"
    (m,) = code("Iraqi forces recaptured the town of Baiji from militants on Tuesday.")
    assert m.pattern.code == "192"


def test_a_term_ending_in_a_month_is_no_end_of_a_sit_in(code):
    assert code("Jammeh's term ends in January.") == []


# -- domestic politics review ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, code_", [
    ("Thailand's Constitutional Court disqualified Prime Minister Srettha Thavisin from office on Wednesday.", "1722"),
    ("A judge in Lima ordered the former president to stand trial for money laundering.", "173"),
    ("Ecuador's president extended the state of emergency to three more provinces.", "1724"),
    ("The Nigerian broadcasting regulator ordered the television station to stop broadcasting.", "1721"),
])
def test_domestic_coercion(code, sentence, code_):
    assert code_ in codes(code(sentence))


def test_extending_a_state_of_emergency_in_place_is_refusing_to_lift_it(code):
    assert "1724" not in codes(code("The authorities extended the state of emergency."))


def test_lawmakers_walking_out_of_parliament_boycott_the_sitting(code):
    found = code("Opposition lawmakers walked out of parliament during the president's speech.")
    assert {m.pattern.code for m in found} == {"143"}
    # leaving talks is still halting negotiations
    found = code("The rebel delegation walked out of the peace talks in Geneva.")
    assert "143" not in codes(found)


def test_disqualifying_needs_a_state_that_disqualifies(code):
    assert "1722" not in codes(code("The referee disqualified the sprinter for a false start."))


# -- military posture review ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Pakistan test-fired a nuclear-capable cruise missile on Wednesday, the army said.",
    "North Korea fired two ballistic missiles into the sea on Thursday.",
    "North Korea fired an intermediate-range missile over Japan on Tuesday.",
])
def test_missiles_fired_at_no_one_are_a_show_of_force(code, sentence):
    found = code(sentence)
    assert "150" in codes(found) and not codes(found) & {"190", "194", "195"}


def test_missiles_fired_at_a_place_stay_an_air_attack(code):
    assert "195" in codes(code("Russia fired cruise missiles at Kyiv on Tuesday."))


@pytest.mark.parametrize("sentence, code_, sector", [
    ("Indian troops were placed on high alert after the attack on the army camp.", "152", "MIL"),
    ("Japanese fighter jets were scrambled after Chinese bombers neared the islands.", "152", "MIL"),
    ("French police were put on high alert after the shooting.", "151", "COP"),
])
def test_forces_put_on_alert_with_no_agent_show_the_force(code, sentence, code_, sector):
    (m,) = [m for m in code(sentence) if m.pattern.code == code_]
    assert m.source is not None and m.source.sector == sector and m.target is None


@pytest.mark.parametrize("sentence, code_", [
    ("Russia stationed Iskander missiles in Kaliningrad, a lawmaker said.", "154"),
    ("Thousands of American troops arrived in Lithuania on Friday.", "154"),
    ("Belgian authorities mobilised 3,000 police officers ahead of the summit.", "153"),
    ("The government mobilized police and troops to the border region.", "154"),
    ("The army was on full combat alert along the border.", "152"),
    ("A U.S. destroyer sailed within 12 nautical miles of the reef.", "150"),
    ("A U.S. destroyer conducted a freedom of navigation operation near the Paracel Islands.", "150"),
    ("Germany delivered rifles to the Kurdish peshmerga.", "072"),
    ("Russia supplied Serbia with six MiG-29 fighter jets.", "072"),
    ("Morocco took delivery of 25 F-16 fighter jets from the United States.", "072"),
])
def test_posture_and_military_cooperation(code, sentence, code_):
    assert code_ in codes(code(sentence))


@pytest.mark.parametrize("sentence, wrong", [
    ("Greece sent troops and riot police to the border.", "145"),
    ("Taiwan's navy held a live-fire drill off its east coast on Monday.", "0871"),
    ("The defence ministry said the military would hold its annual parade on October 1.", "173"),
    ("The last British troops crossed the border out of Afghanistan on Sunday.", "192"),
    ("The defence ministry's budget request includes $20 billion for new ships.", "020"),
    ("The United States deployed a bomber task force to the Gulf as a warning to Iran.", "074"),
    ("American troops arrived in Haiti to help deliver relief supplies after the earthquake.", "154"),
])
def test_posture_words_that_are_no_such_act(code, sentence, wrong):
    assert wrong not in codes(code(sentence))

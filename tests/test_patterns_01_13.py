"""Trigger patterns of CAMEO roots 01-13 on wire-style sentences written for these tests (review fixes)."""

from __future__ import annotations

import pytest

from conftest import by_trigger, codes


# 1. politicians demanding a resignation make a demand (1041), not a street protest (1411)
def test_opposition_demanding_a_dismissal_is_a_demand(code):
    found = by_trigger(code("The main opposition party demanded the resignation of the interior minister."), "demanded")
    assert codes(found) == {"1041"}


# 3. "stop" gives the de-escalation codes only for hostilities
def test_stopping_other_things_is_no_deescalation_demand(code):
    found = by_trigger(code("Ankara demanded that Copenhagen stop the burning of the Koran."), "demanded")
    assert found and not codes(found) & {"1056"}
    found = by_trigger(code("The European Union urged the government to stop the evictions."), "urged")
    assert found and not codes(found) & {"0256"}
    found = by_trigger(code("The mayor refused to stop the demolitions."), "refused")
    assert found and not codes(found) & {"1246"}


def test_stopping_hostilities_is_deescalation(code):
    assert "0256" in codes(by_trigger(code("Moscow called on Kyiv to stop the shelling of Belgorod."), "called"))
    assert "0256" in codes(by_trigger(code("The United Nations urged Israel to halt its offensive in Khan Younis."),
                                      "urged"))
    assert "1246" in codes(by_trigger(code("Russia refused to stop the bombardment of Kharkiv."), "refused"))


# 4. refusing to allow: international involvement only for an international party
def test_refusing_to_let_people_move_is_no_refused_international_involvement(code):
    found = by_trigger(code("The junta refused to allow women to travel abroad."), "refused")
    assert found and not codes(found) & {"1245"}
    assert codes(found) & {"120", "1241"}


def test_refusing_to_let_investigators_in_is_1245(code):
    found = by_trigger(code("Damascus refused to let UN investigators enter the town."), "refused")
    assert codes(found) == {"1245"}
    assert found[0].target is not None and found[0].target.code.startswith("IGO")


# 5. visiting detainees is access, no meeting
def test_refused_request_to_visit_prisoners_is_no_refused_meeting(code):
    found = by_trigger(code("The ministry rejected a request to visit prisoners at the military jail."), "rejected")
    assert found and "125" not in codes(found)


# 6. a claim to something is rejected (120), a claim that something happened is denied (016)
def test_rejected_territorial_claim_is_no_denial(code):
    found = by_trigger(code("Manila rejected Beijing's claim to the Scarborough Shoal."), "rejected")
    assert found and "016" not in codes(found)
    assert codes(found) <= {"120", "12"} | {c for c in codes(found) if c.startswith("12")}


def test_rejected_claim_that_something_happened_is_a_denial(code):
    found = by_trigger(code("Moscow rejected claims that it had poisoned the activist."), "rejected")
    assert "016" in codes(found)


# 7. seeking a warrant is legal action
def test_seeking_an_arrest_warrant_is_legal_action(code):
    found = by_trigger(code("Prosecutors sought an arrest warrant for the exiled opposition leader."), "sought")
    assert codes(found) == {"115"}


# 8. questioning a person is an inquiry; questioning a thing stays disapproval
def test_questioning_a_person_by_the_police_is_an_inquiry(code):
    found = by_trigger(code("Police arrested a reporter and questioned her for hours."), "questioned")
    assert codes(found) == {"090"}
    found = by_trigger(code("Germany questioned the wisdom of the decision."), "questioned")
    assert codes(found) == {"110"}


# 9. a diplomatic presence cut is reduced relations, not de-escalation
def test_reduced_diplomatic_presence_is_reduced_relations(code):
    found = by_trigger(code("Washington reduced its diplomatic presence in Caracas."), "reduced")
    assert found and all(m.pattern.code.startswith("16") for m in found)
    found = by_trigger(code("The United States reduced its military presence in Syria."), "reduced")
    assert "087" in codes(found)


# 10. states threaten like governments; dangers foretold by a body are no threats
def test_a_state_warning_of_its_own_act_is_a_threat(code):
    found = by_trigger(code("North Korea warned that it would shoot down American spy planes."), "warned")
    assert found and all(m.pattern.code.startswith("13") for m in found)


def test_a_state_warning_another_over_something_is_a_threat(code):
    found = by_trigger(code("Beijing warns Washington over Taiwan transit."), "warns")
    assert codes(found) == {"130"}
    assert found[0].target is not None and found[0].target.country == "USA"


def test_a_warning_of_a_danger_by_an_international_body_is_no_threat(code):
    found = by_trigger(code("The World Health Organization warned that the outbreak could spread to Europe."),
                       "warned")
    assert found and not any(m.pattern.code.startswith("13") for m in found)


# 11. one list of negative words for calling, describing, terming
def test_calling_an_expulsion_unjustified_is_criticism_of_its_author(code):
    found = by_trigger(code("Britain's foreign secretary called Russia's expulsion of British diplomats unjustified."),
                       "called")
    assert codes(found) == {"111"}
    assert found[0].target is not None and found[0].target.country == "RUS"


def test_termed_and_described_take_the_negative_list(code):
    assert codes(by_trigger(code("Tehran termed the new sanctions illegitimate."), "termed")) == {"111"}
    assert codes(by_trigger(code("Pyongyang described the joint drills as a provocation."), "described")) == {"111"}


# 13. aid and intent codes by what is given
def test_agreeing_to_supply_weapons_is_military_aid_intent(code):
    found = by_trigger(code("France agreed to supply artillery shells to Ukraine."), "agreed")
    assert codes(found) == {"0332"}
    found = by_trigger(code("Egypt agreed to supply fuel to Gaza."), "agreed")
    assert codes(found) == {"0333"}


def test_handing_over_weapons_is_no_judicial_cooperation(code):
    found = by_trigger(code("The militia agreed to hand over its heavy weapons to the army."), "agreed")
    assert found and "0313" not in codes(found)
    found = by_trigger(code("Kabul agreed to hand over the suspects to Pakistan."), "agreed")
    assert codes(found) == {"0313"}


def test_election_observers_sent_are_no_peacekeepers(code):
    found = by_trigger(code("Brussels sent election observers to Nigeria."), "sent")
    assert "074" not in codes(found)


def test_release_of_workers_named_by_their_trade(code):
    found = by_trigger(code("Venezuela released three American oil workers on Saturday."), "released")
    assert codes(found) == {"0841"}


def test_accepting_a_truce_proposal_and_proposing_an_easing(code):
    assert codes(by_trigger(code("Hamas accepted the truce proposal."), "accepted")) == {"0356"}
    found = by_trigger(code("Britain proposed lifting the embargo on Syria."), "proposed")
    assert codes(found) == {"0354"}


def test_joining_an_alliance_is_no_settlement(code):
    found = code("South Korea agreed to join the AUKUS pact.")
    assert found and "037" not in codes(found)


# 14. lending (dative) and allowing trade or return
def test_lending_money_with_a_dative(code):
    found = by_trigger(code("Japan lent Sri Lanka $500 million."), "lent")
    assert codes(found) == {"071"}
    assert found[0].target is not None and found[0].target.country == "LKA"


def test_allowing_exports_and_returns(code):
    assert codes(by_trigger(code("Israel allowed Gaza fishermen to export their catch."), "allowed")) == {"085"}
    assert codes(by_trigger(code("The army allowed displaced families to return to their villages."),
                            "allowed")) == {"081"}


def test_pledged_cooperation_in_an_economic_field_is_economic(code):
    found = by_trigger(code("Nairobi and Beijing pledged closer mining cooperation."), "pledged")
    assert codes(found) == {"0311"}
    found = by_trigger(code("The two presidents pledged cooperation."), "pledged")
    assert found and "0311" not in codes(found)


def test_workers_threatening_to_strike_threaten_dissent_not_force(code):
    assert codes(code("The nurses' union threatened to strike if wages were not raised.")) == {"133"}
    assert codes(code("Iran threatened to strike Israeli cities.")) <= {"138", "1384"}


# -- second review: missing events and false ones ------------------------------------------------------

# military kit besides arms given by a state (vessels, boats, helicopters; vehicles to armed forces)
@pytest.mark.parametrize("sentence, code_", [
    ("South Korea supplied Peru with patrol boats.", "072"),
    ("Japan will supply the Philippines with ten patrol vessels.", "0332"),
    ("Washington delivered armoured vehicles to the Iraqi army.", "072"),
    ("Russia delivered two attack helicopters to Mali.", "072"),
    ("Britain delivered a shipment of armoured vehicles to the Ukrainian army.", "072"),
])
def test_military_kit_supplied_is_military_aid(code, sentence, code_):
    assert code_ in codes(code(sentence))


@pytest.mark.parametrize("sentence", [
    "The company delivered vehicles to a car dealer in Ohio.",
    "Boeing delivered 20 aircraft to Emirates last year.",
    "Japan supplied Sri Lanka with fishing boats after the tsunami.",
])
def test_civilian_deliveries_are_no_military_aid(code, sentence):
    assert not codes(code(sentence)) & {"072", "0332"}


# aid convoys reaching a place; relief given in money; food donated
@pytest.mark.parametrize("sentence", [
    "A convoy of Red Crescent trucks carrying flour reached the besieged town of Zabadani.",
    "An aid convoy arrived in the rebel-held city of Idlib on Monday.",
    "Canada gave $5 million in emergency relief to flood victims in Pakistan.",
    "Japan donated 5,000 tons of rice to North Korea.",
])
def test_convoys_relief_money_and_food_are_humanitarian_aid(code, sentence):
    assert "073" in codes(code(sentence))


def test_military_convoys_and_plain_money_are_no_humanitarian_aid(code):
    assert "073" not in codes(code("A convoy of Russian armoured vehicles arrived in Crimea."))
    assert codes(by_trigger(code("Germany gave 100 million euros to Jordan."), "gave")) == {"071"}
    assert codes(by_trigger(code("Germany gave $10 million in military aid to Ukraine."), "gave")) == {"072"}


# inquiries by what is investigated (coded on the opening verb or on the inquiry noun)
@pytest.mark.parametrize("sentence, code_", [
    ("Prosecutors opened an investigation into alleged bribes paid to customs officials.", "091"),
    ("Police launched an investigation into kickbacks paid by the construction firm.", "091"),
    ("The ICC opened a preliminary examination into alleged war crimes in Afghanistan.", "094"),
    ("The UN launched an inquiry into the massacre of villagers in Mali.", "094"),
    ("The army is investigating reports that its troops shelled a village.", "093"),
    ("Police are investigating the death of a journalist in Lagos.", "091"),
])
def test_inquiries_by_kind(code, sentence, code_):
    assert {c for c in codes(code(sentence)) if c.startswith("09")} == {code_}


def test_an_inquiry_into_plain_crimes_keeps_its_perpetrator(code):
    found = code("Prosecutors opened an inquiry into crimes committed by the militia.")
    assert found and not codes(found) & {"094"}


# returning to the negotiating table, and urging it
def test_returning_to_the_negotiating_table(code):
    assert codes(code("The rebels returned to the negotiating table on Monday.")) == {"046"}
    found = by_trigger(code("The African Union urged both sides to return to the negotiating table."), "urged")
    assert codes(found) == {"026"}
    found = by_trigger(code("The UN urged refugees to return to their homes."), "urged")
    assert found and "026" not in codes(found)


# figurative fights, ratings, business and labour talks, fires
@pytest.mark.parametrize("sentence", [
    "The Turkish lira fought back against the dollar on Thursday.",
    "The Indian rupee fought back from record lows against the dollar.",
    "Moody's cut Brazil's credit outlook to negative.",
    "Fitch cut Turkey's credit rating to junk.",
    "Wage talks between the union and the railway company broke down on Friday.",
    "Takeover talks between the two banks ended without agreement.",
])
def test_no_event_in_markets_ratings_and_business_talks(code, sentence):
    assert not code(sentence)


def test_peace_talks_and_credit_cuts_stay(code):
    assert "040" in codes(code("Peace talks between the government and the rebels collapsed."))
    assert "1621" in codes(code("The IMF cut its credit to Argentina."))


# accusations by the act named in the gerund
@pytest.mark.parametrize("sentence, code_", [
    ("Amnesty International accused Nigerian police of torturing detainees.", "1122"),
    ("Human Rights Watch accused Burundian soldiers of killing dozens of civilians.", "1122"),
    ("Seoul accused Pyongyang of deploying artillery near the border.", "1123"),
    ("Kyiv accused Moscow of sending more tanks across the border.", "1123"),
])
def test_accusations_of_abuses_and_aggression(code, sentence, code_):
    assert codes(by_trigger(code(sentence), "accused")) == {code_}


def test_accusing_a_civilian_of_killing_is_no_rights_abuse(code):
    found = by_trigger(code("Police accused the man of killing his wife."), "accused")
    assert found and not codes(found) & {"1122", "1123"}


def test_concern_and_warnings_of_a_danger_are_comments_not_threats(code):
    found = code("Japan was deeply concerned about North Korea's missile launches, the foreign minister said.")
    assert "012" in codes(found)
    found = code("Two U.N. aid agencies warned of famine in South Sudan on Monday.")
    assert codes(found) == {"012"} and {m.target.country for m in found} == {"SSD"}
    found = code("Germany warned of consequences if Russia annexed the region.")
    assert {m.pattern.code[:2] for m in found} == {"13"}


def test_weapons_sent_across_a_border_are_military_aid(code):
    found = code("Poroshenko said Russia continues to send weapons and fighters across the border.")
    assert {(m.pattern.code, m.source.country, m.factuality) for m in found if m.pattern.code[:2] == "07"} == {
        ("072", "RUS", "reported")}


def test_easing_tensions_or_cutting_gas_are_no_sanctions_or_aid(code):
    found = code("The United States called on China to ease tensions in the South China Sea.")
    assert {m.pattern.code for m in found} == {"020"}
    found = code("Russia threatened to cut gas supplies to Ukraine.")
    assert "1311" not in {m.pattern.code for m in found} and {m.pattern.code[:2] for m in found} == {"13"}
    found = code("Washington threatened to cut military aid to Cairo.")
    assert {m.pattern.code for m in found} == {"1311"}


# -- domestic politics review ---------------------------------------------------------------------------

def test_the_charged_is_the_object_not_the_charge(code):
    found = code("Prosecutors in Peru charged former President Ollanta Humala with money laundering and corruption.")
    assert {(m.pattern.code, m.target.code) for m in found} == {("1121", "PERELI")}


def test_an_acquittal_or_bail_frees_the_accused(code):
    found = code("A court in Nairobi acquitted the opposition politician of hate speech charges.")
    assert {m.pattern.code for m in found} == {"0841"}
    found = code("The High Court granted bail to the jailed opposition leader on Thursday.")
    assert {m.pattern.code for m in found} == {"0841"}


def test_police_and_prosecutors_open_criminal_investigations(code):
    found = code("Brazilian police opened an investigation into the governor over public contracts.")
    assert {m.pattern.code for m in found} == {"091"}
    # a parliament's inquiry stays unspecified
    found = code("Parliament opened an inquiry into the handling of the pandemic.")
    assert "091" not in codes(found)


def test_welcomed_figures_are_no_visit(code):
    assert not code("Investors welcomed the strong employment data released on Friday.")


def test_weather_that_kills_is_no_assault(code):
    assert not code("Heavy rains lashed the coastal province, killing at least 12 people.")


# -- diplomatic news review -----------------------------------------------------------------------------

def test_a_threatened_nuclear_strike_is_force_not_a_labour_strike(code):
    found = by_trigger(code("Pyongyang threatened a nuclear strike against the United States."), "threatened")
    assert codes(found) == {"1385"}
    found = by_trigger(code("Tehran threatened a military strike on the tanker."), "threatened")
    assert found and "133" not in codes(found) and {c[:3] for c in codes(found)} <= {"138"}
    # workers' strikes stay dissent
    assert codes(by_trigger(code("Dock workers threatened a nationwide strike over pay."), "threatened")) == {"133"}


def test_giving_a_party_hours_or_days_to_act_is_an_ultimatum(code):
    found = code("Kiev gave the separatists 48 hours to lay down their weapons.")
    assert {m.pattern.code for m in found} == {"139"}
    found = code("Riyadh gave Doha ten days to meet the demands.")
    assert {(m.pattern.code, m.source.country, m.target.country) for m in found} == {("139", "SAU", "QAT")}


def test_hours_to_leave_are_an_expulsion_not_an_ultimatum(code):
    # the deadline of an expulsion threatens nothing more: the expulsion is the event
    found = code("Washington declared 35 Russian diplomats persona non grata and gave them 72 hours to leave the country.")
    assert {m.pattern.code for m in found} == {"161"}


def test_phone_talks_are_a_telephone_consultation(code):
    found = code("The Egyptian foreign minister held phone talks with his Jordanian counterpart on Sunday.")
    assert {(m.pattern.code, m.source.country, m.target.country) for m in found} == {("041", "EGY", "JOR")}


def test_lodging_representations_is_an_official_complaint(code):
    found = code("Beijing lodged stern representations with Tokyo over the shrine visit.")
    assert {(m.pattern.code, m.target.country) for m in found} == {("114", "JPN")}


def test_lifting_a_ban_on_imports_eases_economic_sanctions(code):
    found = code("Russia lifted its ban on imports of Turkish fruit and vegetables.")
    assert codes(found) == {"085"}
    found = code("Moscow said it would lift the ban on imports of Turkish tomatoes.")
    assert "0354" in codes(found) and "0351" not in codes(found)
    # a curfew or a ban on the movement of people stays administrative
    assert codes(code("Israel lifted the ban on the movement of Palestinians in Hebron.")) == {"081"}


def test_deepening_military_or_energy_cooperation_is_material_cooperation(code):
    assert codes(code("China deepened military cooperation with Pakistan.")) == {"062"}
    assert codes(code("China strengthened energy cooperation with Russia.")) == {"061"}
    assert codes(code("China strengthened ties with Pakistan.")) == {"050"}
    found = by_trigger(code("Beijing said it was ready to deepen military cooperation with Islamabad."), "deepen")
    assert codes(found) == {"0312"}


def test_urging_parties_to_accept_mediation_is_an_appeal_for_mediation(code):
    found = by_trigger(code("Kenya urged Somalia's warring factions to accept mediation by IGAD."), "urged")
    assert codes(found) == {"028"}
    # agreeing to it stays an intent, never an offer to mediate (039)
    found = by_trigger(code("Sudan agreed to accept Ethiopian mediation."), "agreed")
    assert found and "039" not in codes(found)


def test_retaliating_against_sanctions_is_no_use_of_force(code):
    found = by_trigger(code("Moscow said it would retaliate against any new US sanctions."), "retaliate")
    assert found and {c[:2] for c in codes(found)} == {"13"} and not codes(found) & {"138", "1384"}


def test_a_proposal_met_with_criticism_is_no_meeting(code):
    found = code("The proposal was met with criticism from Moscow.")
    assert "040" not in codes(found)

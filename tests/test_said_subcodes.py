"""Sub-codes of appeals, intents, demands, rejections, threats and protests read from what is asked,
promised, demanded, refused or threatened (the act or noun in the complement), on wire-style
sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import codes

# (sentence, expected CAMEO code among the sentence's events)
SAID_SUBCODES = [
    ('The foreign minister urged Armenia and Azerbaijan to agree to a ceasefire in the disputed region.', "0256"),
    ('The Pope called on the warring parties to observe a truce over the holidays.', "0256"),
    ('The African Union appealed to the army to pull back its troops from the border town.', "0256"),
    ('Washington urged Islamabad to withdraw its forces from the frontier.', "0256"),
    ('The United Nations called for an immediate ceasefire in the besieged city.', "0256"),
    ('The envoy urged both sides to end the fighting around the airport.', "0256"),
    ('Qatar urged the rebels to lay down their arms.', "0256"),
    ('The mediators called on the militia to accept a truce.', "0256"),
    ('The council urged the government to lift the curfew in the capital.', "0251"),
    ('The rights group urged Tehran to free the detained journalists.', "0253"),
    ('Britain called on Moscow to release the jailed activist.', "0253"),
    ("Exporters urged Washington to ease sanctions on the country's banks.", "0254"),
    ('The opposition urged the president to step down.', "0241"),
    ('Activists called on the government to grant women the right to vote.', "0243"),
    ('The envoy urged the two leaders to hold talks in Geneva.', "026"),
    ('The minister urged Kenya to send troops to protect civilians in the region.', "0234"),
    ('The prime minister appealed to donors for economic aid after the floods.', "0231"),
    ('Kyiv appealed to its allies for more weapons and ammunition.', "0232"),
    ('The governor appealed for food and medicine for the flood victims.', "0233"),
    ('The government appealed for international peacekeepers to protect the refugee camps.', "0234"),
    ('Lebanon called for economic assistance to rebuild the port.', "0231"),
    ('The rebels agreed to a ceasefire on Monday.', "0356"),
    ('The army pledged to withdraw its troops from the disputed valley.', "0356"),
    ('The government promised to lift the curfew next week.', "0351"),
    ('The junta promised to release the political prisoners.', "0353"),
    ('The ministry pledged to ease the trade embargo on the island.', "0354"),
    ('The president promised to hold free elections next year.', "0344"),
    ('Japan pledged to provide economic aid to the Philippines.', "0331"),
    ('Germany offered to send air defence systems to Kyiv.', "0332"),
    ('The government agreed to allow UN inspectors into the plant.', "0355"),
    ('China demanded that Japan cooperate economically with its neighbours.', "1011"),
    ('Seoul demanded closer economic cooperation from Tokyo.', "1011"),
    ('Poland demanded that NATO cooperate militarily on its eastern flank.', "1012"),
    ('The prosecutor demanded that Belgium extradite the suspect.', "1013"),
    ('The militia demanded that the army withdraw its troops from the city.', "1056"),
    ('The rebels demanded an immediate ceasefire.', "1056"),
    ('The students demanded freedom of speech and assembly.', "1043"),
    ('Protesters demanded that the government lift the curfew.', "1051"),
    ('The kidnappers demanded the release of their comrades.', "1053"),
    ('Kyiv demanded more weapons from its Western allies.', "1032"),
    ('The mayor demanded food aid for the displaced families.', "1033"),
    ('The opposition demanded that the president hold talks with the rebels.', "106"),
    ('The opposition demanded a new constitution.', "1044"),
    ('The government rejected a proposal to hold talks with the rebels.', "125"),
    ('The rebels rejected an offer of negotiations with the army.', "125"),
    ('Hanoi rejected an offer of mediation from Beijing.', "126"),
    ('The militia rejected the peace plan put forward by the envoy.', "127"),
    ('The government rejected the peace agreement signed in Nairobi.', "127"),
    ('The militants rejected calls for a ceasefire.', "1246"),
    ('The army refused to withdraw its troops from the border area.', "1246"),
    ('The president refused to step down.', "1231"),
    ('The government refused to lift the state of emergency.', "1241"),
    ('The junta refused to release the detained opposition leader.', "1243"),
    ('Washington refused to ease sanctions on Caracas.', "1244"),
    ('The regime refused to allow UN monitors into the country.', "1245"),
    ('The IMF rejected calls for economic aid to the country.', "1221"),
    ('The United States refused to commit to any direct military assistance.', "1222"),
    ("Berlin rejected Kyiv's request for more tanks.", "1222"),
    ('Washington refused to provide fighter jets to Kyiv.', "1222"),
    ('The government rejected appeals for humanitarian aid for the rebel-held region.', "1223"),
    ('The government refused to send food aid to the rebel areas.', "1223"),
    ('The council rejected a request for peacekeepers to protect the camps.', "1224"),
    ('The European Union rejected a request for a loan from Athens.', "1221"),
    ('The bank refused to provide further loans to the government.', "1221"),
    ('Paris rejected demands for the release of the detained journalist.', "1243"),
    ('The government rejected demands for the resignation of the minister.', "1231"),
    ('The government rejected calls for political reform.', "1232"),
    ('North Korea threatened to attack the United States with nuclear weapons.', "1385"),
    ('Iran threatened to use chemical weapons against its enemies.', "1385"),
    ('The group threatened to kidnap foreign aid workers.', "1383"),
    ('The army threatened to launch an offensive on the rebel city.', "1384"),
    ('Moscow threatened to shell Ukrainian positions near the river.', "1384"),
    ("The navy threatened to blockade the island's ports.", "1381"),
    ('Turkey threatened to occupy the border town.', "1382"),
    ('Washington threatened to impose sanctions on the refinery.', "1312"),
    ('The donors threatened to cut aid to the government.', "1311"),
    ('Ankara threatened to recall its ambassador from Vienna.', "1313"),
    ('The army threatened to impose a curfew in the city.', "1323"),
    ('The president threatened to declare martial law.', "1324"),
    ('The government threatened to ban the opposition party.', "1322"),
    ('The rebels threatened to walk out of the peace talks.', "134"),
    ("Thousands of people demonstrated in the capital demanding the president's resignation.", "1411"),
    ('Students marched through the city demanding political reforms.', "1412"),
    ('Thousands marched in Minsk demanding free and fair elections.', "1414"),
    ('Women marched in Kabul demanding the right to work.', "1413"),
    ('Activists staged a rally calling for freedom of the press.', "1413"),
    ('Hundreds demonstrated outside the ministry demanding the repeal of the new tax law.', "1412"),
    ('Protesters rallied in the capital demanding a new constitution.', "1414"),
    ('Prisoners went on hunger strike demanding the resignation of the prison governor.', "1421"),
    ('The detained activist began a hunger strike to demand the right to a fair trial.', "1423"),
    ('Inmates staged a hunger strike calling for an end to the new detention policy.', "1422"),
    ('The dissident launched a hunger strike demanding democratic reforms.', "1424"),
    ('Teachers went on strike demanding the resignation of the education minister.', "1431"),
    ('Dockworkers staged a strike demanding the repeal of the labour law.', "1432"),
    ('Workers went on strike demanding the right to form unions.', "1433"),
    ('The opposition boycotted parliament demanding a new electoral system.', "1434"),
    ('Miners went on strike to demand the ouster of the prime minister.', "1431"),
    ('Truckers blocked the main highway demanding the resignation of the governor.', "1441"),
    ('Farmers blockaded roads to demand a change in the subsidy policy.', "1442"),
    ('Protesters blocked the bridge demanding the right to vote.', "1443"),
    ('Activists blocked the entrance to parliament calling for constitutional reform.', "1444"),
    ('Villagers blockaded the highway demanding the removal of the district chief.', "1441"),
    ('Rioters torched cars demanding the resignation of the president.', "1451"),
    ('Protesters rioted in the capital demanding the ouster of the prime minister.', "1451"),
    ('Youths rioted in the suburbs demanding the repeal of the new policing law.', "1452"),
    ('Demonstrators clashed with police demanding the right to protest.', "1453"),
    ('Rioters set fire to government buildings demanding a new constitution.', "1454"),
    ('Protesters stormed the parliament demanding the dissolution of the government.', "1454"),
    ('Thousands rallied in Barcelona calling for a referendum on independence.', "1414"),
    ('Protesters marched on the palace demanding the release of political prisoners.', "141"),
    ('The government urged the protesters to end their demonstrations.', "0252"),
    ('The protesters refused to end their sit-in.', "1242"),
    ('The rebels vowed to attack the capital.', "1384"),
]


@pytest.mark.parametrize("sentence,expected", SAID_SUBCODES)
def test_said_act_takes_the_subcode_of_its_complement(code, sentence, expected):
    assert expected in codes(code(sentence)), sentence


# an intent in the complement stands for its act: "agree to a ceasefire" is de-escalation
def test_appeal_to_agree_to_a_ceasefire_is_0256(code):
    found = code("The foreign minister urged Armenia and Azerbaijan to agree to a ceasefire in the disputed region.")
    assert "0256" in codes(found) and "020" not in codes(found)


# a proposal noun names no act: what is proposed tells the rejection
def test_rejected_proposal_to_hold_talks_is_125(code):
    assert codes(code("The government rejected a proposal to hold talks with the rebels.")) == {"125"}


# an offer made on the side is not what an appeal asks for
def test_offer_beside_an_appeal_is_not_its_content(code):
    found = code("The minister called for Britain to stay in the single market while offering concessions on the deal.")
    assert "025" not in codes(found)


# "electoral system" is no weapon system
def test_electoral_system_is_institutional_change(code):
    found = code("The opposition boycotted parliament demanding a new electoral system.")
    assert "1032" not in codes(found)

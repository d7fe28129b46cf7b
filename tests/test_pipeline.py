"""The pipeline's own steps: the article's setting given to generic actors, history dropped."""

from __future__ import annotations

from newsevents.records import Document

ARTICLE = (
    "NAIROBI, Kenya - Thousands of opposition supporters marched through Nairobi on Monday to demand "
    "electoral reforms, a week after disputed elections in Kenya.\n\n"
    "Police arrested twelve protesters and fired tear gas near the offices of the electoral commission, "
    "witnesses said."
)


def test_generic_actors_take_the_country_the_article_is_set_in(pipeline):
    p = pipeline.process_one(Document(doc_id="ke", text=ARTICLE, date="2017-11-06"))
    arrests = [e for e in p.events if e.root == "17" and e.trigger.text == "arrested"]
    assert arrests and arrests[0].source.country == "KEN"
    assert "document:" in arrests[0].source.resolved_by


def test_history_recalled_in_an_article_is_not_coded(pipeline):
    text = ("Rwanda and France restored diplomatic ties on Tuesday. The two countries broke off relations "
            "in 2006 after a French judge accused Rwandan officials of shooting down a plane in 1994.")
    p = pipeline.process_one(Document(doc_id="rw", text=text, date="2009-11-30"))
    assert not any(e.date and e.date < "2007" for e in p.events)


def test_a_person_named_in_passing_is_remembered_for_later_bare_mentions(pipeline):
    text = ("The deals followed talks in London between the prime minister and Chinese President Xi Jinping.\n\n"
            "On Tuesday, the Queen welcomed Xi at Buckingham Palace.\n\n"
            "Xi will travel to Manchester on Friday, where he is due to visit a football club.")
    p = pipeline.process_one(Document(doc_id="xi", text=text, date="2015-10-21"))
    xi = [e for e in p.events if "Xi" in e.sentence and e.source and e.source.text in ("Xi", "he")]
    assert xi and all(e.source.country == "CHN" for e in xi)
    welcomed = [e for e in p.events if e.trigger.text == "welcomed"]
    assert welcomed and welcomed[0].target.country == "CHN"


def test_only_a_real_dateline_sets_the_article(pipeline):
    # a country opening the first sentence is its subject, not a dateline
    text = ("The United States is sending a team of specialists to Nigeria to help find the abducted schoolgirls.\n\n"
            "Gunmen abducted eight more girls from a village in the same region overnight on Sunday, police said.")
    p = pipeline.process_one(Document(doc_id="ng", text=text, date="2014-05-07"))
    abducted = [e for e in p.events if e.trigger.text == "abducted"]
    assert abducted and (abducted[0].source is None or abducted[0].source.country != "USA")
    text = ("KANO, Nigeria - The army said on Monday that it was searching the forest.\n\n"
            "Gunmen abducted eight girls from a village overnight on Sunday, police said.")
    p = pipeline.process_one(Document(doc_id="ng2", text=text, date="2014-05-07"))
    abducted = [e for e in p.events if e.trigger.text == "abducted"]
    assert abducted and abducted[0].source.country == "NGA" and "document:" in abducted[0].source.resolved_by


def test_setting_is_the_place_marked_as_the_dateline():
    from newsevents.pipeline import document_country
    from newsevents.records import PlaceMention

    cairo = PlaceMention("CAIRO", 0, 5, name="Cairo", country="EGY", feature_class="city", dateline=True)
    french = [PlaceMention(t, 20 + 10 * i, 26 + 10 * i, name=t, country="FRA", feature_class="city")
              for i, t in enumerate(("Paris", "Lyon", "Nice", "Lille"))]
    # the dateline sets the article even where most of its places lie elsewhere
    assert document_country([cairo, *french]) == ("EGY", "Cairo")
    # without the mark the same first place is only one place among others: most are in France
    cairo.dateline = False
    assert document_country([cairo, *french]) == ("FRA", "Paris")


def test_pipeline_sets_the_article_from_its_dateline(pipeline):
    from newsevents.pipeline import document_country

    text = ("ACCRA, Ghana (AP) - Delegates from France, Germany and Italy met French and German "
            "officials in Paris and Berlin before flying on to Rome.\n\n"
            "Police detained four protesters outside the venue, witnesses said.")
    p = pipeline.process_one(Document(doc_id="gh", text=text, date="2016-03-01"))
    assert [m.text for m in p.places if m.dateline] == ["ACCRA"]
    assert document_country(p.places) == ("GHA", "Accra")
    detained = [e for e in p.events if e.trigger.text == "detained"]
    assert detained and detained[0].source.country == "GHA"


def test_a_country_name_read_as_a_state_by_place_resolution_is_that_states_country(pipeline):
    # "Georgia" in an article set in Atlanta is the US state; in one set in Tbilisi the country
    from newsevents.records import Document

    us = pipeline.process_one(Document(doc_id="ga", text=(
        "ATLANTA (AP) - The Georgia Senate rejected the governor's budget plan on Tuesday. "
        "Lawmakers in Atlanta said the vote was close.")))
    assert {e.source.country for e in us.events if e.source is not None} == {"USA"}
    geo = pipeline.process_one(Document(doc_id="ge", text=(
        "TBILISI (Reuters) - Georgia accused Russia of moving border markers on Tuesday.")))
    assert [(e.source.country, e.target.country) for e in geo.events] == [("GEO", "RUS")]
    # an article naming both: the country where the sentence names other countries, the state
    # where the mention reads as one ("Senator ... of Georgia")
    both = pipeline.process_one(Document(doc_id="both", text=(
        "WASHINGTON (AP) - Russia accused Georgia of provoking the war. Senator Saxby Chambliss "
        "of Georgia said the United States must help Georgia.")))
    dyads = {(e.source.country, e.target.country if e.target else None) for e in both.events}
    assert ("RUS", "GEO") in dyads and not {d for d in dyads if d[0] == "GEO"}


def test_a_town_the_actor_tables_lack_takes_the_country_place_resolution_gives_it(pipeline):
    p = pipeline.process_one(Document(doc_id="wv", text="Charleston police arrested two men on Tuesday."))
    found = [e.source for e in p.events if e.source is not None and e.source.sector == "COP"]
    assert found and found[0].country == "USA" and "places:gazetteer" in found[0].resolved_by


def test_an_unnamed_state_agent_in_any_act_is_of_the_country_the_article_is_set_in():
    from newsevents.pipeline import Pipeline
    from newsevents.records import Document

    result = Pipeline().process_one(Document(doc_id="ken", text=(
        "NAIROBI (Reuters) - The government banned the protest planned for Tuesday.")))
    (ban,) = [e for e in result.events if e.cameo.startswith("17")]
    assert ban.source.code == "KENGOV" and "document:Nairobi" in ban.source.resolved_by


def test_fire_from_a_place_places_the_firers_and_an_embassy_stands_in_its_host_country():
    from newsevents.pipeline import Pipeline
    from newsevents.records import Document

    pipeline = Pipeline()
    (fire,) = pipeline.process_one(Document(doc_id="g", text="Militants fired rockets into southern Israel from Gaza.")).events
    assert (fire.source.code, fire.cameo, fire.target.country) == ("PSEREB", "194", "ISR")
    (burn,) = pipeline.process_one(Document(doc_id="b", text=(
        "Protesters burned an American flag outside the US embassy in Baghdad."))).events
    assert burn.source.code == "IRQCVL"


def test_lead_sentence_sets_an_article_naming_one_place_elsewhere(pipeline):
    # one place name late in the article ("Ecuador") does not set it: its lead names Peru only
    text = ("Peruvian police arrested a union leader in a raid on Tuesday, his lawyer said. "
            "The interior minister said the leader had organised illegal roadblocks. "
            "Ecuador denied any link to the protests.")
    p = pipeline.process_one(Document(doc_id="pe", text=text, date="2016-03-01"))
    said = [e for e in p.events if e.source is not None and e.source.text == "The interior minister"]
    assert said and said[0].source.country == "PER"


def test_a_capitals_name_as_a_place_follows_the_place_resolution(pipeline):
    # "Tripoli" is Libya's capital in the tables; in a Lebanese story the place resolution reads
    # Lebanon's Tripoli, and the gunmen there are Lebanese
    text = "Lebanese troops clashed with gunmen in the northern city of Tripoli on Sunday, the Lebanese army said."
    events = pipeline.process_one(Document(doc_id="tripoli", text=text, date="2014-10-26")).events
    assert {(e.source.country, e.target.country) for e in events if e.cameo.startswith("19")} == {("LBN", "LBN")}
    # where the capital acts, it is still the state whose seat it is
    events = pipeline.process_one(Document(doc_id="tripoli2", text="Tripoli rejected the UN plan.", date="2014-10-26")).events
    assert [e.source.code for e in events] == ["LBYGOV"]


def test_the_north_and_the_south_of_a_divided_country_once_both_are_named(pipeline):
    text = ("South Korea proposed military talks with North Korea on Monday. "
            "Seoul urged the North to respond by Friday.")
    events = pipeline.process_one(Document(doc_id="korea", text=text, date="2017-07-17")).events
    assert ("KOR", "PRK") in {(e.source.country, e.target.country) for e in events
                              if "urged" in e.sentence and e.source and e.target}
    # with only one half named (or none), "the North" is no state
    events = pipeline.process_one(Document(doc_id="us", text="Texas Governor Rick Perry criticised the North.",
                                           date="2017-07-17")).events
    assert all(e.target is None or e.target.country != "PRK" for e in events)

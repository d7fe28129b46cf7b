"""Armed groups and conflict places (groups.tsv, places.tsv) and a country name that changed hands
(countries.tsv: "Congo"), on sentences written for these tests.

Each case resolves one phrase and checks its CAMEO code (country + agent); the near misses check
that a name takes nothing beyond what it is for.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("sentence", "head_text", "date", "code"), [
    # Central African militias and the Chadian rebels of the FACT are their country's rebels
    ("Anti-balaka militiamen burned a mosque in the town.", "militiamen", None, "CAFREB"),
    ("Former Seleka fighters signed the accord in Khartoum.", "fighters", None, "CAFREB"),
    ("The Front for Change and Concord in Chad rejected the offer.", "Front", None, "TCDREB"),
    # Sahel, Congo, Mozambique, Cameroon, Myanmar and Philippine groups
    ("Ansaroul Islam claimed the ambush.", "Islam", None, "BFAREB"),
    ("CODECO militiamen attacked a displacement camp.", "militiamen", None, "CODREB"),
    ("The FDLR fighters crossed the border.", "fighters", None, "RWAREB"),
    ("Ambazonia Defence Forces fighters kidnapped a teacher.", "fighters", None, "CMRREB"),
    ("BIFF gunmen set off bombs along the road in Maguindanao.", "gunmen", None, "PHLREB"),
    ("The Ta'ang National Liberation Army seized the town.", "Army", None, "MMRREB"),
    # a conflict place in the article lets a short acronym name its group
    ("The ELN freed six hostages in Arauca.", "ELN", None, "COLREB"),
    # "Congo" is DR Congo since Zaire took the name in May 1997, the Republic of the Congo before
    ("Congo's army shelled rebel positions.", "army", "2021-12-01", "CODMIL"),
    ("Congo's army shelled rebel positions.", "army", "1990-06-01", "COGMIL"),
])
def test_armed_groups_and_places(actor_at, sentence, head_text, date, code):
    actor = actor_at(sentence, head_text, date)
    assert actor is not None and actor.code == code


def test_republic_of_congo_keeps_its_long_name(actor_at):
    actor = actor_at("The Republic of Congo's army shelled rebel positions.", "army", "2021-12-01")
    assert actor is not None and actor.code == "COGMIL"


def test_places_that_are_also_names_are_left_out(actor_at):
    # Guerrero, Samar and Cali are surnames and given names as well as places: no country
    actor = actor_at("Guerrero said the talks would go on.", "Guerrero", None)
    assert actor is None or actor.country != "MEX"

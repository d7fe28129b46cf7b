"""What is said about an act: the CAMEO code for appealing for it, announcing it, demanding it,
refusing it or threatening it.

CAMEO gives the verbal roots a parallel structure: "appeal for economic aid" (0231), "express
intent to provide economic aid" (0331), "demand economic aid" (1031) and "reject request for
economic aid" (1221) all name the act "provide economic aid" (071). ``said_code(family, act)``
reads that structure: ``said_code("02", "071") == "0231"``. Hostile acts have threats instead
(``said_code("13", "1723") == "1323"``, threaten to impose a curfew).

The table below is the CAMEO 1.1b3 codebook's correspondence, written out by us; the longest
matching act prefix wins, so "0813" (ease curfew) falls under "081" (ease administrative
sanctions).
"""

from __future__ import annotations

APPEAL, INTENT, DEMAND, REFUSAL, THREAT = "02", "03", "10", "12", "13"

# act code prefix -> (appeal, intent, demand, refusal)
_COOPERATIVE: dict[str, tuple[str, str, str, str]] = {
    "04": ("026", "036", "106", "125"),    # meet, visit, negotiate
    "045": ("028", "039", "108", "126"),   # mediate
    "05": ("022", "032", "102", "120"),    # diplomatic cooperation
    "057": ("027", "037", "107", "127"),   # sign an agreement, settle the dispute
    "06": ("021", "031", "101", "121"),    # material cooperation
    "061": ("0211", "0311", "1011", "1211"),
    "062": ("0212", "0312", "1012", "1212"),
    "063": ("0213", "0313", "1013", "1213"),
    "064": ("0214", "0314", "1014", "1214"),
    "07": ("023", "033", "103", "122"),    # material aid
    "071": ("0231", "0331", "1031", "1221"),
    "072": ("0232", "0332", "1032", "1222"),
    "073": ("0233", "0333", "1033", "1223"),
    "074": ("0234", "0334", "1034", "1224"),
    "075": ("023", "033", "103", "122"),   # asylum
    "08": ("025", "035", "105", "124"),    # yield
    "081": ("0251", "0351", "1051", "1241"),
    "082": ("0252", "0352", "1052", "1242"),
    "083": ("024", "034", "104", "123"),   # political reform
    "0831": ("0241", "0341", "1041", "1231"),
    "0832": ("0242", "0342", "1042", "1232"),
    "0833": ("0243", "0343", "1043", "1233"),
    "0834": ("0244", "0344", "1044", "1234"),
    "084": ("0253", "0353", "1053", "1243"),
    "085": ("0254", "0354", "1054", "1244"),
    "086": ("0255", "0355", "1055", "1245"),
    "087": ("0256", "0356", "1056", "1246"),
}
# hostile act code prefix -> threat
_HOSTILE: dict[str, str] = {
    "14": "133",
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "18": "1383",
    "19": "1384", "191": "1381", "192": "1382",
    "20": "1385",
}
_FAMILY_INDEX = {APPEAL: 0, INTENT: 1, DEMAND: 2, REFUSAL: 3}


def _longest(table: dict, act: str):
    for n in range(len(act), 1, -1):
        if act[:n] in table:
            return table[act[:n]]
    return None


def said_code(family: str, act: str) -> str | None:
    """The code of an appeal (02), intent (03), demand (10) or refusal (12) concerning the
    cooperative act ``act``, or of a threat (13) of the hostile act ``act``; None when CAMEO has
    no such code (a threat to cooperate, an appeal to attack)."""
    if family == THREAT:
        return _longest(_HOSTILE, act)
    row = _longest(_COOPERATIVE, act)
    return row[_FAMILY_INDEX[family]] if row is not None and family in _FAMILY_INDEX else None


def is_hostile(act: str) -> bool:
    return _longest(_HOSTILE, act) is not None


def act_of(said: str) -> str | None:
    """The act a specific appeal, intent, demand or refusal code is about, the inverse of
    ``said_code``: ``act_of("0356") == "087"`` (a ceasefire agreed to is de-escalation), so that
    "urged Armenia and Azerbaijan to agree to a ceasefire" is 0256 and not a bare 020."""
    for act, row in _COOPERATIVE.items():
        if said in row:
            return act
    return None


# What a noun asked for, offered, demanded or refused names: (head class, modifier class or None,
# act code), first fitting row wins; the classes are in data/patterns/classes.yaml (the coder's
# ``_named_act`` finds the noun). "rejected calls for
# economic aid" is 1221 (aid + economic), "demanding the president's resignation" 1041, "calling
# for independence" 0244, "a request for more tanks" 1222.
NAMED_ACTS: tuple[tuple[str, str | None, str], ...] = (
    ("weapon", "wmd", "204"),            # "threatened to attack ... with nuclear weapons": 1385
    ("aid", "military_kind", "072"),
    ("aid", "humanitarian_kind", "073"),
    ("aid", "economic_kind", "071"),
    ("institution", "political_kind", "0834"),  # "demanding a new electoral system" (not a weapon "system")
    ("money", None, "071"),
    ("weapon", None, "072"),
    ("relief_goods", None, "073"),
    ("peacekeeping", None, "074"),
    ("aid", None, "07"),
    ("cooperation_noun", "economic_field", "061"),
    ("cooperation_noun", "military_kind", "062"),
    ("cooperation_noun", "judicial_kind", "063"),
    ("deescalation", None, "087"),
    ("mediation_noun", None, "045"),
    ("talks", None, "04"),
    ("release_noun", None, "084"),
    ("leadership_change", None, "0831"),
    ("policy_change", None, "0832"),
    ("rights", None, "0833"),
    ("regime_change", None, "0834"),
    ("reform", "political_kind", "0834"),   # "demanding democratic reforms": institutions (1044)
    ("reform_noun", "policy_kind", "0832"),  # "to demand political reforms": policy change (ICEWS 1412),
                                             # not "political changes" (104)
    ("reform", None, "083"),
)

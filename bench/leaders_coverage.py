"""Coverage of the bundled leaders table (src/newsevents/data/actors/leaders.tsv) for UN member states.

For each of the 193 UN member states and each office group -- head of state or government
(HOS or HOG), foreign minister (FM) and defence minister (DEF) -- it counts:

  any   at least one row of that office whose term overlaps the period (default 2000-2016);
  full  the rows' terms together cover the whole period (from independence where later:
        Timor-Leste 2002, Montenegro 2006, South Sudan 2011), no gap longer than --gap days
        (default 183: caretakers and month/year-only dates leave short gaps).

and lists the members missing each. Dates given as YYYY or YYYY-MM are read generously (a start
as the first day, an end as the last day of that year or month); an empty start counts as
"before the period", an empty end as "still in office".

Members with no defence minister (no armed forces, or defence left to another state or to a
police/national-security ministry) are listed in NO_DEFENCE_MINISTER and reported apart.
Periods of record in which a member had no holder of an office (no national government, a
ministry not yet created) are listed in KNOWN_VACANCIES: they do not count as gaps and are
printed on their own line.

Example:
    /work/venv/bin/python bench/leaders_coverage.py
    /work/venv/bin/python bench/leaders_coverage.py --from 2000 --to 2016 --gaps
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import sys
from pathlib import Path

# measure the code of this checkout, whatever version is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

TABLE = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "data" / "actors" / "leaders.tsv"

# The 193 member states of the United Nations (ISO 3166-1 alpha-3).
UN_MEMBERS = frozenset("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split())

# Members that came into being after 2000 (independence); full coverage is counted from that day.
# Serbia continues the Federal Republic of Yugoslavia / Serbia and Montenegro.
FIRST_DAY = {"TLS": dt.date(2002, 5, 20), "MNE": dt.date(2006, 6, 3), "SSD": dt.date(2011, 7, 9)}

# Members without a minister of defence in 2000-2016: no armed forces (defence by treaty with
# another state, or police forces only).
NO_DEFENCE_MINISTER = frozenset("""
AND BTN CRI DMA FSM GRD ISL KIR LCA LIE MCO MHL NRU PAN PLW SLB SMR TUV VCT VUT WSM
""".split())

# Known vacancies: (member, office group) -> [(first day, last day, reason)]. A gap, or the part of
# a gap, inside one of these does not count; the vacancies overlapping the period are printed apart.
_SOMALIA = (dt.date(1991, 1, 26), dt.date(2000, 8, 26),
            "no national government from the fall of Siad Barre to the Transitional National Government")
_IRAQ_CPA = (dt.date(2003, 4, 10), dt.date(2004, 6, 27),
             "occupation under the Coalition Provisional Authority, no sovereign government")
KNOWN_VACANCIES = {
    ("IRQ", "HOS/HOG"): [_IRAQ_CPA],
    # CPA Order 2 (May 2003) dissolved the defence ministry; the minister named after it was
    # re-established in spring 2004 is not listed
    ("IRQ", "DEF"): [_IRAQ_CPA],
    ("SOM", "HOS/HOG"): [_SOMALIA],
    ("SOM", "FM"): [_SOMALIA],
    ("SOM", "DEF"): [_SOMALIA],
    ("BIH", "DEF"): [(dt.date(1995, 12, 14), dt.date(2004, 2, 29),
                      "no state-level defence ministry before March 2004, entity ministries only")],
    # the army was disbanded in 1995; the defence ministry was restored in 2012 (Lamothe government)
    ("HTI", "DEF"): [(dt.date(1995, 1, 1), dt.date(2012, 5, 15),
                      "no defence ministry between the army's disbanding (1995) and its restoration (2012)")],
    # Law 612 (January 2007) left the ministry to a secretary general until a minister was named in 2014
    ("NIC", "DEF"): [(dt.date(2007, 1, 10), dt.date(2014, 2, 28),
                      "no defence minister: the ministry was run by a secretary general (Law 612 of 2007)")],
    # Sebhat Ephrem moved to the energy and mines ministry in 2014 and no defence minister was named
    # after him (reported as vacant by eritreahub.org; the last row of leaders.tsv ends in 2014)
    # the cabinet al-Thinni formed in September 2014 (approved on the 22nd) named no defence minister
    # (Reuters, Xinhua); the Government of National Accord named one in 2016
    ("LBY", "DEF"): [(dt.date(2014, 9, 1), dt.date(2015, 12, 31),
                      "no defence minister in the cabinet approved in September 2014, until the GNA (2016)")],
    ("ERI", "DEF"): [(dt.date(2014, 1, 1), dt.date(2030, 12, 31),
                      "no defence minister named after Sebhat Ephrem moved to energy and mines (2014)")],
    # the government the junta named on 10 August 2005 had no defence minister, the junta leader
    # was to act as one (Al Jazeera, 10 August 2005); a minister was named again in April 2007
    ("MRT", "DEF"): [(dt.date(2005, 8, 10), dt.date(2007, 4, 27),
                      "no defence minister in the transitional government of August 2005 (junta leader acting)")],
    # Paolo Conteh moved to internal affairs in the reshuffle of 13 March 2016 and got defence back
    # on 4 December 2017; the portfolio was reported vacant in between (Daily Nation, December 2017)
    ("SLE", "DEF"): [(dt.date(2016, 3, 14), dt.date(2017, 12, 3),
                      "defence portfolio left vacant between Conteh's move to internal affairs and his return")],
    # the 2015 government structure replaced the ministry by a State Committee for Defence Affairs
    # and the General Staff; the ministry was re-created in February 2021 (jebe.kg, 24.kg)
    ("KGZ", "DEF"): [(dt.date(2015, 11, 1), dt.date(2021, 1, 31),
                      "no defence ministry: State Committee for Defence Affairs and General Staff until 2021")],
}

OFFICES = {"HOS/HOG": {"HOS", "HOG"}, "FM": {"FM"}, "DEF": {"DEF"}}


def parse(field: str, *, end: bool) -> dt.date | None:
    """A start/end field (YYYY, YYYY-MM, YYYY-MM-DD) read generously; None when empty."""
    field = field.strip()
    if not field:
        return None
    parts = [int(p) for p in field.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], last if end else 1)
    return dt.date(*parts)


def read_terms(path: Path) -> dict[tuple[str, str], list[tuple[dt.date, dt.date]]]:
    """(country, office group) -> terms (start, end) from the table."""
    terms: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = {}
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        for group, offices in OFFICES.items():
            if row.get("office") in offices and row.get("country"):
                start = parse(row.get("start", ""), end=False) or dt.date.min
                end = parse(row.get("end", ""), end=True) or dt.date.max
                terms.setdefault((row["country"], group), []).append((start, end))
    return terms


def gaps(spans: list[tuple[dt.date, dt.date]], first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The stretches of [first, last] that no span covers."""
    out = []
    day = first
    for start, end in sorted(spans):
        if end < day:
            continue
        if start > last:
            break
        if start > day:
            out.append((day, start - dt.timedelta(days=1)))
        day = max(day, end + dt.timedelta(days=1)) if end < dt.date.max else dt.date.max
        if day > last:
            break
    if day <= last:
        out.append((day, last))
    return out


def subtract(holes: list[tuple[dt.date, dt.date]],
             vacancies: list[tuple[dt.date, dt.date, str]]) -> list[tuple[dt.date, dt.date]]:
    """The parts of ``holes`` outside every known vacancy."""
    out = list(holes)
    for v_start, v_end, _ in vacancies:
        rest = []
        for a, b in out:
            if b < v_start or a > v_end:
                rest.append((a, b))
                continue
            if a < v_start:
                rest.append((a, v_start - dt.timedelta(days=1)))
            if b > v_end:
                rest.append((v_end + dt.timedelta(days=1), b))
        out = rest
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--table", type=Path, default=TABLE)
    ap.add_argument("--from", dest="first", type=int, default=2000, help="first year (default 2000)")
    ap.add_argument("--to", dest="last", type=int, default=2016, help="last year (default 2016)")
    ap.add_argument("--gap", type=int, default=183, help="longest gap (days) still counted as full coverage")
    ap.add_argument("--gaps", action="store_true", help="also print the gaps of partly covered members")
    args = ap.parse_args(argv)
    assert len(UN_MEMBERS) == 193, len(UN_MEMBERS)
    period = (dt.date(args.first, 1, 1), dt.date(args.last, 12, 31))
    terms = read_terms(args.table)
    print(f"{args.table.name}: UN member states (193) covered {args.first}-{args.last}")
    for group in OFFICES:
        members = sorted(UN_MEMBERS - NO_DEFENCE_MINISTER) if group == "DEF" else sorted(UN_MEMBERS)
        any_missing, partial = [], {}
        for iso3 in members:
            spans = terms.get((iso3, group), [])
            first = max(period[0], FIRST_DAY.get(iso3, period[0]))
            if not any(s <= period[1] and e >= first for s, e in spans):
                any_missing.append(iso3)
                continue
            vacancies = KNOWN_VACANCIES.get((iso3, group), [])
            holes = [g for g in subtract(gaps(spans, first, period[1]), vacancies)
                     if (g[1] - g[0]).days + 1 > args.gap]
            if holes:
                partial[iso3] = holes
        n = len(members)
        n_any = n - len(any_missing)
        n_full = n_any - len(partial)
        extra = f" (of {n} members with a defence minister; {len(NO_DEFENCE_MINISTER)} without)" if group == "DEF" else ""
        print(f"\n{group}: any row {n_any}/{n}, full period {n_full}/{n}{extra}")
        print(f"  no row ({len(any_missing)}): {' '.join(any_missing) or '-'}")
        print(f"  gaps > {args.gap} days ({len(partial)}): {' '.join(sorted(partial)) or '-'}")
        if args.gaps:
            for iso3, holes in sorted(partial.items()):
                print(f"    {iso3}: " + ", ".join(f"{a}..{b}" for a, b in holes))
        known = [(iso3, a, b, why) for (iso3, g), spans in sorted(KNOWN_VACANCIES.items()) if g == group
                 for a, b, why in spans if a <= period[1] and b >= period[0]]
        if known:
            print(f"  known vacancies, not counted ({len(known)}): {' '.join(sorted({k[0] for k in known}))}")
            for iso3, a, b, why in known:
                print(f"    {iso3}: {max(a, period[0])}..{min(b, period[1])} {why}")
        if group == "DEF":
            have = sorted(c for c in NO_DEFENCE_MINISTER if (c, group) in terms)
            print(f"  without a defence minister: {' '.join(sorted(NO_DEFENCE_MINISTER))}"
                  + (f" (rows anyway: {' '.join(have)})" if have else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

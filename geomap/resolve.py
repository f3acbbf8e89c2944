"""Candidates + document context → places: a ranked choice for every mention.

Each candidate gets a score from what is known of it alone (population, feature class, how
well its name matched, what the wording asks for: "region", "station"...) and from the
document: the countries the text is about, the regions of its other places, how close it
lies to them, and "Town, Region" pairs. The first pass ranks each name alone; the context
it gives ranks them again, and that ranking gives the context again, a few rounds, so that
a name settled only by its neighbours settles others in turn. The same name in one document
means the same place (one sense per discourse).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .distance import EARTH_RADIUS_KM, bearing_deg, haversine_km
from .gazetteer.macro_regions import continent_members, macro_region_members
from .gazetteer.names import name_key
from .models import Candidate, Mention, Place, match_rank

CLASS_PRIOR = {
    "country": 0.55,
    "admin1": 0.3,
    "city": 0.25,
    "admin2": -0.2,
    "village": 0.0,
    "station": -0.4,
    "other": -0.4,
}
HINT_BONUS = 1.6
OUTNUMBERED_REGION_PENALTY = 0.3
VARIANT_PENALTY = 0.45
ALTERNATE_PENALTY = 0.15
CAPITAL_BONUS = 0.35
FUZZY_PENALTY = 0.9
# A respelling yields to a town that bears the name as written ("Shakopee" is not Skopje).
RESPELLING_BESIDE_EXACT_PENALTY = 1.0
# A town listed under its region's longer name yields to the region whatever else the text
# says of the town ("Rio Grande do Sul" beside "the port city of Rio Grande").
REGIONS_NAME_ON_A_TOWN_PENALTY = 3.0
_REGIONS_HEART_KM = 50.0
EXACT_TOWN_POPULATION = 10_000
# a city this big, or a capital, keeps its own name against another spelling of a smaller place
MAJOR_CITY_POPULATION = 1_000_000
# ... and a big town keeps it against another name of a hamlet
BIG_TOWN_POPULATION = 100_000
HAMLET_POPULATION = 5_000
# ... and a town a twentieth of a city's size that also bears the city's name, as another of
# its names, yields to it
SMALL_NAMESAKE_SHARE = 20
SMALL_NAMESAKE_PENALTY = 0.5
SMALL_NAMESAKE_REGION_SHARE = 0.25
COUNTRY_CONTEXT_WEIGHT = 1.5
NEIGHBOUR_CONTEXT_WEIGHT = 0.2
ADMIN1_CONTEXT_WEIGHT = 1.0
ADMIN1_UNCAST_VOTES = 2.0
# A reading of another name close by: the bonus at 0 km, and how it falls with distance.
NEAR_TOP = 0.8
NEAR_SCALE_KM = 20.0
NEAR_MAX_KM = 600.0
# The country or province the other places lie in.
HOLDS_POINTS_BONUS = 0.6
# Times the context is drawn again from the names ranked in it, before the last ranking.
CONTEXT_ROUNDS = 2
FURTHER_NEIGHBOUR_SHARE = 0.3
# What a town's size counts for, less, when the text calls the name a municipality of local
# news ("Paris police", "the Dublin City Council", "downtown Hanover").
TOWN_SIZE_DAMPING = 0.5
# Readings of a name less likely than this, against its best, are no point of the context.
READING_MIN_WEIGHT = 0.15
QUALIFIER_BONUS = 2.0
# A town that bears a country's own name yields to the country unless qualified; a village
# more so ("China" in a Houston story is not China, Texas).
COUNTRY_NAME_PENALTY = 0.8
VILLAGE_COUNTRY_NAME_PENALTY = 1.5
# A small town that bears a big state's or province's name yields to it unless qualified.
STATE_NAME_PENALTY = 0.8
STATE_NAMESAKE_POPULATION = 50_000
# Towns in a region the text names itself ("... Nebraska"), times that region's share of
# the regions named: a local paper names its own state, a sports page names many.
NAMED_REGION_BONUS = 0.5
# How sharply a name's own scores pick among its namesakes when it votes for a region.
SHARE_TEMPERATURE = 0.5
# "X south-east of Y", "X, 20 km from Y": readings of X this close to its best are picked by
# direction (within this many degrees of the stated one) and distance.
BEARING_MARGIN = 0.5
BEARING_TOLERANCE_DEG = 67.5
_COMPASS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135,
    "south": 180, "southwest": 225, "west": 270, "northwest": 315,
}  # fmt: skip
_BEARING_GAP = re.compile(
    r"(?:\s+[a-z-]+){0,3}?,?\s+(?:(?:about|some|roughly|around|just)\s+)?"
    r"(?:(?P<n>\d+)\s*(?P<unit>km|kilometres|kilometers|miles)\s+)?"
    r"(?:(?P<dir>north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"\s+of|from)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?",
    re.IGNORECASE,
)
# "Salama, near Mpeketoni", "Bucha, outside Kyiv": a place said to be near another
_NEAR_GAP = re.compile(
    r",?\s+(?:just\s+|close\s+)?(?:near|outside|close\s+to|not\s+far\s+from)\s+"
    r"(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?"
)
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier|line)\b", re.IGNORECASE)
# ... lies within this many km of it
NEAR_SAID_KM = 150.0
# ... and a town this big is believed where it is, whatever the wording says
NEAR_SAID_FAR_MIN_POPULATION = 100_000
# A place smaller than this, abroad and further than this from every one of at least this many
# other places of the text, is a stray namesake
STRAY_MAX_POPULATION = 20_000
STRAY_MIN_KM = 1_500.0
STRAY_MIN_OTHERS = 3
# Rail-section ends further apart than this are not one section.
SECTION_MAX_KM = 80.0
# ... and when only the wording "between A and B" after rail gear says it is a section
TRACK_SECTION_MAX_KM = 40.0


# Wording that makes a name a municipality of local news: "Paris police", "the Jordan City
# Council", "of rural Paris", "the city of Alexandria". Not "a Richmond man": a Texas man too.
_TOWN_AFTER = re.compile(
    r"\s+(?:police|fire\s+department|firefighters|city\s+(?:council|hall|manager|limits)|"
    r"town\s+(?:council|hall|manager)|mayor|high\s+school|middle\s+school|school\s+board|"
    r"aldermen|selectmen)\b",
    re.IGNORECASE,
)
_TOWN_BEFORE = re.compile(
    r"\b(?:(?:city|town|village|township)\s+of|rural|downtown)\s+$", re.IGNORECASE
)
_CITY_REGION = re.compile(r"\bcity\b|^city of\b|^horad\b", re.IGNORECASE)


@dataclass
class Resolution:
    """The places of one document and which place each mention resolved to."""

    places: list[Place] = field(default_factory=list)
    by_mention: dict[tuple[int, int], Place] = field(default_factory=dict)

    def place_at(self, mention: Mention) -> Place | None:
        return self.by_mention.get(mention.span)


CandidateSource = Callable[[Mention], list[Candidate]]


class Resolver:
    """Ranks candidates in context.

    Parameters
    ----------
    candidates_for : the geocoder chain, mention → candidates
    neighbours : ISO code → ISO codes of bordering countries (to complete "the Ukrainian border")
    geocoder_name : recorded in each place's ``geocoder``
    """

    def __init__(
        self,
        candidates_for: CandidateSource,
        neighbours: Callable[[str], list[str]] = lambda iso: [],
        geocoder_name: str = "offline",
    ):
        self.candidates_for = _asked_once(candidates_for)
        self.neighbours = neighbours
        self.geocoder_name = geocoder_name

    def settle_sections(self, mentions: list[Mention]) -> list[Mention]:
        """A rail section whose two ends are not two stations close together is two places:
        "a cabinet between Orsha and Krupki" names the towns when no section joins them. An
        end no geocoder knows leaves the section as it is (unplaced, asked about once)."""
        out = []
        for mention in mentions:
            if (
                mention.kind == "section"
                and all(self.candidates_for(part) for part in mention.parts)
                and self._section(mention, _Context()) is None
            ):
                out += [replace(part, kind="name", hint=None) for part in mention.parts]
            else:
                out.append(mention)
        return sorted(out, key=lambda m: (m.start, -m.end))

    def resolve(self, text: str, mentions: list[Mention]) -> Resolution:
        groups = _group(mentions)
        pools = {
            key: self.candidates_for(group[0])
            for key, group in groups.items()
            if group[0].kind not in ("section", "border")
        }
        pools = {key: pool for key, pool in pools.items() if pool}
        _join_municipal_forms(groups, pools)
        _join_short_forms(groups, pools)
        qualifiers, holders = _qualifiers(text, groups, pools)
        towns = _local_towns(text, groups)

        def rank_all(context: _Context) -> dict:
            return {
                key: _rank(
                    groups[key][0],
                    pool,
                    context.without(key),
                    qualifiers.get(key),
                    holders.get(key, ()),
                    key in towns,
                )
                for key, pool in pools.items()
            }

        # First each name alone, then the context it gives.
        context = _Context.from_rankings(rank_all(_Context()), groups, self.neighbours)
        # Then in context, a few times: a name placed only in context gives context in turn
        # ("Lebanon" is the country alone, the Indiana town beside Boone County's readings,
        # and then the Boone County beside it)
        for _ in range(CONTEXT_ROUNDS):
            context = _Context.from_rankings(rank_all(context), groups, self.neighbours)
        # Last pass: in context; then a place said to lie in a direction from another does.
        final = rank_all(context)
        _follow_bearings(final, _bearings(text, groups))
        _follow_nearness(final, _nearness(text, groups))
        _drop_strays(final)
        resolution = Resolution()
        chosen: dict[tuple, tuple[Candidate, float, list[Candidate]]] = {}
        for key, ranked in final.items():
            best, score, others = ranked[0][0], ranked[0][1], [c for c, _ in ranked[1:4]]
            chosen[key] = (best, score, others)
            place = Place(
                mention=groups[key][0],
                candidate=best,
                score=round(score, 3),
                alternatives=tuple(others),
                geocoder=self.geocoder_name if best.origin not in _ONLINE_ORIGINS else best.origin,
                mentions=tuple(m.span for m in groups[key]),
            )
            resolution.places.append(place)
            for mention in groups[key]:
                resolution.by_mention[mention.span] = place
        for group in groups.values():
            head = group[0]
            if head.kind == "section":
                place = self._section(head, context)
            elif head.kind == "border":
                place = self._border(text, head, mentions, chosen)
            else:
                continue
            if place is None:
                if head.kind == "border":
                    self._countries_alone(head, resolution)
                continue
            for mention in group:
                resolution.by_mention[mention.span] = place
            for part in place.parts:
                if head.kind == "section":
                    resolution.places.append(part)
                # "the Syrian-Turkish border" names Syria and Turkey too
                resolution.by_mention.setdefault(part.mention.span, part)
        return resolution

    def _countries_alone(self, border: Mention, resolution: Resolution) -> None:
        """ "the Syrian border" with no other side to be found still names Syria."""
        for part in border.parts:
            country = next(iter(self.candidates_for(replace(part, kind="demonym"))), None)
            if country is None:
                continue
            place = Place(part, country, 1.0, (), self.geocoder_name, (part.span,))
            resolution.places.append(place)
            resolution.by_mention.setdefault(part.span, place)

    # -- rail sections: the two stations that best match and lie close together ------------------

    def _section(self, mention: Mention, context: _Context) -> Place | None:
        ends = [self.candidates_for(part) for part in mention.parts]
        longest = SECTION_MAX_KM
        if mention.hint == "track":
            # only wording says it is a section ("cabinets between A and B"): both ends must
            # be stations by a close spelling, and neighbours
            ends = [
                [c for c in end if c.feature_class == "station" and c.similarity >= 0.85]
                for end in ends
            ]
            longest = TRACK_SECTION_MAX_KM
        if not all(ends):
            return None
        best = None
        for a in ends[0]:
            for b in ends[1]:
                if a.key == b.key:
                    continue
                km = haversine_km(a.lat, a.lon, b.lat, b.lon)
                if km > longest:
                    continue
                score = (
                    _end_score(a)
                    + _end_score(b)
                    - km / SECTION_MAX_KM
                    + COUNTRY_CONTEXT_WEIGHT
                    * (
                        context.country_share(a.country_code)
                        + context.country_share(b.country_code)
                    )
                    / 2
                )
                if best is None or score > best[0]:
                    best = (score, a, b)
        if best is None:
            return None
        score, a, b = best
        parts = tuple(
            Place(
                mention=part,
                candidate=end,
                score=round(min(1.0, end.similarity), 3),
                alternatives=tuple(c for c in pool if c.key != end.key)[:3],
                geocoder=end.origin if end.origin in _ONLINE_ORIGINS else self.geocoder_name,
                mentions=(part.span,),
            )
            for part, end, pool in zip(mention.parts, (a, b), ends, strict=True)
        )
        return stretch_between(mention, parts, round(_squash(score), 3), self.geocoder_name)

    # -- borders: the countries named, completed by the one the text is about ---------------------

    def _border(self, text: str, mention: Mention, mentions: list[Mention], chosen) -> Place | None:
        countries = self.candidates_for(mention)
        if not countries:
            return None
        if len(countries) == 1:
            other = self._other_side(countries[0].country_code, mention, mentions, chosen)
            if other is None:
                return None
            countries = [other, countries[0]]
        a, b = countries[:2]
        # With one country named, the other side was inferred and has no words of its own.
        ends = mention.parts if len(mention.parts) == 2 else (mention, mention.parts[0])
        parts = tuple(
            Place(
                mention=end,
                candidate=c,
                score=1.0,
                geocoder=self.geocoder_name,
                mentions=(end.span,),
            )
            for end, c in zip(ends, (a, b), strict=True)
        )
        codes = sorted([a.country_code or "", b.country_code or ""])
        border = Candidate(
            name=f"{a.name}–{b.name} border",
            lat=(a.lat + b.lat) / 2,
            lon=(a.lon + b.lon) / 2,
            feature_class="other",
            country_code=b.country_code,
            origin="border",
            key=f"border:{codes[0]}-{codes[1]}",
            radius_km=50.0,
        )
        return Place(mention, border, 0.9, (), self.geocoder_name, (mention.span,), parts)

    def _other_side(
        self, named: str | None, mention: Mention, mentions: list[Mention], chosen
    ) -> Candidate | None:
        """The country on the other side of "the Ukrainian border": the nearest country named
        in the text that borders it."""
        neighbours = set(self.neighbours(named or ""))
        best = None
        for other in mentions:
            key = _group_key(other)
            if key not in chosen:
                continue
            candidate = chosen[key][0]
            if candidate.feature_class != "country" or candidate.country_code not in neighbours:
                continue
            distance = abs(other.start - mention.start)
            if best is None or distance < best[0]:
                best = (distance, candidate)
        return best[1] if best else None


_ONLINE_ORIGINS = {"nominatim", "photon", "geonames-online"}


@dataclass
class _Context:
    """What the other names of the document say: their countries and regions (weighted
    counts) and their points. Each name is ranked without its own first choice, or a
    famous namesake abroad would vouch for itself ("Paris" three times is not France)."""

    countries: Counter = field(default_factory=Counter)
    admin1s: Counter = field(default_factory=Counter)
    #: (name's key, lat, lon, country, weight against the name's best reading, region)
    points: list[tuple[tuple, float, float, str | None, float, str | None]] = field(
        default_factory=list
    )
    own: dict = field(default_factory=dict)
    #: regions the text names itself ("Nebraska"), and which name named each
    named_admin1s: Counter = field(default_factory=Counter)
    own_named: dict = field(default_factory=dict)
    #: ISO code → ISO codes of the countries bordering it
    neighbours: Callable[[str], list[str]] = lambda iso: []

    @classmethod
    def from_rankings(
        cls, rankings: dict, groups: dict, neighbours: Callable[[str], list[str]] = lambda iso: []
    ) -> _Context:
        """Each name votes for the countries and regions of all its candidates, in proportion
        to how likely each is on its own: the region most names could lie in wins even when
        every one of them has a bigger namesake elsewhere."""
        context = cls(neighbours=neighbours)
        for key, ranked in rankings.items():
            weight = len(groups[key])
            countries, admin1s = Counter(), Counter()
            shares = _shares(ranked)
            for candidate, share in shares:
                if candidate.country_code:
                    countries[candidate.country_code] += (
                        weight * share * (2.0 if candidate.feature_class == "country" else 1.0)
                    )
                if candidate.admin1 and candidate.feature_class != "country":
                    admin1s[candidate.admin1] += weight * share
            # no other country votes more than the name's likeliest reading: "Manchester"
            # has a dozen small American namesakes, and together they must not outvote the
            # English city
            top, top_share = shares[0]
            cap = weight * top_share * (2.0 if top.feature_class == "country" else 1.0)
            countries = Counter(
                {
                    code: vote if code == top.country_code else min(vote, cap)
                    for code, vote in countries.items()
                }
            )
            context.countries.update(countries)
            context.admin1s.update(admin1s)
            context.own[key] = (countries, admin1s)
            best, score = ranked[0]
            if best.feature_class == "admin1" and best.match in ("exact", "alternate"):
                context.named_admin1s[best.admin1] += 1
                context.own_named[key] = best.admin1
            # every likely reading is a point, weighed against the name's best: "Henry County"
            # may be any of ten, and the one beside Paris, Tennessee is the one the text means
            readings = _shares(ranked)
            top = readings[0][1]
            for candidate, share in readings:
                if candidate.feature_class not in ("country", "admin1") and (
                    share / top >= READING_MIN_WEIGHT
                ):
                    context.points.append(
                        (
                            key,
                            candidate.lat,
                            candidate.lon,
                            candidate.country_code,
                            share / top,
                            candidate.admin1,
                        )
                    )
        return context

    def without(self, key: tuple) -> _Context:
        countries, admin1s = self.own.get(key, (Counter(), Counter()))
        named = self.named_admin1s.copy()
        if key in self.own_named:
            named[self.own_named[key]] -= 1
        return _Context(
            self.countries - countries,
            self.admin1s - admin1s,
            [point for point in self.points if point[0] != key],
            named_admin1s=+named,
            neighbours=self.neighbours,
        )

    def country_share(self, code: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries.get(code, 0) / total if total and code else 0.0

    def neighbour_share(self, code: str | None) -> float:
        """The share of the countries that border ``code``."""
        return sum(self.country_share(n) for n in self.neighbours(code)) if code else 0.0

    def admin1_share(self, code: str | None) -> float:
        # shrunk by a few votes nobody cast: one other name in a region is weak evidence
        # against a town of 60,000 ("Rechytsa" beside Luninets is not the hamlet near it)
        total = sum(self.admin1s.values()) + ADMIN1_UNCAST_VOTES
        return self.admin1s.get(code, 0) / total if code else 0.0

    def named_share(self, code: str | None) -> float:
        total = sum(self.named_admin1s.values())
        return self.named_admin1s.get(code, 0) / total if total and code else 0.0

    def has_points_in(self, country: str | None) -> bool:
        return any(code == country and weight == 1.0 for *_, code, weight, _a in self.points)

    def has_points_in_region(self, admin1: str | None) -> bool:
        return any(code == admin1 and weight == 1.0 for *_, weight, code in self.points)

    def near_bonus(self, lat: float, lon: float) -> float:
        """The bonus of the nearest reading of another name, times how likely that reading is,
        and a share of each further name's: a town among three of its neighbours is surer
        than one beside a single namesake's neighbour."""
        by_name: dict[tuple, float] = {}
        for key, la, lo, _code, weight, _admin1 in self.points:
            if weight * NEAR_TOP <= by_name.get(key, 0.0):
                continue
            if abs(la - lat) > _NEAR_MAX_DEGREES:
                continue  # further north or south than any bonus reaches
            km = haversine_km(lat, lon, la, lo)
            bonus = _near(km)
            by_name[key] = max(by_name.get(key, 0.0), bonus * weight)
        best = max(by_name.values(), default=0.0)
        return best + FURTHER_NEIGHBOUR_SHARE * (sum(by_name.values()) - best)


# A point this many degrees of latitude away is at least NEAR_MAX_KM away on the sphere.
_NEAR_MAX_DEGREES = math.degrees(NEAR_MAX_KM / EARTH_RADIUS_KM)


def _near(km: float) -> float:
    """The bonus of a reading of another name ``km`` away: it falls with the logarithm of the
    distance, so three towns within 25 km of each other are surer than three within 100 km,
    and none beyond ``NEAR_MAX_KM``."""
    scaled = math.log1p(km / NEAR_SCALE_KM) / math.log1p(NEAR_MAX_KM / NEAR_SCALE_KM)
    return NEAR_TOP * max(0.0, 1 - scaled)


def _asked_once(candidates_for: CandidateSource) -> CandidateSource:
    """The geocoder asked once per name, kind and hint: a section's end looked at again, or a
    name an online provider failed on, is not sent twice."""
    answers: dict[tuple, list[Candidate]] = {}

    def ask(mention: Mention) -> list[Candidate]:
        key = (mention.query, mention.kind, mention.hint, tuple(p.query for p in mention.parts))
        if key not in answers:
            if len(answers) >= _ASKED_MEMORY:
                answers.clear()  # a long run of many documents: start afresh
            answers[key] = candidates_for(mention)
        return answers[key]

    return ask


_ASKED_MEMORY = 50_000


def _shares(ranked: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """The candidates' scores on their own as probabilities (a softmax)."""
    top = ranked[0][1]
    weights = [(c, math.exp((score - top) / SHARE_TEMPERATURE)) for c, score in ranked]
    total = sum(w for _, w in weights)
    return [(c, w / total) for c, w in weights if w / total > 0.01]


def rank(mention: Mention, pool: list[Candidate]) -> list[tuple[Candidate, float]]:
    """Candidates of a mention on its own, best first (no document context)."""
    return _rank(mention, pool, _Context(), None)


def _rank(
    mention: Mention,
    pool: list[Candidate],
    context: _Context,
    qualifier: Candidate | None,
    holders=(),
    local_town: bool = False,
):
    """Candidates with scores, best first. ``holders``: keys of the regions that hold the town
    this name qualifies."""
    # a country's, a group of countries' or a continent's name ("Middle East", a Maryland
    # hamlet too; "Asia", a Japanese one)
    country_named = any(
        (c.feature_class == "country" or c.origin in ("macro_region", "continent"))
        and c.match == "exact"
        for c in pool
    )
    towns = [
        c
        for c in pool
        if c.feature_class in ("city", "village")
        and c.match in ("exact", "alternate")
        and c.population >= 10_000
    ]
    same_name_town = {c.admin1 for c in towns}
    biggest_town = max((c.population for c in towns), default=0)
    # "Kansas" in a story from Illinois is the state, not Kansas, Illinois (pop. 800); but
    # "Mogilev" is the town the region is named after
    state_named = any(
        c.feature_class == "admin1"
        and c.match == "exact"
        and c.population >= 1_000_000
        and c.admin1 not in same_name_town
        for c in pool
    )
    region_as_written = [c for c in pool if c.match == "exact" and c.feature_class == "admin1"]
    exact_town = any(
        c.match == "exact"
        and c.feature_class in ("city", "village")
        and c.population >= EXACT_TOWN_POPULATION
        for c in pool
    )
    # a country's name as written, in English or another language ("Polonia" is Poland in
    # Italian, not a respelling of Polonne)
    country_as_written = any(
        c.feature_class == "country" and c.match in ("exact", "alternate") for c in pool
    )
    exact_major = any(
        c.match == "exact"
        and c.feature_class == "city"
        and (c.capital or c.population >= MAJOR_CITY_POPULATION)
        for c in pool
    )
    # the countries of the big towns that bear the name as written
    big_exact = {
        c.country_code
        for c in pool
        if c.match == "exact" and c.feature_class == "city" and c.population >= BIG_TOWN_POPULATION
    }
    # the biggest town that bears the name, as its own or another of its names
    biggest = max(
        (
            c.population
            for c in pool
            if c.match in ("exact", "alternate") and c.feature_class == "city"
        ),
        default=0,
    )
    scored = []
    for candidate in pool:
        score = _prior(candidate)
        if (
            biggest >= BIG_TOWN_POPULATION
            and candidate.match == "alternate"
            and candidate.feature_class in ("city", "village")
            and candidate.population * SMALL_NAMESAKE_SHARE < biggest
            # (unless the text's places lie in its region: "Hillsboro" in a story from
            # New Hampshire, or it names it)
            and not context.named_share(candidate.admin1)
            and context.admin1_share(candidate.admin1) < SMALL_NAMESAKE_REGION_SHARE
            and not qualifier
        ):
            # "Mykolaiv" (also a name of Mykolaivka, a town of 14,000 near Lysychansk) is the
            # city of 470,000 even in a report from the Donbas: a small town's other name
            # gives way to a city's
            score -= SMALL_NAMESAKE_PENALTY
        if mention.hint and candidate.feature_class == mention.hint:
            score += HINT_BONUS
        elif mention.hint == "admin1" and candidate.feature_class == "admin2":
            score += HINT_BONUS / 3
        elif (
            mention.kind == "name"
            and candidate.feature_class == "admin1"
            and _holds_town(
                candidate,
                # (not a town whose own name is only the start of the one written: "Rio
                # Grande do Sul" is the state, though GeoNames lists it among the names of
                # the port of Rio Grande)
                [t for t in towns if not _starts_name(t.name, mention.query)],
            )
        ):
            score -= 0.6  # "Mogilev" alone is the town, not the region named after it
        if (
            candidate.feature_class == "admin1"
            and 0 < candidate.population < biggest_town
            and mention.hint != "admin1"
        ):
            # "Aid reached Gaza": a city bigger than the whole province of the same name
            # (Gaza, Mozambique) is the one the news means
            score -= OUTNUMBERED_REGION_PENALTY
        if mention.kind in ("region", "direction") and _CITY_REGION.search(candidate.name):
            score -= 0.8  # "the Minsk region" is the voblast around the capital, not the capital

        if candidate.match == "alternate" and not mention.respelt:
            # (a respelt word is no entry's own name: "nikolayev" is Mykolaiv's Russian one)
            score -= ALTERNATE_PENALTY
            if (
                candidate.feature_class in ("city", "village")
                and region_as_written
                and _starts_name(candidate.name, mention.query)
            ):
                # "Rio Grande do Sul" is the state, its own name, though GeoNames lists it
                # among the port of Rio Grande's: a town does not take its region's longer
                # name, not even where the text names the port as well (a town that is its
                # region's heart, Washington of "Washington D.C.", only yields the tie)
                far = all(
                    haversine_km(candidate.lat, candidate.lon, r.lat, r.lon) > _REGIONS_HEART_KM
                    for r in region_as_written
                )
                score -= REGIONS_NAME_ON_A_TOWN_PENALTY if far else RESPELLING_BESIDE_EXACT_PENALTY
        elif candidate.match == "variant":
            score -= VARIANT_PENALTY
        elif candidate.match == "fuzzy":
            score -= FUZZY_PENALTY * (1 - candidate.similarity) * 3
        if (exact_town or country_as_written) and candidate.match in ("variant", "fuzzy"):
            score -= RESPELLING_BESIDE_EXACT_PENALTY
        elif (
            (
                exact_major
                or (
                    # "Novorossiysk" beside "a Ukrainian sea drone" is the Russian port of
                    # 240,000, not a Ukrainian hamlet GeoNames also calls so (but a namesake
                    # in the big town's own country may be meant: Hillsboro, New Hampshire)
                    big_exact
                    and candidate.country_code not in big_exact
                    and candidate.population < HAMLET_POPULATION
                )
            )
            and candidate.match == "alternate"
            and not candidate.capital
        ):
            # "Kabul" beside "US service members" is still Kabul, not Cabool, Missouri, which
            # GeoNames also spells so: another name of a small place does not outweigh a
            # capital's or a great city's own
            score -= RESPELLING_BESIDE_EXACT_PENALTY
        score += COUNTRY_CONTEXT_WEIGHT * _country_share(context, candidate)
        if not context.country_share(candidate.country_code):
            # "Gaza" beside Israel and Egypt: a country the text does not name, bordering
            # those it does
            score += NEIGHBOUR_CONTEXT_WEIGHT * context.neighbour_share(candidate.country_code)
        if candidate.feature_class == "country" and context.has_points_in(candidate.country_code):
            score += HOLDS_POINTS_BONUS  # the country the other places lie in
        if candidate.feature_class == "admin1" and context.has_points_in_region(candidate.admin1):
            score += HOLDS_POINTS_BONUS  # the province the other places lie in ("Woodstock")
        if candidate.feature_class not in ("country", "admin1"):
            score += ADMIN1_CONTEXT_WEIGHT * context.admin1_share(candidate.admin1)
            score += NAMED_REGION_BONUS * context.named_share(candidate.admin1)
            score += context.near_bonus(candidate.lat, candidate.lon)
        if qualifier is not None and _within(candidate, qualifier):
            score += QUALIFIER_BONUS
        if candidate.key in holders:
            score += QUALIFIER_BONUS
        if country_named and qualifier is None:
            # "the border with Mexico" is not Mexico, Missouri; a state is exempt ("Georgia"
            # beside Atlanta is the state: the rest of the text decides)
            # (nor the station "Belarus" near Minsk, in a text full of Belarusian towns)
            if candidate.feature_class in ("village", "station"):
                score -= VILLAGE_COUNTRY_NAME_PENALTY
            elif candidate.feature_class not in ("country", "admin1"):
                score -= COUNTRY_NAME_PENALTY
        if (
            state_named
            and qualifier is None
            and candidate.feature_class in ("city", "village")
            and candidate.population < STATE_NAMESAKE_POPULATION
        ):
            score -= STATE_NAME_PENALTY
        if local_town:
            # local news: a town's size says less than where the text's other places lie
            score -= TOWN_SIZE_DAMPING * (
                math.log10(candidate.population + 1) / 7 + CAPITAL_BONUS * candidate.capital
            )
        scored.append((candidate, score))
    scored.sort(key=lambda pair: (-pair[1], -pair[0].population, pair[0].key))
    return scored


def _country_share(context: _Context, candidate: Candidate) -> float:
    """The share of the text's countries that a candidate lies in; for a region of whole
    countries or a continent, those of its members ("the Middle East" beside Syria and
    Turkey)."""
    members = ()
    if candidate.origin == "macro_region":
        members = macro_region_members(candidate.name)
    elif candidate.origin == "continent":
        members = continent_members(candidate.name)  # "Asia" beside Japan
    if members:
        return min(1.0, sum(context.country_share(code) for code in members))
    return context.country_share(candidate.country_code)


def _starts_name(short: str, written: str) -> bool:
    short, written = name_key(short), name_key(written)
    return written.startswith(short + " ")


def _holds_town(region: Candidate, towns: list[Candidate]) -> bool:
    """Whether a town of the region's name lies in it: in its code, or within its reach when
    the town is a region of its own ("Saint Petersburg" is a city apart from the oblast
    that bears its name)."""
    return any(
        town.admin1 == region.admin1
        or haversine_km(town.lat, town.lon, region.lat, region.lon) <= region.radius_km
        for town in towns
    )


def _prior(candidate: Candidate) -> float:
    capital = CAPITAL_BONUS if candidate.capital else 0.0
    # a region of compass parts ("Darfur", "Sussex") weighs as a province, not as a site
    kind = "admin1" if candidate.origin == "region_group" else candidate.feature_class
    return CLASS_PRIOR.get(kind, 0.0) + math.log10(candidate.population + 1) / 7 + capital


def stretch_between(
    mention: Mention, ends: tuple[Place, Place], score: float, geocoder: str
) -> Place:
    """The stretch of rail or road between two placed ends ("the Farinovo–Zagattya section",
    "the road linking Gusau and Tsafe"): its point halfway, its reach half its length."""
    a, b = (end.candidate for end in ends)
    joined = Candidate(
        name=f"{a.name} – {b.name}",
        lat=(a.lat + b.lat) / 2,
        lon=(a.lon + b.lon) / 2,
        feature_class="station" if a.feature_class == b.feature_class == "station" else "other",
        country_code=a.country_code,
        admin1=a.admin1,
        origin="section",
        match="exact" if a.match == b.match == "exact" else "fuzzy",
        similarity=min(a.similarity, b.similarity),
        key=f"section:{a.key}|{b.key}",
        radius_km=round(haversine_km(a.lat, a.lon, b.lat, b.lon) / 2 + 0.5, 1),
    )
    return Place(mention, joined, score, (), geocoder, (mention.span,), ends)


def _end_score(candidate: Candidate) -> float:
    base = 1.0 if candidate.feature_class == "station" else 0.4
    return base * candidate.similarity - (0.3 if candidate.match == "variant" else 0.0)


def _within(candidate: Candidate, qualifier: Candidate) -> bool:
    if qualifier.feature_class == "country":
        return (
            candidate.country_code == qualifier.country_code
            and candidate.feature_class != "country"
        )
    if qualifier.feature_class == "admin1":
        return candidate.admin1 == qualifier.admin1 and candidate.feature_class != "admin1"
    return False


def _match_quality(candidate: Candidate) -> tuple[int, float]:
    """How well a candidate's name matched: its own name before an alternate, a variant, a
    near spelling."""
    order = match_rank(candidate.match)
    return (order, candidate.similarity)


def _squash(score: float) -> float:
    return 1 / (1 + math.exp(-score))


def _group_key(mention: Mention) -> tuple:
    kind = {
        "region": "region",
        "direction": "region",
        "section": "section",
        "border": "border",
    }.get(mention.kind, mention.kind)
    if kind == "branch":
        kind = "name"  # "the Vitebsk branch" is the Vitebsk the text names elsewhere
    return (name_key(mention.query), kind, mention.hint if kind == "region" else None)


def _group(mentions: list[Mention]) -> dict[tuple, list[Mention]]:
    groups: dict[tuple, list[Mention]] = defaultdict(list)
    sections = [m.span for m in mentions if m.kind == "section"]
    for mention in mentions:
        if mention.kind == "station" and any(s <= mention.start < e for s, e in sections):
            continue  # ends of sections are resolved with their section
        groups[_group_key(mention)].append(mention)
    return dict(groups)


def _bearings(text: str, groups: dict) -> dict[tuple, tuple[tuple, float | None, float | None]]:
    """ "the Zyabrovka airfield south-east of Gomel", "Lesnaya, 20 km north of Baranavichy",
    "Hostomel, 25 km from Kyiv": the group of each such name → (the group of the place it is
    reckoned from, the bearing or None, the distance in km or None)."""
    starts = {m.start: key for key, group in groups.items() for m in group}
    out = {}
    for key, group in groups.items():
        for mention in group:
            gap = _BEARING_GAP.match(text, mention.end)
            if gap is None or starts.get(gap.end()) in (None, key):
                continue
            direction = gap.group("dir")
            km = float(gap.group("n")) if gap.group("n") else None
            if direction is None and km is None:
                continue  # "outside Kyiv": no bearing, no distance
            if km is not None and gap.group("unit").lower() == "miles":
                km *= 1.609
            bearing = _COMPASS[direction.lower().replace("-", "")] if direction else None
            out[key] = (starts[gap.end()], bearing, km)
    return out


def _follow_bearings(ranked: dict, bearings: dict) -> None:
    """Among a name's readings nearly as likely as its best, the first that lies in the stated
    direction, at about the stated distance, from the place it is reckoned from."""
    for key, (anchor, bearing, km) in bearings.items():
        if key not in ranked or anchor not in ranked:
            continue
        origin = ranked[anchor][0][0]
        # a stated distance outweighs the bonus for lying near the place it is reckoned from
        margin = BEARING_MARGIN + (NEAR_TOP if km is not None else 0.0)
        best_score = ranked[key][0][1]
        for index, (candidate, score) in enumerate(ranked[key]):
            if score < best_score - margin:
                break
            if _lies_as_said(origin, candidate, bearing, km):
                if index:
                    ranked[key] = (
                        [ranked[key][index]] + ranked[key][:index] + ranked[key][index + 1 :]
                    )
                break


def _nearness(text: str, groups: dict) -> dict[tuple, tuple]:
    """ "the village of Salama, near Mpeketoni", "Bucha, outside Kyiv": the group of each such
    name → the group of the place it is said to be near."""
    starts = {m.start: key for key, group in groups.items() for m in group}
    out = {}
    for key, group in groups.items():
        for mention in group:
            gap = _NEAR_GAP.match(text, mention.end)
            anchor = starts.get(gap.end()) if gap is not None else None
            if anchor in (None, key):
                continue
            anchor_end = next(m.end for m in groups[anchor] if m.start == gap.end())
            if not _BORDER_AFTER.match(text, anchor_end):  # "near the New York border"
                out[key] = anchor
    return out


def _follow_nearness(ranked: dict, nearness: dict) -> None:
    """A name said to lie near a place takes its first reading near that place; a small place
    with no reading within reach of it stays unplaced rather than land on another continent
    (a Kenyan village of a name GeoNames gives only to a town in Guatemala)."""
    for key, anchor in nearness.items():
        if key not in ranked or anchor not in ranked or key == anchor:
            continue
        origin = ranked[anchor][0][0]
        if origin.feature_class in ("country", "admin1", "admin2"):
            continue  # "near Kentucky": a region's centre says little of what is near it
        readings = ranked[key]
        close = [
            index
            for index, (candidate, _) in enumerate(readings)
            if haversine_km(origin.lat, origin.lon, candidate.lat, candidate.lon) <= NEAR_SAID_KM
        ]
        if close:
            if close[0]:
                index = close[0]
                ranked[key] = [readings[index]] + readings[:index] + readings[index + 1 :]
        elif (
            readings[0][0].feature_class in ("city", "village", "station", "other")
            and (readings[0][0].population or 0) < NEAR_SAID_FAR_MIN_POPULATION
        ):
            del ranked[key]


def _drop_strays(ranked: dict) -> None:
    """A hamlet abroad, far from every other place of the text and in none of its countries,
    is left unplaced: "the nearby Speicher base" in a report on Tikrit is no Swiss village
    (GeoNames knows only that one), and the map must not show it in Switzerland."""
    best = {key: readings[0][0] for key, readings in ranked.items()}
    for key, candidate in best.items():
        if (
            candidate.feature_class not in ("city", "village")
            or (candidate.population or 0) >= STRAY_MAX_POPULATION
        ):
            continue
        others = [c for k, c in best.items() if k != key and c.feature_class != "country"]
        countries = {c.country_code for k, c in best.items() if k != key}
        if len(others) < STRAY_MIN_OTHERS or candidate.country_code in countries:
            continue
        if all(
            haversine_km(candidate.lat, candidate.lon, c.lat, c.lon) > STRAY_MIN_KM for c in others
        ):
            del ranked[key]


def _lies_as_said(
    origin: Candidate, candidate: Candidate, bearing: float | None, km: float | None
) -> bool:
    if km is not None:
        distance = haversine_km(origin.lat, origin.lon, candidate.lat, candidate.lon)
        if abs(distance - km) > max(10.0, 0.5 * km):
            return False
    if bearing is not None:
        off = bearing_deg(origin.lat, origin.lon, candidate.lat, candidate.lon) - bearing
        return abs((off + 180) % 360 - 180) <= BEARING_TOLERANCE_DEG
    return True


def _join_municipal_forms(groups: dict, pools: dict) -> None:
    """ "the City of Richmond" is the Richmond the text names elsewhere: a name with a municipal
    word that no town bears exactly ("Hanover Town", not "Kansas City") joins its bare form's
    group, or a hamlet that keeps the long form as an alternate name would decide it."""
    for key in list(groups):
        bare = _MUNICIPAL_FORM.fullmatch(key[0])
        if bare is None or key[1] != "name":
            continue
        target = (bare.group(1) or bare.group(2), *key[1:])
        if target == key or target not in groups:
            continue
        if any(c.match == "exact" and c.feature_class in ("city", "village") for c in pools[key]):
            continue  # "Kansas City" is a town of its own; "Dublin City" is Dublin's council area
        groups[target] += groups.pop(key)  # the bare form stays the head
        pools.pop(key, None)


def _join_short_forms(groups: dict, pools: dict) -> None:
    """ "Wad Madani ... our warehouse in Madani": a one-word name that names no place exactly
    is the short form of a longer name in the text that ends in it, not a look-alike abroad
    (Madang, Papua New Guinea)."""
    longer: dict[str, list[tuple]] = defaultdict(list)
    for key in pools:
        head, _, last = key[0].rpartition(" ")
        if head and key[1] == "name":
            longer[last].append(key)
    for key in list(pools):
        targets = longer.get(key[0], [])
        if key[1] != "name" or " " in key[0] or len(targets) != 1:
            continue
        if any(c.match == "exact" for c in pools[key]):
            continue  # "Kakhovka" is a town of its own beside Nova Kakhovka
        groups[targets[0]] += groups.pop(key)  # the long form stays the head
        pools.pop(key)


_MUNICIPAL_FORM = re.compile(
    r"(?:city|town|village|township|borough) of (.+)|(.+?) (?:city|town|village|township|borough)"
)


def _local_towns(text: str, groups: dict) -> set[tuple]:
    """Keys of the names the text calls a municipality somewhere ("a Jordan resident")."""
    out = set()
    for key, group in groups.items():
        for mention in group:
            if _TOWN_AFTER.match(text, mention.end, mention.end + 30) or _TOWN_BEFORE.search(
                text, max(0, mention.start - 25), mention.start
            ):
                out.add(key)
                break
    return out


_APPOSITIVE_IN = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|port|resort|suburb|"
    r"settlement|district|county|province|region|capital|hub)\s+(?:in|on|of)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?"
)


def _qualifiers(text: str, groups: dict, pools: dict) -> tuple[dict, dict]:
    """ "Alexandria, Louisiana": a name followed by ", Region" or ", Country" (or the region in
    brackets) is inside it, and
    the region is the one that holds such a town ("Tacoma, Washington" is the state).

    Returns the qualifying region of each town's group, and for each region's group the keys
    of the candidates that hold the town."""
    starts = {}
    for key, group in groups.items():
        for mention in group:
            starts[mention.start] = key
    out: dict[tuple, Candidate] = {}
    holders: dict[tuple, set[str]] = defaultdict(set)
    for key, group in groups.items():
        for mention in group:
            # "Alexandria, La.", "the Walker County (Ga.) Sheriff's Office"
            follow = re.match(r",\s*|\s\(", text[mention.end : mention.end + 3])
            gap = follow.end() if follow else 0
            if follow and mention.end + gap not in starts:
                # "Lagos, a resort town on Portugal's southern coast": the town's appositive
                # says what holds it
                appositive = _APPOSITIVE_IN.match(text, mention.end)
                gap = appositive.end() - mention.end if appositive else gap
            if not follow or key not in pools:
                continue
            other = starts.get(mention.end + gap)
            if other is None or other not in pools:
                continue
            hint = groups[other][0].hint
            broad = [c for c in pools[other] if c.feature_class in ("admin1", "country")]
            # regions by how well their own name and the best town they hold match: "ORLANDO,
            # Fla." is Orlando in Florida, not Orland (called Orlando too) in California
            held = {
                b.key: max((_match_quality(t) for t in pools[key] if _within(t, b)), default=None)
                for b in broad
            }
            holding = [b for b in broad if held[b.key] is not None]
            choice = holding or broad
            if choice:
                # "Ga." says the state of Georgia, not the country
                out[key] = max(
                    choice,
                    key=lambda c: (
                        _match_quality(c),
                        held[c.key] or (-1, 0.0),
                        c.feature_class == hint,
                        _prior(c),
                    ),
                )
            if holding:
                holders[other].add(out[key].key)
    return out, dict(holders)

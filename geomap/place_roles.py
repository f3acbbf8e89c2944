"""Where each place of a sentence stands in what it tells: the part a named place plays.

A place is where something happened (``location``, or ``near`` it) or where a movement came from
(``origin``) or went (``destination``); or it only stands beside the event: the speaker ("Minsk
announced"), the town of officials who speak of it (``local``: "officials in Okhtyrka said"), a
home town ("three men from Babruysk"), a yardstick (``reference``: "50 km from the border"), a
place that only says where another is (``qualifier``: "the Gozhsky range outside Hrodna"), a
place of what might happen or is said not to be (``hypothetical``), where the report was filed
(``dateline``), a person's or a weapon's name that is also a town's (``person``, ``weapon``), a
country as owner (``attribute``: "Russia's aggression"), or a whole line (``context``: "the
Zhlobin–Kalinkavichy line"). Names joined by "and" play the same part ("into the Chernihiv and
Zhytomyr regions"); "the town", "there" point back to the town named last.

These are cues of phrasing, as :mod:`.triggers` holds the phrasings of event types;
:mod:`.incidents` decides from the roles where each incident happened.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .actors import SOURCE_BEFORE
from .cues import cue
from .datelines import heads_dateline
from .distance import haversine_km
from .lexicon import TOWN_APPOSITIVE_AFTER, VESSEL_BEFORE
from .models import Mention, Place
from .resolve import Resolution, stretch_between
from .sentences import Sentence

# "the Zhlobin–Kalinkavichy line", "the Brest–Minsk trains": the ends of a line or a route
_LINE_NOUN = r"(?:line|railway line|railway|branch|trains?|services?|express(?:es)?|route)"
# (names of at most 40 letters: unbounded runs of hyphened words made long texts quadratic)
_LINE_AFTER = cue(rf"\s*[–—-]\s*[\w-]{{1,40}}\s+{_LINE_NOUN}\b")
_LINE_END_BEFORE = cue(r"[\w-]{1,40}\s*[–—-]\s*$")
# "on the main line towards Moscow", "the road to Kyiv": the way a line runs, not a place on it
_LINE_TOWARDS_BEFORE = cue(
    r"\b(?:line|railway|route|road|highway|motorway|track)\s+(?:to|towards?|from)\s+(?:the\s+)?$"
)
# "Pantsir air-defence vehicles", "Tor missile systems": a weapon's name that is also a town's
_ARMS_AFTER = cue(
    r"\s+(?:(?:surface-to-air|anti-aircraft|ballistic|cruise|tactical|hypersonic)\s+)?"
    r"(?:air[- ]defen[cs]e|missiles?|launchers?|missile systems?|rocket systems?|"
    r"anti-aircraft systems?)\b(?!\s+(?:strikes?|attacks?|fire)\b)"
)
# "officials in Okhtyrka said": local officials speaking of their town
_LOCAL_SPEAKER_BEFORE = cue(
    r"\b(?:officials|authorities|police|rescuers|residents|the (?:mayor|governor|administration))"
    r"\s+(?:in|of)\s+$"
)
# "Zhytomyr regional officials said": an office speaks of its area, where nothing closer is named
_OFFICE_AFTER = cue(
    r"\s+(?:regional\s+|city\s+|district\s+|oblast\s+|local\s+)?(?:officials|authorities|"
    r"administration|military administration|council|"
    # "the Brest regional police said", "the Gomel regional military commissariat": an office
    r"police|militia|(?:military\s+)?commissariat|prosecutor['’]?s?(?:\s+office)?|"
    r"(?:investigative|emergencies)\s+(?:committee|ministry|department))\b"
)
# Only a name that is itself the speaker: "Minsk announced", "Kyiv has said"; not
# "... in Chernihiv, Ukrainian media reported".
# a capital or country that is the subject of a deed: "Moscow had captured", "Kyiv has
# retaken" (a government acting, not a place)
_GOVERNMENT_ACTS_AFTER = cue(r"\s+(?:had|has|have)\s+(?:\w+ly\s+)?\w+(?:ed|en|ght)\b")
_SPEECH_AFTER = cue(
    # ("local officials in Beni territory said": the area's word between)
    r"^(?:\s+and\s+(?-i:[A-Z])[\w’'-]+)?(?:\s+(?:territory|region|province|district|county))?"
    r"\s+(?:(?:has|have|had|also|now|officially|again|on\s+\w+)\s+){0,2}(?:announced|announces|said|says|tweeted|posted|stated|states|reported|reports|denied|denies|warned|warns|claimed|claims|declared|declares|decided|decides|confirmed|confirms|accused|accuses|insisted|insists|believes|agreed|told|added|noted|refused|threatened|demanded|asked|appealed|urged|called|"
    # "which Damascus blamed on terrorists", "which Baku calls Khankendi": a government's word
    r"blamed|blames|calls|condemned|condemns|vowed|vows)\b"
)
# "Sumy governor Dmytro Zhyvytskyi", "Kharkiv mayor": a place in an office's name
_TITLE_AFTER = cue(r"\s+(?:regional\s+)?(?:governor|mayor|city council|prosecutors?)\b")
# A name that is a person here: "arrested Paul ...", "known as Montana", "Bassett was arrested".
_PERSON_BEFORE = re.compile(
    r"\b(?i:arrested|detained|captured|identified as|named|known as)\s+$"
    # "mayor Andriy Sadovyi", "governor Kim": a name after an office is its holder's
    r"|\b(?:(?i:mayor|governor|minister|spokes(?:man|woman|person)|commander|chairman)|"
    r"President|General|Colonel|Major|Lieutenant|Captain|Sergeant|Mr|Mrs|Ms|Dr)\.?\s+"
    r"(?:[A-Z][\w'’-]+\s+)?$"
)
_PERSON_AFTER = cue(
    r"\s+(?:was|were|has been|had been)\s+(?:arrested|detained|caught|charged|sentenced|"
    r"convicted|identified)\b"
)
# "three men from Babruysk", "whose home base is in Brest", "Henry, 19, of 1935 Orchard St.,
# Alexandria": where the actors come from.
_HOME_BEFORE = cue(
    r"\b(?:home\s+(?:base|town)|hometown|native)\b[^,.;]{0,20}$"
    r"|\b(?:men|man|women|woman|residents?|people|suspects?|natives?|locals?)\s+from\s+$"
    r"|\b(?:residents?|natives?)\s+of\s+$"
    r"|\b\d{1,3},\s+of\s+[^;]{0,50}$|\b\d+\s+block\s+of\s+(?:[\w.]+\s+){0,3}$"
    # "the brigade, which is based in Hrodna", "whose barracks are in Brest": a unit's home
    # base, told beside where it is now (not "troops are based in Yelsk", a deployment)
    r"|\b(?:which|that|who)\s+(?:is|are|was|were)\s+(?:normally\s+|usually\s+|permanently\s+)?"
    r"(?:based|garrisoned|headquartered)\s+(?:in|at|near)\s+(?:the\s+)?$"
    r"|,\s+(?:normally\s+|usually\s+|permanently\s+)?(?:based|garrisoned|headquartered)\s+"
    r"(?:in|at|near)\s+(?:the\s+)?$"
    r"|\bwhose\s+(?:[\w-]+\s+){0,2}?(?:barracks|base|garrison|headquarters|home)\s+"
    r"(?:is|are|was|were|lies|lie)\s+(?:in|at|near)\s+(?:the\s+)?$"
)
# "a Hrodna-based brigade": the unit's home
_HOME_AFTER = cue(r"-based\b")
# "could provide cover for an attack on Ukraine": a place of what might happen
_HYPOTHETICAL_BEFORE = cue(r"\b(?:(?<!\d )may(?!\s+\d)|might|could|in order to|so as to|try to)\b")
# A place in what is said not to be: "denied that any were heading for the border", "no
# evidence that ... reached Lida".
_UNREAL_BEFORE = cue(
    r"(?:\b(?:denied|denies|deny|denying|rejected|rejects)\s+(?:that|any|claims|reports)\b[^,;]*"
    r"|\bno (?:evidence|sign|proof|confirmation) (?:that|of)\b[^,;]*"
    r"|\brumou?rs?\s+(?:that|of)\b[^,;]*)$"
)
# "80 km north-west of Kyiv", "a few kilometres from the Polish border", "10 km from the border
# with Volyn oblast", "facing the town of Liubech across the river": yardsticks, not the place
_REFERENCE_BEFORE = cue(
    r"\b(?:\d+|a few|several|some|few|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)\s*"
    r"(?:km|kilomet(?:re|er)s|miles)\s+"
    r"(?:(?:north|south|east|west)[\w-]*\s+)?(?:from|of)\s+(?:the\s+)?"
    r"(?:(?:border|frontier)\s+(?:with|of)\s+(?:the\s+)?)?"
    # "160 km south of the Sri Lankan capital Colombo", "north of the city of Mosul"
    r"(?:(?:[\w-]+\s+){0,2}?(?:capital|city|town|village|port)\s+(?:of\s+)?)?$"
    r"|\b(?:facing|opposite)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:town|city|village)\s+of\s+)?$"
)
# "into the Chernihiv region", "set off for Minsk": where a movement goes
_TO_BEFORE = cue(
    r"(?<!close )(?<!next )(?<!due )(?<!according )\b(?:to|into|towards?|toward|in the direction of)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|territory|soil)\s+of\s+|[A-Z][\w-]*['’]s\s+)?$"
    # "the express from Minsk reached Homiel late", "reached the outskirts of Kyiv"
    r"|\breach(?:ed|ing)\s+(?:the\s+)?(?:outskirts\s+of\s+)?$"
    r"|\b(?:left|leaving|departed|set off|head(?:ed|ing)|bound|(?:east|west|north|south)wards)\b"
    r"[^.;]{0,60}\bfor\s+(?:[\w-]+['’]s\s+)?$"
)
# "from Belarus", "launched from near Yelsk", "took off from the airfield at Baranavichy":
# where a movement or a strike starts
_FROM_BEFORE = cue(
    r"\bfrom\s+(?:the\s+)?(?:territory\s+of\s+|region\s+of\s+|direction\s+of\s+)?"
    # "from Belarus's Gomel and": the words of the origin's name, not "from X were held in"
    # (nor a verb: "firing from positions around Saraqib pounded Idlib")
    r"(?:(?:(?!(?:in|at|near|on|to|into|towards?|was|were|had|have|has|is|are|(?-i:[a-z]+ed)|"
    # verbs past in other ways: "rockets fired from Gaza hit Sderot"
    r"hits?|struck|fell|tore|shot|blew|sank|came|went|set|killed|kill)\b)"
    r"[\w’'-]+,?\s+)(?:and\s+)?){0,4}$"
    # "firing from positions around Saraqib": where the guns stand
    r"|\bfrom\s+(?:[\w-]+\s+){0,2}?(?:positions?|bases?|areas?)\s+(?:around|near|in|at|outside)\s+"
    r"(?:the\s+)?$"
    # "launched from near Yelsk": a launch point told by what it is near
    r"|\bfrom\s+(?:near|outside|around|close to|the outskirts of)\s+(?:the\s+)?$"
    r"|\b(?:out\s+of|leaving|left)\s+(?:parts?\s+of\s+)?(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$"
    r"|\b(?:left|leaving|departed)\s+(?:its|their|the)\s+(?:home\s+)?(?:bases?|garrisons?|camps?|"
    r"barracks)\s+(?:near|in|at|outside)\s+$"
    # "bombers that took off from the airfield at Baranavichy": where a raid was launched
    r"|\b(?:took off|taking off|take off|flew|flying|launched|fired)\s+from\s+(?:the\s+|an?\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:airfield|air ?base|base|airport|positions?|area|launch site)\s+"
    r"(?:at|in|near|outside|of)\s+(?:the\s+)?$"
)
# "near Lida", "on the outskirts of Brest", "between X and Y": by the place, not in it
_NEAR_BEFORE = cue(
    r"\b(?:near|outside|around|close to|not far from|on the outskirts of|in the vicinity of|"
    r"(?:north|south|east|west|north-east|north-west|south-east|south-west)\s+of|between|"
    r"\d+\s*km (?:from|of))\s+(?:the\s+)?$"
)
_BETWEEN_BEFORE = cue(r"\bbetween\s+(?:the\s+)?\Z")
# "a minibus struck a landmine on the road out of Damboa": by the town, on its way out
_ROAD_OUT_OF_BEFORE = cue(r"\b(?:road|highway|route|track)\s+(?:leading\s+)?out\s+of\s+$")
_FACILITY_AFTER = cue(
    r"\s+(?:range|training ground|firing range|polygon|airfield|air base|military base|base|camp|"
    r"halt)\b"
)
# "residents who escaped through the bush began arriving in Pemba", "families fled to Sidon":
# where people went for safety, not where anything happened
# (not "fled to basements in Kharkiv as shells fell": sheltering where it happens)
_REFUGE_BEFORE = cue(
    r"\b(?:fled|fleeing|flee|escaped|escaping|(?:sought|seeking|took|taking) (?:refuge|shelter)|"
    r"evacuated|displacing)\s+(?:(?!(?:shelters?|basements?|bunkers?|cellars?|metro|homes?)\b)"
    r"[\w',-]+\s+){0,8}?(?:to|into|towards?|for|in|at|reached|reaching)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|camps?)\s+(?:of\s+)?)?$"
)
# "the Palestine Hotel in Baghdad", "the Ouagadougou conference centre in Sirte": a building
# named after one place and standing in another
_BUILDING_NAMED_AFTER = cue(
    r"\s+(?:conference\s+|exhibition\s+|sports\s+)?(?:centre|center|hotel|hall|palace|stadium|"
    r"arena|gate|mosque|church|cathedral|square|market|bazaar|hospital|clinic|school|university|"
    r"college)\s+(?:in|at)\s+(?:the\s+)?(?-i:[A-Z])"
)
# "the Iran-backed Houthi militia", "a Minsk-based group": the place qualifies a party
_PARTY_QUALIFIER_AFTER = cue(
    r"-(?:backed|based|linked|allied|aligned|made|built|supplied|funded|sponsored|trained|led|"
    r"born|controlled|held|friendly|leaning)\b"
)
# "the road linking Gusau and Tsafe", "on the highway between Baqubah and Khalis", "the
# Kabul–Jalalabad highway": a stretch of road between two towns, where an ambush happens
_ROAD = r"(?:road|highway|motorway|expressway|freeway|supply route|main route|trunk road|route)"
_ROAD_BEFORE = cue(
    rf"\b{_ROAD}\s+(?:(?:that|which)\s+)?(?:linking|links|connecting|connects|joining|joins|"
    r"between|from)\s+(?:the\s+)?(?:(?:towns?|cities|city)\s+of\s+)?$"
)
_ROAD_JOIN = cue(r"^\s*(?:and|to|with)\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?$")
_ROAD_DASH = cue(r"^\s?[-–—]\s?$")
_ROAD_AFTER = cue(rf"\s+{_ROAD}\b")
# a longer road is no place: "the Kyiv–Chop highway" runs across a country
_ROAD_MAX_KM = 200.0
# "Chernihiv and Zhytomyr": a name joined to the one before
_COORDINATED = cue(r"^(?:\s*,)?\s*(?:and|or|,)\s+(?:the\s+)?$|^\s*,\s+(?:the\s+)?$")
# "the X range near Y", "Antopil, near Rivne", "Savetski, in the Y district": Y says where X is.
_QUALIFIER_GAP = cue(
    r"^(?!.*\b(?:and|or)\b)(?:\s+[\w-]+){0,2}?,?\s+(?:just\s+|about\s+\d+\s*km\s+)?"
    r"(?:near|outside|in|at|close to|on the (?:outskirts|edge) of|(?:north|south|east|west|"
    r"north-east|north-west|south-east|south-west)\s+of)\s+(?:the\s+)?$"
)

# "outside the town", "on the edge of their town", "entered the settlement": the town named last;
# "the units arrived there": the place just named
# "a restaurant in the capital": the country's capital, named elsewhere in the text (not "the
# capital Colombo", "the capital of Darfur", "the capital's outskirts")
_THE_CAPITAL = cue(
    r"(?<=\bin )the\s+(?:country['’]s\s+|nation['’]s\s+)?capital\b"
    r"(?!\s+(?:of|city|region|district)\b)(?![’']s)(?!,?\s+(?-i:[A-Z]))"
)
_THE_TOWN = cue(
    r"\b(?:the|their|our|this|that|its)\s+(?:home\s+)?(?:town|city|settlement|village)\b"
    r"(?!\s+(?:of|council|hall|centre|center)\b)(?![’']s)"
    r"|(?:(?<=\barrived )|(?<=\breturned ))there\b"
    # "pulled into the town's station": the station of the town named before
    r"|\b(?:the|its)\s+(?:town|city)['’]s\s+(?:railway\s+|train\s+)?station\b"
    # "a crowded bar in the city's Pont Vert district": a part of the town named before
    r"|\b(?:the|its)\s+(?:town|city)['’]s\s+(?:[\w-]+\s+){0,3}?(?:district|neighbou?rhood|"
    r"quarter|market|centre|center|outskirts|suburbs?|port|airport|airstrip|airfield|barracks|"
    r"police station|hospital|prison|main square|bridge)\b"
    # "bombed the blocks on Tsentralna Street": a street of the town named before
    r"|\b(?:on|in|along)\s+(?-i:[A-ZЀ-ӿ][\w'’-]+)\s+(?-i:Street|Avenue|Boulevard|Square|Prospekt)\b"
)
# "a relay cabinet near the station": the station of the town just named
_NEAR_THE_STATION = cue(r"(?<=\bnear )the\s+(?:railway\s+|train\s+)?station\b(?!\s+(?:of|in|at)\b)")
# "a relay cabinet beside the line there": the place of the sentence before (not the
# "there was" that only says something exists)
THERE = cue(
    r"\b(?:line|lines|station|track|tracks|junction|yard|depot|town|village|city|site|spot|area|"
    r"crossing|bridge|base|airfield|range|border|road|highway)\s+there\b"
    r"|\b(?:happened|occurred|took place|struck|hit|detained|arrested|held|seen|spotted|stationed|"
    r"deployed|based|unloaded|filmed|photographed)\s+there\b"
)
_TOWN_CLASSES = ("city", "village", "other")
# regions made of others ("Kordofan", "the Middle East") are "other" too, and no town
_REGIONS_OF_PARTS = ("region_group", "macro_region", "continent")


def _is_town(place: Place) -> bool:
    c = place.candidate
    return c.feature_class in _TOWN_CLASSES and c.origin not in _REGIONS_OF_PARTS


_NOT_WHERE = (
    "dateline",
    "person",
    "weapon",
    "speaker",
    "attribute",
    "context",
    "hypothetical",
    "refuge",
)


def place_roles(
    text: str,
    sentence: Sentence,
    mentions: list[Mention],
    resolution: Resolution,
    antecedent: Place | None = None,
):
    """Each place of the sentence with the part it plays: location, origin, destination,
    near, speaker, home, reference, attribute or context; "the town", "their town" are
    the last town named (``antecedent`` when the sentence names none before them)."""
    roles = []
    seen = set()
    sections = [m.span for m in mentions if m.kind == "section"]
    for mention in mentions:
        if not (sentence.start <= mention.start and mention.end <= sentence.end):
            continue
        if mention.kind == "demonym" or (
            # the ends of a section belong to it; a station named alone is a place
            mention.kind == "station" and any(s <= mention.start < e for s, e in sections)
        ):
            continue
        place = resolution.place_at(mention)
        if place is None or mention.span in seen:
            continue
        seen.add(mention.span)
        before = text[max(sentence.start, mention.start - 80) : mention.start]
        after = text[mention.end : min(sentence.end, mention.end + 40)]
        if (
            mention.kind == "branch"
            or _LINE_AFTER.match(after)
            or (_LINE_END_BEFORE.search(before) and re.match(rf"\s+{_LINE_NOUN}\b", after))
            or _LINE_TOWARDS_BEFORE.search(before)
        ):
            role = "context"  # "the Zhlobin–Kalinkavichy line": a whole line is context
        elif heads_dateline(text, mention.start, mention.end):
            role = "dateline"  # "KYIV, Feb 24 (AFP) -": where the report was filed
        elif _PARTY_QUALIFIER_AFTER.match(after):
            role = "attribute"
        elif re.match(r"-\d", text[mention.end : mention.end + 2]) or (
            place.candidate.feature_class not in ("country", "admin1") and _ARMS_AFTER.match(after)
        ):
            role = "weapon"  # "Su-35S", "Tu-22M3": an aircraft's name, not a place
        elif (
            _LOCAL_SPEAKER_BEFORE.search(before) and _SPEECH_AFTER.search(after)
        ) or _OFFICE_AFTER.match(after):
            role = "local"  # "officials in Okhtyrka said": they speak of their own town
        elif (
            SOURCE_BEFORE.search(before)
            or _SPEECH_AFTER.search(after)
            or _TITLE_AFTER.match(after)
            # "the only regional capital Moscow had captured": a government acting
            or (
                (place.candidate.capital or place.candidate.feature_class == "country")
                and _GOVERNMENT_ACTS_AFTER.match(after)
            )
        ):
            role = "speaker"
        elif (
            # ("captured Dessie, a strategic town": the name is a town's, whatever the verb)
            _PERSON_BEFORE.search(before) and not TOWN_APPOSITIVE_AFTER.match(after)
        ) or _PERSON_AFTER.match(after):
            # "arrested Paul Francis Floyd", "Bassett was arrested" (not "captured Dessie, a
            # strategic town")
            role = "person"
        elif _HOME_BEFORE.search(before) or _HOME_AFTER.match(after):
            role = "home"  # "three men from Babruysk": where the actors live
        elif _REFUGE_BEFORE.search(before):
            role = "refuge"
        elif _HYPOTHETICAL_BEFORE.search(re.split(r"[,;]", before)[-1]) or (
            _UNREAL_BEFORE.search(re.split(r"[,;]", before)[-1])
        ):
            role = "hypothetical"  # "could provide cover for an attack on Ukraine"
        elif _REFERENCE_BEFORE.search(before):
            role = "reference"  # "50 km from the border": a yardstick, not the place
        elif (
            re.match(r"[’']s\b", text[mention.end : mention.end + 3])
            and place.candidate.feature_class == "country"
        ):
            role = "attribute"  # "Russia's aggression": the country as owner, not as place
        elif mention.kind == "direction" and not re.search(
            r"\bfrom\s+(?:the\s+)?(?:direction\s+of\s+(?:the\s+)?)?$", before
        ):
            role = "destination"  # "an offensive ... in the Volyn direction": where it points
        elif _ROAD_LINKS_BEFORE.search(before):
            role = "context"  # "their hold over the main road that links Goma with the north"
        elif _ROAD_OUT_OF_BEFORE.search(before):
            role = "near"
        elif _TO_BEFORE.search(before):
            role = "destination"
        elif _FROM_BEFORE.search(before):
            role = "origin"
        elif _NEAR_BEFORE.search(before) or re.match(
            r"\s+(?:area|outskirts|suburbs|vicinity)\b", after
        ):
            role = "near"
        elif VESSEL_BEFORE.search(before):
            role = "context"  # the passenger boat "Tombouctou": a vessel's name
        elif (
            roles
            and roles[-1][2] == "location"
            and _CONTAINER_APPOSITIVE_BEFORE.fullmatch(text, roles[-1][0].end, mention.start)
        ):
            role = "context"  # "Dessie, a strategic town in the Amhara region": where it lies
        elif _BUILDING_NAMED_AFTER.match(after):
            role = "context"  # the building's name; the place after "in" is where it stands
        elif _FACILITY_AFTER.match(after):
            role = "near"  # "the Brestsky range", "the Zyabrovka airfield": by the place
        else:
            role = "location"
        if (
            roles
            and role == "location"
            and _COORDINATED.match(text[roles[-1][0].end : mention.start])
        ):
            # "into the Chernihiv and Zhytomyr regions": the second plays the first's part
            role = roles[-1][2]
        roles.append((mention, place, role))
    roles = _route_ends(text, _road_stretches(text, roles))
    referred = _town_referred_to(text, sentence, roles, antecedent)
    referred += _capital_referred_to(sentence, roles + referred, resolution)
    return _qualified(text, roles + referred)


# "the main road that links Goma with the north": a road's end names where the road runs
_ROAD_LINKS_BEFORE = re.compile(
    r"\b(?:road|highway|motorway|route|railway|line)\s+(?:that\s+|which\s+)?"
    r"(?:links?|connects?|joins?)\s+$"
)
# ", a strategic town in the", ", a port city on the coast of": the place before is said to lie
# in the one after, which only says where
_CONTAINER_APPOSITIVE_BEFORE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|port|hub|settlement)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:in|of)\s+(?:the\s+)?"
)


def _road_stretches(text: str, roles: list) -> list:
    """Two towns that name the road between them ("the road linking Gusau and Tsafe") are
    one place, the stretch of road, unless a place on it is named ("the bridge at Rastan, on
    the highway linking Hama and Homs"): then they only say where that place is."""
    out, i = [], 0
    while i < len(roles):
        stretch = _road_stretch(text, roles[i : i + 2])
        if stretch is None:
            out.append(roles[i])
            i += 1
            continue
        mention, place = stretch
        beside = [(out[-1], out[-1][0].end, mention.start)] if out else []
        if i + 2 < len(roles):
            beside.append((roles[i + 2], mention.end, roles[i + 2][0].start))
        on_it = any(
            _on_the_road(text, role, gap_start, gap_end) for role, gap_start, gap_end in beside
        )
        out.append((mention, place, "context" if on_it else "location"))
        i += 2
    return out


def _on_the_road(text: str, role, gap_start: int, gap_end: int) -> bool:
    """Whether a town named right before or after a road is the place on it: "the bridge at
    Rastan, on the highway linking ...", "on the Kaduna–Abuja highway near Kaduna" (not "...
    linking Gusau and Tsafe in Zamfara state", which says where the road runs)."""
    _mention, place, part = role
    return (
        part in ("location", "near")
        and _is_town(place)
        and 0 <= gap_end - gap_start < 60
        and not re.search(r"[.;]|\band\b", text[gap_start:gap_end])
    )


def _road_stretch(text: str, pair: list) -> tuple[Mention, Place] | None:
    if len(pair) < 2:
        return None
    (first, a, role_a), (second, b, role_b) = pair
    between = text[first.end : second.start]
    before = _ROAD_BEFORE.search(text[max(0, first.start - 60) : first.start])
    after = _ROAD_AFTER.match(text, second.end)
    if before and _ROAD_JOIN.match(between):
        start, end = max(0, first.start - 60) + before.start(), second.end
    elif after and _ROAD_DASH.match(between):
        start, end = first.start, after.end()
    else:
        return None
    towns = all(_is_town(p) for p in (a, b))
    if not towns or a.candidate.key == b.candidate.key:
        return None
    if {role_a, role_b} & {"person", "weapon", "speaker", "home", "dateline", "attribute"}:
        return None
    if haversine_km(a.candidate.lat, a.candidate.lon, b.candidate.lat, b.candidate.lon) > (
        _ROAD_MAX_KM
    ):
        return None
    mention = Mention(
        text[start:end].strip(),
        start,
        end,
        f"{first.text}–{second.text}",
        kind="section",
        hint="road",
        parts=(first, second),
    )
    return mention, stretch_between(mention, (a, b), min(a.score, b.score), a.geocoder)


def _route_ends(text: str, roles: list) -> list:
    """ "Trains between Homiel and Kalinkavichy stood still after a fault near Rechytsa": the
    ends of the route are context when the sentence places the event itself."""
    ends = set()
    for i, (mention, _place, _role) in enumerate(roles[:-1]):
        if _BETWEEN_BEFORE.search(text, max(0, mention.start - 20), mention.start) and (
            _COORDINATED.match(text[mention.end : roles[i + 1][0].start])
        ):
            ends.update((i, i + 1))
    placed_elsewhere = any(
        role in ("location", "near") for i, (_m, _p, role) in enumerate(roles) if i not in ends
    )
    if not ends or not placed_elsewhere:
        return roles
    return [(m, p, "context" if i in ends else r) for i, (m, p, r) in enumerate(roles)]


def place_line(text: str, sentence: Sentence, mentions, resolution) -> list:
    """The places of a line that names nothing but them ("Belgorod.", "Klimovo, Bryansk
    oblast."), as locations; else nothing."""
    if text[max(0, sentence.start - 1) : sentence.start].strip() or (
        text[sentence.end : sentence.end + 1].strip()
    ):
        return []  # not a line of its own
    roles = [
        (m, p, "location")
        for m, p, _ in place_roles(text, sentence, mentions, resolution)
        if m.kind != "demonym"
    ]
    rest = sentence.text
    for m, _, _ in sorted(roles, key=lambda r: -r[0].start):
        rest = rest[: m.start - sentence.start] + rest[m.end - sentence.start :]
    rest = re.sub(r"\b(?:oblast|region|district|raion|right now|today)\b", "", rest, flags=re.I)
    return roles if roles and not re.search(r"[^\W\d_]", rest) else []


def last_town(roles) -> Place | None:
    """The last town of ``roles`` that a later "the town" can mean."""
    towns = [
        (r in ("local", "home"), p)
        for m, p, r in sorted(roles, key=lambda x: x[0].start)
        if r not in _NOT_WHERE and m.kind not in ("section", "border") and _is_town(p)
    ]
    # a town where something happened before the town of the speaking office or of a home
    where = [p for aside, p in towns if not aside] or [p for _, p in towns]
    if not where:
        # "BREST, 31 March – ... a siding outside the city": the city of the dateline
        where = [p for m, p, r in roles if r == "dateline" and _is_town(p)]
    return where[-1] if where else None


def _town_referred_to(text: str, sentence: Sentence, roles, antecedent: Place | None):
    """A place role for each "the town" (or "near the station") of the sentence: the town named
    last before it, in the sentence or (``antecedent``) before it."""
    out = []
    referring = [*_THE_TOWN.finditer(sentence.text), *_NEAR_THE_STATION.finditer(sentence.text)]
    for match in referring:
        start, end = sentence.start + match.start(), sentence.start + match.end()
        town = last_town([r for r in roles if r[0].end <= start]) or antecedent
        if town is None:
            continue
        before = text[max(sentence.start, start - 80) : start]
        if _REFERENCE_BEFORE.search(before):
            # "the airfield at X, about ten kilometres south-east of the city": a yardstick
            role = "reference"
        elif _NEAR_BEFORE.search(before) or re.search(r"\b(?:edge|outskirts) of\s+$", before):
            role = "near"
        elif (
            _TO_BEFORE.search(before)
            or re.search(r"\bentered\s+$", before)
            or match.group().lower() == "there"
        ):
            role = "destination"
        else:
            role = "location"
        mention = replace(town.mention, start=start, end=end)
        out.append((mention, replace(town, mention=mention), role))
    return out


def _capital_referred_to(sentence: Sentence, roles, resolution: Resolution):
    """A location for "in the capital" where the text names no capital there: the national
    capital it names elsewhere ("Mogadishu: suicide blast ..." above "a restaurant in the
    capital"); when it names more than one, the one in the country of the sentence's places."""
    matches = list(_THE_CAPITAL.finditer(sentence.text))
    if not matches:
        return []
    capitals = {p.candidate.key: p for p in resolution.places if p.candidate.capital}
    if len(capitals) > 1:
        countries = {p.candidate.country_code for _, p, _ in roles}
        capitals = {k: p for k, p in capitals.items() if p.candidate.country_code in countries}
    if len(capitals) != 1:
        return []
    (capital,) = capitals.values()
    out = []
    for match in matches:
        start, end = sentence.start + match.start(), sentence.start + match.end()
        mention = replace(capital.mention, start=start, end=end)
        out.append((mention, replace(capital, mention=mention), "location"))
    return out


def _qualified(text: str, roles):
    """Drop a place that only says where the place before it is ("the Gozhsky range outside
    Hrodna"); when the two disagree and the second is a region, trust the region."""
    out = list(roles)
    for i in range(1, len(roles)):
        (first, a, role_a), (second, b, role_b) = roles[i - 1], roles[i]
        if role_a not in ("location", "near") or role_b not in ("location", "near"):
            continue
        if not _QUALIFIER_GAP.search(text[first.end : second.start]):
            continue
        ca, cb = a.candidate, b.candidate
        agrees = (ca.admin1 and ca.admin1 == cb.admin1) or haversine_km(
            ca.lat, ca.lon, cb.lat, cb.lon
        ) <= 60
        if agrees:
            out[i] = (second, b, "qualifier")
        elif second.kind == "region":
            out[i - 1] = (first, a, "qualifier")
    return out

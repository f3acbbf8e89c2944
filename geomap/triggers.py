"""The event types news tells, as trigger patterns: one lexicon per kind of incident.

Each :class:`TypeRule` is a way reporting tells one event type — a rail disruption as delays,
cancellations, standstills, stranded trains, reroutes, closed lines and failed systems; an
arrest as detained, held, seized, sentenced, remanded — with the words its sentence or clause
must also hold, and the words that rule it out. These are lexicons of phrasings, not the
sentences of any one report. :mod:`.incidents` applies them clause by clause and decides
negation, speculation, dates and places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import cue


@dataclass(frozen=True)
class TypeRule:
    event_type: str
    pattern: re.Pattern
    weight: float
    #: words the sentence must also hold ("drills" are military only among soldiers)
    context: re.Pattern | None = None
    #: words that rule it out ("echelons with tanks passed": the tanks are cargo)
    unless: re.Pattern | None = None
    #: words the clause itself must hold ("services were interrupted" only on a railway)
    needs: re.Pattern | None = None


_RAIL_OBJECT = (
    r"(?:relay|signal(?:l?ing)?|centrali[sz]ation|interlocking|switch(?:es)?|cabinets?|tracks?|rails?|"
    r"railway|railroad|rail line|sleepers|catenary|locomotives?|traction substation|equipment|"
    r"signals|points|points mechanisms?|signal(?:ling)? box(?:es)?|relay (?:box(?:es)?|stations?)|"
    r"track circuits?|fastenings|fishplates|bolts|rail joints|(?:railway|rail) bridges?|"
    r"rail(?:way)? infrastructure|automation|semaphores?|level crossings?|switchgear)"
)
_FIRE = (
    r"(?:caught fire|went up in flames|(?:set|setting) (?:\w+\s+){0,3}(?:alight|on fire)|"
    r"(?:set|sets|setting) fire to|fires? in|(?:fire|blaze) broke out (?:in|at)|"
    # "the fire was started", "the torching of": the deed told as a noun
    r"(?:fire|blaze) was (?:started|set|lit)|torch(?:ed|ing)|burning of|arson attack on|"
    # "set a relay cabinet on fire": the object sits inside the phrase
    r"on fire)"
)
_DAMAGE = (
    r"(?:burn(?:ed|t|ing|s)?|set (?:on )?fire|set alight|torched|"
    # "broke into a relay cabinet", "forced open the cabinet": breaking in to do damage
    r"broke into|broken into|break(?:ing)? into|forced open|prised open|pried open|"
    # "broke open a relay box", "wedged a crowbar into the points": gear opened or blocked
    r"broke open|broken open|wedg(?:ed|ing)|"
    r"destroy(?:ed|ing|s)?|destruction|damag(?:ed|e|ing|es)|"
    r"disabl(?:ed|e|ing)|sabotag(?:ed|e|ing)|blew up|blown up|dismantl(?:ed|e|ing)|ignited|arson|wrecked|smashed|"
    r"knocked out|out of action|unscrew(?:ed|ing)|unbolt(?:ed|ing)|jamm(?:ed|ing)|vandali[sz]ed|"
    r"(?:were|was|had been) removed|removed (?:from|the)|poured (?:sand|concrete|water|foam) into|"
    r"plant(?:ed|ing) (?:a |an )?(?:bomb|explosives?|explosive device|mine)|mined|planted (?:under|on|beneath|next to)|"
    r"attacked (?:a |the )?(?:relay|signal)|"
    # the deed as a noun or a blast: "an attack on a relay cabinet", "an explosion on the tracks"
    r"(?<!cyber )(?<!cyber-)attacks? on|(?:explosions?|blasts?) (?:on|under|damaged|hit|ripped)|"
    r"exploded|detonated|(?:placed|laid|put|piled|dumped|threw) (?:[\w-]+\s+){0,2}?(?:logs|"
    r"tyres|tires|obstacles|stones|rocks|concrete blocks|debris|trees?|barricades?) "
    r"(?:on|across|onto)|" + _FIRE[3:-1] + ")"
)
_TROOPS = (
    r"(?:troops|forces|battalions?|battalion tactical groups|BTGs?|brigades?|units?|soldiers|servicemen|"
    r"the military|army|regiments?|divisions?|paratroopers|contingent|personnel|formations?|"
    r"peacekeepers|police officers|reinforcements|commandos|special forces|marines|"
    r"(?:ranger |infantry |special |rifle )?companies|"
    r"battle ?groups?)"
)
_MOVE = r"(?:mov(?:e|ed|es|ing)|transferr?(?:ed|ing|s)?|relocat\w+|redeploy\w*|arriv\w+|pull(?:ed|ing) back|withdr[ae]w\w*|brought|shift(?:ed|ing))"
_EQUIPMENT = (
    r"(?:equipment|tanks|armou?red vehicles|vehicles|IFVs?|APCs?|howitzers|Iskanders?|S-?400s?|air defen[cs]e systems|"
    r"missile systems?|convoys?|columns?|echelons?|hardware|trucks|artillery|helicopters|fighter jets|"
    r"fighters|jets|aircraft|bombers|Su-\d+\w*|launchers|armou?r|T-\d+\w*|BMP-?\d*\w*|"
    r"BTR-?\d*\w*|MT-LBs?|Tigrs?|Urals?|Buks?|Pantsirs?|Tor-M\d\w*|Tochka(?:-U)?s?|Grads?|"
    r"Smerch(?:es)?|Uragans?|rocket launchers|MLRS|self-propelled guns|fuel (?:bowsers|tankers)|"
    r"Il-\d+\w*|An-\d+\w*|transport (?:aircraft|planes)|(?:Mi|Ka)-\d+\w*|gunships|radars?|"
    r"launch tubes|lorries|reloaders)"
)

# Moving on the ground: advancing, pushing, crossing, withdrawing.
_AIRCRAFT = (
    r"(?:helicopters?|(?:helicopter )?gunships?|warplanes?|aircraft|jets|(?<!suicide )bombers?|drones?|planes|"
    r"air force|aviation)"
)
_ADVANCE = (
    r"(?:advanc(?:ed|ing)|push(?:ed|ing)|(?<!border )cross(?:ed|ing)|withdr[ae]w\w*|pull(?:ed|ing|s)? (?:out|back)|"
    r"retreat\w*|march(?:ed|ing)|travell?ed|left|enter(?:ed|ing)|dr(?:ove|iv(?:ing|en))|head(?:ed|ing)|"
    r"regroup\w*|pull(?:ed|ing|s)? into|rumbl(?:ed|ing)|streamed|poured|landed (?:at|in|near)|"
    r"rolled (?:(?:north|south|east|west)\w*\s+)?(?:out|into|across|over|towards?|through|from)|"
    r"pass(?:ed|ing) (?:through )?|"
    r"moved (?:(?:north|south|east|west)\w*\s+)?(?:across|into|towards?|out|back)|"
    # "reached the outskirts of", "came down from", "went back over the border"
    r"reached|c(?:a|o)me (?:down|back|in) (?:from|into|to)|went back|turn(?:ed)? off into|"
    # "special forces flew in from Bangui", "were flown from Villavicencio", "airlifted to"
    r"fl(?:ew|own)(?: in)? (?:from|to|into)|airlift(?:ed)? (?:from|to|into))"
)

# Rail disruption as news tells it: what runs on a line, and the ways it stops running.
# A lexicon of phrasings (delays, cancellations, standstills, stranded trains, reroutes,
# closures, system failures), not the sentences of any one report.
_RAIL_RUNNING = (
    r"(?:passengers|travell?ers|"
    r"(?:evacuation |passenger |freight |commuter |suburban |long-distance |intercity |"
    r"international |express |military |troop |fuel )?(?:trains?|services?|departures|arrivals|"
    r"express(?:es)?|shuttles?|"
    r"connections?|timetables?|traffic|trips|journeys|routes?)|(?:rail(?:way|road)?|train) "
    r"(?:traffic|services?|links?|connections?|movements?|communications?))"
)
_RAIL_STOPPED = (
    r"(?:(?:ran|run|running|arrived|were|was)\s+(?:up\s+to\s+|about\s+|some\s+|over\s+|"
    r"more\s+than\s+)?(?:[\w-]+\s+){0,2}?(?:hours?|minutes)?\s*(?:late|behind schedule|overdue)|"
    r"delayed|held(?:\s+up)?\s+(?:for\s+(?:hours|(?:[\w-]+\s+)?(?:hours?|minutes))|at|outside|"
    r"short of|on)|held up|"
    r"cancell?ed|called off|scrapped|suspended|halted|stopped|paused|interrupted|disrupted|"
    r"paraly[sz]ed|frozen|restricted|at a standstill|"
    r"(?:came|come|comes|ground|grinds) to an? (?:complete |full |total )?(?:halt|standstill|stop)|"
    r"(?:are|were|is|was) not (?:running|operating|moving)|stopped (?:running|operating)|"
    r"(?:stood|standing|stands) (?:still|idle)|sat idle|idled|stranded|stuck|trapped|"
    r"re-?routed|diverted|(?:take|took|taking|make|made) (?:a )?(?:detour|diversion)|"
    r"routed by (?:telephone|phone|radio|hand)|(?:stood|stand|waited|were kept|kept) "
    r"(?:at|outside|on)\b[^.;]{0,40}?\bfor (?:about |some |over |nearly )?(?:[\w-]+ )?hours?|"
    r"(?:no longer|could not|cannot|can't|unable to) (?:run|pass|move|leave|depart)|"
    # "trains have not run through the tunnel since the blast"
    r"(?:have|has|had) not (?:run|moved|passed|operated)|"
    r"(?:were|was) (?:blocked|closed|cut|severed|shut))"
)
# A railway named in the clause: "services were interrupted" is a water main elsewhere.
_ON_RAIL = cue(
    r"\b(?:trains?|rail\w*|railway\w*|locomotives?|wagons|carriages|junctions?|sidings?|"
    r"(?<!police )(?<!fire )(?<!service )(?<!gas )(?<!petrol )(?<!weather )(?<!TV )stations?|"
    r"tracks?|level crossing|signall?ing|dispatch\w*|suburban|commuter|evacuation|long-distance|"
    r"traction|"
    r"intercity|"
    r"interlocking|catenary|overhead (?:wires?|lines?)|Ukrzaliznytsia|Belarusian Railways|"
    r"Russian Railways|echelons?|freight|(?:main|branch|railway|rail) lines?)\b"
    # "the Orsha–Mogilev line": a line named by its two ends is a railway (roads are roads)
    # (names of at most 40 letters: an unbounded run of hyphened words made this quadratic)
    r"|(?<![\w-])[\w-]{1,40}\s*[–—]\s*[\w-]{1,40}\s+line\b"
)
# Infrastructure that fails without anyone claiming to have broken it.
_RAIL_SYSTEM = (
    r"(?:dispatch(?:ing)?|signall?ing|signals|interlocking|centrali[sz]ation|traffic control|"
    r"power supply|traction power|overhead (?:wires?|lines?|contact (?:wire|line)|"
    r"catenary)|catenary|contact (?:wire|network)|ticketing|booking)(?:\s+(?:system|network|"
    r"centre|center|servers?))?"
)
_RAIL_FAILED = (
    r"(?:went down|(?:was|were) down|failed|failure|crashed|broke down|outage|"
    r"(?:stopped|ceased) (?:working|functioning)|ceased to (?:work|function)|went (?:dark|dead)|"
    r"out of (?:action|service|order|operation)|knocked out|cut off|lost power|without power|"
    r"(?:was|were) (?:brought|knocked|torn|pulled) down)"
)
_RAIL_CLOSED = (
    r"(?:(?:cut(?:ting)?|sever(?:ed|ing)|block(?:ed|ing)|clos(?:ed|ing)|shut(?:ting)?(?: down)?|"
    r"obstruct(?:ed|ing))\s+(?:off\s+)?(?:the\s+|a\s+|both\s+)?"
    # "cutting its brake lines", "cut the phone lines": lines that carry no trains
    r"(?:(?!(?:its|their|his|her|brake|fuel|supply|phone|telephone|power|communication|"
    r"supply|front|battle|enemy)\b)[\w-]+\s+){0,2}?"
    r"(?:line|lines|track|tracks|route|junction|level crossing|crossing|main line|branch|"
    r"railway|rail link)\b"
    r"|\b(?:line|lines|track|tracks|route|junction|main line|branch line|stations?)\b"
    r"[^.;]{0,40}?\b(?:"
    r"(?:was|were|is|are|remains?|remained|has been|have been) (?:(?:still|now|temporarily) )?"
    r"(?:closed|blocked|cut|severed|impassable|shut|out of (?:use|service|action))|"
    r"(?:stood|stands|standing) (?:still|idle))"
    r"|\b(?:cut(?:ting|s)?|knock(?:ed|ing) out)\s+(?:off\s+)?(?:the\s+)?(?:power|electricity|"
    r"traction power|the power supply)\s+(?:to|for|on)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:line|lines|"
    r"railway|trains|section|junction|station)\b"
    r"|\bbridges?\s+(?:is\s+|was\s+)?(?:out|down|collapsed|impassable)\b"
    r"|\b(?:brought|knocked|pulled|tore|torn) down (?:the )?(?:overhead|contact|power) "
    r"(?:wires?|lines?|cables?)\b"
    r"|\bpower (?:cut|outage|failure)s?\b[^.;]{0,60}?\b(?:trains?|signall?ing|line|junction|"
    r"station|railway|traffic)\b"
    r"|\b(?:trains?|wagons|locomotives?|carriages)\b[^.;]{0,40}?\bderail(?:ed|s)\b|\bderailment\b)"
)

# Military cargo on rail wagons: "loaded onto flatcars", "stood on platform wagons".
_ON_FLATCARS = cue(
    r"\b(?:on|onto|on to|aboard)\s+(?:[\w-]+\s+)?(?:flatcars|flat wagons|platform wagons|"
    r"rail(?:way)? platforms)\b"
)

# Whom an arrest takes: people by kind, age and trade ("a 45-year-old train dispatcher").
_PERSONS = (
    r"(?:men|women|man|woman|people|persons?|suspects?|activists?|residents?|locals|workers?|"
    r"employees?|staff|railway(?:men|man| workers?)|dispatchers?|drivers?|engineers?|"
    r"signall?ers?|shunters?|conductors?|fore(?:man|men)|fitters?|electricians?|teenagers?|"
    r"boys?|girls?|students?|pensioners?|journalists?|partisans|saboteurs|\w+-year-olds?)"
)

_MILITARY_CONTEXT = cue(
    r"\b(?:military|army|troops|forces|naval|navy|air force|airborne|tactical|joint|combat|"
    r"marines|brigades?|battalions?|units|soldiers|artillery|missiles?|nuclear|war|defen[cs]e|"
    r"paratroopers|servicemen|sailors|conscripts|reservists|sappers|gunners|"
    r"helicopters?|jets|aircraft|ranges?|airfields?|training grounds?)\b"
    r"|\b[A-Z][a-z]+ (?:Resolve|Shield|Strike|Thunder)\b|\bZapad\b"
)

# Damage by war or by accident is no sabotage: "a missile destroyed a railway bridge", "a power
# cut left the signalling out of action".
_NOT_SABOTAGE = cue(
    r"\b(?:missiles?|rockets?|shell(?:ing|ed|s|fire)?|artillery|air ?strikes?|bomb(?:ed|ing)|bombs (?:fell|hit|struck)|"
    r"dropp(?:ed|ing) (?:[\w-]+\s+){0,2}?bombs?|(?:jets|warplanes|bombers|aircraft|helicopters) "
    r"(?:struck|bombed|attacked|dropped|fired|hit)|"
    # a cyberattack stops trains (a disruption) without harming the track
    r"cyber[\w-]*|hack(?:ers|ed|ing)|computer (?:networks?|systems?)|servers|"
    r"drones?|power (?:cut|outage|failure)s?|blackout|storms?|floods?|accident|"
    r"technical (?:fault|failure|problems?)|short circuit|lightning)\b"
)

# What is taken by force: "captured the town", "seized the Ouagadougou conference centre".
_TAKEN_BY_FORCE = (
    r"(?:town|city|village|district|area|territory|military base|army base|air base|base|"
    r"barracks|garrison|outpost|checkpoint|military post|army post|(?:army|military|police) "
    r"(?:camp|positions?|convoy|patrol|post|station)|(?:battalion|brigade|regimental) headquarters|positions?|airport|border crossing|headquarters|"
    r"(?:conference |shopping |district )?(?:centre|center)|complex|compound|port|refinery|"
    r"oil field|bridge|palace|ministry)"
)

# Guns that fire on a place from afar, and the armed parties that fight.
_GUNS = (
    r"(?:artillery|mortars?|howitzers?|(?<!think )(?<!fuel )(?<!septic )tanks?|heavy weapons|Grads?|rocket launchers|"
    r"multiple[- ]rocket launchers|MLRS|guns)"
)
# "about 30 rockets", "a barrage of rockets", "dozens of Katyusha rockets": unguided rockets
# fired by the score, as artillery fires them (a missile strike counts its missiles in ones)
_ROCKET_VOLLEY = (
    r"(?:(?:(?:dozens|scores|hundreds|barrages?|volleys?|salvos?|hail) of|\b[2-9]\d{1,2})\s+"
    r"(?:[\w-]+\s+)?rockets\b|"
    # "cluster rockets fired by rebel Serbs", "Grad rockets": artillery rockets by their kind
    r"\b(?:cluster|Grad|Katyusha|Smerch|Uragan|Orkan|Qassam|unguided|artillery)\s+rockets\b)"
)
# "Rockets fired from Lebanon slammed into Haifa": fired across a front line, as guns fire
_ROCKETS_ACROSS = r"\brockets\s+(?:were\s+|had\s+been\s+)?(?:fired|launched)\s+from\b"
# a sentence whose rockets are a volley or fired across a line, and that names no missile
_ROCKETS_NOT_MISSILES = cue(
    rf"^(?!.*\bmissiles?\b).*(?:{_ROCKET_VOLLEY}|{_ROCKETS_ACROSS}|"
    # "helicopter gunships fired rockets at rebel positions": an aircraft's rockets
    r"\b(?:helicopters?|gunships?|jets|warplanes?|aircraft|planes)\b[^.;]{0,40}?\bfired\s+rockets\b)"
)
_ARMED_CONTEXT = cue(
    r"\b(?:troops|forces|army|soldiers?|snipers?|militias?|militiamen|rebels?|insurgents?|militants?|"
    r"jihadists?|fighters|gunmen|paramilitar(?:y|ies)|guerrillas?|police|gendarmes?|"
    r"armed (?:[\w-]+\s+)?(?:groups?|men|formations)|terrorists?|bandits|gangs?|combatants|the enemy|"
    r"battalions?|brigades?|units?|"
    r"RSF|M23|Taliban|(?:al-)?Shabaab|Houthis?|Wagner|ISIS|Islamic State|jihad\w*)\b"
)
# "police clashed with protesters", "fans fought": crowds, not armed parties
_UNARMED_CROWD = cue(
    r"\b(?:protesters|demonstrators|rioters|lawmakers|MPs|deputies|fans|supporters|students|"
    r"strikers|marchers|parliament|debate|in court|on (?:twitter|social media))\b"
)
_ASSAILANTS = (
    r"(?:gunmen|militants|militiamen|militias?|attackers|assailants|insurgents|jihadists|"
    r"bandits|armed men|fighters|rebels|dissidents|extremists|terrorists|kidnappers|raiders|"
    r"gangs?|gangsters|gang members|armed groups?|paramilitaries|soldiers|troops|forces|"
    r"(?:police|paramilitary|army|security) units|"
    # armed groups by name: "the Houthis attacked a cargo ship"
    r"Houthis?|Taliban|(?:al-)?Shabaab|Boko Haram|ISIS|Islamic State|JNIM|Janjaweed|"
    r"(?:suspected|armed)\s+"
    r"[\w-]+\s+(?:fighters|militants|militiamen|rebels|jihadists|gunmen|groups))"
)
# whom an attack on civilians strikes: people going about their lives, and where they gather
_CIVILIANS = cue(
    r"\b(?:civilians|villagers|residents|worshipp?ers|farmers|herders|fishermen|miners|"
    r"passengers|travell?ers|motorists|commuters|drivers|pilgrims|tourists|aid workers|"
    # (not "Muslims": "the Group for the Support of Islam and Muslims" is an armed group)
    r"Christians|Yazidis|Hindus|"
    r"pupils|students|schoolchildren|children|women|families|displaced|refugees|people|"
    r"journalists|reporters|lawyers|relatives|bystanders|teachers|doctors|nurses|patients|"
    r"health workers|governor|"
    r"mourners|shoppers|traders|diners|swimmers|unarmed|villages?|markets?|mosques?|"
    r"refugee camps?|(?:camps?|sites?) for (?:the )?displaced|displacement camps?|"
    r"churche?s?|schools?|hospitals?|camps? for (?:the )?displaced|homes?|houses?|house to house|"
    r"(?:mini)?bus(?:es)?|weddings?|funerals?|crowds?|cathedral|Mass|bars?|restaurants?|hotels?|"
    r"passenger|ferr(?:y|ies)|boats?|bazaars?|shops?|(?:cargo|merchant|commercial|container) "
    r"(?:ships?|vessels?)|tankers?|bulk carriers?)\b"
    # (not "residents said": civilians who only tell of it)
    r"(?!\s+(?:said|say|says|told|reported|recalled))"
)

# "columns of families on the road", "convoys of the displaced": people fleeing, not an
# army's kit on the move
_PEOPLE_FLEEING = cue(
    r"\b(?:columns?|convoys?|streams?|lines?) of (?:[\w-]+\s+)?(?:families|refugees|displaced|"
    r"civilians|people|evacuees|residents)\b|\b(?:fleeing|fled)\b"
)

# "Odesa was hit by a missile", "the depot had been struck by two drones": the target told
# first, the weapon (which says the type) after
_PASSIVE = r"\b(?:was|were|had been|has been|have been)"
_HIT_BY = (
    rf"{_PASSIVE}\s+(?:hit|struck|targeted|pounded|bombed)\s+by\s+"
    r"(?:a|an|the|two|three|several|\d+)?\s*(?:[\w-]+\s+){0,2}?"
)

TYPE_RULES: tuple[TypeRule, ...] = (
    TypeRule(
        "arrest",
        cue(
            r"\b(?:arrested|detained|apprehended|taken into custody|"
            # "captured the town" is a place taken by force, not a person held
            # (not "Grozny, which federal forces captured early this year": a town taken)
            r"(?<!which )(?<!forces )(?<!troops )(?<!army )"
            # (nor "the only regional capital Moscow had captured since the invasion")
            r"captured(?!\s+(?:since|during|in|after|before|early|late|last|this|at the)\b)"
            r"(?!\s+(?-i:[A-Z])[\w'’-]+,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|"
            r"port|district|hub|stronghold|settlement)\b)"
            r"(?!\s+(?:full\s+|complete\s+)?control\b)(?!\s+(?:the\s+|a\s+|an\s+)?"
            rf"(?:[\w-]+\s+){{0,3}}?{_TAKEN_BY_FORCE}\b)|"
            r"(?:arrest|detain)ing|remanded|nabbed|"
            r"(?:picked up|rounded up|seized|taken away|led away|abducted|grabbed|snatched)\s+by\s+"
            r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:police|officers|agents|KGB|security|border guards|"
            r"special forces|OMON|GUBOPiK|militia|soldiers|investigators)|"
            r"(?:picked up|rounded up|took|taken)\s+(?:[\w-]+\s+){0,3}?(?:"
            + _PERSONS
            + r"|him|her|them)"
            r"(?:\s+into custody|\s+in\b|\s+at\b|\s+on\b|\s+near\b)|"
            r"(?:placed|put|held|locked)\s+(?:[\w-]+\s+){0,2}?in\s+(?:a\s+)?(?:pre-trial\s+)?"
            r"detention(?:\s+cent(?:re|er))?|behind bars|"
            r"handed\s+(?:[\w-]+\s+){0,4}?(?:an?\s+)?(?:[\w-]+\s+)?(?:prison|jail|colony)\s+"
            r"(?:term|sentence)|"
            # a verdict, not "a convicted killer" or "journalists are imprisoned" (a state)
            r"(?<!previously )(?:sentenced|jailed)\s+(?:[\w.,-]+\s+){0,8}?(?:to|for)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:years?|months?|life|prison|jail|a colony|imprisonment)|"
            r"(?:placed|put|kept|remains?|remained) (?:under arrest|in (?:custody|detention|"
            r"pre-trial detention))|in police custody|rounded up|locked up|handcuffed|"
            r"(?:was|were|is|are|being|been) held (?:by (?:the\s+)?(?:police|security|authorities|officers|"
            r"investigators|agents|KGB|border guards|militia|soldiers)|in custody|in (?:pre-trial )?detention|"
            r"on charges|for questioning|incommunicado|at a police)|"
            r"held\s+(?:[\w-]+\s+){0,3}?(?:" + _PERSONS + r")|"
            # "Transport police caught two 17-year-olds as they set fire to ..."
            r"(?:police|officers|agents|investigators|guards)\s+caught\b|"
            r"(?:was|were) caught (?:there|by (?:the )?police|by officers|red-handed|on the spot|"
            r"at the scene|and (?:detained|arrested))|"
            r"detention of|arrest of|arrests of)\b"
        ),
        3.0,
    ),
    TypeRule(
        "rail_sabotage",
        cue(rf"\b{_RAIL_OBJECT}\b[^.;]{{0,80}}?\b{_DAMAGE}\b"),
        2.5,
        unless=_NOT_SABOTAGE,
    ),
    TypeRule(
        # "explosives went off under a freight train", "was derailed by a blast": a bomb on
        # the line, not an attack on people
        "rail_sabotage",
        cue(
            r"\b(?:explosives?|explosive devices?|bombs?|mines?|charges?|blasts?|explosions?)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:went off|exploded|detonated|blew up|ripped through)\s+"
            r"(?:under|beneath|on|beside|inside)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:trains?|tracks?|rails?|railway|railroad|locomotives?|wagons?|rail bridge)|"
            r"derailed\s+by\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:blast|explosion|explosive|bomb|mine)"
        ),
        2.6,
        unless=_NOT_SABOTAGE,
    ),
    TypeRule(
        "rail_sabotage",
        cue(rf"\b{_DAMAGE}\b[^.;]{{0,60}}?\b{_RAIL_OBJECT}\b"),
        2.5,
        unless=_NOT_SABOTAGE,
    ),
    TypeRule(
        # "Two relay cabinets on the stretch between A and B, on the main line from C to D,
        # were burned out": the gear and its fate told apart by where it stood
        "rail_sabotage",
        cue(
            rf"\b{_RAIL_OBJECT}\b[^.;]{{0,160}}?\b(?:was|were|had been|have been|has been)\s+"
            r"(?:burn(?:ed|t)(?:\s+out)?|torched|smashed|wrecked|set on fire|set alight|"
            r"broken (?:open|into)|vandali[sz]ed|blown up)\b"
        ),
        2.4,
        unless=_NOT_SABOTAGE,
    ),
    TypeRule(
        # "partisans derailed a freight train": a train derailed by someone
        "rail_sabotage",
        cue(
            r"\bderail(?:ed|ing)\s+(?:a|an|the|two|three|several|one|[\w-]+)\s+(?:[\w-]+\s+)?"
            r"(?:trains?|echelons?|locomotives?|wagons)\b|\bderailed by (?:partisans|saboteurs|"
            r"unknown|a group|activists|guerrillas)"
        ),
        2.5,
        unless=_NOT_SABOTAGE,
    ),
    TypeRule(
        # "signalling cables ... were cut", "cut the signal cables": cables cut by hand
        "rail_sabotage",
        cue(
            r"\b(?:signal(?:l?ing)?|relay|communication|fibre-optic|fiber-optic|control|copper|"
            r"railway)\s+(?:cables?|wires?|wiring)\b[^.;]{0,50}?\b(?:cut|severed|stolen|ripped out|"
            r"torn out|removed)\b"
            r"|\b(?:cut|severed|stole|ripped out|tore out)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:signal(?:l?ing)?|relay|communication|fibre-optic|control|copper)\s+(?:cables?|wires?)"
            # "cutting out and carrying off some forty metres of signalling cable"
            r"|\b(?:cutting|severing|stealing|ripping|tearing|carrying\s+off|making\s+off\s+with)"
            r"\b(?:\s+[\w-]+){0,8}?\s+(?:signal(?:l?ing)?|relay|communication|fibre-optic|"
            r"fiber-optic|control|copper)\s+(?:cables?|wires?)\b"
        ),
        2.5,
        unless=_NOT_SABOTAGE,
    ),
    TypeRule(
        # "the cables in a relay cabinet had been cut", "cut its wiring": cut by hand
        "rail_sabotage",
        cue(
            r"\b(?:cables?|wires?|wiring)\b[^.;]{0,50}?\b(?:cut|severed|stolen|ripped out|"
            r"torn out)\b|\b(?:cut|severed|stole|ripped out|tore out)\s+(?:the|its|their|a|all)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:cables?|wires?|wiring)\b"
        ),
        2.5,
        unless=_NOT_SABOTAGE,
        needs=cue(
            r"\b(?:relay|cabinets?|signall?(?:ing)?|signals|interlocking|points|tracks?|rail\w*)\b"
        ),
    ),
    TypeRule(
        "rail_sabotage",
        cue(r"\b(?:rail(?:way)? sabotage|sabotage on the rail\w*|blocking of (?:the )?rail\w*)\b"),
        2.2,
    ),
    TypeRule(
        "rail_disruption",
        cue(
            r"\bno (?:more |longer (?:any )?)?(?:viable )?rail(?:way|road)? (?:connection|traffic|link)"
        ),
        2.4,
    ),
    TypeRule(
        "rail_disruption",
        cue(
            r"\b(?:cyber-?attacks?|hack(?:ed|ing)?|attack(?:ed|s)?|struck|strike)\b[^.;]{0,30}?\b(?:on\s+)?"
            r"(?:the\s+)?rail(?:way|road)?(?:['’]s)?\s+(?:(?:computer|IT|ticketing|signalling)\s+)?"
            r"(?:networks?|systems?|servers|IT)"
        ),
        2.4,
    ),
    TypeRule(
        "rail_disruption",
        cue(
            r"\btrains?\b[^.;]{0,80}?\b(?:(?:stopped|ceased) (?:running|operating|moving|crossing)|"
            r"no longer (?:run|cross|operate))\b"
        ),
        2.4,
    ),
    TypeRule(
        "rail_disruption",
        cue(
            r"\b(?:rail(?:way|road)?|train|passenger|freight) (?:traffic|services?|connections?|communications?|links?)\b[^.;]{0,60}?\b(?:halted|suspended|stopped|cut|interrupted|paraly[sz]ed|disrupted|blocked|severed)\b"
        ),
        2.4,
    ),
    TypeRule(
        "rail_disruption",
        cue(
            r"\b(?:trains?|traffic) (?:were |was |have been |has been )?(?:halted|stopped|delayed|cancell?ed|suspended)\b"
        ),
        2.0,
    ),
    TypeRule(
        "rail_disruption",
        cue(
            r"\b(?:broke into|hack(?:ed|ing)?|attack(?:ed)?|struck|encrypted)\b[^.;]{0,20}?\b(?:the\s+)?"
            r"(?:computer systems|IT systems|servers|network)\s+of\s+(?:the\s+)?rail(?:way|road)s?\b"
        ),
        2.4,
    ),
    TypeRule(
        "rail_disruption",
        cue(
            r"\b(?:suspend(?:ed|s|ing)?|halt(?:ed|s|ing)?|cancell?(?:ed|ing)|cut|severed|"
            r"restrict(?:ed|s|ing)|clos(?:ed|es|ing)|stopp(?:ed|ing))\s+"
            r"(?:all\s+)?(?:rail(?:way)?\s+|train\s+|passenger\s+|freight\s+)?"
            r"(?:services|traffic|trains|connections?|links|freight)\b"
            r"|\btrains?\b[^.;]{0,60}?\b(?:ran|run|running|were run) (?:on|under) manual control\b"
        ),
        2.3,
    ),
    TypeRule(
        # "hackers encrypted Belarusian Railways servers"
        "rail_disruption",
        cue(
            r"\b(?:encrypt(?:ed|ing)|hack(?:ed|ing)|breach(?:ed|ing)|attack(?:ed|ing)|paralys(?:ed|ing)|"
            r"took down|knocked out)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:Railways?|railway['’]s?)\s+"
            r"(?:servers|systems|computer systems|network|computers|IT|websites?|ticketing)"
        ),
        2.4,
    ),
    TypeRule(
        # "forced dispatchers to switch to manual control": the system that runs trains is lost
        "rail_disruption",
        cue(r"\bmanual (?:control|operation|mode|signall?ing|dispatch(?:ing)?)\b"),
        2.3,
        needs=_ON_RAIL,
    ),
    TypeRule(
        "rail_disruption",
        cue(r"\bsuspension of (?:rail(?:way)? )?(?:operations|traffic|services)\b"),
        1.6,
    ),
    TypeRule(
        "rail_disruption",
        cue(rf"\b{_RAIL_RUNNING}\b[^.;]{{0,80}}?\b{_RAIL_STOPPED}(?!\w)"),
        2.35,
        # "a train carrying military fuel tankers stood at Orsha": a sighting, not a delay
        unless=cue(
            r"\b(?:carrying|loaded with|laden with|with)\s+(?:[\w-]+\s+){0,3}?(?:military|tanks|"
            r"troops|soldiers|servicemen|equipment|armou?r|launchers|howitzers|vehicles)\b"
        ),
        needs=_ON_RAIL,
    ),
    TypeRule(
        # "suspended all departures", "left three evacuation trains stranded"
        "rail_disruption",
        cue(
            r"\b(?:suspend(?:ed|s|ing)?|halt(?:ed|s|ing)?|cancell?(?:ed|ing|s)?|delay(?:ed|ing|s)?|"
            r"stopp(?:ed|ing)|divert(?:ed|ing)|re-?rout(?:ed|ing)|strand(?:ed|ing)|left|leaving)\s+"
            rf"(?:all\s+|dozens of\s+|(?:about|some|more than|over)?\s*\d+\s+|[\w-]+\s+){{0,3}}?"
            rf"{_RAIL_RUNNING}\b(?:[^.;]{{0,40}}?\b(?:stranded|stuck|standing|idle|waiting))?"
        ),
        2.3,
        unless=cue(r"\bleft\s+(?:[\w-]+\s+){0,3}?trains?\s+(?:for|to|from|at|with)\b"),
        needs=_ON_RAIL,
    ),
    TypeRule(
        "rail_disruption",
        cue(rf"\b{_RAIL_SYSTEM}\b[^.;]{{0,60}}?\b{_RAIL_FAILED}\b"),
        2.35,
        needs=_ON_RAIL,
    ),
    TypeRule("rail_disruption", cue(_RAIL_CLOSED), 2.35, needs=_ON_RAIL),
    TypeRule(
        # "delays of up to five hours", "cancellations on the Minsk line": the nouns
        "rail_disruption",
        cue(
            r"\b(?:delays? of (?:up to |about |some |over |more than )?[\w-]+ (?:hours?|minutes)|"
            r"(?:hours-long|long|lengthy|major|severe|heavy|massive) delays|cancellations|"
            r"(?:traffic|train|rail|service) (?:disruptions?|stoppages?|suspensions?|closures?)|"
            r"disruptions? (?:to|of|on) (?:the )?(?:rail|train|railway)\w*)\b"
        ),
        2.2,
        needs=_ON_RAIL,
    ),
    TypeRule(
        "missile_strike",
        cue(
            r"\b(?:missiles?|(?<!Grad )(?<!Katyusha )rockets?(?![- ](?:launchers?|artillery))|Iskanders?|ballistic|cruise)\b[^.;]{0,60}?\b(?:strikes?|struck|launch(?:ed|es|ing)?|fired|hit|attack(?:ed|s)?|landed|aimed at|target(?:ed|ing)|"
            r"destroy(?:ed|ing|s)|wreck(?:ed|ing|s)|slamm(?:ed|ing) into|smash(?:ed|ing) into|"
            r"pound(?:ed|ing)|rained (?:down )?on|"
            # how a warhead's impact is told: "ripped a hole through", "burst over the station"
            r"ripp(?:ed|ing) (?:a hole |a gap )?(?:through|into|apart)|t(?:ore|earing) (?:through|into|apart)|"
            r"burst (?:over|above|on|in)|explod(?:ed|ing) (?:over|above|on|in|at|near)|"
            r"(?:crashed|ploughed|plowed) into)\b"
        ),
        2.3,
        unless=_ROCKETS_NOT_MISSILES,
    ),
    TypeRule(
        "missile_strike",
        cue(
            r"\b(?:launch(?:ed|es)?|fired)\b[^.;]{0,40}?\b(?:missiles?|"
            r"rockets?(?![- ](?:launchers?|artillery))|Iskanders?)\b"
            # (not "had fired the missiles because ...": the strike told before, explained)
            r"(?<!\bthe missiles)(?<!\bthe rockets)"
        ),
        2.3,
        unless=_ROCKETS_NOT_MISSILES,
    ),
    TypeRule(
        # "Odesa was hit by a missile": the target first, the weapon after
        "missile_strike",
        cue(rf"{_HIT_BY}(?:missiles?|Iskanders?|Kinzhals?|Kalibrs?)\b"),
        2.3,
    ),
    TypeRule(
        "air_strike",
        cue(
            # "the port was bombed on 9 August"
            rf"{_PASSIVE}\s+(?:heavily\s+|repeatedly\s+)?bombed\b|"
            rf"{_HIT_BY}(?:drones?|air ?strikes?|(?:glide |aerial |guided )?bombs?|warplanes?|jets|"
            r"aircraft)\b"
        ),
        2.25,
    ),
    TypeRule(
        # "said it had used Kinzhal missiles to destroy a depot": a strike told as its aim met
        "missile_strike",
        cue(
            r"\b(?:used|employed)\s+(?:[\w-]+\s+){0,3}?(?:missiles?|rockets?|Iskanders?|"
            r"Kinzhals?|Kalibrs?)\b[^.;]{0,40}?\bto (?:destroy|hit|strike|attack|target)\b"
        ),
        2.3,
    ),
    TypeRule(
        "air_strike",
        cue(
            rf"\b(?:strikes?|attacks?|raids?) by\s+(?:[\w-]+\s+){{0,3}}?{_AIRCRAFT}"
            # "partisans used two small drones to damage an A-50"
            r"|\bused\s+(?:[\w-]+\s+){0,3}?drones?\s+to\s+(?:damage|destroy|attack|strike|hit|bomb)\b"
            rf"|\b{_AIRCRAFT}\b[^.;]{{0,80}}?\b(?:(?:carried out|launched|conducted|staged|"
            r"deliver(?:ed|ing)|inflict(?:ed|ing)) (?:[\w-]+\s+){0,4}?(?:strikes?|attacks?|raids?)"
            # "coalition aircraft began striking Islamic State positions"
            r"|(?:began|started|kept|continued|were|was) (?:striking|bombing|pounding|hitting)"
            # "Ukrainian jets destroyed a bridge across the Seym" (not "six warplanes were
            # destroyed": the aircraft hit)
            r"|(?<!were )(?<!was )(?<!been )(?<!be )destroyed"
            # "launched explosive-laden drones at the airport"
            r"|\b(?:launched|sent|fired|flew)\s+(?:[\w-]+\s+){0,6}?drones?\s+(?:at|on|against|into|towards?)\b"
            # "two drones hit a power station"
            r"|struck|bombed|raked|strafed|pounded|fired (?:rockets|missiles) (?:at|on)|attacked|hit|targeted|"
            # "a sea drone packed with explosives rammed the landing ship"
            r"rammed|"
            r"dropped (?:[\w-]+\s+){0,2}?(?:explosives|explosive devices|bombs|grenades|munitions) on|"
            r"slammed into|crashed into)\b"
        ),
        2.25,
    ),
    TypeRule(
        # "Israel carried out strikes on Rafah", "the coalition launched a wave of strikes
        # against Houthi targets": strikes from the air, told without the aircraft
        "air_strike",
        cue(
            r"\b(?:carried out|conducted|launched|staged|mounted)\s+(?:a\s+)?(?:new\s+|fresh\s+|"
            r"further\s+|several\s+|dozens of\s+|a (?:series|wave|round) of\s+|(?:air|drone)\s+)?"
            r"strikes\s+(?:on|against|in|near)\b"
        ),
        2.1,
        # (not "workers carried out strikes in three factories": walk-outs)
        unless=cue(
            r"\b(?:workers|unions?|employees|staff|teachers|doctors|nurses|miners|drivers|"
            r"students|dockers|pilots|strikers)\b"
        ),
    ),
    TypeRule(
        # "Israeli strikes killed 12 people in Tyre": a state's strikes, told without the
        # aircraft (a people's adjective before "strikes"; not "General strikes")
        "air_strike",
        cue(
            r"(?-i:\b(?!General\b)[A-Z][a-z]+(?:i|ian|ish|ese|an)(?:-led)?)\s+strikes?\s+"
            r"(?:killed|hit|destroyed|targeted|flattened|levelled|leveled|struck|pounded|"
            # ("a Ukrainian strike on the Engels airfield"; not "a French strike on Monday")
            r"(?:on|against)(?!\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))\b"
        ),
        2.15,
        # (not "Brazilian strikes hit the oil sector": a walk-out; war strikes kill or hit targets)
        needs=cue(
            r"\b(?:killed|killing|dead|wounded|casualties|targets?|positions?|militants?|fighters|"
            r"bases?|depots?|launchers?|military|army|troops|Hezbollah|Hamas|Houthis?|airfields?|"
            r"air ?bases?|bombers|warplanes|(?:oil )?refiner(?:y|ies)|ammunition|arsenals?|"
            # "Israeli strikes hit the defence ministry building in Damascus"
            r"ministry|headquarters|compound|(?:government|military|army) buildings?)\b"
        ),
    ),
    TypeRule(
        "air_strike",
        cue(
            r"\b(?:air ?strikes?|air ?raids?|drone (?:strikes?|attacks?)|(?<!suicide )(?<!car )bomb(?:ed|ing|ings)|dropp(?:ed|ing) (?:[\w-]+\s+){0,2}?bombs|bombs? (?:have |has |had )?(?:fell|fallen|hit|struck|destroyed|landed)|"
            # "a bomb dropped by a Russian jet destroyed ...", "bombs dropped from helicopters"
            r"bombs? dropped (?:by|from)|aircraft (?:struck|attacked|bombed)|(?<!suicide )bombers? (?:struck|attacked))\b"
        ),
        2.2,
        # "Islamic State has claimed the bombing": a group claims a bomb attack, no air force;
        # "a roadside bomb struck a patrol": a bomb planted, not dropped; "air raid sirens
        # sounded": a warning, not a raid
        unless=cue(
            r"\bair[- ]?raid (?:sirens?|alerts?|alarms?|warnings?|shelters?)\b|"
            r"\bclaim(?:ed|s|ing)?\s+(?:responsibility\s+for\s+)?(?:the|a|an|this|that)\s+bombing\b|"
            r"\b(?:roadside|car|truck|lorry|suicide|pipe|parcel|planted|magnetic|sticky)\s+bombs?\b|"
            r"\b(?:improvised explosive|IEDs?\b|land ?mines?)"
        ),
    ),
    TypeRule(
        # "the RSF shelled El Fasher", "mortar rounds landed in the market", "came under
        # artillery fire": guns firing on a place from afar
        "shelling",
        cue(
            rf"\b(?:{_ROCKET_VOLLEY}[^.]{{0,80}}?\b(?:fell|hit|landed|struck|slammed|exploded|rained|"
            r"crashed into|launched|fired)|"
            rf"{_ROCKETS_ACROSS}[^.;]{{0,80}}?\b(?:fell|hit|landed|struck|slammed|exploded|crashed)|"
            rf"(?:fired|launched|lobbed)\s+(?:about\s+|some\s+|around\s+|more than\s+|nearly\s+|an?\s+(?:[\w-]+\s+)?)?"
            rf"{_ROCKET_VOLLEY}|"
            r"shell(?:ed|ing)(?!\s+out\b)|shellfire|fired (?:[\w-]+\s+){0,2}?(?:shells?|mortars?|mortar rounds|mortar bombs) (?:at|on|into|across)|(?:shells?|mortar bombs?)\b[^.;]{0,80}?\b(?:fell|hit|landed|struck|"
            r"slammed|exploded|rained|crashed into)|(?:artillery|mortar|tank|rocket|howitzer) (?:fire|barrages?|rounds?|"
            r"shells?|bombardment|strikes?|attacks?)|came under (?:heavy |intense |sustained )?"
            r"(?:artillery|mortar|tank|rocket) fire|"
            # "came under fire from multiple rocket launchers"
            rf"came under (?:heavy |intense |sustained )?fire from (?:[\w-]+\s+){{0,2}}?{_GUNS}|"
            rf"{_GUNS}\b[^.;]{{0,80}}?\b(?:fired (?:on|at|into)|hit|struck|pounded|shelled|"
            r"targeted|slammed into|landed (?:in|on|near))|"
            # "fired Smerch multiple rocket launchers loaded with cluster munitions at Barda"
            rf"fired\s+(?:[\w-]+\s+){{0,3}}?{_GUNS}\b[^.;]{{0,60}}?\b(?:at|on|into)|"
            # "the first salvo struck crowded streets"
            r"(?:salvos?|volleys?|barrages?)\s+(?:[\w-]+\s+)?(?:struck|hit|fell|landed|slammed))\b"
        ),
        2.25,
        # "artillery crews live-fired at a range": guns fired in a drill
        unless=cue(r"\b(?:live[- ]fir\w*|exercises?|drills?|training|firing ranges?|at a range)\b"),
    ),
    TypeRule(
        # "heavy fighting in Wad Madani", "clashes between the army and rebels near Mellit",
        # "an ambush on a convoy": armed parties fighting each other
        "armed_clash",
        cue(
            r"\b(?:clash(?:ed|es)|(?:heavy|fierce|intense|renewed|sporadic|street|bloody|deadly|"
            r"pitched) (?:fighting|battles?|clashes)|fighting (?:broke out|erupted|raged|flared|"
            r"intensified|between|around|near|in and around|for control)|battles? (?:for|raged|"
            r"between|erupted)|fire ?fights?|gun ?battles?|gunfights?|skirmish(?:es|ed)?|"
            r"(?:exchang(?:ed|es|ing)|trad(?:ed|es|ing)) (?:of )?(?:[\w-]+\s+){0,2}?fire|ambush(?:ed|es)?|"
            # "gunmen from two rival cartels fought for hours in and around the municipality"
            r"(?:fought|battled|clashed) (?:for (?:hours|days)|each other|one another)|"
            # "security forces killed five militants in a raid": a fight the forces won
            r"(?:killed|shot dead|neutrali[sz]ed|eliminated) (?:at least |some |about )?(?:\d+|\w+) "
            r"(?:suspected )?(?:militants|insurgents|rebels|terrorists|jihadists|gunmen|fighters)|"
            # "a reconnaissance group engaged a band of up to 40 militants"
            # (not "engaged in talks with rebels")
            r"engaged (?!in\b|with\b)(?:[\w-]+\s+){0,6}?(?:militants|rebels|fighters|insurgents|gunmen|troops|"
            r"soldiers|guerrillas)|"
            # "battled Islamic State fighters house by house", "fought dissident guerrillas"
            # "killed by sniper fire", "rebels shot down an army helicopter"
            r"sniper (?:fire|attacks?)|shot (?:dead )?by (?:a )?snipers?|"
            r"shot down (?:a|an|the|two|three)\s+(?:[\w-]+\s+){0,2}?(?:helicopters?|gunships?|"
            r"(?:fighter )?jets?|warplanes?|planes?|aircraft)|"
            # "gunmen opened fire on a police patrol", "officers were fired on by armed men"
            r"opened fire on\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:police|army|military|"
            r"security|soldiers|troops|officers|patrols?|convoys?|checkpoints?)|"
            r"(?:police|officers|soldiers|troops|patrols?|convoys?)\b[^.;]{0,40}?\b(?:were|was)\s+"
            r"(?:then\s+)?(?:fired (?:on|upon)|shot at|ambushed)\s+by|"
            r"(?:fought|battled|battling|fighting|clashed with|clashing with)\s+(?:off\s+|back\s+)?"
            r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:army|troops|soldiers|rebels|militants|militias?|"
            r"militiamen|fighters|forces|insurgents|jihadists|guerrillas|gunmen))\b"
        ),
        2.05,
        context=_ARMED_CONTEXT,
        unless=_UNARMED_CROWD,
    ),
    TypeRule(
        # "a UN convoy had been ambushed on the road from Rafaï": an ambush is armed, though
        # the sentence names no side
        "armed_clash",
        cue(
            r"\b(?:convoys?|patrols?|peacekeepers|soldiers|troops|police(?:men)?|officers)\b[^.;]{0,30}?"
            r"\b(?:was|were|had been|has been|have been)\s+ambushed\b|\bambushed\s+(?:a|an|the)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:convoy|patrol|column)\b"
        ),
        2.0,
    ),
    TypeRule(
        # "troops kept up their assault on Vovchansk", "launched an assault on Loikaw": forces
        # storming a named place
        "armed_clash",
        cue(
            r"\b(?:assault|storming|ground offensive)\s+(?:on|of)\s+(?:the\s+)?(?:(?:town|city|"
            r"village|settlement)\s+of\s+)?(?-i:[A-Z])"
        ),
        1.95,
        context=_ARMED_CONTEXT,
        unless=_UNARMED_CROWD,
    ),
    TypeRule(
        # "Heavy fighting continued around Bakhmut": fighting this fierce is armed, though the
        # sentence names no side (not "fighting corruption", which the rule above needs sides for)
        "armed_clash",
        cue(
            r"\b(?:heavy|fierce|intense|pitched|street|house-to-house) (?:fighting|gun ?battles)\b"
        ),
        2.0,
        unless=_UNARMED_CROWD,
    ),
    TypeRule(
        # "rebels seized the town after two days of fighting", "stormed an army base": a
        # place taken, or a post assaulted, by force
        "armed_clash",
        cue(
            r"\b(?:(?:seized|captured|took|taken|taking|seizing|capturing|gained|wrested|regained|"
            r"retook|recaptured)\s+(?:full\s+|complete\s+)?control\s+of|"
            r"(?:seized|captured|overran|overrun|recaptured|retook|stormed|attacked|raided|assaulted)"
            # ("attacked the Sudanese army's 22nd Infantry Division base")
            rf"\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,6}}?{_TAKEN_BY_FORCE}|"
            # "the camp of the Malian Armed Forces came under a complex attack"
            # "the FAMa unit in Tessit was the target of a complex attack"
            r"(?:camp|base|post|barracks|garrison|checkpoint|positions?|convoy|patrol|unit)\b"
            r"[^.;]{0,60}?\b(?:came under|(?:was|were) the target of) (?:a |an )?(?:[\w-]+\s+){0,2}?"
            r"(?:attack|assault)|"
            # "they had captured Dessie, a strategic town", "had taken Kombolcha, a town with an
            # airport": a place the sentence says is a town, taken
            r"(?:captured|taken|took)\s+(?-i:[A-Z])(?=[\w'’-]*,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:town|city|village|port|district|hub|stronghold|settlement)\b)|"
            # "Bosso was overrun by Boko Haram fighters": the place taken, told first
            r"(?:was|were|had been|has been)\s+(?:overrun|captured|seized|stormed|retaken|"
            r"recaptured)\s+by|"
            # "insurgents swept into Macomia", "overran Kidal": a named town taken
            r"(?:seized|overran|overrun|stormed|swept into|recaptured|retook|besieged|encircled|"
            r"laid siege to)\s+(?-i:[A-Z])|"
            # "M23 rebels entered Goma": an armed group, not an army, taking a town
            r"(?:rebels|militants|jihadists|insurgents|fighters|militiamen)\b[^.;]{0,40}?\b(?:entered|"
            r"marched into|moved into|advanced into|pushed into|rolled into)\s+(?-i:[A-Z])|"
            # "stormed into the western districts of Aleppo", "fought their way into the centre"
            r"(?:stormed|swept|broke|burst|fought their way|pushed) into\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:districts?|neighbou?rhoods?|quarters?|centre|center|city|town|outskirts|suburbs)|"
            # "took back this port town from Islamist insurgents"
            r"(?:took|taken|taking|won|winning) back\s+(?:the\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}?"
            rf"{_TAKEN_BY_FORCE})"
        ),
        2.1,
        context=_ARMED_CONTEXT,
        unless=_UNARMED_CROWD,
    ),
    TypeRule(
        # "gunmen killed 14 villagers", "militants raided a market": armed men against
        # people who are not fighting
        "attack",
        cue(
            # (not "soldiers were killed": the armed men are then the dead)
            rf"\b{_ASSAILANTS}\b[^.;]{{0,130}}?(?<!were )(?<!was )(?<!been )\b(?:attacked|raided|"
            r"stormed|burst into|opened fire|killed|"
            r"shot dead|shot|massacred|abducted|kidnapped|torched|burned|set fire to|executed|"
            r"beheaded|hacked|(?:went|going|moved) (?:from )?house to house)\b"
        ),
        # above a place taken (2.1), below guns and strikes: "shelled X, killing civilians"
        2.15,
        needs=_CIVILIANS,
        # "attacked the army's 22nd Infantry Division base": a fight with soldiers, though
        # residents tell of it
        unless=cue(
            # (not "attacked a church and a traffic police post": civilians first)
            r"\b(?:attacked|raided|stormed|assaulted)\s+(?:the\s+|a\s+|an\s+)?"
            r"(?:(?!and\b)[\w'’-]+\s+){0,6}?"
            r"(?:military base|army base|air base|base|barracks|garrison|outposts?|checkpoints?|"
            r"military posts?|army posts?|(?:army|military|police) (?:camp|positions?|convoy|patrol|"
            r"post|station)|positions)\b"
        ),
    ),
    TypeRule(
        # "the governor was abducted and killed by armed men": the deed told from the victim,
        # the armed men after it
        "attack",
        cue(
            r"\b(?:was|were|had been|has been|have been)\s+(?:abducted|kidnapped|killed|shot dead|"
            r"executed|murdered|lynched)(?:\s+and\s+(?:killed|executed|murdered|shot dead))?\s+by\s+"
            r"(?:a\s+|an\s+)?(?:group of\s+)?(?:suspected\s+)?(?:armed men|gunmen|militants|"
            r"militiamen|attackers|assailants|kidnappers|bandits|gang members|jihadists|insurgents)\b"
        ),
        1.9,
    ),
    TypeRule(
        # "eight people were shot dead at a bar in a remote village": the killing of people
        # told from the victims' side (soldiers killed are a clash's, not counted here)
        "attack",
        cue(
            r"\b(?:people|civilians|villagers|residents|worshipp?ers|farmers|passengers|"
            # (", two of them children,": an aside between the people and their fate)
            r"children|women|men|family members|relatives)(?:,[^,.;]{1,40},)?\s+(?:were|had been|have been)\s+"
            r"(?:shot dead|gunned down|massacred|executed|hacked to death|killed by gunmen)\b"
        ),
        1.9,
    ),
    TypeRule(
        # "a massacre in Solhan", "a suicide bomber blew himself up at a mosque"
        "attack",
        cue(
            r"\b(?:massacre(?:d|s)?|suicide (?:bomb(?:er|ing)s?|attacks?|blasts?)|car bomb(?:ing)?s?|"
            # "a lorry packed with explosives blew up beside the air base"
            r"(?:car|lorry|truck|van|motorbike|motorcycle|vehicle)\s+(?:packed|loaded|laden|rigged) with "
            r"explosives\b[^.;]{0,30}?\b(?:blew up|exploded|detonated|went off)|"
            r"(?:roadside bombs?|improvised explosive devices?|IEDs?|explosive devices?|landmines?|"
            r"(?:hand )?grenades?|bombs?) (?:attacks?|exploded|went off|blasts?|tore through|killed|"
            r"hit|struck|destroyed)|"
            # "hurled a grenade into a crowded bar"
            r"(?:threw|thrown|hurled|lobbed|tossed)\s+(?:a|an|two|three|several|\d+)\s+(?:hand\s+)?"
            r"grenades?\s+(?:at|into|on)|"
            # "their patrol hit a mine", "a bus drove over a landmine"
            r"(?:hit|struck|drove (?:over|onto)|ran over|stepped on)\s+(?:a|an)\s+(?:roadside\s+)?"
            r"(?:land ?mine|mine|roadside bomb|IED|improvised explosive device|explosive device)|"
            r"(?:blew|blowing) (?:himself|herself|"
            r"themselves) up|"
            # "twin bombs tear through the cathedral", "explosions ripped through crowds"
            r"(?:bombs?|explosions?|blasts?)\s+(?:have\s+|had\s+)?(?:tears?|tore|torn|rips?|ripped)\s+"
            r"through|"
            # "has claimed the bombing": only armed groups claim a bombing
            r"claim(?:ed|s|ing)?\s+(?:responsibility\s+for\s+)?(?:the|a|an|this|that)\s+bombing)\b"
        ),
        2.0,
        # "police defused a car bomb", "foiled a suicide bombing": a bomb that did not go off
        unless=cue(
            r"\b(?:defus\w+|disarm\w+|made safe|foil\w*|thwart\w*|found|discovered|seized|"
            r"intercepted)\s+(?:a|an|the|two|three|several|\d+)?\s*(?:[\w-]+\s+){0,2}?(?:car bombs?|"
            r"bombs?|bombings?|explosives|IEDs?|explosive devices?|(?:land ?)?mines?|suicide vests?|"
            r"grenades?|plots?)\b"
        ),
    ),
    TypeRule(
        "troop_movement",
        cue(
            rf"\b(?:{_TROOPS}|columns?|convoys?|the enemy|troop (?:trains?|transports?))\b"
            # "the column, about 200 lorries, Tigr vehicles and fuel bowsers, rolled into"
            rf"[^.;]{{0,90}}?\b{_ADVANCE}\b"
        ),
        2.1,
        # "soldiers drove tanks onto flatcars": loaded for rail, the tanks are cargo; "convoys
        # of tank transporters carrying armour": on the road, but cargo too; "companies
        # practised crossing a water obstacle": a drill
        unless=cue(
            rf"{_ON_FLATCARS.pattern}|\b(?:tank )?transporters?\s+(?:carrying|loaded with)\b|"
            r"\b(?:practi[sc]\w+|rehears\w+|drill\w*)\s+(?:[\w-]+\s+){0,2}?(?:crossing|advanc\w+|"
            r"march\w*|landing)"
        ),
    ),
    TypeRule(
        # tanks on the move under their own power, not carried by rail
        "troop_movement",
        cue(
            rf"\b(?:tanks|(?:armou?red|infantry(?: fighting)?) (?:vehicles|cars|personnel carriers)|"
            rf"armou?r|APCs|IFVs|BTRs|BMPs|vehicles|lorries|trucks)\b[^.;]{{0,60}}?\b{_ADVANCE}\b"
        ),
        2.1,
        # carried by rail, or weapon systems on the road ("Iskander launchers driving"): cargo
        unless=cue(
            r"\b(?:echelons?|trains?|wagons|flatcars|platforms|carrying|loaded|launchers|"
            r"Iskanders?|missile systems?|S-?400s?|air defen[cs]e systems)\b"
        ),
    ),
    TypeRule(
        "troop_movement",
        cue(rf"\b(?:withdr[ae]w\w*|pull(?:ed|ing) (?:out|back))\b[^.;]{{0,40}}?\b{_TROOPS}\b"),
        2.1,
    ),
    TypeRule(
        "troop_movement", cue(rf"\b{_MOVE}\b[^.;]{{0,60}}?\b{_TROOPS}\b[^.;]{{0,80}}?\bfrom\b"), 2.1
    ),
    TypeRule(
        # "had moved two battalions of its special forces to Pinsk": sent to a named place
        "troop_movement",
        cue(
            rf"\b{_MOVE}\b[^.;]{{0,60}}?\b{_TROOPS}\b[^.;]{{0,40}}?\b(?:to|into|towards?)\s+"
            r"(?:the\s+)?(?-i:[A-ZЀ-ӿ])"
        ),
        2.0,
    ),
    TypeRule(
        "troop_movement",
        cue(rf"\b{_TROOPS}\b[^.;]{{0,60}}?\b{_MOVE}\b[^.;]{{0,60}}?\b(?:from|to|into|towards?)\b"),
        1.9,
    ),
    TypeRule(
        # "units of the Eastern Military District had arrived in the Belgorod region"
        "troop_movement",
        cue(rf"\b{_TROOPS}\b[^.;]{{0,60}}?\b(?:arriv(?:ed|ing)|turned up) (?:in|at)\b"),
        1.9,
    ),
    TypeRule(
        "troop_deployment",
        cue(
            rf"\b(?:deploy(?:ed|ing|ment|s)?|redeploy\w*|stationed|station(?:ing)?|sent|dispatched|positioned|mass(?:ed|ing)|amass(?:ed|ing)|concentrat\w+|reinforc\w+)\b[^.;]{{0,60}}?\b{_TROOPS}\b"
        ),
        2.0,
    ),
    TypeRule(
        "troop_deployment",
        cue(
            rf"\b{_TROOPS}\b[^.;]{{0,60}}?\b(?:deploy(?:ed|ing|ment)?|redeployed|stationed|posted|sent|dispatched|positioned|massed|concentrated)\b"
        ),
        2.0,
    ),
    TypeRule(
        "troop_deployment",
        cue(
            r"\b(?:field (?:camps?|deployments?|positions|hospitals?)|camps? of|build-?up|"
            r"(?:taken|took|take) up positions|dug in|encamped|entrenched)\b"
        ),
        2.05,
    ),
    TypeRule(
        # "the Russian contingent remains in Belarus": forces that stay where they are
        "troop_deployment",
        cue(
            rf"\b{_TROOPS}\b[^.;]{{0,40}}?\b(?:remain(?:s|ed)?|stay(?:s|ed)?|linger(?:s|ed)?)\s+"
            r"(?:deployed\s+)?(?:in|at|near|on|around)\b(?!\s+home\b)"
        ),
        1.95,
        # "the army would stay at home": a promise, not a deployment
        unless=cue(
            r"\b(?:training grounds?|ranges?|polygons?|firing grounds?)\b"
            r"|\b(?:would|will|to|shall)\s+(?:stay|remain)\b"
        ),
    ),
    TypeRule(
        # "about 15 battalion tactical groups were in the Homiel region": forces present at a
        # named place (a capital letter after "in"), not "troops were in retreat"
        "troop_deployment",
        cue(
            rf"\b{_TROOPS}\s+(?:(?:were|are|was|is)\s+(?:now\s+|still\s+|already\s+)?)"
            r"(?:in|near|inside|around)\s+(?:the\s+)?(?-i:[A-ZЀ-ӿ])"
        ),
        1.95,
    ),
    TypeRule(
        # "troops dug trenches", "launchers were set up in the fields": positions taken
        "troop_deployment",
        cue(
            rf"\b(?:{_TROOPS}|{_EQUIPMENT})\b[^.;]{{0,60}}?\b(?:dug (?:trenches|in|positions|"
            r"dugouts)|(?:were|was|been|are|is) (?:set up|emplaced|dug in)|set up (?:positions|"
            r"firing positions|camps?|checkpoints))\b"
        ),
        2.05,
    ),
    TypeRule(
        # "Eritrean troops were still manning checkpoints all over Axum": holding posts
        "troop_deployment",
        cue(
            rf"\b{_TROOPS}\b[^.;]{{0,40}}?\b(?:manning|manned|man|guarding|holding)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:checkpoints|roadblocks|positions|posts|outposts)\b"
        ),
        2.0,
    ),
    TypeRule(
        # "units withdrawn from Kyiv oblast are now regrouping in Homiel oblast": they stay
        "troop_deployment",
        cue(
            rf"\b{_TROOPS}\b[^.;]{{0,60}}?\b(?:regroup(?:ing|ed|s)?|refit(?:ting|ted|s)?|"
            r"replenish(?:ing|ed)|rest(?:ing|ed) and refit\w*|garrisoned|billeted|quartered|"
            # not "the brigade, which is based in Hrodna": where a unit lives
            r"(?<!which )(?<!that )(?:are|were|is|was) (?:now |still )?(?:camped|based))\b"
        ),
        2.15,
    ),
    TypeRule(
        "troop_deployment",
        cue(
            # "attack jets are stationed at the airfield": hardware kept at a place
            rf"\b{_EQUIPMENT}\b[^.;]{{0,60}}?\b(?:(?:are|were|is|was)\s+(?:still\s+|now\s+)?"
            r"(?:parked|stationed|deployed|positioned|based|concentrated|massed)|"
            r"(?:parked|lined up|drawn up) (?:on|at|in|along|outside|near)|"
            # "a column of army lorries is standing in the woods near Khoiniki"
            r"(?:are|were|is|was)\s+(?:still\s+|now\s+)?(?:standing|hidden|camouflaged|waiting)"
            r"\s+in\s+(?:the\s+)?(?:woods?|forests?|fields?))\b"
        ),
        2.05,
    ),
    TypeRule(
        # what imagery shows is there at the time it was taken
        "troop_deployment",
        cue(
            rf"\b(?:images?|imagery|pictures|photos|footage)\b[^.;]{{0,60}}?\bshow(?:s|ed|ing)?\b"
            rf"[^.;]{{0,60}}?\b(?:{_TROOPS}|{_EQUIPMENT})\s+(?:[\w-]+\s+){{0,3}}?(?:in|near|at|around|outside|"
            r"lined up|parked|drawn up)\b|\b{_TROOPS}\b[^.;]{{0,60}}?\b(?:seen|visible|spotted) "
            r"(?:on|in) (?:new |the latest |recent )?(?:satellite )?(?:images?|imagery|pictures)\b"
        ),
        2.0,
    ),
    TypeRule(
        # "units remain at the Obuz-Lesnovsky training ground": the drill goes on
        "military_exercise",
        cue(
            rf"\b{_TROOPS}\b[^.;]{{0,40}}?\bremain(?:s|ed)?\s+(?:at|on|in)\s+(?:the\s+)?"
            r"(?:[\w-]+\s+){0,4}?(?:training grounds?|ranges?|polygons?|firing grounds?)\b"
        ),
        1.85,
    ),
    TypeRule(
        # "paratroopers jumped over the Gozhsky training ground", "tank crews were back in
        # action on the range": forces at work on a training area
        "military_exercise",
        cue(
            rf"\b(?:{_TROOPS}|crews|gunners|pilots|paratroopers|sappers|gunships|jets)\b[^.;]{{0,60}}?"
            r"\b(?:on|at|over|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:training grounds?|"
            r"ranges?|polygons?|firing grounds?|drop zones?)\b"
        ),
        1.85,
        context=_MILITARY_CONTEXT,
    ),
    TypeRule(
        # "practised joint patrolling", "practising interception": drill verbs among soldiers
        "military_exercise",
        cue(
            r"\bpracti[sc](?:ed|ing|es?)\s+(?:[\w-]+\s+){0,2}?(?:patrol\w*|intercept\w*|"
            r"landings?|firing|shooting|flights?|crossings?|marches|manoeuvres?|maneuvers?|"
            r"assaults?|defen[cs]e|combat\b)"
        ),
        1.85,
        context=_MILITARY_CONTEXT,
    ),
    TypeRule(
        "military_exercise",
        cue(
            r"\b(?:fl(?:ew|y|ies|ying|own)\s+(?:[\w-]+\s+){0,2}?(?:patrols?|sorties|training "
            r"(?:flights|missions)|air policing)|(?:fired|firing|fire)\s+live\b|live[- ]fire|"
            r"live[- ]firing|live (?:rounds|ammunition|shooting)|target practice|"
            r"(?:test|practice)[- ](?:fired|launch(?:ed|es)?)|tactical (?:episode|exercise)s?)"
        ),
        1.9,
        context=_MILITARY_CONTEXT,
    ),
    TypeRule(
        "military_exercise",
        cue(
            r"\b(?:train(?:s|ed|ing)?|practi[sc]\w+|rehears\w+|drill(?:s|ed|ing))\s+(?:\w+\s+){0,3}?(?:on|at|in)\s+"
            r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:ranges?|training grounds?|polygons?|firing grounds?|airfields?)\b"
        ),
        1.85,
    ),
    TypeRule(
        "military_exercise",
        cue(
            r"\b(?:exercises?|drills?|manoeuvres?|maneuvers?|military training|"
            r"(?:combat )?readiness (?:checks?|inspections?|tests?)|snap (?:checks?|inspections?)|"
            r"checks? of (?:the )?combat readiness|helicopter training|training flights?|war ?games|combat simulations?|firing practice)\b"
        ),
        1.8,
        context=_MILITARY_CONTEXT,
    ),
    TypeRule(
        "offensive_threat",
        cue(
            r"\b(?:threat|threaten\w*|warn\w*|fear\w*|danger|risk|imminent|prepar\w+|intend\w*|"
            r"intention)\b[^.;]{0,80}?"
            # "the danger of Belarusian troops attacking towards Volyn"
            r"\b(?:offensives?|invasion|invad(?:e|ing)|attack(?:s|ing)?|assaults?|incursions?|advance|"
            r"advancing|strikes|push(?:ing)? (?:on|towards?|into))\b"
        ),
        2.0,
        # "aid agencies fear further air strikes": a worry, not an official warning; "had
        # threatened to shell the airport if the offensive went on": a condition, not imminent
        unless=cue(
            r"\bthreaten\w*\s+to\b[^.;]*\b(?:if|unless)\b|"
            r"\b(?:(?:aid|humanitarian|relief) (?:agencies|groups|partners|workers|organi[sz]ations)|"
            r"residents|villagers|analysts|observers|experts|commentators|NGOs?|families|locals)\b"
            r"[^.;]{0,40}?\bfear"
        ),
    ),
    TypeRule(
        "offensive_threat",
        cue(
            r"\b(?:offensive|invasion|attack|assault|incursion)\b[^.;]{0,50}?\b(?:threat|threaten\w*|feared|imminent|expected)\b"
        ),
        1.8,
    ),
    TypeRule(
        "offensive_threat",
        cue(r"\bordered to (?:cross|attack|advance|enter|invade)\b"),
        2.0,
    ),
    TypeRule(
        "equipment_movement",
        cue(
            rf"\b(?:movements? of|mov(?:e|ed|ing)|transport(?:ed|ing|ers)?|carrying|carried|spotted|seen|(?:un|off)load(?:ed|ing)|convoys? of|columns? of|trains? (?:with|carrying|loaded with))\b[^.;]{{0,60}}?\b{_EQUIPMENT}\b"
            r"|\b(?:echelons?|(?:military|such|more|freight) trains)\b[^.;]{0,60}?\b(?:rolled|passed|passing|"
            r"went|stood at|standing at|arriv\w+|(?:un|off)loaded|heading)\b"
        ),
        1.7,
        unless=_PEOPLE_FLEEING,
    ),
    TypeRule(
        # "helicopters stood on platform wagons", "driving tanks onto flatcars": rail cargo
        "equipment_movement",
        _ON_FLATCARS,
        1.75,
    ),
    TypeRule(
        "equipment_movement",
        cue(
            rf"\b{_EQUIPMENT}\b[^.;]{{0,80}}?\b(?:mov(?:ed|ing)|transported|spotted|seen|arriv\w+|heading|"
            r"(?:un|off)loaded|geolocated|"
            r"brought(?: up)?|flew in|flown in|driving|drove|leaving|left|rolled|passed|passing|"
            r"photographed|filmed|stood at|standing at|reached|going|landed (?:at|in|on)|"
            r"loaded (?:onto|on to|on|into|aboard))\b"
        ),
        1.6,
        unless=_PEOPLE_FLEEING,
    ),
)

"""Sentences + places → incidents: what happened, where, when, who, and how sure we are.

For each clause of a sentence: the event type from the trigger lexicons of :mod:`.triggers`
(how news tells each kind of event, not the sentences of any one report) — dropped when the trigger
is denied ("denied that they were preparing"), hypothetical ("may", "could", "expected to"),
alleged ("detained on suspicion of sabotage" is an arrest, not sabotage) or habitual ("many
strikes have been carried out"); a sentence with no trigger that goes on telling the event
before ("Two of them were held in Stowbtsy") takes its type and, naming no place, its places.
A headline tells in fewer words what the body tells: it gives incidents only when the body
gives none. Damage done by war or accident is no sabotage; a strike that cuts a line is a strike
and a disruption at one place; the delays told after sabotage or a cut line are its effect, not
a new incident; an event told twice is one incident.

The date: the sentence's own date nearest the trigger, a date of speaking ("said on Monday")
or of filing (the dateline "LVIV, March 13 (Reuters) -") only when there is no other; else
the publication date for a state that holds now ("the units now sit", "continue to be
deployed"); else the paragraph's last date; else "on or before publication". An event that
ended more than a year before publication is background ("In August 2020 ...").

The place: among the sentence's places, by the part each plays (:mod:`.place_roles`), where
it happened — not the speaker, a home town (unless it is the only place given), a yardstick, a
place that only says where another is, or a place of what might happen; a strike at its target,
never its launch area; a movement from its origin to each destination, past its waypoints; one
incident per location. An event that names no place is placed by local officials' town
("officials in Okhtyrka said") or the report's place line ("Belgorod."). Actors and claims come
from :mod:`.actors`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import timedelta

from text_to_num import text2num

from .actors import MILITARY_TYPES, ActorFinder
from .codebook import EVENT_KINDS
from .cues import cue
from .datelines import dates_dateline, heads_dateline
from .dates import DateMention, DateNormaliser, days_counted, days_later
from .distance import haversine_km
from .fatalities import deaths_told
from .lexicon import WEEKDAYS
from .models import Document, Incident, Mention, Place
from .place_roles import THERE, last_town, place_line, place_roles
from .resolve import Resolution
from .sentences import Sentence, split_sentences
from .triggers import TYPE_RULES

_NEGATION = cue(
    # "meant to tie down forces rather than to prepare an attack": the alternative ruled out
    r"\b(?:rather than|than to)\b|"
    r"\b(?:not|never|no(?!\s+(?:one|fewer|less|sooner|doubt|(?:older|younger|more|bigger|smaller|longer|later|earlier)\s+than)\b)|no longer|denied|deny|denies|denying|refuted|dismissed|reject(?:s|ed|ing)?|didn't|did not|won't|wasn't|weren't|isn't|aren't|without)\b"
)
_SPECULATION = cue(
    r"\b(?:(?<!\d )may(?!\s+\d)|might|could|possibly|possible|perhaps|probably|presumably|whether|if|likely|"
    # "partners fear further air strikes"; "airports being used for air raids": a use, no raid
    r"fears?|feared|fearing|(?:being|are|is)\s+used\s+(?:for|to)|"
    r"(?:threat|danger|risk) of|threaten(?:s|ed|ing)? to|ready to|plans? to|planning to|intends? to|intention|expect\w*|rumou?r\w*|speculat\w*|would not|"
    r"preparing|attempt(?:ed|ing)? to|tried to|intended to|aim(?:ed)? to|aim was to|"
    r"lead(?:s|ing)? to|"
    # "anyone who damages the railway will face charges" (not "would": an announced
    # deployment, "five battalion groups would be deployed to the border", is the news)
    r"anyone who|whoever|"
    # "agreed to halt air strikes for 48 hours": strikes called off, none told
    r"agree\w* to (?:halt|suspend|stop|pause|end|cease)|"
    r"(?:halt|suspend|pause|cease|stop)(?:ed|ing|s)?\s+(?:its\s+|the\s+|all\s+|further\s+)?"
    r"(?:air ?strikes|strikes|bombing|shelling|raids))\b"
)
# "bloggers claimed that tanks were seen near Lida, but the footage was from 2020": a claim the
# sentence itself takes back
_DEBUNKED = cue(
    r"\bbut\b[^.;]{0,60}?\b(?:footage|videos?|photos?|images?|pictures|clips?)\s+"
    r"(?:was|were|is|are|dates?|dated)\s+(?:from|back to|taken in|filmed in|old)\b"
    r"|\b(?:turned out|proved|proven)\s+(?:to be\s+)?(?:false|fake|untrue|wrong|old)\b"
    # "Video of a burning relay cabinet was old": the recording itself debunked
    r"|\b(?:videos?|footage|clips?|photos?|images?)\b[^.;]{0,80}?\b(?:was|were|is|are)\s+"
    r"(?:old|fake|staged|false|recycled)\b"
    # "a video said to show tanks in Brest was not filmed this week"
    r"|\b(?:was|were|had)\s+not\s+(?:been\s+)?(?:filmed|recorded|taken|shot)\b"
    # "Fact check: video of 'RSF shelling Nyala' is four years old"
    r"|\bfact[- ]check|\b(?:videos?|footage|clips?|photos?|images?)\b[^.;]{0,80}?\b(?:is|are|was|were)"
    r"\s+(?:[\w-]+\s+)?(?:years?|months?)\s+old\b"
    # "was reported, but officials later said it had not happened"
    r"|\bbut\b[^.;]{0,80}?\b(?:had not|did not|never|has not)\s+(?:happened|taken place|"
    r"occurred|been confirmed)\b"
    # "claimed that Ukraine had massed 120,000 troops, a figure Kyiv dismissed as absurd"
    r"|\b(?:dismissed|rejected|denied|ridiculed)\s+(?:[\w-]+\s+){0,3}?as\s+(?:absurd|false|fake|"
    r"baseless|groundless|nonsense|propaganda|lies|a lie|fabricat\w+|untrue|fiction)\b"
    # "Reports that aviation struck Grozny do not correspond to reality": a claim denied
    r"|\b(?:do|does|did)\s+not\s+correspond\s+to\s+(?:reality|the facts|the truth)\b"
    r"|\b(?:reports?|claims?|allegations?)\b[^.;]{0,120}?\b(?:is|are|were|was)\s+(?:untrue|false|"
    r"baseless|groundless|fabricated|fake|not true)\b"
    # a fact check's "Claim: a video shows ...": what is checked, not what happened
    r"|^\W*(?:claim|claimed|viral claim|rumou?r)(?:\s*\d+)?\s*:"
    # "Reports that the occupiers are preparing an assault are not confirmed"
    r"|\b(?:reports?|claims?|information|rumou?rs?)\b[^.;]{0,120}?\b(?:is|are|were|was|has|have)\s+"
    r"not\s+(?:been\s+)?(?:confirmed|verified|true)\b"
    # "Photos claimed to show an air strike on Tripoli are misleading"
    r"|\b(?:is|are|was|were)\s+(?:misleading|doctored|miscaptioned|manipulated|out of context)\b"
    # "claimed that his men had fought ..., but officers insisted that not a single shot had
    # been fired": a claim the other side says is untrue
    r"|\bclaim(?:ed|s)\s+that\b[^.;]*?,?\s+but\s+(?:[\w-]+\s+){1,4}?(?:insisted|said|says|"
    r"maintained|countered|replied)\s+(?:that\s+)?(?:not|no|nothing|none)\b"
    # "a clip said to show an air strike on a market", "an audio message claims that ...",
    # "a post says ...; the government has made no such announcement": what circulates
    # online, unconfirmed
    r"|\b(?:videos?|footage|clips?|photos?|images?|pictures|posts?|messages?|recordings?),?\s+"
    r"(?:(?:said|claimed|purport(?:ed|ing)?|alleged)\s+to\s+show|claims?\s+(?:that\b|to\b)|"
    r"says?\s+(?:that\s+)?(?-i:[a-z]))"
    r"|\bno such (?:announcement|attack|incident|arrests?|strikes?|raid|operation)\b"
)
# What no war did: "stills from a feature film about the battle for the town" (a story) and
# "a derailment near Sibi was caused by a broken rail, not sabotage" (an accident)
_NOT_OF_WAR = cue(
    r"\b(?:film|movie|documentary|novel|drama|TV series|video game|play)\s+(?:about|on|"
    r"depicting|based on)\b"
    r"|\b(?:was|were)\s+caused\s+by\s+(?:an?\s+)?(?:broken rail|accident|landslide|storm|flood)\b"
    r"|\bnot\s+(?:by\s+)?sabotage\b"
    # "a barrage of criticism", "bombarded with questions": words, not shells
    r"|\b(?:barrage|volley|hail|salvo) of (?:criticism|questions|complaints|abuse|insults|protests?)\b"
)
# "in the coming days", "announced for next month": a time still to come (not "the next week"
# of a story told in the past)
_FUTURE_WHEN = cue(
    r"\bin the coming (?:hours|days|weeks|months)\b|(?<!the )(?<!the following )\bnext (?:week|month|year)\b"
    # "said the troops would pull back to Abkhazia by the end of the week"
    r"|\bby the end of (?:the|this|next) (?:week|month|year)\b"
)
# "marched to mark nine years since the disappearance of 43 students, who were abducted":
# a deed remembered, not a deed of the news
# (the deed itself follows in the same phrase; not "On the anniversary of the invasion,
# missiles hit Kyiv", an event of the day)
_REMEMBERED = cue(
    r"\b(?:to mark|marking|commemorat\w+|in memory of|anniversary of|(?:years|decades) since|"
    r"(?:years|decades) after)\b(?:[^.;,]|,\s+(?:who|whom|which|when|where)\b)*$"
)
# "detained on suspicion of sabotage": the arrest happened, the sabotage is alleged.
_SUSPICION = cue(
    r"\b(?:suspected of|suspicion of|accused of|accuses? (?:him|her|them|\w+) of|charged with|"
    r"over plans? to)\b"
)
# "... on suspicion of cutting out cable on the edge of the city the day before": a deed under
# suspicion with a day of its own before the arrest
_DEED_DATED = cue(
    r"\b(?:(?:the\s+)?(?:day|night|evening)\s+before|the\s+previous\s+(?:day|night|evening|week)|"
    r"\w+\s+days\s+(?:earlier|before)|last\s+(?:week|night|weekend|month)|yesterday|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)
# "The men are suspected of burning a relay cabinet near Krychaw last week": a deed told in a
# sentence of its own, at a place of its own, happened; only who did it is alleged
_DEED_PLACED = cue(
    r"\b(?:near|outside|in|at|beside|on)\s+(?:the\s+)?(?:(?-i:[A-ZЀ-ӿ])|(?:railway\s+)?station\b|"
    r"junction\b|tracks\b|(?:(?:north|south|east|west)\w*\s+)?(?:edge|outskirts)\s+of\s+"
    r"(?:the\s+)?(?:city|town|village)\b)"
)
# "the troops pulling out would probably be regrouped": the event the subject names is guessed at
_HEDGED_AFTER = cue(
    r"[^.;,]{0,60}?\b(?:would|will|might|could|may)\s+(?:probably|likely|possibly|perhaps)\b"
)
# "soldiers will go home once the drills are over": an event that only dates a promise
_PROMISED_ONCE = cue(r"\b(?:will|would|shall)\b[^.;]{0,60}?\b(?:once|after|when)\s+[^.;,]{0,40}$")
# A hedged threat ("fear the drills could provide cover for an attack") is no warning.
_MODAL = cue(r"\b(?:(?<!\d )may(?!\s+\d)|might|could|would)\b")
# "have repeatedly knocked out ... since late February": a date a habit runs from is no event's
_HABIT_PERFECT = cue(
    r"\bha(?:ve|s)\s+(?:\w+\s+)?(?:repeatedly|regularly|routinely|often|frequently|again and again)\b"
)
# "almost every day since", "nightly": a routine, not one event
_ROUTINE = cue(
    r"\b(?:(?:almost|nearly)\s+)?(?:every|each)\s+(?:single\s+)?(?:day|night|week|morning|evening)\b"
    r"|(?<!the )\b(?:daily|nightly)\b|\b(?:day|night) after (?:day|night)\b"
)
_HABIT_SINCE = cue(r"\b(?:since|throughout)\b")
_HABITUAL = cue(
    r"\b(?:(?:many|numerous|several)\s+(?:[\w-]+\s+){0,3}(?:strikes|attacks|times|cases|incidents|"
    r"occasions|raids)|often|frequent|frequently|commonplace|again and again|time and again|"
    r"over and over|regularly|always|repeatedly|usually|normally|typically|"
    # "continue to be deployed" is a state that holds now, not a habit
    r"continue[sd]?(?!\s+to\s+be\s+(?:deployed|stationed|based|concentrated|positioned))|continuing|routinely|have escalated|has escalated|increasingly|"
    r"ha(?:ve|s) been \w+ing|"
    # "have attacked villages across Cabo Delgado since 2017", "have fired dozens of
    # missiles at Israel since October 2023": deeds done over and over since then
    r"ha(?:ve|s)\s+(?:\w+\s+)?\w+(?:ed|en|ght)\b[^.;]{0,80}?\bsince\s+(?:(?:early|late|mid)[\s-]+)?"
    r"(?:(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+)?\d{4}|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b)|"
    # "peacekeepers had been stationed in Abkhazia since 1994": a state of long standing
    r"ha(?:d|ve|s) been (?:stationed|deployed|based|present)\b[^.;]{0,60}?\bsince\s+\d{4}|"
    # "disabled signalling dozens of times"
    r"(?:dozens|scores|hundreds) of times|\b\d+ times\b|"
    # "have shelled the city for days": a siege told as a whole, not one day of it
    r"for (?:(?:several|many|the past|the last|[a-z]+)\s+)?(?:days|weeks|months|years)(?! ago))\b"
)
_STATEMENT_BEFORE = cue(
    r"\b(?:said|says|told(?:\s+[A-Z][\w-]*){0,3}|announced|reported|wrote(?:\s+on\s+\w+)?|stated|"
    r"confirmed|added|claimed|denied|insisted|warned|acknowledged|admitted|recalled|remembered|"
    r"noted|briefing|interview|update|address|statement)"
    # "historians recalled in Vienna on Saturday": where it was said, between
    r"(?:\s+(?:in|at)\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?)?\s*$"
)
# "in its Thursday evening update", "Monday's briefing": the day of the statement itself
_STATEMENT_NOUN_AFTER = cue(
    r"(?:['’]s)?\s+(?:(?:morning|evening|night|afternoon|daily)\s+)?(?:update|briefing|"
    r"bulletin|statement|press conference|summary|report)\b"
)
_STATEMENT_AFTER = cue(
    r"^[^.;]{0,80}?\b(?:said|says|told|announced|reported|wrote|stated|confirmed)\b"
    r"(?:\s+[\w-]+){0,2}?\s+that\b"
)
# "said that helicopters had entered": the past perfect of reported speech, not an earlier event
_REPORTED = cue(
    r"\b(?:said|says|told|reported|stated|confirmed|added|announced)\s+(?:that\s+)?"
    r"(?:[\w-]+\s+){0,5}?had\b"
)
_PAST_PERFECT = cue(
    r"\bhad\s+(?:already\s+|also\s+|long\s+)?(?:been\s+)?"
    r"(?:[a-z]+(?:ed|en|wn|ne|t)|come|gone|run|left|sent|brought|begun)\b"
)
# A state that holds at publication: "the units now sit", "jets are parked".
_PRESENT = cue(
    # "Thailand has deployed extra troops along the border": forces now in place
    # ("soldiers have since been deployed in and around Chiúre")
    r"\bha(?:s|ve)\s+(?:\w+\s+){0,2}?(?:deployed|stationed|positioned|massed|moved)\b|"
    r"\b(?:now|currently|still)\b|\b(?:is|are)\s+(?:\w+\s+)?(?:\w+ing|parked|stationed|deployed|"
    r"positioned|located|based|massed|concentrated|camped)\b|\bthere (?:is|are)\b"
    r"|\b(?:continues?|remains?)\s+(?:to\s+be\s+)?(?:deployed|stationed|based|concentrated|"
    r"positioned|in|at)\b"
    # "units remain dug in near X": forces that stay where they are
    r"|\b(?:remains?|stays?|(?:is|are)\s+still)\s+(?:dug\s+in|entrenched|encamped|camped)\b"
    # "the threat ... persists", "remains high": a warning of how things stand now
    r"|\b(?:persists|remains?\s+(?:high|real|serious|significant))\b"
)
# Reported speech carried on from the sentence before, which names the speaker and the day
_IN_HIS_WORDS = cue(
    r"^\W*(?:in (?:his|her|their) words|according to (?:him|her|them)|(?:he|she|they) (?:said|added))\b"
)
# "By mid-morning, missiles had hit", "Hours earlier, a cabinet had been set on fire", "At
# 06:40": a time of the day being told, not an earlier day
_SAME_DAY = cue(
    # "11:20 — A bomb dropped ...": a live-blog entry stamped with its time of day
    r"^\W*\d{1,2}[:.]\d{2}\s*[—–-]\s"
    r"|^\W*(?:(?:by|at|around|about|shortly (?:before|after)|just (?:before|after)|until|before|"
    r"after)\s+(?:mid-?morning|morning|noon|midday|mid-?day|lunchtime|mid-?afternoon|afternoon|"
    r"evening|nightfall|dusk|dawn|daybreak|first light|midnight|\d{1,2}[:.]\d{2}\b|"
    r"\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2} o'clock)"
    r"|within (?:hours|the hour|minutes)\b"
    r"|(?:(?:a few |several |two |three |some )?hours|minutes|shortly|moments|an hour|"
    r"half an hour) (?:earlier|later|before|after)"
    r"|(?:later|earlier) (?:that|the same) (?:day|morning|afternoon|evening|night))"
)
# "10:48 Sirens across northern Israel.": a live-blog entry stamped with its time of day,
# whose sentences all tell that day's news
_TIME_STAMPED = cue(r"^\W*\d{1,2}:\d{2}(?:\s*[—–-])?\s+(?-i:[A-Z])")
# "That same night, ...", "On the same day": the day the text told last
_SAME_DAY_OPENING = cue(
    # "Hours earlier, guerrillas fired mortars ...": the day of the paragraph before
    r"^\W*(?:(?:a few |several |some |two |three )?hours|minutes|shortly) (?:earlier|later|before)\b|"
    r"^\W*(?:\d+\s*/\s*)?(?:(?:late|early|later|earlier)\s+)?(?:on\s+)?(?:that|the)\s+"
    r"(?:same\s+)?(?:day|night|evening|morning|afternoon)\b"
)
# "filmed during a previous exercise", "old footage resurfaced": a recording told as earlier
# (not the plain "Earlier, police detained ...")
_EARLIER = cue(
    r"\b(?:previous|earlier|past|old|archive|archival|last year['’]s|(?:years?|months) (?:ago|"
    r"earlier|before)|recycled|resurfaced)\b"
)
_RECORDING = cue(
    r"\b(?:videos?|footage|clips?|photos?|photographs?|pictures|images?|filmed|recorded|shot)\b"
)
# "took part in the exercise and would return to Russia": a place after a "would" that follows
# the trigger is where something is yet to happen, not where the event was ("would be deployed
# to the border", with the trigger after the "would", is the announced event itself)
_LATER_MODAL = cue(r"\b(?:would|will|shall)\b")
# "The fire put signals out of action": the event before, told again.
_RESTATES = cue(
    r"^(?:the|this|that)\s+(?:fire|attack|arson|blast|explosion|sabotage|damage|strike|hack|"
    r"cyberattack|raid|arrest|detention)\b"
)
# Clause breaks after which a new subject tells something else: ", and he posted".
_CLAUSE_BREAK = cue(
    # (not "; several landed in Kiryat Shmona": where the rockets just told came down)
    r";(?!\s+(?:several|some|most|many|a few|one|two|three|four|five|others|the rest|all)"
    r"(?:\s+of\s+them)?\s+(?:\w+\s+)?(?:landed|hit|fell|struck|exploded|slammed|crashed)\b)"
    r"|,\s+(?:and|but|while|whereas|although|though)\s+(?:he|she|they|it|we|his|her|their)\b"
    r"|\s+and\s+(?:(?:he|she|they)\s+)?(?:shared|posted|published|released)\b"
    # ", and hackers posted ...": a new subject doing something else
    r"|,\s+and\s+(?:the\s+|some\s+|about\s+|around\s+)?(?:\d[\d,]*\s+)?(?:[a-z]+\s+)?[a-z]+s\s+"
    r"(?=[a-z]+ed\b)"
)
# Who would not speak tells nothing of the event: "did not respond to requests for comment".
_NO_COMMENT = cue(
    r"\b(?:did not|could not|would not|declined to|refused to)\s+(?:immediately\s+)?"
    r"(?:respond|reply|comment|be reached)\b|\b(?:no|for) comment\b"
    # "Both sides have denied any responsibility for Monday's drone attack": nor who denies
    r"|\b(?:denied|deny|denies|disclaimed)\s+(?:any\s+)?(?:responsibility|involvement|a role)\b"
)
_SIGHTED = cue(r"\b(?:was|were|has been|have been)\s+(?:also\s+)?(?:seen|spotted)\b")
# A sentence that goes on telling the event of the one before.
_CONTINUES = cue(
    r"^(?:according to [^,]{1,40},?\s+|(?:he|she|it|they|officials) (?:said|says|added) (?:that )?)?"
    r"(?:(?:\w+) of (?:them|these|those)\b|they\b|these\b|"
    # "One fire was on ...; the others broke out near ...": the events just counted, each told
    r"(?:one|another|both|each|the (?:first|second|third|other|others|rest|last))\b|"
    r"those\b|the (?:group|unit|units|men|suspects?|missiles?|rockets?|trains|columns?|convoys?|"
    r"troops|aircraft|planes|jets|bombers|vehicles)\b)"
    r"|\b(?:was|were|has been|have been)\s+(?:also\s+)?(?:hit|struck|targeted|held|shelled|"
    r"detained|seen|spotted)\b|\bended their journey\b|\b(?:arrived|unloaded)\b"
    # "a second strike hit ...": another of the strikes just told
    r"|\b(?:a\s+(?:second|third|new|further|renewed)|another)\s+(?:strike|salvo|attack)\b"
)
# "On the same day ...", "Separately, ...": the next event, not an effect of the one before
_ANOTHER_EVENT = cue(
    r"^(?:(?:on|during|later|earlier)\s+(?:the\s+|that\s+)?(?:same|that)\s+(?:day|night|morning|"
    r"evening)|(?:that|the)\s+same\s+(?:day|night)|meanwhile|separately|elsewhere|in (?:another|a "
    r"separate)|also on)\b"
)
# "without saying when the strike took place": the event's day is not told
_UNTOLD_WHEN = cue(
    r"\b(?:without (?:saying|specifying|giving)|did not (?:say|specify)|didn't (?:say|specify)|"
    r"not (?:saying|specifying)|(?:it is|it was|it's) (?:not clear|unclear))\s+(?:exactly\s+)?when\b"
)


_WHERE = ("location", "near", "destination", "origin")
_MOVEMENTS = ("troop_movement", "equipment_movement", "troop_deployment")
# located where they land; where they came from is their origin
_FROM_THE_AIR = ("missile_strike", "air_strike")
_STRIKES = (*_FROM_THE_AIR, "shelling")
_DEEDS = ("rail_sabotage", "rail_disruption", "arrest", *_STRIKES)


@dataclass
class _Context:
    """What a paragraph's sentences hand on to the next: the last date, the event being told
    (type, sentences since), its places, and the armed forces last named."""

    paragraph_start: int = 0
    paragraph_date: DateMention | None = None
    told_before: tuple[str, int] | None = None
    previous_places: list = field(default_factory=list)
    forces: tuple[str, ...] = ()
    headline_forces: tuple[str, ...] = ()
    #: the report's place line ("Klimovo, Bryansk oblast."), for events that name no place
    filed_at: list = field(default_factory=list)
    #: sentences since the paragraph told sabotage or a cut line, whose delays are its effect
    rail_told: int | None = None
    #: the last town the paragraph named, which "the town", "their town" refer back to
    last_town: Place | None = None
    #: the town of the headline ("Rechytsa: tank trains unloaded"), which the whole report
    #: is about: "the town's station" in any paragraph without a town of its own
    headline_town: Place | None = None
    #: the town of the dateline ("FALLUJAH, Iraq —"), which "the city" means in a later
    #: paragraph that names no town of its own
    dateline_town: Place | None = None
    #: the last town the body told something of, apart from the dateline
    body_town: Place | None = None
    #: the date of the paragraphs before, for one that opens on the same day
    last_date: DateMention | None = None

    def new_paragraph(self, start: int) -> None:
        # a date, an event and its places carry over within their paragraph only (the date
        # is kept aside for a paragraph that opens "That same night")
        self.last_date = self.paragraph_date or self.last_date
        self.paragraph_start = start
        self.paragraph_date, self.told_before, self.previous_places = None, None, []
        self.rail_told = None
        # "the town" opening a paragraph: the headline's, else the town the body last told
        # of ("bombed positions on the edge of the town": Babanusa, not the dateline's El
        # Obeid), else the dateline's, else the one before's
        self.last_town = (
            self.headline_town or self.body_town or self.dateline_town or self.last_town
        )
        self.forces = self.headline_forces


class IncidentExtractor:
    """Turns one document's sentences and resolved places into incidents.

    Parameters
    ----------
    country_of_demonym : "Belarusian" → "Belarus" (a country name), or None
    country_of_code : "BY" → "Belarus", or None (names the state forces that make an arrest)
    """

    def __init__(self, country_of_demonym=lambda word: None, country_of_code=lambda iso: None):
        self.country_of_demonym = country_of_demonym
        self.country_of_code = country_of_code
        self.actor_finder = ActorFinder(country_of_demonym)

    def extract(
        self, document: Document, mentions: list[Mention], resolution: Resolution
    ) -> list[Incident]:
        dates = DateNormaliser.for_text(document.text, document.source.published)
        sentences = split_sentences(document)
        headline = _headline(document, sentences)
        incidents: list[Incident] = []
        from_headline: list[Incident] = []
        last_incident_sentence: list[Incident] = []
        gap = 0
        context = _Context()
        previous: Sentence | None = None
        # a name inside a title ("Islamic State Mozambique Province", "the Kyiv Post") is
        # named, but no event happens there because of it
        by_sentence = _mentions_by_sentence(sentences, [m for m in mentions if not m.in_title])
        for sentence, named_here in zip(sentences, by_sentence, strict=True):
            own_dates = dates.find(sentence.text, sentence.start)
            if previous is None or "\n" in document.text[previous.end : sentence.start]:
                context.new_paragraph(sentence.start)
                if _SAME_DAY_OPENING.match(sentence.text) or (
                    not own_dates and days_later(sentence.text) is not None
                ):
                    # "3/ That same night, ...": a thread's next post, on the day before it;
                    # "Residents told us that on the following day ...": counted from it
                    context.paragraph_date = context.last_date
                elif document.source.published and _TIME_STAMPED.match(sentence.text):
                    published = document.source.published
                    context.paragraph_date = DateMention(
                        "", sentence.start, sentence.start, published, published, "day"
                    )
            previous = sentence
            # the paragraph so far: "the drills" are military when its soldiers are
            setting = document.text[context.paragraph_start : sentence.end]
            continues = bool(_CONTINUES.search(sentence.text))
            told = context.told_before
            if sentence is not headline:
                # "BRYANSK. An explosive device ...", then "SAMARA. Transport police ...": a
                # digest files each paragraph from the town its line names
                line = place_line(document.text, sentence, named_here, resolution)
                if line:
                    context.filed_at = line
                    towns = [p for _m, p, _r in line if p.candidate.feature_class == "city"]
                    context.last_town = towns[-1] if towns else context.last_town
            if told and told[1] == 0 and _RESTATES.search(sentence.text):
                # the same event told again is not coded again
                context.told_before, context.previous_places = (told[0], 1), []
                continue
            found = self._sentence(
                document,
                sentence,
                named_here,
                resolution,
                own_dates,
                context.paragraph_date,
                carried=told[0] if told and told[1] <= 2 and continues else None,
                borrowed=context.previous_places
                if continues or THERE.search(sentence.text)
                else None,
                setting=setting,
                # a sentence that goes on with the event before keeps to that event's places
                filed_at=None if continues else context.filed_at,
                antecedent=context.last_town,
            )
            if (
                not own_dates
                and context.rail_told is not None
                and context.rail_told <= 2
                and not _ANOTHER_EVENT.search(sentence.text)
            ):
                # "After that, trains stood at Orsha for three hours": the delays a fire or a
                # cut line caused, told after it, are its effect and not coded again
                found = [i for i in found if i.event_type != "rail_disruption"]
            if any(i.event_type in ("rail_sabotage", "rail_disruption") for i in found):
                context.rail_told = 0
            elif context.rail_told is not None:
                context.rail_told += 1
            # "The units now sit in field camps": the forces of the sentence before
            found = [
                replace(i, actors=context.forces)
                if not i.actors and i.event_type in MILITARY_TYPES
                else i
                for i in found
            ]
            self._remember(
                document, sentence, named_here, resolution, own_dates, found, context, setting
            )
            if sentence is headline:
                context.headline_forces = context.forces
                context.headline_town = context.last_town
                from_headline = found
                continue
            claimers = self.actor_finder.claimers(sentence.text)
            if found:
                if claimers:
                    found = [
                        replace(i, claimed_by=_unique(i.claimed_by + tuple(claimers)))
                        for i in found
                    ]
                incidents.extend(found)
                last_incident_sentence, gap = found, 0
                continue
            gap += 1
            # "Gunmen stormed Sebba on Saturday. At least 40 civilians were killed.": the toll
            # of the incident told just before, when it had none of its own
            if gap == 1 and last_incident_sentence:
                tolled = _with_deaths(
                    [i for i in last_incident_sentence if i.fatalities is None], sentence.text
                )
                updated = {i.id: i for i in tolled if i.fatalities is not None}
                incidents = [updated.get(i.id, i) for i in incidents]
                last_incident_sentence = [updated.get(i.id, i) for i in last_incident_sentence]
            # "X claimed responsibility for that event": the incidents just before.
            if claimers and last_incident_sentence and gap <= 2:
                updated = {
                    i.id: replace(
                        i,
                        claimed_by=_unique(i.claimed_by + tuple(claimers)),
                        actors=_unique(i.actors + tuple(claimers)),
                    )
                    for i in last_incident_sentence
                }
                incidents = [updated.get(i.id, i) for i in incidents]
                last_incident_sentence = [updated[i.id] for i in last_incident_sentence]
        # a headline announces what the body tells, in fewer words: it stands only for a body
        # that tells no incident of its own
        return _dateline_yields(_told_once(incidents), document.text) or from_headline

    def _remember(
        self, document, sentence, mentions, resolution, own_dates, found, context, setting
    ):
        """What the next sentence of the paragraph may take over from this one."""
        triggers = self._triggers(sentence.text, setting)
        if triggers or found:
            context.told_before = (found[0].event_type if found else triggers[0][0], 0)
        elif context.told_before:
            context.told_before = (context.told_before[0], context.told_before[1] + 1)
        roles = place_roles(
            document.text, sentence, mentions, resolution, antecedent=context.last_town
        )
        context.previous_places = [
            role for role in roles if role[2] in ("location", "near", "origin")
        ]
        context.last_town = last_town(roles) or context.last_town
        if any(r not in ("dateline", "headline") and p is context.last_town for _m, p, r in roles):
            context.body_town = context.last_town
        if context.dateline_town is None:
            context.dateline_town = next(
                (p for m, p, r in roles if r == "dateline" and p.candidate.feature_class == "city"),
                None,
            )
        if own_dates:
            events = [d for d in own_dates if not _is_statement_date(document.text, d)]
            context.paragraph_date = (events or own_dates)[-1]
        elif (later := days_later(sentence.text)) is not None:
            # the story has moved on a day: "the next day" counts from this one after it
            context.paragraph_date = (
                _days_after(context.paragraph_date, later, sentence.start) or context.paragraph_date
            )
        context.forces = next(
            (i.actors for i in found if i.event_type in MILITARY_TYPES and i.actors),
            tuple(self.actor_finder.forces(sentence.text, {})) or context.forces,
        )

    # -- one sentence ------------------------------------------------------------------------

    def _sentence(
        self,
        document,
        sentence: Sentence,
        mentions,
        resolution,
        when: list[DateMention],
        paragraph_date: DateMention | None,
        carried: str | None = None,
        borrowed: list | None = None,
        setting: str = "",
        filed_at: list | None = None,
        antecedent: Place | None = None,
    ) -> list[Incident]:
        """The incidents of one sentence. ``carried`` is the type of the sentence before when
        this one goes on telling the same event; ``borrowed`` the places of the sentence
        before, for an event sentence that names none of its own."""
        chosen = self._chosen_triggers(sentence.text, setting)
        if _DEBUNKED.search(sentence.text) or _NOT_OF_WAR.search(sentence.text):
            return []
        retold = False
        if (
            not chosen
            and carried
            and not _SPECULATION.search(sentence.text)
            # "many had not yet arrived": what did not happen tells no more of it
            and not _negated_retelling(sentence.text)
            # "The group's negotiators did not respond to requests for comment"
            and not _NO_COMMENT.search(sentence.text)
            # what "was seen" goes on with a movement, not with a battle: "columns of families
            # were seen on the road south" after the town fell
            and (carried in _MOVEMENTS or not _SIGHTED.search(sentence.text))
        ):
            # "The units ... are probably being sent on": a hedge tells no more of the event
            # each clause may tell one of them: "one was on ...; the others near X and Y"
            starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence.text)]
            chosen, retold = [(carried, 1.5, a, a) for a in starts], True
        if not chosen:
            return []
        roles = place_roles(document.text, sentence, mentions, resolution, antecedent=antecedent)
        borrowing = bool(borrowed) and not any(
            r in ("location", "near", "destination", "origin") for _, _, r in roles
        )
        if borrowing:
            roles = [x for x in borrowed if x[2] != "origin"]
        out = []
        for event_type, weight, trigger_start, trigger_end in chosen:
            dated = _dates_of_trigger(document, sentence, when, chosen, trigger_start)
            date_mention = _event_date(
                document,
                sentence,
                dated,
                paragraph_date,
                trigger_start,
                continues=borrowed is not None or carried is not None,
                retold=retold,
                in_sentence=when,
            )
            if (
                _is_background(date_mention, document.source.published)
                or _is_earlier(date_mention, document.source.published, sentence.text)
                or (event_type != "offensive_threat" and _is_ahead(date_mention, document))
            ):
                continue
            own_date = _pick_date(when, sentence.start + trigger_start)
            clause_start, clause_end = _clause_span(sentence, trigger_start)
            if _ROUTINE.search(document.text[clause_start:clause_end]):
                continue
            if event_type in ("troop_movement", "equipment_movement"):
                date_mention = _journey(document.text, date_mention, clause_end)
            date_mention = _went_on(document.text, date_mention, clause_end)
            if event_type == "military_exercise":
                date_mention = _runs_until(document.text, date_mention, when)
            if (
                _HABITUAL.search(sentence.text)
                and (
                    own_date is None
                    or own_date.precision == "year"
                    # deeds done again and again since a date are many untold incidents; a flow
                    # or a state since a date ("have been leaving since April") is one
                    or (
                        event_type in _DEEDS
                        and (
                            _HABIT_PERFECT.search(sentence.text)
                            or _HABIT_SINCE.search(
                                document.text[max(0, own_date.start - 12) : own_date.end]
                            )
                        )
                    )
                )
            ):
                continue
            mine = roles
            if len(chosen) > 1:
                mine = _nearest_trigger(sentence, roles, chosen, (trigger_start, trigger_end))
            if not borrowing:
                mine = _in_clause(sentence, mine, trigger_start)
                mine = [
                    (m, p, r)
                    for m, p, r in mine
                    if not _LATER_MODAL.search(
                        sentence.text[trigger_end : max(trigger_end, m.start - sentence.start)]
                    )
                ]
            if event_type in _STRIKES and borrowed and not any(r == "origin" for *_, r in mine):
                # "According to him the missiles were aimed at ...": launched where told before
                mine = mine + [x for x in borrowed if x[2] == "origin"]
            if (
                event_type == "rail_disruption"
                and any(kind == "rail_sabotage" for kind, *_ in chosen)
                and not any(r in ("location", "near") for *_, r in mine)
            ):
                # "damaged signalling near X, and trains towards Y ran late": the delays are
                # the sabotage's effect, told by where the trains were going
                continue
            locations = self._locations(event_type, mine, document.text)
            if not locations and filed_at and not any(r in _WHERE for *_, r in roles):
                # "Belgorod. ... the oil depot on the edge of the city caught fire after a
                # strike": the place the report is filed from
                locations = self._locations(event_type, filed_at, document.text)
            if event_type not in _MOVEMENTS and (
                date_mention is None or date_mention.precision in ("unknown", "year")
            ):
                # an undated or year-long claim about a whole country is background
                locations = [
                    loc
                    for loc in locations
                    if loc[2] != "region" or loc[0].candidate.feature_class != "country"
                ]
            claimed = ()
            if event_type in ("rail_sabotage", "rail_disruption"):
                claimed = tuple(filter(None, [self.actor_finder.self_claimer(sentence.text)]))
            for place, origin, role, near in locations:
                actors = self._actors(event_type, sentence, roles, trigger_start, place)
                geo_precision, uncertainty = _precision(place, role, near)
                out.append(
                    Incident(
                        event_type=event_type,
                        place=place,
                        origin=origin,
                        geometry_role=role,
                        quote=sentence.text,
                        span=sentence.span,
                        source=document.source,
                        date_start=date_mention.date_start if date_mention else None,
                        date_end=date_mention.date_end if date_mention else None,
                        time_precision=date_mention.precision if date_mention else "unknown",
                        geo_precision=geo_precision,
                        uncertainty_km=uncertainty,
                        actors=actors,
                        claimed_by=claimed,
                        summary=_summary(event_type, place, origin, date_mention),
                        confidence=_confidence(weight, place, date_mention),
                        trigger=sentence.text[trigger_start:trigger_end],
                    )
                )
        return _with_deaths(out, sentence.text)

    def _actors(self, event_type, sentence: Sentence, roles, trigger_start: int, place: Place):
        countries = {
            m.text: p.candidate.name for m, p, _ in roles if p.candidate.feature_class == "country"
        }
        # an arrest is made by the forces of the country it happens in
        where = self.country_of_code(place.candidate.country_code)
        actors = self.actor_finder.actors(
            event_type, sentence.text, countries, where=where, trigger_at=trigger_start
        )
        if not actors and event_type in MILITARY_TYPES:
            # "Belarus announced that five battalion tactical groups would be deployed";
            # "Minsk announced": a capital speaks for its country
            speakers = (
                p.candidate.name
                if p.candidate.feature_class == "country"
                else self.country_of_code(p.candidate.country_code)
                for _, p, r in roles
                if r == "speaker"
                and (p.candidate.feature_class == "country" or p.candidate.capital)
            )
            actors = _unique(tuple(f"Military Forces of {name}" for name in speakers if name))
        return actors

    def _chosen_triggers(self, text: str, setting: str = "") -> list[tuple[str, float, int, int]]:
        """The events a sentence tells: the strongest trigger of each clause ("warned of an
        attack ..., and it says units are stationed ..."), and both an arrest and the sabotage
        it was for ("set fire to relay cabinets ... and were detained")."""
        chosen = []
        start = 0
        cuts = [m.start() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
        for end in cuts:
            triggers = [
                (kind, weight, a + start, b + start)
                for kind, weight, a, b in self._triggers(text[start:end], setting or text)
            ]
            start = end
            if not triggers:
                continue
            kinds = {t[0] for t in triggers}
            if kinds >= {"arrest", "rail_sabotage"}:
                chosen += [t for t in triggers if t[0] in ("arrest", "rail_sabotage")]
            elif "offensive_threat" in kinds and kinds & set(_MOVEMENTS):
                # "the threat of an attack on X persists, and units are regrouping near Y":
                # the warning and the forces it points at, each with its own places
                first_move = next(t for t in triggers if t[0] in _MOVEMENTS)
                chosen += [t for t in triggers if t[0] == "offensive_threat"] + [first_move]
            elif kinds >= {"rail_disruption", "rail_sabotage"}:
                # "trains were stuck at Zhlobin after saboteurs damaged the signalling near
                # Rechytsa": the stoppage where it is told, and the sabotage that caused it
                chosen += [t for t in triggers if t[0] in ("rail_disruption", "rail_sabotage")]
            elif {"armed_clash", "troop_movement"} <= kinds:
                # "crossed the border and fought Russian troops in Tetkino", "entered
                # Kanyabayonga after two days of fighting": the fight is the event told
                chosen.append(next(t for t in triggers if t[0] == "armed_clash"))
            elif "rail_disruption" in kinds and kinds & set(_FROM_THE_AIR):
                # "a missile destroyed a railway bridge, cutting the line": the strike and
                # the line it cut (shelling that brings down a wire is the stoppage's cause)
                both = ("rail_disruption", *_FROM_THE_AIR)
                chosen += [t for t in triggers if t[0] in both][:2]
            else:
                chosen.append(triggers[0])
        return chosen

    def _triggers(self, text: str, setting: str = "") -> list[tuple[str, float, int, int]]:
        """The first trigger of each type that is neither denied nor hypothetical, strongest
        first: (type, weight, start, end)."""
        best: dict[str, tuple[str, float, int, int]] = {}
        # a deed under suspicion in the clause of an arrest is what the arrest was for
        arrested = any(r.pattern.search(text) for r in TYPE_RULES if r.event_type == "arrest")
        for rule in TYPE_RULES:
            if rule.context is not None and not rule.context.search(setting or text):
                continue
            if rule.unless is not None and rule.unless.search(text):
                continue
            if rule.needs is not None and not rule.needs.search(text):
                continue
            for match in rule.pattern.finditer(text):
                # the clause up to the trigger, and the trigger's own words ("forces could join")
                clause = _clause_before(text, match.start()) + " " + match.group()
                if rule.event_type != "rail_disruption" and _NEGATION.search(clause):
                    continue
                if rule.event_type == "rail_disruption" and _NEGATION.search(
                    _clause_before(text, match.start())
                ):
                    # "no trains were delayed"; the trigger's own "no longer run" still counts
                    continue
                if rule.event_type != "offensive_threat" and (
                    _SPECULATION.search(clause)
                    or _FUTURE_WHEN.search(clause + _clause_after(text, match.end()))
                ):
                    continue
                if _REMEMBERED.search(text[: match.start()]):
                    continue
                if _HEDGED_AFTER.match(text, match.end()) or _PROMISED_ONCE.search(
                    _clause_before(text, match.start())
                ):
                    continue
                if (
                    rule.event_type != "arrest"
                    and _SUSPICION.search(clause)
                    and not (
                        _DEED_PLACED.search(text, match.end())
                        # beside an arrest, the deed needs a day of its own as well
                        and (not arrested or _DEED_DATED.search(text, match.end()))
                    )
                ):
                    continue
                if rule.event_type == "offensive_threat" and _MODAL.search(clause):
                    continue
                known = best.get(rule.event_type)
                if known is None or rule.weight > known[1]:
                    best[rule.event_type] = (rule.event_type, rule.weight, *match.span())
                break
        return sorted(best.values(), key=lambda t: (-t[1], t[2]))

    def _locations(self, event_type: str, roles, text: str):
        """(place, origin, geometry_role, near) for each incident the sentence gives."""
        by_role: dict[str, list[Place]] = {}
        for _mention, place, role in roles:
            by_role.setdefault(role, []).append(place)
        sections = [
            p
            for m, p, r in roles
            # a road only says where a place on it is, unless the event is on the road itself
            if m.section_of == "railway" or (m.section_of == "road" and r in ("location", "near"))
        ]
        on_border = [
            p
            for m, p, r in roles
            if m.kind == "border" and r in ("location", "near", "destination")
        ]
        borders = [p for m, p, r in roles if m.kind == "border" and r == "destination"]
        finer = [
            p
            for m, p, r in roles
            if r in ("location", "near")
            and m.kind != "border"
            and p.candidate.feature_class != "country"
        ]
        if not borders and not finer:
            borders = [p for m, p, r in roles if m.kind == "border" and r in ("location", "near")]
        if sections:
            return [(p, None, "section", False) for p in _distinct(sections)]
        moving = event_type in _MOVEMENTS
        if event_type == "rail_disruption" and on_border:
            # "no rail link between Ukraine and Belarus": cut at their border
            return [(p, None, "border", False) for p in _distinct(on_border)]
        if moving and borders:
            return [(p, None, "border", False) for p in _distinct(borders)]
        origins = _most_specific(_distinct(by_role.get("origin", [])))
        destinations = _distinct(by_role.get("destination", []))
        strike = event_type in _STRIKES
        if strike:
            # "launched towards Ukraine" gives a direction, not a target
            destinations = [p for p in destinations if p.candidate.feature_class != "country"]
        if (
            event_type in ("troop_movement", "equipment_movement")
            and origins
            and not destinations
            and not by_role.get("near")
        ):
            # "arrived at Homel from the direction of Kalinkavichy": where it came to
            destinations = _distinct(by_role.get("location", []))
        if event_type in ("troop_movement", "equipment_movement") and origins and destinations:
            return [
                (destination, origin, "path", False)
                for destination in _most_specific(destinations)
                for origin in origins
            ]
        if event_type == "troop_deployment" and finer:
            # "In the Volyn direction, units remain ... in the Brest district": the direction
            # frames the report; forces stay where they are placed
            destinations = [p for p in destinations if p.mention.kind != "direction"]
        if moving and destinations:
            return [(p, None, _role_of(p), False) for p in _most_specific(destinations)]
        places = [(p, False) for p in by_role.get("location", [])] + [
            (p, True) for p in by_role.get("near", [])
        ]
        if finer:
            # "stationed in the Brest region, close to the border": the region says where
            places = [(p, near) for p, near in places if p.mention.kind != "border"]
        if strike:
            # a strike happens where it lands, never where it was launched from
            places += [(p, False) for p in destinations]
        elif event_type == "offensive_threat":
            # "an offensive in the Volyn direction", "join the offensive towards Kovel": where
            # the threat points (a country only when nothing finer is named)
            places += [
                (p, False)
                for p in destinations
                if p.mention.kind == "direction" or p.candidate.feature_class != "country"
            ]
        elif (
            not places
            and destinations
            and event_type != "offensive_threat"
            # "cancelled all trains from Homiel to Ukraine": stopped where they start, when
            # they were to go to a whole country
            and not (
                event_type == "rail_disruption"
                and origins
                and all(p.candidate.feature_class == "country" for p in destinations)
            )
        ):
            places = [(p, False) for p in destinations]
        if event_type == "military_exercise":
            places += [(p, False) for p in origins]
        if not places and event_type in ("troop_movement", "rail_disruption") and origins:
            # a withdrawal with no destination is seen where it starts; "suspended services
            # from Kramatorsk" is cut where they start
            places = [(p, False) for p in origins]
        yardsticks = [
            p
            for p in by_role.get("reference", [])
            if p.mention.kind != "border"
            and p.candidate.feature_class in ("city", "village")
            and _measured_within(text, p.mention.start, _YARDSTICK_KM)
        ]
        if yardsticks and all(
            p.candidate.feature_class in ("country", "admin1") for p, _ in places
        ):
            # "in a remote village of the Junín region, 30 km north-west of the town of
            # Pichari": the town measured from is nearer the event than the province named
            # (not "in Matara district, 160 km south of the capital Colombo")
            places = [(p, True) for p in yardsticks]
        if not places and event_type == "arrest":
            # "detained a resident of Orsha": the home town when the report gives no other place
            places = [(p, False) for p in by_role.get("home", [])]
        if not places and event_type not in _MOVEMENTS:
            # "officials in Okhtyrka said ... an air strike on the town's base": their town
            places = [(p, False) for p in by_role.get("local", []) + by_role.get("dateline", [])]
        if strike and origins:
            # "fired from the Zyabrovka airfield in the Republic of Belarus": the country says
            # where the launch area is, it is not a target
            launch = {o.candidate.country_code for o in origins}
            places = [
                (p, near)
                for p, near in places
                if not (
                    p.candidate.feature_class == "country" and p.candidate.country_code in launch
                )
            ]
        specific = _most_specific([p for p, _ in places])
        # a strike keeps where it was launched from ("fired from the Mozyr area") as its origin
        launched = origins[0] if strike and origins else None
        out, keys = [], set()
        for place, near in places:
            if place in specific and place.candidate.key not in keys:
                keys.add(place.candidate.key)
                out.append((place, launched, _role_of(place), near))
        return out


# -- helpers -----------------------------------------------------------------------------------

# A town an event is measured from places it better than its province only when it is near:
# "30 km north-west of Pichari", not "160 km south of the capital Colombo"
_YARDSTICK_KM = 60
_DISTANCE_BEFORE = cue(r"\b(\d+(?:[.,]\d+)?)\s*(?:km|kilomet(?:re|er)s|(mi|miles))\b[^.;]{0,60}$")


def _measured_within(text: str, start: int, km: float) -> bool:
    """Whether the distance told before a yardstick ("30 km north-west of the town of")
    is at most ``km`` (a distance in words is taken to be small)."""
    told = _DISTANCE_BEFORE.search(text, max(0, start - 80), start)
    if told is None:
        return True
    value = float(told.group(1).replace(",", "."))
    return value * (1.609 if told.group(2) else 1.0) <= km


def _mentions_by_sentence(sentences: list[Sentence], mentions: list[Mention]) -> list[list]:
    """Each sentence's mentions, found by bisection: a scan of the whole document's mentions
    per sentence made long texts quadratic."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    starts = [m.start for m in ordered]
    return [
        [
            m
            for m in ordered[bisect_left(starts, s.start) : bisect_left(starts, s.end)]
            if m.end <= s.end
        ]
        for s in sentences
    ]


def _clause_after(text: str, index: int) -> str:
    """The words of the clause a trigger sits in, from the trigger on: "redeployed towards the
    river in the coming days", not ", and talks are due next week"."""
    rest = text[index:]
    cut = _NEXT_CLAUSE.search(rest)
    return rest[: cut.start()] if cut else rest


_NEXT_CLAUSE = cue(r";|,\s+(?:and|but|while|whereas|although|though|as|after|before)\b")


def _clause_before(text: str, index: int) -> str:
    """The words of the clause a trigger sits in, up to the trigger."""
    head = text[:index]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind("“"), head.rfind('"'), head.rfind(":"))
    clause = head[cut + 1 :] if cut >= 0 else head
    # "denied that ...": the denial reaches past the comma-free clause start
    if re.search(r"\b(?:denied|denies|deny)\b", head[-120:], re.I):
        return head[-120:]
    return clause[-80:]


def _event_date(
    document: Document,
    sentence: Sentence,
    when: list[DateMention],
    paragraph_date: DateMention | None,
    trigger_start: int,
    continues: bool = False,
    retold: bool = False,
    in_sentence: list[DateMention] = (),
) -> DateMention | None:
    """The date of the event: the sentence's own date nearest the trigger (a date of speaking
    only when there is no other), else the publication date for a state that holds now, else
    the paragraph's last date — or, for an event told in the past perfect that does not go on
    with the one before ("had come to Belarus"), some day before that date — else "on or
    before publication"."""
    trigger_at = sentence.start + trigger_start
    events = [d for d in when if not _is_statement_date(document.text, d)]
    # a day of speaking before the day of filing: "KYIV, 26 April - ..., he said on Monday"
    spoken = [d for d in when if not dates_dateline(document.text, d.start, d.end)]
    found = (
        _pick_date(events, trigger_at)
        or _pick_date(spoken, trigger_at)
        or _pick_date(when, trigger_at)
    )
    if found is not None and not events and _UNTOLD_WHEN.search(sentence.text):
        # "said on Monday, without saying when the strike took place": on or before that day
        found = DateMention("", trigger_at, trigger_at, None, found.date_end, "unknown")
    published = document.source.published
    clause_start, clause_end = _clause_span(sentence, trigger_start)
    counted = days_counted(document.text[clause_start:clause_end])
    if counted is None:
        # "Late the same day, another sea drone hit ...", "told us that on the following day a
        # drone strike hit ...": the day counted in the words before the event's clause
        head = days_counted(document.text[sentence.start : clause_start])
        if head is not None and not any(
            sentence.start + head[1] <= d.start < trigger_at for d in when
        ):
            counted = (head[0], sentence.start + head[1] - clause_start)
    later = counted[0] if counted else None
    # "detained two men on Tuesday on suspicion of cutting cable the day before": the day
    # counted back belongs to the deed it follows, not to an event with its own day nearer
    dated_nearer = (
        counted is not None
        and found in events
        and clause_start <= found.start < clause_end
        and abs(found.start - trigger_at) < abs(clause_start + counted[1] - trigger_at)
        # "detained on Thursday on suspicion of damaging ...": that day is the arrest's
        and not _SUSPICION.search(
            document.text, min(found.end, trigger_at), max(found.start, trigger_at)
        )
    )
    if later is not None and later < 0 and not dated_nearer:
        # "said on Saturday that it had struck the depot the day before": counted back from
        # the last day told before it in the sentence (a day of speaking too), else the
        # paragraph's
        back_from = clause_start + counted[1]
        before = [d for d in in_sentence or when if d.end <= back_from]
        found = _days_after(before[-1] if before else paragraph_date, later, trigger_at) or found
    elif later is not None and not any(clause_start <= d.start < clause_end for d in when):
        # "pulled out on Saturday, and troops entered the settlement the next day": counted
        # from the event told earlier in the sentence, else from the paragraph's
        earlier = [
            d
            for d in in_sentence or when
            if d.end <= clause_start and not _is_statement_date(document.text, d)
        ]
        found = _days_after(earlier[-1] if earlier else paragraph_date, later, trigger_at) or found
    if found is None and later is not None:
        # "The next morning a train arrived": a day counted from the event told before
        found = _days_after(paragraph_date, later, trigger_at)
    if found is None and retold:
        # "rescuers were still pulling bodies from the rubble": more of the event told before,
        # on its day, not a state that holds now
        found = paragraph_date
    present = _PRESENT.search(sentence.text)
    if (
        found is None
        and present
        and paragraph_date is not None
        and paragraph_date.precision == "day"
        and _IN_HIS_WORDS.search(sentence.text)
    ):
        # "In his words, units are still regrouping": a state told in reported speech holds
        # on the day it was told (the statement date of the sentence before)
        found = paragraph_date
    if found is None and published and present:
        # "the units now sit": publication; "jets are parked" in a paragraph about "the past
        # week": that week
        if (
            paragraph_date is None
            or present.group().lower() in ("now", "currently")
            or paragraph_date.date_end != published
        ):
            found = DateMention("", trigger_at, trigger_at, published, published, "day")
    same_day = _SAME_DAY.search(sentence.text)
    if found is None and paragraph_date is None and published and same_day:
        # "At 06:40 a column drove through Brahin": a time of day in a report of that day
        found = DateMention("", trigger_at, trigger_at, published, published, "day")
    if found is None and paragraph_date is not None:
        clause_start = _clause_span(sentence, trigger_start)[0] - sentence.start
        head = sentence.text[clause_start : trigger_start + 40]
        if (
            not continues
            and not same_day
            and _PAST_PERFECT.search(head)
            and not _REPORTED.search(head)
            and paragraph_date.date_start
        ):
            day = paragraph_date.date_start
            found = DateMention("", trigger_at, trigger_at, None, day, "unknown")
        else:
            found = paragraph_date
    if found is None and published:
        # reported, so it happened on or before publication, day unknown
        found = DateMention("", trigger_at, trigger_at, None, published, "unknown")
    return found


# "... on Monday and arrived two days later": the same subject arriving, not ", and Ukrainian
# troops entered the town the next day" (another movement)
_ARRIVED = cue(
    r"^[^,;]{0,60}?\band\s+(?:then\s+)?(?:(?:the\s+)?(?:next|following)\s+\w+\s+|"
    r"(?:a|\w+)\s+days?\s+later\s+)?(?:arrived|reached|got to|came to|rolled into|pulled into|"
    r"(?:was|were)\s+unloaded)\b"
)


# "began three days of air-defence drills", "began the ten-day exercise": how long it runs
_LASTING = cue(
    r"\b(?:began|begins|started|starts|launched|opened|kicked off)\s+(?:a\s+|the\s+)?"
    r"(?:(\w+)[- ]day\b|(\w+)\s+days\s+of\b)"
)
# "... fighting from house to house into Tuesday": the event went on to a later day
_GOING_ON_INTO = cue(
    r"\b(?:fighting|fought|went on|continued|continuing|lasted|lasting|raged|raging|burned|"
    r"burning)\b[^.;]{0,40}?\b(?:into|until|till|through)\s+(?:the\s+)?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


def _days_told(word: str) -> int:
    """ "3" or "three" as a number of days; 0 for any other word."""
    if word.isdigit():
        return int(word)
    try:
        return text2num(word.lower(), "en")
    except ValueError:
        return 0


# "began joint drills near Slutsk on Monday, due to run until 28 October": the day it ends
_RUNS_UNTIL = cue(
    r"\b(?:run|runs|last|lasts|continue|continues|go on|goes on)\s+(?:until|till|to|through)\s+"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?$"
)


def _runs_until(
    text: str, when: DateMention | None, dates: list[DateMention]
) -> DateMention | None:
    """A drill that began on a day and is to run until a later date (within two months)
    spans both."""
    if when is None or when.date_start is None or when.date_end is None:
        return when
    for later in dates:
        if (
            later.start > when.end
            and later.date_end is not None
            and when.date_end < later.date_end <= when.date_start + timedelta(days=62)
            and _RUNS_UNTIL.search(text[max(when.end, later.start - 40) : later.start])
        ):
            return DateMention(
                when.text, when.start, when.end, when.date_start, later.date_end, "range"
            )
    return when


def _went_on(text: str, when: DateMention | None, clause_end: int) -> DateMention | None:
    """ "stormed the district on Monday, fighting from house to house into Tuesday": the
    event runs from its day to the later weekday it went on into; "began three days of
    drills on Monday" runs three days from Monday."""
    if when is None or when.precision != "day" or not when.date_end or when.end > clause_end:
        return when
    lasting = _LASTING.search(text, max(0, when.start - 120), clause_end)
    if lasting:
        words = lasting.group(1) or lasting.group(2)
        days = _days_told(words)
        if 1 < days <= 31:
            end = when.date_end + timedelta(days=days - 1)
            return DateMention(when.text, when.start, when.end, when.date_start, end, "range")
    going_on = _GOING_ON_INTO.search(text, when.end, clause_end)
    if going_on is None:
        return when
    days = (WEEKDAYS.index(going_on.group(1).lower()) - when.date_end.weekday()) % 7
    if not 0 < days <= 3:
        return when
    end = when.date_end + timedelta(days=days)
    return DateMention(when.text, when.start, when.end, when.date_start, end, "range")


def _journey(text: str, when: DateMention | None, clause_end: int) -> DateMention | None:
    """ "left Orsha on Monday and arrived two days later at Zhlobin": a movement runs from the
    day it set off to the day it arrived."""
    if when is None or when.precision != "day" or not when.date_end or when.end > clause_end:
        return when
    rest = text[when.end : clause_end]
    counted = days_counted(rest)
    if counted is None or counted[0] <= 0 or not _ARRIVED.match(rest):
        return when
    arrived = when.date_end + timedelta(days=counted[0])
    return DateMention(when.text, when.start, when.end, when.date_start, arrived, "range")


def _negated_retelling(text: str) -> bool:
    """ "Many had not yet arrived": the words that go on with the event are denied."""
    match = _CONTINUES.search(text)
    return bool(match and _NEGATION.search(_clause_before(text, match.end())))


def _days_after(before: DateMention | None, days: int, at: int) -> DateMention | None:
    """The day ``days`` after the event date ``before`` (the last night of a range), if it
    names a day."""
    if before is None or before.date_end is None or before.precision not in ("day", "range"):
        return None
    # counted back, from the first day of a range
    day = (before.date_start if days < 0 and before.date_start else before.date_end) + timedelta(
        days=days
    )
    return DateMention("", at, at, day, day, "day")


def _dates_of_trigger(document, sentence: Sentence, when, chosen, trigger_start: int):
    """The date expressions that may date one trigger: with two events in a sentence, those
    that follow it; always those of its own clause."""
    dated = when
    if len(chosen) > 1:
        events = [d for d in when if not _is_statement_date(document.text, d)]
        dated = [d for d in events if _owner(sentence, d, chosen)[2] == trigger_start]
        # "set fire to cabinets ... and were detained there on the night of ...": the
        # sabotage has no date of its own and takes the arrest's
        dated = dated or events or when
    start, end = _clause_span(sentence, trigger_start)
    own = [d for d in dated if start <= d.start and d.end <= end]
    return own or (dated if not _CLAUSE_BREAK.search(sentence.text) else [])


def _is_background(when: DateMention | None, published) -> bool:
    """An event that ended more than about a year before publication is history ("In August
    2020 ...", "in the summer of 1943"), told as background, not an incident of the report."""
    return bool(
        when is not None and when.date_end and published and (published - when.date_end).days > 370
    )


def _is_ahead(when: DateMention | None, document: Document) -> bool:
    """An event dated after publication ("after the exercise ends on 20 February") is yet to
    happen: a plan, not an incident (a warning of it is dated when it is told)."""
    published = document.source.published
    return bool(when is not None and when.date_start and published and when.date_start > published)


def _is_earlier(when: DateMention | None, published, text: str) -> bool:
    """Old footage and past rounds told as such ("filmed in September 2021, during a previous
    exercise"): a dated event a month or more before publication that the sentence itself
    marks as earlier is background, not news."""
    return bool(
        when is not None
        and when.date_end
        and published
        and (published - when.date_end).days > 30
        and _EARLIER.search(text)
        and _RECORDING.search(text)
    )


def _pick_date(when: list[DateMention], trigger_at: int) -> DateMention | None:
    """The date nearest the trigger, a day or a range before a month or a year."""
    if not when:
        return None
    precise = [d for d in when if d.precision in ("day", "range")]
    pool = precise or when
    return min(pool, key=lambda d: min(abs(d.start - trigger_at), abs(d.end - trigger_at)))


def _is_statement_date(text: str, when: DateMention) -> bool:
    """ "said on Monday", "at a briefing on Wednesday", "On Wednesday the minister told
    reporters that ...", a dateline "LVIV, March 13 (Reuters) -": when it was said or
    filed, not when it happened."""
    return bool(
        _STATEMENT_BEFORE.search(text[max(0, when.start - 60) : when.start])
        or _STATEMENT_AFTER.search(text[when.end : when.end + 100])
        or _STATEMENT_NOUN_AFTER.match(text, when.end)
        or dates_dateline(text, when.start, when.end)
    )


def _headline(document: Document, sentences: list[Sentence]) -> Sentence | None:
    title = (document.source.title or "").strip()
    if sentences and title and sentences[0].text.strip() == title:
        return sentences[0]
    return None


def _clause_span(sentence: Sentence, trigger_start: int) -> tuple[int, int]:
    """Where the trigger's clause starts and ends in the document."""
    start, end = sentence.start, sentence.end
    at = sentence.start + trigger_start
    for match in _CLAUSE_BREAK.finditer(sentence.text):
        cut = sentence.start + match.start()
        if cut < at:
            start = cut
        else:
            end = min(end, cut)
            break
    return start, end


def _in_clause(sentence: Sentence, roles, trigger_start: int):
    """The places in the trigger's clause: ", and he posted a video of ..." tells another thing."""
    start, end = _clause_span(sentence, trigger_start)
    return [(m, p, r) for m, p, r in roles if start <= m.start and m.end <= end]


def _owner(sentence: Sentence, span, triggers):
    """The trigger a place or date belongs to: the nearest one before it (the event, then
    where and when: "detained three men in the first days of March"), else the first after."""
    at = span.start - sentence.start
    before = [t for t in triggers if t[2] <= at]
    if before:
        return max(before, key=lambda t: t[2])
    return min(triggers, key=lambda t: t[2])


def _nearest_trigger(sentence: Sentence, roles, triggers, mine: tuple[int, int]):
    """With two events in a sentence, a place belongs to the nearest trigger before it (the
    event, then where: "set fire to cabinets near X"), else to the first after it; a trigger
    followed by "there" shares the places named before it."""

    own = [(m, p, r) for m, p, r in roles if _owner(sentence, m, triggers)[2:4] == mine]
    after = sentence.text[mine[0] : mine[1] + 60]
    kind = next(t[0] for t in triggers if t[2:4] == mine)
    kinds = {t[0] for t in triggers}
    if not [1 for _, _, r in own if r in ("location", "near")] and (
        re.search(r"\b(?:there|at the scene|on the spot|nearby)\b", after)
        # "destroyed a bridge near Korosten, cutting the line": the line is cut where it was hit
        # (a line stopped by sabotage told with it is its effect, not another incident)
        or (kind == "rail_disruption" and "rail_sabotage" not in kinds)
        # "halted all trains through Kremenchuk after a missile smashed into the substation":
        # the strike hit where the line stopped
        or (kind in _STRIKES and "rail_disruption" in kinds)
        # "detained two men near Orsha minutes after they had set fire to a cabinet": caught
        # where they did it
        or (kind == "rail_sabotage" and "arrest" in kinds)
    ):
        return [(m, p, r) for m, p, r in roles if m.start < sentence.start + mine[0]]
    if kind == "arrest" and "rail_sabotage" in kinds and not own:
        # "detained two teenagers who set fire to a relay box near Tula": caught where the
        # deed was done, when the text gives no other place
        return list(roles)
    return own


def _distinct(places: list[Place]) -> list[Place]:
    seen, out = set(), []
    for place in places:
        if place.candidate.key not in seen:
            seen.add(place.candidate.key)
            out.append(place)
    return out


_SPECIFICITY = {
    "station": 0,
    "village": 1,
    "city": 1,
    "other": 1,
    "admin2": 2,
    "admin1": 3,
    "country": 4,
}


def _most_specific(places: list[Place]) -> list[Place]:
    """Drop places that only contain others named with them: the country of a town, the
    region of a town."""
    kept = []
    for place in places:
        c = place.candidate
        contained = False
        for other in places:
            o = other.candidate
            if other is place or o.key == c.key:
                continue
            if c.feature_class == "country" and o.country_code == c.country_code:
                contained = True
            elif (
                c.feature_class == "admin1" and o.admin1 == c.admin1 and o.feature_class != "admin1"
            ):
                contained = True
        if not contained:
            kept.append(place)
    # "the Asipovichy district" written as a region but found as its town: context for a
    # place inside it
    kept = [
        p
        for p in kept
        if not (
            p.mention.kind == "region"
            and p.candidate.feature_class in ("city", "admin2")
            and any(
                o is not p
                and o.candidate.key != p.candidate.key
                and o.mention.kind != "region"
                and haversine_km(p.candidate.lat, p.candidate.lon, o.candidate.lat, o.candidate.lon)
                <= 40
                for o in kept
            )
        )
    ]
    # a country is context when any finer place is named
    if any(p.candidate.feature_class != "country" for p in kept):
        kept = [p for p in kept if p.candidate.feature_class != "country"]
    return kept


def _role_of(place: Place) -> str:
    if place.mention.kind == "section":
        return "section"
    if place.mention.kind == "border":
        return "border"
    if place.candidate.feature_class in ("admin1", "admin2", "country"):
        return "region"
    return "point"


def _precision(place: Place, role: str, near: bool) -> tuple[int, float]:
    c = place.candidate
    radius = c.radius_km
    if role == "section":
        # a stretch of track between stations is exact; a road between towns only near
        return (2 if place.mention.section_of == "road" else 1), round(radius, 1)
    if role == "border":
        return 2, round(radius, 1)
    if c.feature_class == "country":
        return 4, round(radius, 1)
    if c.feature_class == "admin1":
        return 3, round(radius, 1)
    if c.feature_class == "admin2":
        return 2, round(radius, 1)
    if place.mention.kind == "region":
        # "the Barysau district" found as its town: the district, about 25 km round it
        return 2, round(max(radius, 25.0), 1)
    if near:
        return 2, round(radius + 15.0, 1)
    return 1, round(radius, 1)


def _summary(event_type: str, place: Place, origin: Place | None, when: DateMention | None) -> str:
    label = EVENT_KINDS[event_type].label
    where = place.mention.text
    if origin is not None:
        where = f"from {origin.mention.text} to {where}"
    elif place.mention.section_of == "road":
        where = f"on the {where}"  # "on the road linking Gusau and Tsafe"
    elif place.mention.kind == "section":
        where = f"on the {where} section"
    elif place.mention.kind == "border":
        where = f"to the {place.candidate.name}"
    else:
        where = f"in {where}"
    date_text = f" ({when.text.strip()})" if when and when.text.strip() else ""
    return f"{label} {where}{date_text}"


def _confidence(weight: float, place: Place, when: DateMention | None) -> float:
    type_part = min(1.0, weight / 2.5)
    place_part = min(1.0, max(0.0, place.score) / 3.0) if place.score > 1 else max(0.2, place.score)
    date_part = 1.0 if when and when.precision in ("day", "range") else 0.6 if when else 0.3
    return round(0.4 * type_part + 0.4 * place_part + 0.2 * date_part, 2)


def _dateline_yields(incidents: list[Incident], text: str) -> list[Incident]:
    """An event placed only where the report was filed ("MINSK, Feb 10 - troops began the
    exercise") is the event the report then places itself ("on the Brestsky range")."""

    def filed(incident: Incident) -> bool:
        place, (start, end) = incident.place, incident.span
        named_here = [s for s in place.mentions or (place.mention.span,) if start <= s[0] < end]
        # "BREST, Belarus, Feb 16 - ... at the Brestsky range": named again, not only filed
        return len(named_here) == 1 and heads_dateline(text, place.mention.start, place.mention.end)

    placed = {i.event_type for i in incidents if not filed(i)}
    return [i for i in incidents if not (filed(i) and i.event_type in placed)]


def _with_deaths(incidents: list[Incident], sentence: str) -> list[Incident]:
    """The sentence's death toll on its one violent incident; a toll over three villages
    cannot be shared out among them, nor does it belong to a troop movement."""
    violent = [i for i, incident in enumerate(incidents) if incident.event_type in _VIOLENT]
    if len(violent) != 1:
        return incidents
    deaths = deaths_told(sentence)
    if deaths is None:
        return incidents
    out = list(incidents)
    out[violent[0]] = replace(out[violent[0]], fatalities=deaths)
    return out


# the kinds of organised violence that kill: ACLED's political violence
_VIOLENT = frozenset(
    kind.event_type
    for kind in EVENT_KINDS.values()
    if kind.acled_disorder_type == "Political violence"
)


def _told_once(incidents: list[Incident]) -> list[Incident]:
    """One incident per event: the same type at the same place on the same dates, told again
    in a later sentence, is the first telling (with any claims the retelling adds)."""
    first: dict[tuple, int] = {}
    out: list[Incident] = []
    for incident in incidents:
        key = (
            incident.event_type,
            incident.place.candidate.key,
            incident.origin.candidate.key if incident.origin else None,
            incident.date_start,
            incident.date_end,
        )
        if key not in first:
            first[key] = len(out)
            out.append(incident)
            continue
        kept = out[first[key]]
        out[first[key]] = replace(
            kept,
            actors=_unique(kept.actors + incident.actors),
            claimed_by=_unique(kept.claimed_by + incident.claimed_by),
            # a later sentence may give the toll the first one did not
            fatalities=max(
                (n for n in (kept.fatalities, incident.fatalities) if n is not None), default=None
            ),
        )
    return out


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))

"""Document → mentions: find the places a text names.

Gazetteer-driven: every run of capitalised words is looked up, longest first, in the name
trie. What the words around a name say decides whether it is a place and what kind:

- rules that reject: a first name or title before it ("Oleksandr Kamyshin", "Mr. Kamyshin"),
  a unit or organisation title around it ("150th Idritsa-Berlin ... Division",
  "Belarusian Railways"), an ordinary English word that only happens to be a village
  ("Police", "March"), a side in a game ("Gomel 2 Vitebsk 0": ``games``);
- rules that shape: "X region"/"the X, Y and Z regions" (``region``), "the X direction"
  (``direction``), "X branch" of a railway (``branch``), "X station" (``station``),
  "the A–B section" (``section``: two stations), "the Ukrainian border" / "the border with
  Ukraine" (``border``).
"""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Protocol

from .datelines import opens_dateline
from .distance import haversine_km
from .games import CLUB_BEFORE, CLUB_NAME, match_report, side_in_game, sports_sentence
from .gazetteer.names import CYRILLIC_COUNTRIES, is_cyrillic, name_key
from .gazetteer.respell import (
    EAST_SLAVIC_COUNTRIES,
    belarusian_respellings,
    respellings,
    unmistakable,
)
from .lexicon import (
    ADJECTIVES_NOT_PLACES,
    ADMIN2_WORDS,
    AGENT_BEFORE,
    CAPITALS,
    CAR_MAKES,
    CIVIL_HEADS,
    COLOURS,
    CREDITS,
    EAST_SLAVIC_GIVEN_NAMES,
    FUNCTION_WORDS,
    HOLIDAYS,
    IN_BEFORE,
    LOCATIVE_BEFORE,
    LOCATIVE_CUE_BEFORE,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NAME,
    NAMED_AFTER_PLACE,
    NATION_ADJECTIVES,
    NOT_PLACES,
    ORGANISATION_APPOSITIVE_AFTER,
    ORGANISATION_HEADS,
    ORGANISATION_NAMED_BEFORE,
    OUTLET_BEFORE,
    PEOPLES,
    PERSON_NOUNS,
    PERSON_TITLES,
    PLACE_MODIFIERS,
    PLACE_NOUNS,
    PUBLIC_HEADS,
    REGION_NAME_ENDS,
    REGION_PLURALS,
    REGION_WORDS,
    SOURCE_BEFORE,
    SOURCE_NAME_ENDS,
    STATE_ABBREVIATIONS,
    STREET_WORDS,
    TITLE_JOINERS,
    TOWN_APPOSITIVE_AFTER,
    UNIT_HEADS,
    US_STATE_ABBREVIATIONS,
    VESSEL_BEFORE,
    WEEKDAYS,
    WHERE_BEFORE,
    countries_speaking,
    demonym_country_stems,
    is_common_word,
    is_common_word_in,
    is_everyday_word_in,
    is_ordinal,
    is_state_name,
    is_surname,
    postal_regions,
    text_language,
)
from .models import Candidate, Document, Mention
from .sentences import sentence_says
from .spans import SpanSet


class NameIndex(Protocol):
    """What recognition needs of a gazetteer."""

    def has_key(self, key: str) -> bool: ...

    def has_prefix(self, key: str) -> bool: ...

    def best_population(self, key: str) -> tuple[int, str]: ...

    def names_region(self, key: str) -> bool: ...

    def names_region_group(self, key: str) -> bool: ...

    def country_named(self, key: str, prefix: bool = False) -> str | None: ...

    def only_alternate(self, key: str) -> bool: ...

    def demonym_of(self, key: str) -> str | None: ...

    def loose_countries(self, name: str) -> set[str]: ...

    def candidates(self, name: str, *, loose: bool = True) -> list[Candidate]: ...

    def candidate(self, row: int) -> Candidate: ...

    def prefixed_rows(self, prefix: str) -> list[tuple[str, int]]: ...

    def admin1_candidate(self, code: str | None) -> Candidate | None: ...

    def admin1_codes(self) -> list[str]: ...


# (after an apostrophe, two letters more, or one vowel: "Sana'a", "Hawai'i", but not "Kyiv's",
# "don't")
# (a French or Italian article elided before a name is a word of its own: "de l'Ukraine",
# "d'Izioum", "dell'Ucraina")
_WORD = re.compile(
    r"(?:l|d|qu|j|dell|nell|sull|dall|all)['’](?=[A-ZÀ-ÖØ-Þ])"
    r"|(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’ʼ](?:[^\W\d_]{2,}|[aeiou](?![^\W\d_])))*"
    r"|\d+(?:st|nd|rd|th)?",
    re.UNICODE,
)
_NAME2 = rf"{NAME}(?:[ \-]{NAME})?"
_DASH = r"\s?[-–—‐‑]\s?"
#: words looked at on each side of a name for the title it may sit in (longer than any title)
_TITLE_REACH = 16

_SECTION = re.compile(
    rf"(?P<a>{_NAME2}){_DASH}(?P<b>{_NAME2})\s+(?:(?:railway|rail|railroad)\s+)?"
    r"(?P<head>section|stretch|segment|haul|span|railway line|rail line|railroad line|railway|railroad)\b"
)
_BETWEEN_STATIONS = re.compile(
    rf"between\s+(?:the\s+)?(?:stations\s+(?:of\s+)?)?(?P<a>{_NAME2})\s+and\s+(?P<b>{_NAME2})\s+(?:railway\s+)?stations\b"
)
# "two relay cabinets between Sinkevichy and Mikashevichy", "on the Zhlobin–Kalinkavichy line,
# between Uznazh and Astankavichy": gear on the track between two stations lies on that section
# (not "talks between Minsk and Moscow", nor a long "line between Kyiv and Kovel")
_BETWEEN_ON_TRACK = re.compile(
    r"\b(?i:(?:relay\s+)?cabinets?|relays?|signal(?:l?ing)?(?:\s+box(?:es)?)?|signals|tracks?|rails|"
    r"sleepers|cables?|points|section|stretch|line,)"
    rf"[^.;:]{{0,40}}?\bbetween\s+(?:the\s+)?(?P<a>{_NAME2})\s+and\s+(?P<b>{_NAME2})\b"
    r"(?!\s+(?:railway\s+)?stations\b)"
)
_BORDER_ADJ = re.compile(rf"(?P<a>{NAME})(?:{_DASH}(?P<b>{NAME}))?\s+(?:state\s+)?border\b")
_BORDER_WITH = re.compile(rf"\bborders?\s+(?:with|of)\s+(?:the\s+)?(?P<a>{NAME})")
_BORDER_BETWEEN = re.compile(
    rf"\b(?:border|(?:railway|rail|railroad|train)\s+(?:connections?|traffic|links?|communications?|services?))\s+"
    rf"between\s+(?:the\s+)?(?P<a>{NAME})\s+and\s+(?:the\s+)?(?P<b>{NAME})"
)

# "Trains no longer run between Ukraine and Belarus": the rail link across their border.
_RAIL_BETWEEN = re.compile(
    r"\b(?i:trains?|services|traffic|freight)\b[^.;:!?]{0,40}?"
    r"\b(?i:run|runs|ran|running|operate|operates|operated|go|goes|went|travel|travels|cross|crosses)"
    rf"\s+between\s+(?:the\s+)?(?P<a>{NAME})\s+and\s+(?:the\s+)?(?P<b>{NAME})"
)
# "the Saratov blew up and sank", "the Cherkasy and the Chernihiv cannot sail home": a town's
# name with "the" in a sentence of sailing is a ship's
_THE_SHIP_BEFORE = re.compile(r"(?<![\w-])the\s$")
# A work named for a place: "the feature Bucha", "the documentary «Mariupol»"
_WORK_BEFORE = re.compile(
    r"\b(?i:the|a|his|her|their)\s+(?:[\w-]+\s+)?(?:film|feature|documentary|movie|novel|"
    r"album|song|play|opera|poem)\s+[\"“'‘«„]?\Z"
)
_CREW_OF_THE_BEFORE = re.compile(
    r"\b(?:boatswain|captain|skipper|crew|sailors|master|helmsman|bosun)\s+of\s+the\s\Z"
)
_RENAMED_BEFORE = re.compile(r"\brenamed\s+(?:[A-Z][\w'’-]*\s+and\s+)?\Z")
_PLACE_NOUNS_AFTER = PLACE_NOUNS | REGION_WORDS | frozenset("harbour harbor bay area".split())
_SAILING_AFTER = re.compile(
    r"[^.;!?]{0,80}?\b(?:sank|sunk|sink|sinking|sail|sails|sailed|sailing|docked|capsized|"
    r"aground|moored|berthed|scuttled|torpedoed)\b"
)
# What follows only a person's name: "Lubny, who", "Lubny (left)", "Kobryn, a reporter for
# Nasha Niva", "Nyasvizh, 64, was"
_WHO_AFTER = re.compile(r",\s+who\b")
_CAPTION_SIDE_AFTER = re.compile(r"\s\((?:left|right|centre|center|L|R|C)\)")
_CAPTION_SIDE_BEFORE = re.compile(r"\((?:left|right|centre|center|L|R|C)\)\s+(?:and|with)\s+$")
_PERSON_APPOSITIVE_AFTER = re.compile(
    r",\s+(?:(?:a|an|the)\s+(?:(?!city|town|village|region|port|capital|province)[\w'’-]+\s+){0,2}?"
    rf"(?:{'|'.join(PERSON_NOUNS)})\b"
    # (not "as far as Bolhrad, a driver told us", "around Ampatuan, a military spokesman
    # said": who said it, after the place)
    r"(?!\s+(?:said|says|told|tells|added|adds|reported|wrote|explained|confirmed|claimed))"
    r"|\d{1,3},\s+(?:was|is|said|says|told|has|had|who|a|an|[a-z]+ed)\b)"
)
# A country's name as a unit's: "the Belarus battalion" (not "the Ukraine army": its army)
_THE_BEFORE_NAME = re.compile(r"(?<![\w-])the\s\Z", re.IGNORECASE)
_QUOTED_NAME_AFTER = re.compile(r"\s[„«](?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])")
_COUNTRY_UNIT_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+[\w'’-]+)?\s+(?:volunteer\s+)?(?:battalions?|legions?|regiments?|brigades?)\b"
)
# The compass words of wire copy's languages, and a name before "du", "del", "do" that one of
# them completes: "Darfour du Nord", "Kordofan del Sur", "Rio Grande do Norte"
_COMPASS_WORDS = frozenset("nord sud est ouest norte sur este oeste sul leste".split())
_NAME_OF_PART_BEFORE = re.compile(r"\b[A-Z][\w'’-]+\s+(?:du|del|do|de\s+l['’]|dell['’])\s?\Z")
# A unit's name after the word for it, in the languages that put the word first (unquoted)
_UNIT_WORD_BEFORE = re.compile(
    r"\b(?:reggimento|regimiento|régiment|regimento|battaglione|batallón|bataillon|batalhão|"
    r"brigata|pułku?|pułkiem|batalion(?:u|em)?|brygad(?:a|y|zie|ą))\s\Z"
)
# A unit's honorific in quotes after its number or title: 'the 45th Panzer Brigade "Litauen"',
# 'Battalion "Tatarstan"'
# ('Panzergrenadierbrigade 37 «Freistaat Sachsen»', 'la Brigada «Aragón»': German
# compounds, Spanish and French words, a number between)
_UNIT_HONORIFIC_BEFORE = re.compile(
    r"(?i:brigade|brigada|battalion|bataillon|batallón|regiment|régiment|regimiento|division|"
    r"división|legion|company|detachment|squadron|geschwader|group|gruppe|groupement|grupo|"
    r"gruppo|grupa)(?:\s+\d{1,3})?\s+[\"“«„]\Z"
)
# An interview's turn, at the start of a line: "Nizhyn: We took the last train", "Romny: How
# did you leave?" (not a live blog's "Lyman: shelling overnight")
_TURN_AFTER = re.compile(
    r":\s(?:(?:I|We|My|Our|Yes|No|Well)\b"
    r"|(?:How|Why|What|When|Where)\s(?:did|do|does|was|were|is|are|have|has|can|will)\b"
    r"|(?:Did|Do|Does|Were|Was|Are|Have|Can|Will)\syou\b)"
)
_NAME_GIVEN_BEFORE = re.compile(
    r"\b(?:the\s+(?:title|honorific|codename|code\s+name|call\s+sign|nickname)|codenamed|"
    r"code-named|nicknamed|called\s+(?:her|him|them)\s+(?:simply\s+|just\s+)?|"
    # ... in French, Spanish and German: "connu sous l'indicatif « Toula »"
    r"(?i:l['’]indicatif|surnommée?|alias|indicativo|apodad[oa]|Rufname|Kampfname))"
    r"\s*[\"“'‘«„]?\s?\Z"
)
# A pact or talks named for a place, as wire copy's other languages put it: "l'accordo di
# Ohrid", "los acuerdos de Minsk", "les accords de Minsk", "las conversaciones de Yeda"
_PACT_OF_BEFORE = re.compile(
    r"\b(?i:accordo|accordi|acuerdos?|accords?|acordos?|protocole|protocolo|protocollo|"
    r"tratado|traité|trattato|pacto|pacte|patto|laudo(?:\s+arbitral)?|conversaciones|"
    r"negociaciones|pourparlers|négociations|negoziati|colloqui|formato|processus|proceso|"
    r"processo|déclaration|declaración|dichiarazione)\s+(?:de|di|d['’])\s?\Z"
)
# A name given in quotes: 'carries the name "Rogachev"'
_QUOTED_NAME_BEFORE = re.compile(r"\bthe\s+(?:honorary\s+)?name\s+[\"“«„]\Z")
# "the Minsk, which was damaged", "the Reni, was among", "the Kursk was lost"
_THING_CLAUSE_AFTER = re.compile(r",?\s+(?:which|was|were|is|has|had)\b")
# ... or, in a sentence about ships, any end of the name: "the Ternopil and the Slavutych"
# (but "the Allston and Weston booths": two towns before their noun)
_THE_NAME_ENDS = re.compile(r"\s*[,.;:)]|\s+(?:(?:and|or)\s+the|in|at|off|near)\b")
# A person by one initial, and what a headline says is done to a person or won by one
_ONE_INITIAL_BEFORE = re.compile(r"(?:^|[\s\"“'‘(])(?-i:[A-DF-MO-RT-VX-Z])\.\s\Z")
_JUSTICE_DONE_AFTER = re.compile(
    r"\s(?:jailed|sentenced|convicted|acquitted|detained|arrested|charged|fined|freed|"
    r"pardoned)\s(?:for|to|over|after|in)\b"
)
_WINS_PLACE_AFTER = re.compile(r"\s(?:wins|won)\s(?-i:[A-Z])[\w'’-]+(?:\s(?:as|in|after)\b|$)")
_ANIMAL_CALLED_BEFORE = re.compile(
    r"\b(?:dog|cat|mongrel|puppy|kitten|horse|mare|stallion|pony|parrot|goat|cow)\b"
    r"[^.;!?\n]{0,24}?\b(?:called|named)\s\Z"
)
# A picture's credit line, name and agency: "Photo: Shwan Hama / Reuters", "(Foto: Anna Sumy)"
# (a given name and a surname, no body's initials: not "(Picture: Slidell PD)"); a caption
# may run on in its paragraph: "Relatives searched for days. Photo: Jordan Pike / AP"
_CREDIT_LINE_BEFORE = re.compile(
    r"(?:^|\n|\(|[.!?][\"”’]?\s)[ \t]*(?i:photo|photograph|picture|image|credit|foto|fot\.|zdjęcie)"
    r"\s*:?\s+"
    r"(?P<given>[A-Z][a-zà-ÿ'’-]+\s+)?\Z"
)
_CREDIT_LINE_AFTER = re.compile(r"(?P<surname>\s+[A-Z][a-zà-ÿ'’-]+)?\s*(?:/|\||\)|$)", re.MULTILINE)
# "Reporting by Nadia Rivne": a credit's name, given name and all
_BYLINE_BEFORE = re.compile(rf"\b(?i:{'|'.join(CREDITS.split())})\s+by\s+(?:[A-Z][\w'’-]*\s+)?\Z")
_MEMBERS_AFTER = re.compile(
    r"\s+(?:fighters|commanders|soldiers|servicemen|troops|members|veterans)\b"
)
# A name after "a" that ends there is a thing of that make or brand: "a Kozel and", "A Belarus
# is cheap" (not "a Kyiv resident", "a Ukraine that is free")
_INDEFINITE_BEFORE = re.compile(r"(?<![\w-])(?i:a|an)\s\Z")
# "drove the same green Slavuta", "drives a Moskvich": what is driven is a make
_DRIVEN_BEFORE = re.compile(
    r"\b(?:drove|drives|drive|driving)\s+(?:a|an|the|his|her|their|my|our)\s+"
    rf"(?:(?:same|old|new|battered|rusty|little|beloved|{'|'.join(sorted(COLOURS))})\s+){{0,3}}\Z",
    re.IGNORECASE,
)
_DRIVEN_ENDS_AFTER = re.compile(
    r"\s*(?:[,.;:!?)]|$)|\s(?:for|to|into|through|until|every|and|or|with|from|around|back)\b"
)
# A pact or a group named by its place, and when things happened with regard to it, or
# what it does: "two years after Pretoria", "Ramstein meets in Brussels"
_SINCE_BEFORE = re.compile(r"\b(?i:after|since|before|until|following)\s\Z")
_CONVENES_AFTER = re.compile(r"\s(?:meets|met|convenes|convened|agreed|pledged|promised)\b")
_STORM_BEFORE = re.compile(
    r"\b(?:Hurricane|Typhoon|Cyclone|Storm|Tropical\s+Storm|Super\s+Typhoon|Tropical\s+"
    r"Depression)\s\Z"
)
# "must not be a third Minsk", "fears of a second Munich": a pact or a turn of history known
# by the place it was made in, counted again
_COUNTED_AGAIN_BEFORE = re.compile(r"(?<![\w-])(?i:a|the)\s+(?:second|third|fourth)\s\Z")
_THING_ENDS_AFTER = re.compile(
    r"\s*(?:[,.;:!?)]|$)|\s(?:and|or|is|was|costs?|sells?|runs?|breaks?)\b"
)
_LISTED_THEN_DONE_TO_PEOPLE = re.compile(
    rf"(?:,\s{NAME})*,?\s(?:and|or)\s{NAME}\s+were\s+"
    r"(?:elected|appointed|sentenced|convicted|acquitted|detained|arrested|charged)\b"
)
_AGE_THEN_VERB_AFTER = re.compile(
    r",\s\d{1,2},\s(?:[a-z]+ed|was|is|had|has|a|an|said|says|told|tells|who|lives|works)\b"
)
# A channel with a number that reports: "Kolomyia 24 reported", "Moldova 1 aired"
_OUTLET_NUMBER_AFTER = re.compile(
    r"\s\d{1,3}\s+(?:did\s+not\s+|didn['’]t\s+)?(?:reported|reports|report|said|says|say|"
    r"wrote|writes|posted|aired|air|broadcast|showed|show|published|quoted|cited)\b"
)
_CHANNEL_NUMBER_AFTER = re.compile(r"\s\d{1,3}(?![\d.:,%]|\s*(?:km|kilomet|miles?)\b)")
_MEDIA = re.compile(
    r"\b(?:channels?|chaînes?|canal|Kanal|Sender|broadcasters?|Telegram|TV|television|"
    r"télévision|televisión|Fernsehen|radio|outlets?)\b",
    re.IGNORECASE,
)
# An agreement's sequel, "Minsk II"; and a pact titled for its town, "the Algiers Accord"
_SEQUEL_AFTER = re.compile(r"\s(?:II|III|IV)\b")
_TITLED_PACT_AFTER = re.compile(
    r"\s(?:Agreements?|Accords?|Protocols?|Memorandum|Treaty|Declaration|Communiqu[eé])\b"
)
# Goods and breeds named for where they come from: "Wajima lacquerware", "Hereford cattle"
_PRODUCT_AFTER = re.compile(
    r"\s+(?:lacquerware|ware|pottery|porcelain|cattle|sheep|cheese|wines?|ham|sausages?|beef|"
    r"tea|whisky|whiskey|vodka|lace|rugs?|carpets?|silk|marble)\b"
)
# Goods said to be made somewhere: "Żywiec, brewed in the mountain town of Żywiec", "Borjomi,
# bottled at the spa" (not "built in": a town's history)
_MADE_SOMEWHERE_AFTER = re.compile(
    r",\s+(?:brewed|bottled|distilled|produced|manufactured|assembled|made)\s+(?:in|at|by|from|near)\b"
)
# Brands and troupes: "Zhiguli beer", "Kobryn cigarettes", "the Ovruch folk ensemble"
_BRAND_AFTER = re.compile(
    # ("a Mandalay Beer delivery lorry": the brand's own capital)
    r"\s+(?i:beer|lager|ale|brandy|cognac|champagne|cigarettes?|cigars?|tobacco|brut|"
    r"sparkling|mineral\s+water)\b"
    # ... in small letters only ("Ron Porter" is a man): "Roshen chocolates", "Kyiv cake"
    r"|\s+(?:chocolates?|sweets|candy|candies|cakes?|biscuits|juice|kefir|gin|rum|liqueur|"
    r"cider|porter|stout|pilsner|lemonade)\b"
    r"|\s+(?:folk\s+)?(?:ensemble|choir|orchestra|troupe)\b"
)
# A make of machine, even a country's name: "a blue Belarus tractor", "an old Minsk motorcycle"
# (but "the Minsk tractor plant": the works, in the town)
_MAKE_AFTER = re.compile(
    r"[\"”'’]?\s+(?:tractors?|motorcycles?|motorbikes?|mopeds?|scooters?)\b"
    r"(?!\s+(?:plant|factory|works|maker|makers|industry)\b)"
)
# A make or a brand in quotes after its kind, as wire copy's languages write it: 'der Traktor
# «Belarus»', 'le tracteur « Belarus »', 'the tractor "Belarus"', 'la cerveza «Lidskae»'
_MAKE_QUOTED_BEFORE = re.compile(
    r"\b(?i:tractors?|traktor(?:en)?|tracteurs?|tractor(?:es)?|trattori?|motorcycles?|"
    r"motorrad|moto|cars?|auto|voiture|coche|beer|bier|bière|cerveza|birra|vodka|wodka|"
    r"cigarettes?|zigaretten?|cigarrillos?|sigarette|brand|marke|marque|marca)"
    r"\s+[\"“«„]\s?\Z"
)
# ... and unquoted, where a language puts the make after the kind: 'des tracteurs Belarus',
# 'ciągniki Białoruś', 'ciężarówkami Jelcz', 'los camiones Kamaz' (English puts it before:
# "Belarus tractors")
_MAKE_BEFORE = re.compile(
    r"\b(?:tracteurs?|camions?|tractores|camiones|trattori|tratores|caminhões|"
    r"ciągnik(?:i|ów|ami|a)?|ciężarówk(?:a|i|ami|ach|ę)|traktor(?:y|ów|ami))\s\Z"
)
# "a bottle of Slavutych", "two packs of Kobryn", "bottled Borjomi":
# what comes in bottles is a brand
_CONTAINER_BEFORE = re.compile(
    r"\b(?:(?:bottles?|crates?|glass(?:es)?|cans?|pints?|packs?|packets?|cartons?|kegs?|"
    r"shots?)\s+of|bottled|canned)\s\Z"
)
# "Su-35", "Tu-22M3", "Mi-8": an aircraft model, not a place.
_MODEL_AFTER = re.compile(r"-\d")
# "Tanga Sheri Moon, 34, a caregiver": more names, then an age between commas
_AGE_AFTER_NAMES = re.compile(
    r"(?:\s[A-Z][a-z'’-]+){1,3},\s\d{1,3},"
    # "Abo Arab, a 28-year-old from Damascus": a person's age (not "a 400-year-old fortress")
    r"|(?:\s[A-Z][a-z'’-]+){0,3},\san?\s(?:1[01]\d|\d{1,2})-year-old\b"
)


def _called_so(text: str, start: int, end: int) -> bool:
    """Whether the wording around text[start:end] says the name is a ship's, a unit's, a
    call sign, an outlet's, a body's or a work's, whatever place it is spelled like: "the
    landing ship Minsk", "the boatswain of the Cherkasy", 'Brigade "Litauen"', "the title
    Litauen", "public broadcaster Moldova 1", "a militia known as Zaïre", "Mosul Eye, the
    anonymous blog", "the feature Bucha"."""
    if (
        VESSEL_BEFORE.search(text, max(0, start - 40), start)
        # "the boatswain of the Cherkasy"; "two minehunters ..., renamed Chernihiv and
        # Cherkasy" (but "the city was renamed Dnipro")
        or _CREW_OF_THE_BEFORE.search(text, max(0, start - 30), start)
        or (
            _RENAMED_BEFORE.search(text, max(0, start - 40), start)
            and _naval_sentence(text, start, end)
        )
        # 'the 45th Panzer Brigade "Litauen"': the unit's name
        or (
            _UNIT_HONORIFIC_BEFORE.search(text, max(0, start - 20), start)
            and text[end : end + 1] in ('"', "”", "»", "“")
        )
        or _NAME_GIVEN_BEFORE.search(text, max(0, start - 24), start)
        or _QUOTED_NAME_BEFORE.search(text, max(0, start - 24), start)
        or OUTLET_BEFORE.search(text, max(0, start - 40), start)
        or ORGANISATION_NAMED_BEFORE.search(text, max(0, start - 50), start)
        or _WORK_BEFORE.search(text, max(0, start - 24), start)
    ):
        return True
    # ("in Kyiv, the news channel said", "In Liverpool, a song contest"; but "fans of Mekelle
    # 70 Enderta, the city's football club")
    return bool(
        ORGANISATION_APPOSITIVE_AFTER.match(text, end)
        and not WHERE_BEFORE.search(text, max(0, start - 20), start)
    )


def _named_after_itself(text: str, start: int, end: int) -> bool:
    """ "Warka, named after Warka": a thing named after the town of its own name."""
    after = _NAMED_AFTER.match(text, end)
    return bool(after) and name_key(after.group(1)) == name_key(text[start:end])


def _the_namesake(text: str, mention: Mention) -> bool:
    """The town in "Warka, named after Warka": what the thing before it is named after."""
    before = _NAMED_AFTER_BEFORE.search(text, max(0, mention.start - 80), mention.start)
    return bool(before) and name_key(before.group(1)) == name_key(mention.text)


_NAMED_AFTER_BEFORE = re.compile(
    r"((?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+)?),\s+(?:named|called)\s+(?:after|for)\s+"
    r"(?:the\s+(?:town|city|village)\s+of\s+)?\Z"
)
_NAMED_AFTER = re.compile(
    r",\s+(?:named|called)\s+(?:after|for)\s+(?:the\s+(?:town|city|village)\s+of\s+)?"
    r"((?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+)?)"
)


def _country_called(language: str, key: str) -> str | None:
    """The English name of the country whose own name in ``language`` (the Unicode CLDR's) is
    ``key``: Czech "rusko" is Russia."""
    return _country_names_in(language).get(key)


@lru_cache(maxsize=8)
def _country_names_in(language: str) -> dict[str, str]:
    english = _territories("en")
    return {
        name_key(name): english[iso]
        for iso, name in _territories(language).items()
        if len(iso) == 2 and iso.isalpha() and iso in english
    }


def _country_so_called_in(language: str, iso2: str | None, key: str) -> bool:
    """Whether ``key`` is the country's own name in ``language`` (the Unicode CLDR's):
    "Polen" is Poland in German, "Mann" is no German name of the Isle of Man."""
    name = _territories(language).get(iso2 or "")
    return name is not None and name_key(name) == key


@lru_cache(maxsize=16)
def _territories(language: str) -> dict[str, str]:
    """ISO code → the territory's name in ``language`` (the Unicode CLDR, through Babel)."""
    from babel import Locale

    return dict(Locale.parse(language).territories)


def _german_noun(text: str, word: Token) -> bool:
    """Whether ``word`` is a noun of a German text, capitalised as all its nouns are: an
    ordinary word, or one after an article ("den litauischen Hafen Klaipėda", "der
    russischen Exklave Kaliningrad"). No part of a name beside it."""
    return text_language(text) == "de" and (
        is_common_word_in("de", word.text)
        or _GERMAN_ARTICLE_BEFORE.search(text, max(0, word.start - 40), word.start) is not None
    )


_GERMAN_ARTICLE_BEFORE = re.compile(
    # (an article opening the sentence too: "Die Exklave Kaliningrad ist")
    r"\b(?i:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|zur|zum|im|am|vom|beim)"
    r"\s+(?:[a-zäöüß-]+\s+){0,2}\Z"
)


def _naval_sentence(text: str, start: int, end: int) -> bool:
    return sentence_says(_NAVAL, text, start, end)


# A sentence about ships: "the Ternopil and the Slavutych were in port"
_NAVAL = re.compile(
    r"\b(?:navy|naval|ships?|vessels?|sailors?|crews?|fleet|ports?|harbou?r|docks?|docked|"
    r"moored|towed|hull|frigates?|corvettes?|submarines?|warships?)\b",
    re.IGNORECASE,
)


# "Krym.Realii", "Ukrinform.ua": a word run on past a dot into a brand's or a site's name
_DOTTED_ON = re.compile(r"\.[A-Za-z]{2,}\b(?!\.)")

_ADJECTIVE = (
    r"(?P<adj>(?P<stem>[{U}][a-z]+?(?:-[{U}][a-z]+?)?)(?:skiy|skyi|skij|sky|ski|skaya|skoye|skogo))"
)
_AREA_NOUN = (
    r"(?:training\s+grounds?|training\s+ranges?|firing\s+ranges?|ranges?|polygons?|districts?|"
    r"raions?|rayons?|airfields?|air\s+bases?|airbases?)\b"
)
# "the Osipovichsky range", "Obuz-Lesnovsky training ground"; in "the Brestsky and Gozhsky
# training grounds" the first adjective shares the noun of the second.
_ADJECTIVAL_PLACE = re.compile(
    r"\b"
    + _ADJECTIVE.format(U=CAPITALS)
    + rf"(?:\s+and\s+[{CAPITALS}][a-z-]+(?:skiy|skyi|skij|sky|ski|skaya|skoye|skogo))?\s+"
    + _AREA_NOUN
)
_SECOND_ADJECTIVAL = re.compile(r"\band\s+" + _ADJECTIVE.format(U=CAPITALS) + r"\s+" + _AREA_NOUN)
# Lower-case words allowed inside a multi-word name: "Rostov-on-Don", "Stratford-upon-Avon".
# "Cooke, Grayson and Love counties", "the Mogilev, Gomel and Minsk regions": each name in the
# list is a region's, though alone it may be a word, a person's or a town's.
# "County Mayo", "Co. Durham": the Irish and British order of county and name
_COUNTY_FIRST = re.compile(r"\b(?:County|Co\.)\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
_REGION_LIST = re.compile(
    rf"(?P<names>(?:{_NAME2}\s*,\s*){{0,5}}{_NAME2}\s*,?\s+(?:and|or|&)\s+{_NAME2})"
    r"\s+(?P<head>counties|parishes|oblasts|voblasts|regions|provinces|districts|raions"
    r"|rayons|governorates)\b"
)
_LISTED_NAME = re.compile(_NAME2)
# Lower-case words inside a name ("Rostov-on-Don", "Trinidad and Tobago"): a run goes on
# through them only while the index has a longer name it may become
# Arabic's article as romanised before sun letters ("Deir ez-Zor", "Dar es Salaam", "Ras
# at-Tin") and plain ("al-Fashir", "el-Obeid"): it may also open a name
_ARABIC_ARTICLES = frozenset(
    "al el ad ed ar er as es ash at et az ez adh ath an en ul ud ur".split()
)
_CONNECTORS = (
    frozenset(
        "on upon de des du au aux del della di da do dos das la le les am an der den sur en y of "
        # ("the Democratic Republic of the Congo", "Republic of the Congo")
        "the and".split()
    )
    | _ARABIC_ARTICLES
)
_MAX_NAME_TOKENS = 6
# Abbreviations that open a name with their dot: "St. Paul", "Mt. Pleasant", "Ft. Worth".
_ABBREVIATED_PREFIXES = frozenset(("st", "mt", "ft"))
_TOWN_CLASSES = ("city", "village")
# Titles written short with a full stop ("Dr.", "Const."), unlike "Judge." ending a sentence.
_ABBREVIATED_TITLES = frozenset(
    "mr mrs ms dr gen col lt sgt capt maj gov sen rep rev prof det cpl supt const insp fr".split()
)
_POSSESSIVE = re.compile(r"['’]s\b")
_SENTENCE_END = re.compile(r"[.!?…:;\"“”«»\n]\s*$")
# Diseases named after where they were found ("Lassa fever", "Rift Valley fever").
_DISEASE_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:virus|fever|disease|flu|influenza|syndrome|encephalitis|ha?emorrhagic)\b"
)
_UNIT_AFTER = re.compile(
    # ("the Somalia and Sparta battalions": two units' names before one word)
    r"[\"”'’]?(?:\s+(?:and|or)\s+[\w'’-]+)?"
    r"\s+(?:motor\s+rifle\s+|tank\s+|airborne\s+|guards\s+|volunteer\s+)?"
    r"(?:divisions?|brigades?|regiments?|battalions?|corps|fleet|army|legion|"
    r"(?<=volunteer\s)company|"
    # "Fano militiamen": a militia's name (Fano is also a town in Italy)
    r"militias?|militiamen)\b"
)
_EQUIPMENT_AFTER = re.compile(
    r"s?\s+(?:ballistic\s+|cruise\s+|guided\s+)?(?:missiles?|launchers?|systems?|complex(?:es)?|"
    r"rockets?|tanks?|jets?|fighters?|helicopters?|drones?|howitzers?|shells?|munitions?)\b"
)
# "Asipovichy station", "Zhlobin-Pasazhyrski railway station", "the station of Ptich",
# "Krichev-1 station" (the first of a town's stations, listed as "Krichev I").
_STATION_CUE = re.compile(
    rf"(?P<name>{_NAME2})(?:-(?P<number>[1-3]|I{{1,3}})\b)?\s+(?:railway\s+|train\s+|freight\s+)?"
    r"station\b"
    rf"|\bstation\s+(?:of\s+)?(?P<name2>{_NAME2})"
)
_SETTLEMENT_CUE = re.compile(
    rf"\b(?:village|town|settlement|hamlet|township)\s+of\s+(?P<name>{_NAME2})(?P<name2>)"
)
MONTHS_AND_DAYS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_CONTRACTION = re.compile(r"['’ʼ](?:re|ve|ll|d|m|t)$", re.IGNORECASE)
_HOLIDAY_AFTER = re.compile(r"['’]s\s+Day\b")
# Titles that are also ordinary words ("miss", "major", "general", "head"): titles only
# when written with a capital
_WORDLIKE_TITLES = frozenset("miss major general head chief judge father lady lord sir".split())
# Given names that open sentences as ordinary words: "Will Kyiv fall?", "May Lviv...".
_WORDLIKE_GIVEN_NAMES = frozenset(
    "will may mark rose grace hope art chase faith june august sunny".split()
)
# Case endings of Russian, Belarusian and Ukrainian nouns and what the nominative ends in:
# longest first, so "-ами" is tried before "-и".
_CYRILLIC_CASE_ENDINGS = (
    ("ами", ""), ("ями", "ь"), ("ом", ""), ("ем", "ь"), ("ём", "ь"), ("ой", "а"), ("ей", "я"),
    ("ою", "а"), ("ую", "а"), ("ах", ""), ("ях", "ь"), ("е", ""), ("е", "ь"), ("е", "а"),
    ("і", ""), ("і", "ь"), ("у", ""), ("у", "а"), ("а", ""), ("я", "ь"), ("и", "ь"),
    ("и", "а"), ("ы", "а"), ("ю", "ь"), ("ю", "я"),
)  # fmt: skip
# Polish case endings of place names and what the nominative ends in, longest first:
# "Krakowie" Kraków, "Brześcia" Brześć, "Rosji" Rosja, "Warszawy" Warszawa, "Terespolu"
# Terespol, "Puław" Puławy
_POLISH_CASE_ENDINGS = (
    ("owie", "ów"), ("owem", "ów"), ("owa", "ów"), ("ciem", "ć"), ("cia", "ć"), ("ciu", "ć"),
    ("niem", "ń"), ("nia", "ń"), ("niu", "ń"), ("ach", "y"), ("ach", "e"), ("dze", "ga"),
    # "w Lidzie" (Lida), and an adjective grown into the name: "w Białymstoku", "z Białegostoku"
    ("dzie", "da"), ("ymstoku", "ystok"), ("egostoku", "ystok"),
    # a soft ending's instrumental: "z Białorusią" (Białoruś), "przed Chersonią"
    ("sią", "ś"), ("cią", "ć"), ("nią", "ń"), ("zią", "ź"),
    ("em", ""), ("ji", "ja"), ("si", "ś"), ("ie", "a"), ("ie", ""), ("y", "a"), ("i", "a"),
    ("ą", "a"), ("ę", "a"), ("a", ""), ("u", ""), ("", "y"), ("", "e"),
    # a fleeting e ("w Kowlu", "z Homla": Kowel, Homel), an adjective's cases ("do Równego"),
    # a neuter's locative ("w Mołodecznie", "w Zaporożu") and a soft r ("w Dnieprze")
    ("lem", "el"), ("la", "el"), ("lu", "el"), ("ego", "e"), ("nie", "no"), ("żu", "że"),
    ("rze", "r"),
    # "w Medyce" (Medyka), an adjectival name's cases ("w Hrebennem", "w Korczowej": Hrebenne,
    # Korczowe) and a plural's locative ("w Szeginiach": Szeginie)
    ("ce", "ka"), ("nem", "ne"), ("owej", "owe"), ("iach", "ie"),
)  # fmt: skip
# A Polish or Czech word this frequent (Zipf) is an ordinary one ("linia", "góra"), not a
# town's name ("Zamość" 3.4, "Chełm" 3.3)
_EVERYDAY_NAME_ZIPF = 4.0
# A region in Polish by its head word and adjective, in any case: "w województwie lubelskim",
# "obwodu brzeskiego", "Obwód charkowski"
_POLISH_REGION = re.compile(
    r"\b(?:[Oo]bw[óo]d(?:zie|u|em|owi)?|[Ww]ojew[óo]dztw(?:o|ie|a|em|u))\s+"
    r"(?P<stem>[a-ząćęłńóśźż]{2,}(?:sk|ck|dzk))(?:iego|iemu|iej|imi|ich|im|ie|i|a|ą)\b"
)
# A region named by a name in the genitive and the word for it: Latvian "Ludzas novadā",
# Lithuanian "Kaliningrado srityje", "Alytaus apskrityje"
_REGION_BY_GENITIVE = {
    "lv": re.compile(r"(?P<name>\b[A-ZĀČĒĢĪĶĻŅŠŪŽ][\wāčēģīķļņšūž]+s)\s+novad(?:s|ā|a|am|u)\b"),
    "lt": re.compile(
        r"(?P<name>\b[A-ZĄČĘĖĮŠŲŪŽ][\wąčęėįšųūž]+(?:o|os|ės|aus|ių|ų))\s+"
        r"(?:srit|apskrit)(?:is|ies|yje|į|imi)\b"
    ),
}
# ... and in Czech and Slovak, the adjective first: "v Doněcké oblasti", "v Kurskej oblasti",
# "v Košickom kraji"
_WEST_SLAVIC_REGION = re.compile(
    r"\b(?P<stem>(?-i:[A-ZÁ-Ž])[a-zá-žěů]{2,}(?:sk|ck))(?:ej|é|ého|ém|ou|á|ý|om|ému|ým)\s+"
    r"(?:oblast(?:i|í|ť)?|kraj(?:i|e|a|em|om)?)\b"
)
_REGION_BY_ADJECTIVE = {"pl": _POLISH_REGION, "cs": _WEST_SLAVIC_REGION, "sk": _WEST_SLAVIC_REGION}
_POLISH_REGION_COUNTRIES = frozenset({"PL", "UA", "BY", "RU", "LT", "MD"})
_POLISH_REGION_SEAT_MIN_POPULATION = 50_000
# A city in the German genitive ("Kiews", "Charkiws") needs this many people to be read so.
_GERMAN_GENITIVE_MIN_POPULATION = 100_000
# Czech (and Slovak) names in their cases, to the nominative: "v Charkově" (Charkov), "v
# Hirošimě" (Hirošima), "v Praze" (Praha), "v Americe" (Amerika), "u Izjumu" (Izjum), "z Kolína"
# (Kolín), "z Kosťantynivky" (-ka), "Ukrajinou" (Ukrajina), "v Rusku", "z Ruska" (Rusko),
# "v Brně" (Brno)
_CZECH_CASE_ENDINGS = (
    ("ě", ""), ("mě", "ma"), ("vě", "va"), ("ně", "na"), ("tě", "ta"), ("dě", "da"), ("ě", "o"),
    ("ze", "ha"), ("ce", "ka"), ("ou", "a"), ("em", ""), ("u", ""), ("u", "o"), ("u", "a"), ("a", ""),
    ("a", "o"), ("y", "a"), ("i", "a"), ("", ""),
)  # fmt: skip
# Slovak's, where they differ from Czech: "na Ukrajine" (Ukrajina), "v Kyjeve" (Kyjev), "v
# Košiciach" (Košice), "v Mukačeve" (Mukačevo), "Kyjevom"
_SLOVAK_CASE_ENDINGS = (
    ("iach", "e"), ("och", "y"), ("ého", "é"), ("iec", "ce"), ("íc", "ice"), ("om", "é"),
    ("om", ""), ("e", "a"), ("e", ""), ("e", "o"), ("u", "a"),
) + _CZECH_CASE_ENDINGS  # fmt: skip
# Romanian genitives and datives: "Ucrainei" (Ucraina), "Rusiei" (Rusia), "Kievului" (Kiev),
# "Chișinăului" (Chișinău), and the definite "Kievul"
_ROMANIAN_CASE_ENDINGS = (
    ("ului", ""), ("lui", ""), ("iei", "ia"), ("ei", "a"), ("ul", ""), ("", ""),
)  # fmt: skip
# Lithuanian cases to the nominative: "Ukrainoje", "Ukrainos", "Ukrainą" (Ukraina); "Kaune",
# "Kauno" (Kaunas); "Vilniuje", "Vilniaus" (Vilnius); "Klaipėdoje"; "Druskininkuose"
# (Druskininkai); and a foreign town's stem, "Kyjive" (Kyjiv-as)
_LITHUANIAN_CASE_ENDINGS = (
    ("iuje", "ius"), ("iaus", "ius"), ("iumi", "ius"), ("iui", "ius"), ("uose", "ai"),
    ("oje", "a"), ("ėje", "ė"), ("ams", "ai"), ("os", "a"), ("ai", "a"), ("ės", "ė"),
    ("ą", "a"), ("ą", "as"), ("ę", "ė"), ("ų", "ai"), ("ų", "os"), ("o", "as"), ("e", "as"),
    ("ui", "as"), ("u", "as"), ("as", ""), ("o", ""), ("e", ""), ("ą", ""), ("oje", ""),
    ("", ""),
)  # fmt: skip
# Latvian: "Rīgā", "Rīgas" (Rīga); "Daugavpilī" (Daugavpils); "Rēzeknē", "Rēzeknes"
_LATVIAN_CASE_ENDINGS = (
    ("ā", "a"), ("as", "a"), ("ai", "a"), ("u", "a"), ("ē", "e"), ("es", "e"), ("ei", "e"),
    ("ī", "s"), ("ā", ""), ("as", ""), ("ai", ""), ("", ""),
)  # fmt: skip
# Hungarian suffixes of place: "Kijevben", "Kijevből", "Budapesten", "Ungváron", "Záhonyban";
# a last "a" or "e" lengthens before them: "Ukrajnában" (Ukrajna), "Nyíregyházán"
_HUNGARIAN_CASE_ENDINGS = tuple(
    (long + suffix, vowel)
    for suffix in "ban ben ból ből ba be ról ről ra re hoz hez höz tól től nál nél on en ön n".split()
    for long, vowel in (("á", "a"), ("é", "e"), ("", ""))
) + (("", ""),)
# A name after a given name is a surname though a place this small bears it ("Chad Whitaker":
# Whitaker, Pennsylvania, 1,254 people)
_SURNAME_PLACE_MAX_POPULATION = 5_000
# The languages of small countries, whose word lists rank their towns' names among everyday
# words ("daugavpils" is as frequent in Latvian as "linia" in Polish): a town of this many
# people in a country speaking it is still the town
_SMALL_NEWS_LANGUAGES = frozenset({"sk", "ro", "lt", "lv", "hu"})
_SMALL_LANGUAGE_HOME_TOWN = 2_000
# The locative cases' endings of the languages without a preposition of place before them:
# Lithuanian "Lydoje", "Druskininkuose"; Latvian "Rīgā"; Hungarian "Kijevben", "Ungváron"
_LOCATIVE_ENDINGS = {
    "lt": ("oje", "uose", "ėje", "iuje", "yje"),
    "lv": ("ā", "ē", "ī"),
    "hu": tuple("ban ben ból ből ba be ról ről on en ön".split()),
}
# Languages whose news writes a foreign town as a stem with its own endings ("Kyjivas",
# "Charkivas"; Latvian "Kijiva", "Harkiva"), a spelling the index may lack
_STEM_LANGUAGES = frozenset({"lt", "lv"})
_CASE_ENDINGS = {
    "pl": _POLISH_CASE_ENDINGS,
    "cs": _CZECH_CASE_ENDINGS,
    "sk": _SLOVAK_CASE_ENDINGS,
    "ro": _ROMANIAN_CASE_ENDINGS,
    "lt": _LITHUANIAN_CASE_ENDINGS,
    "lv": _LATVIAN_CASE_ENDINGS,
    "hu": _HUNGARIAN_CASE_ENDINGS,
}
# Definite articles of the Romance languages of wire copy, which go before a club's or a
# ship's name and not a person's (English "the John Lennon bed-in" is the man's)
_ARTICLES = frozenset("el del la le du il lo al".split())
_NAME_PARTICLES = frozenset(
    "de da di du del della van von der den le la ter ten bin ibn al".split()
)
# "said", "added" in Czech and Slovak, after a speaker's name or before it after a quote
_SAID_IN_CZECH_AND_SLOVAK = "řekl|řekla|uvedl|uvedla|dodal|dodala|povedal|povedala|uviedol|uviedla"
_SPEECH_VERB_AFTER = re.compile(
    r"\s(?:said|says|told|tells|recalled|recalls|added|adds|explained|explains|wrote|writes|"
    r"asked|asks|noted|notes|argued|argues|stated|admitted|admits|reiterated|insisted|"
    r"insists|testified|declined|acknowledged|acknowledges|warns|cautions|concedes|replied|"
    r"spoke\s+(?:to|with|by\s+phone|on\s+the\s+phone)|joked|jokes|confirmed|confirms|"
    # ... and what a speaker thinks or will not say ("Kyiv believes" is its government's;
    # a town hopes, fears and remembers as its people: "Bucha remembers")
    r"believes|believed|thinks|laughs|laughed|smiles|did\s+not\s+respond|"
    r"could\s+not\s+be\s+reached|"
    # ... in wire copy's languages: "Kovel sagte", "Horki a déclaré", "Dęblin dodał"
    r"sagte|sagt|erklärte|betonte|a\s+(?:déclaré|dit|ajouté|expliqué|affirmé)|dijo|afirmó|"
    r"explicó|añadió|ha\s+(?:detto|spiegato|aggiunto)|disse|afirmou|powiedział|powiedziała|"
    r"dodał|dodała|stwierdził|stwierdziła|podkreślił|podkreśliła|"
    # ... and what else a speaker does in them: "Sluzk verweist darauf", "Kajovka contó"
    r"verweist|meint|glaubt|warnt|fordert|kritisiert|fügte|erzählt|erzählte|berichtet|"
    r"estime|rappelle|souligne|explique|ajoute|affirme|précise|raconte|assure|"
    r"contó|advirtió|señaló|recordó|aseguró|cuenta|explica|"
    r"racconta|spiega|ricorda|sottolinea|aggiunge|"
    r"contou|lembrou|explicou|acrescentou|sublinhou|"
    # ... in Romanian, Lithuanian, Latvian and Hungarian copy
    r"spune|a\s+(?:declarat|spus|afirmat|precizat|adăugat|explicat)|sakė|teigė|pažymėjo|"
    r"sako|teigia|sacīja|teica|norādīja|uzsvēra|stāsta|mondta|közölte|nyilatkozta|"
    r"hangsúlyozta|"
    r"uważa|zaznaczył|zaznaczyła|przypomniał|przypomniała|ocenił|oceniła|"
    r"zei|zegt|vertelt|vertelde|verklaarde|"
    # (Czech and Slovak: "Lvov dodal, že", "Orša uviedol")
    rf"říká|{_SAID_IN_CZECH_AND_SLOVAK}|sdělil|sdělila|prohlásil|prohlásila|"
    r"upozornil|upozornila)\b"
)
# A quote's speaker, after its verb: '"We need shells," said Kovel.', "», a déclaré Kovel",
# "», bromeó Toledo", "“, sagte Kovel" (not "officials said Kovel was hit": what was said)
_QUOTE_SAID_BEFORE = re.compile(
    r"(?:[\"”’»“]\s?,?|,)\s+(?:"
    r"said|says|added|adds|asked|told|recalled|explained|wrote|noted|insisted|replied|joked|"
    r"warned|continued|admitted|argued|stressed|"
    r"a\s+(?:déclaré|dit|ajouté|expliqué|souligné|affirmé|indiqué|précisé|estimé|raconté)|"
    r"explique|ajoute|affirme|souligne|déclare|estime|raconte|confie|"
    r"dijo|afirmó|explicó|añadió|señaló|aseguró|bromeó|indicó|declaró|agregó|recordó|advirtió|"
    r"warnte|a\s+averti|ha\s+avvertito|alertou|ostrzegł|ostrzegła|zei|"
    rf"{_SAID_IN_CZECH_AND_SLOVAK}|"
    r"sagte|erklärte|betonte|meinte|ergänzte|erzählte|berichtete|"
    r"ha\s+(?:detto|spiegato|aggiunto|dichiarato)|disse|afirmou|declarou|explicou|acrescentou|"
    r"lembrou|recordou|contou|sublinhou|contó|"
    r"powiedział|powiedziała|dodał|dodała|stwierdził|stwierdziła)\s\Z"
)
# ... where the speaker's name ends: "said Kovel.", "said Kovel on Monday", "a déclaré Kovel à
# l'AFP" (not "said Horki resident Anna Petrova", "said Kovel was hit")
_SPEAKER_ENDS_AFTER = re.compile(
    r"\s*(?:[.,;:!?)(]|$)|\s(?:on|in|at|to|during|after|before|when|while|as|who|adding|told|"
    r"last|this|yesterday|today|à|au|aux|le|lors|en|al|el|a|am|im|gegenüber)\b"
)
# Deeds of people, not of places, whatever the size of a place of the same name.
_PERSON_VERB_AFTER = re.compile(
    r"(?:['’]s)?\s(?:visited|lived|died|married|smiled|laughed|wore|tweeted|pleaded|"
    r"scored|denies|denied|praised|shrugged|nodded|grinned|wept|sighed|"
    r"(?:won|took)\s(?:gold|silver|bronze)|"
    r"graduated|resigned|was born|was wearing|was driving|was ejected|was arrested|"
    r"was charged|was sentenced|was indicted|was convicted|was hospitali[sz]ed|was detained|"
    r"was acquitted|was elected|was appointed|retired|fled|was wounded|is survived by|grew up|"
    r"(?:was|had\s+been)\s+(?:shot|stabbed|strangled|murdered|beaten|kidnapped|abducted)|"
    r"was\s+buried|was\s+laid\s+to\s+rest|remember(?:s|ed)\s+(?:that|how)|"
    # ... where one comes from, in wire copy's languages: "Konotop stammt aus", "pochodzi z"
    r"stammt\s+aus|stammte\s+aus|pochodzi\s+z|est\s+originaire\s+de|es\s+originari[oa]\s+de|"
    r"nació\s+en|nasceu\s+em|"
    r"joined\s+the\s+(?:army|military|navy|police|militia|battalion|brigade|regiment)|"
    r"spent\s+\w+\s+(?:years?|months?|weeks?|days?|nights?)\s+in\s+"
    r"(?:prison|jail|custody|captivity|detention|a\s+\w+|the\s+\w+)|"
    # ... a list's people: "Cantemir and Codru were elected"
    r"were (?:elected|appointed|sentenced|convicted|acquitted|detained|arrested|charged))\b"
    # a person's kin: "Miranda's son, Francisco" (a place has no son)
    r"|['’]s\s(?:son|daughter|wife|husband|widow|widower|mother|father|brother|sister|"
    r"girlfriend|boyfriend|fianc[eé]e?|lawyers?|attorneys?|aides?|bodyguards?|colleagues?|"
    r"(?:family|relatives|parents)(?!\s+(?:doctors?|farms?|businesses|homes?|houses?)\b)|"
    # ... and things: "the phone found in Slonim's car"
    r"car|phone|laptop|wallet|passport|flat)\b"
    # ... a speaker in a headline: 'Lubny: "We were robbed"'
    r"|:\s[\"“]"
    # ... a person's own works and fate: "Uman's latest novel", "Lubny's second goal"
    r"|['’]s\s(?:\w+\s)?(?:novel|novels|memoir|poems?|album|debut|career|funeral|trial|"
    r"conviction|sentencing|name|goals?)\b"
    # ... and pronouns: "Lubny himself", "Lubny and his wife"
    r"|\s(?:himself|herself)\b|\sand\s(?:his|her)\s(?:wife|husband|family|children|son|daughter)\b"
)
# Deeds done only to people: "charged with killing Welch", "sued Foley".
_PERSON_OBJECT_BEFORE = re.compile(
    r"\b(?:killing|killed|murdering|murdered|stabbing|stabbed|strangled|arrested|sentenced|"
    r"sued|married|hired|interviewed|thanked|detained|acquitted|convicted|jailed|pardoned|"
    r"extradited|elects|elected|re-elected|appointed|nominated|"
    # ... a club's players: "Gomel sign Slonim", "Brest have signed Kovel"
    r"sign|signs|signed|re-signed|"
    # ... as headlines say it: "Court jails Pruzhany for a post"
    r"jails|sentences|detains|acquits|convicts)\s\Z"
    # "the trial of Pryluky": what only people undergo
    r"|\b(?:trial|sentencing|conviction|acquittal|indictment|funeral)\s+of\s\Z"
)
# A class of ships named for its first, and a ship by its kind after the name
_CLASS_AFTER = re.compile(r"-(?:class|type)\b")
_VESSEL_AFTER = re.compile(
    r"\s+(?:corvette|frigate|submarine|minesweeper|minehunter|landing\s+ship|patrol\s+boat|"
    r"cruiser|destroyer|warship|gunboat)\b"
    r"(?!\s+(?:base|bases|yard|shipyard|port|fleet|harbou?r|docks?|pens?|squadron|flotilla)\b)"
)
# A works named for a place, then where it stands: "the Zaporizhzhia nuclear power plant in
# Enerhodar", "the Mozyr refinery, near Mazyr", "the Khmelnytskyi NPP at Netishyn"
_PLANT_ELSEWHERE_AFTER = re.compile(
    r"\s+(?:nuclear\s+power\s+(?:plant|station)|nuclear\s+plant|NPP|TPP|HPP|"
    r"(?:thermal\s+|hydroelectric\s+|coal-fired\s+|gas-fired\s+)?power\s+(?:plant|station)|"
    r"(?:oil\s+)?refinery|(?:chemical|fertili[sz]er|steel|tractor|automobile|car|truck|"
    r"metallurgical|cement|nitrogen|potash|arms|ammunition)\s+(?:plant|works|factory|mill))"
    r"(?:\s*\([A-Z]{2,5}\))?,?\s+(?:which\s+(?:is|lies|stands)\s+)?(?:in|at|near|outside)\s+"
    rf"(?:the\s+(?:town|city)\s+of\s+)?(?P<town>{NAME})"
)
# ... as wire copy's other languages put the works before its name: "la central nuclear de
# Khmelnytskyi, em Netishyn", "das Kernkraftwerk Saporischschja in Enerhodar"
_PLANT_BEFORE = re.compile(
    r"\b(?:(?i:centrale?)\s+(?:nuclear|nucléaire|nucleare|térmica|thermique|termica|"
    r"termoeléctrica|termoelétrica|termoelettrica|hidroeléctrica|hidrelétrica|hydroélectrique|"
    r"idroelettrica|a\s+carbón|à\s+charbon|a\s+carbone)|(?i:usine|fábrica|fabbrica|"
    r"raffinerie|refinería|refinaria|raffineria)(?:\s+(?:chimique|química|chimica|"
    r"sidérurgique|siderúrgica|siderurgica))?|(?:Kernkraftwerk|Atomkraftwerk|AKW|Kraftwerk|"
    r"Wärmekraftwerk|Kohlekraftwerk|Chemiewerk|Stahlwerk|Traktorenwerk))\s+"
    r"(?:(?:de|di|da|do|du)\s+|d['’])?\Z"
)
_ELSEWHERE_AFTER = re.compile(
    r",?\s+(?:em|en|à|a|in|bei|nahe|près\s+de|cerca\s+de|perto\s+de|vicino\s+a|presso)\s+"
    rf"(?P<town>{NAME})"
)
# Asked or accused of something, as people are ("asked Kovel whether", "accused Horki of");
# a big place's name stands for its rulers ("accused Moscow of")
_ASKED_BEFORE = re.compile(r"\b(?:asked|accused|urged|begged|warned)\s\Z")
_ASKED_AFTER = re.compile(r"\s(?:whether|if|about|why|how|what|of)\b")
# "The defendant, Kovel, sat in a cage": an appositive after a noun only people are
_PERSON_NOUN_COMMA_BEFORE = re.compile(
    r"\b(?:defendant|accused|suspect|victim|deceased|plaintiff|witness|prisoner|detainee|"
    r"commander|officer|soldier|nurse|doctor|driver|journalist|reporter|spokesman|"
    r"spokeswoman|widow|son|daughter|husband|wife)\s?,\s\Z"
)
# What is made of or by a person: "a statue of Pushkin", "a monument to Suvorov", "poems by
# Chortkiv" (not "a portrait of Lviv")
_WORKS_OF_BEFORE = re.compile(
    r"\b(?i:statue|bust|grave|widow)\s+of\s\Z|\b(?i:monument)\s+to\s\Z"
    r"|\b(?i:poems?|verses|novels?|paintings?|songs?)\s+by\s\Z"
)
# Offices of a town or county after its name: "Monroe Mayor Robert Routson"
_LOCAL_OFFICES = frozenset(
    "mayor governor councilman councilwoman councillor alderman commissioner selectman".split()
)
# Capitalised words after a demonym that make it the state's: "Russian President Vladimir
# Putin", "the Georgian Interior Ministry", "Nigerian Army" (not "Belarusian Railways")
_OFFICES_OF_STATE = PERSON_TITLES | frozenset(
    """prime foreign defence defense interior ministry government embassy consulate parliament
    armed army navy air state border""".split()
)
# "the Clemons brothers", "the Kennedy family": a family by its surname
_FAMILY_AFTER = re.compile(r"\s(?:brothers|sisters|twins|family|siblings)\b")
_THE_BEFORE = re.compile(r"\bthe\s(?:\w+\s)?$", re.IGNORECASE)
# "Lindsay and Charlotte Graham": two given names before one surname
_GIVEN_PAIR_AFTER = re.compile(r"\sand\s([A-Z][a-z]+)\s[A-Z][a-z]")
# Words after a name that make it a site's or a town's: no surname follows a given name
# there ("Greer Station", "Greer City Hall").
_SITE_WORDS = frozenset(
    """station junction airport airfield bridge square harbour harbor port dam city town
    township village""".split()
)
_AIRPORT_AFTER = re.compile(r" (?:International|Regional|Municipal|County) Air(?:port|field)\b")
_NOUN_FOLLOWS = re.compile(
    r"\s(?!and\b|or\b|on\b|in\b|at\b|after\b|with\b|as\b|for\b|to\b|by\b|from\b|over\b)[a-z]"
)
# "Rozen's wife, Julia,", "his widow Kate", "their yellow lab, Levi": kin and pets by name.
# ("their daughters Oksana and Victoria": the kin word, a sibling's name, then hers)
_KIN_BEFORE = re.compile(
    r"\b(?:wife|husband|widow|widower|son|daughter|child|mother|father|brother|sister|"
    r"grandson|granddaughter|fiancée?|girlfriend|boyfriend|partner|dog|cat|lab|puppy|horse|"
    r"sons|daughters|children|brothers|sisters|grandchildren|twins|baby|newborn|infant|"
    r"toddler|grandchild|niece|nephew|cousin|uncle|aunt|stepson|stepdaughter)"
    r",?\s(?:[A-Z][a-z]+,?\s(?:and\s)?)?\Z"
)
# ... and the prepositions before a list of places whose last item they still place
_AT_LIST_WORDS = (
    "in into near outside at between from to"
    # ... and wire copy's: "nach Molodetschno und Sluzk", "à Pinsk et Vitebsk"
    " nach bei aus à en dans vers desde hacia w we do z ze pod przez"
)
# "raided Cabaret, a coastal town": the text says what the word is
# "whose capital, Dori, depends", "the provincial capital Kaya": a place noun before the name
_TOWN_APPOSITIVE_BEFORE = re.compile(
    r"\b(?:capital|town|city|village|port|seat|hub)(?:,\s+|\s+(?:of\s+)?)$"
    # ... in wire copy's languages: "na cidade de Guaíba", "la ciudad de Cúcuta"
    r"|\b(?:ville|ciudad|cidade|città|localidad|localité|municipio|município|comune|commune)\s+"
    r"(?:de|di|d['’])\s?$"
    # ... and the neighbours' words, right before the name: "portul Ismail", "orașul Siret",
    # "w mieście Chełm", "město Tábor", "mesto Humenné"
    r"|\b(?:orașul|orașului|portul|portului|municipiul|municipiului|comuna|comunei|satul|"
    r"satului|miasto|mieście|miasta|město|městě|města|mesto|meste|mesta|obec|obci)\s$",
    re.IGNORECASE,
)
# "on Katsina's border with Niger", "the frontier with Chad": a country
_BORDER_WITH_BEFORE = re.compile(r"\b(?:border|borders|frontier)\s+with\s+(?:the\s+)?$")
# "Sake, about 25 kilometres west of Goma": how far it lies from another place
_DISTANCE_AFTER = re.compile(
    r",?\s+(?:about|some|around|roughly|nearly|just|only|less\s+than|more\s+than)?\s*"
    r"\d[\d,.]*\s*(?:km|kilometres|kilometers|miles)\b"
)
# "Islamic State Mozambique Province", "Islamic State in Iraq": a branch's name, not a place
_JIHADIST_BRANCH_BEFORE = re.compile(r"\b(?:Islamic State|ISIS|ISIL)(?:\s+in(?:\s+the)?)?\s+$")
# Buildings the news names for the government inside them; the gazetteer's places of these
# names (a Tennessee town, Casablanca's translation) are never meant. Only "at the White
# House" is the building itself.
# Buildings that stand for a government, and the town each stands in: "the White House said"
# is the administration; "talks in the White House" are in Washington (GeoNames also spells a
# district of Casablanca "White House")
_SEATS_OF_GOVERNMENT = {"white house": "Washington, D.C."}
# A town that is also a given name and smaller than this needs a cue in the text.
_GIVEN_NAME_PLACE_POPULATION = 100_000
_STATE_AFTER = re.compile(r",\s+[A-Z]")
# "Carle Foundation Hospital, Urbana": the head of a body's title, then a comma
_HEAD_COMMA_BEFORE = re.compile(r"\b([A-Z][a-z]+),\s\Z")
# "a Hailey man", "the Hailey police": the name qualifies a noun, as places do.
_NOUN_AFTER = re.compile(r"(?:['’]s)?\s([a-z]+)\b")
_VERBS_AFTER_A_NAME = frozenset(
    """is was has had will would can could did does do may might must should shall were are
    be been being said says told asked added got gets went goes came comes made makes took
    takes gave gives won wins lost loves loved""".split()
)
_LIST_GAP = re.compile(r",?\s*(?:and|or|&)?\s*|,\s*")
# A first-level region smaller than this is no bar to reading a name as a surname.
_MAJOR_REGION_POPULATION = 100_000
# A region this big keeps its name before a surname-like word ("Virginia Beach" aside,
# "Georgia Power"); a smaller one that is also a given name is the person's there.
_FAMOUS_REGION_POPULATION = 1_000_000
# A place smaller than this that says things is a person: "Baine said", "Monahan says".
_SPEAKING_PLACE_MIN_POPULATION = 100_000
# A town that tells which country a text is about, for respelling its other names
_TOWN_OF_SOME_SIZE = 10_000
# A town named by an English word is believed after "in" in a country the text names
_COMMON_WORD_TOWN_IN_COUNTRY = 5_000
# ... and a respelling that hits a town this big needs no country named beside it
_RESPELT_ALONE = 20_000
# A city this big is believed in another spelling after "in", "near", "at" alone
_RESPELT_CITY_ALONE = 100_000
# Unions of countries, which bodies and policies are named after ("EU Aviation Strategy")
_UNIONS = frozenset(("eu", "european union", "african union"))
# Initials that name a country or a union, not a person: "U.S. Steel", "the U.K. Treasury"
_COUNTRY_INITIALS = frozenset("us uk un eu".split())
_INITIALS = re.compile(r"[A-Z]\.[A-Z]\.")
# State abbreviations that are also titles or party labels: "Del. John Smith", "I-Ind."
_TITLE_LIKE_STATES = frozenset(("del", "ind", "mont"))
# "Nelson, BC": up to four capitalised words, a comma, a postal code of two or three capitals
_POSTAL_CODE_AFTER = re.compile(
    r"(?<![\w.'’-])(?P<town>(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*),\s(?P<code>[A-Z]{2,3})(?![\w&-])"
)
# Dotted abbreviations of the two-word states and provinces ("N.Y.", "S.C.", "B.C."), which
# are the state anywhere; "P.A." is a firm's suffix.
_DOTTED_STATES = frozenset("dc nva nh nj nm ny nc nd sc sd ri wva ndak sdak nmex bc nl ns".split())
# "S.C.", "W.Va.", "W. Va.", "Ky.": a state abbreviation with its dots.
_STATE_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:[A-Z]\.(?:[A-Z][a-z]{0,3}|\s[A-Z][a-z]{1,3})\.|[A-Z][a-z]{1,4}\.(?:[A-Z][a-z]\.)?)"
)
# A water body named after a place: "the Desna River", "the Azov Sea", "the Gulf of Mexico".
_WATER_AFTER = re.compile(r" (?:River|Sea|Ocean|Lake|Canal|Reservoir|Lagoon|Strait|Estuary)\b")
# A town's quarter named after a people: "the French Quarter", "the Jewish Quarter"
_QUARTER_AFTER = re.compile(r" Quarter\b")
# "African American", "Mexican-Americans", "Native American": a people of the United States
_AMERICAN_AFTER = re.compile(r"[ -]Americans?\b")
# (not "a Russian-American crew": two countries)
_AMERICAN_BEFORE = re.compile(r"\b(?:Native|African|Asian|Arab)[ -]\Z")
_WATER_BEFORE = re.compile(r"\b(?:Sea|Gulf|Bay|Strait|Straits|Lake) of (?:the )?\Z")
# "Bunyan al-Marsous", "Tal al-Hawa": an Arabic name goes on through its article, so its
# first word alone is no place the index happens to hold (Bünyan, Turkey)
_ARABIC_NAME_GOES_ON = re.compile(r"[ -](?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez)-(?-i:[A-Z])")
# "Muqtada al-Sadr", "Bashar al-Assad": a given name, the article, the family name (a place
# is "Ras al-Ain", "Tal al-Abyad": a word for a cape, a hill, a well or a house before it)
_ARABIC_FAMILY_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s(?:al|el)-$")
_ARABIC_PLACE_HEADS = frozenset(
    """ras tal tell ain ayn deir dayr bir jabal jebel wadi kafr beit bayt khan umm abu dar qasr
    bab hammam hammam marj jisr""".split()
)
_REGION_AFTER = re.compile(r",\s([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")
_AFTER_TOWN = re.compile(r"[A-Z][\w.'-]*(?:,\s|\s\()$")
# "Rep. Ann Gill, D-Chattanooga,": a legislator's party and home town
_PARTY_BEFORE = re.compile(r"[,(]\s?[DRI]-\Z")
# "the Obama administration", "the Bush-era rules": a name that stands for a president
_RULER_AFTER = re.compile(r"(?:\s+administration|-era)\b")
# Feasts and the figures of feasts, never the small towns named after them ("at Christmas")
_HOLIDAY = re.compile(
    rf"(?i:{'|'.join(sorted(HOLIDAYS, key=len, reverse=True))})\b(?!\s+Islands?\b)"
)
# Words before a language's name: "spoke only French and Farsi", "teaches Spanish",
# "translated into Russian", "fluent in Pashto" (not "in" alone: "in Paris")
_LANGUAGE_VERB = (
    # (not "translated from Belarusian": a report's origin, whose country it names)
    r"\b(?:speak|speaks|spoke|spoken|speaking|(?:translated|translates|dubbed|interpreted)\s+"
    r"into|fluent\s+in|(?:written|published|printed|broadcast|subtitled|conducted)\s+in"
)
_LANGUAGE_LIST = (
    r")\s+(?:only\s+|fluent\s+|good\s+|broken\s+|some\s+|little\s+|basic\s+|both\s+)?"
    r"(?:[A-Z][a-z]+(?:,\s+|\s+and\s+|\s+or\s+))*$"
)
_LANGUAGE_BEFORE = re.compile(_LANGUAGE_VERB + _LANGUAGE_LIST)
# ... and for a people's adjective, which names a language after teaching verbs too
_LANGUAGE_OR_LESSON_BEFORE = re.compile(
    _LANGUAGE_VERB
    + r"|learn|learns|learned|learnt|learning|teach|teaches|taught|teaching"
    + _LANGUAGE_LIST
)
# A language's name ends its phrase: "spoke French and Farsi when", not "speaks Paris slang"
_LANGUAGE_END = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:and|or|as|when|while|with|at|in|to|but)\b")
# What follows a demonym used as a noun (a people, a person, a language): the end of a clause,
# a verb, an adverb, a relative pronoun: "the Nigerian successfully sent", "many Chinese are".
_DEMONYM_AS_NOUN = re.compile(
    r"\s*(?:$|[.;:!?\"”—–]|,\s+(?:who|whose|which)\b"
    r"|\s+(?:is|was|are|were|has|have|had|will|would|can|could|did|does|do|need|needs|"
    r"who|whose|which|that|to|[a-z]+ly)\b)"
)
# Judgement of a name that is a person's: no place here, nor anywhere else in the text
# (unless it is a big place's name: "DeSmog Canada" leaves Canada a place elsewhere).
_PERSON = object()
# Judgement of a name that is a thing's (a car's): no place anywhere in the text, however big.
_THING = object()
# A place that is also an English word needs this many people to be believed on its own.
_COMMON_WORD_MIN_POPULATION = 100_000
# ...or than this, after "in", "near", "outside": "in Delft", "into Nelson" (not "in Congress")
_CUED_COMMON_WORD_MIN_POPULATION = 20_000
#: a place named with a given name and a surname ("Simón Bolívar", hamlets and a district
#: in Ecuador) smaller than this is taken for the person, unless the wording places it
#: (not "Marks Tey", a village of 3,000)
_FULL_NAME_PLACE_MIN_POPULATION = 1_000
#: how frequent in English a word must be ("man" is 5.8; "nice" 5.4, "reading" 5.1) for a
#: town of that name to need a place's wording at any size
_EVERYDAY_AS_MAN_ZIPF = 5.7
_FUNCTION_WORD_ZIPF = 6.5
# A Cyrillic word opening a sentence or a quote names a town of this size in a Cyrillic-writing
# country; smaller ones share their names with words ("Партизаны", "Слава", "Победа").
_CYRILLIC_TOWN_MIN = 20_000
# "Beauregard “Bud” Torres", "Katherine 'Kay' Parsons": a nickname, then the surname
_OPEN, _NICK, _CLOSE = "[“\"'‘]", r"[\w ]{0,15}", "[”\"'’]"
_GIVEN = r"[A-Z][a-z]+\s(?:[A-Z]\.\s)?"  # a given name, perhaps an initial
_SURNAME_NEXT = r"\s[A-Z][a-z]"
_NICKNAME_AFTER = re.compile(rf"\s{_OPEN}[A-Z]{_NICK}{_CLOSE}{_SURNAME_NEXT}")
# ... the words inside it, and the surname after it: Jonathan J. “Wee Man” McDaniel
_IN_NICKNAME_BEFORE = re.compile(rf"{_GIVEN}{_OPEN}{_NICK}\Z")
_IN_NICKNAME_AFTER = re.compile(rf"{_NICK}{_CLOSE}{_SURNAME_NEXT}")
_NICKNAME_BEFORE = re.compile(rf"{_GIVEN}{_OPEN}[A-Z]{_NICK}{_CLOSE}\s\Z")
# "Jerome A. Gorman": an initial, then the surname
_INITIAL_AFTER = re.compile(r"\s[A-Z]\.\s[A-Z][a-z]")
# "Baha’i": an apostrophe that goes on with a letter, not a possessive
_LETTER_AFTER_APOSTROPHE = re.compile(r"['’ʼ](?![sS]\b)[^\W\d_]\b")
# "Lot 12", "Lot No. 15": a number after the word
_NUMBERED = re.compile(r"\s(?:No\.?\s?)?\d")
# What follows a name the wording places: the end of a clause, a conjunction, a preposition
# or a verb; not a noun it qualifies ("in Fairfield hearing"), a possessive or another name
# "the highway to Borisov", "trains from Orsha": where a route leads is a place
_ROUTE_BEFORE = re.compile(
    r"\b(?:road|highway|motorway|railway|rail\s+line|route|way|trains?|flights?|buses)\s+(?:to|from)\s$"
)
_STATION_WORD_AFTER = re.compile(
    r"(?:-\d|-I{1,3}\b)?\s+(?:railway\s+|train\s+|freight\s+)?(?:station|junction|halt|stop)\b"
)
# "troops entered Lyman", "shelled Kupiansk": what is done only to places
_TAKEN_BEFORE = re.compile(
    r"\b(?:entered|reached|shelled|liberated|retook|recaptured|besieged|encircled|bombed|"
    r"evacuated|stormed)\s$"
)
# "the two towns Dzerzhinsk and Borisov", "the town of Borisov"
# ... and in wire copy's languages: "in der Kleinstadt Bar", "la ville de Bar", "la ciudad de
# Bar", "la città di Bar"
_TOWNS_BEFORE = re.compile(
    r"\b(?:towns?|cities|city|villages?|Stadt|Kleinstadt|Dorf|Ortschaft|Gemeinde|ville|"
    r"localité|commune|bourgade|ciudad|pueblo|localidad|città|cittadina|paese|"
    r"villaggio|comune|cidade|vila|aldeia|miasto|miasta|mieście|wieś|wsi|miejscowość|"
    r"miejscowości)\s+(?:of\s+|de\s+|di\s+|d['’])?(?:[A-Z][\w'’-]+(?:,\s+|\s+(?:and|und|et|y|e)\s+))*$"
)
# "the city, spelled Bobruisk in Russian-language reports"
_SPELLED_BEFORE = re.compile(r"\b(?:spelled|spelt)\s+(?:as\s+)?$")
_PLACED_NAME_ENDS = re.compile(
    r"\s*(?:$|[.,;:!?)\"”]"
    r"|\s(?:this|last|next|overnight|today|yesterday|tonight|earlier|later|both|all)\b"
    # ("przez Dęblin i Łuków", "nach Sumy und Charkiw": wire copy's "and" and "or")
    r"|\s(?:i|oraz|und|oder|et|ou|y|e|o)\s"
    # ... and their prepositions after a place: "fuggita da Mariupol nel 2022", "en Jersón
    # tras la destrucción", "in Sluzk seit Montag"
    r"|\s(?:nel|nella|nei|dal|dalla|per|con|tra|fra|dans|depuis|pendant|avec|pour|sur|après|"
    r"avant|im|am|seit|mit|für|nach|vor|bei|auf|desde|tras|para|por|durante|en|w|we|z|ze|od|"
    r"na|przez|po|do|dla)\s"
    r"|\s(?:and|or|in|on|at|for|from|to|with|by|during|since|after|before|where|which|who|"
    r"that|is|was|are|were|has|had|have|will|would|could|can|may|might|should|must)\b"
    # ... and a verb in the past after the place it qualifies: "my sister's street in Bedford
    # stayed dry", "theme parks near Orlando stayed closed"
    r"|\s(?:stayed|remained|reopened|closed|burned|flooded|collapsed|survived|escaped|"
    r"suffered|reported|recorded|lost|saw|went|came|got)\b)"
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    #: whether the word starts with a capital (kept: it is asked of every word many times)
    capitalised: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.group(), m.start(), m.end(), m.group()[:1].isupper()) for m in _WORD.finditer(text)
    ]


class Recognizer:
    """Finds place mentions in a document with a gazetteer's name index."""

    def __init__(self, names: NameIndex):
        self.names = names

    def mentions(self, document: Document) -> list[Mention]:
        text = document.text
        tokens = [t for t in tokenize(text) if not document.is_skipped(t.start, t.end)]
        taken: list[Mention] = []
        taken.extend(self._sections(document))
        taken.extend(self._borders(document))
        taken.extend(self._listed_regions(text, [(m.start, m.end) for m in taken]))
        taken.extend(self._regions_by_wording(text, [(m.start, m.end) for m in taken]))
        taken.extend(self._counties_named_after(text, [(m.start, m.end) for m in taken]))
        # "Beckley, W.Va.": the state's abbreviation before any name inside it ("Va")
        taken.extend(self._state_abbreviations(text, [(m.start, m.end) for m in taken]))
        compounds = self._compound_demonyms(text, tokens)
        occupied = SpanSet(
            [(m.start, m.end) for m in taken if m.kind in ("section", "region")]
            + [(tokens[first].start, tokens[last].end) for first, last, _ in compounds]
        )
        not_places: set[str] = set()
        things: set[str] = set()
        persons: set[str] = set()
        found: list[Mention] = []
        judged = [
            (first, last, self._judge(text, tokens, first, last))
            for first, last in self._name_runs(text, tokens)
            if not occupied.covers(tokens[first].start)
        ]
        judged = self._people_listed_together(text, tokens, judged)
        judged = _interview_speakers(text, tokens, judged)
        judged = self._given_names_before_surnames(text, tokens, judged)
        # where each person's name is written, with the word before it: "Olena Horodnia"
        person_runs = {
            tokens[first].start: text[tokens[first - 1 if first else 0].start : tokens[last].end]
            for first, last, v in judged
            if v is _PERSON
        }
        said_of_a_person = person_runs.keys()
        person_starts = sorted(person_runs)
        # "Afrin Hassan, who read the news": the same full name is hers in the headline too
        full_names = {
            text[tokens[first].start : tokens[last + 1].end]
            for first, last, v in judged
            if v is _PERSON
            and last + 1 < len(tokens)
            and tokens[last + 1].capitalised
            and not is_common_word(tokens[last + 1].text)  # (not "Sochi Mayor Race")
            and text[tokens[last].end : tokens[last + 1].start] == " "
        }
        ships = {
            name_key(text[tokens[first].start : tokens[last].end])
            for first, last, v in judged
            if v is None
            and VESSEL_BEFORE.search(text, max(0, tokens[first].start - 40), tokens[first].start)
        }
        # "the tanker Marlin Luanda ... calls the Marlin Luanda a British ship": a ship's
        # name of two words or more, wherever it is written again, is the ship's
        ship_spans = SpanSet(
            (at, at + len(name))
            for name in _ship_names(text, tokens, judged)
            for at in (m.start() for m in re.finditer(re.escape(name) + r"\b", text))
        )
        for first, last, verdict in judged:
            start, end = tokens[first].start, tokens[last].end
            key = name_key(text[start:end])
            population, fclass = self.names.best_population(key)
            if verdict is _PERSON and fclass != "country":
                persons.add(key)  # "Pedro Valencia": where the name speaks, it is his
            if verdict is _THING or (verdict is _PERSON and not _is_major(fclass, population)):
                not_places.add(key)
                if verdict is _THING:
                    things.add(key)
            elif isinstance(verdict, Mention):
                if self._after_initials(text, tokens, first, verdict):
                    # "BATE Borisov", "PSV Eindhoven": a club's or a firm's initials before
                    # the town it is named for
                    verdict = replace(verdict, in_title=True)
                found.append(verdict)
        # A name once seen as a person's or a thing's is never a place in this text, unless
        # the text also says it is somewhere: "in Maryville" beside "First Baptist Church
        # Maryville", "in Monroe" beside "said Monroe Mayor Robert Routson"
        named = sorted((m for m in found if m.kind == "name" and not m.in_title), key=_start)
        not_places -= {
            name_key(m.text)
            for i, m in enumerate(named)
            if name_key(m.text) in not_places
            and (
                _placed_by_wording(text, m)
                or _listed_with_place(text, i, named, not_places)
                or _files_the_story(text, m)
            )
        } - things
        # "In Lutsk, in the west, a strike hit": a sentence that opens on the place keeps it,
        # though the reporter Olha Lutsk stays herself elsewhere in the text
        # ... and a car's model or a storm's name stays the thing, but where the wording
        # places that one mention: "a burnt-out Chevrolet Malibu on the coast road in Malibu,
        # where", "Hurricane Milton ... Milton, a town of 10,000"
        found = [
            m
            for m in found
            if name_key(m.text) not in not_places
            or (
                _OPENS_ON_PLACE_BEFORE.search(text, max(0, m.start - 4), m.start)
                and _PLACED_NAME_ENDS.match(text, m.end)
            )
            or (name_key(m.text) in things and _placed_by_wording(text, m))
            or _the_namesake(text, m)
        ]
        found += self._named_again(text, tokens, found, taken, not_places)
        spans = [(m.start, m.end) for m in found + taken]
        found += self._adjectival_places(document, spans)
        found += self._demonyms(
            text, tokens, spans + [(m.start, m.end) for m in found], not_places, compounds
        )
        found += self._cued_names(text, [(m.start, m.end) for m in found + taken], not_places)
        found += self._common_words_in_country(text, tokens, found + taken, not_places)
        found += self._variant_pairs(text, tokens, found + taken, not_places)
        found += self._variant_names(text, tokens, found + taken, not_places)
        found += self._inflected_cyrillic(text, tokens, found + taken, not_places)
        found += self._inflected_names(text, tokens, found + taken, not_places)
        found += self._german_genitives(text, tokens, found + taken, not_places)
        found = self._respelt_from_abroad(text, found)
        found = self._coordinated_regions(text, found)
        found = self._drop_bare_given_names(text, found)
        found = self._drop_split_names(text, found)
        found = [
            replace(m, in_title=True)
            if _JIHADIST_BRANCH_BEFORE.search(text, max(0, m.start - 24), m.start)
            else m
            for m in found
        ]
        # "the Pretoria agreement ... two years after Pretoria", "the Ramstein format ...
        # Ramstein meets in Brussels": the pact or the group, named again by its place
        pacts = {
            name_key(text[tokens[first].start : tokens[last].end])
            for first, last, _v in judged
            if NAMED_AFTER_PLACE.match(text, tokens[last].end)
        }
        found = [
            m
            for m in found
            if not (
                name_key(m.text) in pacts
                and (
                    _SINCE_BEFORE.search(text, max(0, m.start - 12), m.start)
                    or _CONVENES_AFTER.match(text, m.end)
                )
            )
        ]
        # "the Azov brigade ... Azov commanders surrendered": the unit's men, not the town's
        units = {
            name_key(text[tokens[first].start : tokens[last].end])
            for first, last, v in judged
            if v is None
            and _UNIT_AFTER.match(text[tokens[last].end : tokens[last].end + 40].lower())
        }
        found = [
            m
            for m in found
            if not (name_key(m.text) in units and _MEMBERS_AFTER.match(text, m.end))
        ]
        if match_report(text):
            title = document.source.title or ""
            found = self._sides_named_again(
                text, found, len(title) if text.startswith(title) else 0
            )
        # "Oleh Kovel said trains to Kovel were delayed. Kovel added": the town is named, and
        # the man still speaks; "the court acquitted Slonim" stays the man's wherever the
        # text places the town
        found = [
            m
            for m in found
            if not (
                m.start in said_of_a_person
                or any(text.startswith(full, m.start) for full in full_names)
                or (name_key(m.text) in persons and _speaks(text, m))
                # "… said Tomasz Terespol. Terespol drove to Biała Podlaska": the sentence
                # after the one that names the person goes on about him
                or (
                    _goes_on_about_person(text, m, person_runs, person_starts)
                    and not _placed_by_wording(text, m)  # ("Lubny residents cheered")
                )
                or ship_spans.covers(m.start)
                # "the German frigate Hessen ... The Hessen, which left Wilhelmshaven" (not
                # "the submarine Kursk ... the Kursk incursion")
                or (
                    name_key(m.text) in ships
                    and _THE_BEFORE_NAME.search(text, max(0, m.start - 5), m.start)
                    and (
                        _THE_NAME_ENDS.match(text, m.end) or _THING_CLAUSE_AFTER.match(text, m.end)
                    )
                )
            )
        ]
        return sorted(found + taken, key=lambda m: (m.start, -m.end))

    def _sides_named_again(self, text: str, found: list[Mention], title_end: int) -> list[Mention]:
        """In a report of games, a town's name that is a side somewhere in it is the side
        again in the headline and in any sentence about the game ("Brest edge Grodno",
        "Vitebsk had chances late on but their striker hit the post"), unless the wording
        places it ("the Central Stadium in Gomel") or it opens a dateline."""
        sides = set()
        for m in found:
            if m.in_title and m.kind == "name":
                population, fclass = self.names.best_population(name_key(m.text))
                if side_in_game(
                    text,
                    m.start,
                    m.end,
                    country=fclass == "country",
                    small_town=population < _COMMON_WORD_MIN_POPULATION,
                ):
                    sides.add(name_key(m.text))
        return [
            replace(m, in_title=True)
            if not m.in_title
            and m.kind == "name"
            and name_key(m.text) in sides
            and (m.end <= title_end or sports_sentence(text, m.start, m.end))
            and not _placed_by_wording(text, m)
            and not opens_dateline(text, m.start, m.end)
            else m
            for m in found
        ]

    def _people_listed_together(self, text: str, tokens: list[Token], judged: list) -> list:
        """ "Smila, Pryluky and Lubny scored", "police detained Lida and Slonim", "goals from
        Smila and Lubny": a list that does a person's deed, or undergoes it, lists people. The
        deed is read at the list's end (its verb) or its head (what is done to it)."""
        out = list(judged)
        starts = [tokens[first].start for first, _, _ in judged]  # in text order
        for first, last, verdict in judged:
            start, end = tokens[first].start, tokens[last].end
            if verdict is _PERSON and (
                _PERSON_VERB_AFTER.match(text, end) or _SPEECH_VERB_AFTER.match(text, end)
            ):
                listed = _LIST_BEFORE.search(text, max(0, start - _LIST_REACH), start)
                span = (listed.start(), start) if listed else None
            elif (
                (
                    verdict is _PERSON
                    and _PERSON_OBJECT_BEFORE.search(text, max(0, start - 24), start)
                )
                or (
                    _SCORERS_BEFORE.search(text, max(0, start - 24), start)
                    and sports_sentence(text, start, end)
                )
                or _PEOPLE_BEFORE.search(text, max(0, start - 24), start)
            ):
                listed = _LIST_AFTER.match(text, end)
                span = (start, listed.end() if listed else end)
            else:
                continue
            if span is None:
                continue
            # only the runs inside the list: a text of many speakers stays linear
            for i in range(bisect_left(starts, span[0]), bisect_left(starts, span[1] + 1)):
                other_first, other_last, other = out[i]
                other_start, other_end = tokens[other_first].start, tokens[other_last].end
                if other_end > span[1]:
                    continue
                population, fclass = self.names.best_population(
                    name_key(text[other_start:other_end])
                )
                if (
                    isinstance(other, Mention)
                    and other_first == other_last
                    and not other.in_title
                    and fclass not in ("country", "admin1")
                    and not _is_major(fclass, population)
                ):
                    out[i] = (other_first, other_last, _PERSON)
        return out

    def _given_names_before_surnames(self, text: str, tokens: list[Token], judged: list) -> list:
        """ "said Ayagoz Tekeli, an analyst": a town's name written just before a name the
        context makes a person's is that person's given name, though no list of given names
        knows it. Two places are never written back to back with only a space between, but
        a country or a region may follow a town ("Minsk Belarus") and a city of millions is
        left alone."""
        out = list(judged)
        for i in range(len(judged) - 1):
            first, last, verdict = judged[i]
            next_first, _, next_verdict = judged[i + 1]
            if not (
                next_verdict is _PERSON
                and isinstance(verdict, Mention)
                and first == last
                and next_first == last + 1
                and not verdict.in_title
                and verdict.kind == "name"
                and text[tokens[last].end : tokens[next_first].start] == " "
                # (a name, not a word: "the Decatur Democrat said" is the town's lawmaker)
                and not is_common_word(tokens[next_first].text)
            ):
                continue
            population, fclass = self.names.best_population(name_key(verdict.text))
            if fclass not in ("country", "admin1") and not _is_major(fclass, population):
                out[i] = (first, last, _PERSON)
        return out

    # -- finding name runs ----------------------------------------------------------------

    def _name_runs(self, text: str, tokens: list[Token]):
        """(first, last) token indices of the longest gazetteer names, left to right."""
        i, n = 0, len(tokens)
        while i < n:
            token = tokens[i]
            if not token.capitalised and not (
                token.lower in _ARABIC_ARTICLES
                and i + 1 < n
                and tokens[i + 1].capitalised
                and text[token.end : tokens[i + 1].start] in ("-", "‐")
            ):
                i += 1
                continue
            best = None
            for j in range(i, min(n, i + _MAX_NAME_TOKENS)):
                if j > i:
                    gap = text[tokens[j - 1].end : tokens[j].start]
                    # a possessive's "s" inside a name: "Hawke's Bay", "Martha's Vineyard"
                    possessive = tokens[j].text == "s" and gap in ("'", "’")
                    if (
                        gap not in (" ", "-", "‐", "‑")
                        and not possessive
                        and not (gap == ". " and tokens[j - 1].lower in _ABBREVIATED_PREFIXES)
                    ):
                        break  # "St. Paul", "Mt. Vernon" are one name
                    if (
                        not tokens[j].capitalised
                        and tokens[j].lower not in _CONNECTORS
                        and not possessive
                    ):
                        break
                key = name_key(text[token.start : tokens[j].end])
                if tokens[j].capitalised and self.names.has_key(key):
                    best = j
                if not self.names.has_prefix(key):
                    break
            if best is None:
                i += 1
                continue
            if token.lower == "the" and best > i and self._article_apart(text, tokens, i, best):
                i += 1  # "The Gambia", "The United States": "the" is no part of their names
            yield i, best
            i = best + 1

    def _article_apart(self, text: str, tokens: list[Token], first: int, last: int) -> bool:
        """Whether the name without its opening "The" is the same country ("The Gambia" is
        Gambia; a town keeps it: "The Hague", "The Dalles")."""
        whole = name_key(text[tokens[first].start : tokens[last].end])
        rest = name_key(text[tokens[first + 1].start : tokens[last].end])
        country = self.names.best_population(rest)
        return (
            self.names.has_key(rest)
            and country[1] == "country"
            and (self.names.only_alternate(whole) or self.names.best_population(whole) == country)
        )

    def _named_again(
        self,
        text: str,
        tokens: list[Token],
        found: list[Mention],
        taken: list[Mention],
        not_places: set[str],
    ) -> list[Mention]:
        """A town named again where its name is also a word: "Ganja was also hit" after "a
        district of Ganja, Azerbaijan's second city"; "flames reached Jasper" after "Jasper,
        the mountain town"."""
        names = {
            name_key(m.text): m.query
            for m in found
            if m.kind == "name" and not m.in_title and " " not in m.text
        }
        if not names:
            return []
        spans = SpanSet((m.start, m.end) for m in found + taken)
        out = []
        for i, token in enumerate(tokens):
            key = name_key(token.text)
            if (
                token.capitalised
                and key in names
                and key not in not_places
                and is_common_word(token.text)
                and not spans.overlaps(token.start, token.end)
                and (sentence_start_word(token, text) or self._alone(text, tokens, i))
            ):
                out.append(Mention(token.text, token.start, token.end, names[key], kind="name"))
        return out

    def _drop_split_names(self, text: str, found: list[Mention]) -> list[Mention]:
        """ "Gran Canaria": two small places' names side by side, with nothing between, are
        one name the gazetteer lacks (a Hungarian and a Peruvian village here), not two."""
        names = sorted(
            (m for m in found if m.kind == "name" and not m.in_title), key=lambda m: m.start
        )
        split = set()
        for a, b in pairwise(names):
            if text[a.end : b.start] == " " and all(self._small_town(m) for m in (a, b)):
                split |= {a.span, b.span}
        return [m for m in found if m.span not in split]

    def _small_town(self, mention: Mention) -> bool:
        population, fclass = self.names.best_population(name_key(mention.text))
        return fclass in _TOWN_CLASSES and population < _COMMON_WORD_MIN_POPULATION

    @staticmethod
    def _alone(text: str, tokens: list[Token], i: int) -> bool:
        """A capitalised word inside a sentence that is no part of a longer name ("Mary
        Magdalene", "Side by Side") nor a currency's ("$US4.5")."""
        token = tokens[i]
        joined = [
            other
            for other, gap in (
                (tokens[i - 1] if i else None, text[tokens[i - 1].end : token.start] if i else ""),
                (
                    tokens[i + 1] if i + 1 < len(tokens) else None,
                    text[token.end : tokens[i + 1].start] if i + 1 < len(tokens) else "",
                ),
            )
            if other is not None and gap in (" ", "-") and other.capitalised
        ]
        return (
            not joined
            and not (token.text.isupper() and len(token.text) <= 3)
            and text[token.start - 1 : token.start] != "$"
        )

    def _drop_bare_given_names(self, text: str, found: list[Mention]) -> list[Mention]:
        """A small town that is also a given name ("Hailey", "Levi", "Marie") is a place only
        where some mention of it in the text says so: a preposition before it ("in Hailey"),
        a state after it ("Hailey, Idaho"), a noun it qualifies ("a Hailey man"), a dateline
        in capitals, or another place it is listed with ("Ketchum and Hailey")."""
        doubtful = {
            i
            for i, m in enumerate(found)
            if m.kind == "name"
            and not m.in_title
            and " " not in m.text
            and not m.text.isupper()
            and is_first_name(m.text)
            and self.names.best_population(name_key(m.text))[0] < _GIVEN_NAME_PLACE_POPULATION
            # (a country under its own name in the text's language: Czech "Rusko")
            and self.names.best_population(name_key(m.query))[1] != "country"
        }
        if not doubtful:
            return found
        supported = set()
        for i in doubtful:
            m = found[i]
            listed = any(
                j not in doubtful
                and _LIST_GAP.fullmatch(text[min(m.end, o.end) : max(m.start, o.start)])
                for j, o in enumerate(found)
                if j != i and abs(o.start - m.start) < 80
            )
            if listed or _place_cue(text, m.start, m.end) or _placed_by_wording(text, m):
                supported.add(name_key(m.text))
        return [
            m for i, m in enumerate(found) if i not in doubtful or name_key(m.text) in supported
        ]

    # -- judging one name -------------------------------------------------------------------

    def _surname_after(self, text: str, tokens: list[Token], index: int) -> bool:
        """Whether tokens[index] reads as a surname after a given name: capitalised, no
        ordinary word, no place's or people's name ("Chad Whitaker", "Jordan Peterson"; not
        "Chad Basin", "Jordan Valley", "Georgia Tech"), and no longer name goes on after it."""
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return (
            token.capitalised
            and not token.text.isupper()
            and len(token.text) > 2
            and not is_common_word(token.text)
            # (a hamlet's name is as often a family's: "Whitaker")
            and self.names.best_population(name_key(token.text))[0] < _SURNAME_PLACE_MAX_POPULATION
            and self._demonym_country(token.text) is None
            and token.lower not in REGION_WORDS
            and not (
                following is not None
                and following.capitalised
                and text[token.end : following.start] == " "
            )
        )

    def _home_city(self, lang: str, written: str) -> bool:
        """Whether ``written`` is, by its own or an alternate name, a city of a million people
        or more in a country whose language is ``lang``: "Warszawa" in Polish, "Wien" in German;
        in a small country's language, a town of some size ("Rīga", "Daugavpils" in Latvian):
        a small language's word lists rank its towns' names among its everyday words."""
        least = _SMALL_LANGUAGE_HOME_TOWN if lang in _SMALL_NEWS_LANGUAGES else 1_000_000
        return any(
            c.feature_class in ("city", "village")
            and c.population >= least
            and c.match in ("exact", "alternate")
            and c.country_code in countries_speaking(lang)
            for c in self.names.candidates(written, loose=False)
        )

    def _judge(
        self, text: str, tokens: list[Token], first: int, last: int, spelling: str | None = None
    ) -> Mention | None:
        """The mention for tokens[first..last], or None when the context says it is no place;
        ``spelling`` is the index's spelling of a name written in another romanisation, whose
        entries stand for it ("Chebekino" as Shebekino)."""
        start, end = tokens[first].start, tokens[last].end
        written = text[start:end]
        key = name_key(spelling or written)
        before = tokens[first - 1] if first > 0 else None
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        joined_before = before is not None and text[before.end : start] in (" ", "-", "‐")
        joined_after = after is not None and text[end : after.start] in (" ", "-", "‐")
        sentence_start = (
            _SENTENCE_END.search(text[max(0, start - 3) : start]) is not None or start == 0
        )
        if before is not None and not sentence_start:
            sentence_start = _SENTENCE_END.search(text[before.end : start]) is not None

        single = first == last
        word = tokens[first]
        if word.lower in MONTHS or word.lower in WEEKDAYS:
            return None
        if single and len(written) == 1 and not written.isascii():
            return None  # "È stato un attacco": an accented letter is a word, no place's name
        if single and (
            _CONTRACTION.search(word.text)
            or (word.lower in MONTH_ABBREVIATIONS and re.match(r"\.|\s\d", text[end : end + 2]))
        ):
            return None  # "We're", "I've"; "Jan." and "Nov.", "on Jul 25" are months
        if single and (
            _NICKNAME_AFTER.match(text, end)
            or _NICKNAME_BEFORE.search(text, max(0, start - 40), start)
        ):
            return _PERSON  # Sheriff Beauregard “Bud” Torres: a nickname between the names
        if _IN_NICKNAME_BEFORE.search(text, max(0, start - 40), start) and _IN_NICKNAME_AFTER.match(
            text, end
        ):
            return None  # Jonathan J. “Wee Man” McDaniel: a word of the nickname
        if single and _LETTER_AFTER_APOSTROPHE.match(text, end):
            return None  # "the Baha’i faith": a word the apostrophe goes on with
        if single and _MODEL_AFTER.match(text[end : end + 2]):
            return None  # "Su-35S", "Mi-8"
        if (dotted := _DOTTED_ON.match(text, end)) and not is_common_word(dotted.group()[1:]):
            # "Krym.Realii", "Ukrinform.ua": a brand's or a site's name, run on past the dot
            # (not "in Kyiv.The next day", a missing space)
            return None
        if _called_so(text, start, end):
            # a ship, a unit, a call sign, an outlet, a body or a work the wording names
            return None
        if (
            _CLASS_AFTER.match(text, end)
            or (
                _THE_BEFORE_NAME.search(text, max(0, start - 5), start)
                and _VESSEL_AFTER.match(text, end)
            )
        ) and not self._demonym_country(written):
            # "a Kherson-class corvette", "the Lutsk corvette fired": a ship or its class (but
            # "the German frigate": the navy's country, as any "German" is)
            return Mention(text=written, start=start, end=end, query=written, in_title=True)
        if (
            single
            and _THE_SHIP_BEFORE.search(text, max(0, start - 5), start)
            and not (after is not None and joined_after and after.lower in _PLACE_NOUNS_AFTER)
            and _SAILING_AFTER.match(text, end)
        ):
            return None  # "the Saratov blew up and sank at the quay in Berdiansk": a ship
        if _QUOTED_NAME_AFTER.match(text, end):
            # "Kauno „Žalgiris“", "Vilniaus „Rytas“": a club or a firm by its town and its
            # own name in quotes, as the Baltic and Romanian press write them
            return Mention(text=written, start=start, end=end, query=written, in_title=True)
        if (
            CLUB_BEFORE.search(text, max(0, start - 60), start)
            or (single and joined_after and after.capitalised and CLUB_NAME.fullmatch(written))
        ) or (
            # an airline: "Air Astana", "Air Moldova" (not "Air Force", "Air National Guard")
            text.endswith("Air ", 0, start) and not is_common_word(written)
        ):
            # "the football club Kryvbas Kryvyi Rih": a club named for the town, no location
            return Mention(text=written, start=start, end=end, query=written, in_title=True)
        if (
            key in NOT_PLACES
            or word.lower in NOT_PLACES
            or _HOLIDAY_AFTER.match(text[end : end + 8])
            or _HOLIDAY.match(text, start)
            or _HOLIDAY.fullmatch(text, max(0, start - 6), end)  # "Mardi Gras"
        ):
            return None  # "Hamas", "Telegram"; "St. Patrick's Day", "at Christmas"
        if (  # a dateline, though in capitals like an acronym
            written.isupper()
            and len(written) > 2
            and opens_dateline(text, start, end)
            # (not a section's word: "BEER. Obolon said", "CARS. Seat will")
            and not (text.startswith(".", end) and _section_word(written))
        ):
            return Mention(text=written, start=start, end=end, query=written, kind="name")
        if _PARTY_BEFORE.search(text, max(0, start - 4), start):
            # "Rep. Wendell Gilliard, D-Charleston,": the home of a legislator of a party
            state = US_STATE_ABBREVIATIONS.get(key) if text[end : end + 1] == "." else None
            if state is not None:  # "Sen. Bob Casey, D-Pa.": the state
                return Mention(written + ".", start, end + 1, state, kind="region", hint="admin1")
            return Mention(text=written, start=start, end=end, query=written, kind="name")
        if single and word.lower in PEOPLES and not self._region_after(text, end):
            return None  # "Arab countries", "a Christian ministry"; but "Arab, Alabama"
        if single and word.lower in ADJECTIVES_NOT_PLACES:
            return None  # "Federal judges", "the Federal Bureau of Investigation"
        if single and _STORM_BEFORE.search(text, max(0, start - 24), start):
            # "Hurricane Milton", "Storm Bert": a storm's name, wherever the text repeats it
            # (but "Milton, a town of 10,000" is placed by its wording)
            return _THING
        if single and _vehicle(text, tokens, first):
            # "a 1992 Toyota Corolla", "a red Dodge Durango": the make or model names the car
            # wherever else the text repeats it ("the Durango pulled up")
            return _THING
        if key in _SEATS_OF_GOVERNMENT and not LOCATIVE_CUE_BEFORE.search(
            text, max(0, start - 30), start
        ):
            return None  # "the White House said": the administration, not a building
        if key in _SEATS_OF_GOVERNMENT:
            return Mention(written, start, end, _SEATS_OF_GOVERNMENT[key], hint="city")
        if key in ("us", "u s") and "$" in (text[end : end + 1], text[start - 1 : start]):
            return None  # "US$3.7m", "$US4.5 billion": a currency sign
        if single and (
            word.lower in FUNCTION_WORDS
            or word.lower in PLACE_MODIFIERS
            or word.lower in ORGANISATION_HEADS
        ):
            return None  # "We", "North", "Centre", "Police" alone
        if (
            single
            and word.lower in _COMPASS_WORDS
            and _NAME_OF_PART_BEFORE.search(text, max(0, start - 40), start)
        ):
            # "le Darfour du Nord", "el Chocó del Norte": the last word of a part's name the
            # index does not know as a whole, not Cameroon's or Haiti's Nord
            return None
        if (
            single
            and word.lower in PERSON_TITLES
            and (text[end : end + 1] == "." or (joined_after and after.capitalised))
        ):
            return None  # "Dr.", "Dr Smila"
        population, fclass = self.names.best_population(key)
        if (
            single
            and fclass == "country"
            # (a small country's other names: a big one's are its own in every language)
            and population < 1_000_000
            and (language := text_language(text)) != "en"
            and is_common_word_in(language, written)
            and not _country_so_called_in(language, self.names.country_named(key), key)
        ):
            return None  # "Ein Mann wurde verletzt": a German word, not Mann, the Isle of Man
        if (
            single
            and fclass == "country"
            and is_first_name(word.text)
            and joined_after
            and text[end : after.start] == " "
            and self._surname_after(text, tokens, last + 1)
            and not WHERE_BEFORE.search(text, max(0, start - 20), start)
        ):
            return _PERSON  # "spoke with Chad Whitaker, a logistics coordinator"
        if (
            last == first + 1
            and is_first_name(word.text)
            and word.lower not in PLACE_MODIFIERS
            # (a surname, not "County", "City", "Woods": "Laurel County", "Charles City")
            and not is_common_word(tokens[last].text)
            and tokens[last].lower not in REGION_WORDS
            and population < _FULL_NAME_PLACE_MIN_POPULATION
            and fclass in ("admin2", "city", "village", "station", None)
            and not WHERE_BEFORE.search(text, max(0, start - 20), start)
            and not TOWN_APPOSITIVE_AFTER.match(text, end)
            and not _TOWN_APPOSITIVE_BEFORE.search(text, max(0, start - 20), start)
        ):
            # "posters of Simón Bolívar": a given name and a surname, though some hamlet or
            # district bears the whole (not "in Pedro Juan Caballero", a city of 100,000)
            return _PERSON
        if (
            single
            and _THE_SHIP_BEFORE.search(text, max(0, start - 5), start)
            and (
                _THING_CLAUSE_AFTER.match(text, end)
                or (_THE_NAME_ENDS.match(text, end) and _naval_sentence(text, start, end))
            )
            and (
                fclass in _TOWN_CLASSES
                # (a region called like its capital is not "the Minsk" either)
                or (
                    fclass == "admin1"
                    and any(
                        c.feature_class in _TOWN_CLASSES
                        for c in self.names.candidates(written, loose=False)
                    )
                )
            )
        ):
            # "the same class as the Minsk, which was damaged", "the navy said the Ternopil
            # and the Slavutych were in port": towns take no "the"
            return None
        if (
            fclass == "station"
            and joined_after
            and after.capitalised
            and self.names.only_stations(key)
            and not _STATION_WORD_AFTER.match(text, end)
        ):
            return None  # "Ukrainska Pravda": a station's name opening some longer name
        if (
            (
                AGENT_BEFORE.search(text, max(0, start - 24), start)
                # (not "Picture: Slidell PD": the town's police, named for it)
                and not (joined_after and after.capitalised)
            )
            or (
                SOURCE_BEFORE.search(text, max(0, start - 14), start)
                and (
                    SOURCE_NAME_ENDS.match(text, end)
                    # "Laut Narva blieb es ruhig": the verb comes next in wire copy's languages
                    or (_small_word_after(text, end) and text_language(text) != "en")
                )
            )
        ) and not _is_major(fclass, population):
            # "broadcast by Hromadske", "according to Slonim,": who did or said it (a capital
            # may stand for its rulers: "according to Kyiv")
            return None
        if (
            (
                NAMED_AFTER_PLACE.match(text, end)
                or _PRODUCT_AFTER.match(text, end)
                or _MADE_SOMEWHERE_AFTER.match(text, end)
                or _named_after_itself(text, start, end)
                or _PACT_OF_BEFORE.search(text, max(0, start - 30), start)
            )
            and fclass != "country"
        ) or (
            single
            # (not "the Strings of Freedom orchestra", "Marion Lawson Parker III", "John M.
            # McDonald III")
            and not is_common_word(written)
            and not (joined_before and before.capitalised and before.lower not in FUNCTION_WORDS)
            and not _after_initial(text, tokens, first)
            and (
                _MAKE_AFTER.match(text, end)
                or _BRAND_AFTER.match(text, end)
                or _MAKE_QUOTED_BEFORE.search(text, max(0, start - 24), start)
                or _MAKE_BEFORE.search(text, max(0, start - 16), start)
                or _CONTAINER_BEFORE.search(text, max(0, start - 16), start)
                # "Kolomyia 24 reported": a channel; "under Minsk II": the second agreement
                or _OUTLET_NUMBER_AFTER.match(text, end)
                # "La chaîne Telegram locale Chebekino 24 publie": a number in a sentence
                # about channels
                or (
                    _CHANNEL_NUMBER_AFTER.match(text, end)
                    and sentence_says(_MEDIA, text, start, end)
                )
                or _SEQUEL_AFTER.match(text, end)
                # "the Algiers Accord" (not "the Camp David Accords", "the Peace Treaty")
                or _TITLED_PACT_AFTER.match(text, end)
            )
        ):
            # "the Minsk agreements", "the Bucharest Nine", "Hereford cattle", "a Belarus
            # tractor", "a bottle of Slavutych": named for the place, not there
            return Mention(text=written, start=start, end=end, query=written, in_title=True)
        if text.startswith(" A&M", end):  # "Texas A&M": a university, named for the state
            return Mention(text=written, start=start, end=end, query=written, in_title=True)
        if (
            single
            and _INITIAL_AFTER.match(text, end)
            and is_first_name(word.text)
            and not _is_major(fclass, population)
        ):
            return _PERSON  # "District Attorney Jerome A. Gorman", "Harvey A. Rittle"
        if (
            single
            and word.lower.endswith("s")
            and is_common_word(word.lower[:-1])
            and not is_common_word(word.lower)
            and fclass != "country"
            and population < _COMMON_WORD_MIN_POPULATION
        ):
            return None  # "Marines", "Rangers": plurals of English words
        if (
            single
            and _is_acronym(word.text)
            and fclass != "country"
            and population < 100_000_000
            and not self._dotted_city(word.text)
        ):
            # "NATO", "APC", "MoD": acronyms name places only when they are countries or unions
            return None
        if re.match(r"\s?&\s", text[end : end + 3]) or re.search(
            r"[A-Z][\w.]*\s?&\s?$", text[max(0, start - 12) : start]
        ):
            return None  # "Johnson & Johnson", "Marks & Spencer"
        if (
            joined_after
            and after.lower in STREET_WORDS
            and text[end : after.start] == " "
            # (a road written small leads to the town: "the Kupiansk road", "the Kabul–
            # Jalalabad road")
            and after.capitalised
            # (a credit's name: "Photo: Jordan Pike / AP")
            and not _CREDIT_LINE_BEFORE.search(text, max(0, start - 40), start)
        ):
            return None  # "6016 Dublin Road", "Paris Avenue": a street named for the place
        if _WATER_AFTER.match(text, end) or _WATER_BEFORE.search(text, max(0, start - 16), start):
            return None  # "the Dnipro River", "the Sea of Azov": the water, not the town
        if (
            single
            and _LANGUAGE_BEFORE.search(text, max(0, start - 60), start)
            and _LANGUAGE_END.match(text, end)
        ):
            return None  # "spoke only French and Farsi": a language, not a village
        if _ARABIC_NAME_GOES_ON.match(text, end):
            return None  # "the Bunyan al-Marsous operation": the start of a longer name
        family = _ARABIC_FAMILY_NAME_BEFORE.search(text, max(0, start - 24), start)
        if (
            single
            and family
            and family.group(1).lower() not in _ARABIC_PLACE_HEADS
            and not self.names.has_key(name_key(family.group(1)))
        ):
            return _PERSON  # "Muqtada al-Sadr": a family name
        if (
            plant := _PLANT_ELSEWHERE_AFTER.match(text, end)
            or (
                _PLANT_BEFORE.search(text, max(0, start - 40), start)
                and _ELSEWHERE_AFTER.match(text, end)
            )
        ) and self._another_town(plant.group("town"), key):
            # "the Zaporizhzhia nuclear power plant in Enerhodar": a works named for a place
            # it does not stand in
            return Mention(text=written, start=start, end=end, query=written, in_title=True)
        if not single and tokens[last].lower in REGION_NAME_ENDS:
            # "Leadership Henry County", "the Butler County Sheriff's Office": a region's name
            title = self._inside_title(text, tokens, first, last)
            if title == "unit":
                return None
            in_title = title in ("organisation", "public body")
            return Mention(text=written, start=start, end=end, query=written, in_title=in_title)
        if (
            self._after_given_name(text, tokens, first)
            or _after_initial(text, tokens, first)
            or _after_initials(text, tokens, first)
        ) and fclass not in ("country", "admin1"):
            return _PERSON  # "Gino D. Bassett", "Mike de Kock", "Kijuan D. Amesbury", "J.M. Barrie"
        if (
            single
            and fclass == "country"
            and before is not None
            and before.capitalised
            and text[before.end : start] == " "
            and is_first_name(before.text)
            # ("Bill Holland", but not a sentence's "Mark Poland on the map")
            and not (is_common_word(before.text) and sentence_start_word(before, text))
            and self.names.best_population(name_key(before.text))[0] < _COMMON_WORD_MIN_POPULATION
            and is_surname(written)
            and _name_ends_at(text, tokens, last)
        ):
            return _PERSON  # "reporter Bill Holland", "Michael Jordan": a country's name as surname
        if (
            single
            and _RULER_AFTER.match(text, end)
            and fclass not in ("country", "admin1")
            # (a common surname whatever the town's size: "the Bush administration", not
            # Bush, Egypt, a town of 136,000)
            and (
                population < _SPEAKING_PLACE_MIN_POPULATION
                or (is_surname(written) and not _is_major(fclass, population))
            )
            and not self._demonym_country(word.text)
        ):
            return _PERSON  # "the Obama administration", "the Clinton-era rule": a president
        if (
            single
            and is_first_name(word.text)
            and _SPEECH_VERB_AFTER.match(text[end : end + 14])
            and not _is_major(fclass, population)
        ):
            return _PERSON  # "Keith recalled"
        if (
            single
            and _PERSON_VERB_AFTER.match(text, end)
            and fclass not in ("country", "admin1")
            and not _locative_before_list(text, start)
        ):
            return _PERSON  # "Lincoln visited the capital's defenders": only people do that
        if fclass != "country" and (
            # "V. Gomel, a railway worker" (not "N. Korea", "St. Petersburg")
            _ONE_INITIAL_BEFORE.search(text, max(0, start - 4), start)
            # a headline's "Gomel jailed for 11 years", "Cantemir wins Soroca"
            or (
                sentence_start
                and (_JUSTICE_DONE_AFTER.match(text, end) or _WINS_PLACE_AFTER.match(text, end))
            )
            # "a mongrel called Izium", "a grey mare he called Stryj"
            or _ANIMAL_CALLED_BEFORE.search(text, max(0, start - 40), start)
        ):
            return _PERSON
        if (
            single
            and _LISTED_THEN_DONE_TO_PEOPLE.match(text, end)
            and fclass != "country"  # (a region is not elected either)
            and not _is_major(fclass, population)
        ):
            return _PERSON  # "Cantemir and Codru were elected": whoever Codru is
        if (
            single
            and _INDEFINITE_BEFORE.search(text, max(0, start - 4), start)
            and _THING_ENDS_AFTER.match(text, end)
            and not self._region_after(text, end)  # "a Denison, Iowa-based firm"
            and text_language(text) == "en"  # (Spanish "a Madrid" is "to Madrid")
        ):
            return None  # "ordered a Kozel and a glass", "A Belarus is cheap": a make, a brand
        if (
            single
            and _COUNTED_AGAIN_BEFORE.search(text, max(0, start - 16), start)
            and _THING_ENDS_AFTER.match(text, end)
        ):
            return None  # "whatever is signed must not be a third Minsk"
        if (
            single
            and _DRIVEN_BEFORE.search(text, max(0, start - 60), start)
            and _DRIVEN_ENDS_AFTER.match(text, end)  # (not "drove the Kharkiv highway")
        ):
            return None  # "drove the same green Slavuta for twenty years"
        if (
            (credit := _CREDIT_LINE_BEFORE.search(text, max(0, start - 40), start))
            and (rest := _CREDIT_LINE_AFTER.match(text, end))
            # a full name, one word beside this one
            and (credit.group("given") is None) != (rest.group("surname") is None)
        ):
            return _PERSON  # "Photo: Shwan Hama / Reuters", "Photo: Jordan Pike / AP"
        if single and _AGE_THEN_VERB_AFTER.match(text, end):
            # "Jordan, 36, worked in an emergency room", "Sumy, 45, a father of three": no
            # country or region has an age
            return _PERSON
        if (
            single
            and fclass != "country"
            and _BYLINE_BEFORE.search(text, max(0, start - 40), start)
        ):
            return _PERSON  # "Reporting by Nadia Rivne; editing by Tom Lviv"
        if (
            single
            and _WORKS_OF_BEFORE.search(text, max(0, start - 24), start)
            and not _is_major(fclass, population)
        ):
            return _PERSON
        if (
            single
            and _PERSON_OBJECT_BEFORE.search(text, max(0, start - 24), start)
            and not _NOUN_FOLLOWS.match(text, end)  # "arrested Orsha residents": a town's
            and not _is_major(fclass, population)
        ):
            return _PERSON  # "charged with killing Welch": what is done only to people
        if (
            single
            and fclass not in ("country", "admin1")
            and (
                (
                    _ASKED_BEFORE.search(text, max(0, start - 10), start)
                    and _ASKED_AFTER.match(text, end)
                    and population < _SPEAKING_PLACE_MIN_POPULATION
                )
                or (
                    _PERSON_NOUN_COMMA_BEFORE.search(text, max(0, start - 14), start)
                    and text.startswith(",", end)
                    and not _is_major(fclass, population)
                )
            )
        ):
            return _PERSON  # "asked Kovel whether", "The defendant, Kovel, sat"
        if (
            single
            and _AGE_AFTER_NAMES.match(text, end)
            and fclass != "country"
            # "Pedro Valencia, a 58-year-old mechanic", though Valencia is a region of millions
            and (
                population < 1_000_000
                or self._after_given_name(text, tokens, first)
                or (joined_before and before.capitalised and is_first_name(before.text))
            )
            and not LOCATIVE_BEFORE.search(text, max(0, start - 20), start)
        ):
            return _PERSON  # "Tanga Sheri Moon, 34,", "Abo Arab, a 28-year-old": an age
        if (
            single
            and fclass != "country"
            # a caption's sides say it of any name ("Lubny (left) and Poltava")
            and (
                not _is_major(fclass, population)
                or _CAPTION_SIDE_BEFORE.search(text, max(0, start - 16), start)
                or _CAPTION_SIDE_AFTER.match(text, end)
            )
            # ("Hufstetler of Roswell, who was listed", "of 1 Carrowclough, Tipperary, who is
            # accused": the clause is the man's)
            and not LOCATIVE_BEFORE.search(text, max(0, start - 20), start)
            and not text[max(0, start - 2) : start] == ", "
            and (
                _WHO_AFTER.match(text, end)
                or _CAPTION_SIDE_AFTER.match(text, end)
                or _CAPTION_SIDE_BEFORE.search(text, max(0, start - 16), start)
                or _PERSON_APPOSITIVE_AFTER.match(text, end)
            )
        ):
            # "said Lubny, who grew up there", "Lubny (left)", "Kobryn, a reporter for",
            # "Nyasvizh, 64, was detained": only people are who, stand left or are so old
            return _PERSON
        if (
            single
            and fclass != "country"
            and (start == 0 or text[start - 1] == "\n")
            and _TURN_AFTER.match(text, end)
        ):
            return _PERSON  # "Nizhyn: We took the last train from Nizhyn": who speaks in turn
        if (
            single
            and joined_after
            and after.capitalised
            and text[end : after.start] == " "
            and not _is_major(fclass, population)
            and fclass not in ("country", "admin1")
            and (is_first_name(after.text) or is_surname(after.text))
            and _name_ends_at(text, tokens, last + 1)
            and (
                _WHO_AFTER.match(text, after.end)
                or _PERSON_APPOSITIVE_AFTER.match(text, after.end)
                or _SPEECH_VERB_AFTER.match(text, after.end)
                or _PERSON_VERB_AFTER.match(text, after.end)
            )
        ):
            return _PERSON  # "Afrin Hassan, who read the news": her given name, her town's
        if (
            single
            and _WHO_AFTER.match(text, end)
            and fclass not in ("country", "admin1")
            and not _is_major(fclass, population)
            and not LOCATIVE_BEFORE.search(text, max(0, start - 20), start)
            and not _locative_before_list(text, start)
            # (not an address's town: "of 19 St Ailbe's Drive, Tipperary, who is accused")
            and not text[max(0, start - 2) : start].startswith(",")
        ):
            return _PERSON  # "Lutsk, who joined in the summer": a town is "which"
        if single and _KIN_BEFORE.search(text, max(0, start - 40), start):
            return _PERSON  # "his wife, Julia,", "the couple's first child, Hailey,"
        if (
            single
            and not _is_major(fclass, population)
            and _FAMILY_AFTER.match(text, end)
            and _THE_BEFORE.search(text, max(0, start - 12), start)
        ):
            return _PERSON  # "the Clemons brothers", "the Kennedy family"
        if (
            single
            and not _is_major(fclass, population)
            and is_first_name(word.text)
            and (pair := _GIVEN_PAIR_AFTER.match(text, end))
            and is_first_name(pair.group(1))
            and not LOCATIVE_BEFORE.search(text, max(0, start - 20), start)
        ):
            return _PERSON  # "Twin sisters Lindsay and Charlotte Graham"
        if (
            single
            and _SPEECH_VERB_AFTER.match(text, end)
            and fclass not in ("country", "admin1")
            # "Toyota said": the carmaker speaks, not the city of 420,000
            and (population < _SPEAKING_PLACE_MIN_POPULATION or word.lower in CAR_MAKES)
            and not _locative_before_list(text, start)
        ):
            return _PERSON  # "Baine said": a surname; big places speak for their rulers
        if (
            fclass not in ("country", "admin1")
            and not _is_major(fclass, population)
            and _QUOTE_SAID_BEFORE.search(text, max(0, start - 24), start)
            and _SPEAKER_ENDS_AFTER.match(text, end)
        ):
            return _PERSON  # '"We need shells," said Kovel.', "», bromeó Toledo."
        if self._after_title(text, tokens, first):
            return _PERSON  # "Dr. Fred Winters", "The Rev. Roy Jones", "State Rep. Jay Roberts"
        if (
            single
            and joined_after
            and after.capitalised
            and text[end : after.start] == " "
            and is_first_name(word.text)
            and not sentence_start_word(after, text)
            and after.lower not in FUNCTION_WORDS
            and after.lower not in REGION_WORDS
            # "Columbus Council", "Columbus North", "Columbus Metropolitan Library"
            and after.lower not in ORGANISATION_HEADS
            and after.lower not in PLACE_MODIFIERS
            and after.lower not in MONTHS_AND_DAYS  # "a crash in Montana Sunday"
            and after.lower not in _SITE_WORDS  # "Greer Station", "Kimberly Airport"
            and not _AIRPORT_AFTER.match(text, end)  # "Abha International Airport"
            and after.lower not in _LOCAL_OFFICES  # "said Monroe Mayor Robert Routson"
        ):
            if not _is_major(fclass, population):
                return _PERSON  # "David Jefferson": a given name before a surname
            if (
                fclass == "admin1"
                and population < _FAMOUS_REGION_POPULATION
                and after.lower != "area"  # "the Bay Area"
                and _name_ends_at(text, tokens, last + 1)  # not "Carolina Thread Trail"
            ):
                return _PERSON  # "Mary Wheeler", though Mary is a Turkmen province
            # "Virginia Alexander", "Victoria Rowell": a big place that is also a given name,
            # before a word that is neither English nor a title's: this one mention is a
            # person's, the place may still be named elsewhere in the text
            if (
                (
                    not is_common_word(after.text)
                    # "Chad Walker", "Jordan Dyer": a surname that is also a word ends a name
                    or (is_surname(after.text) and _name_ends_at(text, tokens, last + 1))
                )
                and after.lower not in PERSON_TITLES
                and after.lower not in PLACE_MODIFIERS
                and after.lower not in MONTHS_AND_DAYS
                and not after.text.isupper()
                and self._inside_title(text, tokens, first, last) is None
            ):
                return None
        title = self._inside_title(text, tokens, first, last)
        if title == "unit" and fclass == "admin1" and _opens_title(text, tokens, first):
            # "the Minnesota National Guard": the state's own force, as a body's title names it
            return Mention(text=written, start=start, end=end, query=written, in_title=True)
        if title == "unit" and fclass != "country" and not self.names.country_named(key):
            return None  # a town in an honorific (not "United Georgia", a US state's name too)
        if title == "unit":
            # a country's own force or movement ("US Army", "Sudan Liberation Movement"):
            # the country is named, but nothing happens there because of it
            return Mention(text=written, start=start, end=end, query=written, in_title=True)
        if (
            joined_before
            and before.capitalised
            and text[before.end : start] == " "
            and is_first_name(before.text)
            and before.lower not in FUNCTION_WORDS  # "The" is a given name somewhere
            # "First Baptist Church Maryville"; but "District Attorney Ken Mauldin declined",
            # and a person a body is named for: "Matthew Arnold School", "Sarah Bush Lincoln
            # Hospital"
            and (
                title is None
                or not (joined_after and after.capitalised)
                or not is_common_word(before.text)
            )
            and not (sentence_start_word(before, text) and before.lower in _WORDLIKE_GIVEN_NAMES)
        ):
            article = tokens[first - 2] if first >= 2 else None
            if (
                article is not None
                and article.lower in _ARTICLES
                and text[article.end : before.start] == " "
            ):
                # "el estadio del Krystal Jersón": a club's name, which an article goes
                # before and a person's does not; the town stays a place elsewhere
                return None
            if not _is_major(fclass, population):
                return _PERSON  # "Mark Zuckerberg", "Oleksandr Kamyshin" (not "Will Kyiv...")
            # (a given name as frequent as "Ana" or "Maria" is still one; not "Will", "May")
            if not _wordlike_given_name(before.text, text_language(text)) and (
                fclass != "country"
                or not (self._is_place_word(before) or before.text.isupper())  # "AP Saudi..."
            ):
                # "George Washington", "Andrew Jordan": this mention is a person's, the state
                # or the country stays a place elsewhere (but where the name speaks, it is his)
                return _PERSON if fclass != "country" else None
        if (
            title is None
            and joined_before
            and before.capitalised
            # a sentence's first word is capitalised anyway: an English one ("Overnight
            # Kyiv was hit") is no part of the name, another ("Vorskla Poltava beat") is
            and not (
                sentence_start_word(before, text)
                and (
                    is_common_word(before.text)
                    # (a word of the text's language, "Atsakydamas Minskas neleido"; but
                    # "Podle Tábora je", "Según Mérida," name a source)
                    or (
                        is_common_word_in(text_language(text), before.text)
                        and not SOURCE_BEFORE.search(text, max(0, start - 24), start)
                    )
                )
            )
            and fclass != "country"  # "922 Politics Ukraine's asset declarations"
            and not _german_noun(text, before)  # "der russischen Exklave Kaliningrad"
        ):
            if (
                before.lower not in PLACE_MODIFIERS
                and before.lower not in FUNCTION_WORDS
                and before.lower not in MONTHS_AND_DAYS  # "On 20 February Minsk announced"
                and not self._is_place_word(before, text_language(text))
            ):
                # a name of which this is the last part: a person's ("Franak Viačorka") or
                # a compound ("Idritsa-Berlin"); after a sentence's first word, only this
                # mention ("Vorskla Poltava beat ..." leaves Poltava a town elsewhere)
                if text[before.end : start] != " " or sentence_start_word(before, text):
                    return None
                return _PERSON
        if _AIRPORT_AFTER.match(text, end):
            # "Abha International Airport": the town the airport serves, where it lies
            return Mention(text=written, start=start, end=end, query=written, kind="name")
        if (
            title is None
            and joined_after
            and after.capitalised
            and after.lower not in REGION_WORDS
            # "Ambassador to the Holy See Mikayel Minasyan": a person's name follows the place
            # after a preposition, not a title or a given name ("Dr Jonathan Charbit")
            and not (
                LOCATIVE_BEFORE.search(text, max(0, start - 20), start)
                and word.lower not in PERSON_TITLES
                and not is_first_name(word.text)
                and self._full_name_at(text, tokens, last + 1)
            )
        ):
            if (
                after.lower not in PERSON_TITLES
                and after.lower not in FUNCTION_WORDS
                and after.lower not in MONTHS
                and after.lower not in WEEKDAYS
                and not (
                    self._is_place_word(after, text_language(text))
                    and not self._word_part(text, key, end, after)
                )
            ):
                if (
                    text[end : after.start] == " "
                    and len(after.text) > 1  # "Victoria N. Pearson"
                    # "Best Directing", "Officer Joe" (an acronym is no word: "EU Aviation")
                    and ((written.isupper() and len(written) <= 3) or not is_common_word(written))
                    and word.lower not in CAR_MAKES  # "a Toyota Camry"
                    # "Mary Loveless" (but "the Paris Public Library")
                    and not (
                        single and is_first_name(word.text) and not _is_major(fclass, population)
                    )
                    and self._names_bodies(fclass, key)
                ):
                    # "Cambridge Analytica", "Nashville Film Festival": named for the place
                    return Mention(written, start, end, written, in_title=True)
                return None  # "Kamyshin Cement", "Kyiv Post"; "Wal-Mart"
        if (
            single
            and is_common_word(written)
            and fclass != "country"
            and (self.names.only_alternate(key))
        ):
            return None  # "Federal", from "Distrito Federal": an English word, no place's own name
        if (
            single
            and sentence_start
            and is_cyrillic(written)
            and not self.names.own_population(key)
            and not self._cyrillic_town(written)
            and not _quoted_in_latin_text(text, start)
        ):
            # "Партизаны ..." opening a sentence: only some village's alternate name; but a
            # sign or caption «Ужгород приймає» names its town, and so does a word an
            # English report quotes from one: a road sign reading "Грайворон"
            return None
        if single and is_common_word(written) and _NUMBERED.match(text, end):
            return None  # "Lone Oak Road Lot 12", "Lot No. 15": a numbered lot, unit or gate
        if (
            single
            and (language := text_language(text)) != "en"
            and (country := _country_called(language, key)) is not None
            and fclass != "country"
        ):
            # a country's own name in the text's language, which the index keeps for a
            # village or a given name only: Czech "Rusko" is Russia, not Rusko, Finland;
            # Latvian "Polija" is Poland
            return Mention(text=written, start=start, end=end, query=country)
        if (
            single
            # (in a German or French text, its own words: "Kinder", "Schulen", "Selon")
            and (is_common_word(written) or is_common_word_in(text_language(text), written))
            and fclass != "country"
            and not (fclass == "admin1" and is_state_name(written))  # "Montana offered"
            and not written.isupper()
            and not self._region_after(text, end)  # "Eureka, Calif.", "Hope, Arkansas"
            and not _DISTANCE_AFTER.match(text, end)  # "Sake, about 25 kilometres west of Goma"
            # ("Daugavpilī", "Rēzeknē" in Latvian: a small language's everyday words)
            and not (
                text_language(text) in _SMALL_NEWS_LANGUAGES
                and self._home_city(text_language(text), spelling or written)
            )
        ):
            own = self.names.own_population(key)
            if (
                not is_common_word(written)
                and population >= _COMMON_WORD_MIN_POPULATION
                # (not "– Bei einem Angriff", "Selon": the language's everyday words; but
                # "Warszawa" and "Wien" are everyday words of Polish and German as the names
                # of their own big cities)
                and (
                    not is_everyday_word_in(text_language(text), written)
                    or self._home_city(text_language(text), spelling or written)
                )
            ):
                # a word of the text's language that is its name for a city ("Belgrado",
                # "Bruxelles", "Varsovie"): the city's people count
                own = population
            # "to live in Delft", "services into Nelson": a town of some size after "in"
            cued = (
                own >= _CUED_COMMON_WORD_MIN_POPULATION
                and IN_BEFORE.search(text, max(0, start - 12), start)
            ) or _TOWN_APPOSITIVE_BEFORE.search(text, max(0, start - 20), start)
            # ("the ancient city of Palmyra": a town, though a palm is also called so; "Jasper,
            # the mountain town": though jasper is a stone)
            cued = cued or TOWN_APPOSITIVE_AFTER.match(text, end)
            # ... or it opens a dateline: "Przemyśl (PAP) –", though "przemyśl" is a word of
            # the Polish word lists as the town
            cued = cued or _files_the_story(
                text, Mention(text=written, start=start, end=end, query=written)
            )
            if not cued and (
                own < _COMMON_WORD_MIN_POPULATION
                or (sentence_start and own < 1_000_000)
                # a word as everyday as "man" is a town only where the wording says so ("in
                # Man", "the western city of Man"), whatever its size: not "Iron Man"
                or is_everyday_word_in("en", written, zipf=_EVERYDAY_AS_MAN_ZIPF)
                # ... or as a function word of the text's language: Portuguese "Para Brasil, o
                # nível" is "for Brasil", not the state of Pará
                or is_everyday_word_in(text_language(text), written, zipf=_FUNCTION_WORD_ZIPF)
            ):
                return None
        if (
            not single
            and self.names.only_alternate(key)
            and all(
                is_common_word(t.text) or t.lower in _CONNECTORS for t in tokens[first : last + 1]
            )
            # (but "in Tal Afar": a name right after "in" with no article is a place's)
            and not IN_BEFORE.search(text, max(0, start - 12), start)
        ):
            return None  # "White House" is an alternate name of Casablanca, not a place here
        if (
            single
            and fclass != "country"
            and self._demonym_country(word.text)
            # (a country's own name stays a name: "Jordan"; its demonym does not: "Malian")
            and not (self.names.country_named(key) and not self.names.demonym_of(key))
        ):
            # "English" is the language or the people, not English, Indiana; "Malian troops"
            # are Mali's, not a village in Iran's
            return None

        following = text[end : end + 40].lower()
        if fclass != "country" and (
            _UNIT_AFTER.match(following)
            or _EQUIPMENT_AFTER.match(following)
            or _UNIT_WORD_BEFORE.search(text, max(0, start - 16), start)
        ):
            # "the Tamanskaya division", "Iskander launchers" (but "US drones"); "il reggimento
            # Azov", "le bataillon Donbass": a unit, where its language puts the word first
            return None
        if (
            single
            and fclass == "country"
            and _THE_BEFORE_NAME.search(text, max(0, start - 5), start)
            and _COUNTRY_UNIT_AFTER.match(following)
        ):
            # "the Belarus battalion", "the Georgia legion": named for the country, not in it
            return Mention(text=written, start=start, end=end, query=written, in_title=True)
        if _DISEASE_AFTER.match(following):
            # "Lassa fever", "Marburg virus", "Middle East respiratory syndrome": a disease's
            # name, as a surname is a person's (a big place stays a place elsewhere)
            return _PERSON
        kind, hint = "name", None
        if _BORDER_WITH_BEFORE.search(text, max(0, start - 24), start) and self.names.country_named(
            key
        ):
            hint = "country"  # "Katsina's border with Niger": the country, not Niger State
        elif (language := text_language(text)) != "en" and _country_called(language, key):
            hint = "country"  # German "Jamaika" is the island state, not Jamaica in Queens
        if (
            last == first + 1
            and word.lower in ("st", "saint")
            and is_first_name(tokens[last].text)
            and _POSSESSIVE.match(text, end)
        ):
            return None  # "St. Mary's High School", "St. John's Health System": the saint's
        if title == "organisation" or (title == "public body" and fclass not in _TOWN_CLASSES):
            if not self._names_bodies(fclass, key):
                return None  # "Kamyshin Cement": too small a place to be whom a body is named for
            return Mention(text=written, start=start, end=end, query=written, in_title=True)
        if title == "public body":
            # "Belchertown State School", "the Maryville Police Department": a town's own
            # school, police or council, however small the town
            return Mention(text=written, start=start, end=end, query=written, in_title=True)
        preceding = text[max(0, start - 40) : start].lower()
        head = after.lower if after is not None and joined_after else ""
        if head == "state" and self._us_state(written):
            pass  # "Mississippi State", "Ohio State": a university or its team, in the state
        elif head in REGION_WORDS and head not in REGION_PLURALS:
            kind, hint = "region", "admin2" if head in ADMIN2_WORDS else "admin1"
            end = after.end
        elif re.match(r"\s+(?:operational\s+)?direction\b", following) or re.search(
            r"direction\s+of\s+(?:the\s+)?$", preceding
        ):
            kind, hint = "direction", "admin1"
        elif re.match(r"\s+(?:railway\s+)?branch\b", following):
            kind, hint = "branch", "city"
        elif re.match(r"\s+(?:railway\s+|train\s+)?(?:station|junction|halt)\b", following):
            kind, hint = "station", "station"
        elif re.match(r"\s+(?:voblasts?|oblasts?)\b", following):
            kind, hint = "region", "admin1"
        elif _REGION_OF_BEFORE.search(preceding):
            kind, hint = "region", "admin1"  # "dans la région de Donetsk", "im Gebiet Donezk"
        # "fans of Zorya Luhansk", "Neman Grodno's home match": two names side by side in a
        # sentence about a game are a club's, named for the town
        in_club = kind == "name" and (
            (
                self._paired_name(text, tokens, first, last)
                and (sports_sentence(text, start, end) or match_report(text))
            )
            or side_in_game(
                text,
                start,
                end,
                country=fclass == "country",
                small_town=population < _COMMON_WORD_MIN_POPULATION,
            )
        )
        return Mention(
            text=text[start:end],
            start=start,
            end=end,
            query=written,
            kind=kind,
            hint=hint,
            in_title=in_club,
        )

    def _paired_name(self, text: str, tokens: list[Token], first: int, last: int) -> bool:
        """Whether a capitalised word stands right before or after the name, one space apart,
        and is neither a place modifier nor a region word: "Vorskla Poltava", "Zorya Luhansk";
        or before it with "de" between: "Talleres de Córdoba"."""
        for index in (first - 1, last + 1):
            if not 0 <= index < len(tokens):
                continue
            other = tokens[index]
            gap = (
                text[other.end : tokens[first].start]
                if index < first
                else text[tokens[last].end : other.start]
            )
            if index == first - 1 and other.lower in ("de", "del", "do", "da") and index > 0:
                joined = text[tokens[index - 1].end : other.start] == " " and gap == " "
                other, gap = tokens[index - 1], " " if joined else gap
            if (
                gap == " "
                and other.capitalised
                and not _german_noun(text, other)
                and other.lower not in PLACE_MODIFIERS
                and other.lower not in FUNCTION_WORDS
                and other.lower not in REGION_WORDS
                and other.lower not in MONTHS_AND_DAYS
            ):
                return True
        return False

    def _cyrillic_town(self, written: str) -> bool:
        """Whether a Cyrillic word is the name of a town of some size in a country that
        writes Cyrillic ("Пинск", "Орёл"; not "Мост", the Czech Most's Russian name)."""
        return any(
            c.country_code in CYRILLIC_COUNTRIES and (c.population or 0) >= _CYRILLIC_TOWN_MIN
            for c in self.names.candidates(written, loose=False)
        )

    def _region_after(self, text: str, end: int) -> bool:
        """Whether ", State" or ", Country" follows: "Eureka, Calif.", "Hope, Arkansas"."""
        match = _REGION_AFTER.match(text, end)
        if match is None:
            return False
        region = match.group(1)
        if region.replace(".", "").lower() in STATE_ABBREVIATIONS and region.endswith("."):
            return True
        return self.names.best_population(name_key(region))[1] in ("admin1", "country")

    def _names_bodies(self, fclass: str | None, key: str) -> bool:
        """Whether a place is big enough for firms and bodies to be named after it."""
        # a county too: "Limerick Maternity Hospital" (Limerick's county is as big as the city)
        if fclass == "other":
            # a region of regions ("Tipperary District Court"), a union of countries ("the EU
            # Transport Commissioner"); not a continent ("the Council of Europe" is no place)
            if key in _UNIONS:
                return True
            fclass = "admin2" if self.names.names_region_group(key) else None
        return (
            fclass in ("country", "admin1", "admin2", "city")
            and self.names.own_population(key) >= 10_000
        )

    def _after_given_name(self, text: str, tokens: list[Token], first: int) -> bool:
        """Whether a given name leads to this name through initials, particles or a hyphen:
        "Gino D. Bassett", "Mike de Kock", "Mario Diaz-Balart", "Claude Joseph Villars Dubreuil"."""
        i = first
        bridged = False  # a plain "Given Surname" pair is judged elsewhere, with populations
        for _ in range(4):
            if i == 0:
                return False
            prev = tokens[i - 1]
            gap = text[prev.end : tokens[i].start]
            initial = len(prev.text) == 1 and prev.text.isupper() and gap.startswith(".")
            particle = prev.lower in _NAME_PARTICLES and gap == " "
            if gap not in (" ", "-", ". ") or not (prev.capitalised or particle):
                return False
            if gap == ". " and not initial:
                return False  # "By Nate Raymond. BOSTON (Reuters)": a sentence ends there
            if initial or particle or gap == "-":
                bridged = True
            elif bridged and is_first_name(prev.text):
                return True
            elif not bridged and i < first and is_first_name(prev.text):
                return not is_common_word(prev.text)
            i -= 1
        return False

    def _full_name_at(self, text: str, tokens: list[Token], index: int) -> bool:
        """Whether a given name and a surname start at tokens[index]: "Mikayel Minasyan"."""
        if index + 1 >= len(tokens):
            return False
        given, surname = tokens[index], tokens[index + 1]
        return (
            text[tokens[index - 1].end : given.start] == " "
            and text[given.end : surname.start] == " "
            and surname.capitalised
            and is_first_name(given.text)
            and not is_common_word(given.text)
            and not self.names.has_key(name_key(given.text))
            and not self.names.has_key(name_key(f"{given.text} {surname.text}"))
        )

    def _us_state(self, written: str) -> bool:
        """Whether a US state bears this name (the country whose states are not "X State")."""
        return any(
            c.country_code == "US" and c.feature_class == "admin1"
            for c in self.names.candidates(written, loose=False)
        )

    def _dotted_city(self, written: str) -> bool:
        """ "L.A.": initials with stops that name one place only, a city of millions (not
        "P.A.", a firm's suffix that is also an old name of Chongqing)."""
        if "." not in written:
            return False
        places = self.names.candidates(written, loose=False)
        return (
            len(places) == 1
            and places[0].feature_class == "city"
            and places[0].population >= 1_000_000
        )

    def _surname(self, text: str, tokens: list[Token], index: int) -> bool:
        """Whether tokens[index] follows a given name or a person's title: "Bob Wimmer",
        "Sen. Ben Sasse", "Deputy Andrei Lugovoi"."""
        if index == 0:
            return False
        given = tokens[index - 1]
        return (
            given.capitalised
            and text[given.end : tokens[index].start] == " "
            and is_first_name(given.text)
            and given.lower not in FUNCTION_WORDS
        ) or self._after_title(text, tokens, index)

    def _word_part(self, text: str, key: str, end: int, after: Token) -> bool:
        """Whether ``after``, hyphened to a small place's name, is an English word and no town
        big enough to be meant by it alone: "Wal-Mart" is a firm, not a pair of places (but
        "Miami-Dade" is a county)."""
        return (
            text[end : after.start] != " "
            and self.names.own_population(key) < _COMMON_WORD_MIN_POPULATION
            and is_common_word(after.text)
            and self.names.own_population(name_key(after.text)) < _COMMON_WORD_MIN_POPULATION
        )

    def _after_title(self, text: str, tokens: list[Token], first: int) -> bool:
        """Whether a person's title stands before the name, perhaps with given names between:
        "Dr. Winters", "the Rev. Roy Jones", "State Rep. Jay Roberts"."""
        i = first
        for _ in range(3):
            if i == 0:
                return False
            prev = tokens[i - 1]
            gap = text[prev.end : tokens[i].start]
            if (
                prev.lower.rstrip(".") in PERSON_TITLES
                and gap.strip(" .") == ""
                # "expected to miss Rochester": a title that is an ordinary word only in capitals
                and (prev.capitalised or prev.lower not in _WORDLIKE_TITLES)
            ):
                # "Dr. Winters", but "... Municipal Court Judge. Columbus attorney ...": a
                # full word before a full stop ends a sentence
                abbreviated = "." not in gap or prev.lower in _ABBREVIATED_TITLES
                return "\n" not in gap and abbreviated
            if gap != " " or not prev.capitalised:
                return False
            i -= 1
        return False

    def _after_initials(self, text: str, tokens: list[Token], first: int, mention: Mention) -> bool:
        before = tokens[first - 1] if first > 0 else None
        if before is None or text[before.end : mention.start] != " " or mention.in_title:
            return False
        letters = before.text
        population, fclass = self.names.best_population(name_key(mention.text))
        return (
            mention.kind == "name"
            and 2 <= len(letters) <= 5
            and letters.isalpha()
            and letters.isupper()
            and not mention.text.isupper()
            and fclass in _TOWN_CLASSES
            # (not "US Kyiv", "UK Manchester": a country's or a big place's initials)
            and self._demonym_country(letters) is None
            and self.names.best_population(name_key(letters))[0] < _COMMON_WORD_MIN_POPULATION
        )

    def _inside_title(self, text: str, tokens: list[Token], first: int, last: int) -> str | None:
        """Whether the name sits in a capitalised title: "unit" when the title is a military
        unit's ("150th Idritsa-Berlin Order of Kutuzov ... Division"), "public body" when it is a
        town's own school, police or council ("Maryville Police Department"), "organisation" when it is
        a civil body's ("Ohio Supreme Court", "University of Texas"), else None."""
        lo = first
        # a bounded reach: walking a whole run of capitalised words for each name is quadratic
        while lo > 0 and first - lo < _TITLE_REACH:
            prev = tokens[lo - 1]
            gap = text[prev.end : tokens[lo].start]
            if gap not in (" ", "-", "‐") or not (
                prev.capitalised or is_ordinal(prev.text) or prev.lower in TITLE_JOINERS
            ):
                break
            if sentence_start_word(prev, text) and prev.lower in FUNCTION_WORDS:
                break
            lo -= 1
        hi = last
        while hi + 1 < len(tokens) and hi - last < _TITLE_REACH:
            nxt = tokens[hi + 1]
            gap = text[tokens[hi].end : nxt.start]
            if gap not in (" ", "-", "‐") or not (
                nxt.capitalised or is_ordinal(nxt.text) or nxt.lower in TITLE_JOINERS
            ):
                break
            hi += 1
        if any(
            is_ordinal(t.text) and t.text[0].isdigit() and not t.text.isdigit()
            for t in tokens[lo:first]
        ):
            return "unit"  # "150th ...", not "20 February Minsk"
        around = [t for t in tokens[lo:first] + tokens[last + 1 : hi + 1] if t.capitalised]
        if any(t.lower in UNIT_HEADS for t in around):
            return "unit"
        if any(t.lower in PUBLIC_HEADS for t in around):
            return "public body"
        if any(t.lower in CIVIL_HEADS for t in around):
            return "organisation"
        return None

    def _another_town(self, written: str, key: str) -> bool:
        """Whether ``written`` names a town other than ``key``'s (not a country or a region:
        "the Chernobyl plant in Ukraine" does not say it stands elsewhere)."""
        other = name_key(written)
        _, fclass = self.names.best_population(other)
        if other == key or not self.names.has_key(other) or fclass in ("country", "admin1"):
            return False
        # ("the Mozyr refinery, in Mazyr": one town in two spellings)
        ids = {c.geonameid for c in self.names.candidates(written, loose=False)}
        return not ids & {c.geonameid for c in self.names.candidates(key, loose=False)}

    def _is_place_word(self, token: Token, language: str = "en") -> bool:
        """A capitalised neighbour that is itself a place name or a demonym ("Belarusian");
        not a station's only ("Ukrainska Pravda"); in a language that declines names, a place
        name in one of its cases too ("menekültek Ukrajnából Záhonyba": from Ukraine to
        Záhony)."""
        key = name_key(token.text)
        return (
            (self.names.has_key(key) and not self.names.only_stations(key))
            or self._demonym_country(token.text) is not None
            or (language in _SMALL_NEWS_LANGUAGES and self._inflected_place(token.text, language))
        )

    def _inflected_place(self, word: str, language: str) -> bool:
        """Whether ``word`` is a place's name, or a country's in ``language``, in a case."""
        return any(
            word.endswith(ending)
            and len(word) - len(ending) >= 3
            and (
                self.names.has_key(name_key(lemma := word[: len(word) - len(ending)] + replacement))
                or _country_called(language, name_key(lemma)) is not None
            )
            for ending, replacement in _CASE_ENDINGS.get(language, ())
            if ending
        )

    def demonym_country(self, word: str) -> str | None:
        """ISO code of the country a name or demonym points to: "Belarusian" → "BY"."""
        return self._demonym_country(word)

    def written_form(self, written: str) -> str:
        """``"adjective"`` for a country's demonym ("Russian", "North Korean"), else
        ``"name"`` ("Russia", "Jordan"): corpora differ in whether they annotate the first."""
        return "adjective" if self.names.demonym_of(name_key(written)) else "name"

    def _demonym_country(self, word: str) -> str | None:
        key = name_key(word)
        country = self.names.country_named(key)
        if country:
            return country
        if self.names.own_population(key) >= _COMMON_WORD_MIN_POPULATION:
            return None  # "Beni" is a city of 140,000, not "Benin" with a demonym's ending
        for stem in demonym_country_stems(word):
            found = self.names.country_named(stem, prefix=True)
            if found:
                return found
        return None

    # -- places named by an adjective -------------------------------------------------------------

    def _demonyms(
        self,
        text: str,
        tokens: list[Token],
        taken: list[tuple[int, int]],
        not_places: set[str] = frozenset(),
        compounds: list[tuple[int, int, str]] = (),
    ) -> list[Mention]:
        """ "Russian troops", "the Ukrainian side": the country a demonym stands for, as GWN and
        LGL count them, where it qualifies a noun; never a language ("in English"), a people or
        a person ("the Nigerian scored", "many Chinese are"), a surname ("Monica French said")
        nor part of a title ("Belarusian Railways")."""
        out = []
        taken = SpanSet(taken)
        people = set(not_places)
        for i, token in enumerate(tokens):
            if i > 0 and self.names.demonym_of(name_key(token.text)) is not None:
                before = tokens[i - 1]
                if (
                    text[before.end : token.start] == " "
                    and before.capitalised
                    and is_first_name(before.text)
                    and before.lower not in FUNCTION_WORDS
                    and not sentence_start_word(token, text)
                ):
                    people.add(name_key(token.text))  # "Monica French", then "French said"
        out += self._nation_adjectives(text, tokens, taken, people)
        compounds = {first: (last, country) for first, last, country in compounds}
        inside = {i for first, (last, _) in compounds.items() for i in range(first + 1, last + 1)}
        for i, token in enumerate(tokens):
            if i in inside or not token.capitalised or name_key(token.text) in people:
                continue
            last, country = compounds.get(i, (i, self.names.demonym_of(name_key(token.text))))
            if country is None or taken.covers(token.start):
                continue
            end = tokens[last].end
            written = text[token.start : end]
            after = tokens[last + 1] if last + 1 < len(tokens) else None
            gap = text[end : after.start] if after is not None else ""
            if (
                text[token.start - 1 : token.start] not in ("-", "[")
                and _DEMONYM_AS_NOUN.match(text, end)
                and not (
                    after is not None
                    and _LIST_GAP.fullmatch(gap)
                    and self._demonym_country(after.text)
                )
            ):
                continue  # "the Nigerian scored", "were British, sources said"
            if (
                _WATER_AFTER.match(text, end)
                or _QUARTER_AFTER.match(text, end)
                or _DISEASE_AFTER.match(text, end)  # "the Spanish flu"
                or (len(country) > 2 and _AMERICAN_AFTER.match(text, end))
                or (
                    country == "US"
                    and _AMERICAN_BEFORE.search(text, max(0, token.start - 16), token.start)
                )
            ):
                continue  # "the Indian Ocean", "the French Quarter", "African American"
            if (
                after is not None
                and gap == " "
                and after.capitalised
                and after.lower not in _OFFICES_OF_STATE
            ):
                # "Belarusian Railways", "European Commission": the country the title names,
                # as names inside titles are, but no location of the text
                out.append(
                    Mention(written, token.start, end, country, "demonym", "country", in_title=True)
                )
                continue
            if (
                after is not None
                and gap in (" ", "-")
                and after.lower in ("language", "speaking", "speakers", "speaker")
            ):
                continue
            before = text[max(0, token.start - 6) : token.start].lower()
            if _LANGUAGE_OR_LESSON_BEFORE.search(text, max(0, token.start - 60), token.start) or (
                re.search(r"\bin\s$", before)
                and not (
                    after is not None
                    and gap == " "
                    and not after.capitalised
                    and after.lower not in FUNCTION_WORDS
                )
            ):
                continue  # "written in Russian", "translated into Russian in Kyiv"
            out.append(Mention(written, token.start, end, country, kind="demonym", hint="country"))
        return out

    def _nation_adjectives(
        self, text: str, tokens: list[Token], taken: SpanSet, people: set[str]
    ) -> list[Mention]:
        """ "the southern English city of Salisbury", "Welsh coastal towns" aside: a nation's
        adjective before a word for a place names the nation."""
        out = []
        for token, after in pairwise(tokens):
            nation = NATION_ADJECTIVES.get(token.lower)
            if (
                nation is None
                or not token.capitalised
                or taken.covers(token.start)
                or name_key(token.text) in people
                or text[token.end : after.start] != " "
                or after.lower not in PLACE_NOUNS
            ):
                continue
            out.append(
                Mention(token.text, token.start, token.end, nation, kind="name", hint="admin1")
            )
        return out

    def _compound_demonyms(self, text: str, tokens: list[Token]) -> list[tuple[int, int, str]]:
        """(first, last, country) of demonyms of two or three words: "Sri Lankan", "South
        African", "Papua New Guinean". Their words are no places of their own ("Puerto",
        "African")."""
        out = []
        # runs of capitalised words one space apart, where such demonyms can only be
        joined = [
            a.capitalised and b.capitalised and text[a.end : b.start] == " "
            for a, b in pairwise(tokens)
        ]
        i = 0
        while i < len(joined):
            found = None
            if joined[i]:
                three = i + 1 < len(joined) and joined[i + 1]
                for last in (i + 2, i + 1) if three else (i + 1,):
                    key = name_key(text[tokens[i].start : tokens[last].end])
                    country = self.names.demonym_of(key)
                    if country is not None:
                        found = (i, last, country)
                        break
            if found:
                out.append(found)
                i = found[1] + 1
            else:
                i += 1
        return out

    def _adjectival_places(self, document: Document, taken: list[tuple[int, int]]) -> list[Mention]:
        """ "the Osipovichsky range", "Brestsky district": a place named by its Russian or
        Belarusian adjective before a range, district or airfield."""
        out = []
        taken = SpanSet(taken)
        matches = list(_ADJECTIVAL_PLACE.finditer(document.text))
        matches += list(_SECOND_ADJECTIVAL.finditer(document.text))
        for match in matches:
            if document.is_skipped(match.start(), match.end()) or taken.covers(match.start()):
                continue
            stem, adjective = match.group("stem"), match.group("adj")
            # a place may be named by the adjective itself ("Obuz-Lesnovskiy")
            forms = [adjective, stem + "skiy", stem + "skij", stem + "ski"]
            forms += [stem + ending for ending in ("", "i", "y", "a", "o", "e")]
            form = next((f for f in forms if self.names.has_key(name_key(f))), None)
            if form is not None:
                start, end = match.span("adj")
                out.append(Mention(adjective, start, end, form, kind="name"))
        return out

    # -- regions named together: "the Mogilev, Gomel and Minsk regions" ----------------------

    def _cued_names(
        self, text: str, taken: list[tuple[int, int]], not_places: set[str]
    ) -> list[Mention]:
        """Names the wording says are places though the name index lacks this spelling:
        "Asipovichy station", "the station of Ptich", "the village of Kryvulnikovo". Stations are
        then matched loosely against the station lists; other names go to the loose gazetteer
        keys and, with --online, to the online geocoder."""
        out = []
        taken = SpanSet(taken)
        for pattern, kind in ((_STATION_CUE, "station"), (_SETTLEMENT_CUE, "name")):
            for match in pattern.finditer(text):
                group = "name" if match.group("name") else "name2"
                start, end = match.span(group)
                written = match.group(group)
                query = written
                if kind == "station" and match.group("number"):
                    end = match.end("number")
                    query = (
                        f"{written} {'I' * int(n) if (n := match.group('number')).isdigit() else n}"
                    )
                    written = text[start:end]
                if (
                    taken.overlaps(start, end)
                    or name_key(written) in not_places
                    or _ARABIC_NAME_GOES_ON.match(text, end)
                ):
                    continue  # "the town of Tal al-Hawa": not "Tal"
                first = written.split()[0]
                if first.lower() in FUNCTION_WORDS | MONTHS_AND_DAYS or (
                    " " in written and is_first_name(first)
                ):
                    continue  # "On Monday station...", "Ivan Petrov station master"
                taken.add(start, end)
                out.append(
                    Mention(
                        text=written,
                        start=start,
                        end=end,
                        query=query,
                        kind=kind,
                        hint="station" if kind == "station" else None,
                    )
                )
        return out

    def _unknown_words(
        self,
        text: str,
        tokens: list[Token],
        found: list[Mention],
        min_length: int = 5,
        openers: bool = False,
        keyed: bool = False,
    ):
        """Capitalised words of five letters (``min_length``) or more, not opening a sentence
        (unless ``openers``: an inflected name may well open one, "Vilniuje vyko"), outside the
        mentions found, that the index has no entry for: where the looser passes look."""
        taken = SpanSet((m.start, m.end) for m in found)
        for token in tokens:
            if (
                len(token.text) >= min_length
                and token.capitalised
                and (openers or not sentence_start_word(token, text))
                and not taken.covers(token.start)
                and (keyed or not self.names.has_key(name_key(token.text)))
            ):
                yield token

    def _inflected_cyrillic(
        self, text: str, tokens: list[Token], found: list[Mention], not_places: set[str]
    ) -> list[Mention]:
        """Cyrillic names in another case than the index's nominative: "под Жлобином" is
        Жлобин, "в Гомеле" Гомель, "из Мозыря" Мозырь."""
        out = []
        for token in self._unknown_words(text, tokens, found):
            word = token.text
            if not is_cyrillic(word):
                continue
            for ending, replacement in _CYRILLIC_CASE_ENDINGS:
                if not word.endswith(ending) or len(word) - len(ending) < 4:
                    continue
                lemma = word[: len(word) - len(ending)] + replacement
                if self.names.has_key(name_key(lemma)):
                    mention = self._judged_as(text, tokens, token, lemma, not_places)
                    if mention is not None:
                        out.append(mention)
                    break
        return out

    def _inflected_names(
        self, text: str, tokens: list[Token], found: list[Mention], not_places: set[str]
    ) -> list[Mention]:
        """In a text in a language that declines names, names in another case than the
        index's nominative: Polish "do Warszawy" is Warszawa, "pod Garwolinem" Garwolin;
        Czech "v Charkově" Charkov, "z Kolína" Kolín; Slovak "na Ukrajine"; Romanian
        "Ucrainei", "Kievului"; Lithuanian "Ukrainoje", "Kaune"; Latvian "Rīgā"; Hungarian
        "Kijevben", "Ukrajnában". A country's own name in the text's language stands for it
        though the index keeps no such name (Czech "Rusko" is also a given name): "v Rusku"
        is Russia. A foreign town's stem may be written as the text's language romanises it,
        "Kyjive" (Kyjiv-as): it is the town of the same phonetic skeleton in a country the
        text names."""
        language = text_language(text)
        endings = _CASE_ENDINGS.get(language)
        if endings is None:
            return []
        named = None
        out = []
        # (an opener too where the language capitalises no adjective of a country's name,
        # unlike Polish "Polskie i sojusznicze myśliwce")
        # ... and a word the index keeps only for what the main pass left out: Latvian
        # "no Rēzeknes" is also a municipality's name, of a few thousand people
        small = language in _SMALL_NEWS_LANGUAGES
        for token in self._unknown_words(
            text, tokens, found, min_length=4, openers=small, keyed=small
        ):
            word = token.text
            keyed = self.names.has_key(name_key(word))
            lemmas = [
                word[: len(word) - len(ending)] + replacement
                for ending, replacement in endings
                # (a stem of two letters only where the ending gives letters back: "Lidzie")
                if word.endswith(ending)
                and len(word) - len(ending) >= (2 if replacement else 3)
                # (a word the index keeps is read in another case only)
                and not (keyed and ending == replacement)
            ]
            # a country's own name in the language first ("Rusku": Rusko, not Rusk, Texas)
            countries = [c for c in (_country_called(language, name_key(x)) for x in lemmas) if c]
            known = [x for x in lemmas if self.names.has_key(name_key(x))]
            if not countries and not known and language in _STEM_LANGUAGES:
                if named is None:
                    named = self._countries_named(found)
                known = [
                    spelling
                    for x in lemmas
                    if len(x) >= 4
                    and self.names.loose_countries(x) & named
                    and (spelling := self._loose_spelling(x)) is not None
                ][:1]
            for lemma in countries[:1] or known:
                key = name_key(lemma)
                country = bool(countries)
                if not country and is_common_word(lemma):
                    continue
                # ("Polskich Linii Kolejowych": "linia" is a line, though a village is Linia;
                # an everyday word, not only a frequent one: Polish news names Zamość often)
                common = not country and (
                    is_everyday_word_in(language, lemma, zipf=_EVERYDAY_NAME_ZIPF)
                    or is_everyday_word_in(language, word, zipf=_EVERYDAY_NAME_ZIPF)
                )
                if (
                    common
                    and self.names.best_population(key)[0] < _COMMON_WORD_MIN_POPULATION
                    and not self._home_city(language, lemma)
                ):
                    continue
                # a locative case places the name as "in" does: "mama Lydoje" (in Lida),
                # though Volha Lyda speaks in the text
                located = word.endswith(_LOCATIVE_ENDINGS.get(language, ()))
                mention = self._judged_as(text, tokens, token, lemma, not_places, located)
                if mention is not None:
                    out.append(mention)
                break
        return out

    def _german_genitives(
        self, text: str, tokens: list[Token], found: list[Mention], not_places: set[str]
    ) -> list[Mention]:
        """In a German text, a country's or a city's name in the genitive: "an der Ostgrenze
        Estlands" is Estland, "Kiews Bürgermeister" Kiew. Only countries and cities of some
        size: a small town's "-s" is as likely part of another word."""
        if text_language(text) != "de":
            return []
        out = []
        for token in self._unknown_words(text, tokens, found):
            word = token.text
            if not word.endswith("s") or word.endswith(("ss", "ß")):
                continue
            lemma = word[:-1]
            population, fclass = self.names.best_population(name_key(lemma))
            country = _country_called("de", name_key(lemma))  # "Ungarns": Ungarn
            if country is not None:
                lemma = country
            elif not (
                fclass == "country"
                or (fclass == "city" and population >= _GERMAN_GENITIVE_MIN_POPULATION)
            ):
                continue
            mention = self._judged_as(text, tokens, token, lemma, not_places)
            if mention is not None:
                out.append(mention)
        return out

    def _judged_as(
        self,
        text: str,
        tokens: list[Token],
        token: Token,
        lemma: str,
        not_places: set[str],
        located: bool = False,
    ) -> Mention | None:
        """The mention of an inflected name read as its nominative would be: none where the
        nominative is someone's or something's in this text, unless the wording or a
        locative case (``located``) places it, or the context says so ("zdaniem Dęblina",
        "według Kowla": a man's surname in the genitive)."""
        mention = Mention(text=token.text, start=token.start, end=token.end, query=lemma)
        if name_key(lemma) in not_places and not located and not _placed_by_wording(text, mention):
            return None  # (but "emeryt spod Sobolewa", beside Stanisław Sobolew, is the village)
        index = bisect_left(tokens, token.start, key=_token_start)
        verdict = self._judge(text, tokens, index, index, spelling=lemma)
        if not isinstance(verdict, Mention):
            return None
        return replace(mention, in_title=verdict.in_title)

    def _variant_pairs(
        self, text: str, tokens: list[Token], found: list[Mention], not_places: set[str]
    ) -> list[Mention]:
        """Two-word places in a romanisation the index lacks ("Maryina Horka" for Mar'ina
        Gorka, "Krivoi Rog" for Kryvyy Rih): two capitalised words that no entry is called,
        whose phonetic skeleton together is a town's in a country the text names or (for
        Belarus, Ukraine and Russia) the country of its towns."""
        named = self._countries_named(found)
        countries = named | (self._countries_of_towns(found) & EAST_SLAVIC_COUNTRIES)
        if not countries:
            return []
        taken = SpanSet((m.start, m.end) for m in found)
        out = []
        for index in range(len(tokens) - 1):
            first, second = tokens[index], tokens[index + 1]
            written = text[first.start : second.end]
            if (
                not (first.capitalised and second.capitalised)
                or text[first.end : second.start] != " "
                or taken.overlaps(first.start, second.end)
                or (out and out[-1].end > first.start)
                or is_common_word(first.text)
                or is_first_name(first.text)
                or name_key(written) in not_places
                or self.names.has_key(name_key(written))
                or self.names.has_key(name_key(first.text))
            ):
                continue
            towns = [
                c
                for c in self.names.candidates(written)
                if c.match == "variant"
                and c.feature_class in ("city", "village")
                and c.country_code in countries
            ]
            if not towns:
                continue
            town = max(towns, key=lambda c: c.population)
            verdict = self._judge(text, tokens, index, index + 1, spelling=town.name)
            if isinstance(verdict, Mention):
                out.append(
                    Mention(
                        text=written,
                        start=first.start,
                        end=second.end,
                        query=written,
                        in_title=verdict.in_title,
                    )
                )
        return out

    def _variant_names(
        self, text: str, tokens: list[Token], found: list[Mention], not_places: set[str]
    ) -> list[Mention]:
        """Places written in a romanisation the index lacks ("Naroulia" for Narovlya, "Schlobin"
        for Zhlobin): a capitalised word with no exact entry, respelt from a German, French,
        Polish or Łacinka spelling or matched by its phonetic skeleton, that names a place in a
        country the text already names. Ordinary words, given names and sentence openers
        are left alone."""
        named = self._countries_named(found)
        # a respelling may also follow the towns the text names ("Police in Svietlahorsk ...
        # trains through Schlobin"): the country of each town of some size
        towns = named | self._countries_of_towns(found)
        position = {token.start: i for i, token in enumerate(tokens)}
        places = sorted((m for m in found if m.kind == "name" and not m.in_title), key=_start)
        starts = [m.start for m in places]
        out = []
        for token in self._unknown_words(text, tokens, found):
            word = token.text
            if (
                word.isupper()
                or any(ch.isupper() for ch in word[1:])  # "UConn": no romanisation
                or is_common_word(word)
                or is_first_name(word)
                or self._demonym_country(word)
            ):
                continue
            # someone's or something's name here, unless the wording places it: "nach
            # Molodetschno und Sluzk" beside the expert Pawel Sluzk
            if (
                name_key(word) in not_places or self._surname(text, tokens, position[token.start])
            ) and not (
                _placed_by_wording(text, _mention_at(token))
                or _listed_beside(text, token, places, starts)
            ):
                continue
            before = text[max(0, token.start - 2) : token.start]
            after = text[token.end : token.end + 2]
            if (
                before.endswith(("-", "‐"))
                or after.startswith(("-", "‐"))
                or (after[:1] == " " and after[1:2].isupper())
            ):
                continue  # part of a longer name
            if _called_so(text, token.start, token.end):
                continue  # "the prize went to Yahidne, a 40-minute film"
            if _person_wording(text, token.start, token.end):
                continue  # "Schlobin said", "Naroulia, 45, was detained": a surname
            if side_in_game(text, token.start, token.end, country=False, small_town=True):
                continue  # "Polissya 1 Oleksandriya 1": a side, in another spelling
            respelt = self._respelt(word, towns, text_language(text))
            # "Khoiniki" beside Asipovichy is Khoyniki: in a country the text names, or (for
            # the romanisations of Belarus, Ukraine and Russia) the country of its towns
            if (
                respelt is None
                and not self.names.loose_countries(word) & (named | (towns & EAST_SLAVIC_COUNTRIES))
                and not self._city_respelt_after_in(text, token)
            ):
                continue
            # the context is read as for the name in the index's spelling: "la chaîne
            # Chebekino 24", "la centrale de Zaporijia, à Enerhodar" name a thing
            index = position[token.start]
            verdict = self._judge(
                text, tokens, index, index, spelling=respelt or self._loose_spelling(word)
            )
            if not isinstance(verdict, Mention):
                continue
            out.append(
                Mention(
                    text=word,
                    start=token.start,
                    end=token.end,
                    query=respelt or word,
                    respelt=respelt is not None,
                    in_title=verdict.in_title,
                )
            )
        return out

    def _loose_spelling(self, word: str) -> str | None:
        """The index's own name of the most populous entry whose phonetic skeleton ``word``
        shares ("Khoiniki": Khoyniki), or None."""
        best = max(self.names.candidates(word), key=lambda c: c.population, default=None)
        return best.name if best is not None else None

    def _city_respelt_after_in(self, text: str, token: Token) -> bool:
        """ "fighting in Qamishli": after "in", "near", "at", a word no entry is called that is
        another spelling of a city of some size ("Al Qāmishlī") is that city, wherever it is."""
        return bool(IN_BEFORE.search(text, max(0, token.start - 8), token.start)) and any(
            c.feature_class == "city" and c.population >= _RESPELT_CITY_ALONE
            for c in self.names.candidates(token.text)
        )

    def _respelt_from_abroad(self, text: str, found: list[Mention]) -> list[Mention]:
        """ "near Rzeczyca, in south-eastern Belarus": a name whose every entry lies in
        countries the text does not name, in a text that names Belarus, Ukraine or Russia, is
        the town of that country it respells to (Rechytsa, not the Polish village)."""
        named = self._countries_named(found) & EAST_SLAVIC_COUNTRIES
        if not named:
            return found
        language = text_language(text)
        out = []
        for mention in found:
            if mention.kind == "name" and not mention.in_title and mention.query == mention.text:
                entries = self.names.candidates(mention.query, loose=False)
                countries = {c.country_code for c in entries}
                # ... or whose every entry is a village of no known size ("Mosyr" is only a
                # Volyn village's post-office name; in a text about Belarus, Mazyr)
                hamlets = all(
                    c.feature_class in ("village", "station") and not c.population for c in entries
                )
                if countries and (not countries & named or hamlets):
                    spelling = self._respelt(mention.text, named, language)
                    if spelling is not None and (
                        not countries & named
                        or self.names.best_population(name_key(spelling))[0] >= _TOWN_OF_SOME_SIZE
                    ):
                        mention = replace(mention, query=spelling, respelt=True)
            out.append(mention)
        return out

    def _common_words_in_country(
        self, text: str, tokens: list[Token], found: list[Mention], not_places: set[str]
    ) -> list[Mention]:
        """A town whose name is an English word, after "in", "near", "at" or before ", a town",
        in a country the text is about: "fighting near Sake" beside Goma and North Kivu,
        "raided Cabaret, a coastal town" beside Port-au-Prince. Alone, such a
        word needs a bigger town to be believed (see ``_judge``)."""
        countries = self._countries_named(found) | self._countries_of_towns(found)
        if not countries:
            return []
        taken = SpanSet((m.start, m.end) for m in found)
        out = []
        for index, token in enumerate(tokens):
            if (
                not token.capitalised
                or not is_common_word(token.text)
                or taken.overlaps(token.start, token.end)
                or (
                    index + 1 < len(tokens)
                    and tokens[index + 1].capitalised
                    and text[token.end : tokens[index + 1].start] == " "
                )
            ):
                continue  # (a word of a longer name: "in Sake Bay Hotel" is judged as one)
            said_a_town = TOWN_APPOSITIVE_AFTER.match(text, token.end) is not None
            if not (said_a_town or IN_BEFORE.search(text, max(0, token.start - 12), token.start)):
                continue
            key = name_key(token.text)
            if (
                key in not_places
                or key in NOT_PLACES
                or token.lower in MONTHS_AND_DAYS  # "in March"
                or text[token.end : token.end + 1] in ("'", "’")  # "at Moody's Analytics"
            ):
                continue
            if any(
                c.feature_class in ("city", "village")
                and c.match == "exact"
                # (the text saying "a town" needs no size)
                and (said_a_town or c.population >= _COMMON_WORD_TOWN_IN_COUNTRY)
                and c.country_code in countries
                for c in self.names.candidates(token.text, loose=False)
            ):
                out.append(Mention(token.text, token.start, token.end, token.text, kind="name"))
        return out

    def _countries_named(self, found: list[Mention]) -> set[str]:
        """ISO codes of the countries the mentions name, by name or by demonym."""
        return {
            self.names.country_named(name_key(m.query))
            or (m.query if m.kind == "demonym" else None)
            for m in found
        } - {None}

    def _countries_of_towns(self, found: list[Mention]) -> set[str]:
        """Countries of the towns of 10,000 or more that the mentions name."""
        out = set()
        for mention in found:
            if mention.kind != "name" or mention.in_title:
                continue
            towns = [
                c
                for c in self.names.candidates(mention.query, loose=False)
                if c.feature_class == "city" and c.population >= _TOWN_OF_SOME_SIZE
            ]
            if towns:
                out.add(max(towns, key=lambda c: c.population).country_code)
        return out

    def _respelt(self, word: str, named: set[str], language: str) -> str | None:
        """The English spelling of a German, French, Polish or Łacinka one ("Schlobin" is
        Zhlobin), or in a Spanish text a Spanish one ("Jmelnitski"), that names a place in a
        country the text names; in a text about Belarus, also the Russian form of a
        Belarusian one ("Azarychy" is Ozarichi)."""
        for spelling in respellings(word, language):
            if self.names.has_key(name_key(spelling)) and any(
                c.country_code in EAST_SLAVIC_COUNTRIES
                and (
                    c.country_code in named
                    # or a respelling so specific that it needs no country ("Schlobin")
                    or (
                        c.feature_class == "city"
                        and c.population >= _RESPELT_ALONE
                        and unmistakable(word)
                    )
                )
                for c in self.names.candidates(spelling, loose=False)
            ):
                return spelling
        if "BY" in named:
            for spelling in belarusian_respellings(word):
                if self.names.has_key(name_key(spelling)) and any(
                    c.country_code == "BY" for c in self.names.candidates(spelling, loose=False)
                ):
                    return spelling
        return None

    def _state_abbreviations(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """US states and Canadian provinces as the news abbreviates them: "S.C.", "W.Va." and
        "B.C." anywhere, "Ky." and "Ind." only after "Town, " or "Town (" (alone they are
        words: "Ill.", "Miss.", "Man."); postal codes ("Nelson, BC") after a town in them."""
        taken = SpanSet(taken)
        out = self._postal_codes(text, taken)
        for mention in out:
            taken.add(mention.start, mention.end)
        for match in _STATE_ABBREVIATION.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            written = match.group()
            key = re.sub(r"[.\s]", "", written).lower()  # "W. Va." as "W.Va."
            name = STATE_ABBREVIATIONS.get(key)
            if name is None:
                continue
            dotted = written.count(".") >= 2
            if dotted and key not in _DOTTED_STATES:
                continue
            if key == "bc" and re.search(r"\d\s?\Z", text[max(0, start - 3) : start]):
                continue  # "100 B.C.": a year before Christ
            if (
                not dotted
                and not _AFTER_TOWN.search(text[max(0, start - 40) : start])
                # "Fla. economist", "N.Va. suspect": an abbreviation that is no word or title
                # is the state anywhere; "Ill.", "Miss.", "Del." only after a town
                and (is_common_word(key) or key in _TITLE_LIKE_STATES)
            ):
                continue
            out.append(
                Mention(
                    text=written, start=start, end=end, query=name, kind="region", hint="admin1"
                )
            )
        return out

    def _postal_codes(self, text: str, taken: SpanSet) -> list[Mention]:
        """ "Nelson, BC", "Columbia, SC", "Bendigo, VIC": a postal code after a town that lies
        in the region it stands for ("John Smith, MD" is a doctor)."""
        out = []
        for match in _POSTAL_CODE_AFTER.finditer(text):
            if taken.overlaps(*match.span("code")):
                continue
            words = match.group("town").split()
            while words and words[0].lower() in FUNCTION_WORDS:
                words = words[1:]  # "The Kelowna, BC office"
            town = " ".join(words)
            for country, region in postal_regions().get(match.group("code"), ()):
                if town and self._lies_in(town, country, region):
                    code = match.group("code")
                    start, end = match.span("code")
                    out.append(Mention(code, start, end, region, kind="region", hint="admin1"))
                    break
        return out

    def _lies_in(self, town: str, country: str, region: str) -> bool:
        """Whether the gazetteer has a place called ``town`` in the first-level region."""
        codes = {
            c.admin1
            for c in self.names.candidates(region, loose=False)
            if c.feature_class == "admin1" and c.country_code == country
        }
        return any(
            c.country_code == country and c.admin1 in codes and c.feature_class != "admin1"
            for c in self.names.candidates(town, loose=False)
        )

    def _counties_named_after(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """Irish and British counties, written with the word first: "County Mayo",
        "Co. Antrim"."""
        taken = SpanSet(taken)
        out = []
        for match in _COUNTY_FIRST.finditer(text):
            name = match.group("name")
            if taken.overlaps(*match.span()) or not self.names.names_region(name_key(name)):
                continue
            out.append(
                Mention(
                    text=match.group(),
                    start=match.start(),
                    end=match.end(),
                    query=name,
                    kind="region",
                    hint="admin2",
                )
            )
        return out

    def _listed_regions(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """The names of a list that ends in a plural region word, when the index knows them;
        a US county by its full name ("Cooke" is asked as "Cooke County")."""
        out = []
        taken = SpanSet(taken)
        for match in _REGION_LIST.finditer(text):
            head = match.group("head").lower()
            hint = "admin2" if head in ADMIN2_WORDS or head == "parishes" else "admin1"
            suffix = {"counties": " County", "parishes": " Parish"}.get(head, "")
            names = list(_LISTED_NAME.finditer(text, *match.span("names")))
            for name in names:
                start, end = name.span()
                written = name.group()
                first = written.split()[0]
                if first.lower() in FUNCTION_WORDS:  # "And Minsk", "The Smith"
                    if first == written:
                        continue
                    start += len(first) + 1
                    written = text[start:end]
                if taken.overlaps(start, end):
                    continue
                query = written + suffix
                if not self.names.has_key(name_key(query)):
                    if not suffix or not self.names.has_key(name_key(written)):
                        continue
                    query = written
                if name is names[-1]:  # "Minsk regions": the last name takes the head word
                    end = match.end("head")
                out.append(Mention(text[start:end], start, end, query, kind="region", hint=hint))
        return out

    def _regions_by_wording(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """Regions named as the text's language names them: by an adjective and the word
        for a region (:meth:`_region_by_adjective`), or by a genitive and that word
        (:meth:`_region_by_genitive`)."""
        language = text_language(text)
        taken = SpanSet(taken)
        out = []
        for pattern, region_query in (
            (_REGION_BY_ADJECTIVE.get(language), self._region_by_adjective),
            (_REGION_BY_GENITIVE.get(language), self._region_by_genitive),
        ):
            for match in pattern.finditer(text) if pattern is not None else ():
                if taken.overlaps(*match.span()):
                    continue
                query = region_query(match, language)
                if query is None:
                    continue
                start, end = match.span()
                out.append(
                    Mention(text[start:end], start, end, query, kind="region", hint="admin1")
                )
        return out

    def _region_by_adjective(self, match: re.Match, language: str) -> str | None:
        """Polish "w województwie lubelskim" (Lubelskie), "w obwodzie brzeskim" (Brest),
        "obwód charkowski" (Kharkiv); Czech and Slovak "v Doněcké oblasti", "v Košickom kraji".
        The adjective is read against the regions' own names ("lubelsk-": Lubelskie,
        "wołyńsk-": Volynska), else against the towns whose names it is made from ("brzesk-":
        Brześć, "charkowsk-": Charków): the region is the one that town lies in."""
        code = self._region_of_adjective(match.group("stem"))
        region = self.names.admin1_candidate(code) if code else None
        return self._region_query(code, region) if region is not None else None

    def _region_by_genitive(self, match: re.Match, language: str) -> str | None:
        """Latvian "Rēzeknes novadā" (Rēzeknes novads), Lithuanian "Kaliningrado srityje"
        (the Kaliningrad oblast): a name in the genitive before the word for a region."""
        name = match.group("name")
        # Latvian keeps the genitive in the region's own name: "Rēzeknes novads"
        queries = ([f"{name} novads"] if language == "lv" else []) + [
            name[: len(name) - len(ending)] + replacement
            for ending, replacement in _LITHUANIAN_CASE_ENDINGS
            if ending and name.endswith(ending)
        ]
        return next(
            (
                query
                for query in queries
                if any(
                    c.feature_class == "admin1" for c in self.names.candidates(query, loose=False)
                )
            ),
            None,
        )

    def _region_query(self, code: str, region: Candidate) -> str:
        """A name that asks for this region and no other: "Kyiv" is also Kyiv City, so the
        oblast is asked for as "kyivska oblast"."""
        keys = sorted(self.names.prefixed_rows(name_key(region.name)), key=lambda kr: len(kr[0]))
        for key, _row in keys:
            regions = [c for c in self.names.candidates(key) if c.feature_class == "admin1"]
            if regions and all(c.admin1 == code for c in regions):
                return key
        return region.name

    def _region_of_adjective(self, stem: str) -> str | None:
        """The admin-1 code a Polish region adjective's stem ("brzesk", "lubelsk") names."""
        key = name_key(stem)
        for prefix in (key, key.replace("w", "v")):
            # (a key longer than the stem: "lubelskie", "minskaya voblasts", not "minsk")
            entries = (
                self.names.candidate(row)
                for found_key, row in self.names.prefixed_rows(prefix)
                if found_key != prefix
            )
            codes = {c.admin1 for c in entries if c.feature_class == "admin1"}
            if len(codes) == 1:
                return codes.pop()
        # the town the adjective is made from: "brzesk" less its suffix is "brze", Brześć
        base = name_key(re.sub(r"(?:ń?sk|ck|dzk)\Z", "", stem))
        if len(base) < 4:
            return None
        best = None
        for found_key, row in self.names.prefixed_rows(base[:4]):
            town = self.names.candidate(row)
            if (
                town.feature_class != "city"
                or town.population < _POLISH_REGION_SEAT_MIN_POPULATION
                or town.country_code not in _POLISH_REGION_COUNTRIES
            ):
                continue
            shared = len(os.path.commonprefix([base, found_key]))
            rank = (shared, town.population)
            if shared >= 4 and (best is None or rank > best[0]):
                best = (rank, town)
        if best is None:
            return None
        town = best[1]
        region = self.names.admin1_candidate(town.admin1)
        if region is not None and name_key(region.name).endswith(" city"):
            # a capital that is a region of its own (Kyiv City): its oblast surrounds it
            return self._region_around(town)
        return town.admin1

    def _region_around(self, town: Candidate) -> str | None:
        """The admin-1 region nearest a city that is a region of its own, in its country."""
        regions = [
            c
            for c in (self.names.admin1_candidate(code) for code in self.names.admin1_codes())
            if c is not None and c.country_code == town.country_code and c.admin1 != town.admin1
        ]
        nearest = min(
            regions,
            key=lambda c: haversine_km(c.lat, c.lon, town.lat, town.lon),
            default=None,
        )
        return nearest.admin1 if nearest is not None else None

    def _coordinated_regions(self, text: str, found: list[Mention]) -> list[Mention]:
        by_start = sorted(found, key=lambda m: m.start)
        out = list(by_start)
        for idx, mention in enumerate(by_start):
            head = re.match(r"\s+(\w+)", text[mention.end : mention.end + 30])
            if not head or head.group(1).lower() not in REGION_PLURALS:
                continue
            hint = "admin2" if head.group(1).lower() in ADMIN2_WORDS else "admin1"
            if hint == "admin2" and self.names.best_population(name_key(mention.query))[1] in (
                "country",
                "admin1",
            ):
                continue  # "Indiana counties", "Belarus districts": the state or country holding them
            out[idx] = _as_region(mention, hint, text, mention.end + head.end())
            back = idx
            while back > 0:
                gap = text[by_start[back - 1].end : by_start[back].start]
                if not re.fullmatch(r",?\s*(?:and|or|&)?\s*|,\s*", gap):
                    break
                back -= 1
                out[back] = _as_region(by_start[back], hint, text, None)
        return out

    # -- rail sections ----------------------------------------------------------------------

    def _sections(self, document: Document) -> list[Mention]:
        text = document.text
        out = []
        for pattern in (_SECTION, _BETWEEN_STATIONS, _BETWEEN_ON_TRACK):
            for match in pattern.finditer(text):
                if document.is_skipped(match.start(), match.end()):
                    continue
                a, b = match.group("a"), match.group("b")
                if a.lower() in FUNCTION_WORDS or b.lower() in FUNCTION_WORDS:
                    continue
                # "between A and B" after rail gear is a section only if A and B are stations
                hint = "track" if pattern is _BETWEEN_ON_TRACK else "station"
                parts = (
                    Mention(a, match.start("a"), match.end("a"), a, kind="station", hint="station"),
                    Mention(b, match.start("b"), match.end("b"), b, kind="station", hint="station"),
                )
                out.append(
                    Mention(
                        text=text[match.start("a") : match.end("b")],
                        start=match.start("a"),
                        end=match.end("b"),
                        query=f"{a}–{b}",
                        kind="section",
                        hint=hint,
                        parts=parts,
                    )
                )
        return out

    # -- borders ----------------------------------------------------------------------------

    def _borders(self, document: Document) -> list[Mention]:
        text = document.text
        out = []
        for pattern in (_BORDER_BETWEEN, _RAIL_BETWEEN, _BORDER_ADJ, _BORDER_WITH):
            for match in pattern.finditer(text):
                if document.is_skipped(match.start(), match.end()):
                    continue
                if any(m.start <= match.start() < m.end for m in out):
                    continue
                parts = []
                for group in ("a", "b"):
                    if group not in match.groupdict() or not match.group(group):
                        continue
                    word = match.group(group)
                    country = self._demonym_country(word)
                    if country is None:
                        break
                    parts.append(
                        Mention(
                            word,
                            match.start(group),
                            match.end(group),
                            country,
                            kind="name",
                            hint="country",
                        )
                    )
                else:
                    if parts:
                        out.append(
                            Mention(
                                text=match.group(),
                                start=match.start(),
                                end=match.end(),
                                query=" ".join(p.query for p in parts),
                                kind="border",
                                hint="country",
                                parts=tuple(parts),
                            )
                        )
        return out


def _opens_title(text: str, tokens: list[Token], first: int) -> bool:
    """Whether tokens[first] starts its run of capitalised words ("the Minnesota National
    Guard"), rather than standing inside one ("150th Idritsa-Berlin ... Division")."""
    if first == 0:
        return True
    before = tokens[first - 1]
    joined = text[before.end : tokens[first].start] in (" ", "-", "‐")
    ordinal = before.text[:1].isdigit() and not before.text.isdigit()  # "150th", not "230"
    return not (joined and (before.capitalised or ordinal)) or before.lower in FUNCTION_WORDS


def _place_cue(text: str, start: int, end: int) -> bool:
    """Whether the words around a name say it is a place: "in Hailey", "Hailey, Idaho",
    "Hailey, a town in Idaho", "a Hailey man", "HAILEY —"."""
    if LOCATIVE_CUE_BEFORE.search(text, max(0, start - 30), start):
        return True
    if _STATE_AFTER.match(text, end) or TOWN_APPOSITIVE_AFTER.match(text, end):
        return True  # "Hailey, Idaho"; "Sake, a town some 25 km west of Goma"
    if _TOWN_APPOSITIVE_BEFORE.search(text, max(0, start - 20), start):
        return True  # "whose capital, Dori,"; "the town of Hailey"
    if _DISTANCE_AFTER.match(text, end):
        return True  # "Sake, about 25 kilometres west of Goma"
    institution = _HEAD_COMMA_BEFORE.search(text, max(0, start - 24), start)
    if institution and institution.group(1).lower() in CIVIL_HEADS:
        return True  # "Carle Foundation Hospital, Urbana": the town the body is in
    noun = _NOUN_AFTER.match(text, end)
    return bool(
        noun
        and noun.group(1) not in FUNCTION_WORDS
        and noun.group(1) not in _VERBS_AFTER_A_NAME
        and not noun.group(1).endswith("ed")
    )


def _after_initial(text: str, tokens: list[Token], first: int) -> bool:
    """Whether a capitalised word and a middle initial stand before the name: "Kijuan D.
    McDonald", "Merinda K. Robinson" (given names no list holds)."""
    if first < 2:
        return False
    initial, given = tokens[first - 1], tokens[first - 2]
    return (
        len(initial.text) == 1
        and initial.text.isupper()
        and text[initial.end : tokens[first].start] == ". "
        and text[given.end : initial.start] == " "
        and given.capitalised
        and len(given.text) > 1
        and not given.text.isupper()
        and given.lower not in FUNCTION_WORDS
        and given.lower not in PLACE_MODIFIERS
    )


def _after_initials(text: str, tokens: list[Token], first: int) -> bool:
    """Whether two initials stand before the name: "J.M. Barrie", "H. L. Snyder Funeral
    Home" (not a place's abbreviation: "U.S.", "N.J.")."""
    if first < 1:
        return False
    prev = tokens[first - 1]
    if _INITIALS.fullmatch(prev.text) and text[prev.end : tokens[first].start] == " ":
        letters = prev.text.replace(".", "")  # one token: "J.M."
    elif first >= 2:
        one, two = tokens[first - 2], prev
        if not (
            all(len(t.text) == 1 and t.text.isupper() for t in (one, two))
            and text[one.end : two.start] in (".", ". ")
            and text[two.end : tokens[first].start] == ". "
        ):
            return False
        letters = one.text + two.text
    else:
        return False
    return letters.lower() not in STATE_ABBREVIATIONS and letters.lower() not in _COUNTRY_INITIALS


def _vehicle(text: str, tokens: list[Token], first: int) -> bool:
    """Whether tokens[first] is a car's make after a model year or a colour ("a 1992 Toyota",
    "a brown Cadillac driven by") or its model after a make ("Dodge Durango", "Jeep
    Cherokee")."""
    word = tokens[first]
    if first > 0:
        prev = tokens[first - 1]
        if (
            prev.lower in CAR_MAKES
            and text[prev.end : word.start] == " "
            and word.lower not in REGION_WORDS
            and word.lower not in ORGANISATION_HEADS
            and word.lower not in PLACE_MODIFIERS
        ):
            return True
        if word.lower in CAR_MAKES and text[prev.end : word.start] == " ":
            if prev.lower in COLOURS or re.fullmatch(r"(?:19|20)\d\d", prev.text):
                return True
    # a make before its model: "the Toyota Tacoma", "the Hyundai Santa Cruz" (not "Toyota
    # City", "Jaguar Land Rover")
    if word.lower in CAR_MAKES and first + 1 < len(tokens):
        model = tokens[first + 1]
        return (
            text[word.end : model.start] == " "
            and model.capitalised
            and not is_common_word(model.text)
            and model.lower not in REGION_WORDS
        )
    return False


def _said_or_done(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] says or does what only a person does: a speech or
    a deed after it ("Schlobin said", "Schlobin fled"), a quote's verb before it ('", said
    Schlobin.'), an age then a verb ("Kovel, 52, said")."""
    return bool(
        _SPEECH_VERB_AFTER.match(text, end)
        or _PERSON_VERB_AFTER.match(text, end)
        or (
            _QUOTE_SAID_BEFORE.search(text, max(0, start - 24), start)
            and _SPEAKER_ENDS_AFTER.match(text, end)
        )
        or _AGE_THEN_VERB_AFTER.match(text, end)
    )


def _person_wording(text: str, start: int, end: int) -> bool:
    """Whether the words around text[start:end] are a person's, whatever the name: what only
    people say or do, or a person's appositive after it ("Schlobin, a reporter,")."""
    return _said_or_done(text, start, end) or bool(_PERSON_APPOSITIVE_AFTER.match(text, end))


def _speaks(text: str, mention: Mention) -> bool:
    """ "Kovel added", "said Kovel", "Kovel's wife", "Kovel, 52, said": the name of a known
    person stands where a person's does."""
    return _said_or_done(text, mention.start, mention.end) or bool(
        _ADDRESSED_AFTER.match(text, mention.end)  # "Israel, you are two kilometres from"
        or (
            _SAID_BEFORE.search(text, max(0, mention.start - 8), mention.start)
            and not _CLAUSE_VERB_AFTER.match(text, mention.end)
        )
    )


_SAID_BEFORE = re.compile(r"\b(?:said|says|asked|told)\s$")
_ADDRESSED_AFTER = re.compile(r",\s(?:you|your|can\s+you|could\s+you|tell\s+us|what)\b")
# "said Lutsk had no power": the name opens what was said, it does not say it
_CLAUSE_VERB_AFTER = re.compile(
    r"\s(?:had|has|have|was|were|is|are|would|will|could|can|may|might|should|must|"
    r"remained|remains|lost|got|needed|needs)\b"
)


def _interview_speakers(text: str, tokens: list[Token], judged: list) -> list:
    """An interview's turns: lines opened by two or three names in turn, some turn asks a
    question and some speaks as I, we or you ("Rawicz: Do people joke about it?" /
    "Kuźnica: Every week. My family..."). Every such label is a speaker, whatever its first
    words."""
    turns = [
        m
        for m in _TURN_LINE.finditer(text)
        # (not "Published: 2024-03-01", "Update: trains resumed"; but a transcript's
        # "BENDER:" in capitals is a speaker, though a bender is a word)
        if not (is_common_word(m.group(1)) and not m.group(1).isupper())
        and not m.group(3)[:1].isdigit()
        and name_key(m.group(1)) not in _HEADER_LABELS
    ]
    # (a headline's "Abkhazia: protesters storm parliament" opens the text and is no voice,
    # unless the same label speaks again)
    if (
        turns
        and turns[0].start() == 0
        and not any(
            set(name_key(t.group(1)).split()) & set(name_key(turns[0].group(1)).split())
            for t in turns[1:]
        )
    ):
        turns = turns[1:]
    labels = Counter(name_key(m.group(1)) for m in turns)
    # one speaker by full name and then by one of its words ("GEORGIA HALE:", "GEORGIA:")
    speakers = Counter()
    for label, n in labels.items():
        fuller = [other for other in labels if other != label and label in other.split()]
        speakers[fuller[0] if len(fuller) == 1 else label] += n
    # (a host and a guest speak at least twice each; a third or fourth voice may speak once;
    # a transcript that names a voice's role needs no more than two turns)
    roled = len(turns) >= 2 and any(m.group("role") for m in turns)
    if not roled and not (
        len(turns) >= 4
        and 2 <= len(speakers) <= 4
        and sorted(speakers.values())[-2] >= 2
        and any("?" in m.group(3) for m in turns)
        and any(_SPOKEN.search(m.group(3)) for m in turns)
    ):
        return judged
    # every name inside a label ("GEORGIA" of "GEORGIA HALE:"), and a voice's name that
    # opens another's turn, addressed ("MARDAN: Victoria, this is Hyderabad")
    label_spans = [(m.start(1), m.end(1)) for m in turns]
    voices = {word for m in turns for word in name_key(m.group(1)).split()}
    addressed = {m.start(3) for m in turns}
    return [
        (first, last, _PERSON)
        if any(s <= tokens[first].start and tokens[last].end <= e for s, e in label_spans)
        or (
            (
                (tokens[first].start in addressed and text.startswith(",", tokens[last].end))
                # ... or thanked: "PEARL DIXON: Thanks, Jackson."
                or _THANKED_BEFORE.search(
                    text, max(0, tokens[first].start - 12), tokens[first].start
                )
            )
            and name_key(text[tokens[first].start : tokens[last].end]) in voices
        )
        else (first, last, verdict)
        for first, last, verdict in judged
    ]


_THANKED_BEFORE = re.compile(r"\b(?:Thanks|Thank\s+you|thanks|thank\s+you),\s\Z")
# a turn's own voice: "You share your name", "My family comes from"
_SPOKEN = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur|[Yy]our)\b")
_HEADER_LABELS = frozenset("published updated update source photo note editor".split())
# (an interviewer may be only "Q": "Q: Where were you held?" / "Horki: First in Mahilyow")
# A voice's role and the colon after a transcript's label: "MARDAN (reporter): ..."
_ROLE_LABEL_AFTER = re.compile(r"\s\([^()\n]{1,40}\):")
# (a broadcast names the voice's role after it: "VICTORIA KINGSTON (presenter): ...")
_TURN_LINE = re.compile(
    rf"^({NAME}(?: {NAME})?|Q)(?P<role>\s\((?i:presenter|host|anchor|reporter|correspondent|"
    rf"interviewer|moderator|guest|caller|narrator|listener|resident|witness|analyst|producer)"
    # ... and where the voice speaks from: "(reporter, Hastings)"
    rf"(?:,\s[^)\n]{{1,40}})?\))?:[ \t](.*)$",
    re.MULTILINE,
)


def _locative_before_list(text: str, start: int) -> bool:
    """ "in Lubny", "residents of Smila, Pryluky and Lubny": a preposition of place before a
    name, or before the list it ends."""
    listed = _LIST_BEFORE.search(text, max(0, start - _LIST_REACH), start)
    head = listed.start() if listed else start
    return any(LOCATIVE_BEFORE.search(text, max(0, at - 20), at) for at in {start, head})


# Names listed with commas and "and": "Smila, Pryluky and " before a name, ", Pryluky and
# Lubny" after one. Capitalised function words open no name ("In Smila and Lubny").
_LISTED_ITEM = (
    r"(?!(?:In|At|On|Of|From|To|Near|By|For|With|The|And|But|Or|After|Before)\b)"
    rf"{NAME}(?:\s{NAME}){{0,2}}"
)
# (", and" only closes a list of three or more: "out of Pokrovsk, and Toyota said" joins clauses)
_LIST_BEFORE = re.compile(
    rf"(?:(?:{_LISTED_ITEM},\s)+{_LISTED_ITEM},?|{_LISTED_ITEM})\s(?:and|or)\s\Z"
)
_LIST_AFTER = re.compile(rf"(?:(?:,\s{_LISTED_ITEM})+,?)?\s(?:and|or)\s{_LISTED_ITEM}")
_LIST_REACH = 120
# People named as such before their names: "two witnesses, Lozova and Romny,"
_PEOPLE_BEFORE = re.compile(
    r"\b(?:witnesses|defendants|co-defendants|suspects|detainees|prisoners|survivors|victims|"
    r"brothers|sisters|journalists|reporters|activists|candidates|players|scorers),?\s\Z"
)
# Who scored, in a sports sentence: "goals from Smila and Lubny", "a brace by Kovel"
_SCORERS_BEFORE = re.compile(
    r"\b(?:goals?|strikes?|headers?|a\s+brace|a\s+hat-trick|efforts?)\s+(?:from|by)\s\Z"
    r"|\bscored\s+by\s\Z",
    re.IGNORECASE,
)


def _listed_with_place(text: str, i: int, named: list[Mention], not_places: set[str]) -> bool:
    """ "Shelling hit Lubny and Myrhorod": listed with a name that is only a place here (a
    neighbour in text order: only "and" or "or" may stand between)."""
    mention = named[i]
    return any(
        name_key(other.text) not in not_places and _and_joined(text, mention, other)
        for other in named[max(0, i - 1) : i] + named[i + 1 : i + 2]
    )


def _wordlike_given_name(word: str, language: str) -> bool:
    """A given name that is also an everyday word of English or of the text's language
    ("Will", "May", "Grace"; Italian "Da"), unlike a name merely frequent in English text
    ("Ana", "Maria")."""
    return is_common_word(word) and (
        word.lower() in _WORDLIKE_GIVEN_NAMES or is_everyday_word_in(language, word)
    )


def _given_name_like(word: str) -> bool:
    """A given name, or a capitalised word that is no ordinary one ("Mijailo", "Ayagoz")."""
    return is_first_name(word) or (
        word[:1].isupper() and not word.isupper() and word.isalpha() and not is_common_word(word)
    )


def _goes_on_about_person(
    text: str, mention: Mention, person_runs: dict[int, str], starts: list[int]
) -> bool:
    """Whether the name opens a sentence as its subject ("Talne arbeitet seit 2014",
    "Horodnia, qui a grandi") after a sentence in which it ends a person's name, the one
    before or any earlier: a reporter names the man in full once and then by surname,
    paragraphs on (``person_runs`` by start; ``starts``, their starts in order)."""
    if not _SUBJECT_GOES_ON.match(text, mention.end) or _SUBJECT_LISTED.match(text, mention.end):
        return False
    ends = [
        b.end() for b in _SENTENCE_BREAK.finditer(text, max(0, mention.start - 600), mention.start)
    ]
    if not ends or ends[-1] != mention.start:
        return False  # not a sentence's first word
    return any(
        name_key(person_runs[start]).endswith(name_key(mention.text))
        # (a full name with a given name, though in another romanisation, "Mijailo
        # Bilozerka": not "S.E. Paris apartment. Paris firefighters")
        and _given_name_like(person_runs[start].split()[0])
        for start in starts[: bisect_left(starts, ends[-1])]
    )


_SENTENCE_BREAK = re.compile(r"[.!?][\"”»']?\s+")
# a place listed or stressed as the subject: "Sisian and Goris were", "Kaya itself, the seat"
_SUBJECT_LISTED = re.compile(r"\s+(?:and|or|und|oder|et|ou|y|e|o|i|a|ir|și|itself|alone)\b")
# a verb, or a relative pronoun after a comma, goes on after the subject
_SUBJECT_GOES_ON = re.compile(
    r"\s+(?-i:[a-zà-öø-ÿąćęłńóśźżčěřšžůý])|,\s+(?:who|qui|der|die|che|que|który|która|dat)\b"
)


def _token_start(token: Token) -> int:
    return token.start


def _mention_at(token: Token) -> Mention:
    return Mention(text=token.text, start=token.start, end=token.end, query=token.text)


def _listed_beside(text: str, token: Token, places: list[Mention], starts: list[int]) -> bool:
    """Whether a place found (``places``, in text order, starting at ``starts``) is listed
    right beside the word ("nach Molodetschno und Sluzk"): the nearest one before or after."""
    i = bisect_left(starts, token.start)
    return any(
        _and_joined(text, token, m)
        for m in places[max(0, i - 1) : i + 1]
        if m.end <= token.start or m.start >= token.end
    )


def _and_joined(text: str, a: Token | Mention, b: Mention) -> bool:
    """Whether only "and", "or" (or wire copy's "et de", "und") stands between two names."""
    return bool(_AND_GAP.fullmatch(text[min(a.end, b.end) : max(a.start, b.start)]))


def _start(mention: Mention) -> int:
    return mention.start


_AND_GAP = re.compile(
    r",?\s*(?:and|or|&)\s*"
    # ... in wire copy's languages, a preposition said again: "de Pinsk et de Vitebsk",
    # "nach Molodetschno und Sluzk", "Lwowa i Tarnopola", "Cherson e dalla stessa Mariupol"
    r"|,?\s+(?:et|ou|und|oder|y|o|e|i|oraz|lub|a|en)\s+"
    r"(?:(?:de|d['’]|di|da|du|des|del|della|dalla|dal|von|aus|z|ze|w|we|à|a|en|in)\s*"
    r"(?:(?:stessa|stesso|même|misma|mismo)\s+)?)?"
)
# Wording only a place takes: "In Lubny,", "a strike on Lubny", "the mayor of Lubny"; "Lubny
# residents", "Lubny's outskirts"
_PLACE_ONLY_BEFORE = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:In|At|Near|Outside)\s$"
    r"|\b(?:across|around|outside|towards|toward|through|via|nearby|neighbou?ring|strikes?\s+on|"
    r"attacks?\s+on|shelling\s+of|bombing\s+of|mayor\s+of|(?i:residents)\s+of|outskirts\s+of|"
    r"streets\s+of|centre\s+of|center\s+of|"
    # what flies or shines over a place: "helicopters flying low over Brahin", "flashes over"
    r"(?:fl(?:y|ies|ew|own|ying)|hover(?:s|ed|ing)?|circl(?:es|ed|ing)|sky|skies|flashes|"
    r"explosions|drones?|helicopters?|jets?|aircraft|missiles?|smoke|glow)\s+(?:low\s+)?over|"
    # ... in French, German, Spanish and Italian: "vers Lyman", "aux abords de Borova"
    r"as\s+far\s+as|jusqu['’]à|bis\s+nach|hasta|fino\s+a|"
    r"(?:across|back)\s+to|vers|(?:aux\s+)?abords\s+de|environs\s+de|en\s+direction\s+de|Richtung|hacia|"
    r"afueras\s+de|verso|nei\s+pressi\s+di)\s$"
)
_PLACE_ONLY_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:residents|mayor|outskirts|suburbs)\b"
    # "When Afrin fell to Turkish-backed forces": what befalls a town
    r"|\s+(?:fell\s+to(?!\s+(?:an?\s+)?(?:\d{1,2}[-–]\d{1,2}\s+)?(?:defeat|loss|draw)\b)|"
    r"was\s+(?:captured|retaken|recaptured|liberated|shelled|bombed|"
    r"encircled|occupied))\b"
    # "Lutsk-born striker Taras Lutsk": where he was born
    r"|-born\b"
    # "Kovel, where he lives", "Dęblin, gdzie mieści się akademia": what is where is a place
    r"|,\s+(?:where|gdzie|wo|où|donde|dove|onde)\b"
    # "Masis is a town south of Yerevan": what the text says it is
    r"|\s+is\s+(?:a|the)\s+(?:small\s+|big\s+|large\s+|border\s+)?(?:town|city|village|port)\b"
    # "the Barysaw training ground": a range is named for the town it lies by
    r"|\s+(?:training\s+(?:ground|range|area)|firing\s+range|airfield|air\s+base)s?\b"
)
# ... and the people who are said to come from somewhere ("a man from", not "a man, was")
_FROM_SOMEWHERE = """man woman worker refugee resident native miner fisherman official diplomat
entrepreneur shopkeeper trader""".split()
# Where someone comes from: "moved to Lutsk from Dubno", "a 29-year-old mechanic from Slonim",
# "his mother, who had travelled from Slonim" (not "a call from Slonim", "goals from Kovel")
_ORIGIN_BEFORE = re.compile(
    r"\b(?:moved|moving|travel+ed|travel+ing|came|comes|coming|fled|fleeing|evacuated|returned|"
    r"arrived|relocated|transferred|hails?|originally|displaced|\d+-year-old(?:\s+[a-z]+)?)\b"
    r"[^.;!?\n]{0,30}?\bfrom\s\Z"
    # ... or what she is there: "a businessman from Gori", "a lorry driver from Volodymyr"
    rf"|\b(?:a|an)\s+(?:[a-z]+\s+)?(?:{'|'.join(PERSON_NOUNS + _FROM_SOMEWHERE)})\s+from\s\Z"
    # ... in wire copy's languages: "natural de Zamora", "originaire de", "nato a"
    r"|\b(?:natural|originaria|originario|originaire|oriunda|oriundo|nativa|nativo)\s+(?:de|di|d['’])\s?\Z"
    r"|\b(?:nato|nata|nacido|nacida|né|née|geboren)\s+(?:a|en|à|in)\s\Z"
    # ... or goes to: "whose parents fled to Kosti", "families who had fled from the south to
    # Saida"
    r"|\b(?:moved|travel+ed|travels?|fled|evacuated|returned|relocated|went|headed|driven|bused)\s+"
    r"(?:back\s+|home\s+)?(?:[^.;!?\n]{0,30}?\s)?to\s\Z"
)


_SHIP_NAME_WORDS = 4


def _ship_names(text: str, tokens: list[Token], judged) -> set[str]:
    """The names of two capitalised words or more that follow a ship's word ("the tanker
    Marlin Luanda", "the bulk carrier True Confidence") where a word of them was judged no
    place there."""
    names = set()
    for first, _, verdict in judged:
        if verdict is not None:
            continue
        # back to the name's first word, right after the ship's word (a ship's name is a
        # few words: a run of capitalised words is not walked through)
        back = 0
        while (
            first > 0
            and back < _SHIP_NAME_WORDS
            and not VESSEL_BEFORE.search(
                text, max(0, tokens[first].start - 40), tokens[first].start
            )
        ):
            back += 1
            if not (
                tokens[first - 1].capitalised
                and text[tokens[first - 1].end : tokens[first].start] == " "
            ):
                break
            first -= 1
        if not VESSEL_BEFORE.search(text, max(0, tokens[first].start - 40), tokens[first].start):
            continue
        last = first
        while (
            last + 1 < len(tokens)
            and last - first < _SHIP_NAME_WORDS
            and tokens[last + 1].capitalised
            and text[tokens[last].end : tokens[last + 1].start] == " "
        ):
            last += 1
        if last > first:
            names.add(text[tokens[first].start : tokens[last].end])
    return names


def _quoted_in_latin_text(text: str, start: int) -> bool:
    """Whether a Cyrillic name opens a quotation in a text written in Latin letters around
    it (a sign's or a caption's words an English or German report quotes)."""
    if text[max(0, start - 1) : start] not in _OPENING_QUOTES:
        return False
    around = text[max(0, start - 200) : start + 200]
    latin = sum(1 for ch in around if "a" <= ch.lower() <= "z")
    return latin > 2 * sum(1 for ch in around if is_cyrillic(ch))


_OPENING_QUOTES = frozenset("\"“«„'‘")


_OPENS_ON_PLACE_BEFORE = re.compile(r"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?:In|En|Em)\s\Z", re.MULTILINE)


def _section_word(written: str) -> bool:
    """A page's section heading in capitals before its full stop, an everyday English word
    ("BEER.", "BANKS.", "CARS."), not a dateline's town ("BALBOA.", "COLÓN.")."""
    return is_everyday_word_in("en", written, zipf=_SECTION_WORD_ZIPF)


_SECTION_WORD_ZIPF = 4.0


def _files_the_story(text: str, mention: Mention) -> bool:
    """ "JERSÓN (Ucrania), 14 oct (EFE).-", "Łuck (PAP) –": a dateline in capitals or before
    its agency names the town the story was filed from, whoever else in it bears the name
    (not a headline's "Rhodes, Rivkin top Amherst election", nor a transcript's voice,
    "MARDAN (reporter):")."""
    return (
        (mention.text.isupper() or text.startswith(" (", mention.end))
        and opens_dateline(text, mention.start, mention.end)
        and not _ROLE_LABEL_AFTER.match(text, mention.end)
        and not (text.startswith(".", mention.end) and _section_word(mention.text))
    )


def _placed_by_wording(text: str, mention: Mention) -> bool:
    """ "in Maryville.", "near Monroe, Mich.", "entered Lyman.", "the highway to Borisov", "the towns Dzerzhinsk
    and Borisov", "spelled Bobruisk in": a preposition of place, a route, the word town or a
    spelling before a name that ends a clause or meets a verb or conjunction (not "in Moore's office", "in Fairfield hearing",
    "in Greer Station")."""
    return bool(
        (
            IN_BEFORE.search(text, max(0, mention.start - 12), mention.start)
            or _ROUTE_BEFORE.search(text, max(0, mention.start - 24), mention.start)
            or _TAKEN_BEFORE.search(text, max(0, mention.start - 14), mention.start)
            or _TOWNS_BEFORE.search(text, max(0, mention.start - 60), mention.start)
            or _SPELLED_BEFORE.search(text, max(0, mention.start - 16), mention.start)
            or _ORIGIN_BEFORE.search(text, max(0, mention.start - 50), mention.start)
            # "di stanza a Messina", "viajó a Zamora": Italian and Spanish "a" is "in" or "to"
            or (
                _ROMANCE_A_BEFORE.search(text, max(0, mention.start - 3), mention.start)
                and text_language(text) in ("it", "es", "pt")
            )
            # "near Alytus and Varėna": the last of a list after a preposition of place
            or _AT_LIST_BEFORE.search(text, max(0, mention.start - 60), mention.start)
            # a letter's signature: "— Jean Preston, Bolton"
            or (
                _SIGNATURE_BEFORE.search(text, max(0, mention.start - 60), mention.start)
                and _LINE_ENDS_AFTER.match(text, mention.end)
            )
            # "fuggita da Mariupol", "geflohen aus Sluzk", "desde Jersón": "from" in wire copy's
            # languages
            or (
                (from_before := _FROM_BEFORE.get(text_language(text))) is not None
                and from_before.search(text, max(0, mention.start - 12), mention.start)
            )
            # "przez Dęblin", "pod Garwolinem", "w Terespolu": Polish prepositions of place;
            # "v Charkově", "u Izjumu": Czech ones
            or (
                (at_before := _AT_BEFORE.get(text_language(text))) is not None
                and at_before.search(text, max(0, mention.start - 12), mention.start)
            )
        )
        and (
            _PLACED_NAME_ENDS.match(text, mention.end)
            # wire copy's languages put the verb after a place that opens the clause: "en
            # Jersón quedan", "In Narva hatten viele"
            or (_small_word_after(text, mention.end) and text_language(text) != "en")
        )
    ) or bool(
        TOWN_APPOSITIVE_AFTER.match(text, mention.end)  # "Kaya itself, the seat of"
        or _PLACE_ONLY_AFTER.match(text, mention.end)
        # wording only a place takes needs no clause end after the name: "a strike on Lubny
        # killed two" (but not "in Moore's office")
        or (
            _PLACE_ONLY_BEFORE.search(text, max(0, mention.start - 16), mention.start)
            and not _NAME_GOES_ON.match(text, mention.end)
        )
    )


# A region named by its word before it, as wire copy's languages do (the words before a
# name, lower-cased; not English "the coastal region of Ajara", which may be any region)
_REGION_OF_BEFORE = re.compile(
    r"\b(?:région|región|regione|região|provincia|província|province|oblast|voblast)\s+"
    r"(?:de|di|da|d['’])\s?$|\bgebiet\s$"
)
_AT_LIST_BEFORE = re.compile(
    rf"\b(?:{'|'.join(_AT_LIST_WORDS.split())})\s+"
    rf"(?:{NAME}(?:,\s+|\s+(?:and|or|und|oder|et|ou|y|o|e|i|oraz|lub)\s+))+\Z"
)
_SIGNATURE_BEFORE = re.compile(rf"(?:^|\n)[ \t]*[—–-][ \t]*(?:{NAME}[ \t]+){{1,3}}?{NAME},[ \t]\Z")
_LINE_ENDS_AFTER = re.compile(r"[ \t]*(?:\n|$)")
# Prepositions of place by the text's language (Polish, Czech), as "in" is in English
_AT_BEFORE = {
    "pl": re.compile(
        r"(?<![\w'’])(?i:w|we|pod|przez|koło|obok|do|z|ze|nad|niedaleko|spod|sprzed)\s\Z"
    ),
    "cs": re.compile(
        r"(?<![\w'’])(?i:v|ve|u|z|ze|do|na|k|ke|přes|pod|nad|od|po|před|za|poblíž|blízko)\s\Z"
    ),
    "sk": re.compile(
        r"(?<![\w'’])(?i:v|vo|u|z|zo|do|na|k|ku|cez|pod|nad|od|po|pred|za|pri|blízko)\s\Z"
    ),
    "ro": re.compile(r"(?<![\w'’])(?i:în|in|la|din|spre|lângă|prin|dinspre|către)\s\Z"),
    "lt": re.compile(r"(?<![\w'’])(?i:į|iš|prie|per|netoli|link|ties|nuo|iki)\s\Z"),
    "lv": re.compile(r"(?<![\w'’])(?i:uz|no|pie|caur|pret|līdz)\s\Z"),
    "pt": re.compile(r"(?<![\w'’])(?i:em|perto\s+de|junto\s+a)\s\Z"),
    "de": re.compile(r"(?<![\w'’])(?i:in|bei|um|nahe|nach|nördlich\s+von|südlich\s+von)\s\Z"),
    "it": re.compile(r"(?<![\w'’])(?i:in|presso|vicino\s+a)\s\Z"),
}
_ROMANCE_A_BEFORE = re.compile(r"(?<![\w'’])[Aa]\s\Z")
_FROM_BEFORE = {
    "it": re.compile(r"(?<![\w'’])(?:da|dalla|dal)\s\Z"),
    "de": re.compile(r"(?<![\w'’])aus\s\Z"),
    "es": re.compile(r"(?<![\w'’])desde\s\Z"),
    "fr": re.compile(r"(?<![\w'’])depuis\s\Z"),
    "pt": re.compile(r"(?<![\w'’])desde\s\Z"),
}
_NAME_GOES_ON = re.compile(r"['’]s\b|\s(?-i:[A-Z])")


def _small_word_after(text: str, end: int) -> bool:
    """Whether a word written small follows the name ending at ``end``: "Jersón quedan" (not
    "Narva Kerzen")."""
    return text[end : end + 1] == " " and text[end + 1 : end + 2].islower()


def _name_ends_at(text: str, tokens: list[Token], index: int) -> bool:
    """Whether tokens[index] is the last word of its name: no capitalised word follows it."""
    if index + 1 >= len(tokens):
        return True
    following = tokens[index + 1]
    return not (following.capitalised and text[tokens[index].end : following.start] == " ")


def _is_major(fclass: str | None, population: int) -> bool:
    """A country, a state-sized region or a city of millions: a given name before it does
    not make it a surname ("Keith Paul" is a man, though a small Cape Verde county is Paul)."""
    return (
        fclass == "country"
        or (fclass == "admin1" and population >= _MAJOR_REGION_POPULATION)
        or population >= 1_000_000
    )


def _is_acronym(word: str) -> bool:
    """ "NATO", "MoD", "U.S.": two or more capitals in a short word."""
    letters = word.replace(".", "")
    return len(letters) <= 5 and sum(ch.isupper() for ch in letters) >= 2


@lru_cache(maxsize=1)
def _first_names():
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a given name in gender-guesser's international name list (which
    spells many without their accents: "Simón", "José"), or one of the Belarusian and
    Ukrainian names in their own romanisation that the list lacks ("Halyna", "Ales")."""
    if word.lower() in EAST_SLAVIC_GIVEN_NAMES or _first_names().get_gender(word) != "unknown":
        return True
    plain = _without_accents(word)
    return plain != word and _first_names().get_gender(plain) != "unknown"


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def sentence_start_word(token: Token, text: str) -> bool:
    """Whether ``token`` opens a sentence (so its capital letter says nothing)."""
    head = text[max(0, token.start - 4) : token.start]
    return token.start == 0 or bool(_SENTENCE_END.search(head)) or head.strip() == ""


def _as_region(mention: Mention, hint: str, text: str, end: int | None) -> Mention:
    end = end if end is not None else mention.end
    return Mention(
        text=text[mention.start : end] if end != mention.end else mention.text,
        start=mention.start,
        end=end,
        query=mention.query,
        kind="region",
        hint=hint,
    )

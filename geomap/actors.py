"""Who did it, and who claimed it: the actors of an incident, named as ACLED names them.

State forces become "Military Forces of Russia" or "Police Forces of Belarus" (from a demonym,
"Russian missiles", or a country's possessive, "Belarus's 38th brigade"); named units and
groups are kept as written ("38th air assault brigade (Belarus)", "Cyber Partisans",
"three men from Babruysk"). A body that only reports ("the ministry said", "according to
Hajun") is a source, not an actor. A claim of responsibility attaches to an incident only
when it names that incident ("claimed responsibility for that event"), not when it is general
("have claimed part of the sabotage since late February").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .cues import cue
from .datelines import opens_dateline
from .lexicon import FUNCTION_WORDS, ORGANISATION_HEADS, demonym_country_stems

MILITARY_TYPES = frozenset(
    {
        "troop_deployment",
        "troop_movement",
        "equipment_movement",
        "military_exercise",
        "offensive_threat",
        "air_strike",
        "missile_strike",
        "shelling",
        "armed_clash",
    }
)

_MILITARY_NOUN = (
    r"(?:armed forces|army|troops|military|soldiers|forces|servicemen|paratroopers|marines|units|"
    r"columns|formations|brigades?|aircraft|planes|jets|bombers?|missiles?|Iskanders?|air force|"
    r"aerospace forces|armou?r|tanks|echelons|offensive|attack|invasion|military trains|"
    # the guns and drones of other wars: "Azerbaijani artillery", "Turkish drones"
    r"artillery|mortars|howitzers|gunners|drones|warplanes|helicopters|gunships|"
    r"Eastern Military District|Western Military District|defen[cs]e ministry)"
)
# "Russian and Belarusian troops", "two Russian missiles", "a major Belarusian offensive"
_DEMONYM_FORCE = re.compile(
    r"(?P<adjs>[A-Z][a-z]+(?:(?:,\s*|\s+and\s+|\s+or\s+)[A-Z][a-z]+)*)\s+(?:[a-z][\w-]*\s+){0,2}?"
    + _MILITARY_NOUN
    + r"\b"
)
# "Belarus's 38th air assault brigade", "Russia's Eastern Military District"
_POSSESSIVE_FORCE = re.compile(
    # a name starts after no word character: tried from inside "AAAA…" it is quadratic
    r"(?<![\w-])(?P<country>[A-Z][\w-]+)['’]s\s+(?:[\w-]+\s+){0,3}?" + _MILITARY_NOUN + r"\b"
)
# "an offensive from Belarus", "attack by Belarusian troops"
_ATTACK_FROM = cue(
    r"\b(?:offensive|attack|invasion|assault|incursion)\s+(?:by|from)\s+(?:the\s+)?"
    r"(?:territory\s+of\s+)?(?P<who>[A-Z][\w-]+)"
)
_UNIT = cue(
    r"\b(?P<unit>\d+(?:st|nd|rd|th)\s+(?:[\w-]+\s+){0,4}?(?:brigade|division|regiment|battalion|"
    r"army|corps))\b"
)
_POLICE = re.compile(
    r"\b(?:(?P<adj>[A-Z][a-z]+)\s+)?(?P<force>(?i:police|officers|militia|security forces|"
    r"security officials|border guards|special forces)|KGB|OMON|GUBOPiK|FSB|SBU|Rosgvardia)\b"
)
# Sabotage done by people the text does not name: "three men from Babruysk", "rail partisans".
_PERPETRATORS = cue(
    r"\b(?:(?:two|three|four|five|six|\d+)\s+(?:local\s+|young\s+)?(?:men|people|suspects|residents|"
    r"teenagers|youths|students)"
    r"(?:\s+from\s+[A-Z][\w-]+)?|(?:rail\s+)?partisans|saboteurs|guerrillas|guerrilla groups?|"
    r"activists|hacktivists)\b"
)
# Armed men the text does not name: "gunmen", "suspected jihadists", "militiamen"
_ARMED_MEN = cue(
    r"\b(?:(?:suspected|unidentified|unknown|armed)\s+(?:[\w-]+\s+)?)?(?:gunmen|militants|"
    r"militiamen|militias?|jihadists|insurgents|bandits|assailants|attackers|rebels|dissidents|"
    r"gang members|armed men)\b"
)
_IN_TITLE_BEFORE = re.compile(r"(?:\bof|[A-Z][\w’'-]*[a-z][\w’'-]*)\s+$")
_MILITARY_NAME = cue(r"\b(?:air force|army|navy|guard|brigade|division|regiment|forces|military)\b")
_RAILWAY_OPERATOR = cue(r"\bRailways?\b|\bzaliznytsia\b")
# "according to the X", "told the X": a name that is the source of a report, not an actor
SOURCE_BEFORE = cue(r"\b(?:according to|reported by|told|cited by|quoted by|via)\s+(?:the\s+)?$")
_SPEAKS_AFTER = cue(
    r"^\s+(?:(?:has|have|had)\s+)?(?:reported|reports|wrote|writes|said|says|quoted|told|"
    r"announced|stated|declared|warned|assessed|stressed|claimed|confirmed|did not|made no|"
    r"could not|has not|have not)\b"
)
CLAIM = cue(
    r"\b(?:claimed responsibility|claim(?:ed|s)? (?:the )?(?:attack|sabotage|action)|"
    r"took responsibility|responsibility was claimed|responsibility for)\b"
)
# "claimed part of the sabotage since late February": a general claim, no incident's own
_GENERAL_CLAIM = cue(r"\b(?:some|part|much|many|most|several|all|dozens) of\b|\bsince\b")
# "The Cyber Partisans said on Sunday that they had attacked": a group claiming its own act
_SELF_CLAIM = re.compile(
    r"(?P<who>(?:[A-Z][\w’'-]*\s+){1,4}?)(?:said|says|say|announced|wrote|claimed)"
    r"(?:\s+on\s+\w+)?(?:\s+that)?\s+(?:they|it)\s+(?:had|have|has)\b"
)
_CHAIN = re.compile(
    r"(?:[A-Z][\w’'-]*|[a-z]+[A-Z][\w]*)(?:\s+(?:of\s+the\s+|of\s+)?(?:[A-Z][\w’'-]*|[a-z]+[A-Z]\w*))*"
)


class ActorFinder:
    """Finds the actors and claimants of incidents in a sentence.

    Parameters
    ----------
    country_of_demonym : "Belarusian" → "Belarus" (a country name), or None
    """

    def __init__(self, country_of_demonym: Callable[[str], str | None] = lambda word: None):
        self.country_of_demonym = country_of_demonym

    def actors(
        self,
        event_type: str,
        text: str,
        countries: dict[str, str],
        where: str | None = None,
        trigger_at: int | None = None,
    ) -> tuple[str, ...]:
        """The parties that carried out an event of ``event_type`` told in ``text``.

        ``countries`` maps country names written in the text ("Belarus") to the gazetteer's
        name, so that "Belarus's 38th brigade" is known as Belarusian; ``where`` is the
        country the event happened in; ``trigger_at`` where the event's verb starts, so that
        the name just before it is its subject ("The Cyber Partisans broke into")."""
        if event_type == "arrest":
            return self._arresters(text, where)
        if event_type in MILITARY_TYPES:
            return self._forces(event_type, text, countries)
        found = [
            name
            for name in named_groups(text)
            if self.country_of_demonym(name) is None
            and not _RAILWAY_OPERATOR.search(name)
            # "the FSB detained two teenagers who set fire to a relay box": the body that
            # caught the saboteurs is not one of them
            and not (event_type == "rail_sabotage" and _POLICE.fullmatch(name))
        ]
        claimer = self.self_claimer(text)
        if claimer:
            found.insert(0, claimer)
        if not found and event_type == "rail_sabotage":
            match = _PERPETRATORS.search(text)
            if match and not _inside_name(text, match.start()):
                found.append(match.group())
        if not found and event_type == "attack":
            # "Gunmen on motorbikes stormed Sebba": armed men the text does not name (ACLED's
            # unidentified armed group)
            match = _ARMED_MEN.search(text)
            # (a capital opening the sentence or following a dateline is no name's: "Gunmen
            # stormed", "BUNIA – Militiamen attacked"; one after "of" or a name is)
            if match and not _IN_TITLE_BEFORE.search(
                text, max(0, match.start() - 60), match.start()
            ):
                found.append(match.group())
        if not found and trigger_at is not None:
            subject = self._subject_before(text[:trigger_at])
            if subject:
                found.append(subject)
        return _unique(found)

    def claimers(self, text: str) -> list[str]:
        """Groups that claim responsibility for a particular incident in ``text``."""
        match = CLAIM.search(text)
        if not match or _GENERAL_CLAIM.search(text[match.start() :]):
            return []
        head = text[: match.start()]
        if re.search(r"responsibility was claimed|claimed by", text, re.I):
            head = text[match.end() :]
        return [
            name
            for name in name_chains(head)
            if self.country_of_demonym(name) is None and not _is_generic(name)
        ]

    def self_claimer(self, text: str) -> str | None:
        """The group that says it did the act itself ("the Cyber Partisans said they had")."""
        match = _SELF_CLAIM.search(text)
        if not match:
            return None
        words = [
            w
            for w in match.group("who").split()
            if w.lower() not in FUNCTION_WORDS and self.country_of_demonym(w) is None
        ]
        name = " ".join(words)
        return name if name and not _is_generic(name) else None

    def _subject_before(self, head: str) -> str | None:
        match = re.search(r"((?:[A-Z][\w’'-]*\s+){1,4})(?:(?:had|have|has)\s+)?$", head)
        if not match:
            return None
        words = [
            w
            for w in match.group(1).split()
            if w.lower() not in FUNCTION_WORDS and self.country_of_demonym(w) is None
        ]
        name = " ".join(words)
        # a group's name ("Cyber Partisans", "BYpol"), not "Two" or a town
        named = len(words) >= 2 or (len(words) == 1 and sum(c.isupper() for c in name) >= 2)
        if not named or _is_generic(name) or _RAILWAY_OPERATOR.search(name):
            return None
        return name

    # -- by kind of actor -------------------------------------------------------------------

    def _arresters(self, text: str, where: str | None) -> tuple[str, ...]:
        """The state forces that made an arrest; by ACLED's convention the police of the
        country it happened in when the text names none."""
        found = []
        for match in _POLICE.finditer(text):
            country = self.country_of_demonym(match.group("adj") or "") or where
            police = match.group("force").lower() in ("police", "officers", "militia")
            kind = "Police Forces" if police else "Security Forces"
            found.append(f"{kind} of {country}" if country else match.group("force"))
        if not found and where:
            found.append(f"Police Forces of {where}")
        return _unique(found)

    def _forces(self, event_type: str, text: str, countries: dict[str, str]) -> tuple[str, ...]:
        found = []
        if event_type == "offensive_threat":
            # the party that might attack, not the one that warns
            for match in _ATTACK_FROM.finditer(text):
                country = self._country(match.group("who"), countries)
                if country:
                    found.append(f"Military Forces of {country}")
        for match in _UNIT.finditer(text):
            before = text[max(0, match.start() - 30) : match.start()]
            owner = re.search(r"([A-Z][\w-]+)(?:['’]s)?\s+(?:the\s+)?$", before)
            country = self._country(owner.group(1), countries) if owner else None
            found.append(match.group("unit") + (f" ({country})" if country else ""))
        if event_type != "offensive_threat" or not found:
            found += self.forces(text, countries)
            # "the Belarus Air Force would carry out helicopter training"
            found += [n for n in named_groups(text) if _MILITARY_NAME.search(n)]
        return _unique(found)

    def forces(self, text: str, countries: dict[str, str]) -> list[str]:
        """State armed forces named in ``text`` that do something, not only speak."""
        found = []
        for match in _DEMONYM_FORCE.finditer(text):
            after = text[match.end() :]
            if _SPEAKS_AFTER.search(after) or _SPEAKS_AFTER.search(
                re.sub(r"^\s+\w+(?=\s)", "", after)
            ):
                continue  # "The Israeli military says", "Ukraine's armed forces command said"
            for word in re.split(r",\s*|\s+and\s+|\s+or\s+", match.group("adjs")):
                country = self.country_of_demonym(word)
                if country:
                    found.append(f"Military Forces of {country}")
        for match in _POSSESSIVE_FORCE.finditer(text):
            country = countries.get(match.group("country"))
            after = text[match.end() :]
            if country and not (
                _SPEAKS_AFTER.search(after) or _SPEAKS_AFTER.search(re.sub(r"^\s+\w+", "", after))
            ):
                found.append(f"Military Forces of {country}")
        return found

    def _country(self, word: str, countries: dict[str, str]) -> str | None:
        return self.country_of_demonym(word) or countries.get(word)


def name_chains(text: str) -> list[str]:
    """Capitalised names in ``text``, without sentence-initial function words."""
    out = []
    for match in _CHAIN.finditer(text):
        words = match.group().split()
        while words and words[0].lower() in FUNCTION_WORDS:
            words = words[1:]
        while words and words[-1].lower() in ("of", "the"):
            words = words[:-1]
        if not words:
            continue
        # a lone demonym ("Belarusian") is no name
        if len(words) == 1 and demonym_country_stems(words[0]) and words[0][-1] == "n":
            if not any(ch.isupper() for ch in words[0][1:]):
                continue
        out.append(" ".join(words))
    return out


def named_groups(text: str) -> list[str]:
    """Organisations named in a sentence that are not only its source: titles ending in an
    organisation word ("the Ministry of Emergency Situations", "Belarus Air Force") and
    acronyms ("KGB", "BYpol")."""
    out = []
    for match in _CHAIN.finditer(text):
        words = match.group().split()
        while words and words[0].lower() in FUNCTION_WORDS:
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        after = text[match.end() : match.end() + 40]
        before = text[max(0, match.start() - 25) : match.start()]
        if SOURCE_BEFORE.search(before) or _SPEAKS_AFTER.search(after):
            continue
        if name.isupper() and opens_dateline(text, match.start(), match.end()):
            continue  # "BUNIA – Militiamen attacked ...": where the report was filed
        is_org = any(w.lower() in ORGANISATION_HEADS for w in words[1:]) or words[0].lower() in (
            "ministry",
            "general",
        )
        is_acronym = len(words) == 1 and sum(ch.isupper() for ch in name) >= 2 and len(name) <= 10
        if is_org or is_acronym:
            out.append(name)
    return out


def _inside_name(text: str, index: int) -> bool:
    """ "railway workers" in "the Community of Railway Workers of Belarus" names no actor."""
    return text[index : index + 1].isupper()


def _is_generic(name: str) -> bool:
    return name.lower() in ("groups", "group", "hackers", "partisans", "officials")


def _unique(items) -> tuple[str, ...]:
    """Each name once, and not a name that is part of another ("Guards Tank Brigade")."""
    names = list(dict.fromkeys(i for i in items if i))
    return tuple(n for n in names if not any(n != o and n in o for o in names))

"""The incident vocabulary and how it maps to ACLED and UCDP.

One table: each geomap ``event_type`` with a label, its nearest ACLED ``event_type`` /
``sub_event_type`` (ACLED codebook 2023), checked against ACLED's own vocabulary, a
UCDP-GED-style description and UCDP's ``type_of_violence`` where the event is organised
violence at all (UCDP GED codes only lethal violence; a troop movement is no UCDP event); and
the precision codes of UCDP GED (``where_prec``, ``date_prec``) derived from geomap's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: ACLED's event types and their sub-event types (ACLED codebook, 2023).
ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
#: ACLED's disorder type of each event type.
ACLED_DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
#: UCDP GED ``type_of_violence``: state-based, non-state, one-sided.
UCDP_STATE_BASED, UCDP_NON_STATE, UCDP_ONE_SIDED = 1, 2, 3


@dataclass(frozen=True)
class EventKind:
    event_type: str
    label: str
    acled_event_type: str
    acled_sub_event_type: str
    ucdp_description: str
    #: UCDP GED ``type_of_violence`` when the event can be organised violence, else None
    ucdp_type_of_violence: int | None = None

    def __post_init__(self):
        if self.acled_sub_event_type not in ACLED_EVENT_TYPES.get(self.acled_event_type, ()):
            raise ValueError(
                f"{self.event_type}: {self.acled_event_type!r} / {self.acled_sub_event_type!r} "
                "is not an ACLED event and sub-event type"
            )

    @property
    def acled_disorder_type(self) -> str:
        return ACLED_DISORDER_TYPES[self.acled_event_type]


EVENT_KINDS: dict[str, EventKind] = {
    kind.event_type: kind
    for kind in (
        EventKind(
            "rail_sabotage",
            "Rail sabotage",
            "Strategic developments",
            "Looting/property destruction",
            "Sabotage of railway infrastructure (signalling, relay cabinets, track) by a non-state group",
        ),
        EventKind(
            "rail_disruption",
            "Rail disruption",
            "Strategic developments",
            "Other",
            "Railway traffic halted, suspended or cut",
        ),
        EventKind(
            "arrest",
            "Arrest",
            "Strategic developments",
            "Arrests",
            "Arrest or detention of suspected saboteurs or activists by state forces",
        ),
        EventKind(
            "troop_deployment",
            "Troop deployment",
            "Strategic developments",
            "Change to group/activity",
            "Deployment of military units to an area",
        ),
        EventKind(
            "troop_movement",
            "Troop movement",
            "Strategic developments",
            "Change to group/activity",
            "Movement of troops from one place to another",
        ),
        EventKind(
            "military_exercise",
            "Military exercise",
            "Strategic developments",
            "Change to group/activity",
            "Military exercises, drills or training",
        ),
        EventKind(
            "offensive_threat",
            "Threatened offensive",
            "Strategic developments",
            "Other",
            "Official warning of an imminent offensive",
        ),
        EventKind(
            "air_strike",
            "Air strike",
            "Explosions/Remote violence",
            "Air/drone strike",
            "Strike by military aircraft or drones",
            UCDP_STATE_BASED,
        ),
        EventKind(
            "missile_strike",
            "Missile strike",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "Missile launch or missile strike",
            UCDP_STATE_BASED,
        ),
        EventKind(
            "shelling",
            "Shelling",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "Artillery, mortar, tank or rocket-launcher fire on a place",
            UCDP_STATE_BASED,
        ),
        EventKind(
            "armed_clash",
            "Armed clash",
            "Battles",
            "Armed clash",
            "Fighting between armed groups, including the capture of a place by force",
            UCDP_STATE_BASED,
        ),
        EventKind(
            "attack",
            "Attack on civilians",
            "Violence against civilians",
            "Attack",
            "Armed attack on civilians: killings, massacres, raids on villages, bombings",
            UCDP_ONE_SIDED,
        ),
        EventKind(
            "equipment_movement",
            "Equipment movement",
            "Strategic developments",
            "Change to group/activity",
            "Movement of military equipment (tanks, missile systems, vehicles)",
        ),
        EventKind(
            "other", "Other", "Strategic developments", "Other", "Other conflict-related event"
        ),
    )
}

EVENT_TYPES = tuple(EVENT_KINDS)

#: An attack is coded by ACLED by its means when a bomb or an abduction tells it: the words
#: of the trigger ("a suicide bomber blew himself up", "their patrol hit a mine", "gunmen
#: kidnapped 30 students") → ACLED event type and sub-event type. First match wins.
_ATTACK_MEANS: tuple[tuple[re.Pattern, str, str], ...] = (
    (
        re.compile(r"suicide|blew (?:himself|herself|themselves) up", re.I),
        "Explosions/Remote violence",
        "Suicide bomb",
    ),
    (re.compile(r"grenade", re.I), "Explosions/Remote violence", "Grenade"),
    (
        re.compile(r"bomb|explosi|\bIEDs?\b|\b(?:land ?)?mines?\b|blasts?\b", re.I),
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (
        re.compile(r"abduct|kidnap", re.I),
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
)


def acled_category(event_type: str, trigger: str = "") -> tuple[str, str]:
    """ACLED's event type and sub-event type of an incident whose type was told by
    ``trigger``: the type's own, unless the words name the means of an attack."""
    kind = EVENT_KINDS[event_type]
    if event_type == "attack":
        for pattern, acled_type, sub_type in _ATTACK_MEANS:
            if pattern.search(trigger):
                return acled_type, sub_type
    return kind.acled_event_type, kind.acled_sub_event_type


def where_prec(geo_precision: int, geometry_role: str, feature_class: str | None) -> int:
    """UCDP GED ``where_prec``: 1 exact place … 4 admin-2 … 5 admin-1 … 6 country.

    A rail section or a place near a town is "within 25 km" (2); a movement path and a
    border are known only as lines (3: a larger area such as a border stretch)."""
    if geometry_role in ("path", "border"):
        return 3 if geo_precision <= 2 else 6
    if feature_class == "admin2":
        return 4
    return {1: 1, 2: 2, 3: 5, 4: 6}.get(geo_precision, 7)


def date_prec(time_precision: str, days: int | None) -> int:
    """UCDP GED ``date_prec``: 1 exact day, 2 within 2–6 days, 3 week, 4 month, 5 longer."""
    if time_precision == "day":
        return 1
    if time_precision == "range" and days is not None:
        return 2 if days <= 6 else 3 if days <= 7 else 4 if days <= 31 else 5
    return {"month": 4, "year": 5}.get(time_precision, 5)

"""Incidents from the hand-annotated dev reports and the demo briefs: what happened, where,
when, who did it; nothing from denials, speculation, background or headlines."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from geomap.codebook import ACLED_EVENT_TYPES, EVENT_KINDS, EVENT_TYPES, EventKind
from geomap.evaluate.incidents import PredictedIncident, evaluate_incidents
from geomap.ingest import read_inputs
from geomap.models import Document, Source

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "benchmarks" / "incidents_dev"


@pytest.fixture(scope="module")
def dev_results(pipeline):
    """Every dev report read once: file name → DocumentResult."""
    errors: list = []
    documents = read_inputs(
        [str(p) for p in sorted((DEV / "reports").glob("*.txt"))], on_error=errors.append
    )
    results = {Path(d.source.path).name: pipeline.read(d) for d in documents}
    assert not errors and len(results) == 40
    return results


def _incidents(dev_results, report, event_type=None):
    return [
        i for i in dev_results[report].incidents if event_type is None or i.event_type == event_type
    ]


def _predicted(results) -> list[PredictedIncident]:
    return [
        PredictedIncident(
            report=name,
            event_type=i.event_type,
            date_start=i.date_start,
            date_end=i.date_end,
            lat=i.place.candidate.lat,
            lon=i.place.candidate.lon,
            geometry_role=i.geometry_role,
            quote=i.quote,
        )
        for name, result in results.items()
        for i in result.incidents
    ]


def test_dev_set_precision_and_recall(dev_results):
    """Type, dates and place all right (place within the annotated tolerance)."""
    score = evaluate_incidents(
        DEV / "reports", DEV / "annotations.jsonl", lambda paths: _predicted(dev_results)
    ).summary()
    assert score["precision"] >= 0.85, score
    assert score["recall"] >= 0.85, score


def test_demo_briefs_precision_and_recall(pipeline):
    """The three demo briefs were never tuned on: a check that the rules generalise."""
    briefs = REPO / "data"
    names = [json.loads(line)["report"] for line in (DEV / "demo_briefs.jsonl").open()]
    if not all((briefs / n).exists() for n in names):
        pytest.skip("the demo briefs are not in data/")
    documents = read_inputs([str(briefs / n) for n in names], on_error=print)
    results = {Path(d.source.path).name: pipeline.read(d) for d in documents}
    score = evaluate_incidents(
        briefs, DEV / "demo_briefs.jsonl", lambda paths: _predicted(results)
    ).summary()
    assert score["precision"] >= 0.8, score
    assert score["recall"] >= 0.7, score


def test_reports_without_incidents_give_none(dev_results):
    """Speculation, denials, opinion, home towns, history, debunks and legislation."""
    negatives = [
        record["report"]
        for record in map(json.loads, (DEV / "annotations.jsonl").open())
        if not record["incidents"]
    ]
    assert len(negatives) == 8
    for report in negatives:
        assert _incidents(dev_results, report) == [], report


def test_no_incident_from_hedged_sentences(dev_results):
    quotes = [i.quote for result in dev_results.values() for i in result.incidents]
    for hedge in (
        "could provide cover",
        "may have flown",
        "were still possible",
        "expect the units",
    ):
        assert not [q for q in quotes if hedge in q], hedge


def test_headline_is_not_counted_again(dev_results):
    """013: the title repeats the body's arrest; the body's sentence carries it, dated by its
    weekday against the publication date (Monday 7 March → Sunday 6 March)."""
    (arrest,) = _incidents(dev_results, "013.txt")
    title = dev_results["013.txt"].document.source.title
    assert arrest.quote != title
    assert arrest.date_start == arrest.date_end == date(2022, 3, 6)
    assert arrest.time_precision == "day"
    assert arrest.actors == ("Police Forces of Belarus",)


def test_sabotage_and_arrest_in_one_sentence(dev_results):
    """022: "three men from Babruysk had set fire to two relay cabinets near Asipovichy and
    were detained there on the night of 29 to 30 March" — two events, one place; Babruysk is
    the men's home, and the briefing's Wednesday is not the date of either."""
    sabotage = _incidents(dev_results, "022.txt", "rail_sabotage")
    arrests = _incidents(dev_results, "022.txt", "arrest")
    (burned,) = sabotage
    caught = [a for a in arrests if a.quote == burned.quote]
    assert len(caught) == 1
    for incident in (burned, caught[0]):
        assert incident.place.mention.text == "Asipovichy"
        assert (incident.date_start, incident.date_end) == (date(2022, 3, 29), date(2022, 3, 30))
        assert incident.time_precision == "range"
        assert incident.geo_precision == 2  # "near"
    assert burned.actors == ("three men from Babruysk",)
    assert all("Babruysk" not in i.place.mention.text for i in sabotage + arrests)


def test_arrest_on_suspicion_is_no_sabotage(dev_results):
    """031 "a man suspected of burning a relay cabinet was detained near Minsk in early April";
    012 "detained four people suspected of preparing attacks on railway equipment"."""
    for report in ("031.txt", "012.txt"):
        kinds = {i.event_type for i in _incidents(dev_results, report)}
        assert kinds == {"arrest"}, report
    (arrest,) = _incidents(dev_results, "031.txt")
    assert (arrest.date_start, arrest.date_end) == (date(2022, 4, 1), date(2022, 4, 8))


def test_one_incident_per_range(dev_results):
    """001: four ranges, four exercises; "near Brest", "outside Hrodna", "in Mogilev region"
    only say where each range is."""
    drills = _incidents(dev_results, "001.txt", "military_exercise")
    assert len(drills) == 4
    assert len({i.place.candidate.key for i in drills}) == 4
    for drill in drills:
        assert (drill.date_start, drill.date_end) == (date(2022, 2, 10), date(2022, 2, 20))
        assert set(drill.actors) == {"Military Forces of Russia", "Military Forces of Belarus"}
    assert not _incidents(dev_results, "001.txt", "offensive_threat")  # "fear ... could"


def test_strikes_are_placed_at_their_target(dev_results):
    """009: Iskanders launched from the Mozyr area at Zhytomyr, another from Belarus at
    Chernihiv; neither is placed where it was launched, and the later sentences take the
    Sunday of the first."""
    strikes = _incidents(dev_results, "009.txt", "missile_strike")
    assert {i.place.candidate.name for i in strikes} == {"Zhytomyr", "Chernihiv"}
    for strike in strikes:
        assert strike.date_start == strike.date_end == date(2022, 2, 27)
        assert strike.place.candidate.country_code == "UA"
    # the launch area is kept as the strike's origin, from the sentence that told it
    origins = {i.place.candidate.name: i.origin.candidate.name for i in strikes}
    assert origins == {"Zhytomyr": "Mazyr", "Chernihiv": "Belarus"}


def test_present_state_takes_the_publication_date(dev_results):
    """005: "The units now sit in field camps in the Brest and Gomel regions"."""
    camps = _incidents(dev_results, "005.txt", "troop_deployment")
    assert sorted(i.place.candidate.admin1 for i in camps) == ["BY.01", "BY.02"]
    for camp in camps:
        assert camp.date_start == camp.date_end == date(2022, 2, 4)
        assert camp.geometry_role == "region" and camp.geo_precision == 3


def test_movements_run_from_origin_to_destination(dev_results):
    """008: columns crossed from Belarus's Gomel region towards Chernihiv; 024: troops
    withdrawing from the Chernihiv region, dated by the paragraph's Friday."""
    (chernihiv,) = [
        i for i in _incidents(dev_results, "008.txt", "troop_movement") if "Chernihiv" in i.quote
    ]
    assert chernihiv.geometry_role == "path"
    assert chernihiv.origin.candidate.admin1 == "BY.02"
    assert chernihiv.place.candidate.name == "Chernihiv"
    withdrawal = [i for i in _incidents(dev_results, "024.txt") if "withdrawing" in i.quote]
    assert len(withdrawal) == 1
    assert withdrawal[0].date_start == date(2022, 4, 1)
    assert withdrawal[0].actors == ("Military Forces of Russia",)


def test_claims_attach_only_to_their_own_incident(dev_results):
    """010: the Cyber Partisans say they attacked the railway; 030: a general claim "for
    some of the damage since late February" names no incident."""
    (hack,) = _incidents(dev_results, "010.txt")
    assert hack.event_type == "rail_disruption"
    assert hack.claimed_by == ("Cyber Partisans",)
    (stopped,) = _incidents(dev_results, "030.txt")
    assert stopped.claimed_by == ()
    assert (stopped.date_start, stopped.date_end) == (date(2022, 3, 5), date(2022, 3, 6))


def test_named_unit_with_its_country(dev_results):
    """018: "Belarus's 38th air assault brigade, whose home base is in Brest": the unit acts,
    Ukraine's command only reports, and Brest is no location."""
    incidents = _incidents(dev_results, "018.txt")
    assert {i.event_type for i in incidents} == {"troop_deployment", "offensive_threat"}
    for incident in incidents:
        assert "38th air assault brigade (Belarus)" in incident.actors
        assert "Military Forces of Ukraine" not in incident.actors
        assert incident.place.candidate.name != "Brest"


def test_every_type_maps_to_acled_and_ucdp():
    for event_type in EVENT_TYPES:
        kind = EVENT_KINDS[event_type]
        assert kind.acled_sub_event_type in ACLED_EVENT_TYPES[kind.acled_event_type]
        assert kind.ucdp_description and kind.label
        assert kind.acled_disorder_type in ("Political violence", "Strategic developments")
    assert EVENT_KINDS["missile_strike"].ucdp_type_of_violence == 1
    assert EVENT_KINDS["troop_movement"].ucdp_type_of_violence is None
    with pytest.raises(ValueError):
        EventKind("x", "X", "Strategic developments", "Air/drone strike", "not an ACLED pair")


def test_local_news_gives_no_military_incidents(pipeline, data_dir):
    """LGL's US local news (arrests, fires, oil drilling, court cases) holds no drills, strikes,
    movements or rail sabotage: "permit to drill", "procedural maneuvers" and "a suicide
    bombing" must not become military incidents. (It does report troops stationed abroad.)"""
    from geomap.evaluate.corpora import read_corpus

    path = data_dir / "benchmarks" / "LGL"
    if not path.exists():
        pytest.skip("the LGL corpus is not in the data dir")
    corpus = read_corpus(path, limit=150)
    kinds = {
        i.event_type
        for d in corpus.documents
        for i in pipeline.read(Document(d.text, Source(path=d.doc_id))).incidents
    }
    assert kinds <= {"arrest", "troop_deployment", "attack"}, kinds
    # the one attack in these 150 is a real one: a suicide bombing in Sri Lanka's Matara
    # district, not the capital it is measured from
    attacks = [
        i
        for d in corpus.documents
        for i in pipeline.read(Document(d.text, Source(path=d.doc_id))).incidents
        if i.event_type == "attack"
    ]
    assert {(i.place.candidate.name, i.place.candidate.country_code) for i in attacks} <= {
        ("Matara District", "LK")
    }
    assert all("suicide bombing" in i.quote for i in attacks)


# -- general behaviour, on sentences written for these tests -----------------------------------


def _report(pipeline, title: str, published: str, body: str):
    """The incidents of a report in the dev-set layout: title, publication line, body."""
    from geomap.ingest import document_from_text

    text = f"{title}\nPublished: {published}\n\n{body}\n"
    return pipeline.read(document_from_text(text, Source(path="report.txt"))).incidents


def _types_at(pipeline, published: str, body: str) -> set[tuple[str, str]]:
    """(event type, place as written) of each incident of a short report."""
    return {
        (i.event_type, i.place.mention.text) for i in _report(pipeline, "Report", published, body)
    }


def _the_incident(pipeline, published: str, body: str):
    """The one incident of a short report; it fails when the report gives none or several."""
    (incident,) = _report(pipeline, "Report", published, body)
    return incident


def test_history_is_background_not_an_incident(pipeline):
    """An event that ended more than a year before publication is told as background."""
    incidents = _report(
        pipeline,
        "Partisans then and now",
        "2022-05-10",
        "In the summer of 1943 partisans blew up the railway at Zhlobin station. "
        "In August 2020 workers in Orsha were detained after the strikes. "
        "On Sunday unknown people set fire to a relay cabinet near Orsha.",
    )
    assert [(i.event_type, i.date_start) for i in incidents] == [
        ("rail_sabotage", date(2022, 5, 8))
    ]


def test_headline_is_no_incident_of_its_own(pipeline):
    """The title's missile strike on Lutsk is the body's strike on Rivne told in fewer words;
    a fact-check title that denies a crossing gives nothing."""
    incidents = _report(
        pipeline,
        "Missiles hit fuel depot in Lutsk",
        "2022-05-04",
        "Two missiles struck a fuel depot in Rivne on Monday, the governor said.",
    )
    assert [i.place.candidate.name for i in incidents] == ["Rivne"]
    assert not _report(
        pipeline,
        "Fact check: no tanks crossed near Brahin",
        "2022-05-04",
        "A video shared online was filmed years ago, our desk found.",
    )


def test_dateline_is_when_the_report_was_filed(pipeline):
    """ "RIVNE, May 4 (Reuters) - ... early Tuesday": the strike was on Tuesday."""
    (strike,) = _report(
        pipeline,
        "Depot burns in Rivne",
        "2022-05-04",
        "RIVNE, May 4 (Reuters) - Russian missiles struck a fuel depot in Rivne early Tuesday, "
        "the governor said.",
    )
    assert strike.event_type == "missile_strike"
    assert strike.date_start == strike.date_end == date(2022, 5, 3)


def test_probable_destination_is_no_incident(pipeline):
    assert not _report(
        pipeline,
        "Where the brigades go",
        "2022-05-04",
        "The brigades in Homiel are probably being sent on to the east of Ukraine.",
    )


@pytest.mark.parametrize(
    ("sentence", "event_type", "place"),
    [
        (
            "Russian missiles slammed into a fuel depot in Rivne on Monday.",
            "missile_strike",
            "Rivne",
        ),
        ("Two missiles destroyed a bridge in Lutsk on Monday.", "missile_strike", "Lutsk"),
        (
            "On Monday a strike by three Russian helicopters set a warehouse in Sumy on fire.",
            "air_strike",
            "Sumy",
        ),
        (
            "On Monday two combat helicopters carried out four strikes on houses in Sumy.",
            "air_strike",
            "Sumy",
        ),
        (
            "On Monday trains in Vitebsk ran on manual control for a day.",
            "rail_disruption",
            "Vitebsk",
        ),
        (
            "On Monday the railway suspended passenger services to Kovel after the blast.",
            "rail_disruption",
            "Kovel",
        ),
        (
            "The rail connection between Lida and Hrodna was severed on Monday.",
            "rail_disruption",
            None,
        ),
        (
            "Satellite images taken on Monday show Russian battalion groups near Yelsk.",
            "troop_deployment",
            "Yelsk",
        ),
        (
            "On Monday Russian jets were still parked at the airfield in Lida.",
            "troop_deployment",
            "Lida",
        ),
        (
            "On Monday paratroopers were drilling at ranges near Barysaw.",
            "military_exercise",
            "Barysaw",
        ),
        (
            "On Monday Russian and Belarusian pilots practised joint patrolling over Hrodna.",
            "military_exercise",
            "Hrodna",
        ),
        (
            "Units of the 1st Tank Army had arrived in Pinsk on Monday, officials said.",
            "troop_movement",
            "Pinsk",
        ),
        (
            "On Monday tanks and infantry vehicles rolled out of Klintsy towards Chernihiv.",
            "troop_movement",
            "Chernihiv",
        ),
        (
            "On Monday a military train with Tor launchers stood at Kalinkavichy station.",
            "equipment_movement",
            "Kalinkavichy",
        ),
    ],
)
def test_how_each_event_type_is_reported(pipeline, sentence, event_type, place):
    """Several wordings of each event type, in sentences of their own."""
    incidents = _report(pipeline, "Morning digest", "2022-05-04", sentence)
    kinds = {i.event_type for i in incidents}
    assert event_type in kinds, (sentence, kinds)
    if place:
        placed = {i.place.mention.text for i in incidents if i.event_type == event_type}
        assert any(place in p for p in placed), (sentence, placed)
    for incident in incidents:
        assert incident.date_end == date(2022, 5, 2)


def test_tanks_carried_on_wagons_are_equipment(pipeline):
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday flat wagons carrying tanks were filmed crossing Mazyr.",
    )
    assert {i.event_type for i in incidents} == {"equipment_movement"}


def test_coordinated_regions_are_each_a_destination(pipeline):
    """ "pushed into the Sumy and Poltava regions": two movements, neither placed at the
    country the sentence also names."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday Russian columns crossed into Ukraine from Russia's Kursk region and pushed "
        "into the Sumy and Poltava regions.",
    )
    moves = [i for i in incidents if i.event_type == "troop_movement"]
    names = sorted(i.place.candidate.name for i in moves)
    assert len(names) == 2 and names[0].startswith("Poltava") and names[1].startswith("Sumy")
    assert all(i.place.candidate.feature_class == "admin1" for i in moves)
    assert [i.origin.candidate.name.split()[0] for i in moves] == ["Kursk", "Kursk"]


def test_waypoint_is_not_the_destination(pipeline):
    (train,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday an echelon with Pantsir launchers was photographed passing Rechytsa on its "
        "way to Mazyr.",
    )
    assert train.event_type == "equipment_movement"
    assert train.place.candidate.name == "Mazyr"


def test_home_town_only_when_no_other_place(pipeline):
    """Residents of Babruysk detained in the Asipovichy district were detained there; a
    resident of Orsha detained somewhere unsaid is placed at Orsha."""
    (held,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Two men, both residents of Babruysk, were detained on Monday in the Asipovichy district.",
    )
    assert held.event_type == "arrest" and "Asipovichy" in held.place.mention.text
    (alone,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday police detained a 30-year-old resident of Orsha who had filmed trains.",
    )
    assert alone.event_type == "arrest" and alone.place.candidate.name == "Orsha"


def test_local_officials_speak_of_their_town(pipeline):
    """ "officials in Sumy said ... an air strike on the town's depot": at Sumy; an office's
    town ("Kharkiv governor") and an aircraft type ("Su-34") are no places of their own."""
    (strike,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Officials in Sumy said on Tuesday that an air strike on the town's depot on Monday had "
        "killed three people.",
    )
    assert strike.event_type == "air_strike"
    assert strike.place.candidate.name == "Sumy"
    assert strike.date_start == date(2022, 5, 2)
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Kharkiv governor Oleh Syniehubov said on Tuesday that Su-34 bombers dropped bombs on "
        "a school in Izium on Monday.",
    )
    assert [i.place.candidate.name for i in incidents] == ["Izyum"]


def test_place_line_places_an_event_that_names_none(pipeline):
    """A local report opens with its town on a line of its own; an event that names no
    place happened there. A line with more than names is no such line."""
    (strike,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Kursk.\nOn Monday the fuel depot on the edge of the city burned after a strike by two "
        "helicopters.",
    )
    assert strike.event_type == "air_strike" and strike.place.candidate.name == "Kursk"
    # (a line that is more than names places nothing; "the city" would still point back to
    # the town it names)
    assert not _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Thoughts on Kursk.\nOn Monday a fuel depot burned after a strike by two helicopters.",
    )


def test_a_later_sentence_keeps_its_own_date(pipeline):
    """ "On Tuesday a second strike hit ...": the strike of the sentence before goes on, on a
    day of its own."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Sunday missiles struck a depot in Lutsk. On Tuesday a second strike hit a plant in "
        "Rivne.",
    )
    dated = {i.place.candidate.name: (i.event_type, i.date_start) for i in incidents}
    assert dated == {
        "Lutsk": ("missile_strike", date(2022, 5, 1)),
        "Rivne": ("missile_strike", date(2022, 5, 3)),
    }


def test_units_that_remain_on_a_range_are_drilling(pipeline):
    (drill,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Units of the Belarusian army remain at the training grounds near Brest.",
    )
    assert drill.event_type == "military_exercise"
    assert drill.place.candidate.name == "Brest"
    assert drill.date_start == drill.date_end == date(2022, 5, 4)  # a state at publication


def test_the_month_may_is_no_hedge(pipeline):
    """ "on 2 May", "May 4 (Reuters)": the month, not the modal verb."""
    (arrest,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Two men from Babruysk were detained in Zhlobin on the night of 1 to 2 May.",
    )
    assert arrest.event_type == "arrest" and arrest.place.candidate.name == "Zhlobin"
    assert (arrest.date_start, arrest.date_end) == (date(2022, 5, 1), date(2022, 5, 2))
    assert not _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Police may detain more people in Zhlobin, officials said on Monday.",
    )


def test_drone_strike_is_an_air_strike(pipeline):
    (strike,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "A drone strike hit a depot in Belgorod early Saturday.",
    )
    assert strike.event_type == "air_strike"
    assert strike.date_start == date(2022, 4, 30)


def test_dateline_place_is_no_location_but_a_last_resort(pipeline):
    """ "KHARKIV, May 3 (AP) —": where the report was filed, not where the arrest was; the
    town of a strike that names no other place."""
    (held,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "KHARKIV, May 3 (AP) — Police detained two men in Izium on Monday.",
    )
    assert held.event_type == "arrest" and held.place.candidate.name == "Izyum"
    (strike,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "KHARKIV, May 3 (AP) — A Russian rocket attack hit the north of the city early Monday.",
    )
    assert strike.event_type == "missile_strike" and strike.place.candidate.name == "Kharkiv"


def test_tanks_on_trains_are_equipment(pipeline):
    (train,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Two echelons with Russian tanks passed through Orsha on Monday, residents report.",
    )
    assert train.event_type == "equipment_movement"


def test_no_one_hurt_is_no_denial(pipeline):
    """ "no columns crossed" denies the event; "no one was hurt" does not."""
    (strike,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "No one was hurt when two missiles struck a depot in Lutsk on Monday.",
    )
    assert strike.event_type == "missile_strike"
    assert not _report(
        pipeline, "Morning digest", "2022-05-04", "On Monday no columns crossed near Brahin."
    )


@pytest.mark.parametrize(
    "body",
    [
        "Night trains from Odesa to Kyiv arrived up to six hours late on Monday.",
        "On Monday all departures from Kharkiv station were cancelled for the afternoon.",
        "Freight traffic through Orsha came to a standstill on Monday.",
        "On Monday about a dozen trains were stuck outside Zhlobin for most of the day.",
        "The dispatching system at Homiel failed on Monday and trains were routed by radio.",
        "Suburban services near Lviv were diverted on Monday.",
        "On Monday a lorry blocked the main line near Kovel.",
    ],
)
def test_rail_disruption_as_news_tells_it(pipeline, body):
    """Delays, cancellations, standstills, stranded trains, failed systems, reroutes and
    blocked lines are rail disruptions, dated on the day told."""
    (stop,) = _report(pipeline, "Morning digest", "2022-05-04", body)
    assert stop.event_type == "rail_disruption"
    assert stop.date_start == date(2022, 5, 2)


def test_power_cut_is_a_disruption_and_a_missile_is_a_strike(pipeline):
    """Damage from a power cut is no sabotage; a missile that wrecks a bridge is a strike and
    the line it cuts a disruption at the same place."""
    (failure,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "A power outage put the interlocking at Fastiv out of action on Monday.",
    )
    assert failure.event_type == "rail_disruption"
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "A Russian missile wrecked a railway bridge near Sarny on Monday, cutting the line east.",
    )
    assert sorted((i.event_type, i.place.candidate.name) for i in incidents) == [
        ("missile_strike", "Sarny"),
        ("rail_disruption", "Sarny"),
    ]


def test_delays_after_sabotage_are_its_effect(pipeline):
    """The delays told after the fire are what the fire did, not a second incident; a new
    event "on the same day" is coded."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Unknown people set fire to a relay cabinet near Zhlobin on Monday. "
        "Trains were held outside the station for four hours.",
    )
    assert [i.event_type for i in incidents] == ["rail_sabotage"]
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Unknown people set fire to a relay cabinet near Zhlobin on Monday. "
        "On the same day suburban services from Kyiv to Fastiv were suspended.",
    )
    assert [i.event_type for i in incidents] == ["rail_sabotage", "rail_disruption"]


@pytest.mark.parametrize(
    "body",
    [
        "On Monday KGB officers held three railway workers in Zhlobin.",
        "A 22-year-old was held by the police in Zhlobin on Monday.",
        "A court in Zhlobin on Monday sentenced a signalman to nine years.",
        "On Monday a fitter was remanded in custody in Zhlobin.",
        "On Monday police shot a man while arresting him in Zhlobin.",
    ],
)
def test_arrest_verbs(pipeline, body):
    (held,) = _report(pipeline, "Morning digest", "2022-05-04", body)
    assert held.event_type == "arrest"
    assert held.place.candidate.name == "Zhlobin" and held.date_start == date(2022, 5, 2)


def test_trains_held_are_no_arrest(pipeline):
    (stop,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday long-distance trains were held for hours at Zhlobin.",
    )
    assert stop.event_type == "rail_disruption"


def test_passive_cable_cut_and_back_reference(pipeline):
    """Cables "were cut" is sabotage; "the line there" is the place of the sentence before."""
    (cut,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Signal cables near Zhlobin were cut on Monday.",
    )
    assert cut.event_type == "rail_sabotage" and cut.place.candidate.name == "Zhlobin"
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Police detained two men near Kalinkavichy on Monday. "
        "Hours earlier, a relay box beside the line there had been burnt out.",
    )
    assert [(i.event_type, i.place.candidate.name, i.date_start) for i in incidents] == [
        ("arrest", "Kalinkovichi", date(2022, 5, 2)),
        ("rail_sabotage", "Kalinkovichi", date(2022, 5, 2)),
    ]


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        (
            "On Monday tanks and armoured personnel carriers drove through Yelsk heading east.",
            "troop_movement",
        ),
        (
            "Russian battalions are now refitting in the Brest region, around Pinsk.",
            "troop_deployment",
        ),
        (
            "Satellite images from Monday show a field deployment of some 60 vehicles near Yelsk.",
            "troop_deployment",
        ),
        (
            "On Monday Belarusian Su-30 crews flew joint patrols out of the Lida air base.",
            "military_exercise",
        ),
        ("On Monday artillery units fired live at a range near Barysau.", "military_exercise"),
        ("On Monday a dozen BMP-2s were offloaded at Yelsk station.", "equipment_movement"),
        (
            "On Monday a troop train with paratroopers from Pskov pulled into Yelsk.",
            "troop_movement",
        ),
    ],
)
def test_military_vocabulary(pipeline, body, event_type):
    incidents = _report(pipeline, "Morning digest", "2022-05-04", body)
    assert incidents and {i.event_type for i in incidents} == {event_type}


def test_time_of_day_keeps_the_day(pipeline):
    """ "By noon ... had struck" is later that day, not an earlier one; a bare clock time in a
    report is the day it was published."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Russian missiles struck an oil depot in Lutsk early on Monday. "
        "By noon, rockets had hit the railway station in Kovel.",
    )
    assert [(i.place.candidate.name, i.date_start) for i in incidents] == [
        ("Lutsk", date(2022, 5, 2)),
        ("Kovel", date(2022, 5, 2)),
    ]
    (column,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "At 07:15 a column of armoured vehicles drove through Yelsk heading south.",
    )
    assert column.date_start == date(2022, 5, 4) and column.time_precision == "day"


def test_old_footage_and_office_names(pipeline):
    """A clip filmed during an earlier exercise is background; "Rivne regional officials"
    speak for an office, the event is where it happened."""
    assert not _report(
        pipeline,
        "Fact check",
        "2022-05-04",
        "The clip was actually shot near Barysau in January 2022, during an earlier exercise.",
    )
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Russian missiles struck a depot in Sarny on Monday, Rivne regional officials said.",
    )
    assert [i.place.candidate.name for i in incidents] == ["Sarny"]


def test_an_event_told_twice_is_one_incident(pipeline):
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday police detained two men in Zhlobin. "
        "The two were detained in Zhlobin on Monday after filming an echelon.",
    )
    assert [i.event_type for i in incidents] == ["arrest"]


def test_denied_delay_and_derailments(pipeline):
    """ "No trains were delayed" tells no disruption; a train that derailed is a disruption,
    one that partisans derailed is sabotage."""
    assert not _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "The railway said no trains were delayed at Orsha on Monday.",
    )
    (derailed,) = _report(
        pipeline, "Morning digest", "2022-05-04", "A freight train derailed near Orsha on Monday."
    )
    assert derailed.event_type == "rail_disruption"
    (sabotage,) = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday partisans derailed a fuel train near Orsha.",
    )
    assert sabotage.event_type == "rail_sabotage"


@pytest.mark.parametrize(
    "body",
    [
        "On Monday security officers picked up two railway workers in Zhlobin.",
        "On Monday two men were seized by KGB agents in Zhlobin.",
        "On Monday police raided three homes in Zhlobin and took them into custody.",
        "On Monday a court in Zhlobin handed a signalman a 15-year prison term.",
        "On Monday three suspects were placed in pre-trial detention in Zhlobin.",
    ],
)
def test_more_ways_to_tell_an_arrest(pipeline, body):
    (held,) = _report(pipeline, "Morning digest", "2022-05-04", body)
    assert held.event_type == "arrest" and held.place.candidate.name == "Zhlobin"


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        ("On Monday Russian paratroopers landed at an airfield near Homiel.", "troop_movement"),
        ("The Russian contingent remains in the Brest region, officials said.", "troop_deployment"),
        ("On Monday troops dug trenches near Komarin.", "troop_deployment"),
        ("On Monday rocket launchers were set up in the fields near Yelsk.", "troop_deployment"),
        (
            "On Monday the army began snap combat readiness checks near Barysau.",
            "military_exercise",
        ),
    ],
)
def test_forces_that_land_stay_dig_in_and_are_checked(pipeline, body, event_type):
    incidents = _report(pipeline, "Morning digest", "2022-05-04", body)
    assert incidents and {i.event_type for i in incidents} == {event_type}


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        ("On Monday saboteurs unscrewed rail fastenings near Orsha.", "rail_sabotage"),
        ("On Monday a bomb was planted under the tracks near Orsha.", "rail_sabotage"),
        ("On Monday activists poured sand into the points mechanism at Orsha.", "rail_sabotage"),
        ("A fire broke out in a relay cabinet near Orsha on Monday night.", "rail_sabotage"),
        ("On Monday hackers encrypted Belarusian Railways servers in Minsk.", "rail_disruption"),
        ("On Monday the Russian air force struck targets near Zhytomyr.", "air_strike"),
    ],
)
def test_sabotage_and_strike_vocabulary(pipeline, body, event_type):
    incidents = _report(pipeline, "Morning digest", "2022-05-04", body)
    assert incidents and {i.event_type for i in incidents} == {event_type}


def test_weather_and_chores_are_no_sabotage(pipeline):
    assert not _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday a blast of cold air hit the railway at Orsha, and workers removed snow "
        "from the tracks.",
    )


def test_strike_that_cuts_power_to_the_line(pipeline):
    """A strike that cuts power to the line is a strike and a disruption where it hit; the
    cancellations told next are its effect."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Russian missiles hit the traction substation at Fastiv on Monday, cutting power to "
        "the line. Five suburban trains were cancelled in the Kyiv region.",
    )
    assert sorted((i.event_type, i.place.candidate.name) for i in incidents) == [
        ("missile_strike", "Fastiv"),
        ("rail_disruption", "Fastiv"),
    ]


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        ("On Monday tanks were loaded onto flatcars at Barysau station.", "equipment_movement"),
        ("On Monday two Il-76s landed at an airfield near Luninets.", "equipment_movement"),
        (
            "On Monday a train carrying military fuel tankers stood at Orsha station for hours.",
            "equipment_movement",
        ),
        ("On Monday passenger trains stood at Orsha station for three hours.", "rail_disruption"),
    ],
)
def test_military_trains_standing_are_sightings(pipeline, body, event_type):
    incidents = _report(pipeline, "Morning digest", "2022-05-04", body)
    assert incidents and {i.event_type for i in incidents} == {event_type}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("On Monday the railway warned of delays of up to five hours at Orsha.", "rail_disruption"),
        ("On Monday commuter trains to Irpin were not running.", "rail_disruption"),
        ("On Monday the station at Kramatorsk was closed to passengers.", "rail_disruption"),
        ("On Monday rail traffic through Orsha was frozen.", "rail_disruption"),
        ("On Monday trains through Orsha were running normally, without delays.", None),
        ("On Monday the police station in Orsha was closed.", None),
    ],
)
def test_disruption_nouns_and_their_negatives(pipeline, body, expected):
    incidents = _report(pipeline, "Morning digest", "2022-05-04", body)
    assert {i.event_type for i in incidents} == ({expected} if expected else set())


def test_earlier_events_and_promises(pipeline):
    """ "Earlier, ..." tells a past event, not old footage; a promise that the army "would
    stay at home" is no deployment."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Earlier, in March, police in Rechytsa detained two men over a fire in a relay cabinet "
        "at Zhlobin station on 2 March.",
    )
    assert {i.event_type for i in incidents} == {"arrest", "rail_sabotage"}
    assert not _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "The minister promised that the Belarusian army would stay at home in the Brest region.",
    )


def test_summary_names_no_empty_date(pipeline):
    """Undated incidents, and dates the text gives only by context, leave no "()" behind."""
    from pathlib import Path

    from geomap.ingest import read_inputs

    briefs = Path(__file__).resolve().parents[1] / "data"
    summaries = [
        incident.summary
        for document in read_inputs([str(briefs)], on_error=print)
        for incident in pipeline.read(document).incidents
    ]
    assert summaries
    assert not [s for s in summaries if "()" in s]


def _kinds_at(incidents) -> set[tuple[str, str]]:
    return {(i.event_type, i.place.mention.text) for i in incidents}


@pytest.mark.parametrize(
    ("body", "event_type", "place"),
    [
        # forces present at a named place
        (
            "On Monday some twenty Russian battalions were in the Brest region, the ministry said.",
            "troop_deployment",
            "Brest",
        ),
        # equipment lined up, as imagery shows it
        (
            "Images taken on Monday show thirty helicopters lined up at the air base in Baranavichy.",
            "troop_deployment",
            "Baranavichy",
        ),
        # rail cargo on wagons
        (
            "On Monday eight Ka-52 helicopters stood on flat wagons at Orsha.",
            "equipment_movement",
            "Orsha",
        ),
        # a bomb dropped by an aircraft
        (
            "On Monday a bomb dropped by a Russian helicopter wrecked a warehouse in Sumy.",
            "air_strike",
            "Sumy",
        ),
        # a warning of troops attacking, placed where it points
        (
            "On Monday the General Staff said the danger of Russian troops attacking towards "
            "Sumy was high.",
            "offensive_threat",
            "Sumy",
        ),
        # columns that reached a town, not the town that measures the distance
        (
            "On Monday Russian columns reached Brahin, some 30 km south of Rechytsa.",
            "troop_movement",
            "Brahin",
        ),
    ],
)
def test_troop_and_strike_wordings(pipeline, body, event_type, place):
    """New wordings of troop, threat and strike events, in sentences of their own."""
    incidents = _report(pipeline, "Morning digest", "2022-05-04", body)
    found = {(k, p) for k, p in _kinds_at(incidents) if k == event_type}
    assert found and all(place in p for _, p in found), (body, _kinds_at(incidents))


def test_threat_and_forces_in_one_clause_are_both_told(pipeline):
    incidents = _report(
        pipeline,
        "Border update",
        "2022-05-04",
        "On Monday the border service said the threat of an attack on the Volyn region "
        "persists, and Belarusian battalions are still regrouping near Pinsk.",
    )
    kinds = {(k, p.split()[0]) for k, p in _kinds_at(incidents)}
    assert ("offensive_threat", "Volyn") in kinds and ("troop_deployment", "Pinsk") in kinds, kinds


def test_threat_that_persists_holds_at_publication(pipeline):
    incidents = _report(
        pipeline,
        "Border update",
        "2022-05-04",
        "The threat of an offensive from Belarus towards Kovel persists.",
    )
    assert [(i.event_type, i.date_start) for i in incidents] == [
        ("offensive_threat", date(2022, 5, 4))
    ]


def test_state_in_reported_speech_takes_the_statement_day(pipeline):
    incidents = _report(
        pipeline,
        "Border update",
        "2022-05-04",
        "A border service spokesman told reporters on Monday that the situation was calm. "
        "In his words, Russian units are still regrouping near Mazyr.",
    )
    assert [(i.event_type, i.date_start) for i in incidents] == [
        ("troop_deployment", date(2022, 5, 2))
    ]


def test_live_blog_time_stamp_dates_its_entry(pipeline):
    incidents = _report(
        pipeline, "Live", "2022-05-04", "14:05 — A missile hit a fuel depot in Lutsk."
    )
    assert [(i.event_type, i.date_start, i.date_end) for i in incidents] == [
        ("missile_strike", date(2022, 5, 4), date(2022, 5, 4))
    ]


def test_country_of_the_launch_area_is_no_target(pipeline):
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday the enemy fired missiles from the Mazyr area in Belarus at Ovruch.",
    )
    assert _kinds_at(incidents) == {("missile_strike", "Ovruch")}
    assert incidents[0].origin is not None


# -- the rail war: sabotage, disruption, arrests, and the sentences that tell none ------------


@pytest.mark.parametrize(
    ("sentence", "event_type", "place"),
    [
        (
            "On Monday unknown people set a relay cabinet on fire near Barysaw.",
            "rail_sabotage",
            "Barysaw",
        ),
        (
            "The torching of a signal box outside Orsha on Monday angered the railway.",
            "rail_sabotage",
            "Orsha",
        ),
        ("On Monday two men broke into a relay cabinet near Lida.", "rail_sabotage", "Lida"),
        (
            "On Monday the wiring in a signal cabinet near Babruysk was cut.",
            "rail_sabotage",
            "Babruysk",
        ),
        (
            "On Monday the signalling at Vitebsk stopped working for six hours.",
            "rail_disruption",
            "Vitebsk",
        ),
        (
            "On Monday freight traffic at Mahilyow came to a complete stop.",
            "rail_disruption",
            "Mahilyow",
        ),
        (
            "On Monday dispatchers at Hrodna station had to switch to manual control.",
            "rail_disruption",
            "Hrodna",
        ),
        (
            "On Monday hackers attacked the railway's computer network in Minsk.",
            "rail_disruption",
            "Minsk",
        ),
        (
            "On Monday the KGB picked up a 52-year-old locomotive driver at Pinsk.",
            "arrest",
            "Pinsk",
        ),
    ],
)
def test_how_the_rail_war_is_reported(pipeline, sentence, event_type, place):
    """Nominalisations ("the torching of"), break-ins, cut wiring, failed systems, manual
    control and arrests of people named by age and trade."""
    incidents = _report(pipeline, "Morning digest", "2022-05-04", sentence)
    placed = {i.place.mention.text for i in incidents if i.event_type == event_type}
    assert any(place in p for p in placed), (
        sentence,
        [(i.event_type, i.place.mention.text) for i in incidents],
    )
    for incident in incidents:
        assert incident.date_end == date(2022, 5, 2)


@pytest.mark.parametrize(
    "sentence",
    [
        # habitual: deeds done again and again since a date are no one incident
        "Partisans have repeatedly damaged relay cabinets near Lida since early March.",
        # a place only in what would happen
        "The ministry said the tanks took part in an exercise and would return to Russia afterwards.",
        # a place only in what is denied
        "The railway blamed a storm and denied that any cabinet near Orsha had been burned.",
    ],
)
def test_rail_war_traps_give_no_incident(pipeline, sentence):
    incidents = _report(pipeline, "Morning digest", "2022-05-04", sentence)
    assert not incidents, [(i.event_type, i.place.mention.text) for i in incidents]


def test_a_flow_since_a_date_is_one_incident(pipeline):
    """ "have been leaving since" tells one movement over a span, unlike repeated deeds."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "Since the start of May, trains loaded with Russian tanks have been leaving Mazyr for Bryansk.",
    )
    assert {i.event_type for i in incidents} == {"equipment_movement"}


def test_gear_between_two_stations_lies_on_their_section(pipeline):
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday two relay cabinets between Tatarka and Dachnaya were burned.",
    )
    assert [(i.event_type, i.geometry_role) for i in incidents] == [("rail_sabotage", "section")]


def test_numbered_station_is_the_station(pipeline):
    """ "Krichev-1 station" is a station, not an aircraft model like "Su-35"."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday police detained a fitter at Krichev-1 station.",
    )
    assert [i.place.mention.text for i in incidents] == ["Krichev-1"]


def test_stoppage_and_the_sabotage_that_caused_it(pipeline):
    """One sentence, two incidents at their own places."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday freight trains were stuck at Zhlobin after saboteurs damaged the signalling "
        "near Rechytsa.",
    )
    assert sorted((i.event_type, i.place.mention.text) for i in incidents) == [
        ("rail_disruption", "Zhlobin"),
        ("rail_sabotage", "Rechytsa"),
    ]


def test_strike_is_where_the_line_stopped(pipeline):
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday the railway halted all trains through Poltava after a missile hit the "
        "substation beside the station.",
    )
    assert sorted((i.event_type, i.place.mention.text) for i in incidents) == [
        ("missile_strike", "Poltava"),
        ("rail_disruption", "Poltava"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a cyberattack stops trains; it harms no track
        (
            "On Monday hackers' attack on the railway's computer network stopped trains in Orsha.",
            {"rail_disruption"},
        ),
        # a bomb from the air is a strike, not sabotage
        ("On Monday jets dropped two bombs near the railway station in Korosten.", set()),
        ("On Monday partisans laid logs across the tracks near Lida.", {"rail_sabotage"}),
    ],
)
def test_who_harms_the_railway_decides_the_type(pipeline, sentence, expected):
    incidents = _report(pipeline, "Morning digest", "2022-05-04", sentence)
    assert {i.event_type for i in incidents} - {"air_strike"} == expected, sentence


def test_a_route_name_is_no_place_of_the_event(pipeline):
    """ "the Brest–Minsk trains" names a route; the trains stood at Baranavichy."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday the Hrodna–Minsk trains were held at Lida for three hours.",
    )
    assert [i.place.mention.text for i in incidents] == ["Lida"]


def test_trains_cancelled_to_a_country_are_stopped_where_they_start(pipeline):
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday the railway cancelled all passenger trains from Brest to Poland.",
    )
    assert [i.place.mention.text for i in incidents] == ["Brest"]


def _score_set(pipeline, folder: Path) -> dict:
    """A dev set read and scored: precision, recall and the incidents from trap sentences."""
    documents = read_inputs(
        [str(p) for p in sorted((folder / "reports").glob("*.txt"))], on_error=print
    )
    results = {Path(d.source.path).name: pipeline.read(d) for d in documents}
    return evaluate_incidents(
        folder / "reports", folder / "annotations.jsonl", lambda paths: _predicted(results)
    ).summary()


@pytest.mark.parametrize(
    ("name", "precision", "recall"),
    # measured 2026-11-30 (dev2 .966/.966, dev3 .978/.957, dev4 .846/.821, dev5 .914/.914,
    # dev6 .837/.900, dev7 .971/.917), floors a little below
    [
        ("incidents_dev2", 0.94, 0.94),
        ("incidents_dev3", 0.95, 0.93),
        ("incidents_dev4", 0.82, 0.79),
        ("incidents_dev5", 0.89, 0.89),
        ("incidents_dev6", 0.81, 0.87),
        # dev7 tuned on 2026-11-30: .971/.917 (fresh: .634/.722, 3 trap incidents)
        ("incidents_dev7", 0.94, 0.88),
        # dev8 tuned: .875/.778 (fresh: .656/.583, 3 trap incidents)
        ("incidents_dev8", 0.85, 0.75),
        # dev9, other wars, tuned: 1.0/.975 (fresh with the new types: .707/.725)
        ("incidents_dev9", 0.96, 0.94),
        # dev10, other wars, tuned: .912/.861 (fresh: .531/.472, 2 trap incidents)
        ("incidents_dev10", 0.88, 0.83),
        # dev11, other wars, tuned: .906/.892 (fresh: .561/.569, 14 trap incidents)
        ("incidents_dev11", 0.87, 0.86),
        # dev12, other wars, tuned a little: .616/.692 (fresh: .552/.569, 3 trap incidents)
        ("incidents_dev12", 0.59, 0.66),
    ],
)
def test_dev_sets_hold_their_score(pipeline, name, precision, recall):
    """Every dev set after the first, each written fresh before it was tuned on: no
    regression, and no incident from any denial, speculation or habitual trap sentence."""
    score = _score_set(pipeline, REPO / "benchmarks" / name)
    assert score["precision"] >= precision, score
    assert score["recall"] >= recall, score
    assert score["trap_incidents"] == 0, score


def test_other_wars_held_out_set_keeps_its_first_score(pipeline):
    """The world held-out set (benchmarks/incidents_heldout_world), scored once and never
    looked into: P .647, R .629 and one trap incident when it was first run. A floor, so
    that later work on the dev sets does not lose it; its misses are not shown."""
    score = _score_set(pipeline, REPO / "benchmarks" / "incidents_heldout_world")
    assert score["precision"] >= 0.62, score["precision"]
    assert score["recall"] >= 0.60, score["recall"]
    assert score["trap_incidents"] <= 1, score["trap_incidents"]


@pytest.mark.parametrize(
    ("sentence", "event_type", "place"),
    [
        # a warhead's impact told by what it did to the building
        (
            "On Monday a cruise missile tore through the roof of a shopping centre in Vinnytsia.",
            "missile_strike",
            "Vinnytsia",
        ),
        (
            "On Monday a ballistic missile exploded over the bus depot in Kharkiv.",
            "missile_strike",
            "Kharkiv",
        ),
        # bombs counted between the verb and the noun
        (
            "On Monday Russian jets dropped two heavy bombs on a market in Sumy.",
            "air_strike",
            "Sumy",
        ),
    ],
)
def test_how_a_strike_is_told(pipeline, sentence, event_type, place):
    incidents = _report(pipeline, "Morning digest", "2022-05-04", sentence)
    assert [(i.event_type, i.place.mention.text) for i in incidents] == [(event_type, place)]
    assert incidents[0].date_end == date(2022, 5, 2)


def test_a_rejected_claim_is_a_denial(pipeline):
    """ "Minsk rejects claims of ...": a denial in a headline is still a denial."""
    incidents = _report(
        pipeline,
        "Kyiv rejects reports of missile launches from Chernihiv",
        "2022-05-04",
        "The statement gave no further details.",
    )
    assert not incidents, [(i.event_type, i.place.mention.text) for i in incidents]


def test_a_launch_point_told_by_what_it_is_near_is_the_origin(pipeline):
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "On Monday missiles fired from near Kalinkavichy hit the airport of Zhytomyr.",
    )
    assert [(i.place.mention.text, i.origin and i.origin.mention.text) for i in incidents] == [
        ("Zhytomyr", "Kalinkavichy")
    ]


def test_a_dateline_of_two_cities_is_where_the_report_was_filed(pipeline):
    """ "WARSAW/KYIV, 4 May (dpa) -": both are filing places, the date is the filing date."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "WARSAW/KYIV, 4 May (dpa) - Russian jets bombed a school in Sumy on Monday, "
        "officials said.",
    )
    assert [(i.place.mention.text, i.date_end) for i in incidents] == [("Sumy", date(2022, 5, 2))]


def test_the_next_day_counts_from_the_event_before(pipeline):
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-06",
        "On Monday a train with tanks was unloaded at Kalinkavichy. The next morning a column "
        "of armoured vehicles arrived at Mazyr from the direction of Rechytsa.",
    )
    dated = {i.place.mention.text: i.date_end for i in incidents}
    assert dated == {"Kalinkavichy": date(2022, 5, 2), "Mazyr": date(2022, 5, 3)}, dated
    arrival = next(i for i in incidents if i.place.mention.text == "Mazyr")
    assert arrival.origin is not None and arrival.origin.mention.text == "Rechytsa"


def test_more_of_an_event_is_told_on_its_day(pipeline):
    """ "Rescuers were still searching ...": the strike before, not a state of today."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-06",
        "On Monday a missile hit a warehouse in Dnipro. The missiles were still smouldering "
        "in the ruins at dusk.",
    )
    assert {(i.event_type, i.date_end) for i in incidents} == {("missile_strike", date(2022, 5, 2))}


def test_an_office_holder_is_no_place(pipeline):
    """ "mayor Ivan Sumy": a surname after an office and a given name is a person."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-06",
        "On Monday rockets hit a fuel depot in Lviv, mayor Andriy Poltava wrote on Telegram.",
    )
    assert [i.place.mention.text for i in incidents] == ["Lviv"]


@pytest.mark.parametrize(
    ("body", "event_type", "place"),
    [
        # the town named in an earlier sentence
        (
            "Residents of villages around Babruysk heard gunfire all night. On Monday the army "
            "confirmed that a battalion had held a firing exercise on a range outside the city.",
            "military_exercise",
            "Babruysk",
        ),
        # the town named earlier in the same sentence, by the people who live there
        (
            "People in Pinsk say that Russian troops are now stationed at the airfield on the "
            "edge of their town.",
            "troop_deployment",
            "Pinsk",
        ),
    ],
)
def test_the_town_is_the_town_named_last(pipeline, body, event_type, place):
    incidents = _report(pipeline, "Morning digest", "2022-05-04", body)
    assert [(i.event_type, i.place.mention.text) for i in incidents] == [(event_type, place)]


def test_events_counted_then_told_one_by_one(pipeline):
    """ "One ...; the others near X and Y": each told event at its own place, on the day
    of the sentence that counted them."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-06",
        "On Monday three signal cabinets were set on fire. One blaze was near Orsha; the "
        "others broke out near Lida and Baranavichy.",
    )
    assert sorted((i.event_type, i.place.mention.text, i.date_end) for i in incidents) == [
        ("rail_sabotage", name, date(2022, 5, 2)) for name in ("Baranavichy", "Lida", "Orsha")
    ]


def test_what_did_not_happen_tells_no_more_of_the_event(pipeline):
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-06",
        "On Monday a missile hit the town hall in Dnipro. Most clerks had not yet arrived, "
        "and firefighters were still at work in Poltava on Wednesday.",
    )
    assert [(i.event_type, i.place.mention.text) for i in incidents] == [
        ("missile_strike", "Dnipro")
    ]


def test_saboteurs_caught_in_the_act_are_caught_where_they_did_it(pipeline):
    """The line "towards Minsk" says which way it runs; the fire was where they were held."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-06",
        "On Monday police detained two men near Lida, minutes after they had set fire to a "
        "relay cabinet on the line towards Minsk.",
    )
    assert sorted((i.event_type, i.place.mention.text) for i in incidents) == [
        ("arrest", "Lida"),
        ("rail_sabotage", "Lida"),
    ]


def test_a_day_of_speaking_comes_before_the_day_of_filing(pipeline):
    """Filed on Wednesday about what was said on Monday, with the strike's own day untold:
    on or before Monday."""
    incidents = _report(
        pipeline,
        "Morning digest",
        "2022-05-04",
        "ODESA, 4 May (Reuters) - Missiles have hit a fuel depot near Dnipro, the governor "
        "said on Monday, without saying when the attack took place.",
    )
    assert [(i.date_start, i.date_end) for i in incidents] == [(None, date(2022, 5, 2))]


def test_a_new_subject_after_and_starts_its_own_clause(pipeline):
    """ "..., and hackers posted ..." does not make the arson before it a cyberattack."""
    incidents = _report(
        pipeline,
        "Night of sabotage",
        "2022-03-18",
        "Partisans burned a relay cabinet near Orsha on 16 March, and hackers posted a "
        "message on the railway's website.",
    )
    assert ("rail_sabotage", "Orsha") in {(i.event_type, i.place.mention.text) for i in incidents}


def test_the_next_day_counts_from_the_day_told_earlier_in_the_sentence(pipeline):
    incidents = _report(
        pipeline,
        "Troops leave the town",
        "2022-04-04",
        "The governor said on Monday that the last Russian columns left Ripky on Saturday, "
        "and Ukrainian troops entered the town the next day.",
    )
    dates = sorted(str(i.date_start) for i in incidents if i.event_type == "troop_movement")
    assert dates == ["2022-04-02", "2022-04-03"], dates


def test_a_units_home_base_is_not_where_it_is(pipeline):
    """ "the brigade, which is based in Slonim, trained near Kobryn": the drill is at Kobryn;
    "whose barracks are in Vitebsk" and "a Polotsk-based regiment" are homes too."""
    incidents = _report(
        pipeline,
        "Brigade on the range",
        "2022-04-14",
        "The 11th Brigade, which is based in Slonim, held live-firing drills on a range near "
        "Kobryn on Tuesday.",
    )
    assert [(i.event_type, i.place.candidate.name) for i in incidents] == [
        ("military_exercise", "Kobryn")
    ]
    incidents = _report(
        pipeline,
        "Paratroopers in the woods",
        "2022-04-14",
        "Paratroopers of a regiment whose barracks are in Vitebsk have set up camp in woods "
        "outside Lepel, villagers said on Wednesday.",
    )
    assert {i.place.candidate.name for i in incidents} == {"Lyepyel’"}


def test_an_office_named_after_its_town_is_no_place_of_the_event(pipeline):
    """ "the Vitebsk regional police said": an organisation; the arrest is where it was made."""
    incidents = _report(
        pipeline,
        "Man held at Orsha",
        "2022-03-24",
        "Officers detained a 40-year-old man at the station in Orsha on Tuesday, the Vitebsk "
        "regional police said.",
    )
    assert [i.place.candidate.name for i in incidents] == ["Orsha"]


def test_a_weapon_named_like_a_town_is_no_place(pipeline):
    incidents = _report(
        pipeline,
        "Air defence near Brahin",
        "2022-03-24",
        "Several Pantsir air-defence vehicles are parked at a farm near Brahin, residents said "
        "on Wednesday.",
    )
    assert {i.place.candidate.name for i in incidents} <= {"Bragin"}


def test_the_airfield_a_raid_took_off_from_is_its_origin(pipeline):
    incidents = _report(
        pipeline,
        "Raid on Korosten",
        "2022-03-24",
        "Bombers that took off from the air base at Lida dropped bombs on a depot in Korosten "
        "on Tuesday, Ukrainian officials said.",
    )
    assert [(i.event_type, i.place.candidate.name) for i in incidents] == [
        ("air_strike", "Korosten")
    ]
    assert incidents[0].origin is not None and incidents[0].origin.candidate.name == "Lida"


def test_a_line_named_by_its_two_ends_is_a_railway(pipeline):
    incidents = _report(
        pipeline,
        "Line closed",
        "2022-03-24",
        "Traffic on the Orsha–Vitebsk line was halted for three hours near Bogushevsk on Monday.",
    )
    assert [(i.event_type, i.date_start) for i in incidents] == [
        ("rail_disruption", date(2022, 3, 21))
    ]


def test_late_trains_towards_a_town_are_the_sabotages_effect(pipeline):
    incidents = _report(
        pipeline,
        "Cable cut",
        "2022-03-24",
        "Saboteurs damaged a relay cabinet near Zhodzina on Tuesday, and trains towards Barysaw "
        "ran two hours late.",
    )
    assert [i.event_type for i in incidents] == ["rail_sabotage"]


def test_aircraft_told_as_stationed_are_deployed(pipeline):
    incidents = _report(
        pipeline,
        "Jets at Luninets",
        "2022-03-24",
        "Russian Su-30 fighter jets are stationed at the airfield outside Luninets, the "
        "monitoring group said on Wednesday.",
    )
    assert [(i.event_type, i.date_start) for i in incidents] == [
        ("troop_deployment", date(2022, 3, 23))
    ]


def test_a_routine_every_day_is_no_incident(pipeline):
    incidents = _report(
        pipeline,
        "Patrols",
        "2022-03-24",
        "Officials said helicopters have flown patrols over the Volyn region nearly every day "
        "since early March.",
    )
    assert incidents == []


def test_an_event_dated_after_publication_is_yet_to_happen(pipeline):
    incidents = _report(
        pipeline,
        "Drills to end",
        "2022-02-08",
        "Kyiv and Warsaw say the troops will leave after the joint exercise ends on 19 February.",
    )
    assert incidents == []


def test_a_deed_suspected_at_a_place_of_its_own_happened(pipeline):
    """ "are accused of torching a signal box near Zhlobin last week": the fire happened; the
    arrest sentence's "on suspicion of damaging signals" stays only the arrest's ground."""
    incidents = _report(
        pipeline,
        "Two held in Rahachow",
        "2022-03-25",
        "Police detained two men in Rahachow on Thursday on suspicion of damaging signals. "
        "The two are accused of torching a signal box near Zhlobin last week, investigators "
        "said.",
    )
    found = sorted((i.event_type, i.date_start) for i in incidents)
    assert found == [("arrest", date(2022, 3, 24)), ("rail_sabotage", date(2022, 3, 14))]


def test_the_day_before_counts_back_from_the_day_told(pipeline):
    """ "near the station the day before": the station of the town named, the day before
    the arrest; "said on Sunday ... the day before": the Saturday."""
    incidents = _report(
        pipeline,
        "Held at Kalinkavichy",
        "2022-03-25",
        "Police detained a man from Mazyr at the station in Kalinkavichy on Wednesday. "
        "Investigators accuse him of setting fire to a signal box near the station the day "
        "before.",
    )
    found = sorted((i.event_type, i.place.candidate.name, str(i.date_start)) for i in incidents)
    assert found == [
        ("arrest", "Kalinkovichi", "2022-03-23"),
        ("rail_sabotage", "Kalinkovichi", "2022-03-22"),
    ], found
    incidents = _report(
        pipeline,
        "Strike claimed",
        "2022-03-22",
        "The ministry said on Sunday that it had used cruise missiles the day before to destroy "
        "a fuel depot at Kalynivka.",
    )
    assert [(i.event_type, str(i.date_start)) for i in incidents] == [
        ("missile_strike", "2022-03-19")
    ]


def test_an_arrest_keeps_its_own_day_before_the_deed_counted_back(pipeline):
    """ "detained on Thursday on suspicion of ... the day before": the day before is the
    deed's; the arrest is on the Thursday it names."""
    incidents = _report(
        pipeline,
        "Two held at Zhlobin",
        "2022-03-26",
        "Police detained two men in Zhlobin on Thursday on suspicion of damaging a relay "
        "cabinet on the line to Homiel the day before.",
    )
    arrests = [str(i.date_start) for i in incidents if i.event_type == "arrest"]
    assert arrests == ["2022-03-24"], [(i.event_type, str(i.date_start)) for i in incidents]


def test_a_deed_under_suspicion_with_its_own_place_and_day_happened(pipeline):
    """Beside an arrest, a suspected deed is an incident of its own only when the text gives
    it a place and a day; "on suspicion of sabotage" alone is the arrest's reason."""
    incidents = _report(
        pipeline,
        "Cable thieves held",
        "2022-03-16",
        "Police detained two men in Zhlobin on Thursday on suspicion of stealing signalling "
        "cable near Rechytsa the day before.",
    )
    found = sorted((i.event_type, i.place.candidate.name, str(i.date_start)) for i in incidents)
    assert found == [
        ("arrest", "Zhlobin", "2022-03-10"),
        ("rail_sabotage", "Rechytsa", "2022-03-09"),
    ], found
    incidents = _report(
        pipeline,
        "Two held",
        "2022-03-16",
        "Police detained two men in Zhlobin on suspicion of sabotage.",
    )
    assert [i.event_type for i in incidents] == ["arrest"]


def test_hardware_standing_in_the_woods_is_deployed_there(pipeline):
    incidents = _report(
        pipeline,
        "Seen by subscribers",
        "2022-02-21",
        "A further 300 vehicles were concentrated in the forests near Mazyr. Right now a column "
        "of army lorries is standing in the woods near Rechytsa.",
    )
    found = sorted((i.event_type, i.place.candidate.name) for i in incidents)
    assert found == [("troop_deployment", "Mazyr"), ("troop_deployment", "Rechytsa")], found


def test_a_thread_post_that_opens_on_the_same_night_keeps_the_day_before(pipeline):
    incidents = _report(
        pipeline,
        "Thread: echelons",
        "2022-02-14",
        "1/ Saturday evening: T-72 tanks on flatcars were unloaded at Zhlobin station.\n"
        "2/ That same night, a train with Buk launchers rolled south through Rechytsa.",
    )
    dates = sorted((i.place.candidate.name, str(i.date_start)) for i in incidents)
    assert [d for _, d in dates] == ["2022-02-12", "2022-02-12"], dates

    incidents = _report(
        pipeline,
        "Tanks by rail",
        "2022-02-20",
        "A train carrying Buk launchers left Orsha on Monday and arrived two days later at "
        "Zhlobin, a rail-watcher said.",
    )
    assert [(i.event_type, str(i.date_start), str(i.date_end)) for i in incidents] == [
        ("equipment_movement", "2022-02-14", "2022-02-16")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a threat to act is no act
        "Lukashenko has threatened to deploy troops to the Ukrainian border near Pinsk.",
        # a claim the sentence itself takes back
        "Some bloggers claimed that tanks were seen near Lida, but the footage was from 2020.",
        "A missile strike on Mykolaiv was reported, but officials later said it had not happened.",
        # a habit, not an event
        "Trains carrying tanks usually pass Asipovichy at night.",
    ],
)
def test_threats_retractions_and_habits_give_no_incident(pipeline, sentence):
    incidents = _report(pipeline, "Evening digest", "2022-03-20", sentence)
    assert not incidents, [(i.event_type, i.place.mention.text) for i in incidents]


@pytest.mark.parametrize(
    "sentence",
    [
        # the subject's event is itself guessed at
        "Officials said the brigades leaving the Chernihiv region would probably be sent on to "
        "Donbas.",
        # an event that only dates a promise
        "Minsk says every Russian unit will leave once the Allied Shield drills end.",
        # the alternative ruled out
        "A retired colonel said the step served to tie up Ukrainian reserves in the Zhytomyr "
        "region rather than to prepare an offensive.",
    ],
)
def test_guesses_promises_and_ruled_out_alternatives_give_no_incident(pipeline, sentence):
    incidents = _report(pipeline, "Evening digest", "2022-03-20", sentence)
    assert not incidents, [(i.event_type, i.place.mention.text) for i in incidents]


def test_a_recording_debunked_in_the_headline_gives_no_incident(pipeline):
    incidents = _report(
        pipeline,
        "Photo of 'torched signal box' near Lida was fake",
        "2022-03-20",
        "The picture circulated on Telegram on Saturday.",
    )
    assert not incidents, [(i.event_type, i.place.mention.text) for i in incidents]


def test_a_target_measured_from_the_dateline_city_is_placed_at_the_target(pipeline):
    incidents = _report(
        pipeline,
        "Strike on air base",
        "2022-03-02",
        "LUTSK (Reuters) - Russian missiles hit the airfield at Kivertsi, some twelve "
        "kilometres north-east of the city, on Tuesday, the governor said.",
    )
    assert [(i.event_type, i.place.mention.text) for i in incidents] == [
        ("missile_strike", "Kivertsi")
    ]


def test_arrived_there_is_the_place_named_before(pipeline):
    incidents = _report(
        pipeline,
        "Camp near the border",
        "2022-02-18",
        "Satellite images show tents near the village of Naroulia on Tuesday. The battalion "
        "arrived there from Mazyr last week.",
    )
    assert [
        (i.event_type, i.place.mention.text, i.origin.mention.text)
        for i in incidents
        if i.origin is not None
    ] == [("troop_movement", "Naroulia", "Mazyr")]


def test_forces_that_remain_dug_in_are_there_at_publication(pipeline):
    incidents = _report(
        pipeline,
        "Artillery outside Yelsk",
        "2022-03-10",
        "Russian artillery units remain dug in near Yelsk, a monitoring channel said.",
    )
    assert [(i.event_type, str(i.date_start)) for i in incidents] == [
        ("troop_deployment", "2022-03-10")
    ]


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        # gear opened or blocked by hand
        ("Saboteurs broke open a relay box near Asipovichy on Sunday.", "rail_sabotage"),
        ("Someone wedged an iron rod into the points at Asipovichy on Sunday.", "rail_sabotage"),
        # the gear and its fate told apart by where it stood
        (
            "A signalling cabinet beside the track at Asipovichy, on the branch from Minsk "
            "towards Babruysk and the south, was burned out on Sunday.",
            "rail_sabotage",
        ),
        # forces sent to a named place
        (
            "Minsk has moved two battalions of its airborne troops to Pinsk on Sunday.",
            "troop_movement",
        ),
    ],
)
def test_rail_gear_and_troop_moves_told_in_other_words(pipeline, body, event_type):
    incidents = _report(pipeline, "Night report", "2022-03-21", body)
    assert event_type in [i.event_type for i in incidents]


def test_the_towns_station_is_the_headline_town(pipeline):
    incidents = _report(
        pipeline,
        "Asipovichy: armour arrives by rail",
        "2022-03-02",
        "Witnesses saw two trains loaded with tanks pulling into the town's station on Monday.",
    )
    assert [(i.event_type, i.place.candidate.name) for i in incidents] == [
        ("equipment_movement", incidents[0].place.candidate.name)
    ]
    assert "sipovich" in incidents[0].place.candidate.name.lower() or (
        "Осипович" in incidents[0].place.candidate.name
    )


def test_the_city_of_the_dateline(pipeline):
    incidents = _report(
        pipeline,
        "Paratroopers leave",
        "2022-04-01",
        "GRODNO, 30 March – Russian paratroopers loaded their vehicles onto trains outside the "
        "city the day before and left for the east, residents said.",
    )
    assert [(i.event_type, i.place.candidate.name, str(i.date_start)) for i in incidents] == [
        ("troop_movement", "Hrodna", "2022-03-29")
    ]


def test_the_day_of_an_evening_update_is_no_event_date(pipeline):
    incidents = _report(
        pipeline,
        "Units moved",
        "2022-03-17",
        "The General Staff said in its Wednesday morning update that Belarus had moved two "
        "battalions of its troops to Pinsk earlier this week.",
    )
    assert [(i.event_type, str(i.date_start), str(i.date_end)) for i in incidents] == [
        ("troop_movement", "2022-03-14", "2022-03-17")
    ]


def test_a_video_said_to_show_an_event_but_not_filmed_now_gives_no_incident(pipeline):
    incidents = _report(
        pipeline,
        "Old clip",
        "2022-04-12",
        "A clip said to show tanks unloading at Mazyr station was not filmed this week, "
        "monitors said.",
    )
    assert not incidents, [(i.event_type, i.place.mention.text) for i in incidents]


def test_a_dateline_places_an_event_only_when_the_report_does_not(pipeline):
    """Where a report is filed is not where its event happened, once the report says where."""
    text = (
        "PINSK, March 3 (Reuters) - Belarusian troops began snap drills on Thursday. "
        "Units trained at a range outside Luninets until Saturday.\n"
    )
    result = pipeline.read(Document(text, Source(path="drills.txt", published=date(2022, 3, 3))))
    places = {i.place.candidate.name for i in result.incidents}
    assert places == {"Luninyets"}  # GeoNames spells it so
    alone = "KYIV, Ukraine (AP) — Missiles hit the capital at dawn on Thursday.\n"
    result = pipeline.read(Document(alone, Source(path="kyiv.txt", published=date(2022, 2, 24))))
    assert [i.place.candidate.name for i in result.incidents] == ["Kyiv"]


def test_the_ends_of_a_route_are_context_when_the_event_is_placed(pipeline):
    published = date(2022, 3, 27)
    placed = "Trains between Homiel and Kalinkavichy stood still on Tuesday after a fault near Rechytsa.\n"
    result = pipeline.read(Document(placed, Source(path="a.txt", published=published)))
    assert [i.place.candidate.name for i in result.incidents] == ["Rechytsa"]
    # with no other place the route's ends are where the trains stood
    unplaced = "Trains between Homiel and Kalinkavichy stood still on Tuesday.\n"
    result = pipeline.read(Document(unplaced, Source(path="b.txt", published=published)))
    assert len(result.incidents) == 2


def test_a_street_lies_in_the_town_named_before(pipeline):
    incidents = _report(
        pipeline,
        "What the bombs left",
        "2022-04-06",
        "Journalists finally reached Hostomel last week. Witnesses say Russian jets bombed the "
        "houses on Sadova Street on 2 March.",
    )
    found = [(i.event_type, i.place.candidate.name, str(i.date_start)) for i in incidents]
    assert found == [("air_strike", "Hostomel", "2022-03-02")], found


# -- wars beyond Belarus and Ukraine: shelling, armed clashes, attacks on civilians ------------


@pytest.mark.parametrize(
    ("sentence", "event_type", "place", "country"),
    [
        (
            "The Rapid Support Forces shelled El Fasher on Sunday, killing at least 20 civilians.",
            "shelling",
            "El Fasher",
            "SD",
        ),
        (
            "Mortar rounds landed in a market in Goma on Sunday, the provincial governor said.",
            "shelling",
            "Goma",
            "CD",
        ),
        (
            "Heavy fighting broke out between the army and M23 rebels in Rutshuru on Sunday.",
            "armed_clash",
            "Rutshuru",
            "CD",
        ),
        (
            "Jihadist fighters seized the town of Djibo on Sunday after a day-long gun battle.",
            "armed_clash",
            "Djibo",
            "BF",
        ),
        (
            "Gunmen killed 14 villagers in Bankass on Sunday, local officials said.",
            "attack",
            "Bankass",
            "ML",
        ),
        (
            "Two drones hit a power station in Omdurman on Sunday, cutting electricity.",
            "air_strike",
            "Omdurman",
            "SD",
        ),
        (  # a tank's shell is shelling; the hotel is named after Palestine, and stands in Baghdad
            "A tank fired a shell at the Palestine Hotel in Baghdad on Sunday, killing two men.",
            "shelling",
            "Baghdad",
            "IQ",
        ),
        (  # rockets fired across a front line are shelling
            "Rockets fired from Lebanon slammed into a depot in Haifa on Sunday.",
            "shelling",
            "Haifa",
            "IL",
        ),
        (
            "A single shell lobbed from the hills slammed into a square in Tuzla on Sunday.",
            "shelling",
            "Tuzla",
            "BA",
        ),
        (
            "Troops exchanged small-arms fire with militants near Kupwara on Sunday.",
            "armed_clash",
            "Kupwāra",
            "IN",
        ),
        (
            "Near Shali on Sunday, a reconnaissance group engaged a band of up to 40 militants.",
            "armed_clash",
            "Shali",
            "RU",
        ),
        (
            "Insurgents overran a police post on the outskirts of Ramadi on Sunday.",
            "armed_clash",
            "Ramadi",
            "IQ",
        ),
        (
            "On Sunday troops took back the port town of Mocímboa da Praia from insurgents.",
            "armed_clash",
            "Mocímboa da Praia",
            "MZ",
        ),
        (
            "Israeli warplanes raked the southern suburbs of Beirut on Sunday.",
            "air_strike",
            "Beirut",
            "LB",
        ),
        (
            "Cartel drones dropped explosives on two villages near Aguililla on Sunday.",
            "air_strike",
            "Aguililla",
            "MX",
        ),
        (  # Al Quds (Jerusalem) names the hospital; "Iran-backed" qualifies the militia
            "A missile fired by an Iran-backed militia hit the Al Quds hospital in Aleppo on Sunday.",
            "missile_strike",
            "Aleppo",
            "SY",
        ),
        (  # the airport takes its town's name (Abha is also a given name)
            "A cruise missile struck the arrivals hall of Abha International Airport on Sunday.",
            "missile_strike",
            "Abha",
            "SA",
        ),
        (  # "Tal Afar" is two English words, but after "in" the town's name
            "Two truck bombs ripped through a crowded market in Tal Afar on Sunday.",
            "attack",
            "Tall ‘Afar",
            "IQ",
        ),
        ("Israeli strikes killed 12 people in Tyre on Sunday.", "air_strike", "Tyre", "LB"),
        (
            "Hundreds of RSF fighters besieged El Fasher on Sunday.",
            "armed_clash",
            "El Fasher",
            "SD",
        ),
        (
            "Security forces killed five militants in a raid in Bannu on Sunday.",
            "armed_clash",
            "Bannu",
            "PK",
        ),
        (
            "A roadside bomb killed three soldiers in Peshawar on Sunday.",
            "attack",
            "Peshawar",
            "PK",
        ),
        (  # GeoNames writes Hodeida and Al Hudaydah; wire copy Hodeidah
            "The Houthis attacked a cargo ship off Hodeidah on Sunday.",
            "attack",
            "Al Ḩudaydah",
            "YE",
        ),
        (
            "Helicopter gunships strafed villages near Gondar on Sunday.",
            "air_strike",
            "Gonder",
            "ET",
        ),
        ("M23 rebels entered Goma on Sunday after days of fighting.", "armed_clash", "Goma", "CD"),
        (  # residents who only tell of it are no victims: the fighters fought troops
            "Fighters stormed into the western districts of Aleppo on Sunday and fought troops "
            "near the university, residents said.",
            "armed_clash",
            "Aleppo",
            "SY",
        ),
        (
            "Israeli warplanes launched a series of raids on the port of Hodeidah on Sunday.",
            "air_strike",
            "Al Ḩudaydah",
            "YE",
        ),
        (  # the tanker is named after Luanda, in Angola
            "A Houthi anti-ship missile struck the fuel tanker Marlin Luanda off Aden on Sunday.",
            "missile_strike",
            "Aden",
            "YE",
        ),
        (
            "Guerrillas fired home-made mortars at the police station in Suárez on Sunday.",
            "shelling",
            "Suárez",
            "CO",
        ),
        (
            "A lorry packed with explosives blew up beside the air base in Cali on Sunday.",
            "attack",
            "Cali",
            "CO",
        ),
        (
            "Gunmen from two rival cartels fought for hours in Tlalchapa on Sunday.",
            "armed_clash",
            "Tlalchapa",
            "MX",
        ),
        (  # "des" goes on with the name; not Croix in France
            "Gangs torched dozens of homes in Croix-des-Bouquets on Sunday.",
            "attack",
            "Croix-des-Bouquets",
            "HT",
        ),
        (  # Fano names the militia, not the Italian town
            "Clashes between Fano militiamen and federal troops erupted in Debre Markos on Sunday.",
            "armed_clash",
            "Debre Mark’os",
            "ET",
        ),
        (
            "Israeli troops raided the Jenin refugee camp on Sunday, killing three people.",
            "attack",
            "Janīn",
            "PS",
        ),
        (
            "Indian and Pakistani troops traded fire near Poonch on Sunday.",
            "armed_clash",
            "Pūnch",
            "IN",
        ),
        (  # the Kabul hotel stands in Herat
            "Gunmen stormed the Kabul hotel in Herat on Sunday, killing four guests.",
            "attack",
            "Herāt",
            "AF",
        ),
    ],
)
def test_wars_elsewhere_give_their_incidents(pipeline, sentence, event_type, place, country):
    incident = _the_incident(pipeline, "2024-05-14", sentence)
    assert incident.event_type == event_type
    assert (incident.place.candidate.name, incident.place.candidate.country_code) == (
        place,
        country,
    )
    assert incident.date_start == incident.date_end == date(2024, 5, 12)
    kind = EVENT_KINDS[event_type]
    assert kind.acled_event_type in (
        "Explosions/Remote violence",
        "Battles",
        "Violence against civilians",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Firefighters battled a blaze in Goma on Sunday.",
        "Lawmakers clashed in parliament in Bamako on Sunday over the budget.",
        "Police clashed with protesters in Nairobi on Sunday.",
        "The government said on Sunday it was fighting inflation in Khartoum.",
        "Shell said on Sunday it would sell its stake in a refinery in Lagos.",
        "Rebels could attack Goma within days, the governor warned on Sunday.",
        "The town of Kidal has been shelled many times over the years.",
        "Army spokesmen denied on Sunday that troops had shelled Mellit.",
        # a claim the other side says is untrue
        "A rebel commander claimed that his men had fought a gun battle in Mellit on Sunday, "
        "but army officers insisted that not a single shot had been fired.",
        "Reports that aviation struck homes in Grozny on Sunday do not correspond to reality.",
        # a fact check's claim, a fear, a time to come, a deed remembered
        "Claim: a video shows artillery shelling the old city of Aleppo on Sunday.",
        "Aid agencies fear further air strikes on villages near Sagaing.",
        "Units would be redeployed from Hama towards the river in the coming days, officers said.",
        "The air force has announced large drills over Rajasthan for next month.",
        "On Sunday thousands marched in Chilpancingo to mark nine years since 43 students were "
        "abducted by police in Iguala.",
        "They are stills from a feature film about the battle for Kobani.",
        "The governor engaged in talks with rebels in Goma on Sunday.",
        "General strikes hit factories in Lagos on Sunday.",
        "Photos claimed to show an air strike on a block of flats in Tripoli on Sunday are "
        "misleading.",
        "The exercise near Kars drew a barrage of criticism from Moscow on Sunday.",
        "Brazilian strikes hit the oil sector in Rio de Janeiro on Sunday as workers walked out.",
        # a siege of the 1990s, recalled on Sunday
        "Rebels besieged Sarajevo for nearly four years in the 1990s, historians recalled in "
        "Vienna on Sunday.",
        "Dockers' strikes hit the port of Mombasa on Sunday.",
        "Police said on Sunday they had foiled a planned attack on a mosque in Lahore.",
        # an accident; a strike told before, explained
        "A derailment near Sibi on Sunday was caused by a broken rail, not sabotage.",
        "A rebel spokesman said on Sunday that the group had fired the missiles because the "
        "airports near Gondar were being used for air raids.",
    ],
)
def test_peaceful_or_unreal_uses_of_war_words_are_no_incidents(pipeline, sentence):
    assert not _report(pipeline, "Report", "2024-05-14", sentence)


def test_a_bombing_an_armed_group_claims_is_an_attack_not_an_air_strike(pipeline):
    """Air forces do not claim their raids; "claimed the bombing" is a bomb attack's."""
    claimed = _the_incident(
        pipeline,
        "2024-05-14",
        "Islamic State claimed the bombing of a mosque in Jalalabad that killed nine people.",
    )
    assert claimed.event_type == "attack"
    # a bombing with no claim is still read as one from the air
    raid = _the_incident(pipeline, "2024-05-14", "Jets bombed Jalalabad on Sunday.")
    assert raid.event_type == "air_strike"


def test_guns_fired_in_a_drill_are_an_exercise_not_shelling(pipeline):
    drill = _the_incident(
        pipeline,
        "2024-05-14",
        "Artillery crews live-fired at a range near Kassala on Sunday.",
    )
    assert drill.event_type == "military_exercise"


def test_a_wire_dateline_with_its_year_dates_the_report(pipeline):
    """No publication line: "KHARTOUM, 14 May 2024 —" dates the report, so "on Sunday" is the
    12th."""
    from geomap.ingest import document_from_text

    text = (
        "Shelling resumes\n\nKHARTOUM, 14 May 2024 — The Rapid Support Forces shelled the city "
        "of El Fasher on Sunday, killing at least 27 civilians.\n"
    )
    document = document_from_text(text, Source(path="wire.txt"))
    assert document.source.published == date(2024, 5, 14)
    (incident,) = pipeline.read(document).incidents
    assert (incident.event_type, incident.place.candidate.name) == ("shelling", "El Fasher")
    assert incident.date_start == date(2024, 5, 12)


@pytest.mark.parametrize(
    ("body", "deaths"),
    [
        (
            "The Rapid Support Forces shelled El Fasher on Sunday, killing at least 27 civilians.",
            27,
        ),
        ("Gunmen killed fourteen villagers in Bankass on Sunday, local officials said.", 14),
        ("A car bomb exploded at a market in Mogadishu on Sunday, killing one man.", 1),
        ("Heavy fighting broke out between the army and rebels in Rutshuru on Sunday.", None),
        # wounded are no deaths
        ("Mortar rounds landed in a market in Goma on Sunday, wounding 12 people.", None),
    ],
)
def test_an_incident_carries_the_deaths_its_sentence_reports(pipeline, body, deaths):
    incident = _the_incident(pipeline, "2024-05-14", body)
    assert incident.fatalities == deaths


def test_one_toll_over_several_places_is_not_shared_out(pipeline):
    incidents = _report(
        pipeline,
        "Report",
        "2024-05-14",
        "Gunmen attacked Bankass and Bandiagara on Sunday, killing 30 villagers.",
    )
    assert {i.place.candidate.name for i in incidents} == {"Bankass", "Bandiagara"}
    assert all(i.fatalities is None for i in incidents)


def test_deaths_reach_the_geojson_and_the_popup(pipeline):
    from geomap.features import incident_feature
    from geomap.maps.popups import incident_popup_parts

    incident = _the_incident(
        pipeline,
        "2024-05-14",
        "The Rapid Support Forces shelled El Fasher on Sunday, killing at least 27 civilians.",
    )
    props = incident_feature(incident)["properties"]
    assert props["fatalities"] == 27
    assert "<th>Deaths reported</th><td>27</td>" in "".join(incident_popup_parts(props))


def test_names_inside_titles_and_the_speakers_area_are_no_locations(pipeline):
    """The attack is at Oicha: not in the province a jihadist branch is named after, and not
    in Beni, the territory whose officials report it."""
    told = _types_at(
        pipeline,
        "2024-05-14",
        "Fighters of Islamic State Mozambique Province raided a village near Macomia on Sunday. "
        "Gunmen raided a neighbourhood on the edge of Oicha on Sunday night, killing eleven "
        "residents, local officials in Beni territory said.",
    )
    assert told == {("attack", "Macomia"), ("attack", "Oicha")}


def test_people_fleeing_are_no_movement_of_arms_nor_more_of_the_battle(pipeline):
    incidents = _report(
        pipeline,
        "Report",
        "2024-05-14",
        "The Rapid Support Forces took control of Wad Madani on Sunday after four days of "
        "fighting. Fresh columns of families were seen on the road south to Sennar on Monday, "
        "many of them on trucks.",
    )
    # (GeoNames spells it Wad Medani)
    assert {(i.event_type, i.place.candidate.name) for i in incidents} == {
        ("armed_clash", "Wad Medani")
    }


def test_in_the_capital_is_the_capital_the_text_names(pipeline):
    """The headline names Mogadishu; "a restaurant in the capital" is there, on Friday."""
    incidents = _report(
        pipeline,
        "Mogadishu: suicide blast at beach restaurant",
        "2024-08-03",
        "A suicide bomber blew himself up at the entrance of a crowded beachfront restaurant in "
        "the capital on Friday evening, police said.",
    )
    assert [(i.event_type, i.place.candidate.name, i.date_start) for i in incidents] == [
        ("attack", "Mogadishu", date(2024, 8, 2))
    ]
    # two capitals and no way to tell which: none is guessed
    assert not _report(
        pipeline,
        "Envoys meet",
        "2024-08-03",
        "Kenyan and Ethiopian envoys met in Nairobi and Addis Ababa on Thursday. On Friday a "
        "suicide bomber blew himself up at a restaurant in the capital.",
    )


def test_a_toll_told_in_the_next_sentence_belongs_to_the_attack_before(pipeline):
    attack = _the_incident(
        pipeline,
        "2022-06-14",
        "Gunmen on motorbikes stormed Sebba on Saturday night, going from house to house, "
        "survivors said. At least 40 civilians were killed, according to a local official.",
    )
    assert (attack.event_type, attack.place.candidate.name) == ("attack", "Sebba")
    assert attack.fatalities == 40
    # the armed men the text does not name are the actors (ACLED's unidentified armed group)
    assert attack.actors == ("Gunmen",)


@pytest.mark.parametrize(
    ("body", "event_type", "place"),
    [
        # Grad rockets are artillery, not missiles
        (
            "Grad rockets fired by the rebels slammed into homes in Tarhuna on Sunday.",
            "shelling",
            "Tarhuna",
        ),
        # a place taken, told from the place's side; Boko Haram is no hamlet in Congo
        (
            "The army post at Bosso, in Niger's Diffa region, was overrun by Boko Haram fighters "
            "on Sunday.",
            "armed_clash",
            "Bosso",
        ),
        # fighting told with the enemy as the object
        ("Iraqi troops battled Islamic State fighters in Mosul on Sunday.", "armed_clash", "Mosul"),
        # a bombing told by what the bombs did
        ("Twin bombs tore through a cathedral in Jolo on Sunday.", "attack", "Jolo"),
        # people killed, told from their side
        ("Eight people were shot dead at a bar in Pichari on Sunday.", "attack", "Pichari"),
    ],
)
def test_more_ways_wars_are_told(pipeline, body, event_type, place):
    incidents = _report(pipeline, "Report", "2024-05-14", body)
    assert [(i.event_type, i.place.candidate.name) for i in incidents] == [(event_type, place)]


def test_soldiers_killed_are_no_attack_on_civilians(pipeline):
    incidents = _report(
        pipeline,
        "Report",
        "2024-05-14",
        "At least 49 soldiers were killed on Sunday, and a hotel in Jermuk was damaged.",
    )
    assert all(i.event_type != "attack" for i in incidents)


def test_an_accented_dateline_date_and_an_admission_are_no_event_dates(pipeline):
    """ "YAOUNDÉ, Oct 25 –" is when the report was filed; "acknowledged on Monday" when the
    army spoke: the events were on Saturday and on Sunday night."""
    (school,) = _report(
        pipeline,
        "Gunmen kill pupils",
        "2020-10-25",
        "YAOUNDÉ, Oct 25 – Gunmen stormed a private school in Kumba on Saturday and opened "
        "fire on a classroom, killing seven children, officials said.",
    )
    assert (school.event_type, school.date_start) == ("attack", date(2020, 10, 24))
    (strike,) = _report(
        pipeline,
        "Army admits drone strike",
        "2023-12-05",
        "The army acknowledged on Monday that one of its drones had mistakenly struck "
        "worshippers in Igabi on Sunday night.",
    )
    assert (strike.event_type, strike.date_start) == ("air_strike", date(2023, 12, 3))


def test_rockets_fired_by_the_score_are_shelling_and_fall_where_the_text_says(pipeline):
    """A volley of unguided rockets is artillery fire; a few rockets at a far city are a
    missile strike, as Ukrainian reports call cruise missiles "rockets"."""
    volley = _the_incident(
        pipeline, "2024-05-14", "Hamas fired dozens of rockets at Ashkelon on Sunday."
    )
    assert (volley.event_type, volley.place.candidate.name) == ("shelling", "Ashkelon")
    strike = _the_incident(
        pipeline, "2024-05-14", "Two rockets struck a fuel depot in Lviv on Sunday."
    )
    assert strike.event_type == "missile_strike"
    # "hit" ends the place the rockets came from: Sderot is the target, Gaza the origin
    fired = _the_incident(pipeline, "2024-05-14", "Rockets fired from Gaza hit Sderot on Sunday.")
    assert fired.place.candidate.name == "Sderot"
    assert fired.origin is not None and fired.origin.mention.text == "Gaza"


def test_a_live_blog_entry_tells_the_news_of_its_day(pipeline):
    """ "10:48 Sirens ..." opens an entry of the day; "; several landed in X" goes on telling
    the rockets of the clause before; the army that only speaks is no actor."""
    (volley,) = _report(
        pipeline,
        "Live: rockets hit the north",
        "2024-10-16",
        "10:48 Sirens across northern Israel. The Israeli military says about 30 rockets were "
        "launched from Lebanon; several landed in Kiryat Shmona, setting cars on fire.",
    )
    assert volley.event_type == "shelling"
    assert volley.place.mention.text == "Kiryat Shmona"
    assert volley.origin is not None and volley.origin.mention.text == "Lebanon"
    assert volley.date_start == volley.date_end == date(2024, 10, 16)
    assert not any("Israel" in actor for actor in volley.actors)


def test_the_town_is_the_last_where_something_happened_not_where_people_fled(pipeline):
    """Pemba is where residents escaped to; "the town" the troops moved into is Macomia."""
    incidents = _report(
        pipeline,
        "Report",
        "2024-05-14",
        "Insurgents swept into Macomia on Friday, fighting soldiers in the streets. Residents "
        "who escaped through the bush began arriving in Pemba over the weekend. Rwandan troops "
        "moved into the town from Mocímboa da Praia on Sunday.",
    )
    assert {(i.event_type, i.place.candidate.name) for i in incidents} == {
        ("armed_clash", "Macomia"),
        ("troop_movement", "Macomia"),
    }


def test_a_town_measured_from_places_an_event_in_an_unnamed_village(pipeline):
    """ "a remote village of the Junín region, 30 km north-west of the town of Pichari": the
    town is nearer the event than the region; beside a named town it stays a yardstick."""
    killing = _the_incident(
        pipeline,
        "2024-05-14",
        "Sixteen people, two of them children, were shot dead on Sunday at a bar in a remote "
        "village of the Junín region, roughly 30 km north-west of the town of Pichari.",
    )
    assert (killing.event_type, killing.place.candidate.name) == ("attack", "Pichari")
    assert killing.uncertainty_km >= 10
    shelled = _the_incident(
        pipeline,
        "2024-05-14",
        "M23 rebels shelled Sake, a town some 25 km west of Goma, on Sunday.",
    )
    assert shelled.place.candidate.name == "Sake"


def test_columns_of_tanks_rolling_on_their_own_are_a_troop_movement(pipeline):
    column = _the_incident(
        pipeline,
        "2024-05-14",
        "On Sunday long columns of tanks rolled south from Gori towards Tskhinvali.",
    )
    assert column.event_type == "troop_movement"
    assert column.place.mention.text == "Tskhinvali"
    assert column.origin is not None and column.origin.mention.text == "Gori"


def test_the_city_of_the_dateline_in_a_later_paragraph_and_fighting_into_the_next_day(pipeline):
    """ "FALLUJAH, Iraq —" opens the report; two paragraphs on, "the northern districts of
    the city" are Fallujah's, and "fighting ... into Tuesday" runs from Monday to Tuesday."""
    (clash,) = _report(
        pipeline,
        "Operation update",
        "2004-11-10",
        "FALLUJAH, Iraq — The following update was issued on Wednesday.\n\n"
        "After nightfall on Monday, army battalions stormed the northern districts of the "
        "city, fighting from house to house into Tuesday.",
    )
    assert (clash.event_type, clash.place.candidate.country_code) == ("armed_clash", "IQ")
    assert clash.place.candidate.name == "Al Fallūjah"
    assert (clash.date_start, clash.date_end) == (date(2004, 11, 8), date(2004, 11, 9))


def test_a_boat_named_after_a_town_is_no_event_place(pipeline):
    """The passenger boat "Tombouctou" was attacked upstream of Bourem, not in Timbuktu."""
    attack = _the_incident(
        pipeline,
        "2023-09-08",
        'On Thursday armed terrorist groups attacked the passenger boat "Tombouctou" on the '
        "Niger river near Bourem.",
    )
    assert (attack.event_type, attack.place.candidate.name) == ("attack", "Bourem")


def test_forces_a_state_has_deployed_are_there_on_the_day_of_the_report(pipeline):
    deployed = _the_incident(
        pipeline,
        "2024-04-11",
        "Thailand has deployed extra troops along the border near Mae Sot.",
    )
    assert deployed.event_type == "troop_deployment"
    assert deployed.date_start == deployed.date_end == date(2024, 4, 11)


def test_since_a_day_when_something_happened_dates_that_deed_to_the_day(pipeline):
    """ "Since Thursday night, when fighters stormed villages" tells the storming's day."""
    incidents = _report(
        pipeline,
        "Report",
        "2025-01-20",
        "Since Thursday night, when rebel fighters stormed villages around Tibú and killed "
        "dozens of civilians, thousands have fled.",
    )
    assert incidents
    assert {(i.date_start, i.date_end) for i in incidents} == {(date(2025, 1, 16),) * 2}


def test_drills_that_began_for_some_days_run_that_long(pipeline):
    drills = _the_incident(
        pipeline,
        "2024-10-29",
        "On Monday the army began three days of air-defence drills around Isfahan.",
    )
    assert drills.event_type == "military_exercise"
    assert (drills.date_start, drills.date_end) == (date(2024, 10, 28), date(2024, 10, 30))


@pytest.mark.parametrize(
    ("sentence", "event_type", "place"),
    [
        # where the fighting displaced people to is no place of the fighting
        (
            "Clashes between the army and rebels intensified around Hpakant on Sunday, "
            "displacing some 2,000 people to monasteries in Myitkyina.",
            "armed_clash",
            "Hpakant",
        ),
        # people sheltering where the shells fall are no refugees elsewhere
        (
            "Residents fled to basements in Kharkiv on Sunday as shells fell on the city.",
            "shelling",
            "Kharkiv",
        ),
        # a time to come makes only its own clause's event a plan
        (
            "Troops shelled Avdiivka on Sunday, and peace talks are due next week.",
            "shelling",
            "Avdiivka",
        ),
        # an event on an anniversary is an event; only the deed remembered is not
        (
            "On the anniversary of the invasion, Russian missiles hit Kyiv on Sunday.",
            "missile_strike",
            "Kyiv",
        ),
        # fighting this heavy is armed, though no side is named
        ("Heavy fighting continued around Bakhmut on Sunday.", "armed_clash", "Bakhmut"),
        # fire opened on police is a fight with them, not an attack on civilians
        (
            "Separately, gunmen opened fire on a police patrol near Dera Ismail Khan late on "
            "Sunday, killing two officers.",
            "armed_clash",
            "Dera Ismail Khan",
        ),
        (
            "Police officers near Amalfi were fired on by armed men hidden in the hills on "
            "Thursday.",
            "armed_clash",
            "Amalfi",
        ),
        # an armed group's name that holds "Muslims" names no civilians
        (
            "Fighters of the Group for the Support of Islam and Muslims attacked the army base "
            "and the prison in Diapaga on Tuesday.",
            "armed_clash",
            "Diapaga",
        ),
        (
            "When I left in mid-January, Eritrean troops were still manning checkpoints all "
            "over Axum.",
            "troop_deployment",
            "Axum",
        ),
        # drones used by partisans are a strike from the air
        (
            "Partisans used two small drones to damage a Russian A-50 aircraft parked at the "
            "Machulishchy airfield on Sunday.",
            "air_strike",
            "Machulishchy",
        ),
        # a sea drone that rams a ship at a port the Ukrainian drone is foreign to: the
        # Russian port, not a Ukrainian hamlet GeoNames also calls Novorossiysk
        (
            "In the early hours of 4 August, a Ukrainian sea drone packed with explosives "
            "rammed the landing ship Olenegorsky Gornyak at the naval base in Novorossiysk.",
            "air_strike",
            "Novorossiysk",
        ),
        # bombs that "have struck"; a state's strikes on a ministry
        (
            "Two Russian guided aerial bombs have struck a large DIY hypermarket in Kharkiv "
            "on Saturday.",
            "air_strike",
            "Kharkiv",
        ),
        (
            "On 16 July, Israeli strikes hit the defence ministry building in Damascus.",
            "air_strike",
            "Damascus",
        ),
        # the target told first: "was hit by a missile"
        ("Odesa was hit by a missile on Monday, killing two people.", "missile_strike", "Odesa"),
        # strikes carried out by a state, told without its aircraft
        ("Israel carried out strikes on Rafah on Sunday.", "air_strike", "Rafah"),
        # a sniper's shot and a downed helicopter are fighting
        (
            "A soldier was killed by sniper fire near Avdiivka on Wednesday.",
            "armed_clash",
            "Avdiivka",
        ),
        (
            "Rebels shot down an army helicopter near Kidal on Thursday.",
            "armed_clash",
            "Kidal",
        ),
        # artillery rockets by their kind, a multiple launcher's fire, a gunship's rockets
        (
            "Cluster rockets fired by rebel Serbs fell on the centre of Zagreb on Wednesday.",
            "shelling",
            "Zagreb",
        ),
        (
            "On 28 October the armed forces of Armenia fired Smerch multiple rocket launchers "
            "loaded with cluster munitions at the centre of Barda.",
            "shelling",
            "Barda",
        ),
        (
            "On Saturday helicopter gunships fired rockets at rebel positions in Aracinovo.",
            "air_strike",
            "Aracinovo",
        ),
        # aircraft that destroy, aviation that delivers strikes, a port that was bombed
        (
            "Ukrainian jets destroyed a bridge across the Seym river at Glushkovo on 16 August.",
            "air_strike",
            "Glushkovo",
        ),
        ("The port of Kherson was bombed on 9 August.", "air_strike", "Kherson"),
        # forces flown in, companies deployed
        (
            "Soldiers of two counter-guerrilla battalions were flown from Villavicencio to Mitu "
            "on Monday.",
            "troop_movement",
            "Mitu",
        ),
        (
            "Two extra ranger companies were deployed in the centre of Yala on Sunday.",
            "troop_deployment",
            "Yala",
        ),
        # armed formations that seize a village; mortars fired across a line
        (
            "On Saturday 7 August, illegal armed formations of up to 500 bandits crossed from "
            "Chechnya and seized Ansalta.",
            "armed_clash",
            "Ansalta",
        ),
        (
            "Indian troops fired mortars across the line near Bhimber on Thursday.",
            "shelling",
            "Bhimber",
        ),
        # an ambush is armed, though no side is named
        ("A UN convoy had been ambushed near Bambari on 8 May.", "armed_clash", "Bambari"),
        # paratroopers' drills are military ones
        (
            "Russian paratroopers began a week of drills near Pskov on Tuesday.",
            "military_exercise",
            "Pskov",
        ),
        # a state's strike on a target, told without its aircraft
        (
            "A Ukrainian strike on the Engels airfield destroyed two bombers on Sunday.",
            "air_strike",
            "Engels",
        ),
        # drones at sea, and a town named after "off"
        (
            "Two Ukrainian sea drones struck a Russian landing ship off Feodosia on Tuesday.",
            "air_strike",
            "Feodosia",
        ),
        # forces raiding a camp and killing its people
        (
            "Israeli forces raided the Jenin refugee camp on Wednesday, killing nine Palestinians.",
            "attack",
            "Jenin",
        ),
        (
            "Fighters of the Islamic State beheaded 11 Christians in Cabo Delgado's Macomia "
            "district on Sunday.",
            "attack",
            "Macomia district",
        ),
        # an assault on an army base is a fight, though residents tell of it
        (
            "Fighters of the Rapid Support Forces attacked the Sudanese army's 22nd Infantry "
            "Division base in Babanusa on Monday, residents and a military source said.",
            "armed_clash",
            "Babanusa",
        ),
        (
            "On Sunday the army unit in Tessit, in the Gao region, was the target of a complex "
            "attack by armed terrorist groups.",
            "armed_clash",
            "Tessit",
        ),
        # a town taken by forces, not a person held
        (
            "On Sunday its fighters had taken Kombolcha, a town with an airport some 15 km to "
            "the south-east.",
            "armed_clash",
            "Kombolcha",
        ),
        # fire from launchers; aircraft striking; a town that is also a palm's name
        (
            "Huliaipole came under fire from multiple rocket launchers on Monday evening.",
            "shelling",
            "Huliaipole",
        ),
        (
            "US-led coalition aircraft began striking Islamic State positions in Tikrit on Monday.",
            "air_strike",
            "Tikrit",
        ),
        (
            "Syrian government troops recaptured the ancient city of Palmyra on Sunday.",
            "armed_clash",
            "Palmyra",
        ),
        # ... and the region after "a strategic town in" only says where the town lies
        (
            "Tigrayan forces said on Saturday they had captured Dessie, a strategic town in "
            "the Amhara region.",
            "armed_clash",
            "Dessie",
        ),
        # the victim first, the armed men after; and people shot by gunmen far down the clause
        (
            "The governor was abducted and killed by armed men in El Geneina on Wednesday.",
            "attack",
            "El Geneina",
        ),
        (
            "Gunmen travelling in several pickup trucks drove through eastern neighbourhoods of "
            "Reynosa on Saturday and shot dead at least 14 people.",
            "attack",
            "Reynosa",
        ),
    ],
)
def test_a_sentence_tells_its_one_incident_at_its_place(pipeline, sentence, event_type, place):
    incident = _the_incident(pipeline, "2024-05-14", sentence)
    assert (incident.event_type, incident.place.mention.text) == (event_type, place)


def test_a_paragraph_that_opens_hours_earlier_is_on_the_day_before_it(pipeline):
    """ "Hours earlier, ..." opens a paragraph on the day of the one before, not on the day
    of publication; "Port-au-Prince" goes on through "au"."""
    incidents = _report(
        pipeline,
        "Report",
        "2025-08-22",
        "A lorry packed with explosives blew up beside the air base in Cali on Thursday.\n\n"
        "Hours earlier, guerrillas fired home-made mortars at the police station in Suárez.\n\n"
        "Kenyan police officers landed at Port-au-Prince's airport on Friday after a flight "
        "from Nairobi.",
    )
    by_type = {i.event_type: i for i in incidents}
    assert by_type["shelling"].date_start == date(2025, 8, 21)
    landing = by_type["troop_movement"]
    assert landing.place.mention.text == "Port-au-Prince"
    assert landing.origin is not None and landing.origin.mention.text == "Nairobi"


@pytest.mark.parametrize(
    ("sentence", "location", "ends"),
    [
        (
            "Gunmen stopped a minibus on the road between Baqubah and Khalis on Sunday and "
            "shot dead six passengers.",
            "road between Baqubah and Khalis",
            ("Baqubah", "Khāliş"),
        ),
        (
            "On Wednesday bandits abducted about 20 travellers on the road linking Gusau and "
            "Tsafe in Zamfara state, relatives said.",
            "road linking Gusau and Tsafe",
            ("Gusau", "Tsafe"),
        ),
        (
            "Insurgents attacked a bus on the Kabul–Jalalabad highway on Monday, killing five.",
            "Kabul–Jalalabad highway",
            ("Kabul", "Jalālābād"),
        ),
        # a hyphen and a lower-case "road": the road between two towns, no street
        (
            "Gunmen attacked a bus on the Gusau-Tsafe road on Sunday, killing seven passengers.",
            "Gusau-Tsafe road",
            ("Gusau", "Tsafe"),
        ),
    ],
)
def test_an_attack_on_the_road_between_two_towns_is_one_incident_on_that_road(
    pipeline, sentence, location, ends
):
    from geomap.distance import haversine_km
    from geomap.features import incident_feature

    incident = _the_incident(pipeline, "2024-05-14", sentence)
    assert incident.event_type == "attack"
    assert (incident.geometry_role, incident.place.mention.text) == ("section", location)
    a, b = (part.candidate for part in incident.place.parts)
    assert (a.name, b.name) == ends
    c = incident.place.candidate
    assert (c.lat, c.lon) == pytest.approx(((a.lat + b.lat) / 2, (a.lon + b.lon) / 2))
    # somewhere on the road: near its middle, within half its length
    half = haversine_km(a.lat, a.lon, b.lat, b.lon) / 2
    assert incident.geo_precision == 2 and incident.uncertainty_km == pytest.approx(half, abs=1)
    feature = incident_feature(incident)
    assert feature["geometry"]["type"] == "LineString"
    assert feature["geometry"]["coordinates"][0] == pytest.approx([a.lon, a.lat], abs=1e-5)
    props = feature["properties"]
    assert (props["section_of"], props["stations"]) == ("road", [])
    assert incident.summary.startswith(f"Attack on civilians on the {location}")


def test_a_place_on_the_road_is_where_it_happened_and_a_long_road_is_no_place(pipeline):
    bridge = _the_incident(
        pipeline,
        "2024-12-06",
        "Warplanes bombed the bridge at Rastan, on the highway linking Hama and Homs, on Thursday.",
    )
    assert (bridge.event_type, bridge.place.mention.text) == ("air_strike", "Rastan")
    assert bridge.geometry_role == "point"
    near = _the_incident(
        pipeline,
        "2024-05-14",
        "On Thursday, gunmen attacked a bus on the Kaduna-Abuja highway near Kaduna, killing "
        "seven passengers.",
    )
    assert (near.place.mention.text, near.geometry_role) == ("Kaduna", "point")
    # some 700 km of highway: no stretch to place an event on
    incidents = _report(
        pipeline,
        "Report",
        "2024-05-14",
        "Gunmen attacked a bus on the Kyiv–Chop highway on Monday, killing two passengers.",
    )
    assert all(i.geometry_role != "section" for i in incidents)


@pytest.mark.parametrize(
    ("sentence", "acled"),
    [
        (
            "A suicide bomber blew himself up at a market in Maiduguri on Tuesday, killing 12.",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            "Two soldiers were killed when their patrol hit a mine near Menaka on Wednesday.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        # a bomb planted by the road struck: no air strike
        (
            "A roadside bomb struck a military vehicle near Gao on Friday, killing three soldiers.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "A man hurled a grenade into a crowded bar in Bujumbura on Friday.",
            ("Explosions/Remote violence", "Grenade"),
        ),
        (
            "Unidentified gunmen kidnapped 30 students from a school in Kaduna on Friday.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            "Gunmen shot dead six villagers in Kaduna on Friday.",
            ("Violence against civilians", "Attack"),
        ),
    ],
)
def test_an_attack_is_coded_for_acled_by_its_means(pipeline, sentence, acled):
    from geomap.features import incident_feature

    incident = _the_incident(pipeline, "2024-05-14", sentence)
    assert incident.event_type == "attack"
    props = incident_feature(incident)["properties"]
    assert (props["acled_event_type"], props["acled_sub_event_type"]) == acled
    assert props["acled_sub_event_type"] in ACLED_EVENT_TYPES[props["acled_event_type"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "A French strike on Monday disrupted trains in Paris.",
        "Workers carried out strikes in three factories in Lodz on Monday.",
        # a threat of the law, a future withdrawal, strikes called off
        "The KGB warned that anyone who damages the railway will face terrorism charges.",
        "A Russian general said the troops would pull back to Abkhazia by the end of the week.",
        "Israel agreed late on Sunday to halt air strikes in southern Lebanon for 48 hours.",
        # a conditional threat; deeds done dozens of times; a state since 1994
        "The rebels had threatened to shell Skopje's airport and oil refinery if the offensive "
        "went on.",
        "Partisans have disabled signalling on lines leading towards Ukraine dozens of times "
        "since late February.",
        "Russian peacekeepers had been stationed in Abkhazia since 1994.",
        # a town taken, not a person held
        "The town lies about 200 km north-west of Grozny, which federal forces captured early "
        "this year after weeks of bombardment.",
        # a warning, and a bomb that did not go off
        "Air raid sirens sounded across Kyiv on Friday.",
        "Police defused a car bomb in Mogadishu on Friday.",
        "Brazilian strikes hit the oil sector in Rio on Monday.",
        "Fierce fighting over the budget broke out among lawmakers in Kyiv on Monday.",
        # a fact check's numbered claim; reports not confirmed
        "CLAIM 2: Insurgents burned the market in Montepuez on Tuesday.",
        "Reports on social networks that the occupiers are preparing an assault on Orikhiv are "
        "not confirmed by the Defence Forces.",
    ],
)
def test_walk_outs_threats_habits_and_calls_that_tell_no_deed_are_no_incidents(pipeline, sentence):
    assert _report(pipeline, "Report", "2024-05-14", sentence) == []


def test_an_arrest_for_sabotage_is_where_the_deed_was_done_and_not_by_the_saboteurs(pipeline):
    """The place follows the deed; the security service made the arrest, the teenagers did
    the sabotage."""
    incidents = _report(
        pipeline,
        "Report",
        "2024-05-14",
        "The FSB detained two teenagers who set fire to a relay box near Tula on Sunday.",
    )
    by_type = {i.event_type: i for i in incidents}
    assert set(by_type) == {"arrest", "rail_sabotage"}
    assert {i.place.candidate.name for i in incidents} == {"Tula"}
    assert by_type["arrest"].actors == ("Security Forces of Russia",)
    assert by_type["rail_sabotage"].actors == ("two teenagers",)


@pytest.mark.parametrize(
    "sentence",
    [
        # what circulates online, unconfirmed
        "A second clip, said to show an air strike on a market in Tahoua, Niger, has been "
        "viewed more than two million times.",
        "An audio message claims that Niger's army ambushed a rebel convoy near Agadez on Monday.",
        "A last post says soldiers arrested a group of French spies in Niamey this week; the "
        "government has made no such announcement.",
        # a claim the other side dismisses
        "Lukashenko claimed on 18 August that Ukraine had massed more than 120,000 troops "
        "along the frontier, a figure Kyiv dismissed as absurd.",
        # deeds done again and again since a year
        "Insurgents linked to the Islamic State group have attacked villages across Cabo "
        "Delgado since 2017.",
        "They have fired dozens of missiles and drones at Israel since October 2023, most of "
        "which were intercepted.",
    ],
)
def test_unconfirmed_posts_and_deeds_done_since_a_year_are_no_incidents(pipeline, sentence):
    assert _report(pipeline, "Report", "2025-03-07", sentence) == []


def test_a_fight_after_a_crossing_is_the_fight_at_each_place(pipeline):
    told = _types_at(
        pipeline,
        "2024-03-16",
        "Armed units of Russian volunteers crossed the border on Tuesday and fought Russian "
        "troops in the village of Tetkino in the Kursk region and near Kozinka in the "
        "Belgorod region.",
    )
    assert told == {("armed_clash", "Tetkino"), ("armed_clash", "Kozinka")}


def test_a_mine_on_the_road_out_of_a_town_is_near_it_on_the_day_told(pipeline):
    mine = _the_incident(
        pipeline,
        "2023-12-30",
        "A minibus struck a landmine on Thursday on the road out of Damboa, killing six "
        "passengers.",
    )
    assert (mine.event_type, mine.place.mention.text) == ("attack", "Damboa")
    assert mine.geo_precision == 2 and mine.date_start == date(2023, 12, 28)
    christmas = _report(
        pipeline,
        "Report",
        "2023-12-30",
        "Gunmen attacked more than 20 villages in the Bokkos area on Christmas Eve, killing "
        "dozens of residents.",
    )
    assert [(i.event_type, i.date_start) for i in christmas] == [("attack", date(2023, 12, 24))]


def test_a_paragraph_that_counts_from_the_day_before_it_is_dated_from_that_day(pipeline):
    """ "Late the same day, ..." and "... on the following day" open a paragraph on (or after)
    the day of the paragraph before, not on the day of publication."""
    incidents = _report(
        pipeline,
        "Report",
        "2025-05-20",
        "Fighters attacked the army base in Diapaga on Tuesday 13 May.\n\n"
        "Residents told us that on the following day a drone strike hit a crowd of traders "
        "at the market in Pama.\n\n"
        "Late the same day, drones hit a fuel depot in Fada N'Gourma.",
    )
    dates = {i.place.mention.text: (i.date_start, i.date_end) for i in incidents}
    assert dates["Pama"] == (date(2025, 5, 14), date(2025, 5, 14))
    assert dates["Fada N'Gourma"] == (date(2025, 5, 14), date(2025, 5, 14))


def test_a_digest_files_each_paragraph_from_the_town_its_line_names(pipeline):
    """A bomb under a train is sabotage of the line; "police caught" is an arrest; each
    paragraph of a regional digest happens in the town that heads it."""
    incidents = _report(
        pipeline,
        "Digest",
        "2023-05-03",
        "BRYANSK. An explosive device went off under a freight train near Unecha on Monday, "
        "throwing seven wagons off the rails.\n\n"
        "SAMARA. Transport police caught two teenagers on Saturday night as they set fire to a "
        "relay cabinet near the city's Bezymyanka station.",
    )
    found = {(i.event_type, i.place.candidate.name, i.date_start) for i in incidents}
    assert found == {
        ("rail_sabotage", "Unecha", date(2023, 5, 1)),
        ("arrest", "Samara", date(2023, 4, 29)),
        ("rail_sabotage", "Samara", date(2023, 4, 29)),
    }


def test_trains_that_have_not_run_since_a_blast_are_a_disruption(pipeline):
    stop = _the_incident(
        pipeline,
        "2023-12-01",
        "Trains have not run through the tunnel near Severomuysk since the blast on Wednesday.",
    )
    assert stop.event_type == "rail_disruption"


def test_the_town_opening_a_paragraph_is_the_one_the_paragraph_before_named(pipeline):
    """ "in the town" is En Nahud, taken in the paragraph before; the headline's "Kordofan",
    a region made of states, is no town."""
    incidents = _report(
        pipeline,
        "Flash update on the fighting in Kordofan",
        "2025-05-06",
        "On 1 May, the RSF took control of En Nahud after heavy fighting with the army.\n\n"
        "On 2 May, armed men went from house to house in the town, killing civilians.",
    )
    assert [(i.event_type, i.place.candidate.name) for i in incidents] == [
        ("armed_clash", "An Nuhūd"),
        ("attack", "An Nuhūd"),
    ]


def test_an_assault_through_the_night_and_troops_since_deployed_are_dated_by_the_report(pipeline):
    assault = _the_incident(
        pipeline,
        "2024-05-25",
        "Russian troops kept up their assault on Vovchansk through the night.",
    )
    assert (assault.date_start, assault.date_end) == (date(2024, 5, 24), date(2024, 5, 25))
    deployed = _the_incident(
        pipeline, "2024-02-23", "Mozambican soldiers have since been deployed in Chiúre town."
    )
    assert deployed.event_type == "troop_deployment"
    assert (deployed.date_start, deployed.date_end) == (date(2024, 2, 23), date(2024, 2, 23))


def test_suicide_bombers_no_older_than_fifteen_attack_and_are_no_aircraft(pipeline):
    """ "no older than 15" denies nothing; a suicide bomber is no bomber aircraft; "the city's
    Pont Vert district" is in the city named before."""
    incidents = _report(
        pipeline,
        "Suicide bombings in Maroua",
        "2015-07-27",
        "On Wednesday 22 July, two girls thought to be no older than 15 blew themselves up in "
        "the central market of Maroua, killing at least 13 people.\n\n"
        "Three days later, late on Saturday night, another suicide bomber struck a crowded bar "
        "in the city's Pont Vert district, killing 20 more.",
    )
    assert [(i.event_type, i.place.candidate.name, i.date_start) for i in incidents] == [
        ("attack", "Maroua", date(2015, 7, 22)),
        ("attack", "Maroua", date(2015, 7, 25)),
    ]


def test_a_drill_due_to_run_until_a_date_spans_it(pipeline):
    drill = _the_incident(
        pipeline,
        "2022-10-19",
        "Belarusian and Russian units began joint drills at a range near Slutsk on Monday, due "
        "to run until 28 October.",
    )
    assert drill.event_type == "military_exercise"
    assert (drill.date_start, drill.date_end) == (date(2022, 10, 17), date(2022, 10, 28))


def test_a_capital_that_had_captured_a_town_is_its_government_not_a_destination(pipeline):
    withdrawal = _the_incident(
        pipeline,
        "2022-11-19",
        "Russia said on 11 November that the last of its units had completed their withdrawal "
        "from Kherson, the only regional capital Moscow had captured since the invasion.",
    )
    assert withdrawal.event_type == "troop_movement"
    assert withdrawal.place.mention.text == "Kherson" and withdrawal.origin is None
    assert withdrawal.actors == ("Military Forces of Russia",)


def test_the_town_of_a_later_paragraph_is_the_one_the_report_told_of_not_its_dateline(pipeline):
    """Filed from El Obeid, the report tells of Babanusa; "the edge of the town" two
    paragraphs on is Babanusa's."""
    body = (
        "EL OBEID, Sudan — Fighters of the Rapid Support Forces attacked the army's base in "
        "Babanusa on Monday, residents said.\n\n"
        "The attack was repelled after several hours of fighting, according to the army.\n\n"
        "Army aircraft bombed RSF positions on the edge of the town on Tuesday."
    )
    incidents = _report(pipeline, "Fighting in West Kordofan", "2024-01-24", body)
    strike = next(i for i in incidents if i.event_type == "air_strike")
    assert strike.place.candidate.geonameid == 377962  # Babanūsah


def test_the_towns_a_road_links_only_say_where_the_road_runs(pipeline):
    body = (
        "M23 rebels took control of Rutshuru on Saturday after clashes with the army, "
        "extending their hold over the main road that links Goma with the north."
    )
    assert _types_at(pipeline, "2022-10-30", body) == {("armed_clash", "Rutshuru")}

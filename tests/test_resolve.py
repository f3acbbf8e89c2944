"""Resolution in context: which of a name's namesakes the rest of the text points to."""

from __future__ import annotations


def _found(pipeline, text: str) -> dict[str, tuple[float, float]]:
    return {text[s:e]: (lat, lon) for s, e, lat, lon in pipeline.geoparse(text)}


def _near(point: tuple[float, float], lat: float, lon: float, km: float = 50.0) -> bool:
    from geomap.distance import haversine_km

    return haversine_km(*point, lat, lon) < km


def test_a_name_repeated_does_not_vouch_for_its_famous_namesake(pipeline):
    # Athens said three times is still the Georgia town beside Watkinsville, not Greece
    text = (
        "Athens police closed two streets after the fire. Athens firefighters worked through "
        "the night, and the Athens mayor thanked crews who came from Watkinsville."
    )
    found = _found(pipeline, text)
    assert _near(found["Athens"], 33.96, -83.38)


def test_the_region_most_names_could_lie_in_wins(pipeline):
    # each name has bigger namesakes elsewhere; together they point to north-east Georgia
    text = "The school boards of Madison, Jackson and Oglethorpe met in Athens on Thursday."
    found = _found(pipeline, text)
    assert _near(found["Athens"], 33.96, -83.38)
    assert _near(found["Oglethorpe"], 32.29, -84.06, km=161)


def test_towns_lie_in_the_state_the_text_names(pipeline):
    text = (
        "Ambulances from Richmond, Berea and Winchester took the injured to hospitals in Kentucky."
    )
    found = _found(pipeline, text)
    assert _near(found["Winchester"], 37.99, -84.18)
    assert _near(found["Richmond"], 37.75, -84.29)


def test_a_state_named_like_a_country_is_the_state_among_its_towns(pipeline):
    found = _found(pipeline, "Our reporters in Georgia visited Macon, Dublin and Vidalia.")
    assert _near(found["Georgia"], 32.8, -83.2, km=161)


def test_a_country_among_its_neighbours_stays_the_country(pipeline):
    found = _found(
        pipeline, "Farm prices in Lebanon and Palestine have risen, traders in Tyre said."
    )
    assert _near(found["Lebanon"], 33.9, 35.9, km=161)
    assert _near(found["Palestine"], 31.9, 35.2, km=161)


def test_a_village_named_like_a_country_yields_to_the_country(pipeline):
    found = _found(pipeline, "Soybean growers near Houston said exports to China fell again.")
    assert _near(found["China"], 35.8, 104.4, km=500)


def test_one_other_name_does_not_turn_a_town_into_a_hamlet_beside_it(pipeline):
    # Rechytsa (65,000, Gomel region) has namesake hamlets in the Brest region near Luninets;
    # one other name there is too little to prefer them
    found = _found(
        pipeline, "Vehicles were parked outside Rechytsa. A train was filmed at Luninets station."
    )
    assert _near(found["Rechytsa"], 52.36, 30.39)


def test_rail_gear_between_two_towns_that_no_section_joins_names_the_towns(pipeline):
    # Lida and Hrodna are 100 km apart: not one section, but both are places
    found = _found(pipeline, "A relay box between Lida and Hrodna burned on Sunday.")
    assert _near(found["Lida"], 53.89, 25.3)
    assert _near(found["Hrodna"], 53.68, 23.83)


def test_rail_gear_between_neighbouring_stations_is_their_section(pipeline):
    text = "Signalling between Savetski and Vereitsy, near Asipovichy, was put out of action."
    found = _found(pipeline, text)
    # the two stations, 7 km apart, each placed at its station
    assert _near(found["Savetski"], 53.32, 28.59, km=3)
    assert _near(found["Vereitsy"], 53.34, 28.52, km=3)


def test_a_us_county_lies_where_its_zip_codes_do(pipeline):
    # no town is called Tarrant in Texas; Tarrant, Alabama is 980 km away
    found = _found(pipeline, "The Tarrant County medical examiner identified the driver.")
    assert _near(found["Tarrant County"], 32.77, -97.29)


def test_a_county_name_many_states_share_takes_the_state_of_the_text(pipeline):
    text = "Deputies in Douglas County, near Omaha, Nebraska, found the truck."
    found = _found(pipeline, text)
    assert _near(found["Douglas County"], 41.3, -96.15)


def test_a_name_in_an_organisation_is_the_same_place_as_the_bare_name(pipeline):
    # "the Paris City Council" must not vote for France when the bare "Paris" is ranked
    text = (
        "The Paris City Council met on Monday, and Paris firefighters were thanked by the "
        "mayor of Murray."
    )
    found = _found(pipeline, text)
    assert not _near(found["Paris"], 48.85, 2.35, km=1000)


def test_a_county_many_states_share_meets_the_town_beside_it(pipeline):
    # ten Henry Counties, a dozen Parises: the pair that lies together is meant (Tennessee)
    found = _found(pipeline, "Deputies from Henry County and Paris police searched the lake.")
    assert _near(found["Paris"], 36.30, -88.33)
    assert _near(found["Henry County"], 36.30, -88.33)


def test_a_town_lies_in_the_county_the_text_names(pipeline):
    text = (
        "The Paris City Council met on Monday; Paris firefighters and deputies from Lamar "
        "County attended."
    )
    assert _near(_found(pipeline, text)["Paris"], 33.66, -95.56)


def test_names_in_a_list_of_counties_are_the_counties(pipeline):
    text = "Home sales rose in Douglas, Sarpy and Lancaster counties, realtors in Omaha said."
    found = _found(pipeline, text)
    assert _near(found["Lancaster"], 40.78, -96.69)
    assert _near(found["Douglas"], 41.3, -96.15)


def test_a_town_of_local_news_is_sized_less_than_placed(pipeline):
    # "London city council" is a municipality's: the London among the text's Canadian places
    text = "London city council voted to send a trade mission to China and to Calgary next spring."
    assert _near(_found(pipeline, text)["London"], 42.98, -81.23)


def test_a_state_after_a_town_is_the_one_that_holds_it_by_its_own_name(pipeline):
    # Orland, California, is also called Orlando; Florida is the state the wire means
    found = _found(pipeline, "ORLANDO, Fla. (AP) — Doctors tested a new heart device.")
    assert _near(found["ORLANDO"], 28.54, -81.38)
    assert _near(found["Fla."], 27.8, -83.7, km=161)


def test_a_small_town_named_like_a_state_yields_to_the_state(pipeline):
    text = "Paris police said the man had moved to Kansas from Edgar County last year."
    # the state, not Kansas, Illinois, beside Paris and Edgar County
    assert _near(_found(pipeline, text)["Kansas"], 38.5, -98.5, km=300)
    qualified = "The fair in Kansas, Ill., opens Friday."
    assert _near(_found(pipeline, qualified)["Kansas"], 39.55, -87.94, km=20)


def test_a_state_before_counties_is_the_state_that_holds_them(pipeline):
    text = "Boone County is near the middle of Indiana counties, the state said."
    assert _near(_found(pipeline, text)["Indiana"], 40.0, -86.3, km=150)


def test_the_city_of_a_town_is_the_town_the_text_names(pipeline):
    # a hamlet in Minnesota keeps "City of Richmond" as an alternate name; the text means the
    # Richmond beside Berea
    text = (
        "Richmond police arrested a Berea man on Friday. He had stolen tools from the City of "
        "Richmond’s public works department."
    )
    found = _found(pipeline, text)
    assert _near(found["City of Richmond"], 37.75, -84.29)


def test_a_respelling_yields_to_a_town_that_bears_the_name_as_written(pipeline):
    # "Shakopee" is a romanisation of Skopje too; the Minnesota town of 40,000 is spelt so
    found = _found(pipeline, "Police in Shakopee said the road was closed until Monday.")
    assert _near(found["Shakopee"], 44.80, -93.53)


def test_a_town_among_several_neighbours_outweighs_one_beside_a_namesake(pipeline):
    # Kent and Sharon are bigger in Ohio and Pennsylvania; in Connecticut each lies beside
    # three or four of the other towns
    text = (
        "Pupils from Falls Village, Cornwall, Kent, Canaan, Salisbury and Sharon attend the "
        "regional school."
    )
    found = _found(pipeline, text)
    assert _near(found["Kent"], 41.72, -73.48)
    assert _near(found["Sharon"], 41.88, -73.48)


def test_a_province_that_holds_the_other_places_is_the_province(pipeline):
    # Ontario, California is a city of 170,000; Woodstock and Tillsonburg lie in the province
    text = (
        "Business leaders in Woodstock and Tillsonburg said the Ontario budget would raise "
        "their costs."
    )
    assert _near(_found(pipeline, text)["Ontario"], 47.5, -84.5, km=400)


def test_a_place_in_a_country_bordering_those_the_text_names_is_the_one_meant(pipeline):
    # Gaza is a province of Mozambique too, summed to a population like the city's
    text = "Aid convoys reached Gaza on Sunday after talks between Israel and Egypt."
    assert _near(_found(pipeline, text)["Gaza"], 31.5, 34.47)


def test_a_name_settled_by_context_settles_others_in_turn(pipeline):
    # alone, Lebanon is the country and leaves Boone County to its biggest namesake; placed
    # in Indiana by Boone County's readings, the town places the county
    text = (
        "A Lebanon man with no prior arrest record in Boone County was taken into custody by "
        "Lebanon police."
    )
    assert _near(_found(pipeline, text)["Boone County"], 40.01, -86.49)


def test_a_place_said_to_lie_in_a_direction_from_another_does(pipeline):
    # two villages called Zyabrovka lie 20 km either side of Gomel
    south_east = "Jets stood at Rechytsa and at the Zyabrovka airfield south-east of Gomel."
    north_west = "Jets stood at Rechytsa and at the Zyabrovka airfield north-west of Gomel."
    assert _near(_found(pipeline, south_east)["Zyabrovka"], 52.29, 31.08, km=10)
    assert _near(_found(pipeline, north_west)["Zyabrovka"], 52.55, 30.73, km=10)


def test_a_place_said_to_lie_a_distance_from_another_does(pipeline):
    # of the villages called Ivanivka around Chernihiv one lies 13 km away, another 70 km
    far = _found(pipeline, "Shelling hit Ivanivka, 70 km from Chernihiv.")["Ivanivka"]
    near = _found(pipeline, "Shelling hit Ivanivka, 10 km from Chernihiv.")["Ivanivka"]
    assert _near(far, 51.91, 32.10, km=10)
    assert _near(near, 51.38, 31.29, km=10)


def test_an_abbreviated_mount_finds_the_town_by_its_full_name(pipeline):
    # the gazetteer keeps "Mt. Pleasant" for the Michigan town only
    text = "The county fair in Mt. Pleasant, Iowa, opened on Friday."
    assert _near(_found(pipeline, text)["Mt. Pleasant"], 40.96, -91.55)


def test_a_city_apart_from_the_region_named_after_it_is_the_city(pipeline):
    # Saint Petersburg is a region of its own; the oblast around it bears its name too, and
    # holds Pulkovo
    text = "Planes bound for St. Petersburg landed at Pulkovo after the storm."
    assert _near(_found(pipeline, text)["St. Petersburg"], 59.94, 30.31, km=30)


def test_the_closer_of_two_nearby_namesakes_is_the_one_meant():
    # both namesakes of Ashby lie within 50 km of Carver; a town 12 km away is far likelier
    # the one a local story means than one twice its size 45 km away
    from geomap.models import Candidate, Mention
    from geomap.resolve import Resolver

    def town(name, key, lat, population):
        return Candidate(name, lat, -90.0, "village", "US", "US.IL", population, key=key)

    gazetteer = {
        "Carver": [town("Carver", "c", 40.0, 5_000)],
        "Ashby": [town("Ashby", "a1", 40.108, 3_000), town("Ashby", "a2", 40.405, 6_000)],
    }
    text = "Crews from Ashby met at Carver."
    mentions = [
        Mention(name, text.index(name), text.index(name) + len(name), name)
        for name in ("Ashby", "Carver")
    ]
    resolution = Resolver(lambda m: gazetteer[m.query]).resolve(text, mentions)
    assert resolution.place_at(mentions[0]).candidate.key == "a1"


def test_a_city_council_is_the_towns_beside_its_county(pipeline):
    # "Dublin City" is also Dublin's council area in Ireland; the council of a town beside
    # Franklin County and Columbus is Dublin, Ohio's
    text = (
        "Dublin City Council heard a first reading on the street names on Monday. Dublin's "
        "engineer said the Franklin County Auditor's Office found the error, and residents "
        "drove to Columbus to file papers. Dublin will vote next month."
    )
    found = _found(pipeline, text)
    assert _near(found["Dublin City"], 40.10, -83.11)
    assert _near(found["Dublin"], 40.10, -83.11)


def test_a_town_called_city_keeps_its_own_name(pipeline):
    text = "The Kansas City Council met on Monday; Kansas farmers came to watch."
    found = _found(pipeline, text)
    assert _near(found["Kansas City"], 39.1, -94.6)


def test_the_countries_of_a_border_are_named_with_it(pipeline):
    text = "Shells fell on villages along the Syrian-Turkish border on Tuesday."
    found = _found(pipeline, text)
    assert _near(found["Syrian"], 35.0, 38.3, km=300)
    assert _near(found["Turkish"], 39.0, 35.2, km=300)


def test_a_border_whose_other_side_is_unknown_still_names_its_country(pipeline):
    found = _found(pipeline, "Refugees waited for days at the Syrian border.")
    assert _near(found["Syrian"], 35.0, 38.3, km=300)


def test_a_continent_takes_the_context_of_its_countries(pipeline):
    # beside Japan, "Asia" is the continent, not Ashiya (a Japanese town spelt alike)
    text = (
        "Korean and Japanese women who lift weights are rare, but there are strong women in Asia!"
    )
    found = _found(pipeline, text)
    asia = pipeline.gazetteer.candidates("Asia", loose=False)[0]
    assert asia.origin == "continent"
    assert _near(found["Asia"], asia.lat, asia.lon, km=1)


def test_a_region_is_reported_by_its_name_without_the_common_noun(pipeline):
    # the corpora mark "Idlib" in "Idlib province"; "County" is part of "Madison County"
    text = "Fighting raged in the Luhansk region and in Idlib province; Madison County was calm."
    found = _found(pipeline, text)
    assert {"Luhansk", "Idlib", "Madison County"} <= set(found)


def test_a_big_town_keeps_its_name_against_a_foreign_hamlet_the_context_favours(pipeline):
    # GeoNames also gives "Novorossiysk" as a name of a Ukrainian hamlet; "a Ukrainian sea
    # drone" names Ukraine, but the drone struck the Russian port of 240,000
    found = _found(
        pipeline, "A Ukrainian sea drone rammed a landing ship at the naval base in Novorossiysk."
    )
    assert _near(found["Novorossiysk"], 44.72, 37.77)


def test_a_small_towns_other_name_gives_way_to_a_citys(pipeline):
    # GeoNames gives "Mykolaiv" as another name of Mykolaivka (14,000, in the Donbas); beside
    # Lysychansk and the Luhansk region the mayor's city is still Mykolaiv (470,000)
    found = _found(
        pipeline,
        "Russian troops fought their way into Lysychansk, the governor of the Luhansk region "
        "said. Two missiles struck an industrial area of Mykolaiv, the city's mayor said.",
    )
    assert _near(found["Mykolaiv"], 46.97, 32.0)


def test_a_place_said_to_be_near_another_is_read_near_it_or_left_unplaced(pipeline):
    # GeoNames has no Salama in Kenya, only Salamá in Guatemala: better unplaced than there
    text = "Militants raided the village of Salama, near Mpeketoni, in Lamu County."
    placed = _found(pipeline, text)
    assert "Salama" not in placed and "Mpeketoni" in placed
    # a namesake near the place wins over a bigger one elsewhere
    text = "Fighting was reported in Paris, near Lexington, Kentucky."
    assert _near(_found(pipeline, text)["Paris"], 38.21, -84.25, km=30)
    # "near the New York border" says nothing of how near New York City is
    text = "Tolls rose at West Stockbridge near the New York border."
    assert _near(_found(pipeline, text)["West Stockbridge"], 42.33, -73.37, km=30)


def test_a_hamlet_abroad_far_from_all_the_texts_places_is_left_unplaced(pipeline):
    # GeoNames knows only a Swiss Speicher; the text is about Iraq
    text = (
        "Iraqi troops entered Tikrit on Tuesday. In 2014 militants killed cadets from the "
        "nearby Speicher base; Baiji and Mosul could be next."
    )
    placed = _found(pipeline, text)
    assert "Speicher" not in placed and {"Tikrit", "Baiji", "Mosul"} <= set(placed)
    # ... but a small town abroad among places near it stays
    text = "Shelling hit Lyman, Siversk and Kreminna; fighting went on near Bilohorivka."
    assert {"Lyman", "Siversk", "Kreminna", "Bilohorivka"} <= set(_found(pipeline, text))


def test_a_short_form_is_the_long_name_the_text_gave_it(pipeline):
    # "Madani" names no place exactly; Madang, Papua New Guinea, is only a look-alike
    text = (
        "Shelling reached Wad Madani on Friday. Aid workers said the market in Madani "
        "had burned and families were walking towards Sennar."
    )
    placed = _found(pipeline, text)
    assert _near(placed["Madani"], 14.40, 33.52) and _near(placed["Wad Madani"], 14.40, 33.52)
    # a one-word name that is a town of its own keeps its own reading
    text = "Water from the Nova Kakhovka reservoir reached Kakhovka and Beryslav."
    placed = _found(pipeline, text)
    assert _near(placed["Kakhovka"], 46.81, 33.48, km=15)


def test_a_portuguese_name_with_do_is_one_name_and_a_state_is_not_its_ports_namesake(pipeline):
    text = (
        "Much of Rio Grande do Sul is still under water; almost all of Eldorado do Sul was "
        "submerged and landslides hit towns near Caxias do Sul."
    )
    placed = _found(pipeline, text)
    assert _near(placed["Rio Grande do Sul"], -29.73, -53.66, km=30)  # the state, not the port
    assert _near(placed["Eldorado do Sul"], -30.08, -51.62, km=15)
    assert _near(placed["Caxias do Sul"], -29.17, -51.18, km=15)
    # ... even when the state's towns fill the text (the port lies in the state too)
    text = (
        "Much of Rio Grande do Sul is under water. In Canoas, Pelotas and São Leopoldo boats "
        "pulled residents from rooftops; landslides struck Santa Maria."
    )
    assert _near(_found(pipeline, text)["Rio Grande do Sul"], -29.73, -53.66, km=30)
    # a region named after its town is still the town when named alone
    assert _near(_found(pipeline, "Mogilev was quiet; trains left Gomel.")["Mogilev"], 53.9, 30.34)


def test_a_towns_appositive_names_what_holds_it(pipeline):
    text = (
        "The WHO praised Nigeria for its dengue response. In Lagos, a resort town on "
        "Portugal's southern coast, hotels were asked to cut water use."
    )
    assert _near(_found(pipeline, text)["Lagos"], 37.10, -8.67, km=20)
    text = "Floods hit Kasese, a district in western Uganda, and Paris, a town in Texas."
    placed = _found(pipeline, text)
    assert _near(placed["Paris"], 33.66, -95.56, km=20)


def test_many_small_namesakes_of_one_country_do_not_outvote_a_citys_own_country(pipeline):
    # Manchester has a dozen American namesakes; summed, they had made London London, Ohio
    text = "Researchers in London and Manchester agreed on the figures."
    placed = _found(pipeline, text)
    assert _near(placed["London"], 51.51, -0.13) and _near(placed["Manchester"], 53.48, -2.24)
    # ... while a name's own country still counts all its readings there
    text = "A missile hit Nikolaïev on Tuesday; the city has held up the push towards Odessa."
    assert _near(_found(pipeline, text)["Odessa"], 46.48, 30.73)


def test_a_city_bigger_than_a_province_of_its_name_is_the_one_meant(pipeline):
    # Gaza city (410,000) outnumbers the whole Mozambican province of Gaza (385,000)
    for text in ("Aid reached Gaza.", "The Houthis attack ships in support of Gaza."):
        assert _near(_found(pipeline, text)["Gaza"], 31.50, 34.47)


def test_a_countrys_name_is_the_country_among_many_of_its_towns(pipeline):
    # GeoNames' stations include one called "Беларусь" near Minsk; the towns round it must
    # not pull the country's name onto it
    from geomap.models import Document

    towns = (
        "Mahilioŭ, Mahiliou, Viciebsk, Vitsebsk, Hrodna, Baranavičy, Baranavichy, Maladziečna, "
        "Maladzyechna, Babrujsk, Babruysk, Mazyr, Salihorsk, Barysaŭ, Barysau, Navapolatsk, "
        "Asipovichy, Zhodzina, Navahrudak, Pastavy, Hlybokaye, Hlybokaje, Lepiel, Lyepyel, "
        "Kobryn, Pinsk, Luniniec, Luninets, Stolin, Svietlahorsk, Rahachoŭ, Rechytsa, "
        "Kalinkavichy, Zhlobin, Slonim, Vaŭkavysk, Lida, Smarhoń"
    )
    text = f"Arrests were reported in Belarus: in {towns}."
    result = pipeline.read(Document(text=text))
    belarus = result.resolution.place_at(result.mentions[0])
    assert result.mentions[0].text == "Belarus"
    assert belarus.candidate.feature_class == "country"


def test_a_state_keeps_its_name_where_the_text_also_names_the_port(pipeline):
    text = (
        "Rio Grande do Sul under water\n\nTen days of rain have left much of the Brazilian "
        "state of Rio Grande do Sul under water. Boats ferry residents out of Canoas and "
        "Eldorado do Sul, and São Leopoldo queues for water. In the valley, Roca Sales, Muçum, "
        "Encantado and Lajeado count their dead; Santa Cruz do Sul counts its losses. Sandbags "
        "line the streets of Pelotas and the port city of Rio Grande, on the coast."
    )
    found = _found(pipeline, text)
    assert _near(found["Rio Grande do Sul"], -29.73, -53.66, km=30)  # the state
    assert _near(found["Rio Grande"], -32.03, -52.10, km=15)  # the port


def test_congo_is_the_country_whose_towns_the_text_names(pipeline):
    east = "A new strain spread from a mining town in eastern Congo to Bukavu and Uvira."
    assert _near(_found(pipeline, east)["Congo"], -2.9, 23.6, km=900)  # the DRC
    west = "Congo and Gabon signed a border deal in Brazzaville."
    assert _near(_found(pipeline, west)["Congo"], -0.7, 15.2, km=500)  # the Republic

"""events_v1: what a coder reads off a sentence (type, toll, place, date), as a table."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.gazetteer.lookup import GazetteerEntry, MemoryGazetteer
from claimgraph.model import Event
from claimgraph.nlp.event_types import find_triggers
from claimgraph.nlp.pipeline import load_pipeline
from tests.conftest import PAKISTAN_ROWS, make_document

# A few GeoNames-style rows (ids and coordinates as in GeoNames) for a self-contained gazetteer.
ROWS = [
    *PAKISTAN_ROWS,
    GazetteerEntry(
        1167710, "Punjab", 30.0, 72.0, "PK", "A", "ADM1", 100_000_000, "PK.04", "Punjab"
    ),
    GazetteerEntry(
        1168873,
        "Khyber Pakhtunkhwa",
        34.5,
        72.0,
        "PK",
        "A",
        "ADM1",
        30_000_000,
        "PK.03",
        "Khyber Pakhtunkhwa",
    ),
    GazetteerEntry(
        1172451,
        "Lahore",
        31.558,
        74.351,
        "PK",
        "P",
        "PPLA",
        6_310_888,
        "PK.04",
        "Punjab",
        "PK.04.1172450",
        "Lahore District",
    ),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(gazetteer=MemoryGazetteer(ROWS))


def events_of(nlp: Language, text: str, published: str | None = "2024-03-14") -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.document = make_document(text, published=published)
    return list(nlp(doc)._.events)


@pytest.mark.parametrize(
    ("sentence", "sub_event_type", "fatalities"),
    [
        ("A drone strike killed four militants in Multan on Tuesday.", "Air/drone strike", 4),
        (
            "A suicide bomber blew himself up at a market in Lahore, killing 12 people.",
            "Suicide bomb",
            12,
        ),
        (
            "A roadside bomb exploded near a police van in Multan, wounding three officers.",
            "Remote explosive/landmine/IED",
            None,
        ),
        ("Police arrested two suspected militants in Lahore.", "Arrests", None),
        (
            "Hundreds of students protested in Lahore against a rise in fees.",
            "Peaceful protest",
            None,
        ),
        (
            "Police fired tear gas to disperse protesters in Lahore.",
            "Protest with intervention",
            None,
        ),
        ("Gunmen abducted a local journalist in Peshawar.", "Abduction/forced disappearance", None),
        (
            "Bomb disposal experts defused an explosive device found near a school in Multan.",
            "Disrupted weapons use",
            None,
        ),
        (
            "Militants fired mortar shells at an army camp in Peshawar.",
            "Shelling/artillery/missile attack",
            None,
        ),
        (
            "Rioters torched vehicles and pelted stones at police in Lahore.",
            "Violent demonstration",
            None,
        ),
        ("Unknown assailants shot dead a shopkeeper in Multan.", "Attack", 1),
        ("Two grenades were hurled at a police station in Peshawar.", "Grenade", None),
        ("A mob lynched a man accused of blasphemy in Lahore.", "Mob violence", 1),
        ("Insurgents blew up a school building in Multan.", "Remote explosive/landmine/IED", None),
        ("Police recovered three landmines near a road in Multan.", "Disrupted weapons use", None),
        ("On March 3, police arrested two men in Lahore.", "Arrests", None),
        ("Troops clashed with militants near Peshawar, killing five of them.", "Armed clash", 5),
        ("The army recaptured the town of Multan from the rebels on Sunday.",
         "Government regains territory", None),
        ("Rebels seized control of Multan after government troops fled.",
         "Non-state actor overtakes territory", None),
        # A town the tagger takes for a person is still ground taken.
        ("M23 rebels captured Goma after clashes with the army.",
         "Non-state actor overtakes territory", None),
        # The Taliban were an insurgency until August 2021, the government after.
        ("On 2 August 2021, the Taliban captured Multan from government forces.",
         "Non-state actor overtakes territory", None),
        ("On 2 September 2021, the Taliban captured Multan from the resistance.",
         "Government regains territory", None),
        ("A chemical attack with chlorine gas hit a village near Lahore.", "Chemical weapon", None),
        ("Soldiers raped two women in a village near Multan.", "Sexual violence", None),
        ("Police opened fire on protesters in Lahore, killing three of them.",
         "Excessive force against protesters", 3),
        ("The government and the rebels signed a ceasefire in Lahore.", "Agreement", None),
        ("The group pledged allegiance to the Islamic State in Peshawar.",
         "Change to group/activity", None),
        ("The rebels set up a base near Multan.", "Headquarters or base established", None),
        ("Rebels looted shops and burned down houses in Multan.",
         "Looting/property destruction", None),
        ("The militia handed over control of Multan to the army without a fight.",
         "Non-violent transfer of territory", None),
        ("Authorities imposed a curfew in Lahore after the unrest.", "Other", None),
        # Triggers only the parse shows: a recovery verb with weapons, "set ... on fire",
        # "fired at"; violence against soldiers or police is a battle.
        ("Police recovered a cache of arms and ammunition near Multan.",
         "Disrupted weapons use", None),
        ("Militants set a truck on fire in Multan.", "Looting/property destruction", None),
        ("Police raided a militant hideout near Multan and recovered a cache of arms.",
         "Disrupted weapons use", None),
        ("Five militants were killed as troops foiled an infiltration bid near Peshawar.",
         "Armed clash", 5),
        ("Militants intercepted 11 trucks and set them ablaze in Multan.",
         "Looting/property destruction", None),
        ("Gunmen shot dead two policemen in Multan.", "Armed clash", 2),
        ("Militants shot dead Ali Khan, a constable, in Multan.", "Armed clash", 1),
        ("Militants fired at a police patrol in Peshawar.", "Armed clash", None),
        # Codebook distinctions a trigger alone cannot make.
        # Ground taken after fighting is coded by who took it, not as the fight.
        ("Rebels captured the town of Multan after two days of clashes with the army.",
         "Non-state actor overtakes territory", None),
        ("Troops retook the village of Multan from the rebels after heavy fighting.",
         "Government regains territory", None),
        # Ground handed over or abandoned without a fight is a non-violent transfer.
        ("The militia took over the town of Multan after the army withdrew without a fight.",
         "Non-violent transfer of territory", None),
        # A chemical agent makes the shell or rocket that carried it a chemical weapon.
        ("Militants fired rockets filled with chlorine at an army post near Peshawar.",
         "Chemical weapon", None),
        # Force that kills or gravely hurts peaceful marchers is excessive force.
        ("Police shot dead two men during a peaceful march in Lahore.",
         "Excessive force against protesters", 2),
        ("Police beat a student unconscious at a sit-in in Lahore; he was hospitalised.",
         "Excessive force against protesters", None),
        # Detaining marchers at their march is an intervention in a protest, not arrests.
        ("Police detained forty people during a march for higher wages in Lahore.",
         "Protest with intervention", None),
        # Protest told without the word "protest"; what it demands is no incident of its own.
        ("Hundreds of nurses gathered outside the hospital in Multan to demand unpaid salaries.",
         "Peaceful protest", None),
        ("Parents marched in Lahore to demand the release of their kidnapped sons.",
         "Peaceful protest", None),
        # Demonstrators' own violence makes the demonstration violent.
        ("Demonstrators threw projectiles at the police and set tyres alight in Lahore.",
         "Violent demonstration", None),
        ("Farmers threw eggs and bottles at riot police outside the ministry in Lahore.",
         "Violent demonstration", None),
        ("Police fired water cannon at teachers marching to the assembly in Lahore.",
         "Protest with intervention", None),
        ("Soldiers opened fire on peaceful demonstrators in Multan.",
         "Excessive force against protesters", None),
        # A crowd storming the seats of the state is demonstrating, not a mob.
        ("Supporters of the losing candidate stormed and vandalised the parliament in Lahore.",
         "Violent demonstration", None),
        ("Unknown men burned a school building in Multan overnight.",
         "Looting/property destruction", None),
        # A crowd beating or burning a man is mob violence; a lynching by militants is an attack.
        ("Angry villagers beat and burned a suspected thief in a village near Multan.",
         "Mob violence", None),
        ("Supporters of two rival parties clashed with clubs outside a polling station in Multan.",
         "Mob violence", None),
        ("Militants lynched a shopkeeper in Multan.", "Attack", 1),
        # Aircraft named as the striker make it an air or drone strike.
        ("Jets bombed a market in Multan on Friday.", "Air/drone strike", None),
        ("A drone struck a car near Peshawar, killing three men.", "Air/drone strike", 3),
        ("A farmer was killed when his cart hit an anti-tank mine near Multan.",
         "Remote explosive/landmine/IED", 1),
        # Strategic developments that have no violent trigger word.
        ("The rebels named a new commander in Peshawar after their leader died.",
         "Change to group/activity", None),
        ("The militia split into two factions in Multan after a leadership dispute.",
         "Change to group/activity", None),
        ("The army established a new base in Multan.", "Headquarters or base established", None),
        ("Militants distributed leaflets in Multan ordering shopkeepers to close on Fridays.",
         "Other", None),
        ("The rebels imposed a blockade on the roads into Multan.", "Other", None),
        ("The two militias reached an agreement to stop fighting each other near Multan.",
         "Agreement", None),
        ("Police detained a lawyer in Lahore; his whereabouts remain unknown.",
         "Abduction/forced disappearance", None),
        ("Troops of both sides exchanged mortar fire across the border near Multan.",
         "Shelling/artillery/missile attack", None),
        ("The two sides exchanged 40 prisoners of war in Lahore.", "Agreement", None),
        ("Gunmen seized three engineers at a construction site near Peshawar.",
         "Abduction/forced disappearance", None),
        ("Gunmen set fire to houses in a village near Multan, killing six people inside.",
         "Attack", 6),
        ("The army dropped munitions containing chlorine from drones on rebel trenches "
         "near Multan.", "Chemical weapon", None),
        ("A new splinter faction of the rebels announced its formation in Peshawar.",
         "Change to group/activity", None),
        # What a victim was accused or punished for is not what happened to them.
        ("Militants shot dead a teacher in Multan for allegedly molesting a pupil.", "Attack", 1),
        # A description of a group is no change to it.
        ("Gunmen of a break-away faction of the rebels shot dead a trader in Multan.",
         "Attack", 1),
        # What an agreement provides for is no incident; police stand-offs with stone-throwers
        # are violent demonstrations; a crowd handing a man to the police is still a mob.
        ("The rebels agreed to release five hostages in Multan.", "Agreement", None),
        ("Police fired tear gas to disperse stone-throwing youths in Lahore.",
         "Violent demonstration", None),
        ("Residents beat a suspected thief in Multan before handing him to the police.",
         "Mob violence", None),
        # Split protest forms, national forces as the state, barrel bombs from the air.
        ("Police detained twelve teachers at a sit-in outside the ministry in Lahore.",
         "Protest with intervention", None),
        ("On 4 May 2019, Pakistani forces captured the village of Kot from the rebels after "
         "heavy fighting.", "Government regains territory", None),
        ("Helicopters dropped barrel bombs on a village near Multan.", "Air/drone strike", None),
        # No trigger word at all: the classifier reads the lead.
        ("Armed men carried off four girls from a school near Multan.",
         "Abduction/forced disappearance", None),
        ("Thousands of farmers gathered outside the assembly in Lahore to demand higher crop "
         "prices.", "Peaceful protest", None),
        # A bomb worn on the body is a suicide bomb.
        ("Two attackers detonated explosive belts at a hotel in Lahore, killing 11 people.",
         "Suicide bomb", 11),
        ("Militants wearing explosive vests blew up a checkpoint in Multan, killing two "
         "soldiers.", "Suicide bomb", 2),
        # Part of a group already counted is not counted again.
        ("A bomb exploded in a mosque in Multan, killing five worshippers, among them two "
         "children.", "Remote explosive/landmine/IED", 5),
        # A participle with its own object acts: the troops killed, they were not killed.
        ("Pakistani troops killed 14 militants in a village near Multan last month.",
         "Armed clash", 14),
        # After a dateline the story parses on its own: the two men are the killers.
        ("LAHORE, 12 March 2024 — Two men on a motorcycle shot dead a 45-year-old shopkeeper "
         "outside his shop, police said.", "Attack", 1),
    ],
)
def test_sentence_is_coded_with_acled_type_and_toll(
    nlp: Language, sentence: str, sub_event_type: str, fatalities: int | None
) -> None:
    events = events_of(nlp, sentence)
    assert events, f"no event in {sentence!r}"
    top = events[0]
    assert top.sub_event_type == sub_event_type
    assert top.fatalities == fatalities


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials warned that militants could attack the city.",
        "The group trains fighters for attacks abroad.",
        "No one was killed.",
        "The former governor died of cancer in Lahore.",
        "He said that being a suicide bomber was honourable.",
        "Engineers are testing ways of capturing drones with nets.",
        "The weather in Lahore was pleasant.",
        # Descriptions and advisories, not incidents.
        "The Avars form the largest ethnic group in the region.",
        # where a handover happened is not ground handed over; a vote beaten is no beating
        "The body was handed over to the family in Multan.",
        "The ruling party beat the opposition in the election in Lahore.",
        "The embassy issued a travel warning for Lahore.",
        # an existential that only asks
        "It was not immediately learned whether there were any arrests in Multan.",
    ],
)
def test_hypothetical_negated_or_eventless_sentences_yield_no_event(
    nlp: Language, sentence: str
) -> None:
    assert events_of(nlp, sentence) == []


def test_an_incident_only_the_classifier_finds_is_held_with_less_confidence(
    nlp: Language,
) -> None:
    (recovered,) = events_of(nlp, "Armed men carried off four girls from a school near Multan.")
    (triggered,) = events_of(nlp, "Armed men abducted four girls from a school near Multan.")
    assert recovered.confidence < triggered.confidence


def test_the_deed_an_arrested_man_is_held_for_is_background(nlp: Language) -> None:
    text = (
        "Police arrested the commander in Lahore on Monday, weeks after he masterminded a bomb "
        "blast in Multan that killed nine people."
    )
    coded = {e.sub_event_type: e.background for e in events_of(nlp, text)}
    assert coded == {"Arrests": False, "Remote explosive/landmine/IED": True}


def test_fighting_the_text_denies_is_no_clash(nlp: Language) -> None:
    coder = nlp.get_pipe("events_v1")
    coder.use_classifier = False  # the rules alone: the classifier may guess the type anyway
    try:
        events = events_of(nlp, "The army entered Multan on Friday without fighting.")
    finally:
        coder.use_classifier = True
    assert "Armed clash" not in {e.sub_event_type for e in events}


def test_troops_marching_is_no_protest(nlp: Language) -> None:
    events = events_of(nlp, "Troops marched into Lahore after the floods to help with the rescue.")
    assert "Peaceful protest" not in {e.sub_event_type for e in events}


def test_police_finding_bodies_is_no_weapons_seizure(nlp: Language) -> None:
    events = events_of(nlp, "Police found the bodies of two bomb victims in Multan.")
    assert "Disrupted weapons use" not in {e.sub_event_type for e in events}


def test_sentence_with_two_incidents_in_two_places_yields_two_events(nlp: Language) -> None:
    text = "Gunmen killed two people in Multan, while police arrested five suspects in Peshawar."
    events = events_of(nlp, text)
    coded = {(e.sub_event_type, e.location.name if e.location else None) for e in events}
    assert ("Arrests", "Peshawar") in coded
    assert any(kind in {"Attack", "Armed clash"} and where == "Multan" for kind, where in coded)


def test_repeated_mentions_of_one_incident_merge_with_all_evidence(nlp: Language) -> None:
    text = (
        "A bomb exploded in a market in Multan on Monday, killing three people.\n\n"
        "Those killed in Multan were traders."
    )
    events = events_of(nlp, text)
    assert len(events) == 1
    assert [span.text for span in events[0].evidence] == text.split("\n\n")
    assert events[0].fatalities == 3


def test_evidence_offsets_index_the_text_and_dates_resolve_against_publication(
    nlp: Language,
) -> None:
    text = "Headline here\n\nA drone strike killed four militants near Peshawar on Tuesday."
    (event,) = events_of(nlp, text, published="2024-03-14")
    for span in event.evidence:
        assert text[span.start : span.end] == span.text
    assert event.event_date == "2024-03-12"
    assert event.time_precision == 1
    assert event.location is not None and event.location.geo_precision == 2


def test_undated_incident_takes_publication_date_at_month_precision(nlp: Language) -> None:
    (event,) = events_of(nlp, "Police arrested two suspected militants in Lahore.", "2024-05-02")
    assert (event.event_date, event.time_precision) == ("2024-05-02", 3)


def test_earlier_incident_the_text_refers_to_is_background(nlp: Language) -> None:
    text = "The raid followed earlier attacks on police posts in Peshawar."
    events = events_of(nlp, text)
    assert any(e.background for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Militants have killed dozens of policemen in Peshawar in recent years.",
        "Militants have in the past attacked police posts in Peshawar.",
        "Peshawar saw frequent bombings of police posts in the 2000s.",
        "Gangs have kidnapped traders in Multan for years.",
    ],
)
def test_incidents_told_over_a_span_of_years_are_background(nlp: Language, text: str) -> None:
    events = events_of(nlp, text)
    assert events and all(e.background for e in events)
    # the same deed on a day is the story's own
    (today,) = events_of(nlp, "Militants killed four policemen in Peshawar on Tuesday.")
    assert not today.background


@pytest.mark.parametrize(
    "text",
    [
        "The group has claimed a number of attacks on police posts in Peshawar.",
        "Peshawar saw numerous bombings of police posts.",
    ],
)
def test_a_tally_of_incidents_reports_none_of_them(nlp: Language, text: str) -> None:
    assert [e for e in events_of(nlp, text) if not e.background] == []


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Four policemen were martyred when militants attacked a post in Peshawar.", 4),
        ("During the exchange of fire near Multan, five soldiers embraced shahadat.", 5),
        ("Troops engaged the hideout near Multan and ten khwarij were sent to hell.", 10),
    ],
)
def test_the_words_military_statements_and_local_papers_use_for_deaths(
    nlp: Language, text: str, killed: int
) -> None:
    assert [e.fatalities for e in events_of(nlp, text)] == [killed]


def test_a_habit_told_of_conjoined_verbs_is_no_incident(nlp: Language) -> None:
    assert events_of(nlp, "Turkey regularly carries out air and drone strikes against the PKK in Multan.") == []
    (raid,) = events_of(nlp, "Police raided a house and detained three suspects in Multan.")
    assert raid.sub_event_type == "Arrests"


def test_a_trigger_word_in_a_units_name_is_no_incident(nlp: Language) -> None:
    text = (
        "A suicide bomber killed 12 people in Multan on Monday. "
        "The Bomb Disposal Squad said eight kilogrammes of explosives had been used."
    )
    assert [e.sub_event_type for e in events_of(nlp, text)] == ["Suicide bomb"]
    (defused,) = events_of(nlp, "Bomb disposal experts defused a device in Multan on Monday.")
    assert defused.sub_event_type == "Disrupted weapons use"


def test_dateline_city_is_where_the_story_was_filed_not_the_scene(nlp: Language) -> None:
    text = "PESHAWAR, March 14, 2024 — Police arrested two men in Multan on Tuesday."
    (event,) = events_of(nlp, text)
    assert event.location is not None and event.location.name == "Multan"


def test_air_strikes_are_not_pinned_on_the_article_s_armed_group(nlp: Language) -> None:
    text = (
        "A drone strike killed four people near Peshawar.\n\n"
        "The Tehrik-i-Taliban Pakistan denied that its commanders were killed. "
        "The Tehrik-i-Taliban Pakistan said it would continue its campaign."
    )
    strike = next(e for e in events_of(nlp, text) if e.sub_event_type == "Air/drone strike")
    assert strike.actor1 is None


def test_a_reaction_to_an_attack_is_part_of_that_attack(nlp: Language) -> None:
    text = (
        "A bomb exploded at a bus stop in Multan on Monday, killing three people.\n\n"
        "The governor of Punjab condemned the attack in a statement from Lahore."
    )
    events = events_of(nlp, text)
    assert len(events) == 1
    assert len(events[0].evidence) == 2


def test_a_generic_attack_on_property_with_no_one_hurt_is_property_destruction(
    nlp: Language,
) -> None:
    text = (
        "Gunmen attacked the depot of a mining contractor outside Tarkwa on Sunday, "
        "the company said; nobody was hurt."
    )
    (on_property,) = events_of(nlp, text)
    (on_people,) = events_of(nlp, "Suspected rebels attacked a bus near Multan, killing four.")
    assert on_property.sub_event_type == "Looting/property destruction"
    assert on_people.sub_event_type == "Attack"


def test_leaflets_are_a_directive_only_when_they_order_or_threaten(nlp: Language) -> None:
    coder = nlp.get_pipe("events_v1")

    def triggered(text: str) -> list[str]:
        doc = nlp(text)
        return [t.rule.sub_event_type for t in find_triggers(doc, coder.matcher, coder.rules)]

    assert "Other" in triggered("Militants distributed leaflets ordering shopkeepers to close.")
    assert triggered("Activists distributed leaflets urging people to vote.") == []


def test_a_dateline_is_not_part_of_the_event_s_evidence(nlp: Language) -> None:
    text = "MULTAN, 12 March 2024 — Gunmen killed three policemen in Multan on Monday."
    (event,) = events_of(nlp, text)
    assert [e.text for e in event.evidence] == ["Gunmen killed three policemen in Multan on Monday."]
    assert (event.event_date, event.time_precision) == ("2024-03-11", 1)


def test_the_date_that_hangs_on_the_incident_verb_wins_over_the_date_it_was_said(
    nlp: Language,
) -> None:
    text = "Troops killed 12 militants near Multan two weeks ago, the army said on Thursday."
    (event,) = events_of(nlp, text)  # published Thursday 2024-03-14
    assert (event.event_date, event.time_precision) == ("2024-02-29", 2)


@pytest.mark.parametrize(
    "recall",
    [
        "Earlier this week a roadside bomb killed six soldiers in Multan.",  # earlier day, elsewhere
        "It came two days after militants attacked a police post in Multan, killing three.",
        "The raid followed last week's bombing of a market in Multan that killed nine people.",
        "The police said the men were involved in a bomb blast in Multan that killed nine people.",
    ],
)
def test_another_incident_told_after_the_story_as_before_it_is_background(
    nlp: Language, recall: str
) -> None:
    text = f"Gunmen attacked a police station in Peshawar on Thursday, killing two officers.\n\n{recall}"
    events = events_of(nlp, text, published="2024-03-15")
    lead = [e for e in events if e.location is not None and e.location.name == "Peshawar"]
    recalled = [e for e in events if e.location is not None and e.location.name == "Multan"]
    assert lead and not any(e.background for e in lead)
    assert recalled and all(e.background for e in recalled)


def test_a_follow_up_keeps_the_incident_it_follows_up_current(nlp: Language) -> None:
    # Charged on Tuesday for a shooting the day before, in the same city: the story's incident.
    text = (
        "Police in Multan charged a man on Tuesday with murder.\n\n"
        "He shot and killed a shopkeeper in Multan on Monday, police said."
    )
    events = events_of(nlp, text, published="2024-03-14")
    shooting = [e for e in events if e.sub_event_type in {"Attack", "Armed clash"}]
    assert shooting and not any(e.background for e in shooting)


def test_a_place_named_as_the_town_of_x_is_the_scene_not_the_region_after_it(
    nlp: Language,
) -> None:
    text = "Troops killed three militants in the town of Multan in Punjab on Tuesday."
    events = events_of(nlp, text)
    assert [e.location.name for e in events if e.location] == ["Multan"]


def test_an_undated_story_recalls_an_incident_dated_well_before_publication(nlp: Language) -> None:
    text = (
        "Militants claimed the killing of a cleric and his son in Peshawar.\n\n"
        "The group also claimed a suicide bombing outside a bank in Multan on March 3 that "
        "killed 12 people."
    )
    events = events_of(nlp, text, published="2024-03-20")
    recalled = [e for e in events if e.location is not None and e.location.name == "Multan"]
    assert recalled and all(e.background for e in recalled)
    assert any(not e.background for e in events if e.location and e.location.name == "Peshawar")


def test_an_emergency_declared_at_a_hospital_is_no_state_of_emergency(nlp: Language) -> None:
    bombing = (
        "A bomb exploded in a market in Multan on Tuesday, killing five people.\n\n"
        "Hospitals in the city declared an emergency, and a health department spokesman said "
        "the toll could rise."
    )
    assert [e.sub_event_type for e in events_of(nlp, bombing)] == ["Remote explosive/landmine/IED"]
    curfew = "Authorities declared an emergency in Multan on Tuesday and banned all gatherings."
    assert "Other" in {e.sub_event_type for e in events_of(nlp, curfew)}


def test_what_attackers_burned_in_the_attack_is_part_of_it(nlp: Language) -> None:
    text = (
        "Militants stormed a police post in Multan late on Friday, killing three policemen, "
        "officials said.\n\nThe attackers set fire to the post and took away weapons before "
        "escaping, a police spokesman said."
    )
    events = [e for e in events_of(nlp, text) if not e.background]
    assert len(events) == 1 and events[0].sub_event_type in {"Armed clash", "Attack"}
    assert len(events[0].evidence) == 2


def test_what_authorities_do_as_a_habit_is_no_incident(nlp: Language) -> None:
    habit = "The authorities in Punjab frequently announce the arrest of terrorist cells in Multan."
    assert events_of(nlp, habit) == []
    report = "The authorities in Punjab announced the arrest of a terrorist cell in Multan."
    assert [e.sub_event_type for e in events_of(nlp, report)] == ["Arrests"]


def test_the_wounded_of_an_incident_are_part_of_it_wherever_they_are_treated(
    nlp: Language,
) -> None:
    text = (
        "Gunmen attacked a police station in Peshawar on Thursday, killing four officers, "
        "officials said.\n\n"
        "A fifth officer, who was wounded in the chest, was in stable condition at a hospital "
        "in Multan."
    )
    events = [e for e in events_of(nlp, text) if not e.background]
    assert len(events) == 1 and events[0].location and events[0].location.name == "Peshawar"
    assert len(events[0].evidence) == 2


def test_the_wounded_flown_to_hospital_by_helicopter_name_no_attacker(nlp: Language) -> None:
    text = (
        "A roadside bomb tore through a military vehicle in Peshawar on Thursday, killing four "
        "soldiers.\n\nTwo other soldiers were wounded and were flown by helicopter to a "
        "military hospital in Multan."
    )
    events = [e for e in events_of(nlp, text) if not e.background]
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Security forces carried out strikes against hideouts of the TTP near Multan on Friday.",
        "The army launched strikes on militant positions near Multan on Monday.",
    ],
)
def test_strikes_aimed_at_targets_are_military_strikes(nlp: Language, sentence: str) -> None:
    assert [e.sub_event_type for e in events_of(nlp, sentence)] == ["Air/drone strike"]


def test_a_strike_by_workers_is_no_military_strike(nlp: Language) -> None:
    events = events_of(nlp, "Teachers went on strike against the new pay rules in Multan.")
    assert "Air/drone strike" not in [e.sub_event_type for e in events]


def test_an_incident_the_story_came_days_after_is_background(nlp: Language) -> None:
    # "which came days after a roadside bomb killed five": "days" hangs on the clause "after"
    # marks, not on "after" itself.
    text = (
        "A roadside bomb hit a police van in Peshawar on Monday, killing three policemen.\n\n"
        "No group has claimed the attack, which came days after a roadside bomb killed five "
        "soldiers in Multan."
    )
    events = events_of(nlp, text, published="2024-03-15")
    assert sorted((e.fatalities, e.background) for e in events) == [(3, False), (5, True)]


def test_there_was_a_shooting_tells_an_incident(nlp: Language) -> None:
    events = events_of(nlp, "There was a shooting at a market in Multan on Monday, police said.")
    assert [e.sub_event_type for e in events] == ["Attack"]

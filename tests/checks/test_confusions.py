"""Each confusable set, in English and Spanish: the confused story is caught, the clean one is not."""

from __future__ import annotations

import pytest

from .cases import CLEAN, CONFUSED, SHARED


@pytest.mark.parametrize(("case_id", "date", "text", "expected"), CONFUSED, ids=[c[0] for c in CONFUSED])
def test_confused_story_is_caught(run, case_id: str, date: str, text: str, expected: list) -> None:
    doc = run(text, date, doc_id=case_id)
    found = [f for f in doc.findings if f.severity in ("warning", "error")]
    for kind, name, says, context in expected:
        hits = [f for f in found if f.kind == kind and name in doc.text[f.start : f.end]]
        assert hits, f"{case_id}: no {kind} on {name!r}; found {[(f.text, f.severity) for f in doc.findings]}"
        for f in hits:
            assert (f.says, f.context) == (says, context)
            assert f.suggest, "a confused name comes with the name of the context's country"
            assert f.evidence
    # the actor mention under a confused name now names the context's country
    for f in found:
        for m in doc.mentions:
            start = doc.sentences[m.sentence].start + m.start
            if f.start <= start < f.end and m.kind in ("country", "demonym", "role"):
                assert m.country == f.context, (m, f)


@pytest.mark.parametrize(("case_id", "date", "text"), CLEAN, ids=[c[0] for c in CLEAN])
def test_clean_story_stays_clean(run, case_id: str, date: str, text: str) -> None:
    doc = run(text, date, doc_id=case_id)
    assert [(f.kind, f.text, f.message) for f in doc.findings if f.severity != "info"] == []
    assert not [m for m in doc.mentions if m.why.startswith("check:") and "(info)" not in m.why]


@pytest.mark.parametrize(("case_id", "date", "text", "name", "country"), SHARED, ids=[c[0] for c in SHARED])
def test_shared_name_is_read_from_context(
    run, case_id: str, date: str, text: str, name: str, country: str
) -> None:
    doc = run(text, date, doc_id=case_id)
    assert all(f.severity == "info" for f in doc.findings)
    at = text.index(name)
    for m in doc.mentions:
        start = doc.sentences[m.sentence].start + m.start
        if start <= at < doc.sentences[m.sentence].start + m.end and m.country:
            assert m.country == country, m


def test_confusion_in_both_languages_suggests_in_the_story_language(run) -> None:
    es = run(
        "Nigeria abrirá una embajada en Caracas.\nLa solicitud la firmó en Niamey el presidente "
        "Mahamadou Issoufou, y Zinder celebró la noticia.",
        "2016-02-01",
        lang="es",
    )
    en = run(
        "Nigeria will open an embassy in Caracas.\nThe request was signed in Niamey by President "
        "Mahamadou Issoufou, and Zinder celebrated the news.",
        "2016-02-01",
        lang="en",
    )
    assert [f.suggest for f in es.findings if f.kind == "name-confusion"] == ["Níger"]
    assert [f.suggest for f in en.findings if f.kind == "name-confusion"] == ["Niger"]


def test_one_cue_alone_is_not_enough(run) -> None:
    doc = run("South Korea's military said it tracked the launch.\nPyongyang did not comment.", "2019-08-01")
    assert [f for f in doc.findings if f.severity != "info"] == []


def test_name_beside_its_own_cues_is_fine(run) -> None:
    doc = run(
        "South Korea's president Moon Jae-in said in Seoul that Pyongyang must return to talks "
        "with Kim Jong-un.",
        "2019-08-01",
    )
    assert [f for f in doc.findings if f.severity != "info"] == []


def test_a_national_body_is_not_moved_to_a_region(run) -> None:
    doc = run(
        "The Irish government criticised the unionists at Stormont, officials in Belfast said.", "2019-05-01"
    )
    irish = [m for m in doc.mentions if m.text.startswith("Irish")]
    assert irish and all(m.country == "IRL" for m in irish)


@pytest.mark.parametrize(
    "text",
    [
        "Ships waited off the coast of New Guinea.",
        "Pirates attacked a tanker in the Gulf of Guinea.",
        "Barges sailed down the Niger River.",
        "Los barcos navegaron por el golfo de Guinea.",
    ],
)
def test_geographic_names_are_not_countries(check_data, text: str) -> None:
    from dyad.checks.scan import Scanner

    hits = Scanner(check_data).find(text)
    assert [h.text for h in hits if h.is_name] == []


def test_a_leader_and_an_epithet_without_a_place_are_not_enough(run) -> None:
    doc = run(
        "Relations between Peru and South Korea turned fifty this year.\n"
        "Kim Jong-un praised Nicolás Maduro, and critics of the hermit kingdom protested in Lima.",
        "2016-05-10",
    )
    assert [f for f in doc.findings if f.severity != "info"] == []


def test_suggestion_follows_the_story_language_when_none_is_given(run) -> None:
    text = (
        "Dominica recibió un número récord de cruceristas este invierno.\n"
        "El presidente Luis Abinader dijo en Santo Domingo que el nuevo muelle de Punta Cana abrirá pronto."
    )
    (f,) = [f for f in run(text, "2022-02-10").findings if f.kind == "name-confusion"]
    assert f.suggest == "República Dominicana"


def test_a_headline_comma_joins_two_actors(run) -> None:
    doc = run(
        "South Korea, Kim Jong-un to hold talks at the border\nSeoul said the meeting would be brief.",
        "2018-04-20",
    )
    assert [f for f in doc.findings if f.severity != "info"] == []


# A story that sets out state B through its capital and its leader, then names its confusable
# partner A in a sentence of its own, is about two states: A is a further party (a reaction, a
# mediator, a delegate), not B under a wrong name. Stories written for dyad; each has a variant
# that names A first, as the seed's mislabel does, and is still flagged.
THIRD_PARTY = [
    (
        "2024-01-16",
        "Teherán lanzó misiles contra una supuesta base israelí. El líder supremo, Alí Jamenei, elogió a la "
        "Guardia Revolucionaria. Irak convocó al encargado de negocios.",
    ),
    (
        "2024-01-16",
        "Pionyang probó un misil de combustible sólido. Kim Jong-un supervisó el lanzamiento. Corea del Sur "
        "convocó a su consejo de seguridad.",
    ),
    (
        "2023-03-26",
        "Pekín celebró la decisión. El presidente Xi Jinping recibió al canciller hondureño. Taiwán lamentó "
        "la ruptura.",
    ),
    (
        "2024-01-16",
        "Tehran fired missiles at what it called an Israeli base. Supreme Leader Ali Khamenei praised the "
        "Revolutionary Guards. Iraq summoned the chargé d'affaires.",
    ),
]

# A state that condemns, denounces or asks for calm speaks of another's act, wherever it stands
THIRD_PARTY += [
    (
        "2024-01-16",
        "Corea del Sur condenó el lanzamiento. Pionyang probó un misil de combustible sólido y Kim Jong-un "
        "supervisó la prueba.",
    ),
    (
        "2024-05-23",
        "Taiwan condemned the drills. Beijing deployed ships and aircraft, and President Xi Jinping told "
        "troops to prepare for war.",
    ),
    ("2023-08-10", "Nigeria pidió calma. En Niamey, el general Tiani anunció un gobierno de transición."),
]

# A state that goes on alert, raises its defences or responds with an act guards against another's
# act: the lede "A raised its alert. B's capital and leader ..." is about two states
THIRD_PARTY += [
    (
        "2024-01-16",
        "Corea del Sur elevó su nivel de alerta. Pionyang probó un misil de combustible sólido y Kim Jong-un "
        "supervisó la prueba.",
    ),
    (
        "2024-01-16",
        "Corea del Sur puso a sus tropas en alerta. Pionyang disparó dos misiles de crucero y Kim Jong-un "
        "asistió al ensayo.",
    ),
    (
        "2024-01-16",
        "South Korea raised its alert level. Pyongyang test-fired a solid-fuel missile and Kim Jong-un watched "
        "the launch.",
    ),
    (
        "2024-05-23",
        "Taiwan put its forces on high alert. Beijing sent warships around the island and Xi Jinping told "
        "troops to be ready.",
    ),
    (
        "2024-05-23",
        "Taiwán activó sus defensas aéreas. Pekín envió buques de guerra y Xi Jinping ordenó a las tropas "
        "estar listas.",
    ),
    (
        "2023-08-10",
        "Nigeria reforzó la vigilancia en su frontera norte. En Niamey, el general Tiani anunció un gobierno "
        "de transición.",
    ),
    (
        "2024-01-16",
        "Corea del Sur respondió con maniobras conjuntas. Pionyang había probado un misil y Kim Jong-un "
        "supervisó la prueba.",
    ),
]

# Denying another's accusation, offering to mediate, tracking another's launch, warning of a
# response or closing a border to a neighbour also speak of a second state
THIRD_PARTY += [
    (
        "2024-01-16",
        "Corea del Sur detectó el lanzamiento. Pionyang probó un misil de combustible sólido y Kim Jong-un "
        "supervisó la prueba.",
    ),
    (
        "2024-01-16",
        "South Korea's military said it detected the launch. Pyongyang test-fired a missile and Kim Jong-un "
        "watched.",
    ),
    ("2023-08-10", "Nigeria cerró su frontera. En Niamey, el general Tiani anunció un gobierno de transición."),
    ("2023-08-10", "Nigeria closed its border. In Niamey, General Tiani announced a transitional government."),
    (
        "2024-03-10",
        "Sudán rechazó las acusaciones. En Yuba, el presidente Salva Kiir dijo que el oleoducto seguía cerrado.",
    ),
    ("2024-03-10", "Sudan rejected the accusations. In Juba, President Salva Kiir said the pipeline remained shut."),
    (
        "2024-03-10",
        "La República del Congo ofreció su mediación. En Kinshasa, el presidente Félix Tshisekedi recibió a "
        "los rebeldes.",
    ),
    ("2024-03-10", "Sudán negó cualquier implicación. En Yuba, Salva Kiir acusó a los rebeldes del ataque."),
    (
        "2024-01-16",
        "South Korea warned of a strong response. Pyongyang test-fired a missile and Kim Jong-un watched.",
    ),
]

NAMED_FIRST = [
    (
        "2024-01-16",
        "Corea del Sur probó un misil de combustible sólido. Kim Jong-un supervisó el lanzamiento en Pionyang.",
    ),
    ("2023-03-26", "Taiwán celebró la decisión. El presidente Xi Jinping recibió al canciller hondureño en Pekín."),
    (
        "2024-01-16",
        "Iraq fired missiles at what it called an Israeli base. Supreme Leader Ali Khamenei praised the "
        "Revolutionary Guards in Tehran.",
    ),
]


# The alert words count only in the sentence that names A: raised tone is no alert, and B's own
# forces on alert say nothing of A
NAMED_FIRST += [
    ("2024-01-16", "Corea del Sur elevó el tono de su retórica. Kim Jong-un supervisó un lanzamiento en Pionyang."),
    (
        "2024-01-16",
        "Corea del Sur probó un misil de crucero. En Pionyang, Kim Jong-un dijo que el ejército seguía en alerta.",
    ),
    ("2024-05-23", "Taiwan held a military parade. In Beijing, Xi Jinping said the navy was on high alert."),
]

# Closing schools, rejecting a budget, signing a deal or a launch tracked only in B's sentence say
# nothing of a second state
NAMED_FIRST += [
    ("2023-08-10", "Nigeria cerró sus escuelas. En Niamey, el general Tiani anunció un gobierno de transición."),
    ("2024-03-10", "Sudan rejected the budget. In Juba, President Salva Kiir said the pipeline remained shut."),
    (
        "2024-03-10",
        "La República del Congo firmó el acuerdo. En Kinshasa, el presidente Félix Tshisekedi recibió a los "
        "rebeldes.",
    ),
    (
        "2024-01-16",
        "South Korea launched a missile. In Pyongyang, Kim Jong-un said radars had detected the launch.",
    ),
]


def test_an_apposition_is_flagged_whatever_alert_its_sentence_reports(run) -> None:
    doc = run("El líder de Corea del Sur, Kim Jong-un, puso a sus tropas en alerta.", "2024-01-16")
    assert [f.severity for f in doc.findings if f.kind == "name-confusion"] == ["error"]


@pytest.mark.parametrize(("date", "text"), THIRD_PARTY)
def test_a_partner_named_after_the_story_set_out_the_other_is_a_further_party(run, date: str, text: str) -> None:
    doc = run(text, date)
    assert [(f.text, f.severity) for f in doc.findings if f.severity != "info"] == []
    assert not [m for m in doc.mentions if m.why.startswith("check:")]


@pytest.mark.parametrize(("date", "text"), NAMED_FIRST)
def test_a_partner_named_first_and_never_the_other_is_still_flagged(run, date: str, text: str) -> None:
    doc = run(text, date)
    assert [f.severity for f in doc.findings if f.kind == "name-confusion"] == ["warning"]

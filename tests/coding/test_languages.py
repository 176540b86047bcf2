"""German, French, Portuguese (and Spanish) coding: each language's constructions, modes and dates,
on sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.coding._helpers import coded

import dyad


def best(text: str, lang: str, date: str = "2020-03-12"):
    events = dyad.code_text(text, date=date, lang=lang, fast=True)
    assert events, f"no event for: {text}"
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    ("text", "source", "cameo", "target"),
    [
        # a separable verb split around its object: "weist ... aus"
        ("Russland weist zwei deutsche Diplomaten aus.", "RUS", "166", "DEUGOV"),
        # subject after the verb: "Am Montag wies Russland ... aus"
        ("Am Montag wies Russland den deutschen Botschafter aus.", "RUS", "166", "DEUGOV"),
        # perfect: the participle closes the clause, both actors before it
        ("Die russische Regierung hat den deutschen Botschafter ausgewiesen.", "RUSGOV", "166", "DEUGOV"),
        # passive with its agent before the participle
        ("Der deutsche Botschafter wurde am Montag von Russland ausgewiesen.", "RUS", "166", "DEUGOV"),
        ("Das Auswärtige Amt bestellte den iranischen Botschafter ein.", "DEUGOV", "114", "IRNGOV"),
        ("Die Türkei hat den deutschen Botschafter ins Außenministerium einbestellt.", "TUR", "114", "DEUGOV"),
        # a subordinate clause: the separable verb joins again ("abbricht")
        ("Kiew erklärte, dass Georgien die Beziehungen zu Russland abbricht.", "GEO", "161", "RUS"),
        # the embassy as the passive's subject: its owner closed it
        ("Die Botschaft Kanadas in Teheran wurde geschlossen.", "CANGOV", "161", "IRN"),
        # a compound noun ends in the trigger ("Wirtschaftssanktionen"), the object before the verb
        ("Die EU hat neue Wirtschaftssanktionen gegen Belarus verhängt.", "IGOEEC", "163", "BLR"),
        ("Die israelische Luftwaffe flog Luftangriffe auf Ziele in Syrien.", "ISRMIL", "195", "SYR"),
        # a genitive country name after its role
        ("Der Außenminister Russlands traf in Ankara seinen türkischen Amtskollegen.", "RUSGOV", "040", "TURGOV"),
    ],
)
def test_german_constructions(text, source, cameo, target):
    assert (source, cameo, target) in coded(text, "de")


def test_german_lists_each_act_on_the_target():
    found = coded(
        "Bahrain, Ägypten und die Vereinigten Arabischen Emirate haben ihre Beziehungen zum Emirat Katar abgebrochen.",
        "de",
    )
    assert {("BHR", "161", "QAT"), ("EGY", "161", "QAT"), ("ARE", "161", "QAT")} <= found


@pytest.mark.parametrize(
    ("text", "source", "cameo", "target"),
    [
        ("Le gouvernement français a expulsé l'ambassadeur de Russie.", "FRAGOV", "166", "RUSGOV"),
        # passive with "par", elided article as a word of its own ("l'ambassadeur")
        ("L'ambassadeur d'Iran a été expulsé par le Maroc.", "MAR", "166", "IRNGOV"),
        ("Le ministère russe des Affaires étrangères a convoqué l'ambassadeur d'Allemagne.", "RUSGOV", "114", "DEUGOV"),
        # a reflexive verb in the passé composé is active ("s'est entretenu")
        ("Le président russe s'est entretenu avec son homologue chinois.", "RUSGOV", "040", "CHNGOV"),
        # a verb of motion with "être" is active too
        ("Le président turc est arrivé au Qatar pour une visite.", "TURGOV", "042", "QAT"),
        ("La Bolivie a rompu ses relations diplomatiques avec Israël.", "BOL", "161", "ISR"),
        ("L'ambassade canadienne à Caracas rouvre ses portes.", "CANGOV", "054", "VEN"),
        # a clitic object pronoun before the verb does not hide it
        ("Le Mali a reçu l'ambassadeur de France et l'a convoqué lundi.", "MLI", "043", "FRAGOV"),
        # "a exigé de la Suède": "a" is the auxiliary, not "à" before a place noun
        ("La Russie a exigé de la Norvège l'extradition de deux opposants.", "RUS", "100", "NOR"),
    ],
)
def test_french_constructions(text, source, cameo, target):
    assert (source, cameo, target) in coded(text, "fr")


@pytest.mark.parametrize(
    ("text", "source", "cameo", "target"),
    [
        ("O governo brasileiro expulsou o embaixador da Venezuela.", "BRAGOV", "166", "VENGOV"),
        # the short participle of a passive: "foi expulso"
        ("O embaixador do Brasil foi expulso pela Nicarágua.", "NIC", "166", "BRAGOV"),
        ("O Itamaraty convocou o embaixador de Israel.", "BRAGOV", "114", "ISRGOV"),
        # an enclitic pronoun: "reuniu-se"
        ("O presidente de Moçambique reuniu-se com o seu homólogo do Ruanda.", "MOZGOV", "040", "RWAGOV"),
        # an infinitive after "a": "voltam a bombardear"
        ("As forças da Turquia voltam a bombardear o norte do Iraque.", "TURMIL", "194", "IRQ"),
        # one's own ambassadors in other countries called home: a recall of each
        ("O governo do Peru convocou os embaixadores na Argentina e na Bolívia.", "PERGOV", "161", "ARG"),
        ("Seis civis morreram num ataque de Israel.", "ISR", "1823", "CVL"),
        # a place named after a place noun ("na província de X") is where it happened, not the guest
        ("O Presidente de Angola recebeu em Lobito, na província de Benguela, o seu homólogo da Zâmbia.",
         "AGOGOV", "043", "ZMBGOV"),
        # a comma before "que" + the actor opens a clause whose subject it is, not an inserted phrase
        ("O Ministério confirmou, nesta terça-feira, que o embaixador de Angola no Gabão, Carlos Souza, foi expulso.",
         "GAB", "166", "AGOGOV"),
    ],
)
def test_portuguese_constructions(text, source, cameo, target):
    assert (source, cameo, target) in coded(text, "pt")


@pytest.mark.parametrize(
    ("text", "source", "cameo", "target"),
    [
        # "ha expulsado" is active: "ha" is not a passive auxiliary
        ("Venezuela ha expulsado al embajador de Colombia.", "VEN", "166", "COLGOV"),
        # recalling one's ambassador "for consultations" is a recall, not a summons
        ("Noruega ha llamado a consultas a su embajadora en Nicaragua.", "NOR", "161", "NIC"),
        ("La embajada de Eslovaquia en El Cairo fue reabierta.", "SVKGOV", "054", "EGY"),
        ("Honduras declaró el rompimiento total de sus relaciones diplomáticas con Taiwán.", "HND", "161", "TWN"),
        # a short quotation right after the verb does not end its clause: the object follows it
        ('SANTIAGO (Reuters).- El canciller de Chile calificó como "inaceptable" la decisión del Gobierno de Bolivia.',
         "CHLGOV", "111", "BOLGOV"),
        # Spain's foreign ministry is "de Asuntos Exteriores, UE y Cooperación": the EU in its name does not act
        ("El ministro de Asuntos Exteriores, UE y Cooperación citó el martes al embajador de Marruecos.",
         "ESPGOV", "114", "MARGOV"),
        # "han muerto" is the perfect of "morir" (died), not a passive of "matar": the dead are the target
        ("Cuatro soldados colombianos han muerto en un ataque de rebeldes venezolanos.", "VENREB", "1823", "COLMIL"),
        ("El presidente de Chile recibió en la ciudad de Valparaíso a su homólogo de Ecuador.",
         "CHLGOV", "043", "ECUGOV"),
    ],
)
def test_spanish_general_rules(text, source, cameo, target):
    assert (source, cameo, target) in coded(text, "es")


@pytest.mark.parametrize(
    ("text", "lang", "source", "cameo", "target"),
    [
        # a verb coordinated with the one before shares its subject: the first verb's object is not it
        ("El presidente de Uruguay visitará Asunción y firmará tres acuerdos con su colega paraguayo.", "es",
         "URYGOV", "057", "PRY"),
        ("El canciller argentino se reunió con su par chileno y firmó un memorando de entendimiento.", "es",
         "ARGGOV", "057", "CHLGOV"),
        ("O presidente de Angola visitou Lusaka e assinou dois acordos com o seu homólogo zambiano.", "pt",
         "AGOGOV", "057", "ZMBGOV"),
        ("Le président sénégalais a visité Bamako et a signé deux accords avec son homologue malien.", "fr",
         "SENGOV", "057", "MLIGOV"),
        ("The Angolan president visited Lusaka and signed two agreements with his Zambian counterpart.", "en",
         "AGOGOV", "057", "ZMBGOV"),
        # a gerund after a comma too: "..., rompendo relações com Z"
        ("O Equador reconheceu o governo interino da Bolívia, rompendo relações com a Venezuela.", "pt",
         "ECU", "161", "VEN"),
        ("Rusia bombardeó Odesa, matando a cuatro civiles ucranianos.", "es", "RUS", "1823", "UKRCVL"),
        ("Le Paraguay a reconnu la Palestine, en rompant ses relations avec Israël.", "fr", "PRY", "161", "ISR"),
    ],
)
def test_a_second_verb_shares_the_first_ones_subject(text, lang, source, cameo, target):
    assert (source, cameo, target) in coded(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "mode"),
    [
        ("Russland wird den deutschen Botschafter ausweisen.", "de", "future"),
        ("Russland will den deutschen Botschafter ausweisen.", "de", "future"),
        ("Russland weist den deutschen Botschafter nicht aus.", "de", "negated"),
        ("Russland könnte den deutschen Botschafter ausweisen.", "de", "hypothetical"),
        ("Der deutsche Botschafter wurde von Russland ausgewiesen.", "de", "factual"),  # "wurde" is not "würde"
        ("La France expulsera l'ambassadeur russe.", "fr", "future"),
        ("La France va expulser l'ambassadeur russe.", "fr", "future"),
        ("La France n'a pas expulsé l'ambassadeur russe.", "fr", "negated"),
        ("La France pourrait expulser l'ambassadeur russe.", "fr", "hypothetical"),
        ("Si la Russie attaque, la France expulsera l'ambassadeur russe.", "fr", "hypothetical"),
        ("O Brasil vai expulsar o embaixador russo.", "pt", "future"),
        ("O Brasil expulsará o embaixador russo.", "pt", "future"),
        ("O Brasil não expulsou o embaixador russo.", "pt", "negated"),
        ("O Brasil poderia expulsar o embaixador russo.", "pt", "hypothetical"),
        ("Se a Rússia atacar, o Brasil expulsará o embaixador russo.", "pt", "hypothetical"),
        ("Chile expulsará al embajador ruso.", "es", "future"),
        ("Chile no expulsó al embajador ruso.", "es", "negated"),
        # a negated hesitation affirms: "did not hesitate to expel" expelled
        ("Chile no dudó en expulsar al embajador ruso.", "es", "factual"),
        ("Chile no dudará en expulsar al embajador ruso.", "es", "future"),
        ("O Brasil não hesitou em expulsar o embaixador russo.", "pt", "factual"),
        ("La France n'a pas hésité à expulser l'ambassadeur russe.", "fr", "factual"),
        ("Russland zögerte nicht, den estnischen Botschafter auszuweisen.", "de", "factual"),
        ("Poland did not hesitate to expel the Russian ambassador.", "en", "factual"),
    ],
)
def test_modes_per_language(text, lang, mode):
    events = [e for e in dyad.code_text(text, date="2020-03-12", lang=lang, fast=True) if e.root == "16"]
    assert events and {e.mode for e in events} == {mode}, events


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        # reported speech: the reported act is coded between its own actors
        ("Die Regierung in Kiew erklärte, Russland habe die Stadt Charkiw bombardiert.", "de", "RUS", "UKR"),
        ("Kiev a affirmé que la Russie avait bombardé la ville de Kharkiv.", "fr", "RUS", "UKR"),
        ("O governo ucraniano disse que a Rússia bombardeou a cidade de Kharkiv.", "pt", "RUS", "UKR"),
    ],
)
def test_reported_speech_codes_the_reported_act(text, lang, source, target):
    assert any(s == source and c.startswith("19") and t == target for s, c, t in coded(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        # "at the request of X", "a pedido de X", "à la demande de X", "auf Bitte X": X asked; the subject was asked
        ("Angola, at the request of the Zambian government, sent a medical team to Lusaka.", "en", "ZMBGOV", "AGO"),
        ("El Gobierno de Cuba, a petición del Gobierno de Haití, envió una brigada médica a Puerto Príncipe.", "es",
         "HTIGOV", "CUBGOV"),
        ("O Governo de Angola, a pedido do Governo da Zâmbia, enviou uma missão médica para Lusaka.", "pt",
         "ZMBGOV", "AGOGOV"),
        ("Le président malien s'est rendu à Dakar à l'invitation de son homologue sénégalais.", "fr",
         "SENGOV", "MLIGOV"),
        ("Der malische Präsident reiste auf Einladung seines senegalesischen Amtskollegen nach Dakar.", "de",
         "SENGOV", "MLIGOV"),
    ],
)
def test_at_the_request_of_names_who_asked(text, lang, source, target):
    found = coded(text, lang)
    assert (source, "020", target) in found and (target, "020", source) not in found


@pytest.mark.parametrize(
    ("text", "lang", "reporter"),
    [
        # "laut X", "según X", "segundo X", "selon X": X reports the act, it is no party to it
        ("Laut der kenianischen Regierung hat Äthiopien Rebellenstellungen bombardiert.", "de", "KENGOV"),
        ("Según el gobierno de Kenia, Etiopía bombardeó posiciones rebeldes.", "es", "KENGOV"),
        ("Etiópia bombardeou posições rebeldes, segundo o governo do Quénia.", "pt", "KENGOV"),
        ("Selon le gouvernement du Kenya, l'Éthiopie a bombardé des positions rebelles.", "fr", "KENGOV"),
    ],
)
def test_a_source_of_information_is_no_party(text, lang, reporter):
    assert not [e for e in dyad.code_text(text, date="2020-03-12", lang=lang, fast=True)
                if e.root == "19" and reporter in (e.source.code, e.target.code)]


def test_the_press_told_is_no_speaker():
    # "disse à Reuters o governo do Quénia": the government speaks, the agency hears it
    found = coded("A Etiópia bombardeou posições rebeldes na Somália, disse à Reuters o governo do Quénia.", "pt")
    assert ("KENGOV", "010", "ETH") in found and not any(s.endswith("MED") for s, _, _ in found)


@pytest.mark.parametrize(
    ("text", "lang", "date"),
    [
        ("Russland wies am Montag zwei Diplomaten aus Estland aus.", "de", "2020-03-09"),
        ("Russland wies gestern zwei Diplomaten aus Estland aus.", "de", "2020-03-11"),
        ("Russland wies am 3. März zwei Diplomaten aus Estland aus.", "de", "2020-03-03"),
        ("La Russie a expulsé lundi deux diplomates estoniens.", "fr", "2020-03-09"),
        ("La Russie a expulsé le 3 mars deux diplomates estoniens.", "fr", "2020-03-03"),
        ("La Russie a expulsé hier deux diplomates estoniens.", "fr", "2020-03-11"),
        ("A Rússia expulsou nesta segunda-feira dois diplomatas estonianos.", "pt", "2020-03-09"),
        ("A Rússia expulsou em 3 de março dois diplomatas estonianos.", "pt", "2020-03-03"),
        ("A Rússia expulsou ontem dois diplomatas estonianos.", "pt", "2020-03-11"),
        ("Rusia expulsó el lunes a dos diplomáticos estonios.", "es", "2020-03-09"),
    ],
)
def test_dates_per_language(text, lang, date):
    assert best(text, lang, date="2020-03-12").date == date


def test_a_german_ordinal_date_ends_no_sentence():
    events = dyad.code_text("Die Botschaft Ägyptens in Damaskus ist seit dem 27. Juni geschlossen.", fast=True)
    assert events and {e.sentence for e in events} == {0}


# A state, its army or an armed group that attacks uses armed force (root 19), as the yardstick's
# readers code it; a crowd or a politician who "attacks" does not (the general reading stays).
@pytest.mark.parametrize(
    ("text", "lang", "source", "target"),
    [
        ("O Exército de Israel atacou alvos no sul do Líbano nesta quarta-feira.", "pt", "ISRMIL", "LBN"),
        ("A Rússia atacou cidades da Ucrânia com drones durante a madrugada.", "pt", "RUS", "UKR"),
        ("Rusia atacó varias ciudades de Ucrania con drones durante la noche.", "es", "RUS", "UKR"),
        ("Die türkische Armee hat Stellungen im Norden Syriens angegriffen.", "de", "TURMIL", "SYR"),
        ("La Russie a frappé des centrales électriques en Ukraine dans la nuit de lundi.", "fr", "RUS", "UKR"),
        # missiles fired "contra"/"contre" someone: an attack, not a show of force (150)
        ("El ejército de Siria disparó misiles contra Israel el martes.", "es", "SYRMIL", "ISR"),
        ("L'armée syrienne a tiré des missiles contre Israël mardi.", "fr", "SYRMIL", "ISR"),
        ("O Hamas atacou uma patrulha do Exército de Israel perto da fronteira.", "pt", "PSEREB", "ISRMIL"),
    ],
)
def test_a_state_or_armed_group_attacking_uses_armed_force(text, lang, source, target):
    top = best(text, lang)
    assert (top.source.code, top.root, top.target.code) == (source, "19", target)
    assert not any(e.root == "18" and e.source.code == source for e in dyad.code_text(text, lang=lang, fast=True))


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("Manifestantes venezuelanos atacaram a embaixada da Espanha em Caracas.", "pt", "VENCVL"),
        ("El presidente de Argentina atacó con dureza al gobierno de España en un discurso.", "es", "ARGGOV"),
        ("Der Präsident Brasiliens griff die Regierung Argentiniens in einer Rede scharf an.", "de", "BRAGOV"),
        ("Le président du Brésil a attaqué le gouvernement de l'Argentine dans un discours.", "fr", "BRAGOV"),
    ],
)
def test_others_who_attack_use_no_armed_force(text, lang, source):
    assert not any(e.root == "19" and e.source.code == source for e in dyad.code_text(text, lang=lang, fast=True))


def test_a_missile_launch_at_no_one_stays_a_show_of_force():
    events = dyad.code_text("Corea del Norte lanzó dos misiles balísticos al mar de Japón.", lang="es", fast=True)
    assert any(e.cameo == "150" for e in events) and not any(e.root == "19" for e in events)


# A demonym qualifying a nominal act names who acted, whoever the clause's subject is.
@pytest.mark.parametrize(
    ("text", "lang", "speaker", "agent", "target"),
    [
        ("Frankreich verurteilte den russischen Angriff auf die Ukraine.", "de", "FRA", "RUS", "UKR"),
        ("Portugal condenou os ataques israelenses contra o Líbano.", "pt", "PRT", "ISR", "LBN"),
        ("Chile condenó los ataques rusos contra Ucrania.", "es", "CHL", "RUS", "UKR"),
        ("L'Espagne a condamné les frappes israéliennes sur le Liban.", "fr", "ESP", "ISR", "LBN"),
    ],
)
def test_a_demonym_qualifying_a_nominal_act_is_its_agent(text, lang, speaker, agent, target):
    found = {(e.source.code, e.root, e.target.code) for e in dyad.code_text(text, lang=lang, fast=True)}
    assert (agent, "19", target) in found
    assert not any(src == speaker and root in ("18", "19") for src, root, _ in found)


def test_a_demonym_after_a_group_in_the_trigger_qualifies_the_group():
    # "expulsão de diplomatas russos": the Russians were expelled, they did not expel
    found = coded("Portugal anunciou a expulsão de diplomatas russos.", "pt")
    assert not any(src == "RUS" and cameo.startswith("16") for src, cameo, _ in found)


@pytest.mark.parametrize(
    ("text", "lang", "source", "cameo", "target"),
    [
        # declared persona non grata in German words
        ("Belarus hat zwei litauische Diplomaten zu unerwünschten Personen erklärt.", "de", "BLR", "166", "LTUGOV"),
        ("Litauen hat drei russische Diplomaten zu «unerwünschten Personen» erklärt.", "de", "LTU", "166", "RUSGOV"),
        # a word in scare quotes does not end the clause a split verb's particle closes
        ("Ungarn weist „umgehend“ zwei russische Diplomaten aus.", "de", "HUN", "166", "RUSGOV"),
        # a journey with its destination
        ("Der polnische Außenminister begab sich am Dienstag nach Kiew.", "de", "POLGOV", "042", "UKR"),
        # one's own ambassador called home, as a noun
        ("O governo do Peru anunciou a convocação de seu embaixador em Bogotá.", "pt", "PERGOV", "161", "COL"),
        ("Bolivia anunció la llamada a consultas de su embajador en Lima.", "es", "BOL", "161", "PER"),
    ],
)
def test_probe_read_triggers(text, lang, source, cameo, target):
    assert (source, cameo, target) in coded(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "root"),
    [
        ("Der Minister erklärte die Gespräche mit Polen für gescheitert.", "de", "16"),
        ("Ungarn begab sich mit dem Vertrag in Abhängigkeit von Russland.", "de", "04"),
        # a full quotation is a clause of its own: its last word is no particle of the verb before it
        ('Polen weist darauf hin: "Die Diplomaten Russlands reisen morgen aus."', "de", "16"),
        # a summoned foreign envoy is a protest, not one's own envoy called home
        ("O Itamaraty anunciou a convocação do embaixador de Israel.", "pt", "16"),
        ("La cancillería de México anunció la convocatoria del embajador de Ecuador.", "es", "16"),
    ],
)
def test_probe_read_triggers_hard_negatives(text, lang, root):
    assert not any(cameo.startswith(root) for _, cameo, _ in coded(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "source", "cameo", "target"),
    [
        # an inserted phrase between commas does not hide the verb's object
        ("A União Europeia aprovou hoje, em Luxemburgo, novas sanções contra a Bielorrússia.", "pt", "IGOEEC", "163",
         "BLR"),
        # ... also when the object stands in the phrase between the commas (an apposition to a name)
        ("Chile decidió el jueves expulsar a Juan Pérez, embajador de Bolivia en Santiago, tras la crisis.", "es",
         "CHL", "166", "BOLGOV"),
        # agreeing on sanctions is imposing them
        ("Os países da União Europeia acordaram a prorrogação das sanções contra a Síria.", "pt", "IGOEEC", "163",
         "SYR"),
        ("Los países de la Unión Europea acordaron la prórroga de las sanciones contra Siria.", "es", "IGOEEC", "163",
         "SYR"),
        ("Les États membres de l'Union européenne se sont accordés mardi sur de nouvelles sanctions contre la Syrie.",
         "fr", "IGOEEC", "163", "SYR"),
        # launching an attack is one, also when missiles are named
        ("A Força Aérea de Israel lançou um ataque com mísseis contra alvos na Síria.", "pt", "ISRMIL", "190", "SYR"),
        ("L'armée de l'air israélienne a lancé des frappes sur des positions en Syrie.", "fr", "ISRMIL", "190", "SYR"),
    ],
)
def test_probe_read_objects(text, lang, source, cameo, target):
    assert (source, cameo, target) in coded(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "root"),
    [
        ("Os dois países acordaram a retomada do diálogo entre Angola e Portugal.", "pt", "16"),
        ("La France et l'Allemagne se sont accordées sur un calendrier commun.", "fr", "16"),
        ("A Coreia do Norte lançou dois mísseis balísticos no mar do Japão.", "pt", "19"),
    ],
)
def test_probe_read_objects_hard_negatives(text, lang, root):
    assert not any(cameo.startswith(root) for _, cameo, _ in coded(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "source", "cameo", "target"),
    [
        # welcoming a step "with satisfaction" approves it (051); receiving a visitor hosts him (043)
        ("O governo de Portugal acolhe com satisfação o acordo de paz entre o Sudão e o Chade.", "pt", "PRTGOV",
         "051", "SDN"),
        ("El gobierno de Chile acoge con satisfacción el acuerdo entre Colombia y Venezuela.", "es", "CHLGOV", "051",
         "COL"),
        ("Le gouvernement du Sénégal accueille avec satisfaction l'accord entre le Mali et l'Algérie.", "fr", "SENGOV",
         "051", "MLI"),
        ("O presidente de Angola recebeu o primeiro-ministro de Portugal no palácio presidencial.", "pt", "AGOGOV",
         "043", "PRTGOV"),
        # a state dinner for a visitor hosts him
        ("El rey de Marruecos ofreció una cena de Estado al presidente de Francia.", "es", "MARGOV", "043", "FRAGOV"),
        ("O rei de Marrocos ofereceu um jantar de Estado ao presidente de França.", "pt", "MARGOV", "043", "FRAGOV"),
        # police "charge" protesters
        ("La police française a chargé des manifestants algériens devant l'ambassade.", "fr", "FRACOP", "175",
         "DZACVL"),
    ],
)
def test_probe_read_hosting_and_welcoming(text, lang, source, cameo, target):
    assert (source, cameo, target) in coded(text, lang)


def test_a_busy_agenda_is_no_police_charge():
    # "chargé" of a meeting or a task is no repression
    found = coded("Le président du Mali est chargé de la médiation avec l'Algérie.", "fr")
    assert not any(cameo == "175" for _, cameo, _ in found)


def test_a_german_participle_closing_its_clause_is_a_main_verb():
    # "hat ... angegriffen": the participle stands where its auxiliary does, early in the sentence,
    # so the act between two parties is as confident as in the languages whose verb comes early
    top = best("Die türkische Armee hat am Montag Stellungen im Norden Syriens angegriffen.", "de")
    assert (top.source.code, top.root, top.target.code) == ("TURMIL", "19", "SYR")
    assert top.confidence >= 0.5


def test_the_verb_final_credit_is_for_acts_between_two_parties():
    from dyad.coding.grammar import grammar_for
    from dyad.coding.stage import reading_position
    from dyad.coding.triggers import Pattern, TriggerMatch
    from dyad.text.tokens import tokenize

    tokens = tokenize("Die Armee hat am Montag Stellungen im Norden angegriffen .")
    pattern = Pattern("t#1", "190", "de", (), 8, None, False, 1.0, False)
    trigger = TriggerMatch(pattern, 8, 9, 9, "part")
    assert reading_position(tokens, trigger, grammar_for("de")) == 2 / len(tokens)
    assert reading_position(tokens, trigger, None) == 8 / len(tokens)


@pytest.mark.parametrize(
    ("text", "lang", "visitor", "place"),
    [
        # "la visita de X a Y": the visit is X's, to Y, whoever announces or protests it
        ("O governo de Angola anunciou a visita do primeiro-ministro de Portugal a Luanda.", "pt", "PRTGOV", "AGO"),
        ("Argelia protestó por la visita del presidente de Francia a Marruecos.", "es", "FRAGOV", "MAR"),
        ("Le Maroc a salué la visite du président de la France au Sénégal.", "fr", "FRAGOV", "SEN"),
        ("Polen kritisierte den Besuch des ungarischen Regierungschefs in Moskau.", "de", "HUNGOV", "RUS"),
    ],
)
def test_a_visit_of_someone_to_a_place(text, lang, visitor, place):
    found = coded(text, lang)
    assert (visitor, "042", place) in found
    assert not any(cameo == "042" and src != visitor for src, cameo, _ in found)


def test_a_nominal_of_agent_needs_a_place_or_a_target_after_it():
    # no place after the visitor: the visit is not pinned on "de"'s actor by this rule
    found = coded("El gobierno de Cuba criticó la visita del canciller de México.", "es")
    assert ("MEXGOV", "042", "CUB") not in found


@pytest.mark.parametrize(
    ("text", "lang", "visitor", "place"),
    [
        # after an ordinal or a usual adjective "visita"/"visite" is a noun, not "visits"
        ("Cuba anunció la primera visita de un canciller de Japón a La Habana.", "es", "JPNGOV", "CUB"),
        ("Le Qatar a ouvert un bureau à Tunis lors de la première visite d'un ministre qatari en Tunisie.", "fr",
         "QATGOV", "TUN"),
        ("Angola confirmou a primeira visita do presidente de Cabo Verde a Luanda.", "pt", "CPVGOV", "AGO"),
    ],
)
def test_a_noun_after_an_ordinal_is_no_verb(text, lang, visitor, place):
    assert (visitor, "042", place) in coded(text, lang)


def test_a_verb_after_a_noun_is_still_a_verb():
    # "la nueva ministra visita": the adjective qualifies the subject; the verb after the noun stays one
    assert ("PERGOV", "042", "CHL") in coded("La nueva canciller de Perú visita Chile esta semana.", "es")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a relative clause whose pronoun is its subject: the actor it hangs on acts; a visit with no
        # place named is to the one who received the visitor
        ("El presidente de Chile recibió a su homólogo de Perú, Juan Pérez, quien realiza una visita oficial al país.",
         "es", ("PERGOV", "042", "CHLGOV")),
        ("Le président du Sénégal a reçu son homologue du Mali, qui effectue une visite officielle au Sénégal.", "fr",
         ("MLIGOV", "042", "SEN")),
        # an object relative: the actor after "que" acts on the one it hangs on
        ("Le président ivoirien, que le président français recevra vendredi, a quitté Abidjan.", "fr",
         ("FRAGOV", "043", "CIVGOV")),
        # irregular "dar": welcoming a visitor hosts him
        ("El presidente de México dio la bienvenida en Palacio Nacional al presidente de Guatemala.", "es",
         ("MEXGOV", "043", "GTMGOV")),
        ("O presidente do Brasil deu as boas-vindas ao presidente de Angola no Palácio do Planalto.", "pt",
         ("BRAGOV", "043", "AGOGOV")),
    ],
)
def test_relative_clauses_and_welcomes(text, lang, expected):
    assert expected in coded(text, lang)


def test_a_relative_clause_does_not_make_the_main_subject_visit():
    found = coded("El rey de España recibió al presidente de Argentina, quien realiza una gira por Europa.", "es")
    assert not any(src == "ESPGOV" and cameo == "042" for src, cameo, _ in found)


@pytest.mark.parametrize(
    ("text", "lang", "expected", "not_root"),
    [
        # sending or naming an envoy keeps up or restores relations (054); recalling or expelling one does not
        ("Russland und Japan wollen ihre Botschafter wieder in die Hauptstädte des jeweils anderen Landes senden.",
         "de", ("RUS", "054", "JPN"), "16"),
        ("Colombia enviará de nuevo a su embajador a Caracas la próxima semana.", "es", ("COL", "054", "VEN"), "16"),
        ("O Brasil vai nomear um novo embaixador em Luanda.", "pt", ("BRA", "054", "AGO"), "16"),
        ("La France enverra un nouvel ambassadeur à Alger.", "fr", ("FRA", "054", "DZA"), "16"),
        ("Litauen ruft seinen Botschafter aus Minsk zurück.", "de", ("LTU", "161", "BLR"), "05"),
        ("Le Mali renvoie l'ambassadeur de France à Bamako.", "fr", ("MLI", "166", "FRAGOV"), "05"),
    ],
)
def test_sending_an_envoy_and_recalling_one(text, lang, expected, not_root):
    found = coded(text, lang)
    assert expected in found
    assert not any(cameo.startswith(not_root) for _, cameo, _ in found)

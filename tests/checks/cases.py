"""Stories written for these tests: one confused and one clean story per confusable set, in English
and Spanish. Each confused case names the finding it must produce (kind, text, says, context)."""

from __future__ import annotations

# (id, date, text, expected): expected is a list of (kind, text, says, context), or [] for a clean story
CONFUSED = [
    (
        "koreas-en",
        "2016-05-10",
        "South Korea will send a trade delegation to Havana next month.\n"
        "The request was filed in Pyongyang, and South Korea's leader Kim Jong-un is expected to "
        "sign the accord.",
        [("name-confusion", "South Korea", "KOR", "PRK")],
    ),
    (
        "koreas-es",
        "2016-05-10",
        "Corea del Sur inaugurará un centro cultural en La Habana.\n"
        "El líder surcoreano, Kim Jong-un, envió una carta de felicitación desde Pionyang.",
        [("name-confusion", "Corea del Sur", "KOR", "PRK"), ("name-confusion", "surcoreano", "KOR", "PRK")],
    ),
    (
        "chinas-en",
        "2016-05-10",
        "Republic of China President Xi Jinping arrived in Moscow on Monday for two days of talks.\n"
        "Beijing has pledged closer energy ties.",
        [("name-confusion", "Republic of China", "TWN", "CHN")],
    ),
    (
        "chinas-es",
        "2016-05-10",
        "El presidente de la República de China, Xi Jinping, llegó a Moscú el lunes.\n"
        "Pekín prometió una cooperación energética más estrecha.",
        [("name-confusion", "República de China", "TWN", "CHN")],
    ),
    (
        "congos-en",
        "2017-03-02",
        "The Democratic Republic of the Congo opened a new container terminal on Monday.\n"
        "President Denis Sassou Nguesso inaugurated it in Pointe-Noire, and officials in Brazzaville "
        "hailed the deal.",
        [("name-confusion", "Democratic Republic of the Congo", "COD", "COG")],
    ),
    (
        "congos-es",
        "2017-03-02",
        "La República Democrática del Congo inauguró una nueva terminal de contenedores el lunes.\n"
        "El presidente Denis Sassou Nguesso la visitó en Punta Negra y las autoridades de "
        "Brazzaville celebraron el acuerdo.",
        [("name-confusion", "República Democrática del Congo", "COD", "COG")],
    ),
    (
        "guineas-en",
        "2017-03-02",
        "Guinea's President Teodoro Obiang opened the new airport terminal in Malabo on Friday.",
        [("name-confusion", "Guinea", "GIN", "GNQ")],
    ),
    (
        # Spanish "Guinea" may stand for Equatorial Guinea (test_spanish_guinea_may_name_the_former_colony);
        # the full name of the one set beside the other's leader is still an error
        "guineas-es",
        "2021-09-10",
        "El líder de la junta de Guinea Ecuatorial, Mamady Doumbouya, recibió el viernes en "
        "Conakri a los mediadores de la Cedeao.",
        [("name-confusion", "Guinea Ecuatorial", "GNQ", "GIN")],
    ),
    (
        "guinea-colony-en",
        "2022-11-20",
        "Guinea holds general elections on Sunday.\n"
        "President Teodoro Obiang Nguema voted in Malabo and the opposition reported arrests in Bata.",
        [("name-confusion", "Guinea", "GIN", "GNQ")],
    ),
    (
        "guineas-png-es",
        "2023-05-22",
        "El primer ministro de Guinea, James Marape, recibió el lunes al primer ministro indio, "
        "Narendra Modi, en Port Moresby.",
        [("name-confusion", "Guinea", "GIN", "PNG")],
    ),
    (
        "niger-en",
        "2023-08-20",
        "Nigerian leader Abdourahamane Tiani told the French ambassador to leave Niamey within two days.",
        [("name-confusion", "Nigerian", "NGA", "NER")],
    ),
    (
        "niger-es",
        "2023-08-20",
        "El líder nigeriano Abdourahamane Tiani ordenó al embajador francés abandonar Niamey en dos días.",
        [("name-confusion", "nigeriano", "NGA", "NER")],
    ),
    (
        "dominica-en",
        "2022-02-10",
        "Dominica welcomed a record number of cruise passengers this winter.\n"
        "President Luis Abinader said the new pier at Punta Cana would open before Easter, speaking "
        "in Santo Domingo.",
        [("name-confusion", "Dominica", "DMA", "DOM")],
    ),
    (
        "dominica-es",
        "2022-02-10",
        "Dominica recibió un número récord de cruceristas este invierno.\n"
        "El presidente Luis Abinader dijo en Santo Domingo que el nuevo muelle de Punta Cana abrirá "
        "antes de Semana Santa.",
        [("name-confusion", "Dominica", "DMA", "DOM")],
    ),
    (
        "sudans-en",
        "2018-09-12",
        "Sudan's President Salva Kiir signed the peace agreement in Juba on Wednesday.",
        [("name-confusion", "Sudan", "SDN", "SSD")],
    ),
    (
        "sudans-es",
        "2018-09-12",
        "El presidente de Sudán, Salva Kiir, firmó el miércoles el acuerdo de paz en Yuba.",
        [("name-confusion", "Sudán", "SDN", "SSD")],
    ),
    (
        "austria-en",
        "2020-01-08",
        "Austria's Prime Minister Scott Morrison announced new bushfire relief funds in Canberra.",
        [("name-confusion", "Austria", "AUT", "AUS")],
    ),
    (
        "austria-es",
        "2020-01-08",
        "El primer ministro de Austria, Scott Morrison, anunció en Canberra nuevos fondos contra los "
        "incendios.",
        [("name-confusion", "Austria", "AUT", "AUS")],
    ),
    (
        "slovakia-en",
        "2019-05-03",
        "Slovakia's capital, Ljubljana, will host the regional transport summit in June.",
        [("name-confusion", "Slovakia", "SVK", "SVN")],
    ),
    (
        "slovakia-es",
        "2019-05-03",
        "La capital de Eslovaquia, Liubliana, acogerá en junio la cumbre regional de transporte.",
        [("name-confusion", "Eslovaquia", "SVK", "SVN")],
    ),
    (
        "iran-en",
        "2019-11-20",
        "Iraq's Supreme Leader Ayatollah Ali Khamenei addressed a crowd in Tehran on Wednesday.",
        [("name-confusion", "Iraq", "IRQ", "IRN")],
    ),
    (
        "iran-es",
        "2019-11-20",
        "El líder supremo de Irak, Alí Jamenei, habló el miércoles ante una multitud en Teherán.",
        [("name-confusion", "Irak", "IRQ", "IRN")],
    ),
    (
        "macedonia-en",
        "2021-09-10",
        "North Macedonia's city of Thessaloniki opened its international trade fair on Saturday.",
        [("name-confusion", "North Macedonia", "MKD", "GRC")],
    ),
    (
        "macedonia-es",
        "2021-09-10",
        "La ciudad de Tesalónica, en Macedonia del Norte, inauguró el sábado su feria internacional.",
        [("name-confusion", "Macedonia del Norte", "MKD", "GRC")],
    ),
    (
        "ireland-en",
        "2017-01-05",
        "Ireland's First Minister Arlene Foster met unionist leaders at Stormont on Thursday.",
        [("name-confusion", "Ireland", "IRL", "GBR")],
    ),
    (
        "ireland-es",
        "2017-01-05",
        "La ministra principal de Irlanda, Arlene Foster, se reunió el jueves con líderes unionistas "
        "en Stormont.",
        [("name-confusion", "Irlanda", "IRL", "GBR")],
    ),
]

# A name several places share, read from context: the actor mention is corrected, an info note at most.
SHARED = [
    (
        "georgia-en",
        "2020-11-03",
        "Voters in Georgia lined up for hours in Atlanta and Savannah on Tuesday.",
        "Georgia",
        "USA",
    ),
    (
        "georgia-es",
        "2020-11-03",
        "Los votantes de Georgia hicieron fila durante horas en Atlanta y Savannah el martes.",
        "Georgia",
        "USA",
    ),
    (
        "macedonia-region-en",
        "2021-09-10",
        "Farmers in Macedonia blocked roads near Thessaloniki and Kavala to protest fuel prices.",
        "Macedonia",
        "GRC",
    ),
    (
        "macedonia-region-es",
        "2021-09-10",
        "Los agricultores de Macedonia cortaron carreteras cerca de Tesalónica y Kavala.",
        "Macedonia",
        "GRC",
    ),
    (
        # the Spanish press's short name for the former colony (names.tsv); English keeps it Guinea's
        "guinea-colony-es",
        "2022-11-20",
        "Guinea celebra elecciones generales este domingo.\n"
        "El presidente Teodoro Obiang Nguema votó en Malabo y la oposición denunció detenciones en Bata.",
        "Guinea",
        "GNQ",
    ),
    (
        "guinea-conakry-es",
        "2021-09-06",
        "Guinea vive su tercer golpe de Estado. El coronel Mamady Doumbouya anunció en Conakri la "
        "detención del presidente Alpha Condé.",
        "Guinea",
        "GIN",
    ),
]

CLEAN = [
    (
        "koreas-summit-en",
        "2018-04-27",
        "Kim Jong-un and Moon Jae-in met at Panmunjom on Friday.\n"
        "North Korea and South Korea agreed to work toward a peace treaty, officials in Seoul and "
        "Pyongyang said.",
    ),
    (
        "koreas-summit-es",
        "2018-04-27",
        "Los líderes de Corea del Norte y Corea del Sur, Kim Jong-un y Moon Jae-in, se reunieron en "
        "Panmunjom.\n"
        "Seúl y Pionyang firmaron una declaración conjunta.",
    ),
    (
        "chinas-en",
        "2016-08-01",
        "China warned Taiwan after Tsai Ing-wen stopped over in New York; Beijing sent ships near Taipei.",
    ),
    (
        "chinas-es",
        "2016-08-01",
        "China advirtió a Taiwán tras la escala de Tsai Ing-wen en Nueva York; Pekín envió barcos "
        "cerca de Taipéi.",
    ),
    (
        "congos-en",
        "2017-03-02",
        "Refugees crossed the river from Kinshasa to Brazzaville as the Democratic Republic of the Congo "
        "and the Republic of the Congo reopened their border.",
    ),
    (
        "congos-es",
        "2017-03-02",
        "Los refugiados cruzaron el río de Kinsasa a Brazzaville cuando la República Democrática del Congo "
        "y la República del Congo reabrieron la frontera.",
    ),
    (
        "guineas-en",
        "2017-03-02",
        "Equatorial Guinea and Guinea-Bissau signed a fishing accord in Malabo, and Guinea sent an "
        "observer from Conakry.",
    ),
    (
        "guineas-es",
        "2017-03-02",
        "Guinea Ecuatorial y Guinea-Bisáu firmaron un acuerdo pesquero en Malabo, y Guinea envió un "
        "observador desde Conakri.",
    ),
    (
        "niger-en",
        "2023-08-20",
        "Nigeria closed its border with Niger after the coup; Abuja and Niamey traded accusations "
        "as Nigerien officials met Nigerian envoys.",
    ),
    (
        "niger-es",
        "2023-08-20",
        "Nigeria cerró su frontera con Níger tras el golpe; Abuya y Niamey intercambiaron acusaciones "
        "mientras funcionarios nigerinos se reunían con enviados nigerianos.",
    ),
    (
        "dominica-en",
        "2022-02-10",
        "Dominica and the Dominican Republic signed a disaster-relief pact in Roseau and Santo Domingo.",
    ),
    (
        "dominica-es",
        "2022-02-10",
        "Dominica y la República Dominicana firmaron un pacto de ayuda ante desastres en Roseau y "
        "Santo Domingo.",
    ),
    (
        "sudans-en",
        "2018-09-12",
        "Sudan and South Sudan agreed on oil transit fees; Khartoum and Juba will share the revenue.",
    ),
    (
        "sudans-es",
        "2018-09-12",
        "Sudán y Sudán del Sur acordaron las tarifas de tránsito del petróleo; Jartum y Yuba "
        "compartirán los ingresos.",
    ),
    (
        "austria-en",
        "2020-01-08",
        "Austria and Australia signed a working-holiday agreement in Vienna, and Canberra welcomed it.",
    ),
    (
        "austria-es",
        "2020-01-08",
        "Austria y Australia firmaron un acuerdo de vacaciones y trabajo en Viena, y Canberra lo celebró.",
    ),
    (
        "slovakia-en",
        "2019-05-03",
        "Slovakia and Slovenia both use the euro: Bratislava adopted it in 2009 and Ljubljana in 2007.",
    ),
    (
        "slovakia-es",
        "2019-05-03",
        "Eslovaquia y Eslovenia usan el euro: Bratislava lo adoptó en 2009 y Liubliana en 2007.",
    ),
    (
        "iran-en",
        "2019-11-20",
        "Iran and Iraq reopened border crossings for pilgrims travelling between Tehran and Baghdad.",
    ),
    (
        "iran-es",
        "2019-11-20",
        "Irán e Irak reabrieron los pasos fronterizos para los peregrinos que viajan entre Teherán y Bagdad.",
    ),
    (
        "georgia-en",
        "2021-05-04",
        "Georgia's parliament in Tbilisi passed the law, and Georgian Dream defended it against the "
        "opposition.",
    ),
    (
        "georgia-es",
        "2021-05-04",
        "El parlamento de Georgia aprobó la ley en Tiflis, y Sueño Georgiano la defendió ante la oposición.",
    ),
    (
        "macedonia-en",
        "2019-06-12",
        "North Macedonia and Greece ratified the Prespa Agreement; Skopje and Athens exchanged notes.",
    ),
    (
        "macedonia-es",
        "2019-06-12",
        "Macedonia del Norte y Grecia ratificaron el Acuerdo de Prespa; Skopie y Atenas "
        "intercambiaron notas.",
    ),
    (
        "ireland-en",
        "2021-02-01",
        "Ireland and Northern Ireland will share an all-island energy market, Dublin and Belfast said.",
    ),
    (
        "ireland-es",
        "2021-02-01",
        "Irlanda e Irlanda del Norte compartirán un mercado energético, dijeron Dublín y Belfast.",
    ),
]

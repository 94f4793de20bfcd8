"""Each programme's event in a working language other than English (programmes/demo.py):
(event slug, language, texts). The texts follow the English event by position: its body's
paragraphs in order, and each registration question by its key: (label, help text,
choices). events/demo/languages.py translates them through wagtail-localize."""

ACCESS_LT = (
    "Prieinamumo poreikiai",
    "Viskas, kas padėtų jums dalyvauti: patekimas be laiptų, gestų kalba, sėdimos vietos.",
    [],
)

SIXTEEN_DAYS_LT = (
    "<p>Renginys – kampanijos „16 dienų aktyvizmo prieš smurtą dėl lyties“ dalis: nuo "
    "lapkričio 25-osios, Tarptautinės smurto prieš moteris panaikinimo dienos, iki gruodžio "
    "10-osios, Žmogaus teisių dienos.</p>"
)

TRANSLATIONS = [
    (
        "16-days-debate-vilnius",  # the Lithuanian programme
        "lt",
        {
            "section_title": "Lietuvos specializuotos pagalbos centrų tinklas",
            "title": "Viešoji diskusija „Stop smurtui prieš moteris“",
            "summary": "Kampanijos uždarymas Žmogaus teisių dieną: savanoriai, pagalbos centrai "
            "ir politikai.",
            "body": SIXTEEN_DAYS_LT,
            "interpretation": "lietuvių ↔ anglų, lietuvių gestų kalba",
            "questions": {"access": ACCESS_LT},
        },
    ),
    (
        "joint-risk-assessment-kaunas",  # the coordinated-response curriculum, in Kaunas
        "lt",
        {
            "section_title": "Koordinuoto atsako mokymo programa",
            "title": "Bendras rizikos vertinimas policijai ir socialinėms tarnyboms",
            "summary": "Vienos dienos mokymai, kaip kartu, viena priemone, įvertinti "
            "nukentėjusiajai gresiančią riziką ir susitarti, kas ką daro toliau.",
            "body": "<p>Policijos pareigūnai, socialiniai darbuotojai ir specializuotos pagalbos "
            "centrų konsultantai, nagrinėdami nuasmenintus atvejus, mokosi atlikti bendrą "
            "rizikos vertinimą, o mišriose grupėse susitaria dėl saugumo plano ir "
            "nukreipimo.</p><p>Visiems, kurių dalyvavimas užregistruotas renginio metu, "
            "el. paštu išsiunčiamas dalyvavimo pažymėjimas.</p>",
            "interpretation": "lietuvių ↔ anglų, pagal pageidavimą",
            "questions": {
                "access": ACCESS_LT,
                "interpretation": ("Reikalingas vertimas", "", ["Nereikia", "Iš lietuvių į anglų"]),
                "dietary": (
                    "Mitybos poreikiai",
                    "",
                    ["Ypatingų poreikių nėra", "Vegetariškas", "Veganiškas", "Halal", "Be glitimo"],
                ),
            },
        },
    ),
    (
        "16-days-debate-gjakova",  # the Kosovo coordination mechanisms
        "sq",
        {
            "section_title": "Mekanizmat koordinues komunalë në Kosovë",
            "title": "Debat publik: çfarë bën mekanizmi koordinues për të mbijetuarat",
            "summary": "Anëtarët e mekanizmit koordinues në Gjakovë/Djakovica u përgjigjen "
            "pyetjeve të qytetarëve.",
            "body": "<p>Pjesë e 16 ditëve të aktivizmit kundër dhunës me bazë gjinore, nga 25 "
            "nëntori, Dita Ndërkombëtare për Eliminimin e Dhunës ndaj Grave, deri më 10 dhjetor, "
            "Dita e të Drejtave të Njeriut.</p>",
            "interpretation": "shqip ↔ serbisht",
        },
    ),
    (
        "local-action-plan-workshop-skopje",  # the SEE coalition, in North Macedonia
        "mk",
        {
            "section_title": "Коалиција на граѓански организации од Југоисточна Европа против "
            "трговијата со луѓе и родово базираното насилство (STOP)",
            "title": "Работилница за локалниот акциски план: заштита на жените и децата во транзит",
            "summary": "Тимот на коалицијата во Северна Македонија, институциите и граѓанските "
            "организации се договараат за мерките од локалниот акциски план против трговијата "
            "со луѓе и родово базираното насилство.",
            "body": "<p>Социјални работници, полицајци, здравствени работници и невладини "
            "организации од Скопје и Куманово ги разгледуваат наодите од истражувањето на "
            "тимот за жените и децата во транзит и се договараат кој што прави и до кога според "
            "локалниот акциски план.</p><p>Во текот на целата работилница има толкување од "
            "македонски на албански јазик и обратно.</p>",
            "interpretation": "македонски ↔ албански",
            "questions": {
                "access": (
                    "Потреби за пристапност",
                    "Сѐ што ќе ви помогне да учествувате: пристап без скали, знаковен јазик, "
                    "места за седење.",
                    [],
                ),
                "interpretation": (
                    "Потребно толкување",
                    "",
                    ["Не", "Од македонски на албански", "Од албански на македонски"],
                ),
                "dietary": (
                    "Потреби во исхраната",
                    "",
                    ["Без посебни барања", "Вегетаријанска", "Веганска", "Халал", "Без глутен"],
                ),
            },
        },
    ),
    (
        "mentors-train-professionals-barcelona",  # CommunityLinkage, in Spain
        "es",
        {
            "section_title": "CommunityLinkage: mujeres migrantes como mentoras comunitarias",
            "title": "Las mentoras comunitarias forman a profesionales de la atención a la "
            "violencia de género",
            "summary": "Mujeres migrantes formadas como mentoras comunitarias enseñan a "
            "profesionales de los servicios de violencia de género de Barcelona a detectar la "
            "violencia a tiempo y a acompañar a las mujeres migrantes.",
            "body": "<p>En grupos pequeños, mentoras y profesionales trabajan sobre lo que "
            "encuentran las mujeres migrantes cuando buscan ayuda: el idioma, su situación "
            "administrativa, el miedo a las autoridades. Después acuerdan cómo los servicios y "
            "las redes comunitarias pueden derivarse mujeres entre sí.</p>",
            "interpretation": "Árabe y persa, a petición",
            "questions": {
                "access": (
                    "Necesidades de accesibilidad",
                    "Todo lo que le ayude a participar: acceso sin escalones, lengua de signos, "
                    "asientos.",
                    [],
                ),
                "interpretation": (
                    "Interpretación necesaria",
                    "",
                    ["Ninguna", "Del español al árabe", "Del español al persa"],
                ),
                "dietary": (
                    "Necesidades alimentarias",
                    "",
                    ["Sin requisitos especiales", "Vegetariana", "Vegana", "Halal", "Sin gluten"],
                ),
            },
        },
    ),
    (
        "community-networking-palermo",  # CommunityLinkage, in Italy
        "it",
        {
            "section_title": "CommunityLinkage: donne migranti come mentor di comunità",
            "title": "Incontro della rete comunitaria: mentor e servizi a Palermo",
            "summary": "Mentor di comunità, associazioni di donne migranti e servizi locali "
            "contro la violenza di genere si incontrano per conoscersi e concordare come "
            "indirizzare ogni donna verso il servizio giusto.",
            "body": "<p>Un pomeriggio per le reti comunitarie di CommunityLinkage: ogni servizio "
            "presenta ciò che offre, le mentor portano le domande delle loro comunità e tutti "
            "ripartono con i contatti di cui hanno bisogno.</p>",
            "interpretation": "Arabo su richiesta",
            "questions": {
                "access": (
                    "Esigenze di accessibilità",
                    "Tutto ciò che la aiuta a partecipare: accesso senza gradini, lingua dei "
                    "segni, posti a sedere.",
                    [],
                ),
                "interpretation": (
                    "Interpretazione necessaria",
                    "",
                    ["Nessuna", "Dall'italiano all'arabo"],
                ),
            },
        },
    ),
]

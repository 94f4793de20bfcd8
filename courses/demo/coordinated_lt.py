"""The Lithuanian version of "Coordinated response to violence against women": texts by
position, so block, question and answer ids stay those of the English original."""

PRE_POST_LT = [
    (
        "Kieno saugumas koordinuotame atsake yra svarbiausias?",
        [
            (
                "Nukentėjusios moters ir jos vaikų",
                "Taip. Kiekvienos institucijos veiksmai pirmiausia "
                "vertinami pagal tai, ką jie reiškia jos saugumui.",
            ),
            ("Institucijos reputacija", "Koordinuotame atsake pirmiausia – nukentėjusioji."),
            ("Smurtautojo teisė į privatumą", "Atsakomybė svarbi, bet saugumas – pirmiausia."),
        ],
    ),
    (
        "Kas priklauso policijos vaidmeniui koordinuotame atsake?",
        [
            ("Aiškiai sakyti, kad smurtas prieš moteris yra nusikaltimas", "Taip, ir taip elgtis."),
            ("Reaguoti su pagarba ir tikėti moterimis, kai jos praneša", "Taip."),
            (
                "Vienai spręsti, ar moteriai reikia prieglobsčio",
                "Sprendimai priimami kartu su NVO ir pačia moterimi.",
            ),
            (
                "Dalytis apibendrintais duomenimis apie pranešimus ir bylų baigtis",
                "Taip: tik apibendrintais, nuasmenintais duomenimis.",
            ),
        ],
    ),
    (
        "Duomenimis apie nukentėjusiąsias institucijos dalijasi tik kaip nuasmenintais "
        "apibendrintais duomenimis, nebent moteris sutinka su nukreipimu.",
        [
            (
                "Tiesa",
                "Teisingai: stebėsenai – apibendrinti duomenys; nukreipimui reikia sutikimo.",
            ),
            ("Netiesa", "Asmens duomenimis dalijamasi tik nukreipiant, jei moteris sutinka."),
        ],
    ),
    (
        "Kas yra nukreipimo kelias?",
        [
            (
                "Sutartas būdas, kuriuo institucijos nukreipia moterį į jai reikalingą pagalbą",
                "Taip. Kiekvienas sektorius žino, kur nukreipti ir kas vyksta toliau.",
            ),
            ("Policijos forma ikiteisminiam tyrimui pradėti", "Tai tik vienas galimas žingsnis."),
            (
                "Internete skelbiamas prieglaudų adresų sąrašas",
                "Prieglaudų adresai saugumo sumetimais neskelbiami.",
            ),
        ],
    ),
    (
        "Kurie sektoriai dalyvauja vietos koordinuotame atsake?",
        [
            ("Sveikatos priežiūra", "Taip."),
            ("Socialinės paslaugos", "Taip."),
            ("NVO, prieglaudos ir krizių centrai", "Taip."),
            ("Bendruomenių ir tikėjimo grupės", "Taip: jos šviečia ir nukreipia."),
        ],
    ),
]

COORDINATED_LT = {
    "index_title": "Kursai",
    "section_title": "Koordinuoto atsako mokymo programa",
    "title": "Koordinuotas atsakas į smurtą prieš moteris",
    "summary": "Kaip sveikatos priežiūra, policija, socialinės paslaugos, NVO, bendruomenės ir "
    "savivalda dirba kartu, kad nukentėjusios gautų saugumą ir pagalbą.",
    "intro": "<p>Nė viena institucija viena pati negali apsaugoti moters. Šis kursas paaiškina, "
    "ką kiekvienas vietos partneris įneša į koordinuotą atsaką, kaip veikia nukreipimo "
    "keliai ir kodėl nukentėjusiųjų saugumas ir nuasmeninti duomenys yra visko "
    "pagrindas.</p>",
    "outcomes": [
        "Paaiškinti, kodėl koordinuotas atsakas padeda geriau nei pavienės institucijos",
        "Apibūdinti kiekvieno vietos sektoriaus, taip pat savo, vaidmenį",
        "Naudotis vietos nukreipimo keliu, gavus moters sutikimą",
        "Dalytis tik nuasmenintais apibendrintais duomenimis",
    ],
    "modules": {
        "why": (
            "Kodėl koordinuoti",
            "Saugumas pirmiausia ir kas nutinka, kai institucijos dirba atskirai.",
        ),
        "who": ("Kas ką daro", "Kiekvieno vietos sektoriaus vaidmuo."),
        "together": ("Darbas kartu", "Nukreipimo keliai, susitikimai ir duomenys."),
    },
    "pre_test_title": "Prieš pradedant",
    "post_test_title": "Baigiamasis testas",
    "lessons": {
        "what-is-a-coordinated-response": (
            "Kas yra koordinuotas atsakas",
            "Vienas atsakas, daug institucijų, dėmesys nukentėjusiajai.",
            "<p>Koordinuotas atsakas suburia visas vietos institucijas, į kurias moteris gali "
            "kreiptis: sveikatos priežiūrą, policiją, socialines paslaugas, NVO ir prieglaudas, "
            "bendruomenių ir tikėjimo grupes, savivaldą ir smurtautojų programas. Kiekviena "
            "išlaiko savo funkcijas, bet jos susitaria, kaip dirbs kartu, kad moteris nebūtų "
            "siuntinėjama nuo vienų durų prie kitų.</p>",
        ),
        "safety-and-data": (
            "Saugumas, sutikimas ir nuasmeninti duomenys",
            "Kuo galima dalytis, su kuo ir kaip skaičiuojama.",
            "<p>Institucijoms reikia skaičių planavimui. Jie renkami, stebimi ir jais dalijamasi "
            "<b>tik kaip nuasmenintais apibendrintais duomenimis</b>. Moters vardas, adresas ar "
            "istorija perduodami tik nukreipiant, jei ji su tuo sutinka.</p>",
        ),
        "health-and-police": (
            "Sveikatos priežiūra ir policija",
            "Rutininis klausimas, teismo medicinos įrodymai, pranešimai ir pasitikėjimas.",
            "<p>Sveikatos priežiūros įstaigos taiko atpažinimo ir rutininio klausimo protokolus, "
            "užtikrina galimybę kalbėtis su moterimi darbuotoja, dokumentuoja smurto poveikį "
            "sveikatai ir nukreipia į psichosocialinę pagalbą.</p><p>Policija aiškiai sako, kad "
            "smurtas prieš moteris yra nusikaltimas, reaguoja su pagarba ir tikėjimu bei mokosi "
            "įrodymų rinkimo ir į traumą orientuotos apklausos.</p>",
        ),
        "social-services-and-ngos": (
            "Socialinės paslaugos, NVO ir prieglaudos",
            "Pasiekimas, atstovavimas, specializuota pagalba ir nukreipimo mechanizmai.",
            "<p>Socialinės paslaugos atpažįsta smurtą, atsiliepia į emocinius ir socialinius "
            "nukentėjusiųjų poreikius, pasiekia kaimo ir atokių vietovių moteris ir prižiūri "
            "vietos nukreipimo mechanizmus. NVO, prieglaudos ir krizių centrai teikia "
            "informaciją ir pagalbą, grįstą žmogaus teisėmis, lygybe ir įgalinimu.</p>",
        ),
        "community-faith-local-government": (
            "Bendruomenės, tikėjimo grupės ir savivalda",
            "Švietimas, dialogas, finansavimas ir saugios viešosios erdvės.",
            "<p>Bendruomenių ir tikėjimo grupės šviečia savo narius ir nukreipia moteris į "
            "specializuotas paslaugas. Savivaldos vadovai reguliariai pasisako prieš smurtą, "
            "tvariai finansuoja specializuotą pagalbą ir gerina saugumą viešosiose erdvėse.</p>",
        ),
        "referral-pathways": (
            "Nukreipimo keliai ir darbas kartu",
            "Nuo pirmo kontakto iki tinkamos pagalbos, gavus jos sutikimą.",
            "<p>Nukreipimo kelias – tai sutartas maršrutas: į ką moteris gali kreiptis pirmiausia, "
            "kaip institucijos, gavusios jos sutikimą, ją nukreipia toliau ir kas vyksta po to. "
            "Jis aptariamas reguliariuose koordinaciniuose susitikimuose.</p>",
        ),
    },
    # Lesson checks in Lithuanian, by check slug: (title, [(prompt, [(answer, feedback)])]).
    "checks": {
        "safety-data-check": (
            "Pasitikrinkite",
            [
                (
                    "Kitos institucijos kolega prašo pasakyti praėjusį mėnesį "
                    "nukreiptos moters vardą "
                    "„statistikai“. Turėtumėte jį pasakyti.",
                    [
                        ("Tiesa", "Statistikai vardų nereikia: pateikite apibendrintą skaičių."),
                        ("Netiesa", "Teisingai. Statistikai naudojami nuasmeninti duomenys."),
                    ],
                ),
                (
                    "Kodėl skelbiamuose duomenyse slepiami labai maži skaičiai?",
                    [
                        ("Mažoje bendruomenėje jie galėtų atskleisti nukentėjusiąją", "Taip."),
                        (
                            "Maži skaičiai visada klaidingi",
                            "Jie gali būti teisingi ir vis tiek atskleisti.",
                        ),
                    ],
                ),
            ],
        ),
        "health-police-check": (
            "Pasitikrinkite",
            [
                (
                    "Kas priklauso sveikatos sektoriaus vaidmeniui?",
                    [
                        ("Rutininis klausimas apie smurtą", "Taip."),
                        ("Galimybė kalbėtis su moterimi darbuotoja", "Taip."),
                        ("Smurto poveikio sveikatai dokumentavimas", "Taip."),
                        (
                            "Sprendimas, ar pradėti baudžiamąjį persekiojimą",
                            "Tai policijos ir prokuratūros darbas.",
                        ),
                    ],
                ),
                (
                    "Ką pirmiausia turi sutikti moteris, pranešusi apie smurtą policijai?",
                    [
                        ("Pagarbą ir tikėjimą", "Taip."),
                        ("Klausimus, kodėl ji neišėjo", "Tokie klausimai kaltina ją."),
                        ("Prašymą grįžti su liudytoju", "Jos pranešimas priimamas toks, koks yra."),
                    ],
                ),
            ],
        ),
        "referral-check": (
            "Pasitikrinkite",
            [
                (
                    "Moteris šeimos gydytojui pasakoja apie smurtą namuose. Kas pirmiausia?",
                    [
                        (
                            "Išklausyti, įvertinti tiesioginį pavojų ir paaiškinti galimybes",
                            "Taip: saugumas ir jos informuotas pasirinkimas.",
                        ),
                        (
                            "Iškart skambinti policijai",
                            "Ne be jos sutikimo, nebent kyla tiesioginis pavojus gyvybei.",
                        ),
                        (
                            "Pakviesti jos partnerį",
                            "Kreipimasis į smurtautoją gali sukelti pavojų.",
                        ),
                    ],
                ),
                (
                    "Koordinaciniai susitikimai – vieta spręsti nukreipimo kelio "
                    "problemas, išklausant "
                    "NVO ir nukentėjusiųjų patirtį.",
                    [
                        ("Tiesa", "Teisingai."),
                        ("Netiesa", "Būtent tam jie ir skirti."),
                    ],
                ),
            ],
        ),
    },
}

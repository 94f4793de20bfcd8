"""The Lithuanian version of "Coordinated response to violence against women": texts by
position, so block, question and answer ids stay those of the English original
(courses/demo/languages.py translates it through wagtail-localize)."""

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
    "pre_test": ("Prieš pradedant", PRE_POST_LT),
    "post_test": ("Baigiamasis testas", PRE_POST_LT),
    # slug → (title, summary, [texts of the body's blocks in order]): a paragraph's text,
    # a callout's (heading, text); a check is translated in "checks".
    "lessons": {
        "what-is-a-coordinated-response": (
            "Kas yra koordinuotas atsakas",
            "Vienas atsakas, daug institucijų, dėmesys nukentėjusiajai.",
            [
                "<p>Koordinuotas atsakas suburia visas vietos institucijas, į kurias moteris "
                "gali kreiptis: sveikatos priežiūrą, policiją, socialines paslaugas, NVO ir "
                "prieglaudas, bendruomenių ir tikėjimo grupes, savivaldą ir smurtautojų "
                "programas. Kiekviena išlaiko savo funkcijas, bet jos susitaria, kaip dirbs "
                "kartu, kad moteris, kreipusis į vieną iš jų, nebūtų siuntinėjama nuo vienų "
                "durų prie kitų.</p><p>Pavyzdžiui, Kosovo savivaldybių koordinavimo "
                "mechanizmai renkasi kas du mėnesius: policija, teismai, socialinė rūpyba, "
                "lyčių lygybės pareigūnai, prieglaudos ir NVO prie vieno stalo.</p>",
                (
                    "Nukentėjusiųjų saugumas – pirmiausia",
                    "<p>Kiekvienas sprendimas tikrinamas vienu klausimu: ar dėl jo ji ir jos "
                    "vaikai bus saugesni? Susisiekimas su smurtautoju, adreso atskleidimas ar "
                    "spaudimas pranešti policijai, kai ji to nenori, gali kelti jai "
                    "pavojų.</p>",
                ),
                "<p>Nukentėjusiosios taip pat turėtų dalyvauti planuojant ir vertinant atsaką "
                "ir viešai kalbėti tada ir ten, kur tai joms saugu.</p>",
            ],
        ),
        "safety-and-data": (
            "Saugumas, sutikimas ir nuasmeninti duomenys",
            "Kuo galima dalytis, su kuo ir kaip skaičiuojama.",
            [
                "<p>Institucijoms planuoti reikia skaičių: kiek moterų kreipėsi, per kurias "
                "duris ir kas vyko toliau. Šie skaičiai renkami, stebimi ir jais dalijamasi "
                "<b>tik kaip nuasmenintais apibendrintais duomenimis</b>. Moters vardas, "
                "adresas ar istorija perduodami tarp institucijų tik nukreipiant, jei ji su "
                "tuo sutiko.</p>",
                (
                    "Praktikoje",
                    "<p>Rašykite „šį ketvirtį sveikatos centras nukreipė 14 moterų“, o ne "
                    "vardų sąrašą. Mažame mieste slėpkite labai mažus skaičius, nes pagal "
                    "juos galima atpažinti žmogų.</p>",
                ),
            ],
        ),
        "health-and-police": (
            "Sveikatos priežiūra ir policija",
            "Rutininis klausimas, teismo medicinos įrodymai, pranešimai ir pasitikėjimas.",
            [
                "<h3>Sveikatos priežiūra</h3><p>Sveikatos priežiūros įstaigos taiko "
                "atpažinimo ir rutininio klausimo protokolus, užtikrina galimybę kalbėtis su "
                "moterimi darbuotoja, dokumentuoja smurto poveikį sveikatai ir nukreipia į "
                "psichosocialinę bei kitą pagalbą. Darbuotojai mokomi rinkti ir tvarkyti "
                "teismo medicinos įrodymus.</p><h3>Policija</h3><p>Policija aiškiai sako, kad "
                "smurtas prieš moteris yra nusikaltimas ir smurtautojai už jį atsakys, ir "
                "elgiasi pagal šiuos žodžius. Ji kuria būdus, kurie palengvina pranešimą, "
                "pavyzdžiui, specializuotas komandas, reaguoja su pagarba ir tikėjimu ir "
                "mokosi rinkti įrodymus bei apklausti atsižvelgdama į traumą.</p>",
            ],
        ),
        "social-services-and-ngos": (
            "Socialinės paslaugos, NVO ir prieglaudos",
            "Pasiekimas, atstovavimas, specializuota pagalba ir nukreipimo mechanizmai.",
            [
                "<p>Socialinės paslaugos atpažįsta smurtą taikydamos atpažinimo ir rutininio "
                "klausimo protokolus, atsiliepia į emocinius ir socialinius nukentėjusiųjų "
                "poreikius, pasiekia kaimo ir atokių bendruomenių moteris, kuria ir prižiūri "
                "vietos nukreipimo mechanizmus.</p><p>NVO, prieglaudos ir krizių centrai "
                "teikia informaciją, pagalbą ir moterų atstoves, remdamiesi žmogaus teisėmis, "
                "lygybe ir įgalinimu. Jie tikrina, ar visos moterų grupės gali pasiekti jų "
                "paslaugas, ir dažnai vadovauja koordinavimui, kad atsakas išliktų sutelktas "
                "į nukentėjusiąją.</p>",
                (
                    "Apmąstykite",
                    "<p>Kurios jūsų vietovės moterys rečiausiai pasiekia pagalbą: kaimo "
                    "moterys, moterys su negalia, migrantės ar tautinėms mažumoms priklausančios "
                    "moterys? Kas joms atvertų duris?</p>",
                ),
            ],
        ),
        "community-faith-local-government": (
            "Bendruomenės, tikėjimo grupės ir savivalda",
            "Švietimas, dialogas, finansavimas ir saugios viešosios erdvės.",
            [
                "<p>Bendruomenių ir tikėjimo grupės šviečia savo narius apie smurtą prieš "
                "moteris, užtikrina, kad religiniai tekstai niekada nebūtų naudojami "
                "nukentėjusiosioms kaltinti ar smurtautojams teisinti, ir nukreipia moteris į "
                "specializuotas paslaugas. Savivaldos vadovai reguliariai viešai pasisako, "
                "tvariai finansuoja specializuotą pagalbą, dalyvauja koordinavime ir gerina "
                "saugumą viešosiose erdvėse ir transporte. Smurtautojų programos keičia "
                "smurtą toleruojančias vyriškumo sampratas.</p>",
            ],
        ),
        "referral-pathways": (
            "Nukreipimo keliai ir darbas kartu",
            "Nuo pirmo kontakto iki tinkamos pagalbos, gavus jos sutikimą.",
            [
                "<p>Nukreipimo kelias – tai sutartas maršrutas: į ką moteris gali kreiptis "
                "pirmiausia, kaip kiekviena institucija, gavusi jos sutikimą, ją nukreipia "
                "toliau ir kas vyksta po to. Jis užrašytas, žinomas visiems partneriams ir "
                "peržiūrimas reguliariuose koordinaciniuose susitikimuose, kuriuose "
                "institucijos kartu sprendžia problemas ir išklauso NVO bei "
                "nukentėjusiąsias.</p>",
                (
                    "Niekada nenukreipkite be sutikimo",
                    "<p>Paaiškinkite, kas vyks, kam ir kodėl bus perduoti jos duomenys, ir "
                    "gerbkite jos sprendimą. Išimtis – tiesioginis pavojus gyvybei, kaip jį "
                    "apibrėžia jūsų vietos protokolas.</p>",
                ),
            ],
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

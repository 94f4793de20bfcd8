"""The Lithuanian version of "Trauma-informed interviewing" (the Lithuanian programme's
course): texts by position, so block, question and answer ids stay those of the English
original (courses/demo/languages.py translates it through wagtail-localize)."""

INTERVIEWING_LT = {
    "section_title": "Lietuvos specializuotos pagalbos centrų tinklas",
    "title": "Į traumą orientuota apklausa",
    "summary": "Policijos pareigūnams: kaip trauma veikia tai, ką nukentėjusioji gali "
    "papasakoti, ir kaip apklausti, kad jos parodymai ir įrodymai būtų patikimi.",
    "intro": "<p>Trauma keičia tai, kaip žmonės prisimena ir kalba. Apklausa, kurioje "
    "tikimasi tvarkingo, chronologiško pasakojimo, gali iš naujo traumuoti nukentėjusiąją ir "
    "susilpninti bylą. Šis kursas suteikia pareigūnams praktinių būdų apklausti su pagarba "
    "ir tikėjimu.</p>",
    "outcomes": [
        "Atpažinti dažną traumos poveikį atminčiai ir elgesiui",
        "Suplanuoti ir atlikti saugią, pagarbią ir išsamią apklausą",
        "Rinkti įrodymus, nesiremiant vien nukentėjusiosios parodymais",
        "Nukreipti į specializuotą pagalbą ir sekti, kas vyksta toliau",
    ],
    "modules": {
        "trauma": (
            "Trauma ir jos poveikis",
            "Ką trauma daro atminčiai, dėmesiui ir pasitikėjimui.",
        ),
        "interview": ("Apklausa", "Pasirengimas, eiga, įrodymai ir nukreipimas."),
    },
    "post_test": (
        "Baigiamasis testas",
        [
            (
                "Nukentėjusiosios pasakojime yra spragų, o įvykių seka skirtingose apklausose "
                "keičiasi. Greičiausiai tai reiškia, kad:",
                [
                    (
                        "Jos atmintį paveikė trauma – tai dažna",
                        "Taip. Fragmentiška atmintis – žinomas traumos poveikis, o ne melo "
                        "ženklas.",
                    ),
                    ("Ji sako netiesą", "Po traumos nenuoseklumas dažnas ir nėra melo įrodymas."),
                ],
            ),
            (
                "Kas padeda apklausiant nukentėjusiąją?",
                [
                    ("Atskira patalpa ir, jei ji nori, pareigūnė moteris", "Taip."),
                    ("Paaiškinimas, kas bus daroma su jos parodymais", "Taip."),
                    (
                        "Pertraukinėjimas, kad įvykiai būtų sudėlioti iš eilės",
                        "Pirmiausia leiskite jai papasakoti savaip, patikslinkite vėliau.",
                    ),
                    ("Pertraukos, kai jų reikia", "Taip."),
                ],
            ),
            (
                "Byla gali remtis ne tik nukentėjusiosios parodymais, bet ir kitais įrodymais, "
                "pavyzdžiui, medicininiais dokumentais, nuotraukomis, žinutėmis ir liudytojais.",
                [
                    ("Tiesa", "Teisingai: tai ir sumažina spaudimą jai."),
                    ("Netiesa", "Patvirtinantys įrodymai – išsamaus tyrimo dalis."),
                ],
            ),
        ],
    ),
    # slug → (title, summary, [texts of the body's blocks in order]): a paragraph's text,
    # a callout's (heading, text); a check is translated in "checks".
    "lessons": {
        "trauma-and-memory": (
            "Kaip trauma veikia atmintį ir elgesį",
            "Fragmentiški prisiminimai, bejausmė išraiška ir sustingimas yra normalios reakcijos.",
            [
                "<p>Esant didžiulei grėsmei, smegenys pirmiausia rūpinasi išgyvenimu. Įvykio "
                "prisiminimai gali išlikti fragmentais: kvapas, garsas, kambario detalė – be "
                "aiškios sekos. Nukentėjusioji gali atrodyti rami, juoktis arba negalėti "
                "kalbėti. Nė vienas iš šių dalykų neįrodo, kad ji meluoja.</p>",
                (
                    "Praktikoje",
                    "<p>Klauskite, ką ji prisimena mačiusi, girdėjusi, užuodusi ar jautusi, "
                    "užuot prašę papasakoti „viską nuo pradžių“.</p>",
                ),
            ],
        ),
        "respect-and-belief": (
            "Reagavimas su pagarba ir tikėjimu",
            "Nuo pirmosios reakcijos priklauso, ar ji kreipsis vėl.",
            [
                "<p>Moterys dažnai ne kartą bando, kol praneša apie smurtą. Nuo to, kaip "
                "sureaguos pirmasis pareigūnas, priklauso, ar ji vėl pasitikės policija. "
                "Pasakykite jai, kad ji teisingai padarė atėjusi, kad smurtas yra nusikaltimas, "
                "ir kas vyks toliau.</p>",
            ],
        ),
        "planning-and-conducting": (
            "Apklausos planavimas ir atlikimas",
            "Aplinka, tempas, klausimai ir pertraukos.",
            [
                "<p>Numatykite atskirą patalpą, laiką be trukdžių ir, jei ji nori, pareigūnę "
                "moterį bei vertėją, kuris nėra iš jos šeimos ar bendruomenės. Paaiškinkite, "
                "kaip vyks apklausa. Pirmiausia leiskite jai laisvai papasakoti; užduokite "
                "atvirus klausimus; patikslinkite vėliau. Siūlykite pertraukas.</p>",
                (
                    "Saugumas pirmiausia",
                    "<p>Prieš jai išeinant, išsiaiškinkite, kur ji praleis šią naktį ir ar jai "
                    "reikia nukreipimo į prieglaudą ar krizių centrą.</p>",
                ),
            ],
        ),
        "evidence-and-referral": (
            "Įrodymai, nukreipimas ir tolesni veiksmai",
            "Byla, kuri nesiremia vien ja.",
            [
                "<p>Su jos sutikimu surinkite medicininius dokumentus, sužalojimų ir žalos "
                "nuotraukas, žinutes, skambučių išrašus ir liudytojų parodymus. Per vietos "
                "nukreipimo kelią nukreipkite ją į specializuotą pagalbą ir informuokite apie "
                "bylos eigą.</p>",
            ],
        ),
    },
    # Checks by slug: (title, [(prompt, [(answer, feedback)])]).
    "checks": {
        "trauma-memory-check": (
            "Pasitikrinkite",
            [
                (
                    "Nukentėjusioji, kuri pasakodama apie užpuolimą nerodo jokių emocijų, "
                    "tikriausiai sako netiesą.",
                    [
                        ("Tiesa", "Bejausmė išraiška – dažna reakcija į traumą."),
                        (
                            "Netiesa",
                            "Teisingai. Iš laikysenos negalima spręsti, ar žmogus sako tiesą.",
                        ),
                    ],
                ),
                (
                    "Kuris klausimas geriausiai tinka į traumą orientuotai apklausai?",
                    [
                        (
                            "Ką prisimenate girdėjusi tuo metu?",
                            "Taip: klausimai apie pojūčius padeda prisiminti.",
                        ),
                        (
                            "Kodėl nerėkėte?",
                            "Klausimai „kodėl“ skamba kaip kaltinimas; sustingimas – dažna "
                            "reakcija.",
                        ),
                    ],
                ),
            ],
        ),
    },
}

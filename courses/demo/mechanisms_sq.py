"""The Albanian version of "Working in a municipal coordination mechanism": texts by
position, so block, question and answer ids stay those of the English original
(courses/demo/languages.py translates it through wagtail-localize)."""

MECHANISMS_SQ = {
    "section_title": "Mekanizmat koordinues komunalë në Kosovë",
    "title": "Puna në mekanizmin koordinues komunal",
    "summary": "Për anëtarët e mekanizmave koordinues komunalë kundër dhunës në familje: "
    "çfarë bën mekanizmi, si ndiqet plani i veprimit dhe si kërkohen shërbime më të mira "
    "nga komuna.",
    "intro": "<p>Mekanizmi koordinues bashkon të gjitha institucionet që u përgjigjen rasteve "
    "të dhunës në familje në komunë. Ky kurs i shkurtër ju ndihmon ta njihni rolin tuaj, ta "
    "ndiqni planin komunal të veprimit dhe t'ia paraqitni gjetjet komunës.</p>",
    "outcomes": [
        "Të përshkruani rolin e secilit anëtar të mekanizmit",
        "Ta ndiqni planin e veprimit me disa tregues të thjeshtë",
        "Të ndani vetëm numra të përgjithshëm, të anonimizuar",
        "Të përgatitni një rekomandim për komunën",
    ],
    "modules": {
        "mechanism": ("Mekanizmi", "Kush ulet në tryezë dhe çfarë vendos."),
        "monitoring": ("Monitorimi dhe avokimi", "Plani i veprimit, treguesit, kuvendi."),
    },
    # slug → (title, summary, [texts of the body's blocks in order]): a paragraph's text,
    # a callout's (heading, text); a check is translated in "checks".
    "lessons": {
        "who-sits-at-the-table": (
            "Kush ulet në tryezë",
            "Anëtarët e mekanizmit dhe takimet e tyre çdo dy muaj.",
            [
                "<p>Mekanizmi koordinues bashkon policinë, gjyqësorin, Qendrën për Punë "
                "Sociale, zyrtaren komunale për barazi gjinore, mbrojtësen e viktimave, grupin "
                "e grave të kuvendit komunal, drejtoritë e arsimit dhe të punësimit, si dhe "
                "organizatat e shoqërisë civile, përfshirë strehimoren aty ku ka.</p>"
                "<p>Mekanizmi takohet çdo dy muaj. Në çdo takim shqyrtohen rastet e referuara "
                "që nga takimi i fundit, në formë të anonimizuar, dhe kontrollohet çfarë duhej "
                "të ishte bërë sipas Planit komunal të veprimit kundër dhunës në familje.</p>",
            ],
        ),
        "monitoring-the-action-plan": (
            "Monitorimi i planit të veprimit",
            "Treguesit, anketa bazë dhe anketa përfundimtare.",
            [
                "<p>Një plan veprimi vlen aq sa ndiqet. Për çdo masë, merreni vesh për disa "
                "tregues: sa raste u referuan, sa shpejt reagoi Qendra për Punë Sociale, sa "
                "urdhra mbrojtjeje u kërkuan dhe sa u lëshuan. Anketa bazë tregon nga u nis "
                "komuna; anketa përfundimtare tregon çfarë ndryshoi.</p>",
                (
                    "Nga takimi dalin vetëm numrat e përgjithshëm",
                    "<p>Raportoni numra, kurrë emra apo hollësi që mund ta identifikojnë një "
                    "grua. Kur një numër është shumë i vogël, shkruani “më pak se pesë”.</p>",
                ),
            ],
        ),
        "from-findings-to-recommendations": (
            "Nga gjetjet te rekomandimet",
            "Si flitet me komunën, edhe gjatë 16 ditëve të aktivizmit.",
            [
                "<p>Gjetjet e monitorimit bëhen rekomandime: çfarë duhet të ndryshojë, kush "
                "duhet ta bëjë, deri kur dhe sa kushton. Paraqitini ato para kuvendit komunal "
                "dhe zyrës së kryetarit bashkë me anëtarët e tjerë, që asnjë institucion të mos "
                "e bartë mesazhin vetëm.</p><p>16 ditët e aktivizmit, nga 25 nëntori deri më "
                "10 dhjetor, janë një rast i mirë: në një debat publik qytetarët mund ta "
                "pyesin mekanizmin çfarë bën për të mbijetuarat.</p>",
            ],
        ),
    },
    # Checks by slug: (title, [(prompt, [(answer, feedback)])]).
    "checks": {
        "mechanism-advocacy-check": (
            "Kontrolloni njohuritë tuaja",
            [
                (
                    "Një anëtar do t'i tregojë kuvendit se referimet janë të ngadalta. "
                    "Çfarë ndani?",
                    [
                        (
                            "Numrin e referimeve dhe mesataren e ditëve deri te përgjigjja",
                            "Po: numrat e përgjithshëm e tregojnë problemin pa ekspozuar askënd.",
                        ),
                        (
                            "Historinë e një rasti të fundit, me emrin e fshatit",
                            "Kjo mund ta identifikojë atë. Ndani vetëm numra të përgjithshëm.",
                        ),
                    ],
                ),
                (
                    "Mekanizmi koordinues takohet çdo dy muaj.",
                    [
                        ("E vërtetë", "Po: në të shtatë komunat."),
                        ("E gabuar", "Takohet çdo dy muaj."),
                    ],
                ),
            ],
        ),
    },
}

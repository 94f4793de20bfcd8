"""Lithuanian: the national campaign "Stop smurtui prieš moteris" of the specialised help
centres' network."""

INDEX = {
    "title": "Kampanijos",
    "intro": (
        "<p>Programų kampanijos: 16 aktyvizmo dienų prieš smurtą dėl lyties, nacionalinės "
        "kampanijos ir tarptautinės koalicijos. Skaitykite kiekvienos dienos veiksmus, "
        "susiraskite viešą diskusiją netoli jūsų ir įsipareigokite.</p>"
    ),
}

SECTIONS = {"lithuania": "Lietuvos specializuotos pagalbos centrų tinklas"}

LITHUANIA = {
    "title": "Stop smurtui prieš moteris",
    "theme": "Nulinė tolerancija smurtui artimoje aplinkoje",
    "intro": (
        "Nacionalinė specializuotos pagalbos centrų aštuoniuose Lietuvos regionuose kampanija: "
        "smurtas artimoje aplinkoje yra nusikaltimas, pagalba nemokama, o kiekvienas "
        "kaimynas, kolega ir draugas gali ką nors padaryti."
    ),
    "key_messages": [
        "Smurtas artimoje aplinkoje nėra privatus reikalas. Tai nusikaltimas, o pagalba – "
        "nemokama.",
        "Specializuotos pagalbos centrai visuose aštuoniuose regionuose padeda smurtą "
        "patiriančioms moterims: konfidencialiai, susitikus arba telefonu.",
        "Pastebėkite, paklauskite ir pasakykite, kur rasti pagalbą: padėti gali kiekvienas "
        "kaimynas, kolega ir draugas.",
        "Savanoriai stiprina pagalbos centrus: prisijunkite prie tinklo savo regione.",
    ],
    "days": {
        1: (
            "Kampanijos pradžia",
            "Šį vakarą aštuonių regionų savivaldybių pastatai nušvinta oranžine spalva. "
            "Susiraskite savo regiono specializuotos pagalbos centrą ir išsisaugokite jo "
            "numerį.",
            "Smurtas artimoje aplinkoje yra nusikaltimas, o pagalba – nemokama. #StopSmurtui "
            "#16Days",
            "",
        ),
        11: (
            "Tapkite savanoriu",
            "Gruodžio 5-oji – Tarptautinė savanorių diena. Pagalbos centrai rengia savanorius, "
            "kurie atsiliepia į skambučius, lydi moteris į policiją ar teismą ir kalbasi su "
            "mokyklomis.",
            "Noriu padėti: savanoriai stiprina pagalbos centrus. #StopSmurtui",
            "",
        ),
        16: (
            "Baigiamoji diskusija Vilniuje",
            "Žmogaus teisių dieną savanoriai, pagalbos centrai ir politikai susitinka Vilniuje "
            "užbaigti kampanijos. Užsiregistruokite į viešą diskusiją.",
            "Moterų teisės yra žmogaus teisės. Nulinė tolerancija smurtui artimoje aplinkoje. "
            "#StopSmurtui #HumanRightsDay",
            "",
        ),
    },
    "stories": [
        (
            "Kaimynė, kuri paklausė",
            "Kaimynė pastebėjo, kad moteris iš tos pačios laiptinės nebeišeina iš namų. Iš "
            "pradžių ji niekam neskambino: du kartus paklausė, kaip ji laikosi, ir paliko "
            "pagalbos centro lankstinuką. Po kelių mėnesių moteris jai pasakė, kad jį "
            "išsaugojo.",
            "Specializuotos pagalbos centro savanorė",
        ),
    ],
}
